"""The Neo4j loader against a real Neo4j 5.26 (scripts/neo4j-local), with the gold facts.

These tests wipe the database they run against.
"""

from __future__ import annotations

import os
import shutil
import socket
import subprocess
from collections import Counter
from pathlib import Path

import pytest
from neo4j_fixture import JAVA_MISSING, NEO4J_LOCAL, neo4j_conn, neo4j_uri  # noqa: F401

from govgraph.errors import Neo4jError, QueryError
from govgraph.facts import fact_id, read_facts, stable_id
from govgraph.graph import neo4j_store as store
from govgraph.identity import UnitIndex
from govgraph.notice import Notice

GOLD = Path(__file__).resolve().parents[1] / "data" / "gold"
db = pytest.mark.neo4j

XU = "许才勇"
PPP = "汉阳区两江流域生态环境治理PPP项目领导小组"
QUALITY = "区质量强区工作委员会"


# --------------------------------------------------------------------------- data


@pytest.fixture(scope="module")
def gold_facts() -> list[dict]:
    return list(read_facts(GOLD))


@pytest.fixture(scope="module")
def gold_notices(gold_facts) -> list[Notice]:
    docs = sorted({f["doc"] for f in gold_facts if f.get("doc")})
    return [Notice(doc=d, text=f"(placeholder text of {d})", title=f"关于…的通知 {d}", date="2018-04-12",
                   issuer="汉阳区人民政府办公室", source=f"gold/{d}") for d in docs]  # fmt: skip


@pytest.fixture(scope="module")
def expected(gold_facts) -> dict:
    """Counts worked out from the gold files directly (not through the loader)."""
    alias = {}
    for f in gold_facts:
        if f["kind"] == "unit":
            for a in [f["name"], *f["aliases"], *f.get("added_aliases", [])]:
                alias.setdefault(a, f["name"])

    def canon(name):
        return alias.get(name, name)

    units = {f["name"] for f in gold_facts if f["kind"] == "unit"}
    persons, groups, posts, tasks, docs = set(), set(), set(), set(), set()
    holds = members = leads = resp = 0
    in_notice = set()
    for f in gold_facts:
        k = f["kind"]
        if f.get("doc"):
            docs.add(f["doc"])
        if k == "unit":
            units.update(canon(m) for m in f.get("members", []) + f.get("former_members", []))
            if f.get("parent"):
                units.add(canon(f["parent"]))
        elif k == "post":
            persons.add(f["person"])
            posts.add((canon(f["unit"]), f["title"]))
            units.add(canon(f["unit"]))
            holds += 1
        elif k == "membership":
            groups.add(f["group"])
            in_notice.add(("g", f["group"], f["doc"]))
            members += 1
            if f["member_type"] == "person":
                persons.add(f["member"])
            elif f["member_type"] == "unit":
                units.add(canon(f["member"]))
            else:
                groups.add(f["member"])
        elif k == "group":
            groups.add(f["group"])
            in_notice.add(("g", f["group"], f["doc"]))
        elif k == "task":
            tasks.add(fact_id(f))
            in_notice.add(("t", fact_id(f), f["doc"]))
            lead = {canon(u) for u in f["lead"]}
            resp_ = {canon(u) for u in f["responsible"]}
            units |= lead | resp_
            leads += len(lead)
            resp += len(resp_)
    return {
        "nodes": {"Person": len(persons), "Group": len(groups), "Post": len(posts), "Task": len(tasks),
                  "Notice": len(docs), "Unit": len(units)},
        "rels": {"HOLDS": holds, "MEMBER_OF": members, "LEADS": leads, "RESPONSIBLE_FOR": resp,
                 "POST_IN": len(posts), "IN_NOTICE": len(in_notice)},
    }  # fmt: skip


@pytest.fixture
def loaded(neo4j_conn, gold_facts, gold_notices):
    """The database holding exactly the gold facts."""
    summary = store.load(neo4j_conn, gold_facts, gold_notices, wipe=True)
    return summary


# --------------------------------------------------------------------------- no database


