"""Round 25's layouts (rotation rot31), on snippets shaped like real notices (ext-368..377, formal notices of new
places, dev from round 25).

Each test builds the notice directly (doc, date as the header would give them) and checks every
fact's evidence, as tests/test_round23_real.py does. Names and places are made up.
"""

from __future__ import annotations

from snippets import snippet_facts as _facts
from snippets import snippet_tasks as _tasks


def _posts(facts):
    return sorted((f["person"], f["unit"], f["title"]) for f in facts if f["kind"] == "post")


def test_a_bare_title_acted_in_is_of_the_government_written_before_the_name():
    # ext-369: '…会议决定:某市人民政府副市长A代理市长' (no 职务 after it): the acting post is the city government's
    for tail in ("代理市长。", "代理市长职务。"):
        text = "根据有关规定,甲乙市第四届人民代表大会常务委员会第十九次会议决定:甲乙市人民政府副市长张三" + tail
        facts, _ = _facts(text, date="2019-08-29")
        assert _posts(facts) == [("张三", "甲乙市人民政府", "代理市长"), ("张三", "甲乙市人民政府", "副市长")]
