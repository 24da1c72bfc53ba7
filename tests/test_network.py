"""networkx projection, analytics and the offline HTML page (no browser here)."""

from __future__ import annotations

import json
import os
import re
from pathlib import Path

import pytest

from govgraph.errors import GovGraphError
from govgraph.facts import read_facts
from govgraph.graph.analytics import centrality, components, interlocks, overload
from govgraph.graph.network import (
    NODE_TYPES,
    RELS,
    build_network,
    collective_members,
    person_group,
    person_unit,
    resolve_node,
    subgraph,
    unit_coresponsibility,
)
from govgraph.identity import UnitIndex
from govgraph.graph.viz import render_html, render_png, safe_json
from govgraph.notice import Notice

ROOT = Path(__file__).resolve().parents[1]
GOLD = ROOT / "data" / "gold"
DOC10 = "阳政办〔2018〕10号"
EVIL = '</script><script>window.PWNED=1</script>"\'{x}\\ <b>&amp;'


@pytest.fixture(scope="module")
def facts():
    return list(read_facts(GOLD))


@pytest.fixture(scope="module")
def G(facts):
    return build_network(facts)


def rows_by(table, key):
    cols, rows = table
    assert all(set(r) == set(cols) for r in rows)
    return {r[key]: r for r in rows}


# ----------------------------------------------------------------- the graph


def test_node_and_edge_types(G):
    types = {d["type"] for _, d in G.nodes(data=True)}
    assert types == {"person", "unit", "group", "task", "notice", "post"}
    rels = {d["rel"] for *_, d in G.edges(data=True)}
    assert rels == {"holds", "post_in", "member_of", "leads", "responsible_for", "sub_unit_of", "member_unit_of", "in_notice",
                    "office_in"}
    assert rels == set(RELS) and types == set(NODE_TYPES)
    assert G.graph["warnings"] == []  # every unit in the gold resolves
    assert all(isinstance(d["docs"], list) and "label" in d for _, d in G.nodes(data=True))
    assert sum(1 for _, d in G.nodes(data=True) if d["type"] == "task") == 146
    assert sum(1 for _, d in G.nodes(data=True) if d["type"] == "notice") == 7


def test_units_resolve_to_canonical(G):
    assert "unit:区科技经信局" not in G and "unit:区科技和经信局" in G
    assert "unit:汉阳控股集团有限公司" not in G
    assert "post:汉阳控股|董事长" in G
    assert "unit:区城管委(交通运输局)" not in G  # membership alias
    assert resolve_node(G, "区发展和改革委员会") == "unit:区发改委"
    # catalogue structure: parent and collective members
    assert ("unit:区交通大队", "unit:公安汉阳分局") in {(u, v) for u, v, d in G.edges(data=True) if d["rel"] == "sub_unit_of"}
    assert len(collective_members(G, "unit:各街办事处")) == 11


def test_group_named_as_assignee_is_the_group(G):
    g = "group:区“红色物业”工作领导小组"
    assert "unit:区“红色物业”工作领导小组" not in G
    assert [d["rel"] for _, _, d in G.out_edges(g, data=True) if d["rel"] == "responsible_for"] == ["responsible_for"]


def test_post_edges_carry_dates_and_evidence():
    f = {"kind": "post", "doc": "D1", "person": "甲", "unit": "区X局", "title": "局长", "start": "2015-08", "end": "2017-03",
         "evidence": {"text": "甲（任期2015年8月至2017年3月）", "start": 3, "end": 20}}
    G = build_network([f], [Notice(doc="D1", text="...", title="关于…的通知", date="2018-01-02")])
    (_, post, d), = G.out_edges("person:甲", data=True)
    assert post == "post:区X局|局长" and d["rel"] == "holds" and d["role"] == "局长"
    assert d["period"] == "2015-08–2017-03" and d["quote"].startswith("甲（任期")
    assert G.nodes["notice:D1"]["title"] == "关于…的通知" and G.nodes["notice:D1"]["date"] == "2018-01-02"
    assert G.graph["warnings"] == ["unit not in catalogue: 区X局"]
    assert G.nodes["unit:区X局"]["known"] is False


