"""Facts and notices to RDF triples, and back (see ``docs/model.md``).

Every node has a deterministic IRI (a ``stable_id``/``fact_id`` hash of what
identifies it) and no blank nodes are used, so building the same input twice
gives the same triples.  One notice gives one list of triples (its named
graph); the unit catalogue gives another.

>>> cat = Catalogue([{"kind": "unit", "name": "区科技和经信局",
...                   "aliases": ["区科技经信局"], "parent": None, "unit_type": "department"}])
>>> cat.canonical("区科技经信局")
'区科技和经信局'
>>> n = Notice(doc="阳政办〔2018〕9号", text="许才勇任区水务局局长", date="2018-04-12")
>>> f = {"kind": "post", "doc": n.doc, "person": "许才勇", "unit": "区水务局", "title": "局长",
...      "as_of": "2018-04-12", "evidence": {"text": "许才勇", "start": 0, "end": 3}}
>>> notice2, facts = read_notice_graph(notice_triples(n, [f], cat))
>>> facts == [f] and notice2.text == n.text
True
"""

from __future__ import annotations

import contextlib
import contextvars

import hashlib
import json
import re
from collections.abc import Iterable
from datetime import date

from rdflib import Graph, Literal, URIRef
from rdflib import namespace as _ns

from govgraph.facts import stable_id
from govgraph.notice import Notice

__all__ = [
    "GG",
    "OA",
    "SCHEMA",
    "ID",
    "PREFIXES",
    "ARG",
    "query_args",
    "CATALOGUE_GRAPH",
    "ANSWERS_GRAPH",
    "Catalogue",
    "merge_units",
    "notice_iri",
    "unit_iri",
    "person_iri",
    "group_iri",
    "post_iri",
    "role_iri",
    "place_iri",
    "notice_triples",
    "catalogue_triples",
    "content_hash",
    "read_notice_graph",
    "read_catalogue",
]

class _Terms:
    """A namespace whose terms are made once (``GG.Task`` is a cached URIRef);
    ``str(GG)`` is the namespace IRI."""

    def __init__(self, iri: str):
        self.__dict__["_iri"] = iri

    def __getattr__(self, name: str) -> URIRef:
        if name.startswith("__"):
            raise AttributeError(name)
        term = self.__dict__[name] = URIRef(self._iri + name)
        return term

    __getitem__ = __getattr__

    def __str__(self) -> str:
        return self._iri

    def __repr__(self) -> str:
        return f"_Terms({self._iri!r})"


GG = _Terms("https://govgraph.dev/ontology#")
OA = _Terms("http://www.w3.org/ns/oa#")
SCHEMA = _Terms("https://schema.org/")
DCTERMS = _Terms(str(_ns.DCTERMS))
FOAF = _Terms(str(_ns.FOAF))
ORG = _Terms(str(_ns.ORG))
PROV = _Terms(str(_ns.PROV))
RDF = _Terms(str(_ns.RDF))
SKOS = _Terms(str(_ns.SKOS))
XSD = _Terms(str(_ns.XSD))
ID = "https://govgraph.dev/id/"
CATALOGUE_GRAPH = URIRef(ID + "graph/units")
#: rows of canned questions computed by the last build (``queries`` catalogue: materialise)
ANSWERS_GRAPH = URIRef(ID + "graph/answers")

PREFIXES = {
    "gg": str(GG),
    "id": ID,
    "org": str(ORG),
    "foaf": str(FOAF),
    "skos": str(SKOS),
    "schema": str(SCHEMA),
    "dcterms": str(DCTERMS),
    "prov": str(PROV),
    "oa": str(OA),
    "xsd": str(XSD),
    "rdf": str(RDF),
}

Triple = tuple  # (subject, predicate, object) of rdflib terms

# ------------------------------------------------------------------ query arguments

#: ``gg:arg("name")`` in a canned question reads the value of parameter ``name``:
#: values reach the engine as terms, never as query text.
ARG = URIRef(str(GG) + "arg")
_ARGS: contextvars.ContextVar = contextvars.ContextVar("govgraph_query_args", default={})


def _rdflib_arg(name):
    v = _ARGS.get().get(str(name))
    if v is None:
        raise _SparqlError(f"no value for parameter {name}")
    return v if isinstance(v, (URIRef, Literal)) else Literal(v)


