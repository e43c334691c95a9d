"""Generate the default booklet template, ``copharvest/templates/booklet.docx``.

Run ``python -m copharvest.formats.docx.template`` after changing this file; a test
checks that the committed template is what this script makes. The template is a
docxtpl document: ``{%p ... %}`` paragraphs, ``{%tr ... %}`` rows and ``{%r ... %}``
runs are Jinja statements; every variable is described in docs/templates.md.
"""

from __future__ import annotations

import sys
from pathlib import Path
from typing import TYPE_CHECKING, Any

from docx.oxml.ns import qn

from copharvest.formats.docx.package import document_bytes
from copharvest.formats.docx.styles import (
    DOC_DEFAULTS,
    INSIDE_MARGIN,
    MARGIN,
    OUTSIDE_MARGIN,
    PAGE_HEIGHT,
    PAGE_WIDTH,
    PRIMARY,
    STYLES,
    TEXT_WIDTH,
    numbering_xml,
)
from copharvest.formats.docx.xml import (
    TAB,
    W_NS,
    cell,
    field,
    p,
    r,
    row,
    row_tag,
    table,
    tag,
)

if TYPE_CHECKING:
    from docx.document import Document

TEMPLATE_PATH = Path(__file__).resolve().parent.parent.parent / "templates" / "booklet.docx"
SHIPPED_PATH = Path(__file__).resolve().parent / "shipped"
"""Where the default template goes prepared and compiled (docx/precompiled.py)."""
TOC_INSTRUCTION = 'TOC \\o "1-2" \\h \\z \\u'
FRONT_BREAK = "<!--end of the front matter-->"
"""Where the section of cover, colophon and contents ends (no footer, no page number)."""
PART_BREAK = "<!--end of a section-->"
"""Where a section ends before a part or an annex, which starts on a right-hand page."""


# -- reusable pieces ----------------------------------------------------------------


def rich(expr: str) -> str:
    """A list of ``{text, bold, italic}`` runs, each in its style, through the ``rich`` filter.

    One ``{{r }}`` tag in a run of its own: a word processor that merges runs of the
    same formatting when it saves cannot break it.
    """
    return r("{{r " + expr + "|rich }}")


def blocks(expr: str, style: str = "Normal", bullet: str = "ListBullet") -> str:
    """Paragraphs and bullet lists of a narrative."""
    return (
        tag(f"for block in {expr}")
        + tag("if block.kind == 'bullets'")
        + tag("for item in block['items']")
        + p(rich("item"), style=bullet)
        + tag("endfor")
        + tag("else")
        + p(rich("block.runs"), style=style)
        + tag("endif")
        + tag("endfor")
    )


def quote(expr: str) -> str:
    """One quote set apart, signed unless it is anonymous."""
    return (
        p(r("\u201c{{ " + expr + ".text }}\u201d"), style="Quote")
        + tag(f"if {expr}.attribution")  # an anonymous quote is signed by nobody
        + p(r("\u2014 {{ " + expr + ".attribution }}"), style="QuoteAttribution")
        + tag("endif")
    )


def quotes(expr: str) -> str:
    """Quotes set apart, each signed."""
    return tag(f"for quote in {expr}") + quote("quote") + tag("endfor")


def lessons(expr: str, heading: str, style: str = "ListNumber") -> str:
    """Lessons under a small heading: numbered from 1 (``ListNumber``) or bulleted."""
    return (
        tag(f"if {expr}")
        + p(r("{{ " + heading + " }}"), style="Heading3")
        + lesson_items(expr, style)
        + tag("endif")
    )


def lesson_items(expr: str, style: str) -> str:
    """Each lesson of ``expr`` in ``style``, its title (if any) in bold before it."""
    return (
        tag(f"for lesson in {expr}")
        + tag("if lesson.title")
        + p(
            r(
                "{{ lesson.title }}{% if lesson.title[-1:] not in '.:?!' %}.{% endif %}",
                style="Strong",
            ),
            r(" {{ lesson.text }}"),
            style=style,
        )
        + tag("else")
        + p(r("{{ lesson.text }}"), style=style)
        + tag("endif")
        + tag("endfor")
    )