def test_projections(G):
    P = unit_coresponsibility(G)
    assert P["unit:区发改委"]["unit:区统计局"]["weight"] == 2
    B = person_group(G)
    assert B.degree("person:许才勇") == 2
    assert sorted(B["person:许才勇"]["group:汉阳区两江流域生态环境治理PPP项目领导小组"]["roles"]) == ["副组长", "办公室主任"]
    PU = person_unit(G)
    assert PU["person:许才勇"]["unit:区水务局"] == {"titles": ["局长"], "docs": ["阳政办〔2018〕5号", "阳政办〔2018〕9号"]}


def test_subgraph_focus_person(G):
    H = subgraph(G, "许才勇")
    assert sorted(H.nodes) == [
        "group:区质量强区工作委员会",
        "group:汉阳区两江流域生态环境治理PPP项目领导小组",
        "person:许才勇",
        "post:区水务局|局长",
        "unit:区水务局",
    ]
    periods = sorted(d["period"] for _, _, d in H.out_edges("person:许才勇", data=True) if d["rel"] == "holds")
    assert periods == ["2018-02-24", "2018-04-12"]
    with pytest.raises(KeyError):
        subgraph(G, "没有这个人")
    with pytest.raises(GovGraphError, match="没有这个人"):
        render_html(G, "/nonexistent/x.html", focus="没有这个人")


def test_subgraph_doc_and_types(G, facts):
    H = subgraph(G, doc=DOC10)
    n_tasks = sum(1 for f in facts if f["kind"] == "task" and f["doc"] == DOC10)
    assert sum(1 for _, d in H.nodes(data=True) if d["type"] == "task") == n_tasks == 99
    assert all(d["doc"] in (DOC10, None) for *_, d in H.edges(data=True))
    T = subgraph(G, types=["person", "group"])
    assert {d["type"] for _, d in T.nodes(data=True)} == {"person", "group"}
    assert T.number_of_edges() == sum(1 for u, v, d in G.edges(data=True) if d["rel"] == "member_of" and G.nodes[u]["type"] == "person")


# ----------------------------------------------------------------- analytics


def _count(facts, unit, role, doc=None):
    names = set(UnitIndex(f for f in facts if f["kind"] == "unit").aliases(unit))
    return sum(1 for f in facts if f["kind"] == "task" and (doc is None or f["doc"] == doc) and names & set(f[role]))


def test_overload_counts_on_gold(G, facts):
    # 区发改委 in 阳政办〔2018〕10号: leads 3 tasks, is responsible for 6
    r = rows_by(overload(subgraph(G, doc=DOC10)), "unit")["区发改委"]
    assert (r["led"], r["responsible"], r["total"]) == (3, 6, 9)
    assert r["led"] == _count(facts, "区发改委", "lead", DOC10)
    assert r["responsible"] == _count(facts, "区发改委", "responsible", DOC10)
    assert r["score"] == 3 * 2.0 + 6 * 1.0
    everywhere = rows_by(overload(G), "unit")["区发改委"]
    assert (everywhere["led"], everywhere["responsible"]) == (3, 7)


def test_overload_order_and_stacking(G):
    cols, rows = overload(G)
    assert cols == ["unit", "unit_type", "led", "responsible", "total", "max_same_month", "score"]
    assert rows == sorted(rows, key=lambda r: (-r["score"], -r["total"], r["unit"]))
    assert rows[0]["unit"] == "区科技和经信局" and rows[0]["score"] == 20.0
    cg = rows_by((cols, rows), "unit")["区城管委"]
    assert cg["max_same_month"] == 2 and cg["score"] == 9 + 0.5 * 1
    assert rows_by(overload(G, month_stack=0), "unit")["区城管委"]["score"] == 9


def test_overload_collectives_expansion(G, facts):
    plain = rows_by(overload(G), "unit")
    expanded = rows_by(overload(G, expand_collectives=True), "unit")
    assert plain["晴川街办事处"]["total"] == 6
    assert plain["各街办事处"]["total"] == 12
    # the 12 tasks of 各街办事处 now count for every street office (none overlap its own 6)
    assert expanded["晴川街办事处"]["total"] == 18
    assert expanded["各街办事处"] == plain["各街办事处"]  # the collective keeps its row
    assert expanded["区发改委"] == plain["区发改委"]
    assert "月湖街办事处" not in expanded  # former members do not count


