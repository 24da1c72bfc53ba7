"""Where the records contradict each other: conflicts between two notices.

An analyst reading many notices wants the places where they cannot all be true.
Three kinds, each row citing both notices (document number, date, quote):

- ``two-holders``: two people in one single-holder post (a unit + a 正职 title:
  局长, 主任, 区长 …, ``loaders/data/single_holder_titles.txt``; or a group role
  such as 组长) at the same date;
- ``stale-listing``: a person listed as holding a post in a notice dated after a
  notice that removed them from it (免去…职务, 原…: ``former``), or that says their term
  there ended (a single-holder post, and someone else held it after the term, by the
  listing's month);
- ``incompatible-posts``: one person, at the same date, in two posts that cannot
  both be true (the rules are data: ``loaders/data/incompatible_posts.tsv``).

"Same date" is read from what the notices state: both current (``as_of``) on the
same day, a day strictly inside the other's term (``start``-``end`` months), or two
terms overlapping by more than a month of handover (months of a boundary do not
count: a term ending in 2017-12 and one starting in 2017-12 is a handover).  Two
statements of one notice never conflict (a notice is read as one record: 原翠微街
办事处主任、建桥街办事处主任 is a career, 双组长 a choice).  Posts are a unit in its
place (``identity.UnitIndex`` over ``unit_scope``), persons a name in a place
(``identity.person_of``), so units and people of two places never collide.

>>> facts = [
...   {"kind": "post", "doc": "A", "person": "张三", "unit": "县财政局", "title": "局长", "as_of": "2020-05-08",
...    "place": "宜城县", "evidence": {"text": "张三 县财政局局长"}},
...   {"kind": "post", "doc": "B", "person": "李四", "unit": "县财政局", "title": "局长", "as_of": "2020-05-08",
...    "place": "宜城县", "evidence": {"text": "李四 县财政局局长"}}]
>>> cols, rows = conflicts(facts, [{"doc": "A", "date": "2020-05-08"}, {"doc": "B", "date": "2020-05-08"}])
>>> [(r["conflict"], r["person"], r["other_person"], r["unit"], r["title"]) for r in rows]
[('two-holders', '张三', '李四', '县财政局', '局长')]
>>> rows[0]["reason"]
'县财政局局长 has one holder: 张三 and 李四 are both stated current on 2020-05-08'
"""

from __future__ import annotations

from collections import Counter, defaultdict
from collections.abc import Iterable
from dataclasses import dataclass
from functools import lru_cache
from itertools import combinations

from govgraph.identity import UnitIndex, person_of, squash, to_simplified, unit_scope

__all__ = ["conflicts", "CONFLICT_KINDS", "COLUMNS", "KINDS_READ", "Rule", "rules", "single_holder_titles"]

#: the kinds of conflict, in the order rows are listed
CONFLICT_KINDS = ("two-holders", "stale-listing", "incompatible-posts")
COLUMNS = ["conflict", "place", "person", "unit", "title", "doc", "date", "quote",
           "other_person", "other_unit", "other_title", "other_doc", "other_date", "other_quote", "reason"]


@lru_cache(maxsize=1)
def single_holder_titles() -> frozenset:
    """The 正职 titles (Simplified) of ``single_holder_titles.txt``."""
    from govgraph.loaders.lexicon import data_lines

    return frozenset(data_lines("single_holder_titles.txt"))


@dataclass(frozen=True)
class Rule:
    """A row of ``incompatible_posts.tsv``: two posts of one person that cannot both hold."""

    name: str
    mode: str  # two-units | one-unit
    titles: frozenset
    prefixes: tuple  # one-unit: 副, 常务副
    unit_types: frozenset | None  # None: any
    name_ends: tuple | None
    why: str

    def _unit_ok(self, h: "Holding") -> bool:
        return (self.unit_types is None or h.unit_type in self.unit_types) and \
            (self.name_ends is None or h.unit.endswith(self.name_ends))

    def matches(self, a: "Holding", b: "Holding", units: UnitIndex) -> bool:
        """Whether the posts of ``a`` and ``b`` (one person's) fall under this rule."""
        if not (self._unit_ok(a) and self._unit_ok(b)):
            return False
        if self.mode == "one-unit":
            if (a.place, a.unit) != (b.place, b.unit):
                return False
            return any(x.role in self.titles and y.role in {p + x.role for p in self.prefixes}
                       for x, y in ((a, b), (b, a)))
        return a.role in self.titles and b.role in self.titles and _different_units(a, b, units)


@lru_cache(maxsize=1)
def rules() -> tuple[Rule, ...]:
    """The rules of ``incompatible_posts.tsv``."""
    from govgraph.loaders.lexicon import data_rows

    def vals(cell: str) -> list[str]:
        return [v for v in cell.split("、") if v] if cell and cell != "*" else []

    out = []
    for r in data_rows("incompatible_posts.tsv"):
        name, mode, titles, other, types, ends, why = (r + [""] * 7)[:7]
        if mode not in ("two-units", "one-unit"):
            raise ValueError(f"incompatible_posts.tsv: rule {name!r}: mode must be two-units or one-unit")
        out.append(Rule(name, mode, frozenset(vals(titles)), tuple(vals(other)),
                        frozenset(vals(types)) or None, tuple(vals(ends)) or None, why))
    return tuple(out)


