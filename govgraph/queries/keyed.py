"""The rows of a stored question for some values of its ``update`` key, read from the store's
indexes in Python: what the question restricted to those keys (``CannedQuery.restricted``)
gives, for a few index look-ups a key instead of Oxigraph's ~1-1.7 ms a key on a big store.

The ``.rq`` file stays the definition: ``ROWS`` holds a reader only for a question whose
restricted query is a simple join and count, and only for the parameter values the build
stores (``ROWS[name].applies``); ``tests/test_keyed.py`` compares every reader with the
restricted query, row for row and byte for byte, on the sample store.  ``maintain`` uses a
reader when there is one and the restricted query otherwise.

>>> sorted(ROWS)
['deadlines', 'group-interlocks', 'unit-load']
"""

from __future__ import annotations

import itertools
from collections.abc import Callable
from dataclasses import dataclass

import pyoxigraph as ox

from govgraph.graph.rdf_terms import DCTERMS, FOAF, GG, ORG, PROV, RDF, SKOS

__all__ = ["ROWS", "Reader"]


@dataclass(frozen=True)
class Reader:
    """Rows of one question for some keys: ``rows(db, keys)`` (``db`` an Oxigraph store, keys
    Oxigraph terms), as the restricted query's solutions (the query's columns and ``place``,
    plain values, unordered); valid when ``applies(args)`` (the arguments of the stored
    parameter set)."""

    rows: Callable[[ox.Store, list], list[dict]]
    applies: Callable[[dict], bool]


def _n(iri) -> ox.NamedNode:
    return ox.NamedNode(str(iri))


_DEFAULT = ox.DefaultGraph()
_ASSIGNEE, _TASK, _ROLE, _LEAD = _n(GG.assignee), _n(GG.task), _n(GG.assignmentRole), _n(GG.LeadRole)
_LABEL, _IN_PLACE, _TYPE = _n(SKOS.prefLabel), _n(GG.inPlace), _n(RDF.type)
_MEMBERSHIP, _MEMBER, _ORGANIZATION = _n(GG.GroupMembership), _n(ORG.member), _n(ORG.organization)
_PERSON, _GROUP = _n(FOAF.Person), _n(GG.Group)
_DUE, _SOURCE, _IDENTIFIER, _REF, _DESCRIPTION = (_n(GG.dueDate), _n(PROV.hadPrimarySource),
                                                  _n(DCTERMS.identifier), _n(GG.ref), _n(DCTERMS.description))


def _objects(db: ox.Store, s, p) -> list:
    return [q.object for q in db.quads_for_pattern(s, p, None, _DEFAULT)]


def _subjects(db: ox.Store, p, o) -> list:
    return [q.subject for q in db.quads_for_pattern(None, p, o, _DEFAULT)]


def _places(db: ox.Store, node) -> list[str]:
    """The ``?place`` values of the questions' nested ``OPTIONAL { ?x gg:inPlace ?pl OPTIONAL
    { ?pl skos:prefLabel ?pll } }`` with ``COALESCE(STR(?pll), "")``."""
    out = []
    for pl in _objects(db, node, _IN_PLACE):
        out += [x.value for x in _objects(db, pl, _LABEL)] or [""]
    return out or [""]


def _unit_load(db: ox.Store, keys: list) -> list[dict]:
    """unit-load.rq without ``expand_collectives`` and ``due_before``."""
    out = []
    for u in keys:
        tasks, led = set(), set()
        for a in _subjects(db, _ASSIGNEE, u):
            roles = _objects(db, a, _ROLE)
            if not roles:
                continue
            ts = _objects(db, a, _TASK)
            tasks.update(ts)
            if _LEAD in roles:
                led.update(ts)
        if not tasks:
            continue
        for unit in _objects(db, u, _LABEL):
            for place in _places(db, u):
                out.append({"unit": unit.value, "led": len(led), "responsible": len(tasks) - len(led),
                            "total": len(tasks), "place": place})
    return out


def _group_interlocks(db: ox.Store, keys: list, least: int = 2) -> list[dict]:
    """group-interlocks.rq with ``min_groups`` 2."""
    out = []
    for m in keys:
        groups: dict = {}  # group node -> its labels
        for ms in _subjects(db, _MEMBER, m):
            if next(db.quads_for_pattern(ms, _TYPE, _MEMBERSHIP, _DEFAULT), None) is None:
                continue
            for g in _objects(db, ms, _ORGANIZATION):
                if g not in groups:
                    groups[g] = [x.value for x in _objects(db, g, _LABEL)]
        labelled = {g: ls for g, ls in groups.items() if ls}
        if len(labelled) < least:
            continue
        types = {t for t in _objects(db, m, _TYPE)}
        kind = "person" if _PERSON in types else "group" if _GROUP in types else "unit"
        names = sorted(x for ls in labelled.values() for x in ls)
        for member in _objects(db, m, _LABEL):
            for place in dict.fromkeys(_places(db, m)):
                out.append({"member": member.value, "member_type": kind, "place": place,
                            "n_groups": len(labelled), "groups": "、".join(names)})
    return out


def _deadlines(db: ox.Store, keys: list) -> list[dict]:
    """deadlines.rq without ``month``: the rows of the notices numbered ``keys``."""
    out = {}
    for doc in keys:
        for n in _subjects(db, _IDENTIFIER, doc):
            for t in _subjects(db, _SOURCE, n):
                dues = _objects(db, t, _DUE)
                if not dues:
                    continue
                refs = [r.value for r in _objects(db, t, _REF)] or [""]
                texts = [x.value for x in _objects(db, t, _DESCRIPTION)] or [""]
                for a in _subjects(db, _TASK, t):
                    for u in _objects(db, a, _ASSIGNEE):
                        units, places = _objects(db, u, _LABEL), _places(db, u)
                        for ar in _objects(db, a, _ROLE):
                            role = "lead" if ar == _LEAD else "responsible"
                            for d, ref, task, unit, place in itertools.product(dues, refs, texts, units, places):
                                row = (d.value, doc.value, ref, task, role, unit.value, place)
                                out[row] = None
    cols = ("due", "doc", "ref", "task", "role", "unit", "place")
    return [dict(zip(cols, r)) for r in out]


def _arg(args: dict, name: str):
    """The plain value of an argument (``parameters.arguments`` gives rdflib terms), or None."""
    v = args.get(name)
    return v.toPython() if hasattr(v, "toPython") else v


ROWS: dict[str, Reader] = {
    "unit-load": Reader(_unit_load, lambda a: _arg(a, "expand_collectives") in (None, False)
                        and _arg(a, "due_before") is None),
    "group-interlocks": Reader(_group_interlocks, lambda a: _arg(a, "min_groups") == 2),
    "deadlines": Reader(_deadlines, lambda a: _arg(a, "month") is None),
}
