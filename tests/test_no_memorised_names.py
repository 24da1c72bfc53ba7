"""Rules generalise: no person's or group's name from a gold notice is written into code or lexicons.

Lexicons hold vocabulary (titles, roles, suffixes, verbs); a name that only one notice
uses would make the extractor fit that notice rather than the layout.
"""

from __future__ import annotations

import ast
import re
from pathlib import Path

from govgraph.facts import read_facts

ROOT = Path(__file__).resolve().parent.parent
GOLD = [ROOT / "data" / "gold", *sorted((ROOT / "data" / "real" / "gold").glob("*.jsonl"))]


#: words of the state's vocabulary that hold a gold person's name as a part (not a memorised name)
COMMON_WORDS = ("中华人民共和国",)


def _names() -> dict[str, set[str]]:
    persons, groups = set(), set()
    for g in GOLD:
        for f in read_facts(g):
            if f.get("kind") == "post" and f.get("person"):
                persons.add(re.sub(r"\s+", "", f["person"]))
            elif f.get("kind") == "membership":
                if f.get("member_type") == "person":
                    persons.add(re.sub(r"\s+", "", f["member"]))
                groups.add(re.sub(r"\s+", "", f.get("group") or ""))
            elif f.get("kind") == "group":
                groups.add(re.sub(r"\s+", "", f["group"]))
    return {"person": {p for p in persons if len(p) >= 2}, "group": {g for g in groups if len(g) >= 6}}


def _code(text: str) -> str:
    """Python source without its docstrings (examples there may quote a notice) and comments."""
    lines = text.splitlines()
    for node in ast.walk(ast.parse(text)):
        body = getattr(node, "body", None)
        if isinstance(body, list) and body and isinstance(body[0], ast.Expr) \
                and isinstance(getattr(body[0], "value", None), ast.Constant) and isinstance(body[0].value.value, str):
            for i in range(body[0].lineno - 1, body[0].end_lineno):
                lines[i] = ""
    return "\n".join(lines)


def _sources():
    for p in sorted((ROOT / "govgraph").rglob("*")):
        if p.is_file() and p.suffix == ".py":
            yield p, _code(p.read_text(encoding="utf-8"))
        elif p.is_file() and p.parent.name == "data":
            yield p, p.read_text(encoding="utf-8", errors="replace")


def test_no_gold_person_or_group_name_in_code_or_lexicons():
    names = _names()
    assert len(names["person"]) > 300 and len(names["group"]) > 30
    found = []
    for path, text in _sources():
        body = re.sub(r"(?m)^\s*#.*$", "", text)
        for word in COMMON_WORDS:  # a name may be part of such a word: 华人民 (a 巡视员) of 中华人民共和国
            body = body.replace(word, "\n")
        for kind, ns in names.items():
            for n in ns:
                # Two-character names are also common words (e.g. 王平 is rare, 张强 too, but 高峰 is a word):
                # only flag them as whole tokens between non-CJK characters.
                if len(n) == 2:
                    if re.search(rf"(?<![\u4e00-\u9fff]){re.escape(n)}(?![\u4e00-\u9fff])", body):
                        found.append((kind, n, str(path.relative_to(ROOT))))
                elif n in body:
                    found.append((kind, n, str(path.relative_to(ROOT))))
    assert not found, found[:20]