def bullets(expr: str, heading: str, item: str, *, optional_heading: bool = False) -> str:
    """A bullet list under a small heading (left out when empty, if ``optional_heading``)."""
    title = p(r("{{ " + heading + " }}"), style="Heading3")
    if optional_heading:
        title = tag(f"if {heading}") + title + tag("endif")
    return (
        tag(f"if {expr}")
        + title
        + tag(f"for {item.split('.')[0]} in {expr}")
        + p(r("{{ " + item + " }}"), style="ListBullet")
        + tag("endfor")
        + tag("endif")
    )


def header_row(columns: tuple[tuple[int, str, bool], ...]) -> str:
    """A repeated header row: (width, text, numeric) per column."""
    return row(
        *(
            cell(
                p(r(text), style="TableHeadingNumber" if numeric else "TableHeading"),
                width,
                fill=PRIMARY,
            )
            for width, text, numeric in columns
        ),
        header=True,
    )


def data_row(columns: tuple[tuple[int, str, bool], ...]) -> str:
    """A row of plain cells: (width, text, numeric) per column."""
    return row(
        *(
            cell(p(r(text), style="TableNumber" if numeric else "TableText"), width)
            for width, text, numeric in columns
        )
    )


def looped_table(
    loop: str,
    head_cols: tuple[tuple[int, str, bool], ...],
    body_cols: tuple[tuple[int, str, bool], ...],
) -> str:
    """A table with a header row and one row per item of ``loop``."""
    n = len(head_cols)
    return table(
        tuple(w for w, _, _ in head_cols),
        header_row(head_cols),
        row_tag(loop, n),
        data_row(body_cols),
        row_tag("endfor", n),
    )


def pair_tables(expr: str, title_style: str) -> str:
    """Two-column tables, each under its title."""
    return tag(f"for table in {expr}") + pair_table("table", title_style) + tag("endfor")


def pair_table(expr: str, title_style: str) -> str:
    """A two-column table: a movement from → to under its heads, a dilemma as "X – Y"
    rows without heads."""
    side = (TEXT_WIDTH - 500) // 2
    return (
        tag(f"if {expr}.title")
        + p(r("{{ " + expr + ".title }}"), style=title_style)
        + tag("endif")
        + table(
            (side, 500, side),
            row_tag(f"if {expr}.kind != 'dilemma'", 3),
            header_row(
                (
                    (side, "{{ " + expr + ".left_label }}", False),
                    (500, "", False),
                    (side, "{{ " + expr + ".right_label }}", False),
                )
            ),
            row_tag("endif", 3),
            row_tag(f"for pair in {expr}.rows", 3),
            row(
                cell(p(r("{{ pair[0] }}"), style="TableText"), side),
                cell(
                    p(
                        r(
                            "{% if " + expr + ".kind == 'movement' %}\u2192"
                            "{% elif " + expr + ".kind == 'dilemma' %}\u2013{% endif %}"
                        ),
                        style="TableArrow",
                    ),
                    500,
                ),
                cell(p(r("{{ pair[1] }}"), style="TableText"), side),
            ),
            row_tag("endfor", 3),
            headless=f"{expr}.kind == 'dilemma'",
        )
        + p(style="TableEnd")
    )


def numbered_heading(number: str, title: str, style: str) -> str:
    """A heading "<number><tab><title>"."""
    return p(r("{{ " + number + " }}"), TAB, r("{{ " + title + " }}"), style=style)


# -- the booklet, front to back -------------------------------------------------------


def cover() -> str:
    return (
        p(r("{{ pack_title }}"), style="CoverKicker")
        + p(r("{{ title }}"), style="Title")
        + tag("if subtitle")
        + p(r("{{ subtitle }}"), style="Subtitle")
        + tag("endif")
        + tag("if internal")
        + p(r("{{ labels.audience_internal }}"), style="CoverNote")
        + tag("endif")
        + tag("if cover")
        + p(r("{{ cover.image }}"), style="CoverPicture")
        + p(r("{{ colophon.publisher }}"), style="CoverMetaBelowPicture")
        + tag("else")
        + p(r("{{ colophon.publisher }}"), style="CoverMeta")
        + tag("endif")
        + p(r("{{ date }}"), style="CoverDate")
    )


