"""The default template's styles and list definitions, as styles.xml/numbering.xml text.

One palette and two typefaces: Cambria for headings, Calibri for text (Word's own
pair, with metric-compatible free twins, Caladea and Carlito, for LibreOffice).
"""

from __future__ import annotations

from copharvest.formats.docx.xml import border, ppr, rpr, style

HEAD = "Cambria"
BODY = "Calibri"
INK = "262B30"
PRIMARY = "1B4F72"
ACCENT = "C0632B"
MUTED = "5F6B73"
RULE = "BFCCD6"
OK = "2E7D32"

PAGE_WIDTH = 11906
PAGE_HEIGHT = 16838
MARGIN = 1418
"""Top and bottom margin."""
INSIDE_MARGIN = 2098
"""The margin at the spine (left on right-hand pages; the margins are mirrored)."""
OUTSIDE_MARGIN = 2765
"""The outer margin: with 11 pt text, lines of at most 75 characters on average (12.4 cm)."""
TEXT_WIDTH = PAGE_WIDTH - INSIDE_MARGIN - OUTSIDE_MARGIN
BODY_SIZE = 11
NUMBER_TAB = 850
"""Where a heading's title starts after its number ("1.3<tab>Title")."""

LESSON_NUM_ID = 1
BULLET_NUM_ID = 2

BUILTIN_NAMES = {
    "Normal": "Normal",
    "Title": "Title",
    "Subtitle": "Subtitle",
    "Heading1": "heading 1",
    "Heading2": "heading 2",
    "Heading3": "heading 3",
    "TOCHeading": "TOC Heading",
    "TOC1": "toc 1",
    "TOC2": "toc 2",
    "TOC3": "toc 3",
    "ListBullet": "List Bullet",
    "ListNumber": "List Number",
    "Quote": "Quote",
    "Caption": "caption",
    "Footer": "footer",
    "Strong": "Strong",
    "Emphasis": "Emphasis",
}


def _p(
    style_id: str,
    *,
    based: str | None = "Normal",
    next_style: str | None = None,
    paragraph: str = "",
    run: str = "",
    quick: bool = True,
    priority: int | None = None,
) -> str:
    builtin = style_id in BUILTIN_NAMES
    return style(
        "paragraph",
        style_id,
        BUILTIN_NAMES.get(style_id, _spaced(style_id)),
        based=based,
        next_style=next_style,
        custom=not builtin,
        priority=priority,
        quick=quick,
        paragraph=paragraph,
        run=run,
    )


def _c(style_id: str, run: str) -> str:
    builtin = style_id in BUILTIN_NAMES
    return style(
        "character",
        style_id,
        BUILTIN_NAMES.get(style_id, _spaced(style_id)),
        based="DefaultParagraphFont",
        custom=not builtin,
        quick=True,
        run=run,
    )


def _spaced(style_id: str) -> str:
    """``QuoteAttribution`` -> ``Quote Attribution``."""
    out = ""
    for i, ch in enumerate(style_id):
        if ch.isupper() and i and not style_id[i - 1].isupper():
            out += " "
        out += ch
    return out


def _heading_tabs() -> tuple[tuple[str, int], ...]:
    return (("left", NUMBER_TAB),)


DOC_DEFAULTS = (
    "<w:docDefaults><w:rPrDefault>"
    + rpr(font=BODY, size=10.5, lang="en-GB")
    + '</w:rPrDefault><w:pPrDefault><w:pPr><w:spacing w:after="0" w:line="240" '
    'w:lineRule="auto"/></w:pPr></w:pPrDefault></w:docDefaults>'
)

TABLE_STYLE = style(
    "table",
    "BookletTable",
    "Booklet Table",
    based="TableNormal",
    custom=True,
    priority=59,
    paragraph=ppr(after=0, line=240),
    run=rpr(size=9.5),
    extra=(
        "<w:tblPr><w:tblBorders>"
        + border("top", size=8, color=PRIMARY, space=0)
        + border("bottom", size=8, color=PRIMARY, space=0)
        + border("insideH", size=4, color=RULE, space=0)
        + "</w:tblBorders><w:tblCellMar>"
        '<w:top w:w="57" w:type="dxa"/><w:left w:w="85" w:type="dxa"/>'
        '<w:bottom w:w="57" w:type="dxa"/><w:right w:w="85" w:type="dxa"/>'
        "</w:tblCellMar></w:tblPr>"
        '<w:tblStylePr w:type="firstRow">'
        + rpr(bold=True, color="FFFFFF")
        + f'<w:tcPr><w:shd w:val="clear" w:color="auto" w:fill="{PRIMARY}"/></w:tcPr>'
        "</w:tblStylePr>"
    ),
)

