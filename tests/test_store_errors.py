"""Malformed harvest folders: every problem is one exact line, with the right exit code.

Each case starts from a small valid folder (``BASE``), replaces or removes some files,
runs ``copharvest check`` and compares the lines on stderr with the expected ones:
file, line, data path and wording. ``{dir}`` stands for the harvest folder. The input
files must be byte-identical afterwards, and no traceback may appear.
"""

from __future__ import annotations

import json
import os
import subprocess
import sys
import textwrap
from pathlib import Path

import attrs
import pytest
from click.testing import CliRunner

from copharvest.cli import cli

BASE: dict[str, str] = {
    "community.yaml": """\
        name: Test community
        period:
          start: 2025-01-01
          end: 2026-12-31
        privacy_key: a-secret-for-the-tests
        """,
    "organisations.yaml": """\
        - id: org-a
          name: Organisation A
        """,
    "members.yaml": """\
        - id: ann
          name: Ann
          organisation: org-a
          joined: 2025-01-01
        - id: bob
          name: Bob
        """,
    "sessions.yaml": """\
        - id: s1
          start: 2025-03-12
          end: 2025-03-13
          guests:
            - id: guest-1
              name: A. Guest
          attendance: [ann, bob]
        """,
    "chapters.yaml": """\
        - id: how-we-work
          part: 1
          title: How we work
        """,
    "lessons.yaml": """\
        - text: Start with the questions people bring.
          chapter: how-we-work
          session: s1
        """,
    "quotes.yaml": """\
        - text: We talked about our work.
          speaker: ann
        """,
}

COMMUNITY = "name: Test community\nperiod:\n  start: 2025-01-01\n  end: 2026-12-31\n"


@attrs.frozen
class Case:
    """A malformed folder and the exact lines ``check`` must print for it."""

    id: str
    files: dict[str, str | bytes]
    expected: tuple[str, ...]
    remove: tuple[str, ...] = ()
    exit_code: int = 1


