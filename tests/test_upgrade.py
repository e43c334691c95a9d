"""`copharvest upgrade`: a version-1 folder made explicit, its comments and booklet kept."""

from __future__ import annotations

import difflib
import re
import shutil
from pathlib import Path

import pytest
from click.testing import CliRunner, Result

import copharvest
from copharvest.cli import cli
from copharvest.model import BlockKind, LessonKind
from copharvest.store.upgrade import upgraded

OLD_STYLE = Path(__file__).resolve().parent / "fixtures" / "old-style-harvest"


def _run(*args: str | Path) -> Result:
    return CliRunner().invoke(cli, [str(a) for a in args])


@pytest.fixture
def old(tmp_path: Path) -> Path:
    folder = tmp_path / "harvest"
    shutil.copytree(OLD_STYLE, folder)
    return folder


def _files(folder: Path) -> dict[str, bytes]:
    return {p.name: p.read_bytes() for p in sorted(folder.iterdir()) if p.is_file()}


def _comments(text: str) -> list[str]:
    """Every comment, whole-line or at the end of a line, in order."""
    return [
        line.strip() for line in text.splitlines() if "#" in line and re.search(r"(^|\s)#", line)
    ]


def _builds(folder: Path, out: Path) -> dict[str, bytes]:
    built = {}
    out.mkdir()
    for audience in ("public", "internal"):
        for fmt, suffix in (("markdown", "md"), ("json", "json"), ("docx", "docx")):
            target = out / f"{audience}.{suffix}"
            result = _run("build", folder, "-f", fmt, "-o", target, "--audience", audience, "-q")
            assert result.exit_code == 0, result.output
            built[target.name] = target.read_bytes()
    return built


def test_the_old_style_folder_still_builds_and_upgrades_to_the_same_booklet(
    old: Path, tmp_path: Path
) -> None:
    before_files = _files(old)
    before = _builds(old, tmp_path / "before")
    result = _run("upgrade", old)
    assert result.exit_code == 0, result.output
    assert "to format version 2" in result.output
    after_files = _files(old)
    assert after_files != before_files
    for name, data in before_files.items():
        assert _comments(after_files[name].decode()) == _comments(data.decode()), name
    # the lines that were there are all still there, in order: only lines were added
    for name, data in before_files.items():
        old_lines = data.decode().splitlines()
        matcher = difflib.SequenceMatcher(
            None, old_lines, after_files[name].decode().splitlines(), autojunk=False
        )
        for tag, i1, i2, _, _ in matcher.get_opcodes():
            changed = old_lines[i1:i2]
            assert tag in ("equal", "insert") or changed == ["format_version: 1"], (name, changed)
    assert _builds(old, tmp_path / "after") == before


def test_upgrade_makes_the_implicit_order_explicit(old: Path) -> None:
    community = copharvest.load(old)
    assert _run("upgrade", old).exit_code == 0
    new = copharvest.load(old)
    assert new.format_version == 2
    assert new.quotes == community.quotes
    assert new.lessons == community.lessons
    for chapter in new.chapters:
        kinds = [b.kind for b in chapter.blocks]
        # quotes first, then the boxes, then the tables
        assert kinds == sorted(kinds, key=[BlockKind.QUOTE, BlockKind.BOX, BlockKind.TABLE].index)
        placed = [b.ref for b in chapter.blocks if b.kind is BlockKind.QUOTE]
        assert placed == [q.id for q in community.quotes if q.chapter == chapter.id]
        boxed = [rid for b in chapter.blocks for rid in (*b.lessons, *b.tips)]
        mine = [x for x in community.lessons if x.chapter == chapter.id]
        order = [LessonKind.LESSON, LessonKind.TIP, LessonKind.INSIGHT]
        assert boxed == [x.id for k in order for x in mine if x.kind is k]
    verankering = next(c for c in new.chapters if c.id == "p2-verankering")
    assert verankering.blocks[-1].ref == "dilemmas-verankering"
    check = _run("check", old)
    assert check.exit_code == 0, check.output
    assert "not placed" not in check.output


