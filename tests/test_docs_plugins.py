"""docs/plugins.md is the plugin contract: every example in it runs, and nothing a plugin
can use (a hook, a pack file, a label) is left undocumented.

The examples run in a plugin made by ``copharvest new-plugin teachers``, as the guide's
walk-through makes it: its pack files are the guide's YAML examples, each Python example
is loaded as a plugin module next to it, and the scaffold's example harvest is built and
analysed with it, in English and Dutch, without a single plugin problem.
"""

from __future__ import annotations

import ast
import importlib
import importlib.util
import inspect
import re
import shutil
import sys
import tomllib
from collections.abc import Iterator
from pathlib import Path
from types import ModuleType
from typing import Any

import attrs
import pytest
import yaml
from click.testing import CliRunner

import copharvest
from copharvest.analysis import Finding, HealthCheck
from copharvest.cli import cli
from copharvest.formats.docx.context import EXTRA_LABELS
from copharvest.labels import LABELS
from copharvest.pack import PACK_FILES, load_pack
from copharvest.plugins import HOOK_NAMES, get_plugins, get_registry

ROOT = Path(__file__).resolve().parent.parent
DOC = (ROOT / "docs" / "plugins.md").read_text(encoding="utf-8")
LABELS_DOC = (ROOT / "docs" / "labels.md").read_text(encoding="utf-8")
YOUTH = ROOT / "examples" / "youth-care"
BLOCK = re.compile(r"^```(\w+)\n(.*?)^```", re.MULTILINE | re.DOTALL)


def blocks(language: str) -> list[str]:
    return [code for lang, code in BLOCK.findall(DOC) if lang == language]


def anchors(text: str) -> set[str]:
    """GitHub's (and the site's) anchors of the headings of ``text``."""
    found = set()
    for heading in re.findall(r"^#+ (.+)$", BLOCK.sub("", text), re.MULTILINE):
        slug = re.sub(r"[^\w\- ]", "", heading.lower()).replace(" ", "-")
        found.add(slug)
    return found


PYTHON = blocks("python")


# -- nothing undocumented -------------------------------------------------------------

GAPS = {
    "the layout of every pack file": "the-pack-files",
    "load_pack and its checks": "loading-a-pack-in-python-load_pack",
    "the objects a metric or check receives": "what-a-metric-or-check-receives",
    "check titles in the harvest's language": "health-checks-in-every-language",
    "a title given per language": "a-title-per-language-in-the-finding",
    "evidence keys and their labels": "evidence-labels-and-sentences",
    "the labels themselves, not the source": "booklet-labels",
    "part_2 and the other headings": "part-and-chapter-headings",
    "questions and more, the Word format's labels": "labels-of-the-word-format",
    "the pyproject essentials": "the-pyproject-essentials",
    "registering an object's methods": "registering-an-object-instead-of-a-module",
    "copharvest plugins lists pack checks": "what-copharvest-plugins-shows",
}


def test_every_gap_has_its_own_section() -> None:
    found = anchors(DOC)
    missing = {gap: anchor for gap, anchor in GAPS.items() if anchor not in found}
    assert not missing, f"docs/plugins.md has no section for {missing}"
    # and every link into the page lands on a heading
    for link in re.findall(r"\]\(#([\w\-]+)\)", DOC):
        assert link in found, f"docs/plugins.md links to #{link}, which is no heading"


@pytest.mark.parametrize("hook", HOOK_NAMES)
def test_every_hook_has_a_section_with_an_example(hook: str) -> None:
    section = DOC.split(f"### `{hook}(", 1)
    assert len(section) == 2, f"docs/plugins.md has no section for {hook}"
    body = section[1].split("\n## ", 1)[0].split("\n### ", 1)[0]
    assert f"def {hook}(" in body, f"the section on {hook} has no example"


