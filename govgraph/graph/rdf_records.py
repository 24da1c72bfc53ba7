"""Each stored notice's facts beside its generation, for the projection (issue 16).

Reading a notice's facts back from Oxigraph costs ~18 µs a quad (every IRI and long
literal is a RocksDB look-up): ~3 ms a notice, ten minutes for a 100,000-notice store's
``neo4j import --store``. A build that writes an extraction's notices therefore also
keeps, for every notice graph of the new generation, the notice's fields and the facts
it wrote the graph from (what ``rdf_read.read_notice_graph`` reads back from that graph,
in another order), one compressed record each::

    gen-000003.records        the records, one after another (zlib-compressed JSON)
    gen-000003.records.idx    gzip JSON: [[graph IRI, offset, length], ...], written last

A build that adds notices copies the live generation's records file, appends the
records of the graphs it writes and points the index at them (the old ones become
garbage, dropped when they outweigh the rest). A generation without an index (written
before records were kept, by a build of facts not from an extraction, or killed before
its index) has none: readers then read the store.

>>> import tempfile
>>> d = Path(tempfile.mkdtemp())
>>> w = RecordWriter(d, "gen-000001")
>>> w.add("urn:n2", {"doc": "D2"}, [{"kind": "group", "doc": "D2", "group": "某领导小组"}])
>>> w.add("urn:n1", {"doc": "D1"}, [])
>>> w.finish()
>>> [fields["doc"] for fields, _ in read_records(d, "gen-000001")]
['D1', 'D2']
>>> w = RecordWriter(d, "gen-000002", base="gen-000001")
>>> w.add("urn:n1", {"doc": "D1", "title": "新"}, [])
>>> w.finish()
>>> [fields for fields, _ in read_records(d, "gen-000002")]
[{'doc': 'D1', 'title': '新'}, {'doc': 'D2'}]
>>> read_records(d, "gen-000009") is None
True
"""

from __future__ import annotations

import gzip
import json
import os
import shutil
import zlib
from collections.abc import Iterator
from pathlib import Path

from govgraph.errors import StoreError

from . import projection

__all__ = ["RecordWriter", "has_records", "notice_fields", "read_records"]


def notice_fields(notice, doc: str) -> dict:
    """A record's fields of ``notice`` (a ``Notice``, or None: a graph of facts without a
    notice, number ``doc``): those its projection reads (``projection.notice_fields``).

    >>> from govgraph.notice import Notice
    >>> notice_fields(Notice(doc="D1", text="...", title="关于…的通知"), "D1")["title"], notice_fields(None, "D2")
    ('关于…的通知', {'doc': 'D2'})
    """
    return {"doc": doc} if notice is None else projection.notice_fields(notice)


def _files(path: Path, gen: str) -> tuple[Path, Path]:
    data = path / f"{gen}.records"
    return data, data.with_name(data.name + ".idx")


def has_records(path: Path, gen: str) -> bool:
    """Whether generation ``gen`` of the store ``path`` has its records."""
    return _files(path, gen)[1].is_file()


def _read_index(path: Path, gen: str) -> dict[str, tuple[int, int]] | None:
    data, index = _files(path, gen)
    try:
        with gzip.open(index, "rt", encoding="utf-8") as fh:
            rows = json.load(fh)
        size = data.stat().st_size
    except FileNotFoundError:
        return None
    except (OSError, ValueError, EOFError) as e:
        raise StoreError(f"cannot read the notice records of {path / gen}: {e}") from None
    out = {iri: (off, n) for iri, off, n in rows}
    if any(off + n > size for off, n in out.values()):
        raise StoreError(f"the notice records of {path / gen} are cut short ({data})")
    return out


def read_records(path: Path, gen: str) -> Iterator[tuple[dict, list[dict]]] | None:
    """``(notice fields, facts)`` of every notice graph of generation ``gen``, in the order
    of the graphs' IRIs (as ``Store.notices_with_facts`` reads them), one at a time; None if
    the generation has no records."""
    index = _read_index(path, gen)
    if index is None:
        return None
    return _records(_files(path, gen)[0], index)


def _records(data: Path, index: dict[str, tuple[int, int]]) -> Iterator[tuple[dict, list[dict]]]:
    with open(data, "rb") as fh:
        for iri in sorted(index):
            off, n = index[iri]
            fh.seek(off)
            try:
                fields, facts = json.loads(zlib.decompress(fh.read(n)))
            except (zlib.error, ValueError) as e:
                raise StoreError(f"the notice record of {iri} in {data} is damaged ({e}); "
                                 f"remove {data.name}.idx to read the store instead") from None
            yield fields, facts


class RecordWriter:
    """The records of generation ``gen`` of the store ``path`` being written: those of
    generation ``base`` (which must have them) and then each graph ``add``-ed, which
    replaces its earlier record. ``finish`` writes the index (until then the generation has
    no records); ``abandon`` removes what was written."""

    GARBAGE_SHARE = 0.5  # rewrite the file when more than half of it is replaced records

    def __init__(self, path: Path, gen: str, base: str | None = None):
        self.data, self.index_file = _files(path, gen)
        self.index: dict[str, tuple[int, int]] = {}
        try:
            if base is not None:
                self.index = dict(_read_index(path, base) or {})
                shutil.copyfile(_files(path, base)[0], self.data)
            self.fh = open(self.data, "ab")
        except OSError as e:
            raise StoreError(f"cannot write the notice records {self.data}: {e}") from None

    def add(self, graph: str, fields: dict, facts: list[dict]) -> None:
        blob = zlib.compress(json.dumps([fields, facts], ensure_ascii=False, separators=(",", ":"),
                                        default=str).encode("utf-8"), 1)
        off = self.fh.tell()
        self.fh.write(blob)
        self.index[graph] = (off, len(blob))

    def finish(self) -> None:
        """Flush the records (rewritten without the replaced ones if they are most of the
        file) and write the index, atomically."""
        try:
            self.fh.close()
            live = sum(n for _, n in self.index.values())
            if live < self.data.stat().st_size * (1 - self.GARBAGE_SHARE):
                self._compact()
            with open(self.data, "rb") as fh:
                os.fsync(fh.fileno())
            tmp = self.index_file.with_name("." + self.index_file.name)
            with open(tmp, "wb") as raw:
                with gzip.GzipFile(fileobj=raw, mode="wb", compresslevel=1, mtime=0) as fh:
                    fh.write(json.dumps([[iri, off, n] for iri, (off, n) in self.index.items()]).encode("utf-8"))
                raw.flush()
                os.fsync(raw.fileno())
            os.replace(tmp, self.index_file)
        except OSError as e:
            raise StoreError(f"cannot write the notice records {self.data}: {e}") from None

    def _compact(self) -> None:
        tmp = self.data.with_name("." + self.data.name)
        index: dict[str, tuple[int, int]] = {}
        with open(self.data, "rb") as src, open(tmp, "wb") as out:
            for iri in sorted(self.index):
                off, n = self.index[iri]
                src.seek(off)
                index[iri] = (out.tell(), n)
                out.write(src.read(n))
        os.replace(tmp, self.data)
        self.index = index

    def abandon(self) -> None:
        """Remove the files of this generation's records (a failed build)."""
        if not self.fh.closed:
            self.fh.close()
        for f in (self.data, self.index_file, self.data.with_name("." + self.data.name),
                  self.index_file.with_name("." + self.index_file.name)):
            f.unlink(missing_ok=True)
