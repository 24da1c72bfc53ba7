"""Tasks: work assigned to units, with lead / responsible units and deadlines.

Constructs:
- parenthetical assignments: ``…(牵头单位:区发改委;责任单位:区统计局)``;
- flattened responsibility tables: ``序号 任务目标 责任单位 完成时限 1 … 区委宣传部 5月底 2 …``
  (when a notice has one, its rows are the tasks and the body prose is their evidence);
- target tables keyed by unit (``序号 街道 老旧小区总数 …``);
- duty clauses whose subject is a unit list: ``(一)区人力资源局:负责…``, ``2、区发改委负责…``,
  ``区考评办要将…``, including abbreviated lists ``区建设、水务、园林等部门分别负责A、B、C``.
Where a notice has sections on the division of duties (分工, 职责), duty clauses are
read there only.
"""

from __future__ import annotations

import re

from .context import NoticeContext
from .deadlines import DEADLINE_RE, parse_deadline, parse_due_cell, text_deadline
from .line_tables import find_line_tables, find_unit_lists
from .lexicon import load_lexicon
from .assignees import all_assignees, expand_sub_units, is_assignee, plausible_name, split_assignees
from .mentions import CJK, is_unit_like, split_unit_list
from .task_lexicon import is_collective, task_lexicon

__all__ = ["build_tasks"]

_LEX = load_lexicon()
_TLX = task_lexicon()

_LEAD_LABELS = _TLX.labels_of("lead")
_RESP_LABELS = _TLX.labels_of("responsible")
_LABEL_RE = "|".join(map(re.escape, sorted(_LEAD_LABELS + _RESP_LABELS, key=len, reverse=True)))
# A bracket after a measure (one level of brackets inside: 区委宣传部(区文明办)).
_BRACKET = re.compile(r"\((?P<body>(?:[^()\n]|\([^()\n]{0,30}\)){2,300}?)\)"
                      r"|\[(?P<sq>(?:[^\[\]()\n]|\([^()\n]{0,30}\)){2,300}?)\]")  # also [牵头单位:…]
_ASSIGN_END = "|".join(map(re.escape, sorted((w for w, r in _TLX.assign_words.items() if r != "with"),
                                              key=len, reverse=True)))
_WITH = "|".join(map(re.escape, [w for w, r in _TLX.assign_words.items() if r == "with"]))

_SELF_ROLES = {"各责任单位", "责任单位", "牵头单位", "各牵头单位"}


def _as_written(ctx, name: str, a: int, b: int) -> str:
    """``name`` (found in the work text) as the source writes it: full-width brackets,
    Traditional characters."""
    pos = ctx.work.find(name, a, b)
    if pos == -1:
        pos = ctx.work.find(name)
    return ctx.notice.text[pos:pos + len(name)] if pos != -1 else name


def _task(ctx, ref, text, lead, resp, due, due_text, a, b, note=None):
    lead = _dedupe(lead)
    resp = [u for u in _dedupe(resp) if u not in lead]
    if ctx.notice.text != ctx.work:
        lead = [_as_written(ctx, u, a, b) for u in lead]
        resp = [_as_written(ctx, u, a, b) for u in resp]
    f = {"kind": "task", "doc": ctx.doc, "ref": ref, "text": re.sub(r"\s+", "", text)[:300],
         "lead": lead, "responsible": resp, "due": due}
    if due_text:
        f["due_text"] = due_text
    if note:
        f["note"] = note
    f["evidence"] = ctx.evidence(a, b)
    return f


def _dedupe(xs):
    out = []
    for x in xs:
        if x and x not in out:
            out.append(x)
    return out


_ANY_LABEL_RE = "|".join(map(re.escape, sorted(_TLX.labels, key=len, reverse=True)))


def _parse_assignment(body: str, year=None):
    """(lead, responsible, due, due text) of ``牵头单位:A;责任单位:B、C;完成时限:…`` (适用范围 is no assignee)."""
    lead, resp, due, due_text = [], [], None, None
    for part in re.split(rf"[;,]\s*(?=(?:{_ANY_LABEL_RE})\s*:)", body):
        label, _, units = part.partition(":")
        role = _TLX.labels.get(label.strip())
        if role == "due":
            due, due_text = parse_due_cell(units.strip().rstrip("。;,"), year)
        elif role in ("lead", "responsible"):
            names = split_assignees(units.strip().rstrip("。;,"))
            (lead if role == "lead" else resp).extend(names)
    return lead, resp, due, due_text