def test_unit_index_on_gold(gold_facts):
    idx = UnitIndex(f for f in gold_facts if f["kind"] == "unit")
    assert idx.canonical("区科技经信局") == idx.canonical("区科技和经信局") == "区科技和经信局"
    assert idx.canonical("汉阳区人民政府") == "区人民政府"  # from added_aliases
    assert idx.parent("区交通大队") == "公安汉阳分局"
    assert len(idx.members("各街道")) == 11
    assert idx.unit_type("区“红色物业”工作领导小组") == "other"


# --------------------------------------------------------------------------- loading


@db
def test_load_gold_counts(neo4j_conn, loaded, expected):
    c = store.counts(neo4j_conn)
    assert c["nodes"] == expected["nodes"]
    for rtype, n in expected["rels"].items():
        assert c["relationships"][rtype] == n, rtype
    # the summary agrees with the database
    assert {k: v["created"] for k, v in loaded["nodes"].items()} == expected["nodes"]
    assert {k: v["merged"] for k, v in loaded["relationships"].items()} == c["relationships"]
    assert loaded["warnings"] == []
    # the hand-checked gold as of this writing
    assert expected["nodes"]["Person"] == 45 and expected["nodes"]["Notice"] == 7


@db
def test_xu_caiyong(neo4j_conn, loaded):
    _, rows = store.run_cypher(
        neo4j_conn,
        "MATCH (p:Person {name: $name})-[m:MEMBER_OF]->(g:Group) RETURN g.name AS grp, m.role AS role, m.doc AS doc",
        {"name": XU},
    )
    assert sorted((r["grp"], r["role"]) for r in rows) == sorted(
        [(PPP, "副组长"), (PPP, "办公室主任"), (QUALITY, "委员")]
    )
    assert {r["doc"] for r in rows} == {"阳政办〔2018〕9号", "阳政办〔2018〕5号"}
    # 局长 of 区水务局 stated by two notices: one Post, two HOLDS with their own as_of
    _, rows = store.run_cypher(
        neo4j_conn,
        "MATCH (:Person {name: $name})-[h:HOLDS]->(p:Post)-[:POST_IN]->(u:Unit) "
        "RETURN p.id AS post, p.title AS title, u.name AS unit, h.as_of AS as_of ORDER BY as_of",
        {"name": XU},
    )
    assert [(r["title"], r["unit"], r["as_of"]) for r in rows] == [
        ("局长", "区水务局", "2018-02-24"),
        ("局长", "区水务局", "2018-04-12"),
    ]
    assert {r["post"] for r in rows} == {stable_id("post", "区水务局", "局长")}
    _, rows = store.run_cypher(
        neo4j_conn, "MATCH (p:Person {id: $id}) RETURN p.name AS name", {"id": stable_id("person", XU)}
    )
    assert rows == [{"name": XU}]


@db
def test_unit_aliases_are_one_node(neo4j_conn, loaded, gold_facts):
    _, rows = store.run_cypher(
        neo4j_conn,
        "MATCH (u:Unit) WHERE any(a IN $names WHERE a = u.name OR a IN u.aliases) "
        "RETURN u.id AS id, u.name AS name, u.aliases AS aliases, u.unit_type AS type",
        {"names": ["区科技经信局", "区科技和经信局"]},
    )
    assert len(rows) == 1
    assert rows[0]["id"] == stable_id("unit", "区科技和经信局")
    assert set(rows[0]["aliases"]) >= {"区科技经信局", "区科技和经信局"} and rows[0]["type"] == "department"
    # tasks written with either spelling hang off that one node
    written = sum(
        1
        for f in gold_facts
        if f["kind"] == "task"
        for u in set(f["lead"]) | set(f["responsible"])
        if u in ("区科技经信局", "区科技和经信局")
    )
    _, rows = store.run_cypher(
        neo4j_conn, "MATCH (:Unit {name: $n})-[r:LEADS|RESPONSIBLE_FOR]->(:Task) RETURN count(r) AS n",
        {"n": "区科技和经信局"},
    )  # fmt: skip
    assert written > 0 and rows[0]["n"] == written


