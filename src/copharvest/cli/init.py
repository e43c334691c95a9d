"""``copharvest init``: scaffold a commented starter harvest folder."""

from __future__ import annotations

from importlib.resources import files
from pathlib import Path

import click

from copharvest.cli.common import fail


@click.command()
@click.argument("folder", type=click.Path(path_type=Path))
def init(folder: Path) -> None:
    """Create a starter harvest folder at FOLDER.

    The folder must not exist yet, or be empty. Every file is commented; edit them
    and run 'copharvest check FOLDER'. The JSON Schema of the files goes into
    FOLDER/.schema, and each file names its schema on its first line, so editors
    that know JSON Schema (e.g. VS Code's YAML extension) complete and check as you type.
    """
    from copharvest.schema import FOLDER_SCHEMA_DIR, write_schemas

    if folder.exists() and (not folder.is_dir() or any(folder.iterdir())):
        fail(f"{folder}: already exists and is not empty; choose a new folder")
    folder.mkdir(parents=True, exist_ok=True)
    scaffold = files("copharvest") / "scaffold" / "harvest"
    written = []
    for item in sorted(scaffold.iterdir(), key=lambda p: p.name):
        if item.name.endswith(".yaml"):
            (folder / item.name).write_text(item.read_text(encoding="utf-8"), encoding="utf-8")
            written.append(item.name)
    write_schemas(folder / FOLDER_SCHEMA_DIR)
    click.echo(f"Created {folder} with {', '.join(written)}")
    click.echo(f"Next: edit the files, then run 'copharvest check {folder}'")
