"""Cross-reference checks on a structured community.

Each problem names the collection (the file) and the data path inside it, so the
loader can point at the line.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterable
from typing import Any

from copharvest.model import FORMAT_VERSION, Community, Member
from copharvest.store.problems import PathPart

Issue = tuple[str, tuple[PathPart, ...], str]
"""(file stem, data path, message)."""

SUPPORTED_LOCALES = ("en", "nl")


def _duplicates(name: str, records: Iterable[Any], what: str) -> Iterable[Issue]:
    first: dict[str, int] = {}
    for i, record in enumerate(records):
        rid = record.id
        if rid is None:
            continue
        if rid in first:
            yield name, (i, "id"), f"duplicate {what} id {rid!r} (first used at [{first[rid]}])"
        else:
            first[rid] = i


def _d(day: dt.date) -> str:
    return day.isoformat()


def validate(community: Community) -> list[Issue]:
    """Every cross-reference problem in ``community``; empty when all is well."""
    issues: list[Issue] = []
    add = issues.append
    c = community
    if c.format_version > FORMAT_VERSION:
        add(
            (
                "community",
                ("format_version",),
                f"format version {c.format_version} is newer than this copharvest reads "
                f"({FORMAT_VERSION}); upgrade copharvest",
            )
        )
    elif c.format_version < 1:
        add(("community", ("format_version",), f"format version must be 1 or more, got {c.format_version}"))
    if c.locale not in SUPPORTED_LOCALES:
        add(("community", ("locale",), f"unsupported locale {c.locale!r}; expected one of en, nl"))
    seen_numbers: set[int] = set()
    for i, text in enumerate(c.building_lessons):
        if not 1 <= text.number <= 10:
            add(("community", ("building_lessons", i, "number"), f"expected 1 to 10, got {text.number}"))
        elif text.number in seen_numbers:
            add(("community", ("building_lessons", i, "number"), f"lesson {text.number} is worded twice"))
        seen_numbers.add(text.number)

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

    orgs = {o.id for o in c.organisations}
    members: dict[str, Member] = {m.id: m for m in c.members}
    sessions = {s.id for s in c.sessions}
    chapters = {ch.id for ch in c.chapters}

    for i, m in enumerate(c.members):
        if m.organisation is not None and m.organisation not in orgs:
            add(("members", (i, "organisation"), f"unknown organisation {m.organisation!r}"))
        if m.joined is not None and m.left is not None and m.left < m.joined:
            add(("members", (i, "left"), f"leaves ({_d(m.left)}) before joining ({_d(m.joined)})"))

    guests: dict[str, str] = {}
    period = c.period
    for i, s in enumerate(c.sessions):
        if s.start < period.start:
            add(("sessions", (i, "start"), f"session starts ({_d(s.start)}) before the community's period ({_d(period.start)})"))
        if period.end is not None and s.last_day > period.end:
            field = "end" if s.end is not None else "start"
            add(("sessions", (i, field), f"session ends ({_d(s.last_day)}) after the community's period ({_d(period.end)})"))
        seen: set[str] = set()
        for j, mid in enumerate(s.attendance):
            member = members.get(mid)
            if member is None:
                add(("sessions", (i, "attendance", j), f"unknown member {mid!r}"))
                continue
            if mid in seen:
                add(("sessions", (i, "attendance", j), f"member {mid!r} is listed twice"))
            seen.add(mid)
            if member.joined is not None and s.start < member.joined:
                add(("sessions", (i, "attendance", j), f"member {mid!r} attends on {_d(s.start)}, before joining on {_d(member.joined)}"))
            if member.left is not None and s.start > member.left:
                add(("sessions", (i, "attendance", j), f"member {mid!r} attends on {_d(s.start)}, after leaving on {_d(member.left)}"))
        for j, mid in enumerate(s.preparation):
            if mid not in members:
                add(("sessions", (i, "preparation", j), f"unknown member {mid!r}"))
        for j, guest in enumerate(s.guests):
            if guest.id is None:
                continue
            if guest.id in members:
                add(("sessions", (i, "guests", j, "id"), f"guest id {guest.id!r} is also a member id"))
            elif guests.setdefault(guest.id, guest.name) != guest.name:
                add(("sessions", (i, "guests", j, "name"), f"guest {guest.id!r} is named {guests[guest.id]!r} elsewhere"))

    for i, r in enumerate(c.readings):
        if r.session is not None and r.session not in sessions:
            add(("readings", (i, "session"), f"unknown session {r.session!r}"))
        for j, mid in enumerate(r.presented_by):
            if mid not in members:
                add(("readings", (i, "presented_by", j), f"unknown member {mid!r}"))

    for name, records in (("lessons", c.lessons), ("quotes", c.quotes)):
        for i, rec in enumerate(records):
            if rec.chapter is not None and rec.chapter not in chapters:
                add((name, (i, "chapter"), f"unknown chapter {rec.chapter!r}"))
            if rec.session is not None and rec.session not in sessions:
                add((name, (i, "session"), f"unknown session {rec.session!r}"))
    for i, q in enumerate(c.quotes):
        if q.speaker not in members and q.speaker not in guests:
            add(("quotes", (i, "speaker"), f"unknown speaker {q.speaker!r} (not a member or guest id)"))
    for i, t in enumerate(c.tables):
        if t.chapter is not None and t.chapter not in chapters:
            add(("tables", (i, "chapter"), f"unknown chapter {t.chapter!r}"))
    return issues
