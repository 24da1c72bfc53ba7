"""Tasks: work assigned to units, with lead / responsible units and deadlines.

Constructs:
- assignment brackets after a measure: ``(牵头单位:区发改委;责任单位:区统计局)``,
  ``(X负责)``, ``(X牵头,Y参与)``, ``(X、Y按职责分工负责)``, ``[牵头单位:…]``;
- labelled lines under an item: ``牵头单位:… 责任单位:… 完成时限:…``;
- tables (task_tables): numbered responsibility tables, tables one cell a line, unit / target
  lists; where a notice has one, its rows are the tasks and the body prose is their evidence;
- duty clauses in prose (duties): ``区发改委负责…``, ``X牵头,Y配合``, ``A会同B…``.
A notice-level rule ``列第一位者为牵头单位`` makes the first unit listed the lead.
The vocabulary (labels, columns, verbs, collectives) is data: task_lexicon.
"""

from __future__ import annotations

import re
from typing import Any

from .bare_brackets import bare_brackets
from .assignees import all_assignees, is_assignee, split_assignees
from .context import NoticeContext
from .deadlines import EACH_DATE, parse_deadline, parse_due_cell, text_deadline
from .lexicon import data_lines, load_lexicon
from .mentions import CJK
from .duties import _SET_UP_OFFICE_DAILY, _SHARED_EACH, _VERB_STARTS, _duty_clauses
from .duty_lists import duty_lists
from .lead_sections import lead_sections
from .line_tables import find_line_tables, find_unit_lists
from .role_copulas import place_paragraphs, role_paragraphs
from .standing_duties import headed_group_duties, main_duties, rules_organ, set_up_office, transfers
from .task_common import _task
from .release_schedules import release_schedules
from .unit_headings import unit_headings
from .task_lexicon import task_lexicon
from .task_tables import _drop_restated, _is_responsibility_table, _line_tables, _tables, _unit_lists

__all__ = ["build_tasks"]


_TLX = task_lexicon()
# (lead units, responsible units, due date, due as written) of one assignment
_Assignment = tuple[list[str], list[str], str | None, str | None]
_LEAD_LABELS = _TLX.labels_of("lead")
_RESP_LABELS = _TLX.labels_of("responsible")
_LABEL_RE = "|".join(map(re.escape, sorted(_LEAD_LABELS + _RESP_LABELS, key=len, reverse=True)))


# A bracket after a measure (one level of brackets inside: 区委宣传部(区文明办)).
_BRACKET = re.compile(r"\((?P<body>(?:[^()\n]|\([^()\n]{0,30}\)){2,300}?)\)"
                      r"|\[(?P<sq>(?:[^\[\]()\n]|\([^()\n]{0,30}\)){2,300}?)\]"  # also [牵头单位:…]
                      r"|〔(?P<lb>(?:[^〔〕()\n]|\([^()\n]{0,30}\)){6,300}?)〕")  # and 〔A牵头,B参与。…〕
_ASSIGN_END = "|".join(map(re.escape, sorted((w for w, r in _TLX.assign_words.items() if r != "with"),
                                              key=len, reverse=True)))
_WITH = "|".join(map(re.escape, [w for w, r in _TLX.assign_words.items() if r == "with"]))
_ANY_LABEL_RE = "|".join(map(re.escape, sorted(_TLX.labels, key=len, reverse=True)))


# A label in an assignment: 配合单位: / 配合单位(部门): (a kind in brackets after it)
_PART_LABEL = re.compile(rf"(?P<label>{_ANY_LABEL_RE})(?:\([{CJK}]{{1,6}}\))?\s*:")


