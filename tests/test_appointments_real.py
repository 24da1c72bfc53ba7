"""任免 in real notices: snippets of the dev part of data/real (rm- batch), each with its source.

Appointments and current posts carry ``as_of`` (the notice's date), removals and accepted
resignations ``former`` with ``end`` (the month), 公示 posts ``proposed``.
"""

from __future__ import annotations

from pathlib import Path

from govgraph.facts import validate_fact
from govgraph.loaders import extract_paths
from govgraph.loaders.build_posts import build_posts
from govgraph.loaders.context import NoticeContext
from govgraph.notice import Notice

REAL = Path(__file__).resolve().parent.parent / "data" / "real" / "notices"


def _posts(text: str, date: str | None = "2020-08-11"):
    ctx = NoticeContext(Notice(doc="d", text=text, date=date))
    facts = build_posts(ctx)
    for f in facts:
        assert not validate_fact(f), f
        ev = f["evidence"]
        assert text[ev["start"]:ev["end"]] == ev["text"]
    return facts


def _keys(facts):
    return {(f["person"], f["unit"], f["title"]) for f in facts}


def _how(facts):
    return {(f["person"], f["title"], f.get("as_of"), f.get("end"), bool(f.get("former")), bool(f.get("proposed")))
            for f in facts}


def test_appointment_and_removal_lists_with_a_qualifier_after_the_name():
    # rm-01.txt (国务院任免国家工作人员)
    facts = _posts("任命孙茂利为公安部副部长；任命朱程清（女）为水利部副部长；"
                   "任命潘贤掌为国务院台湾事务办公室副主任。\n免去余蔚平的财政部副部长职务；免去陆桂华的水利部副部长职务。",
                   date="2022-08-17")
    assert _keys(facts) == {("孙茂利", "公安部", "副部长"), ("朱程清", "水利部", "副部长"),
                            ("潘贤掌", "国务院台湾事务办公室", "副主任"), ("余蔚平", "财政部", "副部长"),
                            ("陆桂华", "水利部", "副部长")}
    assert ("朱程清", "副部长", "2022-08-17", None, False, False) in _how(facts)
    assert ("余蔚平", "副部长", None, "2022-08", True, False) in _how(facts)
    assert not any("start" in f for f in facts)


def test_traditional_text_keeps_its_characters_and_drops_an_alias_in_brackets():
    # rm-03.txt (經濟通 item on the State Council list)
    text = ("人社部今次公布的任免還包括:任命徐耀為退役軍人事務部副部長;任命宋新春為國家林業和草原局(國家公園管理局)副局長。"
            "免去彭小國的國家林業和草原局(國家公園管理局)副局長職務;免去常繼樂的國家疾病預防控制局副局長職務。")
    assert _keys(_posts(text)) == {("徐耀", "退役軍人事務部", "副部長"), ("宋新春", "國家林業和草原局", "副局長"),
                                   ("彭小國", "國家林業和草原局", "副局長"), ("常繼樂", "國家疾病預防控制局", "副局長")}


def test_resignations_acting_posts_and_a_meeting_attendance_list():
    # rm-06.txt (黑龙江省人大常委会): full names from the decision titles, 省政府 is the 人民政府
    facts = extract_paths([REAL / "rm-06.txt"]).facts
    posts = {(f["person"], f["unit"], f["title"], bool(f.get("former"))) for f in facts if f["kind"] == "post"}
    assert {("张左己", "黑龙江省人民政府", "省长", True), ("刘学良", "黑龙江省人民政府", "副省长", True),
            ("栗战书", "黑龙江省人民政府", "代理省长", False), ("杜家毫", "省人民政府", "副省长", False),
            ("郭晓华", "省人民政府", "秘书长", False), ("张松岭", "省人民政府", "秘书长", True),
            ("钱运录", "省委", "书记", False), ("钱运录", "黑龙江省人大常委会", "主任", False),
            ("董浩", "黑龙江省人大常委会", "副主任", False), ("傅亚文", "黑龙江省人大常委会", "秘书长", False),
            ("王宗璋", "黑龙江省人大常委会", "副主任", False), ("王东华", "省人民政府", "副省长", False)} <= posts
    assert not any(p[0] in ("刘伟", "印蕾") for p in posts)  # reporters


def test_running_list_after_one_appointment_keeps_elliptical_units():
    # rm-07.txt (上海市人大常委会)
    facts = _posts("此次决定任命的共计十一位上海市政府组成人员:任命王坚为上海市经济和信息化委员会主任,"
                   "沙海林为商务委员会主任,马伊里为民政局局长,冯经明为规划和国土资源管理局局长。")
    assert _keys(facts) == {("王坚", "上海市经济和信息化委员会", "主任"), ("沙海林", "商务委员会", "主任"),
                            ("马伊里", "民政局", "局长"), ("冯经明", "规划和国土资源管理局", "局长")}


def test_provincial_leaders_resign_and_acting_governors_take_over():
    # rm-10.txt (人民网 roundup)
    facts = _posts("3月26日,王正伟辞去宁夏回族自治区人民政府主席职务,刘慧代理宁夏回族自治区人民政府主席职务;"
                   "3月28日,马飚辞去广西壮族自治区主席职务,陈武任代理主席。\n郭树清任山东省代省长 姜大明辞省长职务", date=None)
    assert _keys(facts) == {("王正伟", "宁夏回族自治区人民政府", "主席"), ("刘慧", "宁夏回族自治区人民政府", "代理主席"),
                            ("马飚", "广西壮族自治区人民政府", "主席"), ("陈武", "广西壮族自治区人民政府", "代理主席"),
                            ("郭树清", "山东省人民政府", "代理省长"), ("姜大明", "省人民政府", "省长")}
    assert {f["person"] for f in facts if f.get("former")} == {"王正伟", "马飚", "姜大明"}


