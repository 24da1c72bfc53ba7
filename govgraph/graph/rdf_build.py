"""Building a store generation: planning which graphs to (re)write, and writing them
in bulk into a copy of the live generation (``Store.build`` runs both, then swaps).

``plan`` validates the facts, merges the unit catalogue with the stored one and
yields the graphs whose content hash changed (a changed catalogue re-resolves the
stored notices).  ``Writer`` copies the live generation when the first change
comes, bulk-loads N-Quads, keeps the union default graph, and at the end stores
the answers the build step computes (``answers``, see ``govgraph.build``), each
fact's first and last seen and identity key (``seen_triples``) and the quad count.
"""

from __future__ import annotations

import base64
import contextlib
import gc
import hashlib
import itertools
import json
import re
import shutil
import tempfile
from collections.abc import Callable, Iterable
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

import pyoxigraph as ox

from govgraph.errors import StoreError
from govgraph.facts import fact_id, validate_fact
from govgraph.kinds import KINDS
from govgraph.identity import Catalogue
from govgraph.notice import Notice

from govgraph.loaders.pipeline import unit_mentions

from .digests import DigestTable
from .rdf_generations import cleanup, keep_count, kept, next_generation, read_mentions, write_mentions
from .rdf_read import read_notice_graph
from .rdf_records import notice_fields
from .rdf_sparql import one_call, solutions
from .rdf_terms import (ANSWERS_GRAPH, CATALOGUE_GRAPH, DCTERMS, GG, ID, RDF, SEEN_GRAPH, XSD, answer_iri, expand,
                         notice_iri, nt_term, unit_iri)
from .rdf_write import catalogue_graph, graph_hash, mentioned_in, notice_graph

__all__ = ["BuildReport", "Progress", "Answers", "Columns", "Parts", "Resolve", "plan", "Writer", "seen_triples"]

Progress = Callable[[int, int, str], None]
#: rows to store with a build: ``answers(store, before, graphs)`` yields ``(question, key, rows)``,
#: ``store`` an ``rdf_store.Store`` over the generation being written, ``before`` the live one;
#: ``graphs``: None (every answer is yielded; those not yielded are no longer stored), or the
#: graphs a build that wrote little wrote (only answers that changed are yielded, rows None
#: for one no longer stored: ``queries.maintain``).  ``rows`` (dicts) is read once, written
#: page by page, before the next answer is asked for
Answers = Callable[[Any, Any, Iterable[str] | None], Iterable[tuple[str, str, "Iterable[dict] | Parts | None"]]]


@dataclass(frozen=True)
class Parts:
    """The rows of an answer that ``Answers`` yields as other answers of its question stored by
    the same build: their keys, in order (its rows are theirs one after another), and how many
    rows they hold together.  Stored as ``gg:parts``, no page of its own (``Store.answer``)."""

    keys: tuple[str, ...]
    count: int


@dataclass(frozen=True)
class Columns:
    """The rows of an answer that ``Answers`` yields as another answer of its question stored by
    the same build (``key``: one with a place column) with only some of its ``columns``, in the
    same order, and how many rows that is.  Stored as ``gg:columnsOf`` and ``gg:columns``, no
    page of its own (``Store.answer``): the rows with and without their place are written once."""

    key: str
    columns: tuple[str, ...]
    count: int


#: the unit catalogue (unit facts) of ``(scope, unit name, doc)`` mentions in reading order
#: (``loaders.pipeline.resolve_units``): a build given it resolves the catalogue of all the
#: store's notices again from their mentions (kept beside each generation), as a fresh build
#: of them all would, and ignores the input's unit facts
Resolve = Callable[[list[tuple]], list[dict]]


@dataclass
class BuildReport:
    """What a build did. Lists hold document numbers."""

    path: str
    added: list[str] = field(default_factory=list)
    replaced: list[str] = field(default_factory=list)
    unchanged: list[str] = field(default_factory=list)
    refreshed: list[str] = field(default_factory=list)  # re-resolved after a catalogue change
    catalogue_changed: bool = False
    units: int = 0
    quads: int = 0
    seconds: float = 0.0
    generation: str | None = None
    warnings: list[str] = field(default_factory=list)
    #: the unit mentions of every notice of the new generation (``Resolve``), or None
    mentions: dict | None = field(default=None, repr=False)
    #: ``(generation, n)``: the first ``n`` of ``mentions`` are that generation's mentions file
    #: as it stands (``rdf_generations.write_mentions``'s ``base``), or None
    mentions_base: tuple[str, int] | None = field(default=None, repr=False)

    @property
    def changed(self) -> bool:
        return bool(self.added or self.replaced or self.refreshed or self.catalogue_changed)

    def counts(self) -> dict:
        return {"added": len(self.added), "replaced": len(self.replaced),
                "unchanged": len(self.unchanged), "refreshed": len(self.refreshed),
                "units": self.units, "quads": self.quads}


