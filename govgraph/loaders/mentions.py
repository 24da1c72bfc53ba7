"""Recognise mentions: person names, posts (unit + title), units and unit lists.

>>> is_person_name("李艳明"), is_person_name("区政府")
(True, False)
>>> split_posts("区委常委、区政府常务副区长")
[('区委', '常委', None), ('区政府', '常务副区长', None)]
>>> split_posts("区人力资源局副局长(挂职)"), split_posts("县公安局副局长(兼)")
([('区人力资源局', '副局长', '挂职')], [('县公安局', '副局长', '兼')])
>>> split_posts("区检察院副检察长、党组副书记")
[('区检察院', '副检察长', None), ('区检察院党组', '副书记', None)]
>>> split_posts("分管副区长"), split_posts("政府副旗长")
([('区人民政府', '副区长', None)], [('旗人民政府', '副旗长', None)])
>>> is_unit_like("区科技经信局"), is_unit_like("加强管理")
(True, False)
>>> split_unit_list("区建管站和各街道")
['区建管站', '各街道']
"""

from __future__ import annotations

import re
from functools import lru_cache

from ..identity.names import to_simplified
from .lexicon import alternation, data_lines, data_rows, data_words, load_lexicon

__all__ = [
    "without_party_body",
    "CJK",
    "is_person_name",
    "split_posts",
    "title_suffix",
    "is_unit_like",
    "split_unit_list",
    "strip_unit_qualifiers",
    "leader_government",
    "GOVERNMENT_LEVELS",
    "LEVEL_GOVERNMENT",
    "COUNTED_UNITS_FORMED",
]

CJK = "\u4e00-\u9fff"
#: …等22个单位组(成): a member list its count closes (组成, or 组 where the copy is cut; round 20, ext-303)
COUNTED_UNITS_FORMED = r"等(?:\d{1,3}|[一二三四五六七八九十]{1,3})个(?:成员)?(?:单位|部门)组"
_LEX = load_lexicon()
# Longest-suffix matchers: re.search finds the earliest start, i.e. the longest suffix.
_TITLE_END = re.compile("(?:" + "|".join(map(re.escape, _LEX.titles)) + ")$")
_TITLE2_END = re.compile("(?:" + "|".join(re.escape(t) for t in _LEX.titles if len(t) >= 2) + ")$")
_UNIT_END = re.compile("(?:" + "|".join(map(re.escape, _LEX.unit_suffixes)) + ")$")


# Words and characters that are never (part of) a person's name (data/not_person_names.tsv).
_NOT_NAMES = frozenset(data_words("not_person_names.tsv", "word"))
_NOT_NAME_CHARS = frozenset(data_words("not_person_names.tsv", "char"))
# In a name set apart by layout (a list entry before its post), these still end the name.
_NOT_NAME_CHARS_DELIMITED = frozenset(data_words("not_person_names.tsv", "char_delimited"))


@lru_cache(maxsize=1 << 16)
def is_person_name(s: str, delimited: bool = False) -> bool:
    """A plausible Chinese personal name: 2-4 characters starting with a surname.

    ``delimited``: ``s`` stands apart in a list (``王为人 市政府副秘书长``), so characters
    that are words in prose (为, 和, 任) may be part of the name.

    >>> is_person_name("王为人"), is_person_name("王为人", delimited=True)
    (False, True)
    >>> is_person_name("任组长", delimited=True)
    False
    """
    if not 2 <= len(s) <= 4 or not re.fullmatch(f"[{CJK}·]+", s):
        return False
    if s in _NOT_NAMES or _TITLE2_END.search(s):
        return False
    sur = _LEX.surname_of(s)
    if sur is None or is_unit_like(s):
        return False
    rest = s[len(sur):]
    if not rest or len(rest) > 2 and len(sur) == 1 or rest in _NOT_NAMES:
        return False  # 任组长 (由县委书记任组长): a surname before a word that is no name
    return not (set(rest) & (_NOT_NAME_CHARS_DELIMITED if delimited else _NOT_NAME_CHARS))


