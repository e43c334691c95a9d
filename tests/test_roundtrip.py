"""Random valid communities survive save -> load unchanged."""

from __future__ import annotations

import datetime as dt
import tempfile
from pathlib import Path

from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

import copharvest
from copharvest import Colophon, Community, Passage, Period
from copharvest.store import unstructure
from copharvest.store.yamlio import dump, parse
from strategies import AWKWARD_TEXTS, add_pictures, communities, texts


@settings(max_examples=40, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(communities() | communities(with_blocks=True))
def test_save_then_load_gives_the_same_community(community: Community) -> None:
    with tempfile.TemporaryDirectory() as tmp:
        folder = Path(tmp)
        copharvest.save(community, folder)
        add_pictures(community, folder)
        loaded = copharvest.load(folder)
        assert loaded == community
        # what was loaded would be written as the very same bytes
        for stem, data in unstructure(loaded).items():
            assert dump(data) == (folder / f"{stem}.yaml").read_text(encoding="utf-8")


@settings(max_examples=300, deadline=None)
@given(st.lists(texts(), min_size=1, max_size=6))
def test_any_text_survives_as_value_and_as_key(words: list[str]) -> None:
    data = {
        "list": words,
        "mapping": dict.fromkeys(words, "v"),
        "nested": [{"t": w} for w in words],
    }
    assert parse(Path("x.yaml"), dump(data)) == data


def test_every_awkward_text_survives_a_save(tmp_path: Path) -> None:
    community = Community(
        name="Awkward",
        period=Period(start=dt.date(2020, 1, 1)),
        intro=tuple(Passage(text=t) for t in AWKWARD_TEXTS),
        colophon=Colophon(contributors=AWKWARD_TEXTS),
    )
    copharvest.save(community, tmp_path)
    assert copharvest.load(tmp_path) == community
