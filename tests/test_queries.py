"""Canned questions on the sample (gold facts + the audit terms of 阳政办〔2018〕7号):
the expected rows are read off the notices by hand."""

from __future__ import annotations

import re
from collections import defaultdict

import pytest

from govgraph import queries
from govgraph.errors import QueryError
from govgraph.facts import fact_id
from govgraph.identity import Catalogue
from govgraph.graph.rdf_store import Store
from govgraph.notice import Notice
from govgraph.build import build_store
from test_rdf_sample import sample_facts, sample_store  # noqa: F401

D5, D7, D9, D11, D12 = (f"阳政办〔2018〕{n}号" for n in (5, 7, 9, 11, 12))
PPP = "汉阳区两江流域生态环境治理PPP项目领导小组"
QUALITY = "区质量强区工作委员会"
TRAFFIC = "汉阳区交通秩序治理工作领导小组"
INVEST = "全区招商引资项目落地工作领导小组"


def rows(result):
    return [tuple(r[c] for c in result.columns) for r in result.rows]


# ------------------------------------------------------------ catalogue

def test_catalogue_matches_files():
    cat = queries.catalogue()
    assert [q.name for q in cat] == ["appointment-history", "post-holders", "unit-load", "unit-profile",
                                    "group-interlocks", "deadlines", "co-responsibility",
                                    "person-network", "succession", "group-members", "group-history"]
    for q in cat:
        head = q.header()
        assert re.search(rf"^name: {re.escape(q.name)}$", head, re.M), q.name
        assert re.search(r"^question: \S", head, re.M), q.name
        assert re.search(r"^params: \S", head, re.M), q.name
        cols = re.search(r"^columns: (.*)$", head, re.M).group(1)
        assert [c.strip() for c in cols.split("(")[0].split(",")] == q.columns, q.name
        for p in q.params:  # every parameter is read by the query (or cuts the rows), a name as its node
            assert p.limit or f'gg:arg("{p.name}")' in q.text or f'gg:arg("{p.name}_iri")' in q.text, \
                (q.name, p.name)


def test_python_sort_equals_the_query_order(sample_store):
    """Questions whose order is a list of columns are evaluated without their ORDER BY and
    sorted in Python: the rows equal the query's own ORDER BY, for every example and case."""
    cases = [("unit-profile", {"unit": u}) for u in ("区水务局", "区科技和经信局", "各街办事处", "区政府办")]
    cases += [("person-network", {"person": p}) for p in ("许才勇", "易雄才")]
    cases += [("co-responsibility", {"unit": "区水务局"}), ("deadlines", {}), ("deadlines", {"month": "2018-06"}),
              ("unit-load", {"expand_collectives": True}), ("unit-load", {"due_before": "2018-07-01"}),
              ("group-interlocks", {"min_groups": 1})]
    sorted_in_python = {q.name for q in queries.catalogue() if q.unordered_text}
    assert sorted_in_python == {"unit-load", "unit-profile", "group-interlocks", "deadlines",
                                "co-responsibility", "person-network"}
    for name, params in cases:
        q = queries.get(name)
        bindings, _ = queries.bind(sample_store, q, params)
        args = queries.arguments(q, bindings)
        own = [{c: r.get(c) for c in q.columns} for r in sample_store.sparql(q.text, args=args).rows]
        got = queries.run(sample_store, name, live=True, **params).rows
        assert got == own and len(got) > 0, (name, params)


def test_unit_load_definition_is_in_the_header():
    head = queries.get("unit-load").header()
    assert "definition" in head and "counts as led if U is lead anywhere" in head


# ------------------------------------------------------------ the questions

