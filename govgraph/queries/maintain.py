"""The answers a build stores: the canned questions' parameter sets marked ``materialise``
in ``catalogue.toml``, evaluated on the generation being written (``govgraph.build``
passes ``materialised_answers`` to ``Store.build``).

A fresh build, or one that wrote a large share of the store, evaluates them all.  After a
build that wrote a few notice graphs, a question declaring ``update = { key, match }`` is
updated instead: the values of its key variable that ``match`` finds in those graphs (their
triples in the live generation and in the new one) are the rows that may have changed; the
question restricted to them (``CannedQuery.restricted``) is evaluated on the live
generation (the rows to take out of the stored answer) and on the new one (the rows to put
in), and the stored rows are sorted again in the question's order: the answer a fresh
build gives, for the cost of the keys touched.  A question whose rows carry columns that name
their key (``update.columns``) is stored ``keyed``: each row with its key's node (``ROW_KEY``,
not shown), so that the rows to take out are found in the stored answer by their nodes,
without evaluating the question on the live generation; and where its rows add up over
notices (``update.sums``), a key's new row is its stored one updated by the graphs written
(``_summed``).

A question with a ``narrow`` month parameter also has its rows stored per month (the key
of its parameters with that month), so that asking a month reads that month's rows only; its
answer of every month is made of the months' (``Parts``), and a build that wrote a few graphs
reads and writes only the months its changed rows fall in (``_month_update``).  An answer
without the place column of its rows is stored as those rows with their place (``Columns``).

>>> from govgraph.queries.questions import get
>>> _month(get("deadlines"), {"due": "2018-05-31", "doc": "d"}), _month(get("deadlines"), {"due": ""})
('2018-05', None)
"""

from __future__ import annotations

import bisect
import contextvars
import functools
import json
import re
from collections import Counter, deque
from collections.abc import Iterable, Iterator
from concurrent.futures import ThreadPoolExecutor
from typing import TYPE_CHECKING

import pyoxigraph as ox

from govgraph.graph.rdf_build import Columns, Parts
from govgraph.graph.rdf_sparql import solutions
from govgraph.graph.rdf_terms import ID, PREFIXES, expand

from .execute import answer_key, evaluate, finish, place_key
from .parameters import arguments, bind
from .questions import ROW_KEY, CannedQuery, get, load, sort_value

if TYPE_CHECKING:  # pragma: no cover
    from govgraph.graph.rdf_store import Store

__all__ = ["materialised_answers"]

#: keys evaluated in one restricted query (Oxigraph's time per key grows past ~1,000: at 10k
#: notices, group-interlocks took 0.12 s for 100 keys, 1.0 s for 1,000, 11 s for 3,000)
BATCH = 500
#: the names of the notices' own graphs begin so (``rdf_terms.notice_iri``)
NOTICE_GRAPHS = ID + "notice/"


def materialised_answers(store: "Store", before: "Store | None" = None,
                         graphs: Iterable[str] | None = None) -> Iterator[tuple[str, str, Iterable[dict] | None]]:
    """Yield ``(question, key, rows)`` for the answers to store in the generation ``store``
    (``rdf_build.Answers``): every one, evaluated, when ``graphs`` is None; else only those
    that changed, updated from ``before`` (the live generation) after a build that wrote the
    named ``graphs`` (rows None: an answer no longer stored, a month without rows).  The rows
    are an iterable, to be read before the next answer is asked for.

    After a build that wrote a few graphs, ``UPDATE_THREADS`` parameter sets are updated at
    once, in threads (their queries run without the GIL, ``rdf_sparql.one_call``, and the
    updates of different questions share nothing), each one's answers made whole before
    they are yielded, in order: a few parameter sets' rows held at once, not one's."""
    graphs = None if graphs is None or before is None else sorted(graphs)
    sets = [(q, params) for q in load() for params in q.materialise]
    if graphs is None:
        for q, params in sets:
            yield from _parameter_set(store, before, q, params, None)
        return
    with ThreadPoolExecutor(max_workers=UPDATE_THREADS, thread_name_prefix="govgraph-answers") as pool:
        pending: deque = deque()
        for q, params in sets:
            context = contextvars.copy_context()  # (``one_call`` holds in the thread too)
            pending.append(pool.submit(context.run, lambda q=q, p=params: list(_parameter_set(store, before, q, p, graphs))))
            if len(pending) >= UPDATE_THREADS:
                yield from pending.popleft().result()
        while pending:
            yield from pending.popleft().result()


