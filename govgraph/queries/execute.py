"""Running a canned question on the RDF store: the stored answer when the build
materialised it (``id:graph/answers``), else the query evaluated by the engine; the
rows sorted, cut to a ``limit`` parameter, and given a place column when asked.
Also the analyst's own SPARQL (``sparql``); the answers a build stores are kept by
``maintain``.  An empty answer says why
(``explain``: ``Result.reason``).
"""

from __future__ import annotations

import json
from pathlib import Path
from typing import TYPE_CHECKING, Any

from govgraph.errors import QueryError
from govgraph.graph.rdf_terms import PREFIXES
from govgraph.results import Result

from .questions import ROW_KEY, CannedQuery, get, load
from .parameters import arguments, bind, relaxed
from .steps import STEPS

if TYPE_CHECKING:  # pragma: no cover
    from govgraph.graph.rdf_store import Store

__all__ = ["run", "finish", "places_in", "with_places", "explain", "answer_key", "place_key", "evaluate",
           "sparql"]


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
        rows = evaluate(store, q, arguments(q, bindings), engine)
    if limit is not None:
        rows = rows[:limit]
    return explain(store, q, bindings, with_places(store, q, bindings, rows, with_place), limit)


def places_in(store: "Store") -> list[str]:
    """The jurisdictions of the store's notices (cached per store generation)."""
    cache = getattr(store, "_query_places", None)
    if cache is not None and cache[0] == store.generation:
        return cache[1]
    rows = store.ox.query("SELECT DISTINCT ?l WHERE { ?n gg:jurisdiction ?p . ?p skos:prefLabel ?l }",
                          prefixes=PREFIXES)
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


def evaluate(store: "Store", q: CannedQuery, args: dict, engine: str = "oxigraph",
             text: str | None = None, keyed: bool = False) -> list[dict]:
    """The rows of ``q`` evaluated on ``store`` (the query's columns, and ``place`` when the
    question has a place column of its own), in the question's order. ``text``: another
    text of the query (without ``ORDER BY``: ``CannedQuery.restricted``).  ``keyed``: each
    row also names its key node (``ROW_KEY``: its IRI), as the build stores them."""
    unordered = text or (q.unordered_text if engine == "oxigraph" else None)
    run = unordered or q.text
    res = store.sparql(q.with_key(run) if keyed else run, args=args, engine=engine)
    cols = q.query_columns + (["place"] if q.row_place else [])
    rows = res.rows
    if keyed:
        key = q.update["key"]
        for i, r in enumerate(rows):
            rows[i] = {**{c: r.get(c) for c in cols}, ROW_KEY: r.get(key)}
    elif list(res.columns) != cols:
        for i, r in enumerate(rows):  # in place: a big answer's rows are not held twice
            rows[i] = {c: r.get(c) for c in cols}
    return finish(q, q.sort(q.concatenated(rows, unordered)) if unordered else rows)


def finish(q: CannedQuery, rows: list[dict]) -> list[dict]:
    """The answer from the query's rows (either backend's): the question's step
    (``then`` in the catalogue, ``steps.STEPS``), if it has one."""
    return STEPS[q.then](rows) if q.then else rows


# ------------------------------------------------------------ empty answers

def explain(store: "Store", q: CannedQuery, bindings: dict, result: Result, limit: int | None = None) -> Result:
    """``result``, with ``reason`` (one line) when it has no row: see ``empty_reason``."""
    if not result.rows:
        result.reason = empty_reason(store, q, bindings, limit)
    return result


def empty_reason(store: "Store", q: CannedQuery, bindings: dict, limit: int | None = None) -> str:
    """Why the question ``q`` has no row for ``bindings`` (from ``bind``), in one line: a row
    limit of 0; a store without notices; a filter parameter that matched nothing (the question
    without it has rows: its ``empty`` message in the catalogue, else a generic one); else the
    question's ``empty`` message (names, dates ... filled in), else a generic one."""
    values = {k: str(v) for k, v in bindings.items()}
    if limit == 0:
        return "a row limit of 0 keeps no row"
    if not bool(store.ox.query("ASK { GRAPH ?g { ?g dcterms:identifier ?doc } }", prefixes=PREFIXES)):
        return "the store holds no notice"
    full = evaluate(store, q, arguments(q, bindings))
    if full:  # the store answers: the rows were lost on the way (another backend)
        return (f"the store has {len(full)} row{'' if len(full) == 1 else 's'} for this question, "
                f"but none came back: is the Neo4j database loaded from this store?")
    for p in q.params:
        if p.limit or p.required or p.type in _NAMES or p.name not in bindings:
            continue
        if p.default is not None and bindings[p.name] == relaxed(q, bindings, p.name).get(p.name):
            continue  # the default: not a filter the user set
        n = len(evaluate(store, q, arguments(q, relaxed(q, bindings, p.name))))
        if n:
            why = _fill(p.empty, values) or f"no row has {p.name} = {values[p.name]}"
            return f"{why} (without {p.name}: {n} row{'' if n == 1 else 's'})"
    named = ", ".join(f"{p.name} {values[p.name]}" for p in q.params if p.type in _NAMES and p.name in values)
    return _fill(q.empty, values) or f"no {q.name} row{' for ' + named if named else ''} in this store"


_NAMES = ("person", "unit", "title", "group")  # parameters resolved to a name in the store


def _fill(template: str, values: dict) -> str:
    """``template`` with its ``{param}`` fields filled from ``values`` (unknown ones kept)."""
    class Keep(dict):
        def __missing__(self, key):
            return "{" + key + "}"

    return template.format_map(Keep(values))


def answer_key(bindings: dict) -> str:
    """The key of a materialised answer: the bound parameters as canonical JSON."""
    return json.dumps({k: str(v) for k, v in sorted(bindings.items())}, ensure_ascii=False)


def place_key(bindings: dict) -> str:
    """The key of a materialised answer with its place column."""
    return answer_key(dict(bindings, place_column="1"))


def _stored_answer(store: "Store", q: CannedQuery, bindings: dict, with_place: bool = False) -> list[dict] | None:
    if not q.materialise:
        return None
    key = place_key if with_place and q.row_place else answer_key
    if any(p in bindings for p in q.narrow):  # the rows of one month, stored apart (``maintain``)
        rows = store.answer(q.name, key(bindings))
        if rows is not None:
            return _shown(rows)
    rows = store.answer(q.name, key({k: v for k, v in bindings.items() if k not in q.narrow}))
    if rows is None:
        return None
    for pname, col in q.narrow.items():
        if pname in bindings:
            prefix = f"{bindings[pname]}-"
            rows = [r for r in rows if str(r.get(col) or "").startswith(prefix)]
    return _shown(rows)


def _shown(rows: list[dict]) -> list[dict]:
    """Copies of stored rows without their key node (``ROW_KEY``), a column of the build's only."""
    return [{c: v for c, v in r.items() if c != ROW_KEY} for r in rows]


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
