"""Press conferences a notice schedules, each given to the units whose heads release it (round 20, ext-323).

``一、全省国企改革情况。发布时间暂定于4月份;发布人员:省政府新闻发言人、省经委负责人、省国资委负责人。``: a numbered
item with a release time (a month) and a ``发布人员:`` list; the units whose 负责人 (负责同志) release are responsible for
it, by the end of that month of the notice's year. A speaker without a unit (新闻发言人) is no assignee; an item none of
whose releasers is a unit's head gives no task. The labels are data (release_labels.tsv).
"""

from __future__ import annotations

import re
from typing import Any

from .assignees import all_assignees, split_assignees
from .context import NoticeContext
from .deadlines import last_day
from .lexicon import alternation, data_rows
from .mentions import is_unit_like
from .task_common import _task

__all__ = ["release_schedules"]

_LABELS = data_rows("release_labels.tsv")
_TIME = re.compile(rf"(?:{alternation([w for k, w in _LABELS if k == 'time'])})"
                   r"(?P<t>(?:暂定|拟定|初定|定)?(?:于|为|在)?(?P<m>\d{1,2})月份?)")
_WHO = re.compile(rf"(?:{alternation([w for k, w in _LABELS if k == 'who'])})\s*[:：]"
                  r"(?P<l>[^。;\n]+)")
_HEAD = re.compile(r"(?:负责人|负责同志|主要负责同志)$")


def release_schedules(ctx: NoticeContext, out: list[dict[str, Any]], covered: list[tuple[int, int]]) -> None:
    if ctx.year is None:
        return
    work = ctx.work
    markers = ctx.outline.markers
    for i, mk in enumerate(markers):
        end = next((x.start for x in markers[i + 1:] if x.level <= mk.level), None)
        nl = work.find("\n\n", mk.end)
        end = min(x for x in (end, nl if nl != -1 else None, len(work)) if x is not None)
        item = work[mk.end:end]
        tm, wm = _TIME.search(item), _WHO.search(item)
        if not tm or not wm or wm.start() < tm.start():
            continue
        month = int(tm.group("m"))
        if not 1 <= month <= 12:
            continue
        units = []
        for x in re.split(r"[、,]", wm.group("l")):
            x = x.strip()
            if _HEAD.search(x):
                u = _HEAD.sub("", x)
                if not is_unit_like(u) or not all_assignees(split_assignees(u)):
                    units = []
                    break
                units.append(u)
        if not units:
            continue
        due = last_day(ctx.year, month)
        topic = re.split(r"[。;]", item.strip(), maxsplit=1)[0]
        out.append(_task(ctx, ctx.outline.ref_at(mk.start), f"{topic}新闻发布会", [], units, due, tm.group("t"),
                         mk.start, mk.end + wm.end()))
        covered.append((mk.start, end))
