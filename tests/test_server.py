"""``govgraph serve`` for real: the server runs in its own process (started as an analyst
would, ``govgraph serve --store …``) on a free port over the sample store, and is asked
with a real SPARQL client (SPARQLWrapper), plain HTTP and headless Chromium.

Its answers must be the ones ``Graph.sparql`` / ``govgraph sparql`` and ``govgraph query``
give; updates are refused; a runaway query is stopped at the time limit and the server
answers the next query (with one query process, so the answer comes from the process
started after the kill).
"""

from __future__ import annotations

import contextlib
import csv
import io
import json
import os
import re
import socket
import subprocess
import sys
import time
import urllib.error
import urllib.request
from pathlib import Path
from urllib.parse import urlencode

import pytest
from rdflib import Graph as RDFGraph
from SPARQLWrapper import CSV, JSON, POST, TURTLE, XML, SPARQLWrapper
from SPARQLWrapper.SPARQLExceptions import QueryBadFormed

from govgraph import api

ROOT = Path(__file__).resolve().parent.parent
SAMPLE = ROOT / "data" / "000_69f8c657212cfd7a.txt"
TIMEOUT = 2.0
ORIGIN = "https://yasgui.example"
MAX_ROWS = 5000
CLASSES = "SELECT ?class (COUNT(?s) AS ?n) WHERE { ?s a ?class } GROUP BY ?class ORDER BY ?class"
LABELS = ("SELECT ?unit ?label WHERE { ?unit a org:Organization ; skos:prefLabel ?label } "
          "ORDER BY ?label ?unit")
CONSTRUCT = ("CONSTRUCT { ?unit skos:prefLabel ?label ; gg:unitType ?t } WHERE { ?unit a org:Organization ; "
             "skos:prefLabel ?label . OPTIONAL { ?unit gg:unitType ?t } }")
# every triple against every triple, three times over: about 10^12 combinations
RUNAWAY = "SELECT (COUNT(*) AS ?n) WHERE { ?a ?b ?c . ?d ?e ?f . ?g ?h ?i . ?j ?k ?l }"


def _free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


def _cli(*args: str) -> subprocess.CompletedProcess:
    env = {**os.environ, "PYTHONPATH": str(ROOT)}
    return subprocess.run([sys.executable, "-m", "govgraph.cli", *args], capture_output=True, text=True,
                          env=env, cwd=ROOT, timeout=300)


@pytest.fixture(scope="module")
def store(tmp_path_factory) -> Path:
    path = tmp_path_factory.mktemp("serve") / "kg"
    api.build([SAMPLE], path)
    return path


@pytest.fixture(scope="module")
def graph(store):
    return api.Graph.open(store)


@contextlib.contextmanager
def _serving(store: Path, log: Path, *options: str):
    """``govgraph serve --store STORE OPTIONS`` on a free port: its base URL and process."""
    port = _free_port()
    env = {**os.environ, "PYTHONPATH": str(ROOT)}
    with open(log, "w") as out:
        proc = subprocess.Popen([sys.executable, "-m", "govgraph.cli", "serve", "--store", str(store),
                                 "--port", str(port), *options], stdout=out, stderr=subprocess.STDOUT, env=env,
                                cwd=ROOT)
    base = f"http://127.0.0.1:{port}"
    deadline = time.monotonic() + 90
    try:
        while True:
            try:
                urllib.request.urlopen(base + "/questions", timeout=5).read()
                break
            except OSError:
                if proc.poll() is not None or time.monotonic() > deadline:
                    pytest.fail("the server did not start:\n" + log.read_text())
                time.sleep(0.3)
        yield base, proc
    finally:
        proc.terminate()
        try:
            proc.wait(20)
        except subprocess.TimeoutExpired:  # pragma: no cover
            proc.kill()


@pytest.fixture(scope="module")
def served(store, tmp_path_factory):
    """``govgraph serve`` over the sample store (one query process): its base URL and process."""
    log = tmp_path_factory.mktemp("serve-log") / "server.log"
    with _serving(store, log, "--timeout", str(TIMEOUT), "--max-rows", str(MAX_ROWS), "--workers", "1",
                  "--allow-origin", ORIGIN) as served:
        yield served


@pytest.fixture(scope="module")
def server(served) -> str:
    return served[0]


def _children(pid: int) -> set[int]:
    out = subprocess.run(["pgrep", "-P", str(pid)], capture_output=True, text=True).stdout
    return {int(x) for x in out.split()}


def _client(server: str, query: str, fmt, method=None) -> SPARQLWrapper:
    c = SPARQLWrapper(server + "/sparql")
    c.setQuery(query)
    c.setReturnFormat(fmt)
    if method:
        c.setMethod(method)
    return c


