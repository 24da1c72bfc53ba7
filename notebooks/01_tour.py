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
# # A tour of govgraph
#
# This notebook builds the sample corpus (ten 2018 notices of 汉阳区, Wuhan) into a
# throw-away store, shows what is in it, and runs **every canned question** of the
# catalogue (`govgraph/queries/catalogue.toml`) with its example parameters. Each
# answer is followed by the evidence behind it: the sentence of the notice that
# states the fact, and the notice's document number.
#
# Everything goes through the public Python API (`govgraph.load`, `Graph.stats`,
# `Graph.questions`, `Graph.query`, `Graph.facts`, `Graph.notices`), the same code
# the `govgraph` command line uses.

# %%
import os
import tempfile
from pathlib import Path

import pandas as pd
from IPython.display import Markdown, display

import govgraph
from govgraph.identity import UnitIndex

pd.set_option("display.max_colwidth", 80)
pd.set_option("display.max_rows", 40)
pd.set_option("display.width", 200)

SAMPLE = Path("data") / "000_69f8c657212cfd7a.txt"



REPO = govgraph.api.find_repo(SAMPLE)
REPO

# %% [markdown]
# ## Build the sample corpus into a temporary store
#
# `govgraph.load(paths, store=folder)` extracts the notices and loads them into an
# embedded RDF store (Oxigraph) at `folder`, one named graph per notice. Building
# the same notices again changes nothing.

# %%
workdir = Path(tempfile.mkdtemp(prefix="govgraph-tour-"))
g = govgraph.load([REPO / SAMPLE], store=workdir / "kg")
g.path

# %% [markdown]
# ## What is in the store: `stats()`

# %%
stats = g.stats()
{k: v for k, v in stats.items() if k not in ("classes", "per_notice")}

# %%
pd.DataFrame(sorted(stats["classes"].items()), columns=["class", "instances"])

# %% [markdown]
# Facts per notice, with the notice's date and title:

# %%
notices = {n.doc: n for n in g.notices()}
per_notice = pd.DataFrame.from_dict(stats["per_notice"], orient="index").fillna(0).astype(int)
per_notice.insert(0, "date", [notices[d].date for d in per_notice.index])
per_notice.insert(1, "title", [notices[d].title for d in per_notice.index])
per_notice.sort_values("date")

# %% [markdown]
# ## The canned questions
#
# `Graph.questions()` is the catalogue: name, description, parameters and an
# example for each question.

# %%
questions = g.questions()
pd.DataFrame(
    [
        {
            "name": q.name,
            "parameters": ", ".join(p.name + ("" if p.required else "?") for p in q.params),
            "example": q.example,
            "question": q.description,
        }
        for q in questions
    ]
)

# %% [markdown]
# ### The evidence behind an answer
#
# Two questions (`appointment-history`, `post-holders`) return the quote and the
# notice in their rows. For the others we look the facts up: every fact carries
# its `doc` and an `evidence` span (`text`, `start`, `end` offsets into the notice
# text). Unit names go through the unit catalogue (`UnitIndex`), so an alias such
# as 区科技经信局 finds 区科技和经信局.

# %%
facts = g.facts()
units = UnitIndex(f for f in facts if f["kind"] == "unit")


def fact_units(f: dict) -> set:
    names = [f.get("unit"), f.get("office_unit"), *(f.get("lead") or []), *(f.get("responsible") or [])]
    if f.get("member_type") == "unit":
        names.append(f.get("member"))
    return {units.canonical(n) for n in names if n}


def fact_names(f: dict) -> set:
    return fact_units(f) | {f.get(k) for k in ("person", "group") if f.get(k)} | (
        {f["member"]} if f.get("member_type") == "person" else set())


def facts_naming(*names: str, kinds=("post", "membership", "group", "task")) -> list[dict]:
    """Facts (other than unit facts) that name every one of ``names``."""
    keys = [units.canonical(n) if n in units else n for n in names]
    return [f for f in facts if f["kind"] in kinds and all(k in fact_names(f) for k in keys)]


