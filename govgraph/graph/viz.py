"""Interactive offline HTML (pyvis / vis-network) and a static PNG of the network.

``render_html`` writes one self-contained UTF-8 page: vis-network 9.1.2 and
its CSS (shipped inside the pyvis wheel) plus govgraph's own script and style
(``assets/``) are inlined, and a Content-Security-Policy forbids every fetch,
so the page works with no network.

Why not pyvis's own template: with ``cdn_resources="in_line"`` pyvis 0.3.2
does inline vis-network's JS/CSS, but its ``template.html`` always links
Bootstrap 5 (CSS and JS) from cdn.jsdelivr.net, ``"local"`` still loads
vis-network from cdnjs and copies ``lib/`` into the working directory,
the heading is rendered without HTML escaping (Jinja autoescape off), and
``write_html`` writes in the locale's encoding.  So pyvis builds the node and
edge lists (``pyvis.network.Network``) and this module renders them with its
own template, writing the file itself as UTF-8.

All data goes into the page as JSON inside ``<script type="application/json">``
with ``<``, ``>``, ``&`` and U+2028/9 escaped, and the page script inserts names
with ``textContent`` only, so names holding quotes, ``<script>``, braces or
backslashes show as text.

Page features: nodes coloured and shaped by type, sized by load; edges
labelled with the role (post holdings with their dates); hover tooltips with
the evidence quote and notice; legend with type checkboxes; notice filter;
search box; physics that stabilises and then stops.  The URL hash
``#types=person,unit&doc=<doc>&q=<name>`` presets filters and search, and
``window.govgraph.applyFilter({types: [...], doc: "..."})`` does it from JS.
The element ``#gg-status`` carries ``data-ready``, ``data-total``,
``data-visible`` ... for tests.
"""

from __future__ import annotations

import html
import json
import math
import re
import warnings
from collections import defaultdict
from pathlib import Path

import networkx as nx

from govgraph import kinds
from govgraph.graph.network import subgraph

__all__ = ["type_styles", "render_html", "render_png", "page_data", "safe_json"]



def type_styles() -> dict[str, tuple[str, str, str]]:
    """Node type -> (colour, vis shape, legend label), as the node types declare them
    (``govgraph/kinds.toml`` ``[nodes.*] style``; registered kinds included).

    >>> type_styles()["unit"]
    ('#4e79a7', 'square', '单位 unit')
    """
    return {name: (n.style.colour, n.style.shape, n.style.legend) for name, n in kinds.NODES.items()}

_COLLECTIVE_COLOUR = "#a0cbe8"
_REL_LABEL = {
    "in_notice": "",
    "sub_unit_of": "下属",
    "member_unit_of": "成员单位",
    "post_in": "设在",
    "office_in": "设在",
}
_MAX_QUOTE = 240


def safe_json(obj) -> str:
    """JSON that is safe inside ``<script>`` (no ``</script>``, ``<!--``, U+2028 ...).

    >>> safe_json({"a": "</script><b>&'"})
    '{"a": "\\\\u003c/script\\\\u003e\\\\u003cb\\\\u003e\\\\u0026\\'"}'
    """
    s = json.dumps(obj, ensure_ascii=False)
    for ch, esc in (("<", "\\u003c"), (">", "\\u003e"), ("&", "\\u0026"), ("\u2028", "\\u2028"), ("\u2029", "\\u2029")):
        s = s.replace(ch, esc)
    return s


def _clip(text: str | None, n: int = _MAX_QUOTE) -> str:
    text = " ".join((text or "").split())
    return text if len(text) <= n else text[: n - 1] + "…"


def _span(periods: list[str]) -> str:
    """'2018-02-24' / '2018-02-24–2018-04-12' from sorted distinct dates or terms."""
    ps = sorted({p for p in periods if p})
    if not ps:
        return ""
    if len(ps) == 1:
        return ps[0]
    if all("–" not in p for p in ps):
        return f"{ps[0]}…{ps[-1]}"
    return "、".join(ps)


