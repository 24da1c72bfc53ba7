"""Posts written before names in news prose, where the 任免 rules read none (round 11).

``市委常委、副市长A出席会议并讲话``, ``县人大常委会主任B主持``, ``会议由副县长C主持``,
``省林业厅厅长D、副厅长E参加``: in a clause, a post chain (posts separated by 、, read whole by
``parse_post_phrase`` — each with its unit, or a bare title after a unit the chain has read, or a
leader's title whose government goes without saying), then a name (``mentions.is_person_name``),
then a boundary: the clause's end, 、, a space, 同志, or a verb of ``data/prose_posts.tsv`` (or a
``follow`` word of ``appointment_words.tsv``). After 、 the next item is read the same way (a chain,
or a bare name sharing the chain before it).

Refused (no fact): a chain not read whole from the clause's start (after a lead-in word or a date);
a name that could end at more than one length before a boundary (a warning); a former post (原…,
前…, 时任…); a sentence holding a removal, a resignation, a past or a coming post (``refuse`` words);
a person the rules (or the member lists) already gave a fact in that sentence.
"""

from __future__ import annotations

import re
from bisect import bisect_left
from functools import lru_cache

from .lexicon import data_rows, load_lexicon
from .mentions import CJK, is_person_name, is_unit_like
from .normalize import squash, to_simplified
from .post_phrases import words

__all__ = ["read_prose_posts"]

_LEX = load_lexicon()


@lru_cache(maxsize=1)
def _lexicon() -> dict[str, tuple[str, ...]]:
    out: dict[str, list[str]] = {}
    for kind, word in data_rows("prose_posts.tsv"):
        out.setdefault(kind, []).append(word)
    verbs = set(out.get("verb", ())) | set(words("follow"))
    return {"verb": tuple(sorted(verbs, key=lambda s: (-len(s), s))),
            "leadin": tuple(sorted(set(out.get("leadin", ())) | set(words("leadin")), key=lambda s: (-len(s), s))),
            "refuse": tuple(out.get("refuse", ())), "unit_start": tuple(out.get("unit_start", ()))}


@lru_cache(maxsize=1)
def _rx():
    lex = _lexicon()
    alt = lambda ws: "(?:" + "|".join(map(re.escape, ws)) + ")"  # noqa: E731
    refuse = re.compile(alt(lex["refuse"] + words("remove") + words("resign") + words("not_now") + words("past")))
    lead = re.compile(r"(?:(?:(?:19|20)\d{2}年)?\d{1,2}月(?:\d{1,2}日)?(?:上午|下午|晚上|当天)?)?"
                      rf"(?:[{CJK}]{{2,10}}的还?有|{alt(lex['leadin'])})*")
    verb = re.compile(alt(lex["verb"]))
    # a unit holding a lead-in (会议听取了双沟镇党委): the chain did not start where the clause does
    # (or starting with a reference, 我县, or too short to name one, 医院)
    not_unit = re.compile("[由的为兼任了]|会议|" + alt([w for w in lex["leadin"] if len(w) > 1])
                          + "|^" + alt(lex["unit_start"]) + "|^[^委]{2}$|^[^委]?$")
    return refuse, lead, verb, not_unit


_SPACE = re.compile("[ \u3000]")
_SENTENCE_END = re.compile(r"[。!?\n]")
# (one space between a title and a name is no clause's end: 县委副书记、县长 张三 出席会议)
_CLAUSE = re.compile(rf"(?:[^,;:\s()“”\"《》!?。]|(?<=[{CJK}])[ \u3000](?=[{CJK}]))+")


def _boundary(work: str, e: int, cb: int, verb) -> bool:
    return e == cb or work[e] in "、 \u3000" or work.startswith("同志", e) or verb.match(work, e) is not None


_BARE_ITEM = re.compile(rf"[{CJK}]{{4}}(?=、|及|$)")


def _bare_item(work: str, j: int, cb: int) -> int:
    """The length of a four-character item of a run of names at work[j:] (up to the next ``、`` or the clause's
    end) that can be nothing but a name: no title, role, unit or plural word in it; else 0."""
    m = _BARE_ITEM.match(work[j:cb])
    if not m:
        return 0
    item = to_simplified(m.group())
    if _title_start().search(item) or is_unit_like(item) or re.search(r"[各等及和与的人部局委办厅组会院校所站队]", item):
        return 0
    return len(item)


