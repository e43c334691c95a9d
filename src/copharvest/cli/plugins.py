"""``copharvest plugins`` and ``copharvest new-plugin``."""

from __future__ import annotations

import json
import re
from importlib.resources import files
from pathlib import Path

import click

from copharvest.cli.common import fail, plugins_from, report_plugin_problems


@click.command()
@click.option("--json", "as_json", is_flag=True, help="Print as JSON.")
@click.pass_context
def plugins(ctx: click.Context, as_json: bool) -> None:
    """List the loaded plugins: name, version, distribution, hooks and what they provide.

    A name that two plugins register is reported (the first one stays) rather than
    stopping the command, since this is where one looks to find out.
    """
    from copharvest.plugins import get_registry

    loaded = plugins_from(ctx)
    registry = get_registry(loaded, tolerant=True)
    report_plugin_problems(ctx)
    infos = loaded.info()
    contributions: dict[str, dict[str, list[str]]] = {i.name: {} for i in infos}
    for kind, names in registry.owners.items():
        for name, owner in names.items():
            contributions.setdefault(owner, {}).setdefault(kind, []).append(name)
    for pack_id, owner in registry.owners["packs"].items():
        checks = [check.name for check in registry.packs[pack_id].checks]
        if checks:
            contributions[owner].setdefault("pack_checks", []).extend(checks)
    rows = [
        {
            "name": i.name,
            "version": i.version,
            "distribution": i.distribution,
            "builtin": i.builtin,
            "hooks": list(i.hooks),
            "provides": contributions.get(i.name, {}),
        }
        for i in infos
    ]
    if as_json:
        click.echo(json.dumps({"plugins": rows, "problems": loaded.problems}, indent=2))
        return
    for info in infos:
        origin = "builtin" if info.builtin else f"{info.distribution} {info.version or ''}".strip()
        click.echo(f"{info.name}  ({origin})")
        click.echo(f"  hooks: {', '.join(info.hooks) or '-'}")
        for kind, provided in contributions.get(info.name, {}).items():
            click.echo(f"  {kind.replace('_', ' ')}: {', '.join(provided)}")


_NAME = re.compile(r"^[a-z][a-z0-9]*(?:[-_][a-z0-9]+)*$")


@click.command("new-plugin")
@click.argument("name")
@click.option(
    "-d",
    "--directory",
    type=click.Path(file_okay=False, path_type=Path),
    help="Where to create it [default: ./copharvest-NAME].",
)
def new_plugin(name: str, directory: Path | None) -> None:
    """Scaffold an installable domain-pack plugin called NAME.

    Creates a distribution 'copharvest-NAME' with the entry point, a pack of YAML
    data files, a small example harvest and a test. Install it with
    'pip install -e copharvest-NAME'.
    """
    if not _NAME.match(name):
        raise click.BadParameter(
            "use lower-case letters, digits and single hyphens, starting with a letter "
            "(e.g. 'youth-care')",
            param_hint="NAME",
        )
    target = directory or Path(f"copharvest-{name}")
    if target.exists() and (not target.is_dir() or any(target.iterdir())):
        fail(f"{target}: already exists and is not empty; choose a new folder")
    module = "copharvest_" + name.replace("-", "_")
    replacements = {
        "__NAME__": name,
        "__MODULE__": module,
        "__TITLE__": name.replace("-", " ").title(),
    }
    root = files("copharvest") / "scaffold" / "plugin"
    written = 0

    def copy(node: object, dest: Path) -> None:
        nonlocal written
        from importlib.resources.abc import Traversable

        assert isinstance(node, Traversable)
        for child in sorted(node.iterdir(), key=lambda c: c.name):
            child_name = child.name.replace("__MODULE__", module)
            if child.is_dir():
                copy(child, dest / child_name)
                continue
            if child_name.endswith((".pyc",)) or child_name == "__pycache__":
                continue
            text = child.read_text(encoding="utf-8")
            for key, value in replacements.items():
                text = text.replace(key, value)
            dest.mkdir(parents=True, exist_ok=True)
            (dest / child_name.removesuffix(".tmpl")).write_text(text, encoding="utf-8")
            written += 1

    copy(root, target)
    click.echo(f"Created {target} ({written} files).")
    click.echo(f"Next: pip install -e {target} && copharvest plugins")
