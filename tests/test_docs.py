"""The documentation keeps up with the code (as sqlite-utils does it).

- every command and sub-command of ``govgraph`` has help text, and so has each
  of its options and arguments;
- every command is documented in ``docs/cli.md`` (its full name in a heading or
  a code block), with every long option in its own section, and the ``--help``
  blocks there are the current ones;
- every canned question of the catalogue is described in ``docs/queries.md``;
- ``docs/index.md`` links every page under ``docs/``, and its links resolve;
- ``docs/notebooks.md`` names every notebook;
- every vocabulary file in ``govgraph/loaders/data/`` says what it is and is read.

``docs/cli.md`` is partly generated: the blocks between ``<!-- [[[help CMD]]] -->``
(or ``<!-- [[[run CMD]]] -->``) and ``<!-- [[[end]]] -->`` are rewritten by::

    .venv/bin/python tests/test_docs.py            # help blocks and example runs
    .venv/bin/python tests/test_docs.py --help-only

Example runs execute in a temporary folder holding ``data/`` (a link to the
repository's sample corpus), so paths and outputs read as on a checkout.
``test_run_examples_current`` runs them again the same way and fails with a diff
when one prints something else (durations and rates masked, the folder shown as
``<tmp>``).
"""

from __future__ import annotations

import os
import re
import shutil
import subprocess
import sys
import tempfile
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parent.parent
DOCS = ROOT / "docs"
CLI_MD = DOCS / "cli.md"
HELP_WIDTH = 88
BLOCK = re.compile(r"(<!-- \[\[\[(help|run) (.+?)\]\]\] -->\n)(.*?)(<!-- \[\[\[end\]\]\] -->)", re.S)


# ---------------------------------------------------------------- the command tree

def _commands():
    """(full name, click command) for ``govgraph`` and every command below it."""
    import typer.main

    from govgraph.cli import app

    root = typer.main.get_command(app)
    out = []

    def walk(cmd, path):
        out.append((" ".join(path), cmd))
        for name, sub in sorted((getattr(cmd, "commands", None) or {}).items()):
            if not getattr(sub, "hidden", False):
                walk(sub, path + [name])

    walk(root, ["govgraph"])
    return out


COMMANDS = [name for name, _ in _commands()]


def _cmd(name):
    return dict(_commands())[name]


def help_text(name: str) -> str:
    """``govgraph ... --help`` as plain text (no rich boxes), HELP_WIDTH columns."""
    import typer.core
    from typer.testing import CliRunner

    from govgraph.cli import app

    saved = typer.core.HAS_RICH
    typer.core.HAS_RICH = False
    try:
        res = CliRunner().invoke(app, name.split()[1:] + ["--help"], prog_name="govgraph",
                                 terminal_width=HELP_WIDTH, env={"GOVGRAPH_STORE": None})
    finally:
        typer.core.HAS_RICH = saved
    assert res.exit_code == 0, res.output
    return "\n".join(line.rstrip() for line in res.output.strip("\n").splitlines())


def _long_options(cmd) -> list[str]:
    opts = []
    for p in cmd.params:
        if getattr(p, "param_type_name", "") != "option" or getattr(p, "hidden", False):
            continue
        opts += [o for o in p.opts if o.startswith("--")]
    return opts


# ---------------------------------------------------------------- the markdown

def _read(path: Path) -> str:
    return path.read_text(encoding="utf-8") if path.is_file() else ""


def _headings(md: str) -> list[str]:
    return [re.sub(r"[`*]", "", m.group(1)).strip() for m in re.finditer(r"^#{1,6}\s+(.+)$", md, re.M)]


def _code(md: str) -> str:
    return "\n".join(m.group(1) for m in re.finditer(r"^```[^\n]*\n(.*?)^```", md, re.S | re.M)) + "\n" + \
        "\n".join(re.findall(r"`([^`\n]+)`", md))


def _mentions(text: str, name: str) -> bool:
    return re.search(re.escape(name) + r"(?![\w-])", text) is not None


def _section(md: str, name: str) -> str:
    """The text under the heading that is exactly ``name`` (backticks ignored), up to the
    next heading of the same or a higher level."""
    lines = md.splitlines()
    for i, line in enumerate(lines):
        m = re.match(r"^(#{1,6})\s+(.+)$", line)
        if m and re.sub(r"[`*]", "", m.group(2)).strip() == name:
            level = len(m.group(1))
            body = []
            for nxt in lines[i + 1:]:
                h = re.match(r"^(#{1,6})\s", nxt)
                if h and len(h.group(1)) <= level:
                    break
                body.append(nxt)
            return "\n".join(body)
    return ""


