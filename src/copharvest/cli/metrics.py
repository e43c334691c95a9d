"""``copharvest metrics``: the continuity metrics of a harvest folder.

Also home of the metric-parameter options that ``check`` shares: one option per
parameter of METRICS.md, named like the setting (``core_rate`` ⇄ ``--core-rate``).
"""

from __future__ import annotations

import json
from collections.abc import Callable
from pathlib import Path
from typing import TYPE_CHECKING, Any, TypeVar

import attrs
import click

from copharvest.cli.common import (
    FOLDER,
    fail,
    load_or_exit,
    plugins_from,
    report_plugin_problems,
)

if TYPE_CHECKING:
    from copharvest.analysis import Analysis
    from copharvest.model import Community
    from copharvest.privacy import Audience, Naming

F = TypeVar("F", bound=Callable[..., Any])

_SHARE = click.FloatRange(0, 1)
_META_KEY = "copharvest.parameters"
_MEMBER_ATTRIBUTES = ("level", "organisation", "role", "consent", "id", "name", "joined", "left")

_OPTIONS: tuple[tuple[str, click.ParamType[Any], str], ...] = (
    ("as_of", click.DateTime(["%Y-%m-%d"]), "Ignore sessions after this date (YYYY-MM-DD)."),
    ("core_min", click.IntRange(min=1), "Minimum sessions attended for the core tier."),
    ("core_rate", _SHARE, "Minimum attendance rate for the core tier."),
    ("active_min", click.IntRange(min=1), "Minimum sessions attended for the active tier."),
    ("active_rate", _SHARE, "Minimum attendance rate for the active tier."),
    ("pigeon_loft_threshold", _SHARE, "Flag a pigeon loft above this index."),
    ("asymmetry_threshold", click.FloatRange(min=1), "Flag information asymmetry above this."),
    ("max_size", click.IntRange(min=1), "Flag sessions with more members than this."),
    ("group_by", click.Choice(_MEMBER_ATTRIBUTES), "Member attribute that groups exposure."),
    ("diagonal_min", _SHARE, "Lesson 1: minimum share of sessions with several levels."),
    ("core_share_min", _SHARE, "Lesson 3: minimum share of core members."),
    ("practice_min", _SHARE, "Lesson 4: minimum share of sessions with a practice work form."),
    ("strategic_min", _SHARE, "Lesson 5: minimum share with a strategic consultation."),
    ("learning_min", _SHARE, "Lesson 6: minimum share with a reading or learning link."),
    ("guest_min", _SHARE, "Lesson 7: minimum share with an external guest."),
    ("relaxation_min", _SHARE, "Lesson 8: minimum share with an overnight stay or informal item."),
    ("place_min", _SHARE, "Lesson 9: minimum share at a practice location."),
    ("preparation_min", _SHARE, "Lesson 10: minimum share with a preparation group."),
    ("seat_coverage_min", _SHARE, "Minimum coverage to count in seats_kept."),
    ("min_group_size", click.IntRange(min=1), "Fewest people a published group may describe."),
)


def _remember(ctx: click.Context, param: click.Parameter, value: object) -> None:
    if value is None or param.name is None:
        return
    if hasattr(value, "date"):  # click.DateTime gives a datetime
        value = value.date()
    ctx.meta.setdefault(_META_KEY, {})[param.name] = value


def parameter_options(command: F) -> F:
    """Add one option per metric parameter; read them with :func:`parameter_overrides`."""
    from copharvest.continuity import Parameters

    defaults = Parameters()
    for name, kind, text in reversed(_OPTIONS):
        default = getattr(defaults, name)
        shown = "none" if default is None else default
        command = click.option(
            f"--{name.replace('_', '-')}",
            name,
            type=kind,
            default=None,
            expose_value=False,
            callback=_remember,
            help=f"{text} [setting: {name}; default: {shown}]",
        )(command)
    return command


def parameter_overrides(ctx: click.Context) -> dict[str, object]:
    """The parameters given on the command line."""
    overrides: dict[str, object] = ctx.meta.get(_META_KEY, {})
    return dict(overrides)


