"""Fault isolation: a plugin that raises or misbehaves in every hook, metric and check.

The plugin is a real distribution (a ``.dist-info`` with its entry points, beside its
module) found through ``importlib.metadata`` by a copharvest run as its own process:
every command still succeeds on the example harvest, with one warning line per failure
naming the plugin, its distribution and what went wrong.
"""

from __future__ import annotations

import json
import os
import subprocess
import sys
import textwrap
from collections.abc import Callable
from pathlib import Path

import attrs
import pytest

import copharvest
from copharvest.analysis import Finding, HealthCheck
from copharvest.model import Community
from copharvest.pack import DomainPack
from copharvest.pipeline import prepare
from copharvest.plugins import get_plugins, get_registry
from copharvest.privacy import Audience

ROOT = Path(__file__).resolve().parent.parent
EXAMPLE = ROOT / "examples" / "wijkenaanpak-2009-2011"
DIST = "'copharvest-misbehaving' 0.1.0"

MODULE = """
import datetime
import math

import copharvest
from copharvest.analysis import Finding, HealthCheck, MetricSpec


def boom(community, continuity, parameters):
    raise RuntimeError("measured nothing")


@copharvest.hookimpl
def register_domain_packs(register):
    raise RuntimeError("no pack today")


@copharvest.hookimpl
def register_formats(register):
    raise ValueError("no format today")


@copharvest.hookimpl
def register_metrics(register):
    register(MetricSpec(name="bad:raises", compute=boom))
    register(MetricSpec(name="bad:nan", compute=lambda c, k, p: math.nan))
    register(MetricSpec(name="bad:date", compute=lambda c, k, p: datetime.date(2020, 1, 1)))


@copharvest.hookimpl
def register_health_checks(register):
    title = {"en": "Bad", "nl": "Fout"}
    register(HealthCheck(name="bad:raises", title=title, evaluate=boom))
    register(
        HealthCheck(name="bad:dict", title=title, evaluate=lambda c, k, p: {"status": "ok"})
    )
    register(
        HealthCheck(
            name="bad:nan",
            title=title,
            evaluate=lambda c, k, p: Finding(lesson="x", status="ok", evidence={"x": math.nan}),
        )
    )
    register(
        HealthCheck(
            name="bad:title",
            title=title,
            evaluate=lambda c, k, p: Finding(lesson="x", title=42, status="ok"),
        )
    )


@copharvest.hookimpl
def register_commands(cli):
    raise KeyError("no command today")


@copharvest.hookimpl
def adjust_harvest(harvest, pack):
    raise RuntimeError("no adjustment today")


class Wrong:
    @copharvest.hookimpl
    def adjust_harvest(self, harvest, pack):
        return {"title": "not a harvest"}


wrong = Wrong()
"""

PREFIX = f"warning: plugin 'misbehaving' (distribution {DIST})"
WRONG = f"warning: plugin 'misbehaving-wrong' (distribution {DIST})"
LOAD = [
    f"{PREFIX} failed in register_domain_packs: RuntimeError: no pack today",
    f"{PREFIX} failed in register_formats: ValueError: no format today",
]
ANALYSIS = [
    f"{PREFIX}: health check 'bad:raises' failed: RuntimeError: measured nothing",
    f"{PREFIX}: health check 'bad:dict' returned dict, not a Finding",
    f"{PREFIX}: health check 'bad:nan' gave evidence that is not JSON-able",
    f"{PREFIX}: health check 'bad:title' gave a title of type int, not a text",
    f"{PREFIX}: metric 'bad:raises' failed: RuntimeError: measured nothing",
    f"{PREFIX}: metric 'bad:nan' gave a value that is not JSON-able",
    f"{PREFIX}: metric 'bad:date' gave a value that is not JSON-able",
]
ADJUST = [
    f"{PREFIX} failed in adjust_harvest: RuntimeError: no adjustment today",
    f"{WRONG}: adjust_harvest returned dict, not a Harvest",
]
COMMANDS = [f"{PREFIX} failed in register_commands: KeyError: 'no command today'"]


