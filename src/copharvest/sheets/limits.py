"""Limits on what a spreadsheet may cost to read, checked before it is expanded.

An .xlsx is a zip of XML: a few megabytes can declare gigabytes of cells. The zip's
own directory says how large each part is once unpacked; a workbook over these
limits is refused with one line before any part is decompressed (``zipfile`` stops
at the declared size, so a part cannot grow beyond what it declares). The number of
cells read is capped as the rows arrive, for CSV files too. docs/spreadsheets.md
lists the limits.
"""

from __future__ import annotations

import re
import zipfile
from collections.abc import Callable, Iterable, Iterator, Sequence
from pathlib import Path
from typing import IO, Any, TypeVar
from xml.etree import ElementTree

from openpyxl.utils import column_index_from_string  # type: ignore[import-untyped,unused-ignore]

from copharvest.sheets.problems import Location, SheetError, SheetProblem

MAX_UNCOMPRESSED = 200 * 1024 * 1024
"""Bytes of all the parts of a workbook together, unpacked."""
MAX_SHEET_PART = 100 * 1024 * 1024
"""Bytes of one sheet's XML, unpacked (about 6 million cells; see :data:`MAX_CELLS`)."""
MAX_ENTRIES = 10_000
"""Parts (files) in a workbook's zip."""
MAX_RATIO = 200
"""Unpacked size / packed size of one part larger than :data:`RATIO_FROM` bytes."""
RATIO_FROM = 1024 * 1024
MAX_CSV_BYTES = 100 * 1024 * 1024
"""Size of a CSV file."""
MAX_CELLS = 5_000_000
"""Cells read from one sheet (rows × columns, counting the blanks within a row)."""

_MB = 1024 * 1024


def check_zip(path: Path) -> None:
    """Refuse a workbook whose parts would unpack beyond the limits."""
    where = Location(source=path.name)
    try:
        with zipfile.ZipFile(path) as archive:
            infos = archive.infolist()
    except (zipfile.BadZipFile, OSError, ValueError, EOFError) as exc:
        raise SheetError.one(where, f"cannot read the workbook: {exc}") from None
    if len(infos) > MAX_ENTRIES:
        raise SheetError.one(
            where, f"refused: the workbook has {len(infos):,} parts, more than {MAX_ENTRIES:,}"
        )
    total = sum(i.file_size for i in infos)
    if total > MAX_UNCOMPRESSED:
        raise SheetError.one(
            where,
            f"refused: the workbook unpacks to {total / _MB:,.0f} MB, more than "
            f"{MAX_UNCOMPRESSED // _MB} MB",
        )
    for info in infos:
        if info.filename.startswith("xl/worksheets/") and info.file_size > MAX_SHEET_PART:
            raise SheetError.one(
                where,
                f"refused: sheet part {info.filename!r} unpacks to "
                f"{info.file_size / _MB:,.0f} MB, more than {MAX_SHEET_PART // _MB} MB",
            )
        if info.file_size > RATIO_FROM and info.file_size > MAX_RATIO * max(info.compress_size, 1):
            raise SheetError.one(
                where,
                f"refused: part {info.filename!r} unpacks {info.file_size / _MB:,.0f} MB from "
                f"{info.compress_size:,} bytes (more than {MAX_RATIO} times; a zip bomb?)",
            )


_Row = TypeVar("_Row", bound=Sequence[Any])


def capped(source: str, rows: Iterable[_Row]) -> Iterator[_Row]:
    """``rows``, stopping with one line once more than :data:`MAX_CELLS` cells are read."""
    count = 0
    for number, row in enumerate(rows, start=1):
        count += max(len(row), 1)
        if count > MAX_CELLS:
            raise SheetError.one(
                Location(source=source, row=number),
                f"refused: the sheet has more than {MAX_CELLS:,} cells",
            )
        yield row


_FORMULA = re.compile(rb"<(?:\w+:)?f[\s>/]")
_CELL_REF = re.compile(r"([A-Z]{1,3})(\d+)")


def _local(tag: str) -> str:
    return tag.rsplit("}", 1)[-1]


def _has_formula(xml: IO[bytes]) -> bool:
    tail = b""
    while chunk := xml.read(1 << 20):
        if _FORMULA.search(tail + chunk):
            return True
        tail = chunk[-16:]
    return False


def formulas_without_values(source: str, opener: Callable[[], IO[bytes]]) -> list[SheetProblem]:
    """Cells of a sheet's XML holding a formula but no value computed by the program
    that saved it (reading with cached values only would see them empty)."""
    with opener() as xml:
        if not _has_formula(xml):  # the common case: a quick scan, nothing parsed
            return []
    with opener() as xml:
        return _scan(source, xml)


def _scan(source: str, xml: IO[bytes]) -> list[SheetProblem]:
    problems: list[SheetProblem] = []
    row = column = 0
    try:
        for event, element in ElementTree.iterparse(xml, events=("start", "end")):
            row, column = _visit(source, event, element, row, column, problems)
            if len(problems) >= MAX_FORMULA_PROBLEMS:
                break
    except ElementTree.ParseError as exc:
        raise SheetError.one(Location(source=source), f"cannot read the sheet: {exc}") from None
    return problems


MAX_FORMULA_PROBLEMS = 20


def _visit(
    source: str,
    event: str,
    element: ElementTree.Element,
    row: int,
    column: int,
    problems: list[SheetProblem],
) -> tuple[int, int]:
    tag = _local(element.tag)
    if event == "start":
        if tag == "row":
            given = element.get("r") or ""
            row, column = (int(given) if given.isdigit() else row + 1), 0
        return row, column
    if tag == "row":
        element.clear()
    if tag != "c":
        return row, column
    found = _CELL_REF.fullmatch(element.get("r") or "")
    column = column_index_from_string(found.group(1)) if found else column + 1
    children = {_local(c.tag): c for c in element}
    value = children.get("v")
    # openpyxl and other writers leave <v/> empty; an empty text result is t="str"
    computed = value is not None and (bool(value.text) or element.get("t") == "str")
    if "f" in children and not computed:
        problems.append(
            SheetProblem(
                where=Location(source=source, row=row, column=column - 1),
                message="a formula without a computed value; open and save the file "
                "in Excel or LibreOffice, or type the value",
            )
        )
    element.clear()
    return row, column
