"""The plugin system: one fresh plugin manager per test, one test per hook."""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable
from pathlib import Path

import attrs
import click
import pytest
from click.testing import CliRunner

import copharvest
from copharvest.analysis import Finding, HealthCheck, MetricSpec
from copharvest.formats.base import OutputFormat, RenderOptions
from copharvest.harvest import Harvest
from copharvest.model import Community, Member, Period, Session
from copharvest.pack import DomainPack, Theme, load_pack
from copharvest.pipeline import BuildError, prepare, render
from copharvest.plugins import HOOK_NAMES, PluginError, get_plugins, get_registry
from copharvest.privacy import Audience

ROOT = Path(__file__).resolve().parent.parent


def community(**changes: object) -> Community:
    base = Community(
        name="Plugin test",
        period=Period(start=dt.date(2020, 1, 1)),
        members=(Member(id="a", name="Ann", consent=True), Member(id="b", name="Bo", consent=True)),
        sessions=(
            Session(id="s1", start=dt.date(2020, 2, 1), attendance=("a", "b")),
            Session(id="s2", start=dt.date(2020, 3, 1), attendance=("a",)),
        ),
    )
    return attrs.evolve(base, **changes)


def plugins_with(*plugins: object):  # type: ignore[no-untyped-def]
    """A fresh manager: the builtins plus the given plugins, no entry points."""
    return get_plugins(
        entry_points_group=None,
        extra=[(f"test-plugin-{i}", p) for i, p in enumerate(plugins)],
    )


PACK = DomainPack(
    id="testpack",
    title={"en": "Test pack"},
    themes=(Theme(id="t1", title={"en": "Theme one"}, summary={"en": "About theme one."}),),
)


class PackPlugin:
    @copharvest.hookimpl
    def register_domain_packs(self, register: Callable[[DomainPack], None]) -> None:
        register(PACK)


def test_hook_register_domain_packs() -> None:
    plugins = plugins_with(PackPlugin())
    registry = get_registry(plugins)
    assert registry.packs["testpack"] is PACK
    assert registry.owners["packs"]["testpack"] == "test-plugin-0"
    prepared = prepare(community(pack="testpack"), plugins)
    titles = [ch.title for ch in prepared.harvest.parts[1].chapters]
    assert titles == ["Theme one"]


def test_unknown_pack_is_a_clear_error() -> None:
    with pytest.raises(BuildError, match="domain pack 'nope', which is not installed"):
        prepare(community(pack="nope"), plugins_with())


def test_hook_register_formats() -> None:
    class Upper:
        @copharvest.hookimpl
        def register_formats(self, register: Callable[[OutputFormat], None]) -> None:
            register(
                OutputFormat(
                    name="title",
                    suffix=".txt",
                    render=lambda harvest, options: harvest.title.upper().encode(),
                )
            )

    data, fmt = render(community(), plugins_with(Upper()), format_name="title")
    assert data == b"PLUGIN TEST"
    assert fmt.plugin == "test-plugin-0"


def test_hook_register_metrics() -> None:
    class Metric:
        @copharvest.hookimpl
        def register_metrics(self, register: Callable[[MetricSpec], None]) -> None:
            register(MetricSpec(name="test:sessions", compute=lambda c, cont, p: len(c.sessions)))

    prepared = prepare(community(), plugins_with(Metric()))
    assert prepared.analysis.to_json()["extra"] == {"test:sessions": 2}
    assert "test:sessions" not in prepared.analysis.to_json()["community"]


def test_hook_register_health_checks() -> None:
    def evaluate(c: Community, cont: object, params: object) -> Finding:
        return Finding(lesson="test:two", title="Two sessions", status="ok", evidence={"n": 2})

    class Check:
        @copharvest.hookimpl
        def register_health_checks(self, register: Callable[[HealthCheck], None]) -> None:
            register(HealthCheck(name="test:two", title={"en": "Two sessions"}, evaluate=evaluate))

    prepared = prepare(community(), plugins_with(Check()))
    health = prepared.analysis.to_json()["health"]
    assert [f["lesson"] for f in health] == [*range(1, 11), "test:two"]
    # the self-assessment is for the internal audience (unless health_in_public)
    assert prepared.harvest.plugin_findings == ()
    internal = prepare(community(), plugins_with(Check()), audience=Audience.INTERNAL)
    assert internal.harvest.plugin_findings[0].title == "Two sessions"
    assert internal.harvest.plugin_findings[0].evidence == "n: 2"


