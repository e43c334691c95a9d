"""Harvest folder <-> model: loading, saving, and located problems."""

from __future__ import annotations

from copharvest.store.folder import COLLECTIONS, atomic_write_bytes, atomic_write_text, load, save
from copharvest.store.problems import HarvestError, NotAHarvestFolder, Problem

__all__ = [
    "COLLECTIONS",
    "HarvestError",
    "NotAHarvestFolder",
    "Problem",
    "atomic_write_bytes",
    "atomic_write_text",
    "load",
    "save",
]
