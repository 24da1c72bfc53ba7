"""Standing duties of an organ's 三定 rules (``X主要职责内设机构和人员编制规定``, often printed by a covering notice).

Two layouts (round 15, ext-241):

* a duty moved to another unit: ``将开发区建设组织协调职责划归市工业和信息化局`` gives the duty to that unit
  (verbs in data/duty_transfers.txt; the unit must read as an assignee);
* the items ``(一)…(N)`` under the heading ``二、主要职责`` are the organ's own standing duties, the organ being
  the one the rules are named after (``某市某局主要职责内设机构和人员编制规定``: 某市某局). An item the copy
  cuts (no closing 。 or ;) is left out. Without such a title (a group's ``一、主要职责``) nothing is read.

Read the same way: the ``主要职责`` items of an office a notice sets up (``决定成立X办公室``: ``set_up_office``), and a
group's duties in the paragraph under a heading naming them (``1.领导组职责``: ``headed_group_duties``).

>>> [(t, u) for _, _, t, u in transfers("一、职责调整 将甲乙职责划归市某局;丙丁有关职责划归市某委。")]
[('甲乙职责', '市某局'), ('丙丁有关职责', '市某委')]
>>> rules_organ("关于印发某市某局主要职责内设机构和人员编制规定的通知 某市某局主要职责内设机构和人员编制规定 根据…")
'某市某局'
"""

from __future__ import annotations

import re

from .assignees import is_assignee, split_assignees
from .lexicon import alternation, data_lines, data_rows, load_lexicon

__all__ = ["transfers", "rules_organ", "set_up_office", "main_duties", "headed_group_duties"]

def _words(kind: str) -> str:
    return alternation([w for k, w in data_rows("duty_lists.tsv") if k == kind])


_VERBS = "|".join(map(re.escape, sorted(data_lines("duty_transfers.txt"), key=len, reverse=True)))
# 将A职责划归X;B职责划归Y。: the 将 of the first clause governs the clauses after it (split by ;)
_TRANSFER = re.compile(rf"(?P<j>将)?(?P<x>[^,。;将\s]{{2,40}}?(?:职责|职能))(?:{_VERBS})(?P<y>[^,。;\s]{{2,40}}?)(?=[;。]|$)")
# the rules' title after the organ's name, and the heading over its duties: words in duty_lists.tsv (title, heading)
_RULES_TITLE = re.compile(rf"(?P<z>[^\s《〈》〉,。:、]{{2,40}}?)(?:{_words('title')})")
_CN = "一二三四五六七八九十"
_HEAD = re.compile(rf"(?:^|(?<=\s))(?P<n>[{_CN}]{{1,3}})、\s*(?:{_words('heading')})(?=\s)")
_NEXT_HEAD = re.compile(rf"(?:^|(?<=\s))[{_CN}]{{1,3}}、")
_ITEM = re.compile(rf"(?:^|(?<=\s))[(（][{_CN}]{{1,3}}[)）]")


def transfers(work: str):
    """(start, end, duty, unit) of each ``将…职责划归<unit>`` whose unit is one assignee."""
    for sm in re.finditer(r"[^。\s]+", work):
        clauses, pos, open_ = sm.group().split(";"), sm.start(), False
        for c in clauses:
            m = _TRANSFER.fullmatch(c)
            a = pos
            pos += len(c) + 1
            if not m or not (m.group("j") or open_):
                open_ = False
                continue
            open_ = True
            units = split_assignees(m.group("y"))
            if len(units) == 1 and units[0] == m.group("y") and is_assignee(units[0]):
                yield a + m.start("x"), a + m.end(), m.group("x"), units[0]


def rules_organ(work: str) -> str | None:
    """The organ whose 三定 rules the text prints, when every title of them names the same one."""
    names = set()
    for m in _RULES_TITLE.finditer(work):
        z = re.sub(r"^.*?(?:关于印发|关于转发|印发|转发)", "", m.group("z"))
        names.add(z)
    if len(names) != 1:
        return None
    z = names.pop()
    return z if is_assignee(z) else None


_SET_UP_OFFICE = re.compile(r"成立(?P<x>[^\s,。;:()“”\"]{2,40}?办公室)(?=[(（,。])")


