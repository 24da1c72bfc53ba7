"""Round 26's layouts (rotation rot32), on snippets shaped like real notices (ext-378..385, formal notices of new
places, dev from round 26).

Each test builds the notice directly (doc, date as the header would give them) and checks every
fact's evidence, as tests/test_round24_real.py does; the header's own rules are checked through
split_notices. Names and places are made up.
"""

from __future__ import annotations

from snippets import snippet_facts as _facts

from govgraph.loaders.splitting import split_notices


def _posts(facts):
    return sorted((f["person"], f["unit"], f["title"]) for f in facts if f["kind"] == "post")


def _memberships(facts):
    return sorted((f["member"], f["role"]) for f in facts if f["kind"] == "membership")


def test_a_copy_that_starts_inside_the_body_has_no_head_date():
    # ext-378: a forum's copy opens at '(六)…' and its '(一)时间:2008年2月19日—23日' is the event's, not the notice's
    text = ("(六)出版发行《某花》一书\n(七)民俗文艺演出\n六、时间、地点\n(一)时间:2008年2月19日—23日\n(二)地点:某街\n"
            "八、组织领导机构。某州人民政府成立某会筹备领导组,负责会务筹备。\n组 长:张 三 某州人民政府副州长\n")
    notices, _ = split_notices(text, "甲.txt")
    assert [n.date for n in notices] == [None]
    # a plan with its title first keeps its event's date under 二、活动时间 (as before)
    text = "某市某协会\n某宣传活动\n一、活动主题\n某主题\n二、活动时间\n2020年4月24日(星期五)上午8点30\n"
    notices, _ = split_notices(text, "乙.txt")
    assert [n.date for n in notices] == ["2020-04-24"]


def test_layout_spaces_lost_as_question_marks_are_spaces():
    # ext-383: a mirror's copy writes its full-width spaces as '?': lines open '??…', and '林长:张三?市委书记'
    # separates the name from its post
    text = ("各乡镇林长制办公室:\n??根据工作需要,对县级林长进行调整。\n??甲乙县林长制办公室\n??2025年3月5日\n??附件1\n"
            "??县级林长名单\n??副林长:\n??张三?县委副书记、县总工会主席\n??李四?县委常委、宣传部部长\n")
    facts, _ = _facts(text, date="2025-03-05")
    assert ("张三", "县委", "副书记") in _posts(facts) and ("李四", "县委宣传部", "部长") in _posts(facts)
    # a question mark in a copy without such indents stays one
    facts, _ = _facts("会议通知\n没有账号?会员注册\n")
    assert _posts(facts) == []


def test_a_bare_title_after_a_cppcc_standing_committees_party_post_is_the_cppccs():
    # ext-383: '市政协常委会党组副书记、副主席': the 市政协's 副主席 (the 人大常委会's 副主任 stays the 常委会's)
    text = "副组长:\n张三 甲市政协常委会党组副书记、副主席\n李四 甲市人大常委会党组副书记、副主任\n"
    facts, _ = _facts("关于成立甲市某工作领导小组的通知\n" + text, date="2025-03-05")
    posts = _posts(facts)
    assert ("张三", "甲市政协", "副主席") in posts and ("李四", "甲市人大常委会", "副主任") in posts
    assert all(u != "甲市政协常委会" for _, u, _ in posts)


def test_a_holder_lists_name_post_lines_with_empty_lines_and_areas():
    # ext-384: '一、省级总林长' … 'A  省委书记、省人大常委会主任' with an empty line after each entry, and
    # 'B  副省长 (责任区域:甲市、乙市)': a bare head-of-government title, the area no part of the post
    text = ("各市林长制办公室:\n\n现对省级林长予以调整。\n\n一、省级总林长\n\n张三  省委书记、省人大常委会主任\n\n"
            "李四 省委副书记、省长\n\n三、省级林长\n\n王五  副省长 (责任区域:甲市、乙市)\n\n赵六  副省长 (责任区域:丙市)\n\n"
            "                            某省林长制办公室\n\n2025年7月7日\n")
    facts, _ = _facts(text, date="2025-07-07")
    assert _posts(facts) == [("张三", "省人大常委会", "主任"), ("张三", "省委", "书记"), ("李四", "省人民政府", "省长"),
                             ("李四", "省委", "副书记"), ("王五", "省人民政府", "副省长"), ("赵六", "省人民政府", "副省长")]
    assert all("责任区域" not in f["evidence"]["text"] for f in facts if f["kind"] == "post")
    # one such line alone is no list
    facts, _ = _facts("会议通知\n\n张三  副省长\n\n请准时参加。\n")
    assert _posts(facts) == []


