"""HTML that arrives under another suffix: an ``.xls`` exported by a web site (a page
holding a ``<table>``), a ``.doc`` that Word saved as a web page, or its single-file
archive (MHTML).  Read into paragraphs and tables; ``.html`` files themselves are read as
text by ``loaders.reading``.

Decoded by the charset the page (or the archive's part) declares, else UTF-8, else GB18030.
A cell spanning rows repeats its text down; one spanning columns is empty after its first
column; a table inside a cell gives its text to the cell.

>>> d = read_html_bytes(b'<p>a</p><table><tr><td rowspan=2>x</td><td>1</td></tr><tr><td>2</td></tr></table>', "t.xls")
>>> [b.text or b.table.rows for b in d.blocks]
['a', [['x', '1'], ['x', '2']]]
"""

from __future__ import annotations

import email
import re
from html.parser import HTMLParser
from pathlib import Path

from ..document import Block, Document, Table, Unreadable
from .tables import cell_text, header_row, trim

__all__ = ["read_html_bytes", "read_mhtml_bytes"]

_CHARSET = re.compile(rb"""<meta[^>]+charset\s*=\s*["']?([\w-]+)""", re.I)
_BLOCK = {"p", "div", "br", "li", "h1", "h2", "h3", "h4", "h5", "h6", "section", "article", "tr", "table",
          "blockquote", "pre", "ul", "ol", "dd", "dt"}
_SKIP = {"script", "style", "head", "noscript", "template", "title"}


def _decode(data: bytes, declared: str | None) -> str:
    m = _CHARSET.search(data[:4096])
    for enc in (declared, m.group(1).decode("ascii") if m else None, "utf-8", "gb18030"):
        if not enc:
            continue
        try:
            return data.decode("gb18030" if enc.lower() in ("gb2312", "gbk") else enc)
        except (UnicodeDecodeError, LookupError):
            continue
    return data.decode("gb18030", errors="replace")


class _Parser(HTMLParser):
    def __init__(self):
        super().__init__(convert_charrefs=True)
        self.blocks: list[Block] = []
        self.text: list[str] = []  # the paragraph being read
        self.skip = 0
        self.depth = 0  # tables open
        self.cells: dict[tuple[int, int], str] = {}
        self.row = -1
        self.col = 0
        self.cell: list[str] | None = None
        self.span = (1, 1)
        self.tables = 0

    def _flush(self):
        text = cell_text("".join(self.text))
        for line in text.splitlines():
            self.blocks.append(Block(text=line))
        self.text = []

    def handle_starttag(self, tag, attrs):
        if tag in _SKIP:
            self.skip += 1
        elif tag == "table":
            self.depth += 1
            if self.depth == 1:
                self._flush()
                self.cells, self.row = {}, -1
            elif self.cell is not None:
                self.cell.append("\n")
        elif self.depth == 1 and tag == "tr":
            self.row, self.col = self.row + 1, 0
        elif self.depth == 1 and tag in ("td", "th"):
            a = dict(attrs)
            self.cell = []
            self.span = (_int(a.get("rowspan")), _int(a.get("colspan")))
        elif tag == "br" or tag in _BLOCK:
            (self.cell if self.cell is not None else self.text).append("\n")
        elif tag in ("td", "th") and self.cell is not None:
            self.cell.append(" ")

    def handle_endtag(self, tag):
        if tag in _SKIP:
            self.skip = max(0, self.skip - 1)
        elif tag == "table" and self.depth:
            self.depth -= 1
            if self.depth == 0:
                self._end_cell()
                self._end_table()
        elif self.depth == 1 and tag in ("td", "th"):
            self._end_cell()
        elif tag in _BLOCK:
            (self.cell if self.cell is not None else self.text).append("\n")

    def handle_data(self, data):
        if self.skip:
            return
        (self.cell if self.cell is not None else self.text).append(data)

    def _end_cell(self):
        if self.cell is None:
            return
        text = cell_text(re.sub(r"[ \t]*\n[ \t\n]*", "\n", "".join(self.cell)))
        self.cell = None
        r = max(self.row, 0)
        while (r, self.col) in self.cells:
            self.col += 1
        rows, cols = self.span
        for i in range(rows):
            for j in range(cols):
                self.cells[(r + i, self.col + j)] = text if j == 0 else ""
        self.col += cols

    def _end_table(self):
        last = max(self.row, 0)
        width = max((c for _, c in self.cells), default=-1) + 1
        grid = [[self.cells.get((r, c), "") for c in range(width)] for r in range(last + 1)]
        rows = trim(grid)
        if rows:
            self.blocks.append(Block(table=Table(self.tables, rows, header=header_row(rows))))
            self.tables += 1

    def close(self):
        super().close()
        if self.depth:
            self.depth = 0
            self._end_cell()
            self._end_table()
        self._flush()


def _int(v) -> int:
    try:
        return max(1, min(int(v), 1000))
    except (TypeError, ValueError):
        return 1


def read_html_bytes(data: bytes, path, fmt: str = "html", charset: str | None = None) -> Document:
    """The paragraphs and tables of an HTML page's bytes; ``fmt`` names the file's format in
    the Document (``xls`` for a web site's spreadsheet that is really a page)."""
    p = _Parser()
    p.feed(_decode(data, charset))
    p.close()
    if not p.blocks:
        raise Unreadable(path, "the HTML page has no visible text")
    return Document(str(path), fmt, p.blocks)


def read_mhtml_bytes(data: bytes, path, fmt: str = "mhtml") -> Document:
    """The HTML part of a web page archive (MHTML, as Word's "single file web page")."""
    msg = email.message_from_bytes(data)
    for part in msg.walk():
        if part.get_content_type() == "text/html":
            payload = part.get_payload(decode=True)
            if payload:
                return read_html_bytes(payload, path, fmt, part.get_content_charset())
    raise Unreadable(Path(path), "web page archive without an HTML part")
