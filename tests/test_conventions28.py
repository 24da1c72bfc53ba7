"""Round 28's gold conventions (docs/extraction.md, "Gold conventions decided in round 28"), on snippets shaped
like the dev notices that raised them. Names and places are made up.
"""

from __future__ import annotations

from snippets import snippet_facts as _facts
from snippets import snippet_tasks as _tasks


def test_fields_sharing_one_departments_word_are_kept_bare():
    # ext-77 '统计、国税、地税部门要…', ext-336 '发展改革、财政部门2017年3月底前拨付…' and '全省各级财政、税务等部门要…':
    # each field as written, the shared 部门 dropped (the sample's '区建设、水务、园林、城管、公安等部门')
    facts, _ = _facts("各县区人民政府:\n一、统计、国税、地税部门要准备好各项统计数据。\n")
    assert _tasks(facts) == [((), ("统计", "国税", "地税"), None)]
    facts, _ = _facts("各县区人民政府:\n一、发展改革、财政部门2020年3月底前拨付前期工作经费。\n")
    assert _tasks(facts) == [((), ("发展改革", "财政"), "2020-03-31")]
    facts, _ = _facts("各县区人民政府:\n一、全省各级财政、税务等部门要加大财源培育力度,确保收入增长。\n")
    assert _tasks(facts) == [((), ("全省各级财政", "税务"), None)]


def test_units_and_fields_before_one_departments_word():
    # ext-239 '市经济委、环保局、国土资源、规划…等部门要…': the units as named (环保局 with the first's level), the fields bare
    facts, _ = _facts("各县区人民政府:\n一、市经济委、环保局、国土资源、规划、公安等部门要全力以赴,确保清理工作按期完成。\n")
    assert _tasks(facts) == [((), ("市经济委", "市环保局", "国土资源", "规划", "公安"), None)]


def test_the_samples_fields_stay_bare():
    # the sample's own form, unchanged
    facts, _ = _facts("各街道办事处:\n一、区建设、水务、园林、城管等部门要做好道路清扫保洁工作。\n")
    assert _tasks(facts) == [((), ("区建设", "水务", "园林", "城管"), None)]


def test_a_request_to_cooperate_is_no_task():
    # ext-14: '其他责任单位要积极履行配合职责,服从主要责任单位的调度安排,确保工作推进顺利' (the sample's
    # '各责任单位要接受牵头单位的调度,…积极配合…' is none too); the lead's own piece of work beside it stays a task
    text = ("各乡镇人民政府,县直各部门:\n一、压实责任。主要责任单位要建立协作机制,主动对接其他责任单位;"
            "其他责任单位要积极履行配合职责,服从主要责任单位的调度安排,确保工作推进顺利。\n")
    facts, _ = _facts(text)
    assert _tasks(facts) == [((), ("主要责任单位",), None)]


def test_fields_and_a_collective_joined_after_them():
    # ext-380: '发展改革、财政、…、通信等部门和有关军事机关应当按各自职责,…': the fields bare, the collective as written
    text = "各县区人民政府:\n一、发展改革、财政、公安、通信等部门和有关军事机关应当按各自职责,做好人工影响天气相关工作。\n"
    facts, _ = _facts(text)
    assert _tasks(facts) == [((), ("发展改革", "财政", "公安", "通信", "有关军事机关"), None)]


def test_a_kind_of_enterprise_named_by_the_notice_is_no_assignee():
    # ext-359: '…的企业…(以下简称承储企业)…。第十四条 承储企业应当加强…': the regulated, not the government's units
    # (the shared gold leaves 物业服务企业's and 供应企业's duties); the bureau's duty beside it stays
    text = ("第八条 承储甲粮的企业应具有独立法人资格(以下简称承储企业),建立健全内控管理制度。"
            "第九条 市甲局负责甲粮行政管理。第十一条 承储企业应当加强仓储设施建设和维护。")
    facts, _ = _facts(text)
    assert _tasks(facts) == [((), ("市甲局",), None)]
