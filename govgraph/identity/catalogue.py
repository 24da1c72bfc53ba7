"""The unit catalogue: merged unit facts and alias -> canonical name, resolved by
:class:`UnitIndex` (what the store resolves unit names against; written to RDF by
``graph.rdf_write.catalogue_graph``, read back by ``graph.rdf_read.read_catalogue``).

>>> cat = Catalogue([{"kind": "unit", "name": "区科技和经信局",
...                   "aliases": ["区科技经信局"], "parent": None, "unit_type": "department"}])
>>> cat.canonical("区科技经信局")
'区科技和经信局'
"""

from __future__ import annotations

import hashlib
import json
from collections.abc import Iterable

from .units import UnitIndex

__all__ = ["Catalogue", "merge_units", "UNIT_FIELDS", "UNIT_LISTS"]

#: the fields of a unit fact the catalogue merges one by one; UNIT_LISTS: its set-like lists
UNIT_FIELDS = ("kind", "name", "aliases", "added_aliases", "parent", "unit_type", "former", "place")
UNIT_LISTS = ("members", "former_members", "docs")  # set-like: united on merge, sorted


def _uniq(items: Iterable[str]) -> list[str]:
    seen: dict[str, None] = {}
    for x in items:
        if isinstance(x, str) and x:
            seen.setdefault(x, None)
    return list(seen)


def merge_units(*unit_lists: Iterable[dict]) -> list[dict]:
    """Merge unit facts by name: aliases, ``members``, ``former_members`` and
    ``docs`` are united (and sorted); a later non-null ``parent`` / ``unit_type``
    / ``former`` wins; ``added_aliases`` (gold files) is folded into ``aliases``
    (name first, then sorted).  A list key is kept if any input has it.
    Result sorted by name.

    >>> merge_units([{"kind": "unit", "name": "A", "aliases": ["a"], "parent": None,
    ...               "unit_type": "other"}],
    ...             [{"kind": "unit", "name": "A", "aliases": ["b"], "parent": "P",
    ...               "unit_type": "department"}])[0]["aliases"]
    ['A', 'a', 'b']
    """
    merged: dict[tuple, dict] = {}
    for units in unit_lists:
        for u in units:
            name = u.get("name")
            if not isinstance(name, str) or not name:
                continue
            place = u.get("place")
            m = merged.setdefault((place or "", name), {"kind": "unit", "name": name, "aliases": [name],
                                                        "parent": None, "unit_type": "other"})
            if place is not None:
                m["place"] = place
            m["aliases"] = _uniq(m["aliases"] + list(u.get("aliases") or [])
                                 + list(u.get("added_aliases") or []))
            for key in ("parent", "unit_type"):
                if u.get(key):
                    m[key] = u[key]
            if isinstance(u.get("former"), bool):
                m["former"] = u["former"]
            for key in UNIT_LISTS:
                if isinstance(u.get(key), list):
                    m[key] = _uniq(list(m.get(key) or []) + u[key])
            for key, val in u.items():
                if key not in UNIT_FIELDS and key not in UNIT_LISTS:
                    m[key] = val
    out = []
    for key in sorted(merged, key=lambda k: (k[1], k[0])):
        m, name = merged[key], key[1]
        m["aliases"] = [name] + sorted(a for a in m["aliases"] if a != name)
        for key in UNIT_LISTS:
            if key in m:
                m[key] = sorted(m[key])
        out.append(m)
    return out


class Catalogue:
    """The unit catalogue: merged unit facts and alias -> canonical name.

    Resolution is :class:`UnitIndex`'s (shared by every graph
    backend): exact name or alias, then with layout spaces removed; a unit's own
    name beats another unit's alias, else the first unit (by name) claiming it.
    """

    def __init__(self, unit_facts: Iterable[dict] = ()):
        self.units: list[dict] = merge_units(unit_facts)
        self.index = UnitIndex(self.units)
        self.warnings: list[str] = []
        for u in self.units:
            for a in u["aliases"]:
                owner = self.index.canonical(a, u.get("place"))
                if owner != u["name"]:
                    where = f" in {u['place']}" if u.get("place") else ""
                    self.warnings.append(f"unit alias {a!r} of {u['name']!r}{where} resolves to {owner!r}")

    def lookup(self, name: str | None, place: str | None = None) -> tuple[str | None, str] | None:
        """``(place, canonical name)`` of the unit ``name`` in ``place`` (any when None), or None."""
        return self.index.lookup(name, place) if name else None

    def canonical(self, name: str | None, place: str | None = None) -> str | None:
        """Canonical unit name for ``name`` (in ``place``), or None if no unit has it."""
        hit = self.lookup(name, place)
        return hit[1] if hit else None

    def resolve(self, name: str, place: str | None = None) -> str:
        """Canonical name, or the name itself (spaces removed) for an unknown unit."""
        return self.index.canonical(name, place)

    def members(self, name: str, place: str | None = None) -> list[str]:
        return self.index.members(name, place=place) if self.canonical(name, place) else []

    def parent(self, name: str, place: str | None = None) -> str | None:
        return self.index.parent(name, place)

    def signature(self) -> str:
        """A hash of how every name and alias resolves (changes only when
        resolution of some name changes)."""
        pairs = sorted({(u.get("place") or "", a, self.index.canonical(a, u.get("place")))
                        for u in self.units for a in u["aliases"]})
        return hashlib.sha256(json.dumps(pairs, ensure_ascii=False).encode("utf-8")).hexdigest()

