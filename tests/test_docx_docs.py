"""docs/templates.md documents every variable of the render context, and nothing else."""

from __future__ import annotations

import re
import types
import typing
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import attrs

from copharvest.formats.docx import export_template, render_context
from copharvest.formats.docx.check import context_keys
from copharvest.formats.docx.context import EXTRA_LABELS
from copharvest.views import ChartView, Harvest
from test_docx_data import harvest_of, members, rich_community

DOC = Path(__file__).resolve().parent.parent / "docs" / "templates.md"
ADDED = {
    "internal",
    "continuity.charts[].image",
    "cover.image",
    "parts[].chapters[].content[].chart.image",
    "parts[].chapters[].content[].picture.image",
}
"""Variables the render context has beyond the view model's fields."""


def _type_paths(tp: Any, path: str) -> Iterator[str]:
    yield path
    origin, args = typing.get_origin(tp), typing.get_args(tp)
    if origin is tuple:
        yield from _type_paths(args[0], path + "[]")
    elif origin in (typing.Union, types.UnionType):
        for arg in args:
            if arg is not type(None):
                yield from list(_type_paths(arg, path))[1:]
    elif isinstance(tp, type) and attrs.has(tp):
        attrs.resolve_types(tp)
        for field in attrs.fields(tp):
            yield from _type_paths(field.type, f"{path}.{field.name}" if path else field.name)


def _normal(path: str) -> str:
    while path.endswith("[]"):
        path = path[:-2]
    return path


def schema() -> set[str]:
    """Every variable path of the context, from the view-model types."""
    return {_normal(p) for p in _type_paths(Harvest, "") if p} | ADDED


def documented() -> set[str]:
    """Every variable path the document's tables describe."""
    paths: set[str] = set()
    prefixes: list[str] | None = None
    for line in DOC.read_text(encoding="utf-8").splitlines():
        if line.startswith("### "):
            prefixes = re.findall(r"`([^`]+)`", line) or [""]
        elif line.startswith("## "):
            prefixes = None
        elif prefixes is not None and (match := re.match(r"\| `([^`]+)` \|", line)):
            paths |= {f"{p}.{match.group(1)}" if p else match.group(1) for p in prefixes}
    return paths


def test_every_context_variable_is_documented() -> None:
    missing = schema() - documented()
    assert not missing, f"document these in docs/templates.md: {sorted(missing)}"


def test_nothing_is_documented_that_the_context_lacks() -> None:
    extra = documented() - schema()
    assert not extra, f"docs/templates.md describes variables that do not exist: {sorted(extra)}"


def _walk(value: Any, path: str) -> Iterator[str]:
    yield path
    if isinstance(value, dict) and path not in ("labels", "metrics"):
        for key, item in value.items():
            yield from _walk(item, f"{path}.{key}" if path else key)
    elif isinstance(value, list):
        for item in value:
            yield from _walk(item, path + "[]")


def test_the_real_context_has_only_schema_variables() -> None:
    chart = ChartView(id="attendance", path="a.png", title="t", alt_text="a")
    context = render_context(harvest_of(rich_community(), charts=(chart,)))
    assert set(context) == set(context_keys())
    found = {_normal(p) for p in _walk(context, "") if p}
    assert found <= schema()
    assert len(found) > 100


def test_labels_the_default_template_uses_are_documented() -> None:
    xml = "".join(
        blob.decode()
        for name, blob in members(export_template()).items()
        if name.startswith("word/") and name.endswith(".xml")
    )
    used = set(re.findall(r"labels\.(\w+)", xml))
    labels_section = DOC.read_text(encoding="utf-8").split("## Labels", 1)[1]
    described = set(re.findall(r"`labels\.(\w+)`", labels_section))
    assert used <= described, sorted(used - described)
    assert set(EXTRA_LABELS["en"]) <= described


def test_booklet_labels_exist_in_both_languages() -> None:
    assert set(EXTRA_LABELS["en"]) == set(EXTRA_LABELS["nl"])
