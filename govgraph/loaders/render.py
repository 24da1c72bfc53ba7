"""A ``Document`` (loaders.document) as the text the extractor reads, and the map back.

Paragraphs become lines; a table becomes one line per row, its cells joined by a tab
(the extractor reads a tab as a space: a row is the flattened-table layout of
``structure.find_tables``, ``序号 任务 牵头单位 …`` then ``1 … 区发改委 …``); a table that
goes on after a page break, repeating the header of the table just before, is read on
without the repeat. A cell's
white space (line breaks inside it included) becomes one space; a header row (one
naming ``序号`` or a task column of ``data/task_columns.tsv``) loses its spaces
(``序 号`` is ``序号``), and a responsibility table without a ``序号`` column is given one
(``序号`` and the row numbers are added, so that its rows are read as rows). A row whose
cells all repeat one text (a merged title) is one cell.

The :class:`Locator` maps any span of the text back to where it came from: the file,
the PDF page, the table, row and column (a cell's own span), the paragraph.

>>> from govgraph.loaders.document import Block, Document, Table
>>> d = Document("a.docx", "docx", [Block(text="关于分解任务的通知"),
...     Block(table=Table(0, [["序 号", "任务", "牵头单位"], ["1", "修路", "区交通局"]]))])
>>> text, loc = render(d)
>>> print(text)
关于分解任务的通知
序号	任务	牵头单位
1	修路	区交通局
<BLANKLINE>
>>> a = text.index("区交通局")
>>> loc.locate(a, a + 4)
{'file': 'a.docx', 'table': 0, 'row': 1, 'col': 2}
>>> loc.cell(a + 1, a + 2)
(26, 30)
"""

from __future__ import annotations

import bisect
import os
import re
from dataclasses import asdict, dataclass, replace

from ..facts import EVIDENCE_LOCATION
from .document import Document, Table
from .task_lexicon import task_lexicon

__all__ = ["Place", "Locator", "render", "place_evidence"]


@dataclass(frozen=True)
class Place:
    """Where a span of rendered text came from (None: not known or not one)."""

    file: str | None = None
    page: int | None = None
    sheet: str | None = None
    table: int | None = None
    row: int | None = None  # index in the table's rows, from 0 (a header row counts)
    col: int | None = None  # index in the row's cells, from 0
    paragraph: int | None = None  # index among the file's paragraphs, from 0


class Locator:
    """Spans of a text (cells, paragraphs, the gaps inside a row) and the :class:`Place`
    of each, in text order."""

    def __init__(self) -> None:
        self.starts: list[int] = []
        self.spans: list[tuple[int, int, Place]] = []

    def add(self, start: int, end: int, place: Place) -> None:
        if end > start:
            self.starts.append(start)
            self.spans.append((start, end, place))

    def extend(self, other: "Locator", offset: int) -> None:
        """Add ``other``'s spans, shifted by ``offset`` (a text appended at ``offset``)."""
        for a, b, p in other.spans:
            self.add(a + offset, b + offset, p)

    def _over(self, a: int, b: int) -> list[tuple[int, int, Place]]:
        i = max(0, bisect.bisect_right(self.starts, a) - 1)
        out = []
        while i < len(self.spans) and self.spans[i][0] < max(b, a + 1):
            s, e, p = self.spans[i]
            if e > a:
                out.append((s, e, p))
            i += 1
        return out

    def place(self, a: int, b: int) -> Place | None:
        """What every span overlapping ``[a, b)`` shares (the table only when they share
        it, the row only within one table, the column only within one row), or None."""
        over = [p for _, _, p in self._over(a, b)]
        if not over:
            return None
        common = {}
        for f in ("file", "page", "sheet", "table", "row", "col", "paragraph"):
            vals = {getattr(p, f) for p in over}
            common[f] = vals.pop() if len(vals) == 1 else None
        if common["table"] is None:
            common["row"] = common["sheet"] = None
        if common["row"] is None:
            common["col"] = None
        return Place(**common)

    def locate(self, a: int, b: int) -> dict:
        """The known fields of :meth:`place` (``paragraph`` left out), as evidence carries them."""
        p = self.place(a, b)
        if p is None:
            return {}
        return {k: v for k, v in asdict(p).items() if v is not None and k in EVIDENCE_LOCATION}

    def cell(self, a: int, b: int) -> tuple[int, int] | None:
        """The span of the one table cell ``[a, b)`` lies in, or None."""
        over = self._over(a, b)
        if len(over) == 1 and over[0][2].col is not None and over[0][0] <= a and b <= over[0][1]:
            return over[0][0], over[0][1]
        return None


