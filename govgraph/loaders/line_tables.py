"""Responsibility tables without a 序号 column, laid out one cell a line.

``类别 / 项目 / 主要任务 / 牵头单位 / 配合单位``: a header of short column names ending in
unit (and deadline) columns; each row is task text followed by its unit cells. Project
lines (``1.做好规划配套``) number the rows, several tasks under one project get a, b, c;
category lines (``一、做好政策保障``) are headings. A cell may wrap after ``、``.

>>> text = "附件:\\n项目\\n主要任务\\n牵头单位\\n配合单位\\n一、保障\\n1.做好规划\\n同步规划。\\n区消防救援支队\\n区应急局、\\n各街道\\n"
>>> [(r.ref, r.cells, r.text) for r in find_line_tables(text)[0].rows]
[('1', [['区消防救援支队'], ['区应急局', '各街道']], '同步规划。')]
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from functools import lru_cache

from .assignees import all_assignees, split_assignees
from .mentions import is_person_name
from .task_lexicon import task_lexicon

__all__ = ["LineTable", "LineRow", "find_line_tables", "UnitList", "find_unit_lists"]

_PROJECT = re.compile(r"^(\d{1,2})\s*[.、．]\s*(?=\S)")
_CATEGORY = re.compile(r"^[一二三四五六七八九十]{1,3}\s*、")
_PUNCT = re.compile(r"[。,;:，；：]")


@dataclass
class LineRow:
    ref: str
    text: str
    start: int
    end: int
    cells: list  # per unit column: the units of its cell
    due_cell: str | None = None
    project_title: str = ""
    cell_leads: list = field(default_factory=list)  # units a cell itself says lead (A牵头,B配合)


@dataclass
class LineTable:
    start: int
    end: int
    columns: list  # all header columns
    roles: list  # roles of the unit (and due) columns at the end of the header
    rows: list = field(default_factory=list)
    cut_at: int | None = None  # a last row not read: its cells close the text


def _lines(work: str):
    return [(m.group(), m.start(), m.end()) for m in re.finditer(r"[^\n]+", work) if m.group().strip()] \
        if "\n" in work else []


def _strip(line):
    t, a, b = line
    a2 = a + len(t) - len(t.lstrip())
    t = t.strip()
    # a cell copied with its column rule (``牵头责任单位 |``): the rule is no part of the cell
    t2 = re.sub(r"\s*\|$", "", t)
    return (t2 if t2 else t), a2, a2 + len(t2 if t2 else t)


def _col(t: str) -> str:
    """A header cell as the column lexicon writes it (``分 管 县领导``: spaces of the layout dropped)."""
    return re.sub(r"\s+", "", t)


_ROW_NUMBER = re.compile(r"\d{1,3}")


def _unit_cell(lines, i, loose=False):
    """(units, next index, end) when lines[i] (with lines wrapped after 、) is a unit cell."""
    text, _, end = lines[i]
    j = i + 1
    while text.endswith("、") and j < len(lines):
        text += lines[j][0]
        end = lines[j][2]
        j += 1
    if loose:  # an extract's cell: units apart by , and closed with 。 (区投资促进中心。)
        text = re.sub(r"(?<=[^\s。])。$", "", text).replace(",", "、")
    if len(text) <= 80 and _PUNCT.search(text):
        lead, resp = _worded_cell(text)
        return (lead + resp, j, end, lead) if lead and resp else None
    if _PUNCT.search(text) or len(text) > (100 if loose else 80):
        return None
    units = split_assignees(text)
    return (units, j, end, []) if all_assignees(units) else None


@lru_cache(maxsize=1)
def _units_then_word() -> re.Pattern:
    """Units, then an assignment word that is not a partner's (牵头, 按职能分工落实…; assign_words.tsv)."""
    words = task_lexicon().assign_words
    ends = "|".join(map(re.escape, sorted((w for w, r in words.items() if r != "with"), key=len, reverse=True)))
    return re.compile(rf"(?P<u>.+?)(?P<w>{ends})")


