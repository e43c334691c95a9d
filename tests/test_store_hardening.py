"""Hostile harvest folders: budgets, files that are not files, lengths Word cannot hold,
terminal controls. Each ends in located lines and exit 1, never a traceback or a hang.

Cases start from the small valid folder of ``test_store_errors`` and go through the
real CLI (``copharvest check``) and through ``copharvest.load``; the input files must
be byte-identical afterwards.
"""

from __future__ import annotations

import json
import os
import subprocess
import sys
from collections.abc import Callable
from pathlib import Path

import attrs
import pytest
from click.testing import CliRunner

import copharvest
from copharvest.cli import cli
from copharvest.store import HarvestError, yamlio
from copharvest.store.converter import MAX_TEXT
from copharvest.store.dialect import MAX_ALIAS_NODES, MAX_DEPTH
from copharvest.store.folder import MAX_FOLDER_BYTES
from copharvest.store.problems import Problem, printable
from test_store_errors import BASE, COMMUNITY, Case, _folder

LAUGHS = "a: &a [x, x, x, x, x, x, x, x, x, x]\n" + "".join(
    f"{chr(98 + i)}: &{chr(98 + i)} [{', '.join([f'*{chr(97 + i)}'] * 10)}]\n" for i in range(8)
)
"""A "billion laughs": nine lines that expand to 10**9 values."""


def _nested_json(depth: int) -> str:
    return '[{"text": "x", "speaker": "ann"}, ' + "[" * depth + "]" * depth + "]"


@attrs.frozen
class Hostile:
    """A hostile folder: files to write (or a function that makes them) and the lines expected."""

    id: str
    files: dict[str, str | bytes]
    expected: tuple[str, ...]
    make: Callable[[Path], None] | None = None
    remove: tuple[str, ...] = ()


def _fifo(name: str) -> Callable[[Path], None]:
    def make(folder: Path) -> None:
        (folder / name).unlink(missing_ok=True)
        os.mkfifo(folder / name)

    return make


def _link(name: str, target: str) -> Callable[[Path], None]:
    def make(folder: Path) -> None:
        (folder / name).unlink(missing_ok=True)
        os.symlink(target, folder / name)

    return make


def _sparse(sizes: dict[str, int]) -> Callable[[Path], None]:
    # sparse files: their size is what a stat reports, without writing the bytes
    def make(folder: Path) -> None:
        for name, size in sizes.items():
            with (folder / name).open("r+b" if (folder / name).exists() else "wb") as f:
                f.truncate(size)

    return make


def _directory(name: str) -> Callable[[Path], None]:
    def make(folder: Path) -> None:
        (folder / name).unlink()
        (folder / name).mkdir()

    return make


MB = 1024 * 1024
NOT_CHECKED = (
    "{dir}/%s.yaml: references to %s from other files are not checked until this file can be read"
)

