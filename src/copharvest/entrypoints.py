"""The entry points of one group, found with :mod:`importlib.metadata`.

A thin layer over the standard library: each entry point comes with the name and
version of the distribution that declares it, for messages and ``copharvest
plugins``, and a distribution found twice on the path counts once (the first wins,
as importlib.metadata's own ``entry_points()`` decides).
"""

from __future__ import annotations

import re
from collections.abc import Iterable

import attrs


def normalise(name: str) -> str:
    """A distribution name compared as packaging compares them (PEP 503)."""
    return re.sub(r"[-_.]+", "-", name).lower()


@attrs.frozen(kw_only=True)
class EntryPoint:
    """One entry point of the group, with the distribution that declares it."""

    name: str
    """The entry point's name (the plugin's name)."""
    value: str
    """``module`` or ``module:attribute``."""
    distribution: str
    """The distribution's name, as its metadata spells it."""
    version: str | None
    """The distribution's version."""

    def load(self) -> object:
        """Import the module and return the object the entry point names."""
        from importlib.metadata import EntryPoint as Standard

        loaded: object = Standard(name=self.name, value=self.value, group="").load()
        return loaded


def find(group: str, path: Iterable[str] | None = None) -> list[EntryPoint]:
    """The entry points of ``group`` of the distributions on ``path`` (``sys.path``).

    Only the distributions that declare one have their metadata read (for their name
    and version): reading every installed distribution's metadata would cost more
    than the rest of ``copharvest --help``.
    """
    from importlib import metadata

    if path is None:
        declared = list(metadata.entry_points(group=group))
    else:
        seen: set[str] = set()
        declared = []
        for dist in metadata.distributions(path=list(path)):
            key = normalise(dist.metadata["Name"] or "")
            if key not in seen:
                seen.add(key)
                declared += dist.entry_points.select(group=group)
    found = []
    for ep in declared:
        owner = ep.dist
        found.append(
            EntryPoint(
                name=ep.name,
                value=ep.value,
                distribution=(owner.metadata["Name"] or "") if owner else "",
                version=owner.version if owner else None,
            )
        )
    return found
