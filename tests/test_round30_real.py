"""Round 30's rules (precision audit prec38: the general causes of wrong task keys on the dev notices), on snippets
shaped like real notices. Each test builds the notice directly (doc, date as the header would give them) and checks
every fact's evidence, as tests/test_round29_real.py does. Names and places are made up.
"""

from __future__ import annotations

from snippets import snippet_facts as _facts
from snippets import snippet_tasks as _tasks


def test_a_government_writing_to_its_own_departments_undertakes_what_it_will_do():
    # a copy naming no issuer, addressed to '…市各委、办、局' (or '市政府各部门'): only the city's government (or its
    # office) writes so, and '市政府将…' is its own undertaking, no task; the departments' duties stay tasks
    text = ("发布文号: 甲政发[2011]21号\n各县(市)和各区人民政府,市各委、办、局,市各直属单位:\n"
            "为抓好今年各项重点任务的落实,市政府将定期对目标任务落实情况进行督促检查。"
            "市发改委要于2011年6月30日前完成项目清理。\n")
    facts, _ = _facts(text, doc="甲政发〔2011〕21号", date="2011-03-01")
    assert _tasks(facts) == [((), ("市发改委",), "2011-06-30")]
    text2 = text.replace("市各委、办、局,市各直属单位", "市政府各部门、各直属机构")
    facts, _ = _facts(text2, doc="甲政发〔2011〕21号", date="2011-03-01")
    assert _tasks(facts) == [((), ("市发改委",), "2011-06-30")]
    # addressed to another level's bodies only, 市政府 is not known to be the issuer: its duty is read as written
    text3 = text.replace("各县(市)和各区人民政府,市各委、办、局,市各直属单位", "各县(市)和各区人民政府")
    facts, _ = _facts(text3, doc="甲政发〔2011〕21号", date="2011-03-01")
    assert ((), ("市政府",), None) in _tasks(facts)
    # addressed to '各乡镇、政府各部门' (the government's own departments, no body of the county's level among them):
    # '县政府将…' is the issuer's own undertaking too
    text4 = ("各乡镇、政府各部门、各直属机构:\n(四)县财政局要于2020年11月10日前推荐2个以上的备选项目。"
             "县政府将召开专题会议进行研究筛选。\n")
    facts, _ = _facts(text4, doc="甲-2", date="2020-10-20")
    assert _tasks(facts) == [((), ("县财政局",), "2020-11-10")]


def test_support_and_cooperation_asked_for_together_is_no_task():
    # convention 3 of round 28 (a request to cooperate is no task): '各责任单位要主动支持、积极配合牵头单位的工作,共同完成好
    # 所承担的目标任务。' asks for no piece of work of its own (exhortations.txt); a dated piece of work still is one
    text = ("各市(州)人民政府,省政府各部门:\n一、各责任单位要主动支持、积极配合牵头单位的工作,共同完成好所承担的目标任务。\n"
            "二、各责任单位要于2017年9月30日前将进展情况报省政府督查室。\n")
    facts, _ = _facts(text, doc="甲办发〔2017〕64号", date="2017-06-01")
    assert _tasks(facts) == [((), ("各责任单位",), "2017-09-30")]


def test_a_commissions_plate_in_brackets_after_a_bureau_is_its_second_name():
    # '责任单位:市财政局(市国资委)、市审计局(列第一位者为牵头单位,下同)': a commission of the same level in brackets
    # after a bureau is the bureau's second plate (sub_units.tsv, plate), one assignee read as the bureau; a lower
    # unit in brackets (区建设局(区建管站)) is still a unit of its own
    from govgraph.loaders.assignees import split_assignees
    assert split_assignees("市财政局(市国资委)、市审计局") == ["市财政局", "市审计局"]
    assert split_assignees("区建设局(区建管站)、区水务局") == ["区建设局", "区建管站", "区水务局"]
    text = ("各县(区)人民政府,市政府各部门:\n一、重点工作\n1.深化国资国企改革,开展国有企业总审计师制度试点。\n"
            "责任单位:市财政局(市国资委)、市审计局(列第一位者为牵头单位,下同)\n")
    facts, _ = _facts(text, doc="甲政办发〔2023〕9号", date="2023-03-01")
    assert _tasks(facts) == [(("市财政局",), ("市审计局",), None)]


def test_units_that_each_lead_their_share_lead():
    # '各职能部门按照职责,分别牵头完成A、B等具体工作': a manner, then 分别牵头: the subject leads (as 'X牵头…' does)
    text = ("各村、各职能部门:\n(五)各职能部门按照职责,分别牵头完成协议签订、搬迁补偿、资金拨付等具体工作,确保完成任务。\n")
    facts, _ = _facts(text, doc="甲街〔2024〕13号", date="2024-12-19")
    assert _tasks(facts) == [(("各职能部门",), (), None)]
    facts, _ = _facts(text.replace("按照职责,分别牵头", "分别牵头"), doc="甲街〔2024〕13号", date="2024-12-19")
    assert _tasks(facts) == [(("各职能部门",), (), None)]


