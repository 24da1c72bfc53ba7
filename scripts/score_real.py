#!/usr/bin/env python3
"""Score the extractor on the real-notice corpus (data/real): all, dev, held-out, per batch.

usage: python scripts/score_real.py [--corpus data/real] [--show N] [--only PART] [--json]

The held-out notices (data/real/SPLIT.tsv) are scored, never read while writing rules.
``--show N`` lists N missed and spurious keys per kind for the dev part only.
"""
from __future__ import annotations

import argparse
import json
import sys
from pathlib import Path

from govgraph.evaluate import evaluate
from govgraph.facts import read_facts
from govgraph.loaders import extract_paths


def split(corpus: Path) -> dict[str, str]:
    out = {}
    p = corpus / "SPLIT.tsv"
    if p.exists():
        for line in p.read_text(encoding="utf-8").splitlines():
            if line and not line.startswith("#") and not line.startswith("file\t"):
                name, part = line.split("\t")[:2]
                out[name] = part
    return out


def main(argv=None) -> int:
    ap = argparse.ArgumentParser()
    ap.add_argument("--corpus", default=str(Path(__file__).resolve().parent.parent / "data" / "real"))
    ap.add_argument("--show", type=int, default=0)
    ap.add_argument("--json", action="store_true")
    a = ap.parse_args(argv)
    corpus = Path(a.corpus)
    ex = extract_paths([corpus / "notices"])
    parts = split(corpus)
    gold: dict[str, list[dict]] = {}
    for g in sorted((corpus / "gold").glob("*.jsonl")):
        gold[g.stem] = list(read_facts(g))
    groups = {"all": list(gold), "dev": [n for n in gold if parts.get(n, "dev") == "dev"],
              "held-out": [n for n in gold if parts.get(n) == "held-out"]}
    for b in sorted({n.split("-")[0] for n in gold}):
        groups[b] = [n for n in gold if n.split("-")[0] == b]
    res = {name: evaluate(ex.facts, [f for n in names for f in gold[n]]) for name, names in groups.items()}
    if a.json:
        print(json.dumps({k: {kind: {x: r[x] for x in ("precision", "recall", "f1", "gold", "pred")}
                              for kind, r in v.items()} for k, v in res.items()}, ensure_ascii=False, indent=1))
        return 0
    kinds = ["post", "person-title", "term", "membership", "task", "due"]
    print(f"{'':10s}" + "".join(f"{k:>14s}" for k in kinds))
    for name, r in res.items():
        print(f"{name:10s}" + "".join(f"{r[k]['f1']:>14.3f}" if k in r else f"{'-':>14s}" for k in kinds))
    if a.show:
        for kind in kinds:
            r = res["dev"].get(kind)
            if not r:
                continue
            print(f"\n{kind} (dev): P={r['precision']} R={r['recall']} gold {r['gold']} pred {r['pred']}")
            for label in ("missed", "spurious"):
                for k in r[label][:a.show]:
                    print(f"  {label}: {' | '.join(map(str, k))}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
