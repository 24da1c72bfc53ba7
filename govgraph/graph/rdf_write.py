"""Facts and notices to N-Triples terms: one notice's named graph, the unit
catalogue's graph, and their content hashes (the store's write path).

A term is its N-Triples text (``<iri>``, ``"text"``, ``"3"^^<...#integer>``), a
triple a tuple of three such strings.  The store bulk-loads them as N-Quads, so a
build of ten thousand notices (millions of triples) makes no term objects at all:
rdflib's ``Literal`` alone used to cost more than the rest of the build.
``notice_triples`` gives the same triples as rdflib terms.  Entity IRIs (units,
persons, groups, posts, roles) are made once per name.  The vocabulary is
``rdf_terms``'s (its ``.nt`` form); ``rdf_read`` reads the triples back.

>>> n = Notice(doc="阳政办〔2018〕9号", text="许才勇任区水务局局长", date="2018-04-12")
>>> f = {"kind": "post", "doc": n.doc, "person": "许才勇", "unit": "区水务局", "title": "局长"}
>>> triples = notice_graph(n, [f], Catalogue())
>>> triples[-1][1]
'<https://govgraph.dev/ontology#contentHash>'
>>> len(triples[-1][2])
66
>>> triples[0]  # doctest: +ELLIPSIS
('<https://govgraph.dev/id/notice/...>', '<http://www.w3.org/1999/02/22-rdf-syntax-ns#type>', '<https://govgraph.dev/ontology#Notice>')
"""

from __future__ import annotations

import hashlib
import json
import re
from collections.abc import Iterable
from datetime import date
from functools import lru_cache

import pyoxigraph as ox

from govgraph import kinds
from govgraph.facts import EVIDENCE_LOCATION, FORMAT_VERSION, fact_id, stable_id, validate_fact
from govgraph.identity import components, level_of, person_of, unit_scope
from govgraph.identity.catalogue import UNIT_FIELDS, UNIT_LISTS, Catalogue
from govgraph.loaders.places import jurisdiction
from govgraph.notice import Notice

from . import rdf_terms as terms
from .rdf_terms import entity_iri, from_ox, literal, nt_term

__all__ = ["notice_graph", "catalogue_graph", "notice_triples", "content_hash", "graph_hash",
           "parse_triples", "CATALOGUE_PREDICATES", "mentioned_in"]

GG, OA, SCHEMA, DCTERMS, FOAF, ORG, PROV, RDF, RDFS, SKOS, XSD = (
    ns.nt for ns in (terms.GG, terms.OA, terms.SCHEMA, terms.DCTERMS, terms.FOAF, terms.ORG,
                     terms.PROV, terms.RDF, terms.RDFS, terms.SKOS, terms.XSD))
ID = terms.ID
CATALOGUE_GRAPH = f"<{terms.CATALOGUE_GRAPH}>"
_TRUE = literal("true", XSD.boolean)
_FALSE = literal("false", XSD.boolean)


# ------------------------------------------------------------ conversion

def parse_triples(triples: Iterable[tuple]) -> list[tuple]:
    """N-Triples term tuples as Oxigraph triples, in order."""
    data = "".join(f"{s} {p} {o} .\n" for s, p, o in triples).encode("utf-8")
    return [(t.subject, t.predicate, t.object)
            for t in ox.parse(data, format=ox.RdfFormat.N_TRIPLES)]


# ------------------------------------------------------------ hashes

def content_hash(triples: Iterable[tuple]) -> str:
    """SHA-256 of the graph's distinct triples as sorted N-Triples lines
    (``gg:contentHash`` excluded): equal hashes mean equal graphs.  Takes
    N-Triples term tuples, Oxigraph or rdflib terms."""
    return _digest(tuple(nt_term(x) for x in t) for t in triples)


