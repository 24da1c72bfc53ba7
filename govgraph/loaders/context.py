"""Per-notice working state shared by the fact builders."""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from functools import cached_property

from ..notice import Notice
from .lexicon import alternation, data_lines, data_words, load_lexicon
from .mentions import CJK, LEVEL_GOVERNMENT, is_unit_like
from .news_year import text_year
from .normalize import work_text
from .structure import Outline, attachment_start, find_tables
from .task_lexicon import is_collective

# A local government's name by level (government_levels.tsv: 镇人民政府, 乡人民政府, …), or its short form (镇政府)
_GOVERNMENTS = tuple(sorted({*LEVEL_GOVERNMENT.values()} | {level + "政府" for level in LEVEL_GOVERNMENT},
                            key=len, reverse=True))


def _shared_government(items: list) -> list:
    """An addressee line naming places that share the last one's government (``甲、乙、丙镇人民政府:``): each
    place's government, as written with that ending (round 23, ext-347); bare places only, two to four characters,
    none a unit itself; otherwise the items as they are.

    >>> _shared_government(["甲村", "乙岭", "丙石镇人民政府"])
    ['甲村镇人民政府', '乙岭镇人民政府', '丙石镇人民政府']
    """
    if len(items) < 2:
        return items
    kind = next((g for g in _GOVERNMENTS if items[-1].endswith(g) and 2 <= len(items[-1]) - len(g) <= 4), None)
    if not kind or not all(re.fullmatch(f"[{CJK}]{{2,4}}", x) and not is_unit_like(x) and not is_collective(x)
                           and "各" not in x and "有关" not in x for x in items[:-1]):
        return items
    return [x + kind for x in items[:-1]] + items[-1:]

__all__ = ["NoticeContext", "specific_group"]

_LEX = load_lexicon()
_CJK_FIRST, _CJK_LAST = CJK.split("-")  # the range of ``CJK``, for one character
_GENERIC_HEADS = frozenset(data_lines("generic_group_heads.txt"))  # 工作领导小组 is no group's name
_SETS_UP_OR_ADJUSTS = alternation(data_words("group_verbs.tsv", "set_up", "adjust"))  # 成立, 调整 …
_LIST_VERBS = alternation(data_words("group_verbs.tsv", "list"))  # 充实 … (调整充实了X)
# 各地、州、市X领导小组 (an addressee line): the last level of a list of levels, no group's own name (round 15)
_LEVELS_BEFORE = re.compile(r"各[\u4e00-\u9fff]{1,2}(?:、[\u4e00-\u9fff]{1,2})*、$")
# 调整和充实X, 建立完善了X制度: verbs joined by 和/、 or stacked (round 15, ext-245)
_MORE_VERBS = alternation(data_words("group_verbs.tsv", "list", "improve"))
_PAGE_LABELS = "|".join(map(re.escape, data_lines("page_labels.txt")))  # 发布部门 … (a web page's metadata labels)
_RULES_START = re.compile(r"\n[ \t\u3000]*第[一1][ \t\u3000]*[章条][ \t\u3000]")
# a place's name in brackets inside a group's name, after a word of it: 中日(天津)健康产业…联席会议
_NAME_BRACKET = r"(?<=[\u4e00-\u9fff])\((?!以下|简称)[\u4e00-\u9fff]{2,6}\)(?=[\u4e00-\u9fff])"


def specific_group(g: str) -> bool:
    """A group's own name, not the bare word (领导小组, 工作专班, 联席会议).

    >>> specific_group("汉阳区交通秩序治理工作领导小组"), specific_group("工作领导小组")
    (True, False)
    """
    for suf in _LEX.group_suffixes:
        if g.endswith(suf):
            head = g[: -len(suf)]
            return len(head) >= 2 and head not in _GENERIC_HEADS
    return False