def _node_tip(G: nx.MultiDiGraph, n: str, d: dict, legend: str) -> list[list[str]]:
    t = d["type"]
    tip = [["b", d["label"]], ["meta", legend + (f" · {d['unit_type']}" if d.get("unit_type") else "")
                                 + (f" · {d['place']}" if d.get("place") else "")]]
    if t == "task":
        tip.append(["div", d.get("text") or ""])
        lead = [G.nodes[u]["label"] for u, _, e in G.in_edges(n, data=True) if e["rel"] == "leads"]
        resp = [G.nodes[u]["label"] for u, _, e in G.in_edges(n, data=True) if e["rel"] == "responsible_for"]
        if lead:
            tip.append(["meta", "牵头: " + "、".join(lead)])
        if resp:
            tip.append(["meta", "责任: " + "、".join(resp)])
        if d.get("due"):
            tip.append(["meta", "时限: " + d["due"]])
    elif t == "notice":
        for k in ("title", "date", "issuer"):
            if d.get(k):
                tip.append(["div", str(d[k])])
    elif t in ("unit", "person", "group", "post"):
        tip.append(["meta", f"负荷 load: {d.get('load', 0)}"])
    quotes = [(e.get("doc"), e.get("quote")) for *_, e in G.out_edges(n, data=True) if e.get("quote")]
    for doc, q in quotes[:2]:
        tip.append(["quote", f"{_clip(q)}"])
        tip.append(["meta", f"— {doc}"])
    if d.get("docs"):
        tip.append(["meta", "文件: " + "、".join(d["docs"][:6]) + ("…" if len(d["docs"]) > 6 else "")])
    return tip


def page_data(G: nx.MultiDiGraph, *, title: str | None = None, focus: str | None = None) -> dict:
    """The JSON the page draws: vis nodes/edges (built with pyvis), legend, notices, options."""
    from pyvis.network import Network

    net = Network(directed=True, cdn_resources="in_line")
    n_nodes = G.number_of_nodes()
    styles = type_styles()
    for n, d in G.nodes(data=True):
        t = d["type"]
        colour, shape, legend = styles[t]
        if t == "unit" and d.get("unit_type") == "collective":
            colour = _COLLECTIVE_COLOUR
        size = 8 + 5 * math.sqrt(d.get("load") or 0) if t != "task" else 7
        full = d.get("text") if t == "task" else None
        net.add_node(
            n, label=d["label"] or n, shape=shape, color=colour, size=round(size, 1),
            gtype=t, docs=list(d.get("docs") or ()), tip=_node_tip(G, n, d, legend),
            **({"full": full} if full else {}),
        )
    # one drawn edge per (u, v, rel): parallel facts are merged, their roles, docs and quotes listed
    merged: dict[tuple, list[dict]] = defaultdict(list)
    for u, v, d in G.edges(data=True):
        merged[(u, v, d["rel"])].append(d)
    for i, ((u, v, rel), ds) in enumerate(merged.items()):
        docs = sorted({d["doc"] for d in ds if d.get("doc")})
        roles = list(dict.fromkeys(d["role"] for d in ds if d.get("role")))
        if rel == "holds":
            label = " ".join(x for x in ("、".join(roles), _span([d.get("period") or "" for d in ds])) if x)
        else:
            label = "、".join(roles) or _REL_LABEL.get(rel, rel)
        tip = [["b", f"{G.nodes[u]['label']} → {G.nodes[v]['label']}"], ["meta", rel + (" · " + "、".join(roles) if roles else "")]]
        for d in ds[:4]:
            if d.get("quote"):
                tip.append(["quote", _clip(d["quote"])])
            if d.get("doc"):
                tip.append(["meta", "— " + d["doc"] + (f" ({d['period']})" if d.get("period") else "")])
        if len(ds) > 4:
            tip.append(["meta", f"… +{len(ds) - 4}"])
        net.add_edge(u, v, id=f"e{i}", label=label, rel=rel, docs=docs, tip=tip, arrows="to")
    docs = []
    for n, d in sorted(G.nodes(data=True), key=lambda x: x[0]):
        if d["type"] == "notice":
            docs.append({"doc": d["doc"], "title": d.get("title"), "date": d.get("date")})
    counts: dict[str, int] = defaultdict(int)
    for _, d in G.nodes(data=True):
        counts[d["type"]] += 1
    types = [
        {"type": t, "color": c, "shape": s, "label": lab, "count": counts[t]}
        for t, (c, s, lab) in styles.items()
        if counts.get(t)
    ]
    return {
        "title": title,
        "focus": focus,
        "nodes": net.nodes,
        "edges": net.edges,
        "types": types,
        "docs": docs,
        "timeline": _timeline(G, focus),
        "options": _options(n_nodes, G.number_of_edges()),
    }


