"""Tasks under a heading that names the unit leading them (round 16, ext-262).

``(一)省监察厅牵头的工作`` then the work (a paragraph, or numbered items ``1.…`` ``2.…``), sometimes a
``协同单位:…`` line under an item: the heading's units lead every item of the section (up to the next
heading of its level or above). Items a labelled line already made a task of get the lead; the others
become tasks of their own, with the lead alone. The headings' endings are data (lead_headings.txt); a
heading whose subject is not all units (``一、张三省长负责的工作``: a leader, a post) gives no task.
"""

from __future__ import annotations

import re
from typing import Any

from .assignees import all_assignees, split_assignees
from .context import NoticeContext
from .deadlines import text_deadline
from .lexicon import alternation, data_lines
from .task_common import _task

__all__ = ["lead_sections"]

_TAILS = alternation(data_lines("lead_headings.txt"))
# '一、县某委员会牵头工作(8项)': the count of the items after the heading's ending (round 20, ext-322)
_HEAD = re.compile(rf"(?P<u>[^\s,。;:、]{{2,40}}?(?:、[^\s,。;:、]{{2,40}}?)*)(?:{_TAILS})(?:[((]\d{{1,3}}项[))])?")


def lead_sections(ctx: NoticeContext, out: list[dict[str, Any]], covered: list[tuple[int, int]],
                  label_line: re.Pattern) -> None:
    work = ctx.work
    markers = ctx.outline.markers
    for i, mk in enumerate(markers):
        line_end = work.find("\n", mk.end)
        line_end = len(work) if line_end == -1 else line_end
        m = _HEAD.fullmatch(work[mk.end:line_end].strip())
        if not m:
            continue
        units = split_assignees(m.group("u"))
        if not all_assignees(units):
            continue
        end = next((x.start for x in markers[i + 1:] if x.level <= mk.level), len(work))
        head = re.sub(r"\s+", "", work[mk.start:line_end])
        own = [t for t in out if mk.start <= t["evidence"]["start"] < end]
        for t in own:
            if not t["lead"]:
                t["lead"] = list(units)
                t["responsible"] = [u for u in t["responsible"] if u not in units]
            for h in (head, head[len(re.sub(r"\s+", "", mk.label)):]):
                if t["text"].startswith(h) and len(t["text"]) > len(h):
                    t["text"] = t["text"][len(h):]
                    break
        kids = [x for x in markers[i + 1:] if mk.start < x.start < end]
        level = min((x.level for x in kids), default=None)
        kids = [x for x in kids if x.level == level]
        spans = [(x.start, x.end, kids[j + 1].start if j + 1 < len(kids) else end) for j, x in enumerate(kids)]
        if not kids:
            spans = [(mk.start, line_end, end)]
        for a, body, b in spans:
            if any(a <= t["evidence"]["start"] < b for t in own):
                continue
            lab = label_line.search(work, body, b)
            stop = lab.start() if lab else b
            text = work[body:stop].strip()
            if not text or not work[stop:].strip() and not re.search(r"[。;!?)”]$", text):
                continue  # (an item cut at the end of the stored text is not read)
            due, due_text = text_deadline(text, ctx.year)
            out.append(_task(ctx, ctx.outline.ref_at(a), text.rstrip("。"), list(units), [], due, due_text,
                             a if kids else body, stop))
        covered.append((mk.start, end))
