"""任免: appointments, removals, resignations, acting posts, 公示, and posts named before persons.

Read clause by clause (a sentence split at ``, ; :`` and layout space), with the sentence's
mode (after ``任命:`` a clause ``B为Y`` is an appointment too), last person (``接受其辞去…``,
``免去其…``) and last unit (``副主任刘东辉`` after ``省人大常委会副主任…``):

- object verbs: ``任命A、B为Y``, ``免去C(同志)(的)Y职务``, ``接受D(同志)(请求)辞去Y职务(的请求)``;
- subject verbs: ``E(同志)任Y`` / ``兼任`` / ``担任`` / ``被任命为``, ``F代理Y职务``, ``G辞去Y职务``,
  ``决定H为Y``; posts written before the subject (``原国务院法制办副主任钱锋担任…``) are his too;
- 公示: ``拟任Y的I``, ``拟提名为Y候选人的J``, ``L拟提名为Y人选``, entries ``K,男,…,现任Y,拟提名为Z``
  (the entry's person reads on to the end of its paragraph);
- posts before names in running text: ``省人大常委会副主任马淑洁、李希明…及秘书长傅亚文出席会议``,
  and a leader's title after a name (``栗战书委员长主持会议``);
- ``56岁的M是…,此前担任Y``: a former post of the person the sentence is about.
Career steps (``曾任``, ``历任``, ``2016年3月,…任…``), ``时任`` and posts to come (``将出任``) are not facts;
a dated step to a post the notice gives as held now (``2012年3月当选兰溪市长``) is its ``start``.

Dates: an appointment or a current post has ``as_of`` = the notice's date; a removal or an
accepted resignation is ``former`` with ``end`` = its month; a 公示 post is ``proposed``.
Names, units and titles are quoted from the source (a Traditional text keeps its characters).

>>> from govgraph.notice import Notice
>>> from govgraph.loaders.context import NoticeContext
>>> n = Notice(doc="d", text="会议决定任命杜家毫、孙尧为省政府副省长,郭晓华为省政府秘书长;免去张松岭省政府秘书长职务。",
...            date="2007-12-25")
>>> [(f["person"], f["unit"], f["title"], f.get("as_of"), f.get("end")) for f in build_appointments(NoticeContext(n))]
... # doctest: +NORMALIZE_WHITESPACE
[('杜家毫', '省人民政府', '副省长', '2007-12-25', None), ('孙尧', '省人民政府', '副省长', '2007-12-25', None),
 ('郭晓华', '省人民政府', '秘书长', '2007-12-25', None), ('张松岭', '省人民政府', '秘书长', None, '2007-12')]
"""

from __future__ import annotations

import re
from functools import lru_cache

from .context import NoticeContext, specific_group
from .lexicon import alternation, data_lines, data_words, load_lexicon, longest_first
from .member_facts import membership, standing_body
from .prose_posts import read_prose_posts
from .mentions import CJK, is_person_name, is_unit_like, title_suffix
from .normalize import squash, to_simplified
from ..identity import leading_components
from .places import place_of_org
from .post_phrases import Post, default_unit, in_script, is_subunit, leader_units, parse_post_phrase, strip_duty, words

__all__ = ["build_appointments"]

_LEX = load_lexicon()
# A group's name (the suffixes of data/group_suffixes.txt but 委员会, which also ends departments' names)
_GROUP_UNIT = re.compile(alternation(s for s in _LEX.group_suffixes if not s.endswith("委员会")) + "$")


@lru_cache(maxsize=None)
def _alt(*classes: str) -> str:
    return alternation(longest_first(w for c in classes for w in words(c)))


_OBJECT_VERB = re.compile(f"(?P<v>{_alt('appoint', 'remove', 'accept', 'nominate')})")
_SUBJECT_VERB = re.compile(f"(?P<v>{_alt('take', 'act', 'resign', 'propose', 'current')}|为)")
# 任 after 调/出/转… is part of another verb (后调任…: no subject written).
_VERB_INSIDE = "调出转升改继留兼担聘现曾历续新离"
_NOT_NOW = "将拟曾历"  # 将出任 (not yet), 曾担任 (a career), before any verb
# A career step: 2016年3月,…任… / 2016年任… (biographies are not facts in this version).
_CAREER_DATE = re.compile(r"(?:19|20)\d{2}年(?:\d{1,2}月)?(?:起|底|初)?$")
_NOT_VERB_NEXT = set("务何意期内教职了主准此止由民人")  # 任务, 任期, 任教, 为了, 为民 …
_RESIGN = re.compile(f"(?:请求)?(?:{_alt('resign')})")
_PROPOSE = re.compile(f"(?P<v>{_alt('propose')})(?P<posts>[^的]{{2,40}}?)的(?P<rest>[{CJK}·]{{2,4}})")
_QUAL_NAME = re.compile(r"\((?:女|男|[^()]{1,3}族)\)$")
# 张三、李四2人 / 陈月洪、朱春龙两位同志 (a count agreeing with the names: no part of the last)
# 镇人大主席候选人A / 党委委员、副镇长候选人B: posts, then 候选人, then the name (the whole clause)
_CANDIDATE = re.compile(rf"(?P<p>[{CJK}、]{{2,40}}?)候选人(?P<n>[{CJK}]{{2,4}})")
# bodies written bare that stand for the one the notice names with its level (appointment_words.tsv, class
# bare_body; longest first): 党委, 人大, 人大常委会 (十九届人大常委会委员 after 市人大常委会主任; round 14, ext-201)
_BARE_BODIES = tuple(sorted(words("bare_body"), key=len, reverse=True))
_LEVELS_BEFORE = "镇|乡|街道|县|区|市|省"
_HONOR = re.compile(r"(?:同志|等\d*名?同志|等?\d+(?:名|人)|(?:[两二三四五六七八九十]|\d+)(?:位|名)(?:同志)?)$")
_TRIGGER = re.compile(_alt("appoint", "remove", "accept", "resign", "take", "act", "propose", "current", "nominate"))
_LEADIN = re.compile(_alt("leadin"))
# A body's term between its place and its name (佛冈县第十五届人大常委会, 省十屆人大常委會)
_TERM = "(?:第?[一二三四五六七八九十]{1,3}[届屆])?"
_LEADINS = re.compile(f"(?:{_alt('leadin')})+")
# a relative clause opening an entry of a run of posts and names (表决通过的…, 新当选的…)
_RELATIVE_OPEN = re.compile(f"([{CJK}]{{2,6}}?)的")
_IN_CHARGE = re.compile(f"(?:^|(?<=[,;、]))(?P<u>[{CJK}]{{2,20}}?)(?:分管|主管)[^,;、的]{{1,12}}的$")
_MEMBERS_OF = re.compile(rf"(?P<g>[{CJK}]{{4,40}}?{alternation(_LEX.group_suffixes)})(?:组成人员|成员)(?:职务)?")
_SET_UP_WITH = re.compile(alternation(data_words("group_verbs.tsv", "set_up")) + "以(?!及|上|下)")
_LEADIN_OR_CURRENT = re.compile(_alt("leadin", "current"))
# the meeting as the clause's subject before a lead-in (会议传达学习省委书记A和…; round 22, ext-237): no part of the post
_MEETING_LEADIN = re.compile(f"(?:{_alt('meeting')})(?:还|首先|又)?(?:{_alt('leadin')})")
# A meeting named before 由 and who chairs it (成立大会由市委副书记A主持, 座谈会由…; round 14, ext-198): no
# part of the post, as 会议由 and 大会由 (leadin) are not
_MEETING_BY = re.compile(rf"[{CJK}]{{1,8}}?(?:会议|会|仪式|典礼)由(?=[{CJK}])")
_FOLLOW = re.compile(_alt("follow"))
# A title right before a surname: the only place a "POST NAME" mention can be.
# (or a group's leading role right after the group's name: 城区指挥部副指挥长A; not 成员: 指挥部成员单位职责)
_LEADING_ROLES = [r for r in _LEX.roles if "成员" not in r and "人员" not in r]


def _right_after(suffixes) -> str:
    """Zero width, right after one of ``suffixes``: a look-behind for each length (``re`` needs
    a look-behind's width fixed), not one for each suffix, tried at every position."""
    by_length: dict[int, list[str]] = {}
    for x in suffixes:
        by_length.setdefault(len(x), []).append(x)
    return "(?:" + "|".join(f"(?<={alternation(sorted(xs))})" for _, xs in sorted(by_length.items())) + ")"


# (the look-ahead first: ``re`` then skips the positions where no title or role starts)
_TITLE_NAME = re.compile(
    "(?=[" + re.escape("".join(sorted({w[0] for w in (*_LEX.titles, *_LEADING_ROLES)}))) + "])"
    + "(?:" + alternation(_LEX.titles) + "|" + _right_after(_LEX.group_suffixes) + alternation(_LEADING_ROLES) + ")["
    + "".join(sorted(_LEX.surnames1 | {s[0] for s in _LEX.surnames2})) + "]")
# A title right before a name written with a middle dot, whatever its first character (县长买买提·艾力; round 18).
_TITLE_DOTTED = re.compile(alternation(_LEX.titles) + f"[{CJK}]{{2,7}}[·•][{CJK}]")
# A sentence worth reading: a 任免 word other than a bare 任/为, 任 not inside 责任/任务, 决定X为, a title before a
# surname (searched only for whether it is there: its parts in any order, each made for ``re`` to skip fast).
_SENTENCE_GATE = re.compile("|".join([
    alternation(longest_first(x for c in ("appoint", "remove", "accept", "resign", "take", "act", "propose",
                                           "current", "nominate", "ends") for x in words(c) if len(x) > 1)),
    r"任(?<![责信主担兼现曾历调出转升改继留聘续新离]任)(?![务何意期内教职命])", "决定[^,;。]{2,12}?为", "(?:男|女),",
    _TITLE_NAME.pattern,
    # 栗战书委员长主持…: a leader's title after a name, before what the person does
    "(?:" + alternation(longest_first(leader_units())) + r"|(?:常务)?副?[省市县区州]长)" + _alt("follow"),
    _TITLE_DOTTED.pattern]))
