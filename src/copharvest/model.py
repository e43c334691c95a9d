"""The typed core model of a Community of Practice.

Every class is frozen and keyword-only. Every field's type is checked when a record
is made, without conversion: ``Session(start="2023-09-21")`` raises ``TypeError``
naming ``Session.start``. Validators guard only real invariants beyond types (ordered
dates, non-empty ids); cross-references between records are checked by
:mod:`copharvest.store.validate`, which knows where each record came from and can
point at the offending line.
"""

from __future__ import annotations

import datetime as dt
import enum
import types
import typing
from collections.abc import Callable
from typing import Any, TypeVar

import attrs

FORMAT_VERSION = 2
"""The harvest-folder format version this release writes (version 1 folders still load:
their chapters have no blocks)."""

FORMAT_VERSIONS = (1, 2)
"""The harvest-folder format versions this release reads."""


class Visibility(enum.StrEnum):
    """Who may read a stored text."""

    PUBLIC = "public"
    """Goes into every publication (the booklet)."""
    INTERNAL = "internal"
    """Only for publications built for the internal audience."""
    OFF_RECORD = "off_record"
    """Never in any publication ("niet voor het boekje"); kept in the records only."""


class PlaceKind(enum.StrEnum):
    """Where a session was held."""

    VENUE = "venue"
    """A plain meeting venue (conference centre, hotel, office)."""
    PRACTICE = "practice"
    """A practice location: a neighbourhood, a project, a case in the field."""


class WorkForm(enum.StrEnum):
    """The work form of a programme item."""

    BOOK_DISCUSSION = "book_discussion"
    INTERVISION = "intervision"
    CASE_CLINIC = "case_clinic"
    FIELD_VISIT = "field_visit"
    STRATEGIC_CONSULTATION = "strategic_consultation"
    LEARNING_LINK = "learning_link"
    """A link to another learning environment (a network, a course, another CoP)."""
    GUEST_TALK = "guest_talk"
    INFORMAL = "informal"
    """An informal or relaxation item: a dinner, a walk, a game."""
    OTHER = "other"


PRACTICE_FORMS = frozenset({WorkForm.CASE_CLINIC, WorkForm.INTERVISION, WorkForm.FIELD_VISIT})
"""Work forms that put practice at the centre (health check, lesson 4)."""


class Verdict(enum.StrEnum):
    """What the community thought of a reading."""

    INSPIRING = "inspiring"
    USABLE = "usable"
    SKIP = "skip"


class LessonKind(enum.StrEnum):
    """What kind of learning a lesson record holds."""

    LESSON = "lesson"
    TIP = "tip"
    INSIGHT = "insight"


class LessonSource(enum.StrEnum):
    """Where a lesson came from."""

    PARTICIPANTS = "participants"
    GUEST = "guest"
    DISTILLED = "distilled"
    """Distilled afterwards by the editors."""


class TableKind(enum.StrEnum):
    """The shape of meaning of a two-column table."""

    MOVEMENT = "movement"
    """A "from → to" table (VAN → NAAR)."""
    DILEMMA = "dilemma"
    """A "X – Y" table of dilemmas."""


Check = Callable[[Any], bool]


def _is_text(v: Any) -> bool:
    return isinstance(v, str)


def _all_text(items: tuple[Any, ...]) -> bool:
    # one pass in C for the usual case of plain strings (attendance lists are long)
    return set(map(type, items)) <= {str} or all(isinstance(v, str) for v in items)


