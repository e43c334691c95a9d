"""One language per text, and typographic quotes in it.

The records are in the community's language, the labels in the build's: every run of
record text carries the records' language and every label the build's. The record text
of the booklet (docx, and so pdf) has curly quotes and apostrophes; markdown and json
keep the records' characters.
"""

from __future__ import annotations

import io
import re
import zipfile
from pathlib import Path

import pytest
from click.testing import CliRunner
from hypothesis import example, given
from hypothesis import strategies as st
from lxml import etree

import copharvest
from conftest import EXAMPLES
from copharvest.cli import cli
from copharvest.formats.docx.context import END, START
from copharvest.formats.docx.quotes import typographic
from copharvest.labels import labels_for

W = "{http://schemas.openxmlformats.org/wordprocessingml/2006/main}"
EXAMPLE = EXAMPLES / "wijkenaanpak-2009-2011"
# what keeps its straight quotes: web and e-mail addresses and paths
ADDRESS = re.compile(r"(?:https?://|www\.)\S+|\S+@\S+\.\w+|\S*/\S*\.\w{1,5}")


@pytest.mark.parametrize(
    ("language", "text", "expected"),
    [
        ("nl", "collega's", "collega\u2019s"),
        ("nl", "zo'n bijeenkomst", "zo\u2019n bijeenkomst"),
        ("nl", "'niet voor het boekje'", "\u2018niet voor het boekje\u2019"),
        ("nl", 'zij zei "x".', "zij zei \u201cx\u201d."),
        ("nl", "'s-Hertogenbosch", "\u2019s-Hertogenbosch"),
        ("nl", "op 't plein, 'n keer", "op \u2019t plein, \u2019n keer"),
        ("nl", "de jaren '80", "de jaren \u201980"),
        ("nl", "('s avonds)", "(\u2019s avonds)"),
        ("nl", "'schip'", "\u2018schip\u2019"),
        (
            "en",
            "'tis the residents' 'life world'",
            "\u2019tis the residents\u2019 \u2018life world\u2019",
        ),
        ("en", "don't", "don\u2019t"),
        ("en", "'s-Hertogenbosch", "\u2018s-Hertogenbosch"),  # not an English elision
        (
            "nl",
            "zie 'https://example.org/O'Reilly'.",
            "zie \u2018https://example.org/O'Reilly\u2019.",
        ),
        ("nl", 'mail "a.o\'b@example.nl"', "mail \u201ca.o'b@example.nl\u201d"),
        ("nl", "in ./docs/it's.md staat 't", "in ./docs/it's.md staat \u2019t"),
        ("nl", "zonder aanhalingstekens", "zonder aanhalingstekens"),
    ],
)
def test_typographic_quotes(language: str, text: str, expected: str) -> None:
    assert typographic(text, language) == expected


def _build(folder: Path, out: Path, *args: str) -> str:
    result = CliRunner().invoke(cli, ["build", str(folder), "-o", str(out), "-q", *args])
    assert result.exit_code == 0, result.output
    return result.output


def _parts(path: Path) -> dict[str, etree._Element]:
    with zipfile.ZipFile(io.BytesIO(path.read_bytes())) as archive:
        return {
            name: etree.fromstring(archive.read(name))
            for name in archive.namelist()
            if name.startswith("word/") and name.endswith(".xml")
        }


@pytest.fixture(scope="module")
def english(tmp_path_factory: pytest.TempPathFactory) -> tuple[dict[str, etree._Element], str]:
    """The Dutch example built in English."""
    out = tmp_path_factory.mktemp("language") / "en.docx"
    output = _build(EXAMPLE, out, "--locale", "en", "--no-charts")
    return _parts(out), output


def _runs(parts: dict[str, etree._Element]) -> list[tuple[str, str | None]]:
    """(text, language) of every run with text in the body, headers and footers."""
    runs = []
    for name, root in parts.items():
        if name == "word/document.xml" or re.match(r"word/(header|footer)\d*\.xml", name):
            for run in root.iter(f"{W}r"):
                text = "".join(t.text or "" for t in run.iter(f"{W}t"))
                lang = run.find(f"{W}rPr/{W}lang")
                if text.strip():
                    runs.append((text, None if lang is None else lang.get(f"{W}val")))
    return runs


def _record_texts() -> set[str]:
    """Whole texts of the example's records, as the booklet prints them."""
    community = copharvest.load(EXAMPLE)
    texts = {community.name, community.subtitle}
    texts |= {chapter.title for chapter in community.chapters}
    texts |= {quote.text for quote in community.quotes}
    texts |= {lesson.title for lesson in community.lessons if lesson.title}
    texts |= {organisation.name for organisation in community.organisations}
    return {typographic(t, "nl") for t in texts if t}


def test_record_text_has_the_records_language_and_labels_the_builds(
    english: tuple[dict[str, etree._Element], str],
) -> None:
    parts, _ = english
    defaults = parts["word/styles.xml"].find(f"{W}docDefaults/{W}rPrDefault/{W}rPr/{W}lang")
    assert defaults.get(f"{W}val") == "en-GB"
    records = _record_texts()
    labels = {v for v in labels_for("en", {}).values() if len(v) > 3 and "{" not in v}
    runs = _runs(parts)
    as_record = [(t, lang) for t, lang in runs if t.strip(" .") in records]
    as_label = [(t, lang) for t, lang in runs if t.strip(" :") in labels]
    assert len(as_record) > 50
    assert len(as_label) > 15
    assert all(lang == "nl-NL" for _, lang in as_record), [r for r in as_record if r[1] != "nl-NL"]
    assert all(lang in (None, "en-GB") for _, lang in as_label), [
        r for r in as_label if r[1] not in (None, "en-GB")
    ]
    # the footer's title is record text too
    footers = [t for n, root in parts.items() if "footer" in n for t in _runs({n: root})]
    assert ("Samen inspireren, leren en sturen", "nl-NL") in footers


