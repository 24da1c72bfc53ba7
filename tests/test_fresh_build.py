"""A fresh build's shortcuts (issue 16) give what the general path gives: the extraction's facts
are trusted as valid, and each fact's first/last seen is gathered while writing instead of
queried from the finished store."""

from __future__ import annotations

import pyoxigraph as ox

from govgraph.facts import validate_fact
from govgraph.graph.rdf_build import seen_triples
from govgraph.graph.rdf_terms import SEEN_GRAPH


def test_the_extractions_facts_are_valid_as_made(sample_extraction):
    """``Store.build(trusted=True)`` does not check them again: every one passes."""
    assert sample_extraction.facts
    assert [f for f in sample_extraction.facts if validate_fact(f)] == []


def test_a_fresh_builds_seen_graph_is_what_the_store_query_gives(sample_store):
    """The seen graph written from the notice graphs as they went in equals ``seen_triples``
    run over the finished store (the incremental builds' way), in the graph and the union."""
    db = sample_store.ox
    g = ox.NamedNode(str(SEEN_GRAPH))
    stored = {(q.subject, q.predicate, q.object) for q in db.quads_for_pattern(None, None, None, g)}
    expected = set(seen_triples(db)[0])
    assert len(expected) > 500 and stored == expected
    assert all(any(True for _ in db.quads_for_pattern(*t, ox.DefaultGraph())) for t in expected)


# ---------------------------------------------------------------- the spool (issue 16, round 4)

def _quads(store) -> list[str]:
    return sorted(str(q) for q in store.ox)


def test_a_build_through_the_spool_gives_the_quads_of_the_extraction_held_in_memory(tmp_path, sample_path):
    """``api.build`` spools the extraction and reads each notice back when its graph is made:
    the same quads as ``build_store`` given the whole extraction in memory."""
    from govgraph import api
    from govgraph.build import build_store
    from govgraph.graph.rdf_store import Store

    spooled = api.build([sample_path], tmp_path / "spooled")
    held = api.extract([sample_path])
    s = Store.open(tmp_path / "held", create=True)
    build_store(s, held.facts, held.notices, extracted=True)
    assert len(spooled.graph.store) > 1000 and _quads(spooled.graph.store) == _quads(s)
    # the result reads the spooled extraction back: the same notices and facts, in order
    ex = spooled.extraction
    assert [n.doc for n in ex.notices] == [n.doc for n in held.notices]
    assert list(ex.facts) == held.facts and len(ex.facts) == len(held.facts)
    assert ex.kinds() == held.kinds() and held.kinds()["unit"] > 0


def test_a_spooled_build_holds_one_notices_facts_at_a_time(tmp_path, sample_path):
    """While the notice graphs are made (``progress``), the facts alive in the process are those
    of the notice at hand, not the extraction's (which waits on disk)."""
    import gc
    from collections import Counter

    from govgraph import api

    def facts_alive() -> int:  # other tests' fixtures may hold some: counted before the build
        return sum(1 for o in gc.get_objects()
                   if type(o) is dict and o.get("kind") in ("post", "membership", "task", "group") and "doc" in o)

    alive, before = [], facts_alive()

    def count(done, total, doc):
        if done == total // 2:
            alive.append(facts_alive() - before)

    res = api.build([sample_path], tmp_path / "kg", progress=count)
    per_doc = Counter(f.get("doc") for f in res.extraction.facts if f["kind"] != "unit")
    most = max(per_doc.values())
    total = sum(n for k, n in res.extraction.kinds().items() if k != "unit")
    assert total > 3 * most and alive and alive[0] <= most


def test_the_spool_leaves_no_file_after_a_build_or_a_refused_one(tmp_path):
    """The spool is an unnamed temporary file beside the store: nothing in the folder after a
    build, nor after one refused (``strict``: the extraction warned) before the store is made."""
    import pytest

    from govgraph import api
    from govgraph.errors import StrictError

    from conftest import ROOT

    api.build([ROOT / "data" / "real" / "notices" / "gov-03.txt"], tmp_path / "kg")
    assert sorted(p.name for p in tmp_path.iterdir()) == ["kg"]
    assert not [p for p in (tmp_path / "kg").iterdir() if "spool" in p.name]
    with pytest.raises(StrictError):
        api.build([ROOT / "tests" / "data" / "bad" / "hostile_names.txt"], tmp_path / "other", strict=True)
    assert sorted(p.name for p in tmp_path.iterdir()) == ["kg"]
