"""A unit's duties under a heading that is its name alone (round 16, ext-273).

``(一)秘书处`` on its own line, then a paragraph opening with a duty verb (``负责…;负责…``): the paragraph
is one task of the unit the heading names, as 三定 rules list their internal bodies (内设机构). The
heading must read as a unit's name whole; the paragraph runs to the next numbered line. The verbs that
may open the paragraph are data (duty_lists.tsv, kind ``opens``).
"""

from __future__ import annotations

import re
from typing import Any

from .assignees import is_assignee
from .context import NoticeContext
from .lexicon import alternation, data_rows
from .mentions import is_unit_like
from .task_common import _task

__all__ = ["unit_headings"]

_OPENS = re.compile(alternation([w for k, w in data_rows("duty_lists.tsv") if k == "opens"]))


def unit_headings(ctx: NoticeContext, out: list[dict[str, Any]], covered: list[tuple[int, int]]) -> None:
    work = ctx.work
    markers = ctx.outline.markers
    for i, mk in enumerate(markers):
        line_end = work.find("\n", mk.end)
        if line_end == -1:
            continue
        name = work[mk.end:line_end].strip()
        if not name or not is_unit_like(name) or not is_assignee(name):
            continue
        body = line_end + 1
        while body < len(work) and work[body] in " \t\u3000":
            body += 1
        if not _OPENS.match(work, body):
            continue
        nxt = markers[i + 1].start if i + 1 < len(markers) else len(work)
        end = nxt
        while end > body and work[end - 1].isspace():
            end -= 1
        if end <= body or any(a <= body < b for a, b in covered):
            continue
        text = work[body:end].strip().rstrip("。")
        out.append(_task(ctx, ctx.outline.ref_at(mk.start), text, [], [name], None, None, mk.start, end))
        covered.append((mk.start, end))
