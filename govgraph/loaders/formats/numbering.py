"""Word's generated list numbers as text: a paragraph in a numbered list holds only its
words, Word adds ``一、`` / ``（一）`` / ``1.`` from ``numbering.xml`` when it shows it; the
notice's outline is in those numbers, so the reader writes them in.

>>> counter(3, "chineseCounting"), counter(12, "chineseCounting"), counter(3, "decimalEnclosedCircle")
('三', '十二', '③')
>>> counter(4, "lowerLetter"), counter(4, "upperRoman"), counter(2, "ideographTraditional")
('d', 'IV', '乙')
"""

from __future__ import annotations

from docx.oxml.ns import qn

__all__ = ["counter", "Numbering"]

_CN = "〇一二三四五六七八九"
_TIANGAN = "甲乙丙丁戊己庚辛壬癸"
_DIZHI = "子丑寅卯辰巳午未申酉戌亥"
_LEGAL = "零壹贰叁肆伍陆柒捌玖"
_ROMAN = [(1000, "M"), (900, "CM"), (500, "D"), (400, "CD"), (100, "C"), (90, "XC"), (50, "L"), (40, "XL"),
          (10, "X"), (9, "IX"), (5, "V"), (4, "IV"), (1, "I")]


def _chinese(n: int, digits: str = _CN, units: str = "十百千") -> str:
    """1 → 一, 10 → 十, 12 → 十二, 20 → 二十, 105 → 一百零五 (up to 9999)."""
    if n <= 0 or n > 9999:
        return str(n)
    parts, zero = [], False
    for value, unit in ((1000, units[2]), (100, units[1]), (10, units[0]), (1, "")):
        d = n // value % 10
        if d:
            if zero:
                parts.append(digits[0])
            parts.append(("" if (value == 10 and n < 20 and d == 1) else digits[d]) + unit)
            zero = False
        elif parts:
            zero = True
    return "".join(parts)


