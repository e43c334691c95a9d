"""Importing attendance sheets: messy sheets, conflicts, dry runs and bad input."""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable
from pathlib import Path
from typing import Any

import pytest
from click.testing import CliRunner, Result
from openpyxl import Workbook

import copharvest
from copharvest.cli import cli
from copharvest.sheets import cells

Sheet = Callable[..., Path]


def _snapshot(folder: Path) -> dict[str, tuple[bytes, int]]:
    return {
        p.name: (p.read_bytes(), p.stat().st_mtime_ns)
        for p in sorted(folder.iterdir())
        if p.is_file()
    }


def _run(*args: str | Path) -> Result:
    return CliRunner().invoke(cli, [str(a) for a in args])


@pytest.fixture
def xlsx(tmp_path: Path) -> Sheet:
    """Write a workbook from rows; ``merge`` lists ranges to merge, like Excel users do."""

    def write(
        rows: list[list[Any]], name: str = "people.xlsx", merge: tuple[str, ...] = ()
    ) -> Path:
        workbook = Workbook()
        sheet = workbook.active
        assert sheet is not None
        sheet.title = "Blad1"
        for row in rows:
            sheet.append(row)
        for cell_range in merge:
            sheet.merge_cells(cell_range)
        path = tmp_path / name
        workbook.save(path)
        return path

    return write


MESSY = [
    ["Deelnemer", None, None, "Bijeenkomsten 2025"],
    [
        "Naam ",
        "Organisatie",
        "Functie",
        dt.datetime(2025, 3, 12),
        45800,
        "10-9-2025",
        "2025-11-20 Utrecht",
        "Totaal",
    ],
    [],
    ["Ann Example  ", "Organisation A", "project leader", "x", "X", None, "✓", 3],
    ["bob example", " organisation b", None, 1, "ja", "yes", None, 3],
    ["Carla  Nieuw ", "Gemeente Zwolle", "wijkregisseur", None, "x", "x", "x", 3],
    [None, None, None, None, None, None, None],
    ["ANN EXAMPLE", None, None, None, None, "1", None],
    ["Totaal", None, None, 2, 3, 3, 2],
]


def test_messy_matrix_imports_correctly(starter: Path, xlsx: Sheet) -> None:
    sheet = xlsx(MESSY, merge=("A1:C1", "D1:G1"))
    before = sheet.read_bytes()
    result = _run("import", sheet, starter)
    assert result.exit_code == 0, result.output
    assert sheet.read_bytes() == before
    c = copharvest.load(starter)
    sessions = {s.id: s for s in c.sessions}
    serial = dt.date(1899, 12, 30) + dt.timedelta(days=45800)
    assert set(sessions) == {"s1", f"s-{serial.isoformat()}", "s-2025-09-10", "s-2025-11-20"}
    # the date cell falls on the folder's s1: nobody new there
    assert sessions["s1"].attendance == ("ann", "bob")
    assert sessions[f"s-{serial.isoformat()}"].attendance == ("ann", "bob", "carla-nieuw")
    # "ANN EXAMPLE" is Ann: her second row adds a session
    assert sessions["s-2025-09-10"].attendance == ("bob", "carla-nieuw", "ann")
    assert sessions["s-2025-11-20"].attendance == ("ann", "carla-nieuw")
    assert sessions["s-2025-11-20"].title == "Utrecht"
    members = {m.id: m for m in c.members}
    assert set(members) == {"ann", "bob", "carla-nieuw"}
    carla = members["carla-nieuw"]
    assert (carla.name, carla.organisation, carla.role) == (
        "Carla Nieuw",
        "gemeente-zwolle",
        "wijkregisseur",
    )
    assert c.organisation("gemeente-zwolle").name == "Gemeente Zwolle"
    assert members["ann"].organisation == "org-a"
    assert members["bob"].organisation == "org-b"
    assert len(c.organisations) == 3


def test_import_twice_changes_nothing(starter: Path, xlsx: Sheet) -> None:
    sheet = xlsx(MESSY, merge=("A1:C1", "D1:G1"))
    assert _run("import", sheet, starter).exit_code == 0
    files = _snapshot(starter)
    again = _run("import", sheet, starter)
    assert again.exit_code == 0, again.output
    assert "nothing to change" in again.output
    assert _snapshot(starter) == files


