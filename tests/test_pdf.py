"""The pdf format: LibreOffice converts the booklet with its table of contents filled in."""

from __future__ import annotations

import os
import re
import subprocess
from pathlib import Path

import pytest
from click.testing import CliRunner

import office
from conftest import EXAMPLES, SCAFFOLD
from copharvest.cli import cli
from copharvest.formats.pdf import office as lo

EXAMPLE = EXAMPLES / "wijkenaanpak-2009-2011"


def _text(pdf: Path, first: int | None = None, last: int | None = None) -> str:
    office.require("pdftotext")
    pages = [*(["-f", str(first)] if first else []), *(["-l", str(last)] if last else [])]
    return subprocess.run(
        ["pdftotext", "-layout", *pages, str(pdf), "-"],
        capture_output=True,
        text=True,
        check=True,
    ).stdout


@pytest.fixture(scope="module")
def example_pdf(tmp_path_factory: pytest.TempPathFactory) -> Path:
    office.require("soffice", "pdfinfo")
    out = tmp_path_factory.mktemp("pdf") / "harvest.pdf"
    result = CliRunner().invoke(cli, ["build", str(EXAMPLE), "-o", str(out), "-q"])
    assert result.exit_code == 0, result.output
    return out


_ENTRY = re.compile(r"^\s*(?P<title>\S.*?)\s*\.{3,}\s*(?P<page>\d+)\s*$")


@pytest.mark.slow
def test_every_contents_entry_has_the_page_its_heading_is_on(example_pdf: Path) -> None:
    pages = _text(example_pdf).split("\f")
    contents = next(i for i, page in enumerate(pages) if page.lstrip().startswith("Inhoud"))
    lines = [line for line in pages[contents].splitlines()[1:] if line.strip()]
    entries = [m for line in lines if (m := _ENTRY.match(line))]
    body = [line for line in lines if not line.lstrip().startswith("Samen inspireren")]
    assert len(entries) == len(body), "an entry without a page number:\n" + "\n".join(body)
    assert len(entries) >= 20
    for entry in entries:
        title, number = entry.group("title"), int(entry.group("page"))
        heading = re.sub(r"^\d+(\.\d+)*\s+|^[IV]+\s+", "", title)  # numbers may stand apart
        page = pages[number - 1]
        words = heading.split()
        assert words[0] in page, f"{title!r} is not on page {number}"
        assert words[-1] in page, f"{title!r} is not on page {number}"


@pytest.mark.slow
def test_the_pdf_is_tagged_titled_and_dutch(example_pdf: Path) -> None:
    info = subprocess.run(
        ["pdfinfo", str(example_pdf)], capture_output=True, text=True, check=True
    ).stdout
    assert re.search(r"^Tagged:\s+yes", info, re.MULTILINE)
    assert re.search(r"^Title:\s+Samen inspireren, leren en sturen", info, re.MULTILINE)
    assert b"/Lang(nl-NL)" in example_pdf.read_bytes()
    assert b"/Outlines" in example_pdf.read_bytes()  # bookmarks for the headings
    # the contents entries are links to their headings
    links = re.findall(rb"/Subtype\s*/Link", example_pdf.read_bytes())
    assert len(links) >= 20


@pytest.mark.slow
def test_the_page_count_is_stable(example_pdf: Path, tmp_path: Path) -> None:
    again = tmp_path / "again.pdf"
    result = CliRunner().invoke(cli, ["build", str(EXAMPLE), "-o", str(again), "-q"])
    assert result.exit_code == 0, result.output
    assert office.pages(again) == office.pages(example_pdf)


def _starter(tmp_path: Path) -> Path:
    import shutil

    folder = tmp_path / "cop"
    shutil.copytree(SCAFFOLD, folder)
    return folder


