"""The format readers (govgraph/loaders/formats): real notices written into .docx, .pdf,
.xlsx, .xls and .md by the libraries that write those formats (tests/formats_writers.py)
read back into the same paragraphs and table cells; a .doc made by LibreOffice (committed)
read through antiword; broken files refused with their reason; a folder's files listed, each
file not read with its reason (the command line's side: tests/test_formats_end_to_end.py)."""

from __future__ import annotations

import re
import zipfile

import pytest

from formats_writers import (FIXTURES, REAL, blocks_of, notice_blocks, write_docx, write_encrypted_pdf, write_md,
                             write_pdf, write_scanned_pdf, write_truncated_docx, write_xls, write_xlsx)
from govgraph.loaders.document import Unreadable
from govgraph.loaders.formats import SUFFIXES, read_document
from govgraph.loaders.formats.doc import converter
from govgraph.loaders.reading import iter_source_files

#: real notices: a responsibility table (任务分解表), a member list, labelled task lines
NOTICES = ["ext-25.txt", "gov-12.txt", "ext-13.txt"]
WRITERS = {"docx": write_docx, "pdf": write_pdf, "md": write_md}


@pytest.mark.parametrize("fmt", sorted(WRITERS))
@pytest.mark.parametrize("name", NOTICES)
def test_a_real_notice_reads_back_as_written(tmp_path, name, fmt):
    source = notice_blocks(name)
    doc = read_document(WRITERS[fmt](source, tmp_path / f"{name[:-4]}.{fmt}"))
    assert doc.format == fmt
    assert blocks_of(doc) == source
    tables = [b.table for b in doc.blocks if b.table is not None]
    assert [t.index for t in tables] == list(range(len(tables)))
    if name == "ext-25.txt":  # the responsibility table, its header row recognised
        assert tables[0].header == 0 and tables[0].rows[0][:2] == ["序号", "具体工作任务和要求"]
    if fmt == "pdf":
        assert {b.page for b in doc.blocks} >= {1} and all(b.page for b in doc.blocks)


@pytest.mark.parametrize("writer", [write_xlsx, write_xls], ids=["xlsx", "xls"])
def test_a_responsibility_table_as_a_workbook(tmp_path, writer):
    (_, rows), = [b for b in notice_blocks("ext-25.txt") if b[0] == "t"]
    path = writer(rows, tmp_path / f"ext-25.{writer.__name__[6:]}", title="附件 10件民生实事任务分解表")
    doc = read_document(path)
    (table,) = [b.table for b in doc.blocks]
    # the title merged across the sheet stays one cell; the header row is the one below it
    assert table.rows == [["附件 10件民生实事任务分解表"] + [""] * (len(rows[0]) - 1)] + rows
    assert (table.header, table.sheet, table.index) == (1, "任务分解", 0)


def test_workbook_sheets_merges_dates_and_empty_rows(tmp_path):
    import datetime

    import openpyxl

    wb = openpyxl.Workbook()
    ws = wb.active
    ws.title = "重点任务"
    ws.append([])
    ws.append(["序号", "任务", "牵头单位", None, "完成时限"])
    ws.append([1, "修路", "区交通局", None, datetime.date(2021, 6, 30)])
    ws.append([2, "修桥", None, None, 2.0])
    ws.append([3, "完成率", "区统计局", None, 0.325])
    ws["E5"].number_format = "0.0%"
    ws.merge_cells("C3:C4")  # one lead unit for both tasks
    wb.create_sheet("空表")
    other = wb.create_sheet("成员")
    other.append(["姓名", "职务"])
    other.append(["张三", "区长"])
    wb.save(tmp_path / "t.xlsx")
    doc = read_document(tmp_path / "t.xlsx")
    a, b = (blk.table for blk in doc.blocks)
    assert a.rows == [["序号", "任务", "牵头单位", "完成时限"], ["1", "修路", "区交通局", "2021年6月30日"],
                      ["2", "修桥", "区交通局", "2"], ["3", "完成率", "区统计局", "32.5%"]]
    assert (a.sheet, a.header, b.sheet, b.index, b.rows[1]) == ("重点任务", 0, "成员", 1, ["张三", "区长"])


