"""Triples back to facts: one notice's named graph to the notice and its facts, the
catalogue graph to unit facts (the store's read side; ``rdf_write`` is the write side).

>>> from govgraph.identity import Catalogue
>>> from govgraph.graph.rdf_write import notice_triples
>>> n = Notice(doc="阳政办〔2018〕9号", text="许才勇任区水务局局长", date="2018-04-12")
>>> f = {"kind": "post", "doc": n.doc, "person": "许才勇", "unit": "区水务局", "title": "局长",
...      "as_of": "2018-04-12", "evidence": {"text": "许才勇", "start": 0, "end": 3}}
>>> notice2, facts = read_notice_graph(notice_triples(n, [f], Catalogue()))
>>> facts == [f] and notice2.text == n.text
True
"""

from __future__ import annotations

import json
from collections.abc import Iterable

import pyoxigraph as ox
from rdflib import BNode, Literal, URIRef

from govgraph import kinds
from govgraph.facts import EVIDENCE_LOCATION
from govgraph.notice import Notice

from .rdf_terms import DCTERMS, FOAF, GG, OA, ORG, PROV, RDF, SCHEMA, SKOS, XSD, expand

__all__ = ["read_notice_graph", "read_catalogue", "read_seen"]

Triple = tuple  # (subject, predicate, object) of rdflib or Oxigraph terms


# ------------------------------------------------------------ the catalogue

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


# ------------------------------------------------------------ a notice

class _Lit(str):
    """A literal's lexical form, with its datatype IRI (``datatype``)."""

    datatype = ""


_BOOLEAN, _INTEGERS = str(XSD.boolean), {str(XSD[t]) for t in ("integer", "int", "long", "short", "nonNegativeInteger")}


def _term(t) -> str:
    """An rdflib or Oxigraph term as a plain string (an IRI or ``_:`` and a blank node's
    id) or a :class:`_Lit`."""
    tt = type(t)
    if tt is ox.NamedNode:
        return t.value
    if tt is ox.Literal:
        out = _Lit(t.value)
        out.datatype = t.datatype.value
        return out
    if tt is URIRef:
        return str(t)
    if isinstance(t, Literal):
        out = _Lit(t)
        out.datatype = str(t.datatype or "")
        return out
    if isinstance(t, (ox.BlankNode, BNode)):
        return "_:" + (t.value if isinstance(t, ox.BlankNode) else str(t))
    return str(t)


def _python(v: _Lit):
    """A literal's value as rdflib's ``toPython`` gives it for what notice graphs hold:
    ``bool`` for xsd:boolean, ``int`` for the integer types, else the string."""
    if v.datatype == _BOOLEAN:
        return v in ("true", "1")
    if v.datatype in _INTEGERS:
        return int(v)
    return str(v)


class _Graph:
    """One notice graph's triples indexed for reading: subject → predicate → objects and
    (predicate, IRI) → subjects, terms as :func:`_term` gives them.  Plain dictionaries:
    an rdflib ``Graph`` cost ~13 ms a notice to fill and query (most of reading a store's
    facts) and, holding reference cycles, grew without bound while the collector was paused."""

    __slots__ = ("out", "into")

    def __init__(self, triples: Iterable[Triple]):
        out: dict[str, dict[str, list]] = {}
        into: dict[tuple[str, str], list[str]] = {}
        for s_, p_, o_ in triples:
            s, p, o = _term(s_), _term(p_), _term(o_)
            ps = out.get(s)
            if ps is None:
                ps = out[s] = {}
            objs = ps.get(p)
            if objs is None:
                ps[p] = [o]
            elif o not in objs:
                objs.append(o)
            else:
                continue
            if type(o) is str:
                into.setdefault((p, o), []).append(s)
        self.out, self.into = out, into

    def value(self, s, p):
        """One object of ``s`` and ``p`` (None if none or ``s`` is None)."""
        if s is None:
            return None
        objs = self.out.get(s, {}).get(str(p))
        return objs[0] if objs else None

    def objects(self, s, p) -> list:
        return self.out.get(s, {}).get(str(p), [])

    def subjects(self, p, o) -> list[str]:
        return self.into.get((str(p), str(o)), [])

    def has_type(self, s, cls) -> bool:
        return str(cls) in self.objects(s, RDF.type)


def _read_extra(g: _Graph, node: str, fact: dict) -> None:
    extra = g.value(node, GG.extraJSON)
    if extra is not None:
        fact.update(json.loads(str(extra)))


def _evidence(g: _Graph, node: str, fact: dict) -> None:
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
    part = g.value(e, PROV.wasQuotedFrom)
    if part is not None:
        fact["evidence"].update(_location(g, part))


def _location(g: _Graph, part) -> dict:
    """``file``, ``page``, ``sheet``, ``table``, ``row``, ``col`` of the part of a file an
    evidence passage was quoted from (``rdf_write._location``)."""
    out: dict = {}
    if g.value(part, DCTERMS.source) is not None:
        out["file"] = str(g.value(part, DCTERMS.source))
    for sel in g.objects(part, OA.hasSelector):
        v = g.value(sel, RDF.value)
        if v is not None and str(v).startswith("page="):
            out["page"] = int(str(v)[5:])
        for k, pred in (("sheet", GG.sheet), ("table", GG.table), ("row", GG.row), ("col", GG.column)):
            x = g.value(sel, pred)
            if x is not None:
                out[k] = str(x) if k == "sheet" else int(str(x))
    return {k: out[k] for k in EVIDENCE_LOCATION if k in out}