def test_a_health_check_words_its_evidence_per_language() -> None:
    def evaluate(c: Community, cont: object, params: object) -> Finding:
        return Finding(lesson="test:two", title="", status="warn", evidence={"n": 2, "share": 0.5})

    wording = {
        "en": {"sentence": "Counted in {n} sessions ({share}).", "n": "sessions counted"},
        "nl": {"n": "getelde bijeenkomsten", "share": "aandeel"},
    }

    class Check:
        @copharvest.hookimpl
        def register_health_checks(self, register: Callable[[HealthCheck], None]) -> None:
            register(
                HealthCheck(name="test:two", title={"en": "Two"}, evaluate=evaluate, labels=wording)
            )

    english = prepare(community(), plugins_with(Check()), audience=Audience.INTERNAL)
    assert english.harvest.plugin_findings[0].evidence == "Counted in 2 sessions (50%)."
    dutch = attrs.evolve(community(), locale="nl")
    found = prepare(dutch, plugins_with(Check()), audience=Audience.INTERNAL)
    assert found.harvest.plugin_findings[0].evidence == "getelde bijeenkomsten: 2; aandeel: 50%"
    assert found.harvest.plugin_findings[0].status_label == "aandacht"


def test_hook_register_commands() -> None:
    class Command:
        @copharvest.hookimpl
        def register_commands(self, cli: click.Group) -> None:
            @cli.command("hello")
            def hello() -> None:
                click.echo("hello from a plugin")

    from copharvest.cli import cli

    plugins = plugins_with(Command())
    result = CliRunner().invoke(cli, ["hello"], obj={"plugins": plugins, "reported": 0})
    assert result.exit_code == 0, result.output
    assert "hello from a plugin" in result.output


def test_hook_adjust_harvest() -> None:
    seen: list[str] = []

    class First:
        @copharvest.hookimpl
        def adjust_harvest(self, harvest: Harvest, pack: DomainPack) -> Harvest | None:
            seen.append(pack.id)
            return attrs.evolve(harvest, subtitle="adjusted")

    class Second:
        @copharvest.hookimpl
        def adjust_harvest(self, harvest: Harvest, pack: DomainPack) -> Harvest | None:
            return attrs.evolve(harvest, title=harvest.title + " / " + harvest.subtitle)

    prepared = prepare(community(), plugins_with(First(), Second()))
    assert seen == ["generic"]
    assert prepared.harvest.title == "Plugin test / adjusted"


def test_duplicate_name_names_both_plugins() -> None:
    with pytest.raises(PluginError) as info:
        get_registry(plugins_with(PackPlugin(), PackPlugin()))
    message = str(info.value)
    assert "domain pack 'testpack'" in message
    assert "test-plugin-0" in message
    assert "test-plugin-1" in message


def test_duplicate_builtin_format_is_an_error() -> None:
    class Json:
        @copharvest.hookimpl
        def register_formats(self, register: Callable[[OutputFormat], None]) -> None:
            register(OutputFormat(name="json", suffix=".json", render=lambda h, o: b""))

    with pytest.raises(PluginError, match="output format 'json' is registered by both"):
        get_registry(plugins_with(Json()))


def test_misspelled_hook_is_reported_with_a_suggestion_and_left_out() -> None:
    class Typo:
        @copharvest.hookimpl
        def register_format(self, register: Callable[[OutputFormat], None]) -> None:
            raise AssertionError("never called")

    plugins = plugins_with(Typo(), PackPlugin())
    assert plugins.problems == [
        "plugin 'test-plugin-0': unknown hook 'register_format'; "
        "did you mean 'register_formats'?; continuing without it"
    ]
    assert not plugins.manager.has_plugin("test-plugin-0")
    assert "testpack" in get_registry(plugins).packs


def test_plugin_raising_in_a_hook_is_reported_and_others_keep_working() -> None:
    class Broken:
        @copharvest.hookimpl
        def register_domain_packs(self, register: Callable[[DomainPack], None]) -> None:
            register(attrs.evolve(PACK, id="half"))
            raise RuntimeError("boom")

    plugins = plugins_with(Broken(), PackPlugin())
    registry = get_registry(plugins)
    assert "testpack" in registry.packs
    assert "half" not in registry.packs  # nothing half-registered survives
    assert plugins.problems == [
        "plugin 'test-plugin-0' failed in register_domain_packs: RuntimeError: boom; "
        "continuing without it"
    ]