def _digest(triples: Iterable[tuple], distinct: bool = False) -> str:
    """``content_hash`` of N-Triples term tuples; ``distinct``: no triple comes twice."""
    h = GG.contentHash
    lines = (f"{s} {p} {o}" for s, p, o in triples if p != h)
    return hashlib.sha256("\n".join(sorted(lines if distinct else set(lines))).encode("utf-8")).hexdigest()


def graph_hash(triples: list[tuple]) -> str:
    """The content hash a graph's triples end with (``notice_graph``, ``catalogue_graph``)."""
    return triples[-1][2][1:-1]


def _with_hash(subject: str, triples: list[tuple]) -> list[tuple]:
    triples = list(dict.fromkeys(triples))  # drop repeats, keep order
    return triples + [(subject, GG.contentHash, literal(_digest(triples, distinct=True)))]


# ------------------------------------------------------------ literals and IRIs

def _int(value: int) -> str:
    return f'"{int(value)}"^^{XSD.integer}'


def _lit(value: object, datatype: str | None = None) -> str:
    if datatype is not None:
        return literal(str(value), datatype)
    if isinstance(value, bool):
        return _TRUE if value else _FALSE
    if isinstance(value, int):
        return _int(value)
    return literal(str(value))


_DATE_RES = (
    (re.compile(r"^\d{4}-\d{2}-\d{2}$"), XSD.date),
    (re.compile(r"^\d{4}-\d{2}$"), XSD.gYearMonth),
    (re.compile(r"^\d{4}$"), XSD.gYear),
)


def _date_type(value: object) -> str | None:
    """The XSD type (N-Triples) of an ISO date / year-month / year string, else None."""
    if not isinstance(value, str):
        return None
    for rx, dt in _DATE_RES:
        if rx.match(value):
            try:
                y, m, d = (value.split("-") + ["01", "01"])[:3]
                date(int(y), int(m), int(d))
            except ValueError:
                return None
            return dt
    return None


@lru_cache(maxsize=100_000)
def _entity(kind: str, *parts: str) -> str:
    return f"<{entity_iri(kind, *parts)}>"


@lru_cache(maxsize=1_000)
def role_membership(role: str) -> str:
    """The sub-property of ``org:memberOf`` that states a membership in ``role`` (an
    N-Triples IRI) directly, W3C ORG's role sub-property pattern: ``member <role/memberOf>
    group`` beside the ``gg:GroupMembership``, in the same notice graph, so that a group's
    members, roles and notices are read by one index scan of the group (person-network).

    >>> role_membership("<https://govgraph.dev/id/role/1>")
    '<https://govgraph.dev/id/role/1/memberOf>'
    """
    return f"{role[:-1]}/memberOf>"


def _scoped(kind: str, name: str, place: str | None) -> str:
    """IRI of a name in a place (``rdf_terms.unit_iri`` ...); without a place, the IRI of the
    name.  ``rdf_terms.scope`` written out: this runs for every name of every fact."""
    return _entity(kind, name) if place is None else _entity(kind, place, name)


@lru_cache(maxsize=10_000)
def _place_triples(place: str) -> tuple[tuple, ...]:
    """A place as a ``schema:AdministrativeArea`` with ``skos:broader`` up the levels
    its name gives (武汉市汉阳区 -> 武汉市); national places under 全国."""
    out = []
    comps = components(place)
    chain = ["".join(c for c, _ in comps[:i + 1]) for i in range(len(comps))] or [place]
    if place != "全国" and not place.startswith("?"):
        chain = ["全国"] + chain
    for i, p in enumerate(chain):
        iri = _entity("place", p)
        out += [(iri, RDF.type, SCHEMA.AdministrativeArea), (iri, RDF.type, SKOS.Concept),
                (iri, SKOS.prefLabel, literal(p)), (iri, GG.level, literal(level_of(p)))]
        if i:
            out.append((iri, SKOS.broader, _entity("place", chain[i - 1])))
    return tuple(out)


