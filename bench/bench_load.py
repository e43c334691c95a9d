"""Load a large synthetic harvest folder, side by side with a bare YAML parse.

Run ``python bench/bench_load.py`` (``--profile`` prints a cProfile of one full load).
The synthetic harvest has 2,000 members, 1,000 sessions with about 30 % of the
members attending each, and 5,000 lessons. Two things are timed on the same files:

(a) ``yaml.load(text, Loader=yaml.CSafeLoader)`` of every file, nothing else;
(b) ``copharvest.load(folder)``: parse, structure, and check every cross-reference.

The target is (b) at most 3 times (a).
"""

from __future__ import annotations

import argparse
import cProfile
import datetime as dt
import pstats
import random
import statistics
import sys
import tempfile
import time
from collections.abc import Callable
from pathlib import Path

import yaml

import copharvest
from copharvest import (
    Chapter,
    Community,
    Lesson,
    LessonKind,
    Member,
    Organisation,
    Passage,
    Period,
    PlaceKind,
    ProgrammeItem,
    Quote,
    Session,
    WorkForm,
)

MEMBERS = 2_000
SESSIONS = 1_000
ATTENDANCE = 0.30
LESSONS = 5_000
ORGANISATIONS = 60
CHAPTERS = 24
TARGET = 3.0

_BareLoader = getattr(yaml, "CSafeLoader", yaml.SafeLoader)


def synthetic(seed: int = 1) -> Community:
    """A valid community of the benchmark's size."""
    rnd = random.Random(seed)
    start = dt.date(2000, 1, 1)
    days = 365 * 20
    organisations = tuple(
        Organisation(id=f"org-{i}", name=f"Organisation {i}", kind="municipality", level="city")
        for i in range(ORGANISATIONS)
    )
    session_days = sorted(start + dt.timedelta(days=rnd.randrange(days)) for _ in range(SESSIONS))
    members = []
    for i in range(MEMBERS):
        joined = start + dt.timedelta(days=rnd.randrange(days // 4))
        left = joined + dt.timedelta(days=rnd.randrange(days // 2, days)) if i % 5 == 0 else None
        members.append(
            Member(
                id=f"m{i}",
                name=f"Member {i}",
                organisation=f"org-{i % ORGANISATIONS}",
                role="policy adviser",
                joined=joined,
                left=left,
                consent=i % 2 == 0,
            )
        )
    sessions = []
    for i, day in enumerate(session_days):
        eligible = [
            m.id
            for m in members
            if (m.joined is None or m.joined <= day) and (m.left is None or day <= m.left)
        ]
        # about ATTENDANCE of all members, as far as enough of them are on board
        chance = min(1.0, ATTENDANCE * MEMBERS / max(1, len(eligible)))
        present = [mid for mid in eligible if rnd.random() < chance]
        sessions.append(
            Session(
                id=f"s{i}",
                start=day,
                end=day + dt.timedelta(days=1),
                title=f"Session {i}",
                place="Conference centre",
                place_kind=PlaceKind.VENUE,
                programme=(ProgrammeItem(title="Case clinic", form=WorkForm.CASE_CLINIC),),
                preparation=tuple(present[:3]),
                attendance=tuple(present),
            )
        )
    chapters = tuple(
        Chapter(
            id=f"ch{i}", part=1 + i % 2, title=f"Chapter {i}", body=(Passage(text="A paragraph."),)
        )
        for i in range(CHAPTERS)
    )
    lessons = tuple(
        Lesson(
            text=f"Lesson number {i}: learn from each other's practice.",
            kind=LessonKind.TIP if i % 5 == 0 else LessonKind.LESSON,
            chapter=f"ch{i % CHAPTERS}",
            session=f"s{i % SESSIONS}",
        )
        for i in range(LESSONS)
    )
    quotes = tuple(
        Quote(text=f"Quote {i}", speaker=f"m{i}", session=f"s{i % SESSIONS}")
        for i in range(0, MEMBERS, 10)
    )
    return Community(
        name="Synthetic community",
        period=Period(start=start, end=start + dt.timedelta(days=days + 10)),
        organisations=organisations,
        members=tuple(members),
        sessions=tuple(sessions),
        chapters=chapters,
        lessons=lessons,
        quotes=quotes,
    )


def bare_parse(folder: Path) -> None:
    """Parse every file of the folder with the plain C loader, nothing else."""
    for path in sorted(folder.glob("*.yaml")):
        yaml.load(path.read_text(encoding="utf-8"), Loader=_BareLoader)


def full_load(folder: Path) -> None:
    """Load, structure and validate, as ``copharvest check`` does."""
    copharvest.load(folder)


def error_path(folder: Path) -> tuple[int, float]:
    """Give every session an unknown attendee; time the load that reports them all."""
    path = folder / "sessions.yaml"
    text = path.read_text(encoding="utf-8")
    path.write_text(text.replace("  attendance: [", "  attendance: [nobody, "), encoding="utf-8")
    began = time.perf_counter()
    try:
        copharvest.load(folder)
    except copharvest.HarvestError as exc:
        return len(exc.problems), time.perf_counter() - began
    finally:
        path.write_text(text, encoding="utf-8")
    raise AssertionError("the broken folder loaded")


def timed(fn: Callable[[Path], None], folder: Path) -> float:
    began = time.perf_counter()
    fn(folder)
    return time.perf_counter() - began


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--repeat", type=int, default=5, help="runs of each (default 5)")
    parser.add_argument("--profile", action="store_true", help="print a profile of one load")
    parser.add_argument(
        "--errors", action="store_true", help="also time a load that reports a problem per session"
    )
    args = parser.parse_args(argv)

    with tempfile.TemporaryDirectory(prefix="copharvest-bench-") as tmp:
        folder = Path(tmp) / "harvest"
        community = synthetic()
        copharvest.save(community, folder)
        size = sum(p.stat().st_size for p in folder.glob("*.yaml"))
        attendances = sum(len(s.attendance) for s in community.sessions)
        print(
            f"synthetic harvest: {len(community.members):,} members, "
            f"{len(community.sessions):,} sessions, {attendances:,} attendances "
            f"({attendances / (MEMBERS * SESSIONS):.0%}), {len(community.lessons):,} lessons; "
            f"{size / 1e6:.1f} MB of YAML"
        )
        print(f"C loader available: {_BareLoader is not yaml.SafeLoader}")
        if copharvest.load(folder) != community:
            print("error: the loaded community differs from the saved one", file=sys.stderr)
            return 1

        if args.profile:
            profiler = cProfile.Profile()
            profiler.runcall(full_load, folder)
            pstats.Stats(profiler).sort_stats("cumulative").print_stats(25)

        bare: list[float] = []
        full: list[float] = []
        for _ in range(args.repeat):
            # interleaved, so that both see the same machine state
            bare.append(timed(bare_parse, folder))
            full.append(timed(full_load, folder))
        bare_median = statistics.median(bare)
        full_median = statistics.median(full)
        ratio = full_median / bare_median
        print(f"(a) bare yaml.load, CSafeLoader  median {bare_median:.3f} s  (n={len(bare)})")
        print(f"(b) copharvest.load + validation median {full_median:.3f} s  (n={len(full)})")
        verdict = "within" if ratio <= TARGET else "OVER"
        print(f"ratio (b)/(a): {ratio:.2f}x  ({verdict} the {TARGET:.0f}x target)")
        if args.errors:
            count, seconds = error_path(folder)
            print(f"error path: {count:,} problems located in {seconds:.3f} s (one run)")
    return 0


if __name__ == "__main__":
    sys.exit(main())
