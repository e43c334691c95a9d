"""Nothing off the record, and no name without consent, in any part of a .docx package.

Every text of a generated community is replaced by a unique marker; the booklet is
rendered for both audiences and every member of the zip (body, headers, footers,
properties, comments, relationships) is searched for the markers that must not be
there. The community generator also exercises awkward text: every part must parse.
"""

from __future__ import annotations

import itertools

import attrs
from hypothesis import HealthCheck, given, settings

from copharvest.model import Community, Passage, Settings, Visibility
from copharvest.pipeline import prepare
from copharvest.plugins import get_plugins
from copharvest.privacy import Audience
from strategies import communities
from test_docx_data import members, parse_all, render


class Markers:
    """Gives every text a unique marker and remembers which must stay out."""

    def __init__(self) -> None:
        self.count = itertools.count()
        self.secret: list[str] = []
        self.internal: list[str] = []

    def __call__(self, visibility: Visibility = Visibility.PUBLIC) -> str:
        marker = f"ZQ{next(self.count):05d}QZ"
        if visibility is Visibility.OFF_RECORD:
            self.secret.append(marker)
        elif visibility is Visibility.INTERNAL:
            self.internal.append(marker)
        return marker

    def passages(self, passages: tuple[Passage, ...]) -> tuple[Passage, ...]:
        return tuple(attrs.evolve(p, text=self(p.visibility)) for p in passages)

    def community(self, c: Community) -> Community:
        mark = self
        return attrs.evolve(
            c,
            pack=None,
            settings=Settings(),
            intro=self.passages(c.intro),
            members=tuple(
                attrs.evolve(
                    m, name=mark(Visibility.PUBLIC if m.consent else Visibility.OFF_RECORD)
                )
                for m in c.members
            ),
            sessions=tuple(
                attrs.evolve(
                    s,
                    notes=self.passages(s.notes),
                    programme=tuple(
                        attrs.evolve(p, title=mark(p.visibility), description=mark(p.visibility))
                        for p in s.programme
                    ),
                )
                for s in c.sessions
            ),
            chapters=tuple(
                attrs.evolve(ch, title=mark(ch.visibility), body=self.passages(ch.body))
                for ch in c.chapters
            ),
            lessons=tuple(attrs.evolve(x, text=mark(x.visibility)) for x in c.lessons),
            quotes=tuple(attrs.evolve(x, text=mark(x.visibility)) for x in c.quotes),
            readings=tuple(
                attrs.evolve(r, title=mark(r.visibility), note=mark(r.visibility))
                for r in c.readings
            ),
            tables=tuple(
                attrs.evolve(
                    t,
                    title=mark(t.visibility),
                    rows=tuple(
                        attrs.evolve(row, left=mark(row.visibility), right=mark(row.visibility))
                        for row in t.rows
                    ),
                )
                for t in c.tables
            ),
        )


PLUGINS = get_plugins(entry_points_group=None)


@settings(max_examples=15, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(communities(max_members=5, max_sessions=4, max_records=3))
def test_no_private_text_in_any_part_of_the_package(community: Community) -> None:
    marks = Markers()
    community = marks.community(community)
    for audience in Audience:
        harvest = prepare(community, PLUGINS, audience=audience).harvest
        data = render(harvest)
        parse_all(data)
        forbidden = marks.secret + (marks.internal if audience is Audience.PUBLIC else [])
        for name, blob in members(data).items():
            for marker in forbidden:
                assert marker.encode() not in blob, (audience, name, marker)
