"""The editor's order beyond single blocks: quotes by outsiders and anonymous ones, the
continuity story inside a chapter, part introductions, key questions, grouped annexes,
the insight-N rule, pictures, and templates made before chapters had blocks."""

from __future__ import annotations

from pathlib import Path
from typing import Any

import attrs
import pytest
from PIL import Image

from copharvest.formats.base import RenderOptions
from copharvest.formats.docx.renderer import OLD_TEMPLATE, render_booklet
from copharvest.formats.markdown import render_text
from copharvest.model import (
    Annexes,
    AnnexGroup,
    BlockKind,
    ChapterBlock,
    Community,
    Lesson,
    LessonKind,
    Outsider,
    PartText,
    Passage,
    Quote,
    Visibility,
)
from copharvest.pipeline import prepare, render
from copharvest.plugins import get_plugins
from copharvest.privacy import Audience
from copharvest.views import Harvest
from test_docx_data import members, paragraphs, rich_community

OLD_TEMPLATE_FILE = Path(__file__).parent / "data" / "booklet-before-blocks.docx"
"""The default template as it was before chapters had blocks (no loop over ``content``)."""


def _plugins() -> Any:
    return get_plugins(entry_points_group=None)


@pytest.fixture
def pack_plugins() -> Any:
    """The plugins with the wijkenaanpak pack (its key questions and insights)."""
    pytest.importorskip("copharvest_wijkenaanpak")
    return get_plugins(entry_points_group="copharvest")


def harvest(community: Community, audience: Audience = Audience.PUBLIC, **kw: Any) -> Harvest:
    return prepare(community, _plugins(), audience=audience, **kw).harvest


def laid_out(*blocks: ChapterBlock, **changes: Any) -> Community:
    """The rich community with its first chapter's blocks and other changes."""
    c = rich_community()
    first = attrs.evolve(c.chapters[0], blocks=blocks)
    return attrs.evolve(c, chapters=(first, *c.chapters[1:]), **changes)


def docx_rows(data: bytes) -> list[tuple[str, str]]:
    return [(style, text) for style, text, _ in paragraphs(data)]


QUOTES = [
    # (quote, the signature printed, or none)
    (Quote(text="Wij zijn de wijk.", outsider=Outsider(description="een bewoner")), "een bewoner"),
    (
        Quote(
            text="Ik loop hier elke dag.", outsider=Outsider(description="Jan", role="wijkagent")
        ),
        "Jan, wijkagent",
    ),
    (Quote(text="Niet voor het boekje, maar toch.", speaker="ann", anonymous=True), None),
    (Quote(text="Zonder naam gezegd.", anonymous=True), None),
]


@pytest.mark.parametrize(("quote", "signed"), QUOTES)
def test_quotes_by_outsiders_and_anonymous_quotes(quote: Quote, signed: str | None) -> None:
    c = laid_out(ChapterBlock(kind=BlockKind.QUOTE, quote=quote))
    h = harvest(c)
    piece = next(p for p in h.parts[0].chapters[0].content if p.kind == "quote")
    assert piece.quote.attribution == (signed or "")  # type: ignore[union-attr]
    rows = docx_rows(render_booklet(h, RenderOptions()))
    at = rows.index(("Quote", f"\u201c{quote.text}\u201d"))
    if signed is None:  # no attribution at all: not the member, not a dash
        assert rows[at + 1][0] != "QuoteAttribution"
        assert "Ann de Vries" not in rows[at + 1][1]
    else:
        assert rows[at + 1] == ("QuoteAttribution", f"\u2014 {signed}")
    text = render_text(h)
    assert quote.text in text
    assert (f"> — {signed}" in text) is (signed is not None)