def test_appointment_history(sample_store):
    r = queries.run(sample_store, "appointment-history", person="许才勇")
    assert r.columns == ["unit", "title", "as_of", "start", "end", "former", "doc", "quote"]
    assert rows(r) == [("区水务局", "局长", "2018-02-24", "", "", 0, D5, ""),
                       ("区水务局", "局长", "2018-04-12", "", "", 0, D9, "")]
    # 张斌: his audit term at 区统筹办 (written so in 7号, an alias of 区城乡统筹办) comes first
    r = queries.run(sample_store, "appointment-history", person="张 斌")
    assert rows(r) == [("区城乡统筹办", "主任", "", "2013-04", "2016-12", 0, D7, ""),
                       ("区财政局", "局长", "2018-02-24", "", "", 0, D5, ""),
                       ("区财政局", "局长", "2018-04-12", "", "", 0, D9, "")]
    # 原翠微街办事处主任、建桥街办事处主任施韦先: two posts, the first one former
    r = queries.run(sample_store, "appointment-history", person="施韦先")
    assert rows(r) == [("建桥街办事处", "主任", "", "2015-11", "2017-12", 0, D7, ""),
                       ("翠微街办事处", "主任", "", "2015-11", "2017-12", 1, D7, "")]


def test_post_holders(sample_store):
    expected = [("易雄才", "", "2017-01", "2017-12", 0, D7, ""),
                ("许才勇", "2018-02-24", "", "", 0, D5, ""),
                ("许才勇", "2018-04-12", "", "", 0, D9, "")]
    assert rows(queries.run(sample_store, "post-holders", unit="区水务局", title="局长")) == expected
    assert rows(queries.run(sample_store, "post-holders", unit="水务", title="局长")) == expected
    r = queries.run(sample_store, "post-holders", unit="区城管委", title="主任")
    assert [x[0] for x in rows(r)] == ["阮祥耀", "杨明生", "易雄才"]
    r = queries.run(sample_store, "post-holders", unit="区政府", title="副区长")
    assert rows(r) == [("彭焚", "2018-02-24", "", "", 0, D5, ""), ("胡勇", "2018-03-01", "", "", 0, D12, ""),
                       ("蔡松", "2018-04-12", "", "", 0, D9, ""), ("彭焚", "2018-04-20", "", "", 0, D11, "")]


def _reference_load(facts, expand=False, due_before=None):
    """unit-load's definition, computed directly on the facts."""
    cat = Catalogue([f for f in facts if f["kind"] == "unit"])

    def closure(u):
        out, todo = [], list(cat.members(u))
        while todo:
            m = todo.pop(0)
            if m not in out:
                out.append(m)
                todo += cat.members(m)
        return out

    led, total = defaultdict(int), defaultdict(int)
    for f in facts:
        if f["kind"] != "task" or (due_before and not (f["due"] and f["due"] < due_before)):
            continue
        roles: dict[str, bool] = {}
        for role in ("lead", "responsible"):
            for name in f[role]:
                u = cat.resolve(name)
                for x in [u] + (closure(u) if expand else []):
                    roles[x] = roles.get(x, False) or role == "lead"
        for u, is_lead in roles.items():
            total[u] += 1
            led[u] += is_lead
    out = [(u, led[u], total[u] - led[u], total[u]) for u in total]
    return sorted(out, key=lambda r: (-r[3], -r[1], r[0]))


def test_unit_load(sample_store):
    r = queries.run(sample_store, "unit-load")
    assert r.columns == ["unit", "led", "responsible", "total"]
    assert rows(r) == _reference_load(sample_facts())
    assert rows(r)[:4] == [("区商旅局", 2, 14, 16), ("区建设局", 0, 14, 14), ("区财政局", 3, 10, 13),
                           ("区科技和经信局", 8, 4, 12)]
    assert ("各街办事处", 0, 12, 12) in rows(r)
    assert len(rows(queries.run(sample_store, "unit-load", top=5))) == 5