def analyse_folder(
    ctx: click.Context, community: Community, audience: Audience | None = None
) -> Analysis:
    """Analyse with the command-line parameters and the plugins' metrics and checks.

    With ``audience`` (a publication) the analysis runs on what that audience may see.
    A bad option is a usage error (exit 2); a failing plugin metric or check stops with
    one line (exit 1). Settings were checked when the folder was loaded.
    """
    from copharvest.analysis import AnalysisError
    from copharvest.continuity import ParameterError
    from copharvest.pack import GENERIC
    from copharvest.pipeline import BuildError, analyse_with_plugins, find_pack, plugin_view
    from copharvest.plugins import get_registry

    plugins = plugins_from(ctx)
    registry = get_registry(plugins)
    try:
        pack = find_pack(community, registry)
    except BuildError as exc:
        click.echo(f"warning: {exc}; the domain's own checks are left out", err=True)
        pack = GENERIC
    report_plugin_problems(ctx)
    overrides = parameter_overrides(ctx)
    try:
        if audience is not None:
            community = plugin_view(community, audience, pack, overrides)
        analysis = analyse_with_plugins(community, registry, pack, overrides, plugins)
        report_plugin_problems(ctx)
        return analysis
    except ParameterError as exc:
        if exc.name not in overrides:
            raise
        hint = f"--{exc.name.replace('_', '-')}"
        raise click.BadParameter(exc.reason, param_hint=hint) from None
    except AnalysisError as exc:
        fail(str(exc))


@click.command()
@click.argument("folder", type=FOLDER)
@click.option("--json", "as_json", is_flag=True, help="Print the metrics as JSON (METRICS.md).")
@click.option(
    "--charts",
    "charts_dir",
    type=click.Path(file_okay=False, path_type=Path),
    help="Draw the charts as PNG files into this folder.",
)
@parameter_options
@click.pass_context
def metrics(ctx: click.Context, folder: Path, as_json: bool, charts_dir: Path | None) -> None:
    """Print the continuity metrics of the harvest folder FOLDER.

    Members by tier, sessions, organisations, the flags raised and buddy suggestions
    for newcomers. Every threshold is a setting of community.yaml and an option below;
    an option wins over the setting.
    """
    from copharvest.privacy import Audience

    community = load_or_exit(folder, check_pack=True)
    # Metrics output is a publication (public): members who did not consent get
    # pseudonyms, small groups are merged, plugins see what the public may see.
    analysis = analyse_folder(ctx, community, Audience.PUBLIC)
    from copharvest.labels import labels_for
    from copharvest.privacy import Naming, publish_metrics

    naming = Naming(
        community,
        labels_for(community.locale),
        min_group_size=analysis.parameters.min_group_size,
        as_of=analysis.parameters.as_of,
    )
    from copharvest.leaks import LeakError, check_publication
    from copharvest.suppression import PrivacyError

    def output(of: Analysis) -> str:
        if as_json:
            published = publish_metrics(of.to_json(), naming)
            return json.dumps(published, ensure_ascii=False, indent=2, allow_nan=False)
        return "\n".join(report(community, of, naming))

    try:
        text = output(analysis)
        # the last check: what plugins added names nobody the core's own output leaves out
        core = attrs.evolve(
            analysis,
            extra={},
            health=tuple(f for f in analysis.health if isinstance(f.lesson, int)),
        )
        check_publication(text.encode("utf-8"), naming, output(core), "the metrics output")
    except (PrivacyError, LeakError) as exc:
        fail(str(exc))
    click.echo(text)
    if charts_dir is not None:
        from copharvest.charts import draw_charts

        try:
            charts_dir.mkdir(parents=True, exist_ok=True)
            drawn = draw_charts(community, analysis, charts_dir, locale=community.locale)
        except OSError as exc:
            fail(f"{charts_dir}: cannot write the charts: {exc.strerror or exc}")
        for chart in drawn:
            click.echo(f"Wrote {chart.path}", err=as_json)


def _fixed(value: float | None, digits: int = 2) -> str:
    return "–" if value is None else f"{value:.{digits}f}"


def _short(text: str, limit: int) -> str:
    return text if len(text) <= limit else text[: limit - 1] + "…"


def _percent(value: float | None) -> str:
    return "–" if value is None else f"{value:.0%}"


