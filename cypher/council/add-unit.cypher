// A member unit joins a council ($memberId checked beforehand, in the same transaction).
MATCH (c:JointCouncil {id: $councilId})
CALL {
  MATCH (u:PartyOrganization {id: $memberId}) RETURN u
  UNION MATCH (u:Institution {id: $memberId}) RETURN u
  UNION MATCH (u:TwoNewOrganization {id: $memberId}) RETURN u
}
CREATE (u)-[:MEMBER_UNIT_OF]->(c)
RETURN u.id AS memberId
