// Every region "in R" (DOMAIN.md, Rules): ACTIVE, with a PART_OF*0.. path of ACTIVE regions to R.
// scope lists the codes on that path, from the region itself up to R.
MATCH (root:Region {code: $regionCode})
MATCH p = (r:Region)-[:PART_OF*0..]->(root)
WHERE all(n IN nodes(p) WHERE n.status = 'ACTIVE')
RETURN r.code AS code, r.name AS name, r.level AS level, [n IN nodes(p) | n.code] AS scope
