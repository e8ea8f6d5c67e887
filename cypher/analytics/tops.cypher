// The ACTIVE regions that are under no ACTIVE region: a rebuild reads everything below them.
MATCH (r:Region {status: 'ACTIVE'})
WHERE NOT EXISTS { (r)-[:PART_OF]->(:Region {status: 'ACTIVE'}) }
RETURN collect(r.code) AS codes