def test_docx_numbering_merged_cells_and_body_order(tmp_path):
    import docx
    from docx.oxml import parse_xml
    from docx.oxml.ns import nsdecls

    d = docx.Document()
    numbering = d.part.numbering_part.element
    numbering.insert(0, parse_xml(
        f'<w:abstractNum {nsdecls("w")} w:abstractNumId="90">'
        '<w:lvl w:ilvl="0"><w:start w:val="1"/><w:numFmt w:val="chineseCounting"/><w:lvlText w:val="%1、"/></w:lvl>'
        '<w:lvl w:ilvl="1"><w:start w:val="1"/><w:numFmt w:val="chineseCounting"/><w:lvlText w:val="（%2）"/></w:lvl>'
        '<w:lvl w:ilvl="2"><w:start w:val="1"/><w:numFmt w:val="decimal"/><w:lvlText w:val="%3."/></w:lvl>'
        '</w:abstractNum>'))
    numbering.append(parse_xml(f'<w:num {nsdecls("w")} w:numId="90"><w:abstractNumId w:val="90"/></w:num>'))

    def item(text, level):
        p = d.add_paragraph(text)
        p._p.get_or_add_pPr().append(parse_xml(
            f'<w:numPr {nsdecls("w")}><w:ilvl w:val="{level}"/><w:numId w:val="90"/></w:numPr>'))

    d.add_paragraph("关于印发重点工作任务分解方案的通知")
    item("主要任务", 0)
    item("加快城市更新", 1)
    item("推进老旧小区改造", 2)
    item("完善基础设施", 2)
    item("优化营商环境", 1)
    t = d.add_table(rows=3, cols=3)
    for r, row in enumerate([["序号", "任务", "牵头单位"], ["1", "修路", "区交通局"], ["2", "修桥", ""]]):
        for c, text in enumerate(row):
            t.cell(r, c).text = text
    t.cell(1, 2).merge(t.cell(2, 2))  # merged down: the lead unit of both rows
    title = t.add_row()
    title.cells[0].merge(title.cells[2]).text = "合计"  # merged across
    item("保障措施", 0)
    d.save(tmp_path / "n.docx")
    doc = read_document(tmp_path / "n.docx")
    assert blocks_of(doc) == [
        ("p", "关于印发重点工作任务分解方案的通知"), ("p", "一、主要任务"), ("p", "（一）加快城市更新"),
        ("p", "1.推进老旧小区改造"), ("p", "2.完善基础设施"), ("p", "（二）优化营商环境"),
        ("t", [["序号", "任务", "牵头单位"], ["1", "修路", "区交通局"], ["2", "修桥", "区交通局"], ["合计", "", ""]]),
        ("p", "二、保障措施")]


def test_doc_through_antiword():
    if converter() is None or not converter().endswith("antiword"):
        pytest.skip("no antiword (scripts/ensure-doc-converter installs it); catdoc keeps no tables")
    doc = read_document(FIXTURES / "ext-25.doc")  # ext-25 written by formats_writers.py, saved by LibreOffice
    squash = lambda s: re.sub(r"\s+", "", s)  # noqa: E731 - antiword wraps cells, a space at a wrap is lost
    got = [("p", squash(x)) if k == "p" else ("t", [[squash(c) for c in r] for r in x]) for k, x in blocks_of(doc)]
    want = [("p", squash(x)) if k == "p" else ("t", [[squash(c) for c in r] for r in x])
            for k, x in notice_blocks("ext-25.txt")]
    assert doc.format == "doc" and got == want


def test_doc_without_a_converter_is_named(monkeypatch):
    monkeypatch.setenv("PATH", "/nonexistent")
    with pytest.raises(Unreadable) as e:
        read_document(FIXTURES / "ext-25.doc")
    assert e.value.reason == "no .doc converter (install antiword)"




def test_markdown_meta(tmp_path):
    front = {"文号": "国办发〔2016〕48号", "发布日期": "2016年6月21日", "发布单位": "国务院办公厅",
             "标题": "国务院办公厅关于成立政府购买服务改革工作领导小组的通知", "来源": "中国政府网"}
    doc = read_document(write_md(notice_blocks("gov-12.txt"), tmp_path / "gov-12.md", front))
    assert doc.meta == {"doc": "国办发〔2016〕48号", "date": "2016-06-21", "issuer": "国务院办公厅",
                        "title": "国务院办公厅关于成立政府购买服务改革工作领导小组的通知"}
    assert blocks_of(doc) == notice_blocks("gov-12.txt")


