"""What a publication may show: visibility per audience, and how members are named.

Privacy is applied once, when the Harvest view model is built (:mod:`copharvest.harvest`)
and when metrics are published; formats only ever see what passed through here.
"""

from __future__ import annotations

import datetime as dt
import enum
from collections.abc import Callable, Mapping
from typing import Any

from copharvest.attribution import Attributions, pseudonyms
from copharvest.model import Community, Member, Visibility
from copharvest.suppression import Rule, refuse_identifying, suppress


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
    """Names and pseudonyms of members, as a publication for ``audience`` may print them.

    A member without consent is described by role and organisation for the internal
    audience, and by the k rule of :mod:`copharvest.attribution` for the public.
    """

    def __init__(
        self,
        community: Community,
        labels: Mapping[str, str],
        *,
        audience: Audience = Audience.PUBLIC,
        min_group_size: int = 3,
        as_of: dt.date | None = None,
        level_label: Callable[[str], str] | None = None,
    ) -> None:
        self._community = community
        self.audience = audience
        self.min_group_size = min_group_size
        self._orgs = {o.id: o for o in community.organisations}
        self._members = {m.id: m for m in community.members}
        self._participant = labels.get("participant", "participant")
        self.attributions = Attributions(
            community,
            min_group_size,
            as_of=as_of,
            level_label=level_label,
            participant=self._participant,
        )
        self._pseudonyms = pseudonyms(community, community.privacy_key)
        self.rule = Rule.of(community, min_group_size)

    @property
    def community(self) -> Community:
        """The records the names come from."""
        return self._community

    def named_pair(self, buddy: Mapping[str, Any]) -> bool:
        """Whether a buddy suggestion may be printed with its members (else it is counted)."""
        ids = {buddy["member"], buddy["buddy"]} - {None}
        return not any(self.rule.too_small({mid}) for mid in ids)

    @property
    def hidden(self) -> tuple[Member, ...]:
        """The members who did not consent."""
        return tuple(m for m in self._community.members if not m.consent)

    def organisation_name(self, member: Member) -> str | None:
        """The name of the member's organisation, if any."""
        org = self._orgs.get(member.organisation or "")
        return org.name if org is not None else None

    def display(self, member_id: str) -> str:
        """The member's name with consent, else how the audience may describe them."""
        member = self._members[member_id]
        if member.consent:
            return member.name
        if self.audience is Audience.PUBLIC:
            return self.attributions.of(member).text
        parts = [p for p in (member.role, self.organisation_name(member)) if p]
        return ", ".join(parts) if parts else self._participant

    def attribution(self, member_id: str) -> str:
        """How a quote is signed: "Name, Organisation", or :meth:`display` without consent."""
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
    """The metrics as ``naming``'s audience may see them.

    For the public, small groups are merged (:func:`copharvest.suppression.suppress`), and
    the rows of members without consent and buddy pairs with one of them are left out
    while they describe fewer than ``min_group_size`` people. Every member id of a
    member without consent left is pseudonymised.
    """
    from copharvest.leaks import redact_contributions

    refuse_identifying(metrics.get("settings", {}).get("group_by"))
    metrics = redact_contributions(metrics, naming)
    out = dict(metrics)
    members: Mapping[str, Any] = metrics.get("members", {})
    buddies: list[Mapping[str, Any]] = list(metrics.get("buddies", []))
    if naming.audience is Audience.PUBLIC:
        out, _ = suppress(naming.community, metrics, naming.rule)
        members = {k: v for k, v in members.items() if not naming.rule.too_small({k})}
        buddies = [b for b in buddies if naming.named_pair(b)]
    # sorted by published id: the order of the records would give pseudonyms away
    out["members"] = dict(sorted((naming.public_id(k), v) for k, v in members.items()))
    out["buddies"] = [
        {
            "member": naming.public_id(b["member"]),
            "buddy": None if b["buddy"] is None else naming.public_id(b["buddy"]),
        }
        for b in buddies
    ]
    return out
