"""The bulk path into Neo4j: the projection as CSV files for ``neo4j-admin database import full``.

``neo4j load`` (``neo4j_write``) MERGEs through Bolt and is for updates; a first
load into a new local database is much faster through Neo4j's offline importer,
which writes the store files directly. :func:`write_csv` writes the projection
(``graph.projection``: the same nodes, relationships and properties the MERGE path
writes) as one header file and one data file per label and per relationship type
with its end labels (id spaces per label, so ends are found as MERGE finds them:
by label and ``id``); :func:`admin_arguments` are the importer's options for them;
:func:`bulk_import` runs the importer command (the server stopped, the database
overwritten, the server started again: ``scripts/neo4j-local import`` does all
three), then creates the constraints ``neo4j load`` creates and sets what CSV cannot
say (see :class:`CsvFiles`).

The importer finds nodes by an integer of this file's own (``--id-type=integer``: the
nodes numbered in the order written, the relationships' ends given by those numbers), not by
the ``id`` hashes: a string id makes it store, sort and check every id string (at 30,000
notices 19-21 importer CPU-s instead of 15-17); the integer is not stored, ``id`` is an
ordinary string column.

Columns are typed from the values (``string``, ``long``, ``double``, ``boolean``,
arrays of them; a list is an array, its elements joined by U+001F); a missing value
(``None``) is an empty field, so the property is not stored, as with MERGE; strings
are always quoted, so ``""`` stays an empty string.

>>> from govgraph.graph.projection import project
>>> import tempfile
>>> p = project([{"kind": "unit", "name": "区发改委", "aliases": ["发改委"], "parent": None,
...               "unit_type": "department"}])
>>> files = write_csv(p, tempfile.mkdtemp())
>>> print(files.nodes[0][1][0].read_text(encoding="utf-8").strip())
:ID(Unit),id:string,name:string,aliases:string[],unit_type:string,former:string
>>> files.nodes[0][1][1].read_text(encoding="utf-8")
'0,"98d545a11c7b3746","区发改委","区发改委\\x1f发改委","department",\\n'

"""

from __future__ import annotations

import gc
import math
import os
import pickle
import re
import subprocess
import time
from collections import Counter
from collections.abc import Callable, Iterable, Sequence
from concurrent.futures import ThreadPoolExecutor
from dataclasses import dataclass, field
from itertools import chain
from operator import attrgetter
from pathlib import Path
from typing import Any
from urllib.parse import urlsplit

from govgraph.errors import Neo4jError
from govgraph.graph.neo4j_conn import Neo4jConnection, translated_errors
from govgraph.graph.neo4j_write import check_names, create_constraints
from govgraph.graph.projection import Edge, Node, Projection

__all__ = ["ARRAY_DELIMITER", "CsvFiles", "LOCAL_HOSTS", "PARALLEL_ROWS", "SMALL_IMPORT", "admin_arguments", "bulk_import", "check_local", "write_csv"]

#: between the elements of an array value (a control character no text holds)
ARRAY_DELIMITER = "\x1f"
#: the hosts a bulk import may target: the importer writes the files of a database on this machine
LOCAL_HOSTS = ("127.0.0.1", "localhost", "::1")
#: below this many relationships ``scripts/neo4j-local import`` is asked (``NEO4J_IMPORT_JAVA_OPTS``)
#: to run the importer with the JVM's first compiler only: its JIT work is most of a small
#: import's CPU (220,000 relationships: 7 CPU-s instead of 14), while a large one runs
#: longer than the second compiler takes to pay off (2.2 million: 39 CPU-s instead of 35)
SMALL_IMPORT = 1_000_000

_SCALAR = {str: "string", bool: "boolean", int: "long", float: "double"}


