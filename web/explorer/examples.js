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
];