def _get(url: str, accept: str | None = None) -> tuple[int, str, bytes]:
    req = urllib.request.Request(url, headers={"Accept": accept} if accept else {})
    try:
        with urllib.request.urlopen(req, timeout=60) as r:
            return r.status, r.headers.get("content-type", ""), r.read()
    except urllib.error.HTTPError as e:
        return e.code, e.headers.get("content-type", ""), e.read()


def _plain(rows: list[dict]) -> list[dict]:
    return [{k: "" if v is None else str(v) for k, v in r.items()} for r in rows]


# ---------------------------------------------------------------- SPARQL

@pytest.mark.parametrize("query", [CLASSES, LABELS])
def test_select_json_has_the_rows_of_graph_sparql(server, graph, query):
    want = graph.sparql(query)
    got = _client(server, query, JSON).queryAndConvert()
    assert got["head"]["vars"] == want.columns
    rows = [{v: b[v]["value"] for v in got["head"]["vars"] if v in b} for b in got["results"]["bindings"]]
    assert len(rows) > 10
    assert rows == _plain(want.rows)


def test_select_json_keeps_term_types(server):
    got = _client(server, CLASSES, JSON).queryAndConvert()["results"]["bindings"]
    assert {b["class"]["type"] for b in got} == {"uri"}
    assert {b["n"]["datatype"] for b in got} == {"http://www.w3.org/2001/XMLSchema#integer"}


def test_select_xml_the_default_of_sparqlwrapper(server, graph):
    doc = _client(server, LABELS, XML).queryAndConvert()  # an xml.dom document
    rows = [{b.getAttribute("name"): b.getElementsByTagName("uri")[0].firstChild.data
             if b.getElementsByTagName("uri") else b.getElementsByTagName("literal")[0].firstChild.data
             for b in r.getElementsByTagName("binding")} for r in doc.getElementsByTagName("result")]
    assert len(rows) > 10 and rows == _plain(graph.sparql(LABELS).rows)


def test_select_csv_by_post_has_the_rows_of_govgraph_sparql(server, store):
    cli = _cli("sparql", LABELS, "--store", str(store), "--format", "csv")
    assert cli.returncode == 0, cli.stderr
    body = _client(server, LABELS, CSV, POST).queryAndConvert()
    text = body.decode("utf-8") if isinstance(body, bytes) else body
    got = list(csv.DictReader(io.StringIO(text)))
    want = list(csv.DictReader(io.StringIO(cli.stdout)))
    assert len(got) > 10 and got == want


def test_sparql_query_body_and_tsv(server, graph):
    req = urllib.request.Request(server + "/sparql", data=LABELS.encode("utf-8"), method="POST",
                                 headers={"Content-Type": "application/sparql-query",
                                          "Accept": "text/tab-separated-values"})
    with urllib.request.urlopen(req, timeout=60) as r:
        assert r.headers["content-type"].startswith("text/tab-separated-values")
        lines = r.read().decode("utf-8").splitlines()
    assert lines[0] == "?unit\t?label"
    want = [f'<{r["unit"]}>\t"{r["label"]}"' for r in graph.sparql(LABELS).rows]
    assert lines[1:] == want


def test_construct_as_turtle(server, graph):
    turtle = _client(server, CONSTRUCT, TURTLE).query()
    assert turtle.response.headers["content-type"].startswith("text/turtle")
    got = _client(server, CONSTRUCT, TURTLE).queryAndConvert()
    g = RDFGraph().parse(data=got, format="turtle") if isinstance(got, (str, bytes)) else got
    want = {(r["s"], r["p"], str(r["o"])) for r in graph.sparql(CONSTRUCT).rows}
    assert len(want) > 100
    assert {(str(s), str(p), str(o)) for s, p, o in g} == want


def test_ask(server):
    assert _client(server, "ASK { ?s skos:prefLabel \"区水务局\" }", JSON).queryAndConvert()["boolean"] is True
    assert _client(server, "ASK { ?s skos:prefLabel \"没有这个单位\" }", JSON).queryAndConvert()["boolean"] is False