@pytest.mark.parametrize("name", PACK_FILES)
def test_every_pack_file_has_a_section_with_an_example(name: str) -> None:
    assert f"### `{name}.yaml`" in DOC, f"docs/plugins.md has no section for {name}.yaml"
    assert any(code.startswith(f"# data/{name}.yaml\n") for code in blocks("yaml")), name


@pytest.mark.parametrize(
    ("table", "heading"),
    [(LABELS, "## Core labels"), (EXTRA_LABELS, "## Labels of the Word format")],
    ids=["core", "word"],
)
def test_every_label_is_in_the_label_tables(table: dict[str, dict[str, str]], heading: str) -> None:
    section = LABELS_DOC.split(heading, 1)[1].split("\n## ", 1)[0]
    rows = dict(re.findall(r"^\| `([^`]+)` \| (.*?) \|", section, re.MULTILINE))
    missing = [key for key in table["en"] if key not in rows]
    assert not missing, f"docs/labels.md ({heading}) has no row for {missing}"
    assert set(rows) <= set(table["en"]), set(rows) - set(table["en"])
    for locale in ("en", "nl"):
        assert set(table[locale]) == set(table["en"])


# -- the examples run -------------------------------------------------------------------


@pytest.fixture(scope="module")
def scaffold(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """``copharvest new-plugin teachers``, with the guide's pack files."""
    root = tmp_path_factory.mktemp("guide")
    made = CliRunner().invoke(
        cli, ["new-plugin", "teachers", "-d", str(root / "copharvest-teachers")]
    )
    assert made.exit_code == 0, made.output
    data = root / "copharvest-teachers" / "src" / "copharvest_teachers" / "data"
    for code in blocks("yaml"):
        first, _, rest = code.partition("\n")
        if first.startswith("# data/"):
            (data / first.removeprefix("# data/")).write_text(rest, encoding="utf-8")
    return root


@pytest.fixture
def guide(scaffold: Path, tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Iterator[Path]:
    """A copy of the walk-through's folder, as the working directory, with the plugin's
    package importable."""
    shutil.copytree(scaffold, tmp_path, dirs_exist_ok=True)
    monkeypatch.chdir(tmp_path)
    monkeypatch.syspath_prepend(str(tmp_path / "copharvest-teachers" / "src"))
    yield tmp_path
    for name in [m for m in sys.modules if m.startswith(("copharvest_teachers", "guide_"))]:
        del sys.modules[name]


def test_the_pack_files_load(scaffold: Path) -> None:
    pack = load_pack(scaffold / "copharvest-teachers" / "src" / "copharvest_teachers" / "data")
    assert pack.id == "teachers"
    assert [t.id for t in pack.tables] == ["from-to", "dilemmas"]
    assert len(pack.questions) == 2
    assert pack.level_label("board", "nl") == "Schoolbestuur"


def _module(guide: Path, index: int, code: str) -> ModuleType:
    """The example as a plugin module: the pack's own module when it registers the pack
    (it reads its data folder), else a module beside it."""
    if "def register_domain_packs(" in code:
        path = guide / "copharvest-teachers" / "src" / "copharvest_teachers" / "__init__.py"
        path.write_text(code, encoding="utf-8")
        return importlib.import_module("copharvest_teachers")
    path = guide / f"guide_{index}.py"
    path.write_text(code, encoding="utf-8")
    spec = importlib.util.spec_from_file_location(f"guide_{index}", path)
    assert spec is not None
    assert spec.loader is not None
    module = importlib.util.module_from_spec(spec)
    sys.modules[spec.name] = module
    spec.loader.exec_module(module)
    return module


def _analysis_functions(module: ModuleType) -> list[Any]:
    """The example's functions shaped as a metric's or check's (community, continuity,
    parameters)."""
    return [
        value
        for value in vars(module).values()
        if inspect.isfunction(value)
        and value.__module__ == module.__name__
        and list(inspect.signature(value).parameters) == ["community", "continuity", "parameters"]
    ]


@pytest.mark.parametrize("index", range(len(PYTHON)))
def test_every_python_example_runs_as_a_plugin(guide: Path, index: int) -> None:
    code = PYTHON[index]
    module = _module(guide, index, code)
    base = importlib.import_module("copharvest_teachers")
    plugin = getattr(module, "plugin", module)  # an entry point may name an object
    extra = [("teachers", base)] + ([("guide", plugin)] if plugin is not base else [])
    plugins = get_plugins(entry_points_group=None, extra=extra)
    registry = get_registry(plugins)
    example = guide / "copharvest-teachers" / "example"
    community = copharvest.load(example)
    checks: list[HealthCheck] = []
    for function in _analysis_functions(module):
        name = f"guide:{getattr(function, '__name__', '')}"
        checks.append(HealthCheck(name=name, title={"en": "x"}, evaluate=function))
    for locale in ("en", "nl"):
        records = attrs.evolve(community, locale=locale)
        analysis = copharvest.analyse(records, plugins=plugins)
        for name in registry.metrics:
            assert name in analysis.extra
        for check in checks:  # each shaped function gives a finding or a JSON value
            result = check.evaluate(records, analysis.continuity, analysis.parameters)
            if isinstance(result, Finding):
                found = copharvest.analysis.analyse(records, checks=[check])
                assert isinstance(found.health[-1].title, str)
        for fmt in [
            "markdown",
            *(n for n, o in registry.owners["formats"].items() if o == "guide"),
        ]:
            suffix = registry.formats[fmt].suffix
            copharvest.build(
                example,
                guide / f"out-{locale}-{fmt}{suffix}",
                format=fmt,
                audience="internal",
                locale=locale,
                plugins=plugins,
            )
    assert plugins.problems == []


def test_a_title_given_per_language_is_printed_in_the_harvests_language(guide: Path) -> None:
    [code] = [c for c in PYTHON if "def busy_year(" in c]
    busy = _module(guide, 99, code).busy_year
    check = HealthCheck(name="teachers:busy", title={"en": "x"}, evaluate=busy)
    records = copharvest.load(guide / "copharvest-teachers" / "example")
    for locale, title in (("en", "A quiet year"), ("nl", "Een rustig jaar")):
        found = copharvest.analysis.analyse(attrs.evolve(records, locale=locale), checks=[check])
        assert found.health[-1].title == title


def test_the_guides_check_speaks_dutch_in_a_dutch_booklet(guide: Path) -> None:
    [pack_code] = [c for c in PYTHON if "def register_domain_packs(" in c]
    [worded_code] = [c for c in PYTHON if "def worded(" in c]
    module = _module(guide, 0, pack_code)
    worded = _module(guide, 98, worded_code).worded
    module.CHECKS = tuple(worded(check) for check in module.CHECKS)
    plugins = get_plugins(entry_points_group=None, extra=[("teachers", module)])
    out = copharvest.build(
        guide / "copharvest-teachers" / "example",
        guide / "nl.md",
        audience="internal",
        locale="nl",
        plugins=plugins,
    )
    text = out.read_text(encoding="utf-8")
    assert "Gasten van buiten de school" in text
    assert "In 1 van de 1 bijeenkomsten was er een gast." in text
    assert "Guests from outside" not in text
    assert "Vragen voor de lerarenkamer" in text  # the pack's heading over its key questions


def test_a_sentence_in_the_packs_labels_words_the_check(guide: Path) -> None:
    [snippet] = [c for c in blocks("yaml") if c.startswith("labels:")]
    data = guide / "copharvest-teachers" / "src" / "copharvest_teachers" / "data"
    header = yaml.safe_load((data / "pack.yaml").read_text(encoding="utf-8"))
    for locale, words in yaml.safe_load(snippet)["labels"].items():
        header["labels"][locale].update(words)
    (data / "pack.yaml").write_text(yaml.safe_dump(header, allow_unicode=True), encoding="utf-8")
    [pack_code] = [c for c in PYTHON if "def register_domain_packs(" in c]
    module = _module(guide, 0, pack_code)
    plugins = get_plugins(entry_points_group=None, extra=[("teachers", module)])
    example = guide / "copharvest-teachers" / "example"
    dutch = copharvest.build(
        example, guide / "nl.md", audience="internal", locale="nl", plugins=plugins
    ).read_text(encoding="utf-8")
    assert "In 1 van de 1 bijeenkomsten was er een gast." in dutch
    english = copharvest.build(
        example, guide / "en.md", audience="internal", plugins=plugins
    ).read_text(encoding="utf-8")
    assert "sessions with a guest: 1" in english  # the pack's evidence_ label, no sentence


def test_the_pyproject_essentials_are_the_scaffolds(scaffold: Path) -> None:
    [code] = blocks("toml")
    documented = tomllib.loads(code)
    made = tomllib.loads((scaffold / "copharvest-teachers" / "pyproject.toml").read_text())
    for key in ("entry-points", "dependencies", "requires-python"):
        assert made["project"][key] == documented["project"][key], key
    assert made["tool"]["setuptools"] == documented["tool"]["setuptools"]
    assert made["build-system"] == documented["build-system"]
    youth = tomllib.loads((YOUTH / "plugin" / "pyproject.toml").read_text())
    assert youth["tool"]["setuptools"]["package-data"] == {"copharvest_youthcare": ["data/*.yaml"]}
    assert youth["project"]["entry-points"] == {"copharvest": {"youthcare": "copharvest_youthcare"}}


# -- the example plugins follow the guide ------------------------------------------------

PLUGIN_SOURCES = [
    YOUTH / "plugin" / "src" / "copharvest_youthcare" / "__init__.py",
    ROOT / "src" / "copharvest" / "scaffold" / "plugin" / "src" / "__MODULE__" / "__init__.py.tmpl",
    ROOT / "src" / "copharvest" / "scaffold" / "plugin" / "tests" / "test_pack.py.tmpl",
    ROOT / "plugins" / "wijkenaanpak" / "src" / "copharvest_wijkenaanpak" / "__init__.py",
]


@pytest.mark.parametrize(
    "source", PLUGIN_SOURCES, ids=lambda p: p.parent.parent.name + "/" + p.name
)
def test_example_plugins_use_only_what_the_guide_documents(source: Path) -> None:
    tree = ast.parse(source.read_text(encoding="utf-8").replace("__MODULE__", "module_name"))
    used: set[str] = set()
    for node in ast.walk(tree):
        if isinstance(node, ast.ImportFrom) and (node.module or "").startswith("copharvest"):
            used |= {alias.name for alias in node.names}
            used.add(node.module or "")
        elif (
            isinstance(node, ast.Attribute)
            and isinstance(node.value, ast.Name)
            and node.value.id == "copharvest"
        ):
            used.add(f"copharvest.{node.attr}")
    undocumented = sorted(name for name in used if name not in DOC)
    assert not undocumented, f"{source.name} uses what docs/plugins.md does not name"


def test_youth_care_shows_dutch_check_titles_and_evidence(tmp_path: Path) -> None:
    out = copharvest.build(
        YOUTH / "harvest",
        tmp_path / "jeugdzorg-intern.md",
        audience="internal",
        locale="nl",
        plugins=get_plugins(),
    )
    text = out.read_text(encoding="utf-8")
    assert "Zorgaanbieders doen mee" in text
    assert "Jongeren en ouders komen aan het woord" in text
    assert re.search(r"Zorgaanbieders waren bij \d+ van de \d+ bijeenkomsten", text), text
    assert "Care providers take part" not in text
    assert "Young people and parents are heard" not in text
    assert "provider_organisations" not in text
    english = copharvest.build(
        YOUTH / "harvest", tmp_path / "intern.md", audience="internal", plugins=get_plugins()
    ).read_text(encoding="utf-8")
    assert "Care providers take part" in english
    assert re.search(r"Care providers were present in \d+ of the \d+ sessions", english)
