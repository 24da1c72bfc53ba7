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
# # Which units carry the most work?
#
# Work plans assign tasks to units: a lead unit (牵头单位) and responsible units
# (责任单位). `Graph.analyze("overload")` counts them per unit and scores the load
# (see `docs/analytics.md`):
#
# `score = 2 × led + 1 × responsible + 0.5 × Σ_months max(0, tasks due that month − 1)`
#
# Some tasks go to a collective (`各街办事处`, `各相关部门`) rather than to named
# units. With `expand_collectives=True` such a task also counts for every member
# of the collective, and the street offices move up. This notebook compares both
# views, draws them, and shows the busiest unit's network.

# %%
import html
import os
import shutil
import subprocess
import tempfile
import warnings
from pathlib import Path

import matplotlib
import matplotlib.pyplot as plt
import pandas as pd
from IPython.display import HTML, IFrame, display

import govgraph
from govgraph.identity import UnitIndex

pd.set_option("display.max_colwidth", 80)
pd.set_option("display.width", 200)

SAMPLE = Path("data") / "000_69f8c657212cfd7a.txt"



REPO = govgraph.api.find_repo(SAMPLE)
workdir = Path(tempfile.mkdtemp(prefix="govgraph-overload-"))
g = govgraph.load([REPO / SAMPLE], store=workdir / "kg")
print(g.stats()["notices"], "notices in", g.path)

# %% [markdown]
# ## Overload, named units only

# %%
direct = g.analyze("overload").df()
direct.head(15)

# %% [markdown]
# ## Overload with collectives expanded

# %%
expanded = g.analyze("overload", expand_collectives=True).df()
expanded.head(15)

# %% [markdown]
# Side by side: what each unit gains when a collective's tasks count for its members.

# %%
both = direct.merge(expanded, on=["unit", "unit_type"], how="outer", suffixes=("", "_expanded"))
counts = [c for c in both.columns if c not in ("unit", "unit_type")]
both[counts] = both[counts].fillna(0)
both = both.astype({c: int for c in counts if not c.startswith("score")})
both["gain"] = both["total_expanded"] - both["total"]
both = both.sort_values(["score_expanded", "score"], ascending=False)
both[["unit", "unit_type", "led", "responsible", "score", "total_expanded", "score_expanded", "gain"]].head(20)

# %% [markdown]
# By type of unit: each street office gains the tasks of `各街办事处`; departments gain
# those given to collectives such as `各相关部门`.

# %%
both.groupby("unit_type")[["total", "total_expanded", "gain"]].sum().sort_values("gain", ascending=False)

# %% [markdown]
# ## A bar chart
#
# Chinese labels need a CJK font. We ask fontconfig (`fc-list :lang=zh`) and
# matplotlib for one; without one the chart is still drawn, the labels may then
# show as boxes.

# %%
def cjk_font() -> str | None:
    """Register the CJK fonts fontconfig knows with matplotlib; the family to use, or None."""
    from matplotlib import font_manager

    if shutil.which("fc-list"):
        try:
            out = subprocess.run(["fc-list", ":lang=zh", "file"], capture_output=True, text=True, timeout=20).stdout
        except (OSError, subprocess.SubprocessError):
            out = ""
        for f in sorted({line.split(":")[0].strip() for line in out.splitlines() if line.strip()}):
            try:
                font_manager.fontManager.addfont(f)
            except Exception:  # a font file matplotlib cannot read: skip it
                continue
    known = {f.name for f in font_manager.fontManager.ttflist}
    for prefix in ("Noto Sans CJK SC", "Source Han Sans SC", "WenQuanYi", "SimHei", "Microsoft YaHei",
                   "PingFang SC", "Noto Sans CJK", "Source Han Sans", "Noto Serif CJK SC", "Noto Serif CJK",
                   "AR PL"):
        for name in sorted(known):
            if name.startswith(prefix):
                return name
    return None


