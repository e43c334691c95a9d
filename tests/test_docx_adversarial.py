"""Hostile text in the data: the booklet opens, shows it literally, and loses nothing after it."""

from __future__ import annotations

import datetime as dt
import io

import attrs
import docx
import pytest

from copharvest.formats.docx.context import clean
from copharvest.formats.docx.quotes import typographic
from copharvest.model import Chapter, Colophon, Guest, Lesson, Pair, PairTable, Quote, Reading
from test_docx_data import W, harvest_of, members, paragraphs, parse_all, render, rich_community

NASTY = (
    "R&D <b>bold</b> & co",
    "end ]]> of a CDATA section",
    "{{ 7*7 }}",
    "{% raw %}not raw{% endraw %}",
    "{%p if true %}a paragraph tag",
    "{_{ docxtpl's own escapes }_} {_% and %_}",
    "control\x01\x02\x07bell\x0bvertical\x0cformfeed\x1fend\x7fdel\x85nel",
    "emoji 😀🎉👩‍👩‍👧 and ✓",
    "RTL עברית and العربية mixed with LTR",
    "tab\there and\nnewline",
    "quotes \"double\" 'single' “curly” ‘curly’",
    "percent %}% and braces }} {{ open",
)
LONG = ("Dit is een heel lang citaat. " * 400)[:10_000]
AFTER = "Deze les komt na het lange citaat."


def _expected(text: str) -> str:
    """As the booklet prints a record text: cleaned, with typographic quotes."""
    return typographic(clean(text), "nl")


def adversarial() -> object:
    base = rich_community()
    chapter = Chapter(id="vijand", part=1, title=NASTY[0] + " " + NASTY[2])
    lessons = (
        *(Lesson(text=t, chapter="vijand") for t in NASTY),
        Lesson(text=AFTER, chapter="vijand"),
    )
    quote = Quote(text=LONG, speaker="ann", chapter="vijand")
    nasty_quotes = tuple(Quote(text=t, speaker="bob", chapter="vijand") for t in NASTY)
    table = PairTable(
        id="t",
        title=NASTY[1],
        chapter="vijand",
        rows=tuple(Pair(left=t, right=t[::-1]) for t in NASTY),
    )
    session = attrs.evolve(
        base.sessions[0],
        title=NASTY[3],
        place=NASTY[7],
        guests=(Guest(name=NASTY[8], description=NASTY[0]),),
    )
    return attrs.evolve(
        base,
        name="Titel " + NASTY[0] + " " + NASTY[5],
        subtitle=NASTY[2] + " " + NASTY[6],
        colophon=Colophon(
            publisher=NASTY[4], text_by=(NASTY[9],), place="Den Haag", date=dt.date(2011, 5, 1)
        ),
        chapters=(chapter, *base.chapters),
        lessons=lessons + base.lessons,
        quotes=(quote, *nasty_quotes, *base.quotes),
        tables=(table, *base.tables),
        sessions=(session, *base.sessions[1:]),
        readings=(Reading(id="r", title=NASTY[10], authors=(NASTY[11],)), *base.readings),
    )


@pytest.fixture(scope="module")
def booklet() -> bytes:
    return render(harvest_of(adversarial()))  # type: ignore[arg-type]


def test_it_opens_and_every_part_is_well_formed(booklet: bytes) -> None:
    parse_all(booklet)
    docx.Document(io.BytesIO(booklet))


def test_every_text_appears_literally(booklet: bytes) -> None:
    rows = paragraphs(booklet)
    numbered = [t for s, t, _ in rows if s == "ListNumber"]
    for text in NASTY:
        assert _expected(text) in numbered, text
    quotes = [t for s, t, _ in rows if s == "Quote"]
    for text in NASTY:
        assert f"“{_expected(text)}”" in quotes, text
    cells = [t for s, t, _ in rows if s == "TableText"]
    for text in NASTY:
        assert _expected(text) in cells, text
        assert _expected(text[::-1]) in cells, text
    assert ("Heading2", f"1.1\t{NASTY[0]} {NASTY[2]}") in [(s, t) for s, t, _ in rows]
    assert ("Title", _expected("Titel " + NASTY[0] + " " + NASTY[5])) in [
        (s, t) for s, t, _ in rows
    ]
    assert _expected(NASTY[6]) == "controlbell\nvertical\nformfeedenddelnel"


def test_nothing_after_the_long_quote_is_lost(booklet: bytes) -> None:
    rows = [(s, t) for s, t, _ in paragraphs(booklet)]
    i = rows.index(("Quote", f"“{LONG}”"))
    assert rows[i + 1] == ("QuoteAttribution", "— Ann de Vries, Gemeente Groningen")
    texts = [t for _, t in rows[i:]]
    assert AFTER in texts
    assert "Literatuur" in texts
    assert "Bijeenkomsten" in texts
    assert len(LONG) == 10_000


def test_no_template_code_ran(booklet: bytes) -> None:
    text = "\n".join(t for _, t, _ in paragraphs(booklet))
    assert "{{ 7*7 }}" in text
    assert "{% raw %}not raw{% endraw %}" in text


def test_headers_footers_and_properties_show_it_literally(booklet: bytes) -> None:
    title = "Titel " + NASTY[0] + " " + NASTY[5]
    props = docx.Document(io.BytesIO(booklet)).core_properties
    assert props.title == title
    assert props.subject == clean(NASTY[2] + " " + NASTY[6])  # the records' characters
    assert props.author == NASTY[4]
    footers = [v for k, v in parse_all(booklet).items() if k.startswith("word/footer")]
    printed = _expected(title)
    assert any(printed in "".join(t.text or "" for t in f.iter(f"{W}t")) for f in footers)


def test_no_illegal_characters_anywhere(booklet: bytes) -> None:
    for name, blob in members(booklet).items():
        if name.endswith(".xml"):
            text = blob.decode("utf-8")
            assert not any(ord(c) < 32 and c not in "\t\n\r" for c in text), name
