"""The records workbook's layout: a sheet per kind of record, a column per field.

The layout is derived from the model, so every field travels: nested lists of records
(a session's guests, a chapter's paragraphs and blocks, a table's rows, a part's
introduction, an annex's groups) get sheets of their own whose first column names the
parent record. A chapter's block has a column per field of the model (``kind``,
``text``, ``ref``, ...), not the files' short form.
"""

from __future__ import annotations

import datetime as dt
import enum
import types
import typing
from functools import cache
from typing import Any, Literal

import attrs

from copharvest import model
from copharvest.store.folder import COLLECTIONS

Kind = Literal["text", "list", "numbers", "date", "bool", "plain"]


@attrs.frozen(kw_only=True)
class Column:
    """One column: a field, or a dotted path into a nested record."""

    key: str
    """The heading: ``name``, or ``period.start`` for a nested field."""
    kind: Kind
    """How its cells are written and read."""


@attrs.frozen(kw_only=True)
class Table:
    """One records sheet."""

    name: str
    """Sheet name."""
    cls: type
    """The record type of a row."""
    collection: str | None = None
    """The community's collection it holds, for a top-level sheet."""
    parent: str | None = None
    """For a nested sheet: the parent sheet."""
    parent_field: str | None = None
    """The parent's field that holds these rows."""
    key: str | None = None
    """The heading of the column that names the parent record."""
    parent_key: str = "id"
    """The parent record's field that the ``key`` column holds (a part's ``number``)."""

    @property
    def columns(self) -> tuple[Column, ...]:
        """The columns, in order (the parent key first for a nested sheet)."""
        own = flat_columns(self.cls)
        if self.key is None:
            return own
        return (Column(key=self.key, kind="text"), *own)


def _strip_none(tp: Any) -> Any:
    if typing.get_origin(tp) in (types.UnionType, typing.Union):
        args = [a for a in typing.get_args(tp) if a is not type(None)]
        return args[0] if len(args) == 1 else tp
    return tp


def kind_of(tp: Any) -> Kind:
    """How a field of type ``tp`` is put in a cell."""
    tp = _strip_none(tp)
    if tp is str or (isinstance(tp, type) and issubclass(tp, enum.Enum)):
        return "text"
    if tp is dt.date:
        return "date"
    if tp is bool:
        return "bool"
    if typing.get_origin(tp) is tuple and typing.get_args(tp)[0] is str:
        return "list"
    if typing.get_origin(tp) is tuple and typing.get_args(tp)[0] is int:
        return "numbers"
    return "plain"


def is_nested_list(tp: Any) -> bool:
    """A field holding a list of records (it gets a sheet of its own)."""
    return typing.get_origin(tp) is tuple and attrs.has(typing.get_args(tp)[0])


@cache
def flat_columns(cls: type, prefix: str = "") -> tuple[Column, ...]:
    """The cell columns of a record type; nested records are flattened with dots."""
    hints = typing.get_type_hints(cls)
    out: list[Column] = []
    for field in attrs.fields(cls):
        tp = hints[field.name]
        if is_nested_list(tp) or (cls is model.Community and field.name in COLLECTION_SHEETS):
            continue
        if cls is model.Community and field.name == "annexes":
            continue  # only lists of groups: sheets of their own
        if attrs.has(_strip_none(tp)):
            out.extend(flat_columns(_strip_none(tp), f"{prefix}{field.name}."))
            continue
        out.append(Column(key=f"{prefix}{field.name}", kind=kind_of(tp)))
    return tuple(out)


COMMUNITY_SHEET = "community"
ABOUT_SHEET = "about"
MARKER = "copharvest records"
"""The first cell of a records workbook; import recognises the workbook by it."""
WORKBOOK_VERSION = 1

COLLECTION_SHEETS = tuple(COLLECTIONS)
"""A sheet per harvest file of records, in the same order."""

TABLES: tuple[Table, ...] = (
    Table(name="intro", cls=model.Passage, parent=COMMUNITY_SHEET, parent_field="intro"),
    Table(
        name="building_lessons",
        cls=model.LessonText,
        parent=COMMUNITY_SHEET,
        parent_field="building_lessons",
    ),
    Table(name="parts", cls=model.PartText, parent=COMMUNITY_SHEET, parent_field="parts"),
    Table(
        name="part_intro",
        cls=model.Passage,
        parent="parts",
        parent_field="intro",
        key="part",
        parent_key="number",
    ),
    Table(
        name="annex_lessons",
        cls=model.AnnexGroup,
        parent=COMMUNITY_SHEET,
        parent_field="annexes.building_lessons",
    ),
    Table(
        name="annex_insights",
        cls=model.AnnexGroup,
        parent=COMMUNITY_SHEET,
        parent_field="annexes.insights",
    ),
    Table(name="organisations", cls=model.Organisation, collection="organisations"),
    Table(name="members", cls=model.Member, collection="members"),
    Table(name="sessions", cls=model.Session, collection="sessions"),
    Table(name="guests", cls=model.Guest, parent="sessions", parent_field="guests", key="session"),
    Table(
        name="programme",
        cls=model.ProgrammeItem,
        parent="sessions",
        parent_field="programme",
        key="session",
    ),
    Table(
        name="session_notes",
        cls=model.Passage,
        parent="sessions",
        parent_field="notes",
        key="session",
    ),
    Table(name="readings", cls=model.Reading, collection="readings"),
    Table(name="chapters", cls=model.Chapter, collection="chapters"),
    Table(
        name="chapter_body",
        cls=model.Passage,
        parent="chapters",
        parent_field="body",
        key="chapter",
    ),
    Table(
        name="chapter_blocks",
        cls=model.ChapterBlock,
        parent="chapters",
        parent_field="blocks",
        key="chapter",
    ),
    Table(name="lessons", cls=model.Lesson, collection="lessons"),
    Table(name="quotes", cls=model.Quote, collection="quotes"),
    Table(name="tables", cls=model.PairTable, collection="tables"),
    Table(name="pairs", cls=model.Pair, parent="tables", parent_field="rows", key="table"),
)
"""Every records sheet after ``community``, in workbook order."""