# The levels of local government (区, 市, 县 …) and their governments (区 -> 区人民政府).
LEVEL_GOVERNMENT = {r[0]: r[1] for r in data_rows("government_levels.tsv")}
GOVERNMENT_LEVELS = tuple(LEVEL_GOVERNMENT)
_STATE_COUNCIL = "国务院"
# The central government's leaders (总理, 副总理, 国务委员), among the titles whose unit goes without saying.
_STATE_COUNCIL_TITLES = frozenset(r[0] for r in data_rows("leader_units.tsv") if r[1] == _STATE_COUNCIL)
_LEADER_TITLE = re.compile(rf"(?:代理|代|常务)?(?:副)?([{''.join(GOVERNMENT_LEVELS)}])长(?:助理)?")
LEADER_TITLE_RE = _LEADER_TITLE  # a head of government's title, alone (副区长, 代理市长)


@lru_cache(maxsize=1 << 16)
def leader_government(title: str) -> str | None:
    """The government a head-of-government title belongs to (副区长 -> 区人民政府, 副总理 -> 国务院).

    >>> leader_government("代理省长"), leader_government("国务委员")
    ('省人民政府', '国务院')
    """
    if title in _STATE_COUNCIL_TITLES:
        return _STATE_COUNCIL
    m = _LEADER_TITLE.fullmatch(title)
    return LEVEL_GOVERNMENT[m.group(1)] if m else None


# A place written before a leader's title: 浦东新区副区长, 崇明区区长 (the post is in its government).
_PLACE = re.compile(rf"[{CJK}]{{1,8}}(?:新区|[区市县省镇乡州旗])")
_DUTY_OF = re.compile(rf"(?:分管|主管|负责|协助分管|协助)[{CJK}、]{{1,16}}?(?:工作)?的$")


@lru_cache(maxsize=1 << 16)
def title_suffix(s: str) -> str | None:
    """The longest known title that ``s`` ends with."""
    m = _TITLE_END.search(s)
    return m.group() if m else None


_QUAL = re.compile(r"\(([^()]{1,8})\)$")
_ADVERB = re.compile(r"^(?:分管|主管|主要|具体|兼|时任|现任|原)+")


def split_posts(s: str) -> list[tuple[str, str, str | None]]:
    """Split ``单位职务、单位职务`` into (unit, title, note) triples.

    A part without a unit takes the unit of the part before it; a district
    leader's title without a unit belongs to that level's government.
    Returns [] when a part has no known title.
    """
    return list(_split_posts(s))


@lru_cache(maxsize=1 << 16)
def _split_posts(s: str) -> tuple[tuple[str, str, str | None], ...]:
    return tuple(_read_posts(s))


def _read_posts(s: str) -> list[tuple[str, str, str | None]]:
    out: list[tuple[str, str, str | None]] = []
    prev_unit = None
    for part in re.split(r"[、,;]|兼(?![^(]*\))", s):  # not the note (兼)
        part = part.strip()
        if not part:
            continue
        note = None
        m = _QUAL.search(part)
        if m:
            note = m.group(1)
            part = part[: m.start()]
        part = _ADVERB.sub("", part)
        t = title_suffix(part)
        if t is None:
            return []
        unit = _ADVERB.sub("", part[: -len(t)])
        if unit and not is_unit_like(unit) and len(unit) >= 2 and is_unit_like(part[: -len(t) + 1]):
            unit = part[: -len(t) + 1]  # 区人力资源局长: the unit's last character doubles as the title's
        unit = re.sub(r"(?:分管|主管)$", "", unit)
        second = re.fullmatch(r"(?P<u>[^()]{2,})\([^()]{2,20}\)", unit)
        if second and is_unit_like(second.group("u")):
            unit = second.group("u")  # 城市运行综合管理中心(绿化市容中心)常务副主任: the bracket is a second name
        duty = _DUTY_OF.search(unit)
        if duty and is_unit_like(unit[: duty.start()]):
            unit = unit[: duty.start()]  # 市委宣传部分管日常工作的副部长
        gov = leader_government(t)
        party, discipline = _committee_title(t, "党"), _committee_title(t, "纪")
        if not unit and not prev_unit and party:
            unit, t = party  # 党委副书记: 党委's 副书记
        elif not unit and discipline:
            # 县委常委、纪委书记 / 党工委副书记、纪工委书记: the discipline commission's own 书记
            unit, t = discipline
        elif unit and party and not is_unit_like(unit) and is_unit_like(unit + t[:2]):
            # 自治区党委副书记: the title 党委副书记 read on a place is that place's 党委's 副书记
            unit, t = unit + party[0], party[1]
        if not unit:
            unit = gov or prev_unit
            if unit is None:
                return []
            if not gov and to_simplified(unit).endswith(_ASSEMBLY_COMMITTEES):
                unit = unit[:-3]  # 市政协常委会党组副书记、副主席: the 市政协's 副主席 (round 26, ext-383)
        elif unit.endswith("自治区") and re.fullmatch(r"(?:常务)?副?主席", t):
            unit = unit + "人民政府"  # 自治区主席, 自治区常务副主席: the region's government
        elif gov and unit == "政府":
            unit = gov  # 政府副旗长: the notice's own government
        elif gov and gov != "国务院" and _PLACE.fullmatch(unit) and unit[-1] == gov[0] \
                and (not is_unit_like(unit) or unit[-1] in "镇乡"):
            unit = unit + "人民政府"  # (银涂镇镇长: a town's head is in its government, as a county's; round 32, ext-414)
        elif unit.endswith("长") or not is_unit_like(unit):
            return []
        elif prev_unit and to_simplified(unit) in _OFFICES and not to_simplified(prev_unit).endswith(_GROUP_ENDS):
            # 州人民政府副秘书长、办公室副主任 (a list's entry, name first): the office of the body just named, as
            # the prose reading of 省人大常委会副秘书长、办公厅主任 (appointment_words.tsv bare; round 26, ext-378)
            unit = prev_unit + unit
        elif prev_unit and unit in _SUBUNITS and prev_unit.endswith("委") and not prev_unit.endswith(unit):
            # 张三市委常委、宣传部长 (a member list's entry, name first): the 宣传部 of the 市委 before it, as the
            # prose reading of 市委常委、宣传部长张三 (subunits.txt; round 21, ext-341)
            unit = prev_unit + unit
        out.append((*_party_seat(unit, t), note))
        prev_unit = unit  # 党组书记、局长: the 局长 is the unit's, not its 党组's
    return out


