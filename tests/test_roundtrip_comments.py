"""Writes keep what they do not change: comments, layout, line ends, byte order marks."""

from __future__ import annotations

import datetime as dt
import json
import os
import random
import re
import shutil
import subprocess
import tempfile
from pathlib import Path
from typing import Any

import attrs
import pytest
import yaml
from click.testing import CliRunner, Result
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st
from openpyxl import Workbook

import copharvest
from copharvest import Community, Member, Session
from copharvest.cli import cli
from copharvest.sheets import apply, plan_import
from copharvest.store.dialect import Loader
from strategies import add_pictures, communities

EXAMPLE = Path(__file__).parents[1] / "examples" / "wijkenaanpak-2009-2011"
_TAG = re.compile(r"# c\w* (?:after value|line before) \d+\.")
SCHEMA = "# yaml-language-server: $schema=.schema/{stem}.schema.json  # for editors\n"


def _run(*args: str | Path) -> Result:
    return CliRunner().invoke(cli, [str(a) for a in args])


def comment_places(text: str) -> tuple[list[int], list[int]]:
    """(lines after whose value a comment may go, lines before which a comment line may go).

    Values are one-line scalars or flow lists ending their line; comment lines go before
    a key or a list item whose predecessor is not a block scalar, so that no comment
    lands inside a block scalar, a quoted text or a flow list.
    """
    root = yaml.compose(text, Loader=Loader)
    after: list[int] = []
    before: list[int] = []

    def line(mark: Any) -> int:
        # counted on "\n" only: YAML also breaks lines at U+0085 and U+2028
        return text.count("\n", 0, mark.index)

    def ends_line(node: Any) -> bool:
        end = node.end_mark.index
        stop = text.find("\n", end)
        return not text[end : stop if stop >= 0 else len(text)].strip()

    def one_line(node: Any) -> bool:
        simple = isinstance(node, yaml.ScalarNode) and node.style not in ("|", ">")
        flow = not isinstance(node, yaml.ScalarNode) and node.flow_style
        return bool(simple or flow) and ends_line(node)

    def walk(node: Any) -> None:
        if isinstance(node, yaml.MappingNode):
            children = [v for _, v in node.value]
            starts = [line(k.start_mark) for k, _ in node.value]
        elif isinstance(node, yaml.SequenceNode):
            children = list(node.value)
            starts = [line(c.start_mark) for c in node.value]
        else:
            return
        if node.flow_style:
            return
        for n, child in enumerate(children):
            if one_line(child) and line(child.start_mark) == line(child.end_mark):
                after.append(line(child.end_mark))
            previous = children[n - 1] if n else None
            blocky = isinstance(previous, yaml.ScalarNode) and previous.style in ("|", ">")
            if n and not blocky:
                before.append(starts[n])
            walk(child)

    walk(root)
    return sorted(set(after)), sorted(set(before))


def add_comments(text: str, rng: random.Random | None = None, tag: str = "c") -> str:
    """``text`` with comments after values and between records and fields.

    Every place gets one, or (with ``rng``) a random half of them.
    """
    after, before = comment_places(text)
    lines = text.split("\n")
    pick = (lambda xs: xs) if rng is None else (lambda xs: [x for x in xs if rng.random() < 0.5])
    for n in pick(after):
        lines[n] += f"  # {tag} after value {n}."
    for n in sorted(pick(before), reverse=True):
        indent = len(lines[n]) - len(lines[n].lstrip(" "))
        lines.insert(n, " " * indent + f"# {tag} line before {n}.")
    return "\n".join(lines)


def comment_lines(folder: Path) -> dict[str, list[str]]:
    """Every line of every file that holds a comment."""
    return {
        p.name: [line for line in p.read_text(encoding="utf-8-sig").splitlines() if "#" in line]
        for p in sorted(folder.glob("*.yaml"))
    }


