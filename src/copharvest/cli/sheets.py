"""``copharvest import``, ``export`` and ``schema``: records to and from spreadsheets,
and the JSON Schema of the harvest files."""

from __future__ import annotations

from pathlib import Path
from typing import Any, NoReturn

import click

from copharvest.cli.common import (
    FOLDER,
    DataError,
    fail,
    load_or_exit,
    pack_finder,
)
from copharvest.store.folder import COLLECTIONS

_COLUMN_FIELDS = {
    "id": ("member ids", "id"),
    "name": ("member names", "name, naam, deelnemer"),
    "organisation": ("organisations", "organisation, organisatie, gemeente, instelling"),
    "role": ("roles", "role, rol, functie"),
    "level": ("governance levels", "level, niveau"),
    "session": ("session ids or titles (long format)", "session, bijeenkomst"),
    "date": ("sessions' first days (long format)", "date, datum"),
    "end": ("sessions' last days (long format)", "end, einddatum"),
    "place": ("session places (long format)", "place, plaats"),
    "title": ("session titles (long format)", "title, titel"),
    "time": (
        "sessions' times or parts of the day (long format; tells same-day sessions apart)",
        "time, tijd, dagdeel",
    ),
    "present": ("presence marks (long format; rows marked absent are skipped)", "aanwezig"),
}
"""Field -> (what its column holds, some of the headings recognised without the option)."""


def _column_options(command: Any) -> Any:
    for field, (what, usual) in reversed(_COLUMN_FIELDS.items()):
        command = click.option(
            f"--{field}-column",
            f"column_{field}",
            metavar="HEADING",
            help=f"The column of {what}: its heading or letter (C). Found without this "
            f"option when headed e.g. {usual}.",
        )(command)
    return command


def _print_problems(problems: Any) -> NoReturn:
    for problem in problems:
        click.echo(str(problem), err=True)
    if len(problems) == 1:
        raise click.exceptions.Exit(1)  # the one line says it all
    raise DataError(len(problems))


@click.command(name="import")
@click.pass_context
@click.argument("sheet", type=click.Path(dir_okay=False, path_type=Path))
@click.argument("folder", type=FOLDER)
@click.option(
    "--format",
    "form",
    type=click.Choice(["long", "matrix", "full"]),
    help="long: one row per attendance; matrix: members x sessions with marks; full: a "
    "workbook written by 'copharvest export'. Default: recognised from the sheet.",
)
@click.option(
    "--sheet", "sheet_name", metavar="NAME", help="The sheet to read (default: the first)."
)
@_column_options
@click.option(
    "--skip-column",
    "skip",
    multiple=True,
    metavar="HEADING",
    help="Ignore this column (repeatable).",
)
@click.option(
    "--dry-run",
    is_flag=True,
    help="Show what would be added or changed, and a diff of each file; write nothing.",
)
@click.option(
    "--accept-conflicts",
    "accept",
    type=click.Choice(["sheet", "folder"]),
    help="Settle every conflict: 'sheet' takes the sheet's values, 'folder' keeps the folder's.",
)
def import_sheet(
    ctx: click.Context,
    sheet: Path,
    folder: Path,
    form: str | None,
    sheet_name: str | None,
    skip: tuple[str, ...],
    dry_run: bool,
    accept: str | None,
    **column_names: str | None,
) -> None:
    """Bring members, organisations, sessions and attendance from SHEET into FOLDER.

    SHEET is an .xlsx or .csv file; FOLDER a harvest folder, created if it does not
    exist. Nothing in FOLDER is lost or silently overwritten: where the sheet and the
    folder disagree (or a new name is close to a member's), each conflict is reported
    as 'sheet:row: column: message' and nothing is written until it is resolved or
    accepted with --accept-conflicts.
    SHEET itself is only read.
    """
    from copharvest.sheets import ColumnOptions, SheetError, apply, plan_import
    from copharvest.store import HarvestError

    names = {k.removeprefix("column_"): v for k, v in column_names.items() if v is not None}
    columns = ColumnOptions(names=names, skip=skip)
    try:
        plan = plan_import(
            sheet,
            folder,
            form=form,  # type: ignore[arg-type]
            sheet_name=sheet_name,
            columns=columns,
            accept=accept,  # type: ignore[arg-type]
            packs=pack_finder(ctx),
        )
    except HarvestError as exc:
        _print_problems(exc.problems)
    except SheetError as exc:
        _print_problems(exc.problems)
    if plan.conflicts:
        for conflict in plan.conflicts:
            click.echo(str(conflict), err=True)
        n = len(plan.conflicts)
        fail(
            f"{n} conflict{'s' if n != 1 else ''} with {folder}; nothing written. Correct the "
            "sheet or the folder, or pass --accept-conflicts sheet|folder"
        )
    if not plan.changes:
        click.echo(f"{folder}: already up to date with {sheet.name}; nothing to change")
        return
    if dry_run:
        click.echo(f"Dry run: nothing written. Importing {sheet.name} would:")
        for change in plan.changes:
            click.echo(f"  {change}")
        click.echo(f"and write {', '.join(plan.files)} in {folder}:")
        for name, text in plan.files.items():
            click.echo(_file_diff(folder, name, text), nl=False)
        return
    try:
        written = apply(plan)
    except OSError as exc:
        fail(f"{exc.filename or folder}: cannot write: {exc.strerror}")
    n = len(plan.changes)
    click.echo(
        f"Imported {sheet.name}, {n} change{'s' if n != 1 else ''}: "
        f"wrote {', '.join(p.name for p in written)} in {folder}"
    )


