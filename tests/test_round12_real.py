"""Round 12's layouts, on snippets shaped like real notices (ext-130..153, dev from round 12).

Each test builds the notice directly (doc, date as the header would give them) and checks every
fact's evidence, as tests/test_round11_real.py does. The units' places are made up.
"""

from __future__ import annotations

from snippets import snippet_facts as _facts
from snippets import snippet_tasks as _tasks


def test_a_date_the_sentence_goes_on_from_is_no_signature():
    # ext-136: news without a signature, '…在2019年7月31日之前做好…': the date ends no body, the deadline is read
    text = ("为切实做好全县大气污染防治工作,7月19日,某县散煤管控工作会议要求,由某县市场监督管理局牵头,"
            "启动散煤管控行动。\n某县市场监督管理局将联合有关职能部门,在2019年7月31日之前做好全县散煤复烧管控工作。\n"
            "上一篇:某开发区创新服务机制\n")
    facts, _ = _facts(text, date="2019-07-20")
    assert ((), ("某县市场监督管理局",), "2019-07-31") in _tasks(facts)


def test_a_duty_of_leaders_is_no_units_and_active_support_is_an_exhortation():
    # ext-14 (read whole once its mid-sentence date no longer ends the body): '县政府分线领导要站在全局高度…' is the
    # leaders' (no unit '…要站'); '其他责任单位要积极配合,…' asks for support (exhortations.txt)
    text = ("各乡镇人民政府、县直各单位:\n一、强化责任落实。其他责任单位要积极履行配合职责,服从主要责任单位的调度安排。\n"
            "二、细化工作方案。各项工作任务的主要责任单位要将实施方案报县政府分管领导审查签字后,于2021年3月15日前报县政府督查室备案。\n"
            "三、加强调度协调。县政府分线领导要站在全局高度,对牵头负责的政府重点工作任务进行科学协调,定时调度。"
            "其他责任单位要积极配合,对工作推进中出现的新情况要及时提请县政府领导协调推进。\n")
    facts, _ = _facts(text, date="2021-03-01")
    units = [u for t in _tasks(facts) for u in t[1]]
    assert not any(u.endswith("要站") or "领导" in u for u in units)
    # '其他责任单位要积极履行配合职责,服从…调度' is a request to cooperate, no task since round 28's convention
    assert units.count("其他责任单位") == 0


def test_a_levels_own_bodies_are_a_collective_subject():
    # ext-150, ext-151: '市直有关单位', '县直有关单位' (collective_affixes.tsv, heads 市直/县直/区直) as subjects,
    # beside a level's governments or its departments, then a dated report of the same units
    text = ("各县(市、区)人民政府,市政府各部门、各直属机构:\n"
            "各县(市、区)人民政府和市直有关单位要认真开展本单位驻外办事机构的清查登记工作,并如实填写情况表送市编办,"
            "市编办负责审核汇总,于2015年5月18日前报市政府。\n")
    facts, _ = _facts(text, date="2015-04-01")
    tasks = _tasks(facts)
    assert ((), ("各县(市、区)人民政府", "市直有关单位"), None) in tasks
    assert ((), ("市编办",), "2015-05-18") in tasks
    text = ("各乡(镇)政府,县直各单位:\n四、征集途径\n(一)乡镇、部门统一征集。各乡镇组织本辖区内人大代表集体讨论所征集的项目,经讨论通过后统一上报。县政府各部门、县直有关单位按照职责分工,"
            "认真谋划上报。所上报实事项目经单位主要负责同志审核把关后,于11月20日前报县政府督查室。\n")
    facts, _ = _facts(text, date="2022-11-04")
    # the dated report after both duties, without a subject, is both's
    assert {((), ("各乡镇",), "2022-11-20"), ((), ("县政府各部门", "县直有关单位"), "2022-11-20")} <= set(_tasks(facts))


