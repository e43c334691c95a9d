"""The YAML dialect of harvest files: a narrowed loader and the dumper that matches it.

Only ``true``/``false`` are booleans and only plain decimal numbers are numbers;
``yes``, ``0x10``, ``1:20`` and dates stay text. The dumper quotes every text the
loader would not read back as text, so whatever is saved loads unchanged.
"""

from __future__ import annotations

import re
from typing import Any

import yaml

_Base: type[Any] = getattr(yaml, "CSafeLoader", yaml.SafeLoader)
_BaseDumper: type[Any] = getattr(yaml, "CSafeDumper", yaml.SafeDumper)

STR_TAG = "tag:yaml.org,2002:str"
MERGE_TAG = "tag:yaml.org,2002:merge"
_DROPPED_TAGS = {
    "tag:yaml.org,2002:bool",
    "tag:yaml.org,2002:int",
    "tag:yaml.org,2002:float",
    "tag:yaml.org,2002:timestamp",
}
_NARROW_RESOLVERS = (
    ("tag:yaml.org,2002:bool", r"^(?:true|True|TRUE|false|False|FALSE)$", "tTfF"),
    ("tag:yaml.org,2002:int", r"^[-+]?(?:0|[1-9][0-9]*)$", "-+0123456789"),
    (
        "tag:yaml.org,2002:float",
        r"^[-+]?(?:[0-9]+\.[0-9]*|\.[0-9]+)(?:[eE][-+]?[0-9]+)?$",
        "-+0123456789.",
    ),
)


def _narrowed(base: type[Any]) -> type[Any]:
    class Loader(base):  # type: ignore[misc]
        """Narrowed implicit types; remembers whether a mapping repeats a key."""

        repeated_key = False

        def construct_mapping(self, node: yaml.MappingNode, deep: bool = False) -> Any:
            if not self.repeated_key and isinstance(node, yaml.MappingNode):
                seen: set[Any] = set()
                for key_node, _ in node.value:
                    tag = key_node.tag
                    if tag == MERGE_TAG:
                        continue
                    key = key_node.value if tag == STR_TAG else self.construct_object(key_node)
                    try:
                        if key in seen:
                            # the node tree is composed again to report every
                            # repetition with its path (Locator.repeated_keys)
                            self.repeated_key = True
                            break
                        seen.add(key)
                    except TypeError:
                        continue  # unhashable; the constructor reports it
            return super().construct_mapping(node, deep=deep)

        def resolve(self, kind: type[yaml.Node], value: Any, implicit: Any) -> str:
            # The base method is called from C for every scalar; this is the same
            # lookup without path resolvers (none are registered) or list building.
            if kind is yaml.ScalarNode:
                if implicit[0]:
                    for tag, regexp in self.yaml_implicit_resolvers.get(value[:1], ()):
                        if regexp.match(value):
                            return tag  # type: ignore[no-any-return]
                return STR_TAG
            return super().resolve(kind, value, implicit)  # type: ignore[no-any-return]

        def construct_sequence(self, node: yaml.SequenceNode, deep: bool = False) -> Any:
            # Long lists of ids (attendance) are the bulk of a large harvest; a text
            # scalar is its own value, so the general dispatch is skipped for it.
            if not isinstance(node, yaml.SequenceNode):
                return super().construct_sequence(node, deep=deep)
            construct = self.construct_object
            return [
                child.value
                if child.tag == STR_TAG and type(child) is yaml.ScalarNode
                else construct(child, deep=deep)
                for child in node.value
            ]

    Loader.yaml_implicit_resolvers = {
        first: [(tag, rx) for tag, rx in resolvers if tag not in _DROPPED_TAGS]
        for first, resolvers in base.yaml_implicit_resolvers.items()
    }
    for tag, pattern, first in _NARROW_RESOLVERS:
        Loader.add_implicit_resolver(tag, re.compile(pattern), list(first))
    # resolve() below relies on there being no wildcard and no path resolvers
    assert None not in Loader.yaml_implicit_resolvers
    assert not Loader.yaml_path_resolvers
    return Loader


