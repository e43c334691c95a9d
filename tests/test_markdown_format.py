"""The markdown format's escaping: every Markdown special character gets a backslash,
newlines become spaces, nothing else changes."""

from __future__ import annotations

from hypothesis import given, settings
from hypothesis import strategies as st

from copharvest.formats.markdown import escape

SPECIAL = "\\`*_{}[]<>#|!"


def _plain_escape(text: str) -> str:
    return "".join("\\" + c if c in SPECIAL else " " if c == "\n" else c for c in text)


def test_each_character() -> None:
    for code in range(0x3000):
        assert escape(chr(code)) == _plain_escape(chr(code)), hex(code)


@settings(max_examples=500, deadline=None)
@given(st.text(alphabet=st.sampled_from([*SPECIAL, "a", "é", " ", "\n", "\r", "-", "😀"])))
def test_any_text(text: str) -> None:
    assert escape(text) == _plain_escape(text)
