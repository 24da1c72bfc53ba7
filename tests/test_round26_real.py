"""Round 27's layouts (rotation rot33), on snippets shaped like real notices (ext-386..388, formal notices of new
places, dev from round 27).

Each test builds the notice directly (doc, date as the header would give them) and checks every
fact's evidence, as tests/test_round25_real.py does. Names and places are made up.
"""

from __future__ import annotations

from snippets import snippet_facts as _facts
from snippets import snippet_tasks as _tasks


def test_a_task_splits_bare_roles_in_its_covering_letter_are_their_units_duties():
    # ext-386: '牵头单位要履行好牵头抓总责任,…' and '配合单位要树立大局观念,…配合牵头单位落实工作任务' where the split is
    # not in the copy: each role's units, one collective as written; '市政府负责领导要…' names persons, no unit's duty
    text = ("各县区人民政府,市政府各部门:\n现将《甲市重点任务分工方案》印发给你们,并提出如下要求。\n一、落实责任\n"
            "需要多个部门参与的工作,牵头单位要履行好牵头抓总责任,搞好组织落实。配合单位要树立大局观念,全力支持牵头单位落实工作任务。\n"
            "二、强化调度\n市政府负责领导要按节点抓好工作调度。牵头单位要对重点任务实行台账管理,及时向市政府报告相关情况。\n")
    facts, _ = _facts(text)
    assert _tasks(facts) == [((), ("牵头单位",), None), ((), ("配合单位",), None), ((), ("牵头单位",), None)]
    # 负责领导 + work is a unit's duty still
    facts, _ = _facts("各乡镇:\n一、县政府负责领导全县的防汛工作。\n")
    assert _tasks(facts) == [((), ("县政府",), None)]


def test_bare_roles_asked_only_for_attention_or_described_are_no_task():
    # ext-312: '责任单位要主动配合,听从调度,…' (an exhortation); loc-17: '牵头单位要把高质量发展作为根本要求,…';
    # ext-179: '…分工负责,责任单位负责组织实施,…' (a chain of responsibility, 负责 not read for a bare role)
    text = ("各县区人民政府:\n一、落实责任\n责任单位要主动配合,听从调度,积极配合牵头单位抓好推进落实。\n"
            "二、协调推进\n牵头单位要把高质量发展作为根本要求,加大指导和协调力度。\n"
            "三、压实责任\n重点工作由市长总负责,分管副市长分工负责,责任单位负责组织实施。\n")
    facts, _ = _facts(text)
    assert _tasks(facts) == []


def test_a_policy_reading_restates_the_splits_roles():
    # ext-125: '《…分工方案》政策解读': its '各责任单位要…' and '牵头单位要…' restate the split's requirements
    text = "各责任单位要明确所承担重点工作的具体措施和完成时限。牵头单位要发挥组织协调、统筹推进作用。\n"
    facts, _ = _facts(text, title="《甲市重点工作任务分工方案》政策解读")
    assert _tasks(facts) == []
    facts, _ = _facts(text, title="关于印发甲市重点工作任务分工方案的通知")
    assert [t[1] for t in _tasks(facts)] == [("各责任单位",), ("牵头单位",)]


def test_a_rules_business_named_first_then_the_unit_in_charge():
    # ext-388: '会议材料由某处负责收集,于会前…分送会议参加人员' (参加 after the comma names no staffing),
    # '会议记录由某处负责,必要时进行录音', '会务工作由某处牵头,乙处等相关处室配合落实'
    text = ("甲市人民政府会议制度\n(三)工作程序。\n1.会议材料由办公室秘书处负责收集,于会前1至2天分送会议参加人员。\n"
            "2.会议记录由办公室秘书处负责,必要时进行录音。\n3.会务工作由办公室秘书处牵头,行政处等相关处室配合落实。\n")
    facts, _ = _facts(text)
    assert _tasks(facts) == [((), ("办公室秘书处",), None), ((), ("办公室秘书处",), None),
                             (("办公室秘书处",), ("行政处",), None)]
    # a body's staffing after 由 stays unread
    facts, _ = _facts("各单位:\n一、由甲局、乙局选派人员参加。\n")
    assert _tasks(facts) == []


