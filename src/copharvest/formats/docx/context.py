"""The render context: the Harvest view model as the plain data a template sees.

Every string is made safe for WordprocessingML here: characters XML 1.0 forbids are
dropped (vertical tab and form feed, which docxtpl would turn into a new paragraph or
a page break, become line breaks), and carriage returns become newlines; so are the
private-use characters that mark record text (see below). Autoescaping in the template
takes care of ``<``, ``&`` and ``]]>``.

The records' own text (:data:`RECORD_TEXT`: titles, narrative, quotes, lessons, names,
not the labels, dates and numbers) gets typographic quotes and apostrophes in the
records' language. When the booklet is built in another language than the records',
each record text is also enclosed in :data:`START` ... :data:`END`, so that after
rendering its runs can be tagged with the records' language (formats/docx/language.py,
which removes the marks).
"""

from __future__ import annotations

import operator
import re
from collections.abc import Callable, Mapping
from typing import TYPE_CHECKING, Any

if TYPE_CHECKING:
    from copharvest.views import Harvest

Spec = Mapping[str, "Spec | bool | Callable[[dict[str, Any], Mapping[str, str]], Spec]"]
"""Which keys of the context hold a kind of text: ``True`` for every string in the value,
a spec for the keys of a mapping (of each item of a list), or a function that gives the
spec of a mapping from the mapping and the labels."""

EXTRA_LABELS: dict[str, dict[str, str]] = {
    "en": {
        "key_figures": "Key figures",
        "pigeon_loft_index": "Pigeon-loft index (0% = the same people every time)",
        "core_share": "Core members among those who took part",
        "asymmetry": "Ratio between groups in sessions attended (highest / lowest)",
        "exposure": "Mean share of all sessions attended",
        "organisations": "Organisations",
    },
    "nl": {
        "key_figures": "Kerncijfers",
        "pigeon_loft_index": "Duiventilindex (0% = steeds dezelfde mensen)",
        "core_share": "Vaste kern onder wie deelnam",
        "asymmetry": "Verhouding tussen groepen in bijgewoonde bijeenkomsten (hoogste / laagste)",
        "exposure": "Gemiddeld deel van alle bijeenkomsten bijgewoond",
        "organisations": "Organisaties",
    },
}
"""Words the booklet needs beyond the core labels; a domain pack's labels win."""

START = "\ue000"
"""Marks the start of a record text in the render context (a private-use character)."""
END = "\ue001"
"""Marks its end; a sentence's last punctuation stays after it, so that a template can
still test how a text ends (``lesson.title[-1:]``)."""

_UNSAFE = re.compile(
    "[\x00-\x08\x0b\x0c\x0d\x0e-\x1f\x7f-\x9f\ud800-\udfff\ufffe\uffff\ue000\ue001]"
)
_BREAKS = str.maketrans({"\x0b": "\n", "\x0c": "\n"})


def clean(text: str) -> str:
    """``text`` with only characters that WordprocessingML can hold."""
    if _UNSAFE.search(text) is None:
        return text
    text = text.replace("\r\n", "\n").replace("\r", "\n").translate(_BREAKS)
    return _UNSAFE.sub("", text)


_SCALARS = frozenset({int, float, bool, type(None)})
"""Types whose values go into the context as they are."""
_CONVERTERS: dict[type, Callable[[Any], Any]] = {}
"""A converter for each attrs class met, made the first time."""
_KEYS: dict[str, str] = {}
"""Mapping keys already cleaned: the metrics repeat the same few in every row."""


# Every character _UNSAFE matches is one str.isprintable() rejects (control, surrogate or
# noncharacter), so a printable string is safe without the regular expression: most are.
# The inline tests below spare a call of _plain for each string and number.


def _plain(value: Any) -> Any:
    """View-model value -> JSON-able data with clean text (attrs.asdict, faster)."""
    kind = type(value)
    if kind is str:
        return value if value.isprintable() or _UNSAFE.search(value) is None else clean(value)
    if kind is tuple or kind is list:
        return [
            v if (t := type(v)) in _SCALARS or (t is str and v.isprintable()) else _plain(v)
            for v in value
        ]
    converter = _CONVERTERS.get(kind)
    if converter is not None:
        return converter(value)
    if kind in _SCALARS:
        return value
    if kind is dict:
        return {
            (_KEYS.get(k) or _key(k) if type(k) is str else clean(str(k))): v
            if (t := type(v)) in _SCALARS or (t is str and v.isprintable())
            else _plain(v)
            for k, v in value.items()
        }
    if isinstance(value, str):
        return clean(str(value))
    if isinstance(value, Mapping):
        return {clean(str(k)): _plain(v) for k, v in value.items()}
    import attrs

    if not attrs.has(kind):
        return value
    _CONVERTERS[kind] = _converter(tuple(f.name for f in attrs.fields(kind)))
    return _plain(value)