def plan(store, facts: list[dict], notices: list[Notice], report: BuildReport,
         progress: Progress | None = None, resolve: Resolve | None = None, trusted: bool = False,
         spool=None):
    """Yield ``(doc, graph IRI, triples, record)`` for every graph to (re)write in ``store``
    (the ``rdf_store.Store`` being built), filling ``report`` as it goes; ``record``: a
    notice graph's ``(notice fields, facts)`` it was made from (``rdf_records``), None for
    the catalogue's.

    ``resolve``: see ``Resolve``; without it (or for a store without a mentions file that
    holds notices) the input's unit facts are merged into the stored catalogue.  When the
    catalogue changes how a name resolves, the stored notices that use that name (found
    by the unit node it resolved to) are written again.  ``trusted``: the facts are this
    run's extraction's, valid as made (not checked with ``validate_fact`` again).  ``spool``:
    more notices with their facts (an extraction's ``loaders.spool.Spool``: trusted, each
    number once), read back one at a time as their graphs are made."""
    units_in, by_doc, seen, mentions_in = [], {}, {}, {}
    for f in facts:
        problems = (() if trusted else validate_fact(f)) if isinstance(f, dict) else ["not a JSON object"]
        if problems:
            report.warnings.append(f"skipped fact {_short(f)}: {'; '.join(problems)}")
            continue
        if f["kind"] == "unit":
            units_in.append(f)
            continue
        if resolve is not None:
            mentions_in.setdefault(f["doc"], []).extend(unit_mentions([f], f.get("place")))
        if _first_of_key(f, seen, report):
            by_doc.setdefault(f["doc"], []).append(f)
    seen.clear()
    notice_by_doc: dict[str, Notice] = {}
    for n in notices:
        try:
            n.sha256
        except UnicodeError as e:  # text from the API: an unpaired surrogate
            report.warnings.append(f"{n.doc!r}: notice not stored: its text is not Unicode "
                                   f"(an unpaired surrogate at character {e.start})")
            continue
        if n.doc in notice_by_doc and notice_by_doc[n.doc].sha256 != n.sha256:
            report.warnings.append(f"{n.doc}: two notices with this number, kept the last")
        notice_by_doc[n.doc] = n
    if spool is not None:  # its notices and facts stay on disk until their graph is made
        notice_by_doc, by_doc = _Spooled(spool, report)
        if resolve is not None:
            mentions_in.update(spool.mentions)
    for doc in by_doc:
        if doc not in notice_by_doc:
            report.warnings.append(f"{doc}: facts without a notice (no text in the store)")

    if resolve is not None:
        for doc in notice_by_doc:
            mentions_in.setdefault(doc, [])
    before, mentions = _mentions(store, mentions_in) if resolve is not None else (None, None)
    # resolved again, the catalogue is not read from the store (but merged, it is)
    stored_units = store.units() if mentions is None else None
    if mentions is not None:  # the catalogue of all notices, resolved again as a fresh build would
        cat = Catalogue(resolve(_listed(mentions)))
    else:
        cat = Catalogue([*stored_units, *units_in])
    report.mentions = mentions
    if before is not None and all(before.get(d, ms) == ms for d, ms in mentions_in.items()):
        report.mentions_base = store.generation, len(before)  # added notices: come after the stored ones
    report.warnings += cat.warnings
    report.units = len(cat.units)
    # resolved from the notices' mentions, each notice's graph states which units it mentions
    # (``mentioned_in``): the catalogue then changes only when a unit does, not with every notice
    in_notices = mentions is not None
    cat_triples = catalogue_graph(cat, docs=not in_notices)
    cat_name = str(CATALOGUE_GRAPH)
    stored_hash = _stored_hash(store, cat_name)
    old_cat = None
    if stored_hash != graph_hash(cat_triples):
        report.catalogue_changed = True
        old_cat, old_triples = _stored_catalogue(before, resolve, stored_hash)
        if old_cat is None:  # the store's, read (its lists of notices left out: not needed)
            old_cat = Catalogue(stored_units if stored_units is not None else store.units(docs=False))
        yield "(unit catalogue)", cat_name, _Known(cat_triples, old_triples), None
        old_triples = None
    cat_triples = None  # not held while the notices are written (~1.1 M triples at 100k)
    docs = sorted(set(notice_by_doc) | set(by_doc))
    wanted = {str(notice_iri(d)) for d in docs}
    others = (sorted(_affected(store, old_cat, cat) - wanted)
              if old_cat is not None and old_cat.signature() != cat.signature() else [])
    if _before_role_memberships(store) or (in_notices and _mentions_in_catalogue(store)):
        others = sorted({g.value for g in store._notice_graphs()} - wanted)  # all written again, once
    others = [ox.NamedNode(g) for g in others]
    total = len(docs) + len(others)
    mentioned = mentioned_in(cat, docs) if in_notices else {}
    for i, doc in enumerate(docs, 1):
        notice, facts = notice_by_doc.get(doc), by_doc.pop(doc, [])
        try:
            triples = notice_graph(notice, facts, cat, doc=doc, validated=True, mentioned=mentioned.pop(doc, ()))
            g = str(notice_iri(doc))
        except UnicodeError as e:  # text from the API or a facts file: an unpaired surrogate
            report.warnings.append(f"{doc!r}: not stored: its title, issuer or number holds text "
                                   f"that is not Unicode (an unpaired surrogate: {e.reason})")
            continue
        old = _stored_hash(store, g)
        if old is None:
            report.added.append(doc)
            yield doc, g, triples, (notice_fields(notice, doc), facts)
        elif old != graph_hash(triples):
            report.replaced.append(doc)
            yield doc, g, triples, (notice_fields(notice, doc), facts)
        else:
            report.unchanged.append(doc)
        if progress is not None:
            progress(i, total, doc)
    mentioned = mentioned_in(cat, (_doc_of(store, g) for g in others)) if in_notices else {}
    for i, g in enumerate(others, len(docs) + 1):  # re-resolve stored notices
        notice, old_facts = read_notice_graph(store._triples(g))
        has_text = any(True for _ in store.ox.quads_for_pattern(
            g, ox.NamedNode(str(GG.sha256)), None, g))
        triples = notice_graph(notice if has_text else None, old_facts, cat, doc=notice.doc,
                               mentioned=mentioned.pop(notice.doc, ()))
        if _stored_hash(store, g.value) != graph_hash(triples):
            report.refreshed.append(notice.doc)
            yield notice.doc, g.value, triples, (notice_fields(notice if has_text else None, notice.doc), old_facts)
        if progress is not None:
            progress(i, total, notice.doc)


def _first_of_key(f: dict, seen: dict, report: BuildReport) -> bool:
    """True for the first fact of its key (``fact_id``) in ``seen``; a second one with other
    content is warned about."""
    fid = fact_id(f)
    if fid in seen:
        if seen[fid] != f:
            report.warnings.append(f"{f['doc']}: two facts with the same key, kept the first: {_short(f)}")
        return False
    seen[fid] = f
    return True


class _Spooled:
    """``plan``'s notices and facts by document number, read from a spool when asked: the
    notices (``get``) and the facts (``pop``) of one document at a time (a record read once for
    both), its facts checked for repeated keys then."""

    def __init__(self, spool, report: BuildReport):
        self.spool, self.report, self.last = spool, report, (None, None, [])

    def __iter__(self):  # (notices, facts): both mappings
        return iter((_SpooledNotices(self), _SpooledFacts(self)))

    def record(self, doc: str) -> tuple:
        if self.last[0] != doc:
            notice, facts = self.spool.read(doc)
            seen: dict = {}
            self.last = doc, notice, [f for f in facts if _first_of_key(f, seen, self.report)]
        return self.last


class _SpooledNotices(dict):
    """Document number -> notice, read from the spool (``get``)."""

    def __init__(self, spooled: _Spooled):
        super().__init__(dict.fromkeys(spooled.spool.at))
        self.spooled = spooled

    def get(self, doc, default=None):
        return self.spooled.record(doc)[1] if doc in self else default


class _SpooledFacts(dict):
    """Document number -> facts, read from the spool (``pop``); the documents with facts."""

    def __init__(self, spooled: _Spooled):
        super().__init__(dict.fromkeys(spooled.spool.docs_with_facts()))
        self.spooled = spooled

    def pop(self, doc, default=None):
        if doc not in self:
            return default
        dict.pop(self, doc)
        return self.spooled.record(doc)[2]


def _stored_hash(store, graph: str) -> str | None:
    """The content hash of a named graph of ``store`` (by the index: not every graph's read)."""
    g = ox.NamedNode(graph)
    q = next(store.ox.quads_for_pattern(g, _HASH, None, g), None)
    return None if q is None else q.object.value


def _mentions(store, new: dict) -> tuple[dict | None, dict | None]:
    """``(stored, all)``: ``{doc: [(scope, name), ...]}`` of the stored notices (None for a store
    without a generation), and of them with the input's ``new`` (an input notice keeps a stored
    one's place in the order, a new one comes last); ``(None, None)`` for a store that holds
    notices but no mentions file (written before they were kept)."""
    old = read_mentions(store.path, store.generation) if store.generation else None
    if old is None and any(g != str(CATALOGUE_GRAPH) for g in store._stored_hashes()):
        return None, None
    return old, {**(old or {}), **new}


def _listed(mentions: dict) -> list[tuple]:
    """``Resolve``'s input: the ``(scope, name, doc)`` of ``{doc: [(scope, name), ...]}``, in order."""
    return [(scope, name, doc) for doc, ms in mentions.items() for scope, name in ms]


class _Known(list):
    """A graph's triples (``plan`` yields them) with the triples the store holds in that graph
    now, when ``plan`` knows them (``before``; else None): ``Writer.put`` then diffs the two
    instead of reading the stored graph's quads (the unit catalogue: ~1.1 M at 100k)."""

    def __init__(self, triples: list[tuple], before: list[tuple] | None):
        super().__init__(triples)
        self.before = before


def _stored_catalogue(before: dict | None, resolve: Resolve, stored_hash: str | None):
    """``(catalogue, triples)`` of the stored unit catalogue made again from the stored notices'
    mentions ``before`` as the build that wrote it made it, if its content hash is the stored
    one (``stored_hash``); else ``(None, None)`` (a catalogue merged from unit facts, or
    resolved by other rules)."""
    if before is None or stored_hash is None:
        return None, None
    cat = Catalogue(resolve(_listed(before)))
    triples = catalogue_graph(cat, docs=False)
    return (cat, triples) if graph_hash(triples) == stored_hash else (None, None)


