"""Checks of the editor's order: chapter blocks, part introductions and annex groups.

The problems (:func:`block_issues`) make a folder fail to load: a reference to a record
that does not exist (with the closest id as a suggestion), a lesson of the wrong kind in
a box, a record placed twice, a second continuity story. What ``check`` only warns
about is in :mod:`copharvest.store.blocks_notes`.
"""

from __future__ import annotations

from collections.abc import Collection, Iterator, Mapping
from typing import Any

import attrs

from copharvest.model import (
    CHART_IDS,
    AnnexGroup,
    BlockKind,
    ChapterBlock,
    Community,
    Lesson,
    LessonKind,
)
from copharvest.store.problems import PathPart
from copharvest.store.validate import Issue, did_you_mean

BUILDING_LESSONS = frozenset(range(1, 11))
"""The numbers of the ten lessons for building a CoP."""


@attrs.frozen
class PackFacts:
    """What the checks need to know of the community's domain pack."""

    tables: frozenset[str]
    """The ids of the pack's tables."""
    insights: Mapping[int, str]
    """The pack's insights: number -> title (in the community's language)."""

    @classmethod
    def of(cls, pack: Any, locale: str) -> PackFacts:
        """The facts of a :class:`~copharvest.pack.DomainPack`."""
        from copharvest.pack import localise

        return cls(
            tables=frozenset(t.id for t in pack.tables),
            insights={i.number: localise(i.title, locale) for i in pack.insights},
        )


def generic_facts(locale: str) -> PackFacts:
    """The facts of the generic pack (a community that names none)."""
    from copharvest.pack import GENERIC

    return PackFacts.of(GENERIC, locale)


def insight_number(lesson: Lesson) -> int | None:
    """N for a harvest lesson that stands in the insights annex as insight N.

    That is a lesson of kind insight, tied to no chapter, with the id ``insight-N``.
    """
    rid = lesson.id
    if (
        lesson.kind is LessonKind.INSIGHT
        and lesson.chapter is None
        and rid is not None
        and rid.startswith("insight-")
        and rid[8:].isdigit()
    ):
        return int(rid[8:])
    return None


@attrs.frozen
class Ids:
    """The ids blocks may refer to; ``None`` where the file could not be read."""

    quotes: frozenset[str] | None
    lessons: Mapping[str, Lesson | None] | None
    """Id -> the lesson (``None`` when it exists but could not be structured)."""
    readings: frozenset[str] | None
    tables: frozenset[str] | None
    """The records' tables and, when the pack is known, the pack's."""
    speakers: frozenset[str] | None
    sessions: frozenset[str] | None
    insights: frozenset[int] | None
    """The numbers of the insights annex, when the pack is known."""

    @classmethod
    def of(
        cls,
        c: Community,
        extra: Mapping[str, Collection[str]],
        unread: Collection[str],
        pack: PackFacts | None,
        speakers: frozenset[str] | None,
        sessions: frozenset[str] | None,
    ) -> Ids:
        def ids(name: str, records: Any) -> frozenset[str] | None:
            if name in unread:
                return None
            return frozenset(r.id for r in records if r.id) | frozenset(extra.get(name, ()))

        lessons: dict[str, Lesson | None] | None = None
        if "lessons" not in unread:
            lessons = dict.fromkeys(extra.get("lessons", ()))
            lessons.update((x.id, x) for x in c.lessons if x.id)
        tables = ids("tables", c.tables)
        if tables is not None:
            # with the pack unknown, a table that is not the records' may be the pack's
            tables = None if pack is None else tables | pack.tables
        return cls(
            quotes=ids("quotes", c.quotes),
            lessons=lessons,
            readings=ids("readings", c.readings),
            tables=tables,
            speakers=speakers,
            sessions=sessions,
            insights=None
            if pack is None or lessons is None
            else frozenset(annex_insights(c, pack)),
        )


def _unknown(what: str, word: str, known: Collection[str]) -> str:
    return f"unknown {what} {word!r}{did_you_mean(word, known)}"


def refs(block: ChapterBlock) -> Iterator[tuple[str, str, tuple[PathPart, ...]]]:
    """(collection, id, path inside the block) of every record the block places."""
    if block.kind is BlockKind.QUOTE and block.ref is not None:
        yield "quotes", block.ref, ("quote",)
    elif block.kind is BlockKind.TABLE and block.ref is not None:
        yield "tables", block.ref, ("table",)
    for k, rid in enumerate(block.lessons):
        yield "lessons", rid, ("lessons", k)
    for k, rid in enumerate(block.tips):
        yield "lessons", rid, ("tips", k)
    for k, rid in enumerate(block.readings):
        yield "readings", rid, ("readings", k)


