"""Injection: names built to break string-formatted SPARQL and Cypher come back as plain data.

Hostile person, unit, group, title and document names go into an RDF store (directly as facts,
and through extraction of tests/data/bad/hostile_group.txt) and into Neo4j; the canned questions
(``queries.run``, ``govgraph query``), ``Store.sparql`` with bindings and ``run_cypher`` with
parameters return them verbatim, and the stores still hold everything afterwards.
"""

from __future__ import annotations

import csv
import io
import json
import subprocess
import sys
from pathlib import Path

import pytest
import rdflib

from govgraph import queries
from govgraph.errors import QueryError
from govgraph.graph.rdf_store import Store
from govgraph.loaders import extract_paths
from govgraph.notice import Notice
from govgraph.build import build_store

ROOT = Path(__file__).resolve().parent.parent
BAD = ROOT / "tests" / "data" / "bad"
GOVGRAPH = [sys.executable, "-m", "govgraph.cli"]
# rdflib's own deprecation noise while it evaluates the canned questions
pytestmark = pytest.mark.filterwarnings("ignore::DeprecationWarning")

MARK = "注入测"  # in every unit, group and document name here, to find this test's data in Neo4j
HOSTILE = [
    '"} ; DROP ALL ; SELECT * {',
    "x' OR '1'='1",
    "') DETACH DELETE n //",
    "李\\四",
    "${x}",
    '张"}三',
    '\\" } . ?s ?p ?o . FILTER(true) #',
    "}} UNION { GRAPH ?g { ?s ?p ?o } } #",
    "<urn:x> ; DELETE WHERE { ?s ?p ?o }",
    "MATCH (n) DETACH DELETE n",
    "$name",
    "?person",
    "'''\"\"\"",
    "\\u0027\\x00\\",
    "%s {0} {{x}} %(x)s",
    "王\t五\n",
    "`n`) CALL db.clearQueryCaches() //",
]
UNIT = f'{MARK}县"}} ; DROP ALL ; {{局'
UNIT2 = f"{MARK}县') DETACH DELETE n //局"
GROUP = f"{MARK}\"}}领导小组 MATCH (n) DETACH DELETE n"
TITLE = "局长"


def _hostile_facts() -> tuple[list[dict], list[Notice]]:
    facts: list[dict] = [
        {"kind": "unit", "name": UNIT, "aliases": [UNIT, f"{MARK}x' OR '1'='1局"], "parent": None,
         "unit_type": "department"},
        {"kind": "unit", "name": UNIT2, "aliases": [UNIT2], "parent": UNIT, "unit_type": "agency"},
    ]
    notices = []
    for i, name in enumerate(HOSTILE, 1):
        doc = f'{MARK}发〔2021〕{i}号"}} DROP'
        quote = f"任命{name}为{UNIT}{TITLE}。"
        text = f"{MARK}通知 {i}。{quote}"
        notices.append(Notice(doc=doc, text=text, title=f"关于任免{name}的通知", date="2021-03-01",
                              issuer=f"{MARK}人民政府", source="hostile"))
        a = text.index(quote)
        ev = {"text": quote, "start": a, "end": a + len(quote)}
        facts.append({"kind": "post", "doc": doc, "person": name, "unit": UNIT, "title": TITLE,
                      "as_of": "2021-03-01", "evidence": ev})
        facts.append({"kind": "membership", "doc": doc, "group": GROUP, "member": name,
                      "member_type": "person", "role": "成员", "evidence": ev})
        facts.append({"kind": "group", "doc": doc, "group": GROUP, "office_unit": UNIT2, "evidence": ev})
        facts.append({"kind": "task", "doc": doc, "ref": f"{i}", "text": f"{name}任务", "lead": [UNIT],
                      "responsible": [UNIT2], "due": "2021-06-30", "evidence": ev})
    return facts, notices


def _canon(facts) -> list[str]:
    return sorted(json.dumps(f, sort_keys=True, ensure_ascii=False) for f in facts)


@pytest.fixture(scope="module")
def hostile_store(tmp_path_factory):
    facts, notices = _hostile_facts()
    path = tmp_path_factory.mktemp("inj") / "kg"
    store = Store.open(path, create=True)
    report = build_store(store, facts, notices)
    assert report.warnings == [] and len(report.added) == len(HOSTILE)
    yield store, facts, store.nquads()
    store.close()


def test_hostile_facts_round_trip_through_the_store(hostile_store):
    store, facts, _ = hostile_store
    stored = store.facts()
    assert _canon(f for f in stored if f["kind"] != "unit") == _canon(f for f in facts if f["kind"] != "unit")
    units = {u["name"]: u for u in stored if u["kind"] == "unit"}
    assert units[UNIT2]["parent"] == UNIT and f"{MARK}x' OR '1'='1局" in units[UNIT]["aliases"]
    assert {n.doc for n in store.notices()} == {f'{MARK}发〔2021〕{i}号"}} DROP' for i in range(1, len(HOSTILE) + 1)}


