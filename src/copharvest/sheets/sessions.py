"""Which session a sheet's column or row means: told apart by more than its date.

A session is found by its id or title, else by a date within its first and last
day. Two sessions on one day are told apart by the rest of what the sheet says
about them (the text of a heading beside its date, a title, a part of the day, a
time): when that does not settle it, the sheet cannot be read and nothing is
written. Sessions new to the folder get ids from their title or date; several on
one date are numbered in the order of the day (``s-2022-02-09-1``,
``s-2022-02-09-2``), since METRICS.md orders same-day sessions by id.
"""

from __future__ import annotations

import datetime as dt
import re
from collections.abc import Callable, Hashable, Iterable
from typing import Any

import attrs

from copharvest.model import Session
from copharvest.sheets import cells
from copharvest.sheets.problems import Location

Note = Callable[[dict[str, tuple[Any, Location]], str, Any, Location, str], None]
Report = Callable[[Location, str], None]

_PARTS = {
    "ochtend": 9 * 60, "morgen": 9 * 60, "morning": 9 * 60, "voormiddag": 10 * 60,
    "am": 9 * 60, "lunch": 12 * 60, "middag": 13 * 60, "namiddag": 15 * 60,
    "afternoon": 13 * 60, "pm": 13 * 60, "avond": 19 * 60, "evening": 19 * 60,
}  # fmt: skip
_TIME = re.compile(r"(?<!\d)([01]?\d|2[0-3])(?:[:.u]([0-5]\d)|\s*u(?:ur)?\b)(?!\d)")
_LATE = 24 * 60


def minutes(text: str | None) -> int | None:
    """The time of day a text names (``10:00``, ``14.30 uur``, ``middag``), in minutes."""
    if not text:
        return None
    found = _TIME.search(text)
    if found is not None:
        return int(found.group(1)) * 60 + int(found.group(2) or 0)
    for word in cells.key(text).split():
        if word in _PARTS:
            return _PARTS[word]
    return None


def unique(base: str, taken: set[str]) -> str:
    """``base``, or ``base-2``, ``base-3``... whichever is not taken yet (then taken)."""
    candidate, n = base, 2
    while candidate in taken:
        candidate, n = f"{base}-{n}", n + 1
    taken.add(candidate)
    return candidate


@attrs.define
class Slot:
    """A session as the sheet knows it."""

    id: str
    where: Location
    start: dt.date
    values: dict[str, tuple[Any, Location]] = attrs.field(factory=dict)
    attendance: dict[str, None] = attrs.field(factory=dict)
    base: str = ""
    """For a new session: what its id is made from."""
    order: tuple[int, int] = (0, 0)
    """For a new session: (time of day, place in the sheet), to number same-day ones."""


def _label(session: Session) -> str:
    return f"{session.id} ({session.title})" if session.title else session.id


