"""Round 32's rules (ext-393..397 rotated into dev and read: the general causes of their missed keys), on snippets
shaped like real notices. Each test builds the notice directly (doc, date as the header would give them) and checks
every fact's evidence, as tests/test_round31_real.py does. Names and places are made up.
"""

from __future__ import annotations

from snippets import snippet_facts as _facts
from snippets import snippet_tasks as _tasks


def _members(facts):
    return [(f["member"], f["role"]) for f in facts if f["kind"] == "membership"]


def test_a_member_unit_over_levels_listed_is_one_collective():
    # '成员:市财政局、市教育局和各区、县(市)政府有关负责人': one 各 over the levels listed (各区、县(市)政府) and a
    # level's alternates in brackets (各县(市、区)政府) are one member each, not cut at their 、; towns listed
    # (各乡镇、县直有关单位) stay two
    text = ("关于成立甲市某工作领导小组的通知\n各区、县(市)人民政府,市直机关有关单位:\n为加强领导,决定成立领导小组。\n"
            "组 长:张三 市人民政府副市长\n"
            "成 员:市财政局、市教育局和各区、县(市)政府有关负责人\n")
    facts, _ = _facts(text, doc="甲政办函〔2007〕3号", date="2007-03-01")
    assert [u for u, r in _members(facts) if r == "成员"] == ["市财政局", "市教育局", "各区、县(市)政府"]
    text2 = text.replace("和各区、县(市)政府有关负责人", "、各县(市、区)政府分管负责人")
    facts, _ = _facts(text2, doc="甲政办函〔2007〕4号", date="2007-03-01")
    assert [u for u, r in _members(facts) if r == "成员"] == ["市财政局", "市教育局", "各县(市、区)政府"]


def test_a_group_office_whose_heads_are_named_before_its_daily_work_bears_it():
    # '领导小组下设办公室,办公室设在市教育局,办公室主任由A同志兼任,副主任由B同志兼任,主要负责…日常管理、协调工作':
    # the office bears the daily work, as without the heads' clauses (round 7)
    text = ("一、成立某专项行动领导小组。\n组 长:张三 市人民政府副市长\n"
            "领导小组下设办公室,办公室设在市教育局,办公室主任由李四同志兼任,副主任由王五同志兼任,"
            "主要负责全市某行动日常管理、协调工作。\n")
    facts, _ = _facts(text, doc="甲政办〔2019〕5号", date="2019-05-01")
    assert ((), ("领导小组办公室",), None) in _tasks(facts)


def test_a_notice_whose_first_listed_unit_leads_the_work_says_so_with_gongzuo():
    # '(列第一位的为工作牵头单位或汇总单位,下同)': the first unit of each 责任单位 line leads
    text = ("一、重点工作\n1.推进某项改革。\n责任单位:市发改委、市财政局(列第一位的为工作牵头单位或汇总单位,下同)\n"
            "2.完善某项制度。\n责任单位:市司法局、市委编办\n")
    facts, _ = _facts(text, doc="甲政办发〔2023〕9号", date="2023-03-15")
    assert _tasks(facts) == [(("市发改委",), ("市财政局",), None), (("市司法局",), ("市委编办",), None)]


def test_a_leader_named_before_the_title_heading_the_work_he_takes_on_holds_the_post():
    # '一、张三市长主抓重点工作': a name before a leader's title in a heading (主抓 as 牵头, appointment_words.tsv)
    text = "重点工作责任分解\n一、张三市长主抓重点工作\n1.推进某项改革。\n责任单位:市发改委\n"
    facts, _ = _facts(text, doc="甲政办发〔2023〕9号", date="2023-03-15")
    assert [(f["person"], f["unit"], f["title"]) for f in facts if f["kind"] == "post"] == [("张三", "市人民政府", "市长")]


def test_two_deadlines_each_for_its_delivery_are_two_tasks():
    # '请各责任单位分别于2017年6月30日和12月10日前,将上半年和全年…报市政府督查室': one task by each date, the
    # second's year the first's; dates out of order are left one task
    text = ("三、市政府督查室定期对清单落实情况进行督查。请各责任单位分别于2017年6月30日和12月10日前,"
            "将上半年和全年清单落实情况报市政府督查室。\n")
    facts, _ = _facts(text, doc="甲政办发〔2017〕33号", date="2017-03-31")
    assert [(r, d) for _, r, d in _tasks(facts)] == [(("市政府督查室",), None), (("各责任单位",), "2017-06-30"),
                                                     (("各责任单位",), "2017-12-10")]
    facts, _ = _facts(text.replace("12月10日", "3月10日"), doc="甲政办发〔2017〕34号", date="2017-03-31")
    assert [(r, d) for _, r, d in _tasks(facts)] == [(("市政府督查室",), None), (("各责任单位",), "2017-06-30")]