STYLES: tuple[str, ...] = (
    _p(
        "Normal", based=None, paragraph=ppr(after=140, line=288), run=rpr(color=INK, size=BODY_SIZE)
    ),
    # cover
    _p(
        "CoverKicker",
        paragraph=ppr(
            hyphenate=False,
            borders=border("top", size=48, color=ACCENT, space=12),
            before=2835,
            after=360,
            line=240,
        ),
        run=rpr(font=BODY, bold=True, caps=True, spacing=30, color=ACCENT, size=11),
    ),
    _p(
        "Title",
        next_style="Subtitle",
        # the cover's title may use the outer margin: a title breaks in as few lines as can be
        paragraph=ppr(after=240, line=240, hyphenate=False, right=MARGIN - OUTSIDE_MARGIN),
        run=rpr(font=HEAD, bold=True, color=PRIMARY, size=34),
    ),
    _p(
        "Subtitle",
        paragraph=ppr(hyphenate=False, after=240, line=264),
        run=rpr(font=BODY, color=MUTED, size=16),
    ),
    _p(
        "CoverNote", paragraph=ppr(before=240, after=0), run=rpr(bold=True, color="B03A2E", size=12)
    ),
    _p(
        "CoverMeta",
        paragraph=ppr(hyphenate=False, before=3969, after=60, line=240),
        run=rpr(bold=True, color=PRIMARY, size=13),
    ),
    _p("CoverPicture", paragraph=ppr(before=480, after=0, line=240, keep_next=True)),
    _p(
        "CoverMetaBelowPicture",
        based="CoverMeta",
        paragraph=ppr(hyphenate=False, before=480, after=60, line=240),
    ),
    _p("CoverDate", paragraph=ppr(after=0, line=240), run=rpr(color=MUTED, size=12)),
    # colophon
    _p(
        "ColophonHeading",
        next_style="Colophon",
        paragraph=ppr(hyphenate=False, keep_next=True, page_break_before=True, after=200, line=240),
        run=rpr(font=HEAD, bold=True, color=PRIMARY, size=14),
    ),
    _p("Colophon", paragraph=ppr(after=100, line=264), run=rpr(size=9.5)),
    _p("ColophonAddress", based="Colophon", paragraph=ppr(after=0)),
    _p(
        "ColophonBullet",
        based="Colophon",
        paragraph=(
            f'<w:pPr><w:numPr><w:numId w:val="{BULLET_NUM_ID}"/></w:numPr>'
            '<w:spacing w:after="40"/><w:ind w:left="284" w:hanging="284"/></w:pPr>'
        ),
    ),
    _p("ColophonClosing", based="Colophon", paragraph=ppr(before=240)),
    # contents
    _p(
        "TOCHeading",
        next_style="Normal",
        paragraph=ppr(
            hyphenate=False,
            keep_next=True,
            page_break_before=True,
            after=360,
            line=240,
            outline=9,
        ),
        run=rpr(font=HEAD, bold=True, color=PRIMARY, size=24),
    ),
    _p(
        "TOC1",
        next_style="Normal",
        priority=39,
        paragraph=ppr(
            hyphenate=False,
            keep_next=True,
            tabs=(("right", TEXT_WIDTH, "dot"),),
            before=200,
            after=60,
            line=240,
        ),
        run=rpr(bold=True, color=PRIMARY, size=11),
    ),
    _p(
        "TOC2",
        next_style="Normal",
        priority=39,
        paragraph=ppr(
            hyphenate=False,
            tabs=(("left", 2 * NUMBER_TAB), ("right", TEXT_WIDTH, "dot")),
            after=40,
            line=240,
            left=2 * NUMBER_TAB,
            hanging=NUMBER_TAB,
        ),
    ),
    _p(
        "TOC3",
        next_style="Normal",
        priority=39,
        paragraph=ppr(
            hyphenate=False,
            tabs=(("right", TEXT_WIDTH, "dot"),),
            after=40,
            line=240,
            left=2 * NUMBER_TAB,
        ),
    ),
    # headings
    _p(
        "Heading1",
        next_style="Normal",
        priority=9,
        paragraph=ppr(
            keep_next=True,
            keep_lines=True,
            tabs=_heading_tabs(),
            hyphenate=False,
            after=360,
            line=240,
            outline=0,
        ),
        run=rpr(font=HEAD, bold=True, color=PRIMARY, size=24),
    ),
    _p(
        "Heading2",
        next_style="Normal",
        priority=9,
        paragraph=ppr(
            keep_next=True,
            keep_lines=True,
            tabs=_heading_tabs(),
            hyphenate=False,
            before=420,
            after=160,
            line=240,
            left=NUMBER_TAB,
            hanging=NUMBER_TAB,
            outline=1,
        ),
        run=rpr(font=HEAD, bold=True, color=PRIMARY, size=15),
    ),
    _p(
        "Heading3",
        next_style="Normal",
        priority=9,
        paragraph=ppr(
            keep_next=True,
            keep_lines=True,
            hyphenate=False,
            before=240,
            after=80,
            line=240,
            outline=2,
        ),
        run=rpr(font=BODY, bold=True, color=ACCENT, size=11),
    ),
    _p(
        "PartContents",
        paragraph=ppr(
            hyphenate=False,
            tabs=_heading_tabs(),
            after=80,
            line=240,
            left=NUMBER_TAB,
            hanging=NUMBER_TAB,
        ),
        run=rpr(color=PRIMARY, size=11.5),
    ),
    # lists
    _p(
        "ListBullet",
        paragraph=(
            f'<w:pPr><w:numPr><w:numId w:val="{BULLET_NUM_ID}"/></w:numPr>'
            '<w:spacing w:after="80"/><w:ind w:left="397" w:hanging="284"/></w:pPr>'
        ),
    ),
    _p(
        "ListNumber",
        paragraph=(
            f'<w:pPr><w:numPr><w:numId w:val="{LESSON_NUM_ID}"/></w:numPr>'
            '<w:spacing w:after="100"/><w:ind w:left="454" w:hanging="454"/></w:pPr>'
        ),
    ),
    # quotes
    _p(
        "Quote",
        next_style="QuoteAttribution",
        paragraph=ppr(
            keep_next=True,
            borders=border("left", size=24, color=ACCENT, space=10),
            before=200,
            after=60,
            line=276,
            left=567,
            right=567,
        ),
        run=rpr(font=HEAD, italic=True, color=PRIMARY, size=10.5),
    ),
    _p(
        "QuoteAttribution",
        next_style="Normal",
        paragraph=ppr(
            borders=border("left", size=24, color=ACCENT, space=10),
            after=240,
            line=240,
            left=567,
            right=567,
        ),
        run=rpr(color=MUTED, size=9),
    ),
    # tables and figures
    _p(
        "TableTitle",
        next_style="Normal",
        paragraph=ppr(
            keep_next=True,
            hyphenate=False,
            before=240,
            after=100,
            line=240,
        ),
        run=rpr(bold=True, color=PRIMARY, size=10.5),
    ),
    _p("TableText", paragraph=ppr(after=0, line=252), run=rpr(size=9.5)),
    _p("TableNumber", based="TableText", paragraph=ppr(jc="right")),
    _p("TableNote", based="TableText", run=rpr(color=MUTED, size=8.5)),
    # the empty paragraph after a table in the text: the space a table needs before the
    # paragraph that follows it (a table has no spacing of its own)
    _p("TableEnd", based="TableText", paragraph=ppr(after=0, line=240), run=rpr(size=7)),
    _p(
        "TableArrow",
        based="TableText",
        paragraph=ppr(jc="center"),
        run=rpr(bold=True, color=ACCENT),
    ),
    _p(
        "TableHeading",
        based="TableText",
        paragraph=ppr(keep_next=True, hyphenate=False),
        run=rpr(bold=True, color="FFFFFF"),
    ),
    _p("TableHeadingNumber", based="TableHeading", paragraph=ppr(jc="right")),
    _p(
        "Figure",
        next_style="Caption",
        paragraph=ppr(keep_next=True, before=240, after=60, jc="center"),
    ),
    _p(
        "Caption",
        next_style="Normal",
        paragraph=ppr(after=240, line=240, jc="center"),
        run=rpr(italic=True, color=MUTED, size=9),
    ),
    # annexes and overviews
    _p(
        "AnnexItemTitle",
        next_style="AnnexItemText",
        paragraph=ppr(
            keep_next=True,
            keep_lines=True,
            tabs=(("left", 567),),
            hyphenate=False,
            before=280,
            after=60,
            line=240,
            left=567,
            hanging=567,
        ),
        run=rpr(font=HEAD, bold=True, color=PRIMARY, size=12),
    ),
    _p("AnnexItemText", paragraph=ppr(after=60, left=567)),
    _p(
        "AnnexItemStatus",
        paragraph=ppr(after=120, line=240, left=567),
        run=rpr(color=MUTED, size=9),
    ),
    _p("Reading", paragraph=ppr(keep_next=True, before=120, after=20, left=567, hanging=567)),
    _p("ReadingNote", paragraph=ppr(after=80, line=252, left=567), run=rpr(color=MUTED, size=9)),
    _p(
        "Footer",
        paragraph=ppr(tabs=(("right", TEXT_WIDTH),), hyphenate=False, line=240),
        run=rpr(color=MUTED, size=8.5),
    ),
    # a paragraph that only ends a section: as small as can be, so that it never
    # spills onto a page of its own
    _p(
        "SectionBreak",
        quick=False,
        paragraph=ppr(after=0, line=20, line_rule="exact"),
        run=rpr(size=1),
    ),
    # characters
    _c("Strong", rpr(bold=True)),
    _c("Emphasis", rpr(italic=True)),
    _c("StatusOk", rpr(bold=True, color=OK)),
    _c("StatusWarn", rpr(bold=True, color=ACCENT)),
    _c("StatusUnknown", rpr(bold=True, color=MUTED)),
    TABLE_STYLE,
)


