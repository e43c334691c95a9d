"""Finding, loading and calling plugins.

Nothing happens at import time: :func:`get_plugins` builds a fresh plugin manager
with the builtin plugins (:data:`DEFAULT_PLUGINS`) and the third-party ones of the
entry-point group ``copharvest``. A plugin that fails to import, uses an unknown
hook name, or raises inside a hook is reported in one line naming the plugin and
its distribution; copharvest goes on without it.
"""

from __future__ import annotations

import contextlib
import difflib
import importlib
import io
import os
from collections.abc import Callable, Iterable
from typing import Any, TypeVar

import attrs
import pluggy

from copharvest import entrypoints, hookspecs

ENTRY_POINT_GROUP = "copharvest"
SKIP_ENV = "COPHARVEST_SKIP_PLUGINS"
"""Comma-separated plugin names to skip (as ``--skip-plugin``)."""
DEFAULT_PLUGINS: tuple[str, ...] = (
    "copharvest.formats.json_format",
    "copharvest.formats.markdown",
    "copharvest.formats.docx",
    "copharvest.formats.pdf",
)
"""Modules registered as builtin plugins."""

HOOK_NAMES: tuple[str, ...] = tuple(
    name for name in dir(hookspecs) if hasattr(getattr(hookspecs, name), "copharvest_spec")
)
"""Every hook name a plugin may implement."""


class PluginError(Exception):
    """A plugin problem that stops the command (e.g. a duplicate name)."""


class PluginWarning(UserWarning):
    """A plugin problem the library goes on without (one of :attr:`Plugins.problems`)."""


@attrs.frozen(kw_only=True)
class PluginInfo:
    """What ``copharvest plugins`` shows of a loaded plugin."""

    name: str
    """Plugin name (the entry point's name, or the module for builtins)."""
    distribution: str | None
    """Distribution that installed it; none for builtins."""
    version: str | None
    """The distribution's version."""
    hooks: tuple[str, ...]
    """Hooks it implements."""
    builtin: bool
    """Part of copharvest itself."""


@attrs.define
class Plugins:
    """A plugin manager and what happened while loading it."""

    manager: pluggy.PluginManager
    """The pluggy manager."""
    problems: list[str] = attrs.field(factory=list)
    """One line per plugin that failed and was left out."""
    origins: dict[str, tuple[str | None, str | None]] = attrs.field(factory=dict)
    """Plugin name -> (distribution, version)."""

    def describe(self, name: str) -> str:
        """``plugin 'x' (distribution 'y 1.0')`` for messages."""
        dist, version = self.origins.get(name, (None, None))
        if dist is None:
            return f"plugin {name!r}"
        return f"plugin {name!r} (distribution {dist!r} {version or ''})".replace(" )", ")")

    def info(self) -> list[PluginInfo]:
        """One :class:`PluginInfo` per registered plugin, builtins first, by name."""
        out = []
        for name, plugin in self.manager.list_name_plugin():
            if plugin is None:
                continue
            dist, version = self.origins.get(name, (None, None))
            hooks = tuple(sorted(h.name for h in self.manager.get_hookcallers(plugin) or ()))
            out.append(
                PluginInfo(
                    name=name, distribution=dist, version=version, hooks=hooks, builtin=dist is None
                )
            )
        return sorted(out, key=lambda p: (not p.builtin, p.name))

    def warn(self, line: str) -> None:
        """Record one problem line, once: a hook called twice in one command (the packs,
        while loading and again for the build) fails the same way twice."""
        if line not in self.problems:
            self.problems.append(line)

    def report_failure(self, name: str, what: str, exc: BaseException) -> None:
        """Record one line per line of the exception's message, naming the plugin."""
        lines = str(exc).splitlines() or [""]
        for line in lines:
            self.warn(
                f"{self.describe(name)} {what}: {type(exc).__name__}: {line}; continuing without it"
            )

    def chain(
        self,
        hook: str,
        value: Any,
        arg: str,
        check: Callable[[Any], str | None],
        **kwargs: Any,
    ) -> Any:
        """Pass ``value`` through every implementation in registration order.

        Each implementation receives the previous one's result as ``arg``; ``None``
        keeps the value. ``check(result)`` says what is wrong with a result (or
        ``None``); a failing implementation or a rejected result is reported in one
        line and left out, and the next one receives the value as it was.
        """
        caller = getattr(self.manager.hook, hook)
        for impl in caller.get_hookimpls():
            try:
                result = impl.function(**{a: ({**kwargs, arg: value})[a] for a in impl.argnames})
            except (Exception, SystemExit) as exc:
                self.report_failure(impl.plugin_name, f"failed in {hook}", exc)
                continue
            if result is None:
                continue
            wrong = check(result)
            if wrong is not None:
                self.warn(
                    f"{self.describe(impl.plugin_name)}: {hook} {wrong}; continuing without it"
                )
                continue
            value = result
        return value

    def call_each(self, hook: str, **kwargs: Any) -> list[tuple[str, Any]]:
        """Call every implementation of ``hook`` on its own; a failing one is reported and skipped.

        Returns ``(plugin name, result)`` per implementation that succeeded, in
        pluggy's call order.
        """
        caller = getattr(self.manager.hook, hook)
        results: list[tuple[str, Any]] = []
        for impl in reversed(caller.get_hookimpls()):
            try:
                result = impl.function(**{arg: kwargs[arg] for arg in impl.argnames})
            except PluginError:
                raise
            except (Exception, SystemExit) as exc:
                self.report_failure(impl.plugin_name, f"failed in {hook}", exc)
                continue
            results.append((impl.plugin_name, result))
        return results


