// Every joint council serving an ACTIVE region (a rebuild recomputes them all).
MATCH (c:JointCouncil)-[:SERVES]->(:Region {status: 'ACTIVE'})
RETURN collect(DISTINCT c.id) AS ids
