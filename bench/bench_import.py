"""Import a large attendance matrix, side by side with openpyxl's bare read of it.

Run ``python bench/bench_import.py`` (``--profile`` prints a cProfile of one import).
The sheet has 2,000 members (rows) and 1,000 sessions (columns, a date in each
heading), with about 30 % of the cells marked ``x``; it is written with openpyxl's
write-only mode into a temporary folder. Two things are timed on the same file:

(a) ``openpyxl.load_workbook(read_only=True)`` and iterating every row, values only;
(b) ``copharvest import SHEET NEW-FOLDER`` as a library call: check the zip against
    the size limits, read the sheet (cell cap and formula scan included), match
    members, organisations and sessions (same-day sessions told apart, names folded),
    merge, check the result the way ``load`` does and write the harvest folder.

The target is (b) at most 2 times (a).
"""

from __future__ import annotations

import argparse
import cProfile
import datetime as dt
import pstats
import random
import shutil
import statistics
import sys
import tempfile
import time
from collections.abc import Callable
from pathlib import Path

import openpyxl

from copharvest.sheets import apply, plan_import

MEMBERS = 2_000
SESSIONS = 1_000
ATTENDANCE = 0.30
ORGANISATIONS = 60
TARGET = 2.0


def write_sheet(path: Path, seed: int = 1) -> None:
    """The benchmark's matrix sheet."""
    rnd = random.Random(seed)
    workbook = openpyxl.Workbook(write_only=True)
    sheet = workbook.create_sheet("Aanwezigheid")
    first = dt.date(2000, 1, 3)
    days = [first + dt.timedelta(days=7 * i) for i in range(SESSIONS)]
    sheet.append(["Naam", "Organisatie", "Functie", *days])
    for i in range(MEMBERS):
        marks = ["x" if rnd.random() < ATTENDANCE else None for _ in range(SESSIONS)]
        sheet.append(
            [f"Member {i:04d}", f"Organisation {i % ORGANISATIONS:02d}", "adviseur", *marks]
        )
    workbook.save(path)


def bare(path: Path) -> int:
    workbook = openpyxl.load_workbook(path, read_only=True)
    count = 0
    for _row in workbook.active.iter_rows(values_only=True):
        count += 1
    workbook.close()
    return count


def full(path: Path, target: Path) -> int:
    if target.exists():
        shutil.rmtree(target)
    plan = plan_import(path, target, form="matrix")
    apply(plan)
    return sum(len(s.attendance) for s in plan.community.sessions)


def _time(fn: Callable[[], object]) -> float:
    started = time.perf_counter()
    fn()
    return time.perf_counter() - started


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--repeat", type=int, default=3, help="runs of each (default 3)")
    parser.add_argument("--profile", action="store_true", help="profile one import")
    args = parser.parse_args(argv)
    with tempfile.TemporaryDirectory() as tmp:
        sheet = Path(tmp) / "attendance.xlsx"
        target = Path(tmp) / "harvest"
        started = time.perf_counter()
        write_sheet(sheet)
        print(
            f"sheet: {MEMBERS} members x {SESSIONS} sessions, {sheet.stat().st_size / 1e6:.1f} MB, "
            f"written in {time.perf_counter() - started:.1f} s"
        )
        if args.profile:
            profile = cProfile.Profile()
            profile.runcall(full, sheet, target)
            pstats.Stats(profile).sort_stats("cumulative").print_stats(25)
            return 0
        rows = bare(sheet)
        attendances = full(sheet, target)
        print(f"rows read: {rows}; attendances imported: {attendances}")
        a: list[float] = []
        b: list[float] = []
        for _ in range(args.repeat):
            a.append(_time(lambda: bare(sheet)))
            b.append(_time(lambda: full(sheet, target)))
        bare_median = statistics.median(a)
        full_median = statistics.median(b)
        ratio = full_median / bare_median
        print(f"(a) bare openpyxl read-only, values only  median {bare_median:.3f} s  (n={len(a)})")
        print(f"(b) copharvest import into a new folder   median {full_median:.3f} s  (n={len(b)})")
        print(f"ratio (b)/(a): {ratio:.2f}  (target <= {TARGET:.1f})")
        return 0 if ratio <= TARGET else 1


if __name__ == "__main__":
    sys.exit(main())
