"""An anonymous quote is printed without any attribution, in every format."""

from __future__ import annotations

import json
import shutil
import zipfile
from pathlib import Path

import pytest
from click.testing import CliRunner

from conftest import SCAFFOLD
from copharvest.cli import cli


@pytest.mark.parametrize("anonymous", [True, False])
def test_an_anonymous_quote_is_signed_by_nobody(tmp_path: Path, anonymous: bool) -> None:
    folder = tmp_path / "cop"
    shutil.copytree(SCAFFOLD, folder)
    with (folder / "quotes.yaml").open("a", encoding="utf-8") as handle:
        handle.write(f"  anonymous: {'true' if anonymous else 'false'}\n")
    out = tmp_path / "b.docx"
    result = CliRunner().invoke(cli, ["build", str(folder), "-o", str(out), "-q", "--no-charts"])
    assert result.exit_code == 0, result.output
    with zipfile.ZipFile(out) as archive:
        body = archive.read("word/document.xml").decode("utf-8")
    assert "our work instead of our procedures" in body
    assert ('w:val="QuoteAttribution"' in body) is not anonymous
    data = CliRunner().invoke(cli, ["build", str(folder), "-f", "json", "-o", "-"]).stdout
    quotes = json.dumps(json.loads(data)).split('"attribution": ')[1:]
    assert quotes
    assert all(q.startswith('""') for q in quotes) is anonymous
