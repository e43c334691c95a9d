"""Comment-keeping writes: the text of a harvest file edited to hold new data.

ruamel.yaml's parser gives every key, value and list item of the file with its place
in the text. The old data (what the file holds, normalised the way the model
writes it) is compared with the new, and only what differs is rewritten: records are
matched by id (other list items by their whole value, so two items that differ are
never taken for one another), a changed record is edited field by field, and a list of
ids such as an attendance list gains its new ids in place. Everything else — comments,
blank lines, key order, quoting, wrapping, indentation, CRLF line ends — is the file's
own text, copied. ruamel's emitter re-wraps and re-indents whole files; it writes only
the new lines here (see :mod:`copharvest.store.fragments`).
"""

from __future__ import annotations

import difflib
import itertools
import json
from typing import Any

from copharvest.store import fragments
from copharvest.store.fragments import Style

_MISSING: Any = object()


def _compose(text: str) -> Any:
    from ruamel.yaml import YAML  # only writing needs ruamel; loading stays on libyaml

    # Only the nodes' places in the text are needed (the text itself is kept, comments
    # and all), so the pure parser without comment tokens does: five times faster.
    return YAML(typ="safe", pure=True).compose(text)


def _kind(node: Any) -> str:
    return type(node).__name__


def _is_block(node: Any, kind: str) -> bool:
    return _kind(node) == kind and not node.flow_style


def ident(value: Any) -> Any:
    """What tells list items apart: a record's id, or else the whole value."""
    if isinstance(value, dict) and isinstance(value.get("id"), str):
        return ("id", value["id"])
    return ("value", json.dumps(value, sort_keys=True, default=str))