def _parse_assignment(body: str, year: int | None = None) -> _Assignment:
    """(lead, responsible, due, due text) of ``牵头单位:A;责任单位:B、C;完成时限:…`` (适用范围 is no assignee).

    Each label starts a part, whatever separates it from the last one (``;``, ``,``, a layout space);
    a part's last comma clause that is a deadline and no assignee (``责任单位:A、B,6月底前完成``) dates it.

    >>> _parse_assignment("牵头单位:区发改委  配合单位(部门):区财政局/区统计局,6月底前完成", 2020)
    (['区发改委'], ['区财政局', '区统计局'], '2020-06-30', '6月底前')
    """
    lead: list[str] = []
    resp: list[str] = []
    due, due_text = None, None
    marks = list(_PART_LABEL.finditer(body))
    for i, m in enumerate(marks):
        units = body[m.end():marks[i + 1].start() if i + 1 < len(marks) else len(body)].strip().rstrip("。;,、 ")
        role = _TLX.labels.get(m.group("label"))
        if role == "due":
            due, due_text = parse_due_cell(units, year)
        elif role in ("lead", "responsible"):
            head, sep, tail = units.rpartition(",")
            tail_due = parse_deadline(tail, year) if sep and not due_text and not is_assignee(tail) else (None, None)
            if tail_due[1]:
                units = head.rstrip(",、 ")
                due, due_text = tail_due
            names = split_assignees(units)
            (lead if role == "lead" else resp).extend(names)
    return lead, resp, due, due_text


def _read_bracket(body: str, year: int | None = None) -> _Assignment | None:
    """(lead, responsible, due, due text) of an assignment bracket, or None.

    Labelled (``牵头单位:A;责任单位:B``) or worded: ``A负责``, ``A牵头,B参与``,
    ``A、B按职责分工负责``, ``A会同B负责`` (both responsible).

    >>> _read_bracket("牵头单位:区发改委;责任单位:区统计局、区财政局")
    (['区发改委'], ['区统计局', '区财政局'], None, None)
    >>> _read_bracket("区发改委、区财政局按职责分工负责"), _read_bracket("加强管理")
    (([], ['区发改委', '区财政局'], None, None), None)
    >>> _read_bracket("省发改委、省财政厅负责。列第一位的为牵头部门,下同")
    ([], ['省发改委', '省财政厅'], None, None)
    """
    body = body.strip()
    stop = body.find("。")
    if stop > 0 and (_TLX.first_lead.search(body, stop) or body.startswith("以下", stop + 1)):
        # (A、B负责。列第一位的为牵头部门,下同) / 〔…C负责落实。以下各项工作均需C落实,不再列出。〕:
        # a rule of the notice follows the assignment
        body = body[:stop]
    if re.match(rf"(?:{_LABEL_RE})\s*:", body):
        return _parse_assignment(body, year)
    lead: list[str] = []
    resp: list[str] = []
    due, due_text = None, None
    parts = re.split(r"([,;])", body)
    seps, parts = parts[1::2] + [""], parts[::2]
    pending: list[str] = []  # units before a comma whose list goes on to the assignment word
    for i, part in enumerate(parts):
        m = re.fullmatch(rf"(?P<u>.+?)(?P<w>{_ASSIGN_END})", part.strip())
        last_due = parse_deadline(part.strip(), year) if not m and i == len(parts) - 1 and i > 0 and (lead or resp) \
            and not pending else (None, None)
        if last_due[0]:
            due, due_text = last_due  # (A牵头,B配合,6月底前完成): the last part dates it
            continue
        if not m and seps[i] == "," and part.strip() and _all_units(_bracket_names(part.strip())):
            # (A、B牵头;C、D,E、F,各州、市人民政府配合): one list of units, written with commas between its kinds
            # (round 21, ext-336)
            pending.extend(_bracket_names(part.strip()))
            continue
        if not m:
            return None
        pieces = re.split(_WITH, m.group("u")) if _WITH else [m.group("u")]
        names = [n for piece in pieces for n in _bracket_names(piece)]
        if not _all_units(names):
            return None
        lead_role = _TLX.assign_words[m.group("w")] == "lead" and len(pieces) == 1
        (lead if lead_role else resp).extend(pending + names)
        pending = []
    if pending:
        return None
    return lead, resp, due, due_text