def colophon() -> str:
    c = "colophon"
    return (
        p(r("{{ labels.colophon }}"), style="ColophonHeading")
        + tag(f"if {c}.publisher_line")
        + p(r("{{ colophon.publisher_line }}"), style="Colophon")
        + tag(f"elif {c}.publisher")
        + p(
            r("{{ labels.published_by }} "),
            r("{{ colophon.publisher }}", style="Strong"),
            style="Colophon",
        )
        + tag("endif")
        + tag(f"for line in {c}.address")
        + p(r("{{ line }}"), style="ColophonAddress")
        + tag("endfor")
        + tag(f"if {c}.text_by")
        + p(r("{{ labels.text_by }}: {{ colophon.text_by|join(', ') }}"), style="ColophonClosing")
        + tag("endif")
        + tag(f"if {c}.editors")
        + p(r("{{ labels.editors }}: {{ colophon.editors|join(', ') }}"), style="Colophon")
        + tag("endif")
        + tag(f"if {c}.contributors")
        + p(r("{{ labels.contributors }}:"), style="Colophon")
        + tag(f"for contributor in {c}.contributors")
        + p(r("{{ contributor }}"), style="ColophonBullet")
        + tag("endfor")
        + tag("endif")
        + tag(f"if {c}.inspirators")
        + p(r("{{ colophon.thanks or labels.inspirators }}"), style="ColophonClosing")
        + p(
            r(
                "{% for guest in colophon.inspirators %}{{ guest.name }}"
                "{% if guest.description %} ({{ guest.description }}){% endif %}"
                "{% if not loop.last %}, {% endif %}{% endfor %}"
            ),
            style="Colophon",
        )
        + tag("endif")
        + tag(f"if {c}.place or {c}.date")
        + p(
            r(
                "{{ colophon.place }}{% if colophon.place and colophon.date %}, {% endif %}"
                "{{ colophon.date }}"
            ),
            style="ColophonClosing",
        )
        + tag("endif")
    )


def contents() -> str:
    return (
        p(r("{{ labels.contents }}"), style="TOCHeading")
        + p(field(TOC_INSTRUCTION, "\u2026"), style="TOC1")
        + FRONT_BREAK
    )


def chapter() -> str:
    """A chapter: its heading, then its content in the editor's order."""
    return (
        numbered_heading("chapter.number", "chapter.title", "Heading2")
        + tag("for piece in chapter.content")
        + tag("if piece.kind == 'passage'")
        + blocks("piece.text")
        + tag("elif piece.kind == 'quote'")
        + quote("piece.quote")
        + tag("elif piece.kind == 'box'")
        + box("piece")
        + tag("elif piece.kind == 'table'")
        + pair_table("piece.table", "TableTitle")
        + tag("elif piece.kind == 'key_questions'")
        + bullets("piece.questions", "piece.title", "question", optional_heading=True)
        + tag("elif piece.kind == 'figure'")
        + tag("if piece.chart")
        + p(r("{{ piece.chart.image }}"), style="Figure")
        + p(r("{{ piece.caption }}"), style="Caption")
        + tag("endif")
        + tag("elif piece.kind == 'picture'")
        + p(r("{{ piece.picture.image }}"), style="Figure")
        + tag("if piece.caption")
        + p(r("{{ piece.caption }}"), style="Caption")
        + tag("endif")
        + tag("elif piece.kind == 'readings'")
        + p(r("{{ piece.title }}"), style="Heading3")
        + tag("for reading in piece.readings")
        + reading()
        + tag("endfor")
        + tag("elif piece.kind == 'continuity'")
        + tag("if piece.title")
        + p(r("{{ piece.title }}"), style="Heading3")
        + tag("endif")
        + continuity_story()
        + tag("endif")
        + tag("endfor")
    )


