"""The build step: facts and notices into the RDF store, with the stored answers of
the canned questions.

It owns both sides, so neither needs the other: the store (``graph.rdf_store``)
writes a new generation and, before it goes live, stores the rows the question
catalogue (``queries``) marks ``materialise``, evaluated on that generation.
``govgraph build`` and ``Graph.build`` call it; ``Store.build`` alone stores no answers.

>>> import tempfile
>>> from govgraph.graph.rdf_store import Store
>>> from govgraph.notice import Notice
>>> s = Store.open(tempfile.mkdtemp() + "/kg", create=True)
>>> n = Notice(doc="阳政办〔2018〕9号", text="...", date="2018-04-12")
>>> build_store(s, [{"kind": "group", "doc": n.doc, "group": "某领导小组"}], [n]).counts()["added"]
1
>>> s.answer("group-interlocks", queries.answer_key({"min_groups": 2}))
[]
"""

from __future__ import annotations

from collections.abc import Iterable

from govgraph import queries
from govgraph.loaders.pipeline import resolve_units
from govgraph.loaders.spool import Spool
from govgraph.graph.rdf_store import BuildReport, Progress, Store
from govgraph.notice import Notice

__all__ = ["build_store"]


def build_store(store: Store, facts: Iterable[dict], notices: Iterable[Notice],
                progress: Progress | None = None, extracted: bool = False, spool: Spool | None = None) -> BuildReport:
    """``Store.build`` with the canned questions' materialised answers stored in the
    new generation (``queries.materialised_answers``).

    ``extracted``: the facts are an extraction's (``api.extract``), whose unit catalogue
    covers only the input; the catalogue is then resolved again from the unit names of
    every notice in the store (``loaders.pipeline.resolve_units``), so that adding notices
    gives the store a fresh build of them all would.  Otherwise the input's unit facts are
    merged into the stored catalogue.  The extraction's facts are valid as made: not
    checked again (``Store.build``'s ``trusted``).  ``spool``: more notices with their facts,
    read back from the extraction's spool one at a time (``loaders.spool``)."""
    return store.build(facts, notices, progress=progress, answers=queries.materialised_answers,
                       resolve=_resolve if extracted else None, trusted=extracted, spool=spool)


def _resolve(mentions: list[tuple]) -> list[dict]:
    return resolve_units(mentions, warn=False)[0]  # the extraction warned about its notices
