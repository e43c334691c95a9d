"""The cache folder: where it is, turning it off, and builds that never depend on it."""

from __future__ import annotations

import hashlib
import sys
from pathlib import Path

import pytest
from click.testing import CliRunner

from copharvest import cache
from copharvest.cli import cli
from copharvest.formats.docx.renderer import booklet_environment


def test_the_environment_variable_moves_the_cache(
    monkeypatch: pytest.MonkeyPatch, tmp_path: Path
) -> None:
    monkeypatch.setenv(cache.ENV_VAR, str(tmp_path / "here"))
    assert cache.cache_dir() == tmp_path / "here"
    assert cache.subfolder("templates") == tmp_path / "here" / "templates"
    assert (tmp_path / "here" / "templates").is_dir()


@pytest.mark.parametrize("value", ["off", "OFF", "", "0", "none", "false"])
def test_the_cache_can_be_turned_off(monkeypatch: pytest.MonkeyPatch, value: str) -> None:
    monkeypatch.setenv(cache.ENV_VAR, value)
    assert cache.cache_dir() is None
    assert cache.subfolder("templates") is None


@pytest.mark.skipif(sys.platform in ("win32", "darwin"), reason="the XDG layout")
def test_the_default_follows_xdg(monkeypatch: pytest.MonkeyPatch, tmp_path: Path) -> None:
    monkeypatch.delenv(cache.ENV_VAR, raising=False)
    monkeypatch.setenv("XDG_CACHE_HOME", str(tmp_path))
    assert cache.cache_dir() == tmp_path / "copharvest"
    monkeypatch.setenv("XDG_CACHE_HOME", "relative/paths/are/ignored")
    monkeypatch.setenv("HOME", str(tmp_path / "home"))
    assert cache.cache_dir() == tmp_path / "home" / ".cache" / "copharvest"


def test_a_cache_folder_that_cannot_be_made_caches_nothing(
    monkeypatch: pytest.MonkeyPatch, tmp_path: Path, starter: Path
) -> None:
    blocker = tmp_path / "a-file"
    blocker.write_text("not a folder", encoding="utf-8")
    monkeypatch.setenv(cache.ENV_VAR, str(blocker / "cache"))
    assert cache.subfolder("templates") is None
    _build(starter, tmp_path / "built.docx")
    assert blocker.read_text(encoding="utf-8") == "not a folder"


def _build(folder: Path, out: Path) -> str:
    """Build as a new process would: without the templates compiled in this one."""
    booklet_environment.cache_clear()
    result = CliRunner().invoke(cli, ["build", str(folder), "-o", str(out), "--no-charts", "-q"])
    assert result.exit_code == 0, result.output
    return hashlib.sha256(out.read_bytes()).hexdigest()


def test_builds_are_the_same_with_a_cold_warm_damaged_or_no_cache(
    monkeypatch: pytest.MonkeyPatch, tmp_path: Path, starter: Path
) -> None:
    monkeypatch.setenv("SOURCE_DATE_EPOCH", "1700000000")
    monkeypatch.setenv(cache.ENV_VAR, "off")
    expected = _build(starter, tmp_path / "none.docx")

    monkeypatch.setenv(cache.ENV_VAR, str(tmp_path / "cache"))
    assert _build(starter, tmp_path / "cold.docx") == expected
    cached = sorted((tmp_path / "cache" / "templates").iterdir())
    assert cached, "the compiled template was not kept"
    assert _build(starter, tmp_path / "warm.docx") == expected
    assert sorted((tmp_path / "cache" / "templates").iterdir()) == cached

    for garbage in (b"", b"not bytecode at all", cached[0].read_bytes()[:40]):
        for path in cached:
            path.write_bytes(garbage)
        assert _build(starter, tmp_path / "damaged.docx") == expected