def _resolve(tp: Any) -> tuple[Check, str]:
    """A check and a description for one field's resolved type."""
    args = typing.get_args(tp)
    if isinstance(tp, types.UnionType):
        options = [a for a in args if a is not type(None)]
        if len(options) != 1 or len(args) != 2:
            raise TypeError(f"cannot check the type {tp!r}")
        inner, what = _resolve(options[0])
        return (lambda v: v is None or inner(v)), f"{what} or None"
    if typing.get_origin(tp) is tuple:
        item, what = _resolve(args[0])
        if item is _is_text:
            return (lambda v: isinstance(v, tuple) and _all_text(v)), "a tuple of text"
        return (lambda v: isinstance(v, tuple) and all(map(item, v))), f"a tuple of {what}"
    if tp is str:
        return _is_text, "text"
    if tp is bool:
        return (lambda v: isinstance(v, bool)), "true or false (a bool)"
    if tp is int:
        return (lambda v: isinstance(v, int) and not isinstance(v, bool)), "a whole number"
    if tp is float:
        return (lambda v: isinstance(v, int | float) and not isinstance(v, bool)), "a number"
    if tp is dt.date:
        return (
            lambda v: isinstance(v, dt.date) and not isinstance(v, dt.datetime)
        ), "a date (datetime.date)"
    if isinstance(tp, type):
        return (lambda v: isinstance(v, tp)), f"a {tp.__name__}"
    raise TypeError(f"cannot check the type {tp!r}")


def _shown(value: object) -> str:
    text = repr(value)
    return text if len(text) <= 40 else text[:37] + "..."


T = TypeVar("T")


def _typed(cls: type[T]) -> type[T]:
    """Class decorator: every keyword given to the constructor is type-checked first.

    The check runs before attrs' own validators (which may call methods of the value)
    and leaves the fields' validators as they are, for the JSON Schema to read.
    """
    init = cls.__init__
    checks: dict[str, tuple[Check, str]] = {}

    def __init__(self: Any, **kwargs: Any) -> None:
        if not checks:  # resolved on first use: classes defined later exist by then
            hints = typing.get_type_hints(cls)
            checks.update((name, _resolve(tp)) for name, tp in hints.items())
        for name, value in kwargs.items():
            check = checks.get(name)
            if check is not None and not check[0](value):
                raise TypeError(
                    f"{cls.__name__}.{name}: expected {check[1]}, got {type(value).__name__} "
                    f"{_shown(value)}"
                )
        init(self, **kwargs)

    __init__.__doc__ = init.__doc__
    __init__.__wrapped__ = init  # type: ignore[attr-defined]
    cls.__init__ = __init__  # type: ignore[method-assign]
    return cls


class FieldValueError(ValueError):
    """An invariant of one field does not hold; ``field`` names it."""

    def __init__(self, field: str, message: str) -> None:
        self.field = field
        super().__init__(message)


def _non_empty(instance: object, attribute: attrs.Attribute[Any], value: str) -> None:
    if not value.strip():
        raise FieldValueError(attribute.name, "must not be empty")


def _end_not_before_start(
    instance: Any, attribute: attrs.Attribute[Any], value: dt.date | None
) -> None:
    if value is not None and value < instance.start:
        raise FieldValueError(
            attribute.name,
            f"ends ({value.isoformat()}) before it starts ({instance.start.isoformat()})",
        )


def _one_speaker(instance: Any, attribute: attrs.Attribute[Any], value: bool) -> None:
    if instance.speaker is not None and instance.outsider is not None:
        raise FieldValueError("outsider", "a quote has a speaker or an outsider, not both")
    if instance.speaker is None and instance.outsider is None and not value:
        raise FieldValueError(
            "speaker", "a quote needs a speaker (or an outsider, or anonymous: true)"
        )


def _part(instance: object, attribute: attrs.Attribute[Any], value: int) -> None:
    if value not in (1, 2):
        raise FieldValueError(
            attribute.name, f"expected 1 (about the CoP) or 2 (about the domain), got {value}"
        )


@_typed
@attrs.frozen(kw_only=True)
class Passage:
    """A paragraph of narrative text with its visibility.

    In the files a plain string is shorthand for a public passage. The text may use
    ``*emphasis*``, ``**strong**`` and lines starting with ``- `` for bullet lists.
    """

    text: str
    """The text itself."""
    visibility: Visibility = Visibility.PUBLIC
    """Who may read it."""


@_typed
@attrs.frozen(kw_only=True)
class Period:
    """The span of time the community's records cover."""

    start: dt.date
    """The first day of the period."""
    end: dt.date | None = attrs.field(default=None, validator=_end_not_before_start)
    """The last day of the period; none while the community is still running."""


