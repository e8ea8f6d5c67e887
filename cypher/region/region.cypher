// The region a request names, whatever its status, if the caller's $scope holds it
// (the region or one above it); outside the scope it does not exist.
MATCH (r:Region {code: $regionCode})
WHERE $scope IS NULL OR EXISTS { MATCH (r)-[:PART_OF*0..]->(s:Region) WHERE s.code IN $scope }
RETURN r.code AS code, r.name AS name, r.level AS level, r.status AS status
