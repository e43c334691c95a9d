"""Import: read a sheet, merge it into a harvest folder, check, and only then write.

:func:`plan_import` reads, merges and checks the result with the same structuring and
cross-reference checks as ``copharvest.load``, without touching the disk; :func:`apply`
writes the plan. Only files whose records changed are rewritten, in the format they
had (YAML or JSON) and keeping the schema line at their top.
"""

from __future__ import annotations

import re
from collections.abc import Callable, Collection, Mapping
from pathlib import Path
from typing import Any, Literal

import attrs

from copharvest.model import Community
from copharvest.pack import DomainPack
from copharvest.sheets.attendance import read_attendance
from copharvest.sheets.columns import ColumnOptions
from copharvest.sheets.layout import ABOUT_SHEET, MARKER
from copharvest.sheets.merge import Accept, Incoming, Outcome, merge
from copharvest.sheets.problems import Location, SheetError, SheetProblem
from copharvest.sheets.reader import Book, open_book
from copharvest.sheets.records import read_records
from copharvest.store import COLLECTIONS, load, unstructure
from copharvest.store.commit import Change, LayoutError, StaleFile, change, commit, normalise
from copharvest.store.commit import read as read_bytes
from copharvest.store.folder import HEADER_FILE, SUFFIXES
from copharvest.store.problems import format_path
from copharvest.store.rebase import Conflict, Step, replay
from copharvest.store.rebase import merge as replay_on
from copharvest.store.structure import structure
from copharvest.store.validate import validate
from copharvest.store.yamlio import FileProblem, parse

Format = Literal["long", "matrix", "full"]
_SCHEMA_LINE = re.compile(r"#\s*yaml-language-server:\s*\$schema=\S+[^\n]*\n")


@attrs.frozen(kw_only=True)
class Plan:
    """What importing a sheet would do."""

    folder: Path
    """The harvest folder."""
    community: Community
    """The community after the import."""
    files: Mapping[str, str]
    """File name -> new text, for the files that change."""
    changes: tuple[str, ...]
    """What is added or changed, one line each."""
    conflicts: tuple[SheetProblem, ...]
    """Disagreements between the sheet and the folder; nothing is written while any remain."""
    new_folder: bool
    """Whether the folder is created."""
    form: Format
    """How the sheet was read."""


def is_records_workbook(book: Book) -> bool:
    """Whether ``book`` is a workbook written by ``copharvest export``."""
    names = book.names
    if not names or names[0] != ABOUT_SHEET:
        return False
    rows = book.grid(ABOUT_SHEET).rows
    return bool(rows) and bool(rows[0][1]) and rows[0][1][0] == MARKER


def _existing(folder: Path) -> Community | None:
    if not folder.exists() or (folder.is_dir() and not any(folder.iterdir())):
        return None
    return load(folder)


def _file_of(folder: Path, stem: str) -> Path | None:
    for suffix in SUFFIXES:
        path = folder / f"{stem}{suffix}"
        if path.is_file():
            return path
    return None


class StagedFiles(dict[str, str]):
    """File name -> new text, remembering each file's bytes and data when it was read."""

    def __init__(self, steps: list[Step]) -> None:
        self.changes = [s.change for s in steps if s.change is not None]
        super().__init__((c.path.name, c.data.decode("utf-8")) for c in self.changes)
        self.steps = steps


def _render(folder: Path, stem: str, data: Any, fallback_header: str, before: Any) -> Step:
    """The change for one harvest file, in the format and layout the folder already uses.

    ``before``: the file's data as loaded. A file that changed since (another import
    finished meanwhile) gets this import's changes replayed on what it holds now.
    """
    path = _file_of(folder, stem) or folder / f"{stem}.yaml"
    original = read_bytes(path)
    if original is None:
        before = [] if stem != HEADER_FILE else {}
    else:
        now = normalise(stem, parse(path, original.decode("utf-8-sig")))
        if now != before:
            try:
                data = replay_on(before, data, now, stem)
            except Conflict as exc:
                raise StaleFile(
                    0, f"changed on disk since it was read, and {exc}", str(path)
                ) from None
            before = now
    found = change(path, stem, data, original=original, header=fallback_header)
    return Step(path, stem, before, data, fallback_header, found)


def _schema_header(folder: Path, stem: str) -> str:
    # a new file points at its schema the way the community file points at its own
    path = _file_of(folder, HEADER_FILE)
    if path is None or path.suffix == ".json":
        return ""
    found = _SCHEMA_LINE.match(path.read_text(encoding="utf-8-sig"))
    if not found:
        return ""
    return found.group(0).replace(f"{HEADER_FILE}.schema.json", f"{stem}.schema.json")


def _files(folder: Path, before: Community | None, after: Community) -> StagedFiles:
    old = unstructure(before) if before is not None else {}
    steps = []
    for stem, data in unstructure(after).items():
        if before is not None and old.get(stem) == data:
            continue
        if before is None and stem != HEADER_FILE and not data:
            continue
        try:
            step = _render(folder, stem, data, _schema_header(folder, stem), old.get(stem))
        except (StaleFile, LayoutError, FileProblem) as exc:
            where = Location(source=str(getattr(exc, "filename", None) or folder / stem))
            raise SheetError.one(where, getattr(exc, "strerror", None) or str(exc)) from None
        if step.change is not None and step.change.data != step.change.original:
            steps.append(step)
    return StagedFiles(steps)


