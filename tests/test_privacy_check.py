"""What ``check`` says about privacy: public text naming a member without consent, and
``check --privacy`` (attributions and their k, what is merged, what rides along)."""

from __future__ import annotations

import shutil
from pathlib import Path

import attrs
from click.testing import CliRunner, Result

import copharvest
from copharvest.cli import cli
from test_picture_privacy import _photograph
from test_privacy_attribution import expected_attribution
from test_privacy_template import personal_template

EXAMPLE = Path(__file__).parent.parent / "examples" / "wijkenaanpak-2009-2011"


def _run(*args: object) -> Result:
    return CliRunner().invoke(cli, [str(a) for a in args])


def test_public_text_naming_a_member_without_consent_is_warned(tmp_path: Path) -> None:
    folder = tmp_path / "h"
    shutil.copytree(EXAMPLE, folder)
    quotes = folder / "quotes.yaml"
    lines = quotes.read_text(encoding="utf-8").splitlines(keepends=True)
    # the first quote's text gets the name of a member who did not consent
    at = next(i for i, line in enumerate(lines) if line.startswith("  text: >-"))
    lines[at + 1] = "    Nicole Kerkebuurt zei:" + lines[at + 1][3:]
    quotes.write_text("".join(lines), encoding="utf-8")
    result = _run("check", folder)
    assert result.exit_code == 0, result.output
    warnings = [line for line in result.stderr.splitlines() if "did not consent" in line]
    assert warnings == [
        f"warning: quotes.yaml:{at + 1}: $[0].text: public text names 'nicole-kerkebuurt', "
        "who did not consent to be named"
    ]
    # off-record text may name anyone
    lines[at:at] = ["  visibility: off_record\n"]
    quotes.write_text("".join(lines), encoding="utf-8")
    assert "did not consent" not in _run("check", folder).stderr
    assert "did not consent" not in _run("check", EXAMPLE).stderr


def test_check_privacy_shows_each_attribution_and_its_k() -> None:
    result = _run("check", "--privacy", EXAMPLE)
    assert result.exit_code == 0, result.output
    c = copharvest.load(EXAMPLE)
    names = {o.id: o.name for o in c.organisations}
    hidden = [m for m in c.members if not m.consent]
    for m in hidden:
        expected = expected_attribution(c, m, 3, names)
        (line,) = [x for x in result.stdout.splitlines() if x.startswith(f"  {m.id}: ")]
        assert f"{expected!r} (organisation, shared by " in line
    assert "organisation 'deventer': 2 people" in result.stdout
    assert "Nicole Kerkebuurt" not in result.stdout
    bigger = _run("check", "--privacy", "--min-group-size", "5", EXAMPLE).stdout
    assert "min_group_size 5" in bigger


def test_check_privacy_shows_what_the_cover_and_template_carry(tmp_path: Path) -> None:
    folder = tmp_path / "h"
    shutil.copytree(EXAMPLE, folder)
    _photograph(folder / "cover.jpg", "JPEG")
    c = copharvest.load(folder)
    copharvest.save(attrs.evolve(c, cover_image="cover.jpg"), folder)
    template = personal_template(tmp_path / "mine.docx")
    out = _run("check", "--privacy", "--template", template, folder).stdout
    (cover,) = [line for line in out.splitlines() if "cover picture" in line]
    assert "EXIF" in cover
    assert "GPS" in cover
    assert "XMP" in cover
    (line,) = [x for x in out.splitlines() if "template mine.docx" in x]
    for kind in ("description", "company", "comments", "tracked changes", "custom XML"):
        assert kind in line
