"""Members written in prose: ``由A任组长``, ``办公室主任由B同志兼任``, ``成员由C、D负责同志组成``,
``成立由E牵头,F、G等部门为主要成员的…专班``.

Each sentence is read clause by clause (clauses end at , ;). Within a sentence that set up an
office (``下设办公室``), a bare 主任/副主任 is the office's (``办公室副主任``). A person entry
must split into a name and its posts (or be a name alone); otherwise nothing is recorded.
"""

from __future__ import annotations

import re

from .context import NoticeContext
from .lexicon import alternation, data_lines, data_words, load_lexicon
from .member_groups import heading_group
from .member_facts import group_for, member_unit_like, membership, post_facts, restore_prefix, strip_leader
from .mentions import CJK, COUNTED_UNITS_FORMED, is_person_name, split_posts, split_unit_list
from .normalize import to_simplified
from .assignees import is_assignee, split_assignees
from .task_lexicon import task_lexicon

__all__ = ["prose_members", "person_entries"]

_LEX = load_lexicon()
_ROLES_ALT = "|".join(map(re.escape, _LEX.roles))
_SUF = "|".join(map(re.escape, _LEX.group_suffixes))
_GROUP_WORDS = frozenset(_LEX.group_suffixes)
_LABEL = re.compile(rf"(?:{'|'.join(r'[ 　]*'.join(map(re.escape, r)) for r in _LEX.roles)})\s*:")

# A sentence that sets up a group described before its name: 成立由…为成员的<group>.
_SET_UP = alternation(data_words("group_verbs.tsv", "set_up"))  # 成立, 组建 …
_SETS_UP = re.compile(rf"{_SET_UP}(?:由|以).{{0,600}}?的(?P<g>[^,。;:()\s的]{{2,40}}?(?:{_SUF}|机制))")
# A group named by its leader in news, not set up here: 以A为组长的省…督查组 (round 11, ext-128)
# (成立了副市长A为组长的…领导小组, news of a group set up elsewhere: the same; round 13, ext-159)
_NAMED_WITH_AS = re.compile(rf"(?:^|(?<=[,;]))(?:以(?!及|上|下)|(?:{_SET_UP})了?)[^,;。:]{{2,60}}?为(?:{_ROLES_ALT})的"
                            rf"(?P<g>[^,。;:()\s的]{{2,40}}?(?:{_SUF}))(?=[,;。]|$)")
# A clause about the group's office (not a unit's name that ends in 办公室).
_OFFICE_SET_UP = re.compile(r"下设[^,;]{0,20}办公室|^办公室")
_OFFICE_ROLES = frozenset(data_lines("office_roles.txt"))

# The group's word before a role: 任领导小组组长, 领导小组办公室主任由…
# (小组 alone: the group just named, 任小组成员)
_GROUP_WORD = rf"(?P<gw>[{CJK}]{{0,30}}?(?:{_SUF})(?:办公室)?|办公室|小组)?"
_PERSON_ROLE_LAST = re.compile(
    rf"(?P<body>[{CJK}、() ]+?)(?:同志)?(?:分别)?(?:兼任|担任|任|为){_GROUP_WORD}(?P<role>{_ROLES_ALT})$")
_PERSON_ROLE_FIRST = re.compile(
    rf"^(?:其中)?{_GROUP_WORD}(?P<role>{_ROLES_ALT})(?:由|为)(?P<body>[{CJK}、() ]+?)(?:同志)?(?:兼任|担任|出任)?$")
# 成员单位由A、B组成 / 领导小组成员由A、B主要负责同志担任 (the group's word before the role)
_UNITS_ROLE_FIRST = re.compile(rf"^(?:[{CJK}]{{0,30}}?(?:{_SUF}))?(?P<role>(?:办公室)?(?:成员单位|成员))由(?P<units>.+?)"
                               r"(?:组成|参加|(?:(?<=同志)|(?<=负责人)|(?<=领导))担任)$")
