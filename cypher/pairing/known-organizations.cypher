// Which of $ids name an organization a connection path can start or end at.
UNWIND $ids AS id
CALL {
  WITH id MATCH (n:PartyOrganization {id: id}) RETURN n
  UNION WITH id MATCH (n:Institution {id: id}) RETURN n
  UNION WITH id MATCH (n:TwoNewOrganization {id: id}) RETURN n
  UNION WITH id MATCH (n:Pairing {id: id}) RETURN n
  UNION WITH id MATCH (n:JointCouncil {id: id}) RETURN n
}
RETURN DISTINCT n.id AS id
