"""The default template, and user templates that are broken or unsafe."""

from __future__ import annotations

import io
import re
import zipfile
from collections.abc import Callable
from pathlib import Path

import pytest

from copharvest.formats.base import RenderError
from copharvest.formats.docx import check_template, export_template
from copharvest.formats.docx.check import RENDERER_STYLES
from copharvest.formats.docx.template import TEMPLATE_PATH, build_template
from test_docx_data import W, harvest_of, parse_all, render, rich_community, texts_of


def test_the_committed_template_is_what_the_generator_makes() -> None:
    assert build_template() == TEMPLATE_PATH.read_bytes(), (
        "run: python -m copharvest.formats.docx.template"
    )
    assert export_template() == TEMPLATE_PATH.read_bytes()


def test_the_default_template_passes_its_own_check(tmp_path: Path) -> None:
    path = tmp_path / "booklet.docx"
    path.write_bytes(export_template())
    assert check_template(path) == []


def test_every_style_the_template_and_renderer_use_is_defined() -> None:
    parts = parse_all(export_template())
    defined = {s.get(f"{W}styleId") for s in parts["word/styles.xml"].iter(f"{W}style")}
    used = set(RENDERER_STYLES)
    for name, root in parts.items():
        if name.startswith("word/") and name != "word/styles.xml":
            for tag in ("pStyle", "rStyle", "tblStyle"):
                used |= {e.get(f"{W}val") for e in root.iter(f"{W}{tag}")}
    assert used <= defined, used - defined


def test_the_template_has_no_dates_and_asks_for_a_field_update() -> None:
    parts = parse_all(export_template())
    core = parts["docProps/core.xml"]
    assert not [c for c in core if c.tag.endswith(("created", "modified"))]
    assert parts["word/settings.xml"].find(f"{W}updateFields") is not None
    with zipfile.ZipFile(io.BytesIO(export_template())) as archive:
        assert not [n for n in archive.namelist() if "thumbnail" in n or "customXml" in n]


# -- user templates -----------------------------------------------------------------------


def variant(tmp_path: Path, change: Callable[[str], str], part: str = "word/document.xml") -> Path:
    """The default template with one part's XML changed."""
    source = zipfile.ZipFile(io.BytesIO(export_template()))
    path = tmp_path / "mine.docx"
    with zipfile.ZipFile(path, "w", zipfile.ZIP_DEFLATED) as out:
        for name in source.namelist():
            data = source.read(name)
            if name == part:
                changed = change(data.decode("utf-8"))
                assert changed != data.decode("utf-8"), "the change did nothing"
                data = changed.encode("utf-8")
            out.writestr(name, data)
    return path


def _title_to(text: str) -> Callable[[str], str]:
    return lambda xml: xml.replace(">{{ title }}<", f">{text}<", 1)


def test_a_restyled_template_is_used(tmp_path: Path) -> None:
    path = variant(
        tmp_path, lambda xml: xml.replace('w:val="1B4F72"', 'w:val="7A1F5C"'), "word/styles.xml"
    )
    assert check_template(path) == []
    data = render(harvest_of(rich_community()), template=path)
    assert b"7A1F5C" in zipfile.ZipFile(io.BytesIO(data)).read("word/styles.xml")
    assert "Samen inspireren, leren en sturen" in texts_of(data)


def test_syntax_error_is_named(tmp_path: Path) -> None:
    problems = check_template(variant(tmp_path, _title_to("{{ title + }}")))
    assert len(problems) == 1
    assert "template syntax error in the document body" in problems[0]
    assert str(tmp_path / "mine.docx") in problems[0]


def test_a_tag_missing_its_closing_braces_is_named(tmp_path: Path) -> None:
    problems = check_template(variant(tmp_path, _title_to("{{ title }")))
    assert any(
        "a '{{' without its '}}' in the document body near '{{ title }" in p for p in problems
    ), problems


def test_unknown_variable_is_named_with_a_suggestion(tmp_path: Path) -> None:
    problems = check_template(variant(tmp_path, _title_to("{{ titel }}")))
    assert any("'titel'" in p and "did you mean 'title'" in p for p in problems), problems


def test_missing_required_variable_is_named(tmp_path: Path) -> None:
    path = variant(
        tmp_path, lambda xml: xml.replace("{%p for part in parts %}", "{%p for part in [] %}")
    )
    problems = check_template(path)
    assert problems == [
        f"{path}: the template never uses 'parts'; without it the chapters of "
        "Part I and Part II would be missing"
    ]


def test_missing_style_is_named(tmp_path: Path) -> None:
    def drop_quote(xml: str) -> str:
        return re.sub(
            r'<w:style w:type="paragraph" w:styleId="Quote">.*?</w:style>',
            "",
            xml,
            count=1,
            flags=re.S,
        )

    problems = check_template(variant(tmp_path, drop_quote, "word/styles.xml"))
    assert len(problems) == 1, problems
    assert "paragraph style 'Quote'" in problems[0]


