"""How names are compared: the one normalisation every alias lookup uses.

A name as a notice writes it may carry layout spaces (``区 财政局``, a justified
table cell, a line break inside a name); they never make two names different.
``squash`` is that rule, for units, persons and places alike.  ``fold`` is the
looser key the scorer compares hand-written gold with: bracket widths and curly
quotes aside as well.  A name typed by a user is matched by ``compact`` (full-width
forms as NFKC writes them, spaces aside), then by ``loose``, which sets the script
aside too: a name typed in Traditional characters finds the stored Simplified one
(and the other way round: some notices keep Traditional names as written).  ``close`` picks the
known names near a mistyped one (for "did you mean").

>>> squash("区 科技\\u3000经信局"), squash(None)
('区科技经信局', '')
>>> fold("区城管委 (交通运输局)") == fold("区城管委（交通运输局）")
True
>>> fold("“两个责任”领导小组")
'"两个责任"领导小组'
>>> compact("（区 科技经信局）"), compact("區 水務局")
('(区科技经信局)', '區水務局')
>>> loose("區 水務局"), loose("許才勇"), loose("（区科技经信局）")
('区水务局', '许才勇', '(区科技经信局)')
>>> close("区水利局", ["区水务局", "区财政局", "区委组织部"]), close("张三", ["许才勇"])
(['区水务局'], [])
"""

from __future__ import annotations

import re
import unicodedata
from collections.abc import Iterable
from functools import lru_cache

__all__ = ["squash", "fold", "compact", "loose", "close", "distance", "to_simplified", "t2s_char"]

_SPACE = re.compile(r"\s+")
_FOLD = str.maketrans({"(": "（", ")": "）", "“": '"', "”": '"'})


def squash(name: str | None) -> str:
    """``name`` without whitespace (None: the empty string)."""
    return _SPACE.sub("", name or "")


def fold(name: str | None) -> str:
    """``squash(name)`` with ASCII brackets as full-width and curly double quotes as straight."""
    return squash(name).translate(_FOLD)


def compact(name: str | None) -> str:
    """A typed name's form: NFKC (full-width letters, digits and brackets as ASCII), no whitespace."""
    return squash(unicodedata.normalize("NFKC", name or ""))


def loose(name: str | None) -> str:
    """``compact(name)`` with Traditional characters as Simplified (one for one, with the
    converter extraction reads Traditional notices with): the key that sets the script aside."""
    return to_simplified(compact(name))


@lru_cache(maxsize=1)
def _converter():
    try:
        from opencc import OpenCC
    except ImportError:  # pragma: no cover - dependency declared in pyproject
        return None
    return OpenCC("t2s")


@lru_cache(maxsize=65536)
def t2s_char(c: str) -> str:
    """One character Traditional -> Simplified (itself when it has no one-character form).

    >>> t2s_char("區"), t2s_char("区")
    ('区', '区')
    """
    cc = _converter()
    if cc is None:
        return c
    s = cc.convert(c)
    return s if len(s) == 1 else c


class _Simplified(dict):
    """``str.translate``'s table: a character's code -> its Simplified form, made when first met."""

    def __missing__(self, code: int) -> str:
        c = chr(code)
        s = self[code] = t2s_char(c) if "\u4e00" <= c <= "\u9fff" else c
        return s


_SIMPLIFIED = _Simplified()


def to_simplified(text: str) -> str:
    """Character-by-character Traditional -> Simplified (length preserved, so offsets
    into a converted text are offsets into the source).

    >>> to_simplified("漢陽區財政局 No.1")
    '汉阳区财政局 No.1'
    """
    return text.translate(_SIMPLIFIED)


def distance(a: str, b: str) -> int:
    """Edit distance (Levenshtein: insertions, deletions, substitutions) of ``a`` and ``b``.

    >>> distance("许才永", "许才勇"), distance("水务局", "区水务局"), distance("", "ab")
    (1, 1, 2)
    """
    if len(a) < len(b):
        a, b = b, a
    row = list(range(len(b) + 1))
    for i, ca in enumerate(a, 1):
        prev, row[0] = row[0], i
        for j, cb in enumerate(b, 1):
            prev, row[j] = row[j], min(row[j] + 1, row[j - 1] + 1, prev + (ca != cb))
    return row[-1]


def close(name: str, known: Iterable[str], n: int = 5) -> list[str]:
    """The names of ``known`` close to ``name`` (at most ``n``, closest first), compared by
    :func:`loose` key.  Close: at an edit distance of at most a quarter of the longer name's
    length (at least 1: one character wrong, missing or extra in a short name) with a typed
    character kept; or one holds the other whole and is at most twice as long (``组织部``,
    ``区委组织部``).

    >>> close("组织部", ["区委组织部", "中共杭州市委组织部", "组织"])
    ['组织', '区委组织部']
    """
    key = loose(name)
    scored = []
    for k in dict.fromkeys(known):
        other = loose(k)
        d = distance(key, other)
        short, long_ = sorted((len(key), len(other)))
        near = d <= max(1, long_ // 4) and d < long_
        within = short >= 2 and 2 * short >= long_ and (key in other or other in key)
        if near or within:
            scored.append((d, k))
    return [k for _, k in sorted(scored)[:n]]
