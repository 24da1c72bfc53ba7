"""The on-disk RDF store: idempotent builds, replaced notices, kill-safety,
errors, exports, SHACL."""

from __future__ import annotations

import dataclasses
import os
import signal
import subprocess
import sys
import textwrap
import time
from pathlib import Path

import pytest
from rdflib import Dataset, Graph

from govgraph.errors import QueryError, StoreError
from govgraph.graph.rdf_terms import CATALOGUE_GRAPH, notice_iri
from govgraph.graph.rdf_store import Store, default_store_path
from govgraph.notice import Notice
from govgraph.build import build_store
from test_rdf_sample import ROOT, canonical, sample_facts, sample_notices, sample_store  # noqa: F401


def _build(path: Path, facts=None, notices=None) -> Store:
    store = Store.open(path, create=True)
    build_store(store, sample_facts() if facts is None else facts,
                sample_notices() if notices is None else notices)
    return store


def _union_is_kept(store: Store) -> bool:
    """The default graph holds exactly the triples of the named graphs."""
    import pyoxigraph as ox

    named, default = set(), set()
    for q in store.ox:
        (default if isinstance(q.graph_name, ox.DefaultGraph) else named).add(
            (q.subject, q.predicate, q.object))
    return named == default and len(default) > 0


def _count_is_right(store: Store) -> bool:
    """The quad count the build stored equals Oxigraph's count of the named graphs."""
    res = store.ox.query("SELECT (COUNT(*) AS ?n) WHERE { GRAPH ?g { ?s ?p ?o } }")
    return store._stored_count() is not None and len(store) == int(next(iter(res))[0].value)


def _answers_are_live(store: Store) -> list:
    """Every materialised question (and a narrowed month) read from the build's answers equals
    the question evaluated now; the cases compared."""
    from govgraph import queries

    cases = [(q.name, m) for q in queries.catalogue() for m in q.materialise]
    cases += [("deadlines", {"month": m}) for m in ("2018-06", "2018-12", "2031-01")]
    cases += [("unit-load", {"top": 3}), ("unit-load", {"expand_collectives": True}),
              ("group-interlocks", {"min_groups": 3})]
    for name, params in cases:
        assert queries.run(store, name, **params).rows == queries.run(store, name, live=True, **params).rows, \
            (name, params)
    return cases


# ------------------------------------------------------------- builds

def test_rebuild_changes_nothing(tmp_path):
    store = _build(tmp_path / "kg")
    before, gen = store.nquads(), store.generation
    report = build_store(store, sample_facts(), sample_notices())
    assert report.counts()["unchanged"] == 10
    assert not report.changed and not report.added and not report.replaced
    assert store.generation == gen and store.nquads() == before
    # a fresh store built from the same input holds exactly the same quads
    assert _build(tmp_path / "kg2").nquads() == before


def test_changed_text_replaces_the_notice(tmp_path):
    store = _build(tmp_path / "kg")
    n_quads = len(store)
    notices = list(sample_notices())
    old = notices[2]
    notices[2] = dataclasses.replace(old, text=old.text + " (更正)")
    report = build_store(store, sample_facts(), notices)
    assert report.replaced == [old.doc] and len(report.unchanged) == 9 and not report.added
    stored = {n.doc: n for n in store.notices()}
    assert len(stored) == 10 and stored[old.doc].text.endswith("(更正)")
    assert stored[old.doc].sha256 == notices[2].sha256
    assert len(store) == n_quads  # same size: replaced, not added beside the old graph
    assert _union_is_kept(store) and _count_is_right(store)
    texts = store.sparql("SELECT ?t WHERE { ?n dcterms:identifier ?doc ; schema:text ?t }",
                         bindings={"doc": old.doc}).rows
    assert texts == [{"t": notices[2].text}]
    assert {canonical(f) for f in store.facts()} == {canonical(f) for f in sample_facts()}


def test_changed_facts_replace_the_notice(tmp_path):
    store = _build(tmp_path / "kg")
    doc = "阳政办〔2018〕7号"
    facts = [f for f in sample_facts() if not (f.get("doc") == doc and f.get("person") == "易雄才")]
    report = build_store(store, facts, sample_notices())
    assert report.replaced == [doc] and len(report.unchanged) == 9
    assert _union_is_kept(store) and _count_is_right(store)
    assert "易雄才" not in {f.get("person") for f in store.facts() if f.get("doc") == doc}


