"""Telling records apart on import: sessions on one day, people and organisations as
people write them."""

from __future__ import annotations

import datetime as dt
import shutil
from pathlib import Path
from typing import Any

import pytest
from click.testing import CliRunner, Result
from openpyxl import Workbook

import copharvest
from copharvest.cli import cli
from copharvest.model import Session

ROOT = Path(__file__).resolve().parent.parent
EXAMPLE = ROOT / "examples" / "wijkenaanpak-2009-2011"
DAY = dt.date(2025, 6, 9)


def _run(*args: str | Path) -> Result:
    return CliRunner().invoke(cli, [str(a) for a in args])


def _snapshot(folder: Path) -> dict[str, bytes]:
    return {p.name: p.read_bytes() for p in sorted(folder.iterdir()) if p.is_file()}


def _xlsx(
    path: Path, rows: list[list[Any]], merge: tuple[str, ...] = (), name: str = "Blad1"
) -> Path:
    workbook = Workbook()
    sheet = workbook.active
    assert sheet is not None
    sheet.title = name
    for row in rows:
        sheet.append(row)
    for cell_range in merge:
        sheet.merge_cells(cell_range)
    workbook.save(path)
    return path


def _on_day(folder: Path) -> list[Session]:
    return [s for s in copharvest.load(folder).sessions if s.start == DAY]


# -- two sessions on one day ------------------------------------------------------

TWO_ON_ONE_DAY: list[tuple[str, list[Any], list[tuple[str, str]]]] = [
    (
        "text date and Excel date",
        ["09-06-2025", dt.datetime(2025, 6, 9)],
        [("s-2025-06-09-1", ""), ("s-2025-06-09-2", "")],
    ),
    (
        "part of the day, afternoon first",
        ["09-06-2025 middag", "09-06-2025 ochtend"],
        [("s-2025-06-09-2", "middag"), ("s-2025-06-09-1", "ochtend")],
    ),
    (
        "times",
        ["9 juni 2025 14:00", "9 juni 2025 10.00 uur"],
        [("s-2025-06-09-2", "14:00"), ("s-2025-06-09-1", "10.00 uur")],
    ),
    (
        "Excel dates with a time",
        [dt.datetime(2025, 6, 9, 19, 30), dt.datetime(2025, 6, 9, 9, 0)],
        [("s-2025-06-09-2", "19:30"), ("s-2025-06-09-1", "09:00")],
    ),
]


@pytest.mark.parametrize(
    ("what", "headings", "expected"), TWO_ON_ONE_DAY, ids=[t[0] for t in TWO_ON_ONE_DAY]
)
def test_two_sessions_on_one_day_from_a_matrix(
    starter: Path,
    tmp_path: Path,
    what: str,
    headings: list[Any],
    expected: list[tuple[str, str]],
) -> None:
    sheet = _xlsx(
        tmp_path / "day.xlsx",
        [
            ["Naam", *headings],
            ["Ann Example", "x", None],
            ["Bob Example", "x", "x"],
            ["Carla Nieuw", None, "x"],
        ],
    )
    result = _run("import", sheet, starter)
    assert result.exit_code == 0, result.output
    sessions = {s.id: s for s in _on_day(starter)}
    assert len(sessions) == 2, what
    (first, first_title), (second, second_title) = expected
    assert (sessions[first].title, sessions[first].attendance) == (first_title, ("ann", "bob"))
    assert (sessions[second].title, sessions[second].attendance) == (
        second_title,
        ("bob", "carla-nieuw"),
    )
    # the sessions of that day sort in the order of the day
    ordered = [s.id for s in copharvest.load(starter).sessions_in_order() if s.start == DAY]
    assert ordered == ["s-2025-06-09-1", "s-2025-06-09-2"]
    # the same workbook again: both are found again, nothing changes
    files = _snapshot(starter)
    again = _run("import", sheet, starter)
    if what == "text date and Excel date":
        # two sessions without titles on one day: the headings cannot say which is which
        assert again.exit_code == 1
        assert "2025-06-09 falls on sessions s-2025-06-09-1, s-2025-06-09-2: cannot tell" in (
            again.output
        )
        assert "Traceback" not in again.output
    else:
        assert again.exit_code == 0, again.output
        assert "nothing to change" in again.output
    assert _snapshot(starter) == files


