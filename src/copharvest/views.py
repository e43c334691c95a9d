"""The frozen value types of the Harvest view model (see :mod:`copharvest.harvest`).

Every string here may be printed: privacy has been applied before these are made.
"""

from __future__ import annotations

from collections.abc import Mapping
from typing import Any

import attrs

from copharvest.textblocks import Block


@attrs.frozen(kw_only=True)
class GuestView:
    """A guest (inspirator) as printed."""

    name: str
    """Name."""
    description: str = ""
    """One-line description."""


@attrs.frozen(kw_only=True)
class LessonView:
    """A lesson, tip or insight as printed."""

    text: str
    """The lesson."""
    title: str = ""
    """Optional short title."""
    kind: str = "lesson"
    """``lesson``, ``tip`` or ``insight``."""
    source: str = "participants"
    """``participants``, ``guest`` or ``distilled``."""
    session: str = ""
    """Label of the session it came from, if any."""


@attrs.frozen(kw_only=True)
class QuoteView:
    """A quote as printed."""

    text: str
    """The words."""
    speaker: str
    """The speaker's name, or role and organisation for members who are not named."""
    attribution: str
    """The signature line: "Name, Organisation"."""
    guest: bool = False
    """Said by a guest."""
    session: str = ""
    """Label of the session, if any."""


@attrs.frozen(kw_only=True)
class TableView:
    """A two-column table."""

    id: str
    """Id."""
    title: str
    """Title."""
    kind: str
    """``movement`` or ``dilemma``."""
    left_label: str
    """Left heading."""
    right_label: str
    """Right heading."""
    rows: tuple[tuple[str, str], ...]
    """(left, right) rows."""
    from_pack: bool = False
    """A table of the domain pack (in the build's language), not of the records."""


@attrs.frozen(kw_only=True)
class ChapterView:
    """A chapter: its ``content`` in the editor's order, and the same records by kind.

    ``content`` is what the booklet prints. The fields by kind (``blocks``, ``quotes``,
    ``lessons``, ...) hold the same narrative and records, for templates made before
    chapters had blocks."""

    id: str
    """Id of the chapter (``theme:<id>`` for a pack theme without text of its own)."""
    number: str
    """"1.3", "2.1"."""
    title: str
    """Title."""
    blocks: tuple[Block, ...] = ()
    """The narrative."""
    lessons: tuple[LessonView, ...] = ()
    """Lessons."""
    tips: tuple[LessonView, ...] = ()
    """Tips."""
    insights: tuple[LessonView, ...] = ()
    """Insights tied to the chapter."""
    quotes: tuple[QuoteView, ...] = ()
    """Quotes."""
    tables: tuple[TableView, ...] = ()
    """Tables."""
    content: tuple[ContentBlock, ...] = ()
    """Everything the chapter prints, in order: its ``body`` passages, its blocks, then
    the records of the chapter that no block places (quotes, lessons, tips, insights,
    tables)."""


@attrs.frozen(kw_only=True)
class PartView:
    """Part I (about the CoP) or Part II (about the domain)."""

    number: int
    """1 or 2."""
    numeral: str
    """"I" or "II"."""
    title: str
    """Title."""
    chapters: tuple[ChapterView, ...]
    """Its chapters."""
    intro: tuple[Block, ...] = ()
    """The part's introduction, printed under its title."""


@attrs.frozen(kw_only=True)
class ChartData:
    """The numbers of a chart that a format draws itself (a native Word chart)."""

    kind: str
    """``stacked_column`` (categories along the bottom) or ``stacked_bar`` (across)."""
    categories: tuple[str, ...]
    """Labels along the category axis."""
    series: tuple[tuple[str, tuple[float, ...]], ...]
    """(name, one value per category) for each series, in legend order."""
    colours: tuple[str, ...] = ()
    """Per series: a theme colour (``accent1`` … ``accent6``), ``muted`` (a grey of the
    theme's text colour) or an RGB colour (``1B4F72``)."""
    number_format: str = "0"
    """Excel number format of the values (``0``, ``0%``)."""
    maximum: float | None = None
    """The value axis' maximum, when it has a natural one (1 for shares)."""


