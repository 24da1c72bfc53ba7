"""The parameters of a canned question: checked, coerced to their types and, for
names, resolved against the store (a unit by any alias, ``区科技经信局`` ->
``区科技和经信局``; a person by name; a post title within its unit; in a place when
one is given; as written, else by ``identity.compact`` and ``identity.loose`` keys:
full-width forms, Traditional characters).  An unknown name raises ``QueryError`` with
the known names close to it (``identity.close``), if any;
a name known in several places and no place to choose raises it with the candidates.

The resolved values reach the engine as RDF terms through ``gg:arg("name")``
(``arguments``), never pasted into the query text.
"""

from __future__ import annotations

import re
from datetime import date
from typing import TYPE_CHECKING, Any

import pyoxigraph as ox
from rdflib import Literal
from rdflib.namespace import XSD

from govgraph.errors import QueryError
from govgraph.graph import rdf_terms as rdf
from govgraph.identity import UnitIndex, compact, loose, squash

from .questions import CannedQuery, Param, suggest

if TYPE_CHECKING:  # pragma: no cover
    from govgraph.graph.rdf_store import Store

__all__ = ["bind", "relaxed", "arguments", "resolve_unit", "resolve_unit_in", "resolve_person", "resolve_person_in",
           "resolve_group_in"]

# ---------------------------------------------------------------- names

_NAME, _PREF, _ALT, _TYPE, _IN_PLACE, _VARIANT, _POST_IN, _ROLE, _PERSON, _ORGANIZATION, _UNIT_TYPE, _GROUP = (
    ox.NamedNode(str(t)) for t in (rdf.FOAF.name, rdf.SKOS.prefLabel, rdf.SKOS.altLabel, rdf.RDF.type,
                                   rdf.GG.inPlace, rdf.GG.variant, rdf.ORG.postIn, rdf.ORG.role,
                                   rdf.FOAF.Person, rdf.ORG.Organization, rdf.GG.unitType, rdf.GG.Group))

def _names(store: "Store") -> dict:
    """Person names, unit labels and post titles per unit, with the places they are in, and
    their keys (``identity.names``), cached per store generation.  ``units``: the unit
    catalogue's index compared by ``loose`` (a unit by any alias, typed with spaces,
    full-width forms or in the other script)."""
    cache = getattr(store, "_query_names", None)
    if cache is not None and cache[0] == store.generation:
        return cache[1]
    def q(text):
        return store.ox.query(text, prefixes=rdf.PREFIXES)

    def val(t):
        return None if t is None else t.value

    persons: dict[str, set] = {}  # name -> {(place, variant)}
    for r in q("SELECT DISTINCT ?n ?pl ?v WHERE { ?p a foaf:Person ; foaf:name ?n . "
               "OPTIONAL { ?p gg:inPlace ?x . ?x skos:prefLabel ?pl } OPTIONAL { ?p gg:variant ?v } }"):
        persons.setdefault(r[0].value, set()).add((val(r[1]), val(r[2])))
    orgs: dict[str, set] = {}  # label -> places of the organisations (units, groups) so labelled
    for r in q("SELECT DISTINCT ?l ?pl WHERE { ?u a org:Organization ; skos:prefLabel ?l . "
               "OPTIONAL { ?u gg:inPlace ?x . ?x skos:prefLabel ?pl } }"):
        orgs.setdefault(r[0].value, set()).add(val(r[1]))
    cat = store.catalogue(docs=False)
    titles: dict[tuple, set] = {}
    for r in q("SELECT DISTINCT ?u ?t ?pl WHERE { ?post a org:Post ; org:postIn ?x ; org:role ?r . "
               "?r skos:prefLabel ?t . ?x skos:prefLabel ?u . OPTIONAL { ?x gg:inPlace ?y . ?y skos:prefLabel ?pl } }"):
        titles.setdefault((r[0].value, val(r[2])), set()).add(r[1].value)
    names = {"persons": persons, "orgs": orgs, "titles": titles, "catalogue": cat,
             "person_keys": _keys(persons), "org_keys": {loose(o): o for o in orgs},
             "units": UnitIndex(cat.units, key=loose)}
    store._query_names = (store.generation, names)
    return names


# ------------------------------------------------- a name as stored: index lookups
# A name typed as the store writes it (the usual case) is found by looking its literal up in
# Oxigraph's indexes, a few lookups; only a name written otherwise (layout spaces, full-width
# forms, the other script), an unknown one (suggestions) or a post title not of the unit
# needs ``_names``, which reads every name of the store (seconds at 100,000 notices).

