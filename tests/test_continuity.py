"""Continuity metrics against hand-computed cases (METRICS.md)."""

from __future__ import annotations

import datetime as dt
from collections.abc import Sequence

import pytest

from copharvest.continuity import Continuity, ParameterError, Parameters, compute, factor
from copharvest.model import Community, Member, Organisation, Period, Session, Settings

START = dt.date(2020, 1, 1)


def day(t: int) -> dt.date:
    """The date of the t-th session (0-based): one a week."""
    return START + dt.timedelta(weeks=t)


def community(
    attendance: Sequence[Sequence[str]],
    *,
    members: Sequence[Member] = (),
    organisations: Sequence[Organisation] = (),
    settings: Settings | None = None,
) -> Community:
    """Sessions s01, s02, ... a week apart; members not given are created bare."""
    given = {m.id for m in members}
    extra = sorted({mid for ids in attendance for mid in ids} - given)
    return Community(
        name="test",
        period=Period(start=START),
        organisations=tuple(organisations),
        members=(*members, *(Member(id=mid, name=mid) for mid in extra)),
        sessions=tuple(
            Session(id=f"s{t + 1:02d}", start=day(t), attendance=tuple(ids))
            for t, ids in enumerate(attendance)
        ),
        settings=settings or Settings(),
    )


def metrics(c: Community, **overrides: object) -> Continuity:
    return compute(c, Parameters.resolve(c.settings, overrides))


def test_chaoss_worked_example() -> None:
    assert factor([1000, 202, 90, 33, 332, 343, 42, 433]) == 2
    assert factor([]) == 0
    assert factor([0, 0]) == 0
    assert factor([1, 1]) == 2  # exactly half is not more than half
    assert factor([3, 1, 1, 1]) == 2


def test_chaoss_example_as_a_community() -> None:
    counts = {"a": 1000, "b": 202, "c": 90, "d": 33, "e": 332, "f": 343, "g": 42, "h": 433}
    sessions = [[mid for mid, k in counts.items() if t < k] for t in range(1000)]
    orgs = [Organisation(id=f"o{mid}", name=mid) for mid in counts]
    members = [Member(id=mid, name=mid, organisation=f"o{mid}") for mid in counts]
    c = compute(community(sessions, members=members, organisations=orgs), Parameters())
    assert c.community.attendances == 2475
    assert c.community.absence_factor == 2
    assert c.community.elephant_factor == 2
    assert c.members["a"].tier == "core"
    assert (c.members["d"].eligible, c.members["d"].rate) == (1000, 0.033)
    assert c.members["d"].tier == "occasional"


def test_pigeon_loft() -> None:
    # Never the same person twice.
    c = compute(community([["a", "b"], ["c", "d"], ["e", "f"], ["g", "h"]]), Parameters())
    assert [s.jaccard for s in c.sessions] == [None, 0.0, 0.0, 0.0]
    assert [s.churn for s in c.sessions] == [None, 1.0, 1.0, 1.0]
    assert [s.newcomers for s in c.sessions] == [2, 2, 2, 2]
    assert c.community.pigeon_loft_index == 1.0
    assert c.flags.pigeon_loft is True
    assert c.community.tiers == {
        "core": 0,
        "active": 0,
        "occasional": 0,
        "peripheral": 8,
        "absent": 0,
    }
    assert c.community.core_share == 0.0
    assert c.community.newcomer_return == 0.0
    assert c.community.absence_factor == 5  # 8 attendances: 5 of 1 each is more than 4
    assert [s.core_present for s in c.sessions] == [None] * 4
    # Newcomers at the last two sessions, no core member to pair them with.
    assert [(b.member, b.buddy) for b in c.buddies] == [
        ("e", None),
        ("f", None),
        ("g", None),
        ("h", None),
    ]


def test_stable_core() -> None:
    core = ["a", "b", "c", "d"]
    c = compute(community([core, core, [*core, "v"], core, core]), Parameters())
    assert [s.jaccard for s in c.sessions] == [None, 1.0, 0.8, 0.8, 1.0]
    assert c.community.pigeon_loft_index == pytest.approx(0.1)
    assert c.flags.pigeon_loft is False
    assert c.community.tiers["core"] == 4
    assert c.members["v"].tier == "peripheral"
    assert c.members["v"].eligible == 3  # from its first session (s03) onwards
    assert c.members["v"].rate == pytest.approx(1 / 3)
    assert c.community.core_share == 0.8
    assert c.community.newcomer_return == 0.8  # the core came back, the visitor did not
    assert [s.core_present for s in c.sessions] == [1.0] * 5
    assert [s.returning for s in c.sessions] == [0, 4, 4, 4, 4]
    assert c.members["a"].exposure == 1.0
    assert c.members["v"].exposure == 0.2
    assert c.members["v"].first == c.members["v"].last == "s03"
    assert c.community.absence_factor == 3  # 21 attendances; 3 x 5 = 15 > 10.5
    assert c.buddies == ()  # the visitor came at s03, not at one of the last two


