"""The default template ships prepared and compiled; every other template is compiled at
the build, and the output is the same byte for byte either way."""

from __future__ import annotations

import io
import zipfile
from collections.abc import Iterator
from pathlib import Path

import jinja2
import pytest
from click.testing import CliRunner

from conftest import EXAMPLES
from copharvest.cli import cli
from copharvest.formats.docx import export_template, precompiled
from copharvest.formats.docx.renderer import booklet_environment, shipped_files
from copharvest.formats.docx.template import SHIPPED_PATH
from test_docx_template import variant

EXAMPLE = EXAMPLES / "wijkenaanpak-2009-2011"


def _made_for_these_versions() -> bool:
    import docxtpl

    from copharvest.formats.docx import shipped

    return (jinja2.__version__, docxtpl.__version__) == (shipped.JINJA2, shipped.DOCXTPL)


shipped_here = pytest.mark.skipif(
    not _made_for_these_versions(),
    reason="the shipped code was made with other versions of Jinja or docxtpl (they are "
    "compiled at each build); run `python -m copharvest.formats.docx.template`",
)


@pytest.fixture
def compiled_sources(monkeypatch: pytest.MonkeyPatch) -> Iterator[list[int]]:
    """The length of each source Jinja parses to compile or check it, from a fresh
    start."""
    seen: list[int] = []
    real = jinja2.Environment._parse

    def counting(self: jinja2.Environment, source: str, *args: object, **kw: object) -> object:
        seen.append(len(source))
        return real(self, source, *args, **kw)  # type: ignore[arg-type]

    monkeypatch.setattr(jinja2.Environment, "_parse", counting)
    booklet_environment().compiled.clear()
    precompiled._index.cache_clear()
    yield seen
    booklet_environment().compiled.clear()
    precompiled._index.cache_clear()


def _build(out: Path, *extra: str) -> bytes:
    result = CliRunner().invoke(cli, ["build", str(EXAMPLE), "-o", str(out), "-q", *extra])
    assert result.exit_code == 0, result.output
    return out.read_bytes()


@shipped_here
def test_the_shipped_code_is_that_of_the_default_template() -> None:
    on_disk = {p.name: p.read_text(encoding="utf-8") for p in SHIPPED_PATH.glob("*.py")}
    assert shipped_files() == on_disk, (
        "run `python -m copharvest.formats.docx.template` after changing the template, "
        "the renderer or the sandbox"
    )


@shipped_here
def test_the_default_template_is_built_without_compiling_it(
    tmp_path: Path, compiled_sources: list[int]
) -> None:
    _build(tmp_path / "shipped.docx")
    assert compiled_sources  # the document's properties, a label: small sources
    assert max(compiled_sources) < 1024


@shipped_here
@pytest.mark.parametrize("audience", ["public", "internal"])
def test_the_shipped_code_writes_the_bytes_the_compiled_template_writes(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, compiled_sources: list[int], audience: str
) -> None:
    from copharvest.formats.docx import shipped

    with_code = _build(tmp_path / "shipped.docx", "--audience", audience)
    assert max(compiled_sources) < 1024
    monkeypatch.setattr(shipped, "CODE", {})
    monkeypatch.setattr(shipped, "PATCHED", {})
    booklet_environment().compiled.clear()
    compiled = _build(tmp_path / "compiled.docx", "--audience", audience)
    assert max(compiled_sources) > 50_000  # the body was compiled this time
    assert with_code == compiled


@shipped_here
def test_an_exported_template_left_as_it_is_uses_the_shipped_code(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, compiled_sources: list[int]
) -> None:
    shipped: list[object] = []
    real = precompiled.compiled

    def noting(env: object, source: str) -> object:
        template = real(env, source)
        shipped.append(template)
        return template

    monkeypatch.setattr(precompiled, "compiled", noting)
    template = tmp_path / "mine.docx"
    template.write_bytes(export_template())
    booklet = _build(tmp_path / "out.docx", "--template", str(template))
    assert len([t for t in shipped if t is not None]) == 3  # the body, header and footer
    # its check parses it once, to see what it uses; nothing is compiled
    assert len([n for n in compiled_sources if n > 50_000]) == 1
    assert booklet == _build(tmp_path / "default.docx")


def test_a_changed_template_is_compiled_at_the_build(
    tmp_path: Path, compiled_sources: list[int]
) -> None:
    template = variant(tmp_path, lambda xml: xml.replace("{{ labels.figure }}", "Fig.", 1))
    booklet = _build(tmp_path / "out.docx", "--template", str(template))
    # parsed once, by the check of the template: the build compiles the check's tree
    assert len([n for n in compiled_sources if n > 50_000]) == 1
    with zipfile.ZipFile(io.BytesIO(booklet)) as archive:
        assert b"Fig. 1." in archive.read("word/document.xml")


@shipped_here
@pytest.mark.parametrize(
    ("name", "value"),
    [("JINJA2", "0.0"), ("DOCXTPL", "0.0"), ("ENVIRONMENT", "another environment")],
)
def test_other_versions_or_another_environment_compile_the_template(
    tmp_path: Path,
    monkeypatch: pytest.MonkeyPatch,
    compiled_sources: list[int],
    name: str,
    value: str,
) -> None:
    from copharvest.formats.docx import shipped

    expected = _build(tmp_path / "shipped.docx")
    assert max(compiled_sources) < 1024
    monkeypatch.setattr(shipped, name, value)
    precompiled._index.cache_clear()
    booklet_environment().compiled.clear()
    assert _build(tmp_path / "compiled.docx") == expected
    assert max(compiled_sources) > 50_000


def test_the_shipped_code_runs_in_the_sandbox() -> None:
    env = booklet_environment()
    from copharvest.formats.docx import shipped

    body = max(shipped.CODE.values(), key=lambda m: (SHIPPED_PATH / f"{m}.py").stat().st_size)
    text = (SHIPPED_PATH / f"{body}.py").read_text(encoding="utf-8")
    assert "environment.getattr(" in text  # every attribute goes through the sandbox
    assert precompiled.fingerprint(env).startswith(
        "copharvest.formats.docx.sandbox.BookletEnvironment|"
    )


@shipped_here
def test_the_fingerprint_tells_a_replaced_filter_and_the_code_keeps_its_lines() -> None:
    from copharvest.formats.docx import shipped
    from copharvest.formats.docx.renderer import make_environment

    env = make_environment()
    assert precompiled.fingerprint(env) == shipped.ENVIRONMENT
    env.filters["rich"] = jinja2.pass_context(lambda context, value: value)
    assert precompiled.fingerprint(env) != shipped.ENVIRONMENT
    for module in shipped.CODE.values():
        text = (SHIPPED_PATH / f"{module}.py").read_text(encoding="utf-8")
        # Jinja's table of template lines counts the module's lines from its first
        assert text.startswith("from jinja2.runtime import")
