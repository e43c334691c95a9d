"""Chapter blocks in the files' short form: the key naming a block's kind holds its value.

``- box: Hoe houd je de regie?`` is a :class:`~copharvest.model.ChapterBlock` of kind
``box`` with that title; ``- continuity`` a bare word. The hooks here turn that form
into blocks and back; a problem with the main value is reported at the key it is
written under (``$[0].blocks[3].passage``). The records workbook has a column per field
instead (:func:`block_fields`, :func:`block_short_form`).
"""

from __future__ import annotations

import difflib
from collections.abc import Callable
from typing import Any

import attrs
import cattrs
from cattrs.errors import AttributeValidationNote, ClassValidationError

from copharvest.model import BlockKind, ChapterBlock, FieldValueError
from copharvest.store.converter import (
    InvalidValue,
    _attrs_structure,
    _attrs_unstructure,
    describe,
)

_BLOCK_KINDS = [k.value for k in BlockKind]
_BARE_BLOCKS = frozenset({BlockKind.KEY_QUESTIONS.value, BlockKind.CONTINUITY.value})
_MAIN_FIELD = {
    BlockKind.PASSAGE: "text",
    BlockKind.QUOTE: "ref",
    BlockKind.BOX: "title",
    BlockKind.TABLE: "ref",
    BlockKind.KEY_QUESTIONS: "title",
    BlockKind.FIGURE: "ref",
    BlockKind.PICTURE: "picture",
    BlockKind.READINGS: "readings",
    BlockKind.CONTINUITY: "title",
}
"""The field that the key naming a block's kind holds."""
BLOCK_FIELDS = {
    BlockKind.PASSAGE: (),
    BlockKind.QUOTE: (),
    BlockKind.BOX: ("lessons", "tips", "text"),
    BlockKind.TABLE: ("title",),
    BlockKind.KEY_QUESTIONS: (),
    BlockKind.FIGURE: ("caption", "alt"),
    BlockKind.PICTURE: ("caption", "alt"),
    BlockKind.READINGS: ("title",),
    BlockKind.CONTINUITY: (),
}
"""The fields a block of each kind may have besides its main value and ``visibility``."""


_FIELD_NAMES = frozenset(a.name for a in attrs.fields(ChapterBlock))


def _block_kind(value: Any) -> str:
    named = [key for key in value if key in _BLOCK_KINDS]
    if len(named) == 1:
        return str(named[0])
    if named:
        raise InvalidValue(f"a block is one kind of block; this one names {', '.join(named)}")
    keys = [str(key) for key in value]
    guesses = [g for key in keys for g in difflib.get_close_matches(key, _BLOCK_KINDS, n=1)]
    hint = f"; did you mean {guesses[0]!r}?" if guesses else ""
    raise InvalidValue(f"a block starts with the key of its kind ({', '.join(_BLOCK_KINDS)}){hint}")


def structure_block(converter: cattrs.Converter) -> Callable[[Any, type], ChapterBlock]:
    as_class = _attrs_structure(converter)(ChapterBlock)

    def hook(value: Any, tp: type) -> ChapterBlock:
        if isinstance(value, str) and value in _BARE_BLOCKS:
            return ChapterBlock(kind=BlockKind(value))
        if not isinstance(value, dict):
            hint = ""
            close = (
                difflib.get_close_matches(value, _BLOCK_KINDS, n=1)
                if isinstance(value, str)
                else []
            )
            if close:
                hint = f"; did you mean {close[0]!r}?"
            raise InvalidValue(
                "expected a block: a mapping whose first key names its kind "
                f"(passage: TEXT, quote: ID, box: TITLE, ...); got {describe(value)}{hint}"
            )
        kind = BlockKind(_block_kind(value))
        fields = dict(value)
        main = fields.pop(kind.value)
        for key in fields:
            if key == "kind":
                raise FieldValueError(key, "the block's first key names its kind; leave kind out")
            if key in _FIELD_NAMES and key not in (
                *BLOCK_FIELDS[kind],
                _MAIN_FIELD[kind],
                "visibility",
            ):
                raise FieldValueError(str(key), f"a {kind.value} block has no {key}")
        fields["kind"] = kind.value
        if kind is BlockKind.QUOTE and isinstance(main, dict):
            fields["quote"] = main
        elif main is not None:  # an empty main value: the block says what it needs
            if _MAIN_FIELD[kind] in fields:
                raise InvalidValue(
                    f"{kind.value} and {_MAIN_FIELD[kind]} say the same; keep {kind.value}"
                )
            fields[_MAIN_FIELD[kind]] = main
        try:
            result: ChapterBlock = as_class(fields, tp)
        except ClassValidationError as exc:
            _name_as_written(exc, _MAIN_FIELD[kind], kind.value)
            raise
        return result

    return hook


def _name_as_written(exc: ClassValidationError, field: str, key: str) -> None:
    """A problem with the main value names the key it is written under (``passage``)."""
    for sub in exc.exceptions:
        notes = getattr(sub, "__notes__", [])
        for i, note in enumerate(notes):
            if isinstance(note, AttributeValidationNote) and note.name == field:
                notes[i] = AttributeValidationNote(str(note), key, note.type)


def unstructure_block(converter: cattrs.Converter) -> Callable[[ChapterBlock], Any]:
    as_class = _attrs_unstructure(converter)(ChapterBlock)

    def hook(block: ChapterBlock) -> Any:
        fields: dict[str, Any] = as_class(block)
        kind = fields.pop("kind")
        main_field = _MAIN_FIELD[block.kind]
        if kind in _BARE_BLOCKS and len(fields) == 0:
            return kind
        if block.kind is BlockKind.QUOTE and block.quote is not None:
            main = fields.pop("quote")
        else:
            main = fields.pop(main_field, None)
        return {kind: main, **fields}

    return hook


def block_fields(short: Any) -> dict[str, Any]:
    """A block in the files' short form as a mapping of its model's fields.

    ``{"box": "T", "lessons": ["l1"]}`` -> ``{"kind": "box", "title": "T", "lessons":
    ["l1"]}``: the records workbook has a column per field.
    """
    if isinstance(short, str):
        return {"kind": short}
    fields = dict(short)
    kind = next(key for key in fields if key in _BLOCK_KINDS)
    main = fields.pop(kind)
    if kind == BlockKind.QUOTE.value and isinstance(main, dict):
        return {"kind": kind, "quote": main, **fields}
    if main is not None:
        fields[_MAIN_FIELD[BlockKind(kind)]] = main
    return {"kind": kind, **fields}


def block_short_form(fields: dict[str, Any]) -> Any:
    """The inverse of :func:`block_fields`; a mapping without a known kind as it is."""
    kind = fields.get("kind")
    if kind not in _BLOCK_KINDS:
        return fields
    rest = {k: v for k, v in fields.items() if k != "kind"}
    if kind == BlockKind.QUOTE.value and "quote" in rest:
        return {kind: rest.pop("quote"), **rest}
    return {kind: rest.pop(_MAIN_FIELD[BlockKind(kind)], None), **rest}


def block_field_of(key: str, kind: Any) -> str:
    """The model field that a problem at ``key`` of a block of ``kind`` is about."""
    if kind in _BLOCK_KINDS and key == kind and kind != BlockKind.QUOTE.value:
        return _MAIN_FIELD[BlockKind(kind)]
    if kind == BlockKind.QUOTE.value and key == kind:
        return "ref"
    return key
