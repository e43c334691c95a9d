"""Hypothesis strategies for valid :class:`copharvest.Community` objects.

"Valid" means what ``copharvest.load`` accepts: ids unique per collection,
cross-references resolved, dates ordered, attendance only between a member's
joining and leaving, sessions inside the community's period. Texts are awkward on
purpose (quotes, colons, ``#``, leading spaces, ``yes``, ``null``, ``0x10``,
``1:20``, Unicode, emoji, newlines), so that what survives them survives anything.

Use ``communities()`` for whole communities and ``texts()``, ``ids()``,
``dates()`` for single values.
"""

from __future__ import annotations

import datetime as dt
import functools
from collections.abc import Sequence
from pathlib import Path
from typing import Any, TypeVar

import attrs
from hypothesis import strategies as st

from copharvest import (
    Chapter,
    Colophon,
    Community,
    Guest,
    Lesson,
    LessonKind,
    LessonSource,
    LessonText,
    Member,
    Organisation,
    Pair,
    PairTable,
    Passage,
    Period,
    PlaceKind,
    ProgrammeItem,
    Quote,
    Reading,
    Session,
    Settings,
    TableKind,
    Verdict,
    Visibility,
    WorkForm,
)
from copharvest.model import (
    CHART_IDS,
    FORMAT_VERSION,
    Annexes,
    AnnexGroup,
    BlockKind,
    ChapterBlock,
    Outsider,
    PartText,
)

T = TypeVar("T")

COVER_IMAGES = ("cover.png", "omslag.jpg", "pictures/cover photo.gif")
"""Cover pictures a generated community may name; :func:`add_pictures` makes them."""


def add_pictures(community: Community, folder: Path) -> None:
    """Put the pictures a community names (its cover, its picture blocks) into its saved
    folder."""
    from PIL import Image

    names = [b.picture for ch in community.chapters for b in ch.blocks if b.picture]
    if community.cover_image is not None:
        names.append(community.cover_image)
    for name in names:
        path = folder / name
        path.parent.mkdir(parents=True, exist_ok=True)
        Image.new("RGB", (60, 40), "darkseagreen").save(path)


AWKWARD_TEXTS = (
    "",
    "plain text",
    'a "quoted" word',
    "it's",
    "key: value",
    "ends with a colon:",
    "# not a comment",
    "a # in the middle",
    "  leading spaces",
    "trailing spaces  ",
    "\ttab first",
    "yes",
    "no",
    "on",
    "off",
    "true",
    "False",
    "null",
    "~",
    "0x10",
    "0o17",
    "010",
    "1:20",
    "1_000",
    "-.5",
    "1.0e5",
    "1e5",
    ".inf",
    ".nan",
    "3.9",
    "42",
    "+1",
    "2010-13-45",
    "2011-05-01",
    "<<",
    "=",
    "- dash",
    "[brackets]",
    "{braces}",
    "&anchor",
    "*alias",
    "!tag",
    "%percent",
    "@at",
    "`backtick`",
    "|",
    ">",
    "?",
    "line one\nline two",
    "paragraph\n\nparagraph\n",
    "trailing newline\n",
    "\nleading newline",
    "windows\r\nline end",
    "Wijkenaanpak — één café, naïef",
    "Ærøskøbing ß ĳ",
    "日本語のテキスト",
    "emoji 😀🎉👩‍👩‍👧",
    "zero\u200bwidth",
    "nbsp\u00a0here",
    "line\u2028separator",
    "next\x85line",
    "bom\ufeffinside",
    "bell\x07",
    "del\x7f",
    "nul\x00byte",
)
"""Texts that trip up naive YAML writers and readers."""

_characters = st.characters(exclude_categories=("Cs",))


