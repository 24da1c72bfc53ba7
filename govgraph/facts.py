"""The fact model shared by every part of govgraph (facts format v1.2).

A fact is a plain ``dict`` exactly as written to JSON Lines (see
``docs/facts-format.md``): extraction produces them, the RDF and Neo4j
backends load them, ``export facts`` reads them back.  This module holds the
few rules about them: the kinds and their fields, the key that identifies a
fact (so IDs are deterministic and reloading is idempotent), validation and
reading/writing.

>>> f = {"kind": "post", "doc": "阳政办〔2018〕9号", "person": "许才勇",
...      "unit": "区水务局", "title": "局长", "as_of": "2018-04-12"}
>>> validate_fact(f)
[]
>>> fact_id(f) == fact_id(dict(f, evidence={"text": "x", "start": 0, "end": 1}))
True
"""

from __future__ import annotations

import hashlib
import json
from collections.abc import Iterable, Iterator
from pathlib import Path
from typing import IO

__all__ = [
    "FORMAT_VERSION",
    "KINDS",
    "UNIT_TYPES",
    "fact_key",
    "fact_id",
    "stable_id",
    "validate_fact",
    "read_facts",
    "write_facts",
    "dump_fact",
]

FORMAT_VERSION = "1.2"

KINDS = ("post", "membership", "group", "task", "unit")

UNIT_TYPES = (
    "government",
    "department",
    "street_office",
    "agency",
    "enterprise",
    "collective",
    "upper_level",
    "other",
)

# Fields that identify a fact; evidence, text and notes do not.
_KEY_FIELDS = {
    "post": ("doc", "person", "unit", "title", "as_of", "start", "end", "former"),
    "membership": ("doc", "group", "member", "member_type", "role"),
    "group": ("doc", "group"),
    "task": ("doc", "ref", "text"),
    "unit": ("name", "place"),  # a unit is a name in a place (``place`` left out when not known)
}

_REQUIRED = {
    "post": ("doc", "person", "unit", "title"),
    "membership": ("doc", "group", "member", "member_type", "role"),
    "group": ("doc", "group"),
    "task": ("doc", "lead", "responsible"),
    "unit": ("name", "aliases", "unit_type"),
}


def stable_id(*parts: object) -> str:
    """A short deterministic hash of ``parts``.

    >>> stable_id("a", 1) == stable_id("a", 1)
    True
    >>> len(stable_id("x"))
    16
    """
    h = hashlib.sha1("\x1f".join("" if p is None else str(p) for p in parts).encode("utf-8"))
    return h.hexdigest()[:16]


def fact_key(fact: dict) -> tuple:
    """The tuple that identifies ``fact`` (kind first)."""
    kind = fact.get("kind")
    fields = _KEY_FIELDS.get(kind, ())
    if kind == "unit" and fact.get("place") is None:
        fields = ("name",)
    return (kind,) + tuple(fact.get(f) for f in fields)


def fact_id(fact: dict) -> str:
    """Deterministic ID of a fact: a hash of its key."""
    return stable_id(*fact_key(fact))


def validate_fact(fact: dict) -> list[str]:
    """Problems with ``fact`` as a facts-format v1.2 object (empty if none; v1.1 facts,
    without ``place``, are v1.2 facts whose place is not known)."""
    problems = []
    kind = fact.get("kind")
    if kind not in KINDS:
        return [f"unknown kind {kind!r}"]
    if "place" in fact and fact["place"] is not None and not (isinstance(fact["place"], str) and fact["place"]):
        problems.append(f"{kind}: place must be a non-empty string")
    for f in _REQUIRED[kind]:
        if f not in fact or fact[f] is None:
            problems.append(f"{kind}: missing {f}")
    if kind == "task":
        lead = set(fact.get("lead") or [])
        if lead & set(fact.get("responsible") or []):
            problems.append("task: a unit is both lead and responsible")
    if kind == "unit" and fact.get("unit_type") not in UNIT_TYPES:
        problems.append(f"unit: bad unit_type {fact.get('unit_type')!r}")
    if kind == "membership" and fact.get("member_type") not in ("person", "unit", "group"):
        problems.append(f"membership: bad member_type {fact.get('member_type')!r}")
    ev = fact.get("evidence")
    if ev is not None:
        if not isinstance(ev, dict) or not {"text", "start", "end"} <= set(ev):
            problems.append("evidence must have text, start and end")
        elif not (isinstance(ev["start"], int) and isinstance(ev["end"], int) and 0 <= ev["start"] <= ev["end"]):
            problems.append("evidence offsets must be integers with 0 <= start <= end")
    if not _is_unicode(fact):
        problems.append("holds text that is not Unicode (an unpaired surrogate, such as \\ud800 in JSON)")
    return problems


def _is_unicode(value) -> bool:
    """Every string in ``value`` (dicts and lists walked) can be written as UTF-8."""
    if isinstance(value, str):
        try:
            value.encode("utf-8")
        except UnicodeEncodeError:
            return False
        return True
    if isinstance(value, dict):
        return all(_is_unicode(k) and _is_unicode(v) for k, v in value.items())
    if isinstance(value, list):
        return all(_is_unicode(v) for v in value)
    return True


def dump_fact(fact: dict) -> str:
    """One JSON line (no newline)."""
    return json.dumps(fact, ensure_ascii=False, sort_keys=False)


def write_facts(facts: Iterable[dict], out: str | Path | IO[str]) -> int:
    """Write facts as JSON Lines; returns how many were written."""
    n = 0
    if hasattr(out, "write"):
        for f in facts:
            out.write(dump_fact(f) + "\n")
            n += 1
        return n
    with open(out, "w", encoding="utf-8") as fh:
        return write_facts(facts, fh)


def read_facts(path: str | Path) -> Iterator[dict]:
    """Read facts from a JSON Lines file (or a folder of them)."""
    p = Path(path)
    files = sorted(p.glob("*.jsonl")) if p.is_dir() else [p]
    for f in files:
        with open(f, encoding="utf-8") as fh:
            for n, line in enumerate(fh, 1):
                line = line.strip()
                if not line:
                    continue
                try:
                    yield json.loads(line)
                except json.JSONDecodeError as e:
                    raise ValueError(f"{f}:{n}: not JSON: {e}") from None
