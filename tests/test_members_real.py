"""Member lists and the posts written beside members, on snippets of real notices (dev part of data/real).

Each test builds the notice directly (doc, title, date, issuer as the header would give them),
so that it tests the member-list rules alone, and checks every fact's evidence.
"""

from __future__ import annotations

from snippets import snippet_facts as _facts


def _members(facts):
    return {(f["member"], f["member_type"], f["role"]) for f in facts if f["kind"] == "membership"}


def _posts(facts):
    return {(f["person"], f["unit"], f["title"]) for f in facts if f["kind"] == "post"}


def _groups(facts):
    return {f["group"] for f in facts if f["kind"] in ("membership",)}


# data/real/notices/gov-13.txt: the group is named in full only in the title (its body name has brackets)
GOV13 = """沪府办〔2021〕37号
上海市人民政府办公厅关于成立上海现代农业产业园(横沙东滩)开发建设管理委员会的通知
各区人民政府,市政府有关委、办、局:
  经市政府研究,决定成立上海现代农业产业园(横沙东滩)开发建设管理委员会(以下简称“管委会”),其组成人员如下:
  主 任:彭沉雷 副市长
  副主任:赵祝平 市政府副秘书长
      张国坤 市农业农村委主任、党组书记
      缪 京 崇明区委副书记、区长
  成 员:阮 青 市发展改革委党组副书记、副主任
      卢 华 市财政局二级巡视员
  此外,待上海申农投资集团有限公司(暂定名)正式成立后,其主要领导兼任管委会副主任。
  管委会下设办公室(设在市农业农村委),办公室主任由张国坤同志兼任。
  上海市人民政府办公厅
  2021年5月24日
"""


def test_group_named_in_the_title_and_leaders_without_a_unit():
    facts, _ = _facts(GOV13, title="上海市人民政府办公厅关于成立上海现代农业产业园(横沙东滩)开发建设管理委员会的通知",
                      issuer="上海市人民政府办公厅")
    assert _groups(facts) == {"上海现代农业产业园(横沙东滩)开发建设管理委员会"}
    m = _members(facts)
    assert {("彭沉雷", "person", "主任"), ("赵祝平", "person", "副主任"), ("缪京", "person", "副主任"),
            ("阮青", "person", "成员"), ("卢华", "person", "成员")} <= m
    p = _posts(facts)
    assert {("彭沉雷", "市人民政府", "副市长"), ("缪京", "崇明区委", "副书记"), ("缪京", "区人民政府", "区长"),
            ("阮青", "市发展改革委党组", "副书记"), ("阮青", "市发展改革委", "副主任"),
            ("卢华", "市财政局", "二级巡视员")} <= p


# data/real/notices/gov-10.txt: national leaders and ministry posts
GOV10 = """国办发〔2016〕97号
为贯彻实施制造强国战略,国务院决定成立国家新材料产业发展领导小组(以下简称领导小组)。现将有关事项通知如下:
二、组成人员
组 长:马 凯 国务院副总理
副组长:苗 圩 工业和信息化部部长
成 员:张 骥 商务部部长助理
李 国 海关总署副署长
田世宏 质检总局党组成员、国家标准委主任
"""


def test_posts_of_national_leaders_and_ministries():
    facts, _ = _facts(GOV10)
    assert {("马凯", "国务院", "副总理"), ("苗圩", "工业和信息化部", "部长"), ("张骥", "商务部", "部长助理"),
            ("李国", "海关总署", "副署长"), ("田世宏", "质检总局党组", "成员"),
            ("田世宏", "国家标准委", "主任")} <= _posts(facts)


# data/real/notices/sh-19.txt (a town's notice) and sh-02.txt: leaders of a town or a named district
def test_town_and_district_leaders_hold_posts_in_their_government():
    text = ("闵吴府发〔2021〕5号\n吴泾镇城镇房屋安全隐患排查整治工作领导小组名单\n"
            "组  长:王学政  党委副书记、镇长\n副组长:余剑秋  副镇长\n成  员:宁晓凌  综合行政执法队队长\n"
            "毕桂平 浦东新区副区长\n张玉学 市公安局交通管理总队总队长\n")
    facts, _ = _facts(text, issuer="闵行区吴泾镇人民政府")
    assert {("王学政", "党委", "副书记"), ("王学政", "吴泾镇人民政府", "镇长"), ("余剑秋", "吴泾镇人民政府", "副镇长"),
            ("宁晓凌", "综合行政执法队", "队长"), ("毕桂平", "浦东新区人民政府", "副区长"),
            ("张玉学", "市公安局交通管理总队", "总队长")} <= _posts(facts)


# data/real/notices/gov-02.txt: the group in a numbered heading; members are units named by their leaders
GOV02 = """国办函〔2005〕57号
2　组织机构和职责
2.1　国家粮食应急工作指挥部
总指挥：国家发展改革委主要负责人。
副总指挥：国家发展改革委分管负责人、国家粮食局主要负责人。
成员：公安部、财政部、中国储备粮管理总公司有关负责人。
2.1.1　国家粮食应急工作指挥部职责
"""


def test_units_named_by_their_leaders_under_a_heading_group():
    facts, _ = _facts(GOV02)
    assert _groups(facts) == {"国家粮食应急工作指挥部"}
    assert _members(facts) == {("国家发展改革委", "unit", "总指挥"), ("国家发展改革委", "unit", "副总指挥"),
                                ("国家粮食局", "unit", "副总指挥"), ("公安部", "unit", "成员"),
                                ("财政部", "unit", "成员"), ("中国储备粮管理总公司", "unit", "成员")}
    assert not _posts(facts)


# data/real/notices/loc-03.txt: member units in comma-separated runs; leaders by post only give nothing
LOC03 = """为加强我市城市地下市政基础设施建设工作,市人民政府决定成立佛山市加强城市地下市政基础设施建设工作领导小组。现将有关事项通知如下:
一、组成人员
组 长:负责住房和城乡建设工作的副市长
副组长:协调住房和城乡建设工作的市政府副秘书长、市住房城乡建设局主要负责同志
成 员:各区人民政府,市委军民融合办、机要保密局,市发展改革局、公安局,广东省通信管理局佛山市通信建设管理办公室分管负责同志。
二、工作机制
"""


