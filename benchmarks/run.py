#!/usr/bin/env python3
"""Benchmarks: how extraction, the store, the canned questions and the Neo4j load scale.

    .venv/bin/python benchmarks/run.py [--sizes 1000,10000] [--repeat 3] [--jobs 2]
        [--extract-only-sizes 100000] [--neo4j] [--neo4j-uri bolt://127.0.0.1:7697]
        [--profile] [--out benchmarks/out/results.json]

Every measurement runs in a fresh child process (``run.py --child TASK``) that reports
its wall time, CPU time and peak RSS (``getrusage``: RUSAGE_SELF for in-process work,
RUSAGE_CHILDREN of the child for the ``govgraph`` CLI and for worker pools, so each
figure belongs to one measurement).  Figures are medians over ``--repeat`` runs.  A
child that runs longer than ``--timeout`` seconds is killed and reported as such.

Corpora come from benchmarks/make_corpus.py (seed 1) and are cached in
benchmarks/out/corpus-<N>-<layout>/.  By default the children import a snapshot of the
committed ``govgraph/`` (``git archive HEAD``, in benchmarks/out/snapshot-<sha>/), so
edits in progress in the checkout neither break nor skew a run; ``--live`` measures the
working tree instead.  ``--neo4j`` WIPES the database it connects to:
point it at a server of its own (see benchmarks/README.md).
"""

from __future__ import annotations

import argparse
import json
import os
import platform
import resource
import shutil
import statistics
import subprocess
import sys
import time
from pathlib import Path

HERE = Path(__file__).resolve().parent
ROOT = HERE.parent
OUT = HERE / "out"
PY = sys.executable
# The CLI, run with whatever govgraph is first on sys.path (the snapshot, or the checkout).
GOVGRAPH = [PY, "-c", "import sys; sys.argv[0] = 'govgraph'; from govgraph.cli import main; main()"]
QUERY_LIMIT_S = 90  # one call of one canned question; slower ones are stopped and reported

TARGETS = {
    "extract_notices_per_s_per_core": 200,
    "build_10k_seconds": 120,
    "build_10k_peak_mb": 2048,
    "query_ms_at_10k": 200,
    "neo4j_rels_per_s": 20000,
    "neo4j_import_rels_per_s": 100000,
    "extract_jobs_speedup": 1.7,  # --jobs N over --jobs 1, back to back (issue 16)
    # issue 16, at 100k notices
    "build_100k_seconds": 600,
    "build_100k_peak_mb": 2048,
    "incremental_100k_seconds": 30,
    "anchored_ms_at_100k": 50,
    "anchored_first_ms_at_100k": 500,
}
ANCHORED = ("appointment-history", "post-holders", "co-responsibility", "person-network", "unit-profile",
            "succession")


# ============================================================================ child side

def _rss_mb(who=resource.RUSAGE_SELF) -> float:
    return round(resource.getrusage(who).ru_maxrss / 1024, 1)  # KiB on Linux


def _cpu(who=resource.RUSAGE_SELF) -> float:
    r = resource.getrusage(who)
    return r.ru_utime + r.ru_stime


def _files(corpus: str) -> list[str]:
    return [str(p) for p in sorted(Path(corpus).rglob("*.txt"))]


def _du(path: Path) -> dict:
    apparent = blocks = 0
    for dirpath, _, names in os.walk(path):
        for n in names:
            st = os.lstat(os.path.join(dirpath, n))
            apparent += st.st_size
            blocks += st.st_blocks * 512
    return {"apparent_mb": round(apparent / 2**20, 2), "disk_mb": round(blocks / 2**20, 2)}


def _quality(ex, corpus_root: Path, examples: int = 5) -> dict:
    from govgraph.evaluate import KINDS, AliasMap, _keys, evaluate
    from govgraph.facts import read_facts

    gold = [f for f in read_facts(corpus_root / "gold") if f["kind"] != "unit"]
    units = list(read_facts(corpus_root / "gold" / "units.jsonl"))
    res = evaluate(ex.facts, gold, units)
    out = {}
    for k, v in res.items():
        out[k] = {x: v[x] for x in ("precision", "recall", "f1", "gold", "pred", "tp")}
        out[k]["missed_examples"] = [list(t) for t in v["missed"][:examples]]
        out[k]["spurious_examples"] = [list(t) for t in v["spurious"][:examples]]
    # evaluate() scores a kind only over the documents the gold has it for; count what
    # the extractor states in the other documents too (spurious, never scored).
    amap = AliasMap(units)
    unscored = {}
    for kind in KINDS:
        g = _keys(gold, amap, kind)
        docs = {k[0] for k in g}
        extra = [k for k in _keys(ex.facts, amap, kind) if k[0] not in docs]
        if extra:
            unscored[kind] = {"count": len(extra), "examples": [list(t) for t in extra[:examples]]}
    out["unscored_spurious"] = unscored
    return out


def child_extract(a: dict) -> dict:
    t = time.perf_counter()
    from govgraph.loaders import extract_paths
    imp = time.perf_counter() - t
    files = _files(a["corpus"])
    nbytes = sum(os.path.getsize(f) for f in files)
    c0, t0 = _cpu(), time.perf_counter()
    ex = extract_paths(files)
    wall, cpu = time.perf_counter() - t0, _cpu() - c0
    out = {"wall_s": wall, "cpu_s": cpu, "import_s": imp, "files": len(files), "bytes": nbytes,
           "notices": len(ex.notices), "facts": len(ex.facts), "errors": len(ex.errors),
           "error_examples": ex.errors[:3], "warnings": len(ex.warnings), "peak_rss_mb": _rss_mb()}
    if a.get("quality"):
        out["quality"] = _quality(ex, Path(a["corpus"]).parent)
    return out


def child_extract_stream(a: dict) -> dict:
    """``iter_extract`` (the streamed form ``govgraph extract`` uses): facts written out
    notice by notice as JSON Lines (to /dev/null), so memory stays bounded."""
    from govgraph.facts import dump_fact
    from govgraph.loaders import iter_extract

    files = _files(a["corpus"])
    nbytes = sum(os.path.getsize(f) for f in files)
    c0, t0 = _cpu(), time.perf_counter()
    notices = facts = errors = 0
    with open(os.devnull, "w", encoding="utf-8") as sink:
        for st in iter_extract(files):
            notices += st.notice is not None
            errors += len(st.errors)
            for f in st.facts:
                sink.write(dump_fact(f) + "\n")
                facts += 1
    return {"wall_s": time.perf_counter() - t0, "cpu_s": _cpu() - c0, "files": len(files), "bytes": nbytes,
            "notices": notices, "facts": facts, "errors": errors, "peak_rss_mb": _rss_mb()}


def child_extract_parallel(a: dict) -> dict:
    """``extract_paths(..., jobs=N)``: N worker processes read, split, place and extract the
    files a piece at a time and build the places' unit catalogues; the parent admits the notices
    in reading order (``main_cpu_s`` is its own CPU time)."""
    from govgraph.loaders import extract_paths

    files = _files(a["corpus"])
    nbytes = sum(os.path.getsize(f) for f in files)
    jobs = int(a["jobs"])
    c0, t0 = _cpu(), time.perf_counter()
    ex = extract_paths([str(f) for f in files], jobs=jobs)
    wall = time.perf_counter() - t0
    return {"wall_s": wall, "cpu_s": _cpu() - c0 + _cpu(resource.RUSAGE_CHILDREN), "main_cpu_s": _cpu() - c0,
            "jobs": jobs,
            "files": len(files), "bytes": nbytes, "notices": len(ex.notices), "facts": len(ex.facts),
            "errors": len(ex.errors), "peak_rss_mb": _rss_mb(), "peak_rss_worker_mb": _rss_mb(resource.RUSAGE_CHILDREN)}


