"""Fact builders shared by the member-list and member-prose readers.

>>> strip_leader("国家发展改革委主要负责人"), strip_leader("武警兴业中队等分管领导")
('国家发展改革委', '武警兴业中队')
"""

from __future__ import annotations

import re
from collections.abc import Iterable, Sequence
from typing import Any

from .context import NoticeContext, specific_group
from .lexicon import alternation, data_lines, data_rows, data_words, load_lexicon
from .member_groups import body_group, heading_group, title_group
from .mentions import CJK, is_unit_like

_LEX = load_lexicon()
_SETS_UP_OR_ADJUSTS = alternation(data_words("group_verbs.tsv", "set_up", "adjust"))  # 成立, 调整 …
_FORMS_OR_SETS_UP = alternation(data_words("group_verbs.tsv", "form", "set_up"))  # 组成, 成立 …

__all__ = ["member_unit_like", "post_facts", "membership", "strip_leader", "LEADER_WORDS", "group_for",
           "heading_above", "named_groups", "full_name", "in_citation", "restore_prefix"]


def post_facts(ctx: NoticeContext, person: str, posts: Iterable[tuple[str, str, str | None]], ev: dict[str, Any],
               start: str | None = None, end: str | None = None, former: bool = False) -> list[dict[str, Any]]:
    """Post facts of ``person`` holding each (unit, title, note) of ``posts``, quoted by ``ev``;
    with a term (``start``/``end``) or else the notice's date as ``as_of``."""
    out = []
    for unit, title, note in posts:
        if unit.startswith("各"):
            ctx.warn(f"{person}: 「{unit}{title}」 names no single unit; no post")
            continue  # 各乡镇(街道)党委书记: one of many, which is not said
        if unit in _TOWN_GOVS:
            unit = _town_government(ctx, unit)
        elif unit == "办事处":
            unit = _street_office(ctx, unit)
        was = former
        om = _FORMER_BODY.fullmatch(unit)
        if om and is_unit_like(om.group("u")):
            unit, was = om.group("u") + om.group("b"), True  # 市建设局原党委委员: the body's post, former (round 12, ext-130)
        f: dict[str, Any] = {"kind": "post", "doc": ctx.doc, "person": person, "unit": unit, "title": title}
        if start or end:
            if start:
                f["start"] = start
            if end:
                f["end"] = end
        elif ctx.notice.date:
            f["as_of"] = ctx.notice.date
        if was:
            f["former"] = True
        if note:
            f["note"] = note
        f["evidence"] = ev
        out.append(f)
    return out


# 原 between a unit and its party body (市建设局原党委委员): a former post of the body
_FORMER_BODY = re.compile(rf"(?P<u>[{CJK}()]{{2,30}}?)原(?P<b>"
                          rf"{alternation(r[0] for r in data_rows('appointment_words.tsv') if r[1:2] == ['former_body'])})")


_TOWN_GOVS = ("镇人民政府", "乡人民政府")


def _town_government(ctx: NoticeContext, unit: str) -> str:
    """``镇人民政府`` -> ``吴泾镇人民政府`` when the notice's issuer is that town's government
    (the scorer reads a bare 区/市/县 government as the notice's own; a town needs its name)."""
    m = re.search(rf"(?P<p>[{CJK}]{{1,6}}{unit[0]})(?:人民政府|政府)", ctx.notice.issuer or "")
    if m:
        p = re.sub(r"^.*[省市区县州旗]", "", m.group("p")) or m.group("p")
        if len(p) >= 2:
            return p + "人民政府"
    return unit


def _street_office(ctx: NoticeContext, unit: str) -> str:
    """``办事处`` (办事处主任 in a street office's member list) -> ``某某街道办事处`` when the notice's
    issuer is that street office (round 17, ext-277); else as written."""
    issuer = ctx.notice.issuer or ""
    if not issuer.endswith("街道办事处"):
        return unit
    own = re.sub(r"^.*(?:政府|[省市区县州旗])", "", issuer[:-5])
    return own + "街道办事处" if 2 <= len(own) <= 6 else unit