@contextlib.contextmanager
def query_args(values: dict):
    """Make ``values`` what ``gg:arg`` returns in rdflib's engine, for the duration."""
    token = _ARGS.set(dict(values))
    try:
        yield
    finally:
        _ARGS.reset(token)


try:  # rdflib's engine: the same function, for comparisons and the in-memory benchmark
    from rdflib.plugins.sparql.operators import register_custom_function as _register
    from rdflib.plugins.sparql.sparql import SPARQLError as _SparqlError

    _register(ARG, _rdflib_arg, override=True)
except ImportError:  # pragma: no cover
    _SparqlError = Exception


# ------------------------------------------------------------------ IRIs

def _iri(kind: str, *parts: object) -> URIRef:
    return URIRef(f"{ID}{kind}/{stable_id(kind, *parts)}")


def notice_iri(doc: str) -> URIRef:
    """IRI of a notice; also the name of its named graph."""
    return _iri("notice", doc)


def _scoped(kind: str, name: str, place: str | None) -> URIRef:
    # a name in a place; a name without a place keeps the IRI it had before places
    return _iri(kind, name) if place is None else _iri(kind, place, name)


def unit_iri(name: str, place: str | None = None) -> URIRef:
    """IRI of a unit from its canonical name and its place."""
    return _scoped("unit", name, place)


def person_iri(name: str, place: str | None = None, variant: str | None = None) -> URIRef:
    """IRI of a person: a name in a place (the jurisdiction of the notice naming them,
    or the place a decision joins it to); ``variant``: another person of that name
    there, split by a decision (``loaders.decisions``)."""
    if variant:
        return _iri("person", place, name, variant)
    return _scoped("person", name, place)


def group_iri(name: str, place: str | None = None) -> URIRef:
    return _scoped("group", name, place)


def place_iri(place: str) -> URIRef:
    """IRI of a place (``全国``, ``武汉市汉阳区``; ``?DOC`` for a notice's unknown place)."""
    return _iri("place", place)


def post_iri(unit: URIRef, title: str) -> URIRef:
    """The seat: one org:Post per (unit, title)."""
    return _iri("post", str(unit), title)


def role_iri(label: str) -> URIRef:
    return _iri("role", label)


# ------------------------------------------------------------- literals

_DATE_RES = (
    (re.compile(r"^\d{4}-\d{2}-\d{2}$"), XSD.date),
    (re.compile(r"^\d{4}-\d{2}$"), XSD.gYearMonth),
    (re.compile(r"^\d{4}$"), XSD.gYear),
)


def _date_type(value: object) -> URIRef | None:
    """The XSD type of an ISO date / year-month / year string, else None."""
    if not isinstance(value, str):
        return None
    for rx, dt in _DATE_RES:
        if rx.match(value):
            try:
                y, m, d = (value.split("-") + ["01", "01"])[:3]
                date(int(y), int(m), int(d))
            except ValueError:
                return None
            return dt
    return None


# ------------------------------------------------------------- catalogue

_UNIT_FIELDS = ("kind", "name", "aliases", "added_aliases", "parent", "unit_type", "former", "place")
_UNIT_LISTS = ("members", "former_members", "docs")  # set-like: united on merge, sorted


def _uniq(items: Iterable[str]) -> list[str]:
    seen: dict[str, None] = {}
    for x in items:
        if isinstance(x, str) and x:
            seen.setdefault(x, None)
    return list(seen)


