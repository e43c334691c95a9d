"""One language per text: the records' runs tagged with the records' language.

A booklet built in another language than its records' mixes two: the labels, dates and
numbers in the build's, the records' own text in theirs. The document's default
language (``w:docDefaults``) is the build's; here every run of record text, enclosed in
the render context between :data:`~copharvest.formats.docx.context.START` and
:data:`~copharvest.formats.docx.context.END`, is split off into runs of its own that
carry the records' language (``w:lang``), so that spell-checking, hyphenation and screen
readers follow the text. The marks are removed from everything, in every part.
"""

from __future__ import annotations

from copy import deepcopy
from typing import Any

from docx.oxml.ns import qn
from lxml import etree

from copharvest.formats.docx.context import END, START

_R, _T, _RPR, _LANG = qn("w:r"), qn("w:t"), qn("w:rPr"), qn("w:lang")
_MARKS = {ord(START): None, ord(END): None}
# run properties that come after w:lang in the schema's sequence
_AFTER_LANG = {qn(f"w:{name}") for name in ("eastAsianLayout", "specVanish", "oMath", "rPrChange")}


def set_run_language(run: Any, tag: str) -> None:
    """Give ``run`` the language ``tag`` (``nl-NL``), in schema order."""
    rpr = run.find(_RPR)
    if rpr is None:
        rpr = etree.Element(_RPR)
        run.insert(0, rpr)
    lang = rpr.find(_LANG)
    if lang is None:
        lang = etree.Element(_LANG)
        later = next((child for child in rpr if child.tag in _AFTER_LANG), None)
        if later is not None:
            later.addprevious(lang)
        else:
            rpr.append(lang)
    lang.set(qn("w:val"), tag)


def _pieces(run: Any, inside: bool) -> tuple[list[tuple[bool, list[Any]]], bool]:
    """The run's content split where a mark is: (inside record text, children) pieces."""
    pieces: list[tuple[bool, list[Any]]] = [(inside, [])]
    for child in run:
        if child.tag == _RPR:
            continue
        text = (child.text or "") if child.tag == _T else ""
        if child.tag != _T or (START not in text and END not in text):
            pieces[-1][1].append(child)
            continue
        current = ""
        for ch in text:
            if ch in (START, END):
                if current:
                    pieces[-1][1].append(_text_element(current))
                current = ""
                inside = ch == START
                pieces.append((inside, []))
            else:
                current += ch
        if current:
            pieces[-1][1].append(_text_element(current))
    return [(state, children) for state, children in pieces if children], inside


def _text_element(text: str) -> Any:
    element = etree.Element(_T)
    element.text = text
    element.set("{http://www.w3.org/XML/1998/namespace}space", "preserve")
    return element


def tag_languages(root: Any, content_tag: str) -> int:
    """Split and tag the runs of record text under ``root``; returns how many were tagged."""
    inside = False
    tagged = 0
    for run in list(root.iter(_R)):
        pieces, after = _pieces(run, inside)
        inside = after
        if len(pieces) == 1 and pieces[0][0]:
            set_run_language(run, content_tag)
            tagged += 1
        if len(pieces) <= 1:
            _strip_run(run)
            continue
        rpr = run.find(_RPR)
        for state, children in pieces:
            new = etree.Element(_R)
            if rpr is not None:
                new.append(deepcopy(rpr))
            new.extend(children)
            if state:
                set_run_language(new, content_tag)
                tagged += 1
            run.addprevious(new)
        run.getparent().remove(run)
    return tagged


def _strip_run(run: Any) -> None:
    for text in run.iter(_T):
        if text.text and (START in text.text or END in text.text):
            text.text = text.text.translate(_MARKS)


def strip_marks(root: Any) -> None:
    """Remove every mark left in text or attributes under ``root`` (a template may have
    put a record text where no run is, in a picture's description, say)."""
    xml = etree.tostring(root, encoding="unicode")  # one pass in C: usually nothing is left
    if START not in xml and END not in xml:
        return
    for element in root.iter():
        if element.text and (START in element.text or END in element.text):
            element.text = element.text.translate(_MARKS)
        if element.tail and (START in element.tail or END in element.tail):
            element.tail = element.tail.translate(_MARKS)
        for name, value in element.attrib.items():
            if START in value or END in value:
                element.set(name, value.translate(_MARKS))


def tag_document(document: Any, content_tag: str | None) -> None:
    """Tag the record text of the body, headers and footers; remove every mark."""
    roots = [document.element]
    for rel in document.part.rels.values():
        if rel.reltype.endswith(("/header", "/footer", "/footnotes", "/endnotes")):
            roots.append(rel.target_part.element)
    for root in roots:
        if content_tag is not None:
            tag_languages(root, content_tag)
        strip_marks(root)
