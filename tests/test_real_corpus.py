"""Extraction on real notices from many issuers and levels (data/real), against gold written by reading.

The floors only ever rise on the same notices: each is set a little under the score reached, per
kind, on the whole corpus and on its held-out part (notices never read while writing rules); a new
held-out set resets them from its first score (see below).
"""

from __future__ import annotations

from pathlib import Path

import pytest

from govgraph.evaluate import evaluate_corpus
from govgraph.facts import validate_fact

REAL = Path(__file__).resolve().parent.parent / "data" / "real"

# Round 3 (ext-34..45 added, scored held-out once, then read and rotated into dev; 124 notices):
# all post 0.936, person-title 0.957, term 0.872, membership 0.969, task 0.959, due 0.992;
# held-out (ext-01..33) post 0.765, person-title 0.830, membership 0.866, task 0.873, due 0.909.
# Round 4 (ext-01..33 rotated into dev and read; 124 notices, all dev): all post 0.975,
# person-title 0.985, term 0.928, membership 0.996, task 0.964, due 0.992.
# Round 4, then ext-46..57 added held-out (new places, never read while writing rules; 136
# notices): all post 0.960, person-title 0.972, term 0.868, membership 0.983, task 0.951, due 0.992;
# held-out (ext-46..57) post 0.830, person-title 0.862, term 0.222, membership 0.859, task 0.269 (no
# dated deadline in their gold: due skips). A new held-out set is a new measurement: the held-out
# floors are reset from its first score, and the "all" floors from the corpus with it (harder
# notices added, not a loss of the extractor's: the 124 notices before it score as above).
# Round 5 (ext-46..57 rotated into dev and read; rules written for their layouts; gold of ext-50 and
# ext-51 corrected where it went against docs/extraction.md; 136 notices, none held out): all post
# 0.976, person-title 0.984, term 0.887, membership 0.997, task 0.963, due 0.992 (ext-46..57 alone: post
# 0.948, person-title 0.948, term 0.444, membership 1.000, task 0.917). The "all" floors rise to these,
# rounded down; the held-out floors are round 4's and skip while no notice is held out: the next held-out
# set resets them from its first score.
# Round 6 (ext-58..69 rotated into dev and read; rules for their layouts; gold of ext-59, ext-64 and loc-20
# corrected; 148 notices, none held out): all post 0.976, person-title 0.983, term 0.817, membership 0.997,
# task 0.962, due 0.983 (ext-58..69 alone: post 0.971, person-title 0.971, term 0 (0 of 9), membership 1.000,
# task 0.867, due 0.667). Term and due stay under round 5's floors (0.88, 0.99) for want of a year: ext-58..60's
# nine terms end in a month whose year only the source's address gives (the texts write '11月9日至10日',
# '10月10日', '26日' and no year), as do ext-63's four deadlines ('今晚20:00前', '7月24日' without a year); the
# extractor dates nothing from outside the text, so those floors are set from this figure, rounded down
# (the 136 notices before them still score term 0.887, due 0.992).
# Round 6's new held-out set, ext-70..81 (new places; 160 notices), scored by the extractor after ext11's
# rules (which no more moved them than round 5's moved ext-58..69: the same figures as main's before them):
# held-out post 0.755, person-title 0.774, term 0 (0 of 14: none predicted), membership 0.787, task 0.717,
# due 0.769; all post 0.956, person-title 0.965, term 0.729, membership 0.988, task 0.957, due 0.972. The
# floors are reset from these (a new set of places is a new measurement); the held-out term has no floor
# while it scores 0.
# Round 7 (ext-70..81 rotated into dev and read; rules for their layouts; gold of ext-71, ext-81 and ext-35
# corrected): on the 160 notices then, all post 0.976, person-title 0.983, term 0.729, membership 0.995, task
# 0.963, due 0.982 (ext-70..81 alone: post 0.982, person-title 0.982, term 0 (0 of 14: the years are only in the
# sources' addresses), membership 0.958, task 1.000, due 0.968; the 148 notices before them unchanged).
# Round 7's new held-out set, ext-82..93 (new places: 贵州省, 黑河, 长宁区, 通州区, 湾里区, 海陵区, 梅州, 云浮,
# 通山县, 禄劝县, 阳新县, 澧南镇; 172 notices), written on another branch and scored first by main's extractor
# (f8f1fcf), then by the extractor with round 7's rules: the same figures (the rules moved none of them). Held-out
# (ext-82..93 alone) P / R / F1: post 0.976 / 0.788 / 0.872, person-title 0.976 / 0.804 / 0.882, term 1.000 /
# 0.333 / 0.500 (1 of 3), membership 0 / 0 / 0 (0 of 17: none predicted), task 0.700 / 0.583 / 0.636, due 1.000 /
# 1.000 / 1.000 (2 of 2); all 172: post 0.972, person-title 0.979, term 0.722, membership 0.984, task 0.960, due
# 0.982. The floors are set a little under these (a new set of places is a new measurement); the held-out
# membership has no floor while it scores 0.
# Round 8 (ext-82..93 rotated into dev and read; rules for their layouts; no gold corrected): on the 172 notices
# then, all post 0.976, person-title 0.984, term 0.722, membership 0.995, task 0.963, due 0.982 (ext-82..93 alone:
# post 0.981, person-title 1.000, term 0.500 (1 of 3: the other two years only in the sources' addresses),
# membership 1.000, task 0.957, due 1.000; the 160 notices before them unchanged per notice).
# Round 8's new held-out set, ext-94..105 (new places: 青海省, 兴宁市, 永丰县, 息县, 龙阳镇, 米脂县, 宝丰县, 道县, 岚皋县,
# 紫阳县, 奉节县, 安庆市; 184 notices), chosen and its gold written on another branch before any extractor run, scored
# first by main's extractor (0cad24c): post 0.721 / 0.554 / 0.626, person-title 0.930 / 0.714 / 0.808, membership
# 0.900 / 0.514 / 0.655, task 0.400 / 0.308 / 0.348, due 0 / 0 / 0 (0 of 5; one predicted), no term in their gold;
# then with round 8's rules (P / R / F1): post 0.721 / 0.554 / 0.626, person-title 0.930 / 0.714 / 0.808, membership
# 0.905 / 0.543 / 0.679, task 0.444 / 0.308 / 0.364, due 0 / 0 / 0; all 184: post 0.962, person-title 0.976, term
# 0.722, membership 0.984, task 0.958, due 0.971. The floors are set a little under these; no held-out due floor
# while it scores 0, no held-out term floor (no term in their gold).
# Round 9 (ext-94..105 rotated into dev and read; rules for their layouts; no gold corrected): on the 184 notices
# then, all post 0.977, person-title 0.983, term 0.722, membership 0.995, task 0.962, due 0.977 (ext-94..105 alone
# P / R / F1: post 0.982 / 0.964 / 0.973, person-title 0.982 / 0.964 / 0.973, membership 1.000 / 1.000 / 1.000, task
# 0.917 / 0.846 / 0.880, due 1.000 / 0.400 / 0.571; the 172 notices before them unchanged per notice, save ext-93's
# 副镇长, now its town's government).
# Round 9's new held-out set, ext-106..117 (new places and issuers: 国务院办公厅, 山东省, 武汉市, 锦州市, 张家川县, 嘉禾县,
# 惠安县, 太白县, 巫山县, 永嘉县, 吕城镇, 官亭镇; 196 notices), chosen and its gold written on another branch before any
# extractor run, scored first by main's extractor (4369b2c) and then with round 9's rules: the same figures both times
# (the rules moved none of them), P / R / F1: post 0.863 / 0.558 / 0.677, person-title 0.932 / 0.602 / 0.731, term 0 / 0 /
# 0 (0 of 6: their year is only in the source's address), membership 1.000 / 0.397 / 0.568, task 0.739 / 0.654 / 0.694,
# due 1.000 / 0.400 / 0.571 (2 of 5); all 196: post 0.955, person-title 0.965, term 0.691, membership 0.974, task 0.958,
# due 0.972. The floors are set a little under these; no held-out term floor while it scores 0.
# Round 10 (ext-106..117 rotated into dev and read; held-out score at the rotation, main at c91c526, the figures above):
# with round 10's rules, all 196 P / R / F1: post 0.991 / 0.955 / 0.972, person-title 0.997 / 0.960 / 0.978, term
# 1.000 / 0.527 / 0.691, membership 0.997 / 0.974 / 0.985, task 0.965 / 0.951 / 0.958, due 1.000 / 0.945 / 0.972
# (ext-106..117 alone: post 0.980 / 0.867 / 0.920, person-title 0.980 / 0.867 / 0.920, term 0 (0 of 6), membership
# 1.000 / 0.714 / 0.833, task 0.739 / 0.654 / 0.694, due 1.000 / 0.400 / 0.571; the 184 notices before them unchanged
# per notice).
# Round 10's new held-out set, ext-118..129 (new places and issuers: 咸宁市, 秀山县, 临朐县, 舒兰市, 林口县, 宁波市, 绛县,
# 二连浩特市, 长沙理工大学, 潮阳区, 合肥市, 海口市; 208 notices; three of them without a fact, most cut), chosen and its gold
# written on another branch before any extractor run, scored first by main's extractor (c91c526) and then with round
# 10's rules: the same figures (the rules moved none of them), P / R / F1: post 0.882 / 0.405 / 0.556, person-title
# 0.882 / 0.405 / 0.556, membership 0 / 0 / 0 (0 of 15, none predicted), task 0.667 / 0.667 / 0.667 (no term and no
# dated deadline in their gold); all 208: post 0.964, person-title 0.969, term 0.691, membership 0.977, task 0.957, due
# 0.972. The floors are set a little under these; no held-out membership floor while it scores 0, no held-out term or
# due floor (none in their gold).
# Round 10 (conv16): one convention for a post in a unit's party body (`X党组副书记` -> unit `X党组`, title `副书记`,
# in member lists as in 任免; docs/extraction.md), 16 dev gold lines corrected (data/real/README.md): all 208 post
# 0.964 -> 0.965, person-title 0.969 -> 0.971, the other kinds unchanged. The post and person-title floors rise a little.
# Round 11 (ext-118..129 rotated into dev and read; held-out score at the rotation, main at 64ffc93, the figures above):
# with round 11's rules, all 208 P / R / F1: post 0.992 / 0.957 / 0.974, person-title 0.998 / 0.963 / 0.980, term
# 1.000 / 0.527 / 0.691, membership 0.997 / 0.974 / 0.985, task 0.965 / 0.950 / 0.957, due 1.000 / 0.945 / 0.972
# (ext-118..129 alone: post 0.973 / 0.973 / 0.973, person-title 1.000 / 1.000 / 1.000, membership 1.000 / 0.933 /
# 0.966, task 1.000 / 0.667 / 0.800; the 196 notices before them unchanged per notice). The "all" post, person-title
# and membership floors rise; the held-out floors skip until the next set lands.
# Round 11's new held-out set, ext-130..141 (new places and issuers: 萍乡市, 鄂尔多斯市, 莆田市, 内蒙古自治区, 湛江市, 烟台市,
# 固安县, 福州市, 佛冈县, 扎赉特旗, 醴陵市, 苍溪县; 220 notices; five formal notices, ten posts with a term, three dated
# deadlines), chosen and its gold written on another branch before any extractor run, scored once by main's extractor
# (64ffc93), P / R / F1: post 0.886 / 0.689 / 0.775, person-title 1.000 / 0.787 / 0.881, term 0.667 / 0.400 / 0.500,
# membership 1.000 / 0.931 / 0.964, task 0.750 / 0.231 / 0.353, due 0 / 0 / 0 (0 of 3, none predicted); the held-out part
# with ext-118..129 beside them: post 0.720, person-title 0.798, term 0.500, membership 0.761, task 0.435, due 0; all 220:
# post 0.954, person-title 0.966, term 0.671, membership 0.977, task 0.953, due 0.967. The floors are reset a little under
# these (a new set of places is a new measurement): the held-out ones under the lower of ext-130..141 alone and
# ext-118..141, so they hold whether or not ext-118..129 are rotated into dev; no held-out due floor while it scores 0.
# Round 11's new held-out set, second part, ext-142..153 (new places and issuers: 陇南市, a 云南 county, 青岛市教育局, 贵阳市,
# 宿州市 (its 人大常委会), 石台县, 甘谷县, 宜春市, 汕头市, 赵县, 城步县, 刚察县; 220 notices with ext-118..129 still held out here),
# chosen and its gold written on another branch before any extractor run, scored once by main's extractor (64ffc93), P / R / F1
# on ext-142..153 alone: post 0.936 / 0.785 / 0.854, person-title 1.000 / 0.839 / 0.912, term 1.000 / 0.400 / 0.571 (2 of 5),
# membership 1.000 / 0.982 / 0.991, task 1.000 / 0.375 / 0.545, due 1.000 / 0.400 / 0.571 (2 of 5); the held-out part as
# SPLIT.tsv stands on this branch (ext-118..129 and ext-142..153): post 0.782, person-title 0.827, term 0.571, membership 0.873,
# task 0.588, due 0.571; all 220: post 0.959, person-title 0.967, term 0.685, membership 0.978, task 0.955, due 0.967. The
# held-out floors are set from ext-142..153's first score, a little under the lower of it and the held-out part as it stands
# here (ext-118..129 are not rotated on this branch), so they hold either way; the lead recomputes them over both round 11
# sets (ext-130..141 beside these) at merge. The "all" floors are set a little under the 220 notices' score.
# Round 11 merged (ext16's rules, ext-130..141 and ext-142..153; 232 notices, ext-130..153 held out): held-out P / R / F1
# post 0.912 / 0.738 / 0.816, person-title 1.000 / 0.813 / 0.897, term 0.750 / 0.400 / 0.522, membership 1.000 / 0.965 /
# 0.982, task 0.857 / 0.286 / 0.429, due 1.000 / 0.250 / 0.400 — the same with main before ext16's rules (64ffc93): the
# rotation's rules moved the new places not at all; all 232: 0.956, 0.971, 0.667, 0.985, 0.952, 0.962.
# Round 11's new held-out set, third part, ext-154..165 (new places and issuers: 金华市, 泰安市, 谯城区 (its 教育局), 南陵县,
# 农业部办公厅, 淮南市, 忠县, 千岛湖镇, 麻章区 (its 人大常委会), 随州市, 高淳区 and 鹿城区 (their 人大常委会); 244 notices, ext-130..165
# held out), chosen and its gold written before any extractor run, scored once by main's extractor (81ee872), P / R / F1 on
# ext-154..165 alone: post 0.864 / 0.704 / 0.776, person-title 0.909 / 0.741 / 0.816, term 0.857 / 0.857 / 0.857 (6 of 7),
# membership 0 / 0 / 0 (0 of 3, none predicted), task 0.867 / 0.283 / 0.426, due 0 / 0 / 0 (0 of 3, none predicted); the
# held-out part ext-130..165: post 0.811, person-title 0.887, term 0.649, membership 0.965, task 0.427, due 0.308; all 244:
# post 0.953, person-title 0.968, term 0.682, membership 0.983, task 0.942, due 0.957 (round 11's floors would fail all/task,
# held-out/membership and held-out/due). The held-out floors are reset a little under the lower of ext-154..165 alone and
# ext-130..165 (no membership or due floor while the new set scores 0 on them); the "all" floors a little under the 244.
# Round 12 (rotation, branch rot19): ext-130..153, held out in round 11 (scored at 1d8abe2 before anyone opened them:
# the figures in data/real/SPLIT.tsv), rotated into dev and read; rules for their layouts; gold of ext-50 (one line) and
# rm-08 (seven lines) corrected where it kept a body's term in its name against docs/extraction.md. All 244 P / R / F1
# (ours): post 0.984 / 0.944 / 0.963, person-title 0.997 / 0.955 / 0.976, term 0.985 / 0.566 / 0.719, membership 0.997 /
# 0.971 / 0.984, task 0.965 / 0.930 / 0.947, due 1.000 / 0.944 / 0.971 (before, main at 1d8abe2: 0.955, 0.969, 0.682,
# 0.984, 0.942, 0.962); ext-130..153 alone: post 0.942 / 0.880 / 0.910, person-title 1.000 / 0.934 / 0.966, term 1.000 /
# 0.667 / 0.800, membership 1.000 / 0.976 / 0.988, task 1.000 / 0.952 / 0.976, due 1.000 / 0.875 / 0.933 (at the rotation:
# 0.826, 0.907, 0.522, 0.988, 0.429, 0.400); the other notices unchanged per notice, save loc-17 (one spurious task fewer).
# The "all" floors rise a little under these. The held-out floors are left for the lead: with ext-130..153 rotated the
# held-out part is ext-154..165 alone (post 0.776, person-title 0.816, term 0.857, membership 0 (of 3), task 0.426, due 0
# (of 3), unchanged by this round's rules), under four of them (post, person-title, membership, due).
# Round 12's new held-out sets, ext-166..177 and ext-178..189 (new places and issuers: 恩施州, 六安, 阜阳, 鄂州, 铜川,
# 沙坪坝区, 北京市, 松江区 (its 人大常委会), 水利部/环境保护部, 哈尔滨, 安康, 来苏镇; 惠州, 绍兴, 衢州, 台州, 桂林 (two
# issuers), 抚州, 扬州 (人大常委会), 日照, 方城县, 魏县, 大涌镇), chosen and their gold written on two branches before any
# extractor run, scored once by main's extractor (1d8abe2), P / R / F1 on ext-166..177 alone: post 1.000 / 0.833 / 0.909,
# person-title 1.000 / 0.854 / 0.921, term 1.000 / 0.429 / 0.600, membership 1.000 / 1.000 / 1.000, task 0.886 / 0.614 /
# 0.725, due 1.000 / 0.600 / 0.750; on ext-178..189 alone: post 1.000 / 0.821 / 0.902, person-title 1.000 / 0.821 / 0.902,
# term 1.000 / 0.667 / 0.800, membership 0.923 / 0.800 / 0.857, task 0.591 / 0.406 / 0.481, due 1.000 / 0.500 / 0.667.
# Merged with rot19's rules (268 notices; ext-154..189 held out), P / R / F1: held-out post 0.963 / 0.794 / 0.870,
# person-title 0.975 / 0.812 / 0.886, term 0.917 / 0.647 / 0.759, membership 0.966 / 0.824 / 0.889, task 0.822 / 0.492 /
# 0.615, due 1.000 / 0.429 / 0.600 — the same to the key as main before rot19's rules (the independent scorer on
# ext-154..189 with either extractor: post 0.847, the rest as ours): the rotation's rules moved the 36 unseen notices
# not at all, again; all 268: post 0.961, person-title 0.973, term 0.715, membership 0.982, task 0.928, due 0.964.
# The floors are set a little under these.
# Round 13 (rotation, branch rot20): ext-154..177, held out in rounds 11-12 (scored at 88e4f43 before anyone opened them:
# the figures in data/real/SPLIT.tsv), rotated into dev and read; rules for their layouts; gold of ext-162 (two lines)
# corrected where it wrote 检察委员会委员 against docs/extraction.md's body-named-after-its-parent's-post. All 268 P / R /
# F1 (ours): post 0.987 / 0.947 / 0.966, person-title 0.999 / 0.958 / 0.978, term 1.000 / 0.602 / 0.751, membership 0.996
# / 0.970 / 0.983, task 0.959 / 0.927 / 0.943, due 1.000 / 0.930 / 0.964 (before, main at 88e4f43: 0.961, 0.973, 0.715,
# 0.982, 0.928, 0.964); ext-154..177 alone: post 1.000 / 0.957 / 0.978, person-title 1.000 / 0.956 / 0.977, term 1.000 /
# 1.000 / 1.000, membership 1.000 / 0.895 / 0.944, task 0.944 / 0.810 / 0.872, due 1.000 / 0.375 / 0.545 (at the rotation:
# 0.857, 0.880, 0.750, 0.914, 0.647, 0.545); every other notice unchanged per notice, save ext-149 (+1 post). The "all"
# floors rise a little under these. The held-out floors are left for the lead: the held-out part is now ext-178..189
# alone (post 0.902, person-title 0.902, term 0.800, membership 0.857, task 0.481, due 0.667, the figures round 12
# recorded for it, unchanged by this round's rules), under two of them (membership 0.88, task 0.61).
# Round 13's new held-out sets, ext-190..201 and ext-202..213 (new places and issuers: 渝中区, 秦安县, 高行镇, 寿县, 甘州区
# (大满镇), 兰州市, 鹤岗市, 舒城县, 大连市, 呼和浩特市, 宿松县, 图们市; 桐乡市, 南宁经开区, 长清区, 鉴江镇, 醪桥镇, 香洲区 and
# 深圳市 (人大常委会), 黔东南州, 娄底市, 安乡县, 平陆县, 德昌县), chosen and their gold written on two branches before any
# extractor run, scored once by main's extractor (88e4f43), P / R / F1 on ext-190..201 alone: post 0.860 / 0.721 / 0.784,
# person-title 1.000 / 0.838 / 0.912, task 0.943 / 0.786 / 0.857 (no term, membership or due gold); on ext-202..213 alone:
# post 0.839 / 0.671 / 0.746, person-title 0.964 / 0.757 / 0.848, term 1.000 / 0.167 / 0.286, membership 0 of 3, task
# 1.000 / 0.677 / 0.808 (no due gold). Merged with rot20's rules (280 notices; ext-178..213 held out), P / R / F1: held-out
# post 0.882 / 0.723 / 0.795, person-title 0.985 / 0.801 / 0.884, term 1.000 / 0.333 / 0.500, membership 0.923 / 0.667 /
# 0.774, task 0.859 / 0.638 / 0.732, due 1.000 / 0.500 / 0.667 — one post key more than main before rot20's rules (the
# independent scorer on ext-178..213: post 0.781 -> 0.788, every other kind the same); all 280: post 0.952, person-title
# 0.971, term 0.735, membership 0.981, task 0.939, due 0.964. The floors are set a little under these.
# Rounds 14-18 (one session): new held-out sets ext-214..237 (news of new places), ext-238..261 and ext-262..285 (formal
# notices of new places and issuers: main's extractor read them badly, post .105-.800, membership 0 on all three sets),
# ext-286..288 and ext-298..308 (formal, 14); five rotations read ext-178..201 (rot21), ext-238..249 (rot22), ext-262..273
# (rot23), ext-250..261 and ext-274..285 (rot24), ext-202..225 (rot25), each scored before anyone opened it (SPLIT.tsv).
# Merged (378 notices; held out: ext-226..237 and the 14 formal ones, 26 notices), then ext-310..314 and ext-322..324
# added held-out (8 formal notices, tasks only; 386 notices, 34 held out), P / R / F1, project scorer: all post 0.985 /
# 0.938 / 0.961, person-title 0.996 / 0.948 / 0.971, term 0.987 / 0.591 / 0.739, membership 0.997 / 0.956 / 0.976, task
# 0.951 / 0.898 / 0.923, due 0.992 / 0.870 / 0.927; held-out post 0.934 / 0.695 / 0.797, person-title 0.984 / 0.732 /
# 0.839, membership 1.000 / 0.727 / 0.842, task 0.734 / 0.570 / 0.642, due 0.920 / 0.460 / 0.613 (no term gold). On those
# 34 the extractor of round 13 (91e92ca) scores post 0.763, person-title 0.806, the same membership, task and due
# (independent scorer): rounds 14-15's rules carried three post keys to them, rounds 16-18's none.
# The floors are set a little under these.
# Round 20: ext-334..345 added held-out (12 formal notices of new places and issuers, chosen and their gold written
# before any extractor run; scored once by main at 663cacc: post 0.741, person-title 0.889, membership 0.588, task 0.294,
# due 0 of 7); rotation rot26 read the 22 formal notices held out in rounds 18-19 (ext-286..288, ext-298..308,
# ext-310..314, ext-322..324; at the rotation task 0.629, due 0.639, membership 0.632 -> after its rules 0.870, 0.979,
# 1.000). Merged (398 notices; held out: ext-226..237 and ext-334..345, 24 notices), P / R / F1, project scorer: all
# post 0.984 / 0.936 / 0.959, person-title 0.996 / 0.947 / 0.971, term 0.987 / 0.591 / 0.739, membership 0.997 / 0.952
# / 0.974, task 0.948 / 0.898 / 0.923, due 0.992 / 0.911 / 0.950; held-out post 0.903 / 0.659 / 0.762, person-title
# 0.984 / 0.718 / 0.830, membership 1.000 / 0.671 / 0.803, task 0.630 / 0.372 / 0.468, due 0 (of 10 keys: none found) —
# the same to the key before rot26's rules: again the rotation's rules carried nothing to the unseen notices. The
# floors are set a little under these; no held-out due floor while it scores 0, no held-out term floor (no term gold).
# Round 21: ext-346..356 added held-out (11 formal notices of new places and issuers, gold written before any extractor
# run; scored once at a133947: post 0.857, person-title 0.857, term 1.000, task 0.327 (P 0.562), due 0 of 1, no
# membership gold); rotation rot27 read ext-334..345 (at the rotation task 0.294, membership 0.588, due 0 -> after its
# rules 0.915, 0.986, 0.600). Merged (409 notices; held out: ext-226..237 and ext-346..356, 23 notices), project scorer:
# all post 0.984 / 0.937 / 0.960, person-title 0.996 / 0.948 / 0.971, term 0.988 / 0.594 / 0.742, membership 0.997 /
# 0.968 / 0.982, task 0.948 / 0.902 / 0.924, due 0.992 / 0.916 / 0.953; held-out post 0.925 / 0.662 / 0.772,
# person-title 0.981 / 0.703 / 0.819, membership 1.000 / 0.900 / 0.947, task 0.636 / 0.418 / 0.505, due 0 (4 keys, none
# found). ext-346..356 score the same to the key before and after rot27's rules. The floors are set a little under these.
# Round 22: ext-357..367 added held-out (11 formal notices of new places and issuers, north-east, south-west and
# north-west; scored once at ad971eb: post 0 of 35 (a 1960 任命 run not read), membership 0.222, task 0.574 (P 0.690),
# due 0 of 4); rotation rot28 read ext-226..237 (at the rotation post 0.750, task 0.679 -> after its rules 0.948, 0.857,
# task precision 1.000). Merged (420 notices; held out: ext-346..356 and ext-357..367, 22 notices), project scorer:
# all post 0.987 / 0.931 / 0.958, person-title 0.996 / 0.940 / 0.967, term 0.988 / 0.581 / 0.731, membership 0.997 /
# 0.956 / 0.976, task 0.947 / 0.892 / 0.919, due 0.990 / 0.908 / 0.947; held-out post 1.000 / 0.077 / 0.143,
# person-title 0.146, term 0.400, membership 0.750 / 0.130 / 0.222, task 0.655 / 0.388 / 0.487, due 0 (5 keys, one
# wrong). Both new sets score the same to the key before and after the rotations' rules. The floors are set a little
# under these.
# Round 23: ext-368..377 added held-out (10 formal notices of new places and issuers: three 人大常委会 decisions on
# mayors, a county's flood plan, a city's rules, a 州人大常委会's rules, a 普查 office, a democratic party's committee, a
# city bureau, a county's 领导小组; scored once at 11d7833: post 0.923, term 1.000, task 0 of 7, due 0 of 2). Merged
# (430 notices; held out: ext-346..377, 32 notices), project scorer: all post 0.958, person-title 0.967, term 0.734,
# membership 0.976, task 0.917, due 0.944; held-out post 1.000 / 0.196 / 0.327, person-title 0.333, term 0.571,
# membership 0.222, task 0.633 / 0.362 / 0.461, due 0. The floors are set a little under these.
# Rotation rot29 read ext-346..356 (at the rotation task 0.327, precision 0.562 -> after its rules 0.730, precision
# 0.958; post 0.857 -> 1.000). Merged (430 notices; held out: ext-357..377, 21 notices), project scorer: all post 0.987 /
# 0.931 / 0.958, person-title 0.996 / 0.940 / 0.967, term 0.988 / 0.584 / 0.734, membership 0.997 / 0.956 / 0.976, task
# 0.949 / 0.895 / 0.921, due 0.988 / 0.906 / 0.945; held-out post 1.000 / 0.143 / 0.250, person-title 0.255, term 0.400,
# membership 0.750 / 0.130 / 0.222, task 0.659 / 0.439 / 0.527, due 0 (6 keys missed, 2 wrong). ext-368..377 score the
# same to the key before and after rot29's rules. The floors are set a little under these.
# Round 24: ext-378..382 added held-out (5 formal notices of new places and issuers: a prefecture's preparatory group,
# a city's and a province's government orders, a provincial 人大常委会's regulation, a city bureau's covering notice; scored
# once at 92618ec: post 0.286, membership 0.190, task 0.438, all at precision 1.000); rotation rot30 read ext-357..367 (at
# the rotation post 0 of 35, membership 0.222, task 0.574 (P 0.690), due 0 of 4 -> after its rules 1.000, 0.979, 0.876
# (P 1.000), 1.000). A 第 before a document's number is kept (docs/facts-format.md: only brackets, spaces and leading
# zeros are made uniform): ext-380's facts now carry its number as its gold does. Merged (435 notices; held out:
# ext-368..382, 15 notices), project scorer: all post 0.987 / 0.944 / 0.965, person-title 0.996 / 0.952 / 0.974, term
# 0.988 / 0.606 / 0.751, membership 0.997 / 0.959 / 0.977, task 0.956 / 0.897 / 0.925, due 0.990 / 0.915 / 0.951;
# held-out post 1.000 / 0.421 / 0.593, person-title 0.593, term 1.000 (one key), membership 1.000 / 0.105 / 0.190, task
# 0.818 / 0.281 / 0.419, due 0 (2 keys missed, 1 wrong). ext-368..382 score the same to the key before and after rot30's
# rules. The floors are set a little under these.
# Round 25: ext-383..385 added held-out (3 formal notices of new places and issuers: a county-level city's 林长 list, a
# province's 林长制办公室 and a province's 河长制办公室; scored once at ff133c3: post 0.080 (2 of 48), task 0 of 3); rotation
# rot31 read ext-368..377 (at the rotation post 0.923, task 0 of 7, due 0 of 2 -> after its rules 1.000, 0.833 (P 1.000),
# 1.000). Merged (438 notices; held out: ext-378..385, 8 notices), project scorer: all post 0.987 / 0.924 / 0.954,
# person-title 0.996 / 0.931 / 0.963, term 0.988 / 0.606 / 0.751, membership 0.997 / 0.959 / 0.977, task 0.957 / 0.898 /
# 0.927, due 0.993 / 0.920 / 0.955; held-out post 1.000 / 0.067 / 0.125, person-title 0.125, membership 1.000 / 0.105 /
# 0.190, task 1.000 / 0.357 / 0.526 (no term or due gold). ext-378..385 score the same to the key before and after rot31's
# rules. The floors are set a little under these.
# Round 26: ext-386..388 added held-out (3 formal notices of new places and issuers: a city office's task split covering
# letter, a county office's notice with dated duties, a city government's meeting rules; scored once at 854849b: task P
# 0.800 R 0.182, due 1 of 11). Merged (441 notices; held out: ext-378..388, 11 notices), project scorer: all post 0.954,
# person-title 0.963, term 0.751, membership 0.977, task 0.956 / 0.892 / 0.923, due 0.993 / 0.899 / 0.944; held-out post
# 0.125, person-title 0.125, membership 0.190, task 0.933 / 0.280 / 0.431, due 1.000 / 0.091 / 0.167. The task and due
# floors are set a little under these.
# Round 27: rotation rot32 read ext-378..385 (scored at 500083b before anyone opened them: post 1.000 / 0.067 / 0.125,
# membership 0.190, task 1.000 / 0.357 / 0.526 -> after its rules post 1.000 / 0.983 / 0.992, membership 1.000, task
# 1.000 / 0.607 / 0.756); ext-389..392 added held-out (4 formal notices of new places and issuers: a city's 安全生产委员会
# with its inspection teams, two provinces' soil-survey offices' covering letters with dated duties, a province bureau's
# inspection teams; scored once at 500083b: post 1.000 / 0.300 / 0.462, membership 1.000 / 0.833 / 0.909, task 0.571 /
# 0.364 / 0.444, due 0 of 5, one wrong). Merged (445 notices; held out: ext-386..392, 7 notices), project scorer: all post
# 0.988 / 0.947 / 0.967, person-title 0.997 / 0.955 / 0.975, term 0.988 / 0.606 / 0.751, membership 0.997 / 0.971 / 0.984,
# task 0.955 / 0.892 / 0.923, due 0.990 / 0.889 / 0.937; held-out post 1.000 / 0.300 / 0.462, person-title 0.462,
# membership 1.000 / 0.833 / 0.909, task 0.667 / 0.242 / 0.356, due 0.500 / 0.062 / 0.111. The held-out floors are reset
# from these (a new set is a new measurement), the "all" ones a little under these (due falls with the new set's 15 due
# keys, none of them read).
# Round 28: rotation rot33 read ext-386..388 (scored at 2d4af85 before anyone opened them: task 0.800 / 0.182 / 0.296,
# due 1 of 11 -> after its rules task 1.000, due 1.000; all dev task 0.924 -> 0.932, due 0.944 -> 0.958, 7 wrong task keys
# gone); ext-393..394 added held-out (2 formal notices of new places and issuers: a city office's 领导小组 with its members'
# posts and its office, a provincial capital's 办公厅 领导小组 with member units and a collective; scored once at 2d4af85:
# post 1.000, membership 0.935 / 0.967 / 0.951, task 0.500). Merged (447 notices; held out: ext-389..394, 6 notices),
# project scorer: all post 0.988 / 0.947 / 0.967, person-title 0.975, term 0.751, membership 0.995 / 0.971 / 0.983, task
# 0.960 / 0.902 / 0.930, due 0.990 / 0.916 / 0.952; held-out post 1.000 / 0.667 / 0.800, person-title 0.800, membership
# 0.951 / 0.929 / 0.940, task 0.833 / 0.385 / 0.526, due 0 (5 keys missed, 1 wrong). The floors are set a little under
# these; no held-out due floor while it scores 0.
# Round 28, later: term34's rules (a post's term written in a bracket or as 'YYYY年M月至今任'; dev term 0.751 -> 0.768,
# the 45 of 54 missed term keys whose year is not in the text left) and conv35's gold conventions (docs/extraction.md,
# "Gold conventions decided in round 28": bare fields in department lists, no task for roles where the notice's own task
# list is on the page nor for requests only to cooperate, conditional duties are tasks, kinds of enterprise get none;
# the dev gold corrected to them with notes, held-out notices not opened) with the rules that follow them. Merged (447
# notices; held out ext-389..394), project scorer: all post 0.968, person-title 0.976, term 0.989 / 0.628 / 0.768,
# membership 0.983, task 0.960 / 0.911 / 0.935, due 0.990 / 0.914 / 0.951; held-out unchanged. The term and task floors
# rise a little under these.
# Round 29: rotation rot36 read ext-389..392 (scored at e16bc1d before anyone opened them: post 0.462, membership
# 0.909, task 1.000 / 0.364 / 0.533, due 0 of 5 and 1 wrong -> after its rules 1.000 on every kind; all dev task 0.935
# -> 0.939, due 0.951 -> 0.958); ext-395..397 added held-out (3 formal notices of new places and issuers: a city office's
# covering letter with dated filings, a district's 稳增长 items '(X牵头,Y、Z配合)', a city's 责任分解 with its mayor's
# post; scored once at e16bc1d: post 0, task 0.897, due 1 of 4); ext-202's gold loses the issuer's own undertaking (the
# convention). Merged (450 notices; held out ext-393..397, 5 notices), project scorer: all post 0.988 / 0.951 / 0.970,
# person-title 0.977, term 0.768, membership 0.984, task 0.960 / 0.918 / 0.938, due 0.993 / 0.919 / 0.955; held-out post
# 1.000 / 0.917 / 0.957, person-title 0.957, membership 0.935 / 0.967 / 0.951, task 0.871, due 1.000 / 0.250 / 0.400. The
# held-out floors are reset from these (a new set), the "all" ones a little under these.
# Round 30: prec38's precision audit of the dev task keys (87 wrong keys -> 75, nine rules, no gold changed; the rest
# sit on the shared gold or on judgements, docs/extraction.md). Merged (450 notices; held out ext-393..397, unchanged),
# project scorer: all post 0.991 / 0.951 / 0.971, person-title 0.978, term 0.768, membership 0.985, task 0.965 / 0.918 /
# 0.941, due 0.995 / 0.919 / 0.956. The floors stay.
# Round 31: rec39's recall audit of the missed dev task keys (190 -> 174: duty verbs as data, conditional duties of a
# field's unit, a unit list then each one's duty by its own functions; a meeting's time no due). Merged, project scorer:
# all task 0.965 / 0.925 / 0.945, the other kinds and the held-out part unchanged. The task floor rises to 0.94.
# Round 32: ext-393..397 rotated into dev (their held-out score at 282e288: post 0.957, person-title 0.957, membership 0.951,
# task 0.871, due 0.400) and read (rot40: five rules, tests/test_round32_real.py; on the 450 notices post +2, membership +1
# and 2 spurious fewer, task +4, due +1, no other notice's facts changed). New held-out set ext-398..401, ext-403..407 (news
# items and a district page's table of nine new places), scored first by main's extractor at 282e288 and then with round 32's
# rules, the same figures both times: post 0.944 / 0.944 / 0.944, person-title 1.000, membership 1.000 / 0.167 / 0.286, task
# 0.487 / 0.442 / 0.463, due 1.000 / 0.500 / 0.667 (1 of 2). All 459: post 0.971, person-title 0.979, term 0.768, membership
# 0.983, task 0.958 / 0.918 / 0.937 (the new set's news duties: the task floor is reset under it), due 0.956. The held-out
# floors are reset from the new set's first score, the "all" ones a little under the 459's.
# Round 32, second part: ten news items of new places added to dev and read (ext-408..417, dev40; first score at c7d2147
# post 0.643, task 0.320; after its rules post 0.875, task 0.429). All 469: post 0.987 / 0.951 / 0.968, person-title 0.980,
# term 0.768, membership 0.982, task 0.955 / 0.915 / 0.934, due 0.954; the held-out part unchanged by the rules. The floors stay.
# Round 32, third part: seven group notices and news of new places added to dev and read (ext-418..421, ext-423..425, dev41;
# first score at a063be1 membership 0.653, after its rules 0.895). All 476: post 0.969, person-title 0.980, term 0.768,
# membership 0.993 / 0.964 / 0.979 (harder notices added: the membership floor is reset under it), task 0.932, due 0.954.
FLOORS = {
    "all": {"post": 0.96, "person-title": 0.97, "term": 0.76, "membership": 0.97, "task": 0.93, "due": 0.95},
    "held-out": {"post": 0.92, "person-title": 0.97, "membership": 0.25, "task": 0.43, "due": 0.60},
}


