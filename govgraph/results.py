"""The rows of a question or query: what the RDF store, the canned questions, the
Neo4j twins and the API all return (a floor module: it imports nothing of govgraph).

>>> r = Result(["unit", "total"], [{"unit": "区水务局", "total": 3}])
>>> len(r), r.as_tuples()
(1, [('区水务局', 3)])
>>> Result(["due"], [], reason="no task falls due in 2018-02").reason
'no task falls due in 2018-02'
"""

from __future__ import annotations

from dataclasses import dataclass

__all__ = ["Result"]


@dataclass
class Result:
    """Rows of a query: ``columns`` in order, each row a dict column -> value
    (str, int, float, bool or None for unbound).  ``reason``: why there is no row, in
    one line, when a canned question's answer is empty (else None)."""

    columns: list[str]
    rows: list[dict]
    reason: str | None = None

    def __len__(self) -> int:
        return len(self.rows)

    def __iter__(self):
        return iter(self.rows)

    def as_tuples(self) -> list[tuple]:
        return [tuple(r.get(c) for c in self.columns) for r in self.rows]
