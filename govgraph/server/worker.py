"""Query processes that can be stopped: each request runs in one of a few worker processes
over the (read-only) store, and a job that outlives its time limit has its process killed
and replaced.

Why processes: Oxigraph evaluates a query inside one call that Python cannot interrupt
(pyoxigraph has no timeout or cancellation; oxigraph/oxigraph#1926), so a runaway query in
a thread would keep a core busy until it ends.  A killed process frees it at once.

A job is a tuple ``(kind, args)``; its reply a :class:`Reply` (the HTTP status, media type
and body).  ``kind`` is ``"sparql"``, ``"question"`` or ``"viz"`` (see :func:`answer`).
"""

from __future__ import annotations

import asyncio
import json
import multiprocessing as mp
import os
import tempfile
import weakref
from dataclasses import dataclass
from pathlib import Path

__all__ = ["Reply", "Limits", "Workers", "answer"]


@dataclass(frozen=True)
class Reply:
    """What to send back: ``status``, ``media`` type and ``body`` (bytes)."""

    status: int
    media: str
    body: bytes

    @classmethod
    def error(cls, status: int, message: str) -> "Reply":
        return cls(status, "text/plain; charset=utf-8", (message.rstrip("\n") + "\n").encode("utf-8"))


@dataclass(frozen=True)
class Limits:
    """Per-request limits: ``timeout`` seconds of work for a query, ``page_timeout`` for the
    graph page (the first one of a store builds its whole network), ``max_rows`` rows (or
    triples) in an answer."""

    timeout: float = 5.0
    max_rows: int = 10000
    page_timeout: float = 60.0

    def of(self, kind: str) -> tuple[float, str]:
        """The time limit of a job of ``kind`` and the option that sets it."""
        return (self.page_timeout, "--page-timeout") if kind == "viz" else (self.timeout, "--timeout")


class TooManyRows(Exception):
    pass


def _take(items, max_rows: int) -> list:
    out = []
    for x in items:
        if len(out) == max_rows:
            raise TooManyRows(f"the answer has more than {max_rows} rows, the server's limit (--max-rows); "
                              "narrow the query or add LIMIT")
        out.append(x)
    return out


def _sparql(graph, limits: Limits, text: str, accept: str | None, fmt, default_graphs, named_graphs) -> Reply:
    import pyoxigraph as ox

    from govgraph import api

    from . import results

    res = graph.sparql_terms(text, default_graphs=default_graphs or None, named_graphs=named_graphs or None)
    if isinstance(res, (bool, ox.QueryBoolean)):
        media = results.choose("solutions", accept, fmt)
        return Reply(200, media, results.boolean(bool(res), media))
    if isinstance(res, ox.QuerySolutions):
        media = results.choose("solutions", accept, fmt)
        variables = [v.value for v in res.variables]
        rows = _take(([sol[v] for v in variables] for sol in res), limits.max_rows)
        return Reply(200, media, results.write_solutions(variables, rows, media))
    media = results.choose("graph", accept, fmt)
    triples = _take(res, limits.max_rows)
    return Reply(200, media, results.write_graph(triples, media, api.sparql_prefixes()))


def _question(graph, limits: Limits, name: str, params: dict, with_place) -> Reply:
    res = graph.query(name, with_place=with_place, **params)
    rows = _take(res.rows, limits.max_rows)
    body = {"question": name, "columns": list(res.columns), "rows": rows}
    return Reply(200, "application/json", json.dumps(body, ensure_ascii=False, default=str).encode("utf-8"))


_NETWORKS: "weakref.WeakKeyDictionary" = weakref.WeakKeyDictionary()  # Graph -> its networkx graph


def _viz(graph, limits: Limits, **kw) -> Reply:
    if graph not in _NETWORKS:  # built once per opened store: the slow part of a page
        _NETWORKS[graph] = graph.to_networkx()
    with tempfile.TemporaryDirectory(prefix="govgraph-viz-") as d:
        page = graph.viz(Path(d) / "graph.html", network=_NETWORKS[graph], **kw)
    return Reply(200, "text/html; charset=utf-8", page["html"].encode("utf-8"))


_JOBS = {"sparql": _sparql, "question": _question, "viz": _viz}


def answer(graph, limits: Limits, kind: str, args: dict) -> Reply:
    """Do one job on ``graph`` (a ``govgraph.api.Graph``) in this process: a reply, errors included
    (400 for a query or parameter at fault, 404 for an unknown name in the graph)."""
    from govgraph.errors import GovGraphError, QueryError

    try:
        return _JOBS[kind](graph, limits, **args)
    except TooManyRows as e:
        return Reply.error(400, str(e))
    except QueryError as e:  # a KeyError too: an unknown focus of the page (UnknownNodeError)
        return Reply.error(404 if isinstance(e, KeyError) else 400, str(e))
    except GovGraphError as e:
        return Reply.error(500, str(e))
    except (SyntaxError, ValueError, OSError, RuntimeError) as e:  # raised while the answer is read
        return Reply.error(400, f"query failed: {e}".splitlines()[0])
    except Exception as e:  # a fault of govgraph's: said, and the process goes on serving
        return Reply.error(500, f"internal error: {type(e).__name__}: {e}".splitlines()[0])


