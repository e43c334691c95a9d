"""Chart labels are taken literally: a ``$`` in a name is a dollar sign, never mathtext;
the groups carry the core's names, and the legend of the coverage chart says whether the
seat passed on (``delegate_changed``), not how many delegates came."""

from __future__ import annotations

import datetime as dt
from pathlib import Path
from typing import Any

import attrs
import pytest

from copharvest import charts
from copharvest.analysis import analyse
from copharvest.labels import labels_for
from copharvest.model import Community, Member, Organisation, Period, Session

START = dt.date(2020, 1, 1)


def community(names: tuple[str, ...], locale: str = "en") -> Community:
    orgs = tuple(Organisation(id=f"o{i}", name=name) for i, name in enumerate(names))
    members = (
        *(Member(id=f"m{i}", name=f"M{i}", organisation=f"o{i}") for i in range(len(names))),
        Member(id="x", name="X"),  # no organisation: drawn by its label, not "unknown"
    )
    return Community(
        name="Dollars",
        locale=locale,
        period=Period(start=START),
        organisations=orgs,
        members=members,
        sessions=tuple(
            Session(
                id=f"s{t}",
                start=START + dt.timedelta(days=7 * t),
                attendance=tuple(m.id for m in members),
            )
            for t in range(3)
        ),
    )


def drawn_texts(monkeypatch: pytest.MonkeyPatch, c: Community, tmp_path: Path) -> list[Any]:
    """Every text object of the three charts, after each was saved (rendered) to PNG."""
    from matplotlib.text import Text

    found: list[Any] = []
    save = charts._save

    def keep(fig: Any, path: Path) -> None:
        save(fig, path)  # renders: mathtext would be parsed (and fail) here
        found.extend(t for t in fig.findobj(Text) if t.get_text())

    monkeypatch.setattr(charts, "_save", keep)
    charts.draw_charts(c, analyse(c), tmp_path, locale=c.locale)
    return found


@pytest.mark.parametrize(
    "name",
    [
        "Fund $5 to $10 plan",
        r"$\frac{1}{$ broken maths",
        r"$x^2$ and $\alpha$",
        "Price: 5$",
    ],
)
def test_dollar_signs_are_drawn_as_written(
    monkeypatch: pytest.MonkeyPatch, tmp_path: Path, name: str
) -> None:
    texts = drawn_texts(monkeypatch, community((name, "Plain")), tmp_path)
    assert name in [t.get_text() for t in texts]
    assert all(t.get_usetex() is False for t in texts)
    assert all(t.get_parse_math() is False for t in texts)


def test_groups_and_unknown_organisation_carry_their_labels(
    monkeypatch: pytest.MonkeyPatch, tmp_path: Path
) -> None:
    words = {t.get_text() for t in drawn_texts(monkeypatch, community(("A",), "nl"), tmp_path)}
    labels = labels_for("nl")
    assert labels["unknown_organisation"] in words  # never the reserved id
    assert "unknown" not in words
    assert "Vaste kern" in words  # the legend of the composition chart: the table's name
    assert "periferie" not in words
    assert "kern" not in words
    assert "de zetel ging over naar anderen" in words
    assert not any("meer dan één afgevaardigde" in w for w in words)


def test_a_pack_wording_of_a_group_reaches_the_charts(
    monkeypatch: pytest.MonkeyPatch, tmp_path: Path
) -> None:
    from matplotlib.text import Text

    c = community(("A",))
    words = {**labels_for("en"), "tier_core": "Pillars"}
    found: list[str] = []
    save = charts._save

    def keep(fig: Any, path: Path) -> None:
        save(fig, path)
        found.extend(t.get_text() for t in fig.findobj(Text))

    monkeypatch.setattr(charts, "_save", keep)
    drawn = charts.draw_charts(c, analyse(c), tmp_path, labels=words)
    assert "Pillars" in found
    assert "Pillars" in drawn[0].alt_text


def test_alt_text_counts_seats_kept_not_delegates(tmp_path: Path) -> None:
    # o0 keeps the same person; o1's delegate is replaced: one seat kept
    c = community(("Same", "Passed"))
    members = (
        *c.members,
        Member(id="n1", name="N1", organisation="o1"),
    )
    sessions = (
        Session(id="s0", start=START, attendance=("m0", "m1")),
        Session(id="s1", start=START + dt.timedelta(days=7), attendance=("m0", "m1")),
        Session(id="s2", start=START + dt.timedelta(days=14), attendance=("m0", "n1")),
    )
    c = attrs.evolve(c, members=members, sessions=sessions)
    analysis = analyse(c)
    assert analysis.continuity.community.seats_kept == 1
    alt = charts.draw_charts(c, analysis, tmp_path)[2].alt_text
    assert "Kept their seat while the delegate changed: 1; kept the same team: 0." in alt
