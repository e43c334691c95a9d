"""What docxtpl leaves undone, done on the rendered document.

- Every numbered list restarts at 1: each run of consecutive numbered paragraphs gets a
  numbering instance of its own (docxtpl's loops otherwise continue one count).
- The table of contents is filled in from the headings (linked to bookmarks on them),
  and Word is told to refresh it, page numbers included, when the file is opened.
  Page numbers cannot be known before layout; a reader that does not refresh fields
  (LibreOffice) shows the entries without them.
- The document language and the core properties are set.
"""

from __future__ import annotations

import datetime as dt
import os
import re
from collections.abc import Iterator
from functools import cache
from typing import TYPE_CHECKING, Any

from docx.oxml.ns import qn
from lxml import etree

if TYPE_CHECKING:
    from docx.document import Document

_W = "http://schemas.openxmlformats.org/wordprocessingml/2006/main"
_NS = {"w": _W}
_SAFE_ID = re.compile(r"^[\w .-]+$")

# settings.xml children that come after w:updateFields in the schema's sequence
_AFTER_UPDATE_FIELDS = {
    qn(f"w:{name}")
    for name in (
        "hdrShapeDefaults",
        "footnotePr",
        "endnotePr",
        "compat",
        "docVars",
        "rsids",
        "attachedSchema",
        "themeFontLang",
        "clrSchemeMapping",
        "doNotIncludeSubdocsInStats",
        "doNotAutoCompressPictures",
        "forceUpgrade",
        "captions",
        "readModeInkLockDown",
        "smartTagType",
        "schemaLibrary",
        "shapeDefaults",
        "doNotEmbedSmartTags",
        "decimalSymbol",
        "listSeparator",
    )
}


def ensure_update_fields(settings: Any) -> None:
    """Put ``<w:updateFields w:val="true"/>`` in settings.xml, in schema order."""
    existing = settings.find(qn("w:updateFields"))
    if existing is not None:
        existing.set(qn("w:val"), "true")
        return
    element = etree.Element(qn("w:updateFields"))
    element.set(qn("w:val"), "true")
    for child in settings:
        if child.tag in _AFTER_UPDATE_FIELDS or not str(child.tag).startswith("{" + _W):
            child.addprevious(element)
            return
    settings.append(element)


_SETTINGS_ORDER = [
    "writeProtection",
    "view",
    "zoom",
    "removePersonalInformation",
    "removeDateAndTime",
    "doNotDisplayPageBoundaries",
    "displayBackgroundShape",
    "printPostScriptOverText",
    "printFractionalCharacterWidth",
    "printFormsData",
    "embedTrueTypeFonts",
    "embedSystemFonts",
    "saveSubsetFonts",
    "saveFormsData",
    "mirrorMargins",
    "alignBordersAndEdges",
    "bordersDoNotSurroundHeader",
    "bordersDoNotSurroundFooter",
    "gutterAtTop",
    "hideSpellingErrors",
    "hideGrammaticalErrors",
    "activeWritingStyle",
    "proofState",
    "formsDesign",
    "attachedTemplate",
    "linkStyles",
    "stylePaneFormatFilter",
    "stylePaneSortMethod",
    "documentType",
    "mailMerge",
    "revisionView",
    "trackRevisions",
    "doNotTrackMoves",
    "doNotTrackFormatting",
    "documentProtection",
    "autoFormatOverride",
    "styleLockTheme",
    "styleLockQFSet",
    "defaultTabStop",
    "autoHyphenation",
    "consecutiveHyphenLimit",
    "hyphenationZone",
    "doNotHyphenateCaps",
    "showEnvelope",
    "summaryLength",
    "clickAndTypeStyle",
    "defaultTableStyle",
    "evenAndOddHeaders",
]
"""settings.xml children in the schema's order, up to the last one :func:`put_setting` sets."""


