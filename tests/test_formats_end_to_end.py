"""Issue 17 end to end: files in the formats governments publish, given to ``extract`` and
``build``, read through ``loaders.formats`` and rendered (``loaders.render``,
``loaders.attachments``).

- The same real notice as ``.txt``, ``.docx``, ``.pdf``, ``.md`` and (its responsibility
  table) ``.xlsx`` gives the same facts.  What may differ, and only that: the evidence (a
  document's offsets and its file, table, row and column); a table task's quoted text, which
  the ``.txt`` copy of the corpus writes as ``cell | cell |`` where a table's cells are
  joined by tabs (the same characters once ``|`` and white space are taken out); and the
  document number of a notice that states it only in the corpus's front matter (sh-05,
  sh-14): a ``.docx`` or PDF has no front matter, so its file name stands for the number.
- A saved web page whose responsibility table is an attached ``.docx`` builds as one notice
  whose table tasks name the attachment, its table and row, and ``export facts`` gives them back.
- A folder of files that cannot be read beside a good notice: the notice is read, each
  file named with its reason (exit 2); ``--strict`` fails (exit 1) and writes nothing.
"""

from __future__ import annotations

import json
import re

import pytest
from typer.testing import CliRunner

from formats_writers import (REAL, blocks_of, document_of, notice_blocks, page_html, write_docx, write_encrypted_pdf,
                             write_md, write_pdf, write_scanned_pdf, write_truncated_docx, write_xlsx)
from govgraph.cli import app
from govgraph.facts import fact_id
from govgraph.loaders.pipeline import extract_paths

#: real notices: a responsibility table kept as ``|`` lines (ext-25), a member list (gov-12),
#: labelled task lines (ext-13), responsibility tables kept a cell per paragraph under a front
#: matter holding the document number (sh-05, sh-14)
NOTICES = ["ext-25.txt", "gov-12.txt", "ext-13.txt", "sh-05.txt", "sh-14.txt"]
_FRONT = {"title": "标题", "doc": "文号", "issuer": "发布单位", "date": "发布日期"}


def _cli(*args):
    return CliRunner().invoke(app, [str(a) for a in args])


def _blocks(name: str) -> tuple[list, dict]:
    """A real notice as paragraphs and tables, and its front matter (as markdown writes it)."""
    if name.startswith("sh-"):
        doc = document_of(REAL / name)
        return blocks_of(doc), {_FRONT[k]: v for k, v in doc.meta.items()}
    return notice_blocks(name), {}


def _compared(fact: dict, number: dict[str, str]) -> str:
    """A fact as compared across formats: no evidence; a task's text without ``|`` and white
    space; ``number`` maps a document number read from a file name to the notice's."""
    f = {k: v for k, v in fact.items() if k != "evidence"}
    if f["kind"] == "task":
        f["text"] = re.sub(r"[|\s]", "", f["text"])
    if "doc" in f:
        f["doc"] = number.get(f["doc"], f["doc"])
        if f.get("place", "").startswith("?"):  # a notice of no place is a scope of its own, named by its number
            f["place"] = "?" + number.get(f["place"][1:], f["place"][1:])
    if "docs" in f:
        f["docs"] = [number.get(d, d) for d in f["docs"]]
    return json.dumps(f, ensure_ascii=False, sort_keys=True)


def _table_tasks(facts) -> list[tuple]:
    return sorted((f["ref"], re.sub(r"[|\s]", "", f["text"]), f["lead"], f["responsible"], f["due"])
                  for f in facts if f["kind"] == "task" and f["ref"].startswith("附件."))


