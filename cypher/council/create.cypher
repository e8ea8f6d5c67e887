// A new council serving the given regions, convened by one party organization.
MATCH (convener:PartyOrganization {id: $convenerId})
CREATE (c:JointCouncil {id: randomUUID(), name: $name, kind: $kind, establishedOn: $establishedOn})-[:CONVENED_BY]->(convener)
WITH c
UNWIND $regionCodes AS code
MATCH (r:Region {code: code})
CREATE (c)-[:SERVES]->(r)
RETURN DISTINCT c.id AS id
