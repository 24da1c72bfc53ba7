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
written with ``MERGE`` on it, so loading the same facts twice changes nothing.
Unit names resolve to the unit catalogue through :class:`UnitIndex`.

Values always travel as query parameters; the only things formatted into
Cypher text are this module's own label and relationship-type constants.

Errors: an unreachable server, refused credentials or a missing database raise
:class:`govgraph.errors.Neo4jError` with one clear line; Cypher Neo4j rejects
raises :class:`govgraph.errors.QueryError`.
"""

from __future__ import annotations

import os
import re
import time
from collections.abc import Callable, Iterable, Iterator, Sequence
from contextlib import contextmanager
from dataclasses import dataclass, field
from typing import Any

import neo4j
from neo4j import exceptions as nx

from govgraph.errors import GovGraphError, Neo4jError, QueryError
from govgraph.facts import fact_id, stable_id, validate_fact
from govgraph.graph.units import UnitIndex
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
    rows: dict[str, dict] = field(default_factory=dict)  # rel id -> {id, a, b, props}


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
        g = self.rels.setdefault((rtype, from_label, to_label), _RelGroup(rtype, from_label, to_label))
        rid = rid or stable_id(rtype, a, b)
        g.rows.setdefault(rid, {"id": rid, "a": a, "b": b, "props": props})


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
    return {k: get(k) for k in ("doc", "title", "date", "issuer", "source")}


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

    def notice(doc: str) -> str:
        return plan.node("Notice", stable_id("notice", doc), {"doc": doc})

    def unit(name: str) -> str:
        c = units.canonical(name)
        u = units.unit(c) or {}
        return plan.node(
            "Unit",
            stable_id("unit", c),
            {"name": c, "aliases": units.aliases(c), "unit_type": units.unit_type(c), "former": u.get("former")},
        )

    def person(name: str) -> str:
        return plan.node("Person", stable_id("person", name), {"name": name})

    def group(name: str) -> str:
        return plan.node("Group", stable_id("group", name), {"name": name})

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
        u = unit(f["name"])
        prov = _provenance(f)
        if f.get("parent"):
            plan.rel("SUB_UNIT_OF", "Unit", u, "Unit", unit(f["parent"]), **prov)
        for former, key in ((None, "members"), (True, "former_members")):
            for m in f.get(key) or []:
                plan.rel("MEMBER_UNIT_OF", "Unit", unit(m), "Unit", u, former=former, **prov)

    for f in good:
        kind, fid = f["kind"], fact_id(f)
        prov = _provenance(f)
        if f.get("doc") and f["doc"] not in given and kind != "unit":
            given.add(f["doc"])
            plan.warnings.append(f"no notice given for {f['doc']}: its Notice node has only the document number")
        if kind == "post":
            c = units.canonical(f["unit"])
            post = plan.node("Post", stable_id("post", c, f["title"]), {"unit": c, "title": f["title"]})
            plan.rel("POST_IN", "Post", post, "Unit", unit(c))
            plan.rel(
                "HOLDS", "Person", person(f["person"]), "Post", post, fid,
                as_of=f.get("as_of"), start=f.get("start"), end=f.get("end"),
                former=f.get("former"), note=f.get("note"), **prov,
            )  # fmt: skip
        elif kind == "membership":
            g = group(f["group"])
            mt = f["member_type"]
            if mt == "person":
                label, m = "Person", person(f["member"])
            elif mt == "group":
                label, m = "Group", group(f["member"])
            else:
                label, m = "Unit", unit(f["member"])
            plan.rel("MEMBER_OF", label, m, "Group", g, fid, role=f.get("role"), **prov)
            plan.rel("IN_NOTICE", "Group", g, "Notice", notice(f["doc"]))
        elif kind == "group":
            g = group(f["group"])
            plan.rel("IN_NOTICE", "Group", g, "Notice", notice(f["doc"]))
            if f.get("office_unit"):
                plan.rel("OFFICE_IN", "Group", g, "Unit", unit(f["office_unit"]), fid, **prov)
        elif kind == "task":
            t = plan.node(
                "Task", fid, {"doc": f["doc"], "ref": f.get("ref"), "text": f.get("text"), "due": f.get("due")}
            )
            plan.rel("IN_NOTICE", "Task", t, "Notice", notice(f["doc"]))
            for rtype, key in (("LEADS", "lead"), ("RESPONSIBLE_FOR", "responsible")):
                for name in f.get(key) or []:
                    plan.rel(rtype, "Unit", unit(name), "Task", t, due=f.get("due"), **prov)
    return plan


# --------------------------------------------------------------------------- writing


def _check_ident(*names: str) -> None:
    for n in names:
        if not _IDENT.match(n):  # only this module's constants ever reach Cypher text
            raise ValueError(f"bad label or type {n!r}")


def _node_query(label: str) -> str:
    _check_ident(label)
    return f"UNWIND $rows AS r MERGE (n:{label} {{id: r.id}}) SET n += r"


def _rel_query(rtype: str, start: str, end: str, create: bool = False) -> str:
    """Relationships by batch; ``create`` (into a wiped database: nothing to merge with) skips MERGE's search."""
    _check_ident(rtype, start, end)
    verb = "CREATE" if create else "MERGE"
    return (
        f"UNWIND $rows AS r "
        f"MATCH (a:{start} {{id: r.a}}) MATCH (b:{end} {{id: r.b}}) "
        f"{verb} (a)-[x:{rtype} {{id: r.id}}]->(b) SET x += r.props"
    )