def test_organisation_keeps_its_seat_through_three_delegates() -> None:
    orgs = [
        Organisation(id="city", name="City", level="city"),
        Organisation(id="town", name="Town", level="city"),
        Organisation(id="never", name="Never came"),
    ]
    members = [
        Member(id="d1", name="D1", organisation="city", joined=day(0), left=day(1)),
        Member(id="d2", name="D2", organisation="city", joined=day(2), left=day(3)),
        Member(id="d3", name="D3", organisation="city", joined=day(4)),
        Member(id="t1", name="T1", organisation="town"),
    ]
    sessions = [["d1"], ["d1"], ["d2", "t1"], ["d2"], ["d3", "t1"], ["d3"]]
    c = compute(community(sessions, members=members, organisations=orgs), Parameters())
    city, town, never = (c.organisations[o] for o in ("city", "town", "never"))
    assert (city.coverage, city.delegates, city.attendances) == (1.0, 3, 6)
    assert (town.coverage, town.delegates, town.attendances) == (0.5, 1, 2)
    assert (never.coverage, never.delegates, never.attendances) == (None, 0, 0)
    for mid in ("d1", "d2", "d3"):
        assert (c.members[mid].eligible, c.members[mid].rate) == (2, 1.0)
        assert c.members[mid].tier == "active"  # 2 sessions: below core_min
    assert (c.members["t1"].eligible, c.members["t1"].rate) == (4, 0.5)
    assert c.members["t1"].tier == "active"
    assert c.community.elephant_factor == 1  # the city alone: 6 of 8


def test_occasional_when_rate_below_active_rate() -> None:
    c = compute(community([["x"], [], [], [], ["x"]]), Parameters())
    assert (c.members["x"].attended, c.members["x"].rate) == (2, 0.4)
    assert c.members["x"].tier == "active"  # inclusive: 0.4 ≥ 0.40
    c = compute(community([["x"], [], [], [], [], ["x"]]), Parameters())
    assert c.members["x"].tier == "occasional"  # 2 of 6


def test_ministry_faces_changing_city_delegates() -> None:
    orgs = [
        Organisation(id="min", name="Ministry", level="national"),
        Organisation(id="c1", name="City 1", level="city"),
        Organisation(id="c2", name="City 2", level="city"),
    ]
    members = [
        Member(id="ma", name="MA", organisation="min"),
        Member(id="mb", name="MB", organisation="min"),
        *(Member(id=f"x{i}", name="X", organisation=f"c{1 + i % 2}") for i in range(1, 4)),
        Member(id="y", name="Y", level="city"),
    ]
    sessions = [
        ["ma", "mb", "x1", "y"],
        ["ma", "mb", "x1"],
        ["ma", "mb", "x2"],
        ["ma", "mb", "x2"],
        ["ma", "mb", "x3"],
        ["ma", "mb", "x3", "y"],
    ]
    data = community(sessions, members=members, organisations=orgs)
    c = compute(data, Parameters())
    # At the last session: ministry 6/6 and 6/6; city x3 2/6 and y 2/6.
    assert c.community.exposure_by_group == {"city": pytest.approx(1 / 3), "national": 1.0}
    assert c.community.asymmetry == pytest.approx(3.0)
    assert c.flags.information_asymmetry is True
    assert [s.levels for s in c.sessions] == [2] * 6
    assert c.community.diagonal_share == 1.0
    assert c.sessions[0].blau_levels == 0.5
    assert c.sessions[1].blau_levels == pytest.approx(1 - (4 / 9 + 1 / 9))
    assert c.sessions[0].organisations == 3  # min, c2 and y's "unknown"
    # Grouped by organisation: y without one is in "unknown".
    by_org = metrics(data, group_by="organisation")
    assert by_org.community.exposure_by_group == {
        "c2": pytest.approx(1 / 3),
        "min": 1.0,
        "unknown": pytest.approx(1 / 3),
    }
    # A higher threshold lowers the flag.
    assert not metrics(data, asymmetry_threshold=3.5).flags.information_asymmetry


