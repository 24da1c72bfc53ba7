"""``.md``: a notice copied as Markdown, with YAML front matter saying what it is.

Front matter (between two ``---`` lines at the top) is read with PyYAML into
``Document.meta``: ``文号``/``发文字号``/``doc`` → ``doc``; ``发布日期``/``成文日期``/``日期``/``date``
→ ``date`` (ISO; ``2021年5月24日`` and ``2021-5-24`` are understood, a date that cannot be
read is left out); ``发布单位``/``发文机关``/``发布机构``/``issuer`` → ``issuer``;
``标题``/``title`` → ``title``.  Other keys are not kept.  Pipe tables become tables (the
delimiter row ``|---|---|`` dropped; ``\\|`` is a bar inside a cell); every other line that is
not blank is a paragraph, as written: a notice's lines are its structure, so lines are not
joined as Markdown would.  Headings lose their ``#``s, quotes their ``>``, bullet items
their ``-``/``*``/``+`` (numbered items keep their numbers), and emphasis (``**``, ``__``) and
links (``[text](url)`` → text) their markup.  Lost: images, HTML inside the Markdown, code
fences (their lines are kept as text).

>>> d = read_markdown_text("---\\n文号: 国办发〔2016〕48号\\n发布日期: 2016年6月21日\\n---\\n# 通知\\n\\n"
...                        "| 序号 | 任务 |\\n|---|---|\\n| 1 | **修路** |\\n", "n.md")
>>> d.meta
{'doc': '国办发〔2016〕48号', 'date': '2016-06-21'}
>>> [b.text or b.table.rows for b in d.blocks]
['通知', [['序号', '任务'], ['1', '修路']]]
"""

from __future__ import annotations

import datetime as _dt
import re
from pathlib import Path

from ..document import Block, Document, Table, Unreadable
from .tables import header_row

__all__ = ["read_markdown", "read_markdown_text", "META_KEYS"]

#: front matter key → Document.meta key
META_KEYS = {"文号": "doc", "发文字号": "doc", "doc": "doc",
             "发布日期": "date", "成文日期": "date", "日期": "date", "date": "date",
             "发布单位": "issuer", "发文机关": "issuer", "发布机构": "issuer", "issuer": "issuer",
             "标题": "title", "title": "title"}
_FRONT = re.compile(r"\A\ufeff?---[ \t]*\n(.*?)\n(?:---|\.\.\.)[ \t]*(?:\n|\Z)", re.S)
_DATE = re.compile(r"(\d{4})\s*[年./-]\s*(\d{1,2})\s*[月./-]\s*(\d{1,2})\s*日?")
_DELIM = re.compile(r"^\|?\s*:?-{3,}:?\s*(\|\s*:?-{3,}:?\s*)*\|?\s*$")
_HEADING = re.compile(r"^\s{0,3}(#{1,6}\s+|>\s?|[-*+]\s+)")
_LINK = re.compile(r"!?\[([^\]]*)\]\([^)]*\)")
_EMPH = re.compile(r"(\*\*|__)(.+?)\1")


def _iso(value) -> str | None:
    if isinstance(value, _dt.datetime):
        value = value.date()
    if isinstance(value, _dt.date):
        return value.isoformat()
    m = _DATE.fullmatch(str(value).strip())
    if not m:
        return None
    try:
        return _dt.date(*map(int, m.groups())).isoformat()
    except ValueError:
        return None


def _meta(front: str, path) -> dict[str, str]:
    import yaml

    try:
        data = yaml.safe_load(front)
    except yaml.YAMLError as e:
        raise Unreadable(path, f"front matter is not YAML ({type(e).__name__})") from None
    out: dict[str, str] = {}
    for k, v in (data or {}).items() if isinstance(data, dict) else ():
        key = META_KEYS.get(str(k).strip().lower() if str(k).isascii() else str(k).strip())
        if key is None or v is None or key in out:
            continue
        value = _iso(v) if key == "date" else str(v).strip()
        if value:
            out[key] = value
    return out


def _cells(line: str) -> list[str]:
    s = line.strip()
    s = s[1:] if s.startswith("|") else s
    s = s[:-1] if s.endswith("|") and not s.endswith("\\|") else s
    return [_inline(c.replace("\\|", "|").strip()) for c in re.split(r"(?<!\\)\|", s)]


def _inline(text: str) -> str:
    return _EMPH.sub(r"\2", _LINK.sub(r"\1", text))


def read_markdown_text(text: str, path) -> Document:
    """A Markdown text's front matter, paragraphs and pipe tables."""
    meta = {}
    m = _FRONT.match(text)
    if m:
        meta = _meta(m.group(1), path)
        text = text[m.end():]
    blocks: list[Block] = []
    lines = text.splitlines()
    i = 0
    while i < len(lines):
        line = lines[i]
        if "|" in line and i + 1 < len(lines) and _DELIM.match(lines[i + 1]) and "-" in lines[i + 1]:
            rows = [_cells(line)]
            i += 2
            while i < len(lines) and "|" in lines[i] and lines[i].strip():
                rows.append(_cells(lines[i]))
                i += 1
            width = max(len(r) for r in rows)
            rows = [r + [""] * (width - len(r)) for r in rows]
            blocks.append(Block(table=Table(sum(b.table is not None for b in blocks), rows, header=header_row(rows))))
            continue
        s = _inline(_HEADING.sub("", line, count=1)).strip()
        if s:
            blocks.append(Block(text=s))
        i += 1
    return Document(str(path), "md", blocks, meta)


def read_markdown(path: Path) -> Document:
    """A ``.md`` file (UTF-8, or GB18030 where it is not)."""
    data = path.read_bytes()
    try:
        text = data.decode("utf-8-sig")
    except UnicodeDecodeError:
        try:
            text = data.decode("gb18030")
        except UnicodeDecodeError:
            raise Unreadable(path, "cannot decode the Markdown as UTF-8 or GB18030") from None
    if not text.strip():
        raise Unreadable(path, "the file is empty")
    return read_markdown_text(text, path)
