"""The fact kinds as a registry: one declaration per kind, read from ``kinds.toml``.

A kind says which fields its facts have and what they are (a unit's name, a
person's name, a date, an enumeration), which fields identify a fact, which must
be there, how extraction dedupes it, how evaluation scores it, and what it becomes
in the graph backends (nodes, edges, RDF class and predicates, page style).
Validation, fact IDs, extraction and evaluation read it here instead of coding each
kind; a new kind is declared in data (``register``).

>>> get("post").key
('doc', 'person', 'unit', 'title', 'as_of', 'start', 'end', 'former')
>>> get("task").names({"kind": "task", "lead": ["区发改委"], "responsible": ["区财政局"]}, "unit")
['区发改委', '区财政局']
>>> get("membership").names({"kind": "membership", "member": "区委宣传部", "member_type": "unit"}, "unit")
['区委宣传部']
>>> [k.plural for k in KINDS.values()]
['posts', 'memberships', 'groups', 'tasks', 'units']
>>> NODES["unit"].label, NODES["unit"].style.shape
('Unit', 'square')
"""

from __future__ import annotations

import re
import tomllib
from collections.abc import Mapping
from dataclasses import dataclass, field
from functools import cached_property
from pathlib import Path
from types import MappingProxyType

from .errors import InputError

__all__ = ["Style", "NodeType", "Field", "Edge", "Graph", "Rdf", "Score", "Dedupe", "Kind",
           "KINDS", "NODES", "SCALAR_TYPES", "COMMON_FIELDS", "get", "register"]

#: field types that are values, not names of nodes
SCALAR_TYPES = ("text", "date", "month", "bool", "int")
#: fields every fact may carry, of every kind (validated by ``facts.validate_fact``)
COMMON_FIELDS = ("kind", "place", "evidence")
_DEFAULT_FILE = Path(__file__).with_name("kinds.toml")
_NAME = re.compile(r"^[a-z][a-z0-9_]*$")
_LABEL = re.compile(r"^[A-Z][A-Za-z]*$")
_REL = re.compile(r"^[A-Z][A-Z_]*$")
_CURIE = re.compile(r"^[a-z]+:[A-Za-z][A-Za-z0-9]*$")


def _ro(d: Mapping | None = None) -> Mapping:
    return MappingProxyType(dict(d or {}))


@dataclass(frozen=True)
class Style:
    """How the page draws a node type: colour, vis.js shape, legend label."""

    colour: str
    shape: str
    legend: str


@dataclass(frozen=True)
class NodeType:
    """A node of the property graph: its label (Neo4j), what its ID hashes, its RDF
    classes and page style.  The networkx ``type`` is its ``name``."""

    name: str
    label: str
    identity: tuple[str, ...]
    rdf_class: tuple[str, ...]
    style: Style


@dataclass(frozen=True)
class Field:
    """A field of a kind.  ``type``: a scalar type (``SCALAR_TYPES``) or a node type
    (the field names such a node); ``type_from``: the field whose value is this
    field's node type (a membership's member is a person, unit or group)."""

    name: str
    type: str = "text"
    list: bool = False
    values: tuple[str, ...] | None = None
    type_from: str | None = None

    def node_type(self, fact: Mapping) -> str | None:
        """The node type this field's value names in ``fact`` (None: a plain value)."""
        t = fact.get(self.type_from) if self.type_from else self.type
        return None if t in SCALAR_TYPES else t


@dataclass(frozen=True)
class Edge:
    """An edge a fact makes.  ``source`` / ``target``: ``"."`` (the fact's own node),
    a field (the node, or each node, it names) or a node of ``Graph.nodes``.
    ``fact``: the edge is the fact (merged on its ID); ``provenance``: doc and quote
    on the edge; ``role`` / ``role_from``: its caption, fixed or from a field."""

    type: str
    source: str
    target: str
    props: tuple[str, ...] = ()
    set: Mapping = field(default_factory=_ro)
    fact: bool = False
    provenance: bool = False
    role: str | None = None
    role_from: str | None = None


@dataclass(frozen=True)
class Graph:
    """A kind's shape in the property graph: the node the fact is (``node``, named by
    ``node_from`` or keyed by the fact ID), its ``props``, nodes made from fields
    (``nodes``: name -> (node type, fields)), and ``edges``."""

    node: str | None = None
    node_from: str | None = None
    props: tuple[str, ...] = ()
    nodes: Mapping = field(default_factory=_ro)
    edges: tuple[Edge, ...] = ()