def _label(g: _Graph, node) -> str | None:
    v = g.value(node, SKOS.prefLabel)
    return None if v is None else str(v)


def _person_identity(g: _Graph, person: str, fact: dict, place: str | None) -> None:
    """``person_place`` / ``person_variant`` of a fact whose person a decision placed."""
    pp = g.value(person, GG.inPlace)
    pp = None if pp is None else _label(g, pp)
    if pp is not None and pp != place:
        fact["person_place"] = pp
    v = g.value(person, GG.variant)
    if v is not None:
        fact["person_variant"] = str(v)


def _common(g: _Graph, node: str, fact: dict) -> dict:
    note = g.value(node, SKOS.note)
    if note is not None:
        fact["note"] = str(note)
    _evidence(g, node, fact)
    _read_extra(g, node, fact)
    return fact


#: the kinds read above by code of their own; the others as declared (``_declared``)
_OWN_READERS = ("post", "membership", "group", "task", "unit")


def _declared(g: _Graph, k: kinds.Kind, node: str, doc: str) -> dict:
    """A fact of a declared kind (``rdf_write._NoticeBuilder.declared`` wrote it)."""
    f: dict = {"kind": k.name, "doc": doc}
    for field, pred in k.rdf.predicates.items():
        fd = k.fields.get(field)
        values = [v for o in g.objects(node, expand(pred)) if (v := _read_value(g, fd, o)) is not None]
        if values:
            f[field] = sorted(values) if fd.list else values[0]
    return f


def _read_value(g: _Graph, fd: kinds.Field, o):
    """A field's value from its object: a node's name (None when this graph does not
    name it: a catalogued unit), or the literal's value."""
    if not isinstance(o, _Lit):
        v = g.value(o, FOAF.name) if g.has_type(o, FOAF.Person) else g.value(o, SKOS.prefLabel)
        v = v if v is not None else g.value(o, DCTERMS.identifier)
        return None if v is None else str(v)
    return _python(o) if fd.type in ("bool", "int") else str(o)


def read_notice_graph(triples: Iterable[Triple]) -> tuple[Notice, list[dict]]:
    """The notice and its facts (facts format v1.1) from its graph's triples."""
    g = _Graph(triples)
    n = next(iter(g.subjects(RDF.type, GG.Notice)), None)
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
            f["former"] = _python(former) is True
        _person_identity(g, g.value(h, ORG.member), f, place)
        facts.append(_common(g, h, f))
    for m in g.subjects(RDF.type, GG.GroupMembership):
        member = g.value(m, ORG.member)
        mt = "person" if g.has_type(member, FOAF.Person) else "group" if g.has_type(member, GG.Group) else "unit"
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
        lists: dict = {str(GG.LeadRole): [], str(GG.ResponsibleRole): []}
        for a in g.subjects(GG.task, t):
            lists[g.value(a, GG.assignmentRole)].append(
                (int(str(g.value(a, GG.position))), str(g.value(a, GG.writtenAs))))
        f["lead"] = [name for _, name in sorted(lists[str(GG.LeadRole)])]
        f["responsible"] = [name for _, name in sorted(lists[str(GG.ResponsibleRole)])]
        f["due"] = str(g.value(t, GG.dueDate)) if g.value(t, GG.dueDate) is not None else None
        facts.append(_common(g, t, f))
    for name, k in kinds.KINDS.items():
        if name not in _OWN_READERS and k.rdf.graph == "notice" and k.rdf.classes:
            facts += [_common(g, node, _declared(g, k, node, doc))
                      for node in g.subjects(RDF.type, expand(k.rdf.classes[0]))]
    if place is not None:
        for f in facts:
            f.setdefault("place", place)
    order = {kind: i for i, kind in enumerate(kinds.KINDS)}
    facts.sort(key=lambda f: (order[f["kind"]], json.dumps(f, ensure_ascii=False, sort_keys=True)))
    return notice, facts


# ------------------------------------------------------------ first and last seen

def read_seen(triples: Iterable[Triple]) -> dict[str, dict]:
    """``{fact node IRI: {"first_seen": date, "last_seen": date}}`` from the triples of the
    graph ``id:graph/seen`` (rdflib or Oxigraph terms; see ``rdf_build.seen_triples``).

    >>> read_seen([(URIRef("id:x"), GG.firstSeen, "2018-01-02"), (URIRef("id:x"), GG.lastSeen, "2018-04-12")])
    {'id:x': {'first_seen': '2018-01-02', 'last_seen': '2018-04-12'}}
    """
    names = {str(GG.firstSeen): "first_seen", str(GG.lastSeen): "last_seen"}
    out: dict[str, dict] = {}
    for s_, p_, o_ in triples:
        name = names.get(_value(p_))
        if name is not None:
            out.setdefault(_value(s_), {})[name] = _value(o_)
    return out
