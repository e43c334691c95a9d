"""The one cattrs converter: strict structuring and tidy unstructuring.

cattrs coerces by default (``"false"`` becomes ``True`` for a bool, ``3.9`` becomes
``3`` for an int, ``None`` becomes ``"None"`` for a str). Harvest files are written
by hand, so every such coercion would hide a mistake; the hooks here refuse them
with a message a facilitator understands.
"""

from __future__ import annotations

import datetime as dt
import difflib
import enum
import functools
import math
import re
import typing
from collections.abc import Callable
from typing import Any

import attrs
import cattrs
from cattrs.errors import IterableValidationError, IterableValidationNote
from cattrs.gen import make_dict_structure_fn, make_dict_unstructure_fn, override

from copharvest.model import ChapterBlock, Passage, Visibility


class InvalidValue(ValueError):
    """A value of the wrong type or form; the message is for people."""


def describe(value: object) -> str:
    """A short description of a parsed value, for error messages."""
    if value is None:
        return "an empty value (null)"
    if isinstance(value, bool):
        return f"a boolean ({str(value).lower()})"
    if isinstance(value, int):
        return f"an integer ({value})"
    if isinstance(value, float):
        return f"a number ({value})"
    if isinstance(value, str):
        shown = value if len(value) <= 40 else value[:37] + "..."
        return f"the text {shown!r}"
    if isinstance(value, list):
        return "a list"
    if isinstance(value, dict):
        return "a mapping"
    return f"a {type(value).__name__}"


MAX_TEXT = 1_000_000
"""The longest single text, in characters (about 400 pages); Word cannot open far longer."""


def too_long(text: str) -> str:
    """The message for a text over :data:`MAX_TEXT`."""
    return (
        f"a text of {len(text):,} characters; at most {MAX_TEXT:,} are allowed in one text "
        "(split it into paragraphs or move it to a file of its own)"
    )


def _structure_str(value: Any, _: type) -> str:
    if type(value) is str:
        if len(value) > MAX_TEXT:
            raise InvalidValue(too_long(value))
        return value
    hint = " (put it in quotes)" if isinstance(value, bool | int | float) else ""
    raise InvalidValue(f"expected text, got {describe(value)}{hint}")


def _structure_int(value: Any, _: type) -> int:
    if type(value) is int:
        return value
    raise InvalidValue(f"expected a whole number, got {describe(value)}")


def _structure_float(value: Any, _: type) -> float:
    if type(value) in (int, float):
        if not math.isfinite(value):
            raise InvalidValue(f"expected a finite number, got {value}")
        return float(value)
    raise InvalidValue(f"expected a number, got {describe(value)}")


def _structure_bool(value: Any, _: type) -> bool:
    if type(value) is bool:
        return bool(value)
    raise InvalidValue(f"expected true or false, got {describe(value)}")


_ISO_DATE = re.compile(r"[0-9]{4}-[0-9]{2}-[0-9]{2}")
_OTHER_DATE = re.compile(r"([0-9]{1,2})[-/.]([0-9]{1,2})[-/.]([0-9]{4})")


def _date_hint(value: str) -> str:
    """For ``01-09-2023``: the ISO dates it may stand for, day first and month first."""
    match = _OTHER_DATE.fullmatch(value.strip())
    if match is None:
        return ""
    first, second, year = (int(part) for part in match.groups())
    options: list[str] = []
    for month, day in ((second, first), (first, second)):
        try:
            iso = dt.date(year, month, day).isoformat()
        except ValueError:
            continue
        if iso not in options:
            options.append(iso)
    if not options:
        return ""
    if len(options) == 1:
        return f"; did you mean {options[0]}?"
    return f"; did you mean {options[0]}, or {options[1]} when read month first?"


def _structure_date(value: Any, _: type) -> dt.date:
    if type(value) is dt.date:
        return value
    if isinstance(value, str) and _ISO_DATE.fullmatch(value):
        try:
            return dt.date.fromisoformat(value)
        except ValueError as exc:
            raise InvalidValue(f"impossible date {value!r}: {exc}") from None
    hint = _date_hint(value) if isinstance(value, str) else ""
    raise InvalidValue(f"expected a date written as YYYY-MM-DD, got {describe(value)}{hint}")


@functools.cache
def _structure_enum(cl: type[enum.Enum]) -> Callable[[Any, type], Any]:
    # exact type match, so that true is not taken for 1
    members = {(type(m.value), m.value): m for m in cl}
    values = [str(m.value) for m in cl]

    def hook(value: Any, _: type) -> Any:
        try:
            return members[type(value), value]
        except (KeyError, TypeError):
            pass
        options = ", ".join(values)
        suggestion = ""
        if isinstance(value, str) and all(isinstance(m.value, str) for m in cl):
            close = difflib.get_close_matches(value, values, n=1)
            if close:
                suggestion = f"; did you mean {close[0]!r}?"
        raise InvalidValue(f"expected one of {options}; got {describe(value)}{suggestion}")

    return hook


def _structure_any_enum(value: Any, cl: type[enum.Enum]) -> Any:
    return _structure_enum(cl)(value, cl)


