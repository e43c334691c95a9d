"""Typesetting of the example as LibreOffice sets it: what an editor checks on the pages.

No heading is the last line of a page, a table never leaves fewer than three of its rows
on a page (a short one stays whole), and body lines hold at most 75 characters on
average. The pages are read with pdftotext; the headings and rows come from the .docx
built from the same records.
"""

from __future__ import annotations

import io
import re
import subprocess
import zipfile

import pytest
from click.testing import CliRunner
from lxml import etree

import office
from conftest import EXAMPLES
from copharvest.cli import cli
from copharvest.formats.docx import typeset

W = "{http://schemas.openxmlformats.org/wordprocessingml/2006/main}"
EXAMPLE = EXAMPLES / "wijkenaanpak-2009-2011"
HEADING_STYLES = {"Heading1", "Heading2", "Heading3", "TableTitle", "AnnexItemTitle"}
TITLE = "Samen inspireren, leren en sturen"


@pytest.fixture(scope="module")
def built(tmp_path_factory: pytest.TempPathFactory) -> tuple[etree._Element, list[str]]:
    office.require("soffice", "pdftotext")
    folder = tmp_path_factory.mktemp("typeset-pdf")
    for name in ("booklet.docx", "booklet.pdf"):
        result = CliRunner().invoke(cli, ["build", str(EXAMPLE), "-o", str(folder / name), "-q"])
        assert result.exit_code == 0, result.output
    document = zipfile.ZipFile(io.BytesIO((folder / "booklet.docx").read_bytes()))
    body = etree.fromstring(document.read("word/document.xml")).find(f"{W}body")
    text = subprocess.run(
        ["pdftotext", "-layout", str(folder / "booklet.pdf"), "-"],
        capture_output=True,
        text=True,
        check=True,
    ).stdout
    return body, text.split("\f")[:-1]


def _text(element: etree._Element) -> str:
    return "".join(
        " " if node.tag == f"{W}tab" else node.text or ""
        for node in element.iter(f"{W}t", f"{W}tab")
    )


def _squeezed(text: str) -> str:
    return re.sub(r"\s+", "", text)


def _lines(page: str) -> list[str]:
    """The page's lines without its footer (the title and the page number)."""
    lines = [line.strip() for line in page.splitlines() if line.strip()]
    return [line for line in lines if TITLE not in line and not line.isdigit()]


@pytest.mark.slow
def test_no_heading_is_the_last_line_of_a_page(built: tuple[etree._Element, list[str]]) -> None:
    body, pages = built
    headings = {
        _squeezed(_text(p))
        for p in body.iter(f"{W}p")
        if (s := p.find(f"{W}pPr/{W}pStyle")) is not None and s.get(f"{W}val") in HEADING_STYLES
    }
    headings.discard("")
    assert len(headings) > 30
    stranded = []
    for number, page in enumerate(pages, start=1):
        lines = _lines(page)
        if not lines:
            continue  # a blank left-hand page before a part
        last = _squeezed(lines[-1])
        # a heading of two lines ends with its last line
        if any(h == last or (len(last) >= 8 and h.endswith(last)) for h in headings):
            stranded.append(f"page {number}: {lines[-1]}")
    assert not stranded, "\n".join(stranded)


def _tables(body: etree._Element) -> list[list[tuple[str, ...]]]:
    """The booklet tables' body rows, as the first word of each of their first cells."""
    tables = []
    for table in body.iter(f"{W}tbl"):
        rows = []
        for row in table.findall(f"{W}tr"):
            cells = row.findall(f"{W}tc")
            if row.find(f"{W}trPr/{W}tblHeader") is not None or len(cells) < 2:
                continue
            words = [_text(cell.find(f"{W}p")).split()[:1] for cell in cells[:3]]
            if all(words):
                rows.append(tuple(w[0] for w in words))
        if rows:
            tables.append(rows)
    return tables


def _row_line(words: tuple[str, ...]) -> re.Pattern[str]:
    """A line of the page that starts a row: the first word of each cell, in order."""
    return re.compile(r"^\s*" + r"(?=\s).*?\s".join(map(re.escape, words)) + r"(?=\s|$)")


@pytest.mark.slow
def test_no_table_leaves_fewer_than_three_rows_on_a_page(
    built: tuple[etree._Element, list[str]],
) -> None:
    body, pages = built
    tables = _tables(body)
    assert len(tables) >= 5
    for rows in tables:
        found: dict[int, int] = {}
        for words in rows:
            pattern = _row_line(words)
            where = [
                i for i, page in enumerate(pages) if any(map(pattern.match, page.splitlines()))
            ]
            if len(where) == 1:  # ambiguous rows (the same words elsewhere) are not counted
                found[where[0]] = found.get(where[0], 0) + 1
        assert sum(found.values()) >= len(rows) // 2, f"rows of {rows[0]} not found"
        if len(rows) <= typeset.KEEP_ROWS:
            assert len(found) == 1, f"the short table {rows[0]} is split: {found}"
        else:
            assert all(n >= typeset.MIN_ROWS for n in found.values()), (rows[0], found)


@pytest.mark.slow
def test_body_lines_hold_at_most_75_characters_on_average(
    built: tuple[etree._Element, list[str]],
) -> None:
    _, pages = built
    # running text: lines without the wide gaps of tables and the contents' leaders
    lines = [
        line
        for page in pages
        for line in _lines(page)
        if "   " not in line and "...." not in line and len(line) > 45
    ]
    assert len(lines) > 500
    assert sum(map(len, lines)) / len(lines) <= 75


@pytest.mark.slow
def test_page_numbers_are_outside_and_the_front_matter_has_none(
    built: tuple[etree._Element, list[str]],
) -> None:
    _, pages = built
    intro = next(i for i, page in enumerate(pages) if page.lstrip().startswith("Intro"))
    assert intro % 2 == 0  # the fifth page or so: a right-hand one (odd number)
    for page in pages[:intro]:
        footer = [
            line for line in page.splitlines() if TITLE in line and re.search(r"\d\s*$", line)
        ]
        assert not footer, footer
    numbered = 0
    for number, page in enumerate(pages[intro:], start=intro + 1):
        lines = [line.strip() for line in page.splitlines() if line.strip()]
        if not lines:
            continue  # a blank left-hand page
        footer = lines[-1]
        assert TITLE in footer, (number, footer)
        if number % 2:
            assert footer.endswith(str(number)), footer  # right-hand page: at the right
        else:
            assert footer.startswith(str(number)), footer  # left-hand page: at the left
        numbered += 1
    assert numbered > 30
    # every part and annex opens on a right-hand page
    for heading in ("I ", "II ", "Bijlage", "Bijeenkomsten", "Literatuur"):
        opening = [i + 1 for i, page in enumerate(pages) if page.lstrip().startswith(heading)]
        assert opening, heading
        assert all(n % 2 == 1 for n in opening), (heading, opening)
