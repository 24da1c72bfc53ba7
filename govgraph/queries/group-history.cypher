// name: group-history
// question: How did this group's membership change from one notice to the next (set up, then 关于调整…组成人员的通知): who joined, who left, whose role changed?
// params: group (group name as written, required)
// columns: date, doc, change, member, member_type, role, previous_role, previous_doc, quote
//   see group-history.rq; the rows go through the same step "changes" (queries/steps.py).
// rows: every membership of the group: date, doc, member, member_type, role, quote, pos
// order: date, doc, change (joined and role changed as listed, then left by member)
MATCH (g:Group {name: $group})
WHERE $group_place IS NULL OR g.place = $group_place
MATCH (o)-[m:MEMBER_OF]->(g)
MATCH (n:Notice {doc: m.doc})
RETURN DISTINCT coalesce(n.date, '') AS date, m.doc AS doc, o.name AS member,
       CASE WHEN o:Person THEN 'person' WHEN o:Group THEN 'group' ELSE 'unit' END AS member_type,
       m.role AS role, coalesce(m.quote, '') AS quote, coalesce(m.start_offset, -1) AS pos
ORDER BY date, doc, pos, member, member_type, role, quote
