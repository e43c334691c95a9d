"""docxtpl's preparation of the template's XML, kept in the cache folder: the same text,
read back only when whole."""

from __future__ import annotations

import hashlib
import io
from pathlib import Path

import pytest
from docxtpl import DocxTemplate

from copharvest import cache
from copharvest.formats.docx import renderer
from test_docx_data import harvest_of, render, rich_community


def _xml() -> str:
    tpl = DocxTemplate(io.BytesIO(renderer.default_template()))
    tpl.init_docx()
    xml: str = tpl.get_xml()
    return xml


def _patch(xml: str) -> str:
    tpl = DocxTemplate(io.BytesIO(renderer.default_template()))
    patched: str = tpl.patch_xml(xml)
    return patched


def test_the_kept_text_is_docxtpls(monkeypatch: pytest.MonkeyPatch, tmp_path: Path) -> None:
    monkeypatch.setenv(cache.ENV_VAR, str(tmp_path))
    xml = _xml()
    expected = _patch(xml)
    assert renderer.patched_source(xml, _patch) == expected
    assert len(list((tmp_path / "templates").glob("*.patched"))) == 1

    def refuse(xml: str) -> str:
        raise AssertionError("prepared again")

    assert renderer.patched_source(xml, refuse) == expected
    assert renderer.patched_source(xml + " ", _patch) == _patch(xml + " ")
    assert len(list((tmp_path / "templates").glob("*.patched"))) == 2
    monkeypatch.setenv(cache.ENV_VAR, "off")
    assert renderer.patched_source(xml, _patch) == expected


@pytest.mark.parametrize("damage", ["empty", "truncated", "flipped", "not utf-8"])
def test_a_damaged_file_is_prepared_again(
    monkeypatch: pytest.MonkeyPatch, tmp_path: Path, damage: str
) -> None:
    monkeypatch.setenv(cache.ENV_VAR, str(tmp_path))
    xml = _xml()
    expected = renderer.patched_source(xml, _patch)
    (kept,) = (tmp_path / "templates").glob("*.patched")
    data = kept.read_bytes()
    kept.write_bytes(
        {
            "empty": b"",
            "truncated": data[: len(data) // 2],
            "flipped": data[:-10] + bytes([data[-10] ^ 1]) + data[-9:],
            "not utf-8": hashlib.sha256(b"\xff\xfe").hexdigest().encode() + b"\n\xff\xfe",
        }[damage]
    )
    calls: list[str] = []

    def patch(xml: str) -> str:
        calls.append(xml)
        return _patch(xml)

    assert renderer.patched_source(xml, patch) == expected
    assert calls == [xml]
    assert renderer.patched_source(xml, patch) == expected  # written anew
    assert calls == [xml]


def test_a_warm_build_does_not_prepare_the_template(
    monkeypatch: pytest.MonkeyPatch, tmp_path: Path
) -> None:
    monkeypatch.setenv(cache.ENV_VAR, str(tmp_path))
    harvest = harvest_of(rich_community())
    renderer.booklet_environment.cache_clear()
    cold = render(harvest)

    def refuse(self: object, src_xml: str) -> str:
        raise AssertionError("docxtpl prepared the template again")

    monkeypatch.setattr(DocxTemplate, "patch_xml", refuse)
    renderer.booklet_environment.cache_clear()
    assert render(harvest) == cold
