"""The on-disk RDF store: an rdflib ``Dataset`` over an Oxigraph store.

Layout of a store directory (default ``./govgraph-data`` or ``$GOVGRAPH_STORE``)::

    govgraph-data/
      CURRENT          name of the live generation, replaced atomically
      gen-000003/      Oxigraph (RocksDB) database of that generation
      gen-000002/      the previous generation (kept until the next build)
      .lock            held by a running build

One named graph per notice (IRI from its document number) holds the notice's
metadata, text, facts and evidence; the graph ``id:graph/units`` holds the unit
catalogue, ``id:graph/answers`` the rows of the questions the catalogue of canned
questions materialises (computed by the build).  The default graph is the union of all named graphs, kept by each
build (every triple once, so queries need no ``GRAPH`` clause and count each
triple once).  A build never writes into the live generation: it copies it
(Oxigraph backup, hard links), applies the changes to the copy, flushes and
closes it, then replaces ``CURRENT``.  A build killed at any point leaves the
previous generation live and unchanged.

Canned questions (``govgraph.queries``) run on Oxigraph's engine (``Store.sparql``).
"""

from __future__ import annotations

import gc
import json
import os
import shutil
import time
from collections.abc import Callable, Iterable, Mapping
from dataclasses import asdict, dataclass, field
from pathlib import Path

import pyoxigraph as ox
from oxrdflib import OxigraphStore
from rdflib import Dataset, Literal, URIRef, Variable
from rdflib.graph import DATASET_DEFAULT_GRAPH_ID
from rdflib.namespace import XSD

from govgraph.errors import QueryError, StoreError
from govgraph.facts import fact_id, stable_id, validate_fact
from govgraph.notice import Notice

from . import rdf
from .rdf_write import CATALOGUE_PREDICATES, catalogue_graph, from_ox as _from_ox, graph_hash, notice_graph, to_ox as _to_ox

__all__ = ["Store", "BuildReport", "Result", "default_store_path", "FORMATS"]

FORMATS = ("turtle", "trig", "nquads", "jsonld")
_CURRENT = "CURRENT"
_LOCK = ".lock"

Progress = Callable[[int, int, str], None]


def default_store_path() -> Path:
    """``$GOVGRAPH_STORE`` if set, else ``./govgraph-data``."""
    return Path(os.environ.get("GOVGRAPH_STORE") or "govgraph-data")


@dataclass
class Result:
    """Rows of a query: ``columns`` in order, each row a dict column -> value
    (str, int, float, bool or None for unbound)."""

    columns: list[str]
    rows: list[dict]

    def __len__(self) -> int:
        return len(self.rows)

    def __iter__(self):
        return iter(self.rows)

    def as_tuples(self) -> list[tuple]:
        return [tuple(r.get(c) for c in self.columns) for r in self.rows]


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

    @property
    def changed(self) -> bool:
        return bool(self.added or self.replaced or self.refreshed or self.catalogue_changed)

    def counts(self) -> dict:
        return {"added": len(self.added), "replaced": len(self.replaced),
                "unchanged": len(self.unchanged), "refreshed": len(self.refreshed),
                "units": self.units, "quads": self.quads}

    def as_dict(self) -> dict:
        return asdict(self) | {"counts": self.counts()}


# ------------------------------------------------------------ term conversion

_INT_TYPES = {str(XSD[x]) for x in ("integer", "int", "long", "short", "byte", "nonNegativeInteger",
                                    "positiveInteger", "nonPositiveInteger", "negativeInteger",
                                    "unsignedInt", "unsignedLong", "unsignedShort", "unsignedByte")}


def _py(t):
    """A plain Python value for a result cell."""
    if t is None:
        return None
    if isinstance(t, Literal):
        dt = str(t.datatype) if t.datatype is not None else None
        if dt in _INT_TYPES:
            try:
                return int(str(t))
            except ValueError:
                return str(t)
        if dt in (str(XSD.decimal), str(XSD.double), str(XSD.float)):
            return float(str(t))
        if dt == str(XSD.boolean):
            return str(t) in ("true", "1")
        return str(t)
    return str(t)


