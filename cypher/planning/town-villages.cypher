// The ACTIVE villages directly under a town, by code.
MATCH (v:Region {level: 'VILLAGE', status: 'ACTIVE'})-[:PART_OF]->(:Region {code: $townCode})
RETURN v.code AS code ORDER BY code
