"""Round 25's layouts (rotation rot31), on snippets shaped like real notices (ext-368..377, formal notices of new
places, dev from round 25).

Each test builds the notice directly (doc, date as the header would give them) and checks every
fact's evidence, as tests/test_round23_real.py does. Names and places are made up.
"""

from __future__ import annotations

from snippets import snippet_facts as _facts
from snippets import snippet_tasks as _tasks


def _posts(facts):
    return sorted((f["person"], f["unit"], f["title"]) for f in facts if f["kind"] == "post")


def test_a_bare_title_acted_in_is_of_the_government_written_before_the_name():
    # ext-369: '…会议决定:某市人民政府副市长A代理市长' (no 职务 after it): the acting post is the city government's
    for tail in ("代理市长。", "代理市长职务。"):
        text = "根据有关规定,甲乙市第四届人民代表大会常务委员会第十九次会议决定:甲乙市人民政府副市长张三" + tail
        facts, _ = _facts(text, date="2019-08-29")
        assert _posts(facts) == [("张三", "甲乙市人民政府", "代理市长"), ("张三", "甲乙市人民政府", "副市长")]


def test_a_bodys_deliberation_after_jing_is_no_duty():
    # ext-375: '经某省委主委办公会研究决定,某现场会初定于…在某地举行': how it was decided, no task; a unit whose name opens
    # with 经 keeps its duty
    text = "经甲乙省委主委办公会研究决定,甲乙省委某工作现场会初定于2014年8月底9月初在丙丁举行。"
    facts, _ = _facts(text)
    assert _tasks(facts) == []
    facts, _ = _facts("经信局研究制定工作方案。")
    assert _tasks(facts) == [((), ("经信局",), None)]


def test_an_addressees_people_in_charge_of_a_field_are_no_duty_of_theirs():
    # ext-375: under '一、参会人员', '(二)甲盟各市委会分管某工作的副主委、驻会领导…' names who attends, no duty
    text = ("甲盟各市委会、省直基层工委:\n会议有关事项如下:\n一、参会人员\n(二)甲盟各市委会分管社会服务工作的副主委、驻会领导。\n"
            "二、会议要求\n请甲盟各市委会做好准备。")
    facts, _ = _facts(text)
    assert all("分管" not in f["text"] for f in facts if f["kind"] == "task")


def test_a_duty_shared_out_by_level_is_no_units_duty():
    # ext-371: a plan's principle '统一指挥,分级分部门负责,条块结合,以属地为主的原则': 分级分部门 is how, no unit
    text = "1.4.2在各级党委的领导下,实行各级人民政府行政首长负责制,统一指挥,分级分部门负责,条块结合,以属地为主的原则。"
    facts, _ = _facts(text)
    assert _tasks(facts) == []


def test_a_request_to_named_units_with_a_dated_sending_is_their_duty():
    # ext-375: '请各市委会准备交流材料(…),总结…,并于8月26日前上报至某部。': any verb after the units asked, the sentence
    # dated by its sending; the year is the notice's
    text = "二、会议要求\n请各市委会准备交流材料(2000字左右),总结近两年工作经验,并于8月26日前上报至甲盟省委某部。"
    facts, _ = _facts(text, date="2014-08-18")
    assert _tasks(facts) == [((), ("各市委会",), "2014-08-26")]
    facts, _ = _facts("请各市委会准备交流材料,做好会议准备。", date="2014-08-18")
    assert _tasks(facts) == []


def test_the_salutations_units_asked_by_their_short_name_and_their_dated_sending():
    # ext-376: '各县区某局: … 请各县区接此通知后,筛选…,做好各项准备工作。某材料附上简介,务于9月30日下午16:00前上报到市某局办公室。':
    # the request's 各县区 is the salutation's 各县区某局 (undated), the subject-less dated sending after it theirs too
    text = ("各县区农机局:\n为推动全市农机工作,市农机局拟定于国庆节后组织观摩。请各县区接此通知后,筛选3-5个亮点加强指导,"
            "做好各项准备工作。观摩点附上每个点的简介,务于9月30日下午16:00前上报到市农机局办公室。观摩具体时间另行通知。")
    facts, _ = _facts(text, date="2010-09-25")
    assert _tasks(facts) == [((), ("各县区农机局",), None), ((), ("各县区农机局",), "2010-09-30")]
    # an exhortation by the short name is none
    text = "各县区农机局:\n现将《某办法》印发给你们。请各县区认真贯彻执行。"
    facts, _ = _facts(text, date="2010-09-25")
    assert _tasks(facts) == []


