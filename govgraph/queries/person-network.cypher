// name: person-network
// question: Who and what is around this person: the groups they sit in, their fellow members
//           (people and units), and the units where they hold posts?
// params: person (person name, required)
// columns: section, item, detail, via, doc  (missing values are "")
//   group        item = group, detail = the person's role, doc
//   colleague    item = a fellow member who is a person, detail = their role, via = group, doc
//   member-unit  item = a fellow member that is a unit (or group), detail = its role, via = group, doc
//   post         item = unit, detail = title, doc
// order: section, item, detail, via, doc
MATCH (p:Person {name: $person})
WHERE ($person_place IS NULL OR p.place = $person_place) AND coalesce(p.variant, '') = coalesce($person_variant, '')
CALL (p) {
  MATCH (p)-[m:MEMBER_OF]->(g:Group)
  RETURN 'group' AS section, g.name AS item, m.role AS detail, '' AS via, m.doc AS doc
  UNION
  MATCH (p)-[:MEMBER_OF]->(g:Group)<-[m:MEMBER_OF]-(o)
  WHERE o <> p
  RETURN CASE WHEN o:Person THEN 'colleague' ELSE 'member-unit' END AS section, o.name AS item,
         m.role AS detail, g.name AS via, m.doc AS doc
  UNION
  MATCH (p)-[h:HOLDS]->(post:Post)-[:POST_IN]->(u:Unit)
  RETURN 'post' AS section, u.name AS item, post.title AS detail, '' AS via, h.doc AS doc
}
RETURN DISTINCT section, item, coalesce(detail, '') AS detail, coalesce(via, '') AS via,
       coalesce(doc, '') AS doc
ORDER BY section, item, detail, via, doc
