"""Tasks from prose: duty clauses whose subject is a unit list.

``(一)区人力资源局:负责…``, ``2、区发改委负责…``, ``区考评办要将…``, abbreviated lists
``区建设、水务、园林等部门分别负责A、B、C``, ``X牵头,Y配合``, ``A会同B…``, ``由X…``, a deadline
opening the clause (``9月30日前,X…``) or stated once for an item. Where a notice has sections
on the division of duties (分工, 职责), duty clauses are read there (and named units' duties
elsewhere).
"""

from __future__ import annotations

import re
from functools import lru_cache

from ..identity.scope import level_qualifiers
from .assignees import _NOT_A_PLACE, all_assignees, expand_sub_units, is_assignee, listed_places, plausible_name, split_assignees
from .context import NoticeContext
from .deadlines import DEADLINE_RE, parse_deadline, text_deadline
from .header import _cn_int
from .duty_passes import (AND_RECURRING, assigned_in_principles, by_deadline, covering, drop_item_intros, in_principles,
                          standing_report)
from .lexicon import alternation, data_lines, data_words, load_lexicon
from .mentions import CJK, COUNTED_UNITS_FORMED, GOVERNMENT_LEVELS, is_person_name, is_unit_like, split_posts, split_unit_list
from .task_common import _task
from .task_lexicon import _role_words, is_collective, is_role_collective, task_lexicon

__all__ = ["_duty_clauses", "_VERB_STARTS"]

_LEX = load_lexicon()
_TLX = task_lexicon()
_SELF_ROLES = {"各责任单位", "责任单位", "牵头单位", "各牵头单位"}
_VERB_RE = re.compile("|".join(map(re.escape, _TLX.verbs)))
_VERB_STARTS = tuple(v for v in _TLX.verbs if len(v) >= 2)
_STRICT = re.compile(r"^(?:[^,。;]{0,8}?)(" + "|".join(map(re.escape, _TLX.strict_verbs)) + ")")
_ABBREV_TAIL = re.compile(r"等(?:\d{1,2}个|[两二三四五六七八九十]{1,3}个)?(?:相关|有关|职能)?(?:部门|单位|处室|科室)(?:和?单位)?$")  # 等7个职能部门 (round 12); 等部门单位 (round 31)
# 发展改革、财政…等部门和有关军事机关: fields sharing 等部门, then one collective joined with 和/及 (round 28, ext-380)
_FIELDS_AND_BODY = re.compile(f"(?P<a>(?:[{CJK}]{{2,4}}、)+[{CJK}]{{2,4}})等部门(?:和|及)(?P<b>(?:有关|相关|各)[{CJK}]{{2,8}})")
_KIND_TAIL = re.compile(f"、[{CJK}]{{1,10}}等(?P<kind>[{CJK}]{{2,10}}(?:部门|单位))$")
_DUTY_HEAD = re.compile(r"(分工|职责|责任分解|任务分解|责任主体)")
_MARKER_PREFIX = re.compile(r"^\s*(?:[一二三四五六七八九十]{1,3}、|\([一二三四五六七八九十]{1,3}\)|\d{1,3}[、.]|\(\d{1,2}\))\s*")
_OWNER = re.compile(r"(?:责任|建设|实施|工作)主体(?:为|是)(?P<u>[^,。;的]{2,20}?)(?=[,。;]|$)")
_DESCRIBED = re.compile(f"[{CJK}]{{2,10}}(?:单位|机构|部门)\\((?P<n>[^()]{{2,30}})\\)")
# 有危房改造任务的5个县(市): the units a notice counts by what they have (a time word before it is no part)
_COUNTED = re.compile(rf"(?:今年|当前|目前)?(?P<n>有[^,。;的]{{2,16}}的(?:\d+|[两二三四五六七八九十]+)个"
                      rf"(?:县|市|区|镇|乡|街道|乡镇|单位|部门)(?:\((?:县|市|区|镇|乡)\))?)")
# 入选的县(市、区)和乡镇(街道): kinds of unit after what picks them out (a qualified collective)
_QUALIFIER_OPENERS = alternation(data_lines("qualifier_openers.txt"))
_QUALIFIED = re.compile(rf"(?P<q>{_QUALIFIER_OPENERS}[^,。;的、]{{0,12}})的(?P<k>[{CJK}()、]{{2,16}})")
_CASE = re.compile(r"^(?:[^,。;:]{2,40})的,")  # 目标任务涉及多个责任部门的,: a case, not a subject
_OTHER_BODIES = f"其他[{CJK}]{{2,16}}(?:单位|机构|部门)"
_STOPS_SPACE = re.compile(r"[,。;\s]")
# (由 and 向 as prepositions, not the end of a word: 自由贸易试验区, 理由, 方向, 面向, 导向…)
_PREP_INSIDE = re.compile(r"(?:由)?[\u4e00-\u9fff]{2,20}?(?:(?<![自理缘事因经])由|(?<![方导面走趋倾意志定指转偏])向)"
                          r"(?P<to>[\u4e00-\u9fff]{2,20})")
_SENT_TO_ISSUER = re.compile(r"(?:报|送|报送|交)(?:我|本)[委局厅办部]")
_ARTICLE = re.compile(r"^第[一二三四五六七八九十百零]{1,4}条(?=[\u4e00-\u9fff])")


_SECTORS_SHARING = re.compile(f"(?:[{CJK}]{{2,4}}、)+[{CJK}]{{2,4}}(?P<k>部门)")
_PLACE_SUBJECT = re.compile(f"[市县]?[{CJK}]{{2,4}}?(?:新区|县|区|旗)")


# 五、实施步骤 on a line of its own: a top-level heading the outline may not keep (a copy that starts inside the body,
# its first heading 三、): a clause after it no longer continues the item before it (round 15, ext-239)
_TOP_HEADING = re.compile(r"(?m)^[ \t\u3000]*[一二三四五六七八九十]{1,3}、")
# 市某领导小组(以下简称市领导小组)负责…: the short name the subject is given after it, dropped (round 15, ext-239)
_SHORT_NAME_AFTER = re.compile(r"[(（](?:以下简称|以下称|下称|简称)[^()（）,。;]{1,20}[)）]$")


# 各牵头单位制定的工作计划要于8月15日前报…: the units whose piece of work is due, sending it in by a date (round 20,
# ext-301); the work's words are data (work_products.txt)
_WORK_PRODUCTS = alternation(data_lines("work_products.txt"))
_PRODUCT_SUBJECT = re.compile(rf"(?P<u>[^,。;的]{{2,30}}?)所?(?:制定|编制|起草|形成|填报|上报|报送)的[{CJK}]{{0,8}}?"
                              rf"(?:{_WORK_PRODUCTS})")
# 你市有关各级政府 / 你县各有关部门: the addressed place's bodies, in the second person (a 批复's)
_YOUR_PLACE = re.compile(r"你(?:省|市|县|区|州|盟|旗)(?:有关)?(?:各级(?:人民)?政府|各有关部门|有关部门|各部门)")
_DURING = re.compile(rf"[{CJK}]{{2,6}}?(?:期间|其间)")
_REPORTING_VERB = re.compile(alternation(data_lines("report_verbs.txt")))
# 经某办公会研究决定,…: a body's deliberation, how something was decided (deliberation_verbs.txt)
_DELIBERATION = re.compile(alternation(data_lines("deliberation_verbs.txt")))
_DATED_SENDING = re.compile(r"(?:于|在)?[^,。;]{2,16}?(?:前|之前)(?:报送|上报|提交|报|送)")


def _product_subject(subj: str, clause: str, m: re.Match):
    """The units of ``各X制定的计划`` before a modal verb and a dated sending, or None."""
    pm = _PRODUCT_SUBJECT.fullmatch(subj)
    if not pm or m.group() not in ("要", "应", "须", "务必", "应当") or not _DATED_SENDING.match(clause, m.end()):
        return None
    units = split_assignees(pm.group("u"))
    return units if units and all(is_assignee(x) or is_role_collective(x) for x in units) else None


_COMMA_MODALS = ("应当", "应", "要", "须", "必须")
_LEVEL_DEPARTMENTS = re.compile(rf"[省市县区](?:直|级)各(?:有关|相关)?[{CJK}]{{0,4}}(?:部门|单位)")


_EACH_DUTY = tuple(data_lines("each_own_duty.txt"))  # 依照各自职责 … (after a list of units and a comma)


def _list_then_own_duty(head: str, clause: str, at: int) -> bool:
    """Whether ``head`` (before a comma) is a list of units ending in 等…部门 and the clause goes on with each one's
    duty: 县应急、综合执法、市场监管、环保等部门,依照各自职责依法查处… (round 31, ext-354, ext-359)."""
    return bool(_ABBREV_TAIL.search(head)) and "、" in head and clause.startswith(_EACH_DUTY, at)


def _qualified_then_modal(head: str, modal: str) -> bool:
    """Whether ``head`` (before a comma) is a qualified collective and ``modal`` (after the comma) a
    modal: 禁止燃放烟花爆竹的乡镇(街道),应当… (round 23, ext-354)."""
    if modal not in _COMMA_MODALS:
        return False
    sc = _SCOPE_OPEN.match(head)
    # 本行政区域内的各级人民政府、各行政执法单位,应当…: the units of the law's area (round 26, ext-379)
    # 市直各有关部门,要依照各自职责,…: one collective of a level's departments, a comma before its modal (round 29,
    # rot36, ext-389; a role's collective, 牵头单位,要…, is not read so)
    return bool(_QUALIFIED.fullmatch(head)) or bool(sc) and all_assignees(split_assignees(head[sc.end():])) \
        or bool(_LEVEL_DEPARTMENTS.fullmatch(head)) and is_collective(head)


# The area a law's subjects are in, before them: no part of their names (本行政区域内的各级人民政府…)
_BARE_ROLES = frozenset(data_lines("role_subjects.txt"))
_READING_PAGE = ("政策解读", "解读")
_EACH_TASKS_ROLE = re.compile(r"各项[\u4e00-\u9fff]{0,8}的(?P<r>[\u4e00-\u9fff]{2,8})")


def _role_subject(u: str) -> bool:
    """A collective of a task split's role as a subject (各牵头单位, 牵头责任单位, or bare: 牵头单位, 配合单位)."""
    return is_role_collective(u) or u in _BARE_ROLES


def _role_unit(u: str) -> bool:
    """A role's units (read only where the notice reads no task list of its own)."""
    return u in _SELF_ROLES or _role_subject(u)


_SCOPE_OPEN = re.compile(r"本(?:[省市县区州旗])?行政区域内的")


