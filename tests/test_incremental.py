"""Adding notices to a store gives the store a fresh build of them all would: the same
quads (notice graphs, unit catalogue, stored answers, first/last seen, quad count), on the
sample and the real notices.  Generation names differ (the incremental store has one more);
nothing else does."""

from __future__ import annotations

import gzip
from pathlib import Path

import pytest

from govgraph import api, queries
from govgraph.graph.rdf_build import Writer
from govgraph.graph.rdf_generations import read_mentions
from govgraph.graph.rdf_store import Store
from govgraph.graph.rdf_terms import ANSWERS_GRAPH, CATALOGUE_GRAPH, PREFIXES, SEEN_GRAPH
from govgraph.loaders.splitting import HEADER_RE

ROOT = Path(__file__).resolve().parents[1]
SAMPLE = ROOT / "data" / "000_69f8c657212cfd7a.txt"
REAL = sorted((ROOT / "data" / "real" / "notices").glob("*.txt"))


@pytest.fixture(scope="module")
def parts(tmp_path_factory) -> dict:
    """The sample cut in two halves, with real notices: A (read first) and B (added)."""
    d = tmp_path_factory.mktemp("parts")
    text = SAMPLE.read_text(encoding="utf-8")
    heads = list(HEADER_RE.finditer(text))
    cut = heads[len(heads) // 2].start()
    (d / "a.txt").write_text(text[:cut], encoding="utf-8")
    (d / "b.txt").write_text(text[cut:], encoding="utf-8")
    return {"dir": d, "A": [d / "a.txt", *REAL[:40]], "B": [d / "b.txt", *REAL[40:70]]}


@pytest.fixture(scope="module", autouse=True)
def small_pages():
    """The stored answers of this module's builds in pages of 1 kB (``Writer.PAGE_BYTES``), so
    that the larger ones span many, written (and flushed) every 16 kB of pages
    (``Writer.ANSWER_WRITE_BYTES``), so that every build flushes many times."""
    with pytest.MonkeyPatch.context() as mp:
        mp.setattr(Writer, "PAGE_BYTES", 1024)
        mp.setattr(Writer, "ANSWER_WRITE_BYTES", 16 * 1024)
        yield


@pytest.fixture(scope="module")
def stores(parts) -> dict:
    d = parts["dir"]
    fresh = api.build(parts["A"] + parts["B"], d / "fresh")
    api.build(parts["A"], d / "inc")
    added = api.build(parts["B"], d / "inc")
    return {"fresh": fresh, "added": added, "inc": d / "inc", "fresh_path": d / "fresh"}


def _same(a: Path, b: Path) -> None:
    qa, qb = Store.open(a).nquads(), Store.open(b).nquads()
    assert len(qa) == len(qb)
    assert set(qa) ^ set(qb) == set()


def test_adding_notices_equals_a_fresh_build(stores):
    rep = stores["added"].report
    assert len(rep.added) > 30 and not rep.replaced
    _same(stores["inc"], stores["fresh_path"])  # quads, catalogue, answers, first/last seen
    inc, fresh = Store.open(stores["inc"]), Store.open(stores["fresh_path"])
    assert inc.seen() == fresh.seen() and inc.seen()
    for q in ("unit-load", "group-interlocks", "deadlines"):  # the stored answers
        assert queries.run(inc, q).rows == queries.run(fresh, q).rows == queries.run(inc, q, live=True).rows
    pages = [int(r[0].value) for r in inc.ox.query(
        "SELECT (COUNT(?p) AS ?n) WHERE { GRAPH <" + str(ANSWERS_GRAPH) + "> { ?a gg:page ?p } } GROUP BY ?a",
        prefixes=PREFIXES)]
    assert max(pages) > 3  # read back from many pages, in order
    assert queries.run(inc, "unit-load").rows
    assert len(inc) == len(fresh) == stores["fresh"].report.quads
    # the counts the builds kept (the first/last seen graph's followed through the added notices) are the quads
    assert len(inc) == inc._count("GRAPH ?g { ?s ?p ?o }") and inc._stored_count(SEEN_GRAPH) is not None


def test_a_catalogue_change_rewrites_only_the_notices_it_touches(stores):
    """B makes some names resolve otherwise (a unit's most used name changes): the stored
    notices that use them are written again, the others are not read."""
    rep = stores["added"].report
    assert rep.catalogue_changed and rep.refreshed
    assert len(rep.refreshed) < len(rep.unchanged) + 40  # far from every stored notice


def test_replacing_a_notice_equals_a_fresh_build(parts, stores, tmp_path):
    """A notice of B with another text: built again into the store, the same as a fresh
    build of A and B with that text (the notice keeps its place in the reading order)."""
    changed = tmp_path / REAL[45].name
    text = REAL[45].read_text(encoding="utf-8")
    changed.write_text(text.replace("。", "。\n", 1) + "\n附件：无\n", encoding="utf-8")
    import shutil

    inc = tmp_path / "inc"
    shutil.copytree(stores["inc"], inc)
    rep = api.build([changed], inc).report
    assert len(rep.replaced) == 1 and not rep.added
    fresh = tmp_path / "fresh"
    api.build(parts["A"] + [changed if p == REAL[45] else p for p in parts["B"]], fresh)
    _same(inc, fresh)


def test_a_store_without_mentions_merges_the_catalogue(parts, tmp_path):
    """A store written before the unit mentions were kept: the input's catalogue is merged
    into the stored one (the behaviour before), and no mentions file is written."""
    s = tmp_path / "old"
    api.build(parts["A"][:1], s)
    for f in s.glob("gen-*.mentions.jsonl.gz"):
        f.unlink()
    rep = api.build(parts["B"][:1], s).report
    assert rep.added and not list(s.glob("gen-*.mentions.jsonl.gz"))


def test_the_mentions_file_lists_every_notice(stores):
    live = (stores["inc"] / "CURRENT").read_text().strip()
    with gzip.open(stores["inc"] / f"{live}.mentions.jsonl.gz", "rt", encoding="utf-8") as fh:
        docs = [line.split('"', 2)[1] for line in fh]
    assert len(docs) == len(set(docs)) == len(Store.open(stores["inc"]).notices())


def _stored_answers(store: Store) -> dict:
    """Every answer stored in ``store``: ``{(question, key): its rows as JSON}`` (read from its
    pages); every page holds at most ``Writer.PAGE_BYTES`` of JSON."""
    import json

    rows = {}
    for r in store.ox.query("SELECT ?q ?k WHERE { GRAPH <" + str(ANSWERS_GRAPH) + "> { "
                            "?a gg:question ?q ; gg:params ?k } }", prefixes=PREFIXES):
        rows[(r[0].value, r[1].value)] = json.dumps(store.answer(r[0].value, r[1].value), ensure_ascii=False,
                                                    separators=(",", ":"))
    for r in store.ox.query("SELECT ?rows WHERE { GRAPH <" + str(ANSWERS_GRAPH) + "> { ?p gg:rows ?rows } }",
                            prefixes=PREFIXES):
        assert len(r[0].value.encode("utf-8")) <= Writer.PAGE_BYTES
    return rows


def _evaluated(store: Store) -> dict:
    """Every answer a full evaluation on ``store`` gives, ``{(question, key): its rows as
    JSON}``, an answer made of others (``Parts``) as their rows one after another, one of
    another's columns (``Columns``) as its rows with those columns."""
    import json

    from govgraph.graph.rdf_build import Columns, Parts

    out, parts, columns = {}, {}, {}
    for q, k, rows in queries.materialised_answers(store):
        if isinstance(rows, Parts):
            parts[(q, k)] = rows
        elif isinstance(rows, Columns):
            columns[(q, k)] = rows
        else:
            out[(q, k)] = list(rows)
    for (q, k), c in columns.items():
        out[(q, k)] = [{col: r[col] for col in c.columns} for r in out[(q, c.key)]]
        assert len(out[(q, k)]) == c.count
    for (q, k), p in parts.items():
        out[(q, k)] = [r for part in p.keys for r in out[(q, part)]]
        assert len(out[(q, k)]) == p.count
    return {qk: json.dumps(rows, ensure_ascii=False, separators=(",", ":")) for qk, rows in out.items()}


def test_a_small_build_updates_the_stored_answers(stores, tmp_path, monkeypatch):
    """A build that writes a few graphs updates the stored answers (only the rows of the units,
    members and notices those graphs touch are evaluated), and they are the answers evaluated
    again on the whole store, row for row: a notice loses its tasks and group memberships
    (rows of unit-load, group-interlocks and deadlines go, months too) and a unit name the
    catalogue now resolves to another unit (its notices re-resolved: its row goes, another comes)."""
    import json
    import shutil

    from govgraph.queries import maintain

    summed = []

    def counted(store, before, q, args, old, graphs, keys):
        new, left = _summed(store, before, q, args, old, graphs, keys)
        summed.append((q.name, len(keys), len(left), len(new)))
        return new, left

    _summed = maintain._summed
    monkeypatch.setattr(maintain, "_summed", counted)
    path = tmp_path / "inc"
    shutil.copytree(stores["inc"], path)
    store = Store.open(path)
    before = _stored_answers(store)
    # a notice with tasks due, the only one to put some member of two groups in one of them
    docs = {r[0].value for r in store.ox.query(
        "SELECT ?doc WHERE { ?t gg:dueDate ?d ; prov:hadPrimarySource ?n . ?n dcterms:identifier ?doc . "
        "?ms a gg:GroupMembership ; org:member ?m ; org:organization ?g ; prov:hadPrimarySource ?n . "
        "?ms2 a gg:GroupMembership ; org:member ?m ; org:organization ?g2 FILTER(?g2 != ?g) "
        "FILTER NOT EXISTS { ?ms3 org:member ?m ; org:organization ?g ; prov:hadPrimarySource ?n3 "
        "FILTER(?n3 != ?n) } }", prefixes=PREFIXES)}
    doc = sorted(docs)[0]
    notice, facts = store.notice_facts(doc)
    kept = [f for f in facts if f["kind"] not in ("task", "membership")]
    # an alias some notice writes, of a unit with tasks, claimed by a new unit (whose name comes
    # first: it wins the alias), so that the notices writing it resolve it otherwise
    live = (path / "CURRENT").read_text().strip()
    written = {name for ms in read_mentions(path, live).values() for _, name in ms}
    alias, place = next((r[0].value, r[1].value if r[1] else None) for r in store.ox.query(
        "SELECT DISTINCT ?a ?pl WHERE { ?x gg:assignee ?u . ?u skos:altLabel ?a "
        "OPTIONAL { ?u gg:inPlace/skos:prefLabel ?pl } } ORDER BY ?a", prefixes=PREFIXES)
        if r[0].value in written)
    unit = {"kind": "unit", "name": "0新单位", "aliases": ["0新单位", alias], "parent": None,
            "unit_type": "other", **({"place": place} if place else {})}
    told = []

    def answers(view, live, graphs):
        told.append(graphs)
        return queries.materialised_answers(view, live, graphs)

    rep = store.build([*kept, unit], [notice], answers=answers)
    assert rep.replaced == [doc] and rep.catalogue_changed and rep.refreshed
    assert told[0] is not None and 0 < len(told[0]) < 10  # the update, not a full evaluation
    after = _stored_answers(store)
    full = _evaluated(store)
    assert after == full  # byte for byte, no answer missing or left over
    for q in ("unit-load", "group-interlocks", "deadlines"):
        key = next(k for qq, k in after if qq == q and "place_column" in k and "month" not in k)
        gone = {r for r in map(json.dumps, json.loads(before[(q, key)]))} - set(map(json.dumps, json.loads(after[(q, key)])))
        assert gone, q  # a row went
    assert any(json.loads(k).get("month") for _, k in after)  # deadlines per month
    assert not any(r["doc"] == doc for r in json.loads(after[("deadlines", key)]))
    assert any(r["unit"] == "0新单位" for r in queries.run(store, "unit-load").rows)
    # unit-load's rows of most units it touched: their stored counts, minus those of the
    # replaced notice's graph before, plus after (``update.sums``), not evaluated on the store
    (name, keys, left, new), = summed
    assert name == "unit-load" and left < keys / 2 and new


def test_the_stored_catalogue_is_made_again_from_the_stored_mentions(stores):
    """A build that resolves the catalogue again knows the stored one's triples without
    reading them (``Writer.put`` diffs the two in Python): the same resolve of the stored
    notices' mentions gives the stored catalogue graph, triple for triple."""
    from govgraph.build import _resolve
    from govgraph.graph.rdf_build import _stored_catalogue, _stored_hash
    from govgraph.graph.rdf_terms import CATALOGUE_GRAPH
    import pyoxigraph as ox

    path = stores["inc"]
    store = Store.open(path)
    live = (path / "CURRENT").read_text().strip()
    cat, triples = _stored_catalogue(read_mentions(path, live), _resolve,
                                     _stored_hash(store, str(CATALOGUE_GRAPH)))
    assert cat is not None and len(cat.units) > 20
    g = ox.NamedNode(str(CATALOGUE_GRAPH))
    stored = {f"{q.subject} {q.predicate} {q.object}" for q in store.ox.quads_for_pattern(None, None, None, g)}
    assert stored == {f"{s} {p} {o}" for s, p, o in triples}
    assert _stored_catalogue(read_mentions(path, live), _resolve, "0" * 64) == (None, None)  # not the stored one


def test_each_notice_graph_states_the_units_it_mentions(stores):
    """The catalogue graph lists no notices: each notice graph states ``unit gg:mentionedIn
    doc`` of the units it mentions (its own number only), and the units read back list the
    notices the resolved catalogue gives them."""
    from govgraph.build import _resolve
    from govgraph.graph.rdf_build import _listed

    path = stores["fresh_path"]
    store = Store.open(path)
    assert not store.ox.query(f"ASK {{ GRAPH <{CATALOGUE_GRAPH}> {{ ?u gg:mentionedIn ?d }} }}", prefixes=PREFIXES)
    assert not store.ox.query("ASK { GRAPH ?g { ?u gg:mentionedIn ?d . ?g dcterms:identifier ?n } FILTER(?d != ?n) }",
                              prefixes=PREFIXES)
    resolved = {(u["name"], u.get("place")): u["docs"]
                for u in _resolve(_listed(read_mentions(path, (path / "CURRENT").read_text().strip())))}
    read = {(u["name"], u.get("place")): u.get("docs") for u in store.units()}
    assert read == resolved and sum(map(len, read.values())) > 500


def test_a_notice_naming_known_units_leaves_the_catalogue_as_it_was(stores, parts, tmp_path):
    """A notice added under another number, naming units the store knows as it resolves them,
    changes no unit: the catalogue graph is not written and no stored notice is read again;
    the store is a fresh build's of them all."""
    import shutil

    again = tmp_path / "again.txt"
    text = REAL[0].read_text(encoding="utf-8")
    number = text.splitlines()[0]
    again.write_text(text.replace(number, number.replace("89号", "989号"), 1), encoding="utf-8")
    inc = tmp_path / "inc"
    shutil.copytree(stores["inc"], inc)
    rep = api.build([again], inc).report
    assert len(rep.added) == 1 and not rep.catalogue_changed and not rep.refreshed
    fresh = tmp_path / "fresh"
    api.build(parts["A"] + parts["B"] + [again], fresh)
    _same(inc, fresh)


def test_a_store_whose_catalogue_lists_the_notices_is_written_again(stores, parts, tmp_path):
    """A store written when the catalogue graph stated which notices mention a unit (made here
    by moving those triples there from the notice graphs; every graph's content hash changes) has
    every stored notice written again by the next build, once: the fresh build's store."""
    import gc
    import shutil

    import pyoxigraph as ox

    old = tmp_path / "old"
    shutil.copytree(stores["fresh_path"], old)
    db = ox.Store(str(old / (old / "CURRENT").read_text(encoding="utf-8").strip()))
    db.update("""
        DELETE { GRAPH ?g { ?u gg:mentionedIn ?d } } INSERT { GRAPH <%s> { ?u gg:mentionedIn ?d } }
        WHERE { GRAPH ?g { ?u gg:mentionedIn ?d } } ;
        DELETE { GRAPH ?g { ?g gg:contentHash ?h } ?g gg:contentHash ?h }
        INSERT { GRAPH ?g { ?g gg:contentHash "as written then" } ?g gg:contentHash "as written then" }
        WHERE { GRAPH ?g { ?g gg:contentHash ?h } }""" % CATALOGUE_GRAPH, prefixes=PREFIXES)
    db.flush()
    del db
    gc.collect()
    assert Store.open(old).units() == Store.open(stores["fresh_path"]).units()  # read from the union either way
    rep = api.build(parts["B"][:1], old).report
    assert rep.catalogue_changed and len(rep.refreshed) + len(rep.replaced) == len(Store.open(old).notices())
    _same(old, stores["fresh_path"])


def test_added_notices_are_appended_to_the_mentions_file(stores):
    """A build that only adds notices copies the stored mentions file and appends theirs (a
    gzip member of its own): read back, the mentions of a fresh build of them all."""
    path = stores["inc"]
    gens = sorted(p.name.split(".")[0] for p in path.glob("gen-*.mentions.jsonl.gz"))
    previous, live = gens[-2], (path / "CURRENT").read_text().strip()
    assert live == gens[-1]
    before = (path / f"{previous}.mentions.jsonl.gz").read_bytes()
    assert (path / f"{live}.mentions.jsonl.gz").read_bytes().startswith(before)
    fresh = stores["fresh_path"]
    assert read_mentions(path, live) == read_mentions(fresh, (fresh / "CURRENT").read_text().strip())
    assert list(read_mentions(path, live)) == list(read_mentions(fresh, (fresh / "CURRENT").read_text().strip()))


def test_an_updated_answer_keeps_the_pages_its_new_rows_leave_as_they_were(stores, tmp_path):
    """A task due on the last due date of the month with the most deadlines, of a notice whose
    number sorts after every other, adds its rows at the end of that month's answer: the update
    writes only its last page again (``Writer._answer_update``); the answer of every month is
    made of the months' answers (``Parts``) and the month's answer without the place column is
    its rows with their place (``Columns``): neither writes a page; every stored answer is still
    the one a full evaluation gives, byte for byte."""
    import json
    import shutil
    from collections import Counter

    from govgraph.graph.rdf_terms import answer_iri
    from govgraph.notice import Notice
    from govgraph.queries.execute import answer_key, place_key

    path = tmp_path / "inc"
    shutil.copytree(stores["inc"], path)
    store = Store.open(path)
    rows = store.answer("deadlines", answer_key({}))
    month = Counter(r["due"][:7] for r in rows).most_common(1)[0][0]
    due = max(r["due"] for r in rows if r["due"].startswith(month))
    doc = "𪚥〔2099〕1号"  # after every other number (a code point outside the BMP)
    task = {"kind": "task", "doc": doc, "ref": "1", "text": "完成最后的任务", "lead": [],
            "responsible": ["晴川街"], "due": due, "place": "武汉市汉阳区"}
    written = {}  # answer node -> the number of the first page written
    update = Writer._answer_triples

    def spy(self, batch, node, about, rows, first=0, counted=0):
        written[node.value] = first
        return update(self, batch, node, about, rows, first=first, counted=counted)

    with pytest.MonkeyPatch.context() as mp:
        mp.setattr(Writer, "_answer_triples", spy)
        rep = store.build([task], [Notice(doc=doc, text="完成最后的任务。", date="2099-01-01")],
                          answers=queries.materialised_answers)
    assert rep.added == [doc]
    assert written[answer_iri("deadlines", place_key({"month": month}))] > 1  # the pages before the last stayed
    # made of the months' answers, or the rows with their place without it: no page
    for key in (answer_key({}), place_key({}), answer_key({"month": month})):
        assert answer_iri("deadlines", key) not in written
    pages = _stored_answers(store)
    assert pages == _evaluated(store)
    assert json.loads(pages[("deadlines", answer_key({"month": month}))])[-1]["doc"] == doc
    assert [r["due"][:7] for r in json.loads(pages[("deadlines", answer_key({}))])] == sorted(r["due"][:7] for r in rows + [task])


def test_a_store_written_before_role_memberships_is_written_again(stores, parts, tmp_path):
    """A store whose group memberships are not also stated by their role's sub-property of
    ``org:memberOf`` (``rdf_write.role_membership``; written before them, made here by
    deleting them and changing their graphs' content hashes) has every stored notice written
    again by the next build, which gives the fresh build's store; person-network, which reads
    those triples, gives its rows again."""
    import gc
    import shutil

    import pyoxigraph as ox

    old = tmp_path / "old"
    shutil.copytree(stores["fresh_path"], old)
    db = ox.Store(str(old / (old / "CURRENT").read_text(encoding="utf-8").strip()))
    named = sum(not isinstance(q.graph_name, ox.DefaultGraph) for q in db)
    db.update("""
        DELETE { GRAPH ?g { ?m ?rm ?x } } WHERE { ?rm gg:memberRole ?r . GRAPH ?g { ?m ?rm ?x } } ;
        DELETE { ?m ?rm ?x } WHERE { ?rm gg:memberRole ?r . ?m ?rm ?x } ;
        DELETE { GRAPH ?g { ?rm ?p ?o } } WHERE { GRAPH ?g { ?rm gg:memberRole ?r ; ?p ?o } } ;
        DELETE { ?rm ?p ?o } WHERE { ?rm gg:memberRole ?r ; ?p ?o } ;
        DELETE { GRAPH ?g { ?g gg:contentHash ?h } ?g gg:contentHash ?h }
        INSERT { GRAPH ?g { ?g gg:contentHash "of the graph without them" } ?g gg:contentHash "of the graph without them" }
        WHERE { GRAPH ?g { ?g gg:contentHash ?h } FILTER(?g != <%s>) }""" % CATALOGUE_GRAPH, prefixes=PREFIXES)
    gone = named - sum(not isinstance(q.graph_name, ox.DefaultGraph) for q in db)
    db.update(f"""DELETE {{ GRAPH ?a {{ ?a gg:quadCount ?n }} ?a gg:quadCount ?n }}
        INSERT {{ GRAPH ?a {{ ?a gg:quadCount ?m }} ?a gg:quadCount ?m }}
        WHERE {{ GRAPH ?a {{ ?a gg:quadCount ?n }} BIND(?n - {gone} AS ?m) }}""", prefixes=PREFIXES)
    db.flush()
    del db
    gc.collect()
    fresh = Store.open(stores["fresh_path"])
    person = next(r for r in fresh.facts() if r["kind"] == "membership" and r["member_type"] == "person")
    ask = {"person": person["member"], "place": person.get("person_place") or person.get("place")}
    want = queries.run(fresh, "person-network", **{k: v for k, v in ask.items() if v}).rows
    assert any(r["section"] == "colleague" for r in want)
    assert queries.run(Store.open(old), "person-network", **{k: v for k, v in ask.items() if v}).rows != want
    rep = api.build(parts["B"][:1], old).report
    assert len(rep.refreshed) + len(rep.replaced) == len(fresh.notices())
    _same(old, stores["fresh_path"])
    assert queries.run(Store.open(old), "person-network", **{k: v for k, v in ask.items() if v}).rows == want


def test_stored_rows_name_their_key_nodes(stores):
    """unit-load's and group-interlocks' stored rows (``update.columns``) each name their key's
    node (``ROW_KEY``), so that a build finds a node's rows by it: the rows a set of keys has in
    the stored answer are those the question restricted to them gives, row for row, nodes too;
    and the answers shown do not have that column."""
    from collections import Counter

    from govgraph.queries import maintain
    from govgraph.queries.execute import evaluate
    from govgraph.queries.parameters import arguments, bind
    from govgraph.queries.questions import ROW_KEY, get

    store = Store.open(stores["inc"])
    graphs = [g.value for g in store._notice_graphs()]
    for name in ("unit-load", "group-interlocks"):
        q = get(name)
        bindings = bind(store, q, {})[0]
        old = store.answer(q.name, maintain._full_key(q, bindings))
        assert old and all(r[ROW_KEY].startswith("http") for r in old)
        keys = sorted(maintain._keys(store, q, graphs))
        for part in (keys, keys[::7], keys[:3]):
            nodes = {k[1:-1] for k in part}
            found = Counter(maintain._row_id(r) for r in old if r[ROW_KEY] in nodes)
            rows = evaluate(store, q, arguments(q, bindings), text=q.restricted(part), keyed=True)
            assert found == Counter(map(maintain._row_id, rows)) and (rows or part is not keys)
        shown = queries.run(store, name, with_place=True).rows
        assert len(shown) == len(old) and not any(ROW_KEY in r for r in shown)


@pytest.mark.parametrize("bad", ['per_notice = "unit"', 'per_notice = "nothing"'])
def test_rows_added_up_over_notices_must_count_facts_of_one_notice(monkeypatch, bad):
    """``update.sums`` is only declared for counts of facts whose key holds their notice (a
    unit's facts come from many notices) and with every other column a count."""
    from govgraph.errors import QueryError
    from govgraph.queries import questions

    read = questions.read
    text = read("catalogue.toml")
    assert 'per_notice = "task"' in text
    for wrong, match in ((text.replace('per_notice = "task"', bad), "per_notice"),
                         (text.replace('sums = ["led", "responsible", "total"]', 'sums = ["led", "total"]'), "sums")):
        monkeypatch.setattr(questions, "read", lambda name, t=wrong: t if name == "catalogue.toml" else read(name))
        with pytest.raises(QueryError, match=match):
            questions.load.__wrapped__()


def test_a_small_build_failing_in_its_answers_leaves_the_store_as_it_was(stores, tmp_path, monkeypatch):
    """After a small build the first/last-seen look-ups run in a thread beside the stored answers
    (``Writer.finish``): when the answers fail, the build fails with their error once that thread
    is done, and the store keeps its live generation, quads and first/last seen; the next build works."""
    import dataclasses
    import shutil
    import threading

    path = tmp_path / "inc"
    shutil.copytree(stores["inc"], path)
    store = Store.open(path)
    live, quads, seen = (path / "CURRENT").read_text(), set(store.nquads()), store.seen()
    gens = sorted(p.name for p in path.iterdir() if p.name.startswith("gen-") and p.is_dir())
    threads = []
    spans = Writer._spans

    def traced(self, keyed=True):
        threads.append((threading.current_thread().name, keyed))
        return spans(self, keyed)

    monkeypatch.setattr(Writer, "_spans", traced)
    doc = sorted(n.doc for n in store.notices())[0]
    notice, facts = store.notice_facts(doc)
    notice = dataclasses.replace(notice, text=notice.text + "\n(补正)")  # the notice replaced

    def broken(view, live_store, graphs):
        raise RuntimeError("answers failed")

    with pytest.raises(RuntimeError, match="answers failed"):
        store.build(facts, [notice], answers=broken)
    assert threads == [(threads[0][0], True)] and threads[0][0].startswith("govgraph-load")  # beside them
    store = Store.open(path)
    assert (path / "CURRENT").read_text() == live
    assert set(store.nquads()) == quads and store.seen() == seen
    left = sorted(p.name for p in path.iterdir() if p.name.startswith("gen-") and p.is_dir())
    assert left == gens, [(g, sorted(x.name for x in (path / g).iterdir())) for g in left if g not in gens]  # no new one
    rep = store.build(facts, [notice], answers=queries.materialised_answers)
    assert rep.replaced == [doc]


def _seen_graph(store) -> set:
    import pyoxigraph as ox

    g = ox.NamedNode(str(SEEN_GRAPH))
    return {(q.subject, q.predicate, q.object) for q in store.ox.quads_for_pattern(None, None, None, g)}


def _restating_build(store, monkeypatch) -> list:
    """A build of two notices into ``store``: a stored notice with another text and a fact less,
    and a new one, dated after every other, restating another stored notice's facts (so that
    facts of graphs it does not write get a later last seen).  Returns how ``Writer._spans`` was called (``keyed``)."""
    import dataclasses

    calls = []
    spans = Writer._spans

    def traced(self, keyed=True):
        calls.append(keyed)
        return spans(self, keyed)

    monkeypatch.setattr(Writer, "_spans", traced)
    # the two notices with most facts other notices state too (some before them, some after)
    doc, other = [r[0].value for r in store.ox.query(
        "SELECT ?doc (COUNT(?f) AS ?n) WHERE { ?f prov:hadPrimarySource ?s ; gg:firstSeen ?a ; gg:lastSeen ?b "
        "FILTER(?a != ?b) ?s dcterms:identifier ?doc } GROUP BY ?doc ORDER BY DESC(?n) ?doc LIMIT 2", prefixes=PREFIXES)]
    notice, facts = store.notice_facts(doc)
    replaced = dataclasses.replace(notice, text=notice.text + "\n(补正)")
    dropped = next(i for i, f in enumerate(facts) if f["kind"] in ("post", "membership", "task"))  # its key goes
    notice2, facts2 = store.notice_facts(other)  # restated: keys of graphs the build does not write
    again = dataclasses.replace(notice2, doc="测试〔2099〕1号", date="2099-01-01", text=notice2.text + "\n(重申)")
    rep = store.build(facts[:dropped] + facts[dropped + 1:] + [f | {"doc": again.doc} for f in facts2 if f.get("doc") == other],
                      [replaced, again], answers=queries.materialised_answers)
    assert rep.replaced == [doc] and rep.added == [again.doc]
    return calls


def test_a_small_builds_first_and_last_seen_are_the_whole_stores(stores, tmp_path, monkeypatch):
    """A build that writes a few graphs looks up only the facts sharing an identity key with
    theirs (``seen_triples`` with ``graphs``): the seen graph after it is the one computed over
    the whole store, keys included, and a restated fact's last seen moved in other graphs too."""
    import shutil

    from govgraph.graph.rdf_build import seen_triples

    path = tmp_path / "inc"
    shutil.copytree(stores["inc"], path)
    store = Store.open(path)
    before = store.seen()
    assert _restating_build(store, monkeypatch) == [True]
    store = Store.open(path)
    assert _seen_graph(store) == set(seen_triples(store.ox)[0])
    after = store.seen()
    moved = [f for f, s in before.items() if f in after and after[f] != s]
    assert moved and all(after[f]["last_seen"] == "2099-01-01" for f in moved)


def test_a_store_without_identity_keys_gets_them_all_at_its_next_build(stores, tmp_path, monkeypatch):
    """A store written before the facts' identity keys were kept: its next build adds every
    fact's key (streamed from the store, its first and last seen kept), then looks up the
    identities its graphs touch by their keys: the seen graph after it is the whole store's."""
    import shutil

    import pyoxigraph as ox

    from govgraph.graph.rdf_build import seen_triples

    path = tmp_path / "old"
    shutil.copytree(stores["inc"], path)
    live = (path / "CURRENT").read_text().strip()
    db = ox.Store(str(path / live))
    db.update("DELETE WHERE { GRAPH ?g { ?f <https://govgraph.dev/ontology#identityKey> ?k } }")
    db.update("DELETE WHERE { ?f <https://govgraph.dev/ontology#identityKey> ?k }")
    db.flush()
    del db
    store = Store.open(path)
    assert not any("identityKey" in str(t[1]) for t in _seen_graph(store))
    assert _restating_build(store, monkeypatch) == [True]
    store = Store.open(path)
    seen = _seen_graph(store)
    assert seen == set(seen_triples(store.ox)[0]) and any("identityKey" in str(t[1]) for t in seen)