def put_setting(settings: Any, name: str, value: str | None = None) -> None:
    """Set ``<w:name w:val=value/>`` (no value: the bare switch) in schema order."""
    tag = qn(f"w:{name}")
    element = settings.find(tag)
    if element is None:
        element = etree.Element(tag)
        later = {qn(f"w:{n}") for n in _SETTINGS_ORDER[_SETTINGS_ORDER.index(name) + 1 :]}
        for child in settings:
            if (
                child.tag in later
                or child.tag in _AFTER_UPDATE_FIELDS
                or child.tag == qn("w:updateFields")
            ):
                child.addprevious(element)
                break
            if not str(child.tag).startswith("{" + _W):
                child.addprevious(element)
                break
        else:
            settings.append(element)
    if value is not None:
        element.set(qn("w:val"), value)


# -- styles ---------------------------------------------------------------------------


class StyleInfo:
    """Numbering and outline level of each paragraph style, following ``basedOn``."""

    def __init__(self, document: Document) -> None:
        self._raw: dict[str, tuple[str | None, str | None, int | None]] = {}
        self._nums: dict[str, str | None] = {}
        for st in document.styles.element.findall(qn("w:style")):
            if st.get(qn("w:type")) != "paragraph":
                continue
            based = st.find(qn("w:basedOn"))
            num = st.find("w:pPr/w:numPr/w:numId", _NS)
            outline = st.find("w:pPr/w:outlineLvl", _NS)
            self._raw[st.get(qn("w:styleId"), "")] = (
                based.get(qn("w:val")) if based is not None else None,
                num.get(qn("w:val")) if num is not None else None,
                int(outline.get(qn("w:val"), "9")) if outline is not None else None,
            )

    def _resolve(self, style_id: str, index: int) -> Any:
        seen = set()
        current: str | None = style_id
        while current is not None and current not in seen and current in self._raw:
            seen.add(current)
            value = self._raw[current][index]
            if value is not None:
                return value
            current = self._raw[current][0]
        return None

    def num_id(self, style_id: str) -> str | None:
        """The numbering instance a paragraph of this style gets."""
        if style_id not in self._nums:
            self._nums[style_id] = self._resolve(style_id, 1)
        return self._nums[style_id]

    def outline(self, style_id: str) -> int | None:
        """The outline level (0 = level 1) of this style, if any."""
        result: int | None = self._resolve(style_id, 2)
        return result

    def ids(self) -> list[str]:
        """Every paragraph style id."""
        return list(self._raw)


@cache
def _compiled(query: str) -> Any:
    return etree.XPath(query, namespaces=_NS)


def _xpath(element: Any, query: str) -> list[Any]:
    """XPath with the ``w`` prefix, for python-docx and plain lxml elements alike."""
    result: list[Any] = _compiled(query)(element)
    return result


def _paragraphs_in_styles(body: Any, style_ids: list[str]) -> list[Any]:
    """The body's own paragraphs with a style reference to one of ``style_ids``, in order.

    The query selects the style references and climbs to their paragraphs: testing each
    paragraph for a reference with one of the values costs more.
    """
    tests = " or ".join(f"@w:val='{sid}'" for sid in style_ids if _SAFE_ID.match(sid))
    if not tests:
        return []
    found: list[Any] = []
    for style in _xpath(body, f"./w:p/w:pPr/w:pStyle[{tests}]"):
        paragraph = style.getparent().getparent()
        if not found or found[-1] is not paragraph:
            found.append(paragraph)
    return found


# -- numbered lists -----------------------------------------------------------------------


