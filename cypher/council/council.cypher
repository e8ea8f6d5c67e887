// A council as the domain writes return it.
MATCH (c:JointCouncil {id: $id})
RETURN c {.id, .name, .kind, .establishedOn,
  serves: [(c)-[:SERVES]->(r:Region) | r.code],
  conveners: [(c)-[:CONVENED_BY]->(o:PartyOrganization) | o.id],
  lastMeetingOn: head(COLLECT { MATCH (c)<-[:OF]-(m:CouncilMeeting) RETURN m.heldOn ORDER BY m.heldOn DESC LIMIT 1 })
} AS council