def test_a_changed_template_is_compiled_anew(
    monkeypatch: pytest.MonkeyPatch, tmp_path: Path, starter: Path
) -> None:
    """The cache is keyed by the template's text: an edited template never meets stale code."""
    from docx import Document

    monkeypatch.setenv(cache.ENV_VAR, str(tmp_path / "cache"))
    runner = CliRunner()
    template = tmp_path / "house.docx"
    assert runner.invoke(cli, ["template", "export", str(template)]).exit_code == 0
    _build(starter, tmp_path / "default.docx")
    before = set((tmp_path / "cache" / "templates").iterdir())

    document = Document(str(template))
    document.add_paragraph("House style addendum {{ title }}")
    document.save(str(template))
    out = tmp_path / "house-built.docx"
    booklet_environment.cache_clear()
    result = runner.invoke(
        cli, ["build", str(starter), "-o", str(out), "--template", str(template), "-q"]
    )
    assert result.exit_code == 0, result.output
    assert set((tmp_path / "cache" / "templates").iterdir()) > before
    text = "\n".join(p.text for p in Document(str(out)).paragraphs)
    assert "House style addendum" in text


def test_only_the_most_recently_used_templates_are_kept(
    monkeypatch: pytest.MonkeyPatch, tmp_path: Path
) -> None:
    from copharvest.formats.docx import renderer

    monkeypatch.setenv(cache.ENV_VAR, str(tmp_path))
    monkeypatch.setattr(renderer, "_KEPT_TEMPLATES", 3)
    env = renderer.make_environment()
    for i in range(5):
        code = renderer.compiled_code(env, f"<w:t>{{{{ {i} + 1 }}}}</w:t>")
        assert env.template_class.from_code(env, code, env.make_globals(None)).render() == (
            f"<w:t>{i + 1}</w:t>"
        )
    assert len(list((tmp_path / "templates").glob("*.jinja"))) == 3


@pytest.mark.skipif(sys.platform == "win32", reason="POSIX permissions")
def test_a_folder_others_may_write_to_is_not_used(
    monkeypatch: pytest.MonkeyPatch, tmp_path: Path
) -> None:
    shared = tmp_path / "shared"
    (shared / "templates").mkdir(parents=True)
    (shared / "templates").chmod(0o777)
    monkeypatch.setenv(cache.ENV_VAR, str(shared))
    assert cache.subfolder("templates") is None
    monkeypatch.setenv(cache.ENV_VAR, str(tmp_path / "mine"))
    made = cache.subfolder("templates")
    assert made is not None
    assert made.stat().st_mode & 0o777 == 0o700


def test_damaged_compiled_code_is_never_run(
    monkeypatch: pytest.MonkeyPatch, tmp_path: Path, starter: Path
) -> None:
    """A changed byte in a cached template is caught by its digest, not executed."""
    monkeypatch.setenv("SOURCE_DATE_EPOCH", "1700000000")
    monkeypatch.setenv(cache.ENV_VAR, str(tmp_path / "cache"))
    expected = _build(starter, tmp_path / "first.docx")
    for path in (tmp_path / "cache" / "templates").glob("*.jinja"):
        data = bytearray(path.read_bytes())
        data[-50] ^= 0x01
        path.write_bytes(bytes(data))
    assert _build(starter, tmp_path / "second.docx") == expected


def test_pruning_leaves_other_files_alone(
    monkeypatch: pytest.MonkeyPatch, tmp_path: Path, starter: Path
) -> None:
    from copharvest.formats.docx import renderer

    monkeypatch.setenv(cache.ENV_VAR, str(tmp_path))
    monkeypatch.setattr(renderer, "_KEPT_TEMPLATES", 1)
    folder = tmp_path / "templates"
    folder.mkdir(mode=0o700)
    for i in range(5):
        (folder / f"page{i}.jinja").write_text("mine", encoding="utf-8")
    _build(starter, tmp_path / "out.docx")
    assert len(list(folder.glob("page*.jinja"))) == 5
