"""The youthcare plugin, installed: found through its entry point, and its checks speak
the harvest's language."""

from __future__ import annotations

from pathlib import Path

import attrs
from copharvest_youthcare import PACK_ID, case_share, pack

import copharvest
from copharvest.plugins import get_plugins, get_registry

HARVEST = Path(__file__).resolve().parents[2] / "harvest"


def test_pack_loads() -> None:
    loaded = pack()
    assert loaded.id == PACK_ID
    assert [c.name for c in loaded.checks] == ["youthcare:providers", "youthcare:client_voice"]


def test_installed_plugin_is_found() -> None:
    registry = get_registry(get_plugins())
    assert PACK_ID in registry.packs
    assert "youthcare:case_share" in registry.metrics


def test_metric_and_checks_on_the_example() -> None:
    community = copharvest.load(HARVEST)
    analysis = copharvest.analyse(community)
    assert analysis.extra["youthcare:case_share"] == case_share(
        community, analysis.continuity, analysis.parameters
    )
    titles = {f.lesson: f.title for f in analysis.health}
    assert titles["youthcare:providers"] == "Care providers take part"
    dutch = copharvest.analyse(attrs.evolve(community, locale="nl"))
    titles = {f.lesson: f.title for f in dutch.health}
    assert titles["youthcare:providers"] == "Zorgaanbieders doen mee"
    assert titles["youthcare:client_voice"] == "Jongeren en ouders komen aan het woord"


def test_dutch_internal_booklet(tmp_path: Path) -> None:
    out = copharvest.build(HARVEST, tmp_path / "intern.md", audience="internal", locale="nl")
    text = out.read_text(encoding="utf-8")
    assert "Zorgaanbieders doen mee" in text
    assert "Zorgaanbieders waren bij" in text
    assert "Domeinpakket: copharvest-youthcare" in text
