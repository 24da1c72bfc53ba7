"""Load the govgraph graph into Neo4j through the official ``neo4j`` Python driver.

The graph (labels and relationship types):

``Notice {id, doc, title, date, issuer, source}``, ``Person {id, name}``,
``Unit {id, name, aliases, unit_type}``, ``Post {id, unit, title}``,
``Group {id, name}``, ``Task {id, doc, ref, text, due}``;

``(Person)-[:HOLDS {as_of, start, end, former, note, ...}]->(Post)``,
``(Post)-[:POST_IN]->(Unit)``, ``(Person|Unit|Group)-[:MEMBER_OF {role, ...}]->(Group)``,
``(Group)-[:OFFICE_IN]->(Unit)``, ``(Unit)-[:LEADS {due, ...}]->(Task)``,
``(Unit)-[:RESPONSIBLE_FOR {due, ...}]->(Task)``, ``(Unit)-[:SUB_UNIT_OF]->(Unit)``,
``(Unit)-[:MEMBER_UNIT_OF]->(Unit)`` (member -> collective; ``former: true`` for
former members), ``(Task)-[:IN_NOTICE]->(Notice)``, ``(Group)-[:IN_NOTICE]->(Notice)``.

Every relationship that comes from a fact carries its provenance: ``doc``,
``quote`` (the evidence text), ``start_offset``/``end_offset`` (into
``Notice.text``) when the fact has evidence. Every node and relationship has a
deterministic ``id`` (``govgraph.facts.stable_id`` / ``fact_id``) and is
written with ``MERGE`` on it, so loading the same facts twice changes nothing
(a relationship between two nodes this load created is new and is written
with ``CREATE``).
Unit names resolve to the unit catalogue through :class:`UnitIndex`.

Values always travel as query parameters; the only things formatted into
Cypher text are this module's own label and relationship-type constants.

Errors: an unreachable server, refused credentials or a missing database raise
:class:`govgraph.errors.Neo4jError` with one clear line; Cypher Neo4j rejects
raises :class:`govgraph.errors.QueryError`.
"""

from __future__ import annotations

import gc
import hashlib
import os
import re
import threading
import time
from collections.abc import Callable, Iterable, Iterator, Sequence
from concurrent.futures import ThreadPoolExecutor
from contextlib import contextmanager
from dataclasses import dataclass, field
from typing import Any

import neo4j
from neo4j import exceptions as nx

from govgraph.errors import GovGraphError, Neo4jError, QueryError
from govgraph.facts import fact_id, stable_id, validate_fact
from govgraph.identity import UnitIndex, person_of, unit_scope
from govgraph.notice import Notice

__all__ = [
    "DEFAULT_URI",
    "LABELS",
    "REL_TYPES",
    "Neo4jConnection",
    "connect",
    "counts",
    "load",
    "load_rowwise",
    "run_cypher",
]

DEFAULT_URI = "bolt://127.0.0.1:7687"
LABELS = ("Notice", "Person", "Unit", "Post", "Group", "Task")
REL_TYPES = (
    "HOLDS",
    "POST_IN",
    "MEMBER_OF",
    "OFFICE_IN",
    "LEADS",
    "RESPONSIBLE_FOR",
    "SUB_UNIT_OF",
    "MEMBER_UNIT_OF",
    "IN_NOTICE",
)
_SCHEMES = ("bolt", "bolt+s", "bolt+ssc", "neo4j", "neo4j+s", "neo4j+ssc")
_IDENT = re.compile(r"^[A-Z][A-Za-z_]*$")
_KEY = re.compile(r"^[a-z][a-z_]*$")

Progress = Callable[[str, int, int], None]


# --------------------------------------------------------------------------- connection


class Neo4jConnection:
    """An open driver plus the database to use (None: the server's default).

    Use as a context manager or call :meth:`close`.
    """

    def __init__(self, driver: neo4j.Driver, uri: str, user: str, database: str | None, has_password: bool = True):
        self.driver = driver
        self.uri = uri
        self.user = user
        self.database = database
        self.has_password = has_password
        self.server_agent: str | None = None

    def session(self, **config: Any) -> neo4j.Session:
        return self.driver.session(database=self.database, **config)

    def close(self) -> None:
        self.driver.close()

    def __enter__(self) -> Neo4jConnection:
        return self

    def __exit__(self, *exc: object) -> None:
        self.close()

    def __repr__(self) -> str:
        db = self.database or "default database"
        return f"Neo4jConnection({self.uri}, user={self.user!r}, {db}, {self.server_agent})"


