"""Privacy is a guarantee: off-record text and names of members without consent never
appear in a publication, for either audience; internal text never in a public one."""

from __future__ import annotations

import datetime as dt
import itertools

import attrs
from hypothesis import HealthCheck, given, settings

from copharvest.model import (
    Chapter,
    Community,
    Lesson,
    Member,
    Organisation,
    Pair,
    PairTable,
    Passage,
    Period,
    ProgrammeItem,
    Quote,
    Reading,
    Session,
    Settings,
    Visibility,
)
from copharvest.pipeline import render
from copharvest.plugins import get_plugins
from copharvest.privacy import Audience
from strategies import communities


class Marked:
    """Replaces texts by unique markers and remembers each marker's visibility."""

    def __init__(self) -> None:
        self.counter = itertools.count()
        self.by_visibility: dict[Visibility, list[str]] = {v: [] for v in Visibility}
        self.hidden_names: list[str] = []

    def mark(self, visibility: Visibility) -> str:
        marker = f"QQ{next(self.counter):05d}QQ"
        self.by_visibility[visibility].append(marker)
        return marker

    def passages(self, passages: tuple[Passage, ...]) -> tuple[Passage, ...]:
        return tuple(attrs.evolve(p, text=self.mark(p.visibility)) for p in passages)

    def community(self, c: Community) -> Community:
        members = []
        for m in c.members:
            name = self.mark(Visibility.PUBLIC if m.consent else Visibility.OFF_RECORD)
            if not m.consent:
                self.hidden_names.append(name)
            members.append(attrs.evolve(m, name=name))
        sessions = [
            attrs.evolve(
                s,
                notes=self.passages(s.notes),
                programme=tuple(self.item(p) for p in s.programme),
            )
            for s in c.sessions
        ]
        return attrs.evolve(
            c,
            intro=self.passages(c.intro),
            members=tuple(members),
            sessions=tuple(sessions),
            chapters=tuple(self.chapter(ch) for ch in c.chapters),
            lessons=tuple(attrs.evolve(x, text=self.mark(x.visibility)) for x in c.lessons),
            quotes=tuple(attrs.evolve(x, text=self.mark(x.visibility)) for x in c.quotes),
            readings=tuple(self.reading(r) for r in c.readings),
            tables=tuple(self.table(t) for t in c.tables),
        )

    def item(self, p: ProgrammeItem) -> ProgrammeItem:
        return attrs.evolve(p, title=self.mark(p.visibility), description=self.mark(p.visibility))

    def chapter(self, ch: Chapter) -> Chapter:
        return attrs.evolve(ch, title=self.mark(ch.visibility), body=self.passages(ch.body))

    def reading(self, r: Reading) -> Reading:
        return attrs.evolve(r, title=self.mark(r.visibility), note=self.mark(r.visibility))

    def table(self, t: PairTable) -> PairTable:
        rows = tuple(
            attrs.evolve(row, left=self.mark(row.visibility), right=self.mark(row.visibility))
            for row in t.rows
        )
        return attrs.evolve(t, title=self.mark(t.visibility), rows=rows)


def _publications(community: Community, audience: Audience) -> dict[str, str]:
    plugins = get_plugins(entry_points_group=None)
    out = {}
    for fmt in ("json", "markdown"):
        data, _ = render(community, plugins, format_name=fmt, audience=audience, charts=False)
        out[fmt] = data.decode("utf-8")
    return out


@settings(max_examples=40, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(communities())
def test_nothing_private_is_published(community: Community) -> None:
    marked = Marked()
    # no domain pack is installed here, and settings are checked elsewhere
    community = attrs.evolve(marked.community(community), pack=None, settings=Settings())
    for audience in Audience:
        for fmt, text in _publications(community, audience).items():
            for marker in marked.by_visibility[Visibility.OFF_RECORD]:
                assert marker not in text, (fmt, audience, marker)
            for name in marked.hidden_names:
                assert name not in text, (fmt, audience, name)
            if audience is Audience.PUBLIC:
                for marker in marked.by_visibility[Visibility.INTERNAL]:
                    assert marker not in text, (fmt, audience, marker)


def _small() -> Community:

    return Community(
        name="Privacy",
        period=Period(start=dt.date(2020, 1, 1)),
        organisations=(Organisation(id="o", name="Org O"),),
        members=(
            Member(id="named", name="Named Person", organisation="o", role="lead", consent=True),
            Member(id="hidden", name="Hidden Person", organisation="o", role="adviser"),
        ),
        sessions=(Session(id="s1", start=dt.date(2020, 2, 1), attendance=("named", "hidden")),),
        chapters=(Chapter(id="c", part=1, title="Chapter"),),
        quotes=(
            Quote(text="public words", speaker="hidden", chapter="c"),
            Quote(
                text="internal words", speaker="named", chapter="c", visibility=Visibility.INTERNAL
            ),
            Quote(
                text="secret words", speaker="named", chapter="c", visibility=Visibility.OFF_RECORD
            ),
        ),
        lessons=(Lesson(text="internal lesson", chapter="c", visibility=Visibility.INTERNAL),),
        readings=(Reading(id="r", title="A book", presented_by=("hidden",)),),
        tables=(
            PairTable(
                id="t",
                title="Moves",
                rows=(
                    Pair(left="a", right="b"),
                    Pair(
                        left="secret-left", right="secret-right", visibility=Visibility.OFF_RECORD
                    ),
                ),
            ),
        ),
    )


def test_non_consenting_member_is_attributed_by_what_enough_members_share() -> None:
    # two members only: role and organisation, organisation and level would each point at
    # fewer than min_group_size (3) people, so the public edition says "participant"
    text = _publications(_small(), Audience.PUBLIC)["markdown"]
    assert "public words" in text
    assert "> — participant" in text
    assert "adviser" not in text
    assert "Hidden Person" not in text
    # the internal edition attributes by role and organisation, as the records say
    assert "adviser, Org O" in _publications(_small(), Audience.INTERNAL)["markdown"]
    # the metrics name members by id; an id of a member without consent is pseudonymised
    # (in public their row, one person, is left out; internally it goes by a pseudonym)
    published = _publications(_small(), Audience.PUBLIC)["json"]
    assert '"hidden"' not in published
    assert '"member-001"' not in published
    internal = _publications(_small(), Audience.INTERNAL)["json"]
    assert '"hidden"' not in internal
    assert '"member-001"' in internal


def test_internal_audience_includes_internal_but_never_off_record() -> None:
    public = _publications(_small(), Audience.PUBLIC)
    internal = _publications(_small(), Audience.INTERNAL)
    for text in public.values():
        assert "internal words" not in text
        assert "internal lesson" not in text
    for text in internal.values():
        assert "internal words" in text
        assert "internal lesson" in text
    for text in (*public.values(), *internal.values()):
        assert "secret words" not in text
        assert "secret-left" not in text
        assert "secret-right" not in text
