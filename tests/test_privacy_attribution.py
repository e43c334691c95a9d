"""The k rule: how a member without consent is attributed in a public publication.

The expected attribution is computed here from the records alone, independently of
:mod:`copharvest.attribution`: the first of role and organisation, organisation, level,
"participant" that at least ``min_group_size`` recorded members share whose membership
spans (joined, else first attendance, to left, else the last held session) overlap the
member's own.
"""

from __future__ import annotations

import datetime as dt
import hashlib
import hmac
import json
import shutil
from pathlib import Path
from typing import Any

import attrs
import pytest
from click.testing import CliRunner
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

import copharvest
from copharvest.analysis import analyse
from copharvest.cli import cli
from copharvest.harvest import make_harvest
from copharvest.labels import labels_for
from copharvest.model import (
    Chapter,
    Community,
    Member,
    Organisation,
    Period,
    Quote,
    Reading,
    Session,
    Settings,
)
from copharvest.pack import GENERIC
from copharvest.privacy import Audience

EXAMPLE = Path(__file__).parent.parent / "examples" / "wijkenaanpak-2009-2011"


def expected_attribution(c: Community, member: Member, k: int, org_names: dict[str, str]) -> str:
    """The k rule, written out from the records (the wording of a level and of
    "participant" are the generic pack's and the labels')."""
    sessions = sorted(c.sessions, key=lambda s: (s.start, s.id))
    first: dict[str, dt.date] = {}
    for s in sessions:
        for mid in s.attendance:
            if mid not in first:
                first[mid] = s.start
    last = (
        (sessions[-1].end or sessions[-1].start) if sessions else (c.period.end or c.period.start)
    )

    def span(m: Member) -> tuple[dt.date, dt.date]:
        start = m.joined or first.get(m.id) or c.period.start
        return start, max(start, m.left or last)

    org_level = {o.id: o.level for o in c.organisations}

    def level(m: Member) -> str | None:
        return m.level or org_level.get(m.organisation or "")

    mine = span(member)
    peers = [m for m in c.members if span(m)[0] <= mine[1] and mine[0] <= span(m)[1]]
    same_role = [m for m in peers if (m.role, m.organisation) == (member.role, member.organisation)]
    if member.role and member.organisation and len(same_role) >= k:
        return f"{member.role}, {org_names[member.organisation]}"
    same_org = [m for m in peers if m.organisation == member.organisation]
    if member.organisation and len(same_org) >= k:
        return org_names[member.organisation]
    own_level = level(member)
    if own_level and sum(1 for m in peers if level(m) == own_level) >= k:
        return GENERIC.level_label(own_level, c.locale) or own_level
    return labels_for(c.locale)["participant"]


def published_attributions(c: Community, audience: Audience) -> dict[str, set[str]]:
    """Every attribution the view model prints, by speaker (quotes and readings)."""
    harvest = make_harvest(c, analyse(c).to_json(), audience=audience)
    quotes = [q for p in harvest.parts for ch in p.chapters for q in ch.quotes]
    quotes += list(harvest.loose_quotes)
    out: dict[str, set[str]] = {}
    by_text = {q.text: q.speaker for q in c.quotes}
    for q in quotes:
        speaker = by_text.get(q.text)  # none for a quote written in place (by an outsider)
        if speaker is not None:
            out.setdefault(speaker, set()).add(q.attribution)
    by_title = {r.title: r.presented_by for r in c.readings}
    for r in harvest.readings:
        for mid, shown in zip(by_title[r.title], r.presented_by, strict=True):
            out.setdefault(mid, set()).add(shown)
    return out


ROLES = ("lead", "adviser", "coordinator")
ORGS = ("oa", "ob", "oc")
LEVELS = ("lvla", "lvlb", None)
START = dt.date(2020, 1, 1)


