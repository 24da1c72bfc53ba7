"""The HTTP application (Starlette): a read-only SPARQL 1.1 Protocol endpoint, the canned
questions as JSON, the graph page and an OpenAPI description.  Every query runs in a
worker process (``worker.Workers``) under the time and row limits.

Routes: ``/sparql`` (GET, POST), ``/questions``, ``/questions/{name}``, ``/viz``,
``/openapi.json`` and ``/`` (an index of these).

>>> is_update("PREFIX gg: <https://govgraph.dev/ontology#>  # a comment\\n insert data { gg:a gg:b gg:c }")
True
>>> is_update("SELECT * WHERE { ?s ?p ?o } # DELETE")
False
"""

from __future__ import annotations

import contextlib
import re
from urllib.parse import parse_qsl, urlencode

from starlette.applications import Starlette
from starlette.middleware import Middleware
from starlette.middleware.cors import CORSMiddleware
from starlette.requests import Request
from starlette.responses import JSONResponse, Response
from starlette.routing import Route

from govgraph import api
from govgraph.errors import QueryError

from .worker import Limits, Reply, Workers

__all__ = ["make_app", "is_update", "openapi"]

MAX_BODY = 1 << 20  # bytes of query text a request may send
_PROLOGUE = re.compile(r"(?:\s+|#[^\n]*(?:\n|$)|PREFIX\s+[^\s:]*:\s*<[^>]*>|BASE\s*<[^>]*>)*", re.I)
_UPDATE = re.compile(r"(?:INSERT|DELETE|LOAD|CLEAR|CREATE|DROP|COPY|MOVE|ADD|WITH)\b", re.I)
READ_ONLY = ("this endpoint is read-only: SPARQL updates (INSERT, DELETE, LOAD, CLEAR, DROP …) are refused; "
             "change the store with govgraph build")


def is_update(text: str) -> bool:
    """Whether ``text`` is a SPARQL update (its first keyword after the prologue)."""
    return _UPDATE.match(text, _PROLOGUE.match(text).end()) is not None


def _reply(r: Reply) -> Response:
    return Response(r.body, status_code=r.status, media_type=r.media)


def _error(status: int, message: str) -> Response:
    return _reply(Reply.error(status, message))


def _pairs(request: Request, form: list[tuple[str, str]]) -> dict[str, list[str]]:
    out: dict[str, list[str]] = {}
    for k, v in list(request.query_params.multi_items()) + form:
        out.setdefault(k, []).append(v)
    return out


async def sparql(request: Request) -> Response:
    """The SPARQL 1.1 Protocol query operation: ``query=`` in the URL (GET) or a form (POST),
    or the query as an ``application/sparql-query`` body."""
    form: list[tuple[str, str]] = []
    text = None
    if request.method == "POST":
        body = await request.body()
        if len(body) > MAX_BODY:
            return _error(413, f"the request is larger than {MAX_BODY} bytes")
        ctype = request.headers.get("content-type", "").split(";")[0].strip().lower()
        if ctype == "application/sparql-update":
            return _error(403, READ_ONLY)
        if ctype == "application/sparql-query":
            text = body.decode("utf-8", "replace")
        elif ctype in ("application/x-www-form-urlencoded", ""):
            form = parse_qsl(body.decode("utf-8", "replace"), keep_blank_values=True)
        else:
            return _error(415, f"unsupported content type {ctype!r}: send application/sparql-query or a "
                               "form (application/x-www-form-urlencoded) with query=")
    params = _pairs(request, form)
    if "update" in params:
        return _error(403, READ_ONLY)
    if text is None:
        if len(params.get("query", [])) != 1:
            return _error(400, "give one SPARQL query: /sparql?query=SELECT… (GET), a form with query= (POST), "
                               "or an application/sparql-query body (POST)")
        text = params["query"][0]
    if is_update(text):
        return _error(403, READ_ONLY)
    fmt = params.get("format", []) + params.get("output", [])
    reply = await request.app.state.workers.run("sparql", {
        "text": text, "accept": request.headers.get("accept"), "fmt": fmt,
        "default_graphs": params.get("default-graph-uri", []), "named_graphs": params.get("named-graph-uri", [])})
    return _reply(reply)