def test_materialised_answers_follow_each_build(tmp_path):
    from govgraph import queries

    store = _build(tmp_path / "kg")
    key = queries.answer_key(queries.bind(store, queries.get("unit-load"), {})[0])
    first = store.answer("unit-load", key)
    assert first and first == queries.run(store, "unit-load", live=True).rows
    assert store.answer("unit-load", queries.answer_key({"expand_collectives": "true"})) is None
    assert len(_answers_are_live(store)) >= 9
    # a build that drops a notice's tasks recomputes the answers with the new generation
    doc = "阳政办〔2018〕10号"
    report = build_store(store, [f for f in sample_facts() if not (f.get("doc") == doc and f["kind"] == "task")],
                         sample_notices())
    assert report.replaced == [doc]
    second = store.answer("unit-load", key)
    assert second != first and sum(r["total"] for r in second) < sum(r["total"] for r in first)
    _answers_are_live(store)
    assert _union_is_kept(store) and _count_is_right(store)


def test_notices_not_in_a_later_build_stay(tmp_path):
    store = _build(tmp_path / "kg")
    one = [n for n in sample_notices() if n.doc == "阳政办〔2018〕9号"]
    report = build_store(store, [f for f in sample_facts() if f.get("doc") == one[0].doc], one)
    assert report.counts()["unchanged"] == 1 and not report.changed
    assert len(store.notices()) == 10


def test_catalogue_change_re_resolves_stored_notices(tmp_path):
    n = Notice(doc="测试〔2018〕1号", text="新单位负责。", date="2018-05-01")
    task = {"kind": "task", "doc": n.doc, "ref": "1", "text": "负责", "lead": ["新单位"],
            "responsible": [], "due": None}
    store = Store.open(tmp_path / "kg", create=True)
    build_store(store, [task], [n])
    assert store.sparql("SELECT ?l WHERE { ?u <https://govgraph.dev/ontology#leads> ?t ; "
                        "<http://www.w3.org/2004/02/skos/core#prefLabel> ?l }").rows == [{"l": "新单位"}]
    unit = {"kind": "unit", "name": "新设单位", "aliases": ["新设单位", "新单位"], "parent": None,
            "unit_type": "department"}
    report = build_store(store, [unit], [])
    assert report.catalogue_changed and report.refreshed == [n.doc]
    rows = store.sparql("SELECT DISTINCT ?l WHERE { ?u <https://govgraph.dev/ontology#leads> ?t ; "
                        "<http://www.w3.org/2004/02/skos/core#prefLabel> ?l }").rows
    assert rows == [{"l": "新设单位"}]
    assert _union_is_kept(store) and _count_is_right(store)
    assert task in store.facts()  # the fact still reads back as written


def test_duplicate_and_invalid_facts_are_reported(tmp_path):
    n = Notice(doc="测试〔2018〕2号", text="x", date="2018-05-01")
    good = {"kind": "group", "doc": n.doc, "group": "某领导小组"}
    bad = {"kind": "post", "doc": n.doc, "person": "某人"}
    store = Store.open(tmp_path / "kg", create=True)
    report = build_store(store, [good, dict(good), bad], [n])
    assert len(report.warnings) == 1 and "missing unit" in report.warnings[0]
    assert store.facts() == [good]


def test_progress_is_called(tmp_path):
    calls = []
    store = Store.open(tmp_path / "kg", create=True)
    build_store(store, sample_facts(), sample_notices(), progress=lambda i, n, doc: calls.append((i, n, doc)))
    assert [c[0] for c in calls] == list(range(1, 11)) and calls[-1][1] == 10  # one call per notice


# ------------------------------------------------------------- opening

