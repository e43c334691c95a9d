"""Analyse a community: continuity metrics, the health check, and added metrics and checks.

:func:`analyse` is the one entry point. Further metrics (:class:`MetricSpec`) and checks
(:class:`HealthCheck`), for example from plugins, are passed in; their results go under
``extra`` and after the ten lessons in ``health``, never beside the contract keys of
METRICS.md.
"""

from __future__ import annotations

import json
import operator
from collections.abc import Callable, Iterable, Mapping
from typing import Any

import attrs

from copharvest.continuity import (
    TIERS,
    Buddy,
    Continuity,
    MemberMetrics,
    OrganisationMetrics,
    ParameterError,
    Parameters,
    SessionMetrics,
    compute,
)
from copharvest.health import Finding, Status, evaluate, language
from copharvest.model import Community

__all__ = [
    "Analysis",
    "AnalysisError",
    "Finding",
    "HealthCheck",
    "MetricSpec",
    "ParameterError",
    "Parameters",
    "Status",
    "analyse",
]


class AnalysisError(ValueError):
    """An added metric or check failed or gave something unusable; the message says which."""


def _name(instance: object, attribute: attrs.Attribute[Any], value: str) -> None:
    if not value.strip():
        raise ValueError(f"{type(instance).__name__}.{attribute.name} must not be empty")


def _check_name(instance: object, attribute: attrs.Attribute[Any], value: str) -> None:
    plugin, _, name = value.partition(":")
    if not plugin.strip() or not name.strip():
        raise ValueError(f"health check name must look like '<plugin>:<name>', got {value!r}")


@attrs.frozen(kw_only=True)
class MetricSpec:
    """A further metric; its result goes under ``extra[name]``."""

    name: str = attrs.field(validator=_name)
    """Key under ``extra``; unique."""
    compute: Callable[[Community, Continuity, Parameters], object]
    """Computes the metric's JSON-able value (no NaN) from the community and the core metrics."""
    description: str = ""
    """One line saying what the figure means."""
    plugin: str = ""
    """Name of the plugin that adds it, if any."""


@attrs.frozen(kw_only=True)
class HealthCheck:
    """A further health check, reported after the ten lessons."""

    name: str = attrs.field(validator=_check_name)
    """Id ``"<plugin>:<name>"``; the finding's ``lesson``."""
    title: Mapping[str, str]
    """Title by language (``en``, ``nl``); fills in a finding without a title."""
    evaluate: Callable[[Community, Continuity, Parameters], Finding]
    """Evaluates the check."""
    labels: Mapping[str, Mapping[str, str]] = attrs.field(factory=dict)
    """How publications word the finding, by language (``en``, ``nl``): each evidence key
    -> its printed name, and ``sentence`` -> the finding as one sentence with the evidence
    keys in braces (``"In {matching} of the {sessions} sessions ..."``). Numbers are
    filled in localised. Without a sentence the evidence is printed as "name: value"
    pairs; a domain pack's ``labels`` may give the same as ``health_<check name>_other``
    and ``evidence_<key>``."""
    plugin: str = ""
    """Name of the plugin that adds it (directly, or in its domain pack), if any."""


@attrs.frozen(kw_only=True)
class Analysis:
    """Everything :func:`analyse` found."""

    continuity: Continuity
    """The continuity metrics."""
    health: tuple[Finding, ...]
    """The ten lessons in order, then the further checks in the order given."""
    parameters: Parameters
    """The parameters used."""
    extra: Mapping[str, object]
    """Further metrics by name, in the order given."""
    check_labels: Mapping[str, Mapping[str, str]] = attrs.field(factory=dict)
    """The further checks' :attr:`HealthCheck.labels` in the community's language, by
    check name (for publications; not part of the metrics' JSON)."""

    def to_json(self) -> dict[str, Any]:
        """The layout of METRICS.md: JSON-able, dates as ISO strings, no NaN."""
        c = self.continuity
        summary = attrs.asdict(c.community)
        summary["tiers"] = {tier: c.community.tiers[tier] for tier in TIERS}
        summary["exposure_by_group"] = dict(c.community.exposure_by_group)
        return {
            "community": summary,
            "members": {mid: _member(m) for mid, m in c.members.items()},
            "sessions": [_session(s) for s in c.sessions],
            "organisations": {oid: _organisation(o) for oid, o in c.organisations.items()},
            "flags": {
                "pigeon_loft": c.flags.pigeon_loft,
                "information_asymmetry": c.flags.information_asymmetry,
                "oversized": list(c.flags.oversized),
            },
            "buddies": [_buddy(b) for b in c.buddies],
            "health": [f.to_json() for f in self.health],
            "settings": self.parameters.to_json(),
            "extra": dict(self.extra),
        }


# Every field of these two is a plain value (text, number, date or none), so reading the
# fields in order gives what attrs.asdict gives, without its generic recursion.
_MEMBER_FIELDS = tuple(a.name for a in attrs.fields(MemberMetrics) if a.name != "id")
_member_values = operator.attrgetter(*_MEMBER_FIELDS)
_SESSION_FIELDS = tuple(a.name for a in attrs.fields(SessionMetrics))
_session_values = operator.attrgetter(*_SESSION_FIELDS)