@pytest.mark.parametrize("name", HOSTILE)
def test_appointment_history_of_a_hostile_name(hostile_store, name):
    store, _, quads = hostile_store
    i = HOSTILE.index(name) + 1
    res = queries.run(store, "appointment-history", person=name)
    assert res.rows == [{"unit": UNIT, "title": TITLE, "as_of": "2021-03-01", "start": "", "end": "", "former": 0,
                         "doc": f'{MARK}发〔2021〕{i}号"}} DROP', "quote": f"任命{name}为{UNIT}{TITLE}。"}]
    assert len(store.nquads()) == len(quads)


def test_other_questions_with_hostile_units_titles_and_groups(hostile_store):
    store, _, quads = hostile_store
    holders = queries.run(store, "post-holders", unit=UNIT, title=TITLE)
    assert sorted(r["person"] for r in holders.rows) == sorted(HOSTILE)
    # An alias that is itself an injection string resolves to the unit, as data.
    assert queries.run(store, "post-holders", unit=f"{MARK}x' OR '1'='1局", title=TITLE).rows == holders.rows
    profile = queries.run(store, "unit-profile", unit=UNIT)
    cells = {str(v) for r in profile.rows for v in r.values()}
    assert {f"{n}任务" for n in HOSTILE} <= cells
    net = queries.run(store, "person-network", person=HOSTILE[0])
    assert GROUP in {str(v) for r in net.rows for v in r.values()}
    load = queries.run(store, "unit-load")
    assert {r["unit"]: r["total"] for r in load.rows}[UNIT] == len(HOSTILE)
    assert store.nquads() == quads


@pytest.mark.parametrize("probe", [
    '" } UNION { ?p ?q ?r } #',
    "x' OR '1'='1' --",
    "') MATCH (n) DETACH DELETE n //",
    "李\\\\四",
])
def test_unknown_injection_strings_are_unknown_names(hostile_store, probe):
    store, _, quads = hostile_store
    with pytest.raises(QueryError, match="unknown person"):
        queries.run(store, "appointment-history", person=probe)
    with pytest.raises(QueryError, match="unknown unit"):
        queries.run(store, "unit-profile", unit=probe)
    assert store.nquads() == quads


def test_sparql_bindings_carry_hostile_values(hostile_store):
    store, _, quads = hostile_store
    q = "SELECT ?p WHERE { ?p foaf:name ?n }"
    for name in HOSTILE:
        rows = store.sparql(q, bindings={"n": name}).rows
        assert len(rows) == 1, name
    assert store.sparql(q, bindings={"n": '" } ?p ?q ?r { "'}).rows == []
    assert store.nquads() == quads


def test_serialisations_of_hostile_strings_parse_back(hostile_store):
    store, _, quads = hostile_store
    lines = len([x for x in store.serialize("nquads").splitlines() if x.strip()])
    for fmt, rdflib_fmt in (("trig", "trig"), ("nquads", "nquads"), ("jsonld", "json-ld")):
        ds = rdflib.Dataset()
        ds.parse(data=store.serialize(fmt), format=rdflib_fmt)
        assert len(list(ds.quads((None, None, None, None)))) == lines, fmt
    g = rdflib.Graph()
    g.parse(data=store.serialize("turtle"), format="turtle")
    names = {str(o) for o in g.objects(None, rdflib.URIRef("http://xmlns.com/foaf/0.1/name"))}
    assert set(HOSTILE) <= names


def _cli(*args) -> subprocess.CompletedProcess:
    return subprocess.run(GOVGRAPH + [str(a) for a in args], capture_output=True, text=True, cwd=ROOT, timeout=300)


def test_cli_query_with_hostile_names(hostile_store):
    store, _, quads = hostile_store
    for name in ("x' OR '1'='1", '"} ; DROP ALL ; SELECT * {', "李\\四"):
        p = _cli("query", "appointment-history", name, "--store", store.path, "-f", "json")
        assert p.returncode == 0, p.stderr
        (row,) = json.loads(p.stdout)
        assert row["quote"] == f"任命{name}为{UNIT}{TITLE}。" and row["unit"] == UNIT
    p = _cli("query", "post-holders", "--param", f"unit={UNIT}", "--param", f"title={TITLE}", "--store", store.path,
             "-f", "csv")
    assert p.returncode == 0, p.stderr
    assert sorted(r["person"] for r in csv.DictReader(io.StringIO(p.stdout))) == sorted(
        n.replace("\n", " ") for n in HOSTILE)
    p = _cli("query", "appointment-history", "--store", store.path, "--", "') DETACH DELETE n //")
    assert p.returncode == 0 and "DETACH DELETE" in p.stdout, p.stderr
    p = _cli("query", "appointment-history", '" } UNION { ?p ?q ?r } #', "--store", store.path)
    assert p.returncode == 1 and "unknown person" in p.stderr
    reopened = Store.open(store.path)
    assert reopened.nquads() == quads


