"""Read a source file into text: encoding detection, binary refusal, HTML stripping.

>>> decode_bytes("区水务局".encode("gb18030"), "x.txt")
('区水务局', 'gb18030')
>>> decode_bytes("区水务局".encode("utf-8"), "x.txt")
('区水务局', 'utf-8')
>>> strip_html("<p>区&amp;局</p><script>alert(1)</script>")
'区&局'
>>> strip_html("<p>AT&amp;amp;T</p>")
'AT&amp;T'
"""

from __future__ import annotations

import re
from html.parser import HTMLParser
from pathlib import Path

from ..errors import InputError
from .decisions import DECISIONS_FILE
from .document import Unreadable
from .formats import SUFFIXES as FORMAT_SUFFIXES
from .places import SIDECAR

__all__ = ["SourceText", "read_source", "decode_bytes", "strip_html", "looks_like_html", "iter_source_files",
           "browser_folders", "SUFFIXES", "TEXT_SUFFIXES"]

TEXT_SUFFIXES = (".txt", ".html", ".htm", ".text")  # read as text here
#: every suffix a folder's files are read by: text, and the formats of ``loaders.formats``
SUFFIXES = TEXT_SUFFIXES + tuple(FORMAT_SUFFIXES)
_ATTACHED = frozenset(SUFFIXES) - {".html", ".htm"}  # what a page's browser folder holds that may be read


class SourceText:
    """Decoded text of one file, with the encoding used."""

    __slots__ = ("path", "text", "encoding", "was_html")

    def __init__(self, path: str, text: str, encoding: str, was_html: bool = False):
        self.path = path
        self.text = text
        self.encoding = encoding
        self.was_html = was_html


_CTRL_BYTES = bytes(range(9)) + bytes(range(14, 32))  # control bytes that text does not hold