def child_build_cli(a: dict) -> dict:
    store = Path(a["store"])
    shutil.rmtree(store, ignore_errors=True)
    files = _files(a["corpus"])
    cmd = [*GOVGRAPH, "build", *files, "--store", str(store), "-q", "--jobs", str(a.get("jobs", 1))]
    t0 = time.perf_counter()
    p = subprocess.run(cmd, capture_output=True, text=True)
    wall = time.perf_counter() - t0
    r = resource.getrusage(resource.RUSAGE_CHILDREN)
    return {"wall_s": wall, "cpu_s": r.ru_utime + r.ru_stime, "exit": p.returncode,
            "stderr_tail": p.stderr[-400:], "peak_rss_mb": _rss_mb(resource.RUSAGE_CHILDREN),
            "store": _du(store)}


def child_build_breakdown(a: dict) -> dict:
    """The same build in-process, timed per stage (extraction, RDF store)."""
    from govgraph.build import build_store
    from govgraph.graph.rdf_store import Store
    from govgraph.loaders import extract_paths

    store = Path(a["store"])
    shutil.rmtree(store, ignore_errors=True)
    t0 = time.perf_counter()
    ex = extract_paths(_files(a["corpus"]))
    t1 = time.perf_counter()
    rss_after_extract = _rss_mb()
    s = Store.open(store, create=True)
    rep = build_store(s, ex.facts, ex.notices)
    t2 = time.perf_counter()
    return {"extract_s": t1 - t0, "store_build_s": t2 - t1, "quads": rep.quads, "units": rep.units,
            "peak_rss_after_extract_mb": rss_after_extract, "peak_rss_mb": _rss_mb(), "store": _du(store)}


def child_build_incremental(a: dict) -> dict:
    """``govgraph build ADDED --store S --jobs JOBS`` on a copy of the store ``base`` (built from
    the other notices): the incremental build."""
    store = Path(a["store"])
    shutil.rmtree(store, ignore_errors=True)
    shutil.copytree(a["base"], store)
    # the copy's gigabytes written back to disk before the build starts, not during it
    os.sync()
    time.sleep(a.get("settle", 10))
    cmd = [*GOVGRAPH, "build", *_files(a["added"]), "--store", str(store), "-q", "--jobs", str(a.get("jobs", 1))]
    t0 = time.perf_counter()
    p = subprocess.run(cmd, capture_output=True, text=True)
    wall = time.perf_counter() - t0
    r = resource.getrusage(resource.RUSAGE_CHILDREN)
    return {"wall_s": wall, "cpu_s": r.ru_utime + r.ru_stime, "exit": p.returncode,
            "stderr_tail": p.stderr[-400:], "peak_rss_mb": _rss_mb(resource.RUSAGE_CHILDREN)}


def _query_params(q, qp: dict) -> dict:
    """The catalogue's example parameters, with names swapped for ones in this corpus; a
    question about a name is asked in the place the corpus chose them in (a district's unit
    names recur in every district), when the manifest gives one."""
    out = dict(q.example)
    for p in q.params:
        if p.type in ("person", "unit", "title", "group", "month") and (p.required or p.name in out):
            out[p.name] = qp[p.type]
            if p.type in ("person", "unit", "group") and qp.get("place"):
                out["place"] = qp["place"]
    return out


class QueryTimeout(Exception):
    pass


def _limited(fn, limit: float):
    """Run ``fn`` and stop it (SIGALRM) after ``limit`` seconds."""
    import signal

    def stop(*_):
        raise QueryTimeout(f"stopped after {limit:.0f} s")
    old = signal.signal(signal.SIGALRM, stop)
    signal.setitimer(signal.ITIMER_REAL, limit)
    try:
        return fn()
    finally:
        signal.setitimer(signal.ITIMER_REAL, 0)
        signal.signal(signal.SIGALRM, old)


def _timed(fn, repeat: int, slow: float = 5.0, limit: float = QUERY_LIMIT_S):
    """(result, cold seconds, warm seconds list); one warm run when the cold one is slow."""
    t = time.perf_counter()
    res = _limited(fn, limit)
    cold = time.perf_counter() - t
    warm = []
    for _ in range(1 if cold > slow else repeat):
        t = time.perf_counter()
        res = _limited(fn, limit)
        warm.append(time.perf_counter() - t)
    return res, cold, warm


def child_queries(a: dict) -> dict:
    """Time the canned questions on one engine, printing a PARTIAL line after each, so a
    question that has to be killed (time, memory) loses only itself.

    engines: ``govgraph`` (``queries.run``: the embedded store, Oxigraph's engine, the
    project's path: answers the build stored where the catalogue materialises them),
    ``govgraph_live`` (``queries.run(live=True)``: every question evaluated), ``govgraph_rdflib`` (``queries.run(engine="rdflib")``: rdflib's
    engine over the same store), ``rdflib_memory`` (the same SPARQL text and arguments
    on an rdflib in-memory ``Dataset`` holding the same triples)."""
    import pyoxigraph as ox
    from rdflib import Dataset, URIRef

    from govgraph import queries
    from govgraph.graph.rdf_sparql import query_args
    from govgraph.graph.rdf_store import Store
    from govgraph.graph.rdf_terms import PREFIXES, from_ox as _from_ox

    repeat, engine = int(a["repeat"]), a["engine"]
    t0 = time.perf_counter()
    store = Store.open(a["store"])
    out = {"engine": engine, "open_s": time.perf_counter() - t0, "quads": len(store)}
    t0 = time.perf_counter()
    if engine == "rdflib_memory":
        ds = Dataset(default_union=True)
        graphs: dict = {}

        def quads():
            for qd in store.ox:
                g = qd.graph_name.value if isinstance(qd.graph_name, ox.NamedNode) else None
                ctx = graphs.get(g)
                if ctx is None:
                    ctx = graphs[g] = ds.graph(URIRef(g)) if g else ds.default_context
                yield _from_ox(qd.subject), _from_ox(qd.predicate), _from_ox(qd.object), ctx
        ds.addN(quads())
        out["triples_loaded"] = len(ds)
    out["load_s"] = time.perf_counter() - t0
    out["rss_after_load_mb"] = _rss_mb()
    out["names"] = [q.name for q in queries.catalogue()]
    print("SETUP " + json.dumps(out), flush=True)
    wanted = set(a["names"] or out["names"])
    for q in queries.catalogue():
        if q.name not in wanted:
            continue
        params = _query_params(q, a["params"])
        r = {"name": q.name, "params": params}
        try:
            if engine == "govgraph":
                fn = lambda: queries.run(store, q.name, **params)  # noqa: E731
            elif engine == "govgraph_live":
                fn = lambda: queries.run(store, q.name, live=True, **params)  # noqa: E731
            elif engine == "govgraph_rdflib":
                fn = lambda: queries.run(store, q.name, engine="rdflib", **params)  # noqa: E731
            else:
                args, limit = queries.bind(store, q, params)
                args = queries.arguments(q, args)  # what queries.run passes too

                def fn(text=q.text, args=args, limit=limit):
                    with query_args(args):  # what gg:arg("name") returns in rdflib's engine
                        rows = list(ds.query(text, initNs=PREFIXES))
                    return rows[:limit] if limit is not None else rows
            res, cold, warm = _timed(fn, repeat, limit=float(a.get("limit_s", QUERY_LIMIT_S)))
            r.update({"rows": len(res), "cold_ms": cold * 1e3, "warm_ms": [w * 1e3 for w in warm],
                      "median_ms": statistics.median(warm) * 1e3})
        except BaseException as e:  # a timeout or an error: report it, go on with the others
            if isinstance(e, KeyboardInterrupt):
                raise
            r["error"] = f"{type(e).__name__}: {e}"[:300]
        r["rss_mb"] = _rss_mb()
        print("PARTIAL " + json.dumps(r, ensure_ascii=False), flush=True)
    out["peak_rss_mb"] = _rss_mb()
    return out


