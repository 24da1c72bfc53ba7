"""``.pdf`` with a text layer, read with pdfplumber: the text of each page in reading
order with the page's tables found by their ruling lines, every block knowing its page.

Kept: the lines outside tables, joined into paragraphs where a line runs to the right edge
of the text (a wrapped line; a line that ends short, or an indented one, starts a new
paragraph; a paragraph may run on over a page break); each table's cells, lines in a cell
joined the same way (a short line keeps its line break); a table running over a page
break is one table per page.  A cell merged down repeats the
text of the cell it continues, one merged across is empty after its first column.  Lines
that are only a page number (``- 3 -``, ``第3页``) are dropped.  Lost: tables without ruling
lines (their text is read as lines), images, and the text of scanned pages (no OCR is done:
a PDF with no text at all is refused as scanned; a page without text within a PDF that has
some gives nothing).  An encrypted PDF that opens without a password (only printing or
copying restricted) is read; one that needs a password is refused.
"""

from __future__ import annotations

import re
from pathlib import Path

from ..document import Block, Document, Table, Unreadable
from .tables import cell_text, glue, header_row

__all__ = ["read_pdf", "join_lines"]

_PAGE_NUMBER = re.compile(r"[-—–_\s]*(?:第\s*)?\d{1,4}\s*(?:页(?:\s*[,，/]?\s*共\s*\d+\s*页)?)?[-—–_\s]*"
                          r"|[-—–\s]*\d{1,4}\s*/\s*\d{1,4}[-—–\s]*")


def join_lines(lines: list[dict], reach: float, left: float) -> list[tuple[str, dict]]:
    """Paragraphs from pdfplumber text lines (``text``, ``x0``, ``x1``, ``top``, ``bottom``):
    a line reaching ``reach`` (near the right edge of the text) runs on into the next line
    unless that one is indented from ``left`` or further below than lines usually are (a
    paragraph's spacing; a new page's first line is above its predecessor and starts anew
    only if indented).  Gives (text, first line) pairs.

    >>> ln = lambda t, x0, x1: {"text": t, "x0": x0, "x1": x1, "top": 0, "bottom": 12}
    >>> [t for t, _ in join_lines([ln("推动义务教育", 0, 100), ln("均衡发展。", 0, 60), ln("第二段", 24, 60)], 90, 0)]
    ['推动义务教育均衡发展。', '第二段']
    """
    gaps = sorted(b["top"] - a["bottom"] for a, b in zip(lines, lines[1:]) if b["top"] >= a["bottom"])
    usual = gaps[len(gaps) // 2] if gaps else 0.0
    out: list[tuple[str, dict]] = []
    prev = None
    for ln in lines:
        size = max(ln["bottom"] - ln["top"], 1.0)
        text = ln["text"].strip()
        if not text:
            continue
        runs_on = (prev is not None and prev["x1"] >= reach and ln["x0"] <= left + 0.5 * size
                   and ln["top"] - prev["bottom"] <= usual + 0.5 * size)
        if runs_on and out:
            out[-1] = (glue(out[-1][0], text), out[-1][1])
        else:
            out.append((text, ln))
        prev = ln
    return out


def read_pdf(path: Path) -> Document:
    """The paragraphs and tables of a PDF with a text layer."""
    import pdfplumber

    try:
        pdf = pdfplumber.open(str(path))
    except Exception as e:  # pdfplumber wraps pdfminer's errors in its own
        raise Unreadable(path, _reason(e)) from None
    try:
        with pdf:
            return _read(pdf, path)
    except Unreadable:
        raise
    except Exception as e:
        raise Unreadable(path, _reason(e)) from None


def _reason(e: Exception) -> str:
    inner = e.args[0] if e.args and isinstance(e.args[0], Exception) else e
    name = type(inner).__name__
    if "Password" in name or "Encrypt" in name:
        return "encrypted PDF"
    return f"corrupt .pdf ({name})"


def _inside(obj: dict, boxes) -> bool:
    x, y = (obj["x0"] + obj["x1"]) / 2, (obj["top"] + obj["bottom"]) / 2
    return any(b[0] <= x <= b[2] and b[1] <= y <= b[3] for b in boxes)


def _read(pdf, path: Path) -> Document:
    pages = []  # (page number, [(top, 'line', line) | (top, 'table', rows)])
    chars = images = 0
    for number, page in enumerate(pdf.pages, 1):
        chars += len(page.chars)
        images += len(page.images)
        found = page.find_tables()
        boxes = [t.bbox for t in found]
        items = [(t.bbox[1], "table", _table_rows(page, t)) for t in found]
        rest = page.filter(lambda o: not (o.get("object_type") == "char" and _inside(o, boxes)))
        items += [(ln["top"], "line", ln) for ln in rest.extract_text_lines()
                  if not _PAGE_NUMBER.fullmatch(ln["text"])]
        items.sort(key=lambda it: it[0])
        pages.append((number, items))
    if not chars:
        raise Unreadable(path, "scanned PDF (no text layer; OCR is not done)" if images else "PDF without text")
    lines = [it[2] for _, items in pages for it in items if it[1] == "line"]
    # a full line ends within about two characters of the right edge (a half-width digit
    # leaves a gap, punctuation may hang past it)
    sizes = sorted(ln["bottom"] - ln["top"] for ln in lines)
    reach = max((ln["x1"] for ln in lines), default=0) - 2.5 * (sizes[len(sizes) // 2] if sizes else 0)
    left = min((ln["x0"] for ln in lines), default=0)
    blocks, tables = [], 0
    run: list[tuple[dict, int]] = []  # lines waiting to be joined, with their page

    def flush():
        by_id = {id(ln): n for ln, n in run}
        for text, first in join_lines([ln for ln, _ in run], reach, left):
            blocks.append(Block(text=text, page=by_id[id(first)]))
        run.clear()

    for number, items in pages:
        for _, kind, item in items:
            if kind == "line":
                run.append((item, number))
                continue
            flush()
            if item:
                blocks.append(Block(table=Table(tables, item, page=number, header=header_row(item)), page=number))
                tables += 1
    flush()
    return Document(str(path), "pdf", blocks)


def _table_rows(page, table) -> list[list[str]]:
    """A found table's cells, lines joined as wrapped text; merged cells as the module says."""
    rows: list[list[str]] = []
    for r, row in enumerate(table.rows):
        out = []
        for c, box in enumerate(row.cells):
            if box is not None:
                out.append(_cell(page, box))
                continue
            above = next((rr for rr in range(r - 1, -1, -1) if table.rows[rr].cells[c] is not None), None)
            merged_down = (above is not None and c < len(table.rows[above].cells)
                           and table.rows[above].cells[c][3] >= row.bbox[3] - 1)
            out.append(rows[above][c] if merged_down else "")
        rows.append(out)
    return [r for r in rows if any(r)]


def _cell(page, box) -> str:
    lines = page.within_bbox(box).extract_text_lines()
    if not lines:
        return ""
    size = max(ln["bottom"] - ln["top"] for ln in lines)
    left = min(ln["x0"] for ln in lines)
    # a line runs on when it reaches within two characters of the cell's right border less its
    # padding (taken as wide as on the left): two short unit names on two lines stay two lines
    reach = box[2] - (left - box[0]) - 2 * size
    return cell_text("\n".join(t for t, _ in join_lines(lines, reach, left)))
