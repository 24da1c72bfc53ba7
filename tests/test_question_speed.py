"""What makes the anchored questions fast at 100,000 notices (issue 16), checked for what it
must not change (no timings here: benchmarks/run.py measures them).

A name typed as the store writes it resolves by index lookups (``parameters._exact_person``,
``_exact_unit``, ``_unit_titles``, ``_exact_group``) instead of reading every name of the store
(``_names``, ``_groups``): for every person, unit, alias, organisation and group name of the sample and of real notices of
many places, both ways give the same candidates.
"""

from __future__ import annotations

from pathlib import Path

import pytest

from govgraph.build import build_store
from govgraph.errors import QueryError
from govgraph.graph.rdf_store import Store
from govgraph.loaders import extract_paths
from govgraph.queries import parameters as P

ROOT = Path(__file__).resolve().parent.parent
REAL = ROOT / "data" / "real" / "notices"


@pytest.fixture(scope="module")
def sample(sample_store):
    return sample_store


@pytest.fixture(scope="module")
def real(tmp_path_factory):
    """Forty real notices of many places and levels (aliases, groups, people in two places)."""
    ex = extract_paths(sorted(REAL.glob("*.txt"))[:40])
    s = Store.open(tmp_path_factory.mktemp("speed") / "kg", create=True)
    build_store(s, ex.facts, ex.notices)
    return s


@pytest.mark.parametrize("which", ["sample", "real"])
def test_names_as_stored_resolve_as_with_every_name(request, which):
    s = request.getfixturevalue(which)
    names = P._names(s)
    assert names["persons"] and names["orgs"]
    for name in names["persons"]:
        assert (name, P._exact_person(s, name)) == P._person_candidates(s, name), name
    labels = set(names["orgs"]) | set(names["units"].names())
    places = set()
    for name in labels:
        fast = P._exact_unit(s, name)
        assert fast, name  # every stored name is found as written
        assert sorted(set(fast), key=str) == sorted(set(P._unit_candidates(s, name)), key=str), name
        places |= {p for _, p in fast}
    for (unit, place), titles in names["titles"].items():
        assert P._unit_titles(s, unit, place) == titles, (unit, place)
    if which == "real":
        assert len(places) > 5


@pytest.mark.parametrize("which", ["sample", "real"])
def test_group_names_as_stored_resolve_as_with_every_group(request, which):
    # a group name as the store writes it is found by index lookups, with the same places as
    # the table of every group (which a name written otherwise still reads)
    s = request.getfixturevalue(which)
    groups, _ = P._groups(s)
    assert groups
    for name, places in groups.items():
        assert P._exact_group(s, name) == places, name


def test_other_spellings_still_resolve(sample):
    # layout spaces, Traditional characters, an alias: the lookups miss, every name is compared
    assert P._exact_person(sample, "张 斌") == set()
    assert P.resolve_person(sample, "张 斌") == "张斌"
    assert P.resolve_person(sample, "許才勇") == "许才勇"
    assert P._exact_unit(sample, "區水務局") == []
    assert P.resolve_unit(sample, "區水務局") == "区水务局"
    assert P.resolve_unit(sample, "区科技经信局") == "区科技和经信局"
    with pytest.raises(QueryError, match="did you mean: 许才勇"):
        P.resolve_person(sample, "许才永")
    assert P._exact_group(sample, "区质量强区 工作委员会") == set()  # a group: compared by key
    assert P.resolve_group_in(sample, "区质量强区 工作委员会") == P.resolve_group_in(sample, "区质量强区工作委员会")
    with pytest.raises(QueryError, match="unknown group"):
        P.resolve_group_in(sample, "区质量强区工作委员")