def test_member_units_over_commas_and_leaders_by_post_only():
    facts, _ = _facts(LOC03, doc="loc-03")
    assert _members(facts) == {(u, "unit", "成员") for u in (
        "各区人民政府", "市委军民融合办", "机要保密局", "市发展改革局", "公安局", "广东省通信管理局佛山市通信建设管理办公室")}
    # an elided unit gets its place where the notice writes it in full elsewhere (loc-03's gold note)
    facts, _ = _facts(LOC03.replace("公安局,", "公安局、住房城乡建设局,") + "办公室设在市住房城乡建设局。\n", doc="loc-03")
    assert ("市住房城乡建设局", "unit", "成员") in _members(facts) and ("公安局", "unit", "成员") in _members(facts)


# data/real/notices/loc-07.txt: labels that lost their first characters; a one-character name
LOC07 = """二、组成人员

  长:许黎明  管委会常务副主任

副组长:李德钢  管委会办公室负责人

  员:盛    区人社局局长

        罗文新  区财政局负责人

三、工作机构
"""


def test_cut_role_labels_keep_posts_and_are_completed_from_their_run():
    facts, warnings = _facts("决定成立合作区推进政务服务工作领导小组。\n" + LOC07)
    assert _members(facts) == {("许黎明", "person", "组长"), ("李德钢", "person", "副组长"), ("罗文新", "person", "成员")}
    assert _posts(facts) == {("许黎明", "管委会", "常务副主任"), ("李德钢", "管委会办公室", "负责人"),
                             ("罗文新", "区财政局", "负责人")}
    assert any("「员:」" in w for w in warnings) and any("'盛'" in w for w in warnings)


# data/real/notices/sh-02.txt, loc-01.txt: names with characters that are words in prose (为, 和)
def test_names_with_prose_characters_in_a_list():
    text = ("决定成立南北通道工程建设指挥部。\n常务副总指挥:王为人 市政府副秘书长\n"
            "副组长:\n梁为东(市政府副秘书长)\n")
    facts, _ = _facts(text)
    assert {("王为人", "市政府", "副秘书长"), ("梁为东", "市政府", "副秘书长")} <= _posts(facts)


# data/real/notices/sh-01.txt, sh-02.txt: the office's roles in prose, several holders in one clause
def test_office_roles_in_prose():
    text = ("经市政府研究,决定调整上海市生活垃圾分类减量推进工作联席会议组成人员,调整后的联席会议组成人员如下:\n"
            "召 集 人:彭沉雷 副市长\n"
            "联席会议下设办公室(设在市绿化市容局),办公室主任由王为人同志兼任,办公室常务副主任由邓建平同志兼任,"
            "办公室副主任由市住房城乡建设管理委副主任金晨、市商务委副主任刘敏担任。\n"
            "指挥部下设办公室(设在市交通委),办公室主任由肖辉同志兼任,副主任由毕桂平、宣一洲同志兼任。\n")
    facts, _ = _facts(text)
    assert {("王为人", "person", "办公室主任"), ("邓建平", "person", "办公室常务副主任"),
            ("金晨", "person", "办公室副主任"), ("刘敏", "person", "办公室副主任"), ("肖辉", "person", "办公室主任"),
            ("毕桂平", "person", "办公室副主任"), ("宣一洲", "person", "办公室副主任")} <= _members(facts)
    assert {("金晨", "市住房城乡建设管理委", "副主任"), ("刘敏", "市商务委", "副主任")} <= _posts(facts)


# data/real/notices/sh-09.txt, sh-10.txt, sh-11.txt, gov-03.txt: member units in prose
def test_member_units_in_prose():
    text = ("区政府成立由区政府分管消防工作的领导任组长,区公安分局分管副局长任副组长,"
            "区公安消防支队、区建设管理委、电力公司相关领导为成员的高层建筑消防安全综合治理协调小组。\n"
            "(三)建立试点工作推进专班。建立由区规划资源局、区农业农村委牵头,区发展改革委、区税务局等部门为主要成员的试点工作专班。\n"
            "成立奉贤区民政局燃气安全专项整治工作专班,由养老分管局长负责,局养老服务科、区养老机构管理中心工作人员组成。\n"
            "由国务院办公厅、国家医保局组成国家组织药品集中采购和使用试点工作小组(以下简称试点工作小组),领导试点工作。\n")
    facts, _ = _facts(text)
    assert _members(facts) == {
        ("区公安消防支队", "unit", "成员"), ("区建设管理委", "unit", "成员"), ("电力公司", "unit", "成员"),
        ("区规划资源局", "unit", "牵头"), ("区农业农村委", "unit", "牵头"),
        ("区发展改革委", "unit", "主要成员"), ("区税务局", "unit", "主要成员"),
        ("局养老服务科", "unit", "成员"), ("区养老机构管理中心", "unit", "成员"),
        ("国务院办公厅", "unit", "成员"), ("国家医保局", "unit", "成员")}
    assert "高层建筑消防安全综合治理协调小组" in {f["group"] for f in facts if f["kind"] == "membership"}


# data/real/notices/loc-06.txt, loc-05.txt, loc-02.txt: names without posts, padded names, name(unit)
def test_names_only_lists():
    text = ("决定成立湖塘镇农村公路管理养护工作领导小组,具体名单如下:\n组 长:王伟华\n副组长:王晓剑 谭志新\n"
            "成 员:闵 成 马梅红 许小建\n领导小组下设办公室。\n"
            "  副组长:胡继军(常务)、 邱  铭\n"
            "  成员:\n  何伟森(市市政局)\n  钟超(市发展计划局)\n  领导小组不设办公室,日常工作由市卫生局有关科室承担。\n")
    facts, _ = _facts(text)
    assert _members(facts) == {(n, "person", r) for n, r in (
        ("王伟华", "组长"), ("王晓剑", "副组长"), ("谭志新", "副组长"), ("闵成", "成员"), ("马梅红", "成员"),
        ("许小建", "成员"), ("胡继军", "副组长"), ("邱铭", "副组长"), ("何伟森", "成员"), ("钟超", "成员"))}
    assert not _posts(facts)