@pytest.mark.parametrize("name", NOTICES)
def test_a_real_notice_in_every_format_gives_the_facts_of_its_text(tmp_path, name):
    blocks, front = _blocks(name)
    plain = extract_paths([REAL / name])
    (number,) = [n.doc for n in plain.notices]
    want = sorted(_compared(f, {}) for f in plain.facts)
    assert want
    tables = [rows for kind, rows in blocks if kind == "t"]
    stem = name[:-4]
    files = {"docx": write_docx(blocks, tmp_path / f"{stem}.docx"), "pdf": write_pdf(blocks, tmp_path / f"{stem}.pdf"),
             "md": write_md(blocks, tmp_path / f"{stem}.md", front or None)}
    for fmt, path in files.items():
        ex = extract_paths([path])
        assert not ex.errors, (fmt, ex.errors)
        (n,) = ex.notices
        renamed = {stem: number} if front and fmt != "md" else {}  # markdown keeps the front matter
        assert n.doc == (stem if renamed else number)
        assert sorted(_compared(f, renamed) for f in ex.facts) == want, fmt
        located = [f["evidence"] for f in ex.facts if f["kind"] == "task" and "row" in f.get("evidence", {})]
        for ev in (f["evidence"] for f in ex.facts if "evidence" in f):
            assert n.text[ev["start"]:ev["end"]] == ev["text"]
        if tables:  # a table's tasks name their table and row (and, in a PDF, the page)
            assert located and all(ev["file"] == str(path) and "table" in ev for ev in located)
            assert all("page" in ev for ev in located) == (fmt == "pdf")
        else:
            assert not located
    if name in ("ext-25.txt", "sh-05.txt"):  # its responsibility table alone, as a workbook
        rows = tables[0] + [r for t in tables[1:] for r in t[1:]]  # a table continued: its header once
        book = write_xlsx(rows, tmp_path / f"{stem}.xlsx")
        ex = extract_paths([book])
        assert not ex.errors and _table_tasks(ex.facts) == _table_tasks(plain.facts) != []
        sheet = [f["evidence"] for f in ex.facts if f["kind"] == "task"]
        assert all(ev.get("sheet") == "任务分解" and ev.get("row") for ev in sheet)
        if name == "ext-25.txt":  # the whole notice is its table (and its title line)
            assert sorted(_compared(f, {}) for f in ex.facts) == want


def _sh05_page_and_attachment() -> tuple[list[str], list]:
    """sh-05 as its site publishes it: the page's lines (the text before its attachment) and
    the attachment (its title and the responsibility table, as blocks)."""
    text = (REAL / "sh-05.txt").read_text(encoding="utf-8")
    title = "附件：嘉定区系统化全域推进海绵城市建设重点任务分解表"
    blocks = blocks_of(document_of(REAL / "sh-05.txt"))
    at = blocks.index(("p", title))
    return text[:text.index(f"\n{title}\n")].splitlines(), blocks[at:]


def test_a_page_with_its_table_attached_as_word_builds_as_one_notice(tmp_path):
    lines, attachment = _sh05_page_and_attachment()
    folder = tmp_path / "下载"
    folder.mkdir()
    link = '<p>附件：<a href="/cms/P020241010.docx">嘉定区系统化全域推进海绵城市建设重点任务分解表.docx</a></p>'
    (folder / "嘉府办发〔2024〕23号.html").write_text(page_html(lines, link), encoding="utf-8")
    docx = write_docx(attachment, folder / "P020241010.docx")
    (folder / "嘉府办发〔2024〕23号_files").mkdir()  # what a browser saves with the page: its parts
    (folder / "嘉府办发〔2024〕23号_files" / "logo.png").write_bytes(b"\x89PNG\r\n")
    (folder / "嘉府办发〔2024〕23号_files" / "site.css").write_text("p {}", encoding="utf-8")
    store = tmp_path / "kg"
    res = _cli("build", folder, "--store", store)
    assert res.exit_code == 0, res.output
    assert "1 file(s) as docx (an attachment)" in res.stderr and "formats: 1 docx, 1 html" in res.stderr
    assert "file(s) not read" not in res.stderr and ".png" not in res.stderr  # the page's parts are not listed
    out = tmp_path / "facts.jsonl"
    assert _cli("export", "facts", "--store", store, "-o", out).exit_code == 0
    back = [json.loads(line) for line in out.read_text(encoding="utf-8").splitlines()]
    assert {f["doc"] for f in back if "doc" in f} == {"嘉府办发〔2024〕23号"}
    plain = extract_paths([REAL / "sh-05.txt"])
    tasks = lambda facts: sorted(_compared(f, {}) for f in facts if f["kind"] == "task")  # noqa: E731
    assert tasks(back) == tasks(plain.facts)
    rows = {f["ref"]: f["evidence"] for f in back if f["kind"] == "task" and f["ref"].startswith("附件.")}
    assert sorted(rows, key=lambda r: int(r[3:])) == [f"附件.{i}" for i in range(1, 13)]
    for i in range(1, 13):  # two tables in the attachment (the header repeated after a page break)
        ev = rows[f"附件.{i}"]
        assert (ev["file"], ev["table"], ev["row"]) == (str(docx), 0 if i <= 6 else 1, i if i <= 6 else i - 6)
        assert ev["text"].startswith(f"{i}\t")
    assert all("file" not in f["evidence"] for f in back if f["kind"] == "task" and f["ref"] not in rows)
    # the store gives back the evidence the extraction wrote, location fields included
    one = extract_paths([folder])
    extracted = {fact_id(f): f["evidence"] for f in one.facts if "evidence" in f}
    assert {fact_id(f): f["evidence"] for f in back if "evidence" in f} == extracted
    # worker processes read the page with its attachment too (they are told the run's pages)
    two = extract_paths([folder], jobs=2)
    assert (two.facts, two.warnings, two.errors) == (one.facts, one.warnings, one.errors)


