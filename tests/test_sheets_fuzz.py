"""Random cells through ``copharvest import``: a clean result or located lines, never a
traceback, and the folder untouched unless the import succeeds."""

from __future__ import annotations

import csv
import datetime as dt
import io
import tempfile
from pathlib import Path
from typing import Any

from click.testing import CliRunner
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st
from openpyxl import Workbook
from openpyxl.cell.cell import ILLEGAL_CHARACTERS_RE

import copharvest
from copharvest.cli import cli

ROOT = Path(__file__).resolve().parent.parent
SCAFFOLD = ROOT / "src" / "copharvest" / "scaffold" / "harvest"

HEADINGS = [
    "naam", "Name", "organisatie", "Gemeente", "rol", "datum", "date", "sessie", "tijd",
    "titel", "aanwezig", "12-3-2025", "2025-06-09 ochtend", "09-06-2025 middag", "s1",
    "Kick-off", "Totaal", "e-mail", "id",
]  # fmt: skip
WORDS = [
    "x", "ja", "nee", "1", "0", "✓", "Ann Example", "ann", "Bob Example", "Fátima", "s1",
    "Organisation A", "Gemeente Zwolle", "12-3-2025", "31-2-2025", "10:00", "middag",
    "Totaal", "=1+1", '"quoted"', "#REF!",
]  # fmt: skip

texts = st.text(st.characters(codec="utf-8"), max_size=12)
values = st.one_of(
    st.none(),
    st.sampled_from(WORDS),
    st.sampled_from(HEADINGS),
    texts,
    st.integers(-100_000, 100_000),
    st.floats(allow_nan=False, allow_infinity=False, width=32),
    st.booleans(),
    st.dates(dt.date(1900, 3, 1), dt.date(2100, 1, 1)),
    st.datetimes(dt.datetime(1900, 3, 1), dt.datetime(2100, 1, 1)),
)
headers = st.lists(st.one_of(st.none(), st.sampled_from(HEADINGS), texts), max_size=6)
sheets = st.tuples(headers, st.lists(st.lists(values, max_size=6), max_size=6))


def _cell(value: Any) -> Any:
    if isinstance(value, str):
        return ILLEGAL_CHARACTERS_RE.sub("", value)
    return value


def _xlsx(path: Path, rows: list[list[Any]]) -> None:
    workbook = Workbook()
    sheet = workbook.active
    assert sheet is not None
    for row in rows:
        sheet.append([_cell(v) for v in row])
    workbook.save(path)


def _csv(path: Path, rows: list[list[Any]], encoding: str) -> None:
    buffer = io.StringIO()
    writer = csv.writer(buffer, delimiter=";")
    for row in rows:
        writer.writerow(["" if v is None else str(v) for v in row])
    path.write_bytes(buffer.getvalue().encode(encoding, errors="surrogatepass"))


def _copy_starter(folder: Path) -> Path:
    folder.mkdir()
    for item in SCAFFOLD.iterdir():
        (folder / item.name).write_bytes(item.read_bytes())
    return folder


@settings(
    max_examples=40,
    deadline=None,
    suppress_health_check=[HealthCheck.too_slow, HealthCheck.data_too_large],
)
@given(
    sheet=sheets,
    kind=st.sampled_from(["xlsx", "csv-utf-8", "csv-cp1252", "csv-utf-16"]),
    form=st.sampled_from([None, "long", "matrix"]),
)
def test_random_cells_never_end_in_a_traceback(
    sheet: tuple[list[Any], list[list[Any]]], kind: str, form: str | None
) -> None:
    header, body = sheet
    rows = [header, *body]
    with tempfile.TemporaryDirectory() as tmp:
        folder = _copy_starter(Path(tmp) / "harvest")
        before = {p.name: p.read_bytes() for p in folder.iterdir()}
        if kind == "xlsx":
            path = Path(tmp) / "random.xlsx"
            _xlsx(path, rows)
        else:
            path = Path(tmp) / "random.csv"
            encoding = kind.removeprefix("csv-")
            try:
                _csv(path, rows, encoding)
            except UnicodeEncodeError:
                return  # text cp1252 cannot hold: not a file anyone could have
        args = ["import", str(path), str(folder), *(["--format", form] if form else [])]
        result = CliRunner().invoke(cli, args)
        assert result.exception is None or isinstance(result.exception, SystemExit), (
            result.exception
        )
        assert result.exit_code in (0, 1), result.output
        assert "Traceback" not in result.output
        if result.exit_code == 1:
            assert result.output.strip()
            assert {p.name: p.read_bytes() for p in folder.iterdir()} == before
        else:
            copharvest.load(folder)


def test_sheet_error_lines_hold_no_terminal_controls(tmp_path: Path) -> None:
    path = tmp_path / "x.csv"
    path.write_text('naam,"\x1b]0;owned\x07\x1b[31mLunch"\nAnn,x\n', encoding="utf-8")
    result = CliRunner().invoke(cli, ["import", str(path), str(tmp_path / "new")])
    assert result.exit_code == 1
    assert result.output.startswith(
        "x.csv:1: column B (\\x1b]0;owned\\x07\\x1b[31mLunch): cannot tell which session"
    )
    assert "\x1b" not in result.output
