"""The shape of the code: which module may import which."""

from __future__ import annotations

import ast
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
PKG = ROOT / "govgraph"


def test_cli_imports_only_api():
    """The CLI is a thin layer: it reaches the library only through ``govgraph.api`` (and the
    errors it raises); the rest of its imports are output helpers, typer and the stdlib."""
    allowed = {"govgraph.api", "govgraph.errors", "govgraph.tables", "govgraph.messages"}
    stdlib_and_typer = {"__future__", "collections", "contextlib", "csv", "io", "json", "os", "pathlib", "sys",
                        "typing", "typer"}
    found = set()
    for node in ast.walk(ast.parse((PKG / "cli.py").read_text(encoding="utf-8"))):
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