def _question_entry(q) -> dict:
    example = {k: v for k, v in q.example.items()}
    return {"name": q.name, "description": q.description, "columns": list(q.columns),
            "params": [{"name": p.name, "type": p.type, "required": p.required, "default": p.default,
                        "description": p.description} for p in q.params],
            "example": f"/questions/{q.name}" + (("?" + urlencode(example)) if example else "")}


async def questions(request: Request) -> Response:
    """The canned questions with their parameters (as ``govgraph query --list``)."""
    return JSONResponse([_question_entry(q) for q in api.Graph.questions()])


_BOOL = {"true": True, "1": True, "yes": True, "false": False, "0": False, "no": False}


async def question(request: Request) -> Response:
    """One canned question's answer: ``{"question", "columns", "rows"}``, the rows of ``govgraph query``."""
    name = request.path_params["name"]
    try:
        api.question(name)
    except QueryError as e:
        return _error(404, str(e))
    params = dict(request.query_params)
    with_place = None
    for key in ("with_place", "with-place"):
        if key in params:
            value = params.pop(key).strip().lower()
            if value not in _BOOL:
                return _error(400, f"{key} must be true or false, not {value!r}")
            with_place = _BOOL[value]
    return _reply(await request.app.state.workers.run("question", {"name": name, "params": params,
                                                                   "with_place": with_place}))


async def viz(request: Request) -> Response:
    """The offline graph page (as ``govgraph viz`` writes it): ``focus``, ``depth``, ``notice``,
    ``types`` (comma-separated) and ``place`` choose the view."""
    q = request.query_params
    unknown = set(q) - {"focus", "depth", "notice", "types", "place"}
    if unknown:
        return _error(400, f"unknown parameter(s) {', '.join(sorted(unknown))}; "
                           "the page takes focus, depth, notice, types, place")
    try:
        depth = int(q.get("depth", "1"))
    except ValueError:
        return _error(400, f"depth must be an integer, not {q['depth']!r}")
    kw = {"focus": q.get("focus") or None, "depth": depth, "doc": q.get("notice") or None,
          "types": q["types"].split(",") if q.get("types") else None, "place": q.get("place") or None}
    return _reply(await request.app.state.workers.run("viz", kw))  # its own CSP forbids every fetch


async def index(request: Request) -> Response:
    return JSONResponse({"name": "govgraph", "read_only": True, "sparql": "/sparql", "questions": "/questions",
                         "viz": "/viz", "openapi": "/openapi.json"})


async def openapi_json(request: Request) -> Response:
    return JSONResponse(openapi(request.app.state.limits))


def _query_param(name: str, description: str, required: bool = False, schema: dict | None = None) -> dict:
    return {"name": name, "in": "query", "required": required, "description": description,
            "schema": schema or {"type": "string"}}


_PARAM_SCHEMA = {"int": {"type": "integer"}, "bool": {"type": "boolean"},
                 "date": {"type": "string", "format": "date"}, "month": {"type": "string", "pattern": r"^\d{4}-\d{2}$"}}
_TEXT = {"text/plain": {"schema": {"type": "string"}}}
_ERRORS = {"400": {"description": "a query or parameter at fault, or an answer over the row limit",
                   "content": _TEXT},
           "503": {"description": "stopped at the time limit", "content": _TEXT}}


