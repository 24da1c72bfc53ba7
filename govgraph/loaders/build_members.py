"""Groups, their members (persons and units) and the posts named in member lists.

Constructs:
- role-marker lists: ``组 长:李艳明 区政府常务副区长 副组长:…`` (names padded with spaces,
  several people per role, posts joined by 、, qualifiers like (挂职)); labels after numbering
  or the group's word (``1.组长:``, ``领导小组办公室主任:``), with an order note
  (``成员(按姓氏笔画为序):``), without a colon (``组  长  张三  区长``), alone on a line with
  the entries below (cells copied one a line);
- one entry a line under a label (continuation lines carry a name and a post), sub-headings
  inside a list, an office's list under its heading (roles 办公室主任 …);
- entries: name and post (any spacing, a comma, or glued), ``张三(区长)``, names only,
  ``何伟森(市市政局)``, units with their leaders' words (``国家发展改革委主要负责人``);
- prose (member_prose): ``由分管副区长彭焚任组长``, ``办公室主任由X同志兼任``,
  ``成立以X为组长…为成员的Y``, ``成员单位由…组成``;
- offices: ``领导小组下设办公室,在区水务局办公,由许才勇兼任办公室主任``.
The group of a list: named above it (``X成员名单``), a heading, the group named nearby, the
title's group, the body's (member_groups, member_facts). Entries: member_entries.
"""

from __future__ import annotations

import re
from collections.abc import Iterator, Sequence
from typing import Any

from .context import NoticeContext
from .lexicon import alternation, data_lines, data_words, load_lexicon
from .member_facts import LEADER_WORDS as _LEADER_WORDS
from .member_facts import group_for as _group_for
from .member_facts import full_name, named_groups, restore_prefix
from .member_facts import heading_above as _heading_above
from .member_facts import membership as _membership
from .member_facts import post_facts as _post_facts
from .member_facts import strip_leader as _strip_leader
from .member_entries import NAME_NOTES, entry, glued_entries, listed_name, looks_like_entry, name_at, names_only, unit_list_piece
from .member_groups import bare_heading_group, heading_group
from .member_prose import prose_members
from .mentions import CJK, is_person_name, is_unit_like, split_posts, split_unit_list, title_suffix

__all__ = ["build_members", "ROLE_MARKER_RE"]

_LEX = load_lexicon()


def _spaced(word: str) -> str:
    """A role as written: with no layout spaces, or with spaces between every two characters
    (``副 召 集 人``, ``总   指   挥``); never across a line break, never spaced only in part
    (``主任 委  员`` is a post then a role)."""
    if len(word) == 1:
        return re.escape(word)
    return re.escape(word) + "|" + r"[ ]+".join(map(re.escape, word))


_SPACED_ROLES = "|".join(_spaced(r) for r in _LEX.roles)
_ORDER_NOTE = r"(?:\((?:按|以)[^()]{1,12}\)\s*)?"  # (按姓氏笔画为序)
_GROUP_SUF = "|".join(map(re.escape, _LEX.group_suffixes))
# A role label, after numbering or the group's own word (``1.组长:``, ``领导小组办公室主任:``).
ROLE_MARKER_RE = re.compile(
    r"(?:(?<=^)|(?<=[\s。;,.、):]))(?P<gw>[^\s:,。;、()]{0,30}?(?:" + _GROUP_SUF + r"|办公室))?"
    r"(?P<role>" + _SPACED_ROLES + r")[ ]*(?:\((?P<rq>常务|执行|第一|兼|兼任|召集人)\)[ ]*)?" + _ORDER_NOTE + r"(?:为)?:\s*" + _ORDER_NOTE
)
_OFFICE_ROLES = frozenset(data_lines("office_roles.txt"))
# A label glued to the entry before it, in a page copied without line breaks
# (``组长:张三国务院副总理副组长:李四…成员:…``): a marker only after a title (round 10, ext-106).
_GLUED_MARKER_RE = re.compile(r"(?P<role>" + "|".join(map(re.escape, sorted(_LEX.roles, key=len, reverse=True))) + r"):")
_NATIONAL_UNITS = frozenset(data_lines("national_units.txt"))


def _known_unit(u: str) -> bool:
    """A unit of the national government by its name (国务院…, a ministry: national_units.txt)."""
    return u in _NATIONAL_UNITS or u.startswith(("国务院", "国家", "中共中央", "中央", "全国"))


# The next numbered heading (``三、工作机构``) ends a list read from glued labels.
_OUTLINE = re.compile(r"[一二三四五六七八九十]{1,3}、")
# A role at the start of a line with no colon (``组  长  张三  区长``): a marker only when the
# rest of the line reads as an entry.
_BARE_MARKER_RE = re.compile(r"(?m)^[ \t]*(?P<role>" + _SPACED_ROLES + r")[ \t]+(?=\S)")
# A role alone on its line, its entries on the lines below (a table copied one cell a line).
# It may be a numbered sub-heading of the list: ``(一)主任委员`` / ``张三 市长`` / ``(二)委员`` / …
# A numbered sub-heading may qualify its role and count its entries (``一、外聘委员(16名)``: round 11, ext-118).
_ROLE_LINE_RE = re.compile(r"(?m)^[ \t]*(?:(?:[一二三四五六七八九十]+、|\([一二三四五六七八九十\d]+\)|\d+[.、])[ \t]*"
                           r"(?:[\u4e00-\u9fff]{2,4}?(?=(?:" + _SPACED_ROLES + r")\(\d+[名人]\)))?)?[ \t]*"
                           r"(?P<role>" + _SPACED_ROLES + r")[ \t]*(?:\(\d+[名人]\))?" + _ORDER_NOTE + r"(?:名单)?[ \t]*$")
