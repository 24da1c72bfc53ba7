"""The structure of a notice: outline numbering, sentences, flattened tables.

Notices number their parts 一、 (一) 1、 (1); text from the web often arrives
with the layout flattened onto one line, so markers are found by their shape
*and* by their sequence (the next marker must continue the numbering).

>>> o = Outline("一、总则 1、甲。 2、乙。 二、分工 (一)区财政局:负责。 1、丙。")
>>> [(m.level, m.number) for m in o.markers]
[(1, 1), (3, 1), (3, 2), (1, 2), (2, 1), (3, 1)]
>>> o.ref_at(len("一、总则 1、甲。 2、乙。 二、分工 (一)区财政局:负责。 1、丙"))
'二.(一).1'
"""

from __future__ import annotations

import bisect
import functools
import re
from dataclasses import dataclass, field

__all__ = ["Marker", "Outline", "cn_number", "sentences", "Table", "find_tables", "attachment_start"]

_CN_DIGITS = {"零": 0, "一": 1, "二": 2, "三": 3, "四": 4, "五": 5, "六": 6, "七": 7, "八": 8, "九": 9}


def cn_number(s: str) -> int:
    """Value of a numeral written in Chinese or digits.

    >>> cn_number("十二"), cn_number("二十三"), cn_number("九")
    (12, 23, 9)
    """
    if s.isdigit():
        return int(s)
    if "十" in s:
        a, _, b = s.partition("十")
        return (_CN_DIGITS.get(a, 1) if a else 1) * 10 + (_CN_DIGITS.get(b, 0) if b else 0)
    return _CN_DIGITS.get(s, 0)


@dataclass
class Marker:
    level: int  # 1: 一、  2: (一)  3: 1、/1.  4: (1)
    number: int
    start: int  # where the marker starts
    end: int  # where its text starts
    label: str  # as written, e.g. "一" or "(一)" or "1"


# A marker starts the text or follows a space or one of 。;:!?)]. The test sits after the marker's
# first character (that character not preceded by any other), so that the regex engine can skip
# to the characters a marker may start with.
_NOT_BOUND = r"[^\s。;:!?）)\]]"  # what may not come right before a marker
_CN = "[一二三四五六七八九十]"
_PATTERNS = [
    (1, re.compile(rf"({_CN}(?<!{_NOT_BOUND}{_CN}){_CN}{{0,2}})\s*、")),
    (2, re.compile(rf"\((?<!{_NOT_BOUND}\()\s*({_CN}{{1,3}})\s*\)")),
    (3, re.compile(rf"(\d(?<!{_NOT_BOUND}\d)\d{{0,2}})\s*(?:、|\.(?!\d)|\.(?=\d{{1,2}}月\d{{0,2}}日?[前底])|．)")),
    (4, re.compile(rf"\((?<!{_NOT_BOUND}\()\s*(\d{{1,2}})\s*\)")),
]


class Outline:
    """Outline markers of a text, kept only where their numbering continues."""

    def __init__(self, work: str):
        self.work = work
        found: list[Marker] = []
        for level, rx in _PATTERNS:
            for m in rx.finditer(work):
                found.append(Marker(level, cn_number(m.group(1)), m.start(), m.end(),
                                    m.group(0).strip().rstrip("、.．")))
        found.sort(key=lambda mk: mk.start)
        # Keep markers whose number continues their level's sequence (or restarts at 1).
        last: dict[int, int] = {}
        kept: list[Marker] = []
        for mk in found:
            prev = last.get(mk.level, 0)
            if mk.number == prev + 1 or mk.number == 1:
                kept.append(mk)
                last[mk.level] = mk.number
        self.markers = kept
        self._starts = [mk.start for mk in kept]

    def enclosing(self, pos: int) -> dict[int, Marker]:
        """The innermost marker of each level that encloses ``pos``."""
        return dict(self._enclosing_after[bisect.bisect_right(self._starts, pos)])  # a fresh dict

    @functools.cached_property
    def _enclosing_after(self) -> list[dict[int, Marker]]:
        """What ``enclosing`` gives after the first k markers, for each k."""
        out: dict[int, Marker] = {}
        states = [dict(out)]
        for mk in self.markers:
            out[mk.level] = mk
            for lv in range(mk.level + 1, 5):
                out.pop(lv, None)
            states.append(dict(out))
        return states

    def ref_at(self, pos: int) -> str:
        enc = self.enclosing(pos)
        parts = []
        for lv in (1, 2, 3, 4):
            if lv in enc:
                mk = enc[lv]
                parts.append(mk.label if lv in (1, 2) else str(mk.number))
        return ".".join(parts) or "0"

    def item_at(self, pos: int, levels=(2, 3, 4)) -> Marker | None:
        """The innermost numbered item (of ``levels``) that ``pos`` lies in."""
        enc = self.enclosing(pos)
        for lv in sorted(levels, reverse=True):
            if lv in enc:
                return enc[lv]
        return None


_SENT_END = re.compile(r"[。!?;]")


