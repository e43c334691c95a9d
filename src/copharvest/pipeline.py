"""The build pipeline: records -> analysis -> Harvest -> output format -> bytes.

One direction: loading knows nothing of formats, formats know nothing of YAML.
Privacy is applied once, in :func:`copharvest.harvest.make_harvest`.
"""

from __future__ import annotations

import json
from collections.abc import Callable, Mapping
from pathlib import Path
from typing import TYPE_CHECKING, Any

import attrs

from copharvest.formats.base import OutputFormat, RenderError, RenderOptions
from copharvest.model import Community
from copharvest.pack import GENERIC, DomainPack
from copharvest.plugins import Plugins, Registry, get_registry
from copharvest.privacy import Audience, Naming
from copharvest.views import ChartView, Harvest

if TYPE_CHECKING:
    from copharvest.analysis import Analysis


class BuildError(Exception):
    """A build cannot go on; the message says why, in one line."""


def find_pack(community: Community, registry: Registry) -> DomainPack:
    """The pack the harvest names, or the generic one."""
    if community.pack is None:
        return GENERIC
    pack = registry.packs.get(community.pack)
    if pack is None:
        known = ", ".join(sorted(registry.packs)) or "none"
        raise BuildError(
            f"community.yaml names the domain pack {community.pack!r}, which is not installed "
            f"or failed to load (available: {known}); see 'copharvest plugins'"
        )
    result: DomainPack = pack
    return result


def find_format(name: str, registry: Registry) -> OutputFormat:
    """The output format called ``name``."""
    fmt = registry.formats.get(name)
    if fmt is None:
        known = ", ".join(sorted(registry.formats)) or "none"
        raise BuildError(f"unknown output format {name!r} (available: {known})")
    result: OutputFormat = fmt
    return result


@attrs.frozen(kw_only=True)
class Prepared:
    """What a build renders, and what it was made from."""

    harvest: Harvest
    """The view model for the audience."""
    pack: DomainPack
    """The domain pack used."""
    analysis: Analysis
    """The analysis the harvest was written from."""
    naming: Naming
    """How members are named for the audience."""
    allowed: str
    """What the core itself publishes (before any plugin adjusts the harvest): the
    last check of a publication looks for no member in it (:mod:`copharvest.leaks`)."""


def analyse_with_plugins(
    community: Community,
    registry: Registry,
    pack: DomainPack,
    overrides: Mapping[str, Any] | None = None,
    plugins: Plugins | None = None,
) -> Analysis:
    """Run the analysis with the metrics and checks that plugins and the pack contribute.

    A metric or check that fails or gives something unusable is left out, with one
    line in ``plugins.problems`` naming its plugin (without ``plugins`` it raises
    :class:`copharvest.analysis.AnalysisError`).
    """
    from copharvest.analysis import HealthCheck, MetricSpec, analyse

    def left_out(item: MetricSpec | HealthCheck, what: str) -> None:
        assert plugins is not None
        kind = "metric" if isinstance(item, MetricSpec) else "health check"
        plugins.warn(
            f"{plugins.describe(item.plugin)}: {kind} {item.name!r} {what}; continuing without it"
        )

    return analyse(
        community,
        overrides=overrides,
        metrics=tuple(registry.metrics.values()),
        checks=(*registry.checks.values(), *pack.checks),
        on_failure=left_out if plugins is not None else None,
    )


def prepare(
    community: Community,
    plugins: Plugins,
    *,
    audience: Audience = Audience.PUBLIC,
    overrides: Mapping[str, Any] | None = None,
    charts: bool = False,
    registry: Registry | None = None,
    folder: Path | None = None,
    accents: Mapping[str, str] | None = None,
    content_locale: str | None = None,
) -> Prepared:
    """Analyse the community and build the Harvest view model for ``audience``.

    :param charts: build the continuity story's charts. There are none while there is
        too little to measure.
    :param accents: the template theme's colours (``accent1`` -> RGB), for the charts.
    :param folder: the harvest folder, where the cover picture the community names is;
        none to leave the picture out. The view model gives the picture's path as the
        records do, relative to the folder, so that no local path is published.
    :param content_locale: the language of the records' text, when the community's
        ``locale`` was replaced by another for the labels.
    """
    from copharvest.harvest import make_harvest
    from copharvest.health import lesson_texts
    from copharvest.labels import labels_for
    from copharvest.story import measurable

    registry = registry or get_registry(plugins)
    pack = find_pack(community, registry)
    # plugins' metrics and checks see only what the audience may see (docs/privacy.md)
    view = plugin_view(community, audience, pack, overrides)
    analysis = analyse_with_plugins(view, registry, pack, overrides, plugins)
    metrics = analysis.to_json()
    # the groups carry the same names in the charts as in the text (a pack's wording)
    words = labels_for(community.locale, pack.labels)
    drawn: list[ChartView] = []
    summary = analysis.continuity.community
    if charts and measurable(summary.sessions, summary.attendances):
        from copharvest.booklet_charts import booklet_charts

        # the charts of a public publication merge small organisations as its tables do
        chart_community, chart_analysis = charts_input(community, analysis, audience, words)
        drawn = booklet_charts(
            chart_community,
            chart_analysis,
            locale=community.locale,
            labels=words,
            accents=accents,
        )
    texts = [(t.title, t.explanation) for t in lesson_texts(community, community.locale)]
    harvest = make_harvest(
        community,
        metrics,
        pack,
        audience=audience,
        building_lessons=texts,
        charts=drawn,
        cover_image=community.cover_image if folder is not None else None,
        check_labels=analysis.check_labels,
        pictures=folder is not None,
    )
    if content_locale and content_locale != harvest.locale:
        harvest = attrs.evolve(harvest, content_locale=content_locale)

    def must_be_harvest(result: Any) -> str | None:
        if isinstance(result, Harvest):
            return None
        return f"returned {type(result).__name__}, not a Harvest"

    from copharvest.formats.json_format import harvest_dict
    from copharvest.harvest import naming_for

    naming = naming_for(community, metrics, words, pack, audience)
    allowed = json.dumps(harvest_dict(harvest), ensure_ascii=False, default=str)
    harvest = plugins.chain("adjust_harvest", harvest, "harvest", must_be_harvest, pack=pack)
    return Prepared(harvest=harvest, pack=pack, analysis=analysis, naming=naming, allowed=allowed)