def test_adjust_harvest_failure_is_reported_and_the_build_goes_on() -> None:
    class Broken:
        @copharvest.hookimpl
        def adjust_harvest(self, harvest: Harvest, pack: DomainPack) -> Harvest | None:
            raise ValueError("bad adjustment")

    plugins = plugins_with(Broken())
    data, _ = render(community(), plugins, format_name="markdown")
    assert b"# Plugin test" in data
    assert plugins.problems == [
        "plugin 'test-plugin-0' failed in adjust_harvest: ValueError: bad adjustment; "
        "continuing without it"
    ]


def test_adjust_harvest_must_return_a_harvest() -> None:
    class Wrong:
        @copharvest.hookimpl
        def adjust_harvest(self, harvest: Harvest, pack: DomainPack) -> object:
            return {"title": "not a harvest"}

    plugins = plugins_with(Wrong())
    prepared = prepare(community(), plugins)
    assert prepared.harvest.title == "Plugin test"  # the build goes on without it
    assert plugins.problems == [
        "plugin 'test-plugin-0': adjust_harvest returned dict, not a Harvest; continuing without it"
    ]


def test_skip_plugin_by_option_and_environment(monkeypatch: pytest.MonkeyPatch) -> None:
    assert (
        "copharvest.formats.json_format"
        not in get_plugins(entry_points_group=None, skip=["copharvest.formats.json_format"])
        .manager.list_name_plugin()
        .__repr__()
    )
    monkeypatch.setenv("COPHARVEST_SKIP_PLUGINS", "copharvest.formats.markdown, other")
    names = [name for name, _ in get_plugins(entry_points_group=None).manager.list_name_plugin()]
    assert "copharvest.formats.markdown" not in names
    assert "copharvest.formats.json_format" in names


def test_failing_format_render_is_one_line() -> None:
    class Crash:
        @copharvest.hookimpl
        def register_formats(self, register: Callable[[OutputFormat], None]) -> None:
            def crash(harvest: Harvest, options: RenderOptions) -> bytes:
                raise KeyError("missing")

            register(OutputFormat(name="crash", suffix=".x", render=crash))

    with pytest.raises(BuildError) as info:
        render(community(), plugins_with(Crash()), format_name="crash")
    assert str(info.value) == (
        "plugin 'test-plugin-0' failed to render the crash format: KeyError: 'missing'"
    )


def test_hook_names_are_the_specs() -> None:
    assert set(HOOK_NAMES) == {
        "register_domain_packs",
        "register_formats",
        "register_metrics",
        "register_health_checks",
        "register_commands",
        "adjust_harvest",
    }


def test_every_hook_is_documented_and_tested() -> None:
    doc = (ROOT / "docs" / "plugins.md").read_text(encoding="utf-8")
    tests = Path(__file__).read_text(encoding="utf-8")
    for name in HOOK_NAMES:
        assert f"### `{name}" in doc, f"docs/plugins.md has no section for {name}"
        assert f"def test_hook_{name}(" in tests, f"no test_hook_{name} in {Path(__file__).name}"


def test_load_pack_reports_located_problems(tmp_path: Path) -> None:
    (tmp_path / "pack.yaml").write_text("id: x\ntitle: {en: X}\nlocales: en\n", encoding="utf-8")
    (tmp_path / "themes.yaml").write_text("- id: a\n  titel: {en: A}\n", encoding="utf-8")
    from copharvest.pack import PackError

    with pytest.raises(PackError) as info:
        load_pack(tmp_path)
    lines = str(info.value).splitlines()
    assert any("pack.yaml:3: $.locales: expected a list" in line for line in lines), lines
    assert any(
        "themes.yaml:2: $[0].titel: unknown key 'titel'; did you mean 'title'?" in line
        for line in lines
    ), lines


def test_example_packs_load() -> None:
    wijk = load_pack(ROOT / "plugins/wijkenaanpak/src/copharvest_wijkenaanpak/data")
    assert wijk.id == "wijkenaanpak"
    assert len(wijk.insights) == 10
    assert len(wijk.themes) == 8
    youth = load_pack(ROOT / "examples/youth-care/plugin/src/copharvest_youthcare/data")
    assert youth.id == "youthcare"
