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