def box(expr: str) -> str:
    """A box: its heading, its passage, its lessons numbered and its tips bulleted."""
    return (
        tag(f"if {expr}.title")
        + p(r("{{ " + expr + ".title }}"), style="Heading3")
        + tag("endif")
        + blocks(f"{expr}.text")
        + lesson_items(f"{expr}.lessons", "ListNumber")
        + lesson_items(f"{expr}.tips", "ListBullet")
    )


def continuity() -> str:
    """The continuity story as a chapter of its own (when no chapter places it)."""
    return (
        numbered_heading("continuity.number", "continuity.title", "Heading2") + continuity_story()
    )


def continuity_story() -> str:
    """The continuity story: what the metrics say, its tables and charts."""
    c = "continuity"
    w = TEXT_WIDTH
    key_figures = table(
        (w - 1800, 1800),
        header_row(((w - 1800, "{{ labels.key_figures }}", False), (1800, "", True))),
        data_row(
            (
                (w - 1800, "{{ labels.pigeon_loft_index }}", False),
                (1800, f"{{{{ {c}.pigeon_loft_index }}}}", True),
            )
        ),
        data_row(
            (
                (w - 1800, "{{ labels.core_share }}", False),
                (1800, f"{{{{ {c}.core_share }}}}", True),
            )
        ),
        row_tag(f"if {c}.asymmetry is not none", 2),
        data_row(
            ((w - 1800, "{{ labels.asymmetry }}", False), (1800, f"{{{{ {c}.asymmetry }}}}", True))
        ),
        row_tag("endif", 2),
        row_tag(f"for group, share in {c}.exposure_by_group", 2),
        data_row(
            ((w - 1800, "{{ labels.exposure }}: {{ group }}", False), (1800, "{{ share }}", True))
        ),
        row_tag("endfor", 2),
    )
    tiers = looped_table(
        f"for tier in {c}.tiers",
        (
            (w - 3000, "{{ labels.tier }}", False),
            (1500, "{{ labels.members }}", True),
            (1500, "{{ labels.tier_share }}", True),
        ),
        (
            (w - 3000, "{{ tier.label }}", False),
            (1500, "{{ tier.count }}", True),
            (1500, "{{ tier.share }}", True),
        ),
    )
    # wide enough for the Dutch headings ("Bestuurslagen") on one line
    small, wide = 1200, 2000
    date = w - 500 - 2 * small - 2 * wide
    sessions = looped_table(
        f"for session in {c}.sessions",
        (
            (500, "#", True),
            (date, "{{ labels.date }}", False),
            (small, "{{ labels.size }}", True),
            (small, "{{ labels.newcomers }}", True),
            (wide, "{{ labels.from_previous }}", True),
            (wide, "{{ labels.levels }}", True),
        ),
        (
            (500, "{{ session.number }}", True),
            (date, "{{ session.dates }}", False),
            (small, "{{ session.size }}", True),
            (small, "{{ session.newcomers }}", True),
            (wide, "{{ session.from_previous }}", True),
            (wide, "{{ session.levels }}", True),
        ),
    )
    # columns sized for the Dutch headings ("Afgevaardigden", "Aanwezigheden")
    cols = (1100, 1800, 1600, 1800)
    name = w - sum(cols)
    organisations = looped_table(
        f"for organisation in {c}.organisations",
        (
            (name, "{{ labels.organisation }}", False),
            (cols[0], "{{ labels.coverage }}", True),
            (cols[1], "{{ labels.delegates }}", True),
            (cols[2], "{{ labels.delegate_changed }}", True),
            (cols[3], "{{ labels.attendances }}", True),
        ),
        (
            (name, "{{ organisation.name }}", False),
            (cols[0], "{{ organisation.coverage }}", True),
            (cols[1], "{{ organisation.delegates }}", True),
            (cols[2], "{{ organisation.delegate_changed }}", True),
            (cols[3], "{{ organisation.attendances }}", True),
        ),
    )
    return (
        p(r(f"{{{{ {c}.intro }}}}"))
        + tag(f"for sentence in {c}.summary")
        + p(r("{{ sentence }}"))
        + tag("endfor")
        # too little to measure: the summary says so, and nothing else is shown
        + tag(f"if {c}.measured")
        + key_figures
        + bullets(f"{c}.flags", "labels.flags", "flag")
        + tag(f"for chart in {c}.charts")
        + p(r("{{ chart.image }}"), style="Figure")
        + p(r("{{ labels.figure }} {{ loop.index }}. {{ chart.title }}"), style="Caption")
        + tag("endfor")
        + p(style="TableTitle")
        + tiers
        + tag(f"if {c}.sessions")
        + p(r("{{ labels.sessions }}"), style="TableTitle")
        + sessions
        + tag("endif")
        + tag(f"if {c}.organisations")
        + p(r("{{ labels.organisations }}"), style="TableTitle")
        + organisations
        + tag("endif")
        + tag(f"if {c}.buddies")
        + p(r("{{ labels.buddies }}"), style="Heading3")
        + tag(f"for newcomer, buddy in {c}.buddies")
        + p(r("{{ newcomer }} \u2192 {{ buddy }}"), style="ListBullet")
        + tag("endfor")
        + tag("endif")
        + tag("endif")
    )


