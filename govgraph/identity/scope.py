"""Places as part of identity: what a place name is made of, and the place a unit name belongs to.

A unit is a name in a place, its *scope* (a person too: ``persons``).  A place
is written as the notices write it, largest first (``武汉市汉阳区``, ``上海市``,
``黄浦区``; ``全国`` for the national level; ``?DOC`` when a notice's place is
unknown): its components are read from the name, with no gazetteer.  A unit
name is resolved inside a place: relative names (``区财政局``, ``市政府办公室``,
``各部门``) inside the notice's jurisdiction, at the level they name; names that
say their place (``上海市财政局``, ``汉阳区财政局``) in that place; national
names (``国务院办公厅``) nationally.  Where a notice's own place comes from (its
header, signature, document number) is ``loaders.places``.

>>> components("武汉市汉阳区")
[('武汉市', 'city'), ('汉阳区', 'county')]
>>> level_of("上海市"), level_of("全国"), level_of("?x1")
('city', 'national', 'unknown')
>>> unit_scope("区财政局", "武汉市汉阳区"), unit_scope("市审计局", "武汉市汉阳区")
('武汉市汉阳区', '武汉市')
>>> unit_scope("上海市财政局", "武汉市汉阳区"), unit_scope("江岸区财政局", "武汉市汉阳区")
('上海市', '武汉市江岸区')
>>> unit_scope("开发区管委会", "武汉市汉阳区"), unit_scope("国务院办公厅", "武汉市汉阳区")
('武汉市汉阳区', '全国')
>>> unit_scope("教育部", "武汉市汉阳区"), unit_scope("海关总署", "上海市")
('全国', '全国')
>>> unit_scope("晴川街道办事处", "武汉市汉阳区"), unit_scope("各部门", "上海市黄浦区")
('武汉市汉阳区', '上海市黄浦区')
>>> place_matches("武汉市汉阳区", "汉阳区"), place_matches("武汉市汉阳区", "汉阳"), place_matches("上海市黄浦区", "汉阳区")
(True, True, False)
"""

from __future__ import annotations

import re
from functools import lru_cache

from govgraph.datafiles import data_lines

from .names import squash, to_simplified

__all__ = ["NATIONAL", "NATIONAL_NAME", "components", "leading_components", "level_of", "is_unknown",
           "unknown_scope", "unit_scope", "place_matches", "is_zone", "level_qualifiers", "provinces_named"]

NATIONAL = "全国"
_CJK = "\u4e00-\u9fff"
_LEVELS = ("national", "province", "city", "county", "town")
_SUFFIXES = (("自治区", "province"), ("省", "province"), ("自治州", "city"),
             ("盟", "city"), ("州", "city"), ("市", "city"), ("自治县", "county"), ("自治旗", "county"),
             ("区", "county"), ("县", "county"), ("旗", "county"), ("街道", "town"), ("镇", "town"),
             ("乡", "town"))
_SUF = "|".join(s for s, _ in _SUFFIXES)
# one administrative component: a short name and its suffix (a one-character county: 涉县)
_COMP = re.compile(rf"(?P<c>[{_CJK}]{{2,8}}?(?:{_SUF})|[{_CJK}]县)")
# (an ordinal or a count is ordinary words, no place's name: 2022年第八次县政府常务会议; round 9, ext-105)
# (words of a meeting report before a place, 议程是:选举嘉禾县… or 2019年度县政府…: no part of its name, round 10
# ext-111, ext-117)
# (a pronoun or the verb of an entrusted report, 我受区人民政府的委托: no place 我受区; round 11, ext-127)
_NOT_BODY = re.compile(r"人民|政府|办公|关于|委员|党委|有关|相关|印发|转发|通知|中心|公司|直辖|带领|"
                       r"选举|召开|举行|审议|当选|出席|主持|批准|决定|年度|"
                       r"第[一二三四五六七八九十百零〇\d]|[一二三四五六七八九十\d]次|"
                       r"[的各局了去为任送过听议免在和与及对向于是将由把被等称经市区县省我受]")
