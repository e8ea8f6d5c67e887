// The shortest chain between two organizations (party organizations, institutions, two-new
// organizations, pairings, councils) through pairings, councils, subordination and coverage,
// over ACTIVE organizations and pairings only; nothing when it is longer than $maxHops.
// Every node of the path lies in the caller's $scope (a pairing: one of its parties does).
CALL {
  MATCH (n:PartyOrganization {id: $fromId}) RETURN n
  UNION MATCH (n:Institution {id: $fromId}) RETURN n
  UNION MATCH (n:TwoNewOrganization {id: $fromId}) RETURN n
  UNION MATCH (n:Pairing {id: $fromId}) RETURN n
  UNION MATCH (n:JointCouncil {id: $fromId}) RETURN n
}
WITH n AS a
CALL {
  MATCH (n:PartyOrganization {id: $toId}) RETURN n
  UNION MATCH (n:Institution {id: $toId}) RETURN n
  UNION MATCH (n:TwoNewOrganization {id: $toId}) RETURN n
  UNION MATCH (n:Pairing {id: $toId}) RETURN n
  UNION MATCH (n:JointCouncil {id: $toId}) RETURN n
}
WITH a, n AS b
MATCH p = shortestPath((a)-[:PARTY_TO|MEMBER_UNIT_OF|CONVENED_BY|SUBORDINATE_TO|COVERS|WORK_COVERS|HAS_PARTY_ORG*..12]-(b))
WHERE all(x IN nodes(p) WHERE coalesce(x.status, 'ACTIVE') = 'ACTIVE' AND ($scope IS NULL OR EXISTS { MATCH (x)<-[:PARTY_TO*0..1]-()-[:BASED_IN|LOCATED_IN|SERVES]->(:Region)-[:PART_OF*0..]->(s:Region) WHERE s.code IN $scope }))
WITH p WHERE length(p) <= $maxHops
RETURN
  [x IN nodes(p) | {labels: labels(x), node: x {.id, .name, .kind, .category, .status, .isWeak, .type,
    regionCode: head([(x)-[:BASED_IN|LOCATED_IN|SERVES]->(r:Region) | r.code])}}] AS nodes,
  [r IN relationships(p) | {type: type(r), role: r.role, source: startNode(r).id, target: endNode(r).id}] AS relationships
