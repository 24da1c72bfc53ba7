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
>>> alternation(["副区长", "副县长", "区长"])
'(?:副(?:区长|县长)|区长)'
"""

from __future__ import annotations

import itertools
import re
from dataclasses import dataclass
from functools import lru_cache

from ..datafiles import data_lines, data_rows

__all__ = ["Lexicon", "load_lexicon", "data_lines", "data_rows", "data_words", "alternation", "longest_first"]


def data_words(name: str, *kinds: str) -> tuple[str, ...]:
    """The words of a ``kind<TAB>word`` data file whose kind is one of ``kinds``, in file order."""
    return tuple(r[1] for r in data_rows(name) if r[0] in kinds)


def alternation(words) -> str:
    """A regex group matching any of ``words`` (escaped), tried in the order given.

    Words given longest first are written as a trie (``副(?:区长|县长)``): it tries the
    words that match at a position in the same order, longest first, so it matches what the
    plain alternation matches, but ``re`` reads a prefix once instead of once a word
    (hundreds of titles at every position of a text)."""
    words = list(words)
    if any(len(a) < len(b) for a, b in itertools.pairwise(words)):
        return "(?:" + "|".join(map(re.escape, words)) + ")"
    trie: dict = {}
    for w in words:
        node = trie
        for ch in w:
            node = node.setdefault(ch, {})
        node[""] = {}
    return _trie_pattern(trie, group=True)


def _trie_pattern(node: dict, group: bool = False) -> str:
    """The words below ``node`` as a regex: each next character once, the longer words first
    (a word ending here is the last choice: ``(?:…)?``, greedy); ``group``: one group, always."""
    alts = [re.escape(ch) + _trie_pattern(node[ch]) for ch in sorted(node) if ch]
    ends = "" in node and (group or bool(alts))  # (a leaf ends every word: nothing optional)
    body = "|".join(alts)
    if group or len(alts) > 1 or ends and len(body) > 1:
        body = "(?:" + body + ")"
    return body + ("?" if ends else "")


def longest_first(words) -> tuple[str, ...]:
    """``words`` once each, longest first (then in code-point order): a lexicon's order.

    >>> longest_first(["办", "办公室", "办"])
    ('办公室', '办')
    """
    return tuple(sorted(set(words), key=lambda s: (-len(s), s)))


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
    sur = data_lines("surnames.txt")
    singles = frozenset(c for ln in sur if len(ln) > 2 for c in ln)
    doubles = frozenset(ln for ln in sur if len(ln) == 2)
    coll = {}
    for ln in data_lines("collectives.txt"):
        name, _, kind = ln.partition("\t")
        coll[name.strip()] = (kind.strip() or "other")
    return Lexicon(
        titles=longest_first(data_lines("titles.txt")),
        roles=longest_first(data_lines("roles.txt")),
        unit_suffixes=longest_first(data_lines("unit_suffixes.txt")),
        group_suffixes=longest_first(data_lines("group_suffixes.txt")),
        collectives=coll,
        surnames1=singles,
        surnames2=doubles,
    )
