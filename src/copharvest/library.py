"""The library's entry points for a whole job: :func:`build` a publication and
:func:`analyse` a community, as the ``build`` and ``check`` commands do.

Both are exported from the package (``copharvest.build``, ``copharvest.analyse``).
Plugin problems that the command line prints as warnings (a plugin that failed to load,
a metric left out) are issued here as :class:`copharvest.plugins.PluginWarning`.
"""

from __future__ import annotations

import os
import warnings
from collections.abc import Mapping
from pathlib import Path
from typing import TYPE_CHECKING, Any, Literal

import attrs

from copharvest.model import Community

if TYPE_CHECKING:
    from copharvest.analysis import Analysis
    from copharvest.plugins import Plugins

__all__ = ["analyse", "build"]

AudienceName = Literal["public", "internal"]
"""Who a publication is for (:class:`copharvest.privacy.Audience`)."""


def _loaded(plugins: Plugins | None) -> Plugins:
    from copharvest.plugins import get_plugins

    return plugins if plugins is not None else get_plugins()


def _tell(plugins: Plugins, start: int) -> None:
    """Issue the plugin problems found since ``start`` as warnings, one line each."""
    from copharvest.plugins import PluginWarning

    for line in plugins.problems[start:]:
        warnings.warn(line, PluginWarning, stacklevel=3)


def analyse(
    community: Community,
    *,
    plugins: Plugins | None = None,
    audience: AudienceName | None = "public",
    overrides: Mapping[str, Any] | None = None,
) -> Analysis:
    """The continuity metrics and the health check of ``community``, with what the
    plugins add: their metrics and checks, and the checks of the community's domain pack.

    The same findings as ``copharvest check``.

    :param plugins: the plugins to use (:func:`copharvest.plugins.get_plugins`); by
        default the builtin and installed ones.
    :param audience: plugins' metrics and checks see the records as this audience may
        (as in a publication); ``None`` for every record, as ``check`` does. The core's
        metrics and checks count the same either way.
    :param overrides: parameters replacing the community's settings (``min_group_size``,
        ``as_of``, ...).
    :raises copharvest.pipeline.BuildError: the domain pack the community names is not
        installed or failed to load.
    :raises copharvest.plugins.PluginError: two plugins register one name.
    """
    from copharvest.pipeline import analyse_with_plugins, find_pack, plugin_view
    from copharvest.plugins import get_registry
    from copharvest.privacy import Audience

    loaded = _loaded(plugins)
    start = len(loaded.problems)
    try:
        registry = get_registry(loaded)
        pack = find_pack(community, registry)
        seen = community
        if audience is not None:
            seen = plugin_view(community, Audience(audience), pack, overrides)
        return analyse_with_plugins(seen, registry, pack, overrides, loaded)
    finally:
        _tell(loaded, start)


def build(
    source: str | os.PathLike[str] | Community,
    output: str | os.PathLike[str] | None = None,
    *,
    format: str | None = None,
    audience: AudienceName = "public",
    locale: str | None = None,
    template: str | os.PathLike[str] | None = None,
    charts: bool = True,
    plugins: Plugins | None = None,
    folder: str | os.PathLike[str] | None = None,
) -> Path:
    """Build a publication of a harvest and write it, as ``copharvest build`` does.

    :param source: a harvest folder, or a :class:`~copharvest.model.Community`.
    :param output: the file to write; by default the folder's name (with ``-internal``
        for the internal audience) and the format's suffix, in the working directory.
    :param format: the output format's name; by default it follows the output's suffix
        (``.md`` is markdown), else ``docx``.
    :param audience: ``public`` or ``internal`` (see docs/privacy.md).
    :param locale: the language of labels, dates and numbers (``en``, ``nl``); by
        default the community's. The records' own text stays as written.
    :param template: your own Word template.
    :param charts: draw and embed the charts.
    :param plugins: the plugins to use; by default the builtin and installed ones.
    :param folder: with a Community as ``source``, the harvest folder it was read from:
        the cover picture it names is found there. A community that names a cover
        picture cannot be built without it (rather than lose the picture unnoticed).
    :return: the path written.
    :raises copharvest.HarvestError: the folder's records have problems.
    :raises copharvest.outputs.OutputError: the output would replace an input, or its
        suffix does not match the format.
    :raises copharvest.pipeline.BuildError: the build cannot go on (a missing pack, a
        format that fails, a template with problems); nothing is written.

    The file is written atomically: a failed build leaves an earlier one untouched.
    """
    from copharvest.outputs import (
        STDOUT,
        OutputError,
        check_output,
        choose_format,
        default_output,
    )
    from copharvest.pipeline import BuildError, render
    from copharvest.plugins import get_registry
    from copharvest.privacy import Audience
    from copharvest.store import atomic_write_bytes, load

    loaded = _loaded(plugins)
    start = len(loaded.problems)
    try:
        registry = get_registry(loaded)
        target = Path(output) if output is not None else None
        if target == STDOUT:
            raise OutputError("-: give the path of a file to write")
        fmt = choose_format(registry.formats, format, target)
        if isinstance(source, Community):
            records = source
            root = Path(folder) if folder is not None else None
            if records.cover_image is not None and root is None:
                raise BuildError(
                    f"the community names a cover picture ({records.cover_image}); give "
                    "folder= (the harvest folder it is in) or leave cover_image out"
                )
        else:
            root = Path(source)
            records = load(root, packs=registry.packs.keys())
        if target is None:
            if root is None:
                raise OutputError("a community not read from a folder needs an output path")
            target = default_output(root, audience, fmt.suffix)
        own_template = Path(template) if template is not None else None
        check_output(target, reads=[own_template] if own_template else [], folder=root)
        community = records
        if locale is not None and locale != records.locale:
            community = attrs.evolve(records, locale=locale)
        data, _ = render(
            community,
            loaded,
            format_name=fmt.name,
            registry=registry,
            audience=Audience(audience),
            template=own_template,
            charts=charts,
            folder=root,
            warn=lambda message: warnings.warn(message, UserWarning, stacklevel=4),
            content_locale=records.locale,
        )
        if not target.parent.exists():
            raise OutputError(f"{target}: folder {target.parent} does not exist")
        atomic_write_bytes(target, data)
        return target
    finally:
        _tell(loaded, start)
