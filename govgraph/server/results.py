"""SPARQL answers in the protocol's formats, and the choice of format for a request.

The server counts rows before it writes any (a row limit must not truncate an answer
silently), so it writes the results formats itself from pyoxigraph terms: SPARQL JSON,
XML, CSV and TSV for SELECT and ASK; graphs (CONSTRUCT, DESCRIBE) go through
``pyoxigraph.serialize`` (Turtle by default, N-Triples, RDF/XML, JSON-LD).

>>> import pyoxigraph as ox
>>> row = [ox.NamedNode("https://govgraph.dev/id/x"), ox.Literal("区水务局", language="zh")]
>>> print(solutions_json(["s", "name"], [row]).decode())
{"head": {"vars": ["s", "name"]}, "results": {"bindings": [{"s": {"type": "uri", "value": "https://govgraph.dev/id/x"}, "name": {"type": "literal", "value": "区水务局", "xml:lang": "zh"}}]}}
>>> print(solutions_tsv(["s", "name"], [row]).decode(), end="")
?s	?name
<https://govgraph.dev/id/x>	"区水务局"@zh
>>> choose("solutions", "text/html,*/*;q=0.8", None)
'application/sparql-results+json'
>>> choose("graph", "application/sparql-results+json", "xml")
'application/rdf+xml'
"""

from __future__ import annotations

import csv
import io
import json
from xml.sax.saxutils import escape, quoteattr

import pyoxigraph as ox

__all__ = ["SOLUTION_TYPES", "GRAPH_TYPES", "choose", "solutions_json", "solutions_xml", "solutions_csv",
           "solutions_tsv", "boolean", "write_solutions", "write_graph"]

_XSD_STRING = "http://www.w3.org/2001/XMLSchema#string"
_RDF_LANG_STRING = "http://www.w3.org/1999/02/22-rdf-syntax-ns#langString"

# media type -> writer name, for SELECT / ASK answers (the first is the default)
SOLUTION_TYPES = {
    "application/sparql-results+json": "json", "application/json": "json",
    "application/sparql-results+xml": "xml", "application/xml": "xml", "text/xml": "xml",
    "text/csv": "csv", "text/tab-separated-values": "tsv",
}
# media type -> pyoxigraph format, for CONSTRUCT / DESCRIBE answers (the first is the default)
GRAPH_TYPES = {
    "text/turtle": ox.RdfFormat.TURTLE, "application/x-turtle": ox.RdfFormat.TURTLE,
    "application/turtle": ox.RdfFormat.TURTLE,
    "application/n-triples": ox.RdfFormat.N_TRIPLES, "text/plain": ox.RdfFormat.N_TRIPLES,
    "application/rdf+xml": ox.RdfFormat.RDF_XML, "application/ld+json": ox.RdfFormat.JSON_LD,
}
# the short names of the ``format=`` (or ``output=``) parameter, per kind of answer
_SHORT = {
    "solutions": {"json": "application/sparql-results+json", "xml": "application/sparql-results+xml",
                  "csv": "text/csv", "tsv": "text/tab-separated-values"},
    "graph": {"turtle": "text/turtle", "ttl": "text/turtle", "n3": "text/turtle", "nt": "application/n-triples",
              "ntriples": "application/n-triples", "xml": "application/rdf+xml", "rdfxml": "application/rdf+xml",
              "rdf+xml": "application/rdf+xml", "json-ld": "application/ld+json", "jsonld": "application/ld+json"},
}


def choose(kind: str, accept: str | None, fmt: str | list[str] | None) -> str:
    """The media type to answer with: ``kind`` is ``"solutions"`` (SELECT, ASK) or ``"graph"``
    (CONSTRUCT, DESCRIBE); ``fmt``, the ``format=`` parameter (a short name or a media type,
    as SPARQLWrapper sends it), wins over the ``Accept`` header; else the default
    (SPARQL JSON, Turtle)."""
    known = SOLUTION_TYPES if kind == "solutions" else GRAPH_TYPES
    for f in [fmt] if isinstance(fmt, str) else fmt or []:
        f = f.strip().lower()
        if f in known:
            return f
        if f in _SHORT[kind]:
            return _SHORT[kind][f]
    ranked = []
    for i, part in enumerate((accept or "").split(",")):
        media, *params = [p.strip() for p in part.split(";")]
        q = 1.0
        for p in params:
            if p.startswith("q="):
                try:
                    q = float(p[2:])
                except ValueError:
                    q = 0.0
        if media.lower() in known and q > 0:
            ranked.append((-q, i, media.lower()))
    return min(ranked)[2] if ranked else next(iter(known))


