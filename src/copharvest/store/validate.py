"""Cross-reference checks on a structured community.

Each problem names the collection (the file) and the data path inside it, so the
loader can point at the line.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterable, Iterator, Sequence
from typing import Any

import attrs

from copharvest.model import FORMAT_VERSION, Community, Member, Session
from copharvest.store.problems import PathPart

SUPPORTED_LOCALES = ("en", "nl")


@attrs.frozen
class Issue:
    """A cross-reference problem: the file stem, the data path inside it, the message."""

    file: str
    path: tuple[PathPart, ...]
    message: str
    first: tuple[PathPart, ...] | None = None
    """For a repetition, the path of the first occurrence (the loader adds its line)."""


def _d(day: dt.date) -> str:
    return day.isoformat()


def _duplicates(name: str, records: Iterable[Any], what: str) -> Iterator[Issue]:
    first: dict[str, int] = {}
    for i, record in enumerate(records):
        rid = record.id
        if rid is None:
            continue
        if rid in first:
            yield Issue(name, (i, "id"), f"duplicate {what} id {rid!r}", (first[rid], "id"))
        else:
            first[rid] = i


def _header(c: Community) -> Iterator[Issue]:
    if c.format_version > FORMAT_VERSION:
        yield Issue(
            "community",
            ("format_version",),
            f"format version {c.format_version} is newer than this copharvest reads "
            f"({FORMAT_VERSION}); upgrade copharvest",
        )
    elif c.format_version < 1:
        yield Issue(
            "community",
            ("format_version",),
            f"format version must be 1 or more, got {c.format_version}",
        )
    if c.locale not in SUPPORTED_LOCALES:
        options = ", ".join(SUPPORTED_LOCALES)
        yield Issue(
            "community", ("locale",), f"unsupported locale {c.locale!r}; expected one of {options}"
        )
    numbers: dict[int, int] = {}
    for i, text in enumerate(c.building_lessons):
        where = ("building_lessons", i, "number")
        if not 1 <= text.number <= 10:
            yield Issue("community", where, f"expected 1 to 10, got {text.number}")
        elif text.number in numbers:
            first = ("building_lessons", numbers[text.number], "number")
            yield Issue("community", where, f"lesson {text.number} is worded twice", first)
        numbers.setdefault(text.number, i)
    yield from _settings(c)


def _settings(c: Community) -> Iterator[Issue]:
    """Each setting the metrics cannot use (checked one by one, to report them all)."""
    from copharvest.continuity import ParameterError, Parameters

    for field in attrs.fields(type(c.settings)):
        value = getattr(c.settings, field.name)
        if value is None:
            continue
        try:
            Parameters.resolve(type(c.settings)(**{field.name: value}))
        except ParameterError as exc:
            yield Issue("community", ("settings", exc.name), exc.reason)


def _members(c: Community) -> Iterator[Issue]:
    organisations = {o.id for o in c.organisations}
    for i, m in enumerate(c.members):
        if m.organisation is not None and m.organisation not in organisations:
            yield Issue("members", (i, "organisation"), f"unknown organisation {m.organisation!r}")
        if m.joined is not None and m.left is not None and m.left < m.joined:
            message = f"leaves ({_d(m.left)}) before joining ({_d(m.joined)})"
            yield Issue("members", (i, "left"), message)


def _unknown_members(
    file: str,
    ids: Sequence[str],
    members: dict[str, Member],
    where: tuple[PathPart, ...],
) -> Iterator[Issue]:
    for j, mid in enumerate(ids):
        if mid not in members:
            yield Issue(file, (*where, j), f"unknown member {mid!r}")


def _attendance(i: int, s: Session, members: dict[str, Member]) -> Iterator[Issue]:
    first: dict[str, int] = {}
    day = _d(s.start)
    for j, mid in enumerate(s.attendance):
        where = (i, "attendance", j)
        member = members.get(mid)
        if member is None:
            yield Issue("sessions", where, f"unknown member {mid!r}")
            continue
        if mid in first:
            yield Issue(
                "sessions", where, f"member {mid!r} is listed twice", (i, "attendance", first[mid])
            )
            continue
        first[mid] = j
        if member.joined is not None and s.start < member.joined:
            message = f"member {mid!r} attends on {day}, before joining on {_d(member.joined)}"
            yield Issue("sessions", where, message)
        if member.left is not None and s.start > member.left:
            message = f"member {mid!r} attends on {day}, after leaving on {_d(member.left)}"
            yield Issue("sessions", where, message)


def _sessions(c: Community, members: dict[str, Member], guests: dict[str, str]) -> Iterator[Issue]:
    period = c.period
    for i, s in enumerate(c.sessions):
        if s.start < period.start:
            message = (
                f"session starts ({_d(s.start)}) before the community's period "
                f"starts ({_d(period.start)})"
            )
            yield Issue("sessions", (i, "start"), message)
        if period.end is not None and s.last_day > period.end:
            field = "end" if s.end is not None else "start"
            message = (
                f"session ends ({_d(s.last_day)}) after the community's period "
                f"ends ({_d(period.end)})"
            )
            yield Issue("sessions", (i, field), message)
        yield from _attendance(i, s, members)
        yield from _unknown_members("sessions", s.preparation, members, (i, "preparation"))
        for j, guest in enumerate(s.guests):
            if guest.id is None:
                continue
            if guest.id in members:
                message = f"guest id {guest.id!r} is also a member id"
                yield Issue("sessions", (i, "guests", j, "id"), message)
            elif guests[guest.id] != guest.name:
                message = f"guest {guest.id!r} is named {guests[guest.id]!r} elsewhere"
                yield Issue("sessions", (i, "guests", j, "name"), message)


def _references(
    c: Community, members: dict[str, Member], guests: dict[str, str]
) -> Iterator[Issue]:
    sessions = {s.id for s in c.sessions}
    chapters = {ch.id for ch in c.chapters}
    for i, r in enumerate(c.readings):
        if r.session is not None and r.session not in sessions:
            yield Issue("readings", (i, "session"), f"unknown session {r.session!r}")
        yield from _unknown_members("readings", r.presented_by, members, (i, "presented_by"))
    records: tuple[tuple[str, Sequence[Any]], ...] = (("lessons", c.lessons), ("quotes", c.quotes))
    for name, items in records:
        for i, rec in enumerate(items):
            if rec.chapter is not None and rec.chapter not in chapters:
                yield Issue(name, (i, "chapter"), f"unknown chapter {rec.chapter!r}")
            if rec.session is not None and rec.session not in sessions:
                yield Issue(name, (i, "session"), f"unknown session {rec.session!r}")
    for i, q in enumerate(c.quotes):
        if q.speaker not in members and q.speaker not in guests:
            message = f"unknown speaker {q.speaker!r} (not a member or guest id)"
            yield Issue("quotes", (i, "speaker"), message)
    for i, t in enumerate(c.tables):
        if t.chapter is not None and t.chapter not in chapters:
            yield Issue("tables", (i, "chapter"), f"unknown chapter {t.chapter!r}")


def validate(community: Community) -> list[Issue]:
    """Every cross-reference problem in ``community``; empty when all is well."""
    c = community
    issues = list(_header(c))
    for name, records, what in (
        ("organisations", c.organisations, "organisation"),
        ("members", c.members, "member"),
        ("sessions", c.sessions, "session"),
        ("readings", c.readings, "reading"),
        ("chapters", c.chapters, "chapter"),
        ("lessons", c.lessons, "lesson"),
        ("quotes", c.quotes, "quote"),
        ("tables", c.tables, "table"),
    ):
        issues.extend(_duplicates(name, records, what))
    members = {m.id: m for m in c.members}
    guests: dict[str, str] = {}  # guest id -> the name it first appears with
    for s in c.sessions:
        for guest in s.guests:
            if guest.id is not None:
                guests.setdefault(guest.id, guest.name)
    issues.extend(_members(c))
    issues.extend(_sessions(c, members, guests))
    issues.extend(_references(c, members, guests))
    return issues