_HEAD_WORDS = frozenset(["序号"]) | frozenset(task_lexicon().columns)
_UNIT_ROLES = ("lead", "responsible")


def _cell_text(s: str | None) -> str:
    return " ".join((s or "").split())


def _is_header(cells: list[str]) -> bool:
    words = [re.sub(r"\s+", "", c) for c in cells if c.strip()]
    return len(words) >= 2 and any(w in _HEAD_WORDS for w in words) and all(len(w) <= 12 for w in words)


def _table_rows(t: Table, repeated: list[str] | None = None) -> tuple[list, list[str] | None]:
    """[(row index, [(cell text, column or None for added text)])] per rendered line, and
    the table's header. ``repeated``: the header of the table just before, which this
    one repeats at its top when it goes on over a page break (the repeat is left out)."""
    out = []
    header_at, numbered, head = None, False, None
    n = 0
    for ri, row in enumerate(t.rows):
        cells = [_cell_text(c) for c in row]
        filled = [c for c in cells if c]
        if not filled:
            continue
        if header_at is None and _is_header(cells):
            header_at = ri
            heads = head = [re.sub(r"\s+", "", c) for c in cells]
            if heads == repeated and not out:
                continue
            roles = {task_lexicon().columns.get(h) for h in heads}
            numbered = "序号" not in heads and bool(roles & set(_UNIT_ROLES))
            line = [(h, ci) for ci, h in enumerate(heads)]
            out.append((ri, ([("序号", None)] if numbered else []) + line))
            continue
        if len(filled) > 1 and len(set(filled)) == 1:  # a merged title or category row
            line = [(filled[0], cells.index(filled[0]))]
        else:
            line = [(c, ci) for ci, c in enumerate(cells)]
        if numbered and header_at is not None and len(filled) > 1 and len(set(filled)) > 1:
            n += 1
            line = [(str(n), None)] + line
        out.append((ri, line))
    return out, head


def render(doc: Document) -> tuple[str, Locator]:
    """The text of ``doc`` as the extractor reads it, and its :class:`Locator`."""
    parts: list[str] = []
    loc = Locator()
    pos = 0
    para = 0

    def put(s: str, place: Place | None) -> None:
        nonlocal pos
        parts.append(s)
        if place is not None:
            loc.add(pos, pos + len(s), place)
        pos += len(s)

    base = Place(file=doc.path)
    head = None  # the header of the table just rendered
    for b in doc.blocks:
        if b.table is None:
            text = (b.text or "").rstrip()
            if text.strip():
                put(text, replace(base, page=b.page, paragraph=para))
                put("\n", None)
                head = None
            para += 1
            continue
        t = b.table
        tp = replace(base, page=t.page if t.page is not None else b.page, sheet=t.sheet, table=t.index)
        lines, head = _table_rows(t, head)
        for ri, line in lines:
            rp = replace(tp, row=ri)
            for k, (text, ci) in enumerate(line):
                if k:
                    put("\t", rp)
                put(text, rp if ci is None else replace(rp, col=ci))
            put("\n", None)
    return "".join(parts), loc



def place_evidence(facts: list[dict], notice) -> None:
    """Add to each fact's evidence where it came from (``file``, ``page``, ``sheet``,
    ``table``, ``row``, ``col``: ``notice.locator``); evidence within one table cell
    quotes the whole cell. ``text``/``start``/``end`` stay exact offsets into
    ``notice.text``. ``file`` alone is said only of a file other than the notice's own
    (an attachment)."""
    loc, off = notice.locator, notice.offset
    if loc is None:
        return
    for f in facts:
        ev = f.get("evidence")
        if not ev:
            continue
        a, b = ev["start"] + off, ev["end"] + off
        cell = loc.cell(a, b)
        if cell is not None and (cell[0], cell[1]) != (a, b):
            a, b = cell
            ev.update(text=notice.text[a - off:b - off], start=a - off, end=b - off)
        where = loc.locate(a, b)
        if set(where) == {"file"} and notice.source and os.path.abspath(where["file"]) == os.path.abspath(notice.source):
            continue
        ev.update(where)
