"""The ``copharvest`` command line: a thin layer over the library.

Subcommands live in their own modules and are imported only when used, so that
``copharvest --help`` and ``copharvest check`` start fast.
"""

from __future__ import annotations

import gc
import importlib
import signal
import sys
from typing import Any

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
    "upgrade": "copharvest.cli.upgrade:upgrade",
}
"""Builtin subcommands: name -> ``module:attribute``."""


class LazyGroup(click.Group):
    """A group that imports a subcommand's module only when it runs."""

    def list_commands(self, ctx: click.Context) -> list[str]:
        self._add_plugin_commands(ctx)
        return sorted({*super().list_commands(ctx), *_COMMANDS})

    def get_command(self, ctx: click.Context, cmd_name: str) -> click.Command | None:
        target = _COMMANDS.get(cmd_name)
        if target is None:
            self._add_plugin_commands(ctx)
            return super().get_command(ctx, cmd_name)
        module_name, attr = target.split(":")
        command: click.Command = getattr(importlib.import_module(module_name), attr)
        return command

    def invoke(self, ctx: click.Context) -> Any:
        try:
            return super().invoke(ctx)
        except Exception as exc:
            # A plugin problem that stops a command (two plugins registering one name)
            # is one line, whichever command met it. The module is imported by then.
            plugins = sys.modules.get("copharvest.plugins")
            if plugins is not None and isinstance(exc, plugins.PluginError):
                raise click.ClickException(str(exc)) from None
            raise

    def _add_plugin_commands(self, ctx: click.Context) -> None:
        # Plugins are loaded only when a name is not a builtin command (or for --help).
        state = ctx.find_root().ensure_object(dict)
        if state.get("commands_added"):
            return
        state["commands_added"] = True
        from copharvest.cli.common import plugins_from, report_plugin_problems

        plugins = plugins_from(ctx)
        before = set(self.commands)
        group = click.Group()
        plugins.call_each("register_commands", cli=group)
        for name, command in group.commands.items():
            if name in _COMMANDS or name in before:
                plugins.warn(
                    f"a plugin adds the command {name!r}, which already exists; it is ignored"
                )
                continue
            self.add_command(command, name)
        report_plugin_problems(ctx)


@click.group(cls=LazyGroup, context_settings={"help_option_names": ["-h", "--help"]})
@click.version_option(version=None, package_name="copharvest", message="%(prog)s %(version)s")
@click.option(
    "--skip-plugin",
    multiple=True,
    metavar="NAME",
    help="Do not load the plugin NAME (repeatable; also COPHARVEST_SKIP_PLUGINS=a,b).",
)
def cli(skip_plugin: tuple[str, ...]) -> None:
    """Turn the records of a Community of Practice into its harvest.

    A harvest folder holds the records (community.yaml, members.yaml,
    sessions.yaml, ...). Start one with 'copharvest init DIR', check it with
    'copharvest check DIR'.
    """


def main() -> None:
    """Entry point of the console script.

    A command makes many objects and frees few before it ends, so the process (which
    is copharvest's own) runs the cyclic garbage collector less often, as type
    checkers do, and leaves what is left at the end out of the collections made at
    exit: a tenth of a second on a small harvest, more on a large one, with the same
    peak memory. Nothing of this applies when copharvest is used as a library.
    """
    gc.set_threshold(100_000, 50, 100)
    _terminate_like_interrupt()
    try:
        cli(prog_name="copharvest")
    finally:
        gc.freeze()


def _interrupted(signum: int, frame: Any) -> None:
    raise KeyboardInterrupt


def _terminate_like_interrupt() -> None:
    """SIGTERM ends a command as Ctrl-C does: temporary files and half-written outputs
    are cleaned up on the way out, and earlier outputs stay as they were."""
    if hasattr(signal, "SIGTERM") and signal.getsignal(signal.SIGTERM) is signal.SIG_DFL:
        signal.signal(signal.SIGTERM, _interrupted)


if __name__ == "__main__":  # pragma: no cover
    main()
