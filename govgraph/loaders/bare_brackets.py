"""Units in a bracket with no label at the end of a numbered item (round 17, ext-252 and ext-256).

A plan split into targets names each target's units in a bracket after it, with no label
(责任单位) and no verb (负责), the bracket closing the item:

    1、地区生产总值增长11%(市发改委,市政府相关部门,各县市区政府)。 2、固定资产投资…

or on a line of its own under the item (``2、万元地区生产总值能耗降低3.8%。`` then ``(市经信委)``).
Every unit in the bracket is responsible, none leads (the notice's own rule that the first
listed leads, ``_first_leads``, still applies). Read only where every name in the bracket is a
unit and the notice has two such items or more (one bracket of units after a sentence is as
likely an aside: 会同有关部门(市某局)…); the item's text before the bracket is the task.
"""

from __future__ import annotations

import re
from typing import Any

from .assignees import all_assignees, split_assignees
from .context import NoticeContext
from .deadlines import text_deadline
from .task_common import _task

__all__ = ["bare_brackets"]

# The bracket (one level of brackets inside: 各市(县)), then an optional stop, then the end of the
# line, the text, or a layout space before the next item.
_BARE = re.compile(r"\((?P<body>(?:[^()\n:]|\([^()\n]{1,6}\)){2,200}?)\)(?P<stop>[。;]?)(?P<after>[ \t]*(?:\n|$)|[ \t]+)")
_MIN_ITEMS = 2
_SPLIT_HEAD = re.compile(r"(?:目标|任务)分解|分解(?:落实)?(?:方案|表)")


def _names(body: str) -> list[str]:
    return [n for part in re.split(r"[,;]", body) for n in split_assignees(part.strip())]


def bare_brackets(ctx: NoticeContext, out: list[dict[str, Any]], covered: list[tuple[int, int]]) -> None:
    """Tasks of items closed by a bracket of units without a label, added to ``out``."""
    work = ctx.work
    found = []
    marks = {mk.start for mk in ctx.outline.markers}
    for m in _BARE.finditer(work):
        if any(a <= m.start() < b for a, b in covered):
            continue
        after = m.end()
        if m.group("after").strip(" \t") == "" and after < len(work) and work[after - 1] not in "\n" \
                and after not in marks:
            continue  # a space, and no item follows: inside a sentence
        names = _names(m.group("body"))
        if not names or not all_assignees(names):
            continue
        item = ctx.outline.item_at(m.start(), levels=(2, 3, 4))
        if not item or item.end > m.start():
            continue
        text = work[item.end:m.start()].strip()
        if not text or "(" in text or ")" in text:
            continue  # an item with other brackets: not this layout
        if "\n" in text:
            # the bracket on a line of its own under a one-line item
            line_start = work.rfind("\n", 0, m.start()) + 1
            if work[line_start:m.start()].strip() or "\n" in text.rstrip().rsplit("\n", 1)[0]:
                continue
            text = text.strip()
        found.append((m, item, text.rstrip("。;,. \n"), names))
    if len(found) < _MIN_ITEMS and not (found and _SPLIT_HEAD.search(work, max(0, found[0][1].start - 200),
                                                                     found[0][1].start)):
        return  # one such item: only under a heading of a split of targets (…重点工作分解落实方案综合目标分解; ext-257)
    for m, item, text, names in found:
        due, due_text = text_deadline(text, ctx.year)
        out.append(_task(ctx, ctx.outline.ref_at(m.start()), text, [], names, due, due_text, item.start, m.end()))
        covered.append((item.start, m.end()))
