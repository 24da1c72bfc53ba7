"""``govgraph analyze conflicts``: where two notices contradict each other.

Small notices in real layouts (a 任免 notice ``关于…等同志职务任免的通知`` and member lists of
groups set up the same day) go through extraction and a build into a temporary store; each
kind of conflict comes out citing both notices, and the look-alikes that are no conflict (a
deputy next to the head, a successor after a removal, the same post in two places) do not.
"""

from __future__ import annotations

import json
from pathlib import Path

import pytest
from typer.testing import CliRunner

from govgraph import api
from govgraph.cli import app
from govgraph.errors import GovGraphError
from govgraph.graph.conflicts import COLUMNS, conflicts, rules, single_holder_titles

ROOT = Path(__file__).resolve().parent.parent
SAMPLE = ROOT / "data" / "000_69f8c657212cfd7a.txt"

# 宜城县 (a county): a 任免 notice, then two groups set up on one day, then a later list
NOTICES = {
    "rm.txt": """宜政任〔2020〕5号
宜城县人民政府关于张志强等同志职务任免的通知

各乡镇人民政府，县政府各部门：
经县人民政府研究决定：
任命张志强为县财政局局长；
任命刘芳芳为县教育局副局长；
免去赵宏伟的县财政局局长职务；
孙立新同志任县审计局局长。

宜城县人民政府
2020年3月16日
""",
    "group1.txt": """宜政办〔2020〕12号
宜城县人民政府办公室关于成立县优化营商环境工作领导小组的通知

各乡镇人民政府，县政府各部门：
为进一步优化营商环境，经县人民政府研究，决定成立县优化营商环境工作领导小组。组成人员名单如下：
组  长：韩  冰  县人民政府县长
副组长：吴明远  县人民政府副县长
成  员：赵宏伟  县财政局局长
        孙立新  县审计局局长
        钱  七  县审计局副局长
        周  明  县水利局局长
领导小组办公室设在县发改局，孙立新同志兼任办公室主任。

宜城县人民政府办公室
2020年5月8日
""",
    "group2.txt": """宜政办〔2020〕13号
宜城县人民政府办公室关于成立县安全生产委员会的通知

各乡镇人民政府，县政府各部门：
经县人民政府研究，决定成立县安全生产委员会。组成人员名单如下：
主  任：韩  冰  县人民政府县长
副主任：吴明远  县人民政府副县长
委  员：李  强  县审计局局长
        周  明  县交通运输局局长
        王  刚  县应急管理局局长

宜城县人民政府办公室
2020年5月8日
""",
    "group3.txt": """宜政办〔2020〕20号
宜城县人民政府办公室关于成立县森林防火工作领导小组的通知

各乡镇人民政府，县政府各部门：
经县人民政府研究，决定成立县森林防火工作领导小组。组成人员名单如下：
组  长：吴明远  县人民政府副县长
成  员：张志强  县财政局局长
        刘芳芳  县教育局副局长

宜城县人民政府办公室
2020年6月10日
""",
}

# two districts of two cities, one day, each with its own 区财政局局长
PLACES = {
    "hanyang.txt": "阳政办〔2022〕3号—区人民政府办公室关于成立区优化营商环境工作领导小组的通知 2022-03-08 "
                   "各街道办事处,区人民政府各部门: 为进一步优化营商环境,经区人民政府研究,决定成立区优化营商环境工作领导小组。"
                   "组成人员名单如下: 组 长:阎 磊 区人民政府区长 成 员:张 斌 区财政局局长 叶 平 区发改委主任 "
                   "武汉市汉阳区人民政府办公室 2022年3月8日",
    "yunxi.txt": "溪政办〔2022〕3号—区人民政府办公室关于成立区优化营商环境工作领导小组的通知 2022-03-08 "
                 "各街道办事处,区人民政府各部门: 为进一步优化营商环境,经区人民政府研究,决定成立区优化营商环境工作领导小组。"
                 "组成人员名单如下: 组 长:韩 冰 区人民政府区长 成 员:李 锐 区财政局局长 陈 思 区发改委主任 "
                 "江州市云溪区人民政府办公室 2022年3月8日",
}


def _write(folder: Path, notices: dict) -> Path:
    folder.mkdir(parents=True, exist_ok=True)
    for name, text in notices.items():
        (folder / name).write_text(text, encoding="utf-8")
    return folder


@pytest.fixture(scope="module")
def county(tmp_path_factory):
    tmp = tmp_path_factory.mktemp("conflicts")
    return api.build([_write(tmp / "notices", NOTICES)], store=tmp / "kg").graph


@pytest.fixture(scope="module")
def rows(county):
    return county.analyze("conflicts").rows


def _one(rows, conflict, person):
    hit = [r for r in rows if r["conflict"] == conflict and person in (r["person"], r["other_person"])]
    assert len(hit) == 1, hit
    return hit[0]


