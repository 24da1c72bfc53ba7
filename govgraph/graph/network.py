"""The networkx projection of the facts: one typed multigraph, plus projections.

``build_network(facts, notices)`` turns facts (format v1.1) into a
``nx.MultiDiGraph`` whose nodes carry ``type`` (``person``, ``unit``,
``group``, ``task``, ``notice``, ``post``), ``label`` and ``docs`` (sorted
document numbers that mention the node), and whose edges carry ``rel``,
``role``, ``doc`` and ``quote`` (the evidence text, or ``None``):

- ``holds``: person -> post (post fact; role = title; as_of/start/end/period)
- ``office_in``: post -> unit (role = title); group -> unit (``office_unit``, role 办公室)
- ``member_of``: person/unit/group -> group (membership fact, role as written)
- ``leads`` / ``responsible_for``: unit -> task (task ``lead`` / ``responsible``,
  role 牵头 / 责任); a group named as assignee links the group node
- ``sub_unit_of``: unit -> parent unit; ``member_unit_of``: unit -> collective
  (unit catalogue)
- ``in_notice``: task/group -> notice

A post node is the seat (unit + title), shared by everyone who held it; the
holding (with its dates) is the ``holds`` edge.  Unit names resolve to the
catalogue's canonical name through ``govgraph.graph.units.UnitIndex``
(layout spaces ignored).  Names not in the catalogue stay as written (node attr
``known=False``, ``unit_type`` ``other``) and are listed in the graph attr
``warnings``.

>>> facts = [
...   {"kind": "unit", "name": "区发改委", "aliases": ["区发改委", "区发展和改革委员会"],
...    "parent": None, "unit_type": "department"},
...   {"kind": "task", "doc": "D1", "ref": "1", "text": "t", "lead": ["区发展和改革委员会"],
...    "responsible": [], "due": None}]
>>> G = build_network(facts)
>>> sorted(d["type"] for _, d in G.nodes(data=True))
['notice', 'task', 'unit']
>>> [d["rel"] for _, _, d in G.in_edges("task:" + fact_id(facts[1]), data=True)]
['leads']
"""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Iterable

import networkx as nx

from govgraph.errors import QueryError
from govgraph.facts import fact_id
from govgraph.identity import UnitIndex, person_of, place_matches, unit_scope

__all__ = [
    "NODE_TYPES",
    "RELS",
    "UnknownNodeError",
    "node_id",
    "build_network",
    "resolve_node",
    "in_place",
    "unit_coresponsibility",
    "person_group",
    "person_unit",
    "collective_members",
    "task_units",
    "subgraph",
]

NODE_TYPES = ("person", "unit", "group", "task", "notice", "post")
RELS = (
    "holds",
    "member_of",
    "leads",
    "responsible_for",
    "sub_unit_of",
    "member_unit_of",
    "in_notice",
    "office_in",
)


class UnknownNodeError(QueryError, KeyError):
    """A focus name that matches no node (a ``GovGraphError`` and a ``KeyError``)."""

    def __str__(self) -> str:
        return str(self.args[0]) if self.args else ""


def node_id(kind: str, key: str) -> str:
    """The node id of a ``kind`` node: ``"unit:区水务局"``, ``"notice:阳政办〔2018〕9号"``.

    Tasks use their fact id as key; posts use ``unit|title``.

    >>> node_id("person", "许才勇")
    'person:许才勇'
    """
    return f"{kind}:{key}"


# --------------------------------------------------------------------------- build


def _period(fact: dict) -> str:
    """'2018-04-12', '2015-08–2017-03', '原 2018-03-01' (a former post stated on that date)."""
    if fact.get("start") or fact.get("end"):
        p = f"{fact.get('start') or '?'}–{fact.get('end') or ''}"
    else:
        p = fact.get("as_of") or ""
    return f"原 {p}".strip() if fact.get("former") else p


def _quote(fact: dict) -> str | None:
    ev = fact.get("evidence")
    return ev.get("text") if isinstance(ev, dict) else None


def _short(text: str, n: int = 18) -> str:
    text = " ".join((text or "").split())
    return text if len(text) <= n else text[: n - 1] + "…"