def test_overload_lead_wins_and_once_per_task():
    units = [
        {"kind": "unit", "name": "甲街", "aliases": [], "parent": None, "unit_type": "street_office"},
        {"kind": "unit", "name": "乙街", "aliases": [], "parent": None, "unit_type": "street_office"},
        {"kind": "unit", "name": "各街", "aliases": ["各街道"], "parent": None, "unit_type": "collective", "members": ["甲街", "乙街"]},
    ]
    tasks = [
        {"kind": "task", "doc": "D", "ref": "1", "text": "a", "lead": ["各街道"], "responsible": ["甲街"], "due": "2018-05-31"},
        {"kind": "task", "doc": "D", "ref": "2", "text": "b", "lead": ["甲街"], "responsible": ["各街"], "due": "2018-05-20"},
        {"kind": "task", "doc": "D", "ref": "3", "text": "c", "lead": [], "responsible": ["甲街", "各街"], "due": "2018-05-01"},
    ]
    G = build_network(units + tasks)
    plain = rows_by(overload(G), "unit")
    assert (plain["甲街"]["led"], plain["甲街"]["responsible"], plain["甲街"]["max_same_month"]) == (1, 2, 3)
    assert plain["甲街"]["score"] == 2 + 2 + 0.5 * 2
    assert "乙街" not in plain
    ex = rows_by(overload(G, expand_collectives=True), "unit")
    assert (ex["甲街"]["led"], ex["甲街"]["responsible"]) == (2, 1)  # task 1: lead via 各街 wins
    assert (ex["乙街"]["led"], ex["乙街"]["responsible"]) == (1, 2)
    assert ex["各街"] == plain["各街"]
    custom = rows_by(overload(G, lead_weight=3, support_weight=0.5, month_stack=1), "unit")["甲街"]
    assert custom["score"] == 3 * 1 + 0.5 * 2 + 1 * 2


def test_interlocks(G):
    rows = rows_by(interlocks(G), "member")
    xu = rows["许才勇"]
    assert xu["member_type"] == "person" and xu["n_groups"] == 2
    assert xu["groups"] == "区质量强区工作委员会、汉阳区两江流域生态环境治理PPP项目领导小组"
    assert rows["区科技和经信局"]["member_type"] == "unit"  # via the alias 区科技经信局 in both groups
    assert all(r["n_groups"] >= 2 for r in rows.values())


def test_centrality(G):
    cols, rows = centrality(G, "unit")
    assert cols[:2] == ["name", "tasks"]
    fgw = {r["name"]: r for r in rows}["区发改委"]
    assert fgw["tasks"] == 10 and fgw["partners"] > 0 and 0 <= fgw["betweenness"] <= 1
    cols, rows = centrality(G, kind="person")
    assert {r["name"]: r for r in rows}["许才勇"]["groups"] == 2
    assert rows[0]["name"] == "李艳明"  # links the PPP group and the 招商引资 group
    with pytest.raises(ValueError):
        centrality(G, kind="task")


def test_betweenness_is_estimated_past_its_size_and_said_so(G, monkeypatch):
    """Exact betweenness is a search from every node (hours for the person–group graph of
    100,000 notices): past ``EXACT_BETWEENNESS_NODES`` nodes it is estimated from sampled
    sources, the same every run, with an ``EstimateWarning``."""
    import govgraph.graph.analytics as A
    from govgraph.errors import EstimateWarning

    exact = centrality(G, kind="person")
    monkeypatch.setattr(A, "EXACT_BETWEENNESS_NODES", 10)
    monkeypatch.setattr(A, "BETWEENNESS_SOURCES", 40)
    with pytest.warns(EstimateWarning, match=r"person–group graph \(\d+ nodes\) estimated from 40"):
        first = centrality(G, kind="person")
    with pytest.warns(EstimateWarning):
        assert centrality(G, kind="person") == first
    assert first[0] == exact[0]
    by_name = {r["name"]: r for r in first[1]}
    assert {r["name"] for r in exact[1]} == set(by_name)
    assert all(by_name[r["name"]]["groups"] == r["groups"] for r in exact[1])


