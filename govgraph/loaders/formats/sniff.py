"""What a file really is, from its first bytes: a ``.xls`` saved from a web page is HTML, a
``.doc`` is often a ``.docx`` or RTF renamed, and the reader must follow the content.

>>> sniff(b"%PDF-1.7 ...")
'pdf'
>>> sniff(b"{\\\\rtf1\\\\ansi ...")
'rtf'
>>> sniff("<html><body><table>".encode()), sniff("关于".encode("gbk")) is None
('html', True)
"""

from __future__ import annotations

import re
import zipfile
from pathlib import Path

__all__ = ["sniff", "sniff_file", "OLE_MAGIC"]

OLE_MAGIC = b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1"  # the compound file of old Office (.doc, .xls)
_HTML = re.compile(rb"^\s*(?:<\?xml[^>]*>\s*)?<(?:!doctype\s+html|html|head|body|table|meta|div|p)\b", re.I)
_MIME_START = re.compile(rb"^(?:MIME-Version|Content-Type|From|Subject|Date|X-[\w-]+):", re.I)
_MIME_HTML = re.compile(rb"Content-Type:\s*(?:multipart/related|text/html)", re.I)


def sniff(head: bytes) -> str | None:
    """The format the first bytes of a file show: ``pdf``, ``zip`` (an Office Open XML
    package: .docx/.xlsx), ``ole`` (old Office), ``rtf``, ``html``, ``mhtml`` (a web page
    archive, as Word saves "single file web page"), or None (plain text or unknown)."""
    head = head.lstrip(b"\xef\xbb\xbf")
    if head.startswith(b"%PDF-") or head[:1024].find(b"%PDF-") >= 0 and head[:4] != b"PK\x03\x04":
        return "pdf"
    if head.startswith(b"PK\x03\x04"):
        return "zip"
    if head.startswith(OLE_MAGIC):
        return "ole"
    if head.startswith(b"{\\rtf"):
        return "rtf"
    if _MIME_START.match(head) and _MIME_HTML.search(head[:2048]):
        return "mhtml"
    if _HTML.match(head[:2048]):
        return "html"
    return None


def sniff_file(path: Path, head: bytes) -> str | None:
    """The reader's format name for ``path`` from its content (``docx``, ``xlsx``, ``doc``,
    ``xls``, ``pdf``, ``rtf``, ``html``, ``mhtml``; ``encrypted`` for a password-protected
    Office file, ``zip``/``ole`` for other packages), or None where the content does not say
    (plain text: the suffix decides)."""
    kind = sniff(head)
    if kind == "zip":
        try:
            with zipfile.ZipFile(path) as z:
                names = set(z.namelist())
        except (zipfile.BadZipFile, OSError):
            return None  # a truncated package: the suffix's reader says it is corrupt
        if "word/document.xml" in names:
            return "docx"
        if "xl/workbook.xml" in names:
            return "xlsx"
        return "zip"
    if kind == "ole":
        # the directory of the compound file names its streams in UTF-16
        data = path.read_bytes()
        if "WordDocument".encode("utf-16-le") in data:
            return "doc"
        if "Workbook".encode("utf-16-le") in data or "Book".encode("utf-16-le") in data:
            return "xls"
        if "EncryptedPackage".encode("utf-16-le") in data:
            return "encrypted"  # a password-protected .docx/.xlsx is a compound file holding the package
        return "ole"
    return kind