def skipped_from_env() -> tuple[str, ...]:
    """Plugin names listed in ``COPHARVEST_SKIP_PLUGINS``."""
    raw = os.environ.get(SKIP_ENV, "")
    return tuple(name.strip() for name in raw.split(",") if name.strip())


def new_manager() -> pluggy.PluginManager:
    """An empty plugin manager that knows copharvest's hooks."""
    pm = pluggy.PluginManager(hookspecs.PROJECT)
    pm.add_hookspecs(hookspecs)
    return pm


def _unknown_hooks(plugin: object) -> list[str]:
    problems = []
    for attr in dir(plugin):
        value = getattr(plugin, attr, None)
        if attr in HOOK_NAMES or not callable(value):
            continue
        if hasattr(value, "copharvest_impl"):
            close = difflib.get_close_matches(attr, HOOK_NAMES, n=1)
            hint = f"; did you mean {close[0]!r}?" if close else ""
            problems.append(f"unknown hook {attr!r}{hint}")
    return problems


def register(plugins: Plugins, plugin: object, name: str) -> bool:
    """Register one plugin, checking its hook names; report and skip it on problems."""
    unknown = _unknown_hooks(plugin)
    if unknown:
        plugins.warn(f"{plugins.describe(name)}: {'; '.join(unknown)}; continuing without it")
        return False
    try:
        plugins.manager.register(plugin, name=name)
    except Exception as exc:
        plugins.warn(f"{plugins.describe(name)} cannot be registered: {exc}; continuing without it")
        return False
    return True


def get_plugins(
    *,
    skip: Iterable[str] = (),
    entry_points_group: str | None = ENTRY_POINT_GROUP,
    extra: Iterable[tuple[str, object]] = (),
) -> Plugins:
    """Build a plugin manager with the builtin and installed plugins.

    :param skip: plugin names to leave out (added to ``COPHARVEST_SKIP_PLUGINS``).
    :param entry_points_group: where to find third-party plugins; ``None`` for none.
    :param extra: ``(name, plugin)`` pairs to register as well (for tests and embedding).
    """
    skipped = {*skip, *skipped_from_env()}
    plugins = Plugins(manager=new_manager())
    for module_name in DEFAULT_PLUGINS:
        if module_name in skipped:
            continue
        register(plugins, importlib.import_module(module_name), module_name)
    if entry_points_group is not None:
        for ep in sorted(entrypoints.find(entry_points_group), key=lambda e: e.name):
            if ep.name in skipped or plugins.manager.has_plugin(ep.name):
                continue
            plugins.origins[ep.name] = (ep.distribution, ep.version)
            plugin = _load_quietly(plugins, ep)
            if plugin is not None:
                register(plugins, plugin, ep.name)
    for name, plugin in extra:
        if name not in skipped:
            register(plugins, plugin, name)
    return plugins


