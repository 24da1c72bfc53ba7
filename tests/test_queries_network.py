"""Contract: unit-load (SPARQL) and the networkx ``overload`` analysis count the
same led / responsible / total per unit on the real extraction of the sample."""

from __future__ import annotations

import pytest

from govgraph import queries
from govgraph.graph.rdf_store import Store
from govgraph.build import build_store


@pytest.fixture(scope="module")
def real_store(sample_extraction, tmp_path_factory):
    store = Store.open(tmp_path_factory.mktemp("nx") / "kg", create=True)
    build_store(store, sample_extraction.facts, sample_extraction.notices)
    return store


@pytest.mark.parametrize("expand", [False, True])
def test_unit_load_matches_networkx_overload(real_store, expand):
    network = pytest.importorskip("govgraph.graph.network")
    analytics = pytest.importorskip("govgraph.graph.analytics")
    G = network.build_network(real_store.facts(), real_store.notices())
    _cols, rows = analytics.overload(G, expand_collectives=expand)
    nx_counts = sorted((r["unit"], r["led"], r["responsible"], r["total"]) for r in rows)
    sparql = queries.run(real_store, "unit-load", expand_collectives=expand)
    assert sorted(tuple(r.values()) for r in sparql.rows) == nx_counts
