"""The hooks a copharvest plugin can implement.

A plugin is a module (or any object) with functions marked ``@copharvest.hookimpl``
whose names are hook names below. copharvest finds third-party plugins through
the entry-point group ``copharvest``; see docs/plugins.md.

Hooks that contribute something take a ``register`` callback: call it once per
contribution with a frozen, typed object. Names must be unique: registering a name
that another plugin already registered stops with an error naming both plugins.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import TYPE_CHECKING

import pluggy

if TYPE_CHECKING:
    import click

    from copharvest.analysis import HealthCheck, MetricSpec
    from copharvest.formats.base import OutputFormat
    from copharvest.harvest import Harvest
    from copharvest.pack import DomainPack

PROJECT = "copharvest"
hookspec = pluggy.HookspecMarker(PROJECT)
"""Marks the specifications below."""
hookimpl = pluggy.HookimplMarker(PROJECT)
"""Marks a plugin's implementation: ``@copharvest.hookimpl``."""


@hookspec
def register_domain_packs(register: Callable[[DomainPack], None]) -> None:
    """Contribute domain packs.

    Called once per command that needs packs (``build``, ``context``, ``metrics``,
    ``check``, ``plugins``), before any harvest is read.

    :param register: call it with each :class:`copharvest.pack.DomainPack` the plugin
        provides. A harvest selects a pack by its ``id`` (``pack:`` in community.yaml).
    :return: nothing; contributions go through ``register``.
    """


@hookspec
def register_formats(register: Callable[[OutputFormat], None]) -> None:
    """Contribute output formats for ``copharvest build -f NAME``.

    Called once per command that needs formats, before anything is rendered.

    :param register: call it with each :class:`copharvest.formats.base.OutputFormat`.
        Its ``render`` receives the Harvest view model, with privacy already applied,
        and returns the bytes of the file; copharvest writes them atomically.
    :return: nothing.
    """


@hookspec
def register_metrics(register: Callable[[MetricSpec], None]) -> None:
    """Contribute extra metrics, computed after the continuity metrics.

    Called once per analysis. Each metric's result appears in the metrics JSON under
    ``extra.<name>``; the contract keys of METRICS.md are never changed by plugins.

    :param register: call it with each :class:`copharvest.analysis.MetricSpec`; its
        ``compute(community, continuity, parameters)`` returns JSON-ready data. A metric
        that raises or returns something that is not JSON (NaN, a date) is left out,
        with one warning line naming the plugin.
    :return: nothing.
    """


@hookspec
def register_health_checks(register: Callable[[HealthCheck], None]) -> None:
    """Contribute health checks, run after the ten lessons for building a CoP.

    Called once per analysis. Checks that only make sense for one domain belong in
    that domain pack's ``checks`` instead, so they run only for its harvests.

    :param register: call it with each :class:`copharvest.analysis.HealthCheck`; its
        name must be ``"<plugin>:<check>"`` and its ``evaluate(community, continuity,
        parameters)`` returns a :class:`copharvest.analysis.Finding`. Leave the finding's
        ``title`` out: the check's ``title`` is printed in the harvest's language. A check
        that raises or returns something else is left out, with one warning line.
    :return: nothing.
    """


@hookspec
def register_commands(cli: click.Group) -> None:
    """Add subcommands to the ``copharvest`` command line.

    Called once when the command line starts, after the builtin commands exist.

    :param cli: the top-level click group; use ``@cli.command()`` or
        ``cli.add_command(...)``. A name that already exists is an error.
    :return: nothing.
    """


@hookspec
def adjust_harvest(harvest: Harvest, pack: DomainPack) -> Harvest | None:
    """Adjust the Harvest view model before it is rendered, in any format.

    Called once per build, after privacy has been applied: the harvest holds only
    what the audience may read, and a plugin cannot reach the records behind it.
    Implementations are called one after the other, in the order the plugins were
    registered (builtins first, then installed plugins by name), each receiving the
    previous one's result. An implementation that raises or returns something else
    than a Harvest is reported in one line and left out; the build goes on.

    :param harvest: the view model; it is frozen, so return a changed copy made with
        ``attrs.evolve``.
    :param pack: the domain pack the harvest was built with.
    :return: the adjusted harvest, or ``None`` to leave it unchanged.
    """