def test_the_addressees_asked_in_the_second_person_with_a_date():
    # ext-134: a covering letter to '各县(市、区)农业局(农业事务管理局):' (the last bracket another name of the same
    # bureaus), '…转发给你们,请你们认真填写…,并于2018年10月14日前将调查表发送至我局…'
    text = ("某市农业局\n转发省农业厅关于开展专题调研的通知\n某农通〔2018〕461号\n各县(市、区)农业局(农业事务管理局):\n"
            "    现将省农业厅《关于开展专题调研的通知》转发给你们,请你们认真填写《调查表》,并于2018年10月14日前将调查表"
            "发送至我局种植业科邮箱,以便我局及时汇总上报省农业厅。\n")
    facts, _ = _facts(text, date="2018-10-11")
    assert _tasks(facts) == [((), ("各县(市、区)农业局",), "2018-10-14")]
    # without a date the request only carries out the notice: no task
    facts, _ = _facts(text.replace(",并于2018年10月14日前将调查表发送至我局种植业科邮箱", ""), date="2018-10-11")
    assert _tasks(facts) == []


def test_items_of_the_addressees_after_a_pages_chrome():
    # ext-135: '当前位置:' and '时间:… 来源:…' before the addressee line '各区市农业农村局:' (a line of its own);
    # items opened by the addressee whatever the verb ('形成评价报告'), a dated item without a subject that sends
    # something in after them, and '市局将…' (the issuing city bureau itself: no task)
    text = ("当前位置:\n网站首页 - 社会关注\n关于组织申报生态农场评价认定工作的通知\n时间:2022-12-25 作者:佚名 来源:某市农业农村局\n"
            "  各区市农业农村局:\n  现将《关于开展生态农场评价认定工作的通知》转发给你们,请根据通知要求,认真做好组织申报工作。"
            "现将有关事项通知如下:\n  一、各区市农业农村局在种植型和养殖型中限选一种进行申报,推荐名额不超过1家。\n"
            "  二、各区市农业农村局形成评价报告,并填写申报汇总表(附件2),加盖单位公章后报市农业农村局,"
            "市局将根据报送和评价情况择优推荐生态农场名单。\n  三、盖章版纸质材料于12月20日前报送至市农业农村局科技教育科。\n"
            "  联系人:孙某 6691967\n   某市农业农村局\n   2022年12月12日\n")
    facts, _ = _facts(text, date="2022-12-12", issuer="某市农业农村局")
    assert _tasks(facts) == [((), ("各区市农业农村局",), None), ((), ("各区市农业农村局",), None),
                             ((), ("各区市农业农村局",), "2022-12-20")]


def test_the_addressees_leaders_in_an_attendee_list_are_no_duty():
    # ext-62: '2、区级机关各部门主要领导;' under 参加人员, the addressee line after a date with a clock time
    text = ("关于召开某区迎检工作会议的通知\n2010年3月4日 09:12\n各镇、街道党工委,区级机关各部门:\n"
            "经研究,定于3月5日召开迎检工作会议,具体通知如下:\n一、参加人员:\n1、区级机关各部门主要领导;\n2、各镇、街道主要领导1名。\n")
    facts, _ = _facts(text, date="2010-03-04")
    assert _tasks(facts) == []


def test_partners_counted_after_their_list_working_together():
    # ext-136: '由A牵头,B、C…等7个职能部门分工协作,…' (assign_words.tsv 分工协作; a count in '等N个职能部门')
    text = ("为切实做好全县大气污染防治工作,7月19日,某县散煤管控工作会议要求,由某县市场监督管理局牵头,"
            "县公安局、交通运输局、行政审批局等7个职能部门分工协作,启动散煤管控行动。\n")
    facts, _ = _facts(text, date="2019-07-20")
    assert _tasks(facts) == [(("某县市场监督管理局",), ("县公安局", "交通运输局", "行政审批局"), None)]


def _posts(facts):
    return {(f["person"], f["unit"], f["title"]) for f in facts if f["kind"] == "post"}


