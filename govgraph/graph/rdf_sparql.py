"""The two SPARQL engines over a store's Oxigraph database, and their results as
plain ``Result`` rows (``Store.sparql``).

Oxigraph's own engine is the default; rdflib's runs over the same database when a
query has ``bindings`` (rdflib ``initBindings``), or when asked.  In both, a canned
question reads its parameters with ``gg:arg("name")``, evaluated inside the
engine, so values never enter the query text (but an anchor node's IRI, given to
Oxigraph's planner as a constant: ``anchored``).

>>> import pyoxigraph as ox
>>> db = ox.Store()
>>> query(db, 'SELECT ?x WHERE { BIND(gg:arg("n") + 1 AS ?x) }', args={"n": 41}).rows
[{'x': 42}]
>>> query(db, 'SELECT ?x WHERE { BIND(gg:arg("n") AS ?x) }', args={"n": "a"}, engine="rdflib").rows
[{'x': 'a'}]
"""

from __future__ import annotations

import contextlib
import contextvars
import functools
import json
import re
from collections.abc import Mapping

import pyoxigraph as ox
from oxrdflib import OxigraphStore
from rdflib import Dataset, Literal, URIRef, Variable
from rdflib.graph import DATASET_DEFAULT_GRAPH_ID

from govgraph.errors import QueryError, StoreError
from govgraph.results import Result

from .rdf_terms import ARG, PREFIXES, XSD, from_ox, to_ox

__all__ = ["ENGINES", "query", "query_args", "anchored", "one_call", "solutions"]

ENGINES = ("oxigraph", "rdflib")

# ------------------------------------------------------------------ gg:arg in rdflib's engine

_ARGS: contextvars.ContextVar = contextvars.ContextVar("govgraph_query_args", default={})


def _rdflib_arg(name):
    v = _ARGS.get().get(str(name))
    if v is None:
        raise _SparqlError(f"no value for parameter {name}")
    return v if isinstance(v, (URIRef, Literal)) else Literal(v)


@contextlib.contextmanager
def query_args(values: dict):
    """Make ``values`` what ``gg:arg`` returns in rdflib's engine, for the duration."""
    token = _ARGS.set(dict(values))
    try:
        yield
    finally:
        _ARGS.reset(token)


try:  # rdflib's engine: the same function, for comparisons and the in-memory benchmark
    from rdflib.plugins.sparql.operators import register_custom_function as _register
    from rdflib.plugins.sparql.sparql import SPARQLError as _SparqlError

    _register(ARG, _rdflib_arg, override=True)
except ImportError:  # pragma: no cover
    _SparqlError = Exception


# ------------------------------------------------------------ rdflib's view of the store

class _UnionView(OxigraphStore):
    """The Oxigraph store as rdflib's SPARQL engine should see it: the default
    graph is the stored union of all graphs, and plain strings are plain
    literals.  Used when a query has parameter bindings, so they are visible in
    every scope (rdflib ``initBindings`` semantics)."""

    def triples(self, triple_pattern, context=None):
        s, p, o = (None if x is None or isinstance(x, Variable) else to_ox(x) for x in triple_pattern)
        ident = getattr(context, "identifier", context)
        if ident is None or ident == DATASET_DEFAULT_GRAPH_ID or str(ident) == "__UNION__":
            gname = ox.DefaultGraph()
        else:
            gname = to_ox(URIRef(str(ident)))
        quads = self._inner.quads_for_pattern(s, p, o, gname)
        return (((from_ox(q.subject), from_ox(q.predicate), from_ox(q.object)), iter(()))
                for q in quads)


# ------------------------------------------------------------------ running

def query(db: ox.Store, text: str, bindings: Mapping[str, object] | None = None,
          engine: str | None = None, args: Mapping[str, object] | None = None) -> Result:
    """Run a SPARQL query on ``db`` (see ``Store.sparql``)."""
    engine = engine or ("rdflib" if bindings else "oxigraph")
    if engine not in ENGINES:
        raise QueryError(f"unknown SPARQL engine {engine!r}; use rdflib or oxigraph")
    if bindings and engine == "oxigraph":
        raise QueryError("bindings need the rdflib engine; use args with gg:arg(\"name\") instead")
    try:
        if engine == "oxigraph":
            return _ox_query(db, text, args or {})
        init = {str(k).lstrip("?$"): _term(v) for k, v in (bindings or {}).items()}
        with query_args({k: _term(v) for k, v in (args or {}).items() if v is not None}):
            ds = Dataset(store=_UnionView(store=db), default_union=False)
            res = ds.query(text, initNs=PREFIXES, initBindings=init, use_store_provided=False)
            return _rdflib_result(res)  # evaluated here, while the arguments are set
    except (StoreError, QueryError):
        raise
    except Exception as e:  # parse and evaluation errors of either engine
        raise QueryError(f"SPARQL query failed: {e}".splitlines()[0]) from None


