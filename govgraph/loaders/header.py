"""Document numbers, dates, titles and issuers of notices.

>>> normalize_doc_number("阳政办(2018)9号")
'阳政办〔2018〕9号'
>>> normalize_doc_number("武政办〔 2018 〕 16 号")
'武政办〔2018〕16号'
>>> normalize_doc_number("盤政辦發〔2021〕1號")  # Traditional script is kept as written
'盤政辦發〔2021〕1號'
>>> normalize_doc_number("国发（２０１８）３８号")
'国发〔2018〕38号'
>>> parse_cn_date("2018年4月20日")
'2018-04-20'
>>> parse_cn_date("二○○三年十二月十六日")
'2003-12-16'
"""

from __future__ import annotations

import re
from functools import lru_cache

from .lexicon import alternation, data_lines

__all__ = [
    "DOCNO_RE",
    "DOC_TYPES",
    "normalize_doc_number",
    "parse_cn_date",
    "find_signature",
    "find_own_doc_number",
    "find_title",
    "find_session_date",
    "find_news_date",
    "find_headline",
    "head_end",
    "head_date",
    "issuer_from_title",
]

_CJK = "\u4e00-\u9fff"
DOCNO_RE = re.compile(
    rf"(?P<org>[{_CJK}]{{1,12}}?)\s*[〔\[(（【]\s*(?P<year>(?:19|20)\d{{2}})\s*[〕\])）】]\s*(?P<di>第?)\s*(?P<num>\d{{1,5}})\s*[号號]"
)
# What a notice's title ends with (通知, 意见, 决定 …).
DOC_TYPES = tuple(data_lines("doc_types.txt"))
_DOC_TYPE_END = "(?:" + "|".join(DOC_TYPES) + ")"


_FULLWIDTH = str.maketrans("０１２３４５６７８９（）［］", "0123456789()[]")


def normalize_doc_number(s: str) -> str:
    """``org〔year〕N号`` with the brackets, spaces and leading zeros of the text made uniform.

    The characters of the organisation, a 第 before the number and 号/號 are kept as written.

    >>> normalize_doc_number("阳政办(2018)09号"), normalize_doc_number("某省人民政府令〔2010〕 第15号")
    ('阳政办〔2018〕9号', '某省人民政府令〔2010〕第15号')
    """
    m = DOCNO_RE.search(s.translate(_FULLWIDTH))
    if not m:
        return re.sub(r"\s+", "", s)
    return f"{m.group('org')}〔{m.group('year')}〕{m.group('di')}{int(m.group('num'))}{m.group()[-1]}"


_ZERO = "〇○零OoＯ"
_CN_DIGIT = {"一": 1, "二": 2, "三": 3, "四": 4, "五": 5, "六": 6, "七": 7, "八": 8, "九": 9}
_CN_YEAR = rf"[一二][{_ZERO}一二三四五六七八九]{{3}}"
_CN_MD = r"(?:[一二三]?十[一二三四五六七八九]?|[一二三四五六七八九])"
_DATE_PART = rf"(?P<y>(?:19|20)\d{{2}}|{_CN_YEAR})\s*年\s*(?P<m>\d{{1,2}}|{_CN_MD})\s*月\s*(?P<d>\d{{1,2}}|{_CN_MD})\s*[日号]"
DATE_RE = re.compile(_DATE_PART)
_ISO_DATE = re.compile(r"(?<!\d)((?:19|20)\d{2})[-./](\d{1,2})[-./](\d{1,2})(?!\d)")


def _cn_int(s: str) -> int:
    """``23``, ``二十三``, ``十二``, ``三`` -> int; a Chinese-numeral year digit by digit."""
    if s.isdigit():
        return int(s)
    if "十" in s:
        tens, _, units = s.partition("十")
        return (_CN_DIGIT.get(tens, 1) if tens else 1) * 10 + (_CN_DIGIT.get(units, 0) if units else 0)
    if len(s) == 4:  # a year: 二〇一八
        return int("".join("0" if c in _ZERO else str(_CN_DIGIT[c]) for c in s))
    return _CN_DIGIT.get(s, 0)


def _iso(y: int, mo: int, d: int) -> str | None:
    if 1900 <= y <= 2099 and 1 <= mo <= 12 and 1 <= d <= 31:
        return f"{y:04d}-{mo:02d}-{d:02d}"
    return None


