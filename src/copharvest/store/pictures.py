"""Pictures the records name (the cover, a chapter's picture blocks) are checked alike.

A picture must be a PNG, JPEG or GIF file inside the harvest folder, readable, and of a
size a booklet can carry; the formats strip its metadata when they publish it.
"""

from __future__ import annotations

from pathlib import Path

IMAGE_SIGNATURES = {
    b"\x89PNG\r\n\x1a\n": "PNG",
    b"\xff\xd8\xff": "JPEG",
    b"GIF87a": "GIF",
    b"GIF89a": "GIF",
}
"""The picture formats a picture may have: the ones Word and LibreOffice show."""
MAX_PICTURE_BYTES = 25 * 1024 * 1024
"""The largest picture file: a print-quality photograph is a few megabytes."""
MAX_PICTURE_PIXELS = 60_000_000
"""The most pixels a picture may have (a 60-megapixel camera); more is a mistake or a bomb."""


def picture_problem(root: Path, name: str) -> str | None:
    """Why the picture ``name`` (relative to ``root``) cannot go into a booklet, or none."""
    relative = Path(name)
    if not name.strip() or "\0" in name or relative.is_absolute() or ".." in relative.parts:
        return f"{name!r}: give a path inside the harvest folder"
    path = root / relative
    try:
        if not path.resolve().is_relative_to(root.resolve()):
            return f"{name!r} leads outside the harvest folder"
        if path.is_dir():
            return f"{name!r} is a folder, not a picture"
        if not path.exists():
            return f"{name!r} does not exist in the harvest folder"
        if not path.is_file():
            return f"{name!r} is not a file"
        size = path.stat().st_size
        with path.open("rb") as image:
            head = image.read(8)
    except (OSError, ValueError, RuntimeError) as exc:
        return f"{name!r} cannot be read: {getattr(exc, 'strerror', None) or exc}"
    if not any(head.startswith(signature) for signature in IMAGE_SIGNATURES):
        return f"{name!r} is not a PNG, JPEG or GIF picture"
    if size > MAX_PICTURE_BYTES:
        mb = MAX_PICTURE_BYTES // (1024 * 1024)
        return f"{name!r} holds {size / 1024 / 1024:.1f} MB, more than the {mb} MB a picture may"
    from docx.image.image import Image

    try:
        found = Image.from_file(str(path))
        width, height = found.px_width, found.px_height
    except Exception:  # python-docx raises its own errors for damaged pictures
        width = height = 0
    if not width or not height:
        return f"{name!r} is damaged: its size cannot be read"
    if width * height > MAX_PICTURE_PIXELS:
        return (
            f"{name!r} has {width} × {height} pixels, more than the "
            f"{MAX_PICTURE_PIXELS // 1_000_000} million a picture may have; make it smaller"
        )
    return None