# ---------------------------------------------------------------- tests: the CLI

@pytest.mark.parametrize("name", COMMANDS)
def test_command_has_help(name):
    cmd = _cmd(name)
    assert (cmd.help or "").strip(), f"`{name}` has no help text (docstring or help=)"
    if name != "govgraph":
        assert (cmd.get_short_help_str() or "").strip(), f"`{name}` has no short help"


@pytest.mark.parametrize("name", COMMANDS)
def test_every_parameter_has_help(name):
    cmd = _cmd(name)
    missing = [p.name for p in cmd.params if not getattr(p, "hidden", False) and not (getattr(p, "help", None) or "").strip()]
    assert not missing, f"`{name}`: no help for {', '.join(missing)} (add help= to the typer.Option/Argument)"


@pytest.mark.parametrize("name", COMMANDS)
def test_command_documented(name):
    md = _read(CLI_MD)
    assert md, f"{CLI_MD} is missing"
    assert name in _headings(md) or any(_mentions(h, name) for h in _headings(md)) or _mentions(_code(md), name), \
        f"`{name}` is not documented in docs/cli.md (a heading or a code block naming it)"


@pytest.mark.parametrize("name", COMMANDS)
def test_options_documented(name):
    md = _read(CLI_MD)
    section = _section(md, name)
    assert section, f"docs/cli.md has no section headed `{name}`"
    missing = [o for o in _long_options(_cmd(name)) if not _mentions(section, o)]
    assert not missing, f"docs/cli.md, section `{name}`, does not mention {', '.join(missing)}"


def test_help_blocks_current():
    md = _read(CLI_MD)
    blocks = {m.group(3): m.group(4) for m in BLOCK.finditer(md) if m.group(2) == "help"}
    assert set(blocks) == set(COMMANDS), \
        f"help blocks for {sorted(set(COMMANDS) - set(blocks))} missing, {sorted(set(blocks) - set(COMMANDS))} stale"
    stale = [name for name, body in blocks.items() if body != _fence("text", help_text(name))]
    assert not stale, f"docs/cli.md: --help of {', '.join(stale)} changed; run .venv/bin/python tests/test_docs.py"


# ---------------------------------------------------------------- tests: other pages

def test_every_canned_question_in_queries_doc():
    from govgraph import queries

    path = DOCS / "queries.md"
    md = _read(path)
    assert md, "docs/queries.md does not exist yet"
    missing = [q.name for q in queries.catalogue() if not _mentions(md, q.name)]
    assert not missing, f"docs/queries.md does not describe: {', '.join(missing)}"


def _index_links() -> list[str]:
    md = _read(DOCS / "index.md")
    return [m.split("#")[0] for m in re.findall(r"\]\(([^)\s]+)\)", md) if not re.match(r"[a-z]+:", m)]


def test_index_links_every_page():
    linked = {Path(p).name for p in _index_links()}
    pages = {p.name for p in DOCS.glob("*.md")} - {"index.md"}
    assert not pages - linked, f"docs/index.md does not link: {', '.join(sorted(pages - linked))}"


@pytest.mark.parametrize("target", sorted(set(_index_links())) or ["<none>"])
def test_index_link_resolves(target):
    assert target != "<none>", "docs/index.md links nothing"
    assert (DOCS / target).resolve().exists(), f"docs/index.md links {target}, which does not exist (yet)"


def test_notebooks_doc_names_every_notebook():
    md = _read(DOCS / "notebooks.md")
    missing = [p.name for p in sorted((ROOT / "notebooks").glob("[0-9]*.py")) if p.name not in md]
    assert not missing, f"docs/notebooks.md does not name {', '.join(missing)}"


DATA = ROOT / "govgraph" / "loaders" / "data"


