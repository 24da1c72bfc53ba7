"""Lexicons kept as data files in ``govgraph/loaders/data/`` (read through
``govgraph.datafiles``: ``data_lines``, ``data_rows``).

>>> lex = load_lexicon()
>>> "副区长" in lex.titles and "组长" in lex.roles
True
>>> lex.surname_of("欧阳明")
'欧阳'
>>> data_words("group_verbs.tsv", "adjust")
('调整',)
>>> alternation(["办", "办公室"])
'(?:办|办公室)'
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from functools import lru_cache

from ..datafiles import data_lines, data_rows

__all__ = ["Lexicon", "load_lexicon", "data_lines", "data_rows", "data_words", "alternation"]


def data_words(name: str, *kinds: str) -> tuple[str, ...]:
    """The words of a ``kind<TAB>word`` data file whose kind is one of ``kinds``, in file order."""
    return tuple(r[1] for r in data_rows(name) if r[0] in kinds)


def alternation(words) -> str:
    """A regex group matching any of ``words`` (escaped), tried in the order given."""
    return "(?:" + "|".join(map(re.escape, words)) + ")"


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
    sur = data_lines("surnames.txt")
    singles = frozenset(c for ln in sur if len(ln) > 2 for c in ln)
    doubles = frozenset(ln for ln in sur if len(ln) == 2)
    coll = {}
    for ln in data_lines("collectives.txt"):
        name, _, kind = ln.partition("\t")
        coll[name.strip()] = (kind.strip() or "other")
    return Lexicon(
        titles=by_len(data_lines("titles.txt")),
        roles=by_len(data_lines("roles.txt")),
        unit_suffixes=by_len(data_lines("unit_suffixes.txt")),
        group_suffixes=by_len(data_lines("group_suffixes.txt")),
        collectives=coll,
        surnames1=singles,
        surnames2=doubles,
    )
