"""The booklet's charts, made without matplotlib.

Two charts are numbers that the format draws itself (native Word charts: crisp, in
the template's theme colours and fonts, their data editable): who came to each
session by tier, and the organisations' coverage. The attendance matrix (members ×
sessions) stays a picture, because a chart of eighty unlabelled rows is a picture by
nature; it is drawn with Pillow at print resolution, in the same theme colours, with
no per-person labels. matplotlib draws the same charts for ``copharvest metrics
--charts`` only (:mod:`copharvest.charts`).

The limits of large harvests are kept: sessions beyond
:data:`~copharvest.charts.MAX_COLUMNS` and members beyond
:data:`~copharvest.charts.MAX_ROWS` are drawn in bands, and more organisations than
:data:`~copharvest.charts.MAX_ORGANISATIONS` as a histogram of their coverage.
"""

from __future__ import annotations

import io
import itertools
import math
from collections.abc import Mapping
from pathlib import Path
from typing import TYPE_CHECKING, Any

from copharvest.charts import (
    MAX_COLUMNS,
    MAX_ORGANISATIONS,
    MAX_ROWS,
    _matrices,
    _short,
    attendance_alt,
    chart_words,
    composition_alt,
    coverage_alt,
)
from copharvest.continuity import TIERS, UNKNOWN, held_sessions
from copharvest.health import language
from copharvest.l10n import format_share
from copharvest.model import Community
from copharvest.views import ChartData, ChartView

if TYPE_CHECKING:
    from copharvest.analysis import Analysis

TIER_COLOURS = {
    "core": "accent1",
    "active": "accent2",
    "occasional": "accent3",
    "peripheral": "accent4",
}
"""Each tier's theme colour, in the native charts and the attendance picture alike."""
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
PICTURE_DPI = 300
"""The attendance picture's resolution at its printed width."""


