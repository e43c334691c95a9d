"""Outputs never replace inputs; misbehaving plugins and signals end in one line or a
clean exit; write errors are one line and leave nothing half-made."""

from __future__ import annotations

import hashlib
import os
import shutil
import signal
import subprocess
import sys
from collections.abc import Callable
from pathlib import Path

import pytest
from click.testing import CliRunner, Result

from conftest import EXAMPLES, SCAFFOLD
from copharvest import entrypoints
from copharvest.cli import cli

EXAMPLE = EXAMPLES / "wijkenaanpak-2009-2011"


def run(*args: str) -> Result:
    return CliRunner().invoke(cli, list(args))


def _digests(folder: Path) -> dict[str, str]:
    return {
        str(p.relative_to(folder)): hashlib.sha256(p.read_bytes()).hexdigest()
        for p in sorted(folder.rglob("*"))
        if p.is_file()
    }


@pytest.fixture
def harvest(tmp_path: Path) -> Path:
    folder = tmp_path / "my-cop"
    shutil.copytree(SCAFFOLD, folder)
    return folder


@pytest.fixture
def template(tmp_path: Path) -> Path:
    from copharvest.formats.docx import export_template

    path = tmp_path / "house.docx"
    path.write_bytes(export_template())
    return path


# (id, command line given the harvest folder and the template, message)
REFUSED: list[tuple[str, Callable[[Path, Path], list[str]], str]] = [
    (
        "build json over community.yaml",
        lambda h, t: ["build", str(h), "-f", "json", "-o", str(h / "community.yaml")],
        "is an input",
    ),
    (
        "build over members.yaml",
        lambda h, t: ["build", str(h), "-o", str(h / "members.yaml"), "--no-charts"],
        "is an input",
    ),
    (
        "build over its own template",
        lambda h, t: ["build", str(h), "--template", str(t), "-o", str(t), "--no-charts"],
        "is an input",
    ),
    (
        "build a stray record into the folder",
        lambda h, t: ["build", str(h), "-f", "json", "-o", str(h / "extra.json")],
        "would be read as a record",
    ),
    (
        "schema over a record",
        lambda h, t: ["schema", "-o", str(h / "members.json")],
        "is a file of the harvest folder",
    ),
    (
        "template export over a record",
        lambda h, t: ["template", "export", str(h / "sessions.yaml"), "--force"],
        "is a file of the harvest folder",
    ),
]


@pytest.mark.parametrize("command", [r[1] for r in REFUSED], ids=[r[0] for r in REFUSED])
def test_an_output_never_replaces_an_input(
    harvest: Path, template: Path, command: Callable[[Path, Path], list[str]]
) -> None:
    before = _digests(harvest.parent)
    result = run(*command(harvest, template))
    assert result.exit_code == 2, result.output
    assert len(result.output.splitlines()) == 1, result.output
    assert "Traceback" not in result.output
    assert _digests(harvest.parent) == before


def test_a_read_only_output_is_not_replaced_silently(harvest: Path, tmp_path: Path) -> None:
    out = tmp_path / "kept.json"
    out.write_text("mine")
    out.chmod(0o444)
    result = run("build", str(harvest), "-f", "json", "-o", str(out))
    assert result.exit_code == 2, result.output
    assert "read-only" in result.output
    assert out.read_text() == "mine"


def test_a_symlinked_output_to_a_record_is_refused(harvest: Path, tmp_path: Path) -> None:
    link = tmp_path / "innocent.json"
    link.symlink_to(harvest / "members.yaml")
    before = _digests(harvest)
    result = run("build", str(harvest), "-f", "json", "-o", str(link))
    assert result.exit_code == 2, result.output
    assert _digests(harvest) == before


