"""Rendering the booklet with docxtpl: sandboxed, escaped, checked and reproducible."""

from __future__ import annotations

import contextlib
import hashlib
import io
import os
import re
import sys
from collections.abc import Callable
from functools import cache
from pathlib import Path
from typing import TYPE_CHECKING, Any

from copharvest.formats.base import RenderError, RenderOptions
from copharvest.formats.docx.context import clean, render_context

if TYPE_CHECKING:
    from jinja2.sandbox import SandboxedEnvironment

    from copharvest.views import Harvest

CHART_WIDTH_MM = 150
_DOCPR = "{http://schemas.openxmlformats.org/drawingml/2006/wordprocessingDrawing}docPr"
_DOCXTPL_MARKS = re.compile(r"\{_[{%]|[}%]_\}")
_TABLE_TAGS = re.compile(r"\{[{%]tc |\{%\s*(?:hm|colspan)\b")


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


def make_environment() -> SandboxedEnvironment:
    """The Jinja environment of every render: sandboxed, autoescaping, strict."""
    from jinja2 import StrictUndefined
    from jinja2.sandbox import SandboxedEnvironment

    class Environment(SandboxedEnvironment):
        """Compiles each template source once: a booklet's XML takes a while to compile.

        The code is also kept in the cache folder (:func:`compiled_code`), so that the
        next build with the same template does not compile it again.
        """

        def __init__(self, **options: Any) -> None:
            super().__init__(**options)
            self.compiled: dict[str, Any] = {}

        def getattr(self, obj: Any, attribute: str) -> Any:
            # ``row.title`` on the context's dicts: the sandbox first looks for a dict
            # attribute of that name, which raises and catches an AttributeError. A name
            # no dict has goes straight to the item, as it would after that failure.
            if type(obj) is dict and type(attribute) is str and attribute not in _DICT_NAMES:
                try:
                    return obj[attribute]
                except KeyError:
                    return self.undefined(obj=obj, name=attribute)
            return super().getattr(obj, attribute)

        def from_string(self, source: Any, globals: Any = None, template_class: Any = None) -> Any:
            if globals is not None or template_class is not None or not isinstance(source, str):
                return super().from_string(source, globals, template_class)
            template = self.compiled.get(source)
            if template is None:
                if len(self.compiled) >= 16:
                    self.compiled.clear()
                code = compiled_code(self, source)
                template = self.template_class.from_code(self, code, self.make_globals(None))
                self.compiled[source] = template
            return template

    env = Environment(autoescape=True, undefined=StrictUndefined, finalize=_finalize)
    env.filters["rich"] = rich
    return env


_DICT_NAMES = frozenset(dir(dict))
"""Every attribute a dict has (its type's and object's): any other name is no attribute."""

_KEPT_TEMPLATES = 32
"""Compiled templates kept in the cache folder; the least recently used go first."""


@cache
def _version(package: str) -> str:
    """The installed version of ``package``, looked up once (each look-up reads metadata)."""
    if package == "copharvest":
        import copharvest

        return str(copharvest.__version__)
    module = __import__(package)
    return str(module.__version__)


def _fingerprint(env: Any) -> str:
    """What, besides the source, shapes a template's compiled code."""
    return "\n".join(
        (
            f"copharvest {_version('copharvest')}, Jinja {_version('jinja2')}",
            f"{type(env).__mro__[1].__qualname__} autoescape={env.autoescape}",
            f"finalize={getattr(env.finalize, '__qualname__', env.finalize)}",
            f"filters={','.join(sorted(env.filters))} tests={','.join(sorted(env.tests))}",
        )
    )


def compiled_code(env: Any, source: str) -> Any:
    """The code Jinja compiles ``source`` to, from the cache folder when it is there.

    Compiling a booklet's XML is the largest fixed cost of a build, and the same
    template is built again and again. The code is keyed by a digest of the source
    and of everything else that shapes it (versions, the bytecode format, the
    environment's options, filters and tests), and stored with a digest of its own
    that is checked before the code is read back: a damaged, unreadable or unwritable
    cache is passed over, and the template is compiled as if there were none.
    """
    from copharvest.cache import subfolder

    folder = subfolder("templates")
    if folder is None:
        return env.compile(source)
    import marshal
    from importlib.util import MAGIC_NUMBER

    key = hashlib.sha256(
        f"{_fingerprint(env)}\0{MAGIC_NUMBER.hex()}\0{source}".encode("utf-8", "surrogatepass")
    ).hexdigest()
    path = folder / f"{key}.jinja"
    data = _read_checked(path)
    if data is not None:
        try:
            return marshal.loads(data)
        except (EOFError, ValueError, TypeError):
            pass
    code = env.compile(source)
    _write_checked(path, marshal.dumps(code), per_template=1)
    return code


_CACHED_NAME = re.compile(r"[0-9a-f]{64}\.(?:jinja|patched)")


def _read_checked(path: Path) -> bytes | None:
    """A cache file's data, if its digest line matches; else ``None``."""
    try:
        stored = path.read_bytes()
    except OSError:
        return None
    check, _, data = stored.partition(b"\n")
    if check != hashlib.sha256(data).hexdigest().encode("ascii"):
        return None
    with contextlib.suppress(OSError):
        os.utime(path)  # recently used
    return data