@_typed
@attrs.frozen(kw_only=True)
class Colophon:
    """The colophon of the booklet."""

    publisher: str = ""
    """Who publishes the harvest (one or more organisations, as one line)."""
    publisher_line: str = ""
    """The colophon's line naming the publisher, when the publisher's name alone does not
    read well after the default words ("Dit is een uitgave van het Ministerie ..."); the
    cover and the document properties keep ``publisher``."""
    address: tuple[str, ...] = ()
    """The publisher's address lines, printed on the cover's back."""
    text_by: tuple[str, ...] = ()
    """Who wrote the text."""
    editors: tuple[str, ...] = ()
    """Final editing."""
    contributors: tuple[str, ...] = ()
    """Contributing organisations or groups, one line each."""
    thanks: str = ""
    """A line of thanks that opens the list of inspirators."""
    place: str = ""
    """Place of publication, e.g. "Den Haag"."""
    date: dt.date | None = None
    """Date of publication; the cover shows its month and year."""


@_typed
@attrs.frozen(kw_only=True)
class LessonText:
    """The wording of one of the ten lessons for building a CoP, overriding the default."""

    number: int
    """Which of the ten lessons (1-10)."""
    title: str
    """Its title."""
    explanation: str = ""
    """A short explanation."""


@_typed
@attrs.frozen(kw_only=True)
class Settings:
    """Parameters of the continuity metrics and the health check.

    Every field is optional: an unset field takes the default of METRICS.md, and a
    command-line option overrides it.
    """

    as_of: dt.date | None = None
    """Ignore sessions after this date (planned sessions)."""
    core_min: int | None = None
    """Minimum sessions attended for the ``core`` tier (default 3)."""
    core_rate: float | None = None
    """Minimum attendance rate for the ``core`` tier (default 0.75)."""
    active_min: int | None = None
    """Minimum sessions attended for the ``active`` tier (default 2)."""
    active_rate: float | None = None
    """Minimum attendance rate for the ``active`` tier (default 0.40)."""
    pigeon_loft_threshold: float | None = None
    """Pigeon-loft index above which the ``pigeon_loft`` flag is raised (default 0.6)."""
    asymmetry_threshold: float | None = None
    """Exposure ratio above which ``information_asymmetry`` is raised (default 1.5)."""
    max_size: int | None = None
    """Sessions larger than this are flagged as oversized (default 30)."""
    group_by: str | None = None
    """Member attribute that groups ``exposure_by_group`` (default ``level``)."""
    diagonal_min: float | None = None
    """Health check 1: minimum ``diagonal_share`` (default 0.75)."""
    core_share_min: float | None = None
    """Health check 3: minimum ``core_share`` (default 0.10)."""
    practice_min: float | None = None
    """Health check 4: minimum share of sessions with a practice work form (default 0.5)."""
    strategic_min: float | None = None
    """Health check 5: minimum share with a strategic consultation (default 0.5)."""
    learning_min: float | None = None
    """Health check 6: minimum share with a reading or learning link (default 0.5)."""
    guest_min: float | None = None
    """Health check 7: minimum share with an external guest (default 0.75)."""
    relaxation_min: float | None = None
    """Health check 8: minimum share with an overnight stay or informal item (default 0.5)."""
    place_min: float | None = None
    """Health check 9: minimum share held at a practice location (default 0.5)."""
    preparation_min: float | None = None
    """Health check 10: minimum share with a preparation group (default 0.75)."""
    seat_coverage_min: float | None = None
    """Minimum coverage for an organisation to count in ``seats_kept`` (default 0.75)."""
    health_in_public: bool | None = None
    """Show the health check's self-assessment in public publications too (default no)."""
    min_group_size: int | None = None
    """Fewest people a published group, row or attribution of a member who did not consent
    may describe (default 3); see docs/privacy.md."""