@pytest.fixture
def commented(tmp_path: Path) -> Path:
    """The example, with a comment on every kind of line and a schema line on each file."""
    folder = tmp_path / "harvest"
    shutil.copytree(EXAMPLE, folder)
    for path in folder.glob("*.yaml"):
        text = add_comments(path.read_text(encoding="utf-8"))
        path.write_text(SCHEMA.format(stem=path.stem) + text, encoding="utf-8")
    assert copharvest.load(folder) == copharvest.load(EXAMPLE)
    return folder


def workbook(path: Path, rows: list[list[Any]]) -> Path:
    book = Workbook()
    sheet = book.active
    assert sheet is not None
    for row in rows:
        sheet.append(row)
    book.save(path)
    return path


def _git_diff(a: Path, b: Path) -> str:
    done = subprocess.run(
        ["git", "diff", "--no-index", "--no-color", "-U0", str(a), str(b)],
        capture_output=True,
        text=True,
        check=False,
    )
    return done.stdout


def test_an_import_changes_only_the_lines_of_the_records_it_changes(
    commented: Path, tmp_path: Path
) -> None:
    original = tmp_path / "original"
    shutil.copytree(commented, original)
    comments = comment_lines(commented)
    sheet = workbook(
        tmp_path / "presence.xlsx",
        [
            ["Naam", "Organisatie", dt.datetime(2009, 4, 23), dt.datetime(2011, 6, 15)],
            ["Elly van Kooten", "bzk-wwi", "x", "x"],
            ["Ali Rabarison", "bzk-wwi", "x", None],
            ["Nieuwe Deelnemer", "bzk-wwi", "x", "x"],
        ],
    )
    result = _run("import", sheet, commented, "--accept-conflicts", "sheet")
    assert result.exit_code == 0, result.output
    c = copharvest.load(commented)
    sessions = {s.id: s for s in c.sessions}
    new = c.member("nieuwe-deelnemer")
    assert new.name == "Nieuwe Deelnemer"
    assert "nieuwe-deelnemer" in sessions["s1-utrecht"].attendance
    added = sessions["s-2011-06-15"]
    assert added.attendance == ("elly-van-kooten", "nieuwe-deelnemer")
    assert c.period.end == dt.date(2011, 6, 15)
    # every comment line is still there, byte for byte; on a changed line, the comment
    for name, lines in comments.items():
        now = (commented / name).read_text(encoding="utf-8").splitlines()
        changed = [line for line in lines if line not in now]
        assert changed == {"community.yaml": ["  end: 2011-05-31  # c after value 10."]}.get(
            name, []
        )
    # the diff touches only the changed lines: period.end, one attendance list, two records
    diff = _git_diff(original, commented)
    hunks = re.findall(r"^@@ .*$", diff, flags=re.M)
    files = re.findall(r"^\+\+\+ b/.*/(\S+)$", diff, flags=re.M)
    assert files == ["community.yaml", "members.yaml", "sessions.yaml"]
    removed = [line[1:] for line in diff.splitlines() if line.startswith("-") and "---" not in line]
    assert removed == [
        "  end: 2011-05-31  # c after value 10.",
        "    annechien-de-gast, klaas-molenstra]",
    ]
    assert len(hunks) == 4
    assert "+  end: 2011-06-15  # c after value 10." in diff
    assert "+    annechien-de-gast, klaas-molenstra, nieuwe-deelnemer]" in diff
    added_lines = [
        line[1:] for line in diff.splitlines() if line.startswith("+") and "+++" not in line
    ]
    assert added_lines[1:] == [
        "- id: nieuwe-deelnemer",
        "  name: Nieuwe Deelnemer",
        "  organisation: bzk-wwi",
        "    annechien-de-gast, klaas-molenstra, nieuwe-deelnemer]",
        "",
        "- id: s-2011-06-15",
        "  start: 2011-06-15",
        "  attendance: [elly-van-kooten, nieuwe-deelnemer]",
    ]