def _subject_at(clause: str, m: re.Match, sectors: bool = True):
    subj = clause[: m.start()].strip()
    if subj.endswith(",") and (_qualified_then_modal(subj[:-1], m.group())
                               or _list_then_own_duty(subj[:-1], clause, m.start())):
        subj = subj[:-1]  # 禁止燃放烟花爆竹的乡镇(街道),应当… / A、B等部门,依照各自职责…
    sc = _SCOPE_OPEN.match(subj)
    if sc and all_assignees(split_assignees(subj[sc.end():])):
        subj = subj[sc.end():]  # 本行政区域内的各级人民政府、各行政执法单位: the area is no part of them
    bm = _WITH_BRANCHES.fullmatch(subj)
    if bm and is_assignee(bm.group("u")):
        subj = bm.group("u")  # 农发行某分行及其分支机构按照…: the unit with its own parts, the unit (round 24, ext-359)
    sm = _SEAT_OF.match(subj)
    if sm and all_assignees(split_assignees(subj[sm.end():])):
        subj = subj[sm.end():]  # 市人民政府所在地某区人民政府和某开发区管委会建立…: where they sit (round 24, ext-359)
    subj = _ARTICLE.sub("", subj)  # 第四条区发展改革委负责…: a rule's article number glued to its subject (round 17, ext-282)
    product = _product_subject(subj, clause, m)
    if product:
        return product
    if _YOUR_PLACE.fullmatch(subj) and m.group() in _TLX.strong_verbs:
        return [subj]  # 你市有关各级政府要…: a 批复's addressee's bodies in the second person, as written (round 21, ext-337)
    tm = _DURING.match(subj) or _REPORTING_VERB.match(subj)
    if tm and (after := split_assignees(subj[tm.end():])) and all_assignees(after):
        subj = subj[tm.end():]  # 建设期间省政府政务公开办公室将…: the time the clause opens with (round 20, ext-302)
        # (…精神,强调各镇(街道)、区级各部门要…: a meeting's reporting verb; round 22, ext-236)
    if _SENT_TO_ISSUER.match(subj):
        return None  # 报我委会同省直有关部门审查后…: where the work is sent, no subject (round 17, ext-250)
    pm = _PREP_INSIDE.fullmatch(subj)
    if pm and is_assignee(pm.group("to")):
        # 所有减量化项目由街道统一招标…, 由各村向联席办上报…: a procedure's steps, no unit's name before the verb
        # (round 17, ext-277)
        return None
    # 市某领导小组(以下简称市领导小组)负责…, 某市信息中心(以下简称市信息中心)负责…: the short name the subject is
    # given after it is no part of it (rounds 15-16, ext-239, ext-267); a joint meeting's own duties stay unread (no task
    # in the gold: sh-17, loc-11), as does a copula's subject (X(简称Y)是…)
    short = _SHORT_NAME_AFTER.search(subj)
    if short and m.group() == "是":
        return None
    if short and not subj[:short.start()].endswith("联席会议"):
        subj = subj[:short.start()]
    om = _OTHER_NAME_SQUARE.fullmatch(subj)
    if om and is_assignee(om.group("u")) and is_unit_like(om.group("o")):
        # 上海市某研究院[国家某中心(上海)]要…: the unit's other name in square brackets is no part of it (round 23,
        # ext-349)
        subj = om.group("u")
    if not subj or _STOPS_SPACE.search(subj) or subj.endswith(("、", "和", "及", "与")):
        return None  # 各责任单位、配合单位要…: the list goes on past the verb-like word
    if is_role_collective(subj):
        return [subj]  # 牵头责任单位要…: opens with a verb, names a role's units
    if subj in _BARE_ROLES and m.group() == "要":
        return [subj]  # 牵头单位要履行好牵头抓总责任,…: a split's role written bare (round 27, ext-386)
    em = _EACH_TASKS_ROLE.fullmatch(subj)
    if em and m.group() == "要" and _role_subject("各" + em.group("r")):
        return ["各" + em.group("r")]  # 各项工作任务的主要责任单位要将…: each task's role, 各 + the role (round 27, ext-14)
    dm = _DESCRIBED.fullmatch(subj)
    if dm and all_assignees(split_assignees(dm.group("n"))):
        return split_assignees(dm.group("n"))  # 系统维护单位(数交公司)负责…: the unit named in brackets
    cm = _COUNTED.fullmatch(subj)
    if cm:
        return [cm.group("n")]  # 今年有危房改造任务的5个县(市)要…: a counted collective, as written (round 9, ext-104)
    qm = _QUALIFIED.fullmatch(subj)
    if qm and not qm.group("q").startswith(_VERB_STARTS) \
            and all(is_collective("各" + k) for k in re.split(r"(?:、|和)(?![^()]*\))", qm.group("k"))):
        # 入选的县(市、区)和乡镇(街道)要…, 无项目建议的单位、部门在…: the units a quality picks out, as written
        # (round 20, ext-302, ext-314)
        return [subj]
    if subj.startswith("经") and _DELIBERATION.match(clause, m.start()):
        return None  # 经某省委主委办公会研究决定,…: how it was decided, no duty (round 25, ext-375)
    if subj.startswith(_VERB_STARTS) or subj.startswith(_TLX.no_subject) or subj.startswith("要"):
        return None  # (A要求,要坚决把…统一到…部署要求上来: 要 opens a demand, no unit's name; round 12, ext-141)
    if subj[-1] in "都均也" and len(subj) > 3 and not is_assignee(split_assignees(subj)[-1]):
        subj = subj[:-1]  # 各地区、各部门和各单位都要…
    if subj.endswith(("一定", "务必")) and len(subj) > 4 and is_assignee(split_assignees(subj[:-2])[-1]):
        subj = subj[:-2]  # 各项目企业一定要…: an adverb before the verb (round 8, ext-86)
    jm = _FIELDS_AND_BODY.fullmatch(subj)
    if jm and sectors and is_collective(jm.group("b")) \
            and not any(is_assignee(x) or x.startswith(_VERB_STARTS) for x in jm.group("a").split("、")):
        # 发展改革、财政、…、通信等部门和有关军事机关应当…: the fields bare (round 28's convention) and the collective
        # joined after them as written (ext-380)
        return jm.group("a").split("、") + [jm.group("b")]
    tail = _ABBREV_TAIL.search(subj)
    if tail:
        # 区建设、水务、园林等部门: fields of one level's departments, each as written;
        # in a central-government notice 财政、发展改革等部门 names sectors, not units.
        named = split_assignees(subj[: tail.start()])
        if named and all(is_assignee(x) for x in named) and not named[0].startswith(_VERB_STARTS):
            return named  # 科技部、工业和信息化部等部门: the units named
        items = [x for x in subj[: tail.start()].split("、") if x]
        mixed = _units_and_fields(items) if "部门" in tail.group() else None
        if mixed:
            return mixed
        sm = _SCOPED_FIELD.fullmatch(items[0]) if items and tail.group().endswith("部门") else None
        if sm and all(re.fullmatch(f"[{CJK}]{{2,4}}", x) and not is_assignee(x) and not x.startswith(_VERB_STARTS)
                      for x in [sm.group("f")] + items[1:]):
            # 全省各级财政、税务等部门要…: each field bare as written, the scope staying on the first (the sample's
            # '区建设、水务…等部门'; round 28's convention: fields in a list of departments are kept bare)
            return items
        if items and (sectors or items[0].startswith(GOVERNMENT_LEVELS)) and all(re.fullmatch(f"[{CJK}]{{1,8}}", x) for x in items) \
                and "部门" in tail.group():  # 施工、监理等单位: contracted parties, not departments
            return items
        return None
    shared = _SECTORS_SHARING.fullmatch(subj)
    if shared and sectors and not any(is_assignee(x) or x.startswith(_VERB_STARTS) for x in subj.split("、")[:-1]):
        # 统计、国税、地税部门要…: fields sharing the last one's 部门, each kept bare as written (round 7, ext-77;
        # bare since round 28's convention, as the sample's '区建设、水务…等部门')
        return subj[: -len(shared.group("k"))].split("、")
    counted = _counted_places(subj)
    if counted and counted[1] == len(subj) and m.group() in _TLX.strong_verbs:
        return counted[0]  # 甲乙、丙丁、戊己三区要…: each name with the level (round 29, rot36)
    places = listed_places(subj, _PLACE_SUBJECT)
    if places and m.group() in _TLX.strong_verbs:
        # 东新区、市商务区和太康县要安排…: districts and counties named, each its own assignee (round 7, ext-77)
        return places
    kind = _KIND_TAIL.search(subj)
    if kind and is_collective(kind.group("kind")):
        return [kind.group("kind")]  # 教育、交通…等行业主管部门: the kind of unit named
    ek = _EACH_KINDS.fullmatch(subj)
    if ek and m.group() in _TLX.strong_verbs and not any(
            is_unit_like(x) or is_assignee(x) or x.startswith(_VERB_STARTS) for x in re.split(r"、|和", ek.group("k"))[:-1]):
        # 各相关燃气和热力能源销售、转供公司要…: one 各 over kinds of business before one ending, one collective as
        # written (as 各州、市人民政府; round 23, ext-349)
        return [ek.group("u")]
    items = split_assignees(subj)
    if _shared_organ(items) or _SHARED_EACH.fullmatch(subj):
        return [subj]
    if items and (items[0].startswith(_VERB_STARTS) or any("等" in x for x in items)):
        return None  # 发挥行业协会、商会、慈善机构等社会(组织作用): a verb phrase, not a subject
    if items and all(is_assignee(x) or is_role_collective(x) or (_is_group(x) and plausible_name(x) and not _teams(x))
                     for x in items):
        return items
    persons = [x for x in items if x.endswith(("干部", "人员")) and not is_assignee(x)]
    rest = [x for x in items if x not in persons]
    if persons and rest and items[:len(rest)] == rest and all(is_assignee(x) or (_is_group(x) and plausible_name(x) and not _teams(x)) for x in rest):
        # 镇巡查队、镇村两级包保干部严格按照…: persons (…干部, …人员) after the units left out (round 8,
        # ext-93); a unit's leaders (各部门主要领导) are not set apart: whose duty it is stays unread
        return rest
    kinds = [x for x in re.split(r"、|以及|及|和(?!单位|部门)", subj) if x]
    if len(kinds) > 1 and kinds[0].startswith("各") and is_collective(kinds[0]) and m.group() in _TLX.strong_verbs \
            and all(is_assignee(x) or re.fullmatch(f"[{CJK}]{{2,6}}", x) or re.fullmatch(_OTHER_BODIES, x)
                    for x in kinds[1:]) and not any(x.startswith(_VERB_STARTS) for x in kinds) \
            and (re.fullmatch(_OTHER_BODIES, kinds[-1]) or is_collective(kinds[-1])):
        return kinds  # 各高校、科研院所、国有企业和智库以及其他承担科研任务的单位要…: kinds of bodies
    for coll in sorted(_LEX.collectives, key=len, reverse=True):
        if subj.endswith(coll) and len(coll) >= 4 and not _VERB_RE.search(subj[: -len(coll)]):
            return [coll]  # 议案、建议案主办部门: the collective named at the end
    return None


# 。第十七条 … / 。第七章 …: a rule's article or chapter after a sentence's end: no duty's text runs on past it (round 24,
# ext-359)
_ARTICLE_OPENS = re.compile(r"(?<=[。;\s])第[一二三四五六七八九十百零]{1,5}[条章](?!的|规定|之)(?=\s|[\u4e00-\u9fff])"
                            # …反馈省农委。(二)会议报到。: a numbered item after a full stop or opening a line, even one the
                            # outline does not take (its (一) damaged; round 24, ext-358)
                            r"|(?<=[。\n])\([一二三四五六七八九十]{1,3}\)(?=[\u4e00-\u9fff])")
# …的企业…(以下简称承储企业): a kind of party the notice names by a short name of its own
_DEFINES = re.compile(rf"\((?:以下简称|以下称|下称)(?P<n>[{CJK}]{{2,8}}?(?:企业|单位|公司|机构))\)")
# (第十四条 )承储企业应当…: a sentence opened by such a name, then a modal
_DEFINED_OPENS = re.compile(rf"(?:第[一二三四五六七八九十百零]{{1,5}}条\s*)?"
                            # (为避免超架空期轮换,承储企业应当…: a purpose clause before it)
                            rf"(?:为[^,。;]{{2,20}},)?(?P<n>[{CJK}]{{2,8}}?(?:企业|单位|公司|机构))"
                            # (承储企业在执行轮换计划时,应…: a time the modal waits for; 承储企业储存某粮应… / 承储企业采购某粮,
                            # 应当…: what the party does when the modal binds it; a modal only, not 负责: 某机构向市人民政府负责 is a
                            # reporting line, ext-268's gold)
                            rf"(?=(?:在[^,。;]{{2,20}}?(?:时|期间),?)?(?:应当|应|要|须|必须|负责)"
                            rf"|(?!不得|被|的|向|对)[{CJK}]{{2,10}}?,?(?:应当|应|要|须|必须))")
_LOOKALIKES = tuple(data_lines("modal_lookalikes.txt"))
# 某分行及其分支机构: a unit and its own parts (sub_units.tsv branches)
_WITH_BRANCHES = re.compile(rf"(?P<u>[{CJK}()]{{2,30}}?)及其"
                            + alternation([r[1] for r in _TLX.sub_units if r[0] == "branches"]))
# 市人民政府所在地(某区人民政府): the seat of a body, a place word before the units it names
_SEAT_OF = re.compile(rf"[{CJK}]{{2,20}}?所在地(?=[{CJK}])")
# 上海市某研究院[国家某中心(上海)]: a unit and its other name in square brackets
_OTHER_NAME_SQUARE = re.compile(rf"(?P<u>[{CJK}]{{4,30}})\[(?P<o>[{CJK}()]{{4,30}})\]")
# 各相关燃气和热力能源销售、转供公司: one 各 over kinds of business (a list with 、 or 和) and one ending
# (a note sending to the list in the attachment, (附件) / (见附件2), is no part of it)
_EACH_KINDS = re.compile(f"(?P<u>各(?:相关|有关)?(?P<k>[{CJK}]{{2,10}}(?:(?:、|和)[{CJK}]{{2,10}})+)(?:公司|企业))"
                         r"(?:\((?:详见|见)?附件\d*\))?")
# 全省各级财政(、税务等部门): a scope (every level of the province's, or 各级 alone) before a field
_SCOPED_FIELD = re.compile(f"(?P<s>(?:全[省市县区州盟旗])?各级)(?P<f>[{CJK}]{{2,4}})")
# 各区、县级市 / 各街道、镇: one 各 over a list of kinds of local government, one assignee as written
_SHARED_EACH = re.compile(f"各[{CJK}]{{1,3}}(?:、[{CJK}]{{0,3}}(?:{'|'.join(GOVERNMENT_LEVELS)}|街道))+(?:人民政府|政府)?")
# 试点地区要认真组织实施,…重点做好以下工作: a duty leading in the items below, no addressee line
_LETTER_OPENS = re.compile(r"(?:根据|依据|现将|接|近日|近期|鉴于"
                           # 为切实做好…工作,: a purpose clause (purpose_openers.txt; round 24, ext-362)
                           r"|为了?(?:切实|进一步|全面|认真|扎实|更好地?)?"
                           + alternation(data_lines("purpose_openers.txt")) + r"[^,。;:]{1,40},)")
_LEAD_IN = re.compile(r"(?:要|应|负责)[^:]*(?:(?:做好|完成|落实|抓好)[^:]{0,6}以下[^:]{0,6}(?:工作|任务)"
                      # …应重点围绕以下方面加强管理: (round 16, ext-268)
                      r"|围绕以下(?:几个)?方面[^:]{0,8}):$")
# What opens a predicate without a duty verb: a deadline (各居村、相关责任单位于2021年12月20日前,按照…),
# the unit of the work (各地以县(市、区)为单位,对…)
_PRED_OPEN = re.compile(r"(?:要|应|须|务必|务)?(?:于|在)(?:(?:19|20)\d{2}年)?\d{1,2}月(?:\d{1,2}日|底)(?:前|之前),"
                        # …各街道办事处务必在4月下旬前成立…: must by a date, no comma (round 13, ext-160)
                        r"|务必(?:于|在)(?:(?:19|20)\d{2}年)?\d{1,2}月(?:\d{1,2}日|底|上旬|中旬|下旬)(?:前|之前)"
                        # 请各乡镇务必高度重视,在8月8日前…上报…: an exhortation, then the date (round 21, ext-343)
                        r"|务必(?:高度重视|重视|抓紧),(?:于|在)(?:(?:19|20)\d{2}年)?\d{1,2}月(?:\d{1,2}日|底)(?:前|之前)"
                        r"|以[^,。;]{1,12}为单位,"
                        # 各二级单位成立本单位…工作小组,…负责…: units set up their own (round 21, ext-334)
                        r"|成立本(?:单位|部门|系统|地区|级)"
                        # …,生态环境部门对当事人处以500-2000元罚款: a penalty the unit imposes (round 21, ext-344)
                        r"|对[^,。;]{1,20}?处以"
                        # 发展改革、财政部门2017年3月底前拨付…: a date with its year, then the verb (round 21, ext-336)
                        r"|(?:19|20)\d{2}年\d{1,2}月(?:\d{1,2}日|底)(?:前|之前)(?=[\u4e00-\u9fff])"
                        # 各市(州)人民政府、…和省直相关部门于9月13日下午17:00前将参会人员名单反馈省农委: a day and an hour,
                        # then 将 and what is sent (round 24, ext-358)
                        r"|(?:于|在)\d{1,2}月\d{1,2}日(?:上午|下午|中午|晚上|晚)?(?:\d{1,2}[:：]\d{2}|\d{1,2}[时点](?:\d{1,2}分|半)?)?"
                        r"(?:前|之前)(?=将|把)")
_DATED_VERB = re.compile(r"(?:19|20)\d{2}年\d{1,2}月(?:\d{1,2}日|底)(?:前|之前)")
_URGED_SENDING = re.compile(r"务必(?:高度重视|重视|抓紧),(?:于|在)[^,。;]{2,14}(?:前|之前)[^。;]{0,40}?(?:上报|报送|报)")
_OFFICE_DAILY = re.compile(r"^\s*(?:[一二三四五六七八九十]{1,3}、|\([一二三四五六七八九十]{1,3}\)|\d{1,3}[、.]|\(\d{1,2}\))?\s*"
                           r"(?P<u>[^\s,。;:、]{2,30}?办公室)设在[^,。;]{2,30},"
                           r"(?P<p>(?:承担|负责)[^,。;]{0,30}?日常(?:工作|事务))")
