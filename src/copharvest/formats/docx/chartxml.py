"""The chart XML and embedded workbook of a booklet chart, written without python-pptx.

python-pptx (with XlsxWriter for the workbook) writes both, but importing the two took
about 0.14 s of CPU, more than a tenth of a whole build of the example harvest (see
docs/replacements.md). For the charts the booklet draws (stacked columns or bars, one
level of text categories, finite numbers, one of a few number formats) this module
writes the very bytes the libraries write: :func:`writable` says whether a chart is
such a chart, and :mod:`~copharvest.formats.docx.nativechart` falls back to the
libraries for any other. ``tests/test_native_charts.py`` holds the two side by side.
"""

from __future__ import annotations

import html
import math
from pathlib import Path
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from copharvest.formats.docx.nativechart import ChartSpec

NUMBER_FORMATS = {"0": 1, "0.0": 164, "0%": 164}
"""The number formats written here, with XlsxWriter's id for each (1 is built in)."""
MAX_SERIES = 24
"""Series in columns B to Z."""
MAX_TEXT = 255
"""Longer labels are left to the libraries (XlsxWriter truncates at 32,767)."""
THEME = Path(__file__).resolve().parent.parent.parent / "templates" / "xlsx-theme.xml"
"""XlsxWriter's workbook theme (the Office 2007 theme), as XlsxWriter writes it."""


def escape(text: str) -> str:
    """``&``, ``<`` and ``>`` as entities, as both libraries write text (the same as
    ``xml.sax.saxutils.escape``, whose module imports ``urllib.request`` and ``ssl``)."""
    return html.escape(text, quote=False)


_DECLARATION = '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n'
_MAIN = "http://schemas.openxmlformats.org/spreadsheetml/2006/main"
_OFFICE = "http://schemas.openxmlformats.org/officeDocument/2006"
_REL = f"{_OFFICE}/relationships"
_PKG = "http://schemas.openxmlformats.org/package/2006"
_DOC = "application/vnd.openxmlformats-officedocument"


def _plain_text(text: object) -> bool:
    # what both libraries write as it is: no formula, link or blank to XlsxWriter, no
    # escapes of control characters, no whitespace to preserve
    return (
        isinstance(text, str)
        and 0 < len(text) <= MAX_TEXT
        and text.isprintable()
        and text == text.strip()
        and "_x" not in text
        and not text.startswith(("=", "{="))
        and ":" not in text
    )


def writable(spec: ChartSpec) -> bool:
    """Whether this module writes ``spec`` exactly as python-pptx and XlsxWriter do."""
    count = len(spec.categories)
    return (
        spec.kind in ("stacked_column", "stacked_bar")
        and spec.number_format in NUMBER_FORMATS
        and count > 0
        and 0 < len(spec.series) <= MAX_SERIES
        and all(_plain_text(c) for c in spec.categories)
        and all(
            _plain_text(name)
            and len(values) == count
            and all(type(v) is float and math.isfinite(v) for v in values)
            for name, values in spec.series
        )
    )


def _column(index: int) -> str:
    return chr(ord("B") + index)


