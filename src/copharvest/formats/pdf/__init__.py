"""The ``pdf`` output format: the Word booklet, typeset by LibreOffice.

The booklet is rendered as for ``docx`` (same template, same checks) and converted
by LibreOffice headless (:mod:`copharvest.formats.pdf.office`), which updates the
table of contents and every field first and writes a tagged PDF with bookmarks.
LibreOffice is a separate program: it is found through ``COPHARVEST_SOFFICE``, the
PATH, or the usual install folders; without it a PDF build ends with one line that
says how to install it.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import TYPE_CHECKING

from copharvest.formats.base import OutputFormat, RenderOptions
from copharvest.hookspecs import hookimpl

if TYPE_CHECKING:
    from copharvest.views import Harvest

__all__ = ["render"]


def render(harvest: Harvest, options: RenderOptions) -> bytes:
    """The booklet as PDF bytes."""
    from copharvest.formats.docx import render as render_docx
    from copharvest.formats.pdf.office import convert_to_pdf

    document = render_docx(harvest, options)
    options.progress("converting to PDF with LibreOffice")
    return convert_to_pdf(document)


@hookimpl
def register_formats(register: Callable[[OutputFormat], None]) -> None:
    from copharvest.formats.docx import check_template, export_template

    register(
        OutputFormat(
            name="pdf",
            suffix=".pdf",
            render=render,
            title="The harvest booklet as PDF (needs LibreOffice)",
            wants_charts=True,
            export_template=export_template,
            check_template=check_template,
        )
    )
