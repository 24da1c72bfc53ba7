"""Errors govgraph raises; each message names the file or notice at fault."""

__all__ = ["GovGraphError", "InputError", "NoNoticeError", "StrictError", "StoreError", "QueryError", "Neo4jError",
           "EstimateWarning"]


class GovGraphError(Exception):
    """Base class: a clear, one-line message for the analyst."""


class InputError(GovGraphError):
    """A file or notice could not be read."""


class NoNoticeError(InputError):
    """No notice of the input could be read: there is nothing to load."""


class StrictError(InputError):
    """Strict mode: the extraction has warnings or errors, so nothing was written."""


class StoreError(GovGraphError):
    """The on-disk store could not be opened, read or written."""


class QueryError(GovGraphError):
    """A canned question or SPARQL/Cypher text could not be run."""


class Neo4jError(GovGraphError):
    """The Neo4j server is unreachable, refused the credentials or the database."""


class EstimateWarning(UserWarning):
    """A column estimated rather than computed exactly, on a graph too large for the exact
    algorithm (``analyze centrality``'s betweenness); the message says which and how."""