def _date_of(m: re.Match) -> str | None:
    return _iso(_cn_int(m.group("y")), _cn_int(m.group("m")), _cn_int(m.group("d")))


def parse_cn_date(s: str) -> str | None:
    """ISO date of the first ``YYYY年M月D日`` (also in Chinese numerals) or ``YYYY-MM-DD`` in ``s``."""
    for m in DATE_RE.finditer(s):
        d = _date_of(m)
        if d:
            return d
    m = _ISO_DATE.search(s)
    if m:
        return _iso(int(m.group(1)), int(m.group(2)), int(m.group(3)))
    return None


_ISSUER_END = alternation(data_lines("issuer_endings.txt"))
_SIGNATURE = re.compile(
    rf"(?:^|[\s。])(?P<issuer>[{_CJK}()]{{2,40}}?{_ISSUER_END})\s*"
    rf"(?P<date>{_DATE_PART})(?!\s*印发)"
)
_DATE_LINE = re.compile(rf"(?m)^[ \t]*(?P<date>{_DATE_PART})[ \t]*$")


def _table_cells(lines: list[re.Match]) -> set[int]:
    """Positions of the lines holding only a date that have another such line within 300
    characters: dates one per line close together are the cells of a table, not a signature."""
    pos = [x.start("date") for x in lines]  # in text order
    return {p for i, p in enumerate(pos)
            if (i > 0 and p - pos[i - 1] < 300) or (i + 1 < len(pos) and pos[i + 1] - p < 300)}


def find_signature(work: str, start: int = 0) -> tuple[str | None, str | None, int | None]:
    """Issuer, date and position of the first signature block at or after ``start``.

    A signature is an issuer followed by a date on the same or the next line
    (``国务院办公厅`` / ``2018年12月30日``, dates also in Chinese numerals); without
    an issuer, a line holding only a date.

    >>> find_signature("正文。 武汉市汉阳区人民政府办公室 2018年4月20日")[:2]
    ('武汉市汉阳区人民政府办公室', '2018-04-20')
    >>> find_signature("正文。\\n国务院\\n二〇一八年三月五日\\n")[:2]
    ('国务院', '2018-03-05')
    >>> find_signature("各设区市: 正文。 二〇一〇年三月五日\\n|\\n")[:2]
    (None, '2010-03-05')
    """
    lone = list(_DATE_LINE.finditer(work, start))
    cells = _table_cells(lone)
    d = next((x for x in lone if x.start("date") not in cells), None)
    m = None
    for cand in _SIGNATURE.finditer(work, start):
        if d is not None and cand.start("date") > d.start("date"):
            break
        if cand.start("date") not in cells:
            m = cand
            break
    if m and (d is None or m.start("date") <= d.start("date")) and _date_of(m):
        return re.sub(r"\s+", "", m.group("issuer")), _date_of(m), m.start("issuer")
    if d and _date_of(d):
        return None, _date_of(d), d.start("date")
    c = _CLOSING_DATE.search(work, start)
    if c and _date_of(c):
        # …于3月20日前送局办公室汇总。 二〇一〇年三月五日 / |: a body run together on one line, its date after the last
        # sentence's end and nothing but a page's rule after it (round 29, rot36, ext-392)
        return None, _date_of(c), c.start("date")
    return None, None, None


_CLOSING_DATE = re.compile(rf"(?<=。)[ \t\u3000]+(?P<date>{_DATE_PART})[ \t\u3000]*(?:\n[ \t\u3000|]*)*\Z")


_SESSION = re.compile(rf"\(\s*(?P<date>{_DATE_PART})[^()\n]{{0,60}}?会议(?:审议)?(?:通过|批准|决定)\s*\)")


def find_session_date(work: str, limit: int = 800) -> str | None:
    """Date of the session that passed a decision: ``(2024年10月25日…第二十五次会议通过)``.

    >>> find_session_date("关于…的决定\\n(2024年10月25日肃宁县第十八届人民代表大会常务委员会第二十五次会议通过)")
    '2024-10-25'
    """
    m = _SESSION.search(work[:limit])
    return _date_of(m) if m else None


