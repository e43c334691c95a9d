"""Reading and writing the YAML (and JSON) files of a harvest folder.

Parsing uses libyaml where available, with a narrowed set of implicit types: only
``true``/``false`` are booleans, only plain decimal numbers are numbers, and dates
stay strings (the converter parses them, so an impossible date becomes a located
error instead of a crash). The data is built straight from libyaml's events
(:func:`~copharvest.store.dialect.fast_load`); texts with anchors, tags, merge keys or
syntax errors go through PyYAML's whole construction instead. Line numbers are looked
up only when there is a problem to report: composing the node tree costs several times
as much as reading the data.
"""

from __future__ import annotations

import json
import os
import re
import stat
from collections.abc import Iterator, Sequence
from pathlib import Path
from typing import Any

import yaml

from copharvest.store.dialect import (
    MAX_DEPTH,
    MERGE_TAG,
    STR_TAG,
    Dumper,
    LimitExceeded,
    Loader,
    Unsupported,
    check_node_budget,
    fast_load,
)
from copharvest.store.problems import PathPart, Problem, key_text

__all__ = [
    "MAX_FILE_BYTES",
    "Dumper",
    "FileProblem",
    "Loader",
    "Locator",
    "dump",
    "locate",
    "parse",
    "read_text",
]

MAX_FILE_BYTES = 50 * 1024 * 1024
"""The largest harvest file read (50 MB); a year of weekly sessions takes well under 1 MB."""


class FileProblem(Exception):
    """A file could not be read or parsed; carries the problems to report."""

    def __init__(self, *problems: Problem) -> None:
        self.problems = problems
        super().__init__("\n".join(str(p) for p in problems))

    @property
    def problem(self) -> Problem:
        """The first problem (a syntax error has only one)."""
        return self.problems[0]


def file_kind(mode: int) -> str | None:
    """What a file that is not a regular file is, for messages; none for a regular file."""
    if stat.S_ISREG(mode):
        return None
    if stat.S_ISDIR(mode):
        return "a folder"
    if stat.S_ISFIFO(mode):
        return "a named pipe (FIFO)"
    if stat.S_ISCHR(mode) or stat.S_ISBLK(mode):
        return "a device"
    if stat.S_ISSOCK(mode):
        return "a socket"
    return "not a regular file"


def megabytes(size: int) -> str:
    """``52428800`` -> ``50 MB``."""
    return f"{size / (1024 * 1024):,.0f} MB"


def read_bytes(path: Path, limit: int = MAX_FILE_BYTES) -> bytes:
    """The bytes of a regular file of at most ``limit`` bytes, else a :class:`FileProblem`.

    The file is opened without blocking and checked by its descriptor, so a named pipe
    or a device never hangs the reader and a file swapped after a check is still seen
    for what it is.
    """
    flags = os.O_RDONLY | os.O_NONBLOCK | getattr(os, "O_CLOEXEC", 0)
    try:
        fd = os.open(path, flags)
    except OSError as exc:
        raise FileProblem(Problem(file=path, message=f"cannot read: {exc.strerror}")) from None
    try:
        info = os.fstat(fd)
        kind = file_kind(info.st_mode)
        if kind is not None:
            raise FileProblem(Problem(file=path, message=f"is {kind}, not a file"))
        if info.st_size > limit:
            raise FileProblem(_too_large(path, limit))
        with os.fdopen(os.dup(fd), "rb") as handle:
            raw = handle.read(limit + 1)
    except OSError as exc:
        raise FileProblem(Problem(file=path, message=f"cannot read: {exc.strerror}")) from None
    finally:
        os.close(fd)
    if len(raw) > limit:
        raise FileProblem(_too_large(path, limit))
    return raw


def _too_large(path: Path, limit: int) -> Problem:
    return Problem(
        file=path, message=f"file is larger than {megabytes(limit)}, the most a harvest file may be"
    )


