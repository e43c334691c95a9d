"""LibreOffice headless: find it, and convert a .docx to PDF with its fields updated.

Each conversion runs a LibreOffice of its own, in a new temporary profile, so that it
neither disturbs nor depends on a LibreOffice the user has open, and it is stopped
(with everything it started) when it takes longer than the time limit. A small
Python macro in that profile opens the booklet hidden, updates every index (the table
of contents gets its page numbers) and field, and exports a tagged PDF with
bookmarks for the headings; the document's title and language go along.
"""

from __future__ import annotations

import contextlib
import os
import shutil
import signal
import subprocess
import sys
from collections.abc import Mapping
from pathlib import Path

from copharvest.formats.base import RenderError
from copharvest.tempdirs import temporary_directory

SOFFICE_ENV = "COPHARVEST_SOFFICE"
"""The LibreOffice program to use (``soffice``), when it is not found by itself."""
TIMEOUT_ENV = "COPHARVEST_SOFFICE_TIMEOUT"
"""Seconds a conversion may take (default :data:`DEFAULT_TIMEOUT`)."""
DEFAULT_TIMEOUT = 120.0

_INSTALL_HINT = (
    "LibreOffice is needed for PDF output and was not found; install it "
    "(Debian/Ubuntu: apt install libreoffice-writer; macOS: brew install --cask "
    "libreoffice; Windows: from libreoffice.org), or set COPHARVEST_SOFFICE to its "
    "soffice program"
)
_USUAL_PLACES = (
    "/Applications/LibreOffice.app/Contents/MacOS/soffice",
    r"C:\Program Files\LibreOffice\program\soffice.exe",
    r"C:\Program Files (x86)\LibreOffice\program\soffice.exe",
    "/opt/libreoffice/program/soffice",
    "/usr/lib/libreoffice/program/soffice",
)

MACRO = '''\
"""copharvest's conversion macro: run by LibreOffice inside its own profile."""
import os
import traceback

import uno
from com.sun.star.beans import PropertyValue


def _properties(**values):
    result = []
    for name, value in values.items():
        item = PropertyValue()
        item.Name = name
        item.Value = value
        result.append(item)
    return tuple(result)


def convert(*args):
    try:
        desktop = XSCRIPTCONTEXT.getDesktop()
        document = desktop.loadComponentFromURL(
            os.environ["COPHARVEST_SOURCE"], "_blank", 0, _properties(Hidden=True)
        )
        try:
            indexes = document.getDocumentIndexes()
            for number in range(indexes.getCount()):
                indexes.getByIndex(number).update()
            document.getTextFields().refresh()
            document.refresh()
            options = uno.Any(
                "[]com.sun.star.beans.PropertyValue",
                _properties(
                    UseTaggedPDF=True,
                    ExportBookmarks=True,
                    ExportNotes=False,
                    UseTransitionEffects=False,
                    # the blank left-hand pages before a part that starts on the
                    # right: printed pages and page numbers stay in step
                    IsSkipEmptyPages=False,
                ),
            )
            document.storeToURL(
                os.environ["COPHARVEST_TARGET"],
                _properties(FilterName="writer_pdf_Export", FilterData=options),
            )
        finally:
            document.close(True)
    except Exception:
        with open(os.environ["COPHARVEST_ERROR"], "w", encoding="utf-8") as report:
            report.write(traceback.format_exc())
'''


def find_soffice() -> str | None:
    """The LibreOffice program: ``COPHARVEST_SOFFICE``, then the PATH, then the usual
    install folders of macOS, Windows and Linux."""
    chosen = os.environ.get(SOFFICE_ENV, "").strip()
    if chosen:
        return chosen if Path(chosen).is_file() else shutil.which(chosen)
    for name in ("soffice", "libreoffice"):
        found = shutil.which(name)
        if found:
            return found
    for place in _USUAL_PLACES:
        if Path(place).is_file():
            return place
    return None


def timeout_seconds() -> float:
    """The time limit of one conversion: ``COPHARVEST_SOFFICE_TIMEOUT`` or the default."""
    raw = os.environ.get(TIMEOUT_ENV, "").strip()
    try:
        value = float(raw) if raw else DEFAULT_TIMEOUT
    except ValueError:
        raise RenderError(f"{TIMEOUT_ENV}={raw!r}: not a number of seconds") from None
    if not 0 < value < float("inf"):
        raise RenderError(f"{TIMEOUT_ENV}={raw!r}: must be a positive number of seconds")
    return value


_PYTHON_VARIABLES = (
    "PYTHONHOME",
    "PYTHONPATH",
    "PYTHONEXECUTABLE",
    "PYTHONSTARTUP",
    "VIRTUAL_ENV",
    "__PYVENV_LAUNCHER__",
)


