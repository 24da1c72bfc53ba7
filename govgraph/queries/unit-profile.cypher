// name: unit-profile
// question: What do we know about this unit: names, place in the hierarchy, posts and
//           holders, groups it sits in (directly or through its officials), tasks?
// params: unit (unit name or alias, required)
// columns: section, item, detail, via, doc  (one row per item; missing values are "")
//   alias          item = another name of the unit
//   parent         item = the unit it belongs to (SUB_UNIT_OF)
//   sub-unit       item = a unit that belongs to it
//   in-collective  item = a collective (各街办事处 ...) that stands for it
//   member-unit    item = a unit this collective stands for
//   post           item = title, detail = holder, doc
//   group          item = group, detail = role, via = "" (the unit itself) or the official
//                  (a holder of one of its posts) who sits in the group, doc
//   office-of      item = a group whose office sits in the unit
//   task           item = task text, detail = lead | responsible, via = "" or the collective
//                  it was assigned through, doc
// order: section, item, detail, via, doc
// twin of unit-profile.rq: like the RDF store (where groups are organisations too), every
// Unit or Group node carrying the name counts.
MATCH (u)
WHERE (u:Unit OR u:Group) AND u.name = $unit AND ($unit_place IS NULL OR u.place = $unit_place)
CALL (u) {
  UNWIND [a IN coalesce(u.aliases, []) WHERE a <> u.name] AS i
  RETURN 'alias' AS section, i AS item, '' AS detail, '' AS via, '' AS doc
  UNION
  MATCH (u)-[:SUB_UNIT_OF]->(x:Unit)
  RETURN 'parent' AS section, x.name AS item, '' AS detail, '' AS via, '' AS doc
  UNION
  MATCH (x:Unit)-[:SUB_UNIT_OF]->(u)
  RETURN 'sub-unit' AS section, x.name AS item, '' AS detail, '' AS via, '' AS doc
  UNION
  MATCH (u)-[m:MEMBER_UNIT_OF]->(x:Unit)
  WHERE coalesce(m.former, false) = false
  RETURN 'in-collective' AS section, x.name AS item, '' AS detail, '' AS via, '' AS doc
  UNION
  MATCH (x:Unit)-[m:MEMBER_UNIT_OF]->(u)
  WHERE coalesce(m.former, false) = false
  RETURN 'member-unit' AS section, x.name AS item, '' AS detail, '' AS via, '' AS doc
  UNION
  MATCH (u)<-[:POST_IN]-(post:Post)<-[h:HOLDS]-(p:Person)
  RETURN 'post' AS section, post.title AS item, p.name AS detail, '' AS via, h.doc AS doc
  UNION
  MATCH (u)-[m:MEMBER_OF]->(g:Group)
  RETURN 'group' AS section, g.name AS item, m.role AS detail, '' AS via, m.doc AS doc
  UNION
  MATCH (u)<-[:POST_IN]-(:Post)<-[:HOLDS]-(p:Person)-[m:MEMBER_OF]->(g:Group)
  RETURN 'group' AS section, g.name AS item, m.role AS detail, p.name AS via, m.doc AS doc
  UNION
  MATCH (g:Group)-[:OFFICE_IN]->(u)
  RETURN 'office-of' AS section, g.name AS item, '' AS detail, '' AS via, '' AS doc
  UNION
  MATCH (u)-[r:LEADS|RESPONSIBLE_FOR]->(t:Task)
  RETURN 'task' AS section, coalesce(t.text, '') AS item,
         CASE type(r) WHEN 'LEADS' THEN 'lead' ELSE 'responsible' END AS detail, '' AS via,
         t.doc AS doc
  UNION
  MATCH (u)-[ms:MEMBER_UNIT_OF*1..]->(c:Unit)-[r:LEADS|RESPONSIBLE_FOR]->(t:Task)
  WHERE all(m IN ms WHERE coalesce(m.former, false) = false)
  RETURN 'task' AS section, coalesce(t.text, '') AS item,
         CASE type(r) WHEN 'LEADS' THEN 'lead' ELSE 'responsible' END AS detail, c.name AS via,
         t.doc AS doc
}
RETURN DISTINCT section, item, coalesce(detail, '') AS detail, coalesce(via, '') AS via,
       coalesce(doc, '') AS doc
ORDER BY section, item, detail, via, doc
