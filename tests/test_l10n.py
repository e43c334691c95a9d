"""The built-in date and number tables of English and Dutch give exactly what babel gives."""

from __future__ import annotations

import datetime as dt
import decimal

import pytest
from babel.dates import format_date as babel_date
from babel.numbers import format_decimal as babel_decimal

from copharvest.l10n import format_date, format_decimal

LOCALES = ("en", "nl")
PATTERNS = ("LLLL y", "d MMMM y", "d MMMM", "MMM y")
DAYS = [
    dt.date(year, month, day)
    for year in (1, 999, 2009, 2011, 2024)
    for month in range(1, 13)
    for day in (1, 9, 28)
]
NUMBERS: list[float | decimal.Decimal] = [
    0,
    1,
    -1,
    7,
    12,
    999,
    1000,
    -1000,
    12345,
    1234567,
    -987654321,
    10**20,
    -(10**23),
    0.0,
    -0.0,
    0.5,
    0.6,
    0.75,
    0.125,
    0.135,
    0.145,
    0.005,
    0.0049,
    -0.004,
    -0.25,
    1.5,
    2.675,
    3.14159,
    12.0,
    -12.345,
    1234.5678,
    -98765.4321,
    1e-7,
    1.5e15,
    -2.5e20,
    round(2 / 3, 2),
    round(2 / 3, 1),
    decimal.Decimal("1234.5675"),
    decimal.Decimal("-0.0005"),
    decimal.Decimal("1E+3"),
]


@pytest.mark.parametrize("locale", LOCALES)
@pytest.mark.parametrize("pattern", PATTERNS)
def test_dates_match_babel(locale: str, pattern: str) -> None:
    for day in DAYS:
        assert format_date(day, pattern, locale) == babel_date(day, pattern, locale=locale), day


@pytest.mark.parametrize("locale", LOCALES)
@pytest.mark.parametrize("pattern", [None, "#,##0.###", "#,##0.##"])
def test_decimals_match_babel(locale: str, pattern: str | None) -> None:
    for number in NUMBERS:
        expected = babel_decimal(number, format=pattern, locale=locale)
        assert format_decimal(number, locale, pattern) == expected, number


@pytest.mark.parametrize("locale", LOCALES)
def test_a_sweep_of_numbers_matches_babel(locale: str) -> None:
    for i in range(-2500, 2500, 7):
        for number in (i, i / 8, i / 1000, i * 1001.001):
            for pattern in (None, "#,##0.##"):
                expected = babel_decimal(number, format=pattern, locale=locale)
                assert format_decimal(number, locale, pattern) == expected, (number, pattern)


@pytest.mark.parametrize("locale", ["de", "fr", "en_GB", "nl_BE"])
def test_other_locales_go_to_babel(locale: str) -> None:
    day = dt.date(2010, 9, 30)
    for pattern in PATTERNS:
        assert format_date(day, pattern, locale) == babel_date(day, pattern, locale=locale)
    for number in (1234567.891, -0.5, 42):
        assert format_decimal(number, locale) == babel_decimal(number, locale=locale)


def test_other_patterns_go_to_babel() -> None:
    day = dt.date(2010, 9, 30)
    assert format_date(day, "EEEE d MMMM y", "nl") == babel_date(day, "EEEE d MMMM y", locale="nl")
    assert format_decimal(1234.5, "en", "#,##0.00") == babel_decimal(
        1234.5, format="#,##0.00", locale="en"
    )


def test_what_babel_cannot_write_fails_as_in_babel() -> None:
    for number in (10**30, decimal.Decimal("1E+40")):
        with pytest.raises(decimal.InvalidOperation):
            babel_decimal(number, locale="en")
        with pytest.raises(decimal.InvalidOperation):
            format_decimal(number, "en")
    for number in (float("inf"), float("-inf")):
        assert format_decimal(number, "nl") == babel_decimal(number, locale="nl")
