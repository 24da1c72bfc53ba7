"""Adding notices to a store gives the store a fresh build of them all would: the same
quads (notice graphs, unit catalogue, stored answers, first/last seen, quad count), on the
sample and the real notices.  Generation names differ (the incremental store has one more);
nothing else does."""

from __future__ import annotations

import gzip
from pathlib import Path

import pytest

from govgraph import api, queries
from govgraph.graph.rdf_store import Store
from govgraph.loaders.splitting import HEADER_RE

ROOT = Path(__file__).resolve().parents[1]
SAMPLE = ROOT / "data" / "000_69f8c657212cfd7a.txt"
REAL = sorted((ROOT / "data" / "real" / "notices").glob("*.txt"))


@pytest.fixture(scope="module")
def parts(tmp_path_factory) -> dict:
    """The sample cut in two halves, with real notices: A (read first) and B (added)."""
    d = tmp_path_factory.mktemp("parts")
    text = SAMPLE.read_text(encoding="utf-8")
    heads = list(HEADER_RE.finditer(text))
    cut = heads[len(heads) // 2].start()
    (d / "a.txt").write_text(text[:cut], encoding="utf-8")
    (d / "b.txt").write_text(text[cut:], encoding="utf-8")
    return {"dir": d, "A": [d / "a.txt", *REAL[:40]], "B": [d / "b.txt", *REAL[40:70]]}


@pytest.fixture(scope="module")
def stores(parts) -> dict:
    d = parts["dir"]
    fresh = api.build(parts["A"] + parts["B"], d / "fresh")
    api.build(parts["A"], d / "inc")
    added = api.build(parts["B"], d / "inc")
    return {"fresh": fresh, "added": added, "inc": d / "inc", "fresh_path": d / "fresh"}


def _same(a: Path, b: Path) -> None:
    qa, qb = Store.open(a).nquads(), Store.open(b).nquads()
    assert len(qa) == len(qb)
    assert set(qa) ^ set(qb) == set()


def test_adding_notices_equals_a_fresh_build(stores):
    rep = stores["added"].report
    assert len(rep.added) > 30 and not rep.replaced
    _same(stores["inc"], stores["fresh_path"])  # quads, catalogue, answers, first/last seen
    inc, fresh = Store.open(stores["inc"]), Store.open(stores["fresh_path"])
    assert inc.seen() == fresh.seen() and inc.seen()
    for q in ("unit-load", "group-interlocks", "deadlines"):  # the stored answers
        assert queries.run(inc, q).rows == queries.run(fresh, q).rows
    assert queries.run(inc, "unit-load").rows
    assert len(inc) == len(fresh) == stores["fresh"].report.quads


def test_a_catalogue_change_rewrites_only_the_notices_it_touches(stores):
    """B makes some names resolve otherwise (a unit's most used name changes): the stored
    notices that use them are written again, the others are not read."""
    rep = stores["added"].report
    assert rep.catalogue_changed and rep.refreshed
    assert len(rep.refreshed) < len(rep.unchanged) + 40  # far from every stored notice


def test_replacing_a_notice_equals_a_fresh_build(parts, stores, tmp_path):
    """A notice of B with another text: built again into the store, the same as a fresh
    build of A and B with that text (the notice keeps its place in the reading order)."""
    changed = tmp_path / REAL[45].name
    text = REAL[45].read_text(encoding="utf-8")
    changed.write_text(text.replace("。", "。\n", 1) + "\n附件：无\n", encoding="utf-8")
    import shutil

    inc = tmp_path / "inc"
    shutil.copytree(stores["inc"], inc)
    rep = api.build([changed], inc).report
    assert len(rep.replaced) == 1 and not rep.added
    fresh = tmp_path / "fresh"
    api.build(parts["A"] + [changed if p == REAL[45] else p for p in parts["B"]], fresh)
    _same(inc, fresh)


def test_a_store_without_mentions_merges_the_catalogue(parts, tmp_path):
    """A store written before the unit mentions were kept: the input's catalogue is merged
    into the stored one (the behaviour before), and no mentions file is written."""
    s = tmp_path / "old"
    api.build(parts["A"][:1], s)
    for f in s.glob("gen-*.mentions.jsonl.gz"):
        f.unlink()
    rep = api.build(parts["B"][:1], s).report
    assert rep.added and not list(s.glob("gen-*.mentions.jsonl.gz"))


def test_the_mentions_file_lists_every_notice(stores):
    live = (stores["inc"] / "CURRENT").read_text().strip()
    with gzip.open(stores["inc"] / f"{live}.mentions.jsonl.gz", "rt", encoding="utf-8") as fh:
        docs = [line.split('"', 2)[1] for line in fh]
    assert len(docs) == len(set(docs)) == len(Store.open(stores["inc"]).notices())