# 领导小组下设办公室,办公室设在党群工作部,负责协调处理日常工作: the office the group sets up (named by the
# group's word as written, 领导小组办公室) bears the work, not the unit it sits in (round 7, ext-75)
_SET_UP_OFFICE_DAILY = re.compile(r"^\s*(?P<g>[^\s,。;:、]{2,30}?)下设办公室,(?:办公室)?设在[^,。;]{2,30},"
                                  # …,办公室主任由某同志兼任,副主任由某同志兼任,主要负责…日常管理、协调工作 (round 32, ext-393)
                                  r"(?:(?:办公室)?(?:常务)?副?主任由[^,。;]{2,20}?(?:兼任|担任),)*(?:主要)?"
                                  r"(?P<p>(?:承担|负责)[^,。;]{0,30}?日常[^,。;]{0,6}?(?:工作|事务))")
# 联席会议办公室职责:协调落实…: the duties a group's office is given under a label (round 7, ext-70)
_OFFICE_DUTIES = re.compile(r"^\s*(?P<u>[^\s,。;:、]{2,30}?办公室)(?:的)?(?:主要)?职责(?:是|为)?:(?P<p>\S)")
_IS_OWNER = re.compile(r"[^,。;]{0,40}?(?:主体|责任人|责任单位|牵头单位|主管部门|主管单位)"
                       # 某办公室是负责机关公文处理、协调和指导…的工作机构: a body set up for a work, a standing duty
                       # (round 25, ext-373)
                       r"|负责[^,。;]{2,40}?的(?:工作|办事|职能)?机构")
_DAILY_WORK = re.compile(r"(?:日常|具体)(?:工作|事务|运作)(?:可)?由(?P<u>[^,。;由]{2,30}?)(?:有关|相关)?(?:科室|处室)?"
                         r"(?:承担|负责)(?=[。;,]|$)")
# 请各地、各部门“一把手”亲自抓,总负责,于1月23日前将…报…: units named by their heads, asked to see to it
# themselves, then a dated piece of work in the same sentence (round 7, ext-76)
_HEADS = re.compile(r'(?P<u>[^,。;"“]{2,30}?)(?:"一把手"|“一把手”|主要负责同志|主要负责人|主要领导)(?:要|务必|须)?亲自')


def _heads_due(clause: str):
    """(units, predicate start) of ``_HEADS`` where the clause goes on to a deadline, else None."""
    m = _HEADS.match(clause)
    if not m or not DEADLINE_RE.search(clause, m.end()):
        return None
    units = split_assignees(m.group("u"))
    return (units, m.end() - 2) if all_assignees(units) else None


# 请各市委会准备交流材料,…,并于8月26日前上报至…: a request to named units, any verb, then a dated sending in the same
# sentence (round 25, ext-375)
_REQUEST_SENDING = re.compile(r"(?:于|在)[^,。;]{2,24}?(?:前|之前)[^。;]{0,30}?(?:上报|报送|提交|发送|反馈|报|送)")


# 请甲乙、丙丁、戊己三区启动…: places named bare, then their count and level (三区, 两县): each name with the level
# (round 29, rot36, ext-391)
_COUNTED_PLACES = re.compile(rf"(?P<ns>[{CJK}]{{2,4}}(?:、[{CJK}]{{2,4}})+)(?P<c>[两二三四五六七八九十])个?(?P<l>区|县|旗)"
                             rf"(?=[{CJK}]|$)")


def _counted_places(clause: str):
    """(units, predicate start) of places listed bare before their count and level (``A、B、C三区``), as many as
    the count says, none a scope word nor a unit's name already; else None.

    >>> _counted_places("甲乙、丙丁、戊己三区启动前期准备工作")
    (['甲乙区', '丙丁区', '戊己区'], 10)
    >>> _counted_places("甲乙、丙丁三区启动前期准备工作") is None, _counted_places("甲乙、丙丁两县")
    (True, (['甲乙县', '丙丁县'], 7))
    """
    m = _COUNTED_PLACES.match(clause)
    if not m:
        return None
    names = m.group("ns").split("、")
    count = 2 if m.group("c") == "两" else _cn_int(m.group("c"))
    if count != len(names) or any(n.startswith(_NOT_A_PLACE + _LEVEL_QUALIFIERS) or is_assignee(n) or is_unit_like(n)
                                  or n.startswith(_VERB_STARTS) for n in names):
        return None
    return [n + m.group("l") for n in names], m.end()


_LEVEL_QUALIFIERS = level_qualifiers()  # 各, 试点, 其他 … (a set of a level's units)


def _request_due(clause: str):
    """(units, predicate start) of ``请`` + units + a verb, where the sentence goes on to a dated sending: the
    longest unit or collective the clause opens with (not followed by 的/和/、…); else None."""
    sm = _REQUEST_SENDING.search(clause)
    if not sm or not DEADLINE_RE.search(sm.group()):
        return None
    counted = _counted_places(clause[:sm.start()])
    if counted:
        return counted
    for k in range(min(20, sm.start() - 1), 1, -1):
        head = clause[:k]
        if is_assignee(head) and re.match(f"[{CJK}]", clause[k]) and clause[k] not in "的和与及等" \
                and not head.startswith(_VERB_STARTS):
            if clause.startswith(_LEADER_WORDS, k) or _IN_CHARGE_OF.match(clause, k) or clause.startswith("负责人", k):
                return None  # 请各单位负责人于…前报名: persons by role, no unit's duty
            return [head], k
    return None


# 请该绿化点的九个责任区牵头单位(A、B、…)派负责人1名…: a request to units of a kind, counted and named in brackets
# (round 27, ext-387)
_COUNTED_REQUEST = re.compile(rf"(?:该|各|上述|以上)?(?:[^,。;()的]{{1,12}}的)?(?:(?P<c>[一二三四五六七八九十两]{{1,3}}|\d{{1,2}})个)?"
                              rf"[{CJK}]{{0,8}}?(?:单位|部门)\((?P<n>[^()]{{2,120}})\)(?=[{CJK}])")


_REQUEST_OPEN = re.compile(r"\s*(?:[一二三四五六七八九十]{1,3}、|\([一二三四五六七八九十]{1,3}\)|\d{1,3}[、.]|\(\d{1,2}\))?\s*请")


# 某绿化点补充责任单位:财政局。该绿化点由建设局牵头组织责任单位于…前挖好植树坑: the 责任单位 a lead organises are
# the ones its paragraph has just named under that label (round 27, ext-387)
_ROLE_LABEL = re.compile(r"(?:补充|新增)?责任单位[:](?P<u>[^,。;:\n]{2,80})[。;]")
_ORGANISES_ROLE = re.compile(r"组织(?:各)?责任单位(?=[于在\u4e00-\u9fff])")


def _labelled_units(work: str, d):
    """A led duty whose work is organising the 责任单位, given the units its paragraph's last 责任单位: label names."""
    a, b, lead, units, body = d
    if not lead or units or not _ORGANISES_ROLE.match(body):
        return d
    start = work.rfind("\n", 0, a) + 1
    labels = list(_ROLE_LABEL.finditer(work, start, a))
    named = split_assignees(labels[-1].group("u")) if labels else []
    if not named or not all_assignees(named) or work.find("。", labels[-1].end(), a) != -1:
        return d  # (the label in the sentence right before only)
    return a, b, lead, named, body


# 要将实施方案和“四四表单”报…审查签字后,于…前报…备案: the piece of work sent in, named by its kind
_SENDS = re.compile(rf"(?:要|须|应|务必)?将(?P<p>[^,。;]{{2,40}}?)(?:报|送|上报|报送|提交)")


def _sends_its_product(body: str, prev_text: str) -> bool:
    """``body`` sends in (将…报…) a piece of work (work_products.txt) the duty before it names."""
    m = _SENDS.match(body)
    return bool(m) and any(w in m.group("p") and w in prev_text for w in _PRODUCTS)


_PRODUCTS = tuple(sorted(data_lines("work_products.txt"), key=len, reverse=True))


def _counted_request(clause: str):
    """(units, predicate start) of a request (after 请) to units of a kind named in brackets after it, all of them
    units and as many as the count before the kind says; else None."""
    m = _COUNTED_REQUEST.match(clause)
    if not m:
        return None
    units = split_assignees(m.group("n"))
    if len(units) < 2 or not all_assignees(units) or (m.group("c") and _cn_int(m.group("c")) != len(units)):
        return None
    return units, m.end()


def _asked_by_short_name(ctx: NoticeContext, core: str):
    """(the addressee, length of 请 + its short name) where ``core`` asks (请) one of the salutation's units by the
    collective its name opens with (各县区 for 各县区科技局), a verb after it; else None."""
    if not core.startswith("请各"):
        return None
    for x in ctx.addressees:
        k = 1
        while k < len(core) and k - 1 < len(x) and core[k] == x[k - 1]:
            k += 1
        head = core[1:k]
        if 3 <= len(head) <= len(x) and (is_collective(head) or head == x) and is_assignee(x) and k < len(core) \
                and re.match(f"[{CJK}]", core[k]) and core[k] not in "的和与及等" \
                and not _exhortation([head], core[k:]):
            return x, k
    return None


# 接此通知后,: when the work starts, no part of it
_ON_RECEIPT = re.compile(r"^(?:接|收)(?:到)?(?:此|本)?通知后,")
# 务于9月30日下午16:00前上报到…: a dated sending (a modal before the date dropped from the task's text)
_DUE_SENDING = re.compile(r"(?:务必?|须|要|请)?(?:于|在)[^,。;]{2,24}?(?:前|之前)[^,。;]{0,10}?(?:上报|报送|提交|发送|报|送)")
_MUST_BY = re.compile(r"(?<=,)(?:务必?|须|要)(?=于|在)")


_POSSESSIVE = re.compile(r"(?P<u>[^,。;的]{2,20})的[^,。;的]{2,20}?(?:务必|务|须|必须|要|应)(?P<when>(?:于|在)[^,。;]{2,16}?前)")
# 各单位联系电话于4月15日前报送…: a collective, the thing it reports (no 的), its date (round 6, ext-68)
_TOPIC_DUE = re.compile(r"(?P<head>各[^,。;的、]{3,16}?)(?:务必|务|须|必须|要|应)?(?P<when>于[^,。;]{2,16}?前)")


def _topic_due(clause: str):
    """(units, predicate start) of ``各单位联系电话于4月15日前报送…``: the longest collective the clause opens
    with, a short topic (2-8 characters) after it, then a date; else None."""
    m = _TOPIC_DUE.match(clause)
    if not m or not DEADLINE_RE.search(m.group("when")):
        return None
    head = m.group("head")
    for k in range(len(head) - 2, 1, -1):
        if len(head) - k <= 8 and is_collective(head[:k]) and not is_role_collective(head[:k]):
            return [head[:k]], k
    return None
_AS_OWNER = re.compile(r"(?P<u>[^,。;作]{2,20}?)作为[^,。;]{2,40}?(?:主体|单位|部门|机构),(?=负责|要|应)")
_SHARED = tuple(r[1] for r in _TLX.sub_units if r[0] == "shared")


def _shared_organ(items: list) -> bool:
    """各地、各部门办公室: the organ ending the last plural collective is every listed body's."""
    if len(items) < 2 or not all(x.startswith("各") for x in items):
        return False
    last = items[-1]
    organ = next((w for w in _SHARED if last.endswith(w) and is_collective(last[: -len(w)])), None)
    return bool(organ) and all(is_collective(x) and not x.endswith(organ) for x in items[:-1])


_LEVEL_CHARS = "省市州县区"


def _units_and_fields(items: list):
    """``市经济委、环保局、国土资源、规划、工商…等部门`` (round 15, ext-239): a list of one level's units and bare
    fields before 等部门, the first a unit of that level: each field kept bare as written (round 28's convention,
    as the sample's '区建设、水务…等部门'; a field is told by its 部门 being a unit name), a unit written without its
    level (环保局) shares the first's. None unless units and fields are both there.
    """
    if len(items) < 3 or not items[0][0] in _LEVEL_CHARS or not is_assignee(items[0]):
        return None
    units = [x for x in items if is_assignee(x)]
    fields = [x for x in items if not is_assignee(x)]
    if not fields or not units or not all(re.fullmatch(f"[{CJK}]{{2,4}}", x) and not x.startswith(_VERB_STARTS)
                                                and is_assignee(x + "部门") for x in fields):
        return None
    out = []
    for x in items:
        if x in fields:
            out.append(x)
        elif x[0] not in _LEVEL_CHARS and len(x) <= 5 and x.endswith(("局", "委", "办")) and is_assignee(items[0][0] + x):
            out.append(items[0][0] + x)
        else:
            out.append(x)
    return out


def _subject(clause: str, sectors: bool = True):
    """(units, predicate start) when ``clause`` opens with a unit list and a predicate.

    A subject followed by a strong predicate (负责, 要, 将, :) wins over a shorter one
    followed by a weaker verb (区城乡统筹办负责 is not 区城乡 + 统筹).
    """
    got = _subject_cached(clause, sectors)
    return (list(got[0]), got[1]) if got else None  # a fresh list: callers may change it


