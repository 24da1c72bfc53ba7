"""Round 21's layouts (rotation rot27), on snippets shaped like real notices (ext-334..345, dev from round 21).

Each test builds the notice directly (doc, date as the header would give them) and checks every
fact's evidence, as tests/test_round19_real.py does. Names and places are made up.
"""

from __future__ import annotations

from snippets import snippet_facts as _facts
from snippets import snippet_tasks as _tasks


def test_a_unit_named_for_its_work_alone_on_its_line_is_no_duty():
    # ext-345: a forwarded 意见 signed by three departments, one a line: '中共某市委组织部' is no task of 中共某市委
    text = ("各区委、区政府:\n现转发给你们,请认真贯彻执行。\n中共某市委办公厅\n二○○六年六月十三日\n"
            "中共某市委组织部\n某市人事局\n关于实施若干政策的意见\n一、办法\n由市人事局编制目录。")
    facts, _ = _facts(text)
    assert _tasks(facts) == [((), ("市人事局",), None)]


def test_a_manner_or_working_together_asked_of_collectives_is_no_task():
    # ext-335: a covering letter's '各地各部门要以“…”的姿态,全力冲刺一季度…' (一季度 an aim, no deadline) and
    # '各牵头和责任单位要强化目标协同、任务协同…' ask how to work (exhortation_forms.tsv); the named office's duty stays
    text = ("各区人民政府,市各部门:\n现将方案印发给你们,有关要求如下:\n"
            "各牵头和责任单位要强化目标协同、任务协同、措施协同,形成推动工作的整体合力。"
            "市政府办公室将加强日常跟踪督办,定期通报结果。"
            "各地各部门要以“开局即冲刺”的姿态,全力冲刺一季度“开门红”,为全年发展打下坚实基础。")
    facts, _ = _facts(text, date="2023-01-10")
    assert _tasks(facts) == [((), ("市政府办公室",), None)]
    # with a date 前 it is a piece of work, dated
    facts, _ = _facts("各区人民政府:\n各部门要加强协作,于2023年6月30日前报送方案。", date="2023-01-10")
    assert _tasks(facts) == [((), ("各部门",), "2023-06-30")]


def test_by_inside_a_subject_is_no_unit():
    # ext-339: '某溪(某河)由各所在村的村委会主任担任防汛责任人' assigns a person by post: '某溪(某河)由各所' (所 of 所在)
    # is no unit; a unit's name with 自由 stays one
    text = ("各村委会:\n三、甲水库,行政责任人张三;某溪(某河)由各所在村的村委会主任担任防汛责任人。"
            "各村委会要成立防汛指挥小组。")
    facts, _ = _facts(text)
    assert _tasks(facts) == [((), ("各村委会",), None)]
    from govgraph.loaders.mentions import is_unit_like
    assert is_unit_like("市自由贸易试验区管委会")


def test_a_scope_before_fields_sharing_bumen_is_each_fields():
    # ext-336: '全省各级财政、税务等部门要加大财源培育力度': each field bare as written (round 28's convention)
    text = "各州、市人民政府:\n一、推进建设\n全省各级财政、税务等部门要加大财源培育力度,确保收入增长4%的目标。"
    facts, _ = _facts(text, date="2017-02-01")
    assert _tasks(facts) == [((), ("全省各级财政", "税务"), None)]


def test_units_urged_to_send_by_a_date_date_their_duty():
    # ext-343: '请各乡镇上报…。请各乡镇务必高度重视,在8月8日前…上报到某局办公室。' is one dated task; the urging alone
    # (务必高度重视, no date) stays an exhortation
    text = ("各乡镇人民政府:\n根据某通知要求,开展某专项行动。请各乡镇上报2010年末复耕的亩数及地块数。"
            "请各乡镇务必高度重视,在8月8日前以正式文件上报到某局办公室。\n此函\n某局\n2017年8月7日")
    facts, _ = _facts(text, date="2017-08-07")
    assert _tasks(facts) == [((), ("各乡镇",), "2017-08-08")]
    facts, _ = _facts("各乡镇人民政府:\n各乡镇务必高度重视。\n某局\n2017年8月7日", date="2017-08-07")
    assert _tasks(facts) == []


