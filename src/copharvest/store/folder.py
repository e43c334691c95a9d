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

import datetime as dt
import difflib
import os
import stat
from collections.abc import Callable, Collection, Iterable
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
    Period,
    Quote,
    Reading,
    Session,
)
from copharvest.store import yamlio
from copharvest.store.blocks_check import PackFacts
from copharvest.store.converter import describe
from copharvest.store.pictures import picture_problem
from copharvest.store.problems import HarvestError, NotAHarvestFolder, PathPart, Problem
from copharvest.store.structure import structure
from copharvest.store.validate import Issue, did_you_mean, validate

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


MAX_FOLDER_BYTES = 200 * 1024 * 1024
"""The most the harvest files of one folder may hold together (200 MB)."""


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


def _not_a_file(root: Path, path: Path) -> str | None:
    """Why ``path`` cannot be read as a harvest file, or none when it can."""
    try:
        info = os.lstat(path)
        if stat.S_ISLNK(info.st_mode):
            if not Path(os.path.realpath(path)).is_relative_to(os.path.realpath(root)):
                return "is a link to a file outside the harvest folder; copy the file in instead"
            try:
                info = os.stat(path)
            except OSError:
                return "is a link to a file that does not exist"
    except OSError as exc:
        return f"cannot be read: {exc.strerror}"
    kind = yamlio.file_kind(info.st_mode)
    return None if kind is None else f"is {kind}, not a file"


def _find(folder: Path, stem: str) -> tuple[Path | None, list[Problem]]:
    found = [folder / f"{stem}{s}" for s in SUFFIXES if os.path.lexists(folder / f"{stem}{s}")]
    if len(found) > 1:
        names = " and ".join(p.name for p in found)
        return None, [Problem(file=found[0], message=f"both {names} exist; keep only one")]
    if not found:
        return None, []
    why = _not_a_file(folder, found[0])
    if why is not None:
        return None, [Problem(file=found[0], message=why)]
    return found[0], []


def _misnamed(folder: Path) -> list[Problem]:
    # A misspelt file name would silently drop its records; other files are left alone.
    problems = []
    for path in sorted(folder.iterdir()):
        if path.suffix not in SUFFIXES or path.stem in STEMS:
            continue
        close = difflib.get_close_matches(path.stem.lower(), STEMS, n=1, cutoff=0.85)
        if close:
            problems.append(
                Problem(
                    file=path,
                    message=f"unknown file name; did you mean {close[0]}{path.suffix}? "
                    "(its records are not read)",
                )
            )
    return problems


def _read(path: Path) -> tuple[_Source | None, Any, list[Problem]]:
    """The file's source and data, with its repeated keys; no source when it cannot be read."""
    try:
        text = yamlio.read_text(path)
        data, repeated = yamlio.parse_all(path, text)
    except yamlio.FileProblem as exc:
        return None, None, list(exc.problems)
    return _Source(path, yamlio.Locator(path, text)), data, repeated


def _too_large(root: Path, paths: Iterable[Path]) -> list[Problem]:
    total = 0
    for path in paths:
        try:
            total += os.stat(path).st_size
        except OSError:
            continue  # reported when the file is read
    if total <= MAX_FOLDER_BYTES:
        return []
    message = (
        f"the harvest files hold {yamlio.megabytes(total)}, more than the "
        f"{yamlio.megabytes(MAX_FOLDER_BYTES)} a harvest folder may hold"
    )
    return [Problem(file=root, message=message)]


@attrs.define
class _Folder:
    """What was read of a folder so far: sources, structured values, problems."""

    root: Path
    packs: Packs
    problems: list[Problem] = attrs.Factory(list)
    sources: dict[str, _Source] = attrs.Factory(dict)
    values: dict[str, Any] = attrs.Factory(dict)
    kept: dict[str, list[int]] = attrs.Factory(dict)
    """Collection -> the index in its file of each record structured (when some failed)."""
    extra: dict[str, set[str]] = attrs.Factory(dict)
    """Collection -> ids of records that exist but could not be structured."""
    unread: set[str] = attrs.Factory(set)
    """Stems of files that exist but could not be read or parsed."""
    period: Period | None = None
    standing: dict[str, Any] = attrs.Factory(dict)
    """What the stand-in of a community.yaml that could not be structured keeps of it: the
    pack it names ("" when that cannot be told) and its locale, so that the records are
    checked against the right pack."""


Packs = Collection[str] | Callable[[], Collection[str] | None] | None
"""The installed domain packs, or a function that finds them when a pack is named."""
PackFinder = Callable[[str], Any] | None
"""Finds an installed domain pack by id (``None`` when it is not installed)."""