def merge_units(*unit_lists: Iterable[dict]) -> list[dict]:
    """Merge unit facts by name: aliases, ``members``, ``former_members`` and
    ``docs`` are united (and sorted); a later non-null ``parent`` / ``unit_type``
    / ``former`` wins; ``added_aliases`` (gold files) is folded into ``aliases``
    (name first, then sorted).  A list key is kept if any input has it.
    Result sorted by name.

    >>> merge_units([{"kind": "unit", "name": "A", "aliases": ["a"], "parent": None,
    ...               "unit_type": "other"}],
    ...             [{"kind": "unit", "name": "A", "aliases": ["b"], "parent": "P",
    ...               "unit_type": "department"}])[0]["aliases"]
    ['A', 'a', 'b']
    """
    merged: dict[tuple, dict] = {}
    for units in unit_lists:
        for u in units:
            name = u.get("name")
            if not isinstance(name, str) or not name:
                continue
            place = u.get("place")
            m = merged.setdefault((place or "", name), {"kind": "unit", "name": name, "aliases": [name],
                                                        "parent": None, "unit_type": "other"})
            if place is not None:
                m["place"] = place
            m["aliases"] = _uniq(m["aliases"] + list(u.get("aliases") or [])
                                 + list(u.get("added_aliases") or []))
            for key in ("parent", "unit_type"):
                if u.get(key):
                    m[key] = u[key]
            if isinstance(u.get("former"), bool):
                m["former"] = u["former"]
            for key in _UNIT_LISTS:
                if isinstance(u.get(key), list):
                    m[key] = _uniq(list(m.get(key) or []) + u[key])
            for key, val in u.items():
                if key not in _UNIT_FIELDS and key not in _UNIT_LISTS:
                    m[key] = val
    out = []
    for key in sorted(merged, key=lambda k: (k[1], k[0])):
        m, name = merged[key], key[1]
        m["aliases"] = [name] + sorted(a for a in m["aliases"] if a != name)
        for key in _UNIT_LISTS:
            if key in m:
                m[key] = sorted(m[key])
        out.append(m)
    return out


def _squash(name: str) -> str:
    return re.sub(r"\s+", "", name)


class Catalogue:
    """The unit catalogue: merged unit facts and alias -> canonical name.

    Resolution is ``govgraph.identity.UnitIndex``'s (shared by every graph
    backend): exact name or alias, then with layout spaces removed; a unit's own
    name beats another unit's alias, else the first unit (by name) claiming it.
    """

    def __init__(self, unit_facts: Iterable[dict] = ()):
        from govgraph.identity import UnitIndex

        self.units: list[dict] = merge_units(unit_facts)
        self.index = UnitIndex(self.units)
        self.warnings: list[str] = []
        for u in self.units:
            for a in u["aliases"]:
                owner = self.index.canonical(a, u.get("place"))
                if owner != u["name"]:
                    where = f" in {u['place']}" if u.get("place") else ""
                    self.warnings.append(f"unit alias {a!r} of {u['name']!r}{where} resolves to {owner!r}")

    def lookup(self, name: str | None, place: str | None = None) -> tuple[str | None, str] | None:
        """``(place, canonical name)`` of the unit ``name`` in ``place`` (any when None), or None."""
        return self.index.lookup(name, place) if name else None

    def canonical(self, name: str | None, place: str | None = None) -> str | None:
        """Canonical unit name for ``name`` (in ``place``), or None if no unit has it."""
        hit = self.lookup(name, place)
        return hit[1] if hit else None

    def resolve(self, name: str, place: str | None = None) -> str:
        """Canonical name, or the name itself (spaces removed) for an unknown unit."""
        return self.index.canonical(name, place)

    def members(self, name: str, place: str | None = None) -> list[str]:
        return self.index.members(name, place=place) if self.canonical(name, place) else []

    def parent(self, name: str, place: str | None = None) -> str | None:
        return self.index.parent(name, place)

    def signature(self) -> str:
        """A hash of how every name and alias resolves (changes only when
        resolution of some name changes)."""
        pairs = sorted({(u.get("place") or "", a, self.index.canonical(a, u.get("place")))
                        for u in self.units for a in u["aliases"]})
        return hashlib.sha256(json.dumps(pairs, ensure_ascii=False).encode("utf-8")).hexdigest()

    def triples(self) -> list[Triple]:
        return catalogue_triples(self)


def catalogue_triples(catalogue: Catalogue) -> list[Triple]:
    """Triples of the unit catalogue graph (with its ``gg:contentHash``), in
    rdflib terms; see ``rdf_write.catalogue_graph``."""
    from .rdf_write import catalogue_graph, from_ox, parse_triples

    return [tuple(from_ox(x) for x in t) for t in parse_triples(catalogue_graph(catalogue))]


def _value(t) -> str:
    """The IRI or lexical form of an rdflib or Oxigraph term."""
    return str(t) if isinstance(t, str) else t.value  # rdflib terms are str subclasses


