"""Round 24's layouts (rotation rot30), on snippets shaped like real notices (ext-357..367, formal notices of new
places, dev from round 24).

Each test builds the notice directly (doc, date as the header would give them) and checks every
fact's evidence, as tests/test_round22_real.py does. Names and places are made up.
"""

from __future__ import annotations

from snippets import snippet_facts as _facts
from snippets import snippet_tasks as _tasks


def test_a_commissions_second_plate_in_brackets_is_no_unit_of_its_own():
    # ext-359: '市发展改革委(市粮食和物资储备局)负责…': a commission with a bureau's plate, one body; a party
    # department's bracketed bureau stays two entries (sh-14's gold), sub-offices stay apart
    from govgraph.loaders.assignees import split_assignees
    text = "第五条 市发展改革委（市甲乙储备局）、市财政局应当根据市场需求,适时调整储备品种结构。"
    facts, _ = _facts(text)
    assert _tasks(facts) == [((), ("市发展改革委", "市财政局"), None)]
    assert split_assignees("区委组织部(区公务员局)") == ["区委组织部", "区公务员局"]
    assert split_assignees("区委宣传部(区文明办、区政府新闻办)") == ["区委宣传部", "区文明办", "区政府新闻办"]


def test_the_seat_of_a_body_is_no_unit_ending_in_suo():
    # ext-359: '市人民政府所在地某区人民政府和某经开区管委会建立…': 所在地 is one word (where they sit), the units after it
    text = "第十一条 市人民政府所在地甲乙区人民政府和丙丁经开区管委会建立不低于10天市场供应量的成品粮油储备。"
    facts, _ = _facts(text)
    assert _tasks(facts) == [((), ("甲乙区人民政府", "丙丁经开区管委会"), None)]


def test_a_modal_or_a_condition_caught_with_the_subject_is_no_unit():
    # ext-359: '承储企业应当积极配合市某委(市某局)、市财政局等部门依法开展的监督检查工作' and '必要时经市某委会同市财政局批准后,
    # 可采取…': 应当 stands in no name, 必要时 opens none
    from govgraph.loaders.assignees import is_assignee
    assert not is_assignee("承储企业应当积极配合市甲乙委")
    assert not is_assignee("必要时经市甲乙委")
    text = "第四十二条 承储企业应当积极配合市甲乙委、市财政局等部门依法开展的监督检查工作。"
    facts, _ = _facts(text)
    assert _tasks(facts) == []
