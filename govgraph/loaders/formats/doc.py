"""``.doc`` (Word 97–2003), read through a Debian converter: ``antiword`` (preferred: it
keeps tables as rows of cells) or ``catdoc``; ``scripts/ensure-doc-converter`` installs
antiword.  No Python library reads the format.

Kept: the text, a paragraph a line, and with antiword the tables (``|cell|cell|`` rows) as
rows of cells.  antiword wraps a cell's text inside its column: a row line whose first cell
is empty continues the row above (so a row whose first cell is really empty joins the row
above it, and a space at a wrap is lost).  Lost: list numbers Word generates (antiword writes them only for some
lists), page headers and footers, footnotes, images; with catdoc, tables come as lines whose
cells are separated by tabs.  A ``.doc`` that is really a ``.docx``, a web page or RTF is
read by its content (``formats.read_document``).

>>> _antiword_blocks("通知\\n\\n|序号 |任务    |\\n|1    |修路修|\\n|     |桥    |\\n区人民政府")[1].table.rows
[['序号', '任务'], ['1', '修路修桥']]
"""

from __future__ import annotations

import os
import shutil
import subprocess
from pathlib import Path

from ..document import Block, Document, Table, Unreadable
from .tables import cell_text, glue, header_row

__all__ = ["read_doc", "converter", "CONVERTERS"]

#: the converters tried, in order
CONVERTERS = ("antiword", "catdoc")
_TIMEOUT = 60


def converter() -> str | None:
    """The path of the first converter found (``$GOVGRAPH_DOC_CONVERTER`` may name one), or None."""
    names = [os.environ["GOVGRAPH_DOC_CONVERTER"]] if os.environ.get("GOVGRAPH_DOC_CONVERTER") else CONVERTERS
    for name in names:
        found = shutil.which(name)
        if found:
            return found
    return None


def read_doc(path: Path) -> Document:
    """The paragraphs (and with antiword the tables) of a Word 97–2003 file."""
    tool = converter()
    if tool is None:
        raise Unreadable(path, "no .doc converter (install antiword)")
    name = Path(tool).name
    if name == "catdoc":
        args = [tool, "-d", "utf-8", "-w", str(path)]
    else:
        args = [tool, "-m", "UTF-8.txt", "-w", "0", str(path)]
    try:
        out = subprocess.run(args, capture_output=True, timeout=_TIMEOUT, check=False)
    except (OSError, subprocess.TimeoutExpired) as e:
        raise Unreadable(path, f"{name} failed ({type(e).__name__})") from None
    text = out.stdout.decode("utf-8", errors="replace")
    if out.returncode != 0 or not text.strip():
        err = out.stderr.decode("utf-8", errors="replace").strip().splitlines()
        low = " ".join(err).lower()
        reason = ("encrypted .doc" if "encrypt" in low or "password" in low
                  else f"corrupt .doc ({name}: {err[-1] if err else 'no text'})")
        raise Unreadable(path, reason)
    blocks = _antiword_blocks(text) if name == "antiword" else [
        Block(text=ln.strip()) for ln in text.splitlines() if ln.strip()]
    return Document(str(path), "doc", blocks)


def _is_row(line: str) -> bool:
    s = line.strip()
    return len(s) > 1 and s.startswith("|") and s.endswith("|")


def _antiword_blocks(text: str) -> list[Block]:
    """antiword's text: lines, and runs of ``|…|…|`` lines as table rows."""
    blocks: list[Block] = []
    lines = text.splitlines()
    i = tables = 0
    while i < len(lines):
        if _is_row(lines[i]):
            rows: list[list[str]] = []
            while i < len(lines) and _is_row(lines[i]):
                cells = [cell_text(c) for c in lines[i].strip()[1:-1].split("|")]
                i += 1
                if rows and not cells[0] and len(cells) == len(rows[-1]):  # a cell's text wrapped
                    rows[-1] = [glue(a, b) for a, b in zip(rows[-1], cells)]
                else:
                    rows.append(cells)
            width = max(len(r) for r in rows)
            rows = [r + [""] * (width - len(r)) for r in rows if any(r)]
            blocks.append(Block(table=Table(tables, rows, header=header_row(rows))))
            tables += 1
            continue
        if lines[i].strip():
            blocks.append(Block(text=lines[i].strip()))
        i += 1
    return blocks
