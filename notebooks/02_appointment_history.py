# ---
# jupyter:
#   jupytext:
#     formats: py:percent
#     text_representation:
#       extension: .py
#       format_name: percent
#       format_version: '1.3'
#       jupytext_version: 1.19.6
#   kernelspec:
#     display_name: Python 3 (ipykernel)
#     language: python
#     name: python3
# ---

# %% [markdown]
# # Appointment history: who held which post, when, says which notice
#
# Notices name officials in passing: a group's member list gives `许才勇 区水务局局长`,
# an audit plan names the former head whose term is audited. Read together they give
# a history of posts. This notebook follows three threads through the sample corpus:
#
# 1. **许才勇**: every post he holds and the notices that say so;
# 2. **李艳明**: two posts at once (区委常委 and 区政府常务副区长), named in three notices;
# 3. **区水务局 局长**: the holders of one post over time, where a 2017 audit term of
#    易雄才 precedes 许才勇 in the 2018 lists (`post-holders`, `succession`);
# 4. **a leading group**: its members by role and its history across notices.
#
# Every row carries its `doc` (document number) and `quote` (the words of the notice).

# %%
import os
import tempfile
from pathlib import Path

import pandas as pd
from IPython.display import Markdown, display

import govgraph

pd.set_option("display.max_colwidth", 80)
pd.set_option("display.width", 200)

SAMPLE = Path("data") / "000_69f8c657212cfd7a.txt"



REPO = govgraph.api.find_repo(SAMPLE)
g = govgraph.load([REPO / SAMPLE], store=Path(tempfile.mkdtemp(prefix="govgraph-history-")) / "kg")
notices = {n.doc: n for n in g.notices()}
facts = g.facts()
print(g.stats()["notices"], "notices in", g.path)

# %% [markdown]
# A helper puts each row next to its notice (date and title), and another shows a
# quote inside the notice text, using the evidence offsets every fact carries.

# %%
def with_notice(df: pd.DataFrame) -> pd.DataFrame:
    out = df.copy()
    out["notice_date"] = [notices[d].date for d in out["doc"]]
    out["notice_title"] = [notices[d].title for d in out["doc"]]
    return out


def in_context(fact: dict, before: int = 40, after: int = 30) -> str:
    ev = fact["evidence"]
    text = notices[fact["doc"]].text
    return ("…" + text[max(0, ev["start"] - before):ev["start"]] + "【" + text[ev["start"]:ev["end"]] + "】"
            + text[ev["end"]:ev["end"] + after] + "…").replace("\n", " ")


def show_posts(person: str) -> None:
    for f in facts:
        if f["kind"] == "post" and f["person"] == person and f.get("evidence"):
            print(f"{f['doc']} ({notices[f['doc']].date}) {f['unit']} {f['title']}:")
            print("   ", in_context(f))


# %% [markdown]
# ## 1. 许才勇
#
# `appointment-history` lists every post a person has held: unit, title, the date the
# notice states it (`as_of`) or the term (`start`/`end`), and the notice.

# %%
xu = g.query("appointment-history", person="许才勇").df()
with_notice(xu)

# %% [markdown]
# Two notices, seven weeks apart, both list him as head of the water bureau
# (区水务局局长): the 区质量强区工作委员会 member list of 24 February and the 两江流域
# PPP project leading group of 12 April. The quotes in their notices:

# %%
show_posts("许才勇")

# %% [markdown]
# The groups he sits in come from the same lists (`person-network`, section `group`):

# %%
net = g.query("person-network", person="许才勇").df()
net[net["section"] == "group"]

# %% [markdown]
# ## 2. 李艳明
#
# One line, `区委常委、区政府常务副区长李艳明`, gives two posts: 常委 of 区委 and
# 常务副区长 of 区人民政府. Three notices name 李艳明; the April one only as 常务副区长.

# %%
li = g.query("appointment-history", person="李艳明").df()
with_notice(li)

# %% [markdown]
# The same history as a table of posts against notices (✓ = the notice names the post):

# %%
li.assign(post=li["unit"] + " " + li["title"], seen="✓").pivot_table(
    index="post", columns="doc", values="seen", aggfunc="first", fill_value=""
)

# %%
show_posts("李艳明")

# %% [markdown]
# ## 3. The post 区水务局 局长 over time
#
# `post-holders` answers the other way round: who held a post (unit + title). The
# 2018 audit plan (阳政办〔2018〕7号) audits the economic responsibility of 易雄才 as
# 区水务局局长 for his term 2017.1–2017.12; the 2018 lists then name 许才勇.

# %%
holders = g.query("post-holders", unit="区水务局", title="局长").df()
with_notice(holders)

# %% [markdown]
# A timeline of the seat: a term from `start` to `end`, or the notice date when a notice
# states the post as current.

# %%
def month(col: str) -> pd.Series:  # missing values may be "" or None
    return holders[col].replace("", None).astype("string").str[:7]


timeline = holders.assign(
    since=month("start").fillna(month("as_of")),
    until=month("end").fillna(month("as_of")),
).groupby("person", sort=False).agg(since=("since", "min"), until=("until", "max"), notices=("doc", "、".join))
timeline

# %% [markdown]
# `succession` gives this timeline as a question, on either backend: one row per holder in
# order, the notices and quotes joined, and a `flag` where a term ends more than a month
# before the next starts (`gap before`) or a holder is stated before the previous one's
# last date (`overlaps previous`). Here neither: 许才勇 is only stated as current, which
# says nothing of when he started.

# %%
g.query("succession", unit="区水务局", title="局长").df()

# %% [markdown]
# And where did 易雄才 go? His own history shows him as 区城管委主任 in February 2018:

# %%
with_notice(g.query("appointment-history", person="易雄才").df())

# %%
show_posts("易雄才")

# %% [markdown]
# ## 4. A group's members and its history
#
# `group-members` reads one member list (the latest, or the one in force on a `date`) by
# role as listed, with each person's posts on that date; `group-history` compares each
# notice's list of the group with the previous one (joined, left, role changed). The
# sample sets each group up once, so its history is the first list, everyone `joined`.

# %%
g.query("group-members", group="汉阳区两江流域生态环境治理PPP项目领导小组").df().head(8)

# %%
history = g.query("group-history", group="区质量强区工作委员会").df()
history.groupby(["date", "doc", "change"]).size()

# %% [markdown]
# ## People named in more than one unit
#
# The same question for everyone, in SPARQL (`Graph.sparql`; prefixes predefined):
# people whose posts lie in two or more units, a hint of transfers or of a second hat.

# %%
g.sparql("""
SELECT ?name (COUNT(DISTINCT ?unit) AS ?units) (GROUP_CONCAT(DISTINCT ?unit; separator="、") AS ?posts_in)
WHERE {
  ?h a gg:PostHolding ; org:organization ?u ; org:member ?p .
  ?p foaf:name ?name . ?u skos:prefLabel ?unit .
}
GROUP BY ?name HAVING (COUNT(DISTINCT ?unit) > 1)
ORDER BY DESC(?units) ?name
""").df()

# %% [markdown]
# Any of them can be followed with `appointment-history`, e.g. 张斌:

# %%
display(Markdown("**张斌**"))
with_notice(g.query("appointment-history", person="张斌").df())
