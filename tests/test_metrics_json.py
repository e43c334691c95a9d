"""The JSON of the metrics has exactly the layout and keys of METRICS.md."""

from __future__ import annotations

import datetime as dt
import json
from typing import Any

import attrs

from copharvest.analysis import MetricSpec, analyse
from copharvest.model import Community, Member, Organisation, Period, Session, Settings

TOP = ["community", "members", "sessions", "organisations", "flags", "buddies", "health",
       "settings", "extra"]  # fmt: skip
COMMUNITY = {
    "sessions", "members", "attendances", "pigeon_loft_index", "tiers", "core_share",
    "absence_factor", "elephant_factor", "newcomer_return", "exposure_by_group", "asymmetry",
    "size", "seats_kept", "diagonal_share",
}  # fmt: skip
MEMBER = {"attended", "eligible", "rate", "tier", "first", "last", "exposure"}
SESSION = {
    "id", "date", "end", "size", "newcomers", "returning", "from_previous", "jaccard", "churn", "core_present",
    "organisations", "levels", "blau_levels",
}  # fmt: skip
ORGANISATION = ["attendances", "coverage", "delegates", "delegate_changed"]
FLAGS = {"pigeon_loft", "information_asymmetry", "oversized"}
TIERS = ["core", "active", "occasional", "peripheral", "absent"]
SETTINGS = {
    "as_of", "core_min", "core_rate", "active_min", "active_rate", "pigeon_loft_threshold",
    "asymmetry_threshold", "max_size", "group_by", "diagonal_min", "core_share_min",
    "practice_min", "strategic_min", "learning_min", "guest_min", "relaxation_min", "place_min",
    "preparation_min", "seat_coverage_min", "min_group_size",
}  # fmt: skip


def sample() -> Community:
    day = dt.date(2020, 1, 1)
    return Community(
        name="c",
        period=Period(start=day),
        organisations=(Organisation(id="o", name="O", level="city"),),
        members=(Member(id="a", name="A", organisation="o"), Member(id="b", name="B")),
        sessions=(
            Session(id="s1", start=day, end=day + dt.timedelta(days=1), attendance=("a", "b")),
            Session(id="s2", start=day + dt.timedelta(days=30), attendance=("b",)),
        ),
        settings=Settings(as_of=dt.date(2021, 1, 1)),
    )


def check_layout(data: dict[str, Any]) -> None:
    assert list(data) == TOP
    community = data["community"]
    assert isinstance(community, dict)
    assert set(community) == COMMUNITY
    assert list(community["tiers"]) == TIERS
    assert set(community["size"]) == {"min", "median", "max"}
    members = data["members"]
    assert isinstance(members, dict)
    assert all(set(m) == MEMBER for m in members.values())
    sessions = data["sessions"]
    assert isinstance(sessions, list)
    assert all(set(s) == SESSION for s in sessions)
    organisations = data["organisations"]
    assert isinstance(organisations, dict)
    assert all(list(o) == ORGANISATION for o in organisations.values())
    # members without an organisation are the organisation "unknown", listed last
    if "unknown" in organisations:
        assert list(organisations)[-1] == "unknown"
        assert organisations["unknown"]["delegate_changed"] is None
    flags = data["flags"]
    assert isinstance(flags, dict)
    assert set(flags) == FLAGS
    buddies = data["buddies"]
    assert isinstance(buddies, list)
    assert all(set(b) == {"member", "buddy"} for b in buddies)
    health = data["health"]
    assert isinstance(health, list)
    assert all(set(f) == {"lesson", "title", "status", "evidence"} for f in health)
    assert [f["lesson"] for f in health][:10] == list(range(1, 11))
    settings = data["settings"]
    assert isinstance(settings, dict)
    assert set(settings) == SETTINGS
    # Plain JSON: no NaN, no dates, no tuples; a round trip changes nothing.
    assert json.loads(json.dumps(data, allow_nan=False)) == data


def test_layout_and_keys_are_exactly_those_of_metrics_md() -> None:
    data = analyse(sample()).to_json()
    check_layout(data)
    assert data["sessions"][0]["date"] == "2020-01-01"
    assert data["sessions"][0]["end"] == "2020-01-02"
    assert data["settings"]["as_of"] == "2021-01-01"
    assert data["extra"] == {}
    assert data["buddies"] == [{"member": "a", "buddy": None}]  # b came twice
    # b has no organisation: "unknown" is listed, and the attendances add up
    assert list(data["organisations"]) == ["o", "unknown"]
    assert sum(o["attendances"] for o in data["organisations"].values()) == 3
    assert [s["from_previous"] for s in data["sessions"]] == [None, 1]


def test_layout_of_an_empty_community() -> None:
    data = analyse(Community(name="e", period=Period(start=dt.date(2020, 1, 1)))).to_json()
    check_layout(data)
    assert data["community"]["size"] == {"min": None, "median": None, "max": None}


def test_added_metrics_only_under_extra() -> None:
    metric = MetricSpec(name="community", compute=lambda c, cont, p: {"size": 1})
    data = analyse(sample(), metrics=[metric]).to_json()
    check_layout(data)
    assert data["extra"] == {"community": {"size": 1}}
    assert data["community"]["size"] == {"min": 1, "median": 1.5, "max": 2}


def test_member_and_session_rows_are_their_metrics_field_by_field() -> None:
    analysis = analyse(sample())
    data = analysis.to_json()
    for mid, member in analysis.continuity.members.items():
        expected = attrs.asdict(member)
        del expected["id"]
        assert list(data["members"][mid].items()) == list(expected.items())
    for row, session in zip(data["sessions"], analysis.continuity.sessions, strict=True):
        expected = attrs.asdict(session)
        expected["date"] = session.date.isoformat()
        expected["end"] = session.end.isoformat()
        assert list(row.items()) == list(expected.items())
