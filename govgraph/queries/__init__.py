"""Canned questions: the catalogue (``catalogue.toml`` + ``*.rq``), parameter
binding and running them on an RDF store.

The package's rooms: ``questions`` (the catalogue: ``catalogue.toml`` and the
``.rq`` / ``.cypher`` files), ``parameters`` (checking arguments, resolving names of
units, people and posts), ``execute`` (running a question, reading stored answers), ``maintain`` (the answers
a build stores),
``cypher`` (the Neo4j twins).  This module re-exports the public API.

Parameters reach the engine as RDF terms through ``gg:arg("name")``, never pasted into
the query text.  Names are resolved first: a unit by any alias
(``区科技经信局`` -> ``区科技和经信局``), a person by name; an unknown name
raises ``QueryError`` with the close known names, if any.

>>> [q.name for q in catalogue()][:2]
['appointment-history', 'post-holders']
>>> get("unit-load").columns
['unit', 'led', 'responsible', 'total']
"""

from govgraph.results import Result

from .questions import PARAM_TYPES, CannedQuery, Param, catalogue, get
from .execute import answer_key, places_in, run, sparql, with_places
from .maintain import materialised_answers
from .parameters import arguments, bind, resolve_person, resolve_person_in, resolve_unit, resolve_unit_in

__all__ = ["Param", "CannedQuery", "PARAM_TYPES", "Result", "catalogue", "get", "run", "sparql", "bind",
           "resolve_unit", "resolve_unit_in", "resolve_person", "resolve_person_in", "places_in",
           "with_places", "arguments", "answer_key", "materialised_answers"]
