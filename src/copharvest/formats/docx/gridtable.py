"""A grid chart (the attendance matrix) as a Word table of shaded cells.

The table is as wide as the other charts. Its first column holds each group's label
(vertically merged over the group's rows, in the template's font at 9 pt); the other
columns are the sessions, labelled along the bottom at 8 pt. A row is
:data:`MAX_ROW_MM` high at most and shrinks so that the rows fill about
:data:`ROWS_MM` (eighty members: rows of about 1.8 mm), never below :data:`MIN_ROW_MM`.
Thin white borders part the cells, as the gaps of a picture would. A cell wholly in a
group's colour names that theme colour too (``w:themeFill``), so that a word processor
that changes the theme recolours it.

The table stays on one page with its caption (its rows cannot break, every paragraph
keeps with the next), and carries the chart's title and alt text as the table's own
(``w:tblCaption``, ``w:tblDescription``: Word's "Alt Text" of a table). In the render
context it is a mark, valid wherever a picture is (it closes the run it is printed in
and opens another); after rendering, :func:`place_grids` puts the table in after the
paragraph that holds the mark, and removes that paragraph when it holds nothing else.
Print it alone in a paragraph of the body, followed by its caption.
"""

from __future__ import annotations

from typing import Any

from docx.oxml.ns import qn
from markupsafe import Markup, escape

from copharvest.formats.docx.typeset import text_width

TWIPS_PER_MM = 1440 / 25.4
ROWS_MM = 150.0
"""The height that the rows of a large grid fill together."""
MAX_ROW_MM = 5.0
"""The height of a row when there are few."""
MIN_ROW_MM = 1.2
"""The least height of a row."""
GAP_MM = 1.5
"""The space between two groups."""
LABEL_PT = 9
"""The size of the groups' labels."""
AXIS_PT = 8
"""The size of the sessions' labels."""
BORDER = '<w:{side} w:val="single" w:sz="4" w:space="0" w:color="FFFFFF"/>'
"""A half-point white line between cells."""
MARKER = "copharvest-grid"
"""The names of the bookmarks that mark the grid tables until :func:`place_grids` runs."""

_KEEP_P = "<w:p><w:pPr><w:keepNext/></w:pPr></w:p>"


def _twips(mm: float) -> int:
    return round(mm * TWIPS_PER_MM)


def _text_p(text: str, size_pt: int, align: str) -> str:
    size = size_pt * 2
    rpr = f'<w:rPr><w:sz w:val="{size}"/><w:szCs w:val="{size}"/></w:rPr>'
    return (
        f'<w:p><w:pPr><w:keepNext/><w:spacing w:before="0" w:after="0" w:line="240" '
        f'w:lineRule="auto"/><w:jc w:val="{align}"/>{rpr}</w:pPr>'
        f'<w:r>{rpr}<w:t xml:space="preserve">{escape(text)}</w:t></w:r></w:p>'
    )


def _row(height: int, rule: str, cells: str) -> str:
    return (
        f'<w:tr><w:trPr><w:cantSplit/><w:trHeight w:val="{height}" w:hRule="{rule}"/>'
        f"</w:trPr>{cells}</w:tr>"
    )


def _cell(width: int, extra: str = "", body: str = _KEEP_P) -> str:
    """A cell of the label column or the axis: its width, and a paragraph that keeps
    the row with the next (enough to keep the table together)."""
    return f'<w:tc><w:tcPr><w:tcW w:w="{width}" w:type="dxa"/>{extra}</w:tcPr>{body}</w:tc>'


def _shaded(fill: str, theme: str) -> str:
    """A cell of the grid: the table's grid gives its width, its row its height."""
    if not fill:
        return "<w:tc><w:p/></w:tc>"
    colour = f' w:themeFill="{theme}"' if theme else ""
    return (
        f'<w:tc><w:tcPr><w:shd w:val="clear" w:color="auto" w:fill="{fill}"{colour}/>'
        "</w:tcPr><w:p/></w:tc>"
    )