def _read_bracket(body: str, year=None):
    """(lead, responsible, due, due text) of an assignment bracket, or None.

    Labelled (``牵头单位:A;责任单位:B``) or worded: ``A负责``, ``A牵头,B参与``,
    ``A、B按职责分工负责``, ``A会同B负责`` (both responsible).
    """
    body = body.strip()
    if re.match(rf"(?:{_LABEL_RE})\s*:", body):
        return _parse_assignment(body, year)
    lead, resp = [], []
    for part in re.split(r"[,;]", body):
        m = re.fullmatch(rf"(?P<u>.+?)(?P<w>{_ASSIGN_END})", part.strip())
        if not m:
            return None
        pieces = re.split(_WITH, m.group("u")) if _WITH else [m.group("u")]
        names = [n for piece in pieces for n in split_assignees(piece)]
        if not all_assignees(names):
            return None
        lead_role = _TLX.assign_words[m.group("w")] == "lead" and len(pieces) == 1
        (lead if lead_role else resp).extend(names)
    return lead, resp, None, None


def _parentheticals(ctx: NoticeContext, out: list, covered: list):
    work = ctx.work
    ends = []  # where earlier assignment brackets end
    for m in _BRACKET.finditer(work):
        body = m.group("body") or m.group("sq")
        got = _read_bracket(body, ctx.year)
        if not got or not (got[0] or got[1]):
            if re.search(rf"(?:{_ASSIGN_END})$", body.strip()) and len(body) <= 80 and \
                    not re.search(r"[。;]", body) and not body.strip().startswith(_VERB_STARTS):
                # (…等负责) whose names are not all units: say so rather than guess
                ctx.warn(f"{ctx.outline.ref_at(m.start())}: assignee of the measure unclear in '({body.strip()})'; "
                         f"no task")
            continue
        lead, resp, pdue, pdue_text = got
        item = ctx.outline.item_at(m.start(), levels=(2, 3, 4))
        start = item.end if item and item.end <= m.start() else _sentence_start(work, m.start())
        # The item ends at the parenthesis; a previous item's assignment may lie in between.
        prev = max((e for e in ends if start <= e <= m.start()), default=-1)
        if prev != -1:
            start = prev
        ends.append(m.end())
        text = work[start:m.start()].strip()
        due, due_text = text_deadline(text, ctx.year)
        if pdue_text:
            due, due_text = pdue, pdue_text
        out.append(_task(ctx, ctx.outline.ref_at(m.start()), text, lead, resp, due, due_text,
                         item.start if item and item.end <= m.start() else start, m.end()))
        covered.append((item.start if item else start, m.end()))


_DUE_LABELS = _TLX.labels_of("due")
_LABEL_LINE = re.compile(
    rf"(?:^|(?<=[\s。;]))(?P<label>{_LABEL_RE}|{'|'.join(_DUE_LABELS)})\s*:\s*(?P<val>[^\s;。()]+)")


def _label_lines(ctx: NoticeContext, out: list, covered: list):
    """Assignments written as labelled lines under an item: 牵头单位:… 责任单位:… 完成时限:…"""
    work = ctx.work
    found = [m for m in _LABEL_LINE.finditer(work) if not _inside_parens(work, m.start())]
    if not found:
        return
    by_item: dict[int, list] = {}
    for m in found:
        item = ctx.outline.item_at(m.start(), levels=(2, 3, 4))
        if item is None:
            continue
        by_item.setdefault(item.start, []).append((item, m))
    for _, ms in by_item.items():
        item = ms[0][0]
        lead, resp, due, due_text = [], [], None, None
        for _, m in ms:
            label, val = m.group("label"), m.group("val")
            if label in _DUE_LABELS:
                due, due_text = parse_due_cell(val, ctx.year)
                continue
            names = split_assignees(val)
            (lead if label in _LEAD_LABELS else resp).extend(names)
        if not lead and not resp:
            continue
        first = ms[0][1].start()
        last = ms[-1][1].end()
        text = work[item.end:first].strip()
        out.append(_task(ctx, ctx.outline.ref_at(item.start), text, lead, resp, due, due_text, item.start, last))
        covered.append((item.start, last))