def openapi(limits: Limits) -> dict:
    """The OpenAPI 3.1 description of the server (each canned question has its own path)."""
    sparql_responses = {
        "200": {"description": "SELECT/ASK: SPARQL JSON (default), XML, CSV or TSV; CONSTRUCT/DESCRIBE: Turtle "
                               "(default), N-Triples, RDF/XML or JSON-LD, by the Accept header or format=",
                "content": {m: {} for m in ("application/sparql-results+json", "application/sparql-results+xml",
                                            "text/csv", "text/tab-separated-values", "text/turtle",
                                            "application/n-triples", "application/rdf+xml",
                                            "application/ld+json")}},
        **_ERRORS, "403": {"description": "an update: the endpoint is read-only", "content": _TEXT}}
    graph_params = [_query_param("default-graph-uri", "a graph to query as the default graph (repeatable)"),
                    _query_param("named-graph-uri", "a graph GRAPH may reach (repeatable)"),
                    _query_param("format", "json, xml, csv, tsv, turtle, nt, json-ld (else the Accept header)")]
    paths: dict = {
        "/sparql": {
            "get": {"summary": "Run a SPARQL query (read-only)", "operationId": "sparqlGet",
                    "parameters": [_query_param("query", "the SPARQL query", True), *graph_params],
                    "responses": sparql_responses},
            "post": {"summary": "Run a SPARQL query sent in the body (read-only)", "operationId": "sparqlPost",
                     "parameters": graph_params,
                     "requestBody": {"required": True, "content": {
                         "application/sparql-query": {"schema": {"type": "string"}},
                         "application/x-www-form-urlencoded": {"schema": {
                             "type": "object", "properties": {"query": {"type": "string"}},
                             "required": ["query"]}}}},
                     "responses": sparql_responses}},
        "/questions": {"get": {"summary": "The canned questions and their parameters", "operationId": "questions",
                               "responses": {"200": {"description": "the catalogue",
                                                     "content": {"application/json": {}}}}}},
        "/viz": {"get": {"summary": "The offline graph page", "operationId": "viz",
                         "parameters": [_query_param("focus", "a person, unit or group to centre on"),
                                        _query_param("depth", "hops around focus", schema={"type": "integer"}),
                                        _query_param("notice", "only what one notice says (document number)"),
                                        _query_param("types", "node types, comma-separated"),
                                        _query_param("place", "only the part of the graph in this place")],
                         "responses": {"200": {"description": "an HTML page", "content": {"text/html": {}}},
                                       "404": {"description": "no such focus", "content": _TEXT}, **_ERRORS}}},
    }
    for q in api.Graph.questions():
        params = [_query_param(p.name, p.description or p.type, p.required, _PARAM_SCHEMA.get(p.type))
                  for p in q.params]
        params += [_query_param("place", "resolve names in this place (any level)"),
                   _query_param("with_place", "add a place column", schema={"type": "boolean"})]
        paths[f"/questions/{q.name}"] = {"get": {
            "summary": q.description, "operationId": "question_" + q.name.replace("-", "_"), "parameters": params,
            "responses": {"200": {"description": f"columns: {', '.join(q.columns)}", "content": {
                "application/json": {"schema": {"type": "object", "properties": {
                    "question": {"type": "string"}, "columns": {"type": "array", "items": {"type": "string"}},
                    "rows": {"type": "array", "items": {"type": "object"}}}}}}}, **_ERRORS}}}
    return {"openapi": "3.1.0",
            "info": {"title": "govgraph", "version": "1",
                     "description": "A read-only SPARQL endpoint and the canned questions over a govgraph store. "
                                    f"Each query is stopped after {limits.timeout:g} s and may return at most "
                                    f"{limits.max_rows} rows; the graph page may take {limits.page_timeout:g} s."},
            "paths": paths}


def make_app(store, limits: Limits = Limits(), workers: int = 2, allow_origin: str | None = None) -> Starlette:
    """The application over the store folder ``store``; ``workers`` query processes;
    ``allow_origin``: an origin (or ``*``) whose pages may call the server (CORS), else none."""

    @contextlib.asynccontextmanager
    async def lifespan(app):
        pool = Workers(str(store), limits, workers)
        await pool.start()
        app.state.workers = pool
        app.state.limits = limits
        try:
            yield
        finally:
            pool.close()

    middleware = [Middleware(CORSMiddleware, allow_origins=[allow_origin], allow_methods=["GET", "POST"],
                             allow_headers=["Content-Type", "Accept"])] if allow_origin else []
    return Starlette(routes=[
        Route("/", index), Route("/sparql", sparql, methods=["GET", "POST"]),
        Route("/questions", questions), Route("/questions/{name}", question), Route("/viz", viz),
        Route("/openapi.json", openapi_json)], middleware=middleware, lifespan=lifespan)
