// Import (src/exchange): one batch of Region rows' parentCode → (Region)-[:PART_OF]->(Region).
// A reference cell that is filled makes its relationship the only one of that kind for this
// node (the file says where it is now); an empty cell leaves the relationships alone.
UNWIND $rows AS row
MATCH (n:Region {code: row.key})
CALL (n, row) {
  MATCH (parent:Region {code: row.parentCode})
  CALL (n, parent) { MATCH (n)-[old:PART_OF]->(other:Region) WHERE other <> parent DELETE old }
  MERGE (n)-[:PART_OF]->(parent)
}
