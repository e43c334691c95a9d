"""Exporting every record to .xlsx, and the round trip back to an equal community."""

from __future__ import annotations

import datetime as dt
import typing
from pathlib import Path

import attrs
import openpyxl
import pytest
from click.testing import CliRunner, Result

import copharvest
from copharvest import model
from copharvest.cli import cli
from copharvest.model import (
    Chapter,
    Colophon,
    Community,
    Guest,
    Lesson,
    LessonKind,
    LessonText,
    Member,
    Organisation,
    Pair,
    PairTable,
    Passage,
    Period,
    PlaceKind,
    ProgrammeItem,
    Quote,
    Reading,
    Session,
    Settings,
    TableKind,
    Verdict,
    Visibility,
    WorkForm,
)
from copharvest.sheets.layout import TABLES, flat_columns, is_nested_list
from copharvest.store import COLLECTIONS
from strategies import add_pictures

ROOT = Path(__file__).resolve().parent.parent
EXAMPLES = sorted(p.parent for p in ROOT.glob("examples/**/community.yaml"))
OFF = Visibility.OFF_RECORD


def _run(*args: str | Path) -> Result:
    return CliRunner().invoke(cli, [str(a) for a in args])


def _round_trip(folder: Path, tmp_path: Path) -> Community:
    target = tmp_path / "records.xlsx"
    exported = _run("export", folder, "--xlsx", target)
    assert exported.exit_code == 0, exported.output
    copy = tmp_path / "copy"
    imported = _run("import", target, copy)
    assert imported.exit_code == 0, imported.output
    for picture in folder.rglob("*.png"):  # pictures are files of their own, not records
        (copy / picture.relative_to(folder)).write_bytes(picture.read_bytes())
    return copharvest.load(copy)


@pytest.mark.parametrize("folder", EXAMPLES, ids=lambda p: str(p.relative_to(ROOT)))
def test_examples_round_trip(folder: Path, tmp_path: Path) -> None:
    assert _round_trip(folder, tmp_path) == copharvest.load(folder)


def test_starter_round_trip(starter: Path, tmp_path: Path) -> None:
    assert _round_trip(starter, tmp_path) == copharvest.load(starter)


AWKWARD = Community(
    name="=SUM(A1:A3)",
    subtitle='"quoted"',
    period=Period(start=dt.date(2009, 1, 1), end=dt.date(2011, 5, 31)),
    pack="wijkenaanpak",
    locale="nl",
    colophon=Colophon(
        publisher="#N/A",
        address=("Postbus 1", "2500 AA  Den Haag"),
        text_by=("a; b", "c"),
        editors=("",),
        contributors=("[first]",),
        date=dt.date(2011, 5, 1),
    ),
    intro=(
        Passage(text="Line one\nline two"),
        Passage(text="", visibility=Visibility.INTERNAL),
        Passage(text="tab\there and a control \x01 character", visibility=OFF),
    ),
    cover_image="cover.png",
    settings=Settings(core_rate=0.7, core_min=4, as_of=dt.date(2011, 1, 1), group_by="role"),
    building_lessons=(LessonText(number=3, title="Kern", explanation=" leading space"),),
    organisations=(
        Organisation(id="o1", name="1984", kind="", level="city", city="Zwolle"),
        Organisation(id="o2", name="Ministerie", kind="ministry", level="national"),
    ),
    members=(
        Member(id="m1", name="Ann", organisation="o1", role="x", consent=True),
        Member(
            id="m2",
            name="Bob",
            organisation="o2",
            joined=dt.date(2009, 2, 1),
            left=dt.date(2010, 12, 31),
            level="district",
        ),
    ),
    sessions=(
        Session(
            id="s1",
            start=dt.date(2009, 3, 12),
            end=dt.date(2009, 3, 13),
            title="Aftrap",
            place="Zwolle",
            place_kind=PlaceKind.PRACTICE,
            theme="wonen",
            guests=(Guest(name="G. Gast", description="socioloog", id="g1"), Guest(name="Anon")),
            programme=(
                ProgrammeItem(title="Boek", form=WorkForm.BOOK_DISCUSSION),
                ProgrammeItem(title="Geheim", form=WorkForm.OTHER, description="d", visibility=OFF),
            ),
            preparation=("m1",),
            attendance=("m2", "m1"),
            notes=(Passage(text="niet voor het boekje", visibility=OFF),),
        ),
        Session(id="s2", start=dt.date(2009, 6, 1)),
    ),
    readings=(
        Reading(
            id="r1",
            title="2010",
            authors=("X",),
            year=2008,
            session="s1",
            presented_by=("m1",),
            verdict=Verdict.SKIP,
            note="n",
            visibility=OFF,
        ),
    ),
    chapters=(
        Chapter(
            id="c1",
            part=1,
            title="Hoe",
            body=(Passage(text="Een"), Passage(text="Twee", visibility=OFF)),
        ),
        Chapter(id="c2", part=2, title="Wat", theme="wonen", visibility=Visibility.INTERNAL),
    ),
    lessons=(
        Lesson(text="Les", kind=LessonKind.TIP, chapter="c1", session="s1", visibility=OFF),
        Lesson(text="Les", id="l2", title="T"),
    ),
    quotes=(
        Quote(text="Zei ik", speaker="m2", session="s1", chapter="c2", visibility=OFF),
        Quote(text="Gast", speaker="g1", id="q2"),
    ),
    tables=(
        PairTable(
            id="t1",
            title="Van naar",
            left_label="Van",
            right_label="Naar",
            chapter="c2",
            rows=(Pair(left="a", right="b"), Pair(left="c", right="", visibility=OFF)),
        ),
        PairTable(id="t2", title="Dilemma", kind=TableKind.DILEMMA, visibility=OFF),
    ),
)


