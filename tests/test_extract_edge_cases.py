"""Constructs of the genre that the edge-case corpus (benchmarks/make_corpus.py --edge-cases) mixes in.

Each test is a small notice written the way such notices are written, and asserts both the
facts it should give and the wrong facts it used to give.
"""

from __future__ import annotations

from govgraph.loaders import extract_text

APPOINT_HEAD = "康政任〔2016〕4号—县人民政府关于汪哲等同志职务任免的通知 2016-05-03 各乡镇人民政府,县政府各部门: "
GROUP_HEAD = ("云湖政办〔2016〕5号—区人民政府办公室关于成立区河长制工作领导小组的通知 2016-05-03 "
              "各街办事处,区人民政府各部门、各直属机构: 经区人民政府研究,决定成立区河长制工作领导小组。组成人员名单如下: ")
PLAN_HEAD = "凤溪政办〔2016〕4号—区人民政府办公室关于印发农民工工资支付工作实施方案的通知 2016-01-27 "


def _extract(text: str):
    ex = extract_text(text, source="edge.txt")
    texts = {n.doc: n.text for n in ex.notices}
    for f in ex.facts:
        if f["kind"] != "unit":
            ev = f["evidence"]
            assert texts[f["doc"]][ev["start"]:ev["end"]] == ev["text"], f
    return ex


def _posts(ex):
    return {(f["person"], f["unit"], f["title"], f.get("start"), f.get("end")) for f in ex.facts if f["kind"] == "post"}


def _members(ex):
    return {(f["member"], f["member_type"], f["role"]) for f in ex.facts if f["kind"] == "membership"}


def _tasks(ex):
    return {(tuple(f["lead"]), tuple(f["responsible"]), f["due"]) for f in ex.facts if f["kind"] == "task"}


# 1. The decision and the first appointment on one line ------------------------------------

def test_first_appointment_right_after_the_decision_on_the_addressee_line():
    ex = _extract("云湖政任〔2016〕4号—区人民政府关于司马艳建等同志职务任免的通知 2016-03-27 "
                  "各街办事处,区人民政府各部门、各直属机构: 经区人民政府研究决定: 任命司马艳建为区人社局副局长; "
                  "免去韦辉嘉的区人社局副局长职务。 凤城市云湖区人民政府 2016年3月27日")
    assert _posts(ex) == {("司马艳建", "区人社局", "副局长", None, None),
                          ("韦辉嘉", "区人社局", "副局长", None, "2016-03")}


def test_decision_written_into_the_appointment_sentence():
    for decision in ("经研究,决定任命", "经县人民政府研究决定任命", "县人民政府决定:任命", "现决定任命"):
        ex = _extract(APPOINT_HEAD + f"{decision}汪哲为县财政局局长,免去其县审计局局长职务。")
        assert _posts(ex) == {("汪哲", "县财政局", "局长", None, None),
                              ("汪哲", "县审计局", "局长", None, "2016-05")}, decision
    ex = _extract(APPOINT_HEAD + "经研究,决定免去李明的县财政局局长职务。")
    assert _posts(ex) == {("李明", "县财政局", "局长", None, "2016-05")}


# 2. X同志任… after a removal: 同志 ends the name -------------------------------------------

def test_tongzhi_ends_a_two_or_four_character_name_after_a_removal():
    ex = _extract(APPOINT_HEAD + "经县人民政府研究决定: 免去李明的县交通运输局副局长职务; 周永同志任县交通运输局副局长; "
                  "欧阳刚云同志任县市场监管局副局长; 免去欧阳明辉的县市场监管局副局长职务; 孙立新同志任县审计局局长。")
    assert _posts(ex) == {("李明", "县交通运输局", "副局长", None, "2016-05"),
                          ("周永", "县交通运输局", "副局长", None, None),
                          ("欧阳刚云", "县市场监管局", "副局长", None, None),
                          ("欧阳明辉", "县市场监管局", "副局长", None, "2016-05"),
                          ("孙立新", "县审计局", "局长", None, None)}
    units = {f["unit"] for f in ex.facts if f["kind"] == "post"}
    assert not any(u.startswith(("志任", "云同志")) for u in units)
    assert not [w for w in ex.warnings if "may be the same unit" in w]


def test_removal_with_tongzhi_and_bu_zai_dan_ren():
    ex = _extract(APPOINT_HEAD + "免去欧阳明辉同志的县城乡统筹办主任职务,王华同志不再担任县财政局副局长职务。")
    assert _posts(ex) == {("欧阳明辉", "县城乡统筹办", "主任", None, "2016-05"),
                          ("王华", "县财政局", "副局长", None, "2016-05")}


# 3. A member list that runs into the signature ---------------------------------------------

