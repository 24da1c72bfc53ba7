"""A connection to Neo4j through the official ``neo4j`` driver, and its errors in one line.

An unreachable server, refused credentials or a missing database raise
:class:`govgraph.errors.Neo4jError` with one clear line; Cypher Neo4j rejects
raises :class:`govgraph.errors.QueryError` (:func:`translated_errors` turns driver
exceptions into these).

>>> try:
...     connect(uri="http://127.0.0.1:7474")
... except Neo4jError as e:
...     print(str(e).split(" (")[0])
not a Neo4j Bolt URI: 'http://127.0.0.1:7474'
"""

from __future__ import annotations

import os
import re
from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import dataclass
from typing import Any

import neo4j
from neo4j import exceptions as nx

from govgraph.errors import GovGraphError, Neo4jError, QueryError

__all__ = ["DEFAULT_URI", "Neo4jConnection", "connect", "translated_errors"]

DEFAULT_URI = "bolt://127.0.0.1:7687"
_SCHEMES = ("bolt", "bolt+s", "bolt+ssc", "neo4j", "neo4j+s", "neo4j+ssc")


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
def translated_errors(conn: Neo4jConnection | _Target) -> Iterator[None]:
    """Driver and server exceptions raised inside the block as one-line
    :class:`Neo4jError` / :class:`QueryError`."""
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
        with translated_errors(target):
            with conn.session() as s:
                s.run("RETURN 1").consume()
            conn.server_agent = driver.get_server_info().agent
    except BaseException:
        driver.close()
        raise
    return conn


