"""The Word booklet: structure, numbering, tables, quotes, properties, reproducibility."""

from __future__ import annotations

import datetime as dt
import io
import json
import zipfile
from collections.abc import Mapping
from pathlib import Path
from typing import Any

import attrs
import docx
import pytest

from copharvest.formats.docx import render_context
from copharvest.formats.docx.context import clean, labels_for_booklet
from copharvest.privacy import Audience
from copharvest.views import ChartView
from test_docx_data import (
    GUESTS,
    HIDDEN_NAME,
    INTERNAL,
    OFF_RECORD,
    W,
    harvest_of,
    members,
    paragraphs,
    parse_all,
    png,
    render,
    rich_community,
    texts_of,
)

ALT = "Staafdiagram <aanwezigheid> & kern"


@pytest.fixture(scope="module")
def chart(tmp_path_factory: pytest.TempPathFactory) -> ChartView:
    path = png(tmp_path_factory.mktemp("charts") / "attendance.png")
    return ChartView(id="attendance", path=str(path), title="Aanwezigheid", alt_text=ALT)


@pytest.fixture(scope="module")
def booklet(chart: ChartView) -> bytes:
    return render(harvest_of(rich_community(), charts=(chart,)))


@pytest.fixture(scope="module")
def internal() -> bytes:
    return render(harvest_of(rich_community(), Audience.INTERNAL))


def test_every_part_is_well_formed_and_python_docx_opens_it(booklet: bytes) -> None:
    parts = parse_all(booklet)
    assert {
        "word/document.xml",
        "word/styles.xml",
        "word/numbering.xml",
        "word/settings.xml",
        "docProps/core.xml",
        "[Content_Types].xml",
    } <= set(parts)
    document = docx.Document(io.BytesIO(booklet))
    assert document.paragraphs[1].text == "Samen inspireren, leren en sturen"
    assert document.paragraphs[1].style.name == "Title"


def test_headings_in_booklet_order(booklet: bytes) -> None:
    headings = [(s, t) for s, t, _ in paragraphs(booklet) if s in ("Heading1", "Heading2")]
    assert headings == [
        ("Heading1", "Intro"),
        ("Heading1", "I\tOver de CoP-aanpak"),
        ("Heading2", "1.1\tEen nieuwe relatie tussen rijk en steden"),
        ("Heading2", "1.2\tDiversiteit en samenhang in de groep"),
        ("Heading2", "1.3\tContinuïteit: community of duiventil?"),
        ("Heading1", "Bijlage: Tien lessen voor het bouwen van een CoP"),
        ("Heading1", "II\tOver het domein"),
        ("Heading2", "2.1\tZelfsturing en zelfredzaamheid in de wijk"),
        ("Heading2", "2.2\tMonitoring en verantwoording"),
        ("Heading1", "Meer lessen en citaten"),
        ("Heading2", "Beweging in de wijkenaanpak"),
        ("Heading1", "Bijeenkomsten"),
        ("Heading1", "Literatuur"),
    ]


def test_table_of_contents_lists_the_headings_and_refreshes_on_open(booklet: bytes) -> None:
    rows = paragraphs(booklet)
    toc = [(s, t) for s, t, _ in rows if s.startswith("TOC") and s != "TOCHeading"]
    headings = [t for s, t, _ in rows if s in ("Heading1", "Heading2")]
    assert [t for _, t in toc] == headings
    assert {s for s, _ in toc} == {"TOC1", "TOC2"}
    body = parse_all(booklet)["word/document.xml"]
    instr = [t.text for t in body.iter(f"{W}instrText")]
    assert any(t.strip().startswith("TOC ") for t in instr)
    # every entry links to a bookmark on its heading
    anchors = [h.get(f"{W}anchor") for h in body.iter(f"{W}hyperlink")]
    names = {b.get(f"{W}name") for b in body.iter(f"{W}bookmarkStart")}
    assert len(anchors) == len(headings)
    assert set(anchors) <= names
    settings = parse_all(booklet)["word/settings.xml"]
    children = [c.tag.split("}")[1] for c in settings]
    assert settings.find(f"{W}updateFields").get(f"{W}val") == "true"
    after = {
        "hdrShapeDefaults",
        "footnotePr",
        "endnotePr",
        "compat",
        "docVars",
        "rsids",
        "themeFontLang",
        "clrSchemeMapping",
        "shapeDefaults",
        "decimalSymbol",
        "listSeparator",
    }
    position = children.index("updateFields")
    assert not after & set(children[:position])


