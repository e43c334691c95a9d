"""The ten lessons for building a CoP as a health check, and added checks."""

from __future__ import annotations

import datetime as dt

import attrs
import pytest

from copharvest.analysis import AnalysisError, Finding, HealthCheck, MetricSpec, analyse
from copharvest.health import default_lesson_texts, lesson_groups, lesson_texts
from copharvest.model import (
    Community,
    Guest,
    LessonText,
    Member,
    Organisation,
    Period,
    PlaceKind,
    ProgrammeItem,
    Reading,
    Session,
    WorkForm,
)

START = dt.date(2020, 1, 1)


def item(form: WorkForm) -> ProgrammeItem:
    return ProgrammeItem(title=str(form), form=form)


def rich() -> Community:
    """Four sessions of a healthy community: a stable, mixed core, rich programmes."""
    orgs = (
        Organisation(id="min", name="Ministry", level="national"),
        Organisation(id="city", name="City", level="city"),
    )
    members = tuple(
        Member(id=f"m{i}", name=f"M{i}", organisation="min" if i < 2 else "city") for i in range(6)
    )
    everyone = tuple(m.id for m in members)
    sessions = (
        Session(
            id="s1",
            start=START,
            end=START + dt.timedelta(days=1),
            place_kind=PlaceKind.PRACTICE,
            guests=(Guest(name="G"),),
            programme=(item(WorkForm.CASE_CLINIC), item(WorkForm.STRATEGIC_CONSULTATION)),
            preparation=("m0", "m2"),
            attendance=everyone,
        ),
        Session(
            id="s2",
            start=dt.date(2020, 3, 1),
            place_kind=PlaceKind.PRACTICE,
            guests=(Guest(name="H"),),
            programme=(item(WorkForm.FIELD_VISIT), item(WorkForm.INFORMAL)),
            preparation=("m1",),
            attendance=everyone,
        ),
        Session(
            id="s3",
            start=dt.date(2020, 6, 1),
            place_kind=PlaceKind.VENUE,
            guests=(Guest(name="I"),),
            programme=(item(WorkForm.STRATEGIC_CONSULTATION), item(WorkForm.LEARNING_LINK)),
            preparation=("m3",),
            attendance=everyone[:5],
        ),
        Session(
            id="s4",
            start=dt.date(2020, 9, 1),
            end=dt.date(2020, 9, 2),
            place_kind=PlaceKind.PRACTICE,
            guests=(Guest(name="J"),),
            programme=(item(WorkForm.INTERVISION),),
            preparation=("m4",),
            attendance=everyone,
        ),
    )
    readings = (Reading(id="r", title="R", session="s2"),)
    return Community(
        name="rich",
        period=Period(start=START),
        organisations=orgs,
        members=members,
        sessions=sessions,
        readings=readings,
    )


def statuses(c: Community, **overrides: object) -> dict[int | str, str]:
    return {f.lesson: f.status for f in analyse(c, overrides=overrides).health}


def test_a_healthy_community_passes_every_lesson() -> None:
    findings = analyse(rich()).health
    assert [f.lesson for f in findings] == list(range(1, 11))
    assert {f.lesson: f.status for f in findings} == dict.fromkeys(range(1, 11), "ok")
    by_lesson = {f.lesson: f for f in findings}
    assert by_lesson[4].evidence == {"sessions": 4, "matching": 3, "share": 0.75, "minimum": 0.5}
    assert by_lesson[6].evidence["matching"] == 2  # a reading at s2, a learning link at s3
    assert by_lesson[8].evidence["matching"] == 3  # two overnight stays, one informal item
    assert by_lesson[1].evidence["diagonal_share"] == 1.0
    assert by_lesson[2].evidence == {"median_size": 6.0, "max_size": 30}
    assert by_lesson[3].evidence["core_share"] == 1.0
    assert by_lesson[1].title == "Diversity and diagonal relations"


