"""Charts of the continuity metrics, for people who would rather look than read.

Three PNG charts: the attendance matrix (members × sessions, grouped by tier), the tier
composition of each session, and the coverage of the organisations. matplotlib and numpy
are imported only when a chart is drawn. The files are reproducible byte for byte (fixed
style, size and resolution, no software or time stamp), because the booklet embeds
them. No member is ever named: rows are grouped by tier, never labelled by person.
"""

from __future__ import annotations

import bisect
import io
import math
from collections.abc import Callable, Mapping, Sequence
from pathlib import Path
from typing import TYPE_CHECKING, Any

import attrs

from copharvest.continuity import TIERS, UNKNOWN, held_sessions
from copharvest.health import language
from copharvest.l10n import format_count, format_date, format_share, plural_form
from copharvest.labels import labels_for
from copharvest.model import Community

if TYPE_CHECKING:
    import datetime as dt

    from matplotlib.axes import Axes
    from matplotlib.figure import Figure

    from copharvest.analysis import Analysis
    from copharvest.continuity import OrganisationMetrics

DPI = 150
"""Resolution of every chart."""
WIDTH = 8.0
"""Width of every chart in inches (1200 pixels)."""
MAX_ROWS = 150
"""More members than this are drawn as bands of members, within their tier."""
MAX_COLUMNS = 160
"""More sessions than this are drawn as bands of successive sessions."""
MAX_ORGANISATIONS = 30
"""More organisations than this are drawn as a histogram of their coverage."""

COLOURS = {
    "core": "#1b4f72",
    "active": "#2e86c1",
    "occasional": "#85c1e9",
    "peripheral": "#f0b04a",
    "absent": "#9e9e9e",
}
ELIGIBLE = "#e3e3e3"
"""Colour of a session a member could have attended but did not."""

