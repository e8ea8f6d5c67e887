// What validation and simulation need of each named village: where it is, its figures, and
// what its ACTIVE village Party organizations bring (members of them and of their grid orgs,
// active pairings, led cooperatives, council memberships, secretaries).
UNWIND $codes AS code
OPTIONAL MATCH (v:Region {code: code})
WITH code, v, [(o:PartyOrganization {category: 'VILLAGE', status: 'ACTIVE'})-[:BASED_IN]->(v) | o] AS orgs
RETURN code, v IS NOT NULL AS found, v.name AS name, v.level AS level, v.status AS status,
  v IS NOT NULL AND EXISTS { (v)-[:PART_OF]->(:Region {code: $townCode}) } AS inTown,
  v.population AS population, v.households AS households, v.collectiveIncome AS collectiveIncome,
  coalesce(v.industries, []) AS industries, v.location AS location,
  [o IN orgs | {id: o.id, formalMembers: COUNT { MATCH (o)<-[:MEMBER_OF]-(m:Person {partyStatus: 'FORMAL'}) RETURN DISTINCT m }}] AS orgs,
  any(o IN orgs WHERE coalesce(o.isWeak, false)) AS orgIsWeak,
  COUNT { (v)<-[:PART_OF*1..]-(:Region {level: 'GRID', status: 'ACTIVE'}) } AS grids,
  COLLECT {
    UNWIND orgs AS o
    MATCH (o)<-[:SUBORDINATE_TO*0..1]-(u:PartyOrganization)<-[:MEMBER_OF]-(m:Person)
    WHERE (u = o OR (u.category = 'GRID' AND u.status = 'ACTIVE')) AND m.partyStatus IN ['FORMAL', 'PROBATIONARY']
    RETURN DISTINCT m.id + '|' + m.partyStatus
  } AS members,
  COLLECT { UNWIND orgs AS o MATCH (o)-[:PARTY_TO]->(p:Pairing {status: 'ACTIVE'}) RETURN DISTINCT p.id } AS pairings,
  COLLECT { UNWIND orgs AS o MATCH (o)-[:LEADS]->(c:Cooperative) RETURN DISTINCT c.id } AS cooperatives,
  COLLECT {
    MATCH (v)<-[:PART_OF*0..]-(:Region)<-[:LOCATED_IN]-(t:TwoNewOrganization) RETURN DISTINCT t.id
  } AS twoNewOrganizations,
  COLLECT {
    MATCH (c:JointCouncil)-[:SERVES]->(v) RETURN c.id AS id
    UNION
    UNWIND orgs AS o MATCH (o)-[:MEMBER_UNIT_OF]->(c:JointCouncil) RETURN c.id AS id
  } AS councils,
  COLLECT { MATCH (s:ServiceCenter)-[:SERVES]->(v) RETURN DISTINCT s.id } AS serviceCenters,
  COLLECT {
    UNWIND orgs AS o
    MATCH (o)<-[:SECRETARY_OF]-(p:Person)
    RETURN DISTINCT p {.id, .name, .points, .birthYear,
      director: EXISTS { (p)-[:HOLDS_POST {title: 'DIRECTOR'}]->(:VillageCommittee)-[:OF]->(v) },
      collectiveHead: EXISTS { (p)-[:HOLDS_POST {title: 'CHAIR'}]->(:Cooperative {kind: 'COLLECTIVE'})-[:LOCATED_IN]->(v) }}
  } AS secretaries,
  COLLECT { MATCH (p:Person)-[:RESERVE_FOR]->(v) RETURN DISTINCT p {.id, .name, .points, .birthYear} } AS reserves