def test_without_libreoffice_one_line_says_how_to_install_it(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setenv("PATH", "")
    monkeypatch.delenv(lo.SOFFICE_ENV, raising=False)
    monkeypatch.setattr(lo, "_USUAL_PLACES", ())
    out = tmp_path / "b.pdf"
    out.write_bytes(b"earlier")
    result = CliRunner().invoke(cli, ["build", str(_starter(tmp_path)), "-o", str(out), "-q"])
    assert result.exit_code == 1, result.output
    assert len(result.output.splitlines()) == 1, result.output
    assert "LibreOffice is needed for PDF output" in result.output
    assert "apt install libreoffice-writer" in result.output
    assert out.read_bytes() == b"earlier"


@pytest.mark.slow
def test_a_conversion_over_its_time_limit_is_stopped(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    office.require("soffice")
    monkeypatch.setenv(lo.TIMEOUT_ENV, "0.2")
    out = tmp_path / "b.pdf"
    result = CliRunner().invoke(cli, ["build", str(_starter(tmp_path)), "-o", str(out), "-q"])
    assert result.exit_code == 1, result.output
    assert "took longer than 0.2 s" in result.output
    assert not out.exists()
    leftovers = subprocess.run(
        ["pgrep", "-f", f"copharvest-pdf-.*{tmp_path.name}"], capture_output=True, check=False
    )
    assert leftovers.stdout == b""


@pytest.mark.parametrize("value", ["soon", "-1", "0"])
def test_a_bad_time_limit_is_one_line(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, value: str
) -> None:
    monkeypatch.setenv(lo.TIMEOUT_ENV, value)
    monkeypatch.setenv(lo.SOFFICE_ENV, "/bin/true")
    result = CliRunner().invoke(
        cli, ["build", str(_starter(tmp_path)), "-o", str(tmp_path / "b.pdf"), "-q"]
    )
    assert result.exit_code == 1, result.output
    assert lo.TIMEOUT_ENV in result.output
    assert len(result.output.splitlines()) == 1


def test_a_program_that_makes_no_pdf_is_one_line(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setenv(lo.SOFFICE_ENV, "/bin/true")
    result = CliRunner().invoke(
        cli, ["build", str(_starter(tmp_path)), "-o", str(tmp_path / "b.pdf"), "-q"]
    )
    assert result.exit_code == 1, result.output
    assert "made no PDF" in result.output
    assert not (tmp_path / "b.pdf").exists()


def _fake_office(tmp_path: Path, crashes: int) -> Path:
    """A stand-in for soffice that aborts ``crashes`` times, then makes a 'PDF'."""
    count = tmp_path / "count"
    script = tmp_path / "fake-soffice"
    script.write_text(
        "#!/bin/sh\n"
        f'n=$(cat "{count}" 2>/dev/null || echo 0); echo $((n + 1)) > "{count}"\n'
        f'if [ "$n" -lt {crashes} ]; then kill -ABRT $$; fi\n'
        'printf "%%PDF-1.4 made by a stand-in" > "${COPHARVEST_TARGET#file://}"\n',
        encoding="utf-8",
    )
    script.chmod(0o755)
    return script


def test_a_libreoffice_that_crashes_once_is_tried_again(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setenv(lo.SOFFICE_ENV, str(_fake_office(tmp_path, crashes=1)))
    out = tmp_path / "b.pdf"
    result = CliRunner().invoke(cli, ["build", str(_starter(tmp_path)), "-o", str(out), "-q"])
    assert result.exit_code == 0, result.output
    assert out.read_bytes().startswith(b"%PDF")
    assert (tmp_path / "count").read_text().strip() == "2"


def test_a_libreoffice_that_keeps_crashing_is_one_line(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setenv(lo.SOFFICE_ENV, str(_fake_office(tmp_path, crashes=9)))
    out = tmp_path / "b.pdf"
    result = CliRunner().invoke(cli, ["build", str(_starter(tmp_path)), "-o", str(out), "-q"])
    assert result.exit_code == 1, result.output
    assert len(result.output.splitlines()) == 1
    assert "LibreOffice failed" in result.output
    assert not out.exists()
    assert (tmp_path / "count").read_text().strip() == str(lo.CRASH_TRIES)


def test_libreoffice_runs_without_the_virtual_environment_on_its_path(tmp_path: Path) -> None:
    # an activated venv (or a test runner's) first on the PATH leads LibreOffice's own
    # Python to another Python's standard library, and LibreOffice aborts
    venv = tmp_path / "venv"
    (venv / "bin").mkdir(parents=True)
    (venv / "pyvenv.cfg").write_text("home = /elsewhere\n", encoding="utf-8")
    conda = tmp_path / "conda"
    (conda / "bin").mkdir(parents=True)
    environ = {
        "PATH": os.pathsep.join([str(venv / "bin"), str(conda / "bin"), "/usr/bin", "/bin"]),
        "VIRTUAL_ENV": str(venv),
        "PYTHONPATH": "/somewhere",
        "PYTHONHOME": "/elsewhere",
        "CONDA_PREFIX": str(conda),
        "LANG": "nl_NL.UTF-8",
    }
    env = lo.office_environment(environ)
    assert env["PATH"].split(os.pathsep) == ["/usr/bin", "/bin"]
    assert "VIRTUAL_ENV" not in env
    assert "PYTHONPATH" not in env
    assert "PYTHONHOME" not in env
    assert env["LANG"] == "nl_NL.UTF-8"
