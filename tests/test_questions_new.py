"""succession, group-members and group-history (issue 15): on the sample store, on two small
notices that set up and then adjust one group (read by the extractor), and on a post with
hand-made terms that leave a gap and an overlap; and the same rows from their Cypher twins
on Neo4j (the tests marked neo4j)."""

from __future__ import annotations

import shutil
from pathlib import Path

import pytest

from govgraph import queries
from govgraph.build import build_store
from govgraph.errors import QueryError
from govgraph.graph.rdf_store import Store
from govgraph.loaders import extract_paths
from govgraph.notice import Notice
from govgraph.queries import cypher

from test_parity import _ensure_loaded, _same

OTHER = Path(__file__).resolve().parent / "data" / "other"
D5, D7, D9, D12 = (f"阳政办〔2018〕{n}号" for n in (5, 7, 9, 12))
PPP = "汉阳区两江流域生态环境治理PPP项目领导小组"
QUALITY = "区质量强区工作委员会"
SAFETY = "江州市安全生产委员会"
A, B = "江汉府办〔2020〕3号", "江汉府办〔2021〕7号"

# the notice that sets the group up; 江汉府办〔2021〕7号 (tests/data/other/city_group.txt) adjusts it
SETUP = """江汉府办〔2020〕3号
江州市人民政府办公室关于成立江州市安全生产委员会的通知

各区人民政府，市政府各部门：
经市人民政府同意，决定成立江州市安全生产委员会，现将组成人员名单通知如下：
主　任：王建国（市委副书记、市长）
副主任：市委常委、常务副市长孙伟；市政府副秘书长钱志刚
委　员：市应急管理局局长郑丽、市公安局副局长吴敏、市住房和城乡建设局局长褚红梅
成员单位：市发展和改革委员会、市教育局、市交通运输局
市安全生产委员会办公室设在市应急管理局，郑丽同志兼任办公室主任。

江州市人民政府办公室
2020年5月6日
"""

# one post, three holders: a term, a term starting three months after it ended, then a post
# stated as current (twice) while that term still ran
D1, D2, D3 = "测试〔2018〕1号", "测试〔2018〕2号", "测试〔2018〕3号"
TERM_FACTS = [
    {"kind": "unit", "name": "区水务局", "aliases": ["区水务局", "水务局"], "parent": None, "unit_type": "department"},
    {"kind": "post", "doc": D1, "person": "甲", "unit": "区水务局", "title": "局长", "start": "2015-01", "end": "2016-06",
     "evidence": {"text": "区水务局局长甲任期经济责任审计(2015.1-2016.6)", "start": 0, "end": 27}},
    {"kind": "post", "doc": D1, "person": "乙", "unit": "区水务局", "title": "局长", "start": "2016-09", "end": "2017-12"},
    {"kind": "post", "doc": D2, "person": "丙", "unit": "水务局", "title": "局长", "as_of": "2017-10-01"},
    {"kind": "post", "doc": D3, "person": "丙", "unit": "区水务局", "title": "局长", "as_of": "2018-02-01"},
]
TERM_NOTICES = [Notice(doc=D1, text="区水务局局长甲任期经济责任审计(2015.1-2016.6)" + "。" * 50, date="2018-01-05"),
                Notice(doc=D2, text="丙 水务局局长" + "。" * 20, date="2017-10-01"),
                Notice(doc=D3, text="丙 区水务局局长" + "。" * 20, date="2018-02-01")]


def rows(result, *cols):
    return [tuple(r[c] for c in (cols or result.columns)) for r in result.rows]


@pytest.fixture(scope="module")
def store(sample_store):
    return sample_store


@pytest.fixture(scope="module")
def two_lists(tmp_path_factory):
    """The extraction of the set-up notice and the adjustment, and a store built from it."""
    d = tmp_path_factory.mktemp("two-lists")
    (d / "a.txt").write_text(SETUP, encoding="utf-8")
    shutil.copy(OTHER / "city_group.txt", d / "b.txt")
    ex = extract_paths([d / "a.txt", d / "b.txt"])
    s = Store.open(d / "kg", create=True)
    build_store(s, ex.facts, ex.notices)
    return ex, s


@pytest.fixture(scope="module")
def terms(tmp_path_factory):
    s = Store.open(tmp_path_factory.mktemp("terms") / "kg", create=True)
    assert build_store(s, TERM_FACTS, TERM_NOTICES).warnings == []
    return s


# ------------------------------------------------------------------ succession

