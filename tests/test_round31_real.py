"""Round 31's rules (recall audit rec39: the general causes of missed task keys on the dev notices), on snippets
shaped like real notices. Each test builds the notice directly (doc, date as the header would give them) and checks
every fact's evidence, as tests/test_round30_real.py does. Names and places are made up.
"""

from __future__ import annotations

from snippets import snippet_facts as _facts
from snippets import snippet_tasks as _tasks


def test_a_unit_settling_by_the_real_amount_or_commissioning_the_work_has_the_duty():
    # '…,由市财政局据实补贴。', '…后,由市发展改革委委托有资质的机构进行检验': 据实 (settling by the real amount) and 委托
    # (commissioning the work) open the unit's duty after 由, as 依据 and 予以 do (duty_verbs.tsv)
    text = ("第二十条  应急动用储备粮产生的价差收入应当上缴市财政局，产生的价差亏损和相关费用，由市财政局据实补贴。\n"
            "第二十一条  储备粮采购入库平仓结束后，由市发展改革委委托有资质的粮食检验机构进行入库验收检验。\n")
    facts, _ = _facts(text, doc="甲府〔2023〕1号", date="2023-09-05")
    assert _tasks(facts) == [((), ("市财政局",), None), ((), ("市发展改革委",), None)]
    # who was commissioned (受…委托) does no duty of its own
    text2 = "会议听取了区经委副主任张三受区人民政府委托所作的工作报告。\n"
    facts, _ = _facts(text2, doc="甲府〔2023〕2号", date="2023-09-05")
    assert _tasks(facts) == []
