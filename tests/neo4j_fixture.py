"""pytest fixtures for a real Neo4j server (never a mock).

``neo4j_uri`` (session): the Bolt URI of a running server.
  - ``NEO4J_URI`` set: use that server (credentials from ``NEO4J_USER`` /
    ``NEO4J_PASSWORD``, database from ``NEO4J_DATABASE``);
  - else no ``java``: skip;
  - else ``scripts/neo4j-local start`` (idempotent: reuses a running server,
    fetches the jars from Maven Central only the first time) and use its URI.
  The server is left running for the next run unless ``GOVGRAPH_NEO4J_STOP=1``
  (then a server this fixture started is stopped at the end of the session).

``neo4j_conn`` (session): a ``govgraph.graph.neo4j_store.Neo4jConnection`` to it.

Tests that use them wipe the database: do not point ``NEO4J_URI`` at data you
want to keep.

conftest.py makes them available to every test module with:
    from neo4j_fixture import neo4j_uri, neo4j_conn  # noqa: F401
"""

from __future__ import annotations

import os
import shutil
import subprocess
from pathlib import Path

import pytest

__all__ = ["JAVA_MISSING", "NEO4J_LOCAL", "neo4j_conn", "neo4j_uri"]

ROOT = Path(__file__).resolve().parents[1]
NEO4J_LOCAL = ROOT / "scripts" / "neo4j-local"
JAVA_MISSING = "Java is not installed: cannot start a local Neo4j (scripts/neo4j-local needs Java 17)"


def _uri_from(stdout: str) -> str | None:
    for line in stdout.splitlines():
        if line.startswith("NEO4J_URI="):
            return line.split("=", 1)[1].strip()
    return None


@pytest.fixture(scope="session")
def neo4j_uri() -> str:
    uri = os.environ.get("NEO4J_URI")
    if uri:
        yield uri
        return
    if shutil.which("java") is None:
        pytest.skip(JAVA_MISSING)
    was_running = subprocess.run([str(NEO4J_LOCAL), "status"], capture_output=True, text=True).returncode == 0
    p = subprocess.run([str(NEO4J_LOCAL), "start"], capture_output=True, text=True, timeout=900)
    uri = _uri_from(p.stdout)
    if p.returncode != 0 or not uri:
        pytest.fail(f"scripts/neo4j-local start failed (exit {p.returncode}):\n{p.stderr[-3000:]}", pytrace=False)
    yield uri
    if os.environ.get("GOVGRAPH_NEO4J_STOP") == "1" and not was_running:
        subprocess.run([str(NEO4J_LOCAL), "stop"], capture_output=True, text=True, timeout=120)


@pytest.fixture(scope="session")
def neo4j_conn(neo4j_uri):
    from govgraph.graph.neo4j_store import connect

    conn = connect(uri=neo4j_uri)
    yield conn
    conn.close()
