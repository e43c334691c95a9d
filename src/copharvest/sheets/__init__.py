"""Spreadsheets in and out: attendance lists and the records workbook.

* :func:`plan_import` / :func:`apply` bring an .xlsx or .csv into a harvest folder
  (long or matrix attendance, or a records workbook written by the export);
* :func:`export_workbook` writes every record, the attendance matrix and the metrics.
"""

from __future__ import annotations

from copharvest.sheets.attendance import read_attendance
from copharvest.sheets.columns import ColumnOptions
from copharvest.sheets.export import export_workbook, workbook_bytes
from copharvest.sheets.importer import Plan, apply, is_records_workbook, plan_import
from copharvest.sheets.problems import Location, SheetError, SheetProblem

__all__ = [
    "ColumnOptions",
    "Location",
    "Plan",
    "SheetError",
    "SheetProblem",
    "apply",
    "export_workbook",
    "is_records_workbook",
    "plan_import",
    "read_attendance",
    "workbook_bytes",
]
