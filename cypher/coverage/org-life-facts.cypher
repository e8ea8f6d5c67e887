// Facts behind ORG_LIFE_OVERDUE (DOMAIN.md, Additions): every ACTIVE Party organization of
// category VILLAGE based in R, with its kind, founding day, formal members (FORMAL persons who are
// MEMBER_OF it, as the graph holds them), its latest event of each kind held on or before asOf and
// its first of each kind recorded after asOf. With $exact, only those based in the root itself.
MATCH (root:Region {code: $regionCode})
MATCH p = (r:Region)-[:PART_OF*0..]->(root)
WHERE all(n IN nodes(p) WHERE n.status = 'ACTIVE') AND (NOT $exact OR r = root)
MATCH (o:PartyOrganization {category: 'VILLAGE', status: 'ACTIVE'})-[:BASED_IN]->(r)
// Based in several regions, it counts once, at the first of them by code (as two-new organizations).
WHERE NOT EXISTS { (o)-[:BASED_IN]->(other:Region) WHERE other.code < r.code }
WITH o, [n IN nodes(p) | n.code] AS scope
RETURN o.id AS id, o.name AS name, o.kind AS kind, o.foundedOn AS foundedOn, scope,
  COUNT { MATCH (o)<-[:MEMBER_OF]-(m:Person {partyStatus: 'FORMAL'}) RETURN DISTINCT m } AS formalMembers,
  COLLECT {
    MATCH (o)<-[:HELD_BY]-(e:OrgLifeEvent) WHERE e.heldOn <= $asOf AND e.kind IS NOT NULL
    WITH e.kind AS kind, max(e.heldOn) AS heldOn
    RETURN {kind: kind, heldOn: heldOn} AS latest
  } AS latestEvents,
  COLLECT {
    MATCH (o)<-[:HELD_BY]-(e:OrgLifeEvent) WHERE e.heldOn > $asOf AND e.kind IS NOT NULL
    WITH e.kind AS kind, min(e.heldOn) AS heldOn
    RETURN {kind: kind, heldOn: heldOn} AS upcoming
  } AS upcomingEvents,
  head(COLLECT { MATCH q = (:Region {code: scope[0]})-[:PART_OF*0..]->(v:Region {level: 'VILLAGE', status: 'ACTIVE'}) RETURN v.code ORDER BY length(q) LIMIT 1 }) AS villageCode,
  head(COLLECT { MATCH q = (:Region {code: scope[0]})-[:PART_OF*0..]->(t:Region {level: 'TOWN'}) RETURN t.code ORDER BY length(q) LIMIT 1 }) AS townCode
