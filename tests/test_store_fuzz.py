"""Random bytes and random YAML/JSON structures into a harvest folder: ``load`` returns a
Community or raises HarvestError with one-line problems, nothing else, and never hangs.
"""

from __future__ import annotations

import json
import tempfile
import textwrap
from pathlib import Path
from typing import Any

import yaml
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

import copharvest
from copharvest.store import HarvestError
from test_store_errors import BASE

NAMES = [*BASE, "readings.yaml", "tables.yaml", "lessons.json", "quote.yaml"]
FUZZ = settings(
    max_examples=80,
    deadline=5_000,  # milliseconds per example: a hang or a runaway fails the test
    suppress_health_check=[HealthCheck.too_slow],
)

_text = st.text(st.characters(), max_size=30)  # every category, surrogates and controls too
_scalars = st.none() | st.booleans() | st.integers() | st.floats() | _text | st.dates().map(str)
_structures = st.recursive(
    _scalars,
    lambda inner: st.lists(inner, max_size=5)
    | st.dictionaries(_text | st.sampled_from(["id", "name", "start", "text", "attendance"]), inner, max_size=5),
    max_leaves=30,
)  # fmt: skip


def _load_with(name: str, content: bytes) -> None:
    with tempfile.TemporaryDirectory() as tmp:
        folder = Path(tmp)
        for base_name, text in BASE.items():
            (folder / base_name).write_text(textwrap.dedent(text), encoding="utf-8")
        if name.endswith(".json"):
            (folder / name.replace(".json", ".yaml")).unlink(missing_ok=True)
        (folder / name).write_bytes(content)
        before = {p.name: p.read_bytes() for p in folder.iterdir()}
        problems: tuple[copharvest.Problem, ...] = ()
        try:
            community = copharvest.load(folder)
        except HarvestError as exc:
            problems = exc.problems
        else:
            assert isinstance(community, copharvest.Community)
        for problem in problems:
            line = str(problem)
            assert "\n" not in line
            assert "\x1b" not in line
            line.encode("utf-8")  # printable: no lone surrogate reaches a terminal
        assert {p.name: p.read_bytes() for p in folder.iterdir()} == before


@FUZZ
@given(name=st.sampled_from(NAMES), content=st.binary(max_size=400))
def test_random_bytes(name: str, content: bytes) -> None:
    _load_with(name, content)


def _yaml(data: Any) -> bytes:
    return yaml.safe_dump(data, allow_unicode=True).encode("utf-8", "surrogatepass")


@FUZZ
@given(name=st.sampled_from(NAMES), data=_structures, as_json=st.booleans())
def test_random_structures(name: str, data: Any, as_json: bool) -> None:
    if as_json:
        # ensure_ascii writes lone surrogates as \\ud800 escapes, as a hostile file may
        content = json.dumps(data, ensure_ascii=True).encode("ascii")
        name = name.rsplit(".", 1)[0] + ".json"
    else:
        try:
            content = _yaml(data)
        except yaml.YAMLError:
            return
    _load_with(name, content)


_records = st.fixed_dictionaries(
    {"id": _text, "name": _text},
    optional={
        "start": _scalars,
        "attendance": st.lists(_scalars, max_size=4),
        "consent": _scalars,
        "organisation": _scalars,
        "joined": _scalars,
    },
)


@FUZZ
@given(
    name=st.sampled_from(["members.yaml", "sessions.yaml", "members.json"]),
    records=st.lists(_records, max_size=4),
)
def test_records_that_are_nearly_right(name: str, records: list[dict[str, Any]]) -> None:
    if name.endswith(".json"):
        _load_with(name, json.dumps(records).encode("ascii"))
    else:
        try:
            _load_with(name, _yaml(records))
        except yaml.YAMLError:
            return
