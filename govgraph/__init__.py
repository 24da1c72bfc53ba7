"""govgraph: a knowledge graph of Chinese government notices.

Data flows one way: loaders (read, split, extract) -> facts -> graph backends
(RDF store, Neo4j, networkx) -> queries and analytics -> CLI and notebooks.

>>> import govgraph
>>> sorted(govgraph.__all__)
['Graph', 'extract', 'load', 'open_graph']
"""

from .api import Graph, extract, load, open_graph

__version__ = "0.1.0"
__all__ = ["Graph", "load", "open_graph", "extract"]
