"""The bulk path (``govgraph neo4j import``: CSV + ``neo4j-admin database import full``) gives the
graph the MERGE path (``neo4j load``) gives: the same nodes, relationships, properties,
constraints and answers to the canned questions.

One import for the module (the importer and the server restart are JVM start-ups): the sample
store plus a task whose text holds what CSV must quote (line breaks, quotes, commas), imported
through ``api.neo4j_import`` and dumped; then loaded with ``neo4j load --wipe`` (which is what the
database holds afterwards, as the other Neo4j tests expect) and dumped again.

Needs a real Neo4j started by scripts/neo4j-local (tests/neo4j_fixture.py); restarts and
overwrites its database.
"""

from __future__ import annotations

import json
import os
import subprocess
import sys
from pathlib import Path

import pytest
from test_parity import CASES, _answer

from govgraph import api
from govgraph.build import build_store
from govgraph.graph import neo4j_import as bulk
from govgraph.graph import neo4j_store
from govgraph.graph.projection import project
from govgraph.graph.rdf_store import Store
from govgraph.queries import cypher

ROOT = Path(__file__).resolve().parents[1]
HOSTILE = 'line one\nline "two", three\r\n\\ four;five'


# --------------------------------------------------------------------------- no server


def test_csv_quotes_types_and_leaves_to_bolt_what_it_cannot_say(tmp_path, sample_extraction):
    p = project(sample_extraction.facts, sample_extraction.notices)
    unit = next(iter(p.nodes["Unit"].values()))
    unit.props.update(aliases=[], note=7)  # an empty list; a long in a column of strings (below)
    others = list(p.nodes["Unit"].values())[1:3]
    others[0].props.update(note="seven", text=HOSTILE)
    others[1].props.update(note="eight", aliases=["a\nb"])  # strings are the commoner type
    for n in list(p.nodes["Unit"].values())[3:5]:
        n.props["share"] = 0.5
    list(p.nodes["Unit"].values())[5].props["share"] = float("nan")
    files = bulk.write_csv(p, tmp_path)
    assert files.node_counts == {k: len(v) for k, v in p.nodes.items() if v}
    assert sum(files.relationship_counts.values()) == sum(len(v) for v in p.edges.values())
    assert files.multiline
    assert ("Unit", True, unit.id, "aliases", []) in files.later
    assert ("Unit", True, unit.id, "note", 7) in files.later
    assert [x[3] for x in files.later if x[3] == "share"] == ["share"]  # nan, not 0.5
    header, data = dict(files.nodes)["Unit"]
    assert header.read_text(encoding="utf-8").split(",")[:4] == [":ID(Unit)", "id:string", "name:string",
                                                                 "aliases:string[]"]
    text = data.read_bytes().decode("utf-8")
    assert '"line one\nline ""two"", three\r\n\\ four;five"' in text
    assert '"a\nb"' in text and ",0.5" in text
    args = bulk.admin_arguments(files)
    assert args[:2] == ["neo4j", "--overwrite-destination=true"] and "--multiline-fields=true" in args
    assert sum(a.startswith("--relationships=HOLDS=") for a in args) == 1


def test_two_processes_write_the_same_files(tmp_path, sample_extraction, monkeypatch):
    p = project(sample_extraction.facts, sample_extraction.notices)
    units, holds = list(p.nodes["Unit"].values()), list(p.edges["HOLDS"].values())
    units[0].props.update(note=7, text=HOSTILE)  # left for later, and a line break, in a node file
    units[1].props["note"], units[2].props["note"] = "seven", "eight"  # strings are the commoner type
    holds[-1].props.update(note=[], quote=HOSTILE)  # and in a relationship file
    monkeypatch.setattr(bulk, "PARALLEL_ROWS", 1)  # the sample is small: split it all the same
    one, two = bulk.write_csv(p, tmp_path / "one", workers=1), bulk.write_csv(p, tmp_path / "two", workers=2)

    def described(files):
        return ([(name, h.name, d.name) for name, (h, d) in files.nodes + files.relationships], files.node_counts,
                files.relationship_counts, files.multiline, files.later)

    assert described(one) == described(two)
    assert one.multiline and ("Unit", True, units[0].id, "note", 7) in one.later
    assert ("HOLDS", False, holds[-1].id, "note", []) in one.later
    assert sorted(f.name for f in (tmp_path / "one").iterdir()) == sorted(f.name for f in (tmp_path / "two").iterdir())
    for f in (tmp_path / "one").iterdir():
        assert f.read_bytes() == (tmp_path / "two" / f.name).read_bytes(), f.name


def test_a_remote_server_is_refused(tmp_path):
    Store.open(tmp_path / "kg", create=True)
    env = {**os.environ, "PYTHONPATH": str(ROOT)}
    p = subprocess.run([sys.executable, "-m", "govgraph.cli", "neo4j", "import", "--store", str(tmp_path / "kg"),
                        "--uri", "bolt://db.example:7687"], capture_output=True, text=True, env=env, timeout=120)
    assert p.returncode == 1
    assert "bulk import writes the files of a database on this machine" in p.stderr
    assert "govgraph neo4j load" in p.stderr


