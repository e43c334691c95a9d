"""Upgrading a harvest folder to format version 2: today's implicit order made explicit.

A chapter without blocks is printed in a fixed order: its quotes, its lessons, its
tips, its insights, its tables. :func:`upgraded` gives every such chapter the blocks
that say exactly that (a quote block per quote, an untitled box per kind of lesson, a
table block per table), so the editor can move them about; the booklet stays the same.
Placed records without an id get one derived from the chapter (``q-<chapter>-<n>``).
:func:`upgrade_changes` writes it through the comment-keeping writer: every comment and
every byte it does not change stay as they are.
"""

from __future__ import annotations

import secrets
from collections.abc import Callable, Sequence
from pathlib import Path
from typing import Any

import attrs

from copharvest.model import (
    FORMAT_VERSION,
    BlockKind,
    Chapter,
    ChapterBlock,
    Community,
    LessonKind,
    Visibility,
)
from copharvest.store import roundtrip, yamlio
from copharvest.store.commit import Change, LayoutError, change, normalise, read
from copharvest.store.folder import SUFFIXES
from copharvest.store.write import unstructure

PREFIXES = {"quote": "q", LessonKind.LESSON: "l", LessonKind.TIP: "t", LessonKind.INSIGHT: "i"}
"""The first letter of an id the upgrade gives: quote, lesson, tip, insight."""
_BOXES = (LessonKind.LESSON, LessonKind.TIP, LessonKind.INSIGHT)


def _visibility(records: Sequence[Any]) -> Visibility:
    """A block shows to whom its least hidden record shows."""
    shown: Visibility = min((r.visibility for r in records), key=list(Visibility).index)
    return shown


class _Ids:
    """New ids, unique among the ids the records already have."""

    def __init__(self, c: Community) -> None:
        self.taken = {q.id for q in c.quotes if q.id} | {x.id for x in c.lessons if x.id}

    def new(self, prefix: str, chapter: str, n: int) -> str:
        base = f"{prefix}-{chapter}-{n}"
        rid, k = base, 2
        while rid in self.taken:
            rid, k = f"{base}-{k}", k + 1
        self.taken.add(rid)
        return rid


def _blocks(
    chapter: Chapter, c: Community, name: Callable[[Any, str, int], str]
) -> tuple[ChapterBlock, ...]:
    def mine(records: Sequence[Any]) -> list[Any]:
        return [
            r
            for r in records
            if r.chapter == chapter.id and r.visibility is not Visibility.OFF_RECORD
        ]

    blocks = [
        ChapterBlock(kind=BlockKind.QUOTE, ref=name(q, "quote", n), visibility=q.visibility)
        for n, q in enumerate(mine(c.quotes), start=1)
    ]
    lessons = mine(c.lessons)
    for kind in _BOXES:
        box = [x for x in lessons if x.kind is kind]
        if not box:
            continue
        ids = tuple(name(x, kind, n) for n, x in enumerate(box, start=1))
        tip = kind is LessonKind.TIP
        blocks.append(
            ChapterBlock(
                kind=BlockKind.BOX,
                lessons=() if tip else ids,
                tips=ids if tip else (),
                visibility=_visibility(box),
            )
        )
    blocks += [
        ChapterBlock(kind=BlockKind.TABLE, ref=t.id, visibility=t.visibility)
        for t in mine(c.tables)
    ]
    return tuple(blocks)


def upgraded(c: Community, privacy_key: str | None = None) -> Community:
    """``c`` in format version 2, with today's implicit order as explicit blocks."""
    ids = _Ids(c)
    given: dict[int, str] = {}  # id() of a record -> the id it gets

    def name(record: Any, kind: Any, n: int) -> str:
        if record.id:
            return str(record.id)
        return given.setdefault(id(record), ids.new(PREFIXES[kind], str(record.chapter), n))

    chapters = tuple(
        ch if ch.blocks else attrs.evolve(ch, blocks=_blocks(ch, c, name)) for ch in c.chapters
    )

    def with_ids(records: tuple[Any, ...]) -> tuple[Any, ...]:
        return tuple(attrs.evolve(r, id=given[id(r)]) if id(r) in given else r for r in records)

    return attrs.evolve(
        c,
        format_version=max(c.format_version, FORMAT_VERSION),
        privacy_key=c.privacy_key or privacy_key or secrets.token_hex(16),
        chapters=chapters,
        quotes=with_ids(c.quotes),
        lessons=with_ids(c.lessons),
    )


def _file(folder: Path, stem: str) -> Path | None:
    found = [folder / f"{stem}{s}" for s in SUFFIXES if (folder / f"{stem}{s}").is_file()]
    return found[0] if found else None


def _in_place(path: Path, stem: str, data: list[Any], original: bytes) -> Change:
    """Records edited where they stand, item by item (a record given an id is still the
    same record: the id is added among its keys, its comments stay)."""
    text = original.decode("utf-8")
    bom = "\ufeff" if text.startswith("\ufeff") else ""
    text = text[len(bom) :]
    old = normalise(stem, yamlio.parse(path, text))
    editor = roundtrip.Editor(text)
    root = editor.root
    if not (
        isinstance(old, list)
        and len(old) == len(data)
        and getattr(root, "flow_style", True) is False
        and len(root.value) == len(old)
    ):
        return change(path, stem, data, original=original)
    for node, before, after in zip(root.value, old, data, strict=True):
        if before != after:
            editor.change_item(node, before, after)
    new_text = editor.result()
    if normalise(stem, yamlio.parse(path, new_text)) != data:
        raise LayoutError(f"{path}: the edited text does not hold the new records")
    return Change(path, original, (bom + new_text).encode("utf-8"))


def upgrade_changes(folder: Path, before: Community, after: Community) -> list[Change]:
    """The files that make ``folder`` (holding ``before``) hold ``after``."""
    old, new = unstructure(before), unstructure(after)
    changes = []
    for stem, data in new.items():
        if old[stem] == data:
            continue
        path = _file(folder, stem) or folder / f"{stem}.yaml"
        original = read(path)
        if original is not None and stem in ("quotes", "lessons") and path.suffix != ".json":
            changes.append(_in_place(path, stem, data, original))
        else:
            changes.append(change(path, stem, data, original=original))
    return [c for c in changes if c.data != c.original]
