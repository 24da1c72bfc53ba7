"""The unit index: which catalogue unit (facts of kind ``unit``) a name stands for.

The store, every graph backend, the questions and the scorer need the same
rule: a unit named in a post, membership, group or task fact is the catalogue
unit whose name or alias it is, and a name the catalogue does not know is a
unit of its own (type ``other``).

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
>>> idx.names()[:3]
['区科技和经信局', '区科技经信局', '区交通大队']

Units of two places are two units; a name resolves in the place given:

>>> idx = UnitIndex([{"kind": "unit", "name": "区财政局", "aliases": [], "unit_type": "department",
...                   "place": "武汉市汉阳区"},
...                  {"kind": "unit", "name": "区财政局", "aliases": ["区财政"], "unit_type": "department",
...                   "place": "江州市云溪区"}])
>>> idx.candidates("区财政局")
[('武汉市汉阳区', '区财政局'), ('江州市云溪区', '区财政局')]
>>> idx.lookup("区财政", "江州市云溪区"), idx.lookup("区财政", "武汉市汉阳区")
(('江州市云溪区', '区财政局'), None)

A looser comparison than layout spaces (the scorer's ``fold``) is a ``key``:

>>> from govgraph.identity.names import fold
>>> idx = UnitIndex([{"kind": "unit", "name": "区城管委(交通运输局)", "aliases": []}], key=fold)
>>> idx.canonical("区城管委（交通运输局）")
'区城管委(交通运输局)'
"""

from __future__ import annotations

from collections.abc import Callable, Iterable, Iterator

from .names import squash

__all__ = ["UnitIndex"]


class _PlaceIndex:
    """Alias -> canonical-name lookup over the units of one place."""

    def __init__(self, units: dict[str, dict], key: Callable[[str], str]):
        self._key = key
        self._alias: dict[str, str] = {}
        for name in units:
            self._alias[name] = name
            self._alias.setdefault(key(name), name)
        for name, f in units.items():
            for a in list(f.get("aliases") or []) + list(f.get("added_aliases") or []):
                self._alias.setdefault(a, name)
                self._alias.setdefault(key(a), name)

    def find(self, name: str) -> str | None:
        return self._alias.get(name) or self._alias.get(self._key(name))


class UnitIndex:
    """Alias -> canonical-name lookup over the unit facts (other kinds are ignored).

    A unit is a name in a place (the fact's ``place``; None for facts without
    one): each place has its own aliases, and a name is looked up in the place
    given (``place=``).  Without a place, the places are tried in order (a unit
    without a place first) and the first that knows the name answers.  In a
    place, a unit's own name always wins over another unit's alias; otherwise
    the first unit to claim an alias keeps it.  Names are compared as written,
    then by ``key`` (default :func:`~govgraph.identity.names.squash`: layout
    spaces aside); an unknown name stands for itself, squashed.
    """

    def __init__(self, unit_facts: Iterable[dict], key: Callable[[str], str] = squash):
        by_place: dict[str | None, dict[str, dict]] = {}
        for f in unit_facts:
            if f.get("kind", "unit") == "unit" and f.get("name"):
                by_place.setdefault(f.get("place"), {}).setdefault(f["name"], f)
        self._places = sorted(by_place, key=lambda p: (p is not None, p or ""))
        self._sub = {p: _PlaceIndex(by_place[p], key) for p in self._places}
        self._units = {(p, n): f for p in self._places for n, f in by_place[p].items()}

    @property
    def places(self) -> list:
        """The places the catalogue has units in (None: units without a place)."""
        return list(self._places)

    def lookup(self, name: str, place: str | None = None) -> tuple[str | None, str] | None:
        """``(place, canonical name)`` of the unit called ``name`` in ``place``
        (any place when None); None if unknown there."""
        places = self._places if place is None else [place] if place in self._sub else []
        for p in places:
            c = self._sub[p].find(name)
            if c is not None:
                return p, c
        return None

    def candidates(self, name: str) -> list[tuple[str | None, str]]:
        """Every ``(place, canonical name)`` the name stands for, one per place."""
        out = []
        for p in self._places:
            c = self._sub[p].find(name)
            if c is not None:
                out.append((p, c))
        return out

    def canonical(self, name: str, place: str | None = None) -> str:
        """The catalogue name of the unit called ``name``; ``name`` itself if unknown."""
        hit = self.lookup(name, place)
        return hit[1] if hit else squash(name)

    def known(self, name: str, place: str | None = None) -> bool:
        """Whether ``name`` is a catalogue unit's name or alias."""
        return self.lookup(name, place) is not None

    def unit(self, name: str, place: str | None = None) -> dict | None:
        """The unit fact for ``name`` (any alias), or None."""
        hit = self.lookup(name, place)
        return self._units[hit] if hit else None

    def unit_type(self, name: str, place: str | None = None) -> str:
        """The unit's ``unit_type``; ``other`` for names the catalogue does not know."""
        u = self.unit(name, place)
        return (u or {}).get("unit_type") or "other"

    def aliases(self, name: str, place: str | None = None) -> list[str]:
        """Every name of the unit: canonical name first, then aliases (no repeats)."""
        u = self.unit(name, place)
        if u is None:
            return [self.canonical(name, place)]
        out = [u["name"]]
        for a in list(u.get("aliases") or []) + list(u.get("added_aliases") or []):
            if a not in out:
                out.append(a)
        return out

    def _place_of(self, name: str, place: str | None) -> str | None:
        hit = self.lookup(name, place)
        return hit[0] if hit else place

    def parent(self, name: str, place: str | None = None) -> str | None:
        """Canonical name of the unit's parent (in the unit's place), or None."""
        p = (self.unit(name, place) or {}).get("parent")
        return self.canonical(p, self._place_of(name, place)) if p else None

    def members(self, collective: str, former: bool = False, place: str | None = None) -> list[str]:
        """Canonical names of a collective's members (``former=True``: its former members),
        all in the collective's place."""
        u = self.unit(collective, place) or {}
        where = self._place_of(collective, place)
        out: list[str] = []
        for m in u.get("former_members" if former else "members") or []:
            c = self.canonical(m, where)
            if c not in out:
                out.append(c)
        return out

    def names(self) -> list[str]:
        """Every name a unit is known by, in any place: names and aliases (no repeats), e.g.
        the names to suggest from when a typed one is unknown."""
        out: dict[str, None] = {}
        for f in self._units.values():
            for a in [f["name"], *(f.get("aliases") or []), *(f.get("added_aliases") or [])]:
                out.setdefault(a)
        return list(out)

    def keys(self) -> list[tuple[str | None, str]]:
        """Every unit as ``(place, name)``."""
        return list(self._units)

    def __contains__(self, name: object) -> bool:
        return isinstance(name, str) and self.known(name)

    def __iter__(self) -> Iterator[str]:
        return iter(dict.fromkeys(n for _, n in self._units))

    def __len__(self) -> int:
        return len(self._units)

    def __repr__(self) -> str:
        return f"UnitIndex({len(self._units)} units, {len(self._places)} places)"