def test_dry_run_writes_nothing(starter: Path, xlsx: Sheet) -> None:
    sheet = xlsx(MESSY, merge=("A1:C1", "D1:G1"))
    files = _snapshot(starter)
    result = _run("import", sheet, starter, "--dry-run")
    assert result.exit_code == 0, result.output
    assert "Dry run: nothing written" in result.output
    assert "add member 'carla-nieuw' (Carla Nieuw)" in result.output
    assert "add organisation 'gemeente-zwolle' (Gemeente Zwolle)" in result.output
    assert "session 's1'" not in result.output
    assert "sessions.yaml" in result.output
    assert _snapshot(starter) == files


CONFLICT = [
    ["Naam", "Organisatie", "Rol", "2025-03-12"],
    ["Ann Example", "Organisation B", "project leader", "x"],
    ["New Person", "Organisation A", None, "x"],
]


def test_conflict_is_reported_and_nothing_is_written(starter: Path, xlsx: Sheet) -> None:
    sheet = xlsx(CONFLICT)
    files = _snapshot(starter)
    result = _run("import", sheet, starter)
    assert result.exit_code == 1
    assert (
        "people.xlsx[Blad1]:2: column B (Organisatie): member 'ann' (Ann Example): organisation "
        "differs: the folder has 'org-a', the sheet 'org-b'"
    ) in result.output
    assert "1 conflict with" in result.output
    assert "Traceback" not in result.output
    assert _snapshot(starter) == files


@pytest.mark.parametrize(("accept", "organisation"), [("sheet", "org-b"), ("folder", "org-a")])
def test_accepted_conflicts(starter: Path, xlsx: Sheet, accept: str, organisation: str) -> None:
    sheet = xlsx(CONFLICT)
    result = _run("import", sheet, starter, "--accept-conflicts", accept)
    assert result.exit_code == 0, result.output
    c = copharvest.load(starter)
    assert c.member("ann").organisation == organisation
    assert c.member("new-person").organisation == "org-a"
    assert "new-person" in c.sessions[0].attendance


def test_session_date_conflict_by_id(starter: Path, tmp_path: Path) -> None:
    csv = tmp_path / "long.csv"
    csv.write_text("name;session;date\nAnn Example;s1;14-3-2025\n", encoding="utf-8")
    result = _run("import", csv, starter)
    assert result.exit_code == 1
    assert (
        "long.csv:2: column B (session): session 's1': start differs: the folder has "
        "2025-03-12, the sheet 2025-03-14"
    ) in result.output


def test_session_before_the_period_is_a_conflict(starter: Path, xlsx: Sheet) -> None:
    sheet = xlsx([["name", "2024-12-01"], ["Bob Example", "x"]])
    result = _run("import", sheet, starter)
    assert result.exit_code == 1
    assert "community: period.start differs: the folder has 2025-01-01, the sheet 2024-12-01" in (
        result.output
    )
    assert _run("import", sheet, starter, "--accept-conflicts", "sheet").exit_code == 0
    assert copharvest.load(starter).period.start == dt.date(2024, 12, 1)


def test_long_csv_into_a_new_folder(tmp_path: Path) -> None:
    csv = tmp_path / "aanwezig.csv"
    csv.write_text(
        "Naam;Organisatie;Bijeenkomst;Datum;Plaats;Aanwezig\n"
        "Jan de Vries ;Gemeente Zwolle;Aftrap;12-3-2010;Zwolle;ja\n"
        "jan de vries;Gemeente Zwolle;Tweede;2010-06-10;Leeuwarden;x\n"
        "Els Bakker;Ministerie;Aftrap;12-3-2010;Zwolle;nee\n"
        ";;;;;\n"
        "Els Bakker;Ministerie;Tweede;10 juni 2010;Leeuwarden;✓\n",
        encoding="utf-8",
    )
    folder = tmp_path / "new"
    result = _run("import", csv, folder)
    assert result.exit_code == 0, result.output
    c = copharvest.load(folder)
    assert c.name == "aanwezig"
    assert c.period.start == dt.date(2010, 3, 12)
    assert [(s.id, s.title, s.place, s.attendance) for s in c.sessions] == [
        ("aftrap", "Aftrap", "Zwolle", ("jan-de-vries",)),
        ("tweede", "Tweede", "Leeuwarden", ("jan-de-vries", "els-bakker")),
    ]
    assert [m.id for m in c.members] == ["jan-de-vries", "els-bakker"]
    assert [o.id for o in c.organisations] == ["gemeente-zwolle", "ministerie"]


