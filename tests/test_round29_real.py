"""Round 29's rules (rotation rot36: the layouts of ext-389..392, formal notices of new places: a safety inspection
notice with numbered teams, covering letters with dated duties of addressed levels and districts, a bureau's teams led
by its leaders), on snippets shaped like real notices. Each test builds the notice directly (doc, date as the header
would give them) and checks every fact's evidence, as tests/test_round27_real.py does. Names and places are made up.
"""

from __future__ import annotations

from snippets import snippet_facts as _facts
from snippets import snippet_tasks as _tasks


def _members(facts):
    return [(f["group"], f["member"], f["role"]) for f in facts if f["kind"] == "membership"]


def _posts(facts):
    return [(f["person"], f["unit"], f["title"]) for f in facts if f["kind"] == "post"]


_TEAMS = ("甲市安全生产委员会关于开展安全生产大检查的通知\n各县、区人民政府,市安委会成员单位:\n"
          "一、加强领导\n市安委会成立以副市长张三为组长的节日检查督查组(下设专项督查组),负责组织领导全市的大检查工作。\n"
          "1、矿山安全督查组,由市矿业安全局李四任组长,成员由市矿业安全局、市公安局有关人员组成。\n"
          "2、消防安全督查组,由市应急管理局王五科长任组长,成员由市应急局、市消防局有关人员组成。\n"
          "3、公路、水运安全督查组,由市公安局副局长赵六任组长,成员由市公安局、市交通局有关人员组成。\n")


def test_numbered_teams_headed_by_their_names_hold_their_own_members():
    # ext-389: '1、矿山安全督查组,由…任组长,成员由A、B有关人员组成。': each numbered item is a team of its own (not
    # the 节日检查督查组 set up in the sentence above); a name after its unit without a title is the leader, no post;
    # a title after the name ('王五科长') is the unit's
    facts, _ = _facts(_TEAMS, doc="甲安委发〔2006〕4号", date=None)
    m = _members(facts)
    assert ("节日检查督查组", "张三", "组长") in m
    assert ("矿山安全督查组", "李四", "组长") in m
    assert ("矿山安全督查组", "市矿业安全局", "成员") in m and ("矿山安全督查组", "市公安局", "成员") in m
    assert ("消防安全督查组", "王五", "组长") in m and ("消防安全督查组", "市消防局", "成员") in m
    assert ("公路、水运安全督查组", "赵六", "组长") in m
    assert ("公路、水运安全督查组", "市交通局", "成员") in m
    assert not [x for x in m if x[0] == "节日检查督查组" and x[1] != "张三"]
    posts = _posts(facts)
    assert ("王五", "市应急管理局", "科长") in posts and ("赵六", "市公安局", "副局长") in posts
    assert not [p for p in posts if p[0] == "李四"]


def test_a_year_the_work_is_done_in_is_no_deadline():
    # ext-391: '请各区…,于2023年开展…专项调查等相关工作' is the year of the work (no due); '于2025年完成' still dates
    text = ("各区政府:\n请各区按照实施方案要求,结合本区实际,于2023年开展专项调查等相关工作。\n"
            "甲市某办公室\n2022年9月21日\n")
    facts, _ = _facts(text, doc="甲-1", date="2022-09-21")
    assert _tasks(facts) == [((), ("各区",), None)]
    text = text.replace("于2023年开展专项调查等相关工作", "于2025年完成专项调查等相关工作")
    facts, _ = _facts(text, doc="甲-1", date="2022-09-21")
    assert _tasks(facts) == [((), ("各区",), "2025-12-31")]