def test_open_errors(tmp_path, monkeypatch):
    with pytest.raises(StoreError, match="no store at"):
        Store.open(tmp_path / "missing")
    f = tmp_path / "file"
    f.write_text("x")
    with pytest.raises(StoreError, match="is a file"):
        Store.open(f)
    other = tmp_path / "other"
    other.mkdir()
    (other / "something").write_text("x")
    with pytest.raises(StoreError, match="not a govgraph store"):
        Store.open(other)
    store = Store.open(tmp_path / "kg", create=True)
    (store.path / "CURRENT").write_text("gen-999999\n")
    with pytest.raises(StoreError, match="damaged"):
        Store.open(tmp_path / "kg")
    monkeypatch.setenv("GOVGRAPH_STORE", str(tmp_path / "env-store"))
    assert default_store_path() == tmp_path / "env-store"
    monkeypatch.delenv("GOVGRAPH_STORE")
    assert default_store_path() == Path("govgraph-data")


def test_empty_store_reads(tmp_path):
    store = Store.open(tmp_path / "kg", create=True)
    assert store.facts() == [] and store.notices() == [] and len(store) == 0
    assert Store.open(tmp_path / "kg").stats()["notices"] == 0


# --------------------------------------------------------- kill-safety

_KILL_SCRIPT = textwrap.dedent("""
    import sys
    from govgraph.build import build_store
    from govgraph.graph.rdf_store import Store
    from govgraph.notice import Notice
    N = int(sys.argv[2])
    notices, facts = [], []
    for i in range(N):
        doc = f"合成〔2099〕{i}号"
        notices.append(Notice(doc=doc, text=f"合成通知{i} " + "文字" * 400, date="2099-01-01"))
        for j in range(40):
            facts.append({"kind": "task", "doc": doc, "ref": str(j), "text": f"任务{i}-{j}",
                          "lead": [f"单位{j % 7}"], "responsible": [f"单位{(j + 1) % 7}", "区水务局"],
                          "due": "2099-12-31", "evidence": {"text": "文字", "start": 3, "end": 5}})
    print("planned", flush=True)
    store = Store.open(sys.argv[1])
    build_store(store, facts, notices, progress=lambda i, n, doc: print("wrote", i, n, flush=True))
    print("done", flush=True)
""")


def test_kill_during_build_leaves_old_store(tmp_path):
    store = _build(tmp_path / "kg")
    before, gen, facts_before = store.nquads(), store.generation, store.facts()
    store.close()
    env = dict(os.environ, PYTHONPATH=str(ROOT))
    proc = subprocess.Popen([sys.executable, "-c", _KILL_SCRIPT, str(tmp_path / "kg"), "300"],
                            stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True, env=env)
    killed_at = None
    deadline = time.monotonic() + 300
    for line in proc.stdout:
        parts = line.split()
        if parts[:1] == ["wrote"] and int(parts[1]) >= 50:
            killed_at = int(parts[1])
            os.kill(proc.pid, signal.SIGKILL)
            break
        assert parts[:1] != ["done"], "build finished before it could be killed"
        assert time.monotonic() < deadline
    proc.wait(timeout=60)
    assert killed_at is not None, proc.stderr.read()
    assert proc.returncode == -signal.SIGKILL
    # the half-written generation is there, but not live
    gens = sorted(p.name for p in (tmp_path / "kg").glob("gen-*"))
    assert len(gens) >= 2 and gens[-1] != gen
    reopened = Store.open(tmp_path / "kg")
    assert reopened.generation == gen
    assert reopened.nquads() == before
    assert reopened.facts() == facts_before
    # and the next build works and clears the leftover
    n = Notice(doc="测试〔2018〕3号", text="y", date="2018-05-02")
    report = build_store(reopened, [{"kind": "group", "doc": n.doc, "group": "另一领导小组"}], [n])
    assert report.added == [n.doc] and len(reopened.notices()) == 11
    assert _union_is_kept(reopened)
    assert gens[-1] not in {p.name for p in (tmp_path / "kg").glob("gen-*")} or \
        reopened.generation == gens[-1]


def test_second_build_while_one_runs_is_refused(tmp_path):
    import fcntl

    store = Store.open(tmp_path / "kg", create=True)
    fd = os.open(tmp_path / "kg" / ".lock", os.O_RDWR | os.O_CREAT)
    fcntl.flock(fd, fcntl.LOCK_EX)
    try:
        with pytest.raises(StoreError, match="another build"):
            build_store(store, sample_facts(), sample_notices())
    finally:
        os.close(fd)