def test_column_mapping_options(starter: Path, tmp_path: Path) -> None:
    csv = tmp_path / "odd.csv"
    csv.write_text("Wie,Waar werkt,Wanneer\nDana Doe,Organisation B,2025-06-01\n", encoding="utf-8")
    result = _run(
        "import", csv, starter, "--format", "long",
        "--name-column", "wie", "--organisation-column", "B", "--date-column", "Wanneer",
    )  # fmt: skip
    assert result.exit_code == 0, result.output
    c = copharvest.load(starter)
    assert c.member("dana-doe").organisation == "org-b"
    assert any(s.start == dt.date(2025, 6, 1) for s in c.sessions)


def test_sheet_option_and_skipped_columns(starter: Path, tmp_path: Path) -> None:
    workbook = Workbook()
    first = workbook.active
    assert first is not None
    first.append(["nothing here"])
    second = workbook.create_sheet("2025")
    second.append(["name", "e-mail", "Opmerking extra", "2025-03-12"])
    second.append(["Bob Example", "bob@example.org", "late", "x"])
    path = tmp_path / "book.xlsx"
    workbook.save(path)
    result = _run(
        "import", path, starter, "--sheet", "2025", "--skip-column", "opmerking extra", "--dry-run"
    )
    assert result.exit_code == 0, result.output
    assert "nothing to change" in result.output


BAD = [
    (
        "unknown mark",
        [["name", "2025-03-12"], ["Ann Example", "misschien"]],
        "people.xlsx[Blad1]:2: column B (2025-03-12): unknown mark 'misschien'; expected x, 1, "
        "ja, yes or ✓ for present; blank, 0, nee or no for absent",
    ),
    (
        "impossible date",
        [["name", "31-2-2025"], ["Ann Example", "x"]],
        "people.xlsx[Blad1]:1: column B (31-2-2025): impossible date '31-2-2025'",
    ),
    (
        "column that is no session",
        [["name", "Lunch"], ["Ann Example", "x"]],
        "people.xlsx[Blad1]:1: column B (Lunch): cannot tell which session 'Lunch' is",
    ),
    (
        "no name column",
        [["who", "2025-03-12"], ["Ann Example", "x"]],
        "people.xlsx[Blad1]:1: no column of member names found",
    ),
    (
        "same person, two organisations",
        [["name", "organisation", "2025-03-12"], ["Zed", "Org X", "x"], ["zed", "Org Y", "x"]],
        "people.xlsx[Blad1]:3: column B (organisation): member 'zed': organisation 'org-y' "
        "differs from 'org-x' in row 2",
    ),
]


@pytest.mark.parametrize(("what", "rows", "line"), BAD, ids=[b[0] for b in BAD])
def test_bad_sheets_get_one_located_line(
    starter: Path, xlsx: Sheet, what: str, rows: list[list[Any]], line: str
) -> None:
    sheet = xlsx(rows)
    files = _snapshot(starter)
    result = _run("import", sheet, starter)
    assert result.exit_code == 1, what
    assert line in result.output
    assert "Traceback" not in result.output
    assert _snapshot(starter) == files


def test_result_that_would_not_load_is_refused(starter: Path, xlsx: Sheet) -> None:
    members = starter / "members.yaml"
    members.write_text(
        members.read_text(encoding="utf-8").replace(
            "consent: false", "consent: false\n  left: 2025-04-01"
        ),
        encoding="utf-8",
    )
    sheet = xlsx([["name", "10-9-2025"], ["Bob Example", "x"]])
    files = _snapshot(starter)
    result = _run("import", sheet, starter)
    assert result.exit_code == 1
    assert (
        "people.xlsx[Blad1]:1: column B (10-9-2025): member 'bob' attends on 2025-09-10, after "
        "leaving on 2025-04-01"
    ) in result.output
    assert _snapshot(starter) == files


