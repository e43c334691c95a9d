"""Field values to cells and back, exactly.

Cells cannot hold everything a text can: an empty text reads back as an empty cell, a
text starting with ``=`` would become a formula, control characters are refused. Such
texts (and texts that are themselves wrapped in double quotes) are written as a JSON
string, ``""`` for an empty text, and read back from it. A list of ids or names goes
in one cell, one item per line; a list that lines cannot carry exactly is written as
a JSON array.
"""

from __future__ import annotations

import datetime as dt
import json
from typing import Any

from openpyxl.cell import WriteOnlyCell  # type: ignore[import-untyped,unused-ignore]
from openpyxl.cell.cell import ERROR_CODES  # type: ignore[import-untyped,unused-ignore]
from openpyxl.worksheet.worksheet import Worksheet  # type: ignore[import-untyped,unused-ignore]

from copharvest.sheets import cells
from copharvest.sheets.layout import Kind

DATE_FORMAT = "yyyy-mm-dd"
_UNSAFE = frozenset(chr(c) for c in range(32) if chr(c) not in "\t\n")


def _needs_json(value: str) -> bool:
    return (
        value == ""
        or (len(value) >= 2 and value[0] == '"' and value[-1] == '"')
        or not _UNSAFE.isdisjoint(value)
    )


def _text_cell(sheet: Worksheet, value: str) -> Any:
    if _needs_json(value):
        value = json.dumps(value, ensure_ascii=False)
    if value.startswith("=") or value in ERROR_CODES:
        cell = WriteOnlyCell(sheet, value=value)
        cell.data_type = "s"
        return cell
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
            return _text_cell(sheet, "[]")
        if _lines_ok(value):
            return "\n".join(value)
        return _text_cell(sheet, json.dumps(value, ensure_ascii=False))
    if isinstance(value, str):
        return _text_cell(sheet, value)
    return value


def _decoded(value: str) -> Any:
    if len(value) >= 2 and value[0] == '"' and value[-1] == '"':
        try:
            return json.loads(value)
        except json.JSONDecodeError:
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
    if kind == "list":
        if isinstance(value, str) and value.startswith("["):
            try:
                parsed = json.loads(value)
            except json.JSONDecodeError:
                raise cells.CellError(f"not a valid list: {value!r}") from None
            return parsed
        if isinstance(value, str):
            sep = "\n" if "\n" in value else ";"
            return [item.strip() for item in value.split(sep) if item.strip()]
        return [cells.text(value)]
    return value
