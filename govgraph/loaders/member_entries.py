"""Reading one member-list entry: a name and its posts, names only, or member units.

>>> entry("张三(市委常委、副市长)")[0], entry("市政府副市长张三")[0]
('张三', '张三')
>>> entry("恽益明(副县长)")[0], entry("县长阿依古丽·吐尔逊")[0], entry("县长助理")
('恽益明', '阿依古丽·吐尔逊', None)
>>> [n for n, *_ in names_only("闵 成 马梅红")]
['闵成', '马梅红']
>>> [(n, q) for n, _, _, q in names_only("马  强(县委副书记、县长)、刘洋同志(县公安局副局长)")]
[('马强', '县委副书记、县长'), ('刘洋', '县公安局副局长')]
>>> unit_list_piece("公安部、财政部有关负责人")
['公安部', '财政部']
>>> unit_list_piece("各乡(镇)人民政府、县人民政府有关部门以及与群众利益密切相关的公共企事业单位", labelled=True)
['各乡(镇)人民政府', '县人民政府有关部门', '与群众利益密切相关的公共企事业单位']
>>> looks_like_entry("王为人 市政府副秘书长"), looks_like_entry("负责统筹协调")
(True, False)
"""

from __future__ import annotations

import re

from .member_facts import EACH_LEVELS, member_unit_like, strip_leader
from .lexicon import alternation, data_lines, load_lexicon
from .mentions import CJK, is_person_name, is_unit_like, split_posts, split_unit_list, title_suffix, without_party_body

_LEX = load_lexicon()
# Words that are never part of a name standing before a post in a list.
_NOT_IN_NAME = re.compile(r"[区市县省局委办部厅的各等和及与为由在对将]|同志|负责|成员|领导|单位|部门|工作|人员|专家|分管|主要")

__all__ = ["entry", "glued_entries", "split_name_post", "names_only", "looks_like_entry", "unit_list_piece", "name_at", "listed_name"]


def split_name_post(tok: str):
    """``李艳明区政府常务副区长`` -> (``李艳明``, posts) when a name is glued to its post."""
    for k in (3, 2, 4):
        if len(tok) > k + 2 and is_person_name(tok[:k]):
            posts = split_posts(tok[k:])
            if posts:
                return tok[:k], posts
    return None


# Anti-copy residue: a dot after each character of a word (``外交部.党.委.书.记.、副部长``).
_DOTTED = re.compile(rf"(?:[{CJK}]\.){{3,}}")


def _holds_entry(u: str) -> bool:
    """A title then a name inside a unit read from a glued run: two entries taken for one."""
    return any(title_suffix(u[:m]) and (is_person_name(u[m:m + 2], True) or is_person_name(u[m:m + 3], True))
               for m in range(2, len(u) - 1))


