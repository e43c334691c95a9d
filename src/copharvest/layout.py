"""A chapter's content in the editor's order: its blocks, then what no block places.

:func:`placed` finds every record that some block places (anywhere in the booklet, whoever
may read the block: a record never moves with the audience). :class:`Layout` turns a
chapter into the ordered :data:`~copharvest.views.ContentBlock` views, visibility
already applied: a block the audience may not read is left out, and so is a record it
may not read, and a box, readings box or figure that ends up empty.
"""

from __future__ import annotations

from collections.abc import Callable, Mapping, Sequence

import attrs

from copharvest.model import BlockKind, Chapter, ChapterBlock, Quote
from copharvest.privacy import Audience, visible
from copharvest.textblocks import Block, blocks
from copharvest.views import (
    BoxBlock,
    ChapterView,
    ChartView,
    ContentBlock,
    ContinuityBlock,
    FigureBlock,
    Harvest,
    KeyQuestionsBlock,
    LessonView,
    PassageBlock,
    PictureBlock,
    PictureView,
    QuoteBlock,
    QuoteView,
    ReadingsBlock,
    ReadingView,
    TableBlock,
    TableView,
)


@attrs.frozen(kw_only=True)
class Placed:
    """The ids of the records some block places."""

    quotes: frozenset[str] = frozenset()
    lessons: frozenset[str] = frozenset()
    tables: frozenset[str] = frozenset()


def placed(chapters: Sequence[Chapter]) -> Placed:
    """Every quote, lesson (tip, insight) and table id a block of ``chapters`` places."""
    quotes: set[str] = set()
    lessons: set[str] = set()
    tables: set[str] = set()
    for chapter in chapters:
        for block in chapter.blocks:
            if block.kind is BlockKind.QUOTE and block.ref:
                quotes.add(block.ref)
            elif block.kind is BlockKind.BOX:
                lessons.update(block.lessons, block.tips)
            elif block.kind is BlockKind.TABLE and block.ref:
                tables.add(block.ref)
    return Placed(quotes=frozenset(quotes), lessons=frozenset(lessons), tables=frozenset(tables))


def has_block(chapters: Sequence[Chapter], kind: BlockKind) -> bool:
    """Whether some chapter has a block of ``kind``."""
    return any(block.kind is kind for chapter in chapters for block in chapter.blocks)


CHART_TITLES = {"attendance": "attendance", "tiers": "composition", "organisations": "coverage"}
"""The chart ids a figure may name, and the key of each one's title in the chart words."""