def test_unit_load_expanded(sample_store):
    r = queries.run(sample_store, "unit-load", expand_collectives="true")
    assert rows(r) == _reference_load(sample_facts(), expand=True)
    # the street offices take on 各街办事处's 12 tasks (and 各成员单位's, through it)
    assert rows(r)[:3] == [("建桥街办事处", 0, 18, 18), ("晴川街办事处", 0, 18, 18), ("永丰街办事处", 0, 18, 18)]
    assert ("各街办事处", 0, 12, 12) in rows(r)  # the collective keeps its own row


def test_unit_load_due_before(sample_store):
    # 阳政办〔2018〕11号's table: 附件.3 "5月前" (04-30), 附件.1, .2 and .9 "5月底" (05-31)
    r = queries.run(sample_store, "unit-load", due_before="2018-06-01")
    assert rows(r) == [("区委宣传部", 0, 1, 1), ("区工商质监局", 0, 1, 1), ("区文明办", 0, 1, 1),
                       ("团区委", 0, 1, 1)]
    assert rows(r) == _reference_load(sample_facts(), due_before="2018-06-01")


def test_unit_profile(sample_store):
    r = queries.run(sample_store, "unit-profile", unit="区科技经信局")  # an alias
    got = rows(r)
    assert ("alias", "区科技经信局", "", "", "") in got
    assert ("in-collective", "领导小组成员单位", "", "", "") in got
    assert ("post", "局长", "纪勤", "", D5) in got
    assert ("group", INVEST, "成员", "", D12) in got
    assert ("group", TRAFFIC, "成员", "", D11) in got
    assert ("group", QUALITY, "委员", "纪勤", D5) in got  # through its 局长
    tasks = [x for x in got if x[0] == "task"]
    assert len(tasks) == 12 and sum(x[2] == "lead" for x in tasks) == 8
    r = queries.run(sample_store, "unit-profile", unit="区交通大队")
    assert ("parent", "公安汉阳分局", "", "", "") in rows(r)
    r = queries.run(sample_store, "unit-profile", unit="晴川街办事处")
    got = rows(r)
    assert ("in-collective", "各街办事处", "", "", "") in got
    assert ("post", "主任", "陈刚", "", D7) in got
    assert sum(1 for x in got if x[0] == "task" and x[3] == "各街办事处") == 12
    r = queries.run(sample_store, "unit-profile", unit="区水务局")
    assert ("office-of", PPP, "", "", "") in rows(r)
    assert got == sorted(got)


def test_group_interlocks(sample_store):
    r = queries.run(sample_store, "group-interlocks")
    assert r.columns == ["member", "member_type", "n_groups", "groups"]
    people = [(x[0], x[3]) for x in rows(r) if x[1] == "person"]
    assert people == [
        ("叶平", f"{QUALITY}、{PPP}"), ("张斌", f"{QUALITY}、{PPP}"), ("彭焚", f"{QUALITY}、{TRAFFIC}"),
        ("李艳明", f"{INVEST}、{PPP}"), ("涂世平", f"{QUALITY}、{PPP}"), ("王辉友", f"{QUALITY}、{PPP}"),
        ("胡红胜", f"{QUALITY}、{PPP}"), ("许才勇", f"{QUALITY}、{PPP}")]
    units = [x[0] for x in rows(r) if x[1] == "unit"]
    # 区城管委 sits in the traffic group as 区城管委(交通运输局), 区建设局 as 区建设局(建管站)
    assert units == ["区城管委", "区建设局", "区教育局", "区水务局", "区科技和经信局"]
    assert all(x[2] == 2 for x in rows(r))
    assert rows(queries.run(sample_store, "group-interlocks", min_groups=3)) == []


def test_deadlines(sample_store):
    r = queries.run(sample_store, "deadlines", month="2018-05")
    assert [(x[0], x[1], x[2], x[4], x[5]) for x in rows(r)] == [
        ("2018-05-31", D11, "附件.1", "responsible", "区委宣传部"),
        ("2018-05-31", D11, "附件.2", "responsible", "团区委"),
        ("2018-05-31", D11, "附件.9", "responsible", "区工商质监局")]
    r = queries.run(sample_store, "deadlines", month="2018-04")
    assert [(x[0], x[2], x[5]) for x in rows(r)] == [("2018-04-30", "附件.3", "区文明办")]
    everything = rows(queries.run(sample_store, "deadlines"))
    assert everything == sorted(everything) and len({(x[1], x[2]) for x in everything}) == 22


