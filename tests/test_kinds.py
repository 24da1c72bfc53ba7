"""The fact kinds registry (govgraph/kinds.toml, govgraph.kinds) against the facts format,
and a kind declared outside the package."""

from __future__ import annotations

import tomllib
import typing
from pathlib import Path

import pytest

from govgraph import kinds
from govgraph.errors import InputError
from govgraph.facts import FACT_TYPES, UNIT_TYPES, fact_id, fact_key, read_facts, validate_fact

ROOT = Path(__file__).resolve().parent.parent
GOLD = sorted((ROOT / "data" / "gold").glob("*.jsonl")) + sorted((ROOT / "data" / "real" / "gold").glob("*.jsonl"))

INSPECTION = (ROOT / "tests" / "data" / "inspection.toml").read_text(encoding="utf-8")


@pytest.fixture
def registry():
    """Registers nothing itself; whatever a test registers is taken out again."""
    before_kinds, before_nodes = dict(kinds.KINDS), dict(kinds.NODES)
    yield kinds
    for name in set(kinds.KINDS) - set(before_kinds):
        del kinds._KINDS[name]
    for name in set(kinds.NODES) - set(before_nodes):
        del kinds._NODES[name]


def test_the_package_declares_the_five_kinds_of_the_facts_format():
    assert list(kinds.KINDS) == ["post", "membership", "group", "task", "unit"]
    assert UNIT_TYPES == ("government", "department", "street_office", "agency", "enterprise", "collective",
                          "upper_level", "other")
    assert kinds.get("membership").fields["member_type"].values == ("person", "unit", "group")
    doc = (ROOT / "docs" / "facts-format.md").read_text(encoding="utf-8")
    for name in kinds.KINDS:
        assert f'## kind = "{name}"' in doc


@pytest.mark.parametrize("path", GOLD, ids=lambda p: f"{p.parent.parent.name}/{p.name}")
def test_every_gold_fact_validates_as_before(path):
    for f in read_facts(path):
        expected = ["unknown kind 'note'"] if f["kind"] == "note" else []  # gold notes are for people
        assert validate_fact(f) == expected, f


def test_a_field_of_the_wrong_shape_is_a_problem_and_the_projection_skips_the_fact():
    """A facts file written by hand or by another tool may give ``lead: "X"`` for ``["X"]`` or a
    list for a name: validation says which field, and the projection (Neo4j, networkx) skips the
    fact with a warning instead of failing on it."""
    from govgraph.graph.projection import project

    task = {"kind": "task", "doc": "D1", "ref": "1", "text": "t", "lead": "区发改委", "responsible": [], "due": None}
    unit = {"kind": "unit", "name": ["区发改委"], "aliases": [], "parent": None, "unit_type": "department"}
    post = {"kind": "post", "doc": "D1", "person": "张三", "unit": "区发改委", "title": "主任", "former": "no"}
    assert validate_fact(task) == ["task: lead must be a list of strings"]
    assert validate_fact(unit) == ["unit: name must be a string"]
    assert "post: former must be true or false" in validate_fact(post)
    p = project([task, unit], [])
    assert not any(p.nodes.get(label) for label in ("Task", "Unit"))
    assert p.warnings == ["skipped a task fact of D1: task: lead must be a list of strings",
                          "skipped a unit fact of ?: unit: name must be a string"]


def test_every_field_of_the_gold_is_declared():
    declared = {name: set(k.fields) | set(kinds.COMMON_FIELDS) for name, k in kinds.KINDS.items()}
    for path in GOLD:
        for f in read_facts(path):
            if f["kind"] in declared:
                assert set(f) <= declared[f["kind"]], (path.name, set(f) - declared[f["kind"]])


def test_the_typed_dicts_have_the_declared_fields():
    assert set(FACT_TYPES) == set(kinds.KINDS)
    for name, td in FACT_TYPES.items():
        k = kinds.get(name)
        hints = typing.get_type_hints(td)
        assert set(hints) == set(k.fields) | set(kinds.COMMON_FIELDS), name
        assert set(td.__required_keys__) == {"kind", *k.required}, name


def test_the_graph_and_page_names_are_the_documented_ones():
    rels = {e.type for k in kinds.KINDS.values() for e in k.graph.edges}
    assert rels == {"HOLDS", "POST_IN", "MEMBER_OF", "OFFICE_IN", "LEADS", "RESPONSIBLE_FOR", "SUB_UNIT_OF",
                    "MEMBER_UNIT_OF", "IN_NOTICE"}
    assert [n.label for n in kinds.NODES.values()] == ["Notice", "Person", "Unit", "Post", "Group", "Task"]
    assert kinds.NODES["person"].style == kinds.Style("#e15759", "dot", "人员 person")


