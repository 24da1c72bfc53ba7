"""The property graph of the facts: typed nodes and edges, built once for every backend.

``project(facts, notices)`` turns facts (docs/facts-format.md) into a
:class:`Projection`: nodes with a label (``Notice``, ``Person``, ``Unit``,
``Post``, ``Group``, ``Task``), a deterministic id and their properties, and
edges with a type (``HOLDS``, ``POST_IN``, ...), the ids of their ends, an id
and their properties (provenance included: ``doc``, ``quote``,
``start_offset``, ``end_offset``). The Neo4j writer (``neo4j_write``) writes it
as it is; the networkx graph (``network.build_network``) reads it with readable
node ids and lower-case names (``post_in`` for ``POST_IN``). The names are
documented once, in docs/model.md.

Unit names resolve through the unit catalogue (:class:`UnitIndex`) in the place
a name belongs to (``identity.unit_scope``); persons are a name in a place, or
whom a decision says (``identity.person_of``). The package's kinds have a
projector each in :data:`PROJECTORS` (they resolve units, seats and decisions); any
other kind is projected as its declaration says (``kinds.toml``: ``graph``), so a
kind registered with ``kinds.register`` needs no code here. Catalogue kinds
(``unit``) are projected first, so the other kinds find their units. Invalid facts
are skipped with a warning.

>>> facts = [
...   {"kind": "unit", "name": "区发改委", "aliases": ["区发展和改革委员会"], "parent": None,
...    "unit_type": "department"},
...   {"kind": "task", "doc": "D1", "ref": "1", "text": "t", "lead": ["区发展和改革委员会"],
...    "responsible": [], "due": None}]
>>> p = project(facts, [])
>>> sorted((label, len(nodes)) for label, nodes in p.nodes.items() if nodes)
[('Notice', 1), ('Task', 1), ('Unit', 1)]
>>> [(e.type, p.node(e.source).props["name"]) for e in p.edges["LEADS"].values()]
[('LEADS', '区发改委')]
"""

from __future__ import annotations

from collections.abc import Callable, Iterable, Iterator
from dataclasses import dataclass, field
from typing import Any

from govgraph import kinds
from govgraph.facts import fact_id, short_hash, stable_id, validate_fact
from govgraph.identity import UnitIndex, person_of, unit_scope
from govgraph.notice import Notice

__all__ = [
    "CATALOGUE_KINDS",
    "EDGE_TYPES",
    "Builder",
    "LABELS",
    "PROJECTORS",
    "Edge",
    "Node",
    "Projection",
    "Projector",
    "edge_types",
    "labels",
    "notice_fields",
    "project",
    "project_notices",
    "provenance",
]



def labels() -> tuple[str, ...]:
    """The node labels, as the node types declare them (``govgraph.kinds``; kinds
    registered later included)."""
    return tuple(n.label for n in kinds.NODES.values())


def edge_types() -> tuple[str, ...]:
    """The edge types the kinds declare, in declaration order."""
    return tuple(dict.fromkeys(e.type for k in kinds.KINDS.values() for e in k.graph.edges))


#: the labels and edge types of the package's own kinds (``labels()`` and
#: ``edge_types()`` also give those of kinds registered later)
LABELS = labels()
EDGE_TYPES = edge_types()
CATALOGUE_KINDS = ("unit",)


@dataclass(slots=True)
class Node:
    """A node: ``props`` are what a backend stores; ``key`` (the name, ``unit|title``
    for a post, the fact id for a task, the document number for a notice), ``place``,
    ``docs`` (the documents whose facts name it) and ``known`` (a unit in the
    catalogue) are for readable ids and views."""

    label: str
    id: str
    props: dict
    key: str
    place: str | None = None
    docs: set = field(default_factory=set)
    known: bool | None = None


@dataclass(slots=True)
class Edge:
    """A directed edge from ``source`` to ``target`` (node ids, of labels
    ``source_label`` and ``target_label``)."""

    type: str
    source_label: str
    source: str
    target_label: str
    target: str
    id: str
    props: dict


def _edge_id(etype: str, a: str, b: str) -> str:
    """``stable_id(etype, a, b)`` for three strings, without its general argument handling."""
    return short_hash(f"{etype}\x1f{a}\x1f{b}")


