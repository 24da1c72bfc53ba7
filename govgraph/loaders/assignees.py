"""Assignee lists of tasks: unit names and collectives as written, split and cleaned.

>>> split_assignees("区委宣传部(区文明办、区政府新闻办)、区民政局")
['区委宣传部', '区文明办', '区政府新闻办', '区民政局']
>>> split_assignees("各街镇(园区)、区建设局(建管站)")
['各街镇(园区)', '区建设局', '建管站']
>>> split_assignees("区城管委(交通运输局)"), split_assignees("区民政局(区委社会工委)")
(['区城管委(交通运输局)'], ['区民政局'])
>>> split_assignees("区财政局/区统计局"), split_assignees("区财政局 区统计局"), split_assignees("区城 管局")
(['区财政局', '区统计局'], ['区财政局', '区统计局'], ['区城管局'])
>>> split_assignees("商务部、海关总署等")
['商务部', '海关总署']
>>> split_assignees("发展改革委、财政部等和各有关省级人民政府")
['发展改革委', '财政部', '各有关省级人民政府']
>>> split_assignees("文化和旅游部和各有关省级人民政府")
['文化和旅游部', '各有关省级人民政府']
>>> split_assignees("各街道、相关委、办、局")
['各街道', '相关委、办、局']
>>> split_assignees("各行业管理部门和街镇(工业区)")
['各行业管理部门', '街镇(工业区)']
>>> all_assignees(split_assignees("区财政局、各联席会议成员单位")), all_assignees(["加强管理"])
(True, False)
>>> is_assignee("并按照国家有关部门"), is_assignee("国家粮食局会同商务部")
(False, False)
"""

from __future__ import annotations

import re
from functools import lru_cache

from .lexicon import load_lexicon
from .mentions import is_unit_like, split_unit_list
from .task_lexicon import is_collective, task_lexicon

__all__ = ["split_assignees", "is_assignee", "all_assignees", "expand_sub_units", "plausible_name", "listed_places"]

_SEP = "\x00"



_TLX = task_lexicon()
_GROUPS = load_lexicon().group_suffixes
_LOWER_SUFFIX = tuple(r[1] for r in _TLX.sub_units if r[0] == "lower")
_LEVEL = tuple(r[1] for r in _TLX.sub_units if r[0] == "level")
_SAME_BODY = tuple(r[1] for r in _TLX.sub_units if r[0] == "same")
_TWIN = tuple(r[1] for r in _TLX.sub_units if r[0] == "twin")
_PLATE = tuple(r[1] for r in _TLX.sub_units if r[0] == "plate")
_PLATE_MAIN = tuple(r[1] for r in _TLX.sub_units if r[0] == "plate_main")
_NOT_IN_NAME = re.compile("|".join(map(re.escape, _TLX.not_name_inside)))


def plausible_name(x: str) -> bool:
    """Not a clause caught whole (并按照…, …会同…, …: …)."""
    return not (x.startswith(_TLX.not_name_start) or _NOT_IN_NAME.search(x) or x.endswith(_TLX.not_name_end))


@lru_cache(maxsize=1 << 16)
def is_assignee(x: str) -> bool:
    if "(" in x and _LEVELS_LISTED.fullmatch(x):
        return True  # 各市(州)、县(市、区): one collective of the levels listed, each with its alternates (round 29, rot36)
    if _LEVELS_LISTED.match(x):
        x = x.replace("、", "")  # 各县、区人民政府: read as 各县区人民政府
    return plausible_name(x) and (is_unit_like(x) or is_collective(x) or _group_office(x) or _government_kind(x))


# A government's department named by its field (省人民政府渔业行政主管部门, 县级以上人民政府所属行政执法单位): a law's
# way of naming whichever body does that work, as its gold writes the assignee (round 26, ext-381, ext-379)
_GOV_KIND = re.compile(r"(?P<g>[\u4e00-\u9fff]{1,8}?人民政府)(?P<own>所属)?(?P<k>[\u4e00-\u9fff]{4,12})")


# The levels from one up, before a kind of unit (县(市、区)以上气象主管机构, 县级以上林业主管部门; round 26, ext-380)
_LEVELS_UP = re.compile(r"(?P<l>[省市县区乡镇](?:\([省市县区旗、]+\))?级?以上)(?P<k>[\u4e00-\u9fff]{4,12})")


