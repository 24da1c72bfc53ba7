"""Writing a :class:`~govgraph.graph.projection.Projection` into Neo4j: batched ``UNWIND ... MERGE``.

Nodes go by label, relationships by type, as rows (lists) in transactions of
``batch_size`` rows; every node and relationship is written with ``MERGE`` on its
deterministic ``id`` (a relationship between two nodes this load created is new and
is written with ``CREATE``). Values always travel as query parameters; the only
things formatted into Cypher text are the projection's own label and type names
(checked) and property names.

>>> _node_query("Unit", ("name",))
'UNWIND $rows AS r MERGE (n:Unit {id: r[0]}) SET n.name = r[1] RETURN collect([r[0], elementId(n)]) AS e'
"""

from __future__ import annotations

import gc
import re
import threading
from collections.abc import Callable, Iterable, Iterator, Sequence
from concurrent.futures import ThreadPoolExecutor
from contextlib import contextmanager
from typing import Any

import neo4j

from govgraph.graph.neo4j_conn import Neo4jConnection, translated_errors
from govgraph.graph.projection import Edge, Node, Projection

__all__ = ["Progress", "check_names", "create_constraints", "gc_paused", "write"]

_IDENT = re.compile(r"^[A-Z][A-Za-z_]*$")
_KEY = re.compile(r"^[a-z][a-z_]*$")

Progress = Callable[[str, int, int], None]


def check_names(idents: Sequence[str], keys: Sequence[str]) -> None:
    """Raise ``ValueError`` unless ``idents`` are label/type names and ``keys`` property
    names of the projection's form (the only things ever formatted into Cypher text)."""
    _check_ident(*idents)
    _check_keys(keys)


def _check_ident(*names: str) -> None:
    for n in names:
        if not _IDENT.match(n):  # only the projection's names ever reach Cypher text
            raise ValueError(f"bad label or type {n!r}")


def _check_keys(keys: Sequence[str]) -> None:
    for k in keys:
        if not _KEY.match(k):  # property names are the projection's own
            raise ValueError(f"bad property name {k!r}")


def _sets(var: str, keys: Sequence[str], first: int) -> str:
    """``SET var.k = r[i], ...`` for the row columns from ``first`` on: the same as
    ``SET var += {k: ...}`` (a null removes the property), keys absent from the
    row untouched."""
    _check_keys(keys)
    if not keys:
        return ""
    return " SET " + ", ".join(f"{var}.{k} = r[{i}]" for i, k in enumerate(keys, first))


def _node_query(label: str, keys: Sequence[str], create: bool = False) -> str:
    """Nodes by batch; a row is ``[id, *values of keys]``. Returns ``[[id, elementId], ...]``.
    ``create`` (no node of the label there yet) skips MERGE's index search and lock."""
    _check_ident(label)
    return (
        f"UNWIND $rows AS r {'CREATE' if create else 'MERGE'} (n:{label} {{id: r[0]}})"
        + _sets("n", keys, 1)
        + " RETURN collect([r[0], elementId(n)]) AS e"
    )


def _rel_query(rtype: str, start: str, end: str, keys: Sequence[str] = (), create: bool = False) -> str:
    """Relationships by batch; a row is ``[id, a, b, *values of keys]``, ``a`` and ``b``
    the element ids the node writes returned (a direct look-up, not an index search).
    ``create`` (no relationship there yet) skips MERGE's search."""
    _check_ident(rtype, start, end)
    verb = "CREATE" if create else "MERGE"
    return (
        f"UNWIND $rows AS r "
        f"MATCH (a:{start}) WHERE elementId(a) = r[1] MATCH (b:{end}) WHERE elementId(b) = r[2] "
        f"{verb} (a)-[x:{rtype} {{id: r[0]}}]->(b)" + _sets("x", keys, 3)
    )


def _rel_update_query(rtype: str, start: str, end: str, keys: Sequence[str] = ()) -> str:
    """The first pass of a relationship ``MERGE``: rows as :func:`_rel_query` takes them;
    the relationships already there get their properties, and the ids of the others come
    back (``[id, ...]``) to be MERGEd.  It creates nothing, so it takes no lock on the end
    nodes and its batches can run side by side (a SET on the missing relationship, null,
    does nothing)."""
    _check_ident(rtype, start, end)
    return (
        f"UNWIND $rows AS r "
        f"MATCH (a:{start}) WHERE elementId(a) = r[1] MATCH (b:{end}) WHERE elementId(b) = r[2] "
        f"OPTIONAL MATCH (a)-[x:{rtype} {{id: r[0]}}]->(b)" + _sets("x", keys, 3)
        + " WITH r, x WHERE x IS NULL RETURN collect(r[0]) AS e"
    )


