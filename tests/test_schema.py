"""The JSON Schema: generated from the model, in step with it, and useful to editors."""

from __future__ import annotations

import json
import textwrap
import typing
from pathlib import Path
from typing import Any

import attrs
import jsonschema
import pytest
from click.testing import CliRunner

from copharvest import model, schema
from copharvest.cli import cli
from copharvest.store import COLLECTIONS
from copharvest.store.yamlio import parse

ROOT = Path(__file__).resolve().parent.parent
SCAFFOLD = ROOT / "src" / "copharvest" / "scaffold" / "harvest"


def _validator(stem: str) -> jsonschema.Draft202012Validator:
    return jsonschema.Draft202012Validator(schema.file_schema(stem))


def _harvest_files() -> list[Path]:
    folders = [SCAFFOLD, *sorted(p.parent for p in ROOT.glob("examples/**/community.yaml"))]
    return [
        path
        for folder in folders
        for path in sorted(folder.iterdir())
        if path.suffix in (".yaml", ".yml", ".json") and path.stem in schema.file_stems()
    ]


def test_every_schema_is_a_valid_draft_2020_12_schema() -> None:
    for stem in schema.file_stems():
        jsonschema.Draft202012Validator.check_schema(schema.file_schema(stem))
    jsonschema.Draft202012Validator.check_schema(schema.harvest_schema())


def _check_class(cl: type, defs: dict[str, Any], leave_out: frozenset[str] = frozenset()) -> None:
    definition = defs[cl.__name__]
    if "anyOf" in definition:  # Passage: a string or the object
        definition = next(d for d in definition["anyOf"] if d.get("type") == "object")
    names = [f.name for f in attrs.fields(cl) if f.name not in leave_out]
    assert list(definition["properties"]) == names, cl.__name__
    required = [f.name for f in attrs.fields(cl) if f.default is attrs.NOTHING]
    assert definition.get("required", []) == required, cl.__name__
    assert definition["additionalProperties"] is False
    for name in names:
        assert definition["properties"][name].get("description"), f"{cl.__name__}.{name}"


def test_schema_and_model_are_in_step() -> None:
    whole = schema.harvest_schema()
    defs = whole["$defs"]
    defs["Community"] = {k: v for k, v in whole.items() if k != "$defs"}
    attrs_classes = [
        v
        for v in vars(model).values()
        if isinstance(v, type) and attrs.has(v) and v.__module__ == model.__name__
    ]
    assert attrs_classes
    for cl in attrs_classes:
        if cl is model.ChapterBlock:
            continue  # written in its short form: test_blocks_are_written_by_their_kind
        _check_class(cl, defs)
    enums = [
        v for v in vars(model).values() if isinstance(v, type) and issubclass(v, model.enum.Enum)
    ]
    for en in enums:
        if en.__module__ == model.__name__:
            assert defs[en.__name__]["enum"] == [m.value for m in en]
    # community.yaml: the Community without its collections, which have files of their own
    header = schema.file_schema("community")
    assert set(header["properties"]) == {
        f.name for f in attrs.fields(model.Community) if f.name not in COLLECTIONS
    }
    for stem, cl in COLLECTIONS.items():
        file = schema.file_schema(stem)
        assert file["type"] == "array"
        assert file["items"] == {"$ref": f"#/$defs/{cl.__name__}"}
        _check_class(cl, file["$defs"])


def test_dates_optional_fields_and_enums_are_typed() -> None:
    defs = schema.file_schema("sessions")["$defs"]
    start = defs["Session"]["properties"]["start"]
    assert start["pattern"] == schema.DATE_PATTERN
    end = defs["Session"]["properties"]["end"]
    assert {"type": "null"} in end["anyOf"]
    hints = typing.get_type_hints(model.Session)
    assert hints["place_kind"] == model.PlaceKind | None
    assert "venue" in defs["PlaceKind"]["description"]


@pytest.mark.parametrize("path", _harvest_files(), ids=lambda p: f"{p.parent.name}/{p.name}")
def test_example_files_validate(path: Path) -> None:
    data = parse(path, path.read_text(encoding="utf-8"))
    errors = list(_validator(path.stem).iter_errors(data))
    assert not errors, [e.message for e in errors]


