// A report's regions: the root and its ACTIVE descendants down to $depth levels, along ACTIVE
// regions, with their kept totals. scope lists the codes from the region up to the root.
MATCH (root:Region {code: $regionCode})
CALL apoc.path.expandConfig(root, {relationshipFilter: '<PART_OF', maxLevel: $depth, uniqueness: 'NODE_GLOBAL'}) YIELD path
WITH path, last(nodes(path)) AS r
WHERE all(n IN nodes(path) WHERE n.status = 'ACTIVE')
OPTIONAL MATCH (a:AnalyticsRegion {code: r.code})
RETURN r.code AS code, r.name AS name, r.level AS level, reverse([n IN nodes(path) | n.code]) AS scope, a.total AS total
