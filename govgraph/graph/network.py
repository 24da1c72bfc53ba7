"""The networkx view of the facts: one typed multigraph, plus projections.

``build_network(facts, notices)`` reads the facts' projection
(``govgraph.graph.projection``, the one Neo4j is loaded from) into a
``nx.MultiDiGraph``: a node's ``type`` is its label in lower case (``person``,
``unit``, ``group``, ``task``, ``notice``, ``post``), an edge's ``rel`` its
relationship type in lower case (``holds``, ``post_in``, ``member_of``,
``office_in``, ``leads``, ``responsible_for``, ``sub_unit_of``,
``member_unit_of``, ``in_notice``; docs/model.md). Nodes carry ``label``,
``docs`` (sorted document numbers that mention the node) and ``load``; edges
carry ``rel``, ``role``, ``doc`` and ``quote`` (the evidence text, or ``None``):
``role`` is the post title (``holds``, ``post_in``), the role as written
(``member_of``), 办公室 (``office_in``), 牵头 / 责任 (``leads`` /
``responsible_for``), 成员单位 (``member_unit_of``); a ``holds`` edge adds
``as_of``/``start``/``end``/``former``/``note`` and ``period``.

Node ids are readable: ``kind:name`` (``unit:区水务局``; a post is
``post:unit|title``, a task ``task:<fact id>``, a notice ``notice:<doc>``), with
``@place`` when a name is used in several places (``unit:区财政局@江州市云溪区``).
A post node is the seat (unit + title), shared by everyone who held it; the
holding (with its dates) is the ``holds`` edge.  Unit names resolve to the
catalogue's canonical name (layout spaces ignored).  Names not in the catalogue
stay as written (node attr ``known=False``, ``unit_type`` ``other``) and are listed
in the graph attr ``warnings``; a group named as a task's assignee is the group
node. Unlike Neo4j, only the units in use and the catalogue structure around them
are nodes (``all_units=True``: every unit), and catalogue edges carry no ``doc``.

>>> from govgraph.facts import fact_id
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

from govgraph import kinds
from govgraph.errors import QueryError
from govgraph.graph.projection import EDGE_TYPES, LABELS, Edge, Node, Projection, project
from govgraph.identity import place_matches

__all__ = [
    "NODE_TYPES",
    "RELS",
    "UnknownNodeError",
    "node_id",
    "build_network",
    "network_of",
    "resolve_node",
    "in_place",
    "unit_coresponsibility",
    "person_group",
    "person_unit",
    "collective_members",
    "task_units",
    "subgraph",
]

NODE_TYPES = tuple(label.lower() for label in LABELS)
RELS = tuple(etype.lower() for etype in EDGE_TYPES)


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


def _period(holds: dict) -> str:
    """'2018-04-12', '2015-08–2017-03', '原 2018-03-01' (a former post stated on that date)."""
    if holds.get("start") or holds.get("end"):
        p = f"{holds.get('start') or '?'}–{holds.get('end') or ''}"
    else:
        p = holds.get("as_of") or ""
    return f"原 {p}".strip() if holds.get("former") else p


def _short(text: str, n: int = 18) -> str:
    text = " ".join((text or "").split())
    return text if len(text) <= n else text[: n - 1] + "…"


def _node_attrs(n: Node) -> dict:
    """The networkx attributes of a projection node (``type`` its lower-case label)."""
    kind, p = n.label.lower(), n.props
    if kind == "unit":
        return {"type": kind, "label": p["name"], "unit_type": p["unit_type"] if n.known else "other",
                "known": bool(n.known), "place": n.place}
    if kind == "notice":
        attrs = {"type": kind, "label": n.key, "doc": n.key, "title": p.get("title"), "date": p.get("date")}
        if "title" in p:  # a notice given, not only a document number
            attrs.update(issuer=p.get("issuer"), source=p.get("source"), place=p.get("place"))
        return attrs
    if kind == "post":
        return {"type": kind, "label": f"{p['unit']}{p['title']}", "unit": p["unit"], "title": p["title"],
                "place": n.place}
    if kind == "task":
        return {"type": kind, "label": _short(f"{p.get('ref') or ''} {p.get('text') or ''}".strip()),
                "text": p.get("text"), "ref": p.get("ref"), "due": p.get("due"), "doc": p.get("doc"),
                "place": n.place}
    if kind == "person":
        return {"type": kind, "label": p["name"], "place": n.place, "variant": p.get("variant")}
    if kind == "group":
        return {"type": kind, "label": p["name"], "place": n.place}
    # a node of a registered kind: its properties, labelled by its name or text
    label = p.get("name") or _short(str(p.get("text") or n.key))
    return {**p, "type": kind, "label": label, "place": n.place}


def _roles() -> dict[str, tuple[str | None, str | None]]:
    """Edge type -> its caption as the kinds declare it: (fixed role, field giving it)."""
    out: dict[str, tuple[str | None, str | None]] = {}
    for k in kinds.KINDS.values():
        for e in k.graph.edges:
            out.setdefault(e.type, (e.role, e.role_from))
    return out


_CATALOGUE = ("SUB_UNIT_OF", "MEMBER_UNIT_OF")


def _edge_attrs(e: Edge, pr: Projection, roles: dict[str, tuple[str | None, str | None]]) -> dict:
    """The networkx attributes of a projection edge (``rel`` its lower-case type; ``role``
    its caption: fixed, or the declared field on the edge or on one of its ends)."""
    p = e.props
    role, role_from = roles.get(e.type, (None, None))
    if role_from:
        role = p.get(role_from) or pr.node(e.target).props.get(role_from) or pr.node(e.source).props.get(role_from)
    if e.type in _CATALOGUE:  # the catalogue's structure, no notice's
        doc = quote = None
    elif e.type == "IN_NOTICE":
        doc, quote = pr.node(e.target).key, None
    else:
        doc, quote = p.get("doc"), p.get("quote")
    attrs = {"rel": e.type.lower(), "role": role, "doc": doc, "quote": quote}
    if e.type == "HOLDS":
        attrs.update(as_of=p.get("as_of"), start=p.get("start"), end=p.get("end"), former=bool(p.get("former")),
                     note=p.get("note"), period=_period(p))
    return attrs


def _group_assignees(pr: Projection) -> dict[tuple[str, str], str]:
    """A group named as a task's assignee (区“红色物业”工作领导小组) is the group, not a
    unit: ``(unit id, task id) -> group id`` for the assignees not in the catalogue
    that name a group of the task's place."""
    groups = {(n.place, n.key): n.id for n in pr.nodes["Group"].values()}
    out = {}
    for etype in ("LEADS", "RESPONSIBLE_FOR"):
        for e in pr.edges[etype].values():
            u, t = pr.node(e.source), pr.node(e.target)
            g = None if u.known else groups.get((t.place, u.key))
            if g is not None:
                out[(e.source, e.target)] = g
                pr.node(g).docs |= t.docs
    return out


