// The town a scenario is for, its ACTIVE town Party organization, and its region codes in use.
MATCH (t:Region {code: $townCode})
WHERE ($scope IS NULL OR EXISTS { MATCH (t)-[:PART_OF*0..]->(s:Region) WHERE s.code IN $scope })
RETURN t.code AS code, t.name AS name, t.level AS level, t.status AS status,
  head([(o:PartyOrganization {category: 'TOWN', status: 'ACTIVE'})-[:BASED_IN]->(t) | o.id]) AS townOrgId,
  COLLECT { MATCH (r:Region) WHERE r.code STARTS WITH $prefix RETURN r.code } AS codesInUse
