"""Roles given by a copula in a paragraph: ``X为该议案办理工作的牵头责任单位,负责拟定…。A、B为协办单位,…``.

The units before ``为…<role label>`` (any label of task_labels.tsv: 牵头单位, 牵头责任单位, 主办单位 lead;
协办单位, 配合单位, 责任单位 … responsible) take that role; the paragraph is one task when its lead
is given a duty in the same sentence (``,负责…``). A bare ``省气象局为牵头单位。`` (who leads a
group, no work named) is no task (round 13, ext-166; ext-94 stays as it was).

>>> [(r, u) for r, u, _, _ in copulas("州交通运输局为该工作的牵头责任单位,负责拟定方案。州财政局、州环保局为协办单位,各单位要互相配合。")]
[('lead', ['州交通运输局']), ('responsible', ['州财政局', '州环保局'])]
"""

from __future__ import annotations

import re

from .assignees import all_assignees, listed_places, split_assignees
from .lexicon import data_lines
from .task_lexicon import task_lexicon

__all__ = ["copulas", "role_paragraphs", "place_paragraphs"]

_TLX = task_lexicon()
_LEAD = _TLX.labels_of("lead")
_RESP = _TLX.labels_of("responsible")
_LABELS = "|".join(map(re.escape, sorted((x for x in _LEAD + _RESP if x.endswith(("单位", "部门"))), key=len, reverse=True)))
_COPULA = re.compile(rf"(?:^|(?<=[。;\s]))(?P<u>[^,。;:\s]{{2,120}}?)为(?:[^,。;为]{{0,30}}?的)?(?P<label>{_LABELS})(?P<after>[,。;]|$)")
_DUTY = re.compile(r",(?:负责|承担|具体负责)")


def copulas(par: str):
    """(role, units, start, end) of each copula in ``par`` whose units are all assignees."""
    out = []
    for m in _COPULA.finditer(par):
        units = split_assignees(m.group("u"))
        if not units or not all_assignees(units):
            continue
        role = "lead" if m.group("label") in _LEAD else "responsible"
        out.append((role, units, m.start(), m.end("label")))
    return out


def role_paragraphs(work: str):
    """(start, end, lead, responsible) of each paragraph whose lead copula is followed by its duty."""
    for pm in re.finditer(r"[^\n]+", work):
        par = pm.group()
        found = copulas(par)
        leads = [c for c in found if c[0] == "lead"]
        if not leads or not any(_DUTY.match(par, c[3]) for c in leads):
            continue
        lead = [u for c in leads for u in c[1]]
        resp = [u for c in found if c[0] == "responsible" for u in c[1] if u not in lead]
        yield pm.start(), pm.end(), lead, resp


# 甲区、乙区、丙旗和丁高新区为责任地区,具体负责本辖区的…工作 (round 15, ext-239): the places named, each its own
_REGION_ROLES = "|".join(map(re.escape, data_lines("region_roles.txt")))
_PLACE_COPULA = re.compile(rf"(?:^|(?<=[。;\s)）]))(?P<u>[^,。;:\s()（）]{{2,80}}?)为(?:{_REGION_ROLES}),(?P<duty>(?:具体)?负责[^。;\n]+)")
_PLACE = re.compile(r"[\u4e00-\u9fff]{2,6}?(?:新区|县|区|旗)")


def place_paragraphs(work: str):
    """(start, end, duty, places) of each ``A、B和C为责任地区,具体负责…`` whose every name is a district's or county's.

    >>> [(d, u) for _, _, d, u in place_paragraphs("(二)甲乙区、丙丁县和戊己旗为责任地区,具体负责本辖区的整治工作。")]
    [('具体负责本辖区的整治工作', ['甲乙区', '丙丁县', '戊己旗'])]
    """
    for m in _PLACE_COPULA.finditer(work):
        places = listed_places(m.group("u"), _PLACE)
        if places:
            yield m.start(), m.end(), m.group("duty"), places