def restart_numbered_lists(document: Document, styles: StyleInfo) -> int:
    """Give every list of consecutive numbered paragraphs its own count from 1.

    Returns the number of lists found.
    """
    numbering = document.part.numbering_part.element
    abstract_of = {
        num.get(_VAL_NUMID): ref.get(_VAL)
        for num in numbering.iterchildren(_NUM)
        if (ref := num.find(_ABSTRACT_ID)) is not None
    }
    numbered = set()
    for abstract in numbering.iterchildren(_ABSTRACT):
        fmt = abstract.find("w:lvl[@w:ilvl='0']/w:numFmt", _NS)
        if fmt is not None and fmt.get(_VAL) not in ("bullet", "none"):
            numbered.add(abstract.get(_VAL_ABSTRACT_ID))
    numbered_nums = {n for n, a in abstract_of.items() if a in numbered}
    if not numbered_nums:
        return 0
    next_id = max((int(n) for n in abstract_of if n and n.isdigit()), default=0) + 1
    anchor = list(numbering.iterchildren(_NUM))[-1]
    previous: Any = None
    previous_num: str | None = None
    lists = 0
    current_new = ""
    prototype: Any = None
    seen: Any = None
    list_nums = {sid: num for sid in styles.ids() if (num := styles.num_id(sid)) in numbered_nums}
    # one pass over the paragraph properties that can make a paragraph numbered
    for element in document.element.body.iter(_PSTYLE, _NUMPR):
        if element.tag == _PSTYLE:
            style_id = element.get(_VAL)
            if style_id not in list_nums:
                continue
        else:
            style_id = None
        ppr = element.getparent()
        if ppr is None or ppr.tag != _PPR:
            continue
        paragraph = ppr.getparent()
        if paragraph is seen:
            continue
        seen = paragraph
        # usually the element is the properties' only child: then no search is needed
        alone = len(ppr) == 1
        direct = (element if style_id is None else None) if alone else _child(ppr, _NUMPR)
        direct_id = _child(direct, _NUMID) if direct is not None else None
        if direct_id is not None:
            num = direct_id.get(_VAL)
        elif style_id is not None:
            num = list_nums[style_id]
        else:
            style = _child(ppr, _PSTYLE)
            num = styles.num_id(style.get(_VAL, "")) if style is not None else None
        if num not in numbered_nums:
            previous = None
            continue
        if previous is None or paragraph.getprevious() is not previous or num != previous_num:
            lists += 1
            current_new = str(next_id)
            next_id += 1
            anchor = _add_num(anchor, current_new, abstract_of[num])
            prototype = _numpr(current_new)
        if alone and direct is None:
            ppr.append(prototype.__copy__())  # after the style reference, its only child
        else:
            _set_num(ppr, direct, current_new, prototype)
        previous, previous_num = paragraph, num
    return lists


_NUM, _ABSTRACT, _ABSTRACT_ID = qn("w:num"), qn("w:abstractNum"), qn("w:abstractNumId")
_PPR, _PSTYLE, _NUMPR, _NUMID, _ILVL = (
    qn("w:pPr"),
    qn("w:pStyle"),
    qn("w:numPr"),
    qn("w:numId"),
    qn("w:ilvl"),
)
_VAL, _VAL_NUMID, _VAL_ABSTRACT_ID = qn("w:val"), qn("w:numId"), qn("w:abstractNumId")
_BOOKMARK, _BOOKMARK_ID = qn("w:bookmarkStart"), qn("w:id")
_PPR_BEFORE_NUMPR = {
    qn(f"w:{n}")
    for n in ("pStyle", "keepNext", "keepLines", "pageBreakBefore", "framePr", "widowControl")
}


def _add_num(anchor: Any, num_id: str, abstract_id: str | None) -> Any:
    num = etree.Element(_NUM)
    num.set(_VAL_NUMID, num_id)
    etree.SubElement(num, _ABSTRACT_ID).set(_VAL, abstract_id or "0")
    override = etree.SubElement(num, qn("w:lvlOverride"))
    override.set(_ILVL, "0")
    etree.SubElement(override, qn("w:startOverride")).set(_VAL, "1")
    anchor.addnext(num)
    return num


def _child(element: Any, tag: str) -> Any:
    """The first child with ``tag``, or None (cheaper than ``find``)."""
    return next(element.iterchildren(tag), None)


def _numpr(num_id: str) -> Any:
    numpr = etree.Element(_NUMPR)
    etree.SubElement(numpr, _ILVL).set(_VAL, "0")
    etree.SubElement(numpr, _NUMID).set(_VAL, num_id)
    return numpr


def _set_num(ppr: Any, numpr: Any, num_id: str, prototype: Any) -> None:
    if numpr is None:
        position = 0
        for child in ppr.iterchildren():
            if child.tag not in _PPR_BEFORE_NUMPR:
                break
            position += 1
        ppr.insert(position, prototype.__copy__())  # copying is cheaper than building
        return
    if _child(numpr, _ILVL) is None:
        ilvl = etree.Element(_ILVL)
        ilvl.set(_VAL, "0")
        numpr.insert(0, ilvl)
    num = _child(numpr, _NUMID)
    if num is None:
        num = etree.SubElement(numpr, _NUMID)
    num.set(_VAL, num_id)