def test_the_continuity_story_stands_in_the_chapter_that_places_it() -> None:
    c = laid_out(
        ChapterBlock(kind=BlockKind.PASSAGE, text="Hoe vaak kwam men?"),
        ChapterBlock(kind=BlockKind.CONTINUITY),
    )
    h = harvest(c)
    assert h.continuity.number == ""
    rows = docx_rows(render_booklet(h, RenderOptions()))
    headings = [t for s, t in rows if s in ("Heading2", "PartContents")]
    assert not any(h.continuity.title in t for t in headings), headings  # no own chapter
    at = rows.index(("Normal", "Hoe vaak kwam men?"))
    assert rows[at + 1] == ("Normal", h.continuity.intro)
    # without the block it is Part I's last chapter, as before
    plain = harvest(rich_community())
    assert plain.continuity.number == "1.3"
    assert ("Heading2", f"1.3\t{plain.continuity.title}") in docx_rows(
        render_booklet(plain, RenderOptions())
    )


def test_part_introductions_titles_and_key_questions(pack_plugins: Any) -> None:
    c = attrs.evolve(
        laid_out(ChapterBlock(kind=BlockKind.KEY_QUESTIONS)),
        pack="wijkenaanpak",
        parts=(
            PartText(number=1, intro=(Passage(text="Werkendeweg *leerden* we."),)),
            PartText(
                number=2,
                title="Leren over de wijkenaanpak",
                intro=(
                    Passage(text="Doe er uw voordeel mee."),
                    Passage(text="Alleen intern.", visibility=Visibility.INTERNAL),
                ),
            ),
        ),
    )
    h = prepare(c, pack_plugins).harvest
    assert h.questions == ()  # a chapter places them: Part II does not open with them
    rows = docx_rows(render_booklet(h, RenderOptions()))
    part1 = rows.index(("Heading1", "I\tOver de CoP-aanpak"))
    assert rows[part1 + 1] == ("Normal", "Werkendeweg leerden we.")
    part2 = rows.index(("Heading1", "II\tLeren over de wijkenaanpak"))
    assert rows[part2 + 1] == ("Normal", "Doe er uw voordeel mee.")
    assert ("Normal", "Alleen intern.") not in rows
    assert ("Heading3", "Kernvragen") in rows[:part2]
    assert ("Heading3", "Kernvragen") not in rows[part2:]
    text = render_text(h)
    assert text.index("Werkendeweg *leerden* we.") < text.index("**Kernvragen**")


def test_key_questions_can_be_switched_off(pack_plugins: Any) -> None:
    c = attrs.evolve(rich_community(), parts=(PartText(number=2, key_questions=False),))
    plugins = pack_plugins
    on = prepare(attrs.evolve(rich_community(), pack="wijkenaanpak"), plugins).harvest
    off = prepare(attrs.evolve(c, pack="wijkenaanpak"), plugins).harvest
    assert on.questions
    assert off.questions == ()
    assert "**Kernvragen**" in render_text(on)
    assert "**Kernvragen**" not in render_text(off)


GROUPS = [
    # (locale, annexes, expected (heading, numbers))
    ("nl", Annexes(), [("Wie?", [1, 2, 3]), ("Wat?", [4, 5, 6]), ("Hoe?", [7, 8, 9, 10])]),
    ("en", Annexes(), [("Who?", [1, 2, 3]), ("What?", [4, 5, 6]), ("How?", [7, 8, 9, 10])]),
    (
        "nl",
        Annexes(building_lessons=(AnnexGroup(title="Eerst", items=(2, 1)),)),
        [("Eerst", [2, 1]), ("", [3, 4, 5, 6, 7, 8, 9, 10])],
    ),
]


