// name: unit-load
// question: Which units carry the most tasks, as lead (牵头) and as responsible (责任) unit?
// params: top (int, optional: keep the first N rows; applied by the runner after ordering),
//         due_before (ISO date, optional), expand_collectives (bool, default false)
// columns: unit, led, responsible, total
// place: the unit's place, an extra column (`with_place`; "" when the store has no places)
// definition: the one in unit-load.rq. A (Unit)-[:LEADS|RESPONSIBLE_FOR]->(Task) pair counts
//   once per unit and task; with expand_collectives a unit also takes the tasks of every
//   collective it is a current member of (MEMBER_UNIT_OF, transitively, former members
//   excluded), the collective keeping its own row; led if lead anywhere in the task.
//   due_before D keeps only tasks with a due date < D.
// order: total DESC, led DESC, unit ASC
CALL () {
  MATCH (u:Unit)-[r:LEADS|RESPONSIBLE_FOR]->(t:Task)
  RETURN u, r, t
  UNION ALL
  MATCH (u:Unit)-[ms:MEMBER_UNIT_OF*1..]->(:Unit)-[r:LEADS|RESPONSIBLE_FOR]->(t:Task)
  WHERE $expand_collectives AND all(m IN ms WHERE coalesce(m.former, false) = false)
  RETURN u, r, t
}
WITH u, r, t
WHERE $due_before IS NULL OR (t.due IS NOT NULL AND t.due < $due_before)
WITH u, u.name AS unit, count(DISTINCT t) AS total,
     count(DISTINCT CASE WHEN type(r) = 'LEADS' THEN t END) AS led
RETURN unit, led, total - led AS responsible, total, coalesce(u.place, '') AS place
ORDER BY total DESC, led DESC, unit, place
