"""A fact kind added by declaration alone (docs/architecture.md, "Adding a fact kind"):
declared in TOML and registered, its facts are validated, written to the RDF store and
read back, projected into networkx and Neo4j, counted in the store's stats, given
ontology terms and drawn in the page in the declared style — with no code of its own."""

from __future__ import annotations

from pathlib import Path

import pytest

from govgraph import kinds
from govgraph.build import build_store
from govgraph.facts import fact_id, validate_fact
from govgraph.graph.network import build_network
from govgraph.graph.rdf_store import Store
from govgraph.graph.viz import page_data
from govgraph.ontology import load_ontology

INSPECTION = Path(__file__).with_name("data") / "inspection.toml"


@pytest.fixture
def inspection():
    """The kind registered for one test, and taken out again."""
    before_kinds, before_nodes = set(kinds.KINDS), set(kinds.NODES)
    kinds.register(INSPECTION)
    yield kinds.get("inspection")
    for name in set(kinds.KINDS) - before_kinds:
        del kinds._KINDS[name]
    for name in set(kinds.NODES) - before_nodes:
        del kinds._NODES[name]


@pytest.fixture
def world(sample_extraction):
    """The sample's notices and facts, plus one inspection fact whose evidence is a
    quote of the notice that names 区水务局's 局长."""
    notices = list(sample_extraction.notices)
    post = next(f for f in sample_extraction.facts
                if f["kind"] == "post" and f["unit"] == "区水务局" and f.get("evidence"))
    notice = next(n for n in notices if n.doc == post["doc"])
    ev = post["evidence"]
    assert notice.text[ev["start"]:ev["end"]] == ev["text"]
    fact = {"kind": "inspection", "doc": post["doc"], "unit": "区水务局", "inspector": post["person"],
            "text": "防汛安全检查", "date": "2018-05-02", "evidence": dict(ev)}
    if post.get("place"):
        fact["place"] = post["place"]
    return notices, list(sample_extraction.facts), fact


def test_declared_facts_are_validated(inspection, world):
    _, _, fact = world
    assert validate_fact(fact) == []
    assert validate_fact({k: v for k, v in fact.items() if k != "text"}) == ["inspection: missing text"]
    assert fact_id(fact) == fact_id(dict(fact, date="2019-01-01"))  # date is not in its key


def test_declared_facts_go_to_rdf_and_back(inspection, world, tmp_path):
    notices, facts, fact = world
    store = Store.open(tmp_path / "kg", create=True)
    build_store(store, facts + [fact], notices)
    back = [f for f in store.facts() if f["kind"] == "inspection"]
    assert back == [fact]
    assert store.stats()["per_notice"][fact["doc"]]["inspection"] == 1
    rows = store.sparql(
        "PREFIX gg: <https://govgraph.dev/ontology#> PREFIX skos: <http://www.w3.org/2004/02/skos/core#> "
        "SELECT ?u WHERE { ?i a gg:Inspection ; gg:inspects ?x . ?x skos:prefLabel ?u }").rows
    assert [r["u"] for r in rows] == ["区水务局"]
    store.close()
    from rdflib import OWL, RDF, URIRef

    assert (URIRef("https://govgraph.dev/ontology#Inspection"), RDF.type, OWL.Class) in load_ontology()


def test_declared_facts_in_networkx_and_the_page(inspection, world):
    notices, facts, fact = world
    G = build_network(facts + [fact], notices)
    (node,) = [n for n, d in G.nodes(data=True) if d["type"] == "inspection"]
    assert G.nodes[node]["label"] == "防汛安全检查" and G.nodes[node]["date"] == "2018-05-02"
    out = {(d["rel"], G.nodes[v]["label"], d["role"]) for _, v, d in G.out_edges(node, data=True)}
    assert ("inspects", "区水务局", "检查") in out
    assert ("inspected_by", fact["inspector"], None) in out
    assert any(rel == "in_notice" for rel, _, _ in out)
    types = {t["type"]: t for t in page_data(G)["types"]}
    assert (types["inspection"]["color"], types["inspection"]["shape"]) == ("#76b7b2", "ellipse")


@pytest.mark.neo4j
def test_declared_facts_in_neo4j(inspection, world, neo4j_conn):
    from govgraph.graph.neo4j_store import load, run_cypher

    notices, facts, fact = world
    summary = load(neo4j_conn, facts + [fact], notices, wipe=True)
    assert summary["nodes"]["Inspection"]["merged"] == 1
    _, rows = run_cypher(neo4j_conn, "MATCH (i:Inspection)-[r:INSPECTS]->(u:Unit) "
                                     "RETURN u.name AS unit, r.quote AS quote, i.text AS text")
    assert rows == [{"unit": "区水务局", "quote": fact["evidence"]["text"], "text": "防汛安全检查"}]
