"""Problems in a spreadsheet, one line each: ``sheet:row: column: message``."""

from __future__ import annotations

import re
from collections.abc import Iterable

import attrs
from openpyxl.utils import get_column_letter  # type: ignore[import-untyped,unused-ignore]


@attrs.frozen(kw_only=True)
class Location:
    """A place in a spreadsheet: a sheet, and where known a row and a column."""

    source: str
    """The file, with the sheet in brackets for a workbook: ``people.xlsx[2010]``."""
    row: int | None = None
    """1-based row number."""
    column: int | None = None
    """0-based column index."""
    header: str = ""
    """The column's heading, shown beside its letter."""

    def __str__(self) -> str:
        where = self.source if self.row is None else f"{self.source}:{self.row}"
        if self.column is None:
            return where
        name = f"column {get_column_letter(self.column + 1)}"
        if self.header:
            name += f" ({self.header})"
        return f"{where}: {name}"


@attrs.frozen(kw_only=True)
class SheetProblem:
    """One problem, at one place."""

    where: Location
    """Where it is."""
    message: str
    """What is wrong, for people."""

    def __str__(self) -> str:
        return printable(f"{self.where}: {self.message}")


# what a terminal would act on rather than show: control characters, escapes included
_CONTROL = re.compile("[\x00-\x1f\x7f-\x9f\u2028\u2029]")


def printable(text: str) -> str:
    """``text`` on one line, with control characters from the sheet shown escaped."""
    return _CONTROL.sub(lambda m: ascii(m.group(0))[1:-1], text)


class SheetError(Exception):
    """A spreadsheet could not be read; ``problems`` says why, each on one line."""

    def __init__(self, problems: Iterable[SheetProblem]) -> None:
        self.problems: tuple[SheetProblem, ...] = tuple(problems)
        super().__init__("\n".join(str(p) for p in self.problems))

    @classmethod
    def one(cls, where: Location, message: str) -> SheetError:
        """An error with a single problem."""
        return cls([SheetProblem(where=where, message=message)])
