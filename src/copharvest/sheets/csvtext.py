"""Reading a CSV file: its encoding decided for the whole file, then its rows.

UTF-8 (with or without a byte order mark) and UTF-16 with a byte order mark are read
as such. A file that is not UTF-8 anywhere is read as Windows-1252, the encoding of
Excel's plain "CSV" on Dutch and English systems, provided every byte means a
character there. A file that is UTF-8 in places and not in others (a stray byte from
another program) is refused, naming the line, rather than read as garbled text.
"""

from __future__ import annotations

import codecs
import csv
import io
import re
from pathlib import Path
from typing import Any

from copharvest.sheets.limits import MAX_CSV_BYTES, capped
from copharvest.sheets.problems import Location, SheetError

Row = tuple[Any, ...]

# a well-formed UTF-8 sequence of two or more bytes (RFC 3629)
_UTF8_MULTIBYTE = re.compile(
    rb"[\xc2-\xdf][\x80-\xbf]|\xe0[\xa0-\xbf][\x80-\xbf]|[\xe1-\xec\xee\xef][\x80-\xbf]{2}"
    rb"|\xed[\x80-\x9f][\x80-\xbf]|\xf0[\x90-\xbf][\x80-\xbf]{2}|[\xf1-\xf3][\x80-\xbf]{3}"
    rb"|\xf4[\x80-\x8f][\x80-\xbf]{2}"
)


def _line(raw: bytes, position: int, encoding: str) -> int:
    return raw[:position].decode(encoding, errors="replace").count("\n") + 1


def decode(raw: bytes, where: Location) -> str:
    """The text of a CSV file, in the encoding the whole file is written in."""
    for bom, encoding in (
        (codecs.BOM_UTF8, "utf-8"),
        (codecs.BOM_UTF16_LE, "utf-16-le"),
        (codecs.BOM_UTF16_BE, "utf-16-be"),
    ):
        if raw.startswith(bom):
            body = raw[len(bom) :]
            try:
                return body.decode(encoding)
            except UnicodeDecodeError as exc:
                raise SheetError.one(
                    _at(where, _line(body, exc.start, encoding)),
                    f"not valid {encoding[:6].upper()} although the file starts with its "
                    "byte order mark; save it again as CSV UTF-8",
                ) from None
    try:
        return raw.decode("utf-8")
    except UnicodeDecodeError as exc:
        if _UTF8_MULTIBYTE.search(raw) is not None:
            line = _line(raw, exc.start, "utf-8")
            raise SheetError.one(
                _at(where, line),
                f"mixed encodings: the file is UTF-8 but byte 0x{raw[exc.start]:02x} here is "
                "not; correct this line or save the file again as CSV UTF-8",
            ) from None
    try:
        return raw.decode("cp1252")
    except UnicodeDecodeError as exc:
        line = _line(raw, exc.start, "cp1252")
        raise SheetError.one(
            _at(where, line),
            f"unknown encoding: byte 0x{raw[exc.start]:02x} is neither UTF-8 nor Windows-1252; "
            "save the file as CSV UTF-8",
        ) from None


def _at(where: Location, row: int) -> Location:
    return Location(source=where.source, row=row)


def _blank(row: Row) -> bool:
    return all(v is None for v in row)


def csv_rows(path: Path) -> list[tuple[int, Row]]:
    """The non-blank rows of a CSV file, with their line numbers."""
    where = Location(source=path.name)
    try:
        size = path.stat().st_size
        if size > MAX_CSV_BYTES:
            raise SheetError.one(
                where,
                f"refused: the file has {size / 2**20:,.0f} MB, more than "
                f"{MAX_CSV_BYTES // 2**20} MB",
            )
        raw = path.read_bytes()
    except OSError as exc:
        raise SheetError.one(where, f"cannot read: {exc.strerror}") from None
    content = decode(raw, where)
    if "\x00" in content:
        raise SheetError.one(where, "binary file, expected CSV text")
    try:
        dialect: Any = csv.Sniffer().sniff(content[:4096], delimiters=",;\t")
    except csv.Error:
        dialect = csv.excel
    reader = csv.reader(io.StringIO(content, newline=""), dialect)
    rows: list[tuple[int, Row]] = []
    try:
        for values in capped(path.name, reader):
            row = tuple(v if v.strip() else None for v in values)
            if not _blank(row):
                rows.append((reader.line_num, row))
    except csv.Error as exc:
        line = reader.line_num
        message = str(exc)
        if "field larger than field limit" in message:
            message = (
                f"a field longer than {csv.field_size_limit():,} characters (an unclosed quote?)"
            )
        raise SheetError.one(_at(where, line), f"cannot read the CSV: {message}") from None
    return rows
