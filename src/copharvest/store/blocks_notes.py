"""What ``check`` says about the editor's order without failing.

A record of a chapter with blocks that no block places follows the blocks ("not
placed"); a public block that places an internal record is left out of public
publications with it; a harvest lesson ``insight-N`` replaces the pack's insight N or
is added after the pack's insights.
"""

from __future__ import annotations

from collections.abc import Iterator
from typing import Any

from copharvest.model import ChapterBlock, Community, Visibility
from copharvest.store.blocks_check import PackFacts, insight_number, refs
from copharvest.store.validate import Issue

_RANK = {Visibility.PUBLIC: 0, Visibility.INTERNAL: 1, Visibility.OFF_RECORD: 2}


def _placed(c: Community) -> dict[tuple[str, str], ChapterBlock]:
    out: dict[tuple[str, str], ChapterBlock] = {}
    for chapter in c.chapters:
        for block in chapter.blocks:
            for collection, rid, _ in refs(block):
                out.setdefault((collection, rid), block)
    return out


def block_warnings(c: Community) -> Iterator[Issue]:
    """What ``check`` warns about the blocks: records not placed, public blocks placing
    records the public may not read."""
    placed = _placed(c)
    with_blocks = {ch.id for ch in c.chapters if ch.blocks}
    names = {"quotes": "quote", "lessons": "lesson", "tables": "table"}
    for collection, what in names.items():
        for i, record in enumerate(getattr(c, collection)):
            if record.chapter not in with_blocks or record.visibility is Visibility.OFF_RECORD:
                continue
            if record.id is None:
                message = (
                    f"this {what} of chapter {record.chapter!r} has no id, so no block can "
                    "place it: it follows the chapter's blocks (give it an id to place it)"
                )
                yield Issue(collection, (i,), message)
            elif (collection, record.id) not in placed:
                message = (
                    f"not placed: {what} {record.id!r} of chapter {record.chapter!r} is in no "
                    "block, so it follows the chapter's blocks"
                )
                yield Issue(collection, (i,), message)
    records: dict[str, dict[str, Any]] = {
        name: {r.id: r for r in getattr(c, name) if r.id} for name in (*names, "readings")
    }
    for i, chapter in enumerate(c.chapters):
        for j, block in enumerate(chapter.blocks):
            for collection, rid, inner in refs(block):
                record = records[collection].get(rid)
                if record is None or _RANK[record.visibility] <= _RANK[block.visibility]:
                    continue
                what = names.get(collection, "reading")
                shown = {v: v.value.replace("_", "-") for v in Visibility}
                article = "an" if block.visibility is Visibility.INTERNAL else "a"
                message = (
                    f"{article} {shown[block.visibility]} block places the "
                    f"{shown[record.visibility]} {what} {rid!r}: publications for the "
                    f"{shown[block.visibility]} audience leave the block out with it"
                )
                yield Issue("chapters", (i, "blocks", j, *inner), message)


def insight_notes(c: Community, pack: PackFacts) -> Iterator[Issue]:
    """What becomes of each harvest lesson ``insight-N`` in the insights annex."""
    for i, lesson in enumerate(c.lessons):
        number = insight_number(lesson)
        if number is None or lesson.visibility is Visibility.OFF_RECORD:
            continue
        if number in pack.insights:
            message = (
                f"{lesson.id!r} replaces the domain pack's insight {number} "
                f"({pack.insights[number]!r}) in the insights annex"
            )
        else:
            message = (
                f"the domain pack has no insight {number}: {lesson.id!r} is added after the "
                f"pack's insights as insight {number}"
            )
        yield Issue("lessons", (i, "id"), message)