def test_thresholds_turn_lessons_to_warnings() -> None:
    c = rich()
    result = statuses(
        c,
        practice_min=0.8,
        strategic_min=0.75,
        learning_min=0.6,
        relaxation_min=0.8,
        place_min=0.8,
        max_size=5,
        core_share_min=1.0,
    )
    assert [lesson for lesson, status in result.items() if status == "warn"] == [
        2, 4, 5, 6, 8, 9
    ]  # fmt: skip
    # Lesson 3 stays ok: every member who attended is core, 1.0 ≥ 1.0.
    assert result[3] == "ok"
    assert statuses(c, guest_min=1.0)[7] == "ok"  # inclusive
    assert statuses(c, preparation_min=1.0)[10] == "ok"


def test_lessons_warn() -> None:
    c = rich()
    one_level = attrs.evolve(
        c, organisations=tuple(attrs.evolve(o, level="city") for o in c.organisations)
    )
    assert statuses(one_level)[1] == "warn"
    bare = attrs.evolve(
        c,
        sessions=tuple(
            attrs.evolve(s, guests=(), preparation=(), place_kind=PlaceKind.VENUE)
            if s.id != "s1"
            else s
            for s in c.sessions
        ),
    )
    result = statuses(bare)
    assert (result[7], result[9], result[10]) == ("warn", "warn", "warn")


def test_lesson_three_pigeon_loft_and_missing_buddies() -> None:
    members = tuple(Member(id=f"m{i}", name="M") for i in range(8))
    sessions = tuple(
        Session(
            id=f"s{t}",
            start=START + dt.timedelta(days=t),
            attendance=(f"m{2 * t}", f"m{2 * t + 1}"),
        )
        for t in range(4)
    )
    loft = Community(name="l", period=Period(start=START), members=members, sessions=sessions)
    (finding,) = [f for f in analyse(loft).health if f.lesson == 3]
    assert finding.status == "warn"
    assert finding.evidence["pigeon_loft_index"] == 1.0
    assert finding.evidence["newcomers_without_buddy"] == 4
    # One session: no pigeon-loft index, nobody core; the core share alone already fails.
    single = attrs.evolve(loft, sessions=sessions[:1])
    assert statuses(single)[3] == "warn"
    # The core share passes, the index is unknown: unknown.
    assert statuses(single, core_min=1, core_share_min=0.0)[3] == "unknown"


def test_unknown_when_nothing_is_recorded() -> None:
    c = rich()
    plain = attrs.evolve(
        c,
        organisations=(),
        members=tuple(attrs.evolve(m, organisation=None) for m in c.members),
        readings=(),
        sessions=tuple(
            attrs.evolve(s, programme=(), guests=(), preparation=(), place_kind=None)
            for s in c.sessions
        ),
    )
    result = statuses(plain)
    assert [lesson for lesson, status in result.items() if status == "unknown"] == [
        1, 4, 5, 6, 7, 9, 10
    ]  # fmt: skip
    assert result[8] == "ok"  # the dates are always recorded: two overnight stays of four
    empty = Community(name="e", period=Period(start=START))
    assert set(statuses(empty).values()) == {"unknown"}
    # A reading at a session is enough to judge lesson 6.
    assert statuses(attrs.evolve(plain, readings=c.readings))[6] == "warn"


def test_lesson_texts_defaults_overrides_and_languages() -> None:
    en = default_lesson_texts("en")
    nl = default_lesson_texts("nl")
    assert [t.number for t in en] == list(range(1, 11))
    assert all(t.title and len(t.explanation) > 60 for t in (*en, *nl))
    assert nl[0].title == "Diversiteit en diagonale relaties"
    assert default_lesson_texts("nl_BE") == nl
    assert default_lesson_texts("fr") == en
    c = attrs.evolve(
        rich(),
        locale="nl",
        building_lessons=(
            LessonText(number=3, title="Een vaste kern"),
            LessonText(number=10, title="Eigen regie", explanation="Zelf doen."),
        ),
    )
    texts = lesson_texts(c, "nl")
    assert (texts[2].title, texts[2].explanation) == ("Een vaste kern", nl[2].explanation)
    assert (texts[9].title, texts[9].explanation) == ("Eigen regie", "Zelf doen.")
    assert texts[0] == nl[0]
    titles = {f.lesson: f.title for f in analyse(c).health}
    assert titles[3] == "Een vaste kern"
    assert titles[1] == "Diversiteit en diagonale relaties"
    assert [numbers for _, numbers in lesson_groups("en")] == [(1, 2, 3), (4, 5, 6), (7, 8, 9, 10)]
    assert lesson_groups("nl")[0][0] == "Wie?"