_LABELS: dict[str, dict[str, str]] = {
    "en": {
        "eligible": "member, not present",
        "attendance": "Attendance by member and session",
        "attendance_banded": (
            "each row: up to {rows} members, each column: up to {columns} sessions; "
            "stronger colour: more of them present"
        ),
        "sessions": "Sessions",
        "members": "Members by tier",
        "composition": "Who came to each session, by tier",
        "present": "Members present",
        "max_size": "maximum size ({n})",
        "coverage": "Organisation coverage",
        "coverage_axis": "Share of the sessions since its first at which it was present",
        "coverage_many": "{n} organisations",
        "never_count": "{n} never present",
        "organisations": "Organisations",
        "same_people": "the same people at its first and last session",
        "seat_passed": "the seat passed to other people",
        "not_judged": "represented once, or no organisation recorded",
        "delegates": "{n} delegates",
        "delegate": "1 delegate",
        "never": "never present",
        "no_data": "No sessions recorded yet",
        "no_organisations": "No organisations recorded",
        "alt_attendance": (
            "Attendance matrix of {members} (rows, grouped by tier: {tiers}) over {sessions} "
            "(columns): {attendances}, {share} of the sessions members could attend."
        ),
        "alt_banded": (
            " Each row stands for up to {rows} members of one tier and each column for up to "
            "{columns} successive sessions."
        ),
        "alt_composition": (
            "Members present per session, by tier, over {sessions} ({period}): {sizes} "
            "members per session (median {median}); on average {core} of those present were "
            "core members."
        ),
        "alt_coverage": (
            "Coverage of {n}: the share of the sessions since an "
            "organisation's first at which one of its members was present. Present at "
            "every such session: {full}. Kept their seat while the delegate changed: {kept}; "
            "kept the same team: {team}. Lowest coverage: {lowest_name}, {lowest}."
        ),
        "alt_empty": "An empty chart: no sessions are recorded yet.",
        "alt_no_organisations": "An empty chart: no organisations are recorded.",
    },
    "nl": {
        "eligible": "lid, niet aanwezig",
        "attendance": "Aanwezigheid per deelnemer en bijeenkomst",
        "attendance_banded": (
            "elke rij: tot {rows} deelnemers, elke kolom: tot {columns} bijeenkomsten; "
            "sterkere kleur: meer van hen aanwezig"
        ),
        "sessions": "Bijeenkomsten",
        "members": "Deelnemers per groep",
        "composition": "Wie er per bijeenkomst kwam, per groep",
        "present": "Aanwezige deelnemers",
        "max_size": "maximale omvang ({n})",
        "coverage": "Vertegenwoordiging van organisaties",
        "coverage_axis": "Aandeel van de bijeenkomsten sinds de eerste waarbij ze aanwezig was",
        "coverage_many": "{n} organisaties",
        "never_count": "{n} nooit aanwezig",
        "organisations": "Organisaties",
        "same_people": "dezelfde mensen bij de eerste en de laatste keer",
        "seat_passed": "de zetel ging over naar anderen",
        "not_judged": "één keer vertegenwoordigd, of geen organisatie vastgelegd",
        "delegates": "{n} afgevaardigden",
        "delegate": "1 afgevaardigde",
        "never": "nooit aanwezig",
        "no_data": "Nog geen bijeenkomsten vastgelegd",
        "no_organisations": "Geen organisaties vastgelegd",
        "alt_attendance": (
            "Aanwezigheidsmatrix van {members} (rijen, gegroepeerd: {tiers}) over {sessions} "
            "(kolommen): {attendances}, {share} van de bijeenkomsten waar deelnemers bij "
            "konden zijn."
        ),
        "alt_banded": (
            " Elke rij staat voor maximaal {rows} deelnemers uit één groep en elke kolom voor "
            "maximaal {columns} opeenvolgende bijeenkomsten."
        ),
        "alt_composition": (
            "Aanwezige deelnemers per bijeenkomst, per groep, over {sessions} ({period}): "
            "{sizes} deelnemers per bijeenkomst (mediaan {median}); gemiddeld was {core} van "
            "de aanwezigen kernlid."
        ),
        "alt_coverage": (
            "Vertegenwoordiging van {n}: het aandeel van de bijeenkomsten sinds "
            "de eerste van een organisatie waarbij een van haar leden aanwezig was. Bij elke "
            "zulke bijeenkomst aanwezig: {full}. Hielden hun plek terwijl de afgevaardigde "
            "wisselde: {kept}; hielden hetzelfde team: {team}. Laagste: {lowest_name}, "
            "{lowest}."
        ),
        "alt_empty": "Een lege grafiek: er zijn nog geen bijeenkomsten vastgelegd.",
        "alt_no_organisations": "Een lege grafiek: er zijn geen organisaties vastgelegd.",
    },
}


@attrs.frozen(kw_only=True)
class Chart:
    """A chart drawn to a PNG file."""

    id: str
    """``attendance``, ``tiers`` or ``organisations``."""
    path: Path
    """The PNG file."""
    title: str
    """The title, in the chart's language."""
    alt_text: str
    """One or two sentences saying what the chart shows, with its numbers."""


_TITLES = {"attendance": "attendance", "tiers": "composition", "organisations": "coverage"}


def draw_charts(
    community: Community,
    analysis: Analysis,
    outdir: Path,
    *,
    locale: str = "en",
    labels: Mapping[str, str] | None = None,
) -> list[Chart]:
    """Draw the three charts into ``outdir`` (which must exist); labels in ``locale``.

    The groups are named by the core's tier labels (``tier_core`` ...) and the members
    without an organisation by ``unknown_organisation``, as in the text and the tables;
    ``labels`` (the harvest's, a pack's wording applied) replaces those. Every text is
    drawn literally: a ``$`` in a name is a dollar sign, never mathtext.
    """
    import matplotlib as mpl
    import matplotlib.style

    labels = chart_words(locale, labels)
    drawers: tuple[tuple[str, Callable[..., str]], ...] = (
        ("attendance", _attendance),
        ("tiers", _composition),
        ("organisations", _coverage),
    )
    charts = []
    for chart_id, draw in drawers:
        with mpl.rc_context():
            matplotlib.style.use("default")
            # names are drawn as written: no TeX, no mathtext ("Fund $5 to $10 plan")
            mpl.rcParams.update(
                {
                    "font.family": "DejaVu Sans",
                    "font.size": 9,
                    "text.usetex": False,
                    "text.parse_math": False,
                }
            )
            from matplotlib.figure import Figure

            fig = Figure(figsize=(WIDTH, 4.5), dpi=DPI, layout="constrained")
            title = labels[_TITLES[chart_id]]
            alt_text = draw(fig, community, analysis, labels, language(locale))
            path = Path(outdir) / f"{chart_id}.png"
            _save(fig, path)
        charts.append(Chart(id=chart_id, path=path, title=title, alt_text=alt_text))
    return charts