# …主要领导为领导小组成员; 另外A、B和C20个相关职能部门的分管副职任小组成员
_CONNECTIVE = alternation(data_lines("connectives.txt"))
# (…等19个单位的分管负责同志担任领导小组成员; round 32, ext-419)
_UNITS_ROLE_LAST = re.compile(rf"(?:^{_CONNECTIVE}?|由)(?P<units>[^由]+?)(?:为|担任|任){_GROUP_WORD}(?P<role>成员单位|成员)$")
_UNITS_FORM = re.compile(rf"由(?P<units>[^由]+?)组成的?(?P<g>[^,。;:()\s]{{2,40}}?(?:{_SUF}))(?:\(以下简称[^)]*\))?$")
# 由A、B组成 / 联席会议由A、B…等12个部门组成 (the group's word before 由: the group just named)
# (县某联席会议(以下简称联席会议)由…组成: the short name after the group's word; round 24, ext-360)
_UNITS_ONLY = re.compile(rf"^(?:(?P<own>[{CJK}]{{0,30}}?(?:{_SUF}))?(?:\((?:以下简称|简称)[^()]{{1,20}}\))?由)?(?P<units>[^由]+?)"
                         r"(?:组成|参加)$")
_UNITS_OF = re.compile(rf"(?:^|由)(?P<units>[^由]+?)(?:为|任|作为)?(?P<role>主要成员|成员单位|成员)的(?P<g>[^,。;:()\s]{{2,40}}?(?:{_SUF}|机制))")
_UNITS_LEAD = re.compile(rf"^{_SET_UP}?由(?P<units>[^由]+?)牵头$")


def person_entries(body: str):
    """``市商务委副主任刘敏、市绿化市容局副局长唐家富`` -> [(name, posts), …], or None.

    >>> [n for n, _ in person_entries("毕桂平、宣一洲同志")]
    ['毕桂平', '宣一洲']
    >>> person_entries("区委常委、常务副区长李艳明")[0][0]
    '李艳明'
    >>> [(n, p[0][1]) for n, p in person_entries("副县长李四、王五")]
    [('李四', '副县长'), ('王五', '副县长')]
    >>> person_entries("协助分管教育工作的国务院副秘书长") is None
    True
    >>> [(n, p[0][1]) for n, p in person_entries("分管水利农业的副县长李四、分管环保的副县长王五")]
    [('李四', '副县长'), ('王五', '副县长')]
    """
    body = re.sub(r"\s+", "", body)
    out, acc, shared = [], "", []
    for part in body.split("、"):
        acc = f"{acc}、{part}" if acc else part
        got = _name_and_posts(re.sub(r"同志$", "", acc))
        if got:
            if not got[1] and shared:
                got = (got[0], shared)  # 副县长李四、王五: the post written first is each name's
            shared = got[1] if got[1] and not re.sub(r"同志$", "", acc).startswith(got[0]) else []
            out.append(got)
            acc = ""
    return out if out and not acc else None


def _name_and_posts(body: str):
    """``区委常委、常务副区长李艳明`` -> (``李艳明``, posts); ``许才勇`` -> (``许才勇``, [])."""
    # 分管水利农业的副县长吴浩: the post after what the leader is in charge of
    body = re.sub(r"^(?:协助)?(?:分管|主管)[^、,的]{1,20}的(?=\S{3})", "", body)
    body = re.sub(r"^(?:分管|主管)", "", body) if not split_posts(body) else body
    if is_person_name(body, delimited=True):  # the whole entry: 由X同志兼任
        return body, []
    m = re.fullmatch(rf"(?P<name>[{CJK}·]{{2,4}}?)(?:同志)?\((?P<posts>[^()]+)\)", body)  # 张三(区长)
    if m and is_person_name(m.group("name"), delimited=True) and split_posts(m.group("posts")):
        return m.group("name"), split_posts(m.group("posts"))
    for k in (3, 2, 4):
        name, pre = body[-k:], body[:-k]
        if is_person_name(name):
            posts = split_posts(pre)
            if posts:
                return name, posts
    # 由市某局张三处长任组长: the title after the name, the unit before it (round 29, rot36)
    for tl in (2, 3, 4):
        rest, title = body[:-tl], body[-tl:]
        for k in (2, 3):
            name, unit = rest[-k:], rest[:-k]
            if unit and is_person_name(name, delimited=True) and member_unit_like(unit):
                posts = split_posts(unit + title)
                if len(posts) == 1 and posts[0][:2] == (unit, title):
                    return name, posts
    # 由市某局张三任组长: a unit and a name with no title, the person's membership and no post (round 29, rot36)
    for k in (2, 3):
        name, unit = body[-k:], body[:-k]
        if unit and is_person_name(name, delimited=True) and member_unit_like(unit) and not split_posts(unit):
            return name, []
    return None


