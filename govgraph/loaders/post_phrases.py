"""Post phrases of 任免 texts split into (unit, title) with the unit and title as written in the source.

A post phrase (``国家林业和草原局(国家公园管理局)副局长``, ``崇明区副区长、代理区长``,
``省政府秘书长``, ``最高人民法院副院长、审判委员会委员``) is read on the work text
(Simplified, half-width) and its unit and title are quoted back from the source text at the
same offsets, so a Traditional-script notice keeps its own characters.

>>> [(p.unit, p.title) for p in parse_post_phrase("崇明区副区长、代理区长")]
[('崇明区人民政府', '副区长'), ('崇明区人民政府', '代理区长')]
>>> [(p.unit, p.title) for p in parse_post_phrase("国家林业和草原局(国家公园管理局)副局长")]
[('国家林业和草原局', '副局长')]
>>> [(p.unit, p.title) for p in parse_post_phrase("最高人民法院副院长、审判委员会委员、审判员")]
[('最高人民法院', '副院长'), ('最高人民法院审判委员会', '委员'), ('最高人民法院', '审判员')]
>>> [(p.unit, p.title) for p in parse_post_phrase("区人大常委会党组书记、主任")]
[('区人大常委会党组', '书记'), ('区人大常委会', '主任')]
>>> [(p.unit, p.title, p.former) for p in parse_post_phrase("区财政局原局长")]
[('区财政局', '局长', True)]
>>> [(p.unit, p.title) for p in parse_post_phrase("萧山区委副书记、区长")]
[('萧山区委', '副书记'), ('萧山区人民政府', '区长')]
>>> [(p.unit, p.title) for p in parse_post_phrase("政府副县长")]
[('县人民政府', '副县长')]
>>> [(p.unit, p.title) for p in parse_post_phrase("兰溪市长")]
[('兰溪市人民政府', '市长')]
>>> parse_post_phrase("加强管理工作")
[]
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from functools import lru_cache

from ..identity.names import to_simplified
from ..identity.scope import is_zone
from .lexicon import data_lines, data_rows
from .mentions import CJK, GOVERNMENT_LEVELS, is_unit_like, leader_government, title_suffix

_GROUP_ENDINGS = tuple(data_lines("group_suffixes.txt"))

__all__ = ["Post", "parse_post_phrase", "words", "strip_duty", "default_unit", "leader_units", "is_subunit", "in_script"]


# A body's term written after its level (县十六届人大常委会): no part of its name.
# a court's chamber (某市中级人民法院刑事审判第二庭, 民一庭): the court it is in
_CHAMBER = re.compile(r"(?P<c>.+?法院)[\u4e00-\u9fff]{1,10}庭")
_LEVEL_TERM = re.compile(r"^([省市县区州旗縣區])第?[一二三四五六七八九十]{1,3}[届屆](?=[\u4e00-\u9fff]{3})")
# …and after its place (莆田市第八届人民代表大会常务委员会副主任), before an assembly (round 12, ext-132)
_PLACE_TERM = re.compile(r"^([\u4e00-\u9fff]{1,8}?[省市县区州旗縣區])第?[一二三四五六七八九十]{1,3}[届屆]"
                         r"(?=人民代表大会|人大|人民代表大會|政协|政協)")


@lru_cache(maxsize=1)
def _word_classes() -> dict[str, tuple[str, ...]]:
    out: dict[str, list[str]] = {}
    for ln in data_lines("appointment_words.tsv"):
        word, _, cls = ln.partition("\t")
        out.setdefault(cls.strip(), []).append(word.strip())
    return {k: tuple(sorted(v, key=lambda s: (-len(s), s))) for k, v in out.items()}


def words(cls: str) -> tuple[str, ...]:
    """Words of one class of ``appointment_words.tsv``, longest first.

    >>> words("remove")[:2]
    ('免去', '免除')
    """
    return _word_classes().get(cls, ())


@lru_cache(maxsize=1)
def _subunits() -> tuple[str, ...]:
    return tuple(ln for ln in data_lines("subunits.txt") if not ln.startswith("-"))


@lru_cache(maxsize=1)
def _subunit_endings() -> tuple[str, ...]:
    return tuple(ln[1:] for ln in data_lines("subunits.txt") if ln.startswith("-"))


def is_subunit(u: str) -> bool:
    """A body inside the unit named before it: 审判委员会, 组织部, 民一庭."""
    end = next((e for e in _subunit_endings() if u.endswith(e)), None)
    return u in _subunits() or (end is not None and 2 <= len(u) <= max(6, len(end) + 6)
                                and not u.endswith(("法院", "检察院")) and u[0] not in GOVERNMENT_LEVELS)


@lru_cache(maxsize=1)
def _more_suffixes() -> tuple[str, ...]:
    return tuple(data_lines("post_unit_suffixes.txt"))


def _unit_like(s: str) -> bool:
    """is_unit_like, with digits read as numerals (中部战区第81集团军), or a body inside a unit."""
    if is_subunit(s):
        return True
    if s.endswith(_more_suffixes()) and len(s) > 3 and re.fullmatch(f"[{CJK}\\d]+", s) and not _verb_rx().search(s):
        return True
    return is_unit_like(re.sub(r"\d", "一", s)) and not _verb_rx().search(s)  # 院免去何靖香港中联办


@lru_cache(maxsize=1)
def _verb_rx():
    return re.compile("|".join(map(re.escape, words("appoint") + words("remove") + words("accept") + ("辞去",))))


@lru_cache(maxsize=1)
def leader_units() -> dict[str, str]:
    """Titles whose unit goes without saying (副总理 -> 国务院), from ``leader_units.tsv``."""
    return {t: u for t, u in data_rows("leader_units.tsv")}


def default_unit(title: str) -> str | None:
    """The unit of a leader's title written alone: 副区长 -> 区人民政府, 副总理 -> 国务院, 市长助理 -> 市人民政府.

    >>> default_unit("常务副市长"), default_unit("副总理"), default_unit("局长"), default_unit("区长助理")
    ('市人民政府', '国务院', None, '区人民政府')
    """
    if title.endswith("助理") and len(title) > 3:
        return leader_government(title[:-2])
    return leader_government(title) or leader_units().get(title)


def in_script(unit: str | None, work: str, src: str) -> str | None:
    """A unit the extractor names (not quoted) in the script of the title it comes from.

    The work text is Simplified; a Traditional notice keeps its characters, so a leader's
    government read from ``副縣長`` is ``縣人民政府``: each character the title changed is changed back.

    >>> in_script("县人民政府", "常务副县长", "常務副縣長"), in_script("县人民政府", "副县长", "副县长")
    ('縣人民政府', '县人民政府')
    """
    if not unit or work == src or len(work) != len(src):
        return unit
    back = {w: c for w, c in zip(work, src) if w != c}
    return "".join(back.get(ch, ch) for ch in unit)


@dataclass
class Post:
    unit: str
    title: str
    note: str | None = None
    former: bool = False


_LEVEL_TITLE = re.compile(r"(?:常务)?(?:副)?([省市县区州旗])长")
_PLACE = re.compile(rf"[{CJK}]{{1,10}}?(?:自治区|自治州|自治县|特别行政区|省|市|县|区|州|旗)")
_GOV_SHORT = re.compile(rf"^([{CJK}]*?[省市县区州旗])政府$")


def strip_duty(s: str) -> str:
    """``…副市长职务的请求`` -> ``…副市长``; ``…副县长一职`` -> ``…副县长``.

    >>> strip_duty("某市人民政府市长职务的请求的决定")
    '某市人民政府市长'
    """
    rx1, rx2 = _duty_rx()
    for _ in range(3):  # …市长职务的请求的决定: closings stacked
        t = rx2.sub("", rx1.sub("", s))
        if t == s:
            break
        s = t
    return s


@lru_cache(maxsize=1)
def _duty_rx():
    duty = "|".join(map(re.escape, words("duty")))
    return re.compile(rf"(?:{duty})(?:\([^()]*\))?$"), re.compile(rf"(?:{duty})?(?:的(?:决定|请求|辞呈)?)?(?:请求)?$")


def _acting(head: str, title: str) -> tuple[str, bool]:
    """``代理`` / ``代`` right before a title: (the head without it, acting?)."""
    for w in words("acting"):
        if head.endswith(w) and (len(w) > 1 or _LEVEL_TITLE.fullmatch(title) or title == "主席"):
            return head[: -len(w)], True
    return head, False


def _government(unit: str, title: str) -> str | None:
    """The government a leader's post phrase names: 黑龙江省(省长), 兰溪(市长), 县政府(副县长)."""
    lt = _LEVEL_TITLE.fullmatch(title[:-2] if title.endswith("助理") else title)  # 市长助理: the 市长's level
    if unit in ("政府", "人民政府"):
        return default_unit(title) if lt else leader_government(title)
    m = _GOV_SHORT.match(unit)
    if m:
        return m.group(1) + "人民政府"
    if unit.endswith("人民政府"):
        return None
    if lt and len(unit) == 2 and unit[-1] == "州" != lt.group(1) and not _unit_like(unit):
        return unit + lt.group(1) + "人民政府"  # X州市长 (a two-character city named X州): 州 is part of its name, not its level
    if (lt or title in ("主席", "副主席") and unit.endswith("自治区")) and _PLACE.fullmatch(unit) \
            and not _unit_like(unit):
        return unit + "人民政府"
    gov = leader_government(title)
    if gov and gov[0] in "镇乡" and unit.endswith(gov[0]) and re.fullmatch(f"[{CJK}]{{2,8}}", unit[:-1]):
        return unit + "人民政府"  # 银涂镇镇长: a town's head is in its government, as a county's (round 32, ext-414)
    if lt and 2 <= len(unit) <= 4 and re.fullmatch(f"[{CJK}]+", unit) and not unit.endswith((lt.group(1), "同志")) \
            and not _unit_like(unit) and not _unit_like(unit + lt.group(1)):
        return unit + lt.group(1) + "人民政府"  # 兰溪市长: the place's 市 is the title's
    return None


