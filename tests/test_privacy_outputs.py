"""Health figures count only what the audience can see; no absolute local path is
published."""

from __future__ import annotations

import datetime as dt
import json
import tempfile
from pathlib import Path

import attrs
from click.testing import CliRunner

import copharvest
from copharvest.cli import cli
from copharvest.model import (
    Community,
    Member,
    Period,
    ProgrammeItem,
    Session,
    Settings,
    Visibility,
    WorkForm,
)
from copharvest.pipeline import prepare
from copharvest.plugins import get_plugins
from copharvest.privacy import Audience

START = dt.date(2022, 1, 1)
EXAMPLE = Path(__file__).parent.parent / "examples" / "wijkenaanpak-2009-2011"


def _community(visibility: Visibility) -> Community:
    members = tuple(Member(id=f"m{i}", name=f"M {i}", consent=True) for i in range(3))
    return Community(
        name="Health",
        period=Period(start=START),
        members=members,
        sessions=tuple(
            Session(
                id=f"s{t}",
                start=START + dt.timedelta(days=30 * t),
                attendance=tuple(m.id for m in members),
                # the one practice item is at the first session only, with this visibility
                programme=(
                    ProgrammeItem(title="Case", form=WorkForm.CASE_CLINIC, visibility=visibility),
                )
                if t == 0
                else (),
            )
            for t in range(4)
        ),
        settings=Settings(health_in_public=True),
    )


def _matching(c: Community, audience: Audience) -> object:
    plugins = get_plugins(entry_points_group=None)
    health = prepare(c, plugins, audience=audience).harvest.metrics["health"]
    (practice,) = [f for f in health if f["lesson"] == 4]
    return practice["evidence"]["matching"]


def test_health_counts_only_what_the_audience_sees() -> None:
    table = [
        (Visibility.PUBLIC, Audience.PUBLIC, 1),
        (Visibility.PUBLIC, Audience.INTERNAL, 1),
        (Visibility.INTERNAL, Audience.PUBLIC, 0),
        (Visibility.INTERNAL, Audience.INTERNAL, 1),
        (Visibility.OFF_RECORD, Audience.PUBLIC, 0),
        (Visibility.OFF_RECORD, Audience.INTERNAL, 0),
    ]
    for visibility, audience, expected in table:
        assert _matching(_community(visibility), audience) == expected, (visibility, audience)


def test_check_still_counts_every_record(tmp_path: Path) -> None:
    copharvest.save(_community(Visibility.OFF_RECORD), tmp_path / "h")
    data = json.loads(CliRunner().invoke(cli, ["check", "--json", str(tmp_path / "h")]).stdout)
    (practice,) = [f for f in data["health"] if f["lesson"] == 4]
    assert practice["evidence"]["matching"] == 1


def test_no_absolute_path_in_the_render_context() -> None:
    result = CliRunner().invoke(cli, ["context", "--charts", str(EXAMPLE)])
    assert result.exit_code == 0, result.output
    assert tempfile.gettempdir() not in result.stdout
    assert str(Path.home()) not in result.stdout
    paths = [c["path"] for c in json.loads(result.stdout)["continuity"]["charts"]]
    assert paths
    assert all("/" not in p for p in paths)


def test_plugins_see_only_the_blocks_and_introductions_the_audience_may_read() -> None:
    from copharvest.model import (
        BlockKind,
        Chapter,
        ChapterBlock,
        Outsider,
        PartText,
        Passage,
        Quote,
    )
    from copharvest.pack import GENERIC
    from copharvest.pipeline import plugin_view

    def passage(text: str, v: Visibility) -> ChapterBlock:
        return ChapterBlock(kind=BlockKind.PASSAGE, text=text, visibility=v)

    said = Quote(text="said inside", outsider=Outsider(description="a resident"))
    blocks = (
        *(passage(f"passage {v.value}", v) for v in Visibility),
        ChapterBlock(
            kind=BlockKind.QUOTE, quote=attrs.evolve(said, visibility=Visibility.INTERNAL)
        ),
        ChapterBlock(
            kind=BlockKind.BOX, title="box off", text="x", visibility=Visibility.OFF_RECORD
        ),
    )
    c = Community(
        name="Blocks",
        period=Period(start=START),
        chapters=(Chapter(id="c", part=1, title="C", blocks=blocks),),
        parts=(
            PartText(
                number=1,
                intro=tuple(Passage(text=f"intro {v.value}", visibility=v) for v in Visibility),
            ),
        ),
    )
    expected = {
        Audience.PUBLIC: ({"passage public"}, {"intro public"}),
        Audience.INTERNAL: (
            {"passage public", "passage internal", "said inside"},
            {"intro public", "intro internal"},
        ),
    }
    for audience, (texts, intros) in expected.items():
        seen = plugin_view(c, audience, GENERIC)
        (chapter,) = seen.chapters
        shown = {b.text or (b.quote.text if b.quote else "") for b in chapter.blocks}
        assert shown == texts
        assert {p.text for p in seen.parts[0].intro} == intros
