"""Who is who: candidate merges and splits of people, and the analyst's decisions.

A person is a name in a place (the jurisdiction of the notice naming them): the
same name in two places is two people unless a decision joins them, and inside
one place the same name is one person unless a decision splits it.
``candidates(facts)`` lists what an analyst should look at, each with its
reason and evidence (like nomenklatura's xref); the decisions go into a plain
tab-separated file kept under version control (``govgraph-decisions.tsv``), which
every build reads:

    # kind  name  place       other          decision   note
    person  李锐  江州市云溪区  武汉市汉阳区     same       moved in 2020
    person  张斌  武汉市汉阳区  阳政办〔2018〕9号 different  another 张斌 in that notice

``same``: the person of ``other`` (a place) is the person of ``place``.
``different``: in ``place``, the notices listed in ``other`` (comma-separated
document numbers) name another person of that name.  A decision only changes
the person's identity (``person_place`` / ``person_variant`` on the facts,
facts format v1.2; ``govgraph.identity.person_of`` reads them), never a fact's
text or evidence.

>>> d = Decisions.parse("person\\t李锐\\t江州市云溪区\\t武汉市汉阳区\\tsame\\tmoved\\n")
>>> f = {"kind": "post", "doc": "D", "person": "李锐", "unit": "区财政局", "title": "副局长", "place": "武汉市汉阳区"}
>>> apply_decisions([f], d)[0]["person_place"]
'江州市云溪区'
"""

from __future__ import annotations

import re
from collections import defaultdict
from dataclasses import dataclass, field
from pathlib import Path

from ..errors import InputError
from ..identity import person_of, squash
from .resolve import check_persons

__all__ = ["DECISIONS_FILE", "Decision", "Decisions", "apply_decisions", "candidates", "read_decisions"]

DECISIONS_FILE = "govgraph-decisions.tsv"
_KINDS = ("same", "different")


@dataclass(frozen=True)
class Decision:
    kind: str  # person
    name: str
    place: str
    other: str  # a place (same) or document numbers (different)
    decision: str  # same | different
    note: str = ""


@dataclass
class Decisions:
    items: list[Decision] = field(default_factory=list)
    source: str | None = None

    @classmethod
    def parse(cls, text: str, source: str | None = None) -> "Decisions":
        items = []
        for n, line in enumerate(text.splitlines(), 1):
            if not line.strip() or line.lstrip().startswith("#"):
                continue
            cols = [c.strip() for c in line.split("\t")]
            if len(cols) < 5 or cols[0] != "person" or cols[4] not in _KINDS or not all(cols[1:4]):
                raise InputError(f"{source or 'decisions'}:{n}: want person<TAB>name<TAB>place<TAB>other"
                                 f"<TAB>same|different[<TAB>note], got {line!r}")
            items.append(Decision(cols[0], squash(cols[1]), cols[2], cols[3], cols[4],
                                  cols[5] if len(cols) > 5 else ""))
        return cls(items, source)

    def same_as(self) -> dict[tuple[str, str], str]:
        """(name, place) -> the place of the person it is (chains followed)."""
        out: dict[tuple[str, str], str] = {}
        for d in self.items:
            if d.decision == "same" and d.other != d.place:
                out[(d.name, d.other)] = d.place
        for key in list(out):
            seen = {key[1]}
            while (key[0], out[key]) in out and out[key] not in seen:
                seen.add(out[key])
                out[key] = out[(key[0], out[key])]
        return out

    def splits(self) -> dict[tuple[str, str, str], str]:
        """(name, place, doc) -> the variant (the decision's documents, joined)."""
        out = {}
        for d in self.items:
            if d.decision == "different":
                docs = [x.strip() for x in d.other.split(",") if x.strip()]
                for doc in docs:
                    out[(d.name, d.place, doc)] = ",".join(sorted(docs))
        return out


def read_decisions(path: str | Path | None) -> Decisions:
    """The decisions in ``path`` (none if the path is None or the file does not exist)."""
    if path is None:
        return Decisions()
    p = Path(path)
    if not p.exists():
        return Decisions(source=str(p))
    return Decisions.parse(p.read_text(encoding="utf-8"), str(p))


def _person_field(f: dict) -> str | None:
    if f.get("kind") == "post":
        return "person"
    if f.get("kind") == "membership" and f.get("member_type") == "person":
        return "member"
    return None