def chart_words(locale: str, labels: Mapping[str, str] | None = None) -> dict[str, str]:
    """The charts' own words in ``locale``, with the tiers and the unknown organisation
    named as the harvest's ``labels`` (a pack's wording applied) name them."""
    core = labels if labels is not None else labels_for(locale)
    words = dict(_LABELS[language(locale)])
    words.update({tier: core[f"tier_{tier}"] for tier in TIERS})
    words["unknown_organisation"] = core["unknown_organisation"]
    return words


def _save(fig: Figure, path: Path) -> None:
    from copharvest.store import atomic_write_bytes

    buffer = io.BytesIO()
    fig.savefig(buffer, format="png", dpi=DPI, metadata={"Software": None})
    atomic_write_bytes(path, buffer.getvalue())


def _month(day: dt.date, lang: str) -> str:
    return format_date(day, "MMM y", lang)


_NOUNS = {
    "en": {
        "member": ("member", "members"),
        "session": ("session", "sessions"),
        "attendance": ("attendance", "attendances"),
        "organisation": ("organisation", "organisations"),
    },
    "nl": {
        "member": ("deelnemer", "deelnemers"),
        "session": ("bijeenkomst", "bijeenkomsten"),
        "attendance": ("keer aanwezig", "keer aanwezig"),
        "organisation": ("organisatie", "organisaties"),
    },
}


def _count(n: int, noun: str, lang: str) -> str:
    one, many = _NOUNS[lang][noun]
    return f"{_number(n, lang)} {one if plural_form(n, lang) == 'one' else many}"


def _number(value: float, lang: str) -> str:
    return format_count(int(value), lang) if float(value).is_integer() else _ratio(value, lang)


def _ratio(value: float, lang: str) -> str:
    from copharvest.l10n import format_ratio

    return format_ratio(value, lang)


def _empty(fig: Figure, title: str, message: str) -> None:
    ax = fig.add_subplot()
    ax.set_title(title, loc="left", fontsize=11)
    ax.text(0.5, 0.5, message, ha="center", va="center", transform=ax.transAxes, color="#555555")
    ax.set_axis_off()


def _session_ticks(ax: Axes, dates: Sequence[dt.date], lang: str, *, width: float = 1.0) -> None:
    """Ticks at a few sessions, labelled with their month; positions in columns of ``width``."""
    n = len(dates)
    step = max(1, math.ceil(n / 8))
    ticks = list(range(0, n, step))
    ax.set_xticks([(t + 0.5) / width - 0.5 for t in ticks])
    ax.set_xticklabels([f"{_number(t + 1, lang)}\n{_month(dates[t], lang)}" for t in ticks])


def _bands(size: int, per_band: int) -> list[int]:
    """Start offsets of bands of ``per_band`` rows over ``size`` rows."""
    return list(range(0, size, per_band))