def test_an_unnamed_collective_with_its_level_adds_no_partner():
    # '各乡镇政府负责会同区有关部门具体实施': 会同有关部门 adds no one, nor does it with the level written before it;
    # a named partner still is responsible with the subject
    text = "各乡镇政府、区有关部门:\n二、各乡镇政府负责会同区有关部门具体实施排查。\n"
    facts, _ = _facts(text, doc="甲府办发〔2017〕39号", date="2017-05-01")
    assert _tasks(facts) == [((), ("各乡镇政府",), None)]
    facts, _ = _facts(text.replace("会同区有关部门", "会同区住建局"), doc="甲府办发〔2017〕39号", date="2017-05-01")
    assert _tasks(facts) == [((), ("各乡镇政府", "区住建局"), None)]


def test_the_issuer_named_in_full_undertakes_what_it_will_do():
    # '甲市住房和城乡建设管理委员会将采用…方式,开展…排查' in a notice that body issues: its own undertaking, no task; one
    # with a date of its own ('将于2020年4月底前组织…验收') stays a task
    text = ("各区住房和城乡建设管理部门:\n二、甲市住房和城乡建设管理委员会将采用现场排查的方式,开展市级专项安全排查整治。"
            "各区住建部门要于2026年5月31日前完成辖区排查。\n")
    facts, _ = _facts(text, doc="甲建质安〔2026〕199号", date="2026-04-01", issuer="甲市住房和城乡建设管理委员会")
    assert _tasks(facts) == [((), ("各区住建部门",), "2026-05-31")]
    text2 = text.replace("将采用现场排查的方式,开展", "将于2026年6月底前组织")
    facts, _ = _facts(text2, doc="甲建质安〔2026〕199号", date="2026-04-01", issuer="甲市住房和城乡建设管理委员会")
    assert ((), ("甲市住房和城乡建设管理委员会",), "2026-06-30") in _tasks(facts)


def test_the_works_owner_stated_with_no_work_is_no_task():
    # '各市(州)人民政府是贯彻落实…的实施主体,主要负责同志是抓落实的第一责任人。': who answers for the work, no work
    # named: no task; '…是…的直接责任主体,负责…具体实施' still is one
    text = ("各市(州)人民政府,省政府各部门:\n(一)各市(州)人民政府是贯彻落实省政府重要文件的实施主体,"
            "主要负责同志是抓落实的第一责任人,分管负责同志是抓好分管工作落实的具体责任人。\n"
            "(二)各乡镇政府是此项工作的直接责任主体,负责具体实施排查。\n")
    facts, warnings = _facts(text, doc="甲办发〔2015〕91号", date="2015-06-01")
    assert _tasks(facts) == [((), ("各乡镇政府",), None)]


def test_the_guiding_idea_to_work_by_is_an_exhortation():
    # '各级各有关部门和单位要以科学发展观统揽全局,…': the idea to work by (exhortations.txt, as 以习近平…), no task
    text = ("各县(市、区)人民政府,市政府各部门:\n二、各级各有关部门和单位要以科学发展观统揽全局,在指导思想上要坚持发展思路不动摇。"
            "市发改委要于2007年6月30日前完成项目清理。\n")
    facts, _ = _facts(text, doc="甲政发〔2007〕23号", date="2007-03-01")
    assert _tasks(facts) == [((), ("市发改委",), "2007-06-30")]


def _members(facts):
    return [(f["group"], f["member"], f["role"]) for f in facts if f["kind"] == "membership"]


def _posts(facts):
    return [(f["person"], f["unit"], f["title"]) for f in facts if f["kind"] == "post"]


def test_a_role_in_a_coordinating_committee_named_again_is_a_membership():
    # '州民政局局长、州老龄委副主任张三' in news of '州老龄委' 's meeting: the 老龄委 (老龄工作委员会) is a coordinating
    # committee the notice names again, so its role is a membership (appointment_words.tsv, committee_group), the
    # 民政局's a post; a department's short name (州发改委主任) stays a post
    text = ("9月14日,州老龄委召开全体会议。州政府副州长、州老龄委主任李四主持会议,州民政局局长、州老龄委副主任张三"
            "通报工作,州发改委主任王五出席会议。\n")
    facts, _ = _facts(text, doc="甲-3", date="2012-09-14")
    assert ("州老龄委", "李四", "主任") in _members(facts) and ("州老龄委", "张三", "副主任") in _members(facts)
    posts = _posts(facts)
    assert ("张三", "州民政局", "局长") in posts and ("王五", "州发改委", "主任") in posts
    assert not [p for p in posts if p[1] == "州老龄委"]


def test_an_appointment_cut_by_the_end_of_the_copy_is_not_recorded():
    # '…,李四为县人大常委会办公室副主任,张三为县人大常委' where the copy ends: 张三's post is cut inside its name (a
    # warning, no post); the appointments before it stand
    text = "会议还进行了有关人事任免。任命李四为县人大常委会办公室副主任,张三为县人大常委"
    facts, warnings = _facts(text, doc="甲-4", date="2020-03-31")
    posts = _posts(facts)
    assert ("李四", "县人大常委会办公室", "副主任") in posts
    assert not [p for p in posts if p[0] == "张三"]
    assert any("cut by the end of the text" in str(w) for w in warnings)
