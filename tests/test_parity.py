"""Parity of the two backends: every canned question answered by its Cypher twin on Neo4j
(``govgraph.queries.cypher``) gives exactly the rows of its SPARQL version on the embedded
RDF store, loaded from the same facts and notices.

Needs a real Neo4j (tests/neo4j_fixture.py). These tests wipe the database they run against.
"""

from __future__ import annotations

import re

import pytest

from govgraph import queries
from govgraph.api import Graph
from govgraph.errors import QueryError
from govgraph.graph import neo4j_store
from govgraph.graph.rdf_store import Store
from govgraph.notice import Notice
from govgraph.queries import cypher
from govgraph.build import build_store

pytestmark = pytest.mark.neo4j


# --------------------------------------------------------------------------- loading


def _expected_counts(summary: dict) -> dict:
    return {"nodes": {k: v["merged"] for k, v in sorted(summary["nodes"].items()) if v["merged"]},
            "relationships": {k: v["merged"] for k, v in sorted(summary["relationships"].items()) if v["merged"]}}


_LOADED: dict[str, dict] = {}  # dataset key -> the counts its load gave


def _ensure_loaded(conn, key: str, facts: list[dict], notices: list) -> dict:
    """Load ``facts``/``notices`` (wiping the database) unless the database already holds
    exactly what loading them gave; returns the counts."""
    want = _LOADED.get(key)
    if want is None or neo4j_store.counts(conn) != want:
        summary = neo4j_store.load(conn, facts, notices, wipe=True)
        assert summary["warnings"] == []
        _LOADED.clear()
        _LOADED[key] = _expected_counts(summary)
        assert neo4j_store.counts(conn) == _LOADED[key]
    return _LOADED[key]


@pytest.fixture(scope="module")
def store(tmp_path_factory, sample_extraction):
    s = Store.open(tmp_path_factory.mktemp("parity") / "kg", create=True)
    build_store(s, sample_extraction.facts, sample_extraction.notices)
    return s


@pytest.fixture
def neo(neo4j_conn, sample_extraction):
    """The connection, with the sample extraction loaded."""
    _ensure_loaded(neo4j_conn, "sample", sample_extraction.facts, sample_extraction.notices)
    return neo4j_conn


def _answer(fn):
    """``("rows", columns, rows)`` or ``("error", message)``."""
    try:
        r = fn()
    except QueryError as e:
        return ("error", str(e))
    return ("rows", r.columns, r.rows)


def _same(store, conn, name, **params):
    """Both backends' answers, checked equal (rows, order, value types; or the same
    QueryError); returns the RDF answer."""
    a = _answer(lambda: queries.run(store, name, **params))
    b = _answer(lambda: cypher.run(conn, store, name, **params))
    assert b == a, (name, params)
    if a[0] == "rows":
        for ra, rb in zip(a[2], b[2]):
            assert list(ra) == list(rb) == a[1]
            assert [type(v) for v in ra.values()] == [type(v) for v in rb.values()], (name, params, ra, rb)
            assert all(type(v) in (str, int, bool) or v is None for v in rb.values())
    return a


# --------------------------------------------------------------------------- the cases

EXAMPLES = [(q.name, dict(q.example)) for q in queries.catalogue()]
PERSONS = ["许才勇", "李艳明", "彭焚", "张斌", "张 斌", "施韦先"]
UNITS = ["区水务局", "区科技经信局", "各街办事处", "区发改委", "区交通大队", "晴川街办事处",
         "区“红色物业”工作领导小组",  # a catalogue unit that is also a group
         "区总工会经费审查委员会"]  # the same, with a post in it
EXTRA = (
    [("appointment-history", {"person": p}) for p in PERSONS]
    + [("person-network", {"person": p}) for p in PERSONS]
    + [("post-holders", {"unit": u, "title": t})
       for u, t in [("区水务局", "局长"), ("区城管委", "主任"), ("区政府", "副区长"), ("区财政局", "局长")]]
    + [("unit-profile", {"unit": u}) for u in UNITS]
    + [("co-responsibility", {"unit": u}) for u in UNITS]
    + [("unit-load", p) for p in [
        {}, {"top": 5}, {"top": 0}, {"due_before": "2018-06-01"}, {"due_before": "2018-07-01"},
        {"expand_collectives": True}, {"expand_collectives": "false"},
        {"expand_collectives": True, "due_before": "2018-07-01", "top": 5},
        {"due_before": "2000-01-01"}]]  # no task: no row
    + [("deadlines", p) for p in [{"month": m} for m in ("2018-05", "2018-06", "2018-04", "2019-01")] + [{}]]
    + [("group-interlocks", p) for p in [{}, {"min_groups": 1}, {"min_groups": 3}]]
)
CASES = EXAMPLES + EXTRA


