"""Matching the rows and columns of an attendance sheet to the folder's records.

People are matched to the folder's members by id or by name, ignoring case and extra
spaces; sessions by id, by title, or by a date within their first and last day;
organisations by id or name. Whatever is not in the folder yet becomes a new record
with an id made from its name or date. The same person or session met twice in the
sheet must be described the same way both times.
"""

from __future__ import annotations

import datetime as dt
from typing import Any, Literal

import attrs

from copharvest.model import Community, Member, Organisation, Period, Session
from copharvest.sheets import cells
from copharvest.sheets.columns import SKIPPED, Header, heading
from copharvest.sheets.merge import Incoming
from copharvest.sheets.problems import Location, SheetError, SheetProblem
from copharvest.sheets.reader import Grid, Row

Form = Literal["long", "matrix"]
MAX_PROBLEMS = 100


@attrs.frozen(kw_only=True)
class Batch:
    """What a sheet brings, ready to merge into a community."""

    base: Community
    """The community to merge into (the folder's, or a new one)."""
    collections: dict[str, list[Incoming]]
    """Collection name -> records from the sheet."""
    form: Form
    """How the sheet was read."""
    header: Incoming | None = None
    """Changes to the community itself (a wider period), if any."""


class _Problems:
    def __init__(self) -> None:
        self.items: list[SheetProblem] = []

    def add(self, where: Location, message: str) -> None:
        self.items.append(SheetProblem(where=where, message=message))
        if len(self.items) >= MAX_PROBLEMS:
            self.items.append(SheetProblem(where=where, message="too many problems; stopping here"))
            raise SheetError(self.items)


def _unique(base: str, taken: set[str]) -> str:
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


@attrs.define
class _Person:
    id: str
    name: str
    where: Location
    values: dict[str, tuple[Any, Location]] = attrs.field(factory=dict)


