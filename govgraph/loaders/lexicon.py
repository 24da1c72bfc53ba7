"""Lexicons kept as data files in ``govgraph/loaders/data/``.

>>> lex = load_lexicon()
>>> "副区长" in lex.titles and "组长" in lex.roles
True
>>> lex.surname_of("欧阳明")
'欧阳'
"""

from __future__ import annotations

from dataclasses import dataclass
from functools import lru_cache
from importlib import resources

__all__ = ["Lexicon", "load_lexicon"]


def _lines(name: str) -> list[str]:
    text = resources.files("govgraph.loaders").joinpath("data").joinpath(name).read_text(encoding="utf-8")
    return [ln.strip() for ln in text.splitlines() if ln.strip() and not ln.lstrip().startswith("#")]


@dataclass(frozen=True)
class Lexicon:
    titles: tuple[str, ...]  # longest first
    roles: tuple[str, ...]  # longest first
    unit_suffixes: tuple[str, ...]  # longest first
    group_suffixes: tuple[str, ...]
    collectives: dict  # name -> member unit_type
    surnames1: frozenset
    surnames2: frozenset

    def surname_of(self, name: str) -> str | None:
        if name[:2] in self.surnames2:
            return name[:2]
        if name[:1] in self.surnames1:
            return name[:1]
        return None


@lru_cache(maxsize=1)
def load_lexicon() -> Lexicon:
    by_len = lambda xs: tuple(sorted(set(xs), key=lambda s: (-len(s), s)))  # noqa: E731
    sur = _lines("surnames.txt")
    singles = frozenset(c for ln in sur if len(ln) > 2 for c in ln)
    doubles = frozenset(ln for ln in sur if len(ln) == 2)
    coll = {}
    for ln in _lines("collectives.txt"):
        name, _, kind = ln.partition("\t")
        coll[name.strip()] = (kind.strip() or "other")
    return Lexicon(
        titles=by_len(_lines("titles.txt")),
        roles=by_len(_lines("roles.txt")),
        unit_suffixes=by_len(_lines("unit_suffixes.txt")),
        group_suffixes=by_len(_lines("group_suffixes.txt")),
        collectives=coll,
        surnames1=singles,
        surnames2=doubles,
    )