def _term_json(t) -> dict:
    if isinstance(t, ox.NamedNode):
        return {"type": "uri", "value": t.value}
    if isinstance(t, ox.BlankNode):
        return {"type": "bnode", "value": t.value}
    if isinstance(t, ox.Literal):
        out = {"type": "literal", "value": t.value}
        if t.language:
            out["xml:lang"] = t.language
        elif t.datatype.value != _XSD_STRING:
            out["datatype"] = t.datatype.value
        return out
    return {"type": "triple", "value": {"subject": _term_json(t.subject), "predicate": _term_json(t.predicate),
                                        "object": _term_json(t.object)}}


def solutions_json(variables: list[str], rows: list[list]) -> bytes:
    """SPARQL 1.1 Query Results JSON; ``rows`` hold a term or None per variable."""
    bindings = [{v: _term_json(t) for v, t in zip(variables, row) if t is not None} for row in rows]
    return json.dumps({"head": {"vars": variables}, "results": {"bindings": bindings}},
                      ensure_ascii=False).encode("utf-8")


def _term_xml(t) -> str:
    if isinstance(t, ox.NamedNode):
        return f"<uri>{escape(t.value)}</uri>"
    if isinstance(t, ox.BlankNode):
        return f"<bnode>{escape(t.value)}</bnode>"
    if isinstance(t, ox.Literal):
        if t.language:
            return f"<literal xml:lang={quoteattr(t.language)}>{escape(t.value)}</literal>"
        if t.datatype.value != _XSD_STRING:
            return f"<literal datatype={quoteattr(t.datatype.value)}>{escape(t.value)}</literal>"
        return f"<literal>{escape(t.value)}</literal>"
    return (f"<triple><subject>{_term_xml(t.subject)}</subject><predicate>{_term_xml(t.predicate)}</predicate>"
            f"<object>{_term_xml(t.object)}</object></triple>")


_XML_HEAD = '<?xml version="1.0" encoding="UTF-8"?>\n<sparql xmlns="http://www.w3.org/2005/sparql-results#">'


def solutions_xml(variables: list[str], rows: list[list]) -> bytes:
    """SPARQL Query Results XML."""
    out = [_XML_HEAD, "<head>", *(f"<variable name={quoteattr(v)}/>" for v in variables), "</head><results>"]
    for row in rows:
        out.append("<result>" + "".join(f"<binding name={quoteattr(v)}>{_term_xml(t)}</binding>"
                                        for v, t in zip(variables, row) if t is not None) + "</result>")
    out.append("</results></sparql>\n")
    return "\n".join(out).encode("utf-8")


def _csv_value(t) -> str:
    if t is None:
        return ""
    if isinstance(t, ox.BlankNode):
        return "_:" + t.value
    if isinstance(t, (ox.NamedNode, ox.Literal)):
        return t.value
    return str(t)


def solutions_csv(variables: list[str], rows: list[list]) -> bytes:
    """SPARQL 1.1 Query Results CSV: plain values (no types, no language tags), CRLF lines."""
    buf = io.StringIO()
    w = csv.writer(buf, lineterminator="\r\n")
    w.writerow(variables)
    for row in rows:
        w.writerow([_csv_value(t) for t in row])
    return buf.getvalue().encode("utf-8")


def solutions_tsv(variables: list[str], rows: list[list]) -> bytes:
    """SPARQL 1.1 Query Results TSV: terms as in N-Triples, ``?var`` header."""
    lines = ["\t".join("?" + v for v in variables)]
    lines += ["\t".join("" if t is None else str(t) for t in row) for row in rows]
    return ("\n".join(lines) + "\n").encode("utf-8")


def boolean(value: bool, media: str) -> bytes:
    """An ASK answer in ``media`` (JSON, XML; CSV and TSV as one line ``true``/``false``)."""
    name = SOLUTION_TYPES[media]
    word = "true" if value else "false"
    if name == "json":
        return json.dumps({"head": {}, "boolean": value}).encode("utf-8")
    if name == "xml":
        return f"{_XML_HEAD}<head/><boolean>{word}</boolean></sparql>\n".encode("utf-8")
    return (word + "\n").encode("utf-8")


_WRITERS = {"json": solutions_json, "xml": solutions_xml, "csv": solutions_csv, "tsv": solutions_tsv}


def write_solutions(variables: list[str], rows: list[list], media: str) -> bytes:
    """SELECT rows in ``media`` (a key of :data:`SOLUTION_TYPES`)."""
    return _WRITERS[SOLUTION_TYPES[media]](variables, rows)


def write_graph(triples: list, media: str, prefixes: dict[str, str]) -> bytes:
    """CONSTRUCT / DESCRIBE triples in ``media`` (a key of :data:`GRAPH_TYPES`)."""
    fmt = GRAPH_TYPES[media]
    if fmt in (ox.RdfFormat.TURTLE, ox.RdfFormat.RDF_XML):
        # govgraph's ``id:`` names hold slashes, which Turtle escapes (id:unit\/…): written out in full
        prefixes = {k: v for k, v in prefixes.items() if k != "id"}
        return ox.serialize(triples, format=fmt, prefixes=prefixes)
    return ox.serialize(triples, format=fmt)
