// The names of the regions a list of codes names, those in the caller's $scope only (the region
// or one above it); outside the scope a region does not exist, so its name is not given away.
UNWIND $codes AS code
MATCH (r:Region {code: code})
WHERE $scope IS NULL OR EXISTS { MATCH (r)-[:PART_OF*0..]->(s:Region) WHERE s.code IN $scope }
RETURN r.code AS code, r.name AS name