def test_gongshi_entry_with_current_and_proposed_posts():
    # rm-11.txt (湖南省委组织部 干部任前公示)
    facts = _posts("何华榕,男,汉族,1966年12月出生,大专,九三学社社员,现任九三学社衡阳市委主委、衡阳市审计局副局长,"
                   "拟提名为市州政协副职候选人(学历破格);\n"
                   "2021年任九三学社衡阳市委主委、衡阳市审计局副局长。", date=None)
    assert _keys(facts) == {("何华榕", "九三学社衡阳市委", "主委"), ("何华榕", "衡阳市审计局", "副局长"),
                            ("何华榕", "市州政协", "副职")}
    assert [f["title"] for f in facts if f.get("proposed")] == ["副职"]


def test_proposed_posts_named_before_the_person():
    # rm-14.txt (浙江省委组织部 任前公示): 蔡艳 is written elsewhere, so 蔡艳则 is no name
    facts = _posts("其中,拟任兰溪市委书记的朱瑞俊和拟提名为兰溪市长候选人的蔡艳则为1972年生人。"
                   "同为省委党校研究生学历、比他小两个月的磐安人蔡艳,则一直在金华地区工作。")
    assert _keys(facts) == {("朱瑞俊", "兰溪市委", "书记"), ("蔡艳", "兰溪市人民政府", "市长")}
    assert all(f.get("proposed") and "as_of" not in f for f in facts)


def test_deputy_and_acting_head_of_a_court_and_a_resignation_request():
    # rm-12.txt (苏州市人大常委会)
    facts = _posts("会上,受市长曲福田委托,副市长王翔提请人事任免事项。会议经过审议,以无记名投票方式决定任命吴晓东为苏州市人民政府副市长,"
                   "任命徐清宇为苏州市中级人民法院副院长、代理院长,闵正兵为苏州市人民检察院副检察长、代理检察长。"
                   "会议接受叶兆伟辞去苏州市中级人民法院院长职务的请求。", date="2017-01-11")
    assert _keys(facts) == {("曲福田", "市人民政府", "市长"), ("王翔", "市人民政府", "副市长"),
                            ("吴晓东", "苏州市人民政府", "副市长"), ("徐清宇", "苏州市中级人民法院", "副院长"),
                            ("徐清宇", "苏州市中级人民法院", "代理院长"), ("闵正兵", "苏州市人民检察院", "副检察长"),
                            ("闵正兵", "苏州市人民检察院", "代理检察长"), ("叶兆伟", "苏州市中级人民法院", "院长")}


def test_posts_of_a_court_and_its_bodies_in_one_removal():
    # rm-05.txt (全国人大常委会): 审判委员会 and 知识产权法庭 are bodies of the court named first
    facts = _posts("免去罗东川的最高人民法院副院长、审判委员会委员、知识产权法庭庭长、审判员职务。")
    assert _keys(facts) == {("罗东川", "最高人民法院", "副院长"), ("罗东川", "最高人民法院审判委员会", "委员"),
                            ("罗东川", "最高人民法院知识产权法庭", "庭长"), ("罗东川", "最高人民法院", "审判员")}


def test_attendance_lists_with_several_names_and_a_minority_name():
    # rm-05.txt (全国人大常委会) and rm-16.txt (崇明区)
    facts = _posts("全国人大常委会副委员长王晨、曹建明、艾力更·依明巴海、白玛赤林,秘书长杨振武出席会议")
    assert _keys(facts) == {("王晨", "全国人大常委会", "副委员长"), ("曹建明", "全国人大常委会", "副委员长"),
                            ("艾力更·依明巴海", "全国人大常委会", "副委员长"), ("白玛赤林", "全国人大常委会", "副委员长"),
                            ("杨振武", "全国人大常委会", "秘书长")}
    facts = _posts("区委常委、副区长黄晓霞,区委常委、纪委书记、监委主任沈雪峰列席会议。副区长张秩通,区人民法院院长竺常贇列席会议。")
    assert _keys(facts) == {("黄晓霞", "区委", "常委"), ("黄晓霞", "区人民政府", "副区长"), ("沈雪峰", "区委", "常委"),
                            ("沈雪峰", "纪委", "书记"), ("沈雪峰", "监委", "主任"), ("张秩通", "区人民政府", "副区长"),
                            ("竺常贇", "区人民法院", "院长")}


def test_acting_county_head_and_a_career_step_without_a_subject():
    # rm-18.txt (响水县)
    facts = _posts("会议决定任命翟大伟同志为响水县人民政府副县长;决定接受陆文忠同志辞去响水县人民政府县长职务,"
                   "决定翟大伟同志代理响水县人民政府县长职务。\n"
                   "2021年7月任共青团盐城市委书记,时年34岁。后调任盐城市盐都区委副书记(正处级)、大冈镇党委书记,至此番履新。",
                   date="2024-11-22")
    assert _keys(facts) == {("翟大伟", "响水县人民政府", "副县长"), ("翟大伟", "响水县人民政府", "代理县长"),
                            ("陆文忠", "响水县人民政府", "县长")}


