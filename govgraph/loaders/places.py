"""Places: the jurisdiction a notice governs.

Every notice has a jurisdiction (``全国`` for the national level, else a place as
the text writes it, largest first: ``武汉市汉阳区``, ``上海市``, ``黄浦区``).  It is
read, in this order, from what the user states (``--place``, or a sidecar file
``govgraph-place.txt`` in the notice's folder), the issuer the header or the
signature gives, the signature lines, the title, the first lines, and only then
from the table of document-number prefixes (``data/doc_prefixes.tsv``).  Each
derivation says how it was found and quotes its evidence.  A notice whose place
cannot be found gets a warning and a scope of its own (``?`` + its document
number), never another notice's.

What a place name is made of, and the place a unit name in a notice belongs to
(its scope), are rules of identity: ``govgraph.identity.scope``.

>>> place_of_org("银川市兴庆区人民政府办公室")
'银川市兴庆区'
>>> place_of_org("国务院办公厅"), place_of_org("区人民政府办公室")
('全国', None)
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from functools import lru_cache
from pathlib import Path

from ..identity.names import to_simplified
from ..identity import NATIONAL, NATIONAL_NAME, is_zone, leading_components, level_of, provinces_named, squash, unknown_scope
from .lexicon import alternation, data_lines, data_rows
from .mentions import is_person_name, title_suffix

__all__ = ["SIDECAR", "Jurisdiction", "place_of_org", "jurisdiction", "read_sidecar"]

SIDECAR = "govgraph-place.txt"
_CJK = "\u4e00-\u9fff"
# what may follow a place in the name of a notice's issuer found in running text
# (a term may stand between the place and its body: 龙湖区七届人大常委会举行第十三次会议; round 32, ext-416)
_GOV_REST = re.compile(r"(?:第?[一二三四五六七八九十]{1,3}[届屆])?"
                       r"(?:人民政府|政府|人大常委会|人民代表大会|街道办事处|办事处|党工委|管委会|委员会|人民政府办公)")
# a signature line: an organisation (and perhaps its date) alone on a short line
_SIGN_LINE = re.compile(r"[ \t\u3000\xa0]*[^\n，,。；;：:]{2,40}[ \t\u3000\xa0]*$", re.M)
_SET_UP_START = re.compile(alternation(data_lines("body_changes.txt")))
_RUN = re.compile(rf"(?:^|(?<=[^{_CJK}]))[{_CJK}]{{3,}}", re.M)
_CJK_RUN = re.compile(rf"[{_CJK}]+")
# an election or appointment verb opening a run (补选X镇人民政府镇长, 任命…): no part of a place's name
_APPOINT_START = re.compile(alternation(sorted((r[0] for r in data_rows("appointment_words.tsv") if r[1:2] == ["appoint"]),
                                                key=len, reverse=True)))
# A run that opens with a duty's verb (承担市政府…文件, 指导全市政府系统…) or whose place would end in 全市
# (the whole city) names no organisation's place (round 16, ext-269, ext-273)
_VERB_OPEN = tuple(sorted({w for w, _ in data_rows("duty_verbs.tsv") if len(w) >= 2}
                          | {w for k, w in data_rows("duty_lists.tsv") if k == "opens"}, key=len, reverse=True))
_WHOLE = re.compile(r"全[省市州县区]$")
# a term (本届, 十三届, 第六届) or (并)报 opening a run: what follows may be a body without its place (报某市人民代表大会备案;
# round 23, ext-348)
# (据某市人大常委会办公厅官方微信消息: a news lead's source after 据, no part of the place; round 25, ext-370)
_NOT_PLACE_START = re.compile(r"(?:本|第?[一二三四五六七八九十]{1,3})[届屆]|(?:并|並)?(?:报|報)|(?:根|依)?[据據](?=[\u4e00-\u9fff]{3})")
_TRAD = str.maketrans("辦書縣區鎮鄉這個們國務院廳員會東關於開發產業標準", "办书县区镇乡这个们国务院厅员会东关于开发产业标准")


@lru_cache(maxsize=1)
def _doc_prefixes() -> list[tuple[str, str]]:
    out = []
    for ln in data_lines("doc_prefixes.tsv"):
        prefix, _, place = ln.partition("\t")
        if prefix.strip() and place.strip():
            out.append((prefix.strip(), place.strip()))
    return sorted(out, key=lambda x: -len(x[0]))


_ORG_PREFIX = re.compile("^" + alternation(data_lines("issuer_prefixes.txt")))


def place_of_org(name: str | None, rest=None) -> str | None:
    """The place an organisation's name starts with (``全国`` for national bodies);
    None if it names none.  ``rest``: a pattern what follows the place must match."""
    if not name:
        return None
    # in Simplified script: 已經市政府 is no place (已经), X州市 in Traditional script is read in Simplified (a copy in Traditional script; round 15, ext-245)
    n = to_simplified(squash(name))
    n = _ORG_PREFIX.sub("", n)  # 中共…, 政协… (issuer_prefixes.txt)
    if NATIONAL_NAME.match(n):
        # a zone the state names (国家东中西区域合作示范区(…)工作委员会) is no national body, nor
        # does its name say a place
        return None if n.startswith("国家") and is_zone(re.split(r"[(（]", n, maxsplit=1)[0]) else NATIONAL
    comps = leading_components(n)
    if not comps:
        return None
    if len(comps) > 1 and n.startswith(comps[0][0] + "委"):
        comps = comps[:1]  # 中共苏州市委苏州市人民政府 (two issuers glued): the 市委's place, not 苏州市 + 委苏州 (round 21, ext-341)
    place = "".join(c for c, _ in comps)
    tail = n[len(place):]
    if rest is not None and not rest.match(tail):
        return None
    if len(tail) < 2 and rest is None and len(comps) == 1 and not n.endswith(("人民政府", "政府")):
        return None
    return place


@dataclass
class Jurisdiction:
    """Where a notice governs: ``place`` (``全国`` or a place; ``?DOC`` when unknown),
    ``level``, ``how`` it was found and the ``evidence`` (a quote with offsets into
    the notice text when the text says it; else ``None`` and ``note`` says why)."""

    place: str
    level: str
    how: str
    evidence: dict | None = None
    note: str = ""
    warnings: list[str] = field(default_factory=list)

    def to_dict(self) -> dict:
        d = {"place": self.place, "level": self.level, "how": self.how}
        if self.evidence:
            d["evidence"] = self.evidence
        if self.note:
            d["note"] = self.note
        return d


def _quote(text: str, s: str, start: int = 0, last: bool = False) -> dict | None:
    i = text.rfind(s) if last else text.find(s, start)
    if i < 0:
        return None
    return {"text": s, "start": i, "end": i + len(s)}


def _addressed(text: str) -> frozenset:
    """The units of the addressee line before the text's first colon (``隆阳区人民政府,市政府各工作部门…:``), in
    Simplified."""
    m = re.match(r"[^。:：]{2,200}?[:：]", text)
    line = m.group()[:-1].rsplit("\n", 1)[-1] if m else ""
    return frozenset(to_simplified(x.strip(" \t\u3000\xa0")) for x in re.split(r"[,，、]", line) if x.strip())


def _scan(text: str, last: bool, addressed: frozenset = frozenset()) -> tuple[str, dict] | None:
    """An issuer-like organisation with a place (``X市人民政府``, ``X区人大常委会``)
    starting a line or after a non-Chinese character: its place and quote."""
    found = None
    # not the addressees (a line ending with a colon) nor documents cited in 《》: same offsets
    text = re.sub(r"《[^《》\n]*》|^[^\n]*[:：][ \t\u3000\xa0]*$", lambda m: " " * len(m.group(0)), text, flags=re.M)
    set_up_end = -2  # where a list of bodies set up (…,新设立A街道办事处、B街道办事处) goes on
    list_end = -2  # where a list of units after a relative one (州环保局、巴东县政府、…) goes on
    for m in _RUN.finditer(text):
        lead = _APPOINT_START.match(m.group(0))
        if lead and len(m.group(0)) - lead.end() >= 3:
            # 补选X镇人民政府镇长: the body after an election or appointment verb (round 14, ext-192)
            m = _CJK_RUN.match(text, m.start() + lead.end())
        lead = _NOT_PLACE_START.match(m.group(0))
        if lead:
            # 本屆深圳市政府班子 / 十三届县政府 / 并报州…: a term or a verb before the body, no part of a place's name
            # (round 18, ext-208, ext-213, ext-209)
            m = _CJK_RUN.match(text, m.start() + lead.end())
            if not m:
                continue
        if _SET_UP_START.match(m.group(0)) or (m.start() == set_up_end + 1 and text[set_up_end] == "、"):
            set_up_end = m.end()
            continue  # bodies set up (and listed with them), not the notice's issuer (round 6, ext-61)
        run = to_simplified(m.group(0))  # (a copy in Traditional script: 龍湖區七屆人大常委會; round 32, ext-416)
        gov = _GOV_REST.search(run, 2)
        if not gov:
            continue
        if last and run[gov.end():] and not run[gov.end():].startswith(("办公", "文件")) \
                and re.search(rf"[{_CJK}][ \t\u3000\xa0]+$", text[text.rfind("\n", 0, m.start()) + 1:m.start()]):
            continue  # 张三 某市人民政府市长: a member list's line (a name, a post), no signature (round 13, ext-166)
        if m.start() and text[m.start() - 1] in "(（" and re.fullmatch(
                rf"[{_CJK}]{{2,4}}", re.sub(r"[ \t\u3000]", "", text[text.rfind("\n", 0, m.start()) + 1:m.start() - 1])):
            continue  # 张 三(某区政府副区长): a member's post in brackets after the name, no issuer (round 15, ext-239)
        if not last and run[:gov.end()] in addressed:
            # 隆阳区人民政府,市政府各工作部门…: a unit the notice is addressed to is not its issuer, there or later in its
            # text (…,隆阳区人民政府编制了…; round 32, ext-425)
            continue
        if not last and m.start() and text[m.start() - 1] in "(（":
            continue  # 「两会」(全国政治协商会议和全国人民代表大会): an aside in brackets, no issuer (round 32, rm-08)
        if m.start() and text[m.start() - 1].isdigit():
            continue  # …于2015年5月18日前报市政府: a date's tail (日前报市), no organisation's name (round 12, ext-150)
        before = re.search(rf"[{_CJK}]+$", text[:m.start() - 1]) if text[m.start() - 1:m.start()] == "、" else None
        if not last and before and "".join(c for c, _ in leading_components(before.group())) == before.group():
            continue  # 祥霖铺镇、上关街道办事处主要负责人作典型发言: one of several places listed (round 9, ext-101)
        if not last and ((before and re.fullmatch(r"[省市州县区旗][\u4e00-\u9fff]{1,10}(?:局|委|办|厅|部|中心)", before.group()))
                         or (m.start() == list_end + 1 and text[list_end] == "、")):
            # 州环保局、巴东县政府、建始县政府为协办单位: units a sentence lists after a unit of the notice's own
            # level written without its place, and the rest of its list (round 13, ext-166)
            list_end = m.end()
            continue
        if last and not _SIGN_LINE.match(text, text.rfind("\n", 0, m.start()) + 1):
            continue  # in the tail only a signature line counts, not a sentence (团结带领市政府…)
        p = place_of_org(m.group(0)[:40], rest=_GOV_REST)
        if p and not last and len(p) == 4 and is_person_name(p[:-1]) and run.startswith("政府", len(p)) and title_suffix(run):
            continue  # 冯某市政府副秘书长: a name glued to its post in a member entry, no place (round 32, ext-423)
        if p and (run.startswith(_VERB_OPEN) or _WHOLE.search(p)):
            continue
        if p:
            s0 = m.start()
            n = len(p)
            if p == NATIONAL:
                n = NATIONAL_NAME.match(re.sub("^中共", "", m.group(0).translate(_TRAD))).end() + \
                    (2 if m.group(0).startswith("中共") else 0)
            hit = (p, {"text": text[s0:s0 + n], "start": s0, "end": s0 + n})
            if not last:
                return hit
            found = hit
    return found


def read_sidecar(folder: str | Path) -> str | None:
    """The place a folder's sidecar file (``govgraph-place.txt``) states, if any."""
    p = Path(folder) / SIDECAR
    try:
        lines = [ln.strip() for ln in p.read_text(encoding="utf-8").splitlines()]
    except OSError:
        return None
    lines = [ln for ln in lines if ln and not ln.startswith("#")]
    return squash(lines[0]) if lines else None