def _government_kind(x: str) -> bool:
    lm = _LEVELS_UP.fullmatch(x)
    if lm and is_collective(lm.group("k")) and not lm.group("k").startswith(_TLX.collective_heads):
        return True
    m = _GOV_KIND.fullmatch(x)
    if not m or not is_unit_like(m.group("g")) or re.search(r"[的和与及对将要]", m.group("k")):
        return False
    kind = m.group("k")
    return (is_collective(kind) and not kind.startswith(_TLX.collective_heads)) \
        or bool(m.group("own")) and kind.endswith(("单位", "部门", "机构"))


_LEVELS_LISTED = re.compile(r"各[省市县区乡镇](?:、[省市县区乡镇])+"
                            # 各市(州)、县(市、区), 各市(县)、区政府: a level's alternates in brackets after it, the last
                            # level ending the name or its government's (not 各镇(街道)、区级各部门; round 29, rot36)
                            r"|各[省市县区](?:\([^()]{1,8}\))?(?:、[省市县区](?:\([^()]{1,8}\))?)+"
                            r"(?=$|[^\u4e00-\u9fff\x00]|(?:人民)?政府)"
                            # 各乡镇人民政府、街道办事处: one 各 over the governments and the street
                            # offices of a level (round 13, ext-156)
                            r"|各(?:乡镇|镇|乡)(?:人民)?政府、街道办事处(?![\u4e00-\u9fff])")


def _group_office(x: str) -> bool:
    """The office of a group (…试点工作小组办公室): a unit, whatever the group's name holds."""
    return 6 <= len(x) <= 30 and any(x.endswith(g + o) for g in _GROUPS for o in ("办公室", "办"))


# scope words a listed place's name never opens with (全市, 各区, 本县, 辖区, 相关区…)
_NOT_A_PLACE = ("全", "我", "本", "各", "该", "辖", "两", "相关", "有关", "其他", "其它")


def listed_places(s: str, place: re.Pattern) -> list[str] | None:
    """The districts or counties ``s`` lists (``A区、B县和C旗``), each a name ``place`` matches whole, none a
    scope word: each its own assignee; None unless two or more.

    >>> listed_places("甲乙区、丙丁县和戊己旗", re.compile(r"[\u4e00-\u9fff]{2,6}?(?:区|县|旗)"))
    ['甲乙区', '丙丁县', '戊己旗']
    """
    places = [x for x in re.split(r"、|和|及", s) if x]
    ok = len(places) >= 2 and all(place.fullmatch(x) and not x.startswith(_NOT_A_PLACE) for x in places)
    return places if ok else None


def all_assignees(xs) -> bool:
    xs = list(xs)
    return bool(xs) and all(is_assignee(x) for x in xs)


def expand_sub_units(name: str) -> list[str]:
    """``区建设局(建管站)`` -> [区建设局, 建管站]; ``区委宣传部(区文明办、区政府新闻办)`` -> the three
    offices; ``区城管委(交通运输局)`` (another name of the same unit) and ``各街镇(园区)`` stay one."""
    return list(_expand_sub_units(name))  # a fresh list: callers may change it


@lru_cache(maxsize=1 << 16)
def _expand_sub_units(name: str) -> tuple:
    m = re.fullmatch(r"(?P<main>[^()]+)\((?P<sub>[^()]+)\)", name)
    if not m:
        return (name,)
    main, sub = m.group("main"), m.group("sub")
    subs = [x for x in re.split(r"[、,]", sub) if x]
    if len(subs) == 1 and sub.endswith(_SAME_BODY) and not main.endswith(_SAME_BODY) and is_unit_like(main):
        return (main,)  # 区民政局(区委社会工委): one body with two names
    if len(subs) == 1 and any(sub.endswith(t) and main.endswith(t) for t in _TWIN) and is_unit_like(main) \
            and is_unit_like(sub):
        return (main,)  # 市建设局(市规划局): one office with two plates
    level = next((lv for lv in _LEVEL if main.startswith(lv)), None)
    if len(subs) == 1 and level and sub.startswith(level) and sub.endswith(_PLATE) and main.endswith(_PLATE_MAIN) \
            and is_unit_like(main) and is_unit_like(sub):
        return (main,)  # 市发展改革委(市粮食和物资储备局): a commission with a bureau's plate (round 24, ext-359)
    if len(subs) == 1 and sub.endswith(_LOWER_SUFFIX) and is_unit_like(sub):
        return (main, sub)
    if level and all(x.startswith(level) and is_unit_like(x) for x in subs):
        return (main, *subs)
    return (name,)


def split_assignees(s: str) -> list[str]:
    """Split a list of assignees (``A、B和C``), keeping bracketed lists with their unit;
    a trailing ``等`` (and ``等和``) adds no assignee."""
    return list(_split_assignees(s))  # a fresh list: callers may change it