def test_awkward_values_round_trip(tmp_path: Path) -> None:
    community = AWKWARD
    folder = tmp_path / "awkward"
    copharvest.save(community, folder)
    add_pictures(community, folder)
    assert copharvest.load(folder) == community
    assert _round_trip(folder, tmp_path) == community


def test_first_sheet_says_it_is_not_a_publication(starter: Path, tmp_path: Path) -> None:
    target = tmp_path / "out.xlsx"
    assert _run("export", starter, "--xlsx", target).exit_code == 0
    workbook = openpyxl.load_workbook(target, read_only=True)
    assert workbook.sheetnames[0] == "about"
    text = " ".join(
        str(v) for row in workbook["about"].iter_rows(values_only=True) for v in row if v
    )
    for phrase in (
        "copharvest records",
        "not a publication",
        "off the record",
        "did not consent",
        "geen publicatie",
        "niet voor het boekje",
        "geen toestemming",
    ):
        assert phrase in text
    for table in TABLES:
        assert table.name in workbook.sheetnames
    for name in (
        "community",
        "attendance",
        "metrics",
        "member_metrics",
        "session_metrics",
        "organisation_metrics",
        "health",
    ):
        assert name in workbook.sheetnames
    workbook.close()


def test_matrix_has_tiers_and_marks(starter: Path, tmp_path: Path) -> None:
    target = tmp_path / "out.xlsx"
    assert _run("export", starter, "--xlsx", target).exit_code == 0
    workbook = openpyxl.load_workbook(target, read_only=True)
    rows = list(workbook["attendance"].iter_rows(values_only=True))
    workbook.close()
    assert rows[0][4] == dt.datetime(2025, 3, 12)
    assert rows[1] == ("id", "name", "organisation", "tier", "s1")
    assert rows[2][0] == "ann"
    assert rows[2][3] == "peripheral"
    assert rows[2][4] == "x"


def test_exported_matrix_imports_back_without_changes(starter: Path, tmp_path: Path) -> None:
    target = tmp_path / "out.xlsx"
    assert _run("export", starter, "--xlsx", target).exit_code == 0
    result = _run("import", target, starter, "--format", "matrix", "--sheet", "attendance")
    assert result.exit_code == 0, result.output
    assert "nothing to change" in result.output


def test_edited_records_workbook_reports_conflicts(starter: Path, tmp_path: Path) -> None:
    target = tmp_path / "out.xlsx"
    assert _run("export", starter, "--xlsx", target).exit_code == 0
    workbook = openpyxl.load_workbook(target)
    members = workbook["members"]
    assert members["B1"].value == "name"
    members["B2"] = "Ann Other"
    workbook["lessons"].append(["A new lesson"])
    workbook.save(target)
    before = (starter / "members.yaml").read_bytes()
    result = _run("import", target, starter)
    assert result.exit_code == 1
    assert (
        "out.xlsx[members]:2: column B (name): member 'ann' (Ann Example): name differs: the "
        "folder has 'Ann Example', the sheet 'Ann Other'"
    ) in result.output
    assert (starter / "members.yaml").read_bytes() == before
    dry = _run("import", target, starter, "--accept-conflicts", "folder", "--dry-run")
    assert "add a lesson: 'A new lesson'" in dry.output
    assert _run("import", target, starter, "--accept-conflicts", "sheet").exit_code == 0
    c = copharvest.load(starter)
    assert c.member("ann").name == "Ann Other"
    assert c.lessons[-1].text == "A new lesson"


