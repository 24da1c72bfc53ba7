"""Round 23's layouts (rotation rot29), on snippets shaped like real notices (ext-346..356, formal notices of new
places, dev from round 23).

Each test builds the notice directly (doc, date as the header would give them) and checks every
fact's evidence, as tests/test_round21_real.py does. Names and places are made up.
"""

from __future__ import annotations

from snippets import snippet_facts as _facts
from snippets import snippet_tasks as _tasks


def test_a_named_groups_member_units_are_one_collective_as_written():
    # ext-351: '各区县政府、市新区管委会、市某指挥部各成员单位要…': the group's member units as written, beside the others
    text = "四、各区县政府、市新区管委会、市甲乙指挥部各成员单位要切实落实防火责任,加强巡查巡护。"
    facts, _ = _facts(text)
    assert _tasks(facts) == [((), ("各区县政府", "市新区管委会", "市甲乙指挥部各成员单位"), None)]


def test_contacting_a_groups_member_units_is_no_unit():
    # gov-02: '联系指挥部成员单位和省级人民政府有关部门开展应急工作': 联系 (contacting) opens a clause
    from govgraph.loaders.task_lexicon import is_collective
    assert not is_collective("联系指挥部成员单位")
    assert is_collective("县甲指挥部成员单位")


def test_each_doing_its_share_of_a_common_work_is_an_exhortation():
    # ext-346: '领导小组各成员单位要按照职能分工,各负其责、通力协作、密切配合,共同做好普查工作': no piece of work
    text = ("二、领导小组各成员单位要按照职能分工,各负其责、通力协作、密切配合,共同做好普查工作。"
            "各区县人民政府要设立相应的普查领导小组及其办公室。")
    facts, _ = _facts(text)
    assert [t[1] for t in _tasks(facts)] == [("各区县人民政府",)]


def test_keeping_the_rules_and_doing_the_work_well_is_an_exhortation():
    # ext-346, ext-349: '各级各部门要按照《某条例》等法律法规要求,认真做好普查各项工作' / '各重点单位要按照《某办法》要求配合
    # 做好相关工作': no piece of work is named; a named work after 按照…要求 stays a task
    text = ("三、各级各部门要按照《某条例》等法律法规要求,认真做好普查各项工作。"
            "各重点单位要按照《某办法》要求配合做好相关工作。各区县人民政府要按照《某办法》要求,于3月31日前完成设备安装。")
    facts, _ = _facts(text)
    assert _tasks(facts) == [((), ("各区县人民政府",), "2020-03-31")]


def test_a_front_matter_line_naming_the_issuer_is_no_duty():
    # ext-349: '发布单位: 上海市某监督管理局' (a Markdown copy's front matter): 市场 + 监督 is no unit and verb
    text = "---\n发布单位: 甲市市场监督管理局\n---\n各区县人民政府要于3月31日前完成设备安装。"
    facts, _ = _facts(text)
    assert _tasks(facts) == [((), ("各区县人民政府",), "2020-03-31")]


def test_a_phone_line_is_no_duty():
    # ext-352: '…同时设立举报电话,欢迎市民举报…。县城管大队:6783 848县公安局:110': numbers, not duties
    text = "五、城管执法部门要及时劝阻违规燃放行为。同时设立举报电话。县城管大队:6783 848县公安局:110\n"
    facts, _ = _facts(text)
    assert [t[1] for t in _tasks(facts)] == [("城管执法部门",)]


def test_the_site_is_no_unit():
    # ext-353: '现场应确保为相关监测设备提供稳定的电源': 现场 (the site; unit_words.tsv not_alone) is no unit, 现场指挥部 is
    from govgraph.loaders.mentions import is_unit_like
    assert not is_unit_like("现场") and is_unit_like("县现场指挥部") and is_unit_like("国有农场")
    text = "(五)现场应确保为相关监测设备提供稳定的电源。县甲局要于3月31日前完成设备安装。"
    facts, _ = _facts(text)
    assert [t[1] for t in _tasks(facts)] == [("县甲局",)]


def test_a_bans_period_is_no_deadline():
    # ext-351: '一、戒严期限:2019年3月21日至5月31日' (ban_words.txt): the ban's period, not the time of the work; a work
    # period head ('一、整改时间') still dates the notice's undated tasks
    text = ("一、戒严期限:2020年3月21日至5月31日。\n二、戒严区域:全市林区。\n"
            "三、各区县政府要切实落实防火责任,加强巡查巡护。")
    facts, _ = _facts(text)
    assert _tasks(facts) == [((), ("各区县政府",), None)]
    facts, _ = _facts(text.replace("戒严期限", "整改时间"))
    assert _tasks(facts) == [((), ("各区县政府",), "2020-05-31")]


