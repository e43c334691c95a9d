"""Every block of a chapter stands where the editor put it, in every format, for the
audience that may read it.

For each kind of block a chapter holds three of them (public, internal, off the record)
between passages: docx (read back with python-docx, paragraph by paragraph), markdown
and json must show the public one between its neighbours for both audiences, the
internal one only for the internal audience, and the off-record one never.
"""

from __future__ import annotations

import io
import json
from collections.abc import Callable
from pathlib import Path
from typing import Any

import attrs
import docx
import pytest
from docx.oxml.ns import qn
from docx.text.paragraph import Paragraph

from copharvest.model import (
    BlockKind,
    ChapterBlock,
    Community,
    Lesson,
    LessonKind,
    Outsider,
    Pair,
    PairTable,
    Quote,
    TableKind,
    Visibility,
)
from copharvest.pipeline import render
from copharvest.plugins import get_plugins
from copharvest.privacy import Audience
from test_docx_data import png, rich_community

pytest.importorskip("copharvest_wijkenaanpak")

VISIBILITIES = {
    Visibility.PUBLIC: "PUBLIEK",
    Visibility.INTERNAL: "INTERN",
    Visibility.OFF_RECORD: "GEHEIM",
}
Case = Callable[[str, Visibility], tuple[ChapterBlock, dict[str, tuple[Any, ...]]]]


def _passage(mark: str, vis: Visibility) -> tuple[ChapterBlock, dict[str, tuple[Any, ...]]]:
    return ChapterBlock(kind=BlockKind.PASSAGE, text=f"Tekst {mark}.", visibility=vis), {}


def _quote(mark: str, vis: Visibility) -> tuple[ChapterBlock, dict[str, tuple[Any, ...]]]:
    quote = Quote(id=f"q-{mark.lower()}", text=f"Zei {mark}.", speaker="ann")
    block = ChapterBlock(kind=BlockKind.QUOTE, ref=quote.id, visibility=vis)
    return block, {"quotes": (quote,)}


def _inline_quote(mark: str, vis: Visibility) -> tuple[ChapterBlock, dict[str, tuple[Any, ...]]]:
    said = Quote(
        text=f"Ter plekke {mark}.",
        outsider=Outsider(description="een bewoner uit Arnhem", role="wijkagent"),
    )
    return ChapterBlock(kind=BlockKind.QUOTE, quote=said, visibility=vis), {}


def _box(mark: str, vis: Visibility) -> tuple[ChapterBlock, dict[str, tuple[Any, ...]]]:
    low = mark.lower()
    lessons = (
        Lesson(id=f"l-{low}", text=f"Les van {low}."),
        Lesson(id=f"t-{low}", text=f"Tip van {low}.", kind=LessonKind.TIP),
    )
    block = ChapterBlock(
        kind=BlockKind.BOX,
        title=f"Doos {mark}",
        lessons=(f"l-{low}",),
        tips=(f"t-{low}",),
        visibility=vis,
    )
    return block, {"lessons": lessons}


def _table(mark: str, vis: Visibility) -> tuple[ChapterBlock, dict[str, tuple[Any, ...]]]:
    table = PairTable(
        id=f"tab-{mark.lower()}",
        title=f"Tabel {mark}",
        kind=TableKind.DILEMMA,
        rows=(Pair(left="Enerzijds iets", right="anderzijds iets anders"),),
    )
    return ChapterBlock(kind=BlockKind.TABLE, ref=table.id, visibility=vis), {"tables": (table,)}


def _questions(mark: str, vis: Visibility) -> tuple[ChapterBlock, dict[str, tuple[Any, ...]]]:
    return ChapterBlock(kind=BlockKind.KEY_QUESTIONS, title=f"Vragen {mark}", visibility=vis), {}


def _figure(mark: str, vis: Visibility) -> tuple[ChapterBlock, dict[str, tuple[Any, ...]]]:
    block = ChapterBlock(
        kind=BlockKind.FIGURE, ref="attendance", caption=f"Figuur {mark}", visibility=vis
    )
    return block, {}


def _picture(mark: str, vis: Visibility) -> tuple[ChapterBlock, dict[str, tuple[Any, ...]]]:
    block = ChapterBlock(
        kind=BlockKind.PICTURE,
        picture="pictures/straat.png",
        caption=f"Foto {mark}",
        alt=f"Een straat met borden {mark.lower()}",
        visibility=vis,
    )
    return block, {}


def _readings(mark: str, vis: Visibility) -> tuple[ChapterBlock, dict[str, tuple[Any, ...]]]:
    block = ChapterBlock(
        kind=BlockKind.READINGS, readings=("afri",), title=f"Boeken {mark}", visibility=vis
    )
    return block, {}


def _continuity(mark: str, vis: Visibility) -> tuple[ChapterBlock, dict[str, tuple[Any, ...]]]:
    return ChapterBlock(kind=BlockKind.CONTINUITY, title=f"Verhaal {mark}", visibility=vis), {}


