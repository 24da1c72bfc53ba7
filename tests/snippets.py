"""Extraction on a snippet of a notice, for the tests of real layouts (test_members_real,
test_round7_real, test_round8_real): the notice is built directly (document number, title,
date and issuer as the header would give them), so that a test checks the rules of its layout
alone, and every fact's evidence is checked against the text."""

from __future__ import annotations

from govgraph.facts import validate_fact
from govgraph.loaders.pipeline import extract_notice
from govgraph.notice import Notice


def snippet_facts(text: str, title: str | None = None, doc: str = "测〔2020〕1号", date: str = "2020-01-01",
                  issuer: str | None = None) -> tuple[list[dict], list]:
    """The facts and warnings of ``text`` read as one notice; each fact's evidence quotes it."""
    n = Notice(doc=doc, text=text, title=title, date=date, issuer=issuer, source="snippet.txt")
    facts, warnings = extract_notice(n)
    for f in facts:
        assert text[f["evidence"]["start"]:f["evidence"]["end"]] == f["evidence"]["text"], f
        validate_fact(f)
    return facts, warnings


def snippet_tasks(facts: list[dict]) -> list[tuple]:
    """``(lead, responsible, due)`` of each task among ``facts``, in order (lead and responsible as tuples)."""
    return [(tuple(f["lead"]), tuple(f["responsible"]), f["due"]) for f in facts if f["kind"] == "task"]