def glued_entries(tok: str, count=lambda s: 1, known=lambda s: False) -> list[tuple[str, list[tuple[str, str, str | None]], int, int]] | None:
    """Several entries written without any separator, each a name and then its unit and title
    (``姜大明国土资源部部长丁向阳国务院副秘书长``): [(name, posts, start, end)], or None unless
    the run reads one way only, with at least two entries, each post with its unit (round 10, ext-106).
    A name that reads in two lengths (丁向阳国务院 / 丁向 阳国务院) takes the one whose unit the
    notice writes again on its own (``count``: occurrences in the notice) or that is ``known`` (a
    national unit), else its name is None.

    >>> known = {"国土资源部", "国务院"}.__contains__
    >>> [(n, p[0][1]) for n, p, *_ in glued_entries("姜大明国土资源部部长丁向阳国务院副秘书长", known=known)]
    [('姜大明', '部长'), ('丁向阳', '副秘书长')]
    >>> [n for n, *_ in glued_entries("姜大明国土资源部部长丁向阳国务院副秘书长")]
    [None, None]
    """
    clean = _DOTTED.sub(lambda m: m.group().replace(".", ""), tok)
    if clean != tok and "." in clean or len(clean) < 10 or not re.fullmatch(rf"[{CJK}、]+", clean):
        return None
    at = [i for i, c in enumerate(tok) if c != "."]  # clean index -> tok index
    n = len(clean)

    def readings(i: int, j: int) -> list:
        """clean[i:j] as a name (2 or 3 characters) and posts with units: [(name, posts or [])]
        for each length that is a name, or [] when no length reads."""
        out = []
        for k in (2, 3):
            if j - i - k < 3 or not is_person_name(clean[i:i + k], delimited=True):
                continue
            posts = split_posts(clean[i + k:j]) if clean[j - 1] != "、" else []
            # 旅游局党组成员: a post in the unit's party body (the body's unit is the unit's + 党组)
            ok = posts and all(u and is_unit_like(without_party_body(u)) and not _holds_entry(u) for u, _, _ in posts)
            out.append((clean[i:i + k], posts if ok else []))
        return out if any(p for _, p in out) else []

    # cuts[i]: the ways to cut clean[i:] into entries (up to 2), each a list of (i, j, readings)
    cuts: list[list] = [[] for _ in range(n + 1)]
    cuts[n] = [[]]
    for i in range(n - 1, -1, -1):
        got = []
        for j in range(i + 5, n + 1):
            if cuts[j]:
                r = readings(i, j)
                if r:
                    got.extend([(i, j, r)] + w for w in cuts[j][:2])
        cuts[i] = got[:2]
    if len(cuts[0]) != 1 or len(cuts[0][0]) < 2:
        return None
    # The cuts are sure (a title ends where a name starts); where a name ends may not be.
    out = []
    for i, j, r in cuts[0][0]:
        if len(r) > 1:  # both lengths are names: the unit must tell (written again, or a known one)
            (n2, p2), (n3, p3) = r
            u2, u3 = (without_party_body(p[0][0]) if p else "" for p in (p2, p3))  # 外交部党委: 外交部 tells
            ev2 = bool(p2) and (known(u2) or count(u2) > 1)
            ev3 = bool(p3) and (known(u3) or count(u3) > count(n3[-1] + u3))
            r = [r[0]] if ev2 and not ev3 else [r[1]] if ev3 and not ev2 else []
        r = [x for x in r if x[1]]
        out.append((r[0][0], r[0][1], at[i], at[j - 1] + 1) if r else (None, [], at[i], at[j - 1] + 1))
    return out


_NAME_PAREN = re.compile(rf"^(?P<name>[{CJK}·]{{2,4}}?)(?:同志)?\((?P<posts>[^()]+)\)$")


def entry(tok: str):
    """One list entry written in a single token: ``张三(市委常委、副市长)`` or ``市政府副市长张三``."""
    m = _NAME_PAREN.match(tok)
    if m and is_person_name(m.group("name"), delimited=True):
        posts = split_posts(m.group("posts"))
        if posts:
            return m.group("name"), posts
    tok = re.sub(r"同志$", "", tok)
    for k in (3, 2, 4):
        if len(tok) >= k + 2 and is_person_name(tok[-k:]):
            posts = split_posts(tok[:-k])
            if posts:
                return tok[-k:], posts
    whole = split_posts(tok)
    if whole and not re.match(rf"^[{CJK}]{{2,3}}[区市县省镇乡]", whole[0][0]):
        return _name_before_province(tok) or _long_name_entry(tok, scan=False)  # a post on its own, not a name
        # glued to a post, unless a province's name starts the posts after a name
    return split_name_post(tok) or _long_name_entry(tok)


def _name_before_province(tok: str):
    """``王五江苏省委常委、市委书记``: a name glued to posts whose first unit starts with a province's name
    (provinces.txt), when one length of name only leaves it so (round 21, ext-341)."""
    got = [(tok[:k], posts) for k in (2, 3) if is_person_name(tok[:k]) and tok[k:].startswith(_PROVINCES)
           and (posts := split_posts(tok[k:]))]
    return got[0] if len(got) == 1 else None


_PROVINCES = tuple(data_lines("provinces.txt"))
_LONG_PAREN = re.compile(rf"^(?P<name>[{CJK}·]{{2,16}}?)(?:同志)?\((?P<posts>[^()]+)\)$")


