// Facts of the given joint councils for the kept analytics: every ACTIVE region each serves,
// with its chain (top-down codes of ACTIVE regions) and where it rolls up (its nearest ACTIVE
// village and its nearest town, as cypher/coverage/council-facts.cypher places a council), and
// its latest meeting on or before asOf.
UNWIND $ids AS councilId
MATCH (c:JointCouncil {id: councilId})
MATCH (c)-[:SERVES]->(r:Region {status: 'ACTIVE'})
WITH c, r, head(COLLECT {
  MATCH p = (r)-[:PART_OF*0..]->(:Region)
  WHERE all(x IN nodes(p) WHERE x.status = 'ACTIVE')
  RETURN reverse([x IN nodes(p) | x.code]) AS chain ORDER BY length(p) DESC LIMIT 1
}) AS chain,
  head(COLLECT { MATCH q = (r)-[:PART_OF*0..]->(v:Region {level: 'VILLAGE', status: 'ACTIVE'}) RETURN v.code ORDER BY length(q) LIMIT 1 }) AS villageCode,
  head(COLLECT { MATCH q = (r)-[:PART_OF*0..]->(t:Region {level: 'TOWN'}) RETURN t.code ORDER BY length(q) LIMIT 1 }) AS townCode
ORDER BY r.code
// A list property holds no null: no village or town is ''.
WITH c, collect(r.code) AS served, collect(chain) AS chains, collect(coalesce(villageCode, '')) AS villageCodes, collect(coalesce(townCode, '')) AS townCodes
RETURN c.id AS id, c.name AS name, c.kind AS kind, served, chains, villageCodes, townCodes,
  head(COLLECT { MATCH (c)<-[:OF]-(m:CouncilMeeting) WHERE m.heldOn <= $asOf RETURN m.heldOn ORDER BY m.heldOn DESC LIMIT 1 }) AS lastMeetingOn,
  head(COLLECT { MATCH (c)<-[:OF]-(m:CouncilMeeting) WHERE m.heldOn > $asOf RETURN m.heldOn ORDER BY m.heldOn LIMIT 1 }) AS upcomingMeetingOn
