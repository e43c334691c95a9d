"""The continuity chapter of the booklet: the story (:mod:`copharvest.story`), the key
figures and the tables, all numbers written the one localised way."""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable, Mapping, Sequence
from typing import Any

from copharvest.continuity import TIERS, UNKNOWN
from copharvest.model import Community
from copharvest.pack import DomainPack
from copharvest.privacy import Audience, Naming
from copharvest.story import FIGURE_ORDER, Story
from copharvest.suppression import OTHER
from copharvest.views import ChartView, ContinuityView, OrganisationRow, SessionView, TierRow


def continuity_view(
    c: Community,
    metrics: Mapping[str, Any],
    naming: Naming,
    labels: Mapping[str, str],
    pack: DomainPack,
    charts: Sequence[ChartView],
    number: int,
    dates_of: Callable[[dt.date, dt.date], str],
) -> ContinuityView:
    """The continuity chapter of the booklet."""
    shown = sorted(
        (ch for ch in charts if ch.id in FIGURE_ORDER), key=lambda ch: FIGURE_ORDER.index(ch.id)
    )
    figures = {ch.id: i for i, ch in enumerate(shown, start=1)}
    public = naming.audience is Audience.PUBLIC
    story = Story(c, metrics, labels, pack, figures, rule=naming.rule if public else None)
    rows = metrics.get("sessions", [])
    session_numbers = {row["id"]: i for i, row in enumerate(rows, start=1)}
    if not story.measured():
        return ContinuityView(
            number=f"1.{number}",
            title=labels["continuity"],
            intro=labels["continuity_intro_later"],
            summary=story.sentences(),
            measured=False,
            pigeon_loft_index="–",
            core_share="–",
            asymmetry=None,
            exposure_by_group=(),
            tiers=(),
            sessions=(),
            organisations=(),
            flags=(),
            buddies=(),
            charts=(),
        )
    community = story.summary
    tiers: Mapping[str, int] = community.get("tiers", {})
    came = sum(int(tiers.get(t, 0)) for t in TIERS if t != "absent")
    tier_rows = tuple(
        TierRow(
            tier=tier,
            label=labels[f"tier_{tier}"],
            count=int(tiers.get(tier, 0)),
            share=story.share(tiers.get(tier, 0) / came if came and tier != "absent" else None),
        )
        for tier in TIERS
    )
    sessions = {s.id: s for s in c.sessions}
    session_rows = tuple(
        SessionView(
            id=row["id"],
            number=i,
            title=sessions[row["id"]].title if row["id"] in sessions else "",
            dates=dates_of(dt.date.fromisoformat(row["date"]), dt.date.fromisoformat(row["end"])),
            place=sessions[row["id"]].place if row["id"] in sessions else "",
            size=int(row["size"]),
            newcomers=int(row["newcomers"]),
            from_previous="–"
            if row.get("from_previous") is None
            else story.count(row["from_previous"]),
            levels=int(row["levels"]),
        )
        for i, row in enumerate(rows, start=1)
    )
    changed = {True: labels["yes"], False: labels["no"], None: "–"}
    org_rows = tuple(
        OrganisationRow(
            name=story.organisation_name(oid),
            coverage=story.share(row["coverage"]),
            delegates=int(row["delegates"]),
            attendances=int(row["attendances"]),
            delegate_changed=changed[row.get("delegate_changed")],
        )
        for oid, row in sorted(
            metrics.get("organisations", {}).items(),
            # the organisation "unknown" (and merged small ones) stay last, as in the metrics
            key=lambda kv: (kv[0] in (OTHER, UNKNOWN), -(kv[1]["attendances"] or 0), kv[0]),
        )
    )
    # in public only pairs of members who may be named; the rest are counted
    pairs = metrics.get("buddies", [])
    named = [b for b in pairs if not public or naming.named_pair(b)]
    buddies = tuple(
        (
            naming.display(b["member"]),
            naming.display(b["buddy"]) if b["buddy"] else labels["no_buddy"],
        )
        for b in named
    )
    if len(named) < len(pairs):
        n = len(pairs) - len(named)
        k = story.count(naming.min_group_size)
        buddies += ((story.plural("buddies_not_named", n, k=k), ""),)
    ratio = community.get("asymmetry")
    return ContinuityView(
        number=f"1.{number}",
        title=labels["continuity"],
        intro=labels["continuity_intro"],
        summary=story.sentences(),
        pigeon_loft_index=story.ratio(community.get("pigeon_loft_index")),
        core_share=story.share(community.get("core_share")),
        asymmetry=None if ratio is None else story.ratio(ratio, 1),
        exposure_by_group=tuple(
            (story.group_label(group), story.share(value))
            for group, value in (community.get("exposure_by_group") or {}).items()
        ),
        tiers=tier_rows,
        sessions=session_rows,
        organisations=org_rows,
        flags=story.flags(session_numbers),
        buddies=buddies,
        charts=tuple(shown),
    )
