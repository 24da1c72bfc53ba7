// name: co-responsibility
// question: Which units share tasks with this unit, how often, and who leads them?
// params: unit (unit name or alias, required)
// columns: partner, shared, partner_led, unit_led
// place: the partner's place, an extra column (`with_place`; "" when the store has no places)
//   shared = distinct tasks where both are assignees (lead or responsible, as written; no
//   collective expansion); partner_led = of those, tasks the partner leads;
//   unit_led = of those, tasks the given unit leads.
// order: shared DESC, partner_led DESC, partner ASC
MATCH (me:Unit {name: $unit})-[r1:LEADS|RESPONSIBLE_FOR]->(t:Task)<-[r2:LEADS|RESPONSIBLE_FOR]-(o:Unit)
WHERE o <> me AND ($unit_place IS NULL OR me.place = $unit_place)
WITH o, o.name AS partner, count(DISTINCT t) AS shared,
     count(DISTINCT CASE WHEN type(r2) = 'LEADS' THEN t END) AS partner_led,
     count(DISTINCT CASE WHEN type(r1) = 'LEADS' THEN t END) AS unit_led
RETURN partner, shared, partner_led, unit_led, coalesce(o.place, '') AS place
ORDER BY shared DESC, partner_led DESC, partner, place
