"""What a publication may show: visibility per audience, and how members are named.

Privacy is applied once, when the Harvest view model is built (:mod:`copharvest.harvest`)
and when metrics are published; formats only ever see what passed through here.
"""

from __future__ import annotations

import enum
from collections.abc import Mapping
from typing import Any

from copharvest.model import Community, Member, Visibility


class Audience(enum.StrEnum):
    """Who a publication is for."""

    PUBLIC = "public"
    """Everyone: only public content."""
    INTERNAL = "internal"
    """The community and its commissioners: public and internal content."""


def visible(visibility: Visibility, audience: Audience) -> bool:
    """Whether content of ``visibility`` may appear in a publication for ``audience``."""
    if visibility is Visibility.PUBLIC:
        return True
    if visibility is Visibility.INTERNAL:
        return audience is Audience.INTERNAL
    return False


class Naming:
    """Names and pseudonyms of members, as a publication may print them."""

    def __init__(self, community: Community, labels: Mapping[str, str]) -> None:
        self._community = community
        self._orgs = {o.id: o for o in community.organisations}
        self._members = {m.id: m for m in community.members}
        self._participant = labels.get("participant", "participant")
        width = max(3, len(str(len(community.members))))
        self._pseudonyms = {
            m.id: f"member-{i:0{width}d}"
            for i, m in enumerate(community.members, start=1)
            if not m.consent
        }

    def organisation_name(self, member: Member) -> str | None:
        """The name of the member's organisation, if any."""
        org = self._orgs.get(member.organisation or "")
        return org.name if org is not None else None

    def display(self, member_id: str) -> str:
        """The member's name with consent, else their role and organisation."""
        member = self._members[member_id]
        if member.consent:
            return member.name
        parts = [p for p in (member.role, self.organisation_name(member)) if p]
        return ", ".join(parts) if parts else self._participant

    def attribution(self, member_id: str) -> str:
        """How a quote is signed: "Name, Organisation" or "role, Organisation"."""
        member = self._members[member_id]
        if not member.consent:
            return self.display(member_id)
        org = self.organisation_name(member)
        return f"{member.name}, {org}" if org else member.name

    def public_id(self, member_id: str) -> str:
        """The member's id, or a stable pseudonym for members without consent."""
        return self._pseudonyms.get(member_id, member_id)

    def is_named(self, member_id: str) -> bool:
        """Whether the member consented to be named."""
        member = self._members.get(member_id)
        return member is not None and member.consent


def publish_metrics(metrics: Mapping[str, Any], naming: Naming) -> dict[str, Any]:
    """The metrics JSON with every member id of a non-consenting member pseudonymised."""
    out = dict(metrics)
    out["members"] = {naming.public_id(k): v for k, v in metrics.get("members", {}).items()}
    out["buddies"] = [
        {
            "member": naming.public_id(b["member"]),
            "buddy": None if b["buddy"] is None else naming.public_id(b["buddy"]),
        }
        for b in metrics.get("buddies", [])
    ]
    return out