def chart_xml(spec: ChartSpec) -> bytes:
    """python-pptx's ``CategoryChartData.xml_bytes`` of a stacked column or bar chart."""
    bar = spec.kind == "stacked_bar"
    count = len(spec.categories)
    categories = "".join(
        f'                <c:pt idx="{i}">\n                  <c:v>{escape(c)}</c:v>\n'
        "                </c:pt>\n"
        for i, c in enumerate(spec.categories)
    )
    series = []
    for index, (name, values) in enumerate(spec.series):
        col = _column(index)
        points = "".join(
            f'                <c:pt idx="{i}">\n                  <c:v>{v}</c:v>\n'
            "                </c:pt>\n"
            for i, v in enumerate(values)
        )
        series.append(
            "        <c:ser>\n"
            f'          <c:idx val="{index}"/>\n'
            f'          <c:order val="{index}"/>\n'
            "          <c:tx>\n            <c:strRef>\n"
            f"              <c:f>Sheet1!${col}$1</c:f>\n"
            "              <c:strCache>\n"
            '                <c:ptCount val="1"/>\n'
            '                <c:pt idx="0">\n'
            f"                  <c:v>{escape(name)}</c:v>\n"
            "                </c:pt>\n"
            "              </c:strCache>\n            </c:strRef>\n          </c:tx>\n"
            "          <c:cat>\n            <c:strRef>\n"
            f"              <c:f>Sheet1!$A$2:$A${count + 1}</c:f>\n"
            "              <c:strCache>\n"
            f'                <c:ptCount val="{count}"/>\n'
            f"{categories}"
            "              </c:strCache>\n            </c:strRef>\n          </c:cat>\n"
            "          <c:val>\n            <c:numRef>\n"
            f"              <c:f>Sheet1!${col}$2:${col}${count + 1}</c:f>\n"
            "              <c:numCache>\n"
            f"                <c:formatCode>{spec.number_format}</c:formatCode>\n"
            f'                <c:ptCount val="{count}"/>\n'
            f"{points}"
            "              </c:numCache>\n            </c:numRef>\n          </c:val>\n"
            "        </c:ser>\n"
        )
    ax_ids = ('        <c:axId val="-2068027336"/>\n', '        <c:axId val="-2113994440"/>\n')
    text = (
        "<?xml version='1.0' encoding='UTF-8' standalone='yes'?>\n"
        '<c:chartSpace xmlns:c="http://schemas.openxmlformats.org/drawingml/2006/chart" '
        'xmlns:a="http://schemas.openxmlformats.org/drawingml/2006/main" '
        f'xmlns:r="{_REL}">\n'
        '  <c:date1904 val="0"/>\n'
        "  <c:chart>\n"
        '    <c:autoTitleDeleted val="0"/>\n'
        "    <c:plotArea>\n"
        "      <c:barChart>\n"
        f'        <c:barDir val="{"bar" if bar else "col"}"/>\n'
        '        <c:grouping val="stacked"/>\n'
        f"{''.join(series)}"
        '        <c:overlap val="100"/>\n'
        f"{ax_ids[0]}{ax_ids[1]}"
        "      </c:barChart>\n"
        "      <c:catAx>\n"
        f"{ax_ids[0]}"
        "        <c:scaling>\n"
        '          <c:orientation val="minMax"/>\n'
        "        </c:scaling>\n"
        '        <c:delete val="0"/>\n'
        f'        <c:axPos val="{"l" if bar else "b"}"/>\n'
        '        <c:majorTickMark val="out"/>\n'
        '        <c:minorTickMark val="none"/>\n'
        '        <c:tickLblPos val="nextTo"/>\n'
        '        <c:crossAx val="-2113994440"/>\n'
        '        <c:crosses val="autoZero"/>\n'
        '        <c:auto val="1"/>\n'
        '        <c:lblAlgn val="ctr"/>\n'
        '        <c:lblOffset val="100"/>\n'
        '        <c:noMultiLvlLbl val="0"/>\n'
        "      </c:catAx>\n"
        "      <c:valAx>\n"
        '        <c:axId val="-2113994440"/>\n'
        "        <c:scaling/>\n"
        '        <c:delete val="0"/>\n'
        f'        <c:axPos val="{"b" if bar else "l"}"/>\n'
        "        <c:majorGridlines/>\n"
        '        <c:majorTickMark val="out"/>\n'
        '        <c:minorTickMark val="none"/>\n'
        '        <c:tickLblPos val="nextTo"/>\n'
        '        <c:crossAx val="-2068027336"/>\n'
        '        <c:crosses val="autoZero"/>\n'
        "      </c:valAx>\n"
        "    </c:plotArea>\n"
        '    <c:dispBlanksAs val="gap"/>\n'
        "  </c:chart>\n"
        "  <c:txPr>\n"
        "    <a:bodyPr/>\n"
        "    <a:lstStyle/>\n"
        "    <a:p>\n"
        "      <a:pPr>\n"
        '        <a:defRPr sz="1800"/>\n'
        "      </a:pPr>\n"
        '      <a:endParaRPr lang="en-US"/>\n'
        "    </a:p>\n"
        "  </c:txPr>\n"
        "</c:chartSpace>\n"
    )
    return text.encode("utf-8")