HOSTILE = [
    Hostile(
        "billion-laughs",
        {"lessons.yaml": LAUGHS},
        (
            f"{{dir}}/lessons.yaml:1: aliases (*name) would repeat 1,234,567,880 values; "
            f"at most {MAX_ALIAS_NODES:,} are allowed in one file",
        ),
    ),
    Hostile(
        "alias-that-contains-itself",
        {"lessons.yaml": "- &a\n  text: x\n  more: *a\n"},
        ("{dir}/lessons.yaml:1: an alias refers to a value that contains it",),
    ),
    Hostile(
        "yaml-nested-100-deep",
        {"lessons.yaml": "- text: " + "[" * 100 + "]" * 100 + "\n"},
        (
            f"{{dir}}/lessons.yaml:1: nested more than {MAX_DEPTH} levels deep; "
            "a harvest file needs a handful",
        ),
    ),
    Hostile(
        "yaml-nested-1000-deep",
        {"lessons.yaml": "- text: " + "[" * 1000 + "]" * 1000 + "\n"},
        (
            "{dir}/lessons.yaml:1:1007: YAML syntax error: exceeded maximum nesting depth "
            "(while increasing flow level)",
        ),
    ),
    Hostile(
        "yaml-nested-deep-with-an-anchor",
        {"lessons.yaml": "- text: &x " + "[" * 200 + "]" * 200 + "\n"},
        (
            f"{{dir}}/lessons.yaml:1: nested more than {MAX_DEPTH} levels deep; "
            "a harvest file needs a handful",
        ),
    ),
    Hostile(
        "json-nested-1000-deep",
        {"quotes.json": _nested_json(1000)},
        (
            f"{{dir}}/quotes.json: nested more than {MAX_DEPTH} levels deep; "
            "a harvest file needs a handful",
        ),
        remove=("quotes.yaml",),
    ),
    Hostile(
        "json-nested-100000-deep",
        {"quotes.json": _nested_json(100_000)},
        (
            f"{{dir}}/quotes.json: nested more than {MAX_DEPTH} levels deep; "
            "a harvest file needs a handful",
        ),
        remove=("quotes.yaml",),
    ),
    Hostile(
        "json-lone-surrogate",
        {"quotes.json": '[\n  {"text": "half \\ud800 a character",\n   "speaker": "ann"}\n]\n'},
        (
            "{dir}/quotes.json:2: $[0].text: a lone surrogate escape (\\ud800 to \\udfff) is "
            "not a character; write the character itself",
        ),
        remove=("quotes.yaml",),
    ),
    Hostile(
        "file-over-50-mb",
        {},
        ("{dir}/lessons.yaml: file is larger than 50 MB, the most a harvest file may be",),
        make=_sparse({"lessons.yaml": 50 * MB + 1}),
    ),
    Hostile(
        "folder-over-the-total",
        {},
        ("{dir}: the harvest files hold 225 MB, more than the 200 MB a harvest folder may hold",),
        make=_sparse(
            {f"{n}.yaml": 45 * MB for n in ("lessons", "quotes", "readings", "tables", "chapters")}
        ),
    ),
    Hostile(
        "fifo-named-like-a-harvest-file",
        {},
        (
            "{dir}/members.yaml: is a named pipe (FIFO), not a file",
            NOT_CHECKED % ("members", "members"),
        ),
        make=_fifo("members.yaml"),
    ),
    Hostile(
        "dangling-symlink",
        {},
        (
            "{dir}/sessions.yaml: is a link to a file that does not exist",
            NOT_CHECKED % ("sessions", "sessions"),
        ),
        make=_link("sessions.yaml", "gone.yaml"),
    ),
    Hostile(
        "folder-named-like-a-harvest-file",
        {},
        (
            "{dir}/chapters.yaml: is a folder, not a file",
            NOT_CHECKED % ("chapters", "chapters"),
        ),
        make=_directory("chapters.yaml"),
    ),
    Hostile(
        "symlink-to-a-device",
        {},
        (
            "{dir}/readings.yaml: is a link to a file outside the harvest folder; "
            "copy the file in instead",
        ),
        make=_link("readings.yaml", "/dev/zero"),
    ),
    Hostile(
        "symlink-outside-the-folder",
        {},
        (
            "{dir}/quotes.yaml: is a link to a file outside the harvest folder; "
            "copy the file in instead",
        ),
        make=_link("quotes.yaml", "/etc/hostname"),
    ),
    Hostile(
        "name-too-long-for-word",
        {"community.yaml": COMMUNITY.replace("Test community", "N" * 256)},
        (
            "{dir}/community.yaml:1: $.name: 256 characters; Word keeps at most 255 in the "
            "title of a document, so shorten it",
        ),
    ),
    Hostile(
        "subtitle-and-publisher-too-long",
        {
            "community.yaml": COMMUNITY
            + f"subtitle: {'s' * 300}\ncolophon:\n  publisher: {'p' * 1000}\n"
        },
        (
            "{dir}/community.yaml:5: $.subtitle: 300 characters; Word keeps at most 255 in the "
            "subject of a document, so shorten it",
            "{dir}/community.yaml:7: $.colophon.publisher: 1,000 characters; Word keeps at most "
            "255 in the company of a document, so shorten it",
        ),
    ),
    Hostile(
        "passage-over-the-text-limit",
        {"community.yaml": COMMUNITY + f"intro:\n  - {'w' * (MAX_TEXT + 1)}\n"},
        (
            "{dir}/community.yaml:6: $.intro[0]: a text of 1,000,001 characters; at most "
            "1,000,000 are allowed in one text (split it into paragraphs or move it to a file "
            "of its own)",
        ),
    ),
    Hostile(
        "id-over-the-text-limit-in-a-list",
        {
            "sessions.yaml": f"- id: s1\n  start: 2025-03-12\n  attendance: [ann, {'b' * (MAX_TEXT + 1)}]\n"
        },
        (
            "{dir}/sessions.yaml:3: $[0].attendance[1]: a text of 1,000,001 characters; at most "
            "1,000,000 are allowed in one text (split it into paragraphs or move it to a file "
            "of its own)",
        ),
    ),
    Hostile(
        "terminal-escapes-in-a-problem",
        {
            "sessions.yaml": '- id: "s1\\e]0;owned\\a"\n  start: 2025-03-12\n  attendance: ["\\e[2Jx"]\n'
        },
        (
            "{dir}/sessions.yaml:3: $[0].attendance[0]: session 's1\\x1b]0;owned\\x07': "
            "unknown member '\\x1b[2Jx'",
            "{dir}/lessons.yaml:3: $[0].session: unknown session 's1'",
        ),
    ),
    Hostile(
        "c1-controls-and-newlines-in-a-key",
        {"members.yaml": '- id: ann\n  name: Ann\n  "ro\\x9ble\\nx": 1\n- id: bob\n  name: Bob\n'},
        (
            "{dir}/members.yaml:3: $[0]['ro\\x9ble\\nx']: unknown key 'ro\\x9ble\\nx'; did you mean 'role'?",
        ),
    ),
]


