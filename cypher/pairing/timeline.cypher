// A pairing with its parties and its activities in date order.
MATCH (pairing:Pairing {id: $pairingId})
WHERE ($scope IS NULL OR EXISTS { MATCH (pairing)<-[:PARTY_TO]-(:PartyOrganization)-[:BASED_IN]->(:Region)-[:PART_OF*0..]->(s:Region) WHERE s.code IN $scope })
RETURN pairing {.id, .kind, .status, .startedOn, .endedOn, .fundsCommitted, focusAreas: coalesce(pairing.focusAreas, [])} AS pairing,
  [(pairing)<-[pt:PARTY_TO]-(o:PartyOrganization) WHERE ($scope IS NULL OR EXISTS { MATCH (o)-[:BASED_IN]->(:Region)-[:PART_OF*0..]->(s:Region) WHERE s.code IN $scope }) | {organizationId: o.id, name: o.name, role: pt.role}] AS parties,
  COLLECT {
    MATCH (a:PairingActivity)-[:UNDER]->(pairing)
    RETURN a {.id, .on, .focusArea, .title, .funds, .beneficiaries}
    ORDER BY a.on, a.id
  } AS activities
