"""Health figures count only what the audience can see; no absolute local path is
published."""

from __future__ import annotations

import datetime as dt
import json
import tempfile
from pathlib import Path

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