def _many_guests(community: Community, continuity: object, parameters: object) -> Finding:
    count = sum(len(s.guests) for s in community.sessions)
    status = "ok" if count >= 4 else "warn"
    return Finding(lesson="", title="", status=status, evidence={"guests": count})


def test_added_checks_and_metrics() -> None:
    check = HealthCheck(
        name="demo:guests", title={"en": "Many guests", "nl": "Veel gasten"}, evaluate=_many_guests
    )
    metric = MetricSpec(
        name="demo:sizes",
        compute=lambda c, cont, p: [s.size for s in cont.sessions],
        description="session sizes",
        plugin="demo",
    )
    result = analyse(rich(), checks=[check], metrics=[metric])
    added = result.health[-1]
    assert (added.lesson, added.title, added.status) == ("demo:guests", "Many guests", "ok")
    assert added.evidence == {"guests": 4}
    assert result.extra == {"demo:sizes": [6, 6, 5, 6]}
    data = result.to_json()
    assert data["extra"] == {"demo:sizes": [6, 6, 5, 6]}
    assert data["health"][-1]["lesson"] == "demo:guests"
    nl = analyse(attrs.evolve(rich(), locale="nl"), checks=[check])
    assert nl.health[-1].title == "Veel gasten"


def test_added_checks_and_metrics_are_validated() -> None:
    with pytest.raises(ValueError, match="<plugin>:<name>"):
        HealthCheck(name="guests", title={}, evaluate=_many_guests)
    with pytest.raises(ValueError, match="must not be empty"):
        MetricSpec(name=" ", compute=lambda c, cont, p: 1)
    with pytest.raises(ValueError, match="status"):
        Finding(lesson=1, title="t", status="fine")  # type: ignore[arg-type]
    check = HealthCheck(name="a:b", title={}, evaluate=_many_guests)
    with pytest.raises(ValueError, match="two health checks"):
        analyse(rich(), checks=[check, check])
    metric = MetricSpec(name="m", compute=lambda c, cont, p: float("nan"))
    with pytest.raises(ValueError, match="not JSON-able"):
        analyse(rich(), metrics=[metric])
    with pytest.raises(ValueError, match="two metrics"):
        analyse(rich(), metrics=[MetricSpec(name="x", compute=lambda c, cont, p: 1)] * 2)
    nameless = analyse(rich(), checks=[check]).health[-1]
    assert nameless.title == "a:b"


def test_a_failing_check_or_metric_is_named() -> None:
    def broken(community: Community, continuity: object, parameters: object) -> Finding:
        raise RuntimeError("boom")

    check = HealthCheck(name="demo:broken", title={"en": "Broken"}, evaluate=broken)
    with pytest.raises(AnalysisError, match=r"health check 'demo:broken' failed: .*boom"):
        analyse(rich(), checks=[check])
    metric = MetricSpec(name="demo:broken", compute=lambda c, cont, p: 1 / 0)
    with pytest.raises(AnalysisError, match="metric 'demo:broken' failed"):
        analyse(rich(), metrics=[metric])
    odd = HealthCheck(name="demo:odd", title={}, evaluate=lambda c, cont, p: "fine")  # type: ignore[arg-type,return-value]
    with pytest.raises(AnalysisError, match="not a Finding"):
        analyse(rich(), checks=[odd])