def _sheet(spec: ChartSpec) -> tuple[str, str]:
    """The worksheet and its shared strings, as XlsxWriter writes them."""
    strings: dict[str, int] = {}
    uses = 0

    def shared(text: str) -> int:
        nonlocal uses
        uses += 1
        return strings.setdefault(text, len(strings))

    count, last = len(spec.categories), _column(len(spec.series) - 1)
    span = f"1:{len(spec.series) + 1}"
    labels = [shared(c) for c in spec.categories]  # written first: the category column
    style = 2  # the categories' "General" is cell format 1
    names = "".join(
        f'<c r="{_column(i)}1" t="s"><v>{shared(name)}</v></c>'
        for i, (name, _) in enumerate(spec.series)
    )
    rows = [f'<row r="1" spans="{span}">{names}</row>']
    for r in range(count):
        cells = "".join(
            f'<c r="{_column(i)}{r + 2}" s="{style}"><v>{values[r]:.16G}</v></c>'
            for i, (_, values) in enumerate(spec.series)
        )
        rows.append(
            f'<row r="{r + 2}" spans="{span}"><c r="A{r + 2}" s="1" t="s"><v>{labels[r]}</v></c>'
            f"{cells}</row>"
        )
    sheet = (
        f'{_DECLARATION}<worksheet xmlns="{_MAIN}" xmlns:r="{_REL}">'
        f'<dimension ref="A1:{last}{count + 1}"/><sheetViews><sheetView tabSelected="1" '
        'workbookViewId="0"/></sheetViews><sheetFormatPr defaultRowHeight="15"/><cols><col '
        'min="1" max="1" width="10.7109375" customWidth="1"/></cols>'
        f"<sheetData>{''.join(rows)}</sheetData>"
        '<pageMargins left="0.7" right="0.7" top="0.75" bottom="0.75" header="0.3" '
        'footer="0.3"/></worksheet>'
    )
    items = "".join(f"<si><t>{escape(text)}</t></si>" for text in strings)
    table = (
        f'{_DECLARATION}<sst xmlns="{_MAIN}" count="{uses}" uniqueCount="{len(strings)}">'
        f"{items}</sst>"
    )
    return sheet, table


def _styles(number_format: str) -> str:
    number = NUMBER_FORMATS[number_format]
    custom = (
        f'<numFmts count="1"><numFmt numFmtId="{number}" formatCode="{number_format}"/></numFmts>'
        if number >= 164
        else ""
    )
    plain = '<xf numFmtId="0" fontId="0" fillId="0" borderId="0" xfId="0"/>'
    return (
        f'{_DECLARATION}<styleSheet xmlns="{_MAIN}">{custom}<fonts count="1"><font>'
        '<sz val="11"/><color theme="1"/><name val="Calibri"/><family val="2"/>'
        '<scheme val="minor"/></font></fonts><fills count="2"><fill><patternFill '
        'patternType="none"/></fill><fill><patternFill patternType="gray125"/></fill></fills>'
        '<borders count="1"><border><left/><right/><top/><bottom/><diagonal/></border>'
        '</borders><cellStyleXfs count="1"><xf numFmtId="0" fontId="0" fillId="0" '
        f'borderId="0"/></cellStyleXfs><cellXfs count="3">{plain}{plain}<xf '
        f'numFmtId="{number}" fontId="0" fillId="0" borderId="0" xfId="0" '
        'applyNumberFormat="1"/></cellXfs><cellStyles count="1"><cellStyle name="Normal" '
        'xfId="0" builtinId="0"/></cellStyles><dxfs count="0"/><tableStyles count="0" '
        'defaultTableStyle="TableStyleMedium9" defaultPivotStyle="PivotStyleLight16"/>'
        "</styleSheet>"
    )


def _override(part: str, kind: str) -> str:
    return f'<Override PartName="{part}" ContentType="{kind}"/>'


def _relationship(number: int, kind: str, target: str) -> str:
    return f'<Relationship Id="rId{number}" Type="{kind}" Target="{target}"/>'


