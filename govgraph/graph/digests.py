"""A compact table of 16-byte digests, each with an optional small number: what a fresh
build keeps per entity triple of the union (``rdf_build.Writer.shared``) and per fact
identity (``rdf_build._SeenRows``), millions of them at 100 000 notices.

A Python ``set`` or ``dict`` of ``bytes`` keys costs ~90-110 bytes an entry (the ``bytes``
object, its slot, the table's free slots, an ``int`` value); here the entries are packed
in 65 536 ``bytearray`` buckets, chosen by the digest's first two bytes, as the other 14
bytes and the number: 14-19 bytes an entry.  A look-up scans its bucket with
``bytearray.find`` (~50 entries at 3 million).

>>> t = DigestTable(width=4)
>>> t.setdefault(b"0123456789abcdef", 7), t.setdefault(b"0123456789abcdef", 9), len(t)
(7, 7, 1)
>>> s = DigestTable()
>>> s.add(b"0123456789abcdef"), s.add(b"0123456789abcdef"), s.add(b"0123456789abcdeF")
(True, False, True)
"""

from __future__ import annotations

__all__ = ["DigestTable"]


class DigestTable:
    """A set of 16-byte digests (``width`` 0: ``add``) or a map of them to numbers below
    ``256 ** width`` (``setdefault``)."""

    def __init__(self, width: int = 0):
        self.width = width
        self.record = 14 + width  # the digest without its first two bytes (the bucket), the number
        self.buckets: list = [b""] * 65536
        self.count = 0

    def __len__(self) -> int:
        return self.count

    def _find(self, bucket, rest: bytes, at: int) -> int:
        """Where ``rest`` starts a record of ``bucket``, from its first match ``at`` on (a
        match across two records is none), or -1."""
        while at >= 0 and at % self.record:
            at = bucket.find(rest, at + 1)
        return at

    def add(self, digest: bytes) -> bool:
        """Add ``digest``; False when it was in already."""
        i = digest[0] << 8 | digest[1]
        rest, bucket = digest[2:], self.buckets[i]
        at = bucket.find(rest)
        if at >= 0 and (at % self.record == 0 or self._find(bucket, rest, at) >= 0):
            return False
        if not bucket:
            bucket = self.buckets[i] = bytearray()
        bucket += rest
        self.count += 1
        return True

    def setdefault(self, digest: bytes, number: int) -> int:
        """``digest``'s number; ``number`` when it was not in (and is added with it)."""
        i = digest[0] << 8 | digest[1]
        rest, bucket = digest[2:], self.buckets[i]
        at = self._find(bucket, rest, bucket.find(rest))
        if at >= 0:
            return int.from_bytes(bucket[at + 14:at + self.record], "little")
        if not bucket:
            bucket = self.buckets[i] = bytearray()
        bucket += rest + number.to_bytes(self.width, "little")
        self.count += 1
        return number
