// One audit entry per write, created inside the write's own transaction so it commits with it.
// Its regions: the ones given, plus where each subject is (a region itself; where an
// organization is based or located; what a council serves; a pairing's parties' regions;
// a scenario's town; an organizational-life event's organization's; where a work team is stationed).
CALL {
  UNWIND $subjectIds AS id
  CALL {
    WITH id MATCH (r:Region {code: id}) RETURN r
    UNION WITH id MATCH (:PartyOrganization {id: id})-[:BASED_IN]->(r:Region) RETURN r
    UNION WITH id MATCH (:Pairing {id: id})<-[:PARTY_TO]-(:PartyOrganization)-[:BASED_IN]->(r:Region) RETURN r
    UNION WITH id MATCH (:JointCouncil {id: id})-[:SERVES]->(r:Region) RETURN r
    UNION WITH id MATCH (:MergeScenario {id: id})-[:FOR_TOWN]->(r:Region) RETURN r
    UNION WITH id MATCH (:TwoNewOrganization|Cooperative|Institution|ServiceCenter {id: id})-[:LOCATED_IN]->(r:Region) RETURN r
    UNION WITH id MATCH (:OrgLifeEvent {id: id})-[:HELD_BY]->(:PartyOrganization)-[:BASED_IN]->(r:Region) RETURN r
    UNION WITH id MATCH (:WorkTeam {id: id})-[:STATIONED_IN]->(r:Region) RETURN r
  }
  RETURN collect(DISTINCT r.code) AS subjectRegions
}
CREATE (a:AuditEntry {
  id: randomUUID(),
  at: datetime(),
  actor: $actor,
  role: $role,
  operation: $operation,
  subjectIds: $subjectIds,
  regionCodes: apoc.coll.toSet($regionCodes + subjectRegions)
})
RETURN a.id AS id
