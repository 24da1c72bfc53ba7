"""What every task builder shares: a task fact with its evidence, names as the source writes them.

>>> _dedupe(["区财政局", "区财政局", "", "区统计局"])
['区财政局', '区统计局']
"""

from __future__ import annotations

import re

__all__ = ["_task", "_dedupe", "_as_written"]


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
