"""Native Word charts: DrawingML chart parts with their data embedded.

A chart drawn this way is part of the document, not a picture of it: crisp at any
zoom, in the template's theme colours and fonts, and a reader can choose "Edit data"
in Word. python-pptx writes the chart XML (the same DrawingML chart schema serves
Word and PowerPoint) and the workbook that holds its data; this module puts both into
the booklet's package and gives the template a string of WordprocessingML to print.

python-pptx is imported only when a chart is made that
:mod:`~copharvest.formats.docx.chartxml` does not write itself (its import takes a while).
"""

from __future__ import annotations

import io
import re
import zipfile
from typing import TYPE_CHECKING, Any, Literal

import attrs
from lxml import etree

if TYPE_CHECKING:
    from markupsafe import Markup

C = "http://schemas.openxmlformats.org/drawingml/2006/chart"
A = "http://schemas.openxmlformats.org/drawingml/2006/main"
R = "http://schemas.openxmlformats.org/officeDocument/2006/relationships"
WP = "http://schemas.openxmlformats.org/drawingml/2006/wordprocessingDrawing"
CHART_TYPE = "application/vnd.openxmlformats-officedocument.drawingml.chart+xml"
XLSX_TYPE = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"
RT_CHART = R + "/chart"
RT_PACKAGE = R + "/package"
EMU_PER_MM = 36_000
FONT_SIZE = 900
"""Text in charts, in hundredths of a point: 9 pt, as printed (charts do not shrink)."""
FIXED_TIME = "1980-01-01T00:00:00Z"
"""The embedded workbook's creation time, fixed so that builds are reproducible."""


@attrs.frozen(kw_only=True)
class ChartSpec:
    """What a native chart shows."""

    id: str
    """Short name (``tiers``, ``coverage``)."""
    title: str
    """The chart's title, shown by the caption beside it, never inside the chart."""
    alt_text: str
    """The text alternative for readers who cannot see the chart."""
    kind: Literal["stacked_column", "stacked_bar"]
    """Stacked columns (categories along the bottom), or stacked horizontal bars."""
    categories: tuple[str, ...]
    """The labels along the category axis."""
    series: tuple[tuple[str, tuple[float, ...]], ...]
    """(name, one value per category) for each series, in legend order."""
    number_format: str = "0"
    """Excel number format of the values (``0``, ``0%``)."""
    maximum: float | None = None
    """The value axis' maximum (1 for shares); none to let the word processor choose."""
    height_mm: float = 80
    """The chart's height on the page."""
    colours: tuple[str, ...] = ()
    """Per series, in order: a theme colour (``accent1`` … ``accent6``), ``muted`` (a grey
    of the theme's text colour) or an RGB colour (``1B4F72``); by default the theme's
    accents in turn. Theme colours make a restyled template restyle the charts."""

    @classmethod
    def from_context(cls, chart: dict[str, Any]) -> ChartSpec:
        """The spec of a chart of the render context (``continuity.charts[]``)."""
        data = chart["data"]
        categories = tuple(data["categories"])
        height = 85.0 if data["kind"] != "stacked_bar" else min(170.0, 22 + 4.6 * len(categories))
        return cls(
            id=chart["id"],
            title=chart["title"],
            alt_text=chart["alt_text"],
            kind=data["kind"],
            categories=categories,
            series=tuple((name, tuple(values)) for name, values in data["series"]),
            number_format=data["number_format"],
            maximum=data["maximum"],
            height_mm=height,
            colours=tuple(data["colours"]),
        )


def chart_bytes(spec: ChartSpec) -> tuple[bytes, bytes]:
    """The chart part's XML (without its workbook reference) and the workbook."""
    from copharvest.formats.docx import chartxml
    from copharvest.formats.docx.package import zip_members

    if chartxml.writable(spec):  # the same bytes, without importing the libraries
        xml = _styled(etree.fromstring(chartxml.chart_xml(spec)), spec)
        return xml, zip_members(chartxml.workbook_members(spec, FIXED_TIME))
    return library_chart_bytes(spec)