def _inside_parens(work: str, pos: int) -> bool:
    for a, b in (("(", ")"), ("[", "]")):
        o = work.rfind(a, max(0, pos - 200), pos)
        if o != -1 and work.find(b, o, pos) == -1:
            return True
    return False


def _sentence_start(work: str, pos: int) -> int:
    i = max(work.rfind(c, 0, pos) for c in "。;")
    return i + 1


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


def _unit_cell(tok: str) -> list[str] | None:
    """The units of one table cell (``区民政局`` or ``区发改委、区财政局``), or None."""
    if re.search(r"[。;:]", tok):
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
        for r in t.rows:
            lead, resp = [], []
            for role, cell in zip(unit_roles, r.cells):
                (lead if role == "lead" else resp).extend(cell)
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


# Duty clauses -----------------------------------------------------------------------------

_VERB_RE = re.compile("|".join(map(re.escape, _TLX.verbs)))
_VERB_STARTS = tuple(v for v in _TLX.verbs if len(v) >= 2)
_STRICT = re.compile(r"^(?:[^,。;]{0,8}?)(" + "|".join(map(re.escape, _TLX.strict_verbs)) + ")")
_ABBREV_TAIL = re.compile(r"等(?:相关|有关|职能)?(?:部门|单位)(?:和单位)?$")
_KIND_TAIL = re.compile(f"、[{CJK}]{{1,10}}等(?P<kind>[{CJK}]{{2,10}}(?:部门|单位))$")
_LEVELS = ("区", "市", "县", "省", "镇", "乡", "州", "旗")
_DUTY_HEAD = re.compile(r"(分工|职责|责任分解|任务分解|责任主体)")


_MARKER_PREFIX = re.compile(r"^\s*(?:[一二三四五六七八九十]{1,3}、|\([一二三四五六七八九十]{1,3}\)|\d{1,3}[、.]|\(\d{1,2}\))\s*")


_OTHER_BODIES = f"其他[{CJK}]{{2,16}}(?:单位|机构|部门)"


def _subject_at(clause: str, m: re.Match, sectors: bool = True):
    subj = clause[: m.start()].strip()
    if not subj or re.search(r"[,。;\s]", subj):
        return None
    if subj.startswith(_VERB_STARTS) or subj.startswith(_TLX.no_subject):
        return None
    if subj[-1] in "都均也" and len(subj) > 3 and not is_assignee(split_assignees(subj)[-1]):
        subj = subj[:-1]  # 各地区、各部门和各单位都要…
    tail = _ABBREV_TAIL.search(subj)
    if tail:
        # 区建设、水务、园林等部门: fields of one level's departments, each as written;
        # in a central-government notice 财政、发展改革等部门 names sectors, not units.
        named = split_assignees(subj[: tail.start()])
        if named and all(is_assignee(x) for x in named) and not named[0].startswith(_VERB_STARTS):
            return named  # 科技部、工业和信息化部等部门: the units named
        items = [x for x in subj[: tail.start()].split("、") if x]
        if items and (sectors or items[0].startswith(_LEVELS)) and all(re.fullmatch(f"[{CJK}]{{1,8}}", x) for x in items):
            return items
        return None
    kind = _KIND_TAIL.search(subj)
    if kind and is_collective(kind.group("kind")):
        return [kind.group("kind")]  # 教育、交通…等行业主管部门: the kind of unit named
    items = split_assignees(subj)
    if items and (items[0].startswith(_VERB_STARTS) or any("等" in x for x in items)):
        return None  # 发挥行业协会、商会、慈善机构等社会(组织作用): a verb phrase, not a subject
    if items and all(is_assignee(x) or (_is_group(x) and plausible_name(x)) for x in items):
        return items
    kinds = [x for x in re.split(r"、|以及|及|和(?!单位|部门)", subj) if x]
    if len(kinds) > 1 and kinds[0].startswith("各") and is_collective(kinds[0]) and m.group() in _TLX.strong_verbs \
            and all(is_assignee(x) or re.fullmatch(f"[{CJK}]{{2,6}}", x) or re.fullmatch(_OTHER_BODIES, x)
                    for x in kinds[1:]) and not any(x.startswith(_VERB_STARTS) for x in kinds) \
            and (re.fullmatch(_OTHER_BODIES, kinds[-1]) or is_collective(kinds[-1])):
        return kinds  # 各高校、科研院所、国有企业和智库以及其他承担科研任务的单位要…: kinds of bodies
    for coll in sorted(_LEX.collectives, key=len, reverse=True):
        if subj.endswith(coll) and len(coll) >= 4 and not _VERB_RE.search(subj[: -len(coll)]):
            return [coll]  # 议案、建议案主办部门: the collective named at the end
    return None


