"""``copharvest metrics`` and the health check of ``copharvest check``, from the outside."""

from __future__ import annotations

import datetime as dt
import json
from pathlib import Path

import pytest
from click.testing import CliRunner, Result
from PIL import Image

import copharvest
from copharvest.analysis import analyse
from copharvest.cli import cli
from copharvest.model import (
    Community,
    Member,
    Organisation,
    Period,
    Session,
    Settings,
)

START = dt.date(2020, 1, 1)


def _run(*args: str | Path) -> Result:
    return CliRunner().invoke(cli, list(map(str, args)), catch_exceptions=False)


def _community(settings: Settings | None = None, consent: bool = True) -> Community:
    """Ministry delegates at every session, city delegates that change."""
    orgs = (
        Organisation(id="min", name="Ministry", level="national"),
        Organisation(id="city", name="City", level="city"),
    )
    members = (
        Member(id="m1", name="M1", consent=consent, organisation="min"),
        Member(id="m2", name="M2", consent=consent, organisation="min"),
        Member(id="c1", name="C1", consent=consent, organisation="city"),
        Member(id="c2", name="C2", consent=consent, organisation="city"),
        Member(id="c3", name="C3", consent=consent, organisation="city"),
    )
    attendance = [("m1", "m2", "c1"), ("m1", "m2", "c1"), ("m1", "c2"), ("m1", "m2", "c3")]
    return Community(
        name="Test CoP",
        period=Period(start=START),
        organisations=orgs,
        members=members,
        sessions=tuple(
            Session(id=f"s{t + 1}", start=START + dt.timedelta(days=30 * t), attendance=a)
            for t, a in enumerate(attendance)
        ),
        settings=settings or Settings(),
    )


@pytest.fixture
def folder(tmp_path: Path) -> Path:
    target = tmp_path / "harvest"
    copharvest.save(_community(), target)
    return target


def test_report(folder: Path) -> None:
    result = _run("metrics", folder)
    assert result.exit_code == 0, result.output
    out = result.stdout
    assert out.startswith("Test CoP: 4 sessions, 5 members, 11 attendances\n")
    for heading in ("Members by tier", "Sessions", "Organisations", "Flags", "Buddy suggestions"):
        assert f"\n{heading}" in out
    assert "  core             2    40%" in out
    assert "     4  s4       2020-03-31      3    1     0.25       2" in out
    assert "  information asymmetry  yes (ratio 3.50, flagged above 1.5)" in out
    assert "  c2 → m1\n  c3 → m2\n" in out  # the core member with fewer newcomers
    (city,) = [line.split() for line in out.splitlines() if line.startswith("  City ")]
    assert city == ["City", "100%", "3", "4", "yes"]


def test_members_without_consent_are_pseudonymised(tmp_path: Path) -> None:
    target = tmp_path / "harvest"
    copharvest.save(_community(consent=False), target)
    report = _run("metrics", target).stdout
    # each row describes one person: fewer than min_group_size, so left out
    assert "member-0" not in report
    data = json.loads(_run("metrics", "--json", target).stdout)
    assert data["members"] == {}
    assert data["buddies"] == []
    assert data["community"]["members"] == 5
    # with min_group_size 1 they are shown, pseudonymised; without a privacy key
    # numbered by first attendance (c1, m1, m2 at s1; c2; c3)
    report = _run("metrics", "--min-group-size", "1", target).stdout
    assert "  member-004 → member-002\n  member-005 → member-003\n" in report
    data = json.loads(_run("metrics", "--json", "--min-group-size", "1", target).stdout)
    assert list(data["members"]) == [f"member-00{i}" for i in range(1, 6)]
    assert data["buddies"] == [
        {"member": "member-004", "buddy": "member-002"},
        {"member": "member-005", "buddy": "member-003"},
    ]


def test_json_is_the_analysis(folder: Path) -> None:
    result = _run("metrics", "--json", folder)
    assert result.exit_code == 0, result.output
    data = json.loads(result.stdout)
    expected = analyse(copharvest.load(folder)).to_json()
    assert {k: v for k, v in data.items() if k not in ("extra", "health")} == {
        k: v for k, v in expected.items() if k not in ("extra", "health")
    }
    assert data["health"][:10] == expected["health"]
    assert data["community"]["asymmetry"] == 3.5


def test_options_override_settings(tmp_path: Path) -> None:
    folder = tmp_path / "h"
    copharvest.save(_community(Settings(core_rate=0.5, max_size=2)), folder)
    data = json.loads(_run("metrics", "--json", folder).stdout)
    assert data["settings"]["core_rate"] == 0.5
    assert data["flags"]["oversized"] == ["s1", "s2", "s4"]
    data = json.loads(
        _run("metrics", "--json", "--core-rate", "0.9", "--max-size", "3", folder).stdout
    )
    assert data["settings"]["core_rate"] == 0.9
    assert data["members"]["m2"]["tier"] == "active"  # 3 of 4
    assert data["flags"]["oversized"] == []
    data = json.loads(_run("metrics", "--json", "--as-of", "2020-02-15", folder).stdout)
    assert data["community"]["sessions"] == 2
    assert data["settings"]["as_of"] == "2020-02-15"
    data = json.loads(_run("metrics", "--json", "--group-by", "organisation", folder).stdout)
    assert set(data["community"]["exposure_by_group"]) == {"min", "city"}


