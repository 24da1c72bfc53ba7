"""How names are compared: the one normalisation every alias lookup uses.

A name as a notice writes it may carry layout spaces (``区 财政局``, a justified
table cell, a line break inside a name); they never make two names different.
``squash`` is that rule, for units, persons and places alike.  ``fold`` is the
looser key the scorer compares hand-written gold with: bracket widths and curly
quotes aside as well.

>>> squash("区 科技\\u3000经信局"), squash(None)
('区科技经信局', '')
>>> fold("区城管委 (交通运输局)") == fold("区城管委（交通运输局）")
True
>>> fold("“两个责任”领导小组")
'"两个责任"领导小组'
"""

from __future__ import annotations

import re

__all__ = ["squash", "fold"]

_SPACE = re.compile(r"\s+")
_FOLD = str.maketrans({"(": "（", ")": "）", "“": '"', "”": '"'})


def squash(name: str | None) -> str:
    """``name`` without whitespace (None: the empty string)."""
    return _SPACE.sub("", name or "")


def fold(name: str | None) -> str:
    """``squash(name)`` with ASCII brackets as full-width and curly double quotes as straight."""
    return squash(name).translate(_FOLD)
