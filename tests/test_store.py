"""Loading and saving a harvest folder: formats, layout, atomic writes, untouched input."""

from __future__ import annotations

import datetime as dt
import enum
import json
import os
import textwrap
from collections.abc import Callable
from pathlib import Path

import pytest

import copharvest
from copharvest import (
    Colophon,
    Community,
    Member,
    Organisation,
    Passage,
    Period,
    PlaceKind,
    ProgrammeItem,
    Session,
    Visibility,
    WorkForm,
)
from copharvest.store import COLLECTIONS, HarvestError, unstructure
from copharvest.store import write as save_module
from copharvest.store.converter import converter


def _community() -> Community:
    return Community(
        name="Wijkenaanpak: a CoP",
        period=Period(start=dt.date(2009, 3, 1), end=dt.date(2011, 5, 31)),
        locale="nl",
        colophon=Colophon(publisher="Nicis Institute", editors=("Ann Example",)),
        intro=(
            Passage(text="First paragraph."),
            Passage(text="Only for us.\nSecond line.", visibility=Visibility.INTERNAL),
        ),
        organisations=(Organisation(id="rotterdam", name="Rotterdam", level="city"),),
        members=(
            Member(id="ann", name="Ann", organisation="rotterdam", joined=dt.date(2009, 3, 1)),
            Member(id="bob", name="Bob", consent=True),
        ),
        sessions=(
            Session(
                id="s1",
                start=dt.date(2009, 4, 2),
                end=dt.date(2009, 4, 3),
                place_kind=PlaceKind.PRACTICE,
                programme=(ProgrammeItem(title="Clinic", form=WorkForm.CASE_CLINIC),),
                attendance=("ann", "bob"),
            ),
        ),
    )


def _snapshot(folder: Path) -> dict[str, tuple[bytes, int]]:
    return {p.name: (p.read_bytes(), p.stat().st_mtime_ns) for p in sorted(folder.iterdir())}


def test_the_starter_folder_loads(starter: Path) -> None:
    community = copharvest.load(starter)
    assert community.name
    assert community.members
    assert community.sessions


def test_save_writes_one_small_file_per_kind_of_record(tmp_path: Path) -> None:
    written = copharvest.save(_community(), tmp_path)
    names = sorted(p.name for p in written)
    assert names == sorted(["community.yaml", *(f"{n}.yaml" for n in COLLECTIONS)])
    assert sorted(p.name for p in tmp_path.iterdir()) == names
    assert (tmp_path / "tables.yaml").read_text() == "[]\n"


def test_saved_yaml_is_readable_and_in_a_stable_order(tmp_path: Path) -> None:
    copharvest.save(_community(), tmp_path)
    assert (tmp_path / "community.yaml").read_text() == textwrap.dedent(
        """\
        format_version: 2
        name: 'Wijkenaanpak: a CoP'
        period:
          start: 2009-03-01
          end: 2011-05-31
        locale: nl
        colophon:
          publisher: Nicis Institute
          editors:
          - Ann Example
        intro:
        - First paragraph.
        - text: |-
            Only for us.
            Second line.
          visibility: internal
        """
    )
    assert (tmp_path / "members.yaml").read_text() == textwrap.dedent(
        """\
        - id: ann
          name: Ann
          organisation: rotterdam
          joined: 2009-03-01
        - id: bob
          name: Bob
          consent: true
        """
    )
    assert (tmp_path / "sessions.yaml").read_text() == textwrap.dedent(
        """\
        - id: s1
          start: 2009-04-02
          end: 2009-04-03
          place_kind: practice
          programme:
          - title: Clinic
            form: case_clinic
          attendance: [ann, bob]
        """
    )


def test_saving_twice_gives_the_same_bytes(tmp_path: Path) -> None:
    copharvest.save(_community(), tmp_path / "a")
    copharvest.save(copharvest.load(tmp_path / "a"), tmp_path / "b")
    assert {p.name: p.read_bytes() for p in (tmp_path / "a").iterdir()} == {
        p.name: p.read_bytes() for p in (tmp_path / "b").iterdir()
    }


