"""The fact model shared by every part of govgraph (facts format v1.2).

A fact is a plain ``dict`` exactly as written to JSON Lines (see
``docs/facts-format.md``): extraction produces them, the RDF and Neo4j
backends load them, ``export facts`` reads them back.  The kinds and their
fields are declared in ``kinds.toml`` (``govgraph.kinds``); this module holds
the rules every kind shares: the key that identifies a fact (so IDs are
deterministic and reloading is idempotent), validation, reading and writing,
and a ``TypedDict`` per kind for typing the code that builds facts.

>>> f = {"kind": "post", "doc": "阳政办〔2018〕9号", "person": "许才勇",
...      "unit": "区水务局", "title": "局长", "as_of": "2018-04-12"}
>>> validate_fact(f)
[]
>>> fact_id(f) == fact_id(dict(f, evidence={"text": "x", "start": 0, "end": 1}))
True
"""

import hashlib
import json
from collections.abc import Iterable, Iterator
from pathlib import Path
from typing import IO, Literal, Required, TypedDict

from . import kinds

try:  # CPython's own SHA-1: the same digests, about twice as fast as OpenSSL's for short inputs
    from _sha1 import sha1 as _sha1
except ImportError:  # pragma: no cover - a Python built without it
    _sha1 = hashlib.sha1

__all__ = [
    "FORMAT_VERSION",
    "KINDS",
    "UNIT_TYPES",
    "FACT_TYPES",
    "Fact",
    "Evidence",
    "EVIDENCE_LOCATION",
    "PostFact",
    "MembershipFact",
    "GroupFact",
    "TaskFact",
    "UnitFact",
    "fact_key",
    "fact_id",
    "stable_id",
    "short_hash",
    "validate_fact",
    "read_facts",
    "write_facts",
    "dump_fact",
]

FORMAT_VERSION = "1.2"

#: the fact kinds by name (``govgraph.kinds``: declared in ``kinds.toml``, more by ``kinds.register``)
KINDS = kinds.KINDS

UNIT_TYPES = kinds.get("unit").fields["unit_type"].values


class Evidence(TypedDict, total=False):
    """Where in the notice text a fact was read: ``text == notice_text[start:end]``; for a
    notice read from a document or with attachments, optionally where in which file
    (:data:`EVIDENCE_LOCATION`)."""

    text: Required[str]
    start: Required[int]
    end: Required[int]
    file: str
    page: int
    sheet: str
    table: int
    row: int
    col: int


#: the optional location fields of evidence and their types (docs/facts-format.md,
#: "Evidence locations"): the file (an attachment, or a document), its PDF page (from 1),
#: spreadsheet sheet, table (from 0), row and column (from 0, a header row counts)
EVIDENCE_LOCATION = {"file": str, "page": int, "sheet": str, "table": int, "row": int, "col": int}


class _Common(TypedDict, total=False):
    # every kind (kinds.COMMON_FIELDS); ``kind`` is declared per kind
    place: str | None
    evidence: Evidence


class _NamesPerson(_Common, total=False):
    # a kind that names a person: where a decision placed the person, or which of two
    # persons of the name it is (``loaders.decisions``)
    note: str
    person_place: str
    person_variant: str


class PostFact(_NamesPerson, total=False):
    """A person holds (or held) a post (kind ``post``)."""

    kind: Required[Literal["post"]]
    doc: Required[str]
    person: Required[str]
    unit: Required[str]
    title: Required[str]
    as_of: str
    start: str
    end: str
    former: bool
    proposed: bool


class MembershipFact(_NamesPerson, total=False):
    """A person, unit or group sits in a group (kind ``membership``)."""

    kind: Required[Literal["membership"]]
    doc: Required[str]
    group: Required[str]
    member: Required[str]
    member_type: Required[Literal["person", "unit", "group"]]
    role: Required[str]


class GroupFact(_Common, total=False):
    """A group the notice sets up or names (kind ``group``)."""

    kind: Required[Literal["group"]]
    doc: Required[str]
    group: Required[str]
    office_unit: str | None
    note: str


class TaskFact(_Common, total=False):
    """A piece of work assigned to units (kind ``task``)."""

    kind: Required[Literal["task"]]
    doc: Required[str]
    ref: str
    text: str
    lead: Required[list[str]]
    responsible: Required[list[str]]
    due: str | None
    due_text: str
    note: str


class UnitFact(_Common, total=False):
    """A unit of the catalogue (kind ``unit``): a name in a place."""

    kind: Required[Literal["unit"]]
    name: Required[str]
    aliases: Required[list[str]]
    added_aliases: list[str]
    parent: str | None
    unit_type: Required[str]
    former: bool
    members: list[str]
    former_members: list[str]
    docs: list[str]


#: the typed form of each declared kind of the package
FACT_TYPES = {"post": PostFact, "membership": MembershipFact, "group": GroupFact, "task": TaskFact,
              "unit": UnitFact}
Fact = PostFact | MembershipFact | GroupFact | TaskFact | UnitFact


