"""The booklet's charts, made without matplotlib or any imaging library.

Two charts are numbers that the format draws itself (native Word charts: crisp, in
the template's theme colours and fonts, their data editable): who came to each
session by tier, and the organisations' coverage. The attendance matrix (members ×
sessions) is a grid of shaded cells that the format draws as a table: a row per
member, grouped and labelled by tier (never by person), a column per session, in the
same theme colours and the template's font. Eighty members make eighty rows of about
2 mm, one page high, as legible as a picture and as crisp at any zoom, with no picture
to draw. matplotlib draws the same charts for ``copharvest metrics --charts`` only
(:mod:`copharvest.charts`).

The limits of large harvests are kept: more than :data:`GRID_COLUMNS` sessions and
:data:`GRID_ROWS` members are shown in bands, and more organisations than
:data:`~copharvest.charts.MAX_ORGANISATIONS` as a histogram of their coverage.
"""

from __future__ import annotations

import itertools
import math
from collections.abc import Mapping
from typing import TYPE_CHECKING

from copharvest.charts import (
    MAX_COLUMNS,
    MAX_ORGANISATIONS,
    _matrices,
    _short,
    attendance_alt,
    chart_words,
    composition_alt,
    coverage_alt,
)
from copharvest.continuity import TIERS, UNKNOWN, Tier, held_sessions
from copharvest.health import language
from copharvest.l10n import format_share
from copharvest.model import Community
from copharvest.views import ChartData, ChartGrid, ChartView, GridGroup

if TYPE_CHECKING:
    from copharvest.analysis import Analysis

TIER_COLOURS = {
    "core": "accent1",
    "active": "accent2",
    "occasional": "accent3",
    "peripheral": "accent4",
}
"""Each tier's theme colour, in the native charts and the attendance grid alike."""
SEAT_COLOURS = {False: "accent1", True: "accent4", None: "muted"}
"""Coverage bars by ``delegate_changed``: the same people, the seat passed on, cannot tell."""
DEFAULT_ACCENTS = {
    "accent1": "1B4F72",
    "accent2": "2E86C1",
    "accent3": "85C1E9",
    "accent4": "F0B04A",
    "accent5": "7D3C98",
    "accent6": "239B56",
}
"""The accents used when a template's theme has none."""


def booklet_charts(
    community: Community,
    analysis: Analysis,
    *,
    locale: str,
    labels: Mapping[str, str] | None = None,
    accents: Mapping[str, str] | None = None,
) -> list[ChartView]:
    """The three charts of the continuity chapter, in the theme's ``accents``
    (``accent1`` -> RGB): the attendance grid, and two charts of numbers."""
    words = chart_words(locale, labels)
    lang = language(locale)
    colours = {**DEFAULT_ACCENTS, **(accents or {})}
    grid, alt = attendance_grid(community, analysis, words, lang, colours)
    charts = [
        ChartView(id="attendance", path="", title=words["attendance"], alt_text=alt, grid=grid)
    ]
    data, alt = composition_data(community, analysis, words, lang)
    charts.append(
        ChartView(id="tiers", path="", title=words["composition"], alt_text=alt, data=data)
    )
    data, alt = coverage_data(community, analysis, words, lang)
    charts.append(
        ChartView(id="organisations", path="", title=words["coverage"], alt_text=alt, data=data)
    )
    return charts


def _bands(size: int, limit: int) -> list[tuple[int, int]]:
    """(start, stop) of the bands that keep ``size`` items within ``limit`` columns."""
    per = max(1, math.ceil(size / limit))
    return [(start, min(size, start + per)) for start in range(0, size, per)]


