"""Posts with terms and appointment changes.

Constructs:
- audit terms: ``江堤街办事处主任罗双兰任期经济责任审计(2015.8-2017.3)``, ``原…主任`` (former);
- 任免 (appointments, removals, resignations, acting posts, 公示, posts named before persons in
  reports of a meeting): ``appointments.build_appointments``.
Member-list posts are built with the lists (``build_members``).
"""

from __future__ import annotations

import re
from collections.abc import Iterator
from typing import Any

from .appointments import build_appointments
from .build_members import _post_facts
from .context import NoticeContext
from .lexicon import data_words
from .mentions import CJK, LEADER_TITLE_RE, is_person_name, split_posts, title_suffix

__all__ = ["build_posts", "parse_term"]

_YM = r"((?:19|20)\d{2})\s*(?:[.年/\-])\s*(\d{1,2})\s*月?"
_TERM = re.compile(rf"[(]\s*(?:任期\s*:?\s*)?{_YM}\s*(?:[-—~至到]|－)\s*(?:{_YM}|至今|今)\s*[)]")


def parse_term(s: str) -> tuple[str, str | None] | None:
    """``(2015.8-2017.3)`` -> (``2015-08``, ``2017-03``).

    >>> parse_term("(2015.8-2017.3)")
    ('2015-08', '2017-03')
    >>> parse_term("(2016年7月至今)")
    ('2016-07', None)
    """
    m = _TERM.search(s)
    if not m:
        return None
    start = f"{int(m.group(1)):04d}-{int(m.group(2)):02d}"
    end = f"{int(m.group(3)):04d}-{int(m.group(4)):02d}" if m.group(3) else None
    return start, end


# "…主任罗双兰任期经济责任审计(2015.8-2017.3)": posts + name + 任期 … (term)
# "…原局长张三同志任职期间(2015年8月—2017年3月)…" / "…原局长张三(任期:2015年8月-2017年3月)"
_TERM_ENTRY = re.compile(
    rf"(?P<posts>(?:原)?[{CJK}()、]{{2,60}}?)(?P<name>[{CJK}]{{2,4}}?)(?:同志)?"
    rf"(?:(?:任期|任职期间)[^()\s]{{0,20}}(?P<term>\([^()]{{5,30}}\))|(?P<term2>\(任期[^()]{{5,30}}\)))"
)


def _split_name_tail(body: str) -> tuple[str, list[tuple[str, str, str | None, bool]]] | None:
    """Split ``…主任罗双兰`` into posts and name (the name is 2-4 characters at the end)."""
    for k in (3, 2, 4):
        if len(body) <= k:
            continue
        name, pre = body[-k:], body[:-k]
        if is_person_name(name):
            posts = _posts_with_former(pre)
            if posts:
                return name, posts
    return None


def _posts_with_former(pre: str) -> list[tuple[str, str, str | None, bool]]:
    """Posts of ``原A主任、B主任``; 原 marks the post it stands before as former."""
    out: list[tuple[str, str, str | None, bool]] = []
    for part in re.split(r"、", pre):
        former = part.startswith("原")
        if former:
            part = part[1:]
        t = title_suffix(part)
        if t and len(part) > len(t) + 1 and part[: -len(t)].endswith("原"):
            part, former = part[: -len(t) - 1] + t, True  # 区财政局原局长
        posts = split_posts(part)
        if not posts:
            if out and split_posts(part):  # title only: inherits the previous unit
                posts = split_posts(part)
            else:
                return []
        out.extend((u, t, n, former) for u, t, n in posts)
    return out


def _term_matches(work: str) -> Iterator[re.Match[str]]:
    """_TERM_ENTRY matches, looked for only around each 任期 (a long lazy regex over a whole notice is slow)."""
    last_end = 0
    for k in re.finditer(r"任期|任职期间", work):
        a = max(last_end, k.start() - 70)
        m = _TERM_ENTRY.search(work, a, min(len(work), k.end() + 60))
        if m and m.start() >= last_end:
            last_end = m.end()
            yield m