def read_text(path: Path) -> str:
    """The file's text, or a :class:`FileProblem` for empty, binary, non-UTF-8 or huge files."""
    raw = read_bytes(path)
    if raw.startswith((b"\xff\xfe", b"\xfe\xff")):
        raise FileProblem(Problem(file=path, message="saved as UTF-16; save the file as UTF-8"))
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
                message=f"not valid UTF-8 text (byte 0x{raw[exc.start]:02x}); "
                "save the file as UTF-8",
            )
        ) from None
    if not text.strip():
        raise FileProblem(Problem(file=path, message="file is empty"))
    if _only_comments(text):
        raise FileProblem(Problem(file=path, message="file is empty (it holds only comments)"))
    return text


def _only_comments(text: str) -> bool:
    return all(not line.strip() or line.lstrip().startswith("#") for line in text.splitlines())


def _is_json(path: Path) -> bool:
    return path.suffix == ".json"


def parse(path: Path, text: str) -> Any:
    """Parse YAML or (for ``.json`` files) JSON text.

    Raises :class:`FileProblem` for a syntax error (with its line) and for keys
    repeated in one mapping (every repetition, with its path and line).
    """
    data, repeated = parse_all(path, text)
    if repeated:
        raise FileProblem(*repeated)
    return data


def parse_all(path: Path, text: str) -> tuple[Any, list[Problem]]:
    """Like :func:`parse`, but repeated keys are returned with the data (the last wins)."""
    if _is_json(path):
        repeated = False

        def pairs(items: list[tuple[str, Any]]) -> dict[str, Any]:
            nonlocal repeated
            result = dict(items)
            if len(result) != len(items):
                repeated = True
            return result

        try:
            data = json.loads(text, object_pairs_hook=pairs)
        except json.JSONDecodeError as exc:
            raise FileProblem(
                Problem(
                    file=path,
                    line=exc.lineno,
                    column=exc.colno,
                    message=f"JSON syntax error: {exc.msg}",
                )
            ) from None
        except RecursionError:
            raise FileProblem(Problem(file=path, message=_too_deep())) from None
        except ValueError as exc:  # an integer of more than 4,300 digits
            raise FileProblem(
                Problem(file=path, message=f"a value Python cannot read: {exc}")
            ) from None
        _check_json(path, text, data)
    else:
        try:
            data, repeated = fast_load(text)
        except LimitExceeded as exc:
            raise FileProblem(Problem(file=path, line=exc.line, message=str(exc))) from None
        except Unsupported:
            data, repeated = _full_load(path, text)
    if not repeated:
        return data, []
    return data, [
        Problem(
            file=path,
            path=where,
            line=line,
            message=f"key {where[-1]!r} appears twice (first on line {first})",
        )
        for where, line, first in Locator(path, text).repeated_keys()
    ]


def _too_deep() -> str:
    return f"nested more than {MAX_DEPTH} levels deep; a harvest file needs a handful"


def _check_json(path: Path, text: str, data: Any) -> None:
    """JSON may nest as deep as the parser goes and escape lone surrogates (``\\ud800``)."""
    stack: list[tuple[Any, tuple[PathPart, ...]]] = [(data, ())]
    while stack:
        value, where = stack.pop()
        if len(where) > MAX_DEPTH:
            raise FileProblem(Problem(file=path, message=_too_deep()))
        if isinstance(value, dict):
            for key, item in value.items():
                if _has_surrogate(key):
                    raise FileProblem(_surrogate(path, text, where))
                stack.append((item, (*where, key)))
        elif isinstance(value, list):
            stack.extend((item, (*where, i)) for i, item in enumerate(value))
        elif isinstance(value, str) and _has_surrogate(value):
            raise FileProblem(_surrogate(path, text, where))


_SURROGATE_ESCAPE = re.compile(r"\\u[dD][89a-fA-F][0-9a-fA-F]{2}")


