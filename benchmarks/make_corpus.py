#!/usr/bin/env python3
"""Generate a synthetic corpus of government notices with the expected facts.

    python benchmarks/make_corpus.py N OUTDIR [--seed S] [--files 1|K|per-notice] [--edge-cases]

Writes
    OUTDIR/corpus/            the notices: ``notices.txt`` (one concatenated dump, a
                              header per notice like data/000_*.txt), ``NNN_<hash>.txt``
                              (--files K: the dump cut into K shards) or one file per
                              notice in the county layout of tests/data/other (per-notice)
    OUTDIR/gold/*.jsonl       the facts each notice states, by construction (facts format:
                              post, membership, group, task) and units.jsonl, the unit
                              catalogue with aliases
    OUTDIR/manifest.json      sizes, genre counts, and query parameters (a place, and a
                              person, a unit, a title, a group of that place; a month)
                              that exist in this corpus

Genres (the ones the extractor handles): leading-group member lists (one per line in
files, flattened in the dump), groups set up in prose with unit members, task
decompositions with parenthetical assignments and deadlines, flattened responsibility
tables (attachment), duty lists (``(一)县发改局:负责…``), audit terms, appointment
notices.  A world of districts/counties is simulated in date order: each person keeps
a post until an appointment notice moves them, and audit notices report the terms that
history produced.  Everything streams: 100k notices take well under a minute.

``--edge-cases`` mixes in constructs that are plausible but outside what the extractor
was tuned on (4-character names, a member list that runs into the signature, ...); the
gold stays what the facts format says, so the misses show up in the F1.
"""

from __future__ import annotations

import argparse
import calendar
import hashlib
import json
import random
import sys
import time
from collections import Counter
from dataclasses import dataclass, field
from datetime import date, timedelta
from pathlib import Path

# ----------------------------------------------------------------------------- pools

SURNAMES = list("王李张刘陈杨黄赵吴周徐孙马朱胡郭何高林罗郑梁谢宋唐许韩冯邓曹彭曾肖田董袁潘蒋蔡余杜叶程苏魏"
                "吕丁沈姚卢姜崔钟谭陆汪范金石廖贾夏韦付白邹孟熊秦邱江尹薛闫段雷侯龙史陶黎贺顾毛郝龚邵钱覃"
                "武戴莫孔汤温康施牛樊葛邢齐乔伍庞颜倪庄聂章鲁岳翟殷詹")
COMPOUND = ["欧阳", "司马", "上官", "诸葛"]
GIVEN = list("伟芳娜敏静丽强磊军洋勇艳杰娟涛明超秀霞刚桂英华玉萍红鹏飞斌波宁峰琳林海燕春雪梅晨辉帆浩凯俊莉"
             "昊宇轩博然晓志建永立新德宏光云清晶慧欣佳颖婷倩雯琪瑶璐怡涵蕾薇嘉铭泽睿哲豪翔毅坤亮松柏森楠"
             "茜彬阳文凤兵福贵荣")

PLACE1 = list("东西南北江河湖山清永安宁丰兴华新明云龙凤金玉宝泰康平临汉")
PLACE2 = list("阳山江河湖源川宁安平丰兴华德水林州溪岭桥坪")
CITY = ["江州", "云阳", "临江", "安平", "宝山", "青州", "兴安", "德阳", "凤州", "金川", "泰宁", "龙泉"]  # each read as a city (not 凤城: 城市 is no place)
STREET1 = list("琴龙江翠月晴洲鹦永建五四汉桂柳松竹梅兰荷杏枫")
STREET2 = list("台阳堤微湖川头鹉丰桥里新园林港湾坡岗塘")

# Departments: (stem, suffix, head title, deputy title).  Built as level + stem + suffix
# (区财政局, 县发改委, 区政务服务中心).
DEPTS = (
    [(s, "局", "局长", "副局长") for s in (
        "财政", "教育", "民政", "司法", "审计", "统计", "商务", "水务", "园林", "住建", "交通运输", "农业农村",
        "自然资源", "生态环境", "卫健", "人社", "医保", "应急管理", "市场监管", "文旅", "体育", "信访",
        "退役军人事务", "行政审批", "数据", "林业", "公安", "房管", "粮食", "档案", "人防", "水利")]
    + [(s, "委", "主任", "副主任") for s in ("发改", "卫计", "城管", "经信", "科", "民宗", "农")]
    + [(s, "办", "主任", "副主任") for s in ("文明", "考评", "城乡统筹", "编", "法制", "维稳", "金融", "外侨", "扶贫", "征收")]
    + [(s, "中心", "主任", "副主任") for s in ("政务服务", "大数据", "公共资源交易", "融媒体", "信息网络", "不动产登记", "疾控")]
)
# Units with an alias spelled with 和 (the resolver folds 和): canonical name first.
AND_FORMS = {"工商质监": "工商和质监", "科技经信": "科技和经信", "商务旅游": "商务和旅游"}
DEPTS += [(s, "局", "局长", "副局长") for s in AND_FORMS]

TOPICS = ["创建国家卫生城区", "交通秩序综合治理", "优化营商环境", "河湖长制", "安全生产", "森林防火", "乡村振兴",
          "老旧小区改造", "生活垃圾分类", "全国文明城市创建", "防汛抗旱", "招商引资", "数字政府", "民营经济发展",
          "食品安全", "消防安全", "城乡环境整治", "大气污染防治", "水污染防治", "农民工工资支付", "质量强区",
          "重点项目建设", "政务公开", "法治政府", "校园安全", "养老服务体系", "住房保障", "智慧城市", "节能减排",
          "双拥模范城创建", "全民健身", "文化旅游融合", "夜间经济", "社区治理", "网格化管理", "国土绿化"]

