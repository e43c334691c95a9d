"""The booklet's charts are native Word charts in the template's theme, their data embedded."""

from __future__ import annotations

import io
import re
import subprocess
import sys
import zipfile
from pathlib import Path

import docx
import openpyxl
import pytest
from click.testing import CliRunner
from lxml import etree

import office
from conftest import EXAMPLES
from copharvest.cli import cli
from copharvest.formats.docx import chartxml, nativechart
from copharvest.formats.docx.nativechart import ChartSpec
from test_docx_template import variant

EXAMPLE = EXAMPLES / "wijkenaanpak-2009-2011"
C = "http://schemas.openxmlformats.org/drawingml/2006/chart"
A = "http://schemas.openxmlformats.org/drawingml/2006/main"


def _build(out: Path, *extra: str) -> Path:
    result = CliRunner().invoke(cli, ["build", str(EXAMPLE), "-o", str(out), "-q", *extra])
    assert result.exit_code == 0, result.output
    return out


@pytest.fixture(scope="module")
def booklet(tmp_path_factory: pytest.TempPathFactory) -> Path:
    return _build(tmp_path_factory.mktemp("charts") / "harvest.docx")


def _members(path: Path) -> dict[str, bytes]:
    with zipfile.ZipFile(path) as archive:
        return {name: archive.read(name) for name in archive.namelist()}


def test_the_booklet_holds_two_native_charts_that_python_docx_reopens(booklet: Path) -> None:
    parts = _members(booklet)
    charts = sorted(n for n in parts if re.fullmatch(r"word/charts/chart\d+\.xml", n))
    assert len(charts) == 2
    document = docx.Document(str(booklet))
    chart_refs = document.element.body.findall(f".//{{{C}}}chart")
    assert len(chart_refs) == 2
    for reference in chart_refs:
        rid = reference.get(
            "{http://schemas.openxmlformats.org/officeDocument/2006/relationships}id"
        )
        assert document.part.rels[rid].target_part.partname.startswith("/word/charts/")
    for name in charts:
        root = etree.fromstring(parts[name])
        assert root.find(f"{{{C}}}chart/{{{C}}}autoTitleDeleted").get("val") == "1"
        fills = root.findall(f".//{{{C}}}ser/{{{C}}}spPr/{{{A}}}solidFill/*")
        assert fills
        assert all(fill.tag == f"{{{A}}}schemeClr" for fill in fills)  # theme colours
        sizes = [int(d.get("sz")) for d in root.iter(f"{{{A}}}defRPr") if d.get("sz")]
        assert sizes
        assert min(sizes) >= 800  # 8 pt or more, as printed


PARTS_CHECKED = ("/word/charts/", "/word/embeddings/", "/word/document.xml")
"""The chart parts, their workbooks, and the document with the attendance grid's table."""


def test_each_chart_validates_against_the_open_xml_schemas(booklet: Path) -> None:
    result = subprocess.run(
        [sys.executable, "-m", "openxml_audit", "-o", "json", str(booklet)],
        capture_output=True,
        text=True,
        check=False,
        timeout=300,
    )
    import json

    report = json.loads(result.stdout)
    problems = [
        error
        for entry in (report if isinstance(report, list) else [report])
        for error in entry.get("errors", [])
        if any(part in json.dumps(error) for part in PARTS_CHECKED)
    ]
    assert problems == [], problems
    assert "/word/charts/chart1.xml" in result.stdout or result.returncode == 0


def test_the_embedded_workbooks_hold_the_plotted_numbers(booklet: Path) -> None:
    parts = _members(booklet)
    for name in sorted(n for n in parts if re.fullmatch(r"word/charts/chart\d+\.xml", n)):
        root = etree.fromstring(parts[name])
        rels = etree.fromstring(parts[name.replace("charts/", "charts/_rels/") + ".rels"])
        target = rels[0].get("Target").replace("../", "word/")
        workbook = openpyxl.load_workbook(io.BytesIO(parts[target]), read_only=True)
        sheet = workbook.worksheets[0]
        plotted: list[float] = []
        for series in root.iter(f"{{{C}}}ser"):
            formula = series.find(f"{{{C}}}val/{{{C}}}numRef/{{{C}}}f").text
            cache = series.find(f"{{{C}}}val/{{{C}}}numRef/{{{C}}}numCache")
            cached = [float(v.text) for v in cache.iter(f"{{{C}}}v")]
            cells = formula.split("!")[1].replace("$", "")
            stored = [float(row[0].value or 0) for row in sheet[cells]]
            assert stored == pytest.approx(cached, rel=1e-12), (name, formula)
            plotted += cached
        assert any(plotted), name
        workbook.close()


def test_rebuilds_with_charts_are_byte_identical(booklet: Path, tmp_path: Path) -> None:
    again = _build(tmp_path / "again.docx")
    assert again.read_bytes() == booklet.read_bytes()


def _restyled(tmp_path: Path) -> Path:
    """The default template with a teal first accent."""

    def teal(xml: str) -> str:
        return re.sub(r"(<a:accent1>\s*<a:srgbClr val=\")[0-9A-Fa-f]{6}", r"\g<1>008080", xml)

    return variant(tmp_path, teal, part="word/theme/theme1.xml")


def test_a_restyled_theme_restyles_the_charts(tmp_path: Path) -> None:
    out = _build(tmp_path / "teal-booklet.docx", "--template", str(_restyled(tmp_path)))
    parts = _members(out)
    assert b'<a:srgbClr val="008080"' in parts["word/theme/theme1.xml"]
    chart = parts["word/charts/chart1.xml"]
    assert b'<a:schemeClr val="accent1"/>' in chart  # the native chart follows the theme
    # the attendance grid: the core's cells in the new accent, naming it for Word
    assert not [n for n in parts if n.startswith("word/media/")]
    document = parts["word/document.xml"]
    assert b'w:fill="008080" w:themeFill="accent1"' in document
    default = _members(_build(tmp_path / "default.docx"))["word/document.xml"]
    assert b'w:fill="008080"' not in default