class Editor:
    """Edits to one text, collected and applied at once (they never overlap)."""

    def __init__(self, text: str, style: Style | None = None) -> None:
        self.text = text
        self.root = _compose(text)
        self.style = style or fragments.detect_style(text, self.root)
        self.edits: list[tuple[int, int, int, str]] = []

    # -- positions ---------------------------------------------------------------
    def line_start(self, i: int) -> int:
        return self.text.rfind("\n", 0, i) + 1

    def col(self, node: Any) -> int:
        """A node's column, counting only "\n" as a line break (as the edits do)."""
        return int(node.start_mark.index) - self.line_start(node.start_mark.index)

    def line_end(self, i: int) -> int:
        j = self.text.find("\n", i)
        return len(self.text) if j < 0 else j + 1

    def end(self, node: Any) -> int:
        """Where a node's own text ends (a block collection: where its last value ends)."""
        kind = _kind(node)
        if kind == "ScalarNode":
            i: int = node.end_mark.index
            if node.style in ("|", ">"):
                while i > node.start_mark.index and self.text[i - 1] in " \t\r\n":
                    i -= 1
            return i
        if node.flow_style or not node.value:
            return int(node.end_mark.index)
        last = node.value[-1]
        return self.end(last[1] if kind == "MappingNode" else last)

    def dash(self, node: Any) -> int:
        """The index of the dash of a block list item."""
        i: int = node.start_mark.index - 1
        while i > 0 and self.text[i] != "-":
            i -= 1
        return i

    def value_end(self, key: Any, value: Any) -> int:
        if _kind(value) == "ScalarNode" and value.value == "" and not value.style:
            return self.text.index(":", key.end_mark.index) + 1  # `key:` with no value
        return self.end(value)

    # -- edits ---------------------------------------------------------------------
    def put(self, start: int, end: int, text: str) -> None:
        nl = self.style.newline
        self.edits.append(
            (start, end, len(self.edits), text.replace("\n", nl) if nl != "\n" else text)
        )

    def delete_lines(self, start: int, end: int) -> None:
        self.put(self.line_start(start), self.line_end(end), "")

    def result(self) -> str:
        out, cursor = [], 0
        for start, end, _, text in sorted(self.edits, key=lambda e: (e[0], e[1] != e[0], e[2])):
            out += [self.text[cursor:start], text]
            cursor = max(cursor, end)
        out.append(self.text[cursor:])
        return "".join(out)

    def _after(self, end: int) -> tuple[int, str]:
        """Where to add lines after the line holding ``end``, and the newline it needs."""
        at = self.line_end(end)
        return at, ("\n" if at == len(self.text) and not self.text.endswith("\n") else "")

    # -- mappings ------------------------------------------------------------------
    def mapping(self, node: Any, old: dict[str, Any], new: dict[str, Any]) -> None:
        present: dict[str, tuple[Any, Any]] = {}
        for n, (key_node, value_node) in enumerate(node.value):
            key = key_node.value
            present[key] = (key_node, value_node)
            before, after = old.get(key, _MISSING), new.get(key, _MISSING)
            if before == after:
                continue  # also a default the file spells out: the model reads it the same
            start = key_node.start_mark.index
            if (
                after is _MISSING
                and n == 0
                and len(node.value) > 1
                and self.line_start(start) < start
            ):
                # the first key shares its line with the list's dash: the next key moves up
                self.put(start, node.value[1][0].start_mark.index, "")
            elif after is _MISSING:
                self.delete_lines(start, self.value_end(key_node, value_node))
            else:
                self.field(key_node, value_node, before, after)
        order = list(new)
        for n, key in enumerate(order):
            if key in present:
                continue
            anchor = next((k for k in reversed(order[:n]) if k in present), None)
            column = self.col(node.value[0][0])
            text = fragments.item(key, new[key], self.style)
            pad = " " * column
            if anchor is None:
                first = node.value[0][0].start_mark.index
                self.put(first, first, fragments.indent(text, "", pad) + pad)
            else:
                at, nl = self._after(self.value_end(*present[anchor]))
                self.put(at, at, nl + fragments.indent(text, pad, pad).rstrip(" "))

    def field(self, key_node: Any, value_node: Any, before: Any, after: Any) -> None:
        """Change the value of one mapping entry, as little as it takes."""
        if isinstance(before, dict) and isinstance(after, dict):
            if _is_block(value_node, "MappingNode"):
                self.mapping(value_node, before, after)
                return
        elif (
            isinstance(before, list)
            and isinstance(after, list)
            and after
            and _kind(value_node) == "SequenceNode"
            and len(value_node.value) == len(before)
        ):
            self.sequence(value_node, before, after)
            return
        column = self.col(key_node)
        text = fragments.item(key_node.value, after, self.style).rstrip("\n")
        end = self.value_end(key_node, value_node)
        self.put(key_node.start_mark.index, end, fragments.indent(text, "", " " * column))

    # -- lists ---------------------------------------------------------------------
    def sequence(self, node: Any, old: list[Any], new: list[Any]) -> None:
        if node.flow_style:
            self.flow_sequence(node, old, new)
            return
        items = node.value
        matcher = difflib.SequenceMatcher(
            None, [ident(v) for v in old], [ident(v) for v in new], autojunk=False
        )
        for tag, i1, i2, j1, j2 in matcher.get_opcodes():
            if tag == "equal":
                for i, j in zip(range(i1, i2), range(j1, j2), strict=True):
                    if old[i] != new[j]:
                        self.change_item(items[i], old[i], new[j])
                continue
            for i in range(i1, i2):
                self.delete_lines(self.dash(items[i]), self.end(items[i]))
            if j2 > j1:
                self.insert_items(items, i1, new[j1:j2])

    def change_item(self, item: Any, before: Any, after: Any) -> None:
        if isinstance(before, dict) and isinstance(after, dict) and _is_block(item, "MappingNode"):
            self.mapping(item, before, after)
            return
        column = self.col(item)
        text = fragments.block(after, self.style, flow=bool(getattr(item, "flow_style", False)))
        self.put(
            item.start_mark.index,
            self.end(item),
            fragments.indent(text.rstrip("\n"), "", " " * column),
        )

    def _item_layout(self, items: list[Any]) -> tuple[str, str, bool, str]:
        """(first-line prefix, continuation prefix, flow records, separator) of a list."""
        first = items[0]
        dash = self.dash(first)
        dash_col = dash - self.line_start(dash)
        content = (
            first.start_mark.index - self.line_start(first.start_mark.index)
            if "\n" not in self.text[dash : first.start_mark.index]
            else dash_col + 2
        )
        head = " " * dash_col + "-" + " " * max(1, content - dash_col - 1)
        flows = [i for i in items if _kind(i) == "MappingNode"]
        flow = bool(flows) and sum(bool(i.flow_style) for i in flows) * 2 > len(flows)
        gaps = [
            self.text[self.line_end(self.end(a)) : self.line_start(self.dash(b))]
            for a, b in itertools.pairwise(items)
        ]
        blank = bool(gaps) and sum(
            any(not ln.strip() for ln in g.split("\n")[:-1]) for g in gaps
        ) * 2 > len(gaps)
        return head, " " * content, flow, "\n" if blank else ""

    def insert_items(self, items: list[Any], before: int, values: list[Any]) -> None:
        head, rest, flow, sep = self._item_layout(items)
        texts = []
        for value in values:
            text = fragments.block(value, self.style, flow=flow and isinstance(value, dict))
            texts.append(fragments.indent(text.rstrip("\n"), head, rest) + "\n")
        if before == 0:
            at = self.line_start(self.dash(items[0]))
            self.put(at, at, "".join(t + sep for t in texts))
        else:
            at, nl = self._after(self.end(items[before - 1]))
            self.put(at, at, nl + "".join(sep + t for t in texts))

    def flow_sequence(self, node: Any, old: list[Any], new: list[Any]) -> None:
        items = node.value
        if not items or any(isinstance(v, dict | list) for v in new):
            text = fragments.block(new, self.style, flow=True).rstrip("\n")
            self.put(node.start_mark.index, node.end_mark.index, text)
            return
        matcher = difflib.SequenceMatcher(
            None, [ident(v) for v in old], [ident(v) for v in new], autojunk=False
        )
        for tag, i1, i2, j1, j2 in matcher.get_opcodes():
            if tag == "equal":
                continue
            if i2 > i1 and i1 > 0:
                self.put(self.end(items[i1 - 1]), self.end(items[i2 - 1]), "")
            elif i2 > i1:
                stop = items[i2].start_mark.index if i2 < len(items) else self.end(items[-1])
                self.put(items[0].start_mark.index, stop, "")
            added = [fragments.scalar(v, self.style) for v in new[j1:j2]]
            if i1 == 0:
                at = items[0].start_mark.index
                self.put(at, at, ", ".join(added) + (", " if i2 < len(items) else ""))
            else:
                at = self.end(items[i1 - 1])
                self.put(at, at, self._wrapped(at, added))

    def _wrapped(self, at: int, added: list[str]) -> str:
        """``, a, b`` to add at ``at``, wrapped where the line would grow past the width."""
        column = at - self.line_start(at)
        start = self.line_start(at)
        first = self.text[start : self.line_end(at)]
        indent = " " * (len(first) - len(first.lstrip()) + 2)
        out = []
        for word in added:
            if column + len(word) + 2 > self.style.width:
                out.append(",\n" + indent + word)
                column = len(indent) + len(word)
            else:
                out.append(", " + word)
                column += len(word) + 2
        return "".join(out)


def edit(text: str, old: Any, new: Any) -> str:
    """``text`` (a YAML document holding ``old``) edited to hold ``new``."""
    editor = Editor(text)
    root = editor.root
    if isinstance(old, dict) and isinstance(new, dict) and _is_block(root, "MappingNode"):
        editor.mapping(root, old, new)
    elif (
        isinstance(old, list)
        and isinstance(new, list)
        and new
        and _is_block(root, "SequenceNode")
        and len(root.value) == len(old)
    ):
        editor.sequence(root, old, new)
    else:
        # no layout to keep: the comments around the document stay, the document is new
        body = fragments.block(new, editor.style).rstrip("\n") if new else "[]"
        if isinstance(new, list) and new:
            body = "\n".join(
                fragments.indent(fragments.block(v, editor.style).rstrip("\n"), "- ", "  ")
                for v in new
            )
        if root is None:
            return text + ("" if not text or text.endswith("\n") else "\n") + body + "\n"
        editor.put(root.start_mark.index, editor.end(root), body)
    return editor.result()