@dataclass
class NoticeContext:
    notice: Notice
    warnings: list[str] = field(default_factory=list)

    @cached_property
    def work(self) -> str:
        return work_text(self.notice.text)

    @cached_property
    def outline(self) -> Outline:
        return Outline(self.work)

    @cached_property
    def tables(self):
        return find_tables(self.work)

    @cached_property
    def attachments_at(self) -> int | None:
        return attachment_start(self.work)

    @cached_property
    def body_end(self) -> int:
        """End of the notice proper: after its last dated signature (web page footers follow it)."""
        last = None
        # (a date the sentence goes on from is no signature: 于2018年10月14日前将…, 在2019年7月31日之前做好…,
        # 2022年11月3日至…; round 12, ext-134, ext-136; nor one of an event, with its weekday or hour:
        # 2007年2月15日(农历十二月二十八,星期四)9时, 2月9日9时; round 13, ext-175)
        for m in re.finditer(r"(?:19|20)\d{2}\s*年\s*\d{1,2}\s*月\s*\d{1,2}\s*日(?:\s*印发)?"
                             # (nor one a second date follows: 分别于2017年6月30日和12月10日前; round 32, ext-395)
                             r"(?!前|之前|以前|起|止|至|到|开始|以来|和|及|[,、;。]"
                             r"|\s*\((?:农历|星期|周[一二三四五六日])|\s*\d{1,2}\s*(?:时|点|:\d)"
                             # (nor one with its part of the day: 2009年2月18日下午3:30时前往…; round 27, ext-387)
                             r"|\s*(?:上午|下午|中午|晚上|早上|凌晨|傍晚))", self.work):
            last = m
        if last is None or len(self.work) - last.end() > 0.5 * len(self.work):
            return len(self.work)
        # rules printed after the covering letter's signature (…办法 / 第一章 总则 / 第一条 …): no web page's footer
        # (round 16, ext-267)
        if _RULES_START.search(self.work, last.end(), min(len(self.work), last.end() + 300)):
            return len(self.work)
        return last.end()

    @cached_property
    def addressees_end(self) -> int:
        """End of the addressee line (主送机关: ``各街办事处,区人民政府各部门、各直属机构:``), or 0.

        It is the notice's first colon, before its first full stop, after a run of unit names
        (one of them a unit or a plural such as 各部门/有关单位). The addressees receive the
        notice; they are not assigned what follows (现将《…》印发给你们).
        """
        return self._addressee_line[0]

    @cached_property
    def _addressee_line(self) -> tuple[int, str]:
        """``(addressees_end, the run of unit names before its colon)``, or ``(0, "")``."""
        work = self.work
        stop = work.find("。")
        stop = stop if stop != -1 else len(work)
        colon = work.find(":", 0, stop)
        while colon != -1 and re.search(rf"(?:^|(?<=\s))[ \t]*(?:{_PAGE_LABELS})[ \t]*$", work[:colon]):
            colon = work.find(":", colon + 1, stop)  # 发布部门:… (a web page's metadata; round 14, ext-179)
        if colon == -1:
            return 0, ""
        run = self._addressee_run(colon)
        if run:
            return colon + 1, run
        # 当前位置:…, 时间:… 来源:… (a web page's chrome) before it: the addressee line is then a line of its
        # own, ending in its colon (round 12, ext-135)
        for m in re.finditer(r":[ \t]*\n", work[:stop]):
            run = self._addressee_run(m.start(), line=True) if m.start() > colon else None
            if run:
                return m.start() + 1, run
        return 0, ""

    def _addressee_run(self, colon: int, line: bool = False) -> str | None:
        """The run of unit names before ``colon`` when it reads as an addressee line, else None."""
        before = r"\n" if line else r"\s"
        m = re.search(rf"(?:^|(?<={before}))[ \t]*(?P<a>[{CJK}、,()]{{2,80}})\s*$", self.work[:colon])
        if not m:
            return None
        items = [x for x in re.split(r"[,、]", re.sub(r"\([^()]*\)", "", m.group("a"))) if x]
        ok = bool(items) and all(re.fullmatch(rf"[{CJK}]{{1,20}}", x) for x in items) and \
            any(is_unit_like(x) or "各" in x or "有关" in x for x in items) and \
            not any(re.search(r"关于|通知|决定|负责", x) for x in items)
        return m.group("a") if ok else None

    @cached_property
    def addressees(self) -> list[str]:
        """The addressee line's units as the work text writes them (``各县(市、区)农业局(农业事务管理局):``
        -> ``各县(市、区)农业局``: a last bracket naming the same body otherwise is left out), or [] when any
        of them is neither a unit nor a collective."""
        run = self._addressee_line[1]
        if not run:
            return []
        out, depth, cur = [], 0, ""
        for ch in run:
            depth += (ch == "(") - (ch == ")")
            if ch in "、," and depth == 0:
                out.append(cur)
                cur = ""
            else:
                cur += ch
        out.append(cur)
        out = [re.sub(r"(?<=[^(])\([^()、,]{2,20}\)$", "", x) for x in out if x]
        out = _shared_government(out)
        return out if out and all(is_unit_like(x) or is_collective(x) for x in out) else []

    @property
    def year(self) -> int | None:
        """The year of deadlines written without one: the notice's date's, else (a copy cut before its
        date) its document number's (``许政〔2020〕20号``: the year it was issued; round 6, ext-66)."""
        if self.notice.year:
            return self.notice.year
        m = re.search(r"〔((?:19|20)\d{2})〕", self.notice.doc or "")
        return int(m.group(1)) if m else self.text_year

    @cached_property
    def text_year(self) -> int | None:
        """A dateless notice's year as its text gives the present one (``2021年第6次县长办公会议``,
        ``2019年仅剩…``; ``loaders.news_year``); texts naming two such years: none, and a warning."""
        year, clash = text_year(self.work)
        if clash:
            self.warn(f"no date and several present years in the text ({clash}): deadlines without a year get none")
        return year

    @property
    def doc(self) -> str:
        return self.notice.doc

    def evidence(self, a: int, b: int) -> dict:
        while a < b and self.work[a].isspace():
            a += 1
        while b > a and self.work[b - 1].isspace():
            b -= 1
        return {"text": self.notice.text[a:b], "start": a, "end": b}

    def warn(self, msg: str) -> None:
        self.warnings.append(f"{self.notice.source or '?'} [{self.doc}]: {msg}")

    @cached_property
    def group_names(self) -> list[tuple[str, int]]:
        """Groups the notice sets up or names, with where they are named."""
        suf = "|".join(map(re.escape, _LEX.group_suffixes))
        out = []
        # a short bracketed word inside the name, a place's (建立中日(天津)…联席会议制度; round 16, ext-264)
        # a count of its people before it is no part of the name (成立13人防汛指挥所; round 21, ext-339)
        rx = re.compile(
            rf"{_SETS_UP_OR_ADJUSTS}(?:{_LIST_VERBS})*(?:[和、及并]?{_MORE_VERBS})*了?(?:由?[^,。;]{{0,30}}?为组长的)?(?:\d{{1,3}}人)?(?P<g>(?:[^\s,。;:()]|{_NAME_BRACKET}){{0,40}}?(?:{suf}))(?:\(以下简称[^)]*\))?(?:制度)?"
        )
        title_end = len(self.notice.title or "") + 40
        # The verb after the name (round 6, ext-64): 决定对X指挥部组成人员进行调整
        rx_after = re.compile(rf"对(?P<g>[^\s,。;:()对]{{2,40}}?(?:{suf}))(?:组成人员|成员)?进行(?:{_SETS_UP_OR_ADJUSTS})")
        for m in list(rx.finditer(self.work)) + list(rx_after.finditer(self.work)):
            g = m.group("g")
            if specific_group(g) and not g.startswith(("由", "的")) and "的" not in g:
                out.append((self._owner_named(g), m.start("g")))
        # A numbered item headed by a team's name, its leader given next (1、矿山安全督查组,由A任组长,成员由…组成;
        # 4、公路、水运安全督查组,…): a group of its own, the item's members its (round 29, rot36)
        roles = "|".join(map(re.escape, _LEX.roles))
        rx_item = re.compile(
            rf"(?m)^[ \t\u3000]*(?:\d{{1,2}}[、.]|\(\d{{1,2}}\)|[一二三四五六七八九十]{{1,3}}、|\([一二三四五六七八九十]{{1,3}}\))"
            rf"[ \t\u3000]*(?P<g>[^\s,。;:()由]{{2,30}}?(?:{suf}))[,:](?=[^。\n]{{0,60}}?(?:任|担任|为)(?:{roles}))")
        for m in rx_item.finditer(self.work):
            g = m.group("g")
            if specific_group(g) and "的" not in g and not any(g == x for x, _ in out):
                out.append((g, m.start("g")))
        # The title's group goes last: the body names it as the notice means it.
        out.sort(key=lambda x: x[1] < title_end)
        # Groups merely named: 区“红色物业”工作领导小组, 区渣土车整治工作专班.
        rx2 = re.compile(rf"(?:(?<![\u4e00-\u9fff])|(?<=[与和及由在对向将把是按的]))(?P<g>[区市县省全][^\s,。;:、()]{{1,30}}?(?:{suf}))")
        # a committee's group is named after it, glued (县十七届委员会全面深化改革领导小组; round 11, ext-122)
        rx_on = re.compile(rf"[^\s,。;:、()]{{1,30}}?(?:{suf})")
        for m in rx2.finditer(self.work):
            g = m.group("g")
            if _LEVELS_BEFORE.search(self.work, max(0, m.start() - 12), m.start()):
                continue  # 各地、州、市平安建设领导小组: each level's group, a collective (round 15, ext-246)
            on = rx_on.match(self.work, m.end()) if g.endswith("委员会") else None
            if on and not re.search(r"(成立|建立|由|为|的|和|组织|每|对|将|要|在|与|向|报|请)", on.group()):
                g += on.group()
            if (len(g) >= 6 and specific_group(g) and not any(g == x for x, _ in out)
                    and not re.search(r"(成立|建立|由|为|的|和|组织|每|对|将|要|在|与|向|报|请)", g)):
                out.append((g, m.start("g")))
        # A name found inside a longer one (县创建… in 宜城县创建…) is the same group.
        names = {g for g, _ in out}
        return [(g, p) for g, p in out if not any(o != g and o.endswith(g) for o in names)]

    def _owner_named(self, g: str) -> str:
        """``调整充实了对台湾工作领导小组`` then ``平原县委对台湾工作领导小组由…``: a group set up or
        changed under a short name is the one a sentence of the notice opens with, its owner (a
        unit) before the same name."""
        # what ``(?:^|(?<=[^CJK]))(?P<x>[CJK]{2,12}?)`` + g finds, match by match, without a
        # pattern compiled for every name: x is the run of CJK characters before an occurrence of g
        work, resume, at = self.work, 0, 0
        while (at := work.find(g, at)) >= 0:
            start = at
            while start > 0 and _CJK_FIRST <= work[start - 1] <= _CJK_LAST:
                start -= 1
            if start >= resume and 2 <= at - start <= 12:
                if is_unit_like(work[start:at]):
                    return work[start:at] + g
                resume = at + len(g)  # the next match starts after this one
            at += 1
        return g

    @cached_property
    def main_group(self) -> str | None:
        """The group this notice sets up (the first one it 成立/建立s)."""
        for g, pos in self.group_names:
            before = self.work[max(0, pos - 30):pos]
            if re.search(_SETS_UP_OR_ADJUSTS, before) or \
                    re.match(rf"(?:组成人员|成员)?进行(?:{_SETS_UP_OR_ADJUSTS})", self.work[pos + len(g):]):
                return g
        return None