_CITE_WORDS = tuple(data_lines("cite_words.txt"))
_CITED_BEFORE = re.compile("(" + "|".join(map(re.escape, _CITE_WORDS)) + r"|《|见|经)[^\s。]{0,40}$")
_TITLE_ENDS_BEFORE = re.compile(rf"的\s*{_DOC_TYPE_END}\s*[(\[]?\s*$")
# A line that opens with an item's number ((二), 二、, 3.) is body text: a number in it is cited, not the notice's own.
_ITEM_LINE = re.compile(r"\s*(?:[(（][一二三四五六七八九十\d]{1,3}[)）]|[一二三四五六七八九十]{1,3}、|\d{1,2}[.、．](?!\d)|第[一二三四五六七八九十百]{1,4}条)")
_ADDRESSEE_LINE = re.compile(r"(?m)^[^\n]{2,200}:[ \t]*$")


@lru_cache(maxsize=1)
def _page_labels() -> frozenset:
    return frozenset(data_lines("page_labels.txt"))


def _is_page_label(text: str) -> bool:
    """Whether ``text`` (a label, with its bullets, spaces and colon) is a page label (page_labels.txt)."""
    return re.sub(r"[\s•·:]", "", text) in _page_labels()


def _on_label_line(work: str, i: int) -> bool:
    """Whether position ``i`` of ``work`` is on a line that a page label opens (``简介:…``)."""
    line = work[work.rfind("\n", 0, i) + 1:i]
    label, colon, _ = line.partition(":")
    if not colon:
        label, colon, _ = line.partition("：")
    return bool(colon) and _is_page_label(label)


def head_end(work: str, limit: int = 800) -> int:
    """End of the head block: before the addressee line (a line ending with a colon) or the first full stop
    (not one of a line a page label opens: a document-sharing site's ``简介:`` before the notice)."""
    end = min(len(work), limit)
    stop = work.find("。", 0, end)
    while stop != -1 and _on_label_line(work, stop):  # a site's 简介: … sentence is no part of the notice
        stop = work.find("。", stop + 1, end)
    if stop != -1:
        end = stop
    for m in _ADDRESSEE_LINE.finditer(work, 0, end):
        if m.group().count(":") == 1 and "|" not in m.group() \
                and not _is_page_label(m.group()):  # not a row of page metadata
            # (a label whose field is empty, '  • 公文种类:', is no addressee line either; round 20, ext-301)
            if not _ADDRESSEE_LINE.sub("", work[:m.start()]).strip():
                continue  # 页面:/字体:/对比度: — a run of page labels at the top, before any title
            return m.start()
    return end


def head_date(work: str, limit: int = 300) -> str | None:
    """A date in the head block (a page's 发布日期); none where the copy's first line opens with an
    item's number: a copy that starts inside the body (``(六)出版发行…`` … ``(一)时间:2008年2月19日—23日``)
    has no head, and an event's date in its items is no date of the notice. (A plan with its title
    first and its event's date under ``二、活动时间`` keeps that date, as its gold reads it.)

    >>> head_date("发布日期:2018-04-12\\n某县人民政府关于…的通知")
    '2018-04-12'
    >>> head_date("(六)出版发行某书\\n六、时间、地点\\n(一)时间:2008年2月19日—23日") is None
    True
    """
    head = work[:head_end(work, limit)]
    first = next((line for line in head.split("\n") if line.strip()), "")
    if _ITEM_LINE.match(first):
        return None
    return parse_cn_date(head)


