"""Round 14's layouts, on snippets shaped like real notices (ext-178..201, dev from round 14).

Each test builds the notice directly (doc, date as the header would give them) and checks every
fact's evidence, as tests/test_round13_real.py does. Names and places are made up.
"""

from __future__ import annotations

from snippets import snippet_facts as _facts
from snippets import snippet_tasks as _tasks


def _posts(facts):
    return sorted((f["person"], f["unit"], f["title"]) for f in facts if f["kind"] == "post")


def test_a_leaders_day_record_name_then_title_then_what_was_done():
    # ext-199: a city's 大事记: 'X副市长协调…', '研究…事宜', '督查…'
    text = ("3月5日\n1、张三副市长协调某某项目落地支持事宜。\n2、李四副市长研究棚改备案事宜;参加揭牌仪式。\n"
            "3、王五副市长督查环境卫生综合整治工作。\n")
    facts, _ = _facts(text, date="2018-03-06", issuer="某市人民政府")
    assert _posts(facts) == [("张三", "市人民政府", "副市长"), ("李四", "市人民政府", "副市长"),
                             ("王五", "市人民政府", "副市长")]


def test_a_leader_in_charge_after_you():
    # ext-195: numbered items '由X副市长负责,Y牵头,相关部门配合,…'
    text = "1.某某改革试验区\n由张三副市长负责,市发改委牵头,相关部门配合,尽快完成实施方案。\n"
    facts, _ = _facts(text, date="2010-03-01", issuer="某市人民政府")
    assert ("张三", "市人民政府", "副市长") in _posts(facts)


def test_a_meeting_named_before_who_chairs_it():
    # ext-198: '成立大会由市委副书记、市委政法委书记A主持' (会议由 and 大会由 are lead-ins already)
    text = "当日上午,某区成立大会隆重召开。\n成立大会由市委副书记、市委政法委书记张三主持。\n座谈会由市政府副市长李四主持。\n"
    facts, _ = _facts(text, date="2016-01-31", issuer="某市人民政府")
    assert _posts(facts) == sorted([("张三", "市委", "副书记"), ("张三", "市委政法委", "书记"), ("李四", "市人民政府", "副市长")])


def test_a_table_cell_that_says_who_leads():
    # ext-178: a table one cell a line (工作任务 / 具体措施 / 责任单位 / 完成时限) whose unit cell reads
    # 'A、B牵头,C按职能分工落实': A, B lead, C responsible; the deadline cell after it dates the row
    text = ("某市2022年重点工作任务分工方案\n工作任务\n具体措施\n责任单位\n完成时限\n(一)推进文件集中公开\n"
            "1.完善行政规章库建设,及时做好规章动态更新。\n市政府办公室、市司法局\n2022年底前\n"
            "2.建成本部门行政规范性文件库。\n市政府办公室、市司法局牵头,市直其他单位按职能分工落实\n2022年底前\n"
            "3.推进本地区行政规范性文件库建设。\n各县(区)人民政府\n2022年底前\n")
    facts, _ = _facts(text, date="2022-06-18")
    assert sorted(_tasks(facts)) == [
        ((), ("各县(区)人民政府",), "2022-12-31"),
        ((), ("市政府办公室", "市司法局"), "2022-12-31"),
        (("市政府办公室", "市司法局"), ("市直其他单位",), "2022-12-31")]


def test_a_table_with_a_leader_column_after_a_covering_letter():
    # ext-181: a covering letter (duties of a collective and of the 督查室), then the attachment's table
    # one cell a line: 目标任务 / 责任领导 / 责任单位; leaders' names (one or two lines) are no part of the task,
    # the unit cell has , between groups, a second name in brackets (市建设局(市规划局): one office) and 等
    text = ("某市人民政府关于印发某某目标任务责任分解的通知\n各县(市、区)人民政府,市政府直属各单位:\n"
            "现印发给你们,请认真贯彻执行。各级各部门要对照职能分工,抓紧责任细化,不折不扣地抓好落实。"
            "市政府督查室要加强对重点项目等督促检查,确保目标任务落实到位。\n附件:某某目标任务责任分解\n某市人民政府\n2018年2月5日\n"
            "附件\n某某目标任务责任分解\n目标任务\n责任领导\n责任单位\n一、主要预期指标\n1. 生产总值增长7.5%以上。\n张三\n"
            "市发改委、市建设局(市规划局),各县(市、区)政府,某开发区管委会等\n2. 城乡居民收入增长与经济增长基本同步。\n张三\n李四\n"
            "市农办、市财政局\n3. 一般公共预算收入增长。\n李四\n市财政局、市税务局\n")
    facts, warnings = _facts(text, date="2018-02-05", issuer="某市人民政府")
    tasks = _tasks(facts)
    assert ((), ("各级各部门",), None) in tasks and ((), ("市政府督查室",), None) in tasks
    assert ((), ("市发改委", "市建设局", "各县(市、区)政府", "某开发区管委会"), None) in tasks
    assert ((), ("市农办", "市财政局"), None) in tasks
    assert all("张三" not in f["text"] for f in facts if f["kind"] == "task")
    # the last row's cell closes the stored text: the copy may be cut inside it, so it is not read
    assert ((), ("市财政局", "市税务局"), None) not in tasks
    assert any("ends the text" in str(w) for w in warnings)


