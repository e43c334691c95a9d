"""Random valid communities survive save -> load unchanged."""

from __future__ import annotations

import datetime as dt
import tempfile
from pathlib import Path

from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

import copharvest
from copharvest import Community
from strategies import AWKWARD_TEXTS, communities, texts

SETTINGS = settings(max_examples=60, deadline=None, suppress_health_check=[HealthCheck.too_slow])


def _files(folder: Path) -> dict[str, bytes]:
    return {p.name: p.read_bytes() for p in sorted(folder.iterdir())}


@SETTINGS
@given(communities())
def test_save_then_load_gives_the_same_community(community: Community) -> None:
    with tempfile.TemporaryDirectory() as tmp:
        folder = Path(tmp) / "harvest"
        copharvest.save(community, folder)
        loaded = copharvest.load(folder)
        assert loaded == community
        # and saving what was loaded writes the very same bytes
        first = _files(folder)
        copharvest.save(loaded, folder)
        assert _files(folder) == first


@settings(max_examples=150, deadline=None)
@given(st.lists(texts(), min_size=1, max_size=5))
def test_any_text_survives_in_any_text_field(words: list[str]) -> None:
    community = Community(
        name=words[0],
        subtitle=words[-1],
        period=copharvest.Period(start=dt.date(2020, 1, 1)),
        intro=tuple(copharvest.Passage(text=w) for w in words),
        colophon=copharvest.Colophon(editors=tuple(words)),
    )
    with tempfile.TemporaryDirectory() as tmp:
        copharvest.save(community, tmp)
        assert copharvest.load(tmp) == community


def test_every_awkward_text_survives(tmp_path: Path) -> None:
    community = Community(
        name="Awkward",
        period=copharvest.Period(start=dt.date(2020, 1, 1)),
        intro=tuple(copharvest.Passage(text=t) for t in AWKWARD_TEXTS),
        colophon=copharvest.Colophon(contributors=AWKWARD_TEXTS),
    )
    copharvest.save(community, tmp_path)
    assert copharvest.load(tmp_path) == community