def test_succession_on_the_sample(store):
    r = queries.run(store, "succession", unit="区水务局", title="局长")
    assert r.columns == ["person", "start", "end", "as_of", "doc", "quote", "flag"]
    assert rows(r, "person", "start", "end", "as_of", "doc", "flag") == [
        ("易雄才", "2017-01", "2017-12", "", D7, ""),
        ("许才勇", "", "", "2018-02-24、2018-04-12", f"{D5}、{D9}", "")]
    assert "易雄才任期经济责任审计(2017.1-2017.12)" in r.rows[0]["quote"]
    assert r.rows[1]["quote"] == "许才勇 区水务局局长"
    r = queries.run(store, "succession", unit="区科技经信局", title="局长")  # an alias of 区科技和经信局
    assert rows(r, "person", "as_of", "doc") == [("纪勤", "2018-02-24", D5)]
    r = queries.run(store, "succession", unit="区城管委", title="主任")
    assert rows(r, "person", "start", "end", "as_of", "flag") == [
        ("阮祥耀", "2013-09", "2016-12", "", ""), ("杨明生", "2017-01", "2017-12", "", ""),
        ("易雄才", "", "", "2018-02-24", "")]
    with pytest.raises(QueryError, match="no post '局座' in 区水务局"):
        queries.run(store, "succession", unit="区水务局", title="局座")


def test_succession_flags_gaps_and_overlaps(terms):
    r = queries.run(terms, "succession", unit="水务局", title="局长")
    assert rows(r, "person", "start", "end", "as_of", "doc", "flag") == [
        ("甲", "2015-01", "2016-06", "", D1, ""),
        ("乙", "2016-09", "2017-12", "", D1, "gap before"),
        ("丙", "", "", "2017-10-01、2018-02-01", f"{D2}、{D3}", "overlaps previous")]


# ------------------------------------------------------------------ group-members

def test_group_members_on_the_sample(store):
    r = queries.run(store, "group-members", group=PPP)
    assert r.columns == ["role", "member", "member_type", "post", "post_doc", "doc", "quote"]
    assert list(dict.fromkeys(x["role"] for x in r.rows)) == ["组长", "常务副组长", "副组长", "成员", "办公室主任"]
    assert rows(r)[:2] == [("组长", "李艳明", "person", "区人民政府常务副区长", D9, D9, "李艳明 区政府常务副区长"),
                           ("常务副组长", "蔡松", "person", "区人民政府副区长", D9, D9, "蔡 松 区政府副区长")]
    assert [x["member"] for x in r.rows if x["role"] == "副组长"] == ["赵书堂", "许才勇"]  # as listed
    assert ("办公室主任", "许才勇", "person", "区水务局局长", D9, D9) in rows(r, *r.columns[:6])
    assert {x["doc"] for x in r.rows} == {D9}
    # member units (招商引资 lists units only)
    r = queries.run(store, "group-members", group="全区招商引资项目落地工作领导小组")
    units = [x for x in r.rows if x["member_type"] == "unit"]
    assert len(units) == 18 and all(x["role"] == "成员" and x["post"] == "" for x in units)
    assert [x["role"] for x in r.rows][:2] == ["组长", "副组长"]
    # names as written, layout spaces ignored; a date before the list: no list
    assert queries.run(store, "group-members", group="区质量强区 工作委员会").rows == \
        queries.run(store, "group-members", group=QUALITY).rows
    assert queries.run(store, "group-members", group=QUALITY, date="2018-01-01").rows == []
    with pytest.raises(QueryError, match="unknown group '区质量强区委员会'; did you mean: 区质量强区工作委员会"):
        queries.run(store, "group-members", group="区质量强区委员会")


def test_group_members_latest_list_and_a_date(two_lists):
    _, s = two_lists
    now = queries.run(s, "group-members", group=SAFETY)
    assert {x["doc"] for x in now.rows} == {B}
    assert [(x["role"], x["member"]) for x in now.rows][:3] == [("主任", "周建华"), ("副主任", "孙伟"), ("副主任", "林晓燕")]
    assert ("成员单位", "市消防救援支队", "unit", "", "", B) in rows(now, *now.columns[:6])
    # 孙伟's posts, stated by both notices: the latest (the list's own)
    assert ("副主任", "孙伟", "市人民政府常务副市长、市委常委", B) in rows(now, "role", "member", "post", "post_doc")
    then = queries.run(s, "group-members", group=SAFETY, date="2020-12-31")
    assert {x["doc"] for x in then.rows} == {A}
    assert rows(then, "role", "member", "post", "post_doc")[:3] == [
        ("主任", "王建国", "市人民政府市长、市委副书记", A), ("副主任", "孙伟", "市人民政府常务副市长、市委常委", A),
        ("副主任", "钱志刚", "市人民政府副秘书长", A)]


# ------------------------------------------------------------------ group-history

