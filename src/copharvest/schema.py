"""JSON Schema of the harvest files, generated from the model.

Nothing here is written by hand: each attrs class of :mod:`copharvest.model` becomes a
definition, each field a property described by the docstring under it, and each enum
lists its values. Editors (e.g. VS Code's YAML extension) use the schema to complete
and check a harvest file while it is typed; ``copharvest check`` remains the judge,
since cross-references and some invariants are beyond what a schema can say.
"""

from __future__ import annotations

import ast
import datetime as dt
import enum
import inspect
import itertools
import json
import types
import typing
from functools import cache
from pathlib import Path
from typing import Any

import attrs

from copharvest import model

DIALECT = "https://json-schema.org/draft/2020-12/schema"
HEADER_FILE = "community"
SCHEMA_SUFFIX = ".schema.json"
DATE_PATTERN = r"^[0-9]{4}-[0-9]{2}-[0-9]{2}$"

# Invariants a schema can state, keyed by the model's validators ...
_VALIDATOR_RULES: dict[Any, dict[str, Any]] = {
    model._non_empty: {"pattern": r"\S"},
    model._part: {"enum": [1, 2]},
}


def _field_rules() -> dict[tuple[type, str], dict[str, Any]]:
    # ... and by the checks the loader applies to single fields.
    from copharvest.store.validate import SUPPORTED_LOCALES

    return {
        (model.Community, "locale"): {"enum": list(SUPPORTED_LOCALES)},
        (model.Community, "format_version"): {"minimum": 1, "maximum": model.FORMAT_VERSION},
        (model.LessonText, "number"): {"minimum": 1, "maximum": 10},
    }


def collections() -> dict[str, type]:
    """Collection file stem -> record type (the same table the store uses)."""
    from copharvest.store import COLLECTIONS

    return dict(COLLECTIONS)


@cache
def _docstrings(source_module: types.ModuleType) -> dict[str, dict[str, str]]:
    """Class name -> {attribute name: docstring}, read from the module's source."""
    tree = ast.parse(inspect.getsource(source_module))
    found: dict[str, dict[str, str]] = {}
    for node in tree.body:
        if not isinstance(node, ast.ClassDef):
            continue
        docs: dict[str, str] = {}
        for stmt, following in itertools.pairwise(node.body):
            name = None
            if isinstance(stmt, ast.AnnAssign) and isinstance(stmt.target, ast.Name):
                name = stmt.target.id
            elif (
                isinstance(stmt, ast.Assign)
                and len(stmt.targets) == 1
                and isinstance(stmt.targets[0], ast.Name)
            ):
                name = stmt.targets[0].id
            if (
                name is not None
                and isinstance(following, ast.Expr)
                and isinstance(following.value, ast.Constant)
                and isinstance(following.value.value, str)
            ):
                docs[name] = inspect.cleandoc(following.value.value)
        found[node.name] = docs
    return found


def _plain(text: str) -> str:
    # docstrings quote code as ``x``; editors render Markdown
    return text.replace("``", "`")


def _class_doc(cl: type) -> str:
    return _plain(inspect.cleandoc(cl.__doc__ or "").split("\n\n")[0].replace("\n", " "))


def _field_doc(cl: type, name: str) -> str:
    return _plain(_docstrings(model).get(cl.__name__, {}).get(name, ""))


def _enum_schema(cl: type[enum.Enum]) -> dict[str, Any]:
    docs = _docstrings(model).get(cl.__name__, {})
    lines = [_class_doc(cl)]
    for member in cl:
        note = docs.get(member.name)
        lines.append(f"- {member.value}" + (f": {_plain(note)}" if note else ""))
    return {
        "type": "string",
        "enum": [m.value for m in cl],
        "description": "\n".join(lines),
    }


