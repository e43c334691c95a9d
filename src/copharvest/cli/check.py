"""``copharvest check``: validate a harvest folder and summarise it."""

from __future__ import annotations

import json
import re
from collections import Counter
from collections.abc import Mapping
from pathlib import Path
from typing import Any

import click

from copharvest.cli.common import (
    FOLDER,
    DataError,
    installed_packs,
    pack_finder,
    print_problems,
)
from copharvest.cli.metrics import analyse_folder, parameter_options
from copharvest.store.problems import printable


def summary(community: Any) -> dict[str, Any]:
    """The counts ``check`` prints."""
    c = community
    return {
        "name": c.name,
        "period": {
            "start": c.period.start.isoformat(),
            "end": c.period.end.isoformat() if c.period.end else None,
        },
        "organisations": len(c.organisations),
        "members": len(c.members),
        "sessions": len(c.sessions),
        "attendances": sum(len(s.attendance) for s in c.sessions),
        "guests": len(c.guests()),
        "readings": len(c.readings),
        "chapters": len(c.chapters),
        "lessons": len(c.lessons),
        "quotes": len(c.quotes),
    }


def _privacy(ctx: click.Context, community: Any, folder: Path, template: Path | None) -> None:
    from copharvest.labels import labels_for
    from copharvest.privacy import Audience, Naming
    from copharvest.privacy_report import privacy_report

    analysis = analyse_folder(ctx, community, Audience.PUBLIC)
    p = analysis.parameters
    naming = Naming(
        community, labels_for(community.locale), min_group_size=p.min_group_size, as_of=p.as_of
    )
    from copharvest.suppression import PrivacyError

    try:
        lines = privacy_report(community, analysis.to_json(), naming, folder, template)
    except PrivacyError as exc:
        raise click.ClickException(str(exc)) from None
    click.echo("\n".join(printable(line, one_line=True) for line in lines))


def privacy_warnings(community: Any, folder: Path | None = None) -> list[str]:
    """What ``check`` says about privacy, one line each."""
    from copharvest.privacy_report import named_in_public_text

    out: list[str] = []
    if folder is not None:
        out += named_in_public_text(folder, community)
    if not community.privacy_key and any(not m.consent for m in community.members):
        out.append(
            "community.yaml: $.privacy_key: missing; pseudonyms of members without consent "
            "follow first attendance (add a long random text, as 'copharvest init' does)"
        )
    return out


def block_notes(ctx: click.Context, community: Any, folder: Path) -> list[str]:
    """What ``check`` says about the blocks (records not placed, public blocks placing
    internal records) and about the harvest's ``insight-N`` lessons, one line each."""
    from copharvest.pack import GENERIC
    from copharvest.store.blocks_check import PackFacts
    from copharvest.store.blocks_notes import block_warnings, insight_notes
    from copharvest.store.folder import locate

    found = pack_finder(ctx)(community.pack) if community.pack is not None else GENERIC
    lines = [f"warning: {p}" for p in locate(folder, block_warnings(community))]
    if found is not None:
        facts = PackFacts.of(found, community.locale)
        lines += [f"note: {p}" for p in locate(folder, insight_notes(community, facts))]
    return lines


_SYMBOLS = {"ok": "ok", "warn": "WARN", "unknown": "?"}


@click.command()
@click.argument("folder", type=FOLDER)
@click.option("--json", "as_json", is_flag=True, help="Print the result as JSON.")
@click.option("--strict", is_flag=True, help="Exit with status 1 on health-check warnings too.")
@click.option(
    "--privacy",
    is_flag=True,
    help="Show how members without consent appear in a public build, what is merged, "
    "and what the template and cover picture carry.",
)
@click.option(
    "--template",
    type=click.Path(exists=True, dir_okay=False, path_type=Path),
    help="With --privacy: the Word template to look into.",
)
@parameter_options
@click.pass_context
def check(
    ctx: click.Context,
    folder: Path,
    as_json: bool,
    strict: bool,
    privacy: bool,
    template: Path | None,
) -> None:
    """Check the harvest folder FOLDER and print a summary with the health check.

    Every problem is printed on its own line as 'file:line: $.path: message'.
    The health check holds the records against the ten lessons for building a
    CoP (and any checks that plugins add). Exit status 1 when the data has
    problems, or with --strict when a health check warns.
    """
    from copharvest.store import HarvestError, Problem, load
    from copharvest.terms import warn_unlabelled

    problems: list[Problem] = []
    try:
        community = load(folder, packs=installed_packs, pack=pack_finder(ctx))
        analysis = analyse_folder(ctx, community)
    except HarvestError as exc:
        problems = list(exc.problems)
    if problems:
        if as_json:
            payload = {"ok": False, "problems": [p.as_dict() for p in problems]}
            click.echo(_json(payload))
        else:
            print_problems(problems)
        raise DataError(len(problems))
    warn_unlabelled(ctx, community)  # level and kind ids the booklet cannot name
    for line in block_notes(ctx, community, folder):
        click.echo(line, err=True)
    result = summary(community)
    for warning in privacy_warnings(community, folder):
        click.echo(f"warning: {warning}", err=True)
    if privacy:
        _privacy(ctx, community, folder, template)
        return
    health = [f.to_json() for f in analysis.health]
    warnings = [f for f in analysis.health if f.status == "warn"]
    failed = strict and bool(warnings)
    if as_json:
        payload = {"ok": not failed, "summary": result, "health": health}
        click.echo(_json(payload))
    else:
        period = result["period"]
        name = printable(result["name"], one_line=True)
        click.echo(f"{name}: {period['start']} to {period['end'] or 'now'}")
        for key in (
            "organisations",
            "members",
            "sessions",
            "attendances",
            "guests",
            "readings",
            "chapters",
            "lessons",
            "quotes",
        ):
            click.echo(f"  {key:<14}{result[key]:>7}")
        counts = Counter(f.status for f in analysis.health)
        tally = ", ".join(f"{counts[k]} {k}" for k in ("ok", "warn", "unknown") if counts[k])
        click.echo("")
        click.echo(f"Health check ({tally or 'nothing to check'}):")
        for finding in analysis.health:
            title = printable(finding.title, one_line=True)
            click.echo(f"  {_SYMBOLS[finding.status]:<5}{finding.lesson!s:>3}  {title}")
            if finding.status == "warn":
                click.echo(f"{'':12}{printable(_evidence(finding.evidence), one_line=True)}")
        if not failed:
            click.echo("OK: no problems found")
    if failed:
        raise HealthWarnings(len(warnings))


# Characters JSON leaves raw that a terminal may act on: C1 controls and line breaks.
_RAW_IN_JSON = re.compile("[\x7f-\x9f\u2028\u2029\u202a-\u202e\u2066-\u2069]")


def _json(payload: object) -> str:
    """Indented JSON with every terminal control escaped (``\\u009b``): still valid JSON."""
    text = json.dumps(payload, ensure_ascii=False, indent=2, allow_nan=False)
    return _RAW_IN_JSON.sub(lambda m: f"\\u{ord(m.group()):04x}", text)


def _evidence(evidence: Mapping[str, object]) -> str:
    def show(value: object) -> str:
        if value is None:
            return "–"
        if isinstance(value, float):
            return f"{value:.2f}"
        return str(value)

    return ", ".join(f"{key.replace('_', ' ')} {show(value)}" for key, value in evidence.items())


class HealthWarnings(click.ClickException):
    """Health-check warnings under ``--strict``: exit 1."""

    exit_code = 1

    def __init__(self, count: int) -> None:
        plural = "s" if count != 1 else ""
        super().__init__(f"{count} health warning{plural} (--strict)")