@dataclass(frozen=True)
class Rdf:
    """A kind's RDF shape: the graph it goes to (``notice`` or ``catalogue``), its IRI
    segment (``id:<iri>/<fact id>``), classes, a predicate per field, the name fields
    also kept as written (``gg:writtenAs``), shortcut links, and per list field the
    role of an assignment node (tasks)."""

    graph: str = "notice"
    iri: str = ""
    classes: tuple[str, ...] = ()
    predicates: Mapping = field(default_factory=_ro)
    written_as: tuple[str, ...] = ()
    shortcuts: tuple[Mapping, ...] = ()
    assignments: Mapping = field(default_factory=_ro)


@dataclass(frozen=True)
class Score:
    """One evaluation key of a kind (``govgraph.evaluate``)."""

    name: str
    key: tuple[str, ...]
    each: tuple[str, ...] = ()
    when_any: tuple[str, ...] = ()
    trim: Mapping = field(default_factory=_ro)
    read_as: Mapping = field(default_factory=_ro)
    multiset: bool = False


@dataclass(frozen=True)
class Dedupe:
    """Extraction's dedupe within a notice: the key (default: the fact key), fields a
    repeat fills in, and ``superseded`` (``when``, ``by_any``, ``same``)."""

    key: tuple[str, ...] | None = None
    merge: tuple[str, ...] = ()
    superseded: Mapping | None = None


@dataclass(frozen=True)
class Kind:
    """One fact kind as declared (see ``kinds.toml`` for what each part means)."""

    name: str
    plural: str
    fields: Mapping
    key: tuple[str, ...]
    required: tuple[str, ...]
    key_optional: tuple[str, ...] = ()
    diff_key: tuple[str, ...] | None = None
    disjoint: tuple[tuple[str, str], ...] = ()
    dedupe: Dedupe = Dedupe()
    scores: tuple[Score, ...] = ()
    graph: Graph = Graph()
    rdf: Rdf = Rdf()
    source: str = ""

    @cached_property
    def enums(self) -> tuple[tuple[str, tuple[str, ...], bool], ...]:
        """The enumerated fields: (name, values, required)."""
        return tuple((f.name, f.values, f.name in self.required) for f in self.fields.values() if f.values is not None)

    def key_of(self, fact: Mapping) -> tuple:
        """The tuple that identifies ``fact`` (kind first); a ``key_optional`` field
        not known (None) is left out.

        >>> get("unit").key_of({"kind": "unit", "name": "区财政局"})
        ('unit', '区财政局')
        """
        if not self.key_optional:
            return (self.name, *map(fact.get, self.key))
        return (self.name,) + tuple(fact.get(f) for f in self.key
                                    if not (f in self.key_optional and fact.get(f) is None))

    @property
    def identity(self) -> tuple[str, ...]:
        """The fields that make two facts "the same fact" for ``govgraph diff`` (a fact
        whose other fields differ is *changed*) and for first/last seen: ``diff_key``
        if declared, else the key.

        >>> get("post").identity
        ('doc', 'person', 'unit', 'title')
        """
        return self.key if self.diff_key is None else self.diff_key

    def dedupe_key(self, fact: Mapping) -> tuple:
        """The key extraction dedupes on (lists as tuples)."""
        if self.dedupe.key is None:
            return self.key_of(fact)
        return (self.name,) + tuple(tuple(v) if isinstance(v := fact.get(f), list) else v
                                    for f in self.dedupe.key)

    def names(self, fact: Mapping, node_type: str) -> list[str]:
        """The names of ``node_type`` nodes ``fact`` gives, in field order: a required
        field's value always, an optional one's when given (not empty)."""
        out: list[str] = []
        for f in self.fields.values():
            if f.node_type(fact) != node_type:
                continue
            v = fact.get(f.name)
            if f.list:
                out.extend(v or ())
            elif f.name in self.required or v:
                out.append(v)
        return out


_KINDS: dict[str, Kind] = {}
_NODES: dict[str, NodeType] = {}
#: the kinds by name, in declaration order (a live view: ``register`` adds to it)
KINDS: Mapping[str, Kind] = MappingProxyType(_KINDS)
#: the node types by name (a live view)
NODES: Mapping[str, NodeType] = MappingProxyType(_NODES)