def _worded_cell(text: str) -> tuple[list, list]:
    """A unit cell that says who leads: ``A、B牵头,C按职能分工落实`` -> ([A, B], [C]) (round 14, ext-178);
    ([], []) unless every part is units and an assignment word (assign_words.tsv), the first a lead one.

    >>> _worded_cell("市政府办公室、市司法局牵头,市直其他单位按职能分工落实")
    (['市政府办公室', '市司法局'], ['市直其他单位'])
    """
    words = task_lexicon().assign_words
    lead: list = []
    resp: list = []
    for n, part in enumerate(re.split(r"[,，]", text.rstrip("。"))):
        m = _units_then_word().fullmatch(part.strip())
        units = split_assignees(m.group("u")) if m else []
        if not m or not all_assignees(units) or (words[m.group("w")] == "lead") != (n == 0):
            return [], []
        (lead if n == 0 else resp).extend(units)
    return lead, resp


def find_line_tables(work: str) -> list[LineTable]:
    cols = task_lexicon().columns
    lines = [_strip(x) for x in _lines(work)]
    out = []
    i = 0
    while i < len(lines):
        t = lines[i][0]
        if cols.get(_col(t)) not in ("lead", "responsible"):
            i += 1
            continue
        # The header: short column names before it, known unit/deadline columns from it on.
        h0 = i
        while h0 > 0 and len(lines[h0 - 1][0]) <= 8 and not _PUNCT.search(lines[h0 - 1][0]) \
                and not re.search(r"\d", lines[h0 - 1][0]) and lines[h0 - 1][0] not in ("附件",):
            h0 -= 1
        h1 = i
        while h1 < len(lines) and cols.get(_col(lines[h1][0])) in ("lead", "responsible", "due"):
            h1 += 1
        header = [x[0] for x in lines[h0:h1]]
        numbered = "序号" in [_col(x) for x in header]
        if numbered:
            # A numbered table is structure.find_tables' when its rows start at 1; an extract
            # of one (rows 3, 68, 69 of a task table, one cell a line) is read here, its
            # number lines opening the rows (round 13, ext-156, ext-157).
            # The header must end at its unit columns (the next line a row number or a section
            # line), and must not repeat an earlier one (a table going on over a page break).
            first = next((x[0] for x in lines[h1:h1 + 12] if _ROW_NUMBER.fullmatch(x[0])), None)
            opens = h1 < len(lines) and (_ROW_NUMBER.fullmatch(lines[h1][0]) or _CATEGORY.match(lines[h1][0]))
            repeated = any(_col(x[0]) == "序号" for x in lines[:h0])
            if first is None or first == "1" or header[0] != "序号" or i - h0 < 2 or not opens or repeated:
                i = h1
                continue
        elif i - h0 < 1:
            i = h1
            continue  # no task column
        roles = [cols[_col(x)] for x in header[i - h0:]]
        table = LineTable(lines[h0][1], lines[h1 - 1][2], header, roles)
        # a leader column right before the unit columns (目标任务 / 责任领导 / 责任单位): its names,
        # one a line, are dropped, and the unit cell is read as an extract's (round 14, ext-181)
        leaders = not numbered and cols.get(_col(header[i - h0 - 1])) == "leader"
        # columns between the task text (after 序号) and the unit columns (分管县领导): one line each
        _read_rows(work, lines, h1, table, extra=(i - h0 - 2) if numbered else None, leaders=leaders)
        if table.rows:
            out.append(table)
        i = max(h1, next((k for k, x in enumerate(lines) if x[1] >= table.end), len(lines)))
    return out


def _leader_line(t: str) -> bool:
    """A leader column's cell line: one or two persons' names (董某某 / 董某某 郑某某)."""
    names = t.split()
    return 0 < len(names) <= 3 and all(2 <= len(x) <= 4 and is_person_name(x) for x in names)