# Clauses: split at , ; : layout space and quotes, and at 、 before a verb (任命A为X、免去其Y职务)
# or a decision (…为副省长、决定A代理省长: a headline's run of decisions).
# A short bracket is read whole: 副主任(挂职,时间一年).
# (a short quoted word running on inside a name is no clause's end: 村(社区)“两委”换届选举工作领导小组组长A)
_CLAUSE = re.compile(f"(?:\\([^()\\n]{{1,30}}\\)|“[{CJK}]{{1,6}}”(?=[{CJK}])|[^,;:\\s《》“”\"、]|、(?!{_alt('appoint', 'remove', 'accept', 'nominate')}|决定))+")
# The votes between an elected person's name and 当选 (以190票的高票, 以全票): round 10, ext-111.
_VOTES = r"(?:以(?:\d+票|全票)(?:的(?:高票|全票))?|全票)"
# The first of those elected named, the others counted (王某等20名代表当选为…委员): round 10, ext-111.
_COUNTED_OTHERS = r"(?:等[\d一二三四五六七八九十]+名(?:代表|同志))"
# After the subject's name: 同志, (女), a military rank (杨金山少将接任…), an adverb (陆文忠此前已履新…).
_RANK = re.compile(_alt("rank"))
_SUBJECT_END = re.compile(f"(?:同志)?(?:\\((?:女|男)\\))?(?:{_alt('rank')})?(?:{_alt('adverb')})?{_COUNTED_OTHERS}?{_VOTES}?$")
_GOES_ON = re.compile(f"(?:{_alt('also', 'propose', 'nominate_as')})")
_ENDS = re.compile(_alt("ends"))
_BODY_TERM = re.compile(r"第?[一二三四五六七八九十]{1,3}届(?=[\u4e00-\u9fff]{3})")
_ENDED = re.compile(f"(?P<n>[{CJK}、()]{{2,40}}?)(?:同志)?的(?P<p>[^的]{{2,80}}?)(?:{_alt('ends')})$")
_ELECTED_END = re.compile(f"(?:{_alt('elected')})$")
_NOT_NOW_WORD = re.compile(_alt("not_now"))
_BEHALF = re.compile(f"([{CJK}]{{2,4}}?)(同志)?代(?![表理])")
_BEFORE_TAKE = re.compile(f"^此前(?:已)?(?:{_alt('take')})")
_TOPIC_NAME = re.compile(f"的([{CJK}]{{2,4}}?)(?:是|系|为|,|$)")
# (an enumeration in prose opens a clause too: 二是由省…办公室主任、省林业厅厅长A同志就…; round 11, ext-121)
_ITEM_NUMBER = re.compile(r"(?:\d{1,2}[.、]|[一二三四五六七八九十]{1,3}、|\([一二三四五六七八九十\d]{1,3}\)|[一二三四五六七八九十]是(?=由))")
_NOT_SUBJECT_END = ("曾", "历", "又", "再", "调", "先后", "后", "已")
# 并决定为代理市长: a decision going on with the person of the clause before, no name written
_DECIDED_ALSO = re.compile("(?:并|同时|另)?决定其?")  # 并决定其为代理市长 (其: that person; round 18, ext-223)
_TAKE_AT = re.compile(_alt("take"))
_PAST = re.compile(_alt("past"))
_FULL_DATE = re.compile(r"((?:19|20)\d{2})年(\d{1,2})月\d{1,2}日")
_ENTRUSTED = re.compile("受(?P<p>[^,;。]{3,30}?)(?:的)?委托")
_CURRENT_BRACKET = re.compile(r"\((?:" + _alt("current") + r")(?P<p>[^()]{2,40})\)")
# A role in a group after the group's name (城区指挥部副指挥长): roles.txt, group_suffixes.txt
_GROUP_ROLE = re.compile(f"(?P<g>[{CJK}()“”]{{2,40}}?(?:{alternation(_LEX.group_suffixes)}))"
                         f"(?P<r>{alternation(_LEADING_ROLES)})")
# (a chain's first item may be a plain member's: 自治区宣讲团成员、某党校副校长A; round 22, ext-230)
_GROUP_ROLE_FIRST = re.compile(f"(?P<g>[{CJK}()“”]{{2,40}}?(?:{alternation(_LEX.group_suffixes)}))"
                               f"(?P<r>{alternation(_LEX.roles)})")
# An unnamed leader closing a run of posts and names (…、区监察委负责同志列席会议): no person
_UNNAMED_LEADER = re.compile(f"[{CJK}()]{{2,40}}?(?:{alternation(w for w in data_lines('leader_words.txt') if '负责' in w or '领导' in w)})$")
# A local leader's title right after a name, before the verb (A副区长代理…)
_LEADER_AFTER_NAME = re.compile(r"(?:常务)?副?[省市县区州旗镇乡]长$")
_NOT_IN_NAME = set("区市县省局委办部厅的和与及等为任在")
# A note written right after a name in prose, no part of it (县政协副主席A常务列席会议: name_notes.txt words of two
# characters or more; round 22, ext-233)
_NAME_NOTE_END = re.compile("(?:" + "|".join(map(re.escape, sorted(
    (w for w in data_lines("name_notes.txt") if len(w) > 1), key=lambda w: (-len(w), w)))) + ")$")
# A line of a post (with its unit), a layout space and a name: a report's byline (round 11, ext-127)
_BYLINE = re.compile(rf"(?m)^[ \t\u3000]*(?P<p>[{CJK}]{{4,30}})(?:[ \t\u3000]+|[ \t\u3000]*\n[ \t\u3000]*)"
                     rf"(?P<n>[{CJK}]{{2,3}})[ \t\u3000]*$")


# A line of posts, a colon, then the names holding them (a list of a place's leaders: '  • 某区委副书记:A、B';
# round 22, ext-231): a bullet may open it
# 第一组:张三局长带队 (a numbered team, a name and its title before 带队) and 由省某局领导带队 (whose leaders lead them)
# (the team's kind as group_suffixes.txt writes a team: 督查组, 检查组 …)
_TEAM_KINDS = alternation(sorted({g[:-1] for g in _LEX.group_suffixes if g.endswith("组") and len(g) == 3}))
_TEAM_LED = re.compile(rf"第[一二三四五六七八九十\d]{{1,3}}{_TEAM_KINDS}?组[::][ \t\u3000]*(?P<b>[{CJK}]{{4,9}}?)带队")
_LEADERS_LEAD = re.compile(rf"由(?P<u>[{CJK}]{{2,12}}?)领导带队")
_POSTS_COLON_NAMES = re.compile(rf"(?m)^[ \t\u3000]*(?:[•·●▪◆■][ \t\u3000]*)?(?P<p>[{CJK}][{CJK}、,]{{1,40}}?):"
                                rf"(?P<n>[{CJK}]{{2,4}}(?:、[{CJK}]{{2,4}})*)[ \t\u3000]*$")
_NOT_NAME_WORDS = frozenset(data_words("not_person_names.tsv", "word"))
# A和B(同志)(日前)分别辞去X和Y职务(的请求) / A、B分别任X、Y (round 18, ext-207): what comes before the names is a
# lead-in (决定接受, 会议同意) or nothing.
_RESPECTIVELY = re.compile(
    f"(?:[{CJK}]{{0,8}}?(?:决定|同意|接受|批准|通过|任命))*(?P<n>[{CJK}·]{{2,8}}?(?:(?:、|和|及)[{CJK}·]{{2,8}}?)+?)(?:同志)?"
    f"(?:日前|此前|近日|已)?分别(?P<v>辞去|担任|出任|兼任|当选为|当选|任|为)(?P<p>[^,;。]{{2,60}}?)"
    f"(?:职务)?(?:的请求|的辞职请求)?$")
# A name's last part after a middle dot (买买提·艾力, 艾力•买买提: made-up), at the end of a run of posts.
_DOTTED_TAIL = re.compile(f"(?P<dot>[·•])[{CJK}]{{1,8}}")


def _is_name(s: str, loose: bool = False) -> bool:
    """A person's name; ``loose`` (a name right after a title, or an item of a name list) also
    takes a 4-character name, a name ending like a unit (江钦所) and a ``·`` name."""
    if is_person_name(s):
        return True
    if "·" in s:
        return bool(re.fullmatch(f"[{CJK}]{{1,6}}·[{CJK}]{{1,8}}", s))
    if not loose or not 2 <= len(s) <= 4 or not re.fullmatch(f"[{CJK}]+", s) or set(s) & _NOT_IN_NAME:
        return False
    if s in _NOT_NAME_WORDS:
        return False  # 市长信箱: a word that is no name, however loose (round 16, ext-273)
    sur = _LEX.surname_of(s)
    if sur is None or s[0] in "由的在为将对被向和与及" or title_suffix(s) is not None:
        return False
    return 1 <= len(s) - len(sur) <= (2 if len(s) < 4 or len(sur) == 2 else 3)


def _delimited_name(s: str) -> bool:
    return 2 <= len(s) <= 4 and re.fullmatch(f"[{CJK}]+", s) is not None and not is_unit_like(s) \
        and title_suffix(s) is None and not set(s) & set("的为任在其等区市县省局委办部厅")


_FULL_GOVERNMENT = re.compile(r".+[省市县区州旗镇乡]人民政府")
_BARE_GOVERNMENT = re.compile(r"[省市县区州旗镇乡]人民政府")


def _in_full_government(posts: list, others: list) -> list:
    """``posts`` with a bare government (``市人民政府``) written as the first government of ``others``
    named in full that ends with it (``甲市人民政府``)."""
    full = [q.unit for q in others if _FULL_GOVERNMENT.fullmatch(q.unit)]
    return [Post(full[0], p.title, p.note, p.former) if full and _BARE_GOVERNMENT.fullmatch(p.unit)
            and full[0].endswith(p.unit) else p for p in posts]