#: ``BIND(gg:arg("name") AS ?var)``, the way a question anchors on a resolved node
_ANCHOR = re.compile(r'BIND\(\s*gg:arg\("(\w+)"\)\s+AS\s+\?(\w+)\s*\)')


def anchored(text: str, values: Mapping[str, object]) -> str:
    """``text`` with each ``BIND(gg:arg("name") AS ?var)`` whose value is an IRI written as
    ``VALUES ?var { <iri> }``: the same solutions (``?var`` is new in its group), but Oxigraph's
    planner then starts from that one node instead of reading every node of its type and
    joining (3-20x faster at 30k notices).  Only IRIs are written in, each checked by
    ``pyoxigraph.NamedNode`` (no ``>``, space or quote can pass); text values stay
    arguments.

    >>> anchored('SELECT * { BIND(gg:arg("u") AS ?u) BIND(gg:arg("t") AS ?t) }',
    ...          {"u": ox.NamedNode("https://x.org/id/unit/1"), "t": ox.Literal("局长")})
    'SELECT * { VALUES ?u { <https://x.org/id/unit/1> } BIND(gg:arg("t") AS ?t) }'
    """
    def sub(m: re.Match) -> str:
        v = values.get(m.group(1))
        return f"VALUES ?{m.group(2)} {{ {v} }}" if isinstance(v, ox.NamedNode) else m.group(0)

    return _ANCHOR.sub(sub, text)


#: result terms whose Python values ``_ox_query`` keeps at once (a few MB at most)
_TERMS = 1 << 16

#: whether ``_ox_query`` reads solutions in one call without the GIL (``one_call``)
_ONE_CALL: contextvars.ContextVar = contextvars.ContextVar("govgraph_one_call", default=False)


@contextlib.contextmanager
def one_call():
    """For the duration (in this thread), read every query's solutions in one call that runs
    without the GIL (``_serialised``), not row by row: for queries run while another thread
    works in Python.  Alone, iterating is the leaner way (the serialised results and the rows
    made of them are held together: a fresh 12 500-notice build's peak 654 -> 836 MB)."""
    token = _ONE_CALL.set(True)
    try:
        yield
    finally:
        _ONE_CALL.reset(token)


def _ox_query(db: ox.Store, text: str, args: Mapping[str, object]) -> Result:
    """Oxigraph's own engine; ``gg:arg("name")`` returns ``args[name]`` (or no value); an IRI
    anchor is given to the planner as a constant (``anchored``)."""
    values = {str(k): to_ox(_term(v)) for k, v in args.items() if v is not None}
    text = anchored(text, values)

    def arg(name):
        return values.get(getattr(name, "value", None))

    prefixes = {k: str(v) for k, v in PREFIXES.items()}
    res = db.query(text, prefixes=prefixes, custom_functions={ox.NamedNode(str(ARG)): arg})
    if isinstance(res, (bool, ox.QueryBoolean)):
        return Result(["ask"], [{"ask": bool(res)}])
    if isinstance(res, ox.QuerySolutions):
        same: dict = {}  # a text repeated over rows (a unit's name, a task's text): one str for all
        if _ONE_CALL.get():
            cols, bindings = _serialised(res)

            def value(b):
                if b is None:
                    return None
                v = b["value"]
                if b["type"] == "literal":
                    f = _JSON_VALUES.get(b.get("datatype"))
                    if f is not None:
                        return f(v)
                return same.setdefault(v, v)

            return Result(cols, [{c: value(b.get(c)) for c in cols} for b in bindings])
        cols = [v.value for v in res.variables]
        terms: dict = {}  # a term repeated over rows, converted once (the last _TERMS of them)

        def py(t):
            if t is None:
                return None
            v = terms.get(t)
            if v is None:
                if len(terms) >= _TERMS:
                    terms.clear()
                v = _ox_py(t)
                v = terms[t] = same.setdefault(v, v) if type(v) is str else v
            return v

        # a solution's cells in column order (``sol[name]`` costs a lookup of the variable)
        rows = [dict(zip(cols, map(py, sol))) for sol in res]
        return Result(cols, rows)
    rows = [{"s": _py(from_ox(t.subject)), "p": _py(from_ox(t.predicate)), "o": _py(from_ox(t.object))}
            for t in res]
    return Result(["s", "p", "o"], sorted(rows, key=lambda r: (r["s"], r["p"], str(r["o"]))))