def test_resignation_of_the_person_just_appointed():
    # rm-22.txt (中山市): 其 is the person of the clause before
    facts = _posts("会议经表决,决定任命陈晖东为中山市人民政府副市长,接受其辞去中山市人大常委会副主任职务的请求。"
                   "免去刘云梅的中山市人民政府副市长职务。", date=None)
    assert _keys(facts) == {("陈晖东", "中山市人民政府", "副市长"), ("陈晖东", "中山市人大常委会", "副主任"),
                            ("刘云梅", "中山市人民政府", "副市长")}
    assert {f["person"] for f in facts if f.get("former")} == {"陈晖东", "刘云梅"}
    assert {(f["person"], f["unit"]) for f in facts if f.get("former")} == {("陈晖东", "中山市人大常委会"),
                                                                           ("刘云梅", "中山市人民政府")}


def test_acting_mayor_written_as_a_duty_and_a_department_of_the_party_committee():
    # rm-23.txt (漳州市)
    facts = _posts("市委常委、常务副市长张慧德,市委常委、组织部长蔡亚东,市法院院长罗雄列席会议。"
                   "决定任命王进足为漳州市人民政府副市长、代理漳州市人民政府市长职务。", date=None)
    assert _keys(facts) == {("张慧德", "市委", "常委"), ("张慧德", "市人民政府", "常务副市长"), ("蔡亚东", "市委", "常委"),
                            ("蔡亚东", "市委组织部", "部长"), ("罗雄", "市法院", "院长"),
                            ("王进足", "漳州市人民政府", "副市长"), ("王进足", "漳州市人民政府", "代理市长")}


def test_removal_written_without_de_and_a_vice_county_head_of_the_government():
    # rm-20.txt (涉县)
    facts = _posts("会议还一致通过了新的人事任免决议,免除路正阳同志常务副县长一职,免除孟凡哲同志副县长一职,"
                   "任命邢晟同志为政府副县长,苑华东同志为政府副县长,江钦所为两名同志颁发任命书。", date=None)
    assert _keys(facts) == {("路正阳", "县人民政府", "常务副县长"), ("孟凡哲", "县人民政府", "副县长"),
                            ("邢晟", "县人民政府", "副县长"), ("苑华东", "县人民政府", "副县长")}


def test_the_office_of_a_group_is_not_a_post():
    # data/000_69f8c657212cfd7a.txt (阳政办〔2018〕9号): 办公室主任 is a role in the group
    assert _posts("领导小组下设办公室,办公室设在区水务局,由许才勇兼任办公室主任。") == []


def test_a_name_before_a_leaders_title_whose_unit_goes_without_saying():
    # rm-05.txt (全国人大常委会)
    facts = _posts("国家主席习近平分别签署第51、52、53、54号主席令。栗战书委员长主持会议。")
    assert _keys(facts) == {("栗战书", "全国人大常委会", "委员长")}


def test_posts_before_a_person_who_also_heads_the_groups_office():
    # gov-12.txt (财政部 leads the group's office): the post is his, the office is a role in the group
    facts = _posts("领导小组办公室设在财政部,承担领导小组日常工作。财政部部长助理戴柏华兼任办公室主任,领导小组成员单位有关司局负责同志为办公室成员。")
    assert _keys(facts) == {("戴柏华", "财政部", "部长助理")}


def test_roles_in_a_groups_office_are_not_posts():
    # sh-01.txt (联席会议办公室): 由X同志兼任 a role of the group's office
    assert _posts("联席会议下设办公室（设在市绿化市容局），办公室主任由王为人同志兼任，办公室常务副主任由邓建平同志兼任。") == []


def test_an_appointment_and_a_removal_joined_by_a_list_comma():
    # the construct of rm-22.txt (任命…,接受其辞去…) written with 、 between the two verbs
    facts = _posts("决定任命陈晖东为中山市人民政府副市长、免去其中山市人大常委会副主任职务。", date=None)
    assert {(f["person"], f["unit"], f["title"], bool(f.get("former"))) for f in facts} == {
        ("陈晖东", "中山市人民政府", "副市长", False), ("陈晖东", "中山市人大常委会", "副主任", True)}


def test_two_post_name_groups_with_a_court_chamber_and_a_name_ending_like_a_unit():
    # rm-20.txt (涉县): 江钦所 ends like a unit (所) but stands right after a title
    facts = _posts("县人大常委会主任江钦所,副主任康金铁、牛永芳、苑华东出席。"
                   "县法院行政审判庭庭长陈铁山、县检察院民行科科长袁卫东分别就本职工作作了报告。", date=None)
    assert _keys(facts) == {("江钦所", "县人大常委会", "主任"), ("康金铁", "县人大常委会", "副主任"),
                            ("牛永芳", "县人大常委会", "副主任"), ("苑华东", "县人大常委会", "副主任"),
                            ("陈铁山", "县法院行政审判庭", "庭长"), ("袁卫东", "县检察院民行科", "科长")}


def test_a_party_group_is_the_unit_of_its_secretary_and_the_congress_committee_gets_its_full_name():
    # rm-15.txt (樊城区): 党组 is a body inside the committee (as 区委常委 is 常委 of 区委); the notice
    # writes the committee's full name in its 任命名单 heading
    facts = _posts("区人大常委会党组书记、主任李元明主持会议。区人大常委会副主任戴涛、田力出席会议。"
                   " 樊城区人民代表大会常务委员会任命名单 (2020年7月28日樊城区第六届人民代表大会常务委员会第二十六次会议通过) "
                   "决定任命: 余兴军为樊城区人民政府副区长。", date="2020-07-28")
    assert _keys(facts) == {("李元明", "区人大常委会党组", "书记"), ("李元明", "樊城区人民代表大会常务委员会", "主任"),
                            ("戴涛", "樊城区人民代表大会常务委员会", "副主任"),
                            ("田力", "樊城区人民代表大会常务委员会", "副主任"), ("余兴军", "樊城区人民政府", "副区长")}