class _Reader:
    """One notice's 任免 facts."""

    def __init__(self, ctx: NoticeContext):
        self.ctx = ctx
        self.work = ctx.work
        self.src = ctx.notice.text
        self.date = ctx.notice.date
        self.month = self.date[:7] if self.date else None
        self._carry: list | None = None  # posts of a clause of posts only, for the name in the next (ext-198)
        self.facts: list[dict] = []  # posts
        self.members: list[dict] = []  # memberships (and their groups) an appointment names
        self._sa: int | None = None  # where the sentence being read starts
        self.aliases = self._aliases()
        self._full: dict[str, str] = {}
        self._bounded_groups: set[str] = set()  # groups named whole after a post's 、 (ext-186)

    # -- helpers ---------------------------------------------------------------------------

    def _aliases(self) -> dict[str, str]:
        """Short names the text defines: ``退役军人事务部(简称退役部)``."""
        out = {}
        for m in re.finditer(rf"([{CJK}]{{3,30}})\((?:以下)?简称:?“?([{CJK}]{{2,10}})”?\)", self.work):
            full = m.group(1)
            # The full name starts after the last verb-like word before it: 兼任退役军人事务部 -> 退役军人事务部.
            for k in range(len(full) - 2):
                if full[k] not in "任为兼的在和及与" and is_unit_like(full[k:]):
                    out[m.group(2)] = self.src[m.start(1) + k:m.end(1)]
                    break
        return out

    def full_unit(self, unit: str) -> str:
        """``省人大常委会`` -> ``黑龙江省人大常委会`` when the notice writes that full name (one place only);
        ``常委会`` alone -> the one 人民代表大会常务委员会 (人大常委会) the notice names with its place."""
        if unit in self._full:
            return self._full[unit]
        res = unit
        if unit.endswith("办") and len(unit) > 2 and unit + "公室" in self.work:
            res = unit + "公室"  # 县政府办 where the notice also writes 县政府办公室
        sub = re.fullmatch(f"(?P<p>[{CJK}]{{1,8}}?[省市县区縣區])委(?P<s>[{CJK}]{{2,4}})", unit)
        if sub and is_subunit(to_simplified(sub.group("s"))) and sub.group("p") + sub.group("s") in self.src:
            # 重庆市委常委、原宣传部部长 (composed 重庆市委宣传部) where the notice writes the body in full
            # as 重庆市宣传部: one post, the name the notice writes
            res = sub.group("p") + sub.group("s")
        lv = re.fullmatch(f"(?P<p>[{CJK}]{{1,8}}?)(?P<l>[区县市區縣])(?P=l)委", unit)
        if lv and lv.group("p") + lv.group("l") + "委" in self.src:
            res = lv.group("p") + lv.group("l") + "委"  # 万州区区委 where the notice also writes 万州区委
        if to_simplified(unit) in ("镇人民政府", "乡人民政府"):
            # 副镇长A in news of one town (澧县澧南镇召开…, 龙阳镇召开…): that town's government, when the notice
            # names one town only (round 9, ext-93, ext-98)
            lvl = to_simplified(unit)[0]
            towns = {self.src[m.start(1):m.end(1)] for m in re.finditer(
                rf"(?:^|(?<=[^{CJK}])|(?<=[县市区]))([{CJK}]{{2}}{lvl})", self.work)
                if leading_components(m.group(1)) == ((m.group(1), "town"),)}
            if len(towns) == 1:
                res = towns.pop() + unit[1:]
        if to_simplified(unit) in _BARE_BODIES:
            # 镇党委副书记A,党委副书记B / 镇人大主席候选人C,人大副主席D: a body written bare is the one
            # the notice names with its level (one level only)
            found = {self.src[m.start():m.end()] for m in re.finditer(
                f"(?<!自治)(?<!行政)(?:{_LEVELS_BEFORE}){re.escape(to_simplified(unit))}(?!常委会|常务委员会)", self.work)}
            if len(found) == 1:
                res = found.pop()
        if to_simplified(unit) in words("zone_body"):
            # 高新区党工委书记、管委会主任A, 管委会副主任B: a zone body written bare is the zone's the notice names with
            # its twin (one zone only; round 22, ext-235)
            found = {self.src[m.start("z"):m.end("z")] for tw in words("zone_body") if tw != to_simplified(unit)
                     for m in re.finditer(rf"(?P<z>[{CJK}]{{1,10}}?区){re.escape(tw)}", self.work)}
            found = {z for z in found if z not in ("区", "园区") and not _TRIGGER.search(z) and not _LEADINS.search(z)}
            if len(found) == 1:
                res = found.pop() + unit
        if unit == "常委会":
            found = {squash(self.src[m.start():m.end()]) for m in re.finditer(
                f"(?<![{CJK}])[{CJK}]{{1,8}}?[省市县区旗](?:人民代表大会常务委员会)", self.work)
                if place_of_org(m.group()) and not _TRIGGER.search(m.group())}
            if len(found) == 1:
                res = found.pop()
        if len(unit) > 2 and unit[0] in "省市县区" and (unit[1:] in words("expand") or is_unit_like(unit[1:]) and not unit.endswith("人民政府")):
            # the body's term may stand between its place and its name (佛冈县第十五届人大常委会): no part of
            # its name (as in post phrases); read only where the notice writes no name without it
            found = self._with_place(unit, "") or self._with_place(unit, _TERM)
            if len(found) == 1:
                res = found.pop()
        self._full[unit] = res
        return res

    def _with_place(self, unit: str, term: str) -> set[str]:
        """Names the notice writes for ``unit`` (县X) with its place before it (嘉禾县X), ``term`` allowed
        between the place and the body, the term left out of the name found."""
        rest = unit[1:]
        found = set()
        for alt in {rest, rest.replace("人大常委会", "人民代表大会常务委员会"), rest.replace("人民代表大会常务委员会", "人大常委会")}:
            for m in re.finditer(re.escape(unit[0]) + term + re.escape(alt), self.work):
                k = m.start()
                while k > 0 and re.match(f"[{CJK}]", self.work[k - 1]):
                    k -= 1
                # A place: a short run the notice also writes before other names (中山市人民政府);
                # else a place's name after a verb (任命周文艺同志为肇东市监察委员会…).
                runs = [self.work[j:m.start()] for j in [k] + list(range(max(k, m.start() - 6), m.start() - 1))
                        if self._place_run(self.work[j:m.start()], unit, j == k)]
                if runs:
                    # a place the notice also writes on its own (,嘉禾县…) before the same run glued to a verb
                    # (选举嘉禾县…)
                    run = next((r for r in runs if re.search(f"(?<![{CJK}]){re.escape(r + unit[0])}", self.work)),
                               runs[0])
                    found.add(squash(self.src[m.start() - len(run):m.start() + 1] + self.src[m.end() - len(alt):m.end()]))
        return found

    def _place_run(self, run: str, unit: str, whole: bool) -> bool:
        return 2 <= len(run) <= 6 and not _TRIGGER.search(run) and \
            not re.search("关于|的|和|与|及|会议|决定|在|对|届|为", run) and not _LEADIN.search(run) and \
            self.work.count(run + unit[0]) > 1 and \
            (whole and unit[1:] in words("expand") or place_of_org(run + unit[0] + "人民政府") == run + unit[0])

    def posts(self, a: int, b: int, prev_unit: str | None = None) -> list[Post]:
        """Posts of work[a:b] (a post phrase, with 职务/一职/候选人 at its end)."""
        s = self.work[a:b]
        t = strip_duty(s)
        if len(t) > 3 and t in _LEX.roles:
            return []  # 由X兼任办公室主任: a role in the group the notice sets up, not a post
        first = t.split("、")[0]
        if first != t and _GROUP_ROLE_FIRST.fullmatch(first):
            # 县X领导小组办公室主任、民政局局长A / …领导小组副组长、副县长、公安局长B: a role in a group the
            # notice names again, then posts (round 9, ext-101)
            role = self._group_role(a, first)
            k = len(first) + 1
            rest = parse_post_phrase(t[k:], self.src[a + k:a + len(t)], None, self.aliases) if role else []
            if rest:
                return role + rest
        last = t.split("、")[-1]
        gr = _GROUP_ROLE.fullmatch(last) if last != t else None
        if gr and _GROUP_UNIT.search(gr.group("g")) and specific_group(to_simplified(gr.group("g"))) \
                and not to_simplified(gr.group("g")).endswith(words("standing_group")):
            # 市人大常委会副主任、市X工作领导小组副组长A: posts, then a role in a group whose name the 、 before
            # it bounds (named once: ext-186, round 14); the posts before it as they read alone
            k = len(t) - len(last)
            head = parse_post_phrase(t[:k - 1], self.src[a:a + k - 1], prev_unit, self.aliases)
            if head:
                g = len(gr.group("g"))
                self._bounded_groups.add(self.src[a + k:a + k + g])
                return head + [Post(self.src[a + k:a + k + g], self.src[a + k + g:a + len(t)])]
        got = parse_post_phrase(t, self.src[a:a + len(t)], prev_unit, self.aliases)
        bare = next((w for w in _BARE_BODIES if t.startswith(w)), None) if not got else None
        if bare and self.full_unit(self.src[a:a + len(bare)]) != self.src[a:a + len(bare)]:
            # 人大副主席、总工会主席: a body written bare is read as the one the notice names with its level
            full = self.full_unit(self.src[a:a + len(bare)])
            got = parse_post_phrase(to_simplified(full) + t[len(bare):], full + self.src[a + len(bare):a + len(t)],
                                    prev_unit, self.aliases)
        if not got and "、" not in t and _GROUP_ROLE.fullmatch(t):
            return self._group_role(a, t)
        if not got and "、" in t:
            # 區委常委、紀委書記、城區指揮部指揮長: the last item a role in a group the notice names
            cut = t.rfind("、")
            last = _GROUP_ROLE.fullmatch(t[cut + 1:])
            head = parse_post_phrase(t[:cut], self.src[a:a + cut], prev_unit, self.aliases) if last else []
            role = self._group_role(a + cut + 1, t[cut + 1:]) if head else []
            got = head + role if role else []
        return got

    def _group_role(self, a: int, t: str) -> list[Post]:
        """``城區指揮部指揮長`` (a role of data/roles.txt after a group's name): the group's role as a
        post whose unit is the group — ``emit`` records it as a membership — when the notice names
        the group again elsewhere; else nothing (a body named only with the role is not guessed)."""
        m = _GROUP_ROLE_FIRST.fullmatch(t)
        g = m.group("g")
        if not specific_group(to_simplified(g)) or self.work.count(g) < 2:
            return []
        term = _BODY_TERM.match(g)
        k = term.end() if term else 0  # 第十四届全国人民代表大会常务委员会委员: the body's term is no part of its name (round 24)
        return [Post(self.src[a + k:a + len(g)], self.src[a + len(g):a + len(t)])]

    def names(self, a: int, b: int, delimited: bool = False) -> list[tuple[str, int, int]] | None:
        """``A、B(女)、C同志`` at work[a:b] -> [(name, start, end)], or None.

        ``delimited``: the list stands between two verbs (任命…为, 免去…的), so a name need not
        start with a known surname (雒树刚) and may hold 和 (胡和平).
        """
        s = self.work[a:b]
        m = _HONOR.search(s)
        if m:
            s = s[: m.start()]
        out = []
        pos = a
        items = s.split("、")
        last = items[-1]
        k = last.find("和")
        if len(items) > 1 and k > 0 and not _is_name(last, loose=True) and _is_name(last[:k], loose=True) \
                and _is_name(last[k + 1:], loose=True):
            items[-1:] = [last[:k], last[k + 1:]]  # A、B和C当选副县长 (round 10, ext-111): 和 joins the last
        for it in items:
            x = _QUAL_NAME.sub("", it)
            x = re.sub("同志$", "", x)
            if not (_is_name(x, loose=len(items) > 1) or delimited and _delimited_name(x)):
                return None
            out.append((squash(self.src[pos:pos + len(x)]), pos, pos + len(x)))
            pos += len(it) + 1
        return out

    def emit(self, name: str, posts: list[Post], a: int, b: int, how: str, note: str | None = None):
        ev = self.ctx.evidence(a, b)
        head = self.work[:b].rstrip()
        if posts and not self.work[b:].strip() and not re.search(r"[。;!?)”]$", head) \
                and head.endswith(to_simplified(posts[-1].title)):
            # …,周智为县人大常委 where the copy ends: the last post is cut inside its name (县人大常委会…): not
            # recorded, a warning (round 30, prec38, ext-117)
            self.ctx.warn(f"{name}: {posts[-1].unit}{posts[-1].title} is cut by the end of the text; not recorded")
            posts = posts[:-1]
        for p in posts:
            g = to_simplified(self.full_unit(p.unit))
            ends = [len(w) for w in words("committee_group") if g.endswith(w)]
            committee = bool(ends) and len(g) > max(ends)  # 县安委会, not 安委会 alone
            if how == "start" and not p.former and (_GROUP_UNIT.search(g) and specific_group(g) or committee) \
                    and not standing_body(g) and (self.work.count(to_simplified(p.unit)) > 1 or p.unit in self._bounded_groups):
                # 安平县防汛抗旱指挥部政委A (round 6, ext-63): a role in a group the notice names elsewhere (its
                # issuer, its subject), not a post of a unit; a body named only with the post (江苏援藏指挥部副总指挥
                # in news of a career) stays a post, and a 委员会 may be a department: left a post
                group = squash(self.src[self.src.find(p.unit):][:len(p.unit)]) if p.unit in self.src else p.unit
                # a group and its members in Simplified script, as member lists give them (城區指揮部 → 城区指挥部)
                self._joined(to_simplified(group), [to_simplified(name)], to_simplified(p.title), ev, ev)
                continue
            if re.match(r"[A-Za-z?]", p.unit):
                # 出席会议?h委常委、…: a copy garbled the unit's first characters (。县 → ?h); no guess
                self.ctx.warn(f"{name}: the unit of {p.title} is garbled ({p.unit!r}); skipped")
                continue
            f = {"kind": "post", "doc": self.ctx.doc, "person": name, "unit": self.full_unit(p.unit),
                 "title": p.title}
            if how in ("end", "ended") or p.former:
                f["former"] = True
                month = self.month or self._sentence_month(a)
                if how == "end" and month:
                    f["end"] = month
            elif how == "proposed":
                f["proposed"] = True
            elif self.date:
                f["as_of"] = self.date
            if p.note or note:
                f["note"] = p.note or note
            if how == "start" and not p.former and p.note:
                term = _bracket_term(p.note)
                if term:  # a term (as _dated_starts) stands for the post: no as_of beside it
                    f.pop("as_of", None)
                    f["start"] = term[0]
                    if term[1]:
                        f["end"] = term[1]
            f["evidence"] = ev
            self.facts.append(f)

    # -- subjects --------------------------------------------------------------------------

    def subject(self, a: int, b: int, allow_posts: bool = True):
        """The person at the end of work[a:b] (the subject of a verb at b), with posts written before.

        Returns (name, name_start, pre_posts, prefix) or None. The text before the name must be
        empty, a lead-in word, end in 的/决定/关于, or be posts of the person.
        """
        s = self.work[a:b]
        m = _SUBJECT_END.search(s)
        end = a + (m.start() if m else len(s))
        cands = []
        for k in (3, 2, 4):
            na = end - k
            if na < a:
                continue
            nm = self.work[na:end]
            if not _is_name(nm):
                continue
            pre = self.work[a:na]
            ok, pre_posts = self._prefix_ok(pre, a, na, allow_posts)
            if ok:
                cands.append((k, na, pre_posts, pre))
        if not cands and allow_posts:
            # 市委组织部原常务副部长张三任…: a name between posts and a verb is set apart by both,
            # so it may hold 和 (张和平); one cut only
            loose = []
            for k in (3, 2):
                na = end - k
                if na > a and _delimited_name(self.work[na:end]) and _LEX.surname_of(self.work[na:end]):
                    ok, pre_posts = self._prefix_ok(self.work[a:na], a, na, True)
                    if ok and pre_posts:
                        loose.append((k, na, pre_posts, self.work[a:na]))
            if len(loose) == 1:
                cands = loose
        m2 = re.search(f"[{CJK}]{{1,6}}·[{CJK}]{{1,8}}$", self.work[a:end])
        if m2 and not cands:
            na = a + m2.start()
            ok, pre_posts = self._prefix_ok(self.work[a:na], a, na, allow_posts)
            if ok:
                cands.append((end - na, na, pre_posts, self.work[a:na]))
        if not cands:
            return None
        if len(cands) > 1:
            # Prefer a name the notice writes more often (蔡艳 over 蔡艳则), else the clean prefix.
            counts = [self.work.count(self.work[na:end]) for _, na, _, _ in cands]
            best = max(counts)
            top = [c for c, n in zip(cands, counts) if n == best]
            if len(top) > 1:
                # 由周阳兼任: 由 opens the clause (a lead-in), it is no surname here
                lead = [c for c in top if c[3] and c[3] in words("leadin")]
                clean = lead or [c for c in top if c[3] == ""]
                top = clean if len(clean) == 1 else top
            if len(top) > 1:
                self.ctx.warn(f"name before {self.work[end:end + 4]!r} is uncertain: "
                              + " or ".join(self.work[na:end] for _, na, _, _ in top))
                return None
            cands = top
        k, na, pre_posts, pre = cands[0]
        return squash(self.src[na:end]), na, pre_posts, pre

    def _prefix_ok(self, pre: str, a: int, na: int, allow_posts: bool):
        # (同时表决通过了A任…: lead-ins one after another, round 14, ext-184)
        if pre == "" or _LEADINS.fullmatch(pre) or pre.endswith(("的", "决定", "关于", "会议决定", "同意", "批准")):
            return True, []
        if pre.endswith(_NOT_SUBJECT_END):
            return False, []
        if allow_posts:
            lead = _LEADIN.match(pre)
            pa = a + (lead.end() if lead else 0)
            by = pre.rfind("由")
            if by > 0:  # 办公室主任由房管所所长X兼任: the posts follow 由
                pa = a + by + 1
            with_as = _SET_UP_WITH.search(pre)
            if with_as:  # (通知)成立以县委书记X任组长: the posts follow 以
                pa = max(pa, a + with_as.end())
            posts = self.posts(pa, na)
            if posts:
                return True, posts
        return False, []

    # -- clauses ---------------------------------------------------------------------------

    def read(self):
        if not _SENTENCE_GATE.search(self.work):
            self._bylines()
            self._posts_colon_names()
            self._teams_led()
            return
        self.entry = None  # the person of a 公示 entry, read on to the end of its paragraph
        for sm in re.finditer(r"[^。!?]+", self.work):
            if "\n" in sm.group():
                self.entry = None
            self.sentence(sm.start(), sm.end())
        self._current_in_brackets()
        self._bylines()
        self._posts_colon_names()
        self._teams_led()

    def _teams_led(self):
        """``二、督查安排 由省某局领导带队,…。第一组:张三局长带队,办公室参加,督查甲市;第二组:李四副局长带队,…``: each
        numbered team's leader, a name then a title before 带队, holds that title in the unit whose leaders the notice
        said lead the teams (the last ``由X领导带队`` before the first team); none without it (round 29, rot36, ext-392).
        A name that splits two ways before the title, or a person already given a fact, is left."""
        teams = list(_TEAM_LED.finditer(self.work))
        if not teams:
            return
        units = [m for m in _LEADERS_LEAD.finditer(self.work, 0, teams[0].start()) if is_unit_like(m.group("u"))]
        if not units:
            return
        unit = units[-1].group("u")
        for m in teams:
            body = m.group("b")
            splits = [(body[:k], body[k:]) for k in (2, 3) if body[k:] in _LEX.titles
                      and is_person_name(body[:k], delimited=True)]
            if len(splits) > 1:  # 王五副局长: the title's 副 is no part of the name
                splits = [x for x in splits if not x[0].endswith(("副", "常务"))]
            if len(splits) != 1:
                continue
            n, title = splits[0]
            a = m.start("b")
            name = squash(self.src[a:a + len(n)])
            if any((f.get("person") or f.get("member")) == name for f in list(self.facts) + list(self.members)):
                continue
            self.emit(name, [Post(unit, title)], a, m.end("b"), "start")

    def _posts_colon_names(self):
        """``某区委副书记、某区政府党组书记、代理区长:张三`` on its line (``•`` may open it), ``某区副区长:A、B、C``: the
        posts before the colon, read whole (each part between commas), are every name's after it (round 22, ext-231).
        Not where a part reads no post (a group's role, 组长:A, is the member lists'), nor a name already given a fact
        on the line."""
        for m in _POSTS_COLON_NAMES.finditer(self.work):
            posts, pos = [], m.start("p")
            for part in m.group("p").split(","):
                got = self.posts(pos, pos + len(part)) if part else []
                if not got:
                    posts = []
                    break
                posts += got
                pos += len(part) + 1
            if not posts or any(p.former for p in posts):
                continue
            names = m.group("n").split("、")
            if not all(_is_name(n) and n not in _LEX.titles and n not in _LEX.roles for n in names):
                continue
            na = m.start("n")
            for n in names:
                name = squash(self.src[na:na + len(n)])
                na += len(n) + 1
                if not any((f.get("person") or f.get("member")) == name and m.start() <= f["evidence"]["start"] < m.end()
                           for f in list(self.facts) + list(self.members) if f.get("evidence")):
                    self.emit(name, posts, m.start("p"), m.end("n"), "start")

    def _bylines(self):
        """``汕头市某区审计局局长 张三`` alone on its line (a report's byline): a post with its unit, a
        layout space, a name (round 11, ext-127); or the name alone on the next line (a site's leader box:
        '某州人大常委会主任' / '张三'; round 25, ext-373). Only a unit written in full: a bare title (``副区长 王五``)
        is left to the member lists."""
        for m in _BYLINE.finditer(self.work):
            posts = self.posts(m.start("p"), m.end("p"))
            if not posts or not (_is_name(m.group("n")) or is_person_name(m.group("n"), delimited=True)) or \
                    any(to_simplified(p.unit) not in m.group("p") for p in posts):
                continue
            name = squash(self.src[m.start("n"):m.end("n")])
            if not any(f["person"] == name for f in self.facts):
                self.emit(name, posts, m.start("p"), m.end("n"), "start")

    def _current_in_brackets(self):
        """``张三(现任某新区管委会副主任)``: a name, then in brackets the post held now."""
        for m in _CURRENT_BRACKET.finditer(self.work):
            posts = self.posts(m.start("p"), m.end("p"))
            if not posts:
                continue
            a = m.start()
            cands = [k for k in (3, 2, 4) if a - k >= 0 and _is_name(self.work[a - k:a])
                     and (a - k == 0 or not _is_name(self.work[a - k - 1:a]))]
            if len(cands) != 1:
                if cands:
                    self.ctx.warn(f"name before {self.work[a:a + 6]!r} is uncertain")
                continue
            k = cands[0]
            if any(f["person"] == squash(self.src[a - k:a]) and f["title"] == p.title
                   for f in self.facts for p in posts):
                continue
            self.emit(squash(self.src[a - k:a]), posts, a - k, m.end(), "start")

    def _sentence_month(self, a: int) -> str | None:
        """A notice without a date: the month of the last full date (2025年1月7日) written before ``a``
        in its sentence, when the sentence dates what it reports (…会议通过决定任免名单:免去…)."""
        sa = self._sa
        if sa is None or sa > a:
            return None
        ds = list(_FULL_DATE.finditer(self.work, sa, a))
        return f"{ds[-1].group(1)}-{int(ds[-1].group(2)):02d}" if ds else None

    def sentence(self, sa: int, sb: int):
        self._sa = sa
        if not _SENTENCE_GATE.search(self.work, sa, sb):
            return
        state = {"mode": None, "person": None, "unit": None, "entry": self.entry}
        clauses = [(m.start(), m.end()) for m in _CLAUSE.finditer(self.work[sa:sb])]
        for i, (ca, cb) in enumerate(clauses):
            a, b = sa + ca, sa + cb
            num = _ITEM_NUMBER.match(self.work, a, b)
            if num:
                a = num.end()  # 1.任命… / (二)李四为…
            if a >= b:
                continue
            if i and "\n" in self.work[sa + clauses[i - 1][1]:a]:
                state["unit"] = None  # a unit is carried along a line, not to the next one
            nxt = self.work[sa + clauses[i + 1][0]:sa + clauses[i + 1][1]] if i + 1 < len(clauses) else ""
            if state["mode"] in ("remove", "appoint") and i + 1 < len(clauses) and _is_name(self.work[a:b]) \
                    and not self.work[b:sa + clauses[i + 1][0]].strip(" "):
                b = sa + clauses[i + 1][1]  # 免去: 张三 县财政局局长职务 (a name, a space, the post)
                clauses[i + 1] = (clauses[i + 1][1], clauses[i + 1][1])
            prev = self.work[sa + clauses[i - 1][0]:sa + clauses[i - 1][1]] if i else ""
            state["career"] = bool(_CAREER_DATE.search(prev))
            self.clause(a, b, state, nxt)

    def clause(self, a: int, b: int, st: dict, nxt: str):
        c = self.work[a:b]
        n0 = len(self.facts)
        self._carry = st.pop("carry", None)
        # 公示 entry: 何华榕,男,汉族,… — the person of the clauses that follow.
        if (nxt in ("男", "女") or nxt.startswith(words("current") + words("propose"))) and _is_name(c):
            st["entry"] = self.entry = (squash(self.src[a:b]), a)
            return
        if self._respectively(a, b, st):
            return
        if self._ended(a, b, st):
            return
        has_verb = _OBJECT_VERB.search(c)
        if not (has_verb and self._object(a, b, st)) and not self._subject_verb(a, b, st) \
                and not (not has_verb and st["mode"] in ("appoint", "propose", "remove") and self._continued(a, b, st)):
            self._entry_posts(a, b, st)
        self._proposed(a, b)
        if len(self.facts) == n0:
            self._continued_subject(a, b, st)
        if len(self.facts) == n0:
            self._post_names(a, b, st)
        if len(self.facts) == n0:
            self._topic(a, b, st)
        if len(self.facts) > n0:
            st["unit"] = self.facts[-1]["unit"]
        elif self.work[b:b + 1] == "," and "、" in c and title_suffix(c) and not _TRIGGER.search(c):
            # 市委常委、秘书长,X新区党工委书记A出席: a run of posts only, cut by a comma from the posts and the name
            # that follow it, is that name's too (round 14, ext-198)
            posts = self.posts(a, b, st["unit"])
            if posts and len(posts) == c.count("、") + 1:
                st["carry"] = posts
        self._carry = None

    def _respectively(self, a: int, b: int, st: dict) -> bool:
        """``A和B分别辞去X和Y职务`` / ``A、B分别任X、Y``: names, 分别, a verb, as many posts as names, paired
        in order (round 18, ext-207); a resignation ends the post (former, ``end`` = the month). True when
        the clause is of this form and its names read (no fact, a warning, when the counts differ)."""
        m = _RESPECTIVELY.match(self.work, a, b)
        if not m:
            return False
        na, nb = m.start("n"), m.end("n")
        nseps = [(x.start(), x.end()) for x in re.finditer("、|和|及", self.work[na:nb])]
        names = [(na + x, na + y) for x, y in zip([0] + [e for _, e in nseps], [s0 for s0, _ in nseps] + [nb - na])]
        if len(names) < 2 or not all(_is_name(self.work[x:y], loose=True) for x, y in names):
            return False
        pa, pb = m.start("p"), m.end("p")
        seps = [(x.start(), x.end()) for x in re.finditer("、|和|及", self.work[pa:pb])]
        starts = [0] + [e for _, e in seps]
        ends = [s0 for s0, _ in seps] + [pb - pa]
        items = [(pa + x, pa + y) for x, y in zip(starts, ends)]
        if len(items) != len(names):
            self.ctx.warn(f"{self.work[a:b][:30]!r}: {len(names)} names and {len(items)} posts 分别; no post read")
            return True
        posts, unit = [], st["unit"]
        for x, y in items:
            ps = self.posts(x, y, unit)
            if not ps or len(ps) != 1:
                self.ctx.warn(f"{self.work[a:b][:30]!r}: a post 分别 not read; no post read")
                return True
            posts.append(ps)
            unit = ps[-1].unit
        how = "end" if m.group("v") in words("resign") or m.group("v") in ("辞去", "免去") else "start"
        for (x, y), ps in zip(names, posts):
            self.emit(squash(self.src[x:y]), ps, a, b, how)
        st["person"] = squash(self.src[names[-1][0]:names[-1][1]])
        return True

    def _continued_subject(self, a: int, b: int, st: dict):
        """``张三同志任A局局长,兼任B局局长`` / ``…,提名为C人选``: a verb without its subject goes on
        with the person of the clause before (in the same sentence)."""
        if not st["person"] or st.get("career"):
            return
        m = _GOES_ON.match(self.work, a, b)
        if not m:
            c = self.work[a:b]
            if c.startswith("为") and c.endswith(("人选", "候选人")):
                # A任X书记,为Y主任人选: the person of the clause before is proposed (round 7, ext-74)
                posts = self.posts(a + 1, b)
                if posts:
                    self.emit(st["person"], posts, a, b, "proposed")
            elif c.startswith("不再担任"):
                # …,不再担任Z市长职务: that person leaves the post (round 7, ext-74)
                posts = self.posts(a + 4, b)
                if posts:
                    self.emit(st["person"], posts, a, b, "end")
            return
        posts = self.posts(m.end(), b)
        if posts:
            how = "start" if m.group() in words("also") else "proposed"
            self.emit(st["person"], posts, a, b, how)

    def _ended(self, a: int, b: int, st: dict) -> bool:
        """``张丽娟同志的常委会委员职务相应终止``: a post that ends by law (former, ``end`` = the month)."""
        if not _ENDS.search(self.work, a, b):
            return False
        m = _ENDED.match(self.work[a:b])
        if not m:
            return False
        who = self.names(a, a + len(m.group("n")), delimited=True)
        posts = self.posts(a + m.start("p"), a + m.end("p")) if who else []
        if not posts:
            return False
        for name, _, _ in who:
            self.emit(name, posts, a, b, "end")
        st["person"] = who[-1][0]
        return True

    def _topic(self, a: int, b: int, st: dict):
        """``56岁的许甘露是福建人,此前担任河南省委政法委书记``: the person the sentence is about, then a
        post held before (former)."""
        c = self.work[a:b]
        m = _BEFORE_TAKE.match(c)
        if m and st.get("topic"):
            posts = self.posts(a + m.end(), b)
            if posts:
                self.emit(st["topic"], [Post(p.unit, p.title, p.note, True) for p in posts], a, b, "start")
            return
        t = _TOPIC_NAME.search(c)
        if t and _is_name(t.group(1)):
            st["topic"] = squash(self.src[a + t.start(1):a + t.end(1)])

    def _object(self, a: int, b: int, st: dict) -> bool:
        c = self.work[a:b]
        for m in _OBJECT_VERB.finditer(c):
            if m.group("v") in words("accept") and not _RESIGN.search(self.work, a + m.end(), b):
                continue  # 经县政府同意任命…: 同意 accepts no resignation here
            return self._object_at(a, b, st, m)
        return False

    def _object_at(self, a: int, b: int, st: dict, m) -> bool:
        c = self.work[a:b]
        pre = c[: m.start()]
        v = m.group("v")
        if v in words("remove") and pre.strip(" "):
            # 张三同志免去区财政局局长职务 / 张三被免去…: the subject is removed
            pe = a + m.start() - (1 if pre.endswith("被") else 0)
            subj = self.subject(a, pe, allow_posts=False)
            posts = self.posts(a + m.end(), b) if subj else []
            if posts:
                self.emit(subj[0], posts, a + m.start(), b, "end")
                st["person"] = subj[0]
                return True
        if pre.endswith(("被", "新", "已", "提请", "的")):
            return False
        proposed = pre.endswith("拟") or v in words("nominate")
        ra = a + m.end()
        if v in words("accept") and self.work.startswith("了", ra):
            ra += 1  # 会议接受了A辞去…职务的辞呈 (round 7, ext-72)
        if v in words("accept"):
            rm = _RESIGN.search(self.work, ra, b)
            if not rm:
                return False
            who = self._object_names(ra, rm.start(), st)
            posts = self.posts(rm.end(), b)
            if who and posts:
                st["mode"] = "resign"
                for name, _, _ in who:
                    self.emit(name, posts, a + m.start(), b, "end")
                st["person"] = who[-1][0]
                return True
            return bool(who) and self._resignations(rm, b, who, st, a + m.start())
        if self.work.startswith("了", ra):
            ra += 1  # 任命了…
        if v in words("remove"):
            if not self.work.startswith("其", ra):  # 免去其…: part of the entry before, the list goes on
                st["mode"] = "remove"
            return self._removal(ra, b, st, a + m.start())
        if ra >= b:
            if re.search(_alt("take", "act"), pre):
                return False  # …担任新组建的退役部部长任命: 任命 closes another verb's post
            st["mode"] = "propose" if proposed else "appoint"
            return True  # 决定任命: — the list follows
        st["mode"] = "propose" if proposed else "appoint"
        return self._appointed(ra, b, st, a + m.start(), "proposed" if proposed else "start")

    def _resignations(self, rm, b: int, who, st: dict, ev_a: int) -> bool:
        """``接受A辞去X职务、B辞去Y职务、C辞去Z职务的请求``: one accepted request per ``、``-joined
        resignation, each cut where the posts before it end and names before 辞去 begin."""
        found = []  # (names, posts start, posts end)
        cur, pa = who, rm.end()
        for nm in _RESIGN.finditer(self.work, rm.end(), b):
            if nm.start() == rm.start():
                continue
            cut = None
            for dm in re.finditer("、", self.work[pa:nm.start()]):
                c = pa + dm.start()
                nxt = self._object_names(c + 1, nm.start(), st) or self._surname_name(c + 1, nm.start())
                if nxt and self.posts(pa, c):
                    cut = (c, nxt)
                    break
            if cut is None:
                return False
            found.append((cur, pa, cut[0]))
            cur, pa = cut[1], nm.end()
        if not found:
            return False
        found.append((cur, pa, b))
        reads = [(names, self.posts(x, y)) for names, x, y in found]
        if not all(posts for _, posts in reads):
            return False
        st["mode"] = "resign"
        for names, posts in reads:
            for name, _, _ in names:
                self.emit(name, posts, ev_a, b, "end")
        st["person"] = reads[-1][0][-1][0]
        return True

    def _surname_name(self, a: int, b: int):
        """One name of 2-3 characters between two delimiters that opens with a known surname
        (a two-character name may hold 为 where nothing else can be read there), else None."""
        s = self.work[a:b]
        sur = _LEX.surname_of(s) if re.fullmatch(f"[{CJK}]{{2,3}}", s) else None
        if sur is None or len(s) == len(sur) or is_unit_like(s) or title_suffix(s) is not None:
            return None
        return [(squash(self.src[a:b]), a, b)]

    def _object_names(self, a: int, b: int, st: dict):
        s = self.work[a:b]
        s2 = re.sub(r"(?:同志)?(?:因[^、]{2,12}?)?(?:请求)?$", "", s)  # 接受王刚因个人原因辞去…
        if s2 == "其" and st["person"]:
            return [(st["person"], a, a + 1)]
        return self.names(a, a + len(s2), delimited=True)

    def _appointed(self, a: int, b: int, st: dict, ev_a: int, how: str) -> bool:
        """``A、B为Y`` at work[a:b]; a run ``A为X、B为Y`` (also ``决定任命A任X、B任Y``) one entry at
        a time."""
        run = self._run(a, b, "为任")
        if len(run) > 1:
            done = [self._appointed_one(x, y, st, x if k else ev_a, how) for k, (x, y) in enumerate(run)]
            return any(done)
        return self._appointed_one(a, b, st, ev_a, how)

    def _appointed_one(self, a: int, b: int, st: dict, ev_a: int, how: str) -> bool:
        """``A、B为Y`` at work[a:b]; ``A任Y`` (after 任命: 任 read as 为) when A is names only."""
        for wm in re.finditer("[为任]", self.work[a:b]):
            if wm.group() == "任":
                who, pre_posts = self.names(a, a + wm.start(), delimited=True), []
            else:
                who, pre_posts = self._listed(a, a + wm.start())
            held = self._bracketed_posts(a, a + wm.start()) if not who and wm.group() == "为" else None
            pending = st.pop("pending", None)
            if held and pending:
                held, ev_a = pending[1] + held, min(ev_a, pending[0])
            if held:
                # 任命A(甲县县长)为某站站长,B(乙局副局长)、C(丙镇镇长)为副站长: each name with the posts
                # held now in brackets (round 24, ext-357)
                posts = self.posts(a + wm.end(), b) or self._bare_title(a + wm.end(), b, st)
                if not posts:
                    return False
                for name, na, nb, now in held:
                    self.emit(name, now, ev_a, b, "start")
                    self.emit(name, posts, ev_a, b, how)
                st["person"] = held[-1][0]
                return True
            if who:
                posts = self.posts(a + wm.end(), b) or (self._bare_title(a + wm.end(), b, st) if wm.group() == "为" else [])
                if not posts:
                    return self._members_named(who, a + wm.end(), b, ev_a, how)
                for name, _, _ in who:
                    self.emit(name, pre_posts, ev_a, b, "start")
                    self.emit(name, posts, ev_a, b, how)
                st["person"] = who[-1][0]
                return True
        return False

    def _bracketed_posts(self, a: int, b: int):
        """``A(甲县委书记、县长)、B(乙局副局长)`` at work[a:b]: each a name with the posts held now in its
        brackets -> [(name, start, end, posts)], or None unless every item reads so."""
        items = re.findall(r"[^、()]+\([^()]+\)|、", self.work[a:b])
        if "".join(items) != self.work[a:b]:
            return None
        out, pos = [], a
        for it in items:
            if it == "、":
                pos += 1
                continue
            k = it.index("(")
            nm = it[:k]
            if not _is_name(nm, loose=True):
                return None
            now = self.posts(pos + k + 1, pos + len(it) - 1)
            if not now:
                return None
            out.append((squash(self.src[pos:pos + k]), pos, pos + k, now))
            pos += len(it)
        return out or None

    def _bare_title(self, a: int, b: int, st: dict) -> list:
        """``…为某站站长,B为副站长``: a deputy's title alone after an appointment in the same sentence is the
        deputy of that unit (the title the last post's with 副 before it), else []."""
        t = self.work[a:b].rstrip("。;")
        last = self.facts[-1] if self.facts and st["unit"] else None
        if not last or last["unit"] != st["unit"] or t != "副" + last["title"]:
            return []
        return self.posts(a, b, st["unit"])

    def _members_named(self, who, a: int, b: int, ev_a: int, how: str) -> bool:
        """``任命A、B为区人大常委会代表资格审查委员会组成人员``: members of the committee named
        (role 成员), not posts; only an appointment, never a proposal or a removal."""
        gm = _MEMBERS_OF.fullmatch(self.work, a, b)
        if how != "start" or not gm or not specific_group(gm.group("g")) or standing_body(gm.group("g")):
            return False
        self._joined(squash(self.src[gm.start("g"):gm.end("g")]), [name for name, _, _ in who], "成员",
                     self.ctx.evidence(ev_a, b), self.ctx.evidence(gm.start("g"), gm.end("g")))
        return True

    def _joined(self, group: str, names: list[str], role: str, ev: dict, group_ev: dict) -> None:
        """Persons an appointment makes members of ``group`` in ``role``, and the group."""
        self.members += [membership(self.ctx, group, name, "person", role, ev) for name in names]
        self.members.append({"kind": "group", "doc": self.ctx.doc, "group": group, "evidence": group_ev})

    def _listed(self, a: int, b: int):
        """The persons of an object list at work[a:b]: ``A、B(同志)``, or one name with the posts
        he holds written before it (``任命县委副书记纪道清同志为…``) -> (names, those posts)."""
        who = self.names(a, b, delimited=True)
        if who:
            return who, []
        s = self.work[a:b]
        # 陈春林、武清海当选为…: 选举 A 当选为 Y
        m = _ELECTED_END.search(s)
        if m and m.start() > 0:
            who = self.names(a, a + m.start(), delimited=True)
            if who:
                return who, []
        subj = self.subject(a, b)
        if subj and subj[2]:
            name, na, pre_posts, _ = subj
            return [(name, na, b)], pre_posts
        return None, []

    def _run(self, a: int, b: int, links: str) -> list[tuple[int, int]]:
        """A run of entries in one clause, ``A的X职务、B的Y职务`` (``links`` 的) or ``A任X、B任Y``
        (任 or 为): cut at each ``、`` that a name and a link follow, where the part before it holds a
        post; [(a, b)] when there is no such cut."""
        cuts = []
        for dm in re.finditer("、", self.work[a:b]):
            c = a + dm.start()
            nm = re.match(f"([{CJK}]{{2,4}}?)(?:同志)?[{links}]", self.work[c + 1:b])
            if nm and _is_name(nm.group(1)) and self._run_head(cuts[-1] + 1 if cuts else a, c, links):
                cuts.append(c)
        if not cuts:
            return [(a, b)]
        return list(zip([a] + [c + 1 for c in cuts], cuts + [b]))

    def _run_comrade(self, a: int, b: int) -> list[tuple[int, int]]:
        """A removal run ``A同志X职务、B同志Y职务`` (同志 in place of 的; round 18, ext-224): cut at each
        ``、`` that a name and 同志 follow, where the part before it is a name, 同志 and a post; [(a, b)]
        when there is no such cut."""
        head = f"([{CJK}]{{2,4}}?)同志"
        cuts = []
        for dm in re.finditer("、", self.work[a:b]):
            c = a + dm.start()
            nm = re.match(head, self.work[c + 1:b])
            h = re.match(head, self.work[cuts[-1] + 1 if cuts else a:c])
            if (nm and _is_name(nm.group(1)) and h and _is_name(h.group(1))
                    and self.posts((cuts[-1] + 1 if cuts else a) + h.end(), c)):
                cuts.append(c)
        if not cuts:
            return [(a, b)]
        return list(zip([a] + [c + 1 for c in cuts], cuts + [b]))

    def _run_head(self, a: int, c: int, links: str) -> bool:
        """work[a:c] is one entry of a run: a name, its link, then a post."""
        m = re.match(f"([{CJK}]{{2,4}}?)(?:同志)?[{links}]", self.work[a:c])
        return bool(m) and _is_name(m.group(1)) and bool(self.posts(a + m.end(), c))

    def _removal(self, a: int, b: int, st: dict, ev_a: int) -> bool:
        """``C(同志)(的)Y职务`` / ``其Y职务`` / ``CY职务`` (no 的) at work[a:b]; a run
        ``C的Y职务、D的Z职务`` one entry at a time."""
        run = self._run(a, b, "的")
        if len(run) == 1:
            run = self._run_comrade(a, b)
        if len(run) > 1:
            done = [self._removal(x, y, st, x if k else ev_a) for k, (x, y) in enumerate(run)]
            return any(done)
        s = self.work[a:b]
        if s.startswith("其") and st["person"]:
            posts = self.posts(a + 1, b)
            if posts:
                self.emit(st["person"], posts, ev_a, b, "end")
                return True
            return False
        m = re.match(rf"(?P<n>[{CJK}·、()]{{2,40}}?)(?:同志)?的", s)
        if m:
            who = self.names(a, a + len(m.group("n")), delimited=True)
            if who:
                posts = self.posts(a + m.end(), b)
                if posts:
                    for name, _, _ in who:
                        self.emit(name, posts, ev_a, b, "end")
                    st["person"] = who[-1][0]
                    return True
        # No 的: the name is glued to the post; take the cut whose unit or name the notice writes elsewhere.
        cands, loose4 = [], []
        ks = [k for k in (3, 2, 4) if s[k:k + 2] == "同志" and _is_name(s[:k])] or [3, 2, 4]
        for k in ks:
            nm = s[:k]
            if not _is_name(nm):
                if k == 4 and _is_name(nm, loose=True):
                    # a four-character name the surnames do not end (苏某高娃): only for the issuer-level cut below
                    pa = a + 4
                    posts = self.posts(pa, b) if not _SUBJECT_VERB.match(self.work, pa) else None
                    if posts:
                        loose4.append((nm, k, posts, pa))
                continue
            pa = a + k + (2 if s[k:k + 2] == "同志" else 0)
            while pa < b and self.work[pa] == " ":
                pa += 1
            if _SUBJECT_VERB.match(self.work, pa):
                continue  # 周永同志任…: a verb, not a post
            posts = self.posts(pa, b)
            if posts:
                cands.append((nm, k, posts, pa))
        if len(cands) > 1:
            seen = [c for c in cands if self.work.count(c[0]) > 1 or
                    self.work.count(self.work[c[3]:c[3] + 3]) > 1]
            if len(seen) > 1:
                # 免去张三某市人民政府副市长…: the cut whose unit the notice writes more often
                units = [self.work.count(c[2][0].unit) for c in seen]
                if units.count(max(units)) == 1:
                    seen = [seen[units.index(max(units))]]
            if len(seen) > 1:
                # 免去张三某市副市长的职务 where the notice writes 张三 elsewhere set apart (原副市长张三、…) and no
                # longer cut does (round 18, ext-208)
                apart = [c for c in seen if re.search(f"(?<![{CJK}]){re.escape(c[0])}(?=[、,;。)]|$)|"
                                                      f"(?<=[长记任员]){re.escape(c[0])}(?=[、,;。)]|$)", self.work)]
                if len(apart) == 1:
                    seen = apart
            if len(seen) != 1:
                # 免去A市口岸管理办公室主任职务 in a notice of a 市人民政府 that writes its units 市X局 (B任市乡村
                # 振兴局局长): the one cut whose unit opens with the issuer's level, as the notice's others do (round 12,
                # ext-131; a four-character name too, a name the surnames do not end)
                lv = re.search(r"([省市县区旗])人民政府$", self.ctx.notice.issuer or "")
                # (round 28, term34: the loose four-character cut competes here too: 鄂府任字〔2024〕4号)
                own = [c for c in cands + loose4 if lv and c[2][0].unit.startswith(lv.group(1))
                       and len(re.findall(f"(?<=[任为]){lv.group(1)}[{CJK}]{{2,}}", self.work)) >= 2] if lv else []
                if len(own) != 1:
                    self.ctx.warn(f"removal whose name is uncertain: {s[:20]!r}")
                    return False
                seen = own
            cands = seen
        if cands:
            nm, k, posts, _ = cands[0]
            name = squash(self.src[a:a + k])
            self.emit(name, posts, ev_a, b, "end")
            st["person"] = name
            return True
        return False

    def _continued(self, a: int, b: int, st: dict) -> bool:
        """A clause of a running list after 任命/免去: ``B为Y`` / ``C的Y职务``."""
        if st["mode"] in ("appoint", "propose") and "为" in self.work[a:b]:
            return self._appointed(a, b, st, a, "start" if st["mode"] == "appoint" else "proposed")
        held = self._bracketed_posts(a, b) if st["mode"] == "appoint" else None
        if held:
            # 任命…,B(某县副县长),C(…)、D(…)为副站长: a name with its posts in brackets cut from the list by a comma
            # belongs to the appointment the next clause makes (round 24, ext-357); none follows: nothing read
            st["pending"] = (a, held)
            return True
        sp = self.work.find(" ", a, b)
        if st["mode"] == "appoint" and sp != -1 and _is_name(self.work[a:sp]):
            pa = sp + 1
            while pa < b and self.work[pa] == " ":
                pa += 1  # 张三  区财政局局长: more than one space
            posts = self.posts(pa, b)  # 任命: 刘某 市财政局局长 (a name, a space, the post)
            if posts:
                name = squash(self.src[a:sp])
                self.emit(name, posts, a, b, "start")
                st["person"] = name
                return True
        if st["mode"] == "remove":
            return self._removal(a, b, st, a)
        return False

    def _subject_verb(self, a: int, b: int, st: dict) -> bool:
        for m in _SUBJECT_VERB.finditer(self.work, a, b):
            v = m.group("v")
            if m.start() > a and self.work[m.start() - 1] in _NOT_NOW and v not in words("propose") \
                    and not _RANK.search(self.work, max(a, m.start() - 2), m.start()):  # 少将出任: a rank, not 将
                continue
            if m.start() == a or len(v) == 1 and (self.work[m.start() - 1] in _VERB_INSIDE
                                                  or self.work[m.start() + 1:m.start() + 2] in _NOT_VERB_NEXT):
                continue
            if v == "为" and st["mode"] != "appoint" and not re.search("决定|关于", self.work[a:m.start()]):
                continue
            if v == "为" and _DECIDED_ALSO.fullmatch(self.work, a, m.start()):
                # 任命A为市人民政府副市长,并决定为代理市长: the person of the clause before
                if not st["person"] or st.get("career"):
                    return False
                posts = self.posts(m.end(), b, st["unit"])
                if not posts:
                    return False
                self.emit(st["person"], posts, a, b, "start")
                return True
            subj = self.subject(a, m.start()) or self._subject_list(a, m.start()) or self._titled_subject(a, m.start(), v)
            if not subj:
                by = self.work.rfind("由", a, m.start())
                if by != -1 and v in words("take"):
                    # 副主任由市商务委副主任刘敏、市绿化市容局副局长唐家富担任: the posts each holds
                    e = m.start() - (2 if self.work.startswith("同志", m.start() - 2) else 0)
                    if self._post_name_head(by + 1, e, st):
                        return True
                continue
            name, na, pre_posts, pre = subj
            names = name if isinstance(name, list) else [name]
            name = names[-1]
            if v == "为" and not (pre.endswith(("决定", "关于")) or st["mode"] == "appoint"):
                continue
            posts = self.posts(m.end(), b, st["unit"] if v in words("act") or v in words("take") else None)
            if not posts and v in words("act") and len(pre_posts) == 1 and not pre_posts[0].former:
                # 区人大常委会副主任A代理主任职务: a bare title acted in is of the unit of the post written
                # before the name (round 17, ext-258)
                posts = self.posts(m.end(), b, pre_posts[0].unit)
            also = self.work.find("以及", m.end(), b) if not posts and v in words("resign") else -1
            if also != -1:
                # 关于A、B两位同志辞去县人大常委会委员以及C等15位同志辞去县人大代表的辞呈: the post ends
                # where the next resignation begins (round 9, ext-96)
                posts = self.posts(m.end(), also)
            de = self.work.find("的", m.end(), b)
            if not posts and de != -1:
                # 担任新组建的退役部部长(任命): the post after a description, 任命 closing it
                tail = re.search(r"(?:的)?任命$", self.work[de + 1:b])
                posts = self.posts(de + 1, de + 1 + tail.start() if tail else b)
            if not posts:
                if pre_posts and v in words("take"):  # 财政部部长助理X兼任办公室主任 (a role in a group)
                    self.emit(name, pre_posts, a, b, "start")
                    st["person"] = name
                    if _BY_AGAIN.match(self.work, m.end(), b):
                        # 原由A职务B担任的某湖湖长调整为由C职务D担任: the clause names a second holder after
                        # 由 (round 26, ext-385)
                        a = self.work.rfind("由", m.end(), b) + 1
                        continue
                    return True
                continue
            how = "start"
            if v in words("take") and st.get("career"):
                continue
            if v in words("propose"):
                how = "proposed"
            elif v in words("resign"):
                # (鉴于A已辞去Y职务: a resignation before the notice, its month not given; round 17, ext-258)
                how = "ended" if self.work[m.start() - 1] == "已" else "end"
            elif v in words("act"):
                posts = [Post(p.unit, p.title if p.title.startswith("代理") else "代理" + p.title, p.note)
                         for p in posts]
            elif v == "为现任":
                how = "start"
            if v in words("move") and any(not p.former for p in pre_posts):
                # 市委常委、原宣传部部长X调任…: which posts written before the name are kept is not
                # said (a 原 post is left); warn rather than guess
                self.ctx.warn(f"{name}: posts before {v} ({', '.join(p.unit + p.title for p in pre_posts if not p.former)}) "
                              f"may be kept or left; not recorded")
                pre_posts = [p for p in pre_posts if p.former]
            if v in words("act"):
                # A副区长代理某区人民政府区长职务: the leader's own government, as the act names it
                pre_posts = _in_full_government(pre_posts, posts)
                # 甲市人民政府副市长A代理市长: the bare title acted in is of the government written before the
                # name, as the act with its full name is (round 25, ext-369)
                posts = _in_full_government(posts, pre_posts)
            for name in names:
                if pre_posts:
                    self.emit(name, pre_posts, a, b, "start")
                self.emit(name, posts, a, b, how)
            st["person"] = name
            return True
        return False

    def _titled_subject(self, a: int, b: int, v: str):
        """``决定A副区长代理…区长职务``: a local leader's title after the name, before an act or
        take verb (the person's current post): (name, start, [that post], prefix) as ``subject``."""
        if v not in words("act") and v not in words("take"):
            return None
        t = _LEADER_AFTER_NAME.search(self.work, a, b)
        if not t or t.start() <= a:
            return None
        subj = self.subject(a, t.start(), allow_posts=False)
        by = self.work.rfind("由", a, t.start())
        if not subj and by != -1 and v in words("take"):
            # 原由A副省长担任的某湖湖长调整为…: the holder named after 由 (round 26, ext-385)
            a = by + 1
            subj = self.subject(a, t.start(), allow_posts=False)
        posts = self.posts(t.start(), b)
        if not subj or not posts or subj[3] == "" and a > 0 and self.work[a - 1] not in ",;。\n由":
            return None
        return subj[0], subj[1], posts, subj[3]

    def _subject_list(self, a: int, b: int):
        """``张三、李四同志`` before a verb at b (after nothing, a lead-in, or 决定/同意):
        (names, start, [], prefix) as ``subject`` gives, or None."""
        s = self.work[a:b]
        if "、" not in s:
            return None
        pm = re.match("(?:.*(?:决定|同意|批准|关于))?", s)
        pre = s[:pm.end()]
        if pre and not pre.endswith(("决定", "同意", "批准", "关于")):
            return None
        lead = _LEADIN.match(s, pm.end())
        start = a + (lead.end() if lead and lead.end() < len(s) else pm.end())
        who = self.names(start, b)
        if not who or len(who) < 2:
            return None
        return [n for n, _, _ in who], start, [], self.work[a:start]

    def _entry_posts(self, a: int, b: int, st: dict):
        """``现任Y`` / ``拟提名为Y候选人`` in a 公示 entry."""
        if not st["entry"]:
            return
        c = self.work[a:b]
        name, _ = st["entry"]
        for w in words("current"):
            if c.startswith(w):
                posts = self.posts(a + len(w), b)
                if posts:
                    self.emit(name, posts, a, b, "start", note=w)
                return
        for w in words("propose"):
            if c.startswith(w):
                posts = self.posts(a + len(w), b)
                if posts:
                    self.emit(name, posts, a, b, "proposed")
                return

    def _proposed(self, a: int, b: int):
        """``拟任兰溪市委书记的朱瑞俊`` / ``拟提名为兰溪市长候选人的蔡艳``."""
        for m in _PROPOSE.finditer(self.work, a, b):
            pa = m.start("posts")
            take = _TAKE_AT.match(self.work, pa, m.end("posts"))
            if take:  # 拟提名担任市外经贸局长的张三: the verb is no part of the post
                pa = take.end()
            posts = self.posts(pa, m.end("posts"))
            if not posts:
                continue
            ra = m.start("rest")
            cands = [k for k in (3, 2, 4) if ra + k <= m.end("rest") and _is_name(self.work[ra:ra + k])]
            if len(cands) > 1:
                counts = [self.work.count(self.work[ra:ra + k]) for k in cands]
                top = [k for k, n in zip(cands, counts) if n == max(counts)]
                if len(top) > 1:
                    nxt = [k for k in top if self.work[ra + k:ra + k + 1] in ("和", "为", "与", "及", "")]
                    top = nxt if len(nxt) == 1 else top
                if len(top) > 1:
                    self.ctx.warn(f"proposed post whose person is uncertain: {self.work[ra:ra + 6]!r}")
                    continue
                cands = top
            if cands:
                k = cands[0]
                self.emit(squash(self.src[ra:ra + k]), posts, m.start(), ra + k, "proposed")

    # -- posts before names ----------------------------------------------------------------

    def _post_names(self, a: int, b: int, st: dict):
        """``省委书记、省人大常委会主任钱运录`` / ``副主任马淑洁、李希明…及秘书长傅亚文出席会议``."""
        c = self.work[a:b]
        if _NOT_NOW_WORD.search(c):
            return  # 杭州市市长张三辞职: a post that ends, not one held
        if _PAST.search(self.work, a if self._sa is None else self._sa, a):
            return  # 当时报道提及,省政府党组成员张三出席…: a post at an earlier time, not at the notice's
        behalf_of = _ENTRUSTED.fullmatch(c)
        if behalf_of:
            # 受某市人大常委会主任委托,副主任张三主持会议: the titles that follow are that body's
            posts = self.posts(a + behalf_of.start("p"), a + behalf_of.end("p"))
            if posts:
                st["unit"] = posts[-1].unit
                return
        cand = _CANDIDATE.fullmatch(c)
        if cand and self._candidate(a, b, cand, st):
            return
        tm = _TITLE_NAME.search(c) or _TITLE_DOTTED.search(c)
        if not tm:
            lead = _LEADIN_OR_CURRENT.match(c)
            if lead and lead.end() < len(c):
                # 由张三副市长负责,…: a name and its leader's title after a lead-in (round 14, ext-195)
                a += lead.end()
                c = c[lead.end():]
            cuts = [m.start() for m in _FOLLOW.finditer(c) if m.start() >= 3]
            if cuts:
                self._name_title(a, c, cuts)
            return
        de = max(c.rfind("的", 0, tm.start()), c.rfind("对", 0, tm.start()))
        if de != -1:  # 新任命的市财政局局长王明… / 区审计局对区财政局局长…: the posts start after 的 / 对
            charge = _IN_CHARGE.search(c, 0, de + 1)
            if charge and is_unit_like(charge.group("u")):
                # 市委组织部分管日常工作的副部长陈霖: the title after 的 is that unit's
                st["unit"] = self.src[a + charge.start("u"):a + charge.end("u")]
            a += de + 1
            c = c[de + 1:]
            have = re.match(r"(?:还|也)?有(?!关)", c)
            if have:
                # 参加视频会议的有市政府主管副市长A同志: those present are (round 11, ext-121); 的还有 / 的也有 alike
                a += have.end()
                c = c[have.end():]
        lead = _MEETING_LEADIN.match(c) or _LEADIN_OR_CURRENT.match(c) or _MEETING_BY.match(c)
        if lead and lead.end() < len(c):
            a += lead.end()
            c = c[lead.end():]
        # 吕江同志代市长李延春作…报告: 代 after a person is "on behalf of", not an acting post
        behalf = _BEHALF.match(c) if "代" in c else None
        if behalf and (behalf.group(2) or _is_name(behalf.group(1))) and _TITLE_NAME.search(c, behalf.end()):
            a += behalf.end()
            c = c[behalf.end():]
        cuts = sorted({m.start() for rx in (_FOLLOW, _RANK) for m in rx.finditer(c) if m.start() >= 3}) + [len(c)]
        if self._name_title(a, c, cuts):
            return
        for i in cuts:
            got = self._post_name_head(a, a + i, st)
            if got:
                tail = c[i:]
                con = re.match(r"(?:以及|及|和)", tail)
                # 副市长A宣读了市人民政府市长B提请的议案: a verb that opens a clause (leadin, ending in 了)
                # goes on to the next post and name
                lead = _LEADIN_OR_CURRENT.match(tail)
                con = con or (lead if lead and lead.group().endswith("了") else None)
                if con:
                    self._post_names(a + i + con.end(), b, st)
                return

    def _candidate(self, a: int, b: int, cand: re.Match, st: dict) -> bool:
        """``党委委员、副镇长候选人A`` (a meeting before an election): the post 候选人 closes is
        proposed, the posts before it are held now."""
        name = cand.group("n")
        if not _is_name(name):
            return False
        p = cand.group("p")
        cut = p.rfind("、")
        head = self.posts(a, a + cut, st["unit"]) if cut > 0 else []
        if cut > 0 and not head:
            return False
        last = self.posts(a + cut + 1, a + len(p), head[-1].unit if head else st["unit"])
        if not last:
            return False
        nm = squash(self.src[a + cand.start("n"):a + cand.end("n")])
        if head:
            self.emit(nm, head, a, b, "start")
        self.emit(nm, last, a, b, "proposed")
        st["person"], st["unit"] = nm, last[-1].unit
        return True

    def _name_title(self, a: int, c: str, cuts: list[int]) -> bool:
        """``栗战书委员长主持会议``: a name, then a leader's title whose unit goes without saying."""
        for i in cuts:
            for k in (2, 3, 4):  # the longest title first: 张三副区长 is 张三's 副区长
                t = c[k:i]
                if i - k < 2 or not default_unit(t) or not _is_name(c[:k]):
                    continue
                posts = [Post(in_script(default_unit(t), t, self.src[a + k:a + i]), self.src[a + k:a + i])]
                self.emit(squash(self.src[a:a + k]), posts, a, a + i, "start")
                return True
        return False

    def _dotted_name(self, a: int, b: int, unit: str | None):
        """``区长买买提·艾力`` at work[a:b]: posts, then a name written with a middle dot (``·`` or ``•``,
        as Uyghur and Tibetan names are; round 18, ext-215..218) -> (posts, the name's length), or None.
        The name's first part is cut where the posts before it read; two cuts that both read are a guess
        (None)."""
        m = _DOTTED_TAIL.search(self.work, a, b)
        if not m or m.end() != b:
            return None
        got = []
        dot = m.start("dot")
        for na in range(max(a, dot - 7), dot - 1):
            if not re.fullmatch(f"[{CJK}]+", self.work[na:dot]) or na == a or self.work[na - 1] == "、":
                continue
            posts = self.posts(a, na, unit)
            if posts:
                got.append((posts, b - na))
        return got[0] if len(got) == 1 else None

    def _post_name_head(self, a: int, b: int, st: dict) -> bool:
        """``A职务B、C、D职务E`` at work[a:b]: each run of posts goes to the names after it."""
        items = []
        pos = a
        for it in self.work[a:b].split("、"):
            items.append((pos, pos + len(it)))
            pos += len(it) + 1
        groups = []  # [posts, [(name, start, end)]]
        posts_from = a  # start of the posts phrase being read
        unit = st["unit"]
        unnamed = False
        for i, (ia, ib) in enumerate(items):
            if groups and posts_from is None and _UNNAMED_LEADER.fullmatch(self.work, ia, ib):
                unnamed = True  # …、区监察委负责同志: the run goes on to the end without names
                continue
            if unnamed:
                return False
            if groups and groups[-1][1] and posts_from is None and (
                    _is_name(self.work[ia:ib], loose=True)
                    # 副主任A、宝玉、B: a name of no surname the lexicon knows, between two names of the run (a
                    # Mongolian name; round 32, ext-412)
                    or i + 1 < len(items) and _delimited_name(self.work[ia:ib])
                    and self.work[ia:ib] not in _NOT_NAME_WORDS and _is_name(self.work[slice(*items[i + 1])], loose=True)):
                groups[-1][1].append((squash(self.src[ia:ib]), ia, ib))
                continue
            if posts_from is None:
                posts_from = ia
                rel = _RELATIVE_OPEN.match(self.work, ia, ib)
                if groups and rel and not is_unit_like(rel.group(1)):
                    # …、表决通过的人大办公室主任A (as 新当选的镇长B before it): a relative clause opens the
                    # next entry's posts (round 14, ext-192)
                    posts_from = rel.end()
            got = None
            note = _NAME_NOTE_END.search(self.work, ia, ib)
            for k in (3, 2, 4):
                if ib - ia <= k or not _is_name(self.work[ib - k:ib], loose=True):
                    continue
                if note and k == 4 and _is_name(self.work[note.start() - 2:note.start()]):
                    continue  # 徐冰常务: a name of two and a note, not a name of four (read below)
                posts = self.posts(posts_from, ib - k, unit)
                if posts:
                    got = (posts, k)
                    break
            if not got and note and note.start() - ia > 2:
                for k in (3, 2):
                    nb = note.start()
                    if nb - ia > k and _is_name(self.work[nb - k:nb]) and (posts := self.posts(posts_from, nb - k, unit)):
                        got = (posts, k, nb)
                        break
            if not got and posts_from < ib:
                got = self._dotted_name(posts_from, ib, unit)
            if got:
                posts, k = got[:2]
                if len(got) == 3:
                    ib = got[2]  # the name ends before its note
                if not groups and self._carry:
                    posts = self._carry + posts  # the posts before the comma (round 14, ext-198)
                cut = 0
                if self.work[ib - 1] == "同" and not self.work[ib:].strip() and "同志" in self.work[max(a - 200, 0):ib]:
                    # …担任总召集人,省气象局局长白海同 (the copy ends there, its sentence writes A同志): 同 opens
                    # 同志 the cut took away (round 9, ext-94)
                    cut = 1
                    self.ctx.warn(f"the text ends inside {self.work[ib - k:ib]!r}: read as {self.work[ib - k:ib - 1]!r} + 同(志)")
                groups.append((posts, [(squash(self.src[ib - k:ib - cut]), ib - k, ib - cut)]))
                unit = posts[-1].unit
                posts_from = None
            elif not self.posts(ia, ib, unit):
                return False
        if not groups or posts_from is not None:
            return False
        for posts, who in groups:
            for name, _, _ in who:
                self.emit(name, posts, a, b, "start")
        st["person"] = groups[-1][1][-1][0]
        st["unit"] = unit
        return True