def _level(
    ilvl: int, fmt: str, text: str, style_id: str | None, left: int, hanging: int, run: str
) -> str:
    pstyle = f'<w:pStyle w:val="{style_id}"/>' if style_id and ilvl == 0 else ""
    return (
        f'<w:lvl w:ilvl="{ilvl}"><w:start w:val="1"/><w:numFmt w:val="{fmt}"/>{pstyle}'
        f'<w:lvlText w:val="{text}"/><w:lvlJc w:val="left"/>'
        f'<w:pPr><w:ind w:left="{left}" w:hanging="{hanging}"/></w:pPr>{run}</w:lvl>'
    )


def numbering_xml() -> str:
    """The children of numbering.xml: numbered lessons and bullets."""
    lesson_levels = "".join(
        _level(i, fmt, text, "ListNumber", 454 * (i + 1), 454, rpr(bold=True, color=ACCENT))
        for i, (fmt, text) in enumerate(
            [("decimal", "%1."), ("lowerLetter", "%2."), ("lowerRoman", "%3.")]
        )
    )
    bullet_levels = "".join(
        _level(i, "bullet", text, "ListBullet", 397 + 397 * i, 284, rpr(color=ACCENT))
        for i, text in enumerate(["\u2022", "\u2013", "\u2022"])
    )
    return (
        '<w:abstractNum w:abstractNumId="1"><w:nsid w:val="5C0A1E01"/>'
        '<w:multiLevelType w:val="multilevel"/><w:tmpl w:val="0409001D"/>'
        f"{lesson_levels}</w:abstractNum>"
        '<w:abstractNum w:abstractNumId="2"><w:nsid w:val="5C0A1E02"/>'
        '<w:multiLevelType w:val="multilevel"/><w:tmpl w:val="0409001F"/>'
        f"{bullet_levels}</w:abstractNum>"
        f'<w:num w:numId="{LESSON_NUM_ID}"><w:abstractNumId w:val="1"/></w:num>'
        f'<w:num w:numId="{BULLET_NUM_ID}"><w:abstractNumId w:val="2"/></w:num>'
    )
