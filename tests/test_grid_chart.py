"""The attendance matrix is a Word table of shaded cells: a row per member (no names),
a column per session, grouped and labelled by tier, in the theme's colours."""

from __future__ import annotations

import datetime as dt
import io
import math
import subprocess
import zipfile
from pathlib import Path

import pytest
from click.testing import CliRunner
from lxml import etree

import copharvest
import office
from conftest import EXAMPLES
from copharvest.booklet_charts import GRID_COLUMNS, GRID_ROWS, attendance_grid
from copharvest.charts import chart_words
from copharvest.cli import cli
from copharvest.continuity import TIERS
from copharvest.formats.docx.context import _plain
from copharvest.formats.docx.gridtable import MIN_ROW_MM, TWIPS_PER_MM, grid_table
from copharvest.model import Community, Member, Period, Session
from copharvest.pipeline import prepare
from copharvest.plugins import get_plugins

EXAMPLE = EXAMPLES / "wijkenaanpak-2009-2011"
W = "http://schemas.openxmlformats.org/wordprocessingml/2006/main"
NS = {"w": W}


def _w(name: str) -> str:
    return f"{{{W}}}{name}"


@pytest.fixture(scope="module")
def booklet(tmp_path_factory: pytest.TempPathFactory) -> Path:
    out = tmp_path_factory.mktemp("grid") / "harvest.docx"
    result = CliRunner().invoke(cli, ["build", str(EXAMPLE), "-o", str(out), "-q"])
    assert result.exit_code == 0, result.output
    return out


@pytest.fixture(scope="module")
def document(booklet: Path) -> etree._Element:
    with zipfile.ZipFile(booklet) as archive:
        return etree.fromstring(archive.read("word/document.xml"))


def _grid_tables(document: etree._Element) -> list[etree._Element]:
    return [
        table
        for table in document.iter(_w("tbl"))
        if table.find("w:tblPr/w:tblDescription", NS) is not None
    ]


def _text(element: etree._Element) -> str:
    return "".join(t.text or "" for t in element.iter(_w("t")))


def _fill(cell: etree._Element) -> str:
    shade = cell.find("w:tcPr/w:shd", NS)
    return "" if shade is None else str(shade.get(_w("fill")))


def _example_grid() -> tuple[copharvest.Community, object]:
    community = copharvest.load(EXAMPLE)
    prepared = prepare(community, get_plugins(), charts=True)
    (chart,) = [c for c in prepared.harvest.continuity.charts if c.id == "attendance"]
    return community, (chart, prepared)


def test_the_attendance_figure_is_a_table_with_a_row_per_member(
    document: etree._Element,
) -> None:
    community, (chart, prepared) = _example_grid()
    (table,) = _grid_tables(document)
    tiers = prepared.analysis.continuity.community.tiers
    assert table.find("w:tblPr/w:tblCaption", NS).get(_w("val")) == chart.title
    assert table.find("w:tblPr/w:tblDescription", NS).get(_w("val")) == chart.alt_text
    rows = table.findall("w:tr", NS)
    sessions = len(community.sessions)
    member_rows = [
        r
        for r in rows
        if len(r.findall("w:tc", NS)) == 1 + sessions
        and any(_fill(c) for c in r.findall("w:tc", NS)[1:])
    ]
    assert len(member_rows) == len(community.members) == sum(tiers.values())
    # each tier's label, with its size, once; no member is named or numbered
    labels = [_text(r.findall("w:tc", NS)[0]) for r in rows]
    words = chart_words(community.locale)
    shown = [label for label in labels if label]
    assert shown == [f"{words[t]} ({tiers[t]})" for t in tiers if tiers[t]]
    everything = _text(table)
    for member in community.members:
        assert member.name not in everything
        assert member.id not in everything
    # the sessions along the bottom
    assert [_text(c) for c in rows[-1].findall("w:tc", NS)[1:]] == [
        str(t + 1) for t in range(sessions)
    ]


