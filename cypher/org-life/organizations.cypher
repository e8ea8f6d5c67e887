// The Party organizations a batch of organizational-life events names, locked until the
// transaction ends (two concurrent batches cannot both create the same event), in the caller's
// $scope: outside it an organization does not exist.
UNWIND $ids AS id
MATCH (o:PartyOrganization {id: id})
WHERE ($scope IS NULL OR EXISTS { MATCH (o)-[:BASED_IN]->(:Region)-[:PART_OF*0..]->(s:Region) WHERE s.code IN $scope })
WITH collect(o) AS orgs
CALL apoc.lock.nodes(orgs)
UNWIND orgs AS o
RETURN o.id AS id, o.foundedOn AS foundedOn