def _is_tuple(tp: Any) -> bool:
    return typing.get_origin(tp) is tuple


def _structure_tuple(converter: cattrs.Converter) -> Callable[[Any], Callable[[Any, type], Any]]:
    def factory(tp: Any) -> Callable[[Any, type], Any]:
        elem = typing.get_args(tp)[0]
        handler = converter.get_structure_hook(elem)
        only_text = elem is str

        def hook(value: Any, _: type) -> tuple[Any, ...]:
            if not isinstance(value, list):
                raise InvalidValue(f"expected a list, got {describe(value)}")
            if only_text and set(map(type, value)) <= {str} and _short(value):
                return tuple(value)
            out: list[Any] = []
            errors: list[Exception] = []
            for i, item in enumerate(value):
                try:
                    out.append(handler(item, elem))
                except Exception as exc:
                    exc.add_note(IterableValidationNote(f"Structuring @ index {i}", i, elem))
                    errors.append(exc)
            if errors:
                raise IterableValidationError("invalid items", errors, tp)
            return tuple(out)

        return hook

    return factory


def _short(texts: list[str]) -> bool:
    return not texts or max(map(len, texts)) <= MAX_TEXT


def _attrs_structure(converter: cattrs.Converter) -> Callable[[Any], Callable[[Any, type], Any]]:
    def factory(cl: Any) -> Callable[[Any, type], Any]:
        fn = make_dict_structure_fn(
            cl,
            converter,
            _cattrs_forbid_extra_keys=True,
            _cattrs_detailed_validation=True,
        )

        def hook(value: Any, tp: type) -> Any:
            if not isinstance(value, dict):
                raise InvalidValue(f"expected a mapping of fields, got {describe(value)}")
            return fn(value, tp)

        return hook

    return factory


def _attrs_unstructure(converter: cattrs.Converter) -> Callable[[Any], Callable[[Any], Any]]:
    def factory(cl: Any) -> Callable[[Any], Any]:
        # Defaults are left out to keep hand-edited files short, but required
        # fields are always written.
        overrides = {
            a.name: override(omit_if_default=a.default is not attrs.NOTHING)
            for a in attrs.fields(cl)
        }
        make: Callable[..., Callable[[Any], Any]] = make_dict_unstructure_fn
        return make(cl, converter, _cattrs_omit_if_default=False, **overrides)

    return factory


def _structure_passage(converter: cattrs.Converter) -> Callable[[Any, type], Passage]:
    as_class = _attrs_structure(converter)(Passage)

    def hook(value: Any, tp: type) -> Passage:
        if isinstance(value, str):
            if len(value) > MAX_TEXT:
                raise InvalidValue(too_long(value))
            return Passage(text=value)
        if not isinstance(value, dict):
            raise InvalidValue(
                f"expected text, or a mapping with text and visibility; got {describe(value)}"
            )
        result: Passage = as_class(value, tp)
        return result

    return hook


def _unstructure_passage(passage: Passage) -> Any:
    if passage.visibility is Visibility.PUBLIC:
        return passage.text
    return {"text": passage.text, "visibility": passage.visibility.value}


def _enum_value(value: enum.Enum) -> Any:
    return value.value


def make_converter() -> cattrs.Converter:
    """Build the converter; :data:`converter` is the shared instance."""
    conv = cattrs.Converter(forbid_extra_keys=True, detailed_validation=True)
    # Class hooks, because cattrs dispatches class hooks before predicate factories.
    conv.register_structure_hook(str, _structure_str)
    conv.register_structure_hook(int, _structure_int)
    conv.register_structure_hook(float, _structure_float)
    conv.register_structure_hook(bool, _structure_bool)
    conv.register_structure_hook(dt.date, _structure_date)
    conv.register_unstructure_hook(dt.date, dt.date.isoformat)
    # A StrEnum is a str (an IntEnum an int): class hooks on the enum bases come
    # earlier in their method resolution order than the hooks for str and int.
    for base in (enum.Enum, enum.StrEnum, enum.IntEnum):
        conv.register_structure_hook(base, _structure_any_enum)
        conv.register_unstructure_hook(base, _enum_value)
    conv.register_structure_hook_factory(_is_tuple, _structure_tuple(conv))
    conv.register_unstructure_hook_factory(
        _is_tuple, lambda _: lambda v: [conv.unstructure(x) for x in v]
    )
    conv.register_structure_hook_factory(attrs.has, _attrs_structure(conv))
    conv.register_unstructure_hook_factory(attrs.has, _attrs_unstructure(conv))
    conv.register_structure_hook(Passage, _structure_passage(conv))
    conv.register_unstructure_hook(Passage, _unstructure_passage)
    from copharvest.store import blocks_form  # it builds on the hooks above

    conv.register_structure_hook(ChapterBlock, blocks_form.structure_block(conv))
    conv.register_unstructure_hook(ChapterBlock, blocks_form.unstructure_block(conv))
    return conv


converter = make_converter()
"""The converter every part of copharvest uses for harvest records."""
