"""Round 22's layouts (rotation rot28), on snippets shaped like real notices (ext-226..237, news items and notices of
new places, dev from round 22).

Each test builds the notice directly (doc, date as the header would give them) and checks every
fact's evidence, as tests/test_round20_real.py does. Names and places are made up.
"""

from __future__ import annotations

from snippets import snippet_facts as _facts
from snippets import snippet_tasks as _tasks


def _posts(facts):
    return sorted((f["person"], f["unit"], f["title"]) for f in facts if f["kind"] == "post")


def test_a_meeting_passing_on_a_leaders_words_is_no_part_of_the_post():
    # ext-237: '会议传达学习省委书记A和省委副书记、省长B关于…指示精神': 会议 + 传达学习 opens the clause
    text = "9月28日,市政府召开常务会议。会议传达学习省委书记张三和省委副书记、省长李四关于近期工作指示精神,研究贯彻落实工作。"
    facts, _ = _facts(text)
    assert _posts(facts) == [("张三", "省委", "书记"), ("李四", "省人民政府", "省长"), ("李四", "省委", "副书记")]


def test_a_note_after_a_name_in_prose_is_no_part_of_it():
    # ext-233: '县政协副主席A常务列席会议': 常务 (name_notes.txt) is a note after the name, not its last characters
    text = "6月20日,县政府召开常务会议。县人大常委会副主任张三、县政协副主席李四常务列席会议,提出工作意见。"
    facts, _ = _facts(text)
    assert _posts(facts) == [("张三", "县人大常委会", "副主任"), ("李四", "县政协", "副主席")]


def test_a_list_in_lenticular_brackets_stays_with_its_unit():
    # ext-227: '(责任单位:市发改委,市直有关单位,相关县〔市、区〕政府)': 〔市、区〕 is the unit's own list, as (市、区) is
    from govgraph.loaders.assignees import split_assignees
    assert split_assignees("市发改委、相关县〔市、区〕政府") == ["市发改委", "相关县〔市、区〕政府"]


def test_a_labelled_line_naming_a_unit_is_no_duty():
    # ext-229: a group's entry '联系处室:某办公室' links a unit to the group: no task of '联系处室'
    text = ("关于成立界别小组的通知\n一、成立界别小组\n1、甲界别小组\n组 长:张三\n成 员:李四、王五\n联系处室:某区政协办公室\n"
            "2、乙界别小组\n组 长:赵六\n成 员:钱七、孙八\n联系处室:某区政协法制提案处\n各处(室)负责服务、指导界别小组活动。")
    facts, _ = _facts(text)
    assert _tasks(facts) == [((), ("各处(室)",), None)]


def test_carrying_out_a_leaders_words_is_an_exhortation():
    # ext-232: meeting news '各级各部门要坚决贯彻…重要讲话…精神,全面落实…要求,…' asks for attention, no task; the
    # concrete work of '各有关单位要进一步细化…' stays
    text = ("2月8日,市政府召开会议。会议指出,各级各部门要坚决贯彻上级关于防控工作的重要讲话精神,全面落实各项要求,"
            "切实做好防控工作。会议强调,各有关单位要进一步细化操作规范和工作预案,严格落实防控措施。")
    facts, _ = _facts(text)
    assert [t[1] for t in _tasks(facts)] == [("各有关单位",)]


def test_a_sites_credit_line_is_no_duty():
    # ext-232: a news page's first line '某新媒体集团  主办' (site_credits.txt) credits the site: no task
    text = "某新媒体集团  主办\n当前位置: 新闻\n2月8日,市政府召开会议。会议强调,各有关单位要进一步细化工作预案。"
    facts, _ = _facts(text)
    assert [t[1] for t in _tasks(facts)] == [("各有关单位",)]


def test_a_modal_and_its_adverb_end_the_subject():
    # ext-233: '各乡镇(街道)、部门要主动与县某局对接,…' gave a unit '部门要主动与县某局' (局 ends it): 要主动 is in no
    # unit's name; the bare '部门' is left unread (no task rather than a wrong one)
    text = "县政府:\n各乡镇(街道)、部门要主动与县甲局对接,弄清楚未来发展所需。县甲局要协调落实好方案内容。"
    facts, _ = _facts(text)
    assert [t[1] for t in _tasks(facts)] == [("县甲局",)]


def test_a_meetings_reporting_verb_is_no_part_of_the_units():
    # ext-236: '会议传达学习了…重要指示精神,强调各镇(街道)、区级各部门要构建…' (report_verbs.txt): the units as written
    text = "区政府召开常务会议。会议传达学习了上级重要指示精神,强调各镇(街道)、区级各部门要构建景区联动机制,开展数据共享等合作。"
    facts, _ = _facts(text)
    assert [t[1] for t in _tasks(facts)] == [("各镇(街道)", "区级各部门")]


