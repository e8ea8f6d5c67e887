// Import (src/exchange): one batch of Institution rows' regionCode → LOCATED_IN and
// partyOrganizationId → (Institution)-[:HAS_PARTY_ORG]->(PartyOrganization).
// A reference cell that is filled makes its relationship the only one of that kind for this
// node (the file says where it is now); an empty cell leaves the relationships alone.
UNWIND $rows AS row
MATCH (n:Institution {id: row.key})
CALL (n, row) {
  MATCH (region:Region {code: row.regionCode})
  CALL (n, region) { MATCH (n)-[old:LOCATED_IN]->(other:Region) WHERE other <> region DELETE old }
  MERGE (n)-[:LOCATED_IN]->(region)
}
CALL (n, row) {
  MATCH (organization:PartyOrganization {id: row.partyOrganizationId})
  CALL (n, organization) { MATCH (n)-[old:HAS_PARTY_ORG]->(other:PartyOrganization) WHERE other <> organization DELETE old }
  MERGE (n)-[:HAS_PARTY_ORG]->(organization)
}