# A label that lost the first characters of its role (``  长:`` for 组长, ``  员:`` for 成员, in a
# badly copied page): it ends the list above it, and its entries give posts but no membership.
_CUT_ROLES = sorted({r[k:] for r in _LEX.roles for k in range(1, len(r))} - set(_LEX.roles), key=len, reverse=True)
_CUT_MARKER_RE = re.compile(r"(?m)^[ \t\u3000]+(?P<cut>" + "|".join(map(re.escape, _CUT_ROLES)) + r")[ \t]*:[ \t]*(?=\S)")


def _group_near_list(ctx: NoticeContext, pos: int) -> str | None:
    # Attachment titles such as "…问题 部门联席会议成员名单" are laid out with spaces.
    before = ctx.work[max(0, pos - 80):pos]
    # (a committee's list by its role, with an order note below: X咨询委员会委员名单 / (以姓氏笔画为序); round 11, ext-118)
    m = re.search(r"([^\s:,。;]{2,40}(?:\s[^\s:,。;]{1,30})?)(?:成员|人员|组成人员|(?<=委员会)委员)名单\s*"
                  r"(?:\((?:按|以)[^()]{1,12}\))?\s*$", before.strip())
    if m:
        name = re.sub(r"\s+", "", m.group(1))
        name = re.sub(r"^(?:[一二三四五六七八九十]+、|\([一二三四五六七八九十]+\)|附件\d*:?)", "", name)
        for suf in _LEX.group_suffixes:
            if name.endswith(suf) and len(name) > len(suf) + 1:
                return name
    return None


_TABLE_RULE = re.compile(r"(?m)^[ \t]*\|?(?:[ \t]*:?-{3,}:?[ \t]*\|)+[ \t]*:?-*:?[ \t]*$")


def _cells_as_spaces(work: str) -> str:
    """Table cell borders (``| 组长 | 张三 | 区长 |``, a Markdown rule ``|---|---|``) read as spaces
    (same length, so offsets still quote the source)."""
    if "|" not in work and "｜" not in work:
        return work
    work = _TABLE_RULE.sub(lambda m: " " * len(m.group()), work)
    return work.replace("|", " ").replace("｜", " ")


# A role label on a line of its own and its colon on the next (a table copied one cell a line:
# ``召 集 人`` / ``：`` / ``张三`` / ``党工委副书记``; round 17, ext-277). The label fills its line, so its
# layout spaces may fall anywhere (``副 召 集人``).
_LONE_COLON = re.compile(r"(?m)^(?P<role>[ ]*[\u4e00-\u9fff][\u4e00-\u9fff ]{1,15})(?P<gap>\n[ \n]*):[ ]*$")


def _lone_colons(work: str) -> str:
    """A role label and the colon alone on the line after it, read as ``role:`` (same length: the
    label's layout spaces and the line breaks become spaces after it)."""
    if not re.search(r"\n[ ]*:[ ]*(?:\n|$)", work):
        return work

    def joined(m: re.Match[str]) -> str:
        role = m.group("role").replace(" ", "")
        if role not in _LEX.roles:
            return m.group()
        return role + " " * (len(m.group("role")) - len(role) + len(m.group("gap"))) + ":"
    return _LONE_COLON.sub(joined, work)


# A team of a body split into teams named only by number (三、分组情况: 第一组:A市、B市 成 员:…; round 17, ext-274)
_TEAM = re.compile(r"第[一二三四五六七八九十]{1,3}组(?=[:\s])")


def _numbered_team(work: str, pos: int) -> str | None:
    """``第一组`` when the list at ``pos`` follows that label in its sentence (no 。 between) and the
    notice labels two teams or more so; else None (the group named as the text names it)."""
    if len(_TEAM.findall(work)) < 2:
        return None
    last = None
    for m in _TEAM.finditer(work, max(0, pos - 60), pos):
        last = m
    if last is None or re.search(r"[。;]", work[last.end():pos]) or _TEAM.search(work, last.end(), pos):
        return None
    return last.group()


