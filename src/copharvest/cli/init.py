"""``copharvest init``: scaffold a commented starter harvest folder."""

from __future__ import annotations

from importlib.resources import files
from pathlib import Path

import click

from copharvest.cli.common import fail

STARTERS = {"en": "harvest", "nl": "harvest-nl"}
"""The starter folder (in the package's ``scaffold``) of each locale."""


@click.command()
@click.argument("folder", type=click.Path(path_type=Path))
@click.option(
    "--locale",
    type=click.Choice(sorted(STARTERS)),
    default="en",
    show_default=True,
    help="Language of the starter: its comments, sample text and booklet.",
)
def init(folder: Path, locale: str) -> None:
    """Create a starter harvest folder at FOLDER.

    The folder must not exist yet, or be empty. Every file is commented; edit them
    and run 'copharvest check FOLDER'. The JSON Schema of the files goes into
    FOLDER/.schema, and each file names its schema on its first line, so editors
    that know JSON Schema (e.g. VS Code's YAML extension) complete and check as you type.
    """
    if folder.exists() and (not folder.is_dir() or any(folder.iterdir())):
        fail(f"{folder}: already exists and is not empty; choose a new folder")
    try:
        written = _scaffold(folder, STARTERS[locale])
    except OSError as exc:
        fail(f"{exc.filename or folder}: cannot write: {exc.strerror}")
    click.echo(f"Created {folder} with {', '.join(written)}")
    click.echo(f"Next: edit the files, then run 'copharvest check {folder}'")


def _scaffold(folder: Path, starter: str = "harvest") -> list[str]:
    """Write the starter files into a new folder beside ``folder``, then move it into
    place: the folder appears whole, or not at all."""
    import shutil
    import tempfile

    from copharvest.schema import FOLDER_SCHEMA_DIR, write_schemas

    parent = folder.absolute().parent
    parent.mkdir(parents=True, exist_ok=True)
    staging = Path(tempfile.mkdtemp(prefix=f".{folder.name}.init-", dir=parent))
    try:
        scaffold = files("copharvest") / "scaffold" / starter
        written = []
        for item in sorted(scaffold.iterdir(), key=lambda p: p.name):
            if item.name.endswith(".yaml"):
                text = item.read_text(encoding="utf-8")
                if item.name == "community.yaml":
                    text = _with_privacy_key(text, dutch=starter.endswith("-nl"))
                (staging / item.name).write_text(text, encoding="utf-8")
                written.append(item.name)
        write_schemas(staging / FOLDER_SCHEMA_DIR)
        staging.chmod(0o777 & ~_umask())
        if folder.is_dir():
            folder.rmdir()  # empty: checked above
        staging.rename(folder)
    finally:
        if staging.exists():
            shutil.rmtree(staging)
    return written


_KEY_COMMENTS = {
    False: "keep secret: it numbers the pseudonyms of members without consent",
    True: "geheim houden: hiermee krijgen deelnemers zonder toestemming hun pseudoniem",
}


def _with_privacy_key(text: str, *, dutch: bool = False) -> str:
    """The starter community.yaml with a new secret that numbers pseudonyms."""
    import secrets

    line = f"privacy_key: {secrets.token_hex(16)}  # {_KEY_COMMENTS[dutch]}\n"
    anchor = "\nperiod:\n"
    return text.replace(anchor, f"\n{line}period:\n", 1)


def _umask() -> int:
    import os

    mask = os.umask(0)
    os.umask(mask)
    return mask
