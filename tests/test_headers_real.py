"""Headers of real notices (document number, title, date, issuer) and the 'not read' report.

Snippets are cut from the dev part of data/real/notices (each names its file);
the held-out part is never read here.
"""

from __future__ import annotations

import re
from pathlib import Path

import pytest
from typer.testing import CliRunner

from govgraph.cli import app
from govgraph.loaders import extract_paths, extract_text
from govgraph.loaders.coverage import REPORT_COLUMNS, intents
from govgraph.loaders.header import find_news_date, find_own_doc_number, find_signature, parse_cn_date
from govgraph.loaders.splitting import split_notices

ROOT = Path(__file__).resolve().parent.parent
REAL = ROOT / "data" / "real" / "notices"
SAMPLE = ROOT / "data" / "000_69f8c657212cfd7a.txt"


def one(text: str, source: str = "x.txt"):
    notices, warnings = split_notices(text, source)
    assert len(notices) == 1
    return notices[0], warnings


# ---------------------------------------------------------------- document numbers

def test_number_after_a_title_wrapping_over_two_lines_ending_in_yijian():
    # gov-06.txt: the title ends in 意见 (见 is no citation) and wraps; the number has its own line
    n, _ = one("国务院办公厅关于深入开展消费扶贫\n助力打赢脱贫攻坚战的指导意见\n国办发〔2018〕129号\n"
               "各省、自治区、直辖市人民政府，国务院各部委、各直属机构：\n消费扶贫是社会各界通过消费来自贫困地区和贫困人口的产品与服务。",
               "gov-06.txt")
    assert n.doc == "国办发〔2018〕129号"
    assert n.title == "国务院办公厅关于深入开展消费扶贫助力打赢脱贫攻坚战的指导意见"
    assert n.text[n.title_span[0]:n.title_span[1]].startswith("国务院办公厅关于深入开展消费扶贫\n助力")


def test_number_after_a_title_holding_guanche_luoshi():
    # gov-07.txt: 贯彻落实 in the title's second line does not make the number a citation
    n, _ = one("国务院办公厅关于抓好赋予科研机构和人员\n更大自主权有关文件贯彻落实工作的通知\n国办发〔2018〕127号\n"
               "各省、自治区、直辖市人民政府，国务院各部委、各直属机构：\n党中央、国务院高度重视激发科研人员创新积极性。")
    assert n.doc == "国办发〔2018〕127号"


@pytest.mark.parametrize("text,doc", [
    # loc-01.txt: in round brackets on its own line
    ("肇庆市人民政府办公室关于成立肇庆市申报“中国人居环境范例奖”和创建“中国人居环境奖”工作领导小组的通知\n(肇府办〔2008〕62号)\n"
     "端州区、鼎湖区人民政府,市府直属有关单位:\n为进一步提升城市品位,创建和谐宜居城市。", "肇府办〔2008〕62号"),
    # loc-12.txt: square brackets in round ones
    ("广州市人民政府转发省政府转发国务院关于开展第一次全国污染源普查的通知\n(穗府[2007]9号)\n各区、县级市人民政府,市政府各部门、各直属机构:\n"
     "现将省人民政府《转发国务院关于开展第一次全国污染源普查的通知》》(粤府[2006]128号)转发给你们。", "穗府〔2007〕9号"),
    # loc-11.txt: at the end of the title's line
    ("城北区优化营商环境工作领导小组办公室关于建立优化营商环境工作联席会议制度的通知(城北政办〔2020〕32号)\n\n"
     "各镇人民政府、街道办事处,区优化营商环境工作领导小组成员单位:\n\n为深入贯彻落实区委区政府优化营商环境工作部署。", "城北政办〔2020〕32号"),
    # loc-17.txt: Traditional script, kept as written
    ("盤錦市人民政府辦公室關于印發《2021年市〈政府工作報告〉任務分解和責任分工方案》的通知\n盤政辦發〔2021〕1號\n"
     "各縣、區人民政府,市政府各部門、直屬機構:\n現將《方案》印發給你們。", "盤政辦發〔2021〕1號"),
    # loc-22.txt: on the first line, before the issuer and a title over three lines
    ("梁平府办发〔2021〕12号\n重庆市梁平区人民政府办公室\n关于印发2021年区政府工作报告\n目标任务分解方案的通知\n"
     "各乡镇人民政府、街道办事处,区级各部门,有关单位:\n《方案》已经区政府同意。", "梁平府办发〔2021〕12号"),
])
def test_number_wherever_the_head_block_puts_it(text, doc):
    n, _ = one(text)
    assert n.doc == doc


