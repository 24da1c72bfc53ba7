"""Readers of the formats governments publish notices in, each giving a
:class:`~govgraph.loaders.document.Document` (paragraphs and tables in reading order) or
raising :class:`~govgraph.loaders.document.Unreadable` with the reason.

``read_document(path)`` chooses the reader by the file's content where it tells (a ``.xls``
that is a web page, a ``.doc`` that is a ``.docx``, a PDF under any name), else by its
suffix (``SUFFIXES``).  ``.txt`` and ``.html`` are read as text by ``loaders.reading``.

| suffix | reader | needs |
|---|---|---|
| ``.docx`` | ``formats.docx`` | python-docx |
| ``.pdf`` | ``formats.pdf`` | pdfplumber |
| ``.xlsx`` ``.xlsm`` | ``formats.sheets`` | openpyxl |
| ``.xls`` | ``formats.sheets`` | xlrd |
| ``.doc`` | ``formats.doc`` | antiword (or catdoc) on the PATH |
| ``.md`` ``.markdown`` | ``formats.markdown`` | PyYAML (front matter) |

>>> fmt_of("附件1.XLSX"), fmt_of("a.txt"), known("b.md")
('xlsx', None, True)
"""

from __future__ import annotations

from pathlib import Path

from ..document import Document, Unreadable
from .sniff import sniff_file

__all__ = ["read_document", "SUFFIXES", "fmt_of", "known"]

#: suffix → format name, for the formats read here
SUFFIXES = {".docx": "docx", ".pdf": "pdf", ".xlsx": "xlsx", ".xlsm": "xlsx", ".xls": "xls", ".doc": "doc",
            ".md": "md", ".markdown": "md"}


def fmt_of(path: str | Path) -> str | None:
    """The format a file's suffix names (``docx``, ``pdf`` …), None for a suffix not read here."""
    return SUFFIXES.get(Path(path).suffix.lower())


def known(path: str | Path) -> bool:
    """Whether ``read_document`` reads files with this suffix."""
    return fmt_of(path) is not None


def read_document(path: str | Path) -> Document:
    """Read one file into a Document; ``Unreadable`` says why it cannot be."""
    p = Path(path)
    try:
        with open(p, "rb") as fh:
            head = fh.read(8192)
    except OSError as e:
        raise Unreadable(p, f"cannot read the file: {e.strerror or e}") from None
    if not head.strip():
        raise Unreadable(p, "the file is empty")
    by_suffix = fmt_of(p)
    by_content = sniff_file(p, head)
    fmt = by_content if by_content in SUFFIXES.values() else by_suffix
    if by_content in ("html", "mhtml") and by_suffix not in (None, "md"):
        from .htmlpage import read_html_bytes, read_mhtml_bytes

        read = read_html_bytes if by_content == "html" else read_mhtml_bytes
        return read(p.read_bytes(), p, by_suffix)
    if by_content == "rtf":
        raise Unreadable(p, "RTF document (not read: save it as .docx)")
    if by_content == "encrypted":
        raise Unreadable(p, "encrypted Office file (needs a password)")
    if by_content in ("zip", "ole"):
        raise Unreadable(p, "an archive, not a document" if by_content == "zip" else "an Office file that is "
                         "neither Word nor Excel")
    if fmt is None:
        raise Unreadable(p, f"unknown format ({p.suffix or 'no suffix'})")
    if fmt == "docx":
        from .docx import read_docx as read
    elif fmt == "pdf":
        from .pdf import read_pdf as read
    elif fmt == "xlsx":
        from .sheets import read_xlsx as read
    elif fmt == "xls":
        from .sheets import read_xls as read
    elif fmt == "doc":
        from .doc import read_doc as read
    else:
        from .markdown import read_markdown as read
    return read(p)
