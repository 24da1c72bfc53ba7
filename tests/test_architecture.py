"""The shape of the code: rules about how the modules of govgraph depend on each other."""

from __future__ import annotations

import ast
from pathlib import Path

PACKAGE = Path(__file__).resolve().parent.parent / "govgraph"


def _module_name(path: Path) -> str:
    parts = path.relative_to(PACKAGE.parent).with_suffix("").parts
    return ".".join(parts[:-1] if parts[-1] == "__init__" else parts)


def _imports(path: Path, modules: set[str]) -> set[str]:
    """The govgraph modules ``path`` imports (anywhere in the file: functions and
    ``if TYPE_CHECKING:`` blocks included)."""
    name = _module_name(path)
    package = name if path.name == "__init__.py" else name.rpartition(".")[0]
    out: set[str] = set()

    for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
        if isinstance(node, ast.Import):
            out.update(a.name for a in node.names)
        elif isinstance(node, ast.ImportFrom):
            base = node.module or ""
            if node.level:
                up = package.split(".")
                up = up[:len(up) - (node.level - 1)]
                base = ".".join(up + ([base] if base else []))
            subs = {f"{base}.{a.name}" for a in node.names} & modules  # `from pkg import module`
            out.update(subs or {base})
    return {m for m in out if m in modules and m != name}


def import_graph() -> dict[str, set[str]]:
    """Module -> the govgraph modules it imports."""
    files = {_module_name(p): p for p in PACKAGE.rglob("*.py")}
    return {m: _imports(p, set(files)) for m, p in files.items()}


def cycles(graph: dict[str, set[str]]) -> list[list[str]]:
    """The import circles: strongly connected components of more than one module
    (Tarjan), each sorted."""
    index: dict[str, int] = {}
    low: dict[str, int] = {}
    stack: list[str] = []
    on_stack: set[str] = set()
    out: list[list[str]] = []

    def connect(v: str) -> None:
        index[v] = low[v] = len(index)
        stack.append(v)
        on_stack.add(v)
        for w in sorted(graph.get(v, ())):
            if w not in index:
                connect(w)
                low[v] = min(low[v], low[w])
            elif w in on_stack:
                low[v] = min(low[v], index[w])
        if low[v] == index[v]:
            comp = []
            while True:
                w = stack.pop()
                on_stack.discard(w)
                comp.append(w)
                if w == v:
                    break
            if len(comp) > 1:
                out.append(sorted(comp))

    for v in sorted(graph):
        if v not in index:
            connect(v)
    return sorted(out)


def test_no_import_circles():
    """No module of govgraph imports, directly or through others, a module that imports it
    (``from pkg import mod`` imports ``pkg.mod``; a package's ``__init__`` is a module of its own)."""
    assert cycles(import_graph()) == []


def test_cli_imports_only_api():
    """The CLI is a thin layer: it reaches the library only through ``govgraph.api`` (and the
    errors it raises) or, for ``serve``, the HTTP front end that sits on the API; the rest of
    its imports are output helpers, typer and the stdlib."""
    allowed = {"govgraph.api", "govgraph.errors", "govgraph.tables", "govgraph.messages",
               "govgraph.server"}  # the HTTP front end: above the API, below the CLI
    stdlib_and_typer = {"__future__", "collections", "contextlib", "csv", "io", "json", "os", "pathlib", "sys",
                        "typing", "typer", "warnings"}
    found = set()
    for node in ast.walk(ast.parse((PACKAGE / "cli.py").read_text(encoding="utf-8"))):
        if isinstance(node, ast.Import):
            found |= {a.name for a in node.names}
        elif isinstance(node, ast.ImportFrom):
            if node.level:  # relative: from . import api / from .errors import X
                base = "govgraph" + ("." + node.module if node.module else "")
                found |= {base} if node.module else {f"govgraph.{a.name}" for a in node.names}
            else:
                found.add(node.module)
    ours = {m for m in found if m.split(".")[0] == "govgraph"}
    assert ours <= allowed, f"cli.py imports {sorted(ours - allowed)}: go through govgraph.api"
    assert found - ours <= stdlib_and_typer, f"cli.py imports {sorted(found - ours - stdlib_and_typer)}"
    assert "govgraph.api" in ours
