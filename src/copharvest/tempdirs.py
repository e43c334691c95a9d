"""Temporary folders that a stopped command does not leave behind.

The ``copharvest`` command turns SIGTERM into a KeyboardInterrupt (as Ctrl-C), raised
wherever Python happens to be. Raised between the moment :mod:`tempfile` creates a
file or folder and the moment it can remove it again (its probe of the temporary
directory, ``mkdtemp`` before the folder has an owner), it left that file or folder
behind. The signals wait while a temporary folder is made and removed, and arrive
right after, where the folder is in the caller's hands.
"""

from __future__ import annotations

import contextlib
import signal
import tempfile
from collections.abc import Iterator
from pathlib import Path

_HELD = {getattr(signal, name) for name in ("SIGINT", "SIGTERM") if hasattr(signal, name)}


@contextlib.contextmanager
def _signals_held() -> Iterator[None]:
    if not hasattr(signal, "pthread_sigmask"):  # Windows: no signal masks
        yield
        return
    previous = signal.pthread_sigmask(signal.SIG_BLOCK, _HELD)
    try:
        yield
    finally:
        signal.pthread_sigmask(signal.SIG_SETMASK, previous)


@contextlib.contextmanager
def temporary_directory(prefix: str) -> Iterator[Path]:
    """A new folder in the temporary directory, removed with all it holds on the way
    out, however the block ends."""
    folder: tempfile.TemporaryDirectory[str] | None = None
    try:
        with _signals_held():
            folder = tempfile.TemporaryDirectory(prefix=prefix)
        # a signal that waited arrives here at the latest: the folder is in our hands
        yield Path(folder.name)
    finally:
        if folder is not None:
            with _signals_held():
                folder.cleanup()