def _reference_shared(facts, unit):
    """co-responsibility's definition, computed directly on the facts."""
    cat = Catalogue([f for f in facts if f["kind"] == "unit"])
    shared, partner_led, unit_led = defaultdict(set), defaultdict(set), defaultdict(set)
    for f in facts:
        if f["kind"] != "task":
            continue
        units = {(cat.resolve(n), role) for role in ("lead", "responsible") for n in f[role]}
        if unit not in {u for u, _ in units}:
            continue
        t = fact_id(f)
        for u, role in units:
            if u == unit:
                continue
            shared[u].add(t)
            if role == "lead":
                partner_led[u].add(t)
            if (unit, "lead") in units:
                unit_led[u].add(t)
    out = [(u, len(shared[u]), len(partner_led[u]), len(unit_led[u])) for u in shared]
    return sorted(out, key=lambda r: (-r[1], -r[2], r[0]))


def test_co_responsibility(sample_store):
    r = queries.run(sample_store, "co-responsibility", unit="区水务局")
    assert r.columns == ["partner", "shared", "partner_led", "unit_led"]
    assert rows(r) == _reference_shared(sample_facts(), "区水务局")
    assert rows(r)[:2] == [("区建设局", 5, 0, 1), ("区城管委", 4, 0, 2)]


def test_person_network(sample_store):
    r = queries.run(sample_store, "person-network", person="许才勇")
    got = rows(r)
    assert [x for x in got if x[0] in ("group", "post")] == [
        ("group", QUALITY, "委员", "", D5), ("group", PPP, "副组长", "", D9), ("group", PPP, "办公室主任", "", D9),
        ("post", "区水务局", "局长", "", D5), ("post", "区水务局", "局长", "", D9)]
    assert ("colleague", "李艳明", "组长", PPP, D9) in got
    assert ("colleague", "阎磊", "主任", QUALITY, D5) in got
    assert ("colleague", "易雄才", "委员", QUALITY, D5) in got
    assert not any(x[1] == "许才勇" for x in got if x[0] == "colleague")
    assert got == sorted(got)


def test_rows_are_plain_values(sample_store):
    for q in queries.catalogue():
        params = dict(q.example)
        r = queries.run(sample_store, q.name, **params)
        assert r.columns == q.columns and r.rows, q.name
        for row in r.rows:
            assert list(row) == q.columns
            assert all(type(v) in (str, int) for v in row.values()), (q.name, row)


# ------------------------------------------------------------ names and params

def test_unknown_names_suggest(sample_store):
    with pytest.raises(QueryError, match="unknown person '许才永'; did you mean: 许才勇"):
        queries.run(sample_store, "appointment-history", person="许才永")
    with pytest.raises(QueryError, match="unknown unit '区水利局'.*区水务局"):
        queries.run(sample_store, "unit-profile", unit="区水利局")
    with pytest.raises(QueryError, match="no post '局座' in 区水务局; posts of 区水务局: 局长"):
        queries.run(sample_store, "post-holders", unit="区水务局", title="局座")
    with pytest.raises(QueryError, match="no canned question 'unit-lod'; did you mean: unit-load"):
        queries.run(sample_store, "unit-lod")
    with pytest.raises(QueryError, match="unknown parameter"):
        queries.run(sample_store, "unit-load", topp=3)
    with pytest.raises(QueryError, match="required"):
        queries.run(sample_store, "appointment-history")
    with pytest.raises(QueryError, match="date YYYY-MM-DD"):
        queries.run(sample_store, "unit-load", due_before="2018-13-01")
    with pytest.raises(QueryError, match="month YYYY-MM"):
        queries.run(sample_store, "deadlines", month="2018-5")
    with pytest.raises(QueryError, match="true or false"):
        queries.run(sample_store, "unit-load", expand_collectives="maybe")


