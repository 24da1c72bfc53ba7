// name: group-members
// question: Who sits in this group (领导小组, 委员会 ...) by role, as its latest member list (or the one in force on a date) gives them, with each person's posts then?
// params: group (group name as written, required), date (ISO date, optional: the list in force then)
// columns: role, member, member_type, post, post_doc, doc, quote
//   see group-members.rq; the rows go through the same step "listed" (queries/steps.py).
// rows: one per membership and post stated up to the list's date, with post_date and pos (the
//   line's offset in the notice, -1 without evidence)
// order: role as listed (its first line), member as listed, member, member_type, post, post_doc, doc, quote
MATCH (g:Group {name: $group})
WHERE $group_place IS NULL OR g.place = $group_place
MATCH (g)<-[m0:MEMBER_OF]-()
MATCH (n0:Notice {doc: m0.doc})
WHERE $date IS NULL OR (n0.date IS NOT NULL AND n0.date <= $date)
WITH g, coalesce(n0.date, '') + '|' + n0.doc AS list
ORDER BY list DESC LIMIT 1
WITH g, split(list, '|')[0] AS day, substring(list, size(split(list, '|')[0]) + 1) AS doc
MATCH (o)-[m:MEMBER_OF]->(g)
WHERE m.doc = doc
OPTIONAL MATCH (o:Person)-[h:HOLDS]->(ps:Post), (hn:Notice {doc: h.doc})
WHERE coalesce(hn.date, '') <= day AND NOT coalesce(h.former, false)
  AND (h.end IS NULL OR h.end >= substring(day, 0, 7))
RETURN DISTINCT m.role AS role, o.name AS member,
       CASE WHEN o:Person THEN 'person' WHEN o:Group THEN 'group' ELSE 'unit' END AS member_type,
       CASE WHEN h IS NULL THEN '' ELSE ps.unit + ps.title END AS post, coalesce(h.doc, '') AS post_doc,
       CASE WHEN h IS NULL THEN '' ELSE coalesce(hn.date, '') END AS post_date,
       doc, coalesce(m.quote, '') AS quote, coalesce(m.start_offset, -1) AS pos
ORDER BY pos, role, member, member_type, post, post_doc, post_date, doc, quote
