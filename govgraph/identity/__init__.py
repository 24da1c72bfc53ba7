"""Identity: which unit, person or place a name stands for.

One service for every room that compares names: extraction's resolution
(``loaders.resolve``, ``loaders.pipeline``), the store's unit catalogue
(:mod:`.catalogue`), the Neo4j and networkx graphs, the questions and the scorer
(``evaluate``).

- :mod:`.names`: the one normalisation of names (``squash``: layout spaces
  aside; ``fold``: the scorer's looser key; ``compact`` and ``loose``: a typed name's keys,
  full-width forms and then the script aside too; ``close``: the names near a mistyped one);
- :mod:`.units`: ``UnitIndex``, name or alias -> catalogue unit, in a place;
- :mod:`.catalogue`: ``Catalogue``, the unit facts merged (``merge_units``) and
  indexed, with the aliases that resolve elsewhere and a signature of resolution;
- :mod:`.scope`: places (components, level) and the jurisdiction rules (the
  place a unit name in a notice belongs to; whether a place is the one a user
  names);
- :mod:`.persons`: ``person_of``, a person as a name in a place or a decision's
  variant.

It sits at the bottom floor beside ``facts``: it imports nothing from graph/ or
queries/, and reads its word lists through ``govgraph.datafiles``.

>>> idx = UnitIndex([{"kind": "unit", "name": "区财政局", "aliases": ["区 财政"],
...                   "place": "武汉市汉阳区"}])
>>> place = unit_scope("区财政", "武汉市汉阳区")
>>> place, idx.canonical("区财政", place)
('武汉市汉阳区', '区财政局')
"""

from .names import close, compact, fold, loose, squash, to_simplified
from .persons import person_of
from .scope import (NATIONAL, NATIONAL_NAME, components, is_unknown, is_zone, leading_components, level_of,
                    place_matches, provinces_named, unit_scope, unknown_scope)
from .units import UnitIndex
from .catalogue import Catalogue, merge_units

__all__ = ["squash", "fold", "compact", "loose", "close", "to_simplified", "UnitIndex", "Catalogue", "merge_units", "NATIONAL", "NATIONAL_NAME", "components", "leading_components",
           "level_of", "is_unknown", "is_zone", "unknown_scope", "unit_scope", "place_matches", "provinces_named", "person_of"]
