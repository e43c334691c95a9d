"""copharvest domain pack for communities of practice of youth-care professionals.

A complete example of a third-party plugin: the pack itself is data (the YAML files in
``data/``); the Python below adds two health checks to the pack, a metric, a command and a
small adjustment of the booklet. Checks that only make sense for youth care belong to
the pack (they run only for harvests that name it); a plugin's
``register_health_checks`` hook is for checks that apply to every harvest.
"""

from __future__ import annotations

from collections.abc import Callable
from importlib.resources import files

import attrs
import click

import copharvest
from copharvest.analysis import Finding, HealthCheck, MetricSpec
from copharvest.continuity import Continuity, Parameters
from copharvest.harvest import Harvest
from copharvest.model import Community, WorkForm
from copharvest.pack import DomainPack, load_pack, localise

PACK_ID = "youthcare"
CASE_FORMS = frozenset({WorkForm.CASE_CLINIC, WorkForm.INTERVISION})


def case_share(
    community: Community, continuity: Continuity, parameters: Parameters
) -> float | None:
    """Share of the held sessions with a case clinic or intervision on a real case."""
    held_ids = {s.id for s in continuity.sessions}  # sessions after `as_of` are left out
    held = [s for s in community.sessions if s.id in held_ids]
    if not held:
        return None
    with_case = sum(1 for s in held if any(p.form in CASE_FORMS for p in s.programme))
    return with_case / len(held)


def client_voice(community: Community, continuity: Continuity, parameters: Parameters) -> Finding:
    """Were young people or parents heard? Counts guests described as such."""
    words = ("young", "youth", "parent", "jongere", "ouder", "client", "cliënt")
    heard = sum(
        1
        for s in community.sessions
        for g in s.guests
        if any(word in g.description.lower() for word in words)
    )
    status = "unknown" if not community.sessions else ("ok" if heard else "warn")
    return Finding(
        lesson=f"{PACK_ID}:client_voice",
        status=status,
        evidence={"client_guests": heard, "sessions": len(community.sessions)},
    )


def providers_present(
    community: Community, continuity: Continuity, parameters: Parameters
) -> Finding:
    """The pack's own check: care providers take part, not only municipal youth teams."""
    kinds = {o.id: o.kind for o in community.organisations}
    providers = {
        m.organisation
        for m in community.members
        if m.organisation is not None and kinds.get(m.organisation) == "care_provider"
    }
    held_ids = {s.id for s in continuity.sessions}
    present = sum(
        1
        for s in community.sessions
        if s.id in held_ids
        and any(
            kinds.get(community.member(mid).organisation or "") == "care_provider"
            for mid in s.attendance
        )
    )
    total = len(continuity.sessions)
    status = "unknown" if total == 0 else ("ok" if present / total >= 0.5 else "warn")
    return Finding(
        lesson=f"{PACK_ID}:providers",
        status=status,
        evidence={
            "provider_organisations": len(providers),
            "sessions_with_provider": present,
            "sessions": total,
        },
    )


# The findings leave their title out: the check's title is printed in the harvest's
# language, and the evidence is worded per language by the check's labels.
CHECKS = (
    HealthCheck(
        name=f"{PACK_ID}:providers",
        title={"en": "Care providers take part", "nl": "Zorgaanbieders doen mee"},
        evaluate=providers_present,
        labels={
            "en": {
                "sentence": "Care providers were present in {sessions_with_provider} of the "
                "{sessions} sessions; {provider_organisations} provider organisations "
                "take part.",
                "provider_organisations": "provider organisations",
                "sessions_with_provider": "sessions with a care provider",
            },
            "nl": {
                "sentence": "Zorgaanbieders waren bij {sessions_with_provider} van de "
                "{sessions} bijeenkomsten; {provider_organisations} aanbieders doen mee.",
                "provider_organisations": "zorgaanbieders",
                "sessions_with_provider": "bijeenkomsten met een zorgaanbieder",
            },
        },
    ),
    HealthCheck(
        name=f"{PACK_ID}:client_voice",
        title={
            "en": "Young people and parents are heard",
            "nl": "Jongeren en ouders komen aan het woord",
        },
        evaluate=client_voice,
        labels={
            "en": {"client_guests": "guests who are young people or parents"},
            "nl": {"client_guests": "gasten die jongeren of ouders zijn"},
        },
    ),
)


def pack() -> DomainPack:
    """The youthcare pack, read from the YAML files of this package."""
    return load_pack(files(__name__) / "data", checks=CHECKS)


@copharvest.hookimpl
def register_domain_packs(register: Callable[[DomainPack], None]) -> None:
    register(pack())


@copharvest.hookimpl
def register_metrics(register: Callable[[MetricSpec], None]) -> None:
    register(
        MetricSpec(
            name=f"{PACK_ID}:case_share",
            compute=case_share,
            description="Share of sessions that worked on a real case",
        )
    )


@copharvest.hookimpl
def register_commands(cli: click.Group) -> None:
    @cli.command("youthcare-themes")
    @click.option("--locale", default="en", show_default=True)
    def youthcare_themes(locale: str) -> None:
        """List the Part II themes of the youthcare pack."""
        for number, theme in enumerate(pack().themes, start=1):
            click.echo(f"2.{number}  {localise(theme.title, locale)}")


@copharvest.hookimpl
def adjust_harvest(harvest: Harvest, pack: DomainPack) -> Harvest | None:
    """Credit the domain pack in the colophon of youth-care harvests."""
    if pack.id != PACK_ID:
        return None
    credit = (
        "Domain pack: copharvest-youthcare"
        if harvest.locale != "nl"
        else "Domeinpakket: copharvest-youthcare"
    )
    colophon = attrs.evolve(harvest.colophon, contributors=(*harvest.colophon.contributors, credit))
    return attrs.evolve(harvest, colophon=colophon)