def test_a_connective_opening_a_sentence_is_no_part_of_its_subject():
    # ext-387: '同时,建设局对县城区的其他绿化点在5个工作日内搞好设计,…' (no date: the days count from an unstated day)
    facts, _ = _facts("县直各单位:\n  二、该点由甲局负责。同时,乙局对县城区的其他绿化点在5个工作日内搞好设计,统筹划分责任区。\n")
    assert _tasks(facts)[-1] == ((), ("乙局",), None)
    assert [f["evidence"]["text"][:2] for f in facts if f["kind"] == "task"][-1] == "乙局"


def test_a_date_with_its_part_of_the_day_is_no_signature():
    # ext-387: '于2009年2月18日下午3:30时前往现场' is an event's time, not the signature the notice ends with
    facts, _ = _facts("县直各单位:\n  五、甲局于2009年2月18日下午3:30前报送材料。\n")
    assert [f["text"] for f in facts if f["kind"] == "task"] == ["于2009年2月18日下午3:30前报送材料。"]


def test_a_request_to_counted_units_named_in_brackets_led_by_a_unit():
    # ext-387: '请该绿化点的九个责任区牵头单位(A、B、…)派负责人1名,由某局牵头组织于…前往现场': the units asked do it,
    # the unit after 由…牵头 leads them; a unit in both lists (林业局 of 自治县林业局) stays the lead only
    text = ("县直各单位:\n  三、请该绿化点的三个责任区牵头单位(甲办、乙局、林业局)派负责人(或工作人员)1名,"
            "由自治县林业局牵头组织于2009年2月18日下午3:30时前往现场熟悉场地。\n")
    facts, _ = _facts(text)
    assert _tasks(facts) == [(("自治县林业局",), ("甲办", "乙局"), "2009-02-18")]
    # a count that does not match the names in brackets: no guess
    facts, _ = _facts(text.replace("三个", "五个"))
    assert all(t[1] == () for t in _tasks(facts))


def test_a_lead_organising_the_units_its_paragraph_just_named():
    # ext-387: '某绿化点补充责任单位:财政局。该绿化点由建设局牵头组织责任单位于…前挖好植树坑': 该X before 由 is the topic;
    # the 责任单位 organised are the ones the label right before names
    text = ("县直各单位:\n  二、县城甲路绿化点补充责任单位:乙局。该绿化点由甲局牵头组织责任单位于2009年2月18日前挖好植树坑,"
            "19日统一种植。\n")
    facts, _ = _facts(text)
    assert _tasks(facts) == [(("甲局",), ("乙局",), "2009-02-18")]
    # no label in the sentence right before: the lead alone, no guess at the units
    facts, _ = _facts(text.replace("补充责任单位:乙局。", "补充一个绿化点。"))
    assert _tasks(facts) == [(("甲局",), (), "2009-02-18")]


def test_a_cut_copys_last_words_inside_an_open_bracket_are_no_title():
    # ext-203: '各牵头单位要组织相关责任单位,认真研究制定…具体实施方案和具体工作计划(工作计划' ends the copy
    text = "吴镇人民政府,各办局室:\n二、压紧工作责任\n各牵头单位要组织相关责任单位,认真研究制定具体实施方案和具体工作计划(工作计划\n"
    facts, _ = _facts(text)
    assert _tasks(facts) == [((), ("各牵头单位",), None)]
    # a title line (no open bracket) stays one
    facts, _ = _facts("吴镇人民政府,各办局室:\n甲镇2020年重点工作计划\n")
    assert _tasks(facts) == []


