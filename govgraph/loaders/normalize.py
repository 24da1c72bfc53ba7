"""Same-length normalisation, so offsets into the work text are offsets into the source.

The work text maps full-width punctuation to half-width and Traditional
characters to Simplified one character at a time: ``len(work) == len(text)``
always holds, so a span found in the work text quotes the source exactly.

>>> work_text("（牵头单位：区发改委；责任单位：区统计局）")
'(牵头单位:区发改委;责任单位:区统计局)'
>>> len(work_text("區財政局")) == 4
True
"""

from __future__ import annotations

import re
from collections import Counter
from functools import lru_cache

from ..identity.names import t2s_char, to_simplified

__all__ = ["work_text", "is_traditional", "squash", "to_simplified"]

_PUNCT = str.maketrans({
    "（": "(", "）": ")", "：": ":", "；": ";", "，": ",", "！": "!", "？": "?",
    "\u3000": " ", "\xa0": " ", "\t": " ", "\r": " ", "［": "[", "］": "]",
    "－": "-", "—": "—", "～": "~", "﹑": "、", "．": ".", "／": "/",
    "０": "0", "１": "1", "２": "2", "３": "3", "４": "4", "５": "5", "６": "6", "７": "7", "８": "8", "９": "9",
    "〔": "〔", "〕": "〕", "【": "〔", "】": "〕",
})

_PUNCT_RE = re.compile("[" + re.escape("".join(map(chr, _PUNCT))) + "]")


_CJK_CHAR = re.compile("[\u4e00-\u9fff]")
# A line indented with two or more ASCII '?': full-width spaces lost in copying (round 26, ext-383; ext-43).
_LOST_INDENT = re.compile(r"(?m)^\?{2,}(?=[^?\s])")


def is_traditional(text: str) -> bool:
    """True when a noticeable share of the CJK characters are Traditional forms."""
    sample = _CJK_CHAR.findall(text, 0, 3000)
    if len(sample) < 10:
        return False
    changed = sum(n for c, n in Counter(sample).items() if t2s_char(c) != c)  # each character tested once
    return changed / len(sample) > 0.03


@lru_cache(maxsize=2)  # a one-notice file: the splitter and the notice ask for the same text
def work_text(text: str, traditional: bool | None = None) -> str:
    """The normalised text extraction runs on (same length as ``text``)."""
    if traditional is None:
        traditional = is_traditional(text)
    # (a regex finding the few characters to map is much faster than str.translate on CJK text)
    out = _PUNCT_RE.sub(lambda m: _PUNCT[ord(m.group())], text)
    if traditional:
        out = to_simplified(out)
    # Any other whitespace becomes a plain space (one for one).
    out = re.sub(r"[\u2000-\u200b\u2028\u2029\ufeff]", " ", out)
    if len(_LOST_INDENT.findall(text)) >= 3:
        # a copy whose layout spaces were lost as '?' (lines opening '??根据…', '林长:张三?市委书记'):
        # every ASCII '?' of the source is a space (a full-width '？' stays a question mark)
        out = "".join(" " if c == "?" else o for c, o in zip(text, out))
    jams = _jammer_spans(text)
    if len(jams) >= 3:
        for a, b in jams:  # a forum's anti-copy noise: no part of the notice (round 26, ext-378)
            out = out[:a] + " " * (b - a) + out[b:]
    assert len(out) == len(text)
    return out


# A forum's anti-copy noise ('副州长6 s; H/ c\' v6 U$ W- I', '2 t! n+ U0 N/ h$ H! @6 `+ [张三'): five or more tokens of
# one or two ASCII characters, letters and marks mixed, one space apart.
_JAM_RUN = re.compile(r"(?:[!-~]{1,2} ){4,}[!-~]{1,2}")


def _jammer_spans(text: str) -> list[tuple[int, int]]:
    """Spans of anti-copy noise runs in ``text`` (read as noise only where a notice has three or more).

    >>> t = "组长:张三 某州人民政府副州长6 s; H/ c' v6 U$ W- I\\n}7 X: Q% F6 v5 l, H) L(二)地点:某街"
    >>> [t[a:b] for a, b in _jammer_spans(t)]
    ["6 s; H/ c' v6 U$ W- I", '}7 X: Q% F6 v5 l, H) L']
    >>> _jammer_spans("81 0 1 2 3 表格"), _jammer_spans("% l: _3 N9 e# L1 ~) x, x2月19日全天")[0]
    ([], (0, 24))
    """
    spans = []
    for m in _JAM_RUN.finditer(text):
        toks = m.group().split(" ")
        if sum(bool(re.search(r"[^0-9A-Za-z]", t)) for t in toks) < 2 or sum(bool(re.search(r"[A-Za-z]", t)) for t in toks) < 2:
            continue
        b = m.end()
        if b < len(text) and not text[b].isspace():
            # the last token glued to the text after it keeps the digits and bracket that open it ('x2月19日', 'L(二)')
            keep = re.search(r"[0-9(]+$", toks[-1])
            if keep:
                b -= len(keep.group())
        spans.append((m.start(), b))
    return spans


_WS = re.compile(r"\s+")


def squash(s: str) -> str:
    """Remove layout whitespace (``蔡 松`` -> ``蔡松``).

    >>> squash(" 组 长 ")
    '组长'
    """
    return _WS.sub("", s)
