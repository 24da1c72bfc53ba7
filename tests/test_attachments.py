"""A saved web page and its attachment files are one notice (loaders.attachments): the real
notice sh-05 saved as a page whose responsibility table is an attached file gives the tasks
of its plain text, with evidence naming the attachment (and, for a table, the row)."""

from __future__ import annotations

import re
from pathlib import Path

from formats_writers import REAL, page_html
from govgraph import api
from govgraph.facts import dump_fact, fact_id
from govgraph.graph.rdf_read import read_notice_graph
from govgraph.graph.rdf_write import notice_triples
from govgraph.identity import Catalogue
from govgraph.loaders import extract_notice
from govgraph.loaders.attachments import Source, attachments_of, page_of, read_file, with_attachments
from govgraph.loaders.document import Block, Document, Table
from govgraph.loaders.pipeline import extract_paths
from govgraph.loaders.render import render
from govgraph.loaders.splitting import split_notices
from govgraph.messages import ENCODING, kind_of


def _tasks(facts):
    return sorted((f["ref"], f["text"], tuple(f["lead"]), tuple(f["responsible"]), f["due"])
                  for f in facts if f["kind"] == "task")


def _split_sh05() -> tuple[list[str], str]:
    """sh-05's lines up to its attachment, and the attachment (its table, one cell a paragraph)."""
    text = (REAL / "sh-05.txt").read_text(encoding="utf-8")
    at = text.index("\n序号\n")
    return text[:at].splitlines(), text[at + 1:]


def test_a_page_and_its_attachment_folder_are_one_notice(tmp_path):
    lines, table = _split_sh05()
    (tmp_path / "通知.html").write_text(page_html(lines), encoding="utf-8")
    (tmp_path / "通知_files").mkdir()
    (tmp_path / "通知_files" / "style.css").write_text("p { margin: 0 }", encoding="utf-8")
    att = tmp_path / "通知_files" / "分解表.txt"
    att.write_text(table, encoding="gb18030")  # an attachment in its own encoding
    plain = extract_paths([REAL / "sh-05.txt"])
    ex = extract_paths([tmp_path])
    assert not ex.errors
    assert [n.doc for n in ex.notices] == ["嘉府办发〔2024〕23号"]
    n = ex.notices[0]
    assert n.source == str(tmp_path / "通知.html") and (n.date, n.issuer) == (plain.notices[0].date,
                                                                            plain.notices[0].issuer)
    assert _tasks(ex.facts) == _tasks(plain.facts)
    rows = [f for f in ex.facts if f["kind"] == "task" and f["ref"].startswith("附件.")]
    assert len(rows) == 12 and all(f["evidence"]["file"] == str(att) for f in rows)
    body = [f for f in ex.facts if f["kind"] == "task" and not f["ref"].startswith("附件.")]
    assert body and all("file" not in f["evidence"] for f in body)  # the page's own text
    for f in ex.facts:
        ev = f.get("evidence")
        if ev:
            assert n.text[ev["start"]:ev["end"]] == ev["text"]
    notes = [w for w in ex.warnings if kind_of(w) == ENCODING]
    assert any(str(att) in w and "an attachment of" in w for w in notes)  # listed, read with its page
    assert any("attachments: 通知_files/分解表.txt (gb18030)" in w for w in notes)


def test_attachments_by_name_and_by_link(tmp_path):
    (tmp_path / "通知.html").write_text(page_html(["关于做好防汛工作的通知", "附件:1.防汛任务"],
                                             '<a href="tasks/%E4%BB%BB%E5%8A%A1.txt">任务.txt</a>'), encoding="utf-8")
    (tmp_path / "通知.附件1.txt").write_text("防汛名单", encoding="utf-8")
    (tmp_path / "tasks").mkdir()
    (tmp_path / "tasks" / "任务.txt").write_text("防汛任务", encoding="utf-8")
    (tmp_path / "另一个通知.txt").write_text("关于另一件事的通知", encoding="utf-8")
    src = read_file(tmp_path / "通知.html")
    assert src.locator is None
    assert page_of(tmp_path / "tasks" / "任务.txt") == tmp_path / "通知.html"
    assert page_of(tmp_path / "通知.附件1.txt") == tmp_path / "通知.html"
    assert page_of(tmp_path / "另一个通知.txt") is None and page_of(tmp_path / "通知.html") is None
    ex = extract_paths([tmp_path])
    texts = {Path(n.source).name: n.text for n in ex.notices}
    assert set(texts) == {"通知.html", "另一个通知.txt"}
    t = texts["通知.html"]
    assert re.search(r"附件：tasks/任务.txt\n防汛任务\n\n附件：通知.附件1.txt\n防汛名单$", t), t  # links first