@dataclass
class CsvFiles:
    """What :func:`write_csv` wrote: ``(label, (header, data))`` per label and
    ``(type, (header, data))`` per relationship type and end labels; the counts;
    ``multiline`` (a value holds a line break: the importer must read quoted line
    breaks); ``later``: ``(label or type, is a node, id, property, value)`` for values
    a typed column cannot hold (an empty list, a list with an empty string, or a value
    whose type differs from its column's), set through Bolt after the import."""

    folder: Path
    nodes: list[tuple[str, tuple[Path, Path]]] = field(default_factory=list)
    relationships: list[tuple[str, tuple[Path, Path]]] = field(default_factory=list)
    node_counts: dict[str, int] = field(default_factory=dict)
    relationship_counts: dict[str, int] = field(default_factory=dict)
    multiline: bool = False
    later: list[tuple[str, bool, str, str, Any]] = field(default_factory=list)


_LATER = object()  # a value set through Bolt after the import


def _quote(s: str) -> str:
    return '"' + s.replace('"', '""') + '"'


def _csv_type(v: Any) -> str | None:
    """The column type of a value, or None if CSV cannot carry it exactly."""
    t = _SCALAR.get(type(v))
    if t is not None:
        return t
    if isinstance(v, (list, tuple)) and v:
        types = {_SCALAR.get(type(x)) for x in v}
        if len(types) == 1 and None not in types and "" not in v:
            return types.pop() + "[]"
    return None


def _column_types(items: Iterable[dict]) -> dict[str, str]:
    """Each property's column type: the commonest type of its values (strings if none
    is typable)."""
    seen: dict[str, Counter] = {}
    for props in items:
        for k, v in props.items():
            c = seen.get(k)
            if c is None:
                c = seen[k] = Counter()
            if v is not None:
                c[_csv_type(v)] += 1
    out = {}
    for k, c in seen.items():
        c.pop(None, None)
        out[k] = c.most_common(1)[0][0] if c else "string"
    return out


def _column_type(values: list) -> str:
    """The column type of ``values`` (one property's values, None where it has none), as
    :func:`_column_types` gives it: at once when they are of one scalar type, else counted."""
    kinds = set(map(type, values))
    kinds.discard(type(None))
    if not kinds:
        return "string"
    if len(kinds) == 1:
        ctype = _SCALAR.get(kinds.pop())
        if ctype is not None:
            return ctype
    return _column_types({"": v} for v in values)[""]


def _cell(v: Any, ctype: str) -> str | object:
    """The CSV text of ``v`` in a column of ``ctype``; ``_LATER`` if it cannot be one."""
    if v is None:
        return ""
    t = type(v)
    if ctype == "string":
        return _quote(v) if t is str else _LATER
    if ctype.endswith("[]"):
        if _csv_type(v) != ctype or any(ARRAY_DELIMITER in x for x in v if type(x) is str):
            return _LATER
        if ctype == "string[]":
            return _quote(ARRAY_DELIMITER.join(v))
        if ctype == "boolean[]":
            return ARRAY_DELIMITER.join("true" if x else "false" for x in v)
        return ARRAY_DELIMITER.join(map(repr, v))
    if _SCALAR.get(t) != ctype:
        return _LATER
    if t is bool:
        return "true" if v else "false"
    if t is float and not math.isfinite(v):  # the importer reads NaN and Infinity, not Python's nan and inf
        return _LATER
    return repr(v)


_BREAK = re.compile(r"[\r\n]")
_CHUNK = 10_000  # rows made and written at a time


def _column(values: list, ctype: str) -> list:
    """The cells of ``values`` in a column of ``ctype`` (``_LATER`` where :func:`_cell` says so)."""
    if ctype == "string":
        return ['"' + v.replace('"', '""') + '"' if type(v) is str else "" if v is None else _LATER for v in values]
    if ctype == "long":
        return [repr(v) if type(v) is int else "" if v is None else _LATER for v in values]
    if ctype == "boolean":
        return [("true" if v else "false") if type(v) is bool else "" if v is None else _LATER for v in values]
    return [_cell(v, ctype) for v in values]


