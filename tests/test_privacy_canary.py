"""No publication carries a member who did not consent, whatever plugins do.

Random harvests (visibility, consent, roles, organisations, periods) whose members have
canary names and ids of random letters go through every format but pdf, the render
context and the metrics output, for both audiences, with a plugin that echoes every id
and name it can see through every hook. Every part of a .docx is searched, decompressed.
"""

from __future__ import annotations

import datetime as dt
import io
import json
import zipfile
from pathlib import Path
from typing import Any

import attrs
import pytest
from click.testing import CliRunner
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

import copharvest
from copharvest.analysis import HealthCheck as Check
from copharvest.analysis import MetricSpec
from copharvest.cli import cli
from copharvest.formats.base import OutputFormat
from copharvest.formats.docx import render_context
from copharvest.health import Finding
from copharvest.hookspecs import hookimpl
from copharvest.model import (
    Chapter,
    Community,
    Member,
    Organisation,
    Passage,
    Period,
    ProgrammeItem,
    Quote,
    Reading,
    Session,
    Settings,
    Visibility,
    WorkForm,
)
from copharvest.pipeline import BuildError, prepare, render
from copharvest.plugins import get_plugins
from copharvest.privacy import Audience
from copharvest.views import Harvest, QuoteView

START = dt.date(2021, 1, 1)
LETTERS = "bcdfghjklmnpqrstvwxz"  # no vowels: a canary never spells a word


def _people(c: Community) -> list[str]:
    return [x for m in c.members for x in (m.id, m.name)]


class Echo:
    """Echoes every id and name it sees, through every hook."""

    @hookimpl
    def register_metrics(self, register: Any) -> None:
        register(MetricSpec(name="echo", compute=lambda c, cont, p: _people(c), plugin="echo"))

    @hookimpl
    def register_health_checks(self, register: Any) -> None:
        def evaluate(c: Community, cont: Any, p: Any) -> Finding:
            people = " ".join(_people(c))
            return Finding(lesson="echo:x", title=people, status="ok", evidence={"p": people})

        register(Check(name="echo:people", title={"en": "Echo"}, evaluate=evaluate))

    @hookimpl
    def adjust_harvest(self, harvest: Harvest, pack: Any) -> Harvest:
        seen = json.dumps(harvest.metrics, ensure_ascii=False)
        quote = QuoteView(text=seen, speaker=seen, attribution=seen, guest=False, session="")
        return attrs.evolve(harvest, loose_quotes=(*harvest.loose_quotes, quote))

    @hookimpl
    def register_formats(self, register: Any) -> None:
        def echo(harvest: Harvest, options: Any) -> bytes:
            return json.dumps(attrs.asdict(harvest), default=str, ensure_ascii=False).encode()

        register(OutputFormat(name="echo", suffix=".echo", render=echo, plugin="echo"))


def _canary(draw: st.DrawFn) -> str:
    return draw(st.text(LETTERS, min_size=10, max_size=12))


@st.composite
def harvests(draw: st.DrawFn) -> Community:
    vis = st.sampled_from(list(Visibility))
    orgs = tuple(Organisation(id=f"org{i}", name=f"Org {i}", level="city") for i in range(3))
    n_sessions = draw(st.integers(1, 4))
    days = [START + dt.timedelta(days=45 * t) for t in range(n_sessions)]
    members = []
    used: set[str] = set()
    for _ in range(draw(st.integers(1, 8))):
        mid, name = _canary(draw), _canary(draw).title() + " " + _canary(draw).title()
        if mid in used:
            continue
        used.add(mid)
        members.append(
            Member(
                id=mid,
                name=name,
                organisation=draw(st.none() | st.sampled_from([o.id for o in orgs])),
                role=draw(st.none() | st.sampled_from(["lead", "adviser"])),
                joined=draw(st.none() | st.sampled_from(days)),
                consent=draw(st.booleans()),
            )
        )
    sessions = tuple(
        Session(
            id=f"s{t}",
            start=day,
            attendance=tuple(
                m.id
                for m in members
                if (m.joined is None or m.joined <= day) and draw(st.booleans())
            ),
            programme=(
                ProgrammeItem(title=f"item {t}", form=WorkForm.CASE_CLINIC, visibility=draw(vis)),
            ),
            notes=(Passage(text=f"notes {t}", visibility=draw(vis)),),
        )
        for t, day in enumerate(days)
    )
    return Community(
        name="Canary",
        period=Period(start=START),
        organisations=orgs,
        members=tuple(members),
        sessions=sessions,
        chapters=(Chapter(id="c", part=1, title="Chapter", body=(Passage(text="CONTROLTEXT"),)),),
        quotes=tuple(
            Quote(text=f"said by {i}", speaker=m.id, chapter="c", visibility=draw(vis))
            for i, m in enumerate(members)
        ),
        readings=(Reading(id="r", title="Book", presented_by=tuple(m.id for m in members)),),
        settings=Settings(min_group_size=draw(st.integers(1, 4))),
    )


def parts(data: bytes) -> list[bytes]:
    """The publication and, for a zip, every part decompressed (nested zips too)."""
    out = [data]
    if data[:2] == b"PK":
        with zipfile.ZipFile(io.BytesIO(data)) as z:
            for info in z.infolist():
                out.append(info.filename.encode())
                out.extend(parts(z.read(info)))
    return out


def assert_clean(data: bytes, c: Community, where: str) -> None:
    hidden = [m for m in c.members if not m.consent]
    for blob in parts(data):
        for m in hidden:
            for term in (m.id, m.name):
                for encoded in (term.encode(), term.encode("utf-16-le")):
                    assert encoded not in blob, (where, term)


PLUGINS = get_plugins(entry_points_group=None, extra=[("echo", Echo())])
FORMATS = ("docx", "markdown", "json", "echo")


