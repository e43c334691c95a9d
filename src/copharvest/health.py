"""The ten lessons for building a Community of Practice, as a health check.

The lessons are generic: their titles and short explanations below are the default
wording (English and Dutch), and a community may word any of them its own way through
:attr:`~copharvest.model.Community.building_lessons`. :func:`evaluate` checks each
lesson against the records and the continuity metrics and returns a :class:`Finding`
with the numbers it used.

Conditions that combine several inputs (lesson 3) use three-valued logic: a failed
part gives ``warn`` even when another part is unknown; otherwise an unknown part gives
``unknown``.
"""

from __future__ import annotations

from collections.abc import Callable, Mapping
from typing import Literal

import attrs

from copharvest.continuity import UNKNOWN, Continuity, Parameters, held_sessions, member_groups
from copharvest.model import PRACTICE_FORMS, Community, LessonText, PlaceKind, Session, WorkForm

Status = Literal["ok", "warn", "unknown"]
"""The outcome of a check."""

LOCALES = ("en", "nl")
"""Languages with default wording."""


@attrs.frozen(kw_only=True)
class Finding:
    """The outcome of one health check."""

    lesson: int | str
    """The lesson number (1-10), or ``"<plugin>:<name>"`` for a check added by a plugin."""
    title: str = ""
    """The lesson's title in the community's language. A plugin's check may leave it
    out: the finding then takes :attr:`copharvest.analysis.HealthCheck.title` in the
    community's language (a mapping by language is accepted here too)."""
    status: Status = attrs.field(validator=attrs.validators.in_(("ok", "warn", "unknown")))
    """``ok`` when the condition holds, ``warn`` when not, ``unknown`` when it cannot tell."""
    evidence: Mapping[str, object] = attrs.field(factory=dict)
    """The numbers the check used (JSON-able)."""

    def to_json(self) -> dict[str, object]:
        """The finding as METRICS.md lays it out."""
        return {
            "lesson": self.lesson,
            "title": self.title,
            "status": self.status,
            "evidence": dict(self.evidence),
        }