def status(item: str) -> str:
    """The status of a building lesson in its colour, then the evidence."""
    evidence = f"{{% if {item}.evidence %}} \u2014 {{{{ {item}.evidence }}}}{{% endif %}}"

    def line(char_style: str) -> str:
        return p(
            r("{{ labels.status }}: "),
            r(f"{{{{ {item}.status_label }}}}", style=char_style),
            r(evidence),
            style="AnnexItemStatus",
        )

    # no status: the audience does not see the self-assessment (settings.health_in_public)
    return (
        tag(f"if {item}.status == 'ok'")
        + line("StatusOk")
        + tag(f"elif {item}.status == 'warn'")
        + line("StatusWarn")
        + tag(f"elif {item}.status")
        + line("StatusUnknown")
        + tag("endif")
    )


def building_annex() -> str:
    return (
        tag("if building_lessons or plugin_findings")
        + PART_BREAK
        + p(r("{{ labels.annex }}: {{ labels.building_lessons }}"), style="Heading1")
        + tag("for group in building_lesson_groups")
        + tag("if group.title")
        + p(r("{{ group.title }}"), style="Heading3")
        + tag("endif")
        + tag("for lesson in group.lessons")
        + numbered_heading("lesson.number", "lesson.title", "AnnexItemTitle")
        + tag("if lesson.explanation")
        + p(r("{{ lesson.explanation }}"), style="AnnexItemText")
        + tag("endif")
        + status("lesson")
        + tag("endfor")
        + tag("endfor")
        + tag("for finding in plugin_findings")
        + p(r("\u2013"), TAB, r("{{ finding.title }}"), style="AnnexItemTitle")
        + status("finding")
        + tag("endfor")
        + tag("endif")
    )


def parts() -> str:
    return (
        tag("for part in parts")
        + tag("if part.chapters or part.number == 1")
        # part I follows the front matter's own break when there is no introduction
        + tag("if intro or part.number != 1")
        + PART_BREAK
        + tag("endif")
        + numbered_heading("part.numeral", "part.title", "Heading1")
        + blocks("part.intro")
        + tag("for chapter in part.chapters")
        + numbered_heading("chapter.number", "chapter.title", "PartContents")
        + tag("endfor")
        # the continuity story has its own chapter unless a chapter places it
        + tag("if part.number == 1 and continuity.number")
        + numbered_heading("continuity.number", "continuity.title", "PartContents")
        + tag("endif")
        + tag("if part.number == 2")
        + bullets("questions", "labels.questions", "question")
        + tag("endif")
        + tag("for chapter in part.chapters")
        + chapter()
        + tag("endfor")
        + tag("if part.number == 1")
        + tag("if continuity.number")
        + continuity()
        + tag("endif")
        + building_annex()
        + tag("endif")
        + tag("endif")
        + tag("endfor")
    )


def loose() -> str:
    return (
        tag("if loose_quotes or loose_lessons")
        + PART_BREAK
        + p(r("{{ labels.more }}"), style="Heading1")
        + quotes("loose_quotes")
        + lessons("loose_lessons", "labels.lessons")
        + tag("endif")
        + pair_tables("tables", "Heading2")
    )


