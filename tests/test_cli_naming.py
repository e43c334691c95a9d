"""Which format ``build`` writes, and where: ``-f``, the ``-o`` suffix, and ``-o -``."""

from __future__ import annotations

import json
import shutil
from pathlib import Path

import pytest
from click.testing import CliRunner

from conftest import SCAFFOLD
from copharvest.cli import cli


@pytest.fixture
def harvest(tmp_path: Path) -> Path:
    folder = tmp_path / "my-cop"
    shutil.copytree(SCAFFOLD, folder)
    return folder


# (-f, -o name, exit status, the format written or the words of the one-line error)
CASES: list[tuple[str | None, str | None, int, str]] = [
    (None, None, 0, "docx"),
    (None, "out.docx", 0, "docx"),
    (None, "out.md", 0, "markdown"),
    (None, "OUT.MD", 0, "markdown"),
    (None, "out.json", 0, "json"),
    (None, "out.txt", 2, "cannot tell the format"),
    (None, "out", 2, "without a suffix"),
    ("docx", "out.docx", 0, "docx"),
    ("markdown", "out.md", 0, "markdown"),
    ("markdown", "preview.docx", 2, "is for docx, not markdown"),
    ("json", "out.md", 2, "is for markdown, not json"),
    ("docx", "out.pdf", 2, "is for pdf, not docx"),
    ("pdf", "out.docx", 2, "is for docx, not pdf"),
    ("json", "notes.txt", 0, "json"),
    ("docx", "booklet", 0, "docx"),
    ("odt", "out.odt", 2, "unknown output format 'odt'"),
    ("odt", None, 2, "unknown output format 'odt'"),
    ("markdown", "-", 0, "markdown"),
    ("json", "-", 0, "json"),
    (None, "-", 2, "takes text formats only"),
    ("docx", "-", 2, "takes text formats only"),
    ("pdf", "-", 2, "takes text formats only"),
]


def _kind(data: bytes) -> str:
    if data.startswith(b"PK"):
        return "docx"
    if data.startswith(b"%PDF"):
        return "pdf"
    if data.lstrip().startswith(b"{"):
        json.loads(data)
        return "json"
    if data.startswith(b"# "):
        return "markdown"
    return "unknown"


@pytest.mark.parametrize(("fmt", "name", "status", "expected"), CASES)
def test_format_and_output_name(
    harvest: Path,
    tmp_path: Path,
    monkeypatch: pytest.MonkeyPatch,
    fmt: str | None,
    name: str | None,
    status: int,
    expected: str,
) -> None:
    monkeypatch.chdir(tmp_path)
    args = ["build", str(harvest), "-q", "--no-charts"]
    args += ["-f", fmt] if fmt else []
    args += ["-o", name] if name else []
    result = CliRunner().invoke(cli, args)
    assert result.exit_code == status, result.output
    assert "Traceback" not in result.output
    written = sorted(p.name for p in tmp_path.iterdir() if p.is_file())
    if status:
        assert len(result.stderr.splitlines()) == 1, result.stderr
        assert expected in result.stderr
        assert written == []
        return
    if name == "-":
        assert _kind(result.stdout_bytes) == expected
        assert written == []
        return
    target = name or f"my-cop{'.docx' if expected == 'docx' else ''}"
    assert written == [target]
    assert _kind((tmp_path / target).read_bytes()) == expected


def test_public_and_internal_builds_do_not_share_a_default_name(
    harvest: Path, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.chdir(tmp_path)
    for audience in ("public", "internal"):
        result = CliRunner().invoke(
            cli, ["build", str(harvest), "-q", "-f", "json", "--audience", audience]
        )
        assert result.exit_code == 0, result.output
    assert sorted(p.name for p in tmp_path.glob("*.json")) == [
        "my-cop-internal.json",
        "my-cop.json",
    ]
    internal = json.loads((tmp_path / "my-cop-internal.json").read_text(encoding="utf-8"))
    assert internal["audience"] == "internal"