def test_a_bodys_term_after_its_place_is_no_part_of_its_name():
    # ext-132: '接受A辞去某市第八届人民代表大会常务委员会副主任职务的请求' -> 某市人民代表大会常务委员会; in Traditional
    # script after a bare level too ('辭去省十屆人民代表大會常務委員會副主任職務'; rm-08)
    text = ("某市人民代表大会常务委员会关于接受高文涛辞去某市第八届人民代表大会常务委员会副主任职务请求的决定\n"
            "某市第八届人民代表大会常务委员会第二十八次会议决定:接受高文涛辞去某市第八届人民代表大会常务委员会副主任职务的请求。\n")
    facts, _ = _facts(text, date="2025-10-24")
    assert ("高文涛", "某市人民代表大会常务委员会", "副主任") in _posts(facts)
    assert not any("届" in u for _, u, _ in _posts(facts))
    facts, _ = _facts("此外,該會議還同時接受許平、鄒志遠辭去省十屆人民代表大會常務委員會副主任職務。\n", date="2006-01-19")
    assert ("許平", "省人民代表大會常務委員會", "副主任") in _posts(facts)


def test_a_run_of_names_without_known_surnames_and_a_name_before_yingyao():
    # ext-153: '副县长A、B、C、D,…参加会议' (Tibetan names: no surname the lexicon knows, four
    # characters between the run's separators) and '县政协副主席A应邀出席会议' (prose_posts.tsv verb 应邀)
    text = ("2月24日,某县召开县政府全体会议,县政府县长高文涛,副县长许平、王立、多吉平措、次仁顿珠及各乡镇主要负责人参加会议。"
            "县政协副主席邹志远应邀出席会议。\n")
    facts, _ = _facts(text, date="2012-02-28")
    assert {(n, "县人民政府", "副县长") for n in ("许平", "王立", "多吉平措", "次仁顿珠")} <= _posts(facts)
    assert ("邹志远", "县政协", "副主席") in _posts(facts)
    assert not any(p.startswith("各") for p, _, _ in _posts(facts))


def test_a_demand_opened_by_yao_names_no_unit():
    # ext-141: 'A要求,要坚决把思想和行动统一到…部署要求上来,…' gave a unit '要坚决把…部署'
    text = "5月18日下午,县委书记高峰主持召开会议。高峰要求,要坚决把思想和行动统一到各级党委部署要求上来,强化责任落实。\n"
    facts, _ = _facts(text, date="2020-05-18")
    assert not any(u.startswith("要") for t in _tasks(facts) for u in t[0] + t[1])


def test_lines_of_names_and_posts_without_a_label():
    # ext-140: an activity programme's '(一)市级领导' then lines 'name  posts' (names padded to two characters' width)
    text = ("三、出席人员\n(一)市级领导\n高 峰 市委副书记、市人民政府市长、市爱卫会主任\n许文涛 市委常委、市委办主任\n"
            "邹 敏 市人民政府副市长、市爱卫会副主任\n(二)爱卫会成员单位分管领导和专干。\n")
    facts, _ = _facts(text, date="2020-04-24")
    assert _posts(facts) == {("高峰", "市委", "副书记"), ("高峰", "市人民政府", "市长"), ("高峰", "市爱卫会", "主任"),
                             ("许文涛", "市委", "常委"), ("许文涛", "市委办", "主任"),
                             ("邹敏", "市人民政府", "副市长"), ("邹敏", "市爱卫会", "副主任")}
    # one such line alone is no run: not read
    facts, _ = _facts("出席人员\n高 峰 市委副书记、市人民政府市长\n", date="2020-04-24")
    assert _posts(facts) == set()


def _members(facts):
    return {(f["group"], f["member"], f["role"]) for f in facts if f["kind"] == "membership"}


