"""Deadlines: ``5月底`` -> ``YYYY-05-31`` in the notice's year; what is not one date stays text.

>>> parse_deadline("5月底", 2018)
('2018-05-31', '5月底')
>>> parse_deadline("10月底前推广10所学校", 2018)
('2018-10-31', '10月底前')
>>> parse_deadline("5月前", 2018)
('2018-04-30', '5月前')
>>> parse_deadline("2018年3月至8月组织实施", 2018)
('2018-08-31', '2018年3月至8月')
>>> parse_deadline("每季度最后一个月20日前报送", 2018)
(None, '每季度最后一个月20日前')
>>> parse_deadline("年底前完成,每季度通报工作进展", 2018)
('2018-12-31', '年底前')
>>> parse_deadline("6月30日前", 2018)
('2018-06-30', '6月30日前')
>>> parse_deadline("年底前", 2018)
('2018-12-31', '年底前')
>>> parse_deadline("2026年底前,完成2030年达标区域系统方案编制", 2024)
('2026-12-31', '2026年底前')
>>> parse_deadline("到2025年,新建学校均需落实", 2024)
('2025-12-31', '到2025年')

A year the work is done in (``于2023年开展…``) is no deadline: its words stay text (round 29, rot36);
one it is to be finished in (``于2025年完成``) is the year's end:

>>> parse_deadline("于2023年开展特色农产品专项调查", 2022), parse_deadline("于2025年完成改造", 2022)
((None, '于2023年'), ('2025-12-31', '于2025年'))

The common forms, in a measure's text (the notice's year fills a missing one):

>>> [text_deadline(t, 2022)[0] for t in ("于2023年1月15日前报送", "5月底前完成", "年底前完成",
...                                      "2019年6月底前完成", "长期坚持", "持续推进", "在6月30号前完成")]
['2023-01-15', '2022-05-31', '2022-12-31', '2019-06-30', None, None, '2022-06-30']

A table's deadline cell is one date as a whole: a month means its last day,
a bare year its last day, and of several dates the last one counts.

>>> parse_due_cell("2019年3月", 2019), parse_due_cell("2019年", 2019)
(('2019-03-31', '2019年3月'), ('2019-12-31', '2019年'))
>>> parse_due_cell("2019年6月、2019年12月", 2019)
('2019-12-31', '2019年6月、2019年12月')
>>> parse_due_cell("长期坚持", 2019), parse_due_cell("每季度", 2019)
((None, '长期坚持'), (None, '每季度'))
"""

from __future__ import annotations

import calendar
import re

__all__ = ["parse_deadline", "parse_due_cell", "text_deadline", "DEADLINE_RE", "EACH_DATE", "last_day"]


# 分别于2017年6月30日和12月10日前,将上半年和全年…报…: two deliveries, each by its date (round 32, ext-395)
_DATE_WORDS = r"(?:(?:19|20)\d{2}年)?\d{1,2}月(?:\d{1,2}日|底)"
EACH_DATE = re.compile(rf"分别(?P<p>于|在)(?P<a>{_DATE_WORDS})(?:前|之前)?(?:和|及|、)(?P<b>{_DATE_WORDS})(?P<q>前|之前)")


def last_day(y: int, m: int) -> str:
    return f"{y:04d}-{m:02d}-{calendar.monthrange(y, m)[1]:02d}"


_Y = r"(?:(?P<y>(?:19|20)\d{2})年)?"
_RECUR = re.compile(r"(每(?:个)?(?:季度|月|周|年|半年)[^,。;]{0,12}?(?:\d{1,2}日|月底|月末)前?|每(?:个)?(?:季度|月|周|年)(?:末|底)?)")
_RANGE = re.compile(
    rf"{_Y}(?P<m1>\d{{1,2}})月(?:(?P<d1>\d{{1,2}})日)?\s*(?:至|到|—|-|~)\s*(?:(?P<y2>(?:19|20)\d{{2}})年)?(?P<m2>\d{{1,2}})月(?:(?P<d2>\d{{1,2}})日)?"
)
_DAY = re.compile(rf"{_Y}(?P<m>\d{{1,2}})月(?P<d>\d{{1,2}})[日号](?:前|之前|以前)?")  # 6月30号前: 号 as 日
_MONTH_END = re.compile(rf"{_Y}(?P<m>\d{{1,2}})月(?:份)?(?:底|末|下旬)(?:前|之前)?")
_MONTH_BEFORE = re.compile(rf"{_Y}(?P<m>\d{{1,2}})月(?:份)?(?:前|之前|以前)")
_MONTH_MID = re.compile(rf"{_Y}(?P<m>\d{{1,2}})月(?:份)?(?P<part>上旬|中旬)(?:前)?")
_MONTH_DONE = re.compile(rf"{_Y}(?P<m>\d{{1,2}})月(?:份)?(?:完成|内完成|内)")
_YEAR_END = re.compile(rf"(?:(?P<y>(?:19|20)\d{{2}})(?=年))?(?:年底|年末|年内)(?:前|之前)?")
_BY_YEAR = re.compile(r"(?:到|至|于)(?P<y>(?:19|20)\d{2})年(?![\d底末内初中])")
# 于YYYY年 dates the work only where what follows finishes it (于2025年完成); 于2023年开展… is the year of the work
_IN_YEAR_DONE = re.compile(r"前|之前|(?:全面|基本)?(?:完成|建成|实现)")
_HALF = re.compile(rf"{_Y}(?P<h>上半年|下半年)")
_QUARTER = re.compile(rf"{_Y}(?:第)?(?P<q>[一二三四1-4])季度(?:末|底)?(?:前)?")

