"""Development sessions: ``nox -s tests lint typecheck examples``."""

from __future__ import annotations

import pathlib

import nox

nox.options.sessions = ["tests", "lint", "typecheck", "examples"]
nox.options.reuse_existing_virtualenvs = True

ROOT = pathlib.Path(__file__).parent
PYPROJECT = nox.project.load_toml("pyproject.toml")


def _install(session: nox.Session, *groups: str) -> None:
    for group in groups:
        session.install(*nox.project.dependency_groups(PYPROJECT, group))


@nox.session
def tests(session: nox.Session) -> None:
    """Run the whole test suite."""
    session.install("-e", ".")
    _install(session, "test")
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
def examples(session: nox.Session) -> None:
    """Check and build every example harvest folder."""
    session.install("-e", ".")
    out = ROOT / "out"
    out.mkdir(exist_ok=True)
    for folder in sorted((ROOT / "examples").iterdir()):
        if (folder / "community.yaml").exists():
            session.run("copharvest", "check", str(folder))
