"""Writing harvest files safely: the new text of each file, then all files or none.

:func:`change` works out a file's new bytes from the bytes it had when it was read,
keeping its layout (:mod:`copharvest.store.roundtrip`), its byte order mark and its
line ends. :func:`commit` writes a set of changes under the folder's lock: every file
is staged first; a file that changed on disk since it was read is not overwritten;
when any file cannot be replaced, those already replaced get their old bytes back.
"""

from __future__ import annotations

import contextlib
import errno
import json
import os
import tempfile
import time
from collections.abc import Callable, Iterator, Sequence
from pathlib import Path
from typing import Any

import attrs

from copharvest.store import roundtrip, yamlio
from copharvest.store.converter import converter
from copharvest.store.folder import COLLECTIONS, HEADER_FILE
from copharvest.store.structure import structure

LOCK_NAME = ".copharvest.lock"
"""The lock file that serialises writes to one harvest folder (removed after each write)."""
LOCK_TIMEOUT = 60.0
"""Seconds to wait for another write to the same folder to finish."""
_BOM = "\ufeff"
_AGAIN = "nothing written; run the command again"


class StaleFile(OSError):
    """A file changed on disk between reading and writing; nothing was written."""


class LayoutError(ValueError):
    """The edited text would not read back as the data it should hold."""


@attrs.frozen
class Change:
    """One file to write."""

    path: Path
    original: bytes | None
    """The file's bytes when it was read; None when it did not exist."""
    data: bytes
    """The bytes to write."""


def normalise(stem: str, raw: Any) -> Any:
    """A file's parsed data as the model writes it (defaults left out, dates as text)."""
    from copharvest.model import Community

    if stem == HEADER_FILE:
        if not isinstance(raw, dict):
            return raw
        fields = {k: v for k, v in raw.items() if k not in COLLECTIONS}
        value, errors = structure(fields, Community)
        if errors:
            return raw
        data: dict[str, Any] = converter.unstructure(value)
        header = {"format_version": value.format_version}
        header.update((k, v) for k, v in data.items() if k not in COLLECTIONS)
        return header
    if not isinstance(raw, list):
        return raw
    out = []
    for record in raw:
        value, errors = structure(record, COLLECTIONS[stem])
        out.append(record if errors else converter.unstructure(value))
    return out


def _decode(original: bytes) -> tuple[str, str]:
    text = original.decode("utf-8")
    return (_BOM, text[1:]) if text.startswith(_BOM) else ("", text)


def change(
    path: Path,
    stem: str,
    data: Any,
    *,
    original: bytes | None,
    header: str = "",
) -> Change:
    """The change that makes ``path`` hold ``data``, keeping what it does not change.

    ``original`` is the file's content as read (None: the file is new and gets
    ``header``, the schema line, at its top). Unchanged data gives the very same bytes.
    """
    if original is None:
        if path.suffix == ".json":
            return Change(
                path, None, (json.dumps(data, ensure_ascii=False, indent=2) + "\n").encode()
            )
        return Change(path, None, yamlio.dump(data, header=header).encode("utf-8"))
    bom, text = _decode(original)
    old = normalise(stem, yamlio.parse(path, text))
    if old == data:
        return Change(path, original, original)
    if path.suffix == ".json":
        indent = _json_indent(text)
        newline = "\r\n" if "\r\n" in text else "\n"
        body = json.dumps(_keep(json.loads(text), old, data), ensure_ascii=False, indent=indent)
        body += "\n"
        return Change(path, original, (bom + body.replace("\n", newline)).encode("utf-8"))
    new_text = roundtrip.edit(text, old, data)
    try:
        back = normalise(stem, yamlio.parse(path, new_text))
    except yamlio.FileProblem as exc:
        raise LayoutError(f"{path}: the edited text does not parse: {exc}") from None
    if back != data:
        raise LayoutError(f"{path}: the edited text does not hold the new records")
    return Change(path, original, (bom + new_text).encode("utf-8"))


def _json_indent(text: str) -> int | None:
    for line in text.splitlines()[1:]:
        if line.strip():
            return len(line) - len(line.lstrip(" ")) or None
    return None


