"""``.docx`` (Word 2007 and later), read with python-docx: paragraphs and tables in body
order, list numbers Word generates written in, merged cells resolved.

Kept: every body paragraph (headings too) and table, in the order of the body, with
paragraphs inside content controls; the text of a cell's paragraphs joined by line breaks;
a table nested in a cell as text in that cell.  A cell merged down (``vMerge``) repeats the
text of the cell it continues on each row it covers; a cell merged across (``gridSpan``)
holds its text in its first column and leaves the others empty.  Lost: page headers and
footers (they repeat on every page and hold page numbers), footnotes, comments, text boxes
and images; tracked deletions are left out, insertions kept.
"""

from __future__ import annotations

from pathlib import Path

from ..document import Block, Document, Table, Unreadable
from .numbering import Numbering
from .tables import header_row

__all__ = ["read_docx"]


def read_docx(path: Path) -> Document:
    """The paragraphs and tables of a ``.docx``."""
    import docx
    from docx.oxml.ns import qn

    try:
        d = docx.Document(str(path))
    except Exception as e:  # a broken package (BadZipFile, a missing part) or a damaged part (lxml)
        raise Unreadable(path, f"corrupt .docx ({type(e).__name__})") from None
    reader = _Reader(Numbering(d), qn)
    reader.body(d.element.body)
    return Document(str(path), "docx", reader.blocks)


class _Reader:
    def __init__(self, numbering: Numbering, qn):
        self.numbering, self.qn = numbering, qn
        self.blocks: list[Block] = []
        self.tables = 0
        self.P, self.TBL, self.SDT = qn("w:p"), qn("w:tbl"), qn("w:sdt")
        self.SKIP = {qn("w:del"), qn("w:pPr"), qn("w:txbxContent")}  # deleted text, marks, text boxes

    def body(self, el) -> None:
        for child in el.iterchildren():
            if child.tag == self.P:
                text = self.paragraph(child)
                if text.strip():
                    self.blocks.append(Block(text=text))
            elif child.tag == self.TBL:
                rows = self.table(child)
                if rows:
                    self.blocks.append(Block(table=Table(self.tables, rows, header=header_row(rows))))
                    self.tables += 1
            elif child.tag == self.SDT:
                content = child.find(self.qn("w:sdtContent"))
                if content is not None:
                    self.body(content)

    def paragraph(self, p) -> str:
        """The paragraph's text as Word shows it: its list number, then its runs (tabs and
        line breaks kept, deleted text left out)."""
        qn = self.qn
        parts = []
        for el in p.iter(qn("w:t"), qn("w:tab"), qn("w:br"), qn("w:cr"), qn("w:noBreakHyphen")):
            if any(a.tag in self.SKIP for a in el.iterancestors()):
                continue
            if el.tag == qn("w:t"):
                parts.append(el.text or "")
            elif el.tag == qn("w:tab"):
                parts.append("\t")
            elif el.tag == qn("w:noBreakHyphen"):
                parts.append("-")
            else:
                parts.append("\n")
        text = "".join(parts)
        return (self.numbering.prefix(p) + text) if text.strip() else text

    def cell(self, tc) -> str:
        lines = []
        for child in tc.iterchildren():
            if child.tag == self.P:
                lines.append(self.paragraph(child))
            elif child.tag == self.TBL:
                lines.extend(" ".join(c for c in row if c) for row in self.table(child))
            elif child.tag == self.SDT:
                lines.extend(self.paragraph(p) for p in child.iter(self.P))
        return "\n".join(ln.strip() for ln in lines if ln.strip())

    def table(self, tbl) -> list[list[str]]:
        qn = self.qn
        grid: list[list[str]] = []
        for tr in tbl.iter(qn("w:tr")):
            if next(tr.iterancestors(qn("w:tbl"))) is not tbl:
                continue  # a row of a nested table
            row: list[str] = []
            before = tr.find(f"{qn('w:trPr')}/{qn('w:gridBefore')}")
            row.extend([""] * int(before.get(qn("w:val")) if before is not None else 0))
            for tc in tr.iterchildren(qn("w:tc"), qn("w:sdt")):
                cells = [tc] if tc.tag == qn("w:tc") else list(tc.iter(qn("w:tc")))
                for c in cells:
                    pr = c.find(qn("w:tcPr"))
                    span = pr.find(qn("w:gridSpan")) if pr is not None else None
                    vmerge = pr.find(qn("w:vMerge")) if pr is not None else None
                    col = len(row)
                    if vmerge is not None and vmerge.get(qn("w:val")) in (None, "continue"):
                        text = grid[-1][col] if grid and col < len(grid[-1]) else ""
                    else:
                        text = self.cell(c)
                    row.append(text)
                    row.extend([""] * (int(span.get(qn("w:val"))) - 1 if span is not None else 0))
            grid.append(row)
        width = max((len(r) for r in grid), default=0)
        return [r + [""] * (width - len(r)) for r in grid if any(c for c in r)]
