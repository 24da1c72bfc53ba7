"""Round 24's layouts (rotation rot30), on snippets shaped like real notices (ext-357..367, formal notices of new
places, dev from round 24).

Each test builds the notice directly (doc, date as the header would give them) and checks every
fact's evidence, as tests/test_round22_real.py does. Names and places are made up.
"""

from __future__ import annotations

from snippets import snippet_facts as _facts
from snippets import snippet_tasks as _tasks


def test_a_commissions_second_plate_in_brackets_is_no_unit_of_its_own():
    # ext-359: '市发展改革委(市粮食和物资储备局)负责…': a commission with a bureau's plate, one body; a party
    # department's bracketed bureau stays two entries (sh-14's gold), sub-offices stay apart
    from govgraph.loaders.assignees import split_assignees
    text = "第五条 市发展改革委（市甲乙储备局）、市财政局应当根据市场需求,适时调整储备品种结构。"
    facts, _ = _facts(text)
    assert _tasks(facts) == [((), ("市发展改革委", "市财政局"), None)]
    assert split_assignees("区委组织部(区公务员局)") == ["区委组织部", "区公务员局"]
    assert split_assignees("区委宣传部(区文明办、区政府新闻办)") == ["区委宣传部", "区文明办", "区政府新闻办"]


def test_the_seat_of_a_body_is_no_unit_ending_in_suo():
    # ext-359: '市人民政府所在地某区人民政府和某经开区管委会建立…': 所在地 is one word (where they sit), the units after it
    text = "第十一条 市人民政府所在地甲乙区人民政府和丙丁经开区管委会建立不低于10天市场供应量的成品粮油储备。"
    facts, _ = _facts(text)
    assert _tasks(facts) == [((), ("甲乙区人民政府", "丙丁经开区管委会"), None)]


def test_a_modal_or_a_condition_caught_with_the_subject_is_no_unit():
    # ext-359: '承储企业应当积极配合市某委(市某局)、市财政局等部门依法开展的监督检查工作' and '必要时经市某委会同市财政局批准后,
    # 可采取…': 应当 stands in no name, 必要时 opens none
    from govgraph.loaders.assignees import is_assignee
    assert not is_assignee("承储企业应当积极配合市甲乙委")
    assert not is_assignee("必要时经市甲乙委")
    text = "第四十二条 承储企业应当积极配合市甲乙委、市财政局等部门依法开展的监督检查工作。"
    facts, _ = _facts(text)
    assert _tasks(facts) == []


def test_a_pages_clock_line_is_no_date_and_a_consultation_field_gives_the_year():
    # ext-362: '今天是:2025年12月06日' (the site's clock at the crawl) above a 征集 page whose field '截止:2019-06-18' gives the
    # letter's year: the deadline 6月18日 is 2019's, never the clock's year
    from govgraph.loaders.splitting import split_notices
    text = ("今天是:2025年12月06日\n甲市水利局\n征集调查\n\n时限:\n\n截止:2019-06-18\n\n甲市某办公室关于征求意见的函\n\n"
            "市直有关部门: 为切实做好防汛工作,按照市政府部署,市某办修订形成了《甲市某预案(征求意见稿)》。"
            "请各单位于6月18日前将修改意见反馈至市某办。")
    from govgraph.loaders.pipeline import extract_notice
    notices, _ = split_notices(text, "x.txt")
    assert notices[0].date is None
    facts, _ = extract_notice(notices[0])
    assert [(f["responsible"], f["due"]) for f in facts if f["kind"] == "task"] == [(["各单位"], "2019-06-18")]


def test_a_purpose_clause_after_the_salutation_opens_the_letter():
    # ext-362: '市直有关部门: 为切实做好某工作,按照…,市某办修订形成了《…》。' (the addressee line run into the letter):
    # a purpose clause opens the letter as 根据… does, no duty of the addressees; a unit's duty after a colon stays one
    text = ("市直有关部门: 为切实做好防汛工作,按照市政府部署,市某办修订形成了《甲市某预案》。\n"
            "二、区财政局:负责落实所需经费。")
    facts, _ = _facts(text)
    assert [t[1] for t in _tasks(facts)] == [("区财政局",)]


def _posts(facts):
    return sorted((f["person"], f["unit"], f["title"]) for f in facts if f["kind"] == "post")


def test_an_appointment_run_with_the_posts_held_now_in_brackets():
    # ext-357: '现任命A(某县委书记、县长)为某站站长,B(某局副局长)、C(某农场党委第一书记、场长)为副站长;D(…)为某站站长': each
    # name with its current posts in brackets; a deputy's bare title is the deputy of the station just named
    text = ("现任命张三(甲县委书记、县长)为甲乙站站长,李四(甲县林业局副局长)、王五(丙农场党委第一书记、场长)为副站长;"
            "赵六(丁地委常委、副专员、林业管理局局长)为丁戊站站长。")
    facts, _ = _facts(text)
    assert _posts(facts) == sorted([
        ("张三", "甲县委", "书记"), ("张三", "甲县人民政府", "县长"), ("张三", "甲乙站", "站长"),
        ("李四", "甲县林业局", "副局长"), ("李四", "甲乙站", "副站长"),
        ("王五", "丙农场党委", "第一书记"), ("王五", "丙农场", "场长"), ("王五", "甲乙站", "副站长"),
        # 副专员 after the 地委's post is none of the 地委's (a 专署's, unwritten): not read
        ("赵六", "丁地委", "常委"), ("赵六", "林业管理局", "局长"), ("赵六", "丁戊站", "站长")])


