// Import (src/exchange): one batch of Cooperative rows' regionCode → LOCATED_IN, ledById →
// (PartyOrganization)-[:LEADS]->(Cooperative) and unionId → (Cooperative)-[:MEMBER_OF]->(Cooperative).
// A reference cell that is filled makes its relationship the only one of that kind for this
// node (the file says where it is now); an empty cell leaves the relationships alone.
UNWIND $rows AS row
MATCH (n:Cooperative {id: row.key})
CALL (n, row) {
  MATCH (region:Region {code: row.regionCode})
  CALL (n, region) { MATCH (n)-[old:LOCATED_IN]->(other:Region) WHERE other <> region DELETE old }
  MERGE (n)-[:LOCATED_IN]->(region)
}
CALL (n, row) {
  MATCH (leader:PartyOrganization {id: row.ledById})
  CALL (n, leader) { MATCH (n)<-[old:LEADS]-(other:PartyOrganization) WHERE other <> leader DELETE old }
  MERGE (leader)-[:LEADS]->(n)
}
CALL (n, row) {
  MATCH (joined:Cooperative {id: row.unionId})
  CALL (n, joined) { MATCH (n)-[old:MEMBER_OF]->(other:Cooperative) WHERE other <> joined DELETE old }
  MERGE (n)-[:MEMBER_OF]->(joined)
}
