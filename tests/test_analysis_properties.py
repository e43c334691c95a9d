"""Properties of the metrics that hold for every community."""

from __future__ import annotations

import datetime as dt
import itertools
import json
from collections import Counter
from typing import Any

import attrs
from hypothesis import given, settings
from hypothesis import strategies as st

from copharvest.analysis import analyse
from copharvest.continuity import TIERS
from copharvest.model import Community, Member, Organisation, Period, Session

START = dt.date(2020, 1, 1)
LEVELS = (None, "national", "city", "district")


@st.composite
def communities(draw: st.DrawFn) -> Community:
    """Small valid communities: some sessions share a day, some members join or leave."""
    orgs = tuple(
        Organisation(id=f"o{i}", name=f"O{i}", level=draw(st.sampled_from(LEVELS)))
        for i in range(draw(st.integers(0, 4)))
    )
    n_members = draw(st.integers(0, 12))
    offsets = sorted(draw(st.lists(st.integers(0, 60), max_size=9)))
    attendance = [
        draw(st.sets(st.integers(0, n_members - 1), max_size=n_members)) if n_members else set()
        for _ in offsets
    ]
    members = []
    for i in range(n_members):
        days = [START + dt.timedelta(days=offsets[t]) for t, a in enumerate(attendance) if i in a]
        joined = left = None
        if draw(st.booleans()):
            latest = min(days) if days else START + dt.timedelta(days=60)
            joined = latest - dt.timedelta(days=draw(st.integers(0, 30)))
        if draw(st.booleans()):
            earliest = max(days, default=joined or START)
            left = earliest + dt.timedelta(days=draw(st.integers(0, 30)))
        members.append(
            Member(
                id=f"m{i}",
                name=f"M{i}",
                organisation=draw(st.sampled_from([None, *(o.id for o in orgs)])),
                level=draw(st.sampled_from(LEVELS)),
                joined=joined,
                left=left,
            )
        )
    sessions = tuple(
        Session(
            id=f"s{t}",
            start=START + dt.timedelta(days=day),
            end=START + dt.timedelta(days=day + draw(st.integers(0, 1))),
            attendance=tuple(f"m{i}" for i in sorted(attendance[t])),
        )
        for t, day in enumerate(offsets)
    )
    # Shuffle the file order: the metrics must not depend on it.
    sessions = tuple(draw(st.permutations(sessions)))
    return Community(
        name="p",
        period=Period(start=START),
        organisations=orgs,
        members=tuple(members),
        sessions=sessions,
    )


@settings(max_examples=60, deadline=None)
@given(communities())
def test_invariants(c: Community) -> None:
    result = analyse(c)
    cm = result.continuity.community
    members = result.continuity.members
    if cm.pigeon_loft_index is not None:
        assert 0 <= cm.pigeon_loft_index <= 1
    # The tiers partition the members.
    assert set(cm.tiers) == set(TIERS)
    assert sum(cm.tiers.values()) == len(c.members) == len(members)
    assert Counter(m.tier for m in members.values()) == +Counter(cm.tiers)
    attended = sum(1 for m in members.values() if m.attended)
    assert cm.absence_factor <= attended
    assert (cm.absence_factor == 0) == (cm.attendances == 0)
    assert cm.elephant_factor <= cm.absence_factor or cm.attendances == 0
    for m in members.values():
        assert m.attended <= m.eligible
        assert m.rate is None or 0 <= m.rate <= 1
    for s in result.continuity.sessions:
        assert s.size == s.newcomers + s.returning
        for value in (s.jaccard, s.churn, s.core_present, s.blau_levels):
            assert value is None or 0 <= value <= 1
    for o in result.continuity.organisations.values():
        assert o.coverage is None or 0 < o.coverage <= 1
    assert sum(s.newcomers for s in result.continuity.sessions) == attended
    # "unknown" holds the members without an organisation: the attendances add up
    orgs = result.continuity.organisations
    assert sum(o.attendances for o in orgs.values()) == cm.attendances
    assert ("unknown" in orgs) == any(m.organisation is None for m in c.members)
    assert orgs.get("unknown") is None or orgs["unknown"].delegate_changed is None
    changed = [o for o in orgs.values() if o.delegate_changed]
    assert cm.seats_kept <= len(changed)
    for o in orgs.values():
        assert (o.delegate_changed is None) or o.delegates >= 1
        assert not o.delegate_changed or o.delegates >= 2  # a seat passes to someone else
    sessions = result.continuity.sessions
    for before, s in itertools.pairwise(sessions):
        assert s.from_previous is not None
        assert s.from_previous <= min(before.size, s.size)
    assert not sessions or sessions[0].from_previous is None
    json.dumps(result.to_json(), allow_nan=False)


def _renamed(c: Community, prefix: str) -> tuple[Community, dict[str, str]]:
    """Rename every member, session and organisation id, keeping their string order."""
    mapping: dict[str, str] = {}
    for records in (c.members, c.sessions, c.organisations):
        for rank, old in enumerate(sorted(r.id for r in records)):
            mapping[old] = f"{prefix}{rank:03d}"

    def new(old: str | None) -> str | None:
        return None if old is None else mapping[old]

    return (
        attrs.evolve(
            c,
            organisations=tuple(attrs.evolve(o, id=mapping[o.id]) for o in c.organisations),
            members=tuple(
                attrs.evolve(m, id=mapping[m.id], organisation=new(m.organisation))
                for m in c.members
            ),
            sessions=tuple(
                attrs.evolve(
                    s, id=mapping[s.id], attendance=tuple(mapping[a] for a in s.attendance)
                )
                for s in c.sessions
            ),
        ),
        mapping,
    )


def _rename_json(data: dict[str, Any], mapping: dict[str, str]) -> dict[str, Any]:
    def new(old: str | None) -> str | None:
        return None if old is None else mapping[old]

    data = json.loads(json.dumps(data))
    data["members"] = {
        mapping[mid]: {**m, "first": new(m["first"]), "last": new(m["last"])}
        for mid, m in data["members"].items()
    }
    for s in data["sessions"]:
        s["id"] = mapping[s["id"]]
    # "unknown" (members without an organisation) is no record's id: it keeps its name
    data["organisations"] = {mapping.get(o, o): v for o, v in data["organisations"].items()}
    data["flags"]["oversized"] = [mapping[s] for s in data["flags"]["oversized"]]
    data["buddies"] = [
        {"member": mapping[b["member"]], "buddy": new(b["buddy"])} for b in data["buddies"]
    ]
    return data


@settings(max_examples=60, deadline=None)
@given(
    communities(), st.sampled_from(["x", "id-", "Z"]), st.sampled_from(["level", "organisation"])
)
def test_renaming_ids_in_order_changes_nothing(c: Community, prefix: str, group_by: str) -> None:
    renamed, mapping = _renamed(c, prefix)
    overrides = {"group_by": group_by, "max_size": 3}
    before = analyse(c, overrides=overrides).to_json()
    after = analyse(renamed, overrides=overrides).to_json()
    if group_by == "organisation":  # the groups are organisation ids then
        groups = before["community"]["exposure_by_group"]
        before["community"]["exposure_by_group"] = {mapping.get(g, g): v for g, v in groups.items()}
    assert after == _rename_json(before, mapping)