class _UnionView(OxigraphStore):
    """The Oxigraph store as rdflib's SPARQL engine should see it: the default
    graph is the stored union of all graphs, and plain strings are plain
    literals.  Used when a query has parameter bindings, so they are visible in
    every scope (rdflib ``initBindings`` semantics)."""

    def triples(self, triple_pattern, context=None):
        s, p, o = (None if x is None or isinstance(x, Variable) else _to_ox(x) for x in triple_pattern)
        ident = getattr(context, "identifier", context)
        if ident is None or ident == DATASET_DEFAULT_GRAPH_ID or str(ident) == "__UNION__":
            gname = ox.DefaultGraph()
        else:
            gname = _to_ox(URIRef(str(ident)))
        quads = self._inner.quads_for_pattern(s, p, o, gname)
        return (((_from_ox(q.subject), _from_ox(q.predicate), _from_ox(q.object)), iter(()))
                for q in quads)


# ------------------------------------------------------------------ the store

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
        self._dataset: Dataset | None = None
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
        if not (p / _CURRENT).exists():
            if not create:
                if p.exists() and any(p.iterdir()):
                    raise StoreError(f"{p} is not a govgraph store (no {_CURRENT} file)")
                raise StoreError(f"no store at {p}: build one first (govgraph build), "
                                 "or set GOVGRAPH_STORE to its folder")
            try:
                p.mkdir(parents=True, exist_ok=True)
                gen = self._next_generation()
                ox.Store(str(p / gen)).flush()
                gc.collect()
                self._set_current(gen)
            except OSError as e:
                raise StoreError(f"cannot create a store at {p}: {e}") from None
        self._load_current()

    def _load_current(self) -> None:
        try:
            gen = (self.path / _CURRENT).read_text(encoding="utf-8").strip()
        except OSError as e:
            raise StoreError(f"cannot read {self.path / _CURRENT}: {e}") from None
        d = self.path / gen
        if not gen.startswith("gen-") or not d.is_dir():
            raise StoreError(f"store {self.path} is damaged: {_CURRENT} names {gen!r}, "
                             "which is not there")
        self.close()
        try:
            self._ox = ox.Store.read_only(str(d))
        except OSError as e:
            raise StoreError(f"cannot open the store {d}: {e}") from None
        self.generation = gen
        self._dataset = None
        self._answers = {}

    def close(self) -> None:
        self._dataset = None
        self._ox = None
        gc.collect()

    @property
    def ox(self) -> ox.Store:
        """The underlying (read-only) pyoxigraph store."""
        if self._ox is None:
            raise StoreError(f"store {self.path} is closed")
        return self._ox

    @property
    def dataset(self) -> Dataset:
        """rdflib ``Dataset`` over the store; its default graph is the stored
        union of all graphs (each triple once)."""
        if self._dataset is None:
            ds = Dataset(store=OxigraphStore(store=self.ox), default_union=False)
            for prefix, ns in rdf.PREFIXES.items():
                ds.bind(prefix, ns, override=True)
            self._dataset = ds
        return self._dataset

    def _bindings_dataset(self) -> Dataset:
        return Dataset(store=_UnionView(store=self.ox), default_union=False)

    # ---------------------------------------------------------------- reading
    def _graph_names(self) -> list[ox.NamedNode]:
        return sorted((g for g in self.ox.named_graphs() if isinstance(g, ox.NamedNode)),
                      key=lambda g: g.value)

    def _notice_graphs(self) -> list[ox.NamedNode]:
        other = {str(rdf.CATALOGUE_GRAPH), str(rdf.ANSWERS_GRAPH)}
        return [g for g in self._graph_names() if g.value not in other]

    def _triples(self, graph: ox.NamedNode, subject=None) -> list[tuple]:
        return [(_from_ox(q.subject), _from_ox(q.predicate), _from_ox(q.object))
                for q in self.ox.quads_for_pattern(subject, None, None, graph)]

    def _stored_hashes(self) -> dict[str, str]:
        """Content hash per named graph IRI."""
        h = ox.NamedNode(str(rdf.GG.contentHash))
        return {q.graph_name.value: q.object.value
                for q in self.ox.quads_for_pattern(None, h, None, None)
                if isinstance(q.graph_name, ox.NamedNode) and q.subject.value == q.graph_name.value}

    def answer(self, question: str, key: str) -> list[dict] | None:
        """Rows of canned question ``question`` for parameters ``key``
        (``queries.answer_key``) as the last build computed them, or None if
        it did not (``queries.run`` then evaluates the question)."""
        cache = self._answers
        if (question, key) not in cache:
            node = ox.NamedNode(_answer_iri(question, key))
            rows = next((q.object.value for q in self.ox.quads_for_pattern(
                node, ox.NamedNode(str(rdf.GG.rows)), None, ox.NamedNode(str(rdf.ANSWERS_GRAPH)))), None)
            cache[(question, key)] = None if rows is None else json.loads(rows)
        return cache[(question, key)]

    def units(self, docs: bool = True) -> list[dict]:
        """The unit catalogue as unit facts; ``docs=False`` leaves out the lists of
        notices that mention each unit (most of the catalogue's triples)."""
        g = ox.NamedNode(str(rdf.CATALOGUE_GRAPH))
        if docs:
            quads = self.ox.quads_for_pattern(None, None, None, g)
        else:
            quads = (q for p in CATALOGUE_PREDICATES
                     for q in self.ox.quads_for_pattern(None, ox.NamedNode(p), None, g))
        return rdf.read_catalogue((q.subject, q.predicate, q.object) for q in quads)

    def catalogue(self, docs: bool = True) -> rdf.Catalogue:
        """The unit catalogue (``docs``: see ``units``)."""
        return rdf.Catalogue(self.units(docs=docs))

    def notices(self) -> list[Notice]:
        """Every notice in the store, with its text, by date then document number."""
        out = []
        for g in self._notice_graphs():
            out.append(rdf.read_notice_graph(self._triples(g, subject=g))[0])
        return sorted(out, key=lambda n: (n.date or "", n.doc))

    def notice_facts(self, doc: str) -> tuple[Notice, list[dict]]:
        g = ox.NamedNode(str(rdf.notice_iri(doc)))
        if not self.ox.contains_named_graph(g):
            raise StoreError(f"notice {doc} is not in the store {self.path}")
        return rdf.read_notice_graph(self._triples(g))

    def facts(self) -> list[dict]:
        """All facts (facts format v1.1): notices' facts by document, then units."""
        out: list[dict] = []
        for g in self._notice_graphs():
            out += rdf.read_notice_graph(self._triples(g))[1]
        return out + self.units()

    def _named_quads(self):
        return (q for q in self.ox if not isinstance(q.graph_name, ox.DefaultGraph))

    def nquads(self) -> list[str]:
        """Every stored quad (named graphs and the union) as an N-Quads line,
        sorted (to compare stores)."""
        return sorted(str(q) for q in self.ox)

    def __len__(self) -> int:
        """Quads in the named graphs (the union default graph not counted): the
        count the build stored, else counted by Oxigraph."""
        answers = ox.NamedNode(str(rdf.ANSWERS_GRAPH))
        stored = self._stored_count()
        if stored is None:
            res = self.ox.query("SELECT (COUNT(*) AS ?n) WHERE { GRAPH ?g { ?s ?p ?o } }")
            return int(next(iter(res))[0].value)
        return stored + sum(1 for _ in self.ox.quads_for_pattern(None, None, None, answers))

    def _stored_count(self) -> int | None:
        """Quads in the notice and catalogue graphs, as the build that wrote the store counted them."""
        answers = ox.NamedNode(str(rdf.ANSWERS_GRAPH))
        q = next(self.ox.quads_for_pattern(answers, ox.NamedNode(str(rdf.GG.quadCount)), None, answers), None)
        return None if q is None else int(q.object.value)

    # ----------------------------------------------------------------- export
    def serialize(self, format: str = "trig", out: str | os.PathLike | None = None) -> str | None:
        """The store as ``turtle`` (the union of all graphs), ``trig``, ``nquads``
        or ``jsonld`` (the named graphs).  Returns text, or writes ``out``."""
        fmt = {"ttl": "turtle", "nq": "nquads", "json-ld": "jsonld"}.get(format, format)
        if fmt not in FORMATS:
            raise StoreError(f"unknown export format {format!r}; use one of {', '.join(FORMATS)}")
        rf = {"turtle": ox.RdfFormat.TURTLE, "trig": ox.RdfFormat.TRIG, "nquads": ox.RdfFormat.N_QUADS,
              "jsonld": ox.RdfFormat.JSON_LD}[fmt]
        prefixes = dict(rdf.PREFIXES) if fmt != "nquads" else None
        if fmt == "turtle":
            quads = (ox.Triple(q.subject, q.predicate, q.object)
                     for q in self.ox.quads_for_pattern(None, None, None, ox.DefaultGraph()))
        else:
            quads = self._named_quads()
        data = ox.serialize(quads, format=rf, prefixes=prefixes)
        if out is None:
            return data.decode("utf-8")
        Path(out).write_bytes(data)
        return None

    # ------------------------------------------------------------------ stats
    def stats(self) -> dict:
        """Counts: quads, distinct triples, notices, units, instances per class
        (prefixed names) and per notice (quads and facts by kind)."""
        q = self.ox.query
        triples = sum(1 for _ in self.ox.quads_for_pattern(None, None, None, ox.DefaultGraph()))
        classes = {}
        for row in q("SELECT ?c (COUNT(DISTINCT ?s) AS ?n) WHERE { ?s a ?c } GROUP BY ?c"):
            classes[_curie(row[0].value)] = int(row[1].value)
        kinds = {str(rdf.GG.PostHolding): "post", str(rdf.GG.GroupMembership): "membership",
                 str(rdf.GG.GroupDeclaration): "group", str(rdf.GG.Task): "task",
                 str(rdf.GG.Evidence): "evidence", str(rdf.GG.Assignment): "assignment"}
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
        engine = engine or ("rdflib" if bindings else "oxigraph")
        if engine not in ("rdflib", "oxigraph"):
            raise QueryError(f"unknown SPARQL engine {engine!r}; use rdflib or oxigraph")
        if bindings and engine == "oxigraph":
            raise QueryError("bindings need the rdflib engine; use args with gg:arg(\"name\") instead")
        try:
            if engine == "oxigraph":
                return self._ox_query(text, args or {})
            init = {str(k).lstrip("?$"): _term(v) for k, v in (bindings or {}).items()}
            with rdf.query_args({k: _term(v) for k, v in (args or {}).items() if v is not None}):
                res = self._bindings_dataset().query(text, initNs=rdf.PREFIXES, initBindings=init,
                                                     use_store_provided=False)
                return _rdflib_result(res)  # evaluated here, while the arguments are set
        except (StoreError, QueryError):
            raise
        except Exception as e:  # parse and evaluation errors of either engine
            raise QueryError(f"SPARQL query failed: {e}".splitlines()[0]) from None

    def _ox_query(self, text: str, args: Mapping[str, object]) -> Result:
        """Oxigraph's own engine; ``gg:arg("name")`` returns ``args[name]`` (or no value)."""
        values = {str(k): _to_ox(_term(v)) for k, v in args.items() if v is not None}

        def arg(name):
            return values.get(getattr(name, "value", None))

        prefixes = {k: str(v) for k, v in rdf.PREFIXES.items()}
        res = self.ox.query(text, prefixes=prefixes, custom_functions={ox.NamedNode(str(rdf.ARG)): arg})
        if isinstance(res, (bool, ox.QueryBoolean)):
            return Result(["ask"], [{"ask": bool(res)}])
        if isinstance(res, ox.QuerySolutions):
            cols = [v.value for v in res.variables]
            rows = [{c: _ox_py(sol[c]) for c in cols} for sol in res]
            return Result(cols, rows)
        rows = [{"s": _py(_from_ox(t.subject)), "p": _py(_from_ox(t.predicate)), "o": _py(_from_ox(t.object))}
                for t in res]
        return Result(["s", "p", "o"], sorted(rows, key=lambda r: (r["s"], r["p"], str(r["o"]))))

    # ------------------------------------------------------------------ build
    def build(self, facts: Iterable[dict], notices: Iterable[Notice],
              progress: Progress | None = None) -> BuildReport:
        """Load ``notices`` and ``facts`` (facts format v1.1; ``unit`` facts form
        the catalogue) into the store.

        A notice already stored with the same graph is left alone; one whose
        graph differs (new text, new facts) is replaced.  Notices not in the
        input stay.  The catalogue is merged with the stored one; when it changes,
        stored notices are re-resolved against it.  ``progress(done, total, doc)``
        is called per notice.  Notices are turned into triples and written in
        chunks, so memory does not grow with the corpus.  Kill-safe: see the
        module docstring.
        """
        t0 = time.monotonic()
        report = BuildReport(path=str(self.path))
        with _Lock(self.path / _LOCK):
            self._load_current()  # another build may have finished meanwhile
            writer = _Writer(self)
            try:
                for doc, g, triples in self._plan(list(facts), list(notices), report, progress):
                    writer.put(doc, g, triples)
                if writer.started:
                    self._swap(writer.finish())
            finally:
                writer.abandon()
        report.generation = self.generation
        report.quads = len(self)
        report.seconds = round(time.monotonic() - t0, 3)
        return report

    def _plan(self, facts: list[dict], notices: list[Notice], report: BuildReport,
              progress: Progress | None):
        """Yield ``(doc, graph IRI, triples)`` for every graph to (re)write,
        filling ``report`` as it goes."""
        units_in, by_doc, seen = [], {}, {}
        for f in facts:
            problems = validate_fact(f) if isinstance(f, dict) else ["not a JSON object"]
            if problems:
                report.warnings.append(f"skipped fact {_short(f)}: {'; '.join(problems)}")
                continue
            if f["kind"] == "unit":
                units_in.append(f)
                continue
            fid = fact_id(f)
            if fid in seen:
                if seen[fid] != f:
                    report.warnings.append(f"{f['doc']}: two facts with the same key, kept the first: "
                                           f"{_short(f)}")
                continue
            seen[fid] = f
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
        for doc in by_doc:
            if doc not in notice_by_doc:
                report.warnings.append(f"{doc}: facts without a notice (no text in the store)")

        stored = self._stored_hashes()
        stored_units = self.units()
        cat = rdf.Catalogue([*stored_units, *units_in])
        report.warnings += cat.warnings
        report.units = len(cat.units)
        cat_triples = catalogue_graph(cat)
        cat_name = str(rdf.CATALOGUE_GRAPH)
        if stored.get(cat_name) != graph_hash(cat_triples):
            report.catalogue_changed = True
            yield "(unit catalogue)", cat_name, cat_triples
        docs = sorted(set(notice_by_doc) | set(by_doc))
        refresh = (report.catalogue_changed
                   and rdf.Catalogue(stored_units).signature() != cat.signature())
        wanted = {str(rdf.notice_iri(d)) for d in docs} if refresh else set()
        others = [g for g in self._notice_graphs() if g.value not in wanted] if refresh else []
        total = len(docs) + len(others)
        for i, doc in enumerate(docs, 1):
            try:
                triples = notice_graph(notice_by_doc.get(doc), by_doc.pop(doc, []), cat, doc=doc)
                g = str(rdf.notice_iri(doc))
            except UnicodeError as e:  # text from the API or a facts file: an unpaired surrogate
                report.warnings.append(f"{doc!r}: not stored: its title, issuer or number holds text "
                                       f"that is not Unicode (an unpaired surrogate: {e.reason})")
                continue
            old = stored.get(g)
            if old is None:
                report.added.append(doc)
                yield doc, g, triples
            elif old != graph_hash(triples):
                report.replaced.append(doc)
                yield doc, g, triples
            else:
                report.unchanged.append(doc)
            if progress is not None:
                progress(i, total, doc)
        for i, g in enumerate(others, len(docs) + 1):  # re-resolve stored notices
            notice, old_facts = rdf.read_notice_graph(self._triples(g))
            has_text = any(True for _ in self.ox.quads_for_pattern(
                g, ox.NamedNode(str(rdf.GG.sha256)), None, g))
            triples = notice_graph(notice if has_text else None, old_facts, cat, doc=notice.doc)
            if stored.get(g.value) != graph_hash(triples):
                report.refreshed.append(notice.doc)
                yield notice.doc, g.value, triples
            if progress is not None:
                progress(i, total, notice.doc)

    def _swap(self, gen: str) -> None:
        """Make the written generation ``gen`` the live one."""
        previous = self.generation
        self._set_current(gen)
        self._load_current()
        self._cleanup(keep={gen, previous})

    # ------------------------------------------------------------ generations
    def _generations(self) -> list[str]:
        return sorted(p.name for p in self.path.glob("gen-*") if p.is_dir())

    def _next_generation(self) -> str:
        gens = [int(g[4:]) for g in self._generations() if g[4:].isdigit()]
        return f"gen-{(max(gens) if gens else 0) + 1:06d}"

    def _set_current(self, gen: str) -> None:
        tmp = self.path / f".{_CURRENT}.tmp"
        with open(tmp, "w", encoding="utf-8") as fh:
            fh.write(gen + "\n")
            fh.flush()
            os.fsync(fh.fileno())
        os.replace(tmp, self.path / _CURRENT)
        fd = os.open(self.path, os.O_RDONLY)
        try:
            os.fsync(fd)
        finally:
            os.close(fd)

    def _cleanup(self, keep: set) -> None:
        """Remove generations not in ``keep`` (left by older or killed builds)."""
        for g in self._generations():
            if g not in keep:
                shutil.rmtree(self.path / g, ignore_errors=True)


