"""The continuity metrics of METRICS.md: pure functions of the model.

:func:`compute` turns a :class:`~copharvest.model.Community` and the resolved
:class:`Parameters` into a frozen :class:`Continuity`. Every figure means exactly what
METRICS.md says; ratios are unrounded and a figure that cannot be computed is ``None``.
The work is one pass over the attendance with set operations, so the cost grows with
the number of attendances, not with members times sessions times anything.
"""

from __future__ import annotations

import bisect
import datetime as dt
import statistics
from collections import Counter
from collections.abc import Callable, Iterable, Mapping
from typing import Any, Literal

import attrs

from copharvest.model import Community, Member, Session, Settings

Tier = Literal["core", "active", "occasional", "peripheral", "absent"]
"""A member's level of participation."""

TIERS: tuple[Tier, ...] = ("core", "active", "occasional", "peripheral", "absent")
"""The five tiers, from the centre of the community outwards."""

UNKNOWN = "unknown"
"""The group of a member whose level (or organisation) is not recorded."""

_GROUPABLE = tuple(a.name for a in attrs.fields(Member))


class ParameterError(ValueError):
    """A parameter has a value it cannot take; ``name`` says which."""

    def __init__(self, name: str, message: str) -> None:
        self.name = name
        self.reason = message
        super().__init__(f"{name}: {message}")


def _share(instance: object, attribute: attrs.Attribute[Any], value: float) -> None:
    if not 0 <= value <= 1:
        raise ParameterError(attribute.name, f"must be between 0 and 1, got {value:g}")


def _at_least(low: float) -> Callable[[object, attrs.Attribute[Any], float], None]:
    def check(instance: object, attribute: attrs.Attribute[Any], value: float) -> None:
        if not value >= low:
            raise ParameterError(attribute.name, f"must be at least {low:g}, got {value:g}")

    return check


def _attribute(instance: object, attribute: attrs.Attribute[Any], value: str) -> None:
    if value not in _GROUPABLE:
        raise ParameterError(
            attribute.name,
            f"{value!r} is not a member attribute; expected one of {', '.join(_GROUPABLE)}",
        )


@attrs.frozen(kw_only=True)
class Parameters:
    """Every named parameter of METRICS.md with the value in use."""

    as_of: dt.date | None = None
    """Ignore sessions after this date (planned sessions); none: use every session."""
    core_min: int = attrs.field(default=3, validator=_at_least(1))
    """Minimum sessions attended for the ``core`` tier."""
    core_rate: float = attrs.field(default=0.75, validator=_share)
    """Minimum attendance rate for the ``core`` tier."""
    active_min: int = attrs.field(default=2, validator=_at_least(1))
    """Minimum sessions attended for the ``active`` tier."""
    active_rate: float = attrs.field(default=0.40, validator=_share)
    """Minimum attendance rate for the ``active`` tier."""
    pigeon_loft_threshold: float = attrs.field(default=0.6, validator=_share)
    """The ``pigeon_loft`` flag is raised when the pigeon-loft index exceeds this."""
    asymmetry_threshold: float = attrs.field(default=1.5, validator=_at_least(1))
    """The ``information_asymmetry`` flag is raised when the exposure ratio exceeds this."""
    max_size: int = attrs.field(default=30, validator=_at_least(1))
    """Sessions with more members than this are oversized."""
    group_by: str = attrs.field(default="level", validator=_attribute)
    """Member attribute that groups ``exposure_by_group``."""
    diagonal_min: float = attrs.field(default=0.75, validator=_share)
    """Lesson 1: minimum share of sessions with two or more levels present."""
    core_share_min: float = attrs.field(default=0.10, validator=_share)
    """Lesson 3: minimum share of core members among those who attended."""
    practice_min: float = attrs.field(default=0.5, validator=_share)
    """Lesson 4: minimum share of sessions with a practice work form."""
    strategic_min: float = attrs.field(default=0.5, validator=_share)
    """Lesson 5: minimum share of sessions with a strategic consultation."""
    learning_min: float = attrs.field(default=0.5, validator=_share)
    """Lesson 6: minimum share of sessions with a reading or a learning link."""
    guest_min: float = attrs.field(default=0.75, validator=_share)
    """Lesson 7: minimum share of sessions with an external guest."""
    relaxation_min: float = attrs.field(default=0.5, validator=_share)
    """Lesson 8: minimum share of sessions with an overnight stay or an informal item."""
    place_min: float = attrs.field(default=0.5, validator=_share)
    """Lesson 9: minimum share of sessions held at a practice location."""
    preparation_min: float = attrs.field(default=0.75, validator=_share)
    """Lesson 10: minimum share of sessions with a preparation group."""
    seat_coverage_min: float = attrs.field(default=0.75, validator=_share)
    """Minimum coverage for an organisation to count in ``seats_kept``."""
    min_group_size: int = attrs.field(default=3, validator=_at_least(1))
    """Fewest people a published group or attribution of a member without consent describes."""

    @classmethod
    def resolve(
        cls, settings: Settings, overrides: Mapping[str, object] | None = None
    ) -> Parameters:
        """The parameters in use: an override (not None), else the setting, else the default.

        Raises :class:`ParameterError` for an unknown override name or a value of the
        wrong type or out of range.
        """
        overrides = overrides or {}
        names = {a.name for a in attrs.fields(cls)}
        for name in overrides:
            if name not in names:
                raise ParameterError(name, "unknown parameter")
        values: dict[str, Any] = {}
        for name in sorted(names):
            value = overrides.get(name)
            if value is None:
                value = getattr(settings, name, None)
            if value is not None:
                values[name] = _coerce(name, value)
        return cls(**values)

    def to_json(self) -> dict[str, Any]:
        """Every parameter with its value; the date as an ISO string."""
        data = attrs.asdict(self)
        data["as_of"] = self.as_of.isoformat() if self.as_of is not None else None
        return data