def _post(unit: str, title: str) -> str:
    return _entity("post", unit[1:-1], title)


def _node(kind: str, fid: str) -> str:
    return f"<{ID}{kind}/{fid}>"


def _uncatalogued(out: list, iri: str, name: str) -> None:
    out += [(iri, RDF.type, ORG.Organization), (iri, SKOS.prefLabel, literal(name)),
            (iri, GG.uncatalogued, _TRUE)]


def _extra(out: list, node: str, fact: dict, handled: Iterable[str]) -> None:
    rest = {k: v for k, v in fact.items() if k not in set(handled)}
    if rest:
        out.append((node, GG.extraJSON, literal(json.dumps(rest, ensure_ascii=False, sort_keys=True))))


# ------------------------------------------------------------ the catalogue

#: the predicates ``catalogue_graph`` writes that ``rdf_read.read_catalogue`` reads, but for
#: gg:mentionedIn (most of its triples); not rdf:type, which Oxigraph would look up in every graph
CATALOGUE_PREDICATES = tuple(str(x)[1:-1] for x in (
    SKOS.prefLabel, SKOS.altLabel, GG.unitType, ORG.subOrganizationOf, GG.hasMemberUnit,
    GG.hadMemberUnit, GG.former, GG.extraJSON, GG.uncatalogued, GG.contentHash, GG.inPlace))

def catalogue_graph(catalogue: Catalogue, docs: bool = True) -> list[tuple]:
    """Triples of the unit catalogue graph (with its ``gg:contentHash``).

    Parent and members link to the units they resolve to; when that does not
    give back the names as written (an alias was used), or a list is empty,
    the written value is kept in ``gg:extraJSON`` so the facts read back as given.
    ``docs``: each unit's ``gg:mentionedIn`` its notices (nine in ten of the triples); False
    when each notice's graph states them instead (``mentioned_in``), so that adding a notice
    leaves the catalogue as it was unless it names a unit anew.
    """
    out: list[tuple] = []

    def ref(name: str, place: str | None) -> tuple[str, str]:
        hit = catalogue.lookup(name, place)
        if hit is not None:
            return _scoped("unit", hit[1], hit[0]), hit[1]
        label = catalogue.resolve(name, place)
        iri = _scoped("unit", label, place)
        _uncatalogued(out, iri, label)
        if place is not None:
            out.append((iri, GG.inPlace, _entity("place", place)))
        return iri, label

    for u in catalogue.units:
        place = u.get("place")
        node = _scoped("unit", u["name"], place)
        handled = set(UNIT_FIELDS) | set(UNIT_LISTS)
        out += [(node, RDF.type, ORG.Organization), (node, SKOS.prefLabel, literal(u["name"])),
                (node, GG.unitType, literal(u["unit_type"]))]
        if place is not None:
            out.append((node, GG.inPlace, _entity("place", place)))
            out += _place_triples(place)
        out += [(node, SKOS.altLabel, literal(a)) for a in u["aliases"] if a != u["name"]]
        if u["unit_type"] == "collective":
            out.append((node, RDF.type, GG.Collective))
        if u.get("parent"):
            piri, plabel = ref(u["parent"], place)
            out += [(node, RDF.type, ORG.OrganizationalUnit), (node, ORG.subOrganizationOf, piri)]
            if plabel != u["parent"]:
                handled.discard("parent")
        for key, prop in (("members", GG.hasMemberUnit), ("former_members", GG.hadMemberUnit)):
            if key not in u:
                continue
            labels = []
            for m in u[key]:
                miri, label = ref(m, place)
                labels.append(label)
                out.append((node, prop, miri))
            if not u[key] or sorted(set(labels)) != u[key]:
                handled.discard(key)
        if docs:
            out += [(node, GG.mentionedIn, literal(d)) for d in u.get("docs") or []]
        if "docs" in u and not u["docs"]:
            handled.discard("docs")
        if "former" in u:
            out.append((node, GG.former, _lit(bool(u["former"]))))
        _extra(out, node, u, handled)
    return _with_hash(CATALOGUE_GRAPH, out)


