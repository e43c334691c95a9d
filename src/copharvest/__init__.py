"""copharvest: turn the records of a Community of Practice into its harvest."""

from __future__ import annotations

from typing import TYPE_CHECKING, Any

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
from copharvest.store.validate import community_problems as validate

if TYPE_CHECKING:
    from copharvest.library import analyse, build


def __getattr__(name: str) -> Any:
    # build and analyse bring the pipeline and the plugins: imported when first used,
    # so that `import copharvest` (and the command line's start) stays quick.
    if name in ("analyse", "build"):
        from copharvest import library

        return getattr(library, name)
    # The version is looked up only when asked for: importlib.metadata is slow to import.
    if name == "__version__":
        from importlib.metadata import PackageNotFoundError, version

        try:
            return version("copharvest")
        except PackageNotFoundError:  # pragma: no cover - running from a source tree
            return "0+unknown"
    raise AttributeError(f"module 'copharvest' has no attribute {name!r}")


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
    "analyse",
    "build",
    "hookimpl",
    "load",
    "save",
    "validate",
]
