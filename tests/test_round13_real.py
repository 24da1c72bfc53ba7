"""Round 13's layouts, on snippets shaped like real notices (ext-154..177, dev from round 13).

Each test builds the notice directly (doc, date as the header would give them) and checks every
fact's evidence, as tests/test_round12_real.py does. The units' places are made up.
"""

from __future__ import annotations

from snippets import snippet_facts as _facts
from snippets import snippet_tasks as _tasks


def test_an_extract_of_a_numbered_task_table_one_cell_a_line():
    # ext-156: rows 3 and 68 of a task table (序号 / task / 主要责任单位 / 协同配合单位), section lines between,
    # a support cell with , between units and closed with 。
    text = ("某区教育局重点工作任务分解表\n序号\n重点工作任务\n主要责任单位\n协同配合单位\n一、主要预期目标\n3\n"
            "固定资产投资增长7.5%左右。\n区发改委\n区工信局、区住建局,各乡镇人民政府、街道办事处,某开发区管委会。\n"
            "二、全力以赴扩投资、优服务,筑牢经济增长根基\n68\n持续推进学前教育普及普惠。\n区教育局\n区政府有关部门。\n")
    facts, _ = _facts(text, date="2025-06-13")
    assert sorted(_tasks(facts)) == [
        (("区发改委",), ("区工信局", "区住建局", "各乡镇人民政府、街道办事处", "某开发区管委会"), None),
        (("区教育局",), ("区政府有关部门",), None)]


def test_an_extract_with_a_leader_column_and_column_rules():
    # ext-157: cells copied with ' |', a 分管县领导 column between the task and its units (a person: no unit)
    text = ("重点工作目标任务分解表\n序号 |\n目标与任务 |\n分 管 县领导 |\n牵头责任单位 |\n责任单位 |\n80 |\n"
            "加大普惠性托育供给,新增托位数400个以上。 |\n某 某 |\n县教育局 |\n县各有关单位 |\n")
    facts, _ = _facts(text, date="2024-03-01")
    tasks = [f for f in facts if f["kind"] == "task"]
    assert _tasks(facts) == [(("县教育局",), ("县各有关单位",), None)]
    assert "某 某" not in tasks[0]["text"]


def test_a_numbered_table_from_row_1_or_over_a_page_break_is_not_an_extract():
    # sh-05: the header repeated over a page break (rows from 7) is the first table going on
    text = ("序号\n任务\n责任单位\n1\n建设海绵公园。\n区绿化局\n2\n建设海绵道路。\n区建管委\n"
            "序号\n任务\n责任单位\n7\n建设海绵小区。\n区房管局\n")
    facts, _ = _facts(text, date="2023-05-01")
    assert sorted(_tasks(facts)).count(((), ("区房管局",), None)) <= 1


def test_a_cited_documents_demand_of_collectives_by_a_date():
    # ext-160: '《通知》要求全县各乡镇人民政府、各街道办事处务必在4月下旬前成立…' (news of a notice): the collectives
    # it asks, the scope word 全县 no part of their name, 务必在…前 opening the duty without a comma
    text = ("某县人普办及时印发了《关于抓紧组建乡镇(街道)人口普查机构的通知》。\n《通知》要求全县各乡镇人民政府、各街道办事处"
            "务必在4月下旬前成立相应的普查领导小组及其办公室,积极做好普查经费的落实工作。\n")
    facts, _ = _facts(text, date="2020-03-01")
    assert ((), ("各乡镇人民政府", "各街道办事处"), "2020-04-30") in _tasks(facts)


def test_must_without_a_date_is_no_duty_opener():
    # ext-80 stays as it was: '…务必认清形势、找准差距,…' (no date) is attention asked for
    text = "县级相关部门和属地街道务必认清形势、找准差距,切实增强抓好工作的紧迫感和责任感。\n"
    facts, _ = _facts(text, date="2022-03-01")
    assert _tasks(facts) == []


def test_roles_given_by_a_copula_in_a_paragraph():
    # ext-166: 'X为该议案办理工作的牵头责任单位,负责拟定…。A、B…为协办单位,各单位要互相配合…': one task, X leads
    text = ("二、明确工作责任\n某州交通运输局为该议案办理工作的牵头责任单位,负责拟定办理工作总体实施方案。某州发改委、某州财政局、"
            "某县政府为协办单位,各单位要互相配合、积极支持、合力抓好议案中所提建议事项的落实。\n")
    facts, _ = _facts(text, date="2012-03-01")
    assert _tasks(facts) == [(("某州交通运输局",), ("某州发改委", "某州财政局", "某县政府"), None)]


def test_who_leads_a_group_without_work_is_no_task():
    # ext-94: '联席会议由…等12个部门组成。省气象局为牵头单位。' (no duty in the sentence)
    text = "二、成员单位\n联席会议由省财政厅、省气象局等2个部门组成。省气象局为牵头单位。\n"
    facts, _ = _facts(text, date="2018-03-01")
    assert _tasks(facts) == []


def test_a_group_set_up_with_its_leader_before_its_name():
    # ext-159: '成立了副市长李朝晖为组长的淮南市…领导小组,…' (news): the leader's role and post, the group's full name
    text = ("近日,某市政府印发通知,对全市人口普查工作全面部署安排。成立了副市长张三为组长的某市第七次全国人口普查领导小组,"
            "涵盖28个部门成员单位。\n")
    facts, _ = _facts(text, date="2020-02-18")
    ms = [(f["group"], f["member"], f["role"]) for f in facts if f["kind"] == "membership"]
    assert ms == [("某市第七次全国人口普查领导小组", "张三", "组长")]
    assert [(f["person"], f["title"]) for f in facts if f["kind"] == "post"] == [("张三", "副市长")]


