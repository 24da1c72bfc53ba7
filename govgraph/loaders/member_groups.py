"""Which group a member list belongs to: named above the list, in a heading, or in the title.

A notice that sets up one group often names it in full only in its title
(``…关于成立上海现代农业产业园(横沙东滩)开发建设管理委员会的通知``) or in a heading
right above the list (``2.1 国家粮食应急工作指挥部``).

>>> title_group("某市人民政府办公厅关于调整某市生活垃圾分类减量推进工作联席会议组成人员的通知")
'某市生活垃圾分类减量推进工作联席会议'
>>> title_group("关于印发某某方案的通知") is None
True
>>> heading_group("2.1　国家粮食应急工作指挥部")
'国家粮食应急工作指挥部'
"""

from __future__ import annotations

import re

from .context import specific_group
from .lexicon import alternation, data_words, load_lexicon

__all__ = ["title_group", "heading_group", "bare_heading_group", "body_group"]

_LEX = load_lexicon()
_SUF = "|".join(map(re.escape, _LEX.group_suffixes))
_VERBS = alternation(data_words("group_verbs.tsv", "set_up", "adjust", "list"))
_TITLE = re.compile(
    rf"关于{_VERBS}*(?P<g>[^,。;:、\s《》]{{2,60}}?(?:{_SUF}))"
    r"(?:\([^()]{1,12}\))?(?:组成人员|成员|人员|及其|及|和|的|工作|调整|$)"
)
# The body's decision: 决定成立X(以下简称…), where X may hold brackets and quotes; a count of its people before it
# (成立13人防汛指挥所) is no part of its name (round 21, ext-339).
_BODY = re.compile(rf"(?:成立|组建|设立|调整|组成)(?:\d{{1,3}}人)?(?P<g>[^,。;:\s《》]{{2,60}}?(?:{_SUF}))(?=\(以下简称|\(简称|,|。|组成人员|成员|的|$)")
_BRACKETS = str.maketrans("（）：，；", "():,;")
_NUMBERING = re.compile(r"^(?:\d+、|\d+(?:\.\d+)*\.?|[一二三四五六七八九十]+[、.]|\([一二三四五六七八九十\d]+\)|（[一二三四五六七八九十\d]+）)\s*")




def title_group(title: str | None) -> str | None:
    """The group a notice's title says it sets up or changes."""
    if not title:
        return None
    raw = re.sub(r"\s+", "", title)
    m = _TITLE.search(raw.translate(_BRACKETS))
    if m and specific_group(m.group("g")):
        return raw[m.start("g"):m.end("g")]
    return None


def heading_group(line: str) -> str | None:
    """A heading line that is only a group's name (after its numbering)."""
    s = _NUMBERING.sub("", line.replace("\u3000", " ").strip())
    s = re.sub(r"\s+", "", s)
    if not s or len(s) > 40 or re.search(r"[,。;:、!?]", s):
        return None
    s = re.sub(r"(?:组成人员|成员名单|人员名单|名单)$", "", s)
    s = re.sub(r"\(\d{1,3}人\)$", "", s)  # 1、某界别小组(7人): the count of its people (round 22, ext-229)
    return s if specific_group(s) and not re.search(r"(?:职责|成立|关于)", s) else None


def bare_heading_group(line: str) -> str | None:
    """A heading that names its list's group only by its kind (``一、领导小组组成人员``): the
    kind word as written, for a notice that never names the group in full.

    >>> bare_heading_group("一、领导小组组成人员"), bare_heading_group("领导小组职责")
    ('领导小组', None)
    """
    s = re.sub(r"\s+", "", _NUMBERING.sub("", line.replace("\u3000", " ").strip()))
    m = re.fullmatch(r"(?P<g>.+?)(?:组成人员|成员名单|人员名单|组成人员名单|名单|成员)", s)
    return m.group("g") if m and m.group("g") in _LEX.group_suffixes else None


def body_group(work: str) -> str | None:
    """The group the body first sets up (``决定成立上海现代农业产业园(横沙东滩)开发建设管理委员会(以下简称…)``).

    >>> body_group("经研究,决定成立某区“河长制”工作领导小组(以下简称领导小组)。")
    '某区“河长制”工作领导小组'
    """
    for m in _BODY.finditer(work):
        if specific_group(m.group("g")) and "由" not in m.group("g"):
            return m.group("g")
    return None