def test_an_adjustment_from_one_holder_to_another_names_both():
    # ext-385: '原由A职务张三担任的某湖省级湖长调整为由B职务李四担任' and '原由王五副省长担任的…调整为由赵六副省长担任':
    # each holder's posts as written (current; the 湖长 assignment is what changes)
    text = ("关于调整甲湖乙湖省级湖长的通知\n各市人民政府:\n经总河长同意,原由省人大常委会党组副书记、副主任张三担任的甲湖省级湖长"
            "调整为由省委常委、丙市委书记李四担任,湖长协助单位不变;原由王五副省长担任的乙湖省级湖长调整为由赵六副省长担任,"
            "湖长协助单位不变。\n某省全面推行河长制办公室\n2020年6月29日\n")
    facts, _ = _facts(text, date="2020-06-29")
    assert _posts(facts) == [("张三", "省人大常委会", "副主任"), ("张三", "省人大常委会党组", "副书记"),
                             ("李四", "丙市委", "书记"), ("李四", "省委", "常委"),
                             ("王五", "省人民政府", "副省长"), ("赵六", "省人民政府", "副省长")]
    assert not any(f.get("former") for f in facts if f["kind"] == "post")


def test_a_forums_anti_copy_noise_is_no_part_of_the_list():
    # ext-378: a forum's copy with noise runs glued to the lines ('副州长6 s; H/ c\' v6 U$ W- I', '2 t! n+ U0 N/ h$ H! @6 `+ [王五')
    text = ("(六)出版某书- ^7 A2 E5 H8 j0 K# }3 o6 R& k\n八、组织领导机构。某州人民政府成立某会筹备领导组,负责会务筹备。\n"
            "! n0 t2 b1 a/ |0 {# o组 长:张 三 某州人民政府副州长6 s; H/ c' v6 U$ W- I\n"
            "副组长:李 四 某州人民政府州长助理. M9 t8 @& U6 n\n"
            "2 t! n+ U0 N/ h$ H! @6 `+ [王五 某州人民政府副秘书长、办公室副主任\n")
    facts, _ = _facts(text, date=None)
    assert ("张三", "组长") in _memberships(facts) and ("李四", "副组长") in _memberships(facts)
    posts = _posts(facts)
    assert ("张三", "某州人民政府", "副州长") in posts and ("李四", "某州人民政府", "州长助理") in posts
    assert ("王五", "某州人民政府办公室", "副主任") in posts  # the office of the government just named
    assert all(not any(c.isascii() and c.isalpha() for c in f["unit"]) for f in facts if f["kind"] == "post")
    # numbers in a table are no noise
    facts, _ = _facts("表一\n81 0 1 2 3 4\n90 6 3 3 1 2\n77 1 2 3 4 5\n张三 某县人民政府副县长\n")
    assert all(f["evidence"]["text"].strip() for f in facts)


def test_a_list_entry_with_a_comma_between_its_posts_goes_on_with_the_list():
    # ext-378: under '副组长:', unlabelled lines 'name post' go on; '赵七 原某州人民政府巡视员,某州某协会名誉会长' (a comma
    # between two posts, 原 marking the first former) is one more entry, not the end of the list
    text = ("八、组织领导机构。某州人民政府成立某会筹备领导组,负责会务筹备。\n组 长:张 三 某州人民政府副州长\n"
            "副组长:李 四 某州人民政府州长助理\n杨六 某州人民政府秘书长\n赵七 原某州人民政府巡视员,某州某协会名誉会长\n"
            "孙九 某州农业局局长\n")
    facts, _ = _facts(text, date=None)
    assert _memberships(facts) == [("孙九", "副组长"), ("张三", "组长"), ("李四", "副组长"), ("杨六", "副组长"), ("赵七", "副组长")]
    zhao = sorted((f["unit"], f["title"], f.get("former", False)) for f in facts if f["kind"] == "post" and f["person"] == "赵七")
    assert zhao == [("某州人民政府", "巡视员", True), ("某州某协会", "名誉会长", False)]
    # a line that is a sentence with a comma still ends the list
    facts, _ = _facts("副组长:李 四 某州人民政府州长助理\n杨六 某州人民政府秘书长\n各成员单位要按照职责,做好工作。\n", date=None)
    assert all(f["person"] in ("李四", "杨六") for f in facts if f["kind"] == "post")


