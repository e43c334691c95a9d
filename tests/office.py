"""LibreOffice headless, for tests that check a booklet in a real word processor.

Where ``soffice`` (or ``pdfinfo``) is missing such tests are skipped with the reason,
except in CI (``CI=true``), where a missing word processor is a failure.
"""

from __future__ import annotations

import os
import re
import shutil
import subprocess
import tempfile
from pathlib import Path

import pytest


def require(*tools: str) -> None:
    """Skip (or, in CI, fail) unless every tool is on the PATH."""
    missing = [tool for tool in tools if shutil.which(tool) is None]
    if not missing:
        return
    reason = f"{', '.join(missing)} not installed (Debian: libreoffice-writer-nogui poppler-utils)"
    if os.environ.get("CI") == "true":
        pytest.fail(f"{reason}; CI must install it")
    pytest.skip(reason)


def to_pdf(document: Path, outdir: Path) -> Path:
    """Convert with LibreOffice headless, in a profile of its own (runs may overlap)."""
    require("soffice")
    with tempfile.TemporaryDirectory(prefix="lo-profile-") as profile:
        result = subprocess.run(
            [
                "soffice",
                f"-env:UserInstallation={Path(profile).as_uri()}",
                "--headless",
                "--convert-to",
                "pdf",
                "--outdir",
                str(outdir),
                str(document),
            ],
            capture_output=True,
            text=True,
            timeout=240,
        )
    pdf = outdir / (document.stem + ".pdf")
    assert result.returncode == 0, result.stderr + result.stdout
    assert pdf.exists(), result.stderr + result.stdout
    return pdf


def pages(pdf: Path) -> int:
    """The page count, from pdfinfo."""
    require("pdfinfo")
    info = subprocess.run(["pdfinfo", str(pdf)], capture_output=True, text=True, check=True)
    match = re.search(r"^Pages:\s+(\d+)", info.stdout, flags=re.MULTILINE)
    assert match, info.stdout
    return int(match.group(1))