@pytest.mark.parametrize(("locale", "annexes", "expected"), GROUPS)
def test_the_ten_lessons_are_grouped(locale: str, annexes: Annexes, expected: list[Any]) -> None:
    h = harvest(attrs.evolve(rich_community(locale), annexes=annexes))
    got = [(g.title, [lesson.number for lesson in g.lessons]) for g in h.building_lesson_groups]
    assert got == expected
    rows = docx_rows(render_booklet(h, RenderOptions()))
    annex = rows.index(("Heading1", f"{h.labels['annex']}: {h.labels['building_lessons']}"))
    titled = [title for title, _ in expected if title]
    shown = [t for s, t in rows[annex:] if s == "Heading3"][: len(titled)]
    assert shown == titled
    first = rows.index(
        (
            "AnnexItemTitle",
            f"{expected[0][1][0]}\t{h.building_lessons[expected[0][1][0] - 1].title}",
        )
    )
    assert annex < first
    markdown = render_text(h)
    for title in titled:
        assert f"### {title}" in markdown


def test_insights_are_grouped_and_an_unknown_insight_number_is_added(pack_plugins: Any) -> None:
    plugins = pack_plugins
    base = attrs.evolve(rich_community(), pack="wijkenaanpak")
    pack_count = len(prepare(base, plugins).harvest.insights)
    extra = (
        Lesson(id="insight-2", text="Eigen woorden voor twee.", kind=LessonKind.INSIGHT),
        Lesson(id=f"insight-{pack_count + 40}", text="Een nieuw inzicht.", kind=LessonKind.INSIGHT),
    )
    c = attrs.evolve(
        base,
        lessons=base.lessons + extra,
        annexes=Annexes(insights=(AnnexGroup(title="Sturing", items=(2, 1)),)),
    )
    h = prepare(c, plugins).harvest
    numbers = [i.number for i in h.insights]
    assert len(numbers) == pack_count + 1  # replaced one, added one: never dropped
    assert h.insights[1].text == "Eigen woorden voor twee."
    assert h.insights[-1].text == "Een nieuw inzicht."
    assert next((g.title, [i.number for i in g.insights]) for g in h.insight_groups) == (
        "Sturing",
        [2, 1],
    )
    assert h.insight_groups[-1].title == ""
    assert h.insight_groups[-1].insights[-1].text == "Een nieuw inzicht."
    for data in (render_text(h).encode(), render_booklet(h, RenderOptions())):
        text = data.decode() if data[:2] != b"PK" else "\n".join(t for _, t in docx_rows(data))
        assert "Een nieuw inzicht." in text
        assert text.index("Sturing") < text.index("Eigen woorden voor twee.")


def test_a_public_block_drops_an_internal_record_in_public() -> None:
    secret = Lesson(id="l-intern", text="Alleen voor ons.", visibility=Visibility.INTERNAL)
    c = laid_out(
        ChapterBlock(kind=BlockKind.BOX, title="Wat wij leerden", lessons=("l-intern",)),
        lessons=(*rich_community().lessons, secret),
    )
    public = harvest(c)
    assert not any(
        p.kind == "box" and p.title == "Wat wij leerden"
        for p in public.parts[0].chapters[0].content
    )
    assert "Alleen voor ons." not in render_text(public)
    internal = harvest(c, Audience.INTERNAL)
    assert "Alleen voor ons." in render_text(internal)


def test_a_placed_record_leaves_its_chapters_default_order() -> None:
    # the second chapter's dilemma table, placed in the first chapter
    c = laid_out(ChapterBlock(kind=BlockKind.TABLE, ref="dilemma"))
    h = harvest(c)
    first, second = h.parts[0].chapters[:2]
    assert [p.kind for p in first.content].count("table") == 1
    assert not second.tables


def _jpeg_with_exif(path: Path, artist: str) -> None:
    image = Image.new("RGB", (120, 80), (30, 90, 150))
    exif = Image.Exif()
    exif[0x013B] = artist  # Artist
    path.parent.mkdir(parents=True, exist_ok=True)
    image.save(path, format="JPEG", exif=exif.tobytes())


