// Which of $codes a principal may see: the region itself or an ancestor (PART_OF*0..) is one of
// the scope's codes. $scope is null for a principal that sees everything (ADMIN).
UNWIND $codes AS code
MATCH (r:Region {code: code})
WHERE $scope IS NULL OR EXISTS { MATCH (r)-[:PART_OF*0..]->(s:Region) WHERE s.code IN $scope }
RETURN r.code AS code