def test_places_named_bare_before_their_count_and_level_are_each_asked_with_the_date():
    # ext-391: '请A、B、C三区启动…,于2023年3月30日前,将…报市某办备案。': the count's level makes each name a
    # district, each responsible with the dated sending; a count that does not match the names reads nothing
    text = ("各区政府:\n请甲乙、丙丁、戊己三区启动前期准备工作,于2023年3月30日前,将本区实施方案报市某办备案。\n"
            "甲市某办公室\n2022年9月21日\n")
    facts, _ = _facts(text, doc="甲-2", date="2022-09-21")
    assert _tasks(facts) == [((), ("甲乙区", "丙丁区", "戊己区"), "2023-03-30")]
    facts, _ = _facts(text.replace("三区", "四区"), doc="甲-2", date="2022-09-21")
    assert _tasks(facts) == []


def test_levels_with_their_alternates_in_brackets_are_one_collective():
    # ext-390: '各市(州)、县(市、区)要按照要求,加强…,抓紧组建…': one collective of the levels listed (as 各县、区人民政府),
    # as ext-256's '各市(县)、区政府' in a responsibility list; '各镇(街道)、区级各部门' stays two
    from govgraph.loaders.assignees import is_assignee, split_assignees
    assert split_assignees("各市(州)、县(市、区)") == ["各市(州)、县(市、区)"] and is_assignee("各市(州)、县(市、区)")
    assert split_assignees("市财政局、各市(县)、区政府") == ["市财政局", "各市(县)、区政府"]
    assert split_assignees("各镇(街道)、区级各部门") == ["各镇(街道)", "区级各部门"]
    text = ("各市(州)农业农村局:\n各市(州)、县(市、区)要按照要求,加强与省某办沟通衔接,抓紧组建专家组。\n"
            "甲省某办公室\n2022年7月20日\n")
    facts, _ = _facts(text, doc="甲-3", date="2022-07-20")
    assert _tasks(facts) == [((), ("各市(州)、县(市、区)",), None)]


def test_one_request_to_two_sets_of_units_each_with_its_date_is_two_tasks():
    # ext-390: '请试点市(州)、县(市、区)于2022年7月25日前,其他市(州)于2022年8月25日前将…报省某办备案。': each set its
    # own deadline, the work shared; the same date twice, or sets without a qualifier, read nothing this way
    text = ("各市(州)农业农村局:\n请试点市(州)、县(市、区)于2022年7月25日前,其他市(州)于2022年8月25日前将专家组组建方案"
            "报省某办备案。\n甲省某办公室\n2022年7月20日\n")
    facts, _ = _facts(text, doc="甲-4", date="2022-07-20")
    assert _tasks(facts) == [((), ("试点市(州)、县(市、区)",), "2022-07-25"), ((), ("其他市(州)",), "2022-08-25")]
    assert [t["text"] for t in facts if t["kind"] == "task"] == ["将专家组组建方案报省某办备案"] * 2
    facts, _ = _facts(text.replace("8月25日", "7月25日"), doc="甲-4", date="2022-07-20")
    assert len([t for t in facts if t["kind"] == "task" and t["due"] == "2022-08-25"]) == 0


def test_a_levels_departments_with_a_comma_before_their_modal_are_the_subject():
    # ext-389: '市直各有关部门,要依照各自职责,…立即抽调人员组成督查组,对…进行督查。': one collective of the city's
    # departments, a comma, then 要; a role's collective so written ('特别是牵头单位,要强化责任担当') is not read so
    text = ("各县、区人民政府:\n一、加强领导\n市直各有关部门,要依照各自职责,立即抽调人员组成督查组,对各县(区)自查情况进行督查。\n")
    facts, _ = _facts(text, doc="甲安委发〔2006〕5号", date=None)
    assert _tasks(facts) == [((), ("市直各有关部门",), None)]