def _quads(store: "Store", s=None, p=None, o=None, g=None):
    return store.ox.quads_for_pattern(s, p, o, ox.DefaultGraph() if g is None else g)


def _label_of(store: "Store", node, pred) -> list[str]:
    return [q.object.value for q in _quads(store, node, pred)]


def _place_labels(store: "Store", node) -> list[str | None]:
    """The labels of the places of ``node`` (``[None]`` when it has none), as the names
    query's ``OPTIONAL { ?x gg:inPlace ?y . ?y skos:prefLabel ?pl }`` gives them."""
    out = [pl for q in _quads(store, node, _IN_PLACE) for pl in _label_of(store, q.object, _PREF)]
    return out or [None]


def _exact_person(store: "Store", name: str) -> set[tuple]:
    """``{(place, variant)}`` of the people stored under the name ``name`` exactly (what
    ``_names(store)["persons"][name]`` holds), by index lookups."""
    memo = _memo(store)
    if ("person", name) in memo:
        return memo[("person", name)]
    out = memo[("person", name)] = set()
    for q in _quads(store, None, _NAME, ox.Literal(name)):
        p = q.subject
        if next(_quads(store, p, _TYPE, _PERSON), None) is None:
            continue
        variants = _label_of(store, p, _VARIANT) or [None]
        out |= {(pl, v) for pl in _place_labels(store, p) for v in variants}
    return out


def _exact_unit(store: "Store", name: str) -> list[tuple]:
    """``(label, place)`` of the units the name ``name`` stands for as written, as
    ``resolve_unit_in``'s first step finds them with the whole catalogue (``UnitIndex``):
    per place, the catalogue unit of that name, else the first (by name) of those with it
    as an alias; then organisations outside the catalogue so labelled (groups ...).  Empty
    when the name is not stored as written (the caller then compares keys)."""
    if squash(name) != name:
        return []
    memo = _memo(store)
    if ("unit", name) in memo:
        return memo[("unit", name)]
    cat = ox.NamedNode(str(rdf.CATALOGUE_GRAPH))
    lit = ox.Literal(name)
    by_place: dict = {}  # place -> (own name?, label)
    units = set()
    for pred, own in ((_PREF, True), (_ALT, False)):  # own names first: they win in their place
        for q in _quads(store, None, pred, lit, cat):
            u = q.subject
            if next(_quads(store, u, _UNIT_TYPE, None, cat), None) is None:
                continue  # a parent or member the catalogue does not know: not a catalogue unit
            units.add(u)
            label = name if own else next(iter(_label_of(store, u, _PREF)), None)
            places = [q2.object for q2 in _quads(store, u, _IN_PLACE, None, cat)]
            for where in [next(iter(_label_of(store, pl, _PREF)), None) for pl in places] or [None]:
                best = by_place.get(where)
                if label is not None and (best is None or (not best[0] and not own and label < best[1])):
                    by_place[where] = (own, label)
    found = [(label, where) for where, (_, label) in by_place.items()]
    for q in _quads(store, None, _PREF, lit):
        if q.subject in units or next(_quads(store, q.subject, _TYPE, _ORGANIZATION), None) is None:
            continue
        found += [(name, pl) for pl in _place_labels(store, q.subject)
                  if pl not in by_place and not (pl is None and by_place)]  # no place: any place's unit wins
    memo[("unit", name)] = found
    return found


def _exact_group(store: "Store", name: str) -> set[str | None]:
    """The places of the groups labelled ``name`` exactly (what ``resolve_group_in``'s table of
    every group holds for it), by index lookups: a group question's first call then does not
    read every group of the store (0.1 s at 10,000 notices)."""
    memo = _memo(store)
    if ("group", name) not in memo:
        memo[("group", name)] = {pl for q in _quads(store, None, _PREF, ox.Literal(name))
                                 if next(_quads(store, q.subject, _TYPE, _GROUP), None) is not None
                                 for pl in _place_labels(store, q.subject)}
    return memo[("group", name)]


def _memo(store: "Store") -> dict:
    """The names looked up in ``store`` so far, for its generation (``_exact_unit`` ...)."""
    cache = getattr(store, "_query_exact", None)
    if cache is None or cache[0] != store.generation:
        cache = store._query_exact = (store.generation, {})
    return cache[1]