def test_group_history_across_set_up_and_adjustment(two_lists):
    ex, s = two_lists
    r = queries.run(s, "group-history", group=SAFETY)
    assert r.columns == ["date", "doc", "change", "member", "member_type", "role", "previous_role", "previous_doc",
                         "quote"]
    first = [x for x in r.rows if x["doc"] == A]
    assert {x["change"] for x in first} == {"joined"} and {x["previous_doc"] for x in first} == {""}
    assert ("郑丽", "委员、办公室主任") in [(x["member"], x["role"]) for x in first]
    assert len(first) == len({(f["member"]) for f in ex.facts if f["kind"] == "membership" and f["doc"] == A})
    assert rows(r, "date", "doc", "change", "member", "member_type", "role", "previous_role", "previous_doc")[len(first):] == [
        ("2021-03-02", B, "joined", "周建华", "person", "主任", "", A),
        ("2021-03-02", B, "joined", "林晓燕", "person", "副主任", "", A),
        ("2021-03-02", B, "role changed", "钱志刚", "person", "委员", "副主任", A),
        ("2021-03-02", B, "joined", "冯浩", "person", "委员", "", A),
        ("2021-03-02", B, "joined", "市消防救援支队", "unit", "成员单位", "", A),
        ("2021-03-02", B, "left", "吴敏", "person", "", "委员", A),
        ("2021-03-02", B, "left", "王建国", "person", "", "主任", A)]


def test_group_history_on_the_sample(store):
    r = queries.run(store, "group-history", group=QUALITY)
    assert {x["change"] for x in r.rows} == {"joined"} and {x["doc"] for x in r.rows} == {D5}
    assert rows(r, "member", "role")[:2] == [("阎磊", "主任"), ("彭焚", "副主任")]
    assert ("龚延瑛", "委员、办公室主任") in rows(r, "member", "role")


def test_cli_reaches_the_new_questions(store):
    import json

    from typer.testing import CliRunner

    from govgraph.cli import app

    res = CliRunner().invoke(app, ["query", "succession", "区水务局", "局长", "--store", str(store.path),
                                   "--format", "json"])
    assert res.exit_code == 0, res.output
    assert [x["person"] for x in json.loads(res.stdout)] == ["易雄才", "许才勇"]
    res = CliRunner().invoke(app, ["query", "group-members", PPP, "--param", "date=2018-04-12",
                                   "--store", str(store.path), "--format", "json"])
    assert res.exit_code == 0 and json.loads(res.stdout)[0]["member"] == "李艳明"


# ------------------------------------------------------------------ parity (Neo4j)

PARITY = ([("succession", {"unit": u, "title": t}) for u, t in
           [("区水务局", "局长"), ("区科技经信局", "局长"), ("区城管委", "主任"), ("区政府", "副区长"), ("区财政局", "局长")]]
          + [("group-members", {"group": g}) for g in (PPP, QUALITY, "全区招商引资项目落地工作领导小组",
                                                     "汉阳区交通秩序治理工作领导小组", "区“红色物业”工作领导小组")]
          + [("group-members", {"group": PPP, "date": d}) for d in ("2018-04-12", "2018-04-11")]
          + [("group-history", {"group": g}) for g in (PPP, QUALITY, "汉阳区全面治理拖欠农民工工资问题部门联席会议")]
          + [("group-members", {"group": "区质量强区委员会"}), ("group-history", {"group": '"} ; DROP ALL ; SELECT * {'}),
             ("succession", {"unit": "区水务局", "title": "局座"}), ("group-members", {"group": PPP, "date": "2018-4-1"})])


@pytest.mark.neo4j
def test_same_rows_on_neo4j(store, neo4j_conn, sample_extraction):
    _ensure_loaded(neo4j_conn, "sample", sample_extraction.facts, sample_extraction.notices)
    answered = 0
    for name, params in PARITY:
        a = _same(store, neo4j_conn, name, **params)
        answered += a[0] == "rows" and bool(a[2])
    assert answered == 13


@pytest.mark.neo4j
def test_same_rows_on_neo4j_two_lists_and_terms(two_lists, terms, neo4j_conn):
    ex, s = two_lists
    _ensure_loaded(neo4j_conn, "two-lists", ex.facts, ex.notices)
    for name, params in [("group-history", {"group": SAFETY}), ("group-members", {"group": SAFETY}),
                         ("group-members", {"group": SAFETY, "date": "2020-12-31"}),
                         ("group-members", {"group": SAFETY, "date": "2020-01-01"})]:
        assert _same(s, neo4j_conn, name, **params)[0] == "rows"
    r = cypher.run(neo4j_conn, s, "group-history", group=SAFETY)
    assert [x["change"] for x in r.rows].count("left") == 2
    _ensure_loaded(neo4j_conn, "terms", TERM_FACTS, TERM_NOTICES)
    a = _same(terms, neo4j_conn, "succession", unit="区水务局", title="局长")
    assert [x["flag"] for x in a[2]] == ["", "gap before", "overlaps previous"]