def _role_lists(ctx: NoticeContext, facts: list[dict[str, Any]]) -> list[tuple[int, str]]:
    """Role-marker lists; returns where each list starts and its group."""
    work = _lone_colons(_cells_as_spaces(ctx.work))
    list_groups = []
    markers = list(ROLE_MARKER_RE.finditer(work)) + list(_CUT_MARKER_RE.finditer(work))
    for m in _BARE_MARKER_RE.finditer(work):
        eol = work.find("\n", m.end())
        if looks_like_entry(work[m.end(): eol if eol != -1 else len(work)]) and \
                not any(o.start() <= m.end() and m.start() <= o.end() for o in markers):
            markers.append(m)
    for m in _ROLE_LINE_RE.finditer(work):
        nxt = next((ln for ln in work[m.end():m.end() + 200].split("\n")[1:] if ln.strip()), "")
        if looks_like_entry(nxt) and not any(o.start() <= m.end() and m.start() <= o.end() for o in markers):
            markers.append(m)
    for m in _GLUED_MARKER_RE.finditer(work):
        if title_suffix(work[max(0, m.start() - 12):m.start()]) and \
                not any(o.start() <= m.end() and m.start() <= o.end() for o in markers):
            markers.append(m)
    markers.sort(key=lambda m: m.start())
    in_office = False
    last_run_end = 0
    run_since: dict[int, int] = {}  # where the list before a run of labels ended
    names = named_groups(ctx)
    for i, m in enumerate(markers):
        if "cut" in m.re.groupindex:
            role = _complete_cut(work, markers, i, names)
            if role:
                ctx.warn(f"a member list label 「{m.group('cut')}:」 is not a whole role; read as {role} (the labels around it)")
            else:
                ctx.warn(f"a member list label 「{m.group('cut')}:」 is not a whole role; its posts are kept, no membership")
        else:
            role = re.sub(r"\s+", "", m.group("role"))
            rq = m.groupdict().get("rq")
            if rq and rq + role in _LEX.roles:
                role = rq + role  # 副组长(常务): 常务副组长
        seg_end = markers[i + 1].start() if i + 1 < len(markers) else len(work)
        seg_end = _before_signature(work, m.end(), seg_end)
        if m.re is _GLUED_MARKER_RE and _OUTLINE.search(work, m.end(), seg_end):
            seg_end = _OUTLINE.search(work, m.end(), seg_end).start()
        first = m
        j = i
        while j > 0 and markers[j - 1].end() >= markers[j].start() - 200 and \
                _is_list_marker_run(work, markers[j - 1], markers[j], names):
            j -= 1
            first = markers[j]
        gw = m.groupdict().get("gw") or ""
        above = _line_above(work, m.start())
        if first is m or (above.strip() and ":" not in above and not looks_like_entry(above)):
            in_office = re.sub(r"\s+", "", above).endswith("办公室")  # a heading: (二)领导小组办公室
        if role in _OFFICE_ROLES and (gw.endswith("办公室") or in_office):
            role = "办公室" + role
        # A run of labels in one sentence (``区创建领导小组第一副组长:A,常务副组长:B、C,副组长:…``):
        # the group the first label names is the group of every label after it.
        first_gw = first.groupdict().get("gw") or ""
        group = (gw if _specific_group(gw) else None) or (first_gw if _specific_group(first_gw) else None) \
            or _group_near_list(ctx, first.start()) \
            or _heading_above(ctx, first.start()) \
            or _group_for(ctx, first.start(), since=run_since.setdefault(first.start(), last_run_end))
        if group is None:
            group = bare_heading_group(_line_above(work, first.start())) or _bare_set_up(work, first.start())
            if group and first is m:
                ctx.warn(f"a member list ({role}) whose group is named only 「{group}」 (by its kind, above it); recorded so")
        if group is None:
            group = _numbered_team(work, m.start())
        if group is None:
            ctx.warn(f"a member list ({role}) whose group is not named; skipped")
            continue
        list_groups.append((m.start(), group))
        last_run_end = m.end()
        lines = _list_lines(work, m.end(), seg_end)
        if len(lines) > 1 and not work[lines[-1][0] + len(lines[-1][1]):].strip() and _bare_names(lines[-1][1]) \
                and not _bare_names(lines[-2][1]):
            # The text ends on a bare name in a list of names with posts: a page cut inside an entry.
            ctx.warn(f"member list ends the text with 「{lines[-1][1].strip()}」 and no post (cut off?); skipped")
            lines = lines[:-1]
        # In a list of persons, a line that is only a unit's leader (区经发局负责人) lost its name.
        among_persons = sum(1 for _, t in lines if looks_like_entry(t) and not unit_list_piece(t)) >= 2
        for a, piece in lines:
            last_run_end = a + len(piece)
            for pm in _entry_parts(piece):
                _list_piece(ctx, facts, group, role, a + pm.start(), pm.group(), among_persons)
    return list_groups


_BARE_SET_UP = re.compile(r"(?:成立|组建|设立)(?P<g>" + _GROUP_SUF + r")(?:,|:|。|$)(?:[^。\n]{0,12}[:。])?\s*$")


def _bare_set_up(work: str, pos: int) -> str | None:
    """``成立工作专班,成员如下:`` right above a list: the group is named only by its kind."""
    m = _BARE_SET_UP.search(work[max(0, pos - 60):pos])
    return m.group("g") if m else None


def _bare_names(text: str) -> bool:
    """Names only, none with a post in brackets (``张三``, not ``张三(区长)``)."""
    names = names_only(text)
    return bool(names) and not any(q and split_posts(q) for *_, q in names)


def _role_of(m: re.Match[str]) -> str | None:
    return None if "cut" in m.re.groupindex else re.sub(r"\s+", "", m.group("role"))


def _complete_cut(work: str, markers: list[re.Match[str]], i: int, names: Sequence[tuple[str, int]]) -> str | None:
    """The role a label that lost its first characters stands for, from the labels of its run:
    before a 副X label it is X (``  长:`` then ``副组长:`` -> 组长); after another label it may be
    成员 (``  员:``). None unless exactly one role fits."""
    cut = markers[i].group("cut")
    lo = hi = i
    while lo > 0 and _is_list_marker_run(work, markers[lo - 1], markers[lo], names):
        lo -= 1
    while hi + 1 < len(markers) and _is_list_marker_run(work, markers[hi], markers[hi + 1], names):
        hi += 1
    present = {_role_of(markers[k]) for k in range(lo, hi + 1)} - {None}
    cands = {"成员"} if i > lo else set()
    for k in range(i + 1, hi + 1):
        r = _role_of(markers[k]) or ""
        base = re.sub(r"^(?:常务|第一|执行)?副", "", r)
        if base != r and base in _LEX.roles:
            cands.add(base)
    fit = {r for r in cands - present if r.endswith(cut)}
    return fit.pop() if len(fit) == 1 else None


