"""Writing every record of a community to a workbook, and reading them back exactly."""

from __future__ import annotations

from collections.abc import Iterable, Iterator
from typing import Any

import attrs
from openpyxl.workbook import Workbook  # type: ignore[import-untyped,unused-ignore]

from copharvest.model import BlockKind, ChapterBlock, Community
from copharvest.sheets import cells, codec
from copharvest.sheets.layout import COMMUNITY_SHEET, TABLES, Column, Table, flat_columns
from copharvest.sheets.merge import Incoming
from copharvest.sheets.problems import Location, SheetError, SheetProblem
from copharvest.sheets.reader import Book, Grid
from copharvest.store.blocks_form import block_field_of, block_fields, block_short_form
from copharvest.store.converter import converter
from copharvest.store.structure import Found, structure
from copharvest.store.validate import did_you_mean


def _get(data: dict[str, Any], key: str) -> Any:
    value: Any = data
    for part in key.split("."):
        if not isinstance(value, dict):
            return None
        value = value.get(part)
    return value


def _set(data: dict[str, Any], key: str, value: Any) -> None:
    *parents, last = key.split(".")
    for part in parents:
        data = data.setdefault(part, {})
    data[last] = value


TABLE_NAMED = {t.name: t for t in TABLES}
CHILD_KEY = {t.parent: t.parent_key for t in TABLES if t.key is not None}
"""Parent sheet -> the field of its records that the child sheets' key column holds."""


def _field(record: Any, dotted: str) -> Any:
    for part in dotted.split("."):
        record = getattr(record, part)
    return record


def _records(community: Community, table: Table) -> Iterator[tuple[str | None, Any]]:
    """(parent id, record) for every row of ``table``."""
    if table.collection is not None:
        for record in getattr(community, table.collection):
            yield None, record
        return
    assert table.parent_field is not None
    if table.parent == COMMUNITY_SHEET:
        for record in _field(community, table.parent_field):
            yield None, record
        return
    parent_table = TABLE_NAMED[str(table.parent)]
    parents = _field(community, str(parent_table.collection or parent_table.parent_field))
    for parent in parents:
        for record in getattr(parent, table.parent_field):
            yield str(getattr(parent, table.parent_key)), record


def _unstructured(record: Any) -> dict[str, Any]:
    data = converter.unstructure(record)
    if isinstance(record, ChapterBlock):
        return block_fields(data)  # a column per field, not the files' short form
    # a public passage unstructures to its bare text
    return data if isinstance(data, dict) else {"text": data}


def write_records(workbook: Workbook, community: Community) -> None:
    """Add the ``community`` sheet and one sheet per table of records."""
    sheet = workbook.create_sheet(COMMUNITY_SHEET)
    sheet.column_dimensions["A"].width = 28
    sheet.column_dimensions["B"].width = 60
    sheet.append(["field", "value"])
    header = _unstructured(attrs.evolve(community, **_empty_children(community)))
    for column in flat_columns(Community):
        value = _get(header, column.key)
        if value is not None:
            sheet.append([column.key, codec.to_cell(sheet, column.kind, value)])
    for table in TABLES:
        sheet = workbook.create_sheet(table.name)
        columns = table.columns
        sheet.append([c.key for c in columns])
        for parent_id, record in _records(community, table):
            data = _unstructured(record)
            row = []
            for column in columns:
                value = parent_id if column.key == table.key else _get(data, column.key)
                row.append(codec.to_cell(sheet, column.kind, value))
            sheet.append(row)


def _empty_children(community: Community) -> dict[str, Any]:
    return {
        t.parent_field: ()
        for t in TABLES
        if t.parent == COMMUNITY_SHEET and t.parent_field and "." not in t.parent_field
    }


class _Problems(list[SheetProblem]):
    def add(self, where: Location, message: str) -> None:
        self.append(SheetProblem(where=where, message=message))


def _structured(
    grid: Grid,
    cls: type,
    data: dict[str, Any],
    row: int,
    places: dict[str, int],
    problems: _Problems,
) -> Any:
    kinds = [k.value for k in BlockKind]
    errors: list[Found]
    if cls is ChapterBlock and data.get("kind") not in kinds:
        word = str(data.get("kind") or "")
        hint = did_you_mean(word, kinds) if word else ""
        value, errors = None, [(("kind",), f"expected one of {', '.join(kinds)}{hint}")]
    elif cls is ChapterBlock:
        value, errors = structure(block_short_form(data), cls)
        errors = [
            ((block_field_of(str(path[0]), data.get("kind")), *path[1:]) if path else path, m)
            for path, m in errors
        ]
    else:
        value, errors = structure(data, cls)
    for path, message in errors:
        key = ".".join(str(p) for p in path if isinstance(p, str))
        column = places.get(key)
        if column is None:
            column = next((c for k, c in places.items() if key.startswith(f"{k}.")), None)
        header = key if column is not None else ""
        problems.add(grid.at(row, column, header), message)
    return value


