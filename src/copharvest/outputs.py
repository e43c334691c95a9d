"""Output files: never an input, never a record, never a read-only file replaced.

Shared by the command line (where each problem is a usage error, exit 2) and
:func:`copharvest.build`.
"""

from __future__ import annotations

import os
import stat
from collections.abc import Iterable
from pathlib import Path
from typing import Any


class OutputError(ValueError):
    """An output the caller asked for that will not be written, in one line: a path that
    would replace an input, a format that does not match the output's name."""


def _same(a: Path, b: Path) -> bool:
    try:
        return os.path.samefile(a, b)
    except OSError:
        return a.resolve() == b.resolve()


def _is_record_file(path: Path) -> bool:
    """Whether ``path`` names a file of a harvest folder (``members.yaml`` beside a
    ``community.yaml``, say)."""
    from copharvest.store.folder import HEADER_FILE, STEMS, SUFFIXES

    if path.suffix.lower() not in SUFFIXES or path.stem not in STEMS:
        return False
    parent = path.parent
    return any((parent / f"{HEADER_FILE}{suffix}").exists() for suffix in SUFFIXES)


def harvest_inputs(folder: Path) -> list[Path]:
    """The files of a harvest folder a command reads: its records and what they name."""
    from copharvest.store.folder import STEMS, SUFFIXES

    found = [folder / f"{stem}{suffix}" for stem in STEMS for suffix in SUFFIXES]
    return [path for path in found if path.exists()]


def check_output(target: Path, *, reads: Iterable[Path] = (), folder: Path | None = None) -> None:
    """Refuse (:class:`OutputError`) to write ``target`` when it would replace an input.

    Refused: a file the command reads (``reads``, the template say), a file of the
    harvest folder ``folder`` or of any other harvest folder, a file in ``folder`` that
    would be read as a record, something that is not a regular file, and an existing
    read-only file.
    """
    inputs = [*reads, *(harvest_inputs(folder) if folder is not None else ())]
    for path in inputs:
        if target.resolve() == path.resolve() or (target.exists() and _same(target, path)):
            raise OutputError(
                f"{target}: is an input of this command ({path}); choose another output file"
            )
    if _is_record_file(target):
        raise OutputError(
            f"{target}: is a file of the harvest folder {target.parent}; choose another output file"
        )
    if folder is not None and folder.exists():
        from copharvest.store.folder import SUFFIXES

        inside = target.resolve().parent == folder.resolve()
        if inside and target.suffix.lower() in SUFFIXES:
            raise OutputError(
                f"{target}: would be read as a record of the harvest folder {folder}; "
                "write it elsewhere"
            )
    try:
        info = os.stat(target)
    except OSError:
        return  # nothing there yet (or nothing that can be looked at): the write says
    if not stat.S_ISREG(info.st_mode):
        raise OutputError(f"{target}: exists and is not a regular file; choose another name")
    if not info.st_mode & (stat.S_IWUSR | stat.S_IWGRP | stat.S_IWOTH):
        raise OutputError(f"{target}: is read-only; make it writable or remove it to replace it")


STDOUT = Path("-")
"""``-o -``: write a text format to standard output."""


def default_output(folder: Path, audience: str, suffix: str) -> Path:
    """Where a build writes when no output is given: in the working folder, named after
    the harvest folder (``-internal`` for the internal audience) with the format's
    suffix."""
    tag = "-internal" if audience == "internal" else ""
    return Path(f"{folder.resolve().name}{tag}{suffix}")


def choose_format(formats: dict[str, Any], name: str | None, output: Path | None) -> Any:
    """The output format a build writes, from ``-f`` and the output's suffix.

    Without ``-f`` the format follows the suffix when exactly one registered format
    has it (letter case aside), and is ``docx`` when there is no output name; with
    ``-f``, a suffix that belongs to other formats only is a contradiction. Each
    problem is an :class:`OutputError` in one line; so is ``-o -`` for a format that is
    not text.
    """
    suffix = output.suffix.lower() if output is not None and output != STDOUT else ""
    owners = sorted(n for n, f in formats.items() if f.suffix.lower() == suffix and suffix)
    if name is None:
        if output is None or (output == STDOUT and not suffix):
            name = "docx"
        elif len(owners) == 1:
            name = owners[0]
        else:
            known = ", ".join(f"{f.suffix} ({n})" for n, f in sorted(formats.items()))
            what = f"the suffix {suffix!r}" if suffix else "an output name without a suffix"
            raise OutputError(
                f"{output}: cannot tell the format from {what}; use -f FORMAT (suffixes: {known})"
            )
    fmt = formats.get(name)
    if fmt is None:
        known = ", ".join(sorted(formats)) or "none"
        raise OutputError(f"unknown output format {name!r} (available: {known})")
    if owners and name not in owners:
        raise OutputError(
            f"{output}: the suffix {suffix!r} is for {' or '.join(owners)}, not {name}; "
            f"name the file {output.with_suffix(fmt.suffix).name if output else ''} "
            "or leave out -f"
        )
    if output == STDOUT and not fmt.text:
        raise OutputError(
            f"-o - writes to standard output, which takes text formats only; "
            f"{name} is not one (use -o FILE{fmt.suffix})"
        )
    return fmt