@settings(max_examples=12, deadline=None, suppress_health_check=list(HealthCheck))
@given(harvests())
def test_no_publication_carries_a_member_without_consent(c: Community) -> None:
    for audience in Audience:
        for fmt in FORMATS:
            data, _ = render(c, PLUGINS, format_name=fmt, audience=audience, charts=False)
            assert_clean(data, c, f"{fmt}/{audience}")
            if fmt == "docx":  # no hidden text either
                for blob in parts(data):
                    assert b"<w:vanish" not in blob
                    assert b"<w:specVanish" not in blob
            # control: the public text is there (the echo format writes escaped JSON)
            if fmt != "docx":
                assert b"CONTROLTEXT" in data
        prepared = prepare(c, PLUGINS, audience=audience)
        context = json.dumps(render_context(prepared.harvest), ensure_ascii=False, default=str)
        assert_clean(context.encode(), c, f"context/{audience}")
        assert "CONTROLTEXT" in context
        # the consenting members are named: the check is not blind
        for m in c.members:
            if m.consent and any(m.id in s.attendance for s in c.sessions):
                assert m.name in context or m.id in context
    # the metrics output, with the echoing plugin's metric and check
    import tempfile

    with tempfile.TemporaryDirectory() as tmp:
        copharvest.save(c, Path(tmp) / "h")
        for args in ([], ["--json"]):
            result = CliRunner().invoke(
                cli,
                ["metrics", *args, str(Path(tmp) / "h")],
                obj={"plugins": PLUGINS, "reported": 0},
            )
            assert result.exit_code == 0, result.output
            assert_clean(result.stdout.encode(), c, f"metrics {args}")
            assert "Canary" in result.stdout or '"echo"' in result.stdout


def _fixed() -> Community:
    """Three members of one organisation, one without consent, at four sessions."""
    members = (
        Member(id="kdfgrtsplq", name="Xvbnm Qwrtp", organisation="org0", role="lead"),
        *(
            Member(id=f"named{i}", name=f"Named Person {i}", organisation="org0", consent=True)
            for i in range(2)
        ),
    )
    ids = tuple(m.id for m in members)
    return Community(
        name="Canary",
        period=Period(start=START),
        organisations=(Organisation(id="org0", name="Org 0", level="city"),),
        members=members,
        sessions=tuple(
            Session(id=f"s{t}", start=START + dt.timedelta(days=40 * t), attendance=ids)
            for t in range(4)
        ),
        chapters=(Chapter(id="c", part=1, title="Chapter", body=(Passage(text="CONTROLTEXT"),)),),
        quotes=(Quote(text="words", speaker=ids[0], chapter="c"),),
        settings=Settings(min_group_size=1),
    )


def test_docx_control_and_the_metrics_output(tmp_path: Path) -> None:
    c = _fixed()
    folder = tmp_path / "h"
    copharvest.save(c, folder)
    data, _ = render(c, PLUGINS, format_name="docx", charts=True)
    assert_clean(data, c, "docx")
    assert any(b"CONTROLTEXT" in p for p in parts(data))
    for args in ([], ["--json"]):
        result = CliRunner().invoke(cli, ["metrics", *args, str(folder)])
        assert result.exit_code == 0, result.output
        assert_clean(result.stdout.encode(), c, "metrics")
    assert "member-001" in result.stdout  # k = 1: the row is there, pseudonymised


class Leaky:
    """A plugin that knows the records by other means and writes a name into its format."""

    def __init__(self, secret: str) -> None:
        self.secret = secret

    @hookimpl
    def register_formats(self, register: Any) -> None:
        def leak(harvest: Harvest, options: Any) -> bytes:
            buffer = io.BytesIO()
            with zipfile.ZipFile(buffer, "w", zipfile.ZIP_DEFLATED) as z:
                z.writestr("docProps/custom.xml", f"<p><v>{self.secret}</v></p>")
            return buffer.getvalue()

        register(OutputFormat(name="leaky", suffix=".zip", render=leak, plugin="leaky"))


@pytest.mark.parametrize("which", ["name", "id"])
def test_a_leak_stops_the_build_naming_the_part(which: str) -> None:
    member = Member(id="qwrtzplkmn", name="Zxcvb Nmlkjh", organisation="o")
    c = Community(
        name="Leak",
        period=Period(start=START),
        organisations=(Organisation(id="o", name="O"),),
        members=(member,),
        sessions=(Session(id="s", start=START, attendance=(member.id,)),),
    )
    secret = member.name if which == "name" else member.id
    plugins = get_plugins(entry_points_group=None, extra=[("leaky", Leaky(secret))])
    with pytest.raises(BuildError) as caught:
        render(c, plugins, format_name="leaky", charts=False)
    message = str(caught.value)
    assert "\n" not in message
    assert "docProps/custom.xml" in message
    assert "leaky" in message
    assert secret not in message


def test_the_pdf_carries_no_member_without_consent(tmp_path: Path) -> None:
    import subprocess

    from office import require

    require("soffice", "pdftotext", "pdfinfo")
    c = _fixed()
    data, _ = render(c, PLUGINS, format_name="pdf", charts=False)
    pdf = tmp_path / "b.pdf"
    pdf.write_bytes(data)
    text = subprocess.run(
        ["pdftotext", str(pdf), "-"], capture_output=True, text=True, check=True
    ).stdout
    info = subprocess.run(["pdfinfo", str(pdf)], capture_output=True, text=True, check=True)
    assert "CONTROLTEXT" in text
    assert "Named Person 0" in text
    hidden = c.members[0]
    for term in (hidden.id, hidden.name):
        assert term not in text
        assert term not in info.stdout
        assert term.encode() not in data
