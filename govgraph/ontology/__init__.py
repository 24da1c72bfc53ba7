"""The govgraph ontology (``govgraph.ttl``) and its SHACL shapes (``shapes.ttl``).

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
    return Graph().parse(ontology_path(), format="turtle")


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
