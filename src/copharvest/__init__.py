"""copharvest: turn the records of a Community of Practice into its harvest."""

from __future__ import annotations

from importlib.metadata import PackageNotFoundError, version

from copharvest.hookspecs import hookimpl
from copharvest.model import (
    Chapter,
    Colophon,
    Community,
    Guest,
    Lesson,
    LessonKind,
    LessonSource,
    LessonText,
    Member,
    Organisation,
    Pair,
    PairTable,
    Passage,
    Period,
    PlaceKind,
    ProgrammeItem,
    Quote,
    Reading,
    Session,
    Settings,
    TableKind,
    Verdict,
    Visibility,
    WorkForm,
)
from copharvest.store import HarvestError, Problem, load, save

try:
    __version__ = version("copharvest")
except PackageNotFoundError:  # pragma: no cover - running from a source tree
    __version__ = "0+unknown"

__all__ = [
    "Chapter",
    "Colophon",
    "Community",
    "Guest",
    "HarvestError",
    "Lesson",
    "LessonKind",
    "LessonSource",
    "LessonText",
    "Member",
    "Organisation",
    "Pair",
    "PairTable",
    "Passage",
    "Period",
    "PlaceKind",
    "Problem",
    "ProgrammeItem",
    "Quote",
    "Reading",
    "Session",
    "Settings",
    "TableKind",
    "Verdict",
    "Visibility",
    "WorkForm",
    "__version__",
    "hookimpl",
    "load",
    "save",
]