def _coerce(name: str, value: object) -> object:
    default = getattr(Parameters(), name)
    if name == "as_of":
        if isinstance(value, dt.datetime):
            return value.date()
        if isinstance(value, dt.date):
            return value
        raise ParameterError(name, f"expected a date, got {value!r}")
    if isinstance(default, str):
        if isinstance(value, str):
            return value
        raise ParameterError(name, f"expected a text, got {value!r}")
    if isinstance(value, bool) or not isinstance(value, int | float):
        raise ParameterError(name, f"expected a number, got {value!r}")
    if isinstance(default, int):
        if isinstance(value, float) and not value.is_integer():
            raise ParameterError(name, f"expected a whole number, got {value!r}")
        return int(value)
    return float(value)


@attrs.frozen(kw_only=True)
class MemberMetrics:
    """The metrics of one member (``members.<id>``)."""

    id: str
    """The member's id."""
    attended: int
    """Number of sessions attended."""
    eligible: int
    """Number of sessions held while the member was part of the community."""
    rate: float | None
    """attended / eligible; none when eligible is 0."""
    tier: Tier
    """Level of participation."""
    first: str | None
    """Id of the first session attended; none when attended is 0."""
    last: str | None
    """Id of the last session attended; none when attended is 0."""
    exposure: float | None
    """Share of all sessions the member witnessed; none when there are no sessions."""


@attrs.frozen(kw_only=True)
class SessionMetrics:
    """The metrics of one session (``sessions[]``)."""

    id: str
    """The session's id."""
    date: dt.date
    """Its first day."""
    end: dt.date
    """Its last day (equal to ``date`` for a one-day session)."""
    size: int
    """Number of members attending."""
    newcomers: int
    """Members attending for the first time."""
    returning: int
    """size - newcomers."""
    from_previous: int | None
    """Members present who had also been at the previous session; none for the first."""
    jaccard: float | None
    """Overlap with the previous session's members; none for the first session or two empty."""
    churn: float | None
    """Share of the previous session's members who are absent; none if there were none."""
    core_present: float | None
    """Share of the core members attending; none when there is no core member."""
    organisations: int
    """Number of distinct organisations among the members attending."""
    levels: int
    """Number of distinct levels among the members attending."""
    blau_levels: float | None
    """Blau's diversity index over the levels; none for an empty session."""


@attrs.frozen(kw_only=True)
class SizeSummary:
    """Minimum, median and maximum of the session sizes; none without sessions."""

    min: int | None
    """Smallest session."""
    median: float | None
    """Median size (``statistics.median``)."""
    max: int | None
    """Largest session."""


