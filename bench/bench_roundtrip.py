"""Add one session to a commented harvest with ``copharvest import``, beside ``check``.

Run ``python bench/bench_roundtrip.py``. The example harvest of the Wijkenaanpak CoP is
copied and a comment is put after every one-line value and before every record, as a
facilitator's notes would be. A workbook adds one session with 30 attendances of
existing members. Two whole processes are timed, alternately:

(a) ``copharvest check FOLDER``: start, load and check the records;
(b) ``copharvest import SHEET FOLDER`` into a fresh copy of the commented folder: start,
    load, read the sheet, match, merge, check, then write with the comment-keeping
    writer (ruamel.yaml's round-trip parser, only the changed lines rewritten), under
    the folder's lock, all files or none.

The ratio (b)/(a) is reported, with the number of lines the import changed.
"""

from __future__ import annotations

import argparse
import datetime as dt
import difflib
import shutil
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path
from typing import Any

import yaml
from openpyxl import Workbook

import copharvest
from copharvest.store.dialect import Loader

EXAMPLE = Path(__file__).parents[1] / "examples" / "wijkenaanpak-2009-2011"
DAY = dt.datetime(2010, 6, 9)
ATTENDANCES = 30


def comment(text: str) -> str:
    """``text`` with a comment after every one-line value and before every record."""
    root = yaml.compose(text, Loader=Loader)
    lines = text.split("\n")
    after: set[int] = set()
    before: set[int] = set()
    stack: list[Any] = [root]
    while stack:
        node = stack.pop()
        if isinstance(node, yaml.SequenceNode) and not node.flow_style:
            before.update(item.start_mark.line for item in node.value[1:])
            stack += node.value
        elif isinstance(node, yaml.MappingNode) and not node.flow_style:
            for _, value in node.value:
                one_line = value.start_mark.line == value.end_mark.line
                if isinstance(value, yaml.ScalarNode) and not value.style and one_line:
                    after.add(value.end_mark.line)
                stack.append(value)
    for n in sorted(after):
        lines[n] += f"  # note {n}"
    for n in sorted(before, reverse=True):
        lines.insert(n, f"# about the next record ({n})")
    return "\n".join(lines)


def prepare(tmp: Path) -> tuple[Path, Path]:
    folder = tmp / "commented"
    shutil.copytree(EXAMPLE, folder)
    for path in folder.glob("*.yaml"):
        path.write_text(comment(path.read_text(encoding="utf-8")), encoding="utf-8")
    community = copharvest.load(folder)
    assert community == copharvest.load(EXAMPLE)
    book = Workbook()
    sheet = book.active
    assert sheet is not None
    sheet.append(["Naam", DAY])
    day = DAY.date()
    present = [
        m
        for m in community.members
        if (m.joined is None or m.joined <= day) and (m.left is None or day <= m.left)
    ]
    for member in present[:ATTENDANCES]:
        sheet.append([member.name, "x"])
    workbook = tmp / "session.xlsx"
    book.save(workbook)
    return folder, workbook


def _run(*args: str | Path) -> float:
    started = time.perf_counter()
    done = subprocess.run(
        [sys.executable, "-m", "copharvest", *map(str, args)],
        capture_output=True,
        text=True,
        check=False,
    )
    elapsed = time.perf_counter() - started
    if done.returncode != 0:
        raise SystemExit(f"copharvest {args[0]} failed:\n{done.stdout}{done.stderr}")
    return elapsed


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--repeat", type=int, default=7, help="runs of each (default 7)")
    args = parser.parse_args(argv)
    with tempfile.TemporaryDirectory() as name:
        tmp = Path(name)
        folder, workbook = prepare(tmp)
        target = tmp / "target"
        checks: list[float] = []
        imports: list[float] = []
        for _ in range(args.repeat):
            checks.append(_run("check", folder))
            if target.exists():
                shutil.rmtree(target)
            shutil.copytree(folder, target)
            imports.append(_run("import", workbook, target))
        changed = 0
        for path in sorted(folder.glob("*.yaml")):
            old = path.read_text(encoding="utf-8").splitlines()
            new = (target / path.name).read_text(encoding="utf-8").splitlines()
            changed += sum(
                1
                for line in difflib.unified_diff(old, new, lineterm="", n=0)
                if line[:1] in "+-" and not line.startswith(("+++", "---"))
            )
        session = next(s for s in copharvest.load(target).sessions if s.start == DAY.date())
        lines = sum(len(p.read_text().splitlines()) for p in folder.glob("*.yaml"))
        print(f"commented example: {lines} lines; the import added session {session.id!r} with")
        print(f"{len(session.attendance)} attendances, changing {changed} lines (added or removed)")
        check = statistics.median(checks)
        imp = statistics.median(imports)
        print(f"(a) copharvest check              median {check:.3f} s  (n={len(checks)})")
        print(f"(b) copharvest import (one session) median {imp:.3f} s  (n={len(imports)})")
        print(f"ratio (b)/(a): {imp / check:.2f}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
