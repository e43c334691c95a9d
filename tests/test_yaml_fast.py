"""``fast_load`` gives exactly what the full loader gives, or leaves the text to it."""

from __future__ import annotations

from pathlib import Path
from typing import Any

import pytest
import yaml
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from copharvest.store import yamlio
from copharvest.store.dialect import Dumper, Loader, Unsupported, fast_load
from strategies import AWKWARD_TEXTS

ROOT = Path(__file__).resolve().parent.parent


def full(text: str) -> tuple[Any, bool]:
    loader = Loader(text)
    try:
        return loader.get_single_data(), loader.repeated_key
    finally:
        loader.dispose()


def same_result(text: str) -> None:
    """fast_load agrees with the full loader, or raises Unsupported where it must."""
    try:
        expected: Any = full(text)
    except yaml.YAMLError:
        expected = None
    try:
        got: Any = fast_load(text)
    except Unsupported:
        return
    assert expected is not None, "fast_load accepted a text the full loader rejects"
    assert got == expected
    assert _types(got[0]) == _types(expected[0])


def _types(value: Any) -> Any:
    """The value with every leaf replaced by its type: 1 == 1.0 == True must not pass."""
    if isinstance(value, dict):
        return [(_types(k), _types(v)) for k, v in value.items()]
    if isinstance(value, list):
        return [_types(v) for v in value]
    return type(value)


SCALARS = [
    "", "~", "null", "Null", "NULL", "nul", "true", "True", "TRUE", "tRue", "false",
    "yes", "no", "on", "off", "y", "0", "-0", "+0", "00", "012", "7", "-7", "+7",
    "1_000", "0x10", "0o7", "0b11", "1:20", "1.5", "-1.5", "+.5", ".5", "1.", "1e5",
    "1.0e5", "1.0E-5", "-.inf", ".inf", ".nan", ".NaN", "2025-03-12",
    "2025-03-12T10:00:00", "=", "<<", "!", "&", "*", "-", "a b", "é", "🌍",
]  # fmt: skip


@pytest.mark.parametrize("scalar", SCALARS)
@pytest.mark.parametrize("style", ["plain", "single", "double"])
def test_scalars_resolve_as_the_full_loader_resolves_them(scalar: str, style: str) -> None:
    quoted = {"plain": scalar, "single": f"'{scalar}'", "double": f'"{scalar}"'}[style]
    for text in (f"key: {quoted}\n", f"- {quoted}\n", f"[{quoted}]\n", f"{quoted}: 1\n"):
        same_result(text)


@pytest.mark.parametrize(
    "text",
    [
        "a: &x 1\nb: *x\n",  # anchors and aliases
        "base: &b {x: 1}\nderived:\n  <<: *b\n  y: 2\n",  # merge keys
        "a: !!str 1\n",
        "a: !!int '7'\n",
        "a: !custom x\n",
        "a: ! 12\n",
        "? [1, 2]\n: pair\n",  # a complex key
        "? {a: 1}\n: pair\n",
        "a: 1\n---\nb: 2\n",  # two documents
        "a: =\n",
        "a: [1, 2\n",  # syntax errors
        "a: b: c\n",
        "\ta: 1\n",
        "- a\nb: 1\n",
        "%YAML 1.1\n---\na: 1\n",
        "--- |\n  literal\n  text\n",
        "a: >\n  folded\n  text\n\nb: |-\n  kept\n",
        "a: 1\na: 2\n",  # repeated keys
        "x:\n  a: 1\n  b: {a: 1, a: 2}\n",
        "1: one\n1.0: float\ntrue: yes\n~: null\n",
        "",
        "# only a comment\n",
        "--- \n...\n",
        "[]",
        "{}",
        "'just text'",
        "- - - deep\n    - er\n  - x\n",
    ],
)
def test_special_texts(text: str) -> None:
    same_result(text)