_DEFAULTS: dict[str, tuple[tuple[str, str], ...]] = {
    "en": (
        (
            "Diversity and diagonal relations",
            "Participants come from different jobs, organisations and levels of government "
            "and learn together as equals. Mixing horizontal ties (city with city) and "
            "vertical ones (state with city) makes for a learning of its own: diagonal "
            "learning.",
        ),
        (
            "Coherence and manageability",
            "In principle every party that matters for the shared question takes part, yet "
            "the group stays small enough to work with. Connect people and parties outside "
            "the community actively and pragmatically.",
        ),
        (
            "A stable core and a collective memory",
            "The community rests on a steady group of people who know and trust each other "
            "and remember what was learned, and who can absorb changes of people and help "
            "newcomers find their feet.",
        ),
        (
            "Practice is central",
            "The starting point is exchanging on the shared practice and thinking along "
            "about each other's. Research, policy, results of experiments and the views of "
            "opinion leaders serve that practice, not the other way round.",
        ),
        (
            "Connected to strategic decision-making",
            "Link the community to the places where strategy is set and decisions are made, "
            "so that what is learned has effect there. Otherwise it stays noncommittal and "
            "far from where things really happen.",
        ),
        (
            "It adds to other learning environments",
            "Its approach and agenda add something real to the other ways people meet and "
            "learn, and open up knowledge developed elsewhere.",
        ),
        (
            "An inspiring programme",
            "Well-prepared, themed programmes alternate provocative talks, reflecting "
            "together and developing together. They give something to hold on to (methods, "
            "a focus on practice) and also unsettle: certainties questioned, the big "
            "questions, the drive.",
        ),
        (
            "Room for meeting and relaxation",
            "The programme leaves ample room for informal meeting, relaxation and fun: "
            "essential for the group to form, for its energy and for a sense of "
            "perspective. Programmes of more than a day, with an overnight stay, help a lot.",
        ),
        (
            "Special places",
            "Meet at inspiring places close to the participants' practice and to what the "
            "community wants to learn: places that tempt people out of the habit of "
            "meeting and talking.",
        ),
        (
            "Participants are responsible",
            "The participants own the programme, the quality of the learning and their "
            "active part in it. Facilitators support them and keep the shared learning going "
            "alongside each person's own.",
        ),
    ),
    "nl": (
        (
            "Diversiteit en diagonale relaties",
            "De deelnemers komen uit verschillende functies, organisaties en bestuurslagen "
            "en leren als gelijken van elkaar. Juist de combinatie van horizontale relaties "
            "(stad met stad) en verticale (Rijk met stad) maakt het leren bijzonder: "
            "diagonaal leren.",
        ),
        (
            "Samenhang en beheersbaarheid",
            "Alle partijen die ertoe doen voor het gedeelde vraagstuk zitten in principe aan "
            "tafel, maar de groep blijft klein genoeg om mee te werken. Betrek mensen en "
            "partijen van buiten de CoP actief en pragmatisch.",
        ),
        (
            "Stabiele kern en collectief geheugen",
            "De CoP steunt op een vaste groep mensen die elkaar kennen en vertrouwen en "
            "onthouden wat er geleerd is, en die wisselingen van personen opvangt en "
            "nieuwkomers goed inwerkt.",
        ),
        (
            "De praktijk staat centraal",
            "Vertrekpunt is de uitwisseling over de gedeelde praktijk en het meedenken over "
            "die van elkaar. Onderzoek, beleid, uitkomsten van experimenten en meningen van "
            "opinieleiders staan daarvoor in dienst.",
        ),
        (
            "Aangesloten op strategische besluitvorming",
            "Verbind de CoP met het strategisch overleg en de plekken waar besluiten vallen, "
            "zodat het geleerde daar doorwerkt. Anders blijft het vrijblijvend en ver van "
            "waar het echt gebeurt.",
        ),
        (
            "Een aanvulling op andere leeromgevingen",
            "Aanpak en agenda voegen iets wezenlijks toe aan andere vormen van ontmoeten en "
            "leren, en maken kennis die elders is ontwikkeld toegankelijk.",
        ),
        (
            "Een inspirerend programma",
            "Goed voorbereide, thematische programma's wisselen prikkelende presentaties, "
            "samen reflecteren en samen ontwikkelen af. Ze bieden houvast (methoden, "
            "praktijkgerichtheid) en maken ook iets los: zekerheden ter discussie, de grote "
            "vragen, bezieling.",
        ),
        (
            "Ruimte voor ontmoeting en ontspanning",
            "Het programma laat genoeg ruimte voor informeel contact, ontspanning en "
            "plezier: onmisbaar voor de groepsvorming, de energie en de nodige relativering. "
            "Meerdaagse bijeenkomsten met overnachting helpen daar sterk bij.",
        ),
        (
            "Bijzondere plekken",
            "Kom samen op inspirerende plekken dicht bij de praktijk van de deelnemers en bij "
            "wat de CoP wil leren: plekken die uitnodigen om uit de vergaderstand te komen.",
        ),
        (
            "De deelnemers zijn zelf verantwoordelijk",
            "De deelnemers dragen zelf het programma, de kwaliteit van het leren en hun "
            "actieve inbreng. Begeleiders ondersteunen hen en jagen het gezamenlijke leren "
            "aan.",
        ),
    ),
}

_GROUPS: dict[str, tuple[tuple[str, tuple[int, ...]], ...]] = {
    "en": (("Who?", (1, 2, 3)), ("What?", (4, 5, 6)), ("How?", (7, 8, 9, 10))),
    "nl": (("Wie?", (1, 2, 3)), ("Wat?", (4, 5, 6)), ("Hoe?", (7, 8, 9, 10))),
}


def language(locale: str) -> str:
    """The supported language for a locale such as ``nl_NL``; English by default."""
    code = locale.replace("-", "_").split("_")[0].lower()
    return code if code in LOCALES else "en"


def default_lesson_texts(locale: str = "en") -> tuple[LessonText, ...]:
    """The core's default wording of the ten lessons."""
    return tuple(
        LessonText(number=i, title=title, explanation=explanation)
        for i, (title, explanation) in enumerate(_DEFAULTS[language(locale)], start=1)
    )


def lesson_texts(community: Community, locale: str) -> tuple[LessonText, ...]:
    """The ten lessons in ``locale`` with the community's own wording applied.

    An override replaces the title, and the explanation when it gives one. Overrides
    are the community's words and apply whatever the locale.
    """
    own = {text.number: text for text in community.building_lessons}
    result = []
    for text in default_lesson_texts(locale):
        override = own.get(text.number)
        if override is not None:
            text = LessonText(
                number=text.number,
                title=override.title or text.title,
                explanation=override.explanation or text.explanation,
            )
        result.append(text)
    return tuple(result)


