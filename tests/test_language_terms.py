"""Level and kind ids are never printed: the core labels the usual ones, and ``check``
warns about an id that has no label. Only English and Dutch are languages of a booklet."""

from __future__ import annotations

import shutil
from pathlib import Path

import pytest
from click.testing import CliRunner

from conftest import EXAMPLES
from copharvest.cli import cli
from copharvest.labels import TERMS, term_label
from copharvest.pack import GENERIC

EXAMPLE = EXAMPLES / "wijkenaanpak-2009-2011"
LEVELS = ("national", "regional", "provincial", "city", "district", "neighbourhood")


@pytest.mark.parametrize("locale", ["en", "nl"])
@pytest.mark.parametrize("level", LEVELS)
def test_the_usual_levels_have_labels(level: str, locale: str) -> None:
    label = GENERIC.level_label(level, locale)
    assert label
    assert label != level
    assert label == term_label("level", level, locale)


@pytest.mark.parametrize("term", ["level", "kind"])
def test_both_languages_label_the_same_ids(term: str) -> None:
    assert set(TERMS[term]["en"]) == set(TERMS[term]["nl"])
    assert all(TERMS[term]["nl"].values())


def test_an_unknown_id_is_still_printed_as_itself() -> None:
    assert GENERIC.level_label("borough", "nl") == "borough"
    assert GENERIC.kind_label("ministry", "nl") == "Ministerie"


@pytest.fixture
def generic(tmp_path: Path) -> Path:
    """The example without its domain pack: only the core knows its levels."""
    folder = tmp_path / "generic"
    shutil.copytree(EXAMPLE, folder)
    community = folder / "community.yaml"
    lines = community.read_text(encoding="utf-8").splitlines(keepends=True)
    community.write_text("".join(x for x in lines if not x.startswith("pack:")), encoding="utf-8")
    # the pack's from -> to table is gone with the pack: so is the block that places it
    chapters = folder / "chapters.yaml"
    lines = chapters.read_text(encoding="utf-8").splitlines(keepends=True)
    table = [i for i, x in enumerate(lines) if x.strip() == "- table: van-naar"]
    chapters.write_text(
        "".join(x for i, x in enumerate(lines) if i - 1 not in table and i not in table), "utf-8"
    )
    return folder


@pytest.mark.parametrize(
    ("locale", "printed", "never"),
    [("nl", "\u2018Rijk\u2019", "national"), ("en", "\u201cNational\u201d", "national")],
)
def test_a_booklet_without_a_pack_prints_labels_not_ids(
    generic: Path, tmp_path: Path, locale: str, printed: str, never: str
) -> None:
    out = tmp_path / "booklet.md"
    result = CliRunner().invoke(
        cli, ["build", str(generic), "-f", "markdown", "-o", str(out), "--locale", locale, "-q"]
    )
    assert result.exit_code == 0, result.output
    text = out.read_text(encoding="utf-8")
    assert printed in text
    for quoted in (f"\u2018{never}\u2019", f"\u201c{never}\u201d", f"'{never}'"):
        assert quoted not in text


def test_check_warns_about_an_id_without_a_label(generic: Path) -> None:
    result = CliRunner().invoke(cli, ["check", str(generic)])
    assert result.exit_code == 0, result.output
    assert "warning" not in result.output
    organisations = generic / "organisations.yaml"
    text = organisations.read_text(encoding="utf-8")
    organisations.write_text(text.replace("level: city", "level: borough", 1), encoding="utf-8")
    result = CliRunner().invoke(cli, ["check", str(generic)])
    assert result.exit_code == 0, result.output
    warnings = [line for line in result.output.splitlines() if line.startswith("warning:")]
    assert len(warnings) == 1, result.output
    assert warnings[0].startswith("warning: organisations.yaml: $[")
    assert "'borough' has no label" in warnings[0]


@pytest.mark.parametrize("command", ["check", "build"])
def test_only_english_and_dutch_are_languages_of_a_booklet(
    starter: Path, tmp_path: Path, command: str
) -> None:
    community = starter / "community.yaml"
    text = community.read_text(encoding="utf-8")
    community.write_text(
        "".join(
            "locale: de\n" if line.startswith("locale:") else line
            for line in text.splitlines(keepends=True)
        ),
        encoding="utf-8",
    )
    args = [command, str(starter)] + (
        ["-o", str(tmp_path / "x.docx")] if command == "build" else []
    )
    result = CliRunner().invoke(cli, args)
    assert result.exit_code == 1
    assert "community.yaml:" in result.output
    assert "$.locale: unsupported locale 'de'; expected one of en, nl" in result.output
    assert "Traceback" not in result.output
    assert not (tmp_path / "x.docx").exists()