def _bracket_names(piece: str) -> list[str]:
    """The units of a piece of an assignment bracket; 各州、市人民政府 (one 各 over kinds of local government) is one."""
    return [piece.strip()] if _SHARED_EACH.fullmatch(piece.strip()) else split_assignees(piece)


def _all_units(names: list[str]) -> bool:
    shared = [n for n in names if _SHARED_EACH.fullmatch(n)]
    return bool(names) and (all_assignees([n for n in names if n not in shared]) if len(shared) < len(names) else True)


def _parentheticals(ctx: NoticeContext, out: list[dict[str, Any]], covered: list[tuple[int, int]]) -> None:
    """Tasks assigned in a bracket after the measure, added to ``out``; their spans to ``covered``."""
    work = ctx.work
    ends: list[int] = []  # where earlier assignment brackets end
    for m in _BRACKET.finditer(work):
        body = m.group("body") or m.group("sq") or m.group("lb")
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
        if not text and start > 0 and (item is None or item.end > m.start()):
            # 。(A牵头;B配合) after the paragraph's last sentence: the text is that sentence; the bracket may assign the
            # whole paragraph, so the sentence's date is not the task's (round 21, ext-336)
            start = _sentence_start(work, start - 1)
            text = work[start:m.start()].strip()
        if pdue_text:
            due, due_text = pdue, pdue_text
        out.append(_task(ctx, ctx.outline.ref_at(m.start()), text, lead, resp, due, due_text,
                         item.start if item and item.end <= m.start() else start, m.end()))
        covered.append((item.start if item else start, m.end()))


_DUE_LABELS = _TLX.labels_of("due")
_LABEL_LINE = re.compile(
    rf"(?:^|(?<=[\s。;]))(?P<label>{_LABEL_RE}|{'|'.join(_DUE_LABELS)})\s*:\s*(?P<val>(?:[^\s;。()]|\([^()\s]{{1,12}}\))+)")


_VAL_GOES_ON = re.compile(r"[ \t]+|[ \t]*\n[ \t]*")
_VAL_PIECE = re.compile(r"(?:[^\s;。():]|\([^()\s]{1,12}\))+")


def _label_value(work: str, m: re.Match) -> tuple[str, int]:
    """A labelled line's value and its end, joined over a layout space or a line break inside
    a name (``农 办、供电所``; ``园区党工`` / ``委、各街道党工委`` in a PDF's lines): where the
    name cut there is no assignee on its own and the two halves make one."""
    val, end = m.group("val"), m.end("val")
    while True:
        gap = _VAL_GOES_ON.match(work, end)
        nxt = _VAL_PIECE.match(work, gap.end()) if gap else None
        if not nxt:
            return val, end
        head = re.split(r"[、,]", val)[-1]
        first = re.split(r"[、,]", nxt.group())[0]
        if not head or not first or is_assignee(head) and is_assignee(first) or not is_assignee(head + first):
            return val, end
        val, end = val + nxt.group(), nxt.end()


# A labelled line's units that end in a lead word (责任单位:A、B分别牵头) all lead.
_ENDS_LEAD = re.compile("(?:" + "|".join(map(re.escape, sorted((w for w, r in _TLX.assign_words.items() if r == "lead"),
                                                          key=len, reverse=True))) + ")$")


def _label_lines(ctx: NoticeContext, out: list[dict[str, Any]], covered: list[tuple[int, int]]) -> None:
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
        lead: list[str] = []
        resp: list[str] = []
        due, due_text = None, None
        last = ms[-1][1].end()
        for _, m in ms:
            label = m.group("label")
            val, vend = _label_value(work, m)
            last = max(last, vend)
            if label in _DUE_LABELS:
                due, due_text = parse_due_cell(val, ctx.year)
                continue
            ends_lead = _ENDS_LEAD.search(val)
            if ends_lead:  # 责任单位:A、B分别牵头 — each unit listed leads its part
                val = val[:ends_lead.start()]
            names = [n for n in split_assignees(val) if len(n) > 1]  # 责任单位:市 (a line cut short)
            if names and not work[vend:].strip() and not val.endswith(("等", "。")) and not is_assignee(names[-1]):
                # the value closes the stored text and its last name is no unit's: cut there (…市城乡建设局、
                # 市交通运; 牵头单位:区商); not read, with a warning (round 14, ext-190; as the gold of ext-168 writes it)
                ctx.warn(f"{ctx.outline.ref_at(item.start)}: '{names[-1]}' ends the text (the copy may be cut in it); "
                         f"not read")
                names = names[:-1]
            (lead if label in _LEAD_LABELS or ends_lead else resp).extend(names)
        if not lead and not resp:
            continue
        first = ms[0][1].start()
        text = work[item.end:first].strip()
        out.append(_task(ctx, ctx.outline.ref_at(item.start), text, lead, resp, due, due_text, item.start, last))
        covered.append((item.start, last))


