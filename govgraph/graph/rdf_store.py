"""The on-disk RDF store: Oxigraph generations with one named graph per notice.

Layout of a store directory (default ``./govgraph-data`` or ``$GOVGRAPH_STORE``):
see ``rdf_generations``.  One named graph per notice (IRI from its document number)
holds the notice's metadata, text, facts and evidence; the graph ``id:graph/units``
holds the unit catalogue, ``id:graph/answers`` the rows of the questions the
catalogue of canned questions materialises (computed by the build step,
``govgraph.build``).  The default graph is the union of all named graphs, kept by
each build (every triple once, so queries need no ``GRAPH`` clause and count each
triple once).  A build never writes into the live generation: it copies it
(Oxigraph backup, hard links), applies the changes to the copy, flushes and closes
it, then replaces ``CURRENT``.  A build killed at any point leaves the previous
generation live and unchanged.

The jobs live beside this module: ``rdf_generations`` (which generation is live,
the swap, the lock), ``rdf_build`` (planning and bulk writing), ``rdf_sparql`` (the
two SPARQL engines, results as ``Result``), ``rdf_export`` (serializing);
``rdf_write`` / ``rdf_read`` turn facts into triples and back.  Canned questions
(``govgraph.queries``) run on Oxigraph's engine (``Store.sparql``).
"""

from __future__ import annotations

import gc
import itertools
import json
import os
import time
import traceback
from collections.abc import Iterable, Iterator, Mapping
from pathlib import Path

import pyoxigraph as ox

from govgraph import kinds as fact_kinds
from govgraph.errors import StoreError
from govgraph.notice import Notice
from govgraph.results import Result

from govgraph.identity import Catalogue
from .rdf_build import Answers, BuildReport, Progress, Resolve, Writer, plan
from .rdf_export import FORMATS, serialize
from .rdf_generations import (CURRENT, LOCK, Lock, cleanup, keep_count, kept, next_generation, set_current,
                               write_mentions)
from .rdf_read import read_catalogue, read_notice_graph, read_seen
from .rdf_records import RecordWriter, has_records, read_records
from .rdf_sparql import query
from .rdf_terms import ANSWERS_GRAPH, CATALOGUE_GRAPH, GG, SEEN_GRAPH, SKOS, answer_iri, curie, expand, notice_iri
from .rdf_write import CATALOGUE_PREDICATES

__all__ = ["Store", "BuildReport", "default_store_path", "FORMATS"]


def default_store_path() -> Path:
    """``$GOVGRAPH_STORE`` if set, else ``./govgraph-data``."""
    return Path(os.environ.get("GOVGRAPH_STORE") or "govgraph-data")


# ------------------------------------------------------------------ the store

_ROW_COUNT, _PAGE, _PAGE_INDEX, _ROWS, _PARTS, _COLUMNS_OF, _COLUMNS = (
    ox.NamedNode(str(t)) for t in (GG.rowCount, GG.page, GG.pageIndex, GG.rows, GG.parts, GG.columnsOf, GG.columns))
_ANSWERS = ox.NamedNode(str(ANSWERS_GRAPH))


#: notice graphs a worker reads at a time (``Store.notices_with_facts`` with jobs > 1)
READ_CHUNK = 500

_WORKER_STORES: dict[str, ox.Store] = {}


def _read_graphs(item: tuple[str, list[str]]) -> list[tuple[Notice, list[dict]]]:
    """In a worker process: the notices and facts of the named graphs ``item[1]`` of the
    store generation in the folder ``item[0]`` (opened read-only once per process)."""
    folder, graphs = item
    db = _WORKER_STORES.get(folder)
    if db is None:
        db = _WORKER_STORES[folder] = ox.Store.read_only(folder)
    return [read_notice_graph(_graph_triples(db, ox.NamedNode(g))) for g in graphs]


def _graph_triples(db: ox.Store, graph: ox.NamedNode, subject=None, predicate=None) -> list[tuple]:
    """The triples of ``graph`` in ``db`` (of ``subject`` and ``predicate`` only, if given), in
    Oxigraph terms (``rdf_read`` reads them as they are)."""
    return [(q.subject, q.predicate, q.object) for q in db.quads_for_pattern(subject, predicate, None, graph)]


