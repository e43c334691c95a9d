"""Typesetting of the default template, read from the .docx (no fonts, no word processor).

Headings stay with what follows, short tables and lists stay on one page, long tables
repeat their header and keep at least three rows together, columns are as wide as their
longest word, every part starts on a right-hand page, margins and page numbers are
mirrored, and the front matter has no page numbers.
"""

from __future__ import annotations

import io
import zipfile

import pytest
from click.testing import CliRunner
from lxml import etree

from conftest import EXAMPLES
from copharvest.cli import cli
from copharvest.formats.docx import styles as booklet_styles
from copharvest.formats.docx import typeset

W = "{http://schemas.openxmlformats.org/wordprocessingml/2006/main}"
EXAMPLE = EXAMPLES / "wijkenaanpak-2009-2011"


@pytest.fixture(scope="module", params=["nl", "en"])
def parts(request: pytest.FixtureRequest, tmp_path_factory: pytest.TempPathFactory) -> dict:
    out = tmp_path_factory.mktemp("typeset") / f"booklet-{request.param}.docx"
    result = CliRunner().invoke(
        cli,
        ["build", str(EXAMPLE), "-o", str(out), "--locale", request.param, "--no-charts", "-q"],
    )
    assert result.exit_code == 0, result.output
    with zipfile.ZipFile(io.BytesIO(out.read_bytes())) as archive:
        return {
            name: etree.fromstring(archive.read(name))
            for name in archive.namelist()
            if name.endswith(".xml")
        }


def _style(paragraph: etree._Element) -> str:
    style = paragraph.find(f"{W}pPr/{W}pStyle")
    return "" if style is None else style.get(f"{W}val")


def _text(element: etree._Element) -> str:
    return "".join(t.text or "" for t in element.iter(f"{W}t"))


def _tables(parts: dict) -> list[etree._Element]:
    body = parts["word/document.xml"].find(f"{W}body")
    return [
        t
        for t in body.iter(f"{W}tbl")
        if t.find(f"{W}tblPr/{W}tblStyle").get(f"{W}val") == "BookletTable"
    ]


def _style_pprs(parts: dict) -> dict[str, etree._Element]:
    return {
        s.get(f"{W}styleId"): s.find(f"{W}pPr")
        for s in parts["word/styles.xml"].iter(f"{W}style")
        if s.find(f"{W}pPr") is not None
    }


@pytest.mark.parametrize("style", ["Heading1", "Heading2", "Heading3", "TableTitle"])
def test_headings_are_kept_with_the_next_paragraph_and_not_hyphenated(
    parts: dict, style: str
) -> None:
    ppr = _style_pprs(parts)[style]
    assert ppr.find(f"{W}keepNext") is not None
    assert ppr.find(f"{W}suppressAutoHyphens").get(f"{W}val") == "1"
    body = parts["word/document.xml"].find(f"{W}body")
    used = [p for p in body.iter(f"{W}p") if _style(p) == style]
    assert used, f"the example has no {style}"


def test_every_row_stays_whole_and_headers_repeat(parts: dict) -> None:
    tables = _tables(parts)
    assert len(tables) >= 6
    for table in tables:
        rows = table.findall(f"{W}tr")
        assert all(r.find(f"{W}trPr/{W}cantSplit") is not None for r in rows)
        if "\u2013" in _text(rows[0]):  # a dilemma table has no column heads to repeat
            continue
        assert rows[0].find(f"{W}trPr/{W}tblHeader") is not None, _text(rows[0])


def _kept(row: etree._Element) -> bool:
    paragraphs = list(row.iter(f"{W}p"))
    return all(p.find(f"{W}pPr/{W}keepNext") is not None for p in paragraphs)


def test_short_tables_stay_on_one_page_and_long_ones_keep_three_rows(parts: dict) -> None:
    shapes = set()
    for table in _tables(parts):
        body = [r for r in table.findall(f"{W}tr") if r.find(f"{W}trPr/{W}tblHeader") is None]
        kept = [_kept(r) for r in body]
        if len(body) <= typeset.KEEP_ROWS:
            shapes.add("short")
            assert kept[:-1] == [True] * (len(body) - 1), _text(table)[:60]
        else:
            shapes.add("long")
            assert all(kept[: typeset.MIN_ROWS - 1]), _text(table)[:60]
            assert all(kept[-typeset.MIN_ROWS : -1]), _text(table)[:60]
            assert not all(kept[:-1]), "a long table must be allowed to break"
    assert shapes == {"short", "long"}


def test_short_lists_stay_together(parts: dict) -> None:
    body = parts["word/document.xml"].find(f"{W}body")
    lists: list[list[etree._Element]] = []
    previous = None
    for p in body.iterchildren(f"{W}p"):
        if _style(p) in typeset.LIST_STYLES:
            if previous is not None and p.getprevious() is previous:
                lists[-1].append(p)
            else:
                lists.append([p])
            previous = p
        else:
            previous = None
    short = [
        items
        for items in lists
        if len(items) <= typeset.KEEP_ITEMS and sum(len(_text(i)) for i in items) < 1400
    ]
    assert len(short) >= 5
    for items in short:
        assert all(i.find(f"{W}pPr/{W}keepNext") is not None for i in items[:-1])


