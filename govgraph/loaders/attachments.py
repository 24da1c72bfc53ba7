"""A notice as governments publish it: a web page and its attachment files, read as one
notice; and any file read into the text the extractor reads, with its ``Locator``.

A saved page (``.html``/``.htm``) has as attachments, in this order:

- the files its links (``<a href=…>``) point to that are present beside it (the link's
  path, its file name in the page's folder or in ``<stem>_files/``, or the link's text
  as a file name); a link to an attachment format (``.docx``, ``.pdf``, ``.xls`` …) whose
  file is not there is a warning naming it;
- files named after it: ``通知.html`` has ``通知.附件1.docx`` and the files of its
  browser folder ``通知_files/`` (``.files/``) in an attachment format;
- in a folder holding this one page, the files in an attachment format that name
  themselves an attachment (``附件1.docx``, ``附表.xlsx``) or whose name the page's text
  names (``任务分解表.xlsx`` for ``附件:任务分解表``).

The notice's text is the page's, then per attachment a line ``附件：<file>`` and the
attachment's text; a fact read in an attachment has its file (and page, table, row,
cell) in its evidence (``render.place_evidence``).  Formats other than text and HTML
are read by ``govgraph.loaders.formats.read_document`` (a file it cannot read raises
``Unreadable`` naming it and why; an attachment that cannot be read is a warning of kind
``unread`` naming it).

>>> from pathlib import Path
>>> import tempfile
>>> d = Path(tempfile.mkdtemp())
>>> _ = (d / "通知.html").write_text('<p>关于X的通知</p><a href="附件1.xlsx">附件1</a>', encoding="utf-8")
>>> _ = (d / "通知.附件2.txt").write_text("附件2 名单", encoding="utf-8")
>>> files, warnings = attachments_of(d / "通知.html")
>>> [f.name for f in files], [str(w).split(": ", 1)[1] for w in warnings]
(['通知.附件2.txt'], ['linked attachment 附件1.xlsx (附件1) is not beside the page; not read'])
>>> page_of(d / "通知.附件2.txt") == d / "通知.html"
True
"""

from __future__ import annotations

import os
import re
from dataclasses import dataclass, field
from functools import lru_cache
from html.parser import HTMLParser
from pathlib import Path
from urllib.parse import unquote, urlsplit

from ..errors import InputError
from ..messages import UNREAD, Message
from .document import Unreadable
from .formats import SUFFIXES as READ_SUFFIXES, known, read_document
from .reading import TEXT_SUFFIXES, browser_folders, decode_bytes, read_source, strip_html
from .render import Locator, Place, render

__all__ = ["Source", "read_file", "read_notice_file", "with_attachments", "attachments_of", "page_of",
           "PAGE_SUFFIXES", "ATTACHMENT_SUFFIXES", "DOCUMENT_SUFFIXES"]

PAGE_SUFFIXES = (".html", ".htm")
#: what a page's attachment may be (the rest of what a page links to are pages, images, scripts)
ATTACHMENT_SUFFIXES = (".doc", ".docx", ".pdf", ".xls", ".xlsx", ".xlsm", ".wps", ".et", ".ofd", ".rtf", ".md", ".txt",
                       ".csv", ".zip", ".rar")


@dataclass
class Source:
    """A file's text as the extractor reads it: ``how`` it was read (the encoding, or the
    format of a document), its ``locator`` (None for a text file), what the file says of
    the notice (``meta``), and for a page with attachments where the page's own text ends
    (``page_end``) and what reading them gave to say (``warnings``)."""

    path: str
    text: str
    how: str
    locator: Locator | None = None
    meta: dict = field(default_factory=dict)
    encoding: str | None = None
    page_end: int | None = None
    attachments: list[str] = field(default_factory=list)
    warnings: list[str] = field(default_factory=list)


#: formats that are never text: without a reader of its own, such a file is not read
_BINARY = frozenset(ATTACHMENT_SUFFIXES) - {".md", ".txt", ".csv"}
#: files read whole as documents, never streamed as text: the formats read
#: (``formats.SUFFIXES``) and those named unread for want of a reader
DOCUMENT_SUFFIXES = tuple(sorted(_BINARY | set(READ_SUFFIXES)))


def _text(p: Path) -> Source:
    src = read_source(p)
    return Source(str(p), src.text, src.encoding + (" (HTML stripped)" if src.was_html else ""),
                  encoding=src.encoding)