@attrs.frozen(kw_only=True)
class Layout:
    """What the blocks of the chapters refer to, as the audience may read it."""

    audience: Audience
    labels: Mapping[str, str]
    quotes: Mapping[str, QuoteView]
    """Quotes by id, those the audience may read."""
    quote_view: Callable[[Quote], QuoteView]
    """How a quote written in place is printed."""
    lessons: Mapping[str, LessonView]
    """Lessons, tips and insights by id, those the audience may read."""
    tables: Mapping[str, TableView]
    """Tables by id (the records' over the pack's), those the audience may read."""
    readings: Mapping[str, ReadingView]
    """Readings by id, those the audience may read."""
    charts: Mapping[str, ChartView]
    """The charts drawn, by id (none when the build draws none)."""
    chart_titles: Mapping[str, str]
    """Each chart's default caption, by id."""
    questions: tuple[str, ...]
    """The domain's key questions."""
    pictures: bool
    """Whether pictures can be shown (the harvest was read from a folder)."""

    def block(self, block: ChapterBlock) -> ContentBlock | None:
        """The view of one block, or none when nothing of it may be printed."""
        if not visible(block.visibility, self.audience):
            return None
        kind = block.kind
        if kind is BlockKind.PASSAGE:
            text = blocks(block.text)
            return PassageBlock(text=text) if text else None
        if kind is BlockKind.QUOTE:
            if block.quote is not None:
                if not visible(block.quote.visibility, self.audience):
                    return None
                return QuoteBlock(quote=self.quote_view(block.quote))
            quote = self.quotes.get(block.ref or "")
            return QuoteBlock(quote=quote) if quote is not None else None
        if kind is BlockKind.BOX:
            return self._box(block)
        if kind is BlockKind.TABLE:
            table = self.tables.get(block.ref or "")
            if table is None:
                return None
            if block.title is not None:  # the block's own title; empty for none
                table = attrs.evolve(table, title=block.title)
            return TableBlock(table=table)
        if kind is BlockKind.KEY_QUESTIONS:
            if not self.questions:
                return None
            # an empty title prints the questions without a heading, after a passage that
            # announces them
            title = block.title if block.title is not None else self.labels.get("questions", "")
            return KeyQuestionsBlock(title=title, questions=self.questions)
        if kind is BlockKind.FIGURE:
            return self._figure(block)
        if kind is BlockKind.PICTURE:
            if not self.pictures or not block.picture:
                return None
            picture = PictureView(path=block.picture, alt_text=block.alt or block.caption)
            return PictureBlock(picture=picture, caption=block.caption)
        if kind is BlockKind.READINGS:
            shown = tuple(self.readings[r] for r in block.readings if r in self.readings)
            if not shown:
                return None
            return ReadingsBlock(title=block.title or self.labels["readings"], readings=shown)
        return ContinuityBlock(title=block.title or "")

    def _box(self, block: ChapterBlock) -> BoxBlock | None:
        lessons = tuple(self.lessons[i] for i in block.lessons if i in self.lessons)
        tips = tuple(self.lessons[i] for i in block.tips if i in self.lessons)
        text = blocks(block.text) if block.text.strip() else ()
        if not (lessons or tips or text):
            return None
        if block.title:
            return BoxBlock(title=block.title, titled=True, text=text, lessons=lessons, tips=tips)
        return BoxBlock(
            title=self.box_heading(lessons, tips), text=text, lessons=lessons, tips=tips
        )

    def box_heading(self, lessons: Sequence[LessonView], tips: Sequence[LessonView]) -> str:
        """The default heading of a box by what it holds."""
        if lessons:
            key = "insights" if all(v.kind == "insight" for v in lessons) else "lessons"
            return self.labels[key]
        return self.labels["tips"] if tips else ""

    def _figure(self, block: ChapterBlock) -> FigureBlock | None:
        chart_id = block.ref or ""
        if chart_id not in self.chart_titles:
            return None
        chart = self.charts.get(chart_id)
        title = chart.title if chart is not None else self.chart_titles[chart_id]
        return FigureBlock(
            id=chart_id,
            caption=block.caption or title,
            alt_text=chart.alt_text if chart is not None else "",
            chart=chart,
        )

    def chapter(
        self,
        ch_id: str,
        number: str,
        title: str,
        body: tuple[Block, ...],
        chapter: Chapter | None,
        quotes: Sequence[QuoteView] = (),
        lessons: Sequence[LessonView] = (),
        tables: Sequence[TableView] = (),
    ) -> ChapterView:
        """A chapter's view: ``body`` (its passages), its blocks, then the records of the
        chapter that no block places: ``quotes``, ``lessons`` (tips, insights), ``tables``."""
        content: list[ContentBlock] = [PassageBlock(text=body)] if body else []
        for block in chapter.blocks if chapter is not None else ():
            view = self.block(block)
            if view is not None:
                content.append(view)
        content.extend(QuoteBlock(quote=q) for q in quotes)
        for kind in ("lesson", "tip", "insight"):
            items = tuple(v for v in lessons if v.kind == kind)
            if items:
                numbered, bulleted = ((), items) if kind == "tip" else (items, ())
                heading = self.box_heading(numbered, bulleted)
                content.append(BoxBlock(title=heading, lessons=numbered, tips=bulleted))
        content.extend(TableBlock(table=t) for t in tables)
        return by_kind(ch_id, number, title, tuple(content))


def by_kind(ch_id: str, number: str, title: str, content: tuple[ContentBlock, ...]) -> ChapterView:
    """The chapter view with ``content`` and the same records sorted by kind."""
    narrative: list[Block] = []
    quotes: list[QuoteView] = []
    lessons: list[LessonView] = []
    tables: list[TableView] = []
    for item in content:
        if isinstance(item, PassageBlock):
            narrative.extend(item.text)
        elif isinstance(item, QuoteBlock):
            quotes.append(item.quote)
        elif isinstance(item, BoxBlock):
            narrative.extend(item.text)
            lessons.extend((*item.lessons, *item.tips))
        elif isinstance(item, TableBlock):
            tables.append(item.table)
    return ChapterView(
        id=ch_id,
        number=number,
        title=title,
        blocks=tuple(narrative),
        lessons=tuple(v for v in lessons if v.kind == "lesson"),
        tips=tuple(v for v in lessons if v.kind == "tip"),
        insights=tuple(v for v in lessons if v.kind == "insight"),
        quotes=tuple(quotes),
        tables=tuple(tables),
        content=content,
    )


def without_charts(harvest: Harvest) -> Harvest:
    """``harvest`` for a format that embeds no charts: the placed figures keep their
    caption and alt text, no chart (whose picture is a temporary file) is left in it."""

    def chapter(view: ChapterView) -> ChapterView:
        content = tuple(
            attrs.evolve(piece, chart=None) if isinstance(piece, FigureBlock) else piece
            for piece in view.content
        )
        return attrs.evolve(view, content=content)

    parts = tuple(
        attrs.evolve(part, chapters=tuple(map(chapter, part.chapters))) for part in harvest.parts
    )
    return attrs.evolve(
        harvest, parts=parts, continuity=attrs.evolve(harvest.continuity, charts=())
    )