def test_dry_run_shows_a_diff_per_file_and_writes_nothing(commented: Path, tmp_path: Path) -> None:
    sheet = workbook(
        tmp_path / "presence.xlsx",
        [["Naam", "Organisatie", dt.datetime(2009, 4, 23)], ["Nieuw Lid", "bzk-wwi", "x"]],
    )
    before = {p.name: p.read_bytes() for p in commented.iterdir()}
    result = _run("import", sheet, commented, "--dry-run")
    assert result.exit_code == 0, result.output
    assert {p.name: p.read_bytes() for p in commented.iterdir()} == before
    assert "--- a/members.yaml\n+++ b/members.yaml\n" in result.output
    assert "--- a/sessions.yaml\n+++ b/sessions.yaml\n" in result.output
    assert "+- id: nieuw-lid\n+  name: Nieuw Lid\n+  organisation: bzk-wwi\n" in result.output
    assert "a/community.yaml" not in result.output


@pytest.mark.parametrize(
    ("bom", "newline"),
    [("", "\n"), ("", "\r\n"), ("\ufeff", "\n"), ("\ufeff", "\r\n")],
    ids=["lf", "crlf", "bom", "bom-crlf"],
)
def test_saving_an_unchanged_community_changes_no_byte(
    commented: Path, bom: str, newline: str
) -> None:
    for path in commented.glob("*.yaml"):
        text = path.read_text(encoding="utf-8")
        path.write_bytes((bom + text.replace("\n", newline)).encode("utf-8"))
    before = {p.name: (p.read_bytes(), p.stat().st_mtime_ns) for p in commented.iterdir()}
    community = copharvest.load(commented)
    assert copharvest.save(community, commented) == []
    after = {p.name: (p.read_bytes(), p.stat().st_mtime_ns) for p in commented.iterdir()}
    assert after == before


@pytest.mark.parametrize(("bom", "newline"), [("", "\r\n"), ("\ufeff", "\n")], ids=["crlf", "bom"])
def test_a_changed_file_keeps_its_line_ends_and_byte_order_mark(
    commented: Path, bom: str, newline: str
) -> None:
    path = commented / "members.yaml"
    text = path.read_text(encoding="utf-8")
    path.write_bytes((bom + text.replace("\n", newline)).encode("utf-8"))
    community = copharvest.load(commented)
    member = copharvest.Member(id="zz-new", name="Zz New", organisation="bzk-wwi")
    changed = community.__class__(**{**_fields(community), "members": (*community.members, member)})
    assert copharvest.save(changed, commented) == [path]
    raw = path.read_bytes()
    assert raw.startswith(bom.encode("utf-8") + b"# yaml-language-server")
    body = raw.decode("utf-8").removeprefix(bom)
    if newline == "\r\n":
        assert "\n" not in body.replace("\r\n", "")
    assert body.endswith(
        f"- id: zz-new{newline}  name: Zz New{newline}  organisation: bzk-wwi{newline}"
    )
    assert copharvest.load(commented) == changed


def _fields(community: Any) -> dict[str, Any]:
    import attrs

    return {f.name: getattr(community, f.name) for f in attrs.fields(type(community))}


@st.composite
def _additions(
    draw: st.DrawFn, community: Community
) -> tuple[list[str], list[dt.date], str | None]:
    """New member names, new session days inside the period, an existing session's id."""
    names = [f"Zqx Nieuwlid {n}" for n in range(draw(st.integers(1, 3)))]
    first = community.period.start
    last = community.period.end or first + dt.timedelta(days=3 * 365)
    # a sheet's date falls on every session held that day, multi-day ones included
    held = [
        s.start + dt.timedelta(days=n)
        for s in community.sessions
        for n in range(((s.end or s.start) - s.start).days + 1)
    ]
    days = draw(
        st.lists(
            st.dates(first, last).filter(lambda d: d not in held),
            min_size=1,
            max_size=2,
            unique=True,
        )
    )
    unique = [s.id for s in community.sessions if held.count(s.start) == 1]
    return names, days, draw(st.sampled_from(unique)) if unique else None


