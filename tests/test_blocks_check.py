"""`check` on chapter blocks, part introductions and annex groups: every rule of the
editor's order, with the file, line and path of each problem or warning."""

from __future__ import annotations

import textwrap
from collections.abc import Callable
from pathlib import Path

import pytest
from click.testing import CliRunner, Result
from PIL import Image

from copharvest.cli import cli

COMMUNITY = """\
format_version: 2
name: T
period: {start: 2020-01-01, end: 2020-12-31}
locale: en
"""
FILES = {
    "members.yaml": "- {id: ann, name: Ann, consent: true}\n- {id: bob, name: Bob, consent: true}\n",
    "sessions.yaml": textwrap.dedent(
        """\
        - id: s1
          start: 2020-02-01
          guests: [{id: guest-1, name: A. Guest}]
          attendance: [ann, bob]
        """
    ),
    "quotes.yaml": textwrap.dedent(
        """\
        - {text: One., speaker: ann, id: q1, chapter: c1}
        - {text: Two., speaker: bob, chapter: c1}
        - {text: Three., speaker: guest-1, id: q3, visibility: internal}
        """
    ),
    "lessons.yaml": textwrap.dedent(
        """\
        - {text: A lesson., id: l1}
        - {text: Another., id: l2, chapter: c1}
        - {text: A tip., id: t1, kind: tip}
        - {text: Ours only., id: l3, visibility: internal}
        - {text: An insight., id: i1, kind: insight}
        """
    ),
    "tables.yaml": "- {id: dilemmas, title: D, kind: dilemma, rows: [{left: a, right: b}]}\n",
    "readings.yaml": "- {id: r1, title: A book}\n",
}
HEAD = "- id: c1\n  part: 1\n  title: C\n  blocks:\n"
"""A chapter whose first block stands on line 5 of chapters.yaml."""


def _folder(write_files: Callable[..., Path], blocks: str, community: str = "") -> Path:
    chapters = HEAD + textwrap.indent(textwrap.dedent(blocks), "    ")
    folder = write_files(
        {"community.yaml": COMMUNITY + community, "chapters.yaml": chapters, **FILES}
    )
    Image.new("RGB", (20, 10), "navy").save(folder / "photo.png")
    (folder / "notes.txt").write_text("not a picture")
    return folder


def _check(folder: Path) -> Result:
    return CliRunner().invoke(cli, ["check", str(folder)])