def insights_annex() -> str:
    return (
        tag("if insights")
        + PART_BREAK
        + p(r("{{ labels.annex }}: {{ labels.domain_insights }}"), style="Heading1")
        + tag("for group in insight_groups")
        + tag("if group.title")
        + p(r("{{ group.title }}"), style="Heading3")
        + tag("endif")
        + tag("for insight in group.insights")
        + numbered_heading("insight.number", "insight.title", "AnnexItemTitle")
        + tag("if insight.text")
        + p(r("{{ insight.text }}"), style="AnnexItemText")
        + tag("endif")
        + tag("endfor")
        + tag("endfor")
        + tag("endif")
    )


def sessions_overview() -> str:
    w = TEXT_WIDTH
    widths = (520, 1900, 2550, 1850, w - 520 - 1900 - 2550 - 1850)
    place = (
        tag("if session.title")
        + p(r("{{ session.title }}", style="Strong"), style="TableText")
        + tag("endif")
        + p(
            r(
                "{{ session.place }}"
                "{% if session.place_kind %} ({{ session.place_kind }}){% endif %}"
            ),
            style="TableNote",
        )
    )
    theme = (
        p(r("{{ session.theme }}"), style="TableText")
        + tag("if session.work_forms")
        + p(r("{{ session.work_forms|join(', ') }}"), style="TableNote")
        + tag("endif")
    )
    guests = p(
        r(
            "{% for guest in session.guests %}{{ guest.name }}"
            "{% if not loop.last %}, {% endif %}{% endfor %}"
        ),
        style="TableText",
    )
    return (
        tag("if sessions")
        + PART_BREAK
        + p(r("{{ labels.sessions }}"), style="Heading1")
        + table(
            widths,
            header_row(
                tuple(
                    zip(
                        widths,
                        (
                            "#",
                            "{{ labels.date }}",
                            "{{ labels.session }}",
                            "{{ labels.theme }}",
                            "{{ labels.guests }}",
                        ),
                        (True, False, False, False, False),
                        strict=True,
                    )
                )
            ),
            row_tag("for session in sessions", 5),
            row(
                cell(p(r("{{ session.number }}"), style="TableNumber"), widths[0]),
                cell(p(r("{{ session.dates }}"), style="TableText"), widths[1]),
                cell(place, widths[2]),
                cell(theme, widths[3]),
                cell(guests, widths[4]),
            ),
            row_tag("if session.notes", 5),
            row(
                cell(p(style="TableText"), widths[0]),
                cell(blocks("session.notes", "TableNote"), sum(widths[1:]), span=4),
            ),
            row_tag("endif", 5),
            row_tag("endfor", 5),
        )
        + tag("endif")
    )


def reading() -> str:
    """One reading (``reading``): authors, title, year and verdict, then its note."""
    line = (
        "{{ reading.authors|join(', ') }}"
        "{% if reading.authors %}{% if reading.year %} ({{ reading.year }}){% endif %}. {% endif %}"
    )
    after = (
        "{% if not reading.authors and reading.year %} ({{ reading.year }}){% endif %}"
        "{% if reading.verdict %} \u2014 {{ reading.verdict }}{% endif %}"
    )
    note = (
        "{{ reading.note }}"
        "{% if reading.note and (reading.presented_by or reading.session) %} {% endif %}"
        "{% if reading.presented_by %}{{ labels.presented_by }}: "
        "{{ reading.presented_by|join(', ') }}{% endif %}"
        "{% if reading.presented_by and reading.session %}; {% endif %}{{ reading.session }}"
    )
    return (
        p(r(line), r("{{ reading.title }}", style="Emphasis"), r(after), style="Reading")
        + tag("if reading.note or reading.presented_by or reading.session")
        + p(r(note), style="ReadingNote")
        + tag("endif")
    )


def readings_overview() -> str:
    return (
        tag("if readings")
        + PART_BREAK
        + p(r("{{ labels.readings }}"), style="Heading1")
        + tag("for reading in readings")
        + reading()
        + tag("endfor")
        + tag("endif")
    )