def test_an_estimate_is_the_same_whatever_the_hash_seed():
    """The sources of an estimate are drawn from the component's nodes in sorted order, not
    in the order of a set of strings (which Python's hash seed changes from run to run), and
    searched in one order (a grid's many shortest paths add up the same floats): three
    components of named nodes, each past the exact size, in three processes."""
    import subprocess
    import sys

    code = ("import json, warnings, networkx as nx; import govgraph.graph.analytics as A; "
            "A.EXACT_BETWEENNESS_NODES = 10; A.BETWEENNESS_SOURCES = 12; warnings.simplefilter('ignore'); "
            "g = nx.Graph(); nx.add_path(g, [f'p{i:02}' for i in range(30)]); "
            "g.add_edges_from(('hub', f's{i:02}') for i in range(25)); g.add_edges_from((f's{i:02}', f't{i:02}') "
            "for i in range(25)); g.add_edges_from((f'g{a}', f'g{b}') for a, b in "
            "nx.convert_node_labels_to_integers(nx.grid_2d_graph(7, 7)).edges()); "
            "print(json.dumps(sorted(A._betweenness(g, 'test').items())))")
    outs = [subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True,
                           env={**os.environ, "PYTHONHASHSEED": seed}).stdout for seed in ("1", "2", "3")]
    assert outs[0] == outs[1] == outs[2] and json.loads(outs[0])


def test_cli_notes_an_estimate(sample_store, monkeypatch):
    import govgraph.graph.analytics as A
    from typer.testing import CliRunner

    from govgraph.cli import app

    monkeypatch.setattr(A, "EXACT_BETWEENNESS_NODES", 10)
    monkeypatch.setattr(A, "BETWEENNESS_SOURCES", 20)
    out = CliRunner().invoke(app, ["analyze", "centrality", "--of", "person", "--store", str(sample_store.path),
                                   "--format", "json"])
    assert out.exit_code == 0, out.output
    assert "note: betweenness on the person–group graph" in out.stderr
    assert json.loads(out.stdout)[0]["name"]
    out = CliRunner().invoke(app, ["analyze", "centrality", "--store", str(sample_store.path), "--format", "json"])
    assert out.exit_code == 0 and "note:" in out.stderr  # the unit graph too
    monkeypatch.setattr(A, "EXACT_BETWEENNESS_NODES", 100_000)
    out = CliRunner().invoke(app, ["analyze", "centrality", "--store", str(sample_store.path)])
    assert out.exit_code == 0 and "note:" not in out.stderr


def test_components(G):
    cols, rows = components(G)
    assert rows[0]["size"] > 300 and [r["size"] for r in rows] == sorted((r["size"] for r in rows), reverse=True)
    assert sum(r["size"] for r in rows) == sum(1 for _, d in G.nodes(data=True) if d["type"] != "notice")
    assert components(G, include_notices=True)[1][0]["size"] > rows[0]["size"]


# ----------------------------------------------------------------- HTML


def _page_data(html: str) -> dict:
    m = re.search(r'<script id="gg-data" type="application/json">(.*?)</script>', html, re.S)
    return json.loads(m.group(1))


def test_html_is_offline_and_escaped(tmp_path, facts):
    evil = {"kind": "membership", "doc": "阳政办〔2018〕9号", "group": "汉阳区两江流域生态环境治理PPP项目领导小组",
            "member": EVIL, "member_type": "person", "role": "成员",
            "evidence": {"text": "<img src=x onerror=alert(1)>", "start": 0, "end": 5}}
    G = build_network(facts + [evil])
    out = tmp_path / "g.html"
    stats = render_html(G, out, title=EVIL)
    html = out.read_text(encoding="utf-8")
    assert stats["nodes"] == G.number_of_nodes() and stats["bytes"] == len(html.encode("utf-8"))
    # no external resource at all
    assert not re.search(r"<(script|link|img|iframe)[^>]*\s(src|href)\s*=", html, re.I)
    assert "cdn.jsdelivr" not in html and "cdnjs" not in html and "bootstrap" not in html.lower()
    assert "default-src 'none'" in html
    assert "vis.Network" in html and ".vis-network" in html  # vis-network JS and CSS inlined
    # exactly the template's three script elements: the name cannot open or close one
    # (vis-network's own code holds a '"<script>"' literal, so look outside it)
    start = html.index("<script>/**\n * vis-network")
    rest = html[:start] + html[html.index("</script>", start) + 9:]
    assert len(re.findall(r"<script\b", rest)) == 2 and len(re.findall(r"</script>", rest)) == 2
    assert "<img src=x" not in html and "<b>&amp;" not in html
    assert "<title>&lt;/script&gt;&lt;script&gt;window.PWNED=1&lt;/script&gt;&quot;&#x27;{x}\\ &lt;b&gt;&amp;amp;</title>" in html
    data = _page_data(html)
    node = next(n for n in data["nodes"] if n["id"] == "person:" + EVIL)
    assert node["label"] == EVIL  # round-trips intact, shown as text by the page
    assert ["quote", "<img src=x onerror=alert(1)>"] in next(
        e for e in data["edges"] if e["from"] == "person:" + EVIL)["tip"]


