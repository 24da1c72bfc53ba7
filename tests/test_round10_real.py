"""Round 10's layouts, on snippets shaped like real notices (ext-106..117, dev from round 10).

Each test builds the notice directly (doc, date as the header would give them) and checks every
fact's evidence, as tests/test_round8_real.py does. The persons' names are made up.
"""

from __future__ import annotations

from snippets import snippet_facts as _facts

from govgraph.identity.scope import leading_components
from govgraph.loaders.places import place_of_org


def _posts(facts):
    return {(f["person"], f["unit"], f["title"]) for f in facts if f["kind"] == "post"}


def _members(facts):
    return {(f["member"], f["role"]) for f in facts if f["kind"] == "membership"}


_GROUP = ("国务院办公厅关于成立某普查领导小组的通知\n各省人民政府:\n国务院决定成立某普查领导小组。"
          "现将有关事项通知如下:一、主要职责负责普查的组织和领导。二、组成人员")


def test_labels_and_entries_run_together_without_separators():
    # ext-106: '组长:…副总理副组长:…成员:…', each entry 'name+unit+title' with nothing between;
    # a unit written again or a national unit says where each name ends
    text = _GROUP + ("组长:张明远国务院副总理副组长:赵文华国土资源部部长钱立新国务院副秘书长"
                     "成员:孙国庆公安部副部长李建明国土资源部副部长三、工作机构领导小组办公室设在国土资源部。")
    facts, _ = _facts(text, issuer="国务院办公厅")
    assert {("赵文华", "副组长"), ("钱立新", "副组长"), ("孙国庆", "成员"), ("李建明", "成员")} <= _members(facts)
    assert {("赵文华", "国土资源部", "部长"), ("钱立新", "国务院", "副秘书长"), ("孙国庆", "公安部", "副部长"),
            ("李建明", "国土资源部", "副部长")} <= _posts(facts)


def test_a_glued_name_of_two_possible_lengths_is_a_warning():
    # 周海林业局副局长: 周海 + 林业局 or 周海林 + 业局; nothing in the notice tells: no fact, a warning
    text = _GROUP + "组长:张明远国务院副总理成员:孙国庆公安部副部长周海林业局副局长三、工作机构略。"
    facts, warns = _facts(text, issuer="国务院办公厅")
    assert ("孙国庆", "成员") in _members(facts)
    assert not any(f.get("member", "").startswith("周海") or f.get("person", "").startswith("周海") for f in facts)
    assert any("周海林业局副局长" in str(w) and "not sure" in str(w) for w in warns)


def test_election_results_with_votes_and_a_run_joined_by_he():
    # ext-111: '以190票的高票当选为…', 'A、B和C当选副县长', the body's term after its level
    text = ("某县第十六届人民代表大会第一次会议举行第三次全体会议。经过认真计票,王建国以190票的高票当选为县十六届人大常委会主任,"
            "刘志强、陈海和杨光明当选副县长;周文斌等20名代表当选为县十六届人大常委会委员。")
    facts, _ = _facts(text, doc="某县人代会", issuer="某县人民代表大会")
    posts = _posts(facts)
    assert ("王建国", "县人大常委会", "主任") in posts
    assert ("周文斌", "县人大常委会", "委员") in posts  # the first of those elected, the others counted
    assert {("刘志强", "县人民政府", "副县长"), ("陈海", "县人民政府", "副县长"), ("杨光明", "县人民政府", "副县长")} <= posts
    assert not any(p[0] == "高票" or "十六届" in p[1] for p in posts)


def test_a_fact_read_in_both_scripts_is_one():
    # ext-107: a Traditional list read in Simplified, the office sentence quoted from the source
    text = ("山東省人民政府辦公廳關於成立某工作領導小組的通知\n"
            "組  長:王明華 副省長\n成  員:\n劉炳華 省民政廳廳長\n"
            "領導小組辦公室設在省民政廳,辦公室主任由省民政廳廳長劉炳華兼任。")
    facts, _ = _facts(text, issuer="山東省人民政府辦公廳")
    from govgraph.loaders.normalize import to_simplified
    posts = [tuple(map(to_simplified, (f["person"], f["unit"], f["title"]))) for f in facts if f["kind"] == "post"]
    assert posts.count(("刘炳华", "省民政厅", "厅长")) == 1


def test_words_of_a_meeting_report_are_no_place():
    # ext-111, ext-117: '议程是:选举某某县…', '2019年度县政府…'
    assert leading_components("选举嘉禾县第十六届人民代表大会") == ()
    assert leading_components("年度县政府民生实事") == ()
    assert place_of_org("嘉禾县人民政府") == "嘉禾县"


def test_directly_run_units_of_a_county_are_a_collective():
    text = "县直各单位要认真梳理本单位承担的任务,于6月30日前报县政府办公室。"
    facts, _ = _facts(text, issuer="某县人民政府办公室")
    assert any(f["kind"] == "task" and f["responsible"] == ["县直各单位"] for f in facts)
