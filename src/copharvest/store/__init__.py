"""Harvest folder <-> model: loading, saving, and located problems."""

from __future__ import annotations

from copharvest.store.folder import COLLECTIONS, load
from copharvest.store.problems import HarvestError, NotAHarvestFolder, Problem
from copharvest.store.write import atomic_write_bytes, atomic_write_text, save, unstructure

__all__ = [
    "COLLECTIONS",
    "HarvestError",
    "NotAHarvestFolder",
    "Problem",
    "atomic_write_bytes",
    "atomic_write_text",
    "load",
    "save",
    "unstructure",
]
