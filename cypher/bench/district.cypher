// The benchmark's district: of the city's districts, the one with the most active villages (the
// real skeleton's urban districts have none, only residents' committees).
MATCH (d:Region {level: 'DISTRICT'})-[:PART_OF]->(:Region {code: $cityCode})
RETURN d.code AS code, COUNT { (v:Region {level: 'VILLAGE', status: 'ACTIVE'})-[:PART_OF*1..2]->(d) } AS villages
ORDER BY villages DESC, code
LIMIT 1