def body() -> str:
    """Everything between <w:body> and the section properties."""
    return (
        cover()
        + colophon()
        + contents()
        + tag("if intro")
        + p(r("{{ labels.intro }}"), style="Heading1")
        + blocks("intro")
        + tag("endif")
        + parts()
        + loose()
        + insights_annex()
        + sessions_overview()
        + readings_overview()
        + p(style="Normal")
    )


def footer_paragraph(*, even: bool = False) -> str:
    """The footer: the page number on the outside, at the right of a right-hand page."""
    title = r("{{ title }}{% if internal %} \u00b7 {{ labels.audience_internal }}{% endif %}")
    if even:
        return p(field("PAGE", "2"), TAB, title, style="Footer")
    return p(title, TAB, field("PAGE", "1"), style="Footer")


def section_break(sect_pr: Any) -> str:
    """A paragraph that ends a section with the properties ``sect_pr``."""
    from lxml import etree

    return (
        '<w:p><w:pPr><w:pStyle w:val="SectionBreak"/>'
        + str(etree.tostring(sect_pr, encoding="unicode"))
        + "</w:pPr></w:p>"
    )


# -- assembling the package --------------------------------------------------------------


def _fragment(xml: str) -> list[Any]:
    from docx.oxml import parse_xml

    r_ns = "http://schemas.openxmlformats.org/officeDocument/2006/relationships"
    root = parse_xml(f'<w:root xmlns:w="{W_NS}" xmlns:r="{r_ns}">{xml}</w:root>')
    return list(root)


def _drop_extras(document: Document) -> None:
    """Leave out the thumbnail, custom XML and Word 2010 style copies of python-docx's base."""
    unwanted = ("/thumbnail", "/customXml", "/stylesWithEffects")
    for part in (document.part.package, document.part):
        for rid, rel in list(part.rels.items()):
            if rel.reltype.endswith(unwanted):
                del part.rels[rid]


def _install_styles(document: Document) -> None:
    styles = document.styles.element
    defaults = styles.find(qn("w:docDefaults"))
    new_defaults = _fragment(DOC_DEFAULTS)[0]
    if defaults is not None:
        defaults.addprevious(new_defaults)
        styles.remove(defaults)
    else:
        styles.insert(0, new_defaults)
    existing = {s.get(qn("w:styleId")): s for s in styles.findall(qn("w:style"))}
    for new in _fragment("".join(STYLES)):
        old = existing.get(new.get(qn("w:styleId")))
        if old is not None:
            old.addprevious(new)
            styles.remove(old)
        else:
            styles.append(new)


def _install_numbering(document: Document) -> None:
    numbering = document.part.numbering_part.element
    for child in list(numbering):
        numbering.remove(child)
    for child in _fragment(numbering_xml()):
        numbering.append(child)


def _install_settings(document: Document) -> None:
    from copharvest.formats.docx.post import ensure_update_fields, put_setting

    settings = document.settings.element
    for name in ("w:rsids", "w:proofState", "w:attachedTemplate"):
        for child in settings.findall(qn(name)):
            settings.remove(child)
    for setting in settings.iter(qn("w:compatSetting")):
        if setting.get(qn("w:name")) == "compatibilityMode":
            setting.set(qn("w:val"), "15")
    ensure_update_fields(settings)
    # a book: margins and footers mirrored on left- and right-hand pages, words
    # hyphenated in the language of their text
    document.settings.odd_and_even_pages_header_footer = True
    put_setting(settings, "mirrorMargins")
    put_setting(settings, "autoHyphenation")
    put_setting(settings, "hyphenationZone", "357")
    put_setting(settings, "consecutiveHyphenLimit", "2")


def _fill_footer(footer: Any, xml: str) -> None:
    footer.is_linked_to_previous = False
    element = footer._element
    for child in list(element):
        element.remove(child)
    for child in _fragment(xml):
        element.append(child)