@attrs.frozen(kw_only=True)
class CommunityMetrics:
    """The whole-community metrics (``community``)."""

    sessions: int
    """Number of sessions held (up to ``as_of``)."""
    members: int
    """Number of recorded members."""
    attendances: int
    """Sum of the session sizes."""
    pigeon_loft_index: float | None
    """1 - mean Jaccard overlap of successive sessions; none without any overlap figure."""
    tiers: Mapping[Tier, int]
    """Number of members per tier, all five tiers present."""
    core_share: float | None
    """Core members / members who attended; none when nobody attended."""
    absence_factor: int
    """Fewest members whose attendances make up more than half of all."""
    elephant_factor: int
    """Fewest organisations whose attendances make up more than half of all."""
    newcomer_return: float | None
    """Share of the members first seen before the last session who came back."""
    exposure_by_group: Mapping[str, float]
    """Mean exposure per group of the members attending the last session."""
    asymmetry: float | None
    """Highest / lowest mean exposure by group; none with fewer than two groups."""
    size: SizeSummary
    """Session sizes."""
    seats_kept: int
    """Organisations with coverage ≥ ``seat_coverage_min`` whose delegate changed."""
    diagonal_share: float | None
    """Share of sessions with two or more levels present; none without sessions."""


@attrs.frozen(kw_only=True)
class OrganisationMetrics:
    """The metrics of one organisation (``organisations.<id>``)."""

    id: str
    """The organisation's id."""
    attendances: int
    """Attendances by its members."""
    coverage: float | None
    """Share of the sessions since its first appearance at which it was present."""
    delegates: int
    """Number of distinct members of it who attended."""
    delegate_changed: bool | None
    """Nobody who represented it at its first represented session did so at its last;
    none when represented at fewer than two sessions, and for ``"unknown"``."""


@attrs.frozen(kw_only=True)
class Flags:
    """Warning signs raised by the metrics."""

    pigeon_loft: bool
    """The pigeon-loft index exceeds its threshold."""
    information_asymmetry: bool
    """The exposure ratio between groups exceeds its threshold."""
    oversized: tuple[str, ...]
    """Ids of the sessions larger than ``max_size``, in session order."""


@attrs.frozen(kw_only=True)
class Buddy:
    """A buddy suggestion: an experienced member to pair with a newcomer."""

    member: str
    """The newcomer's id."""
    buddy: str | None
    """The suggested core member's id; none when there is no core member."""


@attrs.frozen(kw_only=True)
class Continuity:
    """All continuity metrics of a community."""

    community: CommunityMetrics
    """Whole-community metrics."""
    members: Mapping[str, MemberMetrics]
    """Per-member metrics by member id, in the order of the records."""
    sessions: tuple[SessionMetrics, ...]
    """Per-session metrics in session order."""
    organisations: Mapping[str, OrganisationMetrics]
    """Per-organisation metrics by organisation id, in the order of the records."""
    flags: Flags
    """Warning signs."""
    buddies: tuple[Buddy, ...]
    """Buddy suggestions for the newcomers."""


def held_sessions(community: Community, as_of: dt.date | None) -> tuple[Session, ...]:
    """The sessions in session order, leaving out those after ``as_of``."""
    ordered = community.sessions_in_order()
    if as_of is None:
        return ordered
    return tuple(s for s in ordered if s.start <= as_of)


def member_groups(community: Community) -> tuple[dict[str, str], dict[str, str]]:
    """Each member's level and organisation, ``"unknown"`` where not recorded."""
    org_level = {o.id: o.level for o in community.organisations}
    levels: dict[str, str] = {}
    orgs: dict[str, str] = {}
    for m in community.members:
        level = m.level if m.level is not None else org_level.get(m.organisation or "")
        levels[m.id] = level if level is not None else UNKNOWN
        orgs[m.id] = m.organisation if m.organisation is not None else UNKNOWN
    return levels, orgs


def factor(counts: Iterable[int]) -> int:
    """The fewest of the largest counts that sum to more than half of the total.

    The CHAOSS bus factor (contributor absence factor); 0 when the total is 0.
    """
    ordered = sorted(counts, reverse=True)
    total = sum(ordered)
    running = 0
    for k, count in enumerate(ordered, start=1):
        running += count
        if 2 * running > total:
            return k
    return 0


