"""Loaders: read sources, split notices, extract facts with evidence.

Layers: :mod:`reading` (bytes -> text), :mod:`splitting` and :mod:`header`
(text -> notices), :mod:`structure` (outline, sentences, flattened tables),
:mod:`lexicon` and :mod:`mentions` (titles, roles, units, persons, from data
files), ``build_*`` (facts per construct), :mod:`resolve` (units, persons
across the corpus), :mod:`pipeline` (all of it).
"""

from .pipeline import Extraction, Step, extract_notice, extract_paths, extract_text, iter_extract, iter_notices

__all__ = ["Extraction", "Step", "extract_paths", "extract_text", "extract_notice", "iter_extract", "iter_notices"]