def _listed_person(facts: list, body: str):
    """``办公室主任由竞中梅同志兼任``: a name the notice's member list already holds as a person
    (one a list reads by its layout, 竞中梅(市科技局局长), though its surname is rare)."""
    name = re.sub(r"同志$", "", re.sub(r"\s+", "", body))
    for f in facts:
        if f["kind"] == "membership" and f["member_type"] == "person" and to_simplified(f["member"]) == name:
            return [(f["member"], [])]
    return None


def _units(text: str):
    """Units of a prose list, leaders' words and a trailing 等(部门) dropped; None unless all read."""
    # the leader's words after the list are all its units' (A和B20个部门的分管副职)
    items = [strip_leader(u) for u in split_unit_list(strip_leader(text.strip()))]
    # 财政局和相关乡镇: a unit and a collective joined by 和 are two members, as in a duty's subject (round 14, ext-188)
    pairs = {u: _joined_by_and(u) for u in items if u}
    joined = {p[1] for p in pairs.values() if p}
    items = [x for u in items if u for x in (pairs[u] or [u])]
    if any(re.fullmatch(r"(?:各|全体)?成员单位", u) for u in items):
        return None  # 成员单位主要负责人为联席会议成员: the group's own member units, named elsewhere (round 17, ext-277)
    return items if items and all(member_unit_like(u) or u in joined for u in items) else None


def _joined_by_and(u: str):
    """``财政局和相关乡镇`` -> [财政局, 相关乡镇] (the part after 和 a plural collective); else None."""
    left, sep, right = u.rpartition("和")
    if sep and right.startswith(task_lexicon().collective_heads) and member_unit_like(left) and is_assignee(right) \
            and split_assignees(u) == [left, right]:
        return [left, right]
    return None


_CUE = re.compile(rf"{_ROLES_ALT}|组成|参加|牵头")


_MEMBER_WORDS = re.compile(rf"(?:{_ROLES_ALT})|组成|参加|牵头")


def prose_members(ctx: NoticeContext, facts: list, list_groups=()) -> None:
    """Members in the notice's prose; ``list_groups``: (start, group) of its member lists."""
    work = ctx.work
    seen = list(list_groups)  # and the groups set up in earlier sentences
    for sm in re.finditer(r"[^。]+", work):
        sent, s0 = sm.group(), sm.start()
        # 联席会议由A、B…等22个单位组: a copy cut inside 组成 after a list its count closes (round 20, ext-303)
        cut = bool(_CUT_FORMED.search(sent.rstrip())) and not work[s0 + len(sent):].strip()
        if cut:
            sent = sent.rstrip() + "成"
        if not _MEMBER_WORDS.search(sent):
            continue
        setup = _SETS_UP.search(sent)
        if setup:
            seen.append((s0, setup.group("g")))
        named = None if setup else _NAMED_WITH_AS.search(sent)
        office = False
        for cm in re.finditer(r"[^,;\n]+", sent):
            clause = cm.group().strip()
            c0 = s0 + cm.start() + (len(cm.group()) - len(cm.group().lstrip()))
            if not clause or not _CUE.search(clause) or _LABEL.search(clause):
                if _OFFICE_SET_UP.search(clause):
                    office = True
                continue
            group = setup.group("g") if setup else group_for(ctx, c0, seen)
            if named and named.start() <= c0 - s0 < named.end():
                group = named.group("g")
            inc = _UNITS_INCLUDE.match(clause)
            if inc and group is not None:
                # 成员单位包括A、B,C、D。: the list runs on over commas to the sentence's end
                rest = sent[c0 - s0 + inc.end():].rstrip()
                _include(ctx, facts, rest, c0, c0 + inc.end() + len(rest), group, inc.group("role"))
                break
            if group is None and _own_group(clause):
                group = _own_group(clause)  # 县X领导小组组长由县长张三担任: the clause names it
                seen.append((c0, group))
            _clause(ctx, facts, clause, c0, group, office, setup is not None,
                    cut=cut and cm.end() == len(sent))
            if _OFFICE_SET_UP.search(clause):
                office = True
    roled = {(f["group"], f["member"]) for f in facts if f.get("kind") == "membership" and not f.get("_composed")}
    facts[:] = [f for f in facts if not (f.get("_composed") and (f["group"], f["member"]) in roled)]
    for f in facts:
        f.pop("_composed", None)


