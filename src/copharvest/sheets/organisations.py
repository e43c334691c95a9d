"""Which organisation a sheet's cell means: by id, by name, or by name without a
leading kind label of the domain pack (``Gemeente Arnhem`` is ``Arnhem``)."""

from __future__ import annotations

from collections.abc import Collection, Iterable

from copharvest.model import Organisation
from copharvest.sheets import cells
from copharvest.sheets.merge import Incoming
from copharvest.sheets.problems import Location
from copharvest.sheets.sessions import unique


def _bare(key: str, labels: tuple[str, ...]) -> str:
    """A matching key without a leading kind label (``gemeente arnhem`` -> ``arnhem``)."""
    for label in labels:
        if key.startswith(label + " ") and len(key) > len(label) + 1:
            return key[len(label) + 1 :]
    return key


class Organisations:
    """The folder's organisations and those the sheet adds."""

    def __init__(self, organisations: Iterable[Organisation], kind_labels: Collection[str]) -> None:
        self.known = {o.id: o for o in organisations}
        # longest first, so that "deelgemeente" goes before "gemeente"
        self.labels = tuple(sorted({cells.key(k) for k in kind_labels}, key=len, reverse=True))
        self.keys: dict[str, str] = {}
        self.bare: dict[str, set[str]] = {}
        for o in self.known.values():
            for text in (o.id, o.name):
                self.keys.setdefault(cells.key(text), o.id)
                self.bare.setdefault(_bare(cells.key(text), self.labels), set()).add(o.id)
        self.new: dict[str, Incoming] = {}
        """Id -> an organisation the sheet adds."""

    def find(self, name: str) -> str | list[Organisation]:
        """The id ``name`` means, else the organisations it could mean (none: new)."""
        key = cells.key(name)
        found = self.keys.get(key)
        if found is not None:
            return found
        bare = sorted(self.bare.get(_bare(key, self.labels), set()))
        if len(bare) == 1:
            return bare[0]
        return [self.known[o] for o in bare]

    def add(self, name: str, where: Location, taken: set[str]) -> str:
        """A new organisation called ``name``; returns its id."""
        oid = unique(cells.slug(name), taken)
        self.keys[cells.key(name)] = oid
        self.new[oid] = Incoming(record=Organisation(id=oid, name=name), where=where)
        return oid