def find_own_doc_number(work: str, text: str | None = None, limit: int = 800) -> tuple[str | None, int | None]:
    """The notice's own document number in its head block, not one merely cited.

    The head block ends at the addressee line or the first full stop. A number
    on a line of its own (in any bracket), at the start of a line, or right after
    the title is the notice's own; one after 根据/按照/印发…/《 is cited. ``text``
    (the source, same length as ``work``) gives the number as written (Traditional
    script kept).

    >>> find_own_doc_number("阳政办〔2018〕9号 关于成立…的通知")[0]
    '阳政办〔2018〕9号'
    >>> find_own_doc_number("根据《关于…的通知》(武政办〔2018〕16号)精神")[0] is None
    True
    >>> find_own_doc_number("国务院办公厅关于深入开展消费扶贫\\n助力打赢脱贫攻坚战的指导意见\\n国办发〔2018〕129号\\n各省:")[0]
    '国办发〔2018〕129号'
    >>> find_own_doc_number("某市人民政府办公室关于成立某领导小组的通知\\n(肇府办〔2008〕62号)\\n各区:")[0]
    '肇府办〔2008〕62号'
    >>> find_own_doc_number("各村,各有关单位:\\n根据武政办发[2008]73号《关于…的意见》文件精神,决定成立…")[0] is None
    True
    >>> find_own_doc_number("2021年县政府重点工作任务(某政发〔2021〕2号)\\n各乡镇:")[0]
    '某政发〔2021〕2号'
    """
    src = text if text is not None else work
    end = head_end(work, limit)
    for m in DOCNO_RE.finditer(work, 0, end):
        org = m.group("org")
        if any(w in org for w in _CITE_WORDS):
            continue  # 根据武政办发[2008]73号: the match began at the citing verb
        ls = max(work.rfind("\n", 0, m.start()), work.rfind("。", 0, m.start())) + 1
        le = work.find("\n", m.end())
        le = len(work) if le == -1 else le
        before, after = work[ls:m.start()], work[m.end():le]
        if after.lstrip().startswith(("精神", "文件", "要求", "》", "《", "的")):
            continue
        alone = before.strip() in ("", "(", "[") and after.strip() in ("", ")", "]")
        starts_line = before.strip() == ""
        after_title = bool(_TITLE_ENDS_BEFORE.search(before)) and not _CITED_BEFORE.search(
            before.split("关于")[0]) and "《" not in before[-3:]
        # 2021年县政府重点工作任务(某政发〔2021〕2号): a short head line closed by its number in brackets
        closes_line = before.rstrip().endswith(("(", "（")) and after.strip() in (")", "）") and len(before) < 60 \
            and not _CITED_BEFORE.search(before) and not _TITLE_WORDS.search(before) and "《" not in before
        # (哈厅字[2007]4号 2007年2月1日): the number and the date in one bracket under the title (round 13, ext-175)
        dated = before.strip() in ("(", "（", "[") and bool(
            re.fullmatch(r"\s+(?:19|20)\d{2}年\d{1,2}月\d{1,2}日\s*[)）\]]\s*", after))
        if not (alone or starts_line or after_title or closes_line or dated):
            if before.rstrip().endswith(("(", "（")) or _CITED_BEFORE.search(before):
                continue
            if after.startswith((")", "）")):
                continue
            if _ITEM_LINE.match(before):
                continue  # (二)…货场,按〔2006〕87号…执行: a copy that starts inside the body cites it (round 15)
        return normalize_doc_number(src[m.start():m.end()]), m.start()
    return None, None


_TYPE_END = re.compile(rf"{_DOC_TYPE_END}$")
_SITE_AFTER = re.compile(rf"关于.{{2,80}}?{_DOC_TYPE_END}(?P<cut>[-_|—]+[^-_|—,。:]{{2,20}})$")
_TITLE_WORDS = re.compile(r"关于|转发|印发|的")
_ISSUER_LINE = re.compile(rf"[{_CJK}()]{{2,40}}{_ISSUER_END}")
_DOCNO_PLAIN = re.sub(r"\?P<\w+>", "", DOCNO_RE.pattern)
_DOCNO_EDGE = re.compile(r"^" + _DOCNO_PLAIN + r"|[(\[]?" + _DOCNO_PLAIN + r"[)\]]?$")


_FIELD_LABEL = re.compile(r"[ \t\u3000]*(?:标题|名称|标 题|名 称)[ \t\u3000]*[:：]?[ \t\u3000]+(?=\S)")


def _head_lines(work: str, end: int) -> list[tuple[int, int, str]]:
    """(start, end, text without spaces) of the non-empty lines before ``end``; a number
    written at the start or end of a title line (``…的通知(城北政办〔2020〕32号)``) is cut off."""
    out, pos = [], 0
    for raw in work[:end].split("\n"):
        s = re.sub(r"\s+", "", raw)
        label = _FIELD_LABEL.match(raw)
        if label and len(raw) > label.end():
            # a page's metadata field (标题 市人民政府办公室关于…的通知): the label is no part of the title
            # (round 6, ext-69)
            s = re.sub(r"\s+", "", raw[label.end():])
            pos += label.end()
            raw = raw[label.end():]
        if s:
            a, b = pos + len(raw) - len(raw.lstrip()), pos + len(raw.rstrip())
            m = _DOCNO_EDGE.search(s)
            if m and m.end() - m.start() < len(s):
                s = s[:m.start()] + s[m.end():]
                if m.start() == 0:
                    a = work.find(s[0], a, b)
                else:
                    b = work.rfind(s[-1], a, b) + 1
            site = _SITE_AFTER.search(s)
            if site:
                # a mirror's page title (…的通知-某某网络平台): the site's name is no part of the title
                # (round 13, ext-167)
                s = s[:site.start("cut")]
                b = work.rfind(s[-1], a, b) + 1
            out.append((a, b, s))
        pos += len(raw) + 1
    return out


