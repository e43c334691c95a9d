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
context it is markup that closes the paragraph it is printed in and opens a new one;
:func:`tidy_grids` removes the empty paragraphs that this leaves around it.
"""

from __future__ import annotations

from typing import Any

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
"""The name of the bookmark that marks a grid table until :func:`tidy_grids` runs."""

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
    widest label needs."""
    n = len(labels)
    for step in range(1, n + 1):
        spans = []
        for start in range(0, n, step):
            stop = min(n, start + step)
            first, last = labels[start].split("–")[0], labels[stop - 1].split("–")[-1]
            spans.append((stop - start, first if first == last else f"{first}–{last}"))
        widest = max(text_width(label, AXIS_PT) for _, label in spans) + 60
        if widest <= step * column:
            return spans
    return [(n, f"{labels[0].split('–')[0]}–{labels[-1].split('–')[-1]}")]


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


def grid_markup(grid: dict[str, Any], title: str, alt: str, width_mm: float) -> Markup:
    """The table as markup for the render context: it closes the paragraph it is printed
    in, and opens another after it; a bookmark marks it for :func:`tidy_grids`."""
    table = grid_table(grid, title, alt, width_mm)
    if not table:
        return Markup("")
    mark = f'<w:bookmarkStart w:id="0" w:name="{MARKER}"/><w:bookmarkEnd w:id="0"/>'
    return Markup(f'</w:t></w:r>{mark}</w:p>{table}<w:p>{mark}<w:r><w:t xml:space="preserve">')


def tidy_grids(body: Any) -> None:
    """Remove the marks of the grid tables, and the paragraphs around them that hold
    nothing else (the one the chart was printed in, the one opened after it)."""
    from docx.oxml.ns import qn

    for start in list(body.iter(qn("w:bookmarkStart"))):
        if start.get(qn("w:name")) != MARKER:
            continue
        paragraph = start.getparent()
        end = start.getnext()
        if end is not None and end.tag == qn("w:bookmarkEnd"):
            paragraph.remove(end)
        paragraph.remove(start)
        parent = paragraph.getparent()
        # a table cell ends with a paragraph
        last_in_cell = parent.tag == qn("w:tc") and paragraph is parent[-1]
        if _blank(paragraph) and not last_in_cell:
            parent.remove(paragraph)


def _blank(paragraph: Any) -> bool:
    """Whether a paragraph shows nothing and carries no section's properties."""
    from docx.oxml.ns import qn

    if paragraph.tag != qn("w:p") or paragraph.find(f"{qn('w:pPr')}/{qn('w:sectPr')}") is not None:
        return False
    for element in paragraph.iter():
        if element.tag == qn("w:t") and element.text:
            return False
        if element.tag in {qn("w:drawing"), qn("w:pict"), qn("w:object"), qn("w:br"), qn("w:tab")}:
            return False
    return True
