"""Canned questions: the catalogue (``catalogue.toml`` + ``*.rq``), parameter
binding and running them on an RDF store.

Parameters reach the engine as RDF terms through ``gg:arg("name")``, never pasted into
the query text.  Names are resolved first: a unit by any alias
(``区科技经信局`` -> ``区科技和经信局``), a person by name; an unknown name
raises ``QueryError`` with the closest known names.

>>> [q.name for q in catalogue()][:2]
['appointment-history', 'post-holders']
>>> get("unit-load").columns
['unit', 'led', 'responsible', 'total']
"""

from __future__ import annotations

import difflib
import json
import re
import tomllib
import unicodedata
from dataclasses import dataclass, field
from datetime import date
from functools import lru_cache
from importlib import resources
from pathlib import Path
from typing import TYPE_CHECKING, Any

from rdflib import Literal
from rdflib.namespace import XSD

from govgraph.errors import QueryError
from govgraph.results import Result

if TYPE_CHECKING:  # pragma: no cover
    from govgraph.graph.rdf_store import Store

__all__ = ["Param", "CannedQuery", "Result", "catalogue", "get", "run", "sparql", "resolve_unit", "places_in",
           "with_places",
           "resolve_person", "resolve_unit_in", "resolve_person_in", "arguments", "answer_key", "materialised_answers"]

_PREFIXES = {"foaf": "http://xmlns.com/foaf/0.1/", "org": "http://www.w3.org/ns/org#",
             "skos": "http://www.w3.org/2004/02/skos/core#", "gg": "https://govgraph.dev/ontology#"}

PARAM_TYPES = ("person", "unit", "title", "string", "int", "bool", "date", "month")


@dataclass(frozen=True)
class Param:
    name: str
    type: str
    required: bool = False
    default: Any = None
    limit: bool = False  # not bound: keeps the first N rows
    description: str = ""


@dataclass(frozen=True)
class CannedQuery:
    name: str
    file: str
    description: str
    columns: list[str]
    order: str
    params: tuple[Param, ...] = ()
    example: dict = field(default_factory=dict)
    materialise: tuple[dict, ...] = ()  # parameter sets answered at build time
    narrow: dict = field(default_factory=dict)  # month param -> column it narrows
    place: str = ""  # where the place column comes from: "row", or a unit/person parameter

    @property
    def row_place(self) -> bool:
        """Whether the question returns a ``place`` column of its own (besides ``columns``)."""
        return self.place == "row"

    def place_columns(self) -> list[str]:
        """``columns`` and ``place``: the answer with its place column."""
        return list(self.columns) + ["place"]

    @property
    def text(self) -> str:
        return _read(self.file)

    @property
    def sort_keys(self) -> list[tuple[str, bool]] | None:
        """``order`` as (column, descending) pairs when it is a list of columns, else None."""
        keys = []
        known = self.columns + (["place"] if self.row_place else [])
        for part in self.order.split(","):
            words = part.split()
            if not words or words[0] not in known or words[1:] not in ([], ["DESC"], ["ASC"]):
                return None
            keys.append((words[0], words[1:] == ["DESC"]))
        return keys or None

    @property
    def unordered_text(self) -> str | None:
        """The query without its final ``ORDER BY`` line, when the rows can be sorted
        by ``sort_keys`` instead (Oxigraph's ORDER BY decodes the strings at every
        comparison: 0.1 s for 1,500 rows; sorting them in Python takes a millisecond)."""
        lines = self.text.rstrip().splitlines()
        if self.sort_keys is None or not lines[-1].startswith("ORDER BY"):
            return None
        return "\n".join(lines[:-1]) + "\n"

    def sort(self, rows: list[dict]) -> list[dict]:
        """Rows in the question's order: code point order, unbound first (as SPARQL)."""
        for col, desc in reversed(self.sort_keys or []):
            rows.sort(key=lambda r: (r[col] is not None, "" if r[col] is None else r[col]), reverse=desc)
        return rows

    def header(self) -> str:
        """The ``#`` comment lines at the top of the ``.rq`` file."""
        lines = []
        for line in self.text.splitlines():
            if not line.startswith("#"):
                break
            lines.append(line[1:].strip())
        return "\n".join(lines)


def _files():
    return resources.files(__package__)


@lru_cache(maxsize=None)
def _read(name: str) -> str:
    return _files().joinpath(name).read_text(encoding="utf-8")


