"""Tasks the rules read in part (round 11): a partner list cut at an unusual separator, a label or a
clause taken for a unit, a deadline without its year. Made-up snippets of the shapes found in the
held-out sets at their rotation (ext-70..129), in other wording: the mechanism, not a notice's sentence.
"""

from __future__ import annotations

import pytest
from snippets import snippet_facts


def _tasks(text, **kw):
    facts, _ = snippet_facts(text, **kw)
    return [(f["lead"], f["responsible"], f["due"]) for f in facts if f["kind"] == "task"]


_ITEM = "(一)完成供地工作。"


@pytest.mark.parametrize("bracket, lead, resp, due", [
    # separators between the units of one label
    ("(牵头单位:县发改局;配合单位:县财政局/县住建局/县气象局)", ["县发改局"], ["县财政局", "县住建局", "县气象局"], None),
    ("(牵头单位:县发改局;配合单位:县财政局 县住建局 县气象局)", ["县发改局"], ["县财政局", "县住建局", "县气象局"], None),
    # labels apart by a layout space only, or a kind in brackets after the label
    ("(牵头单位:县发改局  配合单位:县财政局、县住建局)", ["县发改局"], ["县财政局", "县住建局"], None),
    ("(牵头单位:县发改局  责任单位:县财政局、县住建局  完成时限:2020年6月)", ["县发改局"], ["县财政局", "县住建局"],
     "2020-06-30"),
    ("(牵头单位:县发改局;配合单位(部门):县财政局、县住建局)", ["县发改局"], ["县财政局", "县住建局"], None),
    # labels in other wordings (data/task_labels.tsv)
    ("(牵头单位:县发改局;协助单位:县财政局、县住建局)", ["县发改局"], ["县财政局", "县住建局"], None),
    ("(牵头处室:县发改局;责任科室:县财政局)", ["县发改局"], ["县财政局"], None),
    ("(主体责任单位:县发改局;协助单位:县财政局)", ["县发改局"], ["县财政局"], None),
    ("(牵头单位:县发改局;配合单位:县财政局;时间安排:6月底前)", ["县发改局"], ["县财政局"], "2020-06-30"),
    ("(牵头单位:县发改局;配合单位:县财政局;完成时间节点:2020年9月底前)", ["县发改局"], ["县财政局"], "2020-09-30"),
    # a deadline as the last comma clause of the bracket
    ("(责任单位:县发改局、县财政局,6月底前完成)", [], ["县发改局", "县财政局"], "2020-06-30"),
    ("(县发改局牵头,县财政局、县住建局配合,6月底前完成)", ["县发改局"], ["县财政局", "县住建局"], "2020-06-30"),
    # 【…】 is one bracket, read once
    ("【牵头单位:县发改局;配合单位:县财政局、县住建局】", ["县发改局"], ["县财政局", "县住建局"], None),
])
def test_an_assignment_bracket_read_whole(bracket, lead, resp, due):
    assert _tasks(_ITEM + bracket, date="2020-03-10") == [(lead, resp, due)]


@pytest.mark.parametrize("sentence, lead, resp", [
    ("核查结束后由区住建局牵头,督促各街道在10月25日前全面整改到位。", ["区住建局"], ["各街道"]),
    ("验收完成后由区水务局牵头组织复查。", ["区水务局"], []),
    ("资金拨付后由区财政局负责绩效评价。", [], ["区财政局"]),
    ("项目建成后交由区城管局负责日常管护。", [], ["区城管局"]),
])
def test_the_time_a_sentence_opens_with_is_no_part_of_the_unit(sentence, lead, resp):
    got = _tasks("一、工作要求\n" + sentence, date="2020-03-10")
    assert [(t[0], t[1]) for t in got] == [(lead, resp)]


def test_a_unit_list_apart_by_slashes_in_a_labelled_line():
    text = "一、重点任务\n(一)推进供地工作。\n牵头单位:县发改局\n配合单位:县财政局/县自然资源局\n完成时限:9月底前\n"
    assert _tasks(text, date="2021-03-01") == [(["县发改局"], ["县财政局", "县自然资源局"], "2021-09-30")]