CASES: dict[str, tuple[str, Case]] = {
    # case: (the kind the json names, the block)
    "passage": ("passage", _passage),
    "quote": ("quote", _quote),
    "inline-quote": ("quote", _inline_quote),
    "box": ("box", _box),
    "table": ("table", _table),
    "key_questions": ("key_questions", _questions),
    "figure": ("figure", _figure),
    "picture": ("picture", _picture),
    "readings": ("readings", _readings),
    "continuity": ("continuity", _continuity),
}


def _mark(case: str, vis: Visibility) -> str:
    return case.upper().replace("_", "").replace("-", "") + VISIBILITIES[vis]


def community_with(case: str) -> Community:
    """The rich community, its first chapter laid out around three blocks of ``case``."""
    c = attrs.evolve(rich_community(), pack="wijkenaanpak")
    make = CASES[case][1]
    layout: list[ChapterBlock] = [ChapterBlock(kind=BlockKind.PASSAGE, text="VOORAF komt eerst.")]
    extra: dict[str, list[Any]] = {"quotes": [], "lessons": [], "tables": []}
    for vis in VISIBILITIES:
        block, records = make(_mark(case, vis), vis)
        layout.append(block)
        if vis is Visibility.PUBLIC:
            layout.append(ChapterBlock(kind=BlockKind.PASSAGE, text="TUSSENIN staat dit."))
        for key, items in records.items():
            extra[key].extend(items)
    layout.append(ChapterBlock(kind=BlockKind.PASSAGE, text="ACHTERAF komt dit."))
    first = attrs.evolve(c.chapters[0], blocks=tuple(layout))
    return attrs.evolve(
        c,
        chapters=(first, *c.chapters[1:]),
        quotes=c.quotes + tuple(extra["quotes"]),
        lessons=c.lessons + tuple(extra["lessons"]),
        tables=c.tables + tuple(extra["tables"]),
    )


def build(community: Community, fmt: str, audience: Audience, folder: Path) -> bytes:
    data, _ = render(
        community,
        get_plugins(entry_points_group="copharvest"),
        format_name=fmt,
        audience=audience,
        folder=folder,
    )
    return data


def docx_lines(data: bytes) -> list[str]:
    """The text of every paragraph of the body, in order (tables' cells included)."""
    document = docx.Document(io.BytesIO(data))
    body = document.element.body
    return [Paragraph(p, document).text for p in body.iter(qn("w:p"))]


def json_lines(data: bytes) -> list[str]:
    """Each piece of the first chapter's content as "kind: its JSON"."""
    chapter = json.loads(data)["parts"][0]["chapters"][0]
    return [
        f"{piece['kind']}: {json.dumps(piece, ensure_ascii=False)}" for piece in chapter["content"]
    ]


READERS: dict[str, Callable[[bytes], list[str]]] = {
    "docx": docx_lines,
    "markdown": lambda data: data.decode("utf-8").splitlines(),
    "json": json_lines,
}


def _where(lines: list[str], needle: str) -> int:
    return next((i for i, line in enumerate(lines) if needle in line), -1)


@pytest.fixture(scope="module")
def folder(tmp_path_factory: pytest.TempPathFactory) -> Path:
    path = tmp_path_factory.mktemp("harvest")
    (path / "pictures").mkdir()
    png(path / "pictures" / "straat.png", 300, 200)
    return path


@pytest.mark.parametrize("fmt", list(READERS))
@pytest.mark.parametrize("case", list(CASES))
def test_each_block_stands_where_it_was_put_for_its_audience(
    case: str, fmt: str, folder: Path
) -> None:
    community = community_with(case)
    read = READERS[fmt]
    kind = CASES[case][0]
    for audience in (Audience.PUBLIC, Audience.INTERNAL):
        lines = read(build(community, fmt, audience, folder))
        before, between, after = (
            _where(lines, word) for word in ("VOORAF", "TUSSENIN", "ACHTERAF")
        )
        assert -1 < before < between < after, (case, fmt, audience)
        public = _where(lines, _mark(case, Visibility.PUBLIC))
        assert before < public < between, (case, fmt, audience, lines[before : between + 1])
        internal = _where(lines, _mark(case, Visibility.INTERNAL))
        if audience is Audience.INTERNAL:
            assert between < internal < after, (case, fmt, lines[between : after + 1])
        else:
            assert internal == -1, (case, fmt, lines[internal])
        assert _where(lines, _mark(case, Visibility.OFF_RECORD)) == -1, (case, fmt)
        if fmt == "json":
            assert lines[public].startswith(f"{kind}: "), lines[public]


def test_a_chapter_without_blocks_keeps_todays_order(folder: Path) -> None:
    community = rich_community()
    chapter = json.loads(build(community, "json", Audience.PUBLIC, folder))["parts"][0]["chapters"][
        0
    ]
    assert [p["kind"] for p in chapter["content"]] == ["passage", "quote", "quote", "box"]
    assert chapter["content"][-1]["title"] == "Lessen"
