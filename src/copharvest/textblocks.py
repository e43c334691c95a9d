"""Narrative text -> blocks of runs: paragraphs, bullet lists, simple emphasis.

The harvest files use a small, forgiving subset of Markdown: a blank line starts a
new paragraph, lines starting with ``- `` or ``* `` form a bullet list,
``**strong**`` and ``*emphasis*`` mark runs. Everything else is literal text.
"""

from __future__ import annotations

import re

import attrs


@attrs.frozen(kw_only=True)
class Run:
    """A stretch of text with one style."""

    text: str
    """The text."""
    bold: bool = False
    """Strong."""
    italic: bool = False
    """Emphasis."""


@attrs.frozen(kw_only=True)
class Block:
    """A paragraph or a bullet list."""

    kind: str
    """``"paragraph"`` or ``"bullets"``."""
    runs: tuple[Run, ...] = ()
    """For a paragraph: its runs."""
    items: tuple[tuple[Run, ...], ...] = ()
    """For a bullet list: the runs of each item."""

    @property
    def text(self) -> str:
        """The plain text (items joined by newlines)."""
        if self.kind == "bullets":
            return "\n".join("".join(r.text for r in item) for item in self.items)
        return "".join(r.text for r in self.runs)


# ``**strong**``, or ``*emphasis*`` whose first star follows neither a word character nor
# a star. Both start with a star, which the pattern begins with, so that the regular
# expression engine can skip to the stars instead of trying both at every character.
_INLINE = re.compile(
    r"\*(?:\*(?P<bold>[^*\n]+?)\*\*|(?<![\w*]\*)(?P<italic>[^*\s][^*\n]*?)\*(?![\w*]))"
)
_BULLET = re.compile(r"^\s*[-*]\s+")
_PARAGRAPH_BREAK = re.compile(r"\n[ \t]*\n")


def runs(text: str) -> tuple[Run, ...]:
    """Split one paragraph's text into runs."""
    if "*" not in text:
        return (Run(text=text),)
    out: list[Run] = []
    pos = 0
    for match in _INLINE.finditer(text):
        if match.start() > pos:
            out.append(Run(text=text[pos : match.start()]))
        if match.group("bold") is not None:
            out.append(Run(text=match.group("bold"), bold=True))
        else:
            out.append(Run(text=match.group("italic"), italic=True))
        pos = match.end()
    if pos < len(text) or not out:
        out.append(Run(text=text[pos:]))
    return tuple(out)


def blocks(text: str) -> tuple[Block, ...]:
    """Parse a passage into blocks."""
    if "\n" not in text:  # one line: what the loop below makes of it, directly
        line = text.strip()
        if not line:
            return ()
        if _BULLET.match(text):
            item = _BULLET.sub("", text, count=1).strip()
            return (Block(kind="bullets", items=(runs(item),)),)
        return (Block(kind="paragraph", runs=runs(line)),)
    out: list[Block] = []
    for chunk in _PARAGRAPH_BREAK.split(text.strip("\n")):
        lines = [line for line in chunk.split("\n") if line.strip()]
        if not lines:
            continue
        paragraph: list[str] = []
        items: list[str] = []
        for line in lines:
            if _BULLET.match(line):
                if paragraph:
                    out.append(Block(kind="paragraph", runs=runs(" ".join(paragraph))))
                    paragraph = []
                items.append(_BULLET.sub("", line, count=1).strip())
            elif items and line.startswith((" ", "\t")):
                items[-1] += " " + line.strip()
            else:
                if items:
                    out.append(Block(kind="bullets", items=tuple(runs(i) for i in items)))
                    items = []
                paragraph.append(line.strip())
        if paragraph:
            out.append(Block(kind="paragraph", runs=runs(" ".join(paragraph))))
        if items:
            out.append(Block(kind="bullets", items=tuple(runs(i) for i in items)))
    return tuple(out)
