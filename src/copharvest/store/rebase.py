"""Three-way merge of a file's data: our change, replayed on what another writer left.

When a file changed on disk after it was read (another import finished first), the
change we meant (``before`` -> ``after``) is replayed on what the file holds now
(``current``). Records are matched by id, other list items by their whole value, so
two records that cannot be told apart are never merged; where both writers changed the
same field differently, :class:`Conflict` is raised and nothing is written.
"""

from __future__ import annotations

import errno
import json
from collections.abc import Sequence
from pathlib import Path
from typing import Any

import attrs

from copharvest.store.commit import Change, StaleFile, change, read
from copharvest.store.folder import HEADER_FILE
from copharvest.store.problems import HarvestError
from copharvest.store.structure import structure

_MISSING: Any = object()


class Conflict(ValueError):
    """Both writers changed the same thing differently."""


def _ident(value: Any) -> Any:
    if isinstance(value, dict) and isinstance(value.get("id"), str):
        return ("id", value["id"])
    return ("value", json.dumps(value, sort_keys=True, default=str))


def _label(value: Any) -> str:
    kind, what = _ident(value)
    return repr(what) if kind == "id" else "an item"


def merge(before: Any, after: Any, current: Any, where: str = "") -> Any:
    """``current`` with the change from ``before`` to ``after`` applied."""
    if after == before or current == after:
        return current
    if current == before:
        return after
    if all(isinstance(x, dict) for x in (before, after, current)):
        return _merge_mapping(before, after, current, where)
    if all(isinstance(x, list) for x in (before, after, current)):
        return _merge_list(before, after, current, where)
    raise Conflict(f"{where or 'the file'} was changed by both")


def _merge_mapping(
    before: dict[str, Any], after: dict[str, Any], current: dict[str, Any], where: str
) -> dict[str, Any]:
    out: dict[str, Any] = {}
    for key in [*current, *(k for k in after if k not in current)]:
        value = merge(
            before.get(key, _MISSING),
            after.get(key, _MISSING),
            current.get(key, _MISSING),
            f"{where}.{key}" if where else key,
        )
        if value is not _MISSING:
            out[key] = value
    return out


def _merge_list(before: list[Any], after: list[Any], current: list[Any], where: str) -> list[Any]:
    old = {_ident(v): v for v in before}
    new = {_ident(v): v for v in after}
    now = {_ident(v): v for v in current}
    if len(old) != len(before) or len(new) != len(after) or len(now) != len(current):
        raise Conflict(f"{where or 'the file'} holds items that cannot be told apart")
    out = dict(now)
    for key, value in new.items():
        if key in old:
            if key not in now:
                raise Conflict(f"{where}: {_label(value)} was removed by the other change")
            out[key] = merge(old[key], value, now[key], f"{where}[{_label(value)}]")
        elif key in now and now[key] != value:
            raise Conflict(f"{where}: {_label(value)} was added by both, differently")
        else:
            out[key] = value
    for key, value in old.items():
        if key not in new and key in out:
            if now[key] != value:
                raise Conflict(f"{where}: {_label(value)} was changed by the other change")
            del out[key]
    return list(out.values())


@attrs.frozen
class Step:
    """One file's change as planned: its data before and after, from a read earlier."""

    path: Path
    stem: str
    before: Any
    after: Any
    header: str = ""
    change: Change | None = None
    """The change as first worked out."""


def _stale(path: Path, why: str) -> StaleFile:
    return StaleFile(
        errno.EAGAIN,
        f"changed on disk since it was read, and {why}; nothing written; run the command again",
        str(path),
    )


def replay(folder: Path, steps: Sequence[Step]) -> list[Change]:
    """The planned changes, replayed on what the folder holds now (its lock held).

    Raises :class:`StaleFile` naming the file when the changes cannot be merged or the
    merged folder would not load.
    """
    from copharvest.model import Community
    from copharvest.store.folder import load
    from copharvest.store.validate import validate
    from copharvest.store.write import unstructure

    try:
        data = unstructure(load(folder))
    except HarvestError as exc:
        raise _stale(folder, f"it does not load now ({exc.problems[0]})") from None
    for step in steps:
        try:
            data[step.stem] = merge(step.before, step.after, data.get(step.stem, []), step.stem)
        except Conflict as exc:
            raise _stale(step.path, str(exc)) from None
    whole = {**data[HEADER_FILE], **{k: v for k, v in data.items() if k != HEADER_FILE and v}}
    community, errors = structure(whole, Community)
    found = [message for _, message in errors]
    found += [issue.message for issue in validate(community)] if community is not None else []
    if found:
        raise _stale(steps[0].path, f"the merged records would not load ({found[0]})")
    return [
        change(s.path, s.stem, data[s.stem], original=read(s.path), header=s.header) for s in steps
    ]
