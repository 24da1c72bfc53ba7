"""(Re)create ``tests/data/bad/``: small hostile or broken inputs for tests/test_robustness.py.

Run ``python tests/make_bad_inputs.py`` from the repository root. Every file is
small; the 100 MB file is generated at test time in ``tmp_path``.

Files (all notices are invented; county 临江县, document numbers 临政办发〔2021〕N号):

- ``empty.txt`` (0 bytes), ``blank.txt`` (whitespace only)
- ``binary.txt`` (PNG signature, NULs), ``control.txt`` (control characters, no NUL)
- ``notice_gbk.txt`` (GBK), ``notice_big5.txt`` (Big5, Traditional), ``notice_traditional.txt``
  (UTF-8, Traditional), ``notice_utf16.txt`` (UTF-16 with BOM)
- ``bad_utf8.txt``: UTF-8 with a few stray bytes (not valid in any encoding tried)
- ``page_scripts.html``: scripts, styles, comments and entities around a notice;
  ``scripts_only.html``: nothing visible
- ``table_cut.txt``: a task notice whose responsibility table is cut off mid-row
- ``dup_a.txt`` / ``dup_b.txt``: the same document number, conflicting member lists
- ``hostile_names.txt``: a member list whose names carry quotes, braces, backslashes
  and SPARQL/Cypher keywords; ``hostile_group.txt``: such a group name and task texts
- ``no_number.txt``: no document number, no date
"""

from __future__ import annotations

from pathlib import Path

BAD = Path(__file__).resolve().parent / "data" / "bad"

GROUP_NOTICE = """临政办发〔2021〕{num}号

临江县人民政府办公室
关于成立临江县{topic}工作领导小组的通知

各乡镇人民政府，县政府各部门：
为加快推进{topic}工作，经县人民政府研究，决定成立临江县{topic}工作领导小组。现将组成人员名单通知如下：
{members}
领导小组下设办公室，办公室设在县水利局，由周志远同志兼任办公室主任。

临江县人民政府办公室
2021年3月{day}日
"""

MEMBERS = """组  长：赵建华  县长
副组长：钱文斌  副县长
成  员：孙  丽  县财政局局长
        周志远  县水利局局长"""

TRADITIONAL = """臨政辦發〔2021〕{num}號

臨江縣人民政府辦公室
關於成立臨江縣{topic}工作領導小組的通知

各鄉鎮人民政府，縣政府各部門：
為加快推進{topic}工作，經縣人民政府研究，決定成立臨江縣{topic}工作領導小組。現將組成人員名單通知如下：
組  長：趙建華  縣長
副組長：錢文斌  副縣長
成  員：孫  麗  縣財政局局長
        周志遠  縣水利局局長
領導小組下設辦公室，辦公室設在縣水利局，由周志遠同志兼任辦公室主任。

臨江縣人民政府辦公室
2021年4月{day}日
"""

# Names built to break string-formatted SPARQL / Cypher, as people in a member list.
HOSTILE_MEMBERS = """组  长：张"}三  县长
副组长：x' OR '1'='1  副县长
成  员：李\\四  县财政局局长
        王}五  县水利局局长
        ') DETACH DELETE n //  县公安局局长
        "} ; DROP ALL ; SELECT * {  县教育局局长
        ${x}  县住建局局长
        钱'六  县审计局局长
        周志远  县交通局局长"""

TASKS_CUT = """临政办发〔2021〕30号—临江县人民政府办公室关于印发临江县河道综合整治工作方案的通知 2021-05-10 各乡镇人民政府,县政府各部门: 《临江县河道综合整治工作方案》已经县人民政府同意,现印发给你们,请认真组织实施。 临江县人民政府办公室 2021年5月10日 附件:河道综合整治工作责任分解表 序号 任务目标 责任单位 完成时限 1 开展河道垃圾清理,确保主要河道无漂浮物。 县水利局 6月底 2 加强沿河排污口排查,建立排污口台账。 县环保局 7月底 3 整治沿河违法建筑,依法拆除侵占河道的建筑物。 县城管局 县住建局 9月底 4 完善河道巡查制度,落实河长"""

