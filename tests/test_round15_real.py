"""Round 15's layouts, on snippets shaped like real notices (ext-238..249, dev from round 15).

Each test builds the notice or its header directly and checks what the rule gives. Names and places are made up.
"""

from __future__ import annotations

from govgraph.loaders.header import find_own_doc_number
from snippets import snippet_facts as _facts  # noqa: F401
from snippets import snippet_tasks as _tasks  # noqa: F401


def test_a_number_cited_in_an_item_of_a_copy_that_starts_inside_the_body_is_not_its_own():
    # ext-239: the copy opens at '(二)…货场,按〔2006〕87号市长办公会议纪要执行。': cited, the notice keeps its file stem
    text = "(二)在某区内的某货场,按〔2006〕87号市长办公会议纪要执行。\n三、组织机构\n成立某工作领导小组。\n"
    assert find_own_doc_number(text)[0] is None
    # a number under the title stays the notice's own
    assert find_own_doc_number("某市人民政府关于某工作的通知\n某政发〔2013〕16号\n各区:\n")[0] == "某政发〔2013〕16号"


def test_an_organs_rules_give_its_standing_duties_and_the_duties_moved_away():
    # ext-241: a covering notice printing '某市某局主要职责内设机构和人员编制规定' on one line: '将A职责划归X;B职责划归Y'
    # (the 将 governs both clauses) and the items under '二、主要职责' (the last, cut by the copy, left out)
    text = ("某市人民政府办公厅关于印发某市甲乙局主要职责内设机构和人员编制规定的通知 各区人民政府: 现予印发。 "
            "某市甲乙局主要职责内设机构和人员编制规定 一、职责调整 将丙丁协调职责划归市戊己局;庚辛有关职责划归市壬癸委。 "
            "二、主要职责 (一)负责全市甲乙工作的规划。 (二)承担甲乙数据的统计和发布工作。 (三)组织指导市")
    facts, _ = _facts(text, date="2009-09-10")
    assert sorted(_tasks(facts)) == [((), ("市壬癸委",), None), ((), ("市戊己局",), None),
                                     ((), ("某市甲乙局",), None), ((), ("某市甲乙局",), None)]


def test_a_groups_main_duties_heading_without_rules_title_names_no_organ():
    # a group's '一、主要职责' (no 三定 rules named) is not read by this rule; two organs' rules named: none
    from govgraph.loaders.standing_duties import rules_organ
    assert rules_organ("某县关于成立甲乙工作领导小组的通知 一、主要职责 (一)负责全县甲乙工作的组织。") is None
    assert rules_organ("某市甲局主要职责内设机构和人员编制规定 某市乙局主要职责内设机构和人员编制规定") is None


def test_units_given_work_by_fuze_in_a_principles_part():
    # ext-247: '一、指导思想 …实行项目负责制,各牵头单位负责工作方案制定…,各县区政府、某开发区管委会负责具体方案的制定和组织实施。'
    text = ("一、指导思想\n以改善环境为目的,全面实施六大工程。综合治理实行项目负责制,各牵头单位负责工作方案制定和督办落实,"
            "各县区政府、某开发区管委会负责具体方案的制定和组织实施。\n二、工作目标\n")
    facts, _ = _facts(text, date="2014-03-09")
    assert sorted(_tasks(facts)) == [((), ("各县区政府", "某开发区管委会"), None), ((), ("各牵头单位",), None)]


def test_an_exhortation_in_a_principles_part_stays_out():
    # gov (国办发): '各省份按照属地化管理原则,…' under 基本原则 is no task
    text = "一、基本原则\n坚持属地管理。各省份按照属地化管理原则,结合经济社会发展水平,设置不同指标。\n二、主要任务\n"
    facts, _ = _facts(text, date="2019-01-01")
    assert _tasks(facts) == []


def test_districts_given_a_role_by_a_copula_and_a_duty_after_the_comma():
    # ext-239: 'A区、B区、C区、D旗和E高新区为责任地区,具体负责本辖区的清理整顿工作。'
    text = "四、职责分工\n(二)甲乙区、丙丁区、戊己旗和庚辛高新区为责任地区,具体负责本辖区的整治工作。\n"
    facts, _ = _facts(text, date="2014-03-09")
    assert _tasks(facts) == [((), ("甲乙区", "丙丁区", "戊己旗", "庚辛高新区"), None)]


def test_units_and_bare_fields_before_deng_bumen():
    # ext-239: '市经济委、环保局、国土资源、规划、工商…等部门要全力以赴,…': fields kept bare (round 28's convention), a unit written
    # without its level shares the first's
    text = "四、职责分工\n(一)市经信委、环保局、国土资源、规划、工商等部门要全力以赴,确保整治工作按期完成。\n"
    facts, _ = _facts(text, date="2014-03-09")
    assert _tasks(facts) == [((), ("市经信委", "市环保局", "国土资源", "规划", "工商"), None)]


def test_fields_alone_before_deng_bumen_stay_as_they_were():
    # only fields (区建设、水务、园林等部门): the round-7 reading, unchanged by the mixed-list rule
    from govgraph.loaders.duties import _units_and_fields
    assert _units_and_fields(["区建设", "水务", "园林"]) is None


