"""Cross-reference checks on a structured community.

Each problem names the collection (the file) and the data path inside it, so the
loader can point at the line; a record with an id is named in the message, and an
unknown id gets the closest known one as a suggestion.
"""

from __future__ import annotations

import datetime as dt
import difflib
from collections.abc import Collection, Iterable, Iterator, Mapping, Sequence
from pathlib import Path
from typing import TYPE_CHECKING, Any

import attrs

from copharvest.model import FORMAT_VERSION, Community, Member, Session
from copharvest.store.problems import PathPart, Problem, format_path

if TYPE_CHECKING:
    from copharvest.store.blocks_check import PackFacts

SUPPORTED_LOCALES = ("en", "nl")
MAX_PROPERTY = 255
"""The most characters Word keeps in a document property (title, subject, company)."""
PROPERTIES = (
    (("name",), "the title"),
    (("subtitle",), "the subject"),
    (("colophon", "publisher"), "the company"),
)
"""Fields that become the booklet's document properties, and which one each becomes."""


@attrs.frozen
class Issue:
    """A cross-reference problem: the file stem, the data path inside it, the message."""

    file: str
    path: tuple[PathPart, ...]
    message: str
    first: tuple[PathPart, ...] | None = None
    """For a repetition, the path of the first occurrence (the loader adds its line)."""
    record: str = ""
    """The record it is about, by its id (``session 's1'``), where it has one."""

    @property
    def text(self) -> str:
        """The message with the record it is about: ``session 's1': unknown member 'x'``."""
        return f"{self.record}: {self.message}" if self.record else self.message


def _d(day: dt.date) -> str:
    return day.isoformat()


def did_you_mean(word: str, known: Collection[str]) -> str:
    """``"; did you mean 'janssen'?"`` for the known id closest to ``word``, or nothing."""
    close = difflib.get_close_matches(word, list(known), n=1, cutoff=0.6)
    return f"; did you mean {close[0]!r}?" if close else ""


RECORD_NAMES = {
    "organisations": "organisation",
    "members": "member",
    "sessions": "session",
    "readings": "reading",
    "chapters": "chapter",
    "lessons": "lesson",
    "quotes": "quote",
    "tables": "table",
}


def _with_record(c: Community, issue: Issue) -> Issue:
    """The issue with the record at the start of its path named by its id."""
    what = RECORD_NAMES.get(issue.file)
    if what is None or not issue.path or not isinstance(issue.path[0], int):
        return issue
    rid = getattr(getattr(c, issue.file)[issue.path[0]], "id", None)
    if not isinstance(rid, str) or f"{what} id {rid!r}" in issue.message:
        return issue
    return attrs.evolve(issue, record=f"{what} {rid!r}")


def _unknown(what: str, word: str, known: Collection[str]) -> str:
    return f"unknown {what} {word!r}{did_you_mean(word, known)}"