def membership(ctx: NoticeContext, group: str, member: str, member_type: str, role: str,
               ev: dict[str, Any]) -> dict[str, Any]:
    """The membership fact of ``member`` (a person or a unit) in ``group`` with ``role``."""
    return {"kind": "membership", "doc": ctx.doc, "group": group, "member": member,
            "member_type": member_type, "role": role, "evidence": ev}


def in_citation(work: str, pos: int) -> bool:
    """Is ``pos`` inside a cited title (``《…关于成立X领导小组的通知》``)?"""
    o = work.rfind("《", max(0, pos - 120), pos)
    if o == -1:
        return False
    close = work.find("》", o)
    return close > pos


# A "name" that is a clause ending in a group's name: 市政府确定调整X委员会, …应根据职责分工带领X专班.
_CLAUSE_WORDS = re.compile(r"根据|带领|按照|确定|调整|应当|要求|负责|牵头")


def _is_clause(g: str) -> bool:
    last = None
    for last in _CLAUSE_WORDS.finditer(g):
        pass
    return last is not None and specific_group(g[last.end():])




_STANDING = tuple(data_lines("standing_bodies.txt"))


def standing_body(g: str) -> bool:
    """A standing organ named like a group (``…人民代表大会常务委员会``, ``区监察委员会``).

    >>> standing_body("区监察委员会"), standing_body("区人大常委会代表资格审查委员会")
    (True, False)
    """
    return g.endswith(_STANDING)


def named_groups(ctx: NoticeContext) -> list[tuple[str, int]]:
    """The notice's named groups (``ctx.group_names``) without those in cited titles, clauses
    that end in a group's name (…为X领导小组, …的X工作小组) and standing organs, nor a count of groups (成立12个界别小组:
    round 22, ext-229)."""
    return [(g, p) for g, p in ctx.group_names if not in_citation(ctx.work, p) and not _is_clause(g)
            and not standing_body(g) and not g.startswith(("为", "的")) and not _COUNTED_GROUPS.match(g)]


_COUNTED_GROUPS = re.compile(r"(?:\d{1,3}|[一二三四五六七八九十两]{1,3})个")


def _set_up_at(ctx: NoticeContext, p: int) -> bool:
    return bool(re.search(_SETS_UP_OR_ADJUSTS, ctx.work[max(0, p - 30):p]))


def group_for(ctx: NoticeContext, pos: int, list_groups: Sequence[tuple[int, str]] = (),
              since: int | None = None) -> str | None:
    """The group a list or clause at ``pos`` belongs to: one named just before it, else (a list,
    ``since`` the end of the list before it) the last group set up since then, else the group of
    the member list above it (``list_groups``: (start, group)), else the notice's; the title's
    name where it is the same group written in full (or the body names none)."""
    best = None
    names = named_groups(ctx)
    for g, gpos in sorted(names, key=lambda x: x[1]):
        if gpos < pos and pos - gpos < 160:
            best = g
    if best is None and since is not None:
        later = [g for g, p in sorted(names, key=lambda x: x[1]) if since <= p < pos and _set_up_at(ctx, p)]
        best = later[-1] if later else None
    if best is None:
        best = next((g for lpos, g in sorted(list_groups, reverse=True) if lpos < pos), None)
    if best is None:
        set_up = [g for g, p in names if _set_up_at(ctx, p)]
        best = set_up[0] if set_up else ctx.main_group
    tg = title_group(ctx.notice.title)
    if tg and (best is None or tg.endswith(best) or best.endswith(tg)):
        return tg
    return full_name(ctx.work, best) if best else body_group(ctx.work[: pos])


def full_name(work: str, g: str) -> str:
    """``试点工作小组`` -> ``国家组织…试点工作小组`` where the text says ``X(以下简称试点工作小组)``."""
    k = work.find("简称")
    if k == -1 or g not in work[k:]:
        return g
    m = re.search(rf"(?P<full>[^\s,。;:、()《》]{{2,60}})\((?:以下)?简称[“\"]?{re.escape(g)}[”\"]?\)", work)
    if m and m.group("full") != g:
        full = re.sub(f"^.*{_FORMS_OR_SETS_UP}", "", m.group("full"))
        if full.endswith(tuple(_LEX.group_suffixes)) and len(full) > len(g):
            return full
    return g


