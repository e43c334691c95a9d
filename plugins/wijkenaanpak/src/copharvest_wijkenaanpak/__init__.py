"""copharvest domain pack for the Dutch neighbourhood approach (wijkenaanpak)."""

from __future__ import annotations

from collections.abc import Callable
from importlib.resources import files

import copharvest
from copharvest.analysis import Finding, HealthCheck
from copharvest.continuity import Continuity, Parameters
from copharvest.model import Community
from copharvest.pack import DomainPack, load_pack

PACK_ID = "wijkenaanpak"
HOUSING_KINDS = frozenset({"housing_association", "branch_organisation"})
"""Kinds of organisation that speak for the housing associations."""


def _held(community: Community, continuity: Continuity) -> list[str]:
    return [s.id for s in continuity.sessions]


def housing_associations(
    community: Community, continuity: Continuity, parameters: Parameters
) -> Finding:
    """Housing associations (or their branch organisation) take part in the community.

    ``ok`` when at least half of the held sessions have a member of such an
    organisation present.
    """
    kinds = {o.id: o.kind for o in community.organisations}
    member_kind = {m.id: kinds.get(m.organisation or "") for m in community.members}
    held = set(_held(community, continuity))
    sessions = [s for s in community.sessions if s.id in held]
    present = sum(
        1 for s in sessions if any(member_kind.get(mid) in HOUSING_KINDS for mid in s.attendance)
    )
    status = "unknown" if not sessions else ("ok" if present / len(sessions) >= 0.5 else "warn")
    return Finding(
        lesson=f"{PACK_ID}:housing_associations",
        status=status,
        evidence={"sessions_with_housing": present, "sessions": len(sessions)},
    )


def state_and_cities(
    community: Community, continuity: Continuity, parameters: Parameters
) -> Finding:
    """The national level and the cities meet: both present at ≥ 75 % of held sessions."""
    level = {m.id: community.member_level(m) for m in community.members}
    held = set(_held(community, continuity))
    sessions = [s for s in community.sessions if s.id in held]
    both = sum(
        1 for s in sessions if {"national", "city"} <= {level.get(mid) for mid in s.attendance}
    )
    status = "unknown" if not sessions else ("ok" if both / len(sessions) >= 0.75 else "warn")
    return Finding(
        lesson=f"{PACK_ID}:state_and_cities",
        status=status,
        evidence={"sessions_with_both": both, "sessions": len(sessions)},
    )


CHECKS = (
    HealthCheck(
        name=f"{PACK_ID}:housing_associations",
        title={"nl": "Woningcorporaties aan tafel", "en": "Housing associations at the table"},
        evaluate=housing_associations,
        labels={
            "nl": {
                "sentence": "Bij {sessions_with_housing} van de {sessions} bijeenkomsten "
                "zat een woningcorporatie aan tafel.",
                "sessions_with_housing": "bijeenkomsten met een woningcorporatie",
            },
            "en": {
                "sentence": "A housing association was at the table in "
                "{sessions_with_housing} of the {sessions} sessions.",
                "sessions_with_housing": "sessions with a housing association",
            },
        },
    ),
    HealthCheck(
        name=f"{PACK_ID}:state_and_cities",
        title={"nl": "Rijk en steden samen aan tafel", "en": "State and cities at one table"},
        evaluate=state_and_cities,
        labels={
            "nl": {
                "sentence": "Bij {sessions_with_both} van de {sessions} bijeenkomsten zaten "
                "Rijk en steden samen aan tafel.",
                "sessions_with_both": "bijeenkomsten met Rijk en steden",
            },
            "en": {
                "sentence": "The state and the cities met in {sessions_with_both} of the "
                "{sessions} sessions.",
                "sessions_with_both": "sessions with the state and cities",
            },
        },
    ),
)


def pack() -> DomainPack:
    """The wijkenaanpak pack, read from this package's data files."""
    return load_pack(files(__name__) / "data", checks=CHECKS)


@copharvest.hookimpl
def register_domain_packs(register: Callable[[DomainPack], None]) -> None:
    register(pack())
