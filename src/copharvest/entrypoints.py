"""Finding the entry points of one group quickly.

``importlib.metadata`` costs about a tenth of a second to import (it pulls in the
``email`` package) and builds a distribution object for everything installed. Every
copharvest command looks for plugins, so this module reads the installed
distributions' ``entry_points.txt`` files directly: the same files, the same rules
(the first distribution of a name on ``sys.path`` wins), without the import.
"""

from __future__ import annotations

import importlib
import os
import re
import sys
from collections.abc import Iterable, Iterator

import attrs

_SECTION = re.compile(r"^\s*\[(?P<name>[^\]]+)\]\s*$")
_ENTRY = re.compile(r"^\s*(?P<name>[^=\s][^=]*?)\s*=\s*(?P<value>.+?)\s*$")


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
        module_name, _, attribute = self.value.partition(":")
        module_name = module_name.strip()
        attribute = re.sub(r"\[.*\]", "", attribute).strip()  # drop any [extras]
        found: object = importlib.import_module(module_name)
        for part in filter(None, attribute.split(".")):
            found = getattr(found, part)
        return found


def _sections(text: str, group: str) -> Iterator[tuple[str, str]]:
    inside = False
    for line in text.splitlines():
        if not line.strip() or line.lstrip().startswith(("#", ";")):
            continue
        section = _SECTION.match(line)
        if section:
            inside = section.group("name").strip() == group
            continue
        entry = _ENTRY.match(line)
        if inside and entry:
            yield entry.group("name"), entry.group("value")


def _metadata(folder: str) -> tuple[str | None, str | None]:
    for filename in ("METADATA", "PKG-INFO"):
        try:
            with open(os.path.join(folder, filename), encoding="utf-8", errors="replace") as handle:
                name = version = None
                for line in handle:
                    if not line.strip():
                        break  # the end of the headers
                    key, _, value = line.partition(":")
                    if key == "Name":
                        name = value.strip()
                    elif key == "Version":
                        version = value.strip()
                return name, version
        except OSError:
            continue
    return None, None


def find(group: str, path: Iterable[str] | None = None) -> list[EntryPoint]:
    """The entry points of ``group`` of the distributions on ``path`` (``sys.path``)."""
    seen: set[str] = set()
    found: list[EntryPoint] = []
    for entry in sys.path if path is None else path:
        try:
            names = sorted(os.listdir(entry or "."))
        except OSError:
            continue
        for name in names:
            if not name.endswith((".dist-info", ".egg-info")):
                continue
            stem = name.rsplit(".", 1)[0]
            guessed, _, guessed_version = stem.partition("-")
            key = normalise(guessed)
            if key in seen:
                continue
            seen.add(key)
            folder = os.path.join(entry or ".", name)
            try:
                with open(os.path.join(folder, "entry_points.txt"), encoding="utf-8") as handle:
                    text = handle.read()
            except OSError:
                continue
            if f"[{group}]" not in text.replace(" ", ""):
                continue
            dist_name, version = _metadata(folder)
            for ep_name, value in _sections(text, group):
                found.append(
                    EntryPoint(
                        name=ep_name,
                        value=value,
                        distribution=dist_name or guessed,
                        version=version or guessed_version or None,
                    )
                )
    return found
