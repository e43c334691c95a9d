"""Writes keep what they do not change: comments, layout, line ends, byte order marks."""

from __future__ import annotations

import datetime as dt
import random
import re
import shutil
import subprocess
from pathlib import Path
from typing import Any

import pytest
import yaml
from click.testing import CliRunner, Result
from openpyxl import Workbook

import copharvest
from copharvest.cli import cli
from copharvest.store.dialect import Loader

EXAMPLE = Path(__file__).parents[1] / "examples" / "wijkenaanpak-2009-2011"
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
    lines = text.split("\n")
    after: list[int] = []
    before: list[int] = []

    def ends_line(node: Any) -> bool:
        end = node.end_mark
        return end.line < len(lines) and not lines[end.line][end.column :].strip()

    def one_line(node: Any) -> bool:
        simple = isinstance(node, yaml.ScalarNode) and node.style not in ("|", ">")
        flow = not isinstance(node, yaml.ScalarNode) and node.flow_style
        return bool(simple or flow) and ends_line(node)

    def walk(node: Any) -> None:
        if isinstance(node, yaml.MappingNode):
            children = [v for _, v in node.value]
            starts = [k.start_mark.line for k, _ in node.value]
        elif isinstance(node, yaml.SequenceNode):
            children = list(node.value)
            starts = [c.start_mark.line for c in node.value]
        else:
            return
        if node.flow_style:
            return
        for n, child in enumerate(children):
            if one_line(child) and child.start_mark.line == child.end_mark.line:
                after.append(child.end_mark.line)
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
        lines[n] += f"  # {tag} after value {n}"
    for n in sorted(pick(before), reverse=True):
        indent = len(lines[n]) - len(lines[n].lstrip(" "))
        lines.insert(n, " " * indent + f"# {tag} line before {n}")
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
        assert changed == {"community.yaml": ["  end: 2011-05-31  # c after value 10"]}.get(
            name, []
        )
    # the diff touches only the changed lines: period.end, one attendance list, two records
    diff = _git_diff(original, commented)
    hunks = re.findall(r"^@@ .*$", diff, flags=re.M)
    files = re.findall(r"^\+\+\+ b/.*/(\S+)$", diff, flags=re.M)
    assert files == ["community.yaml", "members.yaml", "sessions.yaml"]
    removed = [line[1:] for line in diff.splitlines() if line.startswith("-") and "---" not in line]
    assert removed == [
        "  end: 2011-05-31  # c after value 10",
        "    annechien-de-gast, klaas-molenstra]",
    ]
    assert len(hunks) == 4
    assert "+  end: 2011-06-15  # c after value 10" in diff
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