def test_bad_cell_in_records_workbook_is_located(starter: Path, tmp_path: Path) -> None:
    target = tmp_path / "out.xlsx"
    assert _run("export", starter, "--xlsx", target).exit_code == 0
    workbook = openpyxl.load_workbook(target)
    assert workbook["sessions"]["F1"].value == "place_kind"
    workbook["sessions"]["F2"] = "garden"
    workbook["members"]["Z1"] = "hobby"
    workbook.save(target)
    result = _run("import", target, tmp_path / "new")
    assert result.exit_code == 1
    assert "out.xlsx[sessions]:2: column F (place_kind): expected one of venue, practice" in (
        result.output
    )
    assert "out.xlsx[members]:1: column Z (hobby): unknown column 'hobby'" in result.output
    assert not (tmp_path / "new").exists()


def test_layout_carries_every_field() -> None:
    sheets = {(t.parent, t.parent_field) for t in TABLES if t.parent_field}
    collection_of = {cls: name for name, cls in COLLECTIONS.items()}
    # records nested in the community's own fields: a part's introduction, an annex's groups
    collection_of |= {model.PartText: "parts", model.Annexes: "community"}
    prefix = {model.Annexes: "annexes."}
    for cls in (v for v in vars(model).values() if isinstance(v, type) and attrs.has(v)):
        hints = typing.get_type_hints(cls)
        for field in attrs.fields(cls):
            if cls is Community and field.name in COLLECTIONS:
                assert any(t.collection == field.name for t in TABLES), field.name
            elif is_nested_list(hints[field.name]):
                parent = "community" if cls is Community else collection_of[cls]
                name = prefix.get(cls, "") + field.name
                assert (parent, name) in sheets, f"{cls.__name__}.{field.name}"
    columns = {c.key for c in flat_columns(Community)}
    assert {"name", "period.start", "colophon.date", "settings.core_rate"} <= columns


def test_export_refuses_a_broken_folder_and_keeps_the_old_file(tmp_path: Path) -> None:
    folder = tmp_path / "bad"
    folder.mkdir()
    (folder / "community.yaml").write_text(
        "name: X\nperiod: {start: 2010-13-45}\n", encoding="utf-8"
    )
    target = tmp_path / "old.xlsx"
    target.write_bytes(b"old")
    result = _run("export", folder, "--xlsx", target)
    assert result.exit_code == 1
    assert "community.yaml:2" in result.output
    assert "Traceback" not in result.output
    assert target.read_bytes() == b"old"


def test_export_usage_errors(starter: Path, tmp_path: Path) -> None:
    assert _run("export", starter, "--xlsx", tmp_path / "out.csv").exit_code == 2
    missing = _run("export", starter, "--xlsx", tmp_path / "nowhere" / "out.xlsx")
    assert missing.exit_code == 1
    assert "folder does not exist" in missing.output


def _with_twins(folder: Path) -> Community:
    """The folder's community with two equal lessons and two equal quotes, none with an
    id (saved back to the folder)."""
    c = copharvest.load(folder)
    lesson = Lesson(text="Ask the same question twice.", kind=LessonKind.TIP)
    quote = Quote(text="Twice said, twice meant.", speaker=c.members[0].id)
    twins = attrs.evolve(c, lessons=(*c.lessons, lesson, lesson), quotes=(*c.quotes, quote, quote))
    copharvest.save(twins, folder)
    return copharvest.load(folder)


def test_equal_records_without_ids_round_trip_as_two(starter: Path, tmp_path: Path) -> None:
    twins = _with_twins(starter)
    back = _round_trip(starter, tmp_path)
    assert back == twins
    assert sum(lesson.text == "Ask the same question twice." for lesson in back.lessons) == 2


def test_a_sheet_with_one_more_equal_record_adds_it(starter: Path, tmp_path: Path) -> None:
    twins = _with_twins(starter)
    target = tmp_path / "records.xlsx"
    assert _run("export", starter, "--xlsx", target).exit_code == 0
    again = _run("import", target, starter)  # the same records: nothing to add
    assert again.exit_code == 0, again.output
    assert copharvest.load(starter) == twins
    workbook = openpyxl.load_workbook(target)
    sheet = workbook["lessons"]
    last = [cell.value for cell in sheet[sheet.max_row]]
    assert last[0] == "Ask the same question twice."
    sheet.append(last)  # a third one
    workbook.save(target)
    result = _run("import", target, starter)
    assert result.exit_code == 0, result.output
    lessons = copharvest.load(starter).lessons
    assert sum(lesson.text == "Ask the same question twice." for lesson in lessons) == 3