def _id(case):
    name, params = case
    return name + ("[" + ",".join(f"{k}={v}" for k, v in params.items()) + "]" if params else "")


def test_every_question_has_a_twin_and_cases():
    assert {n for n, _ in CASES} == {q.name for q in queries.catalogue()}
    for q in queries.catalogue():
        head = cypher.header(q)
        assert re.search(rf"^name: {re.escape(q.name)}$", head, re.M), q.name
        assert re.search(r"^question: \S", head, re.M), q.name
        assert re.search(r"^params: \S", head, re.M), q.name
        cols = re.search(r"^columns: (.*)$", head, re.M).group(1)
        assert [c.strip() for c in cols.split("(")[0].split(",")] == q.columns, q.name
        body = "\n".join(x for x in cypher.text(q).splitlines() if not x.startswith("//"))
        for p in q.params:  # every bound parameter is used as a driver parameter
            assert p.limit or f"${p.name}" in body, (q.name, p.name)
        assert not re.search(r"\{[a-z_]+\}|%s|%\(", body), q.name  # nothing formatted in


@pytest.mark.parametrize("case", CASES, ids=[_id(c) for c in CASES])
def test_same_rows(store, neo, case):
    name, params = case
    a = _same(store, neo, name, **params)
    assert a[0] == "rows"
    if case in EXAMPLES or name in ("appointment-history", "person-network", "post-holders", "unit-profile"):
        assert a[2], f"{_id(case)}: no rows on the sample"


def test_sample_answers_are_the_known_ones(store, neo):
    """A few hand-checked answers, from Neo4j."""
    r = cypher.run(neo, store, "post-holders", unit="区水务局", title="局长")
    assert [x["person"] for x in r.rows] == ["易雄才", "许才勇", "许才勇"]
    r = cypher.run(neo, store, "unit-load", top=5)
    assert len(r.rows) == 5 and r.rows[0]["total"] >= r.rows[-1]["total"]
    r = cypher.run(neo, store, "unit-profile", unit="区科技经信局")  # an alias
    assert {"section": "alias", "item": "区科技经信局", "detail": "", "via": "", "doc": ""} in r.rows
    r = cypher.run(neo, store, "deadlines", month="2018-05")
    assert {x["due"][:7] for x in r.rows} == {"2018-05"}


# --------------------------------------------------------------------------- errors and injection

ERRORS = [
    ("appointment-history", {"person": "许才永"}),
    ("unit-profile", {"unit": "区水利局"}),
    ("post-holders", {"unit": "区水务局", "title": "局座"}),
    ("unit-lod", {}),
    ("unit-load", {"topp": 3}),
    ("unit-load", {"top": -1}),
    ("appointment-history", {}),
    ("unit-load", {"due_before": "2018-13-01"}),
    ("deadlines", {"month": "2018-5"}),
    ("unit-load", {"expand_collectives": "maybe"}),
    ("group-interlocks", {"min_groups": "two"}),
]


@pytest.mark.parametrize("case", ERRORS, ids=[_id(c) for c in ERRORS])
def test_same_errors(store, neo, case):
    name, params = case
    a = _same(store, neo, name, **params)
    assert a[0] == "error"


EVIL = ["x' OR '1'='1", '"}) DETACH DELETE n //', "'}) MATCH (n) DETACH DELETE n RETURN 1 AS x //",
        "$person", '"} ; DROP ALL ; SELECT * {', "a` RETURN 1 //"]


def test_hostile_parameters_are_unknown_names(store, neo):
    before = neo4j_store.counts(neo)
    assert before["nodes"]["Person"] > 0
    n = 0
    for evil in EVIL:
        for name, params in [("appointment-history", {"person": evil}), ("person-network", {"person": evil}),
                             ("unit-profile", {"unit": evil}), ("co-responsibility", {"unit": evil}),
                             ("post-holders", {"unit": evil, "title": "局长"}),
                             ("post-holders", {"unit": "区水务局", "title": evil}),
                             ("deadlines", {"month": evil}), ("unit-load", {"due_before": evil}),
                             ("group-interlocks", {"min_groups": evil})]:
            a = _same(store, neo, name, **params)
            assert a[0] == "error" or a[2] == [], (name, params)
            n += 1
    assert n == len(EVIL) * 9
    assert neo4j_store.counts(neo) == before


