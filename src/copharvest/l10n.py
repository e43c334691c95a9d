"""Dates and numbers in the words of a locale, without loading CLDR data for English and Dutch.

Publications print a handful of date patterns (``"LLLL y"``, ``"d MMMM y"``,
``"d MMMM"``, ``"MMM y"``) and decimals (the locale's standard pattern
``"#,##0.###"`` and ``"#,##0.##"``). For ``en`` and ``nl``, the languages the labels
exist in, these come from the tables below, which hold what CLDR (through babel)
gives; the tests compare both for every month and a range of numbers. Any other
locale or pattern is handed to babel, imported only then: loading its locale data
costs more than the rest of a small build's view model.
"""

from __future__ import annotations

import datetime as dt
import decimal
from typing import Final

_MONTHS: Final[dict[str, dict[str, tuple[str, ...]]]] = {
    "en": {
        "wide": (
            "January",
            "February",
            "March",
            "April",
            "May",
            "June",
            "July",
            "August",
            "September",
            "October",
            "November",
            "December",
        ),
        "abbreviated": (
            "Jan",
            "Feb",
            "Mar",
            "Apr",
            "May",
            "Jun",
            "Jul",
            "Aug",
            "Sep",
            "Oct",
            "Nov",
            "Dec",
        ),
    },
    "nl": {
        "wide": (
            "januari",
            "februari",
            "maart",
            "april",
            "mei",
            "juni",
            "juli",
            "augustus",
            "september",
            "oktober",
            "november",
            "december",
        ),
        "abbreviated": (
            "jan",
            "feb",
            "mrt",
            "apr",
            "mei",
            "jun",
            "jul",
            "aug",
            "sep",
            "okt",
            "nov",
            "dec",
        ),
    },
}
"""Month names by locale: ``wide`` (``MMMM``, and ``LLLL``, which is the same word in
both languages) and ``abbreviated`` (``MMM``)."""

_DATE_PATTERNS: Final[dict[str, tuple[str, str]]] = {
    "LLLL y": ("wide", "{month} {year}"),
    "d MMMM y": ("wide", "{day} {month} {year}"),
    "d MMMM": ("wide", "{day} {month}"),
    "MMM y": ("abbreviated", "{month} {year}"),
}
"""The date patterns the tables cover: which month names, and how the parts are laid out."""

_SEPARATORS: Final[dict[str, tuple[str, str]]] = {"en": (",", "."), "nl": (".", ",")}
"""(group, decimal) separator by locale; both languages write the minus sign as ``-``."""

_FRACTION_DIGITS: Final[dict[str | None, int]] = {None: 3, "#,##0.###": 3, "#,##0.##": 2}
"""The most fraction digits of each decimal pattern the tables cover (none: the locale's
standard pattern, which is ``#,##0.###`` in both languages)."""

_QUANTUM: Final[dict[int, decimal.Decimal]] = {
    digits: decimal.Decimal(10) ** -digits for digits in (2, 3)
}

_INT_LIMIT: Final = 10**24
"""Below this, an integer is written out directly. Rounding a larger one may exceed the
decimal context's precision (28 digits by default), so it takes the general path, which
fails where babel does."""


def format_date(day: dt.date, pattern: str, locale: str) -> str:
    """``day`` in the CLDR date ``pattern`` of ``locale``, as babel would write it."""
    tables = _MONTHS.get(locale)
    layout = _DATE_PATTERNS.get(pattern)
    if tables is None or layout is None:
        from babel.dates import format_date as babel_format_date

        return babel_format_date(day, pattern, locale=locale)
    names, template = layout
    return template.format(day=day.day, month=tables[names][day.month - 1], year=day.year)