def test_lessons_are_numbered_lists_that_restart_in_every_chapter(booklet: bytes) -> None:
    rows = paragraphs(booklet)
    lists: list[list[tuple[str, str | None]]] = []
    previous = None
    for style, text, num in rows:
        if style == "ListNumber":
            if previous != "ListNumber":
                lists.append([])
            lists[-1].append((text, num))
        previous = style
    assert [[t for t, _ in items] for items in lists[:3]] == [
        ["Eerste les 1 van relatie.", "Eerste les 2 van relatie.", "Eerste les 3 van relatie."],
        ["Tweede les 1 van diversiteit.", "Tweede les 2 van diversiteit."],
        [
            "Derde les 1 van zelfsturing.",
            "Derde les 2 van zelfsturing.",
            "Derde les 3 van zelfsturing.",
            "Derde les 4 van zelfsturing.",
        ],
    ]
    ids = [{num for _, num in items} for items in lists]
    assert all(len(s) == 1 and None not in s for s in ids), ids
    flat = [next(iter(s)) for s in ids]
    assert len(set(flat)) == len(flat), "each list has its own numbering instance"
    numbering = parse_all(booklet)["word/numbering.xml"]
    for num_id in flat:
        num = numbering.find(f"{W}num[@{W}numId='{num_id}']")
        start = num.find(f"{W}lvlOverride[@{W}ilvl='0']/{W}startOverride")
        assert start is not None
        assert start.get(f"{W}val") == "1"
        abstract = num.find(f"{W}abstractNumId").get(f"{W}val")
        fmt = numbering.find(f"{W}abstractNum[@{W}abstractNumId='{abstract}']/{W}lvl/{W}numFmt")
        assert fmt.get(f"{W}val") == "decimal"


def test_tips_are_bullets_with_their_text(booklet: bytes) -> None:
    assert ("ListBullet", "Tip om klein te beginnen.") in [
        (s, t) for s, t, _ in paragraphs(booklet)
    ]


def test_from_to_table_rows(booklet: bytes) -> None:
    document = docx.Document(io.BytesIO(booklet))
    tables = [t for t in document.tables if t.rows[0].cells[0].text == "Van"]
    assert len(tables) == 1
    rows = [[c.text for c in row.cells] for row in tables[0].rows]
    assert rows == [
        ["Van", "", "Naar"],
        ["Bouwen aan zelfredzaamheid", "→", "Vertrouwen op zelfredzaamheid"],
        ["Claims op corporatiegelden", "→", "Duurzaam partnerschap"],
    ]
    header = tables[0].rows[0]._tr
    assert header.find(f"{W}trPr/{W}tblHeader") is not None
    # a dilemma's two poles are no direction: "X – Y" rows without column heads
    dilemma = next(t for t in document.tables if t.rows[0].cells[0].text == "Open samenwerking")
    assert [[c.text for c in row.cells] for row in dilemma.rows] == [
        ["Open samenwerking", "\u2013", "Onderhandelen"]
    ]
    assert dilemma.rows[0]._tr.find(f"{W}trPr/{W}tblHeader") is None
    # and its first row is data: not in the look of a header row
    look = dilemma._tbl.find(f"{W}tblPr/{W}tblLook")
    assert look.get(f"{W}firstRow") == "0"
    assert tables[0]._tbl.find(f"{W}tblPr/{W}tblLook").get(f"{W}firstRow") == "1"


def test_quotes_are_set_apart_and_signed(booklet: bytes) -> None:
    rows = [(s, t) for s, t, _ in paragraphs(booklet)]
    i = rows.index(("Quote", "“De bijeenkomsten hebben mij veel gebracht.”"))
    assert rows[i + 1] == ("QuoteAttribution", "— Ann de Vries, Gemeente Groningen")
    # a member without consent whose role fewer than three members of their
    # organisation share is attributed by the organisation in public (docs/privacy.md)
    assert ("QuoteAttribution", "— Gemeente Groningen") in rows
    assert all("programmamanager" not in t for _, t in rows)
    quotes = [t for s, t in rows if s == "Quote"]
    assert len(quotes) == 4


def test_colophon_lists_the_guests_in_chronological_order(booklet: bytes) -> None:
    rows = [(s, t) for s, t, _ in paragraphs(booklet)]
    colophon = rows[: rows.index(("TOCHeading", "Inhoud"))]
    line = next(t for s, t in colophon if GUESTS[0] in t)
    positions = [line.index(name) for name in GUESTS]
    assert positions == sorted(positions), line
    assert ("Colophon", "Eindredactie: Marjolein Rotteveel, Miriam Voets") in colophon
    assert ("CoverDate", "mei 2011") in rows


