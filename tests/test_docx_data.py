"""Harvests and inspection helpers shared by the docx tests (and a check of the helpers).

``rich_community()`` is a small Dutch community that uses every part of the booklet:
intro with a bullet list and emphasis, Part I and Part II chapters with quotes, lessons,
tips and insights, a chapter table and a from → to table, sessions with guests and
notes, readings, members with and without consent, and internal and off-record text.
"""

from __future__ import annotations

import datetime as dt
import io
import struct
import zipfile
import zlib
from pathlib import Path
from typing import Any

import attrs
from lxml import etree

from copharvest.formats.base import RenderOptions
from copharvest.formats.docx.renderer import render_booklet
from copharvest.model import (
    Chapter,
    Colophon,
    Community,
    Guest,
    Lesson,
    LessonKind,
    Member,
    Organisation,
    Pair,
    PairTable,
    Passage,
    Period,
    PlaceKind,
    ProgrammeItem,
    Quote,
    Reading,
    Session,
    TableKind,
    Verdict,
    Visibility,
    WorkForm,
)
from copharvest.pipeline import prepare
from copharvest.plugins import get_plugins
from copharvest.privacy import Audience
from copharvest.views import ChartView, Harvest

W = "{http://schemas.openxmlformats.org/wordprocessingml/2006/main}"
NS = {"w": W[1:-1]}

SCAFFOLD_FOLDER = (
    Path(__file__).resolve().parent.parent / "src" / "copharvest" / "scaffold" / "harvest"
)
OFF_RECORD = "NIETVOORHETBOEKJE"
INTERNAL = "ALLEENINTERN"
HIDDEN_NAME = "Verborgen Deelnemer"
GUESTS = ("Hugo Priemus", "Jaap Peters", "Ria Bouwen", "Pieter Winsemius")

# -- communities ------------------------------------------------------------------------


def _session(n: int, day: dt.date, guests: tuple[str, ...], attendance: tuple[str, ...]) -> Session:
    return Session(
        id=f"s{n}",
        start=day,
        end=day + dt.timedelta(days=1),
        title=f"Bijeenkomst over thema {n}",
        place=["Utrecht", "Amersfoort", "Rotterdam"][n % 3],
        place_kind=PlaceKind.PRACTICE if n % 2 else PlaceKind.VENUE,
        guests=tuple(
            Guest(id=f"g-{name.split()[-1].lower()}", name=name, description=f"gast {i}")
            for i, name in enumerate(guests)
        ),
        programme=(
            ProgrammeItem(title="Boekbespreking", form=WorkForm.BOOK_DISCUSSION),
            ProgrammeItem(title="Intervisie", form=WorkForm.INTERVISION),
            ProgrammeItem(
                title=f"Geheim programma {OFF_RECORD}",
                form=WorkForm.INFORMAL,
                visibility=Visibility.OFF_RECORD,
            ),
        ),
        preparation=("ann",),
        attendance=attendance,
        notes=(
            Passage(
                text=f"Verslag van bijeenkomst {n}: *goed* gesprek.\n\n- punt een\n- punt twee"
            ),
            Passage(text=f"Intern verslag {INTERNAL}", visibility=Visibility.INTERNAL),
            Passage(text=f"Roddel {OFF_RECORD}", visibility=Visibility.OFF_RECORD),
        ),
    )


def _lessons(chapter: str, prefix: str, count: int) -> tuple[Lesson, ...]:
    return tuple(
        Lesson(text=f"{prefix} les {i} van {chapter}.", chapter=chapter, kind=LessonKind.LESSON)
        for i in range(1, count + 1)
    )