@lru_cache(maxsize=1)
def _load() -> tuple[CannedQuery, ...]:
    data = tomllib.loads(_read("catalogue.toml"))
    out = []
    for q in data.get("query", []):
        params = tuple(Param(name=p["name"], type=p["type"], required=bool(p.get("required")),
                             default=p.get("default"), limit=bool(p.get("limit")),
                             description=p.get("description", "")) for p in q.get("params", []))
        for p in params:
            if p.type not in PARAM_TYPES:
                raise QueryError(f"catalogue.toml: {q['name']}: unknown param type {p.type!r}")
        narrow = dict(q.get("narrow", {}))
        for pname, col in narrow.items():
            p = next((p for p in params if p.name == pname), None)
            if p is None or p.type != "month" or col not in q["columns"]:
                raise QueryError(f"catalogue.toml: {q['name']}: narrow needs a month parameter "
                                 f"and a column, not {pname!r} = {col!r}")
        out.append(CannedQuery(name=q["name"], file=q["file"], description=q.get("description", ""),
                               columns=list(q["columns"]), order=q.get("order", ""),
                               params=params, example=dict(q.get("example", {})),
                               materialise=tuple(dict(m) for m in q.get("materialise", [])),
                               narrow=narrow, place=q.get("place", "")))
    return tuple(out)


def catalogue() -> list[CannedQuery]:
    """The canned questions, in catalogue order."""
    return list(_load())


def get(name: str) -> CannedQuery:
    """The canned question ``name``; ``QueryError`` with suggestions if unknown."""
    by_name = {q.name: q for q in _load()}
    if name in by_name:
        return by_name[name]
    raise QueryError(f"no canned question {name!r}" + _suggest(name, by_name))


# ---------------------------------------------------------------- names

def _suggest(name: str, known) -> str:
    close = difflib.get_close_matches(name, sorted(known), n=5, cutoff=0.4)
    return f"; did you mean: {', '.join(close)}?" if close else ""


def _norm(s: str) -> str:
    return re.sub(r"\s+", "", unicodedata.normalize("NFKC", s))


def _names(store: "Store") -> dict:
    """Person names, unit labels (-> canonical) and post titles per unit, with the
    places they are in, cached per store generation."""
    cache = getattr(store, "_query_names", None)
    if cache is not None and cache[0] == store.generation:
        return cache[1]
    def q(text):
        return store.ox.query(text, prefixes=_PREFIXES)

    def val(t):
        return None if t is None else t.value

    persons: dict[str, set] = {}  # name -> {(place, variant)}
    for r in q("SELECT DISTINCT ?n ?pl ?v WHERE { ?p a foaf:Person ; foaf:name ?n . "
               "OPTIONAL { ?p gg:inPlace ?x . ?x skos:prefLabel ?pl } OPTIONAL { ?p gg:variant ?v } }"):
        persons.setdefault(r[0].value, set()).add((val(r[1]), val(r[2])))
    labels: dict[str, str] = {}
    orgs: dict[str, set] = {}  # label -> places of the organisations (units, groups) so labelled
    for r in q("SELECT DISTINCT ?l ?pl WHERE { ?u a org:Organization ; skos:prefLabel ?l . "
               "OPTIONAL { ?u gg:inPlace ?x . ?x skos:prefLabel ?pl } }"):
        labels[r[0].value] = r[0].value
        orgs.setdefault(r[0].value, set()).add(val(r[1]))
    cat = store.catalogue(docs=False)
    for u in cat.units:
        for a in u["aliases"]:
            labels.setdefault(a, u["name"])
    titles: dict[tuple, set] = {}
    for r in q("SELECT DISTINCT ?u ?t ?pl WHERE { ?post a org:Post ; org:postIn ?x ; org:role ?r . "
               "?r skos:prefLabel ?t . ?x skos:prefLabel ?u . OPTIONAL { ?x gg:inPlace ?y . ?y skos:prefLabel ?pl } }"):
        titles.setdefault((r[0].value, val(r[2])), set()).add(r[1].value)
    names = {"persons": persons, "labels": labels, "orgs": orgs, "titles": titles, "catalogue": cat}
    store._query_names = (store.generation, names)
    return names


def _count_notices(store: "Store", iri) -> int:
    """Notices that mention a unit (the catalogue's gg:mentionedIn) or name the node."""
    node = f"<{iri}>"
    r = store.ox.query(f"SELECT (COUNT(DISTINCT ?d) AS ?c) WHERE {{ {node} gg:mentionedIn ?d }}", prefixes=_PREFIXES)
    n = int(next(iter(r))[0].value)
    if n:
        return n
    r = store.ox.query(f"SELECT (COUNT(DISTINCT ?g) AS ?c) WHERE {{ GRAPH ?g {{ {node} ?p ?o }} }}",
                       prefixes=_PREFIXES)
    return int(next(iter(r))[0].value)


