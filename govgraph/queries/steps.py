"""Steps that turn a question's query rows into its answer where SPARQL (and Cypher) cannot
say it readably: comparing consecutive rows.  A question names its step in
``catalogue.toml`` (``then = "tenures"``); both backends' rows go through the same step,
so the answers stay equal when the query rows are.

- ``tenures`` (succession): statements of who held a post, in time order -> one row per
  holder's tenure (a run of consecutive statements of one person), with the gaps and
  overlaps between consecutive tenures flagged.
- ``listed`` (group-members): one list's memberships, one row per post of a member -> one
  row per membership, the posts joined, by role in the order the roles are listed.
- ``changes`` (group-history): a group's member lists, notice by notice -> who joined, who
  left and whose role changed from one list to the next.

>>> rows = [{"person": "甲", "as_of": "", "start": "2017-01", "end": "2017-12", "former": 0, "doc": "d1", "quote": "q1"},
...         {"person": "乙", "as_of": "", "start": "2018-03", "end": "", "former": 0, "doc": "d2", "quote": ""},
...         {"person": "乙", "as_of": "2018-04-12", "start": "", "end": "", "former": 0, "doc": "d3", "quote": "q3"}]
>>> [(r["person"], r["start"], r["end"], r["as_of"], r["doc"], r["flag"]) for r in tenures(rows)]
[('甲', '2017-01', '2017-12', '', 'd1', ''), ('乙', '2018-03', '', '2018-04-12', 'd2、d3', 'gap before')]
"""

from __future__ import annotations

from typing import Callable

__all__ = ["STEPS", "tenures", "listed", "changes", "GAP", "OVERLAP"]

GAP, OVERLAP = "gap before", "overlaps previous"


def _month(s: str) -> int:
    return int(s[:4]) * 12 + int(s[5:7])


def _before(a: str, b: str) -> bool:
    """``a`` earlier than ``b``, at the coarser of their precisions (a month ``YYYY-MM`` or
    a date): a term ending in 2017-12 and a post held as of 2017-12-05 do not overlap."""
    n = min(len(a), len(b))
    return a[:n] < b[:n]


def _join(values, sep: str = "、") -> str:
    return sep.join(dict.fromkeys(v for v in values if v))


def tenures(rows: list[dict]) -> list[dict]:
    """Succession: ``rows`` (person, as_of, start, end, former, doc, quote; in time order)
    -> one row per tenure: person, start (earliest term start), end (latest term end),
    as_of (the dates the notices state the post as current), doc, quote (each notice's, in
    order, joined) and flag: ``overlaps previous`` when the tenure begins (its earliest
    date) before the previous one's latest date, ``gap before`` when the previous tenure's
    last date is a term end and this one's first date a term start more than a month later
    (a month with no known holder). A former post (原…) stated without a term gives no date."""
    runs: list[list[dict]] = []
    for r in rows:
        if runs and runs[-1][0]["person"] == r["person"]:
            runs[-1].append(r)
        else:
            runs.append([r])
    out, prev = [], None
    for run in runs:
        starts = [r["start"] for r in run if r["start"]]
        ends = [r["end"] for r in run if r["end"]]
        seen = sorted({r["as_of"] for r in run if r["as_of"] and not r["former"]})
        dates = starts + ends + seen
        first = min(dates, key=lambda d: (d[:7], d)) if dates else ""
        last = max(dates, key=lambda d: (d[:7], len(d), d)) if dates else ""
        flag = ""
        if prev and prev[1] and first:
            if _before(first, prev[1]):
                flag = OVERLAP
            elif prev[2] and starts and first == min(starts) and _month(first) - _month(prev[1]) > 1:
                flag = GAP
        out.append({"person": run[0]["person"], "start": min(starts, default=""), "end": max(ends, default=""),
                    "as_of": "、".join(seen), "doc": _join(r["doc"] for r in run),
                    "quote": _join((r["quote"] for r in run), " / "), "flag": flag})
        if dates:
            prev = (first, last, bool(ends) and last[:7] == max(ends))
    return out