def _stamp(store: str) -> int | None:
    """When the store folder last changed (a build adds a generation to it and swaps the live one)."""
    try:
        return os.stat(store).st_mtime_ns
    except OSError:
        return None


def _main(conn, store: str, limits: Limits) -> None:  # pragma: no cover - runs in the worker process
    import signal

    from govgraph import api
    from govgraph.errors import GovGraphError

    signal.signal(signal.SIGINT, signal.SIG_IGN)  # Ctrl-C reaches the whole group: the server stops us
    stamp = _stamp(store)
    try:
        graph = api.Graph.open(store)
    except GovGraphError as e:
        conn.send(str(e))
        return
    conn.send(None)  # ready
    while True:
        try:
            kind, args = conn.recv()
        except EOFError:  # the server has gone
            return
        now = _stamp(store)
        if now != stamp:  # built again since: answer from what the store holds now
            try:
                fresh = api.Graph.open(store)
            except GovGraphError:  # mid-way through a swap: keep what was read last, look again next time
                fresh = None
            if fresh is not None:
                graph.store.close()
                graph, stamp = fresh, now
        conn.send(answer(graph, limits, kind, args))


class _Process:
    def __init__(self, ctx, store: str, limits: Limits):
        self.conn, child = ctx.Pipe()
        self.proc = ctx.Process(target=_main, args=(child, store, limits), daemon=True, name="govgraph-query")
        self.proc.start()
        child.close()

    def ready(self, wait: float) -> str | None:
        """None once the process has opened the store, else why it could not."""
        if not self.conn.poll(wait):
            self.stop()
            return f"the query process did not start within {wait:.0f} s"
        try:
            return self.conn.recv()
        except EOFError:
            return "the query process ended while starting"

    def stop(self) -> None:
        if self.proc.is_alive():
            self.proc.kill()
        self.proc.join(5)
        self.conn.close()


class Workers:
    """``size`` query processes over the store at ``store``, each job under ``limits``.

    Use inside a running event loop: ``await start()``, then ``await run(kind, args)`` from
    any number of requests (they queue for a free process), ``close()`` at the end."""

    START_WAIT = 60.0

    def __init__(self, store: str, limits: Limits, size: int = 2):
        self.store = str(store)
        self.limits = limits
        self.size = max(1, size)
        self._ctx = mp.get_context("spawn")  # a fresh interpreter: no copy of the server's threads or store
        self._idle: asyncio.Queue | None = None
        self._all: set[_Process] = set()
        self._replacing: set[asyncio.Task] = set()  # kept until done (the loop holds tasks weakly)

    def _spawn(self) -> _Process:
        from govgraph.errors import StoreError

        p = _Process(self._ctx, self.store, self.limits)
        why = p.ready(self.START_WAIT)
        if why is not None:
            p.stop()
            raise StoreError(why)
        self._all.add(p)
        return p

    async def start(self) -> None:
        loop = asyncio.get_running_loop()
        self._idle = asyncio.Queue()
        for p in await asyncio.gather(*(loop.run_in_executor(None, self._spawn) for _ in range(self.size))):
            self._idle.put_nowait(p)

    async def _replace(self, p: _Process) -> None:
        self._all.discard(p)
        loop = asyncio.get_running_loop()
        await loop.run_in_executor(None, p.stop)
        try:
            self._idle.put_nowait(await loop.run_in_executor(None, self._spawn))
        except Exception:  # pragma: no cover - the store went away; the pool shrinks
            if not self._all:
                raise

    def _replace_soon(self, p: _Process) -> None:
        task = asyncio.get_running_loop().create_task(self._replace(p))
        self._replacing.add(task)
        task.add_done_callback(self._replacing.discard)

    async def run(self, kind: str, args: dict) -> Reply:
        """The reply to one job; 503 when it was stopped at the time limit."""
        loop = asyncio.get_running_loop()
        limit, option = self.limits.of(kind)
        p = await self._idle.get()
        try:
            p.conn.send((kind, args))
            if await loop.run_in_executor(None, p.conn.poll, limit):
                reply = await loop.run_in_executor(None, p.conn.recv)
                self._idle.put_nowait(p)
                return reply
        except (EOFError, OSError, BrokenPipeError):
            self._replace_soon(p)
            return Reply.error(500, "the query process ended unexpectedly; it has been restarted")
        self._replace_soon(p)
        return Reply.error(503, f"stopped at the server's time limit of {limit:g} s ({option}): "
                                f"narrow the question (add LIMIT; give /viz a focus) or serve with a larger {option}")

    def close(self) -> None:
        for p in list(self._all):
            p.stop()
        self._all.clear()