class Store:
    """The on-disk RDF store at ``path``.

    >>> import tempfile
    >>> d = tempfile.mkdtemp()
    >>> s = Store.open(d + "/kg", create=True)
    >>> n = Notice(doc="阳政办〔2018〕9号", text="...", date="2018-04-12")
    >>> s.build([{"kind": "group", "doc": n.doc, "group": "某领导小组"}], [n]).counts()["added"]
    1
    >>> s.facts()
    [{'kind': 'group', 'doc': '阳政办〔2018〕9号', 'group': '某领导小组'}]
    """

    def __init__(self, path: str | os.PathLike | None = None, create: bool = False):
        self.path = Path(path) if path is not None else default_store_path()
        self._ox: ox.Store | None = None
        self.generation: str | None = None
        self._open(create)

    @classmethod
    def open(cls, path: str | os.PathLike | None = None, create: bool = False) -> "Store":
        """Open the store at ``path``; ``create`` makes an empty one if missing.

        Raises ``StoreError`` if there is no readable store there.
        """
        return cls(path, create=create)

    # ---------------------------------------------------------------- opening
    def _open(self, create: bool) -> None:
        p = self.path
        if p.exists() and not p.is_dir():
            raise StoreError(f"{p} is a file, not a govgraph store directory")
        if not (p / CURRENT).exists():
            if not create:
                if p.exists() and any(p.iterdir()):
                    raise StoreError(f"{p} is not a govgraph store (no {CURRENT} file)")
                raise StoreError(f"no store at {p}: build one first (govgraph build), "
                                 "or set GOVGRAPH_STORE to its folder")
            try:
                p.mkdir(parents=True, exist_ok=True)
                gen = next_generation(p)
                ox.Store(str(p / gen)).flush()
                gc.collect()
                set_current(self.path, gen)
            except OSError as e:
                raise StoreError(f"cannot create a store at {p}: {e}") from None
        self._load_current()

    def _load_current(self) -> None:
        try:
            gen = (self.path / CURRENT).read_text(encoding="utf-8").strip()
        except OSError as e:
            raise StoreError(f"cannot read {self.path / CURRENT}: {e}") from None
        d = self.path / gen
        if not gen.startswith("gen-") or not d.is_dir():
            raise StoreError(f"store {self.path} is damaged: {CURRENT} names {gen!r}, "
                             "which is not there")
        self.close()
        try:
            self._ox = ox.Store.read_only(str(d))
        except OSError as e:
            raise StoreError(f"cannot open the store {d}: {e}") from None
        self.generation = gen
        self._answers = {}

    def view(self, db: ox.Store, path: Path, generation: str | None) -> "Store":
        """A ``Store`` over another database ``db`` (a generation being written), for
        the build step to evaluate questions on before it goes live."""
        view = type(self).__new__(type(self))
        view.path, view._ox, view.generation, view._answers = path, db, generation, {}
        return view

    def close(self) -> None:
        self._ox = None
        gc.collect()

    @property
    def ox(self) -> ox.Store:
        """The underlying (read-only) pyoxigraph store."""
        if self._ox is None:
            raise StoreError(f"store {self.path} is closed")
        return self._ox

    # ---------------------------------------------------------------- reading
    def _graph_names(self) -> list[ox.NamedNode]:
        return sorted((g for g in self.ox.named_graphs() if isinstance(g, ox.NamedNode)),
                      key=lambda g: g.value)

    def _notice_graphs(self) -> list[ox.NamedNode]:
        other = {str(CATALOGUE_GRAPH), str(ANSWERS_GRAPH), str(SEEN_GRAPH)}
        return [g for g in self._graph_names() if g.value not in other]

    def _triples(self, graph: ox.NamedNode, subject=None) -> list[tuple]:
        """``_graph_triples`` of this store."""
        return _graph_triples(self.ox, graph, subject)

    def _stored_hashes(self) -> dict[str, str]:
        """Content hash per named graph IRI."""
        h = ox.NamedNode(str(GG.contentHash))
        return {q.graph_name.value: q.object.value
                for q in self.ox.quads_for_pattern(None, h, None, None)
                if isinstance(q.graph_name, ox.NamedNode) and q.subject.value == q.graph_name.value}

    def answer(self, question: str, key: str) -> list[dict] | None:
        """Rows of canned question ``question`` for parameters ``key``
        (``queries.answer_key``) as the last build computed them, or None if
        it did not (``queries.run`` then evaluates the question): its pages'
        rows (``gg:AnswerPage``), read in order; or an answer made of others
        (``gg:parts``: their keys), their rows one after another; or another's rows
        with some of their columns (``gg:columnsOf``, ``gg:columns``: the rows without
        their place column)."""
        cache = self._answers
        if (question, key) not in cache:
            cache[(question, key)] = self._answer_rows(question, ox.NamedNode(answer_iri(question, key)))
        return cache[(question, key)]

    def answer_parts(self, question: str, key: str) -> tuple[list[str], int] | None:
        """The keys of the answers the stored answer ``key`` of ``question`` is made of
        (``gg:parts``, in order) and its row count, or None if it is not stored so."""
        node = ox.NamedNode(answer_iri(question, key))
        parts = next(self.ox.quads_for_pattern(node, _PARTS, None, _ANSWERS), None)
        count = next(self.ox.quads_for_pattern(node, _ROW_COUNT, None, _ANSWERS), None)
        if parts is None or count is None:
            return None
        return json.loads(parts.object.value), int(count.object.value)

    def _answer_rows(self, question: str, node: ox.NamedNode) -> list[dict] | None:
        """The rows of the stored answer ``node`` (``answer``), read anew, or None."""
        g = _ANSWERS
        parts = next(self.ox.quads_for_pattern(node, _PARTS, None, g), None)
        if parts is not None:
            rows = []
            for k in json.loads(parts.object.value):
                part = self._answer_rows(question, ox.NamedNode(answer_iri(question, k)))
                if part is None:  # (a part another build did not write: evaluate)
                    return None
                rows += part
            return rows
        of = next(self.ox.quads_for_pattern(node, _COLUMNS_OF, None, g), None)
        if of is None:
            return self._answer_pages(node)
        rows = self._answer_rows(question, ox.NamedNode(answer_iri(question, of.object.value)))
        if rows:  # read anew: the columns not kept are taken out of the rows themselves
            kept = json.loads(next(self.ox.quads_for_pattern(node, _COLUMNS, None, g)).object.value)
            for c in [c for c in rows[0] if c not in kept]:
                for r in rows:
                    r.pop(c, None)
        return rows

    def _answer_pages(self, node: ox.NamedNode) -> list[dict] | None:
        """The rows of the stored answer ``node`` from its pages, or None if there is none."""
        g = _ANSWERS
        if next(self.ox.quads_for_pattern(node, _ROW_COUNT, None, g), None) is None:
            return None
        pages = sorted((int(next(self.ox.quads_for_pattern(p, _PAGE_INDEX, None, g)).object.value), p)
                       for p in [q.object for q in self.ox.quads_for_pattern(node, _PAGE, None, g)])
        rows = []
        for _, p in pages:
            rows += json.loads(next(self.ox.quads_for_pattern(p, _ROWS, None, g)).object.value)
        return rows

    def units(self, docs: bool = True) -> list[dict]:
        """The unit catalogue as unit facts; ``docs=False`` leaves out the lists of
        notices that mention each unit (``gg:mentionedIn``, read from the union: the notice
        graphs state it, or the catalogue graph of a store built from facts files)."""
        g = ox.NamedNode(str(CATALOGUE_GRAPH))
        quads = itertools.chain.from_iterable(self.ox.quads_for_pattern(None, ox.NamedNode(p), None, g)
                                              for p in CATALOGUE_PREDICATES)
        if docs:
            quads = itertools.chain(quads, self.ox.quads_for_pattern(
                None, ox.NamedNode(str(GG.mentionedIn)), None, ox.DefaultGraph()))
        return read_catalogue((q.subject, q.predicate, q.object) for q in quads)

    def catalogue(self, docs: bool = True) -> Catalogue:
        """The unit catalogue (``docs``: see ``units``)."""
        return Catalogue(self.units(docs=docs))

    def notices(self) -> list[Notice]:
        """Every notice in the store, with its text and place, by date then document number
        (each read from its node's triples and its place's label)."""
        out = []
        jurisdiction, label = ox.NamedNode(str(GG.jurisdiction)), ox.NamedNode(str(SKOS.prefLabel))
        for g in self._notice_graphs():
            triples = self._triples(g, subject=g)
            for place in [o for _, p, o in triples if p == jurisdiction]:
                triples += _graph_triples(self.ox, g, place, label)
            out.append(read_notice_graph(triples)[0])
        return sorted(out, key=lambda n: (n.date or "", n.doc))

    def notice_facts(self, doc: str) -> tuple[Notice, list[dict]]:
        g = ox.NamedNode(str(notice_iri(doc)))
        if not self.ox.contains_named_graph(g):
            raise StoreError(f"notice {doc} is not in the store {self.path}")
        return read_notice_graph(self._triples(g))

    def notices_with_facts(self, jobs: int = 1, chunk: int = READ_CHUNK) -> Iterator[tuple[Notice, list[dict]]]:
        """Each notice with its facts (facts format v1.1), one named graph read at a time, in
        the order of the graphs' IRIs.  ``jobs`` > 1: read by that many worker processes,
        ``chunk`` graphs each at a time (reading the quads is most of the cost: ~3 ms a
        notice)."""
        graphs = [g.value for g in self._notice_graphs()]
        if jobs <= 1 or len(graphs) <= chunk:
            for g in graphs:
                yield read_notice_graph(self._triples(ox.NamedNode(g)))
            return
        from govgraph.loaders.parallel import runner

        folder = str(self.path / self.generation)
        chunks = ((folder, graphs[i:i + chunk]) for i in range(0, len(graphs), chunk))
        with runner(jobs=jobs) as r:
            for part in r.map(_read_graphs, chunks):
                yield from part

    def notice_records(self) -> Iterator[tuple[dict, list[dict]]] | None:
        """Each notice's fields (``projection.notice_fields``: not its text) and facts as the build
        kept them beside the live generation, in the order of ``notices_with_facts`` and with
        the same facts, without reading the graphs' quads (10k notices: 1.1 s against ~50 s
        read by two processes); None if this generation has no records (``rdf_records``)."""
        return None if self.generation is None else read_records(self.path, self.generation)

    def iter_facts(self, jobs: int = 1) -> Iterator[dict]:
        """All facts (facts format v1.1): notices' facts by document, then units, read one
        notice at a time (``notices_with_facts``)."""
        for _, facts in self.notices_with_facts(jobs):
            yield from facts
        yield from self.units()

    def facts(self) -> list[dict]:
        """``iter_facts`` as a list."""
        return list(self.iter_facts())

    def seen(self) -> dict[str, dict]:
        """Each fact's first and last seen as the last build computed them: ``{fact node
        IRI: {"first_seen": date, "last_seen": date}}`` (``rdf_build.seen_triples``; empty
        for a store built before they were kept)."""
        g = ox.NamedNode(str(SEEN_GRAPH))
        return read_seen((q.subject, q.predicate, q.object) for q in self.ox.quads_for_pattern(None, None, None, g))

    def nquads(self) -> list[str]:
        """Every stored quad (named graphs and the union) as an N-Quads line,
        sorted (to compare stores)."""
        return sorted(str(q) for q in self.ox)

    def __len__(self) -> int:
        """Quads in the named graphs (the union default graph not counted): the
        counts the build stored (the notice and catalogue graphs', the first/last seen
        graph's), and the answers graph's counted by Oxigraph's engine (on its encoded
        terms: 20x faster than reading the quads from Python); else all counted so."""
        stored = self._stored_count()
        if stored is None:
            return self._count("GRAPH ?g { ?s ?p ?o }")
        seen = self._stored_count(SEEN_GRAPH)
        if seen is None:  # a store written before the seen graph's count was kept
            seen = self._count(f"GRAPH <{SEEN_GRAPH}> {{ ?s ?p ?o }}")
        return stored + seen + self._count(f"GRAPH <{ANSWERS_GRAPH}> {{ ?s ?p ?o }}")

    def _count(self, pattern: str) -> int:
        return int(next(iter(self.ox.query(f"SELECT (COUNT(*) AS ?n) WHERE {{ {pattern} }}")))[0].value)

    def _stored_count(self, graph=ANSWERS_GRAPH) -> int | None:
        """Quads in the notice and catalogue graphs (``graph``: the first/last seen graph's, with
        ``SEEN_GRAPH``), as the build that wrote the store counted them (in the answers graph)."""
        answers = ox.NamedNode(str(ANSWERS_GRAPH))
        q = next(self.ox.quads_for_pattern(ox.NamedNode(str(graph)), ox.NamedNode(str(GG.quadCount)), None, answers),
                 None)
        return None if q is None else int(q.object.value)

    # ----------------------------------------------------------------- export
    def serialize(self, format: str = "trig", out: str | os.PathLike | None = None) -> str | None:
        """The store as ``turtle`` (the union of all graphs), ``trig``, ``nquads``
        or ``jsonld`` (the named graphs).  Returns text, or writes ``out``."""
        return serialize(self.ox, format, out)

    # ------------------------------------------------------------------ stats
    def stats(self) -> dict:
        """Counts: quads, distinct triples, notices, units, instances per class
        (prefixed names) and per notice (quads and facts by kind)."""
        q = self.ox.query
        triples = sum(1 for _ in self.ox.quads_for_pattern(None, None, None, ox.DefaultGraph()))
        classes = {}
        for row in q("SELECT ?c (COUNT(DISTINCT ?s) AS ?n) WHERE { ?s a ?c } GROUP BY ?c"):
            classes[curie(row[0].value)] = int(row[1].value)
        # a fact kind's node is of the first class its declaration gives (kinds.toml rdf.class)
        kinds = {expand(k.rdf.classes[0]): name for name, k in fact_kinds.KINDS.items()
                 if k.rdf.graph == "notice" and k.rdf.classes}
        kinds |= {str(GG.Evidence): "evidence", str(GG.Assignment): "assignment"}
        per: dict[str, dict] = {}
        rows = q("SELECT ?doc (COUNT(*) AS ?n) WHERE { GRAPH ?g { ?s ?p ?o } "
                 "GRAPH ?g { ?g <http://purl.org/dc/terms/identifier> ?doc } } GROUP BY ?doc")
        for row in rows:
            per[row[0].value] = {"quads": int(row[1].value)}
        rows = q("SELECT ?doc ?c (COUNT(DISTINCT ?s) AS ?n) WHERE { GRAPH ?g { ?s a ?c . "
                 "?g <http://purl.org/dc/terms/identifier> ?doc } } GROUP BY ?doc ?c")
        for row in rows:
            k = kinds.get(row[1].value)
            if k:
                per[row[0].value][k] = int(row[2].value)
        return {"path": str(self.path), "generation": self.generation, "quads": len(self),
                "triples": int(triples), "notices": len(per),
                "units": len(self.units()),
                "classes": dict(sorted(classes.items())), "per_notice": dict(sorted(per.items()))}

    # ----------------------------------------------------------------- SPARQL
    def sparql(self, text: str, bindings: Mapping[str, object] | None = None,
               engine: str | None = None, args: Mapping[str, object] | None = None) -> Result:
        """Run a SPARQL query (SELECT, ASK or CONSTRUCT/DESCRIBE).  The default
        graph is the union of all graphs (a triple stated in several notices
        counts once); ``GRAPH ?g { }`` reaches a notice's own graph.

        Two ways to pass values, neither ever put into the query text:
        ``args`` (the canned questions' way) is read by the query through the
        function ``gg:arg("name")``, evaluated inside the engine; ``bindings``
        maps variable names to values bound before evaluation (rdflib
        ``initBindings``).  ``engine``: ``"oxigraph"`` (Oxigraph's own engine,
        the default) or ``"rdflib"`` (rdflib's engine over the store, the default
        when there are ``bindings``)."""
        return query(self.ox, text, bindings=bindings, engine=engine, args=args)

    # ------------------------------------------------------------------ build
    def build(self, facts: Iterable[dict], notices: Iterable[Notice],
              progress: Progress | None = None, answers: Answers | None = None,
              resolve: Resolve | None = None, trusted: bool = False, spool=None) -> BuildReport:
        """Load ``notices`` and ``facts`` (facts format v1.1; ``unit`` facts form
        the catalogue) into the store.

        A notice already stored with the same graph is left alone; one whose
        graph differs (new text, new facts) is replaced.  Notices not in the
        input stay.  The catalogue is merged with the stored one (or resolved again:
        ``resolve``); when it changes how a name resolves, the stored notices using
        that name are re-resolved against it.  ``progress(done, total, doc)``
        is called per notice.  Notices are turned into triples and written in
        chunks, so memory does not grow with the corpus.  Kill-safe: see the
        module docstring.

        ``answers(view)``: the rows to store in ``id:graph/answers``, as
        ``(question, key, rows)``, computed on a ``Store`` over the new generation
        before it goes live (``govgraph.build.build_store`` passes the canned
        questions' ``materialised_answers``); without it no answers are stored.
        ``resolve``: the catalogue is resolved again from the unit names all the store's
        notices use, as a fresh build of them all would (``rdf_build.Resolve``); the
        input's unit facts are then not used.  ``trusted``: the facts are this run's
        extraction's, valid as made (``rdf_build.plan``).  ``spool``: more notices with their
        facts, an extraction's ``loaders.spool.Spool``, read back one at a time.
        """
        t0 = time.monotonic()
        report = BuildReport(path=str(self.path))
        with Lock(self.path / LOCK):
            self._load_current()  # another build may have finished meanwhile
            writer = Writer(self, answers)
            records = _Records(self, trusted)
            try:
                for doc, g, triples, record in plan(self, list(facts), list(notices), report, progress, resolve,
                                                    trusted, spool):
                    writer.put(doc, g, triples)
                    if record is not None:
                        records.add(writer.gen, g, record)
                if writer.started:
                    gen = writer.finish()
                    records.finish(gen)
                    if report.mentions is not None:
                        write_mentions(self.path, gen, report.mentions, base=report.mentions_base)
                    self._swap(gen)
            except BaseException as e:
                # the failed steps' frames hold the new generation's store open: cleared, so that
                # it closes before ``abandon`` removes it (RocksDB closing later wrote into the
                # folder being removed, which then stayed)
                traceback.clear_frames(e.__traceback__)
                raise
            finally:
                writer.abandon()
                records.abandon()
        report.generation = self.generation
        report.quads = len(self)
        report.seconds = round(time.monotonic() - t0, 3)
        return report

    def _swap(self, gen: str) -> None:
        """Make the written generation ``gen`` the live one."""
        set_current(self.path, gen)
        self._load_current()
        cleanup(self.path, keep=kept(self.path, gen, keep_count()))


class _Records:
    """The notice records (``rdf_records``) of the generation a build writes: kept when the
    facts are an extraction's (``trusted``: the records then hold what the graphs read back
    as) and the live generation has its records or no quad; else none are written."""

    def __init__(self, store: Store, trusted: bool):
        self.store = store
        live = store.generation
        self.base = live if live is not None and has_records(store.path, live) else None
        self.on = trusted and (self.base is not None or next(iter(store.ox), None) is None)
        self.w: RecordWriter | None = None

    def add(self, gen: str, graph: str, record: tuple[dict, list[dict]]) -> None:
        if not self.on:
            return
        if self.w is None:
            self.w = RecordWriter(self.store.path, gen, self.base)
        self.w.add(graph, *record)

    def finish(self, gen: str) -> None:
        """Write the index (a build that wrote no notice graph: the base's records, copied).
        The files then stay (those of a generation that does not go live are removed with it
        by a later build's ``cleanup``)."""
        if self.on:
            w = self.w or RecordWriter(self.store.path, gen, self.base)
            self.w = None
            w.finish()

    def abandon(self) -> None:
        if self.w is not None:
            self.w.abandon()
