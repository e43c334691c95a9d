"""A harvest folder whose chapter has a block of every kind (and every form of one).

Built from the version-1 fixture (the worked example as it was before blocks), so the
records are real; shared by the tests of the records workbook, the schema and `check`.
"""

from __future__ import annotations

from pathlib import Path

import attrs

import copharvest
from copharvest.model import (
    Annexes,
    AnnexGroup,
    BlockKind,
    ChapterBlock,
    Community,
    LessonKind,
    Outsider,
    PartText,
    Passage,
    Quote,
    Visibility,
)

OLD_STYLE = Path(__file__).resolve().parent / "fixtures" / "old-style-harvest"
PICTURE = "pictures/arnhem.png"


def blocks_community() -> Community:
    """The old-style example with blocks of every kind in its first chapter."""
    c = copharvest.load(OLD_STYLE)
    quotes = [q.id for q in c.quotes if q.id]
    lessons = [x.id for x in c.lessons if x.id and x.kind is LessonKind.LESSON]
    tips = [x.id for x in c.lessons if x.id and x.kind is LessonKind.TIP]
    K = BlockKind
    blocks = (
        ChapterBlock(kind=K.PASSAGE, text="Pieter Winsemius zei het nog directer."),
        ChapterBlock(kind=K.QUOTE, ref=quotes[0]),
        ChapterBlock(
            kind=K.QUOTE,
            quote=Quote(
                text="De straat is weer van ons.",
                outsider=Outsider(description="een bewoner uit Arnhem", role="straatambassadeur"),
            ),
        ),
        ChapterBlock(kind=K.QUOTE, quote=Quote(text="Niet voor het boekje.", anonymous=True)),
        ChapterBlock(
            kind=K.BOX,
            title="Hoe voorkom je dat je opgesloten raakt in een systeemwereld?",
            lessons=(lessons[0], lessons[1]),
            tips=(tips[0],),
            text="Een passage in de box.",
        ),
        ChapterBlock(kind=K.BOX, lessons=(lessons[2],)),
        ChapterBlock(kind=K.TABLE, ref=c.tables[0].id),
        ChapterBlock(kind=K.KEY_QUESTIONS),
        ChapterBlock(kind=K.FIGURE, ref="attendance", caption="Wie kwam er?"),
        ChapterBlock(
            kind=K.PICTURE, picture=PICTURE, caption="Bewoners in Arnhem", alt="Een straat"
        ),
        ChapterBlock(kind=K.READINGS, readings=(c.readings[0].id,), title="Boeken en rapporten"),
        ChapterBlock(
            kind=K.CONTINUITY, title="Community of duiventil?", visibility=Visibility.INTERNAL
        ),
    )
    chapters = (attrs.evolve(c.chapters[0], blocks=blocks), *c.chapters[1:])
    parts = (
        PartText(
            number=1,
            intro=(
                Passage(text="In de loop van de tijd hebben we werkendeweg ..."),
                Passage(text="Alleen voor ons.", visibility=Visibility.INTERNAL),
            ),
        ),
        PartText(number=2, title="Leren over de wijkenaanpak", key_questions=False),
    )
    annexes = Annexes(
        building_lessons=(
            AnnexGroup(title="Wie?", items=(1, 2, 3)),
            AnnexGroup(title="Wat?", items=(4, 5, 6)),
            AnnexGroup(title="Hoe?", items=(7, 8, 9, 10)),
        ),
        insights=(AnnexGroup(title="Bewoners", items=(1, 2)),),
    )
    return attrs.evolve(c, format_version=2, chapters=chapters, parts=parts, annexes=annexes)


def write_blocks_folder(folder: Path) -> Community:
    """Save :func:`blocks_community` with its picture into ``folder``."""
    from PIL import Image

    community = blocks_community()
    copharvest.save(community, folder)
    (folder / PICTURE).parent.mkdir(parents=True, exist_ok=True)
    Image.new("RGB", (60, 40), "darkseagreen").save(folder / PICTURE)
    return community