def load(
    folder: str | os.PathLike[str], *, packs: Packs = None, pack: PackFinder = None
) -> Community:
    """Load and check a harvest folder.

    Raises :class:`HarvestError` listing every problem found in one pass: of every
    file that can be read, with the cross-references between them. ``packs``, when
    given, are the installed domain packs the community may name (or a function that
    returns them, called only when the community names one). ``pack``, when given,
    finds an installed domain pack by id, so that blocks placing the pack's tables and
    annex groups of its insights are checked too. Input files are only read.
    """
    root = Path(folder)
    if not root.is_dir():
        what = "does not exist" if not root.exists() else "is not a folder"
        raise NotAHarvestFolder([Problem(file=root, message=f"{what}; expected a harvest folder")])
    state = _Folder(root, packs)
    state.problems += _misnamed(root)
    paths: dict[str, Path] = {}
    for stem in STEMS:
        path, found = _find(root, stem)
        state.problems += found
        if found:
            state.unread.add(stem)
        if path is not None:
            paths[stem] = path
    if HEADER_FILE not in paths and HEADER_FILE not in state.unread:
        if not paths and not state.problems:
            raise NotAHarvestFolder(
                [
                    Problem(
                        file=root,
                        message="not a harvest folder: no community.yaml "
                        "(run 'copharvest init' to start one)",
                    )
                ]
            )
        state.problems.append(
            Problem(file=root / "community.yaml", message="required file is missing")
        )
        state.unread.add(HEADER_FILE)
    too_large = _too_large(root, paths.values())
    if too_large:
        raise HarvestError(too_large)
    order = [root / "community.yaml", *paths.values()]
    if HEADER_FILE in paths:
        _read_header(state, paths[HEADER_FILE])
    for name, path in paths.items():
        if name != HEADER_FILE:
            _read_collection(state, name, path)

    header = state.values.pop(HEADER_FILE, None)
    if header is None:
        # a stand-in, so the records can be checked against each other
        header = Community(
            name="", period=state.period or Period(start=dt.date.min), **state.standing
        )
        if state.period is None:
            state.unread.add(HEADER_FILE)
    community: Community = attrs.evolve(header, **state.values)
    facts = None
    if pack is not None and community.pack is not None and HEADER_FILE not in state.unread:
        found = pack(community.pack)
        facts = None if found is None else PackFacts.of(found, community.locale)
    issues = validate(community, extra=state.extra, unread=state.unread, pack=facts)
    issues += _pictures(root, community, HEADER_FILE in state.sources)
    for issue in issues:
        kept = state.kept.get(issue.file)
        if kept is not None:
            # the index among the structured records -> the index in the file
            where = _shift(issue.path, kept) or ()
            issue = attrs.evolve(issue, path=where, first=_shift(issue.first, kept))
        state.problems.append(_issue_problem(state.sources[issue.file], issue))
    if state.problems:
        # what could not be checked comes last, after what was found
        raise HarvestError(_in_order(state.problems, order) + _not_checked(state, paths))
    return community


def _shift(path: tuple[PathPart, ...] | None, kept: list[int]) -> tuple[PathPart, ...] | None:
    if path and isinstance(path[0], int):
        return (kept[path[0]], *path[1:])
    return path


REFERRED = {
    "organisations": "organisations",
    "members": "members",
    "sessions": "sessions",
    "chapters": "chapters",
}


def _not_checked(state: _Folder, paths: dict[str, Path]) -> list[Problem]:
    """One line for each file that could not be read and that other records refer to."""
    problems = []
    others = state.values.keys() - {HEADER_FILE}
    for name in sorted(state.unread & REFERRED.keys()):
        if others - {name} and (name in paths or any(p.file.stem == name for p in state.problems)):
            file = paths.get(name) or state.root / f"{name}.yaml"
            message = (
                f"references to {REFERRED[name]} from other files are not checked "
                "until this file can be read"
            )
            problems.append(Problem(file=file, message=message))
    sessions = state.values.get("sessions")
    if state.period is None and HEADER_FILE in paths and sessions:
        message = "sessions are not checked against the period until this file can be read"
        problems.append(Problem(file=paths[HEADER_FILE], message=message))
    return problems


def _read_header(state: _Folder, path: Path) -> None:
    source, data, found = _read(path)
    state.problems += found
    if source is None:
        state.unread.add(HEADER_FILE)
        return
    state.sources[HEADER_FILE] = source
    newer = _newer_format(source, data)
    if newer:
        # fields of a newer format would only add noise; this is the one thing to say
        raise HarvestError(newer)
    if state.packs is not None:
        state.problems += _pack(source, data, state.packs)
    state.problems += _structure_header(source, data, state)