def test_the_rdf_terms_are_in_the_ontology():
    ttl = (ROOT / "govgraph" / "ontology" / "govgraph.ttl").read_text(encoding="utf-8")
    prefixes = {"gg", "org", "foaf", "skos", "schema", "dcterms", "prov", "oa", "xsd"}
    for k in kinds.KINDS.values():
        terms = [*k.rdf.classes, *k.rdf.predicates.values(), *k.rdf.assignments.values(),
                 *(s["predicate"] for s in k.rdf.shortcuts)]
        for t in terms:
            prefix, local = t.split(":")
            assert prefix in prefixes, t
            if prefix == "gg":
                assert f"gg:{local} a " in ttl, t


def test_a_declared_kind_is_validated_and_identified(registry):
    (kind,) = registry.register(tomllib.loads(INSPECTION), source="inspection.toml")
    assert registry.get("inspection") is kind and "inspection" in registry.KINDS
    f = {"kind": "inspection", "doc": "阳政办〔2018〕9号", "unit": "区水务局", "inspector": "许才勇",
         "text": "堤防安全检查", "date": "2018-05-01", "outcome": "pass"}
    assert validate_fact(f) == []
    assert fact_key(f) == ("inspection", "阳政办〔2018〕9号", "区水务局", "堤防安全检查")
    assert fact_id(f) == fact_id(dict(f, date="2018-06-01", evidence={"text": "x", "start": 0, "end": 1}))
    assert fact_id(f) != fact_id(dict(f, unit="区建设局"))
    assert validate_fact({"kind": "inspection", "doc": "d", "unit": "u", "outcome": "maybe"}) == [
        "inspection: missing text", "inspection: bad outcome 'maybe'"]
    assert kind.names(f, "unit") == ["区水务局"] and kind.names(f, "person") == ["许才勇"]
    assert kind.plural == "inspections" and registry.NODES["inspection"].style.shape == "ellipse"
    assert [(e.type, e.source, e.target) for e in kind.graph.edges] == [
        ("INSPECTS", ".", "unit"), ("IN_NOTICE", ".", "doc"), ("INSPECTED_BY", ".", "inspector")]


def test_a_kind_file_is_registered_from_its_path(registry, tmp_path):
    p = tmp_path / "inspection.toml"
    p.write_text(INSPECTION, encoding="utf-8")
    assert [k.name for k in registry.register(p)] == ["inspection"]
    assert registry.get("inspection").source == str(p)


@pytest.mark.parametrize("change, message", [
    (lambda d: d["kinds"]["inspection"].update(key=["doc", "site"]), "kind 'inspection': key: no field 'site'"),
    (lambda d: d["kinds"]["inspection"]["fields"].update(site={"type": "building"}),
     "kind 'inspection': field 'site': type 'building' is neither"),
    (lambda d: d["kinds"]["inspection"].update(colour="red"), "kind 'inspection': the kind: unknown entry colour"),
    (lambda d: d["kinds"]["inspection"]["graph"]["edges"][0].update(to="text"),
     "kind 'inspection': edge INSPECTS: to 'text' is not"),
    (lambda d: d["kinds"]["inspection"]["rdf"].update(**{"class": ["Inspection"]}), "kind 'inspection': rdf.class"),
    (lambda d: d["nodes"]["inspection"].pop("style"), "node type 'inspection': style must be a table"),
    (lambda d: d.update(kinds={"post": d["kinds"]["inspection"]}), "kind 'post': already declared (in kinds.toml)"),
])
def test_a_wrong_declaration_names_the_file_and_the_kind(registry, change, message):
    d = tomllib.loads(INSPECTION)
    change(d)
    with pytest.raises(InputError) as e:
        registry.register(d, source="mine.toml")
    assert str(e.value).startswith("mine.toml: ") and message in str(e.value)
    assert "inspection" not in registry.KINDS and "inspection" not in registry.NODES  # nothing half-added


def test_an_unreadable_kind_file_names_the_file(registry, tmp_path):
    p = tmp_path / "bad.toml"
    p.write_text("[kinds.x\n", encoding="utf-8")
    with pytest.raises(InputError, match="bad.toml: cannot read the kind declarations"):
        registry.register(p)


def test_the_example_of_the_facts_format_registers(registry):
    import re

    text = (ROOT / "docs" / "facts-format.md").read_text(encoding="utf-8")
    (kind,) = registry.register(tomllib.loads(re.search(r"```toml\n(.*?)```", text, re.S).group(1)), source="doc")
    assert kind.name == "inspection" and [e.type for e in kind.graph.edges] == ["INSPECTS", "IN_NOTICE"]
    assert validate_fact({"kind": "inspection", "doc": "d", "unit": "u", "text": "t"}) == []