Loader = _narrowed(_Base)
"""The loader used for all harvest files; it also composes node trees with line marks."""


class Unsupported(Exception):
    """The text uses YAML beyond what :func:`fast_load` handles; use :data:`Loader`."""


MAX_DEPTH = 64
"""The deepest nesting of lists and mappings read; a harvest file needs about six."""
MAX_ALIAS_NODES = 100_000
"""How many values aliases (``*name``) may repeat in one file, in all."""


class LimitExceeded(Exception):
    """A text is beyond a budget of :data:`MAX_DEPTH` or :data:`MAX_ALIAS_NODES`."""

    def __init__(self, message: str, line: int | None = None) -> None:
        super().__init__(message)
        self.line = line
        """The 1-based line where it shows, if known."""


def _too_deep(line: int | None) -> LimitExceeded:
    return LimitExceeded(
        f"nested more than {MAX_DEPTH} levels deep; a harvest file needs a handful", line
    )


def check_node_budget(root: yaml.Node) -> None:
    """Refuse a composed document that would expand beyond the budgets.

    An alias shares its anchor's node, so the tree is small even when the data it
    stands for is huge ("a billion laughs"). Each node's expanded size and depth are
    computed once, bottom up, without recursion; a node that contains itself is
    refused too.
    """
    size: dict[int, int] = {}
    depth: dict[int, int] = {}
    open_nodes: set[int] = set()
    stack: list[tuple[yaml.Node, bool]] = [(root, False)]
    while stack:
        node, done = stack.pop()
        key = id(node)
        children: list[yaml.Node]
        if isinstance(node, yaml.MappingNode):
            children = [part for pair in node.value for part in pair]
        elif isinstance(node, yaml.SequenceNode):
            children = list(node.value)
        else:
            children = []
        if done:
            open_nodes.discard(key)
            size[key] = 1 + sum(size[id(c)] for c in children)
            depth[key] = 1 + max((depth[id(c)] for c in children), default=0)
            if depth[key] > MAX_DEPTH:
                raise _too_deep(node.start_mark.line + 1)
            continue
        if key in size:
            continue
        if key in open_nodes:
            raise LimitExceeded(
                "an alias refers to a value that contains it", node.start_mark.line + 1
            )
        open_nodes.add(key)
        stack.append((node, True))
        stack.extend((child, False) for child in children if id(child) not in size)
        if len(open_nodes) > MAX_DEPTH:
            raise _too_deep(node.start_mark.line + 1)
    repeated = size[id(root)] - len(size)
    if repeated > MAX_ALIAS_NODES:
        raise LimitExceeded(
            f"aliases (*name) would repeat {repeated:,} values; at most "
            f"{MAX_ALIAS_NODES:,} are allowed in one file",
            root.start_mark.line + 1,
        )


_NULL_TAG = "tag:yaml.org,2002:null"
_BOOL_TAG = "tag:yaml.org,2002:bool"
_INT_TAG = "tag:yaml.org,2002:int"
_FLOAT_TAG = "tag:yaml.org,2002:float"
_NO_KEY = object()


