"""The catalogue of canned questions: ``catalogue.toml`` and the ``.rq`` / ``.cypher``
files beside it, read once and checked (parameter types, ``narrow`` columns).

>>> [q.name for q in catalogue()][:2]
['appointment-history', 'post-holders']
>>> get("unit-load").columns
['unit', 'led', 'responsible', 'total']
"""

from __future__ import annotations

import re
import tomllib
from dataclasses import dataclass, field
from functools import lru_cache
from importlib import resources
from operator import itemgetter
from typing import Any
from urllib.parse import unquote

from govgraph.errors import QueryError
from govgraph.identity import close
from govgraph.kinds import KINDS

from .steps import STEPS

__all__ = ["PARAM_TYPES", "ROW_KEY", "Param", "CannedQuery", "catalogue", "get", "load", "read", "sort_value", "suggest"]

#: the column of a stored row of a ``keyed`` question holding its key node's IRI (not a column of the answer)
ROW_KEY = "@key"
PARAM_TYPES = ("person", "unit", "title", "group", "string", "int", "bool", "date", "month")
#: a ``#: keys`` comment line of a query (``CannedQuery.restricted``), with the triple patterns after it
_KEYS_LINE = re.compile(r"#: keys([^\n]*)")


#: a ``GROUP_CONCAT`` of one variable with a separator, as a column: (variable, separator, column)
_CONCAT = re.compile(r'\(GROUP_CONCAT\(\?(\w+); separator="([^"\\]*)"\) AS \?(\w+)\)')
#: ``_unordered_concat``'s items of a variable: percent-encoded (no space left in them), space-separated
_ENCODED = 'GROUP_CONCAT(ENCODE_FOR_URI(?{0}); separator=" ")'


@lru_cache(maxsize=None)
def _unordered_concat(text: str) -> str:
    """``text`` with each ``GROUP_CONCAT`` of a variable whose order a subquery's ``ORDER BY``
    line of that variable alone gives (group-interlocks' groups, by name) concatenating the
    items percent-encoded, separated by spaces, and without that line: Oxigraph's ``ORDER
    BY`` decodes both strings at every comparison (two thirds of group-interlocks' time at
    100,000 notices), and ``CannedQuery.concatenated`` orders the items in Python instead.
    Percent-encoded, no item holds the separator, whatever the names hold."""
    for var, sep, col in _CONCAT.findall(text):
        order = re.compile(rf"^[ \t]*ORDER BY \?{var}[ \t]*\n", re.M)
        if len(order.findall(text)) == 1:
            text = order.sub("", text).replace(f'GROUP_CONCAT(?{var}; separator="{sep}")', _ENCODED.format(var))
    return text


def sort_value(v) -> tuple:
    """A cell's key in ``CannedQuery.sort``: unbound (None) before every value (as SPARQL)."""
    return (v is not None, "" if v is None else v)


@dataclass(frozen=True)
class Param:
    """A parameter of a canned question, as ``catalogue.toml`` declares it."""

    name: str
    type: str
    required: bool = False
    default: Any = None
    limit: bool = False  # not bound: keeps the first N rows
    description: str = ""
    empty: str = ""  # why the answer is empty when this filter is what keeps every row out


