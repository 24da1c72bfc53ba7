"""How Oxigraph queries share the GIL with Python work in another thread (benchmarks/README.md,
round 15): one query's solutions iterated row by row, and the same query serialised as SPARQL
JSON in one call (``rdf_sparql.solutions``: how the store's queries are read), each alone and
beside a thread running a Python loop.

    .venv/bin/python benchmarks/gil_probe.py STORE [ROWS]
"""

from __future__ import annotations

import sys
import threading
import time

from govgraph.graph.rdf_sparql import solutions
from govgraph.graph.rdf_store import Store

QUERY = ("SELECT ?f ?d WHERE { GRAPH ?g { ?f a <https://govgraph.dev/ontology#Task> . "
         "?g <http://purl.org/dc/terms/issued> ?d } } LIMIT %d")


def main(path: str, rows: int = 20_000) -> None:
    db = Store.open(path).ox
    text = QUERY % rows
    ways = {"iterated": lambda: list(db.query(text)), "serialised": lambda: solutions(db, text)}

    def timed(fn) -> float:
        t = time.perf_counter()
        fn()
        return time.perf_counter() - t

    alone = {name: timed(fn) for name, fn in ways.items()}
    stop = threading.Event()

    def loop() -> None:
        x = 0
        while not stop.is_set():
            x += 1

    busy = threading.Thread(target=loop)
    busy.start()
    try:
        beside = {name: timed(fn) for name, fn in ways.items()}
    finally:
        stop.set()
        busy.join()
    for name in ways:
        print(f"{name:>10}: {rows} rows alone {alone[name]:.2f} s, beside a Python loop {beside[name]:.2f} s")


if __name__ == "__main__":
    main(sys.argv[1], *(int(a) for a in sys.argv[2:3]))