def test_a_picture_is_embedded_without_its_metadata(tmp_path: Path) -> None:
    _jpeg_with_exif(tmp_path / "pictures" / "straat.jpg", "Fotograaf Geheimnaam")
    assert b"Geheimnaam" in (tmp_path / "pictures" / "straat.jpg").read_bytes()
    c = laid_out(
        ChapterBlock(
            kind=BlockKind.PICTURE,
            picture="pictures/straat.jpg",
            caption="Bewoners in Arnhem",
            alt="Een straat met borden",
        )
    )
    data, _ = render(c, _plugins(), format_name="docx", folder=tmp_path, charts=False)
    parts = members(data)
    pictures = [name for name in parts if name.startswith("word/media/")]
    assert pictures
    assert all(b"Geheimnaam" not in parts[name] for name in pictures)
    assert b'descr="Een straat met borden"' in parts["word/document.xml"]
    rows = docx_rows(data)
    assert ("Caption", "Bewoners in Arnhem") in rows
    # without a folder to find it in, the picture is left out, not an error
    assert not any(p.kind == "picture" for p in harvest(c).parts[0].chapters[0].content)


def test_a_picture_outside_the_folder_is_refused(tmp_path: Path) -> None:
    _jpeg_with_exif(tmp_path / "elders.jpg", "x")
    folder = tmp_path / "harvest"
    folder.mkdir()
    c = laid_out(ChapterBlock(kind=BlockKind.PICTURE, picture="../elders.jpg", caption="x"))
    with pytest.raises(Exception, match="inside the harvest folder"):
        render(c, _plugins(), format_name="docx", folder=folder, charts=False)


def test_a_template_made_before_blocks_still_renders_and_warns_once() -> None:
    c = laid_out(
        ChapterBlock(kind=BlockKind.BOX, title="Een titel die verdwijnt", text="In de doos."),
        ChapterBlock(kind=BlockKind.PASSAGE, text="Een eigen alinea."),
    )
    warnings: list[str] = []
    h = harvest(c)
    data = render_booklet(h, RenderOptions(template=OLD_TEMPLATE_FILE, warn=warnings.append))
    assert warnings == [OLD_TEMPLATE.format(name=str(OLD_TEMPLATE_FILE))]
    assert "\n" not in warnings[0]
    assert "chapter.content" in warnings[0]
    rows = docx_rows(data)
    assert ("Normal", "Een eigen alinea.") in rows  # the narrative still prints
    # the default template, and an old one on a harvest without blocks, say nothing
    quiet: list[str] = []
    render_booklet(h, RenderOptions(warn=quiet.append))
    render_booklet(
        harvest(rich_community()), RenderOptions(template=OLD_TEMPLATE_FILE, warn=quiet.append)
    )
    assert quiet == []


def test_rebuilding_a_laid_out_booklet_gives_the_same_bytes(tmp_path: Path) -> None:
    c = laid_out(
        ChapterBlock(kind=BlockKind.PASSAGE, text="Eerst dit."),
        ChapterBlock(kind=BlockKind.BOX, title="Een doos", text="Met tekst."),
        ChapterBlock(kind=BlockKind.FIGURE, ref="tiers"),
        ChapterBlock(kind=BlockKind.CONTINUITY),
    )
    for fmt in ("docx", "markdown", "json"):
        first, _ = render(c, _plugins(), format_name=fmt, folder=tmp_path)
        again, _ = render(c, _plugins(), format_name=fmt, folder=tmp_path)
        assert first == again, fmt


def test_new_texts_are_checked_like_the_narrative(tmp_path: Path) -> None:
    """Box titles, captions, alt texts, part introductions and outsiders' descriptions
    are the editors' own text: ``check`` finds a member without consent named in them,
    and the build's last check counts them as the core's own output."""
    from copharvest.privacy_report import named_in_public_text
    from copharvest.store import save

    hidden = "Verborgen Deelnemer"
    c = laid_out(
        ChapterBlock(kind=BlockKind.BOX, title=f"Wat {hidden} zei", text="x"),
        ChapterBlock(
            kind=BlockKind.QUOTE,
            quote=Quote(text="y", outsider=Outsider(description=f"buurman van {hidden}")),
        ),
        parts=(PartText(number=1, intro=(Passage(text=f"Met dank aan {hidden}."),)),),
    )
    save(c, tmp_path)
    found = named_in_public_text(tmp_path, c)
    assert len([line for line in found if line.startswith("chapters.yaml:")]) == 2, found
    assert any(line.startswith("community.yaml:") for line in found), found
    prepared = prepare(c, _plugins())
    for text in (f"Wat {hidden} zei", f"buurman van {hidden}", f"Met dank aan {hidden}."):
        assert text in prepared.allowed