@dataclass
class Projection:
    """Nodes by label (id -> :class:`Node`), edges by type (id -> :class:`Edge`), the
    unit catalogue the names were resolved with, the facts skipped as invalid (one line
    each) and the documents of facts whose notice was not given (their Notice node has
    only the document number)."""

    nodes: dict[str, dict[str, Node]]
    edges: dict[str, dict[str, Edge]]
    units: UnitIndex
    skipped: list[str] = field(default_factory=list)
    without_notice: list[str] = field(default_factory=list)
    _by_id: dict[str, Node] = field(default_factory=dict, repr=False)

    @property
    def warnings(self) -> list[str]:
        """The skipped facts, then the documents without a notice, one line each."""
        return self.skipped + [f"no notice given for {doc}: its Notice node has only the document number"
                               for doc in self.without_notice]

    def node(self, nid: str) -> Node:
        """The node with id ``nid`` (any label)."""
        return self._by_id[nid]

    def all_nodes(self) -> Iterator[Node]:
        for nodes in self.nodes.values():
            yield from nodes.values()

    def all_edges(self) -> Iterator[Edge]:
        for edges in self.edges.values():
            yield from edges.values()


class Builder:
    """The projection being built, and what a projector (``PROJECTORS[kind](builder,
    fact)``) makes it with: typed nodes (:meth:`notice`, :meth:`unit`, :meth:`unit_in`,
    :meth:`person`, :meth:`group`, :meth:`post`, or :meth:`node` for any label) and
    :meth:`edge`. A name's node has the same id and properties every time: made once,
    then looked up."""

    def __init__(self, units: UnitIndex):
        self.projection = Projection({label: {} for label in labels()}, {t: {} for t in edge_types()}, units)
        self.units = units
        self._cache: dict[tuple, str] = {}
        self._by_id = self.projection._by_id
        self._unit_in: dict[tuple, str] = {}  # (name, notice's place) -> unit id
        self._posts: dict[tuple, tuple[str, str]] = {}  # (unit name, scope, title) -> (post id, unit id)
        self._pairs: set[tuple[str, str, str]] = set()  # (type, a, b) of edges made by edge_once

    # ------------------------------------------------------------------ primitives

    def node(self, label: str, nid: str, props: dict, key: str, place: str | None = None,
             doc: str | None = None, known: bool | None = None) -> str:
        """The node ``nid`` of ``label`` (made, or its missing properties filled in);
        ``doc`` names it. Returns ``nid``."""
        nodes = self.projection.nodes.setdefault(label, {})
        cur = nodes.get(nid)
        if cur is None:
            cur = Node(label, nid, dict(props), key, place, set(), known)
            nodes[nid] = self.projection._by_id[nid] = cur
        else:  # later facts fill gaps, never blank a value
            for k, v in props.items():
                if v is not None and cur.props.get(k) is None:
                    cur.props[k] = v
        if doc:
            cur.docs.add(doc)
        return nid

    def touch(self, nid: str, doc: str | None) -> str:
        """Record that ``doc`` names the node ``nid``; returns ``nid``."""
        if doc:
            self._by_id[nid].docs.add(doc)
        return nid

    def edge(self, etype: str, a: str, b: str, eid: str | None = None, /, **props: Any) -> None:
        """An edge; without ``eid`` its id is a hash of (type, a, b): the same pair again
        is the same edge. The first edge of an id wins."""
        self.add_edge(etype, a, b, eid, props)

    def add_edge(self, etype: str, a: str, b: str, eid: str | None, props: dict) -> None:
        """:meth:`edge` with its properties as a dict (``props`` is the edge's own, not copied)."""
        edges = self.projection.edges.get(etype)
        if edges is None:
            edges = self.projection.edges[etype] = {}
        if eid is None:
            eid = _edge_id(etype, a, b)
        if eid not in edges:
            by_id = self._by_id
            edges[eid] = Edge(etype, by_id[a].label, a, by_id[b].label, b, eid, props)

    def edge_once(self, etype: str, a: str, b: str) -> None:
        """``edge(etype, a, b)`` without properties, its id hashed once per (type, a, b)."""
        key = (etype, a, b)
        if key not in self._pairs:
            self._pairs.add(key)
            self.add_edge(etype, a, b, None, {})

    # ------------------------------------------------------------------ typed nodes

    @staticmethod
    def _sid(kind: str, place: str | None, *parts: str) -> str:
        # a name in a place (the RDF IRIs hash the same); without a place, the name's id
        return stable_id(kind, *parts) if place is None else stable_id(kind, place, *parts)

    def notice(self, doc: str) -> str:
        """The notice of document number ``doc``."""
        nid = self._cache.get(("notice", doc))
        if nid is None:
            nid = self._cache[("notice", doc)] = self.node("Notice", stable_id("notice", doc), {"doc": doc}, doc)
        return self.touch(nid, doc)

    def resolve(self, name: str, scope: str | None) -> tuple[str | None, str]:
        """``(place, canonical name)`` of a unit name read in ``scope``."""
        hit = self.units.lookup(name, scope)
        return hit if hit is not None else (scope, self.units.canonical(name, scope))

    def unit(self, name: str, scope: str | None = None, doc: str | None = None) -> str:
        """The unit ``name`` in ``scope`` (the place the name belongs to)."""
        nid = self._cache.get(("unit", scope, name))
        if nid is None:
            units = self.units
            p, c = self.resolve(name, scope)
            known = units.lookup(c, p) is not None
            u = units.unit(c, p) if known else {}
            props = {"name": c, "aliases": units.aliases(c, p), "unit_type": units.unit_type(c, p),
                     "former": (u or {}).get("former")}
            if p is not None:
                props["place"] = p
            nid = self._cache[("unit", scope, name)] = self.node(
                "Unit", self._sid("unit", p, c), props, c, p, known=known)
        return self.touch(nid, doc)

    def unit_in(self, name: str, place: str | None, doc: str | None) -> str:
        """A unit named in a notice of ``place``: resolved where the name belongs."""
        nid = self._unit_in.get((name, place))
        if nid is None:
            nid = self._unit_in[(name, place)] = self.unit(name, None if place is None else unit_scope(name, place))
        if doc:
            self._by_id[nid].docs.add(doc)
        return nid

    def person(self, name: str, f: dict) -> str:
        """The person ``name`` of fact ``f``."""
        place, variant = person_of(f)  # a name in a place, or whom a decision says
        nid = self._cache.get(("person", place, name, variant))
        if nid is None:
            props = {"name": name} if place is None else {"name": name, "place": place}
            pid = self._sid("person", place, name)
            if variant:
                props["variant"] = variant
                pid = stable_id("person", place, name, variant)
            nid = self._cache[("person", place, name, variant)] = self.node(
                "Person", pid, props, name + (f"#{variant}" if variant else ""), place)
        return self.touch(nid, f.get("doc"))

    def group(self, name: str, place: str | None, doc: str | None) -> str:
        """The group ``name`` in ``place``."""
        nid = self._cache.get(("group", place, name))
        if nid is None:
            props = {"name": name} if place is None else {"name": name, "place": place}
            nid = self._cache[("group", place, name)] = self.node(
                "Group", self._sid("group", place, name), props, name, place)
        return self.touch(nid, doc)

    def post(self, unit_name: str, title: str, scope: str | None, doc: str | None) -> tuple[str, str]:
        """``(post id, unit id)`` of the seat ``title`` in the unit ``unit_name``."""
        hit = self._posts.get((unit_name, scope, title))
        if hit is None:
            p, c = self.resolve(unit_name, scope)
            nid = self._cache.get(("post", p, c, title))
            if nid is None:
                nid = self._cache[("post", p, c, title)] = self.node(
                    "Post", self._sid("post", p, c, title), {"unit": c, "title": title}, f"{c}|{title}", p)
            hit = self._posts[(unit_name, scope, title)] = (nid, self.unit(c, p))
        if doc:
            by_id = self._by_id
            by_id[hit[1]].docs.add(doc)  # the unit as named in the fact
            by_id[hit[0]].docs.add(doc)
        return hit


