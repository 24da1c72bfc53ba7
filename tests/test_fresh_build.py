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


# ------------------------------------------- flush and optimize beside the answers (round 21)

def _build_with_settling(tmp_path, name, extraction, monkeypatch, hold_all: bool):
    """A fresh build of ``extraction`` whose stored answers are written in batches of 2 kB of
    pages (of 4 kB at most): with ``hold_all``, the flush and ``optimize`` wait until every
    answer is evaluated, so every batch is held (``_Held``) and written after them; else the
    answers wait for them, so none is held."""
    import threading

    from govgraph.build import build_store
    from govgraph.graph import rdf_build
    from govgraph.graph.rdf_store import Store

    monkeypatch.setattr(rdf_build.Writer, "ANSWER_WRITE_BYTES", 2 * 1024)
    monkeypatch.setattr(rdf_build.Writer, "PAGE_BYTES", 4 * 1024)
    answered, held = threading.Event(), []
    settle, answers, hold = rdf_build.Writer._settle, rdf_build.Writer._answers, rdf_build._Held.hold

    def late_settle(self):
        assert answered.wait(120)
        settle(self)

    def answers_after(self):
        if not hold_all:
            self.held.settling.result()
        try:
            answers(self)
        finally:
            answered.set()

    def counted_hold(self, triples, gname):
        done = hold(self, triples, gname)
        held.append(done)
        return done

    if hold_all:
        monkeypatch.setattr(rdf_build.Writer, "_settle", late_settle)
    monkeypatch.setattr(rdf_build.Writer, "_answers", answers_after)
    monkeypatch.setattr(rdf_build._Held, "hold", counted_hold)
    s = Store.open(tmp_path / name, create=True)
    build_store(s, extraction.facts, extraction.notices, extracted=True)
    monkeypatch.undo()
    return s, held


def test_answers_held_while_the_store_settles_give_the_same_quads(tmp_path, sample_extraction, monkeypatch):
    """A fresh build flushes and optimizes beside the stored answers, holding their writes: the
    same quads whether every batch was held and written after, or none was."""
    from govgraph.graph import rdf_build

    held_store, held = _build_with_settling(tmp_path, "held", sample_extraction, monkeypatch, True)
    direct_store, direct = _build_with_settling(tmp_path, "direct", sample_extraction, monkeypatch, False)
    assert len(held) > 3 and all(held) and direct and not any(direct)
    assert _quads(held_store) == _quads(direct_store)
    pages = held_store.ox.quads_for_pattern(None, None, rdf_build._PAGE_CLASS, None)
    assert sum(1 for _ in pages) >= len(held) - 1
    assert not [p for p in (tmp_path / "held").iterdir() if p.is_file() and p.name.startswith("tmp")]


def test_a_failing_flush_beside_the_answers_fails_the_build_and_leaves_the_store(tmp_path, sample_path,
                                                                                 monkeypatch):
    """An error of the flush run beside the answers fails the build (``StoreError``); the store
    stays as it was: empty, its abandoned generation removed."""
    import pytest

    from govgraph import api
    from govgraph.errors import StoreError
    from govgraph.graph import rdf_build
    from govgraph.graph.rdf_store import Store

    def full_disk():
        raise OSError(28, "No space left on device")

    def broken(self):
        self._io(full_disk)  # as a flush on a full disk fails: a StoreError

    path = tmp_path / "kg"
    Store.open(path, create=True)
    before = sorted(p.name for p in path.iterdir() if not p.name.startswith("."))
    monkeypatch.setattr(rdf_build.Writer, "_settle", broken)
    with pytest.raises(StoreError, match="No space left"):
        api.build([sample_path], path)
    monkeypatch.undo()
    assert sorted(p.name for p in path.iterdir() if not p.name.startswith(".")) == before
    assert len(Store.open(path)) == 0
