"""Who a person is: a name in a place, unless an analyst's decision says otherwise.

The same name in two places is two people; in one place, one person.  A decision
(``loaders.decisions``, read from ``govgraph-decisions.tsv``) may join a name to
the person of another place (``person_place`` on the fact) or split one place's
name into people by notice (``person_variant``).  Every backend keys a person by
the name and ``person_of(fact)``.

>>> person_of({"kind": "post", "person": "李锐", "place": "武汉市汉阳区"})
('武汉市汉阳区', None)
>>> person_of({"kind": "post", "person": "李锐", "place": "武汉市汉阳区", "person_place": "江州市云溪区"})
('江州市云溪区', None)
>>> person_of({"kind": "post", "person": "张斌", "place": "武汉市汉阳区", "person_variant": "阳政办〔2018〕9号"})
('武汉市汉阳区', '阳政办〔2018〕9号')
"""

from __future__ import annotations

__all__ = ["person_of"]


def person_of(f: dict) -> tuple[str | None, str | None]:
    """The place and variant that, with the name, identify the person of a fact."""
    place = f.get("person_place") or f.get("place")
    return (place if isinstance(place, str) else None), f.get("person_variant")