FONT = cjk_font()
if FONT:
    matplotlib.rcParams["font.family"] = [FONT, "sans-serif"]
    matplotlib.rcParams["axes.unicode_minus"] = False
    print("CJK font:", FONT)
else:
    warnings.filterwarnings("ignore", message="Glyph .* missing from font")
    print("no CJK font found: Chinese labels may show as boxes (apt-get install fonts-noto-cjk)")

# %%
top = both.head(15).iloc[::-1]  # largest at the top
fig, ax = plt.subplots(figsize=(9, 6))
y = range(len(top))
ax.barh([i + 0.2 for i in y], top["score"], height=0.4, label="named units only", color="#4C72B0")
ax.barh([i - 0.2 for i in y], top["score_expanded"], height=0.4, label="collectives expanded", color="#DD8452")
ax.set_yticks(list(y))
ax.set_yticklabels(top["unit"])
ax.set_xlabel("overload score (2 × led + responsible + month stacking)")
ax.set_title("Task load per unit, 汉阳区 notices 2018")
ax.legend(loc="lower right")
fig.tight_layout()
plt.show()

# %% [markdown]
# ## What lies behind the top score
#
# The two busiest units on named assignments, with the tasks they lead or share and
# the words of the notice:

# %%
facts = g.facts()
units = UnitIndex(f for f in facts if f["kind"] == "unit")


def tasks_of(unit: str) -> pd.DataFrame:
    rows = []
    for f in facts:
        if f["kind"] != "task":
            continue
        lead = {units.canonical(u) for u in f.get("lead") or []}
        resp = {units.canonical(u) for u in f.get("responsible") or []}
        if unit in lead | resp:
            rows.append({"doc": f["doc"], "ref": f.get("ref"), "role": "lead" if unit in lead else "responsible",
                         "due": f.get("due") or "", "quote": (f.get("evidence") or {}).get("text") or f.get("text")})
    return pd.DataFrame(rows)


for unit in direct["unit"].head(2):
    t = tasks_of(unit)
    print(f"{unit}: {len(t)} tasks, {sum(t['role'] == 'lead')} led")
    display(t.head(8))

# %% [markdown]
# The SPARQL question `unit-load` counts the same way (without the month term), so
# the two agree on the totals:

# %%
load = g.query("unit-load").df()
check = direct.merge(load, on="unit", suffixes=("", "_sparql"))
check[["unit", "led", "led_sparql", "responsible", "responsible_sparql", "total", "total_sparql"]].head(10)

# %% [markdown]
# ## The network around 区商旅局
#
# `Graph.viz(path, focus=...)` writes an offline interactive page (vis-network
# inlined, no network access). Hover a node or edge for the evidence; the legend
# filters by type. Here it is embedded inline; `IFrame(path, ...)` does the same
# when the page lies under the folder Jupyter serves.

# %%
page = workdir / "overload-区商旅局.html"
info = g.viz(page, focus="区商旅局", depth=1)
{k: info[k] for k in ("nodes", "edges", "types", "focus")}

# %%
def show_page(path: Path, height: int = 600):
    """Inline an offline page (srcdoc: works wherever the notebook is opened)."""
    doc = html.escape(path.read_text(encoding="utf-8"), quote=True)
    return HTML(f'<div><iframe srcdoc="{doc}" width="100%" height="{height}" '
                f'style="border:1px solid #ccc"></iframe></div>')


try:  # a page under the notebook's folder can be served by Jupyter itself
    rel = page.resolve().relative_to(Path.cwd().resolve())
    display(IFrame(str(rel), width="100%", height=600))
except ValueError:
    display(show_page(page))

# %% [markdown]
# The whole graph, for browsing (about 500 nodes; search for a name in the box):

# %%
full = g.viz(workdir / "graph.html")
print(f"{full['nodes']} nodes, {full['edges']} edges, {full['bytes'] // 1024} KB: {full['path']}")