def mentioned_in(catalogue: Catalogue, docs: Iterable[str]) -> dict[str, list[tuple]]:
    """``{doc: triples}``: ``unit gg:mentionedIn doc`` of each unit of ``catalogue`` that lists one
    of ``docs`` (its notices), for the notice graphs to state (``notice_graph``'s ``mentioned``)
    when the catalogue graph does not (``catalogue_graph(docs=False)``)."""
    wanted = set(docs)
    out: dict[str, list[tuple]] = {}
    for u in catalogue.units:
        hits = wanted.intersection(u.get("docs") or ())
        if hits:
            node = _scoped("unit", u["name"], u.get("place"))
            for d in hits:
                out.setdefault(d, []).append((node, GG.mentionedIn, literal(d)))
    for triples in out.values():
        triples.sort()
    return out


# ------------------------------------------------------------ a notice

#: the Web Annotation fragment syntax of a PDF page (``page=3``): RFC 3778
_PDF_FRAGMENT = "<http://tools.ietf.org/rfc/rfc3778>"


def _location(eid: str, where: dict) -> list[tuple]:
    """Where in its file an evidence passage stands (``EVIDENCE_LOCATION``): the passage was
    quoted (``prov:wasQuotedFrom``) from a part of the file, an ``oa:SpecificResource`` whose
    ``dcterms:source`` is the file's path, selected by the PDF page (an ``oa:FragmentSelector``
    of RFC 3778, ``page=3``) and by the table cell (a ``gg:TableSelector``: ``gg:sheet``,
    ``gg:table``, ``gg:row``, ``gg:column``)."""
    e, part = f"<{eid}>", f"<{eid}#file>"
    out = [(e, PROV.wasQuotedFrom, part), (part, RDF.type, OA.SpecificResource)]
    if "file" in where:
        out.append((part, DCTERMS.source, literal(where["file"])))
    if "page" in where:
        sel = f"<{eid}#page>"
        out += [(part, OA.hasSelector, sel), (sel, RDF.type, OA.FragmentSelector),
                (sel, RDF.value, literal(f"page={where['page']}")), (sel, DCTERMS.conformsTo, _PDF_FRAGMENT)]
    cell = [(k, p) for k, p in (("sheet", GG.sheet), ("table", GG.table), ("row", GG.row), ("col", GG.column))
            if k in where]
    if cell:
        sel = f"<{eid}#cell>"
        out += [(part, OA.hasSelector, sel), (sel, RDF.type, GG.TableSelector)]
        out += [(sel, p, literal(where[k]) if k == "sheet" else _int(where[k])) for k, p in cell]
    return out


