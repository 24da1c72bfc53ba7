"""Issue 13 on Neo4j: the mixed-place corpus of tests/test_places.py answers the same on
both backends (parity), place by place, ambiguity errors included; decisions too.

Needs a real Neo4j (tests/neo4j_fixture.py); wipes the database it runs against.
"""

from __future__ import annotations

import pytest

from govgraph import queries
from govgraph.graph import neo4j_store
from govgraph.graph.rdf_store import Store
from govgraph.loaders import extract_paths
from govgraph.loaders.decisions import Decisions, apply_decisions
from govgraph.queries import cypher
from govgraph.build import build_store
from test_parity import _answer
from test_places import MIXED

pytestmark = pytest.mark.neo4j




@pytest.fixture(scope="module")
def loaded(tmp_path_factory, neo4j_conn):
    def load(decisions: str = ""):
        ex = extract_paths(MIXED)
        apply_decisions(ex.facts, Decisions.parse(decisions))
        store = Store.open(tmp_path_factory.mktemp("pn") / "kg", create=True)
        build_store(store, ex.facts, ex.notices)
        summary = neo4j_store.load(neo4j_conn, store.facts(), store.notices(), wipe=True)
        assert summary["warnings"] == []
        return store
    return load


CASES = [
    ("deadlines", {}),
    ("group-interlocks", {"min_groups": 1}),
    ("post-holders", {"unit": "区财政局", "title": "副局长", "place": "汉阳区"}),
    ("post-holders", {"unit": "区财政局", "title": "副局长", "place": "云溪区"}),
    ("post-holders", {"unit": "区财政局", "title": "副局长"}),  # ambiguous: the same error
    ("post-holders", {"unit": "区水务局", "title": "局长"}),  # one place: no --place needed
    ("unit-profile", {"unit": "区财政局", "place": "江州市云溪区"}),
    ("unit-profile", {"unit": "各部门", "place": "云溪区"}),
    ("co-responsibility", {"unit": "区财政局", "place": "云溪区"}),
    ("co-responsibility", {"unit": "区发改委", "place": "武汉市汉阳区"}),
    ("appointment-history", {"person": "李锐", "place": "云溪区"}),
    ("appointment-history", {"person": "李锐"}),
    ("person-network", {"person": "李锐", "place": "汉阳区"}),
    ("unit-load", {"expand_collectives": True}),
    ("unit-load", {}),
]


def test_parity_by_place(loaded, neo4j_conn):
    store = loaded()
    for name, params in CASES:
        for wp in (False, True):
            a = _answer(lambda: queries.run(store, name, live=True, with_place=wp, **params))
            b = _answer(lambda: cypher.run(neo4j_conn, store, name, with_place=wp, **params))
            assert a == b, (name, params, wp)
            if wp and a[0] == "rows":
                assert a[1][-1] == "place" and all(r["place"] for r in a[2]), (name, params)
    # the materialised answer (stored by the build) carries the place too
    load = queries.run(store, "unit-load", with_place=True).rows
    assert {(r["unit"], r["place"], r["total"]) for r in load} >= {("区财政局", "江州市云溪区", 1)}
    assert queries.run(store, "unit-load", with_place=None).columns[-1] == "place"  # several places: by default
    assert _answer(lambda: queries.run(store, "post-holders", unit="区财政局", title="副局长", place="云溪区"))[2][0][
        "person"] == "李锐"
    # Neo4j keeps one Unit per name and place
    rows = neo4j_store.run_cypher(neo4j_conn, "MATCH (u:Unit {name: '区财政局'}) RETURN u.place AS p ORDER BY p", {})[1]
    assert [r["p"] for r in rows] == ["武汉市汉阳区", "江州市云溪区"]


def test_parity_with_a_decision(loaded, neo4j_conn):
    store = loaded("person\t李锐\t武汉市汉阳区\t江州市云溪区\tsame\n")
    a = _answer(lambda: queries.run(store, "appointment-history", person="李锐"))
    b = _answer(lambda: cypher.run(neo4j_conn, store, "appointment-history", person="李锐"))
    assert a == b and a[0] == "rows" and len(a[2]) == 2
