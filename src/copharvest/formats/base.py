"""The contract between copharvest and an output format."""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path
from typing import TYPE_CHECKING

import attrs

if TYPE_CHECKING:
    from copharvest.harvest import Harvest


def _no_progress(message: str) -> None:
    """Progress sink that drops messages."""


class RenderError(Exception):
    """A format could not render; the message says why in one line per problem."""


@attrs.frozen(kw_only=True)
class RenderOptions:
    """What a format gets besides the Harvest."""

    template: Path | None = None
    """A user's template file, for formats that have templates; none for the default."""
    progress: Callable[[str], None] = _no_progress
    """Report a step of a long render (shown on stderr unless ``-q``)."""
    folder: Path | None = None
    """The harvest folder: paths in the view model (the cover picture) are relative to
    it. None when the harvest was not read from a folder; the cover is then left out."""
    warn: Callable[[str], None] = _no_progress
    """Report something the user should know of the output, in one line (shown on
    stderr as a warning, also with ``-q``): what was dropped from a template, say."""


@attrs.frozen(kw_only=True)
class OutputFormat:
    """An output format, registered through the ``register_formats`` hook."""

    name: str
    """Short name used with ``copharvest build -f NAME``."""
    suffix: str
    """File suffix of its output, with the dot (``".docx"``)."""
    render: Callable[[Harvest, RenderOptions], bytes]
    """Turn a Harvest (privacy already applied) into the file's bytes."""
    title: str = ""
    """One line about the format, shown by ``copharvest plugins``."""
    wants_charts: bool = False
    """Whether the build should draw the charts (``harvest.continuity.charts``)."""
    export_template: Callable[[], bytes] | None = None
    """For formats with templates: the default template's bytes."""
    check_template: Callable[[Path], list[str]] | None = None
    """For formats with templates: problems of a user's template (empty when fine)."""
    text: bool = False
    """Whether its output is UTF-8 text, which ``-o -`` may write to standard output."""
    plugin: str = ""
    """Name of the plugin that registered it (filled in by copharvest)."""
