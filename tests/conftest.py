"""Shared fixtures."""

from __future__ import annotations

import textwrap
from collections.abc import Callable
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parent.parent
EXAMPLES = ROOT / "examples"
SCAFFOLD = ROOT / "src" / "copharvest" / "scaffold" / "harvest"


@pytest.fixture
def starter(tmp_path: Path) -> Path:
    """A copy of the starter harvest folder that ``copharvest init`` writes."""
    folder = tmp_path / "harvest"
    folder.mkdir()
    for item in SCAFFOLD.iterdir():
        (folder / item.name).write_bytes(item.read_bytes())
    return folder


@pytest.fixture
def write_files(tmp_path: Path) -> Callable[..., Path]:
    """Write a harvest folder from ``{filename: text}``; text is dedented."""

    def write(files: dict[str, str | bytes], name: str = "h") -> Path:
        folder = tmp_path / name
        folder.mkdir(exist_ok=True)
        for filename, text in files.items():
            path = folder / filename
            if isinstance(text, bytes):
                path.write_bytes(text)
            else:
                path.write_text(textwrap.dedent(text), encoding="utf-8")
        return folder

    return write
