"""What every table reader shares: cell text made plain, empty rows and columns trimmed,
and the header row (序号 / 任务 / 牵头单位 …, words in ``data/table_headers.txt``) found.

>>> trim([["", "", ""], ["序号", "", "任务"], ["1", "", "修路"]])
[['序号', '任务'], ['1', '修路']]
>>> header_row([["附件1 任务分解表", "", ""], ["序号", "任务内容", "牵头单位"], ["1", "修路", "区交通局"]])
1
>>> header_row([["1", "修路", "区交通局"]]) is None
True
>>> cell_text(" 区交通局\\n 区财政局 "), cell_text(3.0), cell_text(None)
('区交通局\\n区财政局', '3', '')
"""

from __future__ import annotations

import datetime as _dt
import re
from functools import lru_cache

from ...datafiles import data_lines

__all__ = ["cell_text", "trim", "header_row", "glue", "HEADER_ROWS_SEARCHED"]

#: how many rows from the top of a table the header row is looked for in (a title row or two
#: above it is common in spreadsheets)
HEADER_ROWS_SEARCHED = 5
_SPACE = re.compile(r"[ \t\r\f\v\u3000\xa0]+")
_LATIN = re.compile(r"[A-Za-z]")


def glue(a: str, b: str) -> str:
    """Join a line wrapped by the page or the cell to the next: nothing between, as Chinese
    text and numbers break anywhere, except a space between two Latin letters (a wrap
    between English words ate it).

    >>> glue("完成吉水二中迁", "建项目"), glue("DN5", "00"), glue("Hong", "Kong")
    ('完成吉水二中迁建项目', 'DN500', 'Hong Kong')
    """
    if a and b and _LATIN.match(a[-1]) and _LATIN.match(b[0]):
        return a + " " + b
    return a + b


def cell_text(value) -> str:
    """A cell's value as text: lines stripped and blank lines dropped, a whole float without
    its ``.0``, a date as ``2021年6月30日`` (how a notice writes it), None as ``''``."""
    if value is None:
        return ""
    if isinstance(value, bool):
        return "是" if value else "否"
    if isinstance(value, float) and value.is_integer():
        return str(int(value))
    if isinstance(value, _dt.datetime) and (value.hour, value.minute, value.second) == (0, 0, 0):
        value = value.date()
    if isinstance(value, _dt.date) and not isinstance(value, _dt.datetime):
        return f"{value.year}年{value.month}月{value.day}日"
    lines = (ln.strip(" \t\r\f\v\u3000\xa0") for ln in str(value).splitlines())
    return "\n".join(ln for ln in lines if ln)


def trim(rows: list[list[str]]) -> list[list[str]]:
    """Rows without the rows and columns that are empty throughout; rows padded to one width."""
    rows = [r for r in rows if any(c.strip() for c in r)]
    width = max((len(r) for r in rows), default=0)
    rows = [r + [""] * (width - len(r)) for r in rows]
    keep = [j for j in range(width) if any(r[j].strip() for r in rows)]
    return [[r[j] for j in keep] for r in rows]


@lru_cache(maxsize=1)
def _header_words() -> tuple[str, ...]:
    return tuple(sorted(data_lines("table_headers.txt"), key=len, reverse=True))


def _is_header_cell(text: str) -> bool:
    t = _SPACE.sub("", text)
    return 0 < len(t) <= 12 and any(w in t for w in _header_words())


def header_row(rows: list[list[str]]) -> int | None:
    """The index of the row naming the columns: among the first :data:`HEADER_ROWS_SEARCHED`
    rows, the first with two or more short cells holding a header word; None if none has."""
    for i, row in enumerate(rows[:HEADER_ROWS_SEARCHED]):
        if sum(_is_header_cell(c) for c in row) >= 2:
            return i
    return None