# Layout variants the issue lists (constructed from the dev lists' vocabulary): a role with no colon,
# an order note after the role, entries joined by commas, a sub-heading inside a list, roles of a 委员会.
def test_layout_variants():
    text = ("决定成立区河长制工作领导小组。组成人员名单如下:\n"
            "组  长  王为人  区政府区长\n"
            "副组长(按姓氏笔画为序):李德钢(区委常委、常务副区长),赵明侠(区政府副区长)\n"
            "成  员:\n(一)区直部门\n罗文新  区财政局局长\n(二)街道\n张永林  江堤街办事处主任\n"
            "三、工作职责\n负责统筹协调。\n"
            "主任委员:彭沉雷 副市长\n执行主席:阮青 市发展改革委主任\n")
    facts, _ = _facts(text)
    assert _members(facts) == {(n, "person", r) for n, r in (
        ("王为人", "组长"), ("李德钢", "副组长"), ("赵明侠", "副组长"), ("罗文新", "成员"), ("张永林", "成员"),
        ("彭沉雷", "主任委员"), ("阮青", "执行主席"))}
    assert {("王为人", "区政府", "区长"), ("李德钢", "区委", "常委"), ("李德钢", "区人民政府", "常务副区长"),
            ("罗文新", "区财政局", "局长"), ("张永林", "江堤街办事处", "主任")} <= _posts(facts)


# Several lists in one notice under sub-headings, the office's list, numbered labels, a role after
# the group's own name, a comma between name and post (vocabulary of the dev lists).
def test_office_list_under_a_heading_and_labels_with_numbering_or_group_word():
    text = ("决定成立区河长制工作领导小组。\n(一)领导小组\n1.组长:张三 区长\n2.副组长:李四,副区长;王五,区政府副区长\n"
            "(二)领导小组办公室\n主任:王五 区水务局局长\n成员:赵六 区水务局副局长\n区防汛指挥部指挥长:钱七 区长\n")
    facts, _ = _facts(text)
    m = {(f["group"], f["member"], f["role"]) for f in facts if f["kind"] == "membership"}
    g = "区河长制工作领导小组"
    assert m == {(g, "张三", "组长"), (g, "李四", "副组长"), (g, "王五", "副组长"), (g, "王五", "办公室主任"),
                 (g, "赵六", "办公室成员"), ("区防汛指挥部", "钱七", "指挥长")}
    assert {("李四", "区人民政府", "副区长"), ("王五", "区政府", "副区长")} <= _posts(facts)


def test_prose_roles_after_the_group_word_and_not_a_units_office():
    text = "决定成立区河长制工作领导小组。领导小组组长由区长张三担任,赵六同志任领导小组办公室主任,钱七任区委办公室主任。\n"
    facts, _ = _facts(text)
    assert _members(facts) == {("张三", "person", "组长"), ("赵六", "person", "办公室主任")}


def test_entries_by_whom_row_numbers_and_name_with_posts_in_prose():
    text = ("决定成立区河长制工作领导小组。\n组长:由区长张三担任\n成员单位为:区发改局、区财政局\n成员:\n1 王五 区水务局局长\n"
            "(2)赵六 市长助理\n领导小组办公室主任由钱七(区水务局副局长)兼任。\n")
    facts, _ = _facts(text)
    assert _members(facts) == {("张三", "person", "组长"), ("区发改局", "unit", "成员单位"), ("区财政局", "unit", "成员单位"),
                               ("王五", "person", "成员"), ("赵六", "person", "成员"), ("钱七", "person", "办公室主任")}
    assert {("张三", "区人民政府", "区长"), ("赵六", "市人民政府", "市长助理"),
            ("钱七", "区水务局", "副局长")} <= _posts(facts)


def test_table_cells_one_a_line():
    # gov- texts are copied "one line per paragraph/cell" (data/real/SOURCES.tsv); a member table then
    # reads role, name, post on lines of their own.
    text = "市政府决定成立市河长制工作领导小组,组成人员如下:\n组长\n张三\n市长\n副组长\n李四\n副市长\n王五\n市政府副秘书长\n"
    facts, _ = _facts(text)
    assert _members(facts) == {("张三", "person", "组长"), ("李四", "person", "副组长"), ("王五", "person", "副组长")}
    assert _posts(facts) == {("张三", "市人民政府", "市长"), ("李四", "市人民政府", "副市长"), ("王五", "市政府", "副秘书长")}


def test_group_set_up_with_its_leaders_before_its_name():
    text = ("市政府决定成立以市委副书记、市长张三为组长、副市长李四为副组长、市直有关部门主要负责人为成员的"
            "市河长制工作领导小组。\n")
    facts, _ = _facts(text)
    assert _members(facts) == {("张三", "person", "组长"), ("李四", "person", "副组长"), ("市直有关部门", "unit", "成员")}
    assert {f["group"] for f in facts if f["kind"] == "membership"} == {"市河长制工作领导小组"}
    assert {("张三", "市委", "副书记"), ("张三", "市人民政府", "市长"), ("李四", "市人民政府", "副市长")} == _posts(facts)


def test_a_role_spaced_only_in_part_is_not_a_label():
    # A post then a role label on one line (the one-line dumps of data/000_*.txt): 主任 委  员 is 主任 + 委员.
    text = ("决定成立丰安县乡村振兴工作委员会。现将组成人员名单通知如下: 主  任:龙  浩  县长 副主任:颜彬然  "
            "县人民政府办公室主任 委  员:苏凯蕾  县财政局局长 委员会下设办公室,在县水务局办公。")
    facts, _ = _facts(text)
    assert _members(facts) == {("龙浩", "person", "主任"), ("颜彬然", "person", "副主任"), ("苏凯蕾", "person", "委员")}