@pytest.fixture(scope="module")
def site(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """A folder holding the distribution, as site-packages would."""
    root = tmp_path_factory.mktemp("site")
    (root / "copharvest_misbehaving").mkdir()
    (root / "copharvest_misbehaving" / "__init__.py").write_text(MODULE, encoding="utf-8")
    info = root / "copharvest_misbehaving-0.1.0.dist-info"
    info.mkdir()
    (info / "METADATA").write_text(
        "Metadata-Version: 2.1\nName: copharvest-misbehaving\nVersion: 0.1.0\n", encoding="utf-8"
    )
    (info / "entry_points.txt").write_text(
        textwrap.dedent(
            """\
            [copharvest]
            misbehaving = copharvest_misbehaving
            misbehaving-wrong = copharvest_misbehaving:wrong
            """
        ),
        encoding="utf-8",
    )
    return root


def run(site: Path, *args: str, cwd: Path) -> subprocess.CompletedProcess[str]:
    env = {k: v for k, v in os.environ.items() if k != "COPHARVEST_SKIP_PLUGINS"}
    env["PYTHONPATH"] = os.pathsep.join([str(site), env.get("PYTHONPATH", "")]).rstrip(os.pathsep)
    return subprocess.run(
        [sys.executable, "-m", "copharvest", *args],
        capture_output=True,
        text=True,
        env=env,
        cwd=cwd,
        timeout=300,
    )


def warnings_of(stderr: str) -> list[str]:
    return [line for line in stderr.splitlines() if line.startswith("warning: plugin 'misbeh")]


def assert_one_warning_each(stderr: str, expected: list[str]) -> None:
    """Every expected failure is one line (ending the same way), and nothing else is."""
    lines = warnings_of(stderr)
    assert len(lines) == len(expected), "\n".join(lines)
    for start in expected:
        found = [line for line in lines if line.startswith(start)]
        assert len(found) == 1, (start, lines)
        assert found[0].endswith("; continuing without it"), found[0]
    assert "Traceback" not in stderr


CASES: list[tuple[str, list[str], list[str]]] = [
    ("check", ["check", str(EXAMPLE)], LOAD + ANALYSIS),
    ("check --json", ["check", "--json", str(EXAMPLE)], LOAD + ANALYSIS),
    ("metrics", ["metrics", "--json", str(EXAMPLE)], LOAD + ANALYSIS),
    ("context", ["context", "--audience", "internal", str(EXAMPLE)], LOAD + ANALYSIS + ADJUST),
    ("build docx", ["build", str(EXAMPLE), "-o", "x.docx"], LOAD + ANALYSIS + ADJUST),
    ("build markdown", ["build", str(EXAMPLE), "-o", "x.md"], LOAD + ANALYSIS + ADJUST),
    ("build json", ["build", str(EXAMPLE), "-o", "x.json"], LOAD + ANALYSIS + ADJUST),
    ("plugins", ["plugins"], LOAD),
    ("plugins --json", ["plugins", "--json"], LOAD),
    ("help", ["--help"], COMMANDS),
]


@pytest.mark.parametrize(("args", "expected"), [c[1:] for c in CASES], ids=[c[0] for c in CASES])
def test_every_command_goes_on_with_one_warning_per_failure(
    site: Path, tmp_path: Path, args: list[str], expected: list[str]
) -> None:
    result = run(site, *args, cwd=tmp_path)
    assert result.returncode == 0, result.stderr
    assert_one_warning_each(result.stderr, expected)
    if args[0] in ("check", "metrics", "context") and ("--json" in args or args[0] == "context"):
        data = json.loads(result.stdout)
        assert "bad:nan" not in result.stdout
        if args[0] == "metrics":
            assert "bad:raises" not in data["extra"]
    if args[0] == "build":
        written = tmp_path / args[-1]
        assert written.stat().st_size > 0
        if written.suffix == ".md":
            assert "not a harvest" not in written.read_text(encoding="utf-8")


def test_plugins_lists_the_misbehaving_distribution(site: Path, tmp_path: Path) -> None:
    data = json.loads(run(site, "plugins", "--json", cwd=tmp_path).stdout)
    by_name = {p["name"]: p for p in data["plugins"]}
    assert by_name["misbehaving"]["distribution"] == "copharvest-misbehaving"
    assert by_name["misbehaving"]["provides"]["metrics"] == ["bad:raises", "bad:nan", "bad:date"]


def test_plugins_lists_a_packs_own_checks() -> None:
    from click.testing import CliRunner

    from copharvest.cli import cli

    plugins = get_plugins(entry_points_group="copharvest")
    result = CliRunner().invoke(cli, ["plugins", "--json"], obj={"plugins": plugins, "reported": 0})
    provides = {p["name"]: p["provides"] for p in json.loads(result.stdout)["plugins"]}
    assert provides["youthcare"]["pack_checks"] == ["youthcare:providers", "youthcare:client_voice"]
    plugins = get_plugins(entry_points_group="copharvest")
    text = CliRunner().invoke(cli, ["plugins"], obj={"plugins": plugins, "reported": 0}).stdout
    assert "  pack checks: youthcare:providers, youthcare:client_voice" in text.splitlines()


def test_a_pack_that_failed_to_load_is_an_error_for_its_harvest_after_the_warning(
    site: Path, tmp_path: Path
) -> None:
    harvest = tmp_path / "harvest"
    harvest.mkdir()
    (harvest / "community.yaml").write_text(
        "format_version: 1\nname: Uses the broken pack\npack: misbehaving\n"
        "period: {start: 2025-01-01}\n",
        encoding="utf-8",
    )
    for args in (["check", str(harvest)], ["build", str(harvest), "-o", "out.md"]):
        result = run(site, *args, cwd=tmp_path)
        assert result.returncode == 1, result.stderr
        lines = result.stderr.splitlines()
        failed = next(
            i for i, line in enumerate(lines) if "failed in register_domain_packs" in line
        )
        problem = next(i for i, line in enumerate(lines) if "domain pack 'misbehaving'" in line)
        assert failed < problem, lines
        assert "community.yaml:" in lines[problem]
        assert "Traceback" not in result.stderr
        assert not (tmp_path / "out.md").exists()
    # the example, which does not use that pack, still builds in the same environment
    assert run(site, "build", str(EXAMPLE), "-o", "ok.md", cwd=tmp_path).returncode == 0


def community() -> Community:
    return copharvest.load(EXAMPLE)


def test_pack_checks_know_their_plugin_and_a_failing_one_is_left_out() -> None:
    def raises(c: Community, k: object, p: object) -> Finding:
        raise ZeroDivisionError("nothing to divide")

    def fine(c: Community, k: object, p: object) -> Finding:
        return Finding(lesson="mine:fine", status="ok", evidence={"n": 1})

    pack = DomainPack(
        id="mine",
        title={"en": "Mine"},
        checks=(
            HealthCheck(name="mine:raises", title={"en": "Raises"}, evaluate=raises),
            HealthCheck(name="mine:fine", title={"en": "Fine", "nl": "Goed"}, evaluate=fine),
        ),
    )

    class Packs:
        @copharvest.hookimpl
        def register_domain_packs(self, register: Callable[[DomainPack], None]) -> None:
            register(pack)

    plugins = get_plugins(entry_points_group=None, extra=[("mine-plugin", Packs())])
    registry = get_registry(plugins)
    assert [c.plugin for c in registry.packs["mine"].checks] == ["mine-plugin", "mine-plugin"]
    records = attrs.evolve(community(), pack="mine", locale="nl")
    prepared = prepare(records, plugins, audience=Audience.INTERNAL, registry=registry)
    assert plugins.problems == [
        "plugin 'mine-plugin': health check 'mine:raises' failed: ZeroDivisionError: "
        "nothing to divide; continuing without it"
    ]
    found = {f.lesson: f.title for f in prepared.analysis.health if isinstance(f.lesson, str)}
    assert found == {"mine:fine": "Goed"}  # the check's title, in the harvest's language


def test_two_plugins_registering_one_format_name() -> None:
    from click.testing import CliRunner

    from copharvest.cli import cli
    from copharvest.formats.base import OutputFormat

    class Json:
        @copharvest.hookimpl
        def register_formats(self, register: Callable[[OutputFormat], None]) -> None:
            register(OutputFormat(name="json", suffix=".json", render=lambda h, o: b"{}"))

    def invoke(*args: str) -> tuple[int, str, str]:
        plugins = get_plugins(entry_points_group=None, extra=[("other-json", Json())])
        result = CliRunner().invoke(cli, list(args), obj={"plugins": plugins, "reported": 0})
        return result.exit_code, result.stdout, result.stderr

    clash = (
        "output format 'json' is registered by both plugin 'other-json' "
        "and plugin 'copharvest.formats.json_format'; uninstall or skip one of them"
    )
    code, out, err = invoke("plugins")
    assert code == 0, err
    assert f"warning: {clash}" in err.splitlines()
    code, out, err = invoke("plugins", "--json")
    assert code == 0
    assert json.loads(out)["problems"] == [clash]
    code, out, err = invoke("build", str(EXAMPLE), "-f", "markdown", "-o", "-")
    assert code == 1  # other commands stop, as before: which json would they use?
    assert clash in err