def test_id_and_title_headings_for_two_sessions_already_in_the_folder(
    starter: Path, tmp_path: Path
) -> None:
    first = _xlsx(
        tmp_path / "day.xlsx",
        [["Naam", "09-06-2025 ochtend", "09-06-2025 middag"], ["Ann Example", "x", None]],
    )
    assert _run("import", first, starter).exit_code == 0
    by_id = _xlsx(
        tmp_path / "ids.xlsx",
        [["Naam", "s-2025-06-09-2", "s-2025-06-09-1"], ["Bob Example", "x", None]],
    )
    result = _run("import", by_id, starter)
    assert result.exit_code == 0, result.output
    by_title = _xlsx(tmp_path / "titles.xlsx", [["Naam", "ochtend"], ["Bob Example", "x"]])
    result = _run("import", by_title, starter)
    assert result.exit_code == 0, result.output
    sessions = {s.id: s.attendance for s in _on_day(starter)}
    assert sessions == {"s-2025-06-09-1": ("ann", "bob"), "s-2025-06-09-2": ("bob",)}


def test_two_sessions_on_one_day_from_a_long_csv(starter: Path, tmp_path: Path) -> None:
    csv = tmp_path / "long.csv"
    csv.write_text(
        "Naam;Datum;Tijd\n"
        "Ann Example;9-6-2025;14:00\n"
        "Bob Example;9-6-2025;10:00\n"
        "Carla Nieuw;9-6-2025;14:00\n"
        "Ann Example;9-6-2025;10:00\n",
        encoding="utf-8",
    )
    result = _run("import", csv, starter)
    assert result.exit_code == 0, result.output
    sessions = {s.id: (s.title, s.attendance) for s in _on_day(starter)}
    assert sessions == {
        "s-2025-06-09-1": ("10:00", ("bob", "ann")),
        "s-2025-06-09-2": ("14:00", ("ann", "carla-nieuw")),
    }
    # by id, into the folder that now has both: no crash, the right one gets the row
    ids = tmp_path / "ids.csv"
    ids.write_text("Naam;Sessie\nCarla Nieuw;s-2025-06-09-1\n", encoding="utf-8")
    result = _run("import", ids, starter)
    assert result.exit_code == 0, result.output
    assert {s.id: s.attendance for s in _on_day(starter)}["s-2025-06-09-1"] == (
        "bob",
        "ann",
        "carla-nieuw",
    )


def test_a_date_cell_with_an_impossible_second_date(starter: Path, tmp_path: Path) -> None:
    csv = tmp_path / "long.csv"
    csv.write_text("name,date\nAnn Example,9-6-2025 31-2-2025\n", encoding="utf-8")
    result = _run("import", csv, starter)
    assert result.exit_code == 0, result.output
    assert [s.attendance for s in _on_day(starter)] == [("ann",)]


def test_long_rows_on_one_date_are_one_session_unless_they_differ(
    starter: Path, tmp_path: Path
) -> None:
    csv = tmp_path / "long.csv"
    csv.write_text(
        "name,date,title\n"
        "Ann Example,2025-06-09,Werksessie\n"
        "Bob Example,9-6-2025,werksessie\n"
        "Ann Example,9 juni 2025,Excursie\n",
        encoding="utf-8",
    )
    result = _run("import", csv, starter)
    assert result.exit_code == 0, result.output
    sessions = {s.title: s.attendance for s in _on_day(starter)}
    assert sessions == {"Werksessie": ("ann", "bob"), "Excursie": ("ann",)}