def tier_of(attended: int, rate: float | None, p: Parameters) -> Tier:
    """The tier of a member with these figures."""
    if rate is not None and attended >= p.core_min and rate >= p.core_rate:
        return "core"
    if rate is not None and attended >= p.active_min and rate >= p.active_rate:
        return "active"
    if attended >= 2:
        return "occasional"
    if attended == 1:
        return "peripheral"
    return "absent"


@attrs.define
class _Scan:
    """What one pass over the attendance gathers, session by session."""

    sets: list[frozenset[str]] = attrs.Factory(list)
    """A_t: the members attending each session."""
    attended: Counter[str] = attrs.Factory(Counter)
    """Sessions attended, by member."""
    first: dict[str, int] = attrs.Factory(dict)
    """Index of each member's first session attended."""
    last: dict[str, int] = attrs.Factory(dict)
    """Index of each member's last session attended."""
    newcomers: list[int] = attrs.Factory(list)
    """Members attending for the first time, by session."""
    common: list[int] = attrs.Factory(list)
    """|A_t ∩ A_{t-1}| by session (0 for the first)."""
    orgs: list[frozenset[str]] = attrs.Factory(list)
    """The organisations present, by session."""
    levels: list[Counter[str]] = attrs.Factory(list)
    """Members present per level, by session (levels present only)."""


def _scan(
    community: Community,
    sessions: tuple[Session, ...],
    levels: dict[str, str],
    orgs: dict[str, str],
) -> _Scan:
    # One pass, every figure of a session taken while its set is fresh in the cache:
    # on a large community the sets together no longer fit in it.
    scan = _Scan()
    canonical: dict[str, str | None] = {m.id: m.id for m in community.members}
    by_level: dict[str, set[str]] = {}
    for mid, level in levels.items():
        by_level.setdefault(level, set()).add(mid)
    # A handful of levels: counting by set intersection is cheaper than member by member.
    groups = sorted(by_level.items()) if len(by_level) <= 8 else None
    seen: set[str] = set()
    previous: frozenset[str] = frozenset()
    for t, session in enumerate(sessions):
        # Ids mapped to the members' own strings: later comparisons are by identity.
        present = frozenset(map(canonical.get, session.attendance))
        if None in present:
            present = present - {None}  # guests and unknown ids are never members
        ids: frozenset[str] = present  # type: ignore[assignment]
        scan.sets.append(ids)
        scan.attended.update(ids)
        new = ids - seen
        seen |= new
        scan.newcomers.append(len(new))
        scan.first.update(dict.fromkeys(new, t))
        scan.last.update(dict.fromkeys(ids, t))
        scan.common.append(len(ids & previous))
        scan.orgs.append(frozenset(map(orgs.__getitem__, ids)))
        if groups is None:
            scan.levels.append(Counter(map(levels.__getitem__, ids)))
        else:
            counts: Counter[str] = Counter()
            for level, group in groups:
                if count := len(ids & group):
                    counts[level] = count
            scan.levels.append(counts)
        previous = ids
    return scan


def compute(community: Community, parameters: Parameters) -> Continuity:
    """Every metric of METRICS.md for ``community``."""
    p = parameters
    sessions = held_sessions(community, p.as_of)
    levels, orgs = member_groups(community)
    scan = _scan(community, sessions, levels, orgs)
    members = _members(community, sessions, scan.attended, scan.first, scan.last, p)
    core = frozenset(mid for mid, mm in members.items() if mm.tier == "core")
    session_rows = _sessions(sessions, scan, core)
    organisations = _organisations(community, scan, orgs)
    summary = _community(community, scan.sets, scan.first, members, session_rows, orgs, p, levels)
    kept = sum(
        1
        for o in organisations.values()
        if o.id != UNKNOWN
        and o.coverage is not None
        and o.coverage >= p.seat_coverage_min
        and o.delegate_changed is True
    )
    summary = attrs.evolve(summary, seats_kept=kept)
    flags = Flags(
        pigeon_loft=summary.pigeon_loft_index is not None
        and summary.pigeon_loft_index > p.pigeon_loft_threshold,
        information_asymmetry=summary.asymmetry is not None
        and summary.asymmetry > p.asymmetry_threshold,
        oversized=tuple(row.id for row in session_rows if row.size > p.max_size),
    )
    return Continuity(
        community=summary,
        members=members,
        sessions=session_rows,
        organisations=organisations,
        flags=flags,
        buddies=_buddies(community, sessions, members, levels, orgs, p),
    )


