"""The records workbook carries blocks, box titles, part introductions and annex groups."""

from __future__ import annotations

from pathlib import Path

import openpyxl
from click.testing import CliRunner

import copharvest
from blocks_folder import write_blocks_folder
from copharvest.cli import cli
from copharvest.model import BlockKind


def _run(*args: str | Path) -> str:
    result = CliRunner().invoke(cli, [str(a) for a in args])
    assert result.exit_code == 0, result.output
    return result.output


def test_blocks_parts_and_annex_groups_round_trip(tmp_path: Path) -> None:
    folder = tmp_path / "h"
    community = write_blocks_folder(folder)
    assert {b.kind for b in community.chapters[0].blocks} == set(BlockKind)
    assert copharvest.load(folder) == community
    target = tmp_path / "records.xlsx"
    _run("export", folder, "--xlsx", target)
    sheets = openpyxl.load_workbook(target, read_only=True)
    header = [c.value for c in next(sheets["chapter_blocks"].iter_rows(max_row=1))]
    assert header[:4] == ["chapter", "kind", "text", "ref"]
    copy = tmp_path / "copy"
    _run("import", target, copy)
    (copy / "pictures").mkdir()
    (copy / "pictures" / "arnhem.png").write_bytes(
        (folder / "pictures" / "arnhem.png").read_bytes()
    )
    assert copharvest.load(copy) == community


def test_a_bad_block_cell_is_located(tmp_path: Path) -> None:
    folder = tmp_path / "h"
    write_blocks_folder(folder)
    target = tmp_path / "records.xlsx"
    _run("export", folder, "--xlsx", target)
    workbook = openpyxl.load_workbook(target)
    sheet = workbook["chapter_blocks"]
    assert sheet["B2"].value == "passage"
    assert sheet["C1"].value == "text"
    sheet["C2"] = None  # a passage block without its text
    sheet["B3"] = "quot"
    workbook["annex_lessons"]["B2"] = "1, two"
    workbook.save(target)
    result = CliRunner().invoke(cli, ["import", str(target), str(tmp_path / "new")])
    assert result.exit_code == 1
    assert "records.xlsx[chapter_blocks]:2: column C (text): a passage block needs a text" in (
        result.output
    ), result.output
    assert (
        "records.xlsx[chapter_blocks]:3: column B (kind): expected one of passage, quote, box, "
        "table, key_questions, figure, picture, readings, continuity; did you mean 'quote'?"
    ) in result.output
    assert "records.xlsx[annex_lessons]:2: column B (items): not a list of whole numbers" in (
        result.output
    )
    assert not (tmp_path / "new").exists()
