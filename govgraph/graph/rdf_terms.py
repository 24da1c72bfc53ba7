"""The RDF vocabulary of govgraph, declared once: namespaces, graph names, entity
IRIs, and the forms a term takes (see ``docs/model.md``).

Both sides of the store use it: the write side (``rdf_write``: facts -> triples)
writes terms as N-Triples text, the read side (``rdf_read``) and the engines read
rdflib or Oxigraph terms.  A namespace gives both forms of each of its terms:

>>> GG.Task
rdflib.term.URIRef('https://govgraph.dev/ontology#Task')
>>> GG.nt.Task
'<https://govgraph.dev/ontology#Task>'

Every node has a deterministic IRI (a ``stable_id`` hash of what identifies it) and
no blank nodes are used, so building the same input twice gives the same triples:

>>> unit_iri("区水务局") == URIRef(entity_iri("unit", "区水务局"))
True
>>> nt_term(to_ox(Literal("a"))), literal('say "x"')
('"a"', '"say \\\\"x\\\\""')
"""

from __future__ import annotations

from functools import lru_cache

import pyoxigraph as ox
from rdflib import BNode, Literal, URIRef
from rdflib import namespace as _ns

from govgraph.errors import StoreError
from govgraph.facts import stable_id

__all__ = [
    "Namespace", "GG", "OA", "SCHEMA", "DCTERMS", "FOAF", "ORG", "PROV", "RDF", "RDFS", "SKOS", "XSD",
    "ID", "PREFIXES", "ARG", "CATALOGUE_GRAPH", "ANSWERS_GRAPH", "SEEN_GRAPH",
    "entity_iri", "scope", "notice_iri", "unit_iri", "person_iri", "group_iri",
    "answer_iri", "curie", "expand", "literal", "nt_term", "to_ox", "from_ox",
]


class _NTriples:
    """A namespace's terms as N-Triples text (``GG.nt.Task`` is ``"<...#Task>"``), made once."""

    def __init__(self, iri: str):
        self.__dict__["_iri"] = iri

    def __getattr__(self, name: str) -> str:
        if name.startswith("__"):
            raise AttributeError(name)
        term = self.__dict__[name] = f"<{self._iri}{name}>"
        return term


class Namespace:
    """A namespace whose terms are made once: ``GG.Task`` is an rdflib ``URIRef``,
    ``GG.nt.Task`` the same term as N-Triples text; ``str(GG)`` is the namespace IRI."""

    def __init__(self, iri: str):
        self.__dict__["_iri"] = iri
        self.__dict__["nt"] = _NTriples(iri)

    def __getattr__(self, name: str) -> URIRef:
        if name.startswith("__"):
            raise AttributeError(name)
        term = self.__dict__[name] = URIRef(self._iri + name)
        return term

    __getitem__ = __getattr__

    def __str__(self) -> str:
        return self._iri

    def __repr__(self) -> str:
        return f"Namespace({self._iri!r})"


GG = Namespace("https://govgraph.dev/ontology#")
OA = Namespace("http://www.w3.org/ns/oa#")
SCHEMA = Namespace("https://schema.org/")
DCTERMS = Namespace(str(_ns.DCTERMS))
FOAF = Namespace(str(_ns.FOAF))
ORG = Namespace(str(_ns.ORG))
PROV = Namespace(str(_ns.PROV))
RDF = Namespace(str(_ns.RDF))
RDFS = Namespace(str(_ns.RDFS))
SKOS = Namespace(str(_ns.SKOS))
XSD = Namespace(str(_ns.XSD))
ID = "https://govgraph.dev/id/"
#: the unit catalogue's named graph
CATALOGUE_GRAPH = URIRef(ID + "graph/units")
#: rows of canned questions computed by the last build (``queries`` catalogue: materialise)
ANSWERS_GRAPH = URIRef(ID + "graph/answers")
#: each fact's first and last seen (``gg:firstSeen`` / ``gg:lastSeen``): the dates of the
#: earliest and latest notice stating the same fact, computed by each build (``rdf_build``)
SEEN_GRAPH = URIRef(ID + "graph/seen")
#: ``gg:arg("name")`` in a canned question reads the value of parameter ``name``
#: (``rdf_sparql``): values reach the engine as terms, never as query text.
ARG = GG.arg

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


# ------------------------------------------------------------------ IRIs

def entity_iri(kind: str, *parts: object) -> str:
    """The IRI (plain text) of a node of ``kind`` identified by ``parts``."""
    return f"{ID}{kind}/{stable_id(kind, *parts)}"


