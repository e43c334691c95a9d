"""Reading and writing the YAML (and JSON) files of a harvest folder.

Parsing uses libyaml where available, with a narrowed set of implicit types: only
``true``/``false`` are booleans, only plain decimal numbers are numbers, and dates
stay strings (the converter parses them, so an impossible date becomes a located
error instead of a crash). Line numbers are looked up only when there is a problem
to report: composing the node tree costs more than the parse itself.
"""

from __future__ import annotations

import json
import re
from collections.abc import Sequence
from pathlib import Path
from typing import Any

import yaml

from copharvest.store.problems import PathPart, Problem

_Base: type[Any] = getattr(yaml, "CSafeLoader", yaml.SafeLoader)
_Dumper: type[Any] = getattr(yaml, "CSafeDumper", yaml.SafeDumper)

_DROPPED_TAGS = {
    "tag:yaml.org,2002:bool",
    "tag:yaml.org,2002:int",
    "tag:yaml.org,2002:float",
    "tag:yaml.org,2002:timestamp",
}


def _narrowed(base: type[Any]) -> type[Any]:
    class Loader(base):  # type: ignore[misc,valid-type]
        def construct_mapping(self, node: yaml.MappingNode, deep: bool = False) -> Any:
            seen: set[Any] = set()
            for key_node, _ in node.value:
                key = self.construct_object(key_node, deep=deep)
                try:
                    duplicate = key in seen
                except TypeError:
                    continue
                if duplicate:
                    raise yaml.constructor.ConstructorError(
                        None, None, f"duplicate key {key!r}", key_node.start_mark
                    )
                seen.add(key)
            return super().construct_mapping(node, deep=deep)

    Loader.yaml_implicit_resolvers = {
        first: [(tag, rx) for tag, rx in resolvers if tag not in _DROPPED_TAGS]
        for first, resolvers in base.yaml_implicit_resolvers.items()
    }
    Loader.add_implicit_resolver(
        "tag:yaml.org,2002:bool", re.compile(r"^(?:true|True|TRUE|false|False|FALSE)$"), list("tTfF")
    )
    Loader.add_implicit_resolver(
        "tag:yaml.org,2002:int", re.compile(r"^[-+]?(?:0|[1-9][0-9]*)$"), list("-+0123456789")
    )
    Loader.add_implicit_resolver(
        "tag:yaml.org,2002:float",
        re.compile(r"^[-+]?(?:[0-9]+\.[0-9]*|\.[0-9]+)(?:[eE][-+]?[0-9]+)?$"),
        list("-+0123456789."),
    )
    return Loader


Loader = _narrowed(_Base)
"""The fast loader used for all harvest files."""
LineLoader = _narrowed(yaml.SafeLoader)
"""The pure-Python twin, used to compose node trees with line marks."""


class FileProblem(Exception):
    """A file could not be read or parsed; carries the problem to report."""

    def __init__(self, problem: Problem) -> None:
        self.problem = problem
        super().__init__(str(problem))


def read_text(path: Path) -> str:
    """The file's text, or a :class:`FileProblem` for empty, binary or non-UTF-8 files."""
    try:
        raw = path.read_bytes()
    except OSError as exc:
        raise FileProblem(Problem(file=path, message=f"cannot read: {exc.strerror}")) from None
    if b"\x00" in raw:
        raise FileProblem(Problem(file=path, message="binary file, expected YAML or JSON text"))
    try:
        text = raw.decode("utf-8-sig")
    except UnicodeDecodeError as exc:
        line = raw.count(b"\n", 0, exc.start) + 1
        raise FileProblem(
            Problem(
                file=path,
                line=line,
                message=f"not valid UTF-8 text (byte 0x{raw[exc.start]:02x}); save the file as UTF-8",
            )
        ) from None
    if not text.strip() or _only_comments(text):
        raise FileProblem(Problem(file=path, message="file is empty"))
    return text


def _only_comments(text: str) -> bool:
    return all(not line.strip() or line.lstrip().startswith("#") for line in text.splitlines())


def parse(path: Path, text: str) -> Any:
    """Parse YAML or (for ``.json`` files) JSON text."""
    if path.suffix == ".json":
        try:
            return json.loads(text)
        except json.JSONDecodeError as exc:
            raise FileProblem(
                Problem(file=path, line=exc.lineno, message=f"JSON syntax error: {exc.msg}")
            ) from None
    try:
        return yaml.load(text, Loader=Loader)  # noqa: S506 - a safe loader
    except yaml.MarkedYAMLError as exc:
        mark = exc.problem_mark or exc.context_mark
        line = mark.line + 1 if mark is not None else None
        what = exc.problem or exc.context or "invalid YAML"
        if exc.context and exc.problem:
            what = f"{exc.problem} ({exc.context})"
        raise FileProblem(Problem(file=path, line=line, message=f"YAML syntax error: {what}")) from None
    except yaml.YAMLError as exc:
        raise FileProblem(Problem(file=path, message=f"YAML syntax error: {exc}")) from None


def locate(text: str, path: Sequence[PathPart]) -> int | None:
    """The 1-based line of the node at ``path``, or of its nearest existing ancestor."""
    try:
        node = yaml.compose(text, Loader=LineLoader)
    except yaml.YAMLError:
        return None
    if node is None:
        return None
    line: int = node.start_mark.line + 1
    for part in path:
        if isinstance(node, yaml.MappingNode):
            for key_node, value_node in node.value:
                if key_node.value == part or (isinstance(part, int) and key_node.value == str(part)):
                    # point at the key: that is where a person reads the field
                    line = key_node.start_mark.line + 1
                    node = value_node
                    break
            else:
                return line
        elif isinstance(node, yaml.SequenceNode) and isinstance(part, int):
            if not 0 <= part < len(node.value):
                return line
            node = node.value[part]
            line = node.start_mark.line + 1
        else:
            return line
    return line


def dump(data: Any, *, header: str = "") -> str:
    """YAML text for ``data``, keys in the given order, Unicode kept readable."""
    body: str = yaml.dump(
        data,
        Dumper=_Dumper,
        sort_keys=False,
        allow_unicode=True,
        default_flow_style=False,
        width=88,
    )
    return header + body