def test_chart_is_embedded_with_its_text_alternative(booklet: bytes) -> None:
    body = parse_all(booklet)["word/document.xml"]
    wp = "{http://schemas.openxmlformats.org/drawingml/2006/wordprocessingDrawing}"
    docprs = list(body.iter(f"{wp}docPr"))
    assert [d.get("descr") for d in docprs] == [ALT]
    assert docprs[0].get("title") == "Aanwezigheid"
    assert any(name.startswith("word/media/") for name in members(booklet))
    assert ("Caption", "Figuur 1. Aanwezigheid") in [(s, t) for s, t, _ in paragraphs(booklet)]


def test_footer_has_title_and_page_number_and_the_cover_has_none(booklet: bytes) -> None:
    parts = parse_all(booklet)
    footers = [v for k, v in parts.items() if k.startswith("word/footer")]
    texts = ["".join(t.text or "" for t in f.iter(f"{W}t")) for f in footers]
    assert "Samen inspireren, leren en sturen1" in texts  # the title, then PAGE's cached "1"
    assert "2Samen inspireren, leren en sturen" in texts  # left-hand pages: the number outside
    assert any("PAGE" in (i.text or "") for f in footers for i in f.iter(f"{W}instrText"))
    # the cover, colophon and contents are a section of their own, without footers
    front = parts["word/document.xml"].find(f"{W}body/{W}p/{W}pPr/{W}sectPr")
    assert front is not None
    assert front.find(f"{W}footerReference") is None
    sect = parts["word/document.xml"].find(f"{W}body/{W}sectPr")
    assert sect.find(f"{W}footerReference") is not None


def test_properties_and_language(booklet: bytes, monkeypatch: pytest.MonkeyPatch) -> None:
    props = docx.Document(io.BytesIO(booklet)).core_properties
    assert props.title == "Samen inspireren, leren en sturen"
    assert props.subject == "De oogst van twee jaar Community of Practice"
    assert props.author == "Nicis Institute"
    assert props.language == "nl-NL"
    assert props.created is None
    assert props.modified is None
    styles = parse_all(booklet)["word/styles.xml"]
    lang = styles.find(f"{W}docDefaults/{W}rPrDefault/{W}rPr/{W}lang")
    assert lang.get(f"{W}val") == "nl-NL"