def _has_surrogate(text: str) -> bool:
    try:
        text.encode("utf-8")
    except UnicodeEncodeError:
        return True
    return False


def _surrogate(path: Path, text: str, where: tuple[PathPart, ...]) -> Problem:
    line = Locator(path, text).line(where)
    if line is None:  # YAML, which reads JSON for the line numbers, refuses it too
        escape = _SURROGATE_ESCAPE.search(text)
        line = text.count("\n", 0, escape.start()) + 1 if escape else None
    return Problem(
        file=path,
        path=where,
        line=line,
        message="a lone surrogate escape (\\ud800 to \\udfff) is not a character; "
        "write the character itself",
    )


def _full_load(path: Path, text: str) -> tuple[Any, bool]:
    """PyYAML's whole construction, for texts :func:`fast_load` leaves to it.

    The node tree is composed first (aliases share their node) and held against the
    budgets of :func:`~copharvest.store.dialect.check_node_budget` before any value
    is built, so a few kilobytes of nested aliases cannot expand to gigabytes.
    """
    loader = Loader(text)
    try:
        node = loader.get_single_node()
        if node is None:
            return None, False
        check_node_budget(node)
        return loader.construct_document(node), loader.repeated_key
    except LimitExceeded as exc:
        raise FileProblem(Problem(file=path, line=exc.line, message=str(exc))) from None
    except RecursionError:
        raise FileProblem(Problem(file=path, message=_too_deep())) from None
    except yaml.MarkedYAMLError as exc:
        raise FileProblem(_yaml_problem(path, text, exc)) from None
    except yaml.YAMLError as exc:
        raise FileProblem(Problem(file=path, message=f"YAML syntax error: {exc}")) from None
    except ValueError as exc:  # Python refuses integers of more than 4,300 digits
        raise FileProblem(
            Problem(file=path, message=f"a value Python cannot read: {exc}")
        ) from None
    finally:
        loader.dispose()


def _char_at(text: str, line: int, column: int) -> str:
    lines = text.split("\n")
    if 0 <= line < len(lines) and 0 <= column < len(lines[line]):
        return lines[line][column]
    return ""


_HINTS = {
    "mapping values are not allowed": "a ': ' inside a value? put the value in quotes; "
    "or a key indented more than the keys above it",
    "did not find expected key": "a line indented less or more than the keys of its "
    "mapping? or a value starting with a quote that goes on after the closing quote",
    "did not find expected '-' indicator": "a line indented less or more than the items "
    "of its list",
    "could not find expected ':'": "a key without ':'? or a long value broken over lines "
    "without quotes",
    "found character that cannot start any token": "a value starting with '@', '`' or "
    "'%'? put it in quotes",
    "found undefined alias": "a value starting with '*'? put it in quotes",
    "did not find expected alphabetic or numeric character": "a value starting with '&' "
    "or '*'? put it in quotes",
    "found unexpected end of stream": "a quote opened and never closed",
    "found unknown escape character": "a backslash inside double quotes? use single quotes",
}
"""The usual causes of libyaml's messages, as a hint after the message."""


def _hint(problem: str | None) -> str:
    for start, hint in _HINTS.items():
        if problem and problem.startswith(start):
            return f"; {hint}"
    return ""


def _yaml_problem(path: Path, text: str, exc: yaml.MarkedYAMLError) -> Problem:
    mark = exc.problem_mark or exc.context_mark
    line = mark.line + 1 if mark is not None else None
    column = mark.column + 1 if mark is not None else None
    what = exc.problem or exc.context or "invalid YAML"
    if exc.context and exc.problem:
        what = f"{exc.problem} ({exc.context})"
    if exc.problem == "but found another document":
        what = "a second document starts here ('---'); a harvest file holds one"
    elif mark is not None and (
        _char_at(text, mark.line, mark.column) == "\t" or "\t" in _line_start(text, mark.line)
    ):
        what = "a tab character; indent with spaces"
    else:
        what += _hint(exc.problem)
    if isinstance(exc, yaml.constructor.ConstructorError):
        return Problem(file=path, line=line, column=column, message=f"YAML error: {what}")
    return Problem(file=path, line=line, column=column, message=f"YAML syntax error: {what}")