def _unit_titles(store: "Store", unit: str, place: str | None) -> set[str]:
    """The titles of the posts of the unit ``unit`` (a label, in ``place``): of the unit node
    and of the group node of that name, as ``_names(store)["titles"]`` has them."""
    out = set()
    for node in (rdf.unit_iri(unit, place), rdf.group_iri(unit, place)):
        for q in _quads(store, None, _POST_IN, ox.NamedNode(str(node))):
            for r in _quads(store, q.subject, _ROLE):
                out.update(_label_of(store, r.object, _PREF))
    return out


def _count_notices(store: "Store", iri) -> int:
    """Notices that mention a unit (the catalogue's gg:mentionedIn) or name the node."""
    node = f"<{iri}>"
    r = store.ox.query(f"SELECT (COUNT(DISTINCT ?d) AS ?c) WHERE {{ {node} gg:mentionedIn ?d }}", prefixes=rdf.PREFIXES)
    n = int(next(iter(r))[0].value)
    if n:
        return n
    r = store.ox.query(f"SELECT (COUNT(DISTINCT ?g) AS ?c) WHERE {{ GRAPH ?g {{ {node} ?p ?o }} }}",
                       prefixes=rdf.PREFIXES)
    return int(next(iter(r))[0].value)


def _pick(store: "Store", kind: str, name: str, found: list[tuple], place: str | None,
          iri) -> tuple[str, str | None]:
    """One (label, place) of the candidates, or QueryError: none in ``place``, or
    several places and no ``place`` to choose (every candidate listed with its place
    and notice count)."""
    from govgraph.identity import place_matches

    found = sorted(set(found), key=lambda c: (c[1] or "", c[0], tuple(x or "" for x in c[2:])))
    if place:
        inside = [c for c in found if c[1] is not None and place_matches(c[1], place)]
        if not inside:
            where = ", ".join(sorted({c[1] or "(no place)" for c in found}))
            raise QueryError(f"no {kind} {name!r} in {place}; it is known in: {where}")
        found = inside
    if len({c[1:] for c in found}) > 1:
        counts = [_count_notices(store, iri(*c)) for c in found]
        rows = [f"  {c[0]} ({c[1] or 'no place'}{', the one of ' + c[2] if c[2:] and c[2] else ''}, "
                f"{n} notice{'' if n == 1 else 's'})" for c, n in zip(found, counts)]
        raise QueryError(f"{kind} {name!r} is ambiguous: it names {len(found)} {kind}s in different places; "
                         f"choose one with --place:\n" + "\n".join(rows))
    return found[0]


def resolve_unit(store: "Store", name: str, place: str | None = None) -> str:
    """Canonical label of the unit ``name`` (any alias) in ``store``."""
    return resolve_unit_in(store, name, place)[0]


def resolve_unit_in(store: "Store", name: str, place: str | None = None) -> tuple[str, str | None]:
    """``(label, place)`` of the unit ``name`` (any alias; in ``place``, at any level of
    detail, when given); QueryError if unknown, or ambiguous across places.  A name as
    written (layout spaces aside) wins in every place over one that matches only by
    ``identity.loose`` (full-width forms, the script)."""
    found = _exact_unit(store, name) or _unit_candidates(store, name)
    return _pick(store, "unit", name, found, place, rdf.unit_iri)


def _unit_candidates(store: "Store", name: str) -> list[tuple]:
    """``(label, place)`` of the units and organisations ``name`` may stand for, compared
    with every name of the store (``_names``); QueryError with close names if none."""
    names = _names(store)
    orgs, cat = names["orgs"], names["catalogue"]
    found = _orgs([(c, p) for p, c in cat.index.candidates(name)], orgs, cat, (name, compact(name)))
    if not found:
        found = _orgs([(c, p) for p, c in names["units"].candidates(name)], orgs, cat,
                      (names["org_keys"].get(loose(name)),))
    if not found:
        raise QueryError(f"unknown unit {name!r}" + suggest(name, [*orgs, *names["units"].names()]))
    return found


def _orgs(found: list[tuple], orgs: dict, cat, labels) -> list[tuple]:
    """``found`` (catalogue units) and, if none yet, the organisations outside the catalogue
    (groups ...) with the first of ``labels`` that has some."""
    for label in labels:
        for p in orgs.get(label, ()):
            if cat.lookup(label, p) is None:
                found.append((label, p))
        if found:
            break
    return found


def resolve_person(store: "Store", name: str, place: str | None = None) -> str:
    """The stored name of the person ``name`` (spaces ignored)."""
    return resolve_person_in(store, name, place)[0]