def _subject(clause: str, sectors: bool = True):
    """(units, predicate start) when ``clause`` opens with a unit list and a predicate.

    A subject followed by a strong predicate (负责, 要, 将, :) wins over a shorter one
    followed by a weaker verb (区城乡统筹办负责 is not 区城乡 + 统筹).
    """
    weak = None
    for m in _VERB_RE.finditer(clause[:80]):
        if re.search(r"[,。;]", clause[: m.start()]):
            break
        if m.group() == "负责" and (clause.startswith("同志", m.end()) or
                                    (clause.startswith("人", m.end()) and not clause.startswith("人员", m.end()))):
            continue  # 区经发局负责人, 负责同志: a person, not a duty (负责人员密集场所… is one)
        items = _subject_at(clause, m, sectors)
        if items is None:
            continue
        if m.group() in _TLX.strong_verbs:
            return items, m.start()
        if weak is None or _office_named_by_verb(clause, weak, m):
            weak = (items, m.start(), m.end())
    return weak[:2] if weak else None


_OFFICE_END = re.compile(r"(?:办公室|办|室|中心|组|处|科|站|所|局|委|部)$")


def _office_named_by_verb(clause: str, weak, m: re.Match) -> bool:
    """A unit whose name holds a duty verb (县委统筹办统筹推进…: 县委统筹办, not 县委 + 统筹):
    the longer subject runs from the weak verb to a unit ending a few characters later."""
    rest = clause[weak[2]:m.start()]
    return 1 <= len(rest) <= 3 and bool(_OFFICE_END.search(rest)) and not re.search(r"[对的和与及、]", rest)


def _is_group(x: str) -> bool:
    return any(x.endswith(s) and len(x) > len(s) + 2 for s in _LEX.group_suffixes)


def _duty_sections(ctx: NoticeContext):
    """Spans of sections whose heading speaks of duties (分工/职责); [] when there are none."""
    spans = []
    mk = ctx.outline.markers
    for i, m in enumerate(mk):
        if m.level not in (1,):
            continue
        head = re.split(r"[\s。]", ctx.work[m.end:m.end + 30], maxsplit=1)[0]
        if _DUTY_HEAD.search(head) and len(head) <= 20:
            end = len(ctx.work)
            for n in mk[i + 1:]:
                if n.level <= m.level:
                    end = n.start
                    break
            spans.append((m.start, end))
    # A duty heading inside another duty section is part of it: keep the outer span only.
    return [sp for sp in spans if not any(o != sp and o[0] <= sp[0] and sp[1] <= o[1] for o in spans)]