def _first_line(text: str, limit: int = 200) -> str:
    for line in str(text).splitlines():
        line = line.strip()
        if line:
            return line if len(line) <= limit else line[: limit - 1] + "…"
    return ""


def _unreachable_reason(e: Exception) -> str:
    msg = str(e)
    low = msg.lower()
    if "connection refused" in low:
        return "connection refused"
    if "dns resolve" in low or "name or service not known" in low or "nodename nor servname" in low:
        return "unknown host"
    if "timed out" in low or "timeout" in low:
        return "connection timed out"
    if "connection reset" in low:
        return "connection reset"
    m = re.search(r"\(reason ([^)]*)\)", msg)
    if m:
        return m.group(1)
    return _first_line(msg) or type(e).__name__


def _translate(e: Exception, conn: _Target) -> GovGraphError:
    """One clear line for a driver/server exception."""
    if isinstance(e, GovGraphError):
        return e
    user = conn.user
    code = getattr(e, "code", None) or ""
    message = getattr(e, "message", None) or str(e)
    if isinstance(e, nx.AuthError) or code == "Neo.ClientError.Security.Unauthorized":
        hint = "" if conn.has_password else " (no password given: set NEO4J_PASSWORD)"
        return Neo4jError(f"Neo4j refused the credentials for user {user!r}{hint}")
    if code.endswith("CredentialsExpired"):
        return Neo4jError(f"Neo4j requires a new password for user {user!r} before use (credentials expired)")
    if code.startswith("Neo.ClientError.Security"):
        return Neo4jError(f"Neo4j denied access for user {user!r}: {_first_line(message)}")
    if code == "Neo.ClientError.Database.DatabaseNotFound" or "DatabaseNotFound" in code:
        return Neo4jError(f"Neo4j has no database {conn.database!r}")
    if isinstance(e, (nx.ServiceUnavailable, nx.SessionExpired)):
        return Neo4jError(f"cannot reach Neo4j at {conn.uri}: {_unreachable_reason(e)}")
    if isinstance(e, nx.ClientError):
        return QueryError(f"Neo4j rejected the Cypher ({code.rsplit('.', 1)[-1] or 'error'}): {_first_line(message)}")
    if isinstance(e, nx.Neo4jError):
        return Neo4jError(f"Neo4j failed ({code or type(e).__name__}): {_first_line(message)}")
    if isinstance(e, (nx.DriverError, OSError)):
        return Neo4jError(f"Neo4j driver error with {conn.uri}: {_first_line(str(e)) or type(e).__name__}")
    raise e


@dataclass
class _Target:
    uri: str
    user: str
    database: str | None
    has_password: bool


@contextmanager
def _errors(conn: Neo4jConnection | _Target) -> Iterator[None]:
    target = conn if isinstance(conn, _Target) else _target_of(conn)
    try:
        yield
    except (nx.Neo4jError, nx.DriverError, OSError) as e:
        raise _translate(e, target) from None


def _target_of(conn: Neo4jConnection) -> _Target:
    return _Target(conn.uri, conn.user, conn.database, conn.has_password)


def connect(
    uri: str | None = None,
    user: str | None = None,
    password: str | None = None,
    database: str | None = None,
) -> Neo4jConnection:
    """Open a connection and check it by running ``RETURN 1`` on the database.

    Unset arguments come from ``NEO4J_URI`` (default ``bolt://127.0.0.1:7687``),
    ``NEO4J_USER`` (``neo4j``), ``NEO4J_PASSWORD`` (none: no authentication) and
    ``NEO4J_DATABASE`` (none: the server's default database).
    Raises :class:`Neo4jError` (one line) if the server cannot be reached, refuses
    the credentials or has no such database.
    """
    uri = uri or os.environ.get("NEO4J_URI") or DEFAULT_URI
    user = user or os.environ.get("NEO4J_USER") or "neo4j"
    if password is None:
        password = os.environ.get("NEO4J_PASSWORD")
    database = database or os.environ.get("NEO4J_DATABASE") or None
    scheme = uri.split("://", 1)[0].lower() if "://" in uri else ""
    if scheme not in _SCHEMES:
        raise Neo4jError(f"not a Neo4j Bolt URI: {uri!r} (expected bolt://host:port or neo4j://host:port)")
    target = _Target(uri, user, database, password is not None)
    auth = (user, password) if password is not None else None
    try:
        driver = neo4j.GraphDatabase.driver(uri, auth=auth, connection_timeout=15.0)
    except (ValueError, nx.ConfigurationError) as e:
        raise Neo4jError(f"bad Neo4j URI {uri!r}: {_first_line(str(e))}") from None
    conn = Neo4jConnection(driver, uri, user, database, has_password=password is not None)
    try:
        with _errors(target):
            with conn.session() as s:
                s.run("RETURN 1").consume()
            conn.server_agent = driver.get_server_info().agent
    except BaseException:
        driver.close()
        raise
    return conn