# --------------------------------------------------------------------------- projectors


def provenance(fact: dict) -> dict:
    """``doc``, ``quote`` (the evidence text), ``start_offset``, ``end_offset`` of a fact."""
    ev = fact.get("evidence") or {}
    return {"doc": fact.get("doc"), "quote": ev.get("text"), "start_offset": ev.get("start"),
            "end_offset": ev.get("end")}


def _place(fact: dict) -> str | None:
    p = fact.get("place")
    return p if isinstance(p, str) else None


def _unit(b: Builder, f: dict) -> None:
    """The catalogue: the unit, its parent (``SUB_UNIT_OF``), its members and former
    members (``MEMBER_UNIT_OF``, member -> collective)."""
    up = f.get("place")
    u = b.unit(f["name"], up)
    prov = provenance(f)
    if f.get("parent"):
        b.edge("SUB_UNIT_OF", u, b.unit(f["parent"], up), **prov)
    for former, key in ((None, "members"), (True, "former_members")):
        for m in f.get(key) or []:
            b.edge("MEMBER_UNIT_OF", b.unit(m, up), u, former=former, **prov)


def _post(b: Builder, f: dict) -> None:
    """``(Person)-[:HOLDS]->(Post)-[:POST_IN]->(Unit)``."""
    doc, place = f.get("doc"), _place(f)
    post, u = b.post(f["unit"], f["title"], None if place is None else unit_scope(f["unit"], place), doc)
    b.edge_once("POST_IN", post, u)
    get = f.get
    b.add_edge("HOLDS", b.person(f["person"], f), post, fact_id(f),
               {"as_of": get("as_of"), "start": get("start"), "end": get("end"), "former": get("former"),
                "note": get("note"), **provenance(f)})


