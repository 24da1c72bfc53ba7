"""Tasks from tables: numbered responsibility tables, tables laid out one cell a line,
unit / target lists, and target tables keyed by unit. Where a notice has a responsibility
table, its rows are the tasks: body items restating a row are not repeated.
"""

from __future__ import annotations

import re

from .assignees import all_assignees, split_assignees
from .context import NoticeContext
from .deadlines import parse_deadline, parse_due_cell, text_deadline
from .mentions import CJK, is_unit_like
from .task_common import _task
from .task_lexicon import task_lexicon

__all__ = ["_tables", "_line_tables", "_unit_lists", "_is_responsibility_table", "_drop_restated"]

_TLX = task_lexicon()
_UNIT_COLS = _TLX.columns_of("lead", "responsible", "unit")
_DUE_COLS = _TLX.columns_of("due")
_TASK_TABLE_COLS = _TLX.columns_of("lead", "responsible")


def _is_responsibility_table(t) -> bool:
    return any(c in _TASK_TABLE_COLS for c in t.columns)


def _tables(ctx: NoticeContext, out: list):
    for t in ctx.tables:
        cols = t.columns
        unit_idx = [i for i, c in enumerate(cols) if c in _UNIT_COLS]
        if not unit_idx:
            continue
        due_idx = [i for i, c in enumerate(cols) if c in _DUE_COLS]
        fallback_due = None if due_idx else _plan_final_deadline(ctx)
        for r in t.rows:
            toks = r["tokens"]
            if not toks:
                continue
            ref = f"附件.{r['number']}"
            if _is_responsibility_table(t):
                subs = _sub_item_tasks(ctx, t, r, ref)
                if subs:
                    out.extend(subs)
                    continue
                task = _task_row(ctx, t, r, ref)
                if task:
                    out.append(task)
                else:
                    ctx.warn(f"table row {r['number']} has no recognisable unit column; skipped (table cut off?)")
                continue
            # Target tables: one token per cell.
            if len(toks) < len(cols):
                ctx.warn(f"table row {r['number']} has {len(toks)} cells for {len(cols)} columns; skipped (table cut off?)")
                continue
            cells = [x[0] for x in toks[: len(cols)]]
            units = [cells[i] for i in unit_idx]
            text = "; ".join(f"{cols[i]} {cells[i]}" for i in range(len(cols)) if i not in unit_idx)
            due, due_text = fallback_due or (None, None)
            out.append(_task(ctx, ref, text, [], units, due, due_text, r["start"], r["end"]))


def _plan_final_deadline(ctx: NoticeContext):
    """The latest ``…前`` deadline of the plan's body: the due date of a table without a deadline column."""
    best = None
    body_end = ctx.attachments_at or len(ctx.work)
    for m in re.finditer(r"((?:19|20)\d{2}年)?\d{1,2}月\d{1,2}日前|((?:19|20)\d{2}年)?\d{1,2}月底前", ctx.work[:body_end]):
        due, text = parse_deadline(m.group(), ctx.year)
        if due and (best is None or due > best[0]):
            best = (due, text)
    return best


_CELL_STOP = re.compile(r"[。;:]")


def _unit_cell(tok: str) -> list[str] | None:
    """The units of one table cell (``区民政局`` or ``区发改委、区财政局``), or None."""
    if _CELL_STOP.search(tok):
        return None
    items = split_assignees(tok)
    return items if all_assignees(items) else None


