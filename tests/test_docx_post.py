"""Numbered lists restart at 1: the pass over the document gives what the plain,
paragraph-by-paragraph version of it gives, on every shape of paragraph properties."""

from __future__ import annotations

import io
from copy import copy
from typing import Any

import docx
from docx.oxml.ns import qn
from lxml import etree

from copharvest.formats.docx import post, renderer

W = "http://schemas.openxmlformats.org/wordprocessingml/2006/main"


def _reference(document: Any, styles: post.StyleInfo) -> int:
    """The plain version: every style reference and numbering property, one at a time."""
    numbering = document.part.numbering_part.element
    abstract_of = {
        num.get(qn("w:numId")): num.find(qn("w:abstractNumId")).get(qn("w:val"))
        for num in numbering.iterchildren(qn("w:num"))
        if num.find(qn("w:abstractNumId")) is not None
    }
    numbered = set()
    for abstract in numbering.iterchildren(qn("w:abstractNum")):
        fmt = abstract.find("w:lvl[@w:ilvl='0']/w:numFmt", {"w": W})
        if fmt is not None and fmt.get(qn("w:val")) not in ("bullet", "none"):
            numbered.add(abstract.get(qn("w:abstractNumId")))
    numbered_nums = {n for n, a in abstract_of.items() if a in numbered}
    next_id = max((int(n) for n in abstract_of if n and n.isdigit()), default=0) + 1
    anchor = list(numbering.iterchildren(qn("w:num")))[-1]
    list_styles = {sid for sid in styles.ids() if styles.num_id(sid) in numbered_nums}
    previous: Any = None
    previous_num = None
    seen: Any = None
    current = ""
    lists = 0
    for element in document.element.body.iter(qn("w:pStyle"), qn("w:numPr")):
        if element.tag == qn("w:pStyle") and element.get(qn("w:val")) not in list_styles:
            continue
        ppr = element.getparent()
        if ppr is None or ppr.tag != qn("w:pPr"):
            continue
        paragraph = ppr.getparent()
        if paragraph is seen:
            continue
        seen = paragraph
        direct = ppr.find(qn("w:numPr"))
        direct_id = direct.find(qn("w:numId")) if direct is not None else None
        if direct_id is not None:
            num = direct_id.get(qn("w:val"))
        else:
            style = element if element.tag == qn("w:pStyle") else ppr.find(qn("w:pStyle"))
            num = styles.num_id(style.get(qn("w:val"), "")) if style is not None else None
        if num not in numbered_nums:
            previous = None
            continue
        if previous is None or paragraph.getprevious() is not previous or num != previous_num:
            lists += 1
            current = str(next_id)
            next_id += 1
            anchor = post._add_num(anchor, current, abstract_of[num])
        if direct is None:
            position = 0
            for child in ppr.iterchildren():
                if child.tag not in post._PPR_BEFORE_NUMPR:
                    break
                position += 1
            ppr.insert(position, copy(post._numpr(current)))
        else:
            post._set_num(ppr, direct, current, post._numpr(current))
        previous, previous_num = paragraph, num
    return lists


BODY = f"""<w:body xmlns:w="{W}">
<w:p><w:pPr><w:pStyle w:val="ListNumber"/></w:pPr><w:r><w:t>one</w:t></w:r></w:p>
<w:p><w:pPr><w:pStyle w:val="ListNumber"/></w:pPr><w:r><w:t>two</w:t></w:r></w:p>
<w:p><w:pPr><w:pStyle w:val="ListNumber"/><w:keepNext/><w:jc w:val="left"/></w:pPr></w:p>
<w:p><w:pPr><w:pStyle w:val="Normal"/></w:pPr><w:r><w:t>break</w:t></w:r></w:p>
<w:p><w:pPr><w:numPr><w:numId w:val="1"/></w:numPr></w:pPr><w:r><w:t>direct</w:t></w:r></w:p>
<w:p><w:pPr><w:pStyle w:val="ListNumber"/><w:numPr><w:ilvl w:val="0"/></w:numPr></w:pPr></w:p>
<w:p><w:pPr><w:numPr><w:ilvl w:val="0"/><w:numId w:val="2"/></w:numPr></w:pPr></w:p>
<w:p><w:pPr><w:numPr><w:ilvl w:val="0"/><w:numId w:val="1"/></w:numPr>
  <w:pStyle w:val="ListBullet"/></w:pPr></w:p>
<w:p><w:pPr><!-- a comment --><w:pStyle w:val="ListNumber"/></w:pPr></w:p>
<w:p><w:pPr><w:pStyle w:val="ListBullet"/></w:pPr></w:p>
<w:p><w:pPr><w:pStyle w:val="ListNumber"/></w:pPr></w:p>
<w:tbl><w:tr><w:tc><w:p><w:pPr><w:pStyle w:val="ListNumber"/></w:pPr></w:p>
<w:p><w:pPr><w:pStyle w:val="ListNumber"/></w:pPr></w:p></w:tc></w:tr></w:tbl>
<w:p><w:pPr><w:pStyle w:val="ListNumber"/><w:pStyle w:val="Normal"/></w:pPr></w:p>
<w:p><w:pPr><w:pStyle/></w:pPr></w:p>
<w:p><w:r><w:rPr><w:numPr/></w:rPr></w:r></w:p>
<w:sectPr/>
</w:body>"""


def _document() -> Any:
    document = docx.Document(io.BytesIO(renderer.default_template()))
    body = document.element.body
    body.getparent().replace(body, etree.fromstring(BODY, renderer._parser()))
    return document


def test_lists_restart_as_the_plain_version_restarts_them() -> None:
    ours, plain = _document(), _document()
    assert post.restart_numbered_lists(ours, post.StyleInfo(ours)) == _reference(
        plain, post.StyleInfo(plain)
    )
    assert etree.tostring(ours.element) == etree.tostring(plain.element)
    numbering = (d.part.numbering_part.element for d in (ours, plain))
    assert len({etree.tostring(n) for n in numbering}) == 1
    assert b'<w:numId w:val="' in etree.tostring(ours.element)