@dataclass
class _Group:
    """One header file and one data file to write: ``items`` (nodes of a label, or
    relationships of a type and end labels), ``lead(chunk)`` the cells of their leading
    columns."""

    stem: str
    head: list[str]
    items: list
    lead: Callable[[list], list[list[str]]]
    name: str
    is_node: bool


def _write_group(folder: Path, g: _Group) -> tuple[tuple[Path, Path], list, bool]:
    """Write ``g``, a chunk of rows at a time, a column at a time. Returns the two paths,
    what is left for later (:class:`CsvFiles`) and whether a value holds a line break."""
    items = g.items
    dicts = [x.props for x in items]
    keys = _keys(dicts)
    check_names([], keys)
    values = [[p.get(k) for p in dicts] for k in keys]  # each property's values, column by column
    types = [_column_type(v) for v in values]
    header, data = folder / f"{g.stem}.header.csv", folder / f"{g.stem}.csv"
    header.write_text(",".join(g.head + [f"{k}:{t}" for k, t in zip(keys, types)]) + "\n", encoding="utf-8")
    texts = [t == "string" or t.endswith("[]") for t in types]  # the columns a line break may be in
    later: list = []
    multiline = False
    with data.open("w", encoding="utf-8", newline="") as out:
        for start in range(0, len(items), _CHUNK):
            end = start + _CHUNK
            columns = [_column(v[start:end], t) for v, t in zip(values, types)]
            if any(_LATER in c for c in columns):  # values set after the import: row by row, as they come
                columns = _cells_by_row(keys, types, items[start:end], later, g.name, g.is_node)
            if not multiline:  # a quoted line break (strings, arrays of them)
                multiline = any(_BREAK.search("".join(c)) for c, text in zip(columns, texts) if text)
            out.write("\n".join(map(",".join, zip(*g.lead(items[start:end]), *columns))) + "\n")
    return (header, data), later, multiline


#: from this many rows on, :func:`write_csv` writes in two processes
PARALLEL_ROWS = 100_000


def _write_groups(folder: Path, groups: list[_Group], workers: int) -> list[tuple[tuple[Path, Path], list, bool]]:
    """:func:`_write_group` of each group, in order; with ``workers`` > 1 (and ``os.fork``,
    and ``PARALLEL_ROWS`` rows), about half of the rows are written by a forked copy of
    this process, which sends back what it found."""
    if workers < 2 or not hasattr(os, "fork") or sum(len(g.items) for g in groups) < PARALLEL_ROWS:
        return [_write_group(folder, g) for g in groups]
    cost = [len(g.items) * (len(g.head) + len(g.items[0].props)) for g in groups]
    mine: list[int] = []
    theirs: list[int] = []
    for i in sorted(range(len(groups)), key=cost.__getitem__, reverse=True):  # the larger first, to the lighter side
        (mine if sum(map(cost.__getitem__, mine)) <= sum(map(cost.__getitem__, theirs)) else theirs).append(i)
    r, w = os.pipe()
    try:
        pid = os.fork()
    except OSError:
        os.close(r)
        os.close(w)
        return [_write_group(folder, g) for g in groups]
    if pid == 0:  # the copy: write its groups, send the results (or the error), never return
        status = 1
        try:
            os.close(r)
            gc.disable()  # a collection would touch (and so copy) every object of the parent's
            try:
                payload = pickle.dumps((True, {i: _write_group(folder, groups[i]) for i in theirs}))
            except BaseException as e:  # noqa: BLE001 - sent to the parent, which raises it
                payload = pickle.dumps((False, e))
            with os.fdopen(w, "wb") as fh:
                fh.write(payload)
            status = 0
        finally:
            os._exit(status)
    os.close(w)
    try:
        done = {i: _write_group(folder, groups[i]) for i in mine}
    finally:
        with os.fdopen(r, "rb") as fh:
            payload = fh.read()
        os.waitpid(pid, 0)
    if not payload:
        raise Neo4jError("the process writing half of the CSV files ended without a result")
    ok, result = pickle.loads(payload)
    if not ok:
        raise result
    done.update(result)
    return [done[i] for i in range(len(groups))]


