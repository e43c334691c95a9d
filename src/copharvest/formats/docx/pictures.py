"""Pictures from the records enter a booklet without what rides along inside them.

A photograph carries more than its pixels: EXIF (the camera owner's name, the GPS
position where it was taken), XMP (``dc:creator``), IPTC and comments. A picture is
published as a new file made of its pixels only: turned upright first (the EXIF
orientation, so that a portrait stays a portrait), its colour profile kept (the
colours stay right), everything else left behind. Its file name does not go along
either: the booklet names it ``picture.<type>``.
"""

from __future__ import annotations

import io
from pathlib import Path

from copharvest.formats.base import RenderError

_FORMATS = {"JPEG": "jpeg", "PNG": "png", "GIF": "gif"}


def clean_picture(path: str | Path) -> io.BytesIO:
    """The picture at ``path`` as a new PNG, JPEG or GIF stream without its metadata."""
    from PIL import Image, ImageOps, UnidentifiedImageError

    try:
        with Image.open(path) as original:
            kind = original.format or ""
            if kind not in _FORMATS:
                raise RenderError(f"{path}: a picture must be PNG, JPEG or GIF, not {kind}")
            profile = original.info.get("icc_profile")
            upright = ImageOps.exif_transpose(original)
            upright.load()
            upright.info = {}  # EXIF, XMP, comments: what Pillow would otherwise write
    except (OSError, UnidentifiedImageError, ValueError) as exc:
        reason = str(exc) or type(exc).__name__
        raise RenderError(f"{path}: cannot read the picture: {reason}") from exc
    stream = io.BytesIO()
    options: dict[str, object] = {}
    if profile:
        options["icc_profile"] = profile
    if kind == "PNG":
        options["compress_level"] = 3  # quick: pictures are mostly flat or photographs
    if kind == "JPEG":
        if upright.mode not in ("RGB", "L", "CMYK"):
            upright = upright.convert("RGB")
        options.update(quality=95, subsampling=0, optimize=True)
    upright.save(stream, format=kind, **options)
    stream.seek(0)
    stream.name = f"picture.{_FORMATS[kind]}"
    return stream
