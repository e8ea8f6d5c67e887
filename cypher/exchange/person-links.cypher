// Import (src/exchange): one batch of Person rows' organizationId → MEMBER_OF and
// residenceCode → LIVES_IN.
// A reference cell that is filled makes its relationship the only one of that kind for this
// node (the file says where it is now); an empty cell leaves the relationships alone.
UNWIND $rows AS row
MATCH (n:Person {id: row.key})
CALL (n, row) {
  MATCH (organization:PartyOrganization {id: row.organizationId})
  CALL (n, organization) { MATCH (n)-[old:MEMBER_OF]->(other:PartyOrganization) WHERE other <> organization DELETE old }
  MERGE (n)-[:MEMBER_OF]->(organization)
}
CALL (n, row) {
  MATCH (region:Region {code: row.residenceCode})
  CALL (n, region) { MATCH (n)-[old:LIVES_IN]->(other:Region) WHERE other <> region DELETE old }
  MERGE (n)-[:LIVES_IN]->(region)
}
