"""Round 11's layouts, on snippets shaped like real notices (ext-118..129, dev from round 11).

Each test builds the notice directly (doc, date as the header would give them) and checks every
fact's evidence, as tests/test_round10_real.py does. The persons' names are made up.
"""

from __future__ import annotations

from snippets import snippet_facts as _facts

from govgraph.identity.scope import leading_components


def _posts(facts):
    return {(f["person"], f["unit"], f["title"]) for f in facts if f["kind"] == "post"}


def _members(facts):
    return {(f["group"], f["member"], f["role"]) for f in facts if f["kind"] == "membership"}


def _groups(facts):
    return {f["group"] for f in facts if f["kind"] == "group"}


_COMMITTEE = "某市人民政府第三届咨询委员会"


def test_a_committee_list_by_its_role_with_qualified_counted_headings():
    # ext-118: '聘任A等N名同志为X委员会委员' above 'X委员会委员名单' / '(以姓氏笔画为序)' / '一、外聘委员(3名)',
    # entries 'name(女)   unit+title、title' with names padded to two characters' width
    text = (f"市人民政府关于聘任{_COMMITTEE}委员的决定\n各县人民政府:\n决定聘任高文涛等3名同志为{_COMMITTEE}委员。\n"
            f"附件\n{_COMMITTEE}委员名单\n(以姓氏笔画为序)\n一、外聘委员(3名)\n"
            "高文涛(女)        某农业大学园艺学院副院长、教授\n"
            "许 平(女)        某理工大学管理学院副教授\n"
            "邹志远              中国工程院院士、某大学学术委员会主任\n")
    facts, _ = _facts(text, issuer="某市人民政府")
    assert {(_COMMITTEE, n, "委员") for n in ("高文涛", "许平", "邹志远")} <= _members(facts)
    assert {("高文涛", "某农业大学园艺学院", "副院长"), ("高文涛", "某农业大学园艺学院", "教授"),
            ("许平", "某理工大学管理学院", "副教授"), ("邹志远", "中国工程院", "院士"),
            ("邹志远", "某大学学术委员会", "主任")} <= _posts(facts)
    # the decision's '为X委员会委员' is the membership the list gives, not a post in the committee
    assert not any(p[1] == _COMMITTEE for p in _posts(facts))


def test_an_enumeration_before_by_whom_opens_the_clause():
    # ext-121: '二是由省X领导小组办公室主任、省林业厅厅长A同志就…进行了安排部署'
    text = ("省某某改革领导小组办公室组织召开了视频会议。会上,一是由省编办负责人进行了解读,"
            "二是由省某某改革领导小组办公室主任、省林业厅厅长唐雨晴同志就改革工作进行了安排部署。")
    facts, _ = _facts(text, doc="测", issuer=None)
    assert ("省某某改革领导小组", "唐雨晴", "办公室主任") in _members(facts)
    assert ("唐雨晴", "省林业厅", "厅长") in _posts(facts)
    assert not any(p[1].startswith("二是") for p in _posts(facts))


def test_those_present_and_a_leader_in_charge():
    # ext-121: '参加视频会议的有市政府主管副市长A同志'; ext-123: '受市委委托,市委常委、组织部部长B就…作了说明'
    facts, _ = _facts("在分会场参加视频会议的有市政府主管副市长潘立群同志,市编办的相关领导参加了视频会议。")
    assert ("潘立群", "市人民政府", "副市长") in _posts(facts)
    facts, _ = _facts("受市委委托,市委常委、组织部部长韩卫东就有关人选调整方案作了说明。")
    assert {("韩卫东", "市委", "常委"), ("韩卫东", "市委组织部", "部长")} <= _posts(facts)


def test_those_present_by_a_collective_give_no_post():
    # ext-123: '出席会议的有…有关人民团体负责人A、B': leaders of unnamed bodies, no post
    facts, _ = _facts("出席会议的有市各民主党派、工商联负责人和有关人民团体负责人高文涛、许安平。")
    assert not _posts(facts)


def test_a_group_named_by_its_leader_in_news():
    # ext-128: '以A为组长的省…督查组' (the group is not set up by the notice)
    text = "这是12月10日,以邹志远为组长的省某某审计工作督查组,通过一天的督查后,对我市的评价。"
    facts, _ = _facts(text)
    assert ("省某某审计工作督查组", "邹志远", "组长") in _members(facts)


def test_a_report_byline():
    # ext-127: '某市某区审计局局长 A' alone on its line, the date below
    text = ("某市某区审计局局长 许安平\n2023年9月28日\n主任、各位副主任、各位委员:\n"
            "我受区人民政府的委托,向区人大常委会报告审计情况,请予审议。")
    facts, _ = _facts(text)
    assert ("许安平", "某市某区审计局", "局长") in _posts(facts)


def test_a_committee_s_group_written_glued_is_one_name_and_no_duty():
    # ext-122: '县十七届委员会全面深化改革领导小组召开第十七次会议' (headline and lede)
    text = "县十七届委员会全面深化改革领导小组召开第十七次会议\n11日,县十七届委员会全面深化改革领导小组召开第十七次会议。"
    facts, _ = _facts(text)
    assert "县十七届委员会全面深化改革领导小组" in _groups(facts)
    assert "县十七届委员会" not in _groups(facts)
    assert not [f for f in facts if f["kind"] == "task"]


def test_a_pronoun_and_an_entrusted_report_are_no_place():
    # ext-127: '我受区人民政府的委托' is no county 我受区
    assert leading_components("我受区人民政府的委托") == ()
    assert leading_components("潮阳区人民政府") == (("潮阳区", "county"),)
