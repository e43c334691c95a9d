"""Helpers shared by the subcommands: loading with errors for people."""

from __future__ import annotations

from collections.abc import Callable, Collection, Iterable
from pathlib import Path
from typing import TYPE_CHECKING, Any, NoReturn

import click

if TYPE_CHECKING:
    from copharvest.model import Community
    from copharvest.plugins import Plugins, Registry


class DataError(click.ClickException):
    """Invalid data: the problems are already printed, one per line; exit 1."""

    exit_code = 1

    def __init__(self, count: int) -> None:
        super().__init__(f"{count} problem{'s' if count != 1 else ''} found")


def fail(message: str) -> NoReturn:
    """Stop with one line on stderr and exit 1."""
    raise click.ClickException(message)


def load_or_exit(folder: Path, *, check_pack: bool = False) -> Community:
    """Load a harvest folder; on problems print each on one line and exit 1.

    With ``check_pack`` the domain pack the community names must be installed: a
    missing one is a problem among the others, with its line and a did-you-mean; and
    the blocks that place the pack's tables are checked against it.
    """
    from copharvest.store import HarvestError, load

    ctx = click.get_current_context(silent=True)
    finder = pack_finder(ctx) if check_pack and ctx is not None else None
    try:
        return load(folder, packs=installed_packs if check_pack else None, pack=finder)
    except HarvestError as exc:
        print_problems(exc.problems)
        raise DataError(len(exc.problems)) from None


def pack_finder(ctx: click.Context) -> Callable[[str], Any]:
    """Finds an installed domain pack by id; plugins are loaded only when asked."""

    def find(pack_id: str) -> Any:
        from copharvest.plugins import PluginError, get_registry

        try:
            return get_registry(plugins_from(ctx)).packs.get(pack_id)
        except PluginError:
            return None  # 'check' reports it; what needs the pack is not checked

    return find


def print_problems(problems: Iterable[object]) -> None:
    """Each problem on its own line on stderr (``Problem.__str__`` escapes controls)."""
    for problem in problems:
        click.echo(str(problem), err=True)


def installed_packs() -> Collection[str] | None:
    """The ids of the installed domain packs; none when they cannot be told.

    Asked only when a community names a pack. Plugin problems found on the way are
    printed first, so that a pack that failed to load is explained before the harvest's
    problem; the command's own registry meets them again and does not repeat them.
    """
    from copharvest.plugins import PluginError, collect

    ctx = click.get_current_context(silent=True)
    if ctx is None:
        return None
    registry = ctx.find_root().ensure_object(dict).get("registry")
    if registry is not None:  # the command gathered it already: the packs are loaded
        return frozenset(registry.packs)
    plugins = plugins_from(ctx)
    try:
        packs: dict[str, object] = collect(
            plugins, "register_domain_packs", "domain pack", lambda p: str(getattr(p, "id", ""))
        )
    except PluginError:
        return None
    finally:
        report_plugin_problems(ctx)
    return frozenset(packs)


FOLDER = click.Path(file_okay=False, path_type=Path)
"""A harvest folder argument (existence is checked by the loader, with a clear line)."""


def plugins_from(ctx: click.Context) -> Plugins:
    """The plugins of this invocation, loaded once; problems are printed as warnings."""
    from copharvest.plugins import get_plugins

    root = ctx.find_root()
    state = root.ensure_object(dict)
    if "plugins" not in state:
        skip = tuple(root.params.get("skip_plugin") or ())
        plugins = get_plugins(skip=skip)
        state["plugins"] = plugins
        state["reported"] = 0
    loaded: Plugins = state["plugins"]
    report_plugin_problems(ctx)
    return loaded


def registry_from(ctx: click.Context) -> Registry:
    """What the plugins of this invocation registered, gathered once (loading a domain
    pack reads its files)."""
    from copharvest.plugins import get_registry

    state = ctx.find_root().ensure_object(dict)
    if "registry" not in state:
        state["registry"] = get_registry(plugins_from(ctx))
    registry: Registry = state["registry"]
    return registry


def report_plugin_problems(ctx: click.Context) -> None:
    """Print plugin problems not yet printed, one line each, on stderr."""
    state = ctx.find_root().ensure_object(dict)
    plugins = state.get("plugins")
    if plugins is None:
        return
    for line in plugins.problems[state["reported"] :]:
        click.echo(f"warning: {line}", err=True)
    state["reported"] = len(plugins.problems)
