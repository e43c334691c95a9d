"""Who a member without consent may be said to be, and the pseudonym they go by.

The k rule (docs/privacy.md): in a public publication a member who did not consent is
described by the first of role and organisation, organisation, level, "a participant"
that at least ``min_group_size`` recorded members share whose membership spans overlap
the member's own. A span runs from ``joined`` (else the first session attended) to
``left`` (else the last held session); attendance is not required.

Pseudonyms are numbered in the order of a keyed hash (HMAC-SHA256) of the member id with
the community's ``privacy_key``, so that a number says nothing about the member's place
in the records; without a key they follow the order of first attendance.
"""

from __future__ import annotations

import datetime as dt
import hashlib
import hmac
from collections.abc import Callable

import attrs

from copharvest.continuity import held_sessions
from copharvest.model import Community, Member

RUNGS = ("role_organisation", "organisation", "level", "participant")
"""The ladder of attributions, most precise first."""


@attrs.frozen
class Attribution:
    """How a member without consent is described, and by how many members it is shared."""

    rung: str
    """One of :data:`RUNGS`."""
    text: str
    """The printed description."""
    k: int
    """Recorded members (the member included) that share it, with overlapping spans."""


def spans(community: Community, as_of: dt.date | None = None) -> dict[str, tuple[dt.date, dt.date]]:
    """Each member's membership span (first day, last day), both inclusive."""
    held = held_sessions(community, as_of)
    first: dict[str, dt.date] = {}
    for session in held:
        for mid in session.attendance:
            first.setdefault(mid, session.start)
    fallback = community.period.end or community.period.start
    last_held = held[-1].last_day if held else fallback
    out: dict[str, tuple[dt.date, dt.date]] = {}
    for m in community.members:
        start = m.joined or first.get(m.id) or community.period.start
        end = m.left or last_held
        out[m.id] = (start, max(start, end))
    return out


def _overlap(a: tuple[dt.date, dt.date], b: tuple[dt.date, dt.date]) -> bool:
    return a[0] <= b[1] and b[0] <= a[1]


class Attributions:
    """The attributions of every member without consent, computed once."""

    def __init__(
        self,
        community: Community,
        min_group_size: int,
        *,
        as_of: dt.date | None = None,
        level_label: Callable[[str], str] | None = None,
        participant: str = "a participant",
    ) -> None:
        self.k = min_group_size
        self._c = community
        self._spans = spans(community, as_of)
        self._orgs = {o.id: o for o in community.organisations}
        self._level_label = level_label or (lambda level: level)
        self._participant = participant
        self._cache: dict[str, Attribution] = {}

    def keys(self, member: Member) -> dict[str, tuple[str, ...] | None]:
        """The member's value on each rung; none where the records do not say."""
        level = self._c.member_level(member)
        return {
            "role_organisation": (member.role, member.organisation)
            if member.role and member.organisation
            else None,
            "organisation": (member.organisation,) if member.organisation else None,
            "level": (level,) if level else None,
            "participant": (),
        }

    def of(self, member: Member) -> Attribution:
        """The attribution of ``member``: the first rung shared by at least k members."""
        hit = self._cache.get(member.id)
        if hit is not None:
            return hit
        own = self.keys(member)
        span = self._spans[member.id]
        peers = [m for m in self._c.members if _overlap(span, self._spans[m.id])]
        found = Attribution("participant", self._participant, len(peers))
        for rung in RUNGS[:-1]:
            value = own[rung]
            if value is None:
                continue
            k = sum(1 for m in peers if self.keys(m)[rung] == value)
            if k >= self.k:
                found = Attribution(rung, self._text(member, rung), k)
                break
        self._cache[member.id] = found
        return found

    def _text(self, member: Member, rung: str) -> str:
        org = self._orgs.get(member.organisation or "")
        org_name = org.name if org is not None else member.organisation or ""
        if rung == "role_organisation":
            return f"{member.role}, {org_name}"
        if rung == "organisation":
            return org_name
        level = self._c.member_level(member) or ""
        return self._level_label(level) or level


def pseudonyms(community: Community, key: str | None) -> dict[str, str]:
    """``member-001`` … for the members without consent, numbered by keyed hash.

    Without a key the numbers follow first attendance (then id), which at least does not
    follow the order of the members file.
    """
    hidden = [m for m in community.members if not m.consent]
    if key:
        secret = key.encode("utf-8")

        def order(m: Member) -> tuple[object, ...]:
            return (hmac.new(secret, m.id.encode("utf-8"), hashlib.sha256).hexdigest(),)

    else:
        first: dict[str, tuple[dt.date, str]] = {}
        for session in community.sessions_in_order():
            for mid in session.attendance:
                first.setdefault(mid, (session.start, session.id))
        never = (dt.date.max, "")

        def order(m: Member) -> tuple[object, ...]:
            return (first.get(m.id, never), m.id)

    width = max(3, len(str(len(hidden))))
    return {m.id: f"member-{i:0{width}d}" for i, m in enumerate(sorted(hidden, key=order), start=1)}