def test_a_removal_of_the_person_just_appointed_does_not_end_the_appointment_list():
    # the layout of the 任免 lists of rm-01.txt / rm-07.txt with 免去其… inside one entry (not a dev snippet)
    facts = _posts("会议决定任命:王坚为上海市经济和信息化委员会主任,免去其上海市经济委员会主任职务;沙海林为商务委员会主任。")
    assert {(f["person"], f["unit"], bool(f.get("former"))) for f in facts} == {
        ("王坚", "上海市经济和信息化委员会", False), ("王坚", "上海市经济委员会", True), ("沙海林", "商务委员会", False)}


def test_a_gongshi_entry_reads_on_to_the_end_of_its_paragraph():
    # rm-11.txt's 公示 entry, with its 现任/拟提名为 after a full stop as other 公示 write it (not a dev snippet)
    facts = _posts("范振华,男,汉族,1969年1月出生,省委党校大专,无党派人士。现任衡阳市工商业联合会(市总商会)主席(会长),"
                   "拟提名为市州政协副职候选人(学历破格)。\n范振华曾任衡阳市民政局局长等职。", date=None)
    assert _keys(facts) == {("范振华", "衡阳市工商业联合会", "主席"), ("范振华", "市州政协", "副职")}


def test_a_post_held_before_by_the_person_the_sentence_is_about():
    # rm-02.txt (信報, Traditional)
    facts = _posts("昨天國務院集中發布了百餘名省部級官員的任免消息,其中較矚目的還有任命許甘露為公安部副部長、國家移民管理局局長,"
                   "任命孫力軍為公安部副部長。56歲的許甘露是福建人,此前擔任河南省委政法委書記;", date="2018-04-04")
    assert {(f["person"], f["unit"], f["title"], bool(f.get("former"))) for f in facts} == {
        ("許甘露", "公安部", "副部長", False), ("許甘露", "國家移民管理局", "局長", False),
        ("孫力軍", "公安部", "副部長", False), ("許甘露", "河南省委政法委", "書記", True)}


# -- round 2 ---------------------------------------------------------------------------------

def test_an_appointed_person_with_the_posts_he_holds_written_before_his_name():
    # rm-17.txt (房县人大常委会)
    facts = _posts("会议审议表决通过有关人事任免事项,决定接受蔡贤忠同志辞去县人民政府县长职务的请求;"
                   "任命县委副书记纪道清同志为县人民政府副县长、代理县长。", date="2016-05-16")
    assert _how(facts) == {("蔡贤忠", "县长", None, "2016-05", True, False),
                           ("纪道清", "副书记", "2016-05-16", None, False, False),
                           ("纪道清", "副县长", "2016-05-16", None, False, False),
                           ("纪道清", "代理县长", "2016-05-16", None, False, False)}
    assert ("纪道清", "县委", "副书记") in _keys(facts)


def test_elected_persons_written_between_xuanju_and_wei():
    # rm-08.txt (人民報, Traditional): 選舉A、B、C當選爲Y
    facts = _posts("16日湖北省政協九屆四次會議第二次大會選舉陳春林、武清海、宋德福當選爲九屆省政協副主席。", date="2006-01-19")
    assert {(f["person"], f["title"]) for f in facts} == {("陳春林", "副主席"), ("武清海", "副主席"), ("宋德福", "副主席")}


def test_a_place_prefixed_unit_written_after_a_verb_elsewhere_in_the_notice():
    # rm-21.txt (肇东): 市监察委员会 is 肇东市监察委员会, written so in 任命…为肇东市监察委员会副主任
    facts = _posts("市委常委、市监察委员会主任杨铁成,市委常委、常务副市长吕江出席会议。"
                   "根据表决结果,任命熊福春同志为肇东市文化广电新闻出版局局长,任命李连杰同志为肇东市商务局局长。"
                   "根据表决结果,任命周文艺、田发启同志为肇东市监察委员会副主任。", date=None)
    assert ("杨铁成", "肇东市监察委员会", "主任") in _keys(facts)
    assert ("杨铁成", "市委", "常委") in _keys(facts)


def test_a_note_in_brackets_with_a_comma_and_a_post_after_more_than_one_space():
    # layouts of appointment lists (not dev snippets): 副主任(挂职,时间一年); 任命: 张三  区财政局局长
    facts = _posts("聘任张三同志为区人民政府办公室副主任(挂职,时间一年)。")
    assert _keys(facts) == {("张三", "区人民政府办公室", "副主任")}
    facts = _posts("任命张三为区政府办公室副主任(保留正科级待遇,试用期一年)。")
    assert _keys(facts) == {("张三", "区政府办公室", "副主任")}
    facts = _posts("任命:\n张三  区财政局局长\n李四 区审计局副局长")
    assert _keys(facts) == {("张三", "区财政局", "局长"), ("李四", "区审计局", "副局长")}


def test_dai_after_a_person_is_on_behalf_of_and_daibiao_ends_a_name():
    # rm-21.txt (肇东): 吕江同志代市长李延春作…报告 (李延春 is 市长, not 代理市长); 于明珠代表市政府作…
    facts = _posts("会上,吕江同志代市长李延春作关于熊福春等同志拟任免职的提请报告,并介绍拟任职干部简历。"
                   "会上,由市委督查室副主任于明珠代表市政府作关于市九届人大一次会议代表建议、批评和意见办理情况的报告(草案)")
    assert _keys(facts) == {("李延春", "市人民政府", "市长"), ("于明珠", "市委督查室", "副主任")}
    # an acting mayor still reads as one
    assert _keys(_posts("代市长李延春作政府工作报告。")) == {("李延春", "市人民政府", "代理市长")}


