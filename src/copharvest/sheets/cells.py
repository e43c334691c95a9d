"""Reading the values people type into spreadsheet cells: text, dates and marks."""

from __future__ import annotations

import datetime as dt
import difflib
import functools
import re
import unicodedata
from typing import Any

_SPACES = re.compile(r"\s+")


def text(value: Any) -> str | None:
    """A cell as tidy text (spaces collapsed and stripped); ``None`` for an empty cell."""
    if value is None:
        return None
    if isinstance(value, bool):
        return "true" if value else "false"
    if isinstance(value, float) and value.is_integer():
        value = int(value)
    if isinstance(value, dt.datetime):
        value = value.date() if value.time() == dt.time() else value
    if isinstance(value, dt.date):
        return value.isoformat()
    tidy = _SPACES.sub(" ", str(value)).strip()
    return tidy or None


@functools.lru_cache(maxsize=65_536)
def key(value: str) -> str:
    """A matching key: names that differ only in case, accents or spacing are one
    (``"Fátima  el Amrani"`` -> ``"fatima el amrani"``)."""
    decomposed = unicodedata.normalize("NFKD", value)
    bare = "".join(c for c in decomposed if not unicodedata.combining(c))
    return _SPACES.sub(" ", bare).strip().casefold()


def close(a: str, b: str, threshold: float = 0.85) -> bool:
    """Whether two matching keys are nearly the same (a typo, a letter more or less)."""
    matcher = difflib.SequenceMatcher(None, a, b)
    return (
        matcher.real_quick_ratio() >= threshold
        and matcher.quick_ratio() >= threshold
        and matcher.ratio() >= threshold
    )


def slug(value: str) -> str:
    """An id made from a name: ``"Jan de Vries"`` -> ``"jan-de-vries"``."""
    ascii_text = unicodedata.normalize("NFKD", value).encode("ascii", "ignore").decode()
    return re.sub(r"[^a-z0-9]+", "-", ascii_text.lower()).strip("-") or "x"


# Excel counts days from 1899-12-30 (its 1900 leap-year bug included); a serial in this
# range is a date between 1927 and 2119, which covers any community's records.
_EXCEL_EPOCH = dt.date(1899, 12, 30)
_SERIAL_RANGE = (10_000, 80_000)

_MONTHS = {
    name: number
    for number, names in enumerate(
        [
            ("january", "januari", "jan"),
            ("february", "februari", "feb"),
            ("march", "maart", "mar", "mrt"),
            ("april", "apr"),
            ("may", "mei"),
            ("june", "juni", "jun"),
            ("july", "juli", "jul"),
            ("august", "augustus", "aug"),
            ("september", "sep", "sept"),
            ("october", "oktober", "oct", "okt"),
            ("november", "nov"),
            ("december", "dec"),
        ],
        start=1,
    )
    for name in names
}
_ISO = r"(?P<y>\d{4})-(?P<m>\d{1,2})-(?P<d>\d{1,2})"
_DMY = r"(?P<d2>\d{1,2})[-/.](?P<m2>\d{1,2})[-/.](?P<y2>\d{4})"
_MONTH_NAMES = "|".join(sorted(_MONTHS, key=len, reverse=True))
_WORDS = rf"(?P<d3>\d{{1,2}})\s+(?P<mon>{_MONTH_NAMES})\.?\s+(?P<y3>\d{{4}})"
_DATE = re.compile(rf"(?<!\d)(?:{_ISO}|{_DMY}|{_WORDS})(?!\d)", re.IGNORECASE)
DATE_FORMS = "YYYY-MM-DD, D-M-YYYY, '12 maart 2010' or an Excel date"


class CellError(ValueError):
    """A cell that cannot be read; the message is for people."""


def _from_match(match: re.Match[str]) -> dt.date:
    groups = match.groupdict()
    if groups["y"]:
        y, m, d = groups["y"], groups["m"], groups["d"]
    elif groups["y2"]:
        y, m, d = groups["y2"], groups["m2"], groups["d2"]
    else:
        y, m, d = groups["y3"], str(_MONTHS[groups["mon"].lower()]), groups["d3"]
    try:
        return dt.date(int(y), int(m), int(d))
    except ValueError as exc:
        raise CellError(f"impossible date {match.group(0)!r}: {exc}") from None


def find_dates(value: str) -> list[dt.date]:
    """Every date written in a text, in order."""
    return [_from_match(m) for m in _DATE.finditer(value)]


def date(value: Any) -> dt.date:
    """A date cell: a real date, an Excel serial number, or a date written as text."""
    if isinstance(value, dt.datetime):
        return value.date()
    if isinstance(value, dt.date):
        return value
    if isinstance(value, int | float) and not isinstance(value, bool):
        if _SERIAL_RANGE[0] <= value <= _SERIAL_RANGE[1]:
            return _EXCEL_EPOCH + dt.timedelta(days=int(value))
        raise CellError(f"expected a date ({DATE_FORMS}), got the number {value}")
    shown = text(value)
    if shown is None:
        raise CellError("expected a date, the cell is empty")
    match = _DATE.fullmatch(shown) or _DATE.fullmatch(shown.split(" ")[0])
    if match is None:
        raise CellError(f"expected a date ({DATE_FORMS}), got {shown!r}")
    return _from_match(match)


def header_date(value: Any) -> tuple[dt.date | None, dt.date | None, str]:
    """A header cell read as (first day, last day, the rest of its text)."""
    if value is None:
        return None, None, ""
    if isinstance(value, dt.date | int | float) and not isinstance(value, bool):
        try:
            return date(value), None, ""
        except CellError:
            return None, None, text(value) or ""
    shown = text(value) or ""
    days = find_dates(shown)
    rest = _DATE.sub(" ", shown)
    rest = re.sub(r"\bt/m\b|\btot\b|\bto\b|[-–](?=\s*\)?\s*$)", " ", rest)
    rest = _SPACES.sub(" ", re.sub(r"\(\s*\)", " ", rest)).strip(" -–:,/")
    if not days:
        return None, None, shown
    return days[0], (days[-1] if len(days) > 1 and days[-1] != days[0] else None), rest


_YES = {"x", "1", "ja", "j", "yes", "y", "v", "✓", "✔", "☑", "true", "waar", "aanwezig", "present"}
_NO = {"0", "nee", "n", "no", "-", "–", "false", "onwaar", "afwezig", "absent", "afgemeld"}
MARK_FORMS = "x, 1, ja, yes or ✓ for present; blank, 0, nee or no for absent"
_MARK_CACHE: dict[Any, bool] = {None: False, True: True, False: False}  # 1 and 0 too


def mark(value: Any) -> bool:
    """An attendance mark: ``True`` for present, ``False`` for absent or blank."""
    try:
        return _MARK_CACHE[value]
    except (KeyError, TypeError):
        pass
    shown = text(value)
    word = shown.casefold() if shown is not None else ""
    if word == "" or word in _NO:
        result = False
    elif word in _YES or word == "1.0":
        result = True
    else:
        raise CellError(f"unknown mark {shown!r}; expected {MARK_FORMS}")
    if isinstance(value, str) and len(_MARK_CACHE) < 10_000:
        _MARK_CACHE[value] = result
    return result