def read_catalogue(triples: Iterable[Triple]) -> list[dict]:
    """Unit facts back from the catalogue graph's triples (rdflib or Oxigraph terms;
    read with plain dicts: a catalogue has a hundred thousand triples at 10,000 notices)."""
    props: dict[str, dict[str, list[str]]] = {}
    for s_, p_, o_ in triples:
        props.setdefault(_value(s_), {}).setdefault(_value(p_), []).append(_value(o_))
    label, alt, utype = str(SKOS.prefLabel), str(SKOS.altLabel), str(GG.unitType)

    def one(node: str, prop) -> str | None:
        vals = props.get(node, {}).get(str(prop))
        return vals[0] if vals else None

    units = []
    for node in sorted(n for n, ps in props.items() if utype in ps):
        ps = props[node]
        name = ps[label][0]
        u: dict = {"kind": "unit", "name": name, "aliases": [name] + sorted(ps.get(alt, [])),
                   "parent": None, "unit_type": ps[utype][0]}
        place = one(node, GG.inPlace)
        if place is not None:
            u["place"] = one(place, SKOS.prefLabel)
        parent = one(node, ORG.subOrganizationOf)
        if parent is not None:
            u["parent"] = one(parent, SKOS.prefLabel)
        for key, prop in (("members", GG.hasMemberUnit), ("former_members", GG.hadMemberUnit)):
            labels = sorted({one(m, SKOS.prefLabel) for m in ps.get(str(prop), [])})
            if labels:
                u[key] = labels
        docs = sorted(ps.get(str(GG.mentionedIn), []))
        if docs:
            u["docs"] = docs
        former = one(node, GG.former)
        if former is not None:
            u["former"] = former in ("true", "1")
        extra = one(node, GG.extraJSON)
        if extra is not None:
            u.update(json.loads(extra))
        units.append(u)
    return sorted(units, key=lambda u: (u["name"], u.get("place") or ""))


# ---------------------------------------------------------- notice graph

def content_hash(triples: Iterable[Triple]) -> str:
    """SHA-256 of the sorted triples (``gg:contentHash`` excluded): equal hashes
    mean equal graphs.  See ``rdf_write.content_hash``."""
    from .rdf_write import content_hash as _hash

    return _hash(triples)


def notice_triples(notice: Notice | None, facts: Iterable[dict], catalogue: Catalogue,
                   doc: str | None = None) -> list[Triple]:
    """Triples of one notice's named graph (metadata, text, facts, evidence) in
    rdflib terms; the last one is the graph's ``gg:contentHash``.  ``facts``
    are that notice's facts (not ``unit`` facts).  See ``rdf_write.notice_graph``.
    """
    from .rdf_write import from_ox, notice_graph, parse_triples

    triples = parse_triples(notice_graph(notice, list(facts), catalogue, doc=doc))
    return [tuple(from_ox(x) for x in t) for t in triples]


# ------------------------------------------------------------ read back

def _graph(triples: Iterable[Triple]) -> Graph:
    g = Graph()
    for t in triples:
        g.add(t)
    return g


def _read_extra(g: Graph, node: URIRef, fact: dict) -> None:
    extra = g.value(node, GG.extraJSON)
    if extra is not None:
        fact.update(json.loads(str(extra)))


def _evidence(g: Graph, node: URIRef, fact: dict) -> None:
    e = g.value(node, PROV.wasDerivedFrom)
    if e is None:
        return
    ev: dict = {}
    for sel in g.objects(e, OA.hasSelector):
        if g.value(sel, OA.exact) is not None:
            ev["text"] = str(g.value(sel, OA.exact))
        if g.value(sel, OA.start) is not None:
            ev["start"] = int(str(g.value(sel, OA.start)))
            ev["end"] = int(str(g.value(sel, OA.end)))
    fact["evidence"] = {"text": ev.get("text", ""), "start": ev.get("start", 0), "end": ev.get("end", 0)}


def _label(g: Graph, node) -> str | None:
    v = g.value(node, SKOS.prefLabel)
    return None if v is None else str(v)


def _person_identity(g: Graph, person: URIRef, fact: dict, place: str | None) -> None:
    """``person_place`` / ``person_variant`` of a fact whose person a decision placed."""
    pp = g.value(person, GG.inPlace)
    pp = None if pp is None else _label(g, pp)
    if pp is not None and pp != place:
        fact["person_place"] = pp
    v = g.value(person, GG.variant)
    if v is not None:
        fact["person_variant"] = str(v)