def _reference(
    block: ChapterBlock, collection: str, rid: str, where: tuple[PathPart, ...], ids: Ids
) -> Iterator[str]:
    """What is wrong with one reference of a block."""
    if collection == "lessons":
        if ids.lessons is None:
            return
        if rid not in ids.lessons:
            yield _unknown("lesson", rid, ids.lessons.keys())
            return
        lesson = ids.lessons[rid]
        if lesson is None:
            return
        if where[0] == "tips" and lesson.kind is not LessonKind.TIP:
            yield f"{lesson.kind.value} {rid!r} is not a tip; place it under lessons"
        elif where[0] == "lessons" and lesson.kind is LessonKind.TIP:
            yield f"tip {rid!r} is not a lesson; place it under tips"
        return
    known = getattr(ids, collection)
    what = {"quotes": "quote", "tables": "table", "readings": "reading"}[collection]
    if known is not None and rid not in known:
        yield _unknown(what, rid, known)


def _inline_quote(block: ChapterBlock, ids: Ids) -> Iterator[tuple[tuple[PathPart, ...], str]]:
    quote = block.quote
    if quote is None:
        return
    speakers, sessions = ids.speakers, ids.sessions
    if speakers is not None and quote.speaker is not None and quote.speaker not in speakers:
        message = (
            f"unknown speaker {quote.speaker!r} (not a member or guest id)"
            f"{did_you_mean(quote.speaker, speakers)}"
        )
        yield ("quote", "speaker"), message
    if sessions is not None and quote.session is not None and quote.session not in sessions:
        yield ("quote", "session"), _unknown("session", quote.session, sessions)


def block_issues(c: Community, ids: Ids) -> Iterator[Issue]:
    """Every problem of the chapters' blocks, the parts and the annex groups."""
    placed: dict[tuple[str, str], tuple[PathPart, ...]] = {}
    once: dict[BlockKind, tuple[PathPart, ...]] = {}
    for i, chapter in enumerate(c.chapters):
        for j, block in enumerate(chapter.blocks):
            at: tuple[PathPart, ...] = (i, "blocks", j)
            for collection, rid, inner in refs(block):
                where = (*at, *inner)
                for message in _reference(block, collection, rid, where[3:], ids):
                    yield Issue("chapters", where, message)
                first = placed.setdefault((collection, rid), where)
                if first != where:
                    what = {"quotes": "quote", "tables": "table", "readings": "reading"}.get(
                        collection, "lesson"
                    )
                    message = f"{what} {rid!r} is placed twice; a record stands once"
                    yield Issue("chapters", where, message, first)
            for inner, message in _inline_quote(block, ids):
                yield Issue("chapters", (*at, *inner), message)
            if block.kind is BlockKind.FIGURE and block.ref not in CHART_IDS:
                message = (
                    f"unknown chart {block.ref!r}{did_you_mean(str(block.ref), CHART_IDS)} "
                    f"(the charts: {', '.join(CHART_IDS)})"
                )
                yield Issue("chapters", (*at, "figure"), message)
            if block.kind in (BlockKind.KEY_QUESTIONS, BlockKind.CONTINUITY):
                key = (*at, block.kind.value)
                first = once.setdefault(block.kind, key)
                if first != key:
                    what = {
                        BlockKind.CONTINUITY: "the continuity story",
                        BlockKind.KEY_QUESTIONS: "the key questions",
                    }[block.kind]
                    yield Issue("chapters", key, f"{what} may stand only once", first)
    yield from _parts(c)
    yield from _annexes(c, ids)


def _parts(c: Community) -> Iterator[Issue]:
    first: dict[int, int] = {}
    for k, part in enumerate(c.parts):
        if part.number in first:
            message = f"part {part.number} is described twice"
            yield Issue("community", ("parts", k, "number"), message, ("parts", first[part.number]))
        first.setdefault(part.number, k)
        if part.number == 1 and not part.key_questions:
            message = "only part 2 opens with the key questions; leave key_questions out here"
            yield Issue("community", ("parts", k, "key_questions"), message)


def annex_insights(c: Community, pack: PackFacts) -> set[int]:
    """The numbers of the insights annex: the pack's and the harvest's ``insight-N``."""
    numbers = set(pack.insights)
    numbers.update(n for x in c.lessons if (n := insight_number(x)) is not None)
    return numbers


def _annexes(c: Community, ids: Ids) -> Iterator[Issue]:
    annexes: tuple[tuple[str, tuple[AnnexGroup, ...], Collection[int] | None], ...] = (
        ("building_lessons", c.annexes.building_lessons, BUILDING_LESSONS),
        ("insights", c.annexes.insights, ids.insights),
    )
    for name, groups, known in annexes:
        first: dict[int, tuple[PathPart, ...]] = {}
        for g, group in enumerate(groups):
            for k, number in enumerate(group.items):
                where: tuple[PathPart, ...] = ("annexes", name, g, "items", k)
                if known is not None and number not in known:
                    shown = ", ".join(map(str, sorted(known))) or "none"
                    message = f"no item {number} in this annex (its items: {shown})"
                    yield Issue("community", where, message)
                elif number in first:
                    message = f"item {number} stands in two groups"
                    yield Issue("community", where, message, first[number])
                first.setdefault(number, where)
