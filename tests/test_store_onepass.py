"""Every problem in one pass, with its file, line and a hint; the same problems from
the library's ``copharvest.validate``.

The one-pass folder is a copy of the example harvest with five mistakes of different
kinds, each of which used to hide the others.
"""

from __future__ import annotations

import shutil
from pathlib import Path

import attrs
import pytest
from click.testing import CliRunner

import copharvest
from copharvest.cli import cli
from copharvest.store import HarvestError, unstructure, yamlio
from copharvest.store.problems import format_path
from test_store_errors import Case, _folder

EXAMPLE = Path(__file__).parents[1] / "examples" / "wijkenaanpak-2009-2011"


def _edit(path: Path, old: str, new: str) -> None:
    text = path.read_text(encoding="utf-8")
    assert old in text, (path, old)
    path.write_text(text.replace(old, new, 1), encoding="utf-8")


def _snapshot(folder: Path) -> dict[str, bytes]:
    return {p.name: p.read_bytes() for p in folder.iterdir() if p.is_file()}


@pytest.fixture
def five_mistakes(tmp_path: Path) -> Path:
    folder = tmp_path / "harvest"
    shutil.copytree(EXAMPLE, folder)
    _edit(folder / "readings.yaml", "  title: Afri\n", "  title: Afri: een roman\n")
    _edit(
        folder / "members.yaml",
        "  role: directeur Wijken\n",
        "  role: directeur Wijken\n  rol: x\n",
    )
    _edit(folder / "sessions.yaml", "attendance: [elly-van-kooten,", "attendance: [elly-van-koten,")
    _edit(folder / "community.yaml", "pack: wijkenaanpak\n", "pack: wijkenaanpk\n")
    (folder / "quote.yaml").write_text("- text: Hi\n  speaker: elly-van-kooten\n", encoding="utf-8")
    return folder


def _line(folder: Path, name: str, text: str) -> int:
    lines = (folder / name).read_text(encoding="utf-8").splitlines()
    return next(n for n, line in enumerate(lines, 1) if text in line)


def test_five_mistakes_in_one_check(five_mistakes: Path) -> None:
    folder = five_mistakes
    before = _snapshot(folder)
    result = CliRunner().invoke(cli, ["check", str(folder)], catch_exceptions=False)
    title = _line(folder, "readings.yaml", "title: Afri:")
    rol = _line(folder, "members.yaml", "rol: x")
    typo = _line(folder, "sessions.yaml", "elly-van-koten")
    pack = _line(folder, "community.yaml", "pack:")
    assert result.stderr.splitlines() == [
        f"{folder}/quote.yaml: unknown file name; did you mean quotes.yaml? "
        "(its records are not read)",
        f"{folder}/community.yaml:{pack}: $.pack: domain pack 'wijkenaanpk' is not installed; "
        "did you mean 'wijkenaanpak'? (installed: wijkenaanpak, youthcare; see "
        "'copharvest plugins')",
        f"{folder}/members.yaml:{rol}: $[0].rol: unknown key 'rol'; did you mean 'role'?",
        f"{folder}/sessions.yaml:{typo}: $[0].attendance[0]: session 's1-utrecht': "
        "unknown member 'elly-van-koten'; did you mean 'elly-van-kooten'?",
        f"{folder}/readings.yaml:{title}:14: YAML syntax error: mapping values are not allowed "
        "in this context; a ': ' inside a value? put the value in quotes; or a key indented "
        "more than the keys above it",
        "Error: 5 problems found",
    ]
    assert result.exit_code == 1
    assert "Traceback" not in result.output
    assert _snapshot(folder) == before


def test_five_mistakes_through_load(five_mistakes: Path) -> None:
    # the library names the same five; only the pack is left to the caller (packs=)
    with pytest.raises(HarvestError) as caught:
        copharvest.load(five_mistakes, packs=["wijkenaanpak"])
    files = [p.file.name for p in caught.value.problems]
    assert files == [
        "quote.yaml",
        "community.yaml",
        "members.yaml",
        "sessions.yaml",
        "readings.yaml",
    ]
    with pytest.raises(HarvestError) as caught:
        copharvest.load(five_mistakes)
    assert len(caught.value.problems) == 4


@pytest.mark.parametrize("command", [["metrics"], ["build", "-f", "json", "-o", "{out}"]])
def test_every_command_that_loads_reports_every_problem_at_once(
    five_mistakes: Path, tmp_path: Path, command: list[str]
) -> None:
    # these commands need the pack: its absence is one problem among the others
    out = tmp_path / "out.json"
    args = [part.format(out=out) for part in command] + [str(five_mistakes)]
    result = CliRunner().invoke(cli, args, catch_exceptions=False)
    assert result.exit_code == 1
    lines = result.stderr.splitlines()
    assert [line.split(":")[0].rsplit("/", 1)[-1] for line in lines[:-1]] == [
        "quote.yaml",
        "community.yaml",
        "members.yaml",
        "sessions.yaml",
        "readings.yaml",
    ]
    assert lines[-1] == "Error: 5 problems found"
    assert "Traceback" not in result.output
    assert not out.exists()