def test_a_coloured_cell_is_an_attendance_and_a_grey_one_a_missed_session(
    document: etree._Element,
) -> None:
    from copharvest.booklet_charts import TIER_COLOURS, theme_accents
    from copharvest.formats.docx import export_template

    community = copharvest.load(EXAMPLE)
    (table,) = _grid_tables(document)
    cells = [c for r in table.findall("w:tr", NS) for c in r.findall("w:tc", NS)[1:]]
    fills = [_fill(c) for c in cells]
    # a full cell is in its tier's colour of the template's theme, and names it
    with zipfile.ZipFile(io.BytesIO(export_template())) as archive:
        accents = theme_accents(archive.read("word/theme/theme1.xml"))
    themed = {
        (_fill(c), c.find("w:tcPr/w:shd", NS).get(_w("themeFill")))
        for c in cells
        if c.find("w:tcPr/w:shd", NS) is not None
        and c.find("w:tcPr/w:shd", NS).get(_w("themeFill"))
    }
    assert themed == {(accents[a].upper(), a) for a in TIER_COLOURS.values()}
    came = sum(fill in {f for f, _ in themed} for fill in fills)
    members = {m.id for m in community.members}
    attendances = sum(len(set(s.attendance) & members) for s in community.sessions)
    assert came == attendances
    missed = fills.count("E3E3E3")
    assert 0 < missed < len(fills) - came
    assert fills.count("") > 0  # before they joined


def test_the_table_stays_on_one_page_with_its_caption(document: etree._Element) -> None:
    (table,) = _grid_tables(document)
    for row in table.findall("w:tr", NS):
        assert row.find("w:trPr/w:cantSplit", NS) is not None
        first = row.find("w:tc/w:p", NS)
        assert first.find("w:pPr/w:keepNext", NS) is not None
    # no empty paragraph is left around it: the caption follows it directly
    after = table.getnext()
    assert _text(after).startswith("Figuur 1.")
    before = table.getprevious()
    assert before.tag != _w("p") or _text(before) or before.find(".//w:drawing", NS) is not None
    assert not [b for b in document.iter(_w("bookmarkStart")) if "grid" in b.get(_w("name"))]


def _community(members: int, sessions: int, *, one_timer: bool = False) -> Community:
    start = dt.date(2020, 1, 6)
    people = tuple(Member(id=f"m{i}", name=f"Lid {i}") for i in range(members))
    held = []
    for t in range(sessions):
        came = [p.id for i, p in enumerate(people) if i % 5 == 0 or (i * 7 + t * 3) % 10 < 4]
        if one_timer and t == 0:
            came.append("solo")
        held.append(
            Session(id=f"s{t}", start=start + dt.timedelta(days=14 * t), attendance=tuple(came))
        )
    if one_timer:
        people = (*people, Member(id="solo", name="Eenling"))
    return Community(
        name="Test",
        locale="nl",
        period=Period(start=start, end=start + dt.timedelta(days=14 * sessions)),
        members=people,
        sessions=tuple(held),
    )


def _grid(community: Community) -> tuple[object, str]:
    from copharvest.analysis import analyse
    from copharvest.booklet_charts import DEFAULT_ACCENTS

    words = chart_words(community.locale)
    return attendance_grid(community, analyse(community), words, "nl", DEFAULT_ACCENTS)


