"""Write a python-docx document as a byte-identical .docx for identical content.

python-docx stamps every zip entry with the current time; here every entry gets the
same fixed date (1980-01-01, the zip epoch), fixed attributes and a fixed order:
``[Content_Types].xml`` first, then the package relationships, then the rest by name.
"""

from __future__ import annotations

import io
import zipfile
from typing import TYPE_CHECKING, Any

if TYPE_CHECKING:
    from docx.document import Document

FIXED_DATE = (1980, 1, 1, 0, 0, 0)
_FIRST = ("[Content_Types].xml", "_rels/.rels")


class _Collector:
    """Stands in for python-docx's zip writer and keeps the members in memory."""

    def __init__(self) -> None:
        self.members: dict[str, bytes] = {}

    def write(self, pack_uri: Any, blob: bytes) -> None:
        self.members[str(pack_uri.membername)] = blob

    def close(self) -> None:
        """Nothing to close."""


def package_members(document: Document) -> dict[str, bytes]:
    """Every zip member of the document's package, by name."""
    from docx.opc.pkgwriter import PackageWriter

    package = document.part.package
    parts = list(package.iter_parts())
    for part in parts:
        part.before_marshal()
    collector = _Collector()
    # The steps of PackageWriter.write, with the collector as the physical writer.
    writer: Any = PackageWriter
    writer._write_content_types_stream(collector, parts)
    writer._write_pkg_rels(collector, package.rels)
    writer._write_parts(collector, parts)
    return collector.members


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