def test_building_in_another_language_warns_once(
    english: tuple[dict[str, etree._Element], str],
) -> None:
    _, output = english
    lines = [line for line in output.splitlines() if "only the labels" in line]
    assert len(lines) == 1, output
    assert lines[0].startswith("warning: ")


def test_a_build_in_the_records_language_tags_no_run(tmp_path: Path) -> None:
    out = tmp_path / "nl.docx"
    output = _build(EXAMPLE, out, "--no-charts")
    assert "only the labels" not in output
    assert all(lang is None for _, lang in _runs(_parts(out)))


@pytest.mark.parametrize("locale", ["nl", "en"])
def test_no_straight_quotes_in_the_booklets_text(tmp_path: Path, locale: str) -> None:
    out = tmp_path / "booklet.docx"
    _build(EXAMPLE, out, "--no-charts", "--locale", locale)
    straight = [
        text
        for text, _ in _runs(_parts(out))
        if "'" in ADDRESS.sub("", text) or '"' in ADDRESS.sub("", text)
    ]
    assert not straight
    # the example's records do have them: over a hundred
    typed = sum(p.read_text(encoding="utf-8").count("'") for p in EXAMPLE.glob("*.yaml"))
    assert typed > 100


@pytest.mark.parametrize(("fmt", "suffix"), [("markdown", "md"), ("json", "json")])
def test_markdown_and_json_keep_the_records_characters(
    tmp_path: Path, fmt: str, suffix: str
) -> None:
    out = tmp_path / f"booklet.{suffix}"
    _build(EXAMPLE, out, "-f", fmt, "--no-charts")
    text = out.read_text(encoding="utf-8")
    assert "collega's" in text or "collega\\u0027s" in text
    assert START not in text
    assert END not in text


def test_marks_in_the_records_never_reach_the_booklet(starter: Path, tmp_path: Path) -> None:
    chapters = starter / "chapters.yaml"
    text = chapters.read_text(encoding="utf-8")
    marked = text.replace("How we work", f"How {START}we{END} work{END}", 1)
    assert marked != text
    chapters.write_text(marked, encoding="utf-8")
    out = tmp_path / "nl.docx"
    _build(starter, out, "--no-charts", "--locale", "nl")
    with zipfile.ZipFile(out) as archive:
        xml = "".join(archive.read(n).decode() for n in archive.namelist() if n.endswith(".xml"))
    assert START not in xml
    assert END not in xml
    assert "How we work" in xml


def test_runs_are_split_at_the_marks_and_keep_their_formatting() -> None:
    from copharvest.formats.docx.language import strip_marks, tag_languages

    ns = "http://schemas.openxmlformats.org/wordprocessingml/2006/main"
    paragraph = etree.fromstring(
        f'<w:p xmlns:w="{ns}"><w:r><w:rPr><w:b/></w:rPr>'
        f"<w:t>Label: {START}eerste{END}, {START}twee</w:t></w:r>"
        f"<w:r><w:t>de{END}.</w:t></w:r>"
        f'<w:r><w:drawing><x descr="{START}alt{END}"/></w:drawing></w:r></w:p>'
    )
    assert tag_languages(paragraph, "nl-NL") == 3
    strip_marks(paragraph)
    runs = [
        (
            "".join(t.text or "" for t in r.iter(f"{W}t")),
            r.find(f"{W}rPr/{W}lang").get(f"{W}val")
            if r.find(f"{W}rPr/{W}lang") is not None
            else None,
            r.find(f"{W}rPr/{W}b") is not None,
        )
        for r in paragraph.iter(f"{W}r")
        if r.find(f"{W}t") is not None
    ]
    assert runs == [
        ("Label: ", None, True),
        ("eerste", "nl-NL", True),
        (", ", None, True),
        ("twee", "nl-NL", True),
        ("de", "nl-NL", False),
        (".", None, False),
    ]
    xml = etree.tostring(paragraph, encoding="unicode")
    assert START not in xml
    assert END not in xml
    assert 'descr="alt"' in xml


def _typographic_everywhere(text: str, language: str) -> str:
    """The quotes of ``text`` as typographic sets them, searching every text for
    addresses and paths (typographic skips the search where none can be)."""
    from copharvest.formats.docx import quotes

    elisions = quotes.ELISIONS.get(language, quotes.ELISIONS["en"])
    kept = [False] * len(text)
    for match in quotes._PROTECTED.finditer(text):
        kept[match.start() : match.end()] = [True] * (match.end() - match.start())
    out = list(text)
    for i, ch in enumerate(text):
        if not kept[i] and ch == "'":
            out[i] = quotes._single(text, i, elisions)
        elif not kept[i] and ch == '"':
            out[i] = quotes._double(text, i)
    return "".join(out)


@given(
    text=st.lists(
        st.sampled_from(
            ["a", "b1", " ", "'", '"', "/", "@", "\\", ".", ":", "www.", "(", "-", "é"]
        ),
        max_size=24,
    ).map("".join),
    language=st.sampled_from(["nl", "en"]),
)
@example(text="mail a'b@c.nl 'x'", language="nl")
@example(text="in ./it's.md 't", language="nl")
@example(text="C:\\it's 'x'", language="en")
@example(text="www.o'reilly.com 'x'", language="en")
def test_typographic_quotes_search_addresses_only_where_they_can_be(
    text: str, language: str
) -> None:
    assert typographic(text, language) == _typographic_everywhere(text, language)