def _server_cpu(uri: str) -> float | None:
    """CPU seconds so far of the server scripts/neo4j-local runs on the port of ``uri``
    (its pid file; None for another server)."""
    from urllib.parse import urlsplit

    home = Path(os.environ.get("GOVGRAPH_NEO4J_HOME") or ROOT / ".neo4j")
    try:
        pid = int((home / f"neo4j-{urlsplit(uri).port or 7687}.pid").read_text())
        fields = Path(f"/proc/{pid}/stat").read_text().rsplit(")", 1)[1].split()
    except (OSError, ValueError):
        return None
    return (int(fields[11]) + int(fields[12])) / os.sysconf("SC_CLK_TCK")


def child_neo4j(a: dict) -> dict:
    from govgraph.graph import neo4j_store as N
    from govgraph.graph.projection import project
    from govgraph.loaders import extract_paths

    ex = extract_paths(_files(a["corpus"]))
    conn = N.connect(uri=a["uri"])
    repeat, bs = int(a["repeat"]), int(a["batch_size"])
    out = {"server": conn.server_agent, "batch_size": bs, "runs": []}

    def wipe():
        N.load(conn, [], [], wipe=True)

    def timed_load(facts, notices, rowwise=False):
        server0, cpu0, t0 = _server_cpu(a["uri"]), _cpu(), time.perf_counter()
        # this run's extraction: trusted, as the store's records are for `govgraph neo4j load`
        s = N.load_rowwise(conn, facts, notices) if rowwise else N.load(conn, facts, notices, batch_size=bs,
                                                                          trusted=True)
        wall = time.perf_counter() - t0
        server1 = _server_cpu(a["uri"])
        rels = sum(v["merged"] for v in s["relationships"].values())
        nodes = sum(v["merged"] for v in s["nodes"].values())
        py = _cpu() - cpu0
        server = None if server0 is None or server1 is None else server1 - server0
        return {"wall_s": wall, "relationships": rels, "nodes": nodes, "rels_per_s": rels / wall,
                "rows_per_s": (rels + nodes) / wall, "python_cpu_s": py, "server_cpu_s": server,
                # on a shared machine: relationships per CPU-second of client and server
                "rels_per_cpu_s": None if server is None else rels / (py + server)}

    t0 = time.perf_counter()
    project(ex.facts, ex.notices, trusted=True)  # the Python side alone (ids, unit resolution)
    out["plan_s"] = time.perf_counter() - t0
    for _ in range(repeat):
        wipe()
        out["runs"].append(timed_load(ex.facts, ex.notices))
    out["reload_unchanged"] = timed_load(ex.facts, ex.notices)  # MERGE over an existing graph
    out["counts"] = N.counts(conn)
    # Row-by-row baseline on a subset (one MERGE and one transaction per row); the batched
    # load of the same subset in the same run for the ratio.
    k = int(a["rowwise_notices"])
    docs = {n.doc for n in ex.notices[:k]}
    sub_f = [f for f in ex.facts if f["kind"] == "unit" or f.get("doc") in docs]
    sub_n = ex.notices[:k]
    wipe()
    out["subset_batched"] = timed_load(sub_f, sub_n)
    wipe()
    out["subset_rowwise"] = timed_load(sub_f, sub_n, rowwise=True)
    out["subset_notices"] = len(sub_n)
    wipe()
    conn.close()
    out["peak_rss_mb"] = _rss_mb()
    return out


def child_neo4j_import(a: dict) -> dict:
    """The bulk path (``neo4j_import.bulk_import``: CSV, then ``scripts/neo4j-local import``,
    which stops the server on the port of ``uri``, runs neo4j-admin's importer over its
    database and starts it again; then constraints through Bolt), ``repeat`` times.  Wall
    and CPU seconds of the CSV writing (this process) apart from the import (the importer
    JVM, a waited-for child of the script: RUSAGE_CHILDREN; the restarted server is not
    waited for, its start-up CPU is not counted, its wall time is)."""
    import tempfile
    from urllib.parse import urlsplit

    from govgraph.graph import neo4j_store as N
    from govgraph.graph.neo4j_import import bulk_import
    from govgraph.graph.neo4j_write import gc_paused
    from govgraph.graph.projection import project
    from govgraph.loaders import extract_paths

    ex = extract_paths(_files(a["corpus"]))
    t0 = time.perf_counter()
    with gc_paused():
        projection = project(ex.facts, ex.notices, trusted=True)
    out = {"plan_s": time.perf_counter() - t0, "runs": []}
    u = urlsplit(a["uri"])
    env = {**os.environ, "NEO4J_HOST": u.hostname or "127.0.0.1", "NEO4J_PORT": str(u.port or 7687)}
    for _ in range(int(a["repeat"])):
        with tempfile.TemporaryDirectory(prefix="neo4j-import-", dir=a.get("tmp")) as tmp:
            cpu0, kids0, w0 = _cpu(), _cpu(resource.RUSAGE_CHILDREN), time.perf_counter()
            s = bulk_import(projection, tmp, [str(ROOT / "scripts" / "neo4j-local"), "import"],
                            lambda: N.connect(uri=a["uri"]), uri=a["uri"], env=env)
            wall = time.perf_counter() - w0
            csv_mb = sum(f.stat().st_size for f in Path(tmp).iterdir()) / 2**20
        rels, nodes = sum(s["relationships"].values()), sum(s["nodes"].values())
        sec = s["seconds"]
        out["runs"].append({
            "relationships": rels, "nodes": nodes, "wall_s": wall, "csv_s": sec["csv"], "csv_mb": round(csv_mb, 1),
            "import_s": sec["import"], "importer_s": sec.get("importer"), "after_s": sec["after"],
            "python_cpu_s": _cpu() - cpu0, "importer_cpu_s": _cpu(resource.RUSAGE_CHILDREN) - kids0,
            "rels_per_s": rels / wall, "rels_per_importer_s": rels / sec["importer"] if sec.get("importer") else None})
        r = out["runs"][-1]  # per CPU-second of this process and the importer (the restarted server's not counted)
        r["rels_per_cpu_s"] = rels / (r["python_cpu_s"] + r["importer_cpu_s"])
    out["peak_rss_mb"] = _rss_mb()
    return out


def child_profile(a: dict) -> dict:
    """cProfile of one stage; the top functions by cumulative and by own time."""
    import cProfile
    import io
    import pstats

    from govgraph.loaders import extract_paths

    what = a["what"]
    prof = cProfile.Profile()
    stopped = None
    if what == "extract":
        files = _files(a["corpus"])
        prof.enable()
        extract_paths(files)
        prof.disable()
    elif what == "store_build":
        from govgraph.build import build_store
        from govgraph.graph.rdf_store import Store
        ex = extract_paths(_files(a["corpus"]))
        store = Path(a["store"])
        shutil.rmtree(store, ignore_errors=True)
        s = Store.open(store, create=True)
        prof.enable()
        build_store(s, ex.facts, ex.notices)
        prof.disable()
    elif what.startswith("query:"):
        from govgraph import queries
        from govgraph.graph.rdf_store import Store
        store = Store.open(a["store"])
        q = queries.get(what[6:])
        params = _query_params(q, a["params"])
        queries.bind(store, q, params)  # warm the name cache
        prof.enable()
        try:
            _limited(lambda: queries.run(store, q.name, **params), float(a.get("limit_s", QUERY_LIMIT_S)))
        except Exception as e:
            stopped = f"{type(e).__name__}: {e}"[:200]
        prof.disable()
    out = {"n": a.get("n"), "stopped": stopped}
    for key in ("cumulative", "tottime"):
        s = io.StringIO()
        pstats.Stats(prof, stream=s).strip_dirs().sort_stats(key).print_stats(int(a.get("top", 25)))
        out[key] = s.getvalue()
    if a.get("dump"):
        prof.dump_stats(a["dump"])
    return out


CHILDREN = {"extract": child_extract, "extract_parallel": child_extract_parallel,
            "extract_stream": child_extract_stream, "build_cli": child_build_cli,
            "build_breakdown": child_build_breakdown, "build_incremental": child_build_incremental,
            "queries": child_queries, "neo4j": child_neo4j, "neo4j_import": child_neo4j_import,
            "profile": child_profile}