def test_the_content_decides_where_the_suffix_lies(tmp_path):
    source = notice_blocks("gov-12.txt")
    docx_as_doc = write_docx(source, tmp_path / "a.docx").rename(tmp_path / "a.doc")
    pdf_as_doc = write_pdf(source[:3], tmp_path / "b.pdf").rename(tmp_path / "b.doc")
    page = tmp_path / "c.xls"  # a web site's "spreadsheet": a page with a table, in GBK
    page.write_bytes('<html><head><meta charset="gbk"></head><body><p>附件1</p><table>'
                     '<tr><td>序号</td><td>任务</td><td>牵头单位</td></tr>'
                     '<tr><td>1</td><td>修路</td><td rowspan="2">区交通局</td></tr>'
                     '<tr><td>2</td><td>修桥</td></tr></table></body></html>'.encode("gbk"))
    assert blocks_of(read_document(docx_as_doc)) == source and read_document(docx_as_doc).format == "docx"
    assert read_document(pdf_as_doc).format == "pdf"
    d = read_document(page)
    assert d.format == "xls" and blocks_of(d) == [("p", "附件1"), ("t", [["序号", "任务", "牵头单位"],
                                                                      ["1", "修路", "区交通局"], ["2", "修桥", "区交通局"]])]
    # Word's "single file web page" saved under .doc: a MIME archive holding the page
    from email.mime.multipart import MIMEMultipart
    from email.mime.text import MIMEText

    archive = MIMEMultipart("related")
    archive.attach(MIMEText("<html><body><p>关于修路的通知</p><p>区交通局负责。</p></body></html>", "html", "utf-8"))
    (tmp_path / "d.doc").write_bytes(archive.as_bytes())
    d = read_document(tmp_path / "d.doc")
    assert d.format == "doc" and blocks_of(d) == [("p", "关于修路的通知"), ("p", "区交通局负责。")]
    (tmp_path / "e.doc").write_bytes(b"{\\rtf1\\ansi text}")
    with pytest.raises(Unreadable, match="RTF document"):
        read_document(tmp_path / "e.doc")


def test_broken_files_are_refused_with_their_reason(tmp_path):
    source = notice_blocks("gov-12.txt")
    pdf = write_pdf(source, tmp_path / "n.pdf")
    docx = write_docx(source, tmp_path / "n.docx")
    cases = {
        write_truncated_docx(docx, tmp_path / "truncated.docx"): "corrupt .docx",
        write_encrypted_pdf(pdf, tmp_path / "locked.pdf", "secret"): "encrypted PDF",
        write_scanned_pdf(tmp_path / "scan.pdf"): "scanned PDF (no text layer; OCR is not done)",
        tmp_path / "empty.xlsx": "the file is empty",
        tmp_path / "photo.jpg": "unknown format (.jpg)",
    }
    (tmp_path / "empty.xlsx").write_bytes(b"")
    (tmp_path / "photo.jpg").write_bytes(b"\xff\xd8\xff\xe0 not a notice")
    for path, reason in cases.items():
        with pytest.raises(Unreadable) as e:
            read_document(path)
        assert e.value.reason.startswith(reason), (path.name, e.value.reason)
        assert str(path) in str(e.value)
    # a PDF locked only against printing opens without a password: it is read
    opened = read_document(write_encrypted_pdf(pdf, tmp_path / "print-locked.pdf", ""))
    assert blocks_of(opened) == source
    with zipfile.ZipFile(tmp_path / "other.docx", "w") as z:  # a package that is no Word document
        z.writestr("x.txt", "x")
    with pytest.raises(Unreadable, match="an archive, not a document"):
        read_document(tmp_path / "other.docx")


def test_a_folder_lists_every_file_not_read(tmp_path):
    folder = tmp_path / "downloads"
    (folder / "附件").mkdir(parents=True)
    (folder / "gov-12.txt").write_bytes((REAL / "gov-12.txt").read_bytes())
    (folder / "photo.jpg").write_bytes(b"\xff\xd8\xff\xe0")
    (folder / "~$gov-12.docx").write_bytes(b"\x00lock")
    (folder / ".DS_Store").write_bytes(b"\x00")
    (folder / "govgraph-place.txt").write_text("中华人民共和国\n", encoding="utf-8")
    write_docx(notice_blocks("ext-13.txt"), folder / "附件" / "ext-13.docx")
    skipped: list[Unreadable] = []
    files = iter_source_files([folder], skipped)
    assert [f.name for f in files] == ["gov-12.txt", "ext-13.docx"]
    assert sorted((u.path.rsplit("/", 1)[1], u.reason) for u in skipped) == [
        ("photo.jpg", "unknown format (.jpg)"), ("~$gov-12.docx", "an Office lock file (~$…), not a document")]
    assert {".docx", ".pdf", ".xlsx", ".xls", ".doc", ".md"} <= set(SUFFIXES)


def test_a_big_workbook_is_read_as_one_not_streamed_as_text(tmp_path, monkeypatch):
    """A file above STREAM_THRESHOLD is read in chunks as text unless its suffix is a document
    format; every format a reader reads counts as one (``.xlsm`` was once left out)."""
    from govgraph.loaders import pipeline
    from govgraph.loaders.attachments import DOCUMENT_SUFFIXES

    assert set(SUFFIXES) <= set(DOCUMENT_SUFFIXES)
    (_, rows), = [b for b in notice_blocks("ext-25.txt") if b[0] == "t"]
    path = write_xlsx(rows, tmp_path / "ext-25.xlsm")
    monkeypatch.setattr(pipeline, "STREAM_THRESHOLD", 100)
    ex = pipeline.extract_paths([path])
    assert not ex.errors and len(ex.notices) == 1
    assert "具体工作任务和要求" in ex.notices[0].text