def _timeline(G: nx.MultiDiGraph, focus: str | None) -> list[list[str]] | None:
    """Rows [period, post, doc] of a focused person's post holdings, oldest first."""
    if not focus or focus not in G or G.nodes[focus]["type"] != "person":
        return None
    rows = []
    for _, post, d in G.out_edges(focus, data=True):
        if d["rel"] == "holds":
            rows.append([d.get("start") or d.get("as_of") or "", d.get("period") or "", G.nodes[post]["label"], d.get("doc") or ""])
    rows.sort()
    return [r[1:] for r in rows]


def _options(n_nodes: int, n_edges: int) -> dict:
    big = n_nodes > 300
    iterations = 600 if n_nodes <= 200 else 300 if n_nodes <= 600 else 200
    return {
        "autoResize": True,
        "layout": {"improvedLayout": n_nodes <= 150, "randomSeed": 7},
        "nodes": {"font": {"size": 12, "face": "Noto Sans CJK SC, Microsoft YaHei, sans-serif"}, "borderWidth": 1},
        "edges": {
            "arrows": {"to": {"enabled": True, "scaleFactor": 0.4}},
            "color": {"color": "#9aa0a6", "highlight": "#333", "hover": "#555", "inherit": False},
            "font": {"size": 9, "align": "middle", "color": "#555", "strokeWidth": 2},
            "smooth": False if big else {"type": "continuous"},
            "width": 0.8,
        },
        "interaction": {"hover": True, "tooltipDelay": 120, "hideEdgesOnDrag": big, "navigationButtons": False},
        "physics": {
            "enabled": True,
            "solver": "forceAtlas2Based",
            "forceAtlas2Based": {"gravitationalConstant": -60, "springLength": 90, "avoidOverlap": 0.2},
            "stabilization": {"enabled": True, "iterations": iterations, "updateInterval": 25, "fit": True},
        },
    }


_ASSETS = Path(__file__).with_name("assets")


def _asset(name: str) -> str:
    return (_ASSETS / name).read_text(encoding="utf-8")


def _vis_asset(name: str) -> str:
    import pyvis

    return (Path(pyvis.__file__).parent / "templates" / "lib" / "vis-9.1.2" / name).read_text(encoding="utf-8")


def _select(G, focus, depth, doc, types) -> nx.MultiDiGraph:
    if focus is None and doc is None and types is None:
        return G
    return subgraph(G, focus=focus, depth=depth, doc=doc, types=types)


def render_html(
    G: nx.MultiDiGraph,
    path,
    *,
    focus: str | None = None,
    depth: int = 1,
    doc: str | None = None,
    types=None,
    title: str | None = None,
) -> dict:
    """Write an offline interactive page of ``G`` (or of its subgraph) to ``path``.

    ``focus``/``depth``/``doc``/``types`` select a subgraph as in
    ``govgraph.graph.network.subgraph`` (``UnknownNodeError`` for an unknown focus).
    Returns stats: ``path``, ``nodes``, ``edges`` (drawn, parallel facts
    merged), ``types`` (count per type), ``docs``, ``focus``, ``bytes``.
    """
    H = _select(G, focus, depth, doc, types)
    focus_id = H.graph.get("focus")
    if title is None:
        title = "govgraph 关系图" + (f" · {H.nodes[focus_id]['label']}" if focus_id else "") + (f" · {doc}" if doc else "")
    data = page_data(H, title=title, focus=focus_id)
    parts = {
        "VIS_CSS": _vis_asset("vis-network.css"),
        "VIS_JS": _vis_asset("vis-network.min.js"),
        "GG_CSS": _asset("viz.css"),
        "GG_JS": _asset("viz.js"),
        "TITLE": html.escape(title),
        "DATA": safe_json(data),
    }
    # one pass: text put in is never scanned again for placeholders
    page = re.sub(r"@@([A-Z_]+)@@", lambda m: parts[m.group(1)], _asset("template.html"))
    out = Path(path)
    out.parent.mkdir(parents=True, exist_ok=True)
    out.write_text(page, encoding="utf-8")
    counts: dict[str, int] = defaultdict(int)
    for _, d in H.nodes(data=True):
        counts[d["type"]] += 1
    return {
        "path": str(out),
        "nodes": len(data["nodes"]),
        "edges": len(data["edges"]),
        "types": dict(counts),
        "docs": [d["doc"] for d in data["docs"]],
        "focus": focus_id,
        "bytes": len(page.encode("utf-8")),
    }