class _Writer:
    """Writes changed graphs into a new generation: a copy of the live one made
    when the first change comes, private until ``Store._swap`` names it.

    Triples (N-Triples term tuples) go in as N-Quads through Oxigraph's bulk
    loader, each twice: in its notice's graph and in the default graph (the
    union).  Loading runs in two threads (Oxigraph releases the GIL; its loader
    uses one core) while the next chunk is made.  A replaced graph is removed
    first; its triples that no graph states any more leave the union at the end."""

    CHUNK = 400_000  # quads per bulk load
    LOADERS = 2  # bulk loads in flight at once (Oxigraph's loader runs on one core)

    def __init__(self, store: "Store"):
        self.store = store
        self.w: ox.Store | None = None
        self.target: Path | None = None
        self.gen: str | None = None
        self.lines: list[str] = []
        self.dropped: set = set()
        self.shared: set[str] = set()  # entity triples already in this build's union
        self.count = 0  # quads in the notice and catalogue graphs
        self.pool = None
        self.pending: list = []

    @property
    def started(self) -> bool:
        return self.w is not None

    def _start(self) -> None:
        from concurrent.futures import ThreadPoolExecutor

        s = self.store
        s._cleanup(keep={s.generation})
        self.gen = s._next_generation()
        self.target = s.path / self.gen
        self._io(lambda: s.ox.backup(str(self.target)))
        self.w = ox.Store(str(self.target))
        self.count = s._stored_count()
        if self.count is None:  # written by an older version: count once
            answers = ox.NamedNode(str(rdf.ANSWERS_GRAPH))
            self.count = len(s) - sum(1 for _ in s.ox.quads_for_pattern(None, None, None, answers))
        self.pool = ThreadPoolExecutor(max_workers=self.LOADERS, thread_name_prefix="govgraph-load")
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
        old = list(self.store.ox.quads_for_pattern(None, None, None, gname))
        if old:
            self._wait()
            self.dropped.update((q.subject, q.predicate, q.object) for q in old)
            self._io(lambda: self.w.remove_graph(gname))
        self.count += len(triples) - len(old)  # a graph's triples are distinct (notice_graph)
        g, lines, shared, entity = f" <{graph}> .\n", self.lines, self.shared, _ENTITY_IRIS
        for s, p, o in triples:
            spo = f"{s} {p} {o}"
            lines.append(spo + g)
            if s.startswith(entity):  # stated by many notices: once in the union is enough
                if spo in shared:
                    continue
                shared.add(spo)
            lines.append(spo + " .\n")
        if len(lines) >= self.CHUNK:
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
        self._load()
        self._wait()
        w = self.w
        self._prune_union()  # before the answers: they read the union
        self._io(w.flush)
        self._io(w.optimize)  # compacts what the bulk loads wrote: queries run 3-4x faster
        self._answers()
        self._prune_union()
        self._io(w.flush)
        self.w = None
        del w
        gc.collect()
        gen, self.gen = self.gen, None
        return gen

    def _prune_union(self) -> None:
        """Keep the union: drop the removed graphs' triples no graph states any more."""
        w, default = self.w, ox.DefaultGraph()
        for t in self.dropped:
            if not any(not isinstance(q.graph_name, ox.DefaultGraph) for q in w.quads_for_pattern(*t, None)):
                self._io(lambda t=t: w.remove(ox.Quad(*t, default)))
        self.dropped = set()

    def _answers(self) -> None:
        """Evaluate the questions the catalogue marks ``materialise`` on the new
        generation and store their rows (graph ``id:graph/answers``, replaced)."""
        from govgraph import queries

        gname = ox.NamedNode(str(rdf.ANSWERS_GRAPH))
        old = list(self.w.quads_for_pattern(None, None, None, gname))
        self.dropped.update((q.subject, q.predicate, q.object) for q in old)
        self._io(lambda: self.w.remove_graph(gname))
        view = Store.__new__(Store)
        view.path, view._ox, view._dataset, view.generation = self.target, self.w, None, self.gen
        view._answers = {}
        triples = []
        for question, key, rows in queries.materialised_answers(view):
            node = ox.NamedNode(_answer_iri(question, key))
            triples += [(node, ox.NamedNode(str(rdf.RDF.type)), ox.NamedNode(str(rdf.GG.Answer))),
                        (node, ox.NamedNode(str(rdf.GG.question)), ox.Literal(question)),
                        (node, ox.NamedNode(str(rdf.GG.params)), ox.Literal(key)),
                        (node, ox.NamedNode(str(rdf.GG.rows)),
                         ox.Literal(json.dumps(rows, ensure_ascii=False, separators=(",", ":"))))]
        triples.append((gname, ox.NamedNode(str(rdf.GG.quadCount)),
                        ox.Literal(str(self.count), datatype=ox.NamedNode(str(rdf.XSD.integer)))))
        default = ox.DefaultGraph()
        self._io(lambda: self.w.extend([ox.Quad(*t, g) for t in triples for g in (gname, default)]))

    def abandon(self) -> None:
        """Remove a generation started but not finished (an error on the way)."""
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