def test_the_format_version_is_always_written(tmp_path: Path) -> None:
    copharvest.save(_community(), tmp_path)
    assert (tmp_path / "community.yaml").read_text().startswith("format_version: 2\n")


def test_save_adds_the_schema_comment(tmp_path: Path) -> None:
    copharvest.save(_community(), tmp_path, schema=".schema/{stem}.schema.json")
    first = (tmp_path / "members.yaml").read_text().splitlines()[0]
    assert first == "# yaml-language-server: $schema=.schema/members.schema.json"
    assert copharvest.load(tmp_path) == _community()


def test_json_files_are_accepted(tmp_path: Path) -> None:
    community = _community()
    for stem, data in unstructure(community).items():
        (tmp_path / f"{stem}.json").write_text(json.dumps(data, ensure_ascii=False, indent=1))
    assert copharvest.load(tmp_path) == community


def test_yaml_and_json_may_be_mixed(tmp_path: Path) -> None:
    community = _community()
    copharvest.save(community, tmp_path)
    members = unstructure(community)["members"]
    (tmp_path / "members.yaml").unlink()
    (tmp_path / "members.json").write_text(json.dumps(members))
    assert copharvest.load(tmp_path) == community


def test_yml_suffix_is_accepted(tmp_path: Path) -> None:
    copharvest.save(_community(), tmp_path)
    (tmp_path / "sessions.yaml").rename(tmp_path / "sessions.yml")
    assert copharvest.load(tmp_path) == _community()


def test_only_the_community_file_is_required(write_files: Callable[..., Path]) -> None:
    folder = write_files({"community.yaml": "name: X\nperiod:\n  start: 2020-01-01\n"})
    community = copharvest.load(folder)
    assert community == Community(name="X", period=Period(start=dt.date(2020, 1, 1)))


def test_hand_written_conveniences(write_files: Callable[..., Path]) -> None:
    """A byte-order mark, CRLF line ends, anchors and merge keys all read as meant."""
    community = (
        "\ufeffname: X\r\nperiod:\r\n  start: 2020-01-01\r\nsubtitle: &sub Same\r\n"
        "intro: [*sub]\r\n"
    )
    sessions = """\
        - &common
          id: s1
          start: 2020-02-01
          place: Town hall
          place_kind: venue
        - <<: *common
          id: s2
          start: 2020-03-01
        """
    folder = write_files({"community.yaml": community.encode(), "sessions.yaml": sessions})
    loaded = copharvest.load(folder)
    assert loaded.subtitle == "Same"
    assert loaded.intro == (Passage(text="Same"),)
    assert [(s.id, s.start, s.place) for s in loaded.sessions] == [
        ("s1", dt.date(2020, 2, 1), "Town hall"),
        ("s2", dt.date(2020, 3, 1), "Town hall"),
    ]


@pytest.mark.parametrize(
    ("written", "value"),
    [
        ("yes", "yes"),
        ("no", "no"),
        ("on", "on"),
        ("0x10", "0x10"),
        ("010", "010"),
        ("1:20", "1:20"),
        ("1_000", "1_000"),
        ("2011-05-01", "2011-05-01"),
        ("~", None),
        ("null", None),
        ("'null'", "null"),
        ("'42'", "42"),
    ],
)
def test_plain_scalars_keep_their_text(
    write_files: Callable[..., Path], written: str, value: str | None
) -> None:
    """Only true/false are booleans and only plain decimals are numbers."""
    folder = write_files(
        {
            "community.yaml": "name: X\nperiod:\n  start: 2020-01-01\n",
            "organisations.yaml": f"- id: o\n  name: O\n  city: {written}\n",
        }
    )
    assert copharvest.load(folder).organisations[0].city == value


def test_loading_never_modifies_the_input(starter: Path) -> None:
    before = _snapshot(starter)
    copharvest.load(starter)
    assert _snapshot(starter) == before
    (starter / "members.yaml").write_text("- id: ann\n  name: 12\n")
    before = _snapshot(starter)
    with pytest.raises(HarvestError):
        copharvest.load(starter)
    assert _snapshot(starter) == before


def test_save_leaves_no_temporary_files(tmp_path: Path) -> None:
    copharvest.save(_community(), tmp_path)
    copharvest.save(_community(), tmp_path)
    assert not [p for p in tmp_path.iterdir() if p.name.startswith(".")]