def _matrices(
    community: Community, analysis: Analysis
) -> tuple[list[str], list[list[bool]], list[list[bool]]]:
    """Members in drawing order, and who attended / could attend each session (a row
    per member, a column per session). Plain lists: the booklet draws them without
    numpy, whose import would cost more than the work."""
    c = analysis.continuity
    sessions = held_sessions(community, analysis.parameters.as_of)
    n = len(sessions)
    dates = [s.start for s in sessions]
    index = {s.id: t for t, s in enumerate(sessions)}
    order = sorted(
        community.members,
        key=lambda m: (
            TIERS.index(c.members[m.id].tier),
            index.get(c.members[m.id].first or "", n),
            m.id,
        ),
    )
    row = {m.id: i for i, m in enumerate(order)}
    attended = [[False] * n for _ in order]
    for t, s in enumerate(sessions):
        for mid in set(s.attendance):
            if mid in row:
                attended[row[mid]][t] = True
    eligible = [[False] * n for _ in order]
    for i, m in enumerate(order):
        first = c.members[m.id].first
        start = m.joined or (dates[index[first]] if first is not None else None)
        if start is not None:
            stop = n if m.left is None else bisect.bisect_right(dates, m.left)
            lo = bisect.bisect_left(dates, start)
            eligible[i][lo:stop] = [True] * max(0, stop - lo)
    return [m.id for m in order], attended, eligible


def _attendance(
    fig: Figure, community: Community, analysis: Analysis, labels: dict[str, str], lang: str
) -> str:
    import numpy as np
    from matplotlib.colors import to_rgb
    from matplotlib.patches import Patch

    c = analysis.continuity
    sessions = held_sessions(community, analysis.parameters.as_of)
    if not sessions or not community.members:
        _empty(fig, labels["attendance"], labels["no_data"])
        return labels["alt_empty"]
    n = len(sessions)
    order, attended_rows, eligible_rows = _matrices(community, analysis)
    attended = np.array(attended_rows, dtype=bool).reshape(len(order), n)
    eligible = np.array(eligible_rows, dtype=bool).reshape(len(order), n)
    per_row = math.ceil(len(order) / MAX_ROWS)
    per_col = math.ceil(n / MAX_COLUMNS)
    col_starts = _bands(n, per_col)
    widths = np.diff([*col_starts, n])[None, :]
    groups = []  # (tier, members, image)
    offset = 0
    for tier in TIERS:
        size = c.community.tiers[tier]
        if not size:
            continue
        starts = _bands(size, per_row)
        block = slice(offset, offset + size)
        cells = np.add.reduceat(np.add.reduceat(attended[block], starts, 0), col_starts, 1)
        chances = np.add.reduceat(np.add.reduceat(eligible[block], starts, 0), col_starts, 1)
        total = np.diff([*starts, size])[:, None] * widths
        present = cells / total
        missed = np.clip(chances - cells, 0, None) / total
        image = (
            present[..., None] * np.array(to_rgb(COLOURS[tier]))
            + missed[..., None] * np.array(to_rgb(ELIGIBLE))
            + (1 - present - missed)[..., None]
        )
        groups.append((tier, size, image))
        offset += size

    rows = sum(len(image) for _, _, image in groups)
    # Every tier gets room for its label, however few members it has.
    least = max(1.0, 0.07 * rows)
    fig.set_size_inches(WIDTH, min(7.0, max(3.4, 1.7 + 0.035 * rows)))
    ax = fig.add_subplot()
    columns = len(col_starts)
    top = 0.0
    ticks, names = [], []
    fine = per_row == 1 and per_col == 1 and rows <= 80 and columns <= 80
    for tier, size, image in groups:
        height = max(float(len(image)), least)
        ax.imshow(
            image,
            aspect="auto",
            interpolation="nearest",
            extent=(-0.5, columns - 0.5, top + height, top),
        )
        if fine:  # white lines between the cells of a small matrix
            for k in range(1, len(image)):
                ax.axhline(top + k * height / len(image), color="white", linewidth=0.6)
        ticks.append(top + height / 2)
        names.append(f"{labels[tier]} ({_number(size, lang)})")
        top += height
        if tier != groups[-1][0]:
            ax.axhline(top, color="#333333", linewidth=0.9)
    if fine:
        for k in range(1, columns):
            ax.axvline(k - 0.5, color="white", linewidth=0.6)
    ax.set_xlim(-0.5, columns - 0.5)
    ax.set_ylim(top, 0)
    ax.set_yticks(ticks)
    ax.set_yticklabels(names)
    ax.set_ylabel(labels["members"])
    _session_ticks(ax, [s.start for s in sessions], lang, width=per_col)
    xlabel = labels["sessions"]
    if per_row > 1 or per_col > 1:
        xlabel += "\n" + labels["attendance_banded"].format(rows=per_row, columns=per_col)
    ax.set_xlabel(xlabel)
    ax.set_title(labels["attendance"], loc="left", fontsize=11)
    handles = [Patch(color=COLOURS[tier], label=labels[tier]) for tier, _, _ in groups]
    handles = [h for h in handles if h.get_label() != labels["absent"]]
    handles.append(Patch(facecolor=ELIGIBLE, edgecolor="#bbbbbb", label=labels["eligible"]))
    fig.legend(handles=handles, loc="outside lower center", ncols=len(handles), frameon=False)
    return attendance_alt(
        analysis,
        order,
        n,
        (int(attended.sum()), int(eligible.sum())),
        (per_row, per_col),
        labels,
        lang,
    )


