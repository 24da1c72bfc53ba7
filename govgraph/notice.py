"""The notice: one government document, its header and its text."""

from __future__ import annotations

import hashlib
from dataclasses import dataclass, field

__all__ = ["Notice"]


@dataclass
class Notice:
    """One notice (通知) as read from a source file.

    ``text`` is the notice's own text exactly as decoded from the source (HTML
    markup stripped); every evidence offset of a fact points into it.

    >>> n = Notice(doc="阳政办〔2018〕9号", text="abc", date="2018-04-12")
    >>> len(n.sha256)
    64
    """

    doc: str  # normalised document number, or the file stem when it has none
    text: str
    title: str | None = None  # without spaces, joined when it wraps over several lines
    date: str | None = None  # ISO date of the notice
    issuer: str | None = None
    source: str | None = None  # path of the file it came from
    offset: int = 0  # where ``text`` starts in the decoded source file
    encoding: str | None = None
    warnings: list[str] = field(default_factory=list)
    title_span: tuple[int, int] | None = None  # where the title stands in ``text`` (first to last line)
    place: str | None = None  # jurisdiction (``loaders.places``): 全国, a place, or ?DOC when unknown
    # where the spans of a rendered file's text came from (``loaders.render.Locator``, over the
    # text the notice was split from: ``offset`` + an offset into ``text``); None for a text file
    locator: object | None = field(default=None, repr=False, compare=False)

    @property
    def sha256(self) -> str:
        return hashlib.sha256(self.text.encode("utf-8")).hexdigest()

    @property
    def year(self) -> int | None:
        return int(self.date[:4]) if self.date else None

    def to_dict(self) -> dict:
        return {
            "doc": self.doc,
            "title": self.title,
            "date": self.date,
            "issuer": self.issuer,
            "source": self.source,
            "sha256": self.sha256,
            "place": self.place,
        }