def _member(m: MemberMetrics) -> dict[str, Any]:
    return dict(zip(_MEMBER_FIELDS, _member_values(m), strict=True))


def _session(s: SessionMetrics) -> dict[str, Any]:
    data = dict(zip(_SESSION_FIELDS, _session_values(s), strict=True))
    data["date"] = s.date.isoformat()
    data["end"] = s.end.isoformat()
    return data


def _organisation(o: OrganisationMetrics) -> dict[str, Any]:
    return {
        "attendances": o.attendances,
        "coverage": o.coverage,
        "delegates": o.delegates,
        "delegate_changed": o.delegate_changed,
    }


def _buddy(b: Buddy) -> dict[str, Any]:
    return {"member": b.member, "buddy": b.buddy}


Failure = Callable[["MetricSpec | HealthCheck", str], None]
"""Told of an added metric or check that failed: the metric or check, and what went wrong."""


def _not_json(value: object) -> str | None:
    """Why ``value`` cannot be published as JSON (NaN, a date, an object), or ``None``."""
    try:
        json.dumps(value, allow_nan=False)
    except (TypeError, ValueError) as exc:
        return str(exc)
    except RecursionError:
        return "nested too deeply"
    return None


def _describe(exc: BaseException) -> str:
    """An exception in one line."""
    return f"{type(exc).__name__}: {' '.join(str(exc).split())}".rstrip(": ")


def _title(raw: object, check: HealthCheck, lang: str) -> str | None:
    """The finding's title in ``lang``: its own (a text, or a mapping by language, as
    every localised text of copharvest), else the check's; ``None`` if unusable."""
    from copharvest.pack import localise

    if isinstance(raw, Mapping):
        raw = localise(raw, lang) if raw else ""
    if not isinstance(raw, str):
        return None
    return raw or localise(check.title, lang) or check.name


def _run_check(
    check: HealthCheck, community: Community, continuity: Continuity, parameters: Parameters
) -> Finding | str:
    """The check's finding with its id and title filled in, or what went wrong."""
    try:
        finding = check.evaluate(community, continuity, parameters)
    except Exception as exc:
        return f"failed: {_describe(exc)}"
    if not isinstance(finding, Finding):
        return f"returned {type(finding).__name__}, not a Finding"
    title = _title(finding.title, check, language(community.locale))
    if title is None:
        return f"gave a title of type {type(finding.title).__name__}, not a text"
    wrong = _not_json(dict(finding.evidence))
    if wrong is not None:
        return f"gave evidence that is not JSON-able: {wrong}"
    return attrs.evolve(finding, lesson=check.name, title=title)


def _compute(
    metric: MetricSpec, community: Community, continuity: Continuity, parameters: Parameters
) -> tuple[object, str | None]:
    """The metric's value, or what went wrong."""
    try:
        value = metric.compute(community, continuity, parameters)
    except Exception as exc:
        return None, f"failed: {_describe(exc)}"
    wrong = _not_json(value)
    if wrong is not None:
        return None, f"gave a value that is not JSON-able: {wrong}"
    return value, None


def analyse(
    community: Community,
    *,
    overrides: Mapping[str, object] | None = None,
    metrics: Iterable[MetricSpec] = (),
    checks: Iterable[HealthCheck] = (),
    on_failure: Failure | None = None,
) -> Analysis:
    """Compute every metric and check for ``community``.

    ``overrides`` take precedence over the community's settings (None values are
    ignored); see :meth:`Parameters.resolve`. Raises :class:`ParameterError` for a bad
    parameter, and :class:`AnalysisError` when two added metrics or checks share a name
    (both are ``ValueError``).

    An added metric or check that raises, returns something else than a
    :class:`Finding` or gives a value that is not JSON-able (NaN, say) is left out and
    ``on_failure`` is told, with what went wrong; without ``on_failure`` it raises
    :class:`AnalysisError`.
    """

    def failed(item: MetricSpec | HealthCheck, what: str) -> None:
        kind = "metric" if isinstance(item, MetricSpec) else "health check"
        if on_failure is None:
            raise AnalysisError(f"{kind} {item.name!r} {what}")
        on_failure(item, what)

    parameters = Parameters.resolve(community.settings, overrides)
    continuity = compute(community, parameters)
    findings = list(evaluate(community, continuity, parameters))
    lang = language(community.locale)
    seen: set[str] = set()
    check_labels: dict[str, dict[str, str]] = {}
    for check in checks:
        if check.name in seen:
            raise AnalysisError(f"two health checks are named {check.name!r}")
        seen.add(check.name)
        finding = _run_check(check, community, continuity, parameters)
        if isinstance(finding, str):
            failed(check, finding)
            continue
        findings.append(finding)
        wording = check.labels.get(lang) or check.labels.get("en")
        if wording:
            check_labels[check.name] = dict(wording)
    extra: dict[str, object] = {}
    for metric in metrics:
        if metric.name in extra:
            raise AnalysisError(f"two metrics are named {metric.name!r}")
        value, wrong = _compute(metric, community, continuity, parameters)
        if wrong is not None:
            failed(metric, wrong)
            continue
        extra[metric.name] = value
    return Analysis(
        continuity=continuity,
        health=tuple(findings),
        parameters=parameters,
        extra=extra,
        check_labels=check_labels,
    )
