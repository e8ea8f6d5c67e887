// A scenario with its groups in their saved order.
MATCH (s:MergeScenario {id: $id})
RETURN s {.id, .name, .status, .createdAt, .createdBy, .appliedAt, .asOf, .applyLog,
  townCode: head([(s)-[:FOR_TOWN]->(t:Region) | t.code])} AS scenario,
  COLLECT {
    MATCH (p:ProposedVillage)-[:IN_SCENARIO]->(s)
    RETURN p {.name, .code, position: p.position, villageCodes: COLLECT { MATCH (p)-[:ABSORBS]->(v:Region) RETURN v.code ORDER BY v.code }}
    ORDER BY p.position
  } AS groups
