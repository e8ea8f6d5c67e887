// Facts behind the grid rules, for every ACTIVE grid in R (grids nest: an absorbed village is a grid).
MATCH (root:Region {code: $regionCode})
MATCH p = (g:Region {level: 'GRID'})-[:PART_OF*0..]->(root)
WHERE all(n IN nodes(p) WHERE n.status = 'ACTIVE') AND (NOT $exact OR g = root)
RETURN g.code AS code, g.name AS name, [n IN nodes(p) | n.code] AS scope,
  EXISTS { (g)<-[:BASED_IN]-(:PartyOrganization {category: 'GRID', status: 'ACTIVE'}) } AS hasGridOrg,
  EXISTS { (g)<-[:PART_OF*0..]-(:Region {level: 'GRID', status: 'ACTIVE'})<-[:CENTRAL_HOUSEHOLD_OF]-(:Person) } AS hasCentralHousehold
