"""What plugins get, and the last check of a publication before it is written.

Plugins' metrics and health checks run on :func:`audience_view`: the records without
what the audience may not read, the names of members without consent replaced by
pseudonyms and without the privacy key. What they return is passed through
:func:`redact` (ids and names of members without consent become pseudonyms and
attributions). As a second line of defence :func:`find_leak` searches every
publication — every part of a .docx zip, decompressed, nested zips, picture metadata —
for the ids and full names of members who did not consent; :func:`check_publication`
stops the build with one line naming the part.
"""

from __future__ import annotations

import html
import io
import re
import struct
import zipfile
import zlib
from collections.abc import Callable, Iterator, Mapping, Sequence
from typing import Any

import attrs

from copharvest.model import ChapterBlock, Community, Passage
from copharvest.privacy import Audience, Naming, visible

MIN_TERM = 4
"""Shorter names are not searched: they occur in ordinary words."""
MIN_ID = 6
"""Shorter ids, and ids without a letter, are not searched: they occur as layout values."""


class LeakError(ValueError):
    """A publication carries the id or name of a member who did not consent."""


def _passages(passages: tuple[Passage, ...], audience: Audience) -> tuple[Passage, ...]:
    return tuple(p for p in passages if visible(p.visibility, audience))


def audience_view(community: Community, audience: Audience, naming: Naming) -> Community:
    """The records as ``audience`` may see them, for plugins' metrics and checks."""
    c = community

    def seen(items: Sequence[Any]) -> tuple[Any, ...]:
        return tuple(x for x in items if visible(x.visibility, audience))

    members = tuple(
        m if m.consent else attrs.evolve(m, name=naming.public_id(m.id)) for m in c.members
    )
    sessions = tuple(
        attrs.evolve(s, notes=_passages(s.notes, audience), programme=seen(s.programme))
        for s in c.sessions
    )

    def blocks(items: Sequence[ChapterBlock]) -> tuple[ChapterBlock, ...]:
        return tuple(
            b for b in seen(items) if b.quote is None or visible(b.quote.visibility, audience)
        )

    chapters = tuple(
        attrs.evolve(ch, body=_passages(ch.body, audience), blocks=blocks(ch.blocks))
        for ch in seen(c.chapters)
    )
    parts = tuple(attrs.evolve(p, intro=_passages(p.intro, audience)) for p in c.parts)
    tables = tuple(attrs.evolve(t, rows=seen(t.rows)) for t in seen(c.tables))
    return attrs.evolve(
        c,
        privacy_key=None,
        intro=_passages(c.intro, audience),
        members=members,
        sessions=sessions,
        chapters=chapters,
        parts=parts,
        lessons=seen(c.lessons),
        quotes=seen(c.quotes),
        readings=seen(c.readings),
        tables=tables,
    )


def _boundary(term: str) -> re.Pattern[str]:
    return re.compile(rf"(?<![\w-]){re.escape(term)}(?![\w-])")


def redact(value: Any, naming: Naming) -> Any:
    """``value`` (JSON-able) with every id and full name of a member without consent
    replaced by their pseudonym or attribution."""
    swaps: list[tuple[re.Pattern[str], str]] = []
    exact: dict[str, str] = {}
    for m in naming.hidden:
        exact[m.id] = naming.public_id(m.id)
        if m.name.strip():  # a whole name, never letters inside a word ("on" in "lesson")
            swaps.append((_boundary(m.name.strip()), naming.display(m.id)))
        swaps.append((_boundary(m.id), naming.public_id(m.id)))

    def text(s: str) -> str:
        if s in exact:
            return exact[s]
        for pattern, replacement in swaps:
            s = pattern.sub(replacement.replace("\\", "\\\\"), s)
        return s

    def walk(v: Any) -> Any:
        if isinstance(v, str):
            return text(v)
        if isinstance(v, Mapping):
            return {text(str(k)): walk(x) for k, x in v.items()}
        if isinstance(v, list | tuple):
            return [walk(x) for x in v]
        return v

    return walk(value)


def redact_contributions(metrics: Mapping[str, Any], naming: Naming) -> dict[str, Any]:
    """The metrics with what plugins contributed (``extra``, the health findings)
    naming members as ``naming``'s audience may see them."""
    return {
        **metrics,
        "extra": redact(metrics.get("extra", {}), naming),
        "health": redact(metrics.get("health", []), naming),
    }