def test_a_gap_between_a_name_and_its_posts_bracket():
    # ext-145: '指 挥 长:A B (市政府副市长)' / 'CDE (市交通运输局局长)' (names padded or not, a gap before the bracket)
    text = ("某市人民政府办公厅关于成立某工程指挥部的通知\n市人民政府决定成立某工程指挥部。现将指挥成员名单通知如下:\n"
            "指 挥 长:高 峰 (市政府副市长)\n副指挥长:许文涛 (市交通运输局局长)\n邹志远 (市政府副秘书长)\n")
    facts, _ = _facts(text, date="2010-05-01")
    assert {("高峰", "市政府", "副市长"), ("许文涛", "市交通运输局", "局长"), ("邹志远", "市政府", "副秘书长")} <= _posts(facts)
    assert {("某工程指挥部", "高峰", "指挥长"), ("某工程指挥部", "许文涛", "副指挥长")} <= _members(facts)


def test_a_removal_with_a_name_glued_to_a_unit_of_the_issuers_level():
    # ext-131: a 市人民政府's 任免 notice writing its units '市X局'; '免去方立言市口岸管理办公室主任职务' (方立 + 言市… is
    # the other cut): the cut whose unit opens with the issuer's level
    text = ("某某市人民政府关于高峰等职务任免的通知\n各旗区人民政府,市人民政府各部门:\n根据工作需要,决定:\n"
            "高峰任市乡村振兴局局长;\n许文涛任市财政局副局长;\n免去方立言市口岸管理办公室主任职务;\n免去邹志远市民政局副局长职务。\n"
            "某某市人民政府\n2024年2月21日\n")
    facts, _ = _facts(text, date="2024-02-21", issuer="某某市人民政府")
    assert {("方立言", "市口岸管理办公室", "主任"), ("邹志远", "市民政局", "副局长")} <= _posts(facts)


def test_a_groups_office_with_its_holders_after_its_daily_work_and_a_former_body_post():
    # ext-130: '联席会议办公室设在市建设局,承担联席会议日常工作,A同志兼任办公室主任,…' (the office's work, then who
    # holds its roles) and a member '黎 兵 市建设局原党委委员' (原 before a unit's party body: former)
    text = ("某市人民政府办公室关于建立某某工作联席会议制度的通知\n一、联席会议组成\n召 集 人:高 峰 市人民政府副市长\n"
            "成    员:许文涛 市建设局局长\n邹 敏 市建设局原党委委员\n二、联席会议办公室\n"
            "联席会议办公室设在市建设局,承担联席会议日常工作,许文涛同志兼任办公室主任。\n")
    facts, _ = _facts(text, date="2017-06-01")
    assert ((), ("联席会议办公室",), None) in _tasks(facts)
    former = {(f["person"], f["unit"], f["title"]) for f in facts if f["kind"] == "post" and f.get("former")}
    assert ("邹敏", "市建设局党委", "委员") in former


def test_a_dates_tail_names_no_place():
    # ext-150 (a copy without its issuer or signature): '…于2015年5月18日前报市政府' read '日前报市' as the place
    from govgraph.loaders.places import jurisdiction
    from govgraph.notice import Notice

    n = Notice(doc="汕府办〔2015〕29号", text="各县(市、区)人民政府:市编办负责审核汇总,于2015年5月18日前报市政府。", source="x.txt")
    j = jurisdiction(n)
    assert j.place.startswith("?") and j.level == "unknown"


def test_a_courts_numbered_chamber_and_a_judge_of_the_court():
    # ext-132: '任命:' / 'A为某市中级人民法院刑事审判第二庭副庭长、审判员。' (a numbered chamber: post_unit_suffixes.txt;
    # 审判员 after the chamber's post is the court's)
    text = "某市人大常委会任命名单\n任命:\n高峰为某市中级人民法院刑事审判第二庭副庭长、审判员。\n"
    facts, _ = _facts(text, date="2025-10-24")
    assert {("高峰", "某市中级人民法院刑事审判第二庭", "副庭长"), ("高峰", "某市中级人民法院", "审判员")} <= _posts(facts)