def test_the_example_passes_with_its_pack() -> None:
    result = CliRunner().invoke(cli, ["check", str(EXAMPLE)], catch_exceptions=False)
    assert result.exit_code == 0, result.output


@attrs.frozen
class Hint:
    id: str
    files: dict[str, str]
    expected: tuple[str, ...]


HINTS = [
    Hint(
        "colon-inside-a-value",
        {"lessons.yaml": "- text: Lesson one: listen first\n"},
        (
            "{dir}/lessons.yaml:1:19: YAML syntax error: mapping values are not allowed in "
            "this context; a ': ' inside a value? put the value in quotes; or a key indented "
            "more than the keys above it",
        ),
    ),
    Hint(
        "key-indented-too-far",
        {"lessons.yaml": "- text: A lesson\n    kind: tip\n"},
        (
            "{dir}/lessons.yaml:2:9: YAML syntax error: mapping values are not allowed in "
            "this context; a ': ' inside a value? put the value in quotes; or a key indented "
            "more than the keys above it",
        ),
    ),
    Hint(
        "key-indented-too-little",
        {"lessons.yaml": "- text: A lesson\n kind: tip\n"},
        (
            "{dir}/lessons.yaml:2:2: YAML syntax error: did not find expected '-' indicator "
            "(while parsing a block collection); a line indented less or more than the items "
            "of its list",
        ),
    ),
    Hint(
        "tab-inside-the-indentation",
        {"lessons.yaml": "- text: A lesson\n \tkind: tip\n"},
        ("{dir}/lessons.yaml:2:2: YAML syntax error: a tab character; indent with spaces",),
    ),
    Hint(
        "value-starting-with-an-at-sign",
        {"lessons.yaml": "- text: @home we learn\n"},
        (
            "{dir}/lessons.yaml:1:9: YAML syntax error: found character that cannot start any "
            "token (while scanning for the next token); a value starting with '@', '`' or "
            "'%'? put it in quotes",
        ),
    ),
    Hint(
        "unclosed-quote",
        {"lessons.yaml": '- text: "A lesson\n'},
        (
            "{dir}/lessons.yaml:2:1: YAML syntax error: found unexpected end of stream (while "
            "scanning a quoted scalar); a quote opened and never closed",
        ),
    ),
    Hint(
        "date-day-first",
        {"members.yaml": "- id: ann\n  name: Ann\n  joined: 01-09-2023\n- id: bob\n  name: Bob\n"},
        (
            "{dir}/members.yaml:3: $[0].joined: expected a date written as YYYY-MM-DD, got "
            "the text '01-09-2023'; did you mean 2023-09-01, or 2023-01-09 when read month first?",
        ),
    ),
    Hint(
        "date-only-one-reading",
        {"members.yaml": "- id: ann\n  name: Ann\n  joined: 25/12/2025\n- id: bob\n  name: Bob\n"},
        (
            "{dir}/members.yaml:3: $[0].joined: expected a date written as YYYY-MM-DD, got "
            "the text '25/12/2025'; did you mean 2025-12-25?",
        ),
    ),
    Hint(
        "date-same-both-ways",
        {"members.yaml": "- id: ann\n  name: Ann\n  joined: 3.3.2025\n- id: bob\n  name: Bob\n"},
        (
            "{dir}/members.yaml:3: $[0].joined: expected a date written as YYYY-MM-DD, got "
            "the text '3.3.2025'; did you mean 2025-03-03?",
        ),
    ),
    Hint(
        "session-typo-in-a-lesson",
        {"lessons.yaml": "- text: A lesson\n  session: s-1\n"},
        ("{dir}/lessons.yaml:2: $[0].session: unknown session 's-1'; did you mean 's1'?",),
    ),
    Hint(
        "chapter-typo-in-a-quote",
        {"quotes.yaml": "- id: q1\n  text: Hi\n  speaker: ann\n  chapter: how-we-wrk\n"},
        (
            "{dir}/quotes.yaml:4: $[0].chapter: quote 'q1': unknown chapter 'how-we-wrk'; "
            "did you mean 'how-we-work'?",
        ),
    ),
    Hint(
        "speaker-typo",
        {"quotes.yaml": "- text: Hi\n  speaker: an\n"},
        (
            "{dir}/quotes.yaml:2: $[0].speaker: unknown speaker 'an' (not a member or guest "
            "id); did you mean 'ann'?",
        ),
    ),
    Hint(
        "presenter-typo",
        {"readings.yaml": "- id: r1\n  title: A book\n  presented_by: [bbo]\n"},
        (
            "{dir}/readings.yaml:3: $[0].presented_by[0]: reading 'r1': unknown member 'bbo'; "
            "did you mean 'bob'?",
        ),
    ),
    Hint(
        "problems-in-records-and-references-at-once",
        {
            "members.yaml": "- id: ann\n  name: Ann\n  organisation: org-b\n"
            "- id: bob\n  name: Bob\n  consent: yes\n",
            "sessions.yaml": "- id: s1\n  start: 2025-03-12\n  attendance: [ann, bob, carl]\n",
        },
        (
            "{dir}/members.yaml:3: $[0].organisation: member 'ann': unknown organisation "
            "'org-b'; did you mean 'org-a'?",
            "{dir}/members.yaml:6: $[1].consent: expected true or false, got the text 'yes'",
            "{dir}/sessions.yaml:3: $[0].attendance[2]: session 's1': unknown member 'carl'",
        ),
    ),
    Hint(
        "references-into-an-unreadable-file",
        {
            "members.yaml": "- id: ann\n  name: Ann: the first\n",
            "lessons.yaml": "- text: A lesson\n  chapter: nowhere\n",
        },
        (
            "{dir}/members.yaml:2:12: YAML syntax error: mapping values are not allowed in this "
            "context; a ': ' inside a value? put the value in quotes; or a key indented more "
            "than the keys above it",
            "{dir}/lessons.yaml:2: $[0].chapter: unknown chapter 'nowhere'",
            "{dir}/members.yaml: references to members from other files are not checked until "
            "this file can be read",
        ),
    ),
]


