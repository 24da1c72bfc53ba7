"""The Python API (``govgraph.api``), which the CLI calls for everything, and the structured
warnings (``govgraph.messages``) it hands back."""

from __future__ import annotations

import io
import json
import pickle
from pathlib import Path

import pytest

import govgraph
from govgraph import api
from govgraph.errors import InputError, NoNoticeError, QueryError, StrictError
from govgraph.messages import ENCODING, GENERAL, PLACE, SKIPPED, UNIT, Message, kind_of, problems

ROOT = Path(__file__).resolve().parent.parent
SAMPLE = ROOT / "data" / "000_69f8c657212cfd7a.txt"
GOLD = ROOT / "data" / "gold"
BAD = ROOT / "tests" / "data" / "bad"
OTHER = ROOT / "tests" / "data" / "other"


@pytest.fixture(scope="module")
def built(tmp_path_factory):
    """The sample built into a fresh store, with the order in which the callbacks were called."""
    store = tmp_path_factory.mktemp("api") / "kg"
    calls: list[tuple] = []
    res = api.build([SAMPLE], store,
                    extract_progress=lambda done, total, name: calls.append(("extracting", done, total)),
                    on_extracted=lambda ex: calls.append(("extracted", len(ex.notices), store.exists())),
                    progress=lambda done, total, doc: calls.append(("loading", done, total)))
    return res, calls, store


# ---------------------------------------------------------------- build

def test_build_reports_each_phase_in_order_and_opens_the_store_last(built):
    res, calls, store = built
    phases = [c[0] for c in calls]
    assert phases.index("extracted") == phases.count("extracting")  # all extraction progress first
    assert phases[-1] == "loading" and calls[-1][1] == calls[-1][2]  # loading ends at its total
    extracted = next(c for c in calls if c[0] == "extracted")
    assert extracted[1] == len(res.extraction.notices) > 0
    assert extracted[2] is False  # the store is made only once there is something to load
    assert res.graph.path == store and res.graph.stats()["notices"] == len(res.extraction.notices)
    assert res.report.counts()["added"] == len(res.extraction.notices)
    assert res.errors == [] and res.warnings[: len(res.extraction.warnings)] == res.extraction.warnings


def test_graph_build_is_the_same_build(built, tmp_path):
    res, _, _ = built
    g = govgraph.Graph.open(tmp_path / "kg", create=True)
    again = g.build([SAMPLE])
    assert again.graph is g
    assert sorted(g.export_rdf("nquads").splitlines()) == sorted(res.graph.export_rdf("nquads").splitlines())


def test_nothing_read_leaves_no_store(tmp_path):
    with pytest.raises(NoNoticeError, match="no notice could be read"):
        api.build([tmp_path / "missing.txt"], tmp_path / "kg")
    assert not (tmp_path / "kg").exists()


def test_strict_counts_warnings_but_not_encoding_notes(tmp_path):
    with pytest.raises(StrictError):
        api.build([BAD / "hostile_names.txt"], tmp_path / "kg", strict=True)
    assert not (tmp_path / "kg").exists()
    res = api.build([OTHER / "county_tasks_gbk.txt"], tmp_path / "kg2", strict=True)
    assert [kind_of(w) for w in res.extraction.warnings] == [ENCODING]


def test_load_builds_then_opens(tmp_path, built):
    g = govgraph.load([SAMPLE], store=tmp_path / "kg")
    assert g.stats()["quads"] == built[0].graph.stats()["quads"]
    assert govgraph.open_graph(tmp_path / "kg").stats()["quads"] == g.stats()["quads"]


# ---------------------------------------------------------------- extract

def test_iter_extract_streams_what_extract_collects():
    done: list[int] = []
    steps = list(api.iter_extract([SAMPLE], progress=lambda d, t, name: done.append(d), report=True))
    ex = api.extract([SAMPLE])
    assert [f for s in steps for f in s.facts] == ex.facts
    assert [s.notice.doc for s in steps if s.notice is not None] == [n.doc for n in ex.notices]
    assert [w for s in steps for w in s.warnings] == ex.warnings
    assert steps[-1].final and {f["kind"] for f in steps[-1].facts} == {"unit"}
    assert done and done[-1] == SAMPLE.stat().st_size
    rows = [s.row for s in steps if s.row is not None]
    assert [r["doc"] for r in rows] == [n.doc for n in ex.notices]
    table = api.report_table(rows)
    assert table.splitlines()[0].split()[:3] == ["doc", "file", "date"] and len(table.splitlines()) == len(rows) + 2
    assert all(s.row is None for s in api.iter_extract([SAMPLE]))


