"""A unit a notice sets up under two names (``设立X,同时挂Y的牌子``): the facts that name it by its
second name (Y) name it by the first (X), as the notice sets it up.

>>> second_names("设立省三峡工程移民开发局(副厅级),同时挂省移民开发局的牌子,负责移民工作")
{'省移民开发局': '省三峡工程移民开发局'}
>>> second_names("区民政局挂牌督办"), second_names("设立工作专班,同时挂牌子")
({}, {})
"""

from __future__ import annotations

import re

from .context import NoticeContext
from .lexicon import alternation, data_words
from .mentions import CJK, is_unit_like

__all__ = ["second_names", "one_name_per_unit"]

_SET_UP = alternation(data_words("group_verbs.tsv", "set_up"))  # 成立, 设立 …
_TWO_NAMES = re.compile(rf"{_SET_UP}(?P<x>[{CJK}]{{2,30}}?)(?:\([^()]{{1,12}}\))?,(?:同时)?(?:加)?挂"
                        rf"(?P<y>[{CJK}]{{2,30}}?)(?:的)?牌子")


def second_names(work: str, src: str | None = None) -> dict[str, str]:
    """Second name -> first, as ``src`` (same length as ``work``) writes them."""
    src = work if src is None else src
    out = {}
    for m in _TWO_NAMES.finditer(work):
        if is_unit_like(m.group("x")) and is_unit_like(m.group("y")):
            out[src[m.start("y"):m.end("y")]] = src[m.start("x"):m.end("x")]
    return out


def one_name_per_unit(ctx: NoticeContext, facts: list[dict]) -> list[dict]:
    """Facts whose unit is a second name the notice gives (post unit, task assignees, member units,
    a group's office unit) name it by the first."""
    names = second_names(ctx.work, ctx.notice.text)
    if not names:
        return facts
    for f in facts:
        for field in ("unit", "office_unit"):
            if f.get(field) in names:
                f[field] = names[f[field]]
        if f["kind"] == "membership" and f.get("member_type") == "unit" and f["member"] in names:
            f["member"] = names[f["member"]]
        for field in ("lead", "responsible"):
            if isinstance(f.get(field), list):
                f[field] = [names.get(u, u) for u in f[field]]
    return facts
