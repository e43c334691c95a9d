"""A harvest folder: one small, hand-editable file per kind of record.

::

    community.yaml       the community itself: name, period, colophon, intro, settings
    organisations.yaml   a list of organisations
    members.yaml         a list of members
    sessions.yaml        a list of sessions, each with guests, programme and attendance
    readings.yaml        a list of readings
    chapters.yaml        the booklet's chapters, in order
    lessons.yaml         lessons, tips and insights
    quotes.yaml          quotes
    tables.yaml          two-column tables (from -> to, dilemmas)

Only ``community.yaml`` is required. Every file may also be written as JSON
(``community.json``).
"""

from __future__ import annotations

import difflib
import os
from collections.abc import Iterable
from pathlib import Path
from typing import Any

import attrs

from copharvest.model import (
    FORMAT_VERSION,
    Chapter,
    Community,
    Lesson,
    Member,
    Organisation,
    PairTable,
    Quote,
    Reading,
    Session,
)
from copharvest.store import yamlio
from copharvest.store.converter import describe
from copharvest.store.problems import HarvestError, NotAHarvestFolder, PathPart, Problem
from copharvest.store.structure import structure
from copharvest.store.validate import Issue, validate

HEADER_FILE = "community"
COLLECTIONS: dict[str, type] = {
    "organisations": Organisation,
    "members": Member,
    "sessions": Session,
    "readings": Reading,
    "chapters": Chapter,
    "lessons": Lesson,
    "quotes": Quote,
    "tables": PairTable,
}
"""Collection name -> record type; the file of each is ``<name>.yaml``."""
SUFFIXES = (".yaml", ".yml", ".json")
STEMS = (HEADER_FILE, *COLLECTIONS)
"""Every file stem a harvest folder may hold."""


@attrs.define
class _Source:
    """One file as read; its locator finds lines only when there is a problem."""

    path: Path
    locator: yamlio.Locator

    def problems(self, found: Iterable[tuple[tuple[PathPart, ...], str]]) -> list[Problem]:
        return [
            Problem(file=self.path, path=path, line=self.locator.line(path), message=message)
            for path, message in found
        ]


def _find(folder: Path, stem: str) -> tuple[Path | None, list[Problem]]:
    found = [folder / f"{stem}{s}" for s in SUFFIXES if (folder / f"{stem}{s}").is_file()]
    if len(found) > 1:
        names = " and ".join(p.name for p in found)
        return None, [Problem(file=found[0], message=f"both {names} exist; keep only one")]
    return (found[0] if found else None), []


def _misnamed(folder: Path) -> list[Problem]:
    # A misspelt file name would silently drop its records; other files are left alone.
    problems = []
    for path in sorted(folder.iterdir()):
        if path.suffix not in SUFFIXES or path.stem in STEMS or not path.is_file():
            continue
        close = difflib.get_close_matches(path.stem.lower(), STEMS, n=1, cutoff=0.85)
        if close:
            problems.append(
                Problem(
                    file=path,
                    message=f"unknown file name; did you mean {close[0]}{path.suffix}?",
                )
            )
    return problems


def _read(path: Path) -> tuple[_Source | None, Any, list[Problem]]:
    try:
        text = yamlio.read_text(path)
        return _Source(path, yamlio.Locator(path, text)), yamlio.parse(path, text), []
    except yamlio.FileProblem as exc:
        return None, None, list(exc.problems)


def load(folder: str | os.PathLike[str]) -> Community:
    """Load and check a harvest folder.

    Raises :class:`HarvestError` listing every problem found; input files are only read.
    """
    root = Path(folder)
    if not root.is_dir():
        what = "does not exist" if not root.exists() else "is not a folder"
        raise NotAHarvestFolder([Problem(file=root, message=f"{what}; expected a harvest folder")])
    problems: list[Problem] = _misnamed(root)
    header_path, header_found = _find(root, HEADER_FILE)
    problems += header_found
    collection_paths: dict[str, Path] = {}
    for name in COLLECTIONS:
        path, found = _find(root, name)
        problems += found
        if path is not None:
            collection_paths[name] = path
    if header_path is None and not header_found:
        if not collection_paths and not problems:
            raise NotAHarvestFolder(
                [
                    Problem(
                        file=root,
                        message="not a harvest folder: no community.yaml "
                        "(run 'copharvest init' to start one)",
                    )
                ]
            )
        problems.append(Problem(file=root / "community.yaml", message="required file is missing"))
    if problems or header_path is None:
        raise HarvestError(problems)

    sources: dict[str, _Source] = {}
    values: dict[str, Any] = {}
    header_source, header_data, found = _read(header_path)
    problems += found
    if header_source is not None:
        sources[HEADER_FILE] = header_source
        newer = _newer_format(header_source, header_data)
        if newer:
            # fields of a newer format would only add noise; this is the one thing to say
            raise HarvestError(newer)
        problems += _structure_header(header_source, header_data, values)
    for name, path in collection_paths.items():
        source, data, found = _read(path)
        problems += found
        if source is None:
            continue
        sources[name] = source
        if not isinstance(data, list):
            message = f"expected a list of {name}, got {describe(data)}"
            problems += source.problems([((), message)])
            continue
        value, errors = structure(data, tuple.__class_getitem__((COLLECTIONS[name], ...)))
        if errors:
            problems += source.problems(errors)
        else:
            values[name] = value
    if problems:
        raise HarvestError(_in_order(problems, [header_path, *collection_paths.values()]))

    community: Community = attrs.evolve(values.pop(HEADER_FILE), **values)
    issues = validate(community)
    if community.cover_image is not None:
        issues += _cover_image(root, community.cover_image)
    if issues:
        found = [_issue_problem(sources[issue.file], issue) for issue in issues]
        raise HarvestError(_in_order(found, [header_path, *collection_paths.values()]))
    return community