def _terms(ctx: NoticeContext, facts: list[dict[str, Any]]) -> None:
    """Post facts with a term (``…主任罗双兰任期经济责任审计(2015.8-2017.3)``), added to ``facts``."""
    work = ctx.work
    for m in _term_matches(work):
        term_text = m.group("term") or m.group("term2")
        term = parse_term(term_text)
        if not term:
            continue
        # The entry starts after the last separator before the name.
        body_full = m.group("posts") + m.group("name")
        a = m.start("posts")
        cut = max(body_full.rfind(c) for c in " ,;。:") if any(c in body_full for c in " ,;。:") else -1
        body = body_full[cut + 1:]
        a += cut + 1
        got = None
        k = body.rfind("对")
        if k != -1:  # 区审计局对区财政局原局长张三…: the person is after 对
            got = _split_name_tail(body[k + 1:])
            if got:
                a += k + 1
        got = got or _split_name_tail(re.sub(r"^(?:组织开展|开展|对)", "", body))
        if not got:
            ctx.warn(f"term {term_text} whose person or post is not recognised: {body[:30]!r}")
            continue
        name, posts = got
        ev = ctx.evidence(a, m.end())
        for unit, title, note, former in posts:
            facts.extend(_post_facts(ctx, name, [(unit, title, note)], ev, start=term[0], end=term[1], former=former))


# A B 市委副书记、市人民政府市长、市爱卫会主任 (a name padded): a line of a name (padded to two characters' width or not), a
# layout gap and its posts, nothing else
# A responsibility system's list writes the area after the posts (``A  副省长 (责任区域:甲市、乙市)``: holder_labels.tsv
# aside): no part of the posts (round 26, ext-384).
_ASIDE_TAIL = "(?:[ \\t\\u3000]*\\((?:" + "|".join(map(re.escape, data_words("holder_labels.tsv", "aside"))) + "):[^()\\n]*\\))?"
# A heading of a responsibility system's list (``二、省级副总林长``, ``(一)县级河长``: holder_labels.tsv holder), alone on
# its line
_HOLDER_HEADING = re.compile(r"(?m)^[ \t\u3000]*(?:[一二三四五六七八九十]{1,3}、|\([一二三四五六七八九十\d]{1,3}\))?[ \t\u3000]*"
                             r"(?:[省市县区乡镇村]级)?(?:" + "|".join(map(re.escape, sorted(data_words("holder_labels.tsv", "holder"),
                                                                                        key=len, reverse=True)))
                             + r")(?:名单)?[ \t\u3000]*:?[ \t\u3000]*$")
_LEADER_LINE = re.compile(rf"^[ \t\u3000]*(?P<name>[{CJK}](?:[ \u3000]?[{CJK}]){{1,3}})[ \t\u3000]+"
                          rf"(?P<posts>[{CJK}、()]{{4,80}}?|{LEADER_TITLE_RE.pattern}){_ASIDE_TAIL}[ \t\u3000]*$", re.M)


def _leader_lines(ctx: NoticeContext, facts: list[dict[str, Any]], known) -> None:
    """Posts of a run of two or more lines ``name  posts`` without a list's label (an activity programme's
    出席人员, round 12, ext-140): each line read whole, its name a person's, each post a unit's title; a person
    read already (a member list, 任免) is not read again."""
    read = {f.get("person") or f.get("member") for f in list(known) + facts}
    lines = []
    for m in _LEADER_LINE.finditer(ctx.work):
        name = re.sub(r"[ \u3000]", "", m.group("name"))
        posts = split_posts(m.group("posts")) if is_person_name(name) else None
        if posts and all(t and u for u, t, _ in posts):
            lines.append((m, name, posts))
    runs, cur = [], []
    for x in lines:
        # (a list with an empty line after each entry is one run, and so is one under a responsibility system's
        # headings, '二、省级副总林长': round 26, ext-384)
        if cur and _HOLDER_HEADING.sub("", ctx.work[cur[-1][0].end():x[0].start()]).strip():
            runs.append(cur)
            cur = []
        cur.append(x)
    runs.append(cur)
    for run in runs:
        if len(run) < 2:
            continue
        for m, name, posts in run:
            if name not in read:
                facts.extend(_post_facts(ctx, name, posts, ctx.evidence(m.start("name"), m.end("posts"))))


def build_posts(ctx: NoticeContext, known: list[dict[str, Any]] = ()) -> list[dict[str, Any]]:
    """Post facts of a notice: terms, appointments and removals (member-list posts come with the lists)."""
    facts: list[dict[str, Any]] = []
    _terms(ctx, facts)
    _leader_lines(ctx, facts, known)
    termed = {(f["person"], f["unit"], f["title"]) for f in facts}
    # a post with a stated term is that term's fact (区财政局原局长张三任期…: no second, termless one)
    facts.extend(f for f in build_appointments(ctx, known)  # (and the members an appointment names)
                 if f["kind"] != "post" or (f["person"], f["unit"], f["title"]) not in termed)
    return facts