def _make(tmp_path: Path, case: Hostile) -> Path:
    folder = _folder(tmp_path, Case(case.id, case.files, (), remove=case.remove))
    if case.make is not None:
        case.make(folder)
    return folder


def _snapshot(folder: Path) -> dict[str, bytes]:
    # only regular files are read back; a FIFO or a device is never opened
    return {
        p.name: p.read_bytes()
        for p in folder.iterdir()
        if p.is_file() and not p.is_symlink() and p.stat().st_size < MB
    }


@pytest.mark.parametrize("case", HOSTILE, ids=[c.id for c in HOSTILE])
def test_hostile_folder_through_the_cli(tmp_path: Path, case: Hostile) -> None:
    folder = _make(tmp_path, case)
    before = _snapshot(folder)
    result = CliRunner().invoke(cli, ["check", str(folder)], catch_exceptions=False)
    expected = [line.format(dir=folder) for line in case.expected]
    lines = result.stderr.splitlines()
    assert lines[:-1] == expected
    assert lines[-1] == f"Error: {len(expected)} problem{'s' if len(expected) != 1 else ''} found"
    assert result.exit_code == 1
    assert "Traceback" not in result.output
    assert "\x1b" not in result.output
    assert _snapshot(folder) == before


@pytest.mark.parametrize("case", HOSTILE, ids=[c.id for c in HOSTILE])
def test_hostile_folder_through_load(tmp_path: Path, case: Hostile) -> None:
    folder = _make(tmp_path, case)
    with pytest.raises(HarvestError) as caught:
        copharvest.load(folder)
    assert [str(p) for p in caught.value.problems] == [
        line.format(dir=folder) for line in case.expected
    ]


@pytest.mark.parametrize("name", ["members.yaml", "sessions.yaml"])
def test_a_fifo_never_hangs_a_real_process(tmp_path: Path, name: str) -> None:
    folder = _folder(tmp_path, Case("fifo", {}, ()))
    (folder / name).unlink()
    os.mkfifo(folder / name)
    done = subprocess.run(
        [sys.executable, "-m", "copharvest", "check", str(folder)],
        capture_output=True,
        text=True,
        timeout=60,
        check=False,
        env={**os.environ, "PYTHONIOENCODING": "utf-8"},
    )
    assert done.returncode == 1
    assert f"{folder / name}: is a named pipe (FIFO), not a file" in done.stderr.splitlines()
    assert "Traceback" not in done.stderr


