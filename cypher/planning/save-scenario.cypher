// A DRAFT scenario for a town with its proposed villages and the villages each absorbs, and the
// number of villages it was planned toward ($targetVillages, null when none).
MATCH (town:Region {code: $townCode})
CREATE (s:MergeScenario {id: randomUUID(), name: $name, status: 'DRAFT', createdAt: datetime(), createdBy: $createdBy,
                         asOf: $asOf, targetVillages: $targetVillages})-[:FOR_TOWN]->(town)
WITH s
UNWIND range(0, size($groups) - 1) AS i
WITH s, i, $groups[i] AS g
CREATE (p:ProposedVillage {id: randomUUID(), name: g.name, code: g.code, position: i})-[:IN_SCENARIO]->(s)
WITH s, p, g
UNWIND g.villageCodes AS code
MATCH (v:Region {code: code})
CREATE (p)-[:ABSORBS]->(v)
RETURN DISTINCT s.id AS id