@attrs.frozen(kw_only=True)
class GridGroup:
    """Rows of a shaded grid under one label: the members of a tier, say."""

    label: str
    """Printed beside its rows ("Vaste kern (18)")."""
    colour: str
    """The theme colour (``accent1`` … ``accent6``) of a cell that is wholly filled."""
    fill: str
    """That colour's RGB in the template's theme (``1B4F72``), as the cells give it."""
    rows: tuple[tuple[str, ...], ...]
    """Each row's cells, one per column: the RGB colour it is filled with (``1B4F72``),
    empty for none."""


@attrs.frozen(kw_only=True)
class ChartGrid:
    """A chart that a format draws as a table of shaded cells: the attendance matrix,
    a row per member (no names) and a column per session."""

    columns: tuple[str, ...]
    """Each column's label along the bottom ("1", or "1–5" for a band of sessions)."""
    groups: tuple[GridGroup, ...]
    """The rows, in groups, top to bottom."""


@attrs.frozen(kw_only=True)
class ChartView:
    """A chart to embed: a picture (``path``), numbers to draw (``data``), or a grid of
    shaded cells (``grid``)."""

    id: str
    """Id (``attendance``, ``tiers``, ``organisations``)."""
    path: str
    """Path of the PNG file; empty for a chart drawn from ``data``."""
    title: str
    """Caption."""
    alt_text: str
    """Text alternative describing what it shows."""
    data: ChartData | None = None
    """The numbers, for a format that draws the chart itself; none for a picture."""
    grid: ChartGrid | None = None
    """The cells, for a format that draws the chart as a table; none otherwise."""


@attrs.frozen(kw_only=True)
class TierRow:
    """A row of the tier table."""

    tier: str
    """Tier id."""
    label: str
    """Printed name."""
    count: int
    """Members in it."""
    share: str
    """Share of the members who came, as a percentage ("–" for those who never came)."""


@attrs.frozen(kw_only=True)
class OrganisationRow:
    """A row of the organisation table."""

    name: str
    """Organisation."""
    coverage: str
    """Coverage as a percentage."""
    delegates: int
    """Distinct delegates."""
    attendances: int
    """Attendances."""
    delegate_changed: str = ""
    """Whether the seat passed to other people, printed ("yes", "no", "–" when it cannot
    tell: represented once, or the members without an organisation)."""


@attrs.frozen(kw_only=True)
class SessionView:
    """A session in an overview."""

    id: str
    """Id."""
    number: int
    """Its number in chronological order."""
    dates: str
    """The dates, localised ("12–13 mei 2009")."""
    title: str = ""
    """Title."""
    place: str = ""
    """Place."""
    place_kind: str = ""
    """Printed kind of place."""
    theme: str = ""
    """Printed theme."""
    guests: tuple[GuestView, ...] = ()
    """Guests."""
    work_forms: tuple[str, ...] = ()
    """Printed work forms, each once."""
    programme: tuple[str, ...] = ()
    """Programme item titles."""
    size: int = 0
    """Members present."""
    newcomers: int = 0
    """Newcomers (continuity table only)."""
    from_previous: str = ""
    """How many of those present had also been at the previous session ("–" for the
    first; continuity table only)."""
    levels: int = 0
    """Governance levels present (continuity table only)."""
    notes: tuple[Block, ...] = ()
    """Notes the audience may read."""


@attrs.frozen(kw_only=True)
class ReadingView:
    """A reading in the overview."""

    title: str
    """Title."""
    authors: tuple[str, ...] = ()
    """Authors."""
    year: int | None = None
    """Year."""
    session: str = ""
    """Session label."""
    verdict: str = ""
    """Printed verdict."""
    presented_by: tuple[str, ...] = ()
    """Who introduced it (named only with consent)."""
    note: str = ""
    """A line about it."""


@attrs.frozen(kw_only=True)
class BuildingLessonView:
    """One of the ten lessons for building a CoP, with its health-check status."""

    number: int
    """1-10 (0 for a plugin's finding)."""
    title: str
    """Title."""
    explanation: str
    """Short explanation."""
    status: str
    """``ok``, ``warn`` or ``unknown``; empty when the audience does not see the
    self-assessment."""
    status_label: str
    """Printed status; empty likewise."""
    evidence: str
    """The numbers behind the status as a sentence; empty likewise."""


@attrs.frozen(kw_only=True)
class InsightView:
    """A canonical insight of the domain."""

    number: int
    """Number."""
    title: str
    """Title."""
    text: str
    """Explanation."""