def _file_diff(folder: Path, name: str, text: str) -> str:
    """A unified diff of one file the import would write."""
    import difflib

    path = folder / name
    try:
        old = path.read_bytes().decode("utf-8") if path.is_file() else ""
    except (OSError, UnicodeDecodeError):
        old = ""
    lines = difflib.unified_diff(
        old.splitlines(keepends=True),
        text.splitlines(keepends=True),
        fromfile=f"a/{name}" if old else "/dev/null",
        tofile=f"b/{name}",
    )
    return "".join(line if line.endswith("\n") else line + "\n" for line in lines)


@click.command(name="export")
@click.argument("folder", type=FOLDER)
@click.option(
    "--xlsx",
    "target",
    required=True,
    type=click.Path(dir_okay=False, path_type=Path),
    help="The workbook to write.",
)
def export_sheet(folder: Path, target: Path) -> None:
    """Write every record of FOLDER, the attendance matrix and the metrics to an .xlsx.

    The workbook is a copy of the records, not a publication: it includes internal and
    off-record text and the names of members who did not consent to be named. Its
    first sheet says so. 'copharvest import' reads it back.
    """
    from copharvest.sheets import export_workbook

    if target.suffix.lower() != ".xlsx":
        raise click.UsageError("--xlsx must name an .xlsx file")
    from copharvest.cli.outputs import check_output

    if not target.parent.is_dir():
        fail(f"{target.parent}: folder does not exist")
    community = load_or_exit(folder)
    check_output(target, folder=folder)
    try:
        note = export_workbook(community, target)
    except OSError as exc:
        # the workbook is written to a temporary file first: nothing half-written remains
        fail(f"{target}: cannot write: {exc.strerror or exc}")
    if note:
        click.echo(f"Metrics left out: {note}", err=True)
    click.echo(f"Wrote {target}: all records, including internal and off-record text")


@click.command()
@click.option(
    "-o",
    "--output",
    type=click.Path(path_type=Path),
    help="A folder (one <file>.schema.json per harvest file) or a .json file "
    "(one schema for a whole harvest as a single document). Default: print the latter.",
)
@click.option(
    "--file",
    "stem",
    type=click.Choice(["community", *COLLECTIONS]),
    help="Print the schema of this one harvest file.",
)
def schema(output: Path | None, stem: str | None) -> None:
    """Write the JSON Schema of the harvest files.

    Editors use it to complete and check the files while you type; e.g. VS Code's
    YAML extension reads a first line '# yaml-language-server: $schema=PATH'.
    'copharvest init' writes the schemas into the new folder and adds that line.
    """
    from copharvest import schema as schemas
    from copharvest.store import atomic_write_text

    if stem is not None and output is not None:
        raise click.UsageError("--file prints to the terminal; leave out -o/--output")
    if stem is not None:
        click.echo(schemas.dumps(schemas.file_schema(stem)), nl=False)
        return
    if output is None:
        click.echo(schemas.dumps(schemas.harvest_schema()), nl=False)
        return
    from copharvest.cli.outputs import check_output

    if output.suffix == ".json" and not output.is_dir():
        if not output.parent.is_dir():
            fail(f"{output.parent}: folder does not exist")
        check_output(output)
        try:
            atomic_write_text(output, schemas.dumps(schemas.harvest_schema()))
        except OSError as exc:
            fail(f"{output}: cannot write: {exc.strerror}")
        click.echo(f"Wrote {output}")
        return
    if output.exists() and not output.is_dir():
        fail(f"{output}: exists and is not a folder")
    try:
        written = schemas.write_schemas(output)
    except OSError as exc:
        fail(f"{exc.filename or output}: cannot write: {exc.strerror}")
    click.echo(f"Wrote {len(written)} schemas to {output}")
