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
    data = attrs.asdict(harvest, recurse=True)
    data["labels"] = dict(harvest.labels)
    return {"format": "copharvest-harvest", "version": JSON_LAYOUT_VERSION, **data}


def render(harvest: Harvest, options: RenderOptions) -> bytes:
    """Render the harvest as indented UTF-8 JSON with a trailing newline."""
    text = json.dumps(harvest_dict(harvest), ensure_ascii=False, indent=2, allow_nan=False)
    return (text + "\n").encode("utf-8")


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
