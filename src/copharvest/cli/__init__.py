"""The ``copharvest`` command line: a thin layer over the library.

Subcommands live in their own modules and are imported only when used, so that
``copharvest --help`` and ``copharvest check`` start fast.
"""

from __future__ import annotations

import importlib
import sys

import click

_COMMANDS: dict[str, str] = {
    "init": "copharvest.cli.init:init",
    "check": "copharvest.cli.check:check",
    "metrics": "copharvest.cli.metrics:metrics",
    "build": "copharvest.cli.build:build",
    "context": "copharvest.cli.build:context",
    "template": "copharvest.cli.build:template",
    "plugins": "copharvest.cli.plugins:plugins",
    "new-plugin": "copharvest.cli.plugins:new_plugin",
    "import": "copharvest.cli.sheets:import_sheet",
    "export": "copharvest.cli.sheets:export_sheet",
    "schema": "copharvest.cli.sheets:schema",
}
"""Builtin subcommands: name -> ``module:attribute``."""


class LazyGroup(click.Group):
    """A group that imports a subcommand's module only when it runs."""

    def list_commands(self, ctx: click.Context) -> list[str]:
        return sorted({*super().list_commands(ctx), *_COMMANDS})

    def get_command(self, ctx: click.Context, cmd_name: str) -> click.Command | None:
        target = _COMMANDS.get(cmd_name)
        if target is None:
            return super().get_command(ctx, cmd_name)
        module_name, attr = target.split(":")
        command: click.Command = getattr(importlib.import_module(module_name), attr)
        return command


def _version() -> str:
    from copharvest import __version__

    return __version__


@click.group(cls=LazyGroup, context_settings={"help_option_names": ["-h", "--help"]})
@click.version_option(version=None, package_name="copharvest", message="%(prog)s %(version)s")
def cli() -> None:
    """Turn the records of a Community of Practice into its harvest.

    A harvest folder holds the records (community.yaml, members.yaml,
    sessions.yaml, ...). Start one with 'copharvest init DIR', check it with
    'copharvest check DIR'.
    """


def main() -> None:
    """Entry point of the console script."""
    cli(prog_name="copharvest")


if __name__ == "__main__":  # pragma: no cover
    sys.exit(main())