def test_group_from_a_title_without_成立_or_from_the_body_and_short_names():
    facts, _ = _facts("现将调整后的成员名单通知如下:\n组长:张三 市长\n", title="关于市河长制工作领导小组成员调整的通知")
    assert {f["group"] for f in facts if f["kind"] == "membership"} == {"市河长制工作领导小组"}
    facts, _ = _facts("经研究,决定成立某区“河长制”工作领导小组(以下简称领导小组)。\n组长:张三 区长\n")
    assert {f["group"] for f in facts if f["kind"] == "membership"} == {"某区“河长制”工作领导小组"}
    # data/real/notices/gov-03.txt: a group named short after it is set up
    facts, _ = _facts("由国务院办公厅、国家医保局组成国家组织药品集中采购和使用试点工作小组(以下简称试点工作小组),领导试点工作。"
                      "试点工作小组办公室设在国家医保局,由国家医保局、联合采购办公室选派人员参加。")
    assert {f["group"] for f in facts if f["kind"] == "membership"} == {"国家组织药品集中采购和使用试点工作小组"}
    assert ("联合采购办公室", "unit", "成员") in _members(facts)


def test_以及_is_not_以_as_in_以X为组长():
    # data/real/notices/sh-15.txt: a generic body for every street, no members recorded
    text = ("各街道设立消防安全委员会,由行政主要领导担任主任,街道党政、建管、城运中心、城市管理综合执法等相应机构"
            "以及辖区公安派出所为成员单位。")
    facts, _ = _facts(text)
    assert not _members(facts)


def test_entries_joined_by_dunhao_and_prose_with_分别_or_为():
    text = ("决定成立市河长制工作领导小组。\n副组长:李四 副市长、王五 市政府副秘书长\n成员:赵六 区委常委、区政府常务副区长\n"
            "由钱七、孙八同志分别担任办公室副主任。周九同志为领导小组组长。\n")
    facts, _ = _facts(text)
    assert _members(facts) == {("李四", "person", "副组长"), ("王五", "person", "副组长"), ("赵六", "person", "成员"),
                               ("钱七", "person", "办公室副主任"), ("孙八", "person", "办公室副主任"), ("周九", "person", "组长")}
    assert {("王五", "市政府", "副秘书长"), ("赵六", "区委", "常委"), ("赵六", "区政府", "常务副区长")} <= _posts(facts)


def test_two_groups_in_a_one_line_notice():
    # the one-line dumps of data/000_*.txt: the second group is set up between two lists
    text = ("区人民政府决定成立区河长制工作领导小组,组成人员如下: 组长:张三 区长 成员:区发改局、区财政局、区水务局、"
            "区环保局、区农业局、区林业局、区交通局、区住建局、区城管局、区公安分局、区教育局、区卫健局、区文旅局、区应急局 "
            "同时成立区防汛抗旱指挥部,组成人员如下: 总指挥:王五 区长 成员:区水务局、区应急局 特此通知。")
    facts, _ = _facts(text)
    by_group = {(f["group"], f["member"]) for f in facts if f["kind"] == "membership"}
    assert ("区河长制工作领导小组", "张三") in by_group and ("区防汛抗旱指挥部", "王五") in by_group
    assert ("区防汛抗旱指挥部", "区应急局") in by_group and ("区河长制工作领导小组", "王五") not in by_group


def test_a_list_cut_off_by_the_page_gives_no_guess():
    # data/real/notices/loc-12.txt and loc-08.txt end inside an entry
    facts, warnings = _facts("决定成立广州市污染源普查领导小组。\n组长:王东 市政府副秘书长\n成员:李萍萍 市规划局副局")
    assert _members(facts) == {("王东", "person", "组长")} and any("cut off" in w for w in warnings)
    facts, _ = _facts("决定成立济宁市城市运行管理委员会。\n成员:玄志祥 市应急局局长\n董学琛")
    assert _members(facts) == {("玄志祥", "person", "成员")}
    facts, _ = _facts("决定成立市公共卫生体系建设领导小组。\n成员:何伟森 市市政局\n")  # name and unit, no title
    assert _members(facts) == {("何伟森", "person", "成员")} and not _posts(facts)


def test_a_short_note_after_a_name():
    text = "决定成立市河长制工作领导小组。\n副组长:李四(常务) 副市长\n成员:王五(兼) 区财政局局长\n 赵六 区人力资源局副局长(挂职)\n"
    facts, _ = _facts(text)
    assert _members(facts) == {("李四", "person", "副组长"), ("王五", "person", "成员"), ("赵六", "person", "成员")}
    assert {("李四", "市人民政府", "副市长"), ("王五", "区财政局", "局长")} <= _posts(facts)
    assert [f["note"] for f in facts if f["kind"] == "post" and f["person"] == "赵六"] == ["挂职"]


def test_roles_as_numbered_sub_headings():
    text = ("决定成立市食品安全委员会。组成人员如下:\n(一)主任委员\n张三 市长\n(二)副主任委员\n李四 副市长\n王五 市政府副秘书长\n"
            "(三)委员(按姓氏笔画为序)\n赵六 市财政局局长\n二、主要职责\n负责统筹。\n")
    facts, _ = _facts(text)
    assert _members(facts) == {("张三", "person", "主任委员"), ("李四", "person", "副主任委员"),
                               ("王五", "person", "副主任委员"), ("赵六", "person", "委员")}


def test_table_rows_of_unit_name_and_title():
    facts, _ = _facts("决定成立市河长制工作领导小组。\n成员:\n区发改局 张三 局长\n区财政局 李 四 副局长\n")
    assert _members(facts) == {("张三", "person", "成员"), ("李四", "person", "成员")}
    assert _posts(facts) == {("张三", "区发改局", "局长"), ("李四", "区财政局", "副局长")}


# data/real/notices/sh-19.txt and loc-05.txt: member units in a set-up sentence, an office's members
def test_units_of_a_group_set_up_in_one_sentence_and_an_offices_members():
    text = ("成立由镇行政主要领导担任组长,镇分管领导担任副组长,镇党政办、经发办、新吴泾公司、吴泾司法所、各居村等成员单位的"
            "镇房屋安全隐患排查整治工作领导小组,统筹推进全镇工作。\n"
            "下设污染源普查工作办公室为街道城管办(环保办),由周阳兼任办公室主任,周胜清任副主任,街直相关部门及各村(社区)为成员。\n")
    facts, _ = _facts(text)
    assert _members(facts) == {
        ("镇党政办", "unit", "成员单位"), ("经发办", "unit", "成员单位"), ("新吴泾公司", "unit", "成员单位"),
        ("吴泾司法所", "unit", "成员单位"), ("各居村", "unit", "成员单位"),
        ("周阳", "person", "办公室主任"), ("周胜清", "person", "办公室副主任"),
        ("街直相关部门", "unit", "办公室成员"), ("各村(社区)", "unit", "办公室成员")}