def _duty_clauses(ctx: NoticeContext, out: list, covered: list):
    work = ctx.work
    sections = _duty_sections(ctx)
    limit = min(ctx.attachments_at or len(work), ctx.body_end)
    # Duties come after the addressee line (各部门、各直属机构: is who receives the notice).
    top = ctx.addressees_end
    regions = [(a, min(b, ctx.body_end), False) for a, b in sections] or [(top, limit, False)]
    if sections and ctx.outline.markers:
        # The covering letter before the first heading still assigns duties (区督查室要…).
        first = ctx.outline.markers[0].start
        regions = [(top, first, False)] + regions
        # Elsewhere only duties of named units count: the collectives there are exhorted.
        cuts = sorted([(first, first)] + [(a, b) for a, b, _ in regions[1:]]) + [(limit, limit)]
        regions += [(cuts[i][1], cuts[i + 1][0], True) for i in range(len(cuts) - 1) if cuts[i][1] < cuts[i + 1][0]]
    marker_ends = {m.end for m in ctx.outline.markers}
    for ra, rb, named_only in regions:
        for sm in re.finditer(r"[^。;\n]+[。;]?", work[ra:rb]):
            s0 = ra + sm.start()
            sent = sm.group()
            if any(a <= s0 < b or a < s0 + len(sent) <= b for a, b in covered):
                continue
            bare = sent.strip()
            if s0 + len(sent) - len(sent.lstrip()) not in marker_ends and not _MARKER_PREFIX.match(bare) and (
                    bare.endswith(":") or (not bare.endswith(("。", ";")) and bare.endswith(_TLX.doc_genres))):
                continue  # an addressee line (机关各部门、各居委会:) or a title line (…实施方案)
            duties = _sentence_duties(sent, s0, marker_ends, not _national(ctx))
            if not duties and _ALL_ABOVE.match(bare):
                # 以上工作要在2019年2月底前完成: the deadline of the section's duties so far
                d, dt = text_deadline(bare, ctx.year)
                if d:
                    for t in out:
                        if t.get("_sec") == _section_of(ctx, s0) and t["due"] is None:
                            t["due"], t["due_text"] = d, dt
                continue
            item = ctx.outline.item_at(s0 + len(sent) - len(sent.lstrip()))
            head_unit = out and item is not None and out[-1].get("_item") == item.start and out[-1].get("_head")
            if head_unit:
                duties = []  # 1.街道消委办。牵头…。消委办负责…: the item is the headed unit's
                if out[-1]["text"] == "" and re.match(r"\s*牵头", sent):
                    out[-1]["lead"], out[-1]["responsible"] = out[-1]["responsible"], []
            if not duties and out and item is not None and out[-1].get("_item") == item.start \
                    and out[-1]["evidence"]["start"] < s0:
                # A clause without its own subject continues the item's duty (…;协助做好…);
                # with a deadline of its own it is a further task of the same units
                # (…每月19日报送当月工作小结;12月18日前报送工作总结).
                prev = out[-1]
                own_due = text_deadline(sent, ctx.year)
                if own_due[0] and prev["due"] and own_due[0] != prev["due"] and out[-1]["evidence"]["end"] <= s0:
                    out.append(_task(ctx, ctx.outline.ref_at(s0), sent, prev["lead"], prev["responsible"],
                                     own_due[0], own_due[1], s0, s0 + len(sent)))
                    out[-1]["_item"] = item.start
                    continue
                prev["text"] = (prev["text"] + re.sub(r"\s+", "", sent))[:300]
                prev["evidence"] = ctx.evidence(prev["evidence"]["start"], s0 + len(sent))
                continue
            if named_only:
                duties = [d for d in duties if (d[2] + d[3]) and all(
                    is_assignee(u) and not is_collective(u) and not _is_group(u) for u in (d[2] + d[3])[:1])]
            for a, b, lead, units, body in duties:
                due, due_text = text_deadline(work[a:b], ctx.year, context=work[s0:a])
                if due is None and due_text is None:
                    due, due_text = _item_deadline(ctx, a)
                ref = ctx.outline.ref_at(a)
                pair = re.match(r"分别(?:负责)?(?P<verb>落实|做好|承担|负责)?(?P<objs>[^,。;]+)", body)
                objs = pair.group("objs").split("、") if pair else []
                if pair and len(objs) == len(units) > 1:
                    verb = pair.group("verb") or ""
                    for u, o in zip(units, objs):
                        out.append(_task(ctx, ref, f"{verb}{o}", lead, [u], due, due_text, a, b))
                else:
                    resp = [x for u in units for x in expand_sub_units(u)]
                    out.append(_task(ctx, ref, body, lead, resp, due, due_text, a, b))
                if item is not None:
                    out[-1]["_item"] = item.start
                    out[-1]["_head"] = body == "" and bool(units)
                out[-1]["_sec"] = _section_of(ctx, a)


