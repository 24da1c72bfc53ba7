"""Rows as a plain text table, for people: CJK characters count double, long cells clipped.

>>> print(format_table([{"doc": "阳政办〔2018〕9号", "post": 3, "ok": True}], ("doc", "post", "ok")))
doc                post  ok
-----------------  ----  ---
阳政办〔2018〕9号  3     yes
"""

from __future__ import annotations

import unicodedata

__all__ = ["cell", "text_width", "format_table"]


def text_width(s: str) -> int:
    """Columns ``s`` takes in a terminal (wide and full-width characters take two)."""
    return sum(2 if unicodedata.east_asian_width(c) in "WF" else 1 for c in s)


def cell(v) -> str:
    """A value as table text: None empty, True ``yes``, floats to four figures, one line."""
    if v is None:
        return ""
    if isinstance(v, bool):
        return "yes" if v else ""
    if isinstance(v, float):
        return f"{v:.4g}"
    return str(v).replace("\n", " ")


def _clip(s: str, max_width: int) -> str:
    if text_width(s) <= max_width:
        return s
    out = ""
    for c in s:
        if text_width(out + c) > max_width - 1:
            break
        out += c
    return out + "…"


def format_table(rows: list[dict], columns, max_width: int = 60) -> str:
    """``rows`` (dicts) under a header of ``columns``, each cell clipped to ``max_width``."""
    columns = list(columns)
    cells = [[_clip(cell(r.get(c)), max_width) for c in columns] for r in rows]
    widths = [max([text_width(c)] + [text_width(row[i]) for row in cells]) for i, c in enumerate(columns)]

    def line(values) -> str:
        return "  ".join(v + " " * (w - text_width(v)) for v, w in zip(values, widths)).rstrip()

    return "\n".join([line(columns), "  ".join("-" * w for w in widths)] + [line(row) for row in cells])
