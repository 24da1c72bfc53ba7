"""Round 17's layouts, on snippets shaped like real notices (ext-250..261 and ext-274..285, dev from round 17).

Each test builds the notice directly (doc, date as the header would give them), as
tests/test_round13_real.py does. The units' places and the persons' names are made up.
"""

from __future__ import annotations

from snippets import snippet_facts as _facts
from snippets import snippet_tasks as _tasks


def test_targets_closed_by_a_bracket_of_units_on_one_run_on_line():
    # ext-252: '1、地区生产总值增长11%(市发改委,市政府相关部门,各县市区政府)。 2、…' on one line, no label in the bracket
    text = ("现将主要目标和工作任务分解给你们,请认真抓好落实。 一、主要工作目标 1、地区生产总值增长9%(市发改委,市政府相关部门,"
            "各县市区政府,某开发区)。 2、固定资产投资增长20%(市发改委、市统计局,各县市区政府)。 二、其他\n")
    facts, _ = _facts(text, date="2009-03-01")
    assert sorted(_tasks(facts)) == [
        ((), ("市发改委", "市政府相关部门", "各县市区政府", "某开发区"), None),
        ((), ("市发改委", "市统计局", "各县市区政府"), None)]


def test_targets_with_their_units_bracketed_on_the_next_line():
    # ext-256: '2、万元地区生产总值能耗降低3.8%。' then '(市经信委)' on a line of its own
    text = ("一、目标分解\n1、地区生产总值增长10%。\n(市发改委、财政局)\n2、万元地区生产总值能耗降低3%。\n(市经信委)\n")
    facts, _ = _facts(text, date="2011-02-15")
    assert sorted(_tasks(facts)) == [((), ("市发改委", "财政局"), None), ((), ("市经信委",), None)]


def test_one_bracket_of_units_in_prose_is_no_task():
    # a single aside is not the layout: two items or more are needed
    text = "一、工作要求\n1、各单位要会同有关部门(市某局)做好准备工作。\n2、加强宣传。\n"
    facts, _ = _facts(text, date="2011-02-15")
    assert ((), ("市某局",), None) not in _tasks(facts)


def test_units_moved_by_a_notice_of_the_move_dated_by_its_period():
    # ext-281: '一、搬迁时间 公告之日起至…' then items 'A、B搬迁至X;' (搬迁至 a duty verb; 人大常委会机关 and 政协机关 units)
    text = ("一、搬迁时间\n公告之日起至2020年12月30日。\n二、搬迁地址\n(一)县委工作部门\n1.县委办公室、县委组织部、县委宣传部搬迁至"
            "某新城行政办公大楼;\n2.县信访局搬迁至某新城文化中心。\n(二)县人大常委会工作部门\n县人大常委会机关搬迁至某新城行政办公大楼。\n"
            "(三)县政协工作部门\n县政协机关搬迁至某新城行政办公大楼。\n")
    facts, _ = _facts(text, date="2020-12-18")
    assert sorted(_tasks(facts)) == [
        ((), ("县人大常委会机关",), "2020-12-30"), ((), ("县信访局",), "2020-12-30"),
        ((), ("县委办公室", "县委组织部", "县委宣传部"), "2020-12-30"), ((), ("县政协机关",), "2020-12-30")]


def test_a_class_of_organs_is_no_unit():
    # ext-253: '市本级政府机关都要实行政务公开' names a class (机关 alone is no unit ending)
    text = "二、公开范围\n市本级政府机关都要实行政务公开。\n"
    facts, _ = _facts(text, date="2003-12-01")
    assert _tasks(facts) == []


def test_a_member_list_one_cell_a_line_with_its_colons_alone():
    # ext-277: '召 集 人' / '：' / name / posts, '副 召 集人' spaced in part, 第一副召集人, then '成员单位' / '：' / units;
    # '办事处主任' in a street office's notice is that office's; '成员单位主要负责人为联席会议成员' names no member
    text = ("成立某某街道减量化工作联席会议(以下简称“联席会议”),成员单位主要负责人为联席会议成员。\n\n联席会议成员名单如下：\n\n"
            "召 集 人\n\n：\n\n张三\n\n党工委副书记、办事处主任\n\n第一副召集人\n\n：\n\n李四\n\n党工委委员、办事处副主任\n\n"
            "副 召 集人\n\n：\n\n王五\n\n党工委委员（兼）\n\n成员单位\n\n：\n\n党政办公室\n\n某村村委会\n\n"
            "联席会议下设办公室。\n")
    facts, _ = _facts(text, date="2024-12-19")
    facts = [f for f in facts if f["kind"] in ("membership", "post")]
    got = sorted((f["kind"], f.get("member") or f.get("person"), f.get("role") or f.get("unit"), f.get("title", ""))
                 for f in facts)
    assert got == sorted([
        ("membership", "张三", "召集人", ""), ("membership", "李四", "第一副召集人", ""),
        ("membership", "王五", "副召集人", ""), ("membership", "党政办公室", "成员单位", ""),
        ("membership", "某村村委会", "成员单位", ""),
        ("post", "张三", "党工委", "副书记"), ("post", "张三", "办事处", "主任"),
        ("post", "李四", "党工委", "委员"), ("post", "李四", "办事处", "副主任"), ("post", "王五", "党工委", "委员")])