#: parameter sets updated at once after a small build (``materialised_answers``)
UPDATE_THREADS = 2


def _parameter_set(store: "Store", before: "Store | None", q: CannedQuery, params: dict,
                   graphs: list[str] | None) -> Iterator[tuple]:
    """``materialised_answers``' answers of one parameter set of ``q``."""
    bindings, _ = bind(store, q, params)
    full = _full_key(q, bindings)
    parts = before.answer_parts(q.name, full) if graphs is not None and q.update and q.narrow else None
    if parts is not None and not q.then:
        made = _month_update(store, before, q, bindings, graphs, parts)
        if made is not None:
            yield from made
            return
    old = before.answer(q.name, full) if graphs is not None and q.update else None
    if old and q.narrow and before.answer(q.name, _month_key(q, bindings, old[0])) is None:
        old = None  # stored without its months (an older build): all again
    if old and q.keyed and ROW_KEY not in old[0]:
        old = None  # stored without their key nodes (an older build): all again
    if old is None:
        rows, months = finish(q, evaluate(store, q, arguments(q, bindings), keyed=q.keyed)), None
    else:
        rows, months = _updated(store, before, q, bindings, old, graphs)
        if rows is None:
            return
    for name, key, answer in _answers(q, bindings, rows, months):
        yield name, key, answer if graphs is None or answer is None or isinstance(answer, (Columns, Parts)) else list(answer)


def _answers(q: CannedQuery, bindings: dict, rows: list[dict], months: set | None) -> Iterator[tuple]:
    """The stored answers of one parameter set: its rows (and without their place column),
    and per month for a ``narrow`` question (those of ``months`` only, if given).  Where
    every row has a month (its rows sort by that column first), the answer of every month is
    made of the months' answers (``Parts``: their keys in order), not stored a second time."""
    pname = next(iter(q.narrow), None)
    keys = (answer_key, place_key) if q.row_place else (answer_key,)
    by_month: dict[str, list[dict]] = {}
    for r in rows if q.narrow else ():
        by_month.setdefault(_month(q, r), []).append(r)
    if pname is None or None in by_month:
        yield from _with_columns(q, bindings, rows)
        by_month.pop(None, None)
    else:  # the months in order are the rows in order
        yield from _month_parts(q, bindings, sorted(by_month), len(rows))
    if pname is None:
        return
    for m in months or ():
        by_month.setdefault(m, [])
    for m, part in sorted(by_month.items()):
        if months is not None and m not in months:
            continue
        yield from _with_columns(q, dict(bindings, **{pname: m}), part or None)


def _month_parts(q: CannedQuery, bindings: dict, months: list[str], count: int) -> Iterator[tuple]:
    """The answer of every month of a ``narrow`` question, made of its ``months``' answers in
    order (``Parts``), with and without the place column of its rows: ``count`` rows."""
    pname = next(iter(q.narrow))
    for key in (answer_key, place_key) if q.row_place else (answer_key,):
        yield q.name, key(bindings), Parts(tuple(key(dict(bindings, **{pname: m})) for m in months), count)


def _month_update(store: "Store", before: "Store", q: CannedQuery, bindings: dict, graphs: list[str],
                  parts: tuple[list[str], int]) -> list[tuple] | None:
    """The stored answers of a ``narrow`` question whose answer of every month is made of its
    months' answers (``parts``: their keys in ``before`` and its row count) after a build that
    wrote ``graphs``: the rows of the keys they touch evaluated again, as ``_updated`` does, but
    only the months those rows fall in read and written (each month's rows sort apart from the
    others'), and the answer of every month given its months and count again; the other
    months are neither read nor written.  None when a row has no month (every row is
    evaluated again then)."""
    keys = {**_keys(before, q, graphs), **_keys(store, q, graphs)}
    if not keys:
        return []
    gone, new = _restricted(store, before, q, arguments(q, bindings), keys)
    if Counter(_row_id(r) for r in new) == gone:
        return []
    months = {_month(q, dict(r)) for r in gone} | {_month(q, r) for r in new}
    if None in months:
        return None
    pname, count = next(iter(q.narrow)), parts[1] - sum(gone.values()) + len(new)
    stored = {json.loads(k).get(pname): k for k in parts[0]}
    rows = {}
    for m in sorted(months):
        old = before.answer(q.name, stored[m]) if m in stored else []
        if old is None:  # a part another build did not write: every month again
            return None
        rows[m] = _merged(q, [r for r in old if not _take(gone, _row_id(r))], [r for r in new if _month(q, r) == m])
    if any(gone.values()):  # a row to take out that its month's answer does not hold
        return None
    out = list(_month_parts(q, bindings, sorted((set(stored) | set(rows)) - {m for m, r in rows.items() if not r}),
                            count))
    for m, part in rows.items():
        out += _with_columns(q, dict(bindings, **{pname: m}), part or None)
    return out