def test_number_in_markdown_front_matter():
    # sh-01.txt: the 文号 is only in the front matter
    n, _ = one("---\n标题: 上海市人民政府办公厅关于调整上海市生活垃圾分类减量推进工作联席会议组成人员的通知\n"
               "文号: 沪府办〔2022〕10号\n发布单位: 上海市人民政府办公厅\n发布日期: 2022-02-11\n---\n\n"
               "各区人民政府,市政府各委、办、局:\n经市政府同意,现将联席会议组成人员调整如下。\n上海市人民政府办公厅\n2022年1月25日\n")
    assert n.doc == "沪府办〔2022〕10号"
    assert n.title == "上海市人民政府办公厅关于调整上海市生活垃圾分类减量推进工作联席会议组成人员的通知"
    assert n.date == "2022-01-25"  # the signature, not the web page's 发布日期


def test_a_number_cited_in_the_first_sentence_is_not_the_notices():
    # loc-06.txt: addressees first, then 根据武政办发[2008]73号; the date in Chinese numerals with a Latin O
    text = ("各村,各有关单位:\n为进一步巩固农村公路建设成果,加快推进社会主义新农村建设,根据武政办发[2008]73号《关于加强全区农村公路"
            "管理养护工作的意见》文件精神,经研究,决定成立湖塘镇农村公路管理养护工作领导小组,具体名单如下:\n组 长:王伟华\n"
            "二OO八年六月三十日\n")
    n, warnings = one(text, "loc-06.txt")
    assert n.doc == "loc-06"
    assert any("using the file name 'loc-06'" in w for w in warnings)
    assert n.date == "2008-06-30"
    assert find_own_doc_number(text)[0] is None


def test_the_number_is_taken_from_the_source_not_the_work_text():
    # loc-17.txt as a whole file: facts carry the Traditional number, as the gold does
    ex = extract_paths([REAL / "loc-17.txt"])
    assert [n.doc for n in ex.notices] == ["盤政辦發〔2021〕1號"]
    assert {f["doc"] for f in ex.facts if f["kind"] != "unit"} <= {"盤政辦發〔2021〕1號"}


# ---------------------------------------------------------------- dates and issuers

def test_signature_issuer_on_one_line_and_date_on_the_next():
    # gov-04.txt: 国务院 / 2018年11月7日
    tail = "重大事项及时向党中央、国务院请示报告。\n国务院               \n2018年11月7日          \n（此件公开发布）"
    assert find_signature(tail)[:2] == ("国务院", "2018-11-07")


@pytest.mark.parametrize("text,iso", [
    ("二〇〇五年六月十一日", "2005-06-11"),  # gov-02.txt
    ("二○○三年十二月十六日", "2003-12-16"),  # loc-02.txt
    ("二○○七年四月十八日", "2007-04-18"),  # loc-12.txt
    ("二OO八年六月三十日", "2008-06-30"),  # loc-06.txt
])
def test_dates_in_chinese_numerals(text, iso):
    assert parse_cn_date(text) == iso


def test_covering_letter_signed_in_chinese_numerals_before_the_plan():
    # gov-02.txt: the covering letter's signature dates the notice, not the plan after it
    n, _ = one("国务院办公厅关于印发\n国 家 粮 食 应 急 预 案 的 函\n国办函〔2005〕57号\n"
               "各省、自治区、直辖市人民政府，国务院各部委、各直属机构：\n《国家粮食应急预案》已经国务院同意，现印发给你们，请认真实施。\n"
               "国务院办公厅       \u3000\n二〇〇五年六月十一日     \n国家粮食应急预案\n1 总则\n")
    assert (n.doc, n.date, n.issuer) == ("国办函〔2005〕57号", "2005-06-11", "国务院办公厅")
    assert n.title == "国务院办公厅关于印发国家粮食应急预案的函"