def test_upgrading_twice_changes_nothing_the_second_time(old: Path) -> None:
    assert _run("upgrade", old).exit_code == 0
    files = _files(old)
    result = _run("upgrade", old)
    assert result.exit_code == 0
    assert "already format version 2 with every chapter's blocks; nothing to change" in (
        result.output
    )
    assert _files(old) == files


def test_dry_run_prints_the_diff_and_writes_nothing(old: Path) -> None:
    files = _files(old)
    result = _run("upgrade", old, "--dry-run")
    assert result.exit_code == 0, result.output
    assert "Dry run: nothing written" in result.output
    assert "-format_version: 1\n+format_version: 2\n" in result.output
    assert "+  blocks:\n+    - quote: q-rothstegge-diagonaal\n" in result.output
    assert _files(old) == files


def test_records_without_an_id_get_one_where_they_stand(write_files) -> None:  # type: ignore[no-untyped-def]
    folder = write_files(
        {
            "community.yaml": "format_version: 1\nname: T\nperiod: {start: 2020-01-01}\n",
            "members.yaml": "- {id: ann, name: Ann}\n",
            "chapters.yaml": "# the chapters\n- id: c1\n  part: 1\n  title: C  # first\n",
            "quotes.yaml": (
                "# quotes\n- text: One.  # kept\n  speaker: ann\n  chapter: c1\n"
                "- text: Two.\n  speaker: ann\n  chapter: c1\n  id: q-c1-1\n"
                "- text: Never.\n  speaker: ann\n  chapter: c1\n  visibility: off_record\n"
            ),
            "lessons.yaml": (
                "- text: A tip.\n  kind: tip\n  chapter: c1\n"
                "- text: Ours.\n  chapter: c1\n  visibility: internal  # for us\n"
            ),
        }
    )
    result = _run("upgrade", folder)
    assert result.exit_code == 0, result.output
    assert (folder / "quotes.yaml").read_text() == (
        "# quotes\n- text: One.  # kept\n  speaker: ann\n  id: q-c1-1-2\n  chapter: c1\n"
        "- text: Two.\n  speaker: ann\n  chapter: c1\n  id: q-c1-1\n"
        "- text: Never.\n  speaker: ann\n  chapter: c1\n  visibility: off_record\n"
    )
    assert (folder / "lessons.yaml").read_text() == (
        "- text: A tip.\n  id: t-c1-1\n  kind: tip\n  chapter: c1\n"
        "- text: Ours.\n  id: l-c1-1\n  chapter: c1\n  visibility: internal  # for us\n"
    )
    assert (folder / "chapters.yaml").read_text() == (
        "# the chapters\n- id: c1\n  part: 1\n  title: C  # first\n  blocks:\n"
        "  - quote: q-c1-1-2\n  - quote: q-c1-1\n  - box:\n    lessons: [l-c1-1]\n"
        "    visibility: internal\n  - box:\n    tips: [t-c1-1]\n"
    )
    community = (folder / "community.yaml").read_text()
    assert community.startswith("format_version: 2\nname: T\n")
    assert re.search(r"^privacy_key: [0-9a-f]{32}$", community, re.MULTILINE)


def test_a_broken_folder_is_not_upgraded(old: Path) -> None:
    (old / "quotes.yaml").write_text("- text: x\n  speaker: nobody\n", encoding="utf-8")
    files = _files(old)
    result = _run("upgrade", old)
    assert result.exit_code == 1
    assert "unknown speaker 'nobody'" in result.output
    assert _files(old) == files


def test_upgraded_keeps_a_chapter_with_blocks_as_it_is() -> None:
    community = copharvest.load(OLD_STYLE)
    once = upgraded(community, privacy_key="k")
    assert upgraded(once, privacy_key="other") == once
