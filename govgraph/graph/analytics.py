"""Analytics over the networkx projection (``govgraph.graph.network``).

Every function takes the graph from ``build_network`` and returns
``(columns, rows)``: the column names and a list of dicts, ready for a table,
CSV or ``pandas.DataFrame(rows, columns=columns)``.

Overload score (see ``docs/analytics.md``)::

    score = lead_weight * led + support_weight * responsible
            + month_stack * sum over months m of max(0, due_m - 1)

where ``led`` / ``responsible`` count the distinct tasks a unit leads / is
responsible for (a unit that leads a task counts as led for it, never both),
and ``due_m`` is the number of its tasks whose deadline falls in month ``m``.
"""

from __future__ import annotations

import warnings
from collections import Counter, defaultdict

import networkx as nx

from govgraph.errors import EstimateWarning
from govgraph.graph.network import task_units, person_group, unit_coresponsibility

__all__ = ["EXACT_BETWEENNESS_NODES", "BETWEENNESS_SOURCES", "overload", "centrality", "interlocks",
           "components"]

Table = tuple[list[str], list[dict]]

EXACT_BETWEENNESS_NODES = 2_000  # exact betweenness (a search from every node, ~n·m) up to this many nodes
BETWEENNESS_SOURCES = 256  # beyond: estimated from this many sources


def _betweenness(G: nx.Graph, what: str) -> dict:
    """Normalised betweenness of the undirected ``G``, one connected component at a time (a
    shortest path never leaves its component, so this is the whole graph's betweenness,
    normalised by its size): exact in a component of at most ``EXACT_BETWEENNESS_NODES``
    nodes, estimated in a larger one from ``BETWEENNESS_SOURCES`` of its nodes as sources,
    drawn with a fixed seed (the same values every run), with an :class:`EstimateWarning`.
    Exact betweenness is a search from every node: for the person–group graph of 10,000
    generated notices, taken whole, ~2–4 minutes; at 100,000 it would take hours.

    >>> g = nx.disjoint_union(nx.path_graph(3), nx.star_graph(3))
    >>> b = _betweenness(g, "test")
    >>> all(abs(b[v] - x) < 1e-12 for v, x in nx.betweenness_centrality(g).items())
    True
    """
    n = len(G)
    out: dict = {}
    estimated: list[int] = []
    for comp in nx.connected_components(G):
        # a copy (searches on a view are several times slower), its nodes and edges in one
        # order whatever the hash seed: the sources of an estimate are drawn from that order,
        # and the searches add up the same floats in the same order
        nodes = sorted(comp)
        H = nx.Graph()
        H.add_nodes_from(nodes)
        H.add_edges_from(G.edges(nodes))
        if len(comp) <= max(EXACT_BETWEENNESS_NODES, BETWEENNESS_SOURCES):  # every node a source: exact
            out.update(nx.betweenness_centrality(H, normalized=False))
        else:
            out.update(nx.betweenness_centrality(H, k=BETWEENNESS_SOURCES, normalized=False, seed=0))
            estimated.append(len(comp))
    if estimated:
        sizes = ", ".join(str(c) for c in sorted(estimated, reverse=True))
        warnings.warn(f"betweenness on the {what} ({n} nodes) estimated from {BETWEENNESS_SOURCES} sources in each "
                      f"component of more than {EXACT_BETWEENNESS_NODES} nodes (sizes {sizes}); exact elsewhere",
                      EstimateWarning, stacklevel=3)
    # networkx's normalisation of an undirected graph: the pairs that could pass through a node
    scale = 2 / ((n - 1) * (n - 2)) if n > 2 else 1.0
    return {v: x * scale for v, x in out.items()}


def overload(
    G: nx.MultiDiGraph,
    expand_collectives: bool = False,
    lead_weight: float = 2.0,
    support_weight: float = 1.0,
    month_stack: float = 0.5,
) -> Table:
    """Task load per canonical unit, with an overload score.

    Counting rule (the same as the SPARQL ``unit-load`` question): per unit,
    ``led`` = distinct tasks where it is in ``lead``, ``responsible`` =
    distinct tasks where it is in ``responsible``, ``total`` = led +
    responsible.  With ``expand_collectives`` a collective's tasks also count
    for each member unit (the closure of membership: a member collective and
    its members too); a task counts
    once per unit, as led if the unit leads it anywhere in the task.  The
    collective keeps its own row.  ``max_same_month`` is the largest number of
    the unit's tasks due in one calendar month.  Rows are ordered by score
    desc, total desc, unit asc.
    """
    led: Counter = Counter()
    resp: Counter = Counter()
    due: dict[str, Counter] = defaultdict(Counter)
    for t, d in G.nodes(data=True):
        if d["type"] != "task":
            continue
        month = (d.get("due") or "")[:7] or None
        for u, role in task_units(G, t, expand_collectives).items():
            if G.nodes[u]["type"] != "unit":
                continue
            (led if role == "lead" else resp)[u] += 1
            if month:
                due[u][month] += 1
    rows = []
    # by node id: two units of one name in two places come in the same order every run
    for u in sorted(set(led) | set(resp)):
        months = due.get(u, Counter())
        stack = sum(max(0, n - 1) for n in months.values())
        score = led[u] * lead_weight + resp[u] * support_weight + month_stack * stack
        rows.append(
            {
                "unit": G.nodes[u]["label"],
                "unit_type": G.nodes[u].get("unit_type"),
                "led": led[u],
                "responsible": resp[u],
                "total": led[u] + resp[u],
                "max_same_month": max(months.values(), default=0),
                "score": round(score, 3),
            }
        )
    rows.sort(key=lambda r: (-r["score"], -r["total"], r["unit"]))
    return ["unit", "unit_type", "led", "responsible", "total", "max_same_month", "score"], rows


