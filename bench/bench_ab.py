"""Time whole copharvest commands of two versions of the code, side by side.

Run ``python bench/bench_ab.py REF`` from the repository: REF (a commit, branch or
tag) is checked out into a temporary folder, and each command below runs as its own
process with that version's ``src/`` first on ``PYTHONPATH`` and then with this
working tree's, alternately, so that both sides meet the same machine load. The same
interpreter and installed packages serve both sides; bytecode is cached as for an
installed program. It prints the median wall time of each side and the ratio
(this tree / REF), and the same for CPU time (user + system), which a busy machine
disturbs less.

This is how the replacement table of docs/replacements.md was measured: each
hand-written replacement of a library is kept only where it saves at least 10 % of a
whole ``copharvest build`` (charts on) or ``copharvest check`` of the example harvest.
"""

from __future__ import annotations

import argparse
import os
import resource
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
EXAMPLE = ROOT / "examples" / "wijkenaanpak-2009-2011"


def commands(out: Path) -> dict[str, list[str]]:
    cli = [sys.executable, "-m", "copharvest"]
    return {
        "--help": [*cli, "--help"],
        "check": [*cli, "check", str(EXAMPLE)],
        "build": [*cli, "build", str(EXAMPLE), "-q", "-o", str(out / "b.docx")],
        "build --no-charts": [
            *cli,
            "build",
            str(EXAMPLE),
            "-q",
            "--no-charts",
            "-o",
            str(out / "n.docx"),
        ],
    }


def timed(command: list[str], src: Path) -> tuple[float, float]:
    env = {**os.environ, "PYTHONPATH": str(src)}
    env.pop("PYTHONDONTWRITEBYTECODE", None)
    before = resource.getrusage(resource.RUSAGE_CHILDREN)
    start = time.perf_counter()
    subprocess.run(command, env=env, check=True, stdout=subprocess.DEVNULL)
    wall = time.perf_counter() - start
    after = resource.getrusage(resource.RUSAGE_CHILDREN)
    cpu = (after.ru_utime - before.ru_utime) + (after.ru_stime - before.ru_stime)
    return wall, cpu


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("ref", help="the version to compare with (a commit, branch or tag)")
    parser.add_argument("--runs", type=int, default=7)
    parser.add_argument("--only", action="append", help="time only these commands")
    args = parser.parse_args()
    with tempfile.TemporaryDirectory(prefix="copharvest-ab-") as tmp:
        work = Path(tmp)
        old = work / "old"
        subprocess.run(
            ["git", "-C", str(ROOT), "worktree", "add", "--detach", "-q", str(old), args.ref],
            check=True,
        )
        try:
            sides = {"old": old / "src", "new": ROOT / "src"}
            for name, command in commands(work).items():
                if args.only and name not in args.only:
                    continue
                times: dict[str, list[tuple[float, float]]] = {"old": [], "new": []}
                for src in sides.values():
                    timed(command, src)  # warm up: bytecode, file cache
                for _ in range(args.runs):
                    for side, src in sides.items():
                        times[side].append(timed(command, src))
                wall = {s: statistics.median(t[0] for t in v) for s, v in times.items()}
                cpu = {s: statistics.median(t[1] for t in v) for s, v in times.items()}
                print(
                    f"{name:20} wall {wall['old']:6.3f} s -> {wall['new']:6.3f} s "
                    f"({wall['new'] / wall['old']:.2f}x)   "
                    f"cpu {cpu['old']:6.3f} s -> {cpu['new']:6.3f} s "
                    f"({cpu['new'] / cpu['old']:.2f}x)"
                )
        finally:
            subprocess.run(
                ["git", "-C", str(ROOT), "worktree", "remove", "--force", str(old)], check=True
            )


if __name__ == "__main__":
    main()
