"""Hostile and damaged sheets: one located line, exit 1, the folder untouched; and an
export that writes every text as text, whatever it holds."""

from __future__ import annotations

import codecs
import datetime as dt
import errno
import io
import zipfile
from collections.abc import Callable
from pathlib import Path
from typing import Any

import openpyxl
import pytest
from click.testing import CliRunner, Result
from openpyxl import Workbook

import copharvest
from copharvest.cli import cli
from copharvest.model import Community, Member, Organisation, Period, Session
from copharvest.sheets import codec, limits


def _run(*args: str | Path) -> Result:
    return CliRunner().invoke(cli, [str(a) for a in args])


def _snapshot(folder: Path) -> dict[str, bytes]:
    return {p.name: p.read_bytes() for p in sorted(folder.iterdir()) if p.is_file()}


def _workbook(rows: list[list[Any]]) -> bytes:
    workbook = Workbook()
    sheet = workbook.active
    assert sheet is not None
    sheet.title = "Blad1"
    for row in rows:
        sheet.append(row)
    buffer = io.BytesIO()
    workbook.save(buffer)
    return buffer.getvalue()


def _edit_sheet(data: bytes, edit: Callable[[bytes], bytes]) -> bytes:
    """The workbook with its first sheet's XML edited."""
    out = io.BytesIO()
    with zipfile.ZipFile(io.BytesIO(data)) as src, zipfile.ZipFile(out, "w") as dst:
        for info in src.infolist():
            content = src.read(info.filename)
            if info.filename == "xl/worksheets/sheet1.xml":
                content = edit(content)
            dst.writestr(info.filename, content, zipfile.ZIP_DEFLATED)
    return out.getvalue()


