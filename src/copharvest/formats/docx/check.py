"""Checking a user's template before anything is rendered or written."""

from __future__ import annotations

import difflib
import io
import re
from pathlib import Path
from typing import Any

REQUIRED_VARIABLES = {
    "title": "the booklet's title",
    "parts": "the chapters of Part I and Part II",
}
"""Variables a booklet template must use, with what would be missing without them."""

RENDERER_STYLES = {
    "TOC1": "paragraph style 'TOC1' (for the table of contents)",
    "TOC2": "paragraph style 'TOC2' (for the table of contents)",
    "Strong": "character style 'Strong' (for bold text, see the 'rich' filter)",
    "Emphasis": "character style 'Emphasis' (for italic text, see the 'rich' filter)",
}
"""Styles the renderer itself gives text: table-of-contents entries and emphasis."""

_STYLE_REF = re.compile(r'<w:(pStyle|rStyle|tblStyle) w:val="([^"]*)"')
_KIND = {"pStyle": "paragraph", "rStyle": "character", "tblStyle": "table"}


def context_keys() -> tuple[str, ...]:
    """The top-level variables of the render context."""
    import attrs

    from copharvest.views import Harvest

    return (*(f.name for f in attrs.fields(Harvest)), "internal")


def _sources(document: Any) -> list[tuple[str, str]]:
    """(where, XML text) of every part docxtpl renders."""
    from docx.opc.constants import RELATIONSHIP_TYPE as RT
    from docx.oxml.parser import parse_xml
    from lxml import etree

    out = [("document body", etree.tostring(document.element.body, encoding="unicode"))]
    for rel in document.part.rels.values():
        if rel.is_external:
            continue
        kind = {RT.HEADER: "header", RT.FOOTER: "footer", RT.FOOTNOTES: "footnotes"}.get(
            rel.reltype
        )
        if kind is not None:
            blob = rel.target_part.blob
            if kind == "footnotes":  # as docxtpl reads each part, so that the build
                text = blob.decode("utf-8", "replace")  # takes what the check parsed
            else:
                text = etree.tostring(parse_xml(blob), encoding="unicode")
            out.append((f"{kind} ({rel.target_ref})", text))
    props = document.core_properties
    texts = [
        props.author,
        props.comments,
        props.identifier,
        props.language,
        props.subject,
        props.title,
    ]
    out.append(("document properties", "\n".join(t or "" for t in texts)))
    return out


def _unsafe_names(ast: Any) -> list[str]:
    from jinja2 import nodes

    names = []
    for node in ast.find_all((nodes.Getattr, nodes.Getitem)):
        if isinstance(node, nodes.Getattr):
            name = node.attr
        elif isinstance(node.arg, nodes.Const) and isinstance(node.arg.value, str):
            name = node.arg.value
        else:
            continue
        if name.startswith("_"):
            names.append(name)
    return names


_CLOSERS = {"{{": "}}", "{%": "%}", "{#": "#}"}
_TAG_OPEN = re.compile(r"\{[{%#]")
_RAW = re.compile(r"\{%-?\s*raw\s*-?%\}")
_ENDRAW = re.compile(r"\{%-?\s*endraw\s*-?%\}")
_MAX_TAG_PROBLEMS = 10


def _unclosed_tags(path: Path, where: str, xml: str) -> list[str]:
    """Tags whose closing braces went missing.

    docxtpl's clean-up of the XML, and then Jinja, would read on to the next tag's end
    and the text in between would vanish without an error, so this looks at the text
    as the author typed it, before that clean-up. One pass over the text: each tag is
    looked at once, the inside of ``{% raw %}`` is skipped, and at most
    :data:`_MAX_TAG_PROBLEMS` are named.
    """
    text = re.sub(r"<[^>]+>", "", xml)
    problems: list[str] = []
    position = 0
    while len(problems) < _MAX_TAG_PROBLEMS:
        match = _TAG_OPEN.search(text, position)
        if match is None:
            break
        raw = _RAW.match(text, match.start())
        if raw is not None:
            end_raw = _ENDRAW.search(text, raw.end())
            position = end_raw.end() if end_raw else len(text)
            continue
        opener = match.group(0)
        closer = _CLOSERS[opener]
        end = text.find(closer, match.end())
        following = _TAG_OPEN.search(text, match.end())
        if end < 0 or (following is not None and following.start() < end):
            near = text[match.start() : match.start() + 40].split("\n")[0]
            problems.append(
                f"{path}: a {opener!r} without its {closer!r} in the {where} near {near!r}; "
                "the text up to the next tag would be lost"
            )
            position = match.end()
        else:
            position = end + len(closer)
    return problems


def check_template(path: Path) -> list[str]:
    """Problems of the template at ``path``, one line each; empty when it is fine."""
    import docx
    from jinja2 import meta
    from jinja2.exceptions import TemplateSyntaxError

    from copharvest.formats.docx.intake import TemplateRefused, read_template
    from copharvest.formats.docx.renderer import (
        _template_class,
        booklet_environment,
        jinja_source,
    )

    try:
        data = read_template(path)
    except TemplateRefused as exc:
        return [str(exc)]
    try:
        document = docx.Document(io.BytesIO(data))
    except Exception as exc:
        return [f"{path}: not a Word document (.docx): {exc}"]
    # the build's own template class and environment: what the check prepares and
    # parses, the build that follows takes as it is
    tpl = _template_class()(io.BytesIO(data))
    env = booklet_environment()
    problems: list[str] = []
    used: set[str] = set()
    referenced: dict[str, str] = {}
    for where, xml in _sources(document):
        for kind, style_id in _STYLE_REF.findall(xml):
            referenced.setdefault(
                style_id, f"{_KIND[kind]} style {style_id!r} (used in the {where})"
            )
        source = jinja_source(tpl.patch_xml(xml))
        try:
            ast = env.parse_for_build(source)
        except TemplateSyntaxError as exc:
            line = source.splitlines()[exc.lineno - 1] if exc.lineno else ""
            near = re.sub(r"<[^>]+>", "", line).strip()
            where_text = f" near {near[:80]!r}" if near else ""
            problems.append(
                f"{path}: template syntax error in the {where}{where_text}: {exc.message}"
            )
            continue
        problems += _unclosed_tags(path, where, xml)
        used |= meta.find_undeclared_variables(ast)
        for name in sorted(set(_unsafe_names(ast))):
            problems.append(
                f"{path}: the {where} reaches for {name!r}: templates may not use names "
                "starting with an underscore (Python internals)"
            )
    known = set(context_keys()) | set(env.globals)
    for name in sorted(used - known):
        close = difflib.get_close_matches(name, sorted(known), n=1)
        hint = f" (did you mean {close[0]!r}?)" if close else ""
        problems.append(
            f"{path}: the template uses {name!r}, which the booklet's context does not have{hint}"
        )
    if not any(p for p in problems if "syntax error" in p):
        for name, what in REQUIRED_VARIABLES.items():
            if name not in used:
                problems.append(
                    f"{path}: the template never uses {name!r}; without it {what} would be missing"
                )
    defined = {s.style_id for s in document.styles}
    for style_id, what in RENDERER_STYLES.items():
        referenced.setdefault(style_id, what)
    for style_id, what in sorted(referenced.items()):
        if style_id not in defined:
            problems.append(f"{path}: the template lacks the {what}; add it in Word's style pane")
    return problems
