"""Shared fixtures: the sample corpus, its gold, and its extraction (computed once)."""

from __future__ import annotations

import sys
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT / "tests"))

from neo4j_fixture import neo4j_conn, neo4j_uri  # noqa: E402,F401

SAMPLE = ROOT / "data" / "000_69f8c657212cfd7a.txt"
GOLD = ROOT / "data" / "gold"
OTHER = ROOT / "tests" / "data" / "other"


@pytest.fixture(scope="session")
def sample_path() -> Path:
    return SAMPLE


@pytest.fixture(scope="session")
def sample_extraction():
    from govgraph.loaders import extract_paths

    return extract_paths([SAMPLE])


@pytest.fixture(scope="session")
def gold_facts():
    from govgraph.facts import read_facts

    return [f for f in read_facts(GOLD) if f["kind"] != "unit"]


@pytest.fixture(scope="session")
def gold_units():
    from govgraph.facts import read_facts

    return list(read_facts(GOLD / "units.jsonl"))


@pytest.fixture(scope="session")
def sample_store(tmp_path_factory, sample_extraction):
    """A store built from the sample (read only: tests that write build their own)."""
    from govgraph.build import build_store
    from govgraph.graph.rdf_store import Store

    s = Store.open(tmp_path_factory.mktemp("sample-store") / "kg", create=True)
    build_store(s, sample_extraction.facts, sample_extraction.notices)
    return s
