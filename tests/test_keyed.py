"""The index readers of the stored questions (``queries.keyed``) give what the questions'
restricted queries give, row for row and byte for byte, for every key of the sample store and
of the real notices (several places), and for a key the store does not hold."""

from __future__ import annotations

import json
from pathlib import Path

import pyoxigraph as ox
import pytest

from govgraph import api
from govgraph.graph.rdf_store import Store
from govgraph.queries.execute import evaluate
from govgraph.queries.keyed import ROWS
from govgraph.queries.maintain import _key_rows, _keys
from govgraph.queries.parameters import arguments, bind
from govgraph.queries.questions import get

REAL = sorted((Path(__file__).resolve().parents[1] / "data" / "real" / "notices").glob("*.txt"))


@pytest.fixture(scope="module")
def real_store(tmp_path_factory) -> Store:
    path = tmp_path_factory.mktemp("keyed") / "kg"
    api.build(REAL, path)
    return Store.open(path)


@pytest.mark.parametrize("name", sorted(ROWS))
@pytest.mark.parametrize("which", ["sample", "real"])
def test_the_readers_give_the_restricted_queries_rows(name, which, sample_store, real_store):
    store = sample_store if which == "sample" else real_store
    q = get(name)
    args = arguments(q, bind(store, q, {})[0])
    assert ROWS[name].applies(args)
    keys = _keys(store, q, [g.value for g in store._notice_graphs()])
    absent = ox.Literal("无此文号") if name == "deadlines" else ox.NamedNode("https://govgraph.dev/id/unit/none")
    keys[str(absent)] = absent
    todo = sorted(keys)
    assert len(todo) > 5
    by_index = _key_rows(store, q, args, todo, keys)
    by_query = evaluate(store, q, args, text=q.restricted(todo))
    assert by_index, name
    assert json.dumps(by_index, ensure_ascii=False) == json.dumps(by_query, ensure_ascii=False)
    if which == "real" and name != "group-interlocks":
        assert len({r["place"] for r in by_index}) > 1  # rows of several places


def test_other_arguments_take_the_query():
    """A parameter set the readers were not written for (not one the build stores) goes to
    the restricted query."""
    assert not ROWS["unit-load"].applies({"expand_collectives": True})
    assert not ROWS["group-interlocks"].applies({"min_groups": 3})
