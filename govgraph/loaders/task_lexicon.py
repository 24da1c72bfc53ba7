"""Vocabulary of task assignment, kept as data in ``govgraph/loaders/data/``.

>>> lx = task_lexicon()
>>> lx.labels["牵头单位"], lx.labels["配合部门"], lx.labels["完成时限"]
('lead', 'responsible', 'due')
>>> lx.columns["时间节点"], "负责" in lx.strict_verbs
('due', True)
>>> bool(lx.first_lead.search("责任分解中,列第一位的责任单位为牵头单位或汇总单位")), bool(lx.first_lead.search("排在第一位的部门为牵头部门"))
(True, True)
>>> is_collective("各联席会议成员单位"), is_collective("相关责任单位"), is_collective("区财政局")
(True, True, False)
>>> is_collective("教育行政部门"), is_collective("科研院所"), is_collective("加强部门")
(True, True, False)
>>> is_collective("各有关部门和单位"), is_collective("各部门的单位")
(True, False)
>>> [is_role_collective(x) for x in ("各牵头单位", "各责任(配合)单位", "牵头责任单位", "各牵头和责任部门", "牵头部门", "区财政局")]
[True, True, True, True, False, False]
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from functools import lru_cache

from .lexicon import alternation, data_rows, data_words, load_lexicon, longest_first
from .mentions import CJK, is_unit_like

__all__ = ["TaskLexicon", "task_lexicon", "is_collective", "is_role_collective"]


@dataclass(frozen=True)
class TaskLexicon:
    labels: dict  # label -> lead | responsible | due
    columns: dict  # table column -> lead | responsible | unit | due
    verbs: tuple  # every duty verb, longest first
    strong_verbs: frozenset  # strong and strict
    strict_verbs: tuple  # strict ones, longest first
    no_subject: tuple  # words opening a clause that has no subject (经…研究同意)
    collective_heads: tuple
    collective_tails: tuple
    alone_tails: tuple
    unnamed: frozenset  # 有关部门: the units concerned, unnamed (no assignee of a duty clause)
    local_tails: tuple  # 各乡镇, 各街镇: a collective of local bodies
    assign_words: dict  # word -> lead | responsible | with
    exhortations: tuple  # 高度重视…: a collective asked for attention, not for work
    exhortation_ends: tuple  # …结合实际抓好落实: a short request to carry out the notice
    national_markers: tuple  # how a central-government notice's issuer or number begins
    not_name_start: tuple  # words that never open an assignee's name
    not_name_inside: tuple  # words that never stand in one
    not_name_end: tuple  # a person's designation ending the name (…干部)
    doc_genres: tuple  # words ending a document title
    principle_headings: tuple  # 基本原则: a part stating the plan's principles (no duties)
    first_lead: re.Pattern  # a notice's rule that the first unit listed leads
    sub_units: tuple  # (kind, word) rows of sub_units.tsv

    def labels_of(self, *roles: str) -> tuple:
        return tuple(k for k, v in self.labels.items() if v in roles)

    def columns_of(self, *roles: str) -> tuple:
        return tuple(k for k, v in self.columns.items() if v in roles)


@lru_cache(maxsize=1)
def task_lexicon() -> TaskLexicon:
    rows = data_rows("duty_verbs.tsv")
    verbs = [r for r in rows if r[1] != "prefix"]
    aff = data_rows("collective_affixes.tsv")
    return TaskLexicon(
        labels={r[0]: r[1] for r in data_rows("task_labels.tsv")},
        columns={r[0]: r[1] for r in data_rows("task_columns.tsv")},
        verbs=longest_first(r[0] for r in verbs),
        strong_verbs=frozenset(r[0] for r in verbs if r[1] in ("strong", "strict")),
        strict_verbs=longest_first(r[0] for r in verbs if r[1] == "strict"),
        no_subject=longest_first(r[0] for r in rows if r[1] == "prefix"),
        collective_heads=longest_first(r[1] for r in aff if r[0] == "head"),
        collective_tails=longest_first(r[1] for r in aff if r[0] == "tail"),
        alone_tails=longest_first(r[1] for r in aff if r[0] == "alone"),
        unnamed=frozenset(r[1] for r in aff if r[0] == "unnamed"),
        local_tails=longest_first(r[1] for r in aff if r[0] == "local"),
        assign_words={r[0]: r[1] for r in data_rows("assign_words.tsv")},
        exhortations=tuple(r[0] for r in data_rows("exhortations.txt") if not r[0].startswith("$")),
        exhortation_ends=tuple(r[0][1:] for r in data_rows("exhortations.txt") if r[0].startswith("$")),
        national_markers=tuple(r[0] for r in data_rows("national_markers.txt")),
        not_name_start=tuple(r[1] for r in data_rows("not_name_words.tsv") if r[0] == "start"),
        not_name_inside=tuple(r[1] for r in data_rows("not_name_words.tsv") if r[0] == "inside"),
        not_name_end=tuple(r[1] for r in data_rows("not_name_words.tsv") if r[0] == "end"),
        doc_genres=tuple(r[0] for r in data_rows("doc_genres.txt")),
        principle_headings=tuple(r[0] for r in data_rows("principle_headings.txt")),
        sub_units=tuple(tuple(r[:2]) for r in data_rows("sub_units.tsv")),
        first_lead=re.compile("|".join(f"(?:{r[0]})" for r in data_rows("first_lead_rules.txt"))),
    )


@lru_cache(maxsize=4096)
def is_collective(name: str) -> bool:
    """A collective assignee: listed in collectives.txt, or a plural head with a unit word
    (``各联席会议成员单位``, ``相关责任单位``, ``属地街镇``)."""
    lx = task_lexicon()
    core = re.sub(r"\([^()]*\)$", "", name)
    if name in load_lexicon().collectives or core in load_lexicon().collectives:
        return True  # 各区(县级市): 各区 with a note
    if _group_members().fullmatch(core) and not core.startswith(lx.verbs + lx.not_name_start + _verb_prefixes()):
        return True  # 市某指挥部各成员单位: a named group's member units, as written (round 23, ext-351)
    if core.startswith("各级") and 3 <= len(core) - 2 <= 10 and re.fullmatch(f"[{CJK}]+", core) \
            and core.endswith(("办", "办公室", "局", "委", "厅")) and is_unit_like(core[2:]) \
            and not core.startswith(lx.verbs, 2):
        return True  # 各级农普办: each level's office of a kind, named by its short name (round 25, ext-374)
    tail = next((t for t in lx.collective_tails + lx.alone_tails if core.endswith(t)), "")
    if not re.fullmatch(f"[{CJK}、]{{2,20}}", core) or re.search(r"[的和与及对将要]", core[: len(core) - len(tail)]):
        return False
    if core.startswith(lx.collective_heads):
        # a head and a tail, the tail at least two characters or after a head of two (相关镇: round 14, ext-191)
        head = min(len(h) for h in lx.collective_heads if core.startswith(h))
        ctail = next((t for t in lx.collective_tails if core.endswith(t)), "")
        return bool(ctail) and (len(core) > head + 1 or (head >= 2 and len(core) == head + len(ctail)))
    # 教育行政部门, 行业主管部门: a kind of unit named by its field
    return core.endswith(lx.alone_tails) and 4 <= len(core) <= 12 and "、" not in core and \
        not core.startswith(lx.verbs)


@lru_cache(maxsize=1)
def _verb_prefixes() -> tuple:
    return tuple(data_words("unit_words.tsv", "prefix"))


@lru_cache(maxsize=1)
def _group_members():
    """A group's name (group_suffixes.txt) then its member units (县某指挥部各成员单位, 领导小组成员单位)."""
    sufs = alternation(load_lexicon().group_suffixes)
    return re.compile(f"[{CJK}]{{0,20}}(?:{sufs})各?成员单位")