def _letters(n: int) -> str:
    return chr(ord("a") + (n - 1) % 26) * ((n - 1) // 26 + 1) if n > 0 else str(n)


def _roman(n: int) -> str:
    out = ""
    for value, s in _ROMAN:
        while n >= value:
            out, n = out + s, n - value
    return out


def counter(n: int, fmt: str) -> str:
    """The number ``n`` written in Word's number format ``fmt`` (``decimal``,
    ``chineseCounting``, ``decimalEnclosedCircle`` …; a bullet or ``none`` gives ``''``)."""
    if fmt in ("bullet", "none"):
        return ""
    if fmt in ("chineseCounting", "chineseCountingThousand", "taiwaneseCounting", "taiwaneseCountingThousand",
               "japaneseCounting", "koreanCounting"):
        return _chinese(n)
    if fmt == "chineseLegalSimplified":
        return _chinese(n, _LEGAL, "拾佰仟")
    if fmt in ("ideographDigital", "taiwaneseDigital", "japaneseDigitalTenThousand"):
        return "".join(_CN[int(c)] for c in str(n))
    if fmt == "ideographTraditional":
        return _TIANGAN[(n - 1) % 10]
    if fmt == "ideographZodiac":
        return _DIZHI[(n - 1) % 12]
    if fmt in ("decimalEnclosedCircle", "decimalEnclosedCircleChinese") and 1 <= n <= 20:
        return chr(0x2460 + n - 1)
    if fmt == "decimalFullWidth":
        return "".join(chr(0xFF10 + int(c)) for c in str(n))
    if fmt == "decimalZero":
        return f"{n:02d}"
    if fmt in ("lowerLetter", "upperLetter"):
        s = _letters(n)
        return s.upper() if fmt == "upperLetter" else s
    if fmt in ("lowerRoman", "upperRoman"):
        s = _roman(n)
        return s.lower() if fmt == "lowerRoman" else s
    return str(n)


def _val(el, path: str):
    """The ``w:val`` of the first element at ``path`` (``w:``-prefixed tags, ``/`` between) under ``el``."""
    for tag in path.split("/"):
        if el is None:
            return None
        el = el.find(qn(tag))
    return None if el is None else el.get(qn("w:val"))


class Numbering:
    """The numbering definitions of one ``.docx`` and the running counters of its lists.

    ``prefix(p)`` gives the number Word shows before paragraph ``p`` (a ``w:p`` element),
    counting as it goes, so call it once per paragraph in body order.  Lists sharing an
    abstract definition share their counters unless a list restarts them (``startOverride``);
    a higher level restarts the levels below it.  The separator Word puts after the number
    (a tab by default) is left out, as a notice written by hand has none (``一、加强…``);
    ``w:suff="space"`` keeps a space."""

    def __init__(self, document):
        self.levels: dict[str, dict[int, tuple[int, str, str, str]]] = {}  # abstractNumId → ilvl → level
        self.nums: dict[str, tuple[str, dict[int, int]]] = {}  # numId → (abstractNumId, ilvl → start)
        self.style_num: dict[str, tuple[str, int]] = {}  # styleId → (numId, ilvl)
        self.counts: dict[str, dict[int, int]] = {}
        try:
            root = document.part.numbering_part.element
        except (NotImplementedError, KeyError, AttributeError):
            root = None
        if root is not None:
            for a in root.findall(qn("w:abstractNum")):
                self.levels[a.get(qn("w:abstractNumId"))] = {
                    int(lv.get(qn("w:ilvl"))): self._level(lv) for lv in a.findall(qn("w:lvl"))}
            for n in root.findall(qn("w:num")):
                starts = {}
                for o in n.findall(qn("w:lvlOverride")):
                    s = _val(o, "w:startOverride")
                    if s is not None:
                        starts[int(o.get(qn("w:ilvl")))] = int(s)
                self.nums[n.get(qn("w:numId"))] = (_val(n, "w:abstractNumId"), starts)
        self._styles(document)

    @staticmethod
    def _level(lv) -> tuple[int, str, str, str]:
        return (int(_val(lv, "w:start") or 1), _val(lv, "w:numFmt") or "decimal", _val(lv, "w:lvlText") or "",
                _val(lv, "w:suff") or "tab")

    def _styles(self, document) -> None:
        try:
            styles = document.styles.element
        except (NotImplementedError, KeyError, AttributeError):
            return
        own, based = {}, {}
        for s in styles.findall(qn("w:style")):
            sid = s.get(qn("w:styleId"))
            num = _val(s, "w:pPr/w:numPr/w:numId")
            if num is not None:
                own[sid] = (num, int(_val(s, "w:pPr/w:numPr/w:ilvl") or 0))
            parent = _val(s, "w:basedOn")
            if parent:
                based[sid] = parent
        for sid in set(own) | set(based):
            cur, seen = sid, set()
            while cur and cur not in own and cur not in seen:
                seen.add(cur)
                cur = based.get(cur)
            if cur in own:
                self.style_num[sid] = own[cur]

    def prefix(self, p) -> str:
        """The number Word shows before the paragraph element ``p`` ('' if none)."""
        num, ilvl = _val(p, "w:pPr/w:numPr/w:numId"), _val(p, "w:pPr/w:numPr/w:ilvl")
        if num is None:
            style = _val(p, "w:pPr/w:pStyle")
            if style not in self.style_num:
                return ""
            num, lvl = self.style_num[style]
            ilvl = ilvl if ilvl is not None else lvl
        if num == "0" or num not in self.nums:
            return ""
        ilvl = int(ilvl or 0)
        abstract, starts = self.nums[num]
        levels = self.levels.get(abstract, {})
        if ilvl not in levels:
            return ""
        key = f"n{num}" if starts else f"a{abstract}"
        counts = self.counts.setdefault(key, {})

        def start(k: int) -> int:
            return starts.get(k, levels[k][0] if k in levels else 1)

        counts[ilvl] = counts.get(ilvl, start(ilvl) - 1) + 1
        for k in [k for k in counts if k > ilvl]:
            del counts[k]
        _, fmt, text, suff = levels[ilvl]
        if fmt in ("bullet", "none"):
            return ""
        for k in range(9, -1, -1):
            if f"%{k + 1}" in text:
                n = counts.get(k, start(k))
                text = text.replace(f"%{k + 1}", counter(n, levels.get(k, (1, "decimal"))[1]))
        return text + (" " if suff == "space" else "")
