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