def heading_above(ctx: NoticeContext, pos: int) -> str | None:
    """A heading line just above a list that names its group (``2.1 国家粮食应急工作指挥部``)."""
    before = ctx.work[max(0, pos - 200):pos]
    lines = [ln for ln in before.split("\n")[:-1] if ln.strip()]
    return heading_group(lines[-1]) if lines else None


# 等, 等部门, 等12个单位, 等共计28家部门单位; and a count without 等: 20个相关职能部门, 共16个部门和单位 (round 24, ext-360)
_ETC = (r"(?:等(?:共计|共)?(?:[\d一二三四五六七八九十]+[个家])?|(?:共计|共)?[\d一二三四五六七八九十]+[个家](?=[^的]*部门|[^的]*单位))"
        r"(?:相关|有关)?(?:职能)?(?:成员单位|部门和单位|单位和部门|部门单位|部门|单位)?")
# 县公安局分管局长, 县公路段分管段长: the unit's head in charge of the work, by office (round 32, ext-421)
_IN_CHARGE = rf"分管(?:副)?[{CJK}]{{1,2}}长"
LEADER_WORDS = re.compile(rf"(?:{_ETC})?(?:的)?(?:" + "|".join(map(re.escape, sorted(data_lines("leader_words.txt"), key=len, reverse=True)))
                          + rf"|{_IN_CHARGE})$|{_ETC}$")


def strip_leader(u: str) -> str:
    return LEADER_WORDS.sub("", u)


# Collectives and member-unit phrases that stand for units in a member list: 各居村, 各村(社区),
# 街直相关部门, 街道环委会成员单位 (written as in the text).
# 各区、县(市)政府: one 各 over the levels listed, with their government
EACH_LEVELS = re.compile(rf"各[省市县区乡镇](?:\([{CJK}、]{{1,8}}\))?(?:、[省市县区乡镇](?:\([{CJK}、]{{1,8}}\))?)+"
                         r"(?:人民政府|政府)?")
_COLLECTIVE = re.compile(rf"各[{CJK}]{{1,6}}(?:\([{CJK}、]{{1,8}}\))?|[{CJK}]{{0,4}}(?:相关|有关)(?:部门|单位)"
                         rf"|{EACH_LEVELS.pattern}")


def member_unit_like(u: str) -> bool:
    """A member unit: a unit's name, a collective (``各居村``), or a unit's member units.

    >>> member_unit_like("各村(社区)"), member_unit_like("街道环委会成员单位"), member_unit_like("加强管理")
    (True, True, False)
    """
    if is_unit_like(u) or _COLLECTIVE.fullmatch(u):
        return True
    return u.endswith("成员单位") and len(u) > 4 and is_unit_like(u[:-4])


def restore_prefix(work: str, u: str) -> str:
    """A member unit written without its place in a list whose prefix is shared
    (``市发展改革局、住房城乡建设局``): its full form where the notice writes it elsewhere
    (``市住房城乡建设局``), else as written.

    >>> restore_prefix("成员:市发展改革局、住房城乡建设局。办公室设在市住房城乡建设局。", "住房城乡建设局")
    '市住房城乡建设局'
    >>> restore_prefix("成员:市发展改革局、机要保密局。", "机要保密局")
    '机要保密局'
    """
    if u[:1] in "省市区县镇乡各" or u.startswith(("国家", "中国", "国务院")):
        return u
    full = {p + u for p in ("市", "区", "县", "省") if p + u in work
            and any(k == 0 or not _CJK_CHAR.match(work[k - 1]) or work[k - 1] in _BEFORE_UNIT
                    for k in (m.start() for m in re.finditer(re.escape(p + u), work)))}
    return full.pop() if len(full) == 1 else u


_CJK_CHAR = re.compile(r"[\u4e00-\u9fff]")
# Words before a unit's name in prose (设在市X局, 由市X局): a 区/市 after any other character is the end of
# a longer name (某新区党政办公室 does not write 区党政办公室).
_BEFORE_UNIT = frozenset("在由和与及的为任于对向从将经据报至")