# ------------------------------------------------------ export, stats, SHACL

@pytest.mark.parametrize("fmt,parser", [("turtle", "turtle"), ("trig", "trig"),
                                        ("nquads", "nquads"), ("jsonld", "json-ld")])
def test_exports_parse_back(sample_store, tmp_path, fmt, parser):
    text = sample_store.serialize(fmt)
    if fmt == "turtle":
        g = Graph().parse(data=text, format=parser)
        assert len(g) == sample_store.stats()["triples"]
    else:
        ds = Dataset()
        ds.parse(data=text, format=parser)
        quads = {(s, p, o, c) for s, p, o, c in ds.quads((None, None, None, None))}
        assert len(quads) == len(sample_store)
        assert {str(c) for *_, c in quads} >= {str(CATALOGUE_GRAPH), str(notice_iri("阳政办〔2018〕9号"))}
    out = tmp_path / f"export.{fmt}"
    assert sample_store.serialize(fmt, out=out) is None and out.stat().st_size > 1000
    with pytest.raises(StoreError, match="unknown export format"):
        sample_store.serialize("rdfxml-ish")


def test_stats(sample_store):
    st = sample_store.stats()
    assert st["notices"] == 10 and st["units"] == 124
    assert st["classes"]["gg:Notice"] == 10 and st["classes"]["gg:Task"] == 146
    assert st["classes"]["gg:PostHolding"] == 74 and st["classes"]["gg:GroupMembership"] == 89
    assert st["per_notice"]["阳政办〔2018〕10号"]["task"] == 99
    assert st["per_notice"]["阳政办〔2018〕7号"]["post"] == 20


def test_shacl_conforms(sample_store):
    pytest.importorskip("pyshacl")
    from govgraph.ontology import validate

    g = Graph()
    ds = Dataset()
    ds.parse(data=sample_store.serialize("nquads"), format="nquads")
    for s, p, o, _c in ds.quads((None, None, None, None)):
        g.add((s, p, o))
    conforms, text = validate(g)
    assert conforms, text
    # and the shapes do bite: a holding without its person
    from rdflib import URIRef

    holding = next(g.subjects(URIRef("http://www.w3.org/1999/02/22-rdf-syntax-ns#type"),
                              URIRef("https://govgraph.dev/ontology#PostHolding")))
    g.remove((holding, URIRef("http://www.w3.org/ns/org#member"), None))
    conforms, text = validate(g)
    assert not conforms and "org:member" in text


def test_sparql_is_read_only(sample_store):
    before = len(sample_store)
    with pytest.raises(QueryError):
        sample_store.sparql("DROP ALL")
    with pytest.raises(QueryError):
        sample_store.sparql("CLEAR DEFAULT")
    assert len(sample_store) == before
    assert sample_store.sparql("ASK { ?s a <https://govgraph.dev/ontology#Notice> }").rows == [{"ask": True}]


def test_content_hash_is_the_same_from_every_term_kind(sample_store):
    """The hash a build stores for a notice graph is what rdf_write.content_hash gives for the
    same graph in rdflib terms (rdf_write.notice_triples) and for the stored Oxigraph quads."""
    from govgraph.graph import rdf_write as rdf

    cat = sample_store.catalogue()
    facts = sample_store.facts()
    for notice in sample_store.notices():
        g = notice_iri(notice.doc)
        stored = sample_store._stored_hashes()[str(g)]
        mine = [f for f in facts if f.get("doc") == notice.doc and f["kind"] != "unit"]
        assert rdf.content_hash(rdf.notice_triples(notice, mine, cat)) == stored
        import pyoxigraph as ox
        quads = sample_store.ox.quads_for_pattern(None, None, None, ox.NamedNode(str(g)))
        assert rdf.content_hash((q.subject, q.predicate, q.object) for q in quads) == stored


