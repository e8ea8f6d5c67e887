// The convener a council would have, if the caller's $scope holds it.
MATCH (o:PartyOrganization {id: $id})
WHERE ($scope IS NULL OR EXISTS { MATCH (o)-[:BASED_IN]->(:Region)-[:PART_OF*0..]->(s:Region) WHERE s.code IN $scope })
RETURN o.id AS id, o.status AS status, o.category AS category
