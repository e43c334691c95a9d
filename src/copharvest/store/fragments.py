"""New YAML text in a file's own style: ruamel.yaml's round-trip emitter, configured.

:mod:`copharvest.store.roundtrip` keeps every line it does not change; the lines it
adds or changes come from here, indented the way the file is (mapping indent, where
the dash of a list item sits, where its content starts) and wrapped at the file's own
width. Every fragment is read back with the harvest dialect's loader; a fragment that
would not read back as the value it stands for (ruamel's quoting follows YAML 1.2, the
dialect's is narrower) is written by the dialect's own dumper instead.
"""

from __future__ import annotations

import datetime as dt
import io
import re
from functools import cache
from pathlib import Path
from typing import Any

import attrs

from copharvest.store import yamlio

_ISO_DATE = re.compile(r"[0-9]{4}-[0-9]{2}-[0-9]{2}")


@attrs.frozen
class Style:
    """How a file lays out its YAML; defaults are those of :func:`yamlio.dump`."""

    mapping: int = 2
    """Indent of a nested mapping's keys under its parent key."""
    offset: int = 0
    """Column of a nested list's dash, relative to its parent key."""
    sequence: int = 2
    """Column of a nested list item's content, relative to its parent key."""
    width: int = 88
    """Where long texts and lists wrap."""
    newline: str = "\n"


@cache
def _emitter(style: Style, flow: bool) -> Any:
    from ruamel.yaml import YAML  # only writing needs ruamel; loading stays on libyaml

    yaml = YAML(typ="rt")
    yaml.indent(mapping=style.mapping, sequence=style.sequence, offset=style.offset)
    yaml.width = 1 << 20 if flow else style.width
    yaml.allow_unicode = True
    return yaml


def _is_word(item: object) -> bool:
    return isinstance(item, str) and 0 < len(item) <= 40 and not any(c.isspace() for c in item)


def _prepare(value: Any, flow: bool, lists: dict[str, list[str]]) -> Any:
    """Plain data as ruamel objects, styled as the dialect's dumper styles them.

    A list of ids in a block becomes a placeholder in ``lists``: :func:`_dump` writes it
    as people do, wrapped like a text, where ruamel would leave trailing spaces.
    """
    from ruamel.yaml.comments import CommentedMap, CommentedSeq
    from ruamel.yaml.scalarstring import LiteralScalarString

    if isinstance(value, dict):
        mapping = CommentedMap((k, _prepare(v, flow, lists)) for k, v in value.items())
        if flow:
            mapping.fa.set_flow_style()
        return mapping
    if isinstance(value, list):
        if not flow and value and all(_is_word(v) for v in value):
            token = f"copharvest-words-{id(lists)}-{len(lists)}"
            lists[token] = value
            return token
        seq = CommentedSeq(_prepare(v, flow, lists) for v in value)
        if flow:
            seq.fa.set_flow_style()
        else:
            seq.fa.set_block_style()
        return seq
    if isinstance(value, str):
        if _ISO_DATE.fullmatch(value):
            # the dialect reads a date as text, so the date is written as people do: plain
            try:
                return dt.date.fromisoformat(value)
            except ValueError:
                return value
        if "\n" in value and not flow:
            return LiteralScalarString(value)
    return value


_PLAIN = re.compile(r"[a-z][a-z0-9_-]*")
_WORDS = frozenset({"true", "false", "null", "yes", "no", "on", "off", "y", "n"})


def _wrap(words: list[str], column: int, indent: str, style: Style) -> str:
    """``[a, b, c]`` starting at ``column``, wrapped before ``style.width``."""
    out, at = ["["], column + 1
    for n, word in enumerate(words):
        text = word if _PLAIN.fullmatch(word) and word not in _WORDS else scalar(word, style)
        last = "]" if n == len(words) - 1 else ","
        if n and at + 1 + len(text) + len(last) > style.width - 2:
            out.append("\n" + indent)
            at = len(indent)
        elif n:
            out.append(" ")
            at += 1
        out.append(text + last)
        at += len(text) + len(last)
    return "".join(out)


def _dump(value: Any, style: Style, flow: bool) -> str:
    stream = io.StringIO()
    lists: dict[str, list[str]] = {}
    _emitter(style, flow).dump(_prepare(value, flow, lists), stream)
    text = stream.getvalue()
    for token, words in lists.items():
        at = text.index(token)
        start = text.rfind("\n", 0, at) + 1
        line = text[start:at]
        indent = " " * (len(line) - len(line.lstrip(" ")) + 2)
        text = text[:at] + _wrap(words, at - start, indent, style) + text[at + len(token) :]
    return text.removesuffix("...\n") if not isinstance(value, dict | list) else text


def _reads_back(text: str, value: Any) -> bool:
    try:
        return bool(yamlio.parse(Path("fragment.yaml"), text) == value)
    except yamlio.FileProblem:
        return False


def block(value: Any, style: Style, *, flow: bool = False) -> str:
    """``value`` as a YAML document at column 0, ending in a newline."""
    text = _dump(value, style, flow)
    if _reads_back(text, value):
        return text
    if flow:
        return block(value, style)
    return yamlio.dump(value)


def item(key: str, value: Any, style: Style) -> str:
    """``key: value`` as a mapping entry at column 0, ending in a newline."""
    return block({key: value}, style)


def scalar(value: Any, style: Style) -> str:
    """A value written inline (an item of a flow list), without a newline."""
    text = block([value], style, flow=True).strip()
    if text.startswith("[") and text.endswith("]"):
        return text[1:-1].strip()
    return yamlio.dump([value]).strip().removeprefix("- ")  # pragma: no cover - fallback


def indent(text: str, first: str, rest: str) -> str:
    """Prefix the first line with ``first`` and the others with ``rest`` (blank lines stay)."""
    lines = text.split("\n")
    out = [first + lines[0]]
    out += [rest + line if line.strip() else line for line in lines[1:]]
    return "\n".join(out)


def _is_block(node: Any, kind: str) -> bool:
    return type(node).__name__ == kind and not node.flow_style


def _col(text: str, node: Any) -> int:
    index = int(node.start_mark.index)
    return index - (text.rfind("\n", 0, index) + 1)


def detect_style(text: str, root: Any) -> Style:
    """The file's indentation, list layout, width and line ends."""
    mapping = offset = sequence = None
    stack = [root] if root is not None else []
    while stack and (mapping is None or offset is None):
        node = stack.pop()
        if type(node).__name__ == "SequenceNode":
            stack += node.value
        elif _is_block(node, "MappingNode"):
            for key, value in node.value:
                col = _col(text, key)
                if mapping is None and _is_block(value, "MappingNode") and value.value:
                    mapping = _col(text, value.value[0][0]) - col
                if offset is None and _is_block(value, "SequenceNode") and value.value:
                    item = value.value[0]
                    dash = text.rfind("-", 0, item.start_mark.index)
                    offset = dash - (text.rfind("\n", 0, dash) + 1) - col
                    sequence = _col(text, item) - col
                stack.append(value)
    lines = text.split("\n")
    width = max(80, max((len(line.rstrip("\r")) for line in lines), default=0))
    crlf = text.count("\r\n") * 2 > text.count("\n")
    default = Style()
    return Style(
        mapping=mapping or default.mapping,
        offset=offset if offset is not None and offset >= 0 else default.offset,
        sequence=sequence if sequence is not None and sequence > 0 else default.sequence,
        width=width,
        newline="\r\n" if crlf else "\n",
    )
