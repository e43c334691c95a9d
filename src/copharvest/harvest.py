"""The Harvest view model: what a publication shows, privacy already applied.

``make_harvest(community, metrics, pack, audience=...)`` turns the records, the
analysis and the domain pack into parts, chapters, lessons, quotes, tables and
labels. Output formats receive only this; they never see the records, so they cannot
leak what was left out here.
"""

from __future__ import annotations

import datetime as dt
from collections import defaultdict
from collections.abc import Mapping, Sequence
from typing import Any

import attrs

from copharvest import layout
from copharvest.annexes import building_annex, finding_text, grouped
from copharvest.charts import chart_words
from copharvest.continuity_chapter import continuity_view
from copharvest.l10n import format_count, format_date
from copharvest.labels import labels_for
from copharvest.leaks import redact_contributions
from copharvest.model import (
    AnnexGroup,
    BlockKind,
    Community,
    LessonKind,
    PairTable,
    PartText,
    Passage,
    Quote,
    Visibility,
)
from copharvest.pack import GENERIC, DomainPack, localise
from copharvest.privacy import Audience, Naming, publish_metrics, visible
from copharvest.suppression import refuse_identifying, suppress
from copharvest.textblocks import Block, blocks
from copharvest.views import (
    BuildingLessonGroup,
    ChapterView,
    ChartView,
    ColophonView,
    GuestView,
    Harvest,
    InsightGroup,
    InsightView,
    LessonView,
    PartView,
    PictureView,
    QuoteView,
    ReadingView,
    SessionView,
    TableView,
)

__all__ = ["Harvest", "finding_text", "make_harvest"]

ROMAN = ("I", "II", "III", "IV")


def month_year(day: dt.date, locale: str) -> str:
    """ "mei 2011" / "May 2011"."""
    return format_date(day, "LLLL y", locale)


def day_range(start: dt.date, end: dt.date | None, locale: str) -> str:
    """ "12–13 mei 2009", "30 juni – 1 juli 2010", "3 March 2010"."""
    if end is None or end == start:
        return format_date(start, "d MMMM y", locale)
    if (start.year, start.month) == (end.year, end.month):
        return f"{start.day}–{format_date(end, 'd MMMM y', locale)}"
    if start.year == end.year:
        return f"{format_date(start, 'd MMMM', locale)} – {format_date(end, 'd MMMM y', locale)}"
    return f"{format_date(start, 'd MMMM y', locale)} – {format_date(end, 'd MMMM y', locale)}"


def _blocks(passages: Sequence[Passage], audience: Audience) -> tuple[Block, ...]:
    out: list[Block] = []
    for passage in passages:
        if visible(passage.visibility, audience):
            out.extend(blocks(passage.text))
    return tuple(out)


def _table_view(table: PairTable, audience: Audience, labels: Mapping[str, str]) -> TableView:
    return TableView(
        id=table.id,
        title=table.title,
        kind=table.kind.value,
        left_label=table.left_label or labels["from"],
        right_label=table.right_label or labels["to"],
        rows=tuple((r.left, r.right) for r in table.rows if visible(r.visibility, audience)),
    )


def _pack_tables(pack: DomainPack, locale: str, labels: Mapping[str, str]) -> dict[str, TableView]:
    return {
        t.id: TableView(
            id=t.id,
            title=localise(t.title, locale),
            kind=t.kind.value,
            left_label=localise(t.left_label, locale) if t.left_label else labels["from"],
            right_label=localise(t.right_label, locale) if t.right_label else labels["to"],
            rows=tuple((localise(r.left, locale), localise(r.right, locale)) for r in t.rows),
            from_pack=True,
        )
        for t in pack.tables
    }


