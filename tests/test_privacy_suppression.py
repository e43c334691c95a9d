"""Small cells: no published group, row or cell describes fewer than min_group_size
people one of whom did not consent. The groups are recomputed here from the records."""

from __future__ import annotations

import datetime as dt
import json
from pathlib import Path
from typing import Any

import attrs
import pytest
from click.testing import CliRunner, Result
from hypothesis import HealthCheck, given, settings

import copharvest
from copharvest.analysis import analyse
from copharvest.cli import cli
from copharvest.harvest import make_harvest
from copharvest.model import Community, Settings
from copharvest.privacy import Audience
from test_privacy_attribution import EXAMPLE, small_communities


def delegates_by_org(c: Community) -> dict[str, set[str]]:
    came = {mid for s in c.sessions for mid in s.attendance}
    out: dict[str, set[str]] = {}
    for m in c.members:
        if m.id in came:
            out.setdefault(m.organisation or "unknown", set()).add(m.id)
    return out


def level_of(c: Community) -> dict[str, str]:
    org_level = {o.id: o.level for o in c.organisations}
    return {m.id: m.level or org_level.get(m.organisation or "") or "unknown" for m in c.members}


def assert_no_small_cells(c: Community, k: int) -> None:
    hidden = {m.id for m in c.members if not m.consent}

    def small(people: set[str]) -> bool:
        return 0 < len(people) < k and bool(people & hidden)

    metrics = analyse(c).to_json()
    published = make_harvest(c, metrics, audience=Audience.PUBLIC).metrics
    delegates = delegates_by_org(c)
    merged: set[str] = set()
    for oid in metrics["organisations"]:
        if small(delegates.get(oid, set())):
            assert oid not in published["organisations"]
            merged |= delegates[oid]
        else:
            assert published["organisations"][oid] == metrics["organisations"][oid]
    if "other" in published["organisations"] and "other" not in metrics["organisations"]:
        assert published["organisations"]["other"]["delegates"] == len(merged)
        assert not small(merged)
    if c.sessions and metrics["sessions"]:
        last = next(s for s in c.sessions if s.id == metrics["sessions"][-1]["id"])
        levels = level_of(c)
        groups: dict[str, set[str]] = {}
        for mid in last.attendance:
            groups.setdefault(levels[mid], set()).add(mid)
        shown = published["community"]["exposure_by_group"]
        for group, people in groups.items():
            assert (group in shown) is not small(people), group
    # a row of one member, or a buddy pair with one, describes fewer than k people
    if k > 1:
        assert not [mid for mid in published["members"] if mid.startswith("member-")]
        assert not set(published["members"]) & hidden
        for b in published["buddies"]:
            assert not {b["member"], b["buddy"]} & hidden
    # flags and asymmetry are computed on the groups as they are
    assert published["flags"] == metrics["flags"]
    assert published["community"]["asymmetry"] == metrics["community"]["asymmetry"]
    # the continuity chapter names buddy pairs of members who consented only
    view = make_harvest(c, metrics, audience=Audience.PUBLIC).continuity
    names = {m.name for m in c.members if m.id in hidden}
    for left, right in view.buddies:
        assert left not in names
        assert right not in names