def _cells_by_row(keys: list[str], types: list[str], items: list, later: list, name: str,
                  is_node: bool) -> list[list[str]]:
    """The columns of a chunk holding values CSV cannot carry: those are recorded in ``later``
    (row by row, then key by key) and their cells left empty."""
    columns: list[list[str]] = [[] for _ in keys]
    for x in items:
        p = x.props
        for k, t, col in zip(keys, types, columns):
            v = p.get(k)
            c = _cell(v, t)
            if c is _LATER:
                later.append((name, is_node, x.id, k, v))
                c = ""
            col.append(c)
    return columns


def _keys(items: Iterable[dict]) -> list[str]:
    return list(dict.fromkeys(chain.from_iterable(items)))


_ID = attrgetter("id")
_SOURCE, _TARGET, _ENDS = attrgetter("source"), attrgetter("target"), attrgetter("source_label", "target_label")


def write_csv(projection: Projection, folder: str | os.PathLike, workers: int = 2) -> CsvFiles:
    """Write the projection into ``folder`` (made if missing) as the importer's CSV files:
    per label ``nodes-<Label>.header.csv`` (``:ID(<Label>)``, the node's number in this
    import, ``id:string`` and the typed properties) and ``nodes-<Label>.csv``; per
    relationship type and end labels ``rels-<TYPE>-<Start>-<End>.header.csv``
    (``:START_ID(<Start>)`` and ``:END_ID(<End>)``, the numbers of its ends, ``id:string``
    and the typed properties) and its data file. With ``workers`` > 1 and a large projection,
    two processes write the files (:data:`PARALLEL_ROWS`); the files are the same."""
    folder = Path(folder)
    folder.mkdir(parents=True, exist_ok=True)
    files = CsvFiles(folder)
    number: dict[str, str] = {}  # node id -> its number in the importer's files
    groups: list[_Group] = []

    def node_lead(chunk: list[Node]) -> list[list[str]]:
        ids = list(map(_ID, chunk))
        return [list(map(number.__getitem__, ids)), list(map(_quote, ids))]

    def edge_lead(chunk: list[Edge]) -> list[list[str]]:
        return [list(map(number.__getitem__, map(_SOURCE, chunk))),
                list(map(number.__getitem__, map(_TARGET, chunk))), list(map(_quote, map(_ID, chunk)))]

    for label, nodes in projection.nodes.items():
        if not nodes:
            continue
        check_names([label], [])
        vals: list[Node] = list(nodes.values())
        first = len(number)
        number.update(zip(map(_ID, vals), map(str, range(first, first + len(vals)))))
        groups.append(_Group(f"nodes-{label}", [f":ID({label})", "id:string"], vals, node_lead, label, True))
        files.node_counts[label] = len(vals)
    by_ends: dict[tuple[str, str, str], list[Edge]] = {}
    for rtype, of_type in projection.edges.items():
        edges = list(of_type.values())
        ends = set(map(_ENDS, edges))
        if len(ends) == 1:  # one pair of end labels (the usual case): the type's edges as they are
            start, end = ends.pop()
            by_ends[(rtype, start, end)] = edges
        else:
            for e in edges:
                by_ends.setdefault((e.type, e.source_label, e.target_label), []).append(e)
    for (rtype, start, end), edges in by_ends.items():
        check_names([rtype, start, end], [])
        groups.append(_Group(f"rels-{rtype}-{start}-{end}", [f":START_ID({start})", f":END_ID({end})", "id:string"],
                             edges, edge_lead, rtype, False))
        files.relationship_counts[rtype] = files.relationship_counts.get(rtype, 0) + len(edges)
    for g, (paths, later, multiline) in zip(groups, _write_groups(folder, groups, min(workers, os.cpu_count() or 1))):
        (files.nodes if g.is_node else files.relationships).append((g.name, paths))
        files.later += later
        files.multiline = files.multiline or multiline
    return files


