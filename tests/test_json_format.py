"""The json format: exactly attrs.asdict and json.dumps(indent=2) of the view model,
whatever the metrics hold."""

from __future__ import annotations

import collections
import json
import math
from typing import Any

import attrs
import pytest

from copharvest.formats import json_format
from copharvest.formats.base import RenderOptions
from copharvest.views import Harvest
from test_docx_data import harvest_of, rich_community

Pair = collections.namedtuple("Pair", "left right")


def _expected(harvest: Harvest) -> bytes:
    data = attrs.asdict(harvest, recurse=True)
    data["labels"] = dict(harvest.labels)
    data = {"format": "copharvest-harvest", "version": json_format.JSON_LAYOUT_VERSION, **data}
    return (json.dumps(data, ensure_ascii=False, indent=2, allow_nan=False) + "\n").encode()


def _render(harvest: Harvest) -> bytes:
    return json_format.render(harvest, RenderOptions(template=None, progress=lambda m: None))


EXTRAS: list[Any] = [
    {},
    {"empty": [[], {}, ()], "text": 'é " \\ \n \x01 😀 </script>', "none": None},
    {"numbers": [0, -1, 10**30, 0.1, -0.0, 1e-7, 1.5e16, 2.5, True, False]},
    {"nested": {"a": [{"b": [1, [2, [3, {}]]]}]}},
    {"keys": {1: "int", 2.5: "float", False: "bool", None: "none"}},
    {"ordered": collections.OrderedDict(b=1, a=2), "pair": Pair(1, "x")},
    {"set": frozenset({3}), "counter": collections.Counter(a=2)},
]


def _outcome(render: Any, harvest: Harvest) -> tuple[Any, ...]:
    try:
        return ("written", render(harvest))
    except Exception as exc:  # the same failure, or the same bytes
        return ("failed", type(exc), str(exc))


@pytest.mark.parametrize("extra", EXTRAS)
def test_the_json_is_attrs_asdict_and_json_dumps(extra: Any) -> None:
    harvest = harvest_of(rich_community())
    harvest = attrs.evolve(harvest, metrics={**harvest.metrics, "extra": extra})
    assert _outcome(_render, harvest) == _outcome(_expected, harvest)


@pytest.mark.parametrize("bad", [math.nan, math.inf, -math.inf, object(), b"bytes"])
def test_what_json_refuses_is_refused_the_same_way(bad: Any) -> None:
    harvest = harvest_of(rich_community())
    harvest = attrs.evolve(harvest, metrics={**harvest.metrics, "extra": {"x": [bad]}})
    expected = _outcome(_expected, harvest)
    assert expected[0] == "failed"
    assert _outcome(_render, harvest) == expected