def test_a_deputys_bare_title_after_an_appointment_is_that_units():
    # '任命A为某局局长,B为副局长': the bare 副局长 is the deputy of the unit just named; another bare title is not read so
    facts, _ = _facts("任命张三为甲县林业局局长,李四为副局长。")
    assert _posts(facts) == [("张三", "甲县林业局", "局长"), ("李四", "甲县林业局", "副局长")]
    facts, _ = _facts("任命张三为甲县林业局局长,李四为副主任。")
    assert _posts(facts) == [("张三", "甲县林业局", "局长")]


def _members(facts):
    return sorted((f["group"], f["member"], f["role"]) for f in facts if f["kind"] == "membership")


def test_member_units_counted_as_departments_and_units_and_a_group_named_with_its_short_name():
    # ext-360: '县某联席会议由A、B…共16个部门和单位组成。县某某联席会议(以下简称联席会议)由A、C…共8个部门和单位组成。':
    # the count is no part of the last unit; each sentence's units are the group it names
    text = ("为加强协调,特建立甲乙联席会议制度。\n二、联席会议组成单位\n"
            "县甲乙联席会议由县安委办、县公安局、县教育局共3个部门和单位组成。\n"
            "县丙丁联席会议(以下简称联席会议)由县安委办、县工商局共2个部门和单位组成。")
    facts, _ = _facts(text)
    assert _members(facts) == sorted([
        ("县甲乙联席会议", "县安委办", "成员"), ("县甲乙联席会议", "县公安局", "成员"), ("县甲乙联席会议", "县教育局", "成员"),
        ("县丙丁联席会议", "县安委办", "成员"), ("县丙丁联席会议", "县工商局", "成员")])


def test_posts_revoked_with_the_mandate_end():
    # ext-366: 'A的第十四届某人民代表大会常务委员会委员、某专门委员会委员职务相应撤销': ended (former, the month), the
    # body's term no part of its name, both posts of the long run read
    text = ("上海市人大常委会决定罢免周甲的第十四届全国人民代表大会代表职务。依照有关规定,罗甲的第十四届全国人民代表大会"
            "常务委员会委员、全国人民代表大会教育科学文化卫生委员会委员职务相应撤销,刘乙的第十四届全国人民代表大会常务委员会"
            "委员职务相应撤销。")
    facts, _ = _facts(text)
    got = sorted((f["person"], f["unit"], f["title"], f.get("former"), f.get("end")) for f in facts if f["kind"] == "post")
    assert got == [("刘乙", "全国人民代表大会常务委员会", "委员", True, "2020-01"),
                   ("罗甲", "全国人民代表大会常务委员会", "委员", True, "2020-01"),
                   ("罗甲", "全国人民代表大会教育科学文化卫生委员会", "委员", True, "2020-01")]


def test_a_dated_hour_then_jiang_opens_the_predicate_and_a_provinces_own_departments():
    # ext-358: '各市(州)人民政府、某新区管委会和省直相关部门于9月13日下午17:00前将参会人员名单反馈省农委': the units, a day and
    # an hour, then 将; 省直相关部门 is a collective joined by 和 as 市直 is
    text = "(一)反馈名单。各市(州)人民政府、甲乙新区管委会和省直相关部门于9月13日下午17:00前将参会人员名单反馈省农委。"
    facts, _ = _facts(text)
    assert _tasks(facts) == [((), ("各市(州)人民政府", "甲乙新区管委会", "省直相关部门"), "2020-09-13")]


def test_a_kind_of_party_named_by_a_short_name_of_the_notice_and_articles_end_a_duty():
    # ext-359: '第八条 承储某粮的企业应具有独立法人资格(以下简称承储企业),…。第十四条 承储企业应当加强…': the short name is
    # the subject of its sentences; '。第十五条 …' ends the duty's text before it (黄府规〔2023〕7号's texts too)
    # (a kind of enterprise so named is the regulated, no assignee since round 28's convention: a unit's kind here)
    text = ("第八条 承储甲粮的单位应具有独立法人资格(以下简称承储单位),建立健全内控管理制度。"
            "第十一条 承储单位应当加强仓储设施建设和维护。")
    facts, _ = _facts(text)
    assert [(tuple(f["responsible"]), f["text"]) for f in facts if f["kind"] == "task"] == \
        [(("承储单位",), "应当加强仓储设施建设和维护。")]
    text = "(一)市甲局负责甲粮行政管理。储存周期结束后,档案保存期不少于5年。第十条 甲粮原则上每4年轮换一次。"
    facts, _ = _facts(text)
    assert [(tuple(f["responsible"]), f["text"]) for f in facts if f["kind"] == "task"] == \
        [(("市甲局",), "负责甲粮行政管理。储存周期结束后,档案保存期不少于5年。")]