def admin_arguments(files: CsvFiles, database: str = "neo4j") -> list[str]:
    """``neo4j-admin database import full`` arguments for ``files``: the database first
    (the file lists take every argument after them), the existing database overwritten.

    >>> admin_arguments(CsvFiles(Path("d"), nodes=[("Unit", (Path("d/h.csv"), Path("d/u.csv")))]))
    ['neo4j', '--overwrite-destination=true', '--id-type=integer', '--array-delimiter=U+001F', '--report-file=d/import.report', '--nodes=Unit=d/h.csv,d/u.csv']
    """
    args = [database, "--overwrite-destination=true", "--id-type=integer", "--array-delimiter=U+001F",
            f"--report-file={files.folder / 'import.report'}"]
    if files.multiline:
        args.append("--multiline-fields=true")
    args += [f"--nodes={label}={h},{d}" for label, (h, d) in files.nodes]
    args += [f"--relationships={rtype}={h},{d}" for rtype, (h, d) in files.relationships]
    return args


def check_local(uri: str) -> None:
    """Refuse (:class:`Neo4jError`) a server not on this machine: the importer writes the
    database's files, so it is for a new, local database; ``neo4j load`` is for updates
    and remote servers.

    >>> check_local("bolt://127.0.0.1:7687")
    >>> check_local("neo4j://db.example:7687")
    Traceback (most recent call last):
    govgraph.errors.Neo4jError: bulk import writes the files of a database on this machine; neo4j://db.example:7687 is not on it (use `govgraph neo4j load` for a remote server)
    """
    if (urlsplit(uri).hostname or "") not in LOCAL_HOSTS:
        raise Neo4jError(f"bulk import writes the files of a database on this machine; {uri} is not on it "
                         "(use `govgraph neo4j load` for a remote server)")


def _tail(text: str, lines: int = 12) -> str:
    keep = [x for x in text.splitlines() if x.strip() and not x.startswith((".", "-"))]
    return "\n".join(keep[-lines:])


def _set_later(conn: Neo4jConnection, later: list[tuple[str, bool, str, str, Any]]) -> None:
    by: dict[tuple[str, bool, str], list[list]] = {}
    for name, is_node, rid, key, value in later:
        by.setdefault((name, is_node, key), []).append([rid, value])
    with conn.session() as s:
        for (name, is_node, key), rows in by.items():
            check_names([name], [key])
            pattern = f"(x:{name} {{id: r[0]}})" if is_node else f"()-[x:{name} {{id: r[0]}}]->()"
            s.execute_write(lambda tx, q=f"UNWIND $rows AS r MATCH {pattern} SET x.{key} = r[1]", rows=rows:
                            tx.run(q, rows=rows).consume())


def _stored_counts(conn: Neo4jConnection, labels: Iterable[str], types: Iterable[str]) -> dict:
    """Nodes per label and relationships per type, from Neo4j's count store (no scan), in one
    statement (each statement is planned anew on the restarted server).

    >>> _counts_query(["Unit"], ["HOLDS"])
    "MATCH (n:Unit) RETURN 0 AS k, 'Unit' AS name, count(n) AS c UNION ALL MATCH ()-[r:HOLDS]->() RETURN 1 AS k, 'HOLDS' AS name, count(r) AS c"
    """
    labels, types = sorted(labels), sorted(types)
    out: dict = {"nodes": {}, "relationships": {}}
    with conn.session() as s:
        for k, name, c in s.run(_counts_query(labels, types)):
            out["relationships" if k else "nodes"][name] = c
    return {"nodes": {lb: out["nodes"][lb] for lb in labels}, "relationships": {t: out["relationships"][t] for t in types}}