def _membership(b: Builder, f: dict) -> None:
    """``(Person|Unit|Group)-[:MEMBER_OF]->(Group)-[:IN_NOTICE]->(Notice)``."""
    doc, place = f.get("doc"), _place(f)
    g = b.group(f["group"], place, doc)
    mt = f["member_type"]
    if mt == "person":
        m = b.person(f["member"], f)
    elif mt == "group":
        m = b.group(f["member"], place, doc)
    else:
        m = b.unit_in(f["member"], place, doc)
    b.add_edge("MEMBER_OF", m, g, fact_id(f), {"role": f.get("role"), **provenance(f)})
    b.edge_once("IN_NOTICE", g, b.notice(f["doc"]))


def _group(b: Builder, f: dict) -> None:
    """``(Group)-[:IN_NOTICE]->(Notice)``, ``(Group)-[:OFFICE_IN]->(Unit)``."""
    doc, place = f.get("doc"), _place(f)
    g = b.group(f["group"], place, doc)
    b.edge_once("IN_NOTICE", g, b.notice(f["doc"]))
    if f.get("office_unit"):
        b.add_edge("OFFICE_IN", g, b.unit_in(f["office_unit"], place, doc), fact_id(f), provenance(f))


def _task(b: Builder, f: dict) -> None:
    """``(Task)-[:IN_NOTICE]->(Notice)``, ``(Unit)-[:LEADS|RESPONSIBLE_FOR]->(Task)``."""
    doc, place, fid = f.get("doc"), _place(f), fact_id(f)
    t = b.node("Task", fid, {"doc": doc, "ref": f.get("ref"), "text": f.get("text"), "due": f.get("due")},
               fid, place, doc)
    b.add_edge("IN_NOTICE", t, b.notice(doc), None, {})
    prov = provenance(f)
    due = f.get("due")
    for etype, key in (("LEADS", "lead"), ("RESPONSIBLE_FOR", "responsible")):
        for name in f.get(key) or []:
            b.add_edge(etype, b.unit_in(name, place, doc), t, None, {"due": due, **prov})


def _declared(b: Builder, f: dict) -> None:
    """A kind without a projector of its own, as its declaration says (``kinds.toml``
    ``graph``): the node the fact is, nodes made from its fields, and its edges between
    ``.`` (the fact's node), the nodes its name fields give and the made nodes."""
    kind = kinds.get(f["kind"])
    g = kind.graph
    doc, place, fid = f.get("doc"), _place(f), fact_id(f)
    ends: dict[str, list[str]] = {}
    if g.node is not None:
        nt = kinds.NODES[g.node]
        props = {k: f.get(k) for k in g.props}
        if g.node_from:
            ends["."] = [_named(b, g.node, f[g.node_from], f)]
            b.projection._by_id[ends["."][0]].props.update({k: v for k, v in props.items() if v is not None})
        else:
            ends["."] = [b.node(nt.label, fid, props, fid, place, doc)]
    for name, (ntype, fields) in g.nodes.items():
        values = [f.get(k) for k in fields]
        ends[name] = [b.node(kinds.NODES[ntype].label, b._sid(ntype, place, *map(str, values)),
                             dict(zip(fields, values)), "|".join(map(str, values)), place, doc)]
    prov = provenance(f)
    for e in g.edges:
        for a in _ends(b, kind, e.source, f, ends):
            for z in _ends(b, kind, e.target, f, ends):
                props = {k: f.get(k) for k in e.props} | dict(e.set)
                if e.role_from:
                    props.setdefault(e.role_from, f.get(e.role_from))
                if e.provenance:
                    props |= prov
                b.edge(e.type, a, z, fid if e.fact else None, **props)


def _named(b: Builder, ntype: str, name: str, f: dict) -> str:
    """The node of type ``ntype`` a name in fact ``f`` stands for."""
    doc, place = f.get("doc"), _place(f)
    if ntype == "unit":
        return b.unit_in(name, place, doc)
    if ntype == "person":
        return b.person(name, f)
    if ntype == "group":
        return b.group(name, place, doc)
    if ntype == "notice":
        return b.notice(name)
    props = {"name": name} if place is None else {"name": name, "place": place}
    return b.node(kinds.NODES[ntype].label, b._sid(ntype, place, name), props, name, place, doc)


