MATCH (s:MergeScenario)-[:FOR_TOWN]->(:Region {code: $townCode})
RETURN s.id AS id ORDER BY s.createdAt DESC, s.id