def test_session_date_of_a_standing_committee_decision():
    # rm-19.txt
    n, _ = one("肃宁县人民代表大会常务委员会\n关于接受杨玲同志辞去肃宁县人民政府县长职务的决定\n"
               "(2024年10月25日肃宁县第十八届人民代表大会常务委员会第二十五次会议通过)\n"
               "2024年10月25日肃宁县第十八届人民代表大会常务委员会第二十五次会议决定,接受杨玲同志辞去肃宁县人民政府县长职务。\n", "rm-19.txt")
    assert n.date == "2024-10-25"
    assert n.title == "肃宁县人民代表大会常务委员会关于接受杨玲同志辞去肃宁县人民政府县长职务的决定"
    assert n.issuer == "肃宁县人民代表大会常务委员会"


@pytest.mark.parametrize("text,iso", [
    # rm-05.txt: the report's day is the 12th, the session closed on the 11th
    ("十三届人大常委会第二十一次会议在京闭幕\nhttp://www.CRNTT.com   2020-08-12 06:51:23\n(图片来源:新华网)\n"
     "中评社北京8月12日电/据新华网报道,十三届全国人大常委会第二十一次会议11日下午在北京人民大会堂闭幕。", "2020-08-11"),
    # rm-12.txt: DD.MM.YYYY dateline
    ("苏州市人大常委会任命吴晓东为苏州市人民政府副市长\n12.01.2017  19:02\n1月11日下午,苏州市人大常委会主任陈振一主持召开了市第十五届人大常委会第三十三次会议。",
     "2017-01-11"),
    # rm-01.txt: a masthead gives the year, the agency's dateline the day
    ("国务院任免国家工作人员\n《人民日报》（2022年08月18日 第04版）\n新华社北京8月17日电　国务院任免国家工作人员。", "2022-08-17"),
    # rm-03.txt: DD/MM/YYYY and 今日
    ("19/12/2024 16:44\n《中國要聞》國務院免去何靖香港中聯辦副主任職務\n《經濟通通訊社19日專訊》國家人社部網站今日公布,國務院任免國家工作人員。",
     "2024-12-19"),
    # rm-02.txt: 昨天
    ("2018-04-05 00:00\n方永祥兼任退役部副部長\n國務院昨天宣布,中部戰區第81集團軍政委方永祥兼任退役軍人事務部副部長。", "2018-04-04"),
    # rm-14.txt
    ("书记县长越来越年轻 浙江70后“治县”呼之欲出?\n2015-07-22 10:26:59  来源: 浙江日报数字采编中心   何苏鸣\n"
     "7月20日,浙江省委组织部发布省管领导干部任前公示通告,4人榜上有名。", "2015-07-20"),
])
def test_news_items_are_dated_by_the_event_their_lede_reports(text, iso):
    from govgraph.loaders.normalize import work_text

    assert find_news_date(work_text(text)) == iso
    n, _ = one(text)
    assert n.date == iso


def test_news_without_a_year_has_no_date():
    # rm-22.txt: 9月29日 with no year anywhere
    n, warnings = one("9月29日下午,中山市十六届人大常委会第二十二次会议召开,决定任命陈晖东为中山市人民政府副市长。\n", "rm-22.txt")
    assert n.date is None and any("no date found" in w for w in warnings)


def test_all_dev_notices_get_the_gold_doc():
    import json

    from govgraph.evaluate import _split  # SPLIT.tsv as the scorer reads it

    held = {name for name, part in _split(ROOT / "data/real").items() if part == "held-out"}
    dev = sorted(p for p in REAL.glob("*.txt") if p.stem not in held)
    ex = extract_paths(dev)
    got = {Path(n.source).stem: n.doc for n in ex.notices}
    for p in dev:
        gold = ROOT / "data/real/gold" / f"{p.stem}.jsonl"
        docs = {json.loads(ln)["doc"] for ln in gold.read_text(encoding="utf-8").splitlines() if ln.strip()}
        assert docs == {got[p.stem]}, p.stem


# ---------------------------------------------------------------- not read

def test_intents_from_titles():
    assert "group" in intents("上海市人民政府办公厅关于调整上海市生活垃圾分类减量推进工作联席会议组成人员的通知")  # sh-01.txt
    assert "tasks" in intents("盘锦市人民政府办公室关于印发《2021年市〈政府工作报告〉任务分解和责任分工方案》的通知")  # loc-17.txt
    assert intents("国务院办公厅关于印发国家组织药品集中采购和使用试点方案的通知") == {}  # gov-03.txt