@pytest.mark.parametrize(
    ("name", "content", "message"),
    [
        ("missing.xlsx", None, "missing.xlsx: no such file"),
        ("notes.txt", b"hello", "notes.txt: expected an .xlsx or .csv file"),
        ("broken.xlsx", b"not a zip", "broken.xlsx: cannot read the workbook"),
        ("binary.csv", b"a\x00b", "binary.csv: binary file, expected CSV text"),
    ],
)
def test_unreadable_files(
    starter: Path, tmp_path: Path, name: str, content: bytes | None, message: str
) -> None:
    path = tmp_path / name
    if content is not None:
        path.write_bytes(content)
    result = _run("import", path, starter)
    assert result.exit_code == 1
    assert message in result.output
    assert "Traceback" not in result.output


def test_unknown_sheet_name(starter: Path, xlsx: Sheet) -> None:
    result = _run("import", xlsx(CONFLICT), starter, "--sheet", "Blad9")
    assert result.exit_code == 1
    assert "people.xlsx: no sheet 'Blad9'; it has 'Blad1'" in result.output


def test_folder_with_problems_is_reported_first(tmp_path: Path, xlsx: Sheet) -> None:
    folder = tmp_path / "bad"
    folder.mkdir()
    (folder / "community.yaml").write_text("name: X\n", encoding="utf-8")
    result = _run("import", xlsx(CONFLICT), folder)
    assert result.exit_code == 1
    assert "community.yaml" in result.output
    assert "period" in result.output
    assert "Traceback" not in result.output


@pytest.mark.parametrize(
    ("value", "expected"),
    [
        (dt.datetime(2010, 3, 12), dt.date(2010, 3, 12)),
        (40249, dt.date(2010, 3, 12)),
        (40249.0, dt.date(2010, 3, 12)),
        ("2010-03-12", dt.date(2010, 3, 12)),
        ("12-3-2010", dt.date(2010, 3, 12)),
        ("12/03/2010", dt.date(2010, 3, 12)),
        (" 12 maart 2010 ", dt.date(2010, 3, 12)),
        ("12 March 2010", dt.date(2010, 3, 12)),
        ("2010-03-12 00:00:00", dt.date(2010, 3, 12)),
    ],
)
def test_dates_in_every_form(value: Any, expected: dt.date) -> None:
    assert cells.date(value) == expected


@pytest.mark.parametrize("value", ["x", "X", 1, "1", "ja", "Ja", "yes", "✓", "✔", True, 1.0])
def test_present_marks(value: Any) -> None:
    assert cells.mark(value) is True


@pytest.mark.parametrize("value", [None, "", " ", 0, "nee", "no", "-", False])
def test_absent_marks(value: Any) -> None:
    assert cells.mark(value) is False


@pytest.mark.parametrize(
    ("heading", "expected"),
    [
        (
            "Bijeenkomst 2 (12-3-2009 t/m 13-3-2009)",
            (dt.date(2009, 3, 12), dt.date(2009, 3, 13), "Bijeenkomst 2"),
        ),
        ("Zwolle: 12-3-2009", (dt.date(2009, 3, 12), None, "Zwolle")),
        ("Sessie 3, 1 juni 2010", (dt.date(2010, 6, 1), None, "Sessie 3")),
        ("Bijeenkomst 1 in 2009", (None, None, "Bijeenkomst 1 in 2009")),
        (40249, (dt.date(2010, 3, 12), None, "")),
    ],
)
def test_session_headings(heading: Any, expected: tuple[Any, ...]) -> None:
    assert cells.header_date(heading) == expected


def test_two_day_session_under_one_merged_heading(starter: Path, xlsx: Sheet) -> None:
    rows = [
        ["name", "1-6-2025 t/m 2-6-2025 Deventer"],
        [None, "dag 1", "dag 2"],
        ["Ann Example", "x", None],
        ["Bob Example", None, "x"],
    ]
    sheet = xlsx(rows, merge=("B1:C1",))
    result = _run("import", sheet, starter)
    assert result.exit_code == 0, result.output
    session = copharvest.load(starter).sessions[-1]
    assert (session.id, session.start, session.end, session.attendance) == (
        "s-2025-06-01",
        dt.date(2025, 6, 1),
        dt.date(2025, 6, 2),
        ("ann", "bob"),
    )


def test_csv_saved_by_excel_in_windows_encoding(starter: Path, tmp_path: Path) -> None:
    csv = tmp_path / "excel.csv"
    csv.write_bytes("Naam;Datum\nJosé Müller;12-3-2025\n".encode("cp1252"))
    result = _run("import", csv, starter)
    assert result.exit_code == 0, result.output
    assert copharvest.load(starter).member("jose-muller").name == "José Müller"