@pytest.mark.parametrize(
    ("path", "message"),
    [("/dev/zero", "is a device, not a file"), ("/", "is a folder, not a file")],
)
def test_reading_never_opens_what_is_not_a_regular_file(path: str, message: str) -> None:
    with pytest.raises(yamlio.FileProblem) as caught:
        yamlio.read_bytes(Path(path))
    assert caught.value.problem.message == message


def test_a_fifo_is_refused_by_its_descriptor(tmp_path: Path) -> None:
    # a file swapped for a FIFO after the folder was listed: the open does not block
    fifo = tmp_path / "lessons.yaml"
    os.mkfifo(fifo)
    with pytest.raises(yamlio.FileProblem) as caught:
        yamlio.read_bytes(fifo)
    assert caught.value.problem.message == "is a named pipe (FIFO), not a file"


def test_a_link_inside_the_folder_is_read(tmp_path: Path) -> None:
    folder = _folder(tmp_path, Case("link", {}, ()))
    (folder / "kept").mkdir()
    (folder / "lessons.yaml").rename(folder / "kept" / "lessons.yaml")
    os.symlink("kept/lessons.yaml", folder / "lessons.yaml")
    assert len(copharvest.load(folder).lessons) == 1


def test_aliases_within_the_budget_still_load(tmp_path: Path) -> None:
    lessons = "- &first\n  text: Shared\n  kind: tip\n- *first\n- text: own\n"
    folder = _folder(tmp_path, Case("aliases", {"lessons.yaml": lessons}, ()))
    community = copharvest.load(folder)
    assert [lesson.text for lesson in community.lessons] == ["Shared", "Shared", "own"]


def test_folder_budget_is_documented() -> None:
    doc = (Path(__file__).parents[1] / "docs" / "data-format.md").read_text()
    for figure in ("50 MB", f"{MAX_FOLDER_BYTES // MB} MB", f"{MAX_ALIAS_NODES:,}", "255"):
        assert figure in doc, figure
    assert f"{MAX_DEPTH} levels" in doc
    assert f"{MAX_TEXT:,} characters" in doc


@pytest.mark.parametrize(
    ("text", "shown"),
    [
        ("plain ünïcode ✓", "plain ünïcode ✓"),
        ("\x1b[31mred\x1b[0m", "\\x1b[31mred\\x1b[0m"),
        ("bell\x07 and nul\x00", "bell\\x07 and nul\\x00"),
        ("c1 \x9b csi and \x85 nel", "c1 \\x9b csi and \\x85 nel"),
        ("del\x7f", "del\\x7f"),
        ("bidi \u202e override", "bidi \\u202e override"),
        ("line\u2028separator", "line\\u2028separator"),
        ("a\nb\tc", "a\\nb\\tc"),
    ],
)
def test_printable_escapes_terminal_controls(text: str, shown: str) -> None:
    assert printable(text, one_line=True) == shown
    line = str(Problem(file=Path("x.yaml"), line=1, message=text))
    assert line == f"x.yaml:1: {shown}"
    assert "\n" not in line


def test_check_summary_escapes_the_community_name(tmp_path: Path) -> None:
    community = COMMUNITY.replace("Test community", '"Evil \\e]0;title\\a \\e[2J name"')
    folder = _folder(tmp_path, Case("escape", {"community.yaml": community}, ()))
    result = CliRunner().invoke(cli, ["check", str(folder)], catch_exceptions=False)
    assert result.exit_code == 0, result.output
    assert result.stdout.splitlines()[0].startswith("Evil \\x1b]0;title\\x07 \\x1b[2J name: ")
    assert "\x1b" not in result.output
    assert "\x07" not in result.output
    payload = json.loads(
        CliRunner().invoke(cli, ["check", "--json", str(folder)], catch_exceptions=False).stdout
    )
    assert payload["summary"]["name"] == "Evil \x1b]0;title\x07 \x1b[2J name"


def test_the_example_still_loads_within_every_budget() -> None:
    example = Path(__file__).parents[1] / "examples" / "wijkenaanpak-2009-2011"
    community = copharvest.load(example)
    assert community.sessions
    assert BASE  # the base folder of the cases above is the one test_store_errors checks
