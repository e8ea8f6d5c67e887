// Pairings with at least one party based in a region in R (ACTIVE only unless $includeEnded,
// of $kinds when given), each with all its parties and the institution a party belongs to.
// At most $limit pairings, by id, so that a huge network is cut, never loaded whole.
// Parties and institutions outside the caller's $scope are left out, never named: partyCount
// (all parties) lets the caller say that a pairing has parties it may not see.
// With $touching (ids), only the pairings that show any of them (the pairing, a party, a party's
// institution), found from those ids rather than from the whole region: a remembered network
// is refreshed from them.
CALL {
  WITH 1 AS whole WHERE $touching IS NULL
  MATCH (root:Region {code: $regionCode})
  MATCH p = (r:Region)-[:PART_OF*0..]->(root)
  WHERE all(n IN nodes(p) WHERE n.status = 'ACTIVE')
  MATCH (r)<-[:BASED_IN]-(:PartyOrganization {status: 'ACTIVE'})-[:PARTY_TO]->(pairing:Pairing)
  RETURN pairing, r
  UNION
  UNWIND $touching AS id
  CALL {
    WITH id MATCH (pairing:Pairing {id: id}) RETURN pairing
    UNION WITH id MATCH (:PartyOrganization {id: id})-[:PARTY_TO]->(pairing:Pairing) RETURN pairing
    UNION WITH id MATCH (:Institution {id: id})-[:HAS_PARTY_ORG]->(:PartyOrganization)-[:PARTY_TO]->(pairing:Pairing) RETURN pairing
  }
  MATCH (pairing)<-[:PARTY_TO]-(:PartyOrganization {status: 'ACTIVE'})-[:BASED_IN]->(r:Region)
  MATCH p = (r)-[:PART_OF*0..]->(:Region {code: $regionCode})
  WHERE all(n IN nodes(p) WHERE n.status = 'ACTIVE')
  RETURN pairing, r
}
WITH pairing, r
WHERE ($kinds IS NULL OR pairing.kind IN $kinds) AND ($includeEnded OR pairing.status = 'ACTIVE')
WITH pairing, min(r.code) AS regionCode
ORDER BY pairing.id
LIMIT $limit
RETURN pairing {.id, .kind, .status, .startedOn, .endedOn, .fundsCommitted} AS pairing, regionCode,
  COUNT { (pairing)<-[:PARTY_TO]-(:PartyOrganization) } AS partyCount,
  [(pairing)<-[pt:PARTY_TO]-(o:PartyOrganization) WHERE ($scope IS NULL OR EXISTS { MATCH (o)-[:BASED_IN|LOCATED_IN|SERVES]->(:Region)-[:PART_OF*0..]->(s:Region) WHERE s.code IN $scope }) | {
    role: pt.role,
    organization: o {.id, .name, .kind, .category, .status, .isWeak,
      regionCode: head([(o)-[:BASED_IN]->(b:Region) | b.code]),
      formalMembers: COUNT { MATCH (o)<-[:MEMBER_OF]-(m:Person {partyStatus: 'FORMAL'}) RETURN DISTINCT m }},
    institution: head([(o)<-[:HAS_PARTY_ORG]-(i:Institution) WHERE ($scope IS NULL OR EXISTS { MATCH (i)-[:BASED_IN|LOCATED_IN|SERVES]->(:Region)-[:PART_OF*0..]->(s:Region) WHERE s.code IN $scope }) |
      i {.id, .name, .kind, regionCode: head([(i)-[:LOCATED_IN]->(l:Region) | l.code])}])
  }] AS parties