def test_person_list_running_into_the_signature():
    ex = _extract(GROUP_HEAD + "组  长:王建国  副区长 成  员:李  明  区财政局局长 欧阳明辉  区城乡统筹办主任 "
                  "凤城市云湖区人民政府办公室 2016年5月3日")
    assert _members(ex) == {("王建国", "person", "组长"), ("李明", "person", "成员"), ("欧阳明辉", "person", "成员")}
    assert ("欧阳明辉", "区城乡统筹办", "主任", None, None) in _posts(ex)


def test_unit_list_running_into_a_signature_dated_in_chinese_numerals():
    ex = _extract(GROUP_HEAD + "组  长:王建国  副区长 成员单位:区财政局、区城乡统筹办 区水务局 "
                  "凤城市云湖区人民政府办公室 二〇一六年五月三日")
    assert _members(ex) == {("王建国", "person", "组长"), ("区财政局", "unit", "成员单位"),
                            ("区城乡统筹办", "unit", "成员单位"), ("区水务局", "unit", "成员单位")}


# 4. The addressee line is not a duty -------------------------------------------------------

def test_covering_letter_after_the_addressees_on_one_line_is_not_a_task():
    plan = ("农民工工资支付工作实施方案 一、总体要求 深入贯彻落实党中央、国务院决策部署,坚持以人民为中心的发展思想,"
            "推动各项工作落地见效。健全工作机制,细化工作措施,压实工作责任,确保各项任务按时保质完成。 "
            "二、职责分工 (一)区民政局:负责持续深化共享单车停放管理,不断提升群众满意度。 "
            "(二)区科委、区法制办:负责持续深化社区养老服务,7月底前完成。")
    ex = _extract(PLAN_HEAD + "各街办事处,区人民政府各部门、各直属机构: 现将《农民工工资支付工作实施方案》印发给你们,"
                  "请认真贯彻落实。 区考评办要将各项任务纳入年度督查范围,定期通报进展情况。 "
                  "临江市凤溪区人民政府办公室 2016年1月27日 " + plan)
    assert _tasks(ex) == {((), ("区考评办",), None), ((), ("区民政局",), None),
                          ((), ("区科委", "区法制办"), "2016-07-31")}


def test_named_units_as_addressees_are_not_assigned_the_covering_letter():
    ex = _extract(PLAN_HEAD + "区财政局、区人社局: 现将《农民工工资支付工作实施方案》印发给你们,请认真贯彻落实。"
                  "区民政局要加强工作督导。")
    assert _tasks(ex) == {((), ("区民政局",), None)}


# 5. A unit whose name holds a duty verb is one unit ----------------------------------------

def test_unit_names_holding_a_duty_verb_are_not_cut_at_the_verb():
    ex = _extract("康政办〔2016〕9号—县人民政府办公室关于印发城乡一体化工作实施方案的通知 2016-05-03 各乡镇人民政府: "
                  "现将方案印发给你们。 一、职责分工 1、县城乡统筹办统筹推进全县城乡一体化工作。 "
                  "2、县委统筹办统筹做好规划衔接。 3、县委组织部组织开展干部培训。 4、县重点项目推进办推进重点项目建设。 "
                  "5、县民政局对各街道养老院进行检查。 6、县财政局组织部门开展资金检查。")
    assert _tasks(ex) == {((), ("县城乡统筹办",), None), ((), ("县委统筹办",), None), ((), ("县委组织部",), None),
                          ((), ("县重点项目推进办",), None), ((), ("县民政局",), None), ((), ("县财政局",), None)}


def test_cheng_xiang_tong_chou_ban_in_member_lists_appointments_and_audits():
    ex = _extract(GROUP_HEAD + "组  长:王建国  副区长 成  员:区城乡统筹办、区财政局 "
                  "领导小组下设办公室,办公室设在区城乡统筹办,由陈红同志兼任办公室主任。")
    assert ("区城乡统筹办", "unit", "成员") in _members(ex)
    assert not [f for f in ex.facts if f["kind"] == "task"]
    ex = _extract(APPOINT_HEAD + "经县人民政府研究决定: 免去李明的县财政局局长职务; 陆强玉同志任县城乡统筹办主任。")
    assert ("陆强玉", "县城乡统筹办", "主任", None, None) in _posts(ex)
    assert not [f for f in ex.facts if f["kind"] == "task"]
    ex = _extract("康审发〔2016〕2号—县审计局关于2016年度经济责任审计项目计划的通知 2016-05-03 "
                  "根据县委组织部委托,对以下领导干部进行任期经济责任审计: "
                  "1.县城乡统筹办主任陆强玉任期经济责任审计(2015.1-2016.3) "
                  "2.原县城乡统筹办副主任欧阳刚云任期经济责任审计(2014.1-2016.3)")
    assert _posts(ex) == {("陆强玉", "县城乡统筹办", "主任", "2015-01", "2016-03"),
                          ("欧阳刚云", "县城乡统筹办", "副主任", "2014-01", "2016-03")}
    assert not [f for f in ex.facts if f["kind"] == "task"]