def _pick(store: "Store", kind: str, name: str, found: list[tuple], place: str | None,
          iri) -> tuple[str, str | None]:
    """One (label, place) of the candidates, or QueryError: none in ``place``, or
    several places and no ``place`` to choose (every candidate listed with its place
    and notice count)."""
    from govgraph.loaders.places import place_matches

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
    detail, when given); QueryError if unknown, or ambiguous across places."""
    from govgraph.graph import rdf_terms as rdf

    names = _names(store)
    labels, orgs, cat = names["labels"], names["orgs"], names["catalogue"]
    found: list[tuple] = list((c, p) for p, c in cat.index.candidates(name))
    for key in (name, _norm(name)):
        for p in orgs.get(key, ()):
            if cat.lookup(key, p) is None:
                found.append((key, p))
        if found:
            break
    if not found:
        loose = {_norm(k): v for k, v in labels.items()}
        if _norm(name) in loose:
            label = loose[_norm(name)]
            found = [(c, p) for p, c in cat.index.candidates(label)] + \
                [(label, p) for p in orgs.get(label, ()) if cat.lookup(label, p) is None]
    if not found:
        raise QueryError(f"unknown unit {name!r}" + _suggest(name, labels))
    return _pick(store, "unit", name, found, place, rdf.unit_iri)


def resolve_person(store: "Store", name: str, place: str | None = None) -> str:
    """The stored name of the person ``name`` (spaces ignored)."""
    return resolve_person_in(store, name, place)[0]


def resolve_person_in(store: "Store", name: str, place: str | None = None) -> tuple[str, str | None, str | None]:
    """``(name, place, variant)`` of the person ``name``: the same name in two places is two
    people (unless a decision joins them); ``variant``: one of two people of that name in one
    place that a decision splits (``loaders.decisions``)."""
    from govgraph.graph import rdf_terms as rdf

    persons = _names(store)["persons"]
    if name not in persons:
        loose = {_norm(p): p for p in persons}
        if _norm(name) not in loose:
            raise QueryError(f"unknown person {name!r}" + _suggest(name, persons))
        name = loose[_norm(name)]
    return _pick(store, "person", name, [(name, p, v) for p, v in persons[name]], place, rdf.person_iri)


def _resolve_title(store: "Store", unit: str, title: str, place: str | None = None) -> str:
    titles = _names(store)["titles"]
    known = titles.get((unit, place), set())
    if title in known:
        return title
    if _norm(title) in {_norm(t): t for t in known}:
        return {_norm(t): t for t in known}[_norm(title)]
    everywhere = set().union(*titles.values()) if titles else set()
    hint = f"; posts of {unit}: {', '.join(sorted(known))}" if known else \
        _suggest(title, everywhere)
    raise QueryError(f"no post {title!r} in {unit}" + (f" ({place})" if place else "") + hint)


# ------------------------------------------------------------ parameters

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


# -------------------------------------------------------------- running

def run(store: "Store", name: str, *, engine: str = "oxigraph", live: bool = False,
        with_place: bool | None = False, **params: Any) -> Result:
    """Run the canned question ``name`` on ``store`` with ``params``.

    The question reads its parameters with ``gg:arg("name")``, evaluated inside
    the engine (Oxigraph's own by default; ``engine="rdflib"`` for rdflib's), so
    values never enter the query text.  Parameters the catalogue marks
    ``materialise`` read the rows the last build computed with the same query
    (``live=True`` evaluates it anyway).  Returns ``Result(columns, rows)``: rows
    are dicts of plain str / int values, in the order the question defines.
    ``with_place``: add a ``place`` column (the place of each row's unit or person, or
    of the name asked about); ``None``: when the store holds notices of several places.
    """
    q = get(name)
    bindings, limit = bind(store, q, params)
    if with_place is None:
        with_place = len(places_in(store)) > 1
    rows = None
    if engine == "oxigraph" and not live:
        rows = _stored_answer(store, q, bindings, with_place)
    if rows is None:
        rows = _evaluate(store, q, arguments(q, bindings), engine)
    if limit is not None:
        rows = rows[:limit]
    return with_places(store, q, bindings, rows, with_place)


def places_in(store: "Store") -> list[str]:
    """The jurisdictions of the store's notices (cached per store generation)."""
    cache = getattr(store, "_query_places", None)
    if cache is not None and cache[0] == store.generation:
        return cache[1]
    rows = store.ox.query("SELECT DISTINCT ?l WHERE { ?n gg:jurisdiction ?p . ?p skos:prefLabel ?l }",
                          prefixes=_PREFIXES)
    out = sorted(r[0].value for r in rows)
    store._query_places = (store.generation, out)
    return out