# -- table of contents ----------------------------------------------------------------------


def _runs_from(paragraph: Any, start: Any) -> Iterator[tuple[Any, Any]]:
    """(paragraph, run) from ``start`` on, through the following paragraphs."""
    found = False
    while paragraph is not None and paragraph.tag == qn("w:p"):
        for run in paragraph.iter(qn("w:r")):
            if run is start:
                found = True
            if found:
                yield paragraph, run
        paragraph = paragraph.getnext()


def _field_char(run: Any) -> str | None:
    char = run.find(qn("w:fldChar"))
    return None if char is None else char.get(qn("w:fldCharType"))


def fill_table_of_contents(document: Document, styles: StyleInfo) -> int:
    """Write the entries of the TOC field from the headings; returns how many."""
    body = document.element.body
    toc = "w:instrText[starts-with(normalize-space(.), 'TOC')]"
    instr = _xpath(body, f"./w:p/w:r/{toc}") or _xpath(body, f".//{toc}")
    if not instr:
        return 0
    begin_paragraph = instr[0].getparent().getparent()
    if begin_paragraph.tag != qn("w:p") or begin_paragraph.getparent() is not body:
        return 0
    runs = list(begin_paragraph.iter(qn("w:r")))
    begin = next((run for run in runs if _field_char(run) == "begin"), None)
    if begin is None:
        return 0
    head: list[Any] = []
    depth = 0
    separated = False
    end: tuple[Any, Any] | None = None
    for paragraph, run in _runs_from(begin_paragraph, begin):
        kind = _field_char(run)
        if kind == "begin":
            depth += 1
        elif kind == "end":
            depth -= 1
            if depth == 0:
                end = (paragraph, run)
                break
        if not separated:
            if paragraph is not begin_paragraph:
                return 0
            head.append(run)
            separated = kind == "separate" and depth == 1
    if end is None or not separated:
        return 0
    match = re.search(r'\\o\s+"(\d)-(\d)"', instr[0].text or "")
    deepest = int(match.group(2)) if match else 3
    heading_styles = [
        s for s in styles.ids() if (level := styles.outline(s)) is not None and level < deepest
    ]
    headings = _paragraphs_in_styles(body, heading_styles)
    ids = (b.get(_BOOKMARK_ID, "") for b in body.iter(_BOOKMARK))
    first_id = 1 + max((int(i) for i in ids if i.isdigit()), default=0)
    entries = []
    for n, heading in enumerate(headings):
        style = heading.find("w:pPr/w:pStyle", _NS).get(qn("w:val"))
        level = min((styles.outline(style) or 0) + 1, 9)
        name = f"_Toc{first_id + n:09d}"
        _bookmark(heading, str(first_id + n), name)
        entries.append(_entry(heading, f"TOC{level}", name))
    end_paragraph, end_run = end
    tail = list(end_run.itersiblings()) if end_run.getparent() is end_paragraph else []
    if not entries:
        entries.append(_paragraph_like(begin_paragraph))
    first = entries[0]
    for offset, run in enumerate(head):
        first.insert(1 + offset, run)
    entries[-1].append(end_run)
    if tail:
        rest = _paragraph_like(end_paragraph)
        rest.extend(tail)
        entries.append(rest)
    for entry in entries:
        begin_paragraph.addprevious(entry)
    paragraph = begin_paragraph
    while True:
        following = paragraph.getnext()
        body.remove(paragraph)
        if paragraph is end_paragraph or following is None:
            break
        paragraph = following
    return len(headings)


def _paragraph_like(paragraph: Any) -> Any:
    from copy import deepcopy

    new = etree.Element(qn("w:p"))
    ppr = paragraph.find(qn("w:pPr"))
    if ppr is not None:
        new.append(deepcopy(ppr))
    return new


def _bookmark(heading: Any, bookmark_id: str, name: str) -> None:
    start = etree.Element(qn("w:bookmarkStart"))
    start.set(qn("w:id"), bookmark_id)
    start.set(qn("w:name"), name)
    ppr = heading.find(qn("w:pPr"))
    if ppr is not None:
        ppr.addnext(start)
    else:
        heading.insert(0, start)
    etree.SubElement(heading, qn("w:bookmarkEnd")).set(qn("w:id"), bookmark_id)


