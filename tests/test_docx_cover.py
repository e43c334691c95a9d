"""The cover picture: on the cover, fitted into its box, with a text alternative."""

from __future__ import annotations

import json
import shutil
import subprocess
import zipfile
from pathlib import Path

import pytest
from click.testing import CliRunner
from docx import Document
from docx.shared import Mm
from PIL import Image

import office
from copharvest.cli import cli

WP = "{http://schemas.openxmlformats.org/drawingml/2006/wordprocessingDrawing}"


def _with_cover(starter: Path, name: str, size: tuple[int, int]) -> Path:
    picture = starter / name
    picture.parent.mkdir(parents=True, exist_ok=True)
    Image.new("RGB", size, "steelblue").save(picture)
    with (starter / "community.yaml").open("a", encoding="utf-8") as f:
        f.write(f"cover_image: {name}\n")
    return starter


def _build(folder: Path, out: Path, *extra: str) -> None:
    result = CliRunner().invoke(cli, ["build", str(folder), "-o", str(out), "-q", *extra])
    assert result.exit_code == 0, result.output


def _pictures(docx: Path) -> list[tuple[int, int, str, int]]:
    """(width, height, description, paragraph index) of each inline picture."""
    document = Document(str(docx))
    found = []
    for index, paragraph in enumerate(document.paragraphs):
        for inline in paragraph._p.iter(f"{WP}inline"):
            extent = inline.find(f"{WP}extent")
            doc_pr = inline.find(f"{WP}docPr")
            found.append((int(extent.get("cx")), int(extent.get("cy")), doc_pr.get("descr"), index))
    return found


def test_a_wide_picture_fills_the_width_on_the_cover(starter: Path, tmp_path: Path) -> None:
    folder = _with_cover(starter, "cover.jpg", (1600, 1000))
    out = tmp_path / "booklet.docx"
    _build(folder, out, "--no-charts")
    [(width, height, descr, index)] = _pictures(out)
    assert width == Mm(150)
    assert abs(height - Mm(150) * 1000 / 1600) < Mm(1)
    assert descr == "Cover picture of the booklet Our Community of Practice"
    paragraphs = Document(str(out)).paragraphs
    colophon = next(i for i, p in enumerate(paragraphs) if p._p.style == "ColophonHeading")
    assert index < colophon, "the picture is not on the cover"
    assert paragraphs[index]._p.style == "CoverPicture"
    assert paragraphs[index + 1].text == "Our Organisation"
    with zipfile.ZipFile(out) as package:
        assert any(n.startswith("word/media/") for n in package.namelist())


def test_a_tall_picture_is_fitted_by_its_height(starter: Path, tmp_path: Path) -> None:
    folder = _with_cover(starter, "pictures/tall picture.png", (600, 1200))
    out = tmp_path / "booklet.docx"
    _build(folder, out, "--no-charts", "--locale", "nl")
    [(width, height, descr, _)] = _pictures(out)
    assert abs(height - Mm(100)) < Mm(1)
    assert abs(width - Mm(50)) < Mm(1)
    assert descr.startswith("Omslagafbeelding van het boekje ")


def test_without_a_cover_image_the_cover_has_no_picture(starter: Path, tmp_path: Path) -> None:
    out = tmp_path / "booklet.docx"
    _build(starter, out, "--no-charts")
    assert _pictures(out) == []
    names = [p._p.style for p in Document(str(out)).paragraphs]
    assert "CoverMeta" in names
    assert "CoverPicture" not in names


def test_the_context_names_the_picture(starter: Path) -> None:
    folder = _with_cover(starter, "cover.png", (300, 200))
    result = CliRunner().invoke(cli, ["context", str(folder)])
    assert result.exit_code == 0, result.output
    cover = json.loads(result.stdout)["cover"]
    assert cover == {  # relative: no local path is published
        "path": "cover.png",
        "alt_text": "Cover picture of the booklet Our Community of Practice",
    }


def test_a_damaged_picture_is_an_error_and_the_earlier_booklet_stays(
    starter: Path, tmp_path: Path
) -> None:
    out = tmp_path / "booklet.docx"
    _build(starter, out, "--no-charts")
    before = out.read_bytes()
    (starter / "cover.png").write_bytes(b"\x89PNG\r\n\x1a\n" + b"\0" * 20)
    with (starter / "community.yaml").open("a", encoding="utf-8") as f:
        f.write("cover_image: cover.png\n")
    result = CliRunner().invoke(cli, ["build", str(starter), "-o", str(out), "-q"])
    assert result.exit_code == 1
    assert "$.cover_image: 'cover.png' is damaged: its size cannot be read" in result.stderr
    assert "Traceback" not in result.output
    assert out.read_bytes() == before


def test_the_cover_stays_one_page_in_libreoffice(starter: Path, tmp_path: Path) -> None:
    office.require("soffice", "pdfinfo", "pdftotext")
    plain = tmp_path / "plain.docx"
    _build(starter, plain, "--no-charts")
    folder = _with_cover(starter, "cover.png", (800, 1600))  # as tall as the box allows
    pictured = tmp_path / "pictured.docx"
    _build(folder, pictured, "--no-charts")
    plain_pdf = office.to_pdf(plain, tmp_path / "plain")
    pictured_pdf = office.to_pdf(pictured, tmp_path / "pictured")
    assert office.pages(pictured_pdf) == office.pages(plain_pdf)
    first = subprocess.run(
        [shutil.which("pdftotext") or "pdftotext", "-f", "1", "-l", "1", str(pictured_pdf), "-"],
        capture_output=True,
        text=True,
        check=True,
    ).stdout
    # Line breaks depend on the fonts installed (without Carlito the title wraps): words only.
    first = " ".join(first.split())
    assert "Our Community of Practice" in first
    assert "Our Organisation" in first


@pytest.mark.parametrize("locale", ["en", "nl"])
def test_the_markdown_and_json_formats_carry_the_picture(
    starter: Path, tmp_path: Path, locale: str
) -> None:
    folder = _with_cover(starter, "cover.png", (300, 200))
    out = tmp_path / "booklet.json"
    _build(folder, out, "-f", "json", "--locale", locale)
    assert json.loads(out.read_text(encoding="utf-8"))["cover"]["path"] == "cover.png"
    assert str(tmp_path) not in out.read_text(encoding="utf-8")


def test_the_markdown_preview_shows_the_picture(starter: Path, tmp_path: Path) -> None:
    folder = _with_cover(starter, "pictures/cover photo.png", (300, 200))
    out = tmp_path / "preview.md"
    _build(folder, out, "-f", "markdown")
    text = out.read_text(encoding="utf-8")
    picture = "pictures/cover photo.png"  # relative to the harvest folder
    assert f"![Cover picture of the booklet Our Community of Practice](<{picture}>)" in text