def test_a_group_set_up_without_a_member_read_is_named():
    # loc-05.txt, cut after its first sentence: it says it sets up a group, no member list follows
    ex = extract_text("关于成立第二次污染普查工作领导小组的通知\n  观政发〔2018〕8号\n各村(社区)、街直各部门及有关单位:\n"
                      "  为切实做好第二次污染源普查工作,经街道党工委研究,决定成立观沙岭街道第二次污染源普查工作领导小组。\n", "loc-05.txt")
    (w,) = [w for w in ex.warnings if "not read:" in w]
    assert w.startswith("loc-05.txt [观政发〔2018〕8号]: not read: the notice says it sets up or adjusts a group")
    assert "no member was read" in w


def test_an_appointment_without_a_post_read_is_named():
    # rm-16.txt, its headline and first sentence: a resignation accepted, nobody's post readable
    ex = extract_text("世界最资讯丨李峻任上海崇明区代理区长\n时间:2022-07-27 20:43:35 来源: 上海崇明\n"
                      "今天(7月27日),区二届人大常委会第四次会议决定,接受有关同志辞去职务的请求。\n", "rm-16.txt")
    ws = [w for w in ex.warnings if "not read:" in w]
    assert ws and "appoints or removes people" in ws[0] and "no post was read" in ws[0]


def test_numbered_measures_naming_a_unit_that_was_not_read():
    # gov-04.txt: measures carry (负责部门:…); where no task is read from one, it is named
    text = (REAL / "gov-04.txt").read_text(encoding="utf-8")
    ex = extract_paths([REAL / "gov-04.txt"])
    tasks = [f for f in ex.facts if f["kind"] == "task"]
    labelled = len(re.findall(r"（负责部门：", text))
    ws = [w for w in ex.warnings if "numbered measure" in w]
    if len(tasks) < labelled:
        assert ws and ws[0].startswith(f"{REAL / 'gov-04.txt'} [国发〔2018〕38号]: not read: no unit was read for")
    else:
        assert not ws


def test_no_false_alarms_on_the_sample_or_the_other_layouts():
    ex = extract_paths([SAMPLE, ROOT / "tests" / "data" / "other"])
    assert [w for w in ex.warnings if "not read:" in w] == []


# ---------------------------------------------------------------- the per-notice report

# A notice that says it sets up a group but names no member: the report says so, whatever
# the rules read elsewhere (a real notice would stop serving once the rules read it).
PROMISE = ("某县人民政府关于成立某某工作领导小组的通知\n各乡镇人民政府,县直各单位:\n"
           "为加强领导,县人民政府决定成立某某工作领导小组,领导小组组成人员另行通知。\n"
           "某县人民政府\n2020年3月1日\n")


def test_extract_report_through_the_cli(tmp_path):
    (tmp_path / "promise.txt").write_text(PROMISE, encoding="utf-8")
    out = tmp_path / "f.jsonl"
    res = CliRunner().invoke(app, ["extract", str(REAL / "gov-12.txt"), str(tmp_path / "promise.txt"), "-o",
                                   str(out), "--report", "-q"])
    assert res.exit_code == 0, res.output
    lines = res.output.splitlines()
    header = next(i for i, ln in enumerate(lines) if ln.startswith("doc "))
    assert lines[header].split() == [c for col in REPORT_COLUMNS for c in col.split()]
    row = {ln.split()[0]: ln for ln in lines[header + 2:header + 4]}
    assert set(row) == {"国办发〔2016〕48号", "promise"}
    posts = sum(1 for ln in out.read_text(encoding="utf-8").splitlines() if '"kind": "post"' in ln
                and "国办发〔2016〕48号" in ln)
    assert posts > 0 and row["国办发〔2016〕48号"].split()[1:4] == ["gov-12.txt", "2016-06-21", str(posts)]
    assert row["promise"].split()[1:3] == ["promise.txt", "2020-03-01"]
    assert row["promise"].split()[-1] == "members"  # the group was promised, no member read