def test_columns_under_one_merged_heading_stay_one_session(starter: Path, tmp_path: Path) -> None:
    sheet = _xlsx(
        tmp_path / "merged.xlsx",
        [
            ["Naam", "09-06-2025 ochtend", None, "09-06-2025 middag"],
            [None, "groep 1", "groep 2", None],
            ["Ann Example", "x", None, None],
            ["Bob Example", None, "x", "x"],
        ],
        merge=("B1:C1",),
    )
    result = _run("import", sheet, starter)
    assert result.exit_code == 0, result.output
    sessions = {s.title: s.attendance for s in _on_day(starter)}
    assert sessions == {"ochtend": ("ann", "bob"), "middag": ("bob",)}


def test_identical_headings_are_a_problem_naming_both(starter: Path, tmp_path: Path) -> None:
    sheet = _xlsx(
        tmp_path / "same.xlsx",
        [["Naam", "09-06-2025", "Rol", "09-06-2025"], ["Ann Example", "x", "a", None]],
    )
    files = _snapshot(starter)
    result = _run("import", sheet, starter, "--skip-column", "Rol")
    assert result.exit_code == 1
    assert result.output.splitlines() == [
        "same.xlsx[Blad1]:1: column D (09-06-2025): the same heading as column B (09-06-2025): "
        "two sessions that cannot be told apart; make the headings differ (a title, a part "
        "of the day or a time), or skip one with --skip-column"
    ]
    assert _snapshot(starter) == files


@pytest.mark.parametrize(
    ("order", "now", "earlier"),
    [
        ("folder date first", "2025-03-14", "2025-03-12"),
        ("other first", "2025-03-12", "2025-03-14"),
    ],
)
def test_conflicting_dates_reported_whatever_the_row_order(
    starter: Path, tmp_path: Path, order: str, now: str, earlier: str
) -> None:
    rows = ["Ann Example;s1;12-3-2025", "Bob Example;s1;14-3-2025"]
    if order == "other first":
        rows.reverse()
    csv = tmp_path / "long.csv"
    csv.write_text("name;session;date\n" + "\n".join(rows) + "\n", encoding="utf-8")
    files = _snapshot(starter)
    result = _run("import", csv, starter)
    assert result.exit_code == 1, result.output
    assert result.output.splitlines() == [
        f"long.csv:3: column B (session): session 's1': start {now!r} differs from "
        f"{earlier!r} in row 2"
    ]
    assert _snapshot(starter) == files


# -- people and organisations -----------------------------------------------------


def test_names_and_ids_match_whatever_case_spacing_and_accents(
    starter: Path, tmp_path: Path
) -> None:
    members = starter / "members.yaml"
    members.write_text(
        members.read_text(encoding="utf-8")
        + "- id: fatima\n  name: Fatima El Amrani\n  organisation: org-a\n",
        encoding="utf-8",
    )
    sheet = _xlsx(
        tmp_path / "p.xlsx",
        [
            ["Id", "Naam", "12-3-2025"],
            [None, "Fátima  el AMRANI ", "x"],
            ["ANN", "Ann Example", "x"],
            [" Bob", None, "x"],
        ],
    )
    result = _run("import", sheet, starter, "--dry-run")
    assert result.exit_code == 0, result.output
    assert "add 1 to attendance (fatima)" in result.output
    assert "add member" not in result.output


def test_a_name_close_to_a_member_is_a_conflict(starter: Path, tmp_path: Path) -> None:
    sheet = _xlsx(tmp_path / "p.xlsx", [["Naam", "12-3-2025"], ["Ann Exampel", "x"]])
    files = _snapshot(starter)
    result = _run("import", sheet, starter)
    assert result.exit_code == 1
    assert (
        "p.xlsx[Blad1]:2: column A (Naam): 'Ann Exampel' is not in the folder but close to "
        "member 'ann' (Ann Example): write the name as the folder does or add a column of "
        "member ids (--id-column); --accept-conflicts sheet adds it as a new member"
    ) in result.output
    assert "--accept-conflicts" in result.output
    assert _snapshot(starter) == files
    folder = _run("import", sheet, starter, "--accept-conflicts", "folder")
    assert folder.exit_code == 1
    assert _snapshot(starter) == files
    accepted = _run("import", sheet, starter, "--accept-conflicts", "sheet")
    assert accepted.exit_code == 0, accepted.output
    assert copharvest.load(starter).member("ann-exampel").name == "Ann Exampel"