# Round 32, second part: ten notices of new places added to dev (ext-408..417, news items) and read.

def _posts(facts):
    return [(f["person"], f["unit"], f["title"]) for f in facts if f["kind"] == "post"]


def test_a_town_head_elected_holds_a_post_in_the_town_government():
    # '选举A为某镇镇长、B为某镇人大主席团主席,C、D为某镇副镇长': a town's head is in its government, as a county's
    # (the gold's 镇人民政府); the town congress's presidium (人大主席团) is a unit, a session's 大会主席团 is not
    text = "大会依法选举产生新一届领导班子。选举张三为青石镇镇长、李四为青石镇人大主席团主席,王五、赵六为青石镇副镇长。\n"
    facts, _ = _facts(text, doc="甲", date="2022-01-06")
    assert _posts(facts) == [("张三", "青石镇人民政府", "镇长"), ("李四", "青石镇人大主席团", "主席"),
                             ("王五", "青石镇人民政府", "副镇长"), ("赵六", "青石镇人民政府", "副镇长")]


def test_a_name_of_no_known_surname_between_two_names_of_a_run_is_read():
    # '副主任A、宝玉、B及17位…出席会议': a two-character Mongolian name between two names of the run; a title or a
    # body in that place is no name, and the run then stops there
    text = "旗人大常委会主任张三、副主任李四、宝玉、王五及17位人大常委会组成人员出席会议。\n"
    facts, _ = _facts(text, doc="甲", date="2013-11-20")
    assert [(p, t) for p, _, t in _posts(facts)] == [("张三", "主任"), ("李四", "副主任"), ("宝玉", "副主任"),
                                                      ("王五", "副主任")]
    facts, _ = _facts(text.replace("宝玉", "常委"), doc="乙", date="2013-11-20")
    assert "常委" not in [p for p, _, _ in _posts(facts)]


def test_a_study_sessions_readings_follow_the_readers_name():
    # '县委常委、常务副县长A解读了《…》,县委常委、县纪委书记B领学了《…》' (解读, 领学: prose_posts.tsv)
    text = ("会上,县委常委、常务副县长张三解读了《2017年政府工作报告》,县委常委、县纪委书记李四领学了《某实施办法》。\n")
    facts, _ = _facts(text, doc="甲", date="2017-02-10")
    assert sorted(_posts(facts)) == [("张三", "县人民政府", "常务副县长"), ("张三", "县委", "常委"),
                                     ("李四", "县委", "常委"), ("李四", "县纪委", "书记")]


def test_units_before_dengbumen_and_a_further_item_are_each_assignees():
    # '区财政局、区住建局等部门及相关街道要…': 等部门 adds no unit, the item after 及 is one more
    text = "会议要求,区财政局、区住建局等部门及相关街道要按照《办法》规定,科学合理使用基金。\n"
    facts, _ = _facts(text, doc="甲", date="2019-05-01")
    assert _tasks(facts) == [((), ("区财政局", "区住建局", "相关街道"), None)]


def test_a_news_opening_names_the_place_of_the_body_meeting_with_its_term():
    # '5月23日上午,龍湖區七屆人大常委會舉行…': the place before a body's term (七屆) is the notice's (in either
    # script); a story naming two provinces in its opening has no one place to read there
    from govgraph.loaders.places import jurisdiction
    from govgraph.notice import Notice

    n = Notice(doc="甲", text="5月23日上午,青石區七屆人大常委會舉行第十三次會議。本次會議由區人大常委會主任張三主持。")
    assert (jurisdiction(n).place, jurisdiction(n).how) == ("青石区", "text")
    n = Notice(doc="乙", text="中共四川、湖北人事异动\n17日,四川省第十届人民代表大会第四次会议通过决定,接受张三辞去副省长职务。"
                              "湖北省政协亦有变动。")
    assert jurisdiction(n).how == "unknown"


def test_a_unit_of_a_municipality_is_its_own_not_under_the_notices_province():
    # 北京市人民政府 named in a 四川省 notice is 北京市's (municipalities.txt), 绵阳市人民政府 is 四川省绵阳市's
    from govgraph.identity.scope import unit_scope

    assert unit_scope("北京市人民政府", "四川省") == "北京市"
    assert unit_scope("绵阳市人民政府", "四川省") == "四川省绵阳市"


