"""Round 15's layouts, on snippets shaped like real notices (ext-238..249, dev from round 15).

Each test builds the notice or its header directly and checks what the rule gives. Names and places are made up.
"""

from __future__ import annotations

from govgraph.loaders.header import find_own_doc_number
from snippets import snippet_facts as _facts  # noqa: F401
from snippets import snippet_tasks as _tasks  # noqa: F401


def test_a_number_cited_in_an_item_of_a_copy_that_starts_inside_the_body_is_not_its_own():
    # ext-239: the copy opens at '(二)…货场,按〔2006〕87号市长办公会议纪要执行。': cited, the notice keeps its file stem
    text = "(二)在某区内的某货场,按〔2006〕87号市长办公会议纪要执行。\n三、组织机构\n成立某工作领导小组。\n"
    assert find_own_doc_number(text)[0] is None
    # a number under the title stays the notice's own
    assert find_own_doc_number("某市人民政府关于某工作的通知\n某政发〔2013〕16号\n各区:\n")[0] == "某政发〔2013〕16号"