# ============================================================================ parent side

def log(*a):
    print(time.strftime("%H:%M:%S"), *a, file=sys.stderr, flush=True)


CHILD_ENV: dict = {}


def snapshot(rev: str = "HEAD") -> tuple[Path, str]:
    """``govgraph/`` as committed at ``rev``, unpacked under benchmarks/out/."""
    sha = subprocess.run(["git", "rev-parse", "--short", rev], capture_output=True, text=True,
                         cwd=ROOT, check=True).stdout.strip()
    d = OUT / f"snapshot-{sha}"
    if not (d / "govgraph" / "__init__.py").exists():
        d.mkdir(parents=True, exist_ok=True)
        arch = subprocess.run(["git", "archive", sha, "govgraph"], capture_output=True, cwd=ROOT, check=True).stdout
        subprocess.run(["tar", "-x", "-C", str(d)], input=arch, check=True)
    return d, sha


def _tree_rss_mb(pid: int) -> float:
    """Resident memory of a process and its descendants (from /proc)."""
    total, todo = 0, [pid]
    while todo:
        p = todo.pop()
        try:
            with open(f"/proc/{p}/status") as fh:
                total += next((int(ln.split()[1]) for ln in fh if ln.startswith("VmRSS")), 0)
            for t in os.listdir(f"/proc/{p}/task"):
                with open(f"/proc/{p}/task/{t}/children") as fh:
                    todo += [int(c) for c in fh.read().split()]
        except (OSError, ValueError):
            pass
    return total / 1024


RSS_CAP_MB = 10000.0


def run_child(task: str, args: dict, timeout: float, partial: list | None = None, env: dict | None = None) -> dict:
    """Run one measurement in a child process; kill it after ``timeout`` seconds or when
    it (with its own children) holds more than RSS_CAP_MB.  ``PARTIAL`` lines it prints
    are appended to ``partial`` (kept when it is killed).  ``env``: more environment (over
    ``CHILD_ENV``: the baseline's snapshot as ``PYTHONPATH``)."""
    import threading

    cmd = [PY, str(Path(__file__).resolve()), "--child", task, json.dumps(args, ensure_ascii=False)]
    t0 = time.perf_counter()
    load0 = os.getloadavg()[0]
    env = {**os.environ, **CHILD_ENV, **(env or {})}
    p = subprocess.Popen(cmd, stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True, cwd=OUT, env=env,
                         start_new_session=True)
    lines: list[str] = []
    err: list[str] = []
    readers = [threading.Thread(target=lambda: lines.extend(p.stdout), daemon=True),
               threading.Thread(target=lambda: err.extend(p.stderr), daemon=True)]
    for r in readers:
        r.start()
    killed, peak = None, 0.0
    while p.poll() is None:
        rss = _tree_rss_mb(p.pid)
        peak = max(peak, rss)
        if time.perf_counter() - t0 > timeout:
            killed = f"killed after {timeout:.0f} s"
        elif rss > RSS_CAP_MB:
            killed = f"killed at {rss:.0f} MB resident (cap {RSS_CAP_MB:.0f} MB)"
        if killed:
            os.killpg(p.pid, 9)  # the child and whatever it started
            p.wait()
            break
        time.sleep(0.25)
    for r in readers:
        r.join(timeout=5)
    if partial is not None:
        partial += [json.loads(ln[8:]) for ln in lines if ln.startswith("PARTIAL ")]
    setup = next((json.loads(ln[6:]) for ln in lines if ln.startswith("SETUP ")), None)
    if killed:
        log(f"  {task}: {killed}")
        return {"killed": killed, "observed_peak_mb": round(peak), "setup": setup}
    line = next((ln for ln in reversed(lines) if ln.startswith("RESULT ")), None)
    if p.returncode != 0 or line is None:
        msg = "".join(err)[-1500:]
        log(f"  {task}: failed (exit {p.returncode}): {msg[-600:]}")
        return {"error": msg, "exit": p.returncode, "setup": setup}
    res = json.loads(line[7:])
    res["process_wall_s"] = time.perf_counter() - t0
    res["loadavg_1m_before"] = load0
    res["observed_peak_mb"] = round(peak)
    return res


ENGINES = ("govgraph", "govgraph_live", "govgraph_rdflib", "rdflib_memory")


def run_queries(store: Path, params: dict, repeat: int, timeout: float, limit_s: float,
                engines=ENGINES) -> dict:
    """Every canned question on every engine; a question killed for time or memory is
    reported as such and the rest go on in a new child."""
    out: dict = {"setup": {}, "queries": {}}
    names = None  # the catalogue, as the measured govgraph has it (from the first child)
    for engine in engines:
        todo = list(names) if names else None
        while todo is None or todo:
            got: list = []
            r = run_child("queries", {"store": str(store), "engine": engine, "names": todo, "repeat": repeat,
                                      "params": params, "limit_s": limit_s}, timeout, partial=got)
            setup = r if "engine" in r else r.get("setup")
            if setup:
                out["setup"][engine] = {k: v for k, v in setup.items() if k != "setup"}
                if names is None:
                    names = setup["names"]
                    out["queries"] = {n: {} for n in names}
                if todo is None:
                    todo = list(names)
            elif todo is None:
                out["setup"][engine] = {"error": r.get("killed") or r.get("error", "")[-300:]}
                break
            for g in got:
                out["queries"][g["name"]][engine] = g
            done = {g["name"] for g in got}
            todo = [t for t in todo if t not in done]
            if "killed" in r or "error" in r:
                if r.get("setup") is None:  # died before its first question: give up this engine
                    for t in todo:
                        out["queries"][t][engine] = {"error": r.get("killed") or r.get("error", "")[-300:]}
                    break
                if todo:
                    out["queries"][todo[0]][engine] = {"error": r.get("killed") or r.get("error", "")[-300:]}
                    todo = todo[1:]
            else:
                break
    return out


def median_of(runs: list[dict], key: str):
    vals = [r[key] for r in runs if key in r]
    return statistics.median(vals) if vals else None


def repeat_child(task, args, n, timeout) -> list[dict]:
    runs = []
    for i in range(n):
        r = run_child(task, args, timeout)
        runs.append(r)
        if "timeout" in r or "error" in r:
            break
    return runs


def ensure_corpus(n: int, layout: str, edge: bool = False) -> Path:
    name = f"corpus-{n}-{layout}" + ("-edge" if edge else "")
    d = OUT / name
    man = d / "manifest.json"
    if man.exists():
        m = json.loads(man.read_text())
        if m.get("notices") == n and m.get("seed") == 1 and m.get("edge_cases") == edge:
            return d
    cmd = [PY, str(HERE / "make_corpus.py"), str(n), str(d), "--seed", "1", "--files", layout]
    if edge:
        cmd.append("--edge-cases")
    log(f"generating {name}")
    subprocess.run(cmd, check=True, capture_output=True)
    return d


def ensure_split_corpus(n: int, extra: int, shards: int = 8) -> Path:
    """The corpus of ``n + extra`` notices (seed 1) cut in two: the first ``n`` in ``shards`` dump
    shards (``base/``), the last ``extra`` in one dump file (``added/``): notices added to a
    store built from the first part (the incremental build row).  Cached like ``ensure_corpus``."""
    d = OUT / f"corpus-{n}+{extra}-{shards}"
    man = d / "manifest.json"
    m = json.loads(man.read_text()) if man.exists() else {}
    if [m.get(k) for k in ("notices", "added", "seed")] == [n, extra, 1] and m.get("query_params"):
        return d
    sys.path.insert(0, str(HERE))
    from make_corpus import Generator, QueryParams, render

    log(f"generating {d.name}")
    for sub in ("base", "added"):
        shutil.rmtree(d / sub, ignore_errors=True)
        (d / sub).mkdir(parents=True)
    out, cur = None, None
    gen, busiest = Generator(n + extra, 1), QueryParams()
    for i, (nt, D) in enumerate(gen.notices()):
        name = f"base/{i * shards // n:03d}.txt" if i < n else "added/000.txt"
        if i < n:
            for f in gen.gold(nt):
                busiest.add(D, f)
        if name != cur:
            if out:
                out.close()
            out, cur = open(d / name, "wb"), name
        out.write(render(nt, flat=True).encode("utf-8"))
    out.close()
    man.write_text(json.dumps({"notices": n, "added": extra, "seed": 1, "query_params": busiest.params()},
                              ensure_ascii=False))
    return d