def test_a_list_of_subjects_and_an_approval_before_the_subject():
    # layouts of 任免 notices (not dev snippets): A、B同志任Y; 同意A同志任Y; 决定A、B为Y
    assert _keys(_posts("张三、李四同志任区财政局副局长。")) == {("张三", "区财政局", "副局长"), ("李四", "区财政局", "副局长")}
    assert _keys(_posts("经研究,同意张三同志任区财政局局长。")) == {("张三", "区财政局", "局长")}
    assert _keys(_posts("经研究,决定张三、李四(女)为区财政局副局长。")) == {("张三", "区财政局", "副局长"),
                                                                ("李四", "区财政局", "副局长")}
    # a list of names before what they do is no appointment
    assert _posts("陈德汉、邓华明参加会议。") == []


def test_a_subject_written_before_mianqu():
    # layout of 任免 notices (not a dev snippet): 张三同志免去Y职务
    facts = _posts("张三同志免去区财政局局长职务。王芳(女)免去区财政局副局长职务。")
    assert _how(facts) == {("张三", "局长", None, "2020-08", True, False), ("王芳", "副局长", None, "2020-08", True, False)}


def test_a_name_before_a_leaders_title_takes_the_longest_title():
    # layout of meeting reports (not a dev snippet): 张三副区长 is 张三's 副区长, not 张三副's 区长
    assert _keys(_posts("张三副区长出席会议并讲话。")) == {("张三", "区人民政府", "副区长")}
    assert _keys(_posts("王小明区长出席会议。")) == {("王小明", "区人民政府", "区长")}


def test_a_dated_step_to_a_post_held_now_is_its_start():
    # rm-14.txt (浙江日报): 朱瑞俊为现任市长 … 2012年3月当选兰溪市长 (the sentence names nobody)
    facts = _posts("公开资料显示,拟任兰溪市委书记的朱瑞俊为现任市长,1972年2月出生于浙江海宁。"
                   "之后,他转战平湖,先后任平湖市委常委、宣传部部长、副市长,2011年11月7日提名为兰溪市长候选人。"
                   "2012年3月当选兰溪市长。", date="2015-07-22")
    assert {(f["person"], f["title"], f.get("start")) for f in facts if not f.get("proposed")} == {("朱瑞俊", "市长", "2012-03")}
    # rm-11.txt (公示): the sentence names the person; the unit is written another way (工商联)
    facts = _posts("范振华,男,汉族,1969年1月出生,无党派人士。现任衡阳市工商业联合会(市总商会)主席(会长),"
                   "拟提名为市州政协副职候选人(学历破格)。\n"
                   "范振华曾任衡阳市民政局局长等职,2022年11月当选衡阳市工商联(总商会)第十七届主席(会长)。", date=None)
    assert ("范振华", "主席", "2022-11") in {(f["person"], f["title"], f.get("start")) for f in facts}
    # a dated step to a post in another unit is a career step: no start
    facts = _posts("张三,现任区财政局局长。张三2018年3月任区审计局局长。")
    assert [f.get("start") for f in facts] == [None]


def test_a_post_that_ends_by_law():
    # rm-19.txt (肃宁县人大常委会): 常委会 is the committee the notice names with its place
    facts = _posts("肃宁县人民代表大会常务委员会\n关于接受张丽娟等三名同志辞去肃宁县第十八届人大代表职务的决定\n"
                   "根据《选举法》第五十六条规定,张丽娟同志的常委会委员职务相应终止,报十八届人民代表大会第五次会议备案。",
                   date="2024-10-25")
    assert _how(facts) == {("张丽娟", "委员", None, "2024-10", True, False)}
    assert _keys(facts) == {("张丽娟", "肃宁县人民代表大会常务委员会", "委员")}


def test_a_verb_without_its_subject_goes_on_with_the_person_before():
    # layouts of 任免 notices (not dev snippets): 张三任A,兼任B / 兼B / 提名为C人选; 挂任; 一级主任科员
    assert _keys(_posts("张三同志任区财政局局长,兼任区审计局局长。")) == {("张三", "区财政局", "局长"), ("张三", "区审计局", "局长")}
    assert _keys(_posts("张三同志任区财政局局长,兼区审计局局长。")) == {("张三", "区财政局", "局长"), ("张三", "区审计局", "局长")}
    facts = _posts("张三同志任区财政局党组书记,提名为区财政局局长人选。")
    assert _how(facts) == {("张三", "书记", "2020-08-11", None, False, False), ("张三", "局长", None, None, False, True)}
    # not across a full stop
    assert _keys(_posts("张三同志任区财政局局长。兼任区审计局局长。")) == {("张三", "区财政局", "局长")}
    assert _keys(_posts("张三挂任区财政局副局长。")) == {("张三", "区财政局", "副局长")}
    assert _keys(_posts("任命张三为区财政局一级主任科员。")) == {("张三", "区财政局", "一级主任科员")}