def test_init_appears_whole_or_not_at_all(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    import copharvest.schema

    def broken(folder: Path) -> list[Path]:
        raise OSError(28, "No space left on device", str(folder))

    monkeypatch.setattr(copharvest.schema, "write_schemas", broken)
    target = tmp_path / "new-cop"
    result = run("init", str(target))
    assert result.exit_code == 1, result.output
    assert len(result.output.splitlines()) == 1
    assert "No space left on device" in result.output
    assert not target.exists()
    assert list(tmp_path.iterdir()) == []


@pytest.mark.parametrize(
    ("command", "where"),
    [
        (lambda t: ["template", "export", str(t)], "template export"),
        (lambda t: ["schema", "-o", str(t / "all.json")], "schema -o FILE"),
        (lambda t: ["schema", "-o", str(t / "schemas")], "schema -o FOLDER"),
    ],
    ids=["template export", "schema file", "schema folder"],
)
def test_write_errors_are_one_line(
    tmp_path: Path, command: Callable[[Path], list[str]], where: str
) -> None:
    blocked = tmp_path / "blocked"
    blocked.write_text("a file where a folder should be")
    args = command(blocked / "sub")
    if where == "template export":
        args = ["template", "export", str(blocked / "t.docx")]
    result = run(*args)
    assert result.exit_code in (1, 2), result.output
    assert len(result.output.splitlines()) == 1, result.output
    assert "Traceback" not in result.output


# -- plugins that misbehave --------------------------------------------------------------------


def _install_fake_plugin(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, name: str, source: str
) -> None:
    package = tmp_path / "plugins"
    package.mkdir(exist_ok=True)
    (package / f"{name}.py").write_text(source, encoding="utf-8")
    monkeypatch.syspath_prepend(str(package))
    found = [
        entrypoints.EntryPoint(name=name, value=name, distribution=f"dist-{name}", version="1.0")
    ]
    monkeypatch.setattr(entrypoints, "find", lambda group: iter(found))


@pytest.mark.parametrize(
    ("source", "message"),
    [
        ("import sys\nsys.exit(3)\n", "SystemExit"),
        ("print('hello from a plugin')\n", "printed to standard output"),
        ("raise RuntimeError('broken')\n", "broken"),
    ],
    ids=["sys.exit at import", "printing at import", "raising at import"],
)
def test_a_plugin_misbehaving_at_import_is_one_warning(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, harvest: Path, source: str, message: str
) -> None:
    name = f"naughty_{abs(hash(source))}"  # a module of its own for each case
    _install_fake_plugin(tmp_path, monkeypatch, name, source)
    result = CliRunner().invoke(cli, ["context", str(harvest)])
    assert result.exit_code == 0, result.output
    import json

    json.loads(result.stdout)  # standard output is the JSON document alone
    warnings = [line for line in result.stderr.splitlines() if line.startswith("warning:")]
    assert len(warnings) == 1, result.stderr
    assert name in warnings[0]
    assert message in warnings[0]


def test_two_plugins_with_one_format_name_are_one_line_in_check(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, harvest: Path
) -> None:
    source = (
        "import copharvest\n"
        "from copharvest.formats.base import OutputFormat\n"
        "@copharvest.hookimpl\n"
        "def register_formats(register):\n"
        "    register(OutputFormat(name='json', suffix='.json', render=lambda h, o: b''))\n"
    )
    _install_fake_plugin(tmp_path, monkeypatch, "clash", source)
    for args in (["metrics", str(harvest)], ["template", "export", str(tmp_path / "t.docx")]):
        result = run(*args)
        assert result.exit_code == 1, result.output
        lines = [line for line in result.output.splitlines() if not line.startswith("warning:")]
        assert len(lines) == 1, result.output
        assert "'json'" in lines[0]
        assert "clash" in lines[0]


def test_a_format_that_renders_text_instead_of_bytes_is_one_line(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, harvest: Path
) -> None:
    source = (
        "import copharvest\n"
        "from copharvest.formats.base import OutputFormat\n"
        "@copharvest.hookimpl\n"
        "def register_formats(register):\n"
        "    register(OutputFormat(name='texty', suffix='.txt', render=lambda h, o: 'text'))\n"
    )
    _install_fake_plugin(tmp_path, monkeypatch, "texty", source)
    out = tmp_path / "out.txt"
    result = run("build", str(harvest), "-f", "texty", "-o", str(out))
    assert result.exit_code == 1, result.output
    assert "not as bytes" in result.output
    assert len(result.output.splitlines()) == 1
    assert not out.exists()


# -- signals ----------------------------------------------------------------------------------


SIGTERM_WHILE_BUILDING = """
import os, signal, sys
from copharvest.formats.docx import renderer

real = renderer.render_booklet


def then_terminated(*args, **kwargs):
    data = real(*args, **kwargs)
    os.kill(os.getpid(), signal.SIGTERM)  # the booklet is made, not yet written
    return data


renderer.render_booklet = then_terminated
from copharvest.cli import main

sys.argv = ["copharvest", "build", *sys.argv[1:]]
main()
"""


@pytest.mark.skipif(not hasattr(signal, "SIGTERM") or os.name != "posix", reason="POSIX signals")
def test_sigterm_cleans_up_like_an_interrupt(tmp_path: Path) -> None:
    out = tmp_path / "out" / "booklet.docx"
    out.parent.mkdir()
    out.write_bytes(b"earlier")
    tmp = tmp_path / "tmp"
    tmp.mkdir()
    script = tmp_path / "build-then-sigterm.py"
    script.write_text(SIGTERM_WHILE_BUILDING, encoding="utf-8")
    env = {**os.environ, "TMPDIR": str(tmp)}
    process = subprocess.run(
        [sys.executable, str(script), str(EXAMPLE), "-o", str(out), "-q"],
        env=env,
        capture_output=True,
        timeout=120,
        check=False,
    )
    assert process.returncode == 1  # stopped as Ctrl-C stops it, not killed (-15)
    assert b"Aborted" in process.stderr
    assert b"Traceback" not in process.stderr
    assert out.read_bytes() == b"earlier"
    assert list(tmp.iterdir()) == []
    assert [p.name for p in out.parent.iterdir()] == ["booklet.docx"]


SIGTERM_AFTER = """
import os, signal, sys
from copharvest.cli import _terminate_like_interrupt
from copharvest.tempdirs import temporary_directory

_terminate_like_interrupt()
real = getattr(os, sys.argv[1])


def then_terminated(*args, **kwargs):
    result = real(*args, **kwargs)
    os.kill(os.getpid(), signal.SIGTERM)  # lands as the file or folder is made
    return result


setattr(os, sys.argv[1], then_terminated)
try:
    with temporary_directory("copharvest-") as folder:
        setattr(os, sys.argv[1], real)
        (folder / "chart.png").write_bytes(b"drawn")
        raise SystemExit("not stopped")
except KeyboardInterrupt:
    raise SystemExit(0)
"""


@pytest.mark.skipif(not hasattr(signal, "pthread_sigmask"), reason="POSIX signal masks")
@pytest.mark.parametrize("made_by", ["open", "mkdir"])  # the probe of TMPDIR, the folder
def test_sigterm_as_a_temporary_folder_is_made_leaves_nothing(tmp_path: Path, made_by: str) -> None:
    env = {**os.environ, "TMPDIR": str(tmp_path)}
    script = tmp_path.parent / f"{tmp_path.name}-sigterm.py"
    script.write_text(SIGTERM_AFTER, encoding="utf-8")
    done = subprocess.run(
        [sys.executable, str(script), made_by], env=env, capture_output=True, timeout=60
    )
    assert done.returncode == 0, done.stderr.decode()
    assert list(tmp_path.iterdir()) == []
