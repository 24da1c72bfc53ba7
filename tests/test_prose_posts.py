"""Posts written before names in news prose (loaders/prose_posts.py, round 11): made-up names."""

from __future__ import annotations

from snippets import snippet_facts


def _posts(text: str) -> set[tuple]:
    facts, _ = snippet_facts(text)
    return {(f["person"], f["unit"], f["title"], bool(f.get("former"))) for f in facts if f["kind"] == "post"}


def test_chain_then_name_then_a_verb_of_the_lexicon():
    assert _posts("6月2日,省委常委、秘书长甄一鸣带队到我市调研。") == {
        ("甄一鸣", "省委", "常委", False), ("甄一鸣", "省委", "秘书长", False)}
    assert _posts("副区长郝思远通报了全区安全生产形势。") == {("郝思远", "区人民政府", "副区长", False)}
    assert _posts("区长助理、区发改局局长柏文涛介绍了情况。") == {
        ("柏文涛", "区人民政府", "区长助理", False), ("柏文涛", "区发改局", "局长", False)}
    assert _posts("省发展改革委主任滕立群调研重点项目建设。") == {("滕立群", "省发展改革委", "主任", False)}


def test_several_persons_in_one_clause():
    assert _posts("市委书记龚一帆、市长严可风会见了客商一行。") == {
        ("龚一帆", "市委", "书记", False), ("严可风", "市人民政府", "市长", False)}


def test_lead_in_is_no_part_of_the_unit():
    got = _posts("会议听取了双沟镇党委副书记、镇长毕晓岚关于全镇工作的汇报。")
    assert got and all(u.startswith("双沟镇") for _, u, _, _ in got), got


def test_present_are_after_de_hai_you():
    assert _posts("参加会议的还有副县长邬明轩、县政协副主席卞雨桐。") == {
        ("邬明轩", "县人民政府", "副县长", False), ("卞雨桐", "县政协", "副主席", False)}


def test_refused_former_past_and_removal():
    assert _posts("时任副县长洪一舟调研了该项目。") == set()
    assert _posts("会议决定免去某职务,副区长郑丹青通报了情况。") == set()
    assert all(former for *_, former in _posts("原县委书记刘一川调研了该项目。"))


def test_refused_name_of_uncertain_length():
    facts, warnings = snippet_facts("副区长丁一来到现场。")
    assert not [f for f in facts if f["kind"] == "post"]
    assert any("more than one length" in w for w in warnings)


def test_a_name_the_rules_read_is_not_read_again():
    facts, _ = snippet_facts("市委常委、副市长甄一鸣出席会议并讲话。")
    posts = [(f["person"], f["unit"], f["title"]) for f in facts if f["kind"] == "post"]
    assert sorted(posts) == [("甄一鸣", "市人民政府", "副市长"), ("甄一鸣", "市委", "常委")]


def test_time_words_lead_in_and_no_unit_from_a_reference():
    assert _posts("昨天下午副县长韩一鸣到现场调研。") == {("韩一鸣", "县人民政府", "副县长", False)}
    assert _posts("医院院长韩一鸣介绍了情况。") == set()


def test_one_space_between_the_chain_and_the_name():
    assert _posts("县委副书记、县长 戚一平 出席会议。") == {
        ("戚一平", "县委", "副书记", False), ("戚一平", "县人民政府", "县长", False)}


def test_time_words_open_a_clause_and_news_verbs_end_a_name():
    # the rules' lexicon (appointment_words.tsv: leadin, follow), not only this reader's
    assert _posts("今年县长甘一川表示,要抓好落实。") == {("甘一川", "县人民政府", "县长", False)}
    assert _posts("随后副县长骆子墨讲话。") == {("骆子墨", "县人民政府", "副县长", False)}
    assert _posts("近日,县委书记韦明远调研。") == {("韦明远", "县委", "书记", False)}
