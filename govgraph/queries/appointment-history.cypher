// name: appointment-history
// question: Which posts has this person held, in which unit, when, and which notice says so?
// params: person (person name, required; spaces ignored; resolved against the store first)
// columns: unit, title, as_of, start, end, former, doc, quote
// place: the unit's place, an extra column (`with_place`; "" when the store has no places)
//   unit = canonical unit name; as_of = ISO date the notice states the post as current;
//   start / end = term as written (YYYY-MM); former = 1 for 原… else 0; quote = evidence text;
//   missing values are "".
// order: date (start, else as_of), unit, title, as_of, start, end, former, doc, quote
// twin of appointment-history.rq: one HOLDS relationship per post fact.
MATCH (p:Person {name: $person})-[h:HOLDS]->(post:Post)-[:POST_IN]->(u:Unit)
WHERE ($person_place IS NULL OR p.place = $person_place) AND coalesce(p.variant, '') = coalesce($person_variant, '')
WITH DISTINCT u.name AS unit, post.title AS title, coalesce(h.as_of, '') AS as_of,
     coalesce(h.start, '') AS `start`, coalesce(h.end, '') AS `end`,
     CASE WHEN coalesce(h.former, false) THEN 1 ELSE 0 END AS former,
     h.doc AS doc, coalesce(h.quote, '') AS quote, coalesce(u.place, '') AS place
RETURN unit, title, as_of, `start`, `end`, former, doc, quote, place
ORDER BY CASE WHEN `start` <> '' THEN `start` ELSE as_of END, unit, title, as_of, `start`, `end`,
         former, doc, quote, place
