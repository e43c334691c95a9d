"""Small WordprocessingML builders used by the template generator.

Each function returns XML text with the ``w:`` prefix; children are written in the
order the schema requires, because Word rejects documents that do not follow it.
"""

from __future__ import annotations

from xml.sax.saxutils import escape, quoteattr

W_NS = "http://schemas.openxmlformats.org/wordprocessingml/2006/main"


def rpr(
    *,
    style: str | None = None,
    font: str | None = None,
    bold: bool = False,
    italic: bool = False,
    caps: bool = False,
    color: str | None = None,
    spacing: int | None = None,
    size: float | None = None,
    lang: str | None = None,
) -> str:
    """Run properties (``size`` in points)."""
    out = []
    if style:
        out.append(f"<w:rStyle w:val={quoteattr(style)}/>")
    if font:
        f = quoteattr(font)
        out.append(f"<w:rFonts w:ascii={f} w:hAnsi={f} w:eastAsia={f} w:cs={f}/>")
    if bold:
        out.append("<w:b/><w:bCs/>")
    if italic:
        out.append("<w:i/><w:iCs/>")
    if caps:
        out.append("<w:caps/>")
    if color:
        out.append(f'<w:color w:val="{color}"/>')
    if spacing is not None:
        out.append(f'<w:spacing w:val="{spacing}"/>')
    if size is not None:
        half = round(size * 2)
        out.append(f'<w:sz w:val="{half}"/><w:szCs w:val="{half}"/>')
    if lang:
        out.append(f'<w:lang w:val="{lang}"/>')
    return f"<w:rPr>{''.join(out)}</w:rPr>" if out else ""


def border(side: str, *, size: int, color: str, space: int = 4) -> str:
    """One border of a paragraph or table (``size`` in eighths of a point)."""
    return f'<w:{side} w:val="single" w:sz="{size}" w:space="{space}" w:color="{color}"/>'


def ppr(
    *,
    style: str | None = None,
    keep_next: bool = False,
    keep_lines: bool = False,
    page_break_before: bool = False,
    widow_control: bool | None = None,
    borders: str = "",
    fill: str | None = None,
    tabs: tuple[tuple[str, int] | tuple[str, int, str], ...] = (),
    hyphenate: bool | None = None,
    before: int | None = None,
    after: int | None = None,
    line: int | None = None,
    line_rule: str = "auto",
    left: int | None = None,
    right: int | None = None,
    hanging: int | None = None,
    contextual: bool = False,
    jc: str | None = None,
    outline: int | None = None,
    run: str = "",
) -> str:
    """Paragraph properties (spacing and indents in twentieths of a point)."""
    out = []
    if style:
        out.append(f"<w:pStyle w:val={quoteattr(style)}/>")
    if keep_next:
        out.append("<w:keepNext/>")
    if keep_lines:
        out.append("<w:keepLines/>")
    if page_break_before:
        out.append("<w:pageBreakBefore/>")
    if widow_control is not None:
        out.append(f'<w:widowControl w:val="{int(widow_control)}"/>')
    if borders:
        out.append(f"<w:pBdr>{borders}</w:pBdr>")
    if fill:
        out.append(f'<w:shd w:val="clear" w:color="auto" w:fill="{fill}"/>')
    if tabs:
        items = []
        for tab in tabs:
            leader = f' w:leader="{tab[2]}"' if len(tab) == 3 else ""
            items.append(f'<w:tab w:val="{tab[0]}"{leader} w:pos="{tab[1]}"/>')
        out.append(f"<w:tabs>{''.join(items)}</w:tabs>")
    if hyphenate is not None:
        out.append(f'<w:suppressAutoHyphens w:val="{int(not hyphenate)}"/>')
    rule = {"lineRule": line_rule} if line is not None else {}
    out.append(_empty("spacing", before=before, after=after, line=line, **rule))
    out.append(_empty("ind", left=left, right=right, hanging=hanging))
    if contextual:
        out.append("<w:contextualSpacing/>")
    if jc:
        out.append(f'<w:jc w:val="{jc}"/>')
    if outline is not None:
        out.append(f'<w:outlineLvl w:val="{outline}"/>')
    out.append(run)
    return f"<w:pPr>{''.join(out)}</w:pPr>" if any(out) else ""


def _empty(tag: str, **values: object) -> str:
    """``<w:tag w:a="1" .../>`` for the values that are set; nothing when none is."""
    attributes = "".join(f' w:{k}="{v}"' for k, v in values.items() if v is not None)
    return f"<w:{tag}{attributes}/>" if attributes else ""


def r(text: str, style: str | None = None, **props: object) -> str:
    """A run of literal text (Jinja tags included)."""
    return (
        f"<w:r>{rpr(style=style, **props)}"  # type: ignore[arg-type]
        f'<w:t xml:space="preserve">{escape(text)}</w:t></w:r>'
    )


