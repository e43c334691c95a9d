"""The render context: the Harvest view model as the plain data a template sees.

Every string is made safe for WordprocessingML here: characters XML 1.0 forbids are
dropped (vertical tab and form feed, which docxtpl would turn into a new paragraph or
a page break, become line breaks), and carriage returns become newlines. Nothing else
changes: autoescaping in the template takes care of ``<``, ``&`` and ``]]>``.
"""

from __future__ import annotations

import operator
import re
from collections.abc import Callable, Mapping
from typing import TYPE_CHECKING, Any

if TYPE_CHECKING:
    from copharvest.views import Harvest

EXTRA_LABELS: dict[str, dict[str, str]] = {
    "en": {
        "key_figures": "Key figures",
        "pigeon_loft_index": "Pigeon-loft index (0% = the same people every time)",
        "core_share": "Core members among those who took part",
        "asymmetry": "Ratio between groups in sessions attended (highest / lowest)",
        "exposure": "Mean share of all sessions attended",
        "organisations": "Organisations",
        "questions": "Key questions",
        "more": "More lessons and voices",
    },
    "nl": {
        "key_figures": "Kerncijfers",
        "pigeon_loft_index": "Duiventilindex (0% = steeds dezelfde mensen)",
        "core_share": "Vaste kern onder wie deelnam",
        "asymmetry": "Verhouding tussen groepen in bijgewoonde bijeenkomsten (hoogste / laagste)",
        "exposure": "Gemiddeld deel van alle bijeenkomsten bijgewoond",
        "organisations": "Organisaties",
        "questions": "Kernvragen",
        "more": "Meer lessen en citaten",
    },
}
"""Words the booklet needs beyond the core labels; a domain pack's labels win."""

_UNSAFE = re.compile("[\x00-\x08\x0b\x0c\x0d\x0e-\x1f\x7f-\x9f\ud800-\udfff\ufffe\uffff]")
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


def render_context(harvest: Harvest) -> dict[str, Any]:
    """The exact JSON-able context the booklet template is rendered with.

    It is the Harvest view model (docs/templates.md lists every key) plus ``internal``;
    at render time each chart also gets an ``image``.
    """
    data: dict[str, Any] = _plain(harvest)
    data["labels"] = _plain(labels_for_booklet(harvest))
    data["internal"] = harvest.audience == "internal"
    result = data
    return result