def test_office_of_the_street_that_issues():
    # ext-277: '办事处主任' in the list of a street office's notice: that street office's
    text = "成立某某街道减量化工作联席会议。\n\n联席会议成员名单如下：\n\n召 集 人\n\n：\n\n张三\n\n党工委副书记、办事处主任\n\n成员单位\n\n：\n\n党政办公室\n\n某村村委会\n"
    facts, _ = _facts(text, date="2024-12-19", issuer="某市某区人民政府某某街道办事处")
    assert ("某某街道办事处", "主任") in [(f["unit"], f["title"]) for f in facts if f["kind"] == "post"]


def test_a_verb_before_a_district_congress_is_no_place():
    # ext-258: the title '关于推选区人大常委会副主任张三代理主任职务的决定' names no district 推选区 (选区 is no place)
    from govgraph.loaders.places import jurisdiction
    from govgraph.notice import Notice
    text = "关于推选区人大常委会副主任张三代理主任职务的决定\n鉴于李四已辞去区人大常委会主任职务,会议决定:推选区人大常委会副主任张三代理主任职务。\n"
    n = Notice(doc="测〔2013〕1号", text=text, title="关于推选区人大常委会副主任张三代理主任职务的决定", date="2013-01-15",
               issuer=None, source="snippet.txt")
    assert "推选" not in jurisdiction(n).place


def test_a_standing_committee_chooses_who_acts_and_the_resignation_before():
    # ext-258: '鉴于A已辞去区人大常委会主任职务,…会议决定:推选区人大常委会副主任B代理主任职务' (推选 and 鉴于 open the
    # clause; the bare 主任 acted in is of the unit of B's post; 已辞去: former, its month not given)
    text = ("某市某某区人大常委会关于张三代理职务的决定\n鉴于李四已辞去区人大常委会主任职务,某市某某区人民代表大会常务委员会"
            "第八次会议决定:推选区人大常委会副主任张三代理主任职务。\n")
    facts, _ = _facts(text, date="2013-01-15", issuer="某市某某区人民代表大会常务委员会")
    got = sorted((f["person"], f["title"], bool(f.get("former")), f.get("end")) for f in facts if f["kind"] == "post")
    assert got == [("张三", "代理主任", False, None), ("张三", "副主任", False, None), ("李四", "主任", True, None)]


def test_teams_named_only_by_number():
    # ext-274: '三、分组情况: 第一组:A市、B市 成 员:张三 某市城管局副局长 李四 某市城管局市容科科长 第二组:…' on one line
    text = ("三、分组情况: 第一组:甲市、乙市 成 员:张三 丙市城管局副局长 李四 丁市城管局市容科科长 第二组:戊市 成 员:王五 "
            "己市城管局副局长 赵六 庚市执法大队副教导员 四、有关要求\n")
    facts, _ = _facts(text, date="2010-12-28")
    got = sorted((f["group"], f["member"]) for f in facts if f["kind"] == "membership")
    assert got == [("第一组", "张三"), ("第一组", "李四"), ("第二组", "王五"), ("第二组", "赵六")]


def test_a_district_of_one_character_and_城区_under_its_city():
    # ext-278: issuer 温州市X城区Y镇人民政府: the district is a place there, 主城区 alone stays a zone
    from govgraph.identity.scope import is_zone, leading_components
    assert [c for c, _ in leading_components("台州市椒城区金山镇人民政府")] == ["台州市", "椒城区", "金山镇"]
    assert is_zone("主城区") and [c for c, _ in leading_components("台州市主城区交通")] == ["台州市"]


def test_an_article_number_glued_to_its_subject_and_a_copy_cut_after_a_verb():
    # ext-282: '第四条区发展改革委负责…。区财政、建设、审计等相关部门按' (the copy ends there)
    text = ("第三条 本办法适用于本区政府投资项目。\n第四条区发展改革委负责政府投资项目计划的编制和督促实施。"
            "区财政、建设、审计等相关部门按")
    facts, warnings = _facts(text, date="2018-02-27")
    assert _tasks(facts) == [((), ("区发展改革委",), None)]