def get(kind: str) -> Kind:
    """The declaration of ``kind`` (``KeyError`` naming it if there is none)."""
    try:
        return _KINDS[kind]
    except (KeyError, TypeError):
        raise KeyError(f"unknown fact kind {kind!r}") from None


def register(declarations: str | Path | Mapping, *, source: str | None = None) -> tuple[Kind, ...]:
    """Add the node types and kinds declared in a TOML file (or an already parsed
    mapping, named ``source`` in errors); returns the new kinds.  Nothing is added
    when the declarations are wrong: ``InputError`` names the file and the kind.

    >>> register({"kinds": {"post": {"plural": "x", "key": ["doc"], "required": []}}}, source="demo")
    Traceback (most recent call last):
    ...
    govgraph.errors.InputError: demo: kind 'post': already declared (in kinds.toml)
    """
    if isinstance(declarations, Mapping):
        data, src = declarations, source or "<mapping>"
    else:
        path = Path(declarations)
        src = source or str(path)
        try:
            data = tomllib.loads(path.read_text(encoding="utf-8"))
        except (OSError, UnicodeDecodeError, tomllib.TOMLDecodeError) as e:
            raise InputError(f"{src}: cannot read the kind declarations: {e}") from None
    nodes, kinds = _parse(data, src)
    _NODES.update(nodes)
    _KINDS.update(kinds)
    return tuple(kinds.values())


# ------------------------------------------------------------------ reading declarations

class _Bad(Exception):
    pass


def _parse(data: Mapping, src: str) -> tuple[dict[str, NodeType], dict[str, Kind]]:
    unknown = set(data) - {"nodes", "kinds"}
    if unknown:
        raise InputError(f"{src}: unknown table(s) {', '.join(sorted(unknown))} (expected nodes, kinds)")
    nodes: dict[str, NodeType] = {}
    for name, d in _table(data.get("nodes", {}), src, "nodes").items():
        try:
            if name in _NODES:
                raise _Bad("already declared")
            nodes[name] = _node_type(name, d)
        except _Bad as e:
            raise InputError(f"{src}: node type {name!r}: {e}") from None
    all_nodes = {**_NODES, **nodes}
    kinds: dict[str, Kind] = {}
    for name, d in _table(data.get("kinds", {}), src, "kinds").items():
        try:
            if name in _KINDS:
                raise _Bad(f"already declared (in {Path(_KINDS[name].source).name})")
            kinds[name] = _kind(name, d, all_nodes, src)
        except _Bad as e:
            raise InputError(f"{src}: kind {name!r}: {e}") from None
    return nodes, kinds


def _table(d, src: str, what: str) -> Mapping:
    if not isinstance(d, Mapping) or not all(isinstance(v, Mapping) for v in d.values()):
        raise InputError(f"{src}: [{what}] must be a table of tables")
    return d


def _check_keys(d: Mapping, allowed: set[str], where: str) -> None:
    extra = set(d) - allowed
    if extra:
        raise _Bad(f"{where}: unknown entr{'y' if len(extra) == 1 else 'ies'} {', '.join(sorted(extra))}")


def _strs(v, where: str) -> tuple[str, ...]:
    if not isinstance(v, list) or not all(isinstance(x, str) for x in v):
        raise _Bad(f"{where} must be a list of strings")
    return tuple(v)


def _str(v, where: str, pattern: re.Pattern | None = None) -> str:
    if not isinstance(v, str) or not v or (pattern is not None and not pattern.match(v)):
        raise _Bad(f"{where} must be " + ("a non-empty string" if pattern is None else f"like {pattern.pattern}")
                   + f", not {v!r}")
    return v


def _bool(v, where: str) -> bool:
    if not isinstance(v, bool):
        raise _Bad(f"{where} must be true or false")
    return v


def _node_type(name: str, d: Mapping) -> NodeType:
    _str(name, "the name", _NAME)
    _check_keys(d, {"label", "identity", "rdf_class", "style"}, "the node type")
    st = d.get("style")
    if not isinstance(st, Mapping):
        raise _Bad("style must be a table (colour, shape, legend)")
    _check_keys(st, {"colour", "shape", "legend"}, "style")
    return NodeType(name=name, label=_str(d.get("label"), "label", _LABEL),
                    identity=_strs(d.get("identity", ["fact"]), "identity"),
                    rdf_class=tuple(_str(c, "rdf_class", _CURIE) for c in _strs(d.get("rdf_class", []), "rdf_class")),
                    style=Style(*(_str(st.get(k), f"style.{k}") for k in ("colour", "shape", "legend"))))


