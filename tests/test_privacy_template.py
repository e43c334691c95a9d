"""A user's template brings its styles, never what is personal: properties, comments,
tracked changes, document variables, custom XML, thumbnail."""

from __future__ import annotations

import io
import zipfile
from pathlib import Path

import docx
import pytest
from click.testing import CliRunner
from lxml import etree

from copharvest.cli import cli
from copharvest.formats.docx import export_template
from copharvest.formats.docx.scrub import scrub
from test_privacy_canary import parts

EXAMPLE = Path(__file__).parent.parent / "examples" / "wijkenaanpak-2009-2011"
W = 'xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main"'
REL = "http://schemas.openxmlformats.org/officeDocument/2006/relationships"
PKG = "http://schemas.openxmlformats.org/package/2006/relationships"
CANARIES = (
    "AUTHORQZXV",
    "DELETEDQZXV",
    "COMMENTQZXV",
    "CUSTOMPROPQZXV",
    "CUSTOMXMLQZXV",
    "COMPANYQZXV",
    "MANAGERQZXV",
    "DOCVARQZXV",
    "THUMBQZXV",
    "DESCRIPTIONQZXV",
)

TRACKED = (
    '<w:p><w:commentRangeStart w:id="7"/>'
    '<w:ins w:id="1" w:author="AUTHORQZXV" w:date="2020-01-01T00:00:00Z">'
    "<w:r><w:t>INSERTEDKEPT</w:t></w:r></w:ins>"
    '<w:del w:id="2" w:author="AUTHORQZXV" w:date="2020-01-01T00:00:00Z">'
    "<w:r><w:delText>DELETEDQZXV</w:delText></w:r></w:del>"
    '<w:r><w:rPr><w:b/><w:rPrChange w:id="3" w:author="AUTHORQZXV"><w:rPr/></w:rPrChange>'
    "</w:rPr><w:t>FORMATKEPT</w:t></w:r>"
    '<w:commentRangeEnd w:id="7"/><w:r><w:commentReference w:id="7"/></w:r></w:p>'
)


def _rel(rid: str, kind: str, target: str) -> str:
    return f'<Relationship Id="{rid}" Type="{kind}" Target="{target}"/>'


def personal_template(path: Path) -> Path:
    """The default template with everything personal a template can carry."""
    source = zipfile.ZipFile(io.BytesIO(export_template()))
    files = {name: source.read(name).decode("utf-8") for name in source.namelist()}
    files["word/document.xml"] = files["word/document.xml"].replace(
        "<w:body>", "<w:body>" + TRACKED, 1
    )
    files["word/comments.xml"] = (
        f'<?xml version="1.0" encoding="UTF-8"?><w:comments {W}>'
        '<w:comment w:id="7" w:author="AUTHORQZXV" w:initials="AQ">'
        "<w:p><w:r><w:t>COMMENTQZXV</w:t></w:r></w:p></w:comment></w:comments>"
    )
    files["word/people.xml"] = (
        '<?xml version="1.0" encoding="UTF-8"?><w15:people xmlns:w15="http://schemas.microsoft'
        '.com/office/word/2012/wordml"><w15:person w15:author="AUTHORQZXV"/></w15:people>'
    )
    files["docProps/custom.xml"] = (
        '<?xml version="1.0" encoding="UTF-8"?><Properties xmlns="http://schemas.openxmlformats'
        '.org/officeDocument/2006/custom-properties" xmlns:vt="http://schemas.openxmlformats.org'
        '/officeDocument/2006/docPropsVTypes"><property fmtid="{D5CDD505-2E9C-101B-9397-'
        '08002B2CF9AE}" pid="2" name="Owner"><vt:lpwstr>CUSTOMPROPQZXV</vt:lpwstr></property>'
        "</Properties>"
    )
    files["customXml/item1.xml"] = "<data><owner>CUSTOMXMLQZXV</owner></data>"
    files["docProps/thumbnail.jpeg"] = "THUMBQZXV"
    files["docProps/app.xml"] = files["docProps/app.xml"].replace(
        "</Properties>", "<Company>COMPANYQZXV</Company><Manager>MANAGERQZXV</Manager></Properties>"
    )
    files["docProps/core.xml"] = files["docProps/core.xml"].replace(
        "</cp:coreProperties>",
        "<dc:description>DESCRIPTIONQZXV</dc:description></cp:coreProperties>",
    )
    files["word/settings.xml"] = files["word/settings.xml"].replace(
        "</w:settings>",
        '<w:docVars><w:docVar w:name="owner" w:val="DOCVARQZXV"/></w:docVars></w:settings>',
    )
    files["word/_rels/document.xml.rels"] = files["word/_rels/document.xml.rels"].replace(
        "</Relationships>",
        _rel("rIdC1", f"{REL}/comments", "comments.xml")
        + _rel(
            "rIdC2", "http://schemas.microsoft.com/office/2011/relationships/people", "people.xml"
        )
        + _rel("rIdC3", f"{REL}/customXml", "../customXml/item1.xml")
        + "</Relationships>",
    )
    files["_rels/.rels"] = files["_rels/.rels"].replace(
        "</Relationships>",
        _rel("rIdP1", f"{REL}/custom-properties", "docProps/custom.xml")
        + _rel("rIdP2", f"{PKG}/metadata/thumbnail", "docProps/thumbnail.jpeg")
        + "</Relationships>",
    )
    files["[Content_Types].xml"] = files["[Content_Types].xml"].replace(
        "</Types>",
        '<Override PartName="/word/comments.xml" ContentType="application/vnd.openxmlformats-'
        'officedocument.wordprocessingml.comments+xml"/>'
        '<Override PartName="/docProps/custom.xml" ContentType="application/vnd.openxmlformats-'
        'officedocument.custom-properties+xml"/>'
        '<Default Extension="jpeg" ContentType="image/jpeg"/></Types>',
    )
    with zipfile.ZipFile(path, "w", zipfile.ZIP_DEFLATED) as out:
        for name, text in files.items():
            out.writestr(name, text)
    return path


