"""Round 28's term rules (branch term34: the start/end months of posts the extractor missed on dev), on
snippets shaped like real notices. Each test builds the notice directly (doc, date as the header would
give them) and checks every fact's evidence, as tests/test_round26_real.py does. Names and places are made up.
"""

from __future__ import annotations

from snippets import snippet_facts as _facts


def _posts(facts):
    return [(f["person"], f["unit"], f["title"], f.get("start"), f.get("end"), bool(f.get("former")), f.get("as_of"))
            for f in facts if f["kind"] == "post"]


def test_a_secondment_in_a_list_of_appointments_with_its_term_in_the_bracket():
    # 鄂府任字〔2024〕4号: 'A挂职任市某委员会副主任(挂职时间为一年,2024年1月至2025年1月);' in a 任免 list: 挂职任 is the
    # list's 任 (a secondment), the bracket's months with their years are the term (start, end; no as_of beside it)
    text = ("甲市人民政府关于张三等职务任免的通知\n甲府任字〔2024〕4号\n各旗区人民政府:\n根据工作需要,决定:\n"
            "李四任市财政局副局长;\n王五挂职任市发展和改革委员会副主任(挂职时间为一年,2024年1月至2025年1月);\n"
            "赵六任市农牧局副局长(试用期一年);\n免去孙七市科学技术局副局长职务。\n甲市人民政府\n2024年2月21日\n")
    facts, _ = _facts(text, doc="甲府任字〔2024〕4号", date="2024-02-21")
    assert _posts(facts) == [
        ("李四", "市财政局", "副局长", None, None, False, "2024-02-21"),
        ("王五", "市发展和改革委员会", "副主任", "2024-01", "2025-01", False, None),
        ("赵六", "市农牧局", "副局长", None, None, False, "2024-02-21"),
        ("孙七", "市科学技术局", "副局长", None, "2024-02", True, None),
    ]


def test_a_bracket_with_a_month_range_but_no_year_on_either_side_is_no_term():
    # precision: '(2024年1月至3月)' (the end's year not written) or an end alone give no term (as_of kept)
    for br in ("(挂职时间2024年1月至3月)", "(挂职至2025年1月)"):
        text = f"各旗区人民政府:\n根据工作需要,决定:\n王五挂职任市发展和改革委员会副主任{br};\n甲市人民政府\n2024年2月21日\n"
        facts, _ = _facts(text, date="2024-02-21")
        assert _posts(facts) == [("王五", "市发展和改革委员会", "副主任", None, None, False, "2024-02-21")], br


def test_held_since_a_dated_month_up_to_the_notice_dates_the_sentences_persons_post_current_or_ended():
    # ext-31: '原區委書記A則任…' then 'A生於1958年,2008年4月任丙區委書記,2009年1月至今任甲區委書記。': the post ended
    # by the move started 2009-01, and its unit is the one the dated sentence writes in full (one post, the full name's);
    # the successor B, who holds 甲區委書記 now, is not the sentence's person: no start for B
    text = ("連日來,人事變動的消息不斷:20日,甲區召開幹部大會,市委組織部原常務副部長張三任甲區委書記,原區委書記李四則任乙市委常委。"
            "李四生於1958年,2008年4月任丙丁區委書記,2009年1月至今任甲區委書記。\n")
    facts, _ = _facts(text, date=None)
    posts = _posts(facts)
    assert ("李四", "甲區委", "書記", "2009-01", None, True, None) in posts
    assert ("張三", "甲區委", "書記", None, None, False, None) in posts
    assert not any(p[0] == "李四" and p[1] == "區委" for p in posts)
    # no person named in the sentence: 至今 dates no one's post (the unit alone is no evidence of whose)
    text = ("20日,甲區召開幹部大會,張三任甲區委書記。據悉,該職位2009年1月至今任甲區委書記者均來自外地。\n")
    facts, _ = _facts(text, date=None)
    assert all(p[3] is None for p in _posts(facts))


def test_a_four_character_name_glued_to_its_removed_post_takes_the_issuer_level_cut():
    # 鄂府任字〔2024〕4号: '免去A市科学技术局副局长职务' with A a four-character name (no surname ends it) in a 市人民政府's
    # list whose units open 市 (B任市某局副局长): the cut whose unit opens with the issuer's level, as for three characters
    text = ("各旗区人民政府,市人民政府各部门:\n根据工作需要,决定:\n李四任市财政局副局长;\n王五任市农牧局副局长;\n"
            "免去赵其木格市科学技术局副局长职务;\n免去孙七市民政局副局长职务。\n甲市人民政府\n2024年2月21日\n")
    facts, _ = _facts(text, doc="甲府任字〔2024〕4号", date="2024-02-21", issuer="甲市人民政府")
    posts = _posts(facts)
    assert ("赵其木格", "市科学技术局", "副局长", None, "2024-02", True, None) in posts
    assert ("孙七", "市民政局", "副局长", None, "2024-02", True, None) in posts
    assert len(posts) == 4
