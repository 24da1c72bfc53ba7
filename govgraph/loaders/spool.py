"""An extraction's notices and facts on disk, one record per notice, written as the
extraction yields them: what a build reads back one notice at a time, so that its memory
does not grow with the corpus's facts and texts (issue 16).  Only each notice's unit
mentions (what the corpus-wide unit catalogue is resolved from) stay in memory.

The file is an unnamed temporary file (``tempfile.TemporaryFile``) in the folder given
(the store's, so the spool is on its disk): nothing is left behind whatever happens, and
its space is freed when the spool is closed or dropped.

>>> from govgraph.notice import Notice
>>> s = Spool()
>>> s.add(Notice(doc="阳政办〔2018〕9号", text="..."), [{"kind": "group", "doc": "阳政办〔2018〕9号", "group": "某领导小组"}], [])
>>> s.add(Notice(doc="阳政办〔2018〕10号", text="..."), [], [])
>>> len(s.notices), [f["group"] for f in s.facts], s.kinds()
(2, ['某领导小组'], {'group': 1})
>>> s.read("阳政办〔2018〕9号")[0].doc, s.docs_with_facts()
('阳政办〔2018〕9号', ['阳政办〔2018〕9号'])
>>> s.close()
"""

from __future__ import annotations

import os
import pickle
import tempfile
from collections import Counter
from collections.abc import Iterator
from pathlib import Path

from ..notice import Notice

__all__ = ["Spool"]


class Spool:
    """Notices with their facts in a temporary file (``folder``: where; default the system's
    temporary folder), in the order added; the unit catalogue's facts (``units``, added by
    ``extend``) in memory.  ``notices`` and ``facts`` read them back in that order (an
    ``Extraction``'s lists, lazily); ``read(doc)`` one notice's record; ``mentions``: each
    notice's unit mentions ``(scope, name)``, as ``rdf_build.plan`` gathers them, for the
    docs with facts."""

    def __init__(self, folder: str | os.PathLike | None = None):
        self.file = tempfile.TemporaryFile(prefix="govgraph-spool-", dir=_existing(folder))
        self.at: dict[str, int] = {}  # doc -> offset of its record
        self.with_facts: dict[str, None] = {}  # the docs with facts, in order
        self.mentions: dict[str, list[tuple]] = {}
        self.units: list[dict] = []
        self.end = 0
        self.count = Counter()  # facts per kind, in the order first met
        self._pairs: dict[tuple, tuple] = {}  # one tuple per distinct (scope, name)
        self.notices = _Notices(self)
        self.facts = _Facts(self)

    def add(self, notice: Notice, facts: list[dict], mentions: list[tuple]) -> None:
        """Write one notice and its facts (not ``unit`` facts); keep its unit ``mentions``
        (``pipeline.unit_mentions``), each distinct ``(scope, name)`` held once."""
        f = self.file
        f.seek(self.end)
        self.at[notice.doc] = self.end
        pickle.dump((notice, facts), f, protocol=pickle.HIGHEST_PROTOCOL)
        self.end = f.tell()
        self.count.update(x["kind"] for x in facts)
        if facts:
            self.with_facts[notice.doc] = None
        # every notice, one without facts too: the mentions keep the notices' order (a notice
        # without facts is not moved to the end, where a build adding notices would not put it)
        pairs = self._pairs
        self.mentions.setdefault(notice.doc, []).extend(pairs.setdefault(p, p) for p in mentions)

    def extend(self, units: list[dict]) -> None:
        """Add facts kept in memory: the unit catalogue's (the extraction's last step)."""
        self.units.extend(units)
        self.count.update(x["kind"] for x in units)

    def read(self, doc: str) -> tuple[Notice, list[dict]]:
        """The notice ``doc`` and its facts."""
        self.file.seek(self.at[doc])
        return pickle.load(self.file)

    def records(self) -> Iterator[tuple[Notice, list[dict]]]:
        """Every notice and its facts, in the order added."""
        for at in list(self.at.values()):
            self.file.seek(at)
            yield pickle.load(self.file)

    def docs_with_facts(self) -> list[str]:
        return list(self.with_facts)

    def kinds(self) -> dict[str, int]:
        """Facts per kind (units included), kinds in the order first met."""
        return dict(self.count)

    def close(self) -> None:
        self.file.close()


class _Notices:
    """The spooled notices as a read-only sequence (each read from the file when asked)."""

    def __init__(self, spool: Spool):
        self.spool = spool

    def __len__(self) -> int:
        return len(self.spool.at)

    def __iter__(self) -> Iterator[Notice]:
        return (n for n, _ in self.spool.records())

    def __getitem__(self, i: int) -> Notice:
        return self.spool.read(list(self.spool.at)[i])[0]

    def __bool__(self) -> bool:
        return bool(self.spool.at)


class _Facts:
    """The spooled facts, then the catalogue's, as a read-only collection."""

    def __init__(self, spool: Spool):
        self.spool = spool

    def __len__(self) -> int:
        return sum(self.spool.count.values())

    def __iter__(self) -> Iterator[dict]:
        for _, facts in self.spool.records():
            yield from facts
        yield from self.spool.units

    def __bool__(self) -> bool:
        return len(self) > 0

    def extend(self, facts: list[dict]) -> None:
        self.spool.extend(facts)


def _existing(folder: str | os.PathLike | None) -> Path | None:
    """``folder`` or its nearest existing parent (a store not made yet: the folder it goes in)."""
    if folder is None:
        return None
    p = Path(folder).absolute()
    while not p.is_dir() and p != p.parent:
        p = p.parent
    return p