def _rows(
    grid: Grid, columns: tuple[Column, ...], problems: _Problems
) -> Iterable[tuple[int, dict[str, Any], dict[str, int]]]:
    """(row number, unstructured data, key -> column) for every record row."""
    if not grid.rows:
        return
    _, head = grid.rows[0]
    known = {c.key: c for c in columns}
    places: dict[str, int] = {}
    for i, value in enumerate(head):
        key = cells.text(value)
        if key is None:
            continue
        if key not in known:
            problems.add(grid.at(grid.rows[0][0], i, key), f"unknown column {key!r}")
        elif key in places:
            problems.add(grid.at(grid.rows[0][0], i, key), f"column {key!r} appears twice")
        else:
            places[key] = i
    for number, row in grid.rows[1:]:
        data: dict[str, Any] = {}
        for key, i in places.items():
            if i >= len(row) or row[i] is None:
                continue
            try:
                _set(data, key, codec.from_cell(known[key].kind, row[i]))
            except cells.CellError as exc:
                problems.add(grid.at(number, i, key), str(exc))
        yield number, data, places


def read_records(book: Book) -> tuple[Incoming, dict[str, list[Incoming]]]:
    """The community and its records from a records workbook."""
    problems = _Problems()
    names = set(book.names)
    if COMMUNITY_SHEET not in names:
        raise SheetError.one(Location(source=book.path.name), "no 'community' sheet")
    header, header_fields = _read_header(book.grid(COMMUNITY_SHEET), problems)
    parents: dict[str, dict[str, int]] = {}
    collections: dict[str, list[Incoming]] = {}
    lists: dict[str, list[Any]] = {}  # community field (``annexes.insights``) -> its records
    children: dict[tuple[str, str], dict[str | None, list[Any]]] = {}
    for table in TABLES:
        if table.name not in names:
            continue
        grid = book.grid(table.name)
        own = {c.key for c in flat_columns(table.cls)}
        for number, data, places in _rows(grid, table.columns, problems):
            parent_id = data.pop(table.key, None) if table.key else None
            record = _structured(grid, table.cls, data, number, places, problems)
            if record is None:
                continue
            if table.collection is not None:
                fields = {k: grid.at(number, i, k) for k, i in places.items() if k in own}
                item = Incoming(record=record, where=grid.at(number), fields=fields)
                items = collections.setdefault(table.collection, [])
                if hasattr(record, "id"):
                    parents.setdefault(table.name, {}).setdefault(record.id, len(items))
                items.append(item)
                continue
            assert table.parent is not None
            assert table.parent_field is not None
            if table.parent == COMMUNITY_SHEET:
                items_ = lists.setdefault(table.parent_field, [])
                if table.name in CHILD_KEY:
                    key = str(getattr(record, CHILD_KEY[table.name]))
                    parents.setdefault(table.name, {}).setdefault(key, len(items_))
                items_.append(record)
                continue
            if table.key is not None and parent_id not in parents.get(table.parent, {}):
                where = grid.at(number, places.get(table.key), table.key or "")
                problems.add(where, f"no {table.key} {parent_id!r} in the {table.parent} sheet")
                continue
            children.setdefault((table.parent, table.parent_field), {}).setdefault(
                parent_id, []
            ).append(record)
    if problems:
        raise SheetError(problems)
    for (parent, field), groups in children.items():
        parent_table = TABLE_NAMED[parent]
        if parent_table.collection is None:
            records_ = lists[str(parent_table.parent_field)]
            for parent_id, records in groups.items():
                i = parents[parent][str(parent_id)]
                records_[i] = attrs.evolve(records_[i], **{field: tuple(records)})
            continue
        items = collections[parent]
        for parent_id, records in groups.items():
            i = parents[parent][str(parent_id)]
            items[i] = attrs.evolve(
                items[i], record=attrs.evolve(items[i].record, **{field: tuple(records)})
            )
    community = _with_lists(header, lists)
    return Incoming(
        record=community, where=header_fields["name"], fields=header_fields
    ), collections


def _with_lists(header: Community, lists: dict[str, list[Any]]) -> Community:
    """``header`` with the community's lists read from their sheets (``annexes.insights``)."""
    nested: dict[str, dict[str, Any]] = {}
    updates: dict[str, Any] = {}
    for field, records in lists.items():
        if "." in field:
            outer, inner = field.split(".", 1)
            nested.setdefault(outer, {})[inner] = tuple(records)
        else:
            updates[field] = tuple(records)
    for outer, fields in nested.items():
        updates[outer] = attrs.evolve(getattr(header, outer), **fields)
    return attrs.evolve(header, **updates)


def _read_header(grid: Grid, problems: _Problems) -> tuple[Community, dict[str, Location]]:
    columns = {c.key: c for c in flat_columns(Community)}
    data: dict[str, Any] = {}
    fields: dict[str, Location] = {}
    rows: dict[str, int] = {}
    for number, row in grid.rows[1:]:
        key = cells.text(row[0]) if row else None
        value = row[1] if len(row) > 1 else None
        if key is None:
            continue
        where = grid.at(number, 1, key)
        if key not in columns:
            problems.add(grid.at(number, 0, "field"), f"unknown field {key!r}")
            continue
        fields[key] = where
        rows[key] = number
        if value is None:
            continue
        try:
            _set(data, key, codec.from_cell(columns[key].kind, value))
        except cells.CellError as exc:
            problems.add(where, str(exc))
    fields.setdefault("name", grid.at())
    value, errors = structure(data, Community)
    for path, message in errors:
        key = ".".join(str(p) for p in path if isinstance(p, str))
        problems.add(fields.get(key, grid.at()), message)
    if value is None:
        raise SheetError(problems)
    return value, fields
