"""Matching the rows and columns of an attendance sheet to the folder's records.

People are matched to the folder's members by id or by name, as people write them:
case, spacing and accents do not count (``Fátima`` is ``Fatima``), in ids too. A new
name close to a member's (a typo: ``Jansen`` next to ``Janssen``) is a conflict
naming that member. Organisations are matched by id, by name, or by name without a
leading kind label of the domain pack (``Arnhem`` is ``Gemeente Arnhem`` when no
other organisation fits). :mod:`copharvest.sheets.sessions` says how sessions are
found. Whatever is not in the folder yet becomes a new record with an id made from
its name or date. The same person or session met twice in the sheet must be
described the same way both times.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Collection, Hashable
from typing import Any, Literal

import attrs

from copharvest.model import Community, Member, Period, Session
from copharvest.sheets import cells
from copharvest.sheets.columns import SKIPPED, Header, heading
from copharvest.sheets.merge import Accept, Incoming
from copharvest.sheets.organisations import Organisations
from copharvest.sheets.problems import Location, SheetError, SheetProblem
from copharvest.sheets.reader import Grid, Row
from copharvest.sheets.sessions import Sessions, Slot, unique

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
    conflicts: tuple[SheetProblem, ...] = ()
    """Possible duplicates of the folder's records; nothing is written while any remain."""


class _Problems:
    def __init__(self) -> None:
        self.items: list[SheetProblem] = []

    def add(self, where: Location, message: str) -> None:
        self.items.append(SheetProblem(where=where, message=message))
        if len(self.items) >= MAX_PROBLEMS:
            self.items.append(SheetProblem(where=where, message="too many problems; stopping here"))
            raise SheetError(self.items)


@attrs.define
class _Person:
    id: str
    name: str
    where: Location
    values: dict[str, tuple[Any, Location]] = attrs.field(factory=dict)


class Matcher:
    """Reads one sheet against the folder's records."""

    def __init__(
        self,
        grid: Grid,
        base: Community | None,
        header: Header,
        *,
        accept: Accept | None = None,
        kind_labels: Collection[str] = (),
    ) -> None:
        self.grid = grid
        self.header = header
        self.accept = accept
        self.problems = _Problems()
        self.conflicts: list[SheetProblem] = []
        members = base.members if base else ()
        self.members = {m.id: m for m in members}
        self.member_ids = {cells.key(m.id): m.id for m in members}
        self.member_names: dict[str, list[str]] = {}
        for m in members:
            self.member_names.setdefault(cells.key(m.name), []).append(m.id)
        self.orgs = Organisations(base.organisations if base else (), kind_labels)
        self.sessions = Sessions(base.sessions if base else (), self.problems.add, self.note)
        self.taken_ids = {*self.members, *self.orgs.known}
        self.taken_sessions = set(self.sessions.known)
        self.people: dict[str, _Person] = {}
        self.sheet_names: dict[str, str] = {}

    def at(self, row: int, column: int | None = None) -> Location:
        label = self.header.label(column) if column is not None else ""
        return self.grid.at(row, column, label)

    def cell(self, row: Row, field: str) -> tuple[Any, int | None]:
        column = self.header.fields.get(field)
        if column is None or column >= len(row):
            return None, column
        return row[column], column

    # organisations ----------------------------------------------------------

    def organisation(self, name: str, where: Location) -> str | None:
        """The id of the organisation ``name`` means; ``None`` when that is unclear."""
        found = self.orgs.find(name)
        if isinstance(found, str):
            return found
        if found:
            shown = ", ".join(f"{o.id} ({o.name})" for o in found)
            self.problems.add(
                where,
                f"organisation {name!r} could be {shown}: write its id or full name "
                "(--organisation-column names the column)",
            )
            return None
        return self.orgs.add(name, where, self.taken_ids)

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
        if mid is not None:
            mid = self.member_ids.get(cells.key(mid), mid)
        else:
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
                if shown_value is None:
                    continue
            self.note(person.values, field, shown_value, where, f"member {mid!r}")
        return mid

    def _by_name(self, name: str, where: Location) -> str | None:
        key = cells.key(name)
        known = self.member_names.get(key, [])
        if len(known) > 1:
            self.problems.add(
                where,
                f"{name!r} matches members {', '.join(known)} of the folder; add a column of "
                "member ids (--id-column)",
            )
            return None
        if known:
            return known[0]
        mid = self.sheet_names.get(key)
        if mid is None:
            mid = unique(cells.slug(name), self.taken_ids)
            self.sheet_names[key] = mid
            self._near(name, key, where)
        return mid

    def _near(self, name: str, key: str, where: Location) -> None:
        """A new name close to a member's is a conflict, unless the sheet is accepted."""
        if self.accept == "sheet":
            return
        near = [m for k, ids in self.member_names.items() if cells.close(key, k) for m in ids]
        if near:
            shown = ", ".join(f"{m!r} ({self.members[m].name})" for m in near)
            self.conflicts.append(
                SheetProblem(
                    where=where,
                    message=f"{name!r} is not in the folder but close to member {shown}: "
                    "write the name as the folder does or add a column of member ids "
                    "(--id-column); --accept-conflicts sheet adds it as a new member",
                )
            )

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
        elif earlier[0] != value and not (
            # texts are compared as people write them: "Werksessie" is "werksessie"
            isinstance(value, str)
            and isinstance(earlier[0], str)
            and cells.key(value) == cells.key(earlier[0])
        ):
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
        key: Hashable,
        ref: str | None,
        start: dt.date | None,
        end: dt.date | None,
        title: str | None,
        details: tuple[str | None, ...] = (),
    ) -> Slot | None:
        """The session a row or column refers to (by id, title or date)."""
        return self.sessions.find(
            where, key=key, ref=ref, start=start, end=end, title=title, details=details
        )

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
        for slot in self.sessions.finish(self.taken_sessions):
            existing = self.sessions.known.get(slot.id)
            values = {k: v[0] for k, v in slot.values.items()}
            fields = {k: v[1] for k, v in slot.values.items()}
            start = values.pop("start", slot.start)
            fields.setdefault("start", slot.where)
            try:
                session = Session(
                    id=slot.id, start=start, attendance=tuple(slot.attendance), **values
                )
            except ValueError as exc:
                self.problems.add(slot.where, f"session {slot.id!r}: {exc}")
                continue
            if existing is not None and existing.start == start:
                fields.pop("start")
            sessions.append(Incoming(record=session, where=slot.where, fields=fields))
        if self.problems.items:
            raise SheetError(self.problems.items)
        if not sessions and base is None:
            raise SheetError.one(
                self.grid.at(),
                "no sessions found in the sheet; is it the right one (--sheet) and layout "
                "(--format)?",
            )
        header = None
        if base is None:
            first = min(s.record.start for s in sessions)
            base = Community(name=name, period=Period(start=first))
        elif sessions:
            header = _wider_period(base, sessions)
        return Batch(
            base=base,
            collections={
                "organisations": list(self.orgs.new.values()),
                "members": members,
                "sessions": sessions,
            },
            header=header,
            form=form,
            conflicts=tuple(self.conflicts),
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