VERBS = ["全面推行", "加快推进", "持续深化", "大力实施", "稳步推进", "积极开展", "切实加强", "着力提升", "不断完善",
         "深入开展", "扎实推进", "统筹推进"]
OBJECTS = ["“一网通办”改革", "老旧小区改造", "企业开办便利化", "工业用地储备", "农村人居环境整治", "城市道路综合整治",
           "重点项目前期工作", "政务服务标准化", "河湖水质监测", "校园安全隐患排查", "食品安全监管", "就业创业服务",
           "社区养老服务", "背街小巷改造", "农贸市场升级", "排水管网改造", "公共文化服务", "居民医保扩面",
           "安全生产专项整治", "违法建设查处", "征地拆迁补偿", "闲置厂房盘活", "招商项目落地", "小微企业融资服务",
           "困难群众救助", "退役军人服务", "森林防火巡查", "秸秆禁烧", "渣土车专项治理", "共享单车停放管理"]
OUTCOMES = ["，确保年度目标任务全面完成", "，形成长效管理机制", "，不断提升群众满意度", "，按要求报送工作进展",
            "，建立工作台账", "，实现全覆盖", ""]
FILLER = [
    "深入贯彻落实党中央、国务院决策部署，坚持以人民为中心的发展思想，推动各项工作落地见效。",
    "坚持问题导向和目标导向，强化统筹调度，形成上下联动、齐抓共管的工作格局。",
    "坚持高标准谋划、高质量推进，把工作成效作为检验能力作风的重要标尺。",
    "围绕中心、服务大局，突出重点、补齐短板，切实增强工作的系统性、整体性、协同性。",
    "着力解决群众反映强烈的突出问题，不断增强人民群众的获得感、幸福感、安全感。",
    "健全工作机制，细化工作措施，压实工作责任，确保各项任务按时保质完成。",
    "强化督查考核，对工作推进不力、影响整体进度的，按照有关规定严肃问责。",
    "加大宣传力度，充分利用报刊、广播、电视、网络等媒体，营造全社会共同参与的良好氛围。",
    "坚持依法行政，规范工作程序，切实维护群众合法权益和社会和谐稳定。",
    "加强经费保障，统筹安排专项资金，提高资金使用效益。",
    "注重总结经验，及时推广典型做法，以点带面推动工作整体提升。",
    "各项工作要与年度目标考核相衔接，定期梳理进展情况，及时研究解决工作中遇到的困难和问题。",
]
TERM_FORMATS = ("dot", "cn")


def _last_day(y: int, m: int) -> date:
    return date(y, m, calendar.monthrange(y, m)[1])


def _cn_date(d: date) -> str:
    return f"{d.year}年{d.month}月{d.day}日"


def _month(d: date) -> str:
    return f"{d.year:04d}-{d.month:02d}"


# ----------------------------------------------------------------------------- world

@dataclass
class Person:
    name: str
    posts: list  # [(unit, title, start 'YYYY-MM', note)]
    history: list = field(default_factory=list)  # [(unit, title, start, end)]


class District:
    """One district (区) or county (县): its units, post holders, and running counters."""

    def __init__(self, rng: random.Random, world: "World", base: str, level: str, city: str, start: date):
        self.rng, self.world = rng, world
        self.base, self.level, self.city = base, level, city
        self.name = base + level  # 清河区
        self.full = city + "市" + self.name  # 江州市清河区
        self.date = start
        self.counters: Counter = Counter()
        L = level
        self.gov = f"{L}人民政府"  # district leaders' unit
        self.gov_office = f"{L}政府办公室"
        self.party = f"{L}委"
        depts = rng.sample(DEPTS, k=min(len(DEPTS), rng.randint(30, 40)))
        self.units: dict[str, tuple[str, str]] = {}  # unit -> (head title, deputy title)
        for stem, suf, head, dep in depts:
            self.units[f"{L}{stem}{suf}"] = (head, dep)
        self.units[self.gov_office] = ("主任", "副主任")
        self.units[f"{L}督查室"] = ("主任", "副主任")
        self.units[f"{L}委宣传部"] = ("部长", "副部长")
        self.units[f"{L}总工会"] = ("主席", "副主席")
        # Streets (区) or towns and townships (县).
        streets = set()
        while len(streets) < rng.randint(5, 9):
            streets.add(rng.choice(STREET1) + rng.choice(STREET2))
        if L == "区":
            for s in sorted(streets):
                self.units[f"{s}街办事处"] = ("主任", "副主任")
            self.collectives = ["各街办事处", "各街道", "各相关部门"]
        else:
            for i, s in enumerate(sorted(streets)):
                if i % 3 == 2:
                    self.units[f"{s}乡"] = ("乡长", "副乡长")
                else:
                    self.units[f"{s}镇"] = ("镇长", "副镇长")
            self.collectives = ["各乡镇人民政府", "各相关部门"]
        for c in self.collectives:
            world.add_unit(c)
        for u in self.units:
            world.add_unit(u)
        world.add_unit(self.gov)
        world.add_unit(self.party)
        self.depts = [u for u in self.units if not u.endswith(("街办事处", "镇", "乡"))
                      and u not in (self.gov_office, f"{L}委宣传部", f"{L}总工会")]
        self.streets = [u for u in self.units if u.endswith(("街办事处", "镇", "乡"))]
        # Holders: (unit, title) -> person name.
        self.holders: dict[tuple[str, str], str] = {}
        self.people: dict[str, Person] = {}
        before = start - timedelta(days=30)
        self._fill((self.gov, f"{L}长"), before)
        self._fill((self.gov, f"常务副{L}长"), before, also=(self.party, "常委"))
        for _ in range(3):
            self._fill((self.gov, f"副{L}长"), before, slot=_)
        for u, (head, dep) in self.units.items():
            self._fill((u, head), before)
            for i in range(rng.randint(1, 2)):
                self._fill((u, dep), before, slot=i)
        self.leavers: list[str] = []  # people who left a post (audit candidates)

    # -- people
    def _fill(self, post, before: date, also=None, slot=0):
        rng = self.rng
        name = self.world.new_name()
        start = before - timedelta(days=rng.randint(200, 2000))
        note = "挂职" if post[1].startswith("副") and post[0] != self.gov and rng.random() < 0.05 else None
        p = Person(name, [(post[0], post[1], _month(start), note)])
        if also:
            p.posts.append((also[0], also[1], _month(start), None))
        self.people[name] = p
        self.holders[(post[0], post[1], slot)] = name
        return p

    def holder(self, unit: str, title: str, slot: int = 0) -> Person:
        return self.people[self.holders[(unit, title, slot)]]

    def slots(self, unit: str, title: str) -> list[int]:
        return sorted(s for (u, t, s) in self.holders if u == unit and t == title)

    def post_text(self, p: Person) -> tuple[str, list]:
        """How a list writes a person's posts, and the post facts it states."""
        L = self.level
        parts, facts = [], []
        for unit, title, _, note in p.posts:
            if unit == self.gov:
                parts.append(title)  # 副县长: the level's government
            else:
                shown = self.world.spell(unit, self.rng)
                parts.append(f"{shown}{title}" + (f"（{note}）" if note else ""))
            facts.append((unit, title, note))
        # "县委常委、常务副县长": party post first
        if len(parts) == 2 and p.posts[1][0] == self.party:
            parts = [f"{L}委常委", parts[0]]
        return "、".join(parts), facts

    def next_doc(self, series: str, year: int) -> tuple[str, str]:
        self.counters[(series, year)] += 1
        n = self.counters[(series, year)]
        org = self.base + series
        return f"{org}({year}){n}号", f"{org}〔{year}〕{n}号"