def read_file(path: str | Path) -> Source:
    """One file without attachments: text and HTML (``reading.read_source``), or a document
    that ``formats.read_document`` reads, rendered; a file of another suffix that is text
    is read as text.  ``Unreadable`` says why a document cannot be read (a document format
    is never decoded as text: a scanned PDF is no text notice)."""
    p = Path(path)
    suffix = p.suffix.lower()
    if suffix in TEXT_SUFFIXES:
        return _text(p)
    try:
        doc = read_document(p)
    except Unreadable as e:
        if suffix in _BINARY or known(p):
            raise
        try:  # a file of no known suffix, named on the command line: text is read as text
            return _text(p)
        except InputError:
            raise e from None
    text, loc = render(doc)
    if not text.strip():
        raise InputError(f"{p}: the {doc.format} file has no text")
    return Source(str(p), text, doc.format, loc, dict(doc.meta))


def read_notice_file(path: str | Path) -> Source:
    """A file as one source of notices: a page followed by its attachments
    (:func:`with_attachments`), or the file alone.  An attachment that cannot be read is a
    warning naming it."""
    p = Path(path)
    src = read_file(p)
    if p.suffix.lower() not in PAGE_SUFFIXES:
        return src
    files, warnings = _group(p)
    src.warnings += warnings
    read = []
    for f in files:
        try:
            read.append(read_file(f))
        except (InputError, Unreadable) as e:
            src.warnings.append(Message(f"{p}: attachment {e}; not read", UNREAD, source=str(f),
                                        detail=getattr(e, "reason", None)))
    return with_attachments(src, read)


def with_attachments(page: Source, attachments: list[Source]) -> Source:
    """``page`` with the text of each attachment after it, each after a line ``附件：<file>``
    (the file's path from the page's folder); the locator names the attachment's file (and
    its pages, tables, rows and cells) for every span of it."""
    if not attachments:
        return page
    folder = Path(page.path).parent
    parts, loc = [page.text], Locator()
    pos = page.page_end = len(page.text)
    for att in attachments:
        name = _relative(Path(att.path), folder)
        sep = f"\n\n附件：{name}\n"
        parts.append(sep)
        loc.add(pos + 2, pos + len(sep) - 1, Place(file=att.path))
        pos += len(sep)
        parts.append(att.text)
        if att.locator is not None:
            loc.extend(att.locator, pos)
        else:
            loc.add(pos, pos + len(att.text), Place(file=att.path))
        pos += len(att.text)
        page.attachments.append(f"{name} ({att.how})")
        page.warnings += att.warnings
    page.text, page.locator = "".join(parts), loc
    return page


def _relative(f: Path, folder: Path) -> str:
    try:
        return str(f.relative_to(folder))
    except ValueError:
        return str(f)


# ------------------------------------------------------------ which files belong to a page

class _Links(HTMLParser):
    """``(href, link text)`` of every ``<a>`` of a page."""

    def __init__(self):
        super().__init__(convert_charrefs=True)
        self.links: list[list[str]] = []
        self._open = False

    def handle_starttag(self, tag, attrs):
        if tag == "a":
            href = dict(attrs).get("href")
            self._open = href is not None
            if self._open:
                self.links.append([href, ""])

    def handle_endtag(self, tag):
        if tag == "a":
            self._open = False

    def handle_data(self, data):
        if self._open:
            self.links[-1][1] += data


def _suffix(name: str) -> str:
    return Path(name).suffix.lower()


_NAMES_ATTACHMENT = re.compile(r"^(?:附件|附表|附录)")
_ATT_PREFIX = re.compile(r"^(?:附件|附表)?\s*\d{0,2}\s*[:：、.．_\-]?\s*")


_ANY_ATTACHMENT = re.compile(r"\.(?:" + "|".join(x[1:] for x in ATTACHMENT_SUFFIXES) + r")\b", re.I)


def _page_reading(page: Path, text: bool) -> tuple[list[list[str]], str]:
    """The links of a page that may point to an attachment and (``text``) its visible text
    (nothing if it cannot be read)."""
    try:
        html, _ = decode_bytes(page.read_bytes(), str(page))
    except (OSError, InputError):
        return [], ""
    links = []
    if _ANY_ATTACHMENT.search(html):  # else no link names an attachment: no need to parse
        p = _Links()
        p.feed(html)
        p.close()
        links = p.links
    return links, strip_html(html) if text else ""


def _linked(page: Path, href: str, label: str) -> tuple[Path | None, str | None]:
    """The file a link of ``page`` points to, when present beside the page; else (None, the
    name it would have) for a link to an attachment format, (None, None) for any other link."""
    url = urlsplit(href.strip())
    target = unquote(url.path)
    label = " ".join(label.split())
    if _suffix(target) not in ATTACHMENT_SUFFIXES and _suffix(label) not in ATTACHMENT_SUFFIXES:
        return None, None
    base = Path(target).name
    cands = []
    if target and not url.scheme and not url.netloc:
        cands.append(page.parent / target.lstrip("/") if not target.startswith("/") else page.parent / base)
    if base:
        cands += [page.parent / base] + [d / base for d in browser_folders(page)]
    if _suffix(label) in ATTACHMENT_SUFFIXES and "/" not in label:
        cands.append(page.parent / label)
    for c in cands:
        if c.is_file():
            return c, None
    return None, base or label


