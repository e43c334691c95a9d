"""Write a python-docx document as a byte-identical .docx for identical content.

python-docx stamps every zip entry with the current time; its saved package is zipped
again with the same fixed date (1980-01-01, the zip epoch) for every entry, fixed
attributes and a fixed order: ``[Content_Types].xml`` first, then the package
relationships, then the rest by name.
"""

from __future__ import annotations

import io
import zipfile
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from docx.document import Document

FIXED_DATE = (1980, 1, 1, 0, 0, 0)
_FIRST = ("[Content_Types].xml", "_rels/.rels")


def package_members(document: Document) -> dict[str, bytes]:
    """Every zip member of the document's package, by name, as python-docx saves it."""
    buffer = io.BytesIO()
    document.save(buffer)
    with zipfile.ZipFile(buffer) as archive:
        return {info.filename: archive.read(info) for info in archive.infolist()}


def zip_members(members: dict[str, bytes]) -> bytes:
    """Zip ``members`` deterministically."""
    order = [name for name in _FIRST if name in members]
    order += sorted(name for name in members if name not in _FIRST)
    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w", zipfile.ZIP_DEFLATED) as archive:
        for name in order:
            info = zipfile.ZipInfo(name, date_time=FIXED_DATE)
            info.compress_type = zipfile.ZIP_DEFLATED
            info.create_system = 0
            info.external_attr = 0o644 << 16
            archive.writestr(info, members[name])
    return buffer.getvalue()


def document_bytes(document: Document) -> bytes:
    """The document as .docx bytes that depend on its content only."""
    return zip_members(package_members(document))
