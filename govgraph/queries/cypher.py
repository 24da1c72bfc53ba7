"""Canned questions on Neo4j: the Cypher twin (``<name>.cypher``) of every ``.rq``.

A twin returns the same rows as its SPARQL question on the same data: same
columns, same plain values (str / int), same order.  Parameters go through the
very same checks and name resolution as on the RDF store
(:func:`govgraph.queries.bind`: unit aliases -> canonical name, person names,
unknown names -> ``QueryError`` with suggestions), then travel to Neo4j as
driver parameters, never inside the Cypher text.  Every declared parameter is
sent (``None`` when not given), and a ``limit`` parameter (``top``) cuts the
ordered rows afterwards, as on the RDF store.

>>> header("unit-load").splitlines()[0]
'name: unit-load'
>>> "$person" in text("appointment-history")
True
"""

from __future__ import annotations

import logging
from contextlib import contextmanager
from typing import TYPE_CHECKING, Any

from govgraph.errors import QueryError
from govgraph.results import Result

from .questions import CannedQuery, get, read
from .execute import finish, with_places
from .parameters import bind
from .execute import explain

if TYPE_CHECKING:  # pragma: no cover
    from govgraph.graph.neo4j_store import Neo4jConnection
    from govgraph.graph.rdf_store import Store

__all__ = ["cypher_file", "text", "header", "parameters", "run"]


def cypher_file(query: CannedQuery | str) -> str:
    """File name of the Cypher twin of ``query`` (``unit-load.rq`` -> ``unit-load.cypher``)."""
    q = get(query) if isinstance(query, str) else query
    stem = q.file[:-3] if q.file.endswith(".rq") else q.file
    return stem + ".cypher"


def text(query: CannedQuery | str) -> str:
    """The Cypher text of the twin."""
    name = cypher_file(query)
    try:
        return read(name)
    except (FileNotFoundError, OSError):
        raise QueryError(f"no Cypher twin {name} for {query if isinstance(query, str) else query.name}") from None


def header(query: CannedQuery | str) -> str:
    """The ``//`` comment lines at the top of the twin."""
    lines = []
    for line in text(query).splitlines():
        if not line.startswith("//"):
            break
        lines.append(line[2:].strip())
    return "\n".join(lines)


def _plain(ptype: str, lit: Any) -> Any:
    """A bound rdflib Literal (from ``bind``) as the plain value the Cypher expects."""
    if ptype == "int":
        return int(lit)
    if ptype == "bool":
        return bool(lit.toPython())
    return str(lit)  # person / unit / title / string / date / month: text


def parameters(store: "Store", query: CannedQuery | str, params: dict) -> tuple[dict, int | None]:
    """Checked and resolved driver parameters for ``query`` (every declared one, ``None``
    when unset) and the row limit, if any."""
    q = get(query) if isinstance(query, str) else query
    bindings, limit = bind(store, q, params)
    types = {p.name: p.type for p in q.params}
    out = {p.name: None for p in q.params if not p.limit}
    for p in q.params:  # the place of a resolved name (None: a store without places)
        if p.type in ("unit", "person", "group"):
            out[f"{p.name}_place"] = None
        if p.type == "person":
            out[f"{p.name}_variant"] = None
    for k, lit in bindings.items():
        out[k] = _plain(types.get(k, "string"), lit)
    return out, limit


# Neo4j warns (logged by the driver) when a query names a label, relationship type or
# property that does not exist in the database yet; for the twins that only means the
# data has none (e.g. no evidence quotes), which is an answer, not a problem.
_ABSENT = ("01N50", "01N51", "01N52")


class _AbsentFilter(logging.Filter):
    def filter(self, record: logging.LogRecord) -> bool:
        for a in record.args if isinstance(record.args, tuple) else ():
            status = getattr(getattr(a, "notification", None), "gql_status", None)
            if status in _ABSENT:
                return False
        return True


@contextmanager
def _quiet_absent():
    log = logging.getLogger("neo4j.notifications")
    f = _AbsentFilter()
    log.addFilter(f)
    try:
        yield
    finally:
        log.removeFilter(f)


def run(conn: "Neo4jConnection", store: "Store", name: str, with_place: bool | None = False,
        **params: Any) -> Result:
    """Run the canned question ``name`` on Neo4j (``conn``), names resolved against ``store``.

    Returns ``Result(columns, rows)`` like :func:`govgraph.queries.run` (``with_place`` too).
    """
    from govgraph.graph.neo4j_store import run_cypher

    q = get(name)
    cparams, limit = parameters(store, q, params)
    with _quiet_absent():
        columns, rows = run_cypher(conn, text(q), cparams)
    want = q.query_columns + (["place"] if q.row_place else [])
    if columns != want:
        raise QueryError(f"{cypher_file(q)} returns columns {columns}, the catalogue says {want}")
    rows = finish(q, [{c: r.get(c) for c in want} for r in rows])
    if limit is not None:
        rows = rows[:limit]
    bindings, _ = bind(store, q, params)
    return explain(store, q, bindings, with_places(store, q, bindings, rows, with_place), limit)
