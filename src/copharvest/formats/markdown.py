"""The ``markdown`` output format: a readable preview of the whole booklet."""

from __future__ import annotations

import re
from collections.abc import Callable, Iterable, Mapping
from pathlib import Path

from copharvest.formats.base import OutputFormat, RenderOptions
from copharvest.hookspecs import hookimpl
from copharvest.textblocks import Block, Run
from copharvest.views import (
    BoxBlock,
    BuildingLessonView,
    ChapterView,
    ContentBlock,
    FigureBlock,
    Harvest,
    KeyQuestionsBlock,
    LessonView,
    PassageBlock,
    PictureBlock,
    QuoteBlock,
    QuoteView,
    ReadingsBlock,
    ReadingView,
    TableBlock,
    TableView,
)

_SPECIAL = str.maketrans({c: "\\" + c for c in "\\`*_{}[]<>#|!"})
_ANY_SPECIAL = re.compile(r"[\\`*_{}\[\]<>#|!]")


def escape(text: str) -> str:
    """Literal text for Markdown (no accidental emphasis, links or HTML)."""
    if _ANY_SPECIAL.search(text) is not None:  # most text has none: no translation
        text = text.translate(_SPECIAL)
    return text.replace("\n", " ")


def _runs(runs: Iterable[Run]) -> str:
    out = []
    for run in runs:
        text = escape(run.text)
        if run.bold and text.strip():
            text = f"**{text}**"
        elif run.italic and text.strip():
            text = f"*{text}*"
        out.append(text)
    return "".join(out)


def _blocks(blocks: Iterable[Block]) -> list[str]:
    lines: list[str] = []
    for block in blocks:
        if block.kind == "bullets":
            lines.extend(f"- {_runs(item)}" for item in block.items)
        else:
            lines.append(_runs(block.runs))
        lines.append("")
    return lines


def _table(table: TableView) -> list[str]:
    lines = [f"**{escape(table.title)}**", ""] if table.title else []
    if table.kind == "dilemma":  # two poles, no direction: "X – Y" without column heads
        lines.extend(f"- {escape(left)} \u2013 {escape(right)}" for left, right in table.rows)
        return [*lines, ""]
    lines.append(f"| {escape(table.left_label)} | {escape(table.right_label)} |")
    lines.append("| --- | --- |")
    lines.extend(f"| {escape(left)} | {escape(right)} |" for left, right in table.rows)
    return [*lines, ""]


def _quote(quote: QuoteView) -> list[str]:
    lines = [f"> {escape(quote.text)}"]
    if quote.attribution:  # an anonymous quote has none
        lines += [">", f"> — {escape(quote.attribution)}"]
    return [*lines, ""]


def _lessons(items: Iterable[LessonView], numbered: bool) -> list[str]:
    return [
        f"{f'{i}.' if numbered else '-'} {escape(item.text)}"
        for i, item in enumerate(items, start=1)
    ]


def _box(box: BoxBlock) -> list[str]:
    lines = [f"**{escape(box.title)}**", ""] if box.title else []
    lines += _blocks(box.text)
    if box.lessons:
        lines += [*_lessons(box.lessons, True), ""]
    if box.tips:  # bulleted after lessons; a box of tips alone is numbered as it always was
        lines += [*_lessons(box.tips, not box.lessons), ""]
    return lines


def _piece(piece: ContentBlock, h: Harvest) -> list[str]:
    """One piece of a chapter's content."""
    if isinstance(piece, PassageBlock):
        return _blocks(piece.text)
    if isinstance(piece, QuoteBlock):
        return _quote(piece.quote)
    if isinstance(piece, BoxBlock):
        return _box(piece)
    if isinstance(piece, TableBlock):
        return _table(piece.table)
    if isinstance(piece, KeyQuestionsBlock):
        heading = [f"**{escape(piece.title)}**", ""] if piece.title else []
        return [*heading, *(f"- {escape(q)}" for q in piece.questions), ""]
    if isinstance(piece, FigureBlock):
        alt = f" — {escape(piece.alt_text)}" if piece.alt_text else ""
        return [f"*{h.labels['figure']}: {escape(piece.caption)}*{alt}", ""]
    if isinstance(piece, PictureBlock):
        lines = [f"![{escape(piece.picture.alt_text)}](<{_target(piece.picture.path)}>)", ""]
        return lines + ([f"*{escape(piece.caption)}*", ""] if piece.caption else [])
    if isinstance(piece, ReadingsBlock):
        return [f"**{escape(piece.title)}**", "", *map(_reading, piece.readings), ""]
    heading = [f"#### {escape(piece.title)}", ""] if piece.title else []
    return heading + _continuity_story(h)


