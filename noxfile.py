"""Development sessions: ``nox -s tests lint typecheck examples``."""

from __future__ import annotations

import pathlib

import nox

nox.options.sessions = ["tests", "lint", "typecheck", "examples"]
nox.options.default_venv_backend = "venv"
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
    """Install the example plugins, then check and build every example harvest."""
    session.install("-e", ".", "-e", "plugins/wijkenaanpak", "-e", "examples/youth-care/plugin")
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