def test_source_date_epoch_stamps_the_dates(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("SOURCE_DATE_EPOCH", "1305000000")
    data = render(harvest_of(rich_community("en")))
    props = docx.Document(io.BytesIO(data)).core_properties
    expected = dt.datetime(2011, 5, 10, 4, 0)
    assert props.created == props.modified
    assert props.created.replace(tzinfo=None) == expected
    assert props.language == "en-GB"
    assert render(harvest_of(rich_community("en"))) == data


def test_english_labels() -> None:
    text = texts_of(render(harvest_of(rich_community("en"))))
    for label in ("Contents", "Annex: Ten lessons for building a CoP", "Sessions", "May 2011"):
        assert label in text


def test_two_renders_are_byte_identical_with_fixed_zip_dates(
    booklet: bytes, chart: ChartView
) -> None:
    again = render(harvest_of(rich_community(), charts=(chart,)))
    assert again == booklet
    with zipfile.ZipFile(io.BytesIO(booklet)) as archive:
        infos = archive.infolist()
    assert {i.date_time for i in infos} == {(1980, 1, 1, 0, 0, 0)}
    assert infos[0].filename == "[Content_Types].xml"


def test_public_booklet_has_no_internal_or_off_record_content(booklet: bytes) -> None:
    for name, blob in members(booklet).items():
        for secret in (OFF_RECORD, INTERNAL, HIDDEN_NAME):
            assert secret.encode() not in blob, (name, secret)


def test_internal_booklet_has_internal_content_and_still_nothing_off_record(
    internal: bytes,
) -> None:
    text = texts_of(internal)
    assert "Intern: ALLEENINTERN" in text
    assert f"Dit blijft intern: {INTERNAL}." in text
    assert f"Interne les {INTERNAL}" in text
    assert f"“Intern citaat {INTERNAL}”" in text
    assert f"Interne rij {INTERNAL}" in text
    assert "Intern verslag: niet voor publicatie." in text
    for name, blob in members(internal).items():
        assert OFF_RECORD.encode() not in blob, name
        assert HIDDEN_NAME.encode() not in blob, name
    footers = [v for k, v in members(internal).items() if k.startswith("word/footer")]
    assert any(b"niet voor publicatie" in f for f in footers)


def test_internal_lessons_continue_the_chapter_list(internal: bytes) -> None:
    numbers = [n for s, t, n in paragraphs(internal) if s == "ListNumber" and "relatie" in t]
    numbers += [n for s, t, n in paragraphs(internal) if s == "ListNumber" and INTERNAL in t]
    assert len(set(numbers)) == 1


def test_render_context_is_json_and_sanitised() -> None:
    harvest = harvest_of(rich_community())
    harvest = attrs.evolve(harvest, title="Bel\x07 en\x0cpagina\x00 \ud800 klaar\r\n")
    context = render_context(harvest)
    assert context["title"] == "Bel en\npagina  klaar\n"
    assert json.loads(json.dumps(context, allow_nan=False)) == context
    assert context["internal"] is False
    assert context["labels"]["key_figures"] == "Kerncijfers"
    assert "image" not in json.dumps(context["continuity"]["charts"])


def test_every_unsafe_character_is_unprintable() -> None:
    # render_context takes a printable string as safe without the regular expression
    from copharvest.formats.docx.context import _UNSAFE

    unsafe = [chr(c) for c in range(0x110000) if _UNSAFE.match(chr(c))]
    assert len(unsafe) > 2000
    assert not any(c.isprintable() for c in unsafe)


def _reference(value: Any) -> Any:
    """The render context as attrs.asdict and clean would make it, for comparison."""
    if isinstance(value, str):
        return clean(str(value))
    if isinstance(value, tuple | list):
        return [_reference(v) for v in value]
    if attrs.has(type(value)):
        return {f.name: _reference(getattr(value, f.name)) for f in attrs.fields(type(value))}
    if isinstance(value, Mapping):
        return {clean(str(k)): _reference(v) for k, v in value.items()}
    return value


def test_render_context_is_the_view_model_as_plain_data() -> None:
    harvest = harvest_of(rich_community())
    harvest = attrs.evolve(
        harvest,
        title="tab\there\x0b",
        metrics={**harvest.metrics, "extra": {"k\x01": ["a\x02", 1.5, None, True], 7: "x"}},
    )
    context = render_context(harvest)
    expected = _reference(harvest)
    expected["labels"] = _reference(labels_for_booklet(harvest))
    expected["internal"] = False
    # the same data, but for the quotes and apostrophes of the text (test_language.py)
    straight = str.maketrans("\u2018\u2019\u201c\u201d", "''\"\"")
    printed, plain = (json.dumps(d, ensure_ascii=False) for d in (context, expected))
    assert printed.translate(straight) == plain.translate(straight)
    assert printed != plain


def test_progress_is_reported() -> None:
    seen: list[str] = []
    render(harvest_of(rich_community()), progress=seen.append)
    assert len(seen) >= 4
    assert any("render" in s for s in seen)


def _all_text(data: bytes) -> dict[str, Any]:
    return {k: v for k, v in members(data).items() if k.endswith(".xml")}


def test_starter_builds(starter: Path) -> None:
    from copharvest import load

    data = render(harvest_of(load(starter)))
    text = texts_of(data)
    assert "Our Community of Practice" in text
    assert "“For the first time we talked about our work instead of our procedures.”" in text
    assert _all_text(data)


def _rich_by_add(runs: Any) -> str:
    """The rich filter's runs as docxtpl's RichText.add writes them, one call a run."""
    from docxtpl import RichText

    text = RichText()
    for run in runs:
        if not run["text"]:
            continue
        if run["bold"] and run["italic"]:
            text.add(run["text"], bold=True, italic=True)
        elif run["bold"]:
            text.add(run["text"], style="Strong")
        elif run["italic"]:
            text.add(run["text"], style="Emphasis")
        else:
            text.add(run["text"])
    return str(text.xml.replace("{", "&#123;").replace("}", "&#125;"))


def test_the_rich_filter_writes_runs_as_richtext_does() -> None:
    from docxtpl import RichText

    from copharvest.formats.docx.renderer import rich

    texts: list[Any] = ["plain", "", "<b> & \"q\" 'a'", "{{ x }} {_{ y }_}", "é 😀", 7, 0, None]
    texts.append(RichText("already rich <w:t>"))
    runs = [
        {"text": t, "bold": b, "italic": i}
        for t in texts
        for b in (False, True, 1, "")
        for i in (False, True)
    ]
    for n in range(len(runs)):
        assert rich(runs[n : n + 5]).xml == _rich_by_add(runs[n : n + 5])
    assert rich([]).xml == ""