def test_hostile_names_through_extraction_build_and_query(tmp_path):
    src = BAD / "hostile_group.txt"
    ex = extract_paths([src])
    group = next(f["group"] for f in ex.by_kind("group"))
    assert '"}DROP{' in group and "\\" in group
    texts = {f["text"] for f in ex.by_kind("task")}
    assert any("DROPALL" in t and "'1'='1" in t for t in texts) and any("${x}" in t for t in texts)
    store = tmp_path / "kg"
    p = _cli("build", src, "--store", store, "-q")
    assert p.returncode == 0, p.stderr
    exported = _cli("export", "facts", "--store", store)
    assert _canon(json.loads(x) for x in exported.stdout.splitlines()) == _canon(ex.facts)
    p = _cli("query", "person-network", "赵建华", "--store", store, "-f", "json")
    assert p.returncode == 0, p.stderr
    assert group in {str(v) for r in json.loads(p.stdout) for v in r.values()}
    p = _cli("query", "unit-profile", "县数据局", "--store", store, "-f", "json")
    assert p.returncode == 0, p.stderr
    assert texts <= {str(v) for r in json.loads(p.stdout) for v in r.values()}


# ------------------------------------------------------------------ Neo4j

_MINE = ("(n:Person AND n.name IN $names) OR "
         "any(k IN ['name', 'doc', 'unit'] WHERE n[k] IS NOT NULL AND toString(n[k]) CONTAINS $mark)")


def _snapshot(conn) -> tuple:
    from govgraph.graph.neo4j_store import run_cypher

    p = {"names": HOSTILE, "mark": MARK}
    _, nodes = run_cypher(conn, f"MATCH (n) WHERE {_MINE} RETURN labels(n) AS l, properties(n) AS p", p)
    _, rels = run_cypher(conn, f"MATCH (n)-[r]->(m) WHERE {_MINE} RETURN type(r) AS t, properties(r) AS p", p)
    key = lambda x: json.dumps(x, sort_keys=True, ensure_ascii=False, default=str)  # noqa: E731
    return sorted(map(key, nodes)), sorted(map(key, rels))


@pytest.mark.neo4j
def test_neo4j_hostile_names_are_parameters(neo4j_conn):
    from govgraph.graph.neo4j_store import counts, load, run_cypher

    facts, notices = _hostile_facts()
    p = {"names": HOSTILE, "mark": MARK}
    run_cypher(neo4j_conn, f"MATCH (n) WHERE {_MINE} DETACH DELETE n", p)
    summary = load(neo4j_conn, facts, notices)
    assert summary["warnings"] == []
    assert summary["nodes"]["Person"]["merged"] == len(HOSTILE)
    before = _snapshot(neo4j_conn)
    total_before = counts(neo4j_conn)
    q = ("MATCH (p:Person {name: $name})-[h:HOLDS]->(post:Post)-[:POST_IN]->(u:Unit) "
         "RETURN p.name AS person, u.name AS unit, post.title AS title, h.doc AS doc, h.quote AS quote")
    for i, name in enumerate(HOSTILE, 1):
        cols, rows = run_cypher(neo4j_conn, q, {"name": name})
        assert rows == [{"person": name, "unit": UNIT, "title": TITLE, "doc": f'{MARK}发〔2021〕{i}号"}} DROP',
                         "quote": f"任命{name}为{UNIT}{TITLE}。"}]
    # Group and unit names as parameters too; injection strings that name nothing match nothing.
    _, rows = run_cypher(neo4j_conn, "MATCH (m:Person)-[:MEMBER_OF]->(g:Group {name: $g}) RETURN m.name AS m",
                         {"g": GROUP})
    assert sorted(r["m"] for r in rows) == sorted(HOSTILE)
    _, rows = run_cypher(neo4j_conn, "MATCH (u:Unit)-[:LEADS]->(t:Task) WHERE u.name = $u RETURN t.text AS t",
                         {"u": UNIT})
    assert sorted(r["t"] for r in rows) == sorted(f"{n}任务" for n in HOSTILE)
    for probe in ("') MATCH (n) DETACH DELETE n //", "x' OR '1'='1' //", '"}) RETURN 1 //'):
        assert run_cypher(neo4j_conn, q, {"name": probe})[1] == []
    # Loading the same hostile facts again changes nothing.
    again = load(neo4j_conn, facts, notices)
    assert all(v["created"] == 0 for v in again["nodes"].values())
    assert _snapshot(neo4j_conn) == before
    assert counts(neo4j_conn)["nodes"].get("Person", 0) >= total_before["nodes"]["Person"]
    run_cypher(neo4j_conn, f"MATCH (n) WHERE {_MINE} DETACH DELETE n", p)
