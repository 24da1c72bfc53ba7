"""The change feed (``govgraph diff``) and each fact's first/last seen, on the sample and
on small notices built for the purpose."""

from __future__ import annotations

import json
from collections import Counter
from pathlib import Path

import pytest
from typer.testing import CliRunner

from govgraph import api
from govgraph.build import build_store
from govgraph.cli import app
from govgraph.errors import InputError, StoreError
from govgraph.graph.diff import diff, open_store
from govgraph.graph.rdf_generations import KEEP_ENV
from govgraph.graph.rdf_store import Store
from govgraph.loaders.splitting import HEADER_RE
from govgraph.notice import Notice

ROOT = Path(__file__).resolve().parents[1]
SAMPLE = ROOT / "data" / "000_69f8c657212cfd7a.txt"


def _key(fact: dict) -> str:
    return json.dumps(fact, ensure_ascii=False, sort_keys=True)


def _without(tmp: Path, doc_no: str) -> Path:
    """A copy of the sample (a dump of ten notices) without the notice ``阳政办(2018)<doc_no>号``."""
    text = SAMPLE.read_text(encoding="utf-8")
    heads = list(HEADER_RE.finditer(text))
    i = next(i for i, h in enumerate(heads) if h.group(0).startswith(f"阳政办(2018){doc_no}号"))
    end = heads[i + 1].start() if i + 1 < len(heads) else len(text)
    out = tmp / f"sample-without-{doc_no}.txt"
    out.write_text(text[:heads[i].start()] + text[end:], encoding="utf-8")
    return out


@pytest.fixture(scope="module")
def full_store(tmp_path_factory) -> Path:
    path = tmp_path_factory.mktemp("diff") / "full"
    api.build([SAMPLE], path)
    return path


@pytest.mark.parametrize("doc_no", ["9", "8"])
def test_diff_against_the_sample_without_one_notice_lists_exactly_its_facts(full_store, tmp_path, doc_no):
    doc = f"阳政办〔2018〕{doc_no}号"
    smaller = tmp_path / "without"
    api.build([_without(tmp_path, doc_no)], smaller)
    full = Store.open(full_store)
    _, facts = full.notice_facts(doc)
    assert facts, "the notice states facts"

    changes = diff(full, Store.open(smaller))
    assert {c["op"] for c in changes} == {"remove"}
    assert {c["doc"] for c in changes} == {doc}
    assert Counter(_key(c["fact"]) for c in changes) == Counter(_key(f) for f in facts)
    # the other way round: the same facts, added
    back = diff(Store.open(smaller), full)
    assert {c["op"] for c in back} == {"add"}
    assert Counter(_key(c["fact"]) for c in back) == Counter(_key(f) for f in facts)
    # each with its first/last seen, as the store stating it keeps them
    date = full.notice_facts(doc)[0].date
    assert all(c["first_seen"] <= date <= c["last_seen"] for c in changes)


def test_diff_of_the_catalogue_follows_from_the_notice_left_out(full_store, tmp_path):
    """With ``units``: the units only that notice mentions are removed; the other unit changes are
    aliases only it wrote, or a parent that left the catalogue with it."""
    doc = "阳政办〔2018〕8号"
    smaller = tmp_path / "without"
    api.build([_without(tmp_path, "8")], smaller)
    changes = [c for c in diff(Store.open(full_store), Store.open(smaller), units=True) if c["kind"] == "unit"]
    removed = {c["fact"]["name"] for c in changes if c["op"] == "remove"}
    assert removed and all(c["fact"]["docs"] == [doc] for c in changes if c["op"] == "remove")
    assert not [c for c in changes if c["op"] == "add"]
    for c in (c for c in changes if c["op"] == "change"):
        if c["fields"] == ["aliases"]:
            assert c["doc"] == doc and set(c["after"]["aliases"]) < set(c["before"]["aliases"])
        else:
            assert c["fields"] == ["parent"] and c["before"]["parent"] in removed and c["after"]["parent"] is None


def _notice(doc: str, date: str, text: str = "…") -> Notice:
    return Notice(doc=doc, text=text, date=date, title=f"{doc}的通知")


POST = {"kind": "post", "doc": "阳政办〔2018〕9号", "person": "许才勇", "unit": "区水务局", "title": "局长"}
TASK = {"kind": "task", "doc": "阳政办〔2018〕9号", "ref": "一", "text": "治理渍水", "lead": ["区水务局"],
        "responsible": [], "due": None}
GROUP = {"kind": "group", "doc": "阳政办〔2018〕9号", "group": "区防汛领导小组"}


def test_a_changed_fact_between_two_generations_of_one_store(tmp_path):
    store = Store.open(tmp_path / "kg", create=True)
    n = _notice(POST["doc"], "2018-04-12")
    build_store(store, [POST, TASK, GROUP], [n])
    build_store(store, [POST | {"as_of": "2018-04-12"}, TASK | {"lead": ["区城管委"], "due": "2018-06-30"}], [n])
    changes = api.diff(f"{tmp_path / 'kg'}@-1", tmp_path / "kg").changes
    assert [(c["op"], c["kind"]) for c in changes] == [("change", "post"), ("remove", "group"), ("change", "task")]
    post, group, task = changes
    assert post["fields"] == ["as_of"] and post["after"]["as_of"] == "2018-04-12" and "as_of" not in post["before"]
    assert post["key"] == {"doc": POST["doc"], "person": "许才勇", "unit": "区水务局", "title": "局长"}
    assert task["fields"] == ["due", "lead"] and task["before"]["lead"] == ["区水务局"]
    assert group["fact"]["group"] == "区防汛领导小组"
    # the same generation twice, named three ways: no change
    live = store.generation
    for spec in (live, live[4:].lstrip("0"), "-0"):
        assert api.diff(tmp_path / "kg", f"{tmp_path / 'kg'}@{spec}").changes == []


