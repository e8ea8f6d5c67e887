// What pairing networks show of the touched nodes (element ids), by id: pairings, councils and
// the units they show; a person as the organizations and councils it counts in (formal
// members, council members), a meeting as its council. A remembered network is refreshed by
// re-reading the pairings and councils that show any of them (src/pairing/network.service.ts).
UNWIND $touched AS id
MATCH (n) WHERE elementId(n) = id
CALL {
  WITH n
  WITH n WHERE n:Pairing OR n:JointCouncil OR n:PartyOrganization OR n:Institution OR n:TwoNewOrganization
  RETURN n.id AS entity
  UNION WITH n
  MATCH (n:Person)-[:MEMBER_OF|WORKS_AT|SITS_ON]->(u) RETURN u.id AS entity
  UNION WITH n
  MATCH (n:CouncilMeeting)-[:OF]->(c:JointCouncil) RETURN c.id AS entity
}
RETURN collect(DISTINCT entity) AS entities