def _write_checked(path: Path, data: bytes, per_template: int) -> None:
    """Write ``data`` with its digest line, atomically, and drop the least used files."""
    from copharvest.store import atomic_write_bytes

    try:
        atomic_write_bytes(path, hashlib.sha256(data).hexdigest().encode("ascii") + b"\n" + data)
        _prune(path.parent, path.suffix, per_template)
    except OSError:
        pass  # a full disk or a folder gone read-only: the next build does the work again


def _prune(folder: Path, suffix: str, per_template: int) -> None:
    """Keep the most recently used cache files of one kind; touch no other file."""
    mine = [p for p in folder.iterdir() if _CACHED_NAME.fullmatch(p.name) and p.suffix == suffix]
    mine.sort(key=lambda p: p.stat().st_mtime, reverse=True)
    for old in mine[per_template * _KEPT_TEMPLATES :]:
        old.unlink(missing_ok=True)


def patched_source(xml: str, patch: Callable[[str], str]) -> str:
    """docxtpl's preparation of a part's XML for Jinja (``patch``), from the cache folder
    when it is there.

    docxtpl tidies the template's XML for Jinja with some forty regular expressions, on
    every build (17 ms and more for the default template), while the result depends on
    the XML and the versions only. It is kept beside the compiled templates, keyed by a
    digest of both, with a digest of its own that is checked when it is read back:
    anything amiss and the XML is prepared again.
    """
    from copharvest.cache import subfolder

    folder = subfolder("templates")
    if folder is None:
        return patch(xml)
    versions = f"copharvest {_version('copharvest')}, docxtpl {_version('docxtpl')}, {sys.version}"
    key = hashlib.sha256(f"{versions}\0{xml}".encode("utf-8", "surrogatepass")).hexdigest()
    path = folder / f"{key}.patched"
    data = _read_checked(path)
    if data is not None:
        try:
            return data.decode("utf-8", "surrogatepass")
        except UnicodeError:
            pass
    patched = patch(xml)
    # a template has a few parts: the body, and the headers and footers
    _write_checked(path, patched.encode("utf-8", "surrogatepass"), per_template=4)
    return patched


@cache
def booklet_environment() -> SandboxedEnvironment:
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


@cache
def _classes() -> tuple[type[Any], type[Any]]:
    """docxtpl's template and image classes, with the changes the booklet needs."""
    from docxtpl import DocxTemplate, InlineImage
    from jinja2 import Template
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
            if _TABLE_TAGS.search(src_xml):
                self.needs_table_fix = True
            return patched_source(src_xml, super().patch_xml)

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
            src_xml = src_xml.replace("<w:p ", "\n<w:p ").replace("<w:p>", "\n<w:p>")
            try:
                self.current_rendering_part = part
                template = jinja_env.from_string(src_xml) if jinja_env else Template(src_xml)
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

    class AltTextImage(InlineImage):  # type: ignore[misc]
        """An inline picture with a title and a text alternative."""

        def __init__(self, tpl: Any, path: str, width: Any, title: str, alt: str) -> None:
            super().__init__(tpl, path, width=width)
            self.title = title
            self.alt = alt

        def _insert_image(self) -> str:
            inline = self.tpl.current_rendering_part.new_pic_inline(
                self.image_descriptor, self.width, self.height
            )
            for element in (inline.docPr, *inline.xpath(".//pic:cNvPr")):
                element.set("descr", self.alt)
                element.set("title", self.title)
            return (
                f"</w:t></w:r><w:r><w:drawing>{inline.xml}</w:drawing></w:r>"
                '<w:r><w:t xml:space="preserve">'
            )

    return BookletTemplate, AltTextImage


COVER_BOX_MM = (150, 100)
"""Width and height the cover picture is fitted into, keeping its proportions."""


def _cover_width_mm(path: str) -> float:
    """The width that fits the cover picture into :data:`COVER_BOX_MM`."""
    from docx.image.image import Image

    try:
        image = Image.from_file(path)
    except Exception as exc:  # python-docx raises its own errors and OSError
        reason = str(exc) or type(exc).__name__
        raise RenderError(f"{path}: cannot read the cover picture: {reason}") from exc
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
    if options.template is None:
        return default_template(), "the default template"
    try:
        return options.template.read_bytes(), str(options.template)
    except OSError as exc:
        raise RenderError(f"{options.template}: cannot read the template: {exc.strerror}") from exc


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

    from copharvest.formats.docx.package import document_bytes
    from copharvest.formats.docx.post import (
        StyleInfo,
        ensure_update_fields,
        fill_table_of_contents,
        language_tag,
        restart_numbered_lists,
        set_language,
        set_properties,
    )

    progress = options.progress
    progress("preparing the render context")
    context = render_context(harvest)
    data, name = _template_bytes(options)
    template_class, image_class = _classes()
    try:
        tpl = template_class(io.BytesIO(data))
        tpl.init_docx()
    except Exception as exc:
        raise RenderError(f"{name}: not a Word document (.docx): {exc}") from exc
    tpl.name = name
    for chart in context["continuity"]["charts"]:
        chart["image"] = image_class(
            tpl, chart["path"], Mm(CHART_WIDTH_MM), chart["title"], chart["alt_text"]
        )
    cover = context.get("cover")
    if cover and options.folder is None:
        context["cover"] = None  # no folder to find the picture in
    elif cover:
        path = str(options.folder / cover["path"])
        width = Mm(_cover_width_mm(path))
        cover["image"] = image_class(tpl, path, width, harvest.title, cover["alt_text"])
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
    styles = StyleInfo(document)
    restart_numbered_lists(document, styles)
    fill_table_of_contents(document, styles)
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
    return document_bytes(document)