def _looks_binary(data: bytes) -> bool:
    head = data[:8192]
    if b"\x00" in head:
        # UTF-16 text has NULs too, but it starts with a BOM.
        return not head.startswith((b"\xff\xfe", b"\xfe\xff"))
    ctrl = len(head) - len(head.translate(None, _CTRL_BYTES))
    return ctrl > max(8, len(head) // 50)


_CJK_RE = re.compile("[\u4e00-\u9fff]")


def _cjk_ratio(text: str) -> float:
    sample = text[:4000]
    if not sample:
        return 0.0
    return len(_CJK_RE.findall(sample)) / len(sample)


def decode_bytes(data: bytes, name: str) -> tuple[str, str]:
    """Decode ``data``: BOMs, then strict UTF-8, GB18030 and Big5.

    Raises :class:`InputError` naming ``name`` for binary or undecodable data.
    """
    if not data.strip():
        raise InputError(f"{name}: the file is empty")
    for bom, enc, label in ((b"\xef\xbb\xbf", "utf-8", "utf-8-sig"), (b"\xff\xfe", "utf-16", "utf-16"),
                            (b"\xfe\xff", "utf-16", "utf-16")):
        if data.startswith(bom):
            try:
                text = data[3:].decode("utf-8") if enc == "utf-8" else data.decode("utf-16")
            except UnicodeDecodeError as e:
                raise InputError(f"{name}: starts with a {label.upper()} byte-order mark but is not valid "
                                 f"{label.upper()} (byte {e.start})") from None
            return _not_blank(text, name), label
    if _looks_binary(data):
        raise InputError(f"{name}: binary data, not a text notice")
    try:
        return _not_blank(data.decode("utf-8"), name), "utf-8"
    except UnicodeDecodeError:
        pass
    candidates = []
    for enc in ("gb18030", "big5"):
        try:
            text = data.decode(enc)
        except UnicodeDecodeError:
            continue
        candidates.append((_cjk_ratio(text), enc, text))
    if not candidates:
        raise InputError(f"{name}: cannot decode the text as UTF-8, GB18030/GBK or Big5")
    # GB18030 decodes almost anything; prefer the decoding with more common CJK text.
    candidates.sort(key=lambda c: (-c[0], c[1] != "gb18030"))
    return _not_blank(candidates[0][2], name), candidates[0][1]


def _not_blank(text: str, name: str) -> str:
    if not text.strip():  # str.strip also removes U+3000 and other wide spaces
        raise InputError(f"{name}: the file is empty (only white space)")
    return text


class _TextExtractor(HTMLParser):
    _SKIP = {"script", "style", "head", "noscript", "template"}
    _BLOCK = {"p", "div", "br", "tr", "li", "h1", "h2", "h3", "h4", "h5", "h6", "table", "section", "article"}
    _CELL = {"td", "th"}

    def __init__(self):
        super().__init__(convert_charrefs=True)
        self.parts: list[str] = []
        self.skip = 0

    def handle_starttag(self, tag, attrs):
        if tag in self._SKIP:
            self.skip += 1
        elif tag in self._BLOCK:
            self.parts.append("\n")
        elif tag in self._CELL:
            self.parts.append(" ")

    def handle_startendtag(self, tag, attrs):
        if tag == "br":
            self.parts.append("\n")

    def handle_endtag(self, tag):
        if tag in self._SKIP:
            self.skip = max(0, self.skip - 1)
        elif tag in self._BLOCK:
            self.parts.append("\n")

    def handle_data(self, data):
        if not self.skip:
            self.parts.append(data)


_HTML_RE = re.compile(r"<\s*(html|body|p|div|table|br|span|head|meta|!doctype)\b", re.I)


def looks_like_html(text: str) -> bool:
    return bool(_HTML_RE.search(text[:5000]))


def strip_html(text: str) -> str:
    """Visible text of an HTML page (scripts and styles dropped, entities decoded)."""
    p = _TextExtractor()
    p.feed(text)
    p.close()
    out = "".join(p.parts)  # convert_charrefs=True has decoded each entity once
    out = re.sub(r"[ \t\r\f\v\u3000\xa0]*\n[ \t\r\f\v\u3000\xa0\n]*", "\n", out)
    return out.strip()


_TONED = "āáǎàēéěèīíǐìōóǒòūúǔùǖǘǚǜ"
#: a pinyin reading some mirror sites insert after a character (``國網(wǎng)``, ``陳鎮(zhèn)``): Latin
#: letters with a tone mark, in brackets, right after a CJK character; a space may close them
#: (``社會(huì )``, ``聯絡(luò )員``: round 6, ext-68)
PINYIN_NOTE = re.compile(rf"(?<=[\u4e00-\u9fff])[(（](?=[a-zü]*[{_TONED}])[a-zü{_TONED}]{{1,7}} ?[)）]")


def strip_pinyin(text: str) -> str:
    """The text without the pinyin readings a mirror inserted; nothing else changes.

    >>> strip_pinyin("朱國鋒(市發(fā)改委黨組副書記、主任)"), strip_pinyin("区建设局(建管站)(fa)")
    ('朱國鋒(市發改委黨組副書記、主任)', '区建设局(建管站)(fa)')
    >>> strip_pinyin("社會(huì )保障")
    '社會保障'
    """
    return PINYIN_NOTE.sub("", text)


def read_source(path: str | Path) -> SourceText:
    """Read and decode one file; HTML files (by suffix or content) are stripped to text."""
    p = Path(path)
    try:
        data = p.read_bytes()
    except OSError as e:
        raise InputError(f"{p}: cannot read the file: {e.strerror or e}") from None
    text, enc = decode_bytes(data, str(p))
    was_html = p.suffix.lower() in (".html", ".htm") or looks_like_html(text)
    if was_html:
        text = strip_html(text)
        if not text.strip():
            raise InputError(f"{p}: the HTML page has no visible text")
    if PINYIN_NOTE.search(text):  # a mirror's reading aids: 國網(wǎng) is 國網, as the notice writes it
        text = strip_pinyin(text)
    return SourceText(str(p), text, enc, was_html)


#: govgraph's own files, which may sit among the notices: not notices, not listed
_OWN_FILES = {SIDECAR, DECISIONS_FILE}


def browser_folders(page: Path) -> list[Path]:
    """The folders a browser saves a page's files in (``通知_files/``, ``通知.files/``), those present."""
    return [d for d in (page.parent / f"{page.stem}_files", page.parent / f"{page.stem}.files") if d.is_dir()]


def _page_part(rel: tuple[str, ...], top: Path) -> bool:
    """Whether a file (``rel``: its path's parts under the folder ``top``) lies in the browser
    folder of a saved page beside that folder: the page's styles, images, scripts and frames."""
    for k, part in enumerate(rel[:-1]):
        stem = part[:-6] if part.endswith(("_files", ".files")) else None
        if stem and any((top.joinpath(*rel[:k]) / (stem + s)).is_file() for s in (".html", ".htm")):
            return True
    return False


def iter_source_files(paths, skipped: list[Unreadable] | None = None) -> list[Path]:
    """The files to read: files named (whatever their suffix: text is read as text), and in
    folders (searched to any depth, sorted) those of a suffix in :data:`SUFFIXES`.

    Nothing in a folder is passed over in silence: a file of another suffix, or an Office lock
    file (``~$…``, left by Word beside an open document), is appended to ``skipped`` (with the
    reason) when a list is given.  Hidden files (``.…``, ``.DS_Store``) and govgraph's own
    files (``govgraph-place.txt``, ``govgraph-decisions.tsv``) are no notices and not listed;
    nor are the parts of a saved page in its browser folder (``通知_files/``: styles, images,
    scripts, frames): only the files there of a format read here other than a page are taken
    (the page's attachments, read with it: ``loaders.attachments``)."""
    out = []
    for path in paths:
        p = Path(path)
        if p.is_dir():
            for f in sorted(p.rglob("*")):
                rel = f.relative_to(p).parts
                if not f.is_file() or any(part.startswith(".") for part in rel) or f.name in _OWN_FILES:
                    continue
                if f.suffix.lower() not in _ATTACHED and _page_part(rel, p):
                    continue
                if f.name.startswith("~$"):
                    reason = "an Office lock file (~$…), not a document"
                elif f.suffix.lower() not in SUFFIXES:
                    reason = f"unknown format ({f.suffix or 'no suffix'})"
                else:
                    out.append(f)
                    continue
                if skipped is not None:
                    skipped.append(Unreadable(f, reason))
        elif p.exists():
            out.append(p)
        else:
            raise InputError(f"{p}: no such file or folder")
    return out
