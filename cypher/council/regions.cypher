// The regions a council would serve.
UNWIND $codes AS code
MATCH (r:Region {code: code})
WHERE ($scope IS NULL OR EXISTS { MATCH (r)-[:PART_OF*0..]->(s:Region) WHERE s.code IN $scope })
RETURN r.code AS code, r.level AS level, r.status AS status