@functools.cache
def texts(*, min_size: int = 0, max_size: int = 40) -> st.SearchStrategy[str]:
    """Awkward texts: the fixed list, random Unicode, and both glued together."""
    listed = st.sampled_from([t for t in AWKWARD_TEXTS if min_size <= len(t) <= max_size])
    free = st.text(_characters, min_size=min_size, max_size=max_size)
    glued = st.tuples(st.sampled_from(AWKWARD_TEXTS), free).map("".join)
    return st.one_of(listed, free, glued.filter(lambda t: min_size <= len(t)))


@functools.cache
def ids() -> st.SearchStrategy[str]:
    """Record ids: mostly slugs, sometimes awkward texts (an id must not be blank)."""
    slug = st.text("abcdefghijklmnopqrstuvwxyz0123456789-", min_size=1, max_size=8)
    return st.one_of(slug, slug, texts(min_size=1, max_size=12)).filter(lambda t: t.strip() != "")


def dates(
    min_value: dt.date = dt.date(1990, 1, 1), max_value: dt.date = dt.date(2040, 12, 31)
) -> st.SearchStrategy[dt.date]:
    """Days in a plausible range."""
    return st.dates(min_value=min_value, max_value=max_value)


def optional(strategy: st.SearchStrategy[T]) -> st.SearchStrategy[T | None]:
    """``None`` or a value."""
    return st.none() | strategy


@functools.cache
def passages() -> st.SearchStrategy[Passage]:
    return st.builds(Passage, text=texts(), visibility=st.sampled_from(Visibility))


@functools.cache
def _settings() -> st.SearchStrategy[Settings]:
    # valid settings only: a setting the metrics cannot use is a load error
    rate = optional(st.floats(min_value=0, max_value=1))
    ratio = optional(st.floats(min_value=1, max_value=1e6))
    count = optional(st.integers(min_value=1, max_value=100))
    return st.builds(
        Settings,
        as_of=optional(dates()),
        core_min=count,
        core_rate=rate,
        active_min=count,
        active_rate=rate,
        pigeon_loft_threshold=rate,
        asymmetry_threshold=ratio,
        max_size=count,
        group_by=optional(st.sampled_from(["level", "role", "organisation"])),
        diagonal_min=rate,
        core_share_min=rate,
        practice_min=rate,
        strategic_min=rate,
        learning_min=rate,
        guest_min=rate,
        relaxation_min=rate,
        place_min=rate,
        preparation_min=rate,
    )


@functools.cache
def _colophon() -> st.SearchStrategy[Colophon]:
    lines = st.lists(texts(), max_size=3).map(tuple)
    return st.builds(
        Colophon,
        publisher=texts(),
        address=lines,
        text_by=lines,
        editors=lines,
        contributors=lines,
        thanks=texts(),
        place=texts(),
        date=optional(dates()),
    )


@functools.cache
def _programme_items() -> st.SearchStrategy[ProgrammeItem]:
    return st.builds(
        ProgrammeItem,
        title=texts(),
        form=st.sampled_from(WorkForm),
        description=texts(),
        visibility=st.sampled_from(Visibility),
    )


@functools.cache
def _pairs() -> st.SearchStrategy[Pair]:
    return st.builds(Pair, left=texts(), right=texts(), visibility=st.sampled_from(Visibility))


@functools.cache
def _id_lists(max_size: int) -> st.SearchStrategy[list[str]]:
    return st.lists(ids(), max_size=max_size, unique=True)


def _unique_ids(draw: st.DrawFn, max_size: int, taken: Sequence[str] = ()) -> list[str]:
    # ``taken`` keeps collections apart where the model needs it (guest vs member ids)
    return [i for i in draw(_id_lists(max_size)) if i not in taken]


def _maybe(draw: st.DrawFn, strategy: st.SearchStrategy[T]) -> T | None:
    # inside the composite: cheaper than building optional(strategy) on every call
    return None if draw(st.booleans()) else draw(strategy)


def _pick(draw: st.DrawFn, options: Sequence[T]) -> T | None:
    if not options or draw(st.booleans()):
        return None
    return options[draw(st.integers(0, len(options) - 1))]


