"""The notice records a build keeps beside its generation (``rdf_records``): the projection
made from them is the one read from the store's graphs, after a fresh build, after builds
that add and replace notices, and a store without them still projects (issue 16)."""

from __future__ import annotations

from pathlib import Path

import pytest

from govgraph import api
from govgraph.errors import StoreError
from govgraph.graph import rdf_records

ROOT = Path(__file__).resolve().parent.parent
SAMPLE = ROOT / "data" / "000_69f8c657212cfd7a.txt"
REAL = sorted((ROOT / "data" / "real" / "notices").glob("*.txt"))


def _nodes_and_edges(p) -> tuple:
    nodes = {nid: (n.label, n.props, n.key, n.place, n.docs, n.known) for ns in p.nodes.values() for nid, n in ns.items()}
    edges = {eid: (e.type, e.source, e.target, e.props) for es in p.edges.values() for eid, e in es.items()}
    return nodes, edges, sorted(p.skipped), sorted(p.without_notice)


def _both(g: api.Graph) -> tuple:
    """The projection from the records and the one read from the graphs."""
    assert g.store.notice_records() is not None, "the build kept no records"
    return _nodes_and_edges(g.projection(records=True)), _nodes_and_edges(g.projection(records=False))


@pytest.fixture(scope="module")
def fresh(tmp_path_factory):
    """The sample and the real notices, built at once."""
    return api.build([SAMPLE, *REAL], tmp_path_factory.mktemp("records") / "kg").graph


def test_a_fresh_builds_records_project_as_its_graphs(fresh):
    from_records, from_graphs = _both(fresh)
    assert from_records == from_graphs
    assert len(from_records[0]) > 1000 and len(from_records[1]) > 1000
    records = list(fresh.store.notice_records())
    assert [f["doc"] for f, _ in records] == [n.doc for n, _ in fresh.store.notices_with_facts()]


def test_records_hold_the_facts_read_back_from_the_graphs(fresh):
    """Each record's facts are those its graph reads back as (in another order)."""
    def key(f):
        return repr(sorted(f.items()))

    for (fields, facts), (notice, read) in zip(fresh.store.notice_records(), fresh.store.notices_with_facts()):
        assert fields["doc"] == notice.doc
        assert sorted(map(key, facts)) == sorted(map(key, read)), notice.doc


def test_builds_that_add_and_replace_notices_keep_records_as_a_fresh_build(tmp_path, fresh):
    half = len(REAL) // 2
    store = tmp_path / "kg"
    api.build([SAMPLE, *REAL[:half]], store)
    changed = tmp_path / REAL[0].name  # the same number, a line fewer: its graph is replaced
    lines = REAL[0].read_text(encoding="utf-8").splitlines(keepends=True)
    changed.write_text("".join(lines[:-1]), encoding="utf-8")
    added = api.build([changed, *REAL[half:]], store)
    assert added.report.added and added.report.replaced
    g = api.open_graph(store)
    from_records, from_graphs = _both(g)
    assert from_records == from_graphs
    again = api.build([REAL[0]], store).graph  # back as it was: as the fresh build of them all
    assert _both(again)[0] == _both(fresh)[0]


def test_a_store_without_records_is_read_from_its_graphs_and_its_builds_keep_none(tmp_path, fresh):
    store = tmp_path / "kg"
    g = api.build([SAMPLE], store).graph
    gen = g.store.generation
    want = _nodes_and_edges(g.projection())
    for f in store.glob(f"{gen}.records*"):  # as a store written before records were kept
        f.unlink()
    assert g.store.notice_records() is None
    assert _nodes_and_edges(g.projection()) == want
    g = api.build(REAL[:3], store).graph  # its records could not be whole
    assert g.store.generation != gen and g.store.notice_records() is None
    assert not list(store.glob("*.records*"))


def test_a_build_of_facts_keeps_no_records(tmp_path, sample_extraction):
    """Facts from a file may carry what the graphs do not keep: no records, the graphs read."""
    from govgraph.build import build_store
    from govgraph.graph.rdf_store import Store

    s = Store.open(tmp_path / "kg", create=True)
    build_store(s, sample_extraction.facts, sample_extraction.notices)
    assert s.notice_records() is None and not list((tmp_path / "kg").glob("*.records*"))


def test_a_damaged_record_is_an_error_naming_the_file(tmp_path):
    store = tmp_path / "kg"
    g = api.build([SAMPLE], store).graph
    data = store / f"{g.store.generation}.records"
    data.write_bytes(b"\0" * data.stat().st_size)
    with pytest.raises(StoreError, match=r"records.*damaged"):
        g.projection()


def test_a_failed_build_leaves_the_live_records(tmp_path, monkeypatch):
    from govgraph.graph.rdf_build import Writer

    store = tmp_path / "kg"
    g = api.build([SAMPLE], store).graph
    live = g.store.generation
    before = sorted(p.name for p in store.glob("*.records*"))

    def fail(self):
        raise StoreError("disk full")

    monkeypatch.setattr(Writer, "finish", fail)
    with pytest.raises(StoreError, match="disk full"):
        api.build(REAL[:3], store)
    assert sorted(p.name for p in store.glob("*.records*")) == before == [f"{live}.records", f"{live}.records.idx"]
    assert api.open_graph(store).store.notice_records() is not None


def test_replaced_records_are_dropped_when_they_outweigh_the_rest(tmp_path):
    """Each build that replaces every record copies the file and appends; once the replaced
    ones are over half of it, the file is written again with the live ones alone."""
    sizes = []
    for gen in range(1, 4):
        w = rdf_records.RecordWriter(tmp_path, f"gen-{gen:06d}", base=f"gen-{gen - 1:06d}" if gen > 1 else None)
        for i in range(10):
            w.add(f"urn:n{i}", {"doc": f"D{i}", "title": f"第{gen}版"}, [])
        w.finish()
        sizes.append((tmp_path / f"gen-{gen:06d}.records").stat().st_size)
    assert sizes[1] == 2 * sizes[0]  # the replaced ten kept: half of the file
    assert sizes[2] == sizes[0]  # two thirds replaced: written again
    assert [f["title"] for f, _ in rdf_records.read_records(tmp_path, "gen-000003")] == ["第3版"] * 10
