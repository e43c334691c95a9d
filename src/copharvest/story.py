"""The continuity chapter as a story: every figure in one plain sentence.

Written for a coordinator who is not a statistician (the seed's §1.7 "community of
duiventil?"). Every sentence is a label (:mod:`copharvest.labels`), so a domain pack can
reword it; counted wording goes through :func:`copharvest.labels.plural`, and every
printed number through the formatting functions of :mod:`copharvest.l10n`. A sentence
appears only when its numbers exist; with fewer than :data:`MIN_SESSIONS` held sessions,
or no attendance at all, the chapter says there is too little to measure yet and shows
no table, no chart and no verdict.
"""

from __future__ import annotations

import statistics
from collections import Counter
from collections.abc import Mapping
from typing import Any

from copharvest.continuity import UNKNOWN, member_groups
from copharvest.l10n import format_count, format_list, format_ratio, format_share
from copharvest.labels import plural
from copharvest.model import Community
from copharvest.pack import DomainPack
from copharvest.suppression import OTHER, Rule, core_levels

MIN_SESSIONS = 3
"""Fewer held sessions than this: too little to measure continuity."""


def measurable(sessions: int, attendances: int) -> bool:
    """Whether continuity can be measured: enough held sessions, and attendance."""
    return sessions >= MIN_SESSIONS and attendances > 0


NEAR = 0.10
"""A value within this share of its threshold is "just" below or above it."""
FIGURE_ORDER = ("attendance", "tiers", "organisations")
"""The charts in the order the booklet numbers them."""


def verdict(value: float, threshold: float, flagged: bool) -> str:
    """Where ``value`` stands against ``threshold``: ``far_below``, ``near_below``, ``at``,
    ``near_above`` or ``far_above`` (near: within 10 % of the threshold). ``flagged`` is
    the metric's own flag, so that the wording never contradicts it."""
    if flagged:
        return "near_above" if value <= threshold * (1 + NEAR) else "far_above"
    if value == threshold:
        return "at"
    return "near_below" if value >= threshold * (1 - NEAR) else "far_below"


