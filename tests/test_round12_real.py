"""Round 12's layouts, on snippets shaped like real notices (ext-130..153, dev from round 12).

Each test builds the notice directly (doc, date as the header would give them) and checks every
fact's evidence, as tests/test_round11_real.py does. The units' places are made up.
"""

from __future__ import annotations

from snippets import snippet_facts as _facts


def _tasks(facts):
    return [(tuple(f["lead"]), tuple(f["responsible"]), f["due"]) for f in facts if f["kind"] == "task"]


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
    assert units.count("其他责任单位") == 1
