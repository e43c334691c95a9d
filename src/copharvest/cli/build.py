"""``copharvest build``, ``context`` and ``template``: publications."""

from __future__ import annotations

import json
import sys
import time
from pathlib import Path
from typing import Any

import click

from copharvest.cli.common import (
    FOLDER,
    fail,
    load_or_exit,
    plugins_from,
    registry_from,
    report_plugin_problems,
)

AUDIENCE = click.Choice(["public", "internal"])
LOCALE = click.Choice(["en", "nl"])


def _with_locale(community: Any, locale: str | None) -> Any:
    """The community, with its publication language replaced if asked."""
    import attrs

    if locale is None or locale == community.locale:
        return community
    click.echo(
        f"warning: building in '{locale}' changes only the labels, dates and numbers; "
        f"the records' text stays in '{community.locale}'",
        err=True,
    )
    return attrs.evolve(community, locale=locale)


class _Progress:
    """Progress lines on stderr, only once a build takes more than a moment."""

    def __init__(self, quiet: bool) -> None:
        self.quiet = quiet
        self.start = time.monotonic()
        self.pending: list[str] = []

    def __call__(self, message: str) -> None:
        if self.quiet:
            return
        self.pending.append(message)
        if time.monotonic() - self.start > 0.5:
            for line in self.pending:
                click.echo(f"… {line}", err=True)
            self.pending.clear()


@click.command()
@click.argument("folder", type=FOLDER)
@click.option(
    "-f",
    "--format",
    "format_name",
    help="Output format (see 'copharvest plugins') [default: from the output's suffix, else docx].",
)
@click.option(
    "-o",
    "--output",
    type=click.Path(dir_okay=False, path_type=Path),
    help="Output file, or - for standard output (text formats) [default: FOLDER's name, "
    "with -internal for the internal audience, and the format's suffix].",
)
@click.option(
    "--template",
    type=click.Path(exists=True, dir_okay=False, path_type=Path),
    help="Your own template (see 'copharvest template export').",
)
@click.option(
    "--audience",
    type=AUDIENCE,
    default="public",
    show_default=True,
    help="public leaves out internal and off-record content; internal leaves out off-record content.",
)
@click.option("--charts/--no-charts", default=True, help="Draw and embed the charts.")
@click.option(
    "--locale", type=LOCALE, help="Language of labels and dates [default: the harvest's]."
)
@click.option(
    "--min-group-size",
    type=click.IntRange(min=1),
    help="Fewest people a published group or attribution may describe [default: setting, else 3].",
)
@click.option("-q", "--quiet", is_flag=True, help="No progress messages.")
@click.pass_context
def build(
    ctx: click.Context,
    folder: Path,
    format_name: str | None,
    output: Path | None,
    template: Path | None,
    audience: str,
    charts: bool,
    locale: str | None,
    min_group_size: int | None,
    quiet: bool,
) -> None:
    """Build the harvest of FOLDER as a publication (by default a Word booklet)."""
    from copharvest.analysis import AnalysisError
    from copharvest.cli.outputs import STDOUT, check_output, choose_format
    from copharvest.formats.base import RenderError
    from copharvest.outputs import default_output
    from copharvest.pipeline import BuildError, render
    from copharvest.plugins import PluginError
    from copharvest.privacy import Audience
    from copharvest.store import atomic_write_bytes
    from copharvest.suppression import PrivacyError

    plugins = plugins_from(ctx)
    registry = registry_from(ctx)
    report_plugin_problems(ctx)  # before any error they may explain
    chosen = choose_format(registry.formats, format_name, output)
    records = load_or_exit(folder, check_pack=True)
    community = _with_locale(records, locale)
    target = output or default_output(folder, audience, chosen.suffix)
    if target != STDOUT:
        check_output(target, reads=[template] if template else [], folder=folder)
    progress = _Progress(quiet)
    try:
        data, fmt = render(
            community,
            plugins,
            format_name=chosen.name,
            registry=registry,
            audience=Audience(audience),
            template=template,
            charts=charts,
            progress=progress,
            folder=folder,
            overrides={"min_group_size": min_group_size},
            warn=lambda message: click.echo(f"warning: {message}", err=True),
            content_locale=records.locale,
        )
    except (BuildError, RenderError, PluginError, AnalysisError, PrivacyError) as exc:
        report_plugin_problems(ctx)
        fail(str(exc))
    report_plugin_problems(ctx)
    if target == STDOUT:
        sys.stdout.flush()
        sys.stdout.buffer.write(data)
        sys.stdout.buffer.flush()
        return
    if target.resolve().parent != Path.cwd().resolve() and not target.parent.exists():
        fail(f"{target}: folder {target.parent} does not exist")
    try:
        atomic_write_bytes(target, data)
    except OSError as exc:
        fail(f"{target}: cannot write: {exc.strerror}")
    if not quiet:
        click.echo(f"Wrote {target} ({len(data):,} bytes, {fmt.name}, {audience})", err=True)