def _set_section_type(sect: Any, kind: str) -> None:
    from lxml import etree

    for old in sect.findall(qn("w:type")):
        sect.remove(old)
    element = etree.Element(qn("w:type"))
    element.set(qn("w:val"), kind)
    # after the header and footer references, before the page size
    sect.find(qn("w:pgSz")).addprevious(element)


def _install_body(document: Document) -> None:
    from copy import deepcopy

    from docx.shared import Twips

    section = document.sections[0]
    section.page_width, section.page_height = Twips(PAGE_WIDTH), Twips(PAGE_HEIGHT)
    # mirrored (settings): "left" is the inside of a right-hand page
    section.left_margin, section.right_margin = Twips(INSIDE_MARGIN), Twips(OUTSIDE_MARGIN)
    section.top_margin = section.bottom_margin = Twips(MARGIN)
    section.header_distance = section.footer_distance = Twips(709)
    section.different_first_page_header_footer = False
    _fill_footer(section.footer, footer_paragraph())
    _fill_footer(section.even_page_footer, footer_paragraph(even=True))
    doc_body = document.element.body
    for child in list(doc_body):
        if child.tag != qn("w:sectPr"):
            doc_body.remove(child)
    sect = doc_body.find(qn("w:sectPr"))
    for name in ("w:rsidR", "w:rsidRPr", "w:rsidSect"):
        sect.attrib.pop(qn(name), None)
    # every section after the front matter starts on a right-hand (odd) page
    _set_section_type(sect, "oddPage")
    front = deepcopy(sect)
    for reference in front.findall(qn("w:footerReference")) + front.findall(
        qn("w:headerReference")
    ):
        front.remove(reference)
    _set_section_type(front, "oddPage")
    xml = body().replace(FRONT_BREAK, section_break(front))
    xml = xml.replace(PART_BREAK, section_break(sect))
    for child in _fragment(xml):
        sect.addprevious(child)


def _set_properties(document: Document) -> None:
    props = document.core_properties
    props.title = "copharvest booklet"
    props.subject = ""
    props.author = "copharvest"
    props.comments = ""
    props.keywords = ""
    props.category = ""
    props.last_modified_by = ""
    props.revision = 1
    element = props._element
    for name in ("dcterms:created", "dcterms:modified"):
        for child in element.findall(qn(name)):
            element.remove(child)
    for part in document.part.package.iter_parts():
        if str(part.partname) == "/docProps/app.xml":
            part._blob = APP_XML


APP_XML = (
    b"<?xml version='1.0' encoding='UTF-8' standalone='yes'?>\n"
    b'<Properties xmlns="http://schemas.openxmlformats.org/officeDocument/2006/extended-properties"'
    b' xmlns:vt="http://schemas.openxmlformats.org/officeDocument/2006/docPropsVTypes">'
    b"<Application>copharvest</Application><DocSecurity>0</DocSecurity>"
    b"<ScaleCrop>false</ScaleCrop><LinksUpToDate>false</LinksUpToDate>"
    b"<SharedDoc>false</SharedDoc><HyperlinksChanged>false</HyperlinksChanged></Properties>"
)


def build_template() -> bytes:
    """The default template's bytes (the same on every run)."""
    import docx

    document = docx.Document()
    _drop_extras(document)
    _install_styles(document)
    _install_numbering(document)
    _install_settings(document)
    _install_body(document)
    _set_properties(document)
    return document_bytes(document)


def main(argv: list[str] | None = None) -> int:
    """Write the template to the package (or to the path given)."""
    args = sys.argv[1:] if argv is None else argv
    target = Path(args[0]) if args else TEMPLATE_PATH
    target.write_bytes(build_template())
    print(f"wrote {target}")
    if not args:  # the package's own template: ship it prepared and compiled
        from copharvest.formats.docx.renderer import shipped_files

        folder = SHIPPED_PATH
        folder.mkdir(exist_ok=True)
        files = shipped_files()
        for stale in folder.glob("*.py"):
            if stale.name not in files:
                stale.unlink()
        for name, text in files.items():
            (folder / name).write_text(text, encoding="utf-8")
        print(f"wrote {folder} ({len(files)} files)")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