def test_a_procedure_step_by_a_preposition_is_no_unit():
    # ext-277: '所有减量化项目由街道统一招标…', '由各村向联席办上报…': no unit's name before the verb
    text = "六、费用\n(二)所有项目由街道统一招标确定服务单位,并签署服务合同。\n七、流程\n1.由各村向某某办上报拆平情况。\n"
    facts, _ = _facts(text, date="2024-12-19")
    assert not [t for t in _tasks(facts) if any("由" in u or "向" in u for u in t[1])]


def test_the_openings_period_dates_the_tasks():
    # ext-276: '决定自本通知发布之日起至2025年4月30日,集中开展本市…核查工作' then duties without their own date
    text = ("根据部里的要求,决定自本通知发布之日起至2025年4月30日,集中开展本市年度核查工作。现就有关事项通知如下:\n"
            "一、核查对象\n本市经营者。\n二、职责分工\n市某中心负责具体组织实施全市核查工作。各区主管部门负责本辖区核查工作。\n"
            "三、工作要求\n(一)请各单位高度重视。\n")
    facts, _ = _facts(text, date="2025-02-25")
    assert sorted(_tasks(facts)) == [((), ("各区主管部门",), "2025-04-30"), ((), ("市某中心",), "2025-04-30")]


def test_a_metadata_link_to_an_attachment_is_no_attachment():
    # ext-275: front matter '附件: https://…pdf' before the body. The issuer written in full before 将 (上海市X委员会将…)
    # is its own undertaking, no task, as ext-275's gold has it; dated, it stays a task, as the shared gold of gov-09
    # (国务院办公厅将于…组织…验收) has it (round 30, prec38; round 17's merge had kept the undated one)
    text = ("---\n标题: 某市某委员会关于做好检查工作的通知\n附件: https://example.gov.cn/a.pdf\n---\n\n"
            "各区建设管理部门:\n一、明确专人管理\n各区建设管理部门要督促辖区内建筑明确管理员。\n"
            "二、推进常态长效\n某市住房和城乡建设管理委员会将开展市级专项安全排查。\n")
    facts, _ = _facts(text, date="2026-05-15", issuer="某市住房和城乡建设管理委员会")
    assert _tasks(facts) == [((), ("各区建设管理部门",), None)]
    dated = text.replace("将开展", "将于2026年6月30日前开展")
    facts, _ = _facts(dated, date="2026-05-15", issuer="某市住房和城乡建设管理委员会")
    assert _tasks(facts) == [((), ("各区建设管理部门",), None), ((), ("某市住房和城乡建设管理委员会",), "2026-06-30")]


def test_a_period_of_days_in_one_month_ends_on_its_last_day():
    # ext-274: '一、考核时间:2011年1月6-12日,具体时间由各组另行电话通知' dates the work by the range's end
    text = ("一、考核时间:2011年1月6-12日,具体时间由各组另行电话通知。\n二、考核方式:听汇报。\n"
            "三、有关要求\n1、各地要认真做好各项准备工作,提供书面汇报材料。\n")
    facts, _ = _facts(text, date="2010-12-28")
    assert _tasks(facts) == [((), ("各地",), "2011-01-12")]


def test_one_target_bracketed_under_a_heading_of_a_split():
    # ext-257: the copy is cut after the first target: one item, under '…重点工作分解落实方案综合目标分解'
    text = "某市政府2020年重点工作分解落实方案综合目标分解\n\n  1、地区生产总值增长6%。(市发展改革委、财政局、税务局)\n\n  2、规模"
    facts, _ = _facts(text, date="2020-05-01")
    assert _tasks(facts) == [((), ("市发展改革委", "财政局", "税务局"), None)]


def test_where_the_work_is_sent_is_no_subject():
    # ext-250: '…组织编制发展规划,报我委会同省直有关部门审查后由你们联合印发实施'
    text = "请按照方案要求,组织编制发展规划,报我委会同省直有关部门审查后由你们联合印发实施。\n"
    facts, _ = _facts(text, date="2022-04-26", issuer="某省发展和改革委员会")
    assert not [t for t in _tasks(facts) if any(u.startswith("报") for u in t[1])]


def test_a_word_ending_in_you_or_xiang_is_no_procedure_step():
    # merge of round 17: 由/向 inside a word (自由贸易试验区, 面向) is no preposition: the subject stays a unit
    text = "一、某自由贸易试验区工作联席会议办公室要加强督促检查,及时总结评估。\n"
    facts, _ = _facts(text, date="2018-11-07")
    assert _tasks(facts) == [((), ("某自由贸易试验区工作联席会议办公室",), None)]