@pytest.fixture(scope="module")
def real_extraction():
    from govgraph.loaders import extract_paths

    return extract_paths([REAL / "notices"])


@pytest.fixture(scope="module")
def real_scores(real_extraction):
    return evaluate_corpus(real_extraction.facts, REAL)


@pytest.fixture(scope="module")
def held_out_docs(real_extraction):
    """The document numbers of the held-out notices (their keys are never shown)."""
    rows = [line.split("\t") for line in (REAL / "SPLIT.tsv").read_text(encoding="utf-8").splitlines()
            if line and not line.startswith("#")]
    held = {r[0] for r in rows if len(r) > 1 and r[1] == "held-out"}
    return {n.doc for n in real_extraction.notices if Path(n.source).stem in held}


@pytest.mark.parametrize("part,kind", [(p, k) for p, kinds in FLOORS.items() for k in kinds])
def test_real_corpus_scores_hold_their_floor(real_scores, held_out_docs, part, kind):
    # The held-out part rotates (data/real/SPLIT.tsv): when one set moves into dev and the next is
    # not added yet, no notice is held out and there is nothing to score; its floors then skip (they
    # are set again when the next set lands, from its first score).
    if part not in real_scores or kind not in real_scores[part]:
        pytest.skip(f"no {part} notice with {kind} gold (data/real/SPLIT.tsv)")
    r = real_scores[part][kind]
    # (the keys of a held-out notice are not shown, in any part: nobody reads them while writing rules)
    shown = tuple([k for k in r[w] if k[0] not in held_out_docs][:10] for w in ("missed", "spurious")) \
        if part != "held-out" else ()
    assert r["f1"] >= FLOORS[part][kind], (part, kind, r["f1"], *shown)


def test_every_real_notice_reads_and_every_fact_quotes_its_source(real_extraction):
    assert real_extraction.errors == []
    assert len(real_extraction.notices) == len(list((REAL / "notices").glob("*.txt")))
    texts = {n.doc: n.text for n in real_extraction.notices}
    for f in real_extraction.facts:
        assert validate_fact(f) == [], f
        if f["kind"] != "unit":
            ev = f["evidence"]
            assert texts[f["doc"]][ev["start"]:ev["end"]] == ev["text"], f


def test_gold_covers_every_notice_and_the_split_names_real_files():
    names = {p.stem for p in (REAL / "notices").glob("*.txt")}
    assert names == {p.stem for p in (REAL / "gold").glob("*.jsonl")}
    split = [line.split("\t")[0] for line in (REAL / "SPLIT.tsv").read_text(encoding="utf-8").splitlines()
             if line and not line.startswith(("#", "file\t"))]
    assert split and set(split) <= names