def test_a_short_office_name_the_notice_also_writes_in_full():
    # loc-04.txt (卢氏县): 县政府办副主任滕合方 where the member list writes 县政府办公室副主任
    facts = _posts("副组长:滕合方县政府办公室副主任\n"
                   "领导小组办公室设在县政府办公室,县政府办副主任滕合方同志兼任办公室主任,日常工作由县政府办公室承担。")
    assert ("滕合方", "县政府办公室", "副主任") in _keys(facts)
    assert ("滕合方", "县政府办", "副主任") not in _keys(facts)


def test_news_layouts_of_a_new_post_a_removal_of_the_subject_and_a_resignation():
    # layouts of 任免 news (not dev snippets)
    assert _keys(_posts("新任杭州市委书记张三出席会议。")) == {("张三", "杭州市委", "书记")}
    assert _keys(_posts("张三新任杭州市委书记。")) == {("张三", "杭州市委", "书记")}
    assert _how(_posts("张三被免去杭州市市长职务。")) == {("张三", "市长", None, "2020-08", True, False)}
    # a post named before a person who resigns is not one he holds now: no fact, and no name 张三辞职
    assert _posts("杭州市市长张三辞职。") == []


def test_audit_terms_written_as_renzhi_qijian_or_in_the_bracket_and_yuan_before_the_title():
    # layouts of 经济责任审计 notices like data/000_…'s (not dev snippets)
    facts = _posts("对区财政局局长张三同志任职期间(2015年1月至2018年12月)履行经济责任情况进行了审计")
    assert {(f["person"], f["unit"], f["title"], f.get("start"), f.get("end")) for f in facts} == {
        ("张三", "区财政局", "局长", "2015-01", "2018-12")}
    facts = _posts("区财政局原局长张三同志任期经济责任审计(2015年8月至2017年3月)")
    assert [(f["person"], f["unit"], f["title"], f.get("start"), f.get("end"), f.get("former")) for f in facts] == [
        ("张三", "区财政局", "局长", "2015-08", "2017-03", True)]
    facts = _posts("区财政局原局长张三(任期:2015年8月-2017年3月)")
    assert {(f["unit"], f.get("start"), f.get("end")) for f in facts} == {("区财政局", "2015-08", "2017-03")}
    facts = _posts("区审计局对区财政局原局长张三同志任期(2015年8月至2017年3月)经济责任进行了审计。")
    assert _keys(facts) == {("张三", "区财政局", "局长")}


def test_more_titles_of_appointment_lists():
    # titles.txt additions (not dev snippets): assistants of a leader hold the post in the government
    assert _keys(_posts("任命张三为市长助理。")) == {("张三", "市人民政府", "市长助理")}
    assert _keys(_posts("任命张三为杭州市市长助理。")) == {("张三", "杭州市人民政府", "市长助理")}
    assert _keys(_posts("任命张三为区投资集团副总经理、总会计师,李四为区法院审判员、审判长。")) == {
        ("张三", "区投资集团", "副总经理"), ("张三", "区投资集团", "总会计师"),
        ("李四", "区法院", "审判员"), ("李四", "区法院", "审判长")}


def test_a_leaders_title_after_a_party_post_of_a_place_is_that_places_government():
    # 公示 layout (not a dev snippet): 杭州镇党委副书记、镇长 -> 杭州镇人民政府
    facts = _posts("张三,男,汉族,1978年5月生,大学学历,现任杭州镇党委副书记、镇长,拟任杭州镇党委书记。")
    assert {(f["unit"], f["title"], bool(f.get("proposed"))) for f in facts} == {
        ("杭州镇党委", "副书记", False), ("杭州镇人民政府", "镇长", False), ("杭州镇党委", "书记", True)}


def test_posts_before_a_list_of_names_after_you():
    # sh-01.txt (沪府办〔2022〕10号): the role in the group is a membership, the posts each holds are facts
    facts = _posts("办公室主任由王为人同志兼任,办公室常务副主任由邓建平同志兼任,"
                   "办公室副主任由市住房城乡建设管理委副主任金晨、市商务委副主任刘敏、市绿化市容局副局长唐家富担任。")
    assert _keys(facts) == {("金晨", "市住房城乡建设管理委", "副主任"), ("刘敏", "市商务委", "副主任"),
                            ("唐家富", "市绿化市容局", "副局长")}


def test_several_resignations_in_one_request_and_an_acting_post_decided_after():
    # ext-06.txt (遂宁市人大常委会 news): 接受A辞去…、B辞去…、C辞去…的请求; 并决定为代理市长
    facts = _posts("会议决定接受杨自力辞去市人民政府市长职务、邓为辞去市人民政府副市长职务、熊隆东辞去市监察委员会主任职务的请求。"
                   "会议决定任命邓正权为市人民政府副市长,并决定为代理市长;任命谭晓政为市监察委员会副主任,并决定为代理主任。",
                   date="2018-12-26")
    assert _keys(facts) == {("杨自力", "市人民政府", "市长"), ("邓为", "市人民政府", "副市长"),
                            ("熊隆东", "市监察委员会", "主任"), ("邓正权", "市人民政府", "副市长"),
                            ("邓正权", "市人民政府", "代理市长"), ("谭晓政", "市监察委员会", "副主任"),
                            ("谭晓政", "市监察委员会", "代理主任")}
    assert ("邓为", "副市长", None, "2018-12", True, False) in _how(facts)