def test_the_editors_texts_carry_the_records_language() -> None:
    """Built in English from Dutch records, an own part title, a box title and a caption
    are the records' text (tagged Dutch); a default heading is the booklet's own."""
    from copharvest.formats.docx.context import END, START, render_context

    c = laid_out(
        ChapterBlock(kind=BlockKind.BOX, title="Wat wij leerden", text="Tekst."),
        ChapterBlock(kind=BlockKind.BOX, lessons=("l-1",)),
        lessons=(*rich_community().lessons, Lesson(id="l-1", text="Een les.")),
        parts=(PartText(number=2, title="Leren over de wijk"),),
    )
    h = attrs.evolve(harvest(attrs.evolve(c, locale="en")), content_locale="nl")
    context = render_context(h, mark_languages=True)
    part1, part2 = context["parts"]
    assert part2["title"] == f"{START}Leren over de wijk{END}"
    assert START not in part1["title"]
    titled, default, *_ = (p for p in part1["chapters"][0]["content"] if p["kind"] == "box")
    assert titled["title"] == f"{START}Wat wij leerden{END}"
    assert default["title"] == "Lessons"


def _with_ids(c: Community) -> Community:
    """``c`` with an id on every quote and lesson (blocks place records by id)."""
    quotes = tuple(attrs.evolve(q, id=q.id or f"q-{i}") for i, q in enumerate(c.quotes))
    lessons = tuple(attrs.evolve(x, id=x.id or f"l-{i}") for i, x in enumerate(c.lessons))
    return attrs.evolve(c, quotes=quotes, lessons=lessons)


def _todays_order(c: Community) -> Community:
    """``c`` with every chapter's records placed by blocks in the order a chapter without
    blocks prints them: its quotes, a box of its lessons, of its tips, of its insights,
    its tables (what ``copharvest upgrade`` writes)."""
    chapters = []
    for ch in c.chapters:
        blocks = [
            ChapterBlock(kind=BlockKind.QUOTE, ref=q.id) for q in c.quotes if q.chapter == ch.id
        ]
        for kind in (LessonKind.LESSON, LessonKind.TIP, LessonKind.INSIGHT):
            ids = tuple(x.id or "" for x in c.lessons if x.chapter == ch.id and x.kind is kind)
            if ids:
                field = "tips" if kind is LessonKind.TIP else "lessons"
                blocks.append(ChapterBlock(kind=BlockKind.BOX, **{field: ids}))
        blocks += [
            ChapterBlock(kind=BlockKind.TABLE, ref=t.id) for t in c.tables if t.chapter == ch.id
        ]
        chapters.append(attrs.evolve(ch, blocks=tuple(blocks)))
    return attrs.evolve(c, chapters=tuple(chapters))


@pytest.mark.parametrize("audience", [Audience.PUBLIC, Audience.INTERNAL])
def test_blocks_in_todays_order_give_the_same_bytes(tmp_path: Path, audience: Audience) -> None:
    implicit = _with_ids(rich_community())
    explicit = _todays_order(implicit)
    assert sum(len(ch.blocks) for ch in explicit.chapters) > 10
    for fmt in ("docx", "markdown", "json"):
        before, _ = render(
            implicit, _plugins(), format_name=fmt, audience=audience, folder=tmp_path
        )
        after, _ = render(explicit, _plugins(), format_name=fmt, audience=audience, folder=tmp_path)
        assert before == after, fmt