# An office written bare after a body's post is that body's (appointment_words.tsv bare, not a group's)
_OFFICES = tuple(r[0] for r in data_rows("appointment_words.tsv") if r[1] == "bare" and r[0].startswith("办公"))
_GROUP_ENDS = tuple(data_lines("group_suffixes.txt"))

# A standing committee whose bare titles after its party body's post are its assembly's (appointment_words.tsv)
_ASSEMBLY_COMMITTEES = tuple(r[0] for r in data_rows("appointment_words.tsv") if r[1] == "assembly_committee")

# Bodies inside the party committee written after its post (组织部, 宣传部, 统战部: subunits.txt, not its endings)
_SUBUNITS = frozenset(ln for ln in data_lines("subunits.txt") if not ln.startswith("-") and ln.endswith("部"))


def _committee_title(t: str, first: str) -> tuple[str, str] | None:
    """``党委副书记`` -> (``党委``, ``副书记``): a title that starts with a committee (``first`` + 委 or
    工委) and a title of its own after it; else None.

    >>> _committee_title("党工委副书记", "党"), _committee_title("纪委书记", "党")
    (('党工委', '副书记'), None)
    """
    if not re.match(rf"{first}(?:委|工委)", t):
        return None
    k = 2 if t[1] == "委" else 3
    return (t[:k], t[k:]) if title_suffix(t[k:]) else None


#: a party body that belongs to the unit named before it (appointment_words.tsv, party_inside), longest first
_PARTY_BODIES = sorted((r[0] for r in data_rows("appointment_words.tsv") if r[1:2] == ["party_inside"]), key=len, reverse=True)
_PARTY_TITLE = re.compile(rf"(?P<body>{alternation(_PARTY_BODIES)})(?P<rest>.+)")


def without_party_body(unit: str) -> str:
    """``外交部党委`` -> ``外交部``: a unit's name without the party body (appointment_words.tsv,
    party_inside) it ends in; Traditional script alike.

    >>> without_party_body("旅游局党组"), without_party_body("市財政局黨組"), without_party_body("党委")
    ('旅游局', '市財政局', '党委')
    """
    s = to_simplified(unit)
    body = next((b for b in _PARTY_BODIES if s.endswith(b) and len(s) > len(b)), "")
    return unit[:len(unit) - len(body)]


