"""Resolve unit names to the unit catalogue (facts of kind ``unit``).

Every graph backend needs the same rule: a unit named in a post, membership,
group or task fact is the catalogue unit whose name or alias it is, and a name
the catalogue does not know is a unit of its own (type ``other``).

>>> idx = UnitIndex([
...     {"kind": "unit", "name": "区科技和经信局", "aliases": ["区科技经信局"],
...      "parent": None, "unit_type": "department"},
...     {"kind": "unit", "name": "区交通大队", "aliases": [], "parent": "汉阳分局",
...      "unit_type": "agency"},
...     {"kind": "unit", "name": "公安汉阳分局", "aliases": ["汉阳分局"],
...      "added_aliases": ["武汉市公安局汉阳区分局"], "parent": None, "unit_type": "agency"},
...     {"kind": "unit", "name": "各街办事处", "aliases": ["各街道"], "parent": None,
...      "unit_type": "collective", "members": ["晴川街办事处", "汉阳分局"],
...      "former_members": ["月湖街办事处"]},
... ])
>>> idx.canonical("区科技经信局")
'区科技和经信局'
>>> idx.canonical("区 科技经信局")      # layout spaces do not matter
'区科技和经信局'
>>> idx.canonical("不认识的单位")        # unknown names stand for themselves
'不认识的单位'
>>> idx.known("不认识的单位"), idx.unit_type("不认识的单位")
(False, 'other')
>>> idx.parent("区交通大队")
'公安汉阳分局'
>>> idx.members("各街道")
['晴川街办事处', '公安汉阳分局']
>>> idx.members("各街道", former=True)
['月湖街办事处']
>>> idx.aliases("汉阳分局")
['公安汉阳分局', '汉阳分局', '武汉市公安局汉阳区分局']
>>> len(idx), "区科技经信局" in idx
(4, True)
"""

from __future__ import annotations

import re
from collections.abc import Iterable, Iterator

__all__ = ["UnitIndex"]

_SPACE = re.compile(r"\s+")


def _squash(name: str) -> str:
    return _SPACE.sub("", name)


class UnitIndex:
    """Alias -> canonical-name lookup over the unit facts (other kinds are ignored).

    A unit's own name always wins over another unit's alias; otherwise the first
    unit to claim an alias keeps it.
    """

    def __init__(self, unit_facts: Iterable[dict]):
        self._units: dict[str, dict] = {}
        for f in unit_facts:
            if f.get("kind", "unit") == "unit" and f.get("name"):
                self._units.setdefault(f["name"], f)
        self._alias: dict[str, str] = {}
        for name in self._units:
            self._alias[name] = name
            self._alias.setdefault(_squash(name), name)
        for name, f in self._units.items():
            for a in list(f.get("aliases") or []) + list(f.get("added_aliases") or []):
                self._alias.setdefault(a, name)
                self._alias.setdefault(_squash(a), name)

    def canonical(self, name: str) -> str:
        """The catalogue name of the unit called ``name``; ``name`` itself if unknown."""
        return self._alias.get(name) or self._alias.get(_squash(name)) or _squash(name)

    def known(self, name: str) -> bool:
        """Whether ``name`` is a catalogue unit's name or alias."""
        return self.canonical(name) in self._units

    def unit(self, name: str) -> dict | None:
        """The unit fact for ``name`` (any alias), or None."""
        return self._units.get(self.canonical(name))

    def unit_type(self, name: str) -> str:
        """The unit's ``unit_type``; ``other`` for names the catalogue does not know."""
        u = self.unit(name)
        return (u or {}).get("unit_type") or "other"

    def aliases(self, name: str) -> list[str]:
        """Every name of the unit: canonical name first, then aliases (no repeats)."""
        u = self.unit(name)
        if u is None:
            return [self.canonical(name)]
        out = [u["name"]]
        for a in list(u.get("aliases") or []) + list(u.get("added_aliases") or []):
            if a not in out:
                out.append(a)
        return out

    def parent(self, name: str) -> str | None:
        """Canonical name of the unit's parent, or None."""
        p = (self.unit(name) or {}).get("parent")
        return self.canonical(p) if p else None

    def members(self, collective: str, former: bool = False) -> list[str]:
        """Canonical names of a collective's members (``former=True``: its former members)."""
        u = self.unit(collective) or {}
        out: list[str] = []
        for m in u.get("former_members" if former else "members") or []:
            c = self.canonical(m)
            if c not in out:
                out.append(c)
        return out

    def __contains__(self, name: object) -> bool:
        return isinstance(name, str) and self.known(name)

    def __iter__(self) -> Iterator[str]:
        return iter(self._units)

    def __len__(self) -> int:
        return len(self._units)

    def __repr__(self) -> str:
        return f"UnitIndex({len(self._units)} units, {len(self._alias)} names)"
