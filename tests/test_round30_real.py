"""Round 30's rules (precision audit prec38: the general causes of wrong task keys on the dev notices), on snippets
shaped like real notices. Each test builds the notice directly (doc, date as the header would give them) and checks
every fact's evidence, as tests/test_round29_real.py does. Names and places are made up.
"""

from __future__ import annotations

from snippets import snippet_facts as _facts
from snippets import snippet_tasks as _tasks


def test_a_government_writing_to_its_own_departments_undertakes_what_it_will_do():
    # a copy naming no issuer, addressed to '…市各委、办、局' (or '市政府各部门'): only the city's government (or its
    # office) writes so, and '市政府将…' is its own undertaking, no task; the departments' duties stay tasks
    text = ("发布文号: 甲政发[2011]21号\n各县(市)和各区人民政府,市各委、办、局,市各直属单位:\n"
            "为抓好今年各项重点任务的落实,市政府将定期对目标任务落实情况进行督促检查。"
            "市发改委要于2011年6月30日前完成项目清理。\n")
    facts, _ = _facts(text, doc="甲政发〔2011〕21号", date="2011-03-01")
    assert _tasks(facts) == [((), ("市发改委",), "2011-06-30")]
    text2 = text.replace("市各委、办、局,市各直属单位", "市政府各部门、各直属机构")
    facts, _ = _facts(text2, doc="甲政发〔2011〕21号", date="2011-03-01")
    assert _tasks(facts) == [((), ("市发改委",), "2011-06-30")]
    # addressed to another level's bodies only, 市政府 is not known to be the issuer: its duty is read as written
    text3 = text.replace("各县(市)和各区人民政府,市各委、办、局,市各直属单位", "各县(市)和各区人民政府")
    facts, _ = _facts(text3, doc="甲政发〔2011〕21号", date="2011-03-01")
    assert ((), ("市政府",), None) in _tasks(facts)