def test_evaluate_per_notice_through_the_cli(tmp_path):
    (tmp_path / "promise.txt").write_text(PROMISE, encoding="utf-8")
    promise_gold = tmp_path / "promise.jsonl"
    promise_gold.write_text('{"kind": "membership", "doc": "promise", "group": "某某工作领导小组", "member": "张三", '
                            '"member_type": "person", "role": "组长"}\n', encoding="utf-8")
    out = tmp_path / "f.jsonl"
    assert CliRunner().invoke(app, ["extract", str(REAL / "loc-01.txt"), str(tmp_path / "promise.txt"), "-o",
                                    str(out), "-q"]).exit_code == 0
    gold = ROOT / "data" / "real" / "gold"
    res = CliRunner().invoke(app, ["evaluate", str(out), str(gold / "loc-01.jsonl"), str(promise_gold),
                                   "--show", "0", "--per-notice"])
    assert res.exit_code == 0, res.output
    rows = {ln.split()[0]: ln.split() for ln in res.output.splitlines() if ln.startswith(("肇府办", "promise"))}
    assert set(rows) == {"肇府办〔2008〕62号", "promise"}
    assert re.fullmatch(r"\d+/\d+", rows["肇府办〔2008〕62号"][1])
    assert rows["promise"][-1] == "membership"


def test_docs_show_the_report_on_a_real_notice():
    md = (ROOT / "docs" / "extraction.md").read_text(encoding="utf-8")
    assert "govgraph extract data/real/notices/" in md and "--report" in md and "--per-notice" in md
    assert re.search(r"^doc +file +date +post +membership +group +task +warnings +not read$", md, re.M)
    assert re.search(r"warning: data/real/notices/\S+ \[[^\]]+\]: not read: ", md)


def test_dates_one_per_line_in_a_table_are_not_a_signature():
    # loc-21.txt layout: a task table flattened one cell per line, deadline cells holding only a date
    cells = "\n".join(f"{i}\n推进重点项目建设\n区发改局\n2021年{i + 5}月30日" for i in range(1, 4))
    assert find_signature("各单位:\n请认真贯彻执行。\n" + cells + "\n")[1] is None
    # loc-06.txt: a lone date after the last sentence is the signature
    assert find_signature("由闵成兼任办公室主任。\n二OO八年六月三十日\n")[1] == "2008-06-30"


def test_full_width_digits_in_a_number():
    from govgraph.loaders.normalize import work_text

    text = "国务院关于某事项的通知\n国发（２０１８）３８号\n各省:"
    assert find_own_doc_number(work_text(text), text)[0] == "国发〔2018〕38号"


def test_number_in_a_labelled_table_cell():
    # loc-08.txt layout: metadata as table cells (发文字号 | …)
    n, _ = one("索 引 号 | 11370800004312466C/2021-00895 | 公开方式 | 主动公开 |\n发文字号 | 济政办字〔2021〕4号 |\n"
               "各县(市、区)人民政府:\n现将有关事项通知如下。\n")
    assert n.doc == "济政办字〔2021〕4号"


def test_issuer_with_its_place_from_a_label():
    # loc-13.txt: the title's issuer leaves out the place; the 发布机构 label names it
    n, _ = one("名 称: 区人民政府办公室 关于印发2020年区政府重点工作责任分解的通知\n"
               "索 引 号: 000014349/2020-105482 发布日期: 2020-06-28 发布机构: 下陆区政府办公室\n"
               "文 号: 文件分类: 综合政务 所属机构:\n各新区、区政府各部门、各市级垂管单位:\n现将有关事项通知如下。\n", "loc-13.txt")
    assert n.doc == "loc-13"
    assert n.title == "区人民政府办公室关于印发2020年区政府重点工作责任分解的通知"
    assert n.issuer == "下陆区政府办公室"


def test_a_task_split_is_promised_by_the_title_or_the_plan_issued_not_by_a_sentence():
    from govgraph.loaders.context import NoticeContext
    from govgraph.loaders.coverage import _promises

    # loc-20.txt: 现将《…重点任务责任落实分工》印发 promises tasks
    n, _ = one("鄂温克族自治旗人民政府办公室\n关于印发2022年《政府工作报告》\n重点任务责任落实分工的通知\n"
               "各苏木乡镇人民政府,旗政府各部门,驻鄂温克族自治旗有关单位:\n"
               "经旗人民政府同意,现将《2022年<政府工作报告>重点任务责任落实分工》印发给你们,请结合实际,认真贯彻落实。\n")
    assert "tasks" in _promises(NoticeContext(n))
    # sh-05.txt: 落实责任分工 inside a sentence of the opening is no task split
    n, _ = one("上海市嘉定区人民政府办公室关于转发某实施方案的通知\n嘉府办发〔2024〕23号\n各镇人民政府:\n"
               "区住房城乡建设管理委会同各行业主管部门协同制定海绵城市年度建设项目计划,落实责任分工,加强过程管理。\n")
    assert "tasks" not in _promises(NoticeContext(n))