def _counts_query(labels: Sequence[str], types: Sequence[str]) -> str:
    check_names([*labels, *types], [])
    parts = [f"MATCH (n:{lb}) RETURN 0 AS k, '{lb}' AS name, count(n) AS c" for lb in labels]
    parts += [f"MATCH ()-[r:{t}]->() RETURN 1 AS k, '{t}' AS name, count(r) AS c" for t in types]
    return " UNION ALL ".join(parts)


def _constrain(conn: Neo4jConnection, labels: Iterable[str]) -> None:
    """The constraints ``neo4j load`` creates, one session each at the same time: each
    waits for its index to be filled from the imported nodes, and those fillings overlap
    (at 10,000 notices 0.5-0.6 s instead of 1.0-1.4 s warm)."""
    def one(label: str) -> None:
        with conn.session() as s:
            create_constraints(s, [label])

    with ThreadPoolExecutor(max_workers=8, thread_name_prefix="govgraph-neo4j-constraint") as pool:
        list(pool.map(one, labels))


def bulk_import(
    projection: Projection,
    folder: str | os.PathLike,
    admin: Sequence[str],
    connect: Callable[[], Neo4jConnection],
    *,
    uri: str,
    database: str = "neo4j",
    env: dict[str, str] | None = None,
) -> dict:
    """Replace the local database with ``projection``: the CSV files into ``folder``,
    then the command ``admin`` with :func:`admin_arguments` appended (it must stop the
    server, run ``neo4j-admin database import full`` with those arguments and start the
    server again; ``env`` is its environment), then through ``connect()``: the
    constraints ``neo4j load`` creates, the values CSV cannot carry, and a count.

    Refuses a server not on this machine (``uri``; :func:`check_local`). Returns ``{"nodes": {label: n}, "relationships":
    {type: n}, "warnings": [...], "seconds": {"csv", "import", "after", "total"}}``
    (``seconds`` without the projection; ``importer``, the importer's own time, too if its
    output says it)."""
    check_local(uri)
    if "," in str(Path(folder).resolve()):
        raise Neo4jError(f"the CSV folder's path holds a comma, which the importer's file lists cannot: {folder}")
    t0 = time.monotonic()
    files = write_csv(projection, folder)
    t1 = time.monotonic()
    env = dict(os.environ if env is None else env)
    if sum(files.relationship_counts.values()) < SMALL_IMPORT:
        env.setdefault("NEO4J_IMPORT_JAVA_OPTS", "-XX:TieredStopAtLevel=1")
    try:
        p = subprocess.run([*admin, *admin_arguments(files, database)], capture_output=True, text=True, env=env)
    except OSError as e:
        raise Neo4jError(f"cannot run the importer {admin[0]!r}: {e.strerror or e}") from None
    if p.returncode != 0:
        raise Neo4jError(f"the Neo4j import failed (exit {p.returncode}):\n{_tail(p.stderr + p.stdout)}")
    t2 = time.monotonic()
    with connect() as conn, translated_errors(conn):
        _constrain(conn, projection.nodes)
        if files.later:
            _set_later(conn, files.later)
        got = _stored_counts(conn, files.node_counts, files.relationship_counts)
    want = {"nodes": dict(sorted(files.node_counts.items())),
            "relationships": dict(sorted(files.relationship_counts.items()))}
    if got != want:
        raise Neo4jError(f"the imported database holds {got}, not the projection's {want}")
    t3 = time.monotonic()
    seconds = {"csv": round(t1 - t0, 3), "import": round(t2 - t1, 3), "after": round(t3 - t2, 3),
               "total": round(t3 - t0, 3)}
    done = _DONE.search(p.stderr + p.stdout)  # the importer's own time, without stopping and starting
    if done:
        seconds["importer"] = round(sum(float(v) * f for v, f in zip(done.groups("0"), (3600, 60, 1, 0.001))), 3)
    return {**want, "warnings": projection.warnings, "seconds": seconds}


_DONE = re.compile(r"IMPORT DONE in (?:(\d+)h ?)?(?:(\d+)m(?!s) ?)?(?:(\d+)s ?)?(?:(\d+)ms)?")
