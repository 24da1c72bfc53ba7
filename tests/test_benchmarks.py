"""Smoke test of the benchmark corpus generator: 20 generated notices extract with F1 = 1.

The generator (benchmarks/make_corpus.py) writes notices of the genres the extractor
handles together with the facts they state; extraction must get all of them back, in
both layouts (the one-line dump and one file per notice).
"""

from __future__ import annotations

import importlib.util
import json
import sys
from pathlib import Path

import pytest

from govgraph.evaluate import evaluate
from govgraph.facts import read_facts
from govgraph.loaders import extract_paths

ROOT = Path(__file__).resolve().parent.parent


def _make_corpus():
    spec = importlib.util.spec_from_file_location("make_corpus", ROOT / "benchmarks" / "make_corpus.py")
    mod = importlib.util.module_from_spec(spec)
    sys.modules.setdefault("make_corpus", mod)  # dataclasses look their module up
    spec.loader.exec_module(mod)
    return mod


@pytest.mark.parametrize("files", ["1", "per-notice"])
def test_generated_notices_extract_with_f1_1(tmp_path, files):
    manifest = _make_corpus().generate(20, tmp_path, seed=7, files=files)
    assert manifest["notices"] == 20 and len(manifest["genres"]) >= 5
    ex = extract_paths([tmp_path / "corpus"])
    assert ex.errors == [] and len(ex.notices) == 20
    gold = [f for f in read_facts(tmp_path / "gold") if f["kind"] != "unit"]
    units = list(read_facts(tmp_path / "gold" / "units.jsonl"))
    res = evaluate(ex.facts, gold, units)
    assert {"post", "term", "membership", "task", "due"} <= set(res)
    for kind, r in res.items():
        assert r["f1"] == 1.0, (kind, r["missed"][:5], r["spurious"][:5])


def test_generation_is_reproducible(tmp_path):
    mc = _make_corpus()
    a = mc.generate(20, tmp_path / "a", seed=3)
    b = mc.generate(20, tmp_path / "b", seed=3)
    assert (tmp_path / "a/corpus/notices.txt").read_bytes() == (tmp_path / "b/corpus/notices.txt").read_bytes()
    assert a["query_params"] == b["query_params"]
    for f in ("posts", "memberships", "tasks", "units"):
        def rows(d):
            return [json.loads(x) for x in (tmp_path / d / "gold" / f"{f}.jsonl").read_text(encoding="utf-8").splitlines()]
        assert rows("a") == rows("b") and rows("a")


def test_the_incremental_row_measures_a_baseline_beside_the_code(tmp_path):
    """benchmarks/run.py's incremental row on a given store (``--incremental-stores``) with
    ``--baseline``: each run of the committed code alternates with one of the baseline's
    snapshot, both build the added notices into copies of that store, and results.md shows
    the two medians one above the other."""
    import subprocess

    from govgraph import api

    run = ROOT / "benchmarks" / "run.py"
    split = ROOT / "benchmarks" / "out" / "corpus-20+5-8"
    py = sys.executable
    # the split corpus (base and added parts), as run.py makes it
    code = ("import sys; sys.path.insert(0, 'benchmarks'); import run; run.ensure_split_corpus(20, 5)")
    subprocess.run([py, "-c", code], cwd=ROOT, check=True)
    store = tmp_path / "base"
    api.build(sorted((split / "base").glob("*.txt")), store=store)
    live = (store / "CURRENT").read_text()
    out = tmp_path / "res.json"
    p = subprocess.run([py, str(run), "--sizes", "20", "--only", "incremental", "--added", "5", "--repeat", "2",
                        "--settle", "0", "--jobs", "1", "--incremental-stores", f"20={store}", "--baseline", "HEAD",
                        "--out", str(out)], cwd=ROOT, capture_output=True, text=True, timeout=600)
    assert p.returncode == 0, p.stderr[-2000:]
    e = json.loads(out.read_text())["incremental"][0]
    assert (e["notices"], e["added"]) == (20, 5)
    for runs in (e["runs"], e["baseline"]["runs"]):
        assert len(runs) == 2 and all(r["exit"] == 0 and r["wall_s"] > 0 for r in runs)
    md = out.with_suffix(".md").read_text()
    assert "(baseline)" in md and md.count("| 20 | 5 |") == 2
    assert (store / "CURRENT").read_text() == live  # a given store is copied, never built into
