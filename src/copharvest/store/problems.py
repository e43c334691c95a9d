"""Problems found in a harvest folder, reported for people: ``file:line: $.path: message``."""

from __future__ import annotations

import re
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


# C0 and C1 controls, DEL, and the invisible characters that reorder or break lines:
# text from the records must not move the cursor, recolour or retitle a terminal.
_CONTROLS = re.compile(
    "[\x00-\x08\x0b-\x1f\x7f-\x9f\u061c\u200e\u200f\u2028\u2029"
    "\u202a-\u202e\u2066-\u2069\ud800-\udfff]"
)
_CONTROLS_AND_LINES = re.compile(_CONTROLS.pattern[:-1] + "\n\t]")


def _escape(match: re.Match[str]) -> str:
    code = ord(match.group())
    if code == 0x0A:
        return "\\n"
    if code == 0x09:
        return "\\t"
    return f"\\x{code:02x}" if code <= 0xFF else f"\\u{code:04x}"


def printable(text: str, *, one_line: bool = False) -> str:
    """``text`` with terminal controls shown escaped (``\\x1b``), safe to print.

    Newlines and tabs are kept, unless ``one_line`` asks for them escaped too.
    """
    pattern = _CONTROLS_AND_LINES if one_line else _CONTROLS
    return pattern.sub(_escape, text)


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
    column: int | None = None
    """1-based column, for a syntax error."""

    def __str__(self) -> str:
        """One line, ``file:line[:column]: $.path: message``, safe to print to a terminal."""
        where = str(self.file) if self.line is None else f"{self.file}:{self.line}"
        if self.line is not None and self.column is not None:
            where += f":{self.column}"
        if self.path is not None:
            where += f": {format_path(self.path)}"
        return printable(f"{where}: {self.message}", one_line=True)

    def as_dict(self) -> dict[str, object]:
        """A JSON-ready form."""
        return {
            "file": str(self.file),
            "line": self.line,
            "column": self.column,
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