class World:
    def __init__(self, rng: random.Random):
        self.rng = rng
        self.names: set[str] = set()
        self.units: dict[str, set] = {}  # canonical -> aliases
        self.edge = False
        self.four = 0

    def new_name(self) -> str:
        rng = self.rng
        for _ in range(1000):
            r = rng.random()
            if self.edge and r < 0.03:
                n = rng.choice(COMPOUND) + rng.choice(GIVEN) + rng.choice(GIVEN)  # 4 characters
                self.four += 1
            elif r < 0.04:
                n = rng.choice(COMPOUND) + rng.choice(GIVEN)
            elif r < 0.35:
                n = rng.choice(SURNAMES) + rng.choice(GIVEN)
            else:
                n = rng.choice(SURNAMES) + rng.choice(GIVEN) + rng.choice(GIVEN)
            if n not in self.names and len(set(n)) == len(n):
                self.names.add(n)
                return n
        raise RuntimeError("name pool exhausted")

    def add_unit(self, name: str) -> None:
        aliases = self.units.setdefault(name, {name})
        for canon, alt in AND_FORMS.items():
            if canon in name:
                aliases.add(name.replace(canon, alt))
        if name.endswith("政府办公室"):
            lv = name[0]
            aliases.update({f"{lv}政府办", f"{lv}人民政府办公室"})
        if name.endswith("人民政府") and len(name) == 5:
            aliases.add(name[0] + "政府")

    def spell(self, unit: str, rng: random.Random) -> str:
        """A unit as a notice writes it: the name, or one of its aliases."""
        al = self.units.get(unit)
        if not al or len(al) == 1 or rng.random() < 0.6:
            return unit
        return rng.choice(sorted(al))


# ----------------------------------------------------------------------------- notices

@dataclass
class Notice:
    series: str
    issuer_short: str  # 区人民政府办公室 (title) / full issuer below
    issuer: str  # 江州市清河区人民政府办公室
    title: str
    addressees: str
    body: list  # list of paragraphs (lines)
    facts: list  # gold facts without doc
    genre: str
    sign_at: int | None = None  # insert the signature before body[sign_at] (else at the end)
    docraw: str = ""
    doc: str = ""
    date: date | None = None


def _post_unit(unit: str, title: str) -> str:
    """A town's or township's head is in its government (某镇镇长: 某镇人民政府), as docs/extraction.md's gold has it."""
    return unit + "人民政府" if unit.endswith(("镇", "乡")) and title.endswith(("镇长", "乡长")) else unit