def _restricted(store: "Store", before: "Store", q: CannedQuery, args: dict, keys: dict,
                stored: list[str] | None = None) -> tuple[Counter, list[dict]]:
    """The rows ``q`` restricted to some keys gives, ``BATCH`` keys a query: on ``before``
    for ``stored`` (default: those of ``keys``, as ``_keys`` gives them, it holds), counted by
    ``_row_id``, and on ``store`` for all ``keys``."""
    if stored is None:
        stored = sorted(k for k, t in keys.items() if _stored(before, t))
    gone, new = Counter(), []
    for db, todo in ((before, stored), (store, sorted(keys))):
        for i in range(0, len(todo), BATCH):
            rows = evaluate(db, q, args, text=q.restricted(todo[i:i + BATCH]), keyed=q.keyed)
            if db is before:
                gone.update(_row_id(r) for r in rows)
            else:
                new += rows
    return gone, new


def _with_columns(q: CannedQuery, bindings: dict, rows: list[dict] | None) -> Iterator[tuple]:
    """The stored answers of ``rows`` (None: no rows): those of a question without a place
    column of its rows; else the rows with their place, then the answer without it
    (``Columns``: the same rows, not written a second time)."""
    if not q.row_place:
        yield q.name, answer_key(bindings), None if rows is None else _columns(q, rows)
    else:
        yield q.name, place_key(bindings), rows
        yield q.name, answer_key(bindings), None if rows is None else Columns(place_key(bindings), tuple(q.columns),
                                                                              len(rows))


def _month_key(q: CannedQuery, bindings: dict, row: dict) -> str:
    """The key of the month answer ``row`` is stored in (as ``_answers`` stores it)."""
    return _full_key(q, dict(bindings, **{next(iter(q.narrow)): _month(q, row)}))


def _full_key(q: CannedQuery, bindings: dict) -> str:
    """The key of the answer holding every column (the place column too, when the rows have one)."""
    return place_key(bindings) if q.row_place else answer_key(bindings)


def _columns(q: CannedQuery, rows: list[dict]) -> Iterator[dict]:
    """``rows`` with the question's columns only (without a place column of the rows), made
    one at a time as the build writes them (not a second list of every row)."""
    cols = list(q.columns) + ([ROW_KEY] if q.keyed else [])
    return ({c: r.get(c) for c in cols} for r in rows)


_MONTH = re.compile(r"\d{4}-\d{2}-")


def _month(q: CannedQuery, row: dict) -> str | None:
    """The month (YYYY-MM) a ``narrow`` question's row belongs to, or None."""
    v = str(row.get(next(iter(q.narrow.values()))) or "")
    return v[:7] if _MONTH.match(v) else None


def _updated(store: "Store", before: "Store", q: CannedQuery, bindings: dict, old: list[dict],
             graphs: list[str]) -> tuple[list[dict] | None, set | None]:
    """The stored rows ``old`` (of ``before``) with the rows of the keys ``graphs`` touch
    evaluated again on ``store``; and the months those rows fall in.  (None, None) when no
    row changed."""
    keys = {**_keys(before, q, graphs), **_keys(store, q, graphs)}
    if not keys:
        return None, None
    args = arguments(q, bindings)
    if q.keyed and _iris(keys):  # the stored rows of the keys: found by their nodes
        nodes = {k[1:-1] for k in keys}
        gone = Counter(_row_id(r) for r in old if r[ROW_KEY] in nodes)
        new, keys = _summed(store, before, q, args, old, graphs, keys) if q.update.get("sums") else ([], keys)
        new += _restricted(store, before, q, args, keys, [])[1]  # (none evaluated on the live generation)
    else:
        gone, new = _restricted(store, before, q, args, keys)
    if Counter(_row_id(r) for r in new) == gone:
        return None, None
    changed = [dict(k) for k in gone] + new
    rows = _merged(q, [r for r in old if not _take(gone, _row_id(r))], new)
    months = {_month(q, r) for r in changed} - {None} if q.narrow else None
    return finish(q, rows), months