def attendance_alt(
    analysis: Analysis,
    order: Sequence[str],
    sessions: int,
    counts: tuple[int, int],
    bands: tuple[int, int],
    labels: Mapping[str, str],
    lang: str,
) -> str:
    """The text alternative of the attendance matrix of ``order`` × ``sessions``;
    ``counts``: its attendances, and the sessions its members could have attended."""
    c = analysis.continuity
    per_row, per_col = bands
    attendances, chances = counts
    alt = labels["alt_attendance"].format(
        members=_count(len(order), "member", lang),
        tiers=", ".join(f"{_number(c.community.tiers[t], lang)} {labels[t]}" for t in TIERS),
        sessions=_count(sessions, "session", lang),
        attendances=_count(attendances, "attendance", lang),
        share=format_share(attendances / max(1, chances), lang),
    )
    if per_row > 1 or per_col > 1:
        alt += labels["alt_banded"].format(rows=per_row, columns=per_col)
    return alt


def _composition(
    fig: Figure, community: Community, analysis: Analysis, labels: dict[str, str], lang: str
) -> str:
    import numpy as np

    c = analysis.continuity
    sessions = held_sessions(community, analysis.parameters.as_of)
    if not sessions:
        _empty(fig, labels["composition"], labels["no_data"])
        return labels["alt_empty"]
    tiers: list[str] = [t for t in TIERS if t != "absent"]
    known = c.members
    counts = np.zeros((len(tiers), len(sessions)), dtype=int)
    for t, s in enumerate(sessions):
        for mid in set(s.attendance):
            if mid in known:
                counts[tiers.index(known[mid].tier), t] += 1
    x = np.arange(len(sessions))
    ax = fig.add_subplot()
    bottom = np.zeros(len(sessions), dtype=int)
    for i, tier in enumerate(tiers):
        if len(sessions) <= 80:
            ax.bar(
                x,
                counts[i],
                bottom=bottom,
                width=0.8,
                color=COLOURS[tier],
                label=labels[tier],
                linewidth=0,
            )
        else:
            ax.fill_between(
                x,
                bottom,
                bottom + counts[i],
                step="mid",
                color=COLOURS[tier],
                label=labels[tier],
                linewidth=0,
            )
        bottom = bottom + counts[i]
    sizes = bottom
    max_size = analysis.parameters.max_size
    if sizes.max() >= 0.75 * max_size:
        ax.axhline(
            max_size,
            color="#c0392b",
            linestyle="--",
            linewidth=1,
            label=labels["max_size"].format(n=_number(max_size, lang)),
        )
    ax.set_xlim(-0.6, len(sessions) - 0.4)
    ax.set_ylim(0, max(1, sizes.max(), max_size if sizes.max() >= 0.75 * max_size else 0) * 1.08)
    ax.yaxis.set_major_locator(_integer_locator())
    _session_ticks(ax, [s.start for s in sessions], lang)
    ax.set_xlabel(labels["sessions"])
    ax.set_ylabel(labels["present"])
    ax.set_title(labels["composition"], loc="left", fontsize=11)
    ax.spines[["top", "right"]].set_visible(False)
    # Legend from top to bottom as the bars are stacked, the size limit last.
    handles, names = ax.get_legend_handles_labels()
    tier_names = [labels[t] for t in reversed(tiers)]
    ordered = sorted(
        zip(handles, names, strict=True),
        key=lambda hn: tier_names.index(hn[1]) if hn[1] in tier_names else len(tier_names),
    )
    ax.legend(
        [h for h, _ in ordered],
        [n for _, n in ordered],
        loc="upper left",
        bbox_to_anchor=(1.0, 1.0),
        frameon=False,
    )
    core = [int(v) for v in counts[0]]
    return composition_alt(analysis, sessions, core, [int(v) for v in sizes], labels, lang)