def scope(name: str, place: str | None) -> tuple[str, ...]:
    """What identifies a name in a place; a name without a place keeps the IRI it had before places."""
    return (name,) if place is None else (place, name)


def _iri(kind: str, *parts: object) -> URIRef:
    return URIRef(entity_iri(kind, *parts))


def notice_iri(doc: str) -> URIRef:
    """IRI of a notice; also the name of its named graph."""
    return _iri("notice", doc)


def unit_iri(name: str, place: str | None = None) -> URIRef:
    """IRI of a unit from its canonical name and its place."""
    return _iri("unit", *scope(name, place))


def person_iri(name: str, place: str | None = None, variant: str | None = None) -> URIRef:
    """IRI of a person: a name in a place (the jurisdiction of the notice naming them,
    or the place a decision joins it to); ``variant``: another person of that name
    there, split by a decision (``loaders.decisions``)."""
    if variant:
        return _iri("person", place, name, variant)
    return _iri("person", *scope(name, place))


def group_iri(name: str, place: str | None = None) -> URIRef:
    return _iri("group", *scope(name, place))


def answer_iri(question: str, key: str) -> str:
    """IRI (plain text) of the stored answer of ``question`` for parameters ``key``."""
    return entity_iri("answer", question, key)


def expand(name: str) -> str:
    """A prefixed name of ``PREFIXES`` as its full IRI (plain text).

    >>> expand("gg:Task")
    'https://govgraph.dev/ontology#Task'
    """
    prefix, _, local = name.partition(":")
    return PREFIXES[prefix] + local


def curie(iri: str) -> str:
    """``iri`` as a prefixed name when a prefix of ``PREFIXES`` covers it.

    >>> curie("https://govgraph.dev/ontology#Task")
    'gg:Task'
    """
    for prefix, ns in sorted(PREFIXES.items(), key=lambda kv: -len(kv[1])):
        if iri.startswith(ns):
            return f"{prefix}:{iri[len(ns):]}"
    return iri


# ------------------------------------------------------------ term forms

_ESCAPES = str.maketrans({"\\": "\\\\", '"': '\\"', "\n": "\\n", "\r": "\\r"})
_XSD_STRING = str(XSD.string)


def literal(value: str, datatype: str | None = None) -> str:
    """An N-Triples literal: ``literal("a")`` is ``'"a"'``; ``datatype`` an N-Triples IRI."""
    if '"' in value or "\\" in value or "\n" in value or "\r" in value:
        value = value.translate(_ESCAPES)
    return f'"{value}"' if datatype is None else f'"{value}"^^{datatype}'


_OX_IRIS: dict = {}


def to_ox(t):
    """An rdflib term (or an Oxigraph one, unchanged) as an Oxigraph term."""
    if isinstance(t, URIRef):
        n = _OX_IRIS.get(t)
        if n is None:
            if len(_OX_IRIS) > 500_000:
                _OX_IRIS.clear()
            n = _OX_IRIS[t] = ox.NamedNode(str(t))
        return n
    if isinstance(t, Literal):
        if t.language:
            return ox.Literal(str(t), language=t.language)
        if t.datatype is not None:
            return ox.Literal(str(t), datatype=ox.NamedNode(str(t.datatype)))
        return ox.Literal(str(t))
    if isinstance(t, (ox.NamedNode, ox.Literal)):
        return t
    raise StoreError(f"cannot store term {t!r} (blank nodes are not used)")


@lru_cache(maxsize=200_000)
def from_ox(t):
    """An Oxigraph term as an rdflib term (``xsd:string`` literals plain)."""
    if isinstance(t, ox.NamedNode):
        return URIRef(t.value)
    if isinstance(t, ox.Literal):
        if t.language:
            return Literal(t.value, lang=t.language)
        dt = t.datatype.value
        return Literal(t.value) if dt == _XSD_STRING else Literal(t.value, datatype=URIRef(dt))
    if isinstance(t, ox.BlankNode):
        return BNode(t.value)
    raise StoreError(f"unexpected term {t!r}")


def nt_term(t) -> str:
    """An rdflib or Oxigraph term as N-Triples text, written as ``rdf_write`` writes it."""
    if isinstance(t, str) and not isinstance(t, (URIRef, Literal)):
        return t
    t = to_ox(t)
    if isinstance(t, ox.NamedNode):
        return f"<{t.value}>"
    if t.language:
        return literal(t.value) + "@" + t.language
    dt = t.datatype.value
    return literal(t.value, None if dt == _XSD_STRING else f"<{dt}>")
