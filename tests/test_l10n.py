"""Dates and numbers as publications print them, in English and Dutch (through Babel)."""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable
from typing import Any

import pytest

from copharvest import l10n

DAY = dt.date(2010, 3, 9)

CASES: list[tuple[Callable[..., str], tuple[Any, ...], str]] = [
    (l10n.format_date, (dt.date(2011, 5, 1), "LLLL y", "nl"), "mei 2011"),
    (l10n.format_date, (dt.date(2011, 5, 1), "LLLL y", "en"), "May 2011"),
    (l10n.format_date, (DAY, "d MMMM y", "nl"), "9 maart 2010"),
    (l10n.format_date, (DAY, "d MMMM y", "en"), "9 March 2010"),
    (l10n.format_date, (DAY, "MMM y", "nl"), "mrt 2010"),
    (l10n.format_date, (dt.date(2010, 10, 9), "MMM y", "en"), "Oct 2010"),
    (l10n.format_date, (DAY, "d MMMM", "en"), "9 March"),
    (l10n.format_date, (DAY, "EEEE d MMMM y", "nl"), "dinsdag 9 maart 2010"),
    (l10n.format_count, (1234567, "nl"), "1.234.567"),
    (l10n.format_count, (1234567, "en"), "1,234,567"),
    (l10n.format_count, (-1000, "nl"), "-1.000"),
    (l10n.format_decimal, (1234.5678, "nl"), "1.234,568"),
    (l10n.format_decimal, (1234.5678, "en"), "1,234.568"),
    (l10n.format_decimal, (0.125, "en", "#,##0.##"), "0.12"),  # half to even
    (l10n.format_decimal, (-0.0, "nl"), "-0"),
    (l10n.format_ratio, (2 / 3, "nl"), "0,67"),
    (l10n.format_ratio, (1.7, "en"), "1.7"),
    (l10n.format_ratio, (12.0, "nl"), "12"),
    (l10n.format_share, (0.3, "nl"), "30%"),
    (l10n.format_share, (0.125, "en"), "12%"),
    (l10n.format_share, (0.135, "nl"), "14%"),
    (l10n.format_share, (1.0, "en"), "100%"),
    (l10n.format_list, (["a", "b", "c"], "nl"), "a, b en c"),
    (l10n.format_list, (["a", "b", "c"], "en"), "a, b, and c"),
    (l10n.format_list, (["a", "b"], "en"), "a and b"),
    (l10n.format_list, (["a", "b"], "nl"), "a en b"),
    (l10n.format_list, (["a"], "en"), "a"),
    (l10n.plural_form, (1, "nl"), "one"),
    (l10n.plural_form, (0, "en"), "other"),
    (l10n.plural_form, (2, "nl_BE"), "other"),
    (l10n.plural_form, (2, "pl"), "few"),
]


@pytest.mark.parametrize(
    ("function", "args", "expected"), CASES, ids=[f"{f.__name__}{a}" for f, a, _ in CASES]
)
def test_printed_as_in_the_booklet(
    function: Callable[..., str], args: tuple[Any, ...], expected: str
) -> None:
    assert function(*args) == expected


@pytest.mark.parametrize(("locale", "language"), [("nl_NL", "nl"), ("nl-BE", "nl"), ("EN", "en")])
def test_language_of(locale: str, language: str) -> None:
    assert l10n.language_of(locale) == language