def _mentions_in_catalogue(store) -> bool:
    """Whether ``store``'s catalogue graph states which notices mention a unit (written before
    the notice graphs stated it): its notices are then written again by the next build that
    resolves the catalogue from the mentions (``BuildReport.refreshed``), once."""
    g = ox.NamedNode(str(CATALOGUE_GRAPH))
    return next(store.ox.quads_for_pattern(None, ox.NamedNode(str(GG.mentionedIn)), None, g), None) is not None


def _doc_of(store, g: ox.NamedNode) -> str:
    """The document number of the stored notice graph ``g``."""
    return next(store.ox.quads_for_pattern(g, ox.NamedNode(str(DCTERMS.identifier)), None, g)).object.value


def _before_role_memberships(store) -> bool:
    """Whether ``store`` holds group memberships written before each was also stated as
    ``member <role/memberOf> group`` (``rdf_write.role_membership``): its notices are then
    written again by the next build (``BuildReport.refreshed``), as the questions read
    those triples."""
    ask = f"ASK {{ ?m a <{GG.GroupMembership}> }}"
    return bool(store.ox.query(ask)) and not bool(store.ox.query(f"ASK {{ ?rm <{GG.memberRole}> ?r }}"))


def _affected(store, old: Catalogue, new: Catalogue) -> set[str]:
    """The stored notice graphs that may resolve a unit name otherwise under ``new`` than under
    ``old``: those linking to a node a changed name resolved to, or stating that they mention
    it (in its place, or in any place, as a notice without a place resolves it)."""
    def pairs(cat: Catalogue) -> set:
        return {(u.get("place"), a, cat.resolve(a, u.get("place"))) for u in cat.units for a in u["aliases"]}

    changed = {(place, a) for place, a, _ in pairs(old) ^ pairs(new)}
    def count(where: str) -> int:  # counted by Oxigraph: no term decoded (~35 µs a quad in Python)
        return int(next(iter(store.ox.query(f"SELECT (COUNT(*) AS ?n) WHERE {{ {where} }}")))[0].value)

    placeless = (count(f"?s <{GG.jurisdiction}> ?o")  # the union's
                 < count(f"GRAPH ?g {{ ?g <{GG.contentHash}> ?h }} FILTER(?g != <{CATALOGUE_GRAPH}>)"))  # notices
    iris = set()
    for place, a in changed:
        for where in (place, None) if placeless else (place,):
            hit = old.lookup(a, where)
            iris.add(unit_iri(hit[1], hit[0]) if hit else unit_iri(old.resolve(a, where), where))
    skip = {str(CATALOGUE_GRAPH), str(ANSWERS_GRAPH), str(SEEN_GRAPH)}
    return {r[0].value for iri in iris  # the graphs, found by Oxigraph: not every quad decoded
            for r in store.ox.query(f"SELECT DISTINCT ?g WHERE {{ GRAPH ?g {{ {{ ?s ?p <{iri}> }} "
                                    f"UNION {{ <{iri}> <{GG.mentionedIn}> ?d }} }} }}")
            if r[0].value not in skip}