def test_hostile_names_in_the_data_come_back_as_data(tmp_path, neo4j_conn):
    doc = "测试〔2018〕9号"
    n = Notice(doc=doc, text="任命若干同志。", date="2018-06-01")
    facts = [{"kind": "post", "doc": doc, "person": name, "unit": "区水务局", "title": "局长",
              "as_of": "2018-06-01"} for name in EVIL]
    facts += [{"kind": "membership", "doc": doc, "group": "某领导小组", "member": name, "member_type": "person",
               "role": "成员"} for name in EVIL]
    facts.append({"kind": "unit", "name": "区水务局", "aliases": ["区水务局"], "parent": None,
                  "unit_type": "department"})
    store = Store.open(tmp_path / "kg", create=True)
    build_store(store, facts, [n])
    before = _ensure_loaded(neo4j_conn, "evil", facts, [n])
    for name in EVIL:
        a = _same(store, neo4j_conn, "appointment-history", person=name)
        assert a[2] == [{"unit": "区水务局", "title": "局长", "as_of": "2018-06-01", "start": "", "end": "",
                         "former": 0, "doc": doc, "quote": ""}]
        a = _same(store, neo4j_conn, "person-network", person=name)
        assert {"section": "post", "item": "区水务局", "detail": "局长", "via": "", "doc": doc} in a[2]
        assert sum(r["section"] == "colleague" for r in a[2]) == len(EVIL) - 1
    a = _same(store, neo4j_conn, "post-holders", unit="区水务局", title="局长")
    assert sorted(r["person"] for r in a[2]) == sorted(EVIL)
    _same(store, neo4j_conn, "group-interlocks", min_groups=1)
    _same(store, neo4j_conn, "unit-profile", unit="区水务局")
    assert neo4j_store.counts(neo4j_conn) == before


# --------------------------------------------------------------------------- corners

D1, D2 = "测试〔2018〕1号", "测试〔2018〕2号"


def _unit(name, **kw):
    return {"kind": "unit", "name": name, "aliases": kw.pop("aliases", [name]), "parent": kw.pop("parent", None),
            "unit_type": kw.pop("unit_type", "department"), **kw}


CORNER_FACTS = [
    _unit("区水务局", aliases=["区水务局", "水务局"]),
    _unit("区河道站", parent="水务局", unit_type="agency"),  # parent written as an alias
    _unit("甲街办事处", unit_type="street_office"), _unit("乙街办事处", unit_type="street_office"),
    _unit("各街道", unit_type="collective", members=["甲街办事处"], former_members=["乙街办事处"]),
    _unit("全区各单位", unit_type="collective", members=["各街道", "区水务局"]),  # nested collectives
    {"kind": "group", "doc": D1, "group": "某领导小组", "office_unit": "水务局"},
    {"kind": "membership", "doc": D1, "group": "某领导小组", "member": "张三", "member_type": "person", "role": "组长"},
    {"kind": "membership", "doc": D1, "group": "某领导小组", "member": "水务局", "member_type": "unit",
     "role": "成员单位"},
    {"kind": "membership", "doc": D1, "group": "某领导小组", "member": "某委员会", "member_type": "group",
     "role": "成员"},
    {"kind": "membership", "doc": D1, "group": "某委员会", "member": "张三", "member_type": "person", "role": "委员"},
    {"kind": "membership", "doc": D1, "group": "某委员会", "member": "区水务局", "member_type": "unit", "role": "成员"},
    {"kind": "post", "doc": D1, "person": "张三", "unit": "水务局", "title": "局长", "as_of": "2018-05-01",
     "evidence": {"text": "张三 水务局局长", "start": 0, "end": 8}},
    {"kind": "post", "doc": D1, "person": "李四", "unit": "区水务局", "title": "局长", "start": "2016-01",
     "end": "2017-12", "former": True},
    {"kind": "post", "doc": D1, "person": "王五", "unit": "未知单位", "title": "主任", "as_of": "2018-05-01"},
    # a group named as lead unit in the notice that sets it up
    {"kind": "task", "doc": D1, "ref": "1", "text": "任务一", "due": "2018-05-31", "lead": ["某领导小组"],
     "responsible": ["各街道", "水务局"]},
    {"kind": "task", "doc": D1, "ref": "2", "text": None, "due": None, "lead": ["全区各单位"],
     "responsible": ["区河道站"]},
    {"kind": "task", "doc": D1, "ref": None, "text": "任务三", "due": "2018-06-15", "lead": ["区水务局"],
     "responsible": ["甲街办事处", "乙街办事处"]},
]
CORNER_NOTICES = [Notice(doc=D1, text="张三 水务局局长" + "。" * 100, date="2018-05-01")]
CORNER_CASES = (
    [("appointment-history", {"person": p}) for p in ["张三", "李四", "王五"]]
    + [("person-network", {"person": p}) for p in ["张三", "李四"]]
    + [(q, {"unit": u}) for u in ["区水务局", "各街道", "全区各单位", "甲街办事处", "乙街办事处", "某领导小组",
                                  "某委员会", "区河道站", "未知单位"] for q in ("unit-profile", "co-responsibility")]
    + [("post-holders", {"unit": "水务局", "title": "局长"})]
    + [("unit-load", p) for p in [{}, {"expand_collectives": True}, {"due_before": "2018-06-01"}]]
    + [("deadlines", p) for p in [{"month": "2018-05"}, {"month": "2018-06"}, {}]]
    + [("group-interlocks", {"min_groups": k}) for k in (1, 2)]
    + [("succession", {"unit": "水务局", "title": "局长"})]
    + [(q, {"group": g}) for g in ["某领导小组", "某委员会"] for q in ("group-members", "group-history")]
)


