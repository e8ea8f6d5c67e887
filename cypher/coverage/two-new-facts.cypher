// Facts behind the two-new coverage rules, for every two-new organization located in R.
// Only ACTIVE party organizations cover; formal members are distinct FORMAL persons who WORK_AT it.
MATCH (root:Region {code: $regionCode})
MATCH p = (r:Region)-[:PART_OF*0..]->(root)
WHERE all(n IN nodes(p) WHERE n.status = 'ACTIVE') AND (NOT $exact OR r = root)
MATCH (o:TwoNewOrganization)-[:LOCATED_IN]->(r)
// Located in several regions, it counts once, at the first of them by code: one organization, one home.
WHERE NOT EXISTS { (o)-[:LOCATED_IN]->(other:Region) WHERE other.code < r.code }
WITH o, [n IN nodes(p) | n.code] AS scope
RETURN o.id AS id, o.name AS name, scope,
  COUNT { MATCH (o)<-[:WORKS_AT]-(m:Person {partyStatus: 'FORMAL'}) RETURN DISTINCT m } AS formalMembers,
  [(o)<-[c:COVERS]-(:PartyOrganization {status: 'ACTIVE'}) | c.mode] AS coverModes,
  EXISTS { (o)<-[:WORK_COVERS]-(:PartyOrganization {status: 'ACTIVE'}) } AS workCovered,
  EXISTS { (o)<-[:INSTRUCTS]-(:Person) } AS instructed,
  // Additions (December 2026): the village its region rolls up to, and that village's town (or the region's own town).
  head(COLLECT { MATCH q = (:Region {code: scope[0]})-[:PART_OF*0..]->(v:Region {level: 'VILLAGE', status: 'ACTIVE'}) RETURN v.code ORDER BY length(q) LIMIT 1 }) AS villageCode,
  head(COLLECT { MATCH q = (:Region {code: scope[0]})-[:PART_OF*0..]->(t:Region {level: 'TOWN'}) RETURN t.code ORDER BY length(q) LIMIT 1 }) AS townCode
