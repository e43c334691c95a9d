"""``copharvest import``, ``export`` and ``schema``: records to and from spreadsheets,
and the JSON Schema of the harvest files."""

from __future__ import annotations

from pathlib import Path

import click

from copharvest.cli.common import fail


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
    type=click.Choice(
        [
            "community",
            "organisations",
            "members",
            "sessions",
            "readings",
            "chapters",
            "lessons",
            "quotes",
            "tables",
        ]
    ),
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
    if output.suffix == ".json" and not output.is_dir():
        if not output.parent.is_dir():
            fail(f"{output.parent}: folder does not exist")
        atomic_write_text(output, schemas.dumps(schemas.harvest_schema()))
        click.echo(f"Wrote {output}")
        return
    if output.exists() and not output.is_dir():
        fail(f"{output}: exists and is not a folder")
    written = schemas.write_schemas(output)
    click.echo(f"Wrote {len(written)} schemas to {output}")