# 2012年3月当选兰溪市长 / 于今年1月当选…: when a post held now began.
# A second 由…担任 later in the clause (原由A担任的…调整为由B担任)
_BY_AGAIN = re.compile(r"的[^,;。由]{1,30}?调整为由[^,;。由]{2,60}?担任")

# A post's bracket giving its term in full (round 28, term34; 鄂府任字〔2024〕4号: 'A挂职任X(挂职时间为一年,2024年1月至
# 2025年1月)'): both months with their years, or a start month held 至今; one range only, else none.
_BRACKET_TERM = re.compile(r"((?:19|20)\d{2})年(\d{1,2})月(?:\d{1,2}日)?\s*(?:至|到|[-—~－])\s*"
                           r"(?:((?:19|20)\d{2})年(\d{1,2})月(?:\d{1,2}日)?|(至今|今))")


def _bracket_term(note: str) -> tuple[str, str | None] | None:
    """The (start, end) months a post's bracket states, end None when held 至今.

    >>> _bracket_term("挂职时间为一年,2024年1月至2025年1月")
    ('2024-01', '2025-01')
    >>> _bracket_term("试用期一年") is None, _bracket_term("2024年1月至3月") is None
    (True, True)
    """
    ms = list(_BRACKET_TERM.finditer(note))
    if len(ms) != 1 or re.search(r"(?:19|20)\d{2}年", note[:ms[0].start()] + note[ms[0].end():]):
        return None
    m = ms[0]
    months = [int(m.group(2))] + ([int(m.group(4))] if m.group(4) else [])
    if not all(1 <= x <= 12 for x in months):
        return None
    start = f"{int(m.group(1)):04d}-{months[0]:02d}"
    end = f"{int(m.group(3)):04d}-{months[1]:02d}" if m.group(3) else None
    if end and end < start:
        return None
    return start, end