def _members(
    community: Community,
    sessions: tuple[Session, ...],
    attended: Counter[str],
    first: dict[str, int],
    last: dict[str, int],
    p: Parameters,
) -> dict[str, MemberMetrics]:
    dates = [s.start for s in sessions]
    n = len(sessions)
    result: dict[str, MemberMetrics] = {}
    for m in community.members:
        count = attended[m.id]
        t0 = first.get(m.id)
        start = m.joined if m.joined is not None else (dates[t0] if t0 is not None else None)
        if start is None:
            eligible = 0
        else:
            stop = n if m.left is None else bisect.bisect_right(dates, m.left)
            eligible = max(0, stop - bisect.bisect_left(dates, start))
        rate = count / eligible if eligible else None
        t1 = last.get(m.id)
        result[m.id] = MemberMetrics(
            id=m.id,
            attended=count,
            eligible=eligible,
            rate=rate,
            tier=tier_of(count, rate, p),
            first=sessions[t0].id if t0 is not None else None,
            last=sessions[t1].id if t1 is not None else None,
            exposure=count / n if n else None,
        )
    return result


def _sessions(
    sessions: tuple[Session, ...], scan: _Scan, core: frozenset[str]
) -> tuple[SessionMetrics, ...]:
    rows: list[SessionMetrics] = []
    for t, (session, present) in enumerate(zip(sessions, scan.sets, strict=True)):
        size = len(present)
        jaccard = churn = None
        if t:
            before = len(scan.sets[t - 1])
            common = scan.common[t]
            union = size + before - common
            jaccard = common / union if union else None
            churn = (before - common) / before if before else None
        by_level = scan.levels[t]
        rows.append(
            SessionMetrics(
                id=session.id,
                date=session.start,
                end=session.last_day,
                size=size,
                newcomers=scan.newcomers[t],
                returning=size - scan.newcomers[t],
                from_previous=scan.common[t] if t else None,
                jaccard=jaccard,
                churn=churn,
                core_present=len(present & core) / len(core) if core else None,
                organisations=len(scan.orgs[t]),
                levels=len(by_level),
                # Integer sums keep the result independent of the set's iteration order.
                blau_levels=(size * size - sum(c * c for c in by_level.values())) / (size * size)
                if size
                else None,
            )
        )
    return tuple(rows)


def _organisations(
    community: Community, scan: _Scan, orgs: dict[str, str]
) -> dict[str, OrganisationMetrics]:
    n = len(scan.orgs)
    first: dict[str, int] = {}
    last: dict[str, int] = {}
    present_at: Counter[str] = Counter()
    for t, here in enumerate(scan.orgs):
        present_at.update(here)
        new = here - first.keys()
        if new:
            first.update(dict.fromkeys(new, t))
        last.update(dict.fromkeys(here, t))
    attendances: Counter[str] = Counter()
    delegates: Counter[str] = Counter()
    for m in community.members:
        if scan.attended[m.id]:
            attendances[orgs[m.id]] += scan.attended[m.id]
            delegates[orgs[m.id]] += 1

    def changed(oid: str) -> bool | None:
        # the seat passed on when nobody at its first session was there at its last
        t0, t1 = first.get(oid), last.get(oid)
        if oid == UNKNOWN or t0 is None or t1 is None or t0 == t1:
            return None
        at_first = {mid for mid in scan.sets[t0] if orgs[mid] == oid}
        return not any(orgs[mid] == oid for mid in scan.sets[t1] & at_first)

    ids = [o.id for o in community.organisations]
    if any(m.organisation is None for m in community.members):
        ids.append(UNKNOWN)
    result: dict[str, OrganisationMetrics] = {}
    for oid in ids:
        t0 = first.get(oid)
        result[oid] = OrganisationMetrics(
            id=oid,
            attendances=attendances[oid],
            coverage=present_at[oid] / (n - t0) if t0 is not None else None,
            delegates=delegates[oid],
            delegate_changed=changed(oid),
        )
    return result


