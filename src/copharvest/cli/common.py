"""Helpers shared by the subcommands: loading with errors for people."""

from __future__ import annotations

from pathlib import Path
from typing import TYPE_CHECKING, NoReturn

import click

if TYPE_CHECKING:
    from copharvest.model import Community


class DataError(click.ClickException):
    """Invalid data: the problems are already printed, one per line; exit 1."""

    exit_code = 1

    def __init__(self, count: int) -> None:
        super().__init__(f"{count} problem{'s' if count != 1 else ''} found")


def fail(message: str) -> NoReturn:
    """Stop with one line on stderr and exit 1."""
    raise click.ClickException(message)


def load_or_exit(folder: Path) -> Community:
    """Load a harvest folder; on problems print each on one line and exit 1."""
    from copharvest.store import HarvestError, load

    try:
        return load(folder)
    except HarvestError as exc:
        for problem in exc.problems:
            click.echo(str(problem), err=True)
        raise DataError(len(exc.problems)) from None


FOLDER = click.Path(file_okay=False, path_type=Path)
"""A harvest folder argument (existence is checked by the loader, with a clear line)."""
