"""``copharvest build``, ``template export`` and ``context`` with the docx format."""

from __future__ import annotations

import io
import json
from pathlib import Path

import docx
import pytest
from click.testing import CliRunner, Result

from copharvest import load
from copharvest.cli import cli
from copharvest.formats.docx import export_template, render_context
from copharvest.pipeline import prepare
from copharvest.plugins import get_plugins
from test_docx_data import texts_of
from test_docx_template import _title_to, variant


@pytest.fixture(autouse=True)
def _no_third_party_plugins(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("COPHARVEST_SKIP_PLUGINS", "youthcare,wijkenaanpak")
    monkeypatch.delenv("SOURCE_DATE_EPOCH", raising=False)


def run(*args: str) -> Result:
    return CliRunner().invoke(cli, list(args), catch_exceptions=False)


def test_build_writes_a_booklet_by_default(starter: Path, tmp_path: Path) -> None:
    out = tmp_path / "booklet.docx"
    result = run("build", str(starter), "-o", str(out), "--no-charts", "-q")
    assert result.exit_code == 0, result.output
    assert result.output == ""
    assert "Our Community of Practice" in texts_of(out.read_bytes())
    docx.Document(str(out))


def test_two_builds_are_byte_identical(starter: Path, tmp_path: Path) -> None:
    first, second = tmp_path / "a.docx", tmp_path / "b.docx"
    assert run("build", str(starter), "-o", str(first), "-q").exit_code == 0
    assert run("build", str(starter), "-o", str(second), "-q").exit_code == 0
    assert first.read_bytes() == second.read_bytes()


def test_broken_template_leaves_the_previous_output_intact(starter: Path, tmp_path: Path) -> None:
    out = tmp_path / "booklet.docx"
    assert run("build", str(starter), "-o", str(out), "--no-charts", "-q").exit_code == 0
    before = out.read_bytes()
    broken = variant(tmp_path, _title_to("{{ title + }}"))
    result = run("build", str(starter), "-o", str(out), "--template", str(broken), "-q")
    assert result.exit_code == 1
    assert "template syntax error" in result.output
    assert out.read_bytes() == before
    failing = variant(tmp_path, _title_to("{{ colophon.nonexistent }}"))
    result = run("build", str(starter), "-o", str(out), "--template", str(failing), "-q")
    assert result.exit_code == 1
    assert "nonexistent" in result.output, result.output
    assert out.read_bytes() == before
    assert sorted(p.name for p in tmp_path.iterdir()) == ["booklet.docx", "harvest", "mine.docx"]


def test_exported_template_builds_the_same_booklet(starter: Path, tmp_path: Path) -> None:
    template = tmp_path / "house.docx"
    assert run("template", "export", str(template)).exit_code == 0
    assert template.read_bytes() == export_template()
    a, b = tmp_path / "a.docx", tmp_path / "b.docx"
    assert run("build", str(starter), "-o", str(a), "--no-charts", "-q").exit_code == 0
    result = run(
        "build", str(starter), "-o", str(b), "--no-charts", "-q", "--template", str(template)
    )
    assert result.exit_code == 0, result.output
    assert a.read_bytes() == b.read_bytes()


def test_context_prints_the_render_context(starter: Path) -> None:
    result = run("context", str(starter))
    assert result.exit_code == 0
    printed = json.loads(result.output)
    harvest = prepare(load(starter), get_plugins(entry_points_group=None)).harvest
    assert printed == json.loads(json.dumps(render_context(harvest)))
    assert printed["title"] == "Our Community of Practice"


def test_internal_build(starter: Path, tmp_path: Path) -> None:
    out = tmp_path / "internal.docx"
    assert (
        run(
            "build", str(starter), "-o", str(out), "--no-charts", "-q", "--audience", "internal"
        ).exit_code
        == 0
    )
    text = texts_of(out.read_bytes())
    assert "A paragraph only the internal report shows." in text
    assert "Internal report: not for publication." in text
    public = tmp_path / "public.docx"
    assert run("build", str(starter), "-o", str(public), "--no-charts", "-q").exit_code == 0
    assert "A paragraph only the internal report shows." not in texts_of(public.read_bytes())
    props = docx.Document(io.BytesIO(out.read_bytes())).core_properties
    assert props.title == "Our Community of Practice"