def build_network(facts: Iterable[dict], notices: Iterable | None = None, *, all_units: bool = False) -> nx.MultiDiGraph:
    """Build the typed multigraph from facts (and optionally ``Notice`` objects).

    Unit nodes exist for every unit a fact names, plus their catalogue parents
    and the members of the collectives they name (so collectives can be
    expanded); ``all_units=True`` adds the whole catalogue.  Notice nodes exist
    for every document of a fact or notice; a ``Notice`` adds ``title`` and
    ``date``.  Graph attr ``warnings`` lists unit names not in the catalogue.
    """
    facts = list(facts)
    idx = UnitIndex(f for f in facts if f.get("kind") == "unit")
    G = nx.MultiDiGraph()
    G.graph["warnings"] = []
    unknown: set[tuple] = set()
    docs_of: dict[str, set[str]] = defaultdict(set)
    group_names = {(_place(f), f["group"]) for f in facts
                   if f.get("kind") in ("group", "membership") and f.get("group")}

    def touch(nid: str, doc: str | None) -> None:
        if doc:
            docs_of[nid].add(doc)

    def unit_in(name: str, scope: str | None, doc: str | None = None) -> str:
        hit = idx.lookup(name, scope)
        place, canon = hit if hit is not None else (scope, idx.canonical(name, scope))
        if hit is None and (place, canon) not in unknown:
            unknown.add((place, canon))
            G.graph["warnings"].append(f"unit not in catalogue: {canon}" + (f" ({place})" if place else ""))
        nid = _tmp_id("unit", canon, place)
        if nid not in G:
            G.add_node(nid, type="unit", label=canon, unit_type=idx.unit_type(canon, place) if hit else "other",
                       known=hit is not None, place=place)
        touch(nid, doc)
        return nid

    def unit(name: str, doc: str | None, place: str | None) -> str:
        """A unit named in a notice of ``place``: resolved in the place the name belongs to."""
        return unit_in(name, None if place is None else unit_scope(name, place), doc)

    def notice(doc: str) -> str:
        nid = node_id("notice", doc)
        if nid not in G:
            G.add_node(nid, type="notice", label=doc, doc=doc, title=None, date=None)
        touch(nid, doc)
        return nid

    def named(kind: str, name: str, doc: str | None, place: str | None) -> str:
        nid = _tmp_id(kind, name, place)
        if nid not in G:
            G.add_node(nid, type=kind, label=name, place=place)
        touch(nid, doc)
        return nid

    def person(f: dict, name: str, doc: str | None) -> str:
        """A name in a place, or whom a decision says (``loaders.decisions``)."""
        place, variant = person_of(f)
        nid = _tmp_id("person", name + (f"#{variant}" if variant else ""), place)
        if nid not in G:
            G.add_node(nid, type="person", label=name, place=place, variant=variant)
        touch(nid, doc)
        return nid

    for n in notices or ():
        nid = notice(n.doc)
        G.nodes[nid].update(title=n.title, date=n.date, issuer=n.issuer, source=n.source,
                            place=getattr(n, "place", None))

    for f in facts:
        kind, doc, place = f.get("kind"), f.get("doc"), _place(f)
        if kind == "post":
            p = person(f, f["person"], doc)
            u = unit(f["unit"], doc, place)
            uname, uplace = G.nodes[u]["label"], G.nodes[u]["place"]
            pid = _tmp_id("post", f"{uname}|{f['title']}", uplace)
            if pid not in G:
                G.add_node(pid, type="post", label=f"{uname}{f['title']}", unit=uname, title=f["title"], place=uplace)
                G.add_edge(pid, u, rel="office_in", role=f["title"], doc=None, quote=None)
            touch(pid, doc)
            G.add_edge(
                p, pid, key=fact_id(f), rel="holds", role=f["title"], doc=doc, quote=_quote(f),
                as_of=f.get("as_of"), start=f.get("start"), end=f.get("end"),
                former=bool(f.get("former")), note=f.get("note"), period=_period(f),
            )
        elif kind == "membership":
            g = named("group", f["group"], doc, place)
            mt = f.get("member_type")
            m = unit(f["member"], doc, place) if mt == "unit" else named("group", f["member"], doc, place) \
                if mt == "group" else person(f, f["member"], doc)
            G.add_edge(m, g, key=fact_id(f), rel="member_of", role=f.get("role"), doc=doc, quote=_quote(f))
        elif kind == "group":
            g = named("group", f["group"], doc, place)
            if doc:
                G.add_edge(g, notice(doc), key=fact_id(f), rel="in_notice", role=None, doc=doc, quote=_quote(f))
            if f.get("office_unit"):
                G.add_edge(g, unit(f["office_unit"], doc, place), rel="office_in", role="办公室", doc=doc,
                           quote=_quote(f))
        elif kind == "task":
            tid = node_id("task", fact_id(f))
            G.add_node(
                tid, type="task", label=_short(f"{f.get('ref') or ''} {f.get('text') or ''}".strip()),
                text=f.get("text"), ref=f.get("ref"), due=f.get("due"), doc=doc, place=place,
            )
            touch(tid, doc)
            if doc:
                G.add_edge(tid, notice(doc), rel="in_notice", role=None, doc=doc, quote=None)
            for rel, names, role in (("leads", f.get("lead"), "牵头"), ("responsible_for", f.get("responsible"), "责任")):
                for name in names or ():
                    # a group named as assignee (区“红色物业”工作领导小组) is the group, not a unit
                    scope = None if place is None else unit_scope(name, place)
                    is_group = (place, name) in group_names and not idx.known(name, scope)
                    a = named("group", name, doc, place) if is_group else unit(name, doc, place)
                    G.add_edge(a, tid, rel=rel, role=role, doc=doc, quote=_quote(f))

    # Catalogue structure: parents and collective members of the units in use (in their own place).
    pending = [n for n, d in G.nodes(data=True) if d["type"] == "unit"]
    if all_units:
        pending += [unit_in(name, place) for place, name in idx.keys()]
    seen: set[str] = set()
    while pending:
        u = pending.pop()
        if u in seen:
            continue
        seen.add(u)
        name, place = G.nodes[u]["label"], G.nodes[u]["place"]
        if not idx.known(name, place):
            continue
        parent = idx.parent(name, place)
        if parent:
            pu = unit_in(parent, place)
            G.add_edge(u, pu, key="sub_unit_of", rel="sub_unit_of", role=None, doc=None, quote=None)
            pending.append(pu)
        if idx.unit_type(name, place) == "collective":
            for m in idx.members(name, place=place):
                mu = unit_in(m, place)
                G.add_edge(mu, u, key="member_unit_of", rel="member_unit_of", role="成员单位", doc=None, quote=None)
                pending.append(mu)

    G.graph["aliases"] = {}
    for place, name in idx.keys():
        for a in idx.aliases(name, place):
            G.graph["aliases"].setdefault(a, name)
    for nid, d in G.nodes(data=True):
        d["docs"] = sorted(docs_of.get(nid, ()))
        d["load"] = _load(G, nid, d["type"])
    return _final_ids(G)