# What may open a duty clause before its subject: a deadline (9月30日前,), a request (请).
_CLAUSE_PREFIX = re.compile(
    r"(?:(?:(?:19|20)\d{2}年)?(?:\d{1,2}月(?:\d{1,2}日|底|末|份|中旬|上旬|下旬)?|年底|年内)(?:前|之前|以前)(?:,)?)?(?:请)?")
_PARTNER_VERBS = "(?:负责)?(?:" + "|".join(
    map(re.escape, [w for w, r in _TLX.assign_words.items() if r == "responsible" and w != "负责"])) + ")"
_BY = r"(?:分别|统一|主要)?由"
_COMPOSED = re.compile(r"[^,。;]{0,40}?(?:组成|参加|选派|抽调)")  # 由A、B选派人员参加: who staffs a body
_WITH_LIST = [w for w, r in _TLX.assign_words.items() if r == "with"]
_WITH_WORDS = tuple(p + w for w in _WITH_LIST for p in ("", "要", "负责", "应", "将"))
_PARTNERS = re.compile(r"(?:要|负责|应|将)?(?:" + "|".join(map(re.escape, _WITH_LIST)) + r")"
                       r"(?P<u>[^,。;]{2,60}?)(?:等(?:有关|相关|职能)?(?:部门|单位)|"
                       r"(?=对|将|在|,|$|" + "|".join(map(re.escape, (v for v in _TLX.verbs if len(v) >= 2))) + "))")


def _exhortation(units: list, pred: str) -> bool:
    """各部门、各单位要高度重视…: collectives asked for attention (exhortations.txt)."""
    if not units or not all(is_collective(u) for u in units):
        return False
    pred = re.sub(r"^(?:都|均)?(?:要|应|须|必须|应当)?", "", pred).rstrip("。;, ")
    return pred.startswith(_TLX.exhortations) or (len(pred) <= 16 and pred.endswith(_TLX.exhortation_ends))


def _with_partners(clause: str, units: list, pstart: int):
    """``A会同B…``: B's named units are responsible with A (会同 is no lead wording);
    ``会同有关部门`` adds no one. Returns (units, predicate start)."""
    m = _PARTNERS.match(clause, pstart)
    if not m:
        return units, pstart
    partners = split_assignees(m.group("u"))
    if not all_assignees(partners):
        return units, pstart
    named = [u for u in partners if not u.startswith(("有关", "相关", "其他有关", "各有关", "各相关"))]
    return units + named, pstart


_HEAD_DUE = re.compile(r"\((?P<d>[^()]{2,24})\)\s*$")


def _item_deadline(ctx, pos: int):
    """A deadline stated once for an item: at its heading (``(一)动员部署阶段(8月31日前)``,
    ``(二)排查整治阶段(9月1日至11月30日)``) or opening it (``1.9月30日前,A…。B…。``);
    the innermost item that states one gives it."""
    work = ctx.work
    enc = ctx.outline.enclosing(pos)
    for lv in (4, 3, 2, 1):
        mk = enc.get(lv)
        if mk is None:
            continue
        head = re.split(r"[。;\n]", work[mk.end:mk.end + 40], maxsplit=1)[0]
        hm = _HEAD_DUE.search(head) if len(head) <= 30 else None
        if hm and DEADLINE_RE.search(hm.group("d")):
            d, dt = parse_deadline(hm.group("d"), ctx.year)
            if d:
                return d, dt
        om = _CLAUSE_PREFIX.match(work, mk.end)
        if om and om.end() > mk.end and not work[mk.end:om.end()].startswith("请"):
            d, dt = parse_deadline(work[mk.end:om.end()], ctx.year)
            if d:
                return d, dt
    return None, None


_ALL_ABOVE = re.compile(r"(?:以上|上述)(?:各项)?(?:工作|任务)")