def _entry_parts(piece: str) -> Iterator[re.Match[str] | _Shifted]:
    """Parts of a piece: between ``;``, and between ``、`` when each part is an entry of its own
    (``李四 副市长、王五 副市长``; not ``张三 区委常委、区政府常务副区长``)."""
    for pm in re.finditer(r"[^;]+", piece):
        glued = list(_BRACKET_ENTRY.finditer(pm.group()))
        if len(glued) > 1 and not _BRACKET_ENTRY.sub("", pm.group()).strip():
            # 李四(县委常委、常务副县长)王五(副县长): entries with nothing between them
            yield from (_Shifted(x, pm.start()) for x in glued)
            continue
        parts = list(re.finditer(r"[^、]+", pm.group()))
        if len(parts) > 1 and all(" " in x.group().strip() and looks_like_entry(x.group()) for x in parts):
            yield from (_Shifted(x, pm.start()) for x in parts)
        else:
            yield pm


_BRACKET_ENTRY = re.compile(rf"[{CJK}·]{{2,4}}?(?:同志)?\([^()]+\)")


class _Shifted:
    """A sub-match seen from the piece it was found in."""

    def __init__(self, m: re.Match[str], base: int) -> None:
        self._m, self._base = m, base

    def start(self) -> int:
        return self._base + self._m.start()

    def group(self) -> str:
        return self._m.group()


def _line_above(work: str, pos: int) -> str:
    lines = [ln for ln in work[max(0, pos - 200):pos].split("\n")[:-1] if ln.strip()]
    return lines[-1] if lines else ""


def _specific_group(g: str) -> bool:
    return bool(g) and heading_group(g) == g


_HEADING = re.compile(r"^\s*(?:[一二三四五六七八九十]+、|\([一二三四五六七八九十]+\)|\d+[、.](?!\d)|附件)")


# A line shaped as a name and its posts in brackets whose opening bracket is lost to garbling
_DAMAGED_ENTRY = re.compile(r"[\u4e00-\u9fff·]{2,16}[^\s()]{0,12}[^\u4e00-\u9fff\s()·][^\s()]{1,30}、[^\s()]{1,10}\)")


def _list_lines(work: str, a: int, b: int) -> list[tuple[int, str]]:
    """The parts of ``work[a:b]`` (after a role marker) that hold list entries, as (start, text).

    The marker's own line runs to its full stop; a comma there ends the list unless what
    follows is more member units (``成 员:各区人民政府,市委军民融合办、机要保密局,…``).
    Each later line is one more entry (continuation lines carry a name and a post) until a
    line that is a sentence, a heading or another label (``员:``) ends the list.
    """
    seg = work[a:b]
    nl = seg.find("\n")
    first = seg if nl == -1 else seg[:nl]
    stop = first.find("。")
    out: list[tuple[int, str]] = []
    line = first[:stop] if stop != -1 else first
    parts = list(re.finditer(r"[^,;]+", line))
    for k, pm in enumerate(parts):
        if k and split_posts(pm.group().strip()) and \
                is_person_name(re.sub(r"同志$", "", parts[k - 1].group().strip()), delimited=True):
            # 组长:张三,市委副书记、市长 -- name and post split by a comma: one entry
            s0 = parts[k - 1].start()
            out[-1] = (a + s0, line[s0:pm.end()].replace(",", " "))
            continue
        if k and not (unit_list_piece(pm.group()) or looks_like_entry(pm.group())):
            return out
        out.append((a + pm.start(), pm.group()))
    if stop != -1 or (len(parts) > 1 and not (len(parts) == 2 and _name_comma_post(line))) or nl == -1:
        return out  # (a first line 王五,县财政局局长 is one entry: the lines below may go on)
    pos = a + nl + 1
    lines = seg[nl + 1:].split("\n")
    for k, line in enumerate(lines):
        s = line.strip()
        if s:
            if (re.search(r"[,。:]", s) and not _name_comma_post(s) and not _name_posts_comma(s)) or heading_group(s):
                nxt = next((x for x in lines[k + 1:] if x.strip()), "")
                if not (_DAMAGED_ENTRY.fullmatch(s) and looks_like_entry(nxt)):
                    break
                # An entry a copy damaged (its bracket garbled: 加拉力?。ㄊ兴…局长)) between entries:
                # kept as an entry (it is not read, with a warning); the list goes on.
                out.append((pos, line))
            elif _HEADING.match(s):
                # A sub-heading inside the list ((一)市直部门) when an entry follows it.
                nxt = next((x for x in lines[k + 1:] if x.strip()), "")
                if len(s) > 20 or not looks_like_entry(nxt):
                    break
            else:
                out.append((pos, line))
        pos += len(line) + 1
    return _join_name_and_post_lines(work, out)