@_typed
@attrs.frozen(kw_only=True)
class Organisation:
    """An organisation that sends delegates to the community."""

    id: str = attrs.field(validator=_non_empty)
    """Unique id, used by members."""
    name: str
    """Display name."""
    kind: str | None = None
    """Kind of organisation (e.g. ``municipality``, ``ministry``); a domain pack lists the usual ones."""
    level: str | None = None
    """Governance level (e.g. ``national``, ``city``, ``district``)."""
    city: str | None = None
    """City, where it has one."""
    region: str | None = None
    """Region or province."""


@_typed
@attrs.frozen(kw_only=True)
class Member:
    """A person taking part in the community."""

    id: str = attrs.field(validator=_non_empty)
    """Unique id, used in attendance, quotes and preparation groups."""
    name: str
    """Full name. Printed only if ``consent`` is true."""
    organisation: str | None = None
    """Id of the member's organisation."""
    role: str | None = None
    """Role or job title, used to attribute quotes of members who are not named."""
    level: str | None = None
    """Own governance level; defaults to the organisation's."""
    joined: dt.date | None = None
    """Date the member joined; defaults to their first attended session."""
    left: dt.date | None = None
    """Date the member left, if they did."""
    consent: bool = False
    """Whether the member agreed to be named in publications."""


@_typed
@attrs.frozen(kw_only=True)
class Guest:
    """An external guest (inspirator) at a session."""

    name: str
    """Full name; guests appear by name in the colophon."""
    description: str = ""
    """One line describing them, e.g. "socioloog, publicist"."""
    id: str | None = None
    """Id for quotes by this guest; a guest who returns keeps the same id."""


@_typed
@attrs.frozen(kw_only=True)
class ProgrammeItem:
    """One item of a session's programme."""

    title: str
    """What the item was."""
    form: WorkForm
    """Its work form."""
    description: str = ""
    """More about it."""
    visibility: Visibility = Visibility.PUBLIC
    """Who may read it."""


@_typed
@attrs.frozen(kw_only=True)
class Session:
    """A meeting of the community (often 1.5 days with an overnight stay)."""

    id: str = attrs.field(validator=_non_empty)
    """Unique id."""
    start: dt.date
    """First day."""
    end: dt.date | None = attrs.field(default=None, validator=_end_not_before_start)
    """Last day; none for a one-day session."""
    title: str = ""
    """A short title."""
    place: str = ""
    """Where it was held."""
    place_kind: PlaceKind | None = None
    """A plain meeting venue or a practice location."""
    theme: str | None = None
    """The theme: the id of a Part II chapter or domain theme, or free text."""
    guests: tuple[Guest, ...] = ()
    """External guests, in order of appearance."""
    programme: tuple[ProgrammeItem, ...] = ()
    """The programme items."""
    preparation: tuple[str, ...] = ()
    """Ids of the members in the preparation group."""
    attendance: tuple[str, ...] = ()
    """Ids of the members who attended. Guests are not listed here."""
    notes: tuple[Passage, ...] = ()
    """Notes about the session."""

    @property
    def last_day(self) -> dt.date:
        """The last day, equal to ``start`` for a one-day session."""
        return self.end if self.end is not None else self.start


@_typed
@attrs.frozen(kw_only=True)
class Reading:
    """A book or report the community read together."""

    id: str = attrs.field(validator=_non_empty)
    """Unique id."""
    title: str
    """Title."""
    authors: tuple[str, ...] = ()
    """Authors."""
    year: int | None = None
    """Year of publication."""
    session: str | None = None
    """Id of the session where it was discussed."""
    presented_by: tuple[str, ...] = ()
    """Ids of the members who introduced it."""
    verdict: Verdict | None = None
    """What the community thought of it."""
    note: str = ""
    """A line about it."""
    visibility: Visibility = Visibility.PUBLIC
    """Who may read it."""


