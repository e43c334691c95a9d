"""Small cells: a published group, row or cell that describes fewer than
``min_group_size`` people, one of whom did not consent, is merged into "other" or left
out with a count (docs/privacy.md).

Applied to the metrics (METRICS.md layout, member ids still the records' own) before
they reach a public publication. The flags and ``asymmetry`` stay as computed on the
groups as they are; only what is published merges small groups.
"""

from __future__ import annotations

import statistics
from collections.abc import Mapping
from typing import TYPE_CHECKING, Any

import attrs

from copharvest.continuity import UNKNOWN, OrganisationMetrics, member_groups
from copharvest.model import Community, Organisation

if TYPE_CHECKING:
    from copharvest.analysis import Analysis

OTHER = "other"
"""The key of a merged group or organisation row."""
IDENTIFYING = frozenset({"id", "name"})
"""Member attributes a publication may never group by."""


class PrivacyError(ValueError):
    """A publication was asked for something that would identify members."""


@attrs.frozen
class Suppressed:
    """One published group that was merged or left out, for ``check --privacy``."""

    what: str
    """``organisation``, ``exposure_group``, ``core_level``, ``buddy`` or ``member``."""
    key: str
    """The group's key (organisation id, group, level, member id)."""
    people: int
    """How many people it described."""


@attrs.frozen
class Rule:
    """Who did not consent, and the smallest group that may describe one of them."""

    hidden: frozenset[str]
    """Ids of the members who did not consent."""
    k: int
    """``min_group_size``."""

    @classmethod
    def of(cls, community: Community, k: int) -> Rule:
        return cls(frozenset(m.id for m in community.members if not m.consent), k)

    def too_small(self, people: set[str] | frozenset[str]) -> bool:
        """Whether a group of ``people`` may not be published as it is."""
        return 0 < len(people) < self.k and bool(people & self.hidden)


def refuse_identifying(group_by: object) -> None:
    """Raise :class:`PrivacyError` for a grouping by an identifying attribute."""
    if group_by in IDENTIFYING:
        raise PrivacyError(
            f"group_by: {group_by} would print members' {group_by}s as group labels; "
            "a publication groups by level, organisation, role, consent, joined or left"
        )


def group_members(community: Community, metrics: Mapping[str, Any]) -> dict[str, set[str]]:
    """The members at the last held session, by ``exposure_by_group`` group."""
    sessions = metrics.get("sessions", [])
    if not sessions:
        return {}
    last_id = sessions[-1]["id"]
    session = next((s for s in community.sessions if s.id == last_id), None)
    if session is None:
        return {}
    group_by = metrics.get("settings", {}).get("group_by", "level")
    levels, _ = member_groups(community)
    by_id = {m.id: m for m in community.members}
    out: dict[str, set[str]] = {}
    for mid in session.attendance:
        if mid not in by_id:
            continue
        if group_by == "level":
            key = levels[mid]
        else:
            value = getattr(by_id[mid], group_by)
            if value is None:
                key = UNKNOWN
            elif isinstance(value, bool):
                key = "yes" if value else "no"
            elif hasattr(value, "isoformat"):
                key = value.isoformat()
            else:
                key = str(value)
        out.setdefault(key, set()).add(mid)
    return out


def suppress(
    community: Community, metrics: Mapping[str, Any], rule: Rule
) -> tuple[dict[str, Any], list[Suppressed]]:
    """The metrics with small organisation rows and exposure groups merged into "other"
    (left out when "other" is itself too small), and what was merged."""
    refuse_identifying(metrics.get("settings", {}).get("group_by"))
    out = dict(metrics)
    dropped: list[Suppressed] = []
    _, orgs = member_groups(community)
    members: Mapping[str, Any] = metrics.get("members", {})
    delegates: dict[str, set[str]] = {}
    for mid, row in members.items():
        if row.get("attended"):
            delegates.setdefault(orgs.get(mid, UNKNOWN), set()).add(mid)
    rows: dict[str, Any] = {}
    merged: set[str] = set()
    merged_rows: list[Mapping[str, Any]] = []
    for oid, row in metrics.get("organisations", {}).items():
        people = delegates.get(oid, set())
        if rule.too_small(people):
            dropped.append(Suppressed("organisation", oid, len(people)))
            merged |= people
            merged_rows.append(row)
        else:
            rows[oid] = row
    if merged_rows and not rule.too_small(merged):
        rows[OTHER] = {
            "attendances": sum(int(r["attendances"]) for r in merged_rows),
            "coverage": None,
            "delegates": len(merged),
            "delegate_changed": None,
        }
    out["organisations"] = rows
    summary = dict(metrics.get("community", {}))
    exposure: Mapping[str, float] = summary.get("exposure_by_group") or {}
    groups = group_members(community, metrics)
    shown: dict[str, float] = {}
    pooled: set[str] = set()
    for group, value in exposure.items():
        people = groups.get(group, set())
        if rule.too_small(people):
            dropped.append(Suppressed("exposure_group", group, len(people)))
            pooled |= people
        else:
            shown[group] = value
    values = [
        members[mid]["exposure"]
        for mid in pooled
        if members.get(mid, {}).get("exposure") is not None
    ]
    if pooled and not rule.too_small(pooled) and len(values) == len(pooled):
        shown[OTHER] = statistics.fmean(values)
    summary["exposure_by_group"] = shown
    out["community"] = summary
    return out, dropped


def core_levels(
    community: Community, metrics: Mapping[str, Any], rule: Rule
) -> tuple[dict[str, int], list[Suppressed]]:
    """The stable core's make-up by level, small levels with a member without consent
    merged into "other" (left out when "other" is itself too small)."""
    levels, _ = member_groups(community)
    by_level: dict[str, set[str]] = {}
    for mid, row in metrics.get("members", {}).items():
        if row.get("tier") == "core":
            by_level.setdefault(levels.get(mid, UNKNOWN), set()).add(mid)
    out: dict[str, int] = {}
    pooled: set[str] = set()
    dropped: list[Suppressed] = []
    for level, people in by_level.items():
        if rule.too_small(people):
            dropped.append(Suppressed("core_level", level, len(people)))
            pooled |= people
        else:
            out[level] = len(people)
    if pooled and not rule.too_small(pooled):
        out[OTHER] = len(pooled)
    return out, dropped


def for_charts(
    community: Community, analysis: Analysis, rule: Rule, other_label: str
) -> tuple[Community, Analysis]:
    """The records and analysis the charts of a public publication are drawn from: the
    organisation rows merged as :func:`suppress` merges them (the merged row named
    ``other_label``)."""
    published, dropped = suppress(community, analysis.to_json(), rule)
    if not any(item.what == "organisation" for item in dropped):
        return community, analysis
    rows = {
        oid: analysis.continuity.organisations.get(oid)
        or OrganisationMetrics(
            id=oid,
            attendances=int(row["attendances"]),
            coverage=row["coverage"],
            delegates=int(row["delegates"]),
            delegate_changed=row["delegate_changed"],
        )
        for oid, row in published["organisations"].items()
    }
    continuity = attrs.evolve(analysis.continuity, organisations=rows)
    organisations = community.organisations
    if OTHER in rows and all(o.id != OTHER for o in organisations):
        organisations = (*organisations, Organisation(id=OTHER, name=other_label))
    return (
        attrs.evolve(community, organisations=organisations),
        attrs.evolve(analysis, continuity=continuity),
    )
