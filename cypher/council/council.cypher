// A council as the domain writes return it.
MATCH (c:JointCouncil {id: $id})
// Visible when a region it serves is in the caller's $scope.
WHERE ($scope IS NULL OR EXISTS { MATCH (c)-[:SERVES]->(:Region)-[:PART_OF*0..]->(s:Region) WHERE s.code IN $scope })
RETURN c {.id, .name, .kind, .establishedOn,
  serves: [(c)-[:SERVES]->(r:Region) | r.code],
  conveners: [(c)-[:CONVENED_BY]->(o:PartyOrganization) | o.id],
  lastMeetingOn: head(COLLECT { MATCH (c)<-[:OF]-(m:CouncilMeeting) RETURN m.heldOn ORDER BY m.heldOn DESC LIMIT 1 })
} AS council