class _Builder:
    """Turns model types into schema fragments, collecting definitions on the way."""

    def __init__(self) -> None:
        self.defs: dict[str, dict[str, Any]] = {}
        self.rules = _field_rules()

    def type_schema(self, tp: Any) -> dict[str, Any]:
        origin = typing.get_origin(tp)
        if origin in (types.UnionType, typing.Union):
            args = typing.get_args(tp)
            options = [self.type_schema(a) for a in args if a is not type(None)]
            if type(None) in args:
                options.append({"type": "null"})
            return options[0] if len(options) == 1 else {"anyOf": options}
        if origin is tuple:
            return {"type": "array", "items": self.type_schema(typing.get_args(tp)[0])}
        if tp is str:
            return {"type": "string"}
        if tp is bool:
            return {"type": "boolean"}
        if tp is int:
            return {"type": "integer"}
        if tp is float:
            return {"type": "number"}
        if tp is dt.date:
            return {"type": "string", "pattern": DATE_PATTERN, "format": "date"}
        if isinstance(tp, type) and issubclass(tp, enum.Enum):
            self.defs.setdefault(tp.__name__, _enum_schema(tp))
            return {"$ref": f"#/$defs/{tp.__name__}"}
        if tp is model.ChapterBlock:
            if tp.__name__ not in self.defs:
                self.defs[tp.__name__] = self.block_schema()
            return {"$ref": f"#/$defs/{tp.__name__}"}
        if attrs.has(tp):
            if tp.__name__ not in self.defs:
                self.defs[tp.__name__] = {}  # a placeholder against recursion
                self.defs[tp.__name__] = self.class_schema(tp)
            return {"$ref": f"#/$defs/{tp.__name__}"}
        raise TypeError(f"no JSON Schema for {tp!r}")

    def class_schema(self, cl: type, *, leave_out: frozenset[str] = frozenset()) -> dict[str, Any]:
        hints = typing.get_type_hints(cl)
        properties: dict[str, Any] = {}
        required: list[str] = []
        for field in attrs.fields(cl):
            if field.name in leave_out:
                continue
            prop = dict(self.type_schema(hints[field.name]))
            prop.update(_VALIDATOR_RULES.get(field.validator, {}))
            prop.update(self.rules.get((cl, field.name), {}))
            doc = _field_doc(cl, field.name)
            if doc:
                prop["description"] = doc
            if field.default is attrs.NOTHING:
                required.append(field.name)
            properties[field.name] = prop
        schema: dict[str, Any] = {
            "type": "object",
            "description": _class_doc(cl),
            "properties": properties,
            "additionalProperties": False,
        }
        if required:
            schema["required"] = required
        if cl is model.Passage:
            # a plain string is shorthand for a public passage
            return {
                "description": schema["description"] + " A plain string is a public passage.",
                "anyOf": [
                    {"type": "string"},
                    {k: v for k, v in schema.items() if k != "description"},
                ],
            }
        return schema

    def block_schema(self) -> dict[str, Any]:
        """A block as written: the key of its kind holding its main value, or a bare word."""
        from copharvest.store.blocks_form import BLOCK_FIELDS

        hints = typing.get_type_hints(model.ChapterBlock)
        docs = _docstrings(model).get("BlockKind", {})
        self.type_schema(model.BlockKind)  # the kinds, described, for reference
        text = {"type": "string", "pattern": r"\S"}
        main: dict[model.BlockKind, dict[str, Any]] = {
            model.BlockKind.PASSAGE: text,
            model.BlockKind.QUOTE: {"anyOf": [text, self.type_schema(model.Quote)]},
            model.BlockKind.BOX: {"type": ["string", "null"]},
            model.BlockKind.TABLE: text,
            model.BlockKind.KEY_QUESTIONS: {"type": ["string", "null"]},
            model.BlockKind.FIGURE: {"enum": list(model.CHART_IDS)},
            model.BlockKind.PICTURE: text,
            model.BlockKind.READINGS: {"type": "array", "items": text, "minItems": 1},
            model.BlockKind.CONTINUITY: {"type": ["string", "null"]},
        }
        options: list[dict[str, Any]] = [
            {
                "enum": [model.BlockKind.KEY_QUESTIONS.value, model.BlockKind.CONTINUITY.value],
                "description": "A block without a value, as a bare word.",
            }
        ]
        for kind in model.BlockKind:
            properties: dict[str, Any] = {
                kind.value: {**main[kind], "description": _plain(docs.get(kind.name, ""))}
            }
            for name in (*BLOCK_FIELDS[kind], "visibility"):
                prop = dict(self.type_schema(hints[name]))
                doc = _field_doc(model.ChapterBlock, name)
                if doc:
                    prop["description"] = doc
                properties[name] = prop
            options.append(
                {
                    "type": "object",
                    "properties": properties,
                    "required": [kind.value],
                    "additionalProperties": False,
                }
            )
        return {"description": _class_doc(model.ChapterBlock), "oneOf": options}


def file_schema(stem: str) -> dict[str, Any]:
    """The schema of one harvest file (``community``, ``members``, ...)."""
    builder = _Builder()
    colls = collections()
    if stem == HEADER_FILE:
        body = builder.class_schema(model.Community, leave_out=frozenset(colls))
        title = "copharvest community.yaml"
    elif stem in colls:
        cl = colls[stem]
        body = {
            "type": "array",
            "description": f"A list of {stem}: {_class_doc(cl)}",
            "items": builder.type_schema(cl),
        }
        title = f"copharvest {stem}.yaml"
    else:
        raise KeyError(f"no harvest file named {stem!r}")
    schema: dict[str, Any] = {"$schema": DIALECT, "title": title}
    schema.update(body)
    if builder.defs:
        schema["$defs"] = dict(sorted(builder.defs.items()))
    return schema


def harvest_schema() -> dict[str, Any]:
    """One schema for a whole harvest as a single document (every collection inline)."""
    builder = _Builder()
    schema: dict[str, Any] = {"$schema": DIALECT, "title": "copharvest harvest"}
    schema.update(builder.class_schema(model.Community))
    schema["$defs"] = dict(sorted(builder.defs.items()))
    return schema


def file_stems() -> list[str]:
    """The harvest files that have a schema, community first."""
    return [HEADER_FILE, *collections()]


def file_schemas() -> dict[str, dict[str, Any]]:
    """``<stem>.schema.json`` -> schema, for every harvest file."""
    return {f"{stem}{SCHEMA_SUFFIX}": file_schema(stem) for stem in file_stems()}


def dumps(schema: dict[str, Any]) -> str:
    """Stable, readable JSON text for a schema."""
    return json.dumps(schema, indent=2, ensure_ascii=False) + "\n"


FOLDER_SCHEMA_DIR = ".schema"
"""Where ``copharvest init`` puts the schemas inside a harvest folder."""


def folder_reference(stem: str) -> str:
    """The schema path a file ``<stem>.yaml`` of a harvest folder points at."""
    return f"{FOLDER_SCHEMA_DIR}/{stem}{SCHEMA_SUFFIX}"


def write_schemas(folder: Path) -> list[Path]:
    """Write one ``<stem>.schema.json`` per harvest file into ``folder`` (atomically)."""
    from copharvest.store import atomic_write_text

    folder.mkdir(parents=True, exist_ok=True)
    written = []
    for name, schema in file_schemas().items():
        path = folder / name
        atomic_write_text(path, dumps(schema))
        written.append(path)
    return written