# ------------------------------------------------------------ result values

_INT_TYPES = {str(XSD[x]) for x in ("integer", "int", "long", "short", "byte", "nonNegativeInteger",
                                    "positiveInteger", "nonPositiveInteger", "negativeInteger",
                                    "unsignedInt", "unsignedLong", "unsignedShort", "unsignedByte")}
_FLOAT_TYPES = {str(XSD.decimal), str(XSD.double), str(XSD.float)}
_XSD_BOOLEAN = str(XSD.boolean)


def _py(t):
    """A plain Python value for a result cell."""
    if t is None:
        return None
    if isinstance(t, Literal):
        dt = str(t.datatype) if t.datatype is not None else None
        if dt in _INT_TYPES:
            try:
                return int(str(t))
            except ValueError:
                return str(t)
        if dt in _FLOAT_TYPES:
            return float(str(t))
        if dt == _XSD_BOOLEAN:
            return str(t) in ("true", "1")
        return str(t)
    return str(t)


def _ox_int(text: str):
    try:
        return int(text)
    except ValueError:
        return text


#: a literal's datatype -> its Python value from the lexical form (others: the text)
_JSON_VALUES = ({dt: _ox_int for dt in _INT_TYPES} | {dt: float for dt in _FLOAT_TYPES}
                | {_XSD_BOOLEAN: lambda text: text in ("true", "1")})
_OX_VALUES = {ox.NamedNode(dt): f for dt, f in _JSON_VALUES.items()}


def _ox_py(t):
    """A plain Python value for an Oxigraph result cell (as ``_py`` does for rdflib terms)."""
    if t is None:
        return None
    if type(t) is ox.Literal:
        f = _OX_VALUES.get(t.datatype)
        return t.value if f is None else f(t.value)
    return t.value


def _serialised(res: ox.QuerySolutions) -> tuple[list[str], list[dict]]:
    """The columns and the SPARQL JSON bindings of a query's solutions, evaluated in one call
    that runs without the GIL.  Iterating the solutions takes the GIL back on every row: beside
    a thread running Python (a build's first/last-seen look-ups beside its stored answers) each
    row then waits for the interpreter's switch interval
    (benchmarks/gil_probe.py: 20 000 rows 0.64 s alone, 28.7 s beside a Python loop)."""
    data = json.loads(res.serialize(format=ox.QueryResultsFormat.JSON))
    return data["head"]["vars"], data["results"]["bindings"]


def solutions(db: ox.Store, text: str) -> list[tuple]:
    """The solutions of a SELECT query as Oxigraph terms (None where unbound) in its columns'
    order, evaluated in one call without the GIL (``_serialised``)."""
    cols, bindings = _serialised(db.query(text))
    return [tuple(_ox_term(b[c]) if c in b else None for c in cols) for b in bindings]


@functools.lru_cache(maxsize=64)
def _named(iri: str) -> ox.NamedNode:
    return ox.NamedNode(iri)


def _ox_term(b: dict):
    """An Oxigraph term of a SPARQL JSON results binding."""
    kind, value = b["type"], b["value"]
    if kind == "uri":
        return ox.NamedNode(value)
    if kind == "bnode":
        return ox.BlankNode(value)
    if "datatype" in b:
        return ox.Literal(value, datatype=_named(b["datatype"]))
    if "xml:lang" in b:
        return ox.Literal(value, language=b["xml:lang"])
    return ox.Literal(value)


def _rdflib_result(res) -> Result:
    if res.type == "ASK":
        return Result(["ask"], [{"ask": bool(res.askAnswer)}])
    if res.type in ("CONSTRUCT", "DESCRIBE"):
        rows = [{"s": _py(s), "p": _py(p), "o": _py(o)} for s, p, o in res.graph]
        return Result(["s", "p", "o"], sorted(rows, key=lambda r: (r["s"], r["p"], str(r["o"]))))
    cols = [str(v) for v in res.vars]
    rows = [{c: _py(row[i]) for i, c in enumerate(cols)} for row in res]
    return Result(cols, rows)


def _term(v):
    """A parameter value as an rdflib term."""
    if isinstance(v, (URIRef, Literal)):
        return v
    if isinstance(v, bool):
        return Literal(v)
    if isinstance(v, int):
        return Literal(v, datatype=XSD.integer)
    if isinstance(v, float):
        return Literal(v, datatype=XSD.double)
    return Literal(str(v))
