"""``copharvest.build`` and ``copharvest.analyse``: the command line's results, from Python."""

from __future__ import annotations

import json
import os
import shutil
import subprocess
import sys
import warnings
import zipfile
from pathlib import Path

import attrs
import pytest
from PIL import Image

import copharvest
from copharvest.outputs import OutputError
from copharvest.pipeline import BuildError
from copharvest.plugins import PluginWarning, get_plugins

ROOT = Path(__file__).resolve().parent.parent
EXAMPLES = {
    "wijkenaanpak": ROOT / "examples" / "wijkenaanpak-2009-2011",
    "youth-care": ROOT / "examples" / "youth-care" / "harvest",
}


def cli(*args: str, cwd: Path) -> subprocess.CompletedProcess[str]:
    env = {k: v for k, v in os.environ.items() if k != "COPHARVEST_SKIP_PLUGINS"}
    return subprocess.run(
        [sys.executable, "-m", "copharvest", *args],
        capture_output=True,
        text=True,
        cwd=cwd,
        env=env,
        timeout=300,
    )


@pytest.mark.parametrize("name", sorted(EXAMPLES))
def test_analyse_gives_the_findings_of_check(name: str, tmp_path: Path) -> None:
    folder = EXAMPLES[name]
    result = cli("check", "--json", str(folder), cwd=tmp_path)
    assert result.returncode == 0, result.stderr
    expected = json.loads(result.stdout)["health"]
    community = copharvest.load(folder)
    for audience in ("public", None):
        found = [f.to_json() for f in copharvest.analyse(community, audience=audience).health]
        assert found == expected
    # the pack's own checks are among them
    assert any(str(f["lesson"]).startswith(("wijkenaanpak:", "youthcare:")) for f in expected)


@pytest.mark.parametrize(
    ("args", "kwargs"),
    [
        (["-o", "out.docx"], {"output": "out.docx"}),
        (["-o", "out.md"], {"output": "out.md"}),
        (["-o", "out.json"], {"output": "out.json"}),
        (
            ["-o", "internal.md", "--audience", "internal", "--locale", "en"],
            {"output": "internal.md", "audience": "internal", "locale": "en"},
        ),
        (["-f", "markdown", "-o", "out.txt"], {"output": "out.txt", "format": "markdown"}),
        ([], {}),  # the default name: the folder's, as docx
    ],
    ids=["docx", "markdown", "json", "internal-en", "format-given", "default-name"],
)
def test_build_writes_what_the_command_line_writes(
    args: list[str], kwargs: dict[str, str], tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    folder = EXAMPLES["wijkenaanpak"]
    (tmp_path / "cli").mkdir()
    (tmp_path / "lib").mkdir()
    result = cli("build", str(folder), "-q", *args, cwd=tmp_path / "cli")
    assert result.returncode == 0, result.stderr
    [made] = list((tmp_path / "cli").iterdir())
    monkeypatch.chdir(tmp_path / "lib")
    written = copharvest.build(folder, **kwargs)  # type: ignore[arg-type]
    assert written.name == made.name
    assert written.read_bytes() == made.read_bytes()


def _with_cover(tmp_path: Path) -> Path:
    folder = tmp_path / "harvest"
    shutil.copytree(EXAMPLES["wijkenaanpak"], folder)
    Image.new("RGB", (800, 500), "steelblue").save(folder / "cover.png")
    with (folder / "community.yaml").open("a", encoding="utf-8") as handle:
        handle.write("cover_image: cover.png\n")
    return folder


def _media(docx: Path) -> list[str]:
    with zipfile.ZipFile(docx) as package:
        return [n for n in package.namelist() if n.startswith("word/media/")]


def test_a_community_keeps_its_cover_picture(tmp_path: Path) -> None:
    folder = _with_cover(tmp_path)
    community = copharvest.load(folder)
    from_folder = copharvest.build(folder, tmp_path / "a.docx", charts=False)
    from_records = copharvest.build(community, tmp_path / "b.docx", charts=False, folder=folder)
    assert len(_media(from_folder)) == 1
    assert from_records.read_bytes() == from_folder.read_bytes()
    # without the folder the picture cannot be found: an error, not a booklet without it
    with pytest.raises(BuildError, match=r"names a cover picture \(cover.png\); give folder="):
        copharvest.build(community, tmp_path / "c.docx", charts=False)
    assert not (tmp_path / "c.docx").exists()
    bare = copharvest.build(
        attrs.evolve(community, cover_image=None), tmp_path / "d.docx", charts=False
    )
    assert _media(bare) == []


@pytest.mark.parametrize(
    ("output", "kwargs", "message"),
    [
        ("members.yaml", {"format": "markdown"}, "is an input of this command"),
        ("out.md", {"format": "json"}, "the suffix '.md' is for markdown, not json"),
        ("out.xyz", {}, "cannot tell the format from the suffix '.xyz'"),
        ("nowhere/out.md", {}, "folder nowhere does not exist"),
        ("-", {}, "give the path of a file"),
    ],
)
def test_build_refuses_what_the_command_line_refuses(
    output: str,
    kwargs: dict[str, str],
    message: str,
    tmp_path: Path,
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    folder = tmp_path / "harvest"
    shutil.copytree(EXAMPLES["wijkenaanpak"], folder)
    before = {p.name: p.read_bytes() for p in folder.iterdir()}
    monkeypatch.chdir(tmp_path)
    target = folder / output if output == "members.yaml" else Path(output)
    with pytest.raises(OutputError, match=message):
        copharvest.build(folder, target, charts=False, **kwargs)  # type: ignore[arg-type]
    assert {p.name: p.read_bytes() for p in folder.iterdir()} == before


def test_build_raises_for_bad_records(tmp_path: Path) -> None:
    folder = tmp_path / "harvest"
    folder.mkdir()
    (folder / "community.yaml").write_text("name: x\n", encoding="utf-8")
    with pytest.raises(copharvest.HarvestError):
        copharvest.build(folder, tmp_path / "out.md")
    assert not (tmp_path / "out.md").exists()


def test_plugin_problems_are_warnings(tmp_path: Path) -> None:
    class Broken:
        @copharvest.hookimpl
        def adjust_harvest(self, harvest: object, pack: object) -> object:
            raise RuntimeError("nope")

    plugins = get_plugins(extra=[("broken", Broken())])
    with warnings.catch_warnings(record=True) as caught:
        warnings.simplefilter("always")
        copharvest.build(EXAMPLES["wijkenaanpak"], tmp_path / "out.md", plugins=plugins)
    lines = [str(w.message) for w in caught if issubclass(w.category, PluginWarning)]
    assert lines == [
        "plugin 'broken' failed in adjust_harvest: RuntimeError: nope; continuing without it"
    ]


def test_import_copharvest_stays_cheap() -> None:
    code = (
        "import sys, copharvest\n"
        "heavy = [m for m in ('copharvest.pipeline', 'copharvest.plugins', 'copharvest.library') "
        "if m in sys.modules]\n"
        "print(heavy, callable(copharvest.build), callable(copharvest.analyse))\n"
    )
    result = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True)
    assert result.stdout.strip() == "[] True True", result.stderr