class BlockKind(enum.StrEnum):
    """What a block of a chapter's body holds; in the files, the key that names it."""

    PASSAGE = "passage"
    """A paragraph of text (``passage: TEXT``)."""
    QUOTE = "quote"
    """A quote: by id (``quote: ID``) or written in place (``quote: {text: ..., speaker: ...}``)."""
    BOX = "box"
    """A titled box of lessons and/or tips by id, with an optional passage (``box: TITLE``)."""
    TABLE = "table"
    """A two-column table by id, of the records or of the domain pack (``table: ID``)."""
    KEY_QUESTIONS = "key_questions"
    """The domain pack's key questions (``key_questions``, or ``key_questions: TITLE``)."""
    FIGURE = "figure"
    """A chart of the booklet by id (``figure: attendance``)."""
    PICTURE = "picture"
    """A picture with caption and alt text (``picture: PATH``)."""
    READINGS = "readings"
    """A box of readings by id (``readings: [ID, ...]``, ``title: ...``)."""
    CONTINUITY = "continuity"
    """The continuity story, computed from the records (``continuity``)."""


CHART_IDS = ("attendance", "tiers", "organisations")
"""The charts of the booklet a ``figure`` block may place: who came to each session
(the attendance matrix), the tiers per session, and the organisations' coverage."""


def _block_fits(instance: ChapterBlock, attribute: attrs.Attribute[Any], value: Any) -> None:
    kind = instance.kind
    needs = {
        BlockKind.PASSAGE: ("text", bool(instance.text.strip())),
        BlockKind.TABLE: ("ref", bool(instance.ref)),
        BlockKind.FIGURE: ("ref", bool(instance.ref)),
        BlockKind.PICTURE: ("picture", bool(instance.picture)),
        BlockKind.READINGS: ("readings", bool(instance.readings)),
        BlockKind.QUOTE: ("quote", bool(instance.ref) != (instance.quote is not None)),
        BlockKind.BOX: (
            "lessons",
            bool(instance.lessons or instance.tips or instance.text.strip()),
        ),
    }
    need = needs.get(kind)
    if need is not None and not need[1]:
        what = {
            "text": "a text",
            "ref": "an id",
            "picture": "the picture's path",
            "readings": "the ids of its readings",
            "quote": "a quote's id or the quote itself (not both)",
            "lessons": "lessons, tips or a text",
        }[need[0]]
        raise FieldValueError(str(kind.value), f"a {kind.value} block needs {what}")


@_typed
@attrs.frozen(kw_only=True)
class ChapterBlock:
    """One block of a chapter's body, in the order the editor wants it printed.

    In the files a block is a mapping whose first key names its kind and holds its main
    value (``- quote: q-winsemius``, ``- box: Hoe houd je de regie?``); the blocks
    without a value may be written as a bare word (``- continuity``).
    """

    kind: BlockKind
    """What the block holds."""
    text: str = ""
    """A passage's text, or the passage inside a box."""
    ref: str | None = None
    """The id of the quote, table or chart."""
    quote: Quote | None = None
    """A quote written in place instead of by id."""
    title: str | None = None
    """The heading of a box, readings box, key questions or continuity story, or a
    table's own title instead of the table's; none for the default heading, empty for
    none."""
    lessons: tuple[str, ...] = ()
    """A box's lessons, by id."""
    tips: tuple[str, ...] = ()
    """A box's tips, by id."""
    readings: tuple[str, ...] = ()
    """A readings box's readings, by id."""
    picture: str | None = None
    """A picture's path, relative to the harvest folder."""
    caption: str = ""
    """A figure's or picture's caption; a chart has its own by default."""
    alt: str = ""
    """A picture's alt text (a chart has its own)."""
    visibility: Visibility = attrs.field(default=Visibility.PUBLIC, validator=_block_fits)
    """Who may read the block."""


@_typed
@attrs.frozen(kw_only=True)
class PartText:
    """What the records say about one of the booklet's two parts."""

    number: int = attrs.field(validator=_part)
    """1: about the CoP approach; 2: about the domain."""
    title: str | None = None
    """Own title instead of the default ("Leren over de CoP-aanpak")."""
    intro: tuple[Passage, ...] = ()
    """The part's introduction, printed under its title."""
    key_questions: bool = True
    """Part II only: open with the domain pack's key questions (switch off when a chapter
    places them with a ``key_questions`` block)."""


