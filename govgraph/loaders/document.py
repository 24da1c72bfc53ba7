"""A file as a reader gives it: paragraphs and tables in reading order, with where
each came from, before it is rendered into a notice's text.

Readers of formats that carry structure (``.docx``, ``.pdf``, ``.xlsx``/``.xls``,
``.doc``, ``.md``) return a ``Document``; rendering it gives the text the extractor
reads and the map from text offsets back to the file, page, table, row and cell, so
that a fact's evidence can name them.  A file that cannot be read raises
``Unreadable`` with the reason (unknown format, scanned PDF, password, corrupt,
missing converter).

>>> d = Document("x.docx", "docx", [Block(text="关于成立领导小组的通知"),
...     Block(table=Table(index=0, rows=[["序号", "任务", "牵头单位"], ["1", "修路", "区交通局"]]))])
>>> [b.kind for b in d.blocks]
['paragraph', 'table']
>>> d.blocks[1].table.rows[1][2]
'区交通局'
"""

from __future__ import annotations

from dataclasses import dataclass, field

__all__ = ["Table", "Block", "Document", "Unreadable"]


@dataclass
class Table:
    """A table as rows of cell texts (merged cells repeat their text or are empty,
    as the reader documents); ``index`` counts the file's tables from 0 (over all
    sheets of a workbook), ``sheet`` names a spreadsheet's sheet, ``page`` a PDF page
    (from 1); ``header`` is the index of the row naming the columns (序号, 任务, 牵头单位
    …), if the reader recognised one (rows above it are titles)."""

    index: int
    rows: list[list[str]]
    sheet: str | None = None
    page: int | None = None
    header: int | None = None


@dataclass
class Block:
    """A paragraph (``text``) or a table (``table``), in reading order; ``page`` is
    the PDF page (from 1) the block is on."""

    text: str | None = None
    table: Table | None = None
    page: int | None = None

    @property
    def kind(self) -> str:
        return "table" if self.table is not None else "paragraph"


@dataclass
class Document:
    """A file's blocks, its ``format`` (the reader's name: ``docx``, ``pdf`` ...) and
    ``meta``: what the file itself says of the notice (keys ``doc`` 文号, ``date``
    发布日期 ISO, ``issuer`` 发布单位, ``title``), from front matter or document
    properties; absent keys are unknown."""

    path: str
    format: str
    blocks: list[Block]
    meta: dict[str, str] = field(default_factory=dict)


class Unreadable(Exception):
    """A file govgraph cannot read, and why (one short phrase: ``scanned PDF (no text
    layer)``, ``encrypted PDF``, ``corrupt .docx``, ``no .doc converter (antiword)``,
    ``unknown format``)."""

    def __init__(self, path: str, reason: str):
        super().__init__(f"{path}: {reason}")
        self.path, self.reason = str(path), reason
