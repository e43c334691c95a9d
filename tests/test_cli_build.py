"""``copharvest build``, ``context``, ``plugins`` and ``new-plugin`` from the command line."""

from __future__ import annotations

import json
from pathlib import Path

import pytest
from click.testing import CliRunner, Result

from copharvest.cli import cli


def _run(*args: str | Path, env: dict[str, str] | None = None) -> Result:
    return CliRunner().invoke(cli, list(map(str, args)), catch_exceptions=False, env=env)


@pytest.mark.parametrize(("fmt", "suffix"), [("json", ".json"), ("markdown", ".md")])
def test_build_writes_the_default_output_name(
    starter: Path, tmp_path: Path, monkeypatch: pytest.MonkeyPatch, fmt: str, suffix: str
) -> None:
    monkeypatch.chdir(tmp_path)
    result = _run("build", starter, "-f", fmt, "-q")
    assert result.exit_code == 0, result.output
    out = tmp_path / f"{starter.name}{suffix}"
    assert out.exists()
    if fmt == "json":
        data = json.loads(out.read_text(encoding="utf-8"))
        assert data["format"] == "copharvest-harvest"
        assert data["title"] == "Our Community of Practice"
        assert set(data["metrics"]) >= {"community", "members", "sessions", "health"}
    else:
        assert out.read_text(encoding="utf-8").startswith("# Our Community of Practice\n")


def test_unknown_format_is_one_line_and_writes_nothing(starter: Path, tmp_path: Path) -> None:
    out = tmp_path / "x.txt"
    result = _run("build", starter, "-f", "odt", "-o", out)
    assert result.exit_code == 2  # a usage error
    assert result.stderr.strip().splitlines() == [
        "Error: unknown output format 'odt' (available: docx, json, markdown, pdf)"
    ]
    assert not out.exists()


def test_failed_build_leaves_the_previous_output_untouched(starter: Path, tmp_path: Path) -> None:
    out = tmp_path / "harvest.md"
    assert _run("build", starter, "-f", "markdown", "-o", out, "-q").exit_code == 0
    before = out.read_bytes()
    (starter / "members.yaml").write_text("- id: ann\n  naam: Ann\n", encoding="utf-8")
    result = _run("build", starter, "-f", "markdown", "-o", out)
    assert result.exit_code == 1
    assert "members.yaml:2: $[0].naam: unknown key 'naam'; did you mean 'name'?" in result.stderr
    assert "Traceback" not in result.output
    assert out.read_bytes() == before
    assert sorted(p.name for p in tmp_path.iterdir()) == ["harvest", "harvest.md"]


def test_output_folder_must_exist(starter: Path, tmp_path: Path) -> None:
    result = _run("build", starter, "-f", "json", "-o", tmp_path / "missing" / "x.json")
    assert result.exit_code == 1
    assert "does not exist" in result.stderr


def test_audience_and_locale(starter: Path, tmp_path: Path) -> None:
    public = tmp_path / "public.md"
    internal = tmp_path / "internal.md"
    assert _run("build", starter, "-f", "markdown", "-o", public, "-q").exit_code == 0
    assert (
        _run(
            "build",
            starter,
            "-f",
            "markdown",
            "-o",
            internal,
            "--audience",
            "internal",
            "--locale",
            "nl",
            "-q",
        ).exit_code
        == 0
    )
    paragraph = "A paragraph only the internal report shows."
    assert paragraph not in public.read_text(encoding="utf-8")
    text = internal.read_text(encoding="utf-8")
    assert paragraph in text
    assert "## Deel I: Over de CoP-aanpak" in text


def test_context_is_json(starter: Path) -> None:
    result = _run("context", starter)
    assert result.exit_code == 0, result.output
    data = json.loads(result.stdout)
    assert data["title"] == "Our Community of Practice"


def test_plugins_lists_the_builtin_formats() -> None:
    result = _run("plugins", "--json")
    data = json.loads(result.stdout)
    builtins = {p["name"]: p for p in data["plugins"] if p["builtin"]}
    assert builtins["copharvest.formats.markdown"]["provides"] == {"formats": ["markdown"]}
    assert builtins["copharvest.formats.json_format"]["hooks"] == ["register_formats"]


def test_new_plugin_scaffold(tmp_path: Path) -> None:
    target = tmp_path / "copharvest-teachers"
    result = _run("new-plugin", "teachers", "-d", target)
    assert result.exit_code == 0, result.output
    pyproject = (target / "pyproject.toml").read_text(encoding="utf-8")
    assert '[project.entry-points.copharvest]\nteachers = "copharvest_teachers"' in pyproject
    assert (target / "src" / "copharvest_teachers" / "data" / "themes.yaml").exists()
    from copharvest.pack import load_pack

    assert load_pack(target / "src" / "copharvest_teachers" / "data").id == "teachers"
    again = _run("new-plugin", "teachers", "-d", target)
    assert again.exit_code == 1
    assert "already exists and is not empty" in again.stderr


def test_new_plugin_rejects_a_bad_name() -> None:
    result = _run("new-plugin", "Bad Name")
    assert result.exit_code == 2
    assert "use lower-case letters" in result.stderr