def _at(pos, quote: str = "", member: str = "") -> tuple[float, float]:
    """Where a member is listed, for ordering: the line's offset (one without evidence, -1,
    after the listed ones), then where the name is in the line (several names on one line)."""
    inf = float("inf")
    at = "".join(quote.split()).find(member) if member else -1
    return (inf if pos is None or pos < 0 else pos, inf if at < 0 else at)


def listed(rows: list[dict]) -> list[dict]:
    """Group members: ``rows`` (role, member, member_type, post, post_doc, post_date, doc,
    quote, pos; one per membership and post stated up to the list's date) -> one row per
    membership with the posts of the latest date and their notices joined by "、", ordered
    by role (where the role's first member is listed), then as listed (line, place in the
    line), then by the columns."""
    members: dict[tuple, tuple[list, list]] = {}
    latest: dict[tuple, str] = {}
    for r in rows:
        key = (r["role"], r["member"], r["member_type"], r["doc"], r["quote"], r["pos"])
        latest[key] = max(latest.get(key, ""), r["post_date"] if r["post"] else "")
    for r in rows:
        key = (r["role"], r["member"], r["member_type"], r["doc"], r["quote"], r["pos"])
        posts, docs = members.setdefault(key, ([], []))
        if r["post"] and r["post_date"] == latest[key]:
            posts.append(r["post"])
            docs.append(r["post_doc"])
    first: dict[str, tuple] = {}
    for role, member, _, _, quote, pos in members:
        first[role] = min(first.get(role, (float("inf"),) * 2), _at(pos, quote, member))
    out = [{"role": role, "member": member, "member_type": mtype, "post": _join(sorted(posts)),
            "post_doc": _join(sorted(docs)), "doc": doc, "quote": quote, "_at": _at(pos, quote, member)}
           for (role, member, mtype, doc, quote, pos), (posts, docs) in members.items()]
    out.sort(key=lambda r: (first[r["role"]], r["role"], r["_at"], r["member"], r["member_type"], r["post"],
                            r["post_doc"], r["doc"], r["quote"]))
    return [{k: v for k, v in r.items() if k != "_at"} for r in out]


def changes(rows: list[dict]) -> list[dict]:
    """Group history: ``rows`` (date, doc, member, member_type, role, quote, pos: every
    membership of one group) -> per list (a notice's memberships, in notice order), the
    members who joined (all of them in the first list), whose role changed and who left
    since the previous list: date, doc, change, member, member_type, role (now), previous_role,
    previous_doc, quote.  A member listed twice (副组长 and 办公室主任) has both roles, joined."""
    lists: dict[tuple, dict] = {}
    rows = sorted(rows, key=lambda r: (r["date"], r["doc"], _at(r["pos"], r["quote"], r["member"]), r["member"],
                                       r["member_type"], r["role"], r["quote"]))
    for r in rows:
        members = lists.setdefault((r["date"], r["doc"]), {})
        m = members.setdefault((r["member"], r["member_type"]), {"roles": [], "quotes": []})
        m["roles"].append(r["role"])
        m["quotes"].append(r["quote"])
    out: list[dict] = []
    before: dict = {}
    before_doc = ""
    for (date, doc), members in lists.items():
        now = {k: (_join(v["roles"]), _join(v["quotes"], " / ")) for k, v in members.items()}
        base = {"date": date, "doc": doc, "previous_doc": before_doc}
        for (member, mtype), (role, quote) in now.items():
            old = before.get((member, mtype))
            if old is None or old[0] != role:
                out.append({**base, "change": "joined" if old is None else "role changed", "member": member,
                            "member_type": mtype, "role": role, "previous_role": "" if old is None else old[0],
                            "quote": quote})
        for (member, mtype), (role, _) in sorted(before.items()):
            if (member, mtype) not in now:
                out.append({**base, "change": "left", "member": member, "member_type": mtype, "role": "",
                            "previous_role": role, "quote": ""})
        before, before_doc = now, doc
    cols = ["date", "doc", "change", "member", "member_type", "role", "previous_role", "previous_doc", "quote"]
    return [{c: r[c] for c in cols} for r in out]


STEPS: dict[str, Callable[[list[dict]], list[dict]]] = {"tenures": tenures, "listed": listed, "changes": changes}