def test_decisions_default_to_the_file_in_the_working_folder(tmp_path, monkeypatch):
    monkeypatch.chdir(tmp_path)
    assert api.decisions_path() is None
    (tmp_path / "govgraph-decisions.tsv").write_text("person\t许才勇\t武汉市\t武汉市汉阳区\tsame\tnote\n",
                                                     encoding="utf-8")
    assert api.decisions_path() == Path("govgraph-decisions.tsv")
    assert api.decisions_path(tmp_path / "other.tsv") == tmp_path / "other.tsv"
    moved = [f for f in api.extract([SAMPLE]).facts if f.get("person_place") == "武汉市"]
    assert moved and {f.get("person", f.get("member")) for f in moved} == {"许才勇"}
    (tmp_path / "govgraph-decisions.tsv").write_text("person\t许才勇\n", encoding="utf-8")
    with pytest.raises(InputError):
        next(api.iter_extract([SAMPLE]))


# ---------------------------------------------------------------- reading the store

def test_export_rdf_and_facts(built, tmp_path):
    g = built[0].graph
    text = g.export_rdf("nquads")
    assert g.export_rdf("nquads", out=tmp_path / "g.nq") is None
    assert (tmp_path / "g.nq").read_text(encoding="utf-8").strip() == text.strip()
    buf = io.StringIO()
    n = g.export_facts(buf)
    assert n == len(g.facts()) == len(buf.getvalue().splitlines())
    assert api.dump_fact(g.facts()[0]) == buf.getvalue().splitlines()[0]
    assert g.export_facts(tmp_path / "f.jsonl") == n


def test_question_and_its_parameters():
    assert [p.name for p in api.question("appointment-history").params if p.required] == ["person"]
    with pytest.raises(QueryError, match="did you mean"):
        api.question("appointment-histroy")
    assert "appointment-history" in [q.name for q in govgraph.Graph.questions()]


def test_viz_writes_the_page_and_the_picture(built, tmp_path):
    st = built[0].graph.viz(tmp_path / "xu.html", png=tmp_path / "xu.png", focus="许才勇")
    assert st["nodes"] > 1 and st["html"] == (tmp_path / "xu.html").read_text(encoding="utf-8")
    assert (tmp_path / "xu.png").read_bytes()[:8] == b"\x89PNG\r\n\x1a\n"


def test_evaluate_files(tmp_path):
    facts = tmp_path / "facts.jsonl"
    facts.write_text("".join(api.dump_fact(f) + "\n" for f in api.extract([SAMPLE]).facts), encoding="utf-8")
    res = api.evaluate(facts, [GOLD], GOLD / "units.jsonl", per_notice=True)
    assert {"post", "membership", "task"} <= set(res.kinds) and res.kinds["post"]["f1"] > 0.9
    assert res.notices and api.report_table(res.notices, scores=True).startswith("doc")
    assert api.evaluate(facts, [GOLD]).notices is None
    with pytest.raises(InputError, match="nothing.jsonl"):
        api.evaluate(tmp_path / "nothing.jsonl", [GOLD])


# ---------------------------------------------------------------- structured warnings

def test_message_is_its_text():
    w = Message("a.txt: decoded as gb18030", ENCODING, source="a.txt", detail="gb18030")
    assert w == "a.txt: decoded as gb18030" and str(w) == w and hash(w) == hash(str(w))
    assert json.dumps([w]) == json.dumps(["a.txt: decoded as gb18030"])
    back = pickle.loads(pickle.dumps(w))
    assert (back, back.kind, back.source, back.detail) == (w, ENCODING, "a.txt", "gb18030")
    assert kind_of("plain") == GENERAL and problems([w, "plain"]) == ["plain"]
    with pytest.raises(ValueError):
        Message("x", "no-such-kind")


def test_warnings_carry_their_kind_and_what_they_name():
    ex = api.extract([BAD / "notice_gbk.txt", BAD / "dup_a.txt", BAD / "dup_b.txt", BAD / "no_number.txt",
                      OTHER / "appointments.html"])
    by_kind: dict[str, list] = {}
    for w in ex.warnings:
        by_kind.setdefault(kind_of(w), []).append(w)
    enc = {w.source: w.detail for w in by_kind[ENCODING]}
    assert enc[str(BAD / "notice_gbk.txt")] == "gb18030"
    assert enc[str(OTHER / "appointments.html")] == "utf-8 (HTML stripped)"
    assert all(w.endswith("decoded as " + w.detail) for w in by_kind[ENCODING])
    (skipped,) = by_kind[SKIPPED]
    assert skipped.source == str(BAD / "dup_b.txt") and skipped.doc and f"[{skipped.doc}]" in skipped
    assert any(w.source == str(BAD / "no_number.txt") for w in by_kind[PLACE])
    assert "decoded as" not in " ".join(problems(ex.warnings))


def test_unit_ambiguities_are_unit_warnings():
    ex = api.extract([SAMPLE])
    units = [w for w in ex.warnings if kind_of(w) == UNIT]
    assert units and all("may be the same unit" in w for w in units)