def _corner_store(tmp_path, facts, notices):
    s = Store.open(tmp_path / "kg", create=True)
    report = build_store(s, facts, notices)
    assert report.warnings == []
    return s


def test_corners(tmp_path, neo4j_conn):
    """Aliases, parents, nested collectives, former members, a group as lead unit, groups in
    groups, missing texts and dates, a term and a former post, an uncatalogued unit."""
    store = _corner_store(tmp_path, CORNER_FACTS, CORNER_NOTICES)
    _ensure_loaded(neo4j_conn, "corners", CORNER_FACTS, CORNER_NOTICES)
    assert {n for n, _ in CORNER_CASES} == {q.name for q in queries.catalogue()}
    for name, params in CORNER_CASES:
        a = _same(store, neo4j_conn, name, **params)
        assert a[0] == "rows", (name, params, a)


def test_known_mismatch_post_in_a_group(tmp_path, neo4j_conn):
    facts = CORNER_FACTS + [{"kind": "post", "doc": D1, "person": "张三", "unit": "某委员会", "title": "主任",
                             "as_of": "2018-05-01"}]
    store = _corner_store(tmp_path, facts, CORNER_NOTICES)
    _ensure_loaded(neo4j_conn, "corners+post-in-group", facts, CORNER_NOTICES)
    _same(store, neo4j_conn, "unit-profile", unit="区水务局")


def test_known_mismatch_group_assignee_in_two_notices(tmp_path, neo4j_conn):
    facts = CORNER_FACTS + [{"kind": "task", "doc": D2, "ref": "1", "text": "任务四", "due": "2018-05-20",
                             "lead": ["某领导小组"], "responsible": ["区水务局"]}]
    notices = CORNER_NOTICES + [Notice(doc=D2, text="。" * 50, date="2018-05-02")]
    store = _corner_store(tmp_path, facts, notices)
    _ensure_loaded(neo4j_conn, "corners+group-assignee", facts, notices)
    _same(store, neo4j_conn, "unit-load")


# --------------------------------------------------------------------------- API and CLI


def test_graph_query_backend_neo4j(store, neo):
    g = Graph(store)
    a = g.query("appointment-history", person="许才勇")
    b = g.query("appointment-history", backend="neo4j", neo4j=neo, person="许才勇")
    assert b.rows == a.rows and b.columns == a.columns
    assert list(b.df().columns) == a.columns


def test_cli_query_backend_neo4j(store, neo, neo4j_uri, monkeypatch):
    import json

    from typer.testing import CliRunner

    from govgraph.cli import app

    monkeypatch.setenv("NEO4J_URI", neo4j_uri)
    for args in (["appointment-history", "许才勇"], ["unit-load", "--top", "5", "--expand-collectives"],
                 ["post-holders", "区水务局", "局长"], ["deadlines", "--month", "2018-05"]):
        got = {}
        for backend in ("rdf", "neo4j"):
            res = CliRunner().invoke(app, ["query", *args, "--backend", backend, "--store", str(store.path),
                                           "--format", "json"])
            assert res.exit_code == 0, res.output
            got[backend] = json.loads(res.stdout)
        assert got["neo4j"] == got["rdf"] and got["rdf"], args
    res = CliRunner().invoke(app, ["query", "appointment-history", "许才永", "--backend", "neo4j",
                                   "--store", str(store.path)])
    assert res.exit_code == 1 and "unknown person '许才永'; did you mean: 许才勇" in res.output