def test_empty_community() -> None:
    orgs = [Organisation(id="o", name="O")]
    c = metrics(community([], members=[Member(id="m", name="M")], organisations=orgs))
    s = c.community
    assert (s.sessions, s.members, s.attendances) == (0, 1, 0)
    assert s.pigeon_loft_index is None
    assert s.core_share is None
    assert s.newcomer_return is None
    assert s.asymmetry is None
    assert s.diagonal_share is None
    assert (s.size.min, s.size.median, s.size.max) == (None, None, None)
    assert (s.absence_factor, s.elephant_factor) == (0, 0)
    assert s.exposure_by_group == {}
    assert s.tiers["absent"] == 1
    m = c.members["m"]
    assert (m.attended, m.eligible, m.rate) == (0, 0, None)
    assert (m.first, m.last, m.exposure) == (None, None, None)
    assert c.organisations["o"].coverage is None
    assert c.sessions == ()
    assert c.buddies == ()
    assert not c.flags.pigeon_loft
    assert not c.flags.information_asymmetry
    empty = compute(community([]), Parameters())
    assert empty.members == {}
    assert empty.community.tiers == dict.fromkeys(
        ("core", "active", "occasional", "peripheral", "absent"), 0
    )


def test_single_session() -> None:
    c = compute(community([["a", "b", "c"]]), Parameters())
    (row,) = c.sessions
    assert (row.size, row.newcomers, row.returning) == (3, 3, 0)
    assert row.jaccard is None
    assert row.churn is None
    assert row.core_present is None
    assert row.levels == 1  # everyone's level is unknown
    assert row.blau_levels == 0.0
    s = c.community
    assert s.pigeon_loft_index is None
    assert s.newcomer_return is None
    assert (s.size.min, s.size.median, s.size.max) == (3, 3, 3)
    assert s.diagonal_share == 0.0
    assert s.exposure_by_group == {"unknown": 1.0}
    assert s.asymmetry is None
    assert s.absence_factor == 2
    assert all(m.tier == "peripheral" and m.rate == 1.0 for m in c.members.values())
    assert [(b.member, b.buddy) for b in c.buddies] == [("a", None), ("b", None), ("c", None)]


def test_empty_sessions_and_jaccard_of_two_empty_sessions() -> None:
    c = compute(community([["a"], [], [], ["a"]]), Parameters())
    assert [s.jaccard for s in c.sessions] == [None, 0.0, None, 0.0]
    assert [s.churn for s in c.sessions] == [None, 1.0, None, None]
    assert [s.blau_levels for s in c.sessions] == [0.0, None, None, 0.0]
    assert c.community.pigeon_loft_index == 1.0
    assert c.community.size.median == 0.5


def test_session_order_as_of_and_unknown_ids() -> None:
    sessions = (
        Session(id="b", start=day(1), attendance=("m", "guest")),
        Session(id="a", start=day(1), attendance=("m",)),
        Session(id="z", start=day(0), attendance=()),
        Session(id="planned", start=day(9), attendance=()),
    )
    c = Community(
        name="t",
        period=Period(start=START),
        members=(Member(id="m", name="M"),),
        sessions=sessions,
        settings=Settings(as_of=day(5)),
    )
    result = compute(c, Parameters.resolve(c.settings))
    assert [s.id for s in result.sessions] == ["z", "a", "b"]
    assert [s.size for s in result.sessions] == [0, 1, 1]  # a guest is never a member
    m = result.members["m"]
    assert (m.first, m.last, m.eligible, m.rate, m.exposure) == ("a", "b", 2, 1.0, 2 / 3)
    everything = compute(c, Parameters())
    assert everything.members["m"].eligible == 3
    assert everything.community.sessions == 4


def test_eligibility_with_joined_and_left() -> None:
    members = [
        Member(id="early", name="E", joined=day(0) - dt.timedelta(days=30)),
        Member(id="left", name="L", left=day(2)),
        Member(id="late", name="Late", joined=day(3)),
        Member(id="never", name="N"),
    ]
    c = metrics(community([["early", "left"], ["left"], [], ["early"], []], members=members))
    assert c.members["early"].eligible == 5
    assert c.members["left"].eligible == 3  # s01 to s03, left on s03's day
    assert c.members["late"].eligible == 2  # never attended, but joined
    assert c.members["late"].rate == 0.0
    assert c.members["late"].tier == "absent"
    assert c.members["never"].eligible == 0
    assert c.members["never"].rate is None


def test_tier_boundaries_are_inclusive() -> None:
    sessions = [["a", "b"], ["a", "b"], ["a"], ["a", "b"]]
    c = compute(community(sessions), Parameters())
    assert c.members["a"].tier == "core"
    assert c.members["b"].rate == 0.75
    assert c.members["b"].tier == "core"
    assert metrics(community(sessions), core_rate=0.8).members["b"].tier == "active"
    assert metrics(community(sessions), core_min=4).members["b"].tier == "active"