def lesson_groups(locale: str) -> tuple[tuple[str, tuple[int, ...]], ...]:
    """The three headings the lessons fall under (who, what, how) with their numbers."""
    return _GROUPS[language(locale)]


def _status(holds: bool | None) -> Status:
    if holds is None:
        return "unknown"
    return "ok" if holds else "warn"


def _all(*parts: bool | None) -> bool | None:
    if any(part is False for part in parts):
        return False
    if any(part is None for part in parts):
        return None
    return True


def _share_check(
    sessions: tuple[Session, ...],
    matches: Callable[[Session], bool],
    recorded: bool,
    minimum: float,
) -> tuple[bool | None, dict[str, object]]:
    n = len(sessions)
    matching = sum(1 for s in sessions if matches(s))
    share = matching / n if n else None
    evidence: dict[str, object] = {
        "sessions": n,
        "matching": matching,
        "share": share,
        "minimum": minimum,
    }
    if share is None or not recorded:
        return None, evidence
    return share >= minimum, evidence


def _forms(session: Session) -> set[WorkForm]:
    return {item.form for item in session.programme}


def evaluate(
    community: Community, continuity: Continuity, parameters: Parameters
) -> tuple[Finding, ...]:
    """Check the ten lessons; titles in the community's language."""
    p = parameters
    c = continuity.community
    sessions = held_sessions(community, p.as_of)
    levels, _ = member_groups(community)
    outcomes: list[tuple[bool | None, dict[str, object]]] = []

    levels_known = any(level != UNKNOWN for level in levels.values())
    diagonal = sum(1 for row in continuity.sessions if row.levels >= 2)
    outcomes.append(
        (
            c.diagonal_share >= p.diagonal_min
            if c.diagonal_share is not None and levels_known
            else None,
            {
                "sessions": c.sessions,
                "diagonal_sessions": diagonal,
                "diagonal_share": c.diagonal_share,
                "minimum": p.diagonal_min,
            },
        )
    )
    median = c.size.median
    outcomes.append(
        (
            median <= p.max_size if median is not None else None,
            {"median_size": median, "max_size": p.max_size},
        )
    )
    missing = sum(1 for b in continuity.buddies if b.buddy is None)
    outcomes.append(
        (
            _all(
                c.core_share >= p.core_share_min if c.core_share is not None else None,
                c.pigeon_loft_index <= p.pigeon_loft_threshold
                if c.pigeon_loft_index is not None
                else None,
                missing == 0,
            ),
            {
                "core_share": c.core_share,
                "core_share_min": p.core_share_min,
                "pigeon_loft_index": c.pigeon_loft_index,
                "pigeon_loft_threshold": p.pigeon_loft_threshold,
                "newcomers": len(continuity.buddies),
                "newcomers_without_buddy": missing,
            },
        )
    )
    programme = any(s.programme for s in sessions)
    read_at = {r.session for r in community.readings if r.session is not None}
    learning = {WorkForm.BOOK_DISCUSSION, WorkForm.LEARNING_LINK}
    # the work forms of each session, gathered once for the checks that use them
    forms_of = {id(s): _forms(s) for s in sessions}
    checks: tuple[tuple[Callable[[Session], bool], bool, float], ...] = (
        (lambda s: not forms_of[id(s)].isdisjoint(PRACTICE_FORMS), programme, p.practice_min),
        (
            lambda s: WorkForm.STRATEGIC_CONSULTATION in forms_of[id(s)],
            programme,
            p.strategic_min,
        ),
        (
            lambda s: s.id in read_at or not forms_of[id(s)].isdisjoint(learning),
            programme or bool(read_at),
            p.learning_min,
        ),
        (lambda s: bool(s.guests), any(s.guests for s in sessions), p.guest_min),
        (
            lambda s: s.last_day > s.start or WorkForm.INFORMAL in forms_of[id(s)],
            True,
            p.relaxation_min,
        ),
        (
            lambda s: s.place_kind is PlaceKind.PRACTICE,
            any(s.place_kind is not None for s in sessions),
            p.place_min,
        ),
        (lambda s: bool(s.preparation), any(s.preparation for s in sessions), p.preparation_min),
    )
    outcomes += [_share_check(sessions, *check) for check in checks]
    texts = lesson_texts(community, community.locale)
    return tuple(
        Finding(lesson=text.number, title=text.title, status=_status(holds), evidence=evidence)
        for text, (holds, evidence) in zip(texts, outcomes, strict=True)
    )
