"""The worked example: the CoP Wijkenaanpak 2009-2011 regenerated as a Word booklet."""

from __future__ import annotations

import functools
import io
from pathlib import Path

import attrs
import docx
import pytest

import copharvest
from copharvest.formats.docx.quotes import typographic
from copharvest.pack import localise
from copharvest.pipeline import render
from copharvest.plugins import get_plugins, get_registry
from office import pages, to_pdf

wijkenaanpak = pytest.importorskip(
    "copharvest_wijkenaanpak", reason="install plugins/wijkenaanpak (see the README)"
)

ROOT = Path(__file__).resolve().parent.parent
EXAMPLE = ROOT / "examples" / "wijkenaanpak-2009-2011"
CITIES = (
    "Alkmaar",
    "Amersfoort",
    "Amsterdam",
    "Arnhem",
    "Den Haag",
    "Deventer",
    "Dordrecht",
    "Eindhoven",
    "Enschede",
    "Groningen",
    "Heerlen",
    "Leeuwarden",
    "Maastricht",
    "Nijmegen",
    "Rotterdam",
    "Schiedam",
    "Utrecht",
    "Zaanstad",
)
INSPIRATORS = (
    "Hugo Priemus",
    "Marc Eggemond",
    "Karin Verdooren",
    "Jaap Peters",
    "Ria Bouwen",
    "Christa Harmelink",
    "Pieter Winsemius",
    "Jos van der Lans",
    "Pierre Sponselee",
    "Barth van Eeten",
    "Paul Verweel",
    "Wim Derksen",
    "Lard Pijlan",
    "Marien de Langen",
    "Geert ter Weeme",
    "Joke van der Zwaard",
    "Barend Rombout",
    "Caroline Verhoeff",
)


def text_of(data: bytes) -> str:
    """Every paragraph, in body order, with table cells in reading order."""
    document = docx.Document(io.BytesIO(data))
    lines: list[str] = []
    body = document.element.body
    for child in body.iterchildren():
        tag = child.tag.rsplit("}", 1)[-1]
        if tag == "p":
            lines.append("".join(t.text or "" for t in child.iter() if t.tag.endswith("}t")))
        elif tag == "tbl":
            for row in child.iter():
                if row.tag.endswith("}tr"):
                    cells = [
                        "".join(t.text or "" for t in cell.iter() if t.tag.endswith("}t"))
                        for cell in row.iter()
                        if cell.tag.endswith("}tc")
                    ]
                    lines.append(" | ".join(cells))
    return "\n".join(lines)


@pytest.fixture(scope="module")
def community() -> copharvest.Community:
    return copharvest.load(EXAMPLE)


@functools.cache
def _build(locale: str) -> bytes:
    community = copharvest.load(EXAMPLE)
    plugins = get_plugins(entry_points_group="copharvest")
    data, _ = render(attrs.evolve(community, locale=locale), plugins, format_name="docx")
    return data


@pytest.fixture(scope="module", params=["nl", "en"])
def booklet(request: pytest.FixtureRequest) -> tuple[str, bytes]:
    return request.param, _build(request.param)


def test_the_pack_is_found_through_its_entry_point() -> None:
    registry = get_registry(get_plugins())
    assert registry.owners["packs"]["wijkenaanpak"] == "wijkenaanpak"


def test_booklet_has_the_seed_content(
    booklet: tuple[str, bytes], community: copharvest.Community
) -> None:
    locale, data = booklet
    text = text_of(data)
    pack = wijkenaanpak.pack()
    # the ten lessons for building a CoP (the community's own wording)
    for lesson in copharvest.health.lesson_texts(community, locale):
        assert typographic(lesson.title, locale) in text, lesson.title
    # the ten insights of the pack's annex
    assert len(pack.insights) == 10
    for insight in pack.insights:
        assert typographic(localise(insight.title, locale), locale) in text
    # every from -> to row, both sides on one table row
    (movements,) = [t for t in pack.tables if t.kind.value == "movement"]
    rows = [line.split(" | ") for line in text.splitlines() if " | " in line]
    for row in movements.rows:
        left = typographic(localise(row.left, locale), locale)
        right = typographic(localise(row.right, locale), locale)
        assert any(cells[0] == left and cells[-1] == right for cells in rows), (left, right)
    for city in CITIES:
        assert city in text, city
    # the inspirators, in the colophon's chronological order
    positions = [text.find(name) for name in INSPIRATORS]
    assert all(p >= 0 for p in positions), dict(zip(INSPIRATORS, positions, strict=True))
    assert positions == sorted(positions)


def test_continuity_chapter_shows_core_shoppers_and_information_advantage(
    booklet: tuple[str, bytes],
) -> None:
    locale, data = booklet
    text = text_of(data)
    if locale == "nl":
        assert "vormen de vaste kern" in text
        assert "(de ‘shoppers’)" in text
        # the flag names the group with the information advantage and both exposures
        assert "Informatieoverwicht bij ‘Rijk’: wie van ‘Rijk’" in text
        assert "had gemiddeld 84% van alle bijeenkomsten meegemaakt" in text
        assert "wie van ‘Stad’ kwam maar 48%; een verhouding van 1,7" in text
    else:
        assert "form the stable core" in text
        assert "(the “shoppers”)" in text
        assert "An information advantage for “National”" in text
        assert "those from “City” only 48%; a ratio of 1.7" in text


def test_libreoffice_converts_the_dutch_booklet(tmp_path: Path) -> None:
    document = tmp_path / "harvest.docx"
    document.write_bytes(_build("nl"))
    count = pages(to_pdf(document, tmp_path))
    assert 25 <= count <= 80, count