def test_a_name_written_with_a_space_inside_stays_one():
    got = _tasks(_ITEM + "(牵头单位:县发改局;配合单位:县财 政局)", date="2020-03-10")
    assert got == [(["县发改局"], ["县财政局"], None)]


def test_an_undated_report_dates_a_deadline_only_by_a_present_year():
    # no date line, no document number: a year the text reports on (2019年工作总结) or aims at (到2025年)
    # need not be the notice's, so the deadline keeps no date (a guessed year would be a wrong fact);
    # a numbered meeting of a year (2019年第3次县长办公会议) is that year's (loaders/news_year.py)
    def due(text):
        facts, _ = snippet_facts(text, doc="某县会议", date=None)
        return [(f["responsible"], f.get("due")) for f in facts if f["kind"] == "task"]
    undated = ("4月2日上午,某县听取2019年工作总结,研究部署到2025年的乡村建设工作。\n"
               "会议要求,县住建局要加快推进,于5月20日前完成危房鉴定。")
    assert due(undated) == [(["县住建局"], None)]
    # and a warning names the notice and the words left undated (coverage.py)
    facts, warnings = snippet_facts(undated, doc="某县会议", date=None)
    assert any("left without a date" in w and "5月20日前" in w and "[某县会议]" in w for w in warnings)
    from govgraph.loaders.coverage import notice_row
    from govgraph.notice import Notice
    row = notice_row(Notice(doc="某县会议", text=undated, source="snippet.txt"), facts, warnings)
    assert row["not read"] == "dates of 1 deadline(s)"
    assert due("4月2日上午,某县召开2019年第3次县长办公会议,研究部署到2025年的乡村建设工作。\n"
               "会议要求,县住建局要加快推进,于5月20日前完成危房鉴定。") == [(["县住建局"], "2019-05-20")]


def test_a_dated_notice_keeps_its_own_year():
    text = "一、工作要求\n县住建局要加快推进,力争10月底前完成改造,为2023年打好基础。"
    got = _tasks(text, date="2021-06-01")
    assert got == [([], ["县住建局"], "2021-10-31")]


@pytest.mark.parametrize("sentence, lead, resp, due", [
    # the partners of a unit in charge, and of a lead, with other partner words
    ("区民政局负责,区财政局、区人社局配合,8月底前完成摸底。", [], ["区民政局", "区财政局", "区人社局"], "2020-08-31"),
    ("区民政局牵头,区财政局、区人社局参与,8月底前完成摸底。", ["区民政局"], ["区财政局", "区人社局"], "2020-08-31"),
    ("区民政局牵头,各街道具体实施,8月底前完成摸底。", ["区民政局"], ["各街道"], "2020-08-31"),
    ("区民政局牵头,会同区财政局、区人社局开展摸底。", ["区民政局"], ["区财政局", "区人社局"], None),
    # a subject's units listed with commas
    ("区民政局,区残联,各街道要开展摸底,8月底前报送结果。", [], ["区民政局", "区残联", "各街道"], "2020-08-31"),
    # 号 for 日 in a date
    ("区民政局要在8月20号前完成摸底。", [], ["区民政局"], "2020-08-20"),
])
def test_partners_and_deadlines_in_a_duty_sentence(sentence, lead, resp, due):
    assert _tasks("一、工作要求\n" + sentence, date="2020-03-10") == [(lead, resp, due)]


def test_a_clause_dating_every_duty_of_its_sentence():
    text = "一、工作要求\n区民政局要做好摸底,区财政局要做好资金保障,上述工作均于8月底前完成。"
    assert _tasks(text, date="2020-03-10") == [([], ["区民政局"], "2020-08-31"), ([], ["区财政局"], "2020-08-31")]


def test_a_due_label_after_a_duty_dates_it():
    text = "一、工作要求\n(一)区民政局要做好摸底。(完成时限:8月底前)\n(二)区财政局要做好资金保障。"
    assert _tasks(text, date="2020-03-10") == [([], ["区民政局"], "2020-08-31"), ([], ["区财政局"], None)]


def test_a_word_of_quantity_is_no_unit():
    # 全部 ends like a unit (…部) but names none
    text = "一、工作要求\n区民政局要做好摸底,并于每月5日前报送进展,8月底前全部完成。"
    got = _tasks(text, date="2020-03-10")
    assert [t[1] for t in got] == [["区民政局"]]
