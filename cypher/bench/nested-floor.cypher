// The floor of the benchmark's nested generated query: towns of a district → villages →
// village Party organizations with their formal member counts, written by hand.
MATCH (t:Region {level: 'TOWN'})-[:PART_OF]->(:Region {code: $districtCode})
CALL {
  WITH t
  MATCH (v:Region {level: 'VILLAGE', status: 'ACTIVE'})-[:PART_OF]->(t)
  RETURN collect(v {.code, .name, orgs: [(o:PartyOrganization {category: 'VILLAGE'})-[:BASED_IN]->(v) |
    o {.name, formalMemberCount: COUNT { MATCH (o)<-[:MEMBER_OF]-(p:Person {partyStatus: 'FORMAL'}) RETURN DISTINCT p }}]})[..1000] AS villages
}
RETURN t.code AS code, t.name AS name, villages