def _natural(p: Path) -> list:
    """附件2 before 附件10."""
    return [int(x) if x.isdigit() else x for x in re.split(r"(\d+)", str(p))]


class _Listing:
    """A folder's files, listed once: its pages, and the files named after each stem
    (``通知.附件1.docx`` under ``通知`` and ``通知.附件1``)."""

    def __init__(self, folder: Path):
        try:
            self.files = sorted((f for f in folder.iterdir() if f.is_file()), key=_natural)
        except OSError:
            self.files = []
        self.pages = [f for f in self.files if _suffix(f.name) in PAGE_SUFFIXES]
        self.named: dict[str, list[Path]] = {}
        for f in self.files:
            stem = f.stem
            for k, c in enumerate(stem):
                if c == ".":
                    self.named.setdefault(stem[:k], []).append(f)


def attachments_of(page: str | Path, listing: _Listing | None = None) -> tuple[list[Path], list[str]]:
    """The attachment files of a saved page (module docstring), in order, and a warning per
    linked attachment that is not there.  ``listing``: of the page's folder, if made."""
    page = Path(page)
    listing = listing or _Listing(page.parent)
    links, text = _page_reading(page, len(listing.pages) == 1)
    out: list[Path] = []
    warnings: list[str] = []
    me = _abs(page)

    def add(f: Path) -> None:
        if f not in out and _abs(f) != me:
            out.append(f)

    for href, label in links:
        f, missing = _linked(page, href, label)
        if f is not None:
            add(f)
        elif missing is not None and missing not in {w.detail for w in warnings}:
            shown = " ".join(label.split())
            warnings.append(Message(f"{page}: linked attachment {missing}" + (f" ({shown})" if shown and shown != missing
                                                                              else "")
                                    + " is not beside the page; not read", source=str(page), detail=missing))
    for f in listing.named.get(page.stem, []):  # 通知.附件1.docx (通知.txt is the notice again)
        add(f)
    for d in browser_folders(page):
        for f in sorted(d.rglob("*"), key=_natural):
            if f.is_file() and _suffix(f.name) in ATTACHMENT_SUFFIXES:
                add(f)
    if len(listing.pages) == 1:
        squeezed = re.sub(r"\s+", "", text)
        for f in listing.files:
            if _suffix(f.name) not in ATTACHMENT_SUFFIXES or f.suffix.lower() == ".txt":
                continue
            title = _ATT_PREFIX.sub("", f.stem)
            if _NAMES_ATTACHMENT.match(f.stem) or (len(title) >= 4 and title in squeezed):
                add(f)
    return out, warnings


def _abs(p: Path) -> Path:
    """``p`` made absolute (without asking the file system about links)."""
    return Path(os.path.abspath(p))


def page_of(path: str | Path) -> Path | None:
    """The saved page ``path`` is an attachment of (read with that page), or None."""
    p = Path(path)
    key = _abs(p)
    for folder in list(p.parents)[:2]:  # a link may point into a subfolder (附件/任务.docx, <stem>_files/…)
        page = _folder(folder)[0].get(key)
        if page is not None:
            return page
    return None


def _group(page: Path) -> tuple[list[Path], list[str]]:
    """``attachments_of(page)``, from its folder's index."""
    return _folder(page.parent)[1].get(_abs(page)) or attachments_of(page)


def _folder(folder: Path) -> tuple[dict[Path, Path], dict[Path, tuple[list[Path], list[str]]]]:
    try:
        stamp = folder.stat().st_mtime_ns
    except OSError:
        return {}, {}
    return _index(str(folder), stamp)


@lru_cache(maxsize=64)
def _index(folder: str, stamp: int) -> tuple[dict[Path, Path], dict[Path, tuple[list[Path], list[str]]]]:
    """Over the pages of ``folder``: attachment -> its page, and page -> its attachments and
    warnings (resolved paths as keys; cached while the folder's listing does not change:
    ``stamp`` is its modification time)."""
    of: dict[Path, Path] = {}
    groups: dict[Path, tuple[list[Path], list[str]]] = {}
    listing = _Listing(Path(folder))
    for q in sorted(listing.pages, key=lambda q: (len(q.stem), q.name)):
        if _abs(q) in of:
            continue  # a page that is itself an attachment (通知.附件1.html)
        groups[_abs(q)] = got = attachments_of(q, listing)
        for f in got[0]:
            of.setdefault(_abs(f), q)
    return of, groups