def _subset(draw: st.DrawFn, options: Sequence[T], max_size: int = 6) -> tuple[T, ...]:
    chosen = [o for o in options if draw(st.booleans())][:max_size]
    # shuffled a little: the order of a list is kept, whatever it is
    return tuple(reversed(chosen)) if draw(st.booleans()) else tuple(chosen)


@st.composite
def communities(
    draw: st.DrawFn,
    *,
    max_members: int = 6,
    max_sessions: int = 5,
    max_records: int = 4,
    with_blocks: bool = False,
) -> Community:
    """A valid community; sizes are kept small so that examples run fast.

    ``with_blocks``: its chapters have blocks of every kind, placing its records, and it
    has part introductions and annex groups (format version 2).
    """
    start = draw(dates(dt.date(1990, 1, 1), dt.date(2030, 1, 1)))
    end = _maybe(draw, dates(start, start + dt.timedelta(days=3 * 365)))
    last = end if end is not None else start + dt.timedelta(days=3 * 365)

    org_ids = _unique_ids(draw, 3)
    organisations = tuple(
        Organisation(
            id=oid,
            name=draw(texts()),
            kind=_maybe(draw, texts(max_size=12)),
            level=_maybe(draw, st.sampled_from(["national", "city", "district"]) | texts()),
            city=_maybe(draw, texts(max_size=12)),
            region=_maybe(draw, texts(max_size=12)),
        )
        for oid in org_ids
    )

    member_ids = _unique_ids(draw, max_members)
    members = []
    for mid in member_ids:
        joined = _maybe(draw, dates(start, last))
        left = _maybe(draw, dates(joined or start, last))
        members.append(
            Member(
                id=mid,
                name=draw(texts()),
                organisation=_pick(draw, org_ids),
                role=_maybe(draw, texts(max_size=20)),
                level=_maybe(draw, texts(max_size=10)),
                joined=joined,
                left=left,
                consent=draw(st.booleans()),
            )
        )

    guest_ids = _unique_ids(draw, 3, member_ids)
    guest_names = {gid: draw(texts(max_size=20)) for gid in guest_ids}
    session_ids = _unique_ids(draw, max_sessions)
    sessions = []
    for sid in session_ids:
        day = draw(dates(start, last))
        session_end = _maybe(draw, dates(day, min(last, day + dt.timedelta(2))))
        eligible = [
            m.id
            for m in members
            if (m.joined is None or m.joined <= day) and (m.left is None or day <= m.left)
        ]
        guests = []
        for _ in range(draw(st.integers(0, 2))):
            gid = _pick(draw, guest_ids)
            name = guest_names[gid] if gid is not None else draw(texts(max_size=20))
            guests.append(Guest(name=name, description=draw(texts()), id=gid))
        programme = draw(st.lists(_programme_items(), max_size=3))
        sessions.append(
            Session(
                id=sid,
                start=day,
                end=session_end,
                title=draw(texts()),
                place=draw(texts()),
                place_kind=_maybe(draw, st.sampled_from(PlaceKind)),
                theme=_maybe(draw, texts(max_size=12)),
                guests=tuple(guests),
                programme=tuple(programme),
                preparation=_subset(draw, member_ids, 3),
                attendance=_subset(draw, eligible, len(eligible)),
                notes=tuple(draw(st.lists(passages(), max_size=2))),
            )
        )

    chapter_ids = _unique_ids(draw, 3)
    chapters = tuple(
        Chapter(
            id=cid,
            part=draw(st.sampled_from([1, 2])),
            title=draw(texts()),
            theme=_maybe(draw, texts(max_size=12)),
            body=tuple(draw(st.lists(passages(), max_size=3))),
            visibility=draw(st.sampled_from(Visibility)),
        )
        for cid in chapter_ids
    )

    readings = tuple(
        Reading(
            id=rid,
            title=draw(texts()),
            authors=tuple(draw(st.lists(texts(max_size=15), max_size=2))),
            year=_maybe(draw, st.integers(1800, 2100)),
            session=_pick(draw, session_ids),
            presented_by=_subset(draw, member_ids, 2),
            verdict=_maybe(draw, st.sampled_from(Verdict)),
            note=draw(texts()),
            visibility=draw(st.sampled_from(Visibility)),
        )
        for rid in _unique_ids(draw, max_records)
    )

    lessons = tuple(
        Lesson(
            text=draw(texts()),
            id=lid if draw(st.booleans()) else None,
            title=draw(texts()),
            kind=draw(st.sampled_from(LessonKind)),
            source=draw(st.sampled_from(LessonSource)),
            chapter=_pick(draw, chapter_ids),
            session=_pick(draw, session_ids),
            visibility=draw(st.sampled_from(Visibility)),
        )
        for lid in _unique_ids(draw, max_records)
    )

    speakers = member_ids + [g.id for s in sessions for g in s.guests if g.id is not None]
    quotes = tuple(
        Quote(
            text=draw(texts()),
            speaker=speakers[draw(st.integers(0, len(speakers) - 1))],
            id=qid if draw(st.booleans()) else None,
            session=_pick(draw, session_ids),
            chapter=_pick(draw, chapter_ids),
            visibility=draw(st.sampled_from(Visibility)),
        )
        for qid in (_unique_ids(draw, max_records) if speakers else [])
    )

    pair = _pairs()
    tables = tuple(
        PairTable(
            id=tid,
            title=draw(texts()),
            kind=draw(st.sampled_from(TableKind)),
            left_label=draw(texts(max_size=10)),
            right_label=draw(texts(max_size=10)),
            chapter=_pick(draw, chapter_ids),
            rows=tuple(draw(st.lists(pair, max_size=3))),
            visibility=draw(st.sampled_from(Visibility)),
        )
        for tid in _unique_ids(draw, 2)
    )

    if with_blocks:
        chapters = draw(_with_blocks(chapters, quotes, lessons, tables, readings, speakers))

    numbers = draw(st.lists(st.integers(1, 10), max_size=3, unique=True))
    building_lessons = tuple(
        LessonText(number=n, title=draw(texts()), explanation=draw(texts())) for n in numbers
    )
    fields: dict[str, Any] = {
        "name": draw(texts()),
        "period": Period(start=start, end=end),
        "format_version": FORMAT_VERSION,
        "subtitle": draw(texts()),
        "pack": _maybe(draw, st.sampled_from(["wijkenaanpak"]) | ids()),
        "locale": draw(st.sampled_from(["en", "nl"])),
        "colophon": draw(_colophon()),
        "intro": tuple(draw(st.lists(passages(), max_size=3))),
        "cover_image": _maybe(draw, st.sampled_from(COVER_IMAGES)),
        "settings": draw(_settings()),
        "building_lessons": building_lessons,
        "organisations": organisations,
        "members": tuple(members),
        "sessions": tuple(sessions),
        "readings": readings,
        "chapters": chapters,
        "lessons": lessons,
        "quotes": quotes,
        "tables": tables,
    }
    if with_blocks:
        fields.update(draw(_parts_and_annexes(fields["pack"])), format_version=2)
    return Community(**fields)