def build_network(facts: Iterable[dict], notices: Iterable | None = None, *, all_units: bool = False) -> nx.MultiDiGraph:
    """Build the typed multigraph of the facts' projection (and optionally ``Notice`` objects).

    Unit nodes exist for every unit a fact names, plus their catalogue parents
    and the members of the collectives they name (so collectives can be
    expanded); ``all_units=True`` adds the whole catalogue.  Notice nodes exist
    for every document of a fact or notice; a ``Notice`` adds ``title`` and
    ``date``.  Graph attr ``warnings`` lists the facts skipped as invalid and the
    unit names not in the catalogue.
    """
    return network_of(project(facts, notices or ()), all_units=all_units)


def network_of(pr: Projection, *, all_units: bool = False) -> nx.MultiDiGraph:
    """:func:`build_network` of a projection already made (``project``, or
    ``project_notices`` of a store read one notice at a time)."""
    groups = _group_assignees(pr)
    G = nx.MultiDiGraph()

    # Units named by a fact, then the catalogue's structure around them (in their own place).
    used = [e for e in pr.all_edges() if e.type not in _CATALOGUE]
    units = dict.fromkeys(n for e in used if (e.source, e.target) not in groups
                          for n in (e.source, e.target) if pr.node(n).label == "Unit")
    if all_units:
        units.update(dict.fromkeys(n.id for n in pr.nodes["Unit"].values() if n.known))
    up = defaultdict(list)  # unit -> the catalogue edges that take it to more units
    for e in pr.edges["SUB_UNIT_OF"].values():
        up[e.source].append((e, e.target))
    for e in pr.edges["MEMBER_UNIT_OF"].values():
        if not e.props.get("former") and pr.node(e.target).props["unit_type"] == "collective":
            up[e.target].append((e, e.source))
    catalogue: dict[str, Edge] = {}
    pending = list(units)
    while pending:
        u = pending.pop()
        for e, v in up.get(u, ()):
            catalogue[e.id] = e
            if v not in units:
                units[v] = None
                pending.append(v)

    warned = set()
    G.graph["warnings"] = list(pr.skipped)
    kept = [n for n in pr.all_nodes() if n.label != "Unit" or n.id in units]
    ids = _final_ids(kept)
    for n in kept:
        G.add_node(ids[n.id], **_node_attrs(n), docs=sorted(n.docs))
    for nid in units:
        n = pr.node(nid)
        if not n.known and (n.place, n.key) not in warned:
            warned.add((n.place, n.key))
            G.graph["warnings"].append(f"unit not in catalogue: {n.key}" + (f" ({n.place})" if n.place else ""))
    roles = _roles()
    for e in used + list(catalogue.values()):
        a = groups.get((e.source, e.target), e.source)
        G.add_edge(ids[a], ids[e.target], key=e.id, **_edge_attrs(e, pr, roles))

    G.graph["aliases"] = {}
    for place, name in pr.units.keys():
        for a in pr.units.aliases(name, place):
            G.graph["aliases"].setdefault(a, name)
    for nid, d in G.nodes(data=True):
        d["load"] = _load(G, nid, d["type"])
    return G


def _final_ids(nodes: list[Node]) -> dict[str, str]:
    """The networkx id of each node (by its projection id), as ``node_id`` gives it
    (``unit:区财政局``); a name used in several places gets its place in its id
    (``unit:区财政局@江州市云溪区``): never one node."""
    base = {n.id: node_id(n.label.lower(), n.key) for n in nodes}
    places: dict[str, set] = defaultdict(set)
    for n in nodes:
        places[base[n.id]].add(n.place or "")
    return {n.id: base[n.id] if len(places[base[n.id]]) == 1 else f"{base[n.id]}@{n.place or '?'}" for n in nodes}


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
            if d2["rel"] != "post_in" or G.nodes[u]["type"] != "unit":
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
                    nxt |= {u for _, u, d in G.out_edges(n, data=True) if d["rel"] == "post_in"} & keep
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
