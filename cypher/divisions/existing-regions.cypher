// The live regions among $codes, as the division import compares them: their official facts,
// whether a village layout adjustment changed them (then they keep level, status and place),
// and their parents (directly, or through a COMMUNITY).
UNWIND $codes AS code
MATCH (r:Region {code: code})
RETURN r.code AS code, r.name AS name, r.officialName AS officialName, r.level AS level,
  r.source AS source, r.divisionVintage AS divisionVintage,
  (r.formerLevel IS NOT NULL OR r.status <> 'ACTIVE' OR EXISTS { (r)-[:MERGED_INTO]->() }) AS adjusted,
  [(r)-[:PART_OF]->(p:Region) | p.code] AS parents,
  [(r)-[:PART_OF]->(:Region {level: 'COMMUNITY'})-[:PART_OF]->(p:Region) | p.code] AS parentsThroughCommunity