class _NoticeBuilder:
    def __init__(self, doc: str, catalogue: Catalogue, place: str | None = None, validated: bool = False):
        self.doc = doc
        self.validated = validated  # the facts passed ``validate_fact``: their evidence too
        self.node = f"<{terms.notice_iri(doc)}>"
        self.cat = catalogue
        self.place = place  # the notice's jurisdiction: units resolve, persons and groups live, in it
        self.out: list[tuple] = []
        self._evidence: dict[tuple, str] = {}

    def _in_place(self, iri: str, place: str | None) -> None:
        if place is not None:
            self.out.append((iri, GG.inPlace, _entity("place", place)))
            self.out += _place_triples(place)

    def unit(self, name: str) -> tuple[str, str]:
        """IRI and label of the unit a name refers to, in the place the name belongs
        to (``identity.unit_scope``); an unknown name is a unit of its own, as in every
        backend: ``UnitIndex``."""
        scope = unit_scope(name, self.place) if self.place is not None else None
        hit = self.cat.lookup(name, scope)
        if hit is not None:
            return _scoped("unit", hit[1], hit[0]), hit[1]
        label = self.cat.resolve(name, scope)
        iri = _scoped("unit", label, scope)
        _uncatalogued(self.out, iri, label)
        self._in_place(iri, scope)
        return iri, label

    def person(self, name: str, f: dict | None = None) -> str:
        """A person: a name in the notice's place, unless a decision (``person_place``,
        ``person_variant`` on the fact: ``loaders.decisions``) says whom it is."""
        place, variant = person_of(f) if f is not None else (self.place, None)
        iri = (_entity("person", place, name, variant) if variant else _scoped("person", name, place))
        lit = literal(name)
        self.out += [(iri, RDF.type, FOAF.Person), (iri, FOAF.name, lit), (iri, SKOS.prefLabel, lit)]
        self._in_place(iri, place)
        if variant:
            self.out.append((iri, GG.variant, literal(variant)))
        return iri

    def group(self, name: str) -> str:
        iri = _scoped("group", name, self.place)
        self.out += [(iri, RDF.type, GG.Group), (iri, RDF.type, ORG.Organization),
                     (iri, SKOS.prefLabel, literal(name))]
        self._in_place(iri, self.place)
        return iri

    def role(self, label: str) -> str:
        iri = _entity("role", label)
        self.out += [(iri, RDF.type, SKOS.Concept), (iri, RDF.type, ORG.Role),
                     (iri, SKOS.prefLabel, literal(label)), (iri, SKOS.inScheme, GG.Roles)]
        return iri

    def provenance(self, node: str, fact: dict, validated: bool | None = None) -> set[str]:
        """Link ``node`` to the notice and its evidence; the fields handled.  ``validated``:
        ``fact`` passed ``validate_fact`` (default: the builder's facts did)."""
        validated = self.validated if validated is None else validated
        self.out.append((node, PROV.hadPrimarySource, self.node))
        ev = fact.get("evidence")
        if ev is None:
            return {"evidence"}
        if not (isinstance(ev, dict) and {"text", "start", "end"} <= set(ev) <= {"text", "start", "end", *EVIDENCE_LOCATION}
                and isinstance(ev["text"], str) and type(ev["start"]) is int
                and type(ev["end"]) is int and 0 <= ev["start"] <= ev["end"]
                and (validated or not validate_fact({"kind": "group", "doc": "-", "group": "-", "evidence": ev}))):
            return set()  # kept as-is in gg:extraJSON
        where = tuple((k, ev[k]) for k in EVIDENCE_LOCATION if k in ev)
        key = (ev["start"], ev["end"], ev["text"]) + where
        quote = literal(ev["text"])
        # gg:quote: a shortcut of prov:wasDerivedFrom/oa:hasSelector/oa:exact, so that a question
        # can fetch the quote with one pattern (one lookup per row, not a join of all evidence)
        self.out.append((node, GG.quote, quote))
        e = self._evidence.get(key)
        if e is not None:
            self.out.append((node, PROV.wasDerivedFrom, e))
            return {"evidence"}
        eid = f"{ID}evidence/{stable_id('evidence', self.doc, ev['start'], ev['end'], ev['text'], *where)}"
        e = self._evidence[key] = f"<{eid}>"
        q, pos = f"<{eid}#quote>", f"<{eid}#position>"
        self.out += [
            (node, PROV.wasDerivedFrom, e),
            (e, RDF.type, GG.Evidence), (e, RDF.type, OA.SpecificResource),
            (e, OA.hasSource, self.node), (e, OA.hasSelector, q), (e, OA.hasSelector, pos),
            (q, RDF.type, OA.TextQuoteSelector), (q, OA.exact, quote),
            (pos, RDF.type, OA.TextPositionSelector),
            (pos, OA.start, _int(ev["start"])), (pos, OA.end, _int(ev["end"])),
        ]
        if where:
            self.out += _location(eid, dict(where))
        return {"evidence"}

    def notice(self, n: Notice | None) -> None:
        s, out = self.node, self.out
        out += [(s, RDF.type, GG.Notice), (s, DCTERMS.identifier, literal(self.doc)),
                (s, GG.formatVersion, literal(FORMAT_VERSION))]
        if n is None:
            return
        out += [(s, SCHEMA.text, literal(n.text)), (s, GG.sha256, literal(n.sha256)),
                (s, GG.textOffset, _int(int(n.offset)))]
        if n.title:
            out.append((s, DCTERMS.title, literal(n.title)))
        if n.date:
            out.append((s, DCTERMS.issued, _lit(n.date, _date_type(n.date) or XSD.string)))
        if n.issuer:
            out += [(s, DCTERMS.publisher, self.unit(n.issuer)[0]),
                    (s, GG.issuerName, literal(n.issuer))]
        if n.source:
            out.append((s, DCTERMS.source, literal(str(n.source))))
        if n.encoding:
            out.append((s, GG.encoding, literal(n.encoding)))

    def jurisdiction(self, n: Notice | None) -> None:
        """The notice's place, how it was found and the quote that says it
        (``places.jurisdiction``; ``stated`` when the user or a sidecar file gave it)."""
        if self.place is None:
            return
        self.out.append((self.node, GG.jurisdiction, _entity("place", self.place)))
        self.out += _place_triples(self.place)
        if n is None or not n.text:
            return
        j = jurisdiction(n)
        if j.place != self.place:
            self.out.append((self.node, GG.jurisdictionHow, literal("stated")))
            return
        self.out.append((self.node, GG.jurisdictionHow, literal(j.how)))
        if j.evidence:
            self.provenance(f"<{terms.notice_iri(self.doc)}#jurisdiction>", {"evidence": j.evidence}, False)
            self.out.append((self.node, GG.jurisdictionEvidence, f"<{terms.notice_iri(self.doc)}#jurisdiction>"))

    def post(self, f: dict) -> None:
        node, out = _node("holding", fact_id(f)), self.out
        u, ulabel = self.unit(f["unit"])
        p, post, r = self.person(f["person"], f), _post(u, f["title"]), self.role(f["title"])
        out += [(post, RDF.type, ORG.Post), (post, ORG.postIn, u), (post, ORG.role, r),
                (post, SKOS.prefLabel, literal(ulabel + f["title"])), (p, ORG.holds, post),
                (node, RDF.type, GG.PostHolding), (node, RDF.type, ORG.Membership),
                (node, ORG.member, p), (node, GG.post, post), (node, ORG.organization, u),
                (node, ORG.role, r), (node, GG.writtenAs, literal(f["unit"]))]
        handled = {"kind", "doc", "person", "unit", "title"} | self._placed(f)
        for key, prop in (("as_of", GG.asOf), ("start", SCHEMA.validFrom), ("end", SCHEMA.validUntil)):
            dt = _date_type(f.get(key))
            if dt is not None and (key != "as_of" or dt == XSD.date):
                out.append((node, prop, _lit(f[key], dt)))
                handled.add(key)
            elif f.get(key, 0) is None:
                handled.add(key)
        if isinstance(f.get("former"), bool):
            out.append((node, GG.former, _lit(f["former"])))
            handled.add("former")
        self._note(node, f, handled)
        handled |= self.provenance(node, f)
        _extra(out, node, f, handled)

    def membership(self, f: dict) -> None:
        node, out = _node("membership", fact_id(f)), self.out
        g, mt = self.group(f["group"]), f["member_type"]
        if mt == "person":
            m = self.person(f["member"], f)
        elif mt == "group":
            m = self.group(f["member"])
        else:
            m = self.unit(f["member"])[0]
        role = self.role(f["role"])
        by_role = role_membership(role)
        out += [(m, ORG.memberOf, g), (m, by_role, g), (by_role, RDFS.subPropertyOf, ORG.memberOf),
                (by_role, GG.memberRole, role), (node, RDF.type, GG.GroupMembership),
                (node, RDF.type, ORG.Membership), (node, ORG.member, m),
                (node, ORG.organization, g), (node, ORG.role, role),
                (node, GG.writtenAs, literal(f["member"]))]
        handled = {"kind", "doc", "group", "member", "member_type", "role"} | self._placed(f)
        self._note(node, f, handled)
        handled |= self.provenance(node, f)
        _extra(out, node, f, handled)

    def group_fact(self, f: dict) -> None:
        node, out = _node("groupdecl", fact_id(f)), self.out
        g = self.group(f["group"])
        out += [(node, RDF.type, GG.GroupDeclaration), (node, GG.group, g)]
        handled = {"kind", "doc", "group"} | self._placed(f)
        if isinstance(f.get("office_unit"), str) and f["office_unit"]:
            u = self.unit(f["office_unit"])[0]
            out += [(g, GG.officeIn, u), (node, GG.officeIn, u),
                    (node, GG.writtenAs, literal(f["office_unit"]))]
            handled.add("office_unit")
        elif f.get("office_unit", 0) is None:
            handled.add("office_unit")
        self._note(node, f, handled)
        handled |= self.provenance(node, f)
        _extra(out, node, f, handled)

    def task(self, f: dict) -> None:
        fid = fact_id(f)
        t, out = _node("task", fid), self.out
        out.append((t, RDF.type, GG.Task))
        handled = {"kind", "doc", "lead", "responsible"} | self._placed(f)
        for key, prop in (("ref", GG.ref), ("text", DCTERMS.description), ("due_text", GG.dueText)):
            if isinstance(f.get(key), str):
                out.append((t, prop, literal(f[key])))
                handled.add(key)
        due = f.get("due")
        if _date_type(due) == XSD.date:
            out += [(t, GG.dueDate, _lit(due, XSD.date)), (t, GG.dueMonth, literal(due[:7]))]
            handled.add("due")
        elif due is None:
            handled.add("due")
        self._note(t, f, handled)
        handled |= self.provenance(t, f)
        for key, role, short in (("lead", GG.LeadRole, GG.leads),
                                 ("responsible", GG.ResponsibleRole, GG.responsibleFor)):
            for i, name in enumerate(f.get(key) or []):
                a = _node("assignment", stable_id("assignment", fid, key, i))
                u = self.unit(name)[0]
                out += [(u, short, t), (a, RDF.type, GG.Assignment), (a, GG.task, t),
                        (a, GG.assignee, u), (a, GG.assignmentRole, role),
                        (a, GG.position, _int(i)), (a, GG.writtenAs, literal(name))]
                self.provenance(a, f)
        _extra(out, t, f, handled)

    def declared(self, f: dict) -> None:
        """A fact of a kind without a writer of its own, as its declaration says
        (``kinds.toml`` ``rdf``): a node ``id:<iri>/<fact id>`` of its classes, one triple
        per value of each declared field (a name field links to the node it names; a
        name written otherwise than that node's label, a list not in sorted order and
        every undeclared field are kept in ``gg:extraJSON``; so are unit names, whose labels
        are the catalogue's), notes and evidence."""
        k = kinds.get(f["kind"])
        node, out = _node(k.rdf.iri, fact_id(f)), self.out
        out += [(node, RDF.type, f"<{terms.expand(c)}>") for c in k.rdf.classes]
        handled = {"kind", "doc"} | self._placed(f)
        for field, pred in k.rdf.predicates.items():
            fd, value = k.fields.get(field), f.get(field)
            if fd is None or value is None:
                if field in f:
                    handled.add(field)
                continue
            values = value if fd.list else [value]
            if fd.list and (not isinstance(value, list) or values != sorted(values)):
                continue
            # a unit's label lives in the catalogue's graph, not the notice's: its name as
            # written is read back from gg:extraJSON
            exact = fd.node_type(f) != "unit"
            for v in values:
                obj, label = self._object(fd.node_type(f), v, f)
                exact = exact and label == v
                out.append((node, f"<{terms.expand(pred)}>", obj))
            if exact:
                handled.add(field)
        self._note(node, f, handled)
        handled |= self.provenance(node, f)
        _extra(out, node, f, handled)

    def _object(self, node_type: str | None, value, f: dict) -> tuple[str, object]:
        """The object term of a declared field's value, and the value it reads back as."""
        if node_type == "unit":
            return self.unit(value)
        if node_type == "person":
            return self.person(value, f), value
        if node_type == "group":
            return self.group(value), value
        if node_type == "notice":
            return f"<{terms.notice_iri(value)}>", value
        if node_type is not None:  # a node type of a registered kind: a name in the notice's place
            iri = _scoped(node_type, value, self.place)
            self.out += [(iri, RDF.type, f"<{terms.expand(kinds.NODES[node_type].rdf_class[0])}>")
                         if kinds.NODES[node_type].rdf_class else (iri, RDF.type, SKOS.Concept),
                         (iri, SKOS.prefLabel, literal(value))]
            return iri, value
        if isinstance(value, bool) or isinstance(value, int):
            return _lit(value), value
        dt = _date_type(value)
        return (_lit(value, dt), value) if dt is not None else (literal(str(value)), str(value))

    def _placed(self, f: dict) -> set[str]:
        """``place`` is handled when it is the notice's (read back from gg:jurisdiction)."""
        out = {"place"} if self.place is not None and f.get("place") == self.place else set()
        if out and isinstance(f.get("person_place"), str) and f["person_place"] != self.place:
            out.add("person_place")
        if out and isinstance(f.get("person_variant"), str) and f["person_variant"]:
            out.add("person_variant")
        return out

    def _note(self, node: str, f: dict, handled: set[str]) -> None:
        if isinstance(f.get("note"), str):
            self.out.append((node, SKOS.note, literal(f["note"])))
            handled.add("note")


