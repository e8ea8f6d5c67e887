// What a change touched, in the analytics' terms. For each touched node (by element id):
//  - regions: regions whose cell must be recomputed (the rules read the node from there);
//  - subtrees: regions whose every cell below must be recomputed (a region that moved or
//    changed status, a town Party organization, a work team above the village);
//  - councils: joint councils whose own answer must be recomputed.
// Each pattern mirrors what a cypher/coverage/*-facts.cypher file reads, or what a pairing
// network shows (cypher/pairing/network-*.cypher): a network is remembered by its region's
// stamp, which moves only when a cell at or below the region is recomputed, so whatever a
// network shows of a pairing partner or a council unit elsewhere maps to the regions it shows in.
UNWIND $touched AS id
MATCH (n) WHERE elementId(n) = id
CALL {
  WITH n
  MATCH (n:Region) RETURN n AS r, false AS below
  UNION WITH n
  // Organizations: where based; the villages whose orgs are under a town org; the village a grid org is under;
  // what they cover; what they lead; their organizational life.
  MATCH (n:PartyOrganization)-[:BASED_IN]->(r:Region) RETURN r, false AS below
  UNION WITH n
  MATCH (n:PartyOrganization)<-[:SUBORDINATE_TO]-(:PartyOrganization)-[:BASED_IN]->(r:Region) RETURN r, false AS below
  UNION WITH n
  MATCH (n:PartyOrganization)-[:SUBORDINATE_TO]->(:PartyOrganization)-[:BASED_IN]->(r:Region) RETURN r, false AS below
  UNION WITH n
  MATCH (n:PartyOrganization)-[:COVERS|WORK_COVERS]->(:TwoNewOrganization)-[:LOCATED_IN]->(r:Region) RETURN r, false AS below
  UNION WITH n
  // People: their organizations (and the village above a grid org), workplaces, posts, places.
  MATCH (n:Person)-[:MEMBER_OF|SECRETARY_OF|HOLDS_POST]->(:PartyOrganization)-[:SUBORDINATE_TO*0..1]->(:PartyOrganization)-[:BASED_IN]->(r:Region) RETURN r, false AS below
  UNION WITH n
  MATCH (n:Person)-[:WORKS_AT|INSTRUCTS]->(:TwoNewOrganization)-[:LOCATED_IN]->(r:Region) RETURN r, false AS below
  UNION WITH n
  MATCH (n:Person)-[:RESERVE_FOR|CENTRAL_HOUSEHOLD_OF|FIRST_SECRETARY_OF]->(r:Region) RETURN r, false AS below
  UNION WITH n
  MATCH (n:Person)-[:HOLDS_POST]->(:VillageCommittee|Cooperative)-[:OF|LOCATED_IN]->(r:Region) RETURN r, false AS below
  UNION WITH n
  MATCH (n:Person)-[:SERVES_IN]->(:WorkTeam)-[:STATIONED_IN]->(r:Region) RETURN r, true AS below
  UNION WITH n
  MATCH (n:TwoNewOrganization|Cooperative|MassOrganization)-[:LOCATED_IN]->(r:Region) RETURN r, false AS below
  UNION WITH n
  MATCH (n:Cooperative)<-[:LEADS]-(:PartyOrganization)-[:BASED_IN]->(r:Region) RETURN r, false AS below
  UNION WITH n
  MATCH (n:VillageCommittee)-[:OF]->(r:Region) RETURN r, false AS below
  UNION WITH n
  MATCH (n:Pairing)<-[:PARTY_TO]-(:PartyOrganization)-[:BASED_IN]->(r:Region) RETURN r, false AS below
  UNION WITH n
  MATCH (n:ServiceCenter|JointCouncil)-[:SERVES]->(r:Region) RETURN r, false AS below
  UNION WITH n
  MATCH (n:OrgLifeEvent)-[:HELD_BY]->(:PartyOrganization)-[:BASED_IN]->(r:Region) RETURN r, false AS below
  UNION WITH n
  MATCH (n:WorkTeam)-[:STATIONED_IN]->(r:Region) RETURN r, true AS below
  UNION WITH n
  // Networks: a party's organization (its members, its institution) is shown with each partner's region,
  MATCH (n:PartyOrganization|Person|Institution)-[:MEMBER_OF|HAS_PARTY_ORG*0..1]->(:PartyOrganization)-[:PARTY_TO]->(:Pairing)<-[:PARTY_TO]-(:PartyOrganization)-[:BASED_IN]->(r:Region)
  RETURN r, false AS below
  UNION WITH n
  // a council's units, members and meetings with the regions it serves.
  MATCH (n:PartyOrganization|Person|Institution|TwoNewOrganization|CouncilMeeting)-[:MEMBER_OF|WORKS_AT|HAS_PARTY_ORG*0..1]->()-[:MEMBER_UNIT_OF|CONVENED_BY|SITS_ON|OF]-(:JointCouncil)-[:SERVES]->(r:Region)
  RETURN r, false AS below
}
WITH collect(DISTINCT CASE WHEN below THEN NULL ELSE r.code END) AS regions,
     collect(DISTINCT CASE WHEN below THEN r.code END) AS subtrees
CALL {
  UNWIND $touched AS id
  MATCH (n) WHERE elementId(n) = id
  OPTIONAL MATCH (n:CouncilMeeting)-[:OF]->(met:JointCouncil)
  WITH CASE WHEN n:JointCouncil THEN n.id ELSE met.id END AS council
  WHERE council IS NOT NULL
  RETURN collect(DISTINCT council) AS councils
}
CALL {
  UNWIND $moved AS id
  MATCH (n:Region) WHERE elementId(n) = id
  RETURN collect(DISTINCT n.code) AS moved
}
RETURN regions, subtrees + moved AS subtrees, councils
