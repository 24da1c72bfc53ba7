"""Document numbers, dates, titles and issuers of notices.

>>> normalize_doc_number("阳政办(2018)9号")
'阳政办〔2018〕9号'
>>> normalize_doc_number("武政办〔 2018 〕 16 号")
'武政办〔2018〕16号'
>>> parse_cn_date("2018年4月20日")
'2018-04-20'
"""

from __future__ import annotations

import re

__all__ = [
    "DOCNO_RE",
    "normalize_doc_number",
    "parse_cn_date",
    "find_signature",
    "find_own_doc_number",
    "issuer_from_title",
]

_CJK = "\u4e00-\u9fff"
DOCNO_RE = re.compile(
    rf"(?P<org>[{_CJK}]{{1,12}}?)\s*[〔\[(（【]\s*(?P<year>(?:19|20)\d{{2}})\s*[〕\])）】]\s*第?\s*(?P<num>\d{{1,5}})\s*号"
)


def normalize_doc_number(s: str) -> str:
    m = DOCNO_RE.search(s)
    if not m:
        return re.sub(r"\s+", "", s)
    return f"{m.group('org')}〔{m.group('year')}〕{int(m.group('num'))}号"


_CN_DATE = re.compile(r"((?:19|20)\d{2})\s*年\s*(\d{1,2})\s*月\s*(\d{1,2})\s*日")
_ISO_DATE = re.compile(r"((?:19|20)\d{2})[-./](\d{1,2})[-./](\d{1,2})")
_CN_NUM = {"〇": 0, "○": 0, "零": 0, "一": 1, "二": 2, "三": 3, "四": 4, "五": 5, "六": 6, "七": 7, "八": 8, "九": 9}


def _cn_year_digits(s: str) -> str:
    return "".join(str(_CN_NUM.get(c, c)) for c in s)


def parse_cn_date(s: str) -> str | None:
    """ISO date of the first ``YYYY年M月D日`` or ``YYYY-MM-DD`` in ``s``."""
    s = re.sub(r"[〇○零一二三四五六七八九]{4}(?=年)", lambda m: _cn_year_digits(m.group()), s)
    for rx in (_CN_DATE, _ISO_DATE):
        m = rx.search(s)
        if m:
            y, mo, d = int(m.group(1)), int(m.group(2)), int(m.group(3))
            if 1 <= mo <= 12 and 1 <= d <= 31:
                return f"{y:04d}-{mo:02d}-{d:02d}"
    return None


_SIGNATURE = re.compile(
    rf"(?:^|[\s。])(?P<issuer>[{_CJK}()]{{3,40}}?(?:人民政府办公室|人民政府办公厅|人民政府|办公室|办公厅|委员会|局|委|厅|部|办))\s*"
    r"(?P<date>(?:19|20)\d{2}\s*年\s*\d{1,2}\s*月\s*\d{1,2}\s*日)(?!\s*印发)"
)


def find_signature(work: str) -> tuple[str | None, str | None, int | None]:
    """Issuer and date of the first signature block (``机关 2018年4月20日``)."""
    m = _SIGNATURE.search(work)
    if not m:
        return None, None, None
    return re.sub(r"\s+", "", m.group("issuer")), parse_cn_date(m.group("date")), m.start("issuer")


_CITED_BEFORE = re.compile(r"(根据|按照|依据|依照|参照|贯彻|落实|印发|转发|《|见|经)[^\s。]{0,40}$")


def find_own_doc_number(work: str, limit: int = 400) -> tuple[str | None, int | None]:
    """The notice's own document number near its top, not one merely cited.

    >>> find_own_doc_number("阳政办〔2018〕9号 关于成立…的通知")[0]
    '阳政办〔2018〕9号'
    >>> find_own_doc_number("根据《关于…的通知》(武政办〔2018〕16号)精神")[0] is None
    True
    """
    for m in DOCNO_RE.finditer(work[:limit]):
        before = work[max(0, m.start() - 60):m.start()]
        if before.rstrip().endswith(("(", "（")) or _CITED_BEFORE.search(before):
            continue
        # A cited number is usually followed by 精神/文件/要求 or a closing bracket.
        after = work[m.end():m.end() + 4]
        if after.startswith((")", "）", "精神", "文件", "要求")):
            continue
        return normalize_doc_number(m.group()), m.start()
    return None, None


def issuer_from_title(title: str | None) -> str | None:
    """``区人民政府办公室关于印发…的通知`` -> ``区人民政府办公室``."""
    if not title:
        return None
    m = re.match(rf"([{_CJK}]{{2,30}}?)关于", title)
    return m.group(1) if m else None