@db
def test_catalogue_structure(neo4j_conn, loaded):
    _, rows = store.run_cypher(
        neo4j_conn,
        "MATCH (m:Unit)-[r:MEMBER_UNIT_OF]->(c:Unit {name: $c}) RETURN m.name AS m, r.former AS former",
        {"c": "各街办事处"},
    )
    current = {r["m"] for r in rows if not r["former"]}
    assert len(current) == 11 and "江堤街办事处" in current
    assert {r["m"] for r in rows if r["former"]} == {"月湖街办事处", "翠微街办事处"}
    _, rows = store.run_cypher(
        neo4j_conn, "MATCH (:Unit {name: $u})-[:SUB_UNIT_OF]->(p:Unit) RETURN p.name AS p", {"u": "区交通大队"}
    )
    assert rows == [{"p": "公安汉阳分局"}]
    # a name the catalogue does not know is a Unit of its own, type other
    _, rows = store.run_cypher(
        neo4j_conn, "MATCH (u:Unit {name: $u}) RETURN u.unit_type AS t", {"u": "区“红色物业”工作领导小组"}
    )
    assert rows == [{"t": "other"}]
    # groups: where their office sits, which notice names them
    _, rows = store.run_cypher(
        neo4j_conn,
        "MATCH (g:Group {name: $g}) OPTIONAL MATCH (g)-[:OFFICE_IN]->(u:Unit) "
        "OPTIONAL MATCH (g)-[:IN_NOTICE]->(n:Notice) RETURN u.name AS office, collect(DISTINCT n.doc) AS docs",
        {"g": PPP},
    )
    assert rows == [{"office": "区水务局", "docs": ["阳政办〔2018〕9号"]}]


@db
def test_tasks_and_provenance(neo4j_conn, loaded, gold_facts):
    task = next(f for f in gold_facts if f["kind"] == "task" and f["lead"] and f["responsible"])
    dated = next(f for f in gold_facts if f["kind"] == "task" and f["responsible"] and f["due"])
    q = (
        "MATCH (t:Task {id: $id})-[:IN_NOTICE]->(n:Notice) "
        "OPTIONAL MATCH (l:Unit)-[:LEADS]->(t) WITH t, n, collect(l.name) AS lead "
        "OPTIONAL MATCH (u:Unit)-[r:RESPONSIBLE_FOR]->(t) "
        "RETURN t.text AS text, t.due AS due, n.doc AS doc, n.title AS title, lead, "
        "collect(u.name) AS resp, collect(DISTINCT r.due) AS rdue"
    )
    _, rows = store.run_cypher(neo4j_conn, q, {"id": fact_id(task)})
    assert len(rows) == 1
    r = rows[0]
    assert (r["text"], r["due"], r["doc"]) == (task["text"], task["due"], task["doc"])
    assert r["title"].endswith(task["doc"])
    assert (len(r["lead"]), len(r["resp"])) == (len(set(task["lead"])), len(set(task["responsible"])))
    _, rows = store.run_cypher(neo4j_conn, q, {"id": fact_id(dated)})
    assert rows[0]["due"] == dated["due"] and rows[0]["rdue"] == [dated["due"]]
    # every relationship that comes from a fact names its notice
    _, rows = store.run_cypher(
        neo4j_conn,
        "MATCH ()-[r:HOLDS|MEMBER_OF|LEADS|RESPONSIBLE_FOR|OFFICE_IN]->() WHERE r.doc IS NULL RETURN count(r) AS n",
        {},
    )
    assert rows == [{"n": 0}]


@db
def test_evidence_and_group_members(neo4j_conn):
    doc = "测试〔2099〕1号"
    text = "张三任区水务局局长。汉阳区测试领导小组办公室设在区水务局，领导小组成员包括汉阳区子领导小组。"
    facts = [
        {"kind": "unit", "name": "区水务局", "aliases": ["区水务局"], "parent": None, "unit_type": "department"},
        {"kind": "post", "doc": doc, "person": "张三", "unit": "区水务局", "title": "局长", "as_of": "2099-01-01",
         "evidence": {"text": text[:10], "start": 0, "end": 10}},
        {"kind": "group", "doc": doc, "group": "汉阳区测试领导小组", "office_unit": "区水务局"},
        {"kind": "membership", "doc": doc, "group": "汉阳区测试领导小组", "member": "汉阳区子领导小组",
         "member_type": "group", "role": "成员"},
    ]  # fmt: skip
    summary = store.load(neo4j_conn, facts, [Notice(doc=doc, text=text, date="2099-01-01")], wipe=True)
    assert summary["nodes"]["Group"]["created"] == 2
    assert summary["nodes"]["Unit"]["created"] == 1 and summary["nodes"]["Person"]["created"] == 1
    _, rows = store.run_cypher(
        neo4j_conn,
        "MATCH (:Person {name: $p})-[h:HOLDS]->(:Post) RETURN h.quote AS q, h.start_offset AS s, h.end_offset AS e, "
        "h.doc AS doc",
        {"p": "张三"},
    )
    assert rows == [{"q": text[:10], "s": 0, "e": 10, "doc": doc}]
    _, rows = store.run_cypher(
        neo4j_conn,
        "MATCH (a:Group)-[m:MEMBER_OF]->(b:Group) RETURN a.name AS a, b.name AS b, m.role AS role",
        {},
    )
    assert rows == [{"a": "汉阳区子领导小组", "b": "汉阳区测试领导小组", "role": "成员"}]


