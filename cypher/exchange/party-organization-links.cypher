// Import (src/exchange): one batch of PartyOrganization rows' regionCode → BASED_IN and
// superiorId → SUBORDINATE_TO.
// A reference cell that is filled makes its relationship the only one of that kind for this
// node (the file says where it is now); an empty cell leaves the relationships alone.
UNWIND $rows AS row
MATCH (n:PartyOrganization {id: row.key})
CALL (n, row) {
  MATCH (region:Region {code: row.regionCode})
  CALL (n, region) { MATCH (n)-[old:BASED_IN]->(other:Region) WHERE other <> region DELETE old }
  MERGE (n)-[:BASED_IN]->(region)
}
CALL (n, row) {
  MATCH (superior:PartyOrganization {id: row.superiorId})
  CALL (n, superior) { MATCH (n)-[old:SUBORDINATE_TO]->(other:PartyOrganization) WHERE other <> superior DELETE old }
  MERGE (n)-[:SUBORDINATE_TO]->(superior)
}