def test_numbered_teams_led_by_a_name_and_title_hold_posts_in_the_unit_whose_leaders_lead_them():
    # ext-392: '二、督查安排 由省某局领导带队,…。具体安排如下: 第一组:张三局长带队,办公室参加,督查甲市; 第二组:李四副局长
    # 带队,…': each leader's title is that unit's; without '由X领导带队' before the teams, no post (whose leader is not said)
    text = ("各设区市安监局: 按照全省安全生产工作会议部署,省局定于近期派出由局领导带队的督查组,分赴部分设区市开展安全生产督查。"
            "现就有关事项通知如下: 一、督查重点 1.全省安全生产工作会议贯彻情况; "
            "二、督查安排 由省某监局领导带队,局机关干部组成,每组2-3人。具体安排如下: 第一组:张三局长带队,办公室、监管一处参加,"
            "督查甲市; 第二组:李四巡视员带队,应急中心参加,督查乙市; 第三组:王五副局长带队,人事处参加,督查丙市。 "
            "三、有关要求 1.督查结束后,各组要形成书面材料,于3月20日前送局办公室汇总。\n")
    facts, _ = _facts(text, doc="甲-5", date="2010-03-05")
    assert sorted(_posts(facts)) == [("张三", "省某监局", "局长"), ("李四", "省某监局", "巡视员"), ("王五", "省某监局", "副局长")]
    assert not [f for f in facts if f["kind"] == "membership"]
    facts, _ = _facts(text.replace("由省某监局领导带队,", ""), doc="甲-5", date="2010-03-05")
    assert _posts(facts) == []


def test_places_counted_by_their_level_open_a_duty_with_its_modal_too():
    # the layout of ext-391's request as a subject with 要 ('A、B、C三区要…'), and a count written 两
    text = "各区政府:\n甲乙、丙丁、戊己三区要启动前期准备工作,于2023年3月30日前将本区实施方案报市某办备案。\n甲市某办公室\n2022年9月21日\n"
    facts, _ = _facts(text, doc="甲-6", date="2022-09-21")
    assert _tasks(facts) == [((), ("甲乙区", "丙丁区", "戊己区"), "2023-03-30")]
    text = "各县政府:\n请甲乙、丙丁两县启动前期准备工作,于2023年3月30日前将本县实施方案报市某办备案。\n甲市某办公室\n2022年9月21日\n"
    facts, _ = _facts(text, doc="甲-6", date="2022-09-21")
    assert _tasks(facts) == [((), ("甲乙县", "丙丁县"), "2023-03-30")]


def test_a_date_closing_a_body_run_together_on_one_line_is_the_notices():
    # ext-392: '…于3月20日前送局办公室汇总。 二〇一〇年三月五日' then a '|' line: the date of a copy that runs its body on one
    # line; a date inside a sentence at the end is not
    from govgraph.loaders.header import find_signature
    assert find_signature("|\n各设区市安监局: 一、督查重点 …。 三、有关要求 1.各组于3月20日前送局办公室汇总。 二〇一〇年三月五日\n|\n")[1] \
        == "2010-03-05"
    assert find_signature("各设区市安监局: 各组要于二〇一〇年三月五日\n")[1] is None


def test_a_speakers_message_reported_with_qiangdiao_yaoqiu_opens_the_units_duty():
    # ext-210: '…将指示精神编发成短信发给各县市区…,强调要求各县市区要进一步夯实…责任,深入开展…' (as round 22's '强调各镇(街道)…要')
    text = ("根据市领导指示,市某指挥部副指挥长张三迅速将指示精神编发成短信发给各县市区主要领导,强调要求各县市区要进一步夯实"
            "森林防火工作责任,深入开展防火宣传和督查。\n")
    facts, _ = _facts(text, doc="甲-7", date="2020-01-20")
    assert _tasks(facts) == [((), ("各县市区",), None)]


def test_a_set_of_a_levels_units_names_no_place():
    # ext-390: '其他市(州)', '试点市(州)、县(市、区)' open with a qualifier of a level's units, not a city called 其他 or 试点
    # (their units were catalogued in a place '四川省其他市'); a place's name still reads
    from govgraph.identity.scope import leading_components
    assert leading_components("其他市(州)") == () and leading_components("试点县(市、区)") == ()
    assert leading_components("甲乙市丙丁区财政局") == (("甲乙市", "city"), ("丙丁区", "county"))
