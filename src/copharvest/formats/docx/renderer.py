"""Rendering the booklet with docxtpl: sandboxed, escaped, checked and reproducible."""

from __future__ import annotations

import io
import re
from functools import cache
from typing import TYPE_CHECKING, Any

from copharvest.formats.base import RenderError, RenderOptions
from copharvest.formats.docx.content import OLD_TEMPLATE, ignores_layout, place_pictures
from copharvest.formats.docx.context import clean, render_context

if TYPE_CHECKING:
    from copharvest.formats.docx.gridtable import GridTables
    from copharvest.formats.docx.sandbox import BookletEnvironment
    from copharvest.views import Harvest

CHART_WIDTH_MM = 150
_DOCPR = "{http://schemas.openxmlformats.org/drawingml/2006/wordprocessingDrawing}docPr"
_DOCXTPL_MARKS = re.compile(r"\{_[{%]|[}%]_\}")
_TABLE_TAGS = re.compile(r"\{[{%]tc |\{%\s*(?:hm|colspan)\b")
_PATCHED: dict[str, tuple[str, bool]] = {}
"""Parts patched in this process (by their XML): the check of a user's template and the
build that follows it patch the same parts."""


def _finalize(value: Any) -> Any:
    """Keep docxtpl from reading ``{_{``, ``}_}``, ``{_%`` or ``%_}`` in data as its escapes."""
    if isinstance(value, str) and "_" in value and _DOCXTPL_MARKS.search(value):
        from markupsafe import Markup, escape

        text = str(value) if isinstance(value, Markup) else str(escape(value))
        return Markup(text.replace("{", "&#123;").replace("}", "&#125;").replace("%", "&#37;"))
    return value


_RUN_OPENINGS = {
    (True, True): '<w:r><w:rPr><w:b/><w:i/></w:rPr><w:t xml:space="preserve">',
    (True, False): '<w:r><w:rPr><w:rStyle w:val="Strong"/></w:rPr><w:t xml:space="preserve">',
    (False, True): '<w:r><w:rPr><w:rStyle w:val="Emphasis"/></w:rPr><w:t xml:space="preserve">',
    (False, False): '<w:r><w:t xml:space="preserve">',
}
"""The start of a run as docxtpl's RichText.add writes it, by (bold, italic)."""


def rich(runs: Any) -> Any:
    """Filter: runs (``{text, bold, italic}``) as Word runs, in styles Strong and Emphasis.

    Used as ``{{r block.runs|rich }}``; the text is escaped, and braces are written as
    character references so that docxtpl cannot read ``{_{`` in it as its own escape.
    A run of text is written as RichText.add writes it, without its call per run.
    """
    from html import escape

    from docxtpl import RichText

    parts = []
    for run in runs:
        words = run["text"]
        if not words:
            continue
        bold, italic = bool(run["bold"]), bool(run["italic"])
        if type(words) is str:
            parts.append(f"{_RUN_OPENINGS[bold, italic]}{escape(words)}</w:t></w:r>")
            continue
        piece = RichText()  # anything else as RichText.add makes it
        if bold and italic:
            piece.add(words, bold=True, italic=True)
        elif bold:
            piece.add(words, style="Strong")
        elif italic:
            piece.add(words, style="Emphasis")
        else:
            piece.add(words)
        parts.append(piece.xml)
    text = RichText()
    text.xml = "".join(parts).replace("{", "&#123;").replace("}", "&#125;")
    return text


def make_environment() -> BookletEnvironment:
    """The environment of every render: the booklet sandbox, with the ``rich`` filter."""
    from copharvest.formats.docx.sandbox import make_environment as sandboxed

    env = sandboxed(finalize=_finalize)
    env.filters["rich"] = rich
    return env


@cache
def booklet_environment() -> BookletEnvironment:
    """The environment renders share, so that a template is compiled once per process."""
    return make_environment()


@cache
def _parser() -> Any:
    from docx.oxml.parser import element_class_lookup
    from lxml import etree

    parser = etree.XMLParser(remove_blank_text=True, resolve_entities=False, huge_tree=True)
    parser.set_element_class_lookup(element_class_lookup)
    return parser