def forbidden(naming: Naming, allowed: str) -> list[tuple[str, re.Pattern[str]]]:
    """The ids and full names of members without consent to search for: those long
    enough to mean something and not already in ``allowed`` (what the core itself
    publishes, the editors' own text included: ``check`` warns about that)."""
    out: list[tuple[str, re.Pattern[str]]] = []
    for m in naming.hidden:
        name = m.name.strip()
        if len(name) >= MIN_TERM and name not in allowed:
            out.append((name, re.compile(re.escape(name))))
        searched = len(m.id) >= MIN_ID and any(ch.isalpha() for ch in m.id)
        if searched and m.id not in allowed:
            out.append((m.id, _boundary(m.id)))
    return out


def _xml_text(data: bytes) -> str:
    """The text of an XML part with its character references resolved: its text,
    attribute values and comments (and tag names, which hold no names of people)."""
    return html.unescape(data.decode("utf-8", "replace"))


def _png_text(data: bytes) -> Iterator[str]:
    pos = 8
    while pos + 8 <= len(data):
        (length,) = struct.unpack(">I", data[pos : pos + 4])
        kind = data[pos + 4 : pos + 8]
        body = data[pos + 8 : pos + 8 + length]
        pos += 12 + length
        if kind == b"tEXt":
            yield body.decode("latin-1")
        elif kind == b"zTXt":
            key, _, rest = body.partition(b"\0")
            yield key.decode("latin-1") + "\n" + _inflate(rest[1:]).decode("latin-1")
        elif kind == b"iTXt":
            key, _, rest = body.partition(b"\0")
            compressed, rest = rest[:1] == b"\1", rest[2:]
            _, _, rest = rest.partition(b"\0")  # language tag
            _, _, rest = rest.partition(b"\0")  # translated keyword
            text = _inflate(rest) if compressed else rest
            yield key.decode("latin-1") + "\n" + text.decode("utf-8", "replace")


def _inflate(data: bytes) -> bytes:
    try:
        return zlib.decompress(data)
    except zlib.error:
        return data


def _binary_text(data: bytes) -> str:
    # any metadata of a picture or other binary part: as UTF-8, Latin-1 and UTF-16LE
    # (EXIF XP tags), so a term is found however it was written
    return "\n".join(
        (
            data.decode("utf-8", "replace"),
            data.decode("latin-1"),
            data.decode("utf-16-le", "replace"),
            data[1:].decode("utf-16-le", "replace"),
        )
    )


def _texts(name: str, data: bytes) -> Iterator[tuple[str, str]]:
    """Every searchable text of a publication or part, with where it is."""
    if data[:4] == b"PK\x03\x04":
        try:
            archive = zipfile.ZipFile(io.BytesIO(data))
        except zipfile.BadZipFile:
            yield name, _binary_text(data)
            return
        for info in archive.infolist():
            yield info.filename, info.filename
            yield from (
                (f"{name}!{where}" if name else where, text)
                for where, text in _texts(info.filename, archive.read(info))
            )
        return
    if data[:8] == b"\x89PNG\r\n\x1a\n":
        yield name, "\n".join(_png_text(data))
        return
    if data[:2] == b"\xff\xd8":
        yield name, _binary_text(data)
        return
    stripped = data.lstrip()
    if stripped[:1] == b"<":
        yield name, _xml_text(data)
        return
    yield name, _binary_text(data) if b"\0" in data[:4096] else data.decode("utf-8", "replace")


def find_leak(data: bytes, terms: Sequence[tuple[str, re.Pattern[str]]]) -> str | None:
    """Where in ``data`` the first of ``terms`` occurs (a part name, or "" for the
    publication itself), or none. Each term is (text, pattern); the pattern matches only
    where the text occurs (the text alone, or within word boundaries)."""
    if not terms:
        return None
    # Each pattern matches only where its term occurs, so a plain substring search
    # (fast) says which patterns to run: a regular expression over hundreds of
    # kilobytes of XML, with a look-behind at every position, took a tenth of a second.
    for where, text in _texts("", data):
        if any(term in text and pattern.search(text) for term, pattern in terms):
            return where
    return None


def check_publication(
    data: bytes, naming: Naming, allowed: str, what: str, blame: Callable[[], str] = str
) -> None:
    """Raise :class:`LeakError` when ``data`` carries a member's id or name that
    ``naming`` keeps out of publications."""
    where = find_leak(data, forbidden(naming, allowed))
    if where is not None:
        place = f" in {where}" if where else ""
        source = blame()
        raise LeakError(
            f"{what}{place} names a member who did not consent"
            f"{f' (from {source})' if source else ''}; nothing was written"
        )