def test_safe_json_roundtrip():
    s = {"k": "</script>\u2028<!--&"}
    out = safe_json(s)
    assert "<" not in out and ">" not in out and "&" not in out and "\u2028" not in out
    assert json.loads(out) == s


def test_html_focus_person_timeline(tmp_path, G):
    stats = render_html(G, tmp_path / "xu.html", focus="许才勇")
    assert stats["nodes"] == 5 and stats["focus"] == "person:许才勇"
    data = _page_data((tmp_path / "xu.html").read_text(encoding="utf-8"))
    assert data["timeline"] == [
        ["2018-02-24", "区水务局局长", "阳政办〔2018〕5号"],
        ["2018-04-12", "区水务局局长", "阳政办〔2018〕9号"],
    ]
    holds = next(e for e in data["edges"] if e["rel"] == "holds")
    assert holds["label"] == "局长 2018-02-24…2018-04-12"
    both = next(e for e in data["edges"] if e["to"] == "group:汉阳区两江流域生态环境治理PPP项目领导小组")
    assert both["label"] == "副组长、办公室主任"  # two facts, one drawn edge
    assert {t["type"] for t in data["types"]} == {"person", "post", "unit", "group"}


def test_html_doc_and_types(tmp_path, G):
    stats = render_html(G, tmp_path / "d.html", doc=DOC10, types=["unit", "task"])
    assert set(stats["types"]) == {"unit", "task"} and stats["types"]["task"] == 99


def test_render_png(tmp_path, G):
    pytest.importorskip("matplotlib")
    stats = render_png(G, tmp_path / "g.png", focus="区水务局", depth=1)
    png = (tmp_path / "g.png").read_bytes()
    assert png[:8] == b"\x89PNG\r\n\x1a\n" and stats["nodes"] > 5


# ----------------------------------------------------------------- real extraction


@pytest.fixture(scope="module")
def extracted():
    loaders = pytest.importorskip("govgraph.loaders")
    if not hasattr(loaders, "extract_paths"):
        pytest.skip("govgraph.loaders.extract_paths not there yet")
    return loaders.extract_paths([ROOT / "data" / "000_69f8c657212cfd7a.txt"])


def test_real_extraction_sample(extracted, tmp_path):
    G = build_network(extracted.facts, extracted.notices)
    notices = {n: d for n, d in G.nodes(data=True) if d["type"] == "notice"}
    assert len(notices) == len(extracted.notices) >= 7
    assert notices[f"notice:{DOC10}"]["date"] == "2018-04-13" and notices[f"notice:{DOC10}"]["title"]
    # the same numbers as the gold: 区发改委 leads 3 tasks of 阳政办〔2018〕10号
    assert rows_by(overload(subgraph(G, doc=DOC10)), "unit")["区发改委"]["led"] == 3
    xu = rows_by(interlocks(G), "member")["许才勇"]
    assert xu["n_groups"] == 2 and "区质量强区工作委员会" in xu["groups"]
    # evidence reaches the edges and is a slice of the notice text
    texts = {n.doc: n.text for n in extracted.notices}
    quoted = [d for *_, d in G.edges(data=True) if d.get("quote")]
    assert quoted and all(d["quote"] in texts[d["doc"]] for d in quoted)
    stats = render_html(G, tmp_path / "real.html", focus="许才勇")
    assert stats["types"]["group"] == 2 and stats["types"]["post"] >= 1