def test_a_bracket_listing_units_with_commas_before_its_assignment_word():
    # ext-336: '(省甲委、乙厅牵头;省丙委、丁厅,某银行某省分行,各州、市人民政府配合)' after the paragraph's last sentence:
    # one list of units written with commas between its kinds; units as written; the sentence is the text
    text = ("各州、市人民政府:\n现提出以下意见:\n一、推进重大项目建设\n建立健全重点项目制度;全力推进20个重点项目。"
            "(省发展改革委、财政厅牵头;省工业和信息化委、林业厅,国家开发银行某省分行,各州、市人民政府配合)\n"
            "二、加强城市基础设施投入\n省财政筹措资金。")
    facts, _ = _facts(text, date="2017-02-01")
    assert _tasks(facts) == [(("省发展改革委", "财政厅"),
                              ("省工业和信息化委", "林业厅", "国家开发银行某省分行", "各州、市人民政府"), None)]
    assert [f["text"] for f in facts if f["kind"] == "task"] == ["全力推进20个重点项目。"]


def test_fields_sharing_bumen_then_a_dated_verb():
    # ext-336: '发展改革、财政部门2017年3月底前拨付…' (no 要, no 于: the date with its year, then the verb)
    text = "各州、市人民政府:\n一、推进重大项目建设\n加快资金拨付进度,发展改革、财政部门2017年3月底前拨付省预算内前期工作经费。"
    facts, _ = _facts(text, date="2017-02-01")
    assert _tasks(facts) == [((), ("发展改革", "财政"), "2017-03-31")]


def test_the_addressed_places_bodies_in_the_second_person():
    # ext-337: a 批复's '你市有关各级政府要…认真组织实施上述行政区划调整…', as written
    text = ("甲市人民政府:\n你市《关于撤乡设镇的请示》收悉。经研究,同意撤销乙乡,设立乙镇。\n"
            "你市有关各级政府要在各级党委的领导下,认真组织实施上述行政区划调整,妥善处理机构设置等问题。"
            "上述调整所需经费由你市自行解决。\n某省人民政府\n2017年9月19日")
    facts, _ = _facts(text, date="2017-09-19")
    assert _tasks(facts) == [((), ("你市有关各级政府",), None)]


def test_a_member_entry_name_first_with_a_party_department_after_the_committee_post():
    # ext-341: '副总指挥:张三市委常委、宣传部长' gives 市委宣传部's 部长, as the prose '市委常委、宣传部长张三' does
    text = ("市委、市政府成立某市创建指挥部。\n总指挥:李四 市委副书记、市长\n副总指挥:张三市委常委、宣传部长\n"
            "成员由各成员单位主要负责人担任。")
    facts, _ = _facts(text)
    posts = sorted((f["person"], f["unit"], f["title"]) for f in facts if f["kind"] == "post")
    assert ("张三", "市委宣传部", "部长") in posts and ("张三", "市委", "常委") in posts


def test_a_name_glued_to_posts_that_start_with_a_province():
    # ext-341: '总指挥:王五江苏省委常委、市委书记' (王五江 + 苏省委 reads too): the province's name starts the posts
    text = "市委、市政府成立某市创建指挥部。\n总指挥:王五江苏省委常委、市委书记\n成员由各成员单位主要负责人担任。"
    facts, _ = _facts(text)
    assert sorted((f["person"], f["unit"], f["title"]) for f in facts if f["kind"] == "post") == [
        ("王五", "市委", "书记"), ("王五", "江苏省委", "常委")]
    assert [(f["member"], f["role"]) for f in facts if f["kind"] == "membership"] == [("王五", "总指挥")]


def test_a_flood_command_post_set_up_with_its_roles_in_one_sentence():
    # ext-339: '镇政府成立13人防汛指挥所。所长:A;副所长:B、C;成员:D、E。' (roles.txt, group_suffixes.txt); the count
    # is no part of the group's name
    text = ("各村委会:\n二、健全防汛机构。镇政府成立13人防汛指挥所。所长:张三;副所长:李四、王五;成员:赵六、钱七。"
            "各村委会要成立防汛指挥小组。")
    facts, _ = _facts(text)
    assert sorted((f["group"], f["member"], f["role"]) for f in facts if f["kind"] == "membership") == [
        ("防汛指挥所", "张三", "所长"), ("防汛指挥所", "李四", "副所长"), ("防汛指挥所", "王五", "副所长"),
        ("防汛指挥所", "赵六", "成员"), ("防汛指挥所", "钱七", "成员")]


