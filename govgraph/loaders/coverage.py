"""Say what was not read: notices whose facts fall short of what they say they do.

A notice whose title or opening says it sets up or adjusts a group, appoints or
removes people, or splits tasks, but yields none of those facts, gets a warning
naming the notice and what is missing; so does a numbered measure (or a table
row) with no unit where the other measures of its section have one. The cues
are data (``data/intents.tsv``). :func:`notice_row` and :func:`format_table`
give the per-notice report of ``govgraph extract --report``.

>>> intents("区人民政府办公室关于成立区质量强区工作委员会的通知")
{'group': '成立区质量强区工作委员会'}
>>> intents("关于印发2018年重点工作任务分解方案的通知")
{'tasks': '任务分解'}
>>> intents("国务院任免国家工作人员")
{'appointment': '任免'}
"""

from __future__ import annotations

import bisect
import re
from functools import lru_cache
from pathlib import Path

from ..kinds import KINDS
from ..messages import NOTE_KINDS, kind_of
from ..tables import format_table as _format_table
from .deadlines import parse_deadline
from .lexicon import data_rows, load_lexicon

__all__ = ["intents", "coverage_warnings", "notice_row", "report_rows", "attach_warnings", "score_rows", "format_table",
           "NOT_READ", "REPORT_COLUMNS", "SCORE_COLUMNS"]

NOT_READ = "not read:"
#: the kinds a notice states (the unit catalogue is the corpus's), as declared in kinds.toml
_NOTICE_KINDS = tuple(name for name, k in KINDS.items() if k.rdf.graph == "notice")
REPORT_COLUMNS = ("doc", "file", "date", *_NOTICE_KINDS, "warnings", "not read")
_KIND_FACT = {"group": "membership", "appointment": "post", "tasks": "task"}


@lru_cache(maxsize=1)
def _cues() -> dict[str, re.Pattern]:
    words: dict[str, list[str]] = {}
    for kind, cue in data_rows("intents.tsv"):
        words.setdefault(kind, []).append(cue)
    out = {}
    for kind, ws in words.items():
        alt = "|".join(map(re.escape, sorted(ws, key=len, reverse=True)))
        if kind == "group-object":
            continue
        if kind == "assign":
            out[kind] = re.compile(rf"(?:{alt})\s*:|[(\[][^()\[\]。]{{2,80}}负责\s*[)\]]")
        elif kind == "group":
            suf = "|".join(map(re.escape, load_lexicon().group_suffixes + tuple(words.get("group-object", ()))))
            out[kind] = re.compile(rf"(?:{alt})[^。;:\n]{{0,60}}?(?:{suf})")
        else:
            out[kind] = re.compile(alt)
    return out


def intents(text: str) -> dict[str, str]:
    """What ``text`` (a title and opening) says the notice does: kind -> the cue as written."""
    out = {}
    for kind, rx in _cues().items():
        if kind not in _MISSING:
            continue
        m = rx.search(text)
        if m:
            out[kind] = m.group()
    return out


def _opening(ctx) -> tuple[str, str]:
    """The title, and the first 300 characters after it (and after the addressees)."""
    n = ctx.notice
    start = max(n.title_span[1] if n.title_span else 0, ctx.addressees_end)
    return n.title or "", ctx.work[start:start + 300]


def _promises(ctx) -> dict[str, str]:
    """What the notice says it does. A task split is said by the title or by the name of
    the plan it issues (现将《…任务分解…》印发); a group or people by the opening too."""
    title, opening = _opening(ctx)
    out = intents(title + "\n" + opening)
    if "tasks" in out:
        found = intents(title + "\n" + "\n".join(re.findall(r"《[^《》]{2,80}》", opening)))
        if "tasks" in found:
            out["tasks"] = found["tasks"]
        else:
            del out["tasks"]  # 明确责任分工 in a sentence is no task split
    return out


_MISSING = {
    "group": "says it sets up or adjusts a group ({cue}) but no member was read",
    "appointment": "says it appoints or removes people ({cue}) but no post was read",
    "tasks": "says it splits tasks ({cue}) but no task was read",
}