def library_chart_bytes(spec: ChartSpec) -> tuple[bytes, bytes]:
    """:func:`chart_bytes` as python-pptx and XlsxWriter write them."""
    from pptx.chart import data as pptx_data
    from pptx.enum.chart import XL_CHART_TYPE

    make: Any = pptx_data.CategoryChartData  # typed partly: its methods are not
    data = make(number_format=spec.number_format)
    data.categories = list(spec.categories)
    for name, values in spec.series:
        data.add_series(name, list(values))
    kind = (
        XL_CHART_TYPE.COLUMN_STACKED if spec.kind == "stacked_column" else XL_CHART_TYPE.BAR_STACKED
    )
    xml = _styled(etree.fromstring(data.xml_bytes(kind)), spec)
    return xml, _reproducible(data.xlsx_blob)


def _el(parent: Any, name: str, **attributes: str) -> Any:
    prefix, _, local = name.partition(":")
    namespace = {"c": C, "a": A}[prefix]
    return etree.SubElement(parent, f"{{{namespace}}}{local}", attributes)


def _text_properties(size: int) -> Any:
    """``c:txPr``: the theme's body font at ``size``."""
    tx = etree.Element(f"{{{C}}}txPr")
    _el(tx, "a:bodyPr")
    _el(tx, "a:lstStyle")
    paragraph = _el(tx, "a:p")
    defaults = _el(_el(paragraph, "a:pPr"), "a:defRPr", sz=str(size))
    _el(defaults, "a:latin", typeface="+mn-lt")
    _el(paragraph, "a:endParaRPr", lang="en-US")
    return tx


def _fill(colour: str | None, index: int) -> Any:
    properties = etree.Element(f"{{{C}}}spPr")
    solid = _el(properties, "a:solidFill")
    if colour == "muted":  # a grey made of the theme's text colour
        grey = _el(solid, "a:schemeClr", val="tx1")
        _el(grey, "a:lumMod", val="40000")
        _el(grey, "a:lumOff", val="60000")
    elif colour and colour.startswith("accent"):
        _el(solid, "a:schemeClr", val=colour)
    elif colour:
        _el(solid, "a:srgbClr", val=colour.lstrip("#").upper())
    else:
        _el(solid, "a:schemeClr", val=f"accent{index % 6 + 1}")
    return properties


def _styled(root: Any, spec: ChartSpec) -> bytes:
    """Theme colours per series, no title inside the chart, a legend, readable text."""
    ns = {"c": C, "a": A}
    root.find("c:chart/c:autoTitleDeleted", ns).set("val", "1")
    # axis ids are unsigned in the schema; python-pptx writes negative ones
    ids: dict[str, str] = {}
    for element in root.iterfind(".//c:plotArea//*", ns):
        if element.tag in (f"{{{C}}}axId", f"{{{C}}}crossAx"):
            value = element.get("val", "")
            element.set("val", ids.setdefault(value, str(100 + len(ids))))
    if spec.kind == "stacked_bar":  # the first category on top, the values along the bottom
        for axis in root.iterfind(".//c:plotArea/c:catAx", ns):
            axis.find("c:scaling/c:orientation", ns).set("val", "maxMin")
        for axis in root.iterfind(".//c:plotArea/c:valAx", ns):
            axis.find("c:crosses", ns).set("val", "max")
    for index, series in enumerate(root.iterfind(".//c:ser", ns)):
        colour = spec.colours[index] if index < len(spec.colours) else None
        series.find("c:tx", ns).addnext(_fill(colour, index))
    for axis in root.iterfind(".//c:plotArea/c:valAx", ns):
        if spec.maximum is not None:
            scaling = axis.find("c:scaling", ns)
            _el(scaling, "c:max", val=repr(float(spec.maximum)))
        _el_after(
            axis,
            "c:numFmt",
            ("c:title", "c:majorGridlines", "c:axPos"),
            formatCode=spec.number_format,
            sourceLinked="0",
        )
    for axis in root.iterfind(".//c:plotArea/*", ns):
        if axis.tag in (f"{{{C}}}catAx", f"{{{C}}}valAx"):
            axis.find("c:crossAx", ns).addprevious(_text_properties(FONT_SIZE))
    plot_area = root.find("c:chart/c:plotArea", ns)
    if len(spec.series) > 1:
        legend = etree.Element(f"{{{C}}}legend")
        _el(legend, "c:legendPos", val="b")
        _el(legend, "c:overlay", val="0")
        legend.append(_text_properties(FONT_SIZE))
        plot_area.addnext(legend)
    bar = root.find(".//c:barChart", ns)
    gap = etree.Element(f"{{{C}}}gapWidth", val="60")
    (
        bar.find("c:overlap", ns)
        if bar.find("c:overlap", ns) is not None
        else bar.find("c:axId", ns)
    ).addprevious(gap)
    old = root.find("c:txPr", ns)
    if old is not None:
        root.remove(old)
    root.find("c:chart", ns).addnext(_text_properties(FONT_SIZE))
    result: bytes = etree.tostring(root, xml_declaration=True, encoding="UTF-8", standalone=True)
    return result