# The sh- texts are Markdown pages (data/real/SOURCES.tsv); a member table there has cell borders.
def test_markdown_member_tables():
    text = ("决定成立区河长制工作领导小组,组成人员如下:\n\n| 职务 | 姓名 | 单位及职务 |\n|---|---|---|\n"
            "| 组长 | 张三 | 区委副书记、区长 |\n| 副组长 | 李四 | 区政府副区长 |\n|  | 王五 | 区水务局局长 |\n\n"
            "领导小组办公室设在区水务局。\n")
    facts, _ = _facts(text)
    assert _members(facts) == {("张三", "person", "组长"), ("李四", "person", "副组长"), ("王五", "person", "副组长")}
    text = ("决定成立区河长制工作领导小组,组成人员如下:\n| 序号 | 姓名 | 单位及职务 | 组内职务 |\n|---|---|---|---|\n"
            "| 1 | 张三 | 区委副书记、区长 | 组长 |\n| 2 | 李 四 | 区政府副区长 | 副组长 |\n")
    facts, _ = _facts(text)
    assert _members(facts) == {("张三", "person", "组长"), ("李四", "person", "副组长")}
    assert {("张三", "区人民政府", "区长"), ("李四", "区政府", "副区长")} <= _posts(facts)


# data/real/notices/loc-09.txt: the group is named only by its kind in the list's heading; a
# five-character name; a post in "政府" (the notice's own government); firm managers (经理)
LOC09 = """各苏木镇、农牧场,旗直各部委办局室:
经旗委、政府研究决定,举办元宵节焰火晚会。
一、领导小组组成人员
组 长:巴音毕力格 政府副旗长
副组长:刘嘉耘 旗人大副主任、文旅广电局党组书记
高 慧 政府办主任
成 员:苏小乐 宣传部副部长
石 磊 供电分公司经理
徐天良 浏阳市鑫鹏焰火燃放有限公司
二、职责分工
"""


def test_group_named_only_by_its_kind_in_the_heading():
    facts, warnings = _facts(LOC09, doc="乌政办字〔2024〕4号", issuer="乌拉特前旗人民政府办公室")
    assert _groups(facts) == {"领导小组"}
    assert any("named only" in w for w in warnings)
    assert {("巴音毕力格", "person", "组长"), ("刘嘉耘", "person", "副组长"), ("高慧", "person", "副组长"),
            ("苏小乐", "person", "成员"), ("石磊", "person", "成员"), ("徐天良", "person", "成员")} == _members(facts)
    p = _posts(facts)
    assert ("巴音毕力格", "旗人民政府", "副旗长") in p and ("石磊", "供电分公司", "经理") in p
    assert not any(f["person"] == "徐天良" for f in facts if f["kind"] == "post")


def test_a_list_without_any_group_name_is_still_skipped():
    facts, warnings = _facts(LOC09.replace("一、领导小组组成人员", "一、组成人员"), doc="乌政办字〔2024〕4号")
    assert not _members(facts) and any("not named" in w for w in warnings)


# data/real/notices/loc-23.txt: a name whose surname is rare, set apart before its post
LOC23 = """经研究,决定成立高端装备特色创新(产业)示范园区创建工作领导小组,相关成员及单位职责如下:
二、组成人员
组 长:祝正庆 武进国家高新区管委会副主任
副组长:恽益明 武进国家高新区管委会副主任
三、工作机制
"""


def test_rare_surname_before_a_post_in_a_list():
    facts, _ = _facts(LOC23)
    assert ("恽益明", "person", "副组长") in _members(facts)
    assert ("恽益明", "武进国家高新区管委会", "副主任") in _posts(facts)


# data/real/notices/loc-07.txt: labels that lost their first character (组, 成) in copying;
# a line that is a unit's leader without a name
LOC07_FULL = """经研究,决定成立合作区推进“互联网+政务服务”工作领导小组。
二、组成人员

  长:许黎明  管委会常务副主任

副组长:李德钢  管委会办公室负责人

        赵明侠  公共行政服务中心副主任

  员:盛    区人社局局长

            区经发局负责人

        罗文新  区财政局负责人

        张永林  区软环境办负责人

三、工作机构
"""


def test_cut_labels_completed_from_the_labels_around_them():
    facts, warnings = _facts(LOC07_FULL)
    m = _members(facts)
    assert {("许黎明", "person", "组长"), ("李德钢", "person", "副组长"), ("罗文新", "person", "成员"),
            ("张永林", "person", "成员")} <= m
    assert not any(t == "unit" for _, t, _ in m)  # 区经发局负责人 lost its name: not a member unit
    assert any("read as 组长" in w for w in warnings) and any("has no name" in w for w in warnings)


def test_a_cut_label_with_no_telling_neighbour_gives_no_membership():
    facts, _ = _facts(LOC07_FULL.replace("副组长:", "成 员:"))
    assert {r for *_, r in _members(facts)} == {"成员"}
    assert ("许黎明", "管委会", "常务副主任") in _posts(facts)


# data/real/notices/sh-03.txt: staff roles of the group's working team; a unit named for its work
# (用途实施处); names with a unit and no title are members without a post
SH03 = """现成立上海市建设用地土壤污染责任人认定委员会（以下简称“认定委员会”），有关事项通知如下：
二、组成人员
主 任 委 员：
罗海林  市生态环境局副局长
工作组负责人：
任菊萍  市生态环境局土壤处处长
专职工作人员：
胡  进  市规划资源局用途实施处副处长
王  胤  市规划资源局用途实施处
专  家  组：
根据地块属性从建设用地土壤环境保护领域专家库选取5名评审专家
"""


