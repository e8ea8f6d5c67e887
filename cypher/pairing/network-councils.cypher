// Joint councils serving a region in R (at most $limit, by id), with their conveners and
// member units (party organizations with their institution, institutions, two-new organizations).
// Units outside the caller's $scope are left out: for it they do not exist.
// With $touching (ids), only the councils that show any of them (the council, a convener, a
// unit, an organization's institution), found from those ids rather than from the whole region.
CALL {
  WITH 1 AS whole WHERE $touching IS NULL
  MATCH (root:Region {code: $regionCode})
  MATCH p = (r:Region)-[:PART_OF*0..]->(root)
  WHERE all(n IN nodes(p) WHERE n.status = 'ACTIVE')
  MATCH (c:JointCouncil)-[:SERVES]->(r)
  RETURN c, r
  UNION
  UNWIND $touching AS id
  CALL {
    WITH id MATCH (c:JointCouncil {id: id}) RETURN c
    UNION WITH id MATCH (:PartyOrganization {id: id})-[:CONVENED_BY|MEMBER_UNIT_OF]-(c:JointCouncil) RETURN c
    UNION WITH id MATCH (:Institution {id: id})-[:MEMBER_UNIT_OF]->(c:JointCouncil) RETURN c
    UNION WITH id MATCH (:TwoNewOrganization {id: id})-[:MEMBER_UNIT_OF]->(c:JointCouncil) RETURN c
    UNION WITH id MATCH (:Institution {id: id})-[:HAS_PARTY_ORG]->(:PartyOrganization)-[:CONVENED_BY|MEMBER_UNIT_OF]-(c:JointCouncil) RETURN c
  }
  MATCH (c)-[:SERVES]->(r:Region)
  MATCH p = (r)-[:PART_OF*0..]->(:Region {code: $regionCode})
  WHERE all(n IN nodes(p) WHERE n.status = 'ACTIVE')
  RETURN c, r
}
WITH c, min(r.code) AS regionCode
ORDER BY c.id
LIMIT $limit
RETURN c {.id, .name, .kind, .establishedOn} AS council, regionCode,
  COUNT { (c)<-[:SITS_ON]-(:Person) } AS members,
  head(COLLECT { MATCH (c)<-[:OF]-(m:CouncilMeeting) RETURN m.heldOn ORDER BY m.heldOn DESC LIMIT 1 }) AS lastMeetingOn,
  [(c)-[:CONVENED_BY]->(o:PartyOrganization) WHERE ($scope IS NULL OR EXISTS { MATCH (o)-[:BASED_IN|LOCATED_IN|SERVES]->(:Region)-[:PART_OF*0..]->(s:Region) WHERE s.code IN $scope }) | o.id] AS conveners,
  [(c)<-[:MEMBER_UNIT_OF]-(u) WHERE (u:PartyOrganization OR u:Institution OR u:TwoNewOrganization) AND ($scope IS NULL OR EXISTS { MATCH (u)-[:BASED_IN|LOCATED_IN|SERVES]->(:Region)-[:PART_OF*0..]->(s:Region) WHERE s.code IN $scope }) | u.id] AS units,
  [(c)-[:CONVENED_BY|MEMBER_UNIT_OF]-(u:PartyOrganization) WHERE ($scope IS NULL OR EXISTS { MATCH (u)-[:BASED_IN|LOCATED_IN|SERVES]->(:Region)-[:PART_OF*0..]->(s:Region) WHERE s.code IN $scope }) | u {.id, .name, .kind, .category, .status, .isWeak,
    regionCode: head([(u)-[:BASED_IN]->(b:Region) | b.code]),
    formalMembers: COUNT { MATCH (u)<-[:MEMBER_OF]-(m:Person {partyStatus: 'FORMAL'}) RETURN DISTINCT m },
    institution: head([(u)<-[:HAS_PARTY_ORG]-(i:Institution) WHERE ($scope IS NULL OR EXISTS { MATCH (i)-[:BASED_IN|LOCATED_IN|SERVES]->(:Region)-[:PART_OF*0..]->(s:Region) WHERE s.code IN $scope }) |
      i {.id, .name, .kind, regionCode: head([(i)-[:LOCATED_IN]->(l:Region) | l.code])}])}] AS organizations,
  [(c)<-[:MEMBER_UNIT_OF]-(i:Institution) WHERE ($scope IS NULL OR EXISTS { MATCH (i)-[:BASED_IN|LOCATED_IN|SERVES]->(:Region)-[:PART_OF*0..]->(s:Region) WHERE s.code IN $scope }) | i {.id, .name, .kind, regionCode: head([(i)-[:LOCATED_IN]->(l:Region) | l.code])}] AS institutions,
  [(c)<-[:MEMBER_UNIT_OF]-(t:TwoNewOrganization) WHERE ($scope IS NULL OR EXISTS { MATCH (t)-[:BASED_IN|LOCATED_IN|SERVES]->(:Region)-[:PART_OF*0..]->(s:Region) WHERE s.code IN $scope }) | t {.id, .name, kind: t.type,
    regionCode: head([(t)-[:LOCATED_IN]->(l:Region) | l.code]),
    formalMembers: COUNT { MATCH (t)<-[:WORKS_AT]-(m:Person {partyStatus: 'FORMAL'}) RETURN DISTINCT m }}] AS twoNewOrganizations