def _around_body(document: Any) -> tuple[str, str]:
    """The document element's XML before and after its body."""
    from lxml import etree

    text = etree.tostring(document, encoding="unicode")
    body = document.body
    name = f"{body.prefix}:body" if body.prefix else "body"
    start = re.search(f"<{name}[ />]", text)
    end = text.rfind(f"</{name}>")
    if start is None or end < 0:  # an empty <w:body/>
        raise RenderError("the template's document has no body")
    return text[: start.start()], text[end + len(name) + 3 :]


def jinja_source(patched: str) -> str:
    """What is compiled of a part's patched XML: a line per paragraph, so that an error
    can name a line (taken out again after rendering)."""
    return patched.replace("<w:p ", "\n<w:p ").replace("<w:p>", "\n<w:p>")


def shipped_files() -> dict[str, str]:
    """The default template prepared and compiled, as the files of
    :mod:`copharvest.formats.docx.shipped` (see :mod:`~copharvest.formats.docx.precompiled`)."""
    from docxtpl import DocxTemplate

    from copharvest.formats.docx.precompiled import generate

    return generate(
        default_template(),
        _template_class(),
        make_environment(),
        DocxTemplate.patch_xml,
        jinja_source,
        lambda raw: _TABLE_TAGS.search(raw) is not None,
    )


@cache
def _template_class() -> type[Any]:
    """docxtpl's template class, with the changes the booklet needs."""
    from docxtpl import DocxTemplate
    from jinja2.exceptions import TemplateError
    from lxml import etree

    class BookletTemplate(DocxTemplate):  # type: ignore[misc]
        """docxtpl's template, with two changes to how the rendered body goes back in.

        The body is parsed strictly, so broken XML is an error and never lost text; and
        it is parsed as part of a whole new document element that takes the old one's
        place, because moving a large parsed body into the old document (docxtpl's
        ``map_tree``) costs seconds.
        """

        docx: Any
        needs_table_fix = False
        name = "template"

        def patch_xml(self, src_xml: str) -> str:
            from copharvest.formats.docx.precompiled import patched as shipped
            from copharvest.formats.docx.sandbox import remember

            # a part of the default template comes patched; a part the check of a
            # user's template patched is not patched again
            found = shipped(src_xml) or _PATCHED.get(src_xml)
            if found is None:
                patched: str = super().patch_xml(src_xml)
                found = (patched, _TABLE_TAGS.search(src_xml) is not None)
                remember(_PATCHED, src_xml, found)
            self.needs_table_fix = self.needs_table_fix or found[1]
            return found[0]

        def fix_tables(self, xml: str) -> Any:
            if self.needs_table_fix:
                xml = etree.tostring(super().fix_tables(xml), encoding="unicode")
            head, tail = _around_body(self.docx.element)
            try:
                root = etree.fromstring(head + xml + tail, _parser())
            except etree.XMLSyntaxError as exc:
                raise RenderError(
                    f"{self.name}: the template produced invalid Word XML ({exc}); "
                    "check that each {%p %}, {%tr %} and {%r %} tag is alone in its "
                    "paragraph, row or run"
                ) from exc
            return root.body

        def resolve_listing(self, xml: str) -> str:
            # docxtpl turns tabs, newlines, \a and \f in text into Word markup with
            # regular expressions over every paragraph; most booklets have none
            if "\t" in xml or "\n" in xml or "\a" in xml or "\f" in xml:
                resolved: str = super().resolve_listing(xml)
                return resolved
            return xml

        def map_tree(self, tree: Any) -> None:
            part = self.docx.part
            part._element = tree.getparent()
            self.docx = part.document

        def render_xml_part(
            self, src_xml: str, part: Any, context: Any, jinja_env: Any = None
        ) -> str:
            # docxtpl's own, but for how it puts a newline before each paragraph (so that
            # an error can name a line) and takes it out again after rendering: with
            # regular expressions whose replacements cost a Python call per paragraph.
            src_xml = jinja_source(src_xml)
            try:
                self.current_rendering_part = part
                template = jinja_env.from_string(src_xml)
                template.where = (
                    "document body" if part is self.docx.part else f"part {part.partname}"
                )
                dst_xml: str = template.render(context)
            except TemplateError as exc:
                lineno = getattr(exc, "lineno", None)
                if lineno is not None:
                    line_number = max(lineno - 4, 0)
                    lines = src_xml.splitlines()[line_number : line_number + 7]
                    exc.docx_context = (  # type: ignore[attr-defined]
                        re.sub(r"<[^>]+>", "", line) for line in lines
                    )
                raise
            dst_xml = dst_xml.replace("\n<w:p ", "<w:p ").replace("\n<w:p>", "<w:p>")
            dst_xml = (
                dst_xml.replace("{_{", "{{")
                .replace("}_}", "}}")
                .replace("{_%", "{%")
                .replace("%_}", "%}")
            )
            return self.resolve_listing(dst_xml)

        def fix_docpr_ids(self, tree: Any) -> None:
            # every picture's wp:docPr in the document, in document order (docxtpl's
            # own version calls xpath() with arguments python-docx elements refuse)
            for element in tree.getroottree().iter(_DOCPR):
                self.docx_ids_index += 1
                element.set("id", str(self.docx_ids_index))

    return BookletTemplate


