"""The store written out: RDF in Turtle (the union of all graphs), TriG, N-Quads or
JSON-LD (the named graphs) (``Store.serialize``).

>>> import pyoxigraph as ox
>>> db = ox.Store()
>>> db.add(ox.Quad(ox.NamedNode("https://govgraph.dev/id/x"), ox.NamedNode("https://govgraph.dev/ontology#p"),
...               ox.Literal("a"), ox.NamedNode("https://govgraph.dev/id/g")))
>>> serialize(db, "nquads")
'<https://govgraph.dev/id/x> <https://govgraph.dev/ontology#p> "a" <https://govgraph.dev/id/g> .\\n'
"""

from __future__ import annotations

import os
from pathlib import Path

import pyoxigraph as ox

from govgraph.errors import StoreError

from .rdf_terms import PREFIXES

__all__ = ["FORMATS", "serialize"]

FORMATS = ("turtle", "trig", "nquads", "jsonld")


def serialize(db: ox.Store, format: str = "trig", out: str | os.PathLike | None = None) -> str | None:
    """The Oxigraph database ``db`` as ``turtle`` (its default graph: the union),
    ``trig``, ``nquads`` or ``jsonld`` (the named graphs).  Returns text, or writes ``out``."""
    fmt = {"ttl": "turtle", "nq": "nquads", "json-ld": "jsonld"}.get(format, format)
    if fmt not in FORMATS:
        raise StoreError(f"unknown export format {format!r}; use one of {', '.join(FORMATS)}")
    rf = {"turtle": ox.RdfFormat.TURTLE, "trig": ox.RdfFormat.TRIG, "nquads": ox.RdfFormat.N_QUADS,
          "jsonld": ox.RdfFormat.JSON_LD}[fmt]
    prefixes = dict(PREFIXES) if fmt != "nquads" else None
    if fmt == "turtle":
        quads = (ox.Triple(q.subject, q.predicate, q.object)
                 for q in db.quads_for_pattern(None, None, None, ox.DefaultGraph()))
    else:
        quads = (q for q in db if not isinstance(q.graph_name, ox.DefaultGraph))
    data = ox.serialize(quads, format=rf, prefixes=prefixes)
    if out is None:
        return data.decode("utf-8")
    Path(out).write_bytes(data)
    return None
