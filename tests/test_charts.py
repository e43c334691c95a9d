"""The charts: valid PNG images of a sensible size, reproducible byte for byte."""

from __future__ import annotations

import datetime as dt
from pathlib import Path

import attrs
import pytest
from PIL import Image

from copharvest.analysis import analyse
from copharvest.charts import Chart, draw_charts
from copharvest.model import Community, Member, Organisation, Period, Session

START = dt.date(2020, 1, 1)


def sample(members: int = 12, sessions: int = 6, organisations: int = 4) -> Community:
    orgs = tuple(
        Organisation(id=f"o{i}", name=f"Organisation {i}", level="city" if i else "national")
        for i in range(organisations)
    )
    people = tuple(
        Member(id=f"m{i:03d}", name=f"Person {i}", organisation=f"o{i % organisations}")
        for i in range(members)
    )
    return Community(
        name="Sample",
        period=Period(start=START),
        organisations=orgs,
        members=people,
        sessions=tuple(
            Session(
                id=f"s{t:03d}",
                start=START + dt.timedelta(days=14 * t),
                attendance=tuple(m.id for i, m in enumerate(people) if (i * 7 + t * 3) % 10 < 4),
            )
            for t in range(sessions)
        ),
    )


def check_png(chart: Chart) -> None:
    with Image.open(chart.path) as image:
        image.verify()
    with Image.open(chart.path) as image:
        assert image.format == "PNG"
        width, height = image.size
        assert width == 1200
        assert 300 <= height <= 1400
        assert image.info.get("Software") is None


def test_three_charts_with_titles_and_alt_text(tmp_path: Path) -> None:
    c = sample()
    charts = draw_charts(c, analyse(c), tmp_path)
    assert [chart.id for chart in charts] == ["attendance", "tiers", "organisations"]
    for chart in charts:
        assert chart.path == tmp_path / f"{chart.id}.png"
        check_png(chart)
        assert chart.title
        assert chart.alt_text.endswith(".")
    assert "12 members" in charts[0].alt_text
    assert "6 sessions" in charts[0].alt_text
    assert "Person" not in "".join(ch.alt_text for ch in charts)  # nobody is named
    assert sorted(p.name for p in tmp_path.iterdir()) == [
        "attendance.png",
        "organisations.png",
        "tiers.png",
    ]


def test_charts_are_reproducible(tmp_path: Path) -> None:
    c = sample()
    analysis = analyse(c)
    (tmp_path / "a").mkdir()
    (tmp_path / "b").mkdir()
    first = draw_charts(c, analysis, tmp_path / "a")
    second = draw_charts(c, analysis, tmp_path / "b")
    for one, two in zip(first, second, strict=True):
        assert one.path.read_bytes() == two.path.read_bytes()
        assert one.alt_text == two.alt_text


def test_dutch_labels(tmp_path: Path) -> None:
    c = attrs.evolve(sample(), locale="nl")
    charts = draw_charts(c, analyse(c), tmp_path, locale="nl")
    assert charts[0].title == "Aanwezigheid per deelnemer en bijeenkomst"
    assert "12 deelnemers" in charts[0].alt_text
    assert "6 bijeenkomsten" in charts[1].alt_text


@pytest.mark.parametrize(
    ("members", "sessions", "organisations"),
    [(0, 0, 0), (3, 1, 1), (400, 220, 45)],
    ids=["empty", "single session", "large"],
)
def test_edge_and_large_communities(
    tmp_path: Path, members: int, sessions: int, organisations: int
) -> None:
    c = sample(members, sessions, max(organisations, 1))
    if not organisations:
        c = attrs.evolve(c, organisations=(), members=())
    charts = draw_charts(c, analyse(c), tmp_path)
    for chart in charts:
        check_png(chart)
    if members > 150:
        assert "Each row stands for up to 3 members" in charts[0].alt_text
        assert "each column for up to 2 successive sessions" in charts[0].alt_text