class Sessions:
    """The folder's sessions and those the sheet adds."""

    def __init__(self, sessions: Iterable[Session], report: Report, note: Note) -> None:
        self.known = {s.id: s for s in sessions}
        self.by_key: dict[str, list[str]] = {}
        for s in self.known.values():
            for text in {s.id, s.title or ""} - {""}:
                ids = self.by_key.setdefault(cells.key(text), [])
                if s.id not in ids:
                    ids.append(s.id)
        self.report = report
        self.note = note
        self.slots: dict[str, Slot] = {}
        """Existing session id -> its slot."""
        self.new: dict[Hashable, Slot] = {}
        self.claims: dict[tuple[str, dt.date], tuple[Hashable, Location]] = {}

    def names(self, text: str) -> bool:
        """Whether ``text`` is the id or title of a session of the folder."""
        return cells.key(text) in self.by_key

    def find(
        self,
        where: Location,
        *,
        key: Hashable,
        ref: str | None,
        start: dt.date | None,
        end: dt.date | None,
        title: str | None,
        details: tuple[str | None, ...] = (),
    ) -> Slot | None:
        """The session a row or column means, or ``None`` after reporting why not.

        ``key`` is what the sheet says about the session: equal keys are one session.
        ``details`` are texts that may tell same-day sessions apart.
        """
        sid: str | None = None
        by_ref = False
        if ref is not None:
            found = self.by_key.get(cells.key(ref), [])
            if len(found) > 1 and start is not None:
                found = [s for s in found if self._spans(s, start)] or found
            if len(found) > 1:
                shown = ", ".join(_label(self.known[s]) for s in found)
                self.report(
                    where, f"{ref!r} names several sessions of the folder: {shown}; use an id"
                )
                return None
            if found:
                sid, by_ref = found[0], True
        if sid is None and start is not None:
            sid = self._by_date(start, where, key, (ref, title, *details))
            if sid == "":
                return None
        if sid is not None:
            return self._existing(sid, where, start if by_ref else None, end)
        if start is None:
            self.report(
                where,
                f"session {ref!r} is not in the folder; give its date (a date column: "
                "--date-column, or a date in the heading)",
            )
            return None
        return self._new(where, key, ref, start, end, title, details)

    def _spans(self, sid: str, day: dt.date) -> bool:
        session = self.known[sid]
        return session.start <= day <= session.last_day

    def _by_date(
        self, day: dt.date, where: Location, key: Hashable, details: tuple[str | None, ...]
    ) -> str | None:
        """The folder's session on ``day``; ``""`` when that cannot be told (reported)."""
        found = [s for s in self.known if self._spans(s, day)]
        if len(found) > 1:
            found = _resolve([self.known[s] for s in found], details)
            if len(found) != 1:
                candidates = [s for s in self.known if self._spans(s, day)]
                shown = ", ".join(_label(self.known[s]) for s in found or candidates)
                self.report(
                    where,
                    f"{day.isoformat()} falls on sessions {shown}: cannot tell which; put the "
                    "session's id or title in the heading (or, in a long sheet, a session "
                    "column: --session-column)",
                )
                return ""
        if not found:
            return None
        sid = found[0]
        claim = self.claims.setdefault((sid, day), (key, where))
        if claim[0] != key:
            self.report(
                where,
                f"both this and {claim[1]} fall on session {_label(self.known[sid])} of "
                f"{day.isoformat()}: cannot tell them apart; put the session's id or title "
                "in one of them, or add the other session to the folder first",
            )
            return ""
        return sid

    def _existing(
        self, sid: str, where: Location, start: dt.date | None, end: dt.date | None
    ) -> Slot:
        existing = self.known[sid]
        slot = self.slots.get(sid)
        if slot is None:
            slot = Slot(id=sid, where=where, start=start or existing.start)
            self.slots[sid] = slot
        if start is not None:
            self.note(slot.values, "start", start, where, f"session {sid!r}")
        if end is not None and end != existing.last_day:
            self.note(slot.values, "end", end, where, f"session {sid!r}")
        return slot

    def _new(
        self,
        where: Location,
        key: Hashable,
        ref: str | None,
        start: dt.date,
        end: dt.date | None,
        title: str | None,
        details: tuple[str | None, ...],
    ) -> Slot:
        slot = self.new.get(key)
        if slot is None:
            base = cells.slug(ref) if ref is not None else f"s-{start.isoformat()}"
            time = next((m for m in map(minutes, (title, *details)) if m is not None), _LATE)
            slot = Slot(id=base, where=where, start=start, base=base, order=(time, len(self.new)))
            self.new[key] = slot
            if title is None and ref is not None:
                title = ref
            if title:
                slot.values["title"] = (title, where)
        what = f"session {slot.id!r}"
        self.note(slot.values, "start", start, where, what)
        if end is not None:
            self.note(slot.values, "end", end, where, what)
        return slot

    def finish(self, taken: set[str]) -> list[Slot]:
        """Every slot, the new ones with their final ids."""
        groups: dict[str, list[Slot]] = {}
        for slot in self.new.values():
            groups.setdefault(slot.base, []).append(slot)
        for base, group in groups.items():
            if len(group) == 1:
                group[0].id = unique(base, taken)
                continue
            for n, slot in enumerate(sorted(group, key=lambda s: (s.start, s.order)), start=1):
                slot.id = unique(f"{base}-{n}", taken)
        return [*self.slots.values(), *self.new.values()]


def _resolve(candidates: list[Session], details: tuple[str | None, ...]) -> list[str]:
    """The candidates whose id or title the details name (exactly, else in part)."""
    words = [cells.key(d) for d in details if d]
    for exact in (True, False):
        found = []
        for session in candidates:
            names = [cells.key(t) for t in (session.id, session.title) if t]
            if any(
                w == n if exact else (len(w) >= 3 and (w in n or n in w))
                for w in words
                for n in names
            ):
                found.append(session.id)
        if found:
            return found
    return []