def booklet_charts(
    community: Community,
    analysis: Analysis,
    outdir: Path,
    *,
    locale: str,
    labels: Mapping[str, str] | None = None,
    accents: Mapping[str, str] | None = None,
) -> list[ChartView]:
    """The three charts of the continuity chapter: the attendance picture drawn into
    ``outdir`` in the theme's ``accents`` (``accent1`` -> RGB), the others as data."""
    words = chart_words(locale, labels)
    lang = language(locale)
    colours = {**DEFAULT_ACCENTS, **(accents or {})}
    attendance_path = outdir / "attendance.png"
    alt = draw_attendance(community, analysis, attendance_path, words, lang, colours)
    charts = [
        ChartView(
            id="attendance",
            path=str(attendance_path),
            title=words["attendance"],
            alt_text=alt,
        )
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


def draw_attendance(
    community: Community,
    analysis: Analysis,
    path: Path,
    words: Mapping[str, str],
    lang: str,
    colours: Mapping[str, str],
) -> str:
    """Draw the attendance matrix as a PNG at print resolution; returns its alt text.

    Rows are members grouped by tier, each group labelled with its tier and size (never
    a row by person), columns sessions numbered along the bottom; a cell is the tier's
    colour where the member came, light grey where they could have come.
    """
    from PIL import Image, ImageFont

    from copharvest.charts import _number
    from copharvest.formats.docx.pictures import drawn

    sessions = held_sessions(community, analysis.parameters.as_of)
    if not sessions or not community.members:
        Image.new("RGB", (10, 10), "white").save(path, format="PNG")
        return str(words["alt_empty"])
    order, attended, eligible = _matrices(community, analysis)
    rows = _bands(len(order), MAX_ROWS)
    columns = _bands(len(sessions), MAX_COLUMNS)
    tier_of = [analysis.continuity.members[m].tier for m in order]
    size = round(9 / 72 * PICTURE_DPI)  # 9 pt as printed
    font = ImageFont.load_default(size=size)
    tiers = analysis.continuity.community.tiers
    names = {t: f"{words[t]} ({_number(tiers[t], lang)})" for t in TIERS}
    label_width = max(round(font.getlength(text)) for text in names.values()) + 40
    width = round(150 / 25.4 * PICTURE_DPI)  # 150 mm, the width the booklet prints it
    gap = max(2, width // 500)
    cell_w = (width - label_width - gap * (len(columns) + 1)) / len(columns)
    cell_h = max(6.0, min(cell_w, 1900 / len(rows)))
    separator = 6 * gap
    groups = sorted({tier_of[a] for a, _ in rows}, key=TIERS.index)
    line = round(size * 1.6)
    height = round(len(rows) * (cell_h + gap) + gap + separator * (len(groups) - 1) + line)
    grey = _rgb("E3E3E3")
    boxes: list[tuple[tuple[float, float, float, float], tuple[int, ...]]] = []
    texts: list[tuple[tuple[float, float], str, str]] = []
    y = float(gap)
    starts: dict[str, float] = {}
    for a, b in rows:
        tier = tier_of[a]
        if tier not in starts:
            y += separator if starts else 0
            starts[tier] = y
        colour = _rgb(colours.get(TIER_COLOURS.get(tier, ""), "9E9E9E"))
        for c, (start, stop) in enumerate(columns):
            came = sum(sum(r[start:stop]) for r in attended[a:b])
            could = sum(sum(r[start:stop]) for r in eligible[a:b])
            cells = (b - a) * (stop - start)
            present = came / cells
            missed = max(0, could - came) / cells
            fill = tuple(
                round(present * colour[k] + missed * grey[k] + (1 - present - missed) * 255)
                for k in range(3)
            )
            x = label_width + gap + c * (cell_w + gap)
            boxes.append(((x, y, x + cell_w - 1, y + cell_h - 1), fill))
        y += cell_h + gap
    ends = {t: starts[u] - separator for t, u in itertools.pairwise(groups)}
    for tier in groups:
        top, bottom = starts[tier], ends.get(tier, y)
        texts.append(((0, (top + bottom) / 2), names[tier], "lm"))
    step = max(1, math.ceil(len(columns) / 20))
    for c in range(0, len(columns), step):
        a, b = columns[c]
        label = str(a + 1) if b - a == 1 else f"{a + 1}–{b}"
        x = label_width + gap + c * (cell_w + gap) + cell_w / 2
        texts.append(((x, y + line / 2), label, "mm"))
    image = _paint((width, height), boxes, texts, font)
    buffer = io.BytesIO()
    # as clean_picture writes a PNG (no resolution either: the booklet sets the size),
    # so that the booklet embeds this file as it is
    image.save(buffer, format="PNG", compress_level=3)
    path.write_bytes(buffer.getvalue())
    drawn(buffer.getvalue())
    per_row = rows[0][1] - rows[0][0]
    per_col = columns[0][1] - columns[0][0]
    counts = (sum(map(sum, attended)), sum(map(sum, eligible)))
    return attendance_alt(analysis, order, len(sessions), counts, (per_row, per_col), words, lang)


TEXT_SHADES = 16
"""Grey levels of the labels' anti-aliasing in a picture drawn with a palette."""


def _paint(
    size: tuple[int, int],
    cells: list[tuple[tuple[float, float, float, float], tuple[int, ...]]],
    texts: list[tuple[tuple[float, float], str, str]],
    font: Any,
) -> Any:
    """The picture: black labels (anti-aliased) and coloured cells on white.

    With few colours it is drawn with a palette, one byte a pixel: four times less to
    fill and to encode than in RGB. The labels never overlap the cells, so their grey
    levels are the palette's first entries and the cells' colours follow.
    """
    from PIL import Image, ImageDraw

    colours = sorted({fill for _, fill in cells})
    if len(colours) + TEXT_SHADES > 256:
        image = Image.new("RGB", size, "white")
        draw = ImageDraw.Draw(image)
        for box, fill in cells:
            draw.rectangle(box, fill=fill)
        for xy, text, anchor in texts:
            draw.text(xy, text, font=font, fill="black", anchor=anchor)
        return image
    # labels as coverage 0-255, turned into palette indices 0 (white) .. 15 (black)
    coverage = Image.new("L", size, 0)
    draw = ImageDraw.Draw(coverage)
    for xy, text, anchor in texts:
        draw.text(xy, text, font=font, fill=255, anchor=anchor)
    step = 256 // TEXT_SHADES
    indices = coverage.point([min(TEXT_SHADES - 1, (v + step // 2) // step) for v in range(256)])
    image = Image.frombytes("P", size, indices.tobytes())
    palette: list[int] = []
    for level in range(TEXT_SHADES):
        shade = 255 - round(level * 255 / (TEXT_SHADES - 1))
        palette += [shade, shade, shade]
    for colour in colours:
        palette += list(colour)
    image.putpalette(palette)
    index = {colour: TEXT_SHADES + i for i, colour in enumerate(colours)}
    draw = ImageDraw.Draw(image)
    for box, fill in cells:
        draw.rectangle(box, fill=index[fill])
    return image


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