COVER_BOX_MM = (150, 100)
"""Width and height the cover picture is fitted into, keeping its proportions."""


def _cover_width_mm(picture: io.BytesIO) -> float:
    """The width that fits the (upright) cover picture into :data:`COVER_BOX_MM`."""
    from docx.image.image import Image

    image = Image.from_blob(picture.getvalue())
    width, height = COVER_BOX_MM
    if not image.px_width or not image.px_height:
        return width
    ratio: float = image.px_width / image.px_height
    return min(width, height * ratio)


def default_template() -> bytes:
    """The default template shipped with copharvest."""
    from importlib.resources import files

    return files("copharvest").joinpath("templates", "booklet.docx").read_bytes()


def _template_bytes(options: RenderOptions) -> tuple[bytes, str]:
    from copharvest.formats.docx.intake import TemplateRefused, read_template

    if options.template is None:
        return default_template(), "the default template"
    try:
        return read_template(options.template), str(options.template)
    except TemplateRefused as exc:
        raise RenderError(str(exc)) from exc


def _picture(part: Any, picture: io.BytesIO, width: Any, title: str, alt: str) -> Any:
    """A picture as inert markup for the context: the WordprocessingML of an inline
    picture whose image is already in the document part, closing and reopening the
    run it is printed in. A template sees a string, nothing that can reach the
    document."""
    from copharvest.formats.docx.sandbox import inert_markup

    inline = part.new_pic_inline(picture, width, None)
    for element in (inline.docPr, *inline.xpath(".//pic:cNvPr")):
        element.set("descr", alt)
        element.set("title", title)
    return inert_markup(
        f'</w:t></w:r><w:r><w:drawing>{inline.xml}</w:drawing></w:r><w:r><w:t xml:space="preserve">'
    )


def chart_image(part: Any, chart: dict[str, Any], grids: GridTables) -> Any:
    """A chart of the render context as inert markup: a native Word chart when it has
    numbers, a table of shaded cells when it has a grid, else its (cleaned) picture."""
    from docx.shared import Mm

    from copharvest.formats.docx.pictures import clean_picture

    if chart.get("data"):
        from copharvest.formats.docx.nativechart import ChartSpec, add_chart

        return add_chart(part, ChartSpec.from_context(chart), CHART_WIDTH_MM)
    if chart.get("grid"):
        from copharvest.formats.docx.gridtable import grid_markup

        grid, title, alt = chart["grid"], chart["title"], chart["alt_text"]
        return grid_markup(grid, title, alt, CHART_WIDTH_MM, grids)
    picture = clean_picture(chart["path"])
    return _picture(part, picture, Mm(CHART_WIDTH_MM), chart["title"], chart["alt_text"])


