"""What a user's template may bring into a booklet, and what it may not.

A template is read only when it is a regular file of bounded size, and only when its
zip is within bounds (:data:`MAX_TEMPLATE_BYTES` and the others below), before
anything expands it. Whatever the template, the finished booklet leaves out what
could run or fetch something when the booklet is opened: macros, and relationships
and fields that reach outside the file (an attached template, a linked picture or
object, ``INCLUDEPICTURE``, ``INCLUDETEXT``, ``LINK``, ``DDE``). Hyperlinks stay:
they go nowhere until a reader clicks them. Each kind dropped is one notice; what is
personal (:mod:`copharvest.formats.docx.scrub`) is one notice together.
"""

from __future__ import annotations

import io
import os
import re
import stat
import zipfile
from pathlib import Path

from lxml import etree

from copharvest.formats.docx.scrub import scrub

MAX_TEMPLATE_BYTES = 50 * 1024 * 1024
"""The largest template file read (50 MB)."""
MAX_PARTS = 2_000
"""The most zip entries a template may have."""
MAX_PART_BYTES = 100 * 1024 * 1024
"""The largest a template's part may be once expanded (100 MB)."""
MAX_EXPANDED_BYTES = 250 * 1024 * 1024
"""The largest all of a template's parts may be together once expanded (250 MB)."""

_MACROS = re.compile(r"(^|/)(vbaProject\.bin|vbaData\.xml)(\.rels)?$|(^|/)activeX/", re.IGNORECASE)
_MACRO_TYPES = ("vbaProject", "vbaData", "activeX", "macroEnabled", "keyMapCustomizations")
_REMOTE_HINT = re.compile(rb"INCLUDE|LINK|DDE|IMPORT", re.IGNORECASE)
_REMOTE_FIELDS = re.compile(
    r"^\s*(INCLUDEPICTURE|INCLUDETEXT|LINK|DDE|DDEAUTO|IMPORT|INCLUDE)\b", re.IGNORECASE
)
_W = "http://schemas.openxmlformats.org/wordprocessingml/2006/main"
_R = "http://schemas.openxmlformats.org/officeDocument/2006/relationships"
_RELS = "http://schemas.openxmlformats.org/package/2006/relationships"
_TYPES = "http://schemas.openxmlformats.org/package/2006/content-types"
_HYPERLINK = _R + "/hyperlink"
_BLIP_LINK = f"{{{_R}}}link"


class TemplateRefused(Exception):
    """A template is not read: the message says why, in one line."""


def read_template(path: Path) -> bytes:
    """The bytes of a template file, if it is a regular file within the limits.

    A FIFO, a device (``/dev/zero``) or a folder is refused without reading from
    it, and so is a file larger than :data:`MAX_TEMPLATE_BYTES`.
    """
    try:
        fd = os.open(path, os.O_RDONLY | getattr(os, "O_NONBLOCK", 0))
    except OSError as exc:
        raise TemplateRefused(f"{path}: cannot read the template: {exc.strerror}") from exc
    try:
        info = os.fstat(fd)
        if not stat.S_ISREG(info.st_mode):
            raise TemplateRefused(f"{path}: not a regular file; a template is a .docx file")
        if info.st_size > MAX_TEMPLATE_BYTES:
            raise TemplateRefused(
                f"{path}: the template is {info.st_size:,} bytes, more than the "
                f"{MAX_TEMPLATE_BYTES:,} a template may be"
            )
        with os.fdopen(os.dup(fd), "rb") as handle:
            data = handle.read(MAX_TEMPLATE_BYTES + 1)
    except OSError as exc:
        raise TemplateRefused(f"{path}: cannot read the template: {exc.strerror}") from exc
    finally:
        os.close(fd)
    if len(data) > MAX_TEMPLATE_BYTES:
        raise TemplateRefused(f"{path}: the template grew while it was read")
    check_zip(data, str(path))
    return data


def check_zip(data: bytes, name: str) -> None:
    """Refuse a zip whose entries would expand beyond the limits, before expanding it.

    The sizes are the ones the zip declares; Python's zip reader never expands an
    entry beyond its declared size, so they hold.
    """
    try:
        with zipfile.ZipFile(io.BytesIO(data)) as archive:
            entries = archive.infolist()
    except (zipfile.BadZipFile, OSError, ValueError) as exc:
        raise TemplateRefused(f"{name}: not a Word document (.docx): {exc}") from exc
    if len(entries) > MAX_PARTS:
        raise TemplateRefused(
            f"{name}: the template has {len(entries):,} parts, more than {MAX_PARTS:,}"
        )
    total = 0
    for entry in entries:
        if entry.file_size > MAX_PART_BYTES:
            raise TemplateRefused(
                f"{name}: the part {entry.filename} would expand to {entry.file_size:,} "
                f"bytes, more than {MAX_PART_BYTES:,}"
            )
        total += entry.file_size
    if total > MAX_EXPANDED_BYTES:
        raise TemplateRefused(
            f"{name}: the template would expand to {total:,} bytes, more than "
            f"{MAX_EXPANDED_BYTES:,}"
        )


def _parser() -> etree.XMLParser:
    return etree.XMLParser(resolve_entities=False, no_network=True, huge_tree=True)


