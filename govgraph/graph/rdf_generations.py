"""Generations of an on-disk store: which one is live, the next one's name, the
atomic swap, clean-up of old ones, and the lock a build holds (``rdf_store``).

Layout of a store directory::

    govgraph-data/
      CURRENT          name of the live generation, replaced atomically
      gen-000003/      Oxigraph (RocksDB) database of that generation
      gen-000002/      the previous generation (kept until the next build)
      .lock            held by a running build

>>> import tempfile
>>> from pathlib import Path
>>> d = Path(tempfile.mkdtemp())
>>> next_generation(d)
'gen-000001'
>>> set_current(d, "gen-000001"); (d / CURRENT).read_text()
'gen-000001\\n'
"""

from __future__ import annotations

import os
import shutil
from pathlib import Path

from govgraph.errors import StoreError

__all__ = ["CURRENT", "LOCK", "generations", "next_generation", "set_current", "cleanup", "Lock"]

CURRENT = "CURRENT"
LOCK = ".lock"


def generations(path: Path) -> list[str]:
    """The generation folders in the store ``path``, oldest first."""
    return sorted(p.name for p in path.glob("gen-*") if p.is_dir())


def next_generation(path: Path) -> str:
    """The name of the generation after the newest one in ``path``."""
    gens = [int(g[4:]) for g in generations(path) if g[4:].isdigit()]
    return f"gen-{(max(gens) if gens else 0) + 1:06d}"


def set_current(path: Path, gen: str) -> None:
    """Make ``gen`` the live generation of ``path`` (atomic, flushed to disk)."""
    tmp = path / f".{CURRENT}.tmp"
    with open(tmp, "w", encoding="utf-8") as fh:
        fh.write(gen + "\n")
        fh.flush()
        os.fsync(fh.fileno())
    os.replace(tmp, path / CURRENT)
    fd = os.open(path, os.O_RDONLY)
    try:
        os.fsync(fd)
    finally:
        os.close(fd)


def cleanup(path: Path, keep: set) -> None:
    """Remove generations not in ``keep`` (left by older or killed builds)."""
    for g in generations(path):
        if g not in keep:
            shutil.rmtree(path / g, ignore_errors=True)


class Lock:
    """An exclusive lock on a file (one build at a time)."""

    def __init__(self, path: Path):
        self.path = path
        self.fd: int | None = None

    def __enter__(self):
        import fcntl

        self.fd = os.open(self.path, os.O_RDWR | os.O_CREAT, 0o644)
        try:
            fcntl.flock(self.fd, fcntl.LOCK_EX | fcntl.LOCK_NB)
        except OSError:
            os.close(self.fd)
            raise StoreError(f"another build is running on {self.path.parent}") from None
        return self

    def __exit__(self, *exc):
        import fcntl

        fcntl.flock(self.fd, fcntl.LOCK_UN)
        os.close(self.fd)
