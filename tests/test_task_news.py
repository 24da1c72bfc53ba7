"""Deadlines in news and speech sentences of a notice with no date and no document number
(round 11, L-due-news): the year the text gives as the present one dates them; made-up snippets,
none from a notice."""

from __future__ import annotations

from tests.snippets import snippet_facts


def _dues(text: str):
    facts, warnings = snippet_facts(text, doc="测试新闻", date=None)
    return sorted((tuple(f["responsible"]), f["due"]) for f in facts if f["kind"] == "task"), warnings


def test_numbered_meeting_gives_the_year():
    dues, _ = _dues("6月2日上午,区长主持召开区政府2023年第9次常务会议。会议要求,区教育局要抓紧完成校舍排查,"
                    "确保8月底前全部整改到位。")
    assert dues == [(("区教育局",), "2023-08-31")]


def test_year_still_running_gives_the_year():
    dues, _ = _dues("副县长强调,2020年只剩两个月,各乡镇要倒排工期,确保于11月30日前完成道路硬化任务。")
    assert dues == [(("各乡镇",), "2020-11-30")]


def test_dateline_gives_the_year():
    dues, _ = _dues("2017年4月6日,市政府召开防汛工作会议。\n会议要求,市水务局要在5月底前完成堤防隐患排查。")
    assert dues == [(("市水务局",), "2017-05-31")]


def test_year_reported_on_is_no_evidence():
    dues, _ = _dues("市政府召开会议,听取2018年度环境状况报告。会议要求,市生态环境局要在6月底前完成整改。")
    assert dues == [(("市生态环境局",), None)]


def test_two_present_years_refused_with_a_warning():
    dues, warnings = _dues("2021年12月28日,县政府召开会议,部署2022年第1次常务会议议题。会议要求,县财政局要在"
                           "3月底前完成预算公开。")
    assert dues == [(("县财政局",), None)]
    assert any("several present years" in w for w in warnings)


def test_a_dated_notice_keeps_its_own_year():
    facts, _ = snippet_facts("县政府2019年第3次常务会议要求,县交通局要在9月底前完成道路改造。", date="2020-03-01")
    assert [f["due"] for f in facts if f["kind"] == "task"] == ["2020-09-30"]