def test_a_reply_asks_the_towns_sharing_one_government_ending():
    # ext-347: a 批复 to '甲、乙、丙镇人民政府:' (places sharing the last one's government) asking '请你们自批准之日起,
    # 10个月内完成变更,并向区政府报告': each town's government, the counted period as its due text
    text = ("甲山、乙水、丙石镇人民政府:\n你们申请的撤镇设街道工作已经批准同意。现批复如下:\n同意撤销甲山镇,设立甲山街道。\n"
            "请你们自批准之日起,10个月内完成变更,并向区政府报告。\n")
    facts, _ = _facts(text, title="某区人民政府关于撤销甲山等3个镇建制设立相应街道的批复")
    tasks = [f for f in facts if f["kind"] == "task"]
    assert [(t["responsible"], t["due"], t.get("due_text")) for t in tasks] == [
        (["甲山镇人民政府", "乙水镇人民政府", "丙石镇人民政府"], None, "自批准之日起,10个月内")]


def test_one_each_over_kinds_of_business_is_one_collective():
    # ext-349: '各相关燃气和热力能源销售、转供公司(附件)要高度重视…,确保…于2021年11月底前…上传…': one 各 over kinds
    # of business before one ending (公司/企业), as written, the note sending to the attachment left out
    text = "三、各相关甲和乙能源销售、转供公司(附件)要高度重视数据监测工作,确保数据于2020年11月底前上传至本市系统。"
    facts, _ = _facts(text)
    assert _tasks(facts) == [((), ("各相关甲和乙能源销售、转供公司",), "2020-11-30")]


def test_a_units_other_name_in_square_brackets_is_no_part_of_it():
    # ext-349: '上海市某研究院[国家某中心(上海)]要积极开展调研,…': the unit before its other name
    text = "四、甲市计量测试技术研究院[国家甲乙计量中心(甲市)]要积极开展调研,做好数据接入技术支撑。"
    facts, _ = _facts(text)
    assert _tasks(facts) == [((), ("甲市计量测试技术研究院",), None)]


def test_a_head_signing_an_order_with_a_colon():
    # ext-351: a 政府令 signed '市長:NAME' on its line, then the date: the head's post as of that date (a bare title of
    # two characters before the colon, as '某区副区长:A、B' of round 22)
    text = "甲市人民政府令第1号\n为保护森林资源,特发布本令。\n市长:张三丰\n2019年3月20日\n"
    facts, _ = _facts(text, issuer="甲市人民政府", date="2019-03-20", doc="甲政令〔2019〕1号")
    assert [(f["person"], f["unit"], f["title"], f.get("as_of")) for f in facts if f["kind"] == "post"] == [
        ("张三丰", "市人民政府", "市长", "2019-03-20")]


def test_the_notices_own_rules_carried_out_by_units():
    # ext-354: '本补充规定由禁放区乡镇(街道)、县直各有关单位组织实施': the units after 由; who interprets them is no task
    text = "第三条 本补充规定由甲区乡镇(街道)、县直各有关单位组织实施。\n第四条 本规定由县公安局负责解释。"
    facts, _ = _facts(text)
    assert _tasks(facts) == [((), ("甲区乡镇(街道)", "县直各有关单位"), None)]


def test_units_a_ban_picks_out_then_a_comma_and_the_modal():
    # ext-354: '禁止燃放烟花爆竹的乡镇(街道),应当将…纳入网格化管理': a qualified collective (qualifier_openers.txt 禁止),
    # a comma, then the modal: the units as written
    text = "第三条 禁止燃放烟花爆竹的乡镇(街道),应当将禁放工作纳入网格化管理,开展宣传活动。"
    facts, _ = _facts(text)
    assert _tasks(facts) == [((), ("禁止燃放烟花爆竹的乡镇(街道)",), None)]


def test_the_closing_formula_ends_the_last_duty():
    # ext-353: '…,要督促整改。\n\n特此通知。\n\n某市水务局\n\n2025年12月16日' at the copy's end: the formula, the
    # issuer and the date are no part of the last duty's text
    text = "(三)严格监督检查。各级甲部门要加大检查力度,对发现的问题要督促整改。\n\n特此通知。\n\n甲市水务局\n\n2020年12月16日"
    facts, _ = _facts(text)
    tasks = [f for f in facts if f["kind"] == "task"]
    assert len(tasks) == 1 and "特此通知" not in tasks[0]["text"] and "特此通知" not in tasks[0]["evidence"]["text"]


def test_reported_to_a_congress_is_no_part_of_its_place():
    # ext-348: '…接受某某辞去甲市人民政府市长职务的请求,报甲市人民代表大会备案': 报 (reported to) opens no place's name
    from govgraph.loaders.places import jurisdiction
    from govgraph.notice import Notice
    text = ("当前位置: 首页 > 选举任免\n(2025年2月15日甲昌市第八届人民代表大会常务委员会第二十一次会议通过)\n"
            "甲昌市第八届人民代表大会常务委员会第二十一次会议决定:接受张三辞去甲昌市人民政府市长职务的请求,报甲昌市人民代表大会备案。\n")
    j = jurisdiction(Notice(doc="t", text=text, title=None, date="2025-02-15", issuer=None, source="t.txt"))
    assert j.place == "甲昌市"