@lru_cache(maxsize=1 << 16)
def _subject_cached(clause: str, sectors: bool):
    weak = None
    for m in _VERB_RE.finditer(clause[:80]):
        st = _STOPS.search(clause, 0, m.start())
        if st and not (st.start() == m.start() - 1 and clause[st.start()] == ","
                       and (_qualified_then_modal(clause[:st.start()], m.group())
                            or _list_then_own_duty(clause[:st.start()], clause, m.start()))):
            break  # (but 禁止燃放烟花爆竹的乡镇(街道),应当将…: a qualified collective, a comma, then the modal)
        if m.group() == "负责" and (clause.startswith("同志", m.end()) or
                                    (clause.startswith("人", m.end()) and not clause.startswith("人员", m.end()))):
            continue  # 区经发局负责人, 负责同志: a person, not a duty (负责人员密集场所… is one)
        if m.group() == "负责" and _LEADER_NOUN.match(clause, m.end()):
            continue  # 市政府负责领导要…: the leaders in charge, persons (负责领导全市的…工作 is a duty; round 27, ext-386)
        if clause.startswith(_LOOKALIKES, m.start()):
            continue  # 某办公室应急响应: 应急 is no 应 (modal_lookalikes.txt; round 24, ext-363)
        if m.group() == "委托" and "受" in clause[:m.start()]:
            continue  # 某副主任受区人民政府委托所作的报告: who was commissioned, no unit's duty (round 31)
        if m.group() == "在" and clause[m.start() - 1:m.start()] == "所" and clause.startswith("地", m.end()):
            continue  # 市人民政府所在地某区人民政府…: 所在地 (where it sits) is one word, no 所 ending a unit (round 24, ext-359)
        if m.group() == "是" and not _IS_OWNER.match(clause, m.end()):
            continue  # 城镇小区配套建设幼儿园是…的重要内容: a definition; 区政府是…的第一责任主体 is a duty
        if clause.startswith("的", m.end()) and len(m.group()) >= 2:
            continue  # 区某委员会制定的《…》已经区政府同意: a relative clause, no duty
        if m.group() == "要" and _PERSON_SUBJECT.search(clause, 0, m.start()):
            return None  # 县政府分线领导要站在全局高度…: persons' duty (a unit ending 站 after 要 is none; round 12, ext-14)
        if m.group() not in _TLX.strong_verbs and (um := _IN_UNIT_NAME.match(clause, m.start())) \
                and is_unit_like(re.split(r"[、和及与]", clause[:um.end("u")])[-1]):
            continue  # 区委组织部和区民政局对…: 组织 inside a unit's name listed with another (round 14, ext-194);
            # also after others (县委办公室、县委组织部、县委宣传部搬迁至…; round 17, ext-281)
        if m.group() not in _TLX.strong_verbs and _OFFICE_ALONE.fullmatch(clause, m.end()) \
                and is_unit_like(clause.strip()):
            continue  # 中共某市委组织部 alone on its line (a signature of the 意见 after a covering letter): the
            # verb and an office word end a unit's name, no work follows (round 21, ext-345)
        items = _subject_at(clause, m, sectors)
        if items is None or all(x in _TLX.unnamed for x in items):
            continue
        if m.group() in _TLX.strong_verbs:
            return tuple(items), m.start()
        if weak is None or _office_named_by_verb(clause, weak, m):
            weak = (items, m.start(), m.end())
    if weak:
        return tuple(weak[0]), weak[1]
    dm = _UNITS_TOWARDS.match(clause)
    if dm and "、" not in dm.group("u") and all_assignees(split_assignees(dm.group("u"))) \
            and all(is_unit_like(x) for x in split_assignees(dm.group("u"))):
        # 区委组织部和区民政局对村党组织书记…实行备案管理: units, 对 and whom, then the measure (round 14, ext-194)
        return tuple(split_assignees(dm.group("u"))), dm.start("p")
    return None


# A weak verb that begins the end of a unit's name listed with another (区委组织部和…, 县委组织部、…)
_IN_UNIT_NAME = re.compile(rf"(?P<u>[{CJK}]{{1,3}}?(?:部|局|办|委|室|处|科|站|所|中心))(?=[和及与、])")
# Units, then 对 and whom the measure concerns, then a measure verb in the same clause
_UNITS_TOWARDS = re.compile(rf"(?P<u>[{CJK}]{{3,30}}?)(?P<p>对[^,。;]{{2,40}}?(?:实行|实施|进行|开展))")


_STOPS = re.compile(r"[,。;]")
_LEADER_NOUN = re.compile(r"领导(?:同志)?(?:要|应|须|必须|务必|和|与|及|、|,)")
_PERSON_SUBJECT = re.compile(r"(?:领导|同志|负责人)$")
_ENUM_OPEN = re.compile(r"\s*[一二三四五六七八九十]是(?!要)")
_OFFICE_END = re.compile(r"(?:办公室|办|室|中心|组|处|科|站|所|局|委|部)$")
# A weak verb's rest of the clause that is only an office word: the verb was inside the unit's name
_OFFICE_ALONE = re.compile(r"(?:办公室|办|室|中心|处|科|站|所|局|部)\s*[。;]?\s*")


def _office_named_by_verb(clause: str, weak, m: re.Match) -> bool:
    """A unit whose name holds a duty verb (县委统筹办统筹推进…: 县委统筹办, not 县委 + 统筹):
    the longer subject runs from the weak verb to a unit ending a few characters later."""
    rest = clause[weak[2]:m.start()]
    return 1 <= len(rest) <= 3 and bool(_OFFICE_END.search(rest)) and not re.search(r"[对的和与及、]", rest)


def _generic(u: str) -> bool:
    """A unit named by kind, not by name: 各部门, 牵头单位, 有关部门, 当地政府."""
    return is_collective(u) or is_role_collective(u) or u in _TLX.unnamed or u.startswith(("当地", "所在地", "属地"))


_FIELD_KIND = re.compile(f"(?:属地)?(?P<f>[{CJK}]{{2,8}}?)(?:部门|机关)")
_NO_FIELD = tuple(data_lines("not_field_words.txt"))  # 各, 有关, 当地 …: which units, not their field


def _field_kind(u: str) -> bool:
    """A kind of unit named by its field (财政部门, 公安机关, 属地建设管理部门): not every unit (各部门, 有关部门,
    当地政府), nor a role's units (主办部门, 相关责任部门)."""
    m = _FIELD_KIND.fullmatch(u)
    return bool(m) and not m.group("f").startswith(_NO_FIELD) and u not in _TLX.unnamed \
        and not re.fullmatch(f"(?:{_role_words()})+", m.group("f"))


def _local(u: str, pred: str) -> bool:
    """各乡镇应稳步开展…: local bodies given work with a strict verb (not 要高度重视…)."""
    return u.startswith("各") and u.endswith(_TLX.local_tails) and bool(_STRICT.match(pred)) \
        and not _exhortation([u], pred)


_SUFFIXES = "|".join(map(re.escape, _LEX.group_suffixes))
_ROLE_WORDS = "|".join(map(re.escape, _LEX.roles))
# …由县委书记任组长,…任副组长 / …20个部门的分管副职任小组成员 / …主任兼办公室主任: who holds a group's roles
_ROLE_END = re.compile(rf"(?:任|为|兼任|担任|兼)(?:[{CJK}]{{0,30}}?(?:{_SUFFIXES})|小组)?(?:办公室)?(?:{_ROLE_WORDS})[。;]?$")
# 对台湾工作领导小组成员的调整 / 对台工作领导小组由…: a group named 对…工作领导小组 opens the predicate
_GROUP_OPENS = re.compile(rf"对[{CJK}]{{1,12}}?工作(?:{_SUFFIXES})")
# 省移民开发局在省民政厅移民处的基础上组建: how the unit is formed, no work of it
_FORMED = re.compile(rf"(?:在[^,。;]{{2,30}}的基础上|由[^,。;]{{2,30}})?(?:组建|设立|成立|合并组建)[。;]?")


_SITE_CREDITS = frozenset(data_lines("site_credits.txt"))


def _site_credit(work: str, d) -> bool:
    """``长城某集团  主办`` on its line: a web page's credit (site_credits.txt), no duty (round 22, ext-232)."""
    body = d[4].strip()
    end = d[1]
    return body in _SITE_CREDITS and (end >= len(work) or work[end] == "\n") and "由" not in work[d[0]:d[1]]


def _after_colon(work: str, d) -> bool:
    """Whether a duty's predicate (``d[4]``) comes after a colon in its clause (a label's, or an addressee's)."""
    head = work[d[0]:d[1]]
    at = head.find(d[4])
    return at > 0 and head[:at].rstrip().endswith(":")


def _a_unit_named(work: str, d) -> bool:
    """A "duty" whose predicate is a unit's name alone after a colon, on its line: a labelled line naming a
    unit (``联系处室:某办公室`` under a group's entry, round 22, ext-229), no work."""
    body = d[4].strip(" 。;")
    return bool(body) and _after_colon(work, d) and not re.search(r"[,;。、]", body) \
        and is_unit_like(body) and is_assignee(body)


def _a_unit_whole(work: str, d) -> bool:
    """A "duty" whose unit and predicate together are one unit's name alone on its line, or after a label's colon
    (a front matter's ``发布单位: 上海市某监督管理局``: 市场 + 监督 read as a unit and a verb; round 23, ext-349)."""
    units, body = d[2] + d[3], d[4].strip()
    clause = work[d[0]:d[1]]
    if len(units) != 1 or not body or re.search(r"[,;。、\s]", body):
        return False
    whole = clause.strip()
    line_start = work.rfind("\n", 0, d[0]) + 1
    line_end = work.find("\n", d[1])
    before = work[line_start:d[0]].strip()
    after = work[d[1]:len(work) if line_end < 0 else line_end].strip()
    return (not before or before.endswith(":")) and not after and whole.endswith(body) \
        and is_unit_like(whole) and is_assignee(whole)


# 县某大队:6783 848县公安局:110: a phone line, a number after the colon (round 23, ext-352)
_PHONE = re.compile(r"\s*\d[\d \-]{2,}(?![\d年月日号时天个%])")


def _a_phone_number(work: str, d) -> bool:
    """A "duty" whose predicate, right after a colon, opens with a number that is no date or count (a phone line)."""
    return _after_colon(work, d) and bool(_PHONE.match(d[4]))


def _a_post(d) -> bool:
    """A "duty" that is a post: a member list's line ``张三 省委组织部副部长`` (省委 + 组织…, read
    as a unit and a predicate opening with a verb) or ``省政府研究室副主任`` (round 7, ext-70)."""
    units, body = d[2] + d[3], d[4].strip(" 。;")
    return len(units) == 1 and bool(body) and bool(split_posts(units[0] + body))


@lru_cache(maxsize=1)
def _title_then_name():
    titles = sorted(_LEX.titles, key=len, reverse=True)
    return re.compile(f"([{CJK}]{{0,12}}?)(" + "|".join(map(re.escape, titles)) + f")([{CJK}]{{2,3}})")


def _posts_then_name(d) -> bool:
    """A "duty" whose subject is a person's run of posts (``州委常委、州委组织部部长张三到会指导``: 州委常委 and
    州委 read as units, the rest a predicate): the body opens with the rest of a post and a name (round 18,
    ext-209)."""
    units, body = d[2] + d[3], d[4].strip()
    if not units:
        return False
    m = _title_then_name().match(body)
    if not m:
        return False
    for k in (3, 2):
        name = m.group(3)[:k]
        if len(m.group(3)) >= k and is_person_name(name) and split_posts(units[-1] + m.group(1) + m.group(2)):
            return True
    return False


def _composition(body: str) -> bool:
    """A predicate that says who holds a group's roles, or whose subject is a group named after its
    owner (平原县委 + 对台湾工作领导小组): no duty of the unit before it.

    >>> _composition("对台湾工作领导小组由县委书记任组长,分管对台工作的副书记、副县长任副组长。")
    True
    >>> _composition("负责全区的交通秩序治理工作。"), _composition("对领导小组成员进行培训。")
    (False, False)
    >>> _composition("在省民政厅移民处的基础上组建。")
    True
    """
    body = body.strip()
    return bool(_ROLE_END.search(body) or _GROUP_OPENS.match(body) or _FORMED.fullmatch(body)
                or _COUNTED_FORMED.search(body))


# …、旗市场监督管理局、…等22个单位组成 (or 组, the copy cut there): a member list its count closes, no duty of the
# unit a verb inside a name (监督管理) seemed to end (round 20, ext-303)
_COUNTED_FORMED = re.compile(COUNTED_UNITS_FORMED + r"成?[。;]?$")


def _is_group(x: str) -> bool:
    return any(x.endswith(s) and len(x) > len(s) + 2 for s in _LEX.group_suffixes)


def _teams(x: str) -> bool:
    """各检查督导组, 各工作组: the teams a notice sets up, no assignee (each team's units are listed
    with it); a group may be given work (各级绿化委员会, 领导小组办公室)."""
    return x.startswith("各") and x.endswith("组")


# 一、主要职责 of a group the notice sets up: the group's own functions, no division of duties among units (round 20,
# ext-306): the sections after it still give the duties of collectives (各成员单位要…)
_OWN_FUNCTIONS = re.compile(r"(?:主要|工作)?职责")


def _duty_sections(ctx: NoticeContext):
    """Spans of sections whose heading speaks of duties (分工/职责); [] when there are none."""
    spans = []
    mk = ctx.outline.markers
    for i, m in enumerate(mk):
        if m.level not in (1,):
            continue
        head = re.split(r"[\s。]", ctx.work[m.end:m.end + 30], maxsplit=1)[0]
        if _DUTY_HEAD.search(head) and len(head) <= 20 and not (_OWN_FUNCTIONS.fullmatch(head) and ctx.group_names):
            end = len(ctx.work)
            for n in mk[i + 1:]:
                if n.level <= m.level:
                    end = n.start
                    break
            spans.append((m.start, end))
    # A duty heading inside another duty section is part of it: keep the outer span only.
    return [sp for sp in spans if not any(o != sp and o[0] <= sp[0] and sp[1] <= o[1] for o in spans)]


def _duty_clauses(ctx: NoticeContext, out: list, covered: list):
    n0 = len(out)
    _read_duty_clauses(ctx, out, covered)
    out[n0:] = [t for t in drop_item_intros(ctx, out[n0:])
                if not in_principles(ctx, t["evidence"]["start"]) or assigned_in_principles(t)]


_SENTENCE = re.compile(r"[^。;\n]+[。;]?")

# 请试点市(州)、县(市、区)于7月25日前,其他市(州)于8月25日前将…报…: one request to two sets of a level's units, each
# with its own deadline, for one piece of work: two tasks (round 29, rot36, ext-390)
_LEVEL_SET = alternation(_LEVEL_QUALIFIERS) + r"?[省市县区州旗](?:\([^()]{1,8}\))?(?:、[省市县区州旗](?:\([^()]{1,8}\))?)*"
_TWO_DATED = re.compile(rf"\s*(?:[一二三四五六七八九十]{{1,3}}、|\d{{1,2}}[、.])?请(?P<a>{_LEVEL_SET})(?P<d1>(?:于|在)[^,。;]{{2,16}}?前),"
                        rf"(?P<b>{_LEVEL_SET})(?P<d2>(?:于|在)[^,。;]{{2,16}}?前)(?P<w>(?:将|把)[^。;]{{4,}}?)[。;]?\s*$")


