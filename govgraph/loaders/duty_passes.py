"""What reading duty clauses leaves out or splits: principles, item openings summing up their
sub-items, the covering formula, collectives' standing reports; two deadlines make two tasks.

>>> bool(_COVERING.match("现将《方案》印发给你们")), standing_report((0, 1, [], ["各牵头单位"], "要于每月28日前将进展情况报送督考办。"))
(True, True)
"""

from __future__ import annotations

import re

from .deadlines import parse_deadline, text_deadline
from .lexicon import data_lines
from .task_lexicon import is_collective, is_role_collective, task_lexicon

__all__ = ["in_principles", "assigned_in_principles", "drop_item_intros", "by_deadline", "covering", "standing_report", "AND_RECURRING"]

_TLX = task_lexicon()

# The covering formula after an addressee line run into the body (…有关直属单位:现将《…》印发给你们)
_COVERING = re.compile(r"(?:现将|现就|现予|现转发|现印发)")


def covering(duty) -> bool:
    """各…单位:现将《…》印发给你们: the addressee line run into the covering formula."""
    return bool(_COVERING.match(duty[4]))


# 各牵头单位要于每月28日前将进展情况报送…: the collectives' standing report, no task of its own (a one-off
# deadline in the same clause, …,12月18日前报送工作总结, keeps it one)
_RECURRING_REPORT = re.compile(r"(?:要|须|务必|务|应|应当)?(?:于|在)?每(?:月|季度|周|半年|年)[^,。;]{0,30}?(?:报送|上报)"
                               r"[^。;]*[。;]?$")


def standing_report(duty) -> bool:
    """The collectives' standing report (各牵头单位要于每月28日前…报送…), no one-off date with it."""
    body, units = duty[4], duty[2] + duty[3]
    return bool(_RECURRING_REPORT.match(body)) and not re.search(r"\d{1,2}月(?:\d{1,2}日|底)前", body[4:]) \
        and all(is_collective(u) or is_role_collective(u) for u in units)


def in_principles(ctx, pos: int) -> bool:
    """Is ``pos`` in a part headed 指导思想 / 基本原则 (principle_headings.txt)?"""
    for mk in ctx.outline.enclosing(pos).values():
        head = ctx.work[mk.end:mk.end + 8]
        if head.startswith(_TLX.principle_headings):
            return True
    return False


_PRINCIPLE_DUTIES = tuple(data_lines("principle_duties.txt"))


def assigned_in_principles(task) -> bool:
    """A task in a principles part kept all the same: units named and given work by 负责 (round 15, ext-247)."""
    return bool(task["lead"] or task["responsible"]) and task["text"].startswith(_PRINCIPLE_DUTIES)


def drop_item_intros(ctx, tasks: list) -> list:
    """(一)开展排查。各居村、相关责任单位要对所有房屋进行全面摸底。1.重点排查。各居村、相关责任单位于…
    2.…: an item's opening duty (no deadline) sums up its numbered sub-items given to the same
    units, which are the tasks."""
    outline = ctx.outline
    keep = []
    for i, t in enumerate(tasks):
        mk = outline.item_at(t["evidence"]["start"], levels=(1, 2, 3, 4))
        units = set(t["lead"] + t["responsible"])
        same = 0
        for u in tasks[i + 1:]:
            at = u["evidence"]["start"]
            sub = outline.item_at(at, levels=(1, 2, 3, 4))
            if mk is not None and sub is not None and sub.level > mk.level and outline.enclosing(at).get(mk.level) is mk \
                    and set(u["lead"] + u["responsible"]) == units:
                same += 1
        if t["due"] is None and same >= 2:
            continue
        keep.append(t)
    return keep


# A comma clause that opens with its date alone (…,2月底前逐项制定…; …动工,2021年12月底前全部竣工): the next step
# of the same piece of work, not a second task (ext-103, ext-263; loc-17's '…经审核把关后于2月7日前报送' stays two)
_STEP_DATE = re.compile(r"(?:(?:19|20)\d{2}年)?\d{1,2}月(?:\d{1,2}日|底|上旬|中旬|下旬)?(?:前|之前|以前)")
AND_RECURRING = re.compile(r"(?:并|同时)?于?(?:每月|每季度|每周|每半年|每年)")


def by_deadline(ctx, duty, s0: int) -> list:
    """A duty whose comma clauses state two one-off deadlines, one after the other, is two tasks
    of its units (…方案务于2月3日前报送分管市领导,经审核把关后于2月7日前报送市政府)."""
    a, b, lead, units, body = duty
    work = ctx.work
    first = text_deadline(work[a:b], ctx.year, context=work[s0:a])
    if not first[0]:
        return [duty]
    cut = None
    for cm in re.finditer(r",", work[a:b]):
        p = a + cm.start()
        d1 = text_deadline(work[a:p], ctx.year, context=work[s0:a])
        d2 = text_deadline(work[p + 1:b], ctx.year, context=work[s0:p + 1])
        if d1[0] and d2[0] and d1[0] < d2[0]:
            if _STEP_DATE.match(work, p + 1, b):
                return [duty]  # …于1月底前完成A,2月底前制定B: steps of one piece of work, due the last (round 16, ext-263)
            cut = p
            break
        if d1[0] and not d2[0] and AND_RECURRING.match(work, p + 1, b) and parse_deadline(work[p + 1:b], ctx.year)[1]:
            # …名单于2023年2月10日前报…,并于每月30日前报送…进展情况 (round 8, ext-89): a dated piece of
            # work and a recurring report, two tasks (the recurring one keeps its words as due_text)
            cut = p
            break
    if cut is None:
        return [duty]
    k = len(body) - (b - cut)  # where the cut falls in the body
    return [(a, cut, lead, units, body[:k]), (cut + 1, b, lead, units, body[k + 1:])]