class Writer:
    """Writes changed graphs into a new generation: a copy of the live one made
    when the first change comes, private until ``Store.build`` makes it live.

    Triples (N-Triples term tuples) go in as N-Quads through Oxigraph's bulk
    loader, each twice: in its notice's graph and in the default graph (the
    union).  Loading runs in two threads (Oxigraph releases the GIL; its loader
    uses one core) while the next chunk is made.  A graph written again loses the
    triples it no longer states and gains the new ones (the catalogue's, after a few
    notices are added, are nearly all the same; its stored triples ``plan`` gives, see
    ``_Known``, the others' are read); triples that no graph states any more leave the
    union at the end."""

    CHUNK = 100_000  # quads per bulk load (the loader holds ~2 kB a quad: 400 000 held 1 GB in two loads)
    LOADERS = 2  # bulk loads in flight at once (Oxigraph's loader runs on one core)
    OPTIMIZE_SHARE = 5  # compact the whole store when a build wrote over 1/5 of its quads

    def __init__(self, store, answers: Answers | None = None):
        """``store``: the ``rdf_store.Store`` being built; ``answers``: see ``Answers``."""
        self.store = store
        self.answers = answers
        self.w: ox.Store | None = None
        self.target: Path | None = None
        self.gen: str | None = None
        self.lines: list[str] = []
        self.dropped: set = set()
        #: digests of the entity triples already in this build's union (packed: millions at 100k)
        self.shared: DigestTable | None = DigestTable()
        self.count = 0  # quads in the notice and catalogue graphs
        self.seen_count: int | None = None  # quads in the first/last seen graph, when known
        self.written = 0  # quads this build wrote into them
        self.graphs: set[str] = set()  # the notice graphs it wrote
        self.pool = None
        self.pending: list = []
        self.seen_rows: _SeenRows | None = None
        #: the stored answers' writes held while a fresh build's flush and ``optimize`` run, or None
        self.held: _Held | None = None

    @property
    def started(self) -> bool:
        return self.w is not None

    def _start(self) -> None:
        from concurrent.futures import ThreadPoolExecutor

        s = self.store
        cleanup(s.path, keep=kept(s.path, s.generation, keep_count()))
        self.gen = next_generation(s.path)
        self.target = s.path / self.gen
        self._io(lambda: s.ox.backup(str(self.target)))
        self.w = ox.Store(str(self.target))
        self.count = s._stored_count()
        self.seen_count = s._stored_count(SEEN_GRAPH)
        if self.count is None:  # written by an older version: count once
            answers = ox.NamedNode(str(ANSWERS_GRAPH))
            self.count = len(s) - sum(1 for _ in s.ox.quads_for_pattern(None, None, None, answers))
        self.pool = ThreadPoolExecutor(max_workers=self.LOADERS, thread_name_prefix="govgraph-load")
        # a store without a quad (a fresh build): every fact comes through ``put``, so their
        # first and last seen are gathered there, not queried from the store at the end
        self.seen_rows = _SeenRows(s.path) if next(iter(s.ox), None) is None else None
        if not any(True for _ in s.ox.quads_for_pattern(None, None, None, ox.DefaultGraph())):
            # a store without its union (empty, or written by an older version)
            self._io(lambda: self.w.update("INSERT { ?s ?p ?o } WHERE { GRAPH ?g { ?s ?p ?o } }"))

    def _io(self, fn):
        try:
            return fn()
        except OSError as e:
            raise StoreError(f"build failed writing {self.target}: {e}; the store is unchanged") from None
        except (SyntaxError, ValueError) as e:  # a term Oxigraph refuses
            raise StoreError(f"build failed: cannot store a triple ({e}); the store is unchanged") from None

    def put(self, doc: str, graph: str, triples: list[tuple]) -> None:
        if self.w is None:
            self._start()
        gname = ox.NamedNode(graph)
        if graph != str(CATALOGUE_GRAPH):
            self.graphs.add(graph)
            if self.seen_rows is not None:  # its temporary file: a full disk is a StoreError
                self._io(lambda: self.seen_rows.add(graph, triples))
        known = getattr(triples, "before", None)  # the stored triples, known to ``plan`` (_Known)
        if known is None:
            old = {f"{q.subject} {q.predicate} {q.object}": q
                   for q in self.store.ox.quads_for_pattern(None, None, None, gname)}
        else:  # N-Triples term tuples on both sides: compared as they are (no line made)
            old = dict.fromkeys(known)
        self.count += len(triples) - len(old)  # a graph's triples are distinct (notice_graph)
        if old:  # a graph written again: only its triples that changed leave and come
            self._wait()
            if known is None:
                spos = [f"{s} {p} {o}" for s, p, o in triples]  # each line made once
                stay = set(spos)
                gone = [old[spo] for spo in old if spo not in stay]
                triples = [t for t, spo in zip(triples, spos) if spo not in old]
            else:
                stay = set(triples)
                gone = ox.parse(input="".join(f"{s} {p} {o} .\n" for s, p, o in old if (s, p, o) not in stay),
                                format=ox.RdfFormat.N_TRIPLES)
                triples = [t for t in triples if t not in old]
            for q in gone:
                q = ox.Quad(q.subject, q.predicate, q.object, gname)
                self.dropped.add((q.subject, q.predicate, q.object))
                self._io(lambda q=q: self.w.remove(q))
        self.written += len(triples)
        g, lines, shared, entity = f" <{graph}> .\n", self.lines, self.shared, _ENTITY_IRIS
        digest = hashlib.blake2b
        chunk = self.CHUNK
        for s, p, o in triples:
            spo = f"{s} {p} {o}"
            lines.append(spo + g)
            if s.startswith(entity):  # stated by many notices: once in the union is enough
                if not shared.add(digest(spo.encode("utf-8"), digest_size=16).digest()):
                    continue
            lines.append(spo + " .\n")
            if len(lines) >= chunk:  # a big graph (the catalogue's: ~1 M triples at 100k) in pieces
                self._load()
                lines = self.lines

    def _load_seen(self) -> None:
        for line in self.seen_rows.lines():
            self.lines.append(line)
            if len(self.lines) >= self.CHUNK:
                self._load()

    def _load(self) -> None:
        data, self.lines = "".join(self.lines).encode("utf-8"), []
        while len(self.pending) >= self.LOADERS:
            self._io(self.pending.pop(0).result)
        w = self.w
        self.pending.append(self.pool.submit(lambda: w.bulk_load(data, format=ox.RdfFormat.N_QUADS)))

    def _wait(self) -> None:
        """Until every load in flight is done."""
        while self.pending:
            self._io(self.pending.pop(0).result)

    def finish(self) -> str:
        """Store the materialised answers, flush and close the new generation; its name."""
        self.shared = None  # no graph comes any more: the union's digests go before the rest
        fresh = self.seen_rows is not None
        if fresh:  # a fresh build: first and last seen with the rest (counted at the end)
            self._io(self._load_seen)
            self.seen_rows = None
            self.seen_count = None
        self._load()
        self._wait()
        w = self.w
        self._prune_union()  # before the answers: they read the union
        settling = None
        if self._wrote_little:  # a build that adds little to a big store leaves it to RocksDB's compactions
            self._io(w.flush)
        elif fresh:
            # one core for minutes at 100k: in a loader thread (Oxigraph releases the GIL) while
            # the stored answers are evaluated on the other, their writes held until then (``_Held``)
            settling = self.pool.submit(self._settle)
        else:
            self._settle()
        # after a small build, the first/last-seen look-ups run in a thread beside the stored
        # answers; the queries of both read their solutions in one call without the GIL
        # (``rdf_sparql.solutions``, ``one_call``): row by row, each would wait for the other
        # thread's Python.  Their triples are written after the answers (no answer reads them;
        # written in the thread, a failed answer left RocksDB writing into the generation abandoned)
        # (a build that wrote much computes every fact's first and last seen and key again)
        small = not fresh and self._wrote_little
        if small and self._seen_has(_FIRST) and not self._seen_has(_KEY):
            self._add_keys()  # a store written before the keys were kept
            self.seen_count = None
        spans = self.pool.submit(self._spans) if small and self._seen_has(_KEY) else None
        if not fresh and spans is None:
            self._seen_write(*self._spans(keyed=False))
        self.held = _Held(self, settling) if settling is not None else None
        try:
            with one_call() if spans is not None else contextlib.nullcontext():
                self._answers()
            if self.held is not None:
                self.held.release()
        finally:
            if self.held is not None:  # not released: an answer failed
                self.held.close()
                self.held = None
            if settling is not None:  # done before the generation is closed or abandoned
                self._io(settling.result)
        if spans is not None:
            self._seen_write(*spans.result())
        self._write_seen_count()
        self._prune_union()
        self._io(w.flush)
        self.w = None
        del w
        gc.collect()
        gen, self.gen = self.gen, None
        return gen

    def _settle(self) -> None:
        """Flush the new generation (the flush waits for RocksDB's compactions to clear the bulk
        loads' write stall), then compact what the loads wrote: queries run 3-4x faster after it."""
        self._io(self.w.flush)
        self._io(self.w.optimize)

    def _prune_union(self) -> None:
        """Keep the union: drop the removed graphs' triples no graph states any more."""
        w, default = self.w, ox.DefaultGraph()
        for t in self.dropped:
            if not any(not isinstance(q.graph_name, ox.DefaultGraph) for q in w.quads_for_pattern(*t, None)):
                self._io(lambda t=t: w.remove(ox.Quad(*t, default)))
        self.dropped = set()

    def _answers(self) -> None:
        """Store the rows ``self.answers`` computes on the new generation (graph
        ``id:graph/answers``), and the quad count.  After a build that wrote little into a store
        with answers, it is told the graphs written (the catalogue's too when it changed) and
        replaces only the answers it yields; else the graph is written anew.  Each answer is
        written as it comes, page by page (``_answer_triples``): no answer is held whole."""
        gname, w = ox.NamedNode(str(ANSWERS_GRAPH)), self.w
        graphs = None
        if self.answers is not None and self._wrote_little:
            cat, h = ox.NamedNode(str(CATALOGUE_GRAPH)), ox.NamedNode(str(GG.contentHash))
            hashes = {str(next(s.quads_for_pattern(cat, h, None, cat), None)) for s in (w, self.store.ox)}
            graphs = set(self.graphs) | ({str(CATALOGUE_GRAPH)} if len(hashes) > 1 else set())
        if graphs is None:  # every stored answer goes (those still stored come again)
            for node in {q.subject for q in w.quads_for_pattern(None, _TYPE, None, gname)}:
                self._remove_node(node, gname)
        self._remove_node(gname, gname)  # the quad count
        view = self.store.view(w, self.target, self.gen)
        batch = _AnswerBatch(self, gname)
        for question, key, rows in (self.answers(view, self.store, graphs) if self.answers is not None else ()):
            node = ox.NamedNode(answer_iri(question, key))
            about = [(_TYPE, _ANSWER), (_QUESTION, ox.Literal(question)), (_PARAMS, ox.Literal(key))]
            if isinstance(rows, (Parts, Columns)):  # no page of its own: other answers' keys
                if graphs is not None:
                    self._remove_answer(node, gname)
                made = ([(_PARTS, ox.Literal(json.dumps(rows.keys, ensure_ascii=False)))] if isinstance(rows, Parts)
                        else [(_COLUMNS_OF, ox.Literal(rows.key)),
                              (_COLUMNS, ox.Literal(json.dumps(rows.columns, ensure_ascii=False)))])
                batch.add([(node, p, o) for p, o in [*about, *made, (_ROW_COUNT, _integer(rows.count))]])
                continue
            if graphs is not None and rows is not None:
                self._answer_update(batch, node, about, rows)
                continue
            if graphs is not None:
                self._remove_answer(node, gname)
            if rows is not None:
                self._answer_triples(batch, node, about, rows)
        batch.add([(gname, ox.NamedNode(str(GG.quadCount)), _integer(self.count))])
        batch.write()

    def _remove_answer(self, node: ox.NamedNode, gname: ox.NamedNode) -> None:
        """Take a stored answer out: its pages and its own triples."""
        for page in [q.object for q in self.w.quads_for_pattern(node, _PAGE, None, gname)]:
            self._remove_node(page, gname)
        self._remove_node(node, gname)

    #: UTF-8 bytes of JSON in one ``gg:AnswerPage`` at most (a row larger alone is a page of its
    #: own): no literal grows with the corpus, and a term lookup that reads the block of one
    #: reads at most this much
    PAGE_BYTES = 256 * 1024
    #: bytes of pages written at once, by ``_extend`` (Oxigraph's transactional write), not the
    #: bulk loader: its files, written after ``optimize``, slowed the store's every term lookup
    #: (reading the first/last seen graph of a 10k store: 2.8 CPU s instead of 1.2); each such
    #: write is flushed (``_AnswerBatch.write``)
    ANSWER_WRITE_BYTES = 16 * 1024 * 1024

    def _answer_update(self, batch: "_AnswerBatch", node: ox.NamedNode, about: list[tuple], rows) -> None:
        """Write the answer ``node`` again (a build that wrote little; see ``_answer_triples``),
        keeping the stored pages whose rows, and the row after them, lead the new ``rows`` as
        they are: those pages are what ``_answer_triples`` would write again (a page is cut by
        its rows and the next one), so their JSON is neither made nor written again (an answer
        whose new rows sort near its end, as a month's new deadlines do, keeps most of its
        pages).  The rows from the first other page on are written as ``_answer_triples``
        writes them, from that page's number on."""
        w, gname = self.w, ox.NamedNode(str(ANSWERS_GRAPH))
        pages = sorted((int(next(w.quads_for_pattern(p, _PAGE_INDEX, None, gname)).object.value), p)
                       for p in [q.object for q in w.quads_for_pattern(node, _PAGE, None, gname)])
        rows = iter(rows)
        head, same, ends = [], 0, []  # the new rows read; how many lead as stored; the pages' ends
        for _, p in pages:
            for a in json.loads(next(w.quads_for_pattern(p, _ROWS, None, gname)).object.value):
                b = next(rows, None)
                if b is None:
                    break
                head.append(b)
                if a != b or list(a) != list(b):
                    break
                same += 1
            else:
                ends.append(same)
                continue
            break
        keep = sum(1 for e in ends if e < same)  # the row after the page is the stored one too
        kept = {p for _, p in pages[:keep]}
        for _, p in pages[keep:]:
            self._remove_node(p, gname)
        for q in list(w.quads_for_pattern(node, None, None, gname)):
            if not (q.predicate == _PAGE and q.object in kept):
                self._remove((q.subject, q.predicate, q.object), gname)
        start = ends[keep - 1] if keep else 0
        self._answer_triples(batch, node, about, itertools.chain(head[start:], rows), first=keep, counted=start)

    def _answer_triples(self, batch: "_AnswerBatch", node: ox.NamedNode, about: list[tuple], rows,
                        first: int = 0, counted: int = 0) -> None:
        """Write an answer: ``about`` (predicate and object pairs of ``node``) and ``rows`` (an
        iterable of dicts, read once) cut into pages of at most ``PAGE_BYTES`` of JSON, each
        given to ``batch`` as soon as it is full.  ``first``: the number of the first page
        written, ``counted``: the rows on the pages before it (kept: ``_answer_update``)."""
        n, count, page, size = first, counted, [], 2

        def write() -> None:
            p = ox.NamedNode(f"{node.value}/page/{n}")
            batch.add([(node, _PAGE, p), (p, _TYPE, _PAGE_CLASS), (p, _PAGE_INDEX, _integer(n)),
                       (p, _ROWS, ox.Literal("[" + ",".join(page) + "]"))], size=size)

        for r in rows:
            text = json.dumps(r, ensure_ascii=False, separators=(",", ":"))
            b = len(text.encode("utf-8")) + 1
            if page and size + b > self.PAGE_BYTES:
                write()
                n, page, size = n + 1, [], 2
            page.append(text)
            size += b
            count += 1
        if page:
            write()
        batch.add([(node, p, o) for p, o in [*about, (_ROW_COUNT, _integer(count))]])

    def _remove_node(self, subject, gname: ox.NamedNode) -> None:
        """Take the triples of ``subject`` in ``gname`` (a stored answer's node, a page of it, the
        graph's own quad count, a fact's first and last seen) out of that graph and the union:
        no other graph states them."""
        for q in list(self.w.quads_for_pattern(subject, None, None, gname)):
            self._remove((q.subject, q.predicate, q.object), gname)

    def _remove(self, t: tuple, gname: ox.NamedNode) -> None:
        """Take the Oxigraph triple ``t`` out of the graph ``gname`` and the union."""
        w = self.w
        self._io(lambda: (w.remove(ox.Quad(*t, gname)), w.remove(ox.Quad(*t, ox.DefaultGraph()))))

    @property
    def _wrote_little(self) -> bool:
        """Whether this build wrote at most ``1 / OPTIMIZE_SHARE`` of the store's quads: it then
        updates the stored answers and computes only the first and last seen of the identities
        the graphs it wrote touch (``_spans``), by their keys."""
        return self.written * self.OPTIMIZE_SHARE <= self.count

    def _seen_has(self, predicate: ox.NamedNode) -> bool:
        """Whether the seen graph holds a triple of ``predicate`` (``gg:firstSeen``, ``gg:identityKey``)."""
        return next(self.w.quads_for_pattern(None, predicate, None, ox.NamedNode(str(SEEN_GRAPH))), None) is not None

    def _add_keys(self) -> None:
        """Each dated fact's ``gg:identityKey`` (``seen_triples``) added to the seen graph and the
        union, streamed kind by kind from the store: a store written before the keys were kept
        gets them once, and keeps its first and last seen (made by the same rule).  Then its
        build looks up the identities it touches by their keys, as any small build does."""
        def keys():
            for name, cls, preds in _seen_kinds():
                for row in self.w.query(_class_query(cls, preds)):  # row by row: millions at 100k
                    key = identity_key(name, tuple(_nt(row[2 + i]) for i in range(len(preds))))
                    yield f'{row[0]} {_KEY_NT} "{_key_text(key)}"'

        self._load_in_seen(keys())

    def _load_in_seen(self, spos: Iterable[str]) -> None:
        """Bulk-load the triples ``spos`` (N-Triples ``s p o`` text) into the seen graph and the
        union, and wait for the loads."""
        g = f" <{SEEN_GRAPH}> .\n"
        for spo in spos:
            self.lines += (spo + g, spo + " .\n")
            if len(self.lines) >= self.CHUNK:
                self._load()
        if self.lines:
            self._load()
        self._wait()

    def _spans(self, keyed: bool = True) -> tuple[list[tuple], set]:
        """Each fact's first and last seen (graph ``id:graph/seen``; see ``seen_triples``) and the
        stored triples they replace.  ``keyed`` (after a build that wrote little): only the facts
        sharing an identity with a fact of a graph it wrote (or removed) are computed again, with
        the triples the store holds for them (computed too, not read); else all, and the stored
        ones read.  Reads only: ``_seen_write`` writes them."""
        if keyed:
            triples, old = seen_triples(self.w, sorted(self.graphs), before=self.store.ox)
            return triples, set(old)
        gname = ox.NamedNode(str(SEEN_GRAPH))
        triples, _ = seen_triples(self.w)
        return triples, {(q.subject, q.predicate, q.object) for q in self.w.quads_for_pattern(None, None, None, gname)}

    def _seen_write(self, triples: list[tuple], old: set) -> None:
        """Only the first/last-seen triples that changed are removed and added (no notice states
        them, so the union loses them with the graph)."""
        gname = ox.NamedNode(str(SEEN_GRAPH))
        # a stored triple that stays is neither removed nor added again; those that go, by one
        # update a chunk (a call a quad takes the GIL back each time: slow beside Python work)
        gone, w = list(old.difference(triples)), self.w
        for i in range(0, len(gone), self.CHUNK // 4):
            data = " ".join(f"{s} {p} {o} ." for s, p, o in gone[i:i + self.CHUNK // 4])
            self._io(lambda: w.update(f"DELETE DATA {{ GRAPH {gname} {{ {data} }} {data} }}"))
        # the new ones by the bulk loader (170 000 quads: 1.8 s, 2.4 s through ``_extend``)
        added = [f"{s} {p} {o}" for s, p, o in dict.fromkeys(triples) if (s, p, o) not in old]
        self._load_in_seen(added)
        if self.seen_count is not None:  # ``old`` is what the graph holds of the facts of ``triples``
            self.seen_count += len(added) - len(gone)

    def _write_seen_count(self) -> None:
        """Keep the first/last seen graph's quad count beside the others (in the answers graph and
        the union): ``Store.__len__`` reads it instead of counting millions of quads at 100k.
        Counted by Oxigraph's engine when this build did not follow it (a fresh build's, which
        may state a triple twice; a store written before the count was kept)."""
        w, seen = self.w, ox.NamedNode(str(SEEN_GRAPH))
        n = self.seen_count
        if n is None:
            n = int(next(iter(w.query(f"SELECT (COUNT(*) AS ?n) WHERE {{ GRAPH {seen} {{ ?s ?p ?o }} }}")))[0].value)
        gname = ox.NamedNode(str(ANSWERS_GRAPH))
        self._remove_node(seen, gname)  # the count kept before
        self._extend([(seen, ox.NamedNode(str(GG.quadCount)), _integer(n))], gname)
        self.seen_count = n

    def _extend(self, triples: list[tuple], gname: ox.NamedNode) -> None:
        """Add Oxigraph ``triples`` (a batch of stored answers) to the graph ``gname`` and the
        union, a chunk of quads at a time."""
        default, w = ox.DefaultGraph(), self.w
        for i in range(0, len(triples), self.CHUNK // 4):
            part = triples[i:i + self.CHUNK // 4]
            self._io(lambda: w.extend([ox.Quad(*t, g) for t in part for g in (gname, default)]))

    def _write_batch(self, triples: list[tuple], gname: ox.NamedNode) -> None:
        """``_extend`` a batch of stored answers, then flush: RocksDB's memtable never holds more
        than one batch when the build's last flush comes (a 30k build whose ~300 MB of answers
        filled it twice hung in that flush, four times out of four: RocksDB waited for memtables
        it never flushed)."""
        self._extend(triples, gname)
        self._io(self.w.flush)

    def abandon(self) -> None:
        """Remove a generation started but not finished (an error on the way)."""
        self.seen_rows = None  # its temporary file goes with it
        if self.pool is not None:
            for f in self.pending:
                f.exception()  # let a running load end before removing its files
            self.pool.shutdown(wait=True)
            self.pool = None
        if self.gen is not None:
            self.w = None
            gc.collect()
            shutil.rmtree(self.target, ignore_errors=True)
            self.gen = None


class _AnswerBatch:
    """Triples of stored answers waiting to be written into the graph ``gname`` and the union
    (``Writer._extend``): written every ``Writer.ANSWER_WRITE_BYTES`` of pages, and at the end."""

    def __init__(self, writer: Writer, gname: ox.NamedNode):
        self.writer, self.gname, self.triples, self.size = writer, gname, [], 0

    def add(self, triples: list[tuple], size: int = 0) -> None:
        """``triples``; ``size``: the bytes of the pages among them."""
        self.triples += triples
        self.size += size
        if self.size >= self.writer.ANSWER_WRITE_BYTES:
            self.write()

    def write(self) -> None:
        w = self.writer
        triples, self.triples, self.size = self.triples, [], 0
        if w.held is None or not w.held.hold(triples, self.gname):
            w._write_batch(triples, self.gname)


class _Held:
    """Batches of stored answers (``_AnswerBatch.write``) held while a fresh build's flush and
    ``optimize`` run beside their evaluation (``settling``, a loader thread's future): a
    transactional write would wait for the loads' write stall to clear.  Held as N-Triples in a
    temporary file beside the store, and written batch by batch, in the order they came, once
    that step is done (``release``, or the first batch after it)."""

    def __init__(self, writer: Writer, settling):
        self.writer, self.settling = writer, settling
        self.file = writer._io(lambda: tempfile.TemporaryFile("w+b", dir=writer.store.path))
        self.parts: list[tuple[ox.NamedNode, int, int]] = []  # graph, start, end of each batch

    def hold(self, triples: list[tuple], gname: ox.NamedNode) -> bool:
        """Hold a batch of ``triples`` for ``gname`` while the step runs: True; once it is done,
        write what is held and hold no more: False."""
        if self.settling.done():
            self.release()
            return False
        data = ox.serialize([ox.Triple(*t) for t in triples], format=ox.RdfFormat.N_TRIPLES)
        start = self.file.tell()
        self.writer._io(lambda: self.file.write(data))
        self.parts.append((gname, start, start + len(data)))
        return True

    def release(self) -> None:
        """Wait for the step (its error fails the build first), then write what is held."""
        writer = self.writer
        writer._io(self.settling.result)
        writer.held = None
        for gname, start, end in self.parts:
            def read(start=start, end=end):
                self.file.seek(start)
                return self.file.read(end - start)
            data = writer._io(read)
            writer._write_batch([(t.subject, t.predicate, t.object)
                                 for t in ox.parse(data, format=ox.RdfFormat.N_TRIPLES)], gname)
        self.parts = []
        self.close()

    def close(self) -> None:
        self.file.close()


class _SeenRows:
    """``seen_triples`` of a fresh build, gathered from the N-Triples of each notice graph as
    ``Writer.put`` writes it instead of queried from the finished store: the same triples
    (``lines``: N-Quads in ``id:graph/seen`` and the union).  Memory holds a digest and the
    two dates per identity; the facts and their keys wait in a temporary file in ``folder``."""

    def __init__(self, folder: Path):
        #: class (N-Triples) -> [(kind, identity predicates)]: the kinds ``seen_triples`` reads
        self.kinds: dict[str, list[tuple[str, tuple[str, ...]]]] = {}
        for name, cls, preds in _seen_kinds():
            self.kinds.setdefault(str(cls), []).append((name, tuple(str(p) for p in preds)))
        self.preds = {p for ks in self.kinds.values() for _, preds in ks for p in preds}
        self.index = DigestTable(width=4)  # ``identity_key`` (padded) -> its number
        #: per identity number: the first date's value and term, the last's (one string per date)
        self.first: list[tuple[str, str]] = []
        self.last: list[tuple[str, str]] = []
        self.dates: dict[str, tuple[str, str]] = {}
        self.rows = tempfile.TemporaryFile("w+", encoding="utf-8", dir=folder)  # fact node, number

    def add(self, graph: str, triples: list[tuple]) -> None:
        """The rows of one notice graph (IRI ``graph``; ``notice_graph``'s triples)."""
        g, dates, facts, values = f"<{graph}>", [], [], {}
        kinds, preds = self.kinds, self.preds
        for s, p, o in triples:
            if p == _TYPE_NT and o in kinds:
                facts.append((s, o))
            if p in preds:
                values.setdefault((s, p), []).append(o)
            if p == _ISSUED_NT and s == g:
                d = self.dates.get(o)
                if d is None:
                    d = self.dates[o] = (_lexical(o), o)
                dates.append(d)
        if not dates:
            return
        index, first, last, out = self.index, self.first, self.last, []
        for f, cls in facts:
            for name, kp in kinds[cls]:
                for ident in itertools.product(*[values.get((f, p)) or (None,) for p in kp]):
                    key = identity_key(name, ident)
                    text = _key_text(key)
                    for d in dates:
                        i = index.setdefault(key + _PAD, len(first))
                        if i == len(first):
                            first.append(d)
                            last.append(d)
                        else:
                            if d[0] < first[i][0]:
                                first[i] = d
                            if d[0] > last[i][0]:
                                last[i] = d
                        out.append(f"{f}\t{i}\t{text}\n")
        self.rows.write("".join(out))

    def lines(self):
        """N-Quads lines: each fact's ``gg:firstSeen``, ``gg:lastSeen`` and
        ``gg:identityKey``, in the graph ``id:graph/seen`` and in the union."""
        g, first, last = f" <{SEEN_GRAPH}> .\n", self.first, self.last
        self.rows.seek(0)
        for row in self.rows:
            f, i, text = row[:-1].split("\t")
            i = int(i)
            for spo in (f"{f} {_FIRST_NT} {first[i][1]}", f"{f} {_LAST_NT} {last[i][1]}", f'{f} {_KEY_NT} "{text}"'):
                yield spo + g
                yield spo + " .\n"
        self.rows.close()


def _lexical(literal: str) -> str:
    """The value of an N-Triples literal (``rdf_terms.literal``'s escapes undone)."""
    v = literal[1:literal.rindex('"')]
    return _UNESCAPE.sub(lambda m: _UNESCAPES.get(m[1], m[1]), v) if "\\" in v else v


_UNESCAPE, _UNESCAPES = re.compile(r"\\(.)", re.S), {"n": "\n", "r": "\r", "t": "\t"}


def _expand(curie: str) -> ox.NamedNode:
    return ox.NamedNode(expand(curie))


def _seen_kinds():
    """``(kind name, class, identity predicates)`` of the fact kinds whose first and last seen
    a build stores: a notice graph's kinds with a class; the predicates of their identity
    fields (``Kind.identity``) that hold one value."""
    for name, kind in KINDS.items():
        rdf = kind.rdf
        if rdf.graph == "notice" and rdf.classes:
            yield name, _expand(rdf.classes[0]), [_expand(rdf.predicates[f]) for f in kind.identity
                                                   if f in rdf.predicates and not kind.fields[f].list]


def seen_triples(db: ox.Store, graphs: Iterable[str] | None = None,
                 before: ox.Store | None = None) -> tuple[list[tuple], list[tuple] | None]:
    """``(fact node, gg:firstSeen, date)`` and ``(fact node, gg:lastSeen, date)`` for every
    fact in a dated notice's graph: the dates (``dcterms:issued``, as stored) of the
    earliest and latest notice stating the same fact, by its kind's identity (``Kind.identity``
    without ``doc``) as the store resolved it: the nodes its name fields link to (a unit's
    canonical node, a person's node), the values of its other fields; and ``(fact node,
    gg:identityKey, key)``, that identity as one short literal (``identity_key``), by which a
    later build finds the facts sharing it.  Computed on the whole store (``db``, Oxigraph) by
    each build; a fact no other notice states has the date of its own notice twice.  Returns
    the triples and None.

    ``graphs``: only the facts whose identity a fact of those notice graphs has, in ``db`` or
    in ``before`` (the store before they were written): their triples, and the triples the
    store before held for the same identities (those the new ones replace), made by the same
    rule from the facts of ``db`` outside ``graphs`` and of ``before`` in them (a build that
    added or replaced a few notices; the other graphs are the same in both, and so are their
    facts' keys in ``db``'s seen graph, which must hold them)."""
    out, old = [], None if graphs is None else []
    for name, cls, preds in _seen_kinds():
        if graphs is None:
            rows = _keyed(name, _class_rows(db, cls, preds))
            out += _spans(rows) + _key_triples(rows)
            continue
        was = _keyed(name, _graphs_rows(before, graphs, cls, preds)) if before is not None else []
        now = _keyed(name, _graphs_rows(db, graphs, cls, preds))
        if not now and not was:
            continue
        others = _other_rows(db, cls, now, was, set(graphs))
        old += _spans(others + was) + _key_triples(was)
        out += _spans(now + others) + _key_triples(now)
    return out, old


def identity_key(kind: str, ident: tuple) -> bytes:
    """The digest of a fact's identity for ``seen_triples``: its kind's name and its identity
    values as N-Triples terms (None for a missing one), 11 bytes (a collision among ten
    million identities has odds of about one in 10^13).

    >>> identity_key("post", ("<id:a>", None)) == identity_key("post", ("<id:a>", None))
    True
    >>> len(_key_text(identity_key("post", ("<id:a>", None))))
    15
    """
    return hashlib.blake2b(json.dumps([kind, ident], ensure_ascii=False).encode("utf-8"), digest_size=11).digest()


def _key_text(key: bytes) -> str:
    """``identity_key`` as the value of ``gg:identityKey``: 15 characters (base64url), a string
    Oxigraph keeps inline in its index keys (up to 15 bytes), not in its string table."""
    return base64.urlsafe_b64encode(key).decode("ascii").rstrip("=")


_PAD = bytes(5)  # an ``identity_key`` padded to a ``DigestTable`` digest (16 bytes)


def _nt(v) -> str | None:
    """An identity value read from Oxigraph as the N-Triples term ``notice_graph`` wrote."""
    if v is None:
        return None
    return str(v) if isinstance(v, ox.BlankNode) else nt_term(v)


def _keyed(kind: str, rows: list[tuple]) -> list[tuple]:
    """``(fact node, date, identity values)`` rows as ``(fact node, date, key)`` (``_key_text``)."""
    keys: dict[tuple, str] = {}
    out = []
    for f, d, ident in rows:
        k = keys.get(ident)
        if k is None:
            k = keys[ident] = _key_text(identity_key(kind, tuple(_nt(v) for v in ident)))
        out.append((f, d, k))
    return out


def _spans(rows: list[tuple]) -> list[tuple]:
    """``seen_triples``' triples of ``rows`` (fact node, date, key): each fact's first and last
    seen among the rows of its key."""
    span: dict[str, list] = {}
    for _, d, k in rows:
        s = span.setdefault(k, [d, d])
        if d.value < s[0].value:
            s[0] = d
        if d.value > s[1].value:
            s[1] = d
    out = []
    for f, k in dict.fromkeys((f, k) for f, _, k in rows):
        first, last = span[k]
        out += [(f, _FIRST, first), (f, _LAST, last)]
    return out


def _key_triples(rows: list[tuple]) -> list[tuple]:
    """The ``gg:identityKey`` triples of ``rows`` (fact node, date, key)."""
    return [(f, _KEY, ox.Literal(k)) for f, k in dict.fromkeys((f, k) for f, _, k in rows)]


def _class_rows(db: ox.Store, cls: ox.NamedNode, preds: list) -> list[tuple]:
    """``seen_triples``' rows of every fact of class ``cls`` in ``db``: ``(fact node, date,
    identity values)``, one per combination of its values of ``preds`` (None for a missing one)."""
    return [(r[0], r[1], tuple(r[2 + i] for i in range(len(preds)))) for r in solutions(db, _class_query(cls, preds))]


def _class_query(cls: ox.NamedNode, preds: list) -> str:
    """``_class_rows``' query: ``?f ?d ?v0 ?v1 …``."""
    pattern = " ".join(f"OPTIONAL {{ ?f {p} ?v{i} }}" for i, p in enumerate(preds))
    return (f"SELECT ?f ?d {' '.join(f'?v{i}' for i in range(len(preds)))} WHERE {{ GRAPH ?g {{ "
            f"?f a {cls} . ?g {_ISSUED} ?d . {pattern} }} }}")


def _graphs_rows(db: ox.Store, graphs: list[str], cls: ox.NamedNode, preds: list) -> list[tuple]:
    """``_class_rows`` of the notice graphs ``graphs`` (IRIs) alone (none for a notice without a
    date).  Found by Oxigraph's engine, ``SEEN_BATCH`` graphs a query (``VALUES ?g``: each
    graph's facts by its own indexes, each value by an ``OPTIONAL``): a read through the
    indexes from Python, per fact and predicate, took twice as long."""
    columns = " ".join(f"?v{i}" for i in range(len(preds)))
    optional = " ".join(f"OPTIONAL {{ GRAPH ?g {{ ?f {p} ?v{i} }} }}" for i, p in enumerate(preds))
    out = []
    for k in range(0, len(graphs), SEEN_BATCH):
        values = " ".join(f"<{g}>" for g in graphs[k:k + SEEN_BATCH])
        text = (f"SELECT ?f ?d {columns} WHERE {{ VALUES ?g {{ {values} }} "
                f"GRAPH ?g {{ ?g {_ISSUED} ?d . ?f a {cls} . }} {optional} }}")
        out += [(r[0], r[1], tuple(r[2 + i] for i in range(len(preds)))) for r in solutions(db, text)]
    return out


def _other_rows(db: ox.Store, cls: ox.NamedNode, now: list[tuple], was: list[tuple], graphs: set[str]) -> list[tuple]:
    """The rows (fact node, date, key) that stand for the facts of ``db`` outside ``graphs``
    sharing a key with a fact of ``now`` or ``was`` (the rows of ``graphs`` after and before),
    for ``_spans``.  Such facts are found by the key index of the seen graph (a fact of
    ``graphs`` may still have its old key there: those of ``now`` and ``was`` are the ones
    that count).  The seen graph also holds each key's span before the build, over those
    facts and ``was``'s: where ``was`` has no row of the key, or dates strictly inside that
    span, the span is the other facts' own, and each of them stands as two rows, the span's
    two dates (an index read a key and a fact).  The other keys' facts are read with their
    dates (``_key_rows``: three reads a fact)."""
    facts = {f for f, _, _ in now + was}
    found = _key_facts(db, {k for _, _, k in now + was}, facts)
    was_dates: dict[str, list] = {}
    for _, d, k in was:
        was_dates.setdefault(k, []).append(d.value)
    spans = _stored_spans(db, {k: fs[0] for k, fs in found.items()})
    rows, dated = [], []
    for k, fs in found.items():
        span, inside = spans.get(k), was_dates.get(k)
        if span is not None and (inside is None or span[0].value < min(inside) and max(inside) < span[1].value):
            rows += [(f, d, k) for f in fs for d in span]
        else:
            dated.append(k)
    return rows + _key_rows(db, cls, dated, graphs)


def _key_facts(db: ox.Store, keys: Iterable[str], skip: set) -> dict[str, list]:
    """``{key: [fact node]}``: the facts whose ``gg:identityKey`` (in the seen graph) is one of
    ``keys``, but those of ``skip``; a key no other fact has is left out."""
    keys, out = sorted(keys), {}
    for i in range(0, len(keys), KEY_BATCH):
        values = " ".join(f'"{key}"' for key in keys[i:i + KEY_BATCH])
        for f, k in solutions(db, f"SELECT ?f ?k WHERE {{ VALUES ?k {{ {values} }} GRAPH <{SEEN_GRAPH}> {{ ?f {_KEY} ?k }} }}"):
            if f not in skip:
                out.setdefault(k.value, []).append(f)
    return out


def _stored_spans(db: ox.Store, facts: dict[str, ox.NamedNode]) -> dict[str, tuple]:
    """``{key: (first seen, last seen)}`` as the seen graph holds them for one fact of each key
    (``facts``: key -> fact node); a fact with more than one of either (it has several keys)
    is left out."""
    items, out = sorted(facts.items()), {}
    for i in range(0, len(items), KEY_BATCH):
        values = " ".join(f'("{k}" {f})' for k, f in items[i:i + KEY_BATCH])
        seen: dict[str, list] = {}
        for k, a, b in solutions(db, f"SELECT ?k ?a ?b WHERE {{ VALUES (?k ?f) {{ {values} }} "
                                     f"GRAPH <{SEEN_GRAPH}> {{ ?f {_FIRST} ?a ; {_LAST} ?b }} }}"):
            seen.setdefault(k.value, []).append((a, b))
        out.update((k, v[0]) for k, v in seen.items() if len(v) == 1)
    return out


def _key_rows(db: ox.Store, cls: ox.NamedNode, keys: Iterable[str], skip: set[str]) -> list[tuple]:
    """``(fact node, date, key)`` of the facts of class ``cls`` in the notice graphs of ``db``
    but ``skip`` whose ``gg:identityKey`` (in the seen graph) is one of ``keys``: three index
    reads a fact, ``KEY_BATCH`` keys a query."""
    keys, out = sorted(keys), []
    for k in range(0, len(keys), KEY_BATCH):
        values = " ".join(f'"{key}"' for key in keys[k:k + KEY_BATCH])
        text = (f"SELECT ?g ?f ?d ?k WHERE {{ VALUES ?k {{ {values} }} GRAPH <{SEEN_GRAPH}> {{ ?f {_KEY} ?k }} "
                f"GRAPH ?g {{ ?f a {cls} . ?g {_ISSUED} ?d }} }}")
        out += [(r[1], r[2], r[3].value) for r in solutions(db, text) if r[0].value not in skip]
    return out


#: notice graphs read in one query (``_graphs_rows``)
SEEN_BATCH = 200
#: identity keys looked up in one query (``_key_rows``)
KEY_BATCH = 1000


_ISSUED, _TYPE, _HASH = ox.NamedNode(str(DCTERMS.issued)), ox.NamedNode(str(RDF.type)), ox.NamedNode(str(GG.contentHash))
_ISSUED_NT, _TYPE_NT = f"<{DCTERMS.issued}>", f"<{RDF.type}>"
_FIRST_NT, _LAST_NT, _KEY_NT = f"<{GG.firstSeen}>", f"<{GG.lastSeen}>", f"<{GG.identityKey}>"
_FIRST, _LAST, _KEY = (ox.NamedNode(str(t)) for t in (GG.firstSeen, GG.lastSeen, GG.identityKey))
_ENTITY_IRIS = tuple(f"<{ID}{kind}/" for kind in ("person", "unit", "group", "role", "post"))
_ANSWER, _PAGE_CLASS, _QUESTION, _PARAMS, _ROW_COUNT, _PAGE, _PAGE_INDEX, _ROWS, _PARTS, _COLUMNS_OF, _COLUMNS = (
    ox.NamedNode(str(t)) for t in (GG.Answer, GG.AnswerPage, GG.question, GG.params, GG.rowCount, GG.page,
                                   GG.pageIndex, GG.rows, GG.parts, GG.columnsOf, GG.columns))


def _integer(n: int) -> ox.Literal:
    """An ``xsd:integer`` literal."""
    return ox.Literal(str(n), datatype=ox.NamedNode(str(XSD.integer)))


def _short(f) -> str:
    s = json.dumps(f, ensure_ascii=False).encode("utf-8", "backslashreplace").decode("utf-8")
    return s if len(s) < 120 else s[:117] + "..."