def apply_decisions(facts: list[dict], decisions: Decisions) -> list[dict]:
    """Set ``person_place`` / ``person_variant`` on the facts the decisions touch (in place)."""
    same, splits = decisions.same_as(), decisions.splits()
    if not same and not splits:
        return facts
    for f in facts:
        key = _person_field(f)
        if key is None or not isinstance(f.get("place"), str):
            continue
        name, place = f[key], f["place"]
        variant = splits.get((name, place, f.get("doc")))
        target = same.get((name, place))
        if target is not None and variant is None:
            f["person_place"] = target
        else:
            f.pop("person_place", None)
        if variant is not None:
            f["person_variant"] = variant
        else:
            f.pop("person_variant", None)
    return facts


def candidates(facts: list[dict], raw: bool = True) -> list[dict]:
    """Candidate merges (one name in several places; places written at two levels of
    detail) and splits (one name in one place whose posts cannot both be true: a list
    names it twice with different posts, as the extraction warns), each with reasons
    and evidence.
    ``raw``: as the notices give them, before the decisions (so that decided
    candidates are listed too); else as the decisions left them."""
    held: dict[tuple, list[dict]] = defaultdict(list)
    for f in facts:
        key = _person_field(f)
        if key is None:
            continue
        place, variant = (f.get("place"), None) if raw else person_of(f)
        held[(f[key], place, variant)].append(f)
    by_name: dict[str, list[tuple]] = defaultdict(list)
    for name, place, variant in held:
        by_name[name].append((place, variant))
    out = _place_pairs(facts)
    for name in sorted(by_name):
        keys = sorted(by_name[name], key=lambda k: (k[0] or "", k[1] or ""))
        if len({k[0] for k in keys}) > 1:
            for i, a in enumerate(keys):
                for b in keys[i + 1:]:
                    if a[0] == b[0]:
                        continue
                    fa, fb = held[(name, *a)], held[(name, *b)]
                    reasons = [f"same name in {a[0]} and {b[0]}"]
                    ta = {f.get("title") or f.get("role") for f in fa}
                    tb = {f.get("title") or f.get("role") for f in fb}
                    if ta & tb:
                        reasons.append(f"same title or role: {', '.join(sorted(x for x in ta & tb if x))}")
                    if a[0] and b[0] and (a[0].endswith(b[0]) or b[0].endswith(a[0])):
                        reasons.append("one place is written inside the other")
                    out.append({"proposal": "merge", "name": name, "place": a[0], "other": b[0],
                                "reasons": "; ".join(reasons),
                                "evidence": _evidence(fa) + " | " + _evidence(fb)})
    # splits, as the extraction warns (check_persons): one list names one name twice, with
    # different posts: maybe two people of the same name
    by_doc: dict[str, list[dict]] = defaultdict(list)
    for f in facts:
        if f.get("kind") in ("post", "membership"):
            by_doc[f.get("doc")].append(f)
    for doc, fs in sorted(by_doc.items(), key=lambda x: str(x[0])):
        for w in check_persons(fs):
            m = re.search(r"\]: (\S+) is listed twice in (.+?) with different posts \((.*)\)", w)
            if not m:
                continue
            name = m.group(1)
            place = next((f.get("place") for f in fs if f.get("place")), None)
            out.append({"proposal": "split", "name": name, "place": place, "other": doc,
                        "reasons": f"listed twice in {m.group(2)} with different posts: {m.group(3)}",
                        "evidence": _evidence([f for f in fs if name in (f.get("person"), f.get("member"))])})
    return out


def _place_pairs(facts: list[dict]) -> list[dict]:
    """Places written at two levels of detail (``虹口区`` and ``上海市虹口区``): maybe one place.
    A place is its name as the notices write it (no gazetteer), so the analyst states the
    full one for the notices that leave the city out (``--place``, ``govgraph-place.txt``)."""
    docs: dict[str, set] = defaultdict(set)
    for f in facts:
        if f.get("kind") != "unit" and isinstance(f.get("place"), str) and not f["place"].startswith("?"):
            docs[f["place"]].add(f.get("doc"))
    out = []
    for a in sorted(docs):
        for b in sorted(docs):
            if a != b and b.endswith(a):
                out.append({"proposal": "same place", "name": "", "place": b, "other": a,
                            "reasons": f"{a} is written inside {b}; state {b} for the notices of {a} "
                                       f"(--place or govgraph-place.txt) if it is the same place",
                            "evidence": "; ".join(sorted(d for d in docs[a] if d)[:3])})
    return out


def _evidence(facts: list[dict]) -> str:
    parts = []
    for f in facts[:3]:
        ev = f.get("evidence") or {}
        parts.append(f"{f['doc']}: {ev.get('text') or (f.get('unit', '') + f.get('title', ''))}")
    more = f" (+{len(facts) - 3})" if len(facts) > 3 else ""
    return "; ".join(parts) + more
