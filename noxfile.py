"""Development sessions. CI and the README run ``nox -s lint typecheck docs tests``.

Every session installs from the package index only, through pip and its cache.
"""

from __future__ import annotations

import pathlib

import nox

nox.needs_version = ">=2025.2.9"  # nox.project.dependency_groups
nox.options.sessions = ["lint", "typecheck", "docs", "tests", "examples"]
nox.options.default_venv_backend = "venv"
nox.options.reuse_existing_virtualenvs = True

ROOT = pathlib.Path(__file__).parent
PYPROJECT = nox.project.load_toml("pyproject.toml")
# The core and the two plugins of the repository, as the tests use them.
PROJECTS = ("-e", ".", "-e", "plugins/wijkenaanpak", "-e", "examples/youth-care/plugin")
# The libraries whose private corners the booklet touches: `newest` tests past their bounds.
NEWEST = ("docxtpl", "python-docx", "openpyxl")


def _install(session: nox.Session, *groups: str) -> None:
    for group in groups:
        session.install(*nox.project.dependency_groups(PYPROJECT, group))


@nox.session
def tests(session: nox.Session) -> None:
    """Run the whole test suite (LibreOffice tests included where soffice is installed)."""
    session.install(*PROJECTS)
    _install(session, "test")
    session.run("pytest", "-n", "auto", *session.posargs)


@nox.session
def newest(session: nox.Session) -> None:
    """The whole test suite against the newest docxtpl, python-docx and openpyxl."""
    session.install(*PROJECTS)
    _install(session, "test")
    # Past the upper bounds on purpose: pip says the versions conflict, and installs them.
    session.install("--upgrade", *NEWEST)
    session.run("python", "-m", "pip", "list", "--format=freeze", silent=False)
    session.run("pytest", "-n", "auto", *session.posargs)


@nox.session
def lint(session: nox.Session) -> None:
    """ruff check and ruff format --check."""
    _install(session, "lint")
    session.run("ruff", "check", ".")
    session.run("ruff", "format", "--check", ".")


@nox.session
def typecheck(session: nox.Session) -> None:
    """mypy --strict on src/."""
    session.install("-e", ".")
    _install(session, "typecheck")
    session.run("mypy", "--strict", "src/copharvest")


@nox.session
def docs(session: nox.Session) -> None:
    """The documentation site, with its API reference, built with --strict into out/site."""
    _install(session, "docs")
    build = ("mkdocs", "build", "--strict", *session.posargs)
    session.run(*build, env={"NO_MKDOCS_2_WARNING": "1"})


@nox.session
def examples(session: nox.Session) -> None:
    """Install the example plugins, then check and build every example harvest."""
    session.install(*PROJECTS)
    out = ROOT / "out"
    out.mkdir(exist_ok=True)
    folders = sorted(p.parent for p in (ROOT / "examples").glob("**/community.yaml"))
    for folder in folders:
        name = folder.relative_to(ROOT / "examples").as_posix().replace("/", "-")
        session.run("copharvest", "check", str(folder))
        for fmt, suffix in (("docx", ".docx"), ("markdown", ".md"), ("json", ".json")):
            session.run(
                "copharvest",
                "build",
                str(folder),
                "-q",
                "-f",
                fmt,
                "-o",
                str(out / f"{name}{suffix}"),
            )
