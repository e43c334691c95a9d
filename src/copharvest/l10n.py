"""Dates and numbers in the words of a locale, through Babel (CLDR).

Every date and number a publication prints goes through these functions, so that
"1,7" and "30%" are written the same way in the text, the tables and the charts.
Babel is imported when a function is first called, not with this module.
"""

from __future__ import annotations

import datetime as dt
import decimal
import functools
from typing import Any


@functools.cache
def _locale(locale: str) -> Any:
    # Babel parses a locale's name on every call; a publication formats hundreds of numbers
    from babel import Locale

    return Locale.parse(locale.replace("-", "_"))


def format_date(day: dt.date, pattern: str, locale: str) -> str:
    """``day`` in the CLDR date ``pattern`` of ``locale``."""
    from babel.dates import format_date as babel_format_date

    return babel_format_date(day, pattern, locale=_locale(locale))


def format_decimal(number: float | decimal.Decimal, locale: str, pattern: str | None = None) -> str:
    """``number`` in the decimal ``pattern`` (default: the locale's).

    The number is rounded half to even to the pattern's fraction digits (in the current
    decimal context), trailing zeros are dropped, and a negative number, negative zero
    included, gets a ``-``.
    """
    from babel.numbers import format_decimal as babel_format_decimal

    return str(babel_format_decimal(number, format=pattern, locale=_locale(locale)))


def format_count(n: int, locale: str) -> str:
    """A whole number: ``1.234`` / ``1,234``."""
    return format_decimal(n, locale)


def format_share(value: float, locale: str) -> str:
    """A share between 0 and 1 as a whole percentage."""
    from babel.numbers import format_percent

    return str(format_percent(value, locale=_locale(locale)))


def format_ratio(value: float, locale: str, digits: int = 2) -> str:
    """A ratio or index rounded to at most ``digits`` decimals: ``0,58``, ``1,7``."""
    return format_decimal(round(value, digits), locale, "#,##0.##")


def language_of(locale: str) -> str:
    """The language part of a locale: ``nl`` for ``nl_NL`` or ``nl-BE``."""
    return locale.replace("-", "_").split("_")[0].lower()


def plural_form(n: int, locale: str) -> str:
    """The CLDR plural category of the whole number ``n`` in ``locale`` (``one``,
    ``other``, and in other languages ``zero``, ``two``, ``few``, ``many``)."""
    return str(_locale(locale).plural_form(n))


def format_list(items: list[str] | tuple[str, ...], locale: str) -> str:
    """``a, b en c`` / ``a, b, and c`` (the standard style)."""
    from babel.lists import format_list as babel_format_list

    return str(babel_format_list(list(items), locale=_locale(locale)))
