"""The Python API: the same code paths the CLI uses.

>>> import govgraph, tempfile
>>> g = govgraph.load(["data/000_69f8c657212cfd7a.txt"], store=tempfile.mkdtemp() + "/kg")  # doctest: +SKIP
>>> g.query("appointment-history", person="许才勇").rows[0]["unit"]  # doctest: +SKIP
'区水务局'
"""

from __future__ import annotations

import os
from collections.abc import Callable, Iterable
from pathlib import Path
from typing import Any

from .errors import GovGraphError

__all__ = ["Graph", "load", "open_graph", "extract", "BuildResult", "find_repo"]

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


class BuildResult:
    """What ``Graph.build`` did: the extraction (facts, warnings, errors) and the store report."""

    def __init__(self, extraction, report):
        self.extraction = extraction
        self.report = report

    @property
    def warnings(self) -> list[str]:
        return list(self.extraction.warnings) + list(getattr(self.report, "warnings", []))

    @property
    def errors(self) -> list[str]:
        return list(self.extraction.errors)


def extract(paths: Iterable[str | os.PathLike], progress: Callable | None = None):
    """Extract facts from files/folders without storing them (an ``Extraction``)."""
    from .loaders import extract_paths

    return extract_paths([str(p) for p in paths], progress=progress)


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
              decisions: str | os.PathLike | None = None) -> BuildResult:
        """Extract ``paths`` and load them; an extraction with errors under ``strict`` loads nothing.
        ``place``: the jurisdiction of every notice (else read per notice); ``decisions``: the
        analyst's file of who is who (``loaders.decisions``; default ``govgraph-decisions.tsv``
        in the working folder, if there is one)."""
        from .build import build_store
        from .loaders import extract_paths
        from .loaders.decisions import DECISIONS_FILE, apply_decisions, read_decisions

        ex = extract_paths([str(p) for p in paths], place=place)
        apply_decisions(ex.facts, read_decisions(decisions if decisions is not None else
                                                 (DECISIONS_FILE if Path(DECISIONS_FILE).exists() else None)))
        if not ex.notices:
            raise GovGraphError("no notice could be read: " + "; ".join(ex.errors[:3]))
        if strict and (ex.errors or [w for w in ex.warnings if "decoded as" not in w]):
            raise GovGraphError("--strict: the extraction has warnings or errors; nothing was loaded")
        report = build_store(self.store, ex.facts, ex.notices, progress=progress)
        return BuildResult(ex, report)

    # -- reading
    def facts(self) -> list[dict]:
        return self.store.facts()

    def resolve(self, decisions: str | os.PathLike | None = None):
        """Candidate merges and splits of people (``loaders.decisions.candidates``), each with
        its reasons, evidence and the decision already taken in ``decisions``, if any."""
        from .results import Result
        from .loaders.decisions import candidates, read_decisions

        d = read_decisions(decisions)
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

    def stats(self) -> dict:
        return self.store.stats()

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

    @staticmethod
    def questions():
        from . import queries

        return queries.catalogue()

    # -- analytics and pictures
    def to_networkx(self):
        from .graph.network import build_network

        return build_network(self.facts(), self.notices())

    def analyze(self, analysis: str, place: str | None = None, **kw):
        """``overload``, ``centrality`` (``kind="unit"|"person"``), ``interlocks`` or ``components``: a ``Result``.
        ``place``: only the part of the graph in that place (``汉阳区``, ``武汉市汉阳区``)."""
        from .graph import analytics
        from .graph.network import in_place
        from .results import Result

        fn = {"overload": analytics.overload, "centrality": analytics.centrality,
              "interlocks": analytics.interlocks, "components": analytics.components}.get(analysis)
        if fn is None:
            raise GovGraphError(f"unknown analysis {analysis!r}; use overload, centrality, interlocks or components")
        G = self.to_networkx()
        cols, rows = fn(in_place(G, place) if place else G, **kw)
        return _frameable(Result(list(cols), list(rows)))

    def viz(self, path: str | os.PathLike = "graph.html", place: str | None = None, **kw) -> dict:
        """Write the interactive offline page; in a notebook, display it with ``IPython.display.IFrame``.

        ``place``: only the part of the graph in that place.  The returned dict has the
        page's statistics and its ``html`` text.
        """
        from .graph.network import build_network, in_place
        from .graph.viz import render_html

        G = build_network(self.facts(), self.notices())
        stats = render_html(in_place(G, place) if place else G, str(path), **kw)
        stats["html"] = Path(path).read_text(encoding="utf-8")
        return stats

    # -- Neo4j
    def to_neo4j(self, conn=None, wipe: bool = False, progress: Callable | None = None) -> dict:
        from .graph import neo4j_store

        return neo4j_store.load(conn or _neo4j_connect(), self.facts(), self.notices(), wipe=wipe, progress=progress)


def _neo4j_connect():
    from .graph import neo4j_store

    return neo4j_store.connect()


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


def open_graph(path: str | os.PathLike | None = None) -> Graph:
    """Open an existing store (``$GOVGRAPH_STORE`` or ``./govgraph-data`` by default)."""
    return Graph.open(path)


def load(paths: Iterable[str | os.PathLike] | None = None, store: str | os.PathLike | None = None) -> Graph:
    """Open the store at ``store`` and, if ``paths`` are given, build them into it first."""
    g = Graph.open(store, create=bool(paths))
    if paths:
        g.build(paths)
    return g
