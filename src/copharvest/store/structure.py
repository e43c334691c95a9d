"""Turn cattrs' exception groups into :class:`Problem` records with data paths."""

from __future__ import annotations

import difflib
from collections.abc import Iterator
from typing import Any

import attrs
from cattrs.errors import (
    ClassValidationError,
    ForbiddenExtraKeysError,
    IterableValidationError,
)

from copharvest.store.converter import converter
from copharvest.store.problems import PathPart, key_text

Found = tuple[tuple[PathPart, ...], str]
"""A data path and a message."""


def suggest(word: str, names: list[str]) -> str | None:
    """The name ``word`` was most likely meant to be, if any."""
    close = difflib.get_close_matches(word, names, n=1, cutoff=0.6)
    if close:
        return close[0]
    # abbreviations: "vis" for "visibility"
    longer = [n for n in names if len(word) >= 3 and n.startswith(word.lower())]
    return longer[0] if len(longer) == 1 else None


def _unknown_key(key: str, cl: type) -> str:
    names = [a.name for a in attrs.fields(cl)] if attrs.has(cl) else []
    close = suggest(key, names)
    hint = f"; did you mean {close!r}?" if close else ""
    return f"unknown key {key!r}{hint}"


def walk(exc: BaseException, path: tuple[PathPart, ...] = ()) -> Iterator[Found]:
    """Every leaf problem inside ``exc``, with the path where it occurred."""
    if isinstance(exc, ClassValidationError):
        with_notes, others = exc.group_exceptions()
        for sub, note in with_notes:
            yield from walk(sub, (*path, note.name))
        for sub in others:
            yield from walk(sub, path)
    elif isinstance(exc, IterableValidationError):
        with_notes_i, others_i = exc.group_exceptions()
        for sub, inote in with_notes_i:
            yield from walk(sub, (*path, inote.index))
        for sub in others_i:
            yield from walk(sub, path)
    elif isinstance(exc, ForbiddenExtraKeysError):
        for key in sorted(key_text(k) for k in exc.extra_fields):
            yield (*path, key), _unknown_key(key, exc.cl)
    elif isinstance(exc, KeyError):
        # the note already added the missing field's name to the path
        field = path[-1] if path else exc.args[0]
        yield path, f"required field {field!r} is missing"
    elif hasattr(exc, "field"):
        yield (*path, exc.field), str(exc)
    else:
        yield path, str(exc) or type(exc).__name__


def structure(data: Any, tp: Any) -> tuple[Any, list[Found]]:
    """Structure ``data`` as ``tp``; on failure return ``None`` and every problem found."""
    try:
        return converter.structure(data, tp), []
    except Exception as exc:
        return None, list(walk(exc))