def set_up_office(work: str) -> str | None:
    """The office a notice sets up (``决定成立某某建设管理办公室(以下简称“办公室”)``), when it sets up one only: its
    ``主要职责`` items are the office's duties, as an office's duties under a label are (round 15; ext-158's gold).
    A group's own duties are not read so (the gold disagrees on them: see docs/extraction.md, round 15).

    >>> set_up_office("农业部决定成立某某示范区建设管理办公室(以下简称“办公室”)。")
    '某某示范区建设管理办公室'
    """
    names = {m.group("x") for m in _SET_UP_OFFICE.finditer(work)}
    names = {re.sub(r"^.*?(?:关于|决定)", "", x) for x in names}
    if len(names) != 1:
        return None
    x = names.pop()
    return x if is_assignee(x) and not x.endswith(("领导小组办公室", "指挥部办公室", "联席会议办公室")) else None


def main_duties(work: str):
    """(start, end, text) of each whole item under the 主要职责 heading of an organ's rules."""
    h = _HEAD.search(work)
    if not h:
        return
    nxt = _NEXT_HEAD.search(work, h.end())
    end = nxt.start() if nxt else len(work)
    starts = [m for m in _ITEM.finditer(work, h.end(), end)]
    for i, m in enumerate(starts):
        b = starts[i + 1].start() if i + 1 < len(starts) else end
        body = work[m.end():b].rstrip()
        if not body.endswith(("。", ";", "；")):
            continue  # cut by the copy
        yield m.end(), m.end() + len(body), body.rstrip("。;；")


# 1.领导组职责 / (二)指挥部主要职责 on a line of its own, then the paragraph of the group's duties (round 15, ext-240).
# A joint meeting's own duties (联席会议职责) are no task (the dev gold: loc-11, ext-70, ext-143); an office's
# under such a heading are left (whose office a bare 办公室 is, the heading does not say).
_MARK = r"(?:\d{1,2}(?:\.\d{1,2})?[.、．]?|[(（][一二三四五六七八九十\d]{1,3}[)）]|[一二三四五六七八九十]{1,3}、)"
_GROUP_WORDS = "|".join(map(re.escape, sorted((w for w in load_lexicon().group_suffixes if w != "联席会议"),
                                              key=len, reverse=True)))
_GROUP_HEADING = re.compile(rf"(?m)^[ \t\u3000]*{_MARK}?[ \t\u3000]*(?P<g>[^\s,。;:、()]{{0,30}}?(?:{_GROUP_WORDS}))"
                            r"(?:的)?(?:主要)?职责[ \t\u3000]*\n")
# …or on the heading's line after a colon, the paragraph's duties ending in a full stop
_GROUP_DUTY_LINE = re.compile(rf"(?m)^[ \t\u3000]*{_MARK}?[ \t\u3000]*(?P<g>[^\s,。;:、()]{{2,30}}?(?:{_GROUP_WORDS}))"
                              r"(?:的)?(?:主要)?职责[ \t\u3000]*:[ \t\u3000]*(?P<body>(?:负责|承担|参与)[^\n]+。)[ \t\u3000]*$")
_OWN_SUBJECT = re.compile(r"\s*(?P<s>[^\s,。;]{2,30}?)(?:负责|要|应|将)")
_MARK_LINE = re.compile(rf"[ \t\u3000]*{_MARK}")


def headed_group_duties(work: str):
    r"""(start, end, text, group) of each group's duties in the paragraph under a heading naming them.

    >>> [(t[:6], g) for _, _, t, g in headed_group_duties("1.领导组职责\n统一指挥全市防控工作;督导检查落实情况。\n2.办公室职责\n执行")]
    [('统一指挥全市', '领导组')]
    """
    for m in _GROUP_HEADING.finditer(work):
        g = m.group("g")
        if "联席会议" in g:
            continue
        a = m.end()
        b = a
        for lm in re.finditer(r"[^\n]*\n?", work[a:]):
            line = lm.group()
            if not line or not line.strip() or _MARK_LINE.match(line) or _GROUP_HEADING.match(line + "\n"):
                break
            b = a + lm.end()
        body = work[a:b].rstrip()
        if not body or not body.endswith("。") or "\n" in body.strip():
            continue  # none, cut by the copy, or several paragraphs (left)
        sm = _OWN_SUBJECT.match(body)
        if sm and (sm.group("s").endswith(g[-2:]) or is_assignee(sm.group("s"))):
            continue  # 认定委员会负责…: the paragraph names its subject, read as a clause (sh-03)
        yield a, a + len(body), body.strip().rstrip("。"), g
    for m in _GROUP_DUTY_LINE.finditer(work):
        # 专家指导组主要职责:负责…;负责…;参与…。 on one line: the group's duties (round 21, ext-338)
        g = m.group("g")
        if "联席会议" in g or "办公室" in g:
            continue
        yield m.start("body"), m.end("body"), m.group("body").rstrip("。"), g