def _summed(store: "Store", before: "Store", q: CannedQuery, args: dict, old: list[dict], graphs: list[str],
            keys: dict) -> tuple[list[dict], dict]:
    """The rows of the ``keys`` (IRIs) that ``update.sums`` can update: those of a question whose
    rows are counts (``sums``) of facts of one notice each (``update.per_notice``: a task, whose
    key holds its notice, and its assignments are in that notice's graph alone), so that a row
    adds up over notice graphs.  A key's row after the build is its stored row (found by its
    node, ``ROW_KEY``; none: counts of 0) plus the question evaluated on the written notice
    graphs alone after the build, minus the same before it (``_counted``), with the key's
    columns as the new generation gives them: the graphs the build wrote are read, not every
    notice of the key.  A key without one value of each column there is left to evaluate.
    Returns the rows to put in and the keys left to evaluate."""
    notices = [g for g in graphs if g.startswith(NOTICE_GRAPHS)]
    sums = q.update["sums"]
    after = _key_values(store, q, list(keys))
    delta: dict[str, list] = {}
    for db, sign in ((before, -1), (store, 1)):
        for r in _counted(db, q, args, notices, {k: after[k][1] for k in sorted(after)}):
            d = delta.setdefault(r[ROW_KEY], [0] * len(sums))
            for i, c in enumerate(sums):
                d[i] += sign * (r[c] or 0)
    stored = {r[ROW_KEY]: r for r in old}
    order = q.query_columns + (["place"] if q.row_place else [])
    new = []
    for k, (values, _) in after.items():
        row, d = stored.get(k[1:-1]), delta.get(k[1:-1], [0] * len(sums))
        counts = [(row[c] if row else 0) + d[i] for i, c in enumerate(sums)]
        if min(counts) < 0:  # not counts that add up after all: evaluate every key
            return [], keys
        if any(counts):
            cells = dict(values, **dict(zip(sums, counts)))
            new.append({**{c: cells[c] for c in order}, ROW_KEY: k[1:-1]})
    return new, {k: t for k, t in keys.items() if k not in after}


def _key_values(db: "Store", q: CannedQuery, keys: list[str]) -> dict[str, tuple[dict, str]]:
    """The ``update.columns`` values ``db`` gives each of ``keys`` (IRIs in SPARQL syntax) that
    has one value of each: ``{key: (its values, the row of a VALUES block of the key and them)}``."""
    cols, found = q.update["columns"], {}
    for i in range(0, len(keys), BATCH):  # (solutions in one call: see ``rdf_sparql.solutions``)
        for terms in solutions(db.ox, q.key_columns(keys[i:i + BATCH])):
            if None not in terms:
                found.setdefault(str(terms[0]), []).append(terms)
    return {k: (dict(zip(cols, (t.value for t in terms[1:]))), f"({' '.join(map(str, terms))})")
            for k, (terms, *more) in found.items() if not more}


def _iris(keys: Iterable[str]) -> bool:
    """Whether every key is an IRI (in SPARQL syntax)."""
    return all(k.startswith("<") for k in keys)


@functools.lru_cache(maxsize=None)
def _predicates(query: str) -> tuple[ox.NamedNode, ...]:
    """The IRIs a query's text names by a prefixed name (outside comments): the predicates
    it reads among them.

    >>> sorted(p.value.rsplit("#")[-1] for p in _predicates(get("unit-load").text))[:4]
    ['LeadRole', 'arg', 'assignee', 'assignmentRole']
    """
    text = "\n".join(line.split("#")[0] for line in query.splitlines() if not line.startswith("PREFIX"))
    names = {m for m in re.findall(r"\b([a-z]+:[A-Za-z_]\w*)", text) if m.split(":")[0] in PREFIXES}
    return tuple(ox.NamedNode(expand(n)) for n in sorted(names))