def test_an_attachment_given_without_its_page_is_a_notice_of_its_own(tmp_path):
    lines, attachment = _sh05_page_and_attachment()
    page = tmp_path / "通知.html"
    page.write_text(page_html(lines, '<a href="附件1.docx">附件1</a>'), encoding="utf-8")
    docx = write_docx(attachment, tmp_path / "附件1.docx")
    res = _cli("extract", docx, "-o", tmp_path / "facts.jsonl")
    assert res.exit_code == 0, res.output
    assert f"warning: {docx}: an attachment of {page}, which is not read; read as a notice of its own" in res.stderr
    facts = [json.loads(x) for x in (tmp_path / "facts.jsonl").read_text(encoding="utf-8").splitlines()]
    assert len([f for f in facts if f["kind"] == "task"]) == 12 and {f.get("doc") for f in facts} >= {"附件1"}


def test_files_that_cannot_be_read_are_named_and_strict_fails(tmp_path):
    folder = tmp_path / "in"
    folder.mkdir()
    source = notice_blocks("gov-12.txt")
    (folder / "gov-12.txt").write_bytes((REAL / "gov-12.txt").read_bytes())
    scratch = tmp_path / "scratch"
    scratch.mkdir()
    bad = {write_truncated_docx(write_docx(source, scratch / "n.docx"), folder / "truncated.docx"): "corrupt .docx",
           write_encrypted_pdf(write_pdf(source[:2], scratch / "n.pdf"), folder / "locked.pdf", "secret"):
               "encrypted PDF",
           write_scanned_pdf(folder / "scan.pdf"): "scanned PDF (no text layer; OCR is not done)",
           folder / "photo.jpg": "unknown format (.jpg)"}
    (folder / "photo.jpg").write_bytes(b"\xff\xd8\xff\xe0")
    out = tmp_path / "facts.jsonl"
    res = _cli("extract", folder, "-o", out)
    assert res.exit_code == 2 and out.exists()  # read what could be read, name the rest (docs/cli.md)
    got = [json.loads(line) for line in out.read_text(encoding="utf-8").splitlines()]
    plain = extract_paths([REAL / "gov-12.txt"])
    assert sorted(_compared(f, {}) for f in got) == sorted(_compared(f, {}) for f in plain.facts)
    for f, reason in bad.items():  # a document that cannot be read is an error, another format a warning
        assert f"{'warning' if f.suffix == '.jpg' else 'error'}: {f}: {reason}" in res.stderr, f
    assert "4 file(s) not read" in res.stderr and "read 1 file(s) as utf-8\n" in res.stderr  # files read, by format
    out.unlink()
    res = _cli("extract", folder, "-o", out, "--strict")
    assert res.exit_code == 1 and not out.exists()
    assert "error: --strict: warnings or errors above; nothing written" in res.stderr
    res = _cli("build", folder, "--store", tmp_path / "kg", "--strict", "-q")
    assert res.exit_code == 1 and "--strict" in res.stderr and all(str(f) in res.stderr for f in bad)
    assert not (tmp_path / "kg").exists() or not any((tmp_path / "kg").iterdir())
    # a folder of only unreadable files names each one
    (folder / "gov-12.txt").unlink()
    res = _cli("build", folder, "--store", tmp_path / "kg", "-q")
    assert res.exit_code == 1 and "no notice could be read" in res.stderr
    assert all(f"{f}: {reason}" in res.stderr for f, reason in bad.items())
    # only files of other formats: exit 0 would hide that nothing was read
    for f in list(bad)[:3]:
        f.unlink()
    res = _cli("extract", folder, "-o", out, "-q")
    assert res.exit_code == 1 and f"warning: {folder / 'photo.jpg'}: unknown format (.jpg)" in res.stderr
    assert "error: no notice could be read" in res.stderr


def test_an_attachment_that_cannot_be_read_is_named_and_strict_fails(tmp_path):
    lines, _ = _sh05_page_and_attachment()
    (tmp_path / "通知.html").write_text(page_html(lines, '<a href="附件1.pdf">附件1</a>'), encoding="utf-8")
    scan = write_scanned_pdf(tmp_path / "附件1.pdf")
    out = tmp_path / "facts.jsonl"
    res = _cli("extract", tmp_path / "通知.html", "-o", out)
    assert res.exit_code == 0 and out.exists()  # the page is read
    assert (f"{tmp_path / '通知.html'}: attachment {scan}: scanned PDF (no text layer; OCR is not done); not read"
            in res.stderr and "1 file(s) not read" in res.stderr)
    out.unlink()
    res = _cli("extract", tmp_path / "通知.html", "-o", out, "--strict")
    assert res.exit_code == 1 and not out.exists()
