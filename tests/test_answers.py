"""Answers that say what happened (issue 15, item 6): an empty answer carries a one-line
reason (``Result.reason``; the CLI prints it on stderr); names typed in Traditional
characters resolve; "did you mean" offers only close names; ``.df()`` works after the
README's install.  On the sample and small real notices, built as the README builds them."""

from __future__ import annotations

import json
import tomllib
from pathlib import Path

import pytest
from typer.testing import CliRunner

import govgraph
from govgraph import queries
from govgraph.cli import app
from govgraph.errors import QueryError
from govgraph.identity import close, compact, loose
from govgraph.queries.execute import explain
from govgraph.queries.parameters import bind
from govgraph.results import Result

ROOT = Path(__file__).resolve().parent.parent
SAMPLE = ROOT / "data" / "000_69f8c657212cfd7a.txt"
REAL = ROOT / "data" / "real" / "notices"


@pytest.fixture(scope="module")
def sample(tmp_path_factory):
    return govgraph.load([SAMPLE], store=tmp_path_factory.mktemp("answers") / "kg")


@pytest.fixture(scope="module")
def two_scripts(tmp_path_factory):
    """ext-31 keeps its names in Traditional characters (馬正其, 萬州區委); gov-12 has 马正其 in Simplified."""
    return govgraph.load([REAL / "ext-31.txt", REAL / "gov-12.txt"], store=tmp_path_factory.mktemp("answers") / "kg")


def rows(result):
    return [tuple(r[c] for c in result.columns) for r in result.rows]


# ---------------------------------------------------------------- Traditional characters

def test_names_typed_in_traditional_characters_resolve(sample):
    history = sample.query("appointment-history", person="許才勇")
    assert history.rows and rows(history) == rows(sample.query("appointment-history", person="许才勇"))
    holders = sample.query("post-holders", unit="區水務局", title="局長")
    assert rows(holders) == rows(sample.query("post-holders", unit="区水务局", title="局长"))
    assert [r["person"] for r in holders.rows] == ["易雄才", "许才勇", "许才勇"]
    # an alias (区科技经信局) in Traditional characters, with a layout space
    assert rows(sample.query("unit-profile", unit="區 科技經信局")) == rows(sample.query("unit-profile", unit="区科技和经信局"))
    assert queries.resolve_unit(sample.store, "區水務局") == "区水务局"


def test_a_name_as_written_wins_over_the_other_script(two_scripts):
    st = two_scripts.store
    assert queries.resolve_person_in(st, "馬 正其") == ("馬正其", "?ext-31", None)
    assert queries.resolve_person_in(st, "马正其") == ("马正其", "全国", None)
    assert queries.resolve_unit_in(st, "万州区委") == ("萬州區委", "?ext-31")  # only stored in Traditional


def test_loose_key():
    assert loose("區 水務局") == loose("区水务局") == "区水务局"
    assert compact("區 水務局") == "區水務局"  # compact keeps the script
    assert loose("ＡＢＣ（一）") == "ABC(一)"


# ---------------------------------------------------------------- suggestions

def test_suggestions_only_when_close(sample):
    with pytest.raises(QueryError, match=r"unknown person '许才永'; did you mean: 许才勇\?$"):
        sample.query("appointment-history", person="许才永")
    with pytest.raises(QueryError, match=r"unknown unit '区水利局'; did you mean: 区水务局\?$"):
        sample.query("unit-profile", unit="区水利局")
    with pytest.raises(QueryError, match=r"unknown unit '區水利局'; did you mean: 区水务局\?$"):
        sample.query("unit-profile", unit="區水利局")  # a typo in Traditional characters
    # far names: nothing to suggest (difflib offered 易雄才 / 会办单位 here)
    for kw in ({"person": "欧阳锋"}, {"person": "许小明"}):
        with pytest.raises(QueryError) as e:
            sample.query("appointment-history", **kw)
        assert str(e.value) == f"unknown person {kw['person']!r}"
    with pytest.raises(QueryError) as e:
        sample.query("unit-profile", unit="不存在的单位")
    assert str(e.value) == "unknown unit '不存在的单位'"


def test_close_names():
    known = ["区水务局", "区财政局", "区委组织部", "中共杭州市委组织部", "许才勇"]
    assert close("区水利局", known) == ["区水务局"]  # one character wrong in four
    assert close("组织部", known) == ["区委组织部"]  # held whole by a name at most twice as long
    assert close("区财政", known) == ["区财政局"]
    assert close("張三", known) == [] and close("局", known) == []


# ---------------------------------------------------------------- empty answers