DEADLINE_RE = re.compile(
    r"((?:19|20)\d{2}年)?\d{1,2}月(?:\d{1,2}[日号]|份|底|末|前|上旬|中旬|下旬|完成)|年底|年末|上半年|下半年|[一二三四]季度|每(?:个)?(?:季度|月|周)|(?:到|至|于)(?:19|20)\d{2}年"
)


def _year(m: re.Match, default: int | None) -> int | None:
    y = m.groupdict().get("y")
    return int(y) if y else default


def parse_deadline(text: str, year: int | None) -> tuple[str | None, str | None]:
    """(ISO date or None, the deadline words found or None)."""
    if not text:
        return None, None
    recur = _RECUR.search(text)
    if recur:
        # "年底前完成,每季度通报": a one-off deadline written before the recurring one wins.
        head = text[: recur.start()]
        d, dt = parse_deadline(head, year) if head.strip() else (None, None)
        return (d, dt) if d else (None, recur.group(0))
    m = _RANGE.search(text)
    if m:
        y = int(m.group("y2") or m.group("y") or year or 0)
        mo = int(m.group("m2"))
        if y and 1 <= mo <= 12:
            d = m.group("d2")
            return (f"{y:04d}-{mo:02d}-{int(d):02d}" if d else last_day(y, mo)), m.group(0)
    best = []
    for rx, kind in ((_DAY, "day"), (_MONTH_END, "end"), (_MONTH_MID, "mid"), (_MONTH_BEFORE, "before"),
                     (_MONTH_DONE, "end"), (_HALF, "half"), (_QUARTER, "quarter"), (_YEAR_END, "year"),
                     (_BY_YEAR, "year")):
        m = rx.search(text)
        if m:
            best.append((m.start(), -len(m.group(0)), kind, m))
    if not best:
        return None, None
    _, _, kind, m = min(best, key=lambda b: (b[0], b[1]))
    y = _year(m, year)
    if not y:
        return None, m.group(0)
    try:
        if kind == "day":
            return f"{y:04d}-{int(m.group('m')):02d}-{int(m.group('d')):02d}", m.group(0)
        if kind == "end":
            return last_day(y, int(m.group("m"))), m.group(0)
        if kind == "mid":
            return f"{y:04d}-{int(m.group('m')):02d}-{10 if m.group('part') == '上旬' else 20:02d}", m.group(0)
        if kind == "before":
            mo = int(m.group("m"))
            return (last_day(y, mo - 1) if mo > 1 else f"{y - 1:04d}-12-31"), m.group(0)
        if kind == "half":
            return (f"{y:04d}-06-30" if m.group("h") == "上半年" else f"{y:04d}-12-31"), m.group(0)
        if kind == "quarter":
            q = "一二三四".find(m.group("q")) + 1 if not m.group("q").isdigit() else int(m.group("q"))
            return last_day(y, q * 3), m.group(0)
        if m.group(0).startswith("于") and m.re is _BY_YEAR and not _IN_YEAR_DONE.match(text, m.end()):
            return None, m.group(0)
        return f"{y:04d}-12-31", m.group(0)
    except ValueError:
        return None, m.group(0)


_CELL_DATE = re.compile(
    r"(?:(?P<y>(?:19|20)\d{2})\s*年)?\s*(?:(?P<m>\d{1,2})\s*月(?:份)?(?:\s*(?P<d>\d{1,2})\s*日)?|(?P<ye>年底|年末|年内|全年))"
    r"|(?P<yo>(?:19|20)\d{2})\s*年(?!\s*(?:\d|起|以来))")