def _party_seat(unit: str, t: str) -> tuple[str, str]:
    """``X`` + ``党组副书记`` -> ``X党组`` + ``副书记``: a post in a unit's party body is the body's (as
    ``区委常委`` is ``常委`` of ``区委``; docs/extraction.md, 任免); ``党组成员`` -> ``X党组`` + ``成员``.
    Traditional script alike.

    >>> _party_seat("市发展改革委", "党组副书记"), _party_seat("市財政局", "黨組成員"), _party_seat("区政府", "副区长")
    (('市发展改革委党组', '副书记'), ('市財政局黨組', '成員'), ('区政府', '副区长'))
    """
    m = _PARTY_TITLE.fullmatch(to_simplified(t))
    if m and unit and not to_simplified(unit).endswith(m["body"]):
        k = len(m["body"])  # to_simplified keeps lengths
        if m["rest"] == "成员" or title_suffix(t[k:]) == t[k:]:
            return unit + t[:k], t[k:]
    return unit, t


def strip_unit_qualifiers(s: str) -> str:
    """``区城管委(交通运输局)`` -> ``区城管委``."""
    return re.sub(r"\([^()]*\)", "", s).strip()


def _alt(kind: str) -> str:
    """A regex group of the words of one kind in data/unit_words.tsv, in file order."""
    return alternation(data_words("unit_words.tsv", kind))


_VERBISH = re.compile(_alt("verb"))


# A unit named for its work ends in the verb and an office word: 区委组织部, 重点项目推进办, 就业指导中心,
# 市规划资源局用途实施处.
_WORK_UNIT = re.compile(f"{_alt('work_verb')}{_alt('work_office')}$")

_VERB_PREFIX = re.compile(f"^{_alt('prefix')}")
_BY_INSIDE = re.compile(r"(?<!自)由")
_NOT_UNIT_START = data_words("unit_words.tsv", "start")
_ALONE_UNITS = frozenset(data_words("unit_words.tsv", "alone"))
_NOT_ALONE_UNITS = frozenset(data_words("unit_words.tsv", "not_alone"))


@lru_cache(maxsize=1 << 16)
def is_unit_like(s: str) -> bool:
    """Does ``s`` look like an organisation's name (or a collective)?"""
    s = s.strip()
    if not s or len(s) > 30:
        return False
    if s in _LEX.collectives or s in _ALONE_UNITS:
        return True  # 组织部: a unit named for its work, alone
    core = strip_unit_qualifiers(s)
    if core in _NOT_ALONE_UNITS:
        return False  # 现场 (the site), 市场: no unit alone (round 23, ext-353)
    if core.startswith(_NOT_UNIT_START) and core not in _LEX.collectives:
        return False
    if not core or re.search(r"[\d%。,;:!?“”\"《》的]", core):
        return False
    if not re.fullmatch(f"[{CJK}A-Za-z]+", core):
        return False
    if _BY_INSIDE.search(core):
        return False  # 涝溪(车田河)由各所(在村的…担任): 由 (by) inside is a clause, not a name (自由贸易… is one; round 21)
    if _VERBISH.search(_WORK_UNIT.sub("", core)) or _VERB_PREFIX.match(core) or core.endswith("城乡"):
        return False  # 城乡 (town and country) is not 乡 (a township)
    m = _UNIT_END.search(core)
    # The shortest suffix that leaves a non-empty head: 区委 is 区 + 委, not the suffix 区委 alone.
    return bool(m and (m.start() > 0 or any(core.endswith(suf) and len(core) > len(suf)
                                             for suf in _LEX.unit_suffixes))) or core in _ALONE_UNITS


def split_unit_list(s: str) -> list[str]:
    """Split ``A、B和C`` into unit names (each as written, spaces removed)."""
    return list(_split_unit_list(s))  # a fresh list: callers may change it


@lru_cache(maxsize=1 << 16)
def _split_unit_list(s: str) -> tuple:
    s = re.sub(r"\s+", "", s)
    items = []
    for part in re.split(r"[、,;]|以及|及", s):
        if not part:
            continue
        left, sep, right = part.partition("和")
        if sep and "和" not in right and _two_units(left, right):
            items.extend([left, right])
        else:
            items.append(part)
    return tuple(items)


_STRONG_END = data_words("unit_words.tsv", "strong_end")


def _two_units(left: str, right: str) -> bool:
    """``区建管站和各街道`` is two units; ``区科技和经信局`` is one."""
    return (is_unit_like(left) and is_unit_like(right)
            and (strip_unit_qualifiers(left).endswith(_STRONG_END) or right in _LEX.collectives))