def _counted(db: "Store", q: CannedQuery, args: dict, notices: list[str], values: dict[str, str]) -> Iterator[dict]:
    """The rows ``q`` gives on the triples of the notice graphs ``notices`` of ``db`` alone
    (copied into a store in memory) for some keys, with their columns' ``values`` (``_key_values``),
    each row with its key's node (``ROW_KEY``)."""
    if not values or not notices:
        return
    mem, default = ox.Store(), ox.DefaultGraph()
    mem.extend(ox.Quad(t.subject, t.predicate, t.object, default)
               for g in map(ox.NamedNode, notices) for p in _predicates(q.text)
               for t in db.ox.quads_for_pattern(None, p, None, g))
    view, keys = db.view(mem, db.path, None), list(values)
    for i in range(0, len(keys), BATCH):
        part = keys[i:i + BATCH]
        yield from evaluate(view, q, args, text=q.summed([values[k] for k in part], q.restricted(part)), keyed=True)


def _merged(q: CannedQuery, kept: list[dict], new: list[dict]) -> list[dict]:
    """``q.sort(kept + new)`` for ``kept`` in that order already (stored rows, some taken out):
    ``new`` sorted, each of its rows placed among ``kept`` by binary search (after the rows it
    ties with, as the stable sort places it), instead of every row sorted again.

    >>> from govgraph.queries.questions import get
    >>> q = get("unit-load")
    >>> kept = q.sort([{"unit": u, "led": l, "responsible": 0, "total": t, "place": ""}
    ...                for u, l, t in [("a", 1, 3), ("b", 2, 2), ("c", 0, 2), ("d", 0, 1)]])
    >>> new = [{"unit": u, "led": l, "responsible": 0, "total": t, "place": ""} for u, l, t in [("e", 0, 2), ("f", 5, 9), ("g", 0, 0)]]
    >>> [r["unit"] for r in _merged(q, list(kept), list(new))] == [r["unit"] for r in q.sort(kept + new)]
    True
    """
    if not new or not kept or q.sort_keys is None:
        return q.sort(kept + new)
    order = q.sort_columns(kept[0])

    def compare(a: dict, b: dict) -> int:  # q.sort's order
        for col, desc in order:
            kx, ky = sort_value(a[col]), sort_value(b[col])
            if kx != ky:
                return (kx < ky) - (kx > ky) if desc else (kx > ky) - (kx < ky)
        return 0

    key = functools.cmp_to_key(compare)
    out, at = [], 0
    for r in q.sort(new):
        lo = bisect.bisect_right(kept, key(r), lo=at, key=key)
        out += kept[at:lo]
        out.append(r)
        at = lo
    out += kept[at:]
    return out


def _stored(store: "Store", term) -> bool:
    """Whether ``term`` is in ``store`` at all (by the indexes): a key only the new generation
    has (a new person, a new notice's number) had no row."""
    default = ox.DefaultGraph()
    return (not isinstance(term, ox.Literal)
            and next(store.ox.quads_for_pattern(term, None, None, default), None) is not None) \
        or next(store.ox.quads_for_pattern(None, None, term, default), None) is not None


def _row_id(row: dict) -> tuple:
    return tuple(row.items())


def _take(counts: Counter, key: tuple) -> bool:
    """Whether ``key`` is one of ``counts`` (then counted once less)."""
    if counts[key] > 0:
        counts[key] -= 1
        return True
    return False


def _keys(store: "Store", q: CannedQuery, graphs: list[str]) -> dict:
    """The values of ``q``'s update key that its ``match`` (one triple pattern) finds in the
    named ``graphs`` of ``store``, by their SPARQL text, read from the store's graph indexes
    (a SPARQL ``GRAPH <g>`` pattern reads every graph's triples of its predicate)."""
    parts = q.update["match"].split()
    at = parts.index("?" + q.update["key"])
    pattern = [None if t.startswith("?") else _term(t) for t in parts]
    out = {}
    for g in graphs:
        for quad in store.ox.quads_for_pattern(*pattern, ox.NamedNode(g)):
            term = (quad.subject, quad.predicate, quad.object)[at]
            out[str(term)] = term
    return out


def _term(text: str) -> ox.NamedNode:
    """An IRI of a ``match`` pattern: ``<...>``, ``a`` or a prefixed name of ``PREFIXES``."""
    if text == "a":
        return ox.NamedNode("http://www.w3.org/1999/02/22-rdf-syntax-ns#type")
    return ox.NamedNode(text[1:-1] if text.startswith("<") else expand(text))