def _cites_both(r, county, doc, other_doc):
    """The row cites both notices, each with its date and a quote that is in the notice's text."""
    texts = {n.doc: n for n in county.notices()}
    assert (r["doc"], r["other_doc"]) == (doc, other_doc)
    for d, date, quote in ((r["doc"], r["date"], r["quote"]), (r["other_doc"], r["other_date"], r["other_quote"])):
        assert date == texts[d].date
        assert quote and quote in texts[d].text
    assert r["reason"]


def test_two_holders_of_one_head_post_on_one_day(county, rows):
    r = _one(rows, "two-holders", "李强")
    assert (r["person"], r["other_person"], r["unit"], r["title"], r["place"]) == ("孙立新", "李强", "县审计局", "局长",
                                                                                  "宜城县")
    _cites_both(r, county, "宜政办〔2020〕12号", "宜政办〔2020〕13号")
    assert "both stated current on 2020-05-08" in r["reason"]


def test_a_deputy_beside_the_head_is_no_conflict(rows):
    assert not [r for r in rows if "钱七" in (r["person"], r["other_person"])]
    assert not [r for r in rows if r["conflict"] == "two-holders" and r["person"] == "孙立新"
                and r["other_doc"] == "宜政任〔2020〕5号"]


def test_stale_listing_after_a_removal(county, rows):
    r = _one(rows, "stale-listing", "赵宏伟")
    assert (r["person"], r["other_person"], r["unit"], r["title"]) == ("赵宏伟", "赵宏伟", "县财政局", "局长")
    _cites_both(r, county, "宜政任〔2020〕5号", "宜政办〔2020〕12号")
    assert r["quote"] == "免去赵宏伟的县财政局局长职务"
    assert "removed in 宜政任〔2020〕5号 of 2020-03-16" in r["reason"]


def test_the_successor_after_a_removal_is_no_conflict(rows):
    # 张志强 is appointed where 赵宏伟 was removed, and listed later: neither a second holder nor stale
    assert not [r for r in rows if "张志强" in (r["person"], r["other_person"])]
    assert [r["conflict"] for r in rows if "赵宏伟" in (r["person"], r["other_person"])] == ["stale-listing"]


def test_incompatible_posts_head_of_two_bureaus(county, rows):
    r = _one(rows, "incompatible-posts", "周明")
    assert (r["unit"], r["other_unit"], r["title"], r["other_title"]) == ("县水利局", "县交通运输局", "局长", "局长")
    _cites_both(r, county, "宜政办〔2020〕12号", "宜政办〔2020〕13号")
    assert r["reason"].startswith("heads-two-bureaus:")


def test_the_same_post_in_two_notices_is_no_conflict(rows):
    # 韩冰 县长 and 吴明远 副县长 are listed by both groups of 2020-05-08
    assert not [r for r in rows if {"韩冰", "吴明远"} & {r["person"], r["other_person"]}]
    assert len(rows) == 3


def test_only_one_kind_and_place(county):
    assert [r["person"] for r in county.analyze("conflicts", conflict="stale-listing").rows] == ["赵宏伟"]
    assert len(county.analyze("conflicts", place="宜城县").rows) == 3
    assert county.analyze("conflicts", place="汉阳区").rows == []
    with pytest.raises(GovGraphError, match="unknown conflict"):
        county.analyze("conflicts", conflict="two-heads")


def test_the_same_post_in_two_places_is_no_conflict(tmp_path):
    g = api.build([_write(tmp_path / "n", PLACES)], store=tmp_path / "kg").graph
    posts = {(f["person"], f["place"]) for f in g.facts() if f["kind"] == "post" and f["unit"] == "区财政局"}
    assert posts == {("张斌", "武汉市汉阳区"), ("李锐", "江州市云溪区")}
    assert g.analyze("conflicts").rows == []


def test_the_sample_has_no_conflict(tmp_path):
    """Read by hand: the sample's heads follow one another (区水务局: 易雄才 2017-01–2017-12, 许才勇 from
    2018-02-24; 区城管委: 阮祥耀, 杨明生, 易雄才), 原翠微街办事处主任、建桥街办事处主任施韦先 (2015.11-2017.12)
    is one term for two posts, and no one removed is listed again."""
    g = api.build([SAMPLE], store=tmp_path / "kg").graph
    res = g.analyze("conflicts")
    assert res.columns == COLUMNS and res.rows == []


def test_cli_prints_the_rows(county):
    out = CliRunner().invoke(app, ["analyze", "conflicts", "--store", str(county.path), "--format", "json"])
    assert out.exit_code == 0, out.output
    got = json.loads(out.stdout)
    assert [(r["conflict"], r["person"]) for r in got] == [("two-holders", "孙立新"), ("stale-listing", "赵宏伟"),
                                                           ("incompatible-posts", "周明")]
    out = CliRunner().invoke(app, ["analyze", "conflicts", "--store", str(county.path), "--conflict", "x"])
    assert out.exit_code == 1 and "unknown conflict 'x'" in out.output


# ------------------------------------------------------------ the rules, on facts