def workbook_members(spec: ChartSpec, created: str) -> dict[str, bytes]:
    """The members of the workbook XlsxWriter writes for python-pptx's chart data, in
    its order, created and modified at ``created``."""
    sheet, table = _sheet(spec)
    types = (
        f'{_DECLARATION}<Types xmlns="{_PKG}/content-types">'
        '<Default Extension="rels" ContentType="application/vnd.openxmlformats-package.'
        'relationships+xml"/><Default Extension="xml" ContentType="application/xml"/>'
        + _override("/docProps/app.xml", f"{_DOC}.extended-properties+xml")
        + _override(
            "/docProps/core.xml", "application/vnd.openxmlformats-package.core-properties+xml"
        )
        + _override("/xl/styles.xml", f"{_DOC}.spreadsheetml.styles+xml")
        + _override("/xl/theme/theme1.xml", f"{_DOC}.theme+xml")
        + _override("/xl/workbook.xml", f"{_DOC}.spreadsheetml.sheet.main+xml")
        + _override("/xl/worksheets/sheet1.xml", f"{_DOC}.spreadsheetml.worksheet+xml")
        + _override("/xl/sharedStrings.xml", f"{_DOC}.spreadsheetml.sharedStrings+xml")
        + "</Types>"
    )
    package_rels = (
        f'{_DECLARATION}<Relationships xmlns="{_PKG}/relationships">'
        + _relationship(1, f"{_REL}/officeDocument", "xl/workbook.xml")
        + _relationship(2, f"{_PKG}/relationships/metadata/core-properties", "docProps/core.xml")
        + _relationship(3, f"{_REL}/extended-properties", "docProps/app.xml")
        + "</Relationships>"
    )
    workbook_rels = (
        f'{_DECLARATION}<Relationships xmlns="{_PKG}/relationships">'
        + _relationship(1, f"{_REL}/worksheet", "worksheets/sheet1.xml")
        + _relationship(2, f"{_REL}/theme", "theme/theme1.xml")
        + _relationship(3, f"{_REL}/styles", "styles.xml")
        + _relationship(4, f"{_REL}/sharedStrings", "sharedStrings.xml")
        + "</Relationships>"
    )
    workbook = (
        f'{_DECLARATION}<workbook xmlns="{_MAIN}" xmlns:r="{_REL}"><fileVersion appName="xl" '
        'lastEdited="4" lowestEdited="4" rupBuild="4505"/><workbookPr '
        'defaultThemeVersion="124226"/><bookViews><workbookView xWindow="240" yWindow="15" '
        'windowWidth="16095" windowHeight="9660"/></bookViews><sheets><sheet name="Sheet1" '
        'sheetId="1" r:id="rId1"/></sheets><calcPr calcId="124519" fullCalcOnLoad="1"/>'
        "</workbook>"
    )
    core = (
        f'{_DECLARATION}<cp:coreProperties xmlns:cp="{_PKG}/metadata/core-properties" '
        'xmlns:dc="http://purl.org/dc/elements/1.1/" xmlns:dcterms="http://purl.org/dc/terms/" '
        'xmlns:dcmitype="http://purl.org/dc/dcmitype/" '
        'xmlns:xsi="http://www.w3.org/2001/XMLSchema-instance"><dc:creator></dc:creator>'
        "<cp:lastModifiedBy></cp:lastModifiedBy>"
        f'<dcterms:created xsi:type="dcterms:W3CDTF">{created}</dcterms:created>'
        f'<dcterms:modified xsi:type="dcterms:W3CDTF">{created}</dcterms:modified>'
        "</cp:coreProperties>"
    )
    app = (
        f'{_DECLARATION}<Properties xmlns="{_OFFICE}/extended-properties" '
        f'xmlns:vt="{_OFFICE}/docPropsVTypes"><Application>Microsoft Excel</Application>'
        "<DocSecurity>0</DocSecurity><ScaleCrop>false</ScaleCrop><HeadingPairs>"
        '<vt:vector size="2" baseType="variant"><vt:variant><vt:lpstr>Worksheets</vt:lpstr>'
        "</vt:variant><vt:variant><vt:i4>1</vt:i4></vt:variant></vt:vector></HeadingPairs>"
        '<TitlesOfParts><vt:vector size="1" baseType="lpstr"><vt:lpstr>Sheet1</vt:lpstr>'
        "</vt:vector></TitlesOfParts><Company></Company><LinksUpToDate>false</LinksUpToDate>"
        "<SharedDoc>false</SharedDoc><HyperlinksChanged>false</HyperlinksChanged>"
        "<AppVersion>12.0000</AppVersion></Properties>"
    )
    texts = {
        "[Content_Types].xml": types,
        "_rels/.rels": package_rels,
        "xl/_rels/workbook.xml.rels": workbook_rels,
        "xl/worksheets/sheet1.xml": sheet,
        "xl/workbook.xml": workbook,
        "xl/sharedStrings.xml": table,
        "xl/styles.xml": _styles(spec.number_format),
    }
    members = {name: text.encode("utf-8") for name, text in texts.items()}
    members["xl/theme/theme1.xml"] = THEME.read_bytes()
    members["docProps/core.xml"] = core.encode("utf-8")
    members["docProps/app.xml"] = app.encode("utf-8")
    return members
