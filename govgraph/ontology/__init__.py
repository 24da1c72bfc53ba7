"""The govgraph ontology (``govgraph.ttl``) and its SHACL shapes (``shapes.ttl``).

The ``gg:`` classes and properties of a kind registered outside the package
(``govgraph.kinds.register``) that the Turtle file does not define are declared from
the kind's declaration when the ontology is loaded (a class, or a property, labelled
with the kind and the field).

>>> "gg" in dict(load_ontology().namespaces())
True
"""

from __future__ import annotations

from importlib import resources
from pathlib import Path

from rdflib import Graph

__all__ = ["ontology_path", "shapes_path", "load_ontology", "load_shapes", "validate"]


def ontology_path() -> Path:
    return Path(str(resources.files(__package__).joinpath("govgraph.ttl")))


def shapes_path() -> Path:
    return Path(str(resources.files(__package__).joinpath("shapes.ttl")))


def load_ontology() -> Graph:
    """The ontology, with the ``gg:`` terms that registered kinds declare and it lacks."""
    g = Graph().parse(ontology_path(), format="turtle")
    _declared_terms(g)
    return g


def _declared_terms(g: Graph) -> None:
    from rdflib import OWL, RDF, RDFS, Literal, URIRef

    from govgraph import kinds

    gg = dict(g.namespaces())["gg"]
    for k in kinds.KINDS.values():
        terms = [(c, OWL.Class, k.name) for c in k.rdf.classes]
        terms += [(p, OWL.ObjectProperty if k.fields[f].node_type({}) else OWL.DatatypeProperty, f"{k.name}.{f}")
                  for f, p in k.rdf.predicates.items() if f in k.fields]
        for curie, kind_of_term, label in terms:
            if not curie.startswith("gg:"):
                continue
            term = URIRef(str(gg) + curie[3:])
            if (term, RDF.type, None) not in g:
                g.add((term, RDF.type, kind_of_term))
                g.add((term, RDFS.label, Literal(label)))
                g.add((term, RDFS.comment, Literal(f"declared by the fact kind {k.name} ({k.source})")))


def load_shapes() -> Graph:
    return Graph().parse(shapes_path(), format="turtle")


def validate(data: Graph) -> tuple[bool, str]:
    """SHACL-validate ``data`` (e.g. the union of a store's graphs) against the
    shapes, with the ontology for subclass reasoning.  Returns (conforms,
    report text).  Needs pyshacl (``pip install govgraph[test]``)."""
    try:
        from pyshacl import validate as _validate
    except ImportError:  # pragma: no cover
        from govgraph.errors import GovGraphError

        raise GovGraphError("SHACL validation needs pyshacl: pip install pyshacl") from None
    conforms, _graph, text = _validate(data, shacl_graph=load_shapes(), ont_graph=load_ontology(),
                                       inference="none", advanced=True, allow_warnings=True)
    return bool(conforms), str(text)
