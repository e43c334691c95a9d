"""``copharvest check``: validate a harvest folder and summarise it."""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

import click

from copharvest.cli.common import FOLDER, DataError


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


@click.command()
@click.argument("folder", type=FOLDER)
@click.option("--json", "as_json", is_flag=True, help="Print the result as JSON.")
def check(folder: Path, as_json: bool) -> None:
    """Check the harvest folder FOLDER and print a summary.

    Every problem is printed on its own line as 'file:line: $.path: message'.
    Exit status 1 when the data has problems.
    """
    from copharvest.store import HarvestError, load

    try:
        community = load(folder)
    except HarvestError as exc:
        if as_json:
            payload = {"ok": False, "problems": [p.as_dict() for p in exc.problems]}
            click.echo(json.dumps(payload, ensure_ascii=False, indent=2))
        else:
            for problem in exc.problems:
                click.echo(str(problem), err=True)
        raise DataError(len(exc.problems)) from None
    result = summary(community)
    if as_json:
        click.echo(json.dumps({"ok": True, "summary": result}, ensure_ascii=False, indent=2))
        return
    period = result["period"]
    click.echo(f"{result['name']}: {period['start']} to {period['end'] or 'now'}")
    for key in ("organisations", "members", "sessions", "attendances", "guests", "readings",
                "chapters", "lessons", "quotes"):
        click.echo(f"  {key:<14}{result[key]:>7}")
    click.echo("OK: no problems found")