def resolve_person_in(store: "Store", name: str, place: str | None = None) -> tuple[str, str | None, str | None]:
    """``(name, place, variant)`` of the person ``name``: the same name in two places is two
    people (unless a decision joins them); ``variant``: one of two people of that name in one
    place that a decision splits (``loaders.decisions``)."""
    found = _exact_person(store, name)
    if not found:
        name, found = _person_candidates(store, name)
    return _pick(store, "person", name, [(name, p, v) for p, v in found], place, rdf.person_iri)


def _person_candidates(store: "Store", name: str) -> tuple[str, set]:
    """The stored name ``name`` stands for and its ``{(place, variant)}``, compared with every
    name of the store (``_names``); QueryError with close names if none."""
    names = _names(store)
    persons = names["persons"]
    if name not in persons:
        found = _by_key(name, names["person_keys"])
        if found is None:
            raise QueryError(f"unknown person {name!r}" + suggest(name, persons))
        name = found
    return name, persons[name]


def resolve_group_in(store: "Store", name: str, place: str | None = None) -> tuple[str, str | None]:
    """``(name, place)`` of the group ``name`` (as written, layout spaces ignored; in ``place``
    when given); QueryError with the closest group names if unknown, or ambiguous across places."""
    exact = _exact_group(store, name)
    if exact:  # as stored: a few index lookups
        return _pick(store, "group", name, [(name, p) for p in exact], place, rdf.group_iri)
    groups, keys = _groups(store)
    label = name if name in groups else _by_key(name, keys)
    if label is None:
        raise QueryError(f"unknown group {name!r}" + suggest(name, groups))
    return _pick(store, "group", name, [(label, p) for p in groups[label]], place, rdf.group_iri)


def _groups(store: "Store") -> tuple[dict[str, set], tuple[dict, dict]]:
    """Every group label with the places of the groups so labelled, and their keys (cached per
    store generation): for a name not stored as written, and the close names of an unknown one."""
    cache = getattr(store, "_query_groups", None)
    if cache is None or cache[0] != store.generation:
        groups: dict[str, set] = {}
        for r in store.ox.query("SELECT DISTINCT ?l ?pl WHERE { ?g a gg:Group ; skos:prefLabel ?l . "
                                "OPTIONAL { ?g gg:inPlace ?x . ?x skos:prefLabel ?pl } }", prefixes=rdf.PREFIXES):
            groups.setdefault(r[0].value, set()).add(None if r[1] is None else r[1].value)
        cache = store._query_groups = (store.generation, groups, _keys(groups))
    return cache[1], cache[2]


def _resolve_title(store: "Store", unit: str, title: str, place: str | None = None) -> str:
    known = _unit_titles(store, unit, place)
    if title in known:
        return title
    found = _by_key(title, _keys(known))
    if found is not None:
        return found
    titles = _names(store)["titles"]
    everywhere = set().union(*titles.values()) if titles else set()
    hint = f"; posts of {unit}: {', '.join(sorted(known))}" if known else \
        suggest(title, sorted(everywhere))
    raise QueryError(f"no post {title!r} in {unit}" + (f" ({place})" if place else "") + hint)


def _keys(names) -> tuple[dict, dict]:
    """``compact`` and ``loose`` key -> name, for ``_by_key``."""
    return {compact(n): n for n in names}, {loose(n): n for n in names}


def _by_key(name: str, keys: tuple[dict, dict]) -> str | None:
    """The name ``name`` stands for by ``compact`` key, else by ``loose`` key (a name
    written in its own script wins over one in the other script); None if neither."""
    by_compact, by_loose = keys
    return by_compact.get(compact(name)) or by_loose.get(loose(name))


# ------------------------------------------------------------ values

def _coerce(p: Param, value: Any, query: str) -> Any:
    where = f"{query}: parameter {p.name}"
    if p.type == "int":
        if isinstance(value, bool):
            raise QueryError(f"{where} must be an integer, not {value!r}")
        try:
            return int(value)
        except (TypeError, ValueError):
            raise QueryError(f"{where} must be an integer, not {value!r}") from None
    if p.type == "bool":
        if isinstance(value, bool):
            return value
        s = str(value).strip().lower()
        if s in ("1", "true", "yes", "y", "on"):
            return True
        if s in ("0", "false", "no", "n", "off", ""):
            return False
        raise QueryError(f"{where} must be true or false, not {value!r}")
    if p.type == "date":
        s = str(value).strip()
        try:
            date.fromisoformat(s)
        except ValueError:
            raise QueryError(f"{where} must be a date YYYY-MM-DD, not {value!r}") from None
        if not re.fullmatch(r"\d{4}-\d{2}-\d{2}", s):
            raise QueryError(f"{where} must be a date YYYY-MM-DD, not {value!r}")
        return s
    if p.type == "month":
        s = str(value).strip()
        if not re.fullmatch(r"\d{4}-(0[1-9]|1[0-2])", s):
            raise QueryError(f"{where} must be a month YYYY-MM, not {value!r}")
        return s
    if not isinstance(value, str):
        raise QueryError(f"{where} must be text, not {value!r}")
    return value