def _names_at(work: str, j: int, cb: int, verb) -> list[int] | None:
    """The length k of the name at work[j:j+k] followed by a boundary: [k], [] when none, None when
    the name could end at more than one length (a surname and one to three characters before a
    boundary, the shorter or longer one not a name by ``is_person_name`` alone: 陈镇(作)关于)."""
    ends = [k for k in (2, 3, 4) if j + k <= cb and _boundary(work, j + k, cb, verb)
            and (sur := _LEX.surname_of(work[j:j + k])) and len(sur) < k <= len(sur) + 2]
    if ends and _title_start().match(work, j + len(_LEX.surname_of(work[j:j + ends[0]]))):
        return []  # 任副召集人, 任组长: a verb before a title, not a surname
    ks = [k for k in ends if is_person_name(work[j:j + k]) and not verb.fullmatch(work, j, j + k)]
    if len(ends) > 1 and ks:
        return None
    return ks


@lru_cache(maxsize=1)
def _name_start():
    """Where a name may start: a surname's first character right after a title's (or a role's) last one."""
    last = {t[-1] for t in _LEX.titles + _LEX.roles if t}
    first = set(_LEX.surnames1) | {s[0] for s in _LEX.surnames2}
    cls = lambda cs: "[" + "".join(re.escape(c) for c in sorted(cs)) + "]"  # noqa: E731
    return re.compile(f"(?<={cls(last)})[ \u3000]?{cls(first)}")


@lru_cache(maxsize=1)
def _title_start():
    return re.compile("(?:" + "|".join(map(re.escape, _LEX.titles + _LEX.roles)) + ")")


def read_prose_posts(r, known=()) -> None:
    """Add to ``r.facts`` (an ``appointments._Reader`` that has read the notice) the posts of news prose.

    ``known``: facts read before (member lists) whose persons are not read again in their sentence.
    """
    work = r.work
    starts = [m.end() - 1 for m in _name_start().finditer(work)]
    if not starts:
        return
    refuse, lead, verb, not_unit = _rx()
    had = [(f.get("person") or f.get("member"), f["evidence"]["start"], f["evidence"]["end"])
           for f in list(r.facts) + list(r.members) + list(known)
           if f.get("kind") in ("post", "membership") and f.get("evidence")]
    names = {p for p, _, _ in had if p}
    ends = [m.start() for m in _SENTENCE_END.finditer(work)]
    i = 0
    while i < len(starts):
        k = bisect_left(ends, starts[i])  # the sentence holding this start: after ends[k-1], up to ends[k]
        sa = ends[k - 1] + 1 if k else 0
        sb = ends[k] if k < len(ends) else len(work)
        n = bisect_left(starts, sb, i)
        here, i = starts[i:n], n
        if refuse.search(work, sa, sb):
            continue
        ruled = {p for p, a, b in had if a < sb and b > sa}
        clauses = [cm.span() for cm in _CLAUSE.finditer(work, sa, sb)]
        for ca, cb in clauses:
            cs = [j for j in here if ca < j < cb]
            if cs:
                _clause(r, ca, cb, cs, ruled, names, verb, lead, not_unit)
        _unsurnamed(r, sa, sb, clauses, names, verb, lead, not_unit)


def _clause(r, ca: int, cb: int, starts: list[int], ruled: set, names: set, verb, lead, not_unit) -> None:
    work, src = r.work, r.src
    pos = lead.match(work, ca, cb).end()
    posts = None
    while pos < cb:
        got = None
        if posts:  # 副主任A、B出席: a bare name after a name shares its chain
            ks = _names_at(work, pos, cb, verb)
            if ks and len(ks) == 1:
                got = (pos, ks[0], posts, pos)
            elif ks == [] and (k := _bare_item(work, pos, cb)):
                # 副县长A、B、C(four characters)、D,…: a name of no surname the lexicon knows, between the
                # run's separators (round 12, ext-153)
                got = (pos, k, posts, pos)
        if got is None:
            if work.startswith(("原", "前", "时任"), pos):
                return  # a former post: left to the 任免 rules
            for j in (j for j in starts if j > pos):
                if _SPACE.search(work, pos, j - 1):
                    break  # a chain holds no space (a table's row, not prose)
                ks = _names_at(work, j, cb, verb)
                if ks == []:
                    continue
                if ks and squash(src[j:j + ks[0]]) in ruled:
                    got = (j, ks[0], [], pos)  # read by the rules: not parsed again (the clause goes on after it)
                    break
                ps = r.posts(pos, j - 1) if work[j - 1] in " \u3000" else r.posts(pos, j)
                if not ps or any(not_unit.search(to_simplified(p.unit)) for p in ps):
                    continue  # (办公室副主任由市住建委副主任A兼任: a clause of a group's roles, not one chain)
                if ks is None:
                    if not any(squash(src[j:j + k]) in names for k in (2, 3, 4)):
                        r.ctx.warn(f"the name after {work[pos:j]!r} could end at more than one length; no post read")
                    return
                got = (j, ks[0], ps, pos)
                break
        if got is None:
            return
        j, k, posts, pa = got
        if any(p.former for p in posts):
            return
        name = squash(src[j:j + k])
        if any(n != name and (n.startswith(name) or name.startswith(n)) for n in names):
            return  # 陈镇 read elsewhere, 陈镇作 here: a name cut otherwise (or run on) by the rules
        if name not in ruled and posts:
            r.emit(name, posts, pa, j + k, "start")
            ruled.add(name)
        e = j + k
        if e >= cb or work[e] not in "、和及":  # (…局长B和…局长C带队: 和 joins the last entry; round 32, ext-424)
            return
        pos = e + 1
        m = re.match(r"(?:以及|及|和)", work[pos:cb])
        if m:
            pos += m.end()


