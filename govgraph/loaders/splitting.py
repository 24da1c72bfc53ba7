"""Split a source text into notices and read each header.

A concatenated dump carries one header per notice:
``阳政办(2018)11号—区人民政府办公室关于印发…的通知 2018-04-20``.  A file
without such headers is one notice; its document number is read from its
top (a number merely cited in the body does not count), else the file name.

>>> ns, w = split_notices("阳政办(2018)9号—区人民政府办公室关于成立某领导小组的通知 2018-04-12 正文。 "
...                       "阳政办(2018)8号—区人民政府办公室关于印发某方案的通知 2018-03-30 正文。", "dump.txt")
>>> [(n.doc, n.date) for n in ns]
[('阳政办〔2018〕9号', '2018-04-12'), ('阳政办〔2018〕8号', '2018-03-30')]
"""

from __future__ import annotations

import re
from pathlib import Path

from .lexicon import alternation, data_lines
from ..notice import Notice
from .header import (
    DOCNO_RE,
    find_headline,
    find_news_date,
    find_own_doc_number,
    find_session_date,
    find_signature,
    find_title,
    head_date,
    head_end,
    issuer_from_title,
    normalize_doc_number,
    parse_cn_date,
)
from .normalize import work_text

__all__ = ["split_notices", "HEADER_RE"]

_HEAD_DATE = r"(?P<date>(?:19|20)\d{2}-\d{1,2}-\d{1,2}|(?:19|20)\d{2}年\d{1,2}月\d{1,2}日)"
HEADER_RE = re.compile(
    DOCNO_RE.pattern + r"\s*[—–\-－]{1,2}\s*(?P<title>[^\n]{2,200}?)\s+" + _HEAD_DATE
)
# A dump header whose notice has no document number: "—区人民政府关于…的通知 2018-04-20".
BARE_HEADER_RE = re.compile(
    r"(?:^|(?<=\s))[—–]{1,2}\s*(?P<title>[^\s—–]{0,60}关于[^\n]{2,150}?的(?:通知|意见|决定|办法|方案|批复|通报|函|公告|规定|报告))\s+"
    + _HEAD_DATE
)


def _header_notice(work: str, text: str, m: re.Match, end: int, source: str, offset: int) -> Notice:
    if "num" in m.re.groupindex:
        doc = normalize_doc_number(text[m.start():m.end("num") + 6])  # as written (Traditional kept)
    else:
        doc = f"{Path(source).stem}#{offset + m.start()}"
    title = re.sub(r"\s+", "", m.group("title"))
    date = parse_cn_date(m.group("date"))
    body = work[m.start():end]
    issuer, sig_date, _ = find_signature(body)
    return Notice(
        doc=doc,
        text=text[m.start():end],
        title=title,
        title_span=(m.start("title") - m.start(), m.end("title") - m.start()),
        date=date or sig_date,
        issuer=issuer or issuer_from_title(title),
        source=source,
        offset=offset + m.start(),
    )


def split_notices(text: str, source: str, offset: int = 0, meta: dict | None = None) -> tuple[list[Notice], list[str]]:
    """Notices found in ``text`` (decoded content of ``source``) and warnings.

    ``meta``: what the file says of a single notice besides its text (``Document.meta``:
    ``doc``, ``date``, ``issuer``, ``title``), used where the text gives none."""
    warnings: list[str] = []
    work = work_text(text)
    heads = sorted(list(HEADER_RE.finditer(work)) + list(BARE_HEADER_RE.finditer(work)), key=lambda m: m.start())
    if heads:
        notices = []
        lead = work[: heads[0].start()].strip()
        if len(lead) > 20:
            warnings.append(f"{source}: {len(lead)} characters before the first notice header were skipped")
        for i, m in enumerate(heads):
            end = heads[i + 1].start() if i + 1 < len(heads) else len(work)
            n = _header_notice(work, text, m, end, source, offset)
            if "num" not in m.re.groupindex:
                warnings.append(f"{source}: a notice without a document number ({n.title}); using {n.doc!r} as doc")
            notices.append(n)
        return notices, warnings
    return [read_single(text, work, source, offset, warnings, meta)], warnings