MALFORMED = [
    ("wrong type: number for text", "members", "- id: a\n  name: 12\n"),
    ("wrong type: text for boolean", "members", "- id: a\n  name: A\n  consent: 'yes'\n"),
    ("wrong type: float for integer", "readings", "- id: r\n  title: T\n  year: 2010.5\n"),
    (
        "wrong type: mapping for list",
        "sessions",
        "- id: s\n  start: '2010-01-01'\n  attendance: {a: 1}\n",
    ),
    ("unknown key", "members", "- id: a\n  name: A\n  organisatoin: x\n"),
    (
        "unknown nested key",
        "sessions",
        "- id: s\n  start: '2010-01-01'\n  guests: [{name: G, bio: x}]\n",
    ),
    ("bad enum", "sessions", "- id: s\n  start: '2010-01-01'\n  place_kind: hotel\n"),
    (
        "bad nested enum",
        "sessions",
        "- id: s\n  start: '2010-01-01'\n  programme: [{title: T, form: lecture}]\n",
    ),
    ("bad visibility", "quotes", "- text: T\n  speaker: a\n  visibility: secret\n"),
    ("bad date pattern", "sessions", "- id: s\n  start: 12-03-2010\n"),
    ("bad date in header", "community", "name: C\nperiod: {start: '2010/01/01'}\n"),
    ("missing required", "members", "- id: a\n"),
    ("missing required in header", "community", "name: C\n"),
    ("empty id", "organisations", "- id: ' '\n  name: O\n"),
    ("part 3", "chapters", "- id: c\n  part: 3\n  title: T\n"),
    ("unknown locale", "community", "name: C\nperiod: {start: '2010-01-01'}\nlocale: de\n"),
    ("collection in header", "community", "name: C\nperiod: {start: '2010-01-01'}\nmembers: []\n"),
    ("not a list", "members", "id: a\nname: A\n"),
    ("bad passage", "chapters", "- id: c\n  part: 1\n  title: T\n  body: [{txt: x}]\n"),
]


@pytest.mark.parametrize(("what", "stem", "text"), MALFORMED, ids=[m[0] for m in MALFORMED])
def test_malformed_files_are_rejected(what: str, stem: str, text: str) -> None:
    data = parse(Path(f"{stem}.yaml"), text)
    assert list(_validator(stem).iter_errors(data)), what


def test_cli_writes_one_schema_per_file(tmp_path: Path) -> None:
    out = tmp_path / "schemas"
    result = CliRunner().invoke(cli, ["schema", "-o", str(out)], catch_exceptions=False)
    assert result.exit_code == 0, result.output
    written = {p.name: json.loads(p.read_text(encoding="utf-8")) for p in out.iterdir()}
    assert written == schema.file_schemas()


def test_cli_whole_harvest_schema(tmp_path: Path) -> None:
    runner = CliRunner()
    printed = runner.invoke(cli, ["schema"], catch_exceptions=False)
    assert printed.exit_code == 0
    assert json.loads(printed.output) == schema.harvest_schema()
    target = tmp_path / "harvest.schema.json"
    result = runner.invoke(cli, ["schema", "-o", str(target)], catch_exceptions=False)
    assert result.exit_code == 0
    assert json.loads(target.read_text(encoding="utf-8")) == schema.harvest_schema()
    one = runner.invoke(cli, ["schema", "--file", "members"], catch_exceptions=False)
    assert json.loads(one.output) == schema.file_schema("members")


def test_cli_file_choices_match_the_store() -> None:
    from copharvest.cli.sheets import schema as command

    option = next(p for p in command.params if p.name == "stem")
    assert list(option.type.choices) == schema.file_stems()  # type: ignore[attr-defined]


def test_cli_schema_bad_output_is_one_line(tmp_path: Path) -> None:
    blocker = tmp_path / "file"
    blocker.write_text("x", encoding="utf-8")
    result = CliRunner().invoke(cli, ["schema", "-o", str(blocker)])
    assert result.exit_code == 1
    assert "exists and is not a folder" in result.output
    assert "Traceback" not in result.output
    assert blocker.read_text(encoding="utf-8") == "x"


def test_init_points_every_file_at_its_schema(tmp_path: Path) -> None:
    folder = tmp_path / "new"
    result = CliRunner().invoke(cli, ["init", str(folder)], catch_exceptions=False)
    assert result.exit_code == 0, result.output
    files = sorted(folder.glob("*.yaml"))
    assert {p.stem for p in files} == set(schema.file_stems())
    for path in files:
        text = path.read_text(encoding="utf-8")
        first = text.splitlines()[0]
        assert first == f"# yaml-language-server: $schema={schema.folder_reference(path.stem)}"
        target = folder / schema.folder_reference(path.stem)
        document = json.loads(target.read_text(encoding="utf-8"))
        assert document == schema.file_schema(path.stem)
        errors = list(jsonschema.Draft202012Validator(document).iter_errors(parse(path, text)))
        assert not errors, (path.name, [e.message for e in errors])