def _ends(b: Builder, kind: kinds.Kind, end: str, f: dict, made: dict[str, list[str]]) -> list[str]:
    """The node ids an edge end stands for: ``.`` or a made node, or the node(s) a field names."""
    if end in made:
        return made[end]
    field_ = kind.fields[end]
    ntype = field_.node_type(f)
    value = f.get(end)
    names = (value or []) if field_.list else ([value] if value else [])
    return [_named(b, ntype, n, f) for n in names]


Projector = Callable[[Builder, dict], None]
PROJECTORS: dict[str, Projector] = {
    "unit": _unit,
    "post": _post,
    "membership": _membership,
    "group": _group,
    "task": _task,
}


def notice_fields(n: Notice | dict) -> dict:
    """The fields of a notice (or of its dict) its node is made of: not its text."""
    get = n.get if isinstance(n, dict) else lambda k: getattr(n, k, None)
    out = {k: get(k) for k in ("doc", "title", "date", "issuer", "source")}
    if get("place") is not None:
        out["place"] = get("place")
    return out


def _valid(facts: Iterable[dict], skipped: list[str], trusted: bool = False) -> list[dict]:
    """The facts ``validate_fact`` passes; a warning in ``skipped`` for each other.
    ``trusted`` facts (an extraction's, valid as made) are taken as they are."""
    if trusted:
        return list(facts)
    good = []
    for f in facts:
        problems = validate_fact(f)
        if problems:
            skipped.append(f"skipped a {f.get('kind')} fact of {f.get('doc', '?')}: {'; '.join(problems)}")
        else:
            good.append(f)
    return good


class _Projecting:
    """One projection being built: the catalogue facts first (so the others find their
    units), then notices and facts in any order."""

    def __init__(self, catalogue: list[dict], skipped: list[str]):
        self.b = Builder(UnitIndex(f for f in catalogue if f["kind"] == "unit"))
        self.b.projection.skipped = skipped
        self.given: set[str] = set()
        for f in catalogue:
            PROJECTORS.get(f["kind"], _declared)(self.b, f)

    def notice(self, n: Notice | dict) -> None:
        fields = notice_fields(n)
        if fields["doc"]:
            self.given.add(fields["doc"])
            nid = self.b.node("Notice", stable_id("notice", fields["doc"]), fields, fields["doc"], fields.get("place"),
                              fields["doc"])
            self.b._cache[("notice", fields["doc"])] = nid

    def fact(self, f: dict) -> None:
        if f.get("doc") and f["doc"] not in self.given:
            self.given.add(f["doc"])
            self.b.projection.without_notice.append(f["doc"])
        PROJECTORS.get(f["kind"], _declared)(self.b, f)


def project(facts: Iterable[dict], notices: Iterable[Notice | dict] = (), *, trusted: bool = False) -> Projection:
    """The typed nodes and edges of ``facts`` and ``notices`` (see the module doc).
    ``trusted``: the facts are this run's extraction's, valid as made (not checked with
    ``validate_fact`` again: two fifths of the projection's time)."""
    skipped: list[str] = []
    good = _valid(facts, skipped, trusted)
    p = _Projecting([f for f in good if f["kind"] in CATALOGUE_KINDS], skipped)
    for n in notices:
        p.notice(n)
    for f in good:
        if f["kind"] not in CATALOGUE_KINDS:
            p.fact(f)
    return p.b.projection


def project_notices(catalogue: Iterable[dict], notices: Iterable[tuple[Notice | dict, list[dict]]], *,
                    trusted: bool = False) -> Projection:
    """``project`` of the catalogue's facts and then of each notice with its facts, as a
    store reads them one notice at a time (``Store.notices_with_facts``): only the
    projection is held, never every fact (a 100,000-notice store's facts as dicts are
    several GB).  The same nodes, edges and properties as ``project`` of the same facts.
    ``trusted``: the notices' facts are an extraction's, as its build kept them (the
    store's notice records), and are not checked again; the catalogue always is.

    >>> unit = {"kind": "unit", "name": "区发改委", "aliases": [], "parent": None, "unit_type": "department"}
    >>> task = {"kind": "task", "doc": "D1", "ref": "1", "text": "t", "lead": ["区发改委"],
    ...         "responsible": [], "due": None}
    >>> p = project_notices([unit], [({"doc": "D1"}, [task])])
    >>> p.edges == project([unit, task], [{"doc": "D1"}]).edges
    True
    """
    skipped: list[str] = []
    p = _Projecting(_valid(catalogue, skipped), skipped)
    for n, facts in notices:
        p.notice(n)
        for f in _valid(facts, skipped, trusted):
            p.fact(f)
    return p.b.projection