_LABEL_DOC = re.compile(r"(?:发文字号|文\s*号)\s*[:：|]?\s*(" + DOCNO_RE.pattern + ")")
_LABEL_TITLE = re.compile(r"(?:标\s*题|名\s*称)\s*[:：]\s*(?P<title>[^\n]{4,150}?)\s*(?:\n|$)")
_LABEL_ISSUER = re.compile(r"(?:发布机构|发布单位|发布部门|发文机关|发文机构|发文单位)\s*[:：|]\s*(?P<issuer>[\u4e00-\u9fff()]{2,40})")
_LABEL_DATE = re.compile(r"(?:成文日期|发文日期|印发日期)\s*[:：]?\s*([^\n]{8,14})")


# 今天是:2025年12月06日: a page's clock line (today_labels.txt), blanked where the notice's date is read
_TODAY_LINE = re.compile(r"(?m)^[ \t]*" + alternation(data_lines("today_labels.txt")) + r"[ \t]*[:：]?[^\n]*")


def _without_today(work: str) -> str:
    """``work`` with a page's clock line blanked (same length: positions hold)."""
    return _TODAY_LINE.sub(lambda m: " " * len(m.group()), work)


def read_single(text: str, work: str, source: str, offset: int, warnings: list[str],
                meta: dict | None = None) -> Notice:
    """One notice without a dump header: its head block, labels and signature (``meta``
    where they give nothing: see ``split_notices``)."""
    meta = meta or {}
    # Web pages and Markdown front matter label their metadata (文号: … 成文日期: …) in the head
    # block; a 文号 column of a table of cited documents further down is not the notice's.
    head = head_end(work, 6000)
    lm = _LABEL_DOC.search(work, 0, head)
    if lm:
        doc = normalize_doc_number(text[lm.start(1):lm.end(1)])
    else:
        doc = find_own_doc_number(work, text)[0]
    stem = Path(source).stem
    if doc is None and meta.get("doc"):
        doc = normalize_doc_number(meta["doc"])
    if doc is None:
        warnings.append(f"{source}: no document number in the notice's header; using the file name {stem!r} as doc")
        doc = stem
    tm = _LABEL_TITLE.search(work, 0, head)
    title, title_span = None, None
    if tm:
        title = re.sub(r"\s+", "", tm.group("title"))
        title_span = (tm.start("title"), tm.end("title"))
    if title is None:
        title, a, b = find_title(work)
        title_span = (a, b) if title else None
    if title is None and meta.get("title"):
        title = re.sub(r"\s+", "", meta["title"])
    full, work = work, _without_today(work)  # the notice's date, never the page's clock (round 24, ext-362)
    date = find_session_date(work)
    issuer, sig_date, _ = find_signature(work, head_end(work))
    if sig_date is None:  # a short notice without a full stop: its head block may hold it all
        issuer, sig_date, _ = find_signature(work)
    date = date or sig_date
    dm = _LABEL_DATE.search(work, 0, head)
    if dm and parse_cn_date(dm.group(1)):
        date = parse_cn_date(dm.group(1))
    if date is None:
        date = find_news_date(work)
        if date is not None and title is None:  # a news item: its headline
            title, a, b = find_headline(work)
            title_span = (a, b) if title else None
    if date is None:  # a date in the head block (a page's 发布日期), not a deadline in the body
        date = head_date(work)
    if date is None and meta.get("date"):
        date = parse_cn_date(meta["date"])
    if date is None:
        warnings.append(f"{source} [{doc}]: no date found in the notice")
    work = full
    im = _LABEL_ISSUER.search(work, 0, head)
    issuer = issuer or issuer_from_title(title) or meta.get("issuer")
    if im and (issuer is None or issuer[0] in "区县市镇乡旗省"):
        issuer = im.group("issuer")  # a 发布机构 label names the place an issuer such as 区人民政府办公室 leaves out
    return Notice(doc=doc, text=text, title=title, date=date, issuer=issuer,
                  source=source, offset=offset, title_span=title_span)
