"""``govgraph serve``: a read-only HTTP server over a store — a SPARQL 1.1 Protocol endpoint
(``/sparql``), the canned questions as JSON (``/questions``), the offline graph page
(``/viz``) and an OpenAPI description (``/openapi.json``); see docs/server.md.

Layout: ``app`` (routes, Starlette), ``worker`` (query processes that are killed at the
time limit), ``results`` (the SPARQL results formats).  It sits above ``govgraph.api`` and below the CLI
(``govgraph serve`` calls :func:`serve`).

>>> app = make_app("govgraph-data")  # the workers start when the server does
>>> sorted(r.path for r in app.routes)
['/', '/openapi.json', '/questions', '/questions/{name}', '/sparql', '/viz']
"""

from __future__ import annotations

import os
from collections.abc import Callable

from govgraph.api import Graph
from govgraph.errors import InputError

from .app import make_app
from .worker import Limits

__all__ = ["make_app", "Limits", "serve"]


def serve(store: str | os.PathLike | None = None, host: str = "127.0.0.1", port: int = 7878, *,
          timeout: float = 5.0, max_rows: int = 10000, page_timeout: float = 60.0, workers: int = 2,
          allow_origin: str | None = None, on_start: Callable[[str], None] | None = None,
          log_level: str = "info") -> None:
    """Serve the store at ``store`` (default as ``api.open_graph``) read-only on ``host:port``
    until interrupted (uvicorn; its log on stderr).  ``timeout``: seconds a query may run (it
    is then stopped); ``max_rows``: rows an answer may have; ``page_timeout``: seconds the
    graph page may take (the first of a store builds its network); ``workers``: query
    processes; ``allow_origin``: a web origin (or ``*``) allowed to call it from a page
    (CORS); ``on_start(url)`` is called once the store is found good, before serving.
    Raises ``InputError`` for bad limits or a port that cannot be listened on, and
    ``StoreError`` at once if there is no readable store."""
    import uvicorn

    if timeout <= 0 or page_timeout <= 0 or max_rows < 1 or workers < 1:
        raise InputError("serve: the time limits must be above 0 s, and max_rows and workers at least 1")
    g = Graph.open(store)  # a missing or damaged store fails here, before the server starts
    store = g.path
    g.store.close()
    _check_port(host, port)
    if on_start:
        on_start(f"http://{host}:{port}/")
    app = make_app(store, Limits(timeout=timeout, max_rows=max_rows, page_timeout=page_timeout), workers=workers, allow_origin=allow_origin)
    uvicorn.run(app, host=host, port=port, log_level=log_level)


def _check_port(host: str, port: int) -> None:
    """InputError naming ``host:port`` if it cannot be listened on (in use, or not this machine's)."""
    import socket

    try:
        with socket.create_server((host, port)):
            pass
    except OSError as e:
        raise InputError(f"serve: cannot listen on {host}:{port}: {e.strerror or e} (choose another --port)") from None
