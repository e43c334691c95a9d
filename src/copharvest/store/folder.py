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

import os
import tempfile
from collections.abc import Iterable
from pathlib import Path
from typing import Any

import attrs

from copharvest.model import (
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
from copharvest.store.converter import converter
from copharvest.store.problems import HarvestError, NotAHarvestFolder, PathPart, Problem
from copharvest.store.structure import structure
from copharvest.store.validate import validate

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
SCHEMA_COMMENT = "# yaml-language-server: $schema={schema}\n"


@attrs.define
class _Source:
    """One file as read, kept to locate lines when there is a problem."""

    path: Path
    text: str


def _find(folder: Path, stem: str) -> tuple[Path | None, list[Problem]]:
    found = [folder / f"{stem}{suffix}" for suffix in SUFFIXES if (folder / f"{stem}{suffix}").is_file()]
    if len(found) > 1:
        names = " and ".join(p.name for p in found)
        return None, [Problem(file=found[0], message=f"both {names} exist; keep only one")]
    return (found[0] if found else None), []


def _locate(source: _Source, found: Iterable[tuple[tuple[PathPart, ...], str]]) -> list[Problem]:
    return [
        Problem(file=source.path, path=path, line=yamlio.locate(source.text, path), message=message)
        for path, message in found
    ]


def _read(path: Path) -> tuple[_Source | None, Any, list[Problem]]:
    try:
        text = yamlio.read_text(path)
        return _Source(path, text), yamlio.parse(path, text), []
    except yamlio.FileProblem as exc:
        return None, None, [exc.problem]


def load(folder: str | os.PathLike[str]) -> Community:
    """Load and check a harvest folder.

    Raises :class:`HarvestError` listing every problem found; input files are only read.
    """
    root = Path(folder)
    if not root.is_dir():
        what = "does not exist" if not root.exists() else "is not a folder"
        raise NotAHarvestFolder([Problem(file=root, message=f"{what}; expected a harvest folder")])
    problems: list[Problem] = []
    header_path, found = _find(root, HEADER_FILE)
    problems += found
    collection_paths: dict[str, Path] = {}
    for name in COLLECTIONS:
        path, found = _find(root, name)
        problems += found
        if path is not None:
            collection_paths[name] = path
    if problems:
        raise HarvestError(problems)
    if header_path is None:
        if not collection_paths:
            raise NotAHarvestFolder(
                [
                    Problem(
                        file=root,
                        message="not a harvest folder: no community.yaml "
                        "(run 'copharvest init' to start one)",
                    )
                ]
            )
        raise HarvestError(
            [Problem(file=root / "community.yaml", message="required file is missing")]
        )

    sources: dict[str, _Source] = {}
    values: dict[str, Any] = {}
    header_source, header_data, found = _read(header_path)
    problems += found
    if header_source is not None:
        sources[HEADER_FILE] = header_source
        problems += _structure_header(header_source, header_data, values)
    for name, path in collection_paths.items():
        source, data, found = _read(path)
        problems += found
        if source is None:
            continue
        sources[name] = source
        if not isinstance(data, list):
            problems.append(
                Problem(
                    file=path,
                    path=(),
                    line=1,
                    message=f"expected a list of {name}, got {_kind(data)}",
                )
            )
            continue
        value, errors = structure(data, tuple.__class_getitem__((COLLECTIONS[name], ...)))
        if errors:
            problems += _locate(source, errors)
        else:
            values[name] = value
    if problems:
        raise HarvestError(problems)

    community: Community = attrs.evolve(values.pop(HEADER_FILE), **values)
    issues = validate(community)
    if issues:
        raise HarvestError(
            Problem(
                file=sources[name].path if name in sources else root / f"{name}.yaml",
                path=path,
                line=yamlio.locate(sources[name].text, path) if name in sources else None,
                message=message,
            )
            for name, path, message in issues
        )
    return community


def _kind(data: Any) -> str:
    from copharvest.store.converter import describe

    return describe(data)


def _structure_header(source: _Source, data: Any, values: dict[str, Any]) -> list[Problem]:
    if not isinstance(data, dict):
        return [
            Problem(
                file=source.path,
                path=(),
                line=1,
                message=f"expected a mapping of the community's fields, got {_kind(data)}",
            )
        ]
    misplaced = [key for key in data if key in COLLECTIONS]
    if misplaced:
        return _locate(
            source,
            [((key,), f"{key} belong in {key}.yaml, not in {source.path.name}") for key in misplaced],
        )
    value, errors = structure(data, Community)
    if errors:
        return _locate(source, errors)
    values[HEADER_FILE] = value
    return []


def unstructure(community: Community) -> dict[str, Any]:
    """File stem -> plain data, as :func:`save` writes it."""
    data = converter.unstructure(community)
    files: dict[str, Any] = {HEADER_FILE: {k: v for k, v in data.items() if k not in COLLECTIONS}}
    for name in COLLECTIONS:
        files[name] = data.get(name, [])
    return files


def save(community: Community, folder: str | os.PathLike[str], *, schema: str | None = None) -> list[Path]:
    """Write ``community`` as a harvest folder (YAML, stable key order).

    Every file is written atomically. ``schema`` (a path or URL) adds the comment that
    lets editors validate the file against copharvest's JSON Schema. Returns the paths
    written.
    """
    root = Path(folder)
    root.mkdir(parents=True, exist_ok=True)
    written: list[Path] = []
    for stem, data in unstructure(community).items():
        for suffix in SUFFIXES:
            other = root / f"{stem}{suffix}"
            if suffix != ".yaml" and other.exists():
                raise HarvestError(
                    [Problem(file=other, message="would be shadowed by the saved .yaml; remove it first")]
                )
        header = SCHEMA_COMMENT.format(schema=schema) if schema else ""
        path = root / f"{stem}.yaml"
        atomic_write_text(path, yamlio.dump(data, header=header))
        written.append(path)
    return written


def atomic_write_bytes(path: Path, data: bytes) -> None:
    """Write ``data`` to ``path`` so that readers see the old file or the new one, never half."""
    path = Path(path)
    fd, tmp = tempfile.mkstemp(prefix=f".{path.name}.", suffix=".tmp", dir=path.parent or ".")
    try:
        with os.fdopen(fd, "wb") as handle:
            handle.write(data)
            handle.flush()
            os.fsync(handle.fileno())
        if path.exists():
            os.chmod(tmp, path.stat().st_mode & 0o777)
        else:
            umask = os.umask(0)
            os.umask(umask)
            os.chmod(tmp, 0o666 & ~umask)
        os.replace(tmp, path)
    except BaseException:
        Path(tmp).unlink(missing_ok=True)
        raise


def atomic_write_text(path: Path, text: str) -> None:
    """Text (UTF-8) version of :func:`atomic_write_bytes`."""
    atomic_write_bytes(path, text.encode("utf-8"))
