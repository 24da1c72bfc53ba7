"""Writers the format tests use: a real notice (data/real/notices) written into .docx, .pdf,
.xlsx, .xls and .md by the libraries that write them, so that what the readers give back
can be compared with the source text; a saved web page; broken files (a truncated .docx,
an encrypted PDF, a PDF of an image only).  ``python tests/formats_writers.py`` remakes the
committed ``.doc`` fixture (tests/data/formats/) with LibreOffice, which the tests do not need.
"""

from __future__ import annotations

import html
import re
from pathlib import Path

from govgraph.loaders.document import Block, Document, Table
from govgraph.loaders.task_lexicon import task_lexicon

REAL = Path(__file__).resolve().parent.parent / "data" / "real" / "notices"
FIXTURES = Path(__file__).resolve().parent / "data" / "formats"


def notice_blocks(name: str) -> list[tuple[str, object]]:
    """A real notice as ("p", line) and ("t", rows) blocks: lines holding ``|`` between cells
    (how the corpus keeps a flattened table) make a table; every other line is a paragraph."""
    out: list[tuple[str, object]] = []
    for line in (REAL / name).read_text(encoding="utf-8").splitlines():
        line = line.strip()
        if not line:
            continue
        if " | " in line:
            cells = [c.strip() for c in line.rstrip("|").split(" | ")]
            if out and out[-1][0] == "t":
                out[-1][1].append(cells)
            else:
                out.append(("t", [cells]))
        else:
            out.append(("p", line))
    return out


def write_docx(blocks, path: Path) -> Path:
    import docx

    d = docx.Document()
    for kind, item in blocks:
        if kind == "p":
            d.add_paragraph(item)
            continue
        t = d.add_table(rows=len(item), cols=max(len(r) for r in item))
        t.style = "Table Grid"
        for r, row in enumerate(item):
            for c, text in enumerate(row):
                t.cell(r, c).text = text
    d.save(str(path))
    return path


def write_pdf(blocks, path: Path) -> Path:
    """A PDF with a text layer (reportlab's built-in CID font STSong-Light), paragraphs with a
    first-line indent as notices are printed, tables ruled."""
    from xml.sax.saxutils import escape

    from reportlab.lib.pagesizes import A4
    from reportlab.lib.styles import ParagraphStyle
    from reportlab.pdfbase import pdfmetrics
    from reportlab.pdfbase.cidfonts import UnicodeCIDFont
    from reportlab.platypus import Paragraph, SimpleDocTemplate, Table, TableStyle

    pdfmetrics.registerFont(UnicodeCIDFont("STSong-Light"))
    body = ParagraphStyle("body", fontName="STSong-Light", fontSize=12, leading=20, wordWrap="CJK",
                          firstLineIndent=24)
    cell = ParagraphStyle("cell", fontName="STSong-Light", fontSize=9, leading=13, wordWrap="CJK")
    story = []
    for kind, item in blocks:
        if kind == "p":
            story.append(Paragraph(escape(item), body))
            continue
        width = max(len(r) for r in item)
        cols = [440 / width] * width
        t = Table([[Paragraph(escape(c), cell) for c in row] for row in item], colWidths=cols, repeatRows=0)
        t.setStyle(TableStyle([("GRID", (0, 0), (-1, -1), 0.5, "black"), ("VALIGN", (0, 0), (-1, -1), "TOP")]))
        story.append(t)
    SimpleDocTemplate(str(path), pagesize=A4).build(story)
    return path


def write_xlsx(rows, path: Path, title: str | None = None, sheet: str = "任务分解") -> Path:
    """The table on a sheet, with a title merged across the columns above it when given."""
    import openpyxl

    wb = openpyxl.Workbook()
    ws = wb.active
    ws.title = sheet
    if title:
        ws.append([title])
        ws.merge_cells(start_row=1, start_column=1, end_row=1, end_column=len(rows[0]))
    for row in rows:
        ws.append([int(c) if c.isdigit() else c for c in row])
    wb.save(str(path))
    return path


def write_xls(rows, path: Path, title: str | None = None, sheet: str = "任务分解") -> Path:
    import xlwt

    wb = xlwt.Workbook(encoding="utf-8")
    ws = wb.add_sheet(sheet)
    top = 0
    if title:
        ws.write_merge(0, 0, 0, len(rows[0]) - 1, title)
        top = 1
    for r, row in enumerate(rows):
        for c, text in enumerate(row):
            ws.write(top + r, c, int(text) if text.isdigit() else text)
    wb.save(str(path))
    return path