@settings(
    max_examples=int(os.environ.get("RT_EXAMPLES", "25")),
    deadline=None,
    suppress_health_check=[HealthCheck.too_slow],
)
@given(communities(max_members=4, max_sessions=3, max_records=2), st.data(), st.randoms())
def test_random_commented_folders_keep_every_comment_through_an_import(
    community: Community, data: st.DataObject, rng: random.Random
) -> None:
    names, days, existing = data.draw(_additions(community))
    with tempfile.TemporaryDirectory() as tmp:
        folder = Path(tmp) / "harvest"
        copharvest.save(community, folder)
        add_pictures(community, folder)
        for path in folder.glob("*.yaml"):
            text = add_comments(path.read_text(encoding="utf-8"), rng, tag=f"c{path.stem}")
            # some files saved on Windows: CRLF line ends, a byte order mark
            text = text.replace("\n", "\r\n") if rng.random() < 0.3 else text
            text = "\ufeff" + text if rng.random() < 0.3 else text
            path.write_bytes(text.encode("utf-8"))
        assert copharvest.load(folder) == community
        raw = {p.name: p.read_bytes() for p in folder.glob("*.yaml")}
        comments = comment_lines(folder)
        by_id = {s.id: s for s in community.sessions}
        heading: list[Any] = ["Naam"]
        heading += [dt.datetime(d.year, d.month, d.day) for d in days]
        if existing is not None:
            day = by_id[existing].start
            heading.append(dt.datetime(day.year, day.month, day.day))
        rows = [heading] + [[name] + ["x"] * (len(heading) - 1) for name in names]
        sheet = workbook(Path(tmp) / "presence.xlsx", rows)
        plan = plan_import(sheet, folder)
        assert not plan.conflicts, [str(c) for c in plan.conflicts]
        apply(plan)

        new_ids = tuple(name.lower().replace(" ", "-") for name in names)
        sessions = list(community.sessions)
        if existing is not None:
            at = sessions.index(by_id[existing])
            old = sessions[at]
            sessions[at] = attrs.evolve(
                old,
                attendance=old.attendance + tuple(i for i in new_ids if i not in old.attendance),
            )
        sessions += [Session(id=f"s-{d.isoformat()}", start=d, attendance=new_ids) for d in days]
        expected = attrs.evolve(
            community,
            members=community.members
            + tuple(Member(id=i, name=n) for i, n in zip(new_ids, names, strict=True)),
            sessions=tuple(sessions),
        )
        assert copharvest.load(folder) == expected
        now = {p.name: p.read_bytes().decode("utf-8") for p in folder.glob("*.yaml")}
        for name, lines in comments.items():
            # line ends and byte order mark stay as they were
            assert now[name].startswith("\ufeff") == raw[name].startswith(b"\xef\xbb\xbf")
            assert ("\r\n" in now[name]) == (b"\r\n" in raw[name])
            tags = [t for line in lines for t in _TAG.findall(line)]
            assert sorted(_TAG.findall(now[name])) == sorted(tags), name
            full = [line for line in lines if _TAG.fullmatch(line.strip())]
            assert [line for line in full if line not in now[name].splitlines()] == [], name


def test_a_json_file_keeps_its_key_order_and_indentation(commented: Path) -> None:
    members = commented / "members.yaml"
    data = yaml.safe_load(members.read_text(encoding="utf-8"))
    reordered = [
        {k: str(v) if isinstance(v, dt.date) else v for k, v in reversed(record.items())}
        for record in data
    ]
    members.unlink()
    path = commented / "members.json"
    path.write_text(json.dumps(reordered, indent=4, ensure_ascii=False) + "\n", encoding="utf-8")
    community = copharvest.load(commented)
    assert copharvest.save(community, commented) == []
    added = Member(id="zz-new", name="Zz New")
    changed = attrs.evolve(community, members=(*community.members, added))
    assert copharvest.save(changed, commented) == [path]
    written = json.loads(path.read_text(encoding="utf-8"))
    assert [list(r) for r in written[:-1]] == [list(r) for r in reordered]
    assert written[-1] == {"id": "zz-new", "name": "Zz New"}
    assert path.read_text(encoding="utf-8").startswith('[\n    {\n        "consent"')
    assert copharvest.load(commented) == changed