def _add_uncovered(ctx: NoticeContext, out: list[dict[str, Any]], covered: list[tuple[int, int]], a: int, b: int,
                   text: str, lead: list[str], resp: list[str], dated: bool = False) -> None:
    """The task of work[a:b] with ``text`` unless a reading before covered its start (then it is that reading's);
    ``dated``: its deadline read from ``text``."""
    if any(x <= a < y for x, y in covered):
        return
    due, due_text = text_deadline(text, ctx.year) if dated else (None, None)
    out.append(_task(ctx, ctx.outline.ref_at(a), text, lead, resp, due, due_text, a, b))
    covered.append((a, b))


def _role_copulas(ctx: NoticeContext, out: list[dict[str, Any]], covered: list[tuple[int, int]]) -> None:
    """A paragraph giving roles by a copula (``X为…牵头责任单位,负责…。A、B为协办单位``): one task."""
    for a, b, lead, resp in role_paragraphs(ctx.work):
        _add_uncovered(ctx, out, covered, a, b, ctx.work[a:b].strip(), lead, resp, dated=True)
    for a, b, duty, places in place_paragraphs(ctx.work):
        _add_uncovered(ctx, out, covered, a, b, duty, [], places, dated=True)


def _standing_duties(ctx: NoticeContext, out: list[dict[str, Any]], covered: list[tuple[int, int]]) -> None:
    """An organ's 三定 rules: duties moved to a unit (将…职责划归X) and the items under its 主要职责 heading."""
    for a, b, text, unit in transfers(ctx.work):
        _add_uncovered(ctx, out, covered, a, b, text, [], [unit])
    for a, b, text, group in headed_group_duties(ctx.work):
        _add_uncovered(ctx, out, covered, a, b, text, [], [group])
    organ = rules_organ(ctx.work) or set_up_office(ctx.work)
    if organ is None:
        return
    for a, b, text in main_duties(ctx.work):
        _add_uncovered(ctx, out, covered, a, b, text, [], [organ])


def _inside_parens(work: str, pos: int) -> bool:
    for a, b in (("(", ")"), ("[", "]"), ("〔", "〕")):  # 〔牵头单位:…〕 (【…】 as written) is a bracket's
        o = work.rfind(a, max(0, pos - 200), pos)
        if o != -1 and work.find(b, o, pos) == -1:
            return True
    return False


def _sentence_start(work: str, pos: int) -> int:
    i = max(work.rfind(c, 0, pos) for c in "。;")
    return i + 1


