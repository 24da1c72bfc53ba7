"""Reading the package's vocabulary files (``govgraph/loaders/data/``): one item per
line, blank lines and ``#`` comments left out.  At the bottom floor, so that every room
(extraction's lexicons, identity's place words) reads its data the same way.

>>> "局长" in data_lines("titles.txt")
True
>>> data_rows("group_verbs.tsv")[0]
['set_up', '成立']
"""

from __future__ import annotations

from importlib import resources

__all__ = ["data_lines", "data_rows"]


def _raw_lines(name: str) -> list[str]:
    text = resources.files("govgraph.loaders").joinpath("data").joinpath(name).read_text(encoding="utf-8")
    return [ln for ln in text.splitlines() if ln.strip() and not ln.lstrip().startswith("#")]


def data_lines(name: str) -> list[str]:
    """The lines of a data file in ``loaders/data/``, stripped; blank lines and ``#`` comments left out."""
    return [ln.strip() for ln in _raw_lines(name)]


def data_rows(name: str) -> list[list[str]]:
    """The rows of a tab-separated data file in ``loaders/data/``, each cell stripped."""
    return [[c.strip() for c in ln.split("\t")] for ln in _raw_lines(name)]