def test_own_sparql(sample_store, tmp_path):
    text = ("SELECT ?doc (COUNT(DISTINCT ?t) AS ?n) WHERE { ?t a gg:Task ; prov:hadPrimarySource ?d . "
            "?d dcterms:identifier ?doc } GROUP BY ?doc ORDER BY ?doc")
    r = queries.sparql(sample_store, text)
    assert r.columns == ["doc", "n"]
    assert {x["doc"]: x["n"] for x in r.rows} == {"阳政办〔2018〕10号": 99, D11: 12, "阳政办〔2018〕8号": 20, D9: 15}
    p = tmp_path / "mine.rq"
    p.write_text(text, encoding="utf-8")
    assert queries.sparql(sample_store, str(p)).rows == r.rows
    assert queries.sparql(sample_store, p).rows == r.rows
    with pytest.raises(QueryError, match="SPARQL query failed"):
        queries.sparql(sample_store, "SELECT ?x WHERE { ?x")


# ------------------------------------------------------------ injection

EVIL = ['"} ; DROP ALL ; SELECT * {', "x' OR '1'='1", '"""\\" } UNION { ?s ?p ?o } #']


def test_injection_comes_back_as_data(tmp_path):
    n = Notice(doc="测试〔2018〕9号", text="任命若干同志。", date="2018-06-01")
    facts = [{"kind": "post", "doc": n.doc, "person": name, "unit": "区水务局", "title": "局长",
              "as_of": "2018-06-01"} for name in EVIL]
    facts.append({"kind": "unit", "name": "区水务局", "aliases": ["区水务局"], "parent": None,
                  "unit_type": "department"})
    store = Store.open(tmp_path / "kg", create=True)
    build_store(store, facts, [n])
    before = store.nquads()
    for name in EVIL:
        r = queries.run(store, "appointment-history", person=name)
        assert rows(r) == [("区水务局", "局长", "2018-06-01", "", "", 0, n.doc, "")], name
        r = queries.run(store, "person-network", person=name)
        assert ("post", "区水务局", "局长", "", n.doc) in rows(r)
    r = queries.run(store, "post-holders", unit="区水务局", title="局长")
    assert sorted(x[0] for x in rows(r)) == sorted(EVIL)
    with pytest.raises(QueryError, match="unknown unit"):
        queries.run(store, "unit-profile", unit=EVIL[0])
    assert store.nquads() == before


def test_group_interlocks_names_holding_the_separator(tmp_path):
    """group-interlocks concatenates a member's groups without Oxigraph's ORDER BY (the items
    percent-encoded, ordered in Python): names holding its separator, a space or a percent
    sign come back whole and in code point order, as the query's own text gives them."""
    n = Notice(doc="测试〔2018〕10号", text="成立若干小组。", date="2018-06-01")
    groups = ["区安全生产、消防工作领导小组", "区 防汛 指挥部", "区100%覆盖工作专班", "区创建办"]
    facts = [{"kind": "membership", "doc": n.doc, "group": g, "member": "王某", "member_type": "person",
              "role": "成员"} for g in groups]
    facts += [{"kind": "group", "doc": n.doc, "group": g} for g in groups]
    store = Store.open(tmp_path / "kg", create=True)
    build_store(store, facts, [n])
    q = queries.get("group-interlocks")
    assert "ORDER BY ?group" not in q.unordered_text
    got = queries.run(store, "group-interlocks", live=True).rows
    args = queries.arguments(q, queries.bind(store, q, {})[0])
    own = [{c: r.get(c) for c in q.columns} for r in store.sparql(q.text, args=args).rows]
    assert got == own
    assert [r["groups"] for r in got] == ["、".join(sorted(groups))]