@pytest.mark.parametrize(
    "heading",
    [
        "Gemeente",
        "Organisatie",
        "Instelling",
        "Organisation",
        "Organization",
        "Municipality",
        "Gemeentenaam",
        "ORGANISATIE:",
    ],
)
def test_organisation_column_headings_in_dutch_and_english(
    starter: Path, tmp_path: Path, heading: str
) -> None:
    sheet = _xlsx(
        tmp_path / "p.xlsx",
        [
            ["Aanwezigheidslijst CoP 2025"],
            ["Bijgewerkt door het secretariaat"],
            ["Naam", heading, "12-3-2025"],
            ["Dana Doe", "organisation b", "x"],
        ],
    )
    result = _run("import", sheet, starter)
    assert result.exit_code == 0, result.output
    assert copharvest.load(starter).member("dana-doe").organisation == "org-b"


def test_title_rows_stay_out_of_a_heading_and_the_hint_names_the_options(
    starter: Path, tmp_path: Path
) -> None:
    sheet = _xlsx(
        tmp_path / "p.xlsx",
        [["Aanwezigheidslijst CoP 2025"], ["Naam", "Afdeling", "12-3-2025"], ["Ann", "Zuid", "x"]],
    )
    result = _run("import", sheet, starter)
    assert result.exit_code == 1
    assert result.output.splitlines() == [
        "p.xlsx[Blad1]:2: column B (Afdeling): cannot tell which session 'Afdeling' is: "
        "expected a date or a session id or title of the folder in the heading; if it holds "
        "member details, name it with --organisation-column, --role-column or "
        "--level-column, else ignore it with --skip-column"
    ]


@pytest.fixture
def example(tmp_path: Path) -> Path:
    folder = tmp_path / "example"
    shutil.copytree(EXAMPLE, folder)
    return folder


@pytest.mark.parametrize(
    "written", ["Gemeente Arnhem", "gemeente  arnhem", "Municipality Arnhem", "ARNHEM", "Arnhem"]
)
def test_organisation_matched_without_its_kind_label(
    example: Path, tmp_path: Path, written: str
) -> None:
    sheet = _xlsx(
        tmp_path / "p.xlsx",
        [
            ["Naam", "Gemeente", "2011-03-09"],
            ["Jan Jans", written, "x"],
            ["Piet Nieuw", written, "x"],
        ],
    )
    result = _run("import", sheet, example, "--dry-run")
    assert result.exit_code == 0, result.output
    assert "add member 'piet-nieuw' (Piet Nieuw)" in result.output
    assert "add organisation" not in result.output
    assert "conflict" not in result.output
    applied = _run("import", sheet, example)
    assert applied.exit_code == 0, applied.output
    assert copharvest.load(example).member("piet-nieuw").organisation == "arnhem"


def test_a_settled_conflict_leaves_no_unused_organisation(starter: Path, tmp_path: Path) -> None:
    sheet = _xlsx(
        tmp_path / "p.xlsx", [["Naam", "Organisatie", "12-3-2025"], ["Ann Example", "Org C", "x"]]
    )
    result = _run("import", sheet, starter)
    assert result.exit_code == 1
    assert "organisation differs: the folder has 'org-a', the sheet 'org-c'" in result.output
    kept = _run("import", sheet, starter, "--accept-conflicts", "folder")
    assert kept.exit_code == 0, kept.output
    c = copharvest.load(starter)
    assert [o.id for o in c.organisations] == ["org-a", "org-b"]
    assert c.member("ann").organisation == "org-a"
