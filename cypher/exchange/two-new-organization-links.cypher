// Import (src/exchange): one batch of TwoNewOrganization rows' regionCode → LOCATED_IN and
// coveredById, coverMode → (PartyOrganization)-[:COVERS {mode}]->(TwoNewOrganization).
// A reference cell that is filled makes its relationship the only one of that kind for this
// node (the file says where it is now); an empty cell leaves the relationships alone.
UNWIND $rows AS row
MATCH (n:TwoNewOrganization {id: row.key})
CALL (n, row) {
  MATCH (region:Region {code: row.regionCode})
  CALL (n, region) { MATCH (n)-[old:LOCATED_IN]->(other:Region) WHERE other <> region DELETE old }
  MERGE (n)-[:LOCATED_IN]->(region)
}
CALL (n, row) {
  MATCH (coverer:PartyOrganization {id: row.coveredById})
  CALL (n, coverer) { MATCH (n)<-[old:COVERS]-(other:PartyOrganization) WHERE other <> coverer DELETE old }
  MERGE (coverer)-[covers:COVERS]->(n)
  SET covers.mode = row.coverMode
}
