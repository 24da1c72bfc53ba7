// name: group-interlocks
// question: Which people and units sit in two or more groups (领导小组, 委员会 ...), and which?
// params: min_groups (int, default 2)
// columns: member, member_type, n_groups, groups
// place: the member's place, an extra column (`with_place`; "" when the store has no places)
//   member = person name or canonical unit name; member_type = person | unit | group;
//   n_groups = distinct groups; groups = their names in sorted order joined by "、".
// order: n_groups DESC, member ASC, member_type ASC
MATCH (m)-[:MEMBER_OF]->(g:Group)
WITH DISTINCT m, g
ORDER BY g.name
WITH m, collect(g.name) AS names
WHERE size(names) >= $min_groups
RETURN m.name AS member,
       CASE WHEN m:Person THEN 'person' WHEN m:Group THEN 'group' ELSE 'unit' END AS member_type,
       size(names) AS n_groups,
       reduce(s = head(names), x IN tail(names) | s + '、' + x) AS groups, coalesce(m.place, '') AS place
ORDER BY n_groups DESC, member, member_type, place
