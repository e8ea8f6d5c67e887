// Facts behind the village rules and the organization chain, for every ACTIVE village in R.
// A village org is an ACTIVE party organization of category VILLAGE based in the village.
MATCH (root:Region {code: $regionCode})
MATCH p = (v:Region {level: 'VILLAGE'})-[:PART_OF*0..]->(root)
WHERE all(n IN nodes(p) WHERE n.status = 'ACTIVE') AND (NOT $exact OR v = root)
WITH v, [n IN nodes(p) | n.code] AS scope,
     [(org:PartyOrganization {category: 'VILLAGE', status: 'ACTIVE'})-[:BASED_IN]->(v) | org] AS orgs,
     [(v)<-[:PART_OF]-(g:Region {level: 'GRID', status: 'ACTIVE'}) | g] AS grids,
     // The regions from the village up to its town (its nearest TOWN ancestor); null without a town.
     head(COLLECT { MATCH q = (v)-[:PART_OF*1..]->(:Region {level: 'TOWN'}) RETURN nodes(q) AS up ORDER BY length(q) LIMIT 1 }) AS upToTown
// Recruits: the dates members of the village org, or of an ACTIVE grid org directly under it, joined the Party.
WITH v, scope, orgs, grids, upToTown, COLLECT {
  UNWIND orgs AS org
  MATCH (org)<-[:SUBORDINATE_TO*0..1]-(unit:PartyOrganization)<-[:MEMBER_OF]-(m:Person)
  WHERE (unit = org OR (unit.category = 'GRID' AND unit.status = 'ACTIVE')) AND m.joinedPartyOn IS NOT NULL
  RETURN m.joinedPartyOn
} AS joins
RETURN v.code AS code, v.name AS name, scope,
  coalesce(v.isNewVillage, false) AS isNewVillage,
  v.collectiveIncome AS collectiveIncome,
  size(orgs) > 0 AS hasPartyOrg,
  any(org IN orgs WHERE coalesce(org.isWeak, false)) AS orgIsWeak,
  any(org IN orgs WHERE EXISTS { (org)-[:PARTY_TO]->(:Pairing {status: 'ACTIVE'}) }) AS paired,
  any(org IN orgs WHERE EXISTS {
    (org)<-[:SECRETARY_OF]-(:Person)-[:HOLDS_POST {title: 'DIRECTOR'}]->(:VillageCommittee)-[:OF]->(v)
  }) AS secretaryIsDirector,
  any(org IN orgs WHERE EXISTS {
    (org)<-[:SECRETARY_OF]-(:Person)-[:HOLDS_POST {title: 'CHAIR'}]->(:Cooperative {kind: 'COLLECTIVE'})-[:LOCATED_IN]->(v)
  }) AS secretaryIsCollectiveHead,
  // The latest join on or before asOf and the first one after it: when the answer changes by date alone.
  reduce(latest = null, j IN joins | CASE WHEN j <= $asOf AND (latest IS NULL OR j > latest) THEN j ELSE latest END) AS latestRecruitOn,
  reduce(next = null, j IN joins | CASE WHEN j > $asOf AND (next IS NULL OR j < next) THEN j ELSE next END) AS upcomingRecruitOn,
  EXISTS { (v)<-[:RESERVE_FOR]-(:Person) } AS hasReserveSecretary,
  EXISTS { (v)<-[:SERVES]-(:ServiceCenter) } AS hasServiceStation,
  EXISTS { (v)<-[:SERVES]-(:JointCouncil {kind: 'CO_BUILDING_COUNCIL'}) } AS hasCoBuildingCouncil,
  // Chain link 1: the village org is subordinate to an ACTIVE TOWN org based in the village's town.
  any(org IN orgs WHERE EXISTS {
    MATCH (org)-[:SUBORDINATE_TO]->(:PartyOrganization {category: 'TOWN', status: 'ACTIVE'})-[:BASED_IN]->(town:Region {level: 'TOWN'})
    WHERE town = last(upToTown)
  }) AS subordinateToTownOrg,
  size(grids) AS directGrids,
  size([g IN grids WHERE any(org IN orgs WHERE EXISTS {
    (g)<-[:BASED_IN]-(:PartyOrganization {category: 'GRID', status: 'ACTIVE'})-[:SUBORDINATE_TO]->(org)
  })]) AS directGridsWithOrg,
  // Additions (December 2026). The village rolls up to itself, in its town.
  v.code AS villageCode,
  last(upToTown).code AS townCode,
  v.households AS households,
  // 党组织领办合作社: a village org leads a professional cooperative or a union of cooperatives.
  any(org IN orgs WHERE EXISTS { (org)-[:LEADS]->(c:Cooperative) WHERE c.kind IN ['PROFESSIONAL', 'UNION'] }) AS leadsCooperative,
  any(org IN orgs WHERE EXISTS { (org)<-[:HOLDS_POST {title: 'PART_TIME_COMMITTEE'}]-(:Person) }) AS hasPartTimeCommitteeMember,
  EXISTS { (v)<-[:PART_OF*0..]-(:Region)<-[:LOCATED_IN]-(:MassOrganization) } AS hasMassOrg,
  // Terms of first secretaries, and of work teams stationed in the village or below it or on its
  // path up to and including its town; the rules decide which serve on asOf.
  [(v)<-[fs:FIRST_SECRETARY_OF]-(:Person) | {since: fs.since, until: fs.until}] AS firstSecretaryTerms,
  [(v)<-[:PART_OF*0..]-(:Region)<-[:STATIONED_IN]-(w:WorkTeam) | {since: w.since, until: w.until}]
    + reduce(terms = [], up IN coalesce(upToTown, []) | terms + [(up)<-[:STATIONED_IN]-(w:WorkTeam) | {since: w.since, until: w.until}]) AS workTeamTerms
// Grids below the village without a central household come from grid-facts.cypher (one place).
