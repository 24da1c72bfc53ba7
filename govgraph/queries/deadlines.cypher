// name: deadlines
// question: Which tasks fall due when (optionally in one month), and which units carry them?
// params: month (YYYY-MM, optional)
// columns: due, doc, ref, task, role, unit  (one row per task and assigned unit)
// place: the unit's place, an extra column (`with_place`; "" when the store has no places)
//   due = ISO date; role = lead | responsible; unit = canonical unit name; missing values are "".
// order: due, doc, ref, task, role, unit
MATCH (u:Unit)-[r:LEADS|RESPONSIBLE_FOR]->(t:Task)
WHERE t.due IS NOT NULL AND ($month IS NULL OR t.due STARTS WITH ($month + '-'))
RETURN DISTINCT t.due AS due, t.doc AS doc, coalesce(t.ref, '') AS ref,
       coalesce(t.text, '') AS task,
       CASE type(r) WHEN 'LEADS' THEN 'lead' ELSE 'responsible' END AS role, u.name AS unit,
       coalesce(u.place, '') AS place
ORDER BY due, doc, ref, task, role, unit, place
