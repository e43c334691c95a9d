"""Field values to cells and back, exactly.

Cells cannot hold everything a text can: an empty text reads back as an empty cell,
and control characters, U+FFFE, U+FFFF and lone surrogates cannot be stored in the
file at all. Such texts (and texts that are themselves wrapped in double quotes) are
written as a JSON string, ``""`` for an empty text, with those characters as ``\\uXXXX``
escapes, and read back from it. Every text is a string cell, never a formula: a text
starting with ``=`` stays that text. A list of ids or names goes
in one cell, one item per line; a list that lines cannot carry exactly is written as
a JSON array.
"""

from __future__ import annotations

import datetime as dt
import json
import re
from typing import Any

from openpyxl.cell import WriteOnlyCell  # type: ignore[import-untyped,unused-ignore]
from openpyxl.cell.cell import ERROR_CODES  # type: ignore[import-untyped,unused-ignore]
from openpyxl.worksheet.worksheet import Worksheet  # type: ignore[import-untyped,unused-ignore]

from copharvest.sheets import cells
from copharvest.sheets.layout import Kind

DATE_FORMAT = "yyyy-mm-dd"
# characters XML 1.0 cannot carry (tab and line feed it can)
_UNSAFE = re.compile("[\x00-\x08\x0b-\x1f\ud800-\udfff\ufffe\uffff]")


def _needs_json(value: str) -> bool:
    return (
        value == ""
        or (len(value) >= 2 and value[0] == '"' and value[-1] == '"')
        or _UNSAFE.search(value) is not None
    )


def _json(value: Any) -> str:
    """JSON text that a cell can hold: the characters it cannot are escaped."""
    return _UNSAFE.sub(lambda m: f"\\u{ord(m.group(0)):04x}", json.dumps(value, ensure_ascii=False))


def text_cell(sheet: Worksheet, value: str) -> Any:
    """A string cell for ``value``, escaped as JSON where a cell cannot hold it as is."""
    if _needs_json(value):
        value = _json(value)
    if value.startswith("=") or value in ERROR_CODES:
        cell = WriteOnlyCell(sheet, value=value)
        cell.data_type = "s"  # text, not a formula or an error value
        return cell
    return value


def safe_cell(sheet: Worksheet, value: Any) -> Any:
    """Any exported value as a cell: texts through :func:`text_cell`, lists and
    mappings as JSON text, numbers, dates and booleans as they are."""
    if isinstance(value, dict | list | tuple):
        return text_cell(sheet, _json(value))
    if isinstance(value, str):
        return text_cell(sheet, value)
    return value


def _lines_ok(items: list[str]) -> bool:
    return all(
        item
        and item == item.strip()
        and "\n" not in item
        and ";" not in item
        and not _needs_json(item)
        for item in items
    ) and not (items and items[0].startswith("["))


def to_cell(sheet: Worksheet, kind: Kind, value: Any) -> Any:
    """The cell for an unstructured field value (``None``: leave the cell empty)."""
    if value is None:
        return None
    if kind == "date" and isinstance(value, str):
        cell = WriteOnlyCell(sheet, value=dt.date.fromisoformat(value))
        cell.number_format = DATE_FORMAT
        return cell
    if kind == "list" and isinstance(value, list):
        if not value:
            return text_cell(sheet, "[]")
        if _lines_ok(value):
            return text_cell(sheet, "\n".join(value))
        return text_cell(sheet, _json(value))
    if kind == "numbers" and isinstance(value, list):
        return text_cell(sheet, ", ".join(str(n) for n in value) or "[]")
    if isinstance(value, str):
        return text_cell(sheet, value)
    return value


def _numbers(value: Any) -> Any:
    """``1, 2, 3`` (or one number, or ``[]``) as a list of whole numbers."""
    if isinstance(value, int | float) and not isinstance(value, bool):
        return [value]
    if not isinstance(value, str):
        return value
    if value.strip() == "[]":
        return []
    out: list[int] = []
    for item in re.split(r"[,;\n]", value):
        if not item.strip():
            continue
        try:
            out.append(int(item.strip()))
        except ValueError:
            raise cells.CellError(f"not a list of whole numbers: {value!r}") from None
    return out


def _decoded(value: str) -> Any:
    if len(value) >= 2 and value[0] == '"' and value[-1] == '"':
        try:
            return json.loads(value)
        except (json.JSONDecodeError, RecursionError):
            return value
    return value


def from_cell(kind: Kind, value: Any) -> Any:
    """The unstructured field value of a cell (the converter checks it further)."""
    if isinstance(value, str):
        value = _decoded(value)
    if kind == "text":
        if isinstance(value, int | float) and not isinstance(value, bool):
            return cells.text(value)  # Excel turned a text like "1984" into a number
        return value
    if kind == "date":
        return cells.date(value).isoformat()
    if kind == "bool" and isinstance(value, str):
        try:
            return cells.mark(value)
        except cells.CellError:
            return value
    if kind == "numbers":
        return _numbers(value)
    if kind == "list":
        if isinstance(value, str) and value.startswith("["):
            try:
                parsed = json.loads(value)
            except (json.JSONDecodeError, RecursionError):
                shown = value if len(value) <= 40 else value[:37] + "..."
                raise cells.CellError(f"not a valid list: {shown!r}") from None
            return parsed
        if isinstance(value, str):
            sep = "\n" if "\n" in value else ";"
            return [item.strip() for item in value.split(sep) if item.strip()]
        return [cells.text(value)]
    return value
