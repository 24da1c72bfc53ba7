"""Spreadsheets: ``.xlsx`` read with openpyxl, ``.xls`` (Excel 97–2003) with xlrd.

Every worksheet becomes one table named by its sheet (chart sheets have no cells and are
left out), in the workbook's order, hidden sheets too.  Rows and columns empty throughout
are trimmed.  A cell's shown value is kept: the cached result of a formula (a workbook
saved by a program that computes no results gives ``''`` there), a whole number without
``.0``, a date as ``2021年6月30日``, a percentage (``.xlsx``) with its ``%``; other number
formats are not applied.  A merged range keeps its text in its first column and
repeats it down every row it covers (a lead unit merged over several tasks belongs to each
of them); its other columns are empty (a title merged across the sheet stays one cell).
The header row (序号 / 任务 / 牵头单位 …) is recognised (``Table.header``).  Lost: comments,
formatting, images and charts.
"""

from __future__ import annotations

from pathlib import Path

from ..document import Block, Document, Table, Unreadable
from .tables import cell_text, header_row, trim

__all__ = ["read_xlsx", "read_xls", "merge_down"]


def merge_down(grid: list[list[str]], ranges) -> list[list[str]]:
    """Fill merged ``ranges`` (0-based, inclusive: first row, first col, last row, last col)
    as the module says: the first column's text repeated down, the other columns empty.

    >>> merge_down([["区交通局", "", "修路"], ["", "", "修桥"]], [(0, 0, 1, 1)])
    [['区交通局', '', '修路'], ['区交通局', '', '修桥']]
    """
    for r0, c0, r1, c1 in ranges:
        if r0 >= len(grid):
            continue
        text = grid[r0][c0] if c0 < len(grid[r0]) else ""
        for r in range(r0, min(r1, len(grid) - 1) + 1):
            row = grid[r]
            for c in range(c0, min(c1, len(row) - 1) + 1):
                row[c] = text if c == c0 else ""
    return grid


def _document(path: Path, fmt: str, sheets) -> Document:
    blocks = []
    for name, grid in sheets:
        rows = trim(grid)
        if rows:
            blocks.append(Block(table=Table(len(blocks), rows, sheet=name, header=header_row(rows))))
    return Document(str(path), fmt, blocks)


def read_xlsx(path: Path) -> Document:
    """Every worksheet of an ``.xlsx`` as a table."""
    import openpyxl

    try:
        wb = openpyxl.load_workbook(str(path), data_only=True)
    except Exception as e:  # a broken package (BadZipFile, a missing part) or a damaged part (lxml)
        raise Unreadable(path, f"corrupt .xlsx ({type(e).__name__})") from None
    sheets = []
    for ws in wb.worksheets:
        grid = [[_xlsx_value(c) for c in row] for row in ws.iter_rows()]
        ranges = [(m.min_row - 1, m.min_col - 1, m.max_row - 1, m.max_col - 1) for m in ws.merged_cells.ranges]
        sheets.append((ws.title, merge_down(grid, ranges)))
    return _document(path, "xlsx", sheets)


def _xlsx_value(cell) -> str:
    """A cell's shown text: a number formatted as a percentage keeps its ``%``."""
    v = cell.value
    if isinstance(v, (int, float)) and not isinstance(v, bool) and str(cell.number_format).endswith("%"):
        return f"{v * 100:.10g}%"
    return cell_text(v)


def read_xls(path: Path) -> Document:
    """Every worksheet of an Excel 97–2003 ``.xls`` as a table."""
    import xlrd

    try:
        book = xlrd.open_workbook(str(path), formatting_info=True)
    except Exception as e:  # xlrd raises XLRDError, CompDocError, struct and index errors
        text = str(e)
        reason = "encrypted workbook" if "encrypt" in text.lower() else f"corrupt .xls ({type(e).__name__}: {text})"
        raise Unreadable(path, reason) from None
    sheets = []
    for sh in book.sheets():
        grid = [[_xls_value(book, sh.cell(r, c)) for c in range(sh.ncols)] for r in range(sh.nrows)]
        ranges = [(r0, c0, r1 - 1, c1 - 1) for r0, r1, c0, c1 in sh.merged_cells]
        sheets.append((sh.name, merge_down(grid, ranges)))
    return _document(path, "xls", sheets)


def _xls_value(book, cell) -> str:
    import xlrd

    if cell.ctype == xlrd.XL_CELL_DATE:
        try:
            return cell_text(xlrd.xldate_as_datetime(cell.value, book.datemode))
        except (ValueError, OverflowError):
            return cell_text(cell.value)
    if cell.ctype in (xlrd.XL_CELL_ERROR, xlrd.XL_CELL_EMPTY, xlrd.XL_CELL_BLANK):
        return ""
    if cell.ctype == xlrd.XL_CELL_BOOLEAN:
        return cell_text(bool(cell.value))
    return cell_text(cell.value)
