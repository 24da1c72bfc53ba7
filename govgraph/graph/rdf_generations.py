"""Generations of an on-disk store: which one is live, the next one's name, the
atomic swap, clean-up of old ones, and the lock a build holds (``rdf_store``).

Layout of a store directory::

    govgraph-data/
      CURRENT          name of the live generation, replaced atomically
      gen-000003/      Oxigraph (RocksDB) database of that generation
      gen-000002/      the previous generation (kept until the next build)
      gen-000003.mentions.jsonl.gz   the unit names each notice of gen-000003 uses
      .lock            held by a running build

The mentions file beside a generation (``read_mentions``) lets the next build resolve
the unit catalogue of all its notices again, as a fresh build would, without reading
the notices (``rdf_build.plan``); a store written before it was kept has none.

A build keeps the live generation and the ``keep_count()`` generations before it
(``$GOVGRAPH_KEEP_GENERATIONS``, default 1), so ``govgraph diff`` can compare the live
generation with an older one (``resolve`` reads the names a user gives them).

>>> import tempfile
>>> from pathlib import Path
>>> d = Path(tempfile.mkdtemp())
>>> next_generation(d)
'gen-000001'
>>> set_current(d, "gen-000001"); (d / CURRENT).read_text()
'gen-000001\\n'
"""

from __future__ import annotations

import gzip
import itertools
import json
import os
import shutil
from pathlib import Path

from govgraph.errors import StoreError

__all__ = ["CURRENT", "LOCK", "KEEP_ENV", "generations", "next_generation", "set_current", "cleanup",
           "keep_count", "kept", "resolve", "Lock",
           "read_mentions", "write_mentions"]

CURRENT = "CURRENT"
LOCK = ".lock"
#: how many generations before the live one a build keeps (default 1)
KEEP_ENV = "GOVGRAPH_KEEP_GENERATIONS"


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
    """Remove generations not in ``keep`` (left by older or killed builds), and their files."""
    for g in generations(path):
        if g not in keep:
            shutil.rmtree(path / g, ignore_errors=True)
    for f in path.glob("gen-*.*"):
        if f.name.split(".", 1)[0] not in keep:
            f.unlink(missing_ok=True)


def _mentions_file(path: Path, gen: str) -> Path:
    return path / f"{gen}.mentions.jsonl.gz"


def read_mentions(path: Path, gen: str) -> dict[str, list[tuple]] | None:
    """``{doc: [(scope, unit name), ...]}`` of the generation ``gen``'s notices, in the order
    they were read (``write_mentions``), or None if it has no mentions file.

    >>> import tempfile
    >>> d = Path(tempfile.mkdtemp())
    >>> write_mentions(d, "gen-000001", {"d1": [("某区", "区财政局")], "d2": []})
    >>> read_mentions(d, "gen-000001"), read_mentions(d, "gen-000002")
    ({'d1': [('某区', '区财政局')], 'd2': []}, None)
    """
    try:
        pairs: dict[tuple, tuple] = {}  # each distinct (scope, name) held once (~14 a notice)
        with gzip.open(_mentions_file(path, gen), "rt", encoding="utf-8") as fh:
            return {doc: [pairs.setdefault(m, m) for m in map(tuple, ms)] for doc, ms in map(json.loads, fh)}
    except FileNotFoundError:
        return None
    except (OSError, ValueError, EOFError) as e:
        raise StoreError(f"cannot read the unit mentions of {path / gen}: {e}") from None


def write_mentions(path: Path, gen: str, mentions: dict[str, list[tuple]],
                   base: tuple[str, int] | None = None) -> None:
    """Write the mentions file of generation ``gen`` (see ``read_mentions``), flushed to disk.

    ``base``: ``(generation, n)``: the first ``n`` entries of ``mentions`` are that generation's
    mentions file as it stands (a build that added notices): its bytes are copied and the
    rest written after them as a gzip member of its own (read as one stream), instead of
    every notice's mentions encoded again.

    >>> import tempfile
    >>> d = Path(tempfile.mkdtemp())
    >>> write_mentions(d, "gen-000001", {"d1": [("某区", "区财政局")]})
    >>> write_mentions(d, "gen-000002", {"d1": [("某区", "区财政局")], "d2": []}, base=("gen-000001", 1))
    >>> read_mentions(d, "gen-000002")
    {'d1': [('某区', '区财政局')], 'd2': []}
    """
    target = _mentions_file(path, gen)
    tmp = target.with_name("." + target.name)
    items = iter(mentions.items())
    with open(tmp, "wb") as raw:
        if base is not None:
            with open(_mentions_file(path, base[0]), "rb") as src:
                shutil.copyfileobj(src, raw)
            items = itertools.islice(items, base[1], None)
        with gzip.GzipFile(fileobj=raw, mode="wb", compresslevel=1, mtime=0) as fh:
            for doc, ms in items:
                fh.write((json.dumps([doc, ms], ensure_ascii=False) + "\n").encode("utf-8"))
        raw.flush()
        os.fsync(raw.fileno())
    os.replace(tmp, target)


def keep_count() -> int:
    """Generations kept before the live one: ``$GOVGRAPH_KEEP_GENERATIONS`` (0 or more), default 1."""
    v = os.environ.get(KEEP_ENV, "").strip()
    if not v:
        return 1
    if not v.isdigit():
        raise StoreError(f"{KEEP_ENV} must be a number of generations (0 or more), not {v!r}")
    return int(v)


def kept(path: Path, live: str, n: int) -> set:
    """``live`` and the ``n`` newest generations of ``path`` older than it: what a build keeps.

    >>> import tempfile
    >>> d = Path(tempfile.mkdtemp())
    >>> for g in ("gen-000001", "gen-000002", "gen-000003", "gen-000004"): (d / g).mkdir()
    >>> sorted(kept(d, "gen-000003", 1))
    ['gen-000002', 'gen-000003']
    """
    older = [g for g in generations(path) if g < live]
    return {live, *(older[-n:] if n > 0 else [])}


def resolve(path: Path, spec: str, live: str) -> str:
    """The generation of ``path`` a user names: ``gen-000002`` or ``2`` (its number),
    ``-1`` (the one before the live generation ``live``), ``-2`` (two before) ...

    >>> import tempfile
    >>> d = Path(tempfile.mkdtemp())
    >>> for g in ("gen-000001", "gen-000002", "gen-000003"): (d / g).mkdir()
    >>> resolve(d, "-1", "gen-000003"), resolve(d, "1", "gen-000003"), resolve(d, "gen-000003", "gen-000003")
    ('gen-000002', 'gen-000001', 'gen-000003')
    """
    gens = generations(path)
    s = spec.strip()
    if s.startswith("-") and s[1:].isdigit():
        older = [g for g in gens if g < live]
        n = int(s[1:])
        if n == 0:
            return live
        if n > len(older):
            raise StoreError(f"store {path} keeps {len(older)} generation(s) before the live one "
                             f"({live}), not {n} (set {KEEP_ENV} to keep more)")
        return older[-n]
    name = f"gen-{int(s):06d}" if s.isdigit() else s
    if name not in gens:
        raise StoreError(f"store {path} has no generation {spec!r} (it has {', '.join(gens) or 'none'})")
    return name


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