def _bad_title_line(s: str) -> bool:
    return ":" in s or "|" in s or bool(DOCNO_RE.search(s) or DATE_RE.search(s) or _ISO_DATE.search(s))


def find_title(work: str, limit: int = 2000) -> tuple[str | None, int | None, int | None]:
    """The notice's title in its head block, joined when it wraps over two to four lines.

    Returns (title without spaces, start, end) or Nones. An issuer's name on the
    line before ``关于…`` belongs to the title.

    >>> find_title("国务院办公厅关于开展\\n城镇小区配套幼儿园治理工作的通知\\n国办发〔2019〕3号\\n各省:")[0]
    '国务院办公厅关于开展城镇小区配套幼儿园治理工作的通知'
    >>> find_title("某旗人民政府办公室\\n关于印发2022年《政府工作报告》\\n重点任务分工的通知\\n各部门:")[0]
    '某旗人民政府办公室关于印发2022年《政府工作报告》重点任务分工的通知'
    >>> find_title("某区人民政府办公室关于建立某联席会议制度的通知(城北政办〔2020〕32号)\\n各镇:")[0]
    '某区人民政府办公室关于建立某联席会议制度的通知'
    """
    end = min(len(work), limit)
    stop = work.find("。", 0, end)
    lines = _head_lines(work, stop if stop != -1 else end)
    for i, (a, b, s) in enumerate(lines):
        if s.endswith(":"):
            break  # the addressees
        if not _TYPE_END.search(s) or _bad_title_line(s) or len(s) > 200:
            continue
        last = i  # a title may go on: 关于印发2021年区政府工作报告 / 目标任务分解方案的通知
        while last + 1 < len(lines) and last - i < 2:
            nx = lines[last + 1][2]
            if _bad_title_line(nx) or "关于" in nx or not _TYPE_END.search(nx) or len(nx) > 60:
                break
            last += 1
        first = i
        j = i - 1
        while j >= 0 and i - j <= 3:
            pj = lines[j][2]
            if _bad_title_line(pj) or len(pj) > 60 or _TYPE_END.search(pj):
                break
            if "关于" in "".join(x[2] for x in lines[first:last + 1]) and not _ISSUER_LINE.fullmatch(pj):
                break
            first = j
            j -= 1
        joined = "".join(x[2] for x in lines[first:last + 1])
        if not _TITLE_WORDS.search(joined):
            continue
        return joined, lines[first][0], lines[last][1]
    return None, None, None


def find_headline(work: str) -> tuple[str | None, int | None, int | None]:
    """A news item's headline: the line just before its dateline, else the first of its
    first three lines that is no dateline, source, address or sentence.

    >>> find_headline("2018-04-05 00:00\\n方永祥兼任退役部副部長\\n國務院昨天宣布,…")[0]
    '方永祥兼任退役部副部長'
    >>> find_headline("北京青年报\\n37岁翟大伟任响水县代县长,成江苏最年轻区县主官\\n澎湃新闻 2024-11-23 09:26\\n11月22日下午,…")[0]
    '37岁翟大伟任响水县代县长,成江苏最年轻区县主官'
    """
    lines = _head_lines(work, min(len(work), 400))[:4]

    def ok(s: str, commas: bool) -> bool:
        return 4 <= len(s) <= 60 and not (_bad_title_line(s) or re.search(r"\d{1,2}:\d{2}|www\.|http|。", s)
                                          or (not commas and "," in s))

    m = _NEWS_DATELINE.search(work, 0, 400)
    if m:
        i = next((i for i, (a, b, _) in enumerate(lines) if a <= m.start() < b), None)
        if i and ok(lines[i - 1][2], True):
            a, b, s = lines[i - 1]
            return s, a, b
    for a, b, s in lines[:3]:
        if ok(s, False):
            return s, a, b
    return None, None, None