def _node_rows(nodes: Iterable[Node]) -> dict[tuple[str, ...], list[list]]:
    """Node rows as lists, by the keys they carry (a key a node lacks is left alone
    on the stored node, so nodes with other keys go in other queries)."""
    out: dict[tuple[str, ...], list[list]] = {}
    for n in nodes:
        keys = tuple(n.props)
        out.setdefault(keys, []).append([n.id, *n.props.values()])
    return out


def _rel_rows(edges: Iterable[Edge], element_ids: dict[str, str]) -> dict[tuple[str, ...], list[list]]:
    out: dict[tuple[str, ...], list[list]] = {}
    for e in edges:
        out.setdefault(tuple(e.props), []).append([e.id, element_ids[e.source], element_ids[e.target],
                                                   *e.props.values()])
    return out


def _rel_groups(projection: Projection) -> dict[tuple[str, str, str], list[Edge]]:
    """The edges by ``(type, start label, end label)``: one Cypher query shape each."""
    out: dict[tuple[str, str, str], list[Edge]] = {}
    for e in projection.all_edges():
        out.setdefault((e.type, e.source_label, e.target_label), []).append(e)
    return out


def create_constraints(session: neo4j.Session, labels: Iterable[str]) -> None:
    """A uniqueness constraint on ``id`` for each label (kept if there)."""
    for label in labels:
        _check_ident(label)
        name = f"govgraph_{label.lower()}_id"
        session.run(f"CREATE CONSTRAINT {name} IF NOT EXISTS FOR (n:{label}) REQUIRE n.id IS UNIQUE").consume()


def _empty_labels(session: neo4j.Session, labels: Iterable[str]) -> set[str]:
    """The labels no node has yet (from the count store)."""
    labels = list(labels)
    _check_ident(*labels)
    return {lb for lb in labels if session.run(f"MATCH (n:{lb}) RETURN count(n) AS c").single()[0] == 0}


def _wipe(session: neo4j.Session, batch_size: int) -> dict:
    """Relationships first, then nodes, ``batch_size`` per transaction (a batch of nodes
    with their relationships could hold a dense node's hundred thousand of them and
    exceed the server's transaction memory)."""
    deleted = {"nodes": 0, "relationships": 0}
    for q, key in (
        ("MATCH ()-[r]->() WITH r LIMIT $limit DELETE r", "relationships_deleted"),
        ("MATCH (n) WITH n LIMIT $limit DETACH DELETE n", "nodes_deleted"),
    ):
        while True:
            c = session.execute_write(lambda tx: tx.run(q, limit=batch_size).consume().counters)
            deleted["nodes"] += c.nodes_deleted
            deleted["relationships"] += c.relationships_deleted
            if getattr(c, key) == 0:
                break
    return deleted


def _batches(rows: Sequence[list], size: int) -> Iterator[list[list]]:
    for i in range(0, len(rows), size):
        yield list(rows[i : i + size])


def _write(session: neo4j.Session, query: str, rows: list[list]) -> tuple[Any, Any]:
    """``(counters, the first column of the one record or None)``."""

    def work(tx: neo4j.ManagedTransaction) -> tuple[Any, Any]:
        result = tx.run(query, rows=rows)
        record = result.single(strict=False)
        return result.consume().counters, None if record is None else record[0]

    return session.execute_write(work)


def _write_all(conn: Neo4jConnection, jobs: Iterable[tuple[str, list[list], Any]], workers: int) -> Iterator[Any]:
    """Run ``(query, rows, info)`` jobs, each in its own transaction, ``workers`` at a
    time (one session each); yields ``(info, counters)`` in job order. ``jobs`` is
    consumed as the first transactions run, so the rows of the later ones are built
    meanwhile."""
    if workers <= 1:
        with conn.session() as s:
            for q, rows, info in jobs:
                yield info, _write(s, q, rows)
        return
    local = threading.local()
    sessions: list[neo4j.Session] = []
    lock = threading.Lock()

    def run(q: str, rows: list[list]) -> Any:
        s = getattr(local, "session", None)
        if s is None:
            s = local.session = conn.session()
            with lock:
                sessions.append(s)
        return _write(s, q, rows)

    futures: list = []
    try:
        with ThreadPoolExecutor(max_workers=workers, thread_name_prefix="govgraph-neo4j") as pool:
            try:
                for q, rows, info in jobs:
                    futures.append((info, pool.submit(run, q, rows)))
                for info, f in futures:
                    yield info, f.result()
            finally:  # on an error (or an abandoned generator) start no more jobs
                for _, f in futures:
                    f.cancel()
    finally:
        for s in sessions:
            s.close()


@contextmanager
def gc_paused() -> Iterator[None]:
    """No cyclic garbage collection while the projection is built or written: its hundreds of thousands
    of small, long-lived objects would make each full collection walk all of them."""
    was = gc.isenabled()
    gc.disable()
    try:
        yield
    finally:
        if was:
            gc.enable()