# --------------------------------------------------------------------------- the plan


@dataclass
class _RelGroup:
    type: str
    start: str  # label
    end: str  # label
    rows: dict[str, tuple[str, str, dict]] = field(default_factory=dict)  # rel id -> (a, b, props)
    derived: set[tuple[str, str]] = field(default_factory=set)  # (a, b) of the rels whose id is derived from them


def _rel_id(rtype: str, a: str, b: str) -> str:
    """``stable_id(rtype, a, b)`` for three strings, without its general argument handling."""
    return hashlib.sha1(f"{rtype}\x1f{a}\x1f{b}".encode()).hexdigest()[:16]


@dataclass
class _Plan:
    nodes: dict[str, dict[str, dict]]  # label -> node id -> props (with id)
    rels: dict[tuple[str, str, str], _RelGroup]
    warnings: list[str]

    def node(self, label: str, nid: str, props: dict) -> str:
        cur = self.nodes[label].get(nid)
        if cur is None:
            self.nodes[label][nid] = dict(props, id=nid)
        else:  # later facts fill gaps, never blank a value
            for k, v in props.items():
                if v is not None and cur.get(k) is None:
                    cur[k] = v
        return nid

    def rel(
        self, rtype: str, from_label: str, a: str, to_label: str, b: str, rid: str | None = None, /, **props: Any
    ) -> None:
        key = (rtype, from_label, to_label)
        g = self.rels.get(key)
        if g is None:
            g = self.rels[key] = _RelGroup(rtype, from_label, to_label)
        if rid is None:  # the id is a hash of (type, a, b): the same pair again is the same relationship
            if (a, b) in g.derived:
                return
            g.derived.add((a, b))
            rid = _rel_id(rtype, a, b)
        if rid not in g.rows:
            g.rows[rid] = (a, b, props)


def _provenance(fact: dict) -> dict:
    ev = fact.get("evidence") or {}
    return {
        "doc": fact.get("doc"),
        "quote": ev.get("text"),
        "start_offset": ev.get("start"),
        "end_offset": ev.get("end"),
    }


def _notice_fields(n: Notice | dict) -> dict:
    get = n.get if isinstance(n, dict) else lambda k: getattr(n, k, None)
    out = {k: get(k) for k in ("doc", "title", "date", "issuer", "source")}
    if get("place") is not None:
        out["place"] = get("place")
    return out