def _spans(labels: list[str], column: int) -> list[tuple[int, str]]:
    """(columns spanned, label) along the bottom: as many columns to a label as the
    widest label needs; a short last span joins the one before it."""
    n = len(labels)

    def label(start: int, stop: int) -> str:
        first, last = labels[start].split("–")[0], labels[stop - 1].split("–")[-1]
        return first if first == last else f"{first}–{last}"

    for step in range(1, n + 1):
        bounds = [(start, min(n, start + step)) for start in range(0, n, step)]
        if len(bounds) > 1 and bounds[-1][1] - bounds[-1][0] < step:
            bounds[-2:] = [(bounds[-2][0], n)]
        spans = [(stop - start, label(start, stop)) for start, stop in bounds]
        if all(text_width(text, AXIS_PT) + 60 <= count * column for count, text in spans):
            return spans
    return [(n, label(0, n))]


def grid_table(grid: dict[str, Any], title: str, alt: str, width_mm: float) -> str:
    """The WordprocessingML of the table of ``grid`` (a ``ChartGrid`` of the render
    context), ``width_mm`` wide; empty for a grid without rows."""
    groups = [g for g in grid["groups"] if g["rows"]]
    labels = [str(label) for label in grid["columns"]]
    if not groups or not labels:
        return ""
    total = _twips(width_mm)
    label_width = min(
        total * 2 // 5, max(text_width(str(g["label"]), LABEL_PT) for g in groups) + 200
    )
    column = (total - label_width) // len(labels)
    label_width = total - column * len(labels)
    rows = sum(len(g["rows"]) for g in groups)
    row_mm = max(MIN_ROW_MM, min(MAX_ROW_MM, (ROWS_MM - GAP_MM * (len(groups) - 1)) / rows))
    label_mm = LABEL_PT * 1.25 * 25.4 / 72  # a label's line
    borders = "".join(
        BORDER.format(side=side) for side in ("top", "left", "bottom", "right", "insideH")
    ) + BORDER.format(side="insideV")
    parts = [
        "<w:tbl><w:tblPr>"
        f'<w:tblW w:w="{total}" w:type="dxa"/><w:jc w:val="center"/>'
        f"<w:tblBorders>{borders}</w:tblBorders>"
        '<w:tblLayout w:type="fixed"/>'
        '<w:tblCellMar><w:top w:w="0" w:type="dxa"/><w:left w:w="0" w:type="dxa"/>'
        '<w:bottom w:w="0" w:type="dxa"/><w:right w:w="0" w:type="dxa"/></w:tblCellMar>'
        '<w:tblLook w:val="0000" w:firstRow="0" w:lastRow="0" w:firstColumn="0" '
        'w:lastColumn="0" w:noHBand="1" w:noVBand="1"/>'
        f'<w:tblCaption w:val="{escape(title)}"/><w:tblDescription w:val="{escape(alt)}"/>'
        "</w:tblPr><w:tblGrid>"
        f'<w:gridCol w:w="{label_width}"/>'
        + f'<w:gridCol w:w="{column}"/>' * len(labels)
        + "</w:tblGrid>"
    ]
    empty_row = _cell(label_width) + _shaded("", "") * len(labels)
    for g, group in enumerate(groups):
        if g:
            parts.append(_row(_twips(GAP_MM), "exact", empty_row))
        # a small group's rows grow so that its label fits beside them
        height = _twips(max(row_mm, label_mm / len(group["rows"])))
        for r, cells in enumerate(group["rows"]):
            if r == 0:
                merge = '<w:vMerge w:val="restart"/><w:vAlign w:val="center"/>'
                head = _cell(
                    label_width, extra=merge, body=_text_p(group["label"], LABEL_PT, "left")
                )
            else:
                head = _cell(label_width, extra="<w:vMerge/>")
            body = "".join(
                _shaded(fill, group["colour"] if fill == group["fill"] else "") for fill in cells
            )
            parts.append(_row(height, "exact", head + body))
    axis = "".join(
        _cell(
            column * span,
            extra=f'<w:gridSpan w:val="{span}"/>' if span > 1 else "",
            body=_text_p(label, AXIS_PT, "center"),
        )
        for span, label in _spans(labels, column)
    )
    parts.append(_row(_twips(AXIS_PT * 1.6 * 25.4 / 72), "atLeast", _cell(label_width) + axis))
    parts.append("</w:tbl>")
    return "".join(parts)


