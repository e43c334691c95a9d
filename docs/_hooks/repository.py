"""mkdocs hook: the repository's README (as the home page), CHANGELOG and the examples'
READMEs become pages of the site, and links into the repository follow them.

The pages are written for reading on a repository browser, where a link such as
``../examples/youth-care/plugin`` names a folder. In the site such a link goes to that
folder's README page; a link to anything else of the repository that is not in the site
(a YAML file, a folder without README) keeps its text and loses the link, so that
``mkdocs build --strict`` stays green and no reader meets a broken link.
"""

from __future__ import annotations

import posixpath
import re
from pathlib import Path
from typing import Any

from mkdocs.structure.files import File, Files

ROOT = Path(__file__).resolve().parents[2]
SKIP = {".venv", ".nox", "build", "dist", "site", "node_modules", "__pycache__"}

# repository path -> path in the site (both posix, relative)
PAGES: dict[str, str] = {}
LINK = re.compile(r"(?P<bang>!?)\[(?P<text>[^\]\n]*)\]\((?P<target><[^>\n]*>|[^)\s]+)\)")
FENCE = re.compile(r"^\s*(```|~~~)")


def _repository_pages() -> dict[str, str]:
    pages = {"README.md": "index.md", "CHANGELOG.md": "CHANGELOG.md"}
    for top in ("examples", "plugins"):
        for readme in sorted((ROOT / top).rglob("README.md")):
            parts = readme.relative_to(ROOT).parts
            if not SKIP.intersection(parts) and not any(p.endswith(".egg-info") for p in parts):
                pages["/".join(parts)] = "/".join(parts)
    return pages


def on_files(files: Files, config: Any) -> Files:
    PAGES.clear()
    PAGES.update(_repository_pages())
    for source, uri in PAGES.items():
        if files.get_file_from_path(uri) is None:
            files.append(File.generated(config, uri, abs_src_path=str(ROOT / source)))
    return files


def _repository_path(page_uri: str) -> str:
    for source, uri in PAGES.items():
        if uri == page_uri:
            return source
    return "docs/" + page_uri


def _site_target(page_uri: str, target: str) -> str | None:
    """The link's target in the site, or None when it points at no page of the site."""
    path, hash_, anchor = target.partition("#")
    if not path or "://" in path or path.startswith(("/", "mailto:")):
        return target
    source = posixpath.normpath(posixpath.join(posixpath.dirname(_repository_path(page_uri)), path))
    if source.startswith("../"):
        return target  # outside the repository: mkdocs judges it
    if (ROOT / source).is_dir():
        source = posixpath.join(source, "README.md")
    if source in PAGES:
        site = PAGES[source]
    elif source.startswith("docs/"):
        site = source.removeprefix("docs/")
    else:
        return None
    return posixpath.relpath(site, posixpath.dirname(page_uri) or ".") + hash_ + anchor


def on_page_markdown(markdown: str, page: Any, config: Any, files: Files) -> str:
    uri = page.file.src_uri

    def link(match: re.Match[str]) -> str:
        target = match["target"].removeprefix("<").removesuffix(">")
        site = _site_target(uri, target)
        if site is None and not match["bang"]:
            return match["text"]
        if site is None or site == target:
            return match[0]
        return f"{match['bang']}[{match['text']}](<{site}>)"

    lines, fenced = [], None
    for line in markdown.splitlines(keepends=True):
        fence = FENCE.match(line)
        if fence and (fenced is None or fence[1] == fenced):
            fenced = fence[1] if fenced is None else None
        lines.append(line if fenced or fence else LINK.sub(link, line))
    return "".join(lines)
