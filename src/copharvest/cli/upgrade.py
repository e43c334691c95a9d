"""``copharvest upgrade``: a harvest folder in the current format, its booklet unchanged."""

from __future__ import annotations

from pathlib import Path

import click

from copharvest.cli.common import FOLDER, fail, load_or_exit


@click.command()
@click.argument("folder", type=FOLDER)
@click.option("--dry-run", is_flag=True, help="Show a diff of each file; write nothing.")
def upgrade(folder: Path, dry_run: bool) -> None:
    """Upgrade the harvest folder FOLDER to format version 2.

    Every chapter without blocks gets the blocks that make today's order explicit (its
    quotes, a box of its lessons, of its tips, of its insights, then its tables), so
    that they can be moved about; the records placed get an id where they have none,
    and a missing privacy_key is written. The booklet built before and after is the
    same. Comments and everything else in the files stay as they are; the files are
    written all or none.
    """
    from copharvest.model import FORMAT_VERSION
    from copharvest.store.commit import LayoutError, StaleFile, commit
    from copharvest.store.upgrade import upgrade_changes, upgraded
    from copharvest.store.validate import community_problems

    before = load_or_exit(folder)
    after = upgraded(before)
    problems = community_problems(after)
    if problems:  # never write a folder that would not load
        fail(f"{folder}: the upgraded records would not load: {problems[0]}")
    try:
        changes = upgrade_changes(folder, before, after)
    except (LayoutError, OSError) as exc:
        fail(f"cannot upgrade: {exc}")
    if not changes:
        click.echo(
            f"{folder}: already format version {FORMAT_VERSION} with every chapter's blocks; "
            "nothing to change"
        )
        return
    names = ", ".join(c.path.name for c in changes)
    if dry_run:
        click.echo(f"Dry run: nothing written. Upgrading would write {names} in {folder}:")
        for item in changes:
            click.echo(_diff(item.path.name, item.original or b"", item.data), nl=False)
        return
    try:
        written = commit(folder, changes)
    except StaleFile as exc:
        fail(f"{exc.filename}: {exc.strerror}")
    except OSError as exc:
        fail(f"{exc.filename or folder}: cannot write: {exc.strerror}")
    placed = sum(1 for a, b in zip(before.chapters, after.chapters, strict=True) if a != b)
    click.echo(
        f"Upgraded {folder} to format version {FORMAT_VERSION}: {placed} chapter"
        f"{'s' if placed != 1 else ''} got blocks; wrote {', '.join(p.name for p in written)}"
    )


def _diff(name: str, old: bytes, new: bytes) -> str:
    import difflib

    lines = difflib.unified_diff(
        old.decode("utf-8").splitlines(keepends=True),
        new.decode("utf-8").splitlines(keepends=True),
        fromfile=f"a/{name}",
        tofile=f"b/{name}",
    )
    return "".join(line if line.endswith("\n") else line + "\n" for line in lines)