def coverage_warnings(ctx, facts: list[dict]) -> None:
    """Add a ``not read:`` warning to ``ctx`` for each promise of the notice its facts do not keep."""
    kinds = {f["kind"] for f in facts}
    for kind, cue in _promises(ctx).items():
        if _KIND_FACT[kind] not in kinds:
            ctx.warn(f"{NOT_READ} the notice " + _MISSING[kind].format(cue=re.sub(r"\s+", "", cue)[:40]))
    refs = _measures_without_unit(ctx, [f for f in facts if f["kind"] == "task"])
    if refs:
        more = f" and {len(refs) - 8} more" if len(refs) > 8 else ""
        ctx.warn(f"{NOT_READ} no unit was read for {len(refs)} numbered measure(s): {', '.join(refs[:8])}{more} "
                 f"(they name one, or the other measures of their section have one)")
    undated = _undated_deadlines(ctx, facts)
    if undated:
        ctx.warn(f"{NOT_READ} {len(undated)} task deadline(s) left without a date, the notice giving no year "
                 f"(no date, none in its number or as the present one in its text): {'、'.join(undated[:5])}")


def _undated_deadlines(ctx, facts: list[dict]) -> list[str]:
    """The deadline words of the tasks a year would have dated (``5月20日前``), in a notice without one."""
    if ctx.year is not None:
        return []
    out = []
    for f in facts:
        if f["kind"] == "task" and not f.get("due"):
            text = f.get("text") or ""
            dated, words = parse_deadline(text, 2000)
            if dated and not parse_deadline(text, None)[0] and words not in out:  # a year would date them
                out.append(words)
    return out


def _measures_without_unit(ctx, tasks: list[dict]) -> list[str]:
    """Leaf outline items and table rows without a task where most of their siblings have one."""
    if not tasks:
        return []
    starts = sorted(f["evidence"]["start"] for f in tasks if "evidence" in f)

    def has_task(a: int, b: int) -> bool:
        i = bisect.bisect_left(starts, a)
        return i < len(starts) and starts[i] < b

    assign = _cues().get("assign")
    groups: dict[tuple, list[tuple[str, bool]]] = {}
    named: list[str] = []  # measures whose text names a unit (…负责) but gave no task
    mks = ctx.outline.markers
    for i, mk in enumerate(mks):
        nxt = mks[i + 1] if i + 1 < len(mks) else None
        if nxt is not None and nxt.level > mk.level:
            continue  # it has sub-items: those are the measures
        end = nxt.start if nxt is not None else len(ctx.work)
        ref = ctx.outline.ref_at(mk.end)
        parent = ref.rsplit(".", 1)[0] if "." in ref else ""
        ok = has_task(mk.start, end)
        groups.setdefault(("o", parent, mk.level), []).append((ref, ok))
        if not ok and assign is not None and assign.search(ctx.work, mk.end, min(end, mk.end + 400)):
            named.append(ref)
    for t_i, table in enumerate(ctx.tables):
        for r in table.rows:
            groups.setdefault(("t", t_i), []).append((f"附件.{r['number']}", has_task(r["start"], r["end"])))
    out = set(named)
    for items in groups.values():
        done = sum(1 for _, ok in items if ok)
        if len(items) >= 3 and done >= 2 and done * 2 >= len(items):
            out.update(ref for ref, ok in items if not ok)
    order = {ref: i for i, ref in enumerate(r for items in groups.values() for r, _ in items)}
    return sorted(out, key=lambda r: order.get(r, 0))


def report_rows(ex) -> list[dict]:
    """The per-notice report of an :class:`~govgraph.loaders.pipeline.Extraction` (in memory):
    a notice's warnings are those naming it (``source [doc]:``) or its file."""
    facts: dict[str, list[dict]] = {}
    for f in ex.facts:
        facts.setdefault(f.get("doc"), []).append(f)
    rows = []
    for n in ex.notices:
        mine = [w for w in ex.warnings if f"[{n.doc}]" in w or
                (n.source and w.startswith(f"{n.source}:") and kind_of(w) not in NOTE_KINDS)]
        rows.append(notice_row(n, facts.get(n.doc, []), mine))
    return rows


