"""Documents rendered for the extractor (loaders.render): a real notice whose responsibility
table is a real table gives the facts of its plain text, and its table tasks' evidence
names the table and row."""

from __future__ import annotations

import pytest

from formats_writers import REAL, document_of
from govgraph.facts import validate_fact
from govgraph.loaders import extract_notice
from govgraph.loaders.document import Block, Document, Table
from govgraph.loaders.pipeline import extract_paths
from govgraph.loaders.render import render
from govgraph.loaders.splitting import split_notices


def _notice(doc: Document):
    text, loc = render(doc)
    notices, _ = split_notices(text, doc.path, meta=doc.meta)
    assert len(notices) == 1
    notices[0].locator = loc
    return notices[0]


def _tasks(facts):
    return sorted((f["ref"], f["text"], tuple(f["lead"]), tuple(f["responsible"]), f["due"])
                  for f in facts if f["kind"] == "task")


@pytest.mark.parametrize("name", ["sh-05", "sh-14"])
def test_a_real_table_as_a_table_gives_the_facts_of_the_text(name):
    plain = extract_paths([REAL / f"{name}.txt"])
    doc = document_of(REAL / f"{name}.txt")
    assert any(b.table for b in doc.blocks)
    n = _notice(doc)
    p = plain.notices[0]
    assert (n.doc, n.date, n.issuer, n.title) == (p.doc, p.date, p.issuer, p.title)
    facts, _ = extract_notice(n)
    assert _tasks(facts) == _tasks(plain.facts)
    assert any(f["due"] for f in facts if f["kind"] == "task") or name == "sh-05"
    for f in facts:
        assert validate_fact(f) == [], f
        ev = f.get("evidence")
        if ev:
            assert n.text[ev["start"]:ev["end"]] == ev["text"]
    rows = [f for f in facts if f["kind"] == "task" and f["ref"].startswith("附件.")]
    located = [f for f in rows if "table" in f["evidence"]]
    tables = {b.table.index: b.table for b in doc.blocks if b.table}
    assert len(located) >= sum(len(t.rows) - 1 for t in tables.values()) - 1  # (sh-14: one row restated)
    for f in located:  # the row the evidence names is the task's
        ev = f["evidence"]
        assert ev["file"] == doc.path and tables[ev["table"]].rows[ev["row"]][0] == f["ref"].split(".")[1]
    by_ref = {f["ref"]: f["evidence"] for f in located}
    t = doc.blocks[[b.table is not None for b in doc.blocks].index(True)].table
    assert by_ref["附件.1"]["table"] == t.index and by_ref["附件.1"]["row"] == 1
    assert by_ref["附件.1"]["page"] == t.page
    assert by_ref["附件.1"]["text"].split("\t")[0] == "1" and "col" not in by_ref["附件.1"]


def test_a_table_continued_over_a_page_repeats_no_header():
    doc = document_of(REAL / "sh-05.txt")
    assert sum(1 for b in doc.blocks if b.table) == 2  # the text repeats the header after row 6
    facts, _ = extract_notice(_notice(doc))
    ev = {f["ref"]: f["evidence"] for f in facts if f["kind"] == "task"}
    assert (ev["附件.6"]["table"], ev["附件.6"]["row"]) == (0, 6)  # not run on into the repeat
    assert (ev["附件.7"]["table"], ev["附件.7"]["row"]) == (1, 1)


def test_a_responsibility_table_without_numbers_is_numbered():
    numbered = extract_notice(_notice(document_of(REAL / "sh-14.txt")))[0]
    bare_doc = document_of(REAL / "sh-14.txt", drop_numbers=True)
    text, _ = render(bare_doc)
    assert "序号\t任务名称\t任务内容\t牵头部门" in text
    bare = extract_notice(_notice(bare_doc))[0]
    assert _tasks(bare) == _tasks(numbered)
    ev = next(f["evidence"] for f in bare if f["kind"] == "task" and f["ref"] == "附件.2")
    assert ev["row"] == 2 and ev["text"].startswith("2\t\t将生活垃圾管理")


def test_evidence_in_one_cell_quotes_the_cell():
    doc = Document("名单.docx", "docx", [
        Block(text="关于成立区防汛工作领导小组的通知"),
        Block(text="为做好防汛工作,区人民政府决定成立区防汛工作领导小组,组成人员如下:"),
        Block(table=Table(0, [["职务", "姓名及单位职务"], ["组长", "张建国 区人民政府区长"],
                              ["副组长", "李明 区人民政府副区长"]])),
        Block(text="武汉市汉阳区人民政府办公室"), Block(text="2018年4月12日"),
    ], {"doc": "阳政办〔2018〕12号"})
    n = _notice(doc)
    assert n.doc == "阳政办〔2018〕12号" and n.date == "2018-04-12"
    facts, _ = extract_notice(n)
    members = {f["member"]: f["evidence"] for f in facts if f["kind"] == "membership"}
    assert set(members) == {"张建国", "李明"}
    for ev in members.values():
        assert n.text[ev["start"]:ev["end"]] == ev["text"]
        assert ev["file"] == "名单.docx" and (ev["table"], ev["col"]) == (0, 1)
        assert ev["text"] in ("张建国 区人民政府区长", "李明 区人民政府副区长")  # the cell's text


def test_a_header_written_over_lines_assigns_its_columns():
    doc = Document("分解表.xlsx", "xlsx", [
        Block(text="区人民政府办公室关于印发2018年重点工作任务分解表的通知"),
        Block(text="现将任务分解如下,请抓好落实。"),
        Block(table=Table(0, [["2018年重点工作任务分解表", "2018年重点工作任务分解表", "", "", ""],
                              ["序 号", "重点任务", "牵头\n单位", "责任单位", "完成\n时限"],
                              ["1", "完成汉阳大道\n改造工程", "区建设局", "区财政局、\n区交通局", "5月底"],
                              ["2", "开展文明交通宣传", "区委宣传部", "", "6月30日前"]], sheet="任务")),
        Block(text="武汉市汉阳区人民政府办公室"), Block(text="2018年3月1日"),
    ])
    text, _ = render(doc)
    assert "2018年重点工作任务分解表\n序号\t重点任务\t牵头单位\t责任单位\t完成时限\n" in text
    facts, _ = extract_notice(_notice(doc))
    tasks = {f["ref"]: f for f in facts if f["kind"] == "task"}
    assert (tasks["附件.1"]["lead"], tasks["附件.1"]["responsible"], tasks["附件.1"]["due"]) == \
        (["区建设局"], ["区财政局", "区交通局"], "2018-05-31")
    assert (tasks["附件.2"]["lead"], tasks["附件.2"]["responsible"], tasks["附件.2"]["due"]) == \
        (["区委宣传部"], [], "2018-06-30")
    ev = tasks["附件.2"]["evidence"]
    assert (ev["file"], ev["sheet"], ev["table"], ev["row"]) == ("分解表.xlsx", "任务", 0, 3)