def _text_parts(heading: Any) -> list[str]:
    """The heading's text, split at its tabs."""
    parts = [""]
    for node in _xpath(heading, ".//w:r/w:t | .//w:r/w:tab | .//w:r/w:br"):
        if node.tag == qn("w:t"):
            parts[-1] += node.text or ""
        elif node.tag == qn("w:tab"):
            parts.append("")
        else:
            parts[-1] += " "
    return parts


def _entry(heading: Any, style: str, bookmark: str) -> Any:
    p = etree.Element(qn("w:p"))
    ppr = etree.SubElement(p, qn("w:pPr"))
    etree.SubElement(ppr, qn("w:pStyle")).set(qn("w:val"), style)
    link = etree.SubElement(p, qn("w:hyperlink"))
    link.set(qn("w:anchor"), bookmark)
    link.set(qn("w:history"), "1")

    def run(text: str | None = None, tab: bool = False) -> None:
        r = etree.SubElement(link, qn("w:r"))
        if tab:
            etree.SubElement(r, qn("w:tab"))
        if text is not None:
            node = etree.SubElement(r, qn("w:t"))
            node.set("{http://www.w3.org/XML/1998/namespace}space", "preserve")
            node.text = text

    for i, part in enumerate(_text_parts(heading)):
        if i:
            run(tab=True)
        if part:
            run(text=part)
    return p


# -- language and properties ------------------------------------------------------------------


def language_tag(locale: str) -> str:
    """``nl`` -> ``nl-NL``; ``en`` -> ``en-GB``; ``nl_BE`` -> ``nl-BE``."""
    if "_" in locale or "-" in locale:
        return locale.replace("_", "-")
    return {"nl": "nl-NL", "en": "en-GB", "de": "de-DE", "fr": "fr-FR"}.get(locale, locale)


def set_language(document: Document, tag: str) -> None:
    """Spelling and hyphenation language of the whole document."""
    styles = document.styles.element
    defaults = styles.find(qn("w:docDefaults"))
    if defaults is None:
        defaults = etree.Element(qn("w:docDefaults"))
        styles.insert(0, defaults)
    rpr_default = defaults.find(qn("w:rPrDefault"))
    if rpr_default is None:
        rpr_default = etree.Element(qn("w:rPrDefault"))
        defaults.insert(0, rpr_default)
    rpr = rpr_default.find(qn("w:rPr"))
    if rpr is None:
        rpr = etree.SubElement(rpr_default, qn("w:rPr"))
    lang = rpr.find(qn("w:lang"))
    if lang is None:
        lang = etree.SubElement(rpr, qn("w:lang"))
    lang.set(qn("w:val"), tag)


def source_date() -> dt.datetime | None:
    """``SOURCE_DATE_EPOCH`` as a UTC time, if it is set to a whole number."""
    raw = os.environ.get("SOURCE_DATE_EPOCH", "").strip()
    if not raw.isdigit():
        return None
    return dt.datetime.fromtimestamp(int(raw), tz=dt.UTC).replace(tzinfo=None)


CORE_PROPERTY_LIMIT = 255
"""The most characters a core property (title, subject, author) may hold."""


def set_properties(
    document: Document, *, title: str, subject: str, author: str, language: str
) -> None:
    """Title, subject, author, language; created/modified only from SOURCE_DATE_EPOCH.

    The properties start afresh: nothing of the template's own (who last saved it,
    keywords, a DOCTYPE or entities in its XML) rides along into the booklet.
    """
    from docx.oxml.coreprops import CT_CoreProperties

    part = document.part.package._core_properties_part
    part._element = CT_CoreProperties.new()
    props = document.core_properties
    # Word holds at most 255 characters in a property; the full text is in the booklet.
    props.title = title[:CORE_PROPERTY_LIMIT]
    props.subject = subject[:CORE_PROPERTY_LIMIT]
    props.author = author[:CORE_PROPERTY_LIMIT]
    props.language = language
    stamp = source_date()
    element = props._element
    for name in ("dcterms:created", "dcterms:modified", "cp:lastPrinted"):
        for child in element.findall(qn(name)):
            element.remove(child)
    if stamp is not None:
        props.created = stamp
        props.modified = stamp