# Calibri's (and Carlito's) letters average about 0.47 em, bold ones a little more: a
# column narrower than this for a word breaks the word
_EM = 0.45


@pytest.mark.parametrize("where", ["header", "body"])
def test_no_column_is_narrower_than_its_longest_word(parts: dict, where: str) -> None:
    checked = 0
    for table in _tables(parts):
        grid = [int(c.get(f"{W}w")) for c in table.iter(f"{W}gridCol")]
        width = int(table.find(f"{W}tblPr/{W}tblW").get(f"{W}w"))
        assert sum(grid) == width
        for row in table.findall(f"{W}tr"):
            header = row.find(f"{W}trPr/{W}tblHeader") is not None
            if header != (where == "header"):
                continue
            cells = row.findall(f"{W}tc")
            if len(cells) != len(grid):
                continue  # a spanning row
            for cell, column in zip(cells, grid, strict=True):
                assert int(cell.find(f"{W}tcPr/{W}tcW").get(f"{W}w")) == column
                words = [w for p in cell.iter(f"{W}p") for w in _text(p).split()]
                for word in words:
                    needed = len(word) * _EM * 9.5 * 20 + 2 * 85
                    assert column >= needed, f"{word!r} does not fit in {column} twips"
                    checked += 1
    assert checked > 20


def test_column_widths_follow_the_content() -> None:
    # the date column of a table gets more room than the column of one-digit numbers
    least, most = [300, 900, 600], [300, 2500, 3000]
    widths = typeset._distribute(5000, least, most)
    assert sum(widths) == 5000
    assert all(w >= n for w, n in zip(widths, least, strict=True))
    assert widths[0] < widths[1]
    assert widths[0] < widths[2]
    assert typeset._distribute(2000, [1000, 1000], [1000, 1000]) == [1000, 1000]


def test_parts_start_on_right_hand_pages_and_the_front_matter_has_no_footer(
    parts: dict,
) -> None:
    body = parts["word/document.xml"].find(f"{W}body")
    sections = list(body.iter(f"{W}sectPr"))
    front, rest = sections[0], sections[1:]
    assert front.find(f"{W}footerReference") is None
    assert len(rest) >= 6
    for section in rest:
        assert section.find(f"{W}type").get(f"{W}val") == "oddPage"
        kinds = {f.get(f"{W}type") for f in section.findall(f"{W}footerReference")}
        assert kinds == {"default", "even"}
        assert section.find(f"{W}titlePg") is None
    # every level-1 heading but the first opens a section: the paragraph before it ends one
    headings = [p for p in body.iterchildren(f"{W}p") if _style(p) == "Heading1"]
    for heading in headings:
        before = heading.getprevious()
        assert before.find(f"{W}pPr/{W}sectPr") is not None, _text(heading)
    # the cover, the colophon and the contents are the first section
    first = [p for p in body.iterchildren() if p.getnext() is not None]
    end = next(i for i, p in enumerate(first) if p.find(f"{W}pPr/{W}sectPr") is not None)
    front_styles = {_style(p) for p in first[:end]}
    assert {"Title", "ColophonHeading", "TOCHeading"} <= front_styles
    assert not front_styles & {"Heading1", "Heading2"}


def test_margins_and_page_numbers_are_mirrored_and_words_hyphenated(parts: dict) -> None:
    settings = parts["word/settings.xml"]
    for name in ("mirrorMargins", "evenAndOddHeaders", "autoHyphenation"):
        assert settings.find(f"{W}{name}") is not None, name
    footers = {name: _text(root) for name, root in parts.items() if name.startswith("word/footer")}
    texts = sorted(footers.values())
    # right-hand pages: title, then the number at the right; left-hand: number first
    assert any(t.endswith("1") for t in texts)
    assert any(t.startswith("2") for t in texts)
    margins = parts["word/document.xml"].find(f"{W}body/{W}sectPr/{W}pgMar")
    assert int(margins.get(f"{W}right")) > int(margins.get(f"{W}left"))  # outside > inside


def test_body_lines_hold_at_most_75_characters_on_average() -> None:
    """Measured on the example's chapters, with Calibri's widths (the PDF test measures the
    lines LibreOffice set)."""
    import yaml

    chapters = yaml.safe_load((EXAMPLE / "chapters.yaml").read_text(encoding="utf-8"))
    texts = [
        block["passage"] if isinstance(block, dict) and "passage" in block else block
        for chapter in chapters
        for block in [*chapter.get("body", ()), *chapter.get("blocks", ())]
    ]
    words = " ".join(" ".join(t.split()) for t in texts if isinstance(t, str))
    assert len(words) > 10_000
    per_char = typeset.text_width(words, booklet_styles.BODY_SIZE) / len(words)
    assert 70 <= booklet_styles.TEXT_WIDTH / per_char <= 75