@pytest.mark.slow
def test_libreoffice_shows_the_charts(booklet: Path, tmp_path: Path) -> None:
    office.require("soffice", "pdftotext")
    bare = _build(tmp_path / "bare.docx", "--no-charts")
    words = {}
    for name, path in (("charts", booklet), ("bare", bare)):
        pdf = office.to_pdf(path, tmp_path)
        words[name] = subprocess.run(
            ["pdftotext", str(pdf), "-"], capture_output=True, text=True, check=True
        ).stdout
    # the coverage chart's legend is text only the chart carries
    assert "dezelfde mensen bij de eerste en de laatste keer" in words["charts"]
    assert "dezelfde mensen bij de eerste en de laatste keer" not in words["bare"]
    assert "Figuur 2" in words["charts"]


def _spec(**changes: object) -> ChartSpec:
    fields: dict[str, object] = {
        "id": "tiers",
        "title": "Who came",
        "alt_text": "alt",
        "kind": "stacked_column",
        "categories": ("1", "2", "3"),
        "series": (("core", (3.0, 4.0, 2.5)), ("active", (0.0, 1 / 3, 0.30000000000000004))),
        "number_format": "0",
        "colours": ("accent1", "accent2"),
    }
    fields.update(changes)
    return ChartSpec(**fields)  # type: ignore[arg-type]


WRITTEN = {
    "columns": _spec(),
    "bars of shares": _spec(
        kind="stacked_bar",
        categories=("Gemeente Almere", "Ministerie van WWI", "Gemeente Almere"),
        series=(("same & <people>", (1.0, 0.75, 0.5)), ("1–3", (0.0, 0.25, 1e-05))),
        number_format="0%",
        maximum=1.0,
    ),
    "band means": _spec(
        categories=("1–4", "5–8"),
        series=(("core", (2.25, 3.0)), ("active", (0.5, 1.75))),
        number_format="0.0",
    ),
    "a category named as a series": _spec(series=(("1", (1.0, 2.0, 3.0)),)),
    "many series": _spec(series=tuple((f"s{i}", (1.0, 2.0, 3.0)) for i in range(24))),
}
LEFT_TO_THE_LIBRARIES = {
    "a formula": _spec(categories=("=1+1", "2", "3")),
    "a link": _spec(series=(("http://example.org", (1.0, 2.0, 3.0)),)),
    "a control character": _spec(categories=("a\tb", "2", "3")),
    "an escape lookalike": _spec(categories=("_x0041_", "2", "3")),
    "whitespace around": _spec(categories=(" 1", "2", "3")),
    "not a number": _spec(series=(("core", (float("nan"), 1.0, 2.0)),)),
    "a whole number": _spec(series=(("core", (1, 2.0, 3.0)),)),
    "another format": _spec(number_format="0.00"),
    "too many series": _spec(series=tuple((f"s{i}", (1.0, 2.0, 3.0)) for i in range(25))),
    "values unlike the categories": _spec(series=(("core", (1.0, 2.0)),)),
}


@pytest.mark.parametrize("spec", WRITTEN.values(), ids=WRITTEN.keys())
def test_the_chart_writer_writes_the_bytes_of_the_libraries(spec: ChartSpec) -> None:
    assert chartxml.writable(spec)
    assert nativechart.chart_bytes(spec) == nativechart.library_chart_bytes(spec)


@pytest.mark.parametrize("spec", LEFT_TO_THE_LIBRARIES.values(), ids=LEFT_TO_THE_LIBRARIES.keys())
def test_charts_beyond_the_writer_are_left_to_the_libraries(spec: ChartSpec) -> None:
    assert not chartxml.writable(spec)
    if spec.series[0][1][0] == spec.series[0][1][0]:  # XlsxWriter refuses NaN
        assert nativechart.chart_bytes(spec) == nativechart.library_chart_bytes(spec)


def test_the_example_charts_are_written_without_the_libraries(booklet: Path) -> None:
    code = (
        "import sys\n"
        "from copharvest.cli import main\n"
        f"sys.argv = ['copharvest', 'build', {str(EXAMPLE)!r}, '-o', sys.argv[1], '-q']\n"
        "try:\n    main()\nexcept SystemExit:\n    pass\n"
        "print(sorted({'numpy', 'pptx', 'xlsxwriter', 'matplotlib'} & set(sys.modules)))\n"
    )
    out = booklet.parent / "again.docx"
    done = subprocess.run(
        [sys.executable, "-c", code, str(out)], capture_output=True, text=True, check=True
    )
    assert done.stdout.strip() == "[]"
    assert out.read_bytes() == booklet.read_bytes()


def test_charts_a_template_does_not_print_leave_nothing_behind(tmp_path: Path) -> None:
    def without_charts(xml: str) -> str:
        assert "{{ chart.image }}" in xml
        return xml.replace("{{ chart.image }}", "").replace("{{ piece.chart.image }}", "")

    template = variant(tmp_path, without_charts)
    parts = _members(_build(tmp_path / "out.docx", "--template", str(template)))
    assert not [n for n in parts if n.startswith(("word/charts/", "word/embeddings/"))]
    assert b"/charts/" not in parts["word/_rels/document.xml.rels"]
    assert b"<w:tblDescription" not in parts["word/document.xml"]  # nor the grid
    assert b"Figuur 1." in parts["word/document.xml"]  # the captions are the template's