def test_missing_renderer_style_is_named(tmp_path: Path) -> None:
    def drop_toc2(xml: str) -> str:
        return re.sub(r'<w:style [^>]*w:styleId="TOC2">.*?</w:style>', "", xml, count=1, flags=re.S)

    problems = check_template(variant(tmp_path, drop_toc2, "word/styles.xml"))
    assert any("'TOC2'" in p and "table of contents" in p for p in problems), problems


def test_not_a_docx(tmp_path: Path) -> None:
    path = tmp_path / "x.docx"
    path.write_text("hello")
    assert check_template(path)[0].startswith(f"{path}: not a Word document (.docx)")


UNSAFE = "{{ cycler.__init__.__globals__.os.system('touch %s') }}"


def test_reaching_python_internals_is_refused_by_the_check(tmp_path: Path) -> None:
    flag = tmp_path / "pwned"
    problems = check_template(variant(tmp_path, _title_to(UNSAFE % flag)))
    assert any("'__init__'" in p and "underscore" in p for p in problems), problems
    assert not flag.exists()


def test_reaching_python_internals_is_stopped_at_render_time(tmp_path: Path) -> None:
    flag = tmp_path / "pwned"
    path = variant(tmp_path, _title_to(UNSAFE % flag))
    with pytest.raises(RenderError, match="unsafe"):
        render(harvest_of(rich_community()), template=path)
    assert not flag.exists()


def test_runtime_error_names_the_template(tmp_path: Path) -> None:
    path = variant(tmp_path, _title_to("{{ colophon.nonexistent }}"))
    with pytest.raises(RenderError, match="nonexistent") as info:
        render(harvest_of(rich_community()), template=path)
    assert str(path) in str(info.value)


def test_misplaced_paragraph_tag_is_an_error_not_lost_text(tmp_path: Path) -> None:
    # a {%p %} tag that only opens a paragraph leaves unbalanced XML behind
    path = variant(
        tmp_path,
        lambda xml: xml.replace(
            ">{{ title }}<", ">{{ title }}</w:t></w:r></w:p><w:p><w:r><w:t>", 1
        ),
    )
    with pytest.raises(RenderError):
        render(harvest_of(rich_community()), template=path)


def _merge_like_a_word_processor(xml: str) -> str:
    """Merge adjacent runs of identical formatting, as Word does when it saves."""
    from lxml import etree

    root = etree.fromstring(xml.encode("utf-8"))
    for paragraph in root.iter(f"{W}p"):
        previous = None
        for run in list(paragraph.iterchildren(f"{W}r")):
            fields = run.find(f"{W}fldChar") is not None or run.find(f"{W}instrText") is not None
            props = run.find(f"{W}rPr")
            key = etree.tostring(props) if props is not None else b""
            if (
                previous is not None
                and not fields
                and previous[1] == key
                and (run.getprevious() is previous[0])
            ):
                for child in list(run):
                    if child.tag != f"{W}rPr":
                        last = previous[0][-1]
                        if child.tag == f"{W}t" and last.tag == f"{W}t":
                            last.text = (last.text or "") + (child.text or "")
                        else:
                            previous[0].append(child)
                paragraph.remove(run)
                continue
            previous = None if fields else (run, key)
    return etree.tostring(root, xml_declaration=True, encoding="UTF-8", standalone=True).decode()


def test_a_template_resaved_by_a_word_processor_still_works(tmp_path: Path) -> None:
    path = variant(tmp_path, _merge_like_a_word_processor)
    assert check_template(path) == []
    harvest = harvest_of(rich_community())
    assert texts_of(render(harvest, template=path)) == texts_of(render(harvest))


def test_attribute_lookup_on_the_context_is_the_sandboxs() -> None:
    from jinja2 import StrictUndefined
    from jinja2.sandbox import SandboxedEnvironment

    from copharvest.formats.docx.renderer import make_environment

    class Mapping(dict[str, object]):
        pass

    fast = make_environment()
    plain = SandboxedEnvironment(undefined=StrictUndefined)
    objects: list[object] = [
        {"title": "t", "items": "shadowed", "__class__": "x", "mro": 1, "": 2},
        Mapping(title="t", keys="k"),
        ["title"],
        "title",
    ]
    names = ["title", "items", "keys", "get", "missing", "__class__", "__init__", "mro", ""]
    for obj in objects:
        for name in names:
            got, expected = fast.getattr(obj, name), plain.getattr(obj, name)
            assert type(got) is type(expected), (obj, name)
            if isinstance(expected, StrictUndefined):
                assert got._undefined_name == expected._undefined_name
                assert got._undefined_obj is expected._undefined_obj
            elif callable(expected):
                assert got == expected
            else:
                assert got is expected, (obj, name)


def test_a_render_time_syntax_error_is_named_with_its_place(tmp_path: Path) -> None:
    path = variant(tmp_path, _title_to("{{ title + }}"))
    with pytest.raises(RenderError, match=r"template syntax error near '.*title.*'") as info:
        render(harvest_of(rich_community()), template=path)
    assert str(path) in str(info.value)
