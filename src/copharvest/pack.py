"""Domain packs: a sector's vocabulary, themes, canonical insights and tables.

A domain pack is a frozen value a plugin hands to copharvest through the
``register_domain_packs`` hook. Most packs are data: :func:`load_pack` reads one
from a folder of YAML files shipped inside the plugin's package.

Texts are *localised*: a mapping from locale (``"en"``, ``"nl"``) to text.
:func:`localise` picks the right one with a fallback.
"""

from __future__ import annotations

import os
from collections.abc import Mapping
from importlib.resources.abc import Traversable
from pathlib import Path
from typing import TYPE_CHECKING, Any

import attrs

from copharvest.model import TableKind

if TYPE_CHECKING:
    from copharvest.analysis import HealthCheck

Localised = Mapping[str, str]
"""Text by locale, e.g. ``{"en": "National", "nl": "Rijk"}``."""


def localise(text: Localised | str, locale: str, fallback: str = "en") -> str:
    """The text for ``locale``, else for ``fallback``, else any; a plain string as is."""
    if isinstance(text, str):
        return text
    for key in (locale, fallback):
        if key in text:
            return text[key]
    return next(iter(text.values()), "")


@attrs.frozen(kw_only=True)
class Term:
    """A word of the domain's vocabulary (a governance level, an organisation kind)."""

    id: str
    """The id used in harvest files (``level: city``)."""
    label: Localised
    """How it is printed, by locale."""


@attrs.frozen(kw_only=True)
class Theme:
    """A theme of the domain: one chapter of the booklet's Part II, in pack order."""

    id: str
    """The id a Part II chapter names in its ``theme`` field."""
    title: Localised
    """Chapter title, by locale."""
    summary: Localised = attrs.field(factory=dict)
    """A short summary, used when the harvest has no text of its own for the theme."""


@attrs.frozen(kw_only=True)
class Insight:
    """One of the domain's canonical insights (the booklet's insights annex)."""

    number: int
    """Its number in the annex."""
    title: Localised
    """Title, by locale."""
    text: Localised = attrs.field(factory=dict)
    """Explanation, by locale."""


@attrs.frozen(kw_only=True)
class InsightGroup:
    """A heading over some of the domain's insights in the annex."""

    title: Localised
    """The heading, by locale."""
    items: tuple[int, ...]
    """The numbers of the insights under it, in order."""


@attrs.frozen(kw_only=True)
class PackRow:
    """A row of a pack's two-column table."""

    left: Localised
    """Left column ("from")."""
    right: Localised
    """Right column ("to")."""


@attrs.frozen(kw_only=True)
class PackTable:
    """A two-column table the domain brings, e.g. its from → to movements."""

    id: str
    """Id; a harvest table with the same id replaces it."""
    title: Localised
    """Title, by locale."""
    kind: TableKind = TableKind.MOVEMENT
    """Movement or dilemma."""
    left_label: Localised = attrs.field(factory=dict)
    """Left column heading."""
    right_label: Localised = attrs.field(factory=dict)
    """Right column heading."""
    rows: tuple[PackRow, ...] = ()
    """The rows."""


@attrs.frozen(kw_only=True)
class DomainPack:
    """Everything a sector contributes to its harvests."""

    id: str
    """The id a harvest names in ``community.yaml`` (``pack: wijkenaanpak``)."""
    title: Localised
    """Display name, by locale."""
    locales: tuple[str, ...] = ("en",)
    """Locales the pack has text for."""
    description: Localised = attrs.field(factory=dict)
    """One line about the pack."""
    labels: Mapping[str, Mapping[str, str]] = attrs.field(factory=dict)
    """Extra or replaced booklet labels: locale -> label key -> text."""
    levels: tuple[Term, ...] = ()
    """Governance levels, from the widest to the narrowest."""
    organisation_kinds: tuple[Term, ...] = ()
    """Kinds of organisation."""
    themes: tuple[Theme, ...] = ()
    """The ordered themes: the chapters of Part II."""
    insights: tuple[Insight, ...] = ()
    """Canonical insights for the annex."""
    insight_groups: tuple[InsightGroup, ...] = ()
    """Headings over the insights in the annex (a community's own ``annexes.insights``
    replace them); insights in no group follow ungrouped."""
    tables: tuple[PackTable, ...] = ()
    """Two-column tables (the from → to movements)."""
    questions: tuple[Localised, ...] = ()
    """Key (steering) questions of the domain."""
    checks: tuple[HealthCheck, ...] = ()
    """Domain health checks, with ids ``"<pack id>:<name>"``."""

    def level_label(self, level: str | None, locale: str) -> str | None:
        """The printed form of a governance level id: the pack's label, else the core's
        (labels.TERMS), else the id itself (``check`` warns about it)."""
        return _term_label(self.levels, level, locale, "level")

    def kind_label(self, kind: str | None, locale: str) -> str | None:
        """The printed form of an organisation kind id (as :meth:`level_label`)."""
        return _term_label(self.organisation_kinds, kind, locale, "kind")

    def theme(self, theme_id: str) -> Theme | None:
        """The theme with this id, if any."""
        return next((t for t in self.themes if t.id == theme_id), None)