def _load_quietly(plugins: Plugins, ep: Any) -> object | None:
    """Import one plugin; what it prints goes nowhere (standard output may be a JSON
    document), and neither an exception nor ``sys.exit`` ends the command."""
    printed = io.StringIO()
    try:
        with contextlib.redirect_stdout(printed):
            plugin: object = ep.load()
    except (Exception, SystemExit) as exc:
        plugins.report_failure(ep.name, "failed to load", exc)
        return None
    if printed.getvalue():
        plugins.warn(
            f"{plugins.describe(ep.name)} printed to standard output while loading; "
            "its output was left out"
        )
    return plugin


T = TypeVar("T")


def collect(
    plugins: Plugins,
    hook: str,
    kind: str,
    key: Callable[[T], str],
    owner: dict[str, str] | None = None,
    *,
    tolerant: bool = False,
) -> dict[str, T]:
    """Call a ``register_*`` hook and gather the contributions by name.

    A name registered twice raises :class:`PluginError` naming both plugins; with
    ``tolerant`` (for ``copharvest plugins``, which diagnoses such a clash) it is a
    problem line instead and the first registration stays. Each contribution gets its
    plugin's name in a ``plugin`` field where it has one, and ``owner`` (if given)
    maps each name to its plugin.
    """
    found: dict[str, T] = {}
    owner = {} if owner is None else owner
    current: list[str] = [""]

    def register_one(item: T) -> None:
        name = key(item)
        if name in found:
            clash = (
                f"{kind} {name!r} is registered by both {plugins.describe(owner[name])} "
                f"and {plugins.describe(current[0])}; uninstall or skip one of them"
            )
            if not tolerant:
                raise PluginError(clash)
            plugins.warn(clash)
            return
        cls: Any = type(item)
        if attrs.has(cls) and "plugin" in attrs.fields_dict(cls):
            item = attrs.evolve(item, plugin=current[0])  # type: ignore[misc]
        found[name] = item
        owner[name] = current[0]

    caller = getattr(plugins.manager.hook, hook)
    for impl in reversed(caller.get_hookimpls()):
        current[0] = impl.plugin_name
        before = dict(found)
        try:
            impl.function(register=register_one)
        except PluginError:
            raise
        except (Exception, SystemExit) as exc:
            # leave out everything this plugin registered before it failed
            for name in set(found) - set(before):
                del found[name]
                del owner[name]
            plugins.report_failure(impl.plugin_name, f"failed in {hook}", exc)
    return found


@attrs.frozen(kw_only=True)
class Registry:
    """Everything the loaded plugins contributed, by name."""

    packs: dict[str, Any]
    """Domain packs by id (:class:`copharvest.pack.DomainPack`)."""
    formats: dict[str, Any]
    """Output formats by name (:class:`copharvest.formats.base.OutputFormat`)."""
    metrics: dict[str, Any]
    """Extra metrics by name (:class:`copharvest.analysis.MetricSpec`)."""
    checks: dict[str, Any]
    """Extra health checks by name (:class:`copharvest.analysis.HealthCheck`)."""
    owners: dict[str, dict[str, str]]
    """Kind (``packs``, ``formats``, ``metrics``, ``checks``) -> name -> plugin name."""


def get_registry(plugins: Plugins, *, tolerant: bool = False) -> Registry:
    """Call the ``register_*`` hooks once and gather what they contribute.

    :param tolerant: report a name registered twice as a problem line instead of
        raising :class:`PluginError` (see :func:`collect`).
    """
    owners: dict[str, dict[str, str]] = {k: {} for k in ("packs", "formats", "metrics", "checks")}

    def gather(hook: str, kind: str, key: Callable[[Any], str], owned: str) -> dict[str, Any]:
        return collect(plugins, hook, kind, key, owners[owned], tolerant=tolerant)

    packs = gather("register_domain_packs", "domain pack", lambda p: p.id, "packs")
    return Registry(
        packs={pid: _own_checks(pack, owners["packs"][pid]) for pid, pack in packs.items()},
        formats=gather("register_formats", "output format", lambda f: f.name, "formats"),
        metrics=gather("register_metrics", "metric", lambda m: m.name, "metrics"),
        checks=gather("register_health_checks", "health check", lambda c: c.name, "checks"),
        owners=owners,
    )


def _own_checks(pack: Any, plugin: str) -> Any:
    """The pack with its checks marked as its plugin's (for messages about them)."""
    checks = getattr(pack, "checks", None)
    if not checks or not attrs.has(type(pack)):
        return pack
    owned = tuple(c if c.plugin else attrs.evolve(c, plugin=plugin) for c in checks)
    return attrs.evolve(pack, checks=owned)