def rich_community(locale: str = "nl") -> Community:
    """A community that uses every part of the booklet."""
    sessions = (
        _session(3, dt.date(2010, 3, 25), (GUESTS[3],), ("ann", "bob", "cor")),
        _session(1, dt.date(2009, 4, 23), (GUESTS[0], GUESTS[1]), ("ann", "bob")),
        _session(2, dt.date(2009, 11, 12), (GUESTS[2],), ("ann", "bob", "hid")),
    )
    chapters = (
        Chapter(
            id="relatie",
            part=1,
            title="Een nieuwe relatie tussen rijk en steden",
            body=(
                Passage(text="De CoP begon als **platform** waar steden van elkaar *leren*."),
                Passage(
                    text="Je zou dit *diagonaal leren* kunnen noemen:\n\n- horizontaal\n- verticaal"
                ),
                Passage(text=f"Dit blijft intern: {INTERNAL}.", visibility=Visibility.INTERNAL),
                Passage(
                    text=f"Niet voor het boekje: {OFF_RECORD}.", visibility=Visibility.OFF_RECORD
                ),
            ),
        ),
        Chapter(
            id="diversiteit",
            part=1,
            title="Diversiteit en samenhang in de groep",
            body=(Passage(text="Een dilemma dat de deelnemers niet konden oplossen."),),
        ),
        Chapter(
            id="geheim",
            part=1,
            title=f"Geheim hoofdstuk {OFF_RECORD}",
            visibility=Visibility.OFF_RECORD,
            body=(Passage(text=OFF_RECORD),),
        ),
        Chapter(
            id="zelfsturing",
            part=2,
            title="Zelfsturing en zelfredzaamheid in de wijk",
            body=(Passage(text="Bewoners zouden zich eigenaar van de wijk moeten voelen."),),
        ),
        Chapter(
            id="monitoring",
            part=2,
            title="Monitoring en verantwoording",
            body=(Passage(text="Een steeds terugkerend thema is voortgangsbewaking."),),
        ),
    )
    lessons = (
        *_lessons("relatie", "Eerste", 3),
        *_lessons("diversiteit", "Tweede", 2),
        *_lessons("zelfsturing", "Derde", 4),
        Lesson(text="Tip om klein te beginnen.", chapter="monitoring", kind=LessonKind.TIP),
        Lesson(
            text="Inzicht over cijfers.",
            chapter="monitoring",
            kind=LessonKind.INSIGHT,
            title="Cijfers",
        ),
        Lesson(text="Inzicht twee over verhalen.", chapter="monitoring", kind=LessonKind.INSIGHT),
        Lesson(text=f"Interne les {INTERNAL}", chapter="relatie", visibility=Visibility.INTERNAL),
        Lesson(
            text=f"Geheime les {OFF_RECORD}", chapter="relatie", visibility=Visibility.OFF_RECORD
        ),
        Lesson(text="Losse les zonder hoofdstuk."),
    )
    quotes = (
        Quote(text="De bijeenkomsten hebben mij veel gebracht.", speaker="ann", chapter="relatie"),
        Quote(text="Ik zeg dit zonder mijn naam.", speaker="hid", chapter="relatie"),
        Quote(
            text=f"Intern citaat {INTERNAL}",
            speaker="bob",
            chapter="diversiteit",
            visibility=Visibility.INTERNAL,
        ),
        Quote(
            text=f"Geheim citaat {OFF_RECORD}",
            speaker="bob",
            chapter="diversiteit",
            visibility=Visibility.OFF_RECORD,
        ),
        Quote(text="Gasten prikkelen ons.", speaker="g-peters", chapter="zelfsturing"),
        Quote(text="Een los citaat.", speaker="cor"),
    )
    tables = (
        PairTable(
            id="beweging",
            title="Beweging in de wijkenaanpak",
            kind=TableKind.MOVEMENT,
            rows=(
                Pair(left="Bouwen aan zelfredzaamheid", right="Vertrouwen op zelfredzaamheid"),
                Pair(left="Claims op corporatiegelden", right="Duurzaam partnerschap"),
                Pair(left=f"Interne rij {INTERNAL}", right="x", visibility=Visibility.INTERNAL),
                Pair(left=f"Geheime rij {OFF_RECORD}", right="y", visibility=Visibility.OFF_RECORD),
            ),
        ),
        PairTable(
            id="dilemma",
            title="Dilemma's",
            kind=TableKind.DILEMMA,
            chapter="diversiteit",
            left_label="Enerzijds",
            right_label="Anderzijds",
            rows=(Pair(left="Open samenwerking", right="Onderhandelen"),),
        ),
    )
    return Community(
        name="Samen inspireren, leren en sturen",
        subtitle="De oogst van twee jaar Community of Practice",
        locale=locale,
        period=Period(start=dt.date(2009, 1, 1), end=dt.date(2011, 5, 31)),
        colophon=Colophon(
            publisher="Nicis Institute",
            address=("Laan van N.O. Indië 300", "2593 CE  Den Haag"),
            text_by=("Frans Soeterbroek",),
            editors=("Marjolein Rotteveel", "Miriam Voets"),
            contributors=("De deelnemers aan de CoP",),
            thanks="Bijzondere dank aan de inspiratoren (in chronologische volgorde):",
            place="Den Haag",
            date=dt.date(2011, 5, 1),
        ),
        intro=(
            Passage(text="Sinds voorjaar 2009 functioneert er een *Community of Practice*."),
            Passage(
                text="Het boekje kent twee delen:\n\n- deel 1: de werkwijze\n- deel 2: de inzichten"
            ),
            Passage(text=f"Intern: {INTERNAL}", visibility=Visibility.INTERNAL),
            Passage(text=f"Geheim: {OFF_RECORD}", visibility=Visibility.OFF_RECORD),
        ),
        organisations=(
            Organisation(id="bzk", name="Ministerie van BZK", level="national"),
            Organisation(id="gro", name="Gemeente Groningen", level="city"),
        ),
        members=(
            Member(
                id="ann",
                name="Ann de Vries",
                organisation="gro",
                role="projectleider",
                consent=True,
            ),
            Member(id="bob", name="Bob Jansen", organisation="bzk", role="adviseur", consent=True),
            Member(
                id="cor",
                name="Cor Bakker",
                organisation="gro",
                role="wijkcoördinator",
                consent=True,
            ),
            Member(id="hid", name=HIDDEN_NAME, organisation="gro", role="programmamanager"),
        ),
        sessions=sessions,
        readings=(
            Reading(
                id="afri",
                title="Afri",
                authors=("Jutta Chorus",),
                year=2009,
                session="s1",
                verdict=Verdict.INSPIRING,
                presented_by=("ann", "hid"),
                note="Maakt bescheiden.",
            ),
            Reading(id="kei", title="De vrijblijvendheid voorbij", verdict=Verdict.USABLE),
            Reading(
                id="geheim", title=f"Geheim rapport {OFF_RECORD}", visibility=Visibility.OFF_RECORD
            ),
        ),
        chapters=chapters,
        lessons=lessons,
        quotes=quotes,
        tables=tables,
    )


