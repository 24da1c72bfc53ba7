"""Round 21's layouts (rotation rot27), on snippets shaped like real notices (ext-334..345, dev from round 21).

Each test builds the notice directly (doc, date as the header would give them) and checks every
fact's evidence, as tests/test_round19_real.py does. Names and places are made up.
"""

from __future__ import annotations

from snippets import snippet_facts as _facts
from snippets import snippet_tasks as _tasks


def test_a_unit_named_for_its_work_alone_on_its_line_is_no_duty():
    # ext-345: a forwarded 意见 signed by three departments, one a line: '中共某市委组织部' is no task of 中共某市委
    text = ("各区委、区政府:\n现转发给你们,请认真贯彻执行。\n中共某市委办公厅\n二○○六年六月十三日\n"
            "中共某市委组织部\n某市人事局\n关于实施若干政策的意见\n一、办法\n由市人事局编制目录。")
    facts, _ = _facts(text)
    assert _tasks(facts) == [((), ("市人事局",), None)]