_SEP = "\x1f"


def _place(fact: dict) -> str | None:
    p = fact.get("place")
    return p if isinstance(p, str) and p else None


def _tmp_id(kind: str, key: str, place: str | None) -> str:
    return node_id(kind, key) + _SEP + (place or "")


def _final_ids(G: nx.MultiDiGraph) -> nx.MultiDiGraph:
    """Node ids as ``node_id`` gives them (``unit:区财政局``); a name used in several
    places gets its place in its id (``unit:区财政局@江州市云溪区``): never one node."""
    places: dict[str, set] = defaultdict(set)
    for nid in G:
        if _SEP in nid:
            base, place = nid.split(_SEP, 1)
            places[base].add(place)
    mapping = {}
    for nid in G:
        if _SEP in nid:
            base, place = nid.split(_SEP, 1)
            mapping[nid] = base if len(places[base]) == 1 else f"{base}@{place or '?'}"
    return nx.relabel_nodes(G, mapping, copy=False)


def _load(G: nx.MultiDiGraph, nid: str, kind: str) -> int:
    """How busy a node is: tasks of a unit, posts+groups of a person, members of a group."""
    if kind == "unit":
        return len({v for _, v, d in G.out_edges(nid, data=True) if d["rel"] in ("leads", "responsible_for")})
    if kind == "person":
        return len({v for _, v in G.out_edges(nid)})
    if kind in ("group", "post", "task"):
        return len({u for u, _ in G.in_edges(nid)})
    if kind == "notice":
        return G.in_degree(nid)
    return 0


# --------------------------------------------------------------------------- lookup