def _term_label(terms: tuple[Term, ...], value: str | None, locale: str, kind: str) -> str | None:
    from copharvest.labels import term_label

    if value is None:
        return None
    for term in terms:
        if term.id == value:
            return localise(term.label, locale)
    return term_label(kind, value, locale) or value


GENERIC = DomainPack(
    id="generic",
    title={"en": "Community of Practice", "nl": "Community of Practice"},
    locales=("en", "nl"),
    description={
        "en": "No domain: a generic CoP harvest.",
        "nl": "Geen domein: een algemene CoP-oogst.",
    },
)
"""The pack used when a harvest names none."""


# -- loading a pack from data files ----------------------------------------------

PACK_FILES = (
    "pack",
    "vocabulary",
    "themes",
    "insights",
    "insight_groups",
    "movements",
    "tables",
    "questions",
)


@attrs.frozen(kw_only=True)
class _Vocabulary:
    levels: tuple[Term, ...] = ()
    organisation_kinds: tuple[Term, ...] = ()


@attrs.frozen(kw_only=True)
class _PackHeader:
    id: str
    title: Mapping[str, str]
    locales: tuple[str, ...] = ("en",)
    description: Mapping[str, str] = attrs.field(factory=dict)
    labels: Mapping[str, Mapping[str, str]] = attrs.field(factory=dict)


class PackError(Exception):
    """A pack's data files have problems; the message lists them, one per line."""


def load_pack(
    folder: str | os.PathLike[str] | Traversable,
    *,
    checks: tuple[HealthCheck, ...] = (),
) -> DomainPack:
    """Read a domain pack from a folder of YAML files.

    ``pack.yaml`` (required): ``id``, ``title``, ``locales``, ``description``, ``labels``.
    Optional: ``vocabulary.yaml`` (``levels``, ``organisation_kinds``: lists of
    ``{id, label}``), ``themes.yaml`` (list of ``{id, title, summary}``),
    ``insights.yaml`` (list of ``{number, title, text}``), ``insight_groups.yaml``
    (list of ``{title, items}``: headings over insight numbers), ``movements.yaml`` (one
    table: ``{id, title, kind, left_label, right_label, rows: [{left, right}]}``),
    ``tables.yaml`` (a list of such tables) and ``questions.yaml`` (a list of
    localised texts; ``steering_questions.yaml`` is read as well). Every text is a
    mapping by locale. Raises :class:`PackError` naming file, line and field.
    """
    from copharvest.store import yamlio
    from copharvest.store.structure import structure

    root: Traversable = Path(folder) if isinstance(folder, str | os.PathLike) else folder
    problems: list[str] = []

    def read(name: str, tp: Any, required: bool = False) -> Any:
        entry = root / f"{name}.yaml"
        if not entry.is_file():
            if required:
                problems.append(f"{entry}: required file is missing")
            return None
        text = entry.read_text(encoding="utf-8")
        label = Path(str(entry))
        try:
            data = yamlio.parse(label, text)
        except yamlio.FileProblem as exc:
            problems.append(str(exc.problem))
            return None
        value, errors = structure(data, tp)
        for path, message in errors:
            from copharvest.store.problems import Problem

            problems.append(
                str(Problem(file=label, path=path, line=yamlio.locate(text, path), message=message))
            )
        return value

    header: _PackHeader | None = read("pack", _PackHeader, required=True)
    vocabulary: _Vocabulary | None = read("vocabulary", _Vocabulary)
    themes = read("themes", tuple[Theme, ...])
    insights = read("insights", tuple[Insight, ...])
    insight_groups = read("insight_groups", tuple[InsightGroup, ...])
    movements = read("movements", PackTable)
    tables = read("tables", tuple[PackTable, ...])
    questions = read("questions", tuple[Mapping[str, str], ...])
    steering = read("steering_questions", tuple[Mapping[str, str], ...])
    numbers = {i.number for i in insights or ()}
    placed: set[int] = set()
    for g, group in enumerate(insight_groups or ()):
        for n in group.items:
            if n not in numbers or n in placed:
                what = (
                    "is not one of the pack's insights" if n not in numbers else "is grouped twice"
                )
                problems.append(f"{root / 'insight_groups.yaml'}: $[{g}].items: insight {n} {what}")
            placed.add(n)
    if problems or header is None:
        raise PackError("\n".join(problems))
    return DomainPack(
        id=header.id,
        title=header.title,
        locales=header.locales,
        description=header.description,
        labels=header.labels,
        levels=vocabulary.levels if vocabulary else (),
        organisation_kinds=vocabulary.organisation_kinds if vocabulary else (),
        themes=themes or (),
        insights=insights or (),
        insight_groups=insight_groups or (),
        tables=((movements,) if movements else ()) + (tables or ()),
        questions=(questions or ()) + (steering or ()),
        checks=checks,
    )
