"""``copharvest init --locale nl``: a Dutch starter, the same shape as the English one."""

from __future__ import annotations

import re
import zipfile
from pathlib import Path
from typing import Any

import pytest
import yaml
from click.testing import CliRunner

from conftest import SCAFFOLD
from copharvest.cli import cli

DUTCH = SCAFFOLD.parent / "harvest-nl"


def _shape(value: Any) -> Any:
    """The structure of YAML data: mapping keys and list shapes, without the text."""
    if isinstance(value, dict):
        return {k: _shape(v) for k, v in value.items()}
    if isinstance(value, list):
        return [_shape(v) for v in value]
    return type(value).__name__


def _comments(path: Path) -> list[str]:
    lines = path.read_text(encoding="utf-8").splitlines()
    return [line.split("#", 1)[1].strip() for line in lines[1:] if "#" in line]


@pytest.mark.parametrize("name", sorted(p.name for p in SCAFFOLD.glob("*.yaml")))
def test_the_dutch_starter_has_every_file_in_the_same_shape(name: str) -> None:
    english, dutch = SCAFFOLD / name, DUTCH / name
    assert dutch.exists()
    assert (
        dutch.read_text(encoding="utf-8").splitlines()[0]
        == (
            english.read_text(encoding="utf-8").splitlines()[0]  # the schema line
        )
    )
    english_data = yaml.safe_load(english.read_text(encoding="utf-8"))
    dutch_data = yaml.safe_load(dutch.read_text(encoding="utf-8"))
    if name == "community.yaml":
        assert (english_data["locale"], dutch_data["locale"]) == ("en", "nl")
    assert _shape(dutch_data) == _shape(english_data)
    # every comment is translated (the lists of ids they name may stay as they are)
    shared = set(_comments(english)) & set(_comments(dutch))
    assert all(re.fullmatch(r"[a-z_, ]+", c) for c in shared), shared


def test_init_writes_the_dutch_starter_that_checks_and_builds_in_dutch(tmp_path: Path) -> None:
    folder = tmp_path / "cop"
    result = CliRunner().invoke(cli, ["init", "--locale", "nl", str(folder)])
    assert result.exit_code == 0, result.output
    assert sorted(p.name for p in folder.glob("*.yaml")) == sorted(
        p.name for p in SCAFFOLD.glob("*.yaml")
    )
    assert (folder / ".schema").is_dir()
    assert "locale: nl" in (folder / "community.yaml").read_text(encoding="utf-8")
    result = CliRunner().invoke(cli, ["check", str(folder)])
    assert result.exit_code == 0, result.output
    assert "warning" not in result.output
    out = tmp_path / "cop.docx"
    result = CliRunner().invoke(cli, ["build", str(folder), "-o", str(out), "-q"])
    assert result.exit_code == 0, result.output
    with zipfile.ZipFile(out) as archive:
        xml = archive.read("word/document.xml").decode("utf-8")
    text = " ".join(re.findall(r"<w:t(?: [^>]*)?>([^<]*)<", xml))
    for dutch in ("Zo werken we", "Inhoud", "Voor het eerst praatten we", "Onze Organisatie"):
        assert dutch in text, dutch
    for english in ("How we work", "Contents", "Our Organisation"):
        assert english not in text, english


def test_english_stays_the_default(tmp_path: Path) -> None:
    folder = tmp_path / "cop"
    result = CliRunner().invoke(cli, ["init", str(folder)])
    assert result.exit_code == 0, result.output
    for item in SCAFFOLD.glob("*.yaml"):
        written = (folder / item.name).read_bytes()
        if item.name == "community.yaml":  # plus a new secret for the pseudonyms
            written = re.sub(rb"privacy_key: [0-9a-f]{32}[^\n]*\n", b"", written)
        assert written == item.read_bytes()


def test_an_unknown_starter_language_is_a_usage_error(tmp_path: Path) -> None:
    result = CliRunner().invoke(cli, ["init", "--locale", "de", str(tmp_path / "cop")])
    assert result.exit_code == 2
    assert "'de' is not one of" in result.output
    assert not (tmp_path / "cop").exists()