def summary(f: dict) -> str:
    if f["kind"] == "post":
        return f"{f['person']}: {f['unit']} {f['title']}"
    if f["kind"] == "membership":
        return f"{f['member']} in {f['group']} ({f['role']})"
    if f["kind"] == "group":
        return f["group"] + (f" (office: {f['office_unit']})" if f.get("office_unit") else "")
    lead = "、".join(f.get("lead") or [])
    return f"{f.get('ref') or ''} lead: {lead or '-'}; responsible: {'、'.join(f.get('responsible') or []) or '-'}"


def evidence_table(fs: list[dict], limit: int = 8) -> pd.DataFrame:
    rows = [
        {
            "kind": f["kind"],
            "doc": f["doc"],
            "date": notices[f["doc"]].date if f["doc"] in notices else None,
            "fact": summary(f),
            "due": f.get("due"),
            "quote": (f.get("evidence") or {}).get("text"),
        }
        for f in fs
    ]
    df = pd.DataFrame(rows, columns=["kind", "doc", "date", "fact", "due", "quote"])
    if df["due"].isna().all():
        df = df.drop(columns="due")
    return df.sort_values(["date", "doc"], kind="stable").head(limit).reset_index(drop=True).fillna("")


# which facts stand behind a question's rows (default: every kind)
EVIDENCE_KINDS = {"unit-load": ("task",), "group-interlocks": ("membership",), "co-responsibility": ("task",)}


def evidence_for(q, params: dict, answer: pd.DataFrame) -> pd.DataFrame | None:
    """The facts behind an answer: those naming the question's person/unit
    (or the first row's subject when the question takes none)."""
    if "quote" in answer.columns:
        return None  # the answer carries its quotes
    types = {p.name: p.type for p in q.params}
    if "month" in params:  # deadlines: the tasks due that month
        return evidence_table([f for f in facts if f["kind"] == "task" and (f.get("due") or "").startswith(params["month"])])
    kinds = EVIDENCE_KINDS.get(q.name, ("post", "membership", "group", "task"))
    names = [v for k, v in params.items() if types.get(k) in ("person", "unit")]
    if q.name == "co-responsibility" and len(answer):  # the tasks the unit shares with its first partner
        names.append(answer.iloc[0, 0])
    if not names and len(answer):  # unit-load, group-interlocks: the first row's subject
        names = [answer.iloc[0, 0]]
    return evidence_table(facts_naming(*names, kinds=kinds))


# %% [markdown]
# ### Every canned question with its example parameters

# %%
answers = {}
for q in questions:
    params = dict(q.example)
    result = g.query(q.name, **params)
    answers[q.name] = df = result.df()
    display(Markdown(f"#### `{q.name}` {params or ''}\n\n{q.description} — **{len(df)} rows**"))
    display(df.head(12))
    ev = evidence_for(q, params, df)
    if ev is not None and len(ev):
        display(Markdown("Evidence:"))
        display(ev)

# %% [markdown]
# Every question answered with rows:

# %%
pd.Series({name: len(df) for name, df in answers.items()}, name="rows").to_frame()

# %% [markdown]
# ## A quote in its notice
#
# The `start`/`end` offsets of a fact's evidence point into `Notice.text`, so the
# sentence can be shown in its context:

# %%
post = next(f for f in facts if f["kind"] == "post" and f["person"] == "许才勇")
ev = post["evidence"]
text = notices[post["doc"]].text
print(post["doc"], notices[post["doc"]].title)
print("…" + text[max(0, ev["start"] - 60):ev["start"]] + "【" + text[ev["start"]:ev["end"]] + "】" + text[ev["end"]:ev["end"] + 40] + "…")

# %% [markdown]
# ## Your own SPARQL
#
# `Graph.sparql` runs any SPARQL over all notice graphs at once (prefixes `gg:`,
# `org:`, `skos:`, `foaf:` … are predefined). Here: the notices in the store.

# %%
g.sparql("""
SELECT ?doc ?date WHERE { ?n a gg:Notice ; dcterms:identifier ?doc ; dcterms:issued ?date }
ORDER BY ?date ?doc
""").df()
