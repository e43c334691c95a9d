"""``copharvest init``, ``check`` and ``--version`` from the outside."""

from __future__ import annotations

import json
import re
import subprocess
import sys
from pathlib import Path

import pytest
from click.testing import CliRunner, Result

import copharvest
from copharvest.cli import cli

ROOT = Path(__file__).resolve().parent.parent
EXAMPLES = sorted(p.parent for p in (ROOT / "examples").rglob("community.yaml"))


def _run(*args: str) -> Result:
    return CliRunner().invoke(cli, list(args), catch_exceptions=False)


def _counts(folder: Path) -> dict[str, int]:
    c = copharvest.load(folder)
    return {
        "organisations": len(c.organisations),
        "members": len(c.members),
        "sessions": len(c.sessions),
        "attendances": sum(len(s.attendance) for s in c.sessions),
        "guests": len(c.guests()),
        "readings": len(c.readings),
        "lessons": len(c.lessons),
        "quotes": len(c.quotes),
    }


def test_init_then_check_passes_and_prints_the_summary(tmp_path: Path) -> None:
    folder = tmp_path / "x"
    created = _run("init", str(folder))
    assert created.exit_code == 0, created.output
    checked = _run("check", str(folder))
    assert checked.exit_code == 0, checked.output
    lines = checked.stdout.splitlines()
    community = copharvest.load(folder)
    assert lines[0].startswith(f"{community.name}: {community.period.start.isoformat()} to ")
    counts = (re.fullmatch(r" +([a-z]+) +([0-9]+)", line) for line in lines[1:])
    printed = {m[1]: int(m[2]) for m in counts if m}
    for key, value in _counts(folder).items():
        assert printed[key] == value, key
    assert lines[-1] == "OK: no problems found"
    assert checked.stderr == ""


def test_init_writes_a_folder_that_survives_a_round_trip(tmp_path: Path) -> None:
    folder = tmp_path / "x"
    _run("init", str(folder))
    community = copharvest.load(folder)
    copharvest.save(community, tmp_path / "again")
    assert copharvest.load(tmp_path / "again") == community


def test_init_refuses_a_folder_that_is_not_empty(tmp_path: Path) -> None:
    folder = tmp_path / "x"
    folder.mkdir()
    (folder / "notes.txt").write_text("mine\n")
    result = _run("init", str(folder))
    assert result.exit_code == 1
    assert result.stderr.strip() == (
        f"Error: {folder}: already exists and is not empty; choose a new folder"
    )
    assert [p.name for p in folder.iterdir()] == ["notes.txt"]
    assert (folder / "notes.txt").read_text() == "mine\n"


def test_init_accepts_an_empty_folder(tmp_path: Path) -> None:
    folder = tmp_path / "x"
    folder.mkdir()
    assert _run("init", str(folder)).exit_code == 0
    assert (folder / "community.yaml").is_file()


def test_check_json_on_success(tmp_path: Path) -> None:
    folder = tmp_path / "x"
    _run("init", str(folder))
    result = _run("check", "--json", str(folder))
    assert result.exit_code == 0
    payload = json.loads(result.stdout)
    assert payload["ok"] is True
    community = copharvest.load(folder)
    summary = payload["summary"]
    assert summary["name"] == community.name
    assert summary["period"]["start"] == community.period.start.isoformat()
    for key, value in _counts(folder).items():
        assert summary[key] == value, key


def test_check_json_on_failure(tmp_path: Path) -> None:
    folder = tmp_path / "x"
    _run("init", str(folder))
    (folder / "members.yaml").write_text("- id: ann\n  name: Ann\n  consent: 'yes'\n")
    result = _run("check", "--json", str(folder))
    assert result.exit_code == 1
    payload = json.loads(result.stdout)
    assert payload["ok"] is False
    assert payload["problems"][0] == {
        "file": str(folder / "members.yaml"),
        "line": 3,
        "column": None,
        "path": "$[0].consent",
        "message": "expected true or false, got the text 'yes'",
    }


@pytest.mark.parametrize("folder", EXAMPLES, ids=[p.relative_to(ROOT).as_posix() for p in EXAMPLES])
def test_every_example_checks(folder: Path) -> None:
    result = _run("check", str(folder))
    assert result.exit_code == 0, result.output
    assert result.stdout.splitlines()[-1] == "OK: no problems found"


def test_version_option() -> None:
    result = _run("--version")
    assert result.exit_code == 0
    assert result.stdout.strip().endswith(copharvest.__version__)


def test_python_dash_m_version() -> None:
    done = subprocess.run(
        [sys.executable, "-m", "copharvest", "--version"],
        capture_output=True,
        text=True,
        timeout=60,
        check=False,
    )
    assert done.returncode == 0, done.stderr
    assert done.stdout.strip() == f"copharvest {copharvest.__version__}"
