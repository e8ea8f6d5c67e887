// Village layout adjustment of one group (DOMAIN.md, section Village layout adjustment):
// the new village and its Party organization, the absorbed villages turned into its grids,
// their organizations turned into grid organizations under the new one, and what the new
// organization inherits. Runs inside the scenario's single transaction.
MATCH (town:Region {code: $townCode})
CREATE (nv:Region {code: $code, name: $name, level: 'VILLAGE', status: 'ACTIVE', isNewVillage: true,
                   population: $population, households: $households, collectiveIncome: $collectiveIncome,
                   industries: $industries, location: point({longitude: $longitude, latitude: $latitude}),
                   validFrom: $on})-[:PART_OF]->(town)
CREATE (org:PartyOrganization {id: $orgId, name: $orgName, kind: $orgKind, category: 'VILLAGE', status: 'ACTIVE',
                               foundedOn: $on, isWeak: false})-[:BASED_IN]->(nv)
WITH nv, org
CALL {
  WITH org
  MATCH (townOrg:PartyOrganization {id: $townOrgId})
  CREATE (org)-[:SUBORDINATE_TO]->(townOrg)
}
CALL {
  WITH nv
  UNWIND $villages AS code
  MATCH (v:Region {code: code})
  CALL { WITH v MATCH (v)-[old:PART_OF]->(:Region) DELETE old }
  SET v.level = 'GRID', v.formerLevel = 'VILLAGE'
  CREATE (v)-[:PART_OF]->(nv)
  CREATE (v)-[:MERGED_INTO {on: $on, scenarioId: $scenarioId}]->(nv)
  WITH v, nv
  MATCH (x)-[:SERVES]->(v) WHERE x:ServiceCenter OR x:JointCouncil
  MERGE (x)-[:SERVES]->(nv)
}
CALL {
  WITH org
  UNWIND $absorbedOrgs AS absorbed
  MATCH (o:PartyOrganization {id: absorbed.id})
  CALL { WITH o MATCH (o)-[old:SUBORDINATE_TO]->(:PartyOrganization) DELETE old }
  SET o.category = 'GRID', o.kind = absorbed.kind
  CREATE (o)-[:SUBORDINATE_TO]->(org)
  WITH o, org
  CALL {
    WITH o, org
    MATCH (o)-[pt:PARTY_TO]->(p:Pairing {status: 'ACTIVE'})
    MERGE (org)-[npt:PARTY_TO]->(p) ON CREATE SET npt.role = pt.role
  }
  CALL { WITH o, org MATCH (o)-[:LEADS]->(c:Cooperative) MERGE (org)-[:LEADS]->(c) }
  CALL { WITH o, org MATCH (o)-[:MEMBER_UNIT_OF]->(c:JointCouncil) MERGE (org)-[:MEMBER_UNIT_OF]->(c) }
}
RETURN nv.code AS code, org.id AS orgId