def composition_data(
    community: Community, analysis: Analysis, words: Mapping[str, str], lang: str
) -> tuple[ChartData | None, str]:
    """Members present per session (or band of sessions), stacked by tier."""
    sessions = held_sessions(community, analysis.parameters.as_of)
    if not sessions:
        return None, words["alt_empty"]
    members = analysis.continuity.members
    tiers: list[str] = [t for t in TIERS if t != "absent"]
    counts: dict[str, list[int]] = {tier: [0] * len(sessions) for tier in tiers}
    for t, session in enumerate(sessions):
        for member in set(session.attendance):
            if member in members:
                counts[members[member].tier][t] += 1
    sizes = [sum(counts[tier][t] for tier in tiers) for t in range(len(sessions))]
    alt = composition_alt(analysis, sessions, counts["core"], sizes, words, lang)
    bands = _bands(len(sessions), MAX_COLUMNS)
    if len(bands) == len(sessions):
        categories = tuple(str(t + 1) for t in range(len(sessions)))
        values = {tier: tuple(float(v) for v in counts[tier]) for tier in tiers}
    else:  # the mean of each band of successive sessions
        categories = tuple(f"{a + 1}–{b}" for a, b in bands)
        values = {tier: tuple(sum(counts[tier][a:b]) / (b - a) for a, b in bands) for tier in tiers}
    data = ChartData(
        kind="stacked_column",
        categories=categories,
        series=tuple((words[tier], values[tier]) for tier in tiers),
        colours=tuple(TIER_COLOURS[tier] for tier in tiers),
        number_format="0" if len(bands) == len(sessions) else "0.0",
    )
    return data, alt


def coverage_data(
    community: Community, analysis: Analysis, words: Mapping[str, str], lang: str
) -> tuple[ChartData | None, str]:
    """Each organisation's coverage, coloured by whether its delegate changed; a
    histogram of the coverage when there are many organisations."""
    orgs = analysis.continuity.organisations
    if not orgs:
        return None, words["alt_no_organisations"]
    names = {o.id: o.name or o.id for o in community.organisations}
    names[UNKNOWN] = words["unknown_organisation"]
    alt = coverage_alt(analysis, names, words, lang)
    groups: tuple[tuple[bool | None, str], ...] = (
        (False, words["same_people"]),
        (True, words["seat_passed"]),
        (None, words["not_judged"]),
    )
    if len(orgs) <= MAX_ORGANISATIONS:
        chosen = sorted(
            orgs.values(), key=lambda o: (-(o.coverage or 0), -o.attendances, names[o.id])
        )
        series = tuple(
            (
                name,
                tuple(
                    float(o.coverage or 0) if o.delegate_changed is changed else 0.0 for o in chosen
                ),
            )
            for changed, name in groups
        )
        data = ChartData(
            kind="stacked_bar",
            categories=tuple(_short(names[o.id]) for o in chosen),
            series=series,
            colours=tuple(SEAT_COLOURS[changed] for changed, _ in groups),
            number_format="0%",
            maximum=1.0,
        )
        return data, alt
    edges = [i / 10 for i in range(11)]
    categories = tuple(
        f"{format_share(edges[i], lang)}–{format_share(edges[i + 1], lang)}" for i in range(10)
    )
    bins: list[tuple[str, tuple[float, ...]]] = []
    for changed, name in groups:
        counts = [0.0] * 10
        for o in orgs.values():
            if o.coverage is not None and o.delegate_changed is changed:
                counts[min(9, int(o.coverage * 10))] += 1
        bins.append((name, tuple(counts)))
    data = ChartData(
        kind="stacked_column",
        categories=categories,
        series=tuple(bins),
        colours=tuple(SEAT_COLOURS[changed] for changed, _ in groups),
    )
    return data, alt


GRID_ROWS = 100
"""Members beyond this many are shown in bands of successive rows."""
GRID_COLUMNS = 30
"""Sessions beyond this many are shown in bands of successive columns."""
MISSED = "E3E3E3"
"""The grey of a session a member could have come to and did not."""