def test_a_post_before_a_name_that_writes_or_answers_for_something():
    # ext-163 '市委书记马清明给大会致信', ext-167 '由市长叶露中负总责' (prose_posts.tsv verbs 给, 负总责); what the
    # government has decided ('市政府研究确定了…') is no task of its own
    text = ("3月11日,全市经济普查动员大会召开。市委书记张三给大会致信提出要求。\n"
            "市政府研究确定了2021年11个方面173项重点工作,由市长李四负总责,同时明确各项工作的牵头负责领导。\n")
    facts, _ = _facts(text, date="2021-03-11")
    posts = sorted((f["person"], f["unit"], f["title"]) for f in facts if f["kind"] == "post")
    assert posts == [("张三", "市委", "书记"), ("李四", "市人民政府", "市长")]
    assert _tasks(facts) == []


def test_a_mirror_page_title_with_its_site_name():
    # ext-167: '六安市人民政府关于…的通知-欧洲杯网络平台': the title and its issuer without the site's name
    from govgraph.loaders.header import find_title
    title = find_title("某市人民政府关于2021年重点工作及责任分解的通知-某某网络平台\n字号:\n各县区人民政府:\n")[0]
    assert title == "某市人民政府关于2021年重点工作及责任分解的通知"


def test_removal_of_a_standing_committees_bodies_closed_with_deng():
    # ext-173: '免去A同志的…人大常委会人事代表工作室主任、人事代表工作委员会副主任、…代表资格审查委员会委员等职务':
    # 等职务 closes the list; the bodies after the first are the standing committee's, not the 工作室's
    text = ("会议审议通过了有关人事任命事项。免去张三同志的某市某区人大常委会人事代表工作室主任、人事代表工作委员会副主任、"
            "代表资格审查委员会委员等职务。\n")
    facts, _ = _facts(text, date="2015-05-28")
    posts = sorted((f["unit"], f["title"], f.get("former")) for f in facts if f["kind"] == "post")
    assert posts == [("某市某区人大常委会人事代表工作委员会", "副主任", True),
                     ("某市某区人大常委会人事代表工作室", "主任", True),
                     ("某市某区人大常委会代表资格审查委员会", "委员", True)]


def test_a_standing_committee_member_run_into_the_next_post_and_a_speaker_on_behalf():
    # ext-162 '区委常委副区长冯波' (no 、): two posts; ext-173 '区经委副主任朱木根受区人民政府委托所作的…' (受 ends the name)
    text = ("区委常委副区长张三,区法院院长李四列席会议。\n"
            "会议听取和审议了区经委副主任王五受区人民政府委托所作的《关于某区经济发展的工作报告》。\n")
    facts, _ = _facts(text, date="2022-09-06")
    posts = sorted((f["person"], f["unit"], f["title"]) for f in facts if f["kind"] == "post")
    assert posts == [("张三", "区人民政府", "副区长"), ("张三", "区委", "常委"), ("李四", "区法院", "院长"),
                     ("王五", "区经委", "副主任")]


def test_no_place_from_a_member_line_or_a_list_of_units():
    # ext-166: '李国庆 恩施市人民政府市长' (the last line of a member list) is no signature; '州环保局、巴东县政府、
    # 建始县政府、恩施市政府为协办单位' lists units after a relative one: none of them is the issuer
    from govgraph.loaders.places import jurisdiction
    from govgraph.notice import Notice
    text = ("某县、某市人民政府,州政府有关部门:\n现将方案印发给你们。\n二、明确工作责任\n州交通运输局为牵头责任单位,负责拟定方案。"
            "州财政局、某县政府、某市政府为协办单位。\n领导小组成员名单\n组 长:张 三 副州长\n成 员:李 四 某市人民政府市长\n")
    j = jurisdiction(Notice(doc="x1", text=text))
    assert j.level == "unknown" and len(j.warnings) == 1


def test_an_event_given_to_units_with_helpers_and_a_dated_number_line():
    # ext-175: '(哈厅字[2007]4号 2007年2月1日)' under the title is the notice's number; '此项活动由A负责组织,B、C协助
    # 做好有关工作' / '此项活动由D、E主办,…': the work the sentence is about, its units and those helping
    text = ("某市委办公厅关于2007年春节期间活动安排的通知\n(某厅字[2007]4号 2007年2月1日)\n各区、县(市)党委和人民政府:\n"
            "一、团拜、座谈活动\n(一)2007年2月9日9时,召开全市离退休干部迎新春茶话会。\n"
            "此项活动由市委老干部局负责组织,市委办公厅、市委组织部协助做好有关工作。\n"
            "(二)2007年2月15日(农历十二月二十八,星期四)9时,省委、省政府在某会议中心举办春节团拜会。\n此项活动由省委办公厅、省政府办公厅主办,市委办公厅协助做好有关工作。\n"
            "二、走访慰问活动\n春节前,市领导走访慰问老干部和困难群众,看望节日期间坚守岗位的干部职工。\n")
    facts, _ = _facts(text, date="2007-02-01")
    assert sorted(_tasks(facts)) == [((), ("市委老干部局", "市委办公厅", "市委组织部"), None),
                                     ((), ("省委办公厅", "省政府办公厅", "市委办公厅"), None)]
    from govgraph.loaders.header import find_own_doc_number
    assert find_own_doc_number(text)[0] == "某厅字〔2007〕4号"
