"""Extraction on real notices from many issuers and levels (data/real), against gold written by reading.

The floors only ever rise: each is set a little under the score reached, per kind,
on the whole corpus and on its held-out part (notices never read while writing rules).
"""

from __future__ import annotations

from pathlib import Path

import pytest

from govgraph.evaluate import evaluate_corpus
from govgraph.facts import validate_fact

REAL = Path(__file__).resolve().parent.parent / "data" / "real"

FLOORS = {
    "all": {"post": 0.92, "person-title": 0.945, "term": 0.85, "membership": 0.96, "task": 0.95, "due": 0.98},
    "held-out": {"post": 0.75, "person-title": 0.82, "membership": 0.86, "task": 0.86, "due": 0.80},
}


@pytest.fixture(scope="module")
def real_extraction():
    from govgraph.loaders import extract_paths

    return extract_paths([REAL / "notices"])


@pytest.fixture(scope="module")
def real_scores(real_extraction):
    return evaluate_corpus(real_extraction.facts, REAL)


@pytest.mark.parametrize("part,kind", [(p, k) for p, kinds in FLOORS.items() for k in kinds])
def test_real_corpus_scores_hold_their_floor(real_scores, part, kind):
    r = real_scores[part][kind]
    assert r["f1"] >= FLOORS[part][kind], (part, kind, r["f1"], r["missed"][:10], r["spurious"][:10])


def test_every_real_notice_reads_and_every_fact_quotes_its_source(real_extraction):
    assert real_extraction.errors == []
    assert len(real_extraction.notices) == len(list((REAL / "notices").glob("*.txt")))
    texts = {n.doc: n.text for n in real_extraction.notices}
    for f in real_extraction.facts:
        assert validate_fact(f) == [], f
        if f["kind"] != "unit":
            ev = f["evidence"]
            assert texts[f["doc"]][ev["start"]:ev["end"]] == ev["text"], f


def test_gold_covers_every_notice_and_the_split_names_real_files():
    names = {p.stem for p in (REAL / "notices").glob("*.txt")}
    assert names == {p.stem for p in (REAL / "gold").glob("*.jsonl")}
    split = [line.split("\t")[0] for line in (REAL / "SPLIT.tsv").read_text(encoding="utf-8").splitlines()
             if line and not line.startswith(("#", "file\t"))]
    assert split and set(split) <= names