@click.command()
@click.argument("folder", type=FOLDER)
@click.option("--audience", type=AUDIENCE, default="public", show_default=True)
@click.option(
    "--charts/--no-charts", default=False, help="Draw the charts (to a temporary folder)."
)
@click.option(
    "--locale", type=LOCALE, help="Language of labels and dates [default: the harvest's]."
)
@click.pass_context
def context(
    ctx: click.Context, folder: Path, audience: str, charts: bool, locale: str | None
) -> None:
    """Print the exact render context of FOLDER as JSON, for template authors."""

    from copharvest.analysis import AnalysisError
    from copharvest.pipeline import BuildError, prepare
    from copharvest.plugins import PluginError
    from copharvest.privacy import Audience
    from copharvest.suppression import PrivacyError

    records = load_or_exit(folder, check_pack=True)
    community = _with_locale(records, locale)
    plugins = plugins_from(ctx)
    try:
        prepared = prepare(
            community,
            plugins,
            audience=Audience(audience),
            charts=charts,
            folder=folder,
            content_locale=records.locale,
        )
    except (BuildError, PluginError, AnalysisError, PrivacyError) as exc:
        fail(str(exc))
    report_plugin_problems(ctx)
    from copharvest.formats.docx import render_context
    from copharvest.leaks import LeakError, check_publication

    payload: Any = render_context(prepared.harvest)
    text = json.dumps(payload, ensure_ascii=False, indent=2, default=str)
    try:
        check_publication(
            text.encode("utf-8"), prepared.naming, prepared.allowed, "the render context"
        )
    except LeakError as exc:
        fail(str(exc))
    sys.stdout.write(text + "\n")


@click.group()
def template() -> None:
    """Work with the Word template."""


@template.command("export")
@click.argument("file", type=click.Path(dir_okay=False, path_type=Path))
@click.option("-f", "--format", "format_name", default="docx", show_default=True)
@click.option("--force", is_flag=True, help="Replace FILE if it exists.")
@click.pass_context
def template_export(ctx: click.Context, file: Path, format_name: str, force: bool) -> None:
    """Write the default template to FILE, to restyle it in your word processor."""
    from copharvest.pipeline import BuildError, find_format
    from copharvest.plugins import get_registry
    from copharvest.store import atomic_write_bytes

    registry = get_registry(plugins_from(ctx))
    try:
        fmt = find_format(format_name, registry)
    except BuildError as exc:
        fail(str(exc))
    if fmt.export_template is None:
        fail(f"the {fmt.name} format has no template")
    from copharvest.cli.outputs import check_output

    if file.exists() and not force:
        fail(f"{file}: already exists; use --force to replace it")
    check_output(file)
    try:
        atomic_write_bytes(file, fmt.export_template())
    except OSError as exc:
        fail(f"{file}: cannot write: {exc.strerror}")
    click.echo(f"Wrote {file}; restyle it, then: copharvest build DIR --template {file}", err=True)