def _group_key(community: Community, name: str, levels: dict[str, str]) -> Callable[[str], str]:
    if name == "level":
        return levels.__getitem__
    by_id = {m.id: m for m in community.members}

    def key(member_id: str) -> str:
        value = getattr(by_id[member_id], name)
        if value is None:
            return UNKNOWN
        if isinstance(value, bool):
            return "yes" if value else "no"
        if isinstance(value, dt.date):
            return value.isoformat()
        return str(value)

    return key


def _community(
    community: Community,
    sets: list[frozenset[str]],
    first: dict[str, int],
    members: dict[str, MemberMetrics],
    rows: tuple[SessionMetrics, ...],
    orgs: dict[str, str],
    p: Parameters,
    levels: dict[str, str],
) -> CommunityMetrics:
    n = len(sets)
    overlaps = [r.jaccard for r in rows if r.jaccard is not None]
    tiers: dict[Tier, int] = dict.fromkeys(TIERS, 0)
    for mm in members.values():
        tiers[mm.tier] += 1
    attended = sum(1 for mm in members.values() if mm.attended)
    by_org: Counter[str] = Counter()
    for mm in members.values():
        by_org[orgs[mm.id]] += mm.attended
    early = [members[mid] for mid, t in first.items() if t < n - 1]
    exposure: dict[str, float] = {}
    if n:
        key = _group_key(community, p.group_by, levels)
        groups: dict[str, list[int]] = {}
        for mid in sets[-1]:
            groups.setdefault(key(mid), []).append(members[mid].attended)
        exposure = {g: sum(groups[g]) / (len(groups[g]) * n) for g in sorted(groups)}
    low = min(exposure.values(), default=0.0)
    sizes = [r.size for r in rows]
    return CommunityMetrics(
        sessions=n,
        members=len(community.members),
        attendances=sum(sizes),
        pigeon_loft_index=1 - statistics.fmean(overlaps) if overlaps else None,
        tiers=tiers,
        core_share=tiers["core"] / attended if attended else None,
        absence_factor=factor(mm.attended for mm in members.values()),
        elephant_factor=factor(by_org.values()),
        newcomer_return=(
            sum(1 for mm in early if mm.attended >= 2) / len(early) if early else None
        ),
        exposure_by_group=exposure,
        asymmetry=max(exposure.values()) / low if len(exposure) >= 2 and low > 0 else None,
        size=SizeSummary(
            min=min(sizes) if sizes else None,
            median=statistics.median(sizes) if sizes else None,
            max=max(sizes) if sizes else None,
        ),
        seats_kept=0,  # set once the organisations are known
        diagonal_share=sum(1 for r in rows if r.levels >= 2) / n if n else None,
    )


def has_left(member: Member, as_of: dt.date | None) -> bool:
    """Whether the member has left (by ``as_of`` when given)."""
    return member.left is not None and (as_of is None or member.left <= as_of)


def _buddies(
    community: Community,
    sessions: tuple[Session, ...],
    members: dict[str, MemberMetrics],
    levels: dict[str, str],
    orgs: dict[str, str],
    p: Parameters,
) -> tuple[Buddy, ...]:
    recent = {s.id: t for t, s in enumerate(sessions) if t >= len(sessions) - 2}
    staying = [m.id for m in community.members if not has_left(m, p.as_of)]
    newcomers = sorted(
        (recent[mm.first], mid)
        for mid in staying
        if (mm := members[mid]).tier == "peripheral" and mm.first in recent
    )
    core = sorted(mid for mid in staying if members[mid].tier == "core")
    assigned: Counter[str] = Counter()
    result: list[Buddy] = []
    for _, mid in newcomers:
        buddy = min(
            core,
            key=lambda c: (levels[c] != levels[mid], orgs[c] == orgs[mid], assigned[c], c),
            default=None,
        )
        if buddy is not None:
            assigned[buddy] += 1
        result.append(Buddy(member=mid, buddy=buddy))
    return tuple(result)