def _ops(d) -> list[tuple]:
    return [(c["op"], c["fact"]["group"]) for c in d.changes]


def test_old_generations_kept_as_configured(tmp_path, monkeypatch):
    path = tmp_path / "kg"
    store = Store.open(path, create=True)
    for i in range(4):
        build_store(store, [GROUP | {"group": f"第{i}领导小组"}], [_notice(GROUP["doc"], "2018-04-12")])
    with pytest.raises(StoreError, match="keeps 1 generation"):
        open_store(f"{path}@-2")
    assert _ops(api.diff(f"{path}@-1", path)) == [("add", "第3领导小组"), ("remove", "第2领导小组")]
    monkeypatch.setenv(KEEP_ENV, "3")
    for i in range(4, 8):
        build_store(store, [GROUP | {"group": f"第{i}领导小组"}], [_notice(GROUP["doc"], "2018-04-12")])
    assert _ops(api.diff(f"{path}@-3", path)) == [("add", "第7领导小组"), ("remove", "第4领导小组")]
    assert _ops(api.diff(f"{path}@-3", f"{path}@-2")) == [("add", "第5领导小组"), ("remove", "第4领导小组")]
    monkeypatch.setenv(KEEP_ENV, "0")
    build_store(store, [GROUP | {"group": "第8领导小组"}], [_notice(GROUP["doc"], "2018-04-12")])
    with pytest.raises(StoreError, match="keeps 0 generation"):
        open_store(f"{path}@-1")
    with pytest.raises(StoreError, match="no generation"):
        open_store(f"{path}@gen-000001")
    monkeypatch.setenv(KEEP_ENV, "some")
    with pytest.raises(StoreError, match=KEEP_ENV):
        build_store(store, [GROUP], [_notice(GROUP["doc"], "2018-04-12")])


def test_first_and_last_seen_span_the_notices_stating_the_same_fact(tmp_path):
    store = Store.open(tmp_path / "kg", create=True)
    docs = {"阳政办〔2018〕2号": "2018-01-05", "阳政办〔2018〕9号": "2018-04-12", "阳政办〔2018〕12号": "2018-06-01"}
    facts = [POST | {"doc": d} for d in docs]
    facts.append(POST | {"doc": "阳政办〔2018〕12号", "person": "易雄才"})
    facts.append(POST | {"doc": "阳政办〔2018〕9号", "title": "副局长"})
    build_store(store, facts, [_notice(d, date) for d, date in docs.items()])
    changes = diff(Store.open(tmp_path / "empty", create=True), store)
    seen = {(c["doc"], c["fact"]["person"], c["fact"]["title"]): (c["first_seen"], c["last_seen"]) for c in changes}
    assert seen == {(d, "许才勇", "局长"): ("2018-01-05", "2018-06-01") for d in docs} | {
        ("阳政办〔2018〕12号", "易雄才", "局长"): ("2018-06-01", "2018-06-01"),
        ("阳政办〔2018〕9号", "许才勇", "副局长"): ("2018-04-12", "2018-04-12")}
    # a later build that drops the first notice's fact narrows the span
    build_store(store, [POST | {"doc": "阳政办〔2018〕2号", "person": "另一人"}], [])
    spans = {(v["first_seen"], v["last_seen"]) for v in store.seen().values()}
    assert ("2018-04-12", "2018-06-01") in spans and ("2018-01-05", "2018-06-01") not in spans


def test_the_sample_store_gains_only_the_seen_triples(full_store):
    """Every fact of the sample has its first/last seen and its identity key; they are the only
    quads of the seen graph, and the facts read back are those the store states."""
    s = Store.open(full_store)
    seen_graph = "<https://govgraph.dev/id/graph/seen>"
    terms = ("ontology#firstSeen", "ontology#lastSeen", "ontology#identityKey")
    quads = [q for q in s.nquads() if q.endswith(seen_graph) or any(t in q for t in terms)]
    facts = [f for f in s.facts() if f["kind"] != "unit"]
    assert len(quads) == 6 * len(facts)  # two dates and a key, in the seen graph and in the union
    assert all(any(t in q for t in terms) for q in quads)
    assert len(s.seen()) == len(facts)


def test_cli_diff_table_and_json_lines(tmp_path):
    store = Store.open(tmp_path / "kg", create=True)
    n = _notice(POST["doc"], "2018-04-12")
    build_store(store, [POST], [n])
    build_store(store, [POST | {"start": "2017-01"}, GROUP], [n])
    runner = CliRunner()
    old, new = f"{tmp_path / 'kg'}@-1", str(tmp_path / "kg")
    res = runner.invoke(app, ["diff", old, new, "-f", "jsonl"])
    assert res.exit_code == 0, res.output
    lines = [json.loads(x) for x in res.stdout.splitlines()]
    assert [(x["op"], x["kind"], x.get("fields")) for x in lines] == [("change", "post", ["start"]), ("add", "group", None)]
    res = runner.invoke(app, ["diff", old, new])
    assert res.exit_code == 0
    assert "start: None → 2017-01" in res.stdout and "区防汛领导小组" in res.stdout
    assert "group  1    0       0" in res.stderr
    res = runner.invoke(app, ["diff", old, new, "--kind", "nothing"])
    assert res.exit_code == 1 and "unknown fact kind 'nothing'" in res.stderr
    with pytest.raises(InputError):
        api.diff(old, new, kinds=["nothing"])