def _rels_source(rels_name: str) -> str:
    """``word/_rels/document.xml.rels`` -> ``word/document.xml``."""
    folder, _, file = rels_name.rpartition("_rels/")
    return folder + file.removesuffix(".rels")


def sanitize(members: dict[str, bytes]) -> tuple[dict[str, bytes], list[str]]:
    """The package without macros and outside references, and one notice per kind dropped."""
    notices: list[str] = []
    kept = {name: data for name, data in members.items() if not _MACROS.search(name)}
    if len(kept) != len(members):
        notices.append("dropped the template's macros and ActiveX controls")
    dropped_rels: dict[str, set[str]] = {}  # part name -> rIds removed
    external = False
    for name in [n for n in kept if n.endswith(".rels")]:
        root = etree.fromstring(kept[name], _parser())
        changed = False
        for rel in list(root):
            target = rel.get("Target", "")
            is_macro = any(kind in rel.get("Type", "") for kind in _MACRO_TYPES)
            is_gone = _MACROS.search(target.lstrip("/")) is not None
            outside = rel.get("TargetMode") == "External" and rel.get("Type") != _HYPERLINK
            if is_macro or is_gone or outside:
                root.remove(rel)
                dropped_rels.setdefault(_rels_source(name), set()).add(rel.get("Id", ""))
                external = external or outside
                changed = True
        if changed:
            kept[name] = etree.tostring(
                root, xml_declaration=True, encoding="UTF-8", standalone=True
            )
    if external:
        notices.append(
            "dropped the template's links to outside files (attached template, linked "
            "pictures or objects)"
        )
    fields = False
    for name in [n for n in kept if n.endswith(".xml") and n.startswith("word/")]:
        data = kept[name]
        ids = dropped_rels.get(name, set())
        if not ids and (b"instr" not in data or not _REMOTE_HINT.search(data)):
            continue
        root = etree.fromstring(data, _parser())
        changed = _drop_references(root, ids)
        removed_fields = _drop_remote_fields(root)
        if changed or removed_fields:
            fields = fields or removed_fields
            kept[name] = etree.tostring(
                root, xml_declaration=True, encoding="UTF-8", standalone=True
            )
    if fields:
        notices.append(
            "dropped the template's fields that fetch outside content "
            "(INCLUDEPICTURE, INCLUDETEXT, LINK, DDE)"
        )
    kept, personal = scrub(kept)
    if personal:
        notices.append(
            f"dropped from the template: its {', '.join(personal)}"
            + (
                " (resolved: insertions kept, deletions dropped)"
                if "tracked changes" in personal
                else ""
            )
        )
    if "[Content_Types].xml" in kept:
        kept["[Content_Types].xml"] = _plain_content_types(kept["[Content_Types].xml"], kept)
    return kept, notices


def _drop_references(root: etree._Element, ids: set[str]) -> bool:
    """Remove what refers to a removed relationship: a picture keeps its place (its
    link attribute goes), anything else (an attached template, an object) goes."""
    if not ids:
        return False
    changed = False
    for element in list(root.iter()):
        for attribute, value in list(element.attrib.items()):
            if not attribute.startswith(f"{{{_R}}}") or value not in ids:
                continue
            changed = True
            if attribute == _BLIP_LINK:
                del element.attrib[attribute]
            else:
                parent = element.getparent()
                if parent is not None:
                    parent.remove(element)
                break
    return changed


def _drop_remote_fields(root: etree._Element) -> bool:
    """Blank the instructions of fields that fetch outside content; their last
    result stays as plain text."""
    changed = False
    for simple in list(root.iter(f"{{{_W}}}fldSimple")):
        if _REMOTE_FIELDS.match(simple.get(f"{{{_W}}}instr", "")):
            parent = simple.getparent()
            if parent is None:
                continue
            index = parent.index(simple)
            for offset, child in enumerate(list(simple)):
                parent.insert(index + offset, child)
            parent.remove(simple)
            changed = True
    for instr in root.iter(f"{{{_W}}}instrText"):
        if instr.text and _REMOTE_FIELDS.match(instr.text):
            instr.text = ""
            changed = True
    return changed


_MAIN_TYPES = {
    "application/vnd.ms-word.document.macroEnabled.main+xml": (
        "application/vnd.openxmlformats-officedocument.wordprocessingml.document.main+xml"
    ),
    "application/vnd.ms-word.template.macroEnabledTemplate.main+xml": (
        "application/vnd.openxmlformats-officedocument.wordprocessingml.document.main+xml"
    ),
}


def _plain_content_types(data: bytes, members: dict[str, bytes]) -> bytes:
    """Content types without overrides for dropped parts or macro-enabled documents."""
    root = etree.fromstring(data, _parser())
    changed = False
    for entry in list(root):
        part = entry.get("PartName", "").lstrip("/")
        if entry.tag == f"{{{_TYPES}}}Override" and part and part not in members:
            root.remove(entry)
            changed = True
        elif entry.get("ContentType") in _MAIN_TYPES:
            entry.set("ContentType", _MAIN_TYPES[entry.get("ContentType", "")])
            changed = True
    if not changed:
        return data
    result: bytes = etree.tostring(root, xml_declaration=True, encoding="UTF-8", standalone=True)
    return result