def _chapter(chapter: ChapterView, h: Harvest) -> list[str]:
    lines = [f"### {chapter.number} {escape(chapter.title)}", ""]
    for piece in chapter.content:
        lines += _piece(piece, h)
    return lines


def _target(path: str) -> str:
    # relative to the harvest folder: a preview saved there shows it; in angle
    # brackets the path may hold spaces
    return Path(path).as_posix().replace("<", "%3C").replace(">", "%3E")


def _reading(r: ReadingView) -> str:
    authors = escape(", ".join(r.authors))
    year = f" ({r.year})" if r.year else ""
    verdict = f" — {escape(r.verdict)}" if r.verdict else ""
    return f"- {authors}{': ' if authors else ''}*{escape(r.title)}*{year}{verdict}"


def render_text(harvest: Harvest) -> str:
    """The whole booklet as Markdown text."""
    labels = dict(harvest.labels)
    h = harvest
    lines = [f"# {escape(h.title)}", ""]
    if h.subtitle:
        lines += [f"*{escape(h.subtitle)}*", ""]
    if h.cover is not None:
        lines += [f"![{escape(h.cover.alt_text)}](<{_target(h.cover.path)}>)", ""]
    if h.audience == "internal":
        lines += [f"**{labels['audience_internal']}**", ""]
    lines += [escape(h.colophon.publisher), "", escape(h.date), "", f"## {labels['colophon']}", ""]
    col = h.colophon
    if col.publisher_line:
        lines += [escape(col.publisher_line), ""]
    elif col.publisher:
        lines += [f"{labels['published_by']} **{escape(col.publisher)}**", ""]
    for key, values in (("text_by", col.text_by), ("editors", col.editors)):
        if values:
            lines += [f"{labels[key]}: {escape(', '.join(values))}", ""]
    if col.contributors:
        lines += [f"{labels['contributors']}:", ""]
        lines += [f"- {escape(c)}" for c in col.contributors] + [""]
    if col.inspirators:
        lines += [escape(col.thanks) if col.thanks else f"{labels['inspirators']}:", ""]
        lines += [
            f"- {escape(g.name)}" + (f" ({escape(g.description)})" if g.description else "")
            for g in col.inspirators
        ] + [""]
    if h.intro:
        lines += [f"## {labels['intro']}", "", *_blocks(h.intro)]
    for part in h.parts:
        lines += [f"## {labels['part']} {part.numeral}: {escape(part.title)}", ""]
        lines += _blocks(part.intro)
        if part.number == 2 and h.questions:
            lines += [f"**{escape(labels['questions'])}**", ""]
            lines += [f"- {escape(q)}" for q in h.questions] + [""]
        for chapter in part.chapters:
            lines += _chapter(chapter, h)
        if part.number == 1:
            if h.continuity.number:  # else a chapter places the story
                lines += _continuity(h)
            lines += _annex_building(h)
    if h.loose_quotes or h.loose_lessons:
        lines += [f"## {escape(labels['more'])}", ""]
        for quote in h.loose_quotes:
            lines += _quote(quote)
        if h.loose_lessons:
            lines += [f"**{labels['lessons']}**", "", *_lessons(h.loose_lessons, True), ""]
    for table in h.tables:
        lines += _table(table)
    if h.insight_groups:
        lines += [f"## {labels['annex']}: {labels['domain_insights']}", ""]
        for group in h.insight_groups:
            if group.title:
                lines += [f"### {escape(group.title)}", ""]
            for insight in group.insights:
                lines += [
                    f"{insight.number}. **{escape(insight.title)}** {escape(insight.text)}".rstrip()
                ]
            lines.append("")
    if h.sessions:
        lines += [f"## {labels['sessions']}", ""]
        lines += [
            f"| # | {labels['date']} | {labels['place']} | {labels['theme']} | {labels['guests']} |"
        ]
        lines += ["| --- | --- | --- | --- | --- |"]
        for s in h.sessions:
            guests = ", ".join(g.name for g in s.guests)
            lines.append(
                f"| {s.number} | {escape(s.dates)} | {escape(s.place)} | {escape(s.theme)} | {escape(guests)} |"
            )
        lines.append("")
    if h.readings:
        lines += [f"## {labels['readings']}", "", *map(_reading, h.readings), ""]
    return "\n".join(lines).rstrip() + "\n"