def _post(doc, person, unit, title, **when):
    return {"kind": "post", "doc": doc, "person": person, "unit": unit, "title": title, "place": "宜城县",
            "evidence": {"text": f"{person} {unit}{title}"}, **when}


DATES = [{"doc": d, "date": date} for d, date in
         (("A", "2017-03-01"), ("B", "2018-02-24"), ("C", "2018-04-12"), ("D", "2018-05-01"))]


def test_a_handover_month_is_no_overlap():
    facts = [_post("A", "易雄才", "县水务局", "局长", start="2017-01", end="2017-12"),
             _post("B", "许才勇", "县水务局", "局长", start="2017-12", end="2018-06"),
             _post("C", "王五", "县水务局", "局长", as_of="2018-06-20")]
    assert conflicts(facts, DATES)[1] == []
    facts.append(_post("D", "赵六", "县水务局", "局长", as_of="2018-03-05"))
    rows = conflicts(facts, DATES)[1]
    assert [(r["person"], r["other_person"]) for r in rows] == [("许才勇", "赵六")]
    assert "inside 许才勇's term 2017-12–2018-06" in rows[0]["reason"]


def test_one_term_for_two_posts_is_the_persons():
    # 原翠微街办事处主任、建桥街办事处主任施韦先任期经济责任审计(2015.11-2017.12): when he came to 建桥街 is not said
    facts = [_post("A", "施韦先", "翠微街办事处", "主任", start="2015-11", end="2017-12", former=True),
             _post("A", "施韦先", "建桥街办事处", "主任", start="2015-11", end="2017-12"),
             _post("B", "成艳", "建桥街办事处", "主任", start="2016-06", end="2017-06")]
    assert conflicts(facts, DATES)[1] == []


def test_a_term_that_ended_is_a_departure_only_with_a_successor():
    facts = [_post("A", "易雄才", "县水务局", "局长", start="2016-01", end="2016-12"),
             _post("C", "易雄才", "县水务局", "局长", as_of="2018-04-12")]
    assert conflicts(facts, DATES)[1] == []  # an audit's term may stop before the post does
    facts.append(_post("B", "许才勇", "县水务局", "局长", as_of="2018-02-24"))
    rows = conflicts(facts, DATES)[1]
    assert [(r["conflict"], r["doc"], r["other_doc"]) for r in rows] == [("stale-listing", "A", "C")]
    assert "another holder from 2018-02" in rows[0]["reason"]


def test_a_list_dated_before_the_removal_is_not_stale():
    facts = [_post("B", "赵宏伟", "县财政局", "局长", as_of="2018-02-24"),
             _post("C", "赵宏伟", "县财政局", "局长", former=True, end="2018-04"),
             _post("D", "赵宏伟", "县财政局", "局长", as_of="2018-05-01")]
    rows = conflicts(facts, DATES)[1]
    assert [(r["conflict"], r["doc"], r["other_doc"]) for r in rows] == [("stale-listing", "C", "D")]
    assert rows[0]["reason"] == ("赵宏伟 left 县财政局局长: removed in C of 2018-04-12 (left 2018-04); "
                                 "D lists them as current on 2018-05-01")


def test_appointed_again_after_a_removal_is_no_conflict():
    facts = [_post("A", "赵宏伟", "县财政局", "局长", former=True, end="2017-03"),
             _post("B", "赵宏伟", "县财政局", "局长", start="2018-01", end="2018-03"),
             _post("C", "赵宏伟", "县财政局", "局长", as_of="2018-02-24")]
    assert conflicts(facts, DATES)[1] == []


def test_two_names_of_one_unit_and_head_and_deputy():
    # the catalogue keeps 县统筹办 and 县城乡统筹办 apart: not two bureaus of one head
    units = [{"kind": "unit", "name": n, "aliases": [n], "unit_type": "department", "place": "宜城县"}
             for n in ("县统筹局", "县城乡统筹局", "县财政局")]
    facts = units + [_post("B", "张斌", "县统筹局", "局长", as_of="2018-02-24"),
                     _post("D", "张斌", "县城乡统筹局", "局长", as_of="2018-02-24"),
                     _post("C", "李四", "县财政局", "局长", as_of="2018-04-12"),
                     _post("D", "李四", "县财政局", "副局长", as_of="2018-04-12")]
    rows = conflicts(facts, DATES)[1]
    assert [(r["conflict"], r["person"], r["title"], r["other_title"]) for r in rows] == [
        ("incompatible-posts", "李四", "局长", "副局长")]
    assert rows[0]["reason"].startswith("head-and-deputy:")


def test_the_vocabularies():
    assert {"局长", "主任", "区长", "县长", "组长", "书记"} <= single_holder_titles()
    assert not {t for t in single_holder_titles() if t.startswith("副")}
    assert {r.name for r in rules()} == {"heads-two-bureaus", "heads-two-street-offices", "heads-two-governments",
                                         "head-and-deputy"}