def _common(g: Graph, node: URIRef, fact: dict) -> dict:
    note = g.value(node, SKOS.note)
    if note is not None:
        fact["note"] = str(note)
    _evidence(g, node, fact)
    _read_extra(g, node, fact)
    return fact


def read_notice_graph(triples: Iterable[Triple]) -> tuple[Notice, list[dict]]:
    """The notice and its facts (facts format v1.1) from its graph's triples."""
    g = _graph(triples)
    n = g.value(None, RDF.type, GG.Notice)
    if n is None:
        raise ValueError("graph holds no gg:Notice")
    doc = str(g.value(n, DCTERMS.identifier))

    def opt(p):
        v = g.value(n, p)
        return None if v is None else str(v)

    j = g.value(n, GG.jurisdiction)
    place = None if j is None else _label(g, j)
    notice = Notice(doc=doc, text=opt(SCHEMA.text) or "", title=opt(DCTERMS.title),
                    date=opt(DCTERMS.issued), issuer=opt(GG.issuerName), source=opt(DCTERMS.source),
                    offset=int(opt(GG.textOffset) or 0), encoding=opt(GG.encoding))
    notice.place = place
    facts: list[dict] = []
    for h in g.subjects(RDF.type, GG.PostHolding):
        f = {"kind": "post", "doc": doc, "person": str(g.value(g.value(h, ORG.member), FOAF.name)),
             "unit": str(g.value(h, GG.writtenAs)), "title": _label(g, g.value(h, ORG.role))}
        for key, prop in (("as_of", GG.asOf), ("start", SCHEMA.validFrom), ("end", SCHEMA.validUntil)):
            if g.value(h, prop) is not None:
                f[key] = str(g.value(h, prop))
        former = g.value(h, GG.former)
        if former is not None:
            f["former"] = former.toPython() is True
        _person_identity(g, g.value(h, ORG.member), f, place)
        facts.append(_common(g, h, f))
    for m in g.subjects(RDF.type, GG.GroupMembership):
        member = g.value(m, ORG.member)
        types = set(g.objects(member, RDF.type))
        mt = "person" if FOAF.Person in types else "group" if GG.Group in types else "unit"
        f = {"kind": "membership", "doc": doc, "group": _label(g, g.value(m, ORG.organization)),
             "member": str(g.value(m, GG.writtenAs)), "member_type": mt,
             "role": _label(g, g.value(m, ORG.role))}
        if mt == "person":
            _person_identity(g, member, f, place)
        facts.append(_common(g, m, f))
    for d in g.subjects(RDF.type, GG.GroupDeclaration):
        f = {"kind": "group", "doc": doc, "group": _label(g, g.value(d, GG.group))}
        if g.value(d, GG.writtenAs) is not None:
            f["office_unit"] = str(g.value(d, GG.writtenAs))
        facts.append(_common(g, d, f))
    for t in g.subjects(RDF.type, GG.Task):
        f = {"kind": "task", "doc": doc}
        for key, prop in (("ref", GG.ref), ("text", DCTERMS.description), ("due_text", GG.dueText)):
            if g.value(t, prop) is not None:
                f[key] = str(g.value(t, prop))
        lists: dict = {GG.LeadRole: [], GG.ResponsibleRole: []}
        for a in g.subjects(GG.task, t):
            lists[g.value(a, GG.assignmentRole)].append(
                (int(str(g.value(a, GG.position))), str(g.value(a, GG.writtenAs))))
        f["lead"] = [name for _, name in sorted(lists[GG.LeadRole])]
        f["responsible"] = [name for _, name in sorted(lists[GG.ResponsibleRole])]
        f["due"] = str(g.value(t, GG.dueDate)) if g.value(t, GG.dueDate) is not None else None
        facts.append(_common(g, t, f))
    if place is not None:
        for f in facts:
            f.setdefault("place", place)
    order = {"post": 0, "membership": 1, "group": 2, "task": 3}
    facts.sort(key=lambda f: (order[f["kind"]], json.dumps(f, ensure_ascii=False, sort_keys=True)))
    return notice, facts