@dataclass(frozen=True)
class Holding:
    """One notice's statement that a person holds a post (or a group role)."""

    kind: str  # post | membership
    person: str  # the name as the fact writes it
    who: tuple  # the person's identity: (name in Simplified, place, variant)
    place: str | None  # the unit's (group's) place
    unit: str  # canonical unit name (group name for a membership)
    unit_type: str
    title: str  # as written
    role: str  # the title in Simplified, what the vocabularies are compared with
    doc: str
    date: str  # the notice's date ('' unknown)
    quote: str
    as_of: str | None  # the day it is stated current (not for former or proposed posts)
    start: str | None
    end: str | None
    former: bool

    @property
    def term(self) -> tuple[str, str] | None:
        return (self.start, self.end) if self.start and self.end else None


def _holdings(facts: list[dict], dates: dict[str, str], units: UnitIndex) -> list[Holding]:
    single = single_holder_titles()
    shared: Counter = Counter((f["doc"], (to_simplified(squash(f["person"])),) + person_of(f), f.get("start"),
                               f.get("end")) for f in facts if f.get("kind") == "post")
    out: list[Holding] = []
    for f in facts:
        kind = f.get("kind")
        if kind == "post" and not f.get("proposed"):
            place = f.get("place") if isinstance(f.get("place"), str) else None
            scope = unit_scope(f["unit"], place) if place else None
            p, unit = units.lookup(f["unit"], scope) or (scope, units.canonical(f["unit"], scope))
            utype = units.unit_type(unit, p)
            name, title, former = f["person"], f["title"], bool(f.get("former"))
            as_of, start, end = (None if former else f.get("as_of")), f.get("start"), f.get("end")
        elif kind == "membership" and f.get("member_type") == "person" and \
                to_simplified(f.get("role") or "") in single:
            # a group's list states its leaders on the notice's date
            p = f.get("place") if isinstance(f.get("place"), str) else None
            unit, utype, name, title, former = f["group"], "group", f["member"], f["role"], False
            as_of, start, end = dates.get(f["doc"]) or None, None, None
        else:
            continue
        who = (to_simplified(squash(name)),) + person_of(f)
        if start and end and shared[(f["doc"], who, start, end)] > 1:
            start = end = None  # one term for several posts (原A局长、B主任X 2015.11-2017.12): the person's
        out.append(Holding(kind, squash(name), who, p, unit, utype, title, to_simplified(title), f["doc"],
                           dates.get(f["doc"], ""), (f.get("evidence") or {}).get("text") or "",
                           as_of, start, end, former))
    return out


def _same_time(a: Holding, b: Holding) -> str | None:
    """How ``a`` and ``b`` are stated at the same date, or None (boundary months are a handover)."""
    if a.as_of and b.as_of and a.as_of == b.as_of:
        return f"are both stated current on {a.as_of}"
    for x, y in ((a, b), (b, a)):
        if x.as_of and y.term and y.term[0] < x.as_of[:7] < y.term[1]:
            return f"overlap: {x.person} current on {x.as_of}, inside {y.person}'s term {y.start}–{y.end}"
    if a.term and b.term and a.start < b.end and b.start < a.end:
        return f"have overlapping terms: {a.start}–{a.end} and {b.start}–{b.end}"
    return None


def _key(name: str) -> str:
    """A unit name without its leading level word (区财政局 -> 财政局), to compare names."""
    return name[1:] if name[:1] in "区县市省镇乡" and len(name) > 3 else name


def _different_units(a: Holding, b: Holding, units: UnitIndex) -> bool:
    """Whether ``a`` and ``b`` are surely in two units: not one unit, not two names of one unit
    the catalogue keeps apart (one name inside the other: 区统筹办 / 区城乡统筹办), not a unit
    and its parent."""
    if a.place != b.place:
        return True
    if a.unit == b.unit:
        return False
    names_a = {_key(n) for n in units.aliases(a.unit, a.place)}
    names_b = {_key(n) for n in units.aliases(b.unit, b.place)}
    if any(x in y or y in x for x in names_a for y in names_b):
        return False
    return b.unit != units.parent(a.unit, a.place) and a.unit != units.parent(b.unit, b.place)


def _row(kind: str, a: Holding, b: Holding, reason: str) -> dict:
    return {"conflict": kind, "place": a.place, "person": a.person, "unit": a.unit, "title": a.title,
            "doc": a.doc, "date": a.date, "quote": a.quote, "other_person": b.person, "other_unit": b.unit,
            "other_title": b.title, "other_doc": b.doc, "other_date": b.date, "other_quote": b.quote,
            "reason": reason}