def test_a_line_of_posts_a_colon_and_the_names_holding_them():
    # ext-231: a web article's list of a district's leaders, '  • 某区委副书记:A、B' and '  • 某区副区长:C、D': every name
    # holds the posts before the colon; a group's role line ('组长:E') is the member lists'
    text = ("新领导阵容如下:\n某区委常委主要领导班子成员名单\n  • 某区委书记:张三\n  • 某区委副书记:李四、王五\n"
            "某区人民政府主要领导班子成员名单\n  • 某区副区长:赵六、钱七\n")
    facts, _ = _facts(text)
    assert _posts(facts) == [("张三", "某区委", "书记"), ("李四", "某区委", "副书记"), ("王五", "某区委", "副书记"),
                             ("赵六", "某区人民政府", "副区长"), ("钱七", "某区人民政府", "副区长")]
    facts, _ = _facts("关于成立某工作领导小组的通知\n组长:张三\n成员:李四、王五\n")
    assert _posts(facts) == []


def test_a_prefecture_offices_commissioner_is_a_title():
    # ext-226: a member list '组 长:A(行署常务副专员)': 专员 / 副专员 / 常务副专员 (titles.txt) of the 行署
    text = "附件1:\n某地区行政公署某工作领导小组名单\n组 长:张 三(行署常务副专员)\n副组长:李四(行署常务副秘书长)\n"
    facts, _ = _facts(text)
    assert _posts(facts) == [("张三", "行署", "常务副专员"), ("李四", "行署", "常务副秘书长")]


def test_a_plain_members_role_opens_a_chain_of_posts():
    # ext-230: 'X宣讲团到某市宣讲…。X宣讲团成员、某党校副校长A在…作…宣讲' (宣讲团: group_suffixes.txt): A is the team's
    # 成员 (the notice names the team twice) and holds the post after it
    text = "甲省宣讲团到某市宣讲全会精神。甲省宣讲团成员、省委党校副校长张三在市委礼堂作宣讲。"
    facts, _ = _facts(text)
    assert _posts(facts) == [("张三", "省委党校", "副校长")]
    assert [(f["group"], f["member"], f["role"]) for f in facts if f["kind"] == "membership"] == [("甲省宣讲团", "张三", "成员")]


def test_a_zone_body_written_bare_is_the_zones_named_with_its_twin():
    # ext-235: '某高新区党工委书记、管委会主任A…,管委会副主任B出席' (zone_body: 党工委 / 管委会): the zone's 管委会
    text = "1月29日晚,甲高新区党工委书记、管委会主任张三主持召开调度会议,管委会副主任李四出席会议。"
    facts, _ = _facts(text)
    assert _posts(facts) == [("张三", "甲高新区党工委", "书记"), ("张三", "甲高新区管委会", "主任"), ("李四", "甲高新区管委会", "副主任")]


def test_a_conveners_note_after_a_role_label_and_numbered_sector_groups():
    # ext-229: '二、成立12个界别小组' then '1、某界别小组(7人)' / '组 长(召集人):A' / '成 员:…' / '联系处室:…': each numbered
    # line (1、, a count of its people after the name) names its list's group (界别小组: group_suffixes.txt); the
    # bracket after 组长 is a qualifier
    text = ("关于成立政协界别小组的通知\n一、设立界别活动领导小组\n组 长:赵一\n成 员:赵二、赵三\n"
            "二、成立12个界别小组\n(一)12个界别小组划分情况\n1、经济界别小组(3人)\n组 长(召集人):张三\n成 员:李四、王五\n"
            "联系处室:区政协办公室\n2、科技界别小组(3人)\n组 长(召集人):赵六\n成 员:钱七、孙八\n")
    facts, _ = _facts(text)
    got = sorted((f["group"], f["member"], f["role"]) for f in facts if f["kind"] == "membership")
    assert ("经济界别小组", "张三", "组长") in got and ("经济界别小组", "王五", "成员") in got
    assert ("科技界别小组", "赵六", "组长") in got and ("科技界别小组", "孙八", "成员") in got
    assert not [g for g in got if g[0].startswith("12个")]
    assert not [f for f in facts if f["kind"] == "group" and f["group"].startswith("12个")]  # a count of groups


def test_a_groups_office_set_up_inside_a_bracketed_item():
    # ext-227: '1.建立领导小组。…成立某领导小组,…。领导小组下设办公室,设在市甲委,负责日常协调推进工作。(责任单位:…)': the
    # office's daily work is a task of its own beside the item's bracket
    text = ("各县(市、区)人民政府:\n一、建立工作机制\n1.建立领导小组。市委、市政府成立某某发展协调推进领导小组,统筹协调相关工作。"
            "领导小组下设办公室,设在市甲委,负责日常协调推进工作。(责任单位:市委办公室、市甲委)\n"
            "2.建立联席会议制度。推进重大项目。(责任单位:市甲委)\n")
    facts, _ = _facts(text)
    assert _tasks(facts) == [((), ("市委办公室", "市甲委"), None), ((), ("市甲委",), None), ((), ("领导小组办公室",), None)]