def _constraints(session: neo4j.Session) -> None:
    for label in LABELS:
        _check_ident(label)
        name = f"govgraph_{label.lower()}_id"
        session.run(f"CREATE CONSTRAINT {name} IF NOT EXISTS FOR (n:{label}) REQUIRE n.id IS UNIQUE").consume()


def _wipe(session: neo4j.Session, batch_size: int) -> dict:
    deleted = {"nodes": 0, "relationships": 0}
    q = "MATCH (n) WITH n LIMIT $limit DETACH DELETE n"
    while True:
        c = session.execute_write(lambda tx: tx.run(q, limit=batch_size).consume().counters)
        deleted["nodes"] += c.nodes_deleted
        deleted["relationships"] += c.relationships_deleted
        if c.nodes_deleted == 0:
            return deleted


def _batches(rows: Sequence[dict], size: int) -> Iterator[list[dict]]:
    for i in range(0, len(rows), size):
        yield list(rows[i : i + size])


def _load(
    conn: Neo4jConnection,
    facts: Iterable[dict],
    notices: Iterable[Notice | dict],
    *,
    wipe: bool,
    batch_size: int,
    progress: Progress | None,
) -> dict:
    if batch_size < 1:
        raise ValueError("batch_size must be at least 1")
    t0 = time.monotonic()
    plan = _plan(facts, notices)
    summary: dict[str, Any] = {"nodes": {}, "relationships": {}, "warnings": plan.warnings}

    def write(session: neo4j.Session, query: str, rows: list[dict]) -> Any:
        return session.execute_write(lambda tx: tx.run(query, rows=rows).consume().counters)

    with _errors(conn), conn.session() as s:
        if wipe:
            summary["deleted"] = _wipe(s, max(batch_size, 1000))
        _constraints(s)
        props_set = 0
        for label in LABELS:
            rows = list(plan.nodes[label].values())
            q = _node_query(label)
            created = 0
            for done, batch in enumerate(_batches(rows, batch_size), 1):
                c = write(s, q, batch)
                created += c.nodes_created
                props_set += c.properties_set
                if progress:
                    progress(label, min(done * batch_size, len(rows)), len(rows))
            summary["nodes"][label] = {"merged": len(rows), "created": created}
        for (rtype, start, end), g in plan.rels.items():
            rows = list(g.rows.values())
            q = _rel_query(rtype, start, end, create=wipe)
            entry = summary["relationships"].setdefault(rtype, {"merged": 0, "created": 0})
            for done, batch in enumerate(_batches(rows, batch_size), 1):
                c = write(s, q, batch)
                entry["created"] += c.relationships_created
                props_set += c.properties_set
                if progress:
                    progress(rtype, min(done * batch_size, len(rows)), len(rows))
            entry["merged"] += len(rows)
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
) -> dict:
    """Write ``facts`` and ``notices`` into the database, batched and idempotent.

    Uniqueness constraints on ``id`` come first, then ``UNWIND $rows ... MERGE``
    in transactions of ``batch_size`` rows (nodes, then relationships).
    ``wipe=True`` deletes every node and relationship first (in batches;
    constraints stay). ``progress(step, done, total)`` is called after each
    batch, ``step`` being a label or relationship type.

    Returns ``{"nodes": {label: {"merged": n, "created": n}}, "relationships":
    {type: {"merged": n, "created": n}}, "properties_set": n, "warnings": [...],
    "seconds": s}`` plus ``"deleted": {"nodes": n, "relationships": n}`` when
    wiping. ``merged`` counts the distinct nodes/relationships written,
    ``created`` the ones that were new. Invalid facts are skipped with a warning.
    """
    return _load(conn, facts, notices, wipe=wipe, batch_size=batch_size, progress=progress)


def load_rowwise(conn: Neo4jConnection, facts: list[dict], notices: list[Notice]) -> dict:
    """Baseline for the benchmark: the same graph as :func:`load`, one row per
    ``MERGE`` and one transaction per row (no batching)."""
    return _load(conn, facts, notices, wipe=False, batch_size=1, progress=None)


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
