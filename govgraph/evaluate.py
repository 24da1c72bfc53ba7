"""Score a facts file against hand-checked gold facts (precision, recall, F1 per kind).

Kinds scored, each only over the documents the gold covers for that kind:
``post`` (doc, person, unit, title); ``person-title`` (doc, person, title), for
gold whose units were inferred; ``term`` posts with start/end;
``membership`` (doc, member, role; 成员单位 counts as 成员); ``task`` as a
multiset of (doc, unit, role); ``due`` as a multiset of (doc, unit, due date).
Unit names are compared through the alias clusters of a unit catalogue.

>>> gold = [{"kind": "post", "doc": "d", "person": "甲", "unit": "区政府", "title": "区长"}]
>>> pred = [{"kind": "post", "doc": "d", "person": "甲", "unit": "区人民政府", "title": "区长"}]
>>> units = [{"kind": "unit", "name": "区人民政府", "aliases": ["区政府"]}]
>>> evaluate(pred, gold, units)["post"]["f1"]
1.0
"""

from __future__ import annotations

import re
from collections import Counter
from pathlib import Path

from . import kinds
from .identity import UnitIndex, fold
from .identity import squash as _sp

__all__ = ["evaluate", "evaluate_corpus", "KINDS", "AliasMap"]



def _scores() -> dict:
    """Score name -> (fact kind, its ``kinds.Score``), as the kinds declare them now
    (kinds registered after import included)."""
    return {sc.name: (k, sc) for k in kinds.KINDS.values() for sc in k.scores}


#: the scores of the package's kinds (``scores`` of each kind in kinds.toml, in order)
KINDS = tuple(_scores())
# 區, 縣: a notice in Traditional script; a name with 各 before its level is a collective (各县区政府, 各区人民政府):
# the governments of every district, not the notice's own
_GOV = re.compile(r"^(?:(?!各).)*?(省|市|区|县|旗|區|縣)(?:人民)?政府$")


def _doc(d: str) -> str:
    return re.sub(r"[\(（\[〔【]\s*(\d{4})\s*[\)）\]〕】]", r"〔\1〕", _sp(d))


class AliasMap:
    """The scorer's key for a unit name: the unit it names in the catalogue of
    ``unit_facts`` (``identity.UnitIndex``, compared by ``identity.fold``: spaces,
    bracket widths and quote styles aside; any place), as ``fold`` writes it."""

    def __init__(self, unit_facts=()):
        self.index = UnitIndex((u for u in unit_facts if u.get("kind") == "unit"), key=fold)

    def __call__(self, s: str) -> str:
        """
        >>> a = AliasMap()
        >>> a("肇庆市人民政府"), a("市政府"), a("各县区政府"), a("各区人民政府")
        ('市人民政府', '市人民政府', '各县区政府', '各区人民政府')
        """
        k = fold(self.index.canonical(s))
        # A government named with or without its place is one unit within a notice:
        # 肇庆市人民政府 and 市人民政府 in a 肇庆 notice score alike, and so do 市政府 and
        # 市人民政府 (the short and the full name of one government).
        m = _GOV.match(k)
        return m.group(1) + "人民政府" if m else k


def _keys(facts, unit, kind) -> Counter:
    """The keys of score ``kind`` (a ``scores`` entry of a fact kind in ``kinds.toml``):
    document numbers, unit names (through ``unit``) and other names normalised."""
    fk, sc = _scores()[kind]
    ks: Counter = Counter()
    for f in facts:
        if f.get("kind") != fk.name or (sc.when_any and not any(f.get(x) for x in sc.when_any)):
            continue
        for key in _score_keys(f, fk, sc, unit):
            ks[key] = ks[key] + 1 if sc.multiset else 1
    return ks


def _score_keys(f: dict, fk, sc, unit):
    """One key of ``f``, or one per name of its ``each`` fields."""

    def norm(field: str, v):
        if field in sc.trim:
            return str(v or "")[:sc.trim[field]]
        t = fk.fields[field].node_type(f)
        v = _doc(v or "") if t == "notice" else unit(v or "") if t == "unit" else _sp(v)
        return sc.read_as.get(field, {}).get(v, v)

    if not sc.each:
        yield tuple(norm(x, f.get(x)) for x in sc.key)
        return
    for field in sc.each:
        for name in f.get(field) or []:
            el = unit(name) if fk.fields[field].node_type(f) == "unit" else _sp(name)
            yield tuple(el if x == "@each" else field if x == "@field" else norm(x, f.get(x)) for x in sc.key)


def evaluate(pred: list[dict], gold: list[dict], units: list[dict] = ()) -> dict:
    """Per kind: precision, recall, f1, counts, and the missed and spurious keys."""
    unit = AliasMap(units)
    res = {}
    for kind in _scores():
        g = _keys(gold, unit, kind)
        if not g:
            continue
        docs = {k[0] for k in g}
        p = Counter({k: v for k, v in _keys(pred, unit, kind).items() if k[0] in docs})
        tp = sum((g & p).values())
        P = tp / sum(p.values()) if p else 0.0
        R = tp / sum(g.values())
        F = 2 * P * R / (P + R) if P + R else 0.0
        res[kind] = {"precision": round(P, 3), "recall": round(R, 3), "f1": round(F, 3),
                     "gold": sum(g.values()), "pred": sum(p.values()), "tp": tp,
                     "missed": sorted((g - p).elements()), "spurious": sorted((p - g).elements())}
    return res


def _split(corpus: Path) -> dict[str, str]:
    """``SPLIT.tsv`` of a gold corpus: notice name -> ``dev`` or ``held-out`` (dev when unlisted)."""
    out: dict[str, str] = {}
    p = corpus / "SPLIT.tsv"
    if p.exists():
        for line in p.read_text(encoding="utf-8").splitlines():
            if line and not line.startswith(("#", "file\t")):
                name, part = line.split("\t")[:2]
                out[name] = part
    return out


def evaluate_corpus(pred: list[dict], corpus: str | Path) -> dict[str, dict]:
    """Scores over a gold corpus folder (``gold/NAME.jsonl``, optional ``SPLIT.tsv``).

    Keys: ``all``, ``dev``, ``held-out`` and one per batch (the file-name prefix
    before ``-``: ``gov``, ``rm`` …); values as :func:`evaluate` returns them.
    """
    from .facts import read_facts

    corpus = Path(corpus)
    parts = _split(corpus)
    gold = {g.stem: list(read_facts(g)) for g in sorted((corpus / "gold").glob("*.jsonl"))}
    groups = {"all": list(gold), "dev": [n for n in gold if parts.get(n, "dev") == "dev"],
              "held-out": [n for n in gold if parts.get(n) == "held-out"]}
    for b in sorted({n.split("-")[0] for n in gold}):
        groups[b] = [n for n in gold if n.split("-")[0] == b]
    return {name: evaluate(pred, [f for n in names for f in gold[n]]) for name, names in groups.items() if names}
