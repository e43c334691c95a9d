"""Problems found in a harvest folder, reported for people: ``file:line: $.path: message``."""

from __future__ import annotations

from collections.abc import Iterable, Sequence
from pathlib import Path

import attrs

PathPart = str | int
"""A step in a data path: a mapping key or a list index."""


def key_text(key: object) -> str:
    """A mapping key as a path part: text as is, other scalars as YAML writes them."""
    if isinstance(key, str):
        return key
    if key is None:
        return "null"
    if isinstance(key, bool):
        return "true" if key else "false"
    return str(key)


def format_path(parts: Sequence[PathPart]) -> str:
    """``("sessions", 3, "attendance")`` -> ``$.sessions[3].attendance``."""
    out = ["$"]
    for part in parts:
        if isinstance(part, int):
            out.append(f"[{part}]")
        elif part.isidentifier():
            out.append(f".{part}")
        else:
            out.append(f"[{part!r}]")
    return "".join(out)


@attrs.frozen(kw_only=True)
class Problem:
    """One problem in one file."""

    file: Path
    """The file it is in."""
    message: str
    """What is wrong, for people."""
    path: tuple[PathPart, ...] | None = None
    """Where in the data, or none when the problem is the file as a whole."""
    line: int | None = None
    """1-based line number, where one applies."""

    def __str__(self) -> str:
        where = str(self.file) if self.line is None else f"{self.file}:{self.line}"
        if self.path is None:
            return f"{where}: {self.message}"
        return f"{where}: {format_path(self.path)}: {self.message}"

    def as_dict(self) -> dict[str, object]:
        """A JSON-ready form."""
        return {
            "file": str(self.file),
            "line": self.line,
            "path": None if self.path is None else format_path(self.path),
            "message": self.message,
        }


class HarvestError(Exception):
    """A harvest folder could not be loaded; ``problems`` says why, each on one line."""

    def __init__(self, problems: Iterable[Problem]) -> None:
        self.problems: tuple[Problem, ...] = tuple(problems)
        super().__init__("\n".join(str(p) for p in self.problems))


class NotAHarvestFolder(HarvestError):
    """The path is not a harvest folder at all."""
