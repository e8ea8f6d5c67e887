// What pairing networks show of the touched nodes (element ids), by id: pairings, councils and
// the units they show; a person as the organizations and councils it counts in (formal
// members, council members), a meeting as its council. A remembered network is refreshed by
// re-reading the pairings and councils that show any of them (src/pairing/network.service.ts).
// `recount`: a region or a Party organization was touched, so the village organizations a
// network leaves out must be counted again.
UNWIND $touched AS id
MATCH (n) WHERE elementId(n) = id
WITH collect(n) AS nodes
RETURN COLLECT {
    UNWIND nodes AS n
    CALL {
      WITH n
      WITH n WHERE n:Pairing OR n:JointCouncil OR n:PartyOrganization OR n:Institution OR n:TwoNewOrganization
      RETURN n.id AS entity
      UNION WITH n
      MATCH (n:Person)-[:MEMBER_OF|WORKS_AT|SITS_ON]->(u) RETURN u.id AS entity
      UNION WITH n
      MATCH (n:CouncilMeeting)-[:OF]->(c:JointCouncil) RETURN c.id AS entity
    }
    RETURN DISTINCT entity
  } AS entities,
  any(n IN nodes WHERE n:Region OR n:PartyOrganization) AS recount