def notice_graph(notice: Notice | None, facts: Iterable[dict], catalogue: Catalogue,
                 doc: str | None = None, validated: bool = False,
                 mentioned: Iterable[tuple] = ()) -> list[tuple]:
    """Triples (N-Triples term tuples) of one notice's named graph: metadata, text,
    facts, evidence.  ``facts`` are that notice's facts (not ``unit`` facts);
    ``validated``: each passed ``validate_fact`` (their evidence is not checked again);
    ``mentioned``: the notice's ``unit gg:mentionedIn doc`` triples (``mentioned_in``).
    The last triple is the graph's ``gg:contentHash``."""
    doc = notice.doc if notice is not None else doc
    if doc is None:
        raise ValueError("notice_graph needs a notice or a doc")
    facts = list(facts)
    place = notice.place if notice is not None else None
    if place is None:
        place = next((f["place"] for f in facts if isinstance(f.get("place"), str)), None)
    b = _NoticeBuilder(doc, catalogue, place, validated)
    b.notice(notice)
    b.jurisdiction(notice)
    handlers = {"post": b.post, "membership": b.membership, "group": b.group_fact, "task": b.task}
    for f in facts:
        handlers.get(f["kind"], b.declared)(f)
    b.out += mentioned
    return _with_hash(b.node, b.out)


def notice_triples(notice: Notice | None, facts: Iterable[dict], catalogue: Catalogue,
                   doc: str | None = None) -> list[tuple]:
    """``notice_graph`` in rdflib terms (to read back with ``rdf_read.read_notice_graph``
    or hash with ``content_hash``)."""
    triples = parse_triples(notice_graph(notice, list(facts), catalogue, doc=doc))
    return [tuple(from_ox(x) for x in t) for t in triples]