def sentences(work: str, start: int = 0, end: int | None = None) -> list[tuple[int, int]]:
    """Spans of sentences in ``work[start:end]`` (ends at 。!?; and at wide layout gaps)."""
    end = len(work) if end is None else end
    spans = []
    s = start
    for m in _SENT_END.finditer(work, start, end):
        if m.end() - s > 1:
            spans.append((s, m.end()))
        s = m.end()
    if end - s > 1:
        spans.append((s, end))
    out = []
    for a, b in spans:
        while a < b and work[a].isspace():
            a += 1
        while b > a and work[b - 1].isspace():
            b -= 1
        if b > a:
            out.append((a, b))
    return out


def attachment_start(work: str) -> int | None:
    """Where the attachments begin (the last ``附件:`` heading followed by its title), or None."""
    # (a page's metadata label with a link, 附件: https://…pdf, is no heading: round 17, ext-275)
    starts = [m.start() for m in re.finditer(r"(?:^|\s)附件\s*\d*\s*[:：](?!\s*(?:https?://|www\.))", work)]
    return starts[-1] if starts else None


@dataclass
class Table:
    """A flattened table: header columns and rows of (cells, span)."""

    start: int
    end: int
    columns: list[str]
    rows: list[dict] = field(default_factory=list)  # {"number", "start", "end", "tokens": [(tok, a, b)]}


_TOK = re.compile(r"\S+")
_NEXT_ATTACHMENT = re.compile(r"\n[ \t]*附件\s*\d{1,2}[ \t]*\n")
_HEADER_START = re.compile(r"(?:^|\s)序\s*号\s+")


def _tokens(work: str, a: int, b: int) -> list[tuple[str, int, int]]:
    return [(m.group(), m.start(), m.end()) for m in _TOK.finditer(work, a, b)]


def _merge_unit_tokens(toks):
    """Glue ``(个)``-like fragments and split header words back together."""
    out = []
    for t in toks:
        if out and re.fullmatch(r"\([^()]{0,6}\)", t[0]):
            p = out[-1]
            out[-1] = (p[0] + t[0], p[1], t[2])
        else:
            out.append(t)
    return out


def find_tables(work: str) -> list[Table]:
    """Flattened tables that start with a ``序号`` header followed by numbered rows."""
    tables = []
    for hm in _HEADER_START.finditer(work):
        hstart = hm.start() if not work[hm.start()].isspace() else hm.start() + 1
        # Header columns run until the first row number "1".
        pos = hm.end()
        cols = []
        first_row = None
        for t, a, b in _tokens(work, pos, min(len(work), pos + 200)):
            if t == "1":
                first_row = a
                break
            if re.search(r"[。;]", t) or len(cols) > 12:
                break
            cols.append((t, a, b))
        if first_row is None or not cols:
            continue
        columns = [c[0] for c in _merge_unit_tokens(cols)]
        # Rows: "N " markers in sequence; a marker must be followed by a cell of the same
        # kind as the first row's second token (text vs number).
        rows = []
        expect = 1
        # A table ends before the next attachment's heading on a line of its own (附件2).
        nxt_att = _NEXT_ATTACHMENT.search(work, first_row)
        table_limit = nxt_att.start() if nxt_att else len(work)
        toks = _tokens(work, first_row, table_limit)
        first_kind = None
        if len(toks) > 1:
            first_kind = toks[1][0].isdigit()
        row_starts = []
        for i, (t, a, b) in enumerate(toks):
            if t == str(expect) and i + 1 < len(toks):
                nxt = toks[i + 1][0]
                if first_kind is None or nxt.isdigit() == first_kind:
                    row_starts.append((expect, a, b))
                    expect += 1
        if not row_starts:
            continue
        # The table ends at the signature/印发 line, the next 附件 or a long prose run.
        tail_end = table_limit
        stop = re.compile(r"\s(?:[^\s]{2,30}(?:人民政府办公室|人民政府|办公室|委员会)\s+(?:19|20)\d{2}年\d{1,2}月\d{1,2}日|附件\s*[:：])")
        sm = stop.search(work, row_starts[-1][2])
        if sm:
            tail_end = sm.start()
        for j, (num, a, b) in enumerate(row_starts):
            e = row_starts[j + 1][1] if j + 1 < len(row_starts) else tail_end
            while e > b and work[e - 1].isspace():
                e -= 1
            rows.append({"number": num, "start": a, "end": e, "text_start": b,
                         "tokens": _tokens(work, b, e)})
        # Drop a trailing 合计/总计 row.
        if rows and rows[-1]["tokens"] and rows[-1]["tokens"][0][0] in ("合计", "总计"):
            rows.pop()
        for r in rows:
            toks_r = r["tokens"]
            for k, (t, a, b) in enumerate(toks_r):
                if t in ("合计", "总计") and k > 0:
                    r["tokens"] = toks_r[:k]
                    r["end"] = toks_r[k - 1][2]
                    break
        tables.append(Table(hstart, rows[-1]["end"], columns, rows))
    return tables