@st.composite
def _with_blocks(
    draw: st.DrawFn,
    chapters: tuple[Chapter, ...],
    quotes: tuple[Quote, ...],
    lessons: tuple[Lesson, ...],
    tables: tuple[PairTable, ...],
    readings: tuple[Reading, ...],
    speakers: Sequence[str],
) -> tuple[Chapter, ...]:
    """``chapters`` with blocks of every kind; each record placed at most once."""
    K = BlockKind
    visibility = st.sampled_from(Visibility)
    free: dict[str, list[str]] = {
        "quotes": [q.id for q in quotes if q.id],
        "tips": [x.id for x in lessons if x.id and x.kind is LessonKind.TIP],
        "lessons": [x.id for x in lessons if x.id and x.kind is not LessonKind.TIP],
        "tables": [t.id for t in tables],
        "readings": [r.id for r in readings],
    }

    def take(name: str, most: int = 1) -> tuple[str, ...]:
        taken = free[name][: draw(st.integers(0, most))]
        del free[name][: len(taken)]
        return tuple(taken)

    once = [K.KEY_QUESTIONS, K.CONTINUITY]
    out = []
    for chapter in chapters:
        blocks = []
        for kind in draw(st.lists(st.sampled_from(K), max_size=6)):
            vis = draw(visibility)
            if kind is K.PASSAGE:
                block = ChapterBlock(kind=kind, text=draw(texts(min_size=1)), visibility=vis)
            elif kind is K.QUOTE and free["quotes"] and draw(st.booleans()):
                block = ChapterBlock(kind=kind, ref=free["quotes"].pop(0), visibility=vis)
            elif kind is K.QUOTE:
                speaker = _pick(draw, list(speakers))
                outsider = (
                    Outsider(description=draw(texts(min_size=1)), role=draw(texts()))
                    if speaker is None and draw(st.booleans())
                    else None
                )
                quote = Quote(
                    text=draw(texts()),
                    speaker=speaker,
                    outsider=outsider,
                    anonymous=(speaker is None and outsider is None) or draw(st.booleans()),
                )
                block = ChapterBlock(kind=kind, quote=quote, visibility=vis)
            elif kind is K.BOX:
                text = draw(texts())
                boxed, tips = take("lessons", 2), take("tips", 2)
                if not (boxed or tips or text.strip()):
                    continue
                title = _maybe(draw, texts())
                block = ChapterBlock(
                    kind=kind, title=title, lessons=boxed, tips=tips, text=text, visibility=vis
                )
            elif kind is K.TABLE and free["tables"]:
                block = ChapterBlock(kind=kind, ref=free["tables"].pop(0), visibility=vis)
            elif kind is K.READINGS and free["readings"]:
                block = ChapterBlock(
                    kind=kind, readings=(free["readings"].pop(),), title=_maybe(draw, texts())
                )
            elif kind is K.FIGURE:
                chart = draw(st.sampled_from(CHART_IDS))
                block = ChapterBlock(kind=kind, ref=chart, caption=draw(texts()), visibility=vis)
            elif kind is K.PICTURE:
                picture = draw(st.sampled_from(COVER_IMAGES))
                block = ChapterBlock(
                    kind=kind, picture=picture, caption=draw(texts()), alt=draw(texts())
                )
            elif kind in once:
                once.remove(kind)
                block = ChapterBlock(kind=kind, title=_maybe(draw, texts()), visibility=vis)
            else:
                continue
            blocks.append(block)
        out.append(attrs.evolve(chapter, blocks=tuple(blocks)))
    return tuple(out)


@st.composite
def _parts_and_annexes(draw: st.DrawFn, pack: str | None) -> dict[str, Any]:
    parts = tuple(
        PartText(
            number=n,
            title=_maybe(draw, texts()),
            intro=tuple(draw(st.lists(passages(), max_size=2))),
            key_questions=True if n == 1 else draw(st.booleans()),
        )
        for n in draw(st.lists(st.sampled_from([1, 2]), unique=True, max_size=2))
    )

    def groups(numbers: list[int]) -> tuple[AnnexGroup, ...]:
        chosen = draw(st.permutations(numbers))[: draw(st.integers(0, len(numbers)))]
        cut = draw(st.integers(0, len(chosen)))
        halves = [h for h in (chosen[:cut], chosen[cut:]) if h]
        return tuple(AnnexGroup(title=draw(texts()), items=tuple(h)) for h in halves)

    insights = groups(list(range(1, 11))) if pack == "wijkenaanpak" else ()
    annexes = Annexes(building_lessons=groups(list(range(1, 11))), insights=insights)
    return {"parts": parts, "annexes": annexes}
