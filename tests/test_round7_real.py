"""Round 7's layouts, on snippets of real notices (ext-70..81, dev from round 7).

Each test builds the notice directly (doc, date as the header would give them) and checks every
fact's evidence, as tests/test_members_real.py does.
"""

from __future__ import annotations

from snippets import snippet_facts as _facts


def _posts(facts):
    return {(f["person"], f["unit"], f["title"], bool(f.get("former")), bool(f.get("proposed")))
            for f in facts if f["kind"] == "post"}


def _tasks(facts):
    return {(tuple(f["lead"]), tuple(f["responsible"]), f["due"]) for f in facts if f["kind"] == "task"}


def test_removals_and_appointments_run_in_one_clause():
    # ext-71: 免去A的X职务、B的Y职务 / 决定任命A任X、B任Y
    facts, _ = _facts("会议根据市人民政府市长郭洪昌的提请,经审议表决,决定任命李胜平任市发展和改革委员会主任、"
                      "张建平任市民政局局长,免去孙海献的市发展和改革委员会主任职务、于力强的市民政局局长职务。")
    assert _posts(facts) == {("郭洪昌", "市人民政府", "市长", False, False),
                             ("李胜平", "市发展和改革委员会", "主任", False, False),
                             ("张建平", "市民政局", "局长", False, False),
                             ("孙海献", "市发展和改革委员会", "主任", True, False),
                             ("于力强", "市民政局", "局长", True, False)}


def test_a_clause_going_on_with_a_nominee_and_a_post_left():
    # ext-74: …任X,为Y人选,不再担任Z职务
    facts, _ = _facts("上官吉庆任中共宝鸡市委书记,为宝鸡市人大常委会主任人选,不再担任宝鸡市人民政府市长职务。")
    assert _posts(facts) == {("上官吉庆", "中共宝鸡市委", "书记", False, False),
                             ("上官吉庆", "宝鸡市人大常委会", "主任", False, True),
                             ("上官吉庆", "宝鸡市人民政府", "市长", True, False)}


def test_post_holders_of_a_river_chief_list_give_posts_no_membership():
    # ext-81: 总河长:A 省委书记 B 省委副书记、省长 / 河长:…副河长:…协助:…
    facts, _ = _facts("一、省级总河长、副总河长\n总河长:郑栅洁 省委书记 王清宪 省委副书记、省长\n"
                      "(一)长江干流安徽段\n河长:郑栅洁 省委书记副河长:张曙光 省政府副省长协助:省水利厅\n")
    assert _posts(facts) == {("郑栅洁", "省委", "书记", False, False), ("王清宪", "省委", "副书记", False, False),
                             ("王清宪", "省人民政府", "省长", False, False),
                             ("张曙光", "省政府", "副省长", False, False)}  # as written (scored as 省人民政府)
    assert not [f for f in facts if f["kind"] in ("membership", "task")]


def test_member_units_named_by_their_heads_and_the_office_that_bears_the_daily_work():
    # ext-75: 领导小组成员由A、B主要负责同志担任; 领导小组下设办公室,办公室设在X,负责…日常工作
    facts, _ = _facts("经研究,决定成立某新区党工委宣传思想文化工作领导小组,组成人员如下:\n组长:石海波党工委书记\n"
                      "副组长:江行洲党工委副书记、纪工委书记\n领导小组成员由党政办公室、党群工作部、财政局主要负责同志担任。\n"
                      "领导小组下设办公室,办公室设在党群工作部,负责协调处理日常工作,葛苗同志兼任办公室主任。\n")
    units = {f["member"] for f in facts if f["kind"] == "membership" and f["member_type"] == "unit"}
    assert units == {"党政办公室", "党群工作部", "财政局"}
    assert ("江行洲", "纪工委", "书记", False, False) in _posts(facts)
    assert _tasks(facts) == {((), ("领导小组办公室",), None)}


def test_a_staff_of_collectives_is_no_member():
    # loc-07: 办公室成员由各成员单位相关科室负责同志担任 (which persons is not said)
    facts, _ = _facts("成立某县优化营商环境工作领导小组。领导小组办公室设在软环境办,办公室成员由各成员单位相关科室负责同志担任。")
    assert not [f for f in facts if f["kind"] == "membership" and f["member"].startswith("各")]


def test_member_list_lines_are_no_duties():
    # ext-70: 钟健能 省委组织部副部长 is a post, not 省委 + 组织…
    facts, _ = _facts("联席会议成员名单如下:\n总召集人:赵正永 省委常委、常务副省长\n成 员:庄长兴 省政府副秘书长\n"
                      "钟健能 省委组织部副部长\n杨尚勤 省委宣传部副部长\n")
    assert not _tasks(facts)


def test_speakers_demands_fields_sharing_a_kind_and_districts_as_subjects():
    # ext-77
    facts, _ = _facts("刘保仓在讲话中强调,市发改委要与各相关单位对接好。各相关单位要服从市委、市政府安排,加强沟通。"
                      "东新区、市商务区和太康县要安排、组织好参观点。统计、国税、地税部门要准备好各项统计数据。"
                      "就规划调整工作,刘保仓要求各级各相关部门要按照规划调整流程,抓紧与上级主管部门对接。", date="2015-03-10")
    assert _tasks(facts) == {((), ("市发改委",), None), ((), ("东新区", "市商务区", "太康县"), None),
                             ((), ("统计", "国税", "地税"), None), ((), ("各级各相关部门",), None)}


def test_collectives_by_their_heads_with_a_dated_piece_of_work():
    # ext-76
    facts, _ = _facts("经市人民政府同意,现将工作任务进行责任分解,请各地、各部门“一把手”亲自抓,总负责,于2017年1月23日前"
                      "将贯彻落实方案意见报市政府政务督查室。各地、各部门要按照市政府的工作部署和要求,逐条对照,细化目标,"
                      "落实责任,强化措施,确保各项目标任务圆满完成。", date="2017-01-13")
    assert _tasks(facts) == {((), ("各地", "各部门"), "2017-01-23")}
