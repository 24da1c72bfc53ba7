"""The change feed: what differs between two stores, or two generations of one store.

A fact's identity for a diff is its kind's ``Kind.identity`` (``diff_key`` in
``kinds.toml``, else the key): a post is (doc, person, unit, title), a membership
(doc, group, member, member_type), a group declaration (doc, group), a task (doc,
ref, text), a unit (name, place).  A fact whose identity is in one store only is
*added* or *removed*; one in both whose other fields differ is *changed* (a post
whose as_of or term changed, a membership whose role changed, a task whose lead or
due changed).  Compared without ``evidence`` (where the quote sits in the text) and,
for units, without ``docs`` (which notices mention the unit, a list every new notice
grows).  When several facts of one notice share an identity and some differ, the
unmatched ones are listed as removed and added, not paired.

Each change is a dict (a JSON Lines object): ``op`` (add, remove, change), ``kind``,
``doc`` (the notice; for a unit, the notices that came or went from its ``docs``,
joined by ", ", or none when the change follows from another: its parent left the
catalogue), ``fact`` (add, remove) or ``before`` / ``after`` / ``fields`` (change),
and ``first_seen`` / ``last_seen`` (the fact's notice dates, as the store stating it
keeps them: the new one for add and change, the old one for remove).

The unit catalogue is the corpus's, not one notice's: a notice left out also takes
out the units only it mentions and the aliases only it wrote, so its changes are
listed only when asked for (``units``).

Notices whose graphs have the same content hash in both stores are skipped unread, so
diffing two generations of a large store reads only the notices that changed.

>>> import tempfile
>>> from govgraph.notice import Notice
>>> from govgraph.graph.rdf_store import Store
>>> n = Notice(doc="阳政办〔2018〕9号", text="...", date="2018-04-12")
>>> f = {"kind": "post", "doc": n.doc, "person": "许才勇", "unit": "区水务局", "title": "局长"}
>>> a, b = (Store.open(tempfile.mkdtemp() + "/kg", create=True) for _ in range(2))
>>> _ = a.build([f], [n]); _ = b.build([f | {"as_of": "2018-04-12"}], [n])
>>> [(c["op"], c["kind"], c["fields"]) for c in diff(a, b)]
[('change', 'post', ['as_of'])]
"""

from __future__ import annotations

import os
from collections import Counter

import pyoxigraph as ox

from govgraph.facts import fact_id
from govgraph.kinds import KINDS, get

from .rdf_generations import resolve
from .rdf_read import read_notice_graph
from .rdf_store import Store
from .rdf_terms import CATALOGUE_GRAPH, ID

__all__ = ["open_store", "diff", "counts", "summary", "OPS", "COLUMNS"]

#: the operations of a change, in the order a feed lists them
OPS = ("add", "remove", "change")
_IGNORED = {"evidence"}
_UNIT_IGNORED = {"evidence", "docs"}


def open_store(spec: str | os.PathLike) -> Store:
    """The store a user names: a store folder, or ``FOLDER@GEN`` for one of its
    generations (``gen-000002``, ``2``, or ``-1`` for the one before the live one;
    see ``rdf_generations.resolve``)."""
    text = str(spec)
    path, _, gen = text.rpartition("@")
    if not path or not gen or not (gen.startswith("gen-") or gen.lstrip("-").isdigit()):
        return Store.open(text)
    store = Store.open(path)
    name = resolve(store.path, gen, store.generation)
    if name == store.generation:
        return store
    return store.view(ox.Store.read_only(str(store.path / name)), store.path, name)


def _value(fact: dict) -> dict:
    ignored = _UNIT_IGNORED if fact["kind"] == "unit" else _IGNORED
    return {k: v for k, v in fact.items() if k not in ignored}


def _identity(fact: dict) -> tuple:
    kind = get(fact["kind"])
    return (fact["kind"],) + tuple(_frozen(fact.get(f)) for f in kind.identity)


def _frozen(v):
    return tuple(v) if isinstance(v, list) else v


def _node(fact: dict) -> str | None:
    """The IRI of the fact's node in a notice graph (``rdf_write``), for its first/last seen."""
    rdf = get(fact["kind"]).rdf
    return f"{ID}{rdf.iri}/{fact_id(fact)}" if rdf.graph == "notice" and rdf.iri else None


def _notice_facts(store: Store, skip: set[str]) -> list[dict]:
    """The facts of the notices of ``store`` whose graph is not in ``skip``."""
    return [f for g in store._notice_graphs() if g.value not in skip
            for f in read_notice_graph(store._triples(g))[1]]


def _seen(seen: dict, fact: dict) -> dict:
    s = seen.get(_node(fact) or "", {})
    return {"first_seen": s.get("first_seen"), "last_seen": s.get("last_seen")}