def _check(community: Community, batches: Mapping[str, list[Incoming]], folder: Path) -> None:
    """The checks of ``load``, in memory; problems point at the sheet where they can."""
    data = unstructure(community)
    header = data.pop(HEADER_FILE)
    whole = {**header, **{k: v for k, v in data.items() if v}}
    value, errors = structure(whole, Community)
    problems = []
    for path, message in errors:
        problems.append(
            SheetProblem(
                where=Location(source=str(folder)), message=f"{format_path(path)}: {message}"
            )
        )
    if value is not None:
        for issue in validate(value):
            where = _where(community, batches, folder, issue.file, issue.path)
            problems.append(SheetProblem(where=where, message=issue.message))
    if problems:
        raise SheetError(problems)


def _where(
    community: Community,
    batches: Mapping[str, list[Incoming]],
    folder: Path,
    stem: str,
    path: tuple[Any, ...],
) -> Location:
    if stem in COLLECTIONS and path and isinstance(path[0], int):
        record = getattr(community, stem)[path[0]]
        for item in batches.get(stem, ()):
            if getattr(item.record, "id", None) == getattr(record, "id", None):
                field = path[1] if len(path) > 1 and isinstance(path[1], str) else ""
                return item.at(field) if field else item.where
    return Location(source=f"{folder / stem}.yaml: {format_path(path)}")


def kind_labels(pack: DomainPack | None) -> tuple[str, ...]:
    """The printed forms, in every locale, of the pack's organisation kinds."""
    if pack is None:
        return ()
    return tuple(label for term in pack.organisation_kinds for label in term.label.values())


def _without_unused(outcome: Outcome, new: Collection[str]) -> Outcome:
    """The outcome without the sheet's new organisations no member ended up in (an
    accepted conflict may keep the folder's organisation)."""
    used = {m.organisation for m in outcome.community.members}
    unused = {o for o in new if o not in used}
    if not unused:
        return outcome
    community = attrs.evolve(
        outcome.community,
        organisations=tuple(o for o in outcome.community.organisations if o.id not in unused),
    )
    gone = tuple(f"add organisation {o!r}" for o in unused)
    changes = tuple(c for c in outcome.changes if not c.startswith(gone))
    return attrs.evolve(outcome, community=community, changes=changes)


def plan_import(
    sheet: Path,
    folder: Path,
    *,
    form: Format | None = None,
    sheet_name: str | None = None,
    columns: ColumnOptions | None = None,
    accept: Accept | None = None,
    packs: Callable[[str], DomainPack | None] | None = None,
) -> Plan:
    """Read ``sheet`` and merge it into the harvest folder ``folder``, writing nothing.

    ``packs`` finds the domain pack the folder names (its organisation kinds help
    match organisation names). Raises :class:`SheetError` for a sheet that cannot be
    read or a result that would not load, and :class:`~copharvest.store.HarvestError`
    for a folder with problems.
    """
    base = _existing(folder)
    pack = packs(base.pack) if packs is not None and base is not None and base.pack else None
    with open_book(sheet) as book:
        full = is_records_workbook(book)
        if form is None:
            form = "full" if full else None
        if form == "full":
            if not full:
                raise SheetError.one(
                    Location(source=sheet.name),
                    "not a records workbook written by 'copharvest export'",
                )
            header, collections = read_records(book)
            outcome = merge(
                base or header.record,
                collections,
                header=header if base is not None else None,
                accept=accept,
                partial=False,
            )
            used: Format = "full"
        else:
            grid = book.grid(sheet_name)
            batch = read_attendance(
                grid,
                base,
                form=form,
                options=columns,
                name=sheet.stem,
                accept=accept,
                kind_labels=kind_labels(pack),
            )
            collections = batch.collections
            outcome = merge(batch.base, collections, header=batch.header, accept=accept)
            new_orgs = [i.record.id for i in collections["organisations"]]
            outcome = _without_unused(outcome, new_orgs)
            outcome = attrs.evolve(outcome, conflicts=batch.conflicts + outcome.conflicts)
            used = batch.form
    if not outcome.conflicts:
        _check(outcome.community, collections, folder)
    return Plan(
        folder=folder,
        community=outcome.community,
        files=_files(folder, base, outcome.community),
        changes=((f"create the harvest folder {folder}",) if base is None else ())
        + outcome.changes,
        conflicts=outcome.conflicts,
        new_folder=base is None,
        form=used,
    )


def apply(plan: Plan) -> list[Path]:
    """Write the plan's files; returns the paths written. Refuses while conflicts remain.

    The plan's community has passed the checks of ``load`` (:func:`plan_import` made
    sure). Imports into one folder take turns (a lock file); every file is staged
    first and then all are replaced, or none: a file that changed on disk since the
    plan read it (another import finished first) gets the plan's changes replayed on
    what it holds now, record by record; when they cannot be merged,
    :class:`~copharvest.store.commit.StaleFile` is raised naming the file.
    """
    if plan.conflicts:
        raise ValueError("the plan has conflicts; nothing written")
    if not plan.files:
        return []
    files = plan.files
    if isinstance(files, StagedFiles):
        steps = files.steps
        return commit(plan.folder, files.changes, on_stale=lambda: replay(plan.folder, steps))
    else:  # a plan made by hand: its files are taken as they are now
        changes = [
            Change(path, read_bytes(path), text.encode("utf-8"))
            for name, text in files.items()
            for path in [plan.folder / name]
        ]
    return commit(plan.folder, changes)
