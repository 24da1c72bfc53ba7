"""Extraction in several worker processes (``--jobs``, issue 16) gives what one process gives:
the same steps in the same order (facts, warnings, errors, notices and their places, the
unit catalogue), and the same store.  What crosses to the workers: groups of small files (by
path, with the place stated for them) and the decoded segments of a large file; what comes
back: notices with their facts, warnings and unit mentions, and each place's catalogue."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from govgraph import api
from govgraph.errors import InputError
from govgraph.loaders import extract_paths, iter_extract, pipeline
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


def test_two_jobs_stream_large_files_as_one_does(monkeypatch):
    """A file over the streaming threshold is decoded here and split and extracted in the
    workers, a segment at a time (the threshold and chunk are lowered so the sample's dump and
    the real notices take that path); progress reports the same files at the same byte counts."""
    monkeypatch.setattr(pipeline, "STREAM_THRESHOLD", 2000)
    monkeypatch.setattr(pipeline, "_CHUNK", 4096)
    seen = {1: [], 2: []}
    one, two = ([list(iter_extract(INPUTS[:2], jobs=j, progress=lambda *a, j=j: seen[j].append(a)))
                 for j in (1, 2)])
    assert any("(streamed)" in w for st in one for w in st.warnings)
    assert sum(st.notice is not None for st in one) > 100
    assert [(st.notice and st.notice.doc, st.facts, st.warnings, st.errors) for st in two] == \
        [(st.notice and st.notice.doc, st.facts, st.warnings, st.errors) for st in one]
    assert seen[2] == seen[1] and seen[1][-1][0] == seen[1][-1][1]  # every file, all bytes


def test_two_jobs_share_a_mid_size_file_as_one_reads_it(monkeypatch):
    """A text file of a few pieces' size, under the streaming threshold, is read and split here
    and its notices go to the workers a piece at a time (the piece size is lowered so the
    sample's dump and the larger real notices take that path): the same steps, in order."""
    monkeypatch.setattr(pipeline, "_PIECE_BYTES", 3000)
    corpus, files = pipeline._Corpus(), [INPUTS[1]]
    shared = list(corpus.pieces(files, False, workers=2))
    assert len(shared) > 3 and all(p[0] in ("notice", "warn", "done") for _, parts in shared for p in parts)
    assert [[p[0] for p in parts] for _, parts in corpus.pieces(files, False, workers=1)] == [["file", "done"]]
    seen = {1: [], 2: []}
    one, two = ([list(iter_extract(INPUTS[:2], jobs=j, progress=lambda *a, j=j: seen[j].append(a)))
                 for j in (1, 2)])
    assert sum(st.notice is not None for st in one) > 100
    assert [(st.notice and st.notice.doc, st.notice and st.notice.offset, st.facts, st.warnings, st.errors) for st in two] == \
        [(st.notice and st.notice.doc, st.notice and st.notice.offset, st.facts, st.warnings, st.errors) for st in one]
    assert seen[2] == seen[1]


def test_two_jobs_build_the_same_store(tmp_path):
    paths = INPUTS[:2]
    a = api.build(paths, tmp_path / "one", jobs=1).graph
    b = api.build(paths, tmp_path / "two", jobs=2).graph
    assert sorted(b.store.nquads()) == sorted(a.store.nquads())


def test_jobs_must_be_at_least_one():
    with pytest.raises(InputError, match="jobs must be at least 1"):
        extract_paths(INPUTS[1:2], jobs=0)