def _plan(facts: Iterable[dict], notices: Iterable[Notice | dict]) -> _Plan:
    facts = list(facts)
    plan = _Plan({label: {} for label in LABELS}, {}, [])
    good: list[dict] = []
    for f in facts:
        problems = validate_fact(f)
        if problems:
            plan.warnings.append(f"skipped a {f.get('kind')} fact of {f.get('doc', '?')}: {'; '.join(problems)}")
        else:
            good.append(f)
    units = UnitIndex(f for f in good if f["kind"] == "unit")

    # A name's node has the same id and properties every time: written once, then looked up.
    notice_ids: dict[str, str] = {}
    unit_ids: dict[tuple, str] = {}
    person_ids: dict[tuple, str] = {}
    group_ids: dict[tuple, str] = {}
    post_ids: dict[tuple, str] = {}

    def sid(kind: str, place: str | None, *parts: str) -> str:
        # a name in a place (the RDF IRIs hash the same); without a place, the name's id
        return stable_id(kind, *parts) if place is None else stable_id(kind, place, *parts)

    def where(name: str, place: str | None) -> str | None:
        """The place a unit name in a notice of ``place`` belongs to (``places.unit_scope``)."""
        return None if place is None else unit_scope(name, place)

    def notice(doc: str) -> str:
        nid = notice_ids.get(doc)
        if nid is None:
            nid = notice_ids[doc] = plan.node("Notice", stable_id("notice", doc), {"doc": doc})
        return nid

    def resolve(name: str, scope: str | None) -> tuple[str | None, str]:
        hit = units.lookup(name, scope)
        return hit if hit is not None else (scope, units.canonical(name, scope))

    def unit(name: str, scope: str | None = None) -> str:
        nid = unit_ids.get((scope, name))
        if nid is None:
            p, c = resolve(name, scope)
            u = units.unit(c, p) if units.lookup(c, p) else {}
            props = {"name": c, "aliases": units.aliases(c, p), "unit_type": units.unit_type(c, p),
                     "former": (u or {}).get("former")}
            if p is not None:
                props["place"] = p
            nid = unit_ids[(scope, name)] = plan.node("Unit", sid("unit", p, c), props)
        return nid

    def person(name: str, f: dict) -> str:
        place, variant = person_of(f)  # a name in a place, or whom a decision says
        nid = person_ids.get((place, name, variant))
        if nid is None:
            props = {"name": name} if place is None else {"name": name, "place": place}
            pid = sid("person", place, name)
            if variant:
                props["variant"] = variant
                pid = stable_id("person", place, name, variant)
            nid = person_ids[(place, name, variant)] = plan.node("Person", pid, props)
        return nid

    def group(name: str, place: str | None = None) -> str:
        nid = group_ids.get((place, name))
        if nid is None:
            props = {"name": name} if place is None else {"name": name, "place": place}
            nid = group_ids[(place, name)] = plan.node("Group", sid("group", place, name), props)
        return nid

    def post_node(unit_name: str, title: str, scope: str | None) -> tuple[str, str]:
        p, c = resolve(unit_name, scope)
        nid = post_ids.get((p, c, title))
        if nid is None:
            nid = post_ids[(p, c, title)] = plan.node("Post", sid("post", p, c, title), {"unit": c, "title": title})
        return nid, unit(c, p)

    given = set()
    for n in notices:
        fields_ = _notice_fields(n)
        if fields_["doc"]:
            given.add(fields_["doc"])
            plan.node("Notice", stable_id("notice", fields_["doc"]), fields_)

    # the catalogue: every unit, its parent and its members
    for f in good:
        if f["kind"] != "unit":
            continue
        up = f.get("place")
        u = unit(f["name"], up)
        prov = _provenance(f)
        if f.get("parent"):
            plan.rel("SUB_UNIT_OF", "Unit", u, "Unit", unit(f["parent"], up), **prov)
        for former, key in ((None, "members"), (True, "former_members")):
            for m in f.get(key) or []:
                plan.rel("MEMBER_UNIT_OF", "Unit", unit(m, up), "Unit", u, former=former, **prov)

    for f in good:
        kind, fid = f["kind"], fact_id(f)
        prov = _provenance(f)
        if f.get("doc") and f["doc"] not in given and kind != "unit":
            given.add(f["doc"])
            plan.warnings.append(f"no notice given for {f['doc']}: its Notice node has only the document number")
        place = f.get("place") if isinstance(f.get("place"), str) else None
        if kind == "post":
            post, u = post_node(f["unit"], f["title"], where(f["unit"], place))
            plan.rel("POST_IN", "Post", post, "Unit", u)
            plan.rel(
                "HOLDS", "Person", person(f["person"], f), "Post", post, fid,
                as_of=f.get("as_of"), start=f.get("start"), end=f.get("end"),
                former=f.get("former"), note=f.get("note"), **prov,
            )  # fmt: skip
        elif kind == "membership":
            g = group(f["group"], place)
            mt = f["member_type"]
            if mt == "person":
                label, m = "Person", person(f["member"], f)
            elif mt == "group":
                label, m = "Group", group(f["member"], place)
            else:
                label, m = "Unit", unit(f["member"], where(f["member"], place))
            plan.rel("MEMBER_OF", label, m, "Group", g, fid, role=f.get("role"), **prov)
            plan.rel("IN_NOTICE", "Group", g, "Notice", notice(f["doc"]))
        elif kind == "group":
            g = group(f["group"], place)
            plan.rel("IN_NOTICE", "Group", g, "Notice", notice(f["doc"]))
            if f.get("office_unit"):
                plan.rel("OFFICE_IN", "Group", g, "Unit", unit(f["office_unit"], where(f["office_unit"], place)),
                         fid, **prov)
        elif kind == "task":
            t = plan.node(
                "Task", fid, {"doc": f["doc"], "ref": f.get("ref"), "text": f.get("text"), "due": f.get("due")}
            )
            plan.rel("IN_NOTICE", "Task", t, "Notice", notice(f["doc"]))
            for rtype, key in (("LEADS", "lead"), ("RESPONSIBLE_FOR", "responsible")):
                for name in f.get(key) or []:
                    plan.rel(rtype, "Unit", unit(name, where(name, place)), "Task", t, due=f.get("due"), **prov)
    return plan


