// Facts behind the grid rules, for every ACTIVE grid in R (grids nest: an absorbed village is a grid).
MATCH (root:Region {code: $regionCode})
MATCH p = (g:Region {level: 'GRID'})-[:PART_OF*0..]->(root)
WHERE all(n IN nodes(p) WHERE n.status = 'ACTIVE') AND (NOT $exact OR g = root)
WITH g, p, head([(g)-[:PART_OF]->(parent:Region) | parent]) AS parent
RETURN g.code AS code, g.name AS name, [n IN nodes(p) | n.code] AS scope,
  EXISTS { (g)<-[:BASED_IN]-(:PartyOrganization {category: 'GRID', status: 'ACTIVE'}) } AS hasGridOrg,
  EXISTS { (g)<-[:PART_OF*0..]-(:Region {level: 'GRID', status: 'ACTIVE'})<-[:CENTRAL_HOUSEHOLD_OF]-(:Person) } AS hasCentralHousehold,
  // Additions (December 2026). Where the grid rolls up: its nearest ACTIVE village, and that village's town.
  head(COLLECT { MATCH q = (g)-[:PART_OF*1..]->(v:Region {level: 'VILLAGE', status: 'ACTIVE'}) RETURN v.code ORDER BY length(q) LIMIT 1 }) AS villageCode,
  head(COLLECT { MATCH q = (g)-[:PART_OF*1..]->(t:Region {level: 'TOWN'}) RETURN t.code ORDER BY length(q) LIMIT 1 }) AS townCode,
  // The chain link grid → village: a grid directly under a village has a GRID org under that village's org.
  coalesce(parent.level = 'VILLAGE', false) AS parentIsVillage,
  EXISTS {
    MATCH (g)<-[:BASED_IN]-(:PartyOrganization {category: 'GRID', status: 'ACTIVE'})
          -[:SUBORDINATE_TO]->(:PartyOrganization {category: 'VILLAGE', status: 'ACTIVE'})-[:BASED_IN]->(parent)
    WHERE parent.level = 'VILLAGE'
  } AS gridOrgUnderVillageOrg,
  // 党员联系农户: the households of the central households of this grid itself.
  reduce(total = 0, h IN [(g)<-[ch:CENTRAL_HOUSEHOLD_OF]-(:Person) | coalesce(ch.households, 0)] | total + h) AS centralHouseholdHouseholds
