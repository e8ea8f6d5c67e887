// One pairing as the domain writes return it, locked until the write's transaction ends.
MATCH (p:Pairing {id: $id})
// Visible when one of its parties is in the caller's $scope.
WHERE ($scope IS NULL OR EXISTS { MATCH (p)<-[:PARTY_TO]-(:PartyOrganization)-[:BASED_IN]->(:Region)-[:PART_OF*0..]->(s:Region) WHERE s.code IN $scope })
CALL apoc.lock.nodes([p])
RETURN p {.id, .kind, .status, .startedOn, .endedOn, .fundsCommitted, focusAreas: coalesce(p.focusAreas, [])} AS pairing,
  [(p)<-[pt:PARTY_TO]-(o:PartyOrganization) WHERE ($scope IS NULL OR EXISTS { MATCH (o)-[:BASED_IN]->(:Region)-[:PART_OF*0..]->(s:Region) WHERE s.code IN $scope }) | {organizationId: o.id, name: o.name, role: pt.role}] AS parties