_ENTITY_IRIS = tuple(f"<{rdf.ID}{kind}/" for kind in ("person", "unit", "group", "role", "post"))


def _answer_iri(question: str, key: str) -> str:
    return f"{rdf.ID}answer/{stable_id('answer', question, key)}"


class _Lock:
    """An exclusive lock on a file (one build at a time)."""

    def __init__(self, path: Path):
        self.path = path
        self.fd: int | None = None

    def __enter__(self):
        import fcntl

        self.fd = os.open(self.path, os.O_RDWR | os.O_CREAT, 0o644)
        try:
            fcntl.flock(self.fd, fcntl.LOCK_EX | fcntl.LOCK_NB)
        except OSError:
            os.close(self.fd)
            raise StoreError(f"another build is running on {self.path.parent}") from None
        return self

    def __exit__(self, *exc):
        import fcntl

        fcntl.flock(self.fd, fcntl.LOCK_UN)
        os.close(self.fd)


def _ox_py(t):
    """A plain Python value for an Oxigraph result cell (as ``_py`` does for rdflib terms)."""
    if t is None:
        return None
    if isinstance(t, ox.Literal):
        dt = t.datatype.value
        if dt in _INT_TYPES:
            try:
                return int(t.value)
            except ValueError:
                return t.value
        if dt in _FLOAT_TYPES:
            return float(t.value)
        if dt == _XSD_BOOLEAN:
            return t.value in ("true", "1")
        return t.value
    return t.value