def _name_comma_post(s: str) -> bool:
    """A continuation line ``赵六,县水利局局长``: a name, one comma, its posts."""
    name, sep, post = s.partition(",")
    return bool(sep) and not re.search(r"[,。:]", post) and \
        is_person_name(re.sub(r"同志$", "", name.strip()), delimited=True) and bool(split_posts(post.strip()))


def _name_posts_comma(s: str) -> bool:
    """A continuation line ``赵六 原县政府巡视员,县某协会名誉会长``: a name, a gap, and posts with a comma between
    two of them (round 26, ext-378), no full stop."""
    m = re.fullmatch(rf"(?P<n>[{CJK}](?:[ \u3000]?[{CJK}]){{1,3}})[ \u3000]+(?P<p>[^,。:;\s]+(?:,[^,。:;\s]+){{1,2}})", s)
    return bool(m) and is_person_name(re.sub(r"[ \u3000]", "", m.group("n")), delimited=True) \
        and all(split_posts(p) for p in m.group("p").split(","))


def _join_name_and_post_lines(work: str, lines: list[tuple[int, str]]) -> list[tuple[int, str]]:
    """A name on one line and its post on the next (cells copied one a line) make one entry."""
    out: list[tuple[int, str]] = []
    for start, text in lines:
        if out and split_posts(text.strip()) and not names_only(text):
            p0, prev = out[-1]
            names = names_only(prev)
            if names and len(names) == 1 and not names[0][3]:
                out[-1] = (p0, work[p0:start + len(text)].replace("\n", " "))
                continue
        out.append((start, text))
    return out


_SIGNED = re.compile(
    r"(?:^|(?<=\s))(?P<issuer>[^\s,;:。、]{3,40})\s*"
    r"(?:(?:19|20)\d{2}\s*年\s*\d{1,2}\s*月\s*\d{1,2}\s*日|[〇○零一二三四五六七八九]{4}年[一二三四五六七八九十]{1,2}月[一二三四五六七八九十]{1,3}日)"
)


def _before_signature(work: str, a: int, b: int) -> int:
    """End of a member list at ``work[a:b]``: a list with no closing sentence runs into the
    notice's signature, which is the issuer, not a member."""
    for m in _SIGNED.finditer(work, a, b):
        if is_unit_like(m.group("issuer")):
            return m.start("issuer")
    return b


def _unit_name_title(piece: str) -> tuple[str, list[tuple[str, str, str | None]]] | None:
    """A table row ``区发改局  张三  局长`` (unit, name, title): (name, posts), or None.

    >>> _unit_name_title("区发改局  张三  局长")
    ('张三', [('区发改局', '局长', None)])
    """
    toks = piece.split()
    if len(toks) not in (3, 4) or not is_unit_like(toks[0]) or title_suffix(toks[-1]) != toks[-1]:
        return None
    name = "".join(toks[1:-1])
    if (len(toks) == 4 and not (len(toks[1]) == len(toks[2]) == 1)) or not is_person_name(name, delimited=True):
        return None
    return name, [(toks[0], toks[-1], None)]


_TITLE_STARTS = {t[:k] for t in _LEX.titles for k in range(1, len(t))}


def _cut_title(tok: str) -> bool:
    """``市规划局副局``: a unit, then the start of a title that is not there (a cut text)."""
    return any(is_unit_like(tok[:k]) and len(tok) - k >= 2 and tok[k:] in _TITLE_STARTS and not split_posts(tok)
               for k in range(2, len(tok)))


# A short note after a name, before its post (``张三(兼) 区财政局局长``): blanked.
# (a name padded to two characters' width may carry it too: 冯 丹(女); round 11, ext-118)
_NAME_NOTE = re.compile(rf"(?:(?<=^)|(?<=\s))(?P<n>[{CJK}·]{{2,4}}|[{CJK}][ \u3000]{{1,2}}[{CJK}])\({NAME_NOTES}\)(?=\s)")
# 同志 after a name, before its post (``张三同志 县长``, ``王五同志,县财政局局长``): blanked.
_NAME_COMRADE = re.compile(rf"(?:(?<=^)|(?<=\s))(?P<n>[{CJK}·]{{2,4}}?)同志(?=[\s,]|$)")
_ROW_NUMBER = re.compile(r"^\s*(?:\d{1,3}(?:[.、]|\s)|\(\d{1,3}\))\s*")
_NAME_GAP_PAREN = re.compile(rf"(?:(?<=^)|(?<=[\s:]))(?P<n>[{CJK}·]{{2,4}}|[{CJK}][ \u3000]{{1,2}}[{CJK}])"
                             rf"(?P<g>[ \u3000]+)(?P<b>\([^()]{{2,60}}\))(?=\s|$)")
_CUT_UNIT_RUN = re.compile(r"(?P<by>\s*由)(?P<units>[^。,;:\n]+?)(?P<last>、[^、。,;:\n]+)\s*")
_BY_WHOM = re.compile(r"^(\s*由)(.+?)((?:同志)?(?:担任|兼任)\s*)$")


