"""Attendance sheets: who came to which session, in long or matrix form.

*Long*: one row per attendance (a member's name, organisation, ... and the session's
id, title or date). *Matrix*: one row per member, one column per session, a mark
(x, 1, ja, yes, ✓) where the member was present. :mod:`copharvest.sheets.matching`
says how rows and columns are matched to the folder's records.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Collection, Hashable
from typing import Any

from copharvest.model import Community
from copharvest.sheets import cells
from copharvest.sheets.columns import MEMBER_FIELDS, SESSION_FIELDS, ColumnOptions, find_header
from copharvest.sheets.matching import Batch, Form, Matcher
from copharvest.sheets.merge import Accept
from copharvest.sheets.reader import Grid
from copharvest.sheets.sessions import Slot, minutes

__all__ = ["Batch", "Form", "guess_form", "read_attendance"]


def _time_of(value: Any) -> str | None:
    """The time of day a date cell holds besides its date (``10:00``), if any."""
    if isinstance(value, dt.datetime) and value.time() != dt.time():
        return value.strftime("%H:%M")
    if isinstance(value, str):
        try:
            rest = cells.header_date(value)[2]
        except cells.CellError:  # a second, impossible date beside the first
            return None
        return rest if minutes(rest) is not None else None
    return None


def _long(reader: Matcher) -> None:
    header = reader.header
    for number, row in reader.grid.rows[header.index + 1 :]:
        mid = reader.person(number, row)
        if mid is None:
            continue
        ref_value, ref_col = reader.cell(row, "session")
        ref = cells.text(ref_value)
        start = end = None
        time = cells.text(reader.cell(row, "time")[0])
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
                time = time or _time_of(value)
            else:
                end = day
        if ref is None and start is None:
            reader.problems.add(
                reader.at(number, ref_col),
                "no session: give its id, title or date (--session-column, --date-column)",
            )
            continue
        title = cells.text(reader.cell(row, "title")[0])
        # rows on one date are one session unless their session, title or time differ
        key: Hashable = (
            ("ref", cells.key(ref))
            if ref is not None
            else ("date", start, cells.key(title or ""), minutes(time) or cells.key(time or ""))
        )
        slot = reader.slot(
            reader.at(number, ref_col),
            key=key,
            ref=ref,
            start=start,
            end=end,
            title=title or (time if ref is None else None),
            details=(time,),
        )
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


def _title_rows(reader: Matcher) -> set[int]:
    """Header rows above the main one holding only a title at the left (``Aanwezigheid
    2022``): they say nothing about a column."""
    header = reader.header
    name_col = min(header.fields.values())
    titles = set()
    for k in range(header.main_row):
        raw = reader.grid.rows[k][1]
        filled = [i for i, v in enumerate(raw) if cells.text(v) is not None]
        if len(filled) <= 1 and all(i <= name_col for i in filled):
            titles.add(k)
    return titles


def _identity(value: Any) -> tuple[str, str]:
    # an Excel date and a text date on one day are two headings, not one
    kind = "text" if isinstance(value, str) else "value"
    return kind, cells.key(cells.text(value) or "")


def _session_columns(reader: Matcher) -> list[tuple[int, Slot]]:
    header = reader.header
    used = set(header.fields.values()) | header.skipped
    name_col = min(header.fields.values())
    width = max(len(r) for r in header.rows)
    titles = _title_rows(reader)
    rows = [k for k in range(len(header.rows)) if k not in titles]
    # the rows naming a column; sub-headings below the main row (day 1, day 2) do not
    naming = [k for k in rows if k <= header.main_row]
    raw = [reader.grid.rows[k][1] for k in range(len(header.rows))]
    columns: list[tuple[int, Slot]] = []
    headed: dict[Hashable, int] = {}
    for column in range(width):
        if column in used or column < name_col:
            continue
        stack = [header.rows[k][column] if column < len(header.rows[k]) else None for k in rows]
        if all(v is None for v in stack):
            continue
        where = reader.grid.at(header.line, column, header.label(column))
        ref = start = end = None
        title = time = None
        for value in reversed(stack):
            shown = cells.text(value)
            if shown is None:
                continue
            if ref is None and reader.sessions.names(shown):
                ref = shown
            if start is None:
                try:
                    start, end, rest = cells.header_date(value)
                except cells.CellError as exc:
                    reader.problems.add(where, str(exc))
                    break
                time = _time_of(value)
                title = rest or time or None
        if ref is None and start is None:
            shown = " / ".join(dict.fromkeys(cells.text(v) or "" for v in stack if v is not None))
            reader.problems.add(
                where,
                f"cannot tell which session {shown!r} is: expected a date or a session id or "
                "title of the folder in the heading; if it holds member details, name it "
                "with --organisation-column, --role-column or --level-column, else ignore it "
                "with --skip-column",
            )
            continue
        identity = tuple(
            _identity(header.rows[k][column]) if column < len(header.rows[k]) else ("", "")
            for k in naming
        )
        key = ("column", identity, start)
        own = any(column < len(raw[k]) and cells.text(raw[k][column]) is not None for k in naming)
        if own and key in headed:
            other = reader.grid.at(header.line, headed[key], header.label(headed[key]))
            reader.problems.add(
                where,
                f"the same heading as {str(other).split(': ', 1)[1]}: two sessions that "
                "cannot be told apart; make the headings differ (a title, a part of the day "
                "or a time), or skip one with --skip-column",
            )
            continue
        if own:
            headed[key] = column
        slot = reader.slot(
            where, key=key, ref=ref, start=start, end=end, title=title, details=(time,)
        )
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
    accept: Accept | None = None,
    kind_labels: Collection[str] = (),
) -> Batch:
    """Read an attendance sheet into records to merge into ``base`` (``None``: a new folder)."""
    options = options or ColumnOptions()
    if form is None:
        form = guess_form(grid, options)
    fields = MEMBER_FIELDS + (SESSION_FIELDS if form == "long" else ())
    header = find_header(grid, options, fields)
    reader = Matcher(grid, base, header, accept=accept, kind_labels=kind_labels)
    if form == "long":
        _long(reader)
    else:
        _matrix(reader)
    return reader.batch(base, name or grid.source, form)