@lru_cache(maxsize=1 << 16)
def _split_assignees(s: str) -> tuple:
    pieces = [p for p in re.split(r"\s+|/", s.strip()) if p]
    if len(pieces) > 1 and all(is_assignee(x) for p in pieces for x in re.split(r"[、,]", p) if x):
        s = "、".join(pieces)  # 区财政局/区统计局, 区财政局 区统计局: units apart, as with 、 (round 11)
    s = re.sub(r"\s+", "", s)
    # 国有农、林、牧、渔场: one head and one ending shared by kinds written a character each (round 21, ext-344)
    s = _SHARED_HEAD_END.sub(lambda m: "、".join(m.group("h") + c + m.group("e")
                                                for c in m.group("cs").split("、") + [m.group("z")]), s)
    # 、 inside brackets separates sub-units, not list items (in 〔〕 too: 相关县〔市、区〕政府; round 22, ext-227).
    s = re.sub(r"\([^()]*\)|〔[^〔〕]*〕", lambda m: m.group().replace("、", _SEP), s)
    # 各县、区人民政府 / 各县、市、区: one collective of the levels listed, not 各县 and 区人民政府
    s = _LEVELS_LISTED.sub(lambda m: m.group().replace("、", _SEP), s)
    # 市、区人民政府 (no 各): each level's government (round 21, ext-340); 各县、区人民政府 stays one collective (read
    # after it)
    s = _LEVELS_EACH.sub(lambda m: "、".join(x + m.group("g") for x in m.group("ls").split("、")), s)
    # (等省直有关部门, 等市级相关单位: the class named by its level too; round 16, ext-262)
    # (…住建局等部门及相关街道: a further list item after it; round 32, ext-409)
    s = re.sub(r"等(?:[省市县区](?:直|级|属))?(?:相关|有关)?(?:部门|单位)?(?=和|以及|及|[,、]|$)", "", s)
    out = []
    parts = []
    for part in split_unit_list(s):
        if len(part) == 1 and parts:
            parts[-1] += "、" + part  # 相关委、办、局: one collective of unit kinds
        else:
            parts.append(part)
    for part in parts:
        part = part.replace(_SEP, "、")
        left, sep, right = part.rpartition("和")
        if sep and (right.startswith(_TLX.collective_heads) or is_collective(left)) and is_assignee(left) and is_assignee(right):
            out.extend(expand_sub_units(left) + [right])  # 文化和旅游部和各有关省级人民政府
            continue
        out.extend(expand_sub_units(part))
    return _places_sharing_kind(tuple(x for x in out if x))


_LEVELS_EACH = re.compile(r"(?:(?<=^)|(?<=[、和及]))(?P<ls>[省市县区](?:、[省市县区])+)(?P<g>人民政府|政府)(?=$|[、和及])")
_SHARED_HEAD_END = re.compile(r"(?:(?<=^)|(?<=[、和及]))(?P<h>[\u4e00-\u9fff]{1,4}?)(?P<cs>[\u4e00-\u9fff](?:、[\u4e00-\u9fff])+)"
                              r"、(?P<z>[\u4e00-\u9fff])(?P<e>场|厂|站)(?=$|[、和及])")


# A bare place (海东市, 临夏州): no assignee on its own
_BARE_PLACE = re.compile(r"(?!各|相关|有关)[\u4e00-\u9fff]{1,5}?[省市州县区盟旗]")


def _places_sharing_kind(names: tuple) -> tuple:
    """``海东市、兰州市、临夏州发展改革部门``: places listed before the last one's unit kind share
    it (each place's 发展改革部门). Only where every name before the last is a bare place and the
    last is a place and a kind of unit that is an assignee on its own.

    >>> split_assignees("海东市、兰州市、临夏州发展改革部门")
    ['海东市发展改革部门', '兰州市发展改革部门', '临夏州发展改革部门']
    >>> split_assignees("海东市、市财政局")
    ['海东市', '市财政局']
    """
    if len(names) < 2 or not all(_BARE_PLACE.fullmatch(x) and not is_assignee(x) for x in names[:-1]):
        return names
    last = names[-1]
    for m in _BARE_PLACE.finditer(last):
        if m.start() != 0:
            break
        kind = last[m.end():]
        if len(kind) >= 2 and not kind.startswith(tuple("省市州县区盟旗")) and is_assignee(kind):
            return tuple(x + kind for x in names[:-1]) + (last,)
    return names