def make_harvest(
    community: Community,
    metrics: Mapping[str, Any],
    pack: DomainPack | None = None,
    *,
    audience: Audience = Audience.PUBLIC,
    building_lessons: Sequence[tuple[str, str]] = (),
    charts: Sequence[ChartView] = (),
    cover_image: str | None = None,
    check_labels: Mapping[str, Mapping[str, str]] | None = None,
    pictures: bool = False,
) -> Harvest:
    """Build the view model.

    :param metrics: the analysis in the layout of METRICS.md (``Analysis.to_json()``).
    :param pack: the domain pack; the generic pack when none.
    :param audience: who the publication is for; decides what is left out.
    :param building_lessons: the ten (title, explanation) pairs for the annex.
    :param charts: charts already drawn, to embed in the continuity chapter.
    :param cover_image: the path of the cover picture relative to the harvest folder
        (``cover_image`` of the community); none for a cover without a picture.
    :param check_labels: the wording of the further health checks, by check name
        (:attr:`copharvest.analysis.Analysis.check_labels`).
    :param pictures: whether the chapters' pictures can be shown (the harvest was read
        from a folder, which their paths are relative to); else they are left out.
    """
    pack = pack or GENERIC
    c = community
    locale = c.locale
    labels = labels_for(locale, pack.labels)
    naming = naming_for(c, metrics, labels, pack, audience)
    # what plugins contributed to the metrics names members as the audience may see them
    metrics = redact_contributions(metrics, naming)
    guests = {g.id: g for s in c.sessions for g in s.guests if g.id}
    sessions_sorted = c.sessions_in_order()
    session_no = {s.id: i for i, s in enumerate(sessions_sorted, start=1)}

    session_titles = {
        s.id: s.title or f"{labels['session']} {format_count(session_no[s.id], locale)}"
        for s in sessions_sorted
    }

    def session_label(session_id: str | None) -> str:
        return "" if session_id is None else session_titles.get(session_id, "")

    # the session overview and the continuity table print the same dates
    date_ranges: dict[tuple[dt.date, dt.date], str] = {}

    def dates_of(start: dt.date, last_day: dt.date) -> str:
        text = date_ranges.get((start, last_day))
        if text is None:
            text = date_ranges[start, last_day] = day_range(start, last_day, locale)
        return text

    chapters = [ch for ch in c.chapters if visible(ch.visibility, audience)]
    visible_chapters = {ch.id for ch in chapters}
    # a record a block places leaves its chapter's default order (whoever may read it)
    placed = layout.placed(c.chapters)
    lessons_by: dict[str | None, list[LessonView]] = defaultdict(list)
    lesson_by_id: dict[str, LessonView] = {}
    insight_overrides: dict[int, LessonView] = {}
    extra_insights: list[LessonView] = []
    pack_numbers = {ins.number for ins in pack.insights}
    public = Visibility.PUBLIC
    for lesson in c.lessons:
        if lesson.visibility is not public and not visible(lesson.visibility, audience):
            continue
        if lesson.chapter is not None and lesson.chapter not in visible_chapters:
            continue
        # _value_ is the member's value, read without the enum's property
        view = LessonView(
            text=lesson.text,
            title=lesson.title,
            kind=lesson.kind._value_,
            source=lesson.source._value_,
            session=session_titles.get(lesson.session, "") if lesson.session is not None else "",
        )
        if lesson.id is not None:
            lesson_by_id[lesson.id] = view
            if lesson.id in placed.lessons:
                continue
        if lesson.kind is LessonKind.INSIGHT and lesson.chapter is None:
            number = _insight_number(lesson.id)
            if number is not None and number in pack_numbers:
                insight_overrides[number] = view
            else:  # a new insight (also insight-N where the pack has no N): after the pack's
                extra_insights.append(view)
        else:
            lessons_by[lesson.chapter].append(view)

    def quote_view(quote: Quote) -> QuoteView:
        is_guest = False
        if quote.anonymous:
            speaker = attribution = ""
        elif quote.outsider is not None:
            speaker = quote.outsider.description
            role = quote.outsider.role.strip()
            attribution = f"{speaker}, {role}" if role else speaker
        elif quote.speaker in guests:
            guest = guests[quote.speaker]
            speaker, attribution, is_guest = guest.name, guest.name, True
        elif quote.speaker is not None:
            speaker = naming.display(quote.speaker)
            attribution = naming.attribution(quote.speaker)
        else:  # the model allows no quote without speaker, outsider or anonymous
            speaker = attribution = ""
        return QuoteView(
            text=quote.text,
            speaker=speaker,
            attribution=attribution,
            guest=is_guest,
            session=session_label(quote.session),
        )

    quotes_by: dict[str | None, list[QuoteView]] = defaultdict(list)
    quote_by_id: dict[str, QuoteView] = {}
    for quote in c.quotes:
        if not visible(quote.visibility, audience):
            continue
        if quote.chapter is not None and quote.chapter not in visible_chapters:
            continue
        view_q = quote_view(quote)
        if quote.id is not None:
            quote_by_id[quote.id] = view_q
            if quote.id in placed.quotes:
                continue
        quotes_by[quote.chapter].append(view_q)

    tables_by: dict[str | None, list[TableView]] = defaultdict(list)
    pack_tables = _pack_tables(pack, locale, labels)
    table_by_id: dict[str, TableView] = dict(pack_tables)
    for table in c.tables:
        if not visible(table.visibility, audience):
            continue
        if table.chapter is not None and table.chapter not in visible_chapters:
            continue
        view_t = _table_view(table, audience, labels)
        table_by_id[table.id] = view_t
        if table.id in pack_tables and table.chapter is None:
            pack_tables[table.id] = view_t
        elif table.id not in placed.tables:
            tables_by[table.chapter].append(view_t)
    for table_id in placed.tables:
        pack_tables.pop(table_id, None)

    reading_pairs = tuple(
        (
            r.id,
            ReadingView(
                title=r.title,
                authors=r.authors,
                year=r.year,
                session=session_label(r.session),
                verdict=labels[f"verdict_{r.verdict.value}"] if r.verdict else "",
                presented_by=tuple(naming.display(m) for m in r.presented_by),
                note=r.note,
            ),
        )
        for r in c.readings
        if visible(r.visibility, audience)
    )
    questions = tuple(localise(q, locale) for q in pack.questions)
    words = chart_words(locale, labels)
    lay = layout.Layout(
        audience=audience,
        labels=labels,
        quotes=quote_by_id,
        quote_view=quote_view,
        lessons=lesson_by_id,
        tables=table_by_id,
        readings=dict(reading_pairs),
        charts={chart.id: chart for chart in charts},
        chart_titles={k: words[v] for k, v in layout.CHART_TITLES.items()},
        questions=questions,
        pictures=pictures,
    )
    by_id = {ch.id: ch for ch in chapters}

    def chapter_view(ch_id: str, number: str, title: str, body: tuple[Block, ...]) -> ChapterView:
        return lay.chapter(
            ch_id,
            number,
            title,
            body,
            by_id.get(ch_id),
            quotes=quotes_by.get(ch_id, ()),
            lessons=lessons_by.get(ch_id, ()),
            tables=tables_by.get(ch_id, ()),
        )

    part1 = [ch for ch in chapters if ch.part == 1]
    part1_views = [
        chapter_view(ch.id, f"1.{i}", ch.title, _blocks(ch.body, audience))
        for i, ch in enumerate(part1, start=1)
    ]
    part2_data = [ch for ch in chapters if ch.part == 2]
    ordered: list[tuple[str, str, tuple[Block, ...]]] = []
    used: set[str] = set()
    for theme in pack.themes:
        matching = [ch for ch in part2_data if ch.theme == theme.id]
        for ch in matching:
            ordered.append((ch.id, ch.title, _blocks(ch.body, audience)))
            used.add(ch.id)
        if not matching and theme.summary:
            ordered.append(
                (
                    f"theme:{theme.id}",
                    localise(theme.title, locale),
                    blocks(localise(theme.summary, locale)),
                )
            )
    for ch in part2_data:
        if ch.id not in used:
            ordered.append((ch.id, ch.title, _blocks(ch.body, audience)))
    part2_views = [
        chapter_view(ch_id, f"2.{i}", title, body)
        for i, (ch_id, title, body) in enumerate(ordered, start=1)
    ]

    # small groups are merged before the continuity chapter is written (docs/privacy.md)
    refuse_identifying(metrics.get("settings", {}).get("group_by"))
    shown = metrics
    if audience is Audience.PUBLIC:
        shown, _ = suppress(c, metrics, naming.rule)
    continuity = continuity_view(
        c, shown, naming, labels, pack, charts, len(part1_views) + 1, dates_of
    )
    if layout.has_block(c.chapters, BlockKind.CONTINUITY):
        # it stands in the chapter that places it: no chapter number of its own
        continuity = attrs.evolve(continuity, number="")
    part_texts = {t.number: t for t in c.parts}
    opens_with_questions = part_texts.get(2, PartText(number=2)).key_questions and not (
        layout.has_block(c.chapters, BlockKind.KEY_QUESTIONS)
    )
    parts = tuple(
        PartView(
            number=number,
            numeral=ROMAN[number - 1],
            title=(text.title if text is not None and text.title else labels[f"part_{number}"]),
            chapters=tuple(views),
            intro=_blocks(text.intro, audience) if text is not None else (),
        )
        for number, views in ((1, part1_views), (2, part2_views))
        for text in (part_texts.get(number),)
    )

    # The self-assessment is for the community itself; public only when it says so.
    assess = audience is not Audience.PUBLIC or bool(c.settings.health_in_public)
    building, plugin_findings = building_annex(
        metrics, building_lessons, labels, locale, assess, check_labels or {}
    )

    insights = [
        InsightView(
            number=ins.number,
            title=insight_overrides[ins.number].title or localise(ins.title, locale)
            if ins.number in insight_overrides
            else localise(ins.title, locale),
            text=insight_overrides[ins.number].text
            if ins.number in insight_overrides
            else localise(ins.text, locale),
        )
        for ins in pack.insights
    ]
    next_no = max((i.number for i in insights), default=0) + 1
    for j, extra in enumerate(extra_insights):
        insights.append(InsightView(number=next_no + j, title=extra.title, text=extra.text))

    sessions = tuple(
        SessionView(
            id=s.id,
            number=session_no[s.id],
            title=s.title,
            dates=dates_of(s.start, s.last_day),
            place=s.place,
            place_kind=labels[f"place_{s.place_kind._value_}"] if s.place_kind else "",
            theme=_theme_label(s.theme, pack, locale),
            guests=tuple(GuestView(name=g.name, description=g.description) for g in s.guests),
            work_forms=tuple(
                dict.fromkeys(
                    labels[f"form_{p.form._value_}"]
                    for p in s.programme
                    if p.visibility is public or visible(p.visibility, audience)
                )
            ),
            programme=tuple(
                p.title
                for p in s.programme
                if p.visibility is public or visible(p.visibility, audience)
            ),
            size=len(s.attendance),
            notes=_blocks(s.notes, audience),
        )
        for s in sessions_sorted
    )
    readings = tuple(view for _, view in reading_pairs)
    default_groups = tuple(
        AnnexGroup(title=labels[f"building_group_{key}"], items=items)
        for key, items in (("who", (1, 2, 3)), ("what", (4, 5, 6)), ("how", (7, 8, 9, 10)))
    )
    building_groups = tuple(
        BuildingLessonGroup(title=title, lessons=items)
        for title, items in grouped(building, c.annexes.building_lessons or default_groups)
    )
    pack_groups = tuple(
        AnnexGroup(title=localise(g.title, locale), items=g.items) for g in pack.insight_groups
    )
    insight_groups = tuple(
        InsightGroup(title=title, insights=items)
        for title, items in grouped(insights, c.annexes.insights or pack_groups)
    )
    colophon = c.colophon
    cover_day = (
        colophon.date
        or c.period.end
        or (sessions_sorted[-1].last_day if sessions_sorted else c.period.start)
    )
    return Harvest(
        locale=locale,
        audience=audience.value,
        pack=pack.id,
        pack_title=localise(pack.title, locale),
        title=c.name,
        subtitle=c.subtitle,
        date=month_year(cover_day, locale),
        colophon=ColophonView(
            publisher=colophon.publisher,
            publisher_line=colophon.publisher_line,
            address=colophon.address,
            text_by=colophon.text_by,
            editors=colophon.editors,
            contributors=colophon.contributors,
            thanks=colophon.thanks,
            inspirators=tuple(
                GuestView(name=g.name, description=g.description) for g in c.guests()
            ),
            place=colophon.place,
            date=month_year(cover_day, locale),
        ),
        intro=_blocks(c.intro, audience),
        parts=parts,
        continuity=continuity,
        building_lessons=building,
        plugin_findings=plugin_findings,
        insights=tuple(insights),
        building_lesson_groups=building_groups,
        insight_groups=insight_groups,
        tables=tuple(pack_tables.values()) + tuple(tables_by.get(None, [])),
        questions=questions if opens_with_questions else (),
        loose_lessons=tuple(lessons_by.get(None, [])),
        loose_quotes=tuple(quotes_by.get(None, [])),
        sessions=sessions,
        readings=readings,
        labels=labels,
        # the health check is the self-assessment: left out where the annex leaves it out
        metrics=publish_metrics(metrics if assess else {**metrics, "health": []}, naming),
        cover=PictureView(path=cover_image, alt_text=labels["cover_picture"].format(title=c.name))
        if cover_image
        else None,
    )


def naming_for(
    community: Community,
    metrics: Mapping[str, Any],
    labels: Mapping[str, str],
    pack: DomainPack,
    audience: Audience,
) -> Naming:
    """How members are named for ``audience``, with the k and date of the metrics' settings."""
    params: Mapping[str, Any] = metrics.get("settings", {})
    as_of = params.get("as_of")
    return Naming(
        community,
        labels,
        audience=audience,
        min_group_size=int(params.get("min_group_size", 3)),
        as_of=dt.date.fromisoformat(as_of) if isinstance(as_of, str) else None,
        level_label=lambda level: pack.level_label(level, community.locale) or level,
    )


def _insight_number(lesson_id: str | None) -> int | None:
    if lesson_id and lesson_id.startswith("insight-") and lesson_id[8:].isdigit():
        return int(lesson_id[8:])
    return None


def _theme_label(theme: str | None, pack: DomainPack, locale: str) -> str:
    if theme is None:
        return ""
    found = pack.theme(theme)
    return localise(found.title, locale) if found else theme
