"""Places: the jurisdiction a notice governs, and the place a unit name belongs to.

Every notice has a jurisdiction (``全国`` for the national level, else a place as
the text writes it, largest first: ``武汉市汉阳区``, ``上海市``, ``黄浦区``).  It is
read, in this order, from what the user states (``--place``, or a sidecar file
``govgraph-place.txt`` in the notice's folder), the issuer the header or the
signature gives, the signature lines, the title, the first lines, and only then
from the table of document-number prefixes (``data/doc_prefixes.tsv``).  Each
derivation says how it was found and quotes its evidence.  A notice whose place
cannot be found gets a warning and a scope of its own (``?`` + its document
number), never another notice's.

A unit name is resolved inside a place (its *scope*): relative names (``区财政局``,
``市政府办公室``, ``各部门``) inside the notice's jurisdiction, at the level they
name; names that say their place (``上海市财政局``, ``汉阳区财政局``) in that place;
national names (``国务院办公厅``) nationally.

>>> components("武汉市汉阳区")
[('武汉市', 'city'), ('汉阳区', 'county')]
>>> place_of_org("银川市兴庆区人民政府办公室")
'银川市兴庆区'
>>> place_of_org("国务院办公厅"), place_of_org("区人民政府办公室")
('全国', None)
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
from dataclasses import dataclass, field
from functools import lru_cache
from pathlib import Path

from .lexicon import data_lines

__all__ = ["NATIONAL", "SIDECAR", "Jurisdiction", "components", "level_of", "place_of_org", "jurisdiction",
           "unit_scope", "place_matches", "read_sidecar", "is_unknown", "unknown_scope"]

NATIONAL = "全国"
SIDECAR = "govgraph-place.txt"
_CJK = "\u4e00-\u9fff"
_LEVELS = ("national", "province", "city", "county", "town")
_SUFFIXES = (("自治区", "province"), ("省", "province"), ("自治州", "city"),
             ("盟", "city"), ("州", "city"), ("市", "city"), ("自治县", "county"), ("自治旗", "county"),
             ("区", "county"), ("县", "county"), ("旗", "county"), ("街道", "town"), ("镇", "town"),
             ("乡", "town"))
_SUF = "|".join(s for s, _ in _SUFFIXES)
# one administrative component: a short name and its suffix (a one-character county: 涉县)
_COMP = re.compile(rf"(?P<c>[{_CJK}]{{2,8}}?(?:{_SUF})|[{_CJK}]县)")
_NOT_BODY = re.compile(r"人民|政府|办公|关于|委员|党委|有关|相关|印发|转发|通知|中心|公司|直辖|"
                       r"[的各局了去为任送过听议免在和与及对向于是将由把被等称经市区县省]")
_NATIONAL_RE = re.compile(r"^(?:国务院|全国人民代表大会|全国人大|中共中央|中央|国家|全国)")
# what may follow a place in the name of a notice's issuer found in running text
_GOV_REST = re.compile(r"(?:人民政府|政府|人大常委会|人民代表大会|街道办事处|办事处|党工委|管委会|委员会|人民政府办公)")
# a signature line: an organisation (and perhaps its date) alone on a short line
_SIGN_LINE = re.compile(r"[ \t\u3000\xa0]*[^\n，,。；;：:]{2,40}[ \t\u3000\xa0]*$", re.M)
_RUN = re.compile(rf"(?:^|(?<=[^{_CJK}]))[{_CJK}]{{3,}}", re.M)
_TRAD = str.maketrans("辦書縣區鎮鄉這個們國務院廳員會東關於開發產業標準", "办书县区镇乡这个们国务院厅员会东关于开发产业标准")


@lru_cache(maxsize=1)
def _not_places() -> tuple[str, ...]:
    return tuple(ln.strip() for ln in data_lines("not_places.txt"))


@lru_cache(maxsize=1)
def _national_units() -> frozenset:
    return frozenset(ln.strip() for ln in data_lines("national_units.txt"))


@lru_cache(maxsize=1)
def _doc_prefixes() -> list[tuple[str, str]]:
    out = []
    for ln in data_lines("doc_prefixes.tsv"):
        prefix, _, place = ln.partition("\t")
        if prefix.strip() and place.strip():
            out.append((prefix.strip(), place.strip()))
    return sorted(out, key=lambda x: -len(x[0]))


def _suffix_level(comp: str) -> str:
    for s, level in _SUFFIXES:
        if comp.endswith(s):
            return level
    return "county"


@lru_cache(maxsize=4096)
def _leading(name: str) -> tuple[tuple[str, str], ...]:
    """The administrative components a name starts with, with their levels."""
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
        if len(body) > longest or _NOT_BODY.search(body) or comp.endswith(_not_places()):
            break
        level = _suffix_level(comp)
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
    comps = list(_leading(place))
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
    return not scope or scope.startswith("?")


def unknown_scope(doc: str) -> str:
    """The scope of a notice whose place is unknown: its own."""
    return f"?{doc}"


def place_of_org(name: str | None, rest=None) -> str | None:
    """The place an organisation's name starts with (``全国`` for national bodies);
    None if it names none.  ``rest``: a pattern what follows the place must match."""
    if not name:
        return None
    n = re.sub(r"\s+", "", name).translate(_TRAD)
    n = re.sub(r"^中共", "", n)
    if _NATIONAL_RE.match(n):
        return NATIONAL
    comps = _leading(n)
    if not comps:
        return None
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


def _scan(text: str, last: bool) -> tuple[str, dict] | None:
    """An issuer-like organisation with a place (``X市人民政府``, ``X区人大常委会``)
    starting a line or after a non-Chinese character: its place and quote."""
    found = None
    # not the addressees (a line ending with a colon) nor documents cited in 《》: same offsets
    text = re.sub(r"《[^《》\n]*》|^[^\n]*[:：][ \t\u3000\xa0]*$", lambda m: " " * len(m.group(0)), text, flags=re.M)
    for m in _RUN.finditer(text):
        if not _GOV_REST.search(m.group(0), 2):
            continue
        if last and not _SIGN_LINE.match(text, text.rfind("\n", 0, m.start()) + 1):
            continue  # in the tail only a signature line counts, not a sentence (团结带领市政府…)
        p = place_of_org(m.group(0)[:40], rest=_GOV_REST)
        if p:
            s0 = m.start()
            n = len(p)
            if p == NATIONAL:
                n = _NATIONAL_RE.match(re.sub("^中共", "", m.group(0).translate(_TRAD))).end() + \
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
    return re.sub(r"\s+", "", lines[0]) if lines else None


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
        place = re.sub(r"\s+", "", given)
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
    hit = _scan(text[:400], last=False)
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


# ---------------------------------------------------------------- unit names

def _upto(comps: list[tuple[str, str]], level: str) -> str | None:
    """The place made of the components down to the last one of ``level``."""
    idx = [i for i, (_, lv) in enumerate(comps) if lv == level]
    if not idx:
        return None
    return "".join(c for c, _ in comps[: idx[-1] + 1])


@lru_cache(maxsize=100_000)
def unit_scope(name: str, place: str) -> str:
    """The place (scope) a unit named ``name`` in a notice of ``place`` belongs to."""
    n = re.sub(r"\s+", "", name or "")
    if not n:
        return place
    if _NATIONAL_RE.match(n) or n.startswith("中共中央") or re.sub(r"^中华人民共和国", "", n) in _national_units():
        return NATIONAL
    if n.startswith(("各", "有关", "相关")):
        return place
    comps = components(place)
    explicit = [c for c in _leading(n) if c[1] != "town"]  # a street or town is a unit of its county
    if explicit and len(n) - sum(len(c) for c, _ in explicit) >= 2:
        names = [c for c, _ in comps]
        if explicit[0][0] in names:
            i = names.index(explicit[0][0])
            return "".join(names[:i]) + "".join(c for c, _ in explicit)
        first = _LEVELS.index(explicit[0][1])
        above = [c for c, lv in comps if _LEVELS.index(lv) < first]
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
    q = re.sub(r"\s+", "", query or "")
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