def _field(name: str, d: Mapping, nodes: Mapping) -> Field:
    _str(name, "a field name", _NAME)
    _check_keys(d, {"type", "list", "values", "type_from"}, f"field {name!r}")
    if "type_from" in d and "type" in d:
        raise _Bad(f"field {name!r}: type and type_from both given")
    t = d.get("type", "text")
    if t not in SCALAR_TYPES and t not in nodes:
        raise _Bad(f"field {name!r}: type {t!r} is neither {', '.join(SCALAR_TYPES)} nor a node type")
    values = d.get("values")
    return Field(name=name, type=t, list=_bool(d.get("list", False), f"field {name!r}: list"),
                 values=None if values is None else _strs(values, f"field {name!r}: values"),
                 type_from=d.get("type_from"))


def _fields_known(names, fields: Mapping, where: str, extra: tuple[str, ...] = ()) -> tuple[str, ...]:
    names = _strs(names, where)
    for n in names:
        if n not in fields and n not in COMMON_FIELDS and n not in extra:
            raise _Bad(f"{where}: no field {n!r}")
    return names


def _kind(name: str, d: Mapping, nodes: Mapping, src: str) -> Kind:
    _str(name, "the name", _NAME)
    _check_keys(d, {"plural", "fields", "key", "key_optional", "diff_key", "required", "disjoint", "dedupe",
                    "scores", "graph", "rdf"}, "the kind")
    raw = d.get("fields", {})
    if not isinstance(raw, Mapping) or not all(isinstance(v, Mapping) for v in raw.values()):
        raise _Bad("fields must be a table of tables")
    fields = {n: _field(n, f, nodes) for n, f in raw.items()}
    for f in fields.values():
        if f.type_from is not None:
            src_field = fields.get(f.type_from)
            if src_field is None or not src_field.values or not all(v in nodes for v in src_field.values):
                raise _Bad(f"field {f.name!r}: type_from {f.type_from!r} must be a field whose values are node types")
    key = _fields_known(d.get("key"), fields, "key")
    disjoint = []
    for pair in d.get("disjoint", []):
        pair = _fields_known(pair, fields, "disjoint")
        if len(pair) != 2 or not all(fields[p].list for p in pair):
            raise _Bad("disjoint: pairs of list fields")
        disjoint.append(pair)
    graph = _graph(d.get("graph", {}), fields, nodes)
    return Kind(name=name, plural=_str(d.get("plural"), "plural", _NAME), fields=_ro(fields), key=key,
                required=_fields_known(d.get("required"), fields, "required"),
                key_optional=_fields_known(d.get("key_optional", []), {k: 0 for k in key}, "key_optional"),
                diff_key=None if "diff_key" not in d else _fields_known(d["diff_key"], fields, "diff_key"),
                disjoint=tuple(disjoint), dedupe=_dedupe(d.get("dedupe", {}), fields),
                scores=tuple(_score(s, fields) for s in d.get("scores", [])),
                graph=graph, rdf=_rdf(d.get("rdf", {}), fields, graph), source=src)


def _dedupe(d: Mapping, fields: Mapping) -> Dedupe:
    _check_keys(d, {"key", "merge", "superseded"}, "dedupe")
    sup = d.get("superseded")
    if sup is not None:
        _check_keys(sup, {"when", "by_any", "same"}, "dedupe.superseded")
        sup = _ro({k: _fields_known(sup.get(k), fields, f"dedupe.superseded.{k}") for k in ("when", "by_any", "same")})
    return Dedupe(key=None if "key" not in d else _fields_known(d["key"], fields, "dedupe.key"),
                  merge=_fields_known(d.get("merge", []), fields, "dedupe.merge"), superseded=sup)


def _score(d: Mapping, fields: Mapping) -> Score:
    _check_keys(d, {"name", "key", "each", "when_any", "trim", "read_as", "multiset"}, "scores")
    name = _str(d.get("name"), "scores: name")
    where = f"score {name!r}"
    each = _fields_known(d.get("each", []), fields, f"{where}: each")
    key = _fields_known(d.get("key"), fields, f"{where}: key", ("@each", "@field") if each else ())
    trim = d.get("trim", {})
    if not all(k in key and isinstance(v, int) and v > 0 for k, v in trim.items()):
        raise _Bad(f"{where}: trim maps key fields to a positive number of characters")
    read_as = d.get("read_as", {})
    if not all(k in key and isinstance(v, Mapping) for k, v in read_as.items()):
        raise _Bad(f"{where}: read_as maps key fields to tables")
    return Score(name=name, key=key, each=each, when_any=_fields_known(d.get("when_any", []), fields, f"{where}: when_any"),
                 trim=_ro(trim), read_as=_ro({k: _ro(v) for k, v in read_as.items()}),
                 multiset=_bool(d.get("multiset", False), f"{where}: multiset"))