def test_meeting_report_posts_before_names_made_by_and_elected():
    # ext-10.txt (a town's 人代会): 听取了X所作《…》; 选举产生了A、B2人为…
    facts = _posts("会议听取了双沟镇党委副书记、镇长张艳清所作《政府工作报告》和镇人大主席沈凯所作的《人大工作报告》,"
                   "选举产生了王大永、刘振泉2人为双沟镇人民政府副镇长。")
    assert _keys(facts) == {("张艳清", "双沟镇党委", "副书记"), ("张艳清", "双沟镇人民政府", "镇长"),
                            ("沈凯", "镇人大", "主席"), ("王大永", "双沟镇人民政府", "副镇长"),
                            ("刘振泉", "双沟镇人民政府", "副镇长")}


def test_entrusted_chair_and_a_removal_glued_to_its_post():
    # ext-20.txt (泉州市人大常委会 news): 受X主任委托,副主任A主持会议; 免去B泉州市人民政府副市长…的职务
    facts = _posts("受泉州市人大常委会主任委托,副主任许文贵主持会议,副主任张建生、朱团能,秘书长欧阳秋虹出席会议。"
                   "经表决决定:免去卢炳椿泉州市人民政府副市长、市公安局局长的职务;任命王永礼为泉州市人民政府副市长。")
    assert {("许文贵", "泉州市人大常委会", "副主任"), ("张建生", "泉州市人大常委会", "副主任"),
            ("朱团能", "泉州市人大常委会", "副主任"), ("欧阳秋虹", "泉州市人大常委会", "秘书长"),
            ("卢炳椿", "泉州市人民政府", "副市长"), ("卢炳椿", "市公安局", "局长")} <= _keys(facts)


def test_a_dated_sentence_ends_a_removal_and_a_past_report_gives_no_post():
    # ext-32.txt (news without a date of its own)
    facts = _posts("此前,2025年1月7日,吉林省第十四届人民代表大会常务委员会第十五次会议通过决定任免名单:"
                   "免去刘化文的吉林省人民政府秘书长职务,任命刘伟为吉林省人民政府秘书长。"
                   "稍早之前,当时报道提及,吉林省政府党组成员刘伟出席开幕活动。", date=None)
    assert _keys(facts) == {("刘化文", "吉林省人民政府", "秘书长"), ("刘伟", "吉林省人民政府", "秘书长")}
    assert ("刘化文", "秘书长", None, "2025-01", True, False) in _how(facts)


def test_current_post_in_brackets_and_stacked_closings():
    # ext-30.txt (武伟(现任…)), ext-07.txt (…辞去…职务的请求的决定), ext-15.txt (郑州市长)
    facts = _posts("正在上海家中的武伟(现任上海浦东新区陆家嘴管委会副主任)接到记者的电话。"
                   "审议通过了关于接受刘和平辞去上饶市人民政府市长职务的请求的决定。")
    assert _keys(facts) == {("武伟", "上海浦东新区陆家嘴管委会", "副主任"), ("刘和平", "上饶市人民政府", "市长")}
    assert _keys(_posts("陈义初辞去郑州市长职务。")) == {("陈义初", "郑州市人民政府", "市长")}


def test_military_ranks_after_a_name_and_a_transfer():
    # ext-51.txt (Traditional): 楊金山少將出任… (a rank after the name, 將 not "will"); 成都軍區裝備部長楊金山少將接任…;
    # 西藏軍區司令員舒玉泰中將調任成都軍區副司令員 (whether the post before 調任 is kept is not said: not recorded)
    facts = _posts("楊金山少將出任西藏軍區司令員。此前,成都軍區裝備部長楊金山少將接任西藏軍區司令員。"
                   "西藏軍區司令員舒玉泰中將調任成都軍區副司令員。", "2010-01-16")
    assert _keys(facts) == {("楊金山", "西藏軍區", "司令員"), ("楊金山", "成都軍區裝備部", "部長"),
                            ("舒玉泰", "成都軍區", "副司令員")}
    # ext-31.txt: a 原 post before 調任 is left; 萬州區區委 is the 萬州區委 the notice writes elsewhere
    facts = _posts("原萬州區委書記吳政隆不再兼任。此前一天,重慶市委常委、原宣傳部部長徐海榮調任萬州區區委書記。"
                   "今年4月,中國兵器工業集團公司原總經理張國清調任重慶市委常委、副書記。", "2013-11-22")
    got = {(f["person"], f["unit"], f["title"], bool(f.get("former"))) for f in facts}
    assert {("徐海榮", "重慶市委宣傳部", "部長", True), ("徐海榮", "萬州區委", "書記", False),
            ("張國清", "中國兵器工業集團公司", "總經理", True), ("張國清", "重慶市委", "副書記", False)} <= got
    assert ("徐海榮", "重慶市委", "常委") not in _keys(facts)


def test_a_region_party_secretary_before_a_name():
    # ext-51.txt: 西藏自治區黨委書記張慶黎在大會閉幕會上發表講話 (the place's 黨委)
    facts = _posts("西藏自治區黨委書記張慶黎在大會閉幕會上發表講話表示。", "2010-01-16")
    assert _keys(facts) == {("張慶黎", "西藏自治區黨委", "書記")}


def test_a_composed_party_department_named_as_the_notice_writes_it():
    # ext-31.txt: 重慶市委常委、原宣傳部部長徐海榮 (composed 重慶市委宣傳部) where the notice writes 重慶市宣傳部 in full
    facts = _posts("重慶市委常委、原宣傳部部長徐海榮調任萬州區區委書記。燕平已以重慶市宣傳部部長身份公開接見代表團。", "2013-11-22")
    assert ("徐海榮", "重慶市宣傳部", "部長") in _keys(facts)