def test_a_large_harvest_is_shown_in_bands_whose_labels_fit() -> None:
    grid, alt = _grid(_community(260, 75))
    rows = sum(len(g.rows) for g in grid.groups)
    assert rows <= GRID_ROWS
    assert len(grid.columns) <= GRID_COLUMNS
    assert grid.columns[0] == "1–3"
    assert grid.columns[-1].endswith("–75")
    per = math.ceil(260 / (GRID_ROWS - len(TIERS)))
    assert f"maximaal {per} deelnemers" in alt  # the alt text says so
    # a band of rows holds members of one tier only
    from copharvest.analysis import analyse

    tiers = analyse(_community(260, 75)).continuity.community.tiers
    assert len(grid.groups) > 1
    for group in grid.groups:
        tier = next(t for t in TIERS if group.label.startswith(chart_words("nl")[t] + " ("))
        assert group.label.endswith(f"({tiers[tier]})")
        assert len(group.rows) == math.ceil(tiers[tier] / per)
    from copharvest.formats.docx.renderer import CHART_WIDTH_MM
    from copharvest.views import ChartGrid

    assert isinstance(grid, ChartGrid)
    context = _plain(grid)  # as the render context gives it
    xml = grid_table(context, "Aanwezigheid", alt, CHART_WIDTH_MM)
    table = etree.fromstring(f'<w:body xmlns:w="{W}">{xml}</w:body>')[0]
    columns = table.findall("w:tblGrid/w:gridCol", NS)
    assert len(columns) == 1 + len(grid.columns)
    assert sum(int(c.get(_w("w"))) for c in columns) == round(CHART_WIDTH_MM * TWIPS_PER_MM)
    axis = table.findall("w:tr", NS)[-1].findall("w:tc", NS)[1:]
    spans = [
        int(
            (
                c.find("w:tcPr/w:gridSpan", NS) is not None
                and c.find("w:tcPr/w:gridSpan", NS).get(_w("val"))
            )
            or 1
        )
        for c in axis
    ]
    assert sum(spans) == len(grid.columns)
    assert max(spans) > 1  # "1–3" … "73–75" do not fit a column each: they share
    labels = [_text(c) for c in axis]
    assert labels[0].startswith("1–")
    assert labels[-1].endswith("–75")
    heights = [
        int(r.find("w:trPr/w:trHeight", NS).get(_w("val"))) for r in table.findall("w:tr", NS)[:-1]
    ]
    assert min(heights) >= round(MIN_ROW_MM * TWIPS_PER_MM) - 1


def test_a_group_of_one_gets_room_for_its_label() -> None:
    grid, _ = _grid(_community(60, 6, one_timer=True))
    (single,) = [g for g in grid.groups if len(g.rows) == 1]
    context = _plain(grid)  # as the render context gives it
    table = etree.fromstring(
        f'<w:body xmlns:w="{W}">{grid_table(context, "t", "a", 150)}</w:body>'
    )[0]
    rows = table.findall("w:tr", NS)
    (labelled,) = [r for r in rows if _text(r.find("w:tc", NS)) == single.label]
    height = int(labelled.find("w:trPr/w:trHeight", NS).get(_w("val")))
    assert height >= round(9 * 1.25 * 25.4 / 72 * TWIPS_PER_MM) - 1  # a 9 pt line
    others = [r for r in rows if r.find("w:tc/w:tcPr/w:vMerge", NS) is not None]
    assert min(int(r.find("w:trPr/w:trHeight", NS).get(_w("val"))) for r in others) < height


def test_a_grid_without_rows_prints_nothing() -> None:
    assert grid_table({"columns": ["1"], "groups": []}, "t", "a", 150) == ""


@pytest.mark.slow
def test_libreoffice_prints_the_grid_with_its_labels(booklet: Path, tmp_path: Path) -> None:
    office.require("soffice", "pdftotext")
    pdf = office.to_pdf(booklet, tmp_path)
    text = subprocess.run(
        ["pdftotext", "-layout", str(pdf), "-"], capture_output=True, text=True, check=True
    ).stdout
    page = next(p for p in text.split("\f") if "Figuur 1." in p)
    assert "Vaste kern (18)" in page
    assert "Nooit gekomen (17)" in page
    assert "1 2 3 4 5 6 7" in " ".join(page.split())


def _placed(paragraph_xml: str, *, in_cell: bool = False) -> etree._Element:
    """``paragraph_xml`` with the grid's mark where ``{grid}`` stands, as docxtpl
    renders it into a body (or a table cell), and the grid placed."""
    from docx.oxml import parse_xml

    from copharvest.formats.docx.gridtable import GridTables, grid_markup, place_grids

    grid = {
        "columns": ["1", "2"],
        "groups": [
            {"label": "Kern (1)", "colour": "accent1", "fill": "1B4F72", "rows": [["1B4F72", ""]]}
        ],
    }
    tables = GridTables()
    mark = str(grid_markup(grid, "Aanwezigheid", "alt", 150, tables))
    inner = paragraph_xml.format(grid=mark)
    if in_cell:
        inner = f"<w:tbl><w:tr><w:tc>{inner}</w:tc></w:tr></w:tbl>"
    body = parse_xml(f'<w:body xmlns:w="{W}">{inner}<w:sectPr/></w:body>')
    place_grids(body, tables)
    return body


def _kinds(element: etree._Element) -> list[str]:
    return [child.tag.split("}")[1] for child in element]