def _graph(d: Mapping, fields: Mapping, nodes: Mapping) -> Graph:
    _check_keys(d, {"node", "node_from", "props", "nodes", "edges"}, "graph")
    node = d.get("node")
    if node is not None and node not in nodes:
        raise _Bad(f"graph.node: no node type {node!r}")
    made = {}
    for n, nd in d.get("nodes", {}).items():
        _check_keys(nd, {"type", "props"}, f"graph.nodes.{n}")
        if nd.get("type") not in nodes:
            raise _Bad(f"graph.nodes.{n}: no node type {nd.get('type')!r}")
        made[n] = (nd["type"], _fields_known(nd.get("props", []), fields, f"graph.nodes.{n}.props"))
    ends = {".", *fields, *made} if node else {*fields, *made}
    edges = []
    for e in d.get("edges", []):
        _check_keys(e, {"type", "from", "to", "props", "set", "fact", "provenance", "role", "role_from"}, "graph.edges")
        t = _str(e.get("type"), "graph.edges: type", _REL)
        for end in ("from", "to"):
            if e.get(end) not in ends or (e[end] in fields and fields[e[end]].node_type({}) is None
                                          and fields[e[end]].type_from is None):
                raise _Bad(f"edge {t}: {end} {e.get(end)!r} is not '.', a node field or a node of graph.nodes")
        edges.append(Edge(type=t, source=e["from"], target=e["to"],
                          props=_fields_known(e.get("props", []), fields, f"edge {t}: props"),
                          set=_ro(e.get("set", {})), fact=_bool(e.get("fact", False), f"edge {t}: fact"),
                          provenance=_bool(e.get("provenance", False), f"edge {t}: provenance"),
                          role=None if "role" not in e else _str(e["role"], f"edge {t}: role"),
                          role_from=None if "role_from" not in e else _fields_known([e["role_from"]], fields,
                                                                                    f"edge {t}: role_from")[0]))
    node_from = d.get("node_from")
    if node_from is not None and (node is None or node_from not in fields):
        raise _Bad(f"graph.node_from: {node_from!r} is not a field naming the node")
    return Graph(node=node, node_from=node_from,
                 props=_fields_known(d.get("props", []), fields, "graph.props"), nodes=_ro(made), edges=tuple(edges))


def _rdf(d: Mapping, fields: Mapping, graph: Graph) -> Rdf:
    _check_keys(d, {"graph", "iri", "class", "predicates", "written_as", "shortcuts", "assignments"}, "rdf")
    if not d:
        return Rdf()
    if d.get("graph", "notice") not in ("notice", "catalogue"):
        raise _Bad("rdf.graph must be notice or catalogue")
    preds = d.get("predicates", {})
    _fields_known(list(preds), fields, "rdf.predicates", tuple(graph.nodes))
    for k, v in preds.items():
        _str(v, f"rdf.predicates.{k}", _CURIE)
    for s in d.get("shortcuts", []):
        _check_keys(s, {"from", "predicate", "to"}, "rdf.shortcuts")
        _fields_known([s.get("from"), s.get("to")], fields, "rdf.shortcuts", tuple(graph.nodes))
        _str(s.get("predicate"), "rdf.shortcuts: predicate", _CURIE)
    for k, v in d.get("assignments", {}).items():
        _fields_known([k], fields, "rdf.assignments")
        _str(v, f"rdf.assignments.{k}", _CURIE)
    return Rdf(graph=d.get("graph", "notice"), iri=_str(d.get("iri"), "rdf.iri", _NAME),
               classes=tuple(_str(c, "rdf.class", _CURIE) for c in _strs(d.get("class", []), "rdf.class")),
               predicates=_ro(preds), written_as=_fields_known(d.get("written_as", []), fields, "rdf.written_as"),
               shortcuts=tuple(_ro(s) for s in d.get("shortcuts", [])), assignments=_ro(d.get("assignments", {})))


register(_DEFAULT_FILE, source=str(_DEFAULT_FILE))
