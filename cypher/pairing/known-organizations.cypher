// Which of $ids name an organization a connection path can start or end at, in the caller's $scope.
UNWIND $ids AS id
CALL {
  WITH id MATCH (n:PartyOrganization {id: id}) RETURN n
  UNION WITH id MATCH (n:Institution {id: id}) RETURN n
  UNION WITH id MATCH (n:TwoNewOrganization {id: id}) RETURN n
  UNION WITH id MATCH (n:Pairing {id: id}) RETURN n
  UNION WITH id MATCH (n:JointCouncil {id: id}) RETURN n
}
WITH n WHERE ($scope IS NULL OR EXISTS { MATCH (n)<-[:PARTY_TO*0..1]-()-[:BASED_IN|LOCATED_IN|SERVES]->(:Region)-[:PART_OF*0..]->(s:Region) WHERE s.code IN $scope })
RETURN DISTINCT n.id AS id