def test_a_run_of_posts_and_names_no_surname_opens_ended_by_a_news_verb_is_read():
    # '县政府常务副县长扎西闹吾、副县长成林才仁出席会议': entries joined by 、, each a post chain and a name no surname
    # opens (Tibetan names), the last ended by a verb of the news; an entry that is no chain and name reads nothing
    text = "县政府常务副县长扎西闹吾、副县长成林才仁出席会议。\n"
    facts, _ = _facts(text, doc="甲", date="2019-03-01")
    assert _posts(facts) == [("扎西闹吾", "县人民政府", "常务副县长"), ("成林才仁", "县人民政府", "副县长")]
    facts, _ = _facts("县政府常务副县长扎西闹吾、县人大常委会出席会议。\n", doc="乙", date="2019-03-01")
    assert _posts(facts) == []


# Round 32, third part: seven group notices and news of new places added to dev and read (ext-418..421, ext-423..425).

def test_a_member_line_of_a_units_head_in_charge_by_office_is_the_unit():
    # '成 员:县公安局分管局长 / 县交通局分管副局长 / …负责人': a unit's head in charge, by office and with no name, stands
    # for the unit (as 主要负责人 does)
    title = "关于修订青石县道路交通安全联席会议制度的通知"
    text = (title + "\n县政府决定修订青石县道路交通安全联席会议制度(以下简称联席会议)。现将有关事项通知如下:\n"
            "一、组成人员\n"
            "成 员:县公安局分管局长\n        县交通局分管副局长\n        县征稽所负责人\n二、主要职责\n定期分析形势。\n")
    facts, _ = _facts(text, title=title, doc="甲", date="2007-12-26")
    assert [(f["member"], f["role"]) for f in facts if f["kind"] == "membership"] == [
        ("县公安局", "成员"), ("县交通局", "成员"), ("县征稽所", "成员")]


def test_leaders_each_leading_a_team_after_fenbieyou_and_he_are_read():
    # '督察组分为三个组,分别由州人民政府副州长A、州林业局局长B和州森林公安局局长C带队' (分别由: prose_posts.tsv; 和 joins
    # the last entry as 、 does)
    text = "督察组分为三个组,分别由州人民政府副州长张三、州林业局局长李四和州森林公安局局长王五带队。\n"
    facts, _ = _facts(text, doc="甲", date="2019-09-05")
    assert _posts(facts) == [("张三", "州人民政府", "副州长"), ("李四", "州林业局", "局长"), ("王五", "州森林公安局", "局长")]


def test_units_whose_heads_in_charge_serve_as_members_are_member_units():
    # '区委区政府办公室、区公安局、区统计局等19个单位的分管负责同志担任领导小组成员': the units are members; the
    # members of a group (领导小组成员单位有关负责同志担任办公室成员) name no unit of their own
    text = ("我区成立了某区人口普查领导小组。由区长张三任组长,区委区政府办公室、区公安局、区统计局等19个单位的分管负责同志"
            "担任领导小组成员。\n")
    facts, _ = _facts(text, doc="甲", date="2020-03-01")
    assert [(f["member"], f["role"]) for f in facts if f["kind"] == "membership"] == [
        ("张三", "组长"), ("区委区政府办公室", "成员"), ("区公安局", "成员"), ("区统计局", "成员")]
    text2 = "成立某区领导小组。领导小组办公室设在区统计局。领导小组成员单位有关负责同志担任办公室成员。\n"
    facts, _ = _facts(text2, doc="乙", date="2020-03-01")
    assert [f for f in facts if f["kind"] == "membership"] == []


def test_an_addressee_or_a_member_entry_in_the_opening_gives_no_place():
    # '青石区人民政府,市政府各工作部门…: …,青石区人民政府编制了…': a unit the notice is addressed to is not its issuer,
    # there or later; '副主任: 冯某某市政府副秘书长' (a name glued to 市政府 in a member entry) names no place 冯某某市
    from govgraph.loaders.places import jurisdiction
    from govgraph.notice import Notice

    n = Notice(doc="甲", text="|\n青石区人民政府,市政府各工作部门、各直属机构: 为加强管理,青石区人民政府编制了《实施方案》,现印发给你们。")
    assert jurisdiction(n).how == "unknown"
    n = Notice(doc="乙", text="各有关单位: 决定成立某工作领导小组办公室。 主任: 孙大光常务副市长 副主任: 冯群声市政府副秘书长 庞天宏市政府副秘书长")
    assert jurisdiction(n).how == "unknown"
