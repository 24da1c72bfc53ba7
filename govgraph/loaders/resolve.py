"""Resolve mentions across a corpus: one unit per alias cluster, parents, collectives, persons.

Nothing is merged silently: every surface form stays an alias of its unit, and
pairs that might be one unit but are not merged are reported as warnings.

>>> cat = UnitCatalogue(places=["武汉市汉阳区", "汉阳区", "汉阳"])
>>> for n in ["区科技经信局", "区科技和经信局", "区城管委(交通运输局)", "公安汉阳分局(区交通大队)", "汉阳公安分局"]:
...     cat.add(n, "d1")
>>> cat.canonical("区科技和经信局") == cat.canonical("区科技经信局")
True
>>> cat.canonical("汉阳公安分局") == cat.canonical("公安汉阳分局")
True
>>> [u for u in cat.unit_facts() if u["name"] == "区交通大队"][0]["parent"] == cat.canonical("公安汉阳分局")
True
>>> cat.add("区", "d2"); cat.add("区财政局", "d2")
>>> [u["parent"] for u in cat.unit_facts() if u["name"] == "区财政局"]
[None]
"""

from __future__ import annotations

import re
from collections import Counter, defaultdict
from functools import lru_cache

from ..identity import squash
from .lexicon import load_lexicon
from .mentions import is_unit_like

__all__ = ["UnitCatalogue", "unit_type", "check_persons"]

_LEX = load_lexicon()
_MAIN_SUB = re.compile(r"(?P<main>[^()]+)\((?P<sub>[^()]+)\)")
_LOWER = ("站", "所", "大队", "中队", "队", "中心", "科", "股", "室")


@lru_cache(maxsize=1 << 16)
def unit_type(name: str) -> str:
    """The kind of organisation a name stands for.

    >>> unit_type("区财政局"), unit_type("各街办事处"), unit_type("市审计局"), unit_type("晴川街")
    ('department', 'collective', 'upper_level', 'street_office')
    """
    n = re.sub(r"\([^()]*\)", "", name)
    if name in _LEX.collectives or n.startswith(("各", "相关", "有关")):
        return "collective"
    if re.fullmatch(r"(?:[区市县镇乡]|.{2,6}[区县])?人民政府|[区县]政府", n):
        return "government"
    if n.startswith(("市", "省", "武汉市", "湖北省", "国务院", "中共中央", "中央", "国家")) and not n.startswith("市政"):
        return "upper_level"
    if re.search(r"(街道?办事处|街道|街)$", n):
        return "street_office"
    if re.search(r"(公司|集团|控股|市政|供水|供电|供气)$", n) or "供电" in n:
        return "enterprise"
    if re.search(r"(中心|站|大队|中队|支队|管委会|管理委员会|分院|处|所|新城|开发区)$", n):
        return "agency"
    if re.search(r"(局|委|办|部|室|分局|厅|署|办公室|委员会)$", n) and not re.search(r"(区委|团区委)$", n):
        return "department"
    return "other"