def _literal(p: Param, value: Any) -> Literal:
    if p.type == "int":
        return Literal(value, datatype=XSD.integer)
    if p.type == "bool":
        return Literal(value)
    if p.type == "date":
        return Literal(value, datatype=XSD.date)
    return Literal(value)


def bind(store: "Store", query: CannedQuery, params: dict) -> tuple[dict, int | None]:
    """Check, coerce and resolve ``params`` for ``query``: the argument values
    (variable -> rdflib Literal) and the row limit, if any."""
    params = {k.replace("-", "_"): v for k, v in params.items()}
    place = params.pop("place", None)
    if place is not None and not isinstance(place, str):
        raise QueryError(f"{query.name}: place must be text, not {place!r}")
    known = {p.name: p for p in query.params}
    unknown = set(params) - set(known)
    if unknown:
        raise QueryError(f"{query.name}: unknown parameter(s) {', '.join(sorted(unknown))}; "
                         f"it takes: {', '.join(known) or 'none'}")
    bindings: dict = {}
    limit = None
    values: dict = {}
    for p in query.params:
        v = params.get(p.name)
        if v is None:
            v = p.default
        if v is None:
            if p.required:
                raise QueryError(f"{query.name}: parameter {p.name} is required ({p.description})")
            continue
        values[p.name] = _coerce(p, v, query.name)
    for p in query.params:
        if p.name not in values:
            continue
        v = values[p.name]
        if p.type == "person":
            v, where, variant = resolve_person_in(store, v, place)
            if where is not None:
                bindings[f"{p.name}_place"] = Literal(where)
            if variant is not None:
                bindings[f"{p.name}_variant"] = Literal(variant)
        elif p.type == "unit":
            v, where = resolve_unit_in(store, v, place)
            if where is not None:
                bindings[f"{p.name}_place"] = Literal(where)
        elif p.type == "group":
            v, where = resolve_group_in(store, v, place)
            if where is not None:
                bindings[f"{p.name}_place"] = Literal(where)
        elif p.type == "title":
            unit = next((values[q.name] for q in query.params if q.type == "unit"), None)
            if unit:
                ulabel, uplace = resolve_unit_in(store, unit, place)
                v = _resolve_title(store, ulabel, v, uplace)
        if p.limit:
            if v < 0:
                raise QueryError(f"{query.name}: parameter {p.name} must be >= 0")
            limit = v
            continue
        bindings[p.name] = _literal(p, v)
    return bindings, limit


def relaxed(q: CannedQuery, bindings: dict, name: str) -> dict:
    """``bindings`` (from ``bind``) with the parameter ``name`` as if not given: at its
    default, else unbound (to ask whether that filter is what empties an answer)."""
    p = next(p for p in q.params if p.name == name)
    out = {k: v for k, v in bindings.items() if k != name}
    if p.default is not None:
        out[name] = _literal(p, _coerce(p, p.default, q.name))
    return out


def arguments(q: CannedQuery, bindings: dict) -> dict:
    """What ``gg:arg`` returns in ``q``: the ``bind`` values, and the nodes a resolved name
    stands for: ``NAME_iri`` (and for a unit ``NAME_group_iri``: a group's name can be
    written as a unit).  IRIs are hashes
    of the names (``rdf.unit_iri`` ...), so a question starts from the node with one
    lookup; matching the label through ``gg:arg`` would scan every label."""
    out: dict = {}
    for p in q.params:
        where = bindings.get(f"{p.name}_place")
        where = None if where is None else str(where)
        if p.name in bindings and p.type == "unit":
            out[f"{p.name}_iri"] = rdf.unit_iri(str(bindings[p.name]), where)
            out[f"{p.name}_group_iri"] = rdf.group_iri(str(bindings[p.name]), where)
        elif p.name in bindings and p.type == "group":
            out[f"{p.name}_iri"] = rdf.group_iri(str(bindings[p.name]), where)
        elif p.name in bindings and p.type == "person":
            variant = bindings.get(f"{p.name}_variant")
            out[f"{p.name}_iri"] = rdf.person_iri(str(bindings[p.name]), where,
                                                   None if variant is None else str(variant))
    return bindings | out