_HONOURED_NAME = re.compile(rf"[{CJK}]{{1,12}}?(?:组长|局长|主任|处长|科长)(?P<n>[{CJK}]{{2,3}}?)(?:书记|同志)")
_UNITS_INCLUDE = re.compile(r"(?P<role>(?:办公室)?(?:成员单位|成员))(?P<w>包括|有)")


def _include(ctx, facts, text: str, a: int, b: int, group: str, role: str) -> None:
    units = _units(re.sub(r"[,;]", "、", text).rstrip("、"))
    if units is None:
        ctx.warn(f"member units not all recognised in {text[:40]!r}; skipped")
        return
    ev = ctx.evidence(a, b)
    for u in units:
        second = re.search(r"\(([^()]+)\)$", u)
        if second and member_unit_like(second.group(1)):
            u = u[:second.start()]  # 自然资源厅(省林业局): a unit's second name, as in the resolution
        facts.append(membership(ctx, group, restore_prefix(ctx.work, u), "unit", role, ev))


def _own_group(clause: str) -> str | None:
    own = _PERSON_ROLE_FIRST.search(clause)
    gw = re.sub(r"办公室$", "", own.group("gw") or "") if own else ""
    return gw if gw and heading_group(gw) == gw else None


def _full_name(ctx, g: str, pos: int) -> str:
    """A group named short (``…为成员的协调监管机制``) by its full name set up before it."""
    full = None
    for m in re.finditer(rf"{_SET_UP}(?P<full>[^,。;:()\s、的由]{{1,30}}{re.escape(g)})", ctx.work[:pos]):
        full = m.group("full")
    return full or g


# 成立以市长张三为组长、副市长李四为副组长、各部门负责人为成员的…领导小组
# (成立了副市长A为组长的…: 了 for 以 where the roles qualify the group named after 的; round 13, ext-159)
_WITH_AS = re.compile(rf"(?:^|{_SET_UP})(?:以(?!及|上|下)|了(?=[^,;]*?为(?:{_ROLES_ALT})的))(?P<b>)[^,;]*?"
                      rf"为(?:{_ROLES_ALT})(?:、|的|$)")
_AS_ROLE = re.compile(rf"(?:同志)?为(?P<role>{_ROLES_ALT})(?=、|的|$)")


def _with_as(ctx, facts, clause, group, ev, role_of):
    w = _WITH_AS.search(clause)
    start = w.start("b")
    for m in _AS_ROLE.finditer(clause, start):
        body = clause[start:m.start()].strip("、 ")
        start = m.end() + 1
        role = role_of(m.group("role"))
        if role.endswith(("成员", "成员单位")):
            for u in _units(body) or ():
                facts.append(membership(ctx, group, u, "unit", role, ev))
            continue
        for name, posts in person_entries(body) or ():
            facts.append(membership(ctx, group, name, "person", role, ev))
            facts.extend(post_facts(ctx, name, posts, ev))


_CUT_FORMED = re.compile(COUNTED_UNITS_FORMED + "$")