def test_descriptions_come_from_the_model_docstrings() -> None:
    props = schema.file_schema("members")["$defs"]["Member"]["properties"]
    assert (
        props["consent"]["description"] == "Whether the member agreed to be named in publications."
    )
    assert (
        "`core`"
        in schema.file_schema("community")["$defs"]["Settings"]["properties"]["core_min"][
            "description"
        ]
    )
    assert textwrap.dedent(props["name"]["description"]).startswith("Full name")


def test_blocks_are_written_by_their_kind() -> None:
    from copharvest.store.blocks_form import BLOCK_FIELDS

    block = schema.file_schema("chapters")["$defs"]["ChapterBlock"]
    bare, *kinds = block["oneOf"]
    assert bare["enum"] == ["key_questions", "continuity"]
    assert [k["required"] for k in kinds] == [[kind.value] for kind in model.BlockKind]
    fields = {f.name for f in attrs.fields(model.ChapterBlock)}
    for kind, option in zip(model.BlockKind, kinds, strict=True):
        assert list(option["properties"]) == [kind.value, *BLOCK_FIELDS[kind], "visibility"]
        assert set(BLOCK_FIELDS[kind]) <= fields
        assert all(p.get("description") for p in option["properties"].values()), kind


BLOCKS = [
    ("passage", "- passage: Pieter Winsemius zei het nog directer.\n", True),
    ("quote by id", "- quote: q-winsemius\n", True),
    ("quote in place", "- quote: {text: Hi., outsider: {description: a resident, role: ''}}\n", True),
    ("anonymous quote", "- quote: {text: Hi., anonymous: true}\n", True),
    ("box", "- box: Title?\n  lessons: [l1]\n  tips: [t1]\n  text: More.\n", True),
    ("untitled box", "- box:\n  lessons: [l1]\n", True),
    ("table", "- table: dilemmas\n", True),
    ("bare key questions", "- key_questions\n", True),
    ("titled key questions", "- key_questions: Kernvragen\n", True),
    ("figure", "- figure: attendance\n  caption: Who came\n", True),
    ("picture", "- picture: p.jpg\n  caption: C\n  alt: A\n", True),
    ("readings", "- readings: [r1, r2]\n  title: Books\n", True),
    ("bare continuity", "- continuity\n", True),
    ("internal continuity", "- continuity: null\n  visibility: internal\n", True),
    ("unknown kind", "- boxx: T\n", False),
    ("misspelt bare word", "- continuty\n", False),
    ("two kinds", "- passage: x\n  quote: q1\n", False),
    ("field of another kind", "- passage: x\n  lessons: [l1]\n", False),
    ("unknown chart", "- figure: pie\n", False),
    ("empty passage", "- passage: ' '\n", False),
    ("readings not a list", "- readings: r1\n", False),
    ("quote with two speakers", "- quote: {text: x, speaker: a, outsidr: {description: b}}\n", False),
    ("bad visibility", "- table: t\n  visibility: secret\n", False),
]  # fmt: skip


@pytest.mark.parametrize(("what", "blocks", "valid"), BLOCKS, ids=[b[0] for b in BLOCKS])
def test_hand_written_blocks(what: str, blocks: str, valid: bool) -> None:
    text = "- id: c\n  part: 1\n  title: T\n  blocks:\n" + textwrap.indent(blocks, "    ")
    data = parse(Path("chapters.yaml"), text)
    errors = list(_validator("chapters").iter_errors(data))
    assert (not errors) is valid, [e.message for e in errors]


def test_a_folder_with_every_kind_of_block_validates(tmp_path: Path) -> None:
    from blocks_folder import write_blocks_folder

    write_blocks_folder(tmp_path)
    for stem in schema.file_stems():
        path = tmp_path / f"{stem}.yaml"
        errors = list(_validator(stem).iter_errors(parse(path, path.read_text())))
        assert not errors, (stem, [e.message for e in errors])


def test_the_documented_examples_validate() -> None:
    import re

    doc = (ROOT / "docs" / "data-format.md").read_text(encoding="utf-8")
    examples = re.findall(r"```yaml\n# (\w+)\.yaml\n(.*?)```", doc, re.DOTALL)
    assert {"chapters", "community", "quotes"} <= {stem for stem, _ in examples}
    for stem, body in examples:
        errors = list(_validator(stem).iter_errors(parse(Path(f"{stem}.yaml"), body)))
        assert not errors, (stem, [e.message for e in errors])
