"""Round 8's layouts, on snippets shaped like real notices (ext-82..93, dev from round 8).

Each test builds the notice directly (doc, date as the header would give them) and checks every
fact's evidence, as tests/test_round7_real.py does. The persons' names are made up.
"""

from __future__ import annotations

from snippets import snippet_facts as _facts

from govgraph.loaders.header import find_own_doc_number


def _posts(facts):
    return {(f["person"], f["unit"], f["title"], bool(f.get("former"))) for f in facts if f["kind"] == "post"}


def _members(facts):
    return {(f["group"], f["member"], f["role"]) for f in facts if f["kind"] == "membership"}


def _tasks(facts):
    return {(tuple(f["responsible"]), f["due"], f.get("due_text")) for f in facts if f["kind"] == "task"}


def test_page_labels_at_the_top_are_no_addressee_line():
    # ext-88: 页面:/字体:/对比度: before the metadata; the head block reaches the notice's own number
    text = ("页面:\n    字体:\n对比度:\n发布机构: 某市人民政府办公室 发文日期: 2021-04-20\n"
            "文  号: 某市府办函〔2021〕86号 信息时效期:\n某市府办函〔2021〕86号\n某市人民政府办公室关于印发某制度的通知\n"
            "各县(市、区)人民政府,市有关单位:\n  现就有关事项通知如下。")
    assert find_own_doc_number(text)[0] == "某市府办函〔2021〕86号"
    # an addressee line after a title still ends the head block
    assert find_own_doc_number("某某通知\n各区:\n根据某政发〔2020〕3号文件精神")[0] is None


def test_a_headline_run_of_decisions_and_an_acting_post_after_a_leaders_title():
    # ext-82: …为某省人民政府副省长、决定A代理某省人民政府省长 (a headline, no 职务)
    facts, _ = _facts("省人大常委会决定任命王建新为某省人民政府副省长、决定王建新代理某省人民政府省长\n会议在某地召开。")
    assert _posts(facts) == {("王建新", "某省人民政府", "副省长", False), ("王建新", "某省人民政府", "代理省长", False)}
    # ext-85: 决定A副区长代理…区长职务: his current post written before the verb
    facts, _ = _facts("会议以按表决器表决方式,决定王小明副区长代理某某区人民政府区长职务。王小明进行了宪法宣誓。")
    assert _posts(facts) == {("王小明", "某某区人民政府", "副区长", False), ("王小明", "某某区人民政府", "代理区长", False)}


def test_a_run_of_posts_and_names_closing_with_unnamed_leaders():
    # ext-85: …、区监察委负责同志列席会议 (unnamed: no person)
    facts, _ = _facts("区法院院长李大明、区检察院检察长张小红、区监察委负责同志列席会议。")
    assert _posts(facts) == {("李大明", "区法院", "院长", False), ("张小红", "区检察院", "检察长", False)}


def test_a_groups_roles_among_a_persons_posts_in_news():
    # ext-86 (Traditional): 區委常委、…、城區指揮部指揮長A: a membership (Simplified), the other posts as written
    text = ("近日,區委常委、紀委書記、城區指揮部指揮長陳大明,區人大常委會副主任、城區指揮部副指揮長李小華,"
            "在責任單位負責同志的陪同下,深入項目現場。要求城區指揮部辦公室做好安排。")
    facts, _ = _facts(text, date=None)
    assert _posts(facts) == {("陳大明", "區委", "常委", False), ("陳大明", "紀委", "書記", False),
                             ("李小華", "區人大常委會", "副主任", False)}
    assert _members(facts) == {("城区指挥部", "陈大明", "指挥长"), ("城区指挥部", "李小华", "副指挥长")}
    # a group named only with the role (no second mention) is not guessed
    facts, _ = _facts("近日,區委常委、城區指揮部指揮長陳大明深入項目現場。", date=None)
    assert not _members(facts)
    # 成员 after a group's name is no role before a name (…指挥部成员单位职责)
    facts, _ = _facts("2.1.3 某某应急工作指挥部成员单位职责\n某某应急工作指挥部负责统一领导。")
    assert not _members(facts)


def test_a_town_leader_who_passes_on_a_meeting():
    # ext-93: 会上,副镇长A传达了…
    facts, _ = _facts("会上,副镇长张小力传达了县调度会精神。")
    assert _posts(facts) == {("张小力", "镇人民政府", "副镇长", False)}


def test_meeting_requirements_of_teams_and_collectives():
    # ext-93: 会议要求,X、Y干部严格按照…;各村(社区)提前掌握…  (the 干部 are persons: left out)
    facts, _ = _facts("会议要求,镇巡查队、镇村两级包保干部严格按照工作方案执行24小时值班巡查;"
                      "各村(社区)提前掌握属地内秸秆存量,做好秸秆粉碎还田等工作。")
    assert _tasks(facts) == {(("镇巡查队",), None, None), (("各村(社区)",), None, None)}
    # ext-86: 要求各项目企业一定要… opening a sentence of news
    facts, _ = _facts("某某一行深入项目现场,对项目工作进行安排。要求各项目企业一定要狠抓项目实施,确保完成项目建设任务。")
    assert _tasks(facts) == {(("各项目企业",), None, None)}
    # a unit's leaders are not set apart: 各地、各部门主要领导是…第一责任人 stays unread
    facts, _ = _facts("各地、各部门主要领导是抓落实的第一责任人,要高度重视并扎实抓好工作任务落实。")
    assert not _tasks(facts)


def test_a_dated_duty_and_a_monthly_report_and_the_issuers_undertaking():
    # ext-89: …于2023年2月10日前报…,并于每月30日前报送…: two tasks; 市政府将给予…: the issuer's own
    text = ("甲市政府要将整治方案于2023年2月10日前报市消安委办公室,并于每月30日前报送整治工作进展情况。"
            "对整治工作存在严重问题的,市政府将给予通报批评和约谈提醒。市消安委将适时聘请第三方机构进行评估复核。")
    facts, warnings = _facts(text, date="2023-01-15", issuer="某市人民政府办公室")
    assert _tasks(facts) == {(("甲市政府",), "2023-02-10", "2023年2月10日前"), (("甲市政府",), None, "每月30日前"),
                             (("市消安委",), None, None)}
    assert any("undertaking" in w for w in warnings)
    # 改进作风 is an exhortation; 纳入 is no assignee's name
    facts, _ = _facts("各乡镇、各部门要进一步改进作风求实效,狠抓落实。挂牌整治工作情况将纳入市政府对县政府年度考核内容。")
    assert not _tasks(facts)


def test_an_enumerated_requirement_whose_next_clause_names_its_units():
    # ext-91: 三是按时上报项目规划表,各部门严格按照时间节点推进…
    facts, _ = _facts("会议要求:一是要高度重视,确保规划到位。二是县农业局要细化完善任务措施。"
                      "三是按时上报项目规划表,各部门严格按照时间节点推进项目计划上报。")
    assert _tasks(facts) == {(("县农业局",), None, None), (("各部门",), None, None)}