def test_a_missing_linked_attachment_is_a_warning_naming_it(tmp_path):
    (tmp_path / "通知.html").write_text(page_html(["关于做好防汛工作的通知", "附件:防汛任务分解表"],
                                             '<a href="/uploads/P0201.xlsx">附件:防汛任务分解表</a>'
                                             '<a href="other.html">上一篇</a>'), encoding="utf-8")
    ex = extract_paths([tmp_path])
    assert len(ex.notices) == 1
    missing = [w for w in ex.warnings if "P0201.xlsx" in w]
    assert missing == [f"{tmp_path / '通知.html'}: linked attachment P0201.xlsx (附件:防汛任务分解表) "
                       f"is not beside the page; not read"]
    assert not [w for w in ex.warnings if "other.html" in w]  # a link to a page is no attachment


def test_a_table_attachment_names_its_file_and_row():
    lines, table = _split_sh05()
    page = Source("notices/通知.html", "\n".join(x for x in lines if x.strip()), "utf-8", encoding="utf-8")
    cells = [" ".join(c.split()) for c in re.split(r"\n\s*\n", table) if c.strip()]
    rows = [cells[:5]]
    for k in range(5, 35, 5):  # rows 1–6, before the header the text repeats
        rows.append(cells[k:k + 5])
    doc = Document("notices/通知_files/分解表.docx", "docx",
                   [Block(text="嘉定区系统化全域推进海绵城市建设重点任务分解表"), Block(table=Table(0, rows, page=2))])
    text, loc = render(doc)
    src = with_attachments(page, [Source(doc.path, text, "docx", loc)])
    notices, _ = split_notices(src.text[:src.page_end], page.path)
    n = notices[0]
    n.text, n.locator = src.text, src.locator
    facts, _ = extract_notice(n)
    rows_read = {f["ref"]: f["evidence"] for f in facts if f["kind"] == "task" and f["ref"].startswith("附件.")}
    assert sorted(rows_read) == [f"附件.{i}" for i in range(1, 7)]
    for i in range(1, 7):
        ev = rows_read[f"附件.{i}"]
        assert (ev["file"], ev["page"], ev["table"], ev["row"]) == (doc.path, 2, 0, i)
        assert n.text[ev["start"]:ev["end"]] == ev["text"] and ev["text"].startswith(f"{i}\t")
    # the RDF store keeps where each passage stands (Web Annotation, gg:TableSelector) and gives it back
    notice2, back = read_notice_graph(notice_triples(n, facts, Catalogue()))
    assert notice2.text == n.text
    key = lambda f: (f["kind"], dump_fact(f))  # noqa: E731
    assert sorted(back, key=key) == sorted(facts, key=key)


def test_export_facts_gives_the_attachment_back(tmp_path):
    lines, table = _split_sh05()
    folder = tmp_path / "notices"
    folder.mkdir()
    (folder / "通知.html").write_text(page_html(lines), encoding="utf-8")
    (folder / "通知.附件1.txt").write_text(table, encoding="utf-8")
    built = api.build([folder], tmp_path / "store")
    located = [f for f in built.extraction.facts if "file" in f.get("evidence", {})]
    assert len(located) >= 12
    back = {fact_id(f): f for f in built.graph.facts()}
    for f in located:
        assert back[fact_id(f)]["evidence"] == f["evidence"]


def test_a_folder_per_notice(tmp_path):
    one = tmp_path / "一号通知"
    one.mkdir()
    (one / "index.html").write_text(page_html(["关于做好防汛工作的通知", "附件:1.防汛任务分解表 2.防汛名单"]),
                                    encoding="utf-8")
    (one / "防汛任务分解表.md").write_text("任务一", encoding="utf-8")  # named by the page
    (one / "附件2.md").write_text("名单一", encoding="utf-8")  # names itself an attachment
    (one / "其他.md").write_text("无关", encoding="utf-8")
    assert attachments_of(one / "index.html")[0] == [one / "防汛任务分解表.md", one / "附件2.md"]
    two = tmp_path / "两个页面"
    two.mkdir()
    for name in ("a.html", "b.html"):
        (two / name).write_text(page_html(["关于做好防汛工作的通知"]), encoding="utf-8")
    (two / "附件1.md").write_text("任务一", encoding="utf-8")
    assert attachments_of(two / "a.html")[0] == []  # two pages: whose would it be?
