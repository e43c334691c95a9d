"""Level and kind ids without a label: a booklet would have to print the id.

A governance level or organisation kind is named by an id in the records
(``level: city``); the booklet prints its label ("Stad", "City"), from the domain pack or
from the core's usual terms (:data:`copharvest.labels.TERMS`). An id with neither is
reported by ``copharvest check``, one line each.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from copharvest.labels import term_label

if TYPE_CHECKING:
    import click

    from copharvest.model import Community
    from copharvest.pack import DomainPack


def unlabelled_terms(community: Community, pack: DomainPack) -> list[str]:
    """``file: $.path: message`` for each level or kind id that has no label."""
    known = {
        "level": {term.id for term in pack.levels},
        "kind": {term.id for term in pack.organisation_kinds},
    }
    seen: set[tuple[str, str]] = set()
    lines = []

    def note(term: str, value: str | None, where: str) -> None:
        if value is None or (term, value) in seen:
            return
        seen.add((term, value))
        if value in known[term] or term_label(term, value, community.locale):
            return
        word = "level" if term == "level" else "organisation kind"
        lines.append(
            f"{where}: the {word} {value!r} has no label (neither the domain pack nor "
            f"copharvest knows it), so the booklet prints the id; use a usual one "
            f"({', '.join(sorted(_usual(term)))}) or a domain pack that has it"
        )

    for i, organisation in enumerate(community.organisations):
        note("level", organisation.level, f"organisations.yaml: $[{i}].level")
        note("kind", organisation.kind, f"organisations.yaml: $[{i}].kind")
    for i, member in enumerate(community.members):
        note("level", member.level, f"members.yaml: $[{i}].level")
    return lines


def _usual(term: str) -> set[str]:
    from copharvest.labels import TERMS

    return set(TERMS[term]["en"])


def warn_unlabelled(ctx: click.Context, community: Community) -> None:
    """``check``: a warning on stderr for each id without a label (exit status unchanged)."""
    import click

    from copharvest.cli.common import plugins_from
    from copharvest.pack import GENERIC
    from copharvest.pipeline import BuildError, find_pack
    from copharvest.plugins import get_registry

    try:
        pack = find_pack(community, get_registry(plugins_from(ctx)))
    except BuildError:
        pack = GENERIC  # analysing already said so
    for line in unlabelled_terms(community, pack):
        click.echo(f"warning: {line}", err=True)