def _section_of(ctx, pos: int):
    """Where the innermost outline part holding ``pos`` starts."""
    enc = ctx.outline.enclosing(pos)
    return max((m.start for m in enc.values()), default=-1)


def _national(ctx) -> bool:
    """A central-government notice (national_markers.txt)."""
    return any(x.startswith(_TLX.national_markers) for x in (ctx.doc or "", ctx.notice.issuer or "", ctx.notice.title or ""))


def _sentence_duties(sent: str, s0: int, marker_ends: set, sectors: bool = True):
    """Duties in one sentence: (start, end, lead units, units, predicate text) per subject.

    The first subject opens the sentence (after an outline marker or a layout gap);
    later ones open a comma clause with a strong predicate (…,区新闻宣传中心负责…).
    """
    found = []  # (clause start in sent, lead, units, predicate start in sent)
    starts = {0} | {m.end() for m in re.finditer(r"\s+", sent)}
    starts |= {p - s0 for p in marker_ends if s0 <= p < s0 + len(sent)}
    for st in sorted(starts):
        if sent.count("《", 0, st) > sent.count("》", 0, st):
            continue  # inside a quoted title (《…办公室印发〈…〉的通知》)
        pm = _MARKER_PREFIX.match(sent[st:])
        if pm:
            st += pm.end()
        clause = sent[st:]
        lead_units = []
        c0 = st
        hm = re.fullmatch(r"(?P<u>[^,。;:\s]{2,8})。\s*", clause)
        if hm and st > 0 and not hm.group("u").startswith(_VERB_STARTS) and \
                all(is_unit_like(u) and plausible_name(u) for u in split_assignees(hm.group("u"))):
            # 1.街道消委办。: an item headed by the unit whose duties follow
            found.append((c0, [], split_assignees(hm.group("u")), st + len(hm.group("u")) + 1))
            break
        pre = _CLAUSE_PREFIX.match(clause)
        if pre and pre.end():
            clause = clause[pre.end():]
            st += pre.end()
        bm = re.match(r"由(?P<u>[^,。;由]{2,30}?)牵头[,]?", clause)
        if bm and all(is_unit_like(u) for u in split_unit_list(bm.group("u"))):
            lead_units = split_unit_list(bm.group("u"))
            clause = clause[bm.end():]
            st += bm.end()
        elif re.match(_BY, clause) and _subject(clause[re.match(_BY, clause).end():], sectors) \
                and not _COMPOSED.search(clause[:60]):
            k = re.match(_BY, clause).end()
            clause, st = clause[k:], st + k  # 由区政府挂牌督办, 分别由A和B依法办理
        got = _subject(clause, sectors)
        if not got and not lead_units:
            continue
        units, pstart = got if got else ([], 0)
        if any(u in _SELF_ROLES or u in _LEX.roles for u in units) or _exhortation(units, clause[pstart:]):
            continue
        units, pstart = _with_partners(clause, units, pstart)
        found.append((c0, lead_units, units, st + pstart))
        break
    after = found[0][3] if found else 0
    for cm in re.finditer(r",", sent):
        if cm.start() < after:
            continue
        clause = sent[cm.end():]
        bm = re.match(r"由(?P<u>[^,。;由]{2,30}?)牵头(?:负责)?", clause)
        if bm and all_assignees(split_assignees(bm.group("u"))):
            found.append((cm.end(), split_assignees(bm.group("u")), [], cm.end() + bm.end()))  # …,由X牵头,
            continue
        leads = found and ((found[-1][1] and not found[-1][2]) or
                           (not found[-1][1] and sent.startswith("牵头", found[-1][3])))
        got = _subject(clause, sectors) if leads else None
        if got and re.match(_PARTNER_VERBS, clause[got[1]:]):
            c0, lead, units, p0 = found[-1]  # …,由X牵头,Y配合 / X牵头,Y配合
            found[-1] = (c0, lead or units, got[0], p0)
            continue
        if found and clause.startswith(_WITH_WORDS):
            units, _ = _with_partners(clause, found[-1][2], 0)  # …,会同区发展改革委等部门将…
            found[-1] = found[-1][:2] + (units,) + found[-1][3:]
            continue
        pre = _CLAUSE_PREFIX.match(clause)
        k = pre.end() if pre else 0
        bym = re.match(_BY, clause[k:])
        if bym and not re.match(r"由[^,。;]{2,30}?牵头", clause[k:]) and not _COMPOSED.search(clause[k:k + 60]):
            k += bym.end()  # …,由区政府挂牌督办
        got = _subject(clause[k:], sectors)
        if got and (k or _STRICT.match(clause[k + got[1]:]) or clause[k + got[1]:].startswith(_WITH_WORDS)) \
                and not any(u in _SELF_ROLES for u in got[0]) and not _exhortation(got[0], clause[k + got[1]:]):
            units, pstart = _with_partners(clause[k:], got[0], got[1])
            found.append((cm.end(), [], units, cm.end() + k + pstart))
    # X牵头,Y配合: X leads, Y is responsible with it.
    merged = []
    for c0, lead, units, p0 in found:
        pred = sent[p0:p0 + 6]
        if merged and merged[-1][1] and re.match(_PARTNER_VERBS, pred) and not merged[-1][4]:
            merged[-1] = merged[-1][:2] + (merged[-1][2] + units, merged[-1][3], True)
            continue
        if units and not lead and re.match(r"(?:负责)?牵头", pred):
            lead, units = units, []
        merged.append((c0, lead, units, p0, False))
    out = []
    for i, (c0, lead, units, p0, _) in enumerate(merged):
        end = merged[i + 1][0] - 1 if i + 1 < len(merged) else len(sent)
        body = sent[p0:end].lstrip(":").strip()
        out.append((s0 + c0, s0 + end, lead, units, body))
    return out