HTML = """<!DOCTYPE html>
<html><head><meta charset="utf-8"><title>临江县人民政府</title>
<script>var fake = "组  长：假人甲  县长"; document.write('<p>阳政办(2018)99号—假通知 2018-01-01</p>');</script>
<style>p { color: red } /* 副组长：假人乙 副县长 */</style>
</head><body>
<!-- 成  员：假人丙  县财政局局长 -->
<noscript>请启用脚本</noscript>
<p>临政办发〔2021〕40号</p>
<p>临江县人民政府办公室</p>
<p>关于成立临江县防汛抗旱工作领导小组的通知</p>
<p>各乡镇人民政府，县政府各部门：</p>
<p>为做好防汛抗旱工作，经县人民政府研究，决定成立临江县防汛抗旱工作领导小组。现将组成人员名单通知如下：</p>
<table><tr><td>组&nbsp;&nbsp;长：</td><td>&#x8D75;建华&nbsp;&nbsp;县长</td></tr>
<tr><td>副组长：</td><td>钱文斌&#12288;副县长</td></tr>
<tr><td>成&nbsp;&nbsp;员：</td><td>孙&nbsp;&nbsp;丽&nbsp;&nbsp;县财政局局长</td></tr></table>
<p>领导小组下设办公室，办公室设在县水利局。</p>
<p>备注：R&amp;D &lt;试点&gt; &quot;河长制&quot; &copy; 2021 &amp;lt;不是标签&amp;gt;</p>
<p>临江县人民政府办公室</p>
<p>2021年6月1日</p>
<script type="text/javascript">
  // 组  长：假人丁  县长
  if (a < b && c > d) { alert("</p>"); }
</script>
</body></html>
"""

SCRIPTS_ONLY = """<html><head><script>var x = "临政办发〔2021〕41号";</script>
<style>body{}</style></head><body><script>document.write("组长：假人 县长")</script></body></html>
"""

# A group name and task texts built to break string-formatted SPARQL / Cypher (the extractor keeps them).
HOSTILE_GROUP = """注政办发〔2021〕7号

注江县人民政府办公室
关于成立注江县"}DROP{'\\数据工作领导小组的通知

各乡镇人民政府，县政府各部门：
经研究，决定成立注江县"}DROP{'\\数据工作领导小组。现将组成人员名单通知如下：
组  长：赵建华  县长
成  员：孙  丽  县财政局局长
领导小组下设办公室，办公室设在县数据局。

一、工作任务
1.清理"} ; DROP ALL ; SELECT * {数据，删除x' OR '1'='1记录。（牵头单位：县数据局；责任单位：县财政局）
2.审查脚本和${x}模板，MATCH (n) DETACH DELETE n。（责任单位：县数据局）

注江县人民政府办公室
2021年3月7日
"""

NO_NUMBER = """关于做好临江县春季植树工作的通知

各乡镇人民政府，县政府各部门：
请各乡镇做好春季植树工作。县林业局负责技术指导。
"""


def files() -> dict[str, bytes]:
    g = GROUP_NOTICE.format
    out: dict[str, bytes] = {
        "empty.txt": b"",
        "blank.txt": b"  \r\n\t\n\xe3\x80\x80\n",
        "binary.txt": b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR" + bytes(range(256)) * 4,
        "control.txt": bytes([1, 2, 3, 4, 5, 6, 7, 8, 14, 15, 16, 17, 18, 19, 20, 21]) * 40
        + "临政办发〔2021〕9号".encode(),
        "notice_gbk.txt": g(num=11, topic="河长制", members=MEMBERS, day=11).encode("gbk"),
        "notice_big5.txt": TRADITIONAL.format(num=12, topic="森林防火", day=12).encode("big5"),
        "notice_traditional.txt": TRADITIONAL.format(num=13, topic="安全生產", day=13).encode("utf-8"),
        "notice_utf16.txt": g(num=14, topic="文明创建", members=MEMBERS, day=14).encode("utf-16"),
        "bad_utf8.txt": g(num=15, topic="农村改厕", members=MEMBERS, day=15).encode("utf-8")[:120]
        + b"\xff\xfe\x80\x81" + g(num=15, topic="农村改厕", members=MEMBERS, day=15).encode("utf-8")[120:],
        "page_scripts.html": HTML.encode("utf-8"),
        "scripts_only.html": SCRIPTS_ONLY.encode("utf-8"),
        "table_cut.txt": TASKS_CUT.encode("utf-8"),
        "dup_a.txt": g(num=20, topic="乡村振兴", members=MEMBERS, day=20).encode("utf-8"),
        "dup_b.txt": g(num=20, topic="乡村振兴", members=MEMBERS.replace("孙  丽", "吴  敏"), day=20).encode("utf-8"),
        "hostile_names.txt": g(num=21, topic="数据安全", members=HOSTILE_MEMBERS, day=21).encode("utf-8"),
        "hostile_group.txt": HOSTILE_GROUP.encode("utf-8"),
        "no_number.txt": NO_NUMBER.encode("utf-8"),
    }
    return out


def main() -> None:
    BAD.mkdir(parents=True, exist_ok=True)
    for name, data in files().items():
        (BAD / name).write_bytes(data)
    print(f"wrote {len(files())} files to {BAD}")


if __name__ == "__main__":
    main()
