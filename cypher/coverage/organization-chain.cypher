// The chain 镇党委—村党组织—网格党组织—党员中心户 of one village, for display; whether it is
// complete is decided from village-facts.cypher so that reports and this view agree.
MATCH (v:Region {code: $villageCode})
WITH v, head([(v)-[:PART_OF*1..]->(t:Region {level: 'TOWN'}) | t]) AS town
WITH v, town, head([(o:PartyOrganization {category: 'VILLAGE', status: 'ACTIVE'})-[:BASED_IN]->(v) | o]) AS villageOrg
RETURN v {.code, .name, .level} AS village,
  town {.code, .name, .level} AS town,
  villageOrg {.id, .name, .kind} AS villageOrganization,
  head([(villageOrg)-[:SUBORDINATE_TO]->(t:PartyOrganization {category: 'TOWN', status: 'ACTIVE'})-[:BASED_IN]->(town)
        | t {.id, .name, .kind}]) AS townOrganization,
  [(v)<-[:PART_OF]-(g:Region {level: 'GRID', status: 'ACTIVE'}) | g {.code, .name,
    gridOrganization: head([(g)<-[:BASED_IN]-(go:PartyOrganization {category: 'GRID', status: 'ACTIVE'})-[:SUBORDINATE_TO]->(villageOrg)
                            | go {.id, .name, .kind}]),
    centralHouseholds: [(g)<-[ch:CENTRAL_HOUSEHOLD_OF]-(p:Person) | {personId: p.id, name: p.name, households: ch.households}],
    subGrids: COUNT { (g)<-[:PART_OF*1..]-(:Region {level: 'GRID', status: 'ACTIVE'}) },
    centralHouseholdsBelow: COUNT { (g)<-[:PART_OF*0..]-(:Region {level: 'GRID', status: 'ACTIVE'})<-[:CENTRAL_HOUSEHOLD_OF]-(:Person) }
  }] AS grids