# (round 28, term34: '2009年1月至今任X' (ext-31) is a start too, of the post the sentence's person holds up to the
# notice, which may end it: a former post takes the start as well; the person must be named in the sentence)
_DATED_START = re.compile(r"((?:19|20)\d{2}年|今年|去年)(\d{1,2})月(?:\d{1,2}日)?(起|至今)?(?:当选为?|當選為?|出任|担任|擔任|任)"
                          r"([^,;。!?\n]{2,40})")


def _dated_starts(r: _Reader):
    """Set ``start`` on a current post whose beginning the notice dates (a career sentence).

    The post is the one with the dated title held by the person the sentence names, else the only
    current post with that title and a matching unit; anything else is left alone. ``X年X月至今任``
    (round 28) dates a post held up to the notice, current or ended by it, of the person the
    sentence names only. Titles and units are compared in Simplified script (a Traditional notice).
    """
    year = int(r.date[:4]) if r.date else None
    for m in _DATED_START.finditer(r.work):
        y = m.group(1)
        yy = int(y[:4]) if y[0].isdigit() else (year if y == "今年" else year - 1 if year else None)
        if yy is None or not 1 <= int(m.group(2)) <= 12:
            continue
        phrase = re.sub(r"\([^()]*\)", "", strip_duty(m.group(4)))
        # the phrase in the source's script (the work text is Simplified, character for character)
        src_phrase = r.src[m.start(4):m.start(4) + len(phrase)] if len(r.src) == len(r.work) else ""
        title = title_suffix(phrase)
        if not title:
            continue
        posts = parse_post_phrase(phrase)
        since = m.group(3) == "至今"
        cur = [f for f in r.facts if to_simplified(f["title"]) == title and (since or not f.get("former"))
               and not f.get("proposed") and "start" not in f and "end" not in f]
        sa = max(r.work.rfind(c, 0, m.start()) for c in "。!?\n")
        # the person the sentence names, unless the dated post is in another unit
        named = [f for f in cur if to_simplified(f["person"]) in r.work[sa + 1:m.start()]
                 and (not posts or any(_same_unit(to_simplified(f["unit"]), p.unit) for p in posts))]
        if not named and not since:
            named = [f for f in cur if any(_same_unit(to_simplified(f["unit"]), p.unit) for p in posts)]
        if len({f["person"] for f in named}) == 1 and len(named) == 1:
            f = named[0]
            f.pop("as_of", None)  # a term (held since, no end) stands for the post
            f["start"] = f"{yy:04d}-{int(m.group(2)):02d}"
            short = to_simplified(f["unit"])
            full = [p.unit for p in posts if p.unit != short and p.unit.endswith(short)]
            if since and len(full) == 1 and to_simplified(src_phrase) == phrase and full[0] in phrase:
                # written short before (原區委書記A) and in full in the dated sentence: one post, the full name's
                i = phrase.index(full[0])
                f["unit"] = src_phrase[i:i + len(full[0])]


def _same_unit(a: str, b: str) -> bool:
    ga, gb = (re.sub(r"^.+?([省市区县旗])人民政府$", r"\1人民政府", u) for u in (a, b))
    return a == b or ga == gb or a.endswith(b) or b.endswith(a)


def build_appointments(ctx: NoticeContext, known: list[dict] = ()) -> list[dict]:
    """``known``: facts read before (member lists), whose persons the prose reader leaves alone."""
    r = _Reader(ctx)
    r.read()
    read_prose_posts(r, known)  # posts before names in news prose the rules did not read
    _dated_starts(r)
    return r.facts + r.members