def test_a_pronoun_is_no_name_and_the_central_committee_is_a_unit():
    # ext-51.txt: …,但他仍擔任中共中央委員 — 但他仍 is no person (他, 仍 never follow a surname in a name in prose);
    # 中共中央委員 is no post of a unit 中共中央委
    facts = _posts("經過此次調整,列確卸任兩職務,但他仍擔任中共中央委員。", "2010-01-16")
    assert not [f for f in facts if f["person"].startswith("但") or f["unit"] == "中共中央委"]


def test_posts_before_names_go_on_after_a_verb_that_opens_a_clause():
    # ext-58.txt (雅安市 人大常委会 report): 副市长A宣读了市人民政府市长B提请的任免议案 (宣读了 opens another post and name);
    # 会议听取和审议了市人民政府副市长C受托所作的…报告 (受托 follows a name)
    facts = _posts("会上,市人民政府副市长徐一心宣读了市人民政府市长兰开驰提请的任免议案并作说明。"
                   "会议听取和审议了市人民政府副市长孙久国受托所作的市人民政府关于重大项目工作情况的报告。", "2016-11-10")
    assert _keys(facts) == {("徐一心", "市人民政府", "副市长"), ("兰开驰", "市人民政府", "市长"),
                            ("孙久国", "市人民政府", "副市长")}


def test_a_name_before_guanyu_and_a_garbled_unit():
    # ext-59.txt (榕江縣, Traditional): 會議首先就縣人民政府縣長肖克關于…的提請報告 (關于 "about" ends the name; 會議首先就
    # opens the clause); 出席會議?h委常委、縣人民政府副縣長賴峙 (a copy garbled 。縣 into ?h: no unit guessed, a warning)
    facts = _posts("會議首先就縣人民政府縣長肖克關于成兵同志辭去領導職務的提請報告進行了認真審查。"
                   "委員共21人出席會議?h委常委、縣人民政府副縣長賴峙列席本次會議。", "2011-10-10")
    assert _keys(facts) == {("肖克", "縣人民政府", "縣長"), ("賴峙", "縣人民政府", "副縣長")}


def test_a_nomination_going_on_and_a_party_portfolio_title():
    # ext-61.txt (萧山区, a street founding): A同志任X街道党工委书记,提名任X街道办事处主任 (proposed); B同志任X街道党工委
    # 副书记、政法委员 (政法委员 after the 党工委's post is the 党工委's, not 委员 of a 政法委)
    facts = _posts("何铁峰同志任盈丰街道党工委书记,提名任盈丰街道办事处主任;\n张丹同志任盈丰街道党工委副书记、政法委员;\n", None)
    assert _keys(facts) == {("何铁峰", "盈丰街道党工委", "书记"), ("何铁峰", "盈丰街道办事处", "主任"),
                            ("张丹", "盈丰街道党工委", "副书记"), ("张丹", "盈丰街道党工委", "政法委员")}
    assert [f["person"] for f in facts if f.get("proposed")] == ["何铁峰"]


def test_a_role_in_a_group_the_notice_names_is_a_membership():
    # ext-63.txt (安平县, an emergency order): 安平县委书记、安平县防汛抗旱指挥部政委A发布紧急通知 — the 指挥部 is the
    # notice's issuer (named again): its 政委 is a membership; a 指挥部 named only with the post stays a post (rm-18)
    ctx = NoticeContext(Notice(doc="d", text="安平县防汛抗旱指挥部紧急通知\n7月24日,安平县委书记、安平县防汛抗旱指挥部政委贾超绪发布紧急通知。",
                               date="2016-07-24"))
    facts = build_posts(ctx)
    assert _keys([f for f in facts if f["kind"] == "post"]) == {("贾超绪", "安平县委", "书记")}
    assert {(f["group"], f["member"], f["role"]) for f in facts if f["kind"] == "membership"} == \
        {("安平县防汛抗旱指挥部", "贾超绪", "政委")}
    facts = _posts("陆文忠此前已履新江苏援藏指挥部副总指挥。", "2024-11-22")
    assert ("陆文忠", "江苏援藏指挥部", "副总指挥") in _keys(facts)


def test_a_short_standing_committee_takes_the_full_name_written_with_its_term():
    # ext-138, ext-148, ext-24 (round 14): '佛冈县第十五届人大常委会举行…' then '县人大常委会副主任A': the body by the
    # fullest name the notice writes, its term left out (as rm-06, rm-15, rm-22 name it)
    from snippets import snippet_facts

    text = ("东岭县第十五届人大常委会举行第三次会议\n11月5日,东岭县第十五届人大常委会举行第三次会议。"
            "会议由县人大常委会主任张三主持,县人大常委会副主任李四、王五出席会议。\n")
    facts, _ = snippet_facts(text, doc="测〔2020〕2号", date="2020-11-05")
    assert sorted((f["person"], f["unit"], f["title"]) for f in facts if f["kind"] == "post") == [
        ("张三", "东岭县人大常委会", "主任"), ("李四", "东岭县人大常委会", "副主任"), ("王五", "东岭县人大常委会", "副主任")]
    # ext-111: the place glued to a verb (选举东岭县…) is read as the place the notice writes on its own (,东岭县…)
    text = ("12月22日上午,东岭县第十六届人民代表大会第一次会议举行。大会选举东岭县第十六届人民代表大会常务委员会主任1人;"
            "选举东岭县人民政府县长1人。县人大常委会主任张三主持会议。\n")
    facts, _ = snippet_facts(text, doc="测〔2020〕3号", date="2020-12-22")
    assert [(f["person"], f["unit"]) for f in facts if f["kind"] == "post"] == [("张三", "东岭县人民代表大会常务委员会")]