# --------------------------------------------------------------------------- writing


def _check_ident(*names: str) -> None:
    for n in names:
        if not _IDENT.match(n):  # only this module's constants ever reach Cypher text
            raise ValueError(f"bad label or type {n!r}")


def _check_keys(keys: Sequence[str]) -> None:
    for k in keys:
        if not _KEY.match(k):  # property names are this module's own keyword arguments
            raise ValueError(f"bad property name {k!r}")


def _sets(var: str, keys: Sequence[str], first: int) -> str:
    """``SET var.k = r[i], ...`` for the row columns from ``first`` on: the same as
    ``SET var += {k: ...}`` (a null removes the property), keys absent from the
    row untouched."""
    _check_keys(keys)
    if not keys:
        return ""
    return " SET " + ", ".join(f"{var}.{k} = r[{i}]" for i, k in enumerate(keys, first))


def _node_query(label: str, keys: Sequence[str]) -> str:
    """Nodes by batch; a row is ``[id, *values of keys]``. Returns ``[[id, elementId], ...]``."""
    _check_ident(label)
    return (
        f"UNWIND $rows AS r MERGE (n:{label} {{id: r[0]}})"
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


def _node_rows(nodes: dict[str, dict]) -> dict[tuple[str, ...], list[list]]:
    """Node rows as lists, by the keys they carry (a key a node lacks is left alone
    on the stored node, so nodes with other keys go in other queries)."""
    out: dict[tuple[str, ...], list[list]] = {}
    for nid, props in nodes.items():
        keys = tuple(k for k in props if k != "id")
        out.setdefault(keys, []).append([nid, *(props[k] for k in keys)])
    return out


def _rel_rows(g: _RelGroup, element_ids: dict[str, str]) -> dict[tuple[str, ...], list[list]]:
    out: dict[tuple[str, ...], list[list]] = {}
    for rid, (a, b, props) in g.rows.items():
        out.setdefault(tuple(props), []).append([rid, element_ids[a], element_ids[b], *props.values()])
    return out


def _constraints(session: neo4j.Session) -> None:
    for label in LABELS:
        _check_ident(label)
        name = f"govgraph_{label.lower()}_id"
        session.run(f"CREATE CONSTRAINT {name} IF NOT EXISTS FOR (n:{label}) REQUIRE n.id IS UNIQUE").consume()


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
def _gc_paused() -> Iterator[None]:
    """No cyclic garbage collection while the plan is built: its hundreds of thousands
    of small, long-lived objects would make each full collection walk all of them."""
    was = gc.isenabled()
    gc.disable()
    try:
        yield
    finally:
        if was:
            gc.enable()


def _load(
    conn: Neo4jConnection,
    facts: Iterable[dict],
    notices: Iterable[Notice | dict],
    *,
    wipe: bool,
    batch_size: int,
    progress: Progress | None,
    workers: int = 1,
    fresh: bool = True,
) -> dict:
    if batch_size < 1:
        raise ValueError("batch_size must be at least 1")
    t0 = time.monotonic()
    with _gc_paused():
        plan = _plan(facts, notices)
    summary: dict[str, Any] = {"nodes": {}, "relationships": {}, "warnings": plan.warnings}
    props_set = 0
    element_ids: dict[str, str] = {}  # node id -> element id, from the node writes

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

    def run(jobs: Iterable, section: str, created_key: str, workers: int) -> None:
        nonlocal props_set
        counters = _write_all(conn, jobs, workers)
        try:
            for (step, done, total), (c, returned) in counters:
                if returned:
                    element_ids.update(returned)
                summary[section][step]["created"] += getattr(c, created_key)
                props_set += c.properties_set
                if progress:
                    progress(step, done, total)
        finally:
            counters.close()

    def node_jobs() -> Iterator:
        for label in LABELS:
            yield from jobs_of(
                label, lambda label=label: _node_rows(plan.nodes[label]), lambda keys, label=label: _node_query(label, keys)
            )

    def rel_jobs(groups: list[tuple[tuple[str, str, str], _RelGroup]], create: bool) -> Iterator:
        for t, g in groups:
            yield from jobs_of(t[0], lambda g=g: _rel_rows(g, element_ids), lambda keys, t=t: _rel_query(*t, keys, create))

    with _errors(conn), _gc_paused():
        with conn.session() as s:
            if wipe:
                summary["deleted"] = _wipe(s, 10_000)
            _constraints(s)
        for label in LABELS:
            summary["nodes"][label] = {"merged": len(plan.nodes[label]), "created": 0}
        for (rtype, _, _), g in plan.rels.items():
            summary["relationships"].setdefault(rtype, {"merged": 0, "created": 0})["merged"] += len(g.rows)
        # nodes first (every batch committed), then the relationships between them
        run(node_jobs(), "nodes", "nodes_created", workers)
        # Labels whose every node this load wrote was new (all of them after a wipe or into
        # an empty database): a relationship between two nodes this load created cannot
        # exist yet, nor be written by another load (whose MERGE would not have created
        # them), so it is CREATEd without MERGE's search. MERGE locks both end nodes, and
        # concurrent batches of it deadlock: those run one at a time.
        new = {label for label, v in summary["nodes"].items() if v["created"] == v["merged"]} if fresh else set()
        groups = list(plan.rels.items())
        run(rel_jobs([(t, g) for t, g in groups if t[1] in new and t[2] in new], True),
            "relationships", "relationships_created", workers)
        run(rel_jobs([(t, g) for t, g in groups if not (t[1] in new and t[2] in new)], False),
            "relationships", "relationships_created", 1)
        summary["properties_set"] = props_set
    summary["relationships"] = dict(sorted(summary["relationships"].items()))
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
) -> dict:
    """Write ``facts`` and ``notices`` into the database, batched and idempotent.

    Uniqueness constraints on ``id`` come first, then ``UNWIND $rows ... MERGE``
    in transactions of ``batch_size`` rows (nodes, then relationships), rows
    sent as lists. Relationships between two labels all of whose nodes in this
    load were new (every label after a wipe or into an empty database) use
    ``CREATE``: they cannot exist yet. Relationship rows name their end nodes by
    the element ids the node writes returned (nodes deleted by someone else
    during the load may get no relationships). ``workers`` transactions run at a time
    (one session each), except relationship ``MERGE`` batches, which run one
    at a time (their node locks deadlock otherwise).
    ``wipe=True`` deletes every node and relationship first (in batches;
    constraints stay). ``progress(step, done, total)`` is called after each
    batch, ``step`` being a label or relationship type.

    Returns ``{"nodes": {label: {"merged": n, "created": n}}, "relationships":
    {type: {"merged": n, "created": n}}, "properties_set": n, "warnings": [...],
    "seconds": s}`` plus ``"deleted": {"nodes": n, "relationships": n}`` when
    wiping. ``merged`` counts the distinct nodes/relationships written,
    ``created`` the ones that were new. Invalid facts are skipped with a warning.
    """
    return _load(conn, facts, notices, wipe=wipe, batch_size=batch_size, progress=progress, workers=workers)


def load_rowwise(conn: Neo4jConnection, facts: list[dict], notices: list[Notice]) -> dict:
    """Baseline for the benchmark: the same graph as :func:`load`, one row per
    ``MERGE`` and one transaction per row (no batching)."""
    return _load(conn, facts, notices, wipe=False, batch_size=1, progress=None, fresh=False)


# --------------------------------------------------------------------------- reading


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
    with _errors(conn), conn.session() as s:
        result = s.run(text, params or {})
        columns = list(result.keys())
        rows = [{k: _plain(r[k]) for k in columns} for r in result]
    return columns, rows


def counts(conn: Neo4jConnection) -> dict:
    """``{"nodes": {label: n}, "relationships": {type: n}}`` for the whole database
    (a node with several labels counts under each)."""
    with _errors(conn), conn.session() as s:
        nodes = {
            r["label"]: r["n"]
            for r in s.run("MATCH (n) UNWIND labels(n) AS label RETURN label, count(*) AS n ORDER BY label")
        }
        rels = {
            r["type"]: r["n"] for r in s.run("MATCH ()-[r]->() RETURN type(r) AS type, count(*) AS n ORDER BY type")
        }
    return {"nodes": nodes, "relationships": rels}