def test_working_team_roles_and_members_without_a_title():
    facts, warnings = _facts(SH03, doc="沪环土〔2022〕158号")
    assert _members(facts) == {("罗海林", "person", "主任委员"), ("任菊萍", "person", "工作组负责人"),
                               ("胡进", "person", "专职工作人员"), ("王胤", "person", "专职工作人员")}
    assert ("胡进", "市规划资源局用途实施处", "副处长") in _posts(facts)
    assert not any(p == "王胤" for p, _, _ in _posts(facts))


# data/real/notices/loc-04.txt (its 组长 line with the name padded as other lists pad it, and a
# two-character name written with 同志): a bracket holding posts joined by 、
LOC04_PADDED = """决定成立卢氏县政务公开工作领导小组。
二、组成人员
组  长:孙  方(县委常委、县政府常务副县长)
副组长:彭海峰同志(县政府办公室主任)
        滕合同志(县政府办公室副主任)
三、工作机构
"""


def test_padded_name_with_posts_in_brackets():
    facts, _ = _facts(LOC04_PADDED)
    assert _members(facts) == {("孙方", "person", "组长"), ("彭海峰", "person", "副组长"), ("滕合", "person", "副组长")}
    assert {("孙方", "县委", "常委"), ("滕合", "县政府办公室", "副主任")} <= _posts(facts)


# data/real/notices/loc-09.txt's list written post first with one post for two names
def test_one_post_written_before_two_names():
    facts, _ = _facts("经旗委、政府研究决定,成立元宵节焰火晚会工作领导小组。\n组长:副旗长高慧、刘嘉耘;\n成员:宣传部副部长苏小乐。\n")
    m = _members(facts)
    assert ("刘嘉耘", "person", "组长") in m and ("苏小乐", "person", "成员") in m
    assert ("刘嘉耘", "旗人民政府", "副旗长") in _posts(facts)


# data/real/notices/gov-01.txt's clause (组长由…担任), here with the group named in the clause
# itself and a person named: the clause names its group
def test_role_clause_that_names_its_group():
    facts, _ = _facts("城镇小区配套幼儿园治理工作小组组长由副县长李四担任,成员由县直有关部门主要负责人组成。")
    assert ("李四", "person", "组长") in _members(facts)
    assert ("县直有关部门", "unit", "成员") in _members(facts)


# data/real/notices/loc-23.txt's list (吕 威 财政局局长) with the notes and posts other lists write
LOC23_POSTS = """经研究,决定成立高端装备特色创新(产业)示范园区创建工作领导小组,相关成员及单位职责如下:
二、组成人员
组 长:祝正庆 武进国家高新区管委会副主任
成 员:吕 威 财政局局长(兼)
许 六 公安局党委委员、副局长
柏 三 各街道党工委书记
三、工作机制
"""


def test_posts_with_a_note_a_party_committee_seat_and_a_collective():
    facts, warnings = _facts(LOC23_POSTS)
    assert {("吕威", "person", "成员"), ("许六", "person", "成员"), ("柏三", "person", "成员")} <= _members(facts)
    p = _posts(facts)
    assert {("吕威", "财政局", "局长"), ("许六", "公安局党委", "委员"), ("许六", "公安局", "副局长")} <= p
    assert not any(x == "柏三" for x, _, _ in p) and any("names no single unit" in w for w in warnings)


# data/real/notices/loc-04.txt: an entry whose opening bracket was lost; member units described
# in words under a 成员单位 label
LOC04 = """为切实加强对我县政务公开工作的领导,决定成立卢氏县政务公开工作领导小组。
二、组成人员

副组长:彭海峰(县政府办公室主任)

        滕合方县政府办公室副主任)

成员单位:各乡(镇)人民政府、县人民政府有关部门以及与群众利益密切相关的公共企事业单位

三、工作机构
"""


def test_unopened_bracket_and_units_described_in_words():
    facts, warnings = _facts(LOC04)
    m = _members(facts)
    assert ("滕合方", "person", "副组长") in m and ("滕合方", "县政府办公室", "副主任") in _posts(facts)
    assert {("各乡(镇)人民政府", "unit", "成员单位"), ("县人民政府有关部门", "unit", "成员单位"),
            ("与群众利益密切相关的公共企事业单位", "unit", "成员单位")} <= m
    assert any("unopened bracket" in w for w in warnings)


# data/real/notices/gov-02.txt: an office's head given as a unit's head; loc-10.txt: several units'
# 分管领导 as deputies are not read (which person is not said)
def test_office_head_given_as_a_units_head():
    text = ("成立国家粮食应急工作指挥部。\n国家粮食应急工作指挥部下设办公室,负责日常工作。办公室设在国家粮食局,"
            "由国家粮食局主要负责人兼任办公室主任。\n")
    facts, _ = _facts(text)
    assert ("国家粮食局", "unit", "办公室主任") in _members(facts)
    facts, _ = _facts(text.replace("由国家粮食局主要负责人兼任办公室主任", "副主任由县应急管理局、县人武部分管领导兼任"))
    assert not any(r.endswith("副主任") for *_, r in _members(facts))


# data/real/notices/loc-09.txt and loc-23.txt's layouts with the names other places write: a
# rare surname or a Uyghur name set apart by a bracket or after a post; roles 第一组长/名誉组长
def test_names_set_apart_by_a_bracket_or_after_a_post():
    text = ("经旗委、政府研究决定,成立元宵节焰火晚会工作领导小组。\n第一组长:阿不都热合曼·买买提(旗委副书记、旗长)\n"
            "组 长:恽益明(政府副旗长)\n名誉组长:县长阿依古丽·吐尔逊\n成 员:扎西多吉 宣传部副部长\n")
    facts, _ = _facts(text)
    assert _members(facts) == {("阿不都热合曼·买买提", "person", "第一组长"), ("恽益明", "person", "组长"),
                               ("阿依古丽·吐尔逊", "person", "名誉组长"), ("扎西多吉", "person", "成员")}
    assert ("恽益明", "旗人民政府", "副旗长") in _posts(facts)


def test_a_name_with_a_rare_surname_is_not_read_without_a_post():
    facts, _ = _facts("经研究,成立元宵节焰火晚会工作领导小组。\n成 员:恽益明、昝小明\n")
    assert ("恽益明", "person", "成员") not in _members(facts)


