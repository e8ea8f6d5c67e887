// Writes live regions of an official division list (only the rows that are new or differ):
// official name, short name, source and vintage on every region; level, ACTIVE and the PART_OF
// to the official parent (replacing any other) only where no village layout adjustment changed
// the region, and the move only when the plan says the region is not under its parent yet.
UNWIND $rows AS row
MERGE (r:Region {code: row.code})
  ON CREATE SET r.status = 'ACTIVE', r.level = row.level
SET r.name = row.name, r.officialName = row.officialName, r.source = row.source, r.divisionVintage = row.divisionVintage
WITH r, row, (r.formerLevel IS NOT NULL OR r.status <> 'ACTIVE' OR EXISTS { (r)-[:MERGED_INTO]->() }) AS adjusted
FOREACH (_ IN CASE WHEN adjusted THEN [] ELSE [1] END | SET r.level = row.level)
WITH r, row, adjusted
CALL {
  WITH r, row, adjusted
  WITH r, row WHERE NOT adjusted AND row.move AND row.parentCode IS NOT NULL
  MATCH (p:Region {code: row.parentCode})
  OPTIONAL MATCH (r)-[old:PART_OF]->()
  DELETE old
  WITH DISTINCT r, p
  MERGE (r)-[:PART_OF]->(p)
}
RETURN count(r) AS written
