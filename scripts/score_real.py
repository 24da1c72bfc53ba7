#!/usr/bin/env python3
"""Score the extractor on the real-notice corpus (data/real): all, dev, held-out, per batch.

usage: python scripts/score_real.py [--corpus data/real] [--show N] [--json]

The held-out notices (data/real/SPLIT.tsv) are scored, never read while writing rules:
``--show N`` lists N missed and spurious keys per kind of the dev part only.
"""
from __future__ import annotations

import argparse
import json
import sys
from pathlib import Path

from govgraph.evaluate import KINDS, evaluate_corpus
from govgraph.loaders import extract_paths


def main(argv=None) -> int:
    ap = argparse.ArgumentParser()
    ap.add_argument("--corpus", default=str(Path(__file__).resolve().parent.parent / "data" / "real"))
    ap.add_argument("--show", type=int, default=0)
    ap.add_argument("--json", action="store_true")
    a = ap.parse_args(argv)
    res = evaluate_corpus(extract_paths([Path(a.corpus) / "notices"]).facts, a.corpus)
    if a.json:
        print(json.dumps({k: {kind: {x: r[x] for x in ("precision", "recall", "f1", "gold", "pred")}
                              for kind, r in v.items()} for k, v in res.items()}, ensure_ascii=False, indent=1))
        return 0
    print(f"{'F1':10s}" + "".join(f"{k:>14s}" for k in KINDS))
    for name, r in res.items():
        print(f"{name:10s}" + "".join(f"{r[k]['f1']:>14.3f}" if k in r else f"{'-':>14s}" for k in KINDS))
    for kind in KINDS if a.show else ():
        r = res["dev"].get(kind)
        if r:
            print(f"\n{kind} (dev): P={r['precision']} R={r['recall']} gold {r['gold']} pred {r['pred']}")
            for label in ("missed", "spurious"):
                for k in r[label][:a.show]:
                    print(f"  {label}: {' | '.join(map(str, k))}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