def charts_input(
    community: Community, analysis: Analysis, audience: Audience, words: Mapping[str, str]
) -> tuple[Community, Analysis]:
    """What the charts are drawn from: for the public, small groups merged (into a
    group named by ``words["other_group"]``)."""
    if audience is not Audience.PUBLIC:
        return community, analysis
    from copharvest.suppression import Rule, for_charts

    rule = Rule.of(community, analysis.parameters.min_group_size)
    return for_charts(community, analysis, rule, words["other_group"])


def plugin_view(
    community: Community,
    audience: Audience,
    pack: DomainPack,
    overrides: Mapping[str, Any] | None = None,
) -> Community:
    """The records as plugins' metrics and checks may see them for ``audience``."""
    from copharvest.continuity import Parameters
    from copharvest.harvest import naming_for
    from copharvest.labels import labels_for
    from copharvest.leaks import audience_view

    params = Parameters.resolve(community.settings, overrides)
    naming = naming_for(
        community,
        {"settings": params.to_json()},
        labels_for(community.locale, pack.labels),
        pack,
        audience,
    )
    return audience_view(community, audience, naming)


def template_accents(fmt: OutputFormat, template: Path | None) -> dict[str, str]:
    """The accent colours of the theme of ``template`` (or the format's default one)."""
    import io
    import zipfile

    from copharvest.booklet_charts import theme_accents

    if fmt.export_template is None:
        return {}
    try:
        data = template.read_bytes() if template is not None else fmt.export_template()
        with zipfile.ZipFile(io.BytesIO(data)) as archive:
            return theme_accents(archive.read("word/theme/theme1.xml"))
    except (OSError, KeyError, zipfile.BadZipFile):
        return {}


def render(
    community: Community,
    plugins: Plugins,
    *,
    format_name: str,
    audience: Audience = Audience.PUBLIC,
    template: Path | None = None,
    charts: bool = True,
    overrides: Mapping[str, Any] | None = None,
    progress: Callable[[str], None] | None = None,
    folder: Path | None = None,
    warn: Callable[[str], None] | None = None,
    registry: Registry | None = None,
    content_locale: str | None = None,
) -> tuple[bytes, OutputFormat]:
    """Build the publication's bytes in the named format (nothing is written).

    :param folder: the harvest folder, for the cover picture; see :func:`prepare`.
    :param warn: told, one line each, what the user should know of the output (what
        was dropped from a template, say).
    :param registry: what the plugins registered, when it is already at hand.
    :param content_locale: the language of the records' text; see :func:`prepare`.
    """
    registry = registry or get_registry(plugins)
    fmt = find_format(format_name, registry)
    if template is not None:
        if fmt.check_template is None:
            raise BuildError(f"the {fmt.name} format has no templates; leave out --template")
        problems = fmt.check_template(template)
        if problems:
            raise BuildError("\n".join(problems))
    report = progress or (lambda message: None)
    # a format that embeds no charts still names a placed figure's caption and alt text
    charts = charts and (fmt.wants_charts or _places_figures(community))
    report("analysing")
    prepared = prepare(
        community,
        plugins,
        audience=audience,
        overrides=overrides,
        charts=charts,
        registry=registry,
        folder=folder,
        accents=template_accents(fmt, template) if charts else None,
        content_locale=content_locale,
    )
    report(f"rendering {fmt.name}")
    try:
        options = RenderOptions(
            template=template,
            progress=report,
            folder=folder,
            warn=warn or (lambda message: None),
        )
        shown = prepared.harvest
        if charts and not fmt.wants_charts:
            from copharvest.layout import without_charts

            shown = without_charts(shown)
        data = fmt.render(shown, options)
    except RenderError:
        raise
    except Exception as exc:
        raise BuildError(
            f"{plugins.describe(fmt.plugin)} failed to render the {fmt.name} format: "
            f"{type(exc).__name__}: {exc}"
        ) from exc
    if not isinstance(data, bytes):
        raise BuildError(
            f"{plugins.describe(fmt.plugin)} rendered the {fmt.name} format as "
            f"{type(data).__name__}, not as bytes; nothing was written"
        )
    from copharvest.leaks import LeakError, check_publication

    try:
        check_publication(
            data,
            prepared.naming,
            prepared.allowed,
            f"the {fmt.name} output",
            lambda: contributors(plugins, fmt),
        )
    except LeakError as exc:
        raise BuildError(str(exc)) from None
    return data, fmt


def _places_figures(community: Community) -> bool:
    from copharvest.model import BlockKind

    return any(b.kind is BlockKind.FIGURE for ch in community.chapters for b in ch.blocks)


def contributors(plugins: Plugins, fmt: OutputFormat) -> str:
    """The plugins that added to a publication, for a message."""
    names = [p.name for p in plugins.info() if not p.builtin]
    if fmt.plugin in names:  # the format's plugin first: it wrote the bytes
        names.remove(fmt.plugin)
        names.insert(0, fmt.plugin)
    return ", ".join(plugins.describe(n) for n in names) or "the core"
