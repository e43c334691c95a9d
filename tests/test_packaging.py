"""Packaging: the metadata of every distribution, and wheels that work installed.

The smoke test builds the wheels of the core and the wijkenaanpak pack from a copy of the
sources, installs them (not editable, dependencies from the package index) into a fresh
virtual environment and builds the example booklet with the installed ``copharvest``.
"""

from __future__ import annotations

import os
import re
import shutil
import subprocess
import sys
import tomllib
import zipfile
from pathlib import Path
from typing import Any

import pytest
from click.testing import CliRunner
from packaging.requirements import Requirement

from copharvest.cli import cli

ROOT = Path(__file__).resolve().parent.parent
PROJECTS = {
    "core": ROOT,
    "wijkenaanpak": ROOT / "plugins" / "wijkenaanpak",
    "youthcare": ROOT / "examples" / "youth-care" / "plugin",
}
CLASSIFIERS = (
    "Development Status :: ",
    "Environment :: Console",
    "Intended Audience :: ",
    "Operating System :: OS Independent",
    "Programming Language :: Python :: 3.11",
    "Programming Language :: Python :: 3.12",
    "Programming Language :: Python :: 3.13",
    "Topic :: ",
)


def _scaffold(tmp_path: Path) -> Path:
    target = tmp_path / "copharvest-demo-sector"
    result = CliRunner().invoke(cli, ["new-plugin", "demo-sector", "-d", str(target)])
    assert result.exit_code == 0, result.output
    return target


@pytest.fixture(params=[*PROJECTS, "scaffold"])
def project(request: pytest.FixtureRequest, tmp_path: Path) -> Path:
    name: str = request.param
    return _scaffold(tmp_path) if name == "scaffold" else PROJECTS[name]


def _pyproject(folder: Path) -> dict[str, Any]:
    with (folder / "pyproject.toml").open("rb") as f:
        return tomllib.load(f)


def test_the_build_backend_reads_an_spdx_licence(project: Path) -> None:
    data = _pyproject(project)
    assert data["build-system"]["build-backend"] == "setuptools.build_meta"
    (setuptools,) = (Requirement(r) for r in data["build-system"]["requires"])
    assert setuptools.name == "setuptools"
    assert setuptools.specifier.contains("77")
    assert not setuptools.specifier.contains("76.1")
    assert data["project"]["license"] == "MIT"
    for pattern in data["project"]["license-files"]:
        (licence,) = project.glob(pattern)
        assert licence.read_text(encoding="utf-8").startswith("MIT License\n")
    assert "urls" not in data["project"]  # no project URL exists yet: none is invented


def test_the_classifiers_are_complete(project: Path) -> None:
    classifiers = _pyproject(project)["project"]["classifiers"]
    for prefix in CLASSIFIERS:
        assert any(c.startswith(prefix) for c in classifiers), prefix
    assert not any(c.startswith("License ::") for c in classifiers)  # the SPDX field says it


def test_every_dependency_has_a_lower_and_an_upper_bound(project: Path) -> None:
    for text in _pyproject(project)["project"]["dependencies"]:
        operators = {spec.operator for spec in Requirement(text).specifier}
        assert operators == {">=", "<"}, text


def test_every_package_data_glob_matches_a_file(project: Path) -> None:
    package_data = _pyproject(project)["tool"]["setuptools"]["package-data"]
    for package, patterns in package_data.items():
        folder = project / "src" / package
        for pattern in patterns:
            assert any(p.is_file() for p in folder.glob(pattern)), f"{package}: {pattern}"


def test_the_version_is_read_from_the_metadata() -> None:
    import copharvest

    assert copharvest.__version__ == _pyproject(ROOT)["project"]["version"]
    assert "__version__ =" not in (ROOT / "src" / "copharvest" / "__init__.py").read_text()


def test_ci_runs_the_readme_quickstart_commands_exactly() -> None:
    readme = (ROOT / "README.md").read_text(encoding="utf-8")
    quickstart = readme.split("## Quickstart", 1)[1].split("\n## ", 1)[0]
    commands = re.findall(r"```console\n(.+?)\n```", quickstart, flags=re.DOTALL)
    assert len(commands) == 2, commands
    run = (ROOT / ".ci" / "run").read_text(encoding="utf-8").splitlines()
    assert [line for line in run if line in commands] == commands
    assert "nox -s lint typecheck docs tests" in commands[1]


