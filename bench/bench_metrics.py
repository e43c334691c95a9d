"""Benchmark: every metric of METRICS.md on synthetic communities.

    python bench/bench_metrics.py [--repeat N]

Three communities (members × sessions, about 30 % attendance): 500 × 250,
1,000 × 500 and 2,000 × 1,000. Target: the largest in at most 2 s, and each doubling of
both dimensions at most 4.5 times as slow (the attendance matrix itself grows 4 times).
Building the communities is not timed; ``analyse`` (metrics, buddies, health check) is.
"""

from __future__ import annotations

import argparse
import datetime as dt
import random
import sys
import time

from copharvest.analysis import analyse
from copharvest.model import Community, Member, Organisation, Period, Session

SIZES = ((500, 250), (1000, 500), (2000, 1000))
"""(members, sessions) of the three communities."""
TARGET_SECONDS = 2.0
TARGET_RATIO = 4.5


def synthetic(members: int, sessions: int, *, attendance: float = 0.3, seed: int = 1) -> Community:
    """A community with a stable core, a middle group and a large periphery.

    Members come and go over the community's life; the mean attendance over the whole
    matrix is about ``attendance``. The same arguments give the same community.
    """
    rng = random.Random(seed)
    start = dt.date(2000, 1, 1)
    days = [start + dt.timedelta(days=7 * t) for t in range(sessions)]
    n_orgs = max(3, members // 8)
    orgs = tuple(
        Organisation(
            id=f"o{i:04d}",
            name=f"Organisation {i}",
            level="national" if i % 10 == 0 else ("city" if i % 3 else "district"),
        )
        for i in range(n_orgs)
    )
    people: list[Member] = []
    schedules: list[tuple[int, int, float]] = []
    for i in range(members):
        kind = rng.random()
        # Propensities tuned so that the matrix is about `attendance` full.
        scale = attendance / 0.3
        if kind < 0.15:
            first, last, p = 0, sessions, min(1.0, 0.9 * scale)
        elif kind < 0.45:
            first = rng.randrange(0, sessions // 3 + 1)
            last, p = sessions, min(1.0, 0.45 * scale)
        else:
            first = rng.randrange(0, sessions)
            last = min(sessions, first + rng.randrange(1, sessions // 2 + 2))
            p = min(1.0, 0.3 * scale)
        schedules.append((first, last, p))
        people.append(
            Member(
                id=f"m{i:05d}",
                name=f"Member {i}",
                organisation=orgs[rng.randrange(n_orgs)].id,
                joined=days[first],
                left=days[last - 1] if last < sessions else None,
            )
        )
    present: list[list[str]] = [[] for _ in range(sessions)]
    for member, (first, last, p) in zip(people, schedules, strict=True):
        for t in range(first, last):
            if rng.random() < p:
                present[t].append(member.id)
    return Community(
        name=f"Synthetic {members} x {sessions}",
        period=Period(start=start),
        organisations=orgs,
        members=tuple(people),
        sessions=tuple(
            Session(id=f"s{t:04d}", start=days[t], attendance=tuple(present[t]))
            for t in range(sessions)
        ),
    )


def timed(community: Community, repeat: int) -> float:
    """The best of ``repeat`` runs of the whole analysis, in seconds."""
    best = float("inf")
    for _ in range(repeat):
        began = time.perf_counter()
        analyse(community)
        best = min(best, time.perf_counter() - began)
    return best


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--repeat", type=int, default=3, help="runs per size; the best counts")
    args = parser.parse_args(argv)
    header = (("members", 8), ("sessions", 9), ("attendances", 12), ("fill", 6))
    print(" ".join(f"{h:>{w}}" for h, w in (*header, ("seconds", 9), ("ratio", 7))))
    previous = None
    ok = True
    for members, sessions in SIZES:
        community = synthetic(members, sessions)
        attendances = sum(len(s.attendance) for s in community.sessions)
        seconds = timed(community, args.repeat)
        ratio = seconds / previous if previous else None
        shown = f"{ratio:.2f}x" if ratio is not None else "–"
        fill = attendances / (members * sessions)
        print(
            f"{members:>8} {sessions:>9} {attendances:>12,} {fill:>6.1%} {seconds:>9.3f} {shown:>7}"
        )
        if ratio is not None and ratio > TARGET_RATIO:
            ok = False
        previous = seconds
    assert previous is not None
    if previous > TARGET_SECONDS:
        ok = False
    print(
        f"target: largest ≤ {TARGET_SECONDS:g} s, each doubling ≤ {TARGET_RATIO:g}x: "
        + ("met" if ok else "NOT met")
    )
    return 0 if ok else 1


if __name__ == "__main__":
    sys.exit(main())
