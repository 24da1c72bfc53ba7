"""Round 26's layouts (rotation rot32), on snippets shaped like real notices (ext-378..385, formal notices of new
places, dev from round 26).

Each test builds the notice directly (doc, date as the header would give them) and checks every
fact's evidence, as tests/test_round24_real.py does; the header's own rules are checked through
split_notices. Names and places are made up.
"""

from __future__ import annotations

from snippets import snippet_facts as _facts

from govgraph.loaders.splitting import split_notices


def _posts(facts):
    return sorted((f["person"], f["unit"], f["title"]) for f in facts if f["kind"] == "post")


def _memberships(facts):
    return sorted((f["member"], f["role"]) for f in facts if f["kind"] == "membership")


def test_a_copy_that_starts_inside_the_body_has_no_head_date():
    # ext-378: a forum's copy opens at '(六)…' and its '(一)时间:2008年2月19日—23日' is the event's, not the notice's
    text = ("(六)出版发行《某花》一书\n(七)民俗文艺演出\n六、时间、地点\n(一)时间:2008年2月19日—23日\n(二)地点:某街\n"
            "八、组织领导机构。某州人民政府成立某会筹备领导组,负责会务筹备。\n组 长:张 三 某州人民政府副州长\n")
    notices, _ = split_notices(text, "甲.txt")
    assert [n.date for n in notices] == [None]
    # a plan with its title first keeps its event's date under 二、活动时间 (as before)
    text = "某市某协会\n某宣传活动\n一、活动主题\n某主题\n二、活动时间\n2020年4月24日(星期五)上午8点30\n"
    notices, _ = split_notices(text, "乙.txt")
    assert [n.date for n in notices] == ["2020-04-24"]