def _read_rows(work, lines, k, table, extra=None, leaders=False):
    n_units = sum(1 for r in table.roles if r != "due")
    has_due = "due" in table.roles
    buf = []
    project, sub, title = None, 0, ""
    rows = []
    while k < len(lines):
        t, a, b = lines[k]
        if t.startswith("附件") or re.fullmatch(r"\S{2,30}\s+(?:19|20)\d{2}年\d{1,2}月\d{1,2}日", t):
            break
        if extra is not None and (_ROW_NUMBER.fullmatch(t) or (_CATEGORY.match(t) and len(t) <= 40)):
            # an extract of a numbered table: a number line opens a row, a section line none
            project, sub, title = (t, 0, "") if _ROW_NUMBER.fullmatch(t) else (None, 0, "")
            buf = []
            k += 1
            continue
        if (_PROJECT.match(t) or _CATEGORY.match(t)) and len(t) <= 30 and not _PUNCT.search(t):
            if _PROJECT.match(t):
                project, sub = _PROJECT.match(t).group(1), 0
                title = t[_PROJECT.match(t).end():]
            buf = []
            k += 1
            continue
        if leaders and buf and _leader_line(t):
            k += 1  # a leader's name after the task's text
            continue
        loose = extra is not None or leaders
        got = _unit_cell(lines, k, loose) if buf else None
        if got is None:
            buf.append((t, a, b))
            k += 1
            continue
        cells, end, leads = [got[0]], got[2], list(got[3])
        k = got[1]
        while len(cells) < n_units and k < len(lines):
            nxt = _unit_cell(lines, k, loose)
            if nxt is None:
                break
            cells.append(nxt[0])
            leads += nxt[3]
            k, end = nxt[1], nxt[2]
        due_cell = None
        if has_due and k < len(lines) and len(lines[k][0]) <= 20 and not _unit_cell(lines, k):
            due_cell, end = lines[k][0], lines[k][2]
            k += 1
        if extra and len(buf) > extra:
            buf = buf[:-extra]  # the cells of columns between the text and the units (分管县领导)
        if extra is not None and project is None:
            buf = []  # text outside a numbered row
            continue
        if leaders and not work[end:].strip():
            # a leader-column table (a long target split) whose row's cells close the stored text: the
            # copy may be cut inside its unit list (…市供销社,各县(市、区)); not read, with a warning
            # (round 14, ext-181; data/real/README: only complete items). Other layouts' last rows are read.
            table.cut_at = buf[0][1]
            break
        sub += 1
        rows.append((project, sub, LineRow("", " ".join(x[0] for x in buf), buf[0][1], end, cells, due_cell,
                                                title, leads)))
        buf = []
        table.end = end
    per_project: dict = {}
    for p, _, _ in rows:
        per_project[p] = per_project.get(p, 0) + 1
    for p, s, r in rows:
        num = p if p is not None else str(len(table.rows) + 1)
        r.ref = num + ("abcdefghijklmnopqrstuvwxyz"[s - 1] if per_project[p] > 1 and s <= 26 else "")
        table.rows.append(r)


@dataclass
class UnitList:
    """A two-column list of units and their tasks (``街镇、园区 / 目标任务``), one cell a line."""

    start: int
    end: int
    title: str  # the line above the header (``2019年街镇(园区)生活垃圾分类目标任务分解表``)
    rows: list = field(default_factory=list)  # (unit, text, start, end)


def find_unit_lists(work: str) -> list[UnitList]:
    """Lists headed by a unit column and a task column, rows alternating unit / task text.

    >>> w = "附件2\\n2019年目标任务分解表\\n街镇、园区\\n目标任务\\n罗店镇\\n创建达标累计61个小区。\\n大场镇\\n创建达标累计86个小区。\\n"
    >>> [(u, t) for u, t, _, _ in find_unit_lists(w)[0].rows]
    [('罗店镇', '创建达标累计61个小区。'), ('大场镇', '创建达标累计86个小区。')]
    """
    cols = task_lexicon().columns
    lines = [_strip(x) for x in _lines(work)]
    out = []
    for i in range(len(lines) - 3):
        head, task = lines[i][0], lines[i + 1][0]
        if cols.get(task) != "task" or len(head) > 10 or \
                not any(cols.get(p) == "unit" for p in re.split(r"[、,/]", head)):
            continue
        ul = UnitList(lines[i][1], lines[i + 1][2], lines[i - 1][0] if i else "")
        k = i + 2
        while k + 1 < len(lines):
            u, t = lines[k], lines[k + 1]
            if len(u[0]) > 20 or not all_assignees(split_assignees(u[0])) or len(t[0]) <= 8 \
                    or all_assignees(split_assignees(t[0])):
                break
            ul.rows.append((u[0], t[0], u[1], t[2]))
            ul.end = t[2]
            k += 2
        if len(ul.rows) >= 2:
            out.append(ul)
    return out