def write_md(blocks, path: Path, front: dict | None = None) -> Path:
    lines = []
    if front:
        lines += ["---", *(f"{k}: {v}" for k, v in front.items()), "---", ""]
    for kind, item in blocks:
        if kind == "p":
            lines += [item, ""]
            continue
        lines.append("| " + " | ".join(item[0]) + " |")
        lines.append("|" + "---|" * len(item[0]))
        lines += ["| " + " | ".join(c.replace("|", "\\|") for c in row) + " |" for row in item[1:]]
        lines.append("")
    path.write_text("\n".join(lines), encoding="utf-8")
    return path


_FRONT = {"标题": "title", "文号": "doc", "发布单位": "issuer", "发布日期": "date"}


def blocks_of(doc: Document) -> list[tuple[str, object]]:
    """A Document's blocks as the writers take them: ("p", text) and ("t", rows)."""
    return [("p", b.text) if b.table is None else ("t", b.table.rows) for b in doc.blocks]


def document_of(path: Path, *, drop_numbers: bool = False) -> Document:
    """A real notice as a Word reader would give it: its front matter as ``meta``, its lines
    as paragraphs, and each responsibility table (copied one cell a paragraph in the text,
    ``序号`` header first) as a table of rows of cells (a cell's wrapped lines joined; a row
    short of a cell lacks the merged second one). ``drop_numbers``: without the ``序号`` column."""
    text = path.read_text(encoding="utf-8")
    m = re.match(r"---\n(.*?)\n---\n", text, re.S)
    meta = {}
    for line in m.group(1).splitlines():
        k, _, v = line.partition(":")
        if k.strip() in _FRONT:
            meta[_FRONT[k.strip()]] = v.strip()
    chunks = [c for c in re.split(r"\n\s*\n", text[m.end():]) if c.strip()]
    cols = task_lexicon().columns
    blocks: list[Block] = []
    tables: list[list[list[str]]] = []
    i = 0
    while i < len(chunks):
        if chunks[i].strip() != "序号":
            blocks += [Block(text=x.strip()) for x in chunks[i].splitlines() if x.strip()]
            i += 1
            continue
        j = next(k for k in range(i, len(chunks)) if chunks[k].strip().isdigit())
        header = ["".join(c.split()) for c in chunks[i:j]]
        if not any(cols.get(h) in ("lead", "responsible") for h in header):
            blocks += [Block(text=x.strip()) for c in chunks[i:j] for x in c.splitlines()]
            i = j
            continue
        rows, n, k = [header], int(chunks[j]), j
        while k < len(chunks) and not chunks[k].startswith("附件") and chunks[k].strip() != "序号":
            e = k + 1
            while e < len(chunks) and chunks[e].strip() not in (str(n + 1), "序号") and not chunks[e].startswith("附件"):
                e += 1
            row = ["".join(c.split()) for c in chunks[k:e]]
            if len(row) == len(header) - 1:
                row.insert(1, "")  # a merged cell
            rows.append(row)
            n, k = n + 1, e
        if drop_numbers:
            rows = [r[1:] for r in rows]
        tables.append(rows)
        blocks.append(Block(table=Table(len(tables) - 1, rows, page=len(tables))))
        i = k
    return Document(str(path.with_suffix(".docx")), "docx", blocks, meta)


def page_html(lines: list[str], links: str = "") -> str:
    """A government site's page: ``lines`` as paragraphs, then ``links``, between a script and a footer."""
    body = "".join(f"<p>{html.escape(x)}</p>\n" for x in lines if x.strip())
    return (f"<html><head><title>通知</title><script>var x = 1;</script></head><body>\n{body}{links}\n"
            f"<div class='footer'>主办:上海市嘉定区人民政府</div></body></html>")


def write_encrypted_pdf(src, out, user_password):
    from pypdf import PdfReader, PdfWriter

    w = PdfWriter(clone_from=PdfReader(src))
    w.encrypt(user_password=user_password, owner_password="owner", algorithm="RC4-128")
    w.write(out)
    return out


def write_scanned_pdf(out):
    from PIL import Image
    from reportlab.lib.utils import ImageReader
    from reportlab.pdfgen import canvas

    c = canvas.Canvas(str(out))
    c.drawImage(ImageReader(Image.new("L", (200, 280), 200)), 50, 400, 200, 280)
    c.showPage()
    c.save()
    return out


def write_truncated_docx(src, out):
    data = src.read_bytes()
    out.write_bytes(data[: len(data) // 2])
    return out


if __name__ == "__main__":  # remake the .doc fixture (needs LibreOffice: soffice)
    import subprocess
    import tempfile

    with tempfile.TemporaryDirectory() as tmp:
        src = write_docx(notice_blocks("ext-25.txt"), Path(tmp) / "ext-25.docx")
        subprocess.run(["soffice", "--headless", "--convert-to", "doc", "--outdir", tmp, str(src)], check=True)
        FIXTURES.mkdir(parents=True, exist_ok=True)
        (FIXTURES / "ext-25.doc").write_bytes((Path(tmp) / "ext-25.doc").read_bytes())
