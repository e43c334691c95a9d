"""griffe extension: Sphinx roles in docstrings (``:class:`copharvest.pack.DomainPack```)
become cross-references in the API reference.

The docstrings are written for ``help()`` and editors as well, where the roles read
naturally. Each one becomes an optional autoref: a link where the object has a page,
the plain code name where it has none.
"""

from __future__ import annotations

import html
import re
from typing import Any

import griffe

ROLE = re.compile(r":(?:class|func|meth|attr|mod|data|exc|obj):`(?P<tilde>~?)(?P<name>[\w.]+)`")


class SphinxRoles(griffe.Extension):
    def on_instance(self, *, obj: griffe.Object, **kwargs: Any) -> None:
        if obj.docstring is None:
            return

        def ref(match: re.Match[str]) -> str:
            name = match["name"]
            if "." not in name and obj.parent is not None:
                # a short name is one of the module's own: the module where it is written
                module = obj if obj.is_module else obj.module
                name = f"{module.path}.{name}"
            shown = match["name"].rsplit(".", 1)[-1] if match["tilde"] else match["name"]
            return (
                f'<autoref identifier="{html.escape(name)}" optional>'
                f"<code>{html.escape(shown)}</code></autoref>"
            )

        obj.docstring.value = ROLE.sub(ref, obj.docstring.value)