@st.composite
def small_communities(draw: st.DrawFn) -> Community:
    orgs = tuple(
        Organisation(id=o, name=f"Org {o.upper()}", level=draw(st.sampled_from(LEVELS)))
        for o in ORGS
    )
    n_sessions = draw(st.integers(0, 5))
    session_days = [START + dt.timedelta(days=60 * t) for t in range(n_sessions)]
    members = []
    for i in range(draw(st.integers(1, 12))):
        joined = draw(st.none() | st.sampled_from([START, *session_days]))
        left = draw(st.none() | st.sampled_from(session_days or [START]))
        if joined is not None and left is not None and left < joined:
            left = None
        members.append(
            Member(
                id=f"m{i}",
                name=f"Person {i}",
                organisation=draw(st.none() | st.sampled_from(ORGS)),
                role=draw(st.none() | st.sampled_from(ROLES)),
                level=draw(st.none() | st.sampled_from(LEVELS[:2])),
                joined=joined,
                left=left,
                consent=draw(st.booleans()),
            )
        )

    def may_attend(m: Member, day: dt.date) -> bool:
        return (m.joined is None or m.joined <= day) and (m.left is None or day <= m.left)

    sessions = tuple(
        Session(
            id=f"s{t}",
            start=day,
            attendance=tuple(m.id for m in members if may_attend(m, day) and draw(st.booleans())),
        )
        for t, day in enumerate(session_days)
    )
    k = draw(st.integers(1, 4))
    return Community(
        name="Attribution",
        period=Period(start=START),
        organisations=orgs,
        members=tuple(members),
        sessions=sessions,
        chapters=(Chapter(id="c", part=1, title="Chapter"),),
        quotes=tuple(Quote(text=f"words of {m.id}", speaker=m.id, chapter="c") for m in members),
        readings=(Reading(id="r", title="Book", presented_by=tuple(m.id for m in members)),),
        settings=Settings(min_group_size=k),
    )