@_typed
@attrs.frozen(kw_only=True)
class AnnexGroup:
    """A heading over some items of an annex ("Wie?", "Wat?", "Hoe?")."""

    title: str
    """The heading."""
    items: tuple[int, ...]
    """The numbers of the items under it, in order."""


@_typed
@attrs.frozen(kw_only=True)
class Annexes:
    """How the annexes group their items; empty for the default grouping."""

    building_lessons: tuple[AnnexGroup, ...] = ()
    """Groups of the ten lessons for building a CoP (default: Wie? 1-3, Wat? 4-6,
    Hoe? 7-10, in the publication's language)."""
    insights: tuple[AnnexGroup, ...] = ()
    """Groups of the domain's insights (default: the domain pack's, if any)."""


@_typed
@attrs.frozen(kw_only=True)
class Outsider:
    """Someone quoted who is neither a member nor a guest, described rather than named."""

    description: str
    """Who they are, as printed ("een bewoner uit Arnhem")."""
    role: str = ""
    """Their role, if it adds something ("wijkagent")."""


@_typed
@attrs.frozen(kw_only=True)
class Chapter:
    """A chapter of the booklet's narrative."""

    id: str = attrs.field(validator=_non_empty)
    """Unique id; lessons and quotes name it."""
    part: int = attrs.field(validator=_part)
    """1: about the CoP approach; 2: about the domain."""
    title: str
    """Title."""
    theme: str | None = None
    """For Part II: the domain pack's theme this chapter writes about."""
    body: tuple[Passage, ...] = ()
    """The narrative, paragraph by paragraph (printed before ``blocks``)."""
    blocks: tuple[ChapterBlock, ...] = ()
    """The chapter's body as ordered blocks; records of the chapter that no block
    places follow them in the default order (quotes, lessons, tips, insights, tables)."""
    visibility: Visibility = Visibility.PUBLIC
    """Who may read the chapter at all."""


@_typed
@attrs.frozen(kw_only=True)
class Lesson:
    """A lesson, tip or insight."""

    text: str
    """The lesson itself."""
    id: str | None = None
    """Optional unique id."""
    title: str = ""
    """An optional short title (the canonical insights have one)."""
    kind: LessonKind = LessonKind.LESSON
    """Lesson, tip or insight."""
    source: LessonSource = LessonSource.PARTICIPANTS
    """Who brought it up."""
    chapter: str | None = None
    """Id of the chapter it belongs to."""
    session: str | None = None
    """Id of the session it came from."""
    visibility: Visibility = Visibility.PUBLIC
    """Who may read it."""


@_typed
@attrs.frozen(kw_only=True)
class Quote:
    """Something a member or guest said."""

    text: str
    """The words."""
    speaker: str | None = attrs.field(default=None)
    """Id of the member or guest who said it; none for an ``outsider`` or an anonymous
    quote."""
    outsider: Outsider | None = None
    """Who said it, when they are neither a member nor a guest."""
    id: str | None = None
    """Optional unique id."""
    session: str | None = None
    """Id of the session where it was said."""
    chapter: str | None = None
    """Id of the chapter it illustrates."""
    visibility: Visibility = Visibility.PUBLIC
    """Who may read it."""
    anonymous: bool = attrs.field(default=False, validator=_one_speaker)
    """Printed without any attribution, whoever said it."""


@_typed
@attrs.frozen(kw_only=True)
class Pair:
    """One row of a two-column table."""

    left: str
    """The left column ("from", or one side of a dilemma)."""
    right: str
    """The right column ("to", or the other side)."""
    visibility: Visibility = Visibility.PUBLIC
    """Who may read it."""


@_typed
@attrs.frozen(kw_only=True)
class PairTable:
    """A two-column table: a from → to movement or a list of dilemmas."""

    id: str = attrs.field(validator=_non_empty)
    """Unique id."""
    title: str
    """Title."""
    kind: TableKind = TableKind.MOVEMENT
    """Movement (from → to) or dilemma (X – Y)."""
    left_label: str = ""
    """Heading of the left column (e.g. "Van")."""
    right_label: str = ""
    """Heading of the right column (e.g. "Naar")."""
    chapter: str | None = None
    """Id of the chapter the table belongs to; none for a table of its own."""
    rows: tuple[Pair, ...] = ()
    """The rows, in order."""
    visibility: Visibility = Visibility.PUBLIC
    """Who may read the table at all."""


