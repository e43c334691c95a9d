"""What a user's template may not bring into a booklet because it is personal.

A template contributes its styles, theme, page setup, headers, footers and pictures —
never its application and custom document properties (Company, Manager, …), its
thumbnail, its comments (with their replies, ids and authors), its document variables
or its custom XML; its tracked changes are resolved (insertions kept, deletions
dropped, the marks of changed formatting removed). The booklet's core properties are
its own (:func:`copharvest.formats.docx.post.set_properties`).

A package without any of it comes back unchanged, byte for byte.
"""

from __future__ import annotations

import posixpath
import re

from lxml import etree

_W = "http://schemas.openxmlformats.org/wordprocessingml/2006/main"
_EXT = "http://schemas.openxmlformats.org/officeDocument/2006/extended-properties"
_DROPPED_PARTS = (
    (re.compile(r"^docProps/custom\.xml$"), "custom document properties"),
    (re.compile(r"^customXml/"), "custom XML"),
    (re.compile(r"^docProps/thumbnail\.[^/]+$"), "thumbnail"),
    (
        re.compile(r"^word/(comments|commentsExtended|commentsIds|commentsExtensible)\.xml$"),
        "comments",
    ),
    (re.compile(r"^word/people\.xml$"), "comments"),
    (re.compile(r"^word/_rels/(comments|commentsExtended|commentsIds)\.xml\.rels$"), "comments"),
)
_APP_PERSONAL = (
    "Company",
    "Manager",
    "HyperlinkBase",
    "Template",
    "TotalTime",
    "TitlesOfParts",
    "HeadingPairs",
)
_COMMENT_MARKS = ("commentRangeStart", "commentRangeEnd", "commentReference")
_UNWRAP = ("ins", "moveTo")
_REMOVE = frozenset(
    {
        "del", "moveFrom", "moveFromRangeStart", "moveFromRangeEnd", "moveToRangeStart",
        "moveToRangeEnd", "rPrChange", "pPrChange", "sectPrChange", "tblPrChange",
        "tblGridChange", "trPrChange", "tcPrChange", "numberingChange", "cellIns", "cellDel",
        "cellMerge", "customXmlInsRangeStart", "customXmlInsRangeEnd",
        "customXmlDelRangeStart", "customXmlDelRangeEnd",
    }
)  # fmt: skip
_HINT = re.compile(
    rb"<w:(ins|del|moveFrom|moveTo|comment\w*|\w+PrChange|cell\w+|numberingChange|docVars)\b"
)


def _parser() -> etree.XMLParser:
    return etree.XMLParser(resolve_entities=False, no_network=True, huge_tree=True)


def _dump(root: etree._Element) -> bytes:
    data: bytes = etree.tostring(root, xml_declaration=True, encoding="UTF-8", standalone=True)
    return data


def _is_dropped(name: str) -> str | None:
    for pattern, kind in _DROPPED_PARTS:
        if pattern.search(name):
            return kind
    return None


def _resolve(root: etree._Element) -> set[str]:
    """Remove comment marks and tracked changes from a WordprocessingML part."""
    kinds: set[str] = set()
    for element in list(root.iter(etree.Element)):
        tag = etree.QName(element)
        if tag.namespace != _W:
            continue
        parent = element.getparent()
        if parent is None:
            continue
        local = tag.localname
        if local in _COMMENT_MARKS:
            # a comment reference sits in a run of its own: the run goes with it
            if local == "commentReference" and etree.QName(parent).localname == "r":
                grand = parent.getparent()
                if grand is not None and len(parent.findall(f"{{{_W}}}t")) == 0:
                    grand.remove(parent)
                    kinds.add("comments")
                    continue
            parent.remove(element)
            kinds.add("comments")
        elif local in _REMOVE:
            parent.remove(element)
            kinds.add("tracked changes")
        elif local in _UNWRAP and etree.QName(parent).localname not in ("rPr", "trPr"):
            index = parent.index(element)
            for offset, child in enumerate(list(element)):
                parent.insert(index + offset, child)
            parent.remove(element)
            kinds.add("tracked changes")
        elif local in _UNWRAP:  # a paragraph mark or row marked inserted: the mark goes
            parent.remove(element)
            kinds.add("tracked changes")
        elif local == "docVars":
            parent.remove(element)
            kinds.add("document variables")
    return kinds


def _drop_relationships(name: str, data: bytes, gone: set[str]) -> bytes | None:
    """The relationships of ``name`` without those to parts that were dropped."""
    folder = posixpath.dirname(posixpath.dirname(name))  # "word/_rels/x.rels" -> "word"
    root = etree.fromstring(data, _parser())
    changed = False
    for rel in list(root):
        if rel.get("TargetMode") == "External":
            continue
        target = rel.get("Target", "")
        path = target.lstrip("/") if target.startswith("/") else posixpath.join(folder, target)
        if posixpath.normpath(path) in gone:
            root.remove(rel)
            changed = True
    return _dump(root) if changed else None


def scrub(members: dict[str, bytes]) -> tuple[dict[str, bytes], list[str]]:
    """The package without personal parts, and what kinds were dropped (in a fixed order)."""
    kinds: set[str] = set()
    kept: dict[str, bytes] = {}
    gone: set[str] = set()
    for name, data in members.items():
        kind = _is_dropped(name)
        if kind is None:
            kept[name] = data
        else:
            kinds.add(kind)
            gone.add(name)
    if gone:
        for name in [n for n in kept if n.endswith(".rels")]:
            rewritten = _drop_relationships(name, kept[name], gone)
            if rewritten is not None:
                kept[name] = rewritten
    app = kept.get("docProps/app.xml")
    if app is not None and any(f"<{p}".encode() in app for p in _APP_PERSONAL):
        root = etree.fromstring(app, _parser())
        for child in list(root):
            if etree.QName(child).localname in _APP_PERSONAL:
                root.remove(child)
                kinds.add("application properties (company, manager)")
        kept["docProps/app.xml"] = _dump(root)
    for name in [n for n in kept if n.startswith("word/") and n.endswith(".xml")]:
        if not _HINT.search(kept[name]):
            continue
        root = etree.fromstring(kept[name], _parser())
        found = _resolve(root)
        if found:
            kinds |= found
            kept[name] = _dump(root)
    order = (
        "application properties (company, manager)",
        "custom document properties",
        "custom XML",
        "thumbnail",
        "comments",
        "document variables",
        "tracked changes",
    )
    return kept, [k for k in order if k in kinds]