@db
def test_names_are_parameters(neo4j_conn):
    doc = "测试〔2099〕2号"
    nasty = "O'Brien\"`}) DETACH DELETE n //"
    facts = [
        {"kind": "post", "doc": doc, "person": nasty, "unit": "区'单位`", "title": "局长}"},
        {"kind": "membership", "doc": doc, "group": "组\\'", "member": nasty, "member_type": "person",
         "role": "组长"},
    ]  # fmt: skip
    store.load(neo4j_conn, facts, [], wipe=True)
    _, rows = store.run_cypher(
        neo4j_conn,
        "MATCH (p:Person)-[:HOLDS]->(post:Post)-[:POST_IN]->(u:Unit) MATCH (p)-[:MEMBER_OF]->(g:Group) "
        "RETURN p.name AS p, post.title AS t, u.name AS u, u.unit_type AS ut, g.name AS g",
        {},
    )
    assert rows == [{"p": nasty, "t": "局长}", "u": "区'单位`", "ut": "other", "g": "组\\'"}]


# --------------------------------------------------------------------------- idempotency, wipe


@db
def test_load_twice_changes_nothing(neo4j_conn, loaded, gold_facts, gold_notices):
    before = store.counts(neo4j_conn)
    again = store.load(neo4j_conn, gold_facts, gold_notices)
    assert store.counts(neo4j_conn) == before
    assert all(v["created"] == 0 for v in again["nodes"].values())
    assert all(v["created"] == 0 for v in again["relationships"].values())
    # in another batch size, too
    store.load(neo4j_conn, gold_facts, gold_notices, batch_size=7)
    assert store.counts(neo4j_conn) == before


@db
def test_wipe(neo4j_conn, loaded, gold_facts, gold_notices):
    before = store.counts(neo4j_conn)
    store.run_cypher(neo4j_conn, "CREATE (:Scratch {name: $n})-[:LINK]->(:Scratch)", {"n": "x"})
    summary = store.load(neo4j_conn, gold_facts, gold_notices, wipe=True, batch_size=50)
    assert summary["deleted"]["nodes"] == sum(before["nodes"].values()) + 2
    assert summary["deleted"]["relationships"] == sum(before["relationships"].values()) + 1
    assert store.counts(neo4j_conn) == before
    store.load(neo4j_conn, [], [], wipe=True)
    assert store.counts(neo4j_conn) == {"nodes": {}, "relationships": {}}


def _graph(conn) -> tuple[list, list]:
    """Every node (labels, properties) and relationship (type, end ids, properties), sorted."""
    _, nodes = store.run_cypher(conn, "MATCH (n) RETURN labels(n) AS l, properties(n) AS p", {})
    _, rels = store.run_cypher(
        conn, "MATCH (a)-[x]->(b) RETURN type(x) AS t, a.id AS a, b.id AS b, properties(x) AS p", {}
    )
    key = lambda r: repr(sorted(r.items()))  # noqa: E731
    return sorted((dict(r, p=sorted(r["p"].items())) for r in nodes), key=key), sorted(
        (dict(r, p=sorted(r["p"].items())) for r in rels), key=key
    )


