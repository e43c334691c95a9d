"""What ``copharvest check`` says about privacy.

:func:`named_in_public_text` finds public free text that names a member who did not
consent (file, line); :func:`privacy_report` is ``check --privacy``: how each of them
appears in a public build, what is merged or left out, and what the template and the
cover picture would have carried had they not been cleaned.
"""

from __future__ import annotations

import zipfile
from collections.abc import Iterator, Mapping
from pathlib import Path
from typing import Any

from copharvest.model import Community
from copharvest.privacy import Naming
from copharvest.store.problems import PathPart
from copharvest.suppression import Rule, core_levels, suppress

_FILES = ("community", "chapters", "sessions", "quotes", "lessons", "readings", "tables")
_PUBLIC = ("public", None)


def _strings(
    data: Any, path: tuple[PathPart, ...] = (), public: bool = True
) -> Iterator[tuple[tuple[PathPart, ...], str]]:
    """Every text of a YAML document that a public publication may print, with its path."""
    if isinstance(data, Mapping):
        public = public and data.get("visibility") in _PUBLIC
        for key, value in data.items():
            if key in ("id", "visibility", "privacy_key"):
                continue
            yield from _strings(value, (*path, str(key)), public)
    elif isinstance(data, list):
        for i, item in enumerate(data):
            yield from _strings(item, (*path, i), public)
    elif isinstance(data, str) and public:
        yield path, data


def named_in_public_text(folder: Path, community: Community) -> list[str]:
    """``file:line: $.path: ...`` for each public text naming a member without consent."""
    import yaml

    from copharvest.store.yamlio import locate

    hidden = [m for m in community.members if not m.consent and len(m.name.strip()) >= 4]
    if not hidden:
        return []
    out: list[str] = []
    for stem in _FILES:
        path = folder / f"{stem}.yaml"
        if not path.is_file():
            continue
        text = path.read_text(encoding="utf-8")
        try:
            data = yaml.safe_load(text)
        except yaml.YAMLError:
            continue
        for where, value in _strings(data):
            for m in hidden:
                if m.name.strip() in value:
                    line = locate(text, where, path)
                    shown = "$" + "".join(
                        f"[{p}]" if isinstance(p, int) else f".{p}" for p in where
                    )
                    out.append(
                        f"{path.name}:{line or 1}: {shown}: public text names {m.id!r}, "
                        "who did not consent to be named"
                    )
    return out


def _cover(folder: Path, name: str | None) -> list[str]:
    if not name:
        return ["  cover picture: none"]
    from PIL import Image

    try:
        with Image.open(folder / name) as picture:
            exif = picture.getexif()
            info = dict(picture.info)
    except OSError as exc:
        return [f"  cover picture: cannot read it ({exc})"]
    carried = []
    if exif:
        gps = exif.get_ifd(0x8825)
        carried.append(f"EXIF ({len(exif)} tags{', with a GPS position' if gps else ''})")
    for key, label in (("xmp", "XMP"), ("XML:com.adobe.xmp", "XMP"), ("comment", "a comment")):
        if info.get(key) and label not in carried:
            carried.append(label)
    if "photoshop" in info or "iptc" in info:
        carried.append("IPTC")
    if not carried:
        return [f"  cover picture {name}: carries no metadata"]
    return [f"  cover picture {name}: carries {', '.join(carried)} — left out of every booklet"]


def _template(path: Path | None) -> list[str]:
    if path is None:
        return ["  template: the default (pass --template to see what yours carries)"]
    from copharvest.formats.docx.scrub import scrub

    try:
        with zipfile.ZipFile(path) as z:
            members = {n: z.read(n) for n in z.namelist()}
    except (OSError, zipfile.BadZipFile) as exc:
        return [f"  template {path.name}: cannot read it ({exc})"]
    _, kinds = scrub(members)
    personal: list[str] = []
    if "docProps/core.xml" in members:
        from lxml import etree

        parser = etree.XMLParser(resolve_entities=False, no_network=True)
        try:
            root = etree.fromstring(members["docProps/core.xml"], parser)
        except etree.XMLSyntaxError:
            root = None
        names = {"creator", "lastModifiedBy", "description", "keywords", "category", "subject"}
        names |= {"contentStatus", "identifier", "version"}
        if root is not None:
            personal = [
                etree.QName(child).localname
                for child in root
                if etree.QName(child).localname in names
                and (child.text or "").strip() not in ("", "copharvest")
            ]
    if personal:
        kinds = [f"document properties ({', '.join(personal)})", *kinds]
    if not kinds:
        return [f"  template {path.name}: carries nothing personal"]
    return [f"  template {path.name}: carries {', '.join(kinds)} — left out of every booklet"]


def privacy_report(
    community: Community,
    metrics: Mapping[str, Any],
    naming: Naming,
    folder: Path,
    template: Path | None = None,
) -> list[str]:
    """The lines of ``check --privacy``."""
    k = naming.min_group_size
    rule = Rule.of(community, k)
    lines = [f"Privacy in a public build (min_group_size {k})", "", "Members without consent"]
    for m in sorted(naming.hidden, key=lambda m: naming.public_id(m.id)):
        a = naming.attributions.of(m)
        lines.append(
            f"  {m.id}: {a.text!r} ({a.rung.replace('_', ' and ')}, shared by {a.k}); "
            f"in the metrics {naming.public_id(m.id) if k == 1 else 'left out'}"
        )
    if not naming.hidden:
        lines.append("  (none: everyone consented)")
    _, merged = suppress(community, metrics, rule)
    _, levels = core_levels(community, metrics, rule)
    buddies = [b for b in metrics.get("buddies", []) if not naming.named_pair(b)]
    lines += ["", "Merged into 'other' or left out"]
    for item in (*merged, *levels):
        lines.append(f"  {item.what.replace('_', ' ')} {item.key!r}: {item.people} people")
    if buddies:
        lines.append(f"  buddy suggestions counted, not named: {len(buddies)}")
    if not (merged or levels or buddies):
        lines.append("  (nothing)")
    lines += ["", "What rides along (cleaned before publishing)"]
    lines += _cover(folder, community.cover_image)
    lines += _template(template)
    return lines
