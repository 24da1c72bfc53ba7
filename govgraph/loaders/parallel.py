"""Where the extraction's pieces of work run: in this process, in worker processes
(``--jobs N``), or on a Dask cluster (``--cluster ADDRESS``).

A runner maps a module-level function over work items and gives the results back in the
order of the items, with a bounded number in flight (so memory stays bounded by the
pieces, not the input).  It knows nothing of notices: ``loaders.pipeline`` says what a
piece of work is.

>>> with runner(jobs=1) as r:
...     list(r.map(len, iter(["ab", "cde", ""])))
[2, 3, 0]
"""

from __future__ import annotations

from collections import deque
from collections.abc import Callable, Iterable, Iterator
from contextlib import contextmanager

from ..errors import InputError

__all__ = ["runner", "Serial", "Processes", "DaskCluster", "CONNECT_TIMEOUT"]

#: seconds to wait for a Dask scheduler to answer
CONNECT_TIMEOUT = 10


class Serial:
    """Runs each item here, when its result is asked for."""

    workers = 1

    def map(self, fn: Callable, items: Iterable) -> Iterator:
        return map(fn, items)

    def close(self) -> None:
        pass


def _bounded(submit: Callable, result: Callable, items: Iterable, depth: int) -> Iterator:
    """Results of ``submit(item)`` in item order, at most ``depth`` items submitted and not yet
    given back (the first waits while the others run)."""
    pending: deque = deque()
    for item in items:
        pending.append(submit(item))
        if len(pending) >= depth:
            yield result(pending.popleft())
    while pending:
        yield result(pending.popleft())


class Processes:
    """``jobs`` worker processes on this machine (forked: they see what this process loaded)."""

    def __init__(self, jobs: int):
        import multiprocessing as mp

        self.workers = jobs
        self.pool = mp.get_context("fork").Pool(jobs)

    def map(self, fn: Callable, items: Iterable) -> Iterator:
        return _bounded(lambda it: self.pool.apply_async(fn, (it,)), lambda r: r.get(), items, 2 * self.workers + 1)

    def close(self) -> None:
        self.pool.terminate()
        self.pool.join()


class DaskCluster:
    """The workers of a running ``dask.distributed`` scheduler at ``address`` (``tcp://host:8786``).

    Each item is a task; the functions and items travel pickled, so the workers need govgraph
    installed (the same version) and, for items that name files, the files at the same path."""

    def __init__(self, address: str):
        try:
            from distributed import Client
        except ImportError:
            raise InputError("--cluster needs dask.distributed: pip install 'govgraph[cluster]'") from None
        try:
            self.client = Client(address, timeout=CONNECT_TIMEOUT, set_as_default=False)
        except (OSError, TimeoutError, ValueError) as e:
            raise InputError(f"cannot reach the Dask scheduler at {address}: {e}") from None
        threads = sum(self.client.nthreads().values())
        if not threads:
            self.client.close()
            raise InputError(f"the Dask scheduler at {address} has no workers")
        self.workers = threads

    def map(self, fn: Callable, items: Iterable) -> Iterator:
        return _bounded(lambda it: self.client.submit(fn, it, pure=False), lambda f: f.result(), items,
                        2 * self.workers + 1)

    def close(self) -> None:
        self.client.close()


@contextmanager
def runner(jobs: int = 1, cluster: str | None = None):
    """The runner for ``jobs`` local processes, or for the Dask scheduler at ``cluster``; closed after."""
    if jobs < 1:
        raise InputError(f"jobs must be at least 1, not {jobs}")
    r = DaskCluster(cluster) if cluster else Processes(jobs) if jobs > 1 else Serial()
    try:
        yield r
    finally:
        r.close()