def _pack(source: _Source, data: Any, given: Packs) -> list[Problem]:
    name = data.get("pack") if isinstance(data, dict) else None
    if not isinstance(name, str):
        return []
    packs = given() if callable(given) else given
    if packs is None or name in packs:
        return []
    known = ", ".join(sorted(packs)) or "none"
    message = (
        f"domain pack {name!r} is not installed{did_you_mean(name, packs)} "
        f"(installed: {known}; see 'copharvest plugins')"
    )
    return source.problems([(("pack",), message)])


def _read_collection(state: _Folder, name: str, path: Path) -> None:
    source, data, found = _read(path)
    state.problems += found
    if source is None:
        state.unread.add(name)
        return
    state.sources[name] = source
    if not isinstance(data, list):
        message = f"expected a list of {name}, got {describe(data)}"
        state.problems += source.problems([((), message)])
        state.unread.add(name)
        return
    record = COLLECTIONS[name]
    value, errors = structure(data, tuple.__class_getitem__((record, ...)))
    if not errors:
        state.values[name] = value
        return
    state.problems += source.problems(errors)
    # Keep the records without problems, so the others can still be checked against them.
    failed = {path[0] for path, _ in errors if path and isinstance(path[0], int)}
    kept = [i for i in range(len(data)) if i not in failed]
    state.values[name], _ = structure(
        [data[i] for i in kept], tuple.__class_getitem__((record, ...))
    )
    state.kept[name] = kept
    state.extra[name] = {
        item["id"]
        for i, item in enumerate(data)
        if i in failed and isinstance(item, dict) and isinstance(item.get("id"), str)
    }
    if name == "sessions":  # a quote may name a guest of a session that failed
        state.extra["guests"] = {
            guest["id"]
            for i in failed
            if isinstance(data[i], dict) and isinstance(data[i].get("guests"), list)
            for guest in data[i]["guests"]
            if isinstance(guest, dict) and isinstance(guest.get("id"), str)
        }


def _pictures(root: Path, community: Community, header: bool) -> list[Issue]:
    """The cover image and every picture block: PNG, JPEG or GIF files inside the folder."""
    issues = []
    if header and community.cover_image is not None:
        why = picture_problem(root, community.cover_image)
        if why is not None:
            issues.append(Issue(HEADER_FILE, ("cover_image",), why))
    for i, chapter in enumerate(community.chapters):
        for j, block in enumerate(chapter.blocks):
            if block.picture is not None:
                why = picture_problem(root, block.picture)
                if why is not None:
                    where = (i, "blocks", j, "picture")
                    issues.append(Issue("chapters", where, why, record=f"chapter {chapter.id!r}"))
    return issues


def locate(root: Path, issues: Iterable[Issue]) -> list[Problem]:
    """The ``issues`` about a loaded folder as problems with their files and lines."""
    sources: dict[str, _Source | None] = {}
    out = []
    for issue in issues:
        if issue.file not in sources:
            path, _ = _find(root, issue.file)
            sources[issue.file] = None if path is None else _read(path)[0]
        source = sources[issue.file]
        if source is None:
            out.append(
                Problem(file=root / f"{issue.file}.yaml", path=issue.path, message=issue.text)
            )
        else:
            out.append(_issue_problem(source, issue))
    return out


def _in_order(problems: list[Problem], paths: list[Path]) -> list[Problem]:
    """File by file as they were read, and by line within a file."""
    rank = {path: n for n, path in enumerate(paths)}
    return sorted(problems, key=lambda p: (rank.get(p.file, -1), p.line or 0))


def _issue_problem(source: _Source, issue: Issue) -> Problem:
    message = issue.text
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


def _structure_header(source: _Source, data: Any, state: _Folder) -> list[Problem]:
    if not isinstance(data, dict):
        message = f"expected a mapping of the community's fields, got {describe(data)}"
        return source.problems([((), message)])
    misplaced = [key for key in data if key in COLLECTIONS]
    problems = source.problems(
        ((key,), f"{key} belong in {key}.yaml, not in {source.path.name}") for key in misplaced
    )
    value, errors = structure({k: v for k, v in data.items() if k not in COLLECTIONS}, Community)
    problems += source.problems(errors)
    if not errors:
        state.values[HEADER_FILE] = value
        state.period = value.period
    else:
        # the period alone still lets the sessions be checked against it
        state.period, _ = structure(data.get("period"), Period)
        if "pack" in data:  # a pack that cannot be told is not the generic one
            state.standing["pack"] = data["pack"] if isinstance(data["pack"], str) else ""
        if isinstance(data.get("locale"), str):
            state.standing["locale"] = data["locale"]
    return problems
