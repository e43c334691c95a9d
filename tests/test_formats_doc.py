"""docs/formats.md documents every key of the json format."""

from __future__ import annotations

import re
from pathlib import Path

import attrs

from copharvest import textblocks, views

DOC = Path(__file__).resolve().parent.parent / "docs" / "formats.md"


def _classes() -> list[type]:
    found = [getattr(views, name) for name in dir(views)]
    found += [textblocks.Block, textblocks.Run]
    return [c for c in found if isinstance(c, type) and attrs.has(c)]


def test_every_view_model_field_is_documented() -> None:
    text = DOC.read_text(encoding="utf-8")
    sections = re.split(r"^### ", text, flags=re.MULTILINE)
    by_class = {s.split("`")[1]: s for s in sections[1:]}
    for cls in _classes():
        assert cls.__name__ in by_class, f"docs/formats.md has no section for {cls.__name__}"
        for field in attrs.fields(cls):
            assert f"| `{field.name}` |" in by_class[cls.__name__], (
                f"docs/formats.md does not document {cls.__name__}.{field.name}"
            )