CASES = [
    ("unknown-quote", "- quote: q11\n", "chapters.yaml:5: $[0].blocks[0].quote: chapter 'c1': unknown quote 'q11'; did you mean 'q1'?"),
    ("unknown-lesson", "- box: T\n  lessons: [l11]\n", "chapters.yaml:6: $[0].blocks[0].lessons[0]: chapter 'c1': unknown lesson 'l11'; did you mean 'l1'?"),
    ("tip-under-lessons", "- box:\n  lessons: [t1]\n", "chapters.yaml:6: $[0].blocks[0].lessons[0]: chapter 'c1': tip 't1' is not a lesson; place it under tips"),
    ("lesson-under-tips", "- box: T\n  tips: [i1]\n", "chapters.yaml:6: $[0].blocks[0].tips[0]: chapter 'c1': insight 'i1' is not a tip; place it under lessons"),
    ("unknown-table", "- table: dilemas\n", "chapters.yaml:5: $[0].blocks[0].table: chapter 'c1': unknown table 'dilemas'; did you mean 'dilemmas'?"),
    ("unknown-reading", "- readings: [r11]\n", "chapters.yaml:5: $[0].blocks[0].readings[0]: chapter 'c1': unknown reading 'r11'; did you mean 'r1'?"),
    ("unknown-chart", "- figure: attendence\n", "chapters.yaml:5: $[0].blocks[0].figure: chapter 'c1': unknown chart 'attendence'; did you mean 'attendance'? (the charts: attendance, tiers, organisations)"),
    ("placed-twice", "- quote: q1\n- passage: x\n- quote: q1\n", "chapters.yaml:7: $[0].blocks[2].quote: chapter 'c1': quote 'q1' is placed twice; a record stands once (first on line 5)"),
    ("lesson-in-two-boxes", "- box: A\n  lessons: [l1]\n- box: B\n  lessons: [l2, l1]\n", "chapters.yaml:8: $[0].blocks[1].lessons[1]: chapter 'c1': lesson 'l1' is placed twice; a record stands once (first on line 6)"),
    ("continuity-twice", "- continuity\n- continuity: Again\n", "chapters.yaml:6: $[0].blocks[1].continuity: chapter 'c1': the continuity story may stand only once (first on line 5)"),
    ("key-questions-twice", "- key_questions\n- key_questions\n", "chapters.yaml:6: $[0].blocks[1].key_questions: chapter 'c1': the key questions may stand only once (first on line 5)"),
    ("inline-speaker", "- quote: {text: Hi., speaker: anne}\n", "chapters.yaml:5: $[0].blocks[0].quote.speaker: chapter 'c1': unknown speaker 'anne' (not a member or guest id); did you mean 'ann'?"),
    ("inline-nobody", "- quote: {text: Hi.}\n", "chapters.yaml:5: $[0].blocks[0].quote.speaker: a quote needs a speaker (or an outsider, or anonymous: true)"),
    ("picture-missing", "- picture: phot.png\n", "chapters.yaml:5: $[0].blocks[0].picture: chapter 'c1': 'phot.png' does not exist in the harvest folder"),
    ("picture-outside", "- picture: ../photo.png\n", "chapters.yaml:5: $[0].blocks[0].picture: chapter 'c1': '../photo.png': give a path inside the harvest folder"),
    ("picture-not-a-picture", "- picture: notes.txt\n", "chapters.yaml:5: $[0].blocks[0].picture: chapter 'c1': 'notes.txt' is not a PNG, JPEG or GIF picture"),
    ("passage-not-text", "- passage: 5\n", "chapters.yaml:5: $[0].blocks[0].passage: expected text, got an integer (5) (put it in quotes)"),
    ("passage-empty", "- passage:\n", "chapters.yaml:5: $[0].blocks[0].passage: a passage block needs a text"),
    ("quote-id-not-text", "- quote: 5\n", "chapters.yaml:5: $[0].blocks[0].quote: expected text, got an integer (5) (put it in quotes)"),
    ("unknown-kind", "- boxx: T\n", "chapters.yaml:5: $[0].blocks[0]: a block starts with the key of its kind (passage, quote, box, table, key_questions, figure, picture, readings, continuity); did you mean 'box'?"),
]  # fmt: skip


@pytest.mark.parametrize(("blocks", "expected"), [c[1:] for c in CASES], ids=[c[0] for c in CASES])
def test_a_block_problem_is_located(
    write_files: Callable[..., Path], blocks: str, expected: str
) -> None:
    folder = _folder(write_files, blocks)
    result = _check(folder)
    assert result.exit_code == 1, result.output
    assert f"{folder}/{expected}" in result.output.splitlines(), result.output
    assert "Traceback" not in result.output


HEADER_CASES = [
    ("part-twice", "parts:\n  - {number: 1}\n  - {number: 1, title: X}\n", "community.yaml:7: $.parts[1].number: part 1 is described twice (first on line 6)"),
    ("key-questions-part-1", "parts:\n  - {number: 1, key_questions: false}\n", "community.yaml:6: $.parts[0].key_questions: only part 2 opens with the key questions; leave key_questions out here"),
    ("annex-unknown-item", "annexes:\n  building_lessons:\n    - {title: Wie?, items: [1, 11]}\n", "community.yaml:7: $.annexes.building_lessons[0].items[1]: no item 11 in this annex (its items: 1, 2, 3, 4, 5, 6, 7, 8, 9, 10)"),
    ("annex-item-twice", "annexes:\n  building_lessons:\n    - {title: A, items: [1, 2]}\n    - {title: B, items: [2]}\n", "community.yaml:8: $.annexes.building_lessons[1].items[0]: item 2 stands in two groups (first on line 7)"),
    ("annex-no-insights", "annexes:\n  insights:\n    - {title: A, items: [1]}\n", "community.yaml:7: $.annexes.insights[0].items[0]: no item 1 in this annex (its items: none)"),
]  # fmt: skip