def build_tasks(ctx: NoticeContext) -> list[dict[str, Any]]:
    """Task facts of a notice: brackets, labelled lines, tables, then (without a table) duty clauses."""
    out: list[dict[str, Any]] = []
    covered: list[tuple[int, int]] = []
    _parentheticals(ctx, out, covered)
    bare_brackets(ctx, out, covered)
    _label_lines(ctx, out, covered)
    _role_copulas(ctx, out, covered)
    _standing_duties(ctx, out, covered)
    lead_sections(ctx, out, covered, _LABEL_LINE)  # (一)X牵头的工作 over its items (round 16, ext-262)
    duty_lists(ctx, out, covered)  # X…主要职责是: then (一)… (三定 rules; round 16, ext-269)
    unit_headings(ctx, out, covered)  # (一)秘书处 / 负责… (内设机构; round 16, ext-273)
    release_schedules(ctx, out, covered)  # 发布时间…N月份;发布人员:X负责人 (a press-conference schedule; round 20, ext-323)
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
        att = ctx.attachments_at
        if att and n_body == 0 and all(t.start >= att for t in line_tables) \
                and all(t.start >= att for t in ctx.tables) and all(u.start >= att for u in unit_lists) \
                and not any(m.start < att for m in ctx.outline.markers):
            # every table is the attachment's and the body is a covering letter (no heading): it
            # still gives duties (各级各部门要…, 市政府督查室要加强…; round 14, ext-181); duty reading
            # stops at the attachment
            letter: list[dict[str, Any]] = []
            _duty_clauses(ctx, letter, [])
            out = letter + out
    else:
        # Items with a parenthetical assignment are covered by it.
        for a, b in list(covered):
            item = ctx.outline.item_at(a, levels=(2, 3, 4))
            if item:
                covered.append((item.start, b))
        for t in ctx.tables:
            covered.append((t.start, t.end))
        _duty_clauses(ctx, out, covered)
        _offices_in_bracketed_items(ctx, out)
    _full_group_offices(out)
    _notice_period(ctx, out)
    out = _each_its_date(out)
    out = _no_cut_group(ctx, out)
    out = _no_cut_stub(ctx, out)
    out = _no_bare_owner(ctx, out)
    for t in out:
        t.pop("_item", None)
        t.pop("_type", None)
        t.pop("_head", None)
        t.pop("_sec", None)
        t.pop("_office", None)
        t.pop("_asked", None)
    return out


def _offices_in_bracketed_items(ctx: NoticeContext, out: list[dict[str, Any]]) -> None:
    """``1.建立领导小组。…成立某领导小组,…。领导小组下设办公室,设在市发改委,负责日常协调推进工作。(责任单位:…)``: the
    office the item's sentence sets up bears the daily work (as outside a bracketed item, round 7), a task of its own
    beside the item's (round 22, ext-227). Only the 设在 form (where it sits named) and a group's office."""
    work = ctx.work
    lex = load_lexicon()
    have = {u for t in out for u in t["responsible"] + t["lead"]}
    for sm in re.finditer(r"[^。!?\n]+", work):
        fm = _SET_UP_OFFICE_DAILY.match(sm.group())
        if not fm or not fm.group("g").endswith(tuple(lex.group_suffixes)):
            continue
        a = sm.start()
        item = ctx.outline.item_at(a, levels=(2, 3, 4))
        if item is None or not any(t.get("evidence", {}).get("start") == item.start and t["evidence"]["end"] > a
                                   for t in out):
            continue  # only inside an item another reading (its bracket) took whole
        unit = fm.group("g") + "办公室"
        if unit in have:
            continue
        have.add(unit)
        out.append(_task(ctx, ctx.outline.ref_at(a), fm.group("p"), [], [unit], None, None, a, a + fm.end("p")))


def _no_cut_stub(ctx: NoticeContext, tasks: list[dict[str, Any]]) -> list[dict[str, Any]]:
    """A duty cut by the end of the stored text a few characters after its verb (…各配合单位要主动作: a copy cut at
    its length) names no work: no task, a warning (round 16, ext-263). A longer cut item is still read."""
    keep = []
    for t in tasks:
        end = t["evidence"]["end"]
        body = re.sub(r"^(?:要|应|须|应当|必须|务必)", "", t["text"])
        if not ctx.work[end:].strip() and not re.search(r"[。;!?)”]$", ctx.work[:end].rstrip()) and len(body) < 5:
            ctx.warn(f"a duty cut by the end of the text ({t['evidence']['text'][-20:]!r}): no task")
            continue
        keep.append(t)
    return keep