def _long_name_entry(tok: str, scan: bool = True):
    """A name that is not read without its post (a rare surname, a Uyghur or Mongolian name), set
    apart by a bracket (``恽益明(副县长)``) or after a post (``县长阿依古丽·吐尔逊``)."""
    m = _LONG_PAREN.match(tok)
    if m and listed_name(m.group("name")) and split_posts(m.group("posts")):
        return m.group("name"), split_posts(m.group("posts"))
    if m or not scan:
        return None
    for k in range(len(tok) - 2, 1, -1):
        posts = split_posts(tok[:k])
        if posts and title_suffix(tok[:k]) and listed_name(tok[k:]) and not split_posts(tok[k:]) \
                and not is_person_name(tok[k - 1:]):
            return tok[k:], posts
    return None


_QUALIFIED = re.compile(rf"^(?P<name>[{CJK}·]{{2,4}}?)(?:同志)?(?:\((?P<q>[^()]{{1,30}})\))?$")


def names_only(piece: str):
    """A piece that is only names (``王晓剑 谭志新``, ``闵 成 马梅红``, ``胡继军(常务)、 邱  铭``,
    ``何伟森(市市政局)``): [(name, start, end, bracket text)], or None.

    A name padded with spaces is two single characters (``闵 成``); a single character
    before a longer token is not read (``王 晓剑`` is not split by guessing).
    """
    parts = [m for m in re.finditer(r"(?:[^、(]|\([^()]*\))+", piece) if m.group().strip()]  # 、 outside brackets
    out = []
    for pm in parts:
        toks = list(re.finditer(r"\S+", pm.group()))
        i = 0
        while i < len(toks):
            t = toks[i]
            a = pm.start() + t.start()
            if len(t.group()) == 1:
                if i + 1 >= len(toks):
                    return None
                t2 = toks[i + 1]
                m = _QUALIFIED.match(t.group() + t2.group())
                if not m or len(t2.group().split("(")[0]) != 1:
                    return None
                i, b = i + 2, pm.start() + t2.end()
            else:
                m = _QUALIFIED.match(t.group())
                i, b = i + 1, pm.start() + t.end()
            if not m or not is_person_name(m.group("name"), delimited=True):
                return None
            out.append((m.group("name"), a, b, m.group("q")))
    return out or None


#: the short notes after a name (name_notes.txt: 女, 兼 …), a regex group
NAME_NOTES = alternation(data_lines("name_notes.txt"))
_NAME_NOTE_SPACE = re.compile(rf"(?<=[{CJK}])\({NAME_NOTES}\)(?=\s)")


def looks_like_entry(text: str) -> bool:
    """Does ``text`` read as member-list entries (name and post, names only, 、-joined entries)?"""
    text = text.strip()
    if not text or len(text) > 80 or re.search(r"[,。:;]", text):
        return False
    if names_only(text):
        return True
    # a short note after the name (李四(女)  某大学教授; round 11, ext-118) does not stop the entry
    toks = _NAME_NOTE_SPACE.sub("", text).split()
    for k in (1, 2):
        if len(toks) > k and is_person_name("".join(toks[:k]), delimited=True) and split_posts("".join(toks[k:])):
            return True
    if len(toks) > 1 and split_posts(toks[0]) and is_person_name("".join(toks[1:]), delimited=True):
        return True
    return all(entry(x) for x in re.split(r"\s*、\s*", text))


# Under a 成员单位 label every item is a unit: one described in words ends in a unit word
# (县人民政府有关部门, 与群众利益密切相关的公共企事业单位).
_DESCRIBED_UNIT = re.compile(rf"[{CJK}()]{{2,30}}(?:单位|部门|机构)")


