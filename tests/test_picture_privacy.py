"""A cover picture goes into the booklet without its metadata, upright, colours kept."""

from __future__ import annotations

import io
import shutil
import zipfile
from pathlib import Path

import pytest
from click.testing import CliRunner
from PIL import Image, ImageCms

from conftest import SCAFFOLD
from copharvest.cli import cli

XMP = (
    b'<?xpacket begin="" id="W5M0MpCehiHzreSzNTczkc9d"?>'
    b'<x:xmpmeta xmlns:x="adobe:ns:meta/"><rdf:RDF '
    b'xmlns:rdf="http://www.w3.org/1999/02/22-rdf-syntax-ns#">'
    b'<rdf:Description xmlns:dc="http://purl.org/dc/elements/1.1/">'
    b"<dc:creator>Xmp Creatorname</dc:creator></rdf:Description></rdf:RDF></x:xmpmeta>"
    b'<?xpacket end="w"?>'
)


def _photograph(path: Path, kind: str) -> None:
    """A 60 x 30 picture that says it must be turned (EXIF orientation 6), with an
    artist, a GPS position, an XMP creator, a comment and an sRGB colour profile."""
    picture = Image.new("RGB", (60, 30), "steelblue")
    exif = Image.Exif()
    exif[0x013B] = "Exif Artistname"  # Artist
    exif[0x0112] = 6  # turn 90 degrees clockwise to show
    exif[0x9C9D] = "Xp Authorname".encode("utf-16-le")  # XPAuthor
    gps = exif.get_ifd(0x8825)
    gps[1], gps[2] = "N", (52.0, 5.0, 30.0)
    profile = ImageCms.ImageCmsProfile(ImageCms.createProfile("sRGB")).tobytes()
    if kind == "JPEG":
        picture.save(
            path, "JPEG", exif=exif, comment=b"Jpeg Commentname", icc_profile=profile, xmp=XMP
        )
    else:
        from PIL import PngImagePlugin

        info = PngImagePlugin.PngInfo()
        info.add_text("Author", "Png Authorname")
        info.add_itxt("XML:com.adobe.xmp", XMP.decode())
        picture.save(path, "PNG", exif=exif, pnginfo=info, icc_profile=profile)


SECRETS = [b"Artistname", b"Authorname", b"Creatorname", b"Commentname"]


@pytest.mark.parametrize(("kind", "name"), [("JPEG", "cover.jpg"), ("PNG", "omslag.png")])
def test_the_cover_picture_is_published_without_its_metadata(
    tmp_path: Path, kind: str, name: str
) -> None:
    folder = tmp_path / "cop"
    shutil.copytree(SCAFFOLD, folder)
    _photograph(folder / name, kind)
    original = (folder / name).read_bytes()
    assert b"Artistname" in original  # the control: the secrets are there to leave behind
    assert b"Creatorname" in original
    with Image.open(folder / name) as source:
        assert source.getexif().get_ifd(0x8825)  # and a GPS position
    with (folder / "community.yaml").open("a", encoding="utf-8") as handle:
        handle.write(f"cover_image: {name}\n")
    out = tmp_path / "b.docx"
    result = CliRunner().invoke(cli, ["build", str(folder), "-o", str(out), "-q", "--no-charts"])
    assert result.exit_code == 0, result.output
    with zipfile.ZipFile(out) as archive:
        media = [n for n in archive.namelist() if n.startswith("word/media/")]
        assert len(media) == 1
        data = archive.read(media[0])
        everything = b"".join(archive.read(n) for n in archive.namelist())
    for secret in [*SECRETS, "Authorname".encode("utf-16-le")]:
        assert secret not in data, secret
    assert name.encode() not in everything  # the file's own name stays home
    published = Image.open(io.BytesIO(data))
    assert published.size == (30, 60)  # turned upright
    assert published.info.get("icc_profile")  # the colours are kept
    assert len(published.getexif()) == 0  # no EXIF at all: no GPS, no orientation left
