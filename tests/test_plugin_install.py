"""Real installed plugins: distributions pip-installed into a fresh virtual environment,
found through their entry points, with no monkeypatching.

One session-scoped environment serves every test here; pip's cache keeps it quick.
"""

from __future__ import annotations

import json
import os
import subprocess
import sys
import textwrap
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parent.parent
pytestmark = pytest.mark.slow


def _write(folder: Path, files: dict[str, str]) -> Path:
    for name, text in files.items():
        path = folder / name
        path.parent.mkdir(parents=True, exist_ok=True)
        path.write_text(textwrap.dedent(text), encoding="utf-8")
    return folder


def _broken_distribution(root: Path, name: str, module_text: str) -> Path:
    module = f"copharvest_{name}"
    return _write(
        root / f"copharvest-{name}",
        {
            "pyproject.toml": f"""
                [build-system]
                requires = ["setuptools>=68"]
                build-backend = "setuptools.build_meta"

                [project]
                name = "copharvest-{name}"
                version = "0.1.0"

                [project.entry-points.copharvest]
                {name} = "{module}"
            """,
            f"src/{module}/__init__.py": module_text,
        },
    )


class Env:
    def __init__(self, root: Path) -> None:
        self.root = root
        self.bin = root / "venv" / "bin"

    def run(
        self, *args: str, env: dict[str, str] | None = None, cwd: Path | None = None
    ) -> subprocess.CompletedProcess[str]:
        full_env = {k: v for k, v in os.environ.items() if k != "COPHARVEST_SKIP_PLUGINS"}
        full_env.update(env or {})
        return subprocess.run(
            [str(self.bin / args[0]), *args[1:]],
            capture_output=True,
            text=True,
            env=full_env,
            cwd=cwd or self.root,
            timeout=300,
        )


@pytest.fixture(scope="session")
def venv(tmp_path_factory: pytest.TempPathFactory) -> Env:
    root = tmp_path_factory.mktemp("plugins")
    env = Env(root)
    subprocess.run([sys.executable, "-m", "venv", str(root / "venv")], check=True)
    broken = _broken_distribution(root, "broken", "raise ImportError('no module named nowhere')\n")
    typo = _broken_distribution(
        root,
        "typo",
        """
        import copharvest

        @copharvest.hookimpl
        def register_format(register):
            pass
        """,
    )
    pip = [
        str(env.bin / "python"),
        "-m",
        "pip",
        "install",
        "-q",
        "--disable-pip-version-check",
    ]
    # the scaffold is made by the copharvest under test, then installed like the others
    made = subprocess.run(
        [sys.executable, "-m", "copharvest", "new-plugin", "demo-sector", "-d", str(root / "demo")],
        capture_output=True,
        text=True,
    )
    assert made.returncode == 0, made.stderr
    done = subprocess.run(
        [
            *pip,
            str(ROOT),
            "pytest",
            str(ROOT / "examples" / "youth-care" / "plugin"),
            str(ROOT / "plugins" / "wijkenaanpak"),
            str(root / "demo"),
            str(broken),
            str(typo),
        ],
        capture_output=True,
        text=True,
        timeout=900,
    )
    assert done.returncode == 0, done.stderr
    return env


def test_plugins_lists_installed_distributions(venv: Env) -> None:
    result = venv.run("copharvest", "plugins", "--json")
    assert result.returncode == 0, result.stderr
    data = json.loads(result.stdout)
    by_name = {p["name"]: p for p in data["plugins"]}
    assert by_name["youthcare"]["distribution"] == "copharvest-youthcare"
    assert by_name["youthcare"]["version"] == "1.0.0"
    assert by_name["youthcare"]["provides"]["packs"] == ["youthcare"]
    assert by_name["youthcare"]["provides"]["metrics"] == ["youthcare:case_share"]
    assert by_name["wijkenaanpak"]["provides"]["packs"] == ["wijkenaanpak"]
    assert by_name["demo-sector"]["distribution"] == "copharvest-demo-sector"
    assert "broken" not in by_name
    assert "typo" not in by_name