def test_update_is_refused(server, graph):
    before = graph.sparql("SELECT (COUNT(*) AS ?n) WHERE { ?s ?p ?o }").rows
    update = "INSERT DATA { <https://example.org/a> <https://example.org/b> \"c\" }"
    with pytest.raises(urllib.error.HTTPError) as e:
        _client(server, update, JSON, POST).query()  # SPARQLWrapper sends it as update= in a form
    assert e.value.code == 403 and b"read-only" in e.value.read()
    status, _, body = _get(server + "/sparql?" + urlencode({"query": "PREFIX ex: <https://example.org/#x>\n"
                                                                     "# a comment\nDELETE WHERE { ?s ?p ?o }"}))
    assert status == 403 and b"read-only" in body
    req = urllib.request.Request(server + "/sparql", data=b"CLEAR ALL", method="POST",
                                 headers={"Content-Type": "application/sparql-update"})
    with pytest.raises(urllib.error.HTTPError) as e:
        urllib.request.urlopen(req, timeout=60)
    assert e.value.code == 403
    assert api.Graph.open(graph.path).sparql("SELECT (COUNT(*) AS ?n) WHERE { ?s ?p ?o }").rows == before


@pytest.mark.filterwarnings("ignore::RuntimeWarning")  # SPARQLWrapper cannot tell the query type
def test_bad_query_says_why(server):
    with pytest.raises(QueryBadFormed, match="SPARQL query failed"):
        _client(server, "SELEC ?s WHERE { ?s ?p ?o }", JSON).query()


def test_runaway_query_is_stopped_and_the_server_answers_after(served, graph):
    server, proc = served
    before = _children(proc.pid)
    start = time.monotonic()
    with pytest.raises(urllib.error.HTTPError) as e:
        _client(server, RUNAWAY, JSON).query()
    took = time.monotonic() - start
    assert e.value.code == 503
    assert "time limit of 2 s" in e.value.read().decode("utf-8")
    assert TIMEOUT <= took < TIMEOUT + 5
    # one query process: this answer comes from the one started after the kill
    got = _client(server, CLASSES, JSON).queryAndConvert()
    assert len(got["results"]["bindings"]) == len(graph.sparql(CLASSES).rows)
    after = _children(proc.pid)
    assert before - after and after - before  # the query process was killed, another one answered


def test_too_many_rows_is_refused(server):
    status, _, body = _get(server + "/sparql?" + urlencode({"query": "SELECT * WHERE { ?s ?p ?o }"}))
    assert status == 400 and f"more than {MAX_ROWS} rows".encode() in body
    status, _, body = _get(server + "/sparql?" + urlencode({"query": "SELECT * WHERE { ?s ?p ?o } LIMIT 10"}))
    assert status == 200 and len(json.loads(body)["results"]["bindings"]) == 10


# ---------------------------------------------------------------- canned questions

def test_questions_are_listed_with_their_params(server):
    status, ctype, body = _get(server + "/questions")
    assert status == 200 and ctype.startswith("application/json")
    listed = {q["name"]: q for q in json.loads(body)}
    assert list(listed) == [q.name for q in api.Graph.questions()]
    assert [(p["name"], p["required"]) for p in listed["post-holders"]["params"]] == [("unit", True), ("title", True)]


def test_post_holders_equals_govgraph_query(server, store):
    cli = _cli("query", "post-holders", "区水务局", "局长", "--store", str(store), "--format", "json")
    assert cli.returncode == 0, cli.stderr
    status, _, body = _get(server + "/questions/post-holders?" + urlencode({"unit": "区水务局", "title": "局长"}))
    assert status == 200
    got = json.loads(body)
    assert got["columns"] == ["person", "as_of", "start", "end", "former", "doc", "quote"]
    assert got["rows"] == json.loads(cli.stdout)
    assert [r["person"] for r in got["rows"]][:2] == ["易雄才", "许才勇"]


def test_question_errors(server):
    status, _, body = _get(server + "/questions/post-holder")
    assert status == 404 and "post-holders" in body.decode("utf-8")
    status, _, body = _get(server + "/questions/post-holders?" + urlencode({"unit": "区水务", "title": "局长"}))
    assert status == 400 and "区水务局" in body.decode("utf-8")
    status, _, body = _get(server + "/questions/post-holders?" + urlencode({"unit": "区水务局"}))
    assert status == 400 and "title is required" in body.decode("utf-8")


# ---------------------------------------------------------------- the rest

def test_a_new_build_is_answered_without_a_restart(tmp_path):
    store = tmp_path / "kg"
    api.build([SAMPLE], store)
    notices = "SELECT (COUNT(DISTINCT ?doc) AS ?n) WHERE { ?n dcterms:identifier ?doc ; a gg:Notice }"
    with _serving(store, tmp_path / "server.log", "--workers", "1") as (base, _):
        def count() -> int:
            return int(_client(base, notices, JSON).queryAndConvert()["results"]["bindings"][0]["n"]["value"])

        first = count()
        assert first == len(api.Graph.open(store).notices()) == 10
        api.build([ROOT / "tests" / "data" / "other" / "city_group.txt"], store)
        assert count() == len(api.Graph.open(store).notices()) > first