# --------------------------------------------------------------------------- import vs load


def _dump(conn) -> dict:
    """Every node (labels, properties) and relationship (type, ends' labels and ids,
    properties) as sorted JSON lines, the counts and the constraints."""
    def lines(q):
        return sorted(json.dumps(list(r.values()), ensure_ascii=False, sort_keys=True)
                      for r in neo4j_store.run_cypher(conn, q)[1])
    return {
        "counts": neo4j_store.counts(conn),
        "nodes": lines("MATCH (n) RETURN labels(n) AS l, properties(n) AS p"),
        "relationships": lines("MATCH (a)-[r]->(b) RETURN type(r) AS t, labels(a) AS la, a.id AS a, "
                               "labels(b) AS lb, b.id AS b, properties(r) AS p"),
        "constraints": lines("SHOW CONSTRAINTS YIELD name, type, labelsOrTypes, properties "
                             "RETURN name, type, labelsOrTypes, properties"),
    }


def _answers(conn, store) -> list:
    return [_answer(lambda: cypher.run(conn, store, name, **params)) for name, params in CASES]


def _revive(conn) -> None:
    """After the server restart, the shared connection's pooled sockets are dead: a managed
    transaction retries on a fresh one (and drops the dead)."""
    with conn.session() as s:
        s.execute_read(lambda tx: tx.run("RETURN 1").consume())


@pytest.fixture(scope="module")
def both(tmp_path_factory, sample_extraction, neo4j_uri, neo4j_conn):
    if os.environ.get("NEO4J_URI"):
        pytest.skip("bulk import needs the server of scripts/neo4j-local (NEO4J_URI is set)")
    facts = list(sample_extraction.facts)
    task = next(f for f in facts if f["kind"] == "task")
    facts.append({**task, "ref": "附件.99", "text": HOSTILE, "due": None})
    store = Store.open(tmp_path_factory.mktemp("bulk") / "kg", create=True)
    build_store(store, facts, sample_extraction.notices)
    g = api.Graph(store)
    summary = api.neo4j_import(g, uri=neo4j_uri, csv_dir=tmp_path_factory.mktemp("csv"))
    _revive(neo4j_conn)
    imported = _dump(neo4j_conn), _answers(neo4j_conn, store)
    loaded_summary = neo4j_store.load(neo4j_conn, g.facts(), g.notices(), wipe=True)
    loaded = _dump(neo4j_conn), _answers(neo4j_conn, store)
    return summary, loaded_summary, imported, loaded


db = pytest.mark.neo4j


@db
def test_import_counts_are_the_projection(both):
    summary, loaded_summary, (dump, _), _ = both
    assert summary["warnings"] == loaded_summary["warnings"] == []
    assert summary["nodes"] == {k: v["merged"] for k, v in loaded_summary["nodes"].items() if v["merged"]}
    assert summary["relationships"] == {k: v["merged"] for k, v in loaded_summary["relationships"].items()}
    assert dump["counts"] == {"nodes": summary["nodes"], "relationships": summary["relationships"]}
    assert set(summary["seconds"]) == {"project", "csv", "import", "importer", "after", "total"}
    assert 0 < summary["seconds"]["importer"] < summary["seconds"]["import"]


@db
def test_same_graph_as_the_merge_path(both):
    _, _, (imported, _), (loaded, _) = both
    assert imported["counts"] == loaded["counts"]
    assert imported["constraints"] == loaded["constraints"] != []
    assert imported["nodes"] == loaded["nodes"]
    assert imported["relationships"] == loaded["relationships"]
    assert any(json.dumps(HOSTILE, ensure_ascii=False) in line for line in imported["nodes"])


@db
def test_same_answers_as_the_merge_path(both):
    _, _, (_, imported), (_, loaded) = both
    assert len(imported) == len(CASES)
    assert sum(a[0] == "rows" and bool(a[2]) for a in imported) > len(CASES) // 2
    assert imported == loaded


@db
def test_values_csv_cannot_carry_are_set_through_bolt(both, neo4j_conn):
    """What ``write_csv`` leaves for later (an empty list, a value of another type than its
    column's) is set as MERGE would set it."""
    neo4j_store.run_cypher(neo4j_conn, "CREATE (:Probe {id: 'p1'})-[:PROBED {id: 'r1'}]->(:Probe {id: 'p2'})")
    try:
        bulk._set_later(neo4j_conn, [("Probe", True, "p1", "aliases", []), ("Probe", True, "p2", "note", 7),
                                     ("PROBED", False, "r1", "quote", HOSTILE)])
        _, rows = neo4j_store.run_cypher(neo4j_conn, "MATCH (a:Probe {id: 'p1'})-[r:PROBED]->(b:Probe) "
                                         "RETURN a.aliases AS a, b.note AS n, r.quote AS q")
        assert rows == [{"a": [], "n": 7, "q": HOSTILE}]
    finally:
        neo4j_store.run_cypher(neo4j_conn, "MATCH (n:Probe) DETACH DELETE n")
