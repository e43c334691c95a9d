"""The cache folder: work copharvest can redo, kept between runs to save time.

It holds only what can be computed again from the package and the user's template
(today: compiled booklet templates), never records or output. Deleting it at any
time is safe. ``COPHARVEST_CACHE_DIR`` moves it; set to ``off`` (or empty), it turns
caching off. By default it is the platform's per-user cache folder:
``$XDG_CACHE_HOME/copharvest`` (``~/.cache/copharvest``) on Linux,
``~/Library/Caches/copharvest`` on macOS and ``%LOCALAPPDATA%\\copharvest\\Cache``
on Windows.
"""

from __future__ import annotations

import os
import sys
from pathlib import Path

ENV_VAR = "COPHARVEST_CACHE_DIR"
"""The environment variable that moves the cache folder, or turns caching off."""

_OFF = {"", "0", "off", "no", "false", "none"}


def cache_dir() -> Path | None:
    """The cache folder (it may not exist yet), or ``None`` when caching is off."""
    chosen = os.environ.get(ENV_VAR)
    if chosen is not None:
        return None if chosen.strip().lower() in _OFF else Path(chosen).expanduser()
    try:
        home = Path.home()
    except RuntimeError:  # no home folder to be found
        return None
    if sys.platform == "win32":
        local = os.environ.get("LOCALAPPDATA")
        return Path(local) / "copharvest" / "Cache" if local else None
    if sys.platform == "darwin":
        return home / "Library" / "Caches" / "copharvest"
    xdg = os.environ.get("XDG_CACHE_HOME", "")
    base = Path(xdg) if os.path.isabs(xdg) else home / ".cache"
    return base / "copharvest"


def subfolder(name: str) -> Path | None:
    """``name`` inside the cache folder, created if need be (readable by its owner
    only); ``None`` when caching is off, or the folder cannot be made, or it is not
    safe: the cache holds code that builds run, so on POSIX systems the folder must
    belong to this user and be writable by nobody else. Then nothing is cached."""
    root = cache_dir()
    if root is None:
        return None
    folder = root / name
    try:
        folder.mkdir(mode=0o700, parents=True, exist_ok=True)
        if not _private(folder):
            return None
    except (OSError, ValueError):
        return None
    return folder if os.access(folder, os.W_OK | os.X_OK) else None


def _private(folder: Path) -> bool:
    if not hasattr(os, "getuid"):
        return True  # Windows: the per-user profile folder protects it
    info = folder.stat()
    return info.st_uid == os.getuid() and not info.st_mode & 0o022