@db
def test_every_path_of_the_load_writes_the_same_graph(neo4j_conn, loaded, gold_facts, gold_notices):
    """Rows go as lists, CREATE where nodes are new, MERGE otherwise, several sessions at
    once: the graph is the same whichever way it was reached, and a reload creates nothing."""
    reference = _graph(neo4j_conn)
    store.load(neo4j_conn, [], [], wipe=True)
    first = store.load(neo4j_conn, gold_facts, gold_notices, workers=1, batch_size=13)  # into an empty database
    assert _graph(neo4j_conn) == reference
    assert all(v["created"] == v["merged"] for v in first["relationships"].values())
    for workers in (1, 3):
        again = store.load(neo4j_conn, gold_facts, gold_notices, workers=workers, batch_size=17)
        assert _graph(neo4j_conn) == reference
        assert all(v["created"] == 0 for v in again["nodes"].values())
        assert all(v["created"] == 0 for v in again["relationships"].values())
    # half the facts first, then all: new and existing nodes in the same labels (MERGE)
    store.load(neo4j_conn, [], [], wipe=True)
    units = [f for f in gold_facts if f["kind"] == "unit"]
    others = [f for f in gold_facts if f["kind"] != "unit"]
    store.load(neo4j_conn, units + others[::2], gold_notices, batch_size=9)
    rest = store.load(neo4j_conn, gold_facts, gold_notices, batch_size=9)
    assert _graph(neo4j_conn) == reference
    assert sum(v["created"] for v in rest["relationships"].values()) > 0
    # facts without their notices: the Notice rows carry only the document number, and
    # the stored titles, dates and sources stay
    store.load(neo4j_conn, gold_facts, [])
    assert _graph(neo4j_conn) == reference


@db
def test_reload_removes_a_property_the_fact_no_longer_has(neo4j_conn, loaded, gold_facts, gold_notices):
    """A property set to null by the new facts is removed, as ``SET x += {k: null}`` did."""
    reference = _graph(neo4j_conn)
    i = next(i for i, f in enumerate(gold_facts) if f["kind"] == "post" and not f.get("note"))
    changed = list(gold_facts)
    changed[i] = dict(gold_facts[i], note="a note")
    store.load(neo4j_conn, changed, gold_notices)
    rid = fact_id(gold_facts[i])
    _, rows = store.run_cypher(neo4j_conn, "MATCH ()-[h:HOLDS {id: $id}]->() RETURN h.note AS note", {"id": rid})
    assert rows == [{"note": "a note"}]
    store.load(neo4j_conn, gold_facts, gold_notices)
    assert _graph(neo4j_conn) == reference


@db
def test_a_reload_merges_the_relationships_it_does_not_find(neo4j_conn, loaded, gold_facts, gold_notices):
    """A reload finds and updates the relationships already there side by side, then MERGEs
    the ones it did not find: one deleted by hand between two loads is written again, once."""
    reference = _graph(neo4j_conn)
    post = next(f for f in gold_facts if f["kind"] == "post")
    store.run_cypher(neo4j_conn, "MATCH ()-[h:HOLDS {id: $id}]->() DELETE h", {"id": fact_id(post)})
    again = store.load(neo4j_conn, gold_facts, gold_notices, batch_size=5)
    assert {t: v["created"] for t, v in again["relationships"].items() if v["created"]} == {"HOLDS": 1}
    assert _graph(neo4j_conn) == reference


@db
def test_rowwise_baseline_builds_the_same_graph(neo4j_conn, loaded, gold_facts, gold_notices):
    batched = store.counts(neo4j_conn)
    store.load(neo4j_conn, [], [], wipe=True)
    summary = store.load_rowwise(neo4j_conn, gold_facts, gold_notices)
    assert store.counts(neo4j_conn) == batched
    assert sum(v["created"] for v in summary["relationships"].values()) == sum(batched["relationships"].values())