def test_a_splits_main_responsible_units_and_their_dated_plan():
    # ext-14: '主要责任单位要切实履行主职主责,…'; '各主要责任单位要对照目标任务,…制订…具体实施方案,…。各项工作任务的
    # 主要责任单位要将实施方案…于2021年3月15日前报县政府督查室备案': the plan asked for, sent by a date, dates that duty;
    # '各主要责任单位要主动协调,…' restates (an exhortation)
    text = ("各乡镇人民政府,县直各单位:\n一、压实责任。主要责任单位要切实履行主职主责,建立协作机制,带头推进工作落实。\n"
            "二、细化方案。各主要责任单位要对照目标任务,科学研究制订具体实施方案,细化量化工作任务。各项工作任务的主要责任单位要"
            "将实施方案报县政府分管领导审查签字后,于2021年3月15日前报县政府督查室备案。\n"
            "三、加强调度。各主要责任单位要主动协调,其他责任单位要积极配合。\n")
    facts, _ = _facts(text, date="2021-02-01")
    assert _tasks(facts) == [((), ("主要责任单位",), None), ((), ("各主要责任单位",), "2021-03-15")]


def test_the_plan_a_duty_asked_for_sent_in_by_a_date_dates_it():
    # ext-169: '各牵头单位要…共同研究制定相关任务的实施方案。实施方案包括…,经…签字,…于2月3日前报送市政府督查室。'
    text = ("各区人民政府,市政府各部门:\n二、制定实施方案。各牵头单位要迅速组织责任单位,共同研究制定相关任务的实施方案。"
            "实施方案包括项目名称、年度目标等,经牵头单位主要负责人签字,于2月3日前报送市政府督查室。\n")
    facts, _ = _facts(text, date="2019-01-20")
    assert _tasks(facts) == [((), ("各牵头单位",), "2019-02-03")]
    # a product the duty before did not ask for: no date given to it
    facts, _ = _facts(text.replace("实施方案包括", "工作总结包括"), date="2019-01-20")
    assert _tasks(facts)[0] == ((), ("各牵头单位",), None)


def test_each_doing_its_share_by_its_duties_is_an_exhortation():
    # ext-279: '各地各单位要根据各自的职责分工,密切配合,共同做好经济普查工作' (as round 23's '按照职能分工,…')
    facts, _ = _facts("各乡镇:\n一、各地各单位要根据各自的职责分工,密切配合,共同做好经济普查工作。\n")
    assert _tasks(facts) == []
    facts, _ = _facts("各乡镇:\n一、各地各单位要根据各自的职责分工,于5月底前完成普查登记。\n")
    assert [t[2] for t in _tasks(facts)] == ["2020-05-31"]


def test_attention_asked_of_collectives_is_no_task():
    # dev covering letters (ext-169, ext-311, ext-312, 湘政办发〔2009〕24号): the height to see it from, attention, awareness
    for s in ("各级各有关部门要从讲政治、讲大局的高度,把就业摆在当前工作的首位,千方百计促进就业。",
              "各单位要站在全街道建设发展的高度,认真完成各项工作。",
              "各责任单位要切实加强组织领导,主要领导要亲自部署。",
              "各级各部门要进一步强化认识,把台账管理作为抓落实的基础性工作。",
              "各地各部门要强化责任意识、大局意识,按照责任分工,高位推动。",
              "各责任单位要主动履责、接受调度,共同推进工作落实。"):
        facts, _ = _facts("各乡镇:\n一、" + s + "\n")
        assert _tasks(facts) == [], s


def test_a_duty_ends_where_other_units_are_exhorted():
    # ext-169: '各牵头单位要切实履行牵头抓总、…协调各方的责任,各责任单位要主动履责、接受调度,共同推进工作落实。'
    facts, _ = _facts("各乡镇:\n一、各牵头单位要切实履行牵头抓总、协调各方的责任,各责任单位要主动履责、接受调度,共同推进工作落实。\n")
    assert [(t["responsible"], t["text"]) for t in facts if t["kind"] == "task"] == \
        [(["各牵头单位"], "要切实履行牵头抓总、协调各方的责任")]