def office_environment(environ: Mapping[str, str]) -> dict[str, str]:
    """The environment LibreOffice runs in: ours, without what points its own Python
    at another one.

    LibreOffice runs the conversion macro in the Python it was built with. A virtual
    environment's ``bin`` folder first on the PATH (an activated venv, or the one a test
    runner made) leads that Python to the venv's ``pyvenv.cfg`` and so to another
    Python's standard library, and LibreOffice aborts. Such folders, a conda
    environment's, and the variables that steer Python are left out.
    """
    env = {k: v for k, v in environ.items() if k not in _PYTHON_VARIABLES}
    conda = environ.get("CONDA_PREFIX")
    kept = []
    for entry in environ.get("PATH", "").split(os.pathsep):
        if not entry:
            continue
        folder = Path(entry)
        if (folder.parent / "pyvenv.cfg").is_file():
            continue
        if conda and folder.resolve() == (Path(conda) / "bin").resolve():
            continue
        kept.append(entry)
    env["PATH"] = os.pathsep.join(kept)
    return env


class _Crashed(RenderError):
    """LibreOffice ended on a signal (it aborted or crashed), not with an answer."""


CRASH_TRIES = 2
"""How often a conversion is tried when LibreOffice crashes: now and then a headless
LibreOffice aborts while it starts, which says nothing about the booklet."""


def convert_to_pdf(document: bytes) -> bytes:
    """The PDF LibreOffice makes of ``document`` (.docx bytes), fields updated.

    A LibreOffice that crashes is tried once more, in a new profile; a second crash,
    a time-out or an error of the conversion itself ends the build."""
    soffice = find_soffice()
    if soffice is None:
        raise RenderError(_INSTALL_HINT)
    limit = timeout_seconds()
    for attempt in range(1, CRASH_TRIES + 1):
        try:
            return _convert(soffice, document, limit)
        except _Crashed:
            if attempt == CRASH_TRIES:
                raise
    raise AssertionError("unreachable")  # pragma: no cover


def _convert(soffice: str, document: bytes, limit: float) -> bytes:
    with temporary_directory("copharvest-pdf-") as work:
        profile = work / "profile"
        scripts = profile / "user" / "Scripts" / "python"
        scripts.mkdir(parents=True)
        (scripts / "copharvest_pdf.py").write_text(MACRO, encoding="utf-8")
        source, target, error = work / "booklet.docx", work / "booklet.pdf", work / "error.txt"
        source.write_bytes(document)
        env = {
            **office_environment(os.environ),
            "COPHARVEST_SOURCE": source.as_uri(),
            "COPHARVEST_TARGET": target.as_uri(),
            "COPHARVEST_ERROR": str(error),
        }
        command = [
            soffice,
            f"-env:UserInstallation={profile.as_uri()}",
            "--headless",
            "--invisible",
            "--norestore",
            "--nologo",
            "--nodefault",
            "vnd.sun.star.script:copharvest_pdf.py$convert?language=Python&location=user",
        ]
        _run(command, env, limit)
        if error.exists():
            last = error.read_text(encoding="utf-8").strip().splitlines()[-1:]
            raise RenderError(f"LibreOffice could not convert the booklet: {''.join(last)}")
        if not target.is_file() or target.stat().st_size == 0:
            raise RenderError(
                "LibreOffice made no PDF; is its Python scripting installed "
                "(Debian: libreoffice-script-provider-python)?"
            )
        return target.read_bytes()


def _run(command: list[str], env: dict[str, str], limit: float) -> None:
    """Run LibreOffice; stop it and everything it started when it takes too long."""
    options: dict[str, object] = {}
    if sys.platform == "win32":
        options["creationflags"] = subprocess.CREATE_NEW_PROCESS_GROUP  # type: ignore[attr-defined]
    else:
        options["start_new_session"] = True
    try:
        process = subprocess.Popen(
            command,
            env=env,
            stdin=subprocess.DEVNULL,
            stdout=subprocess.DEVNULL,
            stderr=subprocess.PIPE,
            **options,  # type: ignore[call-overload]
        )
    except OSError as exc:
        raise RenderError(f"{command[0]}: cannot start LibreOffice: {exc.strerror}") from exc
    with process:
        try:
            _, err = process.communicate(timeout=limit)
        except subprocess.TimeoutExpired:
            _stop(process)
            raise RenderError(
                f"LibreOffice took longer than {limit:g} s to convert the booklet and was "
                f"stopped (set {TIMEOUT_ENV} to allow more)"
            ) from None
        except BaseException:
            _stop(process)
            raise
    if process.returncode != 0:
        lines = [line for line in err.decode("utf-8", "replace").splitlines() if line.strip()]
        detail = f": {lines[-1]}" if lines else ""
        # a negative status is a signal; 128 + n is how a shell-started program reports one
        crashed = process.returncode < 0 or process.returncode > 128
        kind = _Crashed if crashed else RenderError
        raise kind(f"LibreOffice failed (exit status {process.returncode}){detail}")


def _stop(process: subprocess.Popen[bytes]) -> None:
    if sys.platform == "win32":
        process.kill()
    else:
        with contextlib.suppress(ProcessLookupError, PermissionError):
            os.killpg(process.pid, signal.SIGKILL)
    process.wait()