@pytest.mark.parametrize(
    ("community", "expected"), [c[1:] for c in HEADER_CASES], ids=[c[0] for c in HEADER_CASES]
)
def test_a_part_or_annex_problem_is_located(
    write_files: Callable[..., Path], community: str, expected: str
) -> None:
    folder = _folder(write_files, "- passage: x\n", community)
    result = _check(folder)
    assert result.exit_code == 1, result.output
    assert f"{folder}/{expected}" in result.output.splitlines(), result.output


GOOD = """\
- passage: x
- quote: q1
- quote: {text: Hi., outsider: {description: a resident, role: ambassador}}
- quote: {text: Secret., anonymous: true}
- box: Title
  lessons: [l1, i1]
  tips: [t1]
- box:
  lessons: [l3]
- table: dilemmas
- key_questions
- figure: tiers
- picture: photo.png
  caption: A photo
  alt: Blue
- readings: [r1]
  title: Books
- continuity
"""


def test_every_kind_of_block_passes_and_check_warns_what_is_not_placed(
    write_files: Callable[..., Path],
) -> None:
    folder = _folder(write_files, GOOD)
    result = _check(folder)
    assert result.exit_code == 0, result.output
    warnings = [line for line in result.output.splitlines() if line.startswith("warning:")]
    assert warnings == [
        f"warning: {folder}/quotes.yaml:2: $[1]: this quote of chapter 'c1' has no id, so no "
        "block can place it: it follows the chapter's blocks (give it an id to place it)",
        f"warning: {folder}/lessons.yaml:2: $[1]: not placed: lesson 'l2' of chapter 'c1' is "
        "in no block, so it follows the chapter's blocks",
        f"warning: {folder}/chapters.yaml:13: $[0].blocks[5].lessons[0]: a public block places "
        "the internal lesson 'l3': publications for the public audience leave the block out "
        "with it",
    ], result.output


def test_a_chapter_without_blocks_gets_no_not_placed_warning(
    write_files: Callable[..., Path],
) -> None:
    folder = _folder(write_files, "[]\n")
    (folder / "chapters.yaml").write_text("- {id: c1, part: 1, title: C, body: [x]}\n")
    result = _check(folder)
    assert result.exit_code == 0, result.output
    assert "not placed" not in result.output
    assert "warning: " not in result.output


PACK = "pack: wijkenaanpak\nlocale: nl\n"


def test_the_packs_tables_and_insights_are_known_to_check(
    write_files: Callable[..., Path],
) -> None:
    blocks = "- table: van-naar\n- table: dilemmas\n"
    community = PACK.replace("locale: nl\n", "") + (
        "annexes:\n  insights:\n    - {title: A, items: [1, 2]}\n    - {title: B, items: [12]}\n"
    )
    folder = _folder(write_files, blocks, community)
    text = (folder / "community.yaml").read_text().replace("locale: en\n", "locale: nl\n")
    (folder / "community.yaml").write_text(text)
    result = _check(folder)
    assert result.exit_code == 1, result.output
    assert result.output.splitlines()[0] == (
        f"{folder}/community.yaml:9: $.annexes.insights[1].items[0]: no item 12 in this "
        "annex (its items: 1, 2, 3, 4, 5, 6, 7, 8, 9, 10)"
    )
    lessons = folder / "lessons.yaml"
    lessons.write_text(
        lessons.read_text()
        + "- {text: Ours., id: insight-12, kind: insight}\n"
        + "- {text: Better., id: insight-3, kind: insight}\n"
    )
    result = _check(folder)
    assert result.exit_code == 0, result.output
    notes = [line for line in result.output.splitlines() if line.startswith("note:")]
    assert notes[0] == (
        f"note: {folder}/lessons.yaml:6: $[5].id: the domain pack has no insight 12: "
        "'insight-12' is added after the pack's insights as insight 12"
    )
    assert notes[1].startswith(
        f"note: {folder}/lessons.yaml:7: $[6].id: 'insight-3' replaces the domain pack's "
        "insight 3 ("
    )
    (folder / "chapters.yaml").write_text(HEAD + "    - table: van-nar\n")
    result = _check(folder)
    assert result.exit_code == 1
    assert (
        f"{folder}/chapters.yaml:5: $[0].blocks[0].table: chapter 'c1': unknown table "
        "'van-nar'; did you mean 'van-naar'?"
    ) in result.output.splitlines()