def test_pages_of_the_allowed_origin_only_may_call_it(server):
    url = server + "/sparql?" + urlencode({"query": "ASK {}"})
    for origin, allowed in ((ORIGIN, ORIGIN), ("https://elsewhere.example", None)):
        with urllib.request.urlopen(urllib.request.Request(url, headers={"Origin": origin}), timeout=60) as r:
            assert r.headers.get("access-control-allow-origin") == allowed


def test_openapi_describes_every_route_and_question(server):
    status, _, body = _get(server + "/openapi.json")
    doc = json.loads(body)
    assert status == 200 and doc["openapi"].startswith("3.")
    assert {"/sparql", "/questions", "/viz"} <= set(doc["paths"])
    for q in api.Graph.questions():
        params = [p["name"] for p in doc["paths"][f"/questions/{q.name}"]["get"]["parameters"]]
        assert params[:len(q.params)] == [p.name for p in q.params]


def test_viz_is_the_page_govgraph_viz_writes(server, graph, tmp_path):
    status, ctype, body = _get(server + "/viz?" + urlencode({"focus": "许才勇"}))
    assert status == 200 and ctype.startswith("text/html")
    want = graph.viz(tmp_path / "page.html", focus="许才勇")["html"]
    page, data = _page(body.decode("utf-8"))
    want_page, want_data = _page(want)
    assert page == want_page and data == want_data  # node order may differ between processes
    assert any(n["label"] == "许才勇" for n in data["nodes"])
    status, _, body = _get(server + "/viz?" + urlencode({"focus": "没有这个人"}))
    assert status == 404 and "没有这个人" in body.decode("utf-8")


def _page(html: str) -> tuple[str, dict]:
    """The page without its data, and the data with every list sorted and without edge ids."""
    m = re.search(r'(<script id="gg-data" type="application/json">)(.*?)(</script>)', html, re.S)

    def norm(x):
        if isinstance(x, dict):  # edge ids (e0, e1 …) number the edges in the order they were drawn
            return {k: norm(v) for k, v in x.items() if not (k == "id" and re.fullmatch(r"e\d+", str(v)))}
        if isinstance(x, list):
            return sorted((norm(v) for v in x), key=lambda v: json.dumps(v, sort_keys=True, ensure_ascii=False))
        return x

    return html[:m.start(2)] + html[m.end(2):], norm(json.loads(m.group(2)))


@pytest.mark.browser
def test_viz_loads_in_chromium_with_no_external_request(server, tmp_path):
    from test_viz_browser import CHROMIUM, FLAGS

    if not os.access(CHROMIUM, os.X_OK):
        pytest.skip(f"{CHROMIUM} missing: run scripts/ensure-chromium")
    url = server + "/viz?" + urlencode({"focus": "许才勇"})
    netlog = tmp_path / "net.json"
    # no network namespace here (the server is on this one's loopback): every other host name is
    # unresolvable, anything proxied goes to a dead port, and the net log records every request
    flags = [f if not f.startswith("--host-resolver-rules=") else f + ", EXCLUDE 127.0.0.1" for f in FLAGS]
    cmd = [CHROMIUM, *flags, f"--user-data-dir={tmp_path / 'profile'}", f"--log-net-log={netlog}",
           "--virtual-time-budget=30000", "--dump-dom", url]
    p = subprocess.run(cmd, capture_output=True, text=True, timeout=180)
    assert p.returncode == 0, p.stderr[-2000:]
    m = re.search(r'<div id="gg-status"([^>]*)>', p.stdout)
    assert m, p.stderr[-2000:]
    st = dict(re.findall(r'data-([\w-]+)="([^"]*)"', m.group(1)))
    assert st["error"] == "" and st["ready"] == "1" and int(st["drawn"]) > 1
    assert st["resources"] == "0"  # the page fetched nothing
    # the requests of web content carry a User-Agent header (Chromium's own background calls, which
    # the dead proxy swallows, do not): only the page itself was asked for
    asked = set()
    for line in netlog.read_text(encoding="utf-8", errors="replace").splitlines():
        if '"request_headers"' in line:
            params = json.loads(line.rstrip().rstrip(","))["params"]
            if any(h.startswith("User-Agent:") for h in params["request_headers"]["headers"]):
                asked.add(params["url"])
    assert asked == {url}


def test_a_port_in_use_is_named(store):
    with socket.socket() as taken:
        taken.bind(("127.0.0.1", 0))
        taken.listen()
        port = taken.getsockname()[1]
        r = _cli("serve", "--store", str(store), "--port", str(port))
    assert r.returncode == 1 and f"cannot listen on 127.0.0.1:{port}" in r.stderr and "--port" in r.stderr
