"""A chapter's content in the booklet: the pictures and charts it embeds, and whether a
template made before chapters had blocks would print it otherwise than laid out."""

from __future__ import annotations

import io
import re
from typing import TYPE_CHECKING, Any

from copharvest.formats.base import RenderError, RenderOptions

if TYPE_CHECKING:
    from collections.abc import Sequence

    from copharvest.formats.docx.gridtable import GridTables
    from copharvest.views import ContentBlock, Harvest

OLD_TEMPLATE = (
    "{name}: this template was made before chapters had blocks and ignores them: it prints "
    "each chapter's records by kind, without the editor's order, box titles, figures, "
    "pictures, readings or part introductions; export the default template again "
    "('copharvest template export') or loop over chapter.content (docs/templates.md)"
)
"""The one-line warning for a template that never uses a chapter's ``content``."""
_USES_CONTENT = re.compile(r"\{[{%][^{}]*?\.content\b")
_XML_TAG = re.compile(r"<[^>]*>")


def _rank(piece: ContentBlock) -> int | None:
    """Where a template that prints a chapter by kind puts ``piece`` (narrative, quotes,
    lessons, tips, insights, tables); none when it cannot print it as it stands."""
    from copharvest.views import BoxBlock

    if not isinstance(piece, BoxBlock):
        return {"passage": 0, "quote": 1, "table": 5}.get(piece.kind)
    kinds = {lesson.kind for lesson in piece.lessons} | ({"tip"} if piece.tips else set())
    if piece.titled or piece.text or len(kinds) != 1:
        return None
    return {"lesson": 2, "tip": 3, "insight": 4}[kinds.pop()]


def _beyond_old_templates(content: Sequence[ContentBlock]) -> bool:
    """Whether a template that prints a chapter by kind would print ``content`` otherwise:
    in another order, or without some of it (a box's title or passage, a figure, ...)."""
    last = 0
    for piece in content:
        rank = _rank(piece)
        if rank is None or rank < last:
            return True
        last = rank
    return False


def ignores_layout(harvest: Harvest, template: bytes) -> bool:
    """Whether ``template`` was made before chapters had blocks and would print this
    harvest otherwise than the editor laid it out."""
    if _loops_over_content(template):
        return False
    return any(part.intro for part in harvest.parts) or any(
        _beyond_old_templates(chapter.content)
        for part in harvest.parts
        for chapter in part.chapters
    )


def _loops_over_content(template: bytes) -> bool:
    """Whether the template's document uses ``content`` (the chapters' blocks)."""
    import zipfile

    try:
        with zipfile.ZipFile(io.BytesIO(template)) as archive:
            xml = archive.read("word/document.xml").decode("utf-8", "replace")
    except (KeyError, zipfile.BadZipFile):
        return False
    return _USES_CONTENT.search(_XML_TAG.sub("", xml)) is not None


def place_pictures(
    context: dict[str, Any], part: Any, options: RenderOptions, grids: GridTables
) -> None:
    """Give each figure and picture of the chapters' content its image; a picture that
    has no folder to be found in is left out."""
    from docx.shared import Mm

    from copharvest.formats.docx.pictures import clean_picture
    from copharvest.formats.docx.renderer import _cover_width_mm, _picture, chart_image

    for part_view in context["parts"]:
        for chapter in part_view["chapters"]:
            kept = []
            for piece in chapter["content"]:
                chart = piece.get("chart") if piece["kind"] == "figure" else None
                if chart:
                    chart["image"] = chart_image(part, chart, grids)
                elif piece["kind"] == "picture":
                    if options.folder is None:
                        continue
                    picture = clean_picture(_inside(options.folder, piece["picture"]["path"]))
                    width = Mm(_cover_width_mm(picture))
                    alt = piece["picture"]["alt_text"]
                    piece["picture"]["image"] = _picture(
                        part, picture, width, piece["caption"], alt
                    )
                kept.append(piece)
            chapter["content"] = kept


def _inside(folder: Any, relative: str) -> str:
    """The path of a picture of the harvest folder; one outside it is refused."""
    from pathlib import Path

    root = Path(folder).resolve()
    path = (root / relative).resolve()
    if not path.is_relative_to(root):
        raise RenderError(f"{relative}: a picture must be inside the harvest folder")
    return str(path)