def resolve_node(G: nx.MultiDiGraph, name: str, place: str | None = None) -> str | None:
    """The node id for ``name``: an id, a label, or a unit alias (None if unknown).

    Labels are tried in type order person, unit, group, notice, post, task.  A
    label used in several places needs ``place`` (any level: ``汉阳区``); without
    it, ``QueryError`` lists the candidates with their places.
    """
    if name in G and place is None:
        return name
    canon = G.graph.get("aliases", {}).get(name)
    for kind in ("person", "unit", "group", "notice", "post", "task"):
        labels = {name} | ({canon} if canon and kind == "unit" else set())
        found = [nid for nid, d in G.nodes(data=True) if d["type"] == kind and d.get("label") in labels]
        if kind == "unit" and not found:
            continue
        if place is not None:
            found = [nid for nid in found if place_matches(G.nodes[nid].get("place"), place)]
        if len(found) == 1:
            return found[0]
        if len(found) > 1:
            found.sort(key=lambda nid: (G.nodes[nid].get("label") != name, nid))
            if len({G.nodes[nid].get("place") for nid in found}) == 1:
                return found[0]
            rows = ", ".join(f"{G.nodes[nid]['label']} ({G.nodes[nid].get('place') or 'no place'}, "
                             f"{len(G.nodes[nid].get('docs') or [])} notices)" for nid in found)
            raise QueryError(f"{name!r} is ambiguous: {rows}; choose one with --place")
    return None


def in_place(G: nx.MultiDiGraph, place: str) -> nx.MultiDiGraph:
    """The part of ``G`` in ``place`` (any level: ``汉阳区``, ``武汉市汉阳区``): the notices
    that govern it and the persons, groups, tasks, posts and units of that place, plus
    the units of other places its notices name (``市审计局`` in a district notice).
    ``UnknownNodeError`` if nothing is in that place."""
    docs = {d["doc"] for _, d in G.nodes(data=True) if d["type"] == "notice" and place_matches(d.get("place"), place)}
    keep = {n for n, d in G.nodes(data=True)
            if place_matches(d.get("place"), place)
            or (d["type"] in ("unit", "post") and docs & set(d.get("docs") or ()))}
    if not keep:
        known = sorted({d.get("place") for _, d in G.nodes(data=True) if d.get("place")})
        raise UnknownNodeError(f"nothing in the graph is in {place}; its places: {', '.join(known) or 'none'}")
    H = G.subgraph(keep).copy()
    H.graph.update(G.graph)
    return H


# --------------------------------------------------------------------------- projections


def collective_members(G: nx.MultiDiGraph, collective: str, *, transitive: bool = True) -> list[str]:
    """Unit node ids that are members of the collective unit node ``collective``.

    With ``transitive`` the members of member collectives are included too
    (the closure of ``member_unit_of``: ``各成员单位`` -> ``各街办事处`` and the
    street offices).
    """
    seen = {collective}
    stack = [collective]
    while stack:
        c = stack.pop()
        for m, _, d in G.in_edges(c, data=True):
            if d["rel"] == "member_unit_of" and m not in seen:
                seen.add(m)
                if transitive:
                    stack.append(m)
    return sorted(seen - {collective})


def task_units(G: nx.MultiDiGraph, task: str, expand_collectives: bool) -> dict[str, str]:
    """Assignee node id -> ``'lead'`` or ``'responsible'`` for one task node.

    A unit in ``lead`` anywhere in the task is ``'lead'``; with
    ``expand_collectives`` a collective's role passes to all its members
    (``collective_members``), and lead still wins.
    """
    roles: dict[str, str] = {}
    for u, _, d in G.in_edges(task, data=True):
        if d["rel"] not in ("leads", "responsible_for"):
            continue
        role = "lead" if d["rel"] == "leads" else "responsible"
        targets = [u]
        if expand_collectives and G.nodes[u].get("unit_type") == "collective":
            targets += collective_members(G, u)
        for t in targets:
            if roles.get(t) != "lead":
                roles[t] = role
    return roles


def unit_coresponsibility(G: nx.MultiDiGraph, *, expand_collectives: bool = False) -> nx.Graph:
    """Unit–unit graph: edge ``weight`` = number of tasks both units work on (lead or responsible).

    Every unit with a task is a node (attr ``tasks``), even without partners.
    """
    P = nx.Graph()
    for t, d in G.nodes(data=True):
        if d["type"] != "task":
            continue
        us = sorted(task_units(G, t, expand_collectives))
        for u in us:
            if u not in P:
                P.add_node(u, **{k: G.nodes[u][k] for k in ("type", "label")}, tasks=0)
            P.nodes[u]["tasks"] += 1
        for i, a in enumerate(us):
            for b in us[i + 1:]:
                w = P.get_edge_data(a, b, {"weight": 0})["weight"]
                P.add_edge(a, b, weight=w + 1)
    return P