class Story:
    """The sentences of the continuity chapter, from the metrics (METRICS.md layout)."""

    def __init__(
        self,
        community: Community,
        metrics: Mapping[str, Any],
        labels: Mapping[str, str],
        pack: DomainPack,
        figures: Mapping[str, int],
        *,
        rule: Rule | None = None,
    ) -> None:
        self.c = community
        self.rule = rule
        """Small groups to merge (public audience); none to show every group."""
        self.m = metrics
        self.labels = labels
        self.pack = pack
        self.locale = community.locale
        self.figures = figures
        self.summary: Mapping[str, Any] = metrics.get("community", {})
        self.params: Mapping[str, Any] = metrics.get("settings", {})
        self.names = {o.id: o.name for o in community.organisations}

    # -- formatting, the one path of every printed number
    def count(self, n: int) -> str:
        return format_count(n, self.locale)

    def share(self, value: float | None) -> str:
        return "–" if value is None else format_share(value, self.locale)

    def ratio(self, value: float | None, digits: int = 2) -> str:
        return "–" if value is None else format_ratio(value, self.locale, digits)

    def plural(self, key: str, n: int, **values: object) -> str:
        return plural(self.labels, key, n, self.locale, **values)

    def measured(self) -> bool:
        """Enough held sessions with attendance to say anything."""
        return measurable(self.summary.get("sessions", 0), self.summary.get("attendances", 0))

    def too_little(self) -> str:
        n = int(self.summary.get("sessions", 0))
        if n >= MIN_SESSIONS:
            return self.plural("text_no_attendance", n)
        return self.plural("text_too_little", n, minimum=self.count(MIN_SESSIONS))

    def group_label(self, group: str) -> str:
        if group == OTHER:
            return self.labels["other_group"]
        if group == UNKNOWN:
            return self.labels["unknown_group"]
        if self.params.get("group_by", "level") == "level":
            return self.pack.level_label(group, self.locale) or group
        return group

    def organisation_name(self, oid: str) -> str:
        if oid == OTHER and oid not in self.names:
            return self.labels["other_group"]
        if oid == UNKNOWN:
            return self.labels["unknown_organisation"]
        return self.names.get(oid) or oid

    def figure(self, chart: str, key: str) -> list[str]:
        n = self.figures.get(chart)
        return [] if n is None else [self.labels[key].format(n=self.count(n))]

    # -- the sentences
    def sentences(self) -> tuple[str, ...]:
        """The story, paragraph by paragraph; only sentences whose numbers exist."""
        if not self.measured():
            return (self.too_little(),)
        paragraphs = (
            self.members(),
            self.groups(),
            self.returns(),
            self.seats(),
            self.buddies(),
            [self.labels["text_tables"]],
        )
        return tuple(" ".join(p) for p in paragraphs if p)

    def members(self) -> list[str]:
        s, p = self.summary, self.params
        tiers: Mapping[str, int] = s.get("tiers", {})
        members = int(s.get("members", 0))
        absent = int(tiers.get("absent", 0))
        came = members - absent
        out = [
            self.plural("text_came_all", members, members=self.count(members))
            if not absent
            else self.plural("text_came", came, members=self.count(members))
        ]
        if absent:
            out.append(self.plural("text_never", absent))
        out.append(
            self.plural(
                "text_core",
                int(tiers.get("core", 0)),
                share=self.share(s.get("core_share")),
                core_min=self.count(int(p.get("core_min", 3))),
                core_rate=self.share(p.get("core_rate", 0.75)),
            )
        )
        return out + self.core_levels()

    def groups(self) -> list[str]:
        """The groups beyond the core, then the figures that show them all."""
        p, tiers = self.params, self.summary.get("tiers", {})
        out: list[str] = []
        values = {
            "active_min": self.count(int(p.get("active_min", 2))),
            "active_rate": self.share(p.get("active_rate", 0.40)),
        }
        for tier in ("active", "occasional", "peripheral"):
            if tiers.get(tier):
                out.append(self.plural(f"text_{tier}", int(tiers[tier]), **values))
        out += self.figure("attendance", "text_figure_attendance")
        out += self.figure("tiers", "text_figure_tiers")
        return out

    def core_levels(self) -> list[str]:
        """The make-up of the stable core by level, largest first."""
        levels, _ = member_groups(self.c)
        core = Counter(
            levels.get(mid, UNKNOWN)
            for mid, row in self.m.get("members", {}).items()
            if row.get("tier") == "core"
        )
        if self.rule is not None:
            core = Counter(core_levels(self.c, self.m, self.rule)[0])
        if not core or set(core) - {OTHER} <= {UNKNOWN}:
            return []
        parts = [
            self.plural("text_level_part", n, level=self.level_name(level))
            for level, n in sorted(core.items(), key=lambda kv: (-kv[1], kv[0] == UNKNOWN, kv[0]))
        ]
        return [self.labels["text_core_levels"].format(parts=format_list(parts, self.locale))]

    def level_name(self, level: str) -> str:
        if level == OTHER:
            return self.labels["other_group"]
        if level == UNKNOWN:
            return self.labels["unknown_group"]
        return self.pack.level_label(level, self.locale) or level

    def returns(self) -> list[str]:
        rows = [r for r in self.m.get("sessions", []) if r.get("from_previous") is not None]
        out: list[str] = []
        if rows:
            last = rows[-1]
            out.append(
                self.plural(
                    "text_from_previous", int(last["from_previous"]), size=self.count(last["size"])
                )
            )
            shares = [r["from_previous"] / r["size"] for r in rows if r["size"]]
            if len(shares) > 1:
                out.append(
                    self.labels["text_from_previous_mean"].format(
                        share=self.share(statistics.fmean(shares))
                    )
                )
        index = self.summary.get("pigeon_loft_index")
        if index is not None:
            out.append(self.labels["text_pigeon_loft_index"].format(index=self.ratio(index)))
        return out

    def seats(self) -> list[str]:
        orgs: Mapping[str, Mapping[str, Any]] = self.m.get("organisations", {})
        minimum = float(self.params.get("seat_coverage_min", 0.75))
        if not any(oid != UNKNOWN for oid in orgs):
            return []
        covered = {
            oid: row
            for oid, row in orgs.items()
            if oid != UNKNOWN and row.get("coverage") is not None and row["coverage"] >= minimum
        }
        passed = [self.organisation_name(o) for o, r in covered.items() if r["delegate_changed"]]
        team = [
            self.organisation_name(o)
            for o, r in covered.items()
            if r["delegate_changed"] is False and r["delegates"] >= 2
        ]
        kept = int(self.summary.get("seats_kept", len(passed)))
        if self.rule is not None:  # organisations merged for privacy are not counted apart
            kept = len(passed)
        out = [
            self.plural(
                "text_seats_kept",
                kept,
                names=format_list(passed, self.locale),
                coverage=self.share(minimum),
            )
        ]
        if team:
            out.append(
                self.plural("text_same_team", len(team), names=format_list(team, self.locale))
            )
        out += self.figure("organisations", "text_figure_organisations")
        return out

    def buddies(self) -> list[str]:
        rows = self.m.get("buddies", [])
        paired = sum(1 for b in rows if b.get("buddy"))
        alone = len(rows) - paired
        out = []
        if paired:
            out.append(self.plural("text_buddies", paired))
        if alone:
            out.append(self.plural("text_no_buddy", alone))
        return [" ".join(out)] if out else []

    def flags(self, session_numbers: Mapping[str, int]) -> tuple[str, ...]:
        """The verdicts: pigeon loft, information advantage, oversized sessions."""
        if not self.measured():
            return ()
        s, p, flags = self.summary, self.params, self.m.get("flags", {})
        out: list[str] = []
        index = s.get("pigeon_loft_index")
        if index is not None:
            threshold = float(p.get("pigeon_loft_threshold", 0.6))
            where = verdict(index, threshold, bool(flags.get("pigeon_loft")))
            out.append(
                self.labels[f"flag_pigeon_loft_{where}"].format(
                    index=self.ratio(index), threshold=self.ratio(threshold)
                )
            )
        exposure: Mapping[str, float] = s.get("exposure_by_group") or {}
        ratio = s.get("asymmetry")
        top = max(exposure, key=lambda g: (exposure[g], g), default="")
        bottom = min(exposure, key=lambda g: (exposure[g], g), default="")
        # a group merged for privacy: the groups shown no longer give the ratio, and the
        # sentence would print a small group's figures; the flag itself stays in the metrics
        merged = (
            ratio is None
            or len(exposure) < 2
            or not exposure[bottom]
            or abs(exposure[top] / exposure[bottom] - ratio) > 1e-9
        )
        if not merged and ratio is not None:
            threshold = float(p.get("asymmetry_threshold", 1.5))
            where = verdict(ratio, threshold, bool(flags.get("information_asymmetry")))
            out.append(
                self.labels[f"flag_asymmetry_{where}"].format(
                    top=self.group_label(top),
                    bottom=self.group_label(bottom),
                    top_exposure=self.share(exposure[top]),
                    bottom_exposure=self.share(exposure[bottom]),
                    ratio=self.ratio(ratio, 1),
                    threshold=self.ratio(threshold, 1),
                )
            )
        oversized = [session_numbers[sid] for sid in flags.get("oversized", ())]
        if oversized:
            out.append(
                self.plural(
                    "flag_oversized",
                    len(oversized),
                    sessions=format_list([self.count(n) for n in oversized], self.locale),
                    max_size=self.count(int(p.get("max_size", 30))),
                )
            )
        return tuple(out)