def _drop_unused_pictures(part: Any, before: set[str]) -> None:
    """Forget the pictures and charts added for the context that the template did not
    print."""
    added = [rid for rid in part.rels if rid not in before]
    if not added:
        return
    used = set(part.element.xpath("//@r:embed | //@r:id"))  # python-docx knows r:
    for rid in added:
        if rid not in used:
            part.rels.pop(rid)


def describe_template_error(name: str, exc: Exception) -> str:
    """One line about a Jinja error in a template."""
    from jinja2.exceptions import SecurityError, TemplateSyntaxError, UndefinedError

    if isinstance(exc, SecurityError):
        return f"{name}: the template tried to reach something unsafe and was stopped: {exc}"
    if isinstance(exc, UndefinedError):
        return f"{name}: the template uses something the booklet's context does not have: {exc}"
    if isinstance(exc, TemplateSyntaxError):
        near = " ".join(line.strip() for line in getattr(exc, "docx_context", []) if line.strip())
        where = f" near {near[:80]!r}" if near else ""
        return f"{name}: template syntax error{where}: {exc.message}"
    return f"{name}: {type(exc).__name__}: {exc}"


def render_booklet(harvest: Harvest, options: RenderOptions) -> bytes:
    """The .docx bytes of the booklet."""
    from docx.shared import Mm
    from jinja2.exceptions import TemplateError

    from copharvest.formats.docx.gridtable import GridTables, place_grids
    from copharvest.formats.docx.intake import sanitize
    from copharvest.formats.docx.package import package_members, zip_members
    from copharvest.formats.docx.pictures import clean_picture
    from copharvest.formats.docx.post import (
        StyleInfo,
        ensure_update_fields,
        fill_table_of_contents,
        language_tag,
        restart_numbered_lists,
        set_language,
        set_properties,
    )
    from copharvest.formats.docx.typeset import finish_booklet

    progress = options.progress
    progress("preparing the render context")
    context = render_context(harvest, mark_languages=True)
    data, name = _template_bytes(options)
    try:
        tpl = _template_class()(io.BytesIO(data))
        tpl.init_docx()
    except Exception as exc:
        raise RenderError(f"{name}: not a Word document (.docx): {exc}") from exc
    tpl.name = name
    part = tpl.docx.part
    rels_before = set(part.rels)
    grids = GridTables()  # tables go in after rendering, where their marks are
    for chart in context["continuity"]["charts"]:
        chart["image"] = chart_image(part, chart, grids)
    place_pictures(context, part, options, grids)
    cover = context.get("cover")
    if cover and options.folder is None:
        context["cover"] = None  # no folder to find the picture in
    elif cover:
        path = str(options.folder / cover["path"])
        picture = clean_picture(path)
        width = Mm(_cover_width_mm(picture))
        cover["image"] = _picture(part, picture, width, harvest.title, cover["alt_text"])
    if options.template is not None and ignores_layout(harvest, data):
        options.warn(OLD_TEMPLATE.format(name=name))
    progress("rendering the booklet")
    try:
        tpl.render(context, booklet_environment())
    except RenderError:
        raise
    except TemplateError as exc:
        raise RenderError(describe_template_error(name, exc)) from exc
    except Exception as exc:
        if options.template is None:
            raise
        raise RenderError(f"{name}: rendering failed: {type(exc).__name__}: {exc}") from exc
    progress("numbering the lists and filling in the table of contents")
    document = tpl.docx
    _drop_unused_pictures(document.part, rels_before)
    place_grids(document.element.body, grids)
    styles = StyleInfo(document)
    restart_numbered_lists(document, styles)
    fill_table_of_contents(document, styles)
    # page flow, column widths and the language of every run (formats/docx/typeset.py)
    finish_booklet(document, harvest)
    ensure_update_fields(document.settings.element)
    language = language_tag(harvest.locale)
    set_language(document, language)
    set_properties(
        document,
        title=clean(harvest.title),
        subject=clean(harvest.subtitle),
        author=clean(harvest.colophon.publisher),
        language=language,
    )
    progress("packaging the .docx")
    members, notices = sanitize(package_members(document))
    for notice in notices:
        options.warn(f"{name}: {notice}")
    return zip_members(members)