def test_markdown_prints_the_whole_booklet(pack_plugins: Any) -> None:
    """The key questions, and the lessons and quotes tied to no chapter, as the Word
    booklet prints them."""
    h = prepare(attrs.evolve(rich_community(), pack="wijkenaanpak"), pack_plugins).harvest
    text = render_text(h)
    words = [
        "## Deel II",
        "**Kernvragen**",
        f"- {h.questions[0]}",
        "## Meer lessen en citaten",
        "> Een los citaat.",
        "1. Losse les zonder hoofdstuk.",
    ]
    at = [text.find(w) for w in words]
    assert -1 not in at, dict(zip(words, at, strict=True))
    assert at == sorted(at)


@pytest.mark.parametrize("title", [None, "Onze dilemma's", ""])
def test_a_table_block_may_retitle_its_table_or_leave_the_title_out(title: str | None) -> None:
    c = laid_out(ChapterBlock(kind=BlockKind.TABLE, ref="dilemma", title=title))
    original = next(t.title for t in c.tables if t.id == "dilemma")
    expected = original if title is None else title
    h = harvest(c)
    (table,) = [p.table for p in h.parts[0].chapters[0].content if p.kind == "table"]
    assert table.title == expected
    text = render_text(h)
    rows = docx_rows(render(c, _plugins(), format_name="docx", charts=False)[0])
    titles = [text.replace("\u2019", "'") for style, text in rows if style == "TableTitle"]
    if expected:
        assert f"**{expected}**" in text
        assert expected in titles
    else:
        assert original not in titles
        assert f"**{original}**" not in text


def _pack_with_groups(tmp_path: Path, groups: str) -> Any:
    from copharvest.pack import load_pack

    folder = tmp_path / "pack"
    folder.mkdir()
    (folder / "pack.yaml").write_text(
        "id: grouped\ntitle: {en: Grouped, nl: Gegroepeerd}\nlocales: [en, nl]\n", "utf-8"
    )
    (folder / "insights.yaml").write_text(
        "".join(
            f"- number: {n}\n  title: {{en: Insight {n}, nl: Inzicht {n}}}\n" for n in (1, 2, 3)
        ),
        "utf-8",
    )
    (folder / "insight_groups.yaml").write_text(groups, "utf-8")
    return load_pack(folder)


def test_a_pack_groups_its_insights_and_a_community_may_regroup_them(tmp_path: Path) -> None:
    from copharvest.analysis import analyse
    from copharvest.harvest import make_harvest

    pack = _pack_with_groups(tmp_path, "- title: {en: People, nl: Mensen}\n  items: [2, 1]\n")
    c = attrs.evolve(rich_community(), pack="grouped", locale="nl")
    metrics = analyse(c).to_json()
    h = make_harvest(c, metrics, pack)
    shown = [(g.title, [i.number for i in g.insights]) for g in h.insight_groups]
    assert shown == [("Mensen", [2, 1]), ("", [3])]
    own = attrs.evolve(c, annexes=Annexes(insights=(AnnexGroup(title="Alles", items=(3, 2, 1)),)))
    shown = [
        (g.title, [i.number for i in g.insights])
        for g in make_harvest(own, metrics, pack).insight_groups
    ]
    assert shown == [("Alles", [3, 2, 1])]


@pytest.mark.parametrize(
    ("groups", "message"),
    [
        ("- title: {en: A}\n  items: [4]\n", "insight 4 is not one of the pack's insights"),
        (
            "- title: {en: A}\n  items: [1]\n- title: {en: B}\n  items: [1]\n",
            "insight 1 is grouped twice",
        ),
    ],
)
def test_a_pack_group_of_unknown_or_repeated_insights_is_refused(
    tmp_path: Path, groups: str, message: str
) -> None:
    from copharvest.pack import PackError

    with pytest.raises(PackError, match=message):
        _pack_with_groups(tmp_path, groups)