def test_a_grid_printed_alone_leaves_no_empty_paragraph() -> None:
    body = _placed(
        '<w:p><w:pPr><w:pStyle w:val="Figure"/></w:pPr><w:r><w:t>{grid}</w:t></w:r></w:p>'
        "<w:p><w:r><w:t>Figuur 1.</w:t></w:r></w:p>"
    )
    assert _kinds(body) == ["tbl", "p", "sectPr"]
    assert not list(body.iter(_w("bookmarkStart")))


def test_a_grid_beside_text_follows_its_paragraph() -> None:
    body = _placed("<w:p><w:r><w:t>Voor {grid} na</w:t></w:r></w:p>")
    assert _kinds(body) == ["p", "tbl", "p", "sectPr"]
    assert _text(body[0]) == "Voor  na"
    assert _text(body[2]) == ""  # a paragraph between the table and the section's end


def test_a_grid_in_a_table_cell_leaves_the_cell_ending_with_a_paragraph() -> None:
    body = _placed("<w:p><w:r><w:t>{grid}</w:t></w:r></w:p>", in_cell=True)
    cell = body[0].find("w:tr/w:tc", NS)  # the outer table's cell
    assert _kinds(cell) == ["tbl", "p"]  # a cell must end with a paragraph


@pytest.mark.parametrize(
    "wrapper",
    [
        ("<w:sdt><w:sdtContent>", "</w:sdtContent></w:sdt>"),
        ('<w:ins w:id="1" w:author="A">', "</w:ins>"),
        ('<w:hyperlink w:anchor="x">', "</w:hyperlink>"),
    ],
    ids=["content control", "tracked insertion", "hyperlink"],
)
def test_a_grid_inside_a_run_container_still_gives_valid_xml(wrapper: tuple[str, str]) -> None:
    opening, closing = wrapper
    body = _placed(f"<w:p>{opening}<w:r><w:t>{{grid}}</w:t></w:r>{closing}</w:p>")
    # the paragraph keeps its container (not blank), the table follows it
    assert _kinds(body)[:2] == ["p", "tbl"]
    assert body[1].find("w:tblPr/w:tblCaption", NS) is not None


def test_what_the_paragraph_holds_besides_the_grid_is_kept() -> None:
    body = _placed(
        '<w:p><w:bookmarkStart w:id="7" w:name="_RefFig"/><w:r><w:t>{grid}</w:t></w:r>'
        '<w:bookmarkEnd w:id="7"/></w:p><w:p><w:r><w:t>Figuur 1.</w:t></w:r></w:p>'
    )
    assert _kinds(body) == ["p", "tbl", "p", "sectPr"]
    assert body[0].find("w:bookmarkStart", NS).get(_w("name")) == "_RefFig"


def test_a_grid_in_the_last_paragraph_of_a_section_stays_in_that_section() -> None:
    body = _placed(
        '<w:p><w:pPr><w:sectPr><w:pgSz w:w="16838" w:h="11906"/></w:sectPr></w:pPr>'
        "<w:r><w:t>{grid}</w:t></w:r></w:p>"
    )
    assert _kinds(body) == ["tbl", "p", "sectPr"]
    assert body[1].find("w:pPr/w:sectPr", NS) is not None


def test_a_grid_next_to_another_table_is_kept_apart_from_it() -> None:
    other = "<w:tbl><w:tr><w:tc><w:p/></w:tc></w:tr></w:tbl>"
    body = _placed(f"{other}<w:p><w:r><w:t>{{grid}}</w:t></w:r></w:p>{other}")
    # tables side by side would be joined into one by Word: paragraphs part them
    assert _kinds(body) == ["tbl", "p", "tbl", "p", "tbl", "sectPr"]


def test_a_page_break_before_the_grid_stays() -> None:
    body = _placed(
        "<w:p><w:pPr><w:pageBreakBefore/></w:pPr><w:r><w:t>{grid}</w:t></w:r></w:p>"
        "<w:p><w:r><w:t>Figuur 1.</w:t></w:r></w:p>"
    )
    assert _kinds(body) == ["p", "tbl", "p", "sectPr"]
    assert body[0].find("w:pPr/w:pageBreakBefore", NS) is not None