@db
def test_progress_and_warnings(neo4j_conn, gold_facts, gold_notices):
    calls = []
    bad = {"kind": "post", "doc": "阳政办〔2018〕9号", "person": "某人"}  # no unit, no title
    summary = store.load(
        neo4j_conn, gold_facts + [bad], gold_notices[:1], wipe=True, batch_size=40,
        progress=lambda step, done, total: calls.append((step, done, total)),
    )  # fmt: skip
    assert any("skipped a post fact" in w for w in summary["warnings"])
    assert any("no notice given" in w for w in summary["warnings"])  # only one notice passed
    steps = Counter(s for s, _, _ in calls)
    assert steps["Task"] == -(-146 // 40)  # ceil: one call per batch
    last = {s: (d, t) for s, d, t in calls}
    assert all(d == t for d, t in last.values())
    assert store.counts(neo4j_conn)["nodes"]["Notice"] == 7  # bare Notice nodes for the others


# --------------------------------------------------------------------------- queries and errors


@db
def test_run_cypher_values(neo4j_conn, loaded):
    cols, rows = store.run_cypher(
        neo4j_conn,
        "MATCH (p:Person {name: $n})-[h:HOLDS]->(post:Post) RETURN p, h, date($d) AS d ORDER BY h.as_of LIMIT 1",
        {"n": XU, "d": "2018-04-12"},
    )
    assert cols == ["p", "h", "d"]
    assert rows[0]["p"]["name"] == XU and rows[0]["p"]["_labels"] == ["Person"]
    assert rows[0]["h"]["_type"] == "HOLDS" and rows[0]["d"] == "2018-04-12"
    with pytest.raises(QueryError) as e:
        store.run_cypher(neo4j_conn, "MATCH (n RETURN n", {})
    assert "\n" not in str(e.value) and "SyntaxError" in str(e.value)


def _closed_port() -> int:
    s = socket.socket()
    s.bind(("127.0.0.1", 0))
    port = s.getsockname()[1]
    s.close()
    return port


@pytest.mark.neo4j
def test_server_down_is_one_line():
    port = _closed_port()
    with pytest.raises(Neo4jError) as e:
        store.connect(uri=f"bolt://127.0.0.1:{port}")
    assert str(e.value) == f"cannot reach Neo4j at bolt://127.0.0.1:{port}: connection refused"
    with pytest.raises(Neo4jError, match="not a Neo4j Bolt URI"):
        store.connect(uri="http://127.0.0.1:7474")


@db
def test_unknown_database(neo4j_uri):
    with pytest.raises(Neo4jError) as e:
        store.connect(uri=neo4j_uri, database="nosuchdb")
    assert str(e.value) == "Neo4j has no database 'nosuchdb'"


@db
def test_env_defaults(neo4j_uri, monkeypatch):
    monkeypatch.setenv("NEO4J_URI", neo4j_uri)
    monkeypatch.setenv("NEO4J_DATABASE", "otherdb")
    with pytest.raises(Neo4jError, match="no database 'otherdb'"):
        store.connect()
    monkeypatch.delenv("NEO4J_DATABASE")
    with store.connect() as conn:
        assert conn.uri == neo4j_uri and conn.server_agent.startswith("Neo4j/")


@pytest.fixture(scope="module")
def auth_server(tmp_path_factory):
    """A second local server with authentication on (user neo4j, initial password
    'neo4j', not yet changed), on a free port; stopped afterwards."""
    if shutil.which("java") is None:
        pytest.skip(JAVA_MISSING)
    port = _closed_port()
    env = {**os.environ, "NEO4J_PORT": str(port), "NEO4J_LOCAL_AUTH": "on"}
    env.pop("NEO4J_URI", None)
    p = subprocess.run([str(NEO4J_LOCAL), "start", "--fresh"], env=env, capture_output=True, text=True, timeout=900)
    if p.returncode != 0:
        pytest.fail(f"could not start a Neo4j with auth on:\n{p.stderr[-3000:]}", pytrace=False)
    yield f"bolt://127.0.0.1:{port}"
    subprocess.run([str(NEO4J_LOCAL), "stop"], env=env, capture_output=True, text=True, timeout=120)
    home = Path(os.environ.get("GOVGRAPH_NEO4J_HOME") or NEO4J_LOCAL.parents[1] / ".neo4j")
    shutil.rmtree(home / "data" / str(port), ignore_errors=True)
    for suffix in (".log", ".lock", ".pid"):
        (home / f"neo4j-{port}{suffix}").unlink(missing_ok=True)


@db
def test_bad_credentials(auth_server):
    with pytest.raises(Neo4jError) as e:
        store.connect(uri=auth_server, user="neo4j", password="wrong-password")
    assert str(e.value) == "Neo4j refused the credentials for user 'neo4j'"
    with pytest.raises(Neo4jError) as e:
        store.connect(uri=auth_server, user="neo4j", password="neo4j")
    assert str(e.value) == "Neo4j requires a new password for user 'neo4j' before use (credentials expired)"