@pytest.mark.parametrize("case", HINTS, ids=[c.id for c in HINTS])
def test_hints(tmp_path: Path, case: Hint) -> None:
    folder = _folder(tmp_path, Case(case.id, dict(case.files), ()))
    before = _snapshot(folder)
    result = CliRunner().invoke(cli, ["check", str(folder)], catch_exceptions=False)
    expected = [line.format(dir=folder) for line in case.expected]
    assert result.stderr.splitlines()[:-1] == expected
    assert result.exit_code == 1
    assert "Traceback" not in result.output
    assert _snapshot(folder) == before


def _without_lines(problems: list[copharvest.Problem]) -> list[tuple[str, str | None, str]]:
    out = []
    for p in problems:
        message = p.message.split(" (first ")[0]
        path = None if p.path is None else format_path(p.path)
        out.append((p.file.name, path, message))
    return sorted(out)


def test_validate_returns_what_loading_reports(tmp_path: Path) -> None:
    community = copharvest.load(EXAMPLE)
    member = community.members[3]
    session = community.sessions[2]
    broken = attrs.evolve(
        community,
        name="N" * 300,
        members=(
            *community.members[:3],
            attrs.evolve(member, organisation="bzk-wwii"),
            *community.members[4:],
            attrs.evolve(community.members[0], name="Twice"),
        ),
        sessions=(
            *community.sessions[:2],
            attrs.evolve(session, attendance=(*session.attendance, "elly-van-koten")),
            *community.sessions[3:],
        ),
        quotes=(*community.quotes, attrs.evolve(community.quotes[0], chapter="nergens")),
    )
    found = copharvest.validate(broken)
    assert all(p.line is None for p in found)
    assert {p.file for p in found} == {
        Path("community.yaml"),
        Path("members.yaml"),
        Path("sessions.yaml"),
        Path("quotes.yaml"),
    }
    folder = tmp_path / "saved"
    folder.mkdir()
    for stem, data in unstructure(broken).items():
        (folder / f"{stem}.yaml").write_text(yamlio.dump(data), encoding="utf-8")
    with pytest.raises(HarvestError) as caught:
        copharvest.load(folder)
    assert _without_lines(found) == _without_lines(list(caught.value.problems))
    assert len(found) == 6  # the copied quote keeps its id: a duplicate too


def test_validate_of_a_valid_community_is_empty() -> None:
    assert copharvest.validate(copharvest.load(EXAMPLE)) == []


def test_validate_finds_texts_over_the_limit() -> None:
    community = copharvest.load(EXAMPLE)
    long = "x" * 1_000_001
    chapter = community.chapters[0]
    broken = attrs.evolve(
        community,
        chapters=(
            attrs.evolve(chapter, body=(*chapter.body, copharvest.Passage(text=long))),
            *community.chapters[1:],
        ),
    )
    [problem] = copharvest.validate(broken)
    assert problem.file == Path("chapters.yaml")
    assert problem.path == (0, "body", len(chapter.body))
    assert problem.message.startswith("a text of 1,000,001 characters; at most 1,000,000")