class UnitCatalogue:
    """Unit mentions of a corpus, clustered into units by alias rules.

    Its unit facts (each cluster's names as aliases) are the catalogue that
    ``govgraph.identity.UnitIndex`` resolves names through in every later room."""

    def __init__(self, places: list[str] | None = None):
        self.places = sorted(set(places or []), key=len, reverse=True)
        self.mentions: Counter = Counter()
        self.docs: dict[str, set] = defaultdict(set)
        self.parent_of: dict[str, str] = {}
        self._built = None

    # -- input
    def add(self, name: str, doc: str | None = None) -> None:
        self.add_many(name, (doc,) if doc else (), 1)

    def add_many(self, name: str, docs, count: int) -> None:
        """``count`` mentions of ``name``, in the documents ``docs`` (in order): what as many
        calls of ``add`` give, one per mention, each with one of ``docs`` or none.

        >>> a, b = UnitCatalogue(), UnitCatalogue()
        >>> for d in ("d1", "d2", None): a.add("区城管委(交通运输局)", d)
        >>> b.add_many("区城管委(交通运输局)", ["d1", "d2"], 3)
        >>> (a.mentions, a.docs, a.parent_of) == (b.mentions, b.docs, b.parent_of)
        True
        """
        name = squash(name)
        if not name:
            return
        self.mentions[name] += count
        if docs:
            self.docs[name].update(docs)
        m = _MAIN_SUB.fullmatch(name)
        if m:
            main, sub = m.group("main"), m.group("sub")
            self.mentions[main] += count
            if sub.endswith(_LOWER) and is_unit_like(sub):
                self.mentions[sub] += 0
                self.parent_of[sub] = main
            else:
                self.mentions[sub] += 0  # another name of the same unit
        self._built = None

    # -- alias keys
    def _key(self, name: str) -> str:
        n = squash(name)
        m = _MAIN_SUB.fullmatch(n)
        if m:
            n = m.group("main")
        for p in self.places:
            if len(p) >= 3 and n.startswith(p) and len(n) > len(p) + 1:
                # 武汉市汉阳区X, 汉阳区X, 佛冈县X -> 区X (and so X, below); 青海省X -> 省X, 泉州市X -> 市X: the place's own
                # level, as its notices write it short (青海省人民政府 = 省人民政府 in a notice of 青海省)
                n = ("区" if p.endswith(("区", "县", "旗")) else p[-1] if p.endswith(("省", "市", "州", "盟")) else "") + n[len(p):]
                break
        if n.startswith(("县", "旗")) and any(p.endswith(n[0]) for p in self.places):
            n = "区" + n[1:]  # 县X in a county's catalogue is its own X, as 区X in a district's (and 佛冈县X)
        n = re.sub(r"^区?人民政府(?=.{2,}街)", "", n)
        n = n.replace("管理委员会", "管委会").replace("人民政府", "政府")
        n = re.sub(r"^([区市县])政府(?=[\u4e00-\u9fff]{2,}办$)", r"\1", n)  # 区政府法制办 = 区法制办
        n = re.sub(r"政府办公室$|政府办$", "政府办公室", n)
        n = re.sub(r"人民(法院|检察院)$", r"\1", n)
        n = re.sub(r"(?<=[\u4e00-\u9fff])和(?=[\u4e00-\u9fff]{1,4}(局|委|办|中心)$)", "", n)
        street = re.fullmatch(r"(?P<x>[^各相]{2,6}?)(?:街道办事处|街办事处|街道|街)", n)
        if street and not street.group("x").startswith("区"):
            n = street.group("x") + "街办事处"
        for p in self.places:
            if len(p) == 2:  # short district name: 汉阳公安分局 -> 公安汉阳分局
                mm = re.fullmatch(rf"{p}(?P<sys>公安|国土规划|规划|交警|税务|工商)(?P<suf>分局|大队)", n)
                if mm:
                    n = mm.group("sys") + p + mm.group("suf")
        if re.search(r"(开发区|新城|园区)$", n):
            n += "管委会"
        if n.startswith("区") and len(n) > 3 and n not in ("区委", "区政府", "区人大", "区政协"):
            n = n[1:]
        return n

    def _build(self):
        if self._built is not None:
            return self._built
        clusters: dict[str, list[str]] = defaultdict(list)
        for name in self.mentions:
            clusters[self._key(name)].append(name)
        canon = {}
        for key, names in clusters.items():
            # The canonical label: the most mentioned plain form (no brackets), then the shortest.
            plain = [n for n in names if "(" not in n] or names
            best = max(sorted(plain), key=lambda n: (self.mentions[n], n.startswith("区"), -len(n)))
            for n in names:
                canon[n] = best
        self._built = (clusters, canon)
        return self._built

    def canonical(self, name: str) -> str:
        name = squash(name)
        _, canon = self._build()
        if name in canon:
            return canon[name]
        key = self._key(name)
        for n, c in canon.items():
            if self._key(n) == key:
                return c
        return name

    # -- output
    def unit_facts(self) -> list[dict]:
        clusters, canon = self._build()
        out = []
        names_by_canon: dict[str, list[str]] = defaultdict(list)
        for n, c in canon.items():
            names_by_canon[c].append(n)
        canon_set = set(names_by_canon)
        for c, names in sorted(names_by_canon.items()):
            parent = None
            for n in names:
                if n in self.parent_of:
                    parent = self.canonical(self.parent_of[n])
            if parent is None:
                parent = self._prefix_parent(c, canon_set)
            docs = sorted({d for n in names for d in self.docs.get(n, ())})
            f = {"kind": "unit", "name": c, "aliases": sorted(set(names)), "parent": parent,
                 "unit_type": unit_type(c), "docs": docs}
            out.append(f)
        # Collectives: link to their members.
        by_type: dict[str, list[str]] = defaultdict(list)
        for f in out:
            by_type[f["unit_type"]].append(f["name"])
        for f in out:
            if f["unit_type"] == "collective":
                kind = _LEX.collectives.get(f["name"]) or _collective_kind(f["name"])
                if kind in ("street_office", "department"):
                    f["members"] = sorted(by_type.get(kind, []))
        return out

    def _prefix_parent(self, c: str, canon_set: set) -> str | None:
        """区委宣传部 -> 区委; 区总工会经费审查委员会 -> 区总工会 (a known unit + a unit-like rest)."""
        best = None
        for other in canon_set:
            # a one-character "unit" (区, 镇: a cut-off name) is no one's parent
            if other != c and len(other) >= 2 and c.startswith(other) and len(c) - len(other) >= 2 \
                    and is_unit_like(c[len(other):]):
                if unit_type(other) not in ("collective", "government") and (best is None or len(other) > len(best)):
                    best = other
        if best is None and c.startswith("区委") and len(c) > 3 and "区委" in canon_set:
            best = "区委"
        return best

    def ambiguities(self) -> list[str]:
        """Pairs that may be one unit but were kept apart (one key ends with the other)."""
        clusters, canon = self._build()
        keys = sorted(clusters, key=len)
        out = []
        for i, k in enumerate(keys):
            if len(k) < 3:
                continue
            for k2 in keys[i + 1:]:
                if k2.endswith(k) and len(k2) - len(k) <= 3 and not re.match(r"^[市省]", k2):
                    a, b = canon[clusters[k][0]], canon[clusters[k2][0]]
                    if unit_type(a) == unit_type(b) != "collective":
                        out.append(f"units {a!r} and {b!r} may be the same unit; kept apart")
        return out


def _collective_kind(name: str) -> str:
    if "街" in name:
        return "street_office"
    if "部门" in name:
        return "department"
    return "other"


def check_persons(facts: list[dict]) -> list[str]:
    """Warn where one name cannot be one person: a list names the same name twice with different posts."""
    warnings = []
    seen = defaultdict(set)
    posts = defaultdict(set)
    for f in facts:
        if f["kind"] == "membership" and f["member_type"] == "person":
            seen[(f["doc"], f["group"], f["member"])].add(f["evidence"]["start"] if f.get("evidence") else None)
        elif f["kind"] == "post":
            posts[(f["doc"], f["person"])].add((f["unit"], f["title"]))
    for (doc, group, name), starts in seen.items():
        held = posts.get((doc, name), set())
        if len(starts) > 1 and len({u for u, _ in held}) > 1:
            warnings.append(f"[{doc}]: {name} is listed twice in {group} with different posts "
                            f"({'; '.join(u + t for u, t in sorted(held))}): may be two people of the same name")
    return warnings