#: how the name of a national body starts (国务院办公厅, 国家发展改革委, 中央…)
NATIONAL_NAME = re.compile(r"^(?:国务院|全国人民代表大会|全国人大|中共中央|中央|国家|全国)")


def _data(name: str) -> tuple[str, ...]:
    return tuple(data_lines(name))


@lru_cache(maxsize=1)
def _provinces() -> frozenset[str]:
    return frozenset(_data("provinces.txt"))


@lru_cache(maxsize=1)
def _province_names() -> frozenset[str]:
    return frozenset(to_simplified(p) for p in _provinces())


def provinces_named(text: str) -> set[str]:
    """The provinces ``text`` names, in Simplified (a story of several, 四川、湖北、北京人事异动, has no one
    place of its own to read from its opening; round 32, rm-08).

    >>> sorted(provinces_named("中共四川、湖北人事異動"))
    ['四川', '湖北']
    """
    t = to_simplified(text)
    return {p for p in _province_names() if p in t}


@lru_cache(maxsize=1)
def _municipalities() -> frozenset[str]:
    return frozenset(_data("municipalities.txt"))


@lru_cache(maxsize=1)
def level_qualifiers() -> tuple[str, ...]:
    """The words opening a set of one level's units without naming them (各, 试点, 其他 …:
    level_qualifiers.txt): never the start of a place's name."""
    return _data("level_qualifiers.txt")


@lru_cache(maxsize=1)
def _not_places() -> tuple[str, ...]:
    return _data("not_places.txt")


def is_zone(comp: str) -> bool:
    """A zone or an area, not a place: a name ending in a word of not_places.txt; for a word marked
    ``+`` there, not when one character stands before it (晋城市 is 晋城 + 市; 文明城市 is no place).

    >>> is_zone("晋城市"), is_zone("文明城市"), is_zone("城市"), is_zone("经济开发区"), is_zone("主城区")
    (False, True, True, True, True)
    >>> is_zone("国家东中西区域合作示范区"), is_zone("国家统计局")
    (True, False)
    """
    for w in _not_places():
        if w.startswith("+"):
            if comp.endswith(w[1:]) and len(comp) - len(w[1:]) != 1:
                return True
        elif comp.endswith(w):
            return True
    return False


@lru_cache(maxsize=1)
def _national_units() -> frozenset:
    return frozenset(_data("national_units.txt"))


def _suffix_level(comp: str) -> str:
    for s, level in _SUFFIXES:
        if comp.endswith(s):
            return level
    return "county"


def _one_char_city_district(name: str, m: re.Match, out: list) -> bool:
    """A district whose name is one character and 城区, under the city written before it and before
    a town or its government (温州市X城区Y镇人民政府; round 17, ext-278): a place, though 主城区 alone
    is a zone."""
    comp = m.group("c")
    return len(comp) == 3 and comp.endswith("城区") and bool(out) and out[-1][1] == "city" \
        and bool(_COMP.match(name, m.end()) or name.startswith(("人民政府", "政府", "区委"), m.end()))


@lru_cache(maxsize=4096)
def leading_components(name: str) -> tuple[tuple[str, str], ...]:
    """The administrative components a name starts with, with their levels.

    >>> leading_components("武汉市汉阳区财政局")
    (('武汉市', 'city'), ('汉阳区', 'county'))
    >>> leading_components("秀洲区创建省级示范文明城区工作领导小组办公室")
    (('秀洲区', 'county'),)
    >>> leading_components("湖北省人大常委会"), leading_components("随后报省人大常委会")
    ((('湖北省', 'province'),), ())
    """
    out: list[tuple[str, str]] = []
    pos = 0
    while True:
        m = _COMP.match(name, pos)
        if not m:
            break
        comp = m.group("c")
        suffix = next(s for s, _ in _SUFFIXES if comp.endswith(s))
        body = comp[: -len(suffix)]
        longest = 7 if suffix.startswith("自治") else 5 if suffix == "街道" else 4
        if len(body) > longest or _NOT_BODY.search(body) or (is_zone(comp) and not _one_char_city_district(name, m, out)) \
                or (suffix == "省" and body not in _provinces()) \
                or body.startswith(level_qualifiers()):  # 随后报省人大常委会: no province
            # (其他市(州), 试点县: a set of a level's units, no place called 其他; round 29, rot36)
            break
        level = _suffix_level(comp)
        if level == "province" and out:
            break  # 秀洲区创建省级…: no province follows a smaller place (round 6, ext-62)
        if level == "city" and out and out[-1][1] in ("city", "county"):
            level = "county"  # a county-level city under a city (兰溪市)
        out.append((comp, level))
        pos = m.end()
    return tuple(out)