@_typed
@attrs.frozen(kw_only=True)
class Community:
    """A Community of Practice and all its records: the content of one harvest folder."""

    name: str
    """The community's name (the booklet's title)."""
    period: Period
    """The period the records cover."""
    format_version: int = FORMAT_VERSION
    """Version of the harvest-folder format."""
    subtitle: str = ""
    """Subtitle of the booklet."""
    pack: str | None = None
    """Id of the domain pack (e.g. ``wijkenaanpak``); none for a generic CoP."""
    locale: str = "en"
    """Language of the publication (``en`` or ``nl``)."""
    colophon: Colophon = Colophon()
    """The colophon."""
    intro: tuple[Passage, ...] = ()
    """The introduction, paragraph by paragraph."""
    cover_image: str | None = None
    """Path of the cover picture (PNG, JPEG or GIF), relative to the harvest folder."""
    privacy_key: str | None = None
    """Secret that numbers the pseudonyms of members who did not consent (keyed hash), so
    that a pseudonym says nothing about the member; written by ``copharvest init``."""
    settings: Settings = Settings()
    """Parameters of the metrics and health check."""
    building_lessons: tuple[LessonText, ...] = ()
    """Own wording for some of the ten lessons for building a CoP."""
    parts: tuple[PartText, ...] = ()
    """Introductions and settings of the booklet's two parts."""
    annexes: Annexes = Annexes()
    """How the annexes group their items."""
    organisations: tuple[Organisation, ...] = ()
    """All organisations."""
    members: tuple[Member, ...] = ()
    """All members."""
    sessions: tuple[Session, ...] = ()
    """All sessions, in the order of the file."""
    readings: tuple[Reading, ...] = ()
    """All readings."""
    chapters: tuple[Chapter, ...] = ()
    """The booklet's chapters, in order."""
    lessons: tuple[Lesson, ...] = ()
    """All lessons, tips and insights."""
    quotes: tuple[Quote, ...] = ()
    """All quotes."""
    tables: tuple[PairTable, ...] = ()
    """Two-column tables (from → to, dilemmas)."""

    def member(self, member_id: str) -> Member:
        """The member with this id (``KeyError`` if unknown)."""
        member: Member = _index(self.members)[member_id]
        return member

    def organisation(self, organisation_id: str) -> Organisation:
        """The organisation with this id (``KeyError`` if unknown)."""
        organisation: Organisation = _index(self.organisations)[organisation_id]
        return organisation

    def member_level(self, member: Member) -> str | None:
        """The member's own level, else their organisation's."""
        if member.level is not None:
            return member.level
        if member.organisation is None:
            return None
        org = _index(self.organisations).get(member.organisation)
        return org.level if org is not None else None

    def sessions_in_order(self) -> tuple[Session, ...]:
        """Sessions ordered by first day, then id."""
        return tuple(sorted(self.sessions, key=lambda s: (s.start, s.id)))

    def guests(self) -> tuple[Guest, ...]:
        """Every guest once, in chronological order of first appearance."""
        seen: dict[str, Guest] = {}
        for session in self.sessions_in_order():
            for guest in session.guests:
                seen.setdefault(guest.id or guest.name, guest)
        return tuple(seen.values())


_INDEX_CACHE: dict[int, tuple[tuple[Any, ...], dict[str, Any]]] = {}


def _index(records: tuple[Any, ...]) -> dict[str, Any]:
    # Frozen tuples never change, so an index keyed by identity stays valid while the
    # tuple lives; keeping the tuple in the cache keeps its id from being reused.
    hit = _INDEX_CACHE.get(id(records))
    if hit is not None and hit[0] is records:
        return hit[1]
    if len(_INDEX_CACHE) > 64:
        _INDEX_CACHE.clear()
    index = {r.id: r for r in records}
    _INDEX_CACHE[id(records)] = (records, index)
    return index