IMAGE_SIGNATURES = {
    b"\x89PNG\r\n\x1a\n": "PNG",
    b"\xff\xd8\xff": "JPEG",
    b"GIF87a": "GIF",
    b"GIF89a": "GIF",
}
"""The picture formats a cover image may have: the ones Word and LibreOffice show."""


def _cover_image(root: Path, name: str) -> list[Issue]:
    """The cover image must be a PNG, JPEG or GIF file inside the harvest folder."""

    def problem(message: str) -> list[Issue]:
        return [Issue(HEADER_FILE, ("cover_image",), message)]

    relative = Path(name)
    if not name.strip() or "\0" in name or relative.is_absolute() or ".." in relative.parts:
        return problem(f"{name!r}: give a path inside the harvest folder")
    path = root / relative
    try:
        if not path.resolve().is_relative_to(root.resolve()):
            return problem(f"{name!r} leads outside the harvest folder")
        if path.is_dir():
            return problem(f"{name!r} is a folder, not a picture")
        if not path.exists():
            return problem(f"{name!r} does not exist in the harvest folder")
        if not path.is_file():
            return problem(f"{name!r} is not a file")
        with path.open("rb") as image:
            head = image.read(8)
    except (OSError, ValueError, RuntimeError) as exc:
        return problem(f"{name!r} cannot be read: {getattr(exc, 'strerror', None) or exc}")
    if not any(head.startswith(signature) for signature in IMAGE_SIGNATURES):
        return problem(f"{name!r} is not a PNG, JPEG or GIF picture")
    from docx.image.image import Image

    try:
        size = Image.from_file(str(path))
        damaged = not size.px_width or not size.px_height
    except Exception:  # python-docx raises its own errors for damaged pictures
        damaged = True
    if damaged:
        return problem(f"{name!r} is damaged: its size cannot be read")
    return []


def _in_order(problems: list[Problem], paths: list[Path]) -> list[Problem]:
    """File by file as they were read, and by line within a file."""
    rank = {path: n for n, path in enumerate(paths)}
    return sorted(problems, key=lambda p: (rank.get(p.file, -1), p.line or 0))


def _issue_problem(source: _Source, issue: Issue) -> Problem:
    message = issue.message
    line = source.locator.line(issue.path)
    if issue.first is not None:
        first = source.locator.line(issue.first)
        message += f" (first on line {first})" if first not in (None, line) else ""
    return Problem(file=source.path, path=issue.path, line=line, message=message)


def _newer_format(source: _Source, data: Any) -> list[Problem]:
    version = data.get("format_version") if isinstance(data, dict) else None
    if type(version) is not int or version <= FORMAT_VERSION:
        return []
    message = (
        f"format version {version} is newer than this copharvest reads "
        f"({FORMAT_VERSION}); upgrade copharvest"
    )
    return source.problems([(("format_version",), message)])


def _structure_header(source: _Source, data: Any, values: dict[str, Any]) -> list[Problem]:
    if not isinstance(data, dict):
        message = f"expected a mapping of the community's fields, got {describe(data)}"
        return source.problems([((), message)])
    misplaced = [key for key in data if key in COLLECTIONS]
    problems = source.problems(
        ((key,), f"{key} belong in {key}.yaml, not in {source.path.name}") for key in misplaced
    )
    value, errors = structure({k: v for k, v in data.items() if k not in COLLECTIONS}, Community)
    problems += source.problems(errors)
    if not problems:
        values[HEADER_FILE] = value
    return problems