def _two_dated_requests(ctx: NoticeContext, sent: str, s0: int) -> list:
    """The two tasks of ``_TWO_DATED`` (each set of units its deadline, the work shared), where both sets are
    named with a qualifier (试点, 其他…) or 各, both deadlines are dates and differ; else []."""
    m = _TWO_DATED.match(sent)
    if not m or m.group("a") == m.group("b") or not all(m.group(k).startswith(_LEVEL_QUALIFIERS) for k in "ab"):
        return []
    dues = [parse_deadline(m.group(k), ctx.year) for k in ("d1", "d2")]
    if not all(d for d, _ in dues) or dues[0][0] == dues[1][0]:
        return []
    ref = ctx.outline.ref_at(s0 + m.start("a"))
    return [_task(ctx, ref, m.group("w"), [], [m.group(k)], d, dt, s0 + m.start(k), s0 + m.end("w"))
            for k, (d, dt) in zip("ab", dues)]
_CLOSING_FORMULAS = frozenset(data_lines("closing_formulas.txt"))


def _read_duty_clauses(ctx: NoticeContext, out: list, covered: list):
    work = ctx.work
    sections = _duty_sections(ctx)
    limit = min(ctx.attachments_at or len(work), ctx.body_end)
    # Duties come after the addressee line (各部门、各直属机构: is who receives the notice).
    top = ctx.addressees_end
    regions = [(a, min(b, ctx.body_end), False) for a, b in sections] or [(top, limit, False)]
    if sections and ctx.outline.markers:
        # The covering letter before the first heading still assigns duties (区督查室要…).
        first = ctx.outline.markers[0].start
        regions = [(top, first, False)] + regions
        # Elsewhere only duties of named units count: the collectives there are exhorted.
        cuts = sorted([(first, first)] + [(a, b) for a, b, _ in regions[1:]]) + [(limit, limit)]
        regions += [(cuts[i][1], cuts[i + 1][0], True) for i in range(len(cuts) - 1) if cuts[i][1] < cuts[i + 1][0]]
    marker_ends = {m.end for m in ctx.outline.markers}
    # 各牵头单位要…: the units a task list gives that role; where the notice's own list is read
    # (brackets, labelled lines), they are its units already, and the clause adds no one.
    # A policy reading (《…分工方案》政策解读) restates the split's requirements: its roles name no one (round 27: ext-125's
    # gold, no task)
    roles_ok = not out and not (ctx.notice.title or "").endswith(_READING_PAGE)
    # kinds of party the notice names by a short name of its own (…的企业(以下简称承储企业)): subjects in its sentences
    # (not a kind of enterprise: …的企业(以下简称承储企业) names the regulated, no assignee; round 28's convention, as the
    # shared gold leaves 物业服务企业's and 供应企业's duties)
    defined = {m.group("n") for m in _DEFINES.finditer(work) if not m.group("n").endswith(("企业", "公司"))}
    for ra, rb, named_only in regions:
        exhorted_units = None  # (item start, units) of an exhortation just read
        in_case = False  # inside a sentence opened by a case (涉及多个部门的,牵头部门要…;相关部门要…)
        for sm in _SENTENCE.finditer(work[ra:rb]):
            s0 = ra + sm.start()
            sent = sm.group()
            was_case, in_case = in_case, sent.endswith(";") and (in_case or bool(_CASE.match(sent.strip())))
            if any(a <= s0 < b or a < s0 + len(sent) <= b for a, b in covered):
                continue
            bare = sent.strip()
            if bare.rstrip("。") in _CLOSING_FORMULAS and not re.search("[。;]", work[s0 + len(sent):rb]):
                break  # 特此通知。 then only the issuer and the date: no duty goes on into them (round 23, ext-353)
            if s0 + len(sent) - len(sent.lstrip()) not in marker_ends and not _MARKER_PREFIX.match(bare) and (
                    (bare.endswith(":") and not _LEAD_IN.search(bare))
                    or (not bare.endswith(("。", ";")) and bare.endswith(_TLX.doc_genres)
                        # (…制定…具体实施方案和具体工作计划(工作计划: a cut copy's last words inside an open bracket,
                        # no title; round 27, ext-203)
                        and bare.count("(") <= bare.count(")"))):
                continue  # an addressee line (机关各部门、各居委会:) or a title line (…实施方案)
            # Where the notice's own list is read, a role's collective (各责任单位要…) restates it, unless its
            # sentence gives a deadline: …并于2023年1月15日前将工作方案报… is the list's units' own piece of
            # work (round 6, ext-66, ext-67; the sample's 各责任单位要根据…制订…方案, with none, is not)
            dated = not roles_ok and bool(re.search(r"各(?:责任|牵头)", sent)) and any(parse_deadline(sent, ctx.year))
            two = _two_dated_requests(ctx, sent, s0)
            if two:
                out.extend(two)
                continue
            duties = _sentence_duties(sent, s0, marker_ends, not _national(ctx), roles_ok or dated, work)
            # 县住建局联合县乡村振兴局…成立7个工作组,…进行了实地核查: news of work done, no task (round 9, ext-102)
            duties = [d for d in duties if not (_DONE.search(d[4]) and not _MODAL.search(d[4])
                                                and not any(parse_deadline(d[4], ctx.year)))]
            # 市政府研究确定了…重点工作,由市长A负总责: what the subject has decided, no task of its own
            # (round 13, ext-167)
            duties = [d for d in duties if not (_DECIDED.match(d[4]) and not any(parse_deadline(d[4], ctx.year)))]
            duties = [_with_helpers(d) for d in duties]
            duties = [_labelled_units(work, d) for d in duties]
            above = _ABOVE_UNITS.search(sent) if not duties else None
            named = [(m.start("u"), m.group("u")) for m in _UNIT_ITEMS.finditer(sent, 0, above.start())] if above else []
            if named and all_assignees([u for _, u in named]):
                # 由县民政局负责的第1件、县发改局负责的第4件…进展滞后,请以上责任单位加快…: each unit named
                # with its items is one of the units the request turns to (round 9, ext-105)
                body = sent[above.end():].strip()
                duties = [(s0 + p, s0 + len(sent), [], [u], body) for p, u in named]
            ym = _YOU_ASKED.search(sent) if not duties and ctx.addressees else None
            if ym and (text_deadline(sent[ym.end():], ctx.year)[0] or _COUNTED_PERIOD.match(sent, ym.end())):
                # (请你们自批准之日起,10个月内完成变更,并向区政府报告: a period counted from an event, right after the
                # request, dates the work as well; round 23, ext-347)
                # 现将…转发给你们,请你们认真填写…,并于2018年10月14日前将调查表发送至…: the letter's addressees
                # (各县(市、区)农业局:), asked in the second person, with a date (round 12, ext-134)
                duties = [(s0 + ym.start(), s0 + len(sent), [], list(ctx.addressees), sent[ym.end():].strip())]
            core = _MARKER_PREFIX.sub("", bare)
            short = _asked_by_short_name(ctx, core) if not duties and ctx.addressees else None
            if short:
                # 各县区科技局: … 请各县区接此通知后,筛选…,做好各项准备工作。: the salutation's units asked by the short
                # name they open with (各县区), their duty whether dated or not (round 25, ext-376)
                unit, k = short
                off = s0 + len(sent) - len(sent.lstrip()) + len(bare) - len(core) + k
                duties = [(off - k, s0 + len(sent), [], [unit], _ON_RECEIPT.sub("", work[off:s0 + len(sent)].strip()))]
            elif not duties and out and ctx.addressees and out[-1].get("_asked") and out[-1]["due"] is None \
                    and _DUE_SENDING.search(core) and not _subject(core, not _national(ctx)) \
                    and "\n" not in work[out[-1]["evidence"]["end"]:s0] and text_deadline(core, ctx.year)[0]:
                # 请各县区…做好各项准备工作。观摩点附上每个点的简介,务于9月30日下午16:00前上报到市科技局办公室。: a dated
                # sending without a subject right after the request is the same units' (round 25, ext-376)
                duties = [(s0 + len(sent) - len(sent.lstrip()), s0 + len(sent), [], list(out[-1]["responsible"]),
                           _MUST_BY.sub("", core, count=1))]
            pw = core.startswith(_PRODUCTS) and next(w for w in _PRODUCTS if core.startswith(w))
            if not duties and not short and pw and out and out[-1]["due"] is None and pw in out[-1]["text"] \
                    and _DUE_SENDING.search(core) and "\n" not in work[out[-1]["evidence"]["end"]:s0] \
                    and not _subject(core, not _national(ctx)) and text_deadline(core, ctx.year)[0]:
                # 各牵头单位要…共同研究制定相关任务的实施方案。实施方案包括…,经…签字,…于2月3日前报送市政府督查室。: the
                # piece of work the duty before asked for, sent in by a date, dates that duty (round 27, ext-169)
                prev = out[-1]
                prev["due"], prev["due_text"] = text_deadline(core, ctx.year)
                prev["text"] = (prev["text"] + core)[:300]
                prev["evidence"] = ctx.evidence(prev["evidence"]["start"], s0 + len(sent))
                continue
            opener = next((x for x in ctx.addressees if core.startswith(x) and len(core) > len(x) + 4
                           and re.match(f"[{CJK}]", core[len(x)]) and core[len(x)] not in "的和与及等"
                           and not core.startswith(_LEADER_WORDS, len(x))
                           and not _IN_CHARGE_OF.match(core, len(x))), None) \
                if s0 >= ctx.addressees_end else None
            off = sent.find(opener) if opener else -1
            if opener and all(d[0] > s0 + off + len(opener) + 4 for d in duties):
                # 各区市农业农村局: / 二、各区市农业农村局形成评价报告,…: an item opened by the letter's addressee
                # is its duty whatever the verb, up to a later subject's clause (round 12, ext-135)
                end = min([d[0] for d in duties] + [s0 + len(sent)])
                body = work[s0 + off + len(opener):end].strip().rstrip(",")
                duties = [(s0 + off, end, [], [opener], body)] + duties
            dm = _DEFINED_OPENS.match(work, s0 + len(sent) - len(sent.lstrip()), s0 + len(sent)) if not duties and defined \
                else None
            if dm and dm.group("n") in defined:
                # 承储市级储备粮的企业…(以下简称承储企业)…。第十四条 承储企业应当加强…: a kind of party the notice itself
                # names by a short name, then a modal: its duty (round 24, ext-359)
                duties = [(dm.start("n"), s0 + len(sent), [], [dm.group("n")], work[dm.end("n"):s0 + len(sent)].strip())]
            if not duties and out and ctx.addressees and _MARKER_PREFIX.match(bare) and _REPORTED.search(core) \
                    and set(out[-1]["responsible"]) <= set(ctx.addressees) and not out[-1]["lead"] \
                    and not _subject(core, not _national(ctx)) and text_deadline(core, ctx.year)[0]:
                # 二、各区市农业农村局形成评价报告…。三、盖章版纸质材料于12月20日前报送至市农业农村局…: an item without
                # a subject, dated, sending something in, after an item of the letter's addressees is theirs (round 12,
                # ext-135)
                duties = [(s0 + len(sent) - len(sent.lstrip()) + len(bare) - len(core), s0 + len(sent), [],
                           list(out[-1]["responsible"]), core)]
            if was_case or _CASE.match(_MARKER_PREFIX.sub("", bare)):
                # 办成公办园的,当地政府及有关部门要…: the units of that case, not every such unit
                # (…的,由属地建设管理部门责令…, …的,财政部门将…收回…: a kind of unit named by its field is that case's
                # unit, a conditional duty and a task by round 28's convention 5; round 31)
                duties = [d for d in duties if not all(_generic(u) and not _field_kind(u) for u in d[2] + d[3])]
            if not duties and _ALL_ABOVE.match(bare):
                # 以上工作要在2019年2月底前完成: the deadline of the section's duties so far
                d, dt = text_deadline(bare, ctx.year)
                if d:
                    for t in out:
                        if t.get("_sec") == _section_of(ctx, s0) and t["due"] is None:
                            t["due"], t["due_text"] = d, dt
                continue
            item = ctx.outline.item_at(s0 + len(sent) - len(sent.lstrip()))
            exhorted, last_exhorted = None, exhorted_units
            here = ctx.outline.ref_at(s0 + len(sent) - len(sent.lstrip()))
            if not duties and here:
                eg = _subject(_MARKER_PREFIX.sub("", bare), not _national(ctx))
                if eg and _exhortation(eg[0], _MARKER_PREFIX.sub("", bare)[eg[1]:]) and \
                        not any(u in _SELF_ROLES or is_role_collective(u) for u in eg[0]):
                    exhorted = (here, eg[0])
            exhorted_units = exhorted
            if not duties and not exhorted and last_exhorted and here == last_exhorted[0] \
                    and not _named_partners(sent) and any(parse_deadline(sent, ctx.year)):
                # 一、各地区、各部门要高度重视…。从2022年3月起,务于每月25日前将…报旗政府督查室。 (round 6, ext-57
                # and loc-20): a sentence without a subject, with a deadline of its own, right after an
                # exhortation of collectives in the same item, is their piece of work
                due, due_text = text_deadline(sent, ctx.year)
                if due is None and due_text is None:
                    due, due_text = parse_deadline(sent, ctx.year)  # 每月25日前: recurring, text only
                out.append(_task(ctx, ctx.outline.ref_at(s0), sent.strip(), [], list(last_exhorted[1]), due, due_text,
                                 s0, s0 + len(sent)))
                if item is not None:
                    out[-1]["_item"] = item.start
                out[-1]["_sec"] = _section_of(ctx, s0)
                continue
            head_unit = out and item is not None and out[-1].get("_item") == item.start and out[-1].get("_head")
            if head_unit:
                duties = []  # 1.街道消委办。牵头…。消委办负责…: the item is the headed unit's
                if out[-1]["text"] == "" and re.match(r"\s*牵头", sent):
                    out[-1]["lead"], out[-1]["responsible"] = out[-1]["responsible"], []
            if not duties and out and item is not None and out[-1].get("_item") == item.start \
                    and out[-1]["evidence"]["start"] < s0 \
                    and not _ARTICLE_OPENS.search(work, out[-1]["evidence"]["end"] - 1, s0 + len(sent)) \
                    and not _TOP_HEADING.search(work, min(out[-1]["evidence"]["end"], s0), s0 + len(sent)):
                # A clause without its own subject continues the item's duty (…;协助做好…);
                # with a deadline of its own it is a further task of the same units
                # (…每月19日报送当月工作小结;12月18日前报送工作总结).
                prev = out[-1]
                own_due = text_deadline(sent, ctx.year)
                if own_due[0] and prev["due"] and own_due[0] != prev["due"] and out[-1]["evidence"]["end"] <= s0:
                    out.append(_task(ctx, ctx.outline.ref_at(s0), sent, prev["lead"], prev["responsible"],
                                     own_due[0], own_due[1], s0, s0 + len(sent)))
                    out[-1]["_item"] = item.start
                    continue
                if own_due[0] and prev["due"] is None and (_THIS_WORK.match(sent.strip()) or _DUE_LABEL.match(sent.strip())):
                    # …。该项工作于2019年4月底前完成 / …。(完成时限:6月底前) (round 11)
                    prev["due"], prev["due_text"] = own_due
                elif own_due[0] and _WORK_REPORTED.match(sent.strip()):
                    # A乡镇组织…统一上报。B部门、C单位…认真谋划上报。所上报实事项目…于11月20日前报县政府督查室: the
                    # report of what the item's units put forward is dated for each of them (round 12, ext-151)
                    for t in out:
                        if t.get("_item") == item.start and t["due"] is None and not t.get("due_text"):
                            t["due"], t["due_text"] = own_due
                prev["text"] = (prev["text"] + re.sub(r"\s+", "", sent))[:300]
                prev["evidence"] = ctx.evidence(prev["evidence"]["start"], s0 + len(sent))
                continue
            if named_only:
                duties = [d for d in duties if (d[2] + d[3]) and (all(
                    is_assignee(u) and not is_collective(u) and not _is_group(u) for u in (d[2] + d[3])[:1])
                    or all(_local(u, d[4]) for u in d[2] + d[3]))]
            duties = [x for d in duties if not covering(d) and not _composition(d[4]) and not _a_post(d)
                      and not _a_unit_named(work, d) and not _site_credit(work, d)
                      and not _a_unit_whole(work, d) and not _a_phone_number(work, d)
                      and not _posts_then_name(d) and not _issuer_undertakes(ctx, d)
                      for x in by_deadline(ctx, d, s0) if not standing_report(x)]
            # 各战区指挥部、各乡镇政府: 根据省市领导指示,…: collectives before a colon and a letter's opening
            # (根据…, 按照…, 现将…) are the addressees of a letter printed inside the text, not a duty's subject
            # (round 6, ext-63)
            # (not a numbered item headed by its unit: (十六)各街办事处(管委会):按照…原则,认真做好…)
            kept = [d for d in duties if _MARKER_PREFIX.match(bare) or s0 + len(sent) - len(sent.lstrip()) in marker_ends
                    or not (_LETTER_OPENS.match(d[4]) and _after_colon(work, d))]
            if len(kept) < len(duties):
                ctx.warn(f"addressees inside the text ({'、'.join(u for d in duties if d not in kept for u in d[3])}:) "
                         f"read as a letter's, not as a duty's subject; its duties are not read")
            duties = kept
            n0 = len(out)
            for a, b, lead, units, body in duties:
                due, due_text = text_deadline(work[a:b], ctx.year, context=work[s0:a])
                if due is None and due_text is None and AND_RECURRING.match(work, a, b):
                    due_text = parse_deadline(work[a:b], ctx.year)[1]  # 并于每月30日前报送…: recurring, text only
                if due is None and due_text is None:
                    due, due_text = _item_deadline(ctx, a)
                if due is None and due_text is None and _COUNTED_PERIOD.match(body):
                    due_text = _COUNTED_PERIOD.match(body).group()  # 自批准之日起,10个月内 (round 23, ext-347)
                ref = ctx.outline.ref_at(a)
                pair = re.match(r"分别(?:负责)?(?P<verb>落实|做好|承担|负责)?(?P<objs>[^,。;]+)", body)
                objs = pair.group("objs").split("、") if pair else []
                if pair and len(objs) == len(units) > 1:
                    verb = pair.group("verb") or ""
                    for u, o in zip(units, objs):
                        out.append(_task(ctx, ref, f"{verb}{o}", lead, [u], due, due_text, a, b))
                else:
                    resp = [x for u in units for x in expand_sub_units(u)]
                    prev = out[-1] if out else None
                    if prev and item is not None and prev.get("_item") == item.start and prev.get("_office") \
                            and prev["responsible"] == resp and not lead and due is None and due_text is None:
                        # (一)专班办公室设在…,负责专班日常工作。…专班办公室应及时动态调整…: the office's
                        # work goes on in its item (one task)
                        prev["text"] = (prev["text"] + body)[:300]
                        prev["evidence"] = ctx.evidence(prev["evidence"]["start"], b)
                        continue
                    if prev and due and prev["responsible"] == resp and not lead and not prev["lead"] \
                            and prev["due"] is None and not prev.get("due_text") \
                            and "\n" not in work[prev["evidence"]["end"]:a] \
                            and (_PRODUCT_SUBJECT.match(work, a) or _URGED_SENDING.match(body)
                                 or _sends_its_product(body, prev["text"])):
                        # 各牵头单位对…负总责。要…抓紧制定具体工作计划…。各牵头单位制定的工作计划要于8月15日前报…: the
                        # dated sending of the plan the paragraph's duty asked for is that duty's deadline (round 20, ext-301)
                        # (请各乡镇上报…。请各乡镇务必高度重视,在8月8日前…上报到…: the same units urged to send it by a
                        # date; round 21, ext-343)
                        prev["due"], prev["due_text"] = due, due_text
                        prev["text"] = (prev["text"] + work[prev["evidence"]["end"]:b].strip())[:300]
                        prev["evidence"] = ctx.evidence(prev["evidence"]["start"], b)
                        continue
                    out.append(_task(ctx, ref, body, lead, resp, due, due_text, a, b))
                    if short:
                        out[-1]["_asked"] = True
                    if _OFFICE_DAILY.match(sent) or _SET_UP_OFFICE_DAILY.match(sent) or _OFFICE_DUTIES.match(sent):
                        out[-1]["_office"] = True
                if item is not None:
                    out[-1]["_item"] = item.start
                    out[-1]["_head"] = body == "" and bool(units)
                out[-1]["_sec"] = _section_of(ctx, a)
            am = _ALL_ABOVE_CLAUSE.search(sent) if len(out) - n0 > 1 else None
            shared = text_deadline(am.group(), ctx.year) if am else (None, None)
            for t in out[n0:] if shared[0] else ():
                if t["due"] is None and not t.get("due_text"):
                    t["due"], t["due_text"] = shared  # A要…,B要…,上述工作均于6月底前完成 (round 11)