def _copy_sources(source: Path, target: Path) -> Path:
    """The files a build reads: the build never writes into the working tree."""
    ignore = shutil.ignore_patterns("__pycache__", "*.egg-info", "build", "*.pyc")
    target.mkdir(parents=True)
    for name in ("pyproject.toml", "README.md", "LICENSE"):
        shutil.copy2(source / name, target / name)
    shutil.copytree(source / "src", target / "src", ignore=ignore)
    return target


def _clean_env(root: Path) -> dict[str, str]:
    env = {
        k: v
        for k, v in os.environ.items()
        if k not in {"PYTHONPATH", "COPHARVEST_SKIP_PLUGINS", "VIRTUAL_ENV", "PYTHONHOME"}
    }
    env["COPHARVEST_CACHE_DIR"] = str(root / "cache")  # pip's cache stays where it is
    env["PIP_DISABLE_PIP_VERSION_CHECK"] = "1"
    return env


def _run(*args: str | Path, cwd: Path, env: dict[str, str]) -> str:
    result = subprocess.run(
        [str(a) for a in args], capture_output=True, text=True, cwd=cwd, env=env, timeout=600
    )
    assert result.returncode == 0, result.stdout + result.stderr
    return result.stdout


@pytest.mark.slow
def test_the_wheels_install_and_build_the_example(tmp_path: Path) -> None:
    env = _clean_env(tmp_path)
    core = _copy_sources(ROOT, tmp_path / "src-core")
    pack = _copy_sources(PROJECTS["wijkenaanpak"], tmp_path / "src-wijkenaanpak")
    wheels = tmp_path / "wheels"
    pip = (sys.executable, "-m", "pip")
    _run(*pip, "wheel", "-q", "--no-deps", "-w", wheels, core, pack, cwd=tmp_path, env=env)
    built = sorted(p.name for p in wheels.glob("*.whl"))
    assert [re.sub(r"-.*", "", name) for name in built] == ["copharvest", "copharvest_wijkenaanpak"]

    with zipfile.ZipFile(next(wheels.glob("copharvest-*.whl"))) as wheel:
        names = set(wheel.namelist())
    assert "copharvest/templates/booklet.docx" in names
    assert "copharvest/templates/xlsx-theme.xml" in names  # the charts' workbooks
    assert "copharvest/scaffold/plugin/pyproject.toml.tmpl" in names
    assert any(n.endswith(".dist-info/licenses/LICENSE") for n in names)

    venv = tmp_path / "venv"
    _run(sys.executable, "-m", "venv", venv, cwd=tmp_path, env=env)
    python = venv / "bin" / "python"
    # --no-compile: byte-compiling numpy and matplotlib would take half the install's time
    _run(
        python,
        "-m",
        "pip",
        "install",
        "-q",
        "--no-compile",
        *sorted(wheels.glob("*.whl")),
        cwd=tmp_path,
        env=env,
    )

    where = _run(
        python,
        "-c",
        "import copharvest, copharvest_wijkenaanpak; from importlib.metadata import metadata;"
        "print(copharvest.__file__); print(copharvest_wijkenaanpak.__file__);"
        "print(copharvest.__version__); print(metadata('copharvest')['License-Expression'])",
        cwd=tmp_path,
        env=env,
    ).splitlines()
    site_packages = str(venv / "lib")
    assert all(path.startswith(site_packages) for path in where[:2]), where
    assert where[2:] == [_pyproject(ROOT)["project"]["version"], "MIT"]

    copharvest = venv / "bin" / "copharvest"
    assert "wijkenaanpak" in _run(copharvest, "plugins", cwd=tmp_path, env=env)
    out = tmp_path / "harvest.docx"
    example = ROOT / "examples" / "wijkenaanpak-2009-2011"
    _run(copharvest, "build", example, "-o", out, "-q", cwd=tmp_path, env=env)

    import docx

    text = "\n".join(p.text for p in docx.Document(str(out)).paragraphs)
    assert "Samen inspireren, leren en sturen" in text
    # the annex of the pack's insights: its data files came with the wheel
    assert "Consequent werken vanuit de leefwereld van de bewoners" in text