CASES = [
    Case(
        "yaml-syntax-error",
        {"members.yaml": "- id: ann\n  name: Ann\n organisation: org-a\n"},
        (
            "{dir}/members.yaml:3:2: YAML syntax error: did not find expected '-' indicator (while parsing a block collection); a line indented less or more than the items of its list",
            "{dir}/members.yaml: references to members from other files are not checked until this file can be read",
        ),
    ),
    Case(
        "yaml-unclosed-bracket",
        {"sessions.yaml": "- id: s1\n  start: 2025-03-12\n  attendance: [ann, bob\n"},
        (
            "{dir}/sessions.yaml:4:1: YAML syntax error: did not find expected ',' or ']' (while parsing a flow sequence)",
            "{dir}/sessions.yaml: references to sessions from other files are not checked until this file can be read",
        ),
    ),
    Case(
        "tab-indentation",
        {"community.yaml": "name: X\nperiod:\n\tstart: 2025-01-01\n"},
        (
            "{dir}/community.yaml:3:1: YAML syntax error: a tab character; indent with spaces",
            "{dir}/community.yaml: sessions are not checked against the period until this file can be read",
        ),
    ),
    Case(
        "two-documents",
        {"lessons.yaml": "- text: one\n---\n- text: two\n"},
        (
            "{dir}/lessons.yaml:2:1: YAML syntax error: a second document starts here ('---'); a harvest file holds one",
        ),
    ),
    Case(
        "impossible-date",
        {"community.yaml": "name: X\nperiod:\n  start: 2010-13-45\n"},
        (
            "{dir}/community.yaml:3: $.period.start: impossible date '2010-13-45': month must be in 1..12",
            "{dir}/community.yaml: sessions are not checked against the period until this file can be read",
        ),
    ),
    Case(
        "date-in-another-form",
        {"members.yaml": "- id: ann\n  name: Ann\n  joined: 12-03-2025\n- id: bob\n  name: Bob\n"},
        (
            "{dir}/members.yaml:3: $[0].joined: expected a date written as YYYY-MM-DD, got the text '12-03-2025'; did you mean 2025-03-12, or 2025-12-03 when read month first?",
        ),
    ),
    Case(
        "int-for-text",
        {"community.yaml": COMMUNITY.replace("Test community", "2025")},
        (
            "{dir}/community.yaml:1: $.name: expected text, got an integer (2025) "
            "(put it in quotes)",
        ),
    ),
    Case(
        "quoted-false-for-bool",
        {"members.yaml": "- id: ann\n  name: Ann\n  consent: 'false'\n- id: bob\n  name: Bob\n"},
        ("{dir}/members.yaml:3: $[0].consent: expected true or false, got the text 'false'",),
    ),
    Case(
        "yes-for-bool",
        {"members.yaml": "- id: ann\n  name: Ann\n- id: bob\n  name: Bob\n  consent: yes\n"},
        ("{dir}/members.yaml:5: $[1].consent: expected true or false, got the text 'yes'",),
    ),
    Case(
        "float-for-int",
        {"readings.yaml": "- id: r1\n  title: A book\n  year: 3.9\n"},
        ("{dir}/readings.yaml:3: $[0].year: expected a whole number, got a number (3.9)",),
    ),
    Case(
        "null-for-text",
        {"community.yaml": COMMUNITY.replace("Test community", "null")},
        ("{dir}/community.yaml:1: $.name: expected text, got an empty value (null)",),
    ),
    Case(
        "empty-value-for-text",
        {"chapters.yaml": "- id: how-we-work\n  part: 1\n  title:\n"},
        ("{dir}/chapters.yaml:3: $[0].title: expected text, got an empty value (null)",),
    ),
    Case(
        "text-for-number-setting",
        {"community.yaml": COMMUNITY + "settings:\n  core_rate: high\n"},
        ("{dir}/community.yaml:6: $.settings.core_rate: expected a number, got the text 'high'",),
    ),
    Case(
        "unknown-key-did-you-mean",
        {"community.yaml": COMMUNITY + "subtitel: Two years\n"},
        ("{dir}/community.yaml:5: $.subtitel: unknown key 'subtitel'; did you mean 'subtitle'?",),
    ),
    Case(
        "unknown-key-deep",
        {
            "sessions.yaml": "- id: s1\n  start: 2025-03-12\n  programme:\n"
            "    - title: Clinic\n      form: case_clinic\n      visibilty: internal\n"
        },
        (
            "{dir}/sessions.yaml:6: $[0].programme[0].visibilty: unknown key 'visibilty'; "
            "did you mean 'visibility'?",
        ),
    ),
    Case(
        "abbreviated-key",
        {"community.yaml": COMMUNITY + "intro:\n  - text: Hello\n    vis: internal\n"},
        ("{dir}/community.yaml:7: $.intro[0].vis: unknown key 'vis'; did you mean 'visibility'?",),
    ),
    Case(
        "missing-required-field",
        {"community.yaml": "period:\n  start: 2025-01-01\n"},
        ("{dir}/community.yaml:1: $.name: required field 'name' is missing",),
    ),
    Case(
        "empty-file",
        {"lessons.yaml": ""},
        ("{dir}/lessons.yaml: file is empty",),
    ),
    Case(
        "comment-only-file",
        {"lessons.yaml": "# lessons come here\n\n# later\n"},
        ("{dir}/lessons.yaml: file is empty (it holds only comments)",),
    ),
    Case(
        "binary-file",
        {"lessons.yaml": b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR"},
        ("{dir}/lessons.yaml: binary file, expected YAML or JSON text",),
    ),
    Case(
        "not-utf8",
        {"lessons.yaml": "- text: fine\n- text: caf\xe9 au lait\n".encode("latin-1")},
        ("{dir}/lessons.yaml:2: not valid UTF-8 text (byte 0xe9); save the file as UTF-8",),
    ),
    Case(
        "utf16-text",
        {"lessons.yaml": "- text: A lesson\n".encode("utf-16")},
        ("{dir}/lessons.yaml: saved as UTF-16; save the file as UTF-8",),
    ),
    Case(
        "missing-community-file",
        {},
        ("{dir}/community.yaml: required file is missing",),
        remove=("community.yaml",),
    ),
    Case(
        "list-where-mapping-expected",
        {"community.yaml": "- name: Test community\n"},
        (
            "{dir}/community.yaml:1: $: expected a mapping of the community's fields, got a list",
            "{dir}/community.yaml: sessions are not checked against the period until this file can be read",
        ),
    ),
    Case(
        "mapping-where-list-expected",
        {"lessons.yaml": "text: A lesson\nkind: tip\n"},
        ("{dir}/lessons.yaml:1: $: expected a list of lessons, got a mapping",),
    ),
    Case(
        "text-where-list-expected",
        {"sessions.yaml": "- id: s1\n  start: 2025-03-12\n  attendance: ann, bob\n"},
        ("{dir}/sessions.yaml:3: $[0].attendance: expected a list, got the text 'ann, bob'",),
    ),
    Case(
        "null-item-in-list",
        {"lessons.yaml": "- text: A lesson\n-\n"},
        ("{dir}/lessons.yaml:2: $[1]: expected a mapping of fields, got an empty value (null)",),
    ),
    Case(
        "number-for-passage",
        {"community.yaml": COMMUNITY + "intro:\n  - 42\n"},
        (
            "{dir}/community.yaml:6: $.intro[0]: expected text, or a mapping with text and "
            "visibility; got an integer (42)",
        ),
    ),
    Case(
        "wrong-items-in-list-of-texts",
        {"community.yaml": COMMUNITY + "colophon:\n  editors: [Ann, 7, null]\n"},
        (
            "{dir}/community.yaml:6: $.colophon.editors[1]: expected text, got an integer (7) "
            "(put it in quotes)",
            "{dir}/community.yaml:6: $.colophon.editors[2]: expected text, "
            "got an empty value (null)",
        ),
    ),
    Case(
        "duplicate-yaml-key",
        {"community.yaml": COMMUNITY + "name: Another name\n"},
        ("{dir}/community.yaml:5: $.name: key 'name' appears twice (first on line 1)",),
    ),
    Case(
        "duplicate-keys-all-reported",
        {
            "members.yaml": "- id: ann\n  name: Ann\n  name: Anne\n"
            "- id: bob\n  name: Bob\n  role: chair\n  role: member\n"
        },
        (
            "{dir}/members.yaml:3: $[0].name: key 'name' appears twice (first on line 2)",
            "{dir}/members.yaml:7: $[1].role: key 'role' appears twice (first on line 6)",
        ),
    ),
    Case(
        "duplicate-ids",
        {"members.yaml": "- id: ann\n  name: Ann\n- id: bob\n  name: Bob\n- id: ann\n  name: An\n"},
        ("{dir}/members.yaml:5: $[2].id: duplicate member id 'ann' (first on line 1)",),
    ),
    Case(
        "attendance-of-unknown-member",
        {"sessions.yaml": "- id: s1\n  start: 2025-03-12\n  attendance:\n    - ann\n    - carl\n"},
        ("{dir}/sessions.yaml:5: $[0].attendance[1]: session 's1': unknown member 'carl'",),
    ),
    Case(
        "member-listed-twice",
        {"sessions.yaml": "- id: s1\n  start: 2025-03-12\n  attendance:\n    - ann\n    - ann\n"},
        (
            "{dir}/sessions.yaml:5: $[0].attendance[1]: session 's1': member 'ann' is listed twice (first on line 4)",
        ),
    ),
    Case(
        "quote-by-unknown-speaker",
        {"quotes.yaml": "- text: Hello\n  speaker: guest-2\n"},
        (
            "{dir}/quotes.yaml:2: $[0].speaker: unknown speaker 'guest-2' (not a member or guest id); did you mean 'guest-1'?",
        ),
    ),
    Case(
        "lesson-in-unknown-chapter",
        {"lessons.yaml": "- text: A lesson\n  chapter: how-we-wrok\n"},
        (
            "{dir}/lessons.yaml:2: $[0].chapter: unknown chapter 'how-we-wrok'; did you mean 'how-we-work'?",
        ),
    ),
    Case(
        "lesson-from-unknown-session",
        {"lessons.yaml": "- text: A lesson\n  session: s9\n"},
        ("{dir}/lessons.yaml:2: $[0].session: unknown session 's9'",),
    ),
    Case(
        "member-of-unknown-organisation",
        {"members.yaml": "- id: ann\n  name: Ann\n  organisation: org-z\n- id: bob\n  name: Bob\n"},
        (
            "{dir}/members.yaml:3: $[0].organisation: member 'ann': unknown organisation 'org-z'; did you mean 'org-a'?",
        ),
    ),
    Case(
        "member-leaves-before-joining",
        {
            "members.yaml": "- id: ann\n  name: Ann\n- id: bob\n  name: Bob\n"
            "  joined: 2025-06-01\n  left: 2025-05-01\n",
            "sessions.yaml": "- id: s1\n  start: 2025-03-12\n",
        },
        (
            "{dir}/members.yaml:6: $[1].left: member 'bob': leaves (2025-05-01) before joining (2025-06-01)",
        ),
    ),
    Case(
        "session-before-period",
        {"sessions.yaml": "- id: s1\n  start: 2024-12-31\n"},
        (
            "{dir}/sessions.yaml:2: $[0].start: session 's1': session starts (2024-12-31) before the community's period starts (2025-01-01)",
        ),
    ),
    Case(
        "session-after-period",
        {"sessions.yaml": "- id: s1\n  start: 2026-12-31\n  end: 2027-01-01\n"},
        (
            "{dir}/sessions.yaml:3: $[0].end: session 's1': session ends (2027-01-01) after the community's period ends (2026-12-31)",
        ),
    ),
    Case(
        "attends-before-joining",
        {
            "members.yaml": "- id: ann\n  name: Ann\n  joined: 2025-04-01\n",
            "sessions.yaml": "- id: s1\n  start: 2025-03-12\n  attendance: [ann]\n",
        },
        (
            "{dir}/sessions.yaml:3: $[0].attendance[0]: session 's1': member 'ann' attends on 2025-03-12, before joining on 2025-04-01",
        ),
    ),
    Case(
        "attends-after-leaving",
        {
            "members.yaml": "- id: ann\n  name: Ann\n  left: 2025-02-01\n",
            "sessions.yaml": "- id: s1\n  start: 2025-03-12\n  attendance: [ann]\n",
        },
        (
            "{dir}/sessions.yaml:3: $[0].attendance[0]: session 's1': member 'ann' attends on 2025-03-12, after leaving on 2025-02-01",
        ),
    ),
    Case(
        "session-ends-before-it-starts",
        {"sessions.yaml": "- id: s1\n  start: 2025-03-12\n  end: 2025-03-10\n"},
        ("{dir}/sessions.yaml:3: $[0].end: ends (2025-03-10) before it starts (2025-03-12)",),
    ),
    Case(
        "invalid-enum-with-suggestion",
        {"lessons.yaml": "- text: A lesson\n  kind: lesosn\n"},
        (
            "{dir}/lessons.yaml:2: $[0].kind: expected one of lesson, tip, insight; "
            "got the text 'lesosn'; did you mean 'lesson'?",
        ),
    ),
    Case(
        "chapter-part-out-of-range",
        {"chapters.yaml": "- id: how-we-work\n  part: 3\n  title: How we work\n"},
        (
            "{dir}/chapters.yaml:2: $[0].part: expected 1 (about the CoP) or 2 (about the "
            "domain), got 3",
        ),
    ),
    Case(
        "guest-id-is-a-member-id",
        {
            "sessions.yaml": "- id: s1\n  start: 2025-03-12\n"
            "  guests:\n    - id: bob\n      name: B\n"
        },
        (
            "{dir}/sessions.yaml:4: $[0].guests[0].id: session 's1': guest id 'bob' is also a member id",
        ),
    ),
    Case(
        "community-yaml-and-json",
        {"community.json": '{"name": "Test community", "period": {"start": "2025-01-01"}}\n'},
        ("{dir}/community.yaml: both community.yaml and community.json exist; keep only one",),
    ),
    Case(
        "json-syntax-error",
        {"lessons.json": '[\n  {"text": "A lesson"},\n  {"text": "Another" "kind": "tip"}\n]\n'},
        ("{dir}/lessons.json:3:22: JSON syntax error: Expecting ',' delimiter",),
        remove=("lessons.yaml",),
    ),
    Case(
        "json-repeated-key-with-tabs",
        {
            "quotes.json": '[\n\t{\n\t\t"text": "Hi",\n\t\t"speaker": "ann",'
            '\n\t\t"text": "Ho"\n\t}\n]\n'
        },
        ("{dir}/quotes.json:5: $[0].text: key 'text' appears twice (first on line 3)",),
        remove=("quotes.yaml",),
    ),
    Case(
        "json-nan",
        {
            "community.json": '{\n  "name": "Test community",\n  "period": {"start": "2025-01-01"},'
            '\n  "settings": {"core_rate": NaN}\n}\n'
        },
        ("{dir}/community.json:4: $.settings.core_rate: expected a finite number, got nan",),
        remove=("community.yaml",),
    ),
    Case(
        "newer-format-version",
        {"community.yaml": "format_version: 3\n" + COMMUNITY + "sparkle: true\n"},
        (
            "{dir}/community.yaml:1: $.format_version: format version 3 is newer than this "
            "copharvest reads (2); upgrade copharvest",
        ),
    ),
    Case(
        "unsupported-locale",
        {"community.yaml": COMMUNITY + "locale: fr\n"},
        ("{dir}/community.yaml:5: $.locale: unsupported locale 'fr'; expected one of en, nl",),
    ),
    Case(
        "several-problems-in-one-file",
        {
            "community.yaml": "name: 12\nperiod:\n  start: 2010-13-45\nlocale: [en]\n"
            "pack: wijkenaanpak\nsubtitel: x\ncolophon:\n  date: May 2011\n"
        },
        (
            "{dir}/community.yaml:1: $.name: expected text, got an integer (12) (put it in quotes)",
            "{dir}/community.yaml:3: $.period.start: impossible date '2010-13-45': month must be in 1..12",
            "{dir}/community.yaml:4: $.locale: expected text, got a list",
            "{dir}/community.yaml:6: $.subtitel: unknown key 'subtitel'; did you mean 'subtitle'?",
            "{dir}/community.yaml:8: $.colophon.date: expected a date written as YYYY-MM-DD, got the text 'May 2011'",
            "{dir}/community.yaml: sessions are not checked against the period until this file can be read",
        ),
    ),
    Case(
        "problems-in-several-files",
        {
            "members.yaml": "- id: ann\n  name: Ann\n  consent: 1\n",
            "lessons.yaml": "- text: A lesson\n  source: guests\n",
        },
        (
            "{dir}/members.yaml:3: $[0].consent: expected true or false, got an integer (1)",
            "{dir}/sessions.yaml:7: $[0].attendance[1]: session 's1': unknown member 'bob'",
            "{dir}/lessons.yaml:2: $[0].source: expected one of participants, guest, distilled; got the text 'guests'; did you mean 'guest'?",
        ),
    ),
    Case(
        "records-in-the-community-file",
        {"community.yaml": COMMUNITY + "members:\n  - id: carl\n"},
        (
            "{dir}/community.yaml:5: $.members: members belong in members.yaml, "
            "not in community.yaml",
        ),
    ),
    Case(
        "misspelt-file-name",
        {"session.yaml": "- id: s2\n  start: 2025-05-01\n"},
        (
            "{dir}/session.yaml: unknown file name; did you mean sessions.yaml? (its records are not read)",
        ),
    ),
    Case(
        "cover-image-missing",
        {"community.yaml": COMMUNITY + "cover_image: cover.jpg\n"},
        (
            "{dir}/community.yaml:5: $.cover_image: 'cover.jpg' does not exist in the harvest folder",
        ),
    ),
    Case(
        "cover-image-not-a-picture",
        {
            "community.yaml": COMMUNITY + "cover_image: images/cover.png\n",
            "images/cover.png": b"%PDF-1.7 not a picture",
        },
        (
            "{dir}/community.yaml:5: $.cover_image: 'images/cover.png' is not a PNG, JPEG or GIF picture",
        ),
    ),
    Case(
        "cover-image-outside-the-folder",
        {"community.yaml": COMMUNITY + "cover_image: ../cover.png\n"},
        (
            "{dir}/community.yaml:5: $.cover_image: '../cover.png': give a path inside the harvest folder",
        ),
    ),
    Case(
        "cover-image-damaged",
        {
            "community.yaml": COMMUNITY + "cover_image: cover.png\n",
            "cover.png": b"\x89PNG\r\n\x1a\n" + b"\0" * 20,
        },
        ("{dir}/community.yaml:5: $.cover_image: 'cover.png' is damaged: its size cannot be read",),
    ),
    Case(
        "cover-image-with-a-null-character",
        {"community.yaml": COMMUNITY + 'cover_image: "a\\0b.png"\n'},
        (
            "{dir}/community.yaml:5: $.cover_image: 'a\\x00b.png': give a path inside the harvest folder",
        ),
    ),
    Case(
        "an-integer-too-long-for-python",
        {"community.yaml": COMMUNITY + "format_version: " + "1" * 5000 + "\n"},
        (
            "{dir}/community.yaml: a value Python cannot read: Exceeds the limit (4300 digits) for integer string conversion: value has 5000 digits; use sys.set_int_max_str_digits() to increase the limit",
            "{dir}/community.yaml: sessions are not checked against the period until this file can be read",
        ),
    ),
    Case(
        "cover-image-is-a-folder",
        {"community.yaml": COMMUNITY + "cover_image: images\n", "images/x.txt": "x"},
        ("{dir}/community.yaml:5: $.cover_image: 'images' is a folder, not a picture",),
    ),
    Case(
        "a-guest-of-a-session-that-fails",
        {
            "sessions.yaml": """\
                - id: s1
                  start: 2025-03-12
                  guests:
                    - id: guest-1
                      name: A. Guest
                  attendence: [ann, bob]
                """,
            "quotes.yaml": """\
                - text: We talked about our work.
                  speaker: guest-1
                - text: And about the weather.
                  speaker: guest-2
                """,
        },
        (
            "{dir}/sessions.yaml:6: $[0].attendence: unknown key 'attendence'; did you mean 'attendance'?",
            "{dir}/quotes.yaml:4: $[1].speaker: unknown speaker 'guest-2' (not a member or guest id); did you mean 'guest-1'?",
        ),
    ),
]


def _folder(tmp_path: Path, case: Case) -> Path:
    folder = tmp_path / "harvest"
    folder.mkdir()
    files: dict[str, str | bytes] = {**BASE, **case.files}
    for name in case.remove:
        del files[name]
    for name, content in files.items():
        data = content if isinstance(content, bytes) else textwrap.dedent(content).encode()
        (folder / name).parent.mkdir(parents=True, exist_ok=True)
        (folder / name).write_bytes(data)
    return folder


def _snapshot(folder: Path) -> dict[str, bytes]:
    return {str(p.relative_to(folder)): p.read_bytes() for p in folder.rglob("*") if p.is_file()}


def _check(folder: Path) -> tuple[int, list[str], str]:
    result = CliRunner().invoke(cli, ["check", str(folder)], catch_exceptions=False)
    return result.exit_code, result.stderr.splitlines(), result.output


def test_there_are_enough_cases() -> None:
    assert len(CASES) >= 30
    assert len({c.id for c in CASES}) == len(CASES)


@pytest.mark.parametrize("case", CASES, ids=[c.id for c in CASES])
def test_malformed_folder(tmp_path: Path, case: Case) -> None:
    folder = _folder(tmp_path, case)
    before = _snapshot(folder)
    code, lines, output = _check(folder)
    expected = [line.format(dir=folder) for line in case.expected]
    assert lines[:-1] == expected
    count = len(expected)
    assert lines[-1] == f"Error: {count} problem{'s' if count != 1 else ''} found"
    assert code == case.exit_code
    assert "Traceback" not in output
    assert _snapshot(folder) == before, "check must never modify its input"


def test_valid_base_folder_passes(tmp_path: Path) -> None:
    folder = _folder(tmp_path, Case("valid", {}, ()))
    code, lines, output = _check(folder)
    assert (code, lines) == (0, []), output


def test_folder_without_harvest_files(tmp_path: Path) -> None:
    (tmp_path / "notes.txt").write_text("not a harvest\n")
    code, lines, _ = _check(tmp_path)
    assert code == 1
    assert lines[0] == (
        f"{tmp_path}: not a harvest folder: no community.yaml (run 'copharvest init' to start one)"
    )


def test_path_that_does_not_exist(tmp_path: Path) -> None:
    missing = tmp_path / "nowhere"
    code, lines, _ = _check(missing)
    assert code == 1
    assert lines[0] == f"{missing}: does not exist; expected a harvest folder"


@pytest.mark.parametrize(
    ("args", "message"),
    [
        (["check"], "Error: Missing argument 'FOLDER'."),
        (["check", "--colour", "."], "Error: No such option '--colour'."),
        (["chek", "."], "Error: No such command 'chek'."),
    ],
    ids=["no-folder", "unknown-option", "unknown-command"],
)
def test_usage_errors_exit_2(args: list[str], message: str) -> None:
    result = CliRunner().invoke(cli, args, catch_exceptions=False)
    assert result.exit_code == 2
    assert result.stderr.splitlines()[-1] == message
    assert "Traceback" not in result.output


def test_a_file_given_as_folder_is_a_usage_error(tmp_path: Path) -> None:
    file = tmp_path / "community.yaml"
    file.write_text(COMMUNITY)
    result = CliRunner().invoke(cli, ["check", str(file)], catch_exceptions=False)
    assert result.exit_code == 2
    assert "is a file" in result.stderr


def test_json_output_lists_every_problem(tmp_path: Path) -> None:
    case = next(c for c in CASES if c.id == "duplicate-keys-all-reported")
    folder = _folder(tmp_path, case)
    result = CliRunner().invoke(cli, ["check", "--json", str(folder)], catch_exceptions=False)
    assert result.exit_code == 1
    payload = json.loads(result.stdout)
    assert payload["ok"] is False
    assert payload["problems"] == [
        {
            "file": str(folder / "members.yaml"),
            "line": 3,
            "column": None,
            "path": "$[0].name",
            "message": "key 'name' appears twice (first on line 2)",
        },
        {
            "file": str(folder / "members.yaml"),
            "line": 7,
            "column": None,
            "path": "$[1].role",
            "message": "key 'role' appears twice (first on line 6)",
        },
    ]


def test_real_process_prints_lines_and_no_traceback(tmp_path: Path) -> None:
    case = next(c for c in CASES if c.id == "several-problems-in-one-file")
    folder = _folder(tmp_path, case)
    before = _snapshot(folder)
    env = {**os.environ, "PYTHONIOENCODING": "utf-8"}
    done = subprocess.run(
        [sys.executable, "-m", "copharvest", "check", str(folder)],
        capture_output=True,
        text=True,
        env=env,
        timeout=60,
        check=False,
    )
    assert done.returncode == 1
    assert done.stderr.splitlines()[:-1] == [line.format(dir=folder) for line in case.expected]
    assert "Traceback" not in done.stderr + done.stdout
    assert _snapshot(folder) == before