def write(
    conn: Neo4jConnection,
    projection: Projection,
    *,
    wipe: bool,
    batch_size: int,
    progress: Progress | None,
    workers: int = 1,
    fresh: bool = True,
) -> dict:
    """Write the projection's nodes (by label) and edges (by type) in batches; the
    summary ``neo4j_store.load`` returns, without ``seconds``. ``fresh``: the nodes of labels
    with none in the database yet, and edges between labels all of whose nodes were new,
    are CREATEd, and the other edges found before the missing ones are MERGEd (see
    ``neo4j_store.load``); without it every node and edge is MERGEd (the row-by-row
    baseline)."""
    if batch_size < 1:
        raise ValueError("batch_size must be at least 1")
    summary: dict[str, Any] = {"nodes": {}, "relationships": {}, "warnings": projection.warnings}
    props_set = 0
    element_ids: dict[str, str] = {}  # node id -> element id, from the node writes
    rel_groups = _rel_groups(projection)

    def jobs_of(step: str, rows_by_keys: Callable[[], dict], query: Callable[[tuple[str, ...]], str]) -> Iterator:
        """``(query, batch, (step, done, total))`` for each batch of one label or type."""
        by_keys = rows_by_keys()
        total = sum(len(rows) for rows in by_keys.values())
        done = 0
        for keys, rows in by_keys.items():
            q = query(keys)
            for batch in _batches(rows, batch_size):
                done += len(batch)
                yield q, batch, (step, done, total)

    def run(jobs: Iterable, section: str, created_key: str, workers: int,
            returned_to: Callable[[list], Any] = element_ids.update) -> None:
        nonlocal props_set
        counters = _write_all(conn, jobs, workers)
        try:
            for (step, done, total), (c, returned) in counters:
                if returned:
                    returned_to(returned)
                summary[section][step]["created"] += getattr(c, created_key)
                props_set += c.properties_set
                if progress:
                    progress(step, done, total)
        finally:
            counters.close()

    def node_jobs(empty: set[str]) -> Iterator:
        for label in projection.nodes:
            yield from jobs_of(
                label,
                lambda label=label: _node_rows(projection.nodes[label].values()),
                lambda keys, label=label: _node_query(label, keys, label in empty),
            )

    def rel_jobs(groups: list[tuple[tuple[str, str, str], list[Edge]]],
                 query: Callable[[tuple[str, str, str], tuple[str, ...]], str]) -> Iterator:
        for t, edges in groups:
            yield from jobs_of(t[0], lambda edges=edges: _rel_rows(edges, element_ids),
                               lambda keys, t=t: query(t, keys))

    with translated_errors(conn), gc_paused():
        with conn.session() as s:
            if wipe:
                summary["deleted"] = _wipe(s, 10_000)
            create_constraints(s, projection.nodes)
            # Labels with no node yet (all after a wipe): their nodes are CREATEd, without
            # MERGE's index search and lock (a third less server CPU for the nodes); a node
            # another load wrote meanwhile fails on the uniqueness constraint instead of
            # being merged.
            empty = _empty_labels(s, [lb for lb, nodes in projection.nodes.items() if nodes]) if fresh else set()
        for label in projection.nodes:
            summary["nodes"][label] = {"merged": len(projection.nodes[label]), "created": 0}
        for (rtype, _, _), edges in rel_groups.items():
            summary["relationships"].setdefault(rtype, {"merged": 0, "created": 0})["merged"] += len(edges)
        # nodes first (every batch committed), then the relationships between them
        run(node_jobs(empty), "nodes", "nodes_created", workers)
        # Labels whose every node this load wrote was new (all of them after a wipe or into
        # an empty database): a relationship between two nodes this load created cannot
        # exist yet, nor be written by another load (whose MERGE would not have created
        # them), so it is CREATEd without MERGE's search.
        new = {label for label, v in summary["nodes"].items() if v["created"] == v["merged"]} if fresh else set()
        groups = list(rel_groups.items())
        run(rel_jobs([(t, g) for t, g in groups if t[1] in new and t[2] in new],
                     lambda t, keys: _rel_query(*t, keys, True)),
            "relationships", "relationships_created", workers)
        # The others in two passes (without ``fresh`` in one, the MERGE): the relationships
        # already there are found and updated side by side (no lock on their end nodes),
        # then the missing ones are MERGEd one batch at a time: a MERGE that creates locks
        # both end nodes (and their relationship chains), and concurrent batches of it
        # deadlock.
        merged = [(t, g) for t, g in groups if not (t[1] in new and t[2] in new)]
        if fresh:
            missing: set[str] = set()
            run(rel_jobs(merged, lambda t, keys: _rel_update_query(*t, keys)),
                "relationships", "relationships_created", workers, missing.update)
            merged = [(t, [e for e in g if e.id in missing]) for t, g in merged] if missing else []
        run(rel_jobs(merged, lambda t, keys: _rel_query(*t, keys, False)), "relationships", "relationships_created", 1)
        summary["properties_set"] = props_set
    summary["relationships"] = dict(sorted(summary["relationships"].items()))
    return summary