def notice_row(notice, facts: list[dict], warnings: list[str]) -> dict:
    """One line of the per-notice report: facts per kind, warnings, what was not read."""
    counts = {k: 0 for k in _NOTICE_KINDS}
    for f in facts:
        if f["kind"] in counts:
            counts[f["kind"]] += 1
    missing = []
    for w in warnings:
        if NOT_READ in w:
            what = w.split(NOT_READ, 1)[1]
            m = re.search(r"no (member|post|task) was read|for (\d+) numbered measure\(s\): (.+?) \(|"
                          r"(\d+) task deadline\(s\) left without a date", what)
            if m and m.group(1):
                missing.append(m.group(1) + "s")
            elif m and m.group(4):
                missing.append(f"dates of {m.group(4)} deadline(s)")
            elif m:
                n = int(m.group(2))
                missing.append(f"units of {m.group(3)}" if n <= 3 else f"units of {n} measures")
    return {"doc": notice.doc, "file": Path(notice.source).name if notice.source else "", "date": notice.date or "",
            **counts, "warnings": len(warnings), "not read": "; ".join(missing)}


def attach_warnings(pending: list[str], notice) -> list[str]:
    """Take from ``pending`` the file-level warnings about ``notice``'s file (said before its
    notices: no document number, skipped text) and return them."""
    src = notice.source or ""
    mine = [w for w in pending if src and w.startswith(src) and kind_of(w) not in NOTE_KINDS]
    pending[:] = [w for w in pending if w not in mine]
    return mine


SCORE_COLUMNS = ("doc", "post", "membership", "task", "due", "not read")


def score_rows(pred: list[dict], gold: list[dict], units=()) -> list[dict]:
    """Per gold notice and kind: ``found/gold (predicted)``; ``not read`` names the kinds the
    gold has for the notice and the prediction has none of.

    >>> g = [{"kind": "post", "doc": "d", "person": "甲", "unit": "区政府", "title": "区长"}]
    >>> score_rows([], g)
    [{'doc': 'd', 'post': '0/1 (0)', 'membership': '', 'task': '', 'due': '', 'not read': 'post'}]
    """
    from ..evaluate import evaluate

    def key(d) -> str:  # as the scorer compares documents: spaces and bracket styles aside
        return re.sub(r"[(（\[〔【]\s*(\d{4})\s*[)）\]〕】]", r"〔\1〕", re.sub(r"\s+", "", d or ""))

    by_doc: dict[str, list[dict]] = {}
    for f in gold:
        if f.get("kind") != "unit" and f.get("doc"):
            by_doc.setdefault(f["doc"], []).append(f)
    pred_by_doc: dict[str, list[dict]] = {}
    for f in pred:
        pred_by_doc.setdefault(key(f.get("doc")), []).append(f)
    rows = []
    for doc, facts in by_doc.items():
        res = evaluate(pred_by_doc.get(key(doc), []), facts, units)
        row = {"doc": doc}
        for kind in SCORE_COLUMNS[1:-1]:
            r = res.get(kind)
            row[kind] = f"{r['tp']}/{r['gold']} ({r['pred']})" if r else ""
        row["not read"] = ", ".join(k for k in SCORE_COLUMNS[1:-1] if k in res and res[k]["pred"] == 0)
        rows.append(row)
    return rows


def format_table(rows: list[dict], columns=REPORT_COLUMNS, max_width: int = 40) -> str:
    """Rows as a plain text table (CJK characters count double).

    >>> print(format_table([{"doc": "阳政办〔2018〕9号", "post": 3}], columns=("doc", "post")))
    doc                post
    -----------------  ----
    阳政办〔2018〕9号  3
    """
    return _format_table(rows, columns, max_width)