def test_seat_coverage_min_setting_and_option(tmp_path: Path) -> None:
    folder = tmp_path / "h"
    copharvest.save(_community(Settings(seat_coverage_min=0.8)), folder)
    data = json.loads(_run("metrics", "--json", folder).stdout)
    assert data["settings"]["seat_coverage_min"] == 0.8
    # the city's seat passed from c1 to c2 to c3 at every session; the ministry's m1 stayed
    assert data["organisations"]["city"]["delegate_changed"] is True
    assert data["organisations"]["min"]["delegate_changed"] is False
    assert data["community"]["seats_kept"] == 1
    data = json.loads(_run("metrics", "--json", "--seat-coverage-min", "0.9", folder).stdout)
    assert data["settings"]["seat_coverage_min"] == 0.9
    result = _run("metrics", "--seat-coverage-min", "1.5", folder)
    assert result.exit_code == 2
    assert "--seat-coverage-min" in result.output


@pytest.mark.parametrize(
    "option",
    [
        ["--core-rate", "1.5"],
        ["--core-min", "0"],
        ["--group-by", "shoe_size"],
        ["--as-of", "yesterday"],
        ["--asymmetry-threshold", "0.5"],
        ["--core-rate", "nan"],
    ],
)
def test_bad_options_are_usage_errors(folder: Path, option: list[str]) -> None:
    result = _run("metrics", *option, folder)
    assert result.exit_code == 2
    assert "Traceback" not in result.output


def test_bad_setting_is_a_located_problem(tmp_path: Path) -> None:
    folder = tmp_path / "h"
    copharvest.save(_community(), folder)
    text = (folder / "community.yaml").read_text(encoding="utf-8")
    assert "settings" not in text
    (folder / "community.yaml").write_text(text + "settings:\n  core_rate: 5\n", encoding="utf-8")
    line = text.count("\n") + 2  # the line of core_rate, now checked when loading
    for command in ("metrics", "check", "build"):
        result = _run(command, folder)
        assert result.exit_code == 1
        assert (
            f"{folder / 'community.yaml'}:{line}: $.settings.core_rate: "
            "must be between 0 and 1, got 5" in result.stderr
        )
    payload = json.loads(_run("check", "--json", folder).stdout)
    assert payload["ok"] is False
    assert payload["problems"][0]["path"] == "$.settings.core_rate"


def test_missing_folder_is_one_line(tmp_path: Path) -> None:
    result = _run("metrics", tmp_path / "nowhere")
    assert result.exit_code == 1
    assert "Traceback" not in result.output
    assert result.stdout == ""


def test_charts(folder: Path, tmp_path: Path) -> None:
    out = tmp_path / "charts" / "deeper"
    result = _run("metrics", "--json", "--charts", out, folder)
    assert result.exit_code == 0, result.output
    json.loads(result.stdout)  # the chart lines go to stderr
    assert sorted(p.name for p in out.iterdir()) == [
        "attendance.png",
        "organisations.png",
        "tiers.png",
    ]
    with Image.open(out / "tiers.png") as image:
        assert image.format == "PNG"
    assert f"Wrote {out / 'tiers.png'}" in result.stderr


def test_check_prints_the_health_check(folder: Path) -> None:
    result = _run("check", folder)
    assert result.exit_code == 0, result.output
    lines = result.stdout.splitlines()
    assert lines[-1] == "OK: no problems found"
    start = lines.index(next(line for line in lines if line.startswith("Health check (")))
    assert lines[start + 1].split()[:2] == ["ok", "1"]
    assert "  ok     3  A stable core and a collective memory" in lines
    assert "  ?      4  Practice is central" in lines  # no programme recorded
    assert "  WARN   8  Room for meeting and relaxation" in lines
    strict = _run("check", "--strict", folder)
    assert strict.exit_code == 1
    assert strict.stderr.strip().endswith("1 health warning (--strict)")
    assert "OK: no problems found" not in strict.stdout
    relaxed = _run("check", "--strict", "--relaxation-min", "0", folder)
    assert relaxed.exit_code == 0
    assert "  ok     8  Room for meeting and relaxation" in relaxed.stdout.splitlines()


def test_check_json_has_health(folder: Path) -> None:
    result = _run("check", "--json", folder)
    assert result.exit_code == 0
    payload = json.loads(result.stdout)
    assert list(payload) == ["ok", "summary", "health"]
    assert payload["ok"] is True
    assert [f["lesson"] for f in payload["health"]][:10] == list(range(1, 11))
    strict = _run("check", "--json", "--strict", folder)
    assert strict.exit_code == 1
    assert json.loads(strict.stdout)["ok"] is False
