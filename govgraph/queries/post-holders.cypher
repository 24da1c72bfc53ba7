// name: post-holders
// question: Who has held this post (unit + title) over time, and which notice says so?
// params: unit (unit name or alias, required), title (post title as written, e.g. 局长, required)
// columns: person, as_of, start, end, former, doc, quote
//   as_of = ISO date the notice states the post as current; start / end = term (YYYY-MM);
//   former = 1 for 原… else 0; quote = evidence text; missing values are "".
// order: date (start, else as_of), person, as_of, start, end, former, doc, quote
// twin of post-holders.rq: the unit is the canonical name, the title the post's own.
MATCH (u:Unit {name: $unit})<-[:POST_IN]-(post:Post {title: $title})<-[h:HOLDS]-(p:Person)
WHERE $unit_place IS NULL OR u.place = $unit_place
WITH DISTINCT p.name AS person, coalesce(h.as_of, '') AS as_of,
     coalesce(h.start, '') AS `start`, coalesce(h.end, '') AS `end`,
     CASE WHEN coalesce(h.former, false) THEN 1 ELSE 0 END AS former,
     h.doc AS doc, coalesce(h.quote, '') AS quote
RETURN person, as_of, `start`, `end`, former, doc, quote
ORDER BY CASE WHEN `start` <> '' THEN `start` ELSE as_of END, person, as_of, `start`, `end`,
         former, doc, quote