def _line_start(text: str, line: int) -> str:
    """The indentation of a 0-based line."""
    lines = text.split("\n")
    if not 0 <= line < len(lines):
        return ""
    content = lines[line]
    return content[: len(content) - len(content.lstrip())]


_Node = yaml.Node


class Locator:
    """Finds the line of a data path in a file's text; composes the node tree once."""

    def __init__(self, path: Path, text: str) -> None:
        self.path = path
        self.text = text
        self._root: _Node | None = None
        self._composed = False
        self._constructor: Any = None

    def _tree(self) -> _Node | None:
        if not self._composed:
            self._composed = True
            # JSON allows tabs between tokens, YAML does not; a JSON string cannot hold
            # a raw tab, so replacing them changes no value and no line.
            text = self.text.replace("\t", " ") if _is_json(self.path) else self.text
            try:
                self._root = yaml.compose(text, Loader=Loader)
            except (yaml.YAMLError, RecursionError):
                self._root = None
        return self._root

    def _key(self, node: _Node) -> str:
        if node.tag in (STR_TAG, MERGE_TAG) or not isinstance(node, yaml.ScalarNode):
            return str(node.value)
        if self._constructor is None:
            self._constructor = Loader("")
        try:
            return key_text(self._constructor.construct_object(node))
        except yaml.YAMLError:
            return str(node.value)

    def line(self, path: Sequence[PathPart] | None) -> int | None:
        """The 1-based line of the node at ``path``, or of its nearest existing ancestor.

        A mapping key's line is given for a field (that is where a person reads it).
        """
        node = self._tree()
        if node is None or path is None:
            return None
        line: int = node.start_mark.line + 1
        for part in path:
            if isinstance(node, yaml.MappingNode) and isinstance(part, str):
                for key_node, value_node in node.value:
                    if self._key(key_node) == part:
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

    def repeated_keys(self) -> Iterator[tuple[tuple[PathPart, ...], int, int]]:
        """(path, line, line of the first occurrence) of every key repeated in a mapping."""
        root = self._tree()
        if root is None:
            return
        seen: set[int] = set()
        stack: list[tuple[_Node, tuple[PathPart, ...]]] = [(root, ())]
        found: list[tuple[tuple[PathPart, ...], int, int]] = []
        while stack:
            node, where = stack.pop()
            if id(node) in seen:
                continue
            seen.add(id(node))
            if isinstance(node, yaml.MappingNode):
                first: dict[str, int] = {}
                for key_node, value_node in node.value:
                    if key_node.tag == MERGE_TAG:
                        continue
                    key = self._key(key_node)
                    line = key_node.start_mark.line + 1
                    if key in first:
                        found.append(((*where, key), line, first[key]))
                    else:
                        first[key] = line
                    stack.append((value_node, (*where, key)))
            elif isinstance(node, yaml.SequenceNode):
                stack.extend((item, (*where, i)) for i, item in enumerate(node.value))
        yield from sorted(found, key=lambda f: f[1])


def locate(text: str, path: Sequence[PathPart], file: Path = Path("x.yaml")) -> int | None:
    """The 1-based line of ``path`` in ``text``; see :meth:`Locator.line`."""
    return Locator(file, text).line(path)


def dump(data: Any, *, header: str = "") -> str:
    """YAML text for ``data``, keys in the given order, Unicode kept readable."""
    body: str = yaml.dump(
        data,
        Dumper=Dumper,
        sort_keys=False,
        allow_unicode=True,
        default_flow_style=False,
        width=88,
    )
    return header + body
