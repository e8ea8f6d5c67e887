// Every region "in R" (DOMAIN.md, Rules): ACTIVE, with a PART_OF*0.. path of ACTIVE regions to R;
// with $maxDepth, only those at most that many levels below R (a report's tree: the regions deeper
// down are not sent for nothing). scope lists the codes on the path, from the region itself up to R.
MATCH (root:Region {code: $regionCode})
MATCH p = (r:Region)-[:PART_OF*0..]->(root)
WHERE ($maxDepth IS NULL OR length(p) <= $maxDepth) AND all(n IN nodes(p) WHERE n.status = 'ACTIVE')
RETURN r.code AS code, r.name AS name, r.level AS level, [n IN nodes(p) | n.code] AS scope