def test_member_units_running_to_the_end_of_a_cut_copy_leave_the_last_out():
    # ext-378: '成 员:由A、B、…、C协' ends the stored text (no 组成): the units before the last are members, the last
    # may be cut inside its name
    head = "某州人民政府成立某会筹备领导组,负责会务筹备。\n组 长:张 三 某州人民政府副州长\n"
    facts, warnings = _facts(head + "成 员:由某州政府新闻办、某州农业局、某州外事办、某州园艺站、某州某协", date=None)
    assert [m for m, r in _memberships(facts) if r == "成员"] == ["某州农业局", "某州园艺站", "某州外事办", "某州政府新闻办"]
    assert any("may be cut" in str(w) for w in warnings)
    # text after the run (no 组成, not cut by the copy's end): not read by this rule
    facts, _ = _facts(head + "成 员:由某州政府新闻办、某州农业局、某州外事办、某州园艺站、某州某协\n二、工作要求\n", date=None)
    assert [m for m, r in _memberships(facts) if r == "成员"] == []


def test_a_governments_department_named_by_its_field_is_an_assignee():
    # ext-381, ext-379: a law names whichever body does the work by its government and field
    text = ("第四条 省人民政府渔业行政主管部门负责全省的渔业管理工作。\n县级以上人民政府渔业行政主管部门负责本行政区域内的渔业管理工作。\n"
            "第六条 县级以上人民政府所属行政执法单位负责本单位的行政执法责任制工作。\n")
    facts, _ = _facts(text)
    assert [f["responsible"] for f in facts if f["kind"] == "task"] == [
        ["省人民政府渔业行政主管部门"], ["县级以上人民政府渔业行政主管部门"], ["县级以上人民政府所属行政执法单位"]]
    # a plural head after the government is no such kind; a government's 'something' that is no unit kind neither
    facts, _ = _facts("县级以上人民政府有关部门负责协调。\n省人民政府办公会议负责研究。\n")
    assert all(f["responsible"] != ["省人民政府办公会议"] for f in facts if f["kind"] == "task")


def test_a_laws_area_and_a_comma_before_the_modal_leave_its_units():
    # ext-379: '本行政区域内的各级人民政府、各行政执法单位,应当建立和实行…': the area is no part of the units; each
    # level's government is a collective (collectives.txt 各级人民政府)
    facts, _ = _facts("第二条 本行政区域内的各级人民政府、各行政执法单位,应当建立和实行行政执法责任制。\n")
    assert [f["responsible"] for f in facts if f["kind"] == "task"] == [["各级人民政府", "各行政执法单位"]]
    # a sentence whose opening before the comma is no unit stays without a task
    facts, _ = _facts("第三条 本行政区域内的行政执法活动,应当纳入管理。\n")
    assert [f for f in facts if f["kind"] == "task"] == []


def test_the_levels_from_one_up_before_a_kind_of_unit_are_an_assignee():
    # ext-380: '县(市、区)以上气象主管机构在同级人民政府领导下,负责…' (collective_affixes.tsv alone 主管机构)
    facts, _ = _facts("第四条县(市、区)以上气象主管机构在同级人民政府领导下,负责某工作的组织实施和指导管理。\n")
    assert [f["responsible"] for f in facts if f["kind"] == "task"] == [["县(市、区)以上气象主管机构"]]
    facts, _ = _facts("第五条 县级以上林业主管部门负责本行政区域内的某工作。\n")
    assert [f["responsible"] for f in facts if f["kind"] == "task"] == [["县级以上林业主管部门"]]
    # the levels before a kind that is no unit are not read so
    facts, _ = _facts("第六条 县级以上行政区域内负责配合。\n")
    assert [f for f in facts if f["kind"] == "task"] == []


def test_a_holder_lists_headings_do_not_break_its_run_of_entries():
    # ext-384: '一、省级总林长' / '二、省级副总林长' / '三、省级林长' each over one or more 'name  post' lines: one list, so that
    # an entry alone under its heading is read
    text = ("各市林长制办公室:\n\n现对市级林长予以调整。\n\n一、市级总林长\n\n张三  市委书记\n\n二、市级副总林长\n\n李四  副市长\n\n"
            "三、市级林长\n\n王五  副市长 (责任区域:甲区)\n\n某市林长制办公室\n\n2025年7月7日\n")
    facts, _ = _facts(text, date="2025-07-07")
    assert _posts(facts) == [("张三", "市委", "书记"), ("李四", "市人民政府", "副市长"), ("王五", "市人民政府", "副市长")]
    # any other heading between two single lines still parts them
    facts, _ = _facts("一、出席领导\n\n张三  市委书记\n\n二、会议议程\n\n李四  副市长\n")
    assert _posts(facts) == []