def unit_list_piece(piece: str, labelled: bool = False) -> list[str] | None:
    """Member units written with their leaders' words: ``公安部、财政部有关负责人`` -> units.
    ``labelled``: the list's label says its items are units (成员单位)."""
    # Tokens between spaces are units each (a name padded with spaces is not: 张 三 区财政局).
    toks = re.sub(r"\s*、\s*", "、", piece.strip()).split()
    out = []
    for tok in toks:
        items = [strip_leader(u) for u in _rejoined(split_unit_list(tok))]
        if not items or not all(items) or not all(member_unit_like(u) or labelled and _DESCRIBED_UNIT.fullmatch(u)
                                                  for u in items):
            return None
        out.extend(_shared_government(items))
    return [_first_name(u) for u in out] or None


def _rejoined(items: list[str]) -> list[str]:
    """Items cut at a 、 that belongs inside one: in a bracket (``各县(市``, ``区)政府``) or after one
    各 over levels (``各区``, ``县(市)政府``).

    >>> _rejoined(["市财政局", "各县(市", "区)政府负责人"]), _rejoined(["各区", "县(市)政府有关负责人"])
    (['市财政局', '各县(市、区)政府负责人'], ['各区、县(市)政府有关负责人'])
    """
    out: list[str] = []
    for it in items:
        if out and (out[-1].count("(") > out[-1].count(")")
                    or EACH_LEVELS.fullmatch(strip_leader(out[-1] + "、" + it))):
            out[-1] += "、" + it
        else:
            out.append(it)
    return out


def _first_name(u: str) -> str:
    """``市农业农村局(市乡村振兴局)``: a unit with its second name in brackets is the first (as in prose)."""
    second = re.search(r"\(([^()]+)\)$", u)
    return u[:second.start()] if second and is_unit_like(u[:second.start()]) and is_unit_like(second.group(1)) else u


def _shared_government(items: list[str]) -> list[str]:
    """``罗浮镇、黄槐镇政府``: towns listed bare before the last one's 政府 share it (round 9, ext-95)."""
    m = re.fullmatch(r"(?P<p>.+?(?P<l>镇|乡|街道))(?P<g>人民政府|政府)", items[-1]) if len(items) > 1 else None
    if not m or not all(re.fullmatch(f"[{CJK}]{{1,6}}{m.group('l')}", u) for u in items[:-1]):
        return items
    return [u + m.group("g") for u in items[:-1]] + [items[-1]]


# A signature block: the issuing office, then the date (``凤城市云湖区人民政府办公室 2016年3月8日``).
def name_at(toks, i):
    """A person's name starting at token ``i`` (``王 刚`` spans two tokens): (name, last index)."""
    if i >= len(toks):
        return None, None
    t = re.sub(r"同志$", "", toks[i].group())
    if is_person_name(t, delimited=True) and not split_posts(t):
        return t, i
    if len(t) == 1 and i + 1 < len(toks):
        t2 = t + re.sub(r"同志$", "", toks[i + 1].group())
        if is_person_name(t2, delimited=True):
            return t2, i + 1
    return None, None


_TITLE_TAILS = {t[k:] for t in list(_LEX.titles) + list(_LEX.roles) for k in range(len(t))}  # 助理 (局长助理)


def listed_name(tok: str) -> bool:
    """A token read as a person's name because the list sets it apart right before a post
    (``恽益明 武进国家高新区管委会副主任``, ``巴音毕力格 政府副旗长``): a name with a known
    surname, or 2-4 characters (a rare surname, 扎西多吉), or up to 8 characters as names of Mongolian,
    Tibetan or Uyghur people are written (``买买提·艾力``); never a unit, a title or a role.

    >>> listed_name("恽益明"), listed_name("巴音毕力格"), listed_name("区经发局"), listed_name("成员单位")
    (True, True, False, False)
    """
    if is_person_name(tok, delimited=True):
        return True
    if not re.fullmatch(rf"[{CJK}]+(?:·[{CJK}]+)*", tok) or _NOT_IN_NAME.search(tok):
        return False
    if is_unit_like(tok) or title_suffix(tok) or tok in _TITLE_TAILS or tok in _LEX.roles or tok in _LEX.collectives:
        return False
    n = len(tok.replace("·", ""))
    return 2 <= n <= 4 or ("·" in tok and n <= 12) or (5 <= n <= 8 and _LEX.surname_of(tok) is not None)