def attendance_grid(
    community: Community,
    analysis: Analysis,
    words: Mapping[str, str],
    lang: str,
    colours: Mapping[str, str],
) -> tuple[ChartGrid, str]:
    """The attendance matrix as a grid of shaded cells, and its alt text.

    Rows are members grouped by tier, each group labelled with its tier and size (never
    a row by person), columns sessions; a cell is the tier's colour where the member
    came, light grey where they could have come, empty before they joined or after they
    left. Beyond :data:`GRID_ROWS` members or :data:`GRID_COLUMNS` sessions a cell is a
    band, shaded by its share of each.
    """
    from copharvest.charts import _number

    sessions = held_sessions(community, analysis.parameters.as_of)
    if not sessions or not community.members:
        return ChartGrid(columns=(), groups=()), str(words["alt_empty"])
    order, attended, eligible = _matrices(community, analysis)
    tier_of = [analysis.continuity.members[m].tier for m in order]
    # a band of rows never mixes two tiers: at most one band more per tier
    per = 1 if len(order) <= GRID_ROWS else math.ceil(len(order) / (GRID_ROWS - len(TIERS)))
    rows: list[tuple[int, int]] = []
    for _, run in itertools.groupby(range(len(order)), key=tier_of.__getitem__):
        members = list(run)
        end = members[-1] + 1
        rows += [(start, min(end, start + per)) for start in range(members[0], end, per)]
    columns = _bands(len(sessions), GRID_COLUMNS)
    tiers = analysis.continuity.community.tiers
    grey = _rgb(MISSED)
    # a full cell's colour: the tier's theme colour as the template has it
    fills = {t: colours.get(TIER_COLOURS.get(t, ""), "9E9E9E").upper() for t in TIERS}
    grouped: dict[Tier, list[tuple[str, ...]]] = {}
    for a, b in rows:
        tier = tier_of[a]
        colour = _rgb(fills[tier])
        cells: list[str] = []
        for start, stop in columns:
            came = sum(sum(r[start:stop]) for r in attended[a:b])
            could = sum(sum(r[start:stop]) for r in eligible[a:b])
            size = (b - a) * (stop - start)
            present, missed = came / size, max(0, could - came) / size
            if present + missed == 0:
                cells.append("")
                continue
            fill = (
                round(present * colour[k] + missed * grey[k] + (1 - present - missed) * 255)
                for k in range(3)
            )
            cells.append("".join(f"{v:02X}" for v in fill))
        grouped.setdefault(tier, []).append(tuple(cells))
    groups = tuple(
        GridGroup(
            label=f"{words[tier]} ({_number(tiers[tier], lang)})",
            colour=TIER_COLOURS.get(tier, ""),
            fill=fills[tier],
            rows=tuple(cells),
        )
        for tier, cells in sorted(grouped.items(), key=lambda item: TIERS.index(item[0]))
    )
    labels = tuple(str(a + 1) if b - a == 1 else f"{a + 1}–{b}" for a, b in columns)
    per_col = columns[0][1] - columns[0][0]
    counts = (sum(map(sum, attended)), sum(map(sum, eligible)))
    alt = attendance_alt(analysis, order, len(sessions), counts, (per, per_col), words, lang)
    return ChartGrid(columns=labels, groups=groups), alt


def _rgb(value: str) -> tuple[int, int, int]:
    value = value.lstrip("#")
    return int(value[0:2], 16), int(value[2:4], 16), int(value[4:6], 16)


def theme_accents(theme_xml: bytes | None) -> dict[str, str]:
    """``accent1`` … ``accent6`` -> RGB of a theme part (``word/theme/theme1.xml``)."""
    if not theme_xml:
        return {}
    from lxml import etree

    a = "http://schemas.openxmlformats.org/drawingml/2006/main"
    try:
        root = etree.fromstring(theme_xml, etree.XMLParser(resolve_entities=False))
    except etree.XMLSyntaxError:
        return {}
    found: dict[str, str] = {}
    for name in DEFAULT_ACCENTS:
        element = root.find(f".//{{{a}}}clrScheme/{{{a}}}{name}")
        if element is None:
            continue
        colour = element.find(f"{{{a}}}srgbClr")
        if colour is not None and colour.get("val"):
            found[name] = str(colour.get("val"))
    return found