def _task_row(ctx, t, r, ref):
    """A responsibility-table row: text, then unit cells, then the deadline cell.

    Columns after the unit columns that hold neither units nor deadlines (参考文件, 备注)
    are skipped; a cell wrapped after 、 or , is one cell.
    """
    toks = list(r["tokens"])
    due = due_text = None
    has_due = any(c in _DUE_COLS for c in t.columns)
    last_unit = max((i for i, c in enumerate(t.columns) if c in _UNIT_COLS), default=-1)
    trailing = [c for c in t.columns[last_unit + 1:] if c not in _DUE_COLS]
    if trailing:
        skipped = 0
        while toks and skipped < 8 and not _unit_cell(toks[-1][0]):
            toks, skipped = toks[:-1], skipped + 1
    if has_due and toks and not _unit_cell(toks[-1][0]):
        due, due_text = parse_due_cell(toks[-1][0], ctx.year)  # 持续推进 and the like stay text
        toks = toks[:-1]
    cells: list[list[str]] = []
    while toks:
        tok = toks[-1][0]
        if re.fullmatch(r"\([^()]+\)", tok) and is_unit_like(tok[1:-1]):
            cells.insert(0, [tok[1:-1]])  # "(建管站)": a sub-unit written after its parent
        elif _unit_cell(tok):
            if cells and re.search(r"[、,]$", tok):
                cells[0] = _unit_cell(tok) + cells[0]  # the cell wraps onto the next line
            else:
                cells.insert(0, _unit_cell(tok))
        else:
            break
        toks = toks[:-1]
    if not cells:
        return None
    text_end = toks[-1][2] if toks else r["text_start"]
    text = ctx.work[r["text_start"]:text_end]
    typ = _row_type([x[0] for x in toks])
    if not has_due:
        due, due_text = text_deadline(text, ctx.year)
    lead: list[str] = []
    names = [u for c in cells for u in c]
    if any(c in _LEAD_COLS for c in t.columns) and any(c in _RESP_COLS for c in t.columns):
        # cells in column order: a row with one unit cell has its lead only
        lead, names = cells[0], [u for c in cells[1:] for u in c]
    elif any(c in _LEAD_COLS for c in t.columns) and not any(c in _RESP_COLS for c in t.columns):
        lead, names = names, []
    task = _task(ctx, ref, text, lead, names, due, due_text, r["start"], r["end"])
    task["_type"] = typ
    return task


_CIRCLED = "①②③④⑤⑥⑦⑧⑨⑩"


def _sub_item_tasks(ctx, t, r, ref) -> list:
    """A row whose task cell holds sub-items ①, ②, … each with its own deadline and unit cells after it
    (``1 项目 ①内容 进度 单位… ②内容 进度 单位…``, one cell a line): one task per sub-item, ref ``附件.1①``
    (round 20, ext-310). Every sub-item must end in unit cells, else the row is read whole."""
    toks = r["tokens"]
    at = [k for k, x in enumerate(toks) if x[0][:1] in _CIRCLED]
    if len(at) < 2 or [toks[k][0][0] for k in at] != list(_CIRCLED[:len(at)]):
        return []
    out = []
    for n, k in enumerate(at):
        part = toks[k:at[n + 1]] if n + 1 < len(at) else toks[k:]
        sub = {"number": r["number"], "start": part[0][1], "end": part[-1][2], "text_start": part[0][1],
               "tokens": part}
        task = _task_row(ctx, t, sub, ref + part[0][0][0])
        if not task or not (task["lead"] or task["responsible"]):
            return []
        task["text"] = task["text"][1:].lstrip()  # the sub-item's mark is its ref
        out.append(task)
    return out


def _row_type(cells: list) -> str:
    """The short cells before a row's task text (任务类型/任务名称: 海绵城市 建设管理)."""
    out = ""
    for c in cells[:-1] if len(cells) > 1 else []:
        if len(c) > 8 or re.search(r"[。,;:]", c):
            break
        out += c
    return out


def _line_tables(ctx: NoticeContext, tables, out: list):
    """Rows of responsibility tables laid out one cell a line (no 序号 column)."""
    for t in tables:
        unit_roles = [r for r in t.roles if r != "due"]
        if t.cut_at is not None:
            ctx.warn(f"table row at {t.cut_at}: its unit cell ends the text (the copy may be cut inside it); not read")
        for r in t.rows:
            lead, resp = [], []
            for role, cell in zip(unit_roles, r.cells):
                (lead if role == "lead" else resp).extend(cell)
            # a cell that says who leads (A、B牵头,C按职能分工落实): those lead (round 14, ext-178)
            lead += [u for u in r.cell_leads if u not in lead]
            resp = [u for u in resp if u not in r.cell_leads]
            if len(r.cells) < len(unit_roles):
                ctx.warn(f"table row 附件.{r.ref}: {len(r.cells)} unit cells for {len(unit_roles)} unit columns; "
                         f"read in column order")
            due, due_text = parse_due_cell(r.due_cell, ctx.year) if r.due_cell else text_deadline(r.text, ctx.year)
            out.append(_task(ctx, f"附件.{r.ref}", r.text, lead, resp, due, due_text, r.start, r.end))
            out[-1]["_type"] = r.project_title


