"""A body's main duties listed item by item, as 三定 rules write them (round 16, ext-269, ext-266).

``第三条 政府办公室贯彻落实…。主要职责是:`` then ``(一)负责…`` ``(二)…`` one item a line: each item is a
task of the body named at the start of the line that opens the list (the items under a heading alone, ``二、主要职责``
in rules whose title names the body, are read by ``standing_duties``, on run-on copies too). The
body must read as a unit (a group's duties, 联席会议的主要职责是:, are its terms of reference: no task).
The words are data (duty_lists.tsv).
"""

from __future__ import annotations

import re
from typing import Any

from .context import NoticeContext
from .lexicon import alternation, data_rows, load_lexicon
from .mentions import is_unit_like
from .task_common import _task

__all__ = ["duty_lists"]


def _words(kind: str) -> str:
    return alternation([w for k, w in data_rows("duty_lists.tsv") if k == kind])


_GROUPS = tuple(load_lexicon().group_suffixes)
_ARTICLE = r"(?:第[一二三四五六七八九十百]{1,4}条)?"
_INTRO = re.compile(rf"^[ \t\u3000]*{_ARTICLE}[ \t\u3000]*(?P<body>[^\n]+?)(?:{_words('intro')})[:：][ \t\u3000]*$", re.M)
_AFTER = re.compile(rf"^[ \t\u3000]*(?:{_words('after')}),(?P<u>[^\s,。;:]{{2,30}}?)设(?:立)?(?:\d+|[一二三四五六七八九十]+)个",
                    re.M)
_LEVEL1 = re.compile(r"[ \t\u3000]*[一二三四五六七八九十]{1,3}、[^\n]{0,20}")
_ITEM = re.compile(r"[ \t\u3000]*\((?P<n>[一二三四五六七八九十]{1,3})\)(?P<t>[^\n]+)")


def _subject(line: str) -> str | None:
    """The longest start of ``line`` that reads as a unit's name (政府办公室 of 政府办公室贯彻落实…), not one
    that is the start or the whole of a group's name (某县联席会 of 某县联席会议)."""
    for k in range(min(30, len(line)), 1, -1):
        if is_unit_like(line[:k]):
            if any(line[:j].endswith(_GROUPS) for j in range(k, min(len(line), k + 4) + 1)):
                return None
            return line[:k]
    return None


def duty_lists(ctx: NoticeContext, out: list[dict[str, Any]], covered: list[tuple[int, int]]) -> None:
    work = ctx.work
    opens = []
    for m in _INTRO.finditer(work):
        unit = _subject(m.group("body"))
        if unit:
            opens.append((m.end(), unit))
    for m in _AFTER.finditer(work):
        # 根据上述职责,X设19个内设机构: the run of items just above (over a heading line) is X's duties
        unit = m.group("u")
        if not is_unit_like(unit):
            continue
        lines = work[:m.start()].split("\n")[:-1]
        at = m.start() - 1  # the newline before the sentence
        if lines and _LEVEL1.fullmatch(lines[-1]):
            at -= len(lines[-1]) + 1
            lines = lines[:-1]
        items = []
        for line in reversed(lines):
            if not _ITEM.fullmatch(line):
                break
            items.append((at - len(line), at))
            at -= len(line) + 1
        for a, b in reversed(items):
            if any(x <= a < y for x, y in covered):
                continue
            text = _ITEM.fullmatch(work[a:b]).group("t").strip().rstrip("。")
            out.append(_task(ctx, ctx.outline.ref_at(a), text, [], [unit], None, None, a, b))
        if items:
            covered.append((items[-1][0], items[0][1]))
    for pos, unit in opens:
        if any(a <= pos < b for a, b in covered):
            continue
        start = pos
        for line in re.finditer(r"\n(?P<l>[^\n]*)", work[pos:]):
            im = _ITEM.fullmatch(line.group("l"))
            if not im:
                break
            a = pos + line.start("l")
            b = pos + line.end("l")
            text = im.group("t").strip().rstrip("。")
            if text:
                out.append(_task(ctx, ctx.outline.ref_at(a), text, [], [unit], None, None, a, b))
        if out and out[-1]["evidence"]["start"] >= start:
            covered.append((start, out[-1]["evidence"]["end"]))
