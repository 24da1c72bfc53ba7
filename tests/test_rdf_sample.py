"""Sample data for the RDF / query tests, and round-trip tests on it.

The sample corpus ``data/000_69f8c657212cfd7a.txt`` holds ten notices on one
line.  Until the extractor is used, the facts are the hand-checked gold
(``data/gold``) plus the 2017 audit terms of 阳政办〔2018〕7号 read off its
table by hand (the gold has no posts for that notice), and the notices are cut
from the sample at their headers.
"""

from __future__ import annotations

import json
import re
from functools import lru_cache
from pathlib import Path

import pytest

from govgraph.facts import read_facts
from govgraph.notice import Notice
from govgraph.build import build_store

ROOT = Path(__file__).resolve().parents[1]
SAMPLE = ROOT / "data" / "000_69f8c657212cfd7a.txt"
GOLD = ROOT / "data" / "gold"
ISSUER = "武汉市汉阳区人民政府办公室"

# 阳政办〔2018〕7号, 六、经济责任审计项目 table: "<unit><title><person>任期经济责任审计(YYYY.M-YYYY.M)"
AUDIT_TERMS = [
    ("罗双兰", "江堤街办事处", "主任", "2015-08", "2017-03", False),
    ("左红伟", "月湖街办事处", "主任", "2013-04", "2016-04", True),
    ("施韦先", "翠微街办事处", "主任", "2015-11", "2017-12", True),
    ("施韦先", "建桥街办事处", "主任", "2015-11", "2017-12", False),
    ("吴红文", "四新地区管委会", "主任", "2012-02", "2016-06", False),
    ("李明方", "经济开发区管委会", "主任", "2012-02", "2016-12", False),
    ("李庆华", "鹦鹉街办事处", "主任", "2012-02", "2017-03", False),
    ("王文革", "五里墩街办事处", "主任", "2015-09", "2017-03", False),
    ("陈刚", "晴川街办事处", "主任", "2012-02", "2016-06", False),
    ("阮祥耀", "区城管委", "主任", "2013-09", "2016-12", False),
    ("杨明生", "区城管委", "主任", "2017-01", "2017-12", False),
    ("张斌", "区统筹办", "主任", "2013-04", "2016-12", False),
    ("熊建刚", "区统筹办", "主任", "2017-01", "2017-12", False),
    ("邓新民", "区司法局", "局长", "2012-02", "2016-12", False),
    ("刘庆元", "区食药监局", "局长", "2015-08", "2016-12", False),
    ("鲍芙蓉", "区残联", "理事长", "2012-09", "2017-12", False),
    ("张蕾", "区妇联", "主席", "2012-03", "2017-12", False),
    ("易雄才", "区水务局", "局长", "2017-01", "2017-12", False),
    ("刘平华", "武汉市第三中学", "校长", "2016-07", "2018-01", False),
    ("王华勇", "区城市数字化信息网络中心", "主任", "2015-10", "2017-11", False),
]

_HEADER = re.compile(r"阳政办\((\d{4})\)(\d+)号—(\S+) (\d{4}-\d{2}-\d{2}) ")


@lru_cache(maxsize=None)
def sample_notices() -> tuple[Notice, ...]:
    """The ten notices of the sample, cut at their headers."""
    text = SAMPLE.read_text(encoding="utf-8").strip()
    heads = list(_HEADER.finditer(text))
    out = []
    for i, m in enumerate(heads):
        end = heads[i + 1].start() if i + 1 < len(heads) else len(text)
        out.append(Notice(doc=f"阳政办〔{m.group(1)}〕{m.group(2)}号", text=text[m.start():end].strip(),
                          title=m.group(3), date=m.group(4), issuer=ISSUER, source=str(SAMPLE),
                          offset=m.start(), encoding="utf-8"))
    return tuple(out)


def audit_posts() -> list[dict]:
    out = []
    for person, unit, title, start, end, former in AUDIT_TERMS:
        f = {"kind": "post", "doc": "阳政办〔2018〕7号", "person": person, "unit": unit,
             "title": title, "start": start, "end": end}
        if former:
            f["former"] = True
        out.append(f)
    return out


@lru_cache(maxsize=None)
def _gold() -> tuple[str, ...]:
    facts = list(read_facts(GOLD)) + audit_posts()
    return tuple(json.dumps(f, ensure_ascii=False) for f in facts)


def sample_facts() -> list[dict]:
    """Gold facts + the audit terms, fresh copies."""
    return [json.loads(s) for s in _gold()]


def canonical(fact: dict) -> str:
    """Canonical JSON of a fact for set comparisons: keys sorted, null fields
    dropped, unit alias / member / docs lists sorted (they are sets), ``added_aliases``
    folded into ``aliases``."""
    f = {k: v for k, v in fact.items() if v is not None}
    if f.get("kind") == "unit":
        f["aliases"] = sorted(set(f.get("aliases", [])) | set(f.pop("added_aliases", [])) | {f["name"]})
        for key in ("members", "former_members", "docs"):
            if key in f:
                f[key] = sorted(set(f[key]))
    return json.dumps(f, ensure_ascii=False, sort_keys=True)


@pytest.fixture(scope="session")
def sample_store(tmp_path_factory):
    from govgraph.graph.rdf_store import Store

    store = Store.open(tmp_path_factory.mktemp("kg") / "store", create=True)
    report = build_store(store, sample_facts(), sample_notices())
    store.build_report = report
    return store


# ---------------------------------------------------------------- tests

def test_sample_notices_cut():
    ns = sample_notices()
    assert [n.doc for n in ns][:3] == ["阳政办〔2018〕11号", "阳政办〔2018〕10号", "阳政办〔2018〕9号"]
    assert len(ns) == 10 and all(n.text.startswith("阳政办(2018)") for n in ns)


def test_build_report_on_sample(sample_store):
    r = sample_store.build_report
    assert len(r.added) == 10 and not r.replaced and not r.unchanged
    assert r.units == 124 and r.quads > 5000
    assert r.warnings == []


def test_facts_round_trip(sample_store):
    """extract -> build -> facts() gives the same facts (as a set)."""
    given = {canonical(f) for f in sample_facts()}
    back = {canonical(f) for f in sample_store.facts()}
    assert back == given


def test_notices_round_trip(sample_store):
    got = {n.doc: n for n in sample_store.notices()}
    for n in sample_notices():
        m = got[n.doc]
        assert (m.text, m.title, m.date, m.issuer, m.offset, m.sha256) == \
            (n.text, n.title, n.date, n.issuer, n.offset, n.sha256)