_ISSUER_GOV = re.compile(r".+?([省市县区旗])人民政府(?:办公室|办公厅)?$")
_SHORT_GOV = re.compile(r"([省市县区旗])(?:人民)?政府")
_SHORT_GOV_OFFICE = re.compile(r"([省市县区旗])(?:人民)?政府(办公室|办公厅)")


def _issuer_undertakes(ctx: NoticeContext, d) -> bool:
    """``市政府将给予通报批评…`` in a notice the city's government (or its office) issues: what the
    issuer itself will do (as ext-54's), not a task it gives (round 8, ext-89). A named body of
    its own (市消安委将…, 区政府督查室将…) still is one."""
    units = d[2] + d[3]
    issuer = ctx.notice.issuer or ""
    gov = _ISSUER_GOV.fullmatch(issuer)
    short = _SHORT_GOV.fullmatch(units[0]) if len(units) == 1 else None
    # 市局将根据报送情况择优推荐… in a notice a city's bureau issues (烟台市农业农村局): the issuer itself (round 12,
    # ext-135)
    own = len(units) == 1 and re.fullmatch(r"[省市县区]局|我局|本局", units[0]) and issuer.endswith("局") \
        and (units[0][0] in "我本" or re.search(f"{units[0][0]}[^{units[0][0]}]*局$", issuer))
    # 区政府办公室将定期跟踪督办… in a notice that office issues (…区人民政府办公室): the issuer (round 14, ext-171)
    office = _SHORT_GOV_OFFICE.fullmatch(units[0]) if len(units) == 1 else None
    own = own or bool(gov and office and office.group(1) == gov.group(1) and issuer.endswith(office.group(2)))
    # 上海市X委员会将采用… in a notice that body issues (its full name as the issuer): the issuer itself (round 30,
    # prec38, ext-275); one with a date of its own (国务院办公厅将于2020年4月底前组织…验收, the shared gov gold's task)
    # stays a task
    own = own or (len(units) == 1 and len(issuer) >= 4 and units[0] == issuer
                  and not text_deadline(d[4], ctx.year)[0])
    if not issuer and short and f"{short.group(1)}直各" in ctx._addressee_line[1]:
        # 省人民政府对各州、市人民政府…实施年度目标责任管理 in a copy naming no issuer, addressed to '…省直各委、办、厅、局':
        # only that level's government (or its office) writes to its own departments, so the measure is the issuer's
        # own whatever its verb (round 21, ext-336)
        ctx.warn(f"{units[0]}{d[4][:12]}…: the issuer's own measure (the copy names no issuer; its addressees "
                 f"are {short.group(1)}直 departments), not a task")
        return True
    line = ctx._addressee_line[1] if not issuer and short else ""
    if line and d[4].lstrip().startswith("将") and (
            re.search(rf"{short.group(1)}(?:直各|各委|(?:人民)?政府各部门)", line)
            or (re.search(r"(?:^|[,、])政府各部门", line) and not re.search(rf"各[^,、:]*{short.group(1)}", line))):
        # 市政府将定期对…进行督促检查 in a copy naming no issuer, addressed to '…市各委、办、局' or '市政府各部门': only the
        # city's government (or its office) writes to its own departments, so what 市政府 will do is the issuer's own
        # undertaking (round 30, prec38); so is '县政府将…' in one addressed to '各乡镇场、政府各部门' (the government's own
        # departments, no body of that level among the addressees: ext-314)
        ctx.warn(f"{units[0]}{d[4][:12]}…: the issuer's own undertaking (the copy names no issuer; its addressees "
                 f"are {short.group(1)} departments), not a task")
        return True
    if not ((gov and short and short.group(1) == gov.group(1)) or own) or not d[4].lstrip().startswith("将"):
        return False
    ctx.warn(f"{units[0]}{d[4][:12]}…: the issuer's own undertaking, not a task")
    return True


def _opened_subject(clause: str):
    """(units, predicate start) of a unit list before a predicate opener (_PRED_OPEN), or None."""
    m = _OPENED.match(clause)
    if not m or m.group("u").startswith(_VERB_STARTS):
        return None
    shared = _SECTORS_SHARING.fullmatch(m.group("u"))
    if shared and _DATED_VERB.match(clause, m.end()) \
            and not any(is_assignee(x) or x.startswith(_VERB_STARTS) for x in m.group("u").split("、")[:-1]):
        # 发展改革、财政部门2017年3月底前拨付…: fields sharing the last one's 部门, a dated verb (round 21, ext-336),
        # each kept bare (round 28's convention)
        return m.group("u")[: -len(shared.group("k"))].split("、"), m.end()
    units = split_assignees(m.group("u"))
    if clause.startswith("成立本", m.end()) and not all(is_collective(u) for u in units):
        return None  # 市某局成立本单位…小组 may be news of its own step; a collective's is the duty asked of it
    return (units, m.end()) if all_assignees(units) else None


# What may open a duty clause before its subject: a deadline (9月30日前,), a request (请).
# (an enumeration 一是…二是… may open it too)
_OPENED = re.compile(r"(?P<u>[^,。;:]{2,30}?)(?=" + _PRED_OPEN.pattern + ")")
_SPACES = re.compile(r"\s+")
_COMMA = re.compile(r",")
_UNIT_HEAD = re.compile(r"(?P<u>[^,。;:\s]{2,8})。\s*")
# X牵头…, X负责牵头…; X按照职责,分别牵头完成… (a manner, then 分别 before 牵头: each leads its share; round 30, prec38,
# ext-277): the subject leads
_LEAD_PRED = re.compile(r"(?:(?:按照|根据)(?:各自的?)?(?:职责|职能|分工),?(?=分别))?(?:分别)?(?:负责)?牵头")
_BY_LEAD = re.compile(r"由(?P<u>[^,。;由]{2,30}?)牵头[,]?")
_BY_LEAD_DUTY = re.compile(r"由(?P<u>[^,。;由]{2,30}?)牵头(?:负责)?")
_BY_LEADER = re.compile(r"由[^,。;]{2,30}?牵头")
_ABOVE_UNITS = re.compile(r"请以上(?:责任)?单位")
_UNIT_ITEMS = re.compile(r"(?:(?<=由)|(?<=、)|(?<=,))(?P<u>[^、,。;由]{2,20}?)负责的第[\d、]+件")
# 核查结束后由A牵头 / 项目建成后交由A负责: the time a clause opens with, before the unit it gives the work to
_WORK_TOPICS = alternation(data_lines("work_topics.txt"))
_TOPIC_BY = re.compile(r"(?:此项|该项|这项|本项|上述|以上)[^,。;由]{0,6}?(?:活动|工作|任务|事项)(?=(?:分别|统一|主要)?由)"
                       # 其中采石场的关闭由所在区人民政府负责; 小水泥厂的关闭按照权限分别由市、区人民政府负责: a work
                       # named by its object and a verb, the units it is given to after it (round 21, ext-340)
                       r"|(?:其中)?[^,。;由的]{2,12}的[\u4e00-\u9fff]{2,4}(?:按照权限|依法)?(?=(?:分别|统一|主要)?由)"
                       # 会议材料由某处负责收集 / 会务工作由某处牵头,…: a piece of business named by its kind of
                       # work (work_topics.txt), the unit in charge of it after it (round 27, ext-388)
                       rf"|[\u4e00-\u9fff]{{0,6}}?(?:{_WORK_TOPICS})(?=由[^,。;由]{{2,30}}?(?:负责|牵头))"
                       # 该绿化点由建设局牵头组织…: the place or thing just named, then the unit in charge of it (round 27,
                       # ext-387)
                       r"|该[\u4e00-\u9fff]{1,8}?(?=由[^,。;由]{2,30}?(?:负责|牵头))"
                       # 本补充规定由禁放区乡镇(街道)、县直各有关单位组织实施: the notice's own rules carried out by the
                       # units after 由 (not 本办法由某政府负责解释: who interprets them; round 23, ext-354)
                       r"|本(?:补充)?(?:规定|办法|通告|细则|实施方案|方案|意见|预案)(?=由[^,。;]{2,40}?(?:负责)?(?:组织)?实施[。;]?$)")
