"""Output files on the command line: :mod:`copharvest.outputs`, with each refusal a
usage error in one line (exit 2)."""

from __future__ import annotations

from collections.abc import Iterable
from pathlib import Path
from typing import Any

import click

from copharvest import outputs
from copharvest.outputs import STDOUT, harvest_inputs

__all__ = ["STDOUT", "UsageLine", "check_output", "choose_format", "harvest_inputs"]


class UsageLine(click.ClickException):
    """A usage error in one line (exit 2): an output path the command will not write,
    a format that does not match the output's name."""

    exit_code = 2


def check_output(target: Path, *, reads: Iterable[Path] = (), folder: Path | None = None) -> None:
    """:func:`copharvest.outputs.check_output`, refusing with a usage error."""
    try:
        outputs.check_output(target, reads=reads, folder=folder)
    except outputs.OutputError as exc:
        raise UsageLine(str(exc)) from None


def choose_format(formats: dict[str, Any], name: str | None, output: Path | None) -> Any:
    """:func:`copharvest.outputs.choose_format`, refusing with a usage error."""
    try:
        return outputs.choose_format(formats, name, output)
    except outputs.OutputError as exc:
        raise UsageLine(str(exc)) from None
