// Whether changes whose regions (cells to recompute) and subtrees (every cell below) are given
// reach $regionCode's kept answers: a region at or below it, where it is now or where it was
// kept (a region that moved or was deleted), or a subtree above it.
WITH $regionCode AS x
RETURN any(c IN $regions + $subtrees WHERE
         EXISTS { MATCH (:Region {code: c})-[:PART_OF*0..]->(:Region {code: x}) }
         OR EXISTS { MATCH (k:AnalyticsRegion {code: c}) WHERE k.path CONTAINS '/' + x + '/' })
    OR any(s IN $subtrees WHERE EXISTS { MATCH (:Region {code: x})-[:PART_OF*0..]->(:Region {code: s}) }) AS reached