def test_a_unit_with_its_branches_is_the_unit():
    # ext-359: '农发行某分行及其分支机构按照国家有关规定,及时、足额发放…贷款': the branch itself (sub_units.tsv branches)
    facts, _ = _facts("第七条 农发行甲乙分行及其分支机构按照国家有关规定,及时、足额发放所需贷款。")
    assert _tasks(facts) == [((), ("农发行甲乙分行",), None)]


def test_a_short_named_party_then_a_time_then_the_modal():
    # ext-359: '承储企业在执行轮换计划时,应加强…': the time the duty waits for, between the short name and its modal
    text = ("第八条 承储甲粮的单位应具有独立法人资格(以下简称承储单位)。"
            "第二十七条 承储单位在执行轮换计划时,应加强市场价格行情调研。")
    facts, _ = _facts(text)
    assert _tasks(facts) == [((), ("承储单位",), None)]


def test_emergency_is_no_should():
    # ext-363: '5.3 区某指挥部办公室应急响应' (a plan's contents line): 应急 is no 应 (modal_lookalikes.txt); ext-285's heading
    # '2.5 乡镇(街道)应急组织机构' alike
    text = ("5.3 区甲乙指挥部办公室应急响应\n5.4 区甲乙指挥部成员单位应急响应\n2.5 乡镇(街道)应急组织机构\n"
            "区甲乙指挥部办公室应及时报告事故情况。")
    facts, _ = _facts(text)
    assert _tasks(facts) == [((), ("区甲乙指挥部办公室",), None)]


def test_a_cppcc_committees_place():
    # ext-365: an issuer '政协某市委员会' is that city's (issuer_prefixes.txt, as 中共…)
    from govgraph.loaders.places import place_of_org
    assert place_of_org("政协甲乙市委员会") == "甲乙市"
    assert place_of_org("中共甲乙市委员会") == "甲乙市"


def test_a_bracketed_name_cut_from_its_list_by_a_comma():
    # ext-357: '…为某站站长,B(某县副县长),C(某局副局长)、D(…)为副站长': B is one of the deputies; with no appointment after
    # it such a clause reads nothing
    text = "现任命张三(甲县县长)为甲乙站站长,李四(甲县副县长),王五(乙林业局副局长)为副站长。"
    facts, _ = _facts(text)
    assert ("李四", "甲乙站", "副站长") in _posts(facts) and ("李四", "甲县人民政府", "副县长") in _posts(facts)
    facts, _ = _facts("现任命张三为甲乙站站长,李四(甲县副县长)。")
    assert _posts(facts) == [("张三", "甲乙站", "站长")]


def test_a_short_named_party_with_a_purpose_before_or_a_verb_phrase_before_its_modal():
    # ext-359: '为避免超期轮换,承储企业应当加强…', '承储企业储存某粮应区分…', '承储企业采购某粮,应当按…检验' (a unit's kind here: an
    # enterprise's is no assignee since round 28's convention); a reporting line
    # with 负责 ('某机构向市人民政府负责并报告工作', ext-268's gold) stays no task
    text = ("第八条 承储甲粮的单位应具有独立法人资格(以下简称承储单位)。驻外工作的机构(以下简称驻外机构)设在甲市。"
            "第十九条 承储单位储存甲粮应区分不同品种。第二十六条 为避免超期轮换,承储单位应当加强调度。"
            "第三十条 承储单位采购甲粮,应当按国家标准进行检验。第四十条 驻外机构向市人民政府负责并报告工作。")
    facts, _ = _facts(text)
    assert [t[1] for t in _tasks(facts)] == [("承储单位",)] * 3


def test_a_numbered_item_the_outline_misses_ends_a_duty():
    # ext-358: '(三)…\n四、工作安排\n)反馈名单。…前将名单反馈省农委。\n(二)会议报到。请各参会人员…报到。': (二) after a damaged (一)
    # is no item the outline takes, but it opens a line: the duty before does not run on into it
    text = ("一、会议时间\n9月19日召开会议。\n二、会议形式\n会议分两阶段进行。\n、参会人员\n(一)省直各单位分管负责同志。\n"
            "(二)各市人民政府分管负责同志。\n(三)各县人民政府分管负责同志。\n四、工作安排\n"
            ")反馈名单。各市人民政府和省直相关部门于9月13日下午17:00前将参会人员名单反馈省农委。\n"
            "(二)会议报到。请各参会人员于9月18日到甲乙酒店报到。")
    facts, _ = _facts(text)
    assert [f["text"] for f in facts if f["kind"] == "task"] == ["于9月13日下午17:00前将参会人员名单反馈省农委。"]