def format_decimal(number: float | decimal.Decimal, locale: str, pattern: str | None = None) -> str:
    """``number`` in the decimal ``pattern`` (default: the locale's), as babel would write it.

    As in babel, the number is rounded half to even to the pattern's fraction digits
    (in the current decimal context), trailing zeros are dropped, and a negative number,
    negative zero included, gets a ``-``.
    """
    separators = _SEPARATORS.get(locale)
    digits = _FRACTION_DIGITS.get(pattern)
    if separators is None or digits is None:
        return _babel_decimal(number, locale, pattern)
    group, point = separators
    if type(number) is int and -_INT_LIMIT < number < _INT_LIMIT:
        sign = "-" if number < 0 else ""
        return sign + _grouped(str(abs(number)), group)
    value = number if isinstance(number, decimal.Decimal) else decimal.Decimal(str(number))
    if not value.is_finite():
        return _babel_decimal(number, locale, pattern)
    sign = "-" if value.is_signed() else ""
    rounded = abs(value).normalize().quantize(_QUANTUM[digits])
    whole, _, fraction = f"{rounded:f}".partition(".")
    fraction = fraction.rstrip("0")
    return sign + _grouped(whole, group) + (point + fraction if fraction else "")


def _grouped(digits: str, separator: str) -> str:
    """``digits`` in groups of three from the right."""
    if len(digits) <= 3:
        return digits
    head = len(digits) % 3 or 3
    return separator.join(
        [digits[:head], *(digits[i : i + 3] for i in range(head, len(digits), 3))]
    )


def _babel_decimal(number: float | decimal.Decimal, locale: str, pattern: str | None) -> str:
    from babel.numbers import format_decimal as babel_format_decimal

    return str(babel_format_decimal(number, format=pattern, locale=locale))


# --- the one formatting path of published numbers -------------------------------------
# Every number a publication prints goes through format_count, format_share or
# format_ratio (all on top of format_decimal), so that "1,7" and "30%" are written the
# same way in the text, the tables and the charts.


def format_count(n: int, locale: str) -> str:
    """A whole number: ``1.234`` / ``1,234``."""
    return format_decimal(n, locale)


def format_share(value: float, locale: str) -> str:
    """A share between 0 and 1 as a whole percentage, as babel's ``format_percent``."""
    if language_of(locale) not in _SEPARATORS:
        from babel.numbers import format_percent

        return str(format_percent(value, locale=locale))
    percent = (decimal.Decimal(str(value)) * 100).quantize(decimal.Decimal(1))
    return format_decimal(int(percent), locale) + "%"


def format_ratio(value: float, locale: str, digits: int = 2) -> str:
    """A ratio or index rounded to at most ``digits`` decimals: ``0,58``, ``1,7``."""
    return format_decimal(round(value, digits), locale, "#,##0.##")


def language_of(locale: str) -> str:
    """The language part of a locale: ``nl`` for ``nl_NL`` or ``nl-BE``."""
    return locale.replace("-", "_").split("_")[0].lower()


def plural_form(n: int, locale: str) -> str:
    """The CLDR plural category of the whole number ``n`` in ``locale`` (``one``, ``other``,
    and in other languages ``zero``, ``two``, ``few``, ``many``), as babel's
    ``Locale.parse(locale).plural_form(n)``. English and Dutch share the rule "one for 1,
    else other" (a test compares it with babel); other languages ask babel."""
    if language_of(locale) in _SEPARATORS:
        return "one" if n == 1 else "other"
    from babel import Locale

    return str(Locale.parse(locale.replace("-", "_")).plural_form(n))


_LIST_WORDS: Final[dict[str, str]] = {"en": ", and ", "nl": " en "}
"""The joint before the last item of a list of three or more (babel's ``format_list``);
for two items English drops the comma."""


def format_list(items: list[str] | tuple[str, ...], locale: str) -> str:
    """``a, b en c`` / ``a, b, and c``, as babel's ``format_list`` (standard style)."""
    lang = language_of(locale)
    if lang not in _LIST_WORDS:
        from babel.lists import format_list as babel_format_list

        return str(babel_format_list(list(items), locale=locale))
    if len(items) <= 1:
        return "".join(items)
    last = _LIST_WORDS[lang] if len(items) > 2 else _LIST_WORDS[lang].lstrip(",")
    return ", ".join(items[:-1]) + last + items[-1]