@dataclass(frozen=True)
class CannedQuery:
    """A canned question: its query file, columns, order, parameters and what the build stores."""

    name: str
    file: str
    description: str
    columns: list[str]
    order: str
    params: tuple[Param, ...] = ()
    example: dict = field(default_factory=dict)
    materialise: tuple[dict, ...] = ()  # parameter sets answered at build time
    update: dict = field(default_factory=dict)  # {key, match, ...}: how a build updates those answers
    narrow: dict = field(default_factory=dict)  # month param -> column it narrows
    place: str = ""  # where the place column comes from: "row", or a unit/person/group parameter
    then: str = ""  # a step (``steps.STEPS``) that turns the query's rows into the answer's
    returns: tuple[str, ...] = ()  # the query's own columns when ``then`` makes others
    empty: str = ""  # why the answer is empty (``{param}`` fields: the bound values)

    @property
    def row_place(self) -> bool:
        """Whether the question returns a ``place`` column of its own (besides ``columns``)."""
        return self.place == "row"

    @property
    def query_columns(self) -> list[str]:
        """The columns the query itself returns (``returns``, else ``columns``)."""
        return list(self.returns or self.columns)

    def place_columns(self) -> list[str]:
        """``columns`` and ``place``: the answer with its place column."""
        return list(self.columns) + ["place"]

    @property
    def text(self) -> str:
        return read(self.file)

    @property
    def sort_keys(self) -> list[tuple[str, bool]] | None:
        """``order`` as (column, descending) pairs when it is a list of columns, else None."""
        keys = []
        known = self.columns + (["place"] if self.row_place else [])
        for part in self.order.split(","):
            words = part.split()
            if not words or words[0] not in known or words[1:] not in ([], ["DESC"], ["ASC"]):
                return None
            keys.append((words[0], words[1:] == ["DESC"]))
        return keys or None

    @property
    def unordered_text(self) -> str | None:
        """The query without its final ``ORDER BY`` line, when the rows can be sorted
        by ``sort_keys`` instead (Oxigraph's ORDER BY decodes the strings at every
        comparison: 0.1 s for 1,500 rows; sorting them in Python takes a millisecond).
        A ``GROUP_CONCAT`` whose items a subquery's ``ORDER BY`` line of their variable
        alone orders is made unordered too (``concatenated`` orders its items again).

        >>> [ln.strip() for ln in get("group-interlocks").unordered_text.splitlines() if "CONCAT" in ln or "ORDER" in ln]
        ['SELECT ?m (COUNT(DISTINCT ?g) AS ?n_groups) (GROUP_CONCAT(ENCODE_FOR_URI(?group); separator=" ") AS ?groups)']
        """
        lines = self.text.rstrip().splitlines()
        if self.then or self.sort_keys is None or not lines[-1].startswith("ORDER BY"):
            return None
        return _unordered_concat("\n".join(lines[:-1]) + "\n")

    def concatenated(self, rows: list[dict], text: str) -> list[dict]:
        """``rows`` of ``text`` (``unordered_text``, or a text made from it) with each column
        that ``_unordered_concat`` made of percent-encoded items in no order made as the query
        makes it: the items decoded, in code point order (SPARQL's ``ORDER BY`` of strings),
        joined by the query's separator.  In place.

        >>> q = get("group-interlocks")
        >>> q.concatenated([{"groups": "%E4%B9%99 %E7%94%B2%E3%80%81%E4%B8%99"}], q.unordered_text)
        [{'groups': '乙、甲、丙'}]
        """
        for var, sep, col in _CONCAT.findall(self.text):
            if _ENCODED.format(var) in text:
                for r in rows:
                    if r.get(col) is not None:
                        r[col] = sep.join(sorted(unquote(item) for item in r[col].split(" ")))
        return rows

    def sort(self, rows: list[dict]) -> list[dict]:
        """Rows in the question's order: code point order, unbound first (as SPARQL); rows
        equal in it by their other columns, so that the order does not depend on the
        engine's (a stored answer updated in part is sorted again: ``maintain``)."""
        for col, desc in reversed(self.sort_columns(rows[0] if rows else {})):
            if any(r[col] is None for r in rows):
                rows.sort(key=lambda r: sort_value(r[col]), reverse=desc)
            else:  # no unbound cell: the values themselves (a third of the time)
                rows.sort(key=itemgetter(col), reverse=desc)
        return rows

    def sort_columns(self, row: dict) -> list[tuple[str, bool]]:
        """The (column, descending) pairs ``sort`` orders rows like ``row`` by: ``sort_keys``,
        then the row's other columns ascending."""
        keys = self.sort_keys or []
        named = {col for col, _ in keys}
        return keys + [(col, False) for col in row if col not in named]

    def restricted(self, values: list[str]) -> str:
        """The query (``unordered_text``) for some values of its ``update`` key only (terms in
        SPARQL syntax): a ``VALUES`` block in place of each ``#: keys`` comment line of the
        query, else first in its innermost group, the one after its last ``WHERE {``, which
        binds the key (checked when the catalogue is read).  (In unit-load, one in each branch
        of its ``UNION``: before it, Oxigraph would follow the collectives' members of each key.)
        A ``#: keys`` line followed by triple patterns becomes a group of the block and those
        patterns: where the key is bound only in a later group, they bind from it the variables
        that lead the query (in deadlines, the tasks of the notices, before every due date is
        read).

        >>> get("group-interlocks").restricted(["<urn:x:a>"]).split("WHERE {")[-1].splitlines()[1]
        '    VALUES ?m { <urn:x:a> }'
        >>> [l.strip() for l in get("deadlines").restricted(['"d"']).splitlines() if "VALUES" in l][0][:40]
        '{ VALUES ?doc { "d" } ?n dcterms:identif'
        """
        text = self.unordered_text or self.text
        block = f"VALUES ?{self.update['key']} {{ {' '.join(values)} }}"
        if "#: keys" in text:
            return _KEYS_LINE.sub(lambda m: f"{{ {block} {m[1].strip()} }}" if m[1].strip() else block, text)
        head, sep, tail = text.rpartition("WHERE {")
        return f"{head}{sep}\n    {block}{tail}"

    def key_columns(self, values: list[str]) -> str:
        """The query of the nodes whose ``update`` key is one of ``values`` (terms in SPARQL
        syntax), with their values of the ``update.columns``: the query's lines between
        ``#: key columns`` and ``#: end`` (they bind them from the key alone) after a
        ``VALUES`` block of them.

        >>> print(get("unit-load").key_columns(["<urn:x:a>"]).split("SELECT", 1)[1].splitlines()[:2])
        [' ?u ?unit ?place WHERE {', '  VALUES ?u { <urn:x:a> }']
        """
        key, cols = self.update["key"], self.update["columns"]
        text = self.text
        block = text[text.index("#: key columns\n") + len("#: key columns\n"):text.index("#: end\n")]
        prefixes = "".join(line + "\n" for line in text.splitlines() if line.startswith("PREFIX "))
        return (f"{prefixes}SELECT ?{key} {' '.join('?' + c for c in cols)} WHERE {{\n"
                f"  VALUES ?{key} {{ {' '.join(values)} }}\n{block}}}\n")

    @property
    def keyed(self) -> bool:
        """Whether the build stores this question's rows each with the node of its ``update``
        key (``ROW_KEY``): those whose key columns (``update.columns``) name that node, so
        that a build finds a node's rows in the stored answer by the node itself."""
        return bool(self.update.get("columns"))

    def with_key(self, text: str) -> str:
        """``text`` (this query's, or one made from it) also returning its ``update`` key, first.

        >>> get("group-interlocks").with_key("SELECT ?member ?n\\nWHERE { }").splitlines()[0]
        'SELECT ?m ?member ?n'
        """
        return re.sub(r"^(SELECT (?:DISTINCT |REDUCED )?)", rf"\g<1>?{self.update['key']} ", text, count=1, flags=re.M)

    def summed(self, values: list[str], text: str | None = None) -> str:
        """The query ``text`` (default: its ``unordered_text``) with its ``#: key columns`` lines
        replaced by ``values``, a ``VALUES`` block's rows (SPARQL syntax) of the ``update`` key
        and its ``update.columns``: the question evaluated where the triples that bind the
        columns are not (``maintain``: on some notice graphs alone).

        >>> print(get("unit-load").summed(['(<urn:x:a> "a" "")']).split("#: end")[0].splitlines()[-1])
          VALUES (?u ?unit ?place) { (<urn:x:a> "a" "") }
        """
        key, cols = self.update["key"], self.update["columns"]
        text = text or self.unordered_text or self.text
        head, _, rest = text.partition("#: key columns\n")
        block = f"VALUES (?{key} {' '.join('?' + c for c in cols)}) {{ {' '.join(values)} }}\n"
        return f"{head}{block}#: end{rest.partition('#: end')[2]}"

    def header(self) -> str:
        """The ``#`` comment lines at the top of the ``.rq`` file."""
        lines = []
        for line in self.text.splitlines():
            if not line.startswith("#"):
                break
            lines.append(line[1:].strip())
        return "\n".join(lines)