def _unit_lists(ctx: NoticeContext, lists, out: list):
    """Rows of unit / task lists; a list titled with a year (2019年…目标任务分解表) sets that
    year's targets: due at its end unless the text states a date."""
    for n, ul in enumerate(lists, 1):
        ym = re.match(r"((?:19|20)\d{2})年", ul.title)
        for i, (unit, text, a, b) in enumerate(ul.rows, 1):
            due, due_text = text_deadline(text, ctx.year)
            if due is None and ym:
                due, due_text = f"{ym.group(1)}-12-31", ym.group(0)
            out.append(_task(ctx, f"附件.{n}.{i}" if len(lists) > 1 else f"附件.{i}", text, [],
                             split_assignees(unit), due, due_text, a, b))


_LEAD_COLS = _TLX.columns_of("lead")
_RESP_COLS = _TLX.columns_of("responsible")


def _bigrams(s: str) -> set:
    s = re.sub(f"[^{CJK}]", "", s)
    return {s[i:i + 2] for i in range(len(s) - 1)}


def _common_run(a: str, b: str) -> int:
    """Length of the longest common substring of two short strings."""
    best = 0
    for i in range(len(a)):
        for j in range(i + best + 1, len(a) + 1):
            if a[i:j] in b:
                best = j - i
            else:
                break
    return best


def _drop_restated(ctx, body: list, rows: list) -> list:
    """Where a notice has a responsibility table, its rows are the tasks: a body item that
    restates a row (its heading names the row's task type, or its words are the row's)
    is evidence for the row, not a task of its own. The rows follow the body's order: a row
    matched by none, between two matched rows, is restated by the body item between their
    items that names exactly its units."""
    match = {}  # body index -> row index
    for bi, t in enumerate(body):
        head = re.split(r"[。;]", t["text"], maxsplit=1)[0]
        units = set(t["lead"] + t["responsible"])
        bg = _bigrams(t["text"])
        best = (0.0, None)
        for ri, r in enumerate(rows):
            typ = r.get("_type") or ""
            shared = units & set(r["lead"] + r["responsible"])
            if not shared:
                continue
            run = _common_run(typ, head) if typ and len(head) <= 30 else 0
            rb = _bigrams(r["text"])
            words = len(bg & rb) / min(len(bg), len(rb)) if bg and rb else 0
            both = units | set(r["lead"] + r["responsible"])
            if run >= 4 and run * 2 >= len(typ):
                score = 2 + run / len(typ)  # its heading names the row's task type
            elif words >= 0.6 or (words >= 0.4 and len(shared) >= 0.6 * len(both)):
                score = words  # the row's words, or many of its words and most of its units
            else:
                continue
            if score > best[0]:
                best = (score, ri)
        if best[1] is not None:
            match[bi] = best[1]
    matched_rows = set(match.values())
    for ri, r in enumerate(rows):
        if ri in matched_rows or ri - 1 not in matched_rows or ri + 1 not in matched_rows:
            continue
        lo = max(bi for bi, x in match.items() if x == ri - 1)
        hi = min(bi for bi, x in match.items() if x == ri + 1)
        runits = set(r["lead"] + r["responsible"])
        between = [bi for bi in range(lo + 1, hi) if bi not in match
                   and set(body[bi]["lead"] + body[bi]["responsible"]) == runits]
        if len(between) == 1:
            match[between[0]] = ri
    return [t for bi, t in enumerate(body) if bi not in match] + rows