class GridTables:
    """The grid tables of one render, by the name of the bookmark that marks where each
    goes: the render context holds inert inline markup, the tables go in afterwards
    (:func:`place_grids`)."""

    def __init__(self) -> None:
        self.tables: dict[str, str] = {}

    def mark(self, table: str) -> Markup:
        """Inline markup that marks where ``table`` goes: like a picture's, it closes
        the run it is printed in and opens another, so that it is valid wherever a run
        is (a content control, a tracked insertion, a hyperlink)."""
        name = f"{MARKER}-{len(self.tables) + 1}"
        self.tables[name] = table
        mark = f'<w:bookmarkStart w:id="0" w:name="{name}"/><w:bookmarkEnd w:id="0"/>'
        return Markup(f'</w:t></w:r>{mark}<w:r><w:t xml:space="preserve">')


def grid_markup(
    grid: dict[str, Any], title: str, alt: str, width_mm: float, tables: GridTables
) -> Markup:
    """The mark of the grid's table for the render context (empty for no rows)."""
    table = grid_table(grid, title, alt, width_mm)
    return tables.mark(table) if table else Markup("")


_KEEPS = {qn("w:pPr"), qn("w:r"), qn("w:proofErr")}
"""What a paragraph may hold and still be removed once its grid is out of it."""
_RUN_KEEPS = {qn("w:rPr"), qn("w:t"), qn("w:lastRenderedPageBreak")}
_PPR_KEEPS = {qn("w:sectPr"), qn("w:pageBreakBefore")}
"""Paragraph properties that keep the paragraph: a section's end, a page break."""


def place_grids(body: Any, tables: GridTables) -> None:
    """Put each marked table in after the paragraph that holds its mark (before it, when
    that paragraph ends a section), and remove the mark; the paragraph goes too when it
    holds nothing else, unless that would leave the table against another table.
    A paragraph follows the table where nothing else would (the end of a cell or a
    text box, another table)."""
    from docx.oxml import OxmlElement, parse_xml
    from docx.oxml.ns import nsdecls

    for start in list(body.iter(qn("w:bookmarkStart"))):
        table_xml = tables.tables.get(str(start.get(qn("w:name"))))
        if table_xml is None:
            continue
        paragraph = next(start.iterancestors(qn("w:p")), None)
        end = start.getnext()
        if end is not None and end.tag == qn("w:bookmarkEnd"):
            end.getparent().remove(end)
        start.getparent().remove(start)
        if paragraph is None:  # not in a paragraph (never so from a template's text)
            continue
        table = parse_xml(table_xml.replace("<w:tbl>", f"<w:tbl {nsdecls('w')}>", 1))
        if paragraph.find(f"{qn('w:pPr')}/{qn('w:sectPr')}") is not None:
            paragraph.addprevious(table)  # it stays in the section the paragraph ends
            continue
        paragraph.addnext(table)
        before = paragraph.getprevious()
        if _blank(paragraph) and (before is None or before.tag != qn("w:tbl")):
            paragraph.getparent().remove(paragraph)
        after = table.getnext()
        if after is None or after.tag != qn("w:p"):
            table.addnext(OxmlElement("w:p"))


def _blank(paragraph: Any) -> bool:
    """Whether a paragraph holds nothing but its properties and empty runs (no
    bookmark, comment, field, note reference, picture, page or section break)."""
    for child in paragraph:
        if child.tag not in _KEEPS:
            return False
        if child.tag == qn("w:pPr") and any(c.tag in _PPR_KEEPS for c in child):
            return False
        if child.tag == qn("w:r"):
            for item in child:
                if item.tag not in _RUN_KEEPS or (item.tag == qn("w:t") and item.text):
                    return False
    return True