def _cjk_font() -> str | None:
    from matplotlib import font_manager

    names = sorted({f.name for f in font_manager.fontManager.ttflist})
    wanted = ("Noto Sans CJK SC", "Noto Sans CJK", "Source Han Sans", "WenQuanYi", "SimHei", "Microsoft YaHei",
              "PingFang", "Noto Serif CJK SC", "Noto Serif CJK", "AR PL")
    for w in wanted:
        for name in names:
            if name.startswith(w):
                return name
    return None


def render_png(
    G: nx.MultiDiGraph,
    path,
    *,
    focus: str | None = None,
    depth: int = 1,
    doc: str | None = None,
    types=None,
    title: str | None = None,
    labels: int = 25,
    dpi: int = 150,
) -> dict:
    """A static picture for reports (matplotlib, spring layout, seed fixed).

    Colours follow ``type_styles()``; node size follows load; the ``labels``
    busiest people, units and groups are labelled when a CJK font is
    installed (none: no labels rather than empty boxes).  Returns stats:
    ``path``, ``nodes``, ``edges``, ``labelled``, ``font``.
    """
    from matplotlib.figure import Figure  # no pyplot: no global backend or figure state

    H = _select(G, focus, depth, doc, types)
    U = nx.Graph(H.to_undirected(as_view=True))
    pos = nx.spring_layout(U, seed=7, k=3 / math.sqrt(max(len(U), 1)), iterations=100) if len(U) else {}
    font = _cjk_font()
    fig = Figure(figsize=(12, 9))
    ax = fig.add_subplot()
    ax.set_axis_off()
    marker = {"dot": "o", "square": "s", "hexagon": "h", "diamond": "D", "triangle": "^", "star": "*"}
    nx.draw_networkx_edges(U, pos, ax=ax, edge_color="#bbbbbb", width=0.5)
    for t, (colour, shape, lab) in type_styles().items():
        ns = [n for n in U if H.nodes[n]["type"] == t]
        if ns:
            nx.draw_networkx_nodes(
                U, pos, nodelist=ns, ax=ax, node_color=colour, node_shape=marker.get(shape, "o"),
                node_size=[30 + 25 * (H.nodes[n].get("load") or 0) ** 0.8 for n in ns], label=lab, linewidths=0.3,
                edgecolors="#333333",
            )
    labelled = 0
    with warnings.catch_warnings():
        warnings.simplefilter("ignore")  # missing glyphs must not leak out of the library
        if font and labels:
            named = [n for n in U if H.nodes[n]["type"] in ("person", "unit", "group")]
            top = sorted(named, key=lambda n: (-(H.nodes[n].get("load") or 0), n))[:labels]
            nx.draw_networkx_labels(U, pos, {n: H.nodes[n]["label"] for n in top}, ax=ax, font_size=7, font_family=font)
            labelled = len(top)
        ax.legend(loc="lower left", fontsize=8, markerscale=0.5, prop={"family": font} if font else None)
        if title:
            ax.set_title(title, fontfamily=font) if font else ax.set_title(title)
        out = Path(path)
        out.parent.mkdir(parents=True, exist_ok=True)
        fig.savefig(out, dpi=dpi, bbox_inches="tight")
    return {"path": str(out), "nodes": U.number_of_nodes(), "edges": U.number_of_edges(), "labelled": labelled, "font": font}