@attrs.frozen
class Known:
    """The ids each cross-reference is checked against.

    ``None`` for a collection whose file could not be read: references into it are
    not checked. A record that exists but has other problems still counts as known.
    """

    organisations: frozenset[str] | None
    members: frozenset[str] | None
    sessions: frozenset[str] | None
    chapters: frozenset[str] | None

    @classmethod
    def of(
        cls,
        c: Community,
        extra: Mapping[str, Collection[str]] | None = None,
        unread: Collection[str] = (),
    ) -> Known:
        extra = extra or {}

        def ids(name: str, records: Iterable[Any]) -> frozenset[str] | None:
            if name in unread:
                return None
            return frozenset(r.id for r in records) | frozenset(extra.get(name, ()))

        return cls(
            organisations=ids("organisations", c.organisations),
            members=ids("members", c.members),
            sessions=ids("sessions", c.sessions),
            chapters=ids("chapters", c.chapters),
        )


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
    for path, role in PROPERTIES:
        value: Any = c
        for part in path:
            value = getattr(value, part)
        if len(value) > MAX_PROPERTY:
            yield Issue(
                "community",
                path,
                f"{len(value):,} characters; Word keeps at most {MAX_PROPERTY} in {role} of "
                "a document, so shorten it",
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


def _members(c: Community, known: Known) -> Iterator[Issue]:
    organisations = known.organisations
    for i, m in enumerate(c.members):
        if (
            organisations is not None
            and m.organisation is not None
            and m.organisation not in organisations
        ):
            message = _unknown("organisation", m.organisation, organisations)
            yield Issue("members", (i, "organisation"), message)
        if m.joined is not None and m.left is not None and m.left < m.joined:
            message = f"leaves ({_d(m.left)}) before joining ({_d(m.joined)})"
            yield Issue("members", (i, "left"), message)


def _unknown_members(
    file: str,
    ids: Sequence[str],
    members: frozenset[str] | None,
    where: tuple[PathPart, ...],
) -> Iterator[Issue]:
    if members is None:
        return
    for j, mid in enumerate(ids):
        if mid not in members:
            yield Issue(file, (*where, j), _unknown("member", mid, members))


def _attendance(
    i: int, s: Session, members: dict[str, Member], known: frozenset[str] | None
) -> Iterator[Issue]:
    if known is None:
        return
    first: dict[str, int] = {}
    day = _d(s.start)
    for j, mid in enumerate(s.attendance):
        where = (i, "attendance", j)
        member = members.get(mid)
        if member is None:
            if mid not in known:
                yield Issue("sessions", where, _unknown("member", mid, known))
            continue
        if mid in first:
            message = f"member {mid!r} is listed twice"
            yield Issue("sessions", where, message, (i, "attendance", first[mid]))
            continue
        first[mid] = j
        if member.joined is not None and s.start < member.joined:
            message = f"member {mid!r} attends on {day}, before joining on {_d(member.joined)}"
            yield Issue("sessions", where, message)
        if member.left is not None and s.start > member.left:
            message = f"member {mid!r} attends on {day}, after leaving on {_d(member.left)}"
            yield Issue("sessions", where, message)


def _period(i: int, s: Session, c: Community) -> Iterator[Issue]:
    period = c.period
    if s.start < period.start:
        message = (
            f"session starts ({_d(s.start)}) before the community's period "
            f"starts ({_d(period.start)})"
        )
        yield Issue("sessions", (i, "start"), message)
    if period.end is not None and s.last_day > period.end:
        field = "end" if s.end is not None else "start"
        message = (
            f"session ends ({_d(s.last_day)}) after the community's period ends ({_d(period.end)})"
        )
        yield Issue("sessions", (i, field), message)


def _sessions(
    c: Community,
    members: dict[str, Member],
    guests: dict[str, str],
    known: Known,
    with_period: bool,
) -> Iterator[Issue]:
    for i, s in enumerate(c.sessions):
        if with_period:
            yield from _period(i, s, c)
        yield from _attendance(i, s, members, known.members)
        where = (i, "preparation")
        yield from _unknown_members("sessions", s.preparation, known.members, where)
        for j, guest in enumerate(s.guests):
            if guest.id is None:
                continue
            if known.members is not None and guest.id in known.members:
                message = f"guest id {guest.id!r} is also a member id"
                yield Issue("sessions", (i, "guests", j, "id"), message)
            elif guests[guest.id] != guest.name:
                message = f"guest {guest.id!r} is named {guests[guest.id]!r} elsewhere"
                yield Issue("sessions", (i, "guests", j, "name"), message)


def _reference(
    name: str, i: int, rec: Any, what: str, field: str, known: frozenset[str] | None
) -> Iterator[Issue]:
    value = getattr(rec, field)
    if known is not None and value is not None and value not in known:
        yield Issue(name, (i, field), _unknown(what, value, known))


def _references(c: Community, guests: Collection[str], known: Known) -> Iterator[Issue]:
    for i, r in enumerate(c.readings):
        yield from _reference("readings", i, r, "session", "session", known.sessions)
        where = (i, "presented_by")
        yield from _unknown_members("readings", r.presented_by, known.members, where)
    records: tuple[tuple[str, Sequence[Any]], ...] = (("lessons", c.lessons), ("quotes", c.quotes))
    for name, items in records:
        for i, rec in enumerate(items):
            yield from _reference(name, i, rec, "chapter", "chapter", known.chapters)
            yield from _reference(name, i, rec, "session", "session", known.sessions)
    if known.members is not None and known.sessions is not None:
        speakers = known.members | frozenset(guests)
        for i, q in enumerate(c.quotes):
            # an outsider or an anonymous quote may have no speaker
            if q.speaker is not None and q.speaker not in speakers:
                message = (
                    f"unknown speaker {q.speaker!r} (not a member or "
                    f"guest id){did_you_mean(q.speaker, speakers)}"
                )
                yield Issue("quotes", (i, "speaker"), message)
    for i, t in enumerate(c.tables):
        yield from _reference("tables", i, t, "chapter", "chapter", known.chapters)


def _blocks(
    c: Community,
    guests: Collection[str],
    known: Known,
    extra: Mapping[str, Collection[str]],
    unread: Collection[str],
    pack: PackFacts | None,
) -> Iterator[Issue]:
    from copharvest.store.blocks_check import Ids, block_issues, generic_facts

    if c.pack is None and "community" not in unread:
        pack = generic_facts(c.locale)
    speakers = None
    if known.members is not None and known.sessions is not None:
        speakers = known.members | frozenset(guests)
    yield from block_issues(c, Ids.of(c, extra, unread, pack, speakers, known.sessions))


def validate(
    community: Community,
    *,
    extra: Mapping[str, Collection[str]] | None = None,
    unread: Collection[str] = (),
    pack: PackFacts | None = None,
) -> list[Issue]:
    """Every cross-reference problem in ``community``; empty when all is well.

    ``pack`` holds what is known of the domain pack the community names (its tables and
    insights); without it, a block's table that is not the records' is not checked.

    For a folder that could be read only in part, ``extra`` holds the ids of records
    that exist but could not be structured (references to them are fine; under
    ``guests``, the ids of the guests of such sessions), and
    ``unread`` the file stems that could not be read at all: references into them
    are not checked, and with ``community`` unread neither are its fields and period.
    """
    c = community
    known = Known.of(c, extra, unread)
    header = "community" not in unread
    issues = list(_header(c)) if header else []
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
    issues.extend(_members(c, known))
    issues.extend(_sessions(c, members, guests, known, header))
    # the guests of sessions that could not be structured are still speakers
    guest_ids = guests.keys() | frozenset((extra or {}).get("guests", ()))
    issues.extend(_references(c, guest_ids, known))
    issues.extend(_blocks(c, guest_ids, known, extra or {}, unread, pack))
    return [_with_record(c, issue) for issue in issues]


def _long_texts(value: Any, where: tuple[PathPart, ...]) -> Iterator[tuple[PathPart, ...]]:
    """The path of every text over the limit, as it would be reported when loaded."""
    from copharvest.model import Passage, Visibility
    from copharvest.store.converter import MAX_TEXT

    stack: list[tuple[Any, tuple[PathPart, ...]]] = [(value, where)]
    while stack:
        item, path = stack.pop()
        if isinstance(item, str):
            if len(item) > MAX_TEXT:
                yield path
        elif isinstance(item, tuple):
            stack.extend((sub, (*path, i)) for i, sub in enumerate(item))
        elif isinstance(item, Passage) and item.visibility is Visibility.PUBLIC:
            stack.append((item.text, path))  # saved as a plain text
        elif attrs.has(type(item)):
            for field in attrs.fields(type(item)):
                stack.append((getattr(item, field.name), (*path, field.name)))


def community_problems(community: Community) -> list[Problem]:
    """Every problem :func:`copharvest.load` would report for ``community`` once saved.

    Each names the file the record is saved to, with the data path and the message
    of loading, and no line.
    """
    from copharvest.store.converter import too_long

    issues: list[Issue] = []
    for field in attrs.fields(Community):
        value = getattr(community, field.name)
        if field.name in COLLECTION_FIELDS:
            for i, record in enumerate(value):
                for path in _long_texts(record, (i,)):
                    issues.append(Issue(field.name, path, too_long(_at(value, path))))
        else:
            for path in _long_texts(value, (field.name,)):
                issues.append(Issue("community", path, too_long(_at(community, path))))
    issues += validate(community)
    rank = {name: n for n, name in enumerate(("community", *COLLECTION_FIELDS))}
    problems = []
    for issue in sorted(issues, key=lambda i: rank[i.file]):
        message = issue.text
        if issue.first is not None:
            message += f" (first at {format_path(issue.first)})"
        problems.append(Problem(file=Path(f"{issue.file}.yaml"), path=issue.path, message=message))
    return problems


COLLECTION_FIELDS = (
    "organisations",
    "members",
    "sessions",
    "readings",
    "chapters",
    "lessons",
    "quotes",
    "tables",
)


def _at(value: Any, path: tuple[PathPart, ...]) -> str:
    for part in path:
        value = value[part] if isinstance(part, int) else getattr(value, part)
    if not isinstance(value, str):
        value = value.text
    return str(value)
