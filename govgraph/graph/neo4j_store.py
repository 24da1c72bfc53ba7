"""The Neo4j backend: load the graph, count it, run Cypher on it.

The graph is the projection of the facts (``govgraph.graph.projection``; labels,
relationship types and properties in docs/model.md), written by
``neo4j_write`` over a connection from ``neo4j_conn`` (:func:`connect`, re-exported
here with :class:`Neo4jConnection` as the module callers import). Every node and
relationship has a deterministic ``id`` and is written with ``MERGE`` on it, so
loading the same facts twice changes nothing. Relationships that come from a fact
carry its provenance: ``doc``, ``quote``, ``start_offset``/``end_offset``.

Errors: an unreachable server, refused credentials or a missing database raise
:class:`govgraph.errors.Neo4jError` with one clear line; Cypher Neo4j rejects
raises :class:`govgraph.errors.QueryError`.
"""

from __future__ import annotations

import time
from collections.abc import Callable, Iterable
from typing import Any

import neo4j

from govgraph.graph.neo4j_conn import DEFAULT_URI, Neo4jConnection, connect, translated_errors
from govgraph.graph.neo4j_write import Progress, gc_paused, write
from govgraph.graph.projection import Projection, project
from govgraph.notice import Notice

__all__ = [
    "DEFAULT_URI",
    "Neo4jConnection",
    "connect",
    "counts",
    "load",
    "load_projection",
    "load_rowwise",
    "run_cypher",
]


def _load(conn: Neo4jConnection, facts: Iterable[dict], notices: Iterable[Notice | dict], trusted: bool = False,
          **options: Any) -> dict:
    return load_projection(conn, lambda: project(facts, notices, trusted=trusted), **options)


def load_projection(conn: Neo4jConnection, projection: Callable[[], Projection], **options: Any) -> dict:
    """:func:`load` of the projection ``projection()`` makes (``seconds`` includes making it):
    a store's graph is projected one notice at a time (``projection.project_notices``),
    never read whole into facts first.  ``options`` as :func:`load` takes them."""
    t0 = time.monotonic()
    with gc_paused():
        made = projection()
    summary = write(conn, made, **options)
    summary["seconds"] = round(time.monotonic() - t0, 3)
    return summary


def load(
    conn: Neo4jConnection,
    facts: list[dict],
    notices: list[Notice],
    *,
    wipe: bool = False,
    batch_size: int = 1000,
    progress: Progress | None = None,
    workers: int = 2,
    trusted: bool = False,
) -> dict:
    """Write ``facts`` and ``notices`` into the database, batched and idempotent.

    Uniqueness constraints on ``id`` come first, then ``UNWIND $rows ... MERGE``
    in transactions of ``batch_size`` rows (nodes, then relationships), rows
    sent as lists. Nodes of a label the database has none of yet (every label
    after a wipe) use ``CREATE``. Relationships between two labels all of whose nodes in this
    load were new (every label after a wipe or into an empty database) use
    ``CREATE``: they cannot exist yet. Relationship rows name their end nodes by
    the element ids the node writes returned (nodes deleted by someone else
    during the load may get no relationships). ``workers`` transactions run at a time
    (one session each). The other relationships go in two passes: those already
    there are found and updated ``workers`` batches at a time, then the missing
    ones are ``MERGE``d one batch at a time (a ``MERGE`` that creates locks both
    end nodes, and concurrent batches of it deadlock).
    ``wipe=True`` deletes every node and relationship first (in batches;
    constraints stay). ``progress(step, done, total)`` is called after each
    batch, ``step`` being a label or relationship type. ``trusted``: the facts are this
    run's extraction's, valid as made (not checked again).

    Returns ``{"nodes": {label: {"merged": n, "created": n}}, "relationships":
    {type: {"merged": n, "created": n}}, "properties_set": n, "warnings": [...],
    "seconds": s}`` plus ``"deleted": {"nodes": n, "relationships": n}`` when
    wiping. ``merged`` counts the distinct nodes/relationships written,
    ``created`` the ones that were new. Invalid facts (of facts not ``trusted``) are skipped
    with a warning.
    """
    return _load(conn, facts, notices, trusted, wipe=wipe, batch_size=batch_size, progress=progress, workers=workers)


def load_rowwise(conn: Neo4jConnection, facts: list[dict], notices: list[Notice]) -> dict:
    """Baseline for the benchmark: the same graph as :func:`load`, one row per
    ``MERGE`` and one transaction per row (no batching)."""
    return _load(conn, facts, notices, wipe=False, batch_size=1, progress=None, fresh=False)


def _plain(v: Any) -> Any:
    """Driver values as plain Python: nodes/relationships become dicts."""
    if isinstance(v, neo4j.graph.Node):
        return {"_labels": sorted(v.labels), **{k: _plain(x) for k, x in v.items()}}
    if isinstance(v, neo4j.graph.Relationship):
        return {"_type": v.type, **{k: _plain(x) for k, x in v.items()}}
    if isinstance(v, neo4j.graph.Path):
        return {"nodes": [_plain(n) for n in v.nodes], "relationships": [_plain(r) for r in v.relationships]}
    if isinstance(v, list):
        return [_plain(x) for x in v]
    if isinstance(v, dict):
        return {k: _plain(x) for k, x in v.items()}
    if hasattr(v, "iso_format"):  # neo4j.time Date/DateTime/Time/Duration
        return v.iso_format()
    return v


def run_cypher(conn: Neo4jConnection, text: str, params: dict | None = None) -> tuple[list[str], list[dict]]:
    """Run one Cypher statement (auto-commit); returns ``(columns, rows)``, each row
    a dict keyed by column with plain Python values. Rejected Cypher raises
    :class:`QueryError`, connection trouble :class:`Neo4jError`."""
    with translated_errors(conn), conn.session() as s:
        result = s.run(text, params or {})
        columns = list(result.keys())
        rows = [{k: _plain(r[k]) for k in columns} for r in result]
    return columns, rows


def counts(conn: Neo4jConnection) -> dict:
    """``{"nodes": {label: n}, "relationships": {type: n}}`` for the whole database
    (a node with several labels counts under each)."""
    with translated_errors(conn), conn.session() as s:
        nodes = {
            r["label"]: r["n"]
            for r in s.run("MATCH (n) UNWIND labels(n) AS label RETURN label, count(*) AS n ORDER BY label")
        }
        rels = {
            r["type"]: r["n"] for r in s.run("MATCH ()-[r]->() RETURN type(r) AS type, count(*) AS n ORDER BY type")
        }
    return {"nodes": nodes, "relationships": rels}
