"""Export: every record of a harvest folder, the attendance matrix and the metrics, as .xlsx.

The workbook is a copy of the records, not a publication: nothing is left out, and the
first sheet says so in English and Dutch. Its records sheets import back into an equal
community (``copharvest import``); the matrix and metrics sheets are computed and only
there to read.
"""

from __future__ import annotations

import io
from collections.abc import Mapping, Sequence
from pathlib import Path
from typing import Any

from openpyxl import Workbook  # type: ignore[import-untyped,unused-ignore]
from openpyxl.worksheet.worksheet import Worksheet  # type: ignore[import-untyped,unused-ignore]

from copharvest.model import Community
from copharvest.sheets.codec import safe_cell
from copharvest.sheets.layout import ABOUT_SHEET, MARKER, WORKBOOK_VERSION
from copharvest.sheets.records import write_records
from copharvest.store import atomic_write_bytes

MATRIX_SHEET = "attendance"
METRICS_SHEETS = ("metrics", "member_metrics", "session_metrics", "organisation_metrics", "health")

ABOUT = {
    "en": (
        "A copy of the records of “{name}”, not a publication.",
        "This workbook holds ALL the records of the harvest folder, including text marked "
        "internal or off the record (“not for the booklet”) and the names of members who "
        "did not consent to be named. Do not share it as a publication: build one with "
        "'copharvest build'.",
        "Edit the records sheets (community to pairs) and bring them back with "
        "'copharvest import THIS-FILE FOLDER'; conflicts with the folder are reported and "
        "nothing is overwritten unless you accept them. The sheets '{matrix}' and the "
        "metrics are computed: they are ignored on import.",
        "A cell with a list holds one item per line. A text written in double quotes, like "
        '"" for an empty text, is read as JSON.',
    ),
    "nl": (
        "Een kopie van de gegevens van “{name}”, geen publicatie.",
        "Deze werkmap bevat ALLE gegevens uit de oogstmap, ook tekst die intern of "
        "vertrouwelijk is (“niet voor het boekje”) en de namen van leden die geen "
        "toestemming gaven om genoemd te worden. Deel haar niet als publicatie: maak die "
        "met 'copharvest build'.",
        "Bewerk de gegevensbladen (community tot en met pairs) en lees ze terug met "
        "'copharvest import DIT-BESTAND MAP'; verschillen met de map worden gemeld en er "
        "wordt niets overschreven tenzij u ze accepteert. Het blad '{matrix}' en de "
        "cijfers zijn berekend: bij het inlezen worden ze overgeslagen.",
        "Een cel met een lijst bevat één item per regel. Een tekst tussen dubbele "
        'aanhalingstekens, zoals "" voor een lege tekst, wordt als JSON gelezen.',
    ),
}


def _about(workbook: Workbook, community: Community, metrics_note: str) -> None:
    sheet = workbook.create_sheet(ABOUT_SHEET)
    sheet.column_dimensions["A"].width = 22
    sheet.column_dimensions["B"].width = 100
    sheet.append([MARKER, WORKBOOK_VERSION])
    for language, lines in zip(("English", "Nederlands"), ABOUT.values(), strict=True):
        sheet.append([])
        for i, line in enumerate(lines):
            text = line.format(name=community.name, matrix=MATRIX_SHEET)
            sheet.append([language if i == 0 else None, safe_cell(sheet, text)])
    if metrics_note:
        sheet.append([])
        sheet.append([None, safe_cell(sheet, metrics_note)])


def _matrix(workbook: Workbook, community: Community, tiers: Mapping[str, str]) -> None:
    sheet = workbook.create_sheet(MATRIX_SHEET)
    sessions = community.sessions_in_order()
    names = ["id", "name", "organisation", *(["tier"] if tiers else [])]
    sheet.append([None] * len(names) + [s.start for s in sessions])
    sheet.append(names + [safe_cell(sheet, s.id) for s in sessions])
    present = [frozenset(s.attendance) for s in sessions]
    for member in community.members:
        row: list[Any] = [member.id, member.name, member.organisation]
        if tiers:
            row.append(tiers.get(member.id))
        row = [safe_cell(sheet, v) for v in row]
        row.extend("x" if member.id in p else None for p in present)
        sheet.append(row)


def _table(sheet: Worksheet, rows: Sequence[Mapping[str, Any]]) -> None:
    keys: list[str] = []
    for row in rows:
        keys.extend(k for k in row if k not in keys)
    sheet.append([safe_cell(sheet, k) for k in keys])
    for row in rows:
        sheet.append([safe_cell(sheet, row.get(k)) for k in keys])


def _flat(prefix: str, value: Any, out: list[tuple[str, Any]]) -> None:
    if isinstance(value, dict) and value:
        for key, inner in value.items():
            _flat(f"{prefix}.{key}" if prefix else str(key), inner, out)
    else:
        out.append((prefix, value))


def _metrics(workbook: Workbook, data: Mapping[str, Any]) -> None:
    sheet = workbook.create_sheet(METRICS_SHEETS[0])
    sheet.column_dimensions["A"].width = 36
    sheet.append(["metric", "value"])
    pairs: list[tuple[str, Any]] = []
    for part in ("community", "flags", "settings", "extra"):
        _flat(part, data.get(part, {}), pairs)
    for key, value in pairs:
        sheet.append([safe_cell(sheet, key), safe_cell(sheet, value)])
    keyed = {
        "member_metrics": ("member", data.get("members", {})),
        "organisation_metrics": ("organisation", data.get("organisations", {})),
    }
    for name, (first, table) in keyed.items():
        rows = [{first: key, **value} for key, value in table.items()]
        _table(workbook.create_sheet(name), rows)
    _table(workbook.create_sheet("session_metrics"), data.get("sessions", []))
    _table(workbook.create_sheet("health"), data.get("health", []))


def workbook_bytes(community: Community, analysis: Mapping[str, Any] | None) -> bytes:
    """The export workbook as bytes (``analysis``: ``Analysis.to_json()``, or none)."""
    workbook = Workbook(write_only=True)
    note = (
        ""
        if analysis is not None
        else "The metrics could not be computed / De cijfers konden niet berekend worden."
    )
    _about(workbook, community, note)
    write_records(workbook, community)
    tiers = (
        {mid: m.get("tier") for mid, m in analysis.get("members", {}).items()} if analysis else {}
    )
    _matrix(workbook, community, tiers)
    if analysis is not None:
        _metrics(workbook, analysis)
    buffer = io.BytesIO()
    workbook.save(buffer)
    return buffer.getvalue()


def analysis_json(community: Community) -> tuple[dict[str, Any] | None, str]:
    """``analyse(community).to_json()``, or none and why not."""
    from copharvest.analysis import analyse

    try:
        return analyse(community).to_json(), ""
    except ValueError as exc:
        return None, str(exc)


def export_workbook(community: Community, path: Path) -> str:
    """Write the export workbook to ``path`` atomically; returns a note about the metrics."""
    analysis, why = analysis_json(community)
    atomic_write_bytes(path, workbook_bytes(community, analysis))
    return why
