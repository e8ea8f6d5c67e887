// Scenarios by id, each with its groups in their saved order (in the order of $ids).
UNWIND range(0, size($ids) - 1) AS i
MATCH (s:MergeScenario {id: $ids[i]})
// A scenario exists for the caller when its town is in the caller's $scope. The scope region
// needs its own name: reusing `s` would rebind the scenario and match nothing for scoped tokens.
WHERE ($scope IS NULL OR EXISTS { MATCH (s)-[:FOR_TOWN]->(:Region)-[:PART_OF*0..]->(allowed:Region) WHERE allowed.code IN $scope })
RETURN s {.id, .name, .status, .createdAt, .createdBy, .appliedAt, .asOf, .applyLog, .targetVillages,
  townCode: head([(s)-[:FOR_TOWN]->(t:Region) | t.code])} AS scenario,
  COLLECT {
    MATCH (p:ProposedVillage)-[:IN_SCENARIO]->(s)
    RETURN p {.name, .code, position: p.position, villageCodes: COLLECT { MATCH (p)-[:ABSORBS]->(v:Region) RETURN v.code ORDER BY v.code }}
    ORDER BY p.position
  } AS groups
ORDER BY i