_AFTER_EVENT = re.compile(r"[^,。;由]{2,12}?(?:后|之后)(?:交(?=由))?(?=由)")
_URGED = re.compile(r"督促(?P<u>[^,。;在于]{2,20}?)(?:在|于)[^,。;]{0,20}?前")
_DONE = re.compile(r"(?:进行|开展|组织|完成|召开|举办|部署)了")
_DECIDED = re.compile(r"(?:研究)?(?:确定|决定|制定|印发|出台)了")
_MODAL = re.compile(r"要|应|须|将|务必|确保|负责")
_CONNECTIVE_OPEN = re.compile(rf"(?:{alternation(data_lines('connectives.txt'))}),")
_CLAUSE_PREFIX = re.compile(
    r"(?:[一二三四五六七八九十]是)?(?:(?:(?:19|20)\d{2}年)?(?:\d{1,2}月(?:\d{1,2}日|底|末|份|中旬|上旬|下旬)?|年底|年内)(?:前|之前|以前)(?:,)?)?(?:请)?")
_SPEAKER = re.compile(f"(?:[^,。;]{{0,30}},)?(?P<n>[{CJK}]{{2,4}}?)(?:在讲话中)?要求(?:,|:)?|(?P<bare>要求)(?=各)"
                      # 《通知》要求全县各乡镇人民政府…务必…: a cited document's demand, the scope word (全县)
                      # before the collectives it asks no part of their name (round 13, ext-160)
                      f"|(?P<doc>《[^》]{{1,30}}》)要求(?:全[省市县区镇乡旗])?(?=各)")
_PARTNER_VERBS = "(?:负责)?(?:" + "|".join(
    map(re.escape, [w for w, r in _TLX.assign_words.items() if r == "responsible" and w != "负责"])) + ")"
_PARTNER_VERBS_RE = re.compile(_PARTNER_VERBS)
_TOPIC_WORK = re.compile(r"\s*(?:其中)?(?P<w>[^,。;由的]{2,12}的[\u4e00-\u9fff]{2,4})(?:按照权限|依法)?(?:分别|统一|主要)?由")
_BY = r"(?:并)?(?:分别|统一|主要)?由"  # 并由公安部门对当事人处以…: a further body of the sentence (round 21, ext-344)
_BY_RE = re.compile(_BY)
_COMPOSED = re.compile(r"[^,。;]{0,40}?(?:组成|参加|选派|抽调)")  # 由A、B选派人员参加: who staffs a body
_WITH_LIST = [w for w, r in _TLX.assign_words.items() if r == "with"]
_WITH_WORDS = tuple(p + w for w in _WITH_LIST for p in ("", "要", "负责", "应", "将"))
_PARTNERS = re.compile(r"(?:要|负责|应|将)?(?:" + "|".join(map(re.escape, _WITH_LIST)) + r")"
                       r"(?P<u>[^,。;]{2,60}?)(?:等(?:有关|相关|职能)?(?:部门|单位)|"
                       # 会同“两办”督查室要加强…: a modal ends the partner (round 21, ext-342)
                       r"(?=对|将|在|要|须|应|,|$|" + "|".join(map(re.escape, (v for v in _TLX.verbs if len(v) >= 2))) + "))")


# 此项活动由A负责组织,B、C协助做好有关工作: the units helping with the work the sentence gave (round 13, ext-175)
_HELPERS = re.compile(r"^[^,。;]{2,30}?,(?P<u>[^,。;:]{2,60}?)(?:协助|配合)(?:做好|抓好|开展)?[^,。;]{0,20}?(?:工作)?[。;]?$")


def _with_helpers(d):
    m = _HELPERS.match(d[4])
    if not m or d[2]:
        return d
    units = split_assignees(m.group("u"))
    if not units or not all_assignees(units) or any(u in d[3] for u in units):
        return d
    return (d[0], d[1], d[2], d[3] + units, d[4])


def _exhortation(units: list, pred: str) -> bool:
    """各部门、各单位要高度重视…: collectives asked for attention (exhortations.txt)."""
    if not units or not all(is_collective(u) or _role_subject(u) for u in units):
        return False
    pred = re.sub(r"^(?:都|均)?(?:要|应|须|必须|应当|务必)?", "", pred).rstrip("。;, ")
    due = text_deadline(pred, 2000)
    if (_MANNER.match(pred) or _TOGETHER.match(pred) or _AIM.match(pred) or _HEIGHT.match(pred)) and not (due[1] and re.search(r"前|以前|之前", due[1])):
        return True  # 要以“开局即冲刺”的姿态,全力冲刺一季度…, 要强化目标协同、任务协同… (round 21, ext-335): a
        # manner or working together asked for; a season after it is an aim, not a deadline (a date 前 is one)
    if due[0]:
        return False  # 要高度重视,…,并于2023年1月15日前将工作方案报…: a piece of work with its date (round 6, ext-67)
    if _RULES_THEN_WORK.fullmatch(pred):
        return True  # 要按照《…》等法律法规要求,认真做好普查各项工作 / 要按照《…》要求配合做好相关工作 (round 23, ext-346,
        # ext-349): the rules to keep, then only 'do the work well': no piece of work named
    if _SHARE.match(pred) and re.search(_SHARE_WORDS, pred):
        return True  # 要按照职能分工,各负其责、通力协作、密切配合,共同做好普查工作 (round 23, ext-346): each its share
    return pred.startswith(_TLX.exhortations) or (len(pred) <= 16 and pred.endswith(_TLX.exhortation_ends)) \
        or bool(_SET_PHRASES.match(pred))


# 以“…”的姿态, / 强化目标协同、…: how to work, not a piece of work (exhortation_forms.tsv)
_MANNER_WORDS = alternation(data_words("exhortation_forms.tsv", "manner"))
_TOGETHER_WORDS = alternation(data_words("exhortation_forms.tsv", "together"))
_MANNER = re.compile(rf"以[^,。;]{{1,30}}的{_MANNER_WORDS},")
# 要从讲政治、讲大局的高度,把…摆在…首位 / 要站在全局的高度,…: the height to see it from, how to work (round 27, dev:
# 湘政办发〔2009〕24号, 奉头街〔2024〕13号)
_HEIGHT = re.compile(r"(?:站在|从)[^,。;]{1,20}?的?高度(?:出发)?,")
_AIM = re.compile(rf"把[^,。;]{{2,20}}作为[^,。;]{{0,6}}?{alternation(data_words('exhortation_forms.tsv', 'aim'))},")
_TOGETHER = re.compile(rf"(?:强化|加强)[^,。;、]{{0,6}}{_TOGETHER_WORDS}(?:意识)?[、,]")
# 按照《…》(等法律法规)要求(,)认真/配合做好(相关/…各项)工作: the rules to keep and the work done well, nothing named
_RULES_THEN_WORK = re.compile(r"按照[^,。;]{2,80}?(?:要求|规定),?(?:认真|积极|切实|全力)?(?:配合|协助|共同)?做好"
                              rf"(?:相关|有关|[{CJK}]{{0,4}}各项)?工作")
_SHARE_WORDS = alternation(data_words("exhortation_forms.tsv", "shared"))
_SHARE_ENDS = alternation(data_words("exhortation_forms.tsv", "shared_end"))
# 按照职能分工 / 按照各自职责, then clauses, the last 共同做好…工作 / 共同推进…的实施
_SHARE = re.compile(rf"(?:按照|根据)(?:各自的?|职能|职责)?(?:职能|职责)?(?:分工)?,(?:[^,。;]{{1,30}},){{0,4}}(?:{_SHARE_ENDS})[^,。;]{{0,20}}$")


# 各地、各部门要按照市政府的工作部署和要求,逐条对照,细化目标,落实责任,强化措施,确保…: the notice's own
# demands, then only four-character set phrases: attention asked for, no piece of work (round 7, ext-76)
_SET_PHRASES = re.compile(rf"按照[^,。;]{{0,20}}(?:要求|部署),(?:[{CJK}]{{4}},){{2,}}")


def _named_partners(text: str) -> list:
    """The named units of a partner list (联合A、B等部门): [] unless all are units and one is named;
    the list may run into the predicate (联合司法局、属地街镇强化普法宣传).

    >>> _named_partners("司法局、属地街镇强化普法宣传、典型案例宣传")
    ['司法局', '属地街镇']
    """
    text = re.sub(r"等(?:有关|相关|职能)?(?:部门|单位).*$", "", text)
    items = text.split("、")
    for i, x in enumerate(items):
        if not is_assignee(x):
            k = next((k for k in range(len(x) - 2, 1, -1) if is_assignee(x[:k])), 0)
            items = items[:i] + ([x[:k]] if k else [])
            break
    partners = split_assignees("、".join(items))
    if not all_assignees(partners) or all(u in _TLX.unnamed or is_collective(u) for u in partners):
        return []
    return [u for u in partners if u not in _TLX.unnamed]


def _with_partners(clause: str, units: list, pstart: int):
    """``A会同B…``: B's named units are responsible with A (会同 is no lead wording);
    ``会同有关部门`` adds no one. Returns (units, predicate start)."""
    m = _PARTNERS.match(clause, pstart)
    if not m:
        return units, pstart
    partners = split_assignees(m.group("u"))
    if partners and all(_QUOTED_OFFICE.fullmatch(u) for u in partners):
        return units + partners, pstart  # 会同“两办”督查室: an office named with a quoted short name (round 21, ext-342)
    if not all_assignees(partners):
        # 会同县督查落实办对…: the shortest partner ended inside a unit's name at a verb (落实); the next end that
        # leaves all units (round 20, ext-305)
        partners = _longer_partners(clause, m)
        if not partners:
            return units, pstart
    # 会同有关部门 adds no one; nor does 会同区有关部门 (the unnamed collective with its level; round 30, prec38, sh-09)
    named = [u for u in partners
             if not re.sub(r"^[省市县区乡镇](?:级|直)?", "", u).startswith(("有关", "相关", "其他有关", "各有关", "各相关"))]
    return units + named, pstart


def _longer_partners(clause: str, m: re.Match):
    """The partners of ``m`` read to a later end of _PARTNERS (对, 将, 在, a comma, a verb) when they are all units."""
    a = m.start("u")
    for e in range(m.end("u") + 1, min(len(clause), a + 30) + 1):
        if clause[e - 1] in ",。;":
            return None
        if e < len(clause) and not _PARTNER_END.match(clause, e):
            continue
        partners = split_assignees(clause[a:e])
        if partners and all_assignees(partners) and all(is_unit_like(u) for u in partners):
            return partners
    return None


_QUOTED_OFFICE = re.compile(f"[{CJK}]{{0,4}}“[{CJK}]{{1,6}}”[{CJK}]{{0,8}}(?:督查室|办公室|室|办|组|中心)")
_PARTNER_END = re.compile(r"对|将|在|," + "".join("|" + re.escape(v) for v in _TLX.verbs if len(v) >= 2))


_HEAD_DUE = re.compile(r"\((?P<d>[^()]{2,24})\)\s*$")


def _item_deadline(ctx, pos: int):
    """A deadline stated once for an item: at its heading (``(一)动员部署阶段(8月31日前)``,
    ``(二)排查整治阶段(9月1日至11月30日)``) or opening it (``1.9月30日前,A…。B…。``);
    the innermost item that states one gives it."""
    work = ctx.work
    enc = ctx.outline.enclosing(pos)
    for lv in (4, 3, 2, 1):
        mk = enc.get(lv)
        if mk is None:
            continue
        head = re.split(r"[。;\n]", work[mk.end:mk.end + 40], maxsplit=1)[0]
        hm = _HEAD_DUE.search(head) if len(head) <= 30 else None
        if hm and DEADLINE_RE.search(hm.group("d")):
            d, dt = parse_deadline(hm.group("d"), ctx.year)
            if d:
                return d, dt
        om = _CLAUSE_PREFIX.match(work, mk.end)
        if om and om.end() > mk.end and not work[mk.end:om.end()].startswith("请"):
            d, dt = parse_deadline(work[mk.end:om.end()], ctx.year)
            if d:
                return d, dt
    return None, None


# 请你们…, 望你单位…, 你们要…: the addressees asked in the second person
# 自批准之日起,10个月内 / 自本通知印发之日起30日内: a period counted from an event (its text only, no date)
_COUNTED_PERIOD = re.compile(r"(?:自|从)[^,。;]{1,12}?之日起,?(?:[一二三四五六七八九十两\d]{1,3})个?(?:月|日|天|工作日|年)内")
_YOU_ASKED = re.compile(r"(?:请|望|希望)(?:你们|你单位|你局|你委|你办|你处|你司)|你们(?=要|务必|须|应)")
# 区级机关各部门主要领导; (an attendee list): the addressees' leaders, no duty
_LEADER_WORDS = tuple(sorted(data_lines("leader_words.txt"), key=len, reverse=True))
# 一、参会人员 (二)各市委会分管某工作的副主委、…负责同志: the addressees' people named by what they are in charge of (an
# attendee list, round 25, ext-375), no duty of the addressees
_IN_CHARGE_OF = re.compile(r"(?:分管|主管)[^,。;:]{1,20}?的")
_REPORTED = re.compile(r"(?:报送|上报|提交|发送|报)(?:至|到|给)?[^,。;]{0,20}?(?:局|委|办|室|科|处|政府|中心|邮箱)")
_THIS_WORK = re.compile(r"(?:该|此|这)项(?:工作|任务)")
# 所上报实事项目…, 所报材料…: what the units before report, as the subject of a sentence giving its date
_WORK_REPORTED = re.compile(r"所(?:上报|报送|报|申报|推荐)[^,。;]{0,12}?(?:项目|材料|名单|方案|情况|表)")
_ALL_ABOVE = re.compile(r"(?:以上|上述)(?:各项)?(?:工作|任务)")
# 完成时限:6月底前 after a duty's sentence, alone (in brackets or not): that duty's deadline
_DUE_LABEL = re.compile(r"[(\[〔]?(?:" + "|".join(map(re.escape, sorted(_TLX.labels_of("due"), key=len, reverse=True))) + r")\s*:")
# …,上述工作均于6月底前完成: a clause dating every duty of its sentence
_ALL_ABOVE_CLAUSE = re.compile(r"[,;](?:以上|上述)(?:各项|两项|几项)?(?:工作|任务)[^,。;]*")


def _section_of(ctx, pos: int):
    """Where the innermost outline part holding ``pos`` starts."""
    enc = ctx.outline.enclosing(pos)
    return max((m.start for m in enc.values()), default=-1)