def test_oversized_and_median() -> None:
    sessions = [["a", "b", "c"], ["a"], ["a", "b"], ["a", "b", "c", "d"]]
    c = metrics(community(sessions), max_size=2)
    assert c.flags.oversized == ("s01", "s04")
    assert c.community.size.median == 2.5
    assert (c.community.size.min, c.community.size.max) == (1, 4)
    assert compute(community(sessions), Parameters()).flags.oversized == ()


def test_buddies_by_level_then_organisation_then_load_then_id() -> None:
    orgs = [
        Organisation(id="n", name="N", level="national"),
        Organisation(id="c1", name="C1", level="city"),
        Organisation(id="c2", name="C2", level="city"),
    ]
    members = [
        Member(id="k1", name="K", organisation="n"),
        Member(id="k2", name="K", organisation="c1"),
        Member(id="k3", name="K", organisation="c2"),
        Member(id="k4", name="K", organisation="c2"),
        Member(id="k5", name="K", organisation="c2", left=day(4)),
        Member(id="new1", name="N", organisation="c1"),
        Member(id="new2", name="N", organisation="c1"),
        Member(id="new3", name="N", organisation="c2"),
        Member(id="new4", name="N", organisation="n"),
        Member(id="gone", name="N", organisation="c1", left=day(4)),
    ]
    core = ["k1", "k2", "k3", "k4", "k5"]
    sessions = [core, core, core, ["new2", "new1", "new4", "gone", *core], [*core[:4], "new3"]]
    c = compute(community(sessions, members=members, organisations=orgs), Parameters())
    assert {m for m, mm in c.members.items() if mm.tier == "core"} == set(core)
    assert [(b.member, b.buddy) for b in c.buddies] == [
        ("new1", "k3"),  # city, other organisation, smaller id than k4 (k5 has left)
        ("new2", "k4"),  # k3 has one already
        ("new4", "k1"),  # same level beats everything
        ("new3", "k2"),  # same level, other organisation
    ]


def test_buddies_respect_as_of() -> None:
    members = [Member(id="k", name="K", left=day(5)), Member(id="n", name="N", left=day(6))]
    sessions = [["k"], ["k"], ["k"], ["k", "n"], [], [], []]
    c = community(sessions, members=members, settings=Settings(as_of=day(4)))
    result = compute(c, Parameters.resolve(c.settings))
    assert [(b.member, b.buddy) for b in result.buddies] == [("n", "k")]
    # Without as_of all seven sessions count: s04 is no longer one of the last two.
    assert compute(c, Parameters()).buddies == ()


def test_parameters_resolve_precedence_and_errors() -> None:
    settings = Settings(core_rate=0.5, max_size=12, as_of=dt.date(2021, 1, 1))
    p = Parameters.resolve(settings, {"core_rate": 0.9, "max_size": None, "core_min": 4})
    assert (p.core_rate, p.max_size, p.core_min, p.active_rate) == (0.9, 12, 4, 0.4)
    assert p.as_of == dt.date(2021, 1, 1)
    assert Parameters.resolve(Settings()) == Parameters()
    assert isinstance(Parameters.resolve(Settings(), {"core_rate": 1}).core_rate, float)
    with pytest.raises(ParameterError, match="core_rate: must be between 0 and 1"):
        Parameters.resolve(Settings(core_rate=1.5))
    with pytest.raises(ParameterError, match="unknown parameter"):
        Parameters.resolve(Settings(), {"core_ratio": 0.5})
    with pytest.raises(ParameterError, match="not a member attribute"):
        Parameters.resolve(Settings(group_by="shoe_size"))
    with pytest.raises(ParameterError, match="expected a number"):
        Parameters.resolve(Settings(), {"max_size": "big"})
    with pytest.raises(ParameterError, match="whole number"):
        Parameters.resolve(Settings(), {"max_size": 2.5})
    with pytest.raises(ParameterError, match="must be at least 1"):
        Parameters.resolve(Settings(), {"asymmetry_threshold": 0.5})
    with pytest.raises(ParameterError, match="between 0 and 1"):
        Parameters.resolve(Settings(), {"guest_min": float("nan")})
    assert Parameters().to_json()["as_of"] is None
    assert p.to_json()["as_of"] == "2021-01-01"