_GUESTED = Session(
    id="s2",
    start=dt.date(2026, 2, 1),
    title="Second",
    guests=(copharvest.Guest(id="g1", name="Gita Guest", description="researcher"),),
    attendance=("ann",),
)


@pytest.mark.parametrize(
    ("existing", "added"),
    [
        pytest.param(
            "- id: s1\n  start: 2026-01-01\n  guests:\n  - name: Old\n  attendance: [ann]\n",
            "- id: s2\n  start: 2026-02-01\n  title: Second\n  guests:\n  - name: Gita Guest\n"
            "    description: researcher\n    id: g1\n  attendance: [ann]\n",
            id="indentless-lists",
        ),
        pytest.param(
            "- id: s1\n  start: 2026-01-01\n  guests:\n    - name: Old\n  attendance: [ann]\n",
            "- id: s2\n  start: 2026-02-01\n  title: Second\n  guests:\n    - name: Gita Guest\n"
            "      description: researcher\n      id: g1\n  attendance: [ann]\n",
            id="dash-offset-2",
        ),
        pytest.param(
            "-   id: s1\n    start: 2026-01-01\n    guests:\n        -   name: Old\n"
            "    attendance: [ann]\n",
            "-   id: s2\n    start: 2026-02-01\n    title: Second\n    guests:\n"
            "        -   name: Gita Guest\n            description: researcher\n"
            "            id: g1\n    attendance: [ann]\n",
            id="indent-4",
        ),
        pytest.param(
            "- id: s1\n  start: 2026-01-01\n\n- id: s0\n  start: 2025-06-01\n",
            "\n- id: s2\n  start: 2026-02-01\n  title: Second\n  guests:\n  - name: Gita Guest\n"
            "    description: researcher\n    id: g1\n  attendance: [ann]\n",
            id="blank-line-between-records",
        ),
        pytest.param(
            "- {id: s1, start: 2026-01-01}\n- {id: s0, start: 2025-06-01}\n",
            "- {id: s2, start: 2026-02-01, title: Second, guests: [{name: Gita Guest, "
            "description: researcher, id: g1}], attendance: [ann]}\n",
            id="flow-records",
        ),
    ],
)
def test_a_new_record_is_written_in_the_files_own_style(
    starter: Path, existing: str, added: str
) -> None:
    sessions = starter / "sessions.yaml"
    sessions.write_text(existing, encoding="utf-8")
    community = copharvest.load(starter)
    changed = attrs.evolve(community, sessions=(*community.sessions, _GUESTED))
    copharvest.save(changed, starter)
    assert sessions.read_text(encoding="utf-8") == existing + added
    assert copharvest.load(starter) == changed


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        pytest.param(
            "- id: ann\n  name: Ann\n  consent: true  # asked in March\n",
            "- id: ann\n  name: Ann\n",
            id="a field back to its default",
        ),
        pytest.param(
            "- consent: true\n  id: ann\n  name: Ann\n",
            "- id: ann\n  name: Ann\n",
            id="the first field of a record",
        ),
        pytest.param(
            "# members\n- id: ann  # first\n  name: Ann\n- id: bob\n  name: Bob\n",
            "# members\n- id: ann  # first\n  name: Ann\n",
            id="a whole record",
        ),
    ],
)
def test_what_save_removes_takes_only_its_own_lines(
    starter: Path, text: str, expected: str
) -> None:
    members = starter / "members.yaml"
    members.write_text(text, encoding="utf-8")
    (starter / "sessions.yaml").write_text("- id: s1\n  start: 2025-03-12\n", encoding="utf-8")
    (starter / "quotes.yaml").write_text("[]\n", encoding="utf-8")
    chapters = starter / "chapters.yaml"  # its blocks place the quote
    chapters.write_text(chapters.read_text().replace("    - quote: q-first-time\n", ""))
    (starter / "readings.yaml").write_text("[]\n", encoding="utf-8")
    community = copharvest.load(starter)
    changed = attrs.evolve(community, members=(Member(id="ann", name="Ann"),))
    copharvest.save(changed, starter)
    assert members.read_text(encoding="utf-8") == expected
    assert copharvest.load(starter) == changed