# 各市(州)人民政府是贯彻落实…的实施主体,主要负责同志是抓落实的第一责任人,分管负责同志是…具体责任人。: who answers
# for the work, no work named (round 30, prec38, ext-308, as ext-277's and ext-260's gold read '…为…责任主体')
_BARE_OWNER = re.compile(r"(?:是|为)[^,。;]{2,40}?主体(?:,(?:主要|分管)?负责(?:同志|人)(?:是|为)[^,。;]{2,40}?责任人)*[。;]?")


def _no_bare_owner(ctx: NoticeContext, tasks: list[dict[str, Any]]) -> list[dict[str, Any]]:
    """A subject stated to be the work's owner (``X是…的责任主体``), with its heads as the persons answering for it and
    nothing else, names no piece of work: no task, a warning. ``X是…的直接责任主体,负责…`` still is one."""
    keep = []
    for t in tasks:
        if _BARE_OWNER.fullmatch(t["text"].strip()):
            ctx.warn(f"{'、'.join(t['lead'] + t['responsible'])}{t['text'][:16]}…: the work's owner stated, no work named: no task")
            continue
        keep.append(t)
    return keep


def _no_cut_group(ctx: NoticeContext, tasks: list[dict[str, Any]]) -> list[dict[str, Any]]:
    """A subject that is the start of a group's name the notice writes there (``县十七届委员会`` of
    ``县十七届委员会全面深化改革领导小组召开…``) is no unit of its own: no task (round 11, ext-122)."""
    named = {(p, g) for g, p in ctx.group_names}

    def cut(t: dict[str, Any]) -> bool:
        a = t["evidence"]["start"]
        return any(p == a and len(g) > len(u) and g.startswith(u)
                   for u in t["lead"] + t["responsible"] for p, g in named)
    return [t for t in tasks if not cut(t)] if named else tasks


_GROUP_OFFICE = re.compile("(?:" + "|".join(map(re.escape, load_lexicon().group_suffixes)) + ")(?:"
                           + "|".join(map(re.escape, data_lines("group_office_words.txt"))) + ")$")


def _full_group_offices(tasks: list[dict[str, Any]]) -> None:
    """A group's office named short (试点工作小组办公室) after its full name in another task of the
    notice (国家组织药品集中采购和使用试点工作小组办公室) is that office."""
    names = {u for t in tasks for role in ("lead", "responsible") for u in t[role]}
    for t in tasks:
        for role in ("lead", "responsible"):
            for i, u in enumerate(t[role]):
                if not _GROUP_OFFICE.search(u):
                    continue
                full = [n for n in names if n != u and n.endswith(u)]
                if len(full) == 1:
                    t[role][i] = full[0]


# A section that only gives the period of the work: 一、检查整改时间 / 2021年3月7日-3月10日
_PERIOD_HEAD = re.compile(r"[\u4e00-\u9fff]{0,8}(?:时间|时限|期限|日期)")
# …the time of an event, not the work's period: 一、会议时间 / 3月5日下午1:45分 (round 6, ext-62)
_EVENT_TIME = re.compile(r".*(?:会议|报到|活动|培训|开幕|仪式)(?:时间|日期)")
# …or a bare 时间 whose date starts an event: 一、时间:4月9日上午8:00开始,会期半天 (round 31, ext-280)
_EVENT_START = re.compile(r".*(?:\d{1,2}[:：]\d{2}\s*开始|开始,?会期|会期)")
# …the period a ban holds, not the work's: 一、戒严期限:2019年3月21日至5月31日 (ban_words.txt; round 23, ext-351)
_BAN_TIME = re.compile(".*(?:" + "|".join(map(re.escape, data_lines("ban_words.txt"))) + ").*")


# The opening's decision of the work's period: 决定自本通知发布之日起至2025年4月30日,集中开展本市…核查工作
_OPENING_PERIOD = re.compile(r"决定(?:自|从|于)(?P<from>[^。;,]{2,20}?)(?:起)?至(?P<to>(?:\d{4}年)?\d{1,2}月\d{1,2}日)"
                             r"(?:止)?[,,]?(?:在[^。;]{1,12})?(?:集中|统一|全面)?(?:开展|进行|组织开展|实施)")