# A news item: a dateline with a time, a source or a masthead near the top.
_NEWS_DATELINE = re.compile(
    r"(?P<iso>(?:19|20)\d{2}[-./]\d{1,2}[-./]\d{1,2})(?=[ \t]+\d{1,2}:\d{2})"
    r"|(?P<dmy>\d{1,2})[/.](?P<dmm>\d{1,2})[/.](?P<dmyy>(?:19|20)\d{2})(?=[ \t]+\d{1,2}:\d{2})"
    rf"|(?P<cn>{_DATE_PART})(?=[ \t]*(?:\d{{1,2}}:\d{{2}}|发表|第\s*\d+\s*版|[ \t]+来源))"
)
_LEDE_DAY = re.compile(
    rf"(?P<md>(?P<m>\d{{1,2}}|{_CN_MD})月(?P<d>\d{{1,2}}|{_CN_MD})日?)(?=[^\d月]|$)"
    r"|(?<![\d月年])(?P<day>\d{1,2})日"
    r"|(?P<today>今天|今日)|(?P<yest>昨天|昨日)"
)
_AGENCY = re.compile(r"^(?:电|讯|专讯|報道|报道)")


def find_news_date(work: str, limit: int = 400) -> str | None:
    """Date of the event a news item reports, with the year of its dateline.

    The dateline (``2020-08-12 06:51``, ``19/12/2024 16:44``, ``12.01.2017 19:02``,
    ``《人民日报》(2022年08月18日 第04版)``) gives the year; the lede's first sentence
    gives the day (``11日下午``, ``7月20日,``, ``昨天``, ``今日``); an agency's own
    dateline (``8月17日电``) only when the sentence names no other day.

    >>> find_news_date("2020-08-12 06:51:23\\n中评社北京8月12日电/据报道,全国人大常委会第二十一次会议11日下午闭幕。")
    '2020-08-11'
    >>> find_news_date("19/12/2024 16:44\\n《經濟通通訊社19日專訊》國家人社部網站今日公布,國務院任免國家工作人員。")
    '2024-12-19'
    >>> find_news_date("2018-04-05 00:00\\n国务院昨天宣布,某某兼任某部副部长。")
    '2018-04-04'
    """
    m = _NEWS_DATELINE.search(work[:limit])
    if not m:
        return None
    if m.group("iso"):
        y, mo, d = (int(x) for x in re.split(r"[-./]", m.group("iso")))
    elif m.group("dmy"):
        y, mo, d = int(m.group("dmyy")), int(m.group("dmm")), int(m.group("dmy"))
    else:
        y, mo, d = _cn_int(m.group("y")), _cn_int(m.group("m")), _cn_int(m.group("d"))
    report = _iso(y, mo, d)
    if report is None:
        return None
    # The lede: the first sentence after the dateline's line.
    nl = work.find("\n", m.end())
    start = m.end() if nl == -1 else nl + 1
    stop = work.find("。", start)
    lede = work[start:stop if stop != -1 else start + 200][:200]
    found, agency = None, None
    for x in _LEDE_DAY.finditer(lede):
        if x.group("md"):
            cand = (y, _cn_int(x.group("m")), _cn_int(x.group("d")))
        elif x.group("day"):
            cand = (y, mo, int(x.group("day")))
        elif x.group("today"):
            cand = (y, mo, d)
        else:
            cand = (y, mo, d - 1) if d > 1 else None
        if cand is None:
            continue
        if cand[1:] > (mo, d):  # after the report: December news read in January, else a day to come
            if not (mo <= 2 and cand[1] >= 11):
                continue
            cand = (y - 1, *cand[1:])
        if _AGENCY.match(lede[x.end():]):
            agency = agency or cand
            continue
        found = cand
        break
    cand = found or agency
    return (_iso(*cand) if cand else None) or report


def issuer_from_title(title: str | None) -> str | None:
    """``区人民政府办公室关于印发…的通知`` -> ``区人民政府办公室``."""
    if not title:
        return None
    m = re.match(rf"([{_CJK}]{{2,30}}?)关于", title)
    return m.group(1) if m else None
