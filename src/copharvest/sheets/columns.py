"""Finding the header of an attendance sheet and what each column holds."""

from __future__ import annotations

import re
from collections.abc import Mapping

import attrs
from openpyxl.utils import column_index_from_string  # type: ignore[import-untyped,unused-ignore]

from copharvest.sheets import cells
from copharvest.sheets.problems import SheetError
from copharvest.sheets.reader import Grid, Row

ALIASES: dict[str, tuple[str, ...]] = {
    "id": ("id", "member id", "lid id", "code"),
    "name": (
        "name", "naam", "member", "lid", "deelnemer", "participant", "full name",
        "volledige naam", "naam deelnemer", "persoon", "person",
    ),
    "organisation": (
        "organisation", "organization", "organisatie", "org", "organisation name",
        "organization name", "organisatienaam", "naam organisatie", "werkgever", "employer",
        "gemeente", "gemeentenaam", "municipality", "instelling", "institution",
        "institute", "instituut", "bedrijf", "company", "corporatie", "organisaties",
    ),
    "role": ("role", "rol", "functie", "function", "job title", "position"),
    "level": ("level", "niveau", "bestuurslaag", "governance level"),
    "session": ("session", "sessie", "bijeenkomst", "meeting", "session id"),
    "date": ("date", "datum", "start", "begin", "startdatum", "start date", "first day"),
    "end": ("end", "end date", "einddatum", "eind", "last day", "tot"),
    "place": ("place", "plaats", "locatie", "location", "venue"),
    "title": ("title", "titel", "session title"),
    "time": ("time", "tijd", "tijdstip", "aanvang", "starttijd", "start time", "dagdeel"),
    "present": ("present", "aanwezig", "attended", "attendance", "aanwezigheid"),
}  # fmt: skip
"""Field -> the headings (English and Dutch, any case) that name its column."""
MEMBER_FIELDS = ("id", "name", "organisation", "role", "level")
SESSION_FIELDS = ("session", "date", "end", "place", "title", "time", "present")
SKIPPED = frozenset(
    {
        "nr", "no", "#", "email", "e-mail", "mail", "telefoon", "phone", "total", "totaal",
        "aantal", "count", "tier", "%", "opmerking", "opmerkingen", "notes", "remarks",
        "comments",
    }
)  # fmt: skip
"""Headings of columns a matrix sheet often has beside the sessions; they are ignored."""
_LETTERS = re.compile(r"[A-Z]{1,3}")
_HEADER_SEARCH = 30


def heading(value: object) -> str:
    """A header cell as a matching key."""
    shown = cells.text(value) or ""
    return cells.key(shown).rstrip(":*. ")


@attrs.frozen(kw_only=True)
class ColumnOptions:
    """What the user said about the columns (``--name-column`` and the like)."""

    names: Mapping[str, str] = attrs.field(factory=dict)
    """Field -> a heading or a column letter."""
    skip: tuple[str, ...] = ()
    """Headings or letters of columns to ignore."""


@attrs.frozen(kw_only=True)
class Header:
    """The header of a sheet: which row it is and what each column holds."""

    index: int
    """Index in ``grid.rows`` of the last header row; data follows it."""
    rows: tuple[Row, ...]
    """The header rows, top to bottom, with merged cells filled in."""
    main_row: int
    """Which of ``rows`` names the columns (the member columns among them)."""
    line: int
    """The sheet's row number of that row."""
    fields: dict[str, int]
    """Field -> 0-based column."""
    skipped: frozenset[int]
    """Columns to ignore."""

    @property
    def main(self) -> Row:
        """The main header row (the one that names the member column)."""
        return self.rows[self.main_row]

    def label(self, column: int) -> str:
        """The heading shown for a column in messages."""
        row = self.main
        return (cells.text(row[column]) or "") if column < len(row) else ""


def _fill(row: Row) -> Row:
    # openpyxl's read-only mode shows a merged range as a value and blanks:
    # give every cell of the range the value, as people read it.
    out: list[object] = []
    last: object = None
    for value in row:
        if value is None or (isinstance(value, str) and not value.strip()):
            value = last
        out.append(value)
        last = value
    return tuple(out)


def _matcher(wanted: str, main: Row) -> int | None:
    wanted_key = heading(wanted)
    for i, value in enumerate(main):
        if heading(value) == wanted_key:
            return i
    if _LETTERS.fullmatch(wanted.strip()):
        return int(column_index_from_string(wanted.strip())) - 1
    return None


def find_header(grid: Grid, options: ColumnOptions, fields: tuple[str, ...]) -> Header:
    """Find the header row and map ``fields`` to columns."""
    if not grid.rows:
        raise SheetError.one(grid.at(), "the sheet is empty")
    name_option = options.names.get("name")

    def names_members(row: Row) -> bool:
        keys = [heading(v) for v in row]
        if name_option is not None and not _LETTERS.fullmatch(name_option.strip()):
            return heading(name_option) in keys
        return any(k in ALIASES["name"] for k in keys) or any(
            heading(o) in keys for o in options.names.values()
        )

    index = None
    for i, (_, row) in enumerate(grid.rows[:_HEADER_SEARCH]):
        if names_members(row):
            index = i
            break
    # a heading merged over a group of columns ("Deelnemer" over name and
    # organisation) may sit above the row that names each column
    while (
        index is not None and index + 1 < len(grid.rows) and names_members(grid.rows[index + 1][1])
    ):
        index += 1
    if index is None:
        if name_option is None:
            raise SheetError.one(
                grid.at(grid.rows[0][0]),
                "no column of member names found (a heading such as 'name' or 'naam'); "
                "name it with --name-column",
            )
        index = 0
    rows = tuple(_fill(row) for _, row in grid.rows[: index + 1])
    main = rows[-1]
    mapped: dict[str, int] = {}
    for field in fields:
        option = options.names.get(field)
        if option is not None:
            column = _matcher(option, main)
            if column is None:
                raise SheetError.one(
                    grid.at(grid.rows[index][0]), f"no column {option!r} for --{field}-column"
                )
            mapped[field] = column
    taken = set(mapped.values())
    for i, value in enumerate(main):
        key = heading(value)
        for field in fields:
            if field not in mapped and i not in taken and key in ALIASES[field]:
                mapped[field] = i
                taken.add(i)
    skipped = {i for i, v in enumerate(main) if heading(v) in SKIPPED and i not in taken}
    for option in options.skip:
        column = _matcher(option, main)
        if column is None:
            raise SheetError.one(grid.at(grid.rows[index][0]), f"no column {option!r} to skip")
        skipped.add(column)
    if "name" not in mapped and "id" not in mapped:
        raise SheetError.one(grid.at(grid.rows[index][0]), "no column of member names found")
    # rows below it without a name are sub-headings ("day 1", "day 2" under a session)
    people = [mapped[f] for f in ("id", "name") if f in mapped]
    main_row, line = len(rows) - 1, grid.rows[index][0]
    while index + 1 < len(grid.rows) and all(
        c >= len(grid.rows[index + 1][1]) or grid.rows[index + 1][1][c] is None for c in people
    ):
        index += 1
        rows += (_fill(grid.rows[index][1]),)
    # a merged heading at the end of a row may not be stored at all: let it reach as
    # far as the rows below it
    width = max(len(r) for r in rows)
    rows = tuple(r + r[-1:] * (width - len(r)) for r in rows[:-1]) + rows[-1:]
    return Header(
        index=index,
        rows=rows,
        main_row=main_row,
        line=line,
        fields=mapped,
        skipped=frozenset(skipped),
    )