# data/real/notices/loc-09.txt's list set up in a sentence that names the group only by its kind,
# with unit and title in cells of their own (as the table of loc-23.txt's list would give them)
def test_group_set_up_by_its_kind_and_unit_and_title_apart():
    text = "为确保晚会顺利举办,成立工作专班,成员如下:\n组 长:巴音毕力格 旗政府 副旗长\n成 员:苏小乐 宣传部 副部长\n二、职责分工\n"
    facts, warnings = _facts(text)
    assert _groups(facts) == {"工作专班"}
    assert _members(facts) == {("巴音毕力格", "person", "组长"), ("苏小乐", "person", "成员")}
    assert ("苏小乐", "宣传部", "副部长") in _posts(facts)


# data/real/notices/gov-02.txt's layout (a heading naming each group above its list, 2.1 国家粮食应急
# 工作指挥部), with a second group whose name ends in 督导组
def test_each_heading_starts_its_own_groups_list():
    text = ("决定成立县河湖长制工作领导小组和县河湖长制工作督导组。\n一、县河湖长制工作领导小组\n组  长:张三(县长)\n"
            "二、县河湖长制工作督导组\n组  长:李四(副县长)\n")
    facts, _ = _facts(text)
    groups = {(f["member"], f["group"]) for f in facts if f["kind"] == "membership"}
    assert groups == {("张三", "县河湖长制工作领导小组"), ("李四", "县河湖长制工作督导组")}


# data/real/notices/gov-13.txt's list (缪 京 崇明区委副书记、区长) written with 同志 after the names
# and a comma between name and post on every line
def test_comrade_after_names_and_a_comma_before_posts():
    text = ("决定成立上海现代农业产业园(横沙东滩)开发建设管理委员会。\n主 任:彭沉雷同志 副市长\n"
            "副主任:赵祝平同志,市政府副秘书长\n      张国坤,市农业农村委主任\n")
    facts, _ = _facts(text)
    assert _members(facts) == {("彭沉雷", "person", "主任"), ("赵祝平", "person", "副主任"), ("张国坤", "person", "副主任")}
    assert {("彭沉雷", "市人民政府", "副市长"), ("张国坤", "市农业农村委", "主任")} <= _posts(facts)


# A member table with cell borders (the layout 6f65b45 reads with the role first or last) and
# the role in the middle column; units listed then 为成员单位 (no dev notice has either)
def test_table_with_the_role_in_the_middle_and_units_then_wei_chengyuan_danwei():
    text = ("决定成立县河湖长制工作领导小组,成员名单如下:\n| 姓名 | 组内职务 | 单位及职务 |\n| 张三 | 组长 | 县长 |\n"
            "| 李四 | 副组长 | 副县长 |\n| 王五 | 成员 | 县财政局局长 |\n")
    facts, _ = _facts(text)
    assert _members(facts) == {("张三", "person", "组长"), ("李四", "person", "副组长"), ("王五", "person", "成员")}
    assert ("王五", "县财政局", "局长") in _posts(facts)
    facts, _ = _facts("决定成立县河湖长制工作领导小组。\n组长:张三(县长)\n成员:县发改局、县财政局为成员单位。\n")
    assert {("县发改局", "unit", "成员"), ("县财政局", "unit", "成员")} <= _members(facts)


# gov-13.txt's labels with a qualifier in brackets after the role (副主任(常务):)
def test_role_label_with_a_qualifier_in_brackets():
    text = ("决定成立上海现代农业产业园(横沙东滩)开发建设管理委员会。\n主 任:彭沉雷 副市长\n"
            "副主任(常务):赵祝平 市政府副秘书长\n副主任:张国坤 市农业农村委主任\n")
    facts, _ = _facts(text)
    assert _members(facts) == {("彭沉雷", "person", "主任"), ("赵祝平", "person", "常务副主任"), ("张国坤", "person", "副主任")}


# gov-13.txt's office clause (办公室主任由张国坤同志兼任) in the form 由…任副组长 with one post for two names
def test_prose_post_written_once_for_two_names():
    facts, _ = _facts("经研究,决定成立县河湖长制工作领导小组,由县长张三任组长,副县长李四、王五任副组长。")
    assert _members(facts) == {("张三", "person", "组长"), ("李四", "person", "副组长"), ("王五", "person", "副组长")}
    assert ("王五", "县人民政府", "副县长") in _posts(facts)


# loc-04.txt's entries (彭海峰(县政府办公室主任)) written one after another with nothing between them
def test_bracket_entries_glued_together():
    text = ("决定成立卢氏县政务公开工作领导小组。\n副组长:彭海峰(县政府办公室主任)滕合方(县政府办公室副主任)\n"
            "成员单位:各乡(镇)人民政府\n")
    facts, _ = _facts(text)
    assert {("彭海峰", "person", "副组长"), ("滕合方", "person", "副组长")} <= _members(facts)
    assert ("滕合方", "县政府办公室", "副主任") in _posts(facts)


def test_unit_members_by_their_leaders_and_a_member_list_over_commas():
    # ext-04.txt: …和A、B主要领导为领导小组成员; ext-05.txt: 成员单位包括A、B,C、D。
    facts, _ = _facts("决定成立某市高铁建设领导小组。领导小组成员名单如下:\n组 长:李卫宁\n"
                      "市政府分管副秘书长,市委宣传部、市发展改革委、电信嘉兴市分公司和南湖区政府、秀洲区政府主要领导为领导小组成员。\n")
    assert {("市委宣传部", "unit", "成员"), ("市发展改革委", "unit", "成员"), ("南湖区政府", "unit", "成员")} <= _members(facts)
    facts, _ = _facts("决定成立省农作物重大病虫疫情防控指挥部。成员单位包括省发展改革委、教育厅、自然资源厅(省林业局)、"
                      "应急管理厅,民航中南地区管理局、省气象局。\n")
    assert {m for m in _members(facts) if m[2] == "成员单位"} == {
        (u, "unit", "成员单位") for u in ("省发展改革委", "教育厅", "自然资源厅", "应急管理厅", "民航中南地区管理局", "省气象局")}


