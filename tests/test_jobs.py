"""Extraction in several worker processes (``--jobs``, issue 16) gives what one process gives:
the same steps in the same order (facts, warnings, errors, notices and their places, the
unit catalogue), and the same store."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from govgraph import api
from govgraph.errors import InputError
from govgraph.loaders import extract_paths
from govgraph.messages import kind_of

ROOT = Path(__file__).resolve().parent.parent
INPUTS = [ROOT / "data" / "real" / "notices", ROOT / "data" / "000_69f8c657212cfd7a.txt",
          ROOT / "tests" / "data" / "bad", ROOT / "tests" / "data" / "other",
          ROOT / "tests" / "data" / "places"]  # a folder whose sidecar states the place


def _dump(ex) -> list[str]:
    return ([json.dumps(f, ensure_ascii=False) for f in ex.facts] + [str(w) for w in ex.warnings]
            + list(ex.errors) + [f"{n.doc}|{n.place}|{n.source}" for n in ex.notices])


def test_two_jobs_extract_what_one_does():
    one, two = extract_paths(INPUTS, jobs=1), extract_paths(INPUTS, jobs=2)
    assert len(one.notices) > 100 and one.errors  # real notices, and the bad files' errors
    assert any(kind_of(w) == "place" for w in one.warnings)  # a notice whose place cannot be read
    assert _dump(two) == _dump(one)


def test_two_jobs_build_the_same_store(tmp_path):
    paths = INPUTS[:2]
    a = api.build(paths, tmp_path / "one", jobs=1).graph
    b = api.build(paths, tmp_path / "two", jobs=2).graph
    assert sorted(b.store.nquads()) == sorted(a.store.nquads())


def test_jobs_must_be_at_least_one():
    with pytest.raises(InputError, match="jobs must be at least 1"):
        extract_paths(INPUTS[1:2], jobs=0)
