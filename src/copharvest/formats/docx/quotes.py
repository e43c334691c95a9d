"""Typographic quotes and apostrophes in record text, for the printed booklet.

Records are typed with straight quotes (``'`` and ``"``); a booklet prints curly ones:
``collega's`` -> ``collega’s``, ``'niet voor het boekje'`` -> ``‘niet voor het boekje’``,
``"x"`` -> ``“x”``. English and Dutch share the marks (‘single’, “double”, and ’ for an
apostrophe); they differ in the words that begin with an apostrophe, where ’ and not ‘ is
right: Dutch ``'s-Hertogenbosch``, ``'t``, ``'n``, English ``'tis``, ``'em``, and years
(``'80``) in both. Web and e-mail addresses and paths keep their characters.
"""

from __future__ import annotations

import re

ELISIONS: dict[str, frozenset[str]] = {
    "nl": frozenset({"s", "t", "n", "k", "m", "r", "ns", "tis"}),
    "en": frozenset({"tis", "twas", "em", "cause", "til", "n", "round", "bout", "twere"}),
}
"""Words that begin with an apostrophe (lower case, without it), by language."""

_PROTECTED = re.compile(
    r"(?:(?:https?|ftp)://|www\.)[^\s\"]*[^\s'\".,;:!?)]"  # web addresses
    r"|[\w.+-][\w.+'-]*@[\w-]+(?:\.[\w-]+)+"  # e-mail addresses
    r"|(?<![^\s(])(?:~|\.{1,2})?/[\w./'-]*[\w/]"  # paths: /etc/x, ./x, ~/x
    r"|\b[A-Za-z]:\\\S+"  # C:\x
    r"|\b[\w.-]+/[\w./'-]*\.\w{1,5}\b"  # folder/file.ext
)
_PROTECTED_MARKS = ("/", "@", "\\", "www.")
"""What each kind of protected text holds: "/" (addresses, paths), "@", "\\", "www."."""
_QUOTES = re.compile("['\"]")
_CLOSERS = frozenset(".,;:!?)]}\u2026\u2019\u201d")
_WORD = re.compile(r"[^\W\d_]+")
_YEAR = re.compile(r"\d\d(?!\d)")


def _single(text: str, i: int, elisions: frozenset[str]) -> str:
    before = text[i - 1] if i else " "
    after = text[i + 1] if i + 1 < len(text) else " "
    if before.isalnum() or before in _CLOSERS:
        return "\u2019"  # collega's, zo'n, the end of a quotation
    word = _WORD.match(text, i + 1)
    if word and word.group().lower() in elisions:
        rest = text[word.end() : word.end() + 1]
        if not rest or not rest.isalpha():
            return "\u2019"  # 's-Hertogenbosch, 't, 'n
    if _YEAR.match(text, i + 1):
        return "\u2019"  # '80
    if after.isspace() or after in _CLOSERS:
        return "\u2019"
    return "\u2018"


def _double(text: str, i: int) -> str:
    before = text[i - 1] if i else " "
    after = text[i + 1] if i + 1 < len(text) else " "
    if before.isspace() or before in "([{\u2018\u2014\u2013-/" or i == 0:
        return "\u201c" if not after.isspace() else "\u201d"
    return "\u201d"


def typographic(text: str, language: str) -> str:
    """``text`` with curly quotes and apostrophes, addresses and paths left as they are."""
    if "'" not in text and '"' not in text:
        return text
    elisions = ELISIONS.get(language, ELISIONS["en"])
    # every protected pattern holds one of these marks: without them, none is searched
    # for (the search tries its look-behinds at every position: most of the time here)
    protected = (
        [m.span() for m in _PROTECTED.finditer(text)]
        if any(mark in text for mark in _PROTECTED_MARKS)
        else []
    )
    out = list(text)
    for quote in _QUOTES.finditer(text):
        i = quote.start()
        if any(start <= i < end for start, end in protected):
            continue
        out[i] = _single(text, i, elisions) if text[i] == "'" else _double(text, i)
    return "".join(out)