def _clause(ctx, facts, clause, c0, group, office, setup, cut=False):
    ev = ctx.evidence(c0, c0 + len(clause) - (1 if cut else 0))  # (a cut 组成's 成 is not in the text)

    def role_of(r):
        return "办公室" + r if office and r in _OFFICE_ROLES else r

    if group is None and not (_UNITS_FORM.search(clause) or _UNITS_OF.search(clause)):
        return  # only a clause that names its group can be read without one
    if group is not None and _WITH_AS.search(clause):
        _with_as(ctx, facts, clause, group, ev, role_of)
        return
    pm = group and (_PERSON_ROLE_FIRST.search(clause) or _PERSON_ROLE_LAST.search(clause))
    if pm and not pm.group("role").endswith(("成员", "成员单位")):
        body = re.sub(rf"^.*(?:由|{_SET_UP}以)|^以", "", pm.group("body"))  # (通知)成立以县委书记X任组长
        entries = person_entries(body) or _listed_person(facts, body)
        hm = _HONOURED_NAME.fullmatch(body) if not entries else None
        if hm and is_person_name(hm.group("n"), delimited=True):
            # 由驻局纪检组长A书记兼任: a name between a post the notice does not place (whose 纪检组) and a title
            # said as an honour: the membership, no post (round 21, ext-334)
            entries = [(hm.group("n"), [])]
        role = pm.group("role")
        if (pm.group("gw") or "").endswith("办公室") and not role.startswith("办公室"):
            role = "办公室" + role
        if entries:
            for name, posts in entries:
                facts.append(membership(ctx, group, name, "person", role_of(role), ev))
                facts.extend(post_facts(ctx, name, posts, ev))
        elif re.search(r"主要(?:负责同志|负责人|领导)$", body) and len(_units(body) or ()) == 1:
            # 由国家粮食局主要负责人兼任办公室主任: one unit, by its head, holds the role (several
            # units' 分管领导 as deputies are left: which of their people is not said)
            facts.append(membership(ctx, group, _units(body)[0], "unit", role_of(role), ev))
        return
    om = _UNITS_ONLY.search(clause) if group and clause.endswith("组成") else None
    names = re.split(r"[、和]", om.group("units")) if om else []
    if len(names) > 1 and all(is_person_name(n, delimited=True) and not split_posts(n) for n in names):
        # 专家指导组由A、B、C组成: persons by name alone, members (one given a role elsewhere keeps that role only;
        # round 21, ext-338)
        for n in names:
            facts.append({**membership(ctx, group, n, "person", "成员", ev), "_composed": True})
        return
    for rx, role in ((_UNITS_ROLE_FIRST, None), (_UNITS_ROLE_LAST, None), (_UNITS_FORM, "成员"),
                     (_UNITS_OF, None), (_UNITS_LEAD, "牵头"), (_UNITS_ONLY, "成员")):
        um = rx.search(clause)
        if not um or (rx in (_UNITS_LEAD,) and not setup) or (group is None and "g" not in rx.groupindex):
            continue
        units = _units(um.group("units"))
        if units is None:
            if rx is not _UNITS_ONLY:
                ctx.warn(f"member units not all recognised in {clause[:40]!r}; skipped")
            return
        if "担任" in clause[um.end("units"):um.end()] \
                and any(re.match(r"各|(?:相关|有关)", u) or u.endswith("成员单位") for u in units):
            # 办公室成员由各成员单位相关科室负责同志担任, 领导小组成员单位有关负责同志担任办公室成员: which persons
            # is not said
            return
        g = _full_name(ctx, um.group("g"), c0) if "g" in um.re.groupindex and um.group("g") else group
        own = um.group("own") if "own" in um.re.groupindex else None
        if own and own not in _GROUP_WORDS and heading_group(own) == own:
            g = own  # 县某联席会议(以下简称联席会议)由A、B组成: the group the clause names, not the one before (round 24, ext-360)
        for u in units:
            facts.append(membership(ctx, g, restore_prefix(ctx.work, u), "unit", role or role_of(um.group("role")), ev))
        return