_NOT_IN_BARE_NAME = re.compile(r"[各等及和与的人部局委办厅组会院校所站队长记任员]")


def _unsurnamed(r, sa: int, sb: int, clauses: list, names: set, verb, lead, not_unit) -> None:
    """``市委副书记、统战部部长甲乙,…`` in a sentence whose other clauses give posts: a clause that is one
    post chain read whole, then a name of two to four characters that no surname opens (Tibetan names:
    round 18, ext-219), ended by the clause's end or a verb. Read only where one cut of the clause reads
    (the chain whole, the rest no title, unit or plural word), and only in a sentence where the rules
    read posts before names in another clause (a list of those present, not a lone phrase)."""
    work, src = r.work, r.src
    def facts_in(a, b):
        return [f for f in r.facts if f.get("evidence") and a <= f["evidence"]["start"] < b]
    if not facts_in(sa, sb):
        for ca, cb in clauses:
            _attendee_run(r, ca, cb, names, verb, lead, not_unit)
        return
    for ca, cb in clauses:
        if facts_in(ca, cb):
            continue
        pos = lead.match(work, ca, cb).end()
        if re.search("的|职务|代理", work[pos:cb]):
            continue  # …代理某市人民政府市长职务的议案: no chain of posts before a name
        ends = [cb] + [e for e in range(pos + 3, cb) if verb.match(work, e)]
        cuts = [(j, e, ps) for e in ends for j, ps in _bare_name_at_end(work, pos, e, r, not_unit, verb)]
        if len(cuts) != 1:
            continue
        j, e, ps = cuts[0]
        name = squash(src[j:e])
        if name in names or any(n.startswith(name) or name.startswith(n) for n in names):
            continue
        r.emit(name, ps, pos, e, "start")
        names.add(name)


def _bare_name_at_end(work: str, pos: int, e: int, r, not_unit, verb) -> list:
    """The cuts of work[pos:e] into a post chain read whole and a name of two to four characters that no
    surname opens and that holds no title, role, unit or plural word: [(name start, posts)]."""
    cuts = []
    for k in (2, 3, 4):
        j = e - k
        if j - pos < 2:
            continue
        nm = to_simplified(work[j:e])
        if not re.fullmatch(f"[{CJK}]+", nm) or _NOT_IN_BARE_NAME.search(nm) or is_unit_like(nm) \
                or _title_start().search(nm) or verb.search(nm):
            continue
        ps = r.posts(pos, j)
        if ps and not any(p.former or not_unit.search(to_simplified(p.unit)) for p in ps):
            cuts.append((j, ps))
    return cuts


def _attendee_run(r, ca: int, cb: int, names: set, verb, lead, not_unit) -> None:
    """``县政府常务副县长扎西闹吾、副县长成林才仁出席会议``: a clause that is two or more entries joined by 、, each a
    post chain read whole and a name no surname opens (Tibetan names: round 32, ext-408), the last ended by a
    verb of the news (出席, 参加: prose_posts.tsv). Read only when every entry reads in exactly one cut; else
    nothing (the guard of ``_unsurnamed``'s sentence with posts read elsewhere is the run itself)."""
    work, src = r.work, r.src
    pos = lead.match(work, ca, cb).end()
    if re.search("的|职务|代理|原|前任", work[pos:cb]):
        return
    vm = next((m for m in (verb.match(work, e) for e in range(pos + 3, cb)) if m), None)
    if vm is None:
        return
    parts = work[pos:vm.start()].split("、")
    if len(parts) < 2:
        return
    got, a = [], pos
    for part in parts:
        cuts = _bare_name_at_end(work, a, a + len(part), r, not_unit, verb)
        if len(cuts) != 1:
            return
        got.append((a, cuts[0][0], a + len(part), cuts[0][1]))
        a += len(part) + 1
    for a, j, e, ps in got:
        name = squash(src[j:e])
        if name in names or any(n.startswith(name) or name.startswith(n) for n in names):
            return
    for a, j, e, ps in got:
        name = squash(src[j:e])
        r.emit(name, ps, a, e, "start")
        names.add(name)