def _key(key: str) -> str:
    cleaned = _KEYS[key] = clean(key)
    return cleaned


def _converter(names: tuple[str, ...]) -> Callable[[Any], dict[str, Any]]:
    """An attrs instance with these fields -> a dict of its fields' plain values."""
    if len(names) != 1:
        # attrgetter reads every field in one call (a tuple; none for no fields)
        values = operator.attrgetter(*names) if names else lambda value: ()
    else:
        read = operator.attrgetter(names[0])

        def values(value: Any) -> tuple[Any, ...]:
            return (read(value),)

    def convert(value: Any) -> dict[str, Any]:
        return {
            name: v if (t := type(v)) in _SCALARS or (t is str and v.isprintable()) else _plain(v)
            for name, v in zip(names, values(value), strict=True)
        }

    return convert


def labels_for_booklet(harvest: Harvest) -> dict[str, str]:
    """The harvest's labels plus the booklet's own words in its language."""
    language = harvest.locale.replace("-", "_").split("_")[0]
    return {**EXTRA_LABELS["en"], **EXTRA_LABELS.get(language, {}), **harvest.labels}


_BLOCKS: Spec = {"runs": {"text": True}, "items": {"text": True}}
_LESSON: Spec = {"title": True, "text": True}
_QUOTE: Spec = {"text": True, "speaker": True, "attribution": True}
_TABLE_TEXT: Spec = {"title": True, "left_label": True, "right_label": True, "rows": True}


def _record_table(table: dict[str, Any], labels: Mapping[str, str]) -> Spec:
    """A table of the records: its own text, not the default headings (labels)."""
    if table.get("from_pack"):
        return {}
    return {
        key: True
        for key in _TABLE_TEXT
        if key not in ("left_label", "right_label")
        or table.get(key) not in (labels.get("from"), labels.get("to"))
    }


def _pack_table(table: dict[str, Any], labels: Mapping[str, str]) -> Spec:
    return _TABLE_TEXT if table.get("from_pack") else {}


_TABLE = _record_table
_READING: Spec = {"title": True, "authors": True, "note": True, "presented_by": True}


def _record_content(item: dict[str, Any], labels: Mapping[str, str]) -> Spec:
    """The records' own text of one piece of a chapter's content (not the labels a
    piece falls back on for its heading, nor the pack's text)."""
    kind = item.get("kind")
    own_title = {"title": True} if item.get("title") else {}
    if kind == "passage":
        return {"text": _BLOCKS}
    if kind == "quote":
        return {"quote": _QUOTE}
    if kind == "box":
        box: dict[str, Any] = {"text": _BLOCKS, "lessons": _LESSON, "tips": _LESSON}
        return {**box, "title": True} if item.get("titled") else box
    if kind == "table":
        return {"table": _TABLE}
    if kind == "picture":
        return {"caption": True, "picture": {"alt_text": True}}
    if kind == "figure":
        chart = item.get("chart") or {}
        return {"caption": True} if item.get("caption") != chart.get("title") else {}
    if kind == "readings":
        readings: dict[str, Any] = {"readings": _READING}
        return (
            {**readings, **own_title} if item.get("title") != labels.get("readings") else readings
        )
    if kind == "key_questions":
        return own_title if item.get("title") != labels.get("questions") else {}
    return own_title  # continuity: the editor's heading, if any


def _pack_content(item: dict[str, Any], labels: Mapping[str, str]) -> Spec:
    """The pack's text in a piece of content: its key questions, its tables."""
    if item.get("kind") == "key_questions":
        return {"questions": True}
    if item.get("kind") == "table":
        return {"table": _pack_table}
    return {}


_GUEST: Spec = {"name": True, "description": True}
_SESSION: Spec = {
    "title": True,
    "place": True,
    "guests": _GUEST,
    "programme": True,
    "notes": _BLOCKS,
}
_CHAPTER: Spec = {
    "title": True,
    "content": _record_content,
    "blocks": _BLOCKS,
    "lessons": _LESSON,
    "tips": _LESSON,
    "insights": _LESSON,
    "quotes": _QUOTE,
    "tables": _TABLE,
}


