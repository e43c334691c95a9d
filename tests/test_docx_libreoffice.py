"""The booklets convert to PDF with LibreOffice, with a plausible number of pages.

Without LibreOffice (``soffice``) and poppler (``pdfinfo``, ``pdftotext``) these tests
are skipped, except on CI (``CI=true``), where they fail: CI installs both.
"""

from __future__ import annotations

import re
import subprocess
from pathlib import Path

import pytest

from copharvest import load
from copharvest.views import ChartView
from office import pages, require
from test_docx_adversarial import AFTER, adversarial
from test_docx_data import SCAFFOLD_FOLDER, harvest_of, png, render, rich_community

pytestmark = pytest.mark.slow
TOOLS = ("soffice", "pdfinfo", "pdftotext")


def _require_tools() -> None:
    require(*TOOLS)


@pytest.fixture(scope="module")
def pdfs(tmp_path_factory: pytest.TempPathFactory) -> dict[str, Path]:
    """Three booklets converted side by side, each LibreOffice with its own profile."""
    _require_tools()
    root = tmp_path_factory.mktemp("lo")
    chart = ChartView(
        id="attendance",
        path=str(png(root / "chart.png", 600, 300)),
        title="Aanwezigheid",
        alt_text="Grafiek",
    )
    docs = {
        "rich": render(harvest_of(rich_community(), charts=(chart,))),
        "adversarial": render(harvest_of(adversarial())),  # type: ignore[arg-type]
        "starter": render(harvest_of(load(SCAFFOLD_FOLDER))),
    }
    running = []
    for name, data in docs.items():
        source = root / f"{name}.docx"
        source.write_bytes(data)
        profile = (root / f"profile-{name}").as_uri()
        running.append(
            subprocess.Popen(
                [
                    "soffice",
                    f"-env:UserInstallation={profile}",
                    "--headless",
                    "--convert-to",
                    "pdf",
                    "--outdir",
                    str(root),
                    str(source),
                ],
                stdout=subprocess.DEVNULL,
                stderr=subprocess.DEVNULL,
            )
        )
    for process in running:
        process.wait(timeout=180)
    return {name: root / f"{name}.pdf" for name in docs}


def _pages(pdf: Path) -> int:
    return pages(pdf)


def _text(pdf: Path) -> str:
    """The words of the PDF, one space apart: where lines break depends on the fonts."""
    text = subprocess.run(
        ["pdftotext", "-layout", str(pdf), "-"], capture_output=True, text=True, check=True
    ).stdout
    return " ".join(text.split())


@pytest.mark.parametrize(
    ("name", "low", "high"), [("rich", 9, 25), ("adversarial", 12, 40), ("starter", 7, 14)]
)
def test_page_count_is_plausible(pdfs: dict[str, Path], name: str, low: int, high: int) -> None:
    assert pdfs[name].exists(), f"LibreOffice did not convert {name}.docx"
    assert low <= _pages(pdfs[name]) <= high


def test_rendered_text_shows_numbering_restarting_per_chapter(pdfs: dict[str, Path]) -> None:
    text = _text(pdfs["rich"])
    for first in (
        "Eerste les 1 van relatie.",
        "Tweede les 1 van diversiteit.",
        "Derde les 1 van zelfsturing.",
    ):
        assert re.search(r"\b1\.\s+" + re.escape(first), text), first
    assert re.search(r"\b4\.\s+Derde les 4 van zelfsturing\.", text)
    assert "Inhoud" in text
    assert "Bijlage: Tien lessen voor het bouwen van een CoP" in text


def test_adversarial_text_survives_layout(pdfs: dict[str, Path]) -> None:
    text = _text(pdfs["adversarial"])
    assert "{{ 7*7 }}" in text
    assert "R&D <b>bold</b> & co" in text
    assert AFTER in text