def test_the_main_duties_of_an_office_the_notice_sets_up():
    # ext-158's layout (read again with round 15's rule): '决定成立X办公室(以下简称“办公室”)' … '二、主要职责 (一)…。 (二)…。'
    text = ("某部决定成立甲乙示范区建设管理办公室(以下简称“办公室”)。\n  一、人员组成\n  办公室由有关司局同志组成。\n"
            "  二、主要职责\n  (一)组织年度甲乙示范区申报工作。\n  (二)完成部领导交办的其他工作。\n  三、工作规则\n")
    facts, _ = _facts(text, date="2010-05-01")
    assert _tasks(facts) == [((), ("甲乙示范区建设管理办公室",), None)] * 2


def test_a_groups_own_main_duties_are_not_read_as_an_offices():
    from govgraph.loaders.standing_duties import set_up_office
    assert set_up_office("决定成立某县甲乙工作领导小组(以下简称领导小组)。一、主要职责") is None
    assert set_up_office("成立甲乙领导小组办公室(以下简称办公室)。") is None


def test_a_group_named_after_verbs_joined_by_he_or_stacked():
    # ext-245: '及時調整和充實防震減災聯席會議成員單位' and '建立完善了防震減災聯席會議制度': the group's name without the verbs
    text = "我市及时调整和充实甲乙联席会议成员单位及组成人员,各司其职,建立完善了甲乙联席会议制度。\n"
    facts, _ = _facts(text, date="2015-01-01")
    assert sorted({f["group"] for f in facts if f["kind"] == "group"}) == ["甲乙联席会议"]


def test_a_word_before_shi_zhengfu_in_traditional_script_is_no_place():
    # ext-245: '《…規劃》已經市政府第51次常務會議研究通過' in a copy in Traditional script: 已經 is no place
    from govgraph.loaders.places import place_of_org
    assert place_of_org("已經市政府第51次常務會議", rest=None) is None
    assert place_of_org("甲州市人民政府辦公室") == "甲州市"


def test_a_members_post_in_brackets_is_no_issuer():
    # ext-239: a copy without its head; '张 三(某区政府副区长)' lines of a member list name no issuer: place unknown
    from govgraph.loaders.places import jurisdiction
    from govgraph.notice import Notice
    text = "组 长:张三(副市长)\n成 员:\n李 四(甲乙区政府副区长)\n王五(丙丁区政府副区长)\n"
    assert jurisdiction(Notice(doc="x1", text=text)).place.startswith("?")


def test_the_last_level_of_a_list_of_levels_names_no_group():
    # ext-246: addressees '各地、州、市平安建设领导小组' are each level's group, no group named 市平安建设领导小组
    text = "某自治州甲乙建设领导小组,各地、州、市甲乙建设领导小组:\n现将有关事项通知如下。\n"
    facts, _ = _facts(text, date="2009-01-01")
    assert "市甲乙建设领导小组" not in {f.get("group") for f in facts}


def test_a_groups_duties_in_the_paragraph_under_a_heading_naming_them():
    # ext-240: '1.领导组职责' on its own line, then the paragraph: the group's duty, its word as written; '2.办公室职责' cut
    text = ("三、组织机构及职责\n(一)组织机构\n市人民政府成立某市甲乙防控领导组。\n1.领导组职责\n"
            "统一指挥全市甲乙防控工作;对各部门防控措施落实情况进行督导检查。\n2.办公室职责\n执行市防")
    facts, _ = _facts(text, date="2013-04-13")
    assert _tasks(facts) == [((), ("领导组",), None)]


def test_a_joint_meetings_own_duties_or_a_paragraph_with_its_subject_are_not_read_so():
    from govgraph.loaders.standing_duties import headed_group_duties
    assert list(headed_group_duties("二、联席会议职责\n研究解决甲乙工作中的重大问题。\n")) == []
    assert list(headed_group_duties("一、认定委员会职责\n认定委员会负责甲乙认定的有关工作。\n")) == []


def test_a_subject_with_its_short_name_after_it_and_tongyi_as_a_duty_verb():
    # ext-239: '(三)市某领导小组(以下简称市领导小组)统一协调解决工作中出现的问题。' then '五、实施步骤' (a heading the outline
    # does not keep in a copy that starts at 三、): the sentence after it does not continue the duty
    text = ("三、组织机构\n成立某市甲乙工作领导小组。\n四、职责分工\n(一)甲乙工作由市政府组织实施。\n(二)乙区为责任地区。\n"
            "(三)市甲乙领导小组(以下简称市领导小组)统一协调解决工作中出现的问题。\n五、实施步骤\n此次甲乙工作,要采取宣传先行的方式。\n")
    facts, _ = _facts(text, date="2014-03-09")
    tasks = [f for f in facts if f["kind"] == "task" and f["responsible"] == ["市甲乙领导小组"]]
    assert len(tasks) == 1 and tasks[0]["text"] == "统一协调解决工作中出现的问题。"


def test_a_joint_meeting_with_its_short_name_after_it_stays_out():
    # sh-17: '第四条 某区地下空间管理联席会议(以下简称“区地空联”)负责…' (a joint meeting's own duty: no task in the gold)
    text = "第四条 甲乙区地下空间管理联席会议(以下简称“区地空联”)负责本区工程隐患整治的组织、协调工作。\n"
    facts, _ = _facts(text, date="2023-01-01")
    assert _tasks(facts) == []