def diff(old: Store, new: Store, kinds: list[str] | None = None, units: bool = False) -> list[dict]:
    """The changes from store ``old`` to store ``new`` (see the module docstring), by
    kind (declaration order), then notice, then operation.  ``kinds``: only these
    (default: the kinds a notice states, those kept in its graph); ``units``: also the
    unit catalogue's changes (kind ``unit``)."""
    wanted = [k for k in KINDS if get(k).rdf.graph == "notice"] if not kinds else list(kinds)
    for k in wanted:
        get(k)  # KeyError naming an unknown kind
    if units and "unit" not in wanted:
        wanted.append("unit")
    oh, nh = old._stored_hashes(), new._stored_hashes()
    same = {g for g, h in oh.items() if nh.get(g) == h and g != str(CATALOGUE_GRAPH)}
    before = _notice_facts(old, same) + (old.units() if "unit" in wanted else [])
    after = _notice_facts(new, same) + (new.units() if "unit" in wanted else [])
    seen_old, seen_new = old.seen(), new.seen()
    groups: dict[tuple, tuple[list, list]] = {}
    for side, facts in ((0, before), (1, after)):
        for f in facts:
            if f["kind"] in wanted:
                groups.setdefault(_identity(f), ([], []))[side].append(f)
    out = []
    for olds, news in groups.values():
        news, rest_old = list(news), []
        for f in olds:
            match = next((i for i, g in enumerate(news) if _value(g) == _value(f)), None)
            if match is None:
                rest_old.append(f)
            else:
                del news[match]
        if len(rest_old) == 1 and len(news) == 1:
            b, a = rest_old[0], news[0]
            fields = sorted(k for k in set(_value(b)) | set(_value(a)) if _value(b).get(k) != _value(a).get(k))
            out.append({"op": "change", "kind": a["kind"], "doc": _doc(b, a),
                        "key": {f: a.get(f) for f in get(a["kind"]).identity},
                        "before": b, "after": a, "fields": fields, **_seen(seen_new, a)})
            continue
        out += [{"op": "remove", "kind": f["kind"], "doc": _doc(f, None), "fact": f, **_seen(seen_old, f)}
                for f in rest_old]
        out += [{"op": "add", "kind": f["kind"], "doc": _doc(None, f), "fact": f, **_seen(seen_new, f)}
                for f in news]
    order = {k: i for i, k in enumerate(KINDS)}
    out.sort(key=lambda c: (order[c["kind"]], c["doc"] or "", OPS.index(c["op"]), _sort_key(c)))
    return out


def _sort_key(change: dict) -> tuple:
    f = change.get("fact") or change["after"]
    return tuple(str(f.get(k)) for k in get(f["kind"]).identity)


def _doc(before: dict | None, after: dict | None) -> str | None:
    """The notice of a change: the fact's ``doc``; for a unit, the notices that came
    into or went out of its ``docs`` (all of them for a unit added or removed)."""
    f = after or before
    if "doc" in f:
        return f["doc"]
    b, a = set((before or {}).get("docs") or ()), set((after or {}).get("docs") or ())
    return ", ".join(sorted(b ^ a)) or None


#: the columns of ``summary``
COLUMNS = ["op", "kind", "doc", "fact", "detail", "first_seen", "last_seen"]


def _show(v) -> str:
    return "、".join(map(str, v)) if isinstance(v, list) else str(v)


def summary(change: dict) -> dict:
    """A change as one table row (``COLUMNS``): ``fact`` its identity (without doc),
    ``detail`` the fields that changed (before → after), or the fact's other fields.

    >>> post = {"kind": "post", "doc": "D", "person": "许才勇", "unit": "区水务局", "title": "局长"}
    >>> row = summary({"op": "change", "kind": "post", "doc": "D", "before": post,
    ...                "after": post | {"as_of": "2018-04-12"}, "fields": ["as_of"]})
    >>> row["fact"], row["detail"]
    ('许才勇 · 区水务局 · 局长', 'as_of: None → 2018-04-12')
    """
    f = change.get("fact") or change["after"]
    ident = get(change["kind"]).identity
    row = {k: change.get(k) for k in ("op", "kind", "doc", "first_seen", "last_seen")}
    row["fact"] = " · ".join(_show(f[k]) for k in ident if k != "doc" and f.get(k) is not None)
    if change["op"] == "change":
        row["detail"] = "; ".join(f"{k}: {_show(change['before'].get(k))} → {_show(change['after'].get(k))}"
                                  for k in change["fields"])
    else:
        row["detail"] = "; ".join(f"{k}={_show(v)}" for k, v in _value(f).items()
                                  if k not in ident and k not in ("kind", "place", "docs") and v not in (None, []))
    return row


def counts(changes: list[dict]) -> list[dict]:
    """Per kind (those with a change), how many facts were added, removed and changed.

    >>> counts([{"op": "add", "kind": "post"}, {"op": "change", "kind": "post"}])
    [{'kind': 'post', 'add': 1, 'remove': 0, 'change': 1}]
    """
    c = Counter((x["kind"], x["op"]) for x in changes)
    kinds = [k for k in KINDS if any(c[(k, op)] for op in OPS)]
    return [{"kind": k, **{op: c[(k, op)] for op in OPS}} for k in kinds]
