"""Graph backends: the RDF store (``rdf_store`` and the ``rdf_*`` modules beside it), Neo4j and networkx.

Importing this package is cheap; import the backend module you need, e.g.
``from govgraph.graph.rdf_store import Store``.
"""

__all__: list[str] = []