def _el_after(parent: Any, name: str, after: tuple[str, ...], **attributes: str) -> None:
    """Insert a child ``name`` right after the last present child among ``after``."""
    ns = {"c": C, "a": A}
    element = etree.Element(f"{{{C}}}{name.partition(':')[2]}", attributes)
    for candidate in after:
        found = parent.find(candidate, ns)
        if found is not None:
            found.addnext(element)
            return
    parent.insert(0, element)


_CREATED = re.compile(rb"(<dcterms:(?:created|modified)[^>]*>)[^<]*(</dcterms:)")


def _reproducible(workbook: bytes) -> bytes:
    """The workbook with a fixed creation time and zip dates, so builds are identical."""
    from copharvest.formats.docx.package import zip_members

    with zipfile.ZipFile(io.BytesIO(workbook)) as archive:
        members = {info.filename: archive.read(info) for info in archive.infolist()}
    core = members.get("docProps/core.xml")
    if core is not None:
        members["docProps/core.xml"] = _CREATED.sub(
            rb"\g<1>" + FIXED_TIME.encode() + rb"\g<2>", core
        )
    return zip_members(members)


def add_chart(part: Any, spec: ChartSpec, width_mm: float) -> Markup:
    """Add the chart to the document part; the WordprocessingML that shows it, as inert
    markup closing and reopening the run it is printed in."""
    from docx.opc.packuri import PackURI
    from docx.opc.part import Part
    from markupsafe import Markup, escape

    package = part.package
    xml, workbook = chart_bytes(spec)
    chart = Part(package.next_partname("/word/charts/chart%d.xml"), CHART_TYPE, b"", package)
    embedded = Part(
        PackURI(package.next_partname("/word/embeddings/Microsoft_Excel_Sheet%d.xlsx")),
        XLSX_TYPE,
        workbook,
        package,
    )
    data_id = chart.relate_to(embedded, RT_PACKAGE)
    root = etree.fromstring(xml)
    external = etree.Element(f"{{{C}}}externalData", {f"{{{R}}}id": data_id})
    _el(external, "c:autoUpdate", val="0")
    root.find(f"{{{C}}}txPr").addnext(external)
    chart._blob = etree.tostring(root, xml_declaration=True, encoding="UTF-8", standalone=True)
    chart_id = part.relate_to(chart, RT_CHART)
    cx, cy = round(width_mm * EMU_PER_MM), round(spec.height_mm * EMU_PER_MM)
    title, alt = escape(spec.title), escape(spec.alt_text)
    drawing = (
        f'<w:drawing><wp:inline distT="0" distB="0" distL="0" distR="0" xmlns:wp="{WP}">'
        f'<wp:extent cx="{cx}" cy="{cy}"/><wp:effectExtent l="0" t="0" r="0" b="0"/>'
        f'<wp:docPr id="1" name="{escape(spec.id)}" title="{title}" descr="{alt}"/>'
        "<wp:cNvGraphicFramePr/>"
        f'<a:graphic xmlns:a="{A}"><a:graphicData uri="{C}">'
        f'<c:chart xmlns:c="{C}" xmlns:r="{R}" r:id="{chart_id}"/>'
        "</a:graphicData></a:graphic></wp:inline></w:drawing>"
    )
    return Markup(f'</w:t></w:r><w:r>{drawing}</w:r><w:r><w:t xml:space="preserve">')