class Matcher:
    """Reads one sheet against the folder's records."""

    def __init__(self, grid: Grid, base: Community | None, header: Header) -> None:
        self.grid = grid
        self.header = header
        self.problems = _Problems()
        members = base.members if base else ()
        self.members = {m.id: m for m in members}
        self.member_names: dict[str, list[str]] = {}
        for m in members:
            self.member_names.setdefault(cells.key(m.name), []).append(m.id)
        orgs = base.organisations if base else ()
        self.orgs = {o.id: o for o in orgs}
        self.org_names = {cells.key(o.name): o.id for o in orgs}
        self.sessions = {s.id: s for s in (base.sessions if base else ())}
        self.session_titles = {cells.key(s.title): s.id for s in self.sessions.values() if s.title}
        self.taken_ids = {*self.members, *self.orgs}
        self.taken_sessions = set(self.sessions)
        self.people: dict[str, _Person] = {}
        self.sheet_names: dict[str, str] = {}
        self.new_orgs: dict[str, Incoming] = {}
        self.slots: dict[str, Slot] = {}
        self.slot_keys: dict[Any, str] = {}

    def at(self, row: int, column: int | None = None) -> Location:
        label = self.header.label(column) if column is not None else ""
        return self.grid.at(row, column, label)

    def cell(self, row: Row, field: str) -> tuple[Any, int | None]:
        column = self.header.fields.get(field)
        if column is None or column >= len(row):
            return None, column
        return row[column], column

    # organisations ----------------------------------------------------------

    def organisation(self, name: str, where: Location) -> str:
        if name in self.orgs:
            return name
        key = cells.key(name)
        found = self.org_names.get(key)
        if found is not None:
            return found
        oid = _unique(cells.slug(name), self.taken_ids)
        self.org_names[key] = oid
        self.new_orgs[oid] = Incoming(record=Organisation(id=oid, name=name), where=where)
        return oid

    # members ----------------------------------------------------------------

    def person(self, number: int, row: Row) -> str | None:
        """The member id of a data row, or ``None`` for a row to skip."""
        raw_id, _ = self.cell(row, "id")
        raw_name, name_col = self.cell(row, "name")
        mid, name = cells.text(raw_id), cells.text(raw_name)
        if name is not None and heading(name) in SKIPPED:
            return None  # a totals row
        if mid is None and name is None:
            self.problems.add(self.at(number, name_col), "no name in this row")
            return None
        if mid is None:
            assert name is not None
            mid = self._by_name(name, self.at(number, name_col))
            if mid is None:
                return None
        person = self.people.get(mid)
        if person is None:
            existing = self.members.get(mid)
            shown = existing.name if existing else (name or mid)
            person = _Person(id=mid, name=shown, where=self.at(number))
            self.people[mid] = person
            if existing is None:
                self.taken_ids.add(mid)
        for field in ("organisation", "role", "level"):
            value, column = self.cell(row, field)
            shown_value = cells.text(value)
            if shown_value is None:
                continue
            where = self.at(number, column)
            if field == "organisation":
                shown_value = self.organisation(shown_value, where)
            self.note(person.values, field, shown_value, where, f"member {mid!r}")
        return mid

    def _by_name(self, name: str, where: Location) -> str | None:
        key = cells.key(name)
        known = self.member_names.get(key, [])
        if len(known) > 1:
            self.problems.add(
                where,
                f"{name!r} matches members {', '.join(known)} of the folder; add an id column",
            )
            return None
        if known:
            return known[0]
        mid = self.sheet_names.get(key)
        if mid is None:
            mid = _unique(cells.slug(name), self.taken_ids)
            self.sheet_names[key] = mid
        return mid

    def note(
        self,
        values: dict[str, tuple[Any, Location]],
        field: str,
        value: Any,
        where: Location,
        what: str,
    ) -> None:
        earlier = values.get(field)
        if earlier is None:
            values[field] = (value, where)
        elif earlier[0] != value:
            shown = earlier[0].isoformat() if isinstance(earlier[0], dt.date) else earlier[0]
            now = value.isoformat() if isinstance(value, dt.date) else value
            self.problems.add(
                where,
                f"{what}: {field} {now!r} differs from {shown!r} in row {earlier[1].row}",
            )

    # sessions ---------------------------------------------------------------

    def slot(
        self,
        where: Location,
        *,
        ref: str | None,
        start: dt.date | None,
        end: dt.date | None,
        title: str | None,
    ) -> Slot | None:
        """The session a row or column refers to (by id, title or date)."""
        sid = None
        if ref is not None:
            sid = ref if ref in self.sessions else self.session_titles.get(cells.key(ref))
        if sid is None and start is not None:
            sid = self._by_date(start, where)
        if sid is not None:
            existing = self.sessions[sid]
            slot = self.slots.get(sid)
            if slot is None:
                slot = Slot(id=sid, where=where, start=start or existing.start)
                self.slots[sid] = slot
            if end is not None and end != existing.last_day:
                self.note(slot.values, "end", end, where, f"session {sid!r}")
            return slot
        if start is None:
            self.problems.add(
                where,
                f"session {ref!r} is not in the folder; give its date (a date column, or a "
                "date in the heading)",
            )
            return None
        slot_key: Any = cells.key(ref) if ref is not None else start
        sid = self.slot_keys.get(slot_key)
        if sid is None:
            base = cells.slug(ref) if ref is not None else f"s-{start.isoformat()}"
            sid = _unique(base, self.taken_sessions)
            self.slot_keys[slot_key] = sid
            self.slots[sid] = Slot(id=sid, where=where, start=start)
            if title is None and ref is not None:
                title = ref
        slot = self.slots[sid]
        if end is not None:
            self.note(slot.values, "end", end, where, f"session {sid!r}")
        if title:
            slot.values.setdefault("title", (title, where))
        return slot

    def _by_date(self, day: dt.date, where: Location) -> str | None:
        found = [s.id for s in self.sessions.values() if s.start <= day <= s.last_day]
        if len(found) > 1:
            self.problems.add(
                where, f"{day.isoformat()} falls on sessions {', '.join(found)}; use a session id"
            )
        return found[0] if found else None

    # results ----------------------------------------------------------------

    def batch(self, base: Community | None, name: str, form: Form) -> Batch:
        if self.problems.items:
            raise SheetError(self.problems.items)
        members = []
        for person in self.people.values():
            fields = {k: v[1] for k, v in person.values.items()}
            values = {k: v[0] for k, v in person.values.items()}
            record = Member(id=person.id, name=person.name, **values)
            members.append(Incoming(record=record, where=person.where, fields=fields))
        sessions = []
        for slot in self.slots.values():
            existing = self.sessions.get(slot.id)
            values = {k: v[0] for k, v in slot.values.items()}
            fields = {k: v[1] for k, v in slot.values.items()}
            fields.setdefault("start", slot.where)
            try:
                session = Session(
                    id=slot.id,
                    start=slot.start,
                    attendance=tuple(slot.attendance),
                    **values,
                )
            except ValueError as exc:
                self.problems.add(slot.where, f"session {slot.id!r}: {exc}")
                continue
            if existing is not None and existing.start == slot.start:
                fields.pop("start")
            sessions.append(Incoming(record=session, where=slot.where, fields=fields))
        if self.problems.items:
            raise SheetError(self.problems.items)
        if not sessions and base is None:
            raise SheetError.one(self.grid.at(), "no sessions found in the sheet")
        header = None
        starts = sorted((s.record.start, s.where) for s in sessions)
        if base is None:
            base = Community(name=name, period=Period(start=starts[0][0]))
        elif starts:
            header = _wider_period(base, sessions)
        return Batch(
            base=base,
            collections={
                "organisations": list(self.new_orgs.values()),
                "members": members,
                "sessions": sessions,
            },
            header=header,
            form=form,
        )


def _wider_period(base: Community, sessions: list[Incoming]) -> Incoming | None:
    period = base.period
    first = min(sessions, key=lambda s: s.record.start)
    last = max(sessions, key=lambda s: s.record.last_day)
    start = min(period.start, first.record.start)
    end = None if period.end is None else max(period.end, last.record.last_day)
    if (start, end) == (period.start, period.end):
        return None
    wider = attrs.evolve(base, period=Period(start=start, end=end))
    fields = {"period.start": first.where, "period.end": last.where}
    return Incoming(record=wider, where=first.where, fields=fields)