def _default_part_title(part: dict[str, Any], labels: Mapping[str, str]) -> bool:
    return part.get("title") == labels.get(f"part_{part.get('number')}")


def _record_part(part: dict[str, Any], labels: Mapping[str, str]) -> Spec:
    """A part's introduction and chapters, and its title when the records give it."""
    own: Spec = {} if _default_part_title(part, labels) else {"title": True}
    return {**own, "intro": _BLOCKS, "chapters": _CHAPTER}


def _pack_part(part: dict[str, Any], labels: Mapping[str, str]) -> Spec:
    """A part's default title, and the pack's text in its chapters' content."""
    own: Spec = {"title": True} if _default_part_title(part, labels) else {}
    return {**own, "chapters": {"content": _pack_content}}


RECORD_TEXT: Spec = {
    "title": True,
    "subtitle": True,
    "colophon": {
        **dict.fromkeys(
            ("publisher", "address", "text_by", "editors", "contributors", "thanks", "place"),
            True,
        ),
        "inspirators": _GUEST,
    },
    "intro": _BLOCKS,
    "parts": _record_part,
    "continuity": {"sessions": _SESSION, "organisations": {"name": True}, "buddies": True},
    "tables": _TABLE,
    "loose_lessons": _LESSON,
    "loose_quotes": _QUOTE,
    "sessions": _SESSION,
    "readings": _READING,
}
"""Where the render context holds the records' own text: ``True`` for every string in
that value, a mapping for the keys of a mapping (the same for each item of a list)."""

_FINDING: Spec = {"title": True, "explanation": True, "evidence": True}
PACK_TEXT: Spec = {
    "pack_title": True,
    "parts": _pack_part,
    "continuity": {
        "title": True,
        "intro": True,
        "summary": True,
        "flags": True,
        "sessions": {"theme": True},
    },
    "sessions": {"theme": True},
    "building_lessons": _FINDING,
    "plugin_findings": _FINDING,
    "insights": {"title": True, "text": True},
    "building_lesson_groups": {"title": True, "lessons": _FINDING},
    "insight_groups": {"title": True, "insights": {"title": True, "text": True}},
    "questions": True,
    "tables": _pack_table,
}
"""The text that the domain pack and copharvest write in the build's language (the
labels excepted, which are copharvest's own): typographic quotes in that language."""

_CLOSING = ".:;,?!\u2026"


def _mark(text: str) -> str:
    """``text`` between the record-text marks, its final punctuation after them."""
    core = text.rstrip(_CLOSING)
    if not core.strip():
        return text
    return f"{START}{core}{END}{text[len(core) :]}"


def _each_text(value: Any, spec: Any, change: Callable[[str], str], labels: Any) -> Any:
    """``value`` with ``change`` applied to the strings ``spec`` selects."""
    if isinstance(value, list):
        return [_each_text(item, spec, change, labels) for item in value]
    if spec is True:
        return change(value) if isinstance(value, str) and value else value
    if callable(spec) and isinstance(value, dict):
        spec = spec(value, labels)
    if isinstance(value, dict) and isinstance(spec, dict):
        for key, sub in spec.items():
            if key in value:
                value[key] = _each_text(value[key], sub, change, labels)
    return value


def render_context(harvest: Harvest, *, mark_languages: bool = False) -> dict[str, Any]:
    """The exact JSON-able context the booklet template is rendered with.

    It is the Harvest view model (docs/templates.md lists every key) plus ``internal``;
    at render time each chart also gets an ``image``. ``mark_languages``: enclose the
    record texts in :data:`START` ... :data:`END` when they are in another language than
    the labels (the renderer does; the printed context does not).
    """
    from copharvest.formats.docx.quotes import typographic
    from copharvest.l10n import language_of

    data: dict[str, Any] = _plain(harvest)
    data["labels"] = _plain(labels_for_booklet(harvest))
    data["internal"] = harvest.audience == "internal"
    content = language_of(harvest.content_locale or harvest.locale)
    marked = mark_languages and content != language_of(harvest.locale)

    def change(text: str) -> str:
        text = typographic(text, content)
        return _mark(text) if marked else text

    build = language_of(harvest.locale)
    labels = data["labels"]
    data = _each_text(data, PACK_TEXT, lambda text: typographic(text, build), labels)
    result: dict[str, Any] = _each_text(data, RECORD_TEXT, change, labels)
    return result