def harvest_of(
    community: Community,
    audience: Audience = Audience.PUBLIC,
    charts: tuple[ChartView, ...] = (),
) -> Harvest:
    """The view model of ``community`` with the builtin plugins only."""
    harvest = prepare(community, get_plugins(entry_points_group=None), audience=audience).harvest
    if charts:
        harvest = attrs.evolve(harvest, continuity=attrs.evolve(harvest.continuity, charts=charts))
    return harvest


def render(harvest: Harvest, template: Path | None = None, progress: Any = None) -> bytes:
    """The booklet's bytes."""
    options = (
        RenderOptions(template=template)
        if progress is None
        else RenderOptions(template=template, progress=progress)
    )
    return render_booklet(harvest, options)


def png(
    path: Path, width: int = 240, height: int = 120, colour: tuple[int, int, int] = (27, 79, 114)
) -> Path:
    """Write a plain PNG picture."""
    raw = b"".join(b"\x00" + bytes(colour) * width for _ in range(height))

    def chunk(kind: bytes, data: bytes) -> bytes:
        body = kind + data
        return (
            struct.pack(">I", len(data)) + body + struct.pack(">I", zlib.crc32(body) & 0xFFFFFFFF)
        )

    header = struct.pack(">IIBBBBB", width, height, 8, 2, 0, 0, 0)
    path.write_bytes(
        b"\x89PNG\r\n\x1a\n"
        + chunk(b"IHDR", header)
        + chunk(b"IDAT", zlib.compress(raw))
        + chunk(b"IEND", b"")
    )
    return path


# -- inspecting a .docx ---------------------------------------------------------------------


def members(data: bytes) -> dict[str, bytes]:
    """Every zip member by name."""
    with zipfile.ZipFile(io.BytesIO(data)) as archive:
        return {name: archive.read(name) for name in archive.namelist()}


def parse_all(data: bytes) -> dict[str, Any]:
    """Every XML part parsed strictly (raises on any error)."""
    parser = etree.XMLParser(recover=False, huge_tree=True, resolve_entities=False)
    return {
        name: etree.fromstring(blob, parser)
        for name, blob in members(data).items()
        if name.endswith((".xml", ".rels"))
    }


def paragraphs(data: bytes) -> list[tuple[str, str, str | None]]:
    """(style id, text, direct numId) of every body paragraph, tables included."""
    body = parse_all(data)["word/document.xml"].find(f"{W}body")
    out = []
    for p in body.iter(f"{W}p"):
        style = p.find(f"{W}pPr/{W}pStyle")
        num = p.find(f"{W}pPr/{W}numPr/{W}numId")
        text = "".join(
            (t.text or "") if t.tag == f"{W}t" else "\t" if t.tag == f"{W}tab" else "\n"
            for t in p.iter(f"{W}t", f"{W}tab", f"{W}br")
            if t.getparent().tag == f"{W}r"
        )
        out.append(
            (
                style.get(f"{W}val") if style is not None else "Normal",
                text,
                num.get(f"{W}val") if num is not None else None,
            )
        )
    return out


def texts_of(data: bytes) -> str:
    """All body text, one paragraph a line."""
    return "\n".join(text for _, text, _ in paragraphs(data))


# -- the helpers themselves ---------------------------------------------------------------


def test_rich_community_uses_every_part_of_the_view_model() -> None:
    harvest = harvest_of(rich_community())
    assert all((harvest.intro, harvest.sessions, harvest.readings, harvest.tables))
    chapters = [c for part in harvest.parts for c in part.chapters]
    for kind in ("lessons", "tips", "insights", "quotes", "tables"):
        assert any(getattr(c, kind) for c in chapters), kind
    assert harvest.loose_lessons
    assert harvest.loose_quotes
    assert harvest.continuity.buddies is not None


def test_png_helper_writes_a_picture(tmp_path: Path) -> None:
    from docx.image.image import Image

    image = Image.from_file(str(png(tmp_path / "x.png", 30, 20)))
    assert (image.px_width, image.px_height) == (30, 20)
