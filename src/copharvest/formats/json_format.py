"""The ``json`` output format: the Harvest view model and the metrics, as JSON.

The layout is documented in docs/formats.md: the top-level keys are the fields of
:class:`copharvest.views.Harvest` plus ``format`` (``"copharvest-harvest"``) and
``version``; ``metrics`` follows METRICS.md.
"""

from __future__ import annotations

import json
from collections.abc import Callable
from typing import Any

import attrs

from copharvest.formats.base import OutputFormat, RenderOptions
from copharvest.hookspecs import hookimpl
from copharvest.views import Harvest

JSON_LAYOUT_VERSION = 1


def harvest_dict(harvest: Harvest) -> dict[str, Any]:
    """The view model as plain data (JSON writes tuples as lists)."""
    try:
        data = _plain(harvest)
    except _Unusual:
        data = attrs.asdict(harvest, recurse=True)
    data["labels"] = dict(harvest.labels)
    return {"format": "copharvest-harvest", "version": JSON_LAYOUT_VERSION, **data}


def render(harvest: Harvest, options: RenderOptions) -> bytes:
    """Render the harvest as indented UTF-8 JSON with a trailing newline."""
    data = harvest_dict(harvest)
    try:
        text = _indented(data)
    except _Unusual:
        text = json.dumps(data, ensure_ascii=False, indent=2, allow_nan=False)
    return (text + "\n").encode("utf-8")


# The view model holds text, numbers, None, tuples, lists, dicts and attrs instances. For
# these, the two functions below give exactly what attrs.asdict and json.dumps give, with
# less generic work; anything else (a subclass, another type, a float that is not
# finite, a key that is not text) is left to those two, whole.


class _Unusual(Exception):
    """A value the plain conversion or encoding leaves to attrs.asdict or json.dumps."""


_ATOMS = frozenset({str, int, float, bool, type(None)})
_FIELDS: dict[type, tuple[str, ...]] = {}


def _plain(value: Any) -> Any:
    """attrs.asdict(value, recurse=True) for values of the view model's types."""
    kind = type(value)
    if kind in _ATOMS:
        return value
    if kind is tuple or kind is list:
        return [v if type(v) in _ATOMS else _plain(v) for v in value]
    if kind is dict:
        if not all(type(k) in _ATOMS for k in value):
            raise _Unusual
        return {k: v if type(v) in _ATOMS else _plain(v) for k, v in value.items()}
    names = _FIELDS.get(kind)
    if names is None:
        if not attrs.has(kind):
            raise _Unusual
        names = _FIELDS[kind] = tuple(a.name for a in attrs.fields(kind))
    return {name: _plain(getattr(value, name)) for name in names}


_INFINITY = float("inf")


def _indented(data: Any) -> str:
    """json.dumps(data, ensure_ascii=False, indent=2, allow_nan=False) for plain data."""
    from json.encoder import encode_basestring

    chunks: list[str] = []
    write = chunks.append

    def encode(value: Any, indent: str) -> None:
        kind = type(value)
        if kind is str:
            write(encode_basestring(value))
        elif kind is dict:
            if not value:
                write("{}")
                return
            inner = indent + "  "
            separator = "{\n" + inner
            for key, item in value.items():
                if type(key) is not str:
                    raise _Unusual
                write(separator)
                write(encode_basestring(key))
                write(": ")
                encode(item, inner)
                separator = ",\n" + inner
            write("\n" + indent + "}")
        elif kind is list or kind is tuple:
            if not value:
                write("[]")
                return
            inner = indent + "  "
            separator = "[\n" + inner
            for item in value:
                write(separator)
                encode(item, inner)
                separator = ",\n" + inner
            write("\n" + indent + "]")
        elif kind is int:
            write(int.__repr__(value))
        elif kind is float:
            if value != value or value == _INFINITY or value == -_INFINITY:
                raise _Unusual
            write(float.__repr__(value))
        elif value is None:
            write("null")
        elif value is True:
            write("true")
        elif value is False:
            write("false")
        else:
            raise _Unusual

    encode(data, "")
    return "".join(chunks)


@hookimpl
def register_formats(register: Callable[[OutputFormat], None]) -> None:
    register(
        OutputFormat(
            name="json",
            suffix=".json",
            text=True,
            render=render,
            title="The harvest view model and metrics as JSON",
        )
    )