class Generator:
    def __init__(self, n: int, seed: int, edge: bool = False):
        self.n = n
        self.rng = random.Random(seed)
        self.world = World(self.rng)
        self.world.edge = edge
        self.edge = edge
        nd = max(2, min(400, n // 250))
        bases = [a + b for a in PLACE1 for b in PLACE2 if a != b]
        self.rng.shuffle(bases)
        self.districts = []
        for i in range(nd):
            level = "区" if i % 2 == 0 else "县"
            start = date(2016, 1, 4) + timedelta(days=self.rng.randint(0, 60))
            self.districts.append(District(self.rng, self.world, bases[i], level, self.rng.choice(CITY), start))
        self.genres = [("group_list", 22), ("group_prose", 6), ("tasks_paren", 18), ("tasks_table", 14),
                       ("duties", 10), ("audit", 10), ("appoint", 20)]
        self.stats: Counter = Counter()

    # -- helpers
    def _deadline(self, d: date, style: str):
        """(text, iso due) for a deadline after the notice date."""
        rng = self.rng
        y, m = d.year, d.month
        if m >= 11 or style == "year":
            return "年底前完成", f"{y}-12-31"
        mo = rng.randint(m + 1, 12)
        if style == "day":
            day = rng.choice([10, 15, 20, 30]) if mo != 2 else 20
            day = min(day, calendar.monthrange(y, mo)[1])
            return f"{mo}月{day}日前完成", f"{y}-{mo:02d}-{day:02d}"
        if style == "full":
            return f"{y}年{mo}月底前完成", _last_day(y, mo).isoformat()
        return f"{mo}月底前完成", _last_day(y, mo).isoformat()

    def _task_text(self) -> str:
        rng = self.rng
        return rng.choice(VERBS) + rng.choice(OBJECTS) + rng.choice(OUTCOMES)

    def _units(self, D: District, k: int, exclude=()) -> list[str]:
        pool = [u for u in D.depts + D.streets if u not in exclude]
        return self.rng.sample(pool, k)

    def _filler(self, k: int) -> list[str]:
        return self.rng.sample(FILLER, k)

    def _plain(self, D: District, title: str, body, facts, genre, issuer_kind="office", sign_at=None, series="政办"):
        L = D.level
        if issuer_kind == "office":
            short, full = f"{L}人民政府办公室", f"{D.full}人民政府办公室"
        elif issuer_kind == "gov":
            short, full = f"{L}人民政府", f"{D.full}人民政府"
        else:  # the audit bureau signs with its city too, so the notice is placed like the others
            short, full = f"{L}审计局", f"{D.full}审计局"
        addressees = "各街办事处，区人民政府各部门、各直属机构：" if L == "区" else "各乡镇人民政府，县政府各部门："
        return Notice(series, short, full, short + title, addressees, body, facts, genre, sign_at)

    # -- genres
    def group_list(self, D: District, d: date) -> Notice:
        rng, L = self.rng, D.level
        kind = rng.choice(["领导小组", "领导小组", "委员会", "指挥部"])
        topic = rng.choice(TOPICS)
        if kind == "领导小组":
            g = f"{D.name}{topic}工作领导小组"
            roles = ("组长", "常务副组长", "副组长", "成员")
        elif kind == "委员会":
            g = f"{D.name}{topic}工作委员会"
            roles = ("主任", "常务副主任", "副主任", "委员")
        else:
            g = f"{D.name}{topic}工作指挥部"
            roles = ("指挥长", "常务副指挥长", "副指挥长", "成员")
        short = {"领导小组": "领导小组", "委员会": "委员会", "指挥部": "指挥部"}[kind]
        facts = [("group", g, None)]
        lines = [f"为加快推进{topic}工作，经{L}人民政府研究，决定成立{g}。现将组成人员名单通知如下："]
        tail = self._filler(rng.randint(0, 2))
        members = []  # (role, person)
        chief = D.holder(D.gov, f"{L}长") if rng.random() < 0.5 else D.holder(D.gov, f"常务副{L}长")
        members.append((roles[0], chief))
        if chief.posts[0][1] == f"{L}长" and rng.random() < 0.6:
            members.append((roles[1], D.holder(D.gov, f"常务副{L}长")))
        for s in rng.sample(D.slots(D.gov, f"副{L}长"), rng.randint(1, 2)):
            members.append((roles[2], D.holder(D.gov, f"副{L}长", s)))
        if rng.random() < 0.5:
            members.append((roles[2], D.holder(D.gov_office, "主任")))
        units = rng.sample(D.depts + D.streets, rng.randint(4, 14))
        mem_people = []
        for u in units:
            head, dep = D.units[u]
            if rng.random() < 0.8:
                p = D.holder(u, head)
            else:
                p = D.holder(u, dep, rng.choice(D.slots(u, dep)))
            mem_people.append((u, p))
            members.append((roles[3], p))
        # one line per role marker; continuation lines indented
        prev_role = None
        for role, p in members:
            posts, pf = D.post_text(p)
            name = p.name if len(p.name) != 2 else f"{p.name[0]}  {p.name[1]}"
            if role != prev_role:
                label = role if len(role) != 2 else f"{role[0]}  {role[1]}"
                lines.append(f"{label}：{name}  {posts}")
            else:
                lines.append(f"        {name}  {posts}")
            prev_role = role
            facts.append(("membership", p.name, "person", role))
            for unit, title, note in pf:
                facts.append(("post_asof", p.name, unit, title, note))
        bare = self.edge and rng.random() < 0.15
        if bare:
            self.stats["edge:list runs into signature"] += 1
            tail = []
        else:
            u, p = rng.choice(mem_people)
            office_unit = u
            shown = self.world.spell(u, rng)
            if rng.random() < 0.5:
                lines.append(f"{short}下设办公室，办公室设在{shown}，由{p.name}同志兼任办公室主任。")
            else:
                lines.append(f"{short}下设办公室，在{shown}办公，由{p.name}兼任办公室主任，负责{short}日常工作。")
            facts.append(("membership", p.name, "person", "办公室主任"))
            facts[0] = ("group", g, u)
        lines += tail
        # optional duty section (二、职责分工 1、区发改委负责…)
        if rng.random() < 0.4 and not bare:
            lines.insert(1, "一、组成人员")
            lines.append("二、职责分工")
            for i, (u, _) in enumerate(rng.sample(mem_people, min(len(mem_people), rng.randint(2, 5))), 1):
                text = self._task_text()
                due = None
                if rng.random() < 0.3 and d.month < 11:
                    dt, due = self._deadline(d, rng.choice(["month", "day"]))
                    text += "，" + dt
                shown = self.world.spell(u, rng)
                lines.append(f"{i}、{shown}负责{text}。")
                facts.append(("task", [], [u], due, text))
        return self._plain(D, f"关于成立{g}的通知", lines, facts, "group_list")

    def group_prose(self, D: District, d: date) -> Notice:
        rng, L = self.rng, D.level
        topic = rng.choice(TOPICS)
        g = f"{D.name}{topic}工作领导小组"
        chief = D.holder(D.gov, f"副{L}长", rng.choice(D.slots(D.gov, f"副{L}长")))
        units = rng.sample(D.depts + D.streets, rng.randint(3, 10))
        shown = [self.world.spell(u, rng) for u in units]
        if rng.random() < 0.3:
            shown.append(D.collectives[0])
            units.append(D.collectives[0])
        facts = [("group", g, None), ("membership", chief.name, "person", "组长"),
                 ("post_asof", chief.name, D.gov, f"副{L}长", None)]
        for u in units:
            facts.append(("membership", u, "unit", "成员"))
        lines = self._filler(1) + [
            f"经{L}人民政府研究，决定成立{g}，由分管副{L}长{chief.name}任组长，"
            f"{'、'.join(shown)}主要负责人为成员。"] + self._filler(1)
        return self._plain(D, f"关于成立{g}的通知", lines, facts, "group_prose")

    def _cover_letter(self, D: District, plan: str) -> str:
        if self.edge and self.rng.random() < 0.3:
            self.stats["edge:现将《》印发 (flat)"] += 1
            return f"现将《{plan}》印发给你们，请认真贯彻落实。"
        return f"《{plan}》已经{D.level}人民政府研究同意，现印发给你们，请认真组织实施。"

    def _covering(self, D: District, facts) -> str | None:
        rng = self.rng
        u = f"{D.level}督查室" if rng.random() < 0.5 else f"{D.level}考评办"
        if u not in D.units:
            u = f"{D.level}督查室"
        facts.append(("task", [], [u], None, "将各项任务纳入年度督查范围"))
        return f"{u}要将各项任务纳入年度督查范围，定期通报进展情况。"

    def _opening(self, D: District, plan: str, p_covering: float) -> tuple[list, list, int]:
        """Facts, lines and signature position of a notice issuing ``plan``: the cover
        letter, with probability ``p_covering`` a covering duty after it."""
        facts: list = []
        lines = [self._cover_letter(D, plan)]
        if self.rng.random() < p_covering:
            lines.append(self._covering(D, facts))
        return facts, lines, len(lines)

    def tasks_paren(self, D: District, d: date) -> Notice:
        rng, L = self.rng, D.level
        y = d.year
        topic = rng.choice(TOPICS)
        plan = f"{y}年{topic}重点任务分工方案"
        facts, lines, sign_at = self._opening(D, plan, 0.5)
        lines.append(plan)
        lines += self._filler(rng.randint(1, 3))
        n_sec = rng.randint(2, 4)
        k = 0
        for s in range(n_sec):
            lines.append(f"{'一二三四五六'[s]}、{rng.choice(VERBS)}{rng.choice(OBJECTS)}")
            for _ in range(rng.randint(2, 5)):
                k += 1
                text = self._task_text()
                due = None
                if rng.random() < 0.5:
                    dt, due = self._deadline(d, rng.choice(["month", "day", "full", "year"]))
                    text += "，" + dt
                    if self.edge and rng.random() < 0.15:
                        text += "，每季度通报工作进展"
                        self.stats["edge:deadline + 每季度"] += 1
                lead = self._units(D, 1) if rng.random() < 0.7 else []
                resp = self._units(D, rng.randint(1, 3), exclude=lead)
                if rng.random() < 0.15:
                    resp.append(D.collectives[0])
                parts = []
                if lead:
                    parts.append(f"牵头单位：{self.world.spell(lead[0], rng)}")
                    label = "配合单位" if rng.random() < 0.5 else "责任单位"
                else:
                    label = "责任单位"
                parts.append(f"{label}：{'、'.join(self.world.spell(u, rng) for u in resp)}")
                lines.append(f"{k}.{text}。（{'；'.join(parts)}）")
                facts.append(("task", lead, resp, due, text))
        if rng.random() < 0.5:
            lines.append(f"{'一二三四五六七'[n_sec]}、职责分工")
            self._duty_items(D, d, lines, facts)
        return self._plain(D, f"关于印发{plan}的通知", lines, facts, "tasks_paren", sign_at=sign_at)

    def _duty_items(self, D: District, d: date, lines, facts):
        rng = self.rng
        for i in range(rng.randint(2, 5)):
            units = self._units(D, 1 if rng.random() < 0.7 else 2)
            text = self._task_text()
            due = None
            if rng.random() < 0.3:
                dt, due = self._deadline(d, rng.choice(["month", "day"]))
                if dt.startswith("年底") and not self.edge:
                    dt, due = "", None
                else:
                    text += "，" + dt
                    if dt.startswith("年底"):
                        self.stats["edge:duty 年底前"] += 1
            if rng.random() < 0.1:
                units = [D.collectives[0]]
            shown = "、".join(self.world.spell(u, rng) for u in units)
            lines.append(f"（{'一二三四五六七八九'[i]}）{shown}：负责{text}。")
            facts.append(("task", [], units, due, text))

    def duties(self, D: District, d: date) -> Notice:
        rng, L = self.rng, D.level
        topic = rng.choice(TOPICS)
        plan = f"{topic}工作实施方案"
        facts, lines, sign_at = self._opening(D, plan, 0.4)
        lines += [plan, "一、总体要求"] + self._filler(rng.randint(2, 4)) + ["二、职责分工"]
        self._duty_items(D, d, lines, facts)
        lines += ["三、保障措施"] + self._filler(1)
        return self._plain(D, f"关于印发{plan}的通知", lines, facts, "duties", sign_at=sign_at)

    def tasks_table(self, D: District, d: date) -> Notice:
        rng, L = self.rng, D.level
        topic = rng.choice(TOPICS)
        plan = f"{D.name}{topic}工作方案"
        facts: list = []
        lines = [f"《{plan}》已经{L}人民政府研究同意。现印发给你们，请认真组织实施。"]
        sign_at = len(lines)
        lines += [plan, "一、指导思想"] + self._filler(rng.randint(1, 3)) + ["二、工作目标"] + self._filler(rng.randint(1, 3))
        with_lead = rng.random() < 0.4
        cols = "序号 工作任务 牵头单位 责任单位 完成时限" if with_lead else "序号 任务目标 责任单位 完成时限"
        lines.append(f"附件：{topic}工作责任分解表")
        rows = [cols]
        for i in range(1, rng.randint(3, 12) + 1):
            text = self._task_text() + "。"
            y, m = d.year, d.month
            style = rng.choice(["end", "endq", "day", "year"])
            if m >= 11 or style == "year":
                due_tok, due = "年底前", f"{y}-12-31"
            else:
                mo = rng.randint(m + 1, 12)
                if style == "end":
                    due_tok, due = f"{mo}月底", _last_day(y, mo).isoformat()
                elif style == "endq":
                    due_tok, due = f"{mo}月底前", _last_day(y, mo).isoformat()
                else:
                    due_tok, due = f"{mo}月30日前" if mo != 2 else "2月20日前", \
                        f"{y}-{mo:02d}-{30 if mo != 2 else 20:02d}"
            if with_lead:
                units = self._units(D, rng.randint(2, 4))
                lead, resp = units[:1], units[1:]
            else:
                lead, resp = [], self._units(D, rng.randint(1, 3))
            shown = " ".join(self.world.spell(u, rng) for u in lead + resp)
            rows.append(f"{i} {text} {shown} {due_tok}")
            facts.append(("task", lead, resp, due, text))
        lines.append(" ".join(rows))
        return self._plain(D, f"关于印发{plan}的通知", lines, facts, "tasks_table", sign_at=sign_at)

    def audit(self, D: District, d: date) -> Notice:
        rng, L = self.rng, D.level
        facts: list = []
        lines = [f"根据{L}委组织部委托，对以下领导干部进行任期经济责任审计："]
        cands = [(D.people[name], True) for name in dict.fromkeys(D.leavers[-8:])]
        current = [D.holder(u, D.units[u][0]) for u in rng.sample(D.depts + D.streets, 6)]
        cands += [(p, False) for p in current if p.posts and p.posts[0][2] <= _month(d - timedelta(days=200))]
        rng.shuffle(cands)
        seen = set()
        k = 0
        want = rng.randint(3, 8)
        for p, former in cands:
            if p.name in seen or k >= want:
                continue
            seen.add(p.name)
            if former:
                D.leavers.remove(p.name)
            k += 1
            if former:
                unit, title, start, end = p.history[-1]
                now = [x for x in p.posts if x[0] != D.gov and x[0] != D.party]
                if now and rng.random() < 0.5:  # 原A局长、B局长X: both posts, one term
                    u2, t2 = now[0][0], now[0][1]
                    end = _month(d)
                    posts = f"原{self.world.spell(unit, rng)}{title}、{self.world.spell(u2, rng)}{t2}"
                    facts.append(("post_term", p.name, unit, title, start, end, True))
                    facts.append(("post_term", p.name, u2, t2, start, end, False))
                else:
                    posts = f"原{self.world.spell(unit, rng)}{title}"
                    facts.append(("post_term", p.name, unit, title, start, end, True))
            else:
                unit, title, start, _ = p.posts[0]
                end = _month(d - timedelta(days=rng.randint(20, 80)))
                posts = f"{self.world.spell(unit, rng)}{title}"
                if rng.random() < 0.2:
                    end = None
                facts.append(("post_term", p.name, unit, title, start, end, False))
            sy, sm = int(start[:4]), int(start[5:])
            if end is None:
                term = f"（{sy}年{sm}月至今）"
            elif rng.random() < 0.6:
                term = f"（{sy}.{sm}-{int(end[:4])}.{int(end[5:])}）"
            else:
                term = f"（{sy}年{sm}月至{int(end[:4])}年{int(end[5:])}月）"
            lines.append(f"{k}.{posts}{p.name}任期经济责任审计{term}")
        lines.append("请被审计单位做好相关准备工作，按时提供审计所需资料。")
        return self._plain(D, f"关于{d.year}年度经济责任审计项目计划的通知", lines, facts, "audit",
                           issuer_kind="audit", series="审发")

    def appoint(self, D: District, d: date) -> Notice:
        rng, L = self.rng, D.level
        month = _month(d)
        facts: list = []
        if self.edge and rng.random() < 0.5:
            lines = [f"经{L}人民政府研究决定："]
            self.stats["edge:研究决定: + list"] += 1
        else:
            lines = [f"经{L}人民政府研究，决定作如下任免。"]
        changes = rng.sample(D.depts + D.streets, rng.randint(1, 3))
        first = None
        for u in changes:
            head, dep = D.units[u]
            title = head if rng.random() < 0.6 else dep
            slot = rng.choice(D.slots(u, title))
            old = D.holder(u, title, slot)
            # the successor: a deputy elsewhere (promotion) or someone new
            new = None
            if title == head and rng.random() < 0.5:
                u2 = rng.choice([x for x in D.depts if x != u and x not in changes])
                dep2 = D.units[u2][1]
                s2 = rng.choice(D.slots(u2, dep2))
                cand = D.holder(u2, dep2, s2)
                if cand.name != old.name and len(cand.posts) == 1:
                    new = cand
                    # the deputy's old post is vacated and filled by someone new
                    cand.history.append((u2, dep2, cand.posts[0][2], month))
                    cand.posts = []
                    fresh = Person(self.world.new_name(), [(u2, dep2, month, None)])
                    D.people[fresh.name] = fresh
                    D.holders[(u2, dep2, s2)] = fresh.name
                    lines.append(f"任命{fresh.name}为{self.world.spell(u2, rng)}{dep2}；")
                    facts.append(("post_asof", fresh.name, u2, dep2, None))  # an appointment: as_of (facts format)
                    lines.append(f"免去{cand.name}的{self.world.spell(u2, rng)}{dep2}职务；")
                    facts.append(("post_term", cand.name, u2, dep2, None, month, True))
                    D.leavers.append(cand.name)
            if new is None:
                new = Person(self.world.new_name(), [])
                D.people[new.name] = new
            new.posts = [(u, title, month, None)]
            D.holders[(u, title, slot)] = new.name
            shown = self.world.spell(u, rng)
            if rng.random() < 0.7 or (len(new.name) == 2 and not self.edge):
                lines.append(f"任命{new.name}为{shown}{title}；")
            else:
                if len(new.name) == 2:
                    self.stats["edge:2-character name + 同志任"] += 1
                lines.append(f"{new.name}同志任{shown}{title}；")
            facts.append(("post_asof", new.name, u, title, None))
            old.history.append((u, title, old.posts[0][2], month))
            old.posts = []
            D.leavers.append(old.name)
            lines.append(f"免去{old.name}的{self.world.spell(u, rng)}{title}职务；")
            facts.append(("post_term", old.name, u, title, None, month, True))
            first = first or new
        lines[-1] = lines[-1].rstrip("；") + "。"
        return self._plain(D, f"关于{first.name}等同志职务任免的通知", lines, facts, "appoint",
                           issuer_kind="gov", series="政任")

    # -- driver
    def notices(self):
        rng = self.rng
        names, weights = zip(*self.genres)
        for i in range(self.n):
            D = self.districts[i % len(self.districts)] if i < len(self.districts) else rng.choice(self.districts)
            D.date += timedelta(days=rng.randint(1, 7))
            d = D.date
            genre = rng.choices(names, weights)[0]
            nt = getattr(self, genre)(D, d)
            nt.date = d
            nt.docraw, nt.doc = D.next_doc(nt.series, d.year)
            self.stats[genre] += 1
            yield nt, D

    # -- gold
    @staticmethod
    def gold(nt: Notice) -> list[dict]:
        """The facts ``nt`` states (a town's head holds a post in its government: 某镇镇长 -> 某镇人民政府)."""
        out = []
        doc, iso = nt.doc, nt.date.isoformat()
        refs = Counter()
        for f in nt.facts:
            k = f[0]
            if k == "group":
                g = {"kind": "group", "doc": doc, "group": f[1]}
                if f[2]:
                    g["office_unit"] = f[2]
                out.append(g)
            elif k == "membership":
                group = next(x[1] for x in nt.facts if x[0] == "group")
                out.append({"kind": "membership", "doc": doc, "group": group, "member": f[1],
                            "member_type": f[2], "role": f[3]})
            elif k == "post_asof":
                p = {"kind": "post", "doc": doc, "person": f[1], "unit": _post_unit(f[2], f[3]), "title": f[3], "as_of": iso}
                if f[4]:
                    p["note"] = f[4]
                out.append(p)
            elif k == "post_term":
                p = {"kind": "post", "doc": doc, "person": f[1], "unit": _post_unit(f[2], f[3]), "title": f[3]}
                if f[4]:
                    p["start"] = f[4]
                if f[5]:
                    p["end"] = f[5]
                if f[6]:
                    p["former"] = True
                out.append(p)
            elif k == "task":
                refs["t"] += 1
                out.append({"kind": "task", "doc": doc, "ref": str(refs["t"]), "text": f[4],
                            "lead": list(f[1]), "responsible": list(f[2]), "due": f[3]})
        return out


# ----------------------------------------------------------------------------- writing

def render(nt: Notice, flat: bool) -> str:
    sig = [nt.issuer, _cn_date(nt.date)]
    body = list(nt.body)
    at = len(body) if nt.sign_at is None else nt.sign_at
    body = body[:at] + sig + body[at:]
    if flat:
        # the dump of data/000_*.txt: one line, half-width punctuation as the web export has it
        text = " ".join([nt.addressees] + [b.strip() for b in body])
        text = text.translate(_HALF)
        return f"{nt.docraw}—{nt.issuer_short}{nt.title[len(nt.issuer_short):]} {nt.date.isoformat()} {text} "
    doc = nt.doc
    head = [doc, "", nt.issuer, nt.title[len(nt.issuer_short):], "", nt.addressees]
    return "\n".join(head + body) + "\n"


_HALF = str.maketrans({"，": ",", "：": ":", "；": ";", "（": "(", "）": ")"})


def _safe(doc: str) -> str:
    return doc.replace("〔", "_").replace("〕", "_")


def generate(n: int, outdir: Path, seed: int = 1, files: str = "1", edge: bool = False) -> dict:
    t0 = time.perf_counter()
    outdir = Path(outdir)
    corpus, gold_dir = outdir / "corpus", outdir / "gold"
    for d in (corpus, gold_dir):
        d.mkdir(parents=True, exist_ok=True)
        for old in d.rglob("*"):
            if old.is_file():
                old.unlink()
    gen = Generator(n, seed, edge)
    per_notice = files == "per-notice"
    shards = 1 if per_notice else int(files)
    gold_fh = {k: open(gold_dir / f"{k}.jsonl", "w", encoding="utf-8") for k in ("posts", "memberships", "tasks")}
    which = {"post": "posts", "membership": "memberships", "group": "memberships", "task": "tasks"}
    out = None
    cur_shard = -1
    nbytes = 0
    counts: Counter = Counter()
    busiest = QueryParams()
    files_written = 0
    for i, (nt, D) in enumerate(gen.notices()):
        if per_notice:
            sub = corpus / f"{i // 1000:03d}"
            if i % 1000 == 0:
                sub.mkdir(exist_ok=True)
            data = render(nt, flat=False).encode("utf-8")
            (sub / f"{_safe(nt.doc)}.txt").write_bytes(data)
            files_written += 1
        else:
            s = i * shards // n
            if s != cur_shard:
                if out:
                    out.close()
                cur_shard = s
                if shards == 1:
                    name = "notices.txt"
                else:
                    h = hashlib.sha1(f"{seed}/{n}/{s}".encode()).hexdigest()[:16]
                    name = f"{s:03d}_{h}.txt"
                out = open(corpus / name, "wb")
                files_written += 1
            data = render(nt, flat=True).encode("utf-8")
            out.write(data)
        nbytes += len(data)
        for f in gen.gold(nt):
            gold_fh[which[f["kind"]]].write(json.dumps(f, ensure_ascii=False) + "\n")
            counts[f["kind"]] += 1
            busiest.add(D, f)
    if out:
        out.close()
    for fh in gold_fh.values():
        fh.close()
    with open(gold_dir / "units.jsonl", "w", encoding="utf-8") as fh:
        for name in sorted(gen.world.units):
            fh.write(json.dumps({"kind": "unit", "name": name, "aliases": sorted(gen.world.units[name]),
                                 "parent": None, "unit_type": _unit_type(name)}, ensure_ascii=False) + "\n")
    manifest = {
        "notices": n, "seed": seed, "files": files, "edge_cases": edge, "file_count": files_written,
        "bytes": nbytes, "districts": len(gen.districts), "genres": dict(gen.stats), "gold_facts": dict(counts),
        "units": len(gen.world.units), "persons": len(gen.world.names), "four_char_names": gen.world.four,
        "query_params": busiest.params(),
        "seconds": round(time.perf_counter() - t0, 2),
    }
    (outdir / "manifest.json").write_text(json.dumps(manifest, ensure_ascii=False, indent=1), encoding="utf-8")
    return manifest


class QueryParams:
    """Query parameters that exist in a corpus, all in one place (a district's units are named
    alike in every district: 区水务局): the busiest person, the unit of that place with the most
    tasks and a 局长, the group with the most memberships, the month with most tasks due.
    ``add`` each gold fact with its district, then read ``params()``."""

    def __init__(self):
        self.person_facts: Counter = Counter()  # (place, person) -> facts
        self.unit_tasks: Counter = Counter()  # (place, unit) -> tasks
        self.unit_titles: dict = {}  # (place, unit) -> titles
        self.group_members: Counter = Counter()  # (place, group) -> memberships
        self.months: Counter = Counter()

    def add(self, D, f: dict) -> None:
        if f["kind"] == "post":
            self.person_facts[(D.full, f["person"])] += 1
            self.unit_titles.setdefault((D.full, f["unit"]), Counter())[f["title"]] += 1
        elif f["kind"] == "membership":
            self.group_members[(D.full, f["group"])] += 1
            if f["member_type"] == "person":
                self.person_facts[(D.full, f["member"])] += 1
        elif f["kind"] == "task":
            for u in f["lead"] + f["responsible"]:
                self.unit_tasks[(D.full, u)] += 1
            if f["due"]:
                self.months[f["due"][:7]] += 1

    def params(self) -> dict:
        place, person = self.person_facts.most_common(1)[0][0] if self.person_facts else (None, None)
        unit = next((u for (pl, u), _ in self.unit_tasks.most_common()
                     if pl == place and "局长" in self.unit_titles.get((pl, u), {})), None)
        group = next((g for (pl, g), _ in self.group_members.most_common() if pl == place), None)
        return {"place": place, "person": person, "unit": unit, "title": "局长", "group": group,
                "month": self.months.most_common(1)[0][0] if self.months else None}


def _unit_type(n: str) -> str:
    if n.startswith("各"):
        return "collective"
    if n.endswith("人民政府"):
        return "government"
    if n.endswith(("街办事处", "镇", "乡")):
        return "street_office"
    if n.endswith("中心"):
        return "agency"
    if n.endswith(("局", "委", "办", "办公室", "室", "部")) and n[1:] != "委":
        return "department"
    return "other"


def main(argv=None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    ap.add_argument("n", type=int, help="number of notices")
    ap.add_argument("outdir", type=Path)
    ap.add_argument("--seed", type=int, default=1)
    ap.add_argument("--files", default="1", help="1 (one dump), K (K dump shards) or per-notice")
    ap.add_argument("--edge-cases", action="store_true", help="mix in constructs the extractor may miss")
    a = ap.parse_args(argv)
    if a.files != "per-notice" and not (a.files.isdigit() and int(a.files) >= 1):
        ap.error("--files must be a positive integer or per-notice")
    m = generate(a.n, a.outdir, a.seed, a.files, a.edge_cases)
    print(json.dumps(m, ensure_ascii=False), file=sys.stderr)
    return 0


if __name__ == "__main__":
    sys.exit(main())