def test_a_group_composed_of_persons_by_name_alone():
    # ext-338: '专家指导组由A、B、C、D组成,B为专家指导组组长': members; B keeps the role he is given only
    text = ("机关各处室:\n局党组研究决定:\n组建某中心专家指导组,专家指导组由李四、张三、王五、赵六组成,"
            "张三为专家指导组组长。\n中共某局党组\n2023年9月11日")
    facts, _ = _facts(text, date="2023-09-11")
    assert sorted((f["member"], f["role"]) for f in facts if f["kind"] == "membership") == sorted([
        ("李四", "成员"), ("王五", "成员"), ("赵六", "成员"), ("张三", "组长")])


def test_a_groups_duties_on_its_heading_line():
    # ext-338: '专家指导组主要职责:负责…;负责…;参与…。' on one line is the group's task
    text = ("机关各处室:\n局党组研究决定:\n组建某中心专家指导组,专家指导组由李四、张三组成。\n"
            "专家指导组主要职责:负责园区树木管理养护等专项业务指导工作;参与全市园林绿化检查指导工作。\n"
            "中共某局党组\n2023年9月11日")
    facts, _ = _facts(text, date="2023-09-11")
    assert _tasks(facts) == [((), ("专家指导组",), None)]
    # a joint meeting's own duties stay unread, as under a heading of their own
    facts, _ = _facts(text.replace("专家指导组主要职责", "联席会议主要职责"), date="2023-09-11")
    assert _tasks(facts) == []


def test_yiju_after_the_unit_a_duty_opens_with():
    # ext-345: '由市人事局依据…需要,汇总、整理、分析…,编制目录' (依据 as 按照 / 根据: duty_verbs.tsv)
    text = ("关于实施若干政策的意见\n为了完善人才政策,现提出如下意见。\n一、引进人才优惠办法\n(一)编制目录\n"
            "由市人事局依据城市定位和实际需要,汇总、分析用人单位的需求,编制目录。目录每年更新一次。")
    facts, _ = _facts(text)
    assert _tasks(facts) == [((), ("市人事局",), None)]


def test_a_list_of_kinds_sharing_a_head_and_an_ending_after_a_government():
    # ext-344: '各相关部门、乡(镇)人民政府和国有农、林、牧、渔场要…': 人民政府 ends a unit before 和 (unit_words.tsv
    # strong_end), and 国有农、林、牧、渔场 is four farms
    text = "现就禁烧事宜通告如下:\n各相关部门、乡(镇)人民政府和国有农、林、牧、渔场要强化宣传教育。\n某县人民政府\n10月14日"
    facts, _ = _facts(text)
    assert _tasks(facts) == [((), ("各相关部门", "乡(镇)人民政府", "国有农场", "国有林场", "国有牧场", "国有渔场"), None)]
    from govgraph.loaders.assignees import split_assignees
    assert split_assignees("相关委、办、局") == ["相关委、办、局"]


def test_an_enforcement_bodys_measure_and_a_further_body_after_bingyou():
    # ext-344: '对违反规定的行为,由所在地乡(镇)人民政府予以制止,并由公安部门对当事人处以…' (予以: duty_verbs.tsv; 并由)
    text = ("现就禁烧事宜通告如下:\n在全县范围内禁止露天焚烧秸秆。\n"
            "对违反规定的行为,由所在地乡(镇)人民政府予以制止,并由公安部门对当事人处以15日以下行政拘留。")
    facts, _ = _facts(text)
    assert _tasks(facts) == [((), ("所在地乡(镇)人民政府",), None), ((), ("公安部门",), None)]


def test_a_partner_after_huitong_before_a_modal():
    # ext-342: '县林业部门会同“两办”督查室要加强督导检查' (a modal ends the partner; a quoted short name before an office)
    text = "现就有关事宜通告如下:\n县林业部门会同“两办”督查室要加强督导检查。县甲局会同县督查室要及时通报情况。"
    facts, _ = _facts(text)
    assert _tasks(facts) == [((), ("县林业部门", "“两办”督查室"), None), ((), ("县甲局", "县督查室"), None)]