@lru_cache(maxsize=1)
def _role_words() -> str:
    """The role words of the labels ending in a unit word (牵头单位 -> 牵头), as a pattern."""
    tails = ("单位", "部门")
    stems = {k[: -len(t)] for k, v in task_lexicon().labels.items() if v in ("lead", "responsible")
             for t in tails if k.endswith(t) and len(k) > len(t)}
    # a label made of two role words (牵头责任单位) names one role, but as a subject it still
    # names several: its stem is no role word of its own
    both = alternation(stems)
    words = sorted((w for w in stems if not re.fullmatch(f"{both}{both}+", w)), key=len, reverse=True)
    return "(?:" + "|".join(map(re.escape, words)) + ")"


@lru_cache(maxsize=1024)
def is_role_collective(name: str) -> bool:
    """A collective of the units a notice's task list gives one role, as a subject of the covering
    letter: plural (``各牵头单位``) or naming several roles (``牵头责任单位``, ``各责任(配合)单位``).
    A bare single role (``牵头部门要…``) mostly speaks of one task's lead in general: not one."""
    r = _role_words()
    m = re.fullmatch(rf"(?P<head>各|各相关|相关)?(?P<roles>{r}(?:(?:和|、|与|及)?{r}|\({r}\))*)(?:单位|部门)", name)
    if not m:
        return False
    return bool(m.group("head") and m.group("head").startswith("各")) or len(re.findall(r, m.group("roles"))) > 1
