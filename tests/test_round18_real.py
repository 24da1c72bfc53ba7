"""Round 18's layouts, on snippets shaped like real notices (ext-202..225, dev from round 18).

Each test builds the notice directly (doc, date as the header would give them) and checks every
fact's evidence, as tests/test_round13_real.py does. Names and places are made up.
"""

from __future__ import annotations

from snippets import snippet_facts as _facts


def _posts(facts: list[dict]) -> list[tuple]:
    return sorted((f["person"], f["unit"], f["title"], bool(f.get("former")), f.get("end"))
                  for f in facts if f["kind"] == "post")


def test_a_removal_run_with_tongzhi_in_place_of_de():
    # ext-224: 免去A同志X职务、B同志Y职务 (同志 where the run usually writes 的)
    text = "会议进行了相关人事任免,票决同意免去张三同志某市人民政府市长职务、李四同志某市人民政府副市长职务。"
    facts, _ = _facts(text, date="2021-10-09")
    assert _posts(facts) == [("张三", "某市人民政府", "市长", True, "2021-10"),
                             ("李四", "某市人民政府", "副市长", True, "2021-10")]


def test_a_single_removal_with_tongzhi_is_unchanged():
    facts, _ = _facts("会议决定免去张三同志某市人民政府市长、某市委副书记职务。", date="2021-10-09")
    assert _posts(facts) == [("张三", "某市人民政府", "市长", True, "2021-10"),
                             ("张三", "某市委", "副书记", True, "2021-10")]