def _list_piece(ctx: NoticeContext, facts: list[dict[str, Any]], group: str, role: str | None, base: int, piece: str,
                among_persons: bool = False) -> None:
    """Entries of one piece of a member list (between ; or line breaks)."""
    pending: list[tuple[str, int, int]] = []  # name fragments
    post_first: tuple | None = None  # "副区长 张三": a post waiting for its holder
    post_order = [False]  # this piece writes the post before the name

    def add_person(name: str, posts: list[tuple[str, str, str | None]], a: int, b: int) -> None:
        ev = ctx.evidence(a, b)
        if role:
            facts.append(_membership(ctx, group, name, "person", role, ev))
        said = re.sub(r"\s+", "", ctx.work[a:b])
        for p in posts:
            # 原州人民政府巡视员: 原 before the post marks it former (round 26, ext-378)
            k = said.find(p[0] + p[1])
            facts.extend(_post_facts(ctx, name, [p], ev, former=k > 0 and said[k - 1] == "原"))

    cut = _CUT_UNIT_RUN.fullmatch(piece)
    if cut and role in ("成员", "成员单位") and not ctx.work[base + len(piece):].strip():
        # 成 员:由A、B、…、C协 — the copy ends inside the run (no 组成): the units before the last are read, the
        # last may be cut inside its name (round 26, ext-378)
        ctx.warn(f"member units run to the end of the text; the last, 「{cut.group('last').strip('、 ')}」, may be cut: not read")
        piece = " " * len(cut.group("by")) + cut.group("units") + " " * (len(piece) - cut.end("units"))
    # Row numbers (``1 张三 …``, ``(1)张三 …``) and 由…担任 around an entry are blanked (same length).
    piece = _ROW_NUMBER.sub(lambda m: " " * len(m.group()), piece)
    piece = _NAME_NOTE.sub(lambda m: m.group("n") + " " * (len(m.group()) - len(m.group("n")))
                           if is_person_name(re.sub(r"[ \u3000]", "", m.group("n")), delimited=True) else m.group(), piece)
    piece = _NAME_COMRADE.sub(lambda m: m.group("n") + "  " if is_person_name(m.group("n"), delimited=True) else m.group(), piece)
    piece = re.sub(r"为成员(?:单位)?\s*$", lambda m: " " * len(m.group()), piece)  # 县发改局、县财政局为成员单位
    piece = _BY_WHOM.sub(lambda m: " " * len(m.group(1)) + m.group(2) + " " * len(m.group(3)), piece)
    # A B (市政府副市长), C (市交通运输局局长): a layout gap between a name and its posts' bracket is moved
    # after the bracket (same length; round 12, ext-145)
    piece = _NAME_GAP_PAREN.sub(lambda m: m.group("n") + m.group("b") + m.group("g")
                                if is_person_name(re.sub(r"[ \u3000]", "", m.group("n")), delimited=True) else m.group(),
                                piece)
    if piece.count(")") > piece.count("(") and piece.rstrip().endswith(")"):
        # 滕合方县政府办公室副主任): the opening bracket was lost in copying; the closing one is dropped
        ctx.warn(f"member list entry 「{piece.strip()}」 has an unopened bracket; read without it")
        k = piece.rstrip().rfind(")")
        piece = piece[:k] + " " + piece[k + 1:]
    upt = _unit_name_title(piece)
    if upt:
        name, posts = upt
        add_person(name, posts, base + len(piece) - len(piece.lstrip()), base + len(piece.rstrip()))
        return
    units = unit_list_piece(piece, labelled=role == "成员单位") if role else None
    if units and len(units) == 1 and among_persons and "、" not in piece and _LEADER_WORDS.search(piece.strip()):
        ctx.warn(f"member list entry 「{piece.strip()}」 among persons has no name (lost?); skipped")
        return
    if units and (role in ("成员", "成员单位") or _LEADER_WORDS.search(piece.strip())):
        ev = ctx.evidence(base, base + len(piece))
        for u in units:
            assert role  # units are read only under a role
            facts.append(_membership(ctx, group, restore_prefix(ctx.work, u), "unit", role, ev))
        return
    names = names_only(piece) if role else None
    if names:
        for name, a, b, qual in names:
            posts = split_posts(qual) if qual else []
            add_person(name, posts, base + a, base + b)
            if qual and not posts and not is_unit_like(qual) and len(qual) > 4:
                ctx.warn(f"「{qual}」 after {name} ({role}) is not a post; not recorded")
        if not any(q for *_, q in names):
            ctx.warn(f"{'、'.join(n for n, *_ in names)} ({role}): listed without a post")
        return
    toks = list(re.finditer(r"\S+", piece))
    skip_to = 0
    for i, tm in enumerate(toks):
        if i < skip_to:
            continue
        tok = tm.group()
        a, b = base + tm.start(), base + tm.end()
        posts = split_posts(tok)
        if post_first is not None:
            if post_first[2] > i:
                continue  # second half of a spaced name, consumed below
            name, last = name_at(toks, i)
            if name:
                add_person(name, post_first[0], post_first[1], base + toks[last].end())
                post_first = (None, None, last + 1)
                continue
            post_first = None
        if posts and not pending and (i == 0 or post_order[0]):
            name, last = name_at(toks, i + 1)
            if name:
                post_order[0] = True
                post_first = (posts, a, i + 1)
                continue
        if posts and pending:
            name = "".join(p[0] for p in pending)
            if is_person_name(name, delimited=True) or (len(pending) == 1 and i == 1 and listed_name(name)):
                add_person(name, posts, pending[0][1], b)
            else:
                ctx.warn(f"{name!r} before {tok!r} does not look like a person's name; skipped")
            pending = []
            continue
        if pending and is_unit_like(tok) and i + 1 < len(toks) and title_suffix(toks[i + 1].group()) == toks[i + 1].group():
            # 张三 县财政局 副局长: unit and title in cells of their own
            name, both = "".join(p[0] for p in pending), split_posts(tok + toks[i + 1].group())
            if both and (is_person_name(name, delimited=True) or len(pending) == 1 and i == 1 and listed_name(name)):
                add_person(name, both, pending[0][1], base + toks[i + 1].end())
                pending, skip_to = [], i + 2
                continue
        if not pending:
            glued = glued_entries(tok, ctx.work.count, _known_unit) if len(tok) > 14 else None
            if glued:
                for name, gp, ga, gb in glued:
                    if name:
                        add_person(name, gp, a + ga, a + gb)
                    else:
                        ctx.warn(f"member list entry 「{tok[ga:gb]}」 (glued to the entries around it): "
                                 "where its name ends is not sure; skipped")
                continue
            got = entry(tok)
            if got:
                add_person(got[0], got[1], a, b)
                continue
        if re.fullmatch(f"[{CJK}·]{{1,4}}", tok) and not is_unit_like(tok) and not posts \
                and len("".join(p[0] for p in pending) + tok) <= 4 or i == 0 and listed_name(tok):
            # (a long name, 巴音毕力格, is read only with the post after it)
            pending.append((tok, a, b))
            continue
        if "、" in tok and not pending:
            items = [_strip_leader(u) for u in split_unit_list(tok)]
            if items and all(is_unit_like(u) for u in items):
                for u in items if role else ():
                    assert role
                    facts.append(_membership(ctx, group, _strip_leader(u), "unit", role, ctx.evidence(a, b)))
                continue
            parts = tok.split("、")
            entries = [entry(x) for x in parts]
            if entries and all(entries):
                for name, posts in entries:
                    add_person(name, posts, a, b)
                continue
            if entries[0] and parts[0].endswith(entries[0][0]) and len(parts) > 1 and \
                    all(is_person_name(x, delimited=True) for x in parts[1:]):
                # 副市长李明、赵刚: the post written first is every name's
                for name in [entries[0][0]] + parts[1:]:
                    add_person(name, entries[0][1], a, b)
                continue
        if is_unit_like(tok) and not pending and role in ("成员单位", "成员"):
            facts.append(_membership(ctx, group, _strip_leader(tok), "unit", role, ctx.evidence(a, b)))
            continue
        # Not an entry. Tokens up to the next post make an unreadable entry: say so and go on.
        nxt = next((k for k in range(i + 1, min(len(toks), i + 6)) if split_posts(toks[k].group())), None)
        if nxt is not None and not pending:
            junk = " ".join(t.group() for t in toks[i:nxt])
            ctx.warn(f"member list entry 「{junk}」 (before 「{toks[nxt].group()}」) is not a person's name; skipped")
            skip_to = nxt + 1
            continue
        if pending and _cut_title(tok):
            # A name followed by a post cut off (市规划局副局): not read.
            ctx.warn(f"member list entry 「{''.join(p[0] for p in pending)} {tok}」: the post is cut off; skipped")
            pending = []
        break
    if pending and role:
        name = "".join(p[0] for p in pending)
        if is_person_name(name, delimited=True):
            facts.append(_membership(ctx, group, name, "person", role, ctx.evidence(pending[0][1], pending[-1][2])))
            ctx.warn(f"{name} ({role}) is listed without a post")


