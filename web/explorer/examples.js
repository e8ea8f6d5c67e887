// Example queries for the sample region (莱西市 370285), one explorer tab each.
window.EXAMPLE_QUERIES = [
  {
    query: `# The 3 subdistricts and 8 towns of Laixi
query TownsOfLaixi {
  regions(
    where: { parent: { some: { code: { eq: "370285000000" } } } }
    sort: [{ code: ASC }]
  ) {
    code
    name
    level
    activeChildCount
  }
}`,
  },
  {
    query: `# What the platform holds
query PlatformInfo {
  platformInfo {
    version
    neo4jVersion
    labelCounts { label count }
  }
}`,
  },
  {
    query: `# Villages of one town with their Party organization and formal member counts
query VillagesOfTown($town: String! = "370285101000") {
  regions(
    where: { level: { eq: VILLAGE }, status: { eq: ACTIVE }, parent: { some: { code: { eq: $town } } } }
    sort: [{ code: ASC }]
  ) {
    code
    name
    population
    collectiveIncome
    partyOrganizations(where: { category: { eq: VILLAGE } }) {
      name
      kind
      isWeak
      formalMemberCount
    }
  }
}`,
  },
  {
    query: `# Two-new organizations without organizational coverage, first page
query UncoveredTwoNew {
  twoNewOrganizationsConnection(
    first: 20
    where: { coveredBy: { none: { status: { eq: ACTIVE } } } }
    sort: [{ name: ASC }]
  ) {
    totalCount
    pageInfo { hasNextPage endCursor }
    edges { node { id name type creditCode formalMemberCount coverageClass locatedIn { name } } }
  }
}`,
  },
  {
    query: `# Active pairings with their parties and roles
query ActivePairings {
  pairings(where: { status: { eq: ACTIVE } }, limit: 20) {
    id
    kind
    startedOn
    focusAreas
    fundsCommitted
    partiesConnection {
      edges { properties { role } node { name category basedIn { name } } }
    }
  }
}`,
  },
  {
    query: `# Coverage of Laixi, town by town (DOMAIN.md rules), today: the sample's dates follow the day it was loaded
query CoverageOfLaixi {
  coverageReport(regionCode: "370285000000", depth: 1) {
    region { name level }
    twoNew { total organizational workOnly none orgCoverageRate workCoverageRate }
    villages { total withPartyOrg chainComplete secretaryIsDirector secretaryIsCollectiveHead weak withPartyLedCooperative centralHouseholdReach }
    gapCounts { kind count }
    children { region { code name } villages { total chainComplete } gapCounts { kind count } }
  }
}`,
  },
  {
    query: `# Every coverage gap of Laixi, with the reason, 20 per page (pass after: endCursor for more)
query GapsOfLaixi($after: String) {
  coverageGaps(regionCode: "370285000000", first: 20, after: $after) {
    totalCount
    pageInfo { hasNextPage endCursor }
    edges { node { kind subjectId subjectName subjectLabel regionCode villageCode townCode reason } }
  }
}`,
  },
  {
    query: `# Organizational life (三会一课, 主题党日, 组织生活会) overdue in one town, with the missing kinds
query OrgLifeOverdue {
  coverageGaps(regionCode: "370285000000", kinds: [ORG_LIFE_OVERDUE], townCode: "370285104000") {
    edges { node { subjectName villageCode missingKinds reason } }
  }
}`,
  },
  {
    query: `# One village's organization chain: 镇党委—村党组织—网格党组织—党员中心户
query ChainOfVillage {
  organizationChain(villageCode: "370285103202") {
    village { name } town { name } townOrganization { name } villageOrganization { name kind }
    grids { code name gridOrganization { name } centralHouseholds { name households } }
    complete
    missing
  }
}`,
  },
  {
    query: `# The pairing network of 日庄镇 as nodes and edges, with statistics
query NetworkOfRizhuang {
  pairingNetwork(regionCode: "370285104000", includeEnded: false) {
    truncated
    stats { pairings byKind { kind count } partyOrganizations institutions weakVillagesPaired weakVillagesUnpaired components isolatedVillageOrganizations }
    nodes { id type label regionCode attributes { kind category status isWeak formalMembers } }
    edges { id source target type role }
  }
}`,
  },
  {
    query: `# How is 青岛农业大学 connected to 莱西市人民医院?
query Connection {
  connectionPath(fromId: "inst-qau", toId: "inst-lxyy", maxHops: 6) {
    found hops
    nodes { id type label }
    edges { type role source target }
  }
}`,
  },
  {
    query: `# What would merging five villages of 南墅镇 into two new villages do? (writes nothing)
query SimulateMerge {
  simulateMerge(input: { townCode: "370285105000", asOf: "2026-11-15", groups: [
    { name: "南墅东新村", villageCodes: ["370285105201", "370285105202", "370285105203"] }
    { name: "南墅西新村", villageCodes: ["370285105204", "370285105206"] }
  ] }) {
    groups { name code population households formalMembers recommendedOrgKind spreadKm industries weakVillages strongVillages
             inheritedPairings secretaryCandidates { name score reasons } warnings { code message } }
    town { villagesBefore villagesAfter gapsBefore { kind count } gapsAfter { kind count } }
  }
}`,
  },
  {
    query: `# A proposal for the whole of 日庄镇 from the guidance's principles
query Suggest {
  suggestMerges(townCode: "370285104000", options: { maxSpreadKm: 5, requireStrongVillage: true }) {
    groups { name villageCodes households spreadKm strongVillages weakVillages warnings { code } }
    leftAlone
    town { villagesBefore villagesAfter }
  }
}`,
  },
  {
    query: `# The real layout adjustment of Laixi: 村 and 居 of every town, 2019 against 2023 (official codes;
# record them first: npm run divisions -- --region 370285 --vintage 2019 --reference, then --vintage 2023)
query LayoutOfLaixi {
  layoutComparison(regionCode: "370285000000") {
    from { year complete } to { year complete }
    towns { code name from { villages residential } to { villages residential } villageChange }
    total { from { villages residential total } to { villages residential total } }
  }
}`,
  },
];
