"""Narrative text -> blocks: the runs are found as the plain, one-alternative-at-a-time
pattern finds them."""

from __future__ import annotations

import re

from hypothesis import given, settings
from hypothesis import strategies as st

from copharvest.textblocks import _INLINE, Block, Run, blocks, runs

# The pattern in its plainest form: ``**strong**``, or ``*emphasis*`` not preceded by
# a word character or a star.
PLAIN = re.compile(r"\*\*(?P<bold>[^*\n]+?)\*\*|(?<![\w*])\*(?P<italic>[^*\s][^*\n]*?)\*(?![\w*])")
PIECES = ["*", "**", "a", "é", "_", "1", " ", "\t", "\n", "\n\n", "- ", "* ", "  - ", ".", "\n  "]


@settings(max_examples=1000, deadline=None)
@given(st.lists(st.sampled_from(PIECES), max_size=16).map("".join))
def test_the_pattern_matches_as_the_plain_one(text: str) -> None:
    found = [(m.span(), m.groupdict()) for m in _INLINE.finditer(text)]
    assert found == [(m.span(), m.groupdict()) for m in PLAIN.finditer(text)]


def test_runs() -> None:
    assert runs("no stars at all") == (Run(text="no stars at all"),)
    assert runs("") == (Run(text=""),)
    assert runs("a **strong** and *soft* word, 2*3*4 and *not closed") == (
        Run(text="a "),
        Run(text="strong", bold=True),
        Run(text=" and "),
        Run(text="soft", italic=True),
        Run(text=" word, 2*3*4 and *not closed"),
    )
    assert runs("*start* and end*") == (Run(text="start", italic=True), Run(text=" and end*"))


def test_blocks() -> None:
    text = "First *line*\nstill first.\n\n- one\n  more\n* two\n\n  \nLast."
    assert blocks(text) == (
        Block(
            kind="paragraph",
            runs=(Run(text="First "), Run(text="line", italic=True), Run(text=" still first.")),
        ),
        Block(kind="bullets", items=((Run(text="one more"),), (Run(text="two"),))),
        Block(kind="paragraph", runs=(Run(text="Last."),)),
    )


@settings(max_examples=1000, deadline=None)
@given(st.lists(st.sampled_from([p for p in PIECES if "\n" not in p]), max_size=12).map("".join))
def test_one_line_is_read_as_the_general_case_reads_it(text: str) -> None:
    # a trailing newline sends the same text through the general loop
    assert blocks(text) == blocks(text + "\n")
