"""The entry-point finder agrees with importlib.metadata and keeps its rules."""

from __future__ import annotations

import importlib.metadata
from pathlib import Path

import pytest

from copharvest import entrypoints


@pytest.mark.parametrize("group", ["console_scripts", "copharvest", "pytest11"])
def test_same_entry_points_as_importlib_metadata(group: str) -> None:
    ours = {
        (ep.name, ep.value, entrypoints.normalise(ep.distribution))
        for ep in entrypoints.find(group)
    }
    theirs = {
        (ep.name, ep.value, entrypoints.normalise(ep.dist.name if ep.dist else ""))
        for ep in importlib.metadata.entry_points(group=group)
    }
    assert ours == theirs


def _dist(root: Path, folder: str, name: str, version: str, entry_points: str) -> None:
    dist = root / folder
    dist.mkdir(parents=True)
    (dist / "METADATA").write_text(
        f"Metadata-Version: 2.1\nName: {name}\nVersion: {version}\n\nA description.\nName: not this\n",
        encoding="utf-8",
    )
    (dist / "entry_points.txt").write_text(entry_points, encoding="utf-8")


def test_first_distribution_of_a_name_wins_and_sections_are_kept_apart(tmp_path: Path) -> None:
    first, second = tmp_path / "a", tmp_path / "b"
    text = "[console_scripts]\ntool = other:main\n\n[copharvest]\n# a comment\nsector = copharvest_sector:plugin [extra]\n"
    _dist(first, "copharvest_sector-2.0.dist-info", "copharvest-sector", "2.0", text)
    _dist(second, "copharvest_sector-1.0.dist-info", "copharvest-sector", "1.0", text)
    _dist(second, "other.egg-info", "other", "0.3", "[copharvest]\nother = json\n")
    found = entrypoints.find("copharvest", [str(first), str(second), str(tmp_path / "missing")])
    assert [(e.name, e.value, e.distribution, e.version) for e in found] == [
        ("sector", "copharvest_sector:plugin [extra]", "copharvest-sector", "2.0"),
        ("other", "json", "other", "0.3"),
    ]
    import json

    assert found[1].load() is json


def test_load_follows_dotted_attributes() -> None:
    ep = entrypoints.EntryPoint(name="x", value="os.path:join", distribution="d", version=None)
    import os.path

    assert ep.load() is os.path.join