def _continuity(h: Harvest) -> list[str]:
    c = h.continuity
    return [f"### {c.number} {escape(c.title)}", "", *_continuity_story(h)]


def _continuity_story(h: Harvest) -> list[str]:
    labels = h.labels
    c = h.continuity
    lines = [escape(c.intro), ""]
    for sentence in c.summary:
        lines += [escape(sentence), ""]
    if not c.measured:  # too little to measure: the sentence says so, nothing more
        return lines
    key_figures = [
        ("pigeon_loft_index", c.pigeon_loft_index),
        ("core_share", c.core_share),
        *([("asymmetry", c.asymmetry)] if c.asymmetry is not None else []),
    ]
    lines += [f"| {labels['key_figures']} | |", "| --- | ---: |"]
    lines += [f"| {escape(labels[key])} | {escape(value)} |" for key, value in key_figures]
    lines += [
        f"| {escape(labels['exposure'])}: {escape(group)} | {escape(share)} |"
        for group, share in c.exposure_by_group
    ] + [""]
    if c.flags:
        lines += [f"**{labels['flags']}**", ""]
        lines += [f"- {escape(f)}" for f in c.flags] + [""]
    for number, chart in enumerate(c.charts, start=1):
        lines += [
            f"*{labels['figure']} {number}. {escape(chart.title)}* — {escape(chart.alt_text)}",
            "",
        ]
    lines += [
        f"| {labels['tier']} | {labels['members']} | {labels['tier_share']} |",
        "| --- | ---: | ---: |",
    ]
    lines += [f"| {escape(t.label)} | {t.count} | {escape(t.share)} |" for t in c.tiers] + [""]
    if c.sessions:
        lines += [
            f"| # | {labels['date']} | {labels['size']} | {labels['newcomers']} | {labels['from_previous']} | {labels['levels']} |",
            "| --- | --- | ---: | ---: | ---: | ---: |",
        ]
        lines += [
            f"| {s.number} | {escape(s.dates)} | {s.size} | {s.newcomers} | {s.from_previous} | {s.levels} |"
            for s in c.sessions
        ] + [""]
    if c.organisations:
        lines += [
            f"| {labels['organisation']} | {labels['coverage']} | {labels['delegates']} | {labels['delegate_changed']} | {labels['attendances']} |",
            "| --- | ---: | ---: | :---: | ---: |",
        ]
        lines += [
            f"| {escape(o.name)} | {escape(o.coverage)} | {o.delegates} | {escape(o.delegate_changed)} | {o.attendances} |"
            for o in c.organisations
        ] + [""]
    if c.buddies:
        lines += [f"**{labels['buddies']}**", ""]
        lines += [f"- {escape(a)} → {escape(b)}" for a, b in c.buddies] + [""]
    return lines


def _annex_building(h: Harvest) -> list[str]:
    labels = h.labels
    if not h.building_lessons:
        return []
    lines = [f"## {labels['annex']}: {labels['building_lessons']}", ""]
    for group in h.building_lesson_groups:
        if group.title:
            lines += [*([""] if lines[-1] else []), f"### {escape(group.title)}", ""]
        lines += _building(group.lessons, labels)
    lines += _building(h.plugin_findings, labels)
    return [*lines, ""]


def _building(lessons: Iterable[BuildingLessonView], labels: Mapping[str, str]) -> list[str]:
    lines = []
    for lesson in lessons:
        number = f"{lesson.number}. " if lesson.number else "- "
        line = f"{number}**{escape(lesson.title)}** {escape(lesson.explanation)}".rstrip()
        if lesson.status:  # the self-assessment, where the audience sees it
            line += f" ({labels['status']}: {escape(lesson.status_label)})"
            if lesson.evidence:
                line += f" {escape(lesson.evidence)}"
        lines.append(line)
    return lines


def render(harvest: Harvest, options: RenderOptions) -> bytes:
    """Render the harvest as Markdown (UTF-8)."""
    return render_text(harvest).encode("utf-8")


@hookimpl
def register_formats(register: Callable[[OutputFormat], None]) -> None:
    register(
        OutputFormat(
            name="markdown",
            suffix=".md",
            text=True,
            render=render,
            title="A readable Markdown preview of the whole booklet",
        )
    )