def build_tasks(ctx: NoticeContext) -> list[dict]:
    out: list[dict] = []
    covered: list[tuple[int, int]] = []
    _parentheticals(ctx, out, covered)
    _label_lines(ctx, out, covered)
    n_assigned = len(out)
    line_tables = find_line_tables(ctx.work)
    unit_lists = find_unit_lists(ctx.work)
    has_resp_table = any(_is_responsibility_table(t) for t in ctx.tables) or bool(line_tables) or bool(unit_lists)
    n_body = len(out)
    _tables(ctx, out)
    _line_tables(ctx, line_tables, out)
    _unit_lists(ctx, unit_lists, out)
    _first_leads(ctx, out[:n_assigned] + out[n_body:])
    if has_resp_table:
        out = _drop_restated(ctx, out[:n_body], out[n_body:])
    else:
        # Items with a parenthetical assignment are covered by it.
        for a, b in list(covered):
            item = ctx.outline.item_at(a, levels=(2, 3, 4))
            if item:
                covered.append((item.start, b))
        for t in ctx.tables:
            covered.append((t.start, t.end))
        _duty_clauses(ctx, out, covered)
    for t in out:
        t.pop("_item", None)
        t.pop("_type", None)
        t.pop("_head", None)
        t.pop("_sec", None)
    return out


def _first_leads(ctx, tasks: list):
    """Where the notice states once that the first unit listed leads (列第一位者为牵头单位),
    the first responsible unit of each bracket or table row without a lead is its lead."""
    if not _TLX.first_lead.search(ctx.work):
        return
    for t in tasks:
        if not t["lead"] and len(t["responsible"]) > 1:
            t["lead"], t["responsible"] = t["responsible"][:1], t["responsible"][1:]


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
    is evidence for the row, not a task of its own."""
    kept = []
    for t in body:
        head = re.split(r"[。;]", t["text"], maxsplit=1)[0]
        units = set(t["lead"] + t["responsible"])
        bg = _bigrams(t["text"])
        same = None
        for r in rows:
            typ = r.get("_type") or ""
            shared = units & set(r["lead"] + r["responsible"])
            if not shared:
                continue
            run = _common_run(typ, head) if typ and len(head) <= 30 else 0
            if run >= 4 and run * 2 >= len(typ):
                same = r
                break
            rb = _bigrams(r["text"])
            if bg and rb and len(bg & rb) / min(len(bg), len(rb)) >= 0.6:
                same = r
                break
        if same is None:
            kept.append(t)
    return kept + rows