def jurisdiction(notice, given: str | None = None, how: str = "user") -> Jurisdiction:
    """The jurisdiction of ``notice`` (see the module docstring for the order).

    >>> from govgraph.notice import Notice
    >>> n = Notice(doc="阳政办〔2018〕5号", text="决定成立…… 武汉市汉阳区人民政府办公室 2018年2月24日",
    ...            issuer="武汉市汉阳区人民政府办公室")
    >>> j = jurisdiction(n)
    >>> j.place, j.level, j.how, n.text[j.evidence["start"]:j.evidence["end"]]
    ('武汉市汉阳区', 'county', 'issuer', '武汉市汉阳区')
    >>> jurisdiction(Notice(doc="国办函〔2005〕57号", text="……")).how
    'doc-prefix'
    >>> j = jurisdiction(Notice(doc="x1", text="各部门：……"))
    >>> j.place, j.level, len(j.warnings)
    ('?x1', 'unknown', 1)
    """
    text = notice.text or ""
    if given:
        place = squash(given)
        if place in ("national", "全国", "中国"):
            place = NATIONAL
        return Jurisdiction(place, level_of(place), how, None, note=f"stated by the {how}")
    issuer = notice.issuer
    if issuer:
        p = place_of_org(issuer)
        if p:
            ev = _quote(text, issuer, last=True) or _quote(text, issuer.translate(_TRAD), last=True)
            if ev is not None:
                ev = {"text": text[ev["start"]:ev["start"] + len(p)] if p != NATIONAL else ev["text"],
                      "start": ev["start"], "end": ev["start"] + (len(p) if p != NATIONAL else len(ev["text"]))}
                if p != NATIONAL and ev["text"].translate(_TRAD) != p:
                    ev = {"text": issuer, "start": ev["start"], "end": ev["start"] + len(issuer)}
            return Jurisdiction(p, level_of(p), "issuer", ev, note=f"issuer {issuer}")
    tail_start = max(0, len(text) - 200)
    tail = text[tail_start:]
    for m in re.finditer(r"^[ \t\u3000\xa0]*(国务院(?:办公厅)?)[ \t\u3000\xa0]*$", tail, re.M):
        s = tail_start + m.start(1)
        return Jurisdiction(NATIONAL, "national", "signature",
                            {"text": m.group(1), "start": s, "end": s + len(m.group(1))})
    hit = _scan(tail, last=True)
    if hit:
        p, ev = hit
        ev = {"text": ev["text"], "start": ev["start"] + tail_start, "end": ev["end"] + tail_start}
        return Jurisdiction(p, level_of(p), "signature", ev)
    if notice.title:
        p = place_of_org(notice.title, rest=_GOV_REST)
        if p:
            return Jurisdiction(p, level_of(p), "title", _quote(text, notice.title[:len(p)]),
                                note=f"title {notice.title}")
    hit = _scan(text[:400], last=False, addressed=_addressed(text)) if len(provinces_named(text[:400])) < 2 else None
    if hit:
        p, ev = hit
        return Jurisdiction(p, level_of(p), "text", ev)
    head = re.split(r"[〔\[(（【]", notice.doc or "", maxsplit=1)[0]
    for prefix, place in _doc_prefixes():
        if head.endswith(prefix) and (len(head) == len(prefix) or not head[:-len(prefix)][-1:].isalpha()
                                      or head.startswith("根据")):
            return Jurisdiction(place, level_of(place), "doc-prefix", None,
                                note=f"document number {notice.doc}: prefix {prefix} (data/doc_prefixes.tsv)")
    scope = unknown_scope(notice.doc)
    w = (f"{notice.source} [{notice.doc}]: its place could not be read (no issuer, signature or title "
         f"naming one); its units and persons are kept in a scope of their own; state it with "
         f"--place or a {SIDECAR} file")
    return Jurisdiction(scope, "unknown", "unknown", None, warnings=[w])