def test_an_interrupted_save_keeps_the_old_file(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    copharvest.save(_community(), tmp_path)
    before = (tmp_path / "community.yaml").read_bytes()

    def fail(*args: object) -> None:
        raise OSError("disk full")

    monkeypatch.setattr(save_module.os, "replace", fail)
    changed = Community(name="Changed", period=Period(start=dt.date(2020, 1, 1)))
    with pytest.raises(OSError, match="disk full"):
        copharvest.save(changed, tmp_path)
    assert (tmp_path / "community.yaml").read_bytes() == before
    assert not [p for p in tmp_path.iterdir() if p.name.startswith(".")]


def test_atomic_write_keeps_the_file_mode(tmp_path: Path) -> None:
    target = tmp_path / "community.yaml"
    target.write_text("old")
    target.chmod(0o640)
    save_module.atomic_write_text(target, "new")
    assert target.read_text() == "new"
    assert target.stat().st_mode & 0o777 == 0o640


def test_save_refuses_to_be_shadowed_and_writes_nothing(tmp_path: Path) -> None:
    (tmp_path / "sessions.json").write_text("[]")
    with pytest.raises(HarvestError) as info:
        copharvest.save(_community(), tmp_path)
    assert [str(p) for p in info.value.problems] == [
        f"{tmp_path / 'sessions.json'}: would clash with the saved .yaml file; remove it first"
    ]
    assert sorted(os.listdir(tmp_path)) == ["sessions.json"]


def test_enums_are_written_as_their_values() -> None:
    data = converter.unstructure(_community().sessions[0])
    assert data["place_kind"] == "practice"
    assert type(data["place_kind"]) is str
    assert type(data["programme"][0]["form"]) is str


def test_strict_structuring_without_coercion() -> None:
    """What cattrs would coerce by default is refused."""
    from copharvest.store.structure import structure

    cases = [
        ({"id": "a", "name": "A", "consent": "false"}, Member),
        ({"id": "a", "name": None}, Member),
        ({"id": 1, "name": "A"}, Member),
    ]
    for data, tp in cases:
        value, errors = structure(data, tp)
        assert value is None
        assert errors
    value, errors = structure({"id": "r", "title": "T", "year": 3.9}, copharvest.Reading)
    assert errors == [(("year",), "expected a whole number, got a number (3.9)")]


class _Colour(enum.StrEnum):
    RED = "red"


class _Size(enum.IntEnum):
    ONE = 1


def test_enums_outside_the_model_are_structured_strictly() -> None:
    assert converter.structure("red", _Colour) is _Colour.RED
    assert type(converter.unstructure(_Colour.RED)) is str
    assert converter.structure(1, _Size) is _Size.ONE
    assert type(converter.unstructure(_Size.ONE)) is int
    for value, kind in (("rood", _Colour), (True, _Size), ("1", _Size)):
        with pytest.raises(ValueError, match="expected one of"):
            converter.structure(value, kind)


OLD_STYLE = Path(__file__).resolve().parent / "fixtures" / "old-style-harvest"


def test_a_version_1_folder_still_loads_and_keeps_its_version(tmp_path: Path) -> None:
    community = copharvest.load(OLD_STYLE)
    assert community.format_version == 1
    assert community.chapters
    assert not any(c.blocks for c in community.chapters)
    copharvest.save(community, tmp_path)
    assert (tmp_path / "community.yaml").read_text().startswith("format_version: 1\n")


@pytest.mark.parametrize("version", [3, 99])
def test_a_newer_format_version_is_refused(tmp_path: Path, version: int) -> None:
    copharvest.save(_community(), tmp_path)
    text = (tmp_path / "community.yaml").read_text()
    (tmp_path / "community.yaml").write_text(
        text.replace("format_version: 2", f"format_version: {version}")
    )
    with pytest.raises(HarvestError) as caught:
        copharvest.load(tmp_path)
    assert [str(p) for p in caught.value.problems] == [
        f"{tmp_path}/community.yaml:1: $.format_version: format version {version} is newer "
        "than this copharvest reads (2); upgrade copharvest"
    ]
