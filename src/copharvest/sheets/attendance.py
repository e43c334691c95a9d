"""Attendance sheets: who came to which session, in long or matrix form.

*Long*: one row per attendance (a member's name, organisation, ... and the session's
id, title or date). *Matrix*: one row per member, one column per session, a mark
(x, 1, ja, yes, ✓) where the member was present. :mod:`copharvest.sheets.matching`
says how rows and columns are matched to the folder's records.
"""

from __future__ import annotations

from copharvest.model import Community
from copharvest.sheets import cells
from copharvest.sheets.columns import MEMBER_FIELDS, SESSION_FIELDS, ColumnOptions, find_header
from copharvest.sheets.matching import Batch, Form, Matcher, Slot
from copharvest.sheets.reader import Grid

__all__ = ["Batch", "Form", "guess_form", "read_attendance"]


def _long(reader: Matcher) -> None:
    header = reader.header
    for number, row in reader.grid.rows[header.index + 1 :]:
        mid = reader.person(number, row)
        if mid is None:
            continue
        ref_value, ref_col = reader.cell(row, "session")
        ref = cells.text(ref_value)
        start = end = None
        for field in ("date", "end"):
            value, column = reader.cell(row, field)
            if value is None:
                continue
            try:
                day = cells.date(value)
            except cells.CellError as exc:
                reader.problems.add(reader.at(number, column), str(exc))
                continue
            if field == "date":
                start = day
            else:
                end = day
        if ref is None and start is None:
            reader.problems.add(
                reader.at(number, ref_col), "no session: give its id, title or date"
            )
            continue
        title = cells.text(reader.cell(row, "title")[0])
        slot = reader.slot(reader.at(number, ref_col), ref=ref, start=start, end=end, title=title)
        if slot is None:
            continue
        for field in ("place", "title"):
            value, column = reader.cell(row, field)
            shown = cells.text(value)
            if shown is not None:
                reader.note(
                    slot.values, field, shown, reader.at(number, column), f"session {slot.id!r}"
                )
        present, column = reader.cell(row, "present")
        if column is not None:
            try:
                if not cells.mark(present):
                    continue
            except cells.CellError as exc:
                reader.problems.add(reader.at(number, column), str(exc))
                continue
        slot.attendance[mid] = None


def _session_columns(reader: Matcher) -> list[tuple[int, Slot]]:
    header = reader.header
    used = set(header.fields.values()) | header.skipped
    name_col = min(header.fields.values())
    width = max(len(r) for r in header.rows)
    columns: list[tuple[int, Slot]] = []
    for column in range(width):
        if column in used or column < name_col:
            continue
        stack = [r[column] if column < len(r) else None for r in header.rows]
        if all(v is None for v in stack):
            continue
        where = reader.grid.at(header.line, column, header.label(column))
        ref = start = end = None
        title = None
        for value in reversed(stack):
            shown = cells.text(value)
            if shown is None:
                continue
            if ref is None and (
                shown in reader.sessions or cells.key(shown) in reader.session_titles
            ):
                ref = shown
            if start is None:
                try:
                    start, end, rest = cells.header_date(value)
                except cells.CellError as exc:
                    reader.problems.add(where, str(exc))
                    break
                title = rest or None
        if ref is None and start is None:
            shown = " / ".join(dict.fromkeys(cells.text(v) or "" for v in stack if v is not None))
            reader.problems.add(
                where,
                f"cannot tell which session {shown!r} is: expected a date or a session id or "
                "title of the folder in the heading (--skip-column ignores a column)",
            )
            continue
        slot = reader.slot(where, ref=ref, start=start, end=end, title=title)
        if slot is not None:
            columns.append((column, slot))
    return columns


def _matrix(reader: Matcher) -> None:
    columns = _session_columns(reader)
    mark = cells.mark
    for number, row in reader.grid.rows[reader.header.index + 1 :]:
        mid = reader.person(number, row)
        if mid is None:
            continue
        width = len(row)
        for column, slot in columns:
            if column >= width:
                break
            try:
                if mark(row[column]):
                    slot.attendance[mid] = None
            except cells.CellError as exc:
                reader.problems.add(reader.at(number, column), str(exc))


def guess_form(grid: Grid, options: ColumnOptions) -> Form:
    """Long when the header names a session or date column, else matrix."""
    header = find_header(grid, options, MEMBER_FIELDS + SESSION_FIELDS)
    return "long" if {"session", "date"} & set(header.fields) else "matrix"


def read_attendance(
    grid: Grid,
    base: Community | None,
    *,
    form: Form | None = None,
    options: ColumnOptions | None = None,
    name: str = "",
) -> Batch:
    """Read an attendance sheet into records to merge into ``base`` (``None``: a new folder)."""
    options = options or ColumnOptions()
    if form is None:
        form = guess_form(grid, options)
    fields = MEMBER_FIELDS + (SESSION_FIELDS if form == "long" else ())
    header = find_header(grid, options, fields)
    reader = Matcher(grid, base, header)
    if form == "long":
        _long(reader)
    else:
        _matrix(reader)
    return reader.batch(base, name or grid.source, form)
