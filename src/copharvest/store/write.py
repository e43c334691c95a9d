"""Writing a harvest folder: several small YAML files, stable key order, atomically."""

from __future__ import annotations

import os
import tempfile
from pathlib import Path
from typing import Any

from copharvest.model import Community
from copharvest.store import commit
from copharvest.store.converter import converter
from copharvest.store.folder import COLLECTIONS, HEADER_FILE, SUFFIXES
from copharvest.store.problems import HarvestError, Problem
from copharvest.store.validate import validate

SCHEMA_COMMENT = "# yaml-language-server: $schema={schema}\n"


def unstructure(community: Community) -> dict[str, Any]:
    """File stem -> plain data, as :func:`save` writes it.

    Keys follow the order of the model's fields, after ``format_version``, which is
    always written; other fields at their default are left out, so files stay short.
    """
    data = converter.unstructure(community)
    # The format version is always written, first: a later release must be able to
    # tell which format an old file is in.
    header = {"format_version": community.format_version}
    header.update((k, v) for k, v in data.items() if k not in COLLECTIONS)
    files: dict[str, Any] = {HEADER_FILE: header}
    for name in COLLECTIONS:
        files[name] = data.get(name, [])
    return files


def save(
    community: Community, folder: str | os.PathLike[str], *, schema: str | None = None
) -> list[Path]:
    """Write ``community`` as a harvest folder (YAML, stable key order).

    Into an existing harvest folder, each file keeps everything it does not change:
    comments, key order, quoting, indentation, line ends (see
    :mod:`copharvest.store.roundtrip`); an unchanged community changes no byte, and a
    file that changed on disk meanwhile is not overwritten. A new folder gets one file
    per kind of record; nothing is written when a ``.yml`` or ``.json`` file of the
    same name would shadow or be shadowed by the new ``.yaml``. Either all files are
    written or none. ``schema`` (a path or URL; ``{stem}`` is replaced by the file's
    stem) adds the comment that lets editors validate a new file against copharvest's
    JSON Schema. Raises :class:`HarvestError` for a community that would not load back.
    Returns the paths written.
    """
    root = Path(folder)
    files = unstructure(community)
    issues = validate(community)
    if issues:
        raise HarvestError(
            [Problem(file=root / f"{i.file}.yaml", path=i.path, message=i.message) for i in issues]
        )
    existing = {
        stem: [p for s in SUFFIXES if (p := root / f"{stem}{s}").is_file()] for stem in files
    }
    if not existing[HEADER_FILE]:
        return _save_new(root, files, schema)
    problems = [
        Problem(file=found[0], message=f"both {' and '.join(p.name for p in found)} exist")
        for found in existing.values()
        if len(found) > 1
    ]
    if problems:
        raise HarvestError(problems)
    changes = []
    for stem, data in files.items():
        path = existing[stem][0] if existing[stem] else root / f"{stem}.yaml"
        original = commit.read(path)
        if original is None and stem != HEADER_FILE and not data:
            continue  # an empty collection needs no file
        header = SCHEMA_COMMENT.format(schema=schema.replace("{stem}", stem)) if schema else ""
        changes.append(commit.change(path, stem, data, original=original, header=header))
    return commit.commit(root, changes)


def _save_new(root: Path, files: dict[str, Any], schema: str | None) -> list[Path]:
    clashes = [
        Problem(file=other, message="would clash with the saved .yaml file; remove it first")
        for stem in files
        for suffix in SUFFIXES
        if suffix != ".yaml" and (other := root / f"{stem}{suffix}").exists()
    ]
    if clashes:
        raise HarvestError(clashes)
    changes = []
    for stem, data in files.items():
        header = SCHEMA_COMMENT.format(schema=schema.replace("{stem}", stem)) if schema else ""
        path = root / f"{stem}.yaml"
        changes.append(commit.change(path, stem, data, original=commit.read(path), header=header))
    commit.commit(root, changes)
    return [c.path for c in changes]


def atomic_write_bytes(path: Path, data: bytes) -> None:
    """Write ``data`` to ``path`` so that readers see the old file or the new one, never half."""
    path = Path(path)
    fd, tmp = tempfile.mkstemp(prefix=f".{path.name}.", suffix=".tmp", dir=path.parent)
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
