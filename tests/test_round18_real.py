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


def test_posts_before_a_name_with_a_middle_dot():
    # ext-215..218: Uyghur and Tibetan names written with · (or •) after a run of posts, in news prose,
    # whatever their first character (not a surname)
    facts, _ = _facts("2025年3月3日,区委副书记、区长甲乙丙·丁戊同志主持召开某区人民政府第三次常务会议。", date="2025-03-03")
    assert [p[:3] for p in _posts(facts)] == sorted([("甲乙丙·丁戊", "区人民政府", "区长"), ("甲乙丙·丁戊", "区委", "副书记")])
    facts, _ = _facts("州党委常委、副州长甲乙•丙丁,县委常委、统战部部长戊己·张三出席会议。", date="2012-09-14")
    assert [p[:3] for p in _posts(facts)] == sorted([
        ("甲乙•丙丁", "州人民政府", "副州长"), ("甲乙•丙丁", "州党委", "常委"),
        ("戊己·张三", "县委", "常委"), ("戊己·张三", "县委统战部", "部长")])


def test_a_dotted_name_whose_first_character_is_no_surname():
    # the name's first part is cut where the posts before it read; here only 县长 reads
    facts, _ = _facts("县长庚辛壬·癸子主持会议。", date="2020-01-01")
    assert [p[:3] for p in _posts(facts)] == [("庚辛壬·癸子", "县人民政府", "县长")]


def test_posts_before_a_name_and_qinqie_before_the_verb():
    # ext-219: 亲切 before a verb of meeting ends the name as the verb alone does
    facts, _ = _facts("7月12日下午,自治区党委常委、临江市委书记张三亲切会见了代表团一行。", date="2019-07-12")
    assert [p[:3] for p in _posts(facts)] == [("张三", "临江市委", "书记"), ("张三", "自治区党委", "常委")]


def test_a_name_no_surname_opens_after_a_chain_in_a_list_of_those_present():
    # ext-219: a clause that is one chain of posts and a name no surname opens (Tibetan names), in a sentence
    # whose other clauses the rules read; one cut only
    text = "市委副书记、市长张三,市委副书记、统战部部长甲乙,副市长丙丁戊己一同会见。"
    facts, _ = _facts(text, date="2013-07-12")
    assert ("甲乙", "市委统战部", "部长") in [p[:3] for p in _posts(facts)]
    assert ("丙丁戊己", "市人民政府", "副市长") in [p[:3] for p in _posts(facts)]


def test_a_name_no_surname_opens_is_not_read_alone_or_after_de():
    facts, _ = _facts("副市长丙丁戊己一同会见。", date="2013-07-12")
    assert _posts(facts) == []
    facts, _ = _facts("市长张三出席,会议审议了关于甲乙代理某市人民政府市长职务的议案。", date="2013-07-12")
    assert all(p[0] != "议案" for p in _posts(facts))


def test_names_and_posts_paired_by_fenbie():
    # ext-207: A和B分别辞去X和Y职务的请求 / A、B日前分别辞去X、Y职务: paired in order, each post ends
    facts, _ = _facts("会议决定接受张三和李四分别辞去区长和副区长职务的请求。", date="2024-12-10")
    assert _posts(facts) == [("张三", "区人民政府", "区长", True, "2024-12"),
                             ("李四", "区人民政府", "副区长", True, "2024-12")]
    facts, _ = _facts("王五、赵六日前分别辞去某市市长、某市公安局局长职务。", date="2024-12-10")
    assert _posts(facts) == [("王五", "某市人民政府", "市长", True, "2024-12"),
                             ("赵六", "某市公安局", "局长", True, "2024-12")]
    facts, _ = _facts("张三、李四分别任某区人民政府副区长、某区财政局局长。", date="2024-12-10")
    assert _posts(facts) == [("张三", "某区人民政府", "副区长", False, None),
                             ("李四", "某区财政局", "局长", False, None)]


def test_fenbie_with_counts_that_differ_gives_no_post():
    facts, warnings = _facts("张三、李四、王五分别任某区人民政府副区长、某区财政局局长。", date="2024-12-10")
    assert _posts(facts) == []
    assert any("分别" in str(w) for w in warnings)


def test_a_glued_removal_cut_where_the_name_is_written_apart_elsewhere():
    # ext-208: 免去张三临江市副市长的职务 (张三 / 张三临 both read, both units written): the notice writes
    # 张三 elsewhere set apart by punctuation (原副市长张三、…), no longer cut
    text = ("会议通过人事任免事项,任命王五为临江市副市长,免去张三临江市副市长的职务。"
            "市长和副市长中已有人变动,包括原市长李四、原副市长张三、原副市长赵七离任。")
    facts, _ = _facts(text, date="2017-08-17")
    assert ("张三", "临江市人民政府", "副市长", True, "2017-08") in _posts(facts)
    assert not any(p[0] == "张三临" for p in _posts(facts))


def test_zuihou_opens_a_clause_before_posts_and_a_name():
    # ext-213: 最后县委常委张三就…提要求 (最后 "finally" is no part of the unit); 会后 alike
    facts, _ = _facts("会议作了部署。\n最后县委常委张三就贯彻落实此次会议提要求。", date="2019-11-20")
    assert [p[:3] for p in _posts(facts)] == [("张三", "县委", "常委")]


def test_zai_before_posts_and_a_name_is_no_part_of_the_unit():
    # ext-206 (在镇长A同志的带领下), ext-39 (在某省人民政府省长A…): 在 opens the clause
    facts, _ = _facts("选举结束后,在镇长张三同志的带领下,新当选同志进行了宪法宣誓。", date="2021-09-10")
    assert all(not p[1].startswith("在") for p in _posts(facts))


def test_a_run_of_posts_before_a_name_is_no_units_duty():
    # ext-209 (州委常委、州委组织部部长A到会指导), ext-74 (省委组织部常务副部长A主持大会): posts and a name,
    # not units with a predicate
    facts, _ = _facts("州委常委、州委组织部部长张三到会指导。", date="2015-09-07")
    assert [f for f in facts if f["kind"] == "task"] == []
    assert [p[:3] for p in _posts(facts)] == [("张三", "州委", "常委"), ("张三", "州委组织部", "部长")]
    facts, _ = _facts("县委、县政府要加强领导,确保完成任务。", date="2015-09-07")
    assert [f["responsible"] for f in facts if f["kind"] == "task"] == [["县委", "县政府"]]


def test_a_term_or_bing_bao_before_a_body_is_no_place():
    # ext-208 (本屆某市政府班子), ext-213 (十三届县政府全体党组成员), ext-209 (并报州…)
    from govgraph.loaders.places import jurisdiction
    from govgraph.notice import Notice
    j = jurisdiction(Notice(doc="x1", text="记者注意到,\n本届临江市政府班子任期尚未过半。"))
    assert j.place == "临江市"
    j = jurisdiction(Notice(doc="x2", text="近日召开会议。\n十三届县政府全体党组成员参会。"))
    assert j.place.startswith("?")


def test_bing_jueding_qi_wei_goes_on_with_the_person():
    # ext-223: 任命A为X副市长,并决定其为代理市长 (其 where round 13 read 并决定为)
    facts, _ = _facts("决定任命张三为某市人民政府副市长,并决定其为代理市长。", date="2021-12-03")
    assert [p[:3] for p in _posts(facts)] == [("张三", "某市人民政府", "代理市长"), ("张三", "某市人民政府", "副市长")]