def _keep(raw: Any, old: Any, new: Any) -> Any:
    """``new``, keeping of the file's data ``raw`` (normalised: ``old``) what did not change.

    For JSON files: unchanged records stay as written (key order, spelt-out defaults),
    changed ones keep their key order.
    """
    if old == new:
        return raw
    if isinstance(raw, dict) and isinstance(old, dict) and isinstance(new, dict):
        out = {}
        for key, value in raw.items():
            if key in new:
                out[key] = _keep(value, old.get(key), new[key])
            elif key not in old:
                out[key] = value  # a default spelt out: the model reads it the same
        out.update((k, v) for k, v in new.items() if k not in raw)
        return out
    if isinstance(raw, list) and isinstance(old, list) and isinstance(new, list):
        if len(raw) != len(old):
            return new
        index = {roundtrip.ident(v): i for i, v in enumerate(old)}
        return [
            _keep(raw[i], old[i], item)
            if (i := index.get(roundtrip.ident(item))) is not None
            else item
            for item in new
        ]
    return new


def read(path: Path) -> bytes | None:
    """A file's bytes, or None when it does not exist."""
    try:
        return path.read_bytes()
    except FileNotFoundError:
        return None


def _take(path: Path) -> int | None:
    """An open descriptor holding the lock at ``path``, or None while another holds it."""
    try:
        import fcntl
    except ImportError:  # Windows: the lock file's existence is the lock
        try:
            return os.open(path, os.O_RDWR | os.O_CREAT | os.O_EXCL, 0o600)
        except FileExistsError:
            return None
    fd = os.open(path, os.O_RDWR | os.O_CREAT | getattr(os, "O_NOFOLLOW", 0), 0o600)
    try:
        fcntl.flock(fd, fcntl.LOCK_EX | fcntl.LOCK_NB)
    except BlockingIOError:
        os.close(fd)
        return None
    # the writer before us removes the file when it is done: then lock the new one
    try:
        same = os.fstat(fd).st_ino == os.stat(path).st_ino
    except FileNotFoundError:
        same = False
    if same:
        return fd
    os.close(fd)
    return None


@contextlib.contextmanager
def folder_lock(folder: Path, timeout: float = LOCK_TIMEOUT) -> Iterator[None]:
    """Hold the folder's lock: one writer at a time, across processes."""
    path = folder / LOCK_NAME
    deadline = time.monotonic() + timeout
    while (fd := _take(path)) is None:
        if time.monotonic() > deadline:
            raise OSError(
                errno.EBUSY, "another import is still writing this folder; try again", str(path)
            )
        time.sleep(0.02)
    try:
        yield
    finally:
        path.unlink(missing_ok=True)
        os.close(fd)


def _stage(item: Change) -> str:
    fd, tmp = tempfile.mkstemp(prefix=f".{item.path.name}.", suffix=".tmp", dir=item.path.parent)
    try:
        with os.fdopen(fd, "wb") as handle:
            handle.write(item.data)
            handle.flush()
            os.fsync(handle.fileno())
        if item.path.exists():
            os.chmod(tmp, item.path.stat().st_mode & 0o777)
        else:
            umask = os.umask(0)
            os.umask(umask)
            os.chmod(tmp, 0o666 & ~umask)
    except BaseException:
        Path(tmp).unlink(missing_ok=True)
        raise
    return tmp


def _restore(item: Change) -> None:
    with contextlib.suppress(OSError):
        if item.original is None:
            item.path.unlink(missing_ok=True)
        else:
            item.path.write_bytes(item.original)


def commit(
    folder: Path,
    changes: Sequence[Change],
    *,
    on_stale: Callable[[], Sequence[Change]] | None = None,
) -> list[Path]:
    """Write every change, or none; returns the paths written.

    Files whose bytes do not change are not touched. When a file no longer has the
    bytes it was read with, ``on_stale`` (called while the folder's lock is held) gives
    the changes anew from what the files hold now; without it, :class:`StaleFile` is
    raised naming the file, and nothing is written.
    """
    created = not folder.exists()
    if not [c for c in changes if c.data != c.original]:
        return []
    folder.mkdir(parents=True, exist_ok=True)
    staged: dict[Path, str] = {}
    written = False
    try:
        with folder_lock(folder):
            stale = next((c for c in changes if read(c.path) != c.original), None)
            if stale is not None:
                if on_stale is None:
                    raise StaleFile(
                        errno.EAGAIN,
                        f"changed on disk since it was read; {_AGAIN}",
                        str(stale.path),
                    )
                changes = on_stale()
            todo = [c for c in changes if c.data != c.original]
            for item in todo:
                staged[item.path] = _stage(item)
            done: list[Change] = []
            try:
                for item in todo:
                    os.replace(staged[item.path], item.path)
                    del staged[item.path]
                    done.append(item)
            except BaseException:
                for item in reversed(done):
                    _restore(item)
                raise
        written = True
        return [item.path for item in todo]
    finally:
        for tmp in staged.values():
            Path(tmp).unlink(missing_ok=True)
        if created and not written:
            with contextlib.suppress(OSError):
                folder.rmdir()
