"""Merging records read from a sheet into a community, never silently overwriting.

A record from the sheet is matched to the folder's by id (or, without an id, by being
equal: each of the folder's equal records matches one of the sheet's, and a sheet that
holds one more holds a record of its own, which is added). A field the folder leaves empty is filled in; a field on which the two disagree
is a *conflict*, reported with the sheet row and column it came from. Attendance and
preparation groups are sets: the sheet's names are added to the folder's, never taken away.
"""

from __future__ import annotations

import datetime as dt
import enum
from collections import Counter
from collections.abc import Iterable, Mapping, Sequence
from typing import Any, Literal

import attrs

from copharvest.model import Community
from copharvest.sheets.problems import Location, SheetProblem
from copharvest.store.validate import RECORD_NAMES

Accept = Literal["sheet", "folder"]
UNION_FIELDS = frozenset({"attendance", "preparation"})
"""Fields holding a set of member ids: merged by union."""
COLLECTION_NAMES = RECORD_NAMES
"""Collection -> what one of its records is called, as loading names them."""


@attrs.frozen(kw_only=True)
class Incoming:
    """A record read from a sheet, with where each of its fields came from."""

    record: Any
    """The record (an attrs instance)."""
    where: Location
    """Its row."""
    fields: Mapping[str, Location] = attrs.field(factory=dict)
    """Field (dotted for nested values) -> the cell it came from, where known."""

    def at(self, field: str) -> Location:
        """Where ``field`` came from (its row when the cell is not known)."""
        return self.fields.get(field, self.where)


@attrs.frozen(kw_only=True)
class Outcome:
    """The merged community and what merging it would do."""

    community: Community
    """The community with the sheet's records merged in."""
    changes: tuple[str, ...]
    """What is added or changed, one line each."""
    conflicts: tuple[SheetProblem, ...]
    """Where the sheet and the folder disagree."""


def show(value: Any) -> str:
    """A short rendering of a field value for messages."""
    if value is None:
        return "nothing"
    if isinstance(value, dt.date):
        return value.isoformat()
    if isinstance(value, enum.Enum):
        return repr(value.value)
    if isinstance(value, tuple):
        if all(isinstance(v, str) for v in value):
            return "[" + ", ".join(value) + "]"
        return f"{len(value)} item{'s' if len(value) != 1 else ''}"
    if attrs.has(type(value)):
        return type(value).__name__.lower()
    return repr(value)


def _default(cl: type, name: str) -> Any:
    default = attrs.fields_dict(cl)[name].default
    return None if default is attrs.NOTHING else default


def _label(what: str, record: Any) -> str:
    rid = getattr(record, "id", None)
    name = getattr(record, "name", None)
    label = f"{what} {rid!r}" if rid is not None else what
    return f"{label} ({name})" if isinstance(name, str) and name and name != rid else label


class _Merger:
    def __init__(self, accept: Accept | None, partial: bool) -> None:
        self.accept = accept
        self.partial = partial
        self.changes: list[str] = []
        self.conflicts: list[SheetProblem] = []

    def record(self, label: str, old: Any, new: Incoming, prefix: str = "") -> Any:
        """``old`` with ``new``'s fields merged in."""
        updates: dict[str, Any] = {}
        incoming = new.record
        cl = type(old)
        for field in attrs.fields(cl):
            name = field.name
            if cl is Community and name in COLLECTION_NAMES:
                continue
            before, after = getattr(old, name), getattr(incoming, name)
            if before == after:
                continue
            path = f"{prefix}{name}"
            if name in UNION_FIELDS:
                known = set(before)
                added = tuple(x for x in after if x not in known)
                if added:
                    updates[name] = before + added
                    self.changes.append(f"{label}: add {len(added)} to {name} ({', '.join(added)})")
                continue
            default = _default(cl, name)
            if self.partial and after == default:
                continue
            if attrs.has(type(before)) and attrs.has(type(after)) and not hasattr(before, "id"):
                merged = self.record(label, before, attrs.evolve(new, record=after), f"{path}.")
                if merged is not before:
                    updates[name] = merged
                continue
            if before == default:
                updates[name] = after
                self.changes.append(f"{label}: set {path} to {show(after)}")
                continue
            message = (
                f"{label}: {path} differs: the folder has {show(before)}, the sheet {show(after)}"
            )
            if self.accept == "sheet":
                updates[name] = after
                self.changes.append(f"{label}: change {path} from {show(before)} to {show(after)}")
            elif self.accept is None:
                self.conflicts.append(SheetProblem(where=new.at(path), message=message))
        return attrs.evolve(old, **updates) if updates else old

    def collection(self, name: str, old: Sequence[Any], new: Iterable[Incoming]) -> tuple[Any, ...]:
        what = COLLECTION_NAMES[name]
        out = list(old)
        by_id = {r.id: i for i, r in enumerate(out) if getattr(r, "id", None) is not None}
        # records without an id are told apart by their content only: each of the
        # sheet's is one of the folder's equal records, as many times as the folder has
        # it; a further equal one is a record of its own (never merged into another)
        # (records are frozen and hold tuples, never lists or dicts: they hash)
        unmatched = Counter(r for r in out if getattr(r, "id", None) is None)
        for item in new:
            rid = getattr(item.record, "id", None)
            if rid is None:
                if unmatched[item.record]:
                    unmatched[item.record] -= 1
                else:
                    out.append(item.record)
                    self.changes.append(f"add a {what}: {_excerpt(item.record)}")
                continue
            if rid in by_id:
                i = by_id[rid]
                out[i] = self.record(_label(what, out[i]), out[i], item)
            else:
                by_id[rid] = len(out)
                out.append(item.record)
                self.changes.append(f"add {_label(what, item.record)}")
        return tuple(out)


def _excerpt(record: Any) -> str:
    text = str(getattr(record, "text", "") or getattr(record, "title", ""))
    return repr(text if len(text) <= 50 else text[:47] + "...")


def merge(
    base: Community,
    collections: Mapping[str, Iterable[Incoming]],
    *,
    header: Incoming | None = None,
    accept: Accept | None = None,
    partial: bool = True,
) -> Outcome:
    """Merge records from a sheet into ``base``.

    ``partial``: the sheet holds only some fields (an attendance list), so an empty
    cell keeps the folder's value; otherwise (a full records workbook) an empty cell
    where the folder has a value is a conflict too. ``accept`` settles conflicts:
    ``"sheet"`` takes the sheet's value, ``"folder"`` keeps the folder's.
    """
    merger = _Merger(accept, partial)
    community = base
    if header is not None:
        community = merger.record("community", base, header)
    updates: dict[str, Any] = {
        name: merger.collection(name, getattr(community, name), records)
        for name, records in collections.items()
    }
    community = attrs.evolve(community, **updates)
    return Outcome(
        community=community,
        changes=tuple(merger.changes),
        conflicts=tuple(merger.conflicts),
    )