def test_the_issuing_offices_own_undertaking():
    # ext-171: '区政府办公室将定期跟踪督办' in a notice the district government's office issues: no task
    # (as '市政府将…' in a notice of the government or its office); its 督查室 would still be one
    text = ("各镇人民政府、街道办事处,区级各部门:\n请各单位细化工作举措,确保完成各项目标任务。"
            "区政府办公室将定期跟踪督办,并将目标任务完成情况纳入年度考核。\n")
    facts, _ = _facts(text, date="2022-01-21", issuer="某某区人民政府办公室")
    assert all("区政府办公室" not in f["responsible"] for f in facts if f["kind"] == "task")


def test_a_place_after_an_election_verb():
    # ext-192: '以无记名投票方式,补选X镇人民政府镇长' is no place '补选X镇': the verb opens the run
    from govgraph.loaders.places import jurisdiction
    from govgraph.notice import Notice

    j = jurisdiction(Notice(doc="t", text="返回\n接着,以无记名投票方式,补选某某镇人民政府镇长。\n"))
    assert j.place == "某某镇" and j.evidence["text"] == "某某镇"


def test_a_bare_standing_committee_after_its_term_is_the_levels_one():
    # ext-201: '选举张三为市人大常委会主任…选举李四、王五等28人为十九届人大常委会委员' (a city's 人代会): the
    # body written bare after its term is the 市人大常委会 the notice names (one level only)
    text = ("11月26日,某某市第十九届人民代表大会第一次会议闭幕。会议选举张三为市人大常委会主任,选举李四、王五等28人为"
            "十九届人大常委会委员。\n")
    facts, _ = _facts(text, date="2021-11-26")
    assert ("李四", "市人大常委会", "委员") in _posts(facts) and ("王五", "市人大常委会", "委员") in _posts(facts)


def test_a_groups_role_after_a_post_and_its_comma():
    # ext-186: '市人大常委会副主任、市X工作领导小组副组长A带领…': the post, and A's role in the group (named once,
    # bounded by the 、 before it); a 指挥部 named so in a career stays a post (rm-18)
    text = "8月13日,市人大常委会副主任、市某某工作领导小组副组长张三带领有关负责同志对某某工作进行了督导检查。\n"
    facts, _ = _facts(text, date="2012-08-14")
    assert ("张三", "市人大常委会", "副主任") in _posts(facts)
    assert [(f["group"], f["member"], f["role"]) for f in facts if f["kind"] == "membership"] == [
        ("市某某工作领导小组", "张三", "副组长")]
    text = "李四此前已履新某市政府党组成员、某某援建指挥部副总指挥。\n"
    facts, _ = _facts(text, date="2024-11-22")
    assert not [f for f in facts if f["kind"] == "membership"]


def test_a_web_pages_metadata_labels_are_no_addressees():
    # ext-179: '发布部门:市政府办公室(…)' and '发布时间:', '有效性:' lines before the addressee line, which runs
    # on into the covering letter on one line: the addressees are the units before their colon, no duty is
    # given to '发布部门', and '现印发给你们,请认真贯彻执行' is none
    text = ("某市人民政府办公室关于印发某某责任分工的通知\n政策\n发布部门:市政府办公室(研究室、机关事务局)\n"
            "发布时间:2021年02月08日\n有效性:政策是否有效未知,请慎用\n市政府各部门、各单位:《某某责任分工》已经市政府同意,"
            "现印发给你们,请认真贯彻执行。各责任单位要按月向市政府报告重点工作进展情况。\n")
    facts, _ = _facts(text, date="2021-02-05", issuer="某市人民政府办公室")
    assert _tasks(facts) == [((), ("各责任单位",), None)]


def test_a_labelled_unit_list_closing_a_cut_copy_loses_its_last_unit():
    # ext-190 ('牵头单位:区商' ends the copy), ext-168 ('…市城乡建设局、市交通运'): the last unit of a labelled line
    # that closes the stored text may be cut: not read (a warning); a list closed by 等 or 。 is whole
    text = ("某区重点工作目标任务分解\n一、主要预期指标\n1.区级一般公共预算收入增长5%。\n牵头单位:区财政局\n"
            "责任单位:区税务局、区国资委等\n2.固定资产投资增长5%以上。\n牵头单位:区发改委\n"
            "责任单位:区住建委、区财政局、各管委会等\n3.社会消费品零售总额增长6%左右。\n牵头单位:区商务委\n"
            "责任单位:区财政局、区市场监")
    facts, warnings = _facts(text, date="2023-03-01")
    assert _tasks(facts) == [(("区财政局",), ("区税务局", "区国资委"), None),
                             (("区发改委",), ("区住建委", "区财政局", "各管委会"), None),
                             (("区商务委",), ("区财政局",), None)]
    assert any("区市场监" in str(w) for w in warnings)