def _is_list_marker_run(work: str, m1: re.Match[str], m2: re.Match[str],
                        names: Sequence[tuple[str, int]] = ()) -> bool:
    """Two role markers of one list: no sentence ends between them (a line may end in 。) and no
    group is named between them (``…成员:A、B 同时成立X指挥部: 总指挥:…``)."""
    between = work[m1.end():m2.start()]
    return "。" not in re.sub(r"。[ \t]*\n", "\n", between) and \
        not any(m1.end() <= p < m2.start() for _, p in names) and \
        not any(heading_group(ln) for ln in between.split("\n")[1:])  # 二、县X督导组


def _offices(ctx: NoticeContext, facts: list[dict[str, Any]], list_groups: Sequence[tuple[int, str]] = ()) -> None:
    """``领导小组下设办公室,(办公室设)在区水务局(办公)``: the unit that hosts a group's office."""
    work = ctx.work
    for km in re.finditer(r"下设办公室|办公室设在|办公室设于", work):
        a = work.rfind("。", 0, km.start()) + 1
        e = work.find("。", km.end())
        e = len(work) if e == -1 else e
        um = re.search(r"(?:设在|设于|在)(?P<u>[^,。;()]{2,30}?)(?:办公|,|;|$|\((?:以下)?简称)", work[a:e])
        group = _group_for(ctx, a, list_groups)
        if group and um and is_unit_like(um.group("u")):
            facts.append({"kind": "group", "doc": ctx.doc, "group": group, "office_unit": um.group("u"),
                          "evidence": ctx.evidence(a, e)})


_ROLE_LAST_ROW = re.compile(r"(?m)^[ \t]*(?:\d{1,3}[ \t]+)?(?P<entry>\S[^\n]*?)[ \t]+(?P<role>"
                            + "|".join(map(re.escape, _LEX.roles)) + r")[ \t]*$")