def _succession() -> Community:
    """§1.7 in small: a ministry team of two attends every session and is joined once by
    a colleague; a city's delegate leaves and a successor takes the seat; a second city
    keeps the same person; a town comes once; two members have no organisation."""
    orgs = [
        Organisation(id="min", name="Ministry", level="national"),
        Organisation(id="city", name="City", level="city"),
        Organisation(id="same", name="Same city", level="city"),
        Organisation(id="town", name="Town", level="city"),
        Organisation(id="never", name="Never came"),
    ]
    members = [
        Member(id="ma", name="MA", organisation="min"),
        Member(id="mb", name="MB", organisation="min"),
        Member(id="mv", name="MV", organisation="min"),  # the visiting colleague
        Member(id="c1", name="C1", organisation="city", left=day(1)),
        Member(id="c2", name="C2", organisation="city", joined=day(2)),
        Member(id="s1", name="S1", organisation="same"),
        Member(id="t1", name="T1", organisation="town"),
        Member(id="u1", name="U1", level="city"),
        Member(id="u2", name="U2"),  # never came: still makes "unknown" listed
    ]
    sessions = [
        ["ma", "mb", "c1", "s1", "u1"],
        ["ma", "mb", "mv", "c1"],
        ["ma", "mb", "c2", "s1", "t1"],
        ["ma", "mb", "c2", "s1", "u1"],
    ]
    return community(sessions, members=members, organisations=orgs)


@pytest.mark.parametrize(
    ("org", "attendances", "coverage", "delegates", "changed"),
    [
        ("min", 9, 1.0, 3, False),  # a constant team joined by a visitor: no change
        ("city", 4, 1.0, 2, True),  # the delegate left and was replaced: the seat passed on
        ("same", 3, 0.75, 1, False),  # the same person at first and last (absent once)
        ("town", 1, 0.5, 1, None),  # represented once: cannot tell
        ("never", 0, None, 0, None),
        ("unknown", 2, 0.5, 1, None),  # members without an organisation: never judged
    ],
)
def test_delegate_changed_by_hand(
    org: str, attendances: int, coverage: float | None, delegates: int, changed: bool | None
) -> None:
    o = metrics(_succession()).organisations[org]
    assert (o.attendances, o.coverage, o.delegates, o.delegate_changed) == (
        attendances,
        coverage,
        delegates,
        changed,
    )


def test_unknown_organisation_is_last_and_adds_up() -> None:
    c = metrics(_succession())
    assert list(c.organisations) == ["min", "city", "same", "town", "never", "unknown"]
    assert sum(o.attendances for o in c.organisations.values()) == c.community.attendances == 19
    # "unknown" counts as one organisation: s01 has min, city, same and u1's "unknown"
    assert [s.organisations for s in c.sessions] == [4, 2, 4, 4]
    # by organisation: min 9, city 4, same 3 > 19/2 = 9.5 needs min and city
    assert c.community.elephant_factor == 2


def test_unknown_organisation_only_when_someone_has_none() -> None:
    orgs = [Organisation(id="o", name="O")]
    members = [Member(id="a", name="A", organisation="o")]
    c = metrics(community([["a"], ["a"]], members=members, organisations=orgs))
    assert list(c.organisations) == ["o"]


@pytest.mark.parametrize(
    ("seat_coverage_min", "kept"),
    [
        (0.75, 1),  # only the city: the ministry's and the same city's people stayed
        (1.0, 1),  # inclusive: the city's coverage is exactly 1
    ],
)
def test_seats_kept_counts_only_changed_delegates(seat_coverage_min: float, kept: int) -> None:
    c = metrics(_succession(), seat_coverage_min=seat_coverage_min)
    assert c.community.seats_kept == kept


def test_seats_kept_with_coverage_below_the_minimum() -> None:
    # the city's successor misses two sessions: coverage 3/5 = 0.6
    orgs = [Organisation(id="city", name="City")]
    members = [
        Member(id="c1", name="C1", organisation="city", left=day(1)),
        Member(id="c2", name="C2", organisation="city", joined=day(2)),
    ]
    data = community([["c1"], ["c1"], [], [], ["c2"]], members=members, organisations=orgs)
    assert metrics(data).organisations["city"].coverage == 0.6
    assert metrics(data).community.seats_kept == 0
    assert metrics(data, seat_coverage_min=0.6).community.seats_kept == 1
    assert metrics(data, as_of=day(1)).community.seats_kept == 0  # one person so far


def test_from_previous_by_hand() -> None:
    c = metrics(_succession())
    # s02: ma, mb, c1 were at s01 (mv is new); s03: ma, mb; s04: ma, mb, c2, s1
    assert [s.from_previous for s in c.sessions] == [None, 3, 2, 4]
    assert [s.returning for s in c.sessions] == [0, 3, 3, 5]  # s1 came back at s03