_DAY_RANGE = re.compile(r"(\d{1,2})月(\d{1,2})\s*[-—–~至到]\s*(\d{1,2})日")


def parse_due_cell(cell: str, year: int | None) -> tuple[str | None, str | None]:
    """(ISO date or None, the cell) for the whole of a table's deadline cell.

    >>> parse_due_cell("2021年3月7日-3月10日", None)
    ('2021-03-10', '2021年3月7日-3月10日')
    >>> parse_due_cell("2011年1月6-12日", None)
    ('2011-01-12', '2011年1月6-12日')
    """
    cell = cell.strip()
    if not cell:
        return None, None
    if _RECUR.search(cell) or not re.search(r"\d|年底|年末|年内|季度|半年", cell):
        return None, cell
    if re.search(r"季度|半年|旬", cell):
        return parse_deadline(cell, year)[0], cell
    dates = []
    written = None  # a date without its year after one with it (2021年3月7日-3月10日) is of that year
    # days of one month written as a range (2011年1月6-12日): the range's last day (round 17, ext-274)
    read = _DAY_RANGE.sub(lambda m: m.group(1) + "月" + m.group(3) + "日", cell)
    for m in _CELL_DATE.finditer(read):
        y = int(m.group("y") or m.group("yo") or written or year or 0)
        written = m.group("y") or m.group("yo") or written
        if not y:
            continue
        if m.group("yo"):
            dates.append(f"{y:04d}-12-31")
        elif m.group("ye"):
            dates.append(f"{y:04d}-12-31")
        elif 1 <= int(m.group("m")) <= 12:
            if m.group("d"):
                dates.append(f"{y:04d}-{int(m.group('m')):02d}-{int(m.group('d')):02d}")
            elif re.match(r"\s*(?:前|之前|以前)", read[m.end():]):
                mo = int(m.group("m"))
                dates.append(last_day(y, mo - 1) if mo > 1 else f"{y - 1:04d}-12-31")
            else:
                dates.append(last_day(y, int(m.group("m"))))
    if not dates:
        d, _ = parse_deadline(cell, year)
        return d, cell
    return max(dates), cell


_CLAUSE = re.compile(r"[^,，。;；\n]+")
_RECUR_YEARLY = re.compile(r"每(?:个)?年")
_ONE_OFF = re.compile(r"前|底|末|完成|年内|上半年|下半年|季度|(?:到|至|于)(?:19|20)\d{2}年")


def text_deadline(text: str, year: int | None, context: str = "") -> tuple[str | None, str | None]:
    """The last one-off target date a measure's text states (``到2025年底…到2030年底`` -> 2030),
    recurring ones left out; (None, None) when it states none. ``context``: the words before
    the text in its sentence (``每年2月底前…,`` makes a later ``3月底前`` recurring too).

    >>> text_deadline("10月底前,提请区政府制定出台文件,年底前完成", 2022)
    ('2022-12-31', '年底前')
    >>> text_deadline("每月28日前报送", 2022), text_deadline("强化前期自查、年中指导、年末检查", 2024)
    ((None, None), (None, None))
    >>> text_deadline("对督查发现的问题限期整改,年底逐一绩效对账", 2021)
    (None, None)
    >>> text_deadline("3月底前国家卫生健康委完成分析", 2019, context="2020年起,每年2月底前各省份完成考核,")
    (None, None)
    """
    best = (None, None)
    # 每年2月底前…,3月底前…: a later date is each year's too; after 每季度末…,年底前… the year's end is one
    recurring = bool(_RECUR_YEARLY.search(context))
    for m in _CLAUSE.finditer(text):
        clause = m.group()
        if not _ONE_OFF.search(clause) or not DEADLINE_RE.search(clause):
            continue
        if _RECUR_YEARLY.search(clause):
            recurring = True
        d, dt = parse_deadline(clause, year)
        if not d:
            continue
        at = clause.find(dt)
        after, before = clause[at + len(dt):][:3], clause[max(0, at - 1):at]
        explicit_year = bool(re.match(r"(?:19|20)\d{2}", dt))
        if recurring and not explicit_year:
            continue  # 每年2月底前…,3月底前…: every year
        if not (re.search(r"前|完成|内|^(?:到|至|于)|上半年|下半年|季度", dt)
                or re.match(r"(?:前|之前|以前|完成|内)", after) or before in ("到", "至", "于", "在")
                or ("底" in dt and explicit_year)):
            continue  # 年末检查, 年底逐一对账, 6月30日召开: a date, not a target
        if best[0] is None or d > best[0]:
            best = (d, dt)
    return best