def test_features_beyond_the_fast_path_are_left_to_the_full_loader() -> None:
    for text in (
        "a: &x 1\nb: *x\n",
        "base: &b {x: 1}\nd:\n  <<: *b\n",
        "a: !!str 1\n",
        "? [1, 2]\n: pair\n",
        "a: 1\n---\nb: 2\n",
        "a: =\n",
        "a: [1, 2\n",
    ):
        with pytest.raises(Unsupported):
            fast_load(text)


def test_repeated_keys_are_noticed() -> None:
    assert fast_load("a: 1\nb:\n  c: 1\n  c: 2\n") == ({"a": 1, "b": {"c": 2}}, True)
    assert fast_load("a: 1\nb: 2\n") == ({"a": 1, "b": 2}, False)


def test_every_example_file_loads_the_same() -> None:
    files = [
        *ROOT.glob("examples/**/*.yaml"),
        *ROOT.glob("plugins/**/*.yaml"),
        *ROOT.glob("src/copharvest/**/*.yaml"),
    ]
    assert len(files) > 10
    for path in files:
        text = path.read_text(encoding="utf-8")
        assert fast_load(text) == full(text), path


keys = st.one_of(
    st.sampled_from(AWKWARD_TEXTS), st.text(max_size=8), st.integers(-5, 5), st.booleans()
)
leaves = st.one_of(
    st.none(),
    st.booleans(),
    st.integers(-(10**20), 10**20),
    st.floats(allow_nan=False, allow_infinity=False),
    st.sampled_from(AWKWARD_TEXTS + tuple(SCALARS)),
    st.text(),
)
documents = st.recursive(
    leaves,
    lambda children: st.one_of(
        st.lists(children, max_size=5), st.dictionaries(keys, children, max_size=5)
    ),
    max_leaves=30,
)


@settings(max_examples=300, deadline=None)
@given(
    documents,
    st.sampled_from(["harvest", "block", "flow", "canonical"]),
)
def test_any_dumped_document_loads_the_same(document: Any, style: str) -> None:
    if style == "harvest":
        text = yaml.dump(document, Dumper=Dumper, allow_unicode=True, sort_keys=False)
    else:
        text = yaml.safe_dump(
            document,
            default_flow_style={"block": False, "flow": True, "canonical": None}[style],
            canonical=style == "canonical",
            allow_unicode=style != "flow",
            sort_keys=False,
        )
    same_result(text)


@settings(max_examples=300, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(documents, st.data())
def test_damaged_texts_load_the_same_or_not_at_all(document: Any, data: st.DataObject) -> None:
    """Characters cut out, doubled or swapped in: the two loaders still agree."""
    text = yaml.dump(document, Dumper=Dumper, allow_unicode=True, sort_keys=False)
    for _ in range(data.draw(st.integers(1, 3))):
        if not text:
            break
        i = data.draw(st.integers(0, len(text) - 1))
        change = data.draw(st.sampled_from(["cut", "double", "insert"]))
        if change == "cut":
            text = text[:i] + text[i + 1 :]
        elif change == "double":
            text = text[: i + 1] + text[i:]
        else:
            text = (
                text[:i] + data.draw(st.sampled_from(list(":-?[]{},&*!|>'\"#%@ \n\t"))) + text[i:]
            )
    same_result(text)


def test_parse_reports_errors_as_before(tmp_path: Path) -> None:
    path = tmp_path / "members.yaml"
    with pytest.raises(yamlio.FileProblem) as caught:
        yamlio.parse(path, "- id: a\n  name: [x\n")
    assert caught.value.problem.line is not None
    assert "YAML syntax error" in caught.value.problem.message
    with pytest.raises(yamlio.FileProblem) as caught:
        yamlio.parse(path, "- id: a\n  id: b\n")
    assert caught.value.problem.line == 2
    assert yamlio.parse(path, "a: &x 1\nb: *x\n") == {"a": 1, "b": 1}