def fast_load(text: str) -> tuple[Any, bool]:
    """The data of a one-document YAML text, and whether a mapping repeats a key.

    The same result as :data:`Loader` gives, built straight from libyaml's events:
    composing a node tree first (with a Python call per node to resolve its tag)
    costs several times as much. Only untagged plain and quoted scalars, mappings
    with scalar keys and sequences are handled; anchors, aliases, tags, merge keys,
    complex keys and anything else raise :class:`Unsupported`, and so does a syntax
    error, so that the caller falls back to :data:`Loader` for the full behaviour and
    its error messages.
    """
    parser = Loader(text)
    get = parser.get_event
    resolvers = Loader.yaml_implicit_resolvers
    scalar_event, mapping_start, sequence_start = (
        yaml.ScalarEvent,
        yaml.MappingStartEvent,
        yaml.SequenceStartEvent,
    )
    # each open collection: [container, is_mapping, pending key]
    stack: list[list[Any]] = []
    repeated = False
    root: Any = None
    try:
        get()  # stream start
        if type(get()) is not yaml.DocumentStartEvent:
            return None, False  # an empty stream; the text held only comments
        while True:
            event = get()
            kind = type(event)
            if kind is scalar_event:
                if event.tag is not None or event.anchor is not None:
                    raise Unsupported("a tag or anchor")
                value: Any = event.value
                if event.implicit[0] and value[:1] in resolvers:
                    for tag, regexp in resolvers[value[:1]]:
                        if regexp.match(value):
                            if tag == _NULL_TAG:
                                value = None
                            elif tag == _INT_TAG:
                                value = int(value)
                            elif tag == _FLOAT_TAG:
                                value = float(value)
                            elif tag == _BOOL_TAG:
                                value = value[0] in "tT"
                            else:
                                raise Unsupported(tag)
                            break
            elif kind is mapping_start or kind is sequence_start:
                if event.tag is not None or event.anchor is not None:
                    raise Unsupported("a tag or anchor")
                if stack and stack[-1][1] and stack[-1][2] is _NO_KEY:
                    raise Unsupported("a complex mapping key")
                value = {} if kind is mapping_start else []
                stack.append([value, kind is mapping_start, _NO_KEY])
                if len(stack) > MAX_DEPTH:
                    raise _too_deep(event.start_mark.line + 1)
                continue
            elif kind is yaml.MappingEndEvent or kind is yaml.SequenceEndEvent:
                value = stack.pop()[0]
            elif kind is yaml.DocumentEndEvent:
                break
            else:
                raise Unsupported(kind.__name__)
            if not stack:
                root = value
                continue
            top = stack[-1]
            if not top[1]:
                top[0].append(value)
            elif top[2] is _NO_KEY:
                top[2] = value
            else:
                key = top[2]
                mapping = top[0]
                if key in mapping:
                    repeated = True
                mapping[key] = value
                top[2] = _NO_KEY
        if type(get()) is not yaml.StreamEndEvent:
            raise Unsupported("a second document")
    except (yaml.YAMLError, ValueError) as exc:  # ValueError: an integer of 4,300+ digits
        raise Unsupported("a syntax error") from exc
    finally:
        parser.dispose()
    return root, repeated


class Dumper(_BaseDumper):  # type: ignore[misc]
    """Writes harvest files; quotes every text :data:`Loader` would not read back as text.

    The standard resolvers (YAML 1.1: ``yes``, ``0x10``, ``1:20``, ...) are kept and the
    narrowed ones added, so a text such as ``-.5`` or ``1.0e5``, which the narrowed
    loader reads as a number, is quoted too. Dates are the exception: the loader reads
    ``2025-03-12`` as text, so it is written without quotes.
    """

    def represent_str(self, data: str) -> Any:
        # Multi-line texts are written as literal blocks where the emitter allows it.
        style = "|" if "\n" in data else None
        return self.represent_scalar(STR_TAG, data, style=style)

    def represent_list(self, data: list[Any]) -> Any:
        # Lists of ids (attendance, preparation) on one line, as people write them.
        flow = bool(data) and all(_is_word(item) for item in data)
        return self.represent_sequence("tag:yaml.org,2002:seq", data, flow_style=flow)


def _is_word(item: object) -> bool:
    return isinstance(item, str) and 0 < len(item) <= 40 and not any(c.isspace() for c in item)


Dumper.yaml_implicit_resolvers = {
    first: [(tag, rx) for tag, rx in resolvers if tag != "tag:yaml.org,2002:timestamp"]
    for first, resolvers in _BaseDumper.yaml_implicit_resolvers.items()
}
for _tag, _pattern, _first in _NARROW_RESOLVERS:
    Dumper.add_implicit_resolver(_tag, re.compile(_pattern), list(_first))
Dumper.add_representer(str, Dumper.represent_str)
Dumper.add_representer(list, Dumper.represent_list)