def report(community: Community, analysis: Analysis, naming: Naming | None = None) -> list[str]:
    """The readable report of ``copharvest metrics``, line by line.

    With ``naming``, members who did not consent appear by pseudonym.
    """
    public_id = naming.public_id if naming is not None else (lambda member_id: member_id)
    from copharvest.continuity import TIERS, UNKNOWN
    from copharvest.privacy import publish_metrics

    # with naming, small groups are merged and rows of one member without consent left out
    shown = publish_metrics(analysis.to_json(), naming) if naming is not None else None

    c = analysis.continuity
    s = c.community
    p = analysis.parameters
    as_of = f" (as of {p.as_of.isoformat()})" if p.as_of else ""
    lines = [
        f"{community.name}: {s.sessions} sessions, {s.members} members, "
        f"{s.attendances} attendances{as_of}",
        "",
        "Members by tier",
    ]
    for tier in TIERS:
        share = s.tiers[tier] / s.members if s.members else None
        lines.append(f"  {tier:<12}{s.tiers[tier]:>6}  {_percent(share):>5}")
    lines += [
        f"  core share {_fixed(s.core_share)} · absence factor {s.absence_factor} · "
        f"elephant factor {s.elephant_factor} · newcomers who came back "
        f"{_percent(s.newcomer_return)}",
        "",
        "Sessions",
    ]
    w = max([len("session"), *(len(row.id) for row in c.sessions)]) + 2
    lines.append(
        f"  {'#':>4}  {'session':<{w}}{'date':<12}{'size':>5}{'new':>5}{'overlap':>9}{'levels':>8}"
    )
    for t, row in enumerate(c.sessions, start=1):
        lines.append(
            f"  {t:>4}  {row.id:<{w}}{row.date.isoformat():<12}{row.size:>5}{row.newcomers:>5}"
            f"{_fixed(row.jaccard):>9}{row.levels:>8}"
        )
    if not c.sessions:
        lines.append("  (no sessions)")
    lines += [
        f"  size {s.size.min}–{s.size.max}, median {s.size.median} · "
        f"pigeon-loft index {_fixed(s.pigeon_loft_index)} · "
        f"diagonal share {_fixed(s.diagonal_share)}"
        if s.sessions
        else "",
        "",
        f"Exposure by {p.group_by} (members at the last session)",
    ]
    exposure = shown["community"]["exposure_by_group"] if shown else s.exposure_by_group
    for group, value in exposure.items():
        lines.append(f"  {group:<20}{_fixed(value):>6}")
    lines += [f"  ratio {_fixed(s.asymmetry)}", "", "Organisations"]
    names = {o.id: o.name or o.id for o in community.organisations}
    names[UNKNOWN] = "(no organisation recorded)"  # "unknown" is reserved: never an id
    names.setdefault("other", "(other, merged: fewer people each)")
    rows = {
        oid: (o.coverage, o.delegates, o.attendances, o.delegate_changed)
        for oid, o in c.organisations.items()
    }
    if shown is not None:
        rows = {
            oid: (r["coverage"], r["delegates"], r["attendances"], r["delegate_changed"])
            for oid, r in shown["organisations"].items()
        }
    labels = {oid: _short(names.get(oid, oid), 40) for oid in rows}
    w = max([len("organisation"), *map(len, labels.values())]) + 2
    if c.organisations:
        lines.append(
            f"  {'organisation':<{w}}{'coverage':>9}{'delegates':>11}{'attendances':>13}"
            f"{'delegate changed':>18}"
        )
    changed = {True: "yes", False: "no", None: "–"}
    for oid, (coverage, delegates, attendances, delegate_changed) in rows.items():
        lines.append(
            f"  {labels[oid]:<{w}}{_percent(coverage):>9}{delegates:>11}{attendances:>13}"
            f"{changed[delegate_changed]:>18}"
        )
    if not c.organisations:
        lines.append("  (no organisations)")
    else:
        lines.append(
            f"  seats kept while the delegate changed: {s.seats_kept}"
            f" (coverage at least {p.seat_coverage_min:.0%})"
        )
    flags = c.flags
    lines += [
        "",
        "Flags",
        f"  pigeon loft            {'yes' if flags.pigeon_loft else 'no':<4}"
        f"(index {_fixed(s.pigeon_loft_index)}, flagged above {p.pigeon_loft_threshold:g})",
        f"  information asymmetry  {'yes' if flags.information_asymmetry else 'no':<4}"
        f"(ratio {_fixed(s.asymmetry)}, flagged above {p.asymmetry_threshold:g})",
        f"  oversized sessions     {', '.join(flags.oversized) or 'none'}"
        f" (more than {p.max_size} members)",
        "",
        "Buddy suggestions (newcomers of the last two sessions)",
    ]
    pairs = [(b.member, b.buddy) for b in c.buddies]
    if naming is not None:
        pairs = [(b.member, b.buddy) for b in c.buddies if naming.named_pair(attrs.asdict(b))]
    for member, buddy_id in pairs:
        buddy = public_id(buddy_id) if buddy_id else "(no core member available)"
        lines.append(f"  {public_id(member)} → {buddy}")
    if len(pairs) < len(c.buddies):
        lines.append(
            f"  {len(c.buddies) - len(pairs)} more, not shown "
            f"(fewer than {p.min_group_size} people, without consent)"
        )
    if not c.buddies:
        lines.append("  (no newcomers)")
    return lines
