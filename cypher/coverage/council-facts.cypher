// Every joint council serving a region in R, with the regions it serves there and its latest
// meeting on or before asOf. scope is the union of the served regions' paths up to R; served is
// sorted, and the first served region places the council (regionCode, villageCode, townCode).
MATCH (root:Region {code: $regionCode})
MATCH p = (r:Region)-[:PART_OF*0..]->(root)
WHERE all(n IN nodes(p) WHERE n.status = 'ACTIVE')
MATCH (c:JointCouncil)-[:SERVES]->(r)
WITH c, apoc.coll.sort(collect(r.code)) AS served, apoc.coll.toSet(apoc.coll.flatten(collect([n IN nodes(p) | n.code]))) AS scope
RETURN c.id AS id, c.name AS name, c.kind AS kind, served, scope,
  head(COLLECT {
    MATCH (c)<-[:OF]-(m:CouncilMeeting) WHERE m.heldOn <= $asOf
    RETURN m.heldOn ORDER BY m.heldOn DESC LIMIT 1
  }) AS lastMeetingOn,
  head(COLLECT { MATCH (c)<-[:OF]-(m:CouncilMeeting) WHERE m.heldOn > $asOf RETURN m.heldOn ORDER BY m.heldOn LIMIT 1 }) AS upcomingMeetingOn,
  head(COLLECT { MATCH q = (:Region {code: served[0]})-[:PART_OF*0..]->(v:Region {level: 'VILLAGE', status: 'ACTIVE'}) RETURN v.code ORDER BY length(q) LIMIT 1 }) AS villageCode,
  head(COLLECT { MATCH q = (:Region {code: served[0]})-[:PART_OF*0..]->(t:Region {level: 'TOWN'}) RETURN t.code ORDER BY length(q) LIMIT 1 }) AS townCode
