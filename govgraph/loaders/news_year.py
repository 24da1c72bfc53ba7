"""The year of a notice with no date and no document number (a news item, a speech), read from
its text, so that its deadlines written without a year (``于3月25日前``, ``9月底前``) get one.

Only a year the text gives as the present one counts: a numbered meeting of that year
(``县政府2021年第6次县长办公会议``), a year said to be still running (``2019年仅剩三分之一的时间``),
a dateline, a full date opening a paragraph or a sentence (``2018年8月9日,…``), or a page's field saying
when a consultation closes (``截止:2019-06-18`` on its line). A year that is
reported on (``2019年环境状况``, ``2011年財政決算``) or aimed at (``到2025年``) is no evidence.
Two such years that differ: none (the caller warns), never a guess.

>>> text_year("5月30日晚,县长主持召开县政府2021年第6次县长办公会议。会议强调,…上半年…")
(2021, None)
>>> text_year("王武强调,2019年仅剩三分之一的时间,各地要…确保9月底前全面完成。")
(2019, None)
>>> text_year("征集调查\\n时限:\\n截止:2019-06-18\\n各单位于6月18日前反馈修改意见。")
(2019, None)
>>> text_year("市政府召开会议,听取2019年环境状况报告,要求于3月底前完成整改。")
(None, None)
>>> text_year("2024年12月25日,市政府召开会议。2025年第1次常务会议要求…")
(None, '2024, 2025')
"""

from __future__ import annotations

import re

from .lexicon import alternation, data_words

__all__ = ["text_year"]

_Y = r"((?:19|20)\d{2})年"
_REMAINS = re.compile(_Y + alternation(data_words("present_year.tsv", "remains")))
_SESSION = re.compile(_Y + r"第[一二三四五六七八九十百\d]{1,4}次[^,，。;；\n]{0,20}?"
                      + alternation(data_words("present_year.tsv", "session")))
_FIELD = re.compile(r"(?m)^[ \t]*" + alternation(data_words("present_year.tsv", "field"))
                    + r"[ \t]*[:：][ \t]*((?:19|20)\d{2})(?:-\d{1,2}-\d{1,2}|年\d{1,2}月\d{1,2}日)")
_DATELINE = re.compile(r"(?:^|(?<=[\n。]))[ \t\u3000]*" + _Y + r"\d{1,2}月\d{1,2}日(?:上午|下午|晚上?|早上?)?[,，]")


def text_year(work: str) -> tuple[int | None, str | None]:
    """(the year, None) when the text's present-year marks agree, (None, the years) when they
    differ, (None, None) when it has none."""
    years = {int(m.group(1)) for rx in (_SESSION, _REMAINS, _DATELINE, _FIELD) for m in rx.finditer(work)}
    if len(years) == 1:
        return years.pop(), None
    return None, (", ".join(map(str, sorted(years))) if years else None)
