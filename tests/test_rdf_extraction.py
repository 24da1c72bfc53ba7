"""The RDF store on the real extraction of the sample corpus (``sample_extraction``
fixture in conftest): round trip, evidence, SHACL and canned answers."""

from __future__ import annotations

import pytest
from rdflib import Dataset, Graph

from govgraph import queries
from govgraph.graph.rdf_store import Store
from govgraph.build import build_store
from test_rdf_sample import canonical


@pytest.fixture(scope="module")
def real_store(sample_extraction, tmp_path_factory):
    store = Store.open(tmp_path_factory.mktemp("real") / "kg", create=True)
    store.build_report = build_store(store, sample_extraction.facts, sample_extraction.notices)
    return store


def test_build_and_rebuild(real_store, sample_extraction):
    assert len(real_store.build_report.added) == len(sample_extraction.notices) == 10
    before = real_store.nquads()
    again = build_store(real_store, sample_extraction.facts, sample_extraction.notices)
    assert not again.changed and real_store.nquads() == before


def test_extract_build_facts_round_trip(real_store, sample_extraction):
    assert {canonical(f) for f in real_store.facts()} == {canonical(f) for f in sample_extraction.facts}


def test_evidence_points_into_the_stored_text(real_store):
    texts = {n.doc: n.text for n in real_store.notices()}
    facts = [f for f in real_store.facts() if "evidence" in f]
    assert len(facts) > 300
    for f in facts:
        ev = f["evidence"]
        assert texts[f["doc"]][ev["start"]:ev["end"]] == ev["text"], f


def test_shacl_on_real_extraction(real_store):
    pytest.importorskip("pyshacl")
    from govgraph.ontology import validate

    ds = Dataset()
    ds.parse(data=real_store.serialize("nquads"), format="nquads")
    g = Graph()
    for s, p, o, _c in ds.quads((None, None, None, None)):
        g.add((s, p, o))
    conforms, text = validate(g)
    assert conforms, text[:3000]


def test_canned_answers_on_real_extraction(real_store):
    r = queries.run(real_store, "appointment-history", person="许才勇")
    got = [(x["unit"], x["title"], x["as_of"], x["doc"]) for x in r.rows]
    assert got == [("区水务局", "局长", "2018-02-24", "阳政办〔2018〕5号"),
                   ("区水务局", "局长", "2018-04-12", "阳政办〔2018〕9号")]
    assert all("许才勇" in x["quote"] for x in r.rows)
    r = queries.run(real_store, "post-holders", unit="区水务局", title="局长")
    assert [(x["person"], x["as_of"], x["start"], x["end"], x["doc"]) for x in r.rows] == [
        ("易雄才", "", "2017-01", "2017-12", "阳政办〔2018〕7号"),
        ("许才勇", "2018-02-24", "", "", "阳政办〔2018〕5号"),
        ("许才勇", "2018-04-12", "", "", "阳政办〔2018〕9号")]
    assert "易雄才任期经济责任审计" in r.rows[0]["quote"]
    r = queries.run(real_store, "group-interlocks")
    people = {x["member"]: x["n_groups"] for x in r.rows if x["member_type"] == "person"}
    assert people["许才勇"] >= 2 and people["叶平"] >= 2 and people["张斌"] >= 2
    r = queries.run(real_store, "unit-load", top=3)
    assert r.rows[0]["unit"] == "区商旅局"
    for q in queries.catalogue():
        assert queries.run(real_store, q.name, **q.example).rows, q.name