_FLOAT_TYPES = {str(XSD.decimal), str(XSD.double), str(XSD.float)}
_XSD_BOOLEAN = str(XSD.boolean)


def _rdflib_result(res) -> Result:
    if res.type == "ASK":
        return Result(["ask"], [{"ask": bool(res.askAnswer)}])
    if res.type in ("CONSTRUCT", "DESCRIBE"):
        rows = [{"s": _py(s), "p": _py(p), "o": _py(o)} for s, p, o in res.graph]
        return Result(["s", "p", "o"], sorted(rows, key=lambda r: (r["s"], r["p"], str(r["o"]))))
    cols = [str(v) for v in res.vars]
    rows = [{c: _py(row[i]) for i, c in enumerate(cols)} for row in res]
    return Result(cols, rows)


def _term(v):
    if isinstance(v, (URIRef, Literal)):
        return v
    if isinstance(v, bool):
        return Literal(v)
    if isinstance(v, int):
        return Literal(v, datatype=XSD.integer)
    if isinstance(v, float):
        return Literal(v, datatype=XSD.double)
    return Literal(str(v))


def _curie(iri: str) -> str:
    for prefix, ns in sorted(rdf.PREFIXES.items(), key=lambda kv: -len(kv[1])):
        if iri.startswith(ns):
            return f"{prefix}:{iri[len(ns):]}"
    return iri


def _short(f) -> str:
    s = json.dumps(f, ensure_ascii=False).encode("utf-8", "backslashreplace").decode("utf-8")
    return s if len(s) < 120 else s[:117] + "..."
