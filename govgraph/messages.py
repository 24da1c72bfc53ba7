"""Warnings as values: the text the analyst reads, plus a ``kind`` the code tests.

A :class:`Message` is a ``str`` (printed, compared and written to JSON exactly as
the text) that also says what kind of message it is and which file or notice it
names, so that callers tell messages apart by ``kind``, never by their wording.

>>> w = Message("a.txt: decoded as gb18030", ENCODING, source="a.txt", detail="gb18030")
>>> w == "a.txt: decoded as gb18030", w.kind, w.detail
(True, 'encoding', 'gb18030')
>>> kind_of("a plain string"), problems([w, "a.txt: no date found in the notice"])
('general', ['a.txt: no date found in the notice'])
"""

from __future__ import annotations

__all__ = ["Message", "kind_of", "problems", "KINDS", "NOTE_KINDS",
           "ENCODING", "SKIPPED", "PLACE", "PERSON", "UNIT", "UNREAD", "GENERAL"]

ENCODING = "encoding"  # how a file was decoded (a note: not a problem)
SKIPPED = "skipped"  # a notice left out (a duplicate, or a second text under one document number)
PLACE = "place"  # a notice's jurisdiction could not be read
PERSON = "person"  # a person name the checks doubt (listed twice with different posts, …)
UNIT = "unit"  # unit names that might be one unit but are not merged
UNREAD = "unread"  # a file not read: unknown format (a warning); scanned PDF, encrypted, corrupt, no converter (errors)
GENERAL = "general"  # anything else (what the text promises but was not read, a missing date, …)
KINDS = (ENCODING, SKIPPED, PLACE, PERSON, UNIT, UNREAD, GENERAL)
NOTE_KINDS = frozenset({ENCODING})  # informational: do not count as warnings (``--strict``, the report)


class Message(str):
    """A warning: its text, its ``kind`` (one of :data:`KINDS`), the ``source`` file and the
    ``doc`` (document number) it names, if any, and ``detail``, the value it reports
    (for ``encoding``: how the file was decoded, e.g. ``gb18030 (HTML stripped)``)."""

    __slots__ = ("kind", "source", "doc", "detail")

    def __new__(cls, text: str, kind: str = GENERAL, *, source: str | None = None, doc: str | None = None,
                detail: str | None = None) -> "Message":
        if kind not in KINDS:
            raise ValueError(f"unknown message kind {kind!r}; one of {', '.join(KINDS)}")
        self = super().__new__(cls, text)
        self.kind, self.source, self.doc, self.detail = kind, source, doc, detail
        return self

    def __reduce__(self):  # copy and pickle keep the fields
        return _restore, (str(self), self.kind, self.source, self.doc, self.detail)


def _restore(text, kind, source, doc, detail) -> Message:
    return Message(text, kind, source=source, doc=doc, detail=detail)


def kind_of(message: str) -> str:
    """The kind of ``message``; a plain string is ``general``."""
    return getattr(message, "kind", GENERAL)


def problems(messages) -> list[str]:
    """The messages that are warnings proper (notes such as how a file was decoded left out)."""
    return [m for m in messages if kind_of(m) not in NOTE_KINDS]