def composition_alt(
    analysis: Analysis,
    sessions: Sequence[Any],
    core: Sequence[int],
    sizes: Sequence[int],
    labels: Mapping[str, str],
    lang: str,
) -> str:
    """The text alternative of the composition chart: sessions, sizes, the core's share."""
    core_shares = [core[t] / sizes[t] for t in range(len(sessions)) if sizes[t]]
    summary = analysis.continuity.community.size
    first, last = _month(sessions[0].start, lang), _month(sessions[-1].start, lang)
    return labels["alt_composition"].format(
        sessions=_count(len(sessions), "session", lang),
        period=first if first == last else f"{first} – {last}",
        sizes=_number(summary.min or 0, lang)
        if summary.min == summary.max
        else f"{_number(summary.min or 0, lang)}–{_number(summary.max or 0, lang)}",
        median=_number(summary.median or 0, lang),
        core=format_share(float(sum(core_shares) / len(core_shares)) if core_shares else 0.0, lang),
    )


def _coverage(
    fig: Figure, community: Community, analysis: Analysis, labels: dict[str, str], lang: str
) -> str:
    from matplotlib.patches import Patch

    orgs = analysis.continuity.organisations
    if not orgs:
        _empty(fig, labels["coverage"], labels["no_organisations"])
        return labels["alt_no_organisations"]
    names = {o.id: o.name or o.id for o in community.organisations}
    names[UNKNOWN] = labels["unknown_organisation"]  # "unknown" is reserved: no record's id
    if len(orgs) > MAX_ORGANISATIONS:
        _coverage_histogram(fig, list(orgs.values()), labels, lang)
    else:
        _coverage_bars(fig, list(orgs.values()), names, labels, lang)
    ax = fig.axes[0]
    ax.set_title(labels["coverage"], loc="left", fontsize=11)
    ax.spines[["top", "right"]].set_visible(False)
    handles = [
        Patch(color=_SEAT_COLOURS[False], label=labels["same_people"]),
        Patch(color=_SEAT_COLOURS[True], label=labels["seat_passed"]),
        Patch(color=_SEAT_COLOURS[None], label=labels["not_judged"]),
    ]
    fig.legend(handles=handles, loc="outside lower center", ncols=2, frameon=False)
    return coverage_alt(analysis, names, labels, lang)


def coverage_alt(
    analysis: Analysis, names: Mapping[str, str], labels: Mapping[str, str], lang: str
) -> str:
    """The text alternative of the coverage chart."""
    orgs = analysis.continuity.organisations
    present = [o for o in orgs.values() if o.coverage is not None]
    full = [o for o in present if o.coverage == 1.0]
    lowest = min(present, key=lambda o: (o.coverage or 0, names.get(o.id, o.id)), default=None)
    return labels["alt_coverage"].format(
        n=_count(len(orgs), "organisation", lang),
        present=len(present),
        full=_number(len(full), lang),
        kept=_number(analysis.continuity.community.seats_kept, lang),
        team=_number(_same_team(analysis), lang),
        lowest_name=names.get(lowest.id, lowest.id) if lowest else "–",
        lowest=format_share(lowest.coverage or 0, lang) if lowest else "–",
    )


