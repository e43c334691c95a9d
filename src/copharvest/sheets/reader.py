"""Opening a spreadsheet (.xlsx or .csv) as plain rows of values, for reading only."""

from __future__ import annotations

import warnings
import zipfile
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path
from typing import Any
from xml.etree.ElementTree import ParseError

import attrs

from copharvest.sheets.csvtext import csv_rows
from copharvest.sheets.limits import capped, check_zip, formulas_without_values
from copharvest.sheets.problems import Location, SheetError

Row = tuple[Any, ...]
EXCEL_SUFFIXES = (".xlsx", ".xlsm")


@attrs.frozen
class Grid:
    """The non-blank rows of one sheet, each with its 1-based row number."""

    source: str
    """How messages name the sheet: ``file.xlsx[Sheet]`` or ``file.csv``."""
    rows: list[tuple[int, Row]]
    """(row number, values); blank rows are left out."""

    def at(self, row: int | None = None, column: int | None = None, header: str = "") -> Location:
        """A location in this sheet; ``column`` is 0-based."""
        return Location(source=self.source, row=row, column=column, header=header)


def _blank(row: Row) -> bool:
    return all(v is None or (isinstance(v, str) and not v.strip()) for v in row)


def _rows(values: Iterator[Row]) -> list[tuple[int, Row]]:
    return [(number, row) for number, row in enumerate(values, start=1) if not _blank(row)]


# what openpyxl raises on a damaged or hostile part, beyond the zip's own errors
_DAMAGED = (
    zipfile.BadZipFile,
    KeyError,
    IndexError,
    ValueError,
    TypeError,
    AttributeError,
    OverflowError,
    EOFError,
    ParseError,
    OSError,
)


class Book:
    """An open spreadsheet: its sheet names and, on demand, each sheet's rows."""

    def __init__(self, path: Path, workbook: Any | None) -> None:
        self.path = path
        self._workbook = workbook

    @property
    def names(self) -> list[str]:
        """Sheet names in workbook order (one unnamed sheet for CSV)."""
        if self._workbook is None:
            return [""]
        return list(self._workbook.sheetnames)

    def grid(self, sheet: str | None = None) -> Grid:
        """The rows of ``sheet`` (default: the first sheet)."""
        if self._workbook is None:
            return Grid(source=self.path.name, rows=csv_rows(self.path))
        names = self.names
        name = names[0] if sheet is None else sheet
        if name not in names:
            shown = ", ".join(repr(n) for n in names)
            raise SheetError.one(
                Location(source=self.path.name), f"no sheet {sheet!r}; it has {shown}"
            )
        source = f"{self.path.name}[{name}]"
        ws = self._workbook[name]
        try:
            with warnings.catch_warnings():
                warnings.simplefilter("ignore")  # a problem is reported below, or not at all
                # Producers other than Excel often declare a wrong size; read what is there.
                ws.reset_dimensions()
                rows = _rows(capped(source, ws.iter_rows(values_only=True)))
                formulas = formulas_without_values(source, ws._get_source)
        except _DAMAGED as exc:
            raise SheetError.one(Location(source=source), f"cannot read the sheet: {exc}") from None
        if formulas:
            raise SheetError(formulas)
        return Grid(source=source, rows=rows)


@contextmanager
def open_book(path: Path) -> Iterator[Book]:
    """Open ``path`` for reading; every failure becomes a :class:`SheetError`."""
    where = Location(source=path.name)
    if not path.is_file():
        raise SheetError.one(where, "no such file" if not path.exists() else "not a file")
    suffix = path.suffix.lower()
    if suffix == ".csv":
        yield Book(path, None)
        return
    if suffix not in EXCEL_SUFFIXES:
        raise SheetError.one(where, "expected an .xlsx or .csv file")
    import openpyxl  # type: ignore[import-untyped,unused-ignore]

    check_zip(path)
    try:
        with warnings.catch_warnings():
            warnings.simplefilter("ignore")
            workbook = openpyxl.load_workbook(path, read_only=True, data_only=True)
    except _DAMAGED as exc:
        raise SheetError.one(where, f"cannot read the workbook: {exc}") from None
    try:
        yield Book(path, workbook)
    finally:
        workbook.close()
