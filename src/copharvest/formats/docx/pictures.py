"""Pictures from the records enter a booklet without what rides along inside them.

A photograph carries more than its pixels: EXIF (the camera owner's name, the GPS
position where it was taken), XMP (``dc:creator``), IPTC and comments. A picture is
published as a new file made of its pixels only: turned upright first (the EXIF
orientation, so that a portrait stays a portrait), its colour profile kept (the
colours stay right), everything else left behind. Its file name does not go along
either: the booklet names it ``picture.<type>``.
"""

from __future__ import annotations

import hashlib
import io
from pathlib import Path

from copharvest.formats.base import RenderError

_FORMATS = {"JPEG": "jpeg", "PNG": "png", "GIF": "gif"}
_DRAWN: set[bytes] = set()
"""Digests of the PNG files this process drew itself (the booklet's charts)."""


def drawn(data: bytes) -> None:
    """Note ``data`` as a PNG this process drew: pixels only, exactly as
    :func:`clean_picture` would write them, so it enters a booklet as it is (decoding
    and encoding a chart again took a tenth of a second)."""
    _DRAWN.add(hashlib.sha256(data).digest())


def clean_picture(path: str | Path) -> io.BytesIO:
    """The picture at ``path`` as a new PNG, JPEG or GIF stream without its metadata."""
    if _DRAWN:
        try:
            data = Path(path).read_bytes()
        except OSError:
            data = b""
        if hashlib.sha256(data).digest() in _DRAWN:
            stream = io.BytesIO(data)
            stream.name = "picture.png"
            return stream
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