def with_places(store: "Store", q: CannedQuery, bindings: dict, rows: list[dict],
                with_place: bool | None) -> Result:
    """The answer with or without its place column (see ``run``)."""
    if with_place is None:
        with_place = len(places_in(store)) > 1
    if not with_place:
        return Result(list(q.columns), [{c: r.get(c) for c in q.columns} for r in rows])
    if q.row_place:
        return Result(q.place_columns(), [{c: r.get(c) if c != "place" else (r.get("place") or "")
                                           for c in q.place_columns()} for r in rows])
    where = bindings.get(f"{q.place}_place") if q.place else None
    where = "" if where is None else str(where)
    return Result(q.place_columns(), [{**{c: r.get(c) for c in q.columns}, "place": where} for r in rows])


def _evaluate(store: "Store", q: CannedQuery, args: dict, engine: str = "oxigraph") -> list[dict]:
    unordered = q.unordered_text if engine == "oxigraph" else None
    res = store.sparql(unordered or q.text, args=args, engine=engine)
    cols = q.place_columns() if q.row_place else q.columns
    rows = [{c: r.get(c) for c in cols} for r in res.rows]
    return q.sort(rows) if unordered else rows


def arguments(q: CannedQuery, bindings: dict) -> dict:
    """What ``gg:arg`` returns in ``q``: the ``bind`` values, and the nodes a resolved name
    stands for: ``NAME_iri`` (and for a unit ``NAME_group_iri``: a group's name can be
    written as a unit).  IRIs are hashes
    of the names (``rdf.unit_iri`` ...), so a question starts from the node with one
    lookup; matching the label through ``gg:arg`` would scan every label."""
    from govgraph.graph import rdf_terms as rdf

    out: dict = {}
    for p in q.params:
        where = bindings.get(f"{p.name}_place")
        where = None if where is None else str(where)
        if p.name in bindings and p.type == "unit":
            out[f"{p.name}_iri"] = rdf.unit_iri(str(bindings[p.name]), where)
            out[f"{p.name}_group_iri"] = rdf.group_iri(str(bindings[p.name]), where)
        elif p.name in bindings and p.type == "person":
            variant = bindings.get(f"{p.name}_variant")
            out[f"{p.name}_iri"] = rdf.person_iri(str(bindings[p.name]), where,
                                                   None if variant is None else str(variant))
    return bindings | out


def answer_key(bindings: dict) -> str:
    """The key of a materialised answer: the bound parameters as canonical JSON."""
    return json.dumps({k: str(v) for k, v in sorted(bindings.items())}, ensure_ascii=False)


def _place_key(bindings: dict) -> str:
    """The key of a materialised answer with its place column."""
    return answer_key(dict(bindings, place_column="1"))


def _stored_answer(store: "Store", q: CannedQuery, bindings: dict, with_place: bool = False) -> list[dict] | None:
    if not q.materialise:
        return None
    rest = {k: v for k, v in bindings.items() if k not in q.narrow}
    rows = store.answer(q.name, _place_key(rest) if with_place and q.row_place else answer_key(rest))
    if rows is None:
        return None
    for pname, col in q.narrow.items():
        if pname in bindings:
            prefix = f"{bindings[pname]}-"
            rows = [r for r in rows if str(r.get(col) or "").startswith(prefix)]
    return [dict(r) for r in rows]


def materialised_answers(store: "Store"):
    """Yield ``(question, key, rows)`` for every parameter set the catalogue marks
    ``materialise``, evaluated on ``store`` (what a build stores)."""
    for q in _load():
        for params in q.materialise:
            bindings, _ = bind(store, q, params)
            rows = _evaluate(store, q, arguments(q, bindings))
            yield q.name, answer_key(bindings), [{c: r.get(c) for c in q.columns} for r in rows]
            if q.row_place:
                yield q.name, _place_key(bindings), rows


def sparql(store: "Store", text_or_path: str | Path, bindings: dict | None = None) -> Result:
    """Run the analyst's own SPARQL (text, or a path to a ``.rq`` file)."""
    text = str(text_or_path)
    p = Path(text)
    if isinstance(text_or_path, Path) or (len(text) < 1024 and "\n" not in text and text.endswith(".rq")):
        try:
            text = p.read_text(encoding="utf-8")
        except OSError as e:
            raise QueryError(f"cannot read SPARQL file {p}: {e}") from None
    return store.sparql(text, bindings=bindings)