def test_signature_of_a_short_notice_without_a_full_stop():
    # loc-06.txt's member list, signed, with no sentence at all
    n, _ = one("组 长:王伟华\n副组长:王晓剑 谭志新\n成 员:闵 成 马梅红 许小建 范金洪\n湖塘镇人民政府\n二OO八年六月三十日\n")
    assert (n.issuer, n.date) == ("湖塘镇人民政府", "2008-06-30")


def test_a_day_to_come_in_the_lede_is_not_the_event():
    # rm-18.txt layout, with a day after the report's: the meeting, not the day to come, dates it
    assert find_news_date("澎湃新闻 2024-11-23 09:26\n将于11月30日召开的会议前,11月22日下午,响水县十一届人大常委会召开第二十四次会议。") \
        == "2024-11-22"
    assert find_news_date("2021-01-03 10:00\n12月30日,某县人大常委会召开会议。") == "2020-12-30"
    # 第二十五次会议审议通过
    from govgraph.loaders.header import find_session_date

    assert find_session_date("(2019年5月8日县第十七届人民代表大会常务委员会第二十次会议审议通过)") == "2019-05-08"


def test_a_number_column_of_cited_documents_is_not_the_notices():
    # gov-02.txt layout (a covering letter), with a table of cited documents in the body
    n, _ = one("国务院办公厅关于印发\n国 家 粮 食 应 急 预 案 的 函\n各省、自治区、直辖市人民政府:\n"
               "《国家粮食应急预案》已经国务院同意，现印发给你们，请认真实施。\n依据文件 | 文号: 国发〔2004〕17号 |\n", "gov-02.txt")
    assert n.doc == "gov-02"


def test_report_rows_of_an_extraction_in_memory(tmp_path):
    from govgraph.loaders.coverage import format_table, report_rows

    (tmp_path / "promise.txt").write_text(PROMISE, encoding="utf-8")
    ex = extract_paths([REAL / "gov-12.txt", tmp_path / "promise.txt"])
    rows = {r["doc"]: r for r in report_rows(ex)}
    assert rows["promise"]["not read"] == "members" and rows["promise"]["warnings"] == 2  # no number; no member
    gov12 = [f for f in ex.facts if f.get("doc") == "国办发〔2016〕48号" and f["kind"] == "post"]
    assert rows["国办发〔2016〕48号"]["post"] == len(gov12) > 0 and rows["国办发〔2016〕48号"]["not read"] == ""
    assert format_table(list(rows.values())).splitlines()[0].split()[:3] == ["doc", "file", "date"]


def test_a_deadline_in_a_table_is_not_the_notices_date():
    # loc-21.txt layout: a short covering letter without a signature, then a task table
    rows = "\n".join(f"{i}\n推进第{i}项工作\n区发改局\n2021年6月30日" for i in range(1, 4))
    n, warnings = one("某区人民政府办公室关于印发某表的通知\n各部门:\n现印发给你们。\n" + rows + "\n")
    assert n.date is None and any("no date found" in w for w in warnings)


def test_a_news_item_has_its_headline_as_title():
    # rm-18.txt: a paper's name, the headline, then the dateline
    n, _ = one("北京青年报\n37岁翟大伟任响水县代县长,成江苏最年轻区县主官\n澎湃新闻 2024-11-23 09:26\n"
               "11月22日下午,江苏盐城响水县十一届人大常委会召开第二十四次会议。\n", "rm-18.txt")
    assert (n.title, n.date) == ("37岁翟大伟任响水县代县长,成江苏最年轻区县主官", "2024-11-22")
    assert n.text[n.title_span[0]:n.title_span[1]] == n.title


def test_a_sharing_sites_summary_line_does_not_end_the_head():
    # ext-313: a document-sharing site's '简介:…。' before the notice; its full stop ended the head block
    # before the number (page_labels.txt)
    work = ("某省人民政府办公厅文件\n简介:某文库小编为你整理了多篇相关的《某省人民政府办公厅文件》。\n"
            "第一篇:某省人民政府办公厅文件\n某政办发〔2009〕24号\n某省人民政府办公厅关于加强某工作的通知\n各市州人民政府:\n")
    assert find_own_doc_number(work)[0] == "某政办发〔2009〕24号"
