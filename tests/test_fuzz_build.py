"""Random text in every text field, through a build in every format: no traceback, no hang.

The texts are drawn from every Unicode category, lone surrogates, control characters and
noncharacters included. A build either makes its bytes or stops with one of copharvest's
own errors (one line); anything else is a bug.
"""

from __future__ import annotations

import io
import zipfile
from typing import Any

import attrs
import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from copharvest.formats.base import RenderError
from copharvest.model import Community
from copharvest.pipeline import BuildError, render
from copharvest.plugins import get_plugins
from copharvest.privacy import Audience
from strategies import communities

FREE_TEXT = frozenset(
    {
        "name",
        "subtitle",
        "title",
        "text",
        "description",
        "role",
        "place",
        "theme",
        "intro",
        "publisher",
        "thanks",
        "note",
        "left",
        "right",
        "verdict_note",
        "address",
        "text_by",
        "editors",
        "contributors",
        "authors",
        "body",
        "explanation",
    }
)
"""Fields that hold free text; everything else (ids, references, codes) is left as is."""

HOSTILE = st.text(st.characters(), max_size=30) | st.sampled_from(
    [
        "\ud800 lone surrogate",
        "\udfff",
        "\x00\x01\x1b[31mred\x1b[0m",
        "\ufffe\uffff",
        "$x^2$ and $5 to $10",
        "{{ 7*7 }} {% raw %}",
        "R&D <b> ]]> &amp;",
        "\u202eright-to-left override",
        "a" * 500,
    ]
)


def _spoil(value: Any, draw: st.DrawFn) -> Any:
    """``value`` with every free-text string replaced by a hostile one."""
    kind = type(value)
    if attrs.has(kind):
        changes = {}
        for field in attrs.fields(kind):
            if not field.init:
                continue
            current = getattr(value, field.name)
            if field.name in FREE_TEXT and isinstance(current, str) and current:
                changes[field.name] = draw(HOSTILE) or "x"
            elif (
                field.name in FREE_TEXT
                and isinstance(current, tuple)
                and all(isinstance(item, str) for item in current)
            ):
                changes[field.name] = tuple(draw(HOSTILE) or "x" for _ in current)
            else:
                changes[field.name] = _spoil(current, draw)
        try:
            return attrs.evolve(value, **changes)
        except (TypeError, ValueError):
            return value  # a constructor that refuses the text: that is a fine answer too
    if isinstance(value, tuple):
        return tuple(_spoil(item, draw) for item in value)
    return value


@st.composite
def hostile_communities(draw: st.DrawFn) -> Community:
    community = draw(communities(max_members=4, max_sessions=4, max_records=3))
    spoiled: Community = _spoil(community, draw)
    return spoiled


PLUGINS = get_plugins(entry_points_group=None)


@pytest.mark.parametrize("fmt", ["docx", "markdown", "json"])
@settings(
    max_examples=15,
    deadline=None,
    suppress_health_check=[HealthCheck.too_slow, HealthCheck.data_too_large],
)
@given(community=hostile_communities(), audience=st.sampled_from(list(Audience)))
def test_hostile_text_builds_or_stops_in_one_line(
    fmt: str, community: Community, audience: Audience
) -> None:
    try:
        data, _ = render(community, PLUGINS, format_name=fmt, audience=audience, charts=False)
    except (BuildError, RenderError) as exc:
        message = str(exc).strip()
    else:
        message = ""
    if message:
        assert "\n" not in message, message
        return
    assert isinstance(data, bytes)
    if fmt == "docx":
        import docx

        with zipfile.ZipFile(io.BytesIO(data)) as archive:
            assert archive.testzip() is None
        docx.Document(io.BytesIO(data))
    else:
        data.decode("utf-8")  # valid UTF-8, surrogates and all handled