def test_filled_answers_have_no_reason(sample):
    for q in queries.catalogue():
        r = sample.query(q.name, **q.example)
        assert r.rows and r.reason is None, q.name


def test_a_filter_that_matches_nothing_is_named(sample):
    r = sample.query("deadlines", month="1999-01")
    n = len(sample.query("deadlines").rows)
    assert r.rows == [] and r.reason == f"no task falls due in 1999-01 (without month: {n} rows)"
    r = sample.query("unit-load", due_before="2000-01-01")
    n = len(sample.query("unit-load").rows)
    assert r.reason == f"no task falls due before 2000-01-01 (without due_before: {n} rows)"
    r = sample.query("group-interlocks", min_groups=99)
    n = len(sample.query("group-interlocks").rows)
    assert r.reason == f"no person or unit sits in 99 groups or more (without min_groups: {n} rows)"
    assert sample.query("unit-load", top=0).reason == "a row limit of 0 keeps no row"


def test_the_questions_own_reason(sample, tmp_path):
    r = sample.query("co-responsibility", unit="区审计局")
    assert r.rows == [] and r.reason == "区审计局 shares no task with another unit in this store"
    g = govgraph.load([REAL / "ext-01.txt"], store=tmp_path / "kg")  # a group: members, no posts
    r = g.query("appointment-history", person="方远洋")
    assert r.rows == [] and r.reason == "方远洋 holds no post in this store"
    assert g.query("person-network", person="方远洋").rows  # ... but in a group
    empty = govgraph.Graph.open(tmp_path / "empty", create=True)
    assert empty.query("unit-load").reason == "the store holds no notice"


def test_rows_lost_on_the_way_are_told(sample):
    """Another backend (a Neo4j database not loaded from this store) answering nothing where
    the store has rows."""
    q = queries.get("post-holders")
    bindings, limit = bind(sample.store, q, {"unit": "区水务局", "title": "局长"})
    r = explain(sample.store, q, bindings, Result(q.columns, []), limit)
    assert r.reason == ("the store has 3 rows for this question, but none came back: "
                        "is the Neo4j database loaded from this store?")


def test_the_cli_prints_the_reason_on_stderr(sample):
    res = CliRunner().invoke(app, ["query", "deadlines", "--month", "1999-01", "--store", str(sample.path),
                                   "--format", "json"])
    assert res.exit_code == 0
    assert json.loads(res.stdout) == []
    assert res.stderr.strip().endswith("empty: no task falls due in 1999-01 (without month: 31 rows)")
    res = CliRunner().invoke(app, ["query", "deadlines", "--month", "2018-05", "--store", str(sample.path)])
    assert res.exit_code == 0 and "empty:" not in res.stderr


# ---------------------------------------------------------------- .df()

def test_df_after_the_readme_install(sample):
    """The README installs the default dependencies (``pip install .``): pandas is one."""
    deps = tomllib.loads((ROOT / "pyproject.toml").read_text(encoding="utf-8"))["project"]["dependencies"]
    assert any(d.split(">")[0].split("=")[0].strip() == "pandas" for d in deps)
    assert ".venv/bin/pip install ." in (ROOT / "README.md").read_text(encoding="utf-8")
    import pandas as pd

    r = sample.query("appointment-history", person="许才勇")
    df = r.df()
    assert isinstance(df, pd.DataFrame)
    assert list(df.columns) == r.columns and len(df) == len(r.rows) > 0
    assert df.iloc[0].to_dict() == r.rows[0]
    empty = sample.query("deadlines", month="1999-01").df()
    assert list(empty.columns) == queries.get("deadlines").columns and len(empty) == 0


# ---------------------------------------------------------------- on Neo4j

@pytest.mark.neo4j
def test_neo4j_answers_say_the_same(sample, neo4j_conn):
    """The Cypher twins carry the same reasons (names resolved and reasons found on the store)."""
    from govgraph.graph import neo4j_store

    sample.to_neo4j(neo4j_conn, wipe=True)
    for name, kw in (("deadlines", {"month": "1999-01"}), ("co-responsibility", {"unit": "区审计局"}),
                     ("unit-load", {"top": 0}), ("post-holders", {"unit": "區水務局", "title": "局長"})):
        rdf, neo = sample.query(name, **kw), sample.query(name, backend="neo4j", neo4j=neo4j_conn, **kw)
        assert neo.rows == rdf.rows and neo.reason == rdf.reason, name
    neo4j_store.load(neo4j_conn, [], [], wipe=True)  # a database not loaded from this store
    r = sample.query("post-holders", backend="neo4j", neo4j=neo4j_conn, unit="区水务局", title="局长")
    assert r.rows == [] and r.reason.endswith("is the Neo4j database loaded from this store?")