def _files():
    return resources.files("govgraph.queries")


@lru_cache(maxsize=None)
def read(name: str) -> str:
    """The text of the file ``name`` of the catalogue (``catalogue.toml``, ``*.rq``, ``*.cypher``)."""
    return _files().joinpath(name).read_text(encoding="utf-8")


@lru_cache(maxsize=1)
def load() -> tuple[CannedQuery, ...]:
    """The catalogue as read from ``catalogue.toml`` (once), checked."""
    data = tomllib.loads(read("catalogue.toml"))
    out = []
    for q in data.get("query", []):
        params = tuple(Param(name=p["name"], type=p["type"], required=bool(p.get("required")),
                             default=p.get("default"), limit=bool(p.get("limit")),
                             description=p.get("description", ""), empty=p.get("empty", ""))
                       for p in q.get("params", []))
        for p in params:
            if p.type not in PARAM_TYPES:
                raise QueryError(f"catalogue.toml: {q['name']}: unknown param type {p.type!r}")
        narrow = dict(q.get("narrow", {}))
        for pname, col in narrow.items():
            p = next((p for p in params if p.name == pname), None)
            if p is None or p.type != "month" or col not in q["columns"]:
                raise QueryError(f"catalogue.toml: {q['name']}: narrow needs a month parameter "
                                 f"and a column, not {pname!r} = {col!r}")
        update = dict(q.get("update", {}))
        if update and (set(update) - {"columns", "sums", "per_notice"} != {"key", "match"} or not q.get("materialise") or q.get("then")
                       or f"?{update['key']}" not in read(q["file"]).rpartition("WHERE {")[2]
                       or f"?{update['key']}" not in update["match"].split()
                       or len(update["match"].split()) != 3):
            raise QueryError(f"catalogue.toml: {q['name']}: update = {{ key, match }} needs materialised "
                             f"answers without a step, its key variable in the match (one triple pattern) and in the "
                             f"query's innermost WHERE, not {update!r}")
        cols = update.get("columns")
        block = read(q["file"]).partition("#: key columns\n")[2].partition("#: end\n")
        if cols is not None and (not isinstance(cols, list) or not cols or not set(cols) <= {*q["columns"], *(["place"] if q.get("place") == "row" else [])}
                                 or not block[1] or any(f"?{c}" not in block[0] for c in [update["key"], *cols])
                                 or f"AS ?{cols[0]})" in block[0]):
            raise QueryError(f"catalogue.toml: {q['name']}: update columns need the query's lines between "
                             f"`#: key columns` and `#: end` to bind the key's columns, the first by a "
                             f"triple pattern, not {cols!r}")
        sums, counted = update.get("sums"), update.get("per_notice")
        if (sums is not None or counted is not None) and (
                cols is None or not isinstance(sums, list) or not sums or set(sums) & set(cols)
                or set(cols) | set(sums) != {*q["columns"], *(["place"] if q.get("place") == "row" else [])}
                or counted not in KINDS or "doc" not in KINDS[counted].key or KINDS[counted].rdf.graph != "notice"):
            raise QueryError(f"catalogue.toml: {q['name']}: update sums need update columns, every other column "
                             f"of the rows a count (sums), and per_notice: the kind of the facts counted, one "
                             f"notice's each (its key holds doc), not {update!r}")
        if q.get("then", "") and (q["then"] not in STEPS or q.get("place") == "row"):
            raise QueryError(f"catalogue.toml: {q['name']}: then = {q['then']!r} needs a step of "
                             f"queries/steps.py and a place from a parameter")
        out.append(CannedQuery(name=q["name"], file=q["file"], description=q.get("description", ""),
                               columns=list(q["columns"]), order=q.get("order", ""),
                               params=params, example=dict(q.get("example", {})),
                               materialise=tuple(dict(m) for m in q.get("materialise", [])),
                               update=update,
                               narrow=narrow, place=q.get("place", ""), then=q.get("then", ""),
                               returns=tuple(q.get("returns", ())), empty=q.get("empty", "")))
    return tuple(out)


def catalogue() -> list[CannedQuery]:
    """The canned questions, in catalogue order."""
    return list(load())


def get(name: str) -> CannedQuery:
    """The canned question ``name``; ``QueryError`` with suggestions if unknown."""
    by_name = {q.name: q for q in load()}
    if name in by_name:
        return by_name[name]
    raise QueryError(f"no canned question {name!r}" + suggest(name, by_name))


def suggest(name: str, known) -> str:
    """``"; did you mean: ...?"`` with the names of ``known`` close to ``name``
    (``identity.close``: a typo, not any name), or ``""``.

    >>> suggest("unit-lod", [q.name for q in catalogue()]), suggest("who", ["unit-load"])
    ('; did you mean: unit-load?', '')
    """
    near = close(name, known)
    return f"; did you mean: {', '.join(near)}?" if near else ""