def test_each_levels_office_by_its_short_name_is_a_collective():
    # ext-374: '各级农普办要严格按照《…》要求,认真做好会议的组织工作,…': each level's office of a kind, by its short name
    from govgraph.loaders.task_lexicon import is_collective
    assert is_collective("各级农普办") and is_collective("各级统计局")
    assert not is_collective("各级党委部署")
    text = "各级某普办要严格按照《甲省某厅关于召开会议的通知》要求,认真做好会议的组织工作,保证各有关人员参加会议。"
    facts, _ = _facts(text.replace("某普办", "农普办"))
    assert _tasks(facts) == [((), ("各级农普办",), None)]


def test_a_body_set_up_for_a_work_has_it_as_a_standing_duty():
    # ext-373: '第五条 某办公室是负责机关公文处理、协调和指导…的工作机构。': a rule's standing duty of a named office
    text = "第五条 甲州人大常委会办公室是负责机关公文处理、协调和指导本机关各委室公文处理的工作机构。"
    facts, _ = _facts(text)
    assert _tasks(facts) == [((), ("甲州人大常委会办公室",), None)]
    facts, _ = _facts("第二条 甲州人大常委会机关公文,是发布地方性法规、决议、决定的工具。")
    assert _tasks(facts) == []


def test_a_news_leads_source_after_ju_is_no_part_of_the_place():
    # ext-370: '中新网1月22日电 据某市人大常委会办公厅官方微信消息,…': the place is the city, not '据某市'
    from govgraph.loaders.places import jurisdiction
    from govgraph.notice import Notice
    text = ("张三辞去甲乙市人民政府市长职务\n发布时间:2021年01月22日 21:54 来源:某新闻网\n"
            "某新闻网1月22日电 据甲乙市人大常委会办公厅官方微信消息,甲乙市第十四届人大常委会第三十五次会议决定:接受张三辞去甲乙市人民政府市长职务的请求。")
    j = jurisdiction(Notice(doc="d", text=text, date="2021-01-22", source="x.txt"))
    assert j.place == "甲乙市"


def test_a_leader_box_with_the_name_on_the_next_line():
    # ext-373: a site's sidebar '主任之窗' / '某州人大常委会主任' / '张三': a post with its unit in full, the name alone on
    # the next line (a byline broken over two lines); a bare title over a name is left to the member lists
    text = "主任之窗\n\n甲乙州人大常委会主任\n李为民\n自身建设\n\n甲乙州人大常委会机关公文处理办法\n第一条 为规范公文处理,制定本办法。"
    facts, _ = _facts(text)
    assert _posts(facts) == [("李为民", "甲乙州人大常委会", "主任")]
    facts, _ = _facts("领导之窗\n\n副主任\n李为民\n\n第一条 为规范公文处理,制定本办法。")
    assert _posts(facts) == []


def test_a_request_to_units_people_by_role_is_no_units_duty():
    # the units' heads asked to prepare a speech sent in by a date are persons by role: no unit's duty
    facts, _ = _facts("请各单位负责人准备发言材料,并于8月26日前上报至市某局。", date="2014-08-18")
    assert all("各单位" not in f["responsible"] for f in facts if f["kind"] == "task")


def test_a_democratic_partys_committee_is_its_places():
    # ext-375: signed '民盟某省委员会': the province's, as 中共…/政协… are (issuer_prefixes.txt)
    from govgraph.loaders.places import place_of_org
    assert place_of_org("民盟河北省委员会") == "河北省"
    assert place_of_org("九三学社湖南省委员会") == "湖南省"


def test_the_salutations_units_asked_by_their_full_name_too():
    # the same request naming the salutation's units in full ('请各县区某局筛选…') is theirs as the short name's is
    text = "各县区农机局:\n为推动全市农机工作,市农机局拟定于国庆节后组织观摩。请各县区农机局筛选3-5个亮点加强指导,做好各项准备工作。"
    facts, _ = _facts(text, date="2010-09-25")
    assert _tasks(facts) == [((), ("各县区农机局",), None)]


def test_a_groups_office_in_a_unit_before_its_short_name():
    # ext-371: '成立某县人民政府防汛防旱指挥部,…。某县防汛指挥部下设办公室在县水务局(以下简称县防办),负责处理日常工作。'
    text = ("2.1组织机构\n\n成立甲乙县人民政府防汛防旱指挥部,负责领导组织全县的防汛抗旱工作。甲乙县防汛指挥部下设办公室在县水务局"
            "(以下简称县防办),负责处理日常工作。")
    facts, _ = _facts(text)
    assert [(f["group"], f["office_unit"]) for f in facts if f["kind"] == "group" and f.get("office_unit")] == \
        [("甲乙县人民政府防汛防旱指挥部", "县水务局")]