def test_broken_plugins_are_one_line_each_and_the_rest_works(venv: Env, tmp_path: Path) -> None:
    out = tmp_path / "youth.md"
    result = venv.run(
        "copharvest",
        "build",
        str(ROOT / "examples" / "youth-care" / "harvest"),
        "-f",
        "markdown",
        "--audience",
        "internal",  # the health check's findings are the internal audience's
        "-o",
        str(out),
    )
    assert result.returncode == 0, result.stderr
    assert "Traceback" not in result.stderr
    warnings = [line for line in result.stderr.splitlines() if line.startswith("warning:")]
    assert warnings == [
        "warning: plugin 'broken' (distribution 'copharvest-broken' 0.1.0) failed to load: "
        "ImportError: no module named nowhere; continuing without it",
        "warning: plugin 'typo' (distribution 'copharvest-typo' 0.1.0): unknown hook "
        "'register_format'; did you mean 'register_formats'?; continuing without it",
    ]
    text = out.read_text(encoding="utf-8")
    assert "## Part II: About youth care" in text
    assert "- Domain pack: copharvest-youthcare" in text  # the plugin's adjust_harvest
    assert "Care providers take part" in text  # the pack's health check


def test_skipping_plugins_by_environment_and_option(venv: Env, tmp_path: Path) -> None:
    result = venv.run("copharvest", "plugins", env={"COPHARVEST_SKIP_PLUGINS": "broken,typo"})
    assert result.returncode == 0
    assert "warning" not in result.stderr
    result = venv.run(
        "copharvest",
        "--skip-plugin",
        "broken",
        "--skip-plugin",
        "typo",
        "--skip-plugin",
        "youthcare",
        "plugins",
    )
    assert "warning" not in result.stderr
    assert "youthcare" not in result.stdout
    built = venv.run(
        "copharvest",
        "--skip-plugin",
        "youthcare",
        "build",
        str(ROOT / "examples" / "youth-care" / "harvest"),
        "-f",
        "json",
        "-o",
        str(tmp_path / "x.json"),
        env={"COPHARVEST_SKIP_PLUGINS": "broken,typo"},
    )
    assert built.returncode == 1
    # the missing pack is a located problem of the records, found while loading them
    assert any(
        "community.yaml:" in line and "domain pack 'youthcare' is not installed" in line
        for line in built.stderr.splitlines()
    ), built.stderr
    assert not (tmp_path / "x.json").exists()


def test_plugin_command_is_available(venv: Env) -> None:
    result = venv.run(
        "copharvest", "youthcare-themes", env={"COPHARVEST_SKIP_PLUGINS": "broken,typo"}
    )
    assert result.returncode == 0, result.stderr
    assert result.stdout.splitlines()[0] == "2.1  Early support close to home"


def test_new_plugin_scaffold_installs_and_its_tests_pass(venv: Env) -> None:
    env = {"COPHARVEST_SKIP_PLUGINS": "broken,typo"}
    tests = venv.run(
        "python",
        "-m",
        "pytest",
        "-q",
        "-p",
        "no:cacheprovider",
        str(venv.root / "demo" / "tests"),
        env=env,
    )
    assert tests.returncode == 0, tests.stdout + tests.stderr
    built = venv.run(
        "copharvest",
        "build",
        str(venv.root / "demo" / "example"),
        "-f",
        "markdown",
        "-o",
        str(venv.root / "demo.md"),
        env=env,
    )
    assert built.returncode == 0, built.stderr
    text = (venv.root / "demo.md").read_text(encoding="utf-8")
    assert "### 2.1 First theme" in text


def test_youth_care_plugin_tests_pass(venv: Env) -> None:
    tests = venv.run(
        "python",
        "-m",
        "pytest",
        "-q",
        "-p",
        "no:cacheprovider",
        str(ROOT / "examples" / "youth-care" / "plugin" / "tests"),
        env={"COPHARVEST_SKIP_PLUGINS": "broken,typo"},
    )
    assert tests.returncode == 0, tests.stdout + tests.stderr


def test_wijkenaanpak_example_builds_with_the_installed_pack(venv: Env, tmp_path: Path) -> None:
    env = {"COPHARVEST_SKIP_PLUGINS": "broken,typo"}
    out = tmp_path / "w.md"
    built = venv.run(
        "copharvest",
        "build",
        str(ROOT / "examples" / "wijkenaanpak-2009-2011"),
        "-f",
        "markdown",
        "-o",
        str(out),
        env=env,
    )
    assert built.returncode == 0, built.stderr
    text = out.read_text(encoding="utf-8")
    assert "## Deel II: Leren over de wijkenaanpak" in text
    assert "Tien inzichten in sturing van de wijkenaanpak" in text