def _order(a: Holding, b: Holding) -> tuple[Holding, Holding]:
    return (a, b) if (a.date, a.doc, a.person) <= (b.date, b.doc, b.person) else (b, a)


def _two_holders(hs: list[Holding]) -> Iterable[dict]:
    single = single_holder_titles()
    by_post: dict[tuple, list[Holding]] = defaultdict(list)
    for h in hs:
        if h.role in single and h.unit_type != "collective":
            by_post[(h.kind, h.place, h.unit, h.role)].append(h)
    for group in by_post.values():
        for a, b in combinations(group, 2):
            if a.who != b.who and a.doc != b.doc and (why := _same_time(a, b)):
                a, b = _order(a, b)
                yield _row("two-holders", a, b, f"{a.unit}{a.title} has one holder: {a.person} and {b.person} {why}")


def _left(r: Holding, post: list[Holding], listed: Holding) -> str | None:
    """How ``r``'s notice says its person had left the post before ``listed`` (a later notice)
    states them current, or None: removed (``former``), or a single-holder term that ended
    before ``listed``'s month, with someone else in the post after it and by then (so the end
    is a departure, not an audit's cut-off)."""
    day = listed.as_of
    if not (r.date and day > r.date):
        return None  # a list is stale only when dated after the notice that says they left
    if r.former:
        return f"removed in {r.doc} of {r.date}" + (f" (left {r.end})" if r.end else "")
    if r.end and r.role in single_holder_titles() and day[:7] > r.end:
        after = sorted(m for h in post if h.who != r.who
                       and r.end < (m := (h.start or h.as_of or "")[:7]) <= day[:7])
        if after:
            return f"term {r.start or '?'}–{r.end} ({r.doc}) ended, another holder from {after[0]}"
    return None


def _stale(hs: list[Holding]) -> Iterable[dict]:
    by_post: dict[tuple, list[Holding]] = defaultdict(list)
    for h in hs:
        if h.kind == "post":
            by_post[(h.place, h.unit, h.role)].append(h)
    for post in by_post.values():
        mine: dict[tuple, list[Holding]] = defaultdict(list)
        for h in post:
            mine[h.who].append(h)
        for own in mine.values():
            for r in own:
                if not (r.former or r.end):
                    continue
                for h in own:
                    if not h.as_of or h.doc == r.doc or not (how := _left(r, post, h)):
                        continue
                    left = r.end or r.date[:7]
                    if any(o.start and left < o.start <= h.as_of[:7] for o in own):
                        continue  # appointed again after it was left
                    yield _row("stale-listing", r, h,
                               f"{h.person} left {h.unit}{h.title}: {how}; {h.doc} lists them as current on {h.as_of}")


def _incompatible(hs: list[Holding], units: UnitIndex) -> Iterable[dict]:
    by_person: dict[tuple, list[Holding]] = defaultdict(list)
    for h in hs:
        if h.kind == "post":
            by_person[h.who].append(h)
    for own in by_person.values():
        for a, b in combinations(own, 2):
            if a.doc == b.doc:
                continue
            for rule in rules():
                if rule.matches(a, b, units) and (why := _same_time(a, b)):
                    a, b = _order(a, b)
                    yield _row("incompatible-posts", a, b,
                               f"{rule.name}: {rule.why}; {a.unit}{a.title} and {b.unit}{b.title} {why}")
                    break


#: the kinds of fact :func:`conflicts` reads (a caller reading a store may pass only these)
KINDS_READ = ("post", "membership", "unit")


def conflicts(facts: Iterable[dict], notices: Iterable) -> tuple[list[str], list[dict]]:
    """Rows of conflicts between notices (``COLUMNS``): for each, the kind, the place, the person,
    unit, title, notice (``doc``, ``date``, ``quote``) of one statement and the ``other_…`` of the
    other, and a one-line ``reason``.  ``facts`` and ``notices`` as the store gives them
    (``Store.facts()``, ``Store.notices()``: ``Notice`` objects or dicts with ``doc`` and ``date``).
    Ordered by kind, place, unit, title, then date."""
    facts = list(facts)
    dates = {}
    for n in notices:
        doc, date = (n.get("doc"), n.get("date")) if isinstance(n, dict) else (n.doc, n.date)
        dates[doc] = date or ""
    units = UnitIndex(f for f in facts if f.get("kind") == "unit")
    hs = _holdings(facts, dates, units)
    rows, seen = [], set()
    for r in [*_two_holders(hs), *_stale(hs), *_incompatible(hs, units)]:
        key = tuple(r[c] for c in COLUMNS if c not in ("quote", "other_quote", "reason"))
        if key not in seen:
            seen.add(key)
            rows.append(r)
    rank = {k: i for i, k in enumerate(CONFLICT_KINDS)}
    rows.sort(key=lambda r: (rank[r["conflict"]], r["place"] or "", r["unit"], r["title"], r["date"], r["doc"],
                             r["other_date"], r["other_doc"], r["person"], r["other_person"]))
    return list(COLUMNS), rows
