"""The annexes as printed: the ten lessons for building a CoP with their health-check
status (:func:`building_annex`), and annex items under their group headings
(:func:`grouped`)."""

from __future__ import annotations

import string
from collections.abc import Mapping, Sequence
from typing import Any, TypeVar

from copharvest.l10n import format_count, format_ratio, format_share
from copharvest.labels import plural_key
from copharvest.model import AnnexGroup
from copharvest.views import BuildingLessonView, InsightView

NumberedView = TypeVar("NumberedView", BuildingLessonView, InsightView)


def grouped(
    items: Sequence[NumberedView], groups: Sequence[AnnexGroup]
) -> list[tuple[str, tuple[NumberedView, ...]]]:
    """``items`` under the headings of ``groups`` (by number, in the group's order), then
    those in no group under an empty heading; an empty group is left out."""
    by_number = {item.number: item for item in items}
    out: list[tuple[str, tuple[NumberedView, ...]]] = []
    grouped: set[int] = set()
    for group in groups:
        members = tuple(by_number[n] for n in group.items if n in by_number and n not in grouped)
        grouped.update(group.items)
        if members:
            out.append((group.title, members))
    rest = tuple(item for item in items if item.number not in grouped)
    if rest:
        out.append(("", rest))
    return out


_SHARE_KEYS = frozenset({"share", "minimum", "diagonal_share", "core_share", "core_share_min"})
"""Evidence keys of the ten lessons whose values are shares, printed as percentages."""


def _shown(key: str, value: object, labels: Mapping[str, str], locale: str) -> str:
    """One evidence value, localised like every other published number."""
    if value is None:
        return "–"
    if isinstance(value, bool):
        return labels["yes" if value else "no"]
    if isinstance(value, int):
        return format_count(value, locale)
    if isinstance(value, float):
        if key in _SHARE_KEYS:
            return format_share(value, locale)
        return format_ratio(value, locale)
    return str(value)


def finding_text(
    key: str,
    finding: Mapping[str, Any],
    labels: Mapping[str, str],
    locale: str,
    own: Mapping[str, str] | None = None,
) -> str:
    """A health finding's evidence as a sentence ("In 7 of the 7 sessions ...").

    The sentence is the check's own (``own["sentence"]``, from
    :attr:`copharvest.analysis.HealthCheck.labels`) or the label ``health_<key>``,
    counted by the evidence's ``sessions``. Without one, or when a value it needs is
    missing, the evidence is listed as "name: value" pairs with the names from ``own``
    or the labels ``evidence_<name>``. An ``unknown`` finding says the records do not tell.
    """
    own = own or {}
    evidence: Mapping[str, Any] = finding.get("evidence", {})
    if finding.get("status") == "unknown":
        return labels["health_unknown"]
    values = {k: _shown(k, v, labels, locale) for k, v in evidence.items()}
    sessions = evidence.get("sessions")
    count = sessions if isinstance(sessions, int) and not isinstance(sessions, bool) else 0
    template = own.get("sentence")
    if template is None and f"health_{key}_other" in labels:
        template = labels[plural_key(labels, f"health_{key}", count, locale)]
    needed = {name for _, name, _, _ in string.Formatter().parse(template or "") if name}
    if (
        template is not None
        and needed <= values.keys()
        and all(evidence[name] is not None for name in needed)
    ):
        return template.format(**values)
    return "; ".join(
        f"{own.get(k) or labels.get(f'evidence_{k}', k.replace('_', ' '))}: {shown}"
        for k, shown in values.items()
    )


def building_annex(
    metrics: Mapping[str, Any],
    building_lessons: Sequence[tuple[str, str]],
    labels: Mapping[str, str],
    locale: str,
    assess: bool,
    check_labels: Mapping[str, Mapping[str, str]],
) -> tuple[tuple[BuildingLessonView, ...], tuple[BuildingLessonView, ...]]:
    """The ten lessons, with the self-assessment (status and evidence) when ``assess``;
    the further checks' findings only then."""
    health = {str(f["lesson"]): f for f in metrics.get("health", [])}

    def view(number: int, key: str, title: str, explanation: str) -> BuildingLessonView:
        finding = health.get(key, {})
        status = str(finding.get("status", "unknown"))
        return BuildingLessonView(
            number=number,
            title=title,
            explanation=explanation,
            status=status if assess else "",
            status_label=labels["status_" + status] if assess else "",
            evidence=finding_text(key, finding, labels, locale, check_labels.get(key))
            if assess and finding
            else "",
        )

    lessons = tuple(
        view(i, str(i), title, explanation)
        for i, (title, explanation) in enumerate(building_lessons, start=1)
    )
    further = tuple(
        view(0, key, str(f.get("title", key)), "") for key, f in health.items() if not key.isdigit()
    )
    return lessons, further if assess else ()
