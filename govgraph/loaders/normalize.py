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
    assert len(out) == len(text)
    return out


_WS = re.compile(r"\s+")


def squash(s: str) -> str:
    """Remove layout whitespace (``蔡 松`` -> ``蔡松``).

    >>> squash(" 组 长 ")
    '组长'
    """
    return _WS.sub("", s)
