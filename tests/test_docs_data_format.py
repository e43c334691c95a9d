"""docs/data-format.md stays honest: every model field and fixed value is described,
and the example files in it load together as a valid harvest folder."""

from __future__ import annotations

import enum
import re
from pathlib import Path

import attrs
import pytest
from PIL import Image

import copharvest
from copharvest import model
from copharvest.store.folder import COLLECTIONS, STEMS

DOC = Path(__file__).resolve().parent.parent / "docs" / "data-format.md"
TEXT = DOC.read_text(encoding="utf-8")
CLASSES = sorted(
    (v for v in vars(model).values() if isinstance(v, type) and attrs.has(v)),
    key=lambda c: c.__name__,
)
ENUMS = sorted(
    (
        v
        for v in vars(model).values()
        if isinstance(v, type) and issubclass(v, enum.Enum) and v.__module__ == model.__name__
    ),
    key=lambda c: c.__name__,
)
_HEADING = re.compile(r"^(#+) (.*)$")


def _section(cls: type) -> str:
    """The text under the heading of ``cls``, up to the next heading."""
    lines = TEXT.splitlines()
    for n, line in enumerate(lines):
        match = _HEADING.match(line)
        if match and (match[2] == cls.__name__ or match[2].endswith(f"`{cls.__name__}`")):
            rest = lines[n + 1 :]
            end = next((i for i, r in enumerate(rest) if _HEADING.match(r)), len(rest))
            return "\n".join(rest[:end])
    raise AssertionError(f"no section for {cls.__name__} in {DOC.name}")


@pytest.mark.parametrize("cls", CLASSES, ids=[c.__name__ for c in CLASSES])
def test_every_field_has_a_row(cls: type) -> None:
    section = _section(cls)
    rows = re.findall(r"^\| `([a-z_]+)` \|", section, re.MULTILINE)
    fields = [f.name for f in attrs.fields(cls)]
    if cls is model.Community:
        # the records are the other files, each with a section of its own
        for name in COLLECTIONS:
            assert re.search(rf"^## {name}\.yaml — `\w+`$", TEXT, re.MULTILINE), name
        fields = [f for f in fields if f not in COLLECTIONS]
    missing = [f for f in fields if f not in rows]
    assert not missing, f"{cls.__name__}: fields not described: {missing}"
    unknown = [r for r in rows if r not in fields]
    assert not unknown, f"{cls.__name__}: rows for fields that do not exist: {unknown}"
    for row in re.findall(r"^\| `[a-z_]+` \|.*$", section, re.MULTILINE):
        cells = [c.strip() for c in row.strip("|").split("|")]
        assert len(cells) == 5, f"{cls.__name__}: expected field, type, default, meaning, example"
        assert all(cells), f"{cls.__name__}: empty cell in {row!r}"


@pytest.mark.parametrize("kind", ENUMS, ids=[e.__name__ for e in ENUMS])
def test_every_fixed_value_is_described(kind: type[enum.Enum]) -> None:
    rows = set(re.findall(r"^\| `([a-z_]+)` \| [^|]+ \|$", TEXT, re.MULTILINE))
    missing = [m.value for m in kind if m.value not in rows]
    assert not missing, f"{kind.__name__}: values not described: {missing}"


def test_the_example_files_load(tmp_path: Path) -> None:
    blocks = re.findall(r"```yaml\n# (\w+)\.yaml\n(.*?)```", TEXT, re.DOTALL)
    assert sorted(stem for stem, _ in blocks) == sorted(STEMS)
    for stem, body in blocks:
        (tmp_path / f"{stem}.yaml").write_text(body, encoding="utf-8")
    Image.new("RGB", (40, 30), "steelblue").save(tmp_path / "cover.jpg")  # cover_image
    community = copharvest.load(tmp_path)
    assert community.members
    assert community.quotes