def person_group(G: nx.MultiDiGraph) -> nx.Graph:
    """Bipartite person–group graph (node attr ``bipartite`` 0 = person, 1 = group); edge ``roles``."""
    B = nx.Graph()
    for u, v, d in G.edges(data=True):
        if d["rel"] == "member_of" and G.nodes[u]["type"] == "person":
            B.add_node(u, bipartite=0, type="person", label=G.nodes[u]["label"])
            B.add_node(v, bipartite=1, type="group", label=G.nodes[v]["label"])
            roles = B.get_edge_data(u, v, {"roles": []})["roles"]
            if d.get("role") not in roles:
                roles = roles + [d.get("role")]
            B.add_edge(u, v, roles=roles)
    return B


def person_unit(G: nx.MultiDiGraph) -> nx.Graph:
    """Person–unit graph through posts: edge ``titles`` (sorted) and ``docs``."""
    B = nx.Graph()
    for p, post, d in G.edges(data=True):
        if d["rel"] != "holds":
            continue
        for _, u, d2 in G.out_edges(post, data=True):
            if d2["rel"] != "office_in" or G.nodes[u]["type"] != "unit":
                continue
            B.add_node(p, type="person", label=G.nodes[p]["label"])
            B.add_node(u, type="unit", label=G.nodes[u]["label"])
            e = B.get_edge_data(p, u, {"titles": [], "docs": []})
            B.add_edge(
                p, u,
                titles=sorted(set(e["titles"]) | {d["role"]}),
                docs=sorted(set(e["docs"]) | ({d["doc"]} if d.get("doc") else set())),
            )
    return B


# --------------------------------------------------------------------------- subgraph


def subgraph(
    G: nx.MultiDiGraph,
    focus: str | None = None,
    depth: int = 1,
    doc: str | None = None,
    types: Iterable[str] | None = None,
) -> nx.MultiDiGraph:
    """A copy of part of ``G``.

    - ``focus``: a node id, label or unit alias; keeps nodes within ``depth``
      hops (either direction).  Notice nodes are not walked through (unless
      focused), and reaching a post also brings its unit, so a person's focus
      at depth 1 shows their posts with the units and their groups.
    - ``doc``: keeps edges of that document, their ends, and nodes mentioned in it
      (plus catalogue edges among those nodes).
    - ``types``: keeps only nodes of these types (the focus node is always kept).

    Raises ``UnknownNodeError`` (a ``GovGraphError`` and ``KeyError``) when
    ``focus`` names no node.
    """
    keep = set(G.nodes)
    focus_id = None
    if doc is not None:
        nodes = {n for n, d in G.nodes(data=True) if doc in d.get("docs", ())}
        for u, v, d in G.edges(data=True):
            if d.get("doc") == doc:
                nodes |= {u, v}
        keep &= nodes
    if focus is not None:
        focus_id = resolve_node(G, focus)
        if focus_id is None:
            raise UnknownNodeError(f"no person, unit, group, notice, post or task named {focus!r} in the graph")
        reach = {focus_id}
        frontier = {focus_id}
        for _ in range(max(depth, 0)):
            nxt = set()
            for n in frontier:
                if G.nodes[n]["type"] == "notice" and n != focus_id:
                    continue
                nxt |= (set(G.successors(n)) | set(G.predecessors(n))) & keep
            nxt -= reach
            for n in list(nxt):
                if G.nodes[n]["type"] == "post":
                    nxt |= {u for _, u, d in G.out_edges(n, data=True) if d["rel"] == "office_in"} & keep
            reach |= nxt
            frontier = nxt
        keep &= reach
    if types is not None:
        types = set(types)
        keep = {n for n in keep if G.nodes[n]["type"] in types or n == focus_id}
    H = G.subgraph(keep)
    if doc is not None:
        H = H.edge_subgraph([(u, v, k) for u, v, k, d in H.edges(keys=True, data=True) if d.get("doc") in (doc, None)])
        H = nx.MultiDiGraph(H)
        H.add_nodes_from((n, G.nodes[n]) for n in keep)
    out = nx.MultiDiGraph(H)
    out.graph.update(G.graph, focus=focus_id, doc=doc)
    return out