def test_a_work_named_before_you_and_each_levels_government():
    # ext-340: '其中采石场的关闭由所在区人民政府负责;小水泥厂的关闭按照权限分别由市、区人民政府负责。'
    text = "第四条 关闭工作按照全市统一部署进行。其中甲场的关闭由所在区人民政府负责;乙厂的关闭按照权限分别由市、区人民政府负责。"
    facts, _ = _facts(text)
    assert _tasks(facts) == [((), ("所在区人民政府",), None), ((), ("市人民政府", "区人民政府"), None)]
    assert [f["text"] for f in facts if f["kind"] == "task"] == ["甲场的关闭", "乙厂的关闭"]
    from govgraph.loaders.assignees import split_assignees
    assert split_assignees("各县、市、区政府") == ["各县、市、区政府"]


def test_a_name_between_an_unplaced_post_and_an_honour():
    # ext-334: '领导小组办公室主任由驻局纪检组长A书记兼任': A's membership, no post (which body's 纪检组 is not said)
    text = ("局机关各科室:\n经研究,成立市某局防控工作领导小组。\n组  长:张三  市某局局长\n"
            "领导小组下设办公室,领导小组办公室主任由驻局纪检组长李四书记兼任。\n某局\n2020年1月25日")
    facts, _ = _facts(text, date="2020-01-25")
    assert ("李四", "办公室主任") in [(f["member"], f["role"]) for f in facts if f["kind"] == "membership"]
    assert [f for f in facts if f["kind"] == "post" and f["person"] == "李四"] == []


def test_collectives_setting_up_their_own_group():
    # ext-334: '各二级单位成立本单位…工作小组,党政负责人任组长,负责传达…' is their duty; a named unit's own step is not read
    text = ("局机关各科室:\n经研究,成立市某局防控工作领导小组。\n二、二级单位成立工作小组\n"
            "各二级单位成立本单位防控工作小组,党政负责人任组长,负责传达上级部门的防控文件。市某局成立本单位值班小组。\n"
            "某局\n2020年1月25日")
    facts, _ = _facts(text, date="2020-01-25")
    assert _tasks(facts) == [((), ("各二级单位",), None)]


def test_a_penalty_a_unit_imposes_in_a_comma_clause():
    # ext-344: '…,并由公安部门对当事人处以…拘留,生态环境部门对当事人处以…罚款' (对…处以 opens the predicate)
    text = ("现就禁烧事宜通告如下:\n对违反规定的行为,由公安部门对当事人处以行政拘留,生态环境部门对当事人处以500元罚款。")
    facts, _ = _facts(text)
    assert _tasks(facts) == [((), ("公安部门",), None), ((), ("生态环境部门",), None)]


def test_the_level_government_in_a_copy_without_issuer_addressed_to_its_own_departments():
    # ext-336: no title, signature or issuer; '各州、市人民政府,省直各委、办、厅、局:' then '省人民政府对各州、市人民政府…实施
    # 年度目标责任管理': the issuer's own measure, no task; the departments' duties are read
    text = ("各州、市人民政府,省直各委、办、厅、局:\n现提出以下意见:\n一、推进重大项目建设\n"
            "省人民政府对各州、市人民政府投资目标任务实施年度目标责任管理;有关部门要及时解决困难。省林业厅要加快审批。")
    facts, _ = _facts(text, date="2017-02-01")
    assert _tasks(facts) == [((), ("省林业厅",), None)]


def test_a_party_committee_and_a_government_glued_as_issuers_name_one_place():
    # ext-341: '中共某市委某市人民政府' on the first line: the place is 某市, not 某市 + '委某'
    from govgraph.loaders.places import place_of_org
    assert place_of_org("中共甲州市委甲州市人民政府") == "甲州市"
    assert place_of_org("中共武汉市汉阳区委") == "武汉市汉阳区"


def test_a_city_of_one_character_and_menshi_is_a_place():
    # ext-345: 厦门市人民政府办公厅 (门市, a shopfront, names no place; one character and 门市 is a city: not_places.txt +门市)
    from govgraph.loaders.places import place_of_org
    assert place_of_org("厦门市人民政府办公厅") == "厦门市"
    assert place_of_org("营业门市部") is None