@pytest.mark.parametrize(
    ("pack", "unknown"),
    [
        ("pack: wijkenaanpak\n", None),  # the named pack's table is known
        ("pack: [wijkenaanpak]\n", None),  # a pack that cannot be told: not checked
        ("", "'van-naar'"),  # no pack: the generic one, which has no such table
    ],
)
def test_a_broken_community_file_keeps_the_pack_it_names(
    write_files: Callable[..., Path], pack: str, unknown: str | None
) -> None:
    broken = "parts:\n  - {number: 2, key_questions: 'no'}\n"
    folder = _folder(write_files, "- table: van-naar\n", pack + broken)
    result = _check(folder)
    assert result.exit_code == 1, result.output
    assert "$.parts[0].key_questions: expected true or false" in result.output
    tables = [line for line in result.output.splitlines() if "unknown table" in line]
    assert tables == ([] if unknown is None else [tables[0]])
    if unknown is not None:
        assert unknown in tables[0]


def test_the_library_check_leaves_the_packs_tables_to_check(
    write_files: Callable[..., Path],
) -> None:
    import copharvest

    folder = _folder(write_files, "- table: van-naar\n", PACK)
    text = (folder / "community.yaml").read_text().replace("locale: en\n", "")
    (folder / "community.yaml").write_text(text)
    assert copharvest.load(folder).chapters[0].blocks[0].ref == "van-naar"


def test_the_chart_ids_are_the_charts_the_booklet_draws() -> None:
    import inspect

    from copharvest import booklet_charts
    from copharvest.model import CHART_IDS

    source = inspect.getsource(booklet_charts.booklet_charts)
    assert [i for i in CHART_IDS if f'id="{i}"' in source] == list(CHART_IDS)


@pytest.mark.parametrize("locale", ["en", "nl"])
def test_the_starter_shows_blocks_and_a_part_introduction_and_checks(
    tmp_path: Path, locale: str
) -> None:
    import copharvest
    from copharvest.model import BlockKind

    folder = tmp_path / "cop"
    assert CliRunner().invoke(cli, ["init", "--locale", locale, str(folder)]).exit_code == 0
    community = copharvest.load(folder)
    assert community.format_version == 2
    assert [b.kind for b in community.chapters[0].blocks] == [
        BlockKind.PASSAGE,
        BlockKind.QUOTE,
        BlockKind.BOX,
    ]
    assert community.parts[0].intro
    result = _check(folder)
    assert result.exit_code == 0, result.output
    assert "warning:" not in result.output


def test_a_picture_too_large_is_refused(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    from copharvest.store import pictures

    Image.new("RGB", (20, 10), "navy").save(tmp_path / "photo.png")
    assert pictures.picture_problem(tmp_path, "photo.png") is None
    monkeypatch.setattr(pictures, "MAX_PICTURE_PIXELS", 100)
    assert pictures.picture_problem(tmp_path, "photo.png") == (
        "'photo.png' has 20 × 10 pixels, more than the 0 million a picture may have; "
        "make it smaller"
    )
    monkeypatch.setattr(pictures, "MAX_PICTURE_BYTES", 10)
    message = pictures.picture_problem(tmp_path, "photo.png")
    assert message is not None
    assert message.startswith("'photo.png' holds 0.0 MB, more than the 0 MB a picture may")