def _stores_by_size(spec: str) -> dict[int, Path]:
    """``N=DIR,...`` (``--incremental-stores``, ``--baseline-stores``) as ``{N: DIR}``.

    >>> _stores_by_size("100000=/s/a,10000=/s/b")
    {100000: PosixPath('/s/a'), 10000: PosixPath('/s/b')}
    """
    return {int(k): Path(v) for k, v in (x.split("=", 1) for x in spec.split(",") if x)}


def run_incremental(n: int, added: int, shards: int, repeat: int, timeout: float,
                    base: Path | None = None, jobs: int = 1, baseline: tuple[Path, str] | None = None,
                    settle: float = 10, baseline_base: Path | None = None) -> dict:
    """The incremental row: a store of the first ``n`` notices (``ensure_split_corpus``, built
    once by ``govgraph build``, or ``base``: the store the build row built from that part, or one
    given by ``--incremental-stores``), then ``added`` more notices built into copies of it,
    ``repeat`` times: wall, CPU seconds and peak RSS of ``govgraph build ADDED --store S --jobs
    JOBS``.  ``baseline``: a snapshot of another commit (``--baseline``) measured the same way,
    its runs alternating with these (each pair under the same load), on copies of ``baseline_base``
    if given (a store that commit wrote: ``--baseline-stores``).  ``settle``: seconds after each
    copy is synced, before the build starts."""
    d = ensure_split_corpus(n, added, shards)
    first = None
    if base is None:
        base = OUT / f"store-{n}-base"
        log(f"incremental n={n}+{added}: the store of {n}")
        first = run_child("build_cli", {"corpus": str(d / "base"), "store": str(base)}, timeout)
    log(f"incremental n={n}+{added} x{repeat}" + (f", alternating with {baseline[1]}" if baseline else ""))
    args = {"base": str(base), "added": str(d / "added"), "jobs": jobs, "store": str(OUT / f"store-{n}-added"),
            "settle": settle}
    runs, before = [], []
    for _ in range(repeat):
        if baseline:
            before.append(run_child("build_incremental", {**args, "base": str(baseline_base or base)}, timeout,
                                    env={"PYTHONPATH": str(baseline[0])}))
        runs.append(run_child("build_incremental", args, timeout))
        if any("timeout" in r or "error" in r for r in runs + before):
            break
    for p in ([base] if first else []) + [OUT / f"store-{n}-added"]:
        shutil.rmtree(p, ignore_errors=True)
    def medians(rs: list[dict]) -> dict:
        return {"runs": rs, **{k: median_of(rs, k) for k in ("wall_s", "cpu_s", "peak_rss_mb")}}

    out = {"notices": n, "added": added, "jobs": jobs, "base_build": first, **medians(runs)}
    if baseline:
        out["baseline"] = {"commit": baseline[1], **medians(before)}
    return out


def machine(live: bool) -> dict:
    cpu = next((ln.split(":", 1)[1].strip() for ln in open("/proc/cpuinfo") if ln.startswith("model name")), "?")
    mem = next((int(ln.split()[1]) for ln in open("/proc/meminfo") if ln.startswith("MemTotal")), 0)
    git = subprocess.run(["git", "rev-parse", "--short", "HEAD"], capture_output=True, text=True,
                         cwd=ROOT).stdout.strip()
    dirty = subprocess.run(["git", "status", "--porcelain", "govgraph"], capture_output=True, text=True,
                           cwd=ROOT).stdout.split("\n") if live else []
    import rdflib

    try:
        import pyoxigraph
        oxv = pyoxigraph.__version__
    except Exception:  # pragma: no cover
        oxv = None
    return {"nproc": os.cpu_count(), "cpu": cpu, "ram_gb": round(mem / 2**20, 1), "python": platform.python_version(),
            "platform": platform.platform(), "git": git,
            "measured": "working tree" if live else "snapshot of HEAD", "govgraph_uncommitted": [d for d in dirty if d],
            "rdflib": rdflib.__version__, "pyoxigraph": oxv, "loadavg_start": os.getloadavg(),
            "date": time.strftime("%Y-%m-%d %H:%M")}