def components(place: str | None) -> list[tuple[str, str]]:
    """A place's administrative components, largest first, with their levels."""
    if not place or is_unknown(place):
        return []
    if place == NATIONAL:
        return []
    comps = list(leading_components(place))
    if "".join(c for c, _ in comps) != place:  # not all read: keep it whole
        return [(place, _suffix_level(place))]
    return comps


def level_of(place: str | None) -> str:
    """``national``, ``province``, ``city``, ``county``, ``town`` or ``unknown``."""
    if place == NATIONAL:
        return "national"
    comps = components(place)
    return comps[-1][1] if comps else "unknown"


def is_unknown(scope: str | None) -> bool:
    """Whether ``scope`` is no place: none, or a notice's own (``?DOC``)."""
    return not scope or scope.startswith("?")


def unknown_scope(doc: str) -> str:
    """The scope of a notice whose place is unknown: its own."""
    return f"?{doc}"


def _upto(comps: list[tuple[str, str]], level: str) -> str | None:
    """The place made of the components down to the last one of ``level``."""
    idx = [i for i, (_, lv) in enumerate(comps) if lv == level]
    if not idx:
        return None
    return "".join(c for c, _ in comps[: idx[-1] + 1])


@lru_cache(maxsize=100_000)
def unit_scope(name: str, place: str) -> str:
    """The place (scope) a unit named ``name`` in a notice of ``place`` belongs to."""
    n = squash(name)
    if not n:
        return place
    if NATIONAL_NAME.match(n) or n.startswith("中共中央") or re.sub(r"^中华人民共和国", "", n) in _national_units():
        return NATIONAL
    if n.startswith(("各", "有关", "相关")):
        return place
    comps = components(place)
    explicit = [c for c in leading_components(n) if c[1] != "town"]  # a street or town is a unit of its county
    if explicit and len(n) - sum(len(c) for c, _ in explicit) >= 2:
        names = [c for c, _ in comps]
        if explicit[0][0] in names:
            i = names.index(explicit[0][0])
            return "".join(names[:i]) + "".join(c for c, _ in explicit)
        first = _LEVELS.index(explicit[0][1])
        above = [c for c, lv in comps if _LEVELS.index(lv) < first] if explicit[0][0] not in _municipalities() else []
        return "".join(above) + "".join(c for c, _ in explicit)
    head = n[0]
    if head == "市" and (n.startswith("市政府") or not n.startswith(("市场", "市政", "市民", "市区", "市容"))):
        return _upto(comps, "city") or place
    if head == "省":
        return _upto(comps, "province") or place
    if head in "区县旗" and not n.startswith(("区域", "县域", "区级", "县级")):
        return _upto(comps, "county") or place
    return place


def place_matches(place: str | None, query: str) -> bool:
    """Whether ``place`` is the place ``query`` names, at any level of detail
    (``汉阳区``, ``武汉市汉阳区``, ``汉阳``; ``全国`` / ``national``)."""
    q = squash(query)
    if not place or not q:
        return False
    if q in ("national", "中国", NATIONAL):
        return place == NATIONAL
    if place == q or place.endswith(q):
        return True
    comps = [c for c, _ in components(place)]
    if comps and (q == comps[-1][: len(q)] and len(q) >= 2 and any(
            comps[-1] == q + s for s, _ in _SUFFIXES)):
        return True
    return False