@settings(max_examples=120, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(small_communities())
def test_no_published_cell_is_too_small(c: Community) -> None:
    assert_no_small_cells(c, c.settings.min_group_size or 3)


@pytest.fixture(scope="module")
def example() -> Community:
    return copharvest.load(EXAMPLE)


@pytest.mark.parametrize("k", [1, 2, 3, 5])
def test_the_example_has_no_small_cells(example: Community, k: int) -> None:
    c = attrs.evolve(example, settings=attrs.evolve(example.settings, min_group_size=k))
    assert_no_small_cells(c, k)


def test_internal_keeps_every_group(example: Community) -> None:
    metrics = analyse(example).to_json()
    internal = make_harvest(example, metrics, audience=Audience.INTERNAL).metrics
    assert internal["organisations"] == metrics["organisations"]
    assert len(internal["members"]) == len(metrics["members"])


def test_core_make_up_by_level_merges_small_levels(example: Community) -> None:
    # a member of the stable core without consent, in a level of their own
    tiers = analyse(example).to_json()["members"]
    core = next(mid for mid, row in tiers.items() if row["tier"] == "core")
    moved = tuple(
        attrs.evolve(m, level="eigen", consent=False) if m.id == core else m
        for m in example.members
    )
    c = attrs.evolve(example, members=moved)
    text = " ".join(make_harvest(c, analyse(c).to_json()).continuity.summary)
    assert "eigen" not in text
    internal = make_harvest(c, analyse(c).to_json(), audience=Audience.INTERNAL)
    assert "eigen" in " ".join(internal.continuity.summary)


def _run(*args: Any) -> Result:
    return CliRunner().invoke(cli, [str(a) for a in args])


@pytest.mark.parametrize("group_by", ["name", "id"])
def test_grouping_by_identifying_attributes_is_refused(
    example: Community, tmp_path: Path, group_by: str
) -> None:
    result = _run("metrics", "--group-by", group_by, EXAMPLE)
    assert result.exit_code == 1
    assert result.stderr.count("\n") == 1
    assert f"group_by: {group_by}" in result.stderr
    folder = tmp_path / "h"
    copharvest.save(attrs.evolve(example, settings=Settings(group_by=group_by)), folder)
    out = tmp_path / "out.md"
    result = _run("build", folder, "-f", "markdown", "-o", out)
    assert result.exit_code == 1
    assert "Traceback" not in result.output
    assert not out.exists()
    result = _run("check", "--privacy", "--group-by", group_by, EXAMPLE)
    assert result.exit_code == 1
    assert "Traceback" not in result.output
    # check itself is no publication: it may group by anything
    assert _run("check", "--group-by", group_by, EXAMPLE).exit_code == 0
    # any other member attribute may group
    data = json.loads(_run("metrics", "--json", "--group-by", "organisation", EXAMPLE).stdout)
    assert data["community"]["exposure_by_group"]


def _orgs_community(sizes: dict[str, int]) -> Community:
    """Organisations with this many attending members each; the first member of an
    organisation whose name starts with "t" did not consent."""
    from copharvest.model import Member, Organisation, Period, Session

    members = [
        Member(
            id=f"{oid}-{i}",
            name=f"P {oid} {i}",
            organisation=oid,
            consent=not (oid[0] == "t" and i == 0),
        )
        for oid, n in sizes.items()
        for i in range(n)
    ]
    start = dt.date(2020, 1, 1)
    return Community(
        name="Orgs",
        period=Period(start=start),
        organisations=tuple(Organisation(id=o, name=o.title()) for o in sizes),
        members=tuple(members),
        sessions=tuple(
            Session(
                id=f"s{t}",
                start=start + dt.timedelta(days=30 * t),
                attendance=tuple(m.id for m in members),
            )
            for t in range(3)
        ),
    )


def test_the_charts_merge_small_organisations_too() -> None:
    from copharvest.labels import labels_for
    from copharvest.pack import GENERIC
    from copharvest.pipeline import charts_input

    table = [
        ({"big1": 3, "big2": 3, "tiny": 1}, ["big1", "big2"]),
        ({"big1": 3, "tiny1": 2, "tiny2": 2}, ["big1", "other"]),
        ({"big1": 3, "small": 1}, ["big1", "small"]),  # everyone in "small" consented
    ]
    for sizes, expected in table:
        c = _orgs_community(sizes)
        analysis = analyse(c)
        words = labels_for(c.locale, GENERIC.labels)
        drawn_c, drawn = charts_input(c, analysis, Audience.PUBLIC, words)
        assert list(drawn.continuity.organisations) == expected, sizes
        if "other" in expected:
            assert drawn.continuity.organisations["other"].delegates == 4
            assert drawn_c.organisations[-1].name == "other"
        _, internal = charts_input(c, analysis, Audience.INTERNAL, words)
        assert list(internal.continuity.organisations) == list(sizes)
