"""Extraction on a ``dask.distributed`` cluster (``--cluster``, issue 16) gives what one
process gives, on a real local cluster of two worker processes that the test starts: the
workers read the files by path, place and extract the notices and build each place's unit
catalogue; the duplicate check stays here."""

from __future__ import annotations

import json
import subprocess
import sys
from pathlib import Path

import pytest

distributed = pytest.importorskip("distributed")

from govgraph import api  # noqa: E402
from govgraph.errors import InputError  # noqa: E402
from govgraph.loaders import extract_paths  # noqa: E402

ROOT = Path(__file__).resolve().parent.parent
REAL = sorted((ROOT / "data" / "real" / "notices").glob("gov-*.txt"))[:12]
INPUTS = [ROOT / "data" / "000_69f8c657212cfd7a.txt", *REAL, ROOT / "tests" / "data" / "bad",
          ROOT / "tests" / "data" / "places"]


@pytest.fixture(scope="module")
def cluster():
    with distributed.LocalCluster(n_workers=2, threads_per_worker=1, processes=True, dashboard_address=None,
                                  worker_dashboard_address=None) as c:
        yield c.scheduler_address


def _dump(ex) -> list[str]:
    return ([json.dumps(f, ensure_ascii=False) for f in ex.facts] + [str(w) for w in ex.warnings]
            + list(ex.errors) + [f"{n.doc}|{n.place}|{n.source}|{n.offset}" for n in ex.notices])


def test_cluster_extracts_what_one_process_does(cluster):
    one, many = extract_paths(INPUTS), extract_paths(INPUTS, cluster=cluster)
    assert len(one.notices) > 15 and one.errors  # the sample, real notices, and the bad files' errors
    assert _dump(many) == _dump(one)


def test_cluster_through_the_api(cluster):
    one = api.extract(INPUTS[:2])
    many = api.extract(INPUTS[:2], cluster=cluster)
    assert many.facts == one.facts and many.warnings == one.warnings


def test_a_notice_that_fails_on_a_worker_is_named_with_its_file(cluster, monkeypatch):
    """The extractor fails on one notice (made to, on the workers and here alike): the notice
    is reported with its file and the rest is extracted, as in one process."""
    boom = "阳政办〔2018〕9号"

    def break_extractor(doc=boom):
        from govgraph.loaders import pipeline

        real = pipeline.extract_notice

        def failing(notice, ner=False):
            if notice.doc == doc:
                raise ValueError("the extractor failed here")
            return real(notice, ner=ner)

        pipeline.extract_notice, failing.real = failing, real

    def mend():
        from govgraph.loaders import pipeline

        pipeline.extract_notice = pipeline.extract_notice.real

    client = distributed.Client(cluster)
    try:
        client.run(break_extractor)
        many = extract_paths(INPUTS[:1], cluster=cluster)
    finally:
        client.run(mend)
        client.close()
    from govgraph.loaders import pipeline

    real = pipeline.extract_notice
    monkeypatch.setattr(pipeline, "extract_notice",
                        lambda n, ner=False: (_ for _ in ()).throw(ValueError("the extractor failed here"))
                        if n.doc == boom else real(n, ner=ner))
    one = extract_paths(INPUTS[:1])
    line = f"{INPUTS[0]} [{boom}]: extraction failed: ValueError: the extractor failed here"
    assert many.errors == one.errors == [line] and _dump(many) == _dump(one)
    assert boom not in {n.doc for n in many.notices} and len(many.notices) > 5


def test_cluster_errors_are_clear(monkeypatch):
    from govgraph.loaders import parallel

    monkeypatch.setattr(parallel, "CONNECT_TIMEOUT", 2)
    with pytest.raises(InputError, match="cannot reach the Dask scheduler at tcp://127.0.0.1:1"):
        extract_paths(INPUTS[:1], cluster="tcp://127.0.0.1:1")
    with pytest.raises(InputError, match="not both"):
        extract_paths(INPUTS[:1], cluster="tcp://127.0.0.1:1", jobs=2)
    code = ("import sys; sys.modules['distributed'] = None\n"  # as if dask.distributed were not installed
            "from govgraph.loaders import extract_paths\n"
            "try:\n    extract_paths([], cluster='tcp://127.0.0.1:1')\n"
            "except Exception as e:\n    print(type(e).__name__, e)")
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, cwd=ROOT, check=True).stdout
    assert out.strip() == "InputError --cluster needs dask.distributed: pip install 'govgraph[cluster]'"
