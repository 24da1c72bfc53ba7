"""govgraph: a knowledge graph of Chinese government notices.

Data flows one way: loaders (read, split, extract) -> facts -> graph backends
(RDF store, Neo4j, networkx) -> queries and analytics -> CLI and notebooks.
"""

__version__ = "0.1.0"