def centrality(G: nx.MultiDiGraph, kind: str = "unit") -> Table:
    """Degree and betweenness centrality.

    - ``kind="unit"``: on the unit co-responsibility graph (units linked by
      shared tasks).  ``partners`` = units it shares a task with,
      ``shared_tasks`` = sum of the edge weights, ``tasks`` = its tasks.
    - ``kind="person"``: on the bipartite person–group graph.  ``groups`` =
      groups the person sits in, ``partners`` = other people in those groups.

    ``degree`` is networkx's normalised degree centrality on the projection
    (unit graph) or on the person–person co-membership graph; ``betweenness``
    is normalised betweenness (unweighted) on the unit graph or on the
    bipartite graph (estimated in a component of more than
    ``EXACT_BETWEENNESS_NODES`` nodes: an :class:`EstimateWarning` says so), to four
    significant digits (a graph of many places has values of a millionth).  Ordered by
    betweenness desc (unrounded), degree desc, name asc.
    """
    if kind == "unit":
        P = unit_coresponsibility(G)
        deg = nx.degree_centrality(P) if len(P) > 1 else {n: 0.0 for n in P}
        btw = _betweenness(P, "unit co-responsibility graph")
        rows = [
            (btw[n], {
                "name": P.nodes[n]["label"],
                "tasks": P.nodes[n]["tasks"],
                "partners": P.degree(n),
                "shared_tasks": int(P.degree(n, weight="weight")),
                "degree": round(deg[n], 4),
                "betweenness": _digits(btw[n]),
            })
            for n in P
        ]
        cols = ["name", "tasks", "partners", "shared_tasks", "degree", "betweenness"]
    elif kind == "person":
        B = person_group(G)
        people = [n for n, d in B.nodes(data=True) if d["bipartite"] == 0]
        btw = _betweenness(B, "person–group graph")
        Pp = nx.bipartite.projected_graph(B, people)
        deg = nx.degree_centrality(Pp) if len(Pp) > 1 else {n: 0.0 for n in Pp}
        rows = [
            (btw[n], {
                "name": B.nodes[n]["label"],
                "groups": B.degree(n),
                "partners": Pp.degree(n),
                "degree": round(deg[n], 4),
                "betweenness": _digits(btw[n]),
            })
            for n in people
        ]
        cols = ["name", "groups", "partners", "degree", "betweenness"]
    else:
        raise ValueError(f"kind must be 'unit' or 'person', not {kind!r}")
    rows.sort(key=lambda x: (-x[0], -x[1]["degree"], x[1]["name"]))  # by the unrounded betweenness
    return cols, [r for _, r in rows]


def _digits(x: float) -> float:
    """``x`` to four significant digits: ``_digits(0.000001234567) == 1.235e-06``."""
    return float(f"{x:.4g}")


def interlocks(G: nx.MultiDiGraph) -> Table:
    """People and units that sit in two or more groups (each group counted once).

    Ordered by n_groups desc, member_type, member.
    """
    groups: dict[str, set[str]] = defaultdict(set)
    for u, v, d in G.edges(data=True):
        if d["rel"] == "member_of" and G.nodes[u]["type"] in ("person", "unit"):
            groups[u].add(G.nodes[v]["label"])
    rows = [
        {
            "member": G.nodes[m]["label"],
            "member_type": G.nodes[m]["type"],
            "n_groups": len(gs),
            "groups": "、".join(sorted(gs)),
        }
        for m, gs in groups.items()
        if len(gs) >= 2
    ]
    rows.sort(key=lambda r: (-r["n_groups"], r["member_type"], r["member"]))
    return ["member", "member_type", "n_groups", "groups"], rows


def components(G: nx.MultiDiGraph, include_notices: bool = False, sample: int = 5) -> Table:
    """Connected components (edge direction ignored).

    Notice nodes are left out unless ``include_notices`` (they tie every fact
    of a notice together, which hides the real structure).  ``members`` =
    up to ``sample`` labels, busiest nodes first.  Ordered by size desc.
    """
    nodes = [n for n, d in G.nodes(data=True) if include_notices or d["type"] != "notice"]
    keep = set(nodes)
    U = nx.Graph()  # undirected, one edge a pair: built from the edge list, not copied from views
    U.add_nodes_from(nodes)
    U.add_edges_from((a, b) for a, b in G.edges() if a in keep and b in keep)
    comps = sorted(nx.connected_components(U), key=lambda c: (-len(c), min(c)))
    rows = []
    for i, c in enumerate(comps, 1):
        types = Counter(G.nodes[n]["type"] for n in c)
        top = sorted(c, key=lambda n: (-U.degree(n), G.nodes[n]["label"]))[:sample]
        rows.append(
            {
                "component": i,
                "size": len(c),
                **{f"n_{t}": types.get(t, 0) for t in ("person", "unit", "group", "task", "post")},
                "members": "、".join(G.nodes[n]["label"] for n in top),
            }
        )
    return ["component", "size", "n_person", "n_unit", "n_group", "n_task", "n_post", "members"], rows