def _national(ctx) -> bool:
    """A central-government notice (national_markers.txt)."""
    return any(x.startswith(_TLX.national_markers) for x in (ctx.doc or "", ctx.notice.issuer or "", ctx.notice.title or ""))


def _sentence_duties(sent: str, s0: int, marker_ends: set, sectors: bool = True, roles_ok: bool = False,
                     work: str = ""):
    """Duties in one sentence: (start, end, lead units, units, predicate text) per subject.

    The first subject opens the sentence (after an outline marker or a layout gap);
    later ones open a comma clause with a strong predicate (…,区新闻宣传中心负责…).
    """
    found = []  # (clause start in sent, lead, units, predicate start in sent)
    office_end: dict[int, int] = {}  # predicate start -> its end, where the sentence goes on to other things
    starts = {0} | {m.end() for m in _SPACES.finditer(sent)}
    starts |= {p - s0 for p in marker_ends if s0 <= p < s0 + len(sent)}
    for st in sorted(starts):
        if sent.count("《", 0, st) > sent.count("》", 0, st):
            continue  # inside a quoted title (《…办公室印发〈…〉的通知》)
        pm = _MARKER_PREFIX.match(sent[st:])
        if pm:
            st += pm.end()
        cn = _CONNECTIVE_OPEN.match(sent, st)
        if cn:
            st = cn.end()  # 同时,建设局对…搞好设计: a connective and its comma open the sentence (round 27, ext-387)
        clause = sent[st:]
        lead_units = []
        c0 = st
        hm = _UNIT_HEAD.fullmatch(clause)
        if hm and st > 0 and not hm.group("u").startswith(_VERB_STARTS) and \
                all(is_unit_like(u) and plausible_name(u) for u in split_assignees(hm.group("u"))):
            # 1.街道消委办。: an item headed by the unit whose duties follow
            found.append((c0, [], split_assignees(hm.group("u")), st + len(hm.group("u")) + 1))
            break
        pre = _CLAUSE_PREFIX.match(clause)
        if pre and pre.end():
            clause = clause[pre.end():]
            st += pre.end()
        aft = _AFTER_EVENT.match(clause)
        if aft and not is_unit_like(clause[:aft.end()]) and (
                _BY_LEAD.match(clause, aft.end()) or _subject(clause[aft.end() + 1:], sectors)):
            # 核查结束后由县住建局牵头… / 资金拨付后由县财政局负责…, opening a sentence: the time it opens
            # with is no part of the unit's name (as after a comma; round 11)
            clause = clause[aft.end():]
            st += aft.end()
        tp = _TOPIC_BY.match(clause)
        if tp and (_BY_LEAD.match(clause, tp.end()) or _subject(clause[_BY_RE.match(clause, tp.end()).end():], sectors)):
            # 此项活动由市委老干部局负责组织,…: the work the sentence is about, then the units it is given to
            # (round 13, ext-175)
            clause = clause[tp.end():]
            st += tp.end()
        sp = _SPEAKER.match(clause)
        if sp and (sp.group("bare") or sp.group("doc") or sp.group("n") == "会议" or is_person_name(sp.group("n"))):
            # (要求各项目企业一定要…, opening a sentence of news: the speaker is the one just told of; round 8)
            # …,A要求各级各相关部门要…: the units a speaker asks (round 7, ext-77)
            clause = clause[sp.end():]
            st += sp.end()
        bm = _BY_LEAD.match(clause)
        if bm and all(is_unit_like(u) for u in split_unit_list(bm.group("u"))):
            lead_units = split_unit_list(bm.group("u"))
            clause = clause[bm.end():]
            st += bm.end()
        elif _BY_RE.match(clause) and _subject(clause[_BY_RE.match(clause).end():], sectors) \
                and not _COMPOSED.match(clause[:60]):
            k = _BY_RE.match(clause).end()
            clause, st = clause[k:], st + k  # 由区政府挂牌督办, 分别由A和B依法办理
        got = _subject(clause, sectors)
        got = got or (_opened_subject(clause) if not lead_units else None)
        pm = _POSSESSIVE.match(clause) if not got and not lead_units else None
        if pm and DEADLINE_RE.search(pm.group("when")) and (
                all_assignees(split_assignees(pm.group("u"))) or (roles_ok and is_role_collective(pm.group("u")))):
            # 各牵头单位的具体推进实施方案务于2月3日前报送…: the units whose work is due
            got = (split_assignees(pm.group("u")), len(pm.group("u")) + 1)
        if not got and not lead_units:
            got = _topic_due(clause) or _heads_due(clause)
        if not got and not lead_units and pre and pre.group().endswith("请"):
            got = _request_due(clause) or _counted_request(clause)
        am = _AS_OWNER.match(clause) if not got and not lead_units else None
        if am and (all_assignees(split_assignees(am.group("u"))) or _SHARED_EACH.fullmatch(am.group("u"))):
            # 各街道、镇作为本辖区内…的责任主体,负责…: the subject with its role in apposition
            got = ([am.group("u")] if _SHARED_EACH.fullmatch(am.group("u")) else split_assignees(am.group("u")),
                   am.end())
        if not got and not lead_units:
            wm = _PARTNERS.match(clause) if clause.startswith(tuple(_WITH_LIST)) else None
            if wm and st == c0 and _named_partners(wm.group("u")) and \
                    work.count(clause[: wm.start("u")] + _named_partners(wm.group("u"))[0]) < 2:
                # (联合采购办公室汇总…, named again elsewhere, is a unit opening with 联合)
                # (三)…。联合司法局、属地街镇强化普法宣传: the acting unit is the notice's issuer,
                # unnamed; the units it works with are named
                found.append((c0, [], _named_partners(wm.group("u")), st))
                break
            continue
        units, pstart = got if got else ([], 0)
        if any(_role_unit(u) and not (roles_ok and _role_subject(u)) or u in _LEX.roles for u in units) \
                or _exhortation(units, clause[pstart:]):
            continue
        units, pstart = _with_partners(clause, units, pstart)
        found.append((c0, lead_units, units, st + pstart))
        break
    after = found[0][3] if found else 0
    for cm in _COMMA.finditer(sent):
        if cm.start() < after:
            continue
        clause = sent[cm.end():]
        aft = _AFTER_EVENT.match(clause)  # 核查结束后由县住建局牵头: a time the clause opens with (round 9, ext-102)
        bm = _BY_LEAD_DUTY.match(clause, aft.end() if aft else 0)
        if bm and all_assignees(split_assignees(bm.group("u"))):
            found.append((cm.end(), split_assignees(bm.group("u")), [], cm.end() + bm.end()))  # …,由X牵头,
            continue
        leads = found and ((found[-1][1] and not found[-1][2]) or
                           (not found[-1][1] and sent.startswith("牵头", found[-1][3])))
        # X负责,Y配合…: the partners of a unit in charge (no lead word) are responsible with it (round 11)
        charged = found and not leads and found[-1][2] and not found[-1][1] and \
            re.match(r"负责[,]", sent[found[-1][3]:found[-1][3] + 3])
        got = _subject(clause, sectors) if leads or charged else None
        if got and _PARTNER_VERBS_RE.match(clause, got[1]):
            c0, lead, units, p0 = found[-1]  # …,由X牵头,Y配合 / X牵头,Y配合
            found[-1] = (c0, lead or units, got[0], p0) if leads else (c0, lead, units + got[0], p0)
            continue
        if found and clause.startswith(_WITH_WORDS):
            units, _ = _with_partners(clause, found[-1][2], 0)  # …,会同区发展改革委等部门将…
            c0, lead, had, p0 = found[-1]
            if had and not lead and sent.startswith("牵头", p0) and len(units) > len(had):
                # X牵头,会同Y、Z开展…: X leads, the units it works with are responsible (round 11)
                found[-1] = (c0, had, units[len(had):], p0)
            else:
                found[-1] = found[-1][:2] + (units,) + found[-1][3:]
            continue
        pre = _CLAUSE_PREFIX.match(clause)
        k = pre.end() if pre else 0
        bym = _BY_RE.match(clause[k:])
        if bym and not _BY_LEADER.match(clause[k:]) and not _COMPOSED.search(clause[k:k + 60]):
            k += bym.end()  # …,由区政府挂牌督办
        got = _subject(clause[k:], sectors) or _opened_subject(clause[k:]) or (_heads_due(clause[k:]) if k else None)
        if got and found and not k and _STRICT.match(clause[got[1]:]) and _exhortation(got[0], clause[got[1]:]):
            # …协调各方的责任,各责任单位要主动履责、接受调度,…: the duty before ends where other units are exhorted (round 27,
            # ext-169)
            office_end.setdefault(found[-1][3], cm.start())
        if got and (k or _STRICT.match(clause[k + got[1]:]) or _PRED_OPEN.match(clause[k + got[1]:]) or clause[k + got[1]:].startswith(_WITH_WORDS)
                    # …规定,A、B等部门单位,按照各自职责,对…进行监督检查: each one's duty (round 31, ext-359)
                    or clause[k + got[1]:].startswith(_EACH_DUTY)
                    # 三是按时上报项目规划表,各部门严格按照…: an enumerated requirement without a subject of its
                    # own, whose next clause names one (round 8, ext-91)
                    or not found and _ENUM_OPEN.match(sent) and all_assignees(got[0])) \
                and not any(_role_unit(u) and not (roles_ok and _role_subject(u)) for u in got[0]) \
                and not _exhortation(got[0], clause[k + got[1]:]):
            # (…工作机制,各牵头单位要切实履行…: a role's collective opens a comma clause where the notice
            # reads no task list of its own, as it opens a sentence; round 6, ext-65)
            units, pstart = _with_partners(clause[k:], got[0], got[1])
            c1 = cm.end()
            if not found and not k:
                # 县应急局,县消防救援大队,各乡镇要…: the subject's units listed with commas (round 11)
                head = re.split(r"\s", sent[:cm.start()])[-1]
                segs = head.split(",")
                if head and all(all_assignees(split_assignees(x)) and not any(
                        u in _SELF_ROLES or is_role_collective(u) for u in split_assignees(x)) for x in segs):
                    units = [u for x in segs for u in split_assignees(x)] + units
                    c1 = cm.start() - len(head)
            found.append((c1, [], units, cm.end() + k + pstart))
    if not found:
        dm = _DAILY_WORK.search(sent)
        if dm and all_assignees(split_assignees(dm.group("u"))):
            # 领导小组不设办公室,日常工作由市卫生局有关科室承担: the unit bearing a group's daily work
            found.append((dm.start(), [], split_assignees(dm.group("u")), dm.start()))
    fm = _OFFICE_DAILY.match(sent)
    if not found and fm and fm.group("u")[:-3].endswith(tuple(_LEX.group_suffixes)):
        # 领导小组办公室设在区机关事务管理中心,承担领导小组日常工作: the group's office bears its
        # daily work (the unit hosting it is where it sits, not who is named)
        found.append((fm.start("u"), [], [fm.group("u")], fm.start("p")))
    if fm and re.match(r",[^,。;]{2,12}?(?:同志)?(?:兼任|担任)", sent[fm.end("p"):]):
        # 联席会议办公室设在市建设局,承担联席会议日常工作,A同志兼任办公室主任: the office's work ends where who
        # holds its roles begins (round 12, ext-130; as for 下设办公室 below)
        office_end[fm.start("p")] = fm.end("p")
    if not found:
        fm = _SET_UP_OFFICE_DAILY.match(sent) or _OFFICE_DUTIES.match(sent)
        u = fm and (fm.group("u") if "u" in fm.re.groupindex else fm.group("g") + "办公室")
        if u and u[:-3].endswith(tuple(_LEX.group_suffixes)):
            found.append((fm.start(), [], [u], fm.start("p")))
            if "g" in fm.re.groupindex:
                office_end[fm.start("p")] = fm.end("p")  # (…,A同志兼任办公室主任: who holds its role, not its work)
    if not found:
        om = _OWNER.search(sent)
        if om and all_assignees(split_assignees(om.group("u"))):
            # 该项目建设主体为区应急局,统筹开展…: the unit named as the work's owner
            found.append((om.start(), [], split_assignees(om.group("u")), om.end()))
    # X牵头,Y配合: X leads, Y is responsible with it.
    merged = []
    for c0, lead, units, p0 in found:
        pred = sent[p0:p0 + 6]
        if merged and merged[-1][1] and re.match(_PARTNER_VERBS, pred) and not merged[-1][4]:
            merged[-1] = merged[-1][:2] + (merged[-1][2] + units, merged[-1][3], True)
            continue
        if merged and lead and not units and not merged[-1][1] and merged[-1][2] and sent.startswith("由", c0) \
                and _REQUEST_OPEN.match(sent):
            # 请九个责任区牵头单位(A、B、…)派负责人1名,由某局牵头组织于…前往现场: the units asked do it, the unit
            # after 由…牵头 leads them (one unit in both lists stays the lead only; round 27, ext-387)
            had = [u for u in merged[-1][2] if not any(x == u or x.endswith(u) for x in lead)]
            merged[-1] = (merged[-1][0], lead, had, merged[-1][3], False)
            continue
        lm = _LEAD_PRED.match(sent, p0) if units and not lead else None
        if lm:
            lead, units = units, []
            k = lm.end()
            got = _subject(sent[k:k + 60]) if not re.match(r"[,:]", sent[k:k + 1]) else None
            if got and not any(u in _SELF_ROLES or is_role_collective(u) for u in got[0]):
                units = got[0]  # 区规划资源局牵头各乡镇建立…: the units led are responsible
        merged.append((c0, lead, units, p0, False))
    out = []
    for i, (c0, lead, units, p0, _) in enumerate(merged):
        end = merged[i + 1][0] - 1 if i + 1 < len(merged) else len(sent)
        end = min(end, office_end.get(p0, end))
        body = sent[p0:end].lstrip(":").strip()
        tw = _TOPIC_WORK.match(sent, c0, p0) if body.rstrip("。;,") == "负责" else None
        if tw:
            body = tw.group("w")  # 采石场的关闭由所在区人民政府负责: the work is the topic (round 21, ext-340)
        um = _URGED.search(body) if lead and not units else None
        if um and all_assignees(split_assignees(um.group("u"))):
            units = split_assignees(um.group("u"))  # 由A牵头,…督促各镇在10月25日前…整改: the units urged do it by then
        out.append((s0 + c0, s0 + end, lead, units, body))
    return out