@pytest.mark.parametrize("name", sorted(p.name for p in DATA.iterdir() if p.is_file()))
def test_data_file_says_what_it_is_and_is_read(name):
    """Every vocabulary file opens with a comment saying what it is, and some module reads it."""
    text = (DATA / name).read_text(encoding="utf-8")
    assert text.startswith("#"), f"govgraph/loaders/data/{name}: begin with a # comment saying what the file is"
    code = "\n".join(p.read_text(encoding="utf-8") for p in (ROOT / "govgraph").rglob("*.py"))
    assert f'"{name}"' in code, f"govgraph/loaders/data/{name} is read by no module (dead vocabulary?)"


# ---------------------------------------------------------------- regenerating docs/cli.md

def _fence(lang: str, body: str) -> str:
    return f"```{lang}\n{body}\n```\n"


def _run(cmd: str, cwd: Path, env: dict) -> str:
    res = subprocess.run(["bash", "-c", "exec 2>&1; " + cmd], cwd=cwd, env=env,
                         capture_output=True, text=True, timeout=600)
    out = "\n".join(line.rstrip() for line in res.stdout.strip("\n").splitlines())
    tail = f"\n[exit status {res.returncode}]" if res.returncode else ""
    return f"$ {cmd}\n{out}{tail}".rstrip()


def run_examples(md: str):
    """Yield (command, recorded block, block as run now) for every ``[[[run]]]`` example
    of ``md``, in order, all in one fresh temporary folder holding ``data/`` (a link to
    the repository's), so later examples see the store and files earlier ones made."""
    work = Path(tempfile.mkdtemp(prefix="govgraph-clidoc-"))
    (work / "data").symlink_to(ROOT / "data", target_is_directory=True)
    venv_bin = Path(sys.executable).parent
    env = {k: v for k, v in os.environ.items() if not k.startswith(("GOVGRAPH_", "NEO4J_"))}
    env.update(PATH=f"{venv_bin}{os.pathsep}{env.get('PATH', '')}", COLUMNS=str(HELP_WIDTH), TYPER_USE_RICH="0",
               NO_COLOR="1", PYTHONIOENCODING="utf-8")
    # this tree's govgraph, whichever checkout the venv's ``govgraph`` script was installed from
    env["PYTHONPATH"] = os.pathsep.join([str(ROOT)] + [p for p in env.get("PYTHONPATH", "").split(os.pathsep) if p])
    try:
        for m in BLOCK.finditer(md):
            if m.group(2) == "run":
                yield m.group(3), m.group(4), _fence("console", _run(m.group(3), work, env)).replace(str(work), "<tmp>")
    finally:
        shutil.rmtree(work, ignore_errors=True)


# What may differ between a recorded example and a new run: durations and rates.
_VARYING = re.compile(r"\b\d+(?:\.\d+)?\s?(?:ms|s|µs|seconds?|notices/s|/s)\b")


def normalise(block: str) -> str:
    """An example's output with what varies from run to run (durations, rates) masked."""
    return _VARYING.sub("<time>", block)


@pytest.mark.slow
def test_run_examples_current():
    """Every ``[[[run CMD]]]`` example of docs/cli.md prints what the page says it prints."""
    import difflib

    stale = []
    for cmd, recorded, now in run_examples(_read(CLI_MD)):
        if normalise(recorded) != normalise(now):
            diff = difflib.unified_diff(recorded.splitlines(), now.splitlines(), "docs/cli.md", "now", lineterm="", n=1)
            stale.append(f"--- `{cmd}`:\n" + "\n".join(diff))
    assert not stale, (f"docs/cli.md: {len(stale)} example(s) print something else now "
                       "(if the change is meant, run .venv/bin/python tests/test_docs.py):\n\n" + "\n\n".join(stale))


def update(runs: bool = True) -> int:
    """Rewrite the generated blocks of docs/cli.md; returns how many changed."""
    md = CLI_MD.read_text(encoding="utf-8")
    runs_now = iter(run_examples(md) if runs else ())
    changed = 0

    def repl(m):
        nonlocal changed
        kind, cmd = m.group(2), m.group(3)
        if kind == "help":
            body = _fence("text", help_text(cmd))
        elif runs:
            body = next(runs_now)[2]
        else:
            return m.group(0)
        changed += body != m.group(4)
        return m.group(1) + body + m.group(5)

    new = BLOCK.sub(repl, md)
    CLI_MD.write_text(new, encoding="utf-8")
    return changed


if __name__ == "__main__":
    sys.path.insert(0, str(ROOT))
    n = update(runs="--help-only" not in sys.argv[1:])
    print(f"docs/cli.md: {n} block(s) changed")