@attrs.frozen(kw_only=True)
class ContinuityView:
    """The continuity chapter, written from the metrics."""

    number: str
    """Chapter number in Part I."""
    title: str
    """Title."""
    intro: str
    """Opening sentence."""
    summary: tuple[str, ...]
    """The story: paragraphs of plain sentences written from the metrics (with too few
    sessions, the one sentence saying so)."""
    pigeon_loft_index: str
    """Pigeon-loft index, two decimals at most ("0,58")."""
    core_share: str
    """Core members as a share of those who came, as a percentage."""
    asymmetry: str | None
    """Exposure ratio, one decimal; none when it cannot be computed."""
    exposure_by_group: tuple[tuple[str, str], ...]
    """(group, mean exposure as a percentage)."""
    tiers: tuple[TierRow, ...]
    """Members by tier."""
    sessions: tuple[SessionView, ...]
    """Sessions with size, newcomers, how many came from the previous one, and levels."""
    organisations: tuple[OrganisationRow, ...]
    """Organisations by attendances."""
    flags: tuple[str, ...]
    """The verdicts: pigeon loft, information advantage, oversized sessions."""
    buddies: tuple[tuple[str, str], ...]
    """(newcomer, buddy) as printed."""
    charts: tuple[ChartView, ...] = ()
    """Charts to embed, in the order the story numbers them."""
    measured: bool = True
    """Enough sessions with attendance to measure; when false the chapter has only its
    summary sentence: no tables, charts, key figures or verdicts."""


@attrs.frozen(kw_only=True)
class PictureView:
    """A picture to embed: the cover."""

    path: str
    """Path of the picture file (PNG, JPEG or GIF), relative to the harvest folder."""
    alt_text: str
    """Text alternative."""


@attrs.frozen(kw_only=True)
class PassageBlock:
    """Content: narrative text."""

    kind: str = "passage"
    """``passage``."""
    text: tuple[Block, ...] = ()
    """Its paragraphs and bullet lists."""


@attrs.frozen(kw_only=True)
class QuoteBlock:
    """Content: a quote where the editor placed it."""

    kind: str = "quote"
    """``quote``."""
    quote: QuoteView
    """The quote."""


@attrs.frozen(kw_only=True)
class BoxBlock:
    """Content: a titled box of lessons and tips, with an optional passage."""

    kind: str = "box"
    """``box``."""
    title: str
    """Its heading: the editor's, else the label of what it holds ("Lessons", "Tips",
    "Insights")."""
    titled: bool = False
    """The heading is the editor's own."""
    text: tuple[Block, ...] = ()
    """A passage inside the box, printed under the heading."""
    lessons: tuple[LessonView, ...] = ()
    """Lessons and insights, numbered."""
    tips: tuple[LessonView, ...] = ()
    """Tips, bulleted."""


@attrs.frozen(kw_only=True)
class TableBlock:
    """Content: a two-column table."""

    kind: str = "table"
    """``table``."""
    table: TableView
    """The table."""


@attrs.frozen(kw_only=True)
class KeyQuestionsBlock:
    """Content: the domain's key questions."""

    kind: str = "key_questions"
    """``key_questions``."""
    title: str
    """Heading: the editor's, else the label "Key questions"."""
    questions: tuple[str, ...] = ()
    """The questions."""


@attrs.frozen(kw_only=True)
class FigureBlock:
    """Content: one of the booklet's charts."""

    kind: str = "figure"
    """``figure``."""
    id: str
    """The chart's id (``attendance``, ``tiers``, ``organisations``)."""
    caption: str
    """The editor's caption, else the chart's title."""
    alt_text: str = ""
    """What the chart shows; empty when the charts were not drawn."""
    chart: ChartView | None = None
    """The chart to embed; none when the build draws no charts."""


@attrs.frozen(kw_only=True)
class PictureBlock:
    """Content: a picture of the harvest folder."""

    kind: str = "picture"
    """``picture``."""
    picture: PictureView
    """The picture and its text alternative."""
    caption: str = ""
    """Caption; may be empty."""


@attrs.frozen(kw_only=True)
class ReadingsBlock:
    """Content: a box of readings."""

    kind: str = "readings"
    """``readings``."""
    title: str
    """Heading: the editor's, else the label "Readings"."""
    readings: tuple[ReadingView, ...] = ()
    """The readings."""


