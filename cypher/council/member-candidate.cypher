// What $memberId names (a member unit or a person) and whether it already belongs to the council.
MATCH (c:JointCouncil {id: $councilId})
WHERE ($scope IS NULL OR EXISTS { MATCH (c)-[:SERVES]->(:Region)-[:PART_OF*0..]->(s:Region) WHERE s.code IN $scope })
// Locked until the transaction ends, so two concurrent additions cannot both pass the check.
CALL apoc.lock.nodes([c])
CALL {
  OPTIONAL MATCH (m:PartyOrganization {id: $memberId}) RETURN m
  UNION OPTIONAL MATCH (m:Institution {id: $memberId}) RETURN m
  UNION OPTIONAL MATCH (m:TwoNewOrganization {id: $memberId}) RETURN m
  UNION OPTIONAL MATCH (m:Person {id: $memberId}) RETURN m
}
// Outside the caller's $scope a candidate does not exist (a person: by residence or membership).
WITH c, head([x IN collect(m) WHERE x IS NOT NULL AND ($scope IS NULL OR EXISTS { MATCH (x)-[:BASED_IN|LOCATED_IN|LIVES_IN|MEMBER_OF*1..2]->(:Region)-[:PART_OF*0..]->(s:Region) WHERE s.code IN $scope })]) AS m
RETURN c.id AS councilId,
  CASE WHEN m IS NULL THEN null ELSE [l IN labels(m) WHERE l IN ['PartyOrganization', 'Institution', 'TwoNewOrganization', 'Person']][0] END AS label,
  m.status AS status,
  m IS NOT NULL AND EXISTS { (m)-[:MEMBER_UNIT_OF|SITS_ON]->(c) } AS alreadyMember