@settings(max_examples=150, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(small_communities())
def test_every_public_attribution_follows_the_k_rule(c: Community) -> None:
    k = c.settings.min_group_size or 3
    names = {o.id: o.name for o in c.organisations}
    published = published_attributions(c, Audience.PUBLIC)
    internal = published_attributions(c, Audience.INTERNAL)
    for m in c.members:
        if m.consent:
            assert m.name in " ".join(published[m.id])
            continue
        assert published[m.id] == {expected_attribution(c, m, k, names)}, m
        parts = [p for p in (m.role, names.get(m.organisation or "")) if p]
        assert internal[m.id] <= {", ".join(parts) or "participant"}
        for shown in (*published[m.id], *internal[m.id]):
            assert m.name not in shown


def _attributed(c: Community) -> Community:
    # The example prints the "niet voor het boekje" quote anonymously, as the booklet does;
    # attributed, it is the example's quote by a member without consent.
    quotes = tuple(attrs.evolve(q, anonymous=False) for q in c.quotes)
    return attrs.evolve(c, quotes=quotes)


@pytest.fixture(scope="module")
def example() -> Community:
    return _attributed(copharvest.load(EXAMPLE))


def _attributed_copy(tmp_path: Path) -> Path:
    folder = tmp_path / "example"
    shutil.copytree(EXAMPLE, folder)
    quotes = folder / "quotes.yaml"
    text = quotes.read_text(encoding="utf-8")
    assert "  anonymous: true" in text
    quotes.write_text(
        "".join(line for line in text.splitlines(keepends=True) if "anonymous: true" not in line),
        encoding="utf-8",
    )
    return folder


def test_the_examples_four_members_without_consent(example: Community) -> None:
    hidden = [m for m in example.members if not m.consent]
    assert len(hidden) == 4
    names = {o.id: o.name for o in example.organisations}
    published = published_attributions(example, Audience.PUBLIC)
    seen = 0
    for m in hidden:
        expected = expected_attribution(example, m, 3, names)
        # each has a role unique in their organisation: never role and organisation
        assert m.role is not None
        assert not expected.startswith(m.role)
        if m.id in published:
            seen += 1
            assert published[m.id] == {expected}
    assert seen >= 1  # at least one of them is quoted or presented a reading
    internal = published_attributions(example, Audience.INTERNAL)
    for m in hidden:
        if m.id in internal:
            assert internal[m.id] == {f"{m.role}, {names[m.organisation or '']}"}


def test_a_larger_k_climbs_the_ladder(example: Community) -> None:
    names = {o.id: o.name for o in example.organisations}
    for k in (1, 2, 5, 40, 1000):
        c = attrs.evolve(example, settings=attrs.evolve(example.settings, min_group_size=k))
        published = published_attributions(c, Audience.PUBLIC)
        for m in c.members:
            if not m.consent and m.id in published:
                assert published[m.id] == {expected_attribution(c, m, k, names)}


def test_pseudonyms_follow_the_keyed_hash(example: Community) -> None:
    c = example
    metrics = analyse(c).to_json()
    # internally every member has a row; in public those without consent have none
    public = make_harvest(c, metrics, audience=Audience.PUBLIC).metrics
    assert not [k for k in public["members"] if k.startswith("member-")]
    published = make_harvest(c, metrics, audience=Audience.INTERNAL).metrics
    hidden = sorted(
        (m.id for m in c.members if not m.consent),
        key=lambda mid: hmac.new(
            (c.privacy_key or "").encode(), mid.encode(), hashlib.sha256
        ).hexdigest(),
    )
    expected = {mid: f"member-{i:03d}" for i, mid in enumerate(hidden, start=1)}
    assert [k for k in published["members"] if k.startswith("member-")] == sorted(expected.values())
    for mid, pseudonym in expected.items():
        assert published["members"][pseudonym] == metrics["members"][mid]
    # published lists are sorted by published id, never in the order of the records
    assert list(published["members"]) == sorted(published["members"])
    # another key numbers them differently; the same key the same
    other = attrs.evolve(c, privacy_key="another secret")
    again = make_harvest(c, metrics, audience=Audience.INTERNAL).metrics
    assert again["members"] == published["members"]
    assert make_harvest(other, metrics, audience=Audience.INTERNAL).metrics != published


def test_an_anonymous_quote_has_no_attribution(example: Community) -> None:
    quote = next(q for q in example.quotes if q.visibility.value == "public")
    c = attrs.evolve(example, quotes=(attrs.evolve(quote, anonymous=True), *example.quotes[1:]))
    harvest = make_harvest(c, analyse(c).to_json(), audience=Audience.INTERNAL)
    views = [q for p in harvest.parts for ch in p.chapters for q in ch.quotes]
    views += list(harvest.loose_quotes)
    (view,) = [q for q in views if q.text == quote.text]
    assert view.attribution == ""
    assert view.speaker == ""


def _run(*args: Any) -> Any:
    return CliRunner().invoke(cli, [str(a) for a in args])


def test_min_group_size_is_a_parameter(tmp_path: Path) -> None:
    data = json.loads(_run("metrics", "--json", EXAMPLE).stdout)
    assert data["settings"]["min_group_size"] == 3
    data = json.loads(_run("metrics", "--json", "--min-group-size", "5", EXAMPLE).stdout)
    assert data["settings"]["min_group_size"] == 5
    bad = _run("metrics", "--min-group-size", "0", EXAMPLE)
    assert bad.exit_code == 2
    # build takes it too, and it changes the attribution
    out = tmp_path / "b.md"
    folder = _attributed_copy(tmp_path)
    result = _run("build", folder, "-f", "markdown", "-o", out, "--min-group-size", "1")
    assert result.exit_code == 0, result.output
    assert "projectleider wijkenaanpak, Deventer" in out.read_text(encoding="utf-8")
    result = _run("build", folder, "-f", "markdown", "-o", tmp_path / "c.md")
    assert "projectleider wijkenaanpak, Deventer" not in (tmp_path / "c.md").read_text("utf-8")


def test_check_warns_without_a_privacy_key(tmp_path: Path) -> None:
    c = copharvest.load(EXAMPLE)
    copharvest.save(attrs.evolve(c, privacy_key=None), tmp_path / "h")
    result = _run("check", tmp_path / "h")
    assert "$.privacy_key: missing" in result.stderr
    assert "privacy_key" not in _run("check", EXAMPLE).stderr


def test_init_writes_a_privacy_key(tmp_path: Path) -> None:
    assert _run("init", tmp_path / "a").exit_code == 0
    assert _run("init", tmp_path / "b").exit_code == 0
    keys = [copharvest.load(tmp_path / x).privacy_key for x in "ab"]
    assert all(k and len(k) >= 32 for k in keys)
    assert keys[0] != keys[1]