@attrs.frozen(kw_only=True)
class ContinuityBlock:
    """Content: the continuity story (the harvest's ``continuity``) placed in a chapter."""

    kind: str = "continuity"
    """``continuity``."""
    title: str = ""
    """A heading over it; empty to let the chapter's title stand for it."""


ContentBlock = (
    PassageBlock
    | QuoteBlock
    | BoxBlock
    | TableBlock
    | KeyQuestionsBlock
    | FigureBlock
    | PictureBlock
    | ReadingsBlock
    | ContinuityBlock
)
"""One piece of a chapter's content; ``kind`` says which."""


@attrs.frozen(kw_only=True)
class BuildingLessonGroup:
    """Some of the ten lessons under a heading ("Who?")."""

    title: str
    """The heading; empty for the lessons in no group (they follow at the end)."""
    lessons: tuple[BuildingLessonView, ...]
    """The lessons, in order."""


@attrs.frozen(kw_only=True)
class InsightGroup:
    """Some of the domain's insights under a heading."""

    title: str
    """The heading; empty for the insights in no group (they follow at the end)."""
    insights: tuple[InsightView, ...]
    """The insights, in order."""


@attrs.frozen(kw_only=True)
class ColophonView:
    """The colophon."""

    publisher: str
    """Publisher."""
    publisher_line: str = attrs.field(default="", kw_only=True)
    """The colophon's line naming the publisher as the records word it; empty for the
    default words (``labels.published_by``) followed by ``publisher``."""
    address: tuple[str, ...]
    """Address lines."""
    text_by: tuple[str, ...]
    """Authors of the text."""
    editors: tuple[str, ...]
    """Editors."""
    contributors: tuple[str, ...]
    """Contributors."""
    thanks: str
    """Line of thanks before the inspirators."""
    inspirators: tuple[GuestView, ...]
    """Guests in chronological order."""
    place: str
    """Place of publication."""
    date: str
    """Month and year of publication, localised."""


@attrs.frozen(kw_only=True)
class Harvest:
    """Everything a publication shows."""

    locale: str
    """Language."""
    audience: str
    """``public`` or ``internal``."""
    pack: str
    """Domain pack id."""
    pack_title: str
    """Domain pack title."""
    title: str
    """Booklet title."""
    subtitle: str
    """Subtitle."""
    date: str
    """Month and year on the cover."""
    colophon: ColophonView
    """Colophon."""
    intro: tuple[Block, ...]
    """Introduction."""
    parts: tuple[PartView, ...]
    """Part I and Part II."""
    continuity: ContinuityView
    """The continuity chapter (end of Part I)."""
    building_lessons: tuple[BuildingLessonView, ...]
    """Annex: the ten lessons for building a CoP with their status."""
    plugin_findings: tuple[BuildingLessonView, ...]
    """Health findings added by plugins and domain packs."""
    insights: tuple[InsightView, ...]
    """Annex: the domain's insights."""
    building_lesson_groups: tuple[BuildingLessonGroup, ...] = ()
    """The ten lessons again, under their headings (``building_lessons`` ungrouped)."""
    insight_groups: tuple[InsightGroup, ...] = ()
    """The insights again, under their headings (one group without a heading when the
    harvest groups none)."""
    tables: tuple[TableView, ...]
    """Tables tied to no chapter and placed by no block (the from → to table)."""
    questions: tuple[str, ...]
    """The domain's key questions that open Part II; empty when Part II does not open
    with them (``key_questions: false``, or a chapter places them)."""
    loose_lessons: tuple[LessonView, ...]
    """Lessons tied to no chapter and placed by no block."""
    loose_quotes: tuple[QuoteView, ...]
    """Quotes tied to no chapter and placed by no block."""
    sessions: tuple[SessionView, ...]
    """Overview of the sessions."""
    readings: tuple[ReadingView, ...]
    """Overview of the readings."""
    labels: Mapping[str, str]
    """Printed labels in the harvest's language."""
    metrics: Mapping[str, Any]
    """The metrics (METRICS.md layout), members without consent pseudonymised."""
    cover: PictureView | None = None
    """The cover picture (``cover_image`` in community.yaml), if there is one."""
    content_locale: str = ""
    """Language of the records' own text when it is not ``locale`` (a build in another
    language changes only the labels): the booklet tags each run with its language."""