def test_units_then_whom_the_measure_concerns():
    # ext-194: '区委组织部和区民政局对村党组织书记和村民委员会主任实行备案管理' (组织 inside the first unit's name
    # is no verb; the subject ends at 对)
    text = "第三条 村级干部由乡镇党委管理。区委组织部和区民政局对村党组织书记和村民委员会主任实行备案管理。\n"
    facts, _ = _facts(text, date="2020-03-01", issuer="某某区人民政府")
    assert ((), ("区委组织部", "区民政局"), None) in _tasks(facts)
    assert all("区委" not in t[1] for t in _tasks(facts))


def test_units_forming_a_group_with_a_collective_after_and():
    # ext-188: '要成立由A中心、B局、C局和相关乡镇组成的工作专班' (sh-17: '…等部门组成的X工作小组'): four member
    # units, the last a collective after 和; the group's name without the 的 before it
    text = "某某要求,要成立由某某服务中心、水利局、财政局和相关乡镇组成的工作专班,及时解决建设工作中出现的困难和问题。\n"
    facts, _ = _facts(text, date="2021-05-01", issuer="某县人民政府")
    assert sorted((f["group"], f["member"]) for f in facts if f["kind"] == "membership") == [
        ("工作专班", "某某服务中心"), ("工作专班", "水利局"), ("工作专班", "相关乡镇"), ("工作专班", "财政局")]


def test_a_second_subject_of_collectives_after_a_comma():
    # ext-191: '…分局要全力做好各项保障措施,…,各行业主管单位、相关镇要进一步落实…' (相关镇: a plural head and 镇)
    text = ("会议要求,区生态环境分局要全力做好各项保障措施,及时与各相关行业主管单位、各相关镇进行沟通对接,"
            "各行业主管单位、相关镇要进一步落实行业监管责任和属地管理责任,密切配合,力争早日完成整改工作。\n")
    facts, _ = _facts(text, date="2020-03-01", issuer="某县人民政府")
    assert ((), ("各行业主管单位", "相关镇"), None) in _tasks(facts)
    assert ((), ("区生态环境分局",), None) in _tasks(facts)


def test_lead_ins_one_after_another_before_a_subject():
    # ext-184: '…;同时表决通过了A任市人民政府副市长,并决定代理市长' (同时 and 表决通过了, both lead-ins)
    text = ("经3月23日某市三届人大常委会第二十四次会议表决,接受了李四辞去某市人民政府市长职务的请求;"
            "同时表决通过了张三任市人民政府副市长,并决定代理市长。\n")
    facts, _ = _facts(text, date="2015-03-25")
    assert ("张三", "市人民政府", "副市长") in _posts(facts)


def test_an_oath_after_a_run_of_posts_and_names_each_opened_by_a_relative_clause():
    # ext-192: '新当选的镇长A、表决通过的人大办公室(某某室)主任B面对国旗庄严宣誓'
    text = "大会还举行了宪法宣誓仪式。新当选的镇长张三、表决通过的人大办公室(某某室)主任李四面对国旗庄严宣誓。\n"
    facts, _ = _facts(text, date="2020-08-18", issuer="某某镇人民政府")
    assert _posts(facts) == [("张三", "镇人民政府", "镇长"), ("李四", "人大办公室", "主任")]


def test_a_leaders_share_of_a_plan_in_a_heading():
    # ext-154 (dev from round 13): '一、张三市长牵头的重点工作' (and '一、李四副市长重点工作', ext-179's heading)
    text = "某市2018年重点工作责任分解\n一、张三市长牵头的重点工作\n1.推进某某改革。\n二、李四副市长重点工作\n2.推进某某建设。\n"
    facts, _ = _facts(text, date="2018-04-18", issuer="某市人民政府办公室")
    assert _posts(facts) == [("张三", "市人民政府", "市长"), ("李四", "市人民政府", "副市长")]


def test_a_zones_party_body():
    # ext-198: '…,某某新区党工委书记A,市中级人民法院院长B…出席' (a zone before 党工委: 新区, 高新区)
    text = "市委书记王五主持会议。某某新区党工委书记张三,市中级人民法院院长李四及有关方面负责同志出席。\n"
    facts, _ = _facts(text, date="2016-01-31", issuer="某市人民政府")
    assert ("张三", "某某新区党工委", "书记") in _posts(facts)


def test_a_run_of_posts_cut_by_a_comma_from_the_next_post_and_name():
    # ext-198: '市委常委、秘书长,X新区党工委书记A,市中级人民法院院长B…出席': the posts before the comma are A's too
    text = "市委常委、组织部长赵六宣读决定。市委常委、秘书长,某某新区党工委书记张三,市中级人民法院院长李四及有关方面负责同志出席。\n"
    facts, _ = _facts(text, date="2016-01-31", issuer="某市人民政府")
    assert [p for p in _posts(facts) if p[0] == "张三"] == [
        ("张三", "市委", "常委"), ("张三", "市委", "秘书长"), ("张三", "某某新区党工委", "书记")]
    assert [p for p in _posts(facts) if p[0] == "李四"] == [("李四", "市中级人民法院", "院长")]