def main(argv=None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    ap.add_argument("--sizes", default="1000,10000", help="corpus sizes for the full set of measurements")
    ap.add_argument("--extract-only-sizes", default="", help="sizes measured for extraction only (e.g. 100000)")
    ap.add_argument("--query-sizes", default="1000,10000", help="sizes at which the canned questions are timed")
    ap.add_argument("--repeat", type=int, default=3)
    ap.add_argument("--jobs", type=int, default=os.cpu_count() or 2, help="worker processes for parallel extraction")
    ap.add_argument("--neo4j", action="store_true", help="measure the Neo4j load (WIPES that database)")
    ap.add_argument("--neo4j-uri", default=os.environ.get("NEO4J_URI", "bolt://127.0.0.1:7687"))
    ap.add_argument("--batch-size", type=int, default=1000)
    ap.add_argument("--rowwise-notices", type=int, default=200, help="subset size for the row-by-row baseline")
    ap.add_argument("--profile", action="store_true", help="cProfile the stages that miss their target")
    ap.add_argument("--timeout", type=float, default=900, help="kill a measurement after this many seconds")
    ap.add_argument("--engines", default=",".join(ENGINES),
                    help="query engines: govgraph (the store, Oxigraph's engine, stored answers), "
                         "govgraph_live (the same, every question evaluated), govgraph_rdflib "
                         "(rdflib's engine over the store), rdflib_memory (rdflib in-memory Dataset)")
    ap.add_argument("--query-stores", default="",
                    help="N=STORE,...: time the questions at size N on this built store (of make_corpus.py N, "
                         "seed 1), without building one (--only queries)")
    ap.add_argument("--query-limit", type=float, default=QUERY_LIMIT_S, help="stop one call of one question after this")
    ap.add_argument("--rss-cap-mb", type=float, default=10000.0, help="kill a measurement holding more memory")
    ap.add_argument("--incremental-stores", default="",
                    help="N=DIR,...: the incremental row at size N adds to copies of DIR (a store of the split "
                         "corpus's base part) instead of building one (with --only incremental: nothing else runs)")
    ap.add_argument("--baseline", default="", help="a commit whose snapshot the incremental row also measures, "
                                                   "its runs alternating with those of the code measured")
    ap.add_argument("--baseline-stores", default="",
                    help="N=DIR,...: the baseline's incremental runs add to copies of DIR instead (a store its "
                         "code wrote, when the stored answers' form changed since)")
    ap.add_argument("--settle", type=float, default=10,
                    help="seconds the incremental row waits after copying (and syncing) its store")
    ap.add_argument("--added", type=int, default=1000,
                    help="notices added to a store of each size (the incremental build row; 0: none)")
    ap.add_argument("--split-build", action="store_true",
                    help="build rows: `govgraph build --jobs JOBS` of the first N notices of the N+ADDED split "
                         "corpus; the incremental row adds to copies of that store (no separate base build)")
    ap.add_argument("--no-breakdown", action="store_true", help="skip the in-process build breakdown")
    ap.add_argument("--only", default="", help="comma list: extract,build,queries,neo4j,quality (default all), "
                                               "incremental (the incremental row alone: --incremental-stores)")
    ap.add_argument("--live", action="store_true", help="measure the working tree, not a snapshot of HEAD")
    ap.add_argument("--out", type=Path, default=OUT / "results.json")
    ap.add_argument("--child", nargs=2, metavar=("TASK", "ARGS"), help=argparse.SUPPRESS)
    a = ap.parse_args(argv)

    if a.child:
        res = CHILDREN[a.child[0]](json.loads(a.child[1]))
        print("RESULT " + json.dumps(res, ensure_ascii=False))
        return 0

    OUT.mkdir(parents=True, exist_ok=True)
    globals()["RSS_CAP_MB"] = a.rss_cap_mb
    if not a.live:
        snap, sha = snapshot()
        CHILD_ENV["PYTHONPATH"] = str(snap)
        log(f"measuring govgraph as committed at {sha} ({snap})")
    only = set(filter(None, a.only.split(","))) or {"extract", "build", "queries", "neo4j", "quality"}
    baseline = snapshot(a.baseline) if a.baseline else None
    if baseline:
        log(f"baseline: govgraph as committed at {baseline[1]} ({baseline[0]})")
    inc_given, base_given = _stores_by_size(a.incremental_stores), _stores_by_size(a.baseline_stores)
    sizes = [int(s) for s in a.sizes.split(",") if s]
    xsizes = [int(s) for s in a.extract_only_sizes.split(",") if s]
    qsizes = {int(s) for s in a.query_sizes.split(",") if s}
    shards = max(8, 4 * a.jobs)
    results = {"machine": machine(a.live), "config": {**{k: (str(v) if isinstance(v, Path) else v)
                                                   for k, v in vars(a).items() if k != "child"}, "shards": shards},
               "targets": TARGETS, "corpora": {}, "extraction": [], "build": [], "incremental": [],
               "queries": {}, "neo4j": {},
               "quality": {}, "profiles": {}}

    def save():
        a.out.parent.mkdir(parents=True, exist_ok=True)
        a.out.write_text(json.dumps(results, ensure_ascii=False, indent=1), encoding="utf-8")

    for n in sorted(set(sizes) | set(xsizes)):
        full = n in sizes
        if full and n in inc_given and ("incremental" in only or "build" in only) and a.added:
            results["incremental"].append(run_incremental(n, a.added, shards, a.repeat, a.timeout, base=inc_given[n],
                                                          jobs=a.jobs, baseline=baseline, settle=a.settle,
                                                          baseline_base=base_given.get(n)))
            save()
        if only <= {"incremental"}:
            continue
        d = ensure_corpus(n, str(shards))
        results["corpora"][str(n)] = json.loads((d / "manifest.json").read_text())
        if "extract" in only or "quality" in only:
            layouts = [(str(shards), d)]
            if full and "extract" in only:
                layouts += [("1", ensure_corpus(n, "1")), ("per-notice", ensure_corpus(n, "per-notice"))]
            for layout, cd in layouts:
                reps = a.repeat if full else 1
                log(f"extract n={n} layout={layout} x{reps}")
                runs = repeat_child("extract", {"corpus": str(cd / "corpus"), "quality": layout == str(shards)},
                                    reps, a.timeout)
                entry = _summarise_extract(n, layout, 1, runs)
                if layout == str(shards) and runs and "quality" in runs[0]:
                    results["quality"][str(n)] = runs[0]["quality"]
                    for r in runs:
                        r.pop("quality", None)
                results["extraction"].append(entry)
                save()
            if "extract" in only:
                reps = a.repeat if full else 1
                log(f"extract (streamed, iter_extract) n={n} x{reps}")
                runs = repeat_child("extract_stream", {"corpus": str(d / "corpus")}, reps, a.timeout)
                results["extraction"].append(_summarise_extract(n, f"{shards} streamed", 1, runs))
                save()
            if "extract" in only and a.jobs > 1:
                # one job and N jobs back to back, so that both see the same load on a shared machine
                reps = a.repeat if full else 1
                log(f"extract n={n} jobs=1 then jobs={a.jobs}, back to back, x{reps}")
                pairs = [[run_child("extract_parallel", {"corpus": str(d / "corpus"), "jobs": j}, a.timeout)
                          for j in (1, a.jobs)] for _ in range(reps)]
                entry = _summarise_extract(n, str(shards), a.jobs, [p[1] for p in pairs])
                ratios = [p[0]["wall_s"] / p[1]["wall_s"] for p in pairs if "wall_s" in p[0] and "wall_s" in p[1]]
                if ratios:
                    entry["speedup_back_to_back"] = statistics.median(ratios)
                    entry["speedup_runs"] = ratios
                    entry["jobs1_runs"] = [p[0] for p in pairs]
                results["extraction"].append(entry)
                save()
        if not full:
            continue
        store = OUT / f"store-{n}"
        given = dict(x.split("=", 1) for x in a.query_stores.split(",") if x)
        if str(n) in given and "build" not in only:
            store = Path(given[str(n)])
        elif "build" in only or "queries" in only:
            bcorpus, bjobs = (d / "corpus", 1)
            if a.split_build:
                sd = ensure_split_corpus(n, a.added, shards)
                bcorpus, bjobs = sd / "base", a.jobs
                # the questions are asked of this store: names that exist in its notices
                results["corpora"][str(n)]["query_params"] = json.loads(
                    (sd / "manifest.json").read_text())["query_params"]
            log(f"govgraph build n={n} x{a.repeat} ({bcorpus}, --jobs {bjobs})")
            runs = repeat_child("build_cli", {"corpus": str(bcorpus), "store": str(store), "jobs": bjobs},
                                a.repeat if "build" in only else 1, a.timeout)
            entry = {"notices": n, "corpus": str(bcorpus.relative_to(OUT)), "jobs": bjobs, "runs": runs,
                     "wall_s": median_of(runs, "wall_s"), "cpu_s": median_of(runs, "cpu_s"), "peak_rss_mb": median_of(runs, "peak_rss_mb"),
                     "store": next((r["store"] for r in reversed(runs) if "store" in r), None)}
            if "build" in only and not a.no_breakdown:
                log(f"build breakdown n={n}")
                entry["breakdown"] = run_child("build_breakdown", {"corpus": str(d / "corpus"),
                                                                   "store": str(OUT / f"store-{n}-breakdown")},
                                               a.timeout)
                shutil.rmtree(OUT / f"store-{n}-breakdown", ignore_errors=True)
            results["build"].append(entry)
            save()
            if "build" in only and a.added and n not in inc_given:
                results["incremental"].append(run_incremental(
                    n, a.added, shards, a.repeat, a.timeout,
                    base=store if a.split_build and (store / "CURRENT").exists() else None, jobs=a.jobs,
                    baseline=baseline, settle=a.settle))
                save()
        if "queries" in only and n in qsizes and (store / "CURRENT").exists():
            log(f"queries n={n}")
            results["queries"][str(n)] = run_queries(store, results["corpora"][str(n)]["query_params"],
                                                     max(a.repeat, 5), a.timeout, a.query_limit,
                                                     [e for e in a.engines.split(",") if e])
            save()
        if "neo4j" in only and a.neo4j:
            log(f"neo4j n={n} ({a.neo4j_uri})")
            results["neo4j"][str(n)] = run_child(
                "neo4j", {"corpus": str(d / "corpus"), "uri": a.neo4j_uri, "repeat": a.repeat,
                          "batch_size": a.batch_size, "rowwise_notices": a.rowwise_notices}, a.timeout)
            save()
            log(f"neo4j import n={n} ({a.neo4j_uri}, restarted by scripts/neo4j-local)")
            results["neo4j"][str(n)]["import"] = run_child(
                "neo4j_import", {"corpus": str(d / "corpus"), "uri": a.neo4j_uri, "repeat": a.repeat}, a.timeout)
            save()
    if "quality" in only:
        n = min(sizes or xsizes)
        d = ensure_corpus(n, str(shards), edge=True)
        log(f"quality on the edge-case corpus n={n}")
        r = run_child("extract", {"corpus": str(d / "corpus"), "quality": True}, a.timeout)
        results["quality"][f"{n}-edge-cases"] = {**r.get("quality", {}),
                                                 "constructs": json.loads((d / "manifest.json").read_text())["genres"]}
    results["targets_met"] = judge(results)
    if a.profile:
        profile_misses(results, a)
    results["machine"]["loadavg_end"] = os.getloadavg()
    save()
    (a.out.with_suffix(".md")).write_text(markdown(results), encoding="utf-8")
    log(f"wrote {a.out} and {a.out.with_suffix('.md')}")
    print(markdown(results))
    return 0


def _summarise_extract(n, layout, jobs, runs) -> dict:
    ok = [r for r in runs if "wall_s" in r]
    e = {"notices": n, "layout": layout, "jobs": jobs, "runs": runs}
    if ok:
        wall = statistics.median(r["wall_s"] for r in ok)
        cpu = statistics.median(r["cpu_s"] for r in ok)
        e.update({"wall_s": wall, "cpu_s": cpu, "notices_per_s": n / wall, "mb_per_s": ok[0]["bytes"] / 2**20 / wall,
                  "notices_per_cpu_s": n / cpu, "peak_rss_mb": statistics.median(r["peak_rss_mb"] for r in ok),
                  "facts": ok[0]["facts"], "extracted": ok[0]["notices"], "errors": ok[0]["errors"]})
        if jobs > 1:
            e["peak_rss_worker_mb"] = statistics.median(r["peak_rss_worker_mb"] for r in ok)
    else:
        e["failed"] = True
    return e


def judge(res: dict) -> dict:
    t = TARGETS
    out = {}
    single = [e for e in res["extraction"]
              if e.get("jobs") == 1 and "notices_per_s" in e and e["layout"] != "per-notice"]
    if single:
        worst = min(single, key=lambda e: e["notices_per_s"])
        out["extraction >= 200 notices/s per core"] = {
            "met": worst["notices_per_s"] >= t["extract_notices_per_s_per_core"],
            "value": f"{worst['notices_per_s']:.0f} notices/s (one process, n={worst['notices']}, slowest layout)"}
    par = [e for e in res["extraction"] if "speedup_back_to_back" in e]
    if par:
        big = max(par, key=lambda e: e["notices"])
        out["extraction --jobs N >= 1.7x --jobs 1"] = {
            "met": big["speedup_back_to_back"] >= t["extract_jobs_speedup"],
            "value": f"{big['speedup_back_to_back']:.2f}x (jobs={big['jobs']}, n={big['notices']}, back to back)"}
    b = next((e for e in res["build"] if e["notices"] == 10000 and e.get("wall_s")), None)
    if b:
        out["build 10k < 2 min, < 2 GB"] = {
            "met": b["wall_s"] < t["build_10k_seconds"] and b["peak_rss_mb"] < t["build_10k_peak_mb"],
            "value": f"{b['wall_s']:.0f} s, {b['peak_rss_mb']:.0f} MB peak"}
    b = next((e for e in res["build"] if e["notices"] == 100000 and e.get("wall_s")), None)
    if b:
        out["build 100k < 600 s"] = {"met": b["wall_s"] < t["build_100k_seconds"],
                                     "value": f"{b['wall_s']:.0f} s (jobs {b.get('jobs', 1)})"}
        out["build 100k < 2 GB peak"] = {"met": b["peak_rss_mb"] < t["build_100k_peak_mb"],
                                         "value": f"{b['peak_rss_mb']:.0f} MB"}
    b = next((e for e in res["incremental"] if e["notices"] == 100000 and e.get("wall_s")), None)
    if b:
        out[f"adding {b['added']} notices to 100k < 30 s"] = {
            "met": b["wall_s"] < t["incremental_100k_seconds"], "value": f"{b['wall_s']:.0f} s"}
    q = res["queries"].get("100000", {}).get("queries")
    if q:
        got = {k: q.get(k, {}).get("govgraph", {}) for k in ANCHORED}
        slow = [k for k, v in got.items() if v.get("median_ms", float("inf")) >= t["anchored_ms_at_100k"]]
        cold = [k for k, v in got.items() if v.get("cold_ms", float("inf")) >= t["anchored_first_ms_at_100k"]]
        out["anchored questions at 100k < 50 ms warm, < 500 ms first"] = {
            "met": not slow and not cold,
            "value": "; ".join(f"{k} {v.get('median_ms', float('nan')):.1f} ({v.get('cold_ms', float('nan')):.0f})"
                               for k, v in got.items())}
    q = res["queries"].get("10000", {}).get("queries")
    if q:
        slow = {k: v.get("govgraph", {}).get("median_ms", float("inf")) for k, v in q.items()}
        bad = sorted((k for k, ms in slow.items() if ms >= t["query_ms_at_10k"]), key=lambda k: -slow[k])
        out["every canned question < 200 ms at 10k"] = {
            "met": not bad, "value": f"{len(q) - len(bad)} of {len(q)} under 200 ms (warm median); over: "
            + ", ".join(f"{k} {'stopped' if slow[k] == float('inf') else f'{slow[k]:.0f} ms'}" for k in bad)}
    nj = res["neo4j"].get("10000") or (res["neo4j"][max(res["neo4j"], key=int)] if res["neo4j"] else None)
    if nj and nj.get("runs"):
        r = statistics.median(x["rels_per_s"] for x in nj["runs"])
        out["Neo4j load >= 20,000 relationships/s"] = {"met": r >= t["neo4j_rels_per_s"], "value": f"{r:.0f} rels/s"}
    if nj and (nj.get("import") or {}).get("runs"):
        r = statistics.median(x["rels_per_s"] for x in nj["import"]["runs"])
        out["Neo4j import >= 100,000 relationships/s"] = {
            "met": r >= t["neo4j_import_rels_per_s"], "value": f"{r:.0f} rels/s (CSV, import, restart, constraints)"}
    return out


def profile_misses(res: dict, a) -> None:
    met = res.get("targets_met", {})
    n = 10000 if "10000" in res["corpora"] else min(map(int, res["corpora"]))
    d = OUT / f"corpus-{n}-{res['config']['shards']}"
    todo = []
    if not met.get("extraction >= 200 notices/s per core", {}).get("met", True):
        todo.append(("extract", {"corpus": str(d / "corpus")}))
    if not met.get("build 10k < 2 min, < 2 GB", {}).get("met", True):
        todo.append(("store_build", {"corpus": str(d / "corpus"), "store": str(OUT / "store-profile")}))
    q = res["queries"].get(str(n), {}).get("queries", {})
    qn = n  # questions slower than the limit are profiled up to it (cProfile sees the Python side only)
    for name, v in q.items():
        if v.get("govgraph", {}).get("median_ms", float("inf")) >= TARGETS["query_ms_at_10k"]:
            todo.append((f"query:{name}", {"store": str(OUT / f"store-{qn}"),
                                           "params": res["corpora"][str(qn)]["query_params"], "n": qn}))
    for what, args in todo:
        log(f"profiling {what}")
        args.setdefault("params", res["corpora"][str(n)]["query_params"])
        args.setdefault("n", n)
        args.update({"what": what, "limit_s": a.query_limit,
                     "dump": str(OUT / f"profile-{what.replace(':', '-')}.pstats")})
        res["profiles"][what] = run_child("profile", args, a.timeout)
    shutil.rmtree(OUT / "store-profile", ignore_errors=True)


def markdown(res: dict) -> str:
    m = res["machine"]
    L = [f"Machine: {m['nproc']} cores ({m['cpu']}), {m['ram_gb']} GB RAM, Python {m['python']}, "
         f"govgraph {m['git']}{' + uncommitted changes' if m['govgraph_uncommitted'] else ''}; "
         f"load average at start {m['loadavg_start'][0]:.1f}", ""]
    L += ["| notices | layout | jobs | wall s | notices/s | MB/s | notices/CPU-s | peak RSS MB |",
          "|---:|---|---:|---:|---:|---:|---:|---:|"]
    for e in res["extraction"]:
        if "wall_s" not in e:
            L.append(f"| {e['notices']} | {e['layout']} | {e['jobs']} | failed/timeout | | | | |")
            continue
        rss = f"{e['peak_rss_mb']:.0f}" + (f" (+{e['peak_rss_worker_mb']:.0f}/worker)" if e["jobs"] > 1 else "")
        L.append(f"| {e['notices']} | {e['layout']} | {e['jobs']} | {e['wall_s']:.1f} | {e['notices_per_s']:.0f} | "
                 f"{e['mb_per_s']:.2f} | {e['notices_per_cpu_s']:.0f} | {rss} |")
    for e in res["extraction"]:
        if "speedup_back_to_back" in e:
            L.append(f"\n{e['notices']} notices, `--jobs {e['jobs']}` over `--jobs 1` back to back: "
                     f"{e['speedup_back_to_back']:.2f}x (median of " + ", ".join(f"{r:.2f}" for r in e["speedup_runs"])
                     + ")")
    def each(runs, key, fmt="{:.0f}"):
        vals = [fmt.format(r[key]) for r in runs if key in r]
        return f" ({', '.join(vals)})" if len(vals) > 1 else ""

    L += ["", "Medians of the runs; each run in brackets.", "",
          "| build | jobs | wall s | CPU s | peak RSS MB | store MB (disk) | extract s | store.build s | quads |",
          "|---:|---:|---:|---:|---:|---:|---:|---:|---:|"]
    for b in res["build"]:
        bd = b.get("breakdown", {})
        st = b.get("store") or {}
        runs = b.get("runs", [])
        L.append(f"| {b['notices']} | {b.get('jobs', 1)} | {b['wall_s'] or 0:.1f}{each(runs, 'wall_s')} | "
                 f"{b.get('cpu_s') or 0:.0f}{each(runs, 'cpu_s')} | "
                 f"{b['peak_rss_mb'] or 0:.0f}{each(runs, 'peak_rss_mb')} | {st.get('disk_mb', '?')} | "
                 f"{bd.get('extract_s', 0):.1f} | {bd.get('store_build_s', 0):.1f} | {bd.get('quads', '?')} |")
    if res.get("incremental"):
        L += ["", "| incremental: store of | notices added | code | wall s | CPU s | peak RSS MB |",
              "|---:|---:|---|---:|---:|---:|"]
        for e in res["incremental"]:
            rows = [(res["machine"]["git"], e)]
            if e.get("baseline"):
                rows.append((e["baseline"]["commit"] + " (baseline)", e["baseline"]))
            for who, b in rows:
                runs = b.get("runs", [])
                L.append(f"| {e['notices']} | {e['added']} | {who} | {b['wall_s'] or 0:.1f}{each(runs, 'wall_s', '{:.1f}')} | "
                         f"{b['cpu_s'] or 0:.1f}{each(runs, 'cpu_s', '{:.1f}')} | "
                         f"{b['peak_rss_mb'] or 0:.0f}{each(runs, 'peak_rss_mb')} |")

    def ms(v):
        if not v:
            return "-"
        if "median_ms" not in v:
            return "stopped" if ("stopped" in v.get("error", "") or "killed" in v.get("error", "")) else "error"
        return f"{v['median_ms']:.0f}" if v["median_ms"] >= 10 else f"{v['median_ms']:.1f}"

    for n, q in res["queries"].items():
        if not q.get("queries"):
            continue
        st = q.get("setup", {})
        L += ["", f"Canned questions at {n} notices ({st.get('govgraph', {}).get('quads', '?')} quads): warm median ms "
              f"(cold = first call, includes the name cache); 'stopped' = over {res['config'].get('query_limit')} s "
              "or over the memory cap", "",
              "| question | rows | govgraph (`queries.run`) | cold | evaluated (`live=True`) | "
              "rdflib in-memory Dataset | evaluated / in-memory | rdflib engine over the store |",
              "|---|---:|---:|---:|---:|---:|---:|---:|"]
        for name, v in q["queries"].items():
            g, m_, x = v.get("govgraph", {}), v.get("rdflib_memory", {}), v.get("govgraph_rdflib", {})
            lv = v.get("govgraph_live", {})
            ratio = f"{lv['median_ms'] / m_['median_ms']:.3f}" if "median_ms" in lv and "median_ms" in m_ else "-"
            rows = g.get("rows", m_.get("rows", "?"))
            same = all(e.get("rows", rows) == rows for e in (m_, x, lv))
            cold = f"{g['cold_ms']:.0f}" if "cold_ms" in g else "-"
            L.append(f"| {name} | {rows}{'' if same else ' (rows differ!)'} | {ms(g)} | {cold} | {ms(lv)} | {ms(m_)} | "
                     f"{ratio} | {ms(x)} |")
        mem = st.get("rdflib_memory", {})
        L.append(f"\nLoading the same triples into rdflib's in-memory Dataset: {mem.get('load_s', 0):.0f} s, "
                 f"{mem.get('rss_after_load_mb', 0):.0f} MB resident; opening the store "
                 f"{st.get('govgraph', {}).get('open_s', 0):.2f} s")
    for n, nj in res["neo4j"].items():
        if not nj.get("runs"):
            L.append(f"\nNeo4j at {n}: {nj.get('error', nj)}"[:300])
            continue
        r = statistics.median(x["rels_per_s"] for x in nj["runs"])
        w = statistics.median(x["wall_s"] for x in nj["runs"])
        sb, sr = nj["subset_batched"], nj["subset_rowwise"]
        cpu = [(x.get("python_cpu_s"), x.get("server_cpu_s")) for x in nj["runs"]]
        cpu_text = ("" if any(s is None for _, s in cpu) else
                    f"; CPU-s: Python {statistics.median(p for p, _ in cpu):.1f}, "
                    f"server {statistics.median(s for _, s in cpu):.1f}")
        L.append(f"\nNeo4j at {n} notices ({nj['server']}): batched (UNWIND, {nj['batch_size']} rows/tx) "
                 f"{nj['runs'][0]['relationships']} rels + {nj['runs'][0]['nodes']} nodes in {w:.1f} s = "
                 f"{r:.0f} rels/s (of which building the plan in Python {nj.get('plan_s', 0):.1f} s{cpu_text}); "
                 f"reload unchanged {nj['reload_unchanged']['wall_s']:.1f} s. "
                 f"Subset of {nj['subset_notices']} notices: batched {sb['rels_per_s']:.0f} rels/s vs row-by-row "
                 f"{sr['rels_per_s']:.0f} rels/s ({sb['rels_per_s'] / sr['rels_per_s']:.0f}x).")
        runs = (nj.get("import") or {}).get("runs")
        if runs:
            def med(k):
                vals = [x[k] for x in runs if x.get(k) is not None]
                return statistics.median(vals) if vals else float("nan")
            L.append(f"Neo4j import at {n} notices (`neo4j-admin database import full`, median of {len(runs)}): "
                     f"{med('rels_per_s'):.0f} rels/s over all of it ({med('wall_s'):.1f} s wall: CSV "
                     f"{med('csv_s'):.1f} s / {med('python_cpu_s'):.1f} CPU-s in Python, {med('csv_mb'):.0f} MB; "
                     f"stop + import + start {med('import_s'):.1f} s, of which the importer {med('importer_s'):.1f} s "
                     f"= {med('rels_per_importer_s'):.0f} rels/s, {med('importer_cpu_s'):.1f} CPU-s; constraints "
                     f"{med('after_s'):.1f} s).")
    for n, qd in res["quality"].items():
        ks = [k for k in ("post", "term", "membership", "task", "due") if k in qd]
        L.append(f"\nQuality at {n}: " + ", ".join(f"{k} F1 {qd[k]['f1']}" for k in ks)
                 + "; unscored spurious: " + (", ".join(f"{k} {v['count']}" for k, v in
                                                qd.get("unscored_spurious", {}).items()) or "none"))
    L.append("\nTargets:")
    for k, v in res.get("targets_met", {}).items():
        L.append(f"- {k}: {'met' if v['met'] else 'MISSED'} ({v['value']})")
    return "\n".join(L) + "\n"


if __name__ == "__main__":
    sys.exit(main())
