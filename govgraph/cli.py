"""The ``govgraph`` command line: a thin layer over the Python API; the only place that prints."""

from __future__ import annotations

import json
import os
import sys
from pathlib import Path
from typing import Annotated, Optional

import typer

from .errors import GovGraphError

app = typer.Typer(
    help="govgraph: a knowledge graph of Chinese government notices (units, people, posts, groups, tasks).",
    no_args_is_help=True,
    add_completion=False,
    pretty_exceptions_enable=False,
)

StoreOpt = Annotated[
    Path,
    typer.Option("--store", envvar="GOVGRAPH_STORE", help="Store folder (env GOVGRAPH_STORE).", show_default=True),
]
DEFAULT_STORE = Path("govgraph-data")


def _err(msg: str) -> None:
    typer.secho(msg, fg=typer.colors.RED, err=True)


def _info(msg: str) -> None:
    typer.echo(msg, err=True)


def _fail(e: Exception, code: int = 1):
    _err(f"error: {e}")
    raise typer.Exit(code)


def _extract(paths: list[Path], quiet: bool):
    from .loaders import extract_paths

    total_known = [0]
    with typer.progressbar(length=1000, label="extracting", file=sys.stderr, show_eta=True,
                           hidden=quiet or not sys.stderr.isatty()) as bar:
        def progress(done, total, name):
            total_known[0] = total
            bar.update(int(1000 * done / max(total, 1)) - bar.pos)

        ex = extract_paths([str(p) for p in paths], progress=progress)
    return ex


def _report(ex, quiet: bool, show: int = 20) -> None:
    from collections import Counter

    kinds = Counter(f["kind"] for f in ex.facts)
    _info(f"{len(ex.notices)} notices, " + ", ".join(f"{kinds[k]} {k}" for k in ("post", "membership", "group", "task", "unit")))
    decoded = [w for w in ex.warnings if "decoded as" in w]
    if decoded and not quiet:
        from collections import Counter as _C

        encs = _C(w.rsplit("decoded as ", 1)[1] for w in decoded)
        _info("read " + ", ".join(f"{n} file(s) as {e}" for e, n in sorted(encs.items())))
    warns = [w for w in ex.warnings if "decoded as" not in w]
    for e in ex.errors:
        _err(f"error: {e}")
    if warns and not quiet:
        _info(f"{len(warns)} warnings:")
        for w in warns[:show]:
            _info(f"  warning: {w}")
        if len(warns) > show:
            _info(f"  … {len(warns) - show} more (use --verbose)")


@app.command()
def extract(
    paths: Annotated[list[Path], typer.Argument(help="Notice files (.txt/.html, or a concatenated dump) or folders.")],
    output: Annotated[Path, typer.Option("-o", "--output", help="Facts file (JSON Lines); '-' for stdout.")] = Path("-"),
    strict: Annotated[bool, typer.Option(help="Fail (exit 1, write nothing) on any warning or unreadable input.")] = False,
    quiet: Annotated[bool, typer.Option("-q", "--quiet", help="Only errors.")] = False,
    verbose: Annotated[bool, typer.Option("-v", "--verbose", help="Show every warning.")] = False,
):
    """Extract facts (posts, memberships, groups, tasks, units) with evidence, as JSON Lines (facts format v1.1)."""
    from .facts import write_facts

    ex = _extract(paths, quiet)
    _report(ex, quiet, show=10**9 if verbose else 20)
    if not ex.notices:
        _err("error: no notice could be read")
        raise typer.Exit(1)
    if strict and (ex.errors or [w for w in ex.warnings if "decoded as" not in w]):
        _err("error: --strict: warnings or errors above; nothing written")
        raise typer.Exit(1)
    if str(output) == "-":
        write_facts(ex.facts, sys.stdout)
    else:
        tmp = output.with_name(output.name + ".tmp")
        n = write_facts(ex.facts, tmp)
        os.replace(tmp, output)
        _info(f"wrote {n} facts to {output}")
    if ex.errors:
        raise typer.Exit(2)


@app.command()
def evaluate(
    facts: Annotated[Path, typer.Argument(help="Predicted facts (JSON Lines).")],
    gold: Annotated[list[Path], typer.Argument(help="Gold facts files or folders.")],
    units: Annotated[Optional[Path], typer.Option(help="Unit catalogue (unit facts) whose aliases are equated.")] = None,
    min_f1: Annotated[Optional[float], typer.Option("--min-f1", help="Exit 1 if any kind scores below this F1.")] = None,
    show: Annotated[int, typer.Option(help="How many misses and spurious facts to list per kind.")] = 10,
    fmt: Annotated[str, typer.Option("--format", help="table or json.")] = "table",
):
    """Score FACTS against GOLD: precision, recall and F1 per kind, with misses and spurious facts."""
    from .evaluate import evaluate as run_eval
    from .facts import read_facts

    try:
        pred = list(read_facts(facts))
        gold_facts = [f for g in gold for f in read_facts(g)]
        unit_facts = list(read_facts(units)) if units else [f for f in gold_facts if f.get("kind") == "unit"]
    except (OSError, ValueError) as e:
        _fail(e)
    res = run_eval(pred, gold_facts, unit_facts)
    if fmt == "json":
        typer.echo(json.dumps(res, ensure_ascii=False, indent=1, default=list))
    else:
        for kind, r in res.items():
            typer.echo(f"{kind:11s} P={r['precision']:.3f} R={r['recall']:.3f} F1={r['f1']:.3f} "
                       f"(gold {r['gold']}, pred {r['pred']}, tp {r['tp']})")
            for label in ("missed", "spurious"):
                for k in r[label][:show]:
                    typer.echo(f"    {label}: {' | '.join(map(str, k))}")
                if len(r[label]) > show:
                    typer.echo(f"    … {len(r[label]) - show} more {label}")
    if min_f1 is not None:
        low = [k for k, r in res.items() if r["f1"] < min_f1]
        if low:
            _err(f"F1 below {min_f1} for: {', '.join(low)}")
            raise typer.Exit(1)


def main():  # pragma: no cover
    app()


if __name__ == "__main__":  # pragma: no cover
    main()