TAB = "<w:r><w:tab/></w:r>"


def p(*runs: str, style: str | None = None, **props: object) -> str:
    """A paragraph."""
    return f"<w:p>{ppr(style=style, **props)}{''.join(runs)}</w:p>"  # type: ignore[arg-type]


def tag(statement: str) -> str:
    """A paragraph that docxtpl replaces by the Jinja statement ``{% statement %}``."""
    return p(r("{%p " + statement + " %}"))


def row_tag(statement: str, columns: int) -> str:
    """A table row that docxtpl replaces by ``{% statement %}``."""
    span = f'<w:gridSpan w:val="{columns}"/>' if columns > 1 else ""
    return (
        f"<w:tr><w:tc><w:tcPr>{span}</w:tcPr>"
        f"{p(r('{%tr ' + statement + ' %}'), style='TableText')}</w:tc></w:tr>"
    )


def field(instruction: str, placeholder: str = "") -> str:
    """A complex field in one paragraph (PAGE, TOC, ...)."""
    shown = (
        f'<w:r><w:t xml:space="preserve">{escape(placeholder)}</w:t></w:r>' if placeholder else ""
    )
    return (
        '<w:r><w:fldChar w:fldCharType="begin"/></w:r>'
        f'<w:r><w:instrText xml:space="preserve"> {escape(instruction)} </w:instrText></w:r>'
        '<w:r><w:fldChar w:fldCharType="separate"/></w:r>'
        f"{shown}"
        '<w:r><w:fldChar w:fldCharType="end"/></w:r>'
    )


def cell(content: str, width: int, *, fill: str | None = None, span: int = 1) -> str:
    """A table cell of ``width`` twips."""
    props = f'<w:tcW w:w="{width}" w:type="dxa"/>'
    if span > 1:
        props += f'<w:gridSpan w:val="{span}"/>'
    if fill:
        props += f'<w:shd w:val="clear" w:color="auto" w:fill="{fill}"/>'
    return f"<w:tc><w:tcPr>{props}</w:tcPr>{content}</w:tc>"


def row(*cells: str, header: bool = False) -> str:
    """A table row, never split over two pages; a header row repeats on every page."""
    props = (
        "<w:trPr><w:cantSplit/><w:tblHeader/></w:trPr>"
        if header
        else "<w:trPr><w:cantSplit/></w:trPr>"
    )
    return f"<w:tr>{props}{''.join(cells)}</w:tr>"


def table(
    widths: tuple[int, ...], *rows: str, style: str = "BookletTable", headless: str = ""
) -> str:
    """A table with a header row style and fixed column widths.

    ``headless``: a Jinja test that, when true, turns the header row's look off (for a
    table whose first row is data).
    """
    grid = "".join(f'<w:gridCol w:w="{w}"/>' for w in widths)
    look = 'w:val="04A0" w:firstRow="1"'
    if headless:
        look = (
            f'w:val="{{% if {headless} %}}0480{{% else %}}04A0{{% endif %}}" '
            f'w:firstRow="{{% if {headless} %}}0{{% else %}}1{{% endif %}}"'
        )
    return (
        f'<w:tbl><w:tblPr><w:tblStyle w:val="{style}"/><w:tblW w:w="{sum(widths)}" w:type="dxa"/>'
        '<w:tblLayout w:type="fixed"/>'
        f'<w:tblLook {look} w:lastRow="0" w:firstColumn="0" '
        'w:lastColumn="0" w:noHBand="1" w:noVBand="1"/></w:tblPr>'
        f"<w:tblGrid>{grid}</w:tblGrid>{''.join(rows)}</w:tbl>"
    )


def style(
    kind: str,
    style_id: str,
    name: str,
    *,
    based: str | None = "Normal",
    next_style: str | None = None,
    custom: bool = False,
    priority: int | None = None,
    quick: bool = False,
    paragraph: str = "",
    run: str = "",
    extra: str = "",
) -> str:
    """A style definition for styles.xml."""
    custom_attr = ' w:customStyle="1"' if custom else ""
    out = [f'<w:style w:type="{kind}"{custom_attr} w:styleId="{style_id}">']
    out.append(f"<w:name w:val={quoteattr(name)}/>")
    if based:
        out.append(f'<w:basedOn w:val="{based}"/>')
    if next_style:
        out.append(f'<w:next w:val="{next_style}"/>')
    if priority is not None:
        out.append(f'<w:uiPriority w:val="{priority}"/>')
    if quick:
        out.append("<w:qFormat/>")
    out.append(paragraph)
    out.append(run)
    out.append(extra)
    out.append("</w:style>")
    return "".join(out)