def test_catalogue_without_docs_reads_every_other_predicate(sample_store):
    """units(docs=False) reads the catalogue by predicate: the list names every predicate the
    catalogue graph holds but gg:mentionedIn, and gives the units as units() does, less docs."""
    import pyoxigraph as ox

    from govgraph.graph import rdf_terms as rdf
    from govgraph.graph.rdf_write import CATALOGUE_PREDICATES

    g = ox.NamedNode(str(rdf.CATALOGUE_GRAPH))
    held = {q.predicate.value for q in sample_store.ox.quads_for_pattern(None, None, None, g)}
    assert held - {str(rdf.GG.mentionedIn), str(rdf.RDF.type)} <= set(CATALOGUE_PREDICATES)
    assert [{k: v for k, v in u.items() if k != "docs"} for u in sample_store.units()] == \
        sample_store.units(docs=False)


def test_solutions_read_in_one_call_are_the_iterated_ones():
    """``rdf_sparql.solutions`` (a query serialised as SPARQL JSON in one call, then read: the
    first/last-seen look-ups beside the stored answers) gives the solutions iterating them gives:
    IRIs, typed, language-tagged and plain literals, unbound cells, in the columns' order."""
    import pyoxigraph as ox

    from govgraph.graph.rdf_sparql import solutions

    db = ox.Store()
    s, p, q = (ox.NamedNode(f"https://example.org/{x}") for x in "spq")
    g = ox.NamedNode("https://example.org/g")
    for o in (ox.Literal("2018-01-02", datatype=ox.NamedNode("http://www.w3.org/2001/XMLSchema#date")),
              ox.Literal("区水务局", language="zh"), ox.Literal("甲\"乙\n丙"), ox.NamedNode("https://example.org/o")):
        db.add(ox.Quad(s, p, o, g))
    db.add(ox.Quad(q, p, ox.Literal("7", datatype=ox.NamedNode("http://www.w3.org/2001/XMLSchema#integer")), g))
    text = "SELECT ?o ?x ?g WHERE { GRAPH ?g { ?s <https://example.org/p> ?o } OPTIONAL { ?s <https://example.org/none> ?x } }"
    iterated = sorted((tuple(r) for r in db.query(text)), key=str)
    assert len(iterated) == 5 and all(r[1] is None for r in iterated)
    assert sorted(solutions(db, text), key=str) == iterated


def test_rows_read_in_one_call_are_the_rows_read_one_by_one(sample_store):
    """``rdf_sparql.one_call`` (a build's stored answers beside its first/last-seen thread): every
    canned question on the sample gives the same rows, values and types as read row by row."""
    from govgraph import queries
    from govgraph.graph.rdf_sparql import one_call

    checked = 0
    for q in queries.catalogue():
        plain = queries.run(sample_store, q.name, live=True, with_place=True, **q.example).rows
        with one_call():
            assert queries.run(sample_store, q.name, live=True, with_place=True, **q.example).rows == plain, q.name
        checked += bool(plain)
    assert checked >= 6


def test_notices_with_facts_read_by_workers_are_those_read_here(sample_store):
    """Worker processes reading the notice graphs a few at a time give the same notices and
    facts, in the same order, as this process reading them one by one."""
    here = list(sample_store.notices_with_facts())
    assert len(here) == len(sample_store.notices()) > 3
    assert list(sample_store.notices_with_facts(jobs=2, chunk=3)) == here
    assert [f for _, facts in here for f in facts] + sample_store.units() == sample_store.facts()


def test_projection_read_notice_by_notice_is_the_projection_of_all_facts(sample_store):
    """``Graph.projection`` (the catalogue, then each notice with its facts: never all facts
    held) gives the nodes and edges of ``project`` over all the store's facts and notices."""
    from govgraph import api
    from govgraph.graph.projection import project

    streamed = api.Graph(sample_store).projection()
    whole = project(sample_store.facts(), [n for n, _ in sample_store.notices_with_facts()])
    assert streamed.edges == whole.edges and streamed.skipped == whole.skipped

    def nodes(p):
        return {nid: (n.label, n.props, n.docs, n.place) for ns in p.nodes.values() for nid, n in ns.items()}

    assert nodes(streamed) == nodes(whole) and sum(map(len, streamed.edges.values())) > 100