def stable_id(*parts: object) -> str:
    """A short deterministic hash of ``parts``.

    >>> stable_id("a", 1) == stable_id("a", 1)
    True
    >>> len(stable_id("x"))
    16
    """
    return short_hash("\x1f".join([p if type(p) is str else "" if p is None else str(p) for p in parts]))


def short_hash(text: str) -> str:
    """The first 16 hex digits of the SHA-1 of ``text`` (UTF-8): ``stable_id`` of the
    parts ``text`` joins with U+001F.

    >>> short_hash("a\\x1f1") == stable_id("a", 1)
    True
    """
    return _sha1(text.encode("utf-8")).hexdigest()[:16]


def fact_key(fact: dict) -> tuple:
    """The tuple that identifies ``fact`` (kind first; its kind's ``key``)."""
    kind = fact.get("kind")
    return KINDS[kind].key_of(fact) if isinstance(kind, str) and kind in KINDS else (kind,)


def fact_id(fact: dict) -> str:
    """Deterministic ID of a fact: a hash of its key."""
    return stable_id(*fact_key(fact))


def validate_fact(fact: dict) -> list[str]:
    """Problems with ``fact`` as a facts-format v1.2 object (empty if none; v1.1 facts,
    without ``place``, are v1.2 facts whose place is not known)."""
    problems = []
    kind = fact.get("kind")
    if not isinstance(kind, str) or kind not in KINDS:
        return [f"unknown kind {kind!r}"]
    k = KINDS[kind]
    place = fact.get("place")
    if place is not None and not (isinstance(place, str) and place):
        problems.append(f"{kind}: place must be a non-empty string")
    get = fact.get
    for f in k.required:
        if get(f) is None:
            problems.append(f"{kind}: missing {f}")
    shapes = _shape_problems(kind, k, fact)
    problems += shapes
    for a, b in () if shapes else k.disjoint:
        if set(fact.get(a) or []) & set(fact.get(b) or []):
            problems.append(f"{kind}: a {k.fields[a].type} is both {a} and {b}")
    for name, values, required in k.enums:
        v = fact.get(name)
        if v not in values and (required or v is not None):
            problems.append(f"{kind}: bad {name} {v!r}")
    ev = fact.get("evidence")
    if ev is not None:
        if not isinstance(ev, dict) or not ("text" in ev and "start" in ev and "end" in ev):
            problems.append("evidence must have text, start and end")
        elif not (isinstance(ev["start"], int) and isinstance(ev["end"], int) and 0 <= ev["start"] <= ev["end"]):
            problems.append("evidence offsets must be integers with 0 <= start <= end")
        elif len(ev) > 3:  # a location besides text, start and end
            for k, typ in EVIDENCE_LOCATION.items():
                v = ev.get(k)
                if v is not None and not (type(v) is typ and (v != "" if typ is str else v >= (k == "page"))):
                    problems.append(f"evidence {k} must be " + ("a non-empty string" if typ is str else
                                                                "a page from 1" if k == "page" else
                                                                "an integer from 0"))
    if not _is_unicode(fact):
        problems.append("holds text that is not Unicode (an unpaired surrogate, such as \\ud800 in JSON)")
    return problems


_PYTHON_TYPES = {"bool": bool, "int": int}  # every other field type is a string (a node type names a node by a string)


def _shape_problems(kind: str, k, fact: dict) -> list[str]:
    """A declared field's value of the wrong shape: a list field that is not a list of values of
    its type, a single field that is not one (``lead: "X"`` for ``["X"]``, a list as a name).
    Enumerations are checked by their values.

    >>> _shape_problems("task", KINDS["task"], {"lead": "A", "responsible": [["B"]], "text": "t"})
    ['task: lead must be a list of strings', 'task: responsible must be a list of strings']
    """
    out = []
    for name, fd in k.fields.items():
        v = fact.get(name)
        if v is None or fd.values is not None:
            continue
        want = _PYTHON_TYPES.get(fd.type, str)
        what = {bool: "true or false", int: "an integer"}.get(want, "a string")
        if fd.list:
            if not (isinstance(v, list) and all(type(x) is want for x in v)):
                out.append(f"{kind}: {name} must be a list of " + ("strings" if want is str else what + " values"))
        elif type(v) is not want:
            out.append(f"{kind}: {name} must be {what}")
    return out


def _is_unicode(value) -> bool:
    """Every string in ``value`` (dicts and lists walked) can be written as UTF-8: the
    strings gathered and encoded at once (a lone surrogate fails wherever it is)."""
    strings: list[str] = []
    _strings(value, strings)
    try:
        "".join(strings).encode("utf-8")
    except UnicodeEncodeError:
        return False
    return True


def _strings(value, out: list[str]) -> None:
    """Append the strings of ``value`` (itself, or those of its dict keys and values and
    list elements, walked) to ``out``."""
    if isinstance(value, str):
        out.append(value)
    elif isinstance(value, dict):
        for k, v in value.items():
            if type(k) is str:
                out.append(k)
            else:
                _strings(k, out)
            t = type(v)
            if t is str:
                out.append(v)
            elif v is not None and t is not int:
                _strings(v, out)
    elif isinstance(value, list):
        for v in value:
            if type(v) is str:
                out.append(v)
            else:
                _strings(v, out)


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