# 区委常委副区长A: a party committee's 常委 run into the next post without 、 (round 13, ext-162)
_STANDING_RUN = re.compile(rf"[^()]*?[省市县区州旗盟]委常委(?=[{CJK}])(?!会)")


def _parts(s: str) -> list[tuple[int, int]]:
    """Spans of the posts of a chain: at 、 , ; 兼(任), a bracket read whole, and after a run-in X委常委."""
    out = []
    for m in re.finditer(r"(?:\([^()]{1,30}\)|[^、,;兼]|兼(?=任|职))+", s):
        a, b = m.span()
        k = _STANDING_RUN.match(s, a, b)
        if k and k.end() < b:
            out += [(a, k.end()), (k.end(), b)]
        else:
            out.append((a, b))
    return out


_PARTY_OWN = frozenset(words("party_committee_title"))


def parse_post_phrase(s: str, src: str | None = None, prev_unit: str | None = None,
                      aliases: dict | None = None) -> list[Post]:
    """Posts of ``s`` (work text); units and titles quoted from ``src`` (same length) where literal.

    ``prev_unit`` is the unit a bare title inherits (``副主任刘东辉`` after ``省人大常委会主任…``);
    ``aliases`` maps a short name defined in the text (``简称退役部``) to the full one.
    Returns [] when a part is not a post.
    """
    src = s if src is None else src
    out: list[Post] = []
    first = True
    prev_party = None  # the party body of the post just read (盈丰街道党工委副书记、政法委员)
    for a, b in _parts(s):
        part = s[a:b]
        note = None
        qm = re.search(r"\(([^()]{1,30})\)$", part)
        if qm:
            note = part[qm.start() + 1:qm.end() - 1]
            b = a + qm.start()
            part = s[a:b]
        former = False
        acting_lead = part.startswith("代理")
        if acting_lead:
            a += 2
            part = s[a:b]
        session = re.match(r"^第?[一二三四五六七八九十]{1,3}届(?=[\u4e00-\u9fff]{3})", part)
        if session:  # 九届省政协副主席: the body's term, not its name
            a += session.end()
            part = s[a:b]
        lead = re.match(r"^(?:分管|主管|主要|具体|兼任|兼|时任|现任|原)+", part)
        if lead:
            if "时任" in lead.group():
                return []  # 时任…: a post held then, not a fact of this notice
            former = "原" in lead.group()
            a += lead.end()
            part = s[a:b]
        t = title_suffix(part)
        if not t:
            return []
        if len(t) > 2 and t[0] == "代" and t[1] not in "理表" and title_suffix(t[1:]) == t[1:]:
            t = t[1:]  # 代省长 in the titles list: the acting 省长 (read as 代理 below)
        if len(t) == len(part):
            # 纪委书记 alone: the 纪委's 书记 when a shorter title leaves a unit.
            for k in range(1, len(t) - 1):
                t2 = title_suffix(part[k:])
                if t2 and len(t2) == len(part) - k and _unit_like(part[:k]):
                    t = t2
                    break
        # 国土资源部党组书记: the title 书记 of the unit 国土资源部党组 (as 区委常委 is 常委 of 区委).
        party = next((w for w in words("party") if t.startswith(w) and
                      (title_suffix(t[len(w):]) == t[len(w):] or t[len(w):] in words("party_title"))), "")
        if party:
            t = t[len(party):]
        ta = b - len(t)
        head_end = ta
        head = s[a:head_end]
        head, acting = _acting(head, t)
        acting = acting or acting_lead
        if len(head) > 1 and head.endswith("原") and not acting:
            head, former = head[:-1], True  # 区财政局原局长: the unit's former 局长
        if len(head) > 3 and head.endswith(("分管", "主管")):
            head = head[:-2]  # 市政府主管副市长: the 副市长 in charge, of the unit before (round 11, ext-121)
        head_end = a + len(head)
        # A bracket inside the unit is an alias or a short name: 国家林业和草原局(国家公园管理局)副局长.
        core_end = head_end
        bm = re.search(r"\([^()]*\)$", head)
        if bm:
            core_end = a + bm.start()
        unit_w = s[a:core_end]
        unit_src = src[a:core_end]
        if _LEVEL_TERM.match(unit_w):  # 县十六届人大常委会主任: the body's term after its level (round 10, ext-111)
            unit_w, unit_src = _LEVEL_TERM.sub(r"\1", unit_w), _LEVEL_TERM.sub(r"\1", unit_src)
        elif _PLACE_TERM.match(unit_w):
            unit_w, unit_src = _PLACE_TERM.sub(r"\1", unit_w), _PLACE_TERM.sub(r"\1", unit_src)
        title_src = src[ta:b]
        if acting:
            title_src = "代理" + title_src
        if unit_w in words("bare"):
            if first or not prev_unit or prev_unit.endswith(_GROUP_ENDINGS):
                return []  # 办公室常务副主任: the office of a group, not a unit
            # 河南省人大常委会副秘书长、办公厅主任: the office of the body just named (round 7, ext-73)
            out.append(Post(prev_unit + unit_src, title_src, note, former))
            first = False
            continue
        if party:
            base = unit_w[: -len(party)]
            if base and not _unit_like(base) and not _GOV_SHORT.match(base) and base not in GOVERNMENT_LEVELS \
                    and not (party == "党委" and _PLACE.fullmatch(base)) \
                    and not (len(base) >= 3 and is_zone(base)):  # 西藏自治区党委书记: the place's 党委
                # (X新区党工委书记, 高新区党委书记: a zone's party body, round 14, ext-198)
                return []
            if not base and prev_unit and party in words("party_inside"):
                unit_src = prev_unit + unit_src  # 区检察院副检察长、党组副书记: the 检察院's 党组
            out.append(Post(unit_src, title_src, note, former))
            prev_unit = src[a:a + len(base)] if base else prev_unit
            if base and base.endswith(words("assembly_committee")):
                prev_unit = prev_unit[:-3]  # 市政协常委会党组副书记、副主席: the 市政协's 副主席 (round 26, ext-383)
            prev_party = unit_src
            first = False
            continue
        gov = _government(unit_w, t) if unit_w else None
        if not unit_w and prev_party and t in words("party_portfolio"):
            # 党工委副书记、政法委员: a committee member's portfolio title is the party body's
            out.append(Post(prev_party, title_src, note, former))
            first = False
            continue
        prev_party = None
        if not unit_w:
            g = default_unit(t)
            if g is None and out and out[-1].unit == prev_unit and to_simplified(out[-1].title) in _PARTY_OWN \
                    and prev_unit.endswith(("委", "党组")) and to_simplified(t) not in _PARTY_OWN \
                    and t not in words("party_portfolio"):
                # 某地委常委、副专员、某局局长: a bare title of no other body after a party committee's
                # post is none of the committee's (a 专署's, unwritten): no post read for it (round 24, ext-357)
                first = False
                continue
            if g and prev_unit and prev_unit.endswith("人民政府") and leader_government(t):
                g = prev_unit  # 崇明区副区长、代理区长: the same government
            elif g and prev_unit and leader_government(t):
                # 萧山区委副书记、区长 / 杭州镇党委副书记、镇长: the government of the place just named
                place = re.sub(r"(?:党委|党工委|委)$", "", prev_unit)
                if len(place) > 1 and place.endswith(g[0]) and re.fullmatch(f"[{CJK}]{{2,10}}", place):
                    g = place + "人民政府"
            unit_src = in_script(g, t, title_src[-len(t):]) if g and g != prev_unit else g or prev_unit
            court = _CHAMBER.fullmatch(prev_unit or "") if not g else None
            if court and to_simplified(t) in ("审判员", "助理审判员"):
                unit_src = court.group("c")  # …法院刑事审判第二庭副庭长、审判员: a judge of the court (round 12, ext-132)
            if unit_src is None:
                return []
        elif gov:
            lit = gov[:-4]
            unit_src = src[a:a + len(lit)] + "人民政府" if s[a:a + len(lit)] == lit else in_script(gov, t, title_src[-len(t):])
        elif aliases and unit_w in aliases:
            unit_src = aliases[unit_w]
        elif not _unit_like(unit_w) or unit_w.endswith("长"):
            # 组织部长: the unit's last character doubles as the title's first.
            if core_end == ta and not acting and _unit_like(s[a:core_end + 1]):
                unit_w, unit_src = s[a:core_end + 1], src[a:core_end + 1]
            else:
                return []
        sub = is_subunit(unit_w)
        if sub and prev_unit and not first:
            # …人大常委会人事代表工作室主任、内务司法工作委员会副主任: a body of the standing committee
            # the chain named, not of the body inside it (round 13, ext-173)
            k = prev_unit.find("常委会")
            parent = prev_unit[:k + 3] if k > 0 and k + 3 < len(prev_unit) else prev_unit
            unit_src = parent + unit_src
        out.append(Post(unit_src, title_src, note, former))
        if unit_w and not sub:
            prev_unit = unit_src
        first = False
    return out
