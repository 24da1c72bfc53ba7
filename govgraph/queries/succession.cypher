// name: succession
// question: Who held this post (unit + title) one after another, with their terms or the dates the notices state them, and where is there a gap or an overlap?
// params: unit (unit name or alias, required), title (post title as written, e.g. 局长, required)
// columns: person, start, end, as_of, doc, quote, flag
//   one row per tenure (step "tenures" in queries/steps.py, applied to these rows as to the
//   SPARQL's); see succession.rq.
// rows: one per statement: person, as_of, start, end, former, doc, quote, in time order
//   (date = start, else as_of, else end).
// order: date (start, else as_of, else end), person, as_of, start, end, former, doc, quote
MATCH (u:Unit {name: $unit})<-[:POST_IN]-(post:Post {title: $title})<-[h:HOLDS]-(p:Person)
WHERE $unit_place IS NULL OR u.place = $unit_place
WITH DISTINCT p.name AS person, coalesce(h.as_of, '') AS as_of,
     coalesce(h.start, '') AS `start`, coalesce(h.end, '') AS `end`,
     CASE WHEN coalesce(h.former, false) THEN 1 ELSE 0 END AS former,
     h.doc AS doc, coalesce(h.quote, '') AS quote
RETURN person, as_of, `start`, `end`, former, doc, quote
ORDER BY CASE WHEN `start` <> '' THEN `start` WHEN as_of <> '' THEN as_of ELSE `end` END, person, as_of,
         `start`, `end`, former, doc, quote