def _opening_period(ctx: NoticeContext) -> list:
    """The period the notice's opening decides for its work, before its first top-level heading (round 17,
    ext-276): one, or none."""
    first = next((m.start for m in ctx.outline.markers if m.level == 1), len(ctx.work))
    found = list(_OPENING_PERIOD.finditer(ctx.work, 0, first))
    if len(found) != 1:
        return []
    m = found[0]
    due, _ = parse_due_cell(m.group("to"), ctx.year)
    return [(due, ctx.notice.text[m.start("from") - 1:m.end("to")])] if due else []


def _notice_period(ctx: NoticeContext, tasks: list[dict[str, Any]]) -> None:
    """Where a top-level section does nothing but give the period of the work (a heading ending in
    时间/时限 and a date or range, ``一、检查整改时间 2021年3月7日-3月10日``), its end is the deadline
    of each task of the notice that has none. Two such sections: a warning, no guess."""
    if not tasks or all(t["due"] or t.get("due_text") for t in tasks):
        return
    work, markers = ctx.work, ctx.outline.markers
    found = []
    for i, m in enumerate(markers):
        if m.level != 1:
            continue
        nxt = markers[i + 1].start if i + 1 < len(markers) else len(work)
        parts = re.split(r"\s*[\n:]\s*", work[m.end:nxt].strip(), maxsplit=1)
        if len(parts) != 2 or not _PERIOD_HEAD.fullmatch(parts[0].strip()) or len(parts[1]) > 30 \
                or _EVENT_TIME.fullmatch(parts[0].strip()) or _BAN_TIME.fullmatch(parts[0].strip()) \
                or _EVENT_START.match(parts[1]):
            continue
        due, due_text = parse_due_cell(parts[1].strip().rstrip("。;"), ctx.year)
        if due:
            found.append((due, due_text))
    if not found:
        found = _opening_period(ctx)
    if len(found) > 1:
        ctx.warn(f"periods given in {len(found)} sections ({', '.join(dt for _, dt in found)}); "
                 f"tasks without their own deadline are left without one")
    if len(found) != 1:
        return
    for t in tasks:
        if not t["due"] and not t.get("due_text"):
            t["due"], t["due_text"] = found[0]


def _each_its_date(tasks: list[dict[str, Any]]) -> list[dict[str, Any]]:
    """A task due ``分别于A和B前`` is two tasks, one due by each date (the second's year, when it
    gives none, the first's; round 32, ext-395).

    >>> t = {"text": "分别于2017年6月30日和12月10日前,将材料报市政府督查室。", "due": "2017-06-30", "due_text": "2017年6月30日"}
    >>> [(x["text"], x["due"]) for x in _each_its_date([t])]
    [('于2017年6月30日前,将材料报市政府督查室。', '2017-06-30'), ('于12月10日前,将材料报市政府督查室。', '2017-12-10')]
    """
    out = []
    for t in tasks:
        m = EACH_DATE.search(t.get("text") or "")
        if not m or not t.get("due"):
            out.append(t)
            continue
        year = int(t["due"][:4])
        first, second = (parse_deadline(m.group("p") + m.group(x) + m.group("q"), year) for x in ("a", "b"))
        if first[0] != t["due"] or not second[0] or second[0] <= first[0]:
            out.append(t)
            continue
        for (due, due_text), words in ((first, m.group("a")), (second, m.group("b"))):
            out.append({**t, "text": t["text"].replace(m.group(0), m.group("p") + words + m.group("q"), 1),
                        "due": due, "due_text": due_text})
    return out


def _first_leads(ctx: NoticeContext, tasks: list[dict[str, Any]]) -> None:
    """Where the notice states once that the first unit listed leads (列第一位者为牵头单位),
    the first responsible unit of each bracket or table row without a lead is its lead."""
    if not _TLX.first_lead.search(ctx.work):
        return
    for t in tasks:
        if not t["lead"] and len(t["responsible"]) > 1:
            t["lead"], t["responsible"] = t["responsible"][:1], t["responsible"][1:]