def _role_last_rows(ctx: NoticeContext, facts: list[dict[str, Any]], list_groups: list[tuple[int, str]]) -> None:
    """Table rows with the role in the last column (``| 1 | 张三 | 区长 | 组长 |``): read where
    the notice has at least two such rows and they hold no role label already read."""
    work = _cells_as_spaces(ctx.work)
    rows = []
    for m in _ROLE_LAST_ROW.finditer(work):
        toks = m.group("entry").split()
        for k in (1, 2):
            name = "".join(toks[:k])
            posts = split_posts("".join(toks[k:])) if len(toks) > k else []
            if posts and (k == 1 or len(toks[0]) == len(toks[1]) == 1) and is_person_name(name, delimited=True):
                rows.append((m, name, posts))
                break
    _table_rows(ctx, facts, list_groups, rows, "entry", "role")


_ROLE_MIDDLE_ROW = re.compile(r"(?m)^[ \t]*(?:\d{1,3}[ \t]+)?(?P<name>[^\s\d][^\s]{0,3}(?:[ \t][^\s]{1,2})?)[ \t]+(?P<role>"
                              + "|".join(map(re.escape, _LEX.roles)) + r")[ \t]+(?P<post>\S[^\n]*?)[ \t]*$")


def _role_middle_rows(ctx: NoticeContext, facts: list[dict[str, Any]], list_groups: list[tuple[int, str]]) -> None:
    """Table rows name, role, post (``| 张三 | 组长 | 县长 |``): read where the notice has at
    least two such rows and they hold no role label already read."""
    work = _cells_as_spaces(ctx.work)
    rows = []
    for m in _ROLE_MIDDLE_ROW.finditer(work):
        name = re.sub(r"\s+", "", m.group("name"))
        posts = split_posts(re.sub(r"\s+", "", m.group("post")))
        if posts and is_person_name(name, delimited=True):
            rows.append((m, name, posts))
    _table_rows(ctx, facts, list_groups, rows, "name", "post")


def _table_rows(ctx: NoticeContext, facts: list[dict[str, Any]], list_groups: list[tuple[int, str]],
               rows: list[tuple[re.Match[str], str, list[tuple[str, str, str | None]]]], first: str, last: str) -> None:
    """Facts of member table rows (match, name, posts), quoted from group ``first`` to ``last``;
    none where there are fewer than two rows or they overlap a role list already read."""
    if len(rows) < 2 or any(lpos <= rows[-1][0].end() and rows[0][0].start() <= lpos for lpos, _ in list_groups):
        return
    for m, name, posts in rows:
        group = _group_for(ctx, m.start(), list_groups)
        if group is None:
            ctx.warn("member table rows whose group is not named; skipped")
            return
        ev = ctx.evidence(m.start(first), m.end(last))
        facts.append(_membership(ctx, group, name, "person", m.group("role"), ev))
        facts.extend(_post_facts(ctx, name, posts, ev))


_HOLDER_LABELS = sorted(data_words("holder_labels.tsv", "holder"), key=len, reverse=True)
_ASIDE_LABELS = sorted(data_words("holder_labels.tsv", "aside"), key=len, reverse=True)
# A holder label may follow the entry before it with nothing between (``…省委书记副河长:张三``):
# the leftmost, longest label is read.
_HOLDER_MARKER_RE = re.compile(r"(?:(?P<holder>" + "|".join(map(re.escape, _HOLDER_LABELS)) + r")|(?P<aside>"
                               + "|".join(map(re.escape, _ASIDE_LABELS)) + r"))[ \t]*:[ \t]*")


def _holder_lists(ctx: NoticeContext, facts: list[dict[str, Any]]) -> None:
    """``总河长:A 省委书记 B 省委副书记、省长`` / ``河长:C 省政府副省长协助:省水利厅``: the posts of
    the persons a responsibility system's label lists (data/holder_labels.tsv); no membership. An
    entry runs to the next label or the end of its line."""
    work = _cells_as_spaces(ctx.work)
    markers = list(_HOLDER_MARKER_RE.finditer(work))
    for i, m in enumerate(markers):
        if not m.group("holder"):
            continue
        eol = work.find("\n", m.end())
        end = min(eol if eol != -1 else len(work), markers[i + 1].start() if i + 1 < len(markers) else len(work))
        piece = work[m.end():end]
        if piece.strip() and not re.search(r"[,。;]", piece):
            _list_piece(ctx, facts, "", None, m.end(), piece)


def build_members(ctx: NoticeContext) -> list[dict[str, Any]]:
    """Group, membership and post facts of a notice: member lists, member tables, prose, offices,
    and every group the notice names."""
    facts: list[dict[str, Any]] = []
    list_groups = _role_lists(ctx, facts)
    _holder_lists(ctx, facts)
    _role_last_rows(ctx, facts, list_groups)
    _role_middle_rows(ctx, facts, list_groups)
    prose_members(ctx, facts, list_groups)
    _offices(ctx, facts, list_groups)
    # Every group the notice sets up or names.
    named = {f["group"] for f in facts if f["kind"] == "group"}
    for g, pos in named_groups(ctx):
        if g not in named and full_name(ctx.work, g) == g:  # not a short name (以下简称…)
            named.add(g)
            e = min(len(ctx.work), pos + len(g))
            facts.append({"kind": "group", "doc": ctx.doc, "group": g, "evidence": ctx.evidence(pos, e)})
    for f in facts:
        if f["kind"] == "membership" and f["group"] not in named:
            named.add(f["group"])
            facts.append({"kind": "group", "doc": ctx.doc, "group": f["group"], "evidence": f["evidence"]})
    return facts