@pytest.fixture(scope="module")
def built(tmp_path_factory: pytest.TempPathFactory) -> tuple[bytes, str]:
    folder = tmp_path_factory.mktemp("template")
    template = personal_template(folder / "mine.docx")
    out = folder / "out.docx"
    result = CliRunner().invoke(
        cli, ["build", str(EXAMPLE), "--template", str(template), "-o", str(out), "--no-charts"]
    )
    assert result.exit_code == 0, result.output
    return out.read_bytes(), result.stderr


def test_nothing_personal_of_the_template_is_published(built: tuple[bytes, str]) -> None:
    data, _ = built
    blobs = parts(data)
    for canary in CANARIES:
        assert not [b for b in blobs if canary.encode() in b], canary
    names = zipfile.ZipFile(io.BytesIO(data)).namelist()
    assert not [n for n in names if "comments" in n or "customXml" in n or "thumbnail" in n]
    assert "docProps/custom.xml" not in names
    assert "word/people.xml" not in names


def test_insertions_are_kept_and_the_booklet_is_sound(built: tuple[bytes, str]) -> None:
    data, _ = built
    z = zipfile.ZipFile(io.BytesIO(data))
    for name in z.namelist():
        if name.endswith((".xml", ".rels")):
            etree.fromstring(z.read(name))
    document = z.read("word/document.xml")
    assert b"INSERTEDKEPT" in document
    assert b"FORMATKEPT" in document
    for mark in (b"<w:ins ", b"<w:del ", b"rPrChange", b"commentRange", b"commentReference"):
        assert mark not in document
    text = "\n".join(p.text for p in docx.Document(io.BytesIO(data)).paragraphs)
    assert "INSERTEDKEPT" in text
    # every relationship points at a part that is there
    for name in [n for n in z.namelist() if n.endswith(".rels")]:
        assert b"comments.xml" not in z.read(name)
        assert b"custom.xml" not in z.read(name)


def test_building_says_in_one_line_what_it_dropped(built: tuple[bytes, str]) -> None:
    _, stderr = built
    lines = [line for line in stderr.splitlines() if "dropped from the template" in line]
    assert len(lines) == 1
    (line,) = lines
    assert line.startswith("warning: ")
    for kind in (
        "application properties",
        "custom document properties",
        "custom XML",
        "thumbnail",
        "comments",
        "document variables",
        "tracked changes",
    ):
        assert kind in line


def test_the_default_booklet_passes_unchanged(tmp_path: Path) -> None:
    out = tmp_path / "b.docx"
    result = CliRunner().invoke(cli, ["build", str(EXAMPLE), "-o", str(out), "--no-charts"])
    assert result.exit_code == 0, result.output
    assert "dropped" not in result.stderr
    z = zipfile.ZipFile(out)
    members = {name: z.read(name) for name in z.namelist()}
    kept, kinds = scrub(dict(members))
    assert kinds == []
    assert kept == members
