"""``govgraph serve``: a read-only HTTP server over a store — a SPARQL 1.1 Protocol endpoint
(``/sparql``), the canned questions as JSON (``/questions``), the offline graph page
(``/viz``) and an OpenAPI description (``/openapi.json``); see docs/server.md.

Layout: ``app`` (routes, Starlette), ``worker`` (query processes that are killed at the
time limit), ``results`` (the SPARQL results formats).  It sits above ``govgraph.api``.

>>> app = make_app("govgraph-data")  # the workers start when the server does
>>> sorted(r.path for r in app.routes)
['/', '/openapi.json', '/questions', '/questions/{name}', '/sparql', '/viz']
"""

from __future__ import annotations

import os

from .app import make_app
from .worker import Limits

__all__ = ["make_app", "Limits", "serve"]


def serve(store: str | os.PathLike, host: str = "127.0.0.1", port: int = 7878, *, timeout: float = 5.0,
          max_rows: int = 10000, page_timeout: float = 60.0, workers: int = 2, allow_origin: str | None = None,
          log_level: str = "info") -> None:
    """Serve the store at ``store`` on ``host:port`` until interrupted (uvicorn; its log on
    stderr).  ``timeout``: seconds a query may run; ``max_rows``: rows an answer may have;
    ``page_timeout``: seconds the graph page may take;
    ``workers``: query processes; ``allow_origin``: CORS origin allowed to call it."""
    import uvicorn

    app = make_app(store, Limits(timeout=timeout, max_rows=max_rows, page_timeout=page_timeout), workers=workers, allow_origin=allow_origin)
    uvicorn.run(app, host=host, port=port, log_level=log_level)