def _with_entry(name: str, size: int) -> Callable[[Path], None]:
    """A real workbook with one more part of ``size`` zero bytes (a zip bomb)."""

    def write(path: Path) -> None:
        path.write_bytes(_workbook([["name", "2025-03-12"], ["Ann Example", "x"]]))
        with (
            zipfile.ZipFile(path, "a", zipfile.ZIP_DEFLATED) as archive,
            archive.open(name, "w", force_zip64=True) as part,
        ):
            block = b"\0" * (1 << 20)
            for _ in range(size // len(block)):
                part.write(block)

    return write


def _many_entries(path: Path) -> None:
    path.write_bytes(_workbook([["name"]]))
    with zipfile.ZipFile(path, "a") as archive:
        for i in range(limits.MAX_ENTRIES):
            archive.writestr(f"junk/{i}", b"")


def _wide_rows(path: Path) -> None:
    # one cell at the last column of each row: every row reads as 16,384 cells
    rows = "".join(
        f'<row r="{r}"><c r="XFD{r}" t="inlineStr"><is><t>x</t></is></c></row>'
        for r in range(2, 400)
    )
    base = _workbook([["name"]])
    path.write_bytes(
        _edit_sheet(base, lambda xml: xml.replace(b"</sheetData>", rows.encode() + b"</sheetData>"))
    )


def _formula(path: Path) -> None:
    path.write_bytes(
        _workbook([["name", "2025-03-12"], ["Ann Example", "x"], ["Bob Example", "=IF(1,1,0)"]])
    )


def _malformed_xml(path: Path) -> None:
    base = _workbook([["name", "2025-03-12"], ["Ann Example", "x"]])
    path.write_bytes(_edit_sheet(base, lambda xml: xml.replace(b"</sheetData>", b"<row>")))


def _bytes(data: bytes) -> Callable[[Path], None]:
    return lambda path: path.write_bytes(data)


HUGE_FIELD = b'name;date\n"' + b"a" * 140_000 + b'";2025-03-12\n'
MIXED = "Naam;Datum\nJosé Müller;12-3-2025\nAnn Example;12-3-2025\n".encode() + (
    b"Ren\xe9 Smit;12-3-2025\n"
)

HOSTILE: list[tuple[str, str, Callable[[Path], None], str]] = [
    ("not a zip", "a.xlsx", _bytes(b"PK\x03\x04 not really"), "a.xlsx: cannot read the workbook"),
    ("zip without workbook", "a.xlsx", _bytes(b""), "a.xlsx: cannot read the workbook"),
    (
        "zip bomb: total size",
        "a.xlsx",
        _with_entry("xl/media/big.bin", limits.MAX_UNCOMPRESSED + (1 << 20)),
        "a.xlsx: refused: the workbook unpacks to 201 MB, more than 200 MB",
    ),
    (
        "sheet part too large",
        "a.xlsx",
        _with_entry("xl/worksheets/sheet9.xml", limits.MAX_SHEET_PART + (1 << 20)),
        "a.xlsx: refused: sheet part 'xl/worksheets/sheet9.xml' unpacks to 101 MB, more than "
        "100 MB",
    ),
    (
        "zip bomb: ratio",
        "a.xlsx",
        _with_entry("xl/worksheets/sheet9.xml", 8 << 20),
        "a.xlsx: refused: part 'xl/worksheets/sheet9.xml' unpacks 8 MB",
    ),
    ("too many parts", "a.xlsx", _many_entries, "a.xlsx: refused: the workbook has 10,009 parts"),
    (
        "too many cells",
        "a.xlsx",
        _wide_rows,
        "a.xlsx[Blad1]:307: refused: the sheet has more than 5,000,000 cells",
    ),
    (
        "formula without a value",
        "a.xlsx",
        _formula,
        "a.xlsx[Blad1]:3: column B: a formula without a computed value",
    ),
    ("malformed sheet", "a.xlsx", _malformed_xml, "a.xlsx[Blad1]: cannot read the sheet"),
    ("mixed encodings", "a.csv", _bytes(MIXED), "a.csv:4: mixed encodings: the file is UTF-8"),
    (
        "neither UTF-8 nor Windows-1252",
        "a.csv",
        _bytes(b"name;date\nAnn\x81;12-3-2025\n"),
        "a.csv:2: unknown encoding: byte 0x81",
    ),
    (
        "broken UTF-16",
        "a.csv",
        _bytes(codecs.BOM_UTF16_LE + "name;date\n".encode("utf-16-le") + b"\x00\xdc"),
        "a.csv:2: not valid UTF-16",
    ),
    (
        "broken UTF-8 after its BOM",
        "a.csv",
        _bytes(codecs.BOM_UTF8 + b"name;date\nAnn;12-3-2025\n\xff;x\n"),
        "a.csv:3: not valid UTF-8",
    ),
    (
        "field over the csv limit",
        "a.csv",
        _bytes(HUGE_FIELD),
        "a.csv:2: cannot read the CSV: a field",
    ),
    ("binary csv", "a.csv", _bytes(b"name\x00\x01"), "a.csv: binary file, expected CSV text"),
]


@pytest.mark.parametrize(("what", "name", "make", "line"), HOSTILE, ids=[h[0] for h in HOSTILE])
def test_hostile_sheet_is_one_located_line(
    starter: Path, tmp_path: Path, what: str, name: str, make: Callable[[Path], None], line: str
) -> None:
    path = tmp_path / name
    make(path)
    before = _snapshot(starter)
    sheet_before = path.read_bytes()
    for args in ((), ("--dry-run",)):
        result = _run("import", path, starter, *args)
        assert result.exit_code == 1, (what, result.output)
        assert "Traceback" not in result.output
        lines = result.output.splitlines()
        assert len(lines) == 1, lines
        assert lines[0].startswith(line), lines
    assert _snapshot(starter) == before
    assert path.read_bytes() == sheet_before


@pytest.mark.parametrize(
    ("cell", "value", "line"),
    [
        (
            "I2",
            "[" * 100_000 + "]" * 100_000,
            "out.xlsx[sessions]:2: column I (attendance): not a valid list: '[[[[[",
        ),
        ("B2", "2025-02-30", "out.xlsx[sessions]:2: column B (start): impossible date"),
        ("B2", 10**30, "out.xlsx[sessions]:2: column B (start): expected a date"),
    ],
)
def test_hostile_cells_in_a_records_workbook(
    starter: Path, tmp_path: Path, cell: str, value: Any, line: str
) -> None:
    target = tmp_path / "out.xlsx"
    assert _run("export", starter, "--xlsx", target).exit_code == 0
    workbook = openpyxl.load_workbook(target)
    workbook["sessions"][cell] = value
    workbook.save(target)
    before = _snapshot(starter)
    result = _run("import", target, starter)
    assert result.exit_code == 1
    assert "Traceback" not in result.output
    assert result.output.startswith(line), result.output
    assert _snapshot(starter) == before


def test_formula_with_a_computed_value_is_read(starter: Path, tmp_path: Path) -> None:
    # what Excel saves: the formula and, beside it, the value it computed
    data = _workbook([["name", "2025-06-01"], ["Ann Example", '=IF(1,"x","")']])
    path = tmp_path / "computed.xlsx"
    path.write_bytes(
        _edit_sheet(
            data,
            lambda xml: xml.replace(b"<v></v>", b"<v>x</v>").replace(
                b'<c r="B2">', b'<c r="B2" t="str">'
            ),
        )
    )
    result = _run("import", path, starter)
    assert result.exit_code == 0, result.output
    session = copharvest.load(starter).sessions[-1]
    assert (session.start, session.attendance) == (dt.date(2025, 6, 1), ("ann",))


@pytest.mark.parametrize(
    ("encoding", "prefix"),
    [
        ("utf-8", b""),
        ("utf-8", codecs.BOM_UTF8),
        ("utf-16-le", codecs.BOM_UTF16_LE),
        ("utf-16-be", codecs.BOM_UTF16_BE),
        ("cp1252", b""),
    ],
)
def test_csv_encodings_decided_for_the_whole_file(
    starter: Path, tmp_path: Path, encoding: str, prefix: bytes
) -> None:
    text = "Naam;Datum\r\nJosé Müller;12-3-2025\r\nFrançoise Œuvre – €;12-3-2025\r\n"
    path = tmp_path / "people.csv"
    path.write_bytes(prefix + text.encode(encoding))
    result = _run("import", path, starter)
    assert result.exit_code == 0, result.output
    names = {m.name for m in copharvest.load(starter).members}
    assert {"José Müller", "Françoise Œuvre – €"} <= names


# -- export -------------------------------------------------------------------------

HOSTILE_TEXT = '=HYPERLINK("http://x","y")'
HOSTILE_ID = "=1+1"
CONTROL = "tab\there, bell\x07, \x1b[31mred, U+FFFE \ufffe and U+FFFF \uffff, cr\r"


def _hostile_community() -> Community:
    return Community(
        name=f"{HOSTILE_TEXT} {CONTROL}",
        period=Period(start=dt.date(2025, 1, 1)),
        organisations=(Organisation(id=HOSTILE_ID, name=HOSTILE_TEXT),),
        members=(
            Member(id=HOSTILE_ID, name=HOSTILE_TEXT, organisation=HOSTILE_ID, consent=True),
            Member(id="ctl", name=CONTROL, role="#REF!", organisation=HOSTILE_ID),
        ),
        sessions=(
            Session(
                id="=s1",
                start=dt.date(2025, 3, 12),
                title=HOSTILE_TEXT,
                attendance=(HOSTILE_ID, "ctl"),
            ),
            Session(id="@s2", start=dt.date(2025, 4, 12), title=CONTROL, attendance=("ctl",)),
        ),
    )


def test_export_writes_every_text_as_text(tmp_path: Path) -> None:
    folder = tmp_path / "hostile"
    community = _hostile_community()
    copharvest.save(community, folder)
    assert copharvest.load(folder) == community
    target = tmp_path / "out.xlsx"
    result = _run("export", folder, "--xlsx", target)
    assert result.exit_code == 0, result.output
    workbook = openpyxl.load_workbook(target)
    seen: set[str] = set()
    for sheet in workbook.worksheets:
        for row in sheet.iter_rows():
            for cell in row:
                assert cell.data_type != "f", (sheet.title, cell.coordinate, cell.value)
                if isinstance(cell.value, str):
                    seen.add(sheet.title)
                    assert cell.data_type == "s"
    for name in ("attendance", "member_metrics", "session_metrics", "members", "sessions"):
        assert name in seen
    matrix = [[c.value for c in row] for row in workbook["attendance"].iter_rows()]
    assert matrix[1][4:] == ["=s1", "@s2"]
    assert matrix[2][:3] == [HOSTILE_ID, HOSTILE_TEXT, HOSTILE_ID]
    member_metrics = [c.value for c in next(workbook["member_metrics"].iter_rows(min_row=2))]
    assert member_metrics[0] == HOSTILE_ID
    # the records come back exactly, control characters included
    copy = tmp_path / "copy"
    imported = _run("import", target, copy)
    assert imported.exit_code == 0, imported.output
    assert copharvest.load(copy) == community


def test_export_disk_full_is_one_line_and_no_half_file(
    starter: Path, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    target = tmp_path / "out.xlsx"
    target.write_bytes(b"the earlier export")

    def full(fd: int) -> None:
        raise OSError(errno.ENOSPC, "No space left on device")

    monkeypatch.setattr("copharvest.store.write.os.fsync", full)
    result = _run("export", starter, "--xlsx", target)
    assert result.exit_code == 1
    assert result.output.splitlines() == [f"Error: {target}: cannot write: No space left on device"]
    assert target.read_bytes() == b"the earlier export"
    assert sorted(p.name for p in tmp_path.iterdir()) == ["harvest", "out.xlsx"]


def test_export_into_a_file_path_that_is_not_a_folder(starter: Path, tmp_path: Path) -> None:
    blocker = tmp_path / "file"
    blocker.write_text("x", encoding="utf-8")
    result = _run("export", starter, "--xlsx", blocker / "out.xlsx")
    assert result.exit_code == 1
    assert len(result.output.splitlines()) == 1
    assert "Traceback" not in result.output


@pytest.mark.parametrize(
    "text",
    [
        "",
        '"quoted"',
        "=SUM(A1:A9)",
        "#N/A",
        "bell\x07 esc\x1b nul\x00",
        "lone \ud800 surrogate \udfff",
        "U+FFFE \ufffe U+FFFF \uffff",
        "tab\tline\nfeed",
        "\\u0041 stays a backslash",
    ],
)
def test_every_text_survives_a_cell(text: str) -> None:
    workbook = Workbook(write_only=True)
    sheet = workbook.create_sheet("t")
    sheet.append([codec.to_cell(sheet, "text", text), codec.to_cell(sheet, "list", [text, "b"])])
    buffer = io.BytesIO()
    workbook.save(buffer)
    back = openpyxl.load_workbook(io.BytesIO(buffer.getvalue()), read_only=True)
    row = next(back["t"].iter_rows(values_only=True))
    back.close()
    assert codec.from_cell("text", row[0]) == text
    assert codec.from_cell("list", row[1]) == [text, "b"]