_SEAT_COLOURS: dict[bool | None, str] = {
    False: COLOURS["core"],
    True: COLOURS["peripheral"],
    None: COLOURS["absent"],
}
"""Bar colour by ``delegate_changed``: the same people, the seat passed on, cannot tell."""


def _same_team(analysis: Analysis) -> int:
    """Organisations that kept the same team (METRICS.md, next to ``seats_kept``)."""
    minimum = analysis.parameters.seat_coverage_min
    return sum(
        1
        for oid, o in analysis.continuity.organisations.items()
        if oid != UNKNOWN
        and o.coverage is not None
        and o.coverage >= minimum
        and o.delegates >= 2
        and o.delegate_changed is False
    )


def _coverage_bars(
    fig: Figure,
    orgs: list[OrganisationMetrics],
    names: dict[str, str],
    labels: dict[str, str],
    lang: str,
) -> None:
    chosen = sorted(orgs, key=lambda o: (-(o.coverage or 0), -o.attendances, names[o.id]))
    fig.set_size_inches(WIDTH, min(9.0, max(2.8, 1.5 + 0.26 * len(chosen))))
    ax = fig.add_subplot()
    y = list(range(len(chosen)))
    values = [100 * (o.coverage or 0) for o in chosen]
    colours = [_SEAT_COLOURS[o.delegate_changed] for o in chosen]
    ax.barh(y, values, color=colours, height=0.7)
    for i, o in enumerate(chosen):
        note = labels["delegates"].format(n=_number(o.delegates, lang))
        if o.coverage is None:
            note = labels["never"]
        elif o.delegates == 1:
            note = labels["delegate"]
        ax.text(values[i] + 1, i, note, va="center", fontsize=8, color="#333333")
    ax.set_yticks(y)
    ax.set_yticklabels([_short(names[o.id]) for o in chosen])
    ax.set_ylim(len(chosen) - 0.5, -0.5)
    ax.set_xlim(0, 122)
    ax.set_xticks([0, 25, 50, 75, 100])
    ax.set_xticklabels([format_share(v / 100, lang) for v in (0, 25, 50, 75, 100)])
    ax.set_xlabel(labels["coverage_axis"])


def _coverage_histogram(
    fig: Figure, orgs: list[OrganisationMetrics], labels: dict[str, str], lang: str
) -> None:
    import numpy as np

    ax = fig.add_subplot()
    edges = np.linspace(0, 100, 11)
    edges[-1] = 100.001  # full coverage falls in the last bin
    centres = np.arange(10) * 10 + 5
    bottom = np.zeros(10, dtype=int)
    for changed in (False, True, None):
        values = [
            100 * o.coverage
            for o in orgs
            if o.coverage is not None and o.delegate_changed is changed
        ]
        counts, _ = np.histogram(values, edges)
        ax.bar(centres, counts, width=9, bottom=bottom, color=_SEAT_COLOURS[changed])
        bottom = bottom + counts
    ax.set_xticks(np.arange(0, 101, 10))
    ax.set_xticklabels([format_share(v / 100, lang) for v in range(0, 101, 10)])
    ax.set_xlim(0, 100)
    ax.yaxis.set_major_locator(_integer_locator())
    ax.set_xlabel(labels["coverage_axis"])
    ax.set_ylabel(labels["organisations"])
    never = sum(1 for o in orgs if o.coverage is None)
    note = labels["coverage_many"].format(n=_number(len(orgs), lang))
    if never:
        note += "; " + labels["never_count"].format(n=_number(never, lang))
    ax.set_title(note, loc="right", fontsize=8, color="#555555")


def _integer_locator() -> Any:
    from matplotlib.ticker import MaxNLocator

    return MaxNLocator(integer=True)


def _short(name: str, limit: int = 32) -> str:
    return name if len(name) <= limit else name[: limit - 1] + "…"