def test_region_leaders_in_a_member_list():
    # ext-19.txt (广西): 自治区主席, 自治区党委副书记, 自治区党委常委、自治区常务副主席
    facts, _ = _facts("决定成立某运河建设工作领导小组。组成人员如下:\n组 长:蓝天立 自治区主席\n"
                      "副组长:刘小明 自治区党委副书记\n秦如培 自治区党委常委、自治区常务副主席\n")
    assert {("蓝天立", "自治区人民政府", "主席"), ("刘小明", "自治区党委", "副书记"),
            ("秦如培", "自治区党委", "常委"), ("秦如培", "自治区人民政府", "常务副主席")} <= _posts(facts)


def test_a_prefecture_head_and_a_bank_branch_in_a_member_list():
    # ext-49.txt (湖北): 恩施自治州州长 (the 州's government), 人民银行省分行行长 (a bank's branch)
    facts, _ = _facts("成立省支援三峡工程建设委员会。现将有关问题通知如下:\n一、委员会组成人员\n主 任 委 员: 贾志杰 省长\n"
                      "成 员: 陈秉林 省政府副秘书长\n刘崇明 人民银行省分行行长\n张洪伦 恩施自治州州长\n")
    assert {("刘崇明", "人民银行省分行", "行长"), ("张洪伦", "恩施自治州人民政府", "州长")} <= _posts(facts)


def test_an_adjusted_group_with_unit_members_by_their_deputies():
    # ext-48.txt (Traditional): 調整充實了對臺灣工作領導小組 / 平原縣委對臺灣工作領導小組由縣委書記任組長 (no person
    # named: no post, no duty) / 另外A、B…和C20個相關職能部門的分管副職任小組成員 (the units are the members)
    text = ("日前,中共平原縣委調整充實了對臺灣工作領導小組。\n平原縣委對臺灣工作領導小組由縣委書記任組長,分管對臺工作的副書記、"
            "副縣長任副組長。另外縣委辦公室、縣府辦公室、 縣經貿局、團縣委和縣臺辦5個相關職能部門的分管副職任小組成員。"
            "縣委對臺灣工作領導小組下設辦公室,縣臺辦主任兼辦公室主任。\n")
    facts, _ = _facts(text)
    assert _members(facts) == {(u, "unit", "成员") for u in ("县委办公室", "县府办公室", "县经贸局", "团县委", "县台办")}
    assert _groups(facts) == {"平原县委对台湾工作领导小组"}
    assert not [f for f in facts if f["kind"] in ("post", "task")]


def test_a_unit_second_name_in_brackets_before_a_title():
    # ext-46.txt (张江镇): 城市运行综合管理中心(绿化市容中心)常务副主任 — the bracket is the centre's second name
    facts, _ = _facts("决定成立某镇创建工作领导小组。组成人员如下:\n组  长:王明   镇长\n"
                      "成  员:李   涛   城管中队队长\n     张   建   城市运行综合管理中心(绿化市容中心)常务副主任\n")
    assert ("张建", "城市运行综合管理中心", "常务副主任") in _posts(facts)


def test_a_unit_set_up_under_two_names_is_named_by_the_first():
    # ext-49.txt: 设立省三峡工程移民开发局(副厅级),同时挂省移民开发局的牌子 … 刘俊生任省移民开发局局长 (the first
    # name); 省移民开发局在省民政厅移民处的基础上组建 tells how it is formed: no task
    facts, _ = _facts("二、为了加强对三峡工程移民工作的领导,设立省三峡工程移民开发局(副厅级),同时挂省移民开发局的牌子,"
                      "刘俊生任省移民开发局局长。省移民开发局在省民政厅移民处的基础上组建。\n")
    assert ("刘俊生", "省三峡工程移民开发局", "局长") in _posts(facts)
    assert not [f for f in facts if f["kind"] == "task" and "组建" in f["text"]]


def test_a_run_of_role_labels_in_one_sentence_shares_the_first_labels_group():
    # ext-62.txt (秀洲区, a meeting notice): 区创建领导小组第一副组长:A,常务副组长:B、C,副组长:D、E。 — the labels
    # after the first name no group of their own: the group of the first label is theirs
    facts, _ = _facts("三、参加人员:\n1、区创建领导小组第一副组长:张少初,常务副组长:王国华、王申峰,副组长:周巍、祁海龙、吕桂华。\n"
                      "2、区级机关各部门主要领导;\n")
    assert _members(facts) == {("张少初", "person", "第一副组长"), ("王国华", "person", "常务副组长"),
                               ("王申峰", "person", "常务副组长"), ("周巍", "person", "副组长"),
                               ("祁海龙", "person", "副组长"), ("吕桂华", "person", "副组长")}
    assert _groups(facts) == {"区创建领导小组"}


def test_a_group_adjusted_with_the_verb_after_its_name_and_its_office_director():
    # ext-64.txt (奈曼旗): 决定对X指挥部组成人员进行调整 names the group (the verb after it); 办公室主任由A同志兼任
    text = ("一、制定背景\n根据工作需要和人员变动情况,决定对奈曼旗森林草原防灭火指挥部组成人员进行调整,\n二、预期目标\n"
            "此次调整将更利于发挥相关部门单位职能作用,为有效预防和高效处置森林草原火灾提供全方位的支持和保障。\n"
            "指挥部办公室设在旗应急管理局,承担指挥部日常工作。办公室主任由米爱军同志兼任。\n")
    facts, _ = _facts(text)
    assert _members(facts) == {("米爱军", "person", "办公室主任")}
    assert _groups(facts) == {"奈曼旗森林草原防灭火指挥部"}


def test_a_role_list_run_on_after_the_sentence_announcing_it():
    # a copy that keeps a paragraph's lines on one line: '…组成人员如下:组长:A(市长);副组长:B(副市长)…' (round 14):
    # the first role follows the announcing sentence's colon
    text = ("为加强组织领导,决定成立某市文明城市创建工作领导小组,组成人员如下:组长:张三(市长);副组长:李四(副市长);"
            "成员:王五(市财政局局长)、赵六(市住建局局长)。\n")
    facts, _ = _facts(text, date="2021-03-05")
    assert sorted((f["member"], f["role"]) for f in facts if f["kind"] == "membership") == [
        ("张三", "组长"), ("李四", "副组长"), ("王五", "成员"), ("赵六", "成员")]
